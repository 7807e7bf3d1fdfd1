"""Benchmarks printed by `make bench` (python -m bench): one line per figure, `name: value unit`."""
