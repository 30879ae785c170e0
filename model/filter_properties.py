"""Catalog of message context properties offered when editing a filter.

Names and types follow Microsoft's pages "How to Use Message Context Properties"
(BTS.*), "Using Failed Message Routing" (ErrorReport.*) and "File adapter property schema
and properties" (FILE.*), in MicrosoftDocs/biztalk-docs. A filter may name any promoted
property of any schema: this list only feeds pickers and type hints, it never restricts.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["FILTER_PROPERTIES", "FilterPropertySpec", "PropertyType", "filter_property"]

PropertyType = Literal["string", "int", "bool", "datetime"]


class FilterPropertySpec(BaseModel):
    """A context property usable in a ``<Statement Property=..>``: qualified name, type, meaning."""

    model_config = ConfigDict(frozen=True)

    name: str
    type: PropertyType
    description: str


def _p(name: str, type_: PropertyType, description: str) -> FilterPropertySpec:
    return FilterPropertySpec(name=name, type=type_, description=description)


FILTER_PROPERTIES: tuple[FilterPropertySpec, ...] = (
    # BTS system properties, promoted by the Messaging Engine.
    _p("BTS.MessageType", "string", "Message type: target namespace#root element"),
    _p("BTS.ReceivePortName", "string", "Name of the receive port the message arrived on"),
    _p("BTS.ReceivePortID", "string", "ID (GUID) of the receive port the message arrived on"),
    _p("BTS.InboundTransportType", "string", "Adapter that received the message (FILE, HTTP, ...)"),
    _p("BTS.InboundTransportLocation", "string", "Address (URI) the message was received on"),
    _p("BTS.OutboundTransportType", "string", "Adapter a dynamic send uses"),
    _p("BTS.OutboundTransportLocation", "string", "Destination address of a dynamic send"),
    _p("BTS.SPName", "string", "Send port that published this response (solicit-response)"),
    _p("BTS.SPID", "string", "ID of the send port an orchestration sent to"),
    _p("BTS.SPGroupID", "string", "ID of the send port group an orchestration sent to"),
    _p("BTS.SPTransportID", "string", "ID of the send port's primary transport"),
    _p("BTS.SPTransportBackupID", "string", "ID of the send port's backup transport"),
    _p("BTS.Operation", "string", "Operation name of the orchestration port or WCF action mapping"),
    _p("BTS.CorrelationToken", "string", "Routes a response back to a request-response port"),
    _p("BTS.InterchangeSequenceNumber", "int", "Position of the message in its interchange (1 if alone)"),
    _p("BTS.IsDynamicSend", "bool", "True when the send goes through a dynamic send port"),
    _p("BTS.MessageDestination", "string", "Set by disassemblers: Default or SuspendQueue"),
    _p("BTS.RouteDirectToTP", "bool", "Internal: loop-back and request-response routing"),
    _p("BTS.SuspendAsNonResumable", "bool", "Suspend the message as non-resumable on failure"),
    _p("BTS.SuspendMessageOnRoutingFailure", "bool", "Suspend the message when routing fails"),
    _p("BTS.ActionOnFailure", "int", "0: the engine does not suspend a message failing in the receive pipeline"),
    _p("BTS.AckType", "string", "ACK or NACK on acknowledgement messages"),
    _p("BTS.AckID", "string", "MessageID of the acknowledged message"),
    _p("BTS.AckFailureCategory", "int", "Error category of a NACK"),
    _p("BTS.AckFailureCode", "string", "Error code of a NACK"),
    _p("BTS.AckOwnerID", "string", "Instance ID of the acknowledged message"),
    _p("BTS.AckReceivePortID", "string", "ReceivePortID of the acknowledged message"),
    _p("BTS.AckReceivePortName", "string", "ReceivePortName of the acknowledged message"),
    _p("BTS.AckSendPortID", "string", "SendPortID of the acknowledged message"),
    _p("BTS.AckSendPortName", "string", "Send port name of the acknowledged message"),
    _p("BTS.AckInboundTransportLocation", "string", "InboundTransportLocation of the acknowledged message"),
    _p("BTS.AckOutboundTransportLocation", "string", "OutboundTransportLocation of the acknowledged message"),
    # ErrorReport properties, promoted on failed messages when failed message routing is on.
    _p("ErrorReport.ErrorType", "string", "Always FailedMessage on a routed failed message"),
    _p("ErrorReport.FailureCode", "string", "Error code (hexadecimal) shown in the Administration console"),
    _p("ErrorReport.FailureCategory", "int", "Unused; its value is undefined"),
    _p("ErrorReport.MessageType", "string", "Message type of the failed message, if known"),
    _p("ErrorReport.ReceivePortName", "string", "Receive port where the failure happened"),
    _p("ErrorReport.InboundTransportLocation", "string", "Receive location URI where the failure happened"),
    _p("ErrorReport.SendPortName", "string", "Send port where the failure happened"),
    _p("ErrorReport.OutboundTransportLocation", "string", "Send address where the failure happened"),
    _p("ErrorReport.RoutingFailureReportID", "string", "ID of the routing failure report"),
    _p("ErrorReport.Description", "string", "Error description (not promoted: not usable in filters)"),
    _p("ErrorReport.FailureTime", "datetime", "When the failure happened"),
    _p("ErrorReport.FailureMessageID", "string", "ID of the failed message"),
    _p("ErrorReport.FailureInstanceID", "string", "Service instance the failure happened in"),
    _p("ErrorReport.FailureAdapter", "string", "Adapter involved in the failure"),
    _p("ErrorReport.ProcessingServer", "string", "Server that processed the failed message"),
    # Adapter properties.
    _p("FILE.ReceivedFileName", "string", "Full name of the file the FILE adapter read"),
    _p("FILE.FileCreationTime", "datetime", "When the received file was written to the folder"),
    _p("FILE.CopyMode", "int", "FILE send copy mode: 0 append, 1 create new, 2 overwrite"),
    _p("FILE.AllowCacheOnWrite", "bool", "FILE send uses file system caching"),
    _p("FILE.UseTempFileOnWrite", "bool", "FILE send writes a temporary file first"),
    _p("FILE.Username", "string", "Alternative account for a network share"),
    _p("FTP.ReceivedFileName", "string", "Name of the file the FTP adapter downloaded"),
    _p("POP3.Subject", "string", "Subject of the e-mail the POP3 adapter received"),
    _p("WCF.Action", "string", "SOAP action of a WCF message"),
)

_BY_NAME: Mapping[str, FilterPropertySpec] = MappingProxyType({p.name: p for p in FILTER_PROPERTIES})


def filter_property(name: str) -> FilterPropertySpec | None:
    """The catalog entry for ``name`` (e.g. ``BTS.ReceivePortName``), or ``None``."""
    return _BY_NAME.get(name)
