"""Routing: which send ports and groups receive a message, what can never route, and the same
subscriptions as Azure Service Bus topic rules. No Qt, no database."""

from model.routing.design import Design, GroupEntry, PortEntry
from model.routing.evaluate import Outcome, Path, Recipient, RoutingResult, outcome_of
from model.routing.router import Router, route
from model.routing.values import ContextValueError, MessageContext, TypedValue, statement_matches

__all__ = [
    "ContextValueError",
    "Design",
    "GroupEntry",
    "MessageContext",
    "Outcome",
    "Path",
    "PortEntry",
    "Recipient",
    "Router",
    "RoutingResult",
    "TypedValue",
    "outcome_of",
    "route",
    "statement_matches",
]
