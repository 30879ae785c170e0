"""Secrets at rest: the workspace keeps adapter passwords sealed with a key kept outside it, reads
them back exactly, and a machine without the key is told which key it needs."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from hypothesis import given
from hypothesis import strategies as st
from keyring.backend import KeyringBackend
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from support.cli import run_in_process

from benchmarks.generate.elements import (
    DOCUMENT_TAIL,
    collection,
    custom_props,
    default_pipeline,
    document_head,
    esc,
    prop,
    send_port,
    transport,
)
from model.lifecycle import Kind
from model.store import Workspace, sealing, secret_key, transfer
from model.store.errors import WorkspaceError
from model.store.schema import SendPortRow
from model.store.secret_key import MissingKeyError
from model.store.skeletons import SkeletonCache

FTP_URL_PW = "FtpUrlPw-7a"
FTP_CONFIG_PW = "FtpCfgPw-8b"
SFTP_PW = "SftpPw&9c"  # escaped twice in the file (a setting inside TransportTypeData)
SQL_PW = "SqlPw-3kQ"
RECEIVE_PW = "RecvPw-4d"
RECEIVE_URL_PW = "RecvUrlPw-5e"
#: How each password appears in the file's bytes (and must never appear in the database's).
IN_FILE = (FTP_URL_PW, FTP_CONFIG_PW, "SftpPw&amp;amp;9c", SQL_PW, RECEIVE_PW, RECEIVE_URL_PW)
MARKERS = ("FtpUrlPw", "FtpCfgPw", "SftpPw", "SqlPw", "RecvPw", "RecvUrlPw")


def _port(name: str, address: str, adapter: str, props: list[str]) -> str:
    return send_port(
        name,
        static=True,
        two_way=False,
        transmit_pipeline=default_pipeline("TransmitPipeline", "PassThruTransmit"),
        primary=transport("PrimaryTransport", address, adapter, custom_props(props)),
        application="App",
    )


def _binding() -> bytes:
    ftp_address = f"ftp://bts:{FTP_URL_PW}@ftp.partner.example/in/%MessageID%.xml"
    ftp_config = (
        f"<Config><uri>{esc(ftp_address)}</uri><serverAddress>ftp.partner.example</serverAddress>"
        f"<userName>bts</userName><password>{FTP_CONFIG_PW}</password></Config>"
    )
    ports = [
        _port("FtpOut", ftp_address, "FTP", [prop("AdapterConfig", "8", ftp_config)]),
        _port(
            "SftpOut",
            "sftp://sftp.partner.example:22/in/%MessageID%.xml",
            "SFTP",
            [prop("UserName", "8", "bts"), prop("Password", "8", SFTP_PW)],
        ),
        _port(
            "SqlOut",
            "mssql://db.example//Orders?",
            "WCF-SQL",
            [
                prop("ConnectionString", "8", f"Server=db.example;Database=Orders;User ID=bts;Password={SQL_PW};"),
                prop("Password", "1"),
            ],
        ),
    ]
    location = esc(custom_props([prop("UserName", "8", "rcv"), prop("Password", "8", RECEIVE_PW)]))
    receive = (
        "  <ReceivePortCollection>\n"
        '    <ReceivePort Name="InboundFtp" IsTwoWay="false" BindingOption="0">\n'
        "      <ReceiveLocations>\n"
        '        <ReceiveLocation Name="InboundFtp.FTP">\n'
        f"          <Address>ftp://rcv:{RECEIVE_URL_PW}@ftp.partner.example/out/*.xml</Address>\n"
        f"          <ReceiveLocationTransportTypeData>{location}</ReceiveLocationTransportTypeData>\n"
        "        </ReceiveLocation>\n"
        "      </ReceiveLocations>\n"
        "      <ApplicationName>App</ApplicationName>\n"
        "    </ReceivePort>\n"
        "  </ReceivePortCollection>\n"
    )
    return (
        document_head("2024-05-06T10:11:12.1234567+02:00", 0, 0)
        + collection("ModuleRefCollection", [])
        + collection("SendPortCollection", ports)
        + collection("DistributionListCollection", [])
        + receive
        + DOCUMENT_TAIL
    ).encode("utf-8")


SOURCE = _binding()


def test_the_binding_file_holds_every_password() -> None:
    """The premise of the tests below: each password is in the file as written."""
    for secret in IN_FILE:
        assert secret.encode() in SOURCE, secret


def _store_export(ws: Workspace, ports: tuple[str, ...] = ()) -> bytes:
    """The store's own export (before any blanking an edge may apply)."""
    with Session(ws.engine) as s:
        chosen = transfer.read_export(s, SkeletonCache(), (), ports, ())
    return transfer.write_export(chosen)


