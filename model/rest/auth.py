"""How the client signs in to the Management REST API, and the saved connections.

The service runs in IIS with Windows authentication, so ``negotiate`` (Kerberos, falling back to
NTLM) is the usual choice; ``ntlm`` forces NTLM; ``basic`` is for a service put behind Basic
authentication (over HTTPS only, or the password travels in clear); ``none`` for a test server.
Negotiate and NTLM use pyspnego, imported only when such a connection is made.

A :class:`ConnectionProfile` is saved in ``connections.json`` in the user's config folder
(platformdirs), written atomically and never with a password: the password is kept in the OS
keyring (service ``Portwright BizTalk REST``, user ``PROFILE/USER``) or asked by the caller.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Generator, Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from platformdirs import user_config_path

from model.fileio import write_atomic

__all__ = [
    "AuthKind",
    "ConnectionProfile",
    "ProfileError",
    "SpnegoAuth",
    "delete_profile",
    "forget_password",
    "keyring_password",
    "load_profiles",
    "make_auth",
    "profiles_path",
    "remember_password",
    "save_profile",
]

KEYRING_SERVICE = "Portwright BizTalk REST"
_FILE = "connections.json"


class AuthKind(StrEnum):
    """How a connection signs in; values are stable ids (profiles file, command line)."""

    NONE = "none"
    BASIC = "basic"
    NEGOTIATE = "negotiate"
    NTLM = "ntlm"


class ProfileError(ValueError):
    """A connections file or profile that cannot be used: which file or profile, and why."""


class SpnegoAuth(httpx.Auth):
    """Windows authentication (``WWW-Authenticate: Negotiate`` or ``NTLM``) over pyspnego: the
    request is sent, and on a 401 offering the scheme, tokens are exchanged until the server
    accepts (or refuses) them. Without ``username`` the logged-on user's credentials are used
    (Kerberos ticket, or SSPI on Windows)."""

    requires_response_body = False

    def __init__(
        self, username: str | None = None, password: str | None = None, *, protocol: str = "negotiate"
    ) -> None:
        if protocol not in ("negotiate", "ntlm", "kerberos"):
            raise ValueError(f"unknown protocol {protocol!r}: negotiate, ntlm or kerberos")
        self.username, self._password, self.protocol = username, password, protocol
        self.scheme = "NTLM" if protocol == "ntlm" else "Negotiate"

    def __repr__(self) -> str:  # never the password
        return f"SpnegoAuth(username={self.username!r}, protocol={self.protocol!r})"

    def _offered(self, response: httpx.Response) -> bytes | None:
        """The server's token for our scheme (b"" when it only names the scheme), or None."""
        for value in response.headers.get_list("www-authenticate"):
            for part in value.split(","):
                words = part.strip().split(None, 1)
                if words and words[0].lower() == self.scheme.lower():
                    return base64.b64decode(words[1]) if len(words) > 1 else b""
        return None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        response = yield request
        if response.status_code != 401 or self._offered(response) is None:
            return
        try:
            import spnego  # lazily: a test or a Basic connection does not need it
        except ImportError as e:
            raise RuntimeError("Windows authentication needs the pyspnego package (pip install pyspnego)") from e
        host = urlsplit(str(request.url)).hostname or "unspecified"
        context = spnego.client(self.username, self._password, hostname=host, service="HTTP", protocol=self.protocol)
        token = context.step()
        while token is not None:
            request.headers["Authorization"] = f"{self.scheme} {base64.b64encode(token).decode('ascii')}"
            response = yield request
            offered = self._offered(response)
            if not offered:
                return  # accepted (2xx and no further token), or refused: the caller sees the status
            token = context.step(offered)
            if response.status_code != 401:
                return  # the final token was the server's mutual authentication


def make_auth(kind: AuthKind | str, user: str | None = None, password: str | None = None) -> httpx.Auth | None:
    """The ``httpx`` authentication of ``kind`` (None for ``none``)."""
    match AuthKind(kind):
        case AuthKind.NONE:
            return None
        case AuthKind.BASIC:
            if not user:
                raise ProfileError("basic authentication needs a user name")
            return httpx.BasicAuth(user, password or "")
        case AuthKind.NEGOTIATE:
            return SpnegoAuth(user or None, password, protocol="negotiate")
        case AuthKind.NTLM:
            return SpnegoAuth(user or None, password, protocol="ntlm")


