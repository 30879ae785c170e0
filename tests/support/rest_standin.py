"""A stand-in for BizTalk's Management REST API: a real HTTP server (``ThreadingHTTPServer`` on
127.0.0.1, a free port, a background thread) serving the published endpoints under
``/BizTalkManagementService`` (SendPorts and SendPortGroups with their Enlist/Unenlist/Start/Stop
verbs, Applications, Hosts, ProtocolTypes, OperationalData/Subscriptions) and payloads. Reads
answer 200, writes 204; a missing object 404, a name taken 409 (as the reference shows for
applications), a bad body 400, a refusal of BizTalk's rules 500 (ExplorerOM's exception, passed
on); every error body is ``{"Message": ...}``. Adapter settings come back with secrets blanked.

BizTalk's rules are written here on their own (``model.lifecycle`` is what the tests check): a
port enlists from Bound, starts from Bound or Stopped, stops from Started, unenlists only from
Stopped and not as the last enlisted member of an enlisted or started group; it is deleted only
unenlisted and in no group; a group starts only with an enlisted member and is deleted only
unenlisted; members are static one-way ports of the group's application or one it references; a
started member is not removed, nor the last enlisted member of a started group; a port's kind is
fixed; adapters must be registered, a named send handler must be one of the adapter's.

For tests: :attr:`RestStandIn.log` holds every request; :attr:`RestStandIn.between` is called
after each request, before its answer goes out (a console change between the client's requests:
:meth:`console` obeys the same rules and is not logged); ``credentials`` requires Basic auth.
"""

from __future__ import annotations

import base64
import json
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from model.adapters import adapter_spec
from model.bindings.binding_document import load
from model.bindings.blanking import blank_text
from model.deploy.target import Host, Target, TargetGroup, TargetPort
from model.rest.payloads import group_to_json, port_to_json

PREFIX = "/BizTalkManagementService"
BOUND, STOPPED, STARTED = "Bound", "Stopped", "Started"
_CAPABILITIES = {1: "SupportsReceive", 2: "SupportsSend", 8: "ReceiveIsCreatable", 128: "SupportsRequestResponse"}
_CAPABILITIES |= {256: "SupportsSolicitResponse", 512: "SupportsSoap"}

_DONE = {"Enlist": "enlisted", "Unenlist": "unenlisted", "Start": "started", "Stop": "stopped"}
Json = dict[str, Any]


