#!/usr/bin/env python3
"""Benchmark the SQLite workspace against bare model.bindings load/dump of the same file.

For one generated file (default 5,000 send ports and 500 groups) it times, in one process,
best of --repeat each: model.bindings.load and dump (the baselines); import into a fresh
SQLite workspace (Workspace.import_file from bytes); reopening the workspace and listing
it (Workspace(path).entries()); a bulk start of every send port (perform(Action.START, ...)
on a freshly imported workspace each time); and an export of everything. Each figure is
printed beside its baseline and as a ratio, then PASS/MISS per target. Nothing asserts.

    .venv/bin/python -m benchmarks.bench_workspace [--ports 5000] [--groups N] [--repeat 3]
        [--seed 0] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import shutil
import sys
import tempfile
import time

import sqlalchemy

from benchmarks.generate import generate
from model.bindings import dump, load
from model.lifecycle import Action, Kind, State, Subject
from model.store import Workspace

TARGET_IMPORT = 2.0  # import within 2x of load
TARGET_EXPORT = 2.0  # export within 2x of dump
TARGET_START = 1.0  # bulk start of every port under the time of one load


def timed(fn) -> tuple[float, object]:
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def best_of(fn, repeat: int) -> tuple[float, object]:
    """Best wall time of `repeat` calls and the last result; the previous result is freed first."""
    best, result = math.inf, None
    for _ in range(repeat):
        result = None
        t, result = timed(fn)
        best = min(best, t)
    return best, result


def fresh_workspace(folder: str, name: str) -> str:
    """The path of a new, empty (schema only) SQLite workspace."""
    path = os.path.join(folder, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    Workspace(path).close()
    return path


def baselines(data: bytes, repeat: int) -> tuple[float, float, bool]:
    """load and dump times; the document is freed when this returns."""
    load_time, doc = best_of(lambda: load(data), repeat)
    dump_time, out = best_of(lambda: dump(doc), repeat)
    return load_time, dump_time, out == data


def import_once(path: str, data: bytes) -> tuple[float, int]:
    ws = Workspace(path)
    try:
        t, summary = timed(lambda: ws.import_file(data))
        return t, len(summary.created)
    finally:
        ws.close()


def start_once(path: str, data: bytes, names: list[str]) -> tuple[float, int, int]:
    """Time of a bulk start of ``names`` on a fresh import; transitions and ports started."""
    ws = Workspace(path)
    try:
        ws.import_file(data)
        subjects = [Subject.port(n) for n in names]
        t, changes = timed(lambda: ws.perform(Action.START, subjects))
        started = sum(1 for e in ws.entries(state=State.STARTED) if e.kind is Kind.PORT)
        return t, len(changes), started
    finally:
        ws.close()


def bench(args, folder: str) -> dict:
    r: dict = {"ports": args.ports, "groups": args.groups}
    t, data = timed(lambda: generate(args.ports, args.groups, args.seed))
    r["generate"], r["bytes"] = t, len(data)

    # Baselines: the bare document model on the same bytes.
    r["load"], r["dump"], r["dump_identical"] = baselines(data, args.repeat)
    gc.collect()  # the loaded document is gone: the collector must not scan it in what follows

    # Import into a fresh workspace (schema creation not timed).
    times = []
    for i in range(args.repeat):
        path = fresh_workspace(folder, f"import{i}.sqlite")
        t, r["created"] = import_once(path, data)
        times.append(t)
    r["import"] = min(times)
    r["workspace_bytes"] = sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))

    # Reopen and list (a new engine each time: what `portwright ls` does).
    def reopen_and_list():
        ws = Workspace(path)
        try:
            return ws.entries()
        finally:
            ws.close()

    r["reopen_list"], entries = best_of(reopen_and_list, args.repeat)
    r["entries"] = len(entries)
    names = [e.name for e in entries if e.kind is Kind.PORT]
    del entries

    # Bulk start of every port, each repeat on a freshly imported workspace (import not timed).
    times = []
    for i in range(args.repeat):
        start_path = fresh_workspace(folder, f"start{i}.sqlite")
        t, r["start_changes"], r["started"] = start_once(start_path, data, names)
        times.append(t)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(start_path + suffix):
                os.unlink(start_path + suffix)
    r["start"] = min(times)

    # Export of everything: the first export after opening the workspace (what `portwright
    # export` does: it decodes the imported file's skeleton), then repeated exports on the same
    # open workspace (the designer saving again; the skeleton is kept).
    def open_and_export():
        ws = Workspace(path)
        try:
            t, out = timed(ws.export)
            return t, out
        finally:
            ws.close()

    r["export_first"] = min(open_and_export()[0] for _ in range(args.repeat))
    ws = Workspace(path)
    try:
        ws.export()
        r["export"], out = best_of(ws.export, args.repeat)
    finally:
        ws.close()
    r["export_identical"] = out == data
    r["export_bytes"] = len(out)
    return r


def fmt_t(s: float | None) -> str:
    if s is None:
        return "-"
    return f"{s * 1000:,.1f} ms" if s < 10 else f"{s:,.2f} s"


def report(r: dict, args) -> None:
    print(
        f"Portwright workspace benchmark: Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}, "
        f"SQLite {__import__('sqlite3').sqlite_version}, {platform.machine()}, {os.cpu_count()} CPUs; "
        f"best of {args.repeat}; seed {args.seed}"
    )
    print(
        f"File: {r['ports']:,} send ports, {r['groups']:,} groups, {r['bytes'] / 2**20:,.1f} MiB "
        f"(generated in {fmt_t(r['generate'])}); workspace file {r['workspace_bytes'] / 2**20:,.1f} MiB"
    )
    rows = [
        ("model.bindings.load (baseline)", r["load"], None, None),
        ("model.bindings.dump (baseline)", r["dump"], None, None),
        ("import into a fresh workspace", r["import"], "load", r["load"]),
        ("reopen + entries()", r["reopen_list"], "load", r["load"]),
        (f"bulk start of {r['ports']:,} ports", r["start"], "load", r["load"]),
        ("export everything, first after opening", r["export_first"], "dump", r["dump"]),
        ("export everything, again", r["export"], "dump", r["dump"]),
    ]
    head = ["phase", "time", "baseline", "ratio"]
    cells = [
        [label, fmt_t(t), f"{name} {fmt_t(base)}" if name else "", f"{t / base:.2f}x" if base else ""]
        for label, t, name, base in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(head)]
    print()
    print("  " + "  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(head, widths))))
    for c in cells:
        print("  " + "  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(c, widths))))

    print("\nChecks")
    print(f"  dump gives the file back byte for byte:   {'yes' if r['dump_identical'] else 'NO'}")
    print(
        f"  export gives the file back byte for byte: {'yes' if r['export_identical'] else 'NO'}"
        f" ({r['export_bytes']:,} bytes)"
    )
    print(f"  import created {r['created']:,} ports and groups; entries() listed {r['entries']:,}")
    print(f"  bulk start: {r['start_changes']:,} transitions, {r['started']:,} ports started")

    print("\nTargets")

    def line(label: str, ok: bool, detail: str) -> None:
        print(f"  {'PASS' if ok else 'MISS'}  {label:58s} {detail}")

    line(
        f"import <= {TARGET_IMPORT:g}x load",
        r["import"] <= TARGET_IMPORT * r["load"],
        f"{r['import'] / r['load']:.2f}x",
    )
    line(
        f"export <= {TARGET_EXPORT:g}x dump (first after opening)",
        r["export_first"] <= TARGET_EXPORT * r["dump"],
        f"{r['export_first'] / r['dump']:.2f}x",
    )
    line(
        f"bulk start of all ports < {TARGET_START:g}x load",
        r["start"] < TARGET_START * r["load"],
        f"{r['start'] / r['load']:.2f}x",
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ports", type=int, default=5000, help="send ports in the generated file (default 5000)")
    ap.add_argument("--groups", type=int, default=None, help="send port groups (default ports/10)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing, best kept (default 3)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", metavar="DIR", help="leave the workspaces in DIR (default: a temp dir, removed)")
    args = ap.parse_args(argv)
    if args.groups is None:
        args.groups = args.ports // 10
    if args.ports < 1 or args.groups < 0 or args.repeat < 1:
        ap.error("--ports and --repeat must be positive, --groups not negative")
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        folder = args.keep
    else:
        folder = tempfile.mkdtemp(prefix="portwright-bench-ws-")
    try:
        report(bench(args, folder), args)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
