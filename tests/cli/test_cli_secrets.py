"""Secrets never appear in what ``portwright`` prints: an FTP password in the adapter settings and
credentials in an address stay out of ``ls``, ``ls --json``, ``diff`` and ``validate``, on
standard output and on standard error alike."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES
from support.cli import Result, run_in_process

SECRETS_A = ("Ftp-S3cret-A", "Addr-S3cret-A", "File-S3cret-A")
SECRETS_B = ("Ftp-S3cret-B", "Addr-S3cret-B", "File-S3cret-B")
FTP_PORT = "Orders.Partner.FTP"
FILE_PORT = "Orders.Archive.FILE"


def with_secrets(folder: Path, name: str, ftp_password: str, address_password: str, file_password: str) -> Path:
    """01_messaging.xml as an administrator keeps it before import: the FTP password filled in, the
    FTP address carrying credentials, and the FILE port given an account with a password."""
    text = (FIXTURES / "01_messaging.xml").read_text(encoding="utf-8")
    masked = "&amp;lt;password&amp;gt;******&amp;lt;/password&amp;gt;"
    assert masked in text
    text = text.replace(masked, f"&amp;lt;password&amp;gt;{ftp_password}&amp;lt;/password&amp;gt;")
    text = text.replace(
        "ftp://ftp.partner.example:21/in/", f"ftp://orders:{address_password}@ftp.partner.example:21/in/"
    )
    file_props = "&lt;CustomProps&gt;&lt;UseTempFileOnWrite"
    assert text.count(file_props) == 1
    text = text.replace(
        file_props,
        '&lt;CustomProps&gt;&lt;Username vt="8"&gt;CONTOSO\\svc&lt;/Username&gt;'
        f'&lt;Password vt="8"&gt;{file_password}&lt;/Password&gt;&lt;UseTempFileOnWrite',
    )
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    return lambda *args: run_in_process(capsys, *args)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return (with_secrets(tmp_path, "a.xml", *SECRETS_A), with_secrets(tmp_path, "b.xml", *SECRETS_B))


def assert_no_secret(result: Result) -> None:
    for secret in SECRETS_A + SECRETS_B:
        assert secret not in result.out and secret not in result.err, f"{secret!r} was printed"


def test_the_files_really_hold_the_secrets(files: tuple[Path, Path]) -> None:
    text = files[0].read_text(encoding="utf-8")
    assert all(s in text for s in SECRETS_A)


def test_ls_masks_credentials_in_addresses(
    cli: Callable[..., Result], files: tuple[Path, Path], tmp_path: Path
) -> None:
    workspace = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    imported = cli("--workspace", workspace, "import", files[0])
    assert imported.code == 0, imported.err
    assert_no_secret(imported)

    listed = cli("--workspace", workspace, "ls")
    assert listed.code == 0
    assert_no_secret(listed)
    ftp = next(line for line in listed.out.splitlines() if FTP_PORT in line)
    assert ftp.endswith("ftp://orders:***@ftp.partner.example:21/in/%MessageID%.xml"), "the rest of the address is kept"

    as_json = cli("--workspace", workspace, "ls", "--json")
    assert as_json.code == 0
    assert_no_secret(as_json)
    by_name = {o["name"]: o for o in json.loads(as_json.out)}
    assert by_name[FTP_PORT]["address"] == "ftp://orders:***@ftp.partner.example:21/in/%MessageID%.xml"
    assert by_name[FILE_PORT]["address"] == "C:\\Archive\\Orders\\%MessageID%.xml"


def test_diff_reports_changed_passwords_without_their_values(
    cli: Callable[..., Result], files: tuple[Path, Path]
) -> None:
    result = cli("diff", *files)
    assert result.code == 1
    assert_no_secret(result)
    lines = result.out.splitlines()
    assert f"changed send port '{FTP_PORT}':" in lines and f"changed send port '{FILE_PORT}':" in lines
    secret = "changed (a secret: values not shown)"
    assert f"  Transport › Adapter settings › AdapterConfig › Config › password: {secret}" in lines
    assert f"  Transport › Adapter settings › Password: {secret}" in lines
    assert (
        "  Transport › Address: 'ftp://orders:***@ftp.partner.example:21/in/%MessageID%.xml': "
        "the password in it changed (not shown)"
    ) in lines
    assert result.err_lines == ["4 differences"]  # the address, the FTP uri setting, two passwords


def test_diff_of_a_blanked_password_being_filled_in(cli: Callable[..., Result], tmp_path: Path) -> None:
    """An export blanks passwords (vt="1"); the file to import has the real one (vt="8")."""
    exported = FIXTURES / "02_solicit_response_and_adapters.xml"
    text = exported.read_text(encoding="utf-8")
    blank = '&lt;Password vt="1" /&gt;'
    if blank not in text:
        pytest.skip("the fixture has no blanked password")
    filled = tmp_path / "filled.xml"
    filled.write_text(text.replace(blank, '&lt;Password vt="8"&gt;Filled-S3cret&lt;/Password&gt;', 1), encoding="utf-8")
    result = cli("diff", exported, filled)
    assert result.code == 1
    assert "Filled-S3cret" not in result.out + result.err
    assert any(line.endswith("Password: changed (a secret: values not shown)") for line in result.out.splitlines())


def test_validate_prints_no_secret(cli: Callable[..., Result], files: tuple[Path, Path]) -> None:
    result = cli("validate", files[0])
    assert_no_secret(result)
