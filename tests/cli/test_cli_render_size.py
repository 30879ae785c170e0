"""``portwright render --size WxH``: the picture has that size (laid out for its shape)."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.support.cli import run_in_process

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "01_messaging.xml"


def test_render_size_gives_the_picture_that_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.png"
    r = run_in_process(capsys, "render", FIXTURE, "--size", "900x500", "-o", out)
    assert r.code == 0
    assert struct.unpack(">II", out.read_bytes()[16:24]) == (900, 500)


@pytest.mark.parametrize("size", ["900", "0x10", "ax5", "40000x10"])
def test_a_bad_size_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], size: str) -> None:
    with pytest.raises(SystemExit) as caught:
        run_in_process(capsys, "render", FIXTURE, "--size", size, "-o", tmp_path / "c.png")
    assert caught.value.code == 2
    assert "--size" in capsys.readouterr().err
