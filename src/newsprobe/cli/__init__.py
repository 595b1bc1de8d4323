"""The `newsprobe` command line: thin Typer commands over the public API (see `app`)."""

from newsprobe.cli.app import app, main

__all__ = ["app", "main"]
