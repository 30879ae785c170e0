"""Where the key that seals a workspace's secrets lives: never in the database.

In this order: ``$PORTWRIGHT_SECRET_KEY`` (CI, or a team sharing one PostgreSQL workspace, all
setting the same key), else the OS keyring through ``keyring`` when it has a usable backend,
else a key file in the user's config folder (``$PORTWRIGHT_KEY_DIR`` to put it elsewhere),
created readable by its owner only. A key is made the first time a secret is sealed.

Every sealed value names the key that sealed it by a short hash (:attr:`SealingKey.id`), so a
workspace sealed with a key this machine does not have says so, and which key it needs.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.fernet import Fernet
from platformdirs import user_config_path

from model.store.errors import WorkspaceError

ENV_KEY = "PORTWRIGHT_SECRET_KEY"
ENV_KEY_DIR = "PORTWRIGHT_KEY_DIR"
KEYRING_SERVICE = "Portwright"
KEYRING_ENTRY = "workspace-secrets"
KEY_FILE = "secrets.key"
KEYRING_ORIGIN = "the OS keyring"


class MissingKeyError(WorkspaceError):
    """A sealed secret needs a key this machine does not have; nothing was read."""


@dataclass(frozen=True)
class SealingKey:
    """A Fernet key, its id (a short hash of it, safe to show) and where it came from."""

    text: str
    id: str
    origin: str

    @property
    def fernet(self) -> Fernet:
        return _fernet(self.text)


def key_id(text: str) -> str:
    """The short hash by which sealed values name their key (it reveals nothing of the key)."""
    return hashlib.sha256(b"portwright-key-id:" + text.encode("ascii")).hexdigest()[:10]


def new_key() -> str:
    """A fresh key, as ``PORTWRIGHT_SECRET_KEY`` takes it (44 characters of URL-safe base64)."""
    return Fernet.generate_key().decode("ascii")


def key_folder() -> Path:
    """Where the key file is kept when the OS keyring cannot keep the key."""
    folder = os.environ.get(ENV_KEY_DIR)
    return Path(folder).expanduser() if folder else user_config_path("Portwright", appauthor=False)


class KeyChain:
    """The keys one process knows: the one new secrets are sealed with, and every key found
    (environment, key file, keyring), by id, to unseal what any of them sealed. Each place is
    looked at only when needed: with ``$PORTWRIGHT_SECRET_KEY`` set, a workspace sealed with it
    never touches the keyring."""

    def __init__(self) -> None:
        self._where: tuple[str | None, str | None] | None = None
        self._env: SealingKey | None = None
        self._stored: list[SealingKey] | None = None  # the key file's and the keyring's, once read
        self._primary: SealingKey | None = None

    def _refresh(self) -> None:
        """Look again when the environment that decides where keys are has changed (tests)."""
        where = (os.environ.get(ENV_KEY), os.environ.get(ENV_KEY_DIR))
        if where != self._where:
            self._where, self._stored, self._primary = where, None, None
            self._env = _key(where[0], ENV_KEY) if where[0] else None

    def _stored_keys(self) -> list[SealingKey]:
        if self._stored is None:
            self._stored = _stored_keys()
        return self._stored

    def primary(self) -> SealingKey:
        """The key new secrets are sealed with: the environment's, else the keyring's, else the
        key file's; made (in the keyring, else the key file) if there is none yet."""
        self._refresh()
        if self._primary is None:
            if self._env is not None:
                self._primary = self._env
            else:
                stored = sorted(self._stored_keys(), key=lambda k: k.origin != KEYRING_ORIGIN)
                self._primary = stored[0] if stored else _create_key()
                if self._primary not in stored:
                    self._stored_keys().append(self._primary)
        return self._primary

    def get(self, kid: str) -> SealingKey:
        """The key with id ``kid``; MissingKeyError saying how to supply it otherwise."""
        self._refresh()
        if self._env is not None and self._env.id == kid:
            return self._env
        for key in self._stored_keys():
            if key.id == kid:
                return key
        raise MissingKeyError(
            f"the secrets in this workspace were sealed with key {kid}, which this machine does not "
            f"have: set {ENV_KEY} to that key (whoever shares the workspace has it), or put its key "
            f"file at {key_folder() / KEY_FILE}"
        )


@functools.lru_cache(maxsize=8)
def _fernet(text: str) -> Fernet:
    try:
        return Fernet(text.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        raise WorkspaceError(
            f"{ENV_KEY} is not a key Portwright can use: it takes 44 characters of URL-safe base64, "
            "such as a key file of Portwright holds"
        ) from None


def _key(text: str, origin: str) -> SealingKey:
    text = text.strip()
    _fernet(text)  # refuse a malformed key where it is found, not at the first secret
    return SealingKey(text, key_id(text), origin)


def _stored_keys() -> list[SealingKey]:
    """The key file's key, then the keyring's (the file is cheaper to read)."""
    keys: list[SealingKey] = []
    path = key_folder() / KEY_FILE
    try:
        text = path.read_text("ascii")
    except (OSError, UnicodeDecodeError):
        text = ""
    if text.strip():
        try:
            keys.append(_key(text, str(path)))
        except WorkspaceError:
            raise WorkspaceError(f"{path}: not a Portwright key file (it should hold one key)") from None
    stored = _keyring_get()
    if stored:
        with contextlib.suppress(WorkspaceError):  # someone else's entry: not ours to judge
            keys.append(_key(stored, KEYRING_ORIGIN))
    return keys


def _create_key() -> SealingKey:
    text = new_key()
    if _keyring_set(text):
        return _key(text, KEYRING_ORIGIN)
    return _key(_write_key_file(key_folder() / KEY_FILE, text), str(key_folder() / KEY_FILE))


def _keyring_get() -> str | None:
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, KEYRING_ENTRY)
    except Exception:  # noqa: BLE001 - no backend, a locked or absent service: no keyring here
        return None


def _keyring_set(text: str) -> bool:
    """Keep ``text`` in the OS keyring; whether it is really there (a null backend keeps nothing)."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, KEYRING_ENTRY, text)
        return keyring.get_password(KEYRING_SERVICE, KEYRING_ENTRY) == text
    except Exception:  # noqa: BLE001 - see _keyring_get
        return False


def _write_key_file(path: Path, text: str) -> str:
    """Create the key file, readable by its owner only, whole or not at all; when another
    process made one meanwhile, its key is the one used."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".secrets-", suffix=".tmp")  # mode 0600
        try:
            with os.fdopen(fd, "w", encoding="ascii") as f:
                f.write(text + "\n")
                f.flush()
                os.fsync(f.fileno())
            os.link(tmp, path)  # fails if the file exists: never replaces a key in use
        except FileExistsError:
            return path.read_text("ascii").strip()
        finally:
            os.unlink(tmp)
    except OSError as e:
        raise WorkspaceError(
            f"{path}: cannot keep the key that seals the workspace's secrets: {e.strerror or e} "
            f"(set {ENV_KEY} or {ENV_KEY_DIR})"
        ) from None
    return text


#: The process's keys (one process, one user, one environment).
KEYS = KeyChain()
