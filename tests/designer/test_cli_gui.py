"""``portwright gui --screenshot`` and ``portwright render``, run as a user runs them: the installed
command in a subprocess, offscreen, with the workspace and the settings in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from designer.canvas.colors import canvas_colors
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"
PORTWRIGHT = Path(sys.executable).with_name("portwright")


def run(tmp_path: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PORTWRIGHT_WORKSPACE": str(tmp_path / "ws.sqlite"),
        # QSettings() of the app: never the user's own
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "HOME": str(tmp_path / "home"),
    }
    env.pop("PORTWRIGHT_DEBUG", None)
    command = [str(PORTWRIGHT)] if PORTWRIGHT.exists() else [sys.executable, "-m", "designer"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=timeout, env=env, check=False, cwd=tmp_path
    )


def colours(image: QImage, step: int = 7) -> set[int]:
    return {image.pixel(x, y) for y in range(0, image.height(), step) for x in range(0, image.width(), step)}


def has_colour(image: QImage, name: str, step: int = 2) -> bool:
    wanted = QColor(name).rgb()
    return any(
        image.pixel(x, y) == wanted for y in range(0, image.height(), step) for x in range(0, image.width(), step)
    )


@pytest.mark.slow
def test_gui_screenshot(tmp_path: Path, qapp: QApplication) -> None:
    out = tmp_path / "window.png"
    result = run(tmp_path, "gui", "--screenshot", str(out), "--size", "1280x800", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1280, 800), "a picture of the whole window, at its size"
    assert len(colours(image)) > 20, "not a blank picture"
    # the canvas shows the sample's unenlisted state colour
    assert has_colour(image, canvas_colors("light").unenlisted)
    # the file given was imported into the workspace named by PORTWRIGHT_WORKSPACE
    with Workspace(tmp_path / "ws.sqlite") as ws:
        assert len(ws.entries()) == 26
    # the window's settings went where the environment says (never the user's own file)
    assert (tmp_path / "config" / "Portwright" / "Portwright.conf").is_file()


@pytest.mark.slow
def test_gui_screenshot_default_size_of_an_empty_workspace(tmp_path: Path, qapp: QApplication) -> None:
    out = tmp_path / "welcome.png"
    result = run(tmp_path, "gui", "--screenshot", str(out))
    assert result.returncode == 2 and "ws.sqlite: no workspace here" in result.stderr, "never made by a typo"
    assert not (tmp_path / "ws.sqlite").exists() and not out.exists()
    assert run(tmp_path, "init").returncode == 0
    result = run(tmp_path, "gui", "--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 880)
    assert len(colours(image)) > 5


@pytest.mark.slow
def test_gui_screenshot_into_a_missing_folder(tmp_path: Path) -> None:
    result = run(tmp_path, "gui", "--screenshot", str(tmp_path / "nowhere" / "x.png"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"portwright: {tmp_path / 'nowhere' / 'x.png'}: folder {tmp_path / 'nowhere'} does not exist"
    ]


@pytest.mark.slow
def test_render_png_and_svg(tmp_path: Path, qapp: QApplication) -> None:
    png, svg = tmp_path / "canvas.png", tmp_path / "canvas.svg"
    result = run(tmp_path, "render", str(SAMPLE), "-o", str(png))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"wrote {png}"
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 1000
    assert len(colours(image)) > 20, "not blank: nodes, text, frames"
    assert has_colour(image, canvas_colors("light").background)
    assert has_colour(image, canvas_colors("light").unenlisted)

    result = run(tmp_path, "render", str(SAMPLE), "-o", str(svg), "--theme", "dark")
    assert result.returncode == 0, result.stderr
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text
    assert "Contoso.Billing" in text, "application frames are titled"
    assert canvas_colors("dark").background in text.lower()

    one = tmp_path / "billing.png"
    result = run(tmp_path, "render", str(SAMPLE), "-a", "Contoso.Billing", "-o", str(one))
    assert result.returncode == 0, result.stderr
    part = QImage(str(one))
    assert not part.isNull()
    assert part.width() * part.height() < image.width() * image.height(), "one application is a smaller picture"


@pytest.mark.slow
def test_render_unknown_application(tmp_path: Path) -> None:
    out = tmp_path / "x.png"
    result = run(tmp_path, "render", str(SAMPLE), "-a", "No.Such.App", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["portwright: no application named 'No.Such.App'"]
    assert result.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "x.jpg"], "x.jpg: the output must end in .png or .svg"),
        (["-o", "missing/x.png"], "missing/x.png: folder missing does not exist"),
    ],
)
def test_render_bad_output(tmp_path: Path, args: list[str], message: str) -> None:
    """In-process: these fail before Qt is touched."""
    import contextlib
    import io

    from designer.cli import main

    err = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stderr(err):
            code = main(["render", str(SAMPLE), *args])
    finally:
        os.chdir(cwd)
    assert code == 2
    assert err.getvalue().splitlines() == [f"portwright: {message}"]


@pytest.mark.slow
def test_render_of_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<BindingInfo>")
    result = run(tmp_path, "render", str(broken), "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("portwright: ") and "Traceback" not in result.stderr


@pytest.mark.slow
def test_render_through_a_symlink_replaces_its_target(tmp_path: Path, qapp: QApplication) -> None:
    """``render -o`` writes as every ``-o`` does: a symlink stays a link, its target gets the picture."""
    target = tmp_path / "pictures" / "canvas.png"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "latest.png"
    link.symlink_to(target)
    result = run(tmp_path, "render", str(SAMPLE), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert not QImage(str(target)).isNull()
    assert sorted(p.name for p in target.parent.iterdir()) == ["canvas.png"]