@dataclass(frozen=True, slots=True)
class ConnectionProfile:
    """A saved connection: never its password."""

    name: str
    url: str
    auth: AuthKind = AuthKind.NEGOTIATE
    user: str | None = None
    #: verify the server's TLS certificate (True), not (False), or against this CA bundle file
    verify: bool | str = True
    timeout: float = 30.0

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ProfileError("a connection needs a name")
        if urlsplit(self.url).scheme not in ("http", "https"):
            raise ProfileError(f"connection '{self.name}': the address must start with http:// or https://")
        object.__setattr__(self, "auth", AuthKind(self.auth))
        if not isinstance(self.verify, bool | str) or not (self.timeout > 0):
            raise ProfileError(f"connection '{self.name}': verify is true, false or a CA file; timeout > 0")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["auth"] = self.auth.value
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ConnectionProfile:
        unknown = sorted(set(data) - {"name", "url", "auth", "user", "verify", "timeout"})
        if unknown:
            raise ProfileError(f"connection '{data.get('name')}': unknown key '{unknown[0]}'")
        try:
            return cls(
                str(data["name"]),
                str(data["url"]),
                AuthKind(data.get("auth", "negotiate")),
                data.get("user"),
                data.get("verify", True),
                float(data.get("timeout", 30.0)),
            )
        except (KeyError, TypeError, ValueError) as e:
            if isinstance(e, ProfileError):
                raise
            raise ProfileError(f"connection '{data.get('name')}': {e}") from None


def profiles_path() -> Path:
    """``connections.json`` in the user's config folder."""
    return user_config_path("Portwright", appauthor=False) / _FILE


def load_profiles(path: str | Path | None = None) -> dict[str, ConnectionProfile]:
    """The saved connections by name; none when the file does not exist."""
    file = Path(path) if path is not None else profiles_path()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ProfileError(f"{file}: cannot be read ({e})") from None
    items = data.get("connections") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ProfileError(f'{file}: expected {{"connections": [...]}}')
    profiles = [ConnectionProfile.from_json(item) for item in items if isinstance(item, dict)]
    return {p.name: p for p in profiles}


def _write(profiles: Mapping[str, ConnectionProfile], file: Path) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    body = {"connections": [p.to_json() for _, p in sorted(profiles.items())]}
    write_atomic(file, (json.dumps(body, indent=2) + "\n").encode("utf-8"))


def save_profile(profile: ConnectionProfile, path: str | Path | None = None) -> Path:
    """Add or replace ``profile`` in the connections file; returns the file."""
    file = Path(path) if path is not None else profiles_path()
    profiles = load_profiles(file)
    profiles[profile.name] = profile
    _write(profiles, file)
    return file


def delete_profile(name: str, path: str | Path | None = None) -> bool:
    """Remove the connection ``name`` (and its keyring password); False if there was none."""
    file = Path(path) if path is not None else profiles_path()
    profiles = load_profiles(file)
    gone = profiles.pop(name, None)
    if gone is None:
        return False
    _write(profiles, file)
    forget_password(gone)
    return True


def _keyring_user(profile: ConnectionProfile) -> str:
    return f"{profile.name}/{profile.user or ''}"


def keyring_password(profile: ConnectionProfile) -> str | None:
    """The profile's password from the OS keyring; None when it has none or there is no usable
    keyring (the caller then asks)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _keyring_user(profile))
    except (KeyringError, RuntimeError):
        return None


def remember_password(profile: ConnectionProfile, password: str) -> bool:
    """Keep the password in the OS keyring; False when no keyring can keep it."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_user(profile), password)
    except (KeyringError, RuntimeError):
        return False
    return True


def forget_password(profile: ConnectionProfile) -> None:
    """Remove the profile's password from the keyring, if it is there."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(KEYRING_SERVICE, _keyring_user(profile))
    except (KeyringError, RuntimeError):
        pass
