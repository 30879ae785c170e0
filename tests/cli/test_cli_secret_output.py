"""What ``portwright`` writes keeps secrets out unless asked: ``export`` and ``convert`` blank them
as BizTalk's own export does (``--with-secrets`` gives the imported bytes back), ``export --port``
carries nothing of other artifacts, and ``validate`` never prints a password it quotes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support.cli import Result, run_in_process
from test_cli_secrets import FILE_PORT, FTP_PORT, with_secrets

from model.bindings import load
from model.bindings.blanking import blank_bytes

SECRETS = ("Ftp-S3cret-A", "Addr-S3cret-A", "File-S3cret-A")
RECEIVE_SECRET = "Rl-S3cret-A"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    return lambda *args: run_in_process(capsys, *args)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """01_messaging.xml with passwords in a port's settings, its AdapterConfig, its address, and in
    the receive location the file also holds."""
    path = with_secrets(tmp_path, "a.xml", *SECRETS)
    text = path.read_text(encoding="utf-8")
    location = "<ReceiveLocationTransportTypeData>&lt;CustomProps&gt;&lt;FileMask"
    assert text.count(location) == 1
    text = text.replace(
        location,
        '<ReceiveLocationTransportTypeData>&lt;CustomProps&gt;&lt;Username vt="8"&gt;svc&lt;/Username&gt;'
        f'&lt;Password vt="8"&gt;{RECEIVE_SECRET}&lt;/Password&gt;&lt;FileMask',
    )
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def workspace(cli: Callable[..., Result], source: Path, tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    imported = cli("--workspace", url, "import", source)
    assert imported.code == 0, imported.err
    return url


def test_export_blanks_secrets_as_biztalk_does(
    cli: Callable[..., Result], workspace: str, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.xml"
    result = cli("--workspace", workspace, "export", "-o", out)
    assert result.code == 0, result.err
    data = out.read_bytes()
    for secret in (*SECRETS, RECEIVE_SECRET):
        assert secret.encode() not in data, f"{secret!r} was exported"
    text = data.decode("utf-8")
    assert '&lt;Password vt="1" /&gt;' in text  # a null VARIANT, as BizTalk exports a password
    assert "&amp;lt;password&amp;gt;******&amp;lt;/password&amp;gt;" in text  # AdapterConfig: ******
    assert "ftp://orders@ftp.partner.example:21/in/" in text  # the address keeps its user, not the password
    # Only the secrets differ: the rest of the file is the imported bytes.
    assert data == blank_bytes(source.read_bytes())
    assert len(load(data).send_ports) == len(load(source).send_ports)


def test_export_with_secrets_gives_the_import_back(
    cli: Callable[..., Result], workspace: str, source: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.xml"
    result = cli("--workspace", workspace, "export", "--with-secrets", "-o", out)
    assert result.code == 0, result.err
    assert out.read_bytes() == source.read_bytes()


def test_export_of_one_port_carries_nothing_else(cli: Callable[..., Result], workspace: str, tmp_path: Path) -> None:
    out = tmp_path / "port.xml"
    result = cli("--workspace", workspace, "export", "--port", FILE_PORT, "--with-secrets", "-o", out)
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert RECEIVE_SECRET not in text and "<ReceivePort " not in text and "ReceiveLocation" not in text
    assert FTP_PORT not in text and SECRETS[0] not in text and SECRETS[1] not in text
    assert SECRETS[2] in text  # asked for: the chosen port's own password
    doc = load(out)
    assert [p.name for p in doc.send_ports] == [FILE_PORT] and doc.groups == []


def test_convert_blanks_unless_asked(cli: Callable[..., Result], source: Path, tmp_path: Path) -> None:
    blanked, kept = tmp_path / "blanked.xml", tmp_path / "kept.xml"
    assert cli("convert", source, "-o", blanked).code == 0
    assert cli("convert", source, "--with-secrets", "-o", kept).code == 0
    assert kept.read_bytes() == source.read_bytes()
    data = blanked.read_bytes()
    assert all(s.encode() not in data for s in (*SECRETS, RECEIVE_SECRET))
    assert data == blank_bytes(source.read_bytes())


def test_validate_never_prints_a_quoted_password(cli: Callable[..., Result], tmp_path: Path, source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    statement = 'Property="BTS.ReceivePortName" Operator="5" Value="Orders.Test"'
    assert statement in text
    text = text.replace(
        statement, 'Property="BTS.InboundTransportLocation" Operator="6" Value="ftp://u:Filter-S3cret@host/x"'
    )
    statement = 'Property="Contoso.Orders.Schemas.Amount" Operator="3" Value="1000"'
    assert statement in text
    text = text.replace(statement, 'Property="BTS.RetryCount" Operator="7" Value="Server=s;Password=Conn-S3cret"')
    path = tmp_path / "problems.xml"
    path.write_text(text, encoding="utf-8")
    result = cli("validate", path)
    lines = result.out.splitlines()
    exists = next(line for line in lines if "'exists' takes no value" in line)
    assert "ftp://u:***@host/x" in exists  # the problem is reported, its password masked
    assert any("Password=***" in line for line in lines)
    for secret in ("Filter-S3cret", "Conn-S3cret", *SECRETS, RECEIVE_SECRET):
        assert secret not in result.out and secret not in result.err
