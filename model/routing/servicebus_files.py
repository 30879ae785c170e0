"""The files of a Service Bus export: Bicep, the same resources as ARM JSON, an ``az`` script
and a plain-text report (``model.routing.servicebus`` decides what goes in them).

The namespace and topic must exist already: the files add subscriptions and rules to them
(Bicep ``existing`` resources; ARM ``dependsOn`` only between the added resources).
"""

from __future__ import annotations

import json
import re
from typing import Any

from model.routing.servicebus import MAX_EXPRESSION, ServiceBusPlan, Subscription

__all__ = ["API_VERSION", "arm_template", "az_script", "bicep", "bicep_string", "report"]

API_VERSION = "2022-10-01-preview"
_TYPE = "Microsoft.ServiceBus/namespaces"


def bicep_string(text: str) -> str:
    """A Bicep single-quoted string: ``\\``, ``'``, ``${`` and line breaks escaped."""
    out = text.replace("\\", "\\\\").replace("'", "\\'").replace("${", "\\${")
    out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f"'{out}'"


def _ident(prefix: str, i: int) -> str:
    return f"{prefix}{i}"


def bicep(plan: ServiceBusPlan) -> str:
    """A Bicep file adding the plan's subscriptions and rules to an existing namespace and topic."""
    lines = [
        "// Send port subscriptions exported by Portwright; see the report for what did not map.",
        f"param namespaceName string = {bicep_string(plan.namespace)}",
        f"param topicName string = {bicep_string(plan.topic)}",
        "",
        f"resource namespace '{_TYPE}@{API_VERSION}' existing = {{",
        "  name: namespaceName",
        "}",
        "",
        f"resource topic '{_TYPE}/topics@{API_VERSION}' existing = {{",
        "  parent: namespace",
        "  name: topicName",
        "}",
    ]
    for i, sub in enumerate(plan.subscriptions):
        sid = _ident("sub", i)
        via = f"group {sub.group} to {sub.port}" if sub.group else f"send port {sub.port}"
        lines += [
            "",
            f"// {_comment(via)}",
            f"resource {sid} '{_TYPE}/topics/subscriptions@{API_VERSION}' = {{",
            "  parent: topic",
            f"  name: {bicep_string(sub.name)}",
            "  properties: {",
            f"    status: {bicep_string(sub.status)}",
            "  }",
            "}",
        ]
        for j, rule in enumerate(sub.rules):
            lines += [
                "",
                f"resource {sid}rule{j} '{_TYPE}/topics/subscriptions/rules@{API_VERSION}' = {{",
                f"  parent: {sid}",
                f"  name: {bicep_string(rule.name)}",
                "  properties: {",
                "    filterType: 'SqlFilter'",
                "    sqlFilter: {",
                f"      sqlExpression: {bicep_string(rule.expression)}",
                "    }",
                "  }",
                "}",
            ]
    return "\n".join(lines) + "\n"


def _comment(text: str) -> str:
    return re.sub(r"[\r\n]+", " ", text)


def _arm_name(*parts: str) -> str:
    quoted = ", '/', ".join(
        ["parameters('namespaceName')", "parameters('topicName')", *(_arm_literal(p) for p in parts)]
    )
    return f"[concat({quoted})]"


def _arm_literal(text: str) -> str:
    """A string inside an ARM template expression (quotes doubled); a leading ``[`` is safe there."""
    return "'" + text.replace("'", "''") + "'"


def _arm_id(sub: Subscription) -> str:
    args = ", ".join(["parameters('namespaceName')", "parameters('topicName')", _arm_literal(sub.name)])
    return f"[resourceId('{_TYPE}/topics/subscriptions', {args})]"


def _arm_text(text: str) -> str:
    """A plain string value in an ARM template: one that starts with ``[`` and ends with ``]``
    would be read as an expression, so its first ``[`` is doubled (ARM's escape)."""
    return "[" + text if text.startswith("[") and text.endswith("]") else text


