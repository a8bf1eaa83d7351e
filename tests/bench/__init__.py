"""On-demand benchmarks: ``uv run python -m tests.bench [NAME ...]`` prints figures."""
