"""A synchronous client for the BizTalk Management REST API (``http(s)://HOST/BizTalkManagementService``).

One method per endpoint a deployment needs, named for what it does, taking and giving the JSON
objects of the published reference (``model.rest.payloads`` turns them into domain models):

* ``GET/POST /SendPorts``, ``GET/PUT/DELETE /SendPorts/{name}``,
  ``PUT /SendPorts/{name}/Enlist|Unenlist|Start|Stop``; the same for ``/SendPortGroups``;
* ``GET/POST /Applications``, ``GET/PUT /Applications/{name}`` (references are the
  application's ``ApplicationReferences``);
* ``GET /Hosts``, ``GET /ProtocolTypes`` (each with its ``DefaultSendHandler``: the API lists no
  other send handlers), ``GET /OperationalData/Subscriptions``.

Writes answer 204 No Content; reads 200 with JSON. Any other status is a :class:`RestError`
carrying the server's ``{"Message": ...}`` text (a 404 a :class:`NotFound`); a server that cannot
be reached is a :class:`RestError` with no status, naming the URL. Nothing a message or a log
line holds shows a password: server texts have their adapter secrets blanked and every text is
passed through ``model.secrets.mask_text``. Names in paths are percent-encoded whole (a port
named ``A/B`` is ``/SendPorts/A%2FB``).
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import httpx

from model.bindings.blanking import blank_text
from model.secrets import mask_text

__all__ = ["ManagementClient", "NotFound", "RestError"]

log = logging.getLogger(__name__)

_JSON = dict[str, Any]
_MAX_MESSAGE = 600


def _safe(text: str) -> str:
    return mask_text(blank_text(text))


class RestError(Exception):
    """A request the server refused or could not answer: method, URL, status (None when no
    answer came) and the server's message, secrets masked."""

    def __init__(self, status: int | None, message: str, method: str, url: str) -> None:
        self.status = status
        self.message = _safe(message)
        self.method = method
        self.url = mask_text(url)
        where = f"{self.method} {self.url}"
        super().__init__(f"{where}: {self.message}" if status is None else f"{where}: {status}: {self.message}")


class NotFound(RestError):
    """404: the server has no such object (its message names it)."""


def _verify(verify: bool | str | Path) -> bool | ssl.SSLContext:
    if isinstance(verify, bool):
        return verify
    return ssl.create_default_context(cafile=str(verify))


