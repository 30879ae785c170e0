"""Check every icon in this folder renders with Qt, and draw a contact sheet to look at.

Usage: ``python resources/icons/check_icons.py OUT.png`` (default ``/tmp/icons_sheet.png``).

Each SVG must load through ``QIcon`` into a non-null pixmap with visible pixels, use a
24x24 view box, avoid ``currentColor`` (Qt's renderer does not resolve it reliably) and
leave the outermost pixel ring empty at 48 px (a stroke touching it is clipped). The sheet
shows every icon at 32 and 16 px with its name, on a light and on a dark background; the
dark half recolours the neutral stroke the way ``designer.icons.icon`` does. Exit status
is 1 when a check fails.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
#: The neutral stroke of the light theme, and what the dark theme turns it into.
NEUTRAL, NEUTRAL_DARK = "#3c4043", "#e8eaed"
#: Icons the application uses; the app icon ``portwright`` comes on top.
REQUIRED = (
    "new-port", "new-group", "import", "export", "open-workspace", "new-workspace", "save", "undo",
    "redo", "copy", "paste", "duplicate", "delete", "select-all", "find", "rename", "zoom-in",
    "zoom-out", "zoom-fit", "auto-layout", "minimap", "theme", "refresh", "enlist", "unenlist",
    "start", "stop", "app-start", "app-stop", "application", "send-port", "send-port-group",
    "state-started", "state-stopped", "state-unenlisted", "problem-error", "problem-warning",
    "problem-info", "properties", "history", "explorer", "about", "adapter", "filter", "map",
    "pipeline", "certificate", "tracking", "transport", "backup-transport", "advanced", "general",
    "deploy", "portwright",
)

LIGHT_BG, DARK_BG = QColor("#ffffff"), QColor("#202124")
LIGHT_TEXT, DARK_TEXT = QColor("#5f6368"), QColor("#bdc1c6")
CELL_W, CELL_H, COLUMNS, MARGIN = 112, 64, 9, 16


def svg_bytes(path: Path, dark: bool) -> bytes:
    text = path.read_text(encoding="utf-8")
    if dark:
        text = text.replace(NEUTRAL, NEUTRAL_DARK)
    return text.encode("utf-8")


def render(data: bytes, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(QByteArray(data))
    painter = QPainter(image)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def visible_pixels(image: QImage) -> int:
    return sum(
        1 for y in range(image.height()) for x in range(image.width()) if image.pixelColor(x, y).alpha() > 0
    )


def touches_edge(image: QImage) -> bool:
    w, h = image.width(), image.height()
    ring = [(x, 0) for x in range(w)] + [(x, h - 1) for x in range(w)]
    ring += [(0, y) for y in range(h)] + [(w - 1, y) for y in range(h)]
    return any(image.pixelColor(x, y).alpha() > 24 for x, y in ring)


def check(path: Path) -> list[str]:
    """Problems of one icon (empty when it is fine)."""
    problems: list[str] = []
    text = path.read_text(encoding="utf-8")
    if "currentColor" in text:
        problems.append("uses currentColor")
    if not re.search(r'viewBox="0 0 24 24"', text):
        problems.append("view box is not 0 0 24 24")
    if not QSvgRenderer(QByteArray(text.encode("utf-8"))).isValid():
        problems.append("Qt cannot parse it")
    pixmap = QIcon(str(path)).pixmap(48, 48)
    if pixmap.isNull():
        problems.append("QIcon gives a null pixmap")
    elif visible_pixels(pixmap.toImage()) == 0:
        problems.append("QIcon pixmap is fully transparent")
    for dark in (False, True):
        image = render(svg_bytes(path, dark), 48)
        if visible_pixels(image) == 0:
            problems.append(f"renders empty ({'dark' if dark else 'light'})")
        if touches_edge(image):
            problems.append("touches the edge at 48 px (clipped stroke?)")
            break
    return problems


def contact_sheet(paths: list[Path], out: Path) -> None:
    rows = (len(paths) + COLUMNS - 1) // COLUMNS
    panel_w, panel_h = COLUMNS * CELL_W + 2 * MARGIN, rows * CELL_H + 2 * MARGIN
    sheet = QImage(panel_w, 2 * panel_h, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(10)
    painter.setFont(font)
    for panel, (dark, bg, fg) in enumerate(((False, LIGHT_BG, LIGHT_TEXT), (True, DARK_BG, DARK_TEXT))):
        top = panel * panel_h
        painter.fillRect(QRect(0, top, panel_w, panel_h), bg)
        for i, path in enumerate(paths):
            x = MARGIN + (i % COLUMNS) * CELL_W
            y = top + MARGIN + (i // COLUMNS) * CELL_H
            renderer = QSvgRenderer(QByteArray(svg_bytes(path, dark)))
            renderer.render(painter, QRectF(x + CELL_W / 2 - 30, y + 4, 32, 32))
            renderer.render(painter, QRectF(x + CELL_W / 2 + 10, y + 12, 16, 16))
            painter.setPen(fg)
            painter.drawText(QRect(x, y + 40, CELL_W, 16), Qt.AlignmentFlag.AlignHCenter, path.stem)
    painter.end()
    sheet.save(str(out))


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("/tmp/icons_sheet.png")
    app = QGuiApplication.instance() or QGuiApplication(argv[:1])  # noqa: F841 - keeps Qt alive
    paths = sorted(HERE.glob("*.svg"))
    failures = 0
    for name in sorted(set(REQUIRED) - {p.stem for p in paths}):
        print(f"{name}.svg: missing")
        failures += 1
    for path in paths:
        for problem in check(path):
            print(f"{path.name}: {problem}")
            failures += 1
    contact_sheet(paths, out)
    print(f"{len(paths)} icons checked, {failures} problem(s); contact sheet: {out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