def _files_bytes(path: Path) -> bytes:
    return b"".join(f.read_bytes() for f in (path, path.with_name(path.name + "-wal")) if f.exists())


@pytest.fixture
def imported(tmp_path: Path) -> Iterator[tuple[Workspace, Path]]:
    path = tmp_path / "w.sqlite"
    with Workspace(path) as ws:
        ws.import_file(SOURCE)
        yield ws, path


def test_the_database_files_hold_no_password(imported: tuple[Workspace, Path]) -> None:
    ws, path = imported
    data = _files_bytes(path)
    assert b"{sealed:v1:" in data
    assert b"ftp.partner.example" in data  # the text around the secrets is stored as it is
    for marker in MARKERS:
        assert marker.encode() not in data, marker
    ws.close()
    data = _files_bytes(path)
    for marker in MARKERS:
        assert marker.encode() not in data, marker


def test_export_gives_the_file_back_with_its_passwords(imported: tuple[Workspace, Path]) -> None:
    ws, _ = imported
    assert _store_export(ws) == SOURCE
    assert "SftpPw&amp;amp;9c" in ws.port("SftpOut").xml
    primary = ws.port("SftpOut").model.primary_transport
    assert primary is not None and SFTP_PW in str(primary.settings)  # the model reads the password
    ftp = ws.entry(Kind.PORT, "FtpOut")
    assert ftp is not None and ftp.address is not None and FTP_URL_PW in ftp.address
    one = _store_export(ws, ("FtpOut",))
    assert FTP_CONFIG_PW.encode() in one and SFTP_PW.encode() not in one


def test_like_queries_match_the_stored_text_around_secrets(imported: tuple[Workspace, Path]) -> None:
    ws, _ = imported
    with Session(ws.engine) as s:
        around = set(s.scalars(select(SendPortRow.name).where(SendPortRow.xml.contains("ftp.partner.example"))))
        inside = set(s.scalars(select(SendPortRow.name).where(SendPortRow.xml.contains(FTP_CONFIG_PW))))
    assert around == {"FtpOut", "SftpOut"}
    assert inside == set()  # the password is not there to be found


def test_the_key_is_a_private_file_outside_the_workspace(imported: tuple[Workspace, Path]) -> None:
    _, path = imported
    key_file = Path(os.environ[secret_key.ENV_KEY_DIR]) / secret_key.KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text().strip()
    data = _files_bytes(path)
    assert key.encode() not in data
    assert f"{{sealed:v1:{secret_key.key_id(key)}:".encode() in data


