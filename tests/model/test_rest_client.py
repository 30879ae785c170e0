"""The Management REST API client (model.rest.client, auth, payloads): errors as types with the
server's message, secrets kept out of every message, Basic and Windows authentication, saved
connections without passwords, payloads in the published shape, and the stand-in's refusals."""

from __future__ import annotations

import base64
import json
import socket

import httpx
import keyring
import pytest
from keyring.backend import KeyringBackend

from model.bindings import load
from model.deploy.target import Host, Target, TargetGroup, TargetPort
from model.domain import AdapterProperty, AdapterSettings, replace
from model.lifecycle_types import State
from model.rest import auth
from model.rest.auth import AuthKind, ConnectionProfile, ProfileError, SpnegoAuth, make_auth
from model.rest.client import ManagementClient, NotFound, RestError
from model.rest.payloads import blanked_secrets, group_to_json, port_from_json, port_to_json, rest_view
from tests.support.bindings import STANDARD, binding_file, group, port
from tests.support.rest_standin import RestStandIn

# The fields of the reference's "Get Sendport" / "Get SendportGroups" examples, exactly.
PORT_FIELDS = {
    "Name", "Description", "ApplicationName", "IsDynamic", "IsTwoWay", "Status", "CustomData",
    "PrimaryTransport", "SecondaryTransport", "SendPipeline", "SendPipelineData", "ReceivePipeline",
    "ReceivePipelineData", "InboundTransforms", "OutboundTransforms", "Tracking", "EncryptionCert", "Filter",
    "Priority", "RouteFailedMessage", "OrderedDelivery", "StopSendingOnFailure",
}  # fmt: skip
TRANSPORT_FIELDS = {"Address", "TransportType", "TransportTypeData", "SendHandler", "RetryCount", "RetryInterval"}
TRANSPORT_FIELDS |= {"OrderedDelivery", "Schedule"}
GROUP_FIELDS = {"Name", "SendPorts", "CustomData", "Filter", "Status", "ApplicationName", "Description"}
HOSTS = {"BizTalkServerApplication": Host("BizTalkServerApplication")}
HANDLERS = {"FILE": frozenset(HOSTS), "HTTP": frozenset(HOSTS)}


def seeded(states: dict[str, State] | None = None, groups: dict[str, State] | None = None) -> RestStandIn:
    doc = load(STANDARD)
    states, groups = states or {}, groups or {}
    ports = {p.name: TargetPort(p, states.get(p.name, State.UNENLISTED)) for p in doc.send_ports}
    grps = {g.name: TargetGroup(g, groups.get(g.name, State.UNENLISTED)) for g in doc.groups}
    return RestStandIn(Target(HOSTS, HANDLERS, frozenset(HANDLERS), {"App": ()}, ports, grps))


def with_password(password: str):
    p = load(STANDARD).send_ports[0]
    settings = AdapterSettings(
        properties=(AdapterProperty("UserName", 8, "svc"), AdapterProperty("Password", 8, password))
    )
    return replace(p, primary_transport=replace(p.primary_transport, settings=settings))  # type: ignore[type-var]


# -- payloads ---------------------------------------------------------------------------------


def test_payloads_have_the_published_fields_and_round_trip():
    doc = load(binding_file(ports=[port("F", filter_value="In"), port("R", two_way=True, address="http://x/r")]))
    for p in doc.send_ports:
        data = port_to_json(p, status=State.STARTED)
        assert set(data) == PORT_FIELDS and data["Status"] == "Started"
        assert set(data["PrimaryTransport"]) == TRANSPORT_FIELDS == set(data["SecondaryTransport"])
        assert port_from_json(json.loads(json.dumps(data))) == p
    assert (
        '<Statement Property="BTS.ReceivePortName" Operator="0" Value="In" />'
        in port_to_json(doc.send_ports[0])["Filter"]
    )
    g = load(STANDARD).groups[0]
    assert set(group_to_json(g)) == GROUP_FIELDS and group_to_json(g)["SendPorts"] == ["A", "B"]
    assert rest_view(g) == g


