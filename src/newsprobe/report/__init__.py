"""Renderers of an `Analysis`: JSON (the contract) and a terminal report."""
