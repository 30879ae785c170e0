#!/usr/bin/env python3
"""Benchmark an environment's export against a plain export of the same design.

A generated design (default 5,000 send ports) has its addresses and retry counts replaced by
``${Token}``s (one setting per 10 ports, so that values are shared as in a real master) and a
settings sheet with Dev, Test and Prod. Best of --repeat, in one process: a plain export as
``portwright export`` writes it (``Workspace.export`` with secrets blanked, the baseline) and
``Workspace.environments.export("Prod")`` (the same, filled); the ratio is printed with
PASS/MISS against the target. Nothing asserts.

    .venv/bin/python -m benchmarks.bench_environments [--ports 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import re
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generate
from model.bindings.blanking import blank_bytes
from model.environments.table import Environment, Setting, SettingsTable
from model.store import Workspace

TARGET = 1.5  # an environment's export within 1.5x of a plain export


def best(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def tokenised(data: bytes) -> tuple[bytes, SettingsTable]:
    text = data.decode("utf-8")
    counter = iter(range(10**9))
    names: list[str] = []

    def address(m: re.Match[str]) -> str:
        n = next(counter)
        name = f"OutPath{n // 10}"
        if n % 10 == 0:
            names.append(name)
        return f"<Address>${{{name}}}\\{n}</Address>"

    text = re.sub(r"<Address>[^<]*</Address>", address, text)
    text = re.sub(r"<RetryCount>\d+</RetryCount>", "<RetryCount>${RetryCount}</RetryCount>", text)
    envs = [Environment("Dev"), Environment("Test"), Environment("Prod")]
    settings = [Setting(n, f"C:\\Out\\{n}", {"Prod": f"\\\\prod\\share & more\\{n}"}) for n in names]
    settings.append(Setting("RetryCount", "3", {"Prod": "5"}))
    return text.encode("utf-8"), SettingsTable(envs, settings)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ports", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    design, table = tokenised(generate(args.ports, args.ports // 10, seed=0))
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace(Path(tmp) / "bench.sqlite", user="bench")
        ws.import_file(design)
        ws.environments.save("", table, None)
        plain, _ = best(lambda: blank_bytes(ws.export()), args.repeat)
        prod, data = best(lambda: ws.environments.export("Prod"), args.repeat)
        assert isinstance(data, bytes) and b"${" not in data
        ws.close()
    ratio = prod / plain
    print(f"ports: {args.ports}, settings: {len(table.settings)}, repeat: best of {args.repeat}")
    print(f"plain export (baseline): {plain * 1000:.1f} ms")
    print(
        f"export --env Prod:       {prod * 1000:.1f} ms  = {ratio:.2f}x plain export "
        f"(target <= {TARGET}x: {'PASS' if ratio <= TARGET else 'MISS'})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
