#!/usr/bin/env python3
"""Benchmark deployment against a live group: the snapshot of a large group through the
Management REST API client (``model.rest``) served by the HTTP stand-in on 127.0.0.1
(``tests/support/rest_standin.py``, the one the tests use), and the plan from that snapshot to
the design (``model.deploy.plan``), each printed as a ratio to one ``model.bindings.load`` of
the same design measured in the same run. Figures only: nothing here asserts.

The group holds the generated design with a tenth of its ports drifted (description changed)
and its states random; the design wants every port started. The stand-in answers from the
same process, so the snapshot's figure is the client's and the server's work over loopback,
not a network's.

    .venv/bin/python -m benchmarks.bench_deploy [--ports 5000] [--groups 500] [--repeat 3] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from benchmarks.generate import generate
from model.bindings import load
from model.deploy.plan import make_plan
from model.deploy.target import Host, Target, TargetGroup, TargetPort
from model.lifecycle_types import Kind, State
from model.rest.client import ManagementClient
from model.rest.snapshot import snapshot
from tests.support.rest_standin import RestStandIn


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def group_of(data: bytes, seed: int) -> Target:
    """The design as a live group would hold it after some months: states random (a started
    group keeps an enlisted member), one port in ten changed by hand."""
    doc = load(data)
    rnd = random.Random(seed)
    adapters = {t.adapter_name for p in doc.send_ports for t in (p.primary_transport, p.secondary_transport) if t}
    adapters.discard(None)
    hosts = {"BizTalkServerApplication": Host("BizTalkServerApplication")}
    handlers = {a: frozenset(hosts) for a in adapters if a}
    ports = {}
    for p in doc.send_ports:
        port = p.model_copy(update={"description": "changed in the console"}) if rnd.random() < 0.1 else p
        ports[p.name] = TargetPort(port, rnd.choice((State.UNENLISTED, State.STOPPED, State.STARTED)))
    groups = {}
    for g in doc.groups:
        up = any(m in ports and ports[m].state is not State.UNENLISTED for m in g.members)
        members = tuple(m for m in g.members if m in ports)
        groups[g.name] = TargetGroup(
            g.model_copy(update={"members": members}),
            rnd.choice((State.STARTED, State.STOPPED)) if up else State.UNENLISTED,
        )
    apps = {a: () for a in doc.applications()}
    return Target(hosts, handlers, frozenset(handlers), apps, ports, groups, "bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ports", type=int, default=5000)
    parser.add_argument("--groups", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    data = generate(args.ports, args.groups, seed=args.seed)
    base, doc = timed(lambda: load(data), args.repeat)
    assert not isinstance(doc, type(None))
    design = load(data)
    desired = {(Kind.PORT, p.name): State.STARTED for p in design.send_ports}
    seeded = group_of(data, args.seed)
    with RestStandIn(seeded) as standin, ManagementClient(standin.url) as client:
        snap_time, target = timed(lambda: snapshot(client), args.repeat)
        requests = len(standin.log) // args.repeat
    assert isinstance(target, Target)
    plan_time, plan = timed(lambda: make_plan(design, desired, target), args.repeat)
    steps = len(plan.steps)  # type: ignore[attr-defined]

    print(f"design: {args.ports:,} send ports, {args.groups:,} groups, {len(data) / 1e6:.1f} MB")
    print(f"model.bindings.load (baseline)       {base * 1000:9.0f} ms   1.00x")
    print(
        f"snapshot over the REST API           {snap_time * 1000:9.0f} ms   {snap_time / base:5.2f}x   ({requests} requests)"
    )
    print(
        f"plan from the snapshot               {plan_time * 1000:9.0f} ms   {plan_time / base:5.2f}x   ({steps:,} steps)"
    )
    total = snap_time + plan_time
    print(f"snapshot + plan                      {total * 1000:9.0f} ms   {total / base:5.2f}x")


if __name__ == "__main__":
    main()
