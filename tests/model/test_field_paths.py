"""``model.field_paths``: reading a port's settings by field name and applying ``FIELD=VALUE``
under BizTalk's rules (no store, no Qt)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from model.bindings import load
from model.domain import SendPort, SendPortGroup, TrackingFlag
from model.field_paths import (
    Assignment,
    FieldPathError,
    PortEditError,
    apply_to_group,
    apply_to_port,
    parse_assignment,
    port_field_names,
    read_group,
    read_port,
)
from tests.support.bindings import STANDARD

DOC = load(STANDARD)
PORTS = {p.name: p for p in DOC.send_ports}
GROUPS = {g.name: g for g in DOC.groups}
MESSAGING = {p.name: p for p in load(FIXTURES / "01_messaging.xml").send_ports}
FTP = MESSAGING["Orders.Partner.FTP"]


def apply(port: SendPort, *texts: str) -> tuple[SendPort, list[str]]:
    outcome = apply_to_port(port, [parse_assignment(t) for t in texts])
    return outcome.model, [c.line() for c in outcome.changes]


def test_parse_assignment_keeps_everything_after_the_first_equals() -> None:
    assert parse_assignment("primary.settings.FileName=a=b.xml") == Assignment("primary.settings.FileName", "a=b.xml")
    assert parse_assignment(" description =") == Assignment("description", "")
    for bad in ("description", "=x", ""):
        with pytest.raises(FieldPathError, match="expected FIELD=VALUE"):
            parse_assignment(bad)


def test_read_port_gives_the_fields_set_takes() -> None:
    readings = read_port(PORTS["A"])
    assert readings["primary.address"].text == "C:\\Out\\A\\%MessageID%.xml"
    assert readings["primary.retry_count"].value == 3 and readings["primary.retry_count"].text == "3"
    assert readings["ordered_delivery"].value is False and readings["ordered_delivery"].text == "off"
    assert readings["tracking"].text == "none" and readings["tracking"].value == []
    writable = set(port_field_names(PORTS["A"]))
    assert set(readings) - writable == {"outbound_maps", "filter"}  # shown, not set here
    assert not any(k.startswith("primary.") for k in read_port(PORTS["D"]))  # dynamic: none to show


def test_a_wrapped_config_reads_as_settings_and_its_blanked_password_is_not_set() -> None:
    readings = read_port(FTP)
    password = readings["primary.settings.password"]
    assert password.secret and password.value is None and password.text == "(not set)"  # exported as ******
    assert readings["primary.settings.serverAddress"].text == "ftp.partner.example"
    assert "primary.settings.AdapterConfig" not in readings


def test_several_fields_and_their_side_effects() -> None:
    port, lines = apply(PORTS["A"], "ordered_delivery=on", "stop_sending_on_failure=on", "description=Nightly")
    assert lines == [
        "description: (none) → Nightly",
        "ordered_delivery: off → on",
        "stop_sending_on_failure: off → on",
    ]
    assert port.primary_transport is not None and port.primary_transport.ordered_delivery is True
    _, lines = apply(port, "ordered_delivery=off")
    assert lines == ["ordered_delivery: on → off", "stop_sending_on_failure: on → off"]


def test_long_names_and_case_are_forgiven() -> None:
    port, _ = apply(
        PORTS["A"],
        "Primary_Transport.Retry-Count=8",
        "primary.service_window_enabled=on",
        "primary.from_time=07:00",
        "PRIORITY=1",
    )
    assert port.primary_transport is not None and port.primary_transport.retry_count == 8 and port.priority == 1


def test_service_window_needs_turning_on_first() -> None:
    with pytest.raises(PortEditError, match="Turn the service window on first"):
        apply(PORTS["A"], "primary.from=08:00")
    port, lines = apply(PORTS["A"], "primary.service_window=on", "primary.from=08:00", "primary.to=17:30:15")
    assert port.primary_transport is not None and port.primary_transport.from_time == "2000-01-01T08:00:00"
    assert lines[-1] == "primary.to: 23:59:59 → 17:30:15"


def test_backup_transport_on_a_static_port_and_refused_on_a_dynamic_one() -> None:
    port, lines = apply(PORTS["A"], "backup.enabled=on", "backup.address=C:\\Backup", "backup.retry_count=1")
    assert port.secondary_transport is not None and port.secondary_transport.adapter_name == "FILE"
    assert "backup.address: (none) → C:\\Backup" in lines and "backup.retry_count: (none) → 1" in lines
    with pytest.raises(PortEditError) as refused:
        apply(PORTS["D"], "backup.enabled=on")
    assert refused.value.field == "backup.enabled" and "no backup transport" in refused.value.message
    with pytest.raises(PortEditError, match="Turn the backup transport on first"):
        apply(PORTS["A"], "backup.address=C:\\x")


def test_adapter_settings_take_catalog_words_and_checks() -> None:
    port, _ = apply(PORTS["A"], "primary.settings.copymode=Append", "primary.settings.AllowCacheOnWrite=yes")
    assert port.primary_transport is not None and port.primary_transport.settings is not None
    assert port.primary_transport.settings.value("CopyMode") == "0"
    assert port.primary_transport.settings.value("AllowCacheOnWrite") == "-1"
    with pytest.raises(FieldPathError, match="Copy mode must be a whole number from 0"):
        apply(PORTS["A"], "primary.settings.CopyMode=Sometimes")
    with pytest.raises(FieldPathError, match="has no setting 'Pasword'; did you mean Password"):
        apply(PORTS["A"], "primary.settings.Pasword=x")


def test_a_wrapped_config_child_is_set_inside_its_document() -> None:
    port, lines = apply(FTP, "primary.settings.serverPort=2121", "primary.settings.passiveMode=off")
    assert lines == [
        "primary.settings.serverPort: 21 → 2121",
        "primary.settings.passiveMode: True → False",
    ]
    document = port.primary_transport.settings.value("AdapterConfig")  # type: ignore[union-attr]
    assert "<serverPort>2121</serverPort>" in document and "<passiveMode>False</passiveMode>" in document
    with pytest.raises(FieldPathError, match="Port must be at most 65535"):
        apply(FTP, "primary.settings.serverPort=70000")


def test_a_secret_is_never_echoed() -> None:
    port, lines = apply(FTP, "primary.settings.password=Sup3r-Secret")
    assert lines == ["primary.settings.password: (not set) → (set)"]
    _, again = apply(port, "primary.settings.password=Other-Secret")
    assert again == ["primary.settings.password: (set) → (set, changed)"]
    _, cleared = apply(port, "primary.settings.password=")
    assert cleared == ["primary.settings.password: (set) → (not set)"]
    _, new = apply(PORTS["A"], "primary.settings.Password=x")
    assert new == ["primary.settings.Password: (not set) → (set)"]


def test_tracking_flags() -> None:
    port, lines = apply(PORTS["R"], "tracking=body_before_send,properties_after_receive")
    assert port.tracking == TrackingFlag.BODY_BEFORE_SEND | TrackingFlag.PROPERTIES_AFTER_RECEIVE
    assert lines == ["tracking: none → body_before_send, properties_after_receive"]
    port, _ = apply(port, "tracking.body_before_send=off", "tracking.body_after_send=on")
    assert port.tracking == TrackingFlag.BODY_AFTER_SEND | TrackingFlag.PROPERTIES_AFTER_RECEIVE
    assert apply(port, "tracking=none")[0].tracking == 0
    with pytest.raises(PortEditError, match="no response to track"):
        apply(PORTS["A"], "tracking=properties_after_receive")
    with pytest.raises(FieldPathError, match="unknown tracking flag 'everything'"):
        apply(PORTS["A"], "tracking=everything")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("priority=0", "must be greater than or equal to 1"),
        ("primary.retry_interval=-1", "must be greater than or equal to 0"),
        ("route_failed_messages=2", "expected on or off"),
        ("description=bell\x07", "control characters"),
        ("primary.to=noon", "expected a time of day"),
        ("send_pipeline=", "A send port needs a send pipeline."),
    ],
)
def test_bad_values_name_the_field(text: str, message: str) -> None:
    with pytest.raises((FieldPathError, PortEditError)) as e:
        apply(PORTS["A"], text)
    assert e.value.field == text.partition("=")[0]  # type: ignore[union-attr]
    assert message in str(e.value)


def test_unknown_and_read_only_fields() -> None:
    with pytest.raises(FieldPathError, match="did you mean primary.send_handler"):
        apply(PORTS["A"], "primary.send_handlr=Host")
    with pytest.raises(FieldPathError, match="`portwright set --help` lists the fields"):
        apply(PORTS["A"], "colour=blue")
    with pytest.raises(FieldPathError, match="use enlist, start, stop or unenlist"):
        apply(PORTS["A"], "state=Started")


def test_nothing_changed_is_no_change() -> None:
    outcome = apply_to_port(PORTS["A"], [Assignment("priority", "5"), Assignment("primary.adapter", "FILE")])
    assert outcome.changes == [] and outcome.model == PORTS["A"]


def test_group_fields() -> None:
    group: SendPortGroup = GROUPS["G1"]
    outcome = apply_to_group(group, [Assignment("description", "All of them")])
    assert outcome.model.description == "All of them"
    assert [c.line() for c in outcome.changes] == ["description: (none) → All of them"]
    assert read_group(group)["description"].text == "(none)"
    with pytest.raises(FieldPathError, match="portwright group add"):
        apply_to_group(group, [Assignment("members", "A")])
    with pytest.raises(FieldPathError, match="256"):
        apply_to_group(group, [Assignment("description", "x" * 300)])
