"""Portwright's benchmarks, and the one generator of binding XML that they share with the tests.

Run a benchmark from the repository root as a module (``python -m benchmarks.bench_bindings``)
so that ``benchmarks.generate`` imports without touching ``sys.path``.
"""
