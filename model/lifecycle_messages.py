"""Wording of lifecycle refusals: the sentences a user reads in a tooltip, dialog or CLI line.

Kept apart from the rules in `model.lifecycle` so that the wording reads (and can be
reviewed or translated) in one place. Functions take plain strings and return whole
sentences that name the objects involved.
"""

from __future__ import annotations

from collections.abc import Sequence

SELECT_FIRST = "Select a send port or send port group first."

GROUP_ACTION_NOTE = (
    "Enlisting, starting, stopping or unenlisting a send port group does not change the "
    "state of its member send ports: act on the members separately. (Some BizTalk "
    "Administration Console help pages say otherwise; Portwright follows the how-to pages.)"
)

ONLY_STATIC_ONE_WAY = "only static one-way send ports can be members of a send port group"


def and_join(parts: Sequence[str]) -> str:
    """Join as English prose: 'a', 'a and b', 'a, b and c'."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def named(noun: str, names: Sequence[str]) -> str:
    """Name objects with their noun: "send port group 'G'", "send port groups 'G1' and 'G2'"."""
    plural = "s" if len(names) > 1 else ""
    quoted = [f"'{name}'" for name in names]
    return f"{noun}{plural} {and_join(quoted)}"


def refusal(verb: str, what: str, problem: str, fix: str | None = None) -> str:
    """The shape of every refusal: "Cannot <verb> <what>: <problem>. <Fix>."."""
    text = f"Cannot {verb} {what}: {problem}."
    return f"{text} {fix[:1].upper()}{fix[1:]}." if fix else text


def no_such(noun: str, name: str) -> str:
    """Refusal for a name that the view does not hold."""
    return f"No {noun} named '{name}'."


def last_enlisted_member(groups: Sequence[str]) -> tuple[str, str]:
    """Problem and fix when unenlisting a port would leave enlisted groups without members."""
    which = "which is" if len(groups) == 1 else "which are"
    fix = (
        "unenlist the group first, or enlist another of its members"
        if len(groups) == 1
        else "unenlist those groups first, or enlist another of their members"
    )
    where = named("send port group", groups)
    return f"it is the last enlisted member of {where}, {which} still enlisted", fix


def group_cannot_start(has_members: bool) -> tuple[str, str]:
    """Problem and fix when a group would be started without an enlisted member."""
    if not has_members:
        return "it has no members", "add a send port to it first"
    return (
        "none of its members is enlisted",
        "enlist or start at least one member first",
    )


def delete_blockers(
    state_word: str | None, groups: Sequence[str], orchestrations: Sequence[str]
) -> tuple[str, str] | None:
    """Problem and fix listing everything that stands between an object and its deletion."""
    problems: list[str] = []
    fixes: list[str] = []
    if state_word is not None:
        problems.append(f"it is {state_word}")
        fixes.append("unenlist it")
    if groups:
        problems.append(f"it is a member of {named('send port group', groups)}")
        fixes.append(f"remove it from {named('send port group', groups)}")
    if orchestrations:
        problems.append(f"it is bound to {named('orchestration port', orchestrations)}")
        fixes.append(f"unbind {named('orchestration port', orchestrations)}")
    if not problems:
        return None
    return and_join(problems), and_join(fixes) + " first"


def not_member_kind(dynamic: bool, two_way: bool) -> str:
    """Problem for a port that can never be a group member: 'a dynamic solicit-response ...'."""
    words = (["dynamic"] if dynamic else []) + (["solicit-response"] if two_way else [])
    return f"it is a {' '.join(words)} send port, and {ONLY_STATIC_ONE_WAY}"


def missing_reference(group_app: str, port_app: str) -> tuple[str, str]:
    """Problem and fix for a cross-application member without an application reference."""
    return (
        (
            f"the port belongs to application '{port_app}' and the group to application "
            f"'{group_app}', which does not reference '{port_app}'"
        ),
        f"add a reference from application '{group_app}' to application '{port_app}' first",
    )


def application_empty(verb: str, application: str) -> str:
    """Refusal for an application action with nothing to act on."""
    if verb == "start":
        return refusal(
            verb,
            f"application '{application}'",
            "all its send ports and send port groups are already started",
        )
    return refusal(
        verb,
        f"application '{application}'",
        "none of its send ports or send port groups is started",
    )


def application_without_objects(verb: str, application: str) -> str:
    """Refusal for an application that holds no send port or send port group at all."""
    return refusal(verb, f"application '{application}'", "it has no send ports or send port groups")


def not_one_application(verb: str, placements: Sequence[tuple[str, str | None]]) -> str:
    """Refusal when the selection does not name a single application to start or stop."""
    where = [
        f"{what} belongs to application '{app}'" if app else f"{what} belongs to no application"
        for what, app in placements
    ]
    return refusal(
        verb,
        "an application from this selection",
        and_join(where),
        "select send ports or send port groups of a single application",
    )
