"""Secrets in an environment's binding file: never blank by accident.

BizTalk's export (and Portwright's) writes a password as a null VARIANT, ``<Password vt="1" />``:
imported as it is, the port has no password. In an environment's binding file each such
blanked secret becomes a named placeholder of the string type, ``<Password vt="8">${Port.Password}
</Password>``, at the same depth of escaping, and is then filled like any setting: from a
secrets file or the ``PORTWRIGHT_SETTING_<NAME>`` environment variable. One without a value
refuses the export, naming it; an empty value given on purpose is written as given.
"""

from __future__ import annotations

import re

from model.secrets import is_secret_setting

_BLANKED = re.compile(
    r"(?P<lt><|&(?:amp;)*lt;)(?P<name>[A-Za-z_][\w.\-]*)(?P<attrs>\s[^<>&/]*?)"
    r"vt=(?P<q>\"|'|&(?:amp;)*quot;)1(?P=q)\s*/(?P<gt>>|&(?:amp;)*gt;)"
)
_OWNER = re.compile(r"<(SendPort|ReceiveLocation|SendPortGroup)\s[^>]*?\bName=\"([^\"]*)\"")


def needed(text: str) -> list[str]:
    """The placeholder names :func:`with_placeholders` would write, in file order."""
    return with_placeholders(text)[1]


def with_placeholders(text: str) -> tuple[str, list[str]]:
    """``text`` with every blanked secret setting replaced by a named placeholder, and the names."""
    owners = [(m.start(), m.group(2)) for m in _OWNER.finditer(text)]
    names: list[str] = []
    out: list[str] = []
    pos = 0
    owner_index = -1
    for m in _BLANKED.finditer(text):
        if not is_secret_setting(m.group("name")):
            continue
        while owner_index + 1 < len(owners) and owners[owner_index + 1][0] < m.start():
            owner_index += 1
        owner = owners[owner_index][1] if owner_index >= 0 else "Binding"
        name = f"{owner}.{m.group('name')}"
        if name in names:
            name = f"{name}{sum(1 for n in names if n.startswith(name)) + 1}"
        names.append(name)
        lt, gt, q = m.group("lt"), m.group("gt"), m.group("q")
        attrs = m.group("attrs")
        out += [
            text[pos : m.start()],
            f"{lt}{m.group('name')}{attrs}vt={q}8{q}{gt}${{{name}}}{lt}/{m.group('name')}{gt}",
        ]
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), names
