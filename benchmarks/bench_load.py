#!/usr/bin/env python3
"""``model.bindings.load`` against a bare lxml parse, and its peak memory, at scale.

For 1,000, 5,000, 20,000 and 100,000 ports (groups = ports/10) it prints, beside the baseline
measured in the same run: load / bare parse (the hardened lxml parse of the file plus the parse
of every nested escaped document in it, as ``bench_bindings`` measures it), the per-port cost,
and load's peak memory / file size (tracemalloc peak and RSS high-water growth, each in a fresh
process), then PASS/MISS for the targets. Figures only: nothing here asserts.

    .venv/bin/python -m benchmarks.bench_load [--sizes 1000,5000,20000,100000] [--repeat 3]
        [--out-dir benchmarks/out] [--no-memory]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time

from benchmarks.bench_bindings import best_of, parse_nested, parse_outer, run_probe
from benchmarks.generate import generate, write_atomically

TARGET_LOAD = 2.0  # load within 2x the bare parse
TARGET_LOAD_LARGE = 1.5  # ... and within 1.5x from LARGE ports up
LARGE = 20_000
TARGET_MEMORY = 4.0  # load peak memory at most 4x the file size
TARGET_LINEAR = 1.5  # per-port load cost at the largest size / at the smallest


def file_for(n: int, seed: int, out_dir: str) -> tuple[str, bytes]:
    """The generated file of ``n`` ports (kept in ``out_dir``; the generator is deterministic)."""
    path = os.path.join(out_dir, f"bindings_{n}_seed{seed}.xml")
    if os.path.exists(path):
        with open(path, "rb") as f:
            return path, f.read()
    data = generate(n, n // 10, seed)
    write_atomically(path, data)
    return path, data


def bench_size(n: int, args: argparse.Namespace, out_dir: str) -> dict:
    from model.bindings import load

    path, data = file_for(n, args.seed, out_dir)
    repeat = args.repeat if n < 100_000 else max(1, min(args.repeat, 2))

    def bare() -> object:
        root = parse_outer(data)
        keep: list = []
        parse_nested(root, keep)
        return root, keep

    r: dict = {"ports": n, "bytes": len(data)}
    # Interleaved, so that a busy machine slows both alike.
    r["parse"], r["load"] = float("inf"), float("inf")
    for _ in range(repeat):
        t, result = best_of(bare, 1)
        r["parse"] = min(r["parse"], t)
        result = None
        t, result = best_of(lambda: load(data), 1)
        r["load"] = min(r["load"], t)
        result = None
    del result
    gc.collect()
    if not args.no_memory:
        r["tm"] = run_probe("tracemalloc", "load", path)
        r["rss"] = run_probe("rss", "load", path)
    return r


def report(results: list[dict]) -> None:
    print("model.bindings.load against a bare lxml parse (file + nested documents)")
    for r in results:
        n, size = r["ports"], r["bytes"]
        tm, rss = r.get("tm", {}), r.get("rss", {})
        mem = ""
        if "peak" in tm:
            mem += f"; peak tracemalloc {tm['peak'] / 2**20:,.1f} MiB = {tm['peak'] / size:.2f}x file"
        if "peak" in rss:
            mem += f", RSS {rss['peak'] / 2**20:,.1f} MiB = {rss['peak'] / size:.2f}x file"
        for probe in (tm, rss):
            if "error" in probe:
                mem += f"; memory probe: {probe['error']}"
        print(
            f"  {n:>7,} ports ({size / 2**20:,.1f} MiB): bare parse {r['parse']:.3f} s, load {r['load']:.3f} s"
            f" = {r['load'] / r['parse']:.2f}x; {r['load'] / n * 1e6:.1f} µs/port{mem}"
        )
    print("Targets")
    for r in results:
        limit = TARGET_LOAD_LARGE if r["ports"] >= LARGE else TARGET_LOAD
        x = r["load"] / r["parse"]
        print(f"  {'PASS' if x <= limit else 'MISS'}  load <= {limit:g}x bare parse at {r['ports']:,}: {x:.2f}x")
    for r in results:
        for key, label in (("tm", "tracemalloc"), ("rss", "RSS")):
            peak = r.get(key, {}).get("peak")
            if peak is not None:
                x = peak / r["bytes"]
                status = "PASS" if x <= TARGET_MEMORY else "MISS"
                print(f"  {status}  load peak ({label}) <= {TARGET_MEMORY:g}x file at {r['ports']:,}: {x:.2f}x")
    if len(results) >= 2:
        a, b = results[0], results[-1]
        x = (b["load"] / b["ports"]) / (a["load"] / a["ports"])
        status = "PASS" if x <= TARGET_LINEAR else "MISS"
        print(f"  {status}  per-port load {b['ports']:,}/{a['ports']:,} <= {TARGET_LINEAR:g}: {x:.2f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000,100000", help="comma-separated send port counts")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing, best kept (at most 2 at 100k)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out-dir", help="keep generated files here (e.g. benchmarks/out); default: a temp dir")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory probes (subprocesses)")
    args = ap.parse_args(argv)
    sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    if args.repeat < 1 or not sizes or min(sizes) < 1:
        ap.error("sizes and --repeat must be positive")
    tmp = None
    if args.out_dir:
        out_dir = args.out_dir
        os.makedirs(out_dir, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="portwright-bench-")
        out_dir = tmp.name
    try:
        results = []
        for n in sizes:
            t0 = time.perf_counter()
            print(f"... {n:,} ports", file=sys.stderr, flush=True)
            results.append(bench_size(n, args, out_dir))
            print(f"    {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
        report(results)
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
