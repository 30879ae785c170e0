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

from designer.cli import files
from designer.cli.common import EXIT_CODES_HELP, INTERNAL, CliError, Exit, exit_code
from model.bindings import BindingFormatError
from model.lifecycle import LifecycleError
from model.secrets import mask_text
from model.store import WorkspaceError

COMMAND_MODULES = [files]


def _optional_modules() -> list:
    mods = []
    try:
        from designer.cli import workspace

        mods.append(workspace)
    except ImportError:  # pragma: no cover - partial installs
        pass
    try:
        from designer.cli import gui

        mods.append(gui)
    except ImportError:  # pragma: no cover
        pass
    return mods


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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in COMMAND_MODULES + _optional_modules():
        mod.register(sub)
    return parser


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
        print(mask_text(f"portwright: {e}"), file=sys.stderr)  # a message may quote an address or URL
        return e.code
    except (WorkspaceError, LifecycleError, BindingFormatError) as e:  # one a command left as it was
        print(mask_text(f"portwright: {e}"), file=sys.stderr)
        return exit_code(e)
    except KeyboardInterrupt:
        print("portwright: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:
        if os.environ.get("PORTWRIGHT_DEBUG"):
            raise
        message = f"portwright: internal error: {type(e).__name__}: {e} (set PORTWRIGHT_DEBUG=1 for details)"
        print(mask_text(message), file=sys.stderr)
        return INTERNAL


def gui_main() -> int:
    """The ``portwright-designer`` entry point: the app, with the CLI's ``gui`` options."""
    return main(["gui", *sys.argv[1:]])


def _has_gui(parser: argparse.ArgumentParser) -> bool:
    for action in parser._subparsers._group_actions if parser._subparsers else []:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction) and "gui" in action.choices:  # noqa: SLF001
            return True
    return False
