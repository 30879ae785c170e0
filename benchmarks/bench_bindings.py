#!/usr/bin/env python3
"""Benchmark model.bindings.load/dump against bare lxml on generated binding files.

For each size (send ports; groups = ports/10) it prints the file size, the bare-lxml
baselines (parse of the outer document plus every escaped document inside it; serialization
of the outer tree), load() and dump() times and their ratios to the baselines, the peak
memory of load() as a multiple of the file size (fresh process per size) and the per-port
cost, then PASS/MISS per target. Figures only: nothing here asserts.

    .venv/bin/python -m benchmarks.bench_bindings [--sizes 1000,5000,20000] [--quick]
        [--repeat 3] [--seed 0] [--out-dir benchmarks/out] [--baseline-only] [--no-memory]
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
import time

from lxml import etree

from benchmarks.generate import NESTED_TAGS, generate, write_atomically

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.DOTALL)
TARGET_LOAD = 3.0  # load within 3x the bare parse (outer + nested)
TARGET_DUMP = 3.0  # dump within 3x the bare serialization
TARGET_MEMORY = 10.0  # peak memory of load under 10x the file size
TARGET_LINEAR = 1.5  # per-port cost at the largest size / at the smallest


def parser():
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def parse_outer(data: bytes):
    return etree.fromstring(data, parser())


def parse_nested(root, keep: list | None = None) -> int:
    """Parse every escaped document (TransportTypeData, Filter, pipeline data ...) in the tree."""
    p = parser()
    n = 0
    for el in root.iter(*NESTED_TAGS):
        text = el.text
        if not text:
            continue
        text = text.strip()
        if not text.startswith("<"):
            continue
        inner = etree.fromstring(DECL.sub("", text, count=1), p)
        n += 1
        if keep is not None:
            keep.append(inner)
    return n


def serialize(root) -> bytes:
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")


def import_model():
    """(load, dump, None) or (None, None, reason)."""
    try:
        from model.bindings import dump, load
    except Exception as e:
        return None, None, f"{type(e).__name__}: {e}"
    return load, dump, None


def best_of(fn, repeat: int):
    """Best wall time of `repeat` calls and the last result; the previous result is freed first."""
    best, result = math.inf, None
    for _ in range(repeat):
        result = None
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


# ---------------------------------------------------------------------- memory probe (subprocess)
def _status_kib(field: str) -> int | None:
    """A VmRSS/VmHWM figure of this process from /proc (Linux), in KiB."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _maxrss_bytes() -> int:
    import resource

    v = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return v if sys.platform == "darwin" else v * 1024  # KiB on Linux, bytes on macOS


