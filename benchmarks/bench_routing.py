#!/usr/bin/env python3
"""Benchmark model.routing: random message contexts against a large generated design.

Generates a design (``benchmarks.generate``), times one ``model.bindings.load`` of it, builds
a ``Router`` (every port and group started) and routes random contexts drawn from the
properties and values the design's filters use, so that many of them match. Prints the time
per context beside the load time, and the same for a plain scan of every filter on a sample.
Figures only: nothing here asserts.

    .venv/bin/python -m benchmarks.bench_routing [--ports 5000] [--groups 500] [--contexts 10000] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import time
from collections import defaultdict

from benchmarks.generate import generate
from model.bindings import load
from model.domain import Filter, FilterOperator
from model.filter_properties import PropertyType
from model.lifecycle_types import State
from model.routing import Design, MessageContext, Router
from model.routing.evaluate import matching_group
from model.routing.values import parse_value, property_type


def filters_of(design: Design) -> list[Filter | None]:
    return [p.filter for p in design.ports.values()] + [g.filter for g in design.groups.values()]


def value_pools(design: Design) -> dict[str, tuple[PropertyType, list[str]]]:
    """Property -> (type, values the filters test): int when every value is a whole number and
    the catalog does not say otherwise; a made-up value is added so that some contexts miss."""
    values: dict[str, set[str]] = defaultdict(set)
    for entry in filters_of(design):
        if entry is None:
            continue
        for group in entry.groups:
            for st in group.statements:
                if st.operator != FilterOperator.EXISTS and st.value is not None:
                    values[st.property].add(st.value)
                else:
                    values.setdefault(st.property, set())
    pools: dict[str, tuple[PropertyType, list[str]]] = {}
    for prop, found in values.items():
        type_: PropertyType = property_type(prop)
        if type_ == "string" and found and all(parse_value(v, "int") is not None for v in found):
            type_ = "int"
        if type_ == "string" and found and all(parse_value(v, "datetime") is not None for v in found):
            type_ = "datetime"
        extra = {"int": "12345", "datetime": "2031-01-01T00:00:00Z", "bool": "false"}.get(type_, "no-such-value")
        pools[prop] = (type_, sorted(found | {extra}))
    return pools


def contexts(pools: dict[str, tuple[PropertyType, list[str]]], n: int, seed: int) -> list[MessageContext]:
    rng = random.Random(seed)
    names = sorted(pools)
    out = []
    for _ in range(n):
        chosen = rng.sample(names, k=min(len(names), rng.randint(2, 6)))
        out.append(MessageContext.of([(p, rng.choice(pools[p][1]), pools[p][0]) for p in chosen]))
    return out


def scan(design: Design, context: MessageContext) -> int:
    """Every filter checked, no index: the baseline the router's index is measured against."""
    return sum(matching_group(f, context) is not None for f in filters_of(design))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ports", type=int, default=5000)
    ap.add_argument("--groups", type=int, default=500)
    ap.add_argument("--contexts", type=int, default=10_000)
    ap.add_argument("--scan-sample", type=int, default=200, help="contexts for the plain-scan baseline")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    data = generate(args.ports, args.groups, args.seed)
    t0 = time.perf_counter()
    doc = load(data)
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    design = Design.of_document(doc, State.STARTED)
    router = Router(design)
    build_s = time.perf_counter() - t0

    batch = contexts(value_pools(design), args.contexts, args.seed)
    t0 = time.perf_counter()
    results = [router.route(c) for c in batch]
    route_s = time.perf_counter() - t0

    sample = batch[: args.scan_sample]
    t0 = time.perf_counter()
    for c in sample:
        scan(design, c)
    scan_s = time.perf_counter() - t0

    failures = sum(r.routing_failure for r in results)
    paths = sum(len(p.paths) for r in results for p in r.ports)
    per = route_s / len(batch)
    per_scan = scan_s / max(1, len(sample))
    print(
        f"design: {len(doc.send_ports):,} send ports, {len(doc.groups):,} groups, {len(data):,} bytes; "
        f"model.bindings.load: {load_s * 1000:,.1f} ms (one load)"
    )
    print(f"router build (design + index): {build_s * 1000:,.1f} ms")
    print(
        f"route {len(batch):,} random contexts: {route_s:,.2f} s total, {per * 1e6:,.1f} us per context "
        f"= {per / load_s:.5f} x one load ({paths:,} paths, {failures:,} routing failures)"
    )
    print(
        f"plain scan of every filter ({len(sample):,} contexts): {per_scan * 1e6:,.1f} us per context "
        f"= {per_scan / load_s:.5f} x one load; the index is {per_scan / per:,.1f}x faster"
    )


if __name__ == "__main__":
    main()
