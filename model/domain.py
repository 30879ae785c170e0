"""The send-port domain: pydantic models for ports, transports, filters, groups.

Models are frozen: an edit makes a new object (``port.model_copy(update=...)`` or
:func:`replace`), which lets a document tell an untouched port from a changed one by
identity and lets undo keep old values without copying. Limits from BizTalk are field
constraints; files may still carry out-of-range values or ``${Token}`` placeholders, which
the importer keeps (see ``model.bindings.reader``) and validation reports.
"""

from __future__ import annotations

import re
from enum import IntEnum
from typing import Annotated, Any, ClassVar, NamedTuple, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

from model.adapters import VariantType, parse_variant

# ---------------------------------------------------------------------------------------
# Scalar types

#: A BTDF ``${Token}`` or an MSBuild-style ``$(Var)`` placeholder standing for a whole value.
TOKEN_RE = re.compile(r"\$\{[^${}]+\}|\$\([^$()]+\)")
Token = Annotated[str, StringConstraints(pattern=r"^(?:\$\{[^${}]+\}|\$\([^$()]+\))$")]

#: Characters XML 1.0 can carry; anything else cannot be written to a binding file.
_XML_CHARS = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]*$"
Text = Annotated[str, StringConstraints(pattern=_XML_CHARS)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=256, pattern=_XML_CHARS)]

RetryCount = Annotated[int, Field(ge=0, le=1000)]
RetryInterval = Annotated[int, Field(ge=0, le=525600)]  # minutes: up to a year
Priority = Annotated[int, Field(ge=1, le=10)]
TrackingFlags = Annotated[int, Field(ge=0, le=255)]
GroupDescription = Annotated[str, StringConstraints(max_length=256, pattern=_XML_CHARS)]
#: xs:dateTime as BizTalk writes service windows (only the time of day matters).
XsDateTime = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$"),
]

Flag = bool | Token


def is_token(value: object) -> bool:
    """True when ``value`` is a whole-value placeholder such as ``${Host}``."""
    return isinstance(value, str) and TOKEN_RE.fullmatch(value) is not None


def tokens_in(text: str | None) -> list[str]:
    """Every placeholder inside ``text`` (``${A}``, ``$(B)``), in order."""
    return TOKEN_RE.findall(text) if text else []


class FilterOperator(IntEnum):
    """Filter operator codes as stored in binding files."""

    EQUALS = 0
    LESS_THAN = 1
    LESS_EQUAL = 2
    GREATER_THAN = 3
    GREATER_EQUAL = 4
    NOT_EQUAL = 5
    EXISTS = 6
    BITWISE_AND = 7

    @property
    def symbol(self) -> str:
        return _OPERATOR_SYMBOLS[self]

    @property
    def is_ordering(self) -> bool:
        """Operators that compare order and so expect a number or date for numeric properties."""
        return self in (self.LESS_THAN, self.LESS_EQUAL, self.GREATER_THAN, self.GREATER_EQUAL)

    @classmethod
    def from_symbol(cls, text: str) -> FilterOperator:
        for op, sym in _OPERATOR_SYMBOLS.items():
            if sym == text.strip().lower():
                return op
        raise ValueError(f"unknown filter operator {text!r}; use one of {', '.join(_OPERATOR_SYMBOLS.values())}")


_OPERATOR_SYMBOLS = {
    FilterOperator.EQUALS: "==",
    FilterOperator.LESS_THAN: "<",
    FilterOperator.LESS_EQUAL: "<=",
    FilterOperator.GREATER_THAN: ">",
    FilterOperator.GREATER_EQUAL: ">=",
    FilterOperator.NOT_EQUAL: "!=",
    FilterOperator.EXISTS: "exists",
    FilterOperator.BITWISE_AND: "&",
}


# ---------------------------------------------------------------------------------------
# Base