@dataclass(frozen=True)
class Request:
    """One request as the stand-in saw it: method, path (decoded), JSON body, answer status."""

    method: str
    path: str
    body: Any
    status: int
    authorization: str | None = None


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class RestStandIn:
    """BizTalk's Management REST API over one in-memory group; a context manager."""

    def __init__(self, target: Target | None = None, *, credentials: tuple[str, str] | None = None) -> None:
        self.lock = threading.RLock()
        self.credentials = credentials
        self.hosts: dict[str, Json] = {}
        self.handlers: dict[str, list[str]] = {}
        self.applications: dict[str, Json] = {}
        self.ports: dict[str, Json] = {}
        self.groups: dict[str, Json] = {}
        self.log: list[Request] = []
        self.between: Callable[[RestStandIn, Request], None] | None = None
        self._server: ThreadingHTTPServer | None = None
        if target is not None:
            self.seed(target)

    @classmethod
    def from_bindings(cls, source: str | Path | bytes, **kw: Any) -> RestStandIn:
        """Seeded from a binding file: its ports and groups (Bound), their applications, a host
        for each send handler the file names (trusted as the file says) with its adapters."""
        doc = load(source)
        hosts: dict[str, Host] = {}
        handlers: dict[str, set[str]] = {}
        for p in doc.send_ports:
            for t in (p.primary_transport, p.secondary_transport):
                if t is not None and t.adapter_name:  # no handler named: the adapter's default
                    h = t.send_handler
                    name = h.name if h is not None else "BizTalkServerApplication"
                    hosts[name] = Host(name, h is not None and h.host_trusted is True)
                    handlers.setdefault(t.adapter_name, set()).add(name)
        target = Target(
            hosts or {"BizTalkServerApplication": Host("BizTalkServerApplication")},
            {a: frozenset(hs) for a, hs in handlers.items()},
            frozenset(handlers),
            {a: () for a in doc.applications()},
            {p.name: TargetPort(p) for p in doc.send_ports},
            {g.name: TargetGroup(g) for g in doc.groups},
        )
        return cls(target, **kw)

    def seed(self, target: Target) -> None:
        with self.lock:
            for i, h in enumerate(target.hosts.values()):
                users = "BizTalk Isolated Host Users" if h.host_type == "Isolated" else "BizTalk Application Users"
                host = {"Name": h.name, "IsDefault": i == 0, "NTGroupName": users, "Type": h.host_type}
                self.hosts[h.name] = host | {"IsTrusted": h.trusted}
            for adapter in sorted(target.adapters | set(target.send_handlers)):
                self.handlers[adapter] = sorted(target.send_handlers.get(adapter, ()))
            apps = dict(target.applications)
            for obj in [p.port for p in target.ports.values()] + [g.group for g in target.groups.values()]:
                if obj.application:
                    apps.setdefault(obj.application, ())
            for name, refs in apps.items():
                self.applications[name] = {"Name": name, "Description": None, "ApplicationReferences": list(refs)}
            for name, p in target.ports.items():
                self.ports[name] = port_to_json(p.port, status=p.state)
            for name, g in target.groups.items():
                self.groups[name] = group_to_json(g.group, status=g.state)

    # -- serving --------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL (kept after :meth:`stop`, for messages)."""
        assert self._url, "the stand-in was never started"
        return self._url

    def start(self) -> RestStandIn:
        standin = self

        class Handler(_Handler):
            owner = standin

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._url = f"http://127.0.0.1:{self._server.server_address[1]}{PREFIX}"
        serve = partial(self._server.serve_forever, poll_interval=0.05)
        threading.Thread(target=serve, name="rest-standin", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> RestStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def serve(self, method: str, path: str, raw: bytes, authorization: str | None) -> tuple[int, Any, dict[str, str]]:
        headers: dict[str, str] = {}
        body: Any = None
        with self.lock:
            try:
                if self.credentials is not None and not self._authorized(authorization):
                    headers["WWW-Authenticate"] = 'Basic realm="BizTalkManagementService"'
                    raise Refused(401, "Authorization has been denied for this request.")
                try:
                    body = json.loads(raw) if raw.strip() else None
                except ValueError:
                    raise Refused(400, "The request body is not JSON.") from None
                status, answer = self.dispatch(method, path, body)
            except Refused as e:
                status, answer = e.status, {"Message": e.message}
            record = Request(method, unquote(urlsplit(path).path), body, status, authorization)
            self.log.append(record)
        if self.between is not None:
            self.between(self, record)
        return status, answer, headers

    def _authorized(self, authorization: str | None) -> bool:
        assert self.credentials is not None
        expected = base64.b64encode(":".join(self.credentials).encode()).decode()
        return authorization == f"Basic {expected}"

    def console(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        """A change made elsewhere (the Administration Console): the same rules, not logged."""
        with self.lock:
            try:
                return self.dispatch(method, PREFIX + path, body)
            except Refused as e:
                return e.status, {"Message": e.message}

    # -- routing --------------------------------------------------------------------------

    def dispatch(self, method: str, path: str, body: Any) -> tuple[int, Any]:
        route = urlsplit(path).path
        if not route.startswith(PREFIX):
            raise Refused(404, f"No HTTP resource was found that matches the request URI '{route}'.")
        parts = [unquote(p) for p in route[len(PREFIX) :].strip("/").split("/")]
        head, rest = parts[0], parts[1:]
        key = (method, head, len(rest))
        if head == "SendPorts" or head == "SendPortGroups":
            port = head == "SendPorts"
            table = self.ports if port else self.groups
            if key[2] == 0 and method == "GET":
                return 200, [self._view(n, port) for n in table]
            if key[2] == 0 and method == "POST":
                return self._define(self._body(body), port)
            if key[2] == 1 and method == "GET":
                return 200, self._view(self._existing(rest[0], port)["Name"], port)
            if key[2] == 1 and method == "PUT":
                return self._define(self._body(body), port, rest[0])
            if key[2] == 1 and method == "DELETE":
                return self._delete(rest[0], port)
            if key[2] == 2 and method == "PUT" and rest[1] in ("Enlist", "Unenlist", "Start", "Stop"):
                return self._state(rest[0], rest[1], port)
        elif head == "Applications":
            return self._applications(method, rest, body)
        elif key == ("GET", "Hosts", 0):
            return 200, list(self.hosts.values())
        elif key == ("GET", "ProtocolTypes", 0):
            return 200, [self._protocol(a) for a in self.handlers]
        elif key == ("GET", "OperationalData", 1) and rest[0] == "Subscriptions":
            return 200, self._subscriptions()
        raise Refused(404, f"No HTTP resource was found that matches the request URI '{route}'.")

    @staticmethod
    def _body(body: Any) -> Json:
        if not isinstance(body, dict) or not isinstance(body.get("Name"), str) or not body["Name"].strip():
            raise Refused(400, "Name not specified in the input")
        return body

    def _existing(self, name: str, port: bool) -> Json:
        table = self.ports if port else self.groups
        if name not in table:
            raise Refused(404, f"{'SendPort' if port else 'SendPortGroup'} with name {name} does not exist.")
        return table[name]

    def _view(self, name: str, port: bool) -> Json:
        data = json.loads(json.dumps((self.ports if port else self.groups)[name]))
        for t in ("PrimaryTransport", "SecondaryTransport"):
            settings = (data.get(t) or {}).get("TransportTypeData")
            if port and isinstance(settings, str):
                data[t]["TransportTypeData"] = blank_text(settings)
        return data  # type: ignore[no-any-return]

    def _protocol(self, adapter: str) -> Json:
        spec = adapter_spec(adapter)
        bits = spec.capabilities if spec is not None and spec.capabilities is not None else 0
        names = [n for b, n in _CAPABILITIES.items() if bits & b]
        hosts = self.handlers[adapter]
        default = next((h for h in hosts if self.hosts.get(h, {}).get("IsDefault")), hosts[0] if hosts else None)
        return {"Name": adapter, "Capabilities": ", ".join(names), "DefaultSendHandler": default}

    def _subscriptions(self) -> list[Json]:
        """One activation subscription per enlisted port (enlisting is what creates them)."""
        return [
            {"Id": str(uuid.uuid5(uuid.NAMESPACE_URL, n)), "Name": n, "ServiceName": n, "ServiceClass": "Messaging"}
            | {"State": "Started" if p["Status"] == STARTED else "Stopped", "SubscriptionType": "ActivationSubs"}
            | {"HostName": (p.get("PrimaryTransport") or {}).get("SendHandler"), "Priority": p.get("Priority", 5)}
            for n, p in self.ports.items()
            if p["Status"] != BOUND
        ]

    # -- ports and groups -----------------------------------------------------------------

    def _check_port(self, body: Json) -> None:
        for t in ("PrimaryTransport", "SecondaryTransport"):
            transport = body.get(t) or {}
            adapter, handler = transport.get("TransportType"), transport.get("SendHandler")
            if adapter and adapter not in self.handlers:
                raise Refused(500, f"The adapter '{adapter}' is not registered in the group.")
            if adapter and (handler or not self.handlers[adapter]) and handler not in self.handlers[adapter]:
                raise Refused(500, f"The host '{handler}' has no send handler for the '{adapter}' adapter.")

    def _groups_of(self, port: str) -> list[Json]:
        return [g for g in self.groups.values() if port in g.get("SendPorts", [])]

    def _enlisted(self, members: list[str], without: str | None = None) -> int:
        return sum(1 for m in members if m != without and m in self.ports and self.ports[m]["Status"] != BOUND)

    def _check_members(self, group: Json, old: list[str], new: list[str]) -> None:
        refs = set(self.applications.get(group.get("ApplicationName") or "", {}).get("ApplicationReferences", []))
        for m in new:
            if m in old:
                continue
            p = self.ports.get(m)
            if p is None:
                raise Refused(400, f"SendPort with name {m} does not exist.")
            if p.get("IsDynamic") or p.get("IsTwoWay"):
                raise Refused(500, f"Send port '{m}' cannot be a member of a group: only static one-way ports can.")
            app, own = p.get("ApplicationName"), group.get("ApplicationName")
            if app and own and app != own and app not in refs:
                raise Refused(500, f"Application '{own}' does not reference '{app}', the application of '{m}'.")
        kept = [m for m in old if m in new]
        for m in old:
            if m in new or m not in self.ports:
                continue
            if self.ports[m]["Status"] == STARTED:
                raise Refused(500, f"Send port '{m}' is started; stop it before it leaves the group.")
            if group.get("Status") == STARTED and self._enlisted(kept) == 0 and self._enlisted(old) > 0:
                raise Refused(500, f"Send port '{m}' is the last enlisted member of the started group.")

    def _define(self, body: Json, port: bool, name: str | None = None) -> tuple[int, Any]:
        """POST (``name`` None) or PUT of a port or group."""
        table = self.ports if port else self.groups
        current = self._existing(name, port) if name is not None else None
        if current is None and body["Name"] in table:
            raise Refused(409, f"{'SendPort' if port else 'SendPortGroup'} with name {body['Name']} exists.")
        if name is not None and body["Name"] != name:
            raise Refused(400, f"The body names '{body['Name']}', the address '{name}': renaming is not supported.")
        app = body.get("ApplicationName")
        if app and app not in self.applications:
            raise Refused(400, f"Application with name {app} does not exist.")
        stored = dict(body, Status=current["Status"] if current is not None else BOUND)
        if port:
            for fixed in ("IsDynamic", "IsTwoWay"):
                if current is not None and bool(body.get(fixed)) != bool(current.get(fixed)):
                    raise Refused(500, f"{fixed} of send port '{name}' is fixed when the port is created.")
            self._check_port(body)
        else:
            stored["SendPorts"] = list(dict.fromkeys(body.get("SendPorts") or []))
            self._check_members(stored, list((current or {}).get("SendPorts") or []), stored["SendPorts"])
        table[body["Name"]] = stored
        return 204, None

    def _delete(self, name: str, port: bool) -> tuple[int, Any]:
        current = self._existing(name, port)
        what = f"{'Send port' if port else 'Send port group'} '{name}'"
        if current["Status"] != BOUND:
            raise Refused(500, f"{what} is {current['Status'].lower()}; unenlist it before it is deleted.")
        if port and self._groups_of(name):
            groups = ", ".join(g["Name"] for g in self._groups_of(name))
            raise Refused(500, f"{what} is a member of send port group(s) {groups}; remove it first.")
        del (self.ports if port else self.groups)[name]
        return 204, None

    def _state(self, name: str, verb: str, port: bool) -> tuple[int, Any]:
        current = self._existing(name, port)
        status = current["Status"]
        what = f"{'Send port' if port else 'Send port group'} '{name}'"
        allowed = {"Enlist": (BOUND,), "Start": (BOUND, STOPPED), "Stop": (STARTED,), "Unenlist": (STOPPED,)}[verb]
        if status not in allowed:
            hint = "; stop it first" if verb == "Unenlist" and status == STARTED else ""
            raise Refused(500, f"{what} cannot be {_DONE[verb]}: it is {status.lower()}{hint}.")
        if port and verb == "Unenlist":
            for g in self._groups_of(name):
                if g["Status"] != BOUND and self._enlisted(g["SendPorts"], without=name) == 0:
                    raise Refused(500, f"{what} is the last enlisted member of group '{g['Name']}', which is enlisted.")
        if not port and verb == "Start" and self._enlisted(current.get("SendPorts") or []) == 0:
            raise Refused(500, f"{what} cannot be started: none of its send ports is enlisted.")
        current["Status"] = {"Enlist": STOPPED, "Start": STARTED, "Stop": STOPPED, "Unenlist": BOUND}[verb]
        return 204, None

    # -- applications ---------------------------------------------------------------------

    def _application_view(self, name: str) -> Json:
        back = [n for n, a in self.applications.items() if name in a["ApplicationReferences"]]
        objects = [*self.ports.values(), *self.groups.values()]
        states = {o["Status"] for o in objects if o.get("ApplicationName") == name}
        status = "NotApplicable" if not states else "Started" if states == {STARTED} else "Stopped"
        status = "PartiallyStarted" if len(states) > 1 and STARTED in states else status
        extra = {"IsDefaultApplication": False, "IsSystem": False, "Status": status, "IsConfigured": True}
        return self.applications[name] | extra | {"ApplicationBackReferences": back}

    def _applications(self, method: str, rest: list[str], body: Any) -> tuple[int, Any]:
        if not rest and method == "GET":
            return 200, [self._application_view(n) for n in self.applications]
        if rest and rest[0] not in self.applications and method in ("GET", "PUT"):
            raise Refused(404, f"Application with name {rest[0]} does not exist.")
        if len(rest) == 1 and method == "GET":
            return 200, self._application_view(rest[0])
        if len(rest) > 1 or method not in ("POST", "PUT") or bool(rest) != (method == "PUT"):
            raise Refused(405, f"The requested resource does not support http method '{method}'.")
        if not isinstance(body, dict) or not isinstance(body.get("Name"), str) or not body["Name"]:
            raise Refused(400, "Application Name not specified in the input")
        name = body["Name"]
        if method == "POST" and name in self.applications:
            raise Refused(409, f"Application with name {name} exists.")
        if method == "PUT" and name != rest[0]:
            raise Refused(400, "Renaming an application is not supported.")
        refs = list(dict.fromkeys(body.get("ApplicationReferences") or []))
        for r in refs:
            if r not in self.applications or r == name:
                raise Refused(400, f"Application with name {r} cannot be referenced: it does not exist.")
        self.applications[name] = {"Name": name, "Description": body.get("Description"), "ApplicationReferences": refs}
        return 204, None


class _Handler(BaseHTTPRequestHandler):
    owner: RestStandIn
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the stand-in keeps its own log
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        status, answer, headers = self.owner.serve(self.command, self.path, raw, self.headers.get("Authorization"))
        data = b"" if answer is None else json.dumps(answer).encode("utf-8")
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if data:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


for _verb in ("GET", "POST", "PUT", "DELETE"):
    setattr(_Handler, f"do_{_verb}", _Handler._answer)