class ManagementClient:
    """The Management REST API of one BizTalk group, over one ``httpx.Client``.

    ``auth`` is an ``httpx.Auth`` (``model.rest.auth.make_auth``); ``verify`` True, False or a CA
    bundle file; ``transport`` an ``httpx`` transport for tests. Use it as a context manager, or
    call :meth:`close`."""

    def __init__(
        self,
        base_url: str,
        *,
        auth: httpx.Auth | None = None,
        verify: bool | str | Path = True,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        try:
            checked = _verify(verify)
        except (OSError, ssl.SSLError) as e:
            raise RestError(None, f"cannot use the CA bundle {verify}: {e}", "CONNECT", self.base_url) from None
        self._http = httpx.Client(
            auth=auth,
            verify=checked,
            timeout=timeout,
            transport=transport,
            headers={"Accept": "application/json"},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ManagementClient:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ManagementClient({mask_text(self.base_url)!r})"

    # -- the one door to HTTP -------------------------------------------------------------

    def url(self, *parts: str) -> str:
        """The URL of ``parts`` under the base URL, each part percent-encoded whole."""
        return "/".join([self.base_url, *(quote(p, safe="") for p in parts)])

    def request(self, method: str, *parts: str, body: Mapping[str, Any] | None = None) -> Any:
        """Send one request; the JSON answer (None for 204). Raises :class:`RestError`."""
        url = self.url(*parts)
        try:
            response = self._http.request(method, url, json=dict(body) if body is not None else None)
        except httpx.TimeoutException:
            raise RestError(None, f"no answer within {self.timeout:g} s", method, url) from None
        except httpx.TransportError as e:
            raise RestError(None, f"cannot reach the server ({type(e).__name__}: {e})", method, url) from None
        log.debug("%s %s -> %s", method, mask_text(url), response.status_code)
        if response.status_code >= 400:
            raise self._error(response, method, url)
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError:
            raise RestError(response.status_code, "the answer is not JSON", method, url) from None

    @staticmethod
    def _error(response: httpx.Response, method: str, url: str) -> RestError:
        message = ""
        try:
            data = response.json()
            if isinstance(data, dict) and isinstance(data.get("Message"), str):
                message = data["Message"]
        except ValueError:
            message = response.text.strip()
        message = message[:_MAX_MESSAGE] or response.reason_phrase or "no message"
        if response.status_code == 401:
            offered = ", ".join(response.headers.get_list("www-authenticate")) or "none"
            message = f"not authorized: the server refused the credentials ({message}; it offers: {offered})"
        kind = NotFound if response.status_code == 404 else RestError
        return kind(response.status_code, message, method, url)

    def _get_list(self, *parts: str) -> list[_JSON]:
        data = self.request("GET", *parts)
        if not isinstance(data, list):
            raise RestError(200, "expected a JSON list", "GET", self.url(*parts))
        return [d for d in data if isinstance(d, dict)]

    def _get_one(self, *parts: str) -> _JSON:
        data = self.request("GET", *parts)
        if not isinstance(data, dict):
            raise RestError(200, "expected a JSON object", "GET", self.url(*parts))
        return data

    def _find(self, *parts: str) -> _JSON | None:
        try:
            return self._get_one(*parts)
        except NotFound:
            return None

    # -- send ports -----------------------------------------------------------------------

    def list_send_ports(self) -> list[_JSON]:
        return self._get_list("SendPorts")

    def get_send_port(self, name: str) -> _JSON:
        """The port called ``name``; :class:`NotFound` when there is none."""
        return self._get_one("SendPorts", name)

    def find_send_port(self, name: str) -> _JSON | None:
        """The port called ``name``, or None."""
        return self._find("SendPorts", name)

    def create_send_port(self, port: Mapping[str, Any]) -> None:
        self.request("POST", "SendPorts", body=port)

    def update_send_port(self, name: str, port: Mapping[str, Any]) -> None:
        self.request("PUT", "SendPorts", name, body=port)

    def delete_send_port(self, name: str) -> None:
        self.request("DELETE", "SendPorts", name)

    def enlist_send_port(self, name: str) -> None:
        self.request("PUT", "SendPorts", name, "Enlist")

    def unenlist_send_port(self, name: str) -> None:
        self.request("PUT", "SendPorts", name, "Unenlist")

    def start_send_port(self, name: str) -> None:
        self.request("PUT", "SendPorts", name, "Start")

    def stop_send_port(self, name: str) -> None:
        self.request("PUT", "SendPorts", name, "Stop")

    # -- send port groups -----------------------------------------------------------------

    def list_send_port_groups(self) -> list[_JSON]:
        return self._get_list("SendPortGroups")

    def get_send_port_group(self, name: str) -> _JSON:
        return self._get_one("SendPortGroups", name)

    def find_send_port_group(self, name: str) -> _JSON | None:
        return self._find("SendPortGroups", name)

    def create_send_port_group(self, group: Mapping[str, Any]) -> None:
        self.request("POST", "SendPortGroups", body=group)

    def update_send_port_group(self, name: str, group: Mapping[str, Any]) -> None:
        """Replace the group's definition and member list (``SendPorts``)."""
        self.request("PUT", "SendPortGroups", name, body=group)

    def delete_send_port_group(self, name: str) -> None:
        self.request("DELETE", "SendPortGroups", name)

    def enlist_send_port_group(self, name: str) -> None:
        self.request("PUT", "SendPortGroups", name, "Enlist")

    def unenlist_send_port_group(self, name: str) -> None:
        self.request("PUT", "SendPortGroups", name, "Unenlist")

    def start_send_port_group(self, name: str) -> None:
        self.request("PUT", "SendPortGroups", name, "Start")

    def stop_send_port_group(self, name: str) -> None:
        self.request("PUT", "SendPortGroups", name, "Stop")

    # -- the rest of the group ------------------------------------------------------------

    def list_applications(self) -> list[_JSON]:
        """Each with ``ApplicationReferences`` (the applications it references)."""
        return self._get_list("Applications")

    def find_application(self, name: str) -> _JSON | None:
        return self._find("Applications", name)

    def create_application(self, application: Mapping[str, Any]) -> None:
        self.request("POST", "Applications", body=application)

    def update_application(self, name: str, application: Mapping[str, Any]) -> None:
        self.request("PUT", "Applications", name, body=application)

    def list_hosts(self) -> list[_JSON]:
        """Each with ``Name``, ``Type`` (InProcess, Isolated), ``IsTrusted``, ``IsDefault``."""
        return self._get_list("Hosts")

    def list_protocol_types(self) -> list[_JSON]:
        """The registered adapters: ``Name``, ``Capabilities``, ``DefaultSendHandler``."""
        return self._get_list("ProtocolTypes")

    def list_subscriptions(self) -> list[_JSON]:
        return self._get_list("OperationalData", "Subscriptions")
