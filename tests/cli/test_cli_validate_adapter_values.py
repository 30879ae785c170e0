"""``portwright validate`` on adapter settings: a value of the wrong type is an error that names
the port, the setting and why; a setting the authentication mode needs is a warning, and one it
does not need is not; secret values are never printed."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from designer.cli import main
from model.adapters import ADAPTERS
from tests.support.bindings import STANDARD

PROBLEM = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info): (?P<message>.+)$")


def binding(tmp_path: Path, adapter: str, address: str, props: str) -> Path:
    """The standard test file with port A on ``adapter`` carrying ``<CustomProps>{props}``."""
    spec = ADAPTERS[adapter]
    text = STANDARD.decode()
    start = text.index('<SendPort Name="A"')
    end = text.index("</SendPort>", start)
    port = text[start:end]
    port = re.sub(
        r'<TransportType Name="FILE"[^>]*/>',
        f'<TransportType Name="{spec.name}" Capabilities="{spec.capabilities}" '
        f'ConfigurationClsid="{spec.configuration_clsid}" />',
        port,
    )
    port = re.sub(r"<Address>[^<]*</Address>", lambda _m: f"<Address>{address}</Address>", port, count=1)
    data = escape(f"<CustomProps>{props}</CustomProps>")
    port = re.sub(r"<TransportTypeData>.*?</TransportTypeData>", lambda _m: f"<TransportTypeData>{data}</TransportTypeData>", port)  # fmt: skip
    path = tmp_path / f"{adapter}.xml"
    path.write_text(text[:start] + port + text[end:], encoding="utf-8")
    return path


def validate(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, list[re.Match[str]]]:
    capsys.readouterr()
    code = main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    lines = [PROBLEM.match(line) for line in out.splitlines()]
    assert all(lines), out
    return code, [m for m in lines if m is not None]


def about_port_a(problems: list[re.Match[str]]) -> list[tuple[str, str]]:
    return [(m["severity"], m["message"]) for m in problems if "send port 'A'" in m["message"]]


def test_a_timeout_in_words_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = binding(
        tmp_path,
        "WCF-BasicHttp",
        "http://host/service.svc",
        '<OpenTimeout vt="8">ten minutes</OpenTimeout><SendTimeout vt="8">00:10:00</SendTimeout>',
    )
    code, problems = validate(capsys, path)
    assert code == 1
    [(severity, message)] = about_port_a(problems)
    assert severity == "error"
    assert "'OpenTimeout'" in message and "time span" in message and "'ten minutes'" in message
    line = path.read_text(encoding="utf-8").splitlines()[int(problems[0]["line"]) - 1]
    assert "ten minutes" in line  # the position points at the setting's element
    code, problems = validate(capsys, "--errors-only", path)
    assert code == 1 and len(about_port_a(problems)) == 1


def test_an_integer_out_of_bounds_and_an_unknown_choice_are_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = binding(
        tmp_path,
        "SFTP",
        "sftp://host:22/in/%MessageID%.xml",
        '<ServerAddress vt="8">host</ServerAddress><Port vt="3">70000</Port><UserName vt="8">u</UserName>'
        '<ClientAuthenticationMode vt="8">Kerberos</ClientAuthenticationMode>',
    )
    code, problems = validate(capsys, path)
    found = about_port_a(problems)
    assert code == 1
    assert ("error", "send port 'A': adapter setting 'Port': Port must be at most 65535, not 70000") in found
    assert any(s == "error" and "'ClientAuthenticationMode'" in m and "one of Password" in m for s, m in found)
    assert not any("Password" in m and s == "warning" for s, m in found)  # the mode is unknown: no guess


@pytest.mark.parametrize(
    ("adapter", "address", "props", "expected"),
    [
        (
            "SFTP",
            "sftp://host:22/in/%MessageID%.xml",
            '<ServerAddress vt="8">host</ServerAddress><UserName vt="8">u</UserName>',
            ["SFTP password 'Password' is missing, needed because ClientAuthenticationMode is Password (the default)"],
        ),
        (
            "SFTP",
            "sftp://host:22/in/%MessageID%.xml",
            '<ServerAddress vt="8">host</ServerAddress><UserName vt="8">u</UserName>'
            '<ClientAuthenticationMode vt="8">PublicKeyAuthentication</ClientAuthenticationMode>'
            '<Password vt="1" /><PrivateKey vt="8">C:\\keys\\u.ppk</PrivateKey>',
            [],
        ),
        (
            "SFTP",
            "sftp://host:22/in/%MessageID%.xml",
            '<ServerAddress vt="8">host</ServerAddress><UserName vt="8">u</UserName>'
            '<ClientAuthenticationMode vt="8">MultiFactorAuthentication</ClientAuthenticationMode><Password vt="1" />',
            [
                "SFTP password 'Password' is missing, needed because ClientAuthenticationMode is MultiFactorAuthentication",
                "SFTP setting 'PrivateKey' (Private key file) is empty, needed because ClientAuthenticationMode is MultiFactorAuthentication",
            ],
        ),
        (
            "SB-Messaging",
            "sb://ns.servicebus.windows.net/queue",
            '<UseAcsAuthentication vt="11">0</UseAcsAuthentication><UseSasAuthentication vt="11">-1</UseSasAuthentication>'
            '<SharedAccessKeyName vt="8">send</SharedAccessKeyName><SharedAccessKey vt="1" /><IssuerSecret vt="1" />',
            ["SB-Messaging password 'SharedAccessKey' is missing, needed because UseSasAuthentication is on"],
        ),
        (
            "SB-Messaging",
            "sb://ns.servicebus.windows.net/queue",
            '<UseAcsAuthentication vt="11">0</UseAcsAuthentication><UseSasAuthentication vt="11">0</UseSasAuthentication>'
            '<IssuerSecret vt="1" />',
            [],
        ),
        (
            "WCF-WebHttp",
            "https://host/api",
            '<SecurityMode vt="8">Transport</SecurityMode><TransportClientCredentialType vt="8">Basic</TransportClientCredentialType>'
            '<UseSSO vt="11">0</UseSSO><UserName vt="8">api-user</UserName>',
            [
                "WCF-WebHttp password 'Password' is missing, needed because SecurityMode is Transport and "
                "TransportClientCredentialType is Basic and UseSSO is off"
            ],
        ),
        (
            "WCF-WebHttp",
            "https://host/api",
            '<SecurityMode vt="8">None</SecurityMode><TransportClientCredentialType vt="8">Basic</TransportClientCredentialType>'
            '<UserName vt="8">api-user</UserName><Password vt="1" />',
            [],
        ),
        (
            "FILE",
            r"C:\Out\%MessageID%.xml",
            '<FileName vt="8">x.xml</FileName><Username vt="8" /><Password vt="1" />',
            [],
        ),
    ],
)
def test_required_settings_follow_the_authentication_mode(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, adapter: str, address: str, props: str, expected: list[str]
) -> None:
    code, problems = validate(capsys, binding(tmp_path, adapter, address, props))
    assert code == 0
    warnings = [m for s, m in about_port_a(problems) if s == "warning" and "before importing" in m]
    assert len(warnings) == len(expected), warnings
    for message, words in zip(warnings, expected, strict=True):
        assert message.startswith(f"send port 'A': {words}"), message
        assert message.endswith("set it before importing into BizTalk")


def test_validate_never_prints_a_secret_value(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = binding(
        tmp_path,
        "SFTP",
        "sftp://host:22/in/%MessageID%.xml",
        '<ServerAddress vt="8">host</ServerAddress><UserName vt="8">u</UserName><Port vt="3">x</Port>'
        '<Password vt="8">Hunter2-pass</Password><PrivateKeyPassword vt="3">Key-pass-77</PrivateKeyPassword>',
    )
    capsys.readouterr()
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and "'Port'" in out  # the file has problems to report...
    assert "PrivateKeyPassword" in out  # ...among them the secret's wrong VARIANT type
    assert "Hunter2-pass" not in out + err and "Key-pass-77" not in out + err


def test_a_value_inside_the_ftp_config_document_is_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = escape("<Config><serverAddress>ftp.contoso.com</serverAddress><serverPort>99999</serverPort></Config>")
    path = binding(tmp_path, "FTP", "ftp://ftp.contoso.com:21/in/%MessageID%.xml", f'<AdapterConfig vt="8">{config}</AdapterConfig>')  # fmt: skip
    code, problems = validate(capsys, path)
    assert code == 1
    assert about_port_a(problems) == [
        ("error", "send port 'A': adapter setting 'serverPort' in AdapterConfig: Port must be at most 65535, not 99999")
    ]
