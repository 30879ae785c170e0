"""Command line: write a large generated binding file, optionally checking it.

python -m benchmarks.generate --ports 20000 [--groups 2000] [--seed 0] -o out.xml [--check]
"""

from __future__ import annotations

import argparse
import sys
import time

from .check import check
from .files import write_atomically
from .realistic import generate


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description="Generate a large, realistic BizTalk binding file."
    )
    ap.add_argument("--ports", type=int, required=True, help="number of send ports")
    ap.add_argument("--groups", type=int, default=None, help="number of send port groups (default ports/10)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("-o", "--output", required=True, help="file to write (written atomically)")
    ap.add_argument("--check", action="store_true", help="parse the result back and print what it holds")
    args = ap.parse_args(argv)
    groups = args.ports // 10 if args.groups is None else args.groups
    t0 = time.perf_counter()
    data = generate(args.ports, groups, args.seed)
    t1 = time.perf_counter()
    write_atomically(args.output, data)
    print(
        f"{args.output}: {args.ports} ports, {groups} groups, seed {args.seed}: {len(data):,} bytes "
        f"({len(data) / args.ports / 1024:.2f} KiB/port), generated in {t1 - t0:.2f} s",
        file=sys.stderr,
    )
    if args.check:
        t2 = time.perf_counter()
        counts = check(data)
        print(
            f"check passed in {time.perf_counter() - t2:.2f} s: "
            + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())),
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