def _reset_peak() -> bool:
    """Reset this process's RSS high-water mark to its current RSS (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def probe(mode: str, what: str, path: str) -> dict:
    """Run in a fresh interpreter: peak memory of one bare parse or one load() of `path`.

    Peak = high-water RSS after the call minus RSS before it. On Linux, ru_maxrss of a child
    started by fork/vfork + exec starts at the *parent's* peak (the kernel carries it over in
    signal->maxrss), so it is useless under a large parent; the per-mm VmHWM is not carried over,
    and is reset to the current RSS just before the call. Elsewhere ru_maxrss growth is used."""
    with open(path, "rb") as f:
        data = f.read()
    if what == "load":
        load, _, reason = import_model()
        if load is None:
            return {"error": reason}

        def fn():
            return load(data)
    else:

        def fn():
            root = parse_outer(data)
            keep: list = []
            parse_nested(root, keep)
            return root, keep

    gc.collect()
    if mode == "tracemalloc":
        import tracemalloc

        tracemalloc.start()
        result = fn()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del result
        return {"peak": peak}
    rss_before = _status_kib("VmRSS")
    maxrss_before = _maxrss_bytes()
    use_hwm = rss_before is not None and _reset_peak() and _status_kib("VmHWM") is not None
    result = fn()
    maxrss_growth = _maxrss_bytes() - maxrss_before
    rss_after = _status_kib("VmRSS")
    hwm = _status_kib("VmHWM") if use_hwm else None
    if hwm is not None and rss_before is not None:
        peak, method = (hwm - rss_before) * 1024, "VmHWM"
    else:
        peak, method = maxrss_growth, "ru_maxrss"
    retained = (rss_after - rss_before) * 1024 if rss_before is not None and rss_after is not None else None
    del result
    return {"peak": peak, "retained": retained, "method": method, "maxrss_growth": maxrss_growth}


def run_probe(mode: str, what: str, path: str) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.bench_bindings", "--_probe", mode, what, path]
    proc = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"probe failed ({proc.returncode}): {tail}"}
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": f"unreadable probe output: {proc.stdout[-200:]!r}"}


# ---------------------------------------------------------------------- the benchmark
def bench_size(n: int, args, out_dir: str, load, dump) -> dict:
    r: dict = {"ports": n, "groups": n // 10}
    t0 = time.perf_counter()
    data = generate(n, n // 10, args.seed)
    r["gen"] = time.perf_counter() - t0
    r["bytes"] = len(data)
    path = os.path.join(out_dir, f"bindings_{n}_seed{args.seed}.xml")
    write_atomically(path, data)
    r["path"] = path

    r["parse"], tree = best_of(lambda: parse_outer(data), args.repeat)
    r["nested"], r["nested_docs"] = best_of(lambda: parse_nested(tree), args.repeat)
    r["parse_sum"] = r["parse"] + r["nested"]
    r["serialize"], out = best_of(lambda: serialize(tree), args.repeat)
    r["serialize_bytes"] = len(out)
    tree = out = None  # free before timing the model

    if load is not None:
        try:
            r["load"], doc = best_of(lambda: load(data), args.repeat)
        except Exception as e:
            r["load_error"] = f"{type(e).__name__}: {e}"
        else:
            try:
                r["dump"], out = best_of(lambda: dump(doc), args.repeat)
                r["dump_bytes"] = len(out)
                r["dump_identical"] = out == data
                del out
            except Exception as e:
                r["dump_error"] = f"{type(e).__name__}: {e}"
            del doc
    gc.collect()

    if not args.no_memory:
        r["mem_parse"] = run_probe("rss", "parse", path)
        if load is not None and "load" in r:
            r["mem_load"] = run_probe("rss", "load", path)
            r["tm_load"] = run_probe("tracemalloc", "load", path)
    return r


def fmt_t(s: float | None) -> str:
    if s is None:
        return "-"
    return f"{s * 1000:,.1f} ms" if s < 10 else f"{s:,.2f} s"


def fmt_x(v: float | None) -> str:
    return "-" if v is None else f"{v:.2f}x"


def table(title: str, head: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
    print(f"\n{title}")
    print("  " + "  ".join(h.rjust(w) for h, w in zip(head, widths)))
    for row in rows:
        print("  " + "  ".join(c.rjust(w) for c, w in zip(row, widths)))


def mem_cell(m: dict | None, key: str, size: int) -> tuple[str, float | None]:
    if not m:
        return "-", None
    if "error" in m:
        return "error", None
    v = m.get(key)
    if v is None:
        return "-", None
    return f"{v / 2**20:,.1f} MiB", v / size


def report(results: list[dict], model_reason: str | None, args) -> None:
    print(
        f"Portwright binding benchmark: Python {platform.python_version()}, lxml {etree.__version__} "
        f"(libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))}), {platform.machine()}, {os.cpu_count()} CPUs; "
        f"best of {args.repeat}; seed {args.seed}"
    )
    if model_reason:
        print(f"model.bindings: not measured ({model_reason}); baselines only.")

    table(
        "Generated files (groups = ports/10)",
        ["ports", "groups", "size", "KiB/port", "generate"],
        [
            [
                f"{r['ports']:,}",
                f"{r['groups']:,}",
                f"{r['bytes'] / 2**20:,.1f} MiB",
                f"{r['bytes'] / r['ports'] / 1024:.2f}",
                fmt_t(r["gen"]),
            ]
            for r in results
        ],
    )

    table(
        "Baseline: bare lxml (hardened parser)",
        ["ports", "parse outer", "parse nested", "docs", "parse sum", "serialize outer", "µs/port parse sum"],
        [
            [
                f"{r['ports']:,}",
                fmt_t(r["parse"]),
                fmt_t(r["nested"]),
                f"{r['nested_docs']:,}",
                fmt_t(r["parse_sum"]),
                fmt_t(r["serialize"]),
                f"{r['parse_sum'] / r['ports'] * 1e6:.1f}",
            ]
            for r in results
        ],
    )

    if not model_reason:
        rows = []
        for r in results:
            load_t, dump_t = r.get("load"), r.get("dump")
            rows.append(
                [
                    f"{r['ports']:,}",
                    fmt_t(load_t) if load_t is not None else "error",
                    fmt_x(load_t / r["parse_sum"]) if load_t is not None else "-",
                    fmt_t(dump_t) if dump_t is not None else ("error" if "dump_error" in r else "-"),
                    fmt_x(dump_t / r["serialize"]) if dump_t is not None else "-",
                    f"{load_t / r['ports'] * 1e6:.1f}" if load_t is not None else "-",
                    f"{dump_t / r['ports'] * 1e6:.1f}" if dump_t is not None else "-",
                    f"{r['dump_bytes'] / r['bytes']:.3f}" if "dump_bytes" in r else "-",
                    ("yes" if r["dump_identical"] else "no") if "dump_identical" in r else "-",
                ]
            )
        table(
            f"model.bindings (targets: load <= {TARGET_LOAD:g}x parse sum, dump <= {TARGET_DUMP:g}x serialize)",
            [
                "ports",
                "load",
                "x parse",
                "dump",
                "x serialize",
                "µs/port load",
                "µs/port dump",
                "dump/file size",
                "same bytes",
            ],
            rows,
        )
        for r in results:
            for k in ("load_error", "dump_error"):
                if k in r:
                    print(f"  {r['ports']:,} ports: {k.replace('_', ' ')}: {r[k]}")

    if not args.no_memory:
        rows = []
        for r in results:
            pp, px = mem_cell(r.get("mem_parse"), "peak", r["bytes"])
            lp, lx = mem_cell(r.get("mem_load"), "peak", r["bytes"])
            lr, _ = mem_cell(r.get("mem_load"), "retained", r["bytes"])
            tp, tx = mem_cell(r.get("tm_load"), "peak", r["bytes"])
            rows.append(
                [f"{r['ports']:,}", f"{r['bytes'] / 2**20:,.1f} MiB", pp, fmt_x(px), lp, fmt_x(lx), lr, tp, fmt_x(tx)]
            )
        table(
            f"Memory, fresh process per size (target: load peak < {TARGET_MEMORY:g}x file size)",
            [
                "ports",
                "file",
                "bare parse RSS peak",
                "x file",
                "load RSS peak",
                "x file",
                "load RSS retained",
                "load tracemalloc peak",
                "x file",
            ],
            rows,
        )
        methods = sorted(
            {m.get("method") for r in results for m in (r.get("mem_parse"), r.get("mem_load")) if m and m.get("method")}
        )
        print(f"  RSS peak = high-water RSS after the call minus RSS before ({'/'.join(methods) or '-'}; see probe());")
        print("  retained = RSS after minus before, the result still alive;")
        print("  tracemalloc sees Python allocations only, not libxml2's (lxml trees live in C memory).")
        for r in results:
            for k in ("mem_parse", "mem_load", "tm_load"):
                if r.get(k, {}).get("error"):
                    print(f"  {r['ports']:,} ports, {k}: {r[k]['error']}")

    # Linearity: per-port cost at the largest size over the smallest.
    lin = {}
    if len(results) >= 2:
        a, b = results[0], results[-1]
        rows = []
        for key, label in (
            ("parse_sum", "bare parse sum"),
            ("serialize", "bare serialize"),
            ("load", "load"),
            ("dump", "dump"),
        ):
            if a.get(key) is None or b.get(key) is None:
                continue
            pa, pb = a[key] / a["ports"], b[key] / b["ports"]
            lin[key] = pb / pa
            rows.append(
                [label]
                + [f"{r[key] / r['ports'] * 1e6:.1f}" if r.get(key) is not None else "-" for r in results]
                + [f"{pb / pa:.2f}"]
            )
        table(
            f"Per-port cost, µs/port (target: ratio {b['ports']:,}/{a['ports']:,} <= {TARGET_LINEAR:g})",
            ["step"] + [f"{r['ports']:,}" for r in results] + ["ratio"],
            rows,
        )

    print("\nTargets")

    def line(label: str, ok: bool | None, detail: str) -> None:
        status = "n/a " if ok is None else ("PASS" if ok else "MISS")
        print(f"  {status}  {label:44s} {detail}")

    if model_reason:
        na = (
            "skipped (--baseline-only)"
            if model_reason == "--baseline-only"
            else f"model.bindings not importable ({model_reason.split(':')[0]})"
        )
        line(f"load <= {TARGET_LOAD:g}x bare parse (outer + nested)", None, na)
        line(f"dump <= {TARGET_DUMP:g}x bare serialization", None, na)
        line(f"load peak memory < {TARGET_MEMORY:g}x file size", None, na)
        line("cost linear in ports", None, na)
        return
    ratios = [(r["load"] / r["parse_sum"], r["ports"]) for r in results if r.get("load") is not None]
    if ratios:
        worst = max(ratios)
        line(
            f"load <= {TARGET_LOAD:g}x bare parse (outer + nested)",
            worst[0] <= TARGET_LOAD,
            f"worst {worst[0]:.2f}x at {worst[1]:,} ports",
        )
    else:
        line(f"load <= {TARGET_LOAD:g}x bare parse (outer + nested)", None, "load failed")
    ratios = [(r["dump"] / r["serialize"], r["ports"]) for r in results if r.get("dump") is not None]
    if ratios:
        worst = max(ratios)
        line(
            f"dump <= {TARGET_DUMP:g}x bare serialization",
            worst[0] <= TARGET_DUMP,
            f"worst {worst[0]:.2f}x at {worst[1]:,} ports",
        )
    else:
        line(f"dump <= {TARGET_DUMP:g}x bare serialization", None, "dump failed or not run")
    mems = [
        (r["mem_load"]["peak"] / r["bytes"], r["ports"])
        for r in results
        if r.get("mem_load", {}).get("peak") is not None
    ]
    if mems:
        worst = max(mems)
        line(
            f"load peak memory < {TARGET_MEMORY:g}x file size",
            worst[0] < TARGET_MEMORY,
            f"worst {worst[0]:.2f}x at {worst[1]:,} ports (RSS)",
        )
    else:
        line(f"load peak memory < {TARGET_MEMORY:g}x file size", None, "not measured")
    steps = {k: v for k, v in lin.items() if k in ("load", "dump")}
    if steps:
        detail = ", ".join(f"{k} {v:.2f}" for k, v in steps.items())
        if "parse_sum" in lin:  # the bare parse is not perfectly linear either; show it for scale
            detail += f"; bare parse {lin['parse_sum']:.2f}"
        line(
            "cost linear in ports",
            all(v <= TARGET_LINEAR for v in steps.values()),
            f"per-port {results[-1]['ports']:,}/{results[0]['ports']:,}: {detail} (<= {TARGET_LINEAR:g})",
        )
    else:
        line("cost linear in ports", None, "needs two sizes and a working load/dump")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_probe"]:  # internal: one memory measurement in a fresh interpreter
        print(json.dumps(probe(argv[1], argv[2], argv[3])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,5000,20000", help="comma-separated send port counts")
    ap.add_argument("--quick", action="store_true", help="1000 ports only")
    ap.add_argument("--repeat", type=int, default=3, help="runs per timing, best kept (default 3)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out-dir", help="keep generated files here (e.g. benchmarks/out); default: a temp dir")
    ap.add_argument("--baseline-only", action="store_true", help="do not import or time model.bindings")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory probes (subprocesses)")
    args = ap.parse_args(argv)
    sizes = [1000] if args.quick else sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    if args.repeat < 1 or not sizes or min(sizes) < 1:
        ap.error("sizes and --repeat must be positive")

    if args.baseline_only:
        load = dump = None
        reason = "--baseline-only"
    else:
        load, dump, reason = import_model()

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
            print(f"... {n:,} ports", file=sys.stderr, flush=True)
            results.append(bench_size(n, args, out_dir, load, dump))
        report(results, reason, args)
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
