#!/usr/bin/env python3
"""Bounded-input benchmark: diff and validate of a file with 200,000 attributes on one element
and a port of 10,000 filter statements, as ratios to a load of the same file in the same run;
the filter builder showing the 10,000-statement filter as a ratio to a 10-statement one
(offscreen Qt). Figures only: nothing here asserts.

    .venv/bin/python -m benchmarks.bench_hardening [--attributes 200000] [--statements 10000]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from benchmarks.generate.wide import stress_file, wide_attributes


def timed(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--attributes", type=int, default=200_000)
    ap.add_argument("--statements", type=int, default=10_000)
    args = ap.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from model.bindings import load
    from model.bindings.compare import compare_files
    from model.bindings.problems import document_problems

    n = args.attributes
    a = stress_file(wide_attributes(n), args.statements)
    b = stress_file(wide_attributes(n, {n // 2: "changed"}), args.statements)
    doc = load(a)
    t_load = timed(lambda: load(a))
    t_diff = timed(lambda: compare_files(a, b))
    t_validate = timed(lambda: document_problems(doc))
    print(f"file: {len(a):,} bytes, {n:,} attributes on one element, {args.statements:,} filter statements")
    print(f"load      {t_load:8.3f} s")
    print(f"diff      {t_diff:8.3f} s  {t_diff / t_load:6.2f}x load")
    print(f"validate  {t_validate:8.3f} s  {t_validate / t_load:6.2f}x load")

    from PySide6.QtWidgets import QApplication

    from designer.editors.filter_builder import FilterBuilder

    app = QApplication.instance() or QApplication([])
    big = next(p for p in doc.send_ports if p.name == "Filtered").filter
    small = load(stress_file(None, 10)).send_ports[1].filter

    def show(f: object) -> float:
        builder = FilterBuilder()
        builder.resize(700, 600)
        builder.show()
        app.processEvents()
        start = time.perf_counter()
        builder.set_filter(f)  # type: ignore[arg-type]
        app.processEvents()
        elapsed = time.perf_counter() - start
        builder.deleteLater()
        app.processEvents()
        return elapsed

    t_small = min(show(small) for _ in range(3))
    t_big = min(show(big) for _ in range(3))
    print(f"filter builder, 10 statements      {t_small:8.4f} s")
    print(
        f"filter builder, {args.statements:,} statements  {t_big:8.4f} s  {t_big / t_small:6.2f}x the 10-statement port"
    )


if __name__ == "__main__":
    main()
