"""``portwright gui`` and ``portwright render``: the only commands that load Qt."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from designer.cli.common import OK, CliError, check_output, whole_number, write_output


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{2,5})x(\d{2,5})", text)
    if not m:
        raise argparse.ArgumentTypeError(f"size must look like 1400x900, not {text!r}")
    return int(m.group(1)), int(m.group(2))


def _render_size(text: str) -> tuple[int, int]:
    width, sep, height = text.lower().partition("x")
    if not sep or not width.strip().isdigit() or not height.strip().isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a size such as 1920x1080")
    w, h = int(width), int(height)
    if not (1 <= w <= 32767 and 1 <= h <= 32767):
        raise argparse.ArgumentTypeError(f"'{text}': width and height must be from 1 to 32767 pixels")
    return w, h


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "gui",
        help="open the desktop app (the default with no command)",
        description="Open the main window on the workspace; binding files given are imported.",
    )
    p.add_argument("files", metavar="FILE", nargs="*", help="binding files to import")
    p.add_argument("--screenshot", metavar="OUT.png", help="save a picture of the window once idle, then exit")
    p.add_argument("--theme", choices=("light", "dark"))
    p.add_argument(
        "--lang",
        choices=("en", "fr"),
        help="the window's language for this run (default: the View > Language setting, else the system's)",
    )
    p.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1400x900")
    p.add_argument("--select", metavar="NAME", help="select this send port or group (e.g. for a screenshot)")
    p.set_defaults(run=run_gui)

    p = sub.add_parser(
        "render",
        help="draw the auto-laid-out canvas to a PNG or SVG file",
        description="Draw the canvas of a binding file (or of the workspace) to an image.",
    )
    p.add_argument("file", metavar="FILE", nargs="?", help="binding file (default: the workspace)")
    p.add_argument("-a", "--application", metavar="APP", help="only this application")
    p.add_argument("-o", "--output", metavar="OUT.png|OUT.svg", required=True)
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument(
        "--width", type=whole_number(1, 32767), default=2400, help="image width in pixels (default 2400, at most 32767)"
    )
    p.add_argument(
        "--size",
        metavar="WxH",
        type=_render_size,
        help="image width and height in pixels (e.g. 1920x1080): the layout is made for that shape "
        "(default: --width, laid out for 16:10 and as tall as the drawing is)",
    )
    p.set_defaults(run=run_render)


def _headless_if_needed() -> None:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run_gui(args: argparse.Namespace) -> int:
    if args.screenshot:
        _headless_if_needed()
        target = Path(args.screenshot)
        if not target.parent.exists():
            raise CliError(f"{target}: folder {target.parent} does not exist")
    for f in args.files:
        if not Path(f).is_file():
            raise CliError(f"{f}: no such file")
    if (
        not args.screenshot
        and sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    ):
        raise CliError(
            "no display to open the window on (DISPLAY is not set); use a command such as "
            "'portwright ls', or 'portwright gui --screenshot OUT.png' to draw the window headless"
        )
    if args.lang:
        os.environ["PORTWRIGHT_LANG"] = args.lang  # read by designer.language when the app starts
    if not args.screenshot:
        _check_platform()
    from designer.app import run

    return run(args.workspace, args.files, args.screenshot, args.theme, args.size, select=args.select)


#: Starts Qt's platform plugin and stops: whether the window can open here at all.
_PROBE = "import sys; from PySide6.QtGui import QGuiApplication; QGuiApplication(sys.argv[:1]); print('ok')"


def _check_platform() -> None:
    """Qt aborts the process (exit 134) when its platform plugin cannot start: a DISPLAY with no
    X server behind it, or a missing X11 library. On Linux, ask a short-lived child first and
    turn its failure into one line naming Qt's reason; elsewhere (and offscreen) Qt does not abort."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform.startswith(("offscreen", "minimal", "vnc")):
        return
    try:
        probe = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return  # cannot tell: let Qt try
    if probe.returncode == 0 and "ok" in probe.stdout:
        return
    lines = [line.strip() for line in probe.stderr.splitlines() if line.strip()]
    reason = next((line for line in lines if "could not connect" in line), None)
    reason = reason or next((line for line in lines if "is needed" in line), None)
    reason = reason or (lines[0] if lines else f"Qt stopped with exit code {probe.returncode}")
    where = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or "this session"
    raise CliError(
        f"the window cannot open on {where}: {reason.removeprefix('qt.qpa.xcb: ').removeprefix('qt.qpa.plugin: ')} "
        "(see the README's list of X11 libraries); commands such as 'portwright ls' work without a display"
    )


def run_render(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.suffix.lower() not in (".png", ".svg"):
        raise CliError(f"{out}: the output must end in .png or .svg")
    check_output(args.output)
    _headless_if_needed()
    from designer import themes
    from designer.app import application
    from designer.document import WorkspaceDocument
    from designer.render import picture
    from model.bindings import BindingFormatError, load
    from model.store import Workspace, WorkspaceError

    application()
    themes.apply_theme(application(), args.theme)
    try:
        if args.file:
            workspace = Workspace(":memory:")
            workspace.import_document(load(args.file), None, args.file)
        else:
            workspace = Workspace(args.workspace, create=False)
    except (BindingFormatError, WorkspaceError) as e:
        raise CliError(str(e)) from None
    with workspace:
        doc = WorkspaceDocument(workspace)
        if args.application and args.application not in doc.applications():
            raise CliError(f"no application named '{args.application}'")
        width, height = args.size if args.size else (args.width, None)
        data = picture(
            doc,
            out.suffix.lower().lstrip("."),
            theme=args.theme,
            application=args.application,
            width=width,
            height=height,
        )
    write_output(args.output, data)
    print(f"wrote {out}", file=sys.stderr)
    return OK
