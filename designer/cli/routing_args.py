"""``portwright route`` and ``portwright export-servicebus`` (their arguments;
``designer.cli.routing_commands`` runs them)."""

from __future__ import annotations

import argparse

from designer.cli.common import later

_RUN = "designer.cli.routing_commands"

_ENV_HELP = (
    "the workspace's filters with that environment's settings filled in (placeholders such as "
    "${Partner} in filter values); refused, naming them, when some have no value"
)
_STATE_HELP = (
    "a binding file stores no run state: route FILE as if every port and group were in STATE "
    "(Started, Stopped or Unenlisted; default Started). The workspace's own states are used without FILE"
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "route",
        help="who receives a message with these context properties",
        description="Evaluate the send port and group filters of FILE (or of the workspace) against a "
        "message's context properties, as BizTalk's MessageBox does: the ports and groups it "
        "reaches, through which filter, and the outcome (delivered, suspended, not subscribed). "
        "Exit 1 when nothing subscribes (a routing failure).",
    )
    p.add_argument("file", metavar="FILE", nargs="?", help="a binding file (default: the workspace)")
    p.add_argument(
        "-p",
        "--property",
        metavar="NAME[:TYPE]=VALUE",
        action="append",
        default=[],
        dest="properties",
        help="a context property, repeatable; TYPE is string, int, bool or datetime "
        "(default: the catalog's type, else string), e.g. -p BTS.ReceivePortName=In -p Prio:int=5",
    )
    p.add_argument("--who-uses", metavar="PROPERTY", help="instead: list every filter statement that tests PROPERTY")
    p.add_argument("-a", "--application", metavar="APP", help="only the ports and groups of APP")
    p.add_argument("--state", metavar="STATE", default="Started", help=_STATE_HELP)
    p.add_argument("--env", metavar="NAME", help=_ENV_HELP)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=later(_RUN, "run_route"))

    p = sub.add_parser(
        "export-servicebus",
        help="write the send port subscriptions as Azure Service Bus topic subscriptions",
        description="Write DIR/subscriptions.bicep, DIR/subscriptions.json (the same as an ARM template), "
        "DIR/subscriptions.sh (Azure CLI) and DIR/report.txt: one subscription per send port and per "
        "group member, one SQL rule per filter group, and what does not map. Exit 1 when a Service "
        "Bus limit is exceeded (the files are written all the same).",
    )
    p.add_argument("file", metavar="FILE", nargs="?", help="a binding file (default: the workspace)")
    p.add_argument("-a", "--application", metavar="APP", help="only the ports and groups of APP")
    p.add_argument("--namespace", metavar="NS", required=True, help="the Service Bus namespace (it must exist)")
    p.add_argument("--topic", metavar="T", required=True, help="the topic (it must exist)")
    p.add_argument("--state", metavar="STATE", default="Started", help=_STATE_HELP)
    p.add_argument("--env", metavar="NAME", help=_ENV_HELP)
    p.add_argument("-o", "--output", metavar="DIR", required=True, help="folder to write (created if missing)")
    p.set_defaults(run=later(_RUN, "run_export_servicebus"))