class DomainModel(BaseModel):
    """Frozen model; equality looks at fields only, never at where a value was read from."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.__dict__ == other.__dict__  # type: ignore[union-attr]

    def __hash__(self) -> int:
        return hash((type(self), tuple(self.__dict__.values())))


M = TypeVar("M", bound=DomainModel)


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside a field's annotation (``Transport | None`` -> ``Transport``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = model_in(arg)
        if found is not None:
            return found
    return None


class Located(DomainModel):
    """A model that remembers the text it was read from (copied by ``model_copy``)."""

    _origin: Any = PrivateAttr(default=None)

    @property
    def origin(self) -> Any:
        """Where this object (or the object it was copied from) was read; None if made here."""
        private = self.__pydantic_private__
        return private.get("_origin") if private else None

    def set_origin(self, origin: Any) -> None:
        # Straight into pydantic's private dict: attribute access on private names is slow,
        # and reading files sets this on every port.
        if self.__pydantic_private__ is None:
            object.__setattr__(self, "__pydantic_private__", {})
        self.__pydantic_private__["_origin"] = origin  # type: ignore[index]


def replace(obj: M, **changes: Any) -> M:
    """A copy of ``obj`` with ``changes`` applied and validated (raises ValidationError)."""
    data = {**obj.__dict__, **changes}
    new = type(obj).model_validate(data)
    if isinstance(obj, Located) and isinstance(new, Located):
        new.set_origin(obj.origin)
    return new


# ---------------------------------------------------------------------------------------
# Filters


class FilterStatement(DomainModel):
    """One comparison: ``property operator value``; Exists has no value."""

    property: Text = Field(min_length=1)
    operator: Annotated[int, Field(ge=0, le=7)] = FilterOperator.EQUALS
    value: Text | None = None

    def text(self) -> str:
        try:
            op = FilterOperator(self.operator)
        except ValueError:
            return f"{self.property} ?{self.operator}? {self.value or ''}".rstrip()
        if op is FilterOperator.EXISTS:
            return f"{self.property} exists"
        return f"{self.property} {op.symbol} {self.value if self.value is not None else ''}".rstrip()


class FilterGroup(DomainModel):
    """Statements joined by AND."""

    statements: tuple[FilterStatement, ...] = ()

    def text(self) -> str:
        return " AND ".join(s.text() for s in self.statements)


class Filter(DomainModel):
    """A subscription: groups joined by OR, statements inside a group joined by AND."""

    groups: tuple[FilterGroup, ...] = ()
    #: Nested filter text that could not be parsed; kept as found and reported.
    unparsed: str | None = None

    ROOT: ClassVar[str] = "Filter"

    @property
    def is_empty(self) -> bool:
        return self.unparsed is None and not any(g.statements for g in self.groups)

    def text(self) -> str:
        """Readable form, e.g. ``(BTS.ReceivePortName == In AND BTS.MessageType exists) OR (...)``."""
        if self.unparsed is not None:
            return "(unreadable filter)"
        parts = [g.text() for g in self.groups if g.statements]
        if len(parts) == 1:
            return parts[0]
        return " OR ".join(f"({p})" for p in parts)

    def properties(self) -> list[str]:
        return [s.property for g in self.groups for s in g.statements]


# ---------------------------------------------------------------------------------------
# Transports


class AdapterType(DomainModel):
    """``TransportType``: the adapter's name and registration."""

    name: Name
    capabilities: int | Token | None = None
    configuration_clsid: Text | None = None


class AdapterProperty(NamedTuple):
    """One adapter setting (``<Name vt="8">value</Name>``), value kept as the text written.

    A value that is itself an XML document (WCF BindingConfiguration, FTP AdapterConfig...)
    is kept as that document's text, never as escaped text. An empty element reads as
    ``None``. (A named tuple, not a model: ports carry dozens of these, and a tuple is a
    tenth of the memory.)
    """

    name: Name
    vt: int | None = VariantType.VT_BSTR
    value: Text | None = None

    @property
    def is_xml(self) -> bool:
        return self.value is not None and self.value.lstrip().startswith("<")

    @property
    def is_null(self) -> bool:
        return self.vt == VariantType.VT_NULL

    @property
    def typed_value(self) -> object:
        """The value as its VARIANT type says: bool for 11, int for integer types, None for null."""
        if self.vt is None or self.value is None or is_token(self.value):
            return None if self.vt == VariantType.VT_NULL else self.value
        try:
            return parse_variant(self.vt, self.value)
        except ValueError:
            return self.value


class AdapterSettings(DomainModel):
    """``TransportTypeData``: the adapter's ``CustomProps``."""

    properties: tuple[AdapterProperty, ...] = ()
    #: Nested settings text that could not be parsed; kept as found and reported.
    unparsed: str | None = None

    def get(self, name: str) -> AdapterProperty | None:
        for prop in self.properties:
            if prop.name == name:
                return prop
        return None

    def value(self, name: str, default: str | None = None) -> str | None:
        prop = self.get(name)
        return default if prop is None or prop.value is None else prop.value

    def with_value(self, name: str, value: str | None, vt: int | None = None) -> AdapterSettings:
        """A copy with ``name`` set (appended when new), keeping the order of the others."""
        props = list(self.properties)
        for i, prop in enumerate(props):
            if prop.name == name:
                props[i] = AdapterProperty(name, prop.vt if vt is None else vt, value)
                break
        else:
            props.append(AdapterProperty(name, VariantType.VT_BSTR if vt is None else vt, value))
        return replace(self, properties=tuple(props))

    def without(self, name: str) -> AdapterSettings:
        return replace(self, properties=tuple(p for p in self.properties if p.name != name))


class SendHandler(DomainModel):
    """The host instance that runs the adapter for this port."""

    name: Name
    host_trusted: Flag = False
    adapter: AdapterType | None = None