def test_tracking_flags_map_to_the_published_booleans():
    p = replace(load(STANDARD).send_ports[0], tracking=1 | 32)
    tracking = port_to_json(p)["Tracking"]
    assert tracking["Body"]["BeforeSendPipeline"] and tracking["Property"]["AfterSendPipeline"]
    assert sum(v for part in tracking.values() for v in part.values()) == 2
    assert port_from_json(port_to_json(p)).tracking == 33


def test_blanked_passwords_stay_blanked_and_are_found():
    blank = with_password("x").model_copy()
    settings = AdapterSettings(properties=(AdapterProperty("UserName", 8, "svc"), AdapterProperty("Password", 1, None)))
    blank = replace(blank, primary_transport=replace(blank.primary_transport, settings=settings))  # type: ignore[type-var]
    text = port_to_json(blank)["PrimaryTransport"]["TransportTypeData"]
    assert '<Password vt="1" />' in text
    back = port_from_json(port_to_json(blank))
    assert back.primary_transport.settings.get("Password") == AdapterProperty("Password", 1, None)  # type: ignore[union-attr]
    assert blanked_secrets(blank) == ["Password (primary transport)"]
    assert blanked_secrets(with_password("real")) == []


# -- errors -----------------------------------------------------------------------------------


def test_404_and_refusals_carry_the_servers_message():
    with seeded({"A": State.STARTED}) as standin, ManagementClient(standin.url) as client:
        with pytest.raises(NotFound) as missing:
            client.get_send_port("Nope")
        assert missing.value.status == 404 and missing.value.message == "SendPort with name Nope does not exist."
        assert client.find_send_port("Nope") is None and client.find_send_port("A") is not None
        with pytest.raises(RestError) as refused:
            client.unenlist_send_port("A")
        assert refused.value.status == 500 and "stop it first" in str(refused.value)
        assert "/SendPorts/A/Unenlist" in refused.value.url and refused.value.method == "PUT"
        with pytest.raises(RestError) as taken:
            client.create_application({"Name": "App"})
        assert taken.value.status == 409 and "exists" in taken.value.message


def test_names_are_encoded_whole_in_paths():
    doc = load(binding_file(ports=[port("Orders/EU #1")]))
    target = Target(HOSTS, HANDLERS, frozenset(HANDLERS), {"App": ()}, {"Orders/EU #1": TargetPort(doc.send_ports[0])})
    with RestStandIn(target) as standin, ManagementClient(standin.url) as client:
        assert client.get_send_port("Orders/EU #1")["Name"] == "Orders/EU #1"
        client.enlist_send_port("Orders/EU #1")
    assert standin.ports["Orders/EU #1"]["Status"] == "Stopped"


def test_an_unreachable_server_is_a_clear_error_naming_the_url():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    url = f"http://127.0.0.1:{free}/BizTalkManagementService"
    with ManagementClient(url, timeout=2) as client, pytest.raises(RestError) as caught:
        client.list_send_ports()
    assert caught.value.status is None and f"127.0.0.1:{free}/BizTalkManagementService/SendPorts" in str(caught.value)
    assert "cannot reach the server" in str(caught.value)


def test_secrets_never_appear_in_errors():
    leaked = '<CustomProps><Password vt="8">hunter2</Password></CustomProps> Server=s;Password=hunter2;'

    def server(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, json={"Message": f"cannot save {leaked}"})

    url = "http://svc:hunter2@bts.test/BizTalkManagementService"
    with ManagementClient(url, transport=httpx.MockTransport(server)) as client, pytest.raises(RestError) as caught:
        client.update_send_port("A", port_to_json(with_password("hunter2")))
    text = f"{caught.value} {caught.value.message} {caught.value.url} {client!r}"
    assert "hunter2" not in text and "cannot save" in text and "Password" in text


def test_a_server_refusal_of_a_port_with_a_password_does_not_echo_it():
    with seeded() as standin, ManagementClient(standin.url) as client:
        bad = port_to_json(replace(with_password("hunter2"), name="New"))
        bad["PrimaryTransport"]["TransportType"] = "NOPE"
        with pytest.raises(RestError) as caught:
            client.create_send_port(bad)
    assert "NOPE" in str(caught.value) and "hunter2" not in str(caught.value)


# -- authentication ---------------------------------------------------------------------------


