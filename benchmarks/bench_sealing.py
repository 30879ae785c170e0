#!/usr/bin/env python3
"""Benchmark what sealing secrets at rest costs: import and export of one generated file (default
5,000 send ports and 500 groups) into fresh SQLite workspaces with sealing, against the same with
sealing switched off (the baseline, measured in the same run), best of --repeat each; and the
search for secrets in every port's XML against model.bindings.load of the file. Figures and
ratios are printed; nothing asserts. A key made for the run is used (never the user's).

    .venv/bin/python -m benchmarks.bench_sealing [--ports 5000] [--groups 500] [--repeat 3] [--seed 0]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import math
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any

from benchmarks.generate import generate
from model.bindings import load
from model.store import Workspace, sealing, secret_key


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    best = math.inf
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


@contextlib.contextmanager
def sealing_off() -> Iterator[None]:
    """The column types store and read text as it is (what the workspace did before sealing)."""
    seal, unseal, unseal_bytes = sealing.seal, sealing.unseal, sealing.unseal_bytes
    sealing.seal = sealing.unseal = lambda text: text  # type: ignore[assignment]
    sealing.unseal_bytes = lambda data: data  # type: ignore[assignment]
    try:
        yield
    finally:
        sealing.seal, sealing.unseal, sealing.unseal_bytes = seal, unseal, unseal_bytes


def import_and_export(folder: str, data: bytes, repeat: int) -> tuple[float, float, bool]:
    """Best import time into a fresh workspace, best export time, and whether export gave the file back."""
    os.makedirs(folder)
    counter = iter(range(10**6))

    def import_fresh() -> None:
        with Workspace(os.path.join(folder, f"w{next(counter)}.sqlite")) as ws:
            ws.import_file(data)

    imported = best_of(import_fresh, repeat)
    path = os.path.join(folder, "export.sqlite")
    with Workspace(path) as ws:
        ws.import_file(data)
    with Workspace(path) as ws:
        out = ws.export()
        exported = best_of(ws.export, repeat)
    return imported, exported, out == data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ports", type=int, default=5000)
    parser.add_argument("--groups", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    os.environ[secret_key.ENV_KEY] = secret_key.new_key()

    data = generate(args.ports, args.groups, args.seed)
    doc = load(data)
    texts = [o.raw for o in (doc.origin(p) for p in doc.send_ports) if o is not None]
    with_secrets = sum(1 for t in texts if sealing.secret_spans(t))
    load_time = best_of(lambda: load(data), args.repeat)
    search_time = best_of(lambda: [sealing.secret_spans(t) for t in texts], args.repeat)
    del doc
    with tempfile.TemporaryDirectory(prefix="portwright-bench-") as folder:
        with sealing_off():
            plain_import, plain_export, plain_same = import_and_export(os.path.join(folder, "plain"), data, args.repeat)
        sealed_import, sealed_export, sealed_same = import_and_export(os.path.join(folder, "sealed"), data, args.repeat)

    print(
        f"Sealing benchmark: {args.ports:,} send ports ({with_secrets:,} with a secret value), "
        f"{args.groups:,} groups, {len(data) / 2**20:,.1f} MiB; best of {args.repeat}"
    )
    rows = [
        ("search every port's XML for secrets", search_time, "load", load_time),
        ("import, sealing", sealed_import, "import, no sealing", plain_import),
        ("export, sealed workspace", sealed_export, "export, no sealing", plain_export),
    ]
    for label, t, name, base in rows:
        print(f"  {label:<38} {t * 1000:9.1f} ms   {name} {base * 1000:9.1f} ms   {t / base:5.2f}x")
    print(f"  export gives the file back byte for byte: {'yes' if plain_same and sealed_same else 'NO'}")


if __name__ == "__main__":
    main()