class Transport(DomainModel):
    """Primary or backup transport: where and how a message is sent."""

    address: Text | None = None
    adapter: AdapterType | None = None
    settings: AdapterSettings | None = None
    retry_count: RetryCount | Token = 3
    retry_interval: RetryInterval | Token = 5
    service_window_enabled: Flag = False
    from_time: XsDateTime | Token = "2000-01-01T00:00:00"
    to_time: XsDateTime | Token = "2000-01-01T23:59:59"
    primary: Flag = True
    ordered_delivery: Flag = False
    delivery_notification: int | Token = 1
    send_handler: SendHandler | None = None

    @property
    def adapter_name(self) -> str | None:
        return self.adapter.name if self.adapter else None

    @property
    def is_configured(self) -> bool:
        """A backup transport written with an empty address and no adapter is "none"."""
        return bool(self.address) or self.adapter is not None


# ---------------------------------------------------------------------------------------
# Send ports


class Pipeline(DomainModel):
    """A pipeline reference (``TransmitPipeline`` Type 2, ``ReceivePipeline`` Type 1)."""

    name: Name
    fully_qualified_name: Text | None = None
    type: int | Token | None = None
    tracking_option: Text | None = None
    description: Text | None = None


PASS_THRU_TRANSMIT = Pipeline(
    name="Microsoft.BizTalk.DefaultPipelines.PassThruTransmit",
    fully_qualified_name="Microsoft.BizTalk.DefaultPipelines.PassThruTransmit, Microsoft.BizTalk.DefaultPipelines, "
    "Version=3.0.1.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
    type=2,
    tracking_option="ServiceStartEnd MessageSendReceive PipelineEvents",
    description="",
)
XML_RECEIVE = Pipeline(
    name="Microsoft.BizTalk.DefaultPipelines.XMLReceive",
    fully_qualified_name="Microsoft.BizTalk.DefaultPipelines.XMLReceive, Microsoft.BizTalk.DefaultPipelines, "
    "Version=3.0.1.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35",
    type=1,
    tracking_option="ServiceStartEnd MessageSendReceive PipelineEvents",
    description="",
)


class Map(DomainModel):
    """A map (``Transforms/Transform``)."""

    full_name: Name
    assembly_qualified_name: Text | None = None


class Certificate(DomainModel):
    """``EncryptionCert``: the certificate used to encrypt outgoing messages."""

    long_name: Text | None = None
    short_name: Text | None = None
    usage_type: Text | None = None  # ExplorerOM CertUsageType, as written
    thumbprint: Text | None = None


class TrackingFlag(IntEnum):
    """Send port ``Tracking`` bits."""

    BODY_BEFORE_SEND = 1
    BODY_AFTER_SEND = 2
    BODY_BEFORE_RECEIVE = 4
    BODY_AFTER_RECEIVE = 8
    PROPERTIES_BEFORE_SEND = 16
    PROPERTIES_AFTER_SEND = 32
    PROPERTIES_BEFORE_RECEIVE = 64
    PROPERTIES_AFTER_RECEIVE = 128


class SendPort(Located):
    """A BizTalk send port, with every setting a binding file carries for it."""

    name: Name
    is_static: Flag = True
    is_two_way: Flag = False
    binding_option: int | Token | None = 0
    analytics_enabled: Flag | None = None
    description: Text | None = None
    send_pipeline: Pipeline | None = PASS_THRU_TRANSMIT
    send_pipeline_data: Text | None = None
    primary_transport: Transport | None = None
    secondary_transport: Transport | None = None
    encryption_cert: Certificate | None = None
    receive_pipeline: Pipeline | None = None
    receive_pipeline_data: Text | None = None
    tracking: TrackingFlags | Token = 0
    filter: Filter | None = None
    outbound_maps: tuple[Map, ...] = ()
    inbound_maps: tuple[Map, ...] = ()
    ordered_delivery: Flag = False
    priority: Priority | Token = 5
    stop_sending_on_failure: Flag = False
    route_failed_messages: Flag = False
    application: Text | None = None

    @property
    def kind_text(self) -> str:
        static = "Dynamic" if self.is_static is False else "Static"
        way = "Solicit-Response" if self.is_two_way is True else "One-Way"
        return f"{static} {way}"

    @property
    def adapter_name(self) -> str | None:
        return self.primary_transport.adapter_name if self.primary_transport else None

    @property
    def address(self) -> str | None:
        return self.primary_transport.address if self.primary_transport else None


class SendPortGroup(Located):
    """A send port group (``DistributionList``): a filter shared by its member ports."""

    name: Name
    description: GroupDescription | None = None
    filter: Filter | None = None
    members: tuple[Name, ...] = ()
    application: Text | None = None


class Application(DomainModel):
    """A BizTalk application: the container ports and groups belong to."""

    name: Name
    description: Text | None = None
    references: tuple[Name, ...] = ()


def new_send_port(
    name: str,
    *,
    adapter: str = "FILE",
    address: str = "",
    two_way: bool = False,
    static: bool = True,
    application: str | None = None,
) -> SendPort:
    """A send port as the console would create it, with BizTalk's defaults."""
    transport = None
    if static:
        transport = Transport(address=address, adapter=AdapterType(name=adapter), primary=True)
    return SendPort(
        name=name,
        is_static=static,
        is_two_way=two_way,
        primary_transport=transport,
        receive_pipeline=XML_RECEIVE if two_way else None,
        application=application,
    )
