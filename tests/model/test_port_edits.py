"""``model.port_edits``: each edit as BizTalk allows it, as tables of (port, edit, expected result),
and each refusal next to the allowed neighbour of the same edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

import pytest

from model import adapters
from model.domain import (
    AdapterProperty,
    AdapterSettings,
    AdapterType,
    Certificate,
    Map,
    Pipeline,
    SendHandler,
    SendPort,
    TrackingFlag,
    Transport,
    new_send_port,
    replace,
)
from model.port_edits import (
    PortEditError,
    adapters_for,
    locked_fields,
    service_window_time,
    with_adapter,
    with_address,
    with_backup_adapter,
    with_backup_transport,
    with_certificate,
    with_maps,
    with_ordered_delivery,
    with_pipeline,
    with_pipeline_data,
    with_primary_adapter,
    with_retries,
    with_send_handler,
    with_service_window,
    with_service_window_time,
    with_stop_sending_on_failure,
    with_tracking_flag,
)

HANDLER = SendHandler(name="ContosoSendHost", adapter=AdapterType(name="FILE"))


def one_way(**changes: object) -> SendPort:
    port = new_send_port("Out", adapter="FILE", address=r"C:\Out\%MessageID%.xml")
    assert port.primary_transport is not None
    transport = replace(port.primary_transport, send_handler=HANDLER, retry_count=7)
    return replace(port, **{"primary_transport": transport, **changes})


def two_way(**changes: object) -> SendPort:
    return replace(new_send_port("Ask", adapter="HTTP", address="http://x", two_way=True), **changes)


def dynamic(two: bool = False) -> SendPort:
    return new_send_port("Dyn", static=False, two_way=two)


# -- adapters_for ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("port", "has_file", "only_two_way"),
    [
        (one_way(), True, False),
        (two_way(), False, True),
        (dynamic(), True, False),
        (dynamic(two=True), False, True),
    ],
)
def test_adapters_for(port: SendPort, has_file: bool, only_two_way: bool) -> None:
    names = adapters_for(port)
    assert names == sorted(names, key=str.lower) and names
    assert ("FILE" in names) is has_file
    assert set(names) <= set(adapters.two_way_adapters()) or not only_two_way
    if not only_two_way:
        assert set(names) == set(adapters.ADAPTERS)


# -- with_adapter -------------------------------------------------------------------------------


def test_with_adapter_applies_the_catalogs_defaults_and_moves_the_handler() -> None:
    t = one_way().primary_transport
    new = with_adapter(t, "HTTP")
    spec = adapters.adapter_spec("HTTP")
    assert spec is not None and new.adapter == AdapterType(
        name="HTTP", capabilities=spec.capabilities, configuration_clsid=spec.configuration_clsid
    )
    assert new.settings == AdapterSettings(
        properties=tuple(AdapterProperty(n, vt, v) for n, vt, v in adapters.default_settings("HTTP"))
    )
    assert new.send_handler == SendHandler(name="ContosoSendHost", adapter=new.adapter)
    assert (new.address, new.retry_count) == (t.address, 7)  # the rest of the transport stays


@pytest.mark.parametrize(
    ("transport", "name", "same"),
    [
        (one_way().primary_transport, "FILE", True),  # the same adapter: nothing changes
        (one_way().primary_transport, "Contoso.Null", False),  # not in the catalog: no settings to default
        (None, "SFTP", False),  # no transport yet: a new one
    ],
)
def test_with_adapter_cases(transport: Transport | None, name: str, same: bool) -> None:
    new = with_adapter(transport, name)
    assert (new == transport) is same
    assert new.adapter_name == name
    if adapters.adapter_spec(name) is None:
        assert new.settings == AdapterSettings() and new.adapter == AdapterType(name=name)


def test_primary_adapter_of_a_solicit_response_port_must_answer() -> None:
    with pytest.raises(PortEditError, match="solicit-response adapter"):
        with_primary_adapter(two_way(), "FILE")
    assert with_primary_adapter(two_way(), "WCF-BasicHttp").adapter_name == "WCF-BasicHttp"
    assert with_primary_adapter(one_way(), "FILE") == one_way()
    with pytest.raises(PortEditError, match="dynamic"):
        with_primary_adapter(dynamic(), "FILE")


# -- backup transport ---------------------------------------------------------------------------


def _backup(port: SendPort) -> Transport:
    assert port.secondary_transport is not None
    return port.secondary_transport


@pytest.mark.parametrize(
    ("port", "adapter"),
    [
        (one_way(), "FILE"),
        (two_way(), "HTTP"),
        (one_way(primary_transport=Transport(address="x")), "FILE"),  # the primary has no adapter yet
    ],
)
def test_backup_on_takes_the_primarys_adapter(port: SendPort, adapter: str) -> None:
    on = with_backup_transport(port, True)
    b = _backup(on)
    assert b.is_configured and b.adapter_name == adapter and b.primary is False
    assert b.address == "" and b.settings == with_adapter(None, adapter).settings


def test_backup_off_keeps_its_options_and_on_off_gives_back_the_empty_backup() -> None:
    port = one_way(secondary_transport=Transport(address="", primary=False, retry_count=9))
    on = with_backup_transport(port, True)
    off = with_backup_transport(on, False)
    assert not _backup(off).is_configured and _backup(off).retry_count == 9
    assert off == port
    assert with_backup_transport(on, True) == on  # already on: unchanged


def test_backup_adapter_choice() -> None:
    on = with_backup_adapter(one_way(), "SFTP")
    assert _backup(on).adapter_name == "SFTP"
    assert not _backup(with_backup_adapter(on, None)).is_configured
    assert not _backup(with_backup_adapter(on, "")).is_configured


@pytest.mark.parametrize(
    "edit",
    [
        lambda p: with_backup_transport(p, True),
        lambda p: with_backup_adapter(p, "FILE"),
        lambda p: with_address(p, "x", backup=True),
    ],
)
def test_a_dynamic_port_has_no_backup_transport(edit: Callable[[SendPort], SendPort]) -> None:
    with pytest.raises(PortEditError, match="no backup transport"):
        edit(dynamic())
    assert not _backup(with_backup_transport(dynamic(), False)).is_configured  # turning it off is fine


def test_an_unconfigured_backup_takes_no_address() -> None:
    with pytest.raises(PortEditError, match="backup transport on first"):
        with_address(one_way(), "C:\\Backup", backup=True)
    on = with_backup_transport(one_way(), True)
    assert _backup(with_address(on, "C:\\Backup", backup=True)).address == "C:\\Backup"


# -- transport fields ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("port", "address", "error"),
    [
        (one_way(), "C:\\New", None),
        (one_way(), "", "needs an address"),
        (one_way(), "   ", "needs an address"),
        (dynamic(), "x", "dynamic send port gets its address"),
    ],
)
def test_with_address(port: SendPort, address: str, error: str | None) -> None:
    if error is None:
        assert with_address(port, address).address == address
    else:
        with pytest.raises(PortEditError, match=error):
            with_address(port, address)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("OtherHost", SendHandler(name="OtherHost", adapter=AdapterType(name="FILE"))),
        ("", None),
        (None, None),
    ],
)
def test_with_send_handler(host: str | None, expected: SendHandler | None) -> None:
    t = with_send_handler(one_way(), host).primary_transport
    assert t is not None and t.send_handler == expected


def test_a_new_send_handler_runs_the_transports_adapter() -> None:
    port = new_send_port("P", adapter="SFTP", address="sftp://x")
    t = with_send_handler(port, "Host").primary_transport
    assert t is not None and t.send_handler == SendHandler(name="Host", adapter=AdapterType(name="SFTP"))


def test_retries_and_service_window() -> None:
    port = with_retries(one_way(), count=0, interval=60)
    assert port.primary_transport is not None
    assert (port.primary_transport.retry_count, port.primary_transport.retry_interval) == (0, 60)
    with pytest.raises(ValueError):
        with_retries(one_way(), count=1001)  # BizTalk's limit: the domain refuses it
    with pytest.raises(PortEditError, match="transport options"):
        with_retries(dynamic(), count=1)
    on = with_service_window(one_way(), True)
    assert "primary_transport.from_time" not in locked_fields(on)
    assert locked_fields(one_way())["primary_transport.from_time"] == "Turn the service window on first."


@pytest.mark.parametrize(
    ("old", "end", "value", "written"),
    [
        ("2000-01-01T00:00:00", "from_time", time(8, 30), "2000-01-01T08:30:00"),
        ("2000-01-01T23:59:59", "to_time", time(17, 0, 15), "2000-01-01T17:00:15"),
        ("2024-05-01T01:00:00+02:00", "from_time", time(9, 5), "2024-05-01T09:05:00"),  # the date is kept
    ],
)
def test_service_window_time(old: str, end: str, value: time, written: str) -> None:
    t = replace(one_way().primary_transport, service_window_enabled=True, **{end: old})  # type: ignore[arg-type]
    port = with_service_window_time(one_way(primary_transport=t), end, value)  # type: ignore[arg-type]
    assert getattr(port.primary_transport, end) == written
    assert service_window_time(port, end) == value  # type: ignore[arg-type]


def test_service_window_time_of_a_placeholder_is_none_and_locked() -> None:
    t = replace(one_way().primary_transport, service_window_enabled=True, from_time="${WindowStart}")  # type: ignore[arg-type]
    port = one_way(primary_transport=t)
    assert service_window_time(port, "from_time") is None
    assert "placeholder" in locked_fields(port)["primary_transport.from_time"]
    assert service_window_time(port, "to_time") == time(23, 59, 59)
    with pytest.raises(PortEditError, match="placeholder"):
        with_service_window_time(port, "from_time", time(6, 0))
    with pytest.raises(PortEditError, match="service window on first"):
        with_service_window_time(one_way(), "from_time", time(6, 0))


# -- delivery ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ordered", "stop", "on", "expected"),
    [
        (False, False, True, (True, False)),
        (True, True, False, (False, False)),  # off clears stop-on-failure: it needs ordered delivery
        (True, False, True, (True, False)),
        (True, True, True, (True, True)),  # on again keeps what was set
    ],
)
def test_with_ordered_delivery(ordered: bool, stop: bool, on: bool, expected: tuple[bool, bool]) -> None:
    port = with_ordered_delivery(one_way(ordered_delivery=ordered, stop_sending_on_failure=stop), on)
    assert (port.ordered_delivery, port.stop_sending_on_failure) == expected
    assert port.primary_transport is not None and port.primary_transport.ordered_delivery is on


def test_ordered_delivery_of_a_port_without_transport() -> None:
    port = with_ordered_delivery(dynamic(), True)
    assert port.ordered_delivery is True and port.primary_transport is None


def test_stop_sending_on_failure_needs_ordered_delivery() -> None:
    with pytest.raises(PortEditError, match="ordered delivery"):
        with_stop_sending_on_failure(one_way(), True)
    assert with_stop_sending_on_failure(one_way(), False) == one_way()
    assert with_stop_sending_on_failure(one_way(ordered_delivery=True), True).stop_sending_on_failure is True


# -- pipelines, maps, certificate, tracking ------------------------------------------------------


CUSTOM = Pipeline(
    name="Contoso.Pipelines.Send",
    type=2,
    fully_qualified_name="Contoso.Pipelines.Send, Contoso.Pipelines, Version=1.0.0.0",
)


@pytest.mark.parametrize(
    ("port", "which", "name", "fqn"),
    [
        (
            one_way(send_pipeline=CUSTOM),
            "send",
            "Contoso.Pipelines.Send2",
            "Contoso.Pipelines.Send2, Contoso.Pipelines, Version=1.0.0.0",
        ),  # the assembly stays
        (
            one_way(send_pipeline=None),
            "send",
            "Microsoft.BizTalk.DefaultPipelines.XMLTransmit",
            "Microsoft.BizTalk.DefaultPipelines.XMLTransmit, Microsoft.BizTalk.DefaultPipelines, Version=3.0.1.0, "
            "Culture=neutral, PublicKeyToken=31bf3856ad364e35",
        ),
        (one_way(send_pipeline=None), "send", "Contoso.Other", None),
        (two_way(receive_pipeline=None), "receive", "Contoso.Receive", None),
    ],
)
def test_with_pipeline(port: SendPort, which: str, name: str, fqn: str | None) -> None:
    new = with_pipeline(port, which, name)  # type: ignore[arg-type]
    pipeline = new.send_pipeline if which == "send" else new.receive_pipeline
    assert pipeline is not None and pipeline.name == name and pipeline.fully_qualified_name == fqn
    assert pipeline.type == (2 if which == "send" else 1)


@pytest.mark.parametrize(
    ("port", "which", "name", "error"),
    [
        (one_way(), "send", "", "needs a send pipeline"),
        (one_way(), "send", None, "needs a send pipeline"),
        (one_way(), "receive", "Contoso.Receive", "no receive pipeline"),
    ],
)
def test_pipeline_refusals(port: SendPort, which: str, name: str | None, error: str) -> None:
    with pytest.raises(PortEditError, match=error):
        with_pipeline(port, which, name)  # type: ignore[arg-type]


def test_pipeline_data_and_its_removal() -> None:
    port = with_pipeline_data(one_way(), "send", "<Root />")
    assert port.send_pipeline_data == "<Root />"
    assert with_pipeline_data(port, "send", "").send_pipeline_data is None
    with pytest.raises(PortEditError):
        with_pipeline_data(one_way(), "receive", "<Root />")


@pytest.mark.parametrize(
    ("port", "which", "maps", "error"),
    [
        (one_way(), "outbound", (Map(full_name="M"),), None),
        (one_way(), "inbound", (Map(full_name="M"),), "only solicit-response"),
        (one_way(), "inbound", (), None),
        (two_way(), "inbound", (Map(full_name="M", assembly_qualified_name="M, A"),), None),
    ],
)
def test_with_maps(port: SendPort, which: str, maps: tuple[Map, ...], error: str | None) -> None:
    if error is not None:
        with pytest.raises(PortEditError, match=error):
            with_maps(port, which, maps)  # type: ignore[arg-type]
    else:
        assert getattr(with_maps(port, which, maps), f"{which}_maps") == maps  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cert", "changes", "expected"),
    [
        (None, {"thumbprint": "AB12"}, Certificate(thumbprint="AB12")),
        (Certificate(thumbprint="AB12"), {"thumbprint": ""}, None),  # nothing left: no certificate
        (Certificate(thumbprint="AB12"), {"long_name": "CN=x"}, Certificate(thumbprint="AB12", long_name="CN=x")),
    ],
)
def test_with_certificate(cert: Certificate | None, changes: dict[str, str], expected: Certificate | None) -> None:
    assert with_certificate(one_way(encryption_cert=cert), **changes).encryption_cert == expected


@pytest.mark.parametrize(
    ("port", "flag", "on", "expected"),
    [
        (one_way(tracking=0), TrackingFlag.BODY_BEFORE_SEND, True, 1),
        (one_way(tracking=204), TrackingFlag.PROPERTIES_BEFORE_RECEIVE, False, 140),
        (one_way(tracking=1), TrackingFlag.BODY_BEFORE_SEND, True, 1),
        (two_way(tracking=0), TrackingFlag.BODY_AFTER_RECEIVE, True, 8),
    ],
)
def test_with_tracking_flag(port: SendPort, flag: TrackingFlag, on: bool, expected: int) -> None:
    assert with_tracking_flag(port, flag, on).tracking == expected


@pytest.mark.parametrize(
    ("port", "flag", "error"),
    [
        (one_way(), TrackingFlag.BODY_AFTER_RECEIVE, "no response"),
        (one_way(tracking="${Tracking}"), TrackingFlag.BODY_BEFORE_SEND, "placeholder"),
    ],
)
def test_tracking_refusals(port: SendPort, flag: TrackingFlag, error: str) -> None:
    with pytest.raises(PortEditError, match=error):
        with_tracking_flag(port, flag, True)


# -- locked_fields ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("port", "locked", "open_"),
    [
        (
            one_way(),
            {
                "stop_sending_on_failure",
                "receive_pipeline",
                "inbound_maps",
                "tracking.body_after_receive",
                "secondary_transport.address",
            },
            {"primary_transport.address", "primary_transport.retry_count", "secondary_transport", "priority"},
        ),
        (
            two_way(ordered_delivery=True),
            {"secondary_transport.adapter"},
            {"stop_sending_on_failure", "receive_pipeline", "inbound_maps", "tracking.body_after_receive"},
        ),
        (with_backup_transport(one_way(), True), set(), {"secondary_transport.address", "secondary_transport.adapter"}),
        (
            dynamic(),
            {"primary_transport.address", "primary_transport.retry_count", "secondary_transport"},
            {"priority", "filter"},
        ),
        (one_way(priority="${Priority}"), {"priority"}, {"tracking"}),
    ],
)
def test_locked_fields(port: SendPort, locked: set[str], open_: set[str]) -> None:
    locks = locked_fields(port)
    assert locked <= set(locks), set(locks)
    assert not open_ & set(locks)
    assert all(reason.endswith(".") for reason in locks.values())


def test_every_edit_validates_through_the_domain() -> None:
    with pytest.raises(ValueError):
        with_address(one_way(), "bad\x01char")
    with pytest.raises(ValueError):
        with_certificate(one_way(), thumbprint="\x02")
