"""``portwright settings``: environments and settings without Excel (arguments;
``designer.cli.settings_commands`` runs them)."""

from __future__ import annotations

import argparse

from designer.cli.common import later

_RUN = "designer.cli.settings_commands"


def register(sub: argparse._SubParsersAction) -> None:
    settings = sub.add_parser(
        "settings",
        help="environments and settings: import, export and list BTDF settings",
        description="Environments (Dev, Test, Prod...) and settings, for an application or the whole "
        "workspace: what a BTDF SettingsFileGenerator.xml spreadsheet holds, kept in the workspace.",
    )
    verbs = settings.add_subparsers(dest="settings_command", metavar="COMMAND", required=True)

    p = verbs.add_parser(
        "import",
        help="import a BTDF spreadsheet or an XmlPreprocess settings file",
        description="Import a BTDF SettingsFileGenerator.xml spreadsheet (it replaces the settings) or an "
        "exported XmlPreprocess settings file (it sets one environment's values); the format is "
        "recognised by content. Values of secret settings (passwords, keys) are not kept unless "
        "--with-secrets: give them at export time.",
    )
    p.add_argument("file", metavar="FILE", help="the spreadsheet or settings file")
    p.add_argument("-a", "--application", metavar="APP", help="the application's settings (default: the workspace's)")
    p.add_argument("--env", metavar="NAME", help="the environment a settings file is for (default: from its comment)")
    p.add_argument("--with-secrets", action="store_true", help="keep the values of secret settings (sealed)")
    p.set_defaults(run=later(_RUN, "run_import"))

    p = verbs.add_parser(
        "export",
        help="write the settings as a BTDF spreadsheet or an XmlPreprocess settings file",
        description="Write the settings back: as the spreadsheet they came from, edited where they changed "
        "(so a BTDF build keeps working), or one environment as an XmlPreprocess settings file.",
    )
    p.add_argument("-a", "--application", metavar="APP", help="the application's settings (default: the workspace's)")
    p.add_argument("--format", choices=("btdf", "xmlpreprocess"), required=True, help="what to write")
    p.add_argument("--env", metavar="NAME", help="the environment (for --format xmlpreprocess)")
    p.add_argument("-o", "--output", metavar="OUT", required=True, help="file to write ('-' for standard output)")
    p.set_defaults(run=later(_RUN, "run_export"))

    p = verbs.add_parser("ls", help="list environments and settings", description="List settings by environment.")
    p.add_argument("-a", "--application", metavar="APP", help="only this application's settings")
    p.add_argument("--json", action="store_true", help="print JSON (secret values never appear)")
    p.set_defaults(run=later(_RUN, "run_ls"))


def add_environment_options(p: argparse.ArgumentParser) -> None:
    """``--env`` and ``--secrets`` for ``export``: an environment's binding file."""
    p.add_argument(
        "--env",
        metavar="NAME",
        help="fill tokens and #ifdef blocks with that environment's settings (refused, naming them, "
        "when some have no value)",
    )
    p.add_argument(
        "--secrets",
        metavar="FILE",
        help="values of secret settings (an XmlPreprocess settings file); otherwise from "
        "PORTWRIGHT_SETTING_<NAME> environment variables",
    )
