"""The ``portwright`` command line: the same jobs as the app, headless, for scripts and CI.

Exit codes: 0 done (or no problems, no differences), 1 refused by a rule / problems /
differences, 2 unusable input or arguments, 3 internal error, 4 conflict (someone else changed
the workspace at the same time; nothing was written; run it again). They are listed in
``portwright --help`` (``common.EXIT_CODES_HELP``). Errors are one line on stderr, never a
traceback (set ``PORTWRIGHT_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from designer.cli import completion, deploy_args, field_args, files, gui, routing_args, settings_args, workspace
from designer.cli.common import EXIT_CODES_HELP, INTERNAL, CliError, Exit, model_error_code

#: Each declares its commands' arguments and nothing heavier: a command's implementation (the
#: model, the database, Qt) is imported when it runs (``common.later``), so that ``--help``
#: and a mistyped argument answer at once.
COMMAND_MODULES = [files, workspace, field_args, settings_args, routing_args, deploy_args, gui, completion]


def _masked(text: str) -> str:
    """``text`` with credentials masked (a message may quote an address or URL)."""
    from model.secrets import mask_text

    return mask_text(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="portwright",
        description="Design and administer BizTalk Server send ports and send port groups. "
        "With no command, opens the desktop app.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--workspace",
        metavar="PATH|URL",
        help="workspace to use: an SQLite file or an SQLAlchemy URL "
        "(default: $PORTWRIGHT_WORKSPACE, else the embedded SQLite file in your data folder)",
    )
    parser.add_argument("--version", action="version", version=f"portwright {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in COMMAND_MODULES:
        mod.register(sub)
    parser.set_defaults(root_parser=parser)  # for ``completion``, which describes the whole parser
    return parser


def _version() -> str:
    """The installed distribution's version (importlib.metadata: no import of the package's code)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("portwright")
    except PackageNotFoundError:
        return "unknown (not installed)"


#: Error handlers that write something for every character (``strict`` and ``surrogateescape`` raise).
_NEVER_FAILING = frozenset({"backslashreplace", "namereplace", "replace", "xmlcharrefreplace", "ignore"})


def _escape_what_the_terminal_cannot_show() -> None:
    """Print characters the console's code page lacks (``→`` on cp1252) as ``\\u2192`` escapes
    instead of failing half-way through the output; the encoding itself is left as it is."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) not in _NEVER_FAILING:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a closed or exotic stream: keep it as it is
                pass


def main(argv: Sequence[str] | None = None) -> int:
    _escape_what_the_terminal_cannot_show()
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        if not _has_gui(parser):
            parser.print_help()
            return 2
        args = parser.parse_args([*args_list, "gui"])
    try:
        return int(args.run(args) or 0)
    except Exit as e:
        return e.code
    except CliError as e:
        print(_masked(f"portwright: {e}"), file=sys.stderr)
        return e.code
    except KeyboardInterrupt:
        print("portwright: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:
        code = model_error_code(e)
        if code is not None:  # a model error a command left as it was
            print(_masked(f"portwright: {e}"), file=sys.stderr)
            return code
        if os.environ.get("PORTWRIGHT_DEBUG"):
            raise
        message = f"portwright: internal error: {type(e).__name__}: {e} (set PORTWRIGHT_DEBUG=1 for details)"
        print(_masked(message), file=sys.stderr)
        return INTERNAL


def gui_main() -> int:
    """The ``portwright-designer`` entry point: the app, with the CLI's ``gui`` options."""
    return main(["gui", *sys.argv[1:]])


def _has_gui(parser: argparse.ArgumentParser) -> bool:
    for action in parser._subparsers._group_actions if parser._subparsers else []:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction) and "gui" in action.choices:  # noqa: SLF001
            return True
    return False