def test_basic_auth_sends_the_header_and_a_401_is_a_clear_error():
    standin = seeded()
    standin.credentials = ("CONTOSO\\svc", "s3cret!")
    with standin:
        with ManagementClient(standin.url, auth=make_auth("basic", "CONTOSO\\svc", "s3cret!")) as client:
            assert {h["Name"] for h in client.list_hosts()} == {"BizTalkServerApplication"}
        expected = base64.b64encode(b"CONTOSO\\svc:s3cret!").decode()
        assert standin.log[-1].authorization == f"Basic {expected}" and standin.log[-1].status == 200
        wrong = make_auth("basic", "CONTOSO\\svc", "wrong")
        with ManagementClient(standin.url, auth=wrong) as client, pytest.raises(RestError) as caught:
            client.list_hosts()
        with ManagementClient(standin.url) as anonymous, pytest.raises(RestError) as none:
            anonymous.list_send_ports()
    assert caught.value.status == 401 and "not authorized" in str(caught.value) and "Basic" in str(caught.value)
    assert "wrong" not in str(caught.value) and none.value.status == 401


def test_windows_auth_sends_a_negotiate_token_after_the_challenge():
    pytest.importorskip("spnego")
    seen: list[str | None] = []

    def server(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Authorization"))
        if request.headers.get("Authorization", "").startswith("NTLM "):
            return httpx.Response(200, json=[])
        return httpx.Response(401, headers={"WWW-Authenticate": "NTLM"})

    auth_ = make_auth(AuthKind.NTLM, "CONTOSO\\svc", "s3cret!")
    assert isinstance(auth_, SpnegoAuth) and "s3cret" not in repr(auth_)
    with ManagementClient(
        "http://bts.test/BizTalkManagementService", auth=auth_, transport=httpx.MockTransport(server)
    ) as c:
        assert c.list_hosts() == []
    assert seen[0] is None and seen[1] is not None
    assert base64.b64decode(seen[1].split()[1]).startswith(b"NTLMSSP\0\x01")  # the negotiate message


def test_windows_auth_stops_when_the_server_offers_another_scheme():
    calls = []

    def server(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(401, headers={"WWW-Authenticate": 'Basic realm="x"'}, json={"Message": "denied"})

    mock = httpx.MockTransport(server)
    with (
        ManagementClient("http://bts.test/x", auth=SpnegoAuth(), transport=mock) as client,
        pytest.raises(RestError) as caught,
    ):
        client.list_hosts()
    assert len(calls) == 1 and caught.value.status == 401 and "denied" in str(caught.value)


# -- saved connections ------------------------------------------------------------------------


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def test_profiles_are_saved_without_passwords_which_go_to_the_keyring(tmp_path):
    file = tmp_path / "cfg" / "connections.json"
    prod = ConnectionProfile("prod", "https://bts01/BizTalkManagementService", AuthKind.BASIC, "svc", "/etc/ca.pem", 12)
    test = ConnectionProfile("test", "http://bts-test/BizTalkManagementService", "ntlm", None, False)
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        auth.save_profile(prod, file)
        auth.save_profile(test, file)
        assert auth.remember_password(prod, "pa55word") and auth.keyring_password(prod) == "pa55word"
        assert auth.load_profiles(file) == {"prod": prod, "test": test}
        assert "pa55word" not in file.read_text() and "password" not in file.read_text().lower()
        assert auth.delete_profile("prod", file) and auth.keyring_password(prod) is None
        assert set(auth.load_profiles(file)) == {"test"} and not auth.delete_profile("prod", file)
    finally:
        keyring.set_keyring(previous)
    assert auth.load_profiles(tmp_path / "none.json") == {}
    assert auth.remember_password(test, "x") is False  # the tests' failing keyring: the caller asks


def test_bad_profiles_are_named(tmp_path):
    with pytest.raises(ProfileError, match="http"):
        ConnectionProfile("p", "ftp://bts")
    file = tmp_path / "connections.json"
    file.write_text('{"connections": [{"name": "p", "url": "http://x", "password": "no"}]}')
    with pytest.raises(ProfileError, match="unknown key 'password'"):
        auth.load_profiles(file)
    with pytest.raises(ProfileError, match="user name"):
        make_auth("basic")


# -- the stand-in's own rules -----------------------------------------------------------------

U, S, ST = State.UNENLISTED, State.STOPPED, State.STARTED
REFUSALS = [
    # (port states, group states, method, path, body change, words of the refusal)
    ({"A": ST}, {}, "PUT", "/SendPorts/A/Unenlist", None, "stop it first"),
    ({"A": S}, {}, "DELETE", "/SendPorts/A", None, "unenlist it"),
    ({}, {}, "DELETE", "/SendPorts/A", None, "member of send port group(s) G1"),
    ({}, {}, "PUT", "/SendPortGroups/G1/Start", None, "none of its send ports is enlisted"),
    ({"B": S}, {"G2": S}, "PUT", "/SendPorts/B/Unenlist", None, "last enlisted member of group 'G2'"),
    ({"A": ST}, {"G1": ST}, "PUT", "/SendPortGroups/G1", {"SendPorts": ["B"]}, "stop it before it leaves"),
    ({"A": S}, {"G1": ST}, "PUT", "/SendPortGroups/G1", {"SendPorts": ["B"]}, "last enlisted member of the started"),
    ({}, {}, "PUT", "/SendPortGroups/G2", {"SendPorts": ["B", "R"]}, "only static one-way ports"),
    ({}, {"G1": S}, "DELETE", "/SendPortGroups/G1", None, "unenlist it"),
    ({}, {}, "PUT", "/SendPorts/A", {"IsTwoWay": True}, "fixed when the port is created"),
    ({"A": S}, {}, "PUT", "/SendPorts/A/Enlist", None, "it is stopped"),
]


@pytest.mark.parametrize(("ports", "groups", "method", "path", "change", "words"), REFUSALS)
def test_the_standin_refuses_what_biztalk_refuses(ports, groups, method, path, change, words):
    standin = seeded(ports, groups)
    body = None
    if change is not None:
        table = standin.ports if path.startswith("/SendPorts/") else standin.groups
        body = dict(table[path.rsplit("/", 1)[1]], **change)
    before = json.dumps([standin.ports, standin.groups], sort_keys=True)
    status, answer = standin.console(method, path, body)
    assert status == 500 and words in answer["Message"]
    assert json.dumps([standin.ports, standin.groups], sort_keys=True) == before  # nothing changed


def test_the_standin_allows_the_same_moves_in_the_right_order():
    standin = seeded()
    steps = [
        ("PUT", "/SendPorts/A/Enlist"), ("PUT", "/SendPortGroups/G1/Start"), ("PUT", "/SendPorts/A/Start"),
        ("PUT", "/SendPorts/A/Stop"), ("PUT", "/SendPortGroups/G1/Stop"), ("PUT", "/SendPortGroups/G1/Unenlist"),
        ("PUT", "/SendPorts/A/Unenlist"), ("DELETE", "/SendPortGroups/G1"), ("DELETE", "/SendPorts/A"),
    ]  # fmt: skip
    for method, path in steps:
        assert standin.console(method, path)[0] == 204, path
    assert "A" not in standin.ports and "G1" not in standin.groups
    foreign = dict(standin.groups["G2"], SendPorts=["B", "Other"])
    standin.ports["Other"] = dict(standin.ports["C"], Name="Other", ApplicationName="Common")
    standin.applications["Common"] = {"Name": "Common", "Description": None, "ApplicationReferences": []}
    assert standin.console("PUT", "/SendPortGroups/G2", foreign)[0] == 500  # App does not reference Common
    app = {"Name": "App", "ApplicationReferences": ["Common"]}
    assert standin.console("PUT", "/Applications/App", app)[0] == 204
    assert standin.console("PUT", "/SendPortGroups/G2", foreign)[0] == 204
    assert standin.console("GET", "/Applications/Common")[1]["ApplicationBackReferences"] == ["App"]


def test_group_payloads_build_from_binding_fixtures():
    doc = load(binding_file(ports=[port("P")], groups=[group("G", ["P"], description="d")]))
    data = group_to_json(doc.groups[0], status=State.STOPPED)
    assert data["Status"] == "Stopped" and data["Description"] == "d" and data["Filter"] == ""


def test_a_missing_ca_bundle_is_a_clear_error(tmp_path):
    with pytest.raises(RestError, match="cannot use the CA bundle"):
        ManagementClient("https://bts01/BizTalkManagementService", verify=tmp_path / "missing.pem")