def test_a_machine_without_the_key_is_told_which_key_it_needs(
    imported: tuple[Workspace, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    ws, path = imported
    key_id = secret_key.key_id((Path(os.environ[secret_key.ENV_KEY_DIR]) / secret_key.KEY_FILE).read_text().strip())
    ws.close()
    before = path.read_bytes()
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.setenv(secret_key.ENV_KEY_DIR, str(tmp_path / "elsewhere"))
    monkeypatch.setenv(secret_key.ENV_KEY, secret_key.new_key())
    sealing._opened.clear()
    with Workspace(path) as other, pytest.raises(MissingKeyError) as info:
        other.port("SftpOut")
    message = str(info.value)
    assert f"sealed with key {key_id}" in message and secret_key.ENV_KEY in message
    assert "\n" not in message and not any(m in message for m in MARKERS)

    result = run_in_process(capsys, "--workspace", path, "ls")
    assert result.code != 0
    assert f"key {key_id}" in result.err and len(result.err_lines) == 1
    assert not any(m in result.out + result.err for m in MARKERS)
    assert path.read_bytes() == before


def test_the_environment_key_seals_and_a_bad_one_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = secret_key.new_key()
    monkeypatch.setenv(secret_key.ENV_KEY, key)
    with Workspace(tmp_path / "w.sqlite") as ws:
        ws.import_file(SOURCE)
        with ws.engine.connect() as conn:
            stored = conn.execute(text("SELECT xml FROM send_ports WHERE name = 'SftpOut'")).scalar_one()
    assert f"{{sealed:v1:{secret_key.key_id(key)}:" in stored
    monkeypatch.setenv(secret_key.ENV_KEY, "not-a-key")
    with pytest.raises(WorkspaceError, match=f"{secret_key.ENV_KEY} is not a key"):
        sealing.seal("Password=x")


class _MemoryKeyring(KeyringBackend):
    """A keyring that keeps its entries in this process (never the user's)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def test_a_usable_keyring_keeps_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memory = _MemoryKeyring()
    previous = keyring.get_keyring()
    monkeypatch.setenv(secret_key.ENV_KEY_DIR, str(tmp_path / "keys"))
    keyring.set_keyring(memory)
    try:
        sealed = sealing.seal("<Password>kr-pw</Password>")
    finally:
        keyring.set_keyring(previous)
    key = memory.entries[(secret_key.KEYRING_SERVICE, secret_key.KEYRING_ENTRY)]
    assert f"{{sealed:v1:{secret_key.key_id(key)}:" in sealed and "kr-pw" not in sealed
    assert not (tmp_path / "keys").exists()  # no key file beside a keyring that keeps the key


def test_rows_stored_in_plain_text_read_as_they_are_and_are_sealed_on_their_next_write(
    imported: tuple[Workspace, Path],
) -> None:
    ws, _ = imported
    plain = ws.port("SftpOut").xml
    with ws.engine.begin() as conn:  # as written before sealing existed
        conn.execute(text("UPDATE send_ports SET xml = :x WHERE name = 'SftpOut'"), {"x": plain})
    assert ws.port("SftpOut").xml == plain
    assert _store_export(ws) == SOURCE
    ws.rename(Kind.PORT, "SftpOut", "SftpOut2")
    with ws.engine.connect() as conn:
        stored = conn.execute(text("SELECT xml FROM send_ports WHERE name = 'SftpOut2'")).scalar_one()
    assert "SftpPw" not in stored and "{sealed:v1:" in stored
    assert "SftpPw&amp;amp;9c" in ws.port("SftpOut2").xml


@pytest.mark.parametrize(
    ("stored", "secret"),
    [
        ('<Password vt="8">p@ss&amp;word</Password>', "p@ss&amp;word"),
        ('&lt;Password vt="8"&gt;nested&lt;/Password&gt;&lt;UserName vt="8"&gt;bob', "nested"),
        ("&amp;lt;password&amp;gt;deeper&amp;lt;/password&amp;gt;", "deeper"),
        ('&lt;C vt="8"&gt;Server=s;Pwd=conn&amp;amp;pw;Encrypt=true&lt;/C&gt;', "conn&amp;amp;pw"),
        ("Data Source=s;Password='q;uoted'", "'q;uoted'"),
        ("<Address>ftp://user:urlpw@host/in/</Address>", "urlpw"),
        ("<SharedAccessKey>abc123=</SharedAccessKey>", "abc123="),
    ],
)
def test_each_form_of_secret_is_sealed_and_nothing_else(stored: str, secret: str) -> None:
    sealed = sealing.seal(stored)
    assert secret not in sealed
    assert sealed.replace(sealed[sealed.index("{sealed:") : sealed.index("}") + 1], secret) == stored
    assert sealing.unseal(sealed) == stored


@pytest.mark.parametrize(
    "stored",
    [
        '<ClientAuthenticationMode vt="8">Password</ClientAuthenticationMode>',
        '<Password vt="1" /><SendPortName>x</SendPortName>',
        "mailto:someone@example.test",
        "ftp://user@host/in/",
    ],
)
def test_text_without_a_secret_value_is_stored_as_it_is(stored: str) -> None:
    assert sealing.seal(stored) == stored


_PIECES = st.sampled_from(
    ["<Password>", "</Password>", "&lt;Pwd vt=\"8\"&gt;", "&lt;/Pwd&gt;", "Password=", ";", "ftp://u:", "@h/",
     "{sealed:", "{sealed:v1:0123456789:abc}", "&amp;", "<", ">", " ", "x"]
)  # fmt: skip


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=30).map("".join))
def test_sealing_any_text_reads_back_exactly(value: str) -> None:
    assert sealing.unseal(sealing.seal(value)) == value


def test_the_skeleton_is_sealed_in_its_strings() -> None:
    state = {"pieces": ["<a>", {"items": ["&lt;Password&gt;rcv&lt;/Password&gt;"]}], "bom": "", "n": 1}
    stored = sealing.SealedJSON().process_bind_param(state, None)  # type: ignore[arg-type]
    assert "rcv" not in repr(stored)
    assert sealing.SealedJSON().process_result_value(stored, None) == state  # type: ignore[arg-type]


def test_on_postgresql_the_column_values_hold_no_password(postgres_url: str) -> None:
    with Workspace(postgres_url) as ws:
        ws.import_file(SOURCE)
        with ws.engine.connect() as conn:
            stored = [
                *conn.execute(text("SELECT xml || coalesce(address, '') FROM send_ports")).scalars(),
                *conn.execute(text("SELECT CAST(skeleton AS TEXT) FROM sources")).scalars(),
            ]
        assert len(stored) == 4
        for value in stored:
            assert not any(m in value for m in MARKERS), value
        assert _store_export(ws) == SOURCE
