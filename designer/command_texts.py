"""What the History says for an edit, in the words the editor shows: "Set retry count of
'Orders' to 5", "Change address of 'Orders'". The text is read from what the edit changes
(the difference between the settings it started from and the ones it writes), so every
editor, form and table gets the same wording without building its own.

Values are shown only for numbers and switches; text, adapter settings (secrets among them)
and lists are named, never quoted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from PySide6.QtCore import QCoreApplication

from model import validation
from model.adapters import setting_spec
from model.domain import AdapterSettings, SendPort, SendPortGroup, Transport
from model.lifecycle import State

#: Fields whose number means nothing to read (a bit mask): named, not quoted.
_OPAQUE_NUMBERS = frozenset({"tracking", "binding_option", "delivery_notification"})
_BACKUP = "secondary_transport"
_WINDOW = ("service_window_enabled", "from_time", "to_time")


def changed_fields(before: BaseModel, after: BaseModel, path: str = "") -> Iterator[tuple[str, Any, Any]]:
    """(dotted path, old, new) of every field that differs; transports are looked into."""
    for field in type(after).model_fields:
        old, new = getattr(before, field, None), getattr(after, field, None)
        if old == new:
            continue
        where = f"{path}.{field}" if path else field
        if isinstance(old, Transport) and isinstance(new, Transport):
            yield from changed_fields(old, new, where)
        else:
            yield where, old, new


def _lower_first(text: str) -> str:
    # "Retry count" -> "retry count", but "URI" and "BizTalk" stay as they are.
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def field_label(path: str) -> str:
    """The editor's label of a field path, for a sentence: "retry count", "backup address"."""
    last = path.rsplit(".", 1)[-1]
    known = validation.FIELDS.get(last)
    text = _lower_first(known[0] if known else last.replace("_", " "))
    if path.startswith(_BACKUP + ".") or path == _BACKUP:
        return text if path == _BACKUP else QCoreApplication.translate("Commands", "backup %s") % text
    return text


def _adapter_of(model: SendPort | SendPortGroup, path: str) -> str | None:
    transport = getattr(model, path.split(".", 1)[0], None)
    return transport.adapter_name if isinstance(transport, Transport) else None


def _settings_text(model: SendPort | SendPortGroup, path: str, old: Any, new: Any, name: str) -> str:
    """One adapter setting changed: its catalog label; more: "adapter settings"."""
    before = {p.name: p for p in old.properties} if isinstance(old, AdapterSettings) else {}
    after = {p.name: p for p in new.properties} if isinstance(new, AdapterSettings) else {}
    touched = [n for n in dict.fromkeys([*before, *after]) if before.get(n) != after.get(n)]
    if len(touched) == 1:
        adapter = _adapter_of(model, path)
        spec = setting_spec(adapter, touched[0]) if adapter else None
        label = QCoreApplication.translate("AdapterCatalog", spec.label) if spec is not None else touched[0]
        where = QCoreApplication.translate("Commands", "backup %s") % label if path.startswith(_BACKUP) else label
        return QCoreApplication.translate("Commands", "Change %s of '%s'") % (where, name)
    return QCoreApplication.translate("Commands", "Change %s of '%s'") % (field_label(path), name)


def _one_change(model: SendPort | SendPortGroup, name: str, path: str, old: Any, new: Any) -> str:
    label = field_label(path)
    last = path.rsplit(".", 1)[-1]
    if last == "settings":
        return _settings_text(model, path, old, new, name)
    if isinstance(new, bool):
        return (
            QCoreApplication.translate("Commands", "Turn on %s of '%s'")
            if new
            else QCoreApplication.translate("Commands", "Turn off %s of '%s'")
        ) % (label, name)
    if new is None or new == () or new == "":
        return QCoreApplication.translate("Commands", "Clear %s of '%s'") % (label, name)
    if isinstance(new, int) and last not in _OPAQUE_NUMBERS:
        return QCoreApplication.translate("Commands", "Set %s of '%s' to %d") % (label, name, new)
    return QCoreApplication.translate("Commands", "Change %s of '%s'") % (label, name)


def edit_text(name: str, before: SendPort | SendPortGroup, after: SendPort | SendPortGroup) -> str | None:
    """The History's text for an edit of ``name`` from ``before`` to ``after`` (None: no change)."""
    changes = list(changed_fields(before, after))
    if not changes:
        return None
    if len(changes) == 1:
        return _one_change(after, name, *changes[0])
    if all(p.rsplit(".", 1)[-1] in _WINDOW for p, _o, _n in changes):
        return QCoreApplication.translate("Commands", "Change %s of '%s'") % (
            field_label(changes[0][0].rsplit(".", 1)[0] + ".service_window"),
            name,
        )
    labels = list(dict.fromkeys(field_label(path) for path, _o, _n in changes))
    if len(labels) == 2:
        return QCoreApplication.translate("Commands", "Change %s and %s of '%s'") % (labels[0], labels[1], name)
    return QCoreApplication.translate("Commands", "Change %d settings of '%s'") % (len(labels), name)


def desired_text(name: str, state: State | None) -> str:
    """The History's text for giving ``name`` a desired state after deployment (None: left as it is)."""
    if state is None:
        return QCoreApplication.translate("Commands", "Leave '%s' as it is after deployment") % name
    words = {
        State.UNENLISTED: QCoreApplication.translate("Commands", "Set '%s' to be unenlisted after deployment"),
        State.STOPPED: QCoreApplication.translate("Commands", "Set '%s' to be enlisted (stopped) after deployment"),
        State.STARTED: QCoreApplication.translate("Commands", "Set '%s' to be started after deployment"),
    }
    return words[state] % name


__all__ = ["changed_fields", "desired_text", "edit_text", "field_label"]
