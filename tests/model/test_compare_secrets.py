"""model.bindings.compare keeps secrets out of its report wherever they sit in a binding file: a
secret adapter setting (by the catalog, or by its name for adapters the catalog lacks), a
password in an address, a connection string, a comment, or settings present on one side only."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from support.bindings import binding_file, port

from model.bindings.compare import Report, compare_files

SECRET_A, SECRET_B = "Old-S3cret", "New-S3cret"


def every_text(report: Report) -> str:
    return "\n".join([*report.lines(), *(f"{d.path} {d.message}" for d in report.differences)])


def with_settings(props: str) -> bytes:
    """A one-port file whose FILE transport carries ``props`` as its CustomProps."""
    data = binding_file(ports=[port("P", address="C:\\Out\\p.xml")]).decode("utf-8")
    default = '&lt;CustomProps&gt;&lt;FileName vt="8"&gt;%MessageID%.xml&lt;/FileName&gt;&lt;/CustomProps&gt;'
    assert default in data
    return data.replace(default, escape(f"<CustomProps>{props}</CustomProps>")).encode("utf-8")


def receive_port(location_props: str, address: str) -> str:
    """A receive port with one location of an adapter the send catalog does not know."""
    return (
        f'    <ReceivePort Name="R" IsTwoWay="false"><ReceiveLocations><ReceiveLocation Name="RL">'
        f"<Address>{escape(address)}</Address>"
        f'<ReceiveLocationTransportType Name="Acme-Queue" Capabilities="1" />'
        f"<ReceiveLocationTransportTypeData>{escape(location_props)}</ReceiveLocationTransportTypeData>"
        f"</ReceiveLocation></ReceiveLocations></ReceivePort>\n"
    )


def with_receive_port(xml: str) -> bytes:
    data = binding_file(ports=[port("P", address="C:\\Out\\p.xml")]).decode("utf-8")
    return data.replace(
        "</BindingInfo>", f"  <ReceivePortCollection>\n{xml}  </ReceivePortCollection>\n</BindingInfo>"
    ).encode("utf-8")


@pytest.mark.parametrize(
    ("before", "after", "label"),
    [
        (f'<Password vt="8">{SECRET_A}</Password>', f'<Password vt="8">{SECRET_B}</Password>', "Password"),
        ('<Password vt="1" />', f'<Password vt="8">{SECRET_A}</Password>', "Password"),
        (
            f'<Connection vt="8">Server=s;Password={SECRET_A}</Connection>',
            f'<Connection vt="8">Server=s;Password={SECRET_B}</Connection>',
            "Connection",
        ),
    ],
)
def test_changed_secret_setting_is_named_not_shown(before: str, after: str, label: str) -> None:
    report = compare_files(with_settings(before), with_settings(after))
    text = every_text(report)
    assert SECRET_A not in text and SECRET_B not in text
    assert list(report.changed) == [("port", "P")]
    assert any(d.label and d.label.endswith(label) for d in report.changed[("port", "P")])


def test_settings_on_one_side_only_are_not_printed() -> None:
    plain = binding_file(ports=[port("P", address="C:\\Out\\p.xml")])
    props = '&lt;CustomProps&gt;&lt;FileName vt="8"&gt;%MessageID%.xml&lt;/FileName&gt;&lt;/CustomProps&gt;'
    text = plain.decode("utf-8").replace(props, escape(f"Password={SECRET_A}")).encode("utf-8")
    report = compare_files(plain, text)
    assert SECRET_A not in every_text(report)
    assert "escaped XML on one side only: a <CustomProps> document vs" in every_text(report)


def test_receive_location_of_an_unknown_adapter() -> None:
    a = with_receive_port(
        receive_port(
            f'<CustomProps><QueuePwd vt="8">{SECRET_A}</QueuePwd></CustomProps>', f"acme://svc:{SECRET_A}@queue/in"
        )
    )
    b = with_receive_port(
        receive_port(
            f'<CustomProps><QueuePwd vt="8">{SECRET_B}</QueuePwd></CustomProps>', f"acme://svc:{SECRET_B}@queue/in"
        )
    )
    report = compare_files(a, b)
    text = every_text(report)
    assert SECRET_A not in text and SECRET_B not in text
    assert "acme://svc:***@queue/in" in text, "the address is shown, its password masked"
    assert len(report.other) == 2


def test_comment_holding_a_url_with_credentials() -> None:
    plain = binding_file(ports=[port("P", address="C:\\Out\\p.xml")]).decode("utf-8")
    a, b = (
        plain.replace("<SendPortCollection>", f"<!-- was ftp://me:{s}@old/ -->\n  <SendPortCollection>")
        for s in (SECRET_A, SECRET_B)
    )
    report = compare_files(a.encode("utf-8"), b.encode("utf-8"))
    assert report.lines() == [
        "/BindingInfo/comment()[2]: comment 'was ftp://me:***@old/': the password in it changed (not shown)"
    ]


def test_non_secret_changes_are_still_shown() -> None:
    report = compare_files(
        with_settings('<FileName vt="8">a.xml</FileName>'), with_settings('<FileName vt="8">b.xml</FileName>')
    )
    assert any("'a.xml' → 'b.xml'" in line for line in report.lines())
