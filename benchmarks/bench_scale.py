#!/usr/bin/env python3
"""Benchmark how Portwright's costs grow with the number of send ports, against baselines
measured in the same run. Nothing asserts; each line prints the figure, its baseline and
the ratio, then PASS/MISS against the target.

* validate / load: ``document_problems`` of a generated file against ``model.bindings.load``
  of it (target at most 1x), and its cost per port against that at the smallest size;
* lifecycle: ``allowed_actions`` for select-all and ``plan(UNENLIST)``, per subject, on a view
  where every port is started and in a group (flat within 1.5x of the smallest size);
* undo and redo of a bulk start of every port of a workspace (``restore_states``, then the
  same ``perform`` again) against the start itself (at most 1.5x);
* start-up: ``portwright --help`` against ``python -c pass``, and ``portwright ls`` on a tiny
  workspace.

    .venv/bin/python -m benchmarks.bench_scale [--sizes 1000,5000,20000] [--lifecycle-sizes
        1000,5000,20000,100000] [--undo-ports 5000] [--repeat 3] [--skip validate,undo,startup]
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from benchmarks.generate import binding_file, generate, port
from model.bindings import load
from model.bindings.problems import document_problems
from model.lifecycle import Action, GroupInfo, PortInfo, State, Subject, View, allowed_actions, plan
from model.store import Workspace

TARGET_VALIDATE = 1.0  # validate within the time of one load
TARGET_FLAT = 1.5  # per-port cost at any size within 1.5x of that at the smallest
TARGET_UNDO = 1.5  # undo and redo of a bulk start within 1.5x of the start
GROUP_SIZE = 10


def best_of(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` calls, and the last result."""
    best, result = math.inf, None
    for _ in range(repeat):
        result = None
        gc.collect()
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def fmt_t(s: float) -> str:
    if s < 1e-3:
        return f"{s * 1e6:,.1f} µs"
    return f"{s * 1000:,.1f} ms" if s < 10 else f"{s:,.2f} s"


# -- validation -------------------------------------------------------------------------------