def arm_template(plan: ServiceBusPlan) -> dict[str, Any]:
    """The same resources as :func:`bicep`, as an ARM deployment template."""
    resources: list[dict[str, Any]] = []
    for sub in plan.subscriptions:
        resources.append(
            {
                "type": f"{_TYPE}/topics/subscriptions",
                "apiVersion": API_VERSION,
                "name": _arm_name(sub.name),
                "properties": {"status": sub.status},
            }
        )
        for rule in sub.rules:
            resources.append(
                {
                    "type": f"{_TYPE}/topics/subscriptions/rules",
                    "apiVersion": API_VERSION,
                    "name": _arm_name(sub.name, rule.name),
                    "dependsOn": [_arm_id(sub)],
                    "properties": {
                        "filterType": "SqlFilter",
                        "sqlFilter": {"sqlExpression": _arm_text(rule.expression)},
                    },
                }
            )
    return {
        "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
        "contentVersion": "1.0.0.0",
        "parameters": {
            "namespaceName": {"type": "string", "defaultValue": plan.namespace},
            "topicName": {"type": "string", "defaultValue": plan.topic},
        },
        "resources": resources,
    }


def arm_json(plan: ServiceBusPlan) -> str:
    return json.dumps(arm_template(plan), indent=2, ensure_ascii=False) + "\n"


def _sh(text: str) -> str:
    """A POSIX shell single-quoted word."""
    return "'" + text.replace("'", "'\\''") + "'"


def az_script(plan: ServiceBusPlan) -> str:
    """A bash script creating the subscriptions and rules with the Azure CLI.

    Every new subscription gets a match-all ``$Default`` rule: the script deletes it before
    creating the rules (the first of which is named ``$Default`` again, as in the Bicep file),
    so the subscription never receives everything, only nothing for a moment."""
    lines = [
        "#!/usr/bin/env bash",
        "# Send port subscriptions exported by Portwright; see the report for what did not map.",
        "set -euo pipefail",
        ': "${RESOURCE_GROUP:?set RESOURCE_GROUP to the resource group of the namespace}"',
        f"NAMESPACE={_sh(plan.namespace)}",
        f"TOPIC={_sh(plan.topic)}",
        "",
    ]
    common = '--resource-group "$RESOURCE_GROUP" --namespace-name "$NAMESPACE" --topic-name "$TOPIC"'
    for sub in plan.subscriptions:
        name = _sh(sub.name)
        lines.append(f"az servicebus topic subscription create {common} --name {name} --status {sub.status}")
        lines.append(
            f"az servicebus topic subscription rule delete {common} --subscription-name {name} --name '$Default'"
        )
        for rule in sub.rules:
            lines.append(
                f"az servicebus topic subscription rule create {common} --subscription-name {name} "
                f"--name {_sh(rule.name)} --filter-sql-expression {_sh(rule.expression)}"
            )
        lines.append("")
    return "\n".join(lines)


def report(plan: ServiceBusPlan) -> str:
    """What was exported and what was not, one line each."""
    n_rules = sum(len(s.rules) for s in plan.subscriptions)
    lines = [
        f"topic {plan.topic} in namespace {plan.namespace}: {len(plan.subscriptions)} subscriptions, "
        f"{n_rules} SQL rules (longest {max((len(r.expression) for s in plan.subscriptions for r in s.rules), default=0)}"
        f" of {MAX_EXPRESSION} characters)",
    ]
    for sub in plan.subscriptions:
        via = f"group '{sub.group}' to '{sub.port}'" if sub.group else f"send port '{sub.port}'"
        lines.append(f"  {sub.name}: {via}, {sub.status}, {len(sub.rules)} rule{'s' if len(sub.rules) != 1 else ''}")
    lines.extend(n.line() for n in plan.notes)
    return "\n".join(lines) + "\n"
