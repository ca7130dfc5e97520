"""Benchmarks, run by hand: `make bench` (all) or `.venv/bin/python -m bench NAME`."""