def bench_validate(sizes: list[int], repeat: int) -> None:
    print(f"\nvalidate / load (generated files, one group per {GROUP_SIZE} ports; target <= {TARGET_VALIDATE}x)")
    first: float | None = None
    for n in sizes:
        data = generate(n, max(1, n // GROUP_SIZE), 0)
        load_time, doc = best_of(lambda data=data: load(data), repeat)
        validate_time, problems = best_of(lambda doc=doc: document_problems(doc), repeat)
        per_port = validate_time / n
        first = per_port if first is None else first
        ratio = validate_time / load_time
        print(
            f"  {n:>7,} ports: load {fmt_t(load_time)}, validate {fmt_t(validate_time)} ({len(problems):,} problems), "
            f"validate/load {ratio:.2f}x {verdict(ratio <= TARGET_VALIDATE)}; "
            f"validate per port {fmt_t(per_port)}, {per_port / first:.2f}x of the smallest {verdict(per_port / first <= TARGET_FLAT)}"
        )
        del doc, problems, data


# -- lifecycle --------------------------------------------------------------------------------


def started_view(n: int, group_state: State) -> View:
    """``n`` started static one-way ports in applications of 200, in groups of ``GROUP_SIZE``
    consecutive ports, plus one group listing every port (the groups in ``group_state``)."""
    ports = [PortInfo(f"P{i:06d}", State.STARTED, f"App{i // 200}") for i in range(n)]
    names = [p.name for p in ports]
    groups = [
        GroupInfo(f"G{i // GROUP_SIZE:06d}", group_state, f"App{i // 200}", tuple(names[i : i + GROUP_SIZE]))
        for i in range(0, n, GROUP_SIZE)
    ]
    groups.append(GroupInfo("Everyone", group_state, "App0", tuple(names)))
    return View.of(ports, groups)


def bench_lifecycle(sizes: list[int], repeat: int) -> None:
    print(f"\nlifecycle per subject (started ports in groups; flat within {TARGET_FLAT}x of the smallest)")
    firsts: dict[str, float] = {}
    for n in sizes:
        view = started_view(n, State.STARTED)
        everything = [Subject.port(p) for p in view.ports] + [Subject.group(g) for g in view.groups]
        t_allowed, _ = best_of(lambda v=view, s=everything: allowed_actions(v, s), repeat)
        free = started_view(n, State.UNENLISTED)
        subjects = [Subject.port(p) for p in free.ports]
        t_plan, changes = best_of(lambda v=free, s=subjects: plan(v, Action.UNENLIST, s), repeat)
        assert len(changes) == 2 * n
        cells = []
        for label, t, count in (
            ("allowed_actions select-all", t_allowed, len(everything)),
            ("plan(UNENLIST)", t_plan, n),
        ):
            per = t / count
            base = firsts.setdefault(label, per)
            cells.append(
                f"{label} {fmt_t(t)} = {fmt_t(per)}/subject {per / base:.2f}x {verdict(per / base <= TARGET_FLAT)}"
            )
        print(f"  {n:>7,} ports: " + "; ".join(cells))


# -- undo and redo of a bulk start -----------------------------------------------------------


def bench_undo(n: int, repeat: int, folder: str) -> None:
    print(f"\nundo / redo of a bulk start of {n:,} ports (SQLite workspace; target <= {TARGET_UNDO}x the start)")
    data = generate(n, max(1, n // GROUP_SIZE), 0)
    times: dict[str, float] = {"start": math.inf, "undo": math.inf, "redo": math.inf}
    for i in range(repeat):
        path = os.path.join(folder, f"undo{i}.sqlite")
        ws = Workspace(path, create=True)
        try:
            ws.import_file(data)
            subjects = [Subject.port(e.name) for e in ws.entries() if e.kind.value == "port"]
            gc.collect()
            t0 = time.perf_counter()
            changes = ws.perform(Action.START, subjects)
            t1 = time.perf_counter()
            finals: dict[tuple[Any, str], list[State]] = {}
            for c in changes:
                finals.setdefault((c.kind, c.name), [c.before, c.after])[1] = c.after
            before = [(k, name, b) for (k, name), (b, _a) in finals.items()]
            after = [(k, name, a) for (k, name), (_b, a) in finals.items()]
            gc.collect()
            t2 = time.perf_counter()
            ws.restore_states(before, "undo", expected=after)
            t3 = time.perf_counter()
            gc.collect()
            t4 = time.perf_counter()
            ws.perform(Action.START, subjects)
            t5 = time.perf_counter()
        finally:
            ws.close()
        for key, t in (("start", t1 - t0), ("undo", t3 - t2), ("redo", t5 - t4)):
            times[key] = min(times[key], t)
    start = times["start"]
    print(f"  bulk start of {n:,} ports (baseline): {fmt_t(start)}")
    for key in ("undo", "redo"):
        ratio = times[key] / start
        print(f"  {key} of the bulk start: {fmt_t(times[key])}, {ratio:.2f}x the start {verdict(ratio <= TARGET_UNDO)}")


# -- start-up ---------------------------------------------------------------------------------


def run_time(argv: list[str], repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


def bench_startup(repeat: int, folder: str) -> None:
    print(f"\nstart-up (best of {repeat}, a fresh interpreter each time)")
    bare = run_time([sys.executable, "-c", "pass"], repeat)
    cli = [sys.executable, "-m", "designer"]
    helped = run_time([*cli, "--help"], repeat)
    tiny = os.path.join(folder, "tiny.sqlite")
    source = os.path.join(folder, "tiny.xml")
    with open(source, "wb") as f:
        f.write(binding_file(ports=[port("A"), port("B")]))
    subprocess.run([*cli, "--workspace", tiny, "import", source], check=True, stdout=subprocess.DEVNULL)
    listed = run_time([*cli, "--workspace", tiny, "ls"], repeat)
    print(f"  python -c pass (baseline): {fmt_t(bare)}")
    print(f"  portwright --help: {fmt_t(helped)}, {helped / bare:.1f}x python -c pass")
    print(f"  portwright ls (2 ports): {fmt_t(listed)}, {listed / bare:.1f}x python -c pass")


def sizes_of(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=sizes_of, default=[1000, 5000, 20000], help="ports for validate / load")
    parser.add_argument(
        "--lifecycle-sizes", type=sizes_of, default=[1000, 5000, 20000, 100000], help="ports for the lifecycle rules"
    )
    parser.add_argument("--undo-ports", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip", default="", help="comma-separated: validate, lifecycle, undo, startup")
    args = parser.parse_args()
    skip = set(args.skip.split(","))
    print(
        f"Portwright scale benchmark: Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs; best of {args.repeat}"
    )
    with tempfile.TemporaryDirectory(prefix="portwright-scale-") as folder:
        if "lifecycle" not in skip:
            bench_lifecycle(args.lifecycle_sizes, args.repeat)
        if "validate" not in skip:
            bench_validate(args.sizes, args.repeat)
        if "undo" not in skip:
            bench_undo(args.undo_ports, args.repeat, folder)
        if "startup" not in skip:
            bench_startup(max(args.repeat, 5), folder)


if __name__ == "__main__":
    main()
