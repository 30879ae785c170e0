"""``portwright show`` and ``portwright set``: one send port's (or group's) settings, read and
changed by field name (their arguments; ``designer.cli.show_commands`` and
``designer.cli.set_commands`` run them)."""

from __future__ import annotations

import argparse

from designer.cli.common import later

#: The fields ``set`` takes (``model.field_paths`` holds them; a test keeps this list complete).
FIELDS_HELP = """fields (FIELD=VALUE; the names `portwright show` prints):
  description, priority (1-10), and the switches (on/off) ordered_delivery,
  stop_sending_on_failure (needs ordered delivery), route_failed_messages
  primary.adapter, primary.address, primary.send_handler (empty: the adapter's default
  host), primary.retry_count, primary.retry_interval (minutes), primary.service_window
  (on/off), primary.from, primary.to (HH:MM[:SS]), primary.settings.NAME (an adapter
  setting by its name in the catalog, e.g. primary.settings.FileName; FTP's <Config>
  values too, e.g. primary.settings.serverAddress)
  backup.enabled (on/off), and backup.adapter, backup.address ... as for primary
  send_pipeline, send_pipeline_data, receive_pipeline, receive_pipeline_data
  tracking (none, a number, or flags separated by commas: body_before_send,
  body_after_send, body_before_receive, body_after_receive, properties_before_send,
  properties_after_send, properties_before_receive, properties_after_receive),
  tracking.FLAG (on/off)
  certificate.long_name, certificate.short_name, certificate.thumbprint,
  certificate.usage_type
  a send port group (--group): description

values: on/off (also true/false, yes/no) for switches; an empty VALUE clears a text.
VALUE '-' reads the value from standard input (one field at a time; a final line break is
dropped): use it for passwords, which never appear in the output, only as (set) / (not set):
  printf '%s' "$PW" | portwright set Orders.FTP primary.settings.password=-

--where FILTERS picks send ports by KEY=VALUE pairs separated by commas, all of which must
hold: application=APP, adapter=NAME (e.g. FILE), name=GLOB (*, ?; case-insensitive),
state=STATE, kind=port. Every port it picks is changed in one transaction, or none is."""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "show",
        help="every setting of a send port (or of a group with --group)",
        description="Every setting of one send port, as the property pages show it: kind, state, "
        "transports and their adapter settings, pipelines, filter, maps, tracking, certificate, the "
        "groups it is in. Each line is FIELD: VALUE, with the field names `portwright set` takes. "
        "Passwords and keys are never shown, only whether they are set.",
    )
    p.add_argument("name", metavar="PORT", nargs="?", help="the send port")
    p.add_argument("--group", metavar="NAME", help="show this send port group (its members too) instead")
    p.add_argument(
        "--json",
        action="store_true",
        help="one JSON object: fields keyed by the names `portwright set` takes (a stable schema, version 1)",
    )
    p.set_defaults(run=later("designer.cli.show_commands", "run_show"))

    p = sub.add_parser(
        "set",
        help="change settings of a send port, a group, or many send ports at once",
        usage="portwright set (PORT | --group NAME | --where FILTERS) FIELD=VALUE [FIELD=VALUE ...] [--dry-run]",
        description="Change settings by field name under BizTalk's rules (the property pages' rules), "
        "and print each changed field as FIELD: old → new (secrets as (set) / (not set)). Refused "
        "edits change nothing (exit 1); an unknown field or a bad value is exit 2; a change someone "
        "else made to the same field meanwhile is exit 4.",
        epilog=FIELDS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("items", metavar="FIELD=VALUE", nargs="+", help="the port's name first, unless --group or --where")
    p.add_argument("--group", metavar="NAME", help="set fields of this send port group")
    p.add_argument("--where", metavar="FILTERS", help="set fields of every send port these filters pick")
    p.add_argument("--dry-run", action="store_true", help="print what would change; write nothing")
    p.set_defaults(run=later("designer.cli.set_commands", "run_set"))
