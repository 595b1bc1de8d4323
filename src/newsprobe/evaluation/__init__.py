"""Scorers shared by tests, benchmarks and `train/`: each reads a gold set and a result."""
