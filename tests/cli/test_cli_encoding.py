"""Output a terminal cannot encode is escaped, never a crash: ``portwright`` run as a real
process whose standard streams use a narrow code page (cp1252, ASCII), as on Windows consoles."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES
from support.bindings import binding_file, port
from support.cli import run_process

from model.bindings import dump, load


def edited_copy(tmp_path: Path) -> tuple[Path, Path]:
    """01_messaging.xml and a copy whose FTP port retries 8 times instead of 5."""
    a = FIXTURES / "01_messaging.xml"
    doc = load(a)
    p = doc.send_ports[1]
    doc.send_ports[1] = p.model_copy(
        update={"primary_transport": p.primary_transport.model_copy(update={"retry_count": 8})}
    )
    b = tmp_path / "b.xml"
    b.write_bytes(dump(doc))
    return a, b


@pytest.mark.slow
def test_diff_on_a_cp1252_terminal_prints_everything(tmp_path: Path) -> None:
    a, b = edited_copy(tmp_path)
    result = run_process(tmp_path, "diff", a, b, env={"PYTHONIOENCODING": "cp1252"})
    assert result.returncode == 1, result.stderr
    assert result.stdout.decode("cp1252").splitlines() == [
        "changed send port 'Orders.Partner.FTP':",
        "  Transport \u203a Retry count: '5' \\u2192 '8'",  # › exists in cp1252, → does not
    ]
    assert result.stderr.decode("cp1252").splitlines() == ["1 difference"]


@pytest.mark.slow
def test_ls_on_an_ascii_terminal_escapes_names(tmp_path: Path) -> None:
    source = tmp_path / "names.xml"
    source.write_bytes(binding_file(ports=[port("Zahlung→Bank", application="Überweisung")]))
    workspace = tmp_path / "ws.sqlite"
    env = {"PYTHONIOENCODING": "ascii"}
    imported = run_process(tmp_path, "--workspace", workspace, "import", source, env=env)
    assert imported.returncode == 0, imported.stderr
    assert "created send port 'Zahlung\\u2192Bank' (Unenlisted)" in imported.stdout.decode("ascii").splitlines()
    listed = run_process(tmp_path, "--workspace", workspace, "ls", env=env)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.decode("ascii").splitlines()
    assert len(lines) == 2 and lines[0].startswith("KIND")
    assert lines[1].split()[:3] == ["port", "Zahlung\\u2192Bank", "\\xdcberweisung"]
