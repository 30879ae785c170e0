"""A message's context as BizTalk's Administration Console saves it ("Save to file" on a
suspended or tracked message writes ``<MessageID>_context.xml``)::

    <MessageInfo>
      <ContextInfo PropertiesCount="2">
        <Property Name="MessageType" Namespace="http://schemas.microsoft.com/BizTalk/2003/system-properties"
                  Value="urn:orders#Order" Promoted="true" />
        ...

A property is named in filters by its schema's prefix and its name (``BTS.MessageType``): the
prefix comes from the namespaces of BizTalk's own property schemas; any other namespace's
properties keep the namespace's last segment as prefix (a custom property schema's usual
``Company.Schemas.PropertySchema`` convention), and the file names what it could not map.
"""

from __future__ import annotations

from pathlib import Path

from model.bindings import safe

#: BizTalk's own property schemas (``http://schemas.microsoft.com/BizTalk/2003/<x>-properties``).
_SYSTEM = "http://schemas.microsoft.com/BizTalk/2003/"
PREFIXES = {
    "system-properties": "BTS",
    "file-properties": "FILE",
    "ftp-properties": "FTP",
    "http-properties": "HTTP",
    "smtp-properties": "SMTP",
    "pop3-properties": "POP3",
    "soap-properties": "SOAP",
    "msmq-properties": "MSMQ",
    "mqs-properties": "MQSeries",
    "sftp-properties": "SFTP",
    "error-report": "ErrorReport",
    "messagetracking-properties": "MessageTracking",
    "xmlnorm-properties": "XMLNORM",
    "edi-properties": "EDI",
    "edi-properties-x12": "X12",
    "edifact-properties": "EDIFACT",
    "as2-properties": "AS2",
}


def qualified_name(name: str, namespace: str) -> str:
    """``BTS.MessageType`` for MessageType in the system properties' namespace."""
    if namespace.startswith(_SYSTEM):
        prefix = PREFIXES.get(namespace[len(_SYSTEM) :].strip("/"))
        if prefix:
            return f"{prefix}.{name}"
    tail = namespace.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    if tail.endswith(("PropertySchema", "Properties", "properties")) and "." in tail:
        tail = tail.rsplit(".", 1)[0]
    return f"{tail}.{name}" if tail else name


def read_context(source: str | Path | bytes) -> list[tuple[str, str]]:
    """The context's properties as ``(qualified name, value)``, in file order; only promoted
    ones when the file says which are (filters see promoted properties only). Raises
    ``ValueError`` naming the file and what is wrong."""
    try:
        data, name = safe.read_source(source)
        decoded = safe.decode(data, name)
        root = safe.parse_document(decoded, name, data)
    except safe.BindingFormatError as e:
        raise ValueError(str(e)) from None
    if root.tag != "MessageInfo":
        raise ValueError(f"{name}: not a message context file (its root is <{root.tag}>, not <MessageInfo>)")
    out: list[tuple[str, str]] = []
    properties = root.findall("ContextInfo/Property")
    marked = any(p.get("Promoted") is not None for p in properties)
    for p in properties:
        if marked and (p.get("Promoted") or "").lower() != "true":
            continue
        prop, namespace = p.get("Name"), p.get("Namespace") or ""
        if prop:
            out.append((qualified_name(prop, namespace), p.get("Value") or ""))
    return out
