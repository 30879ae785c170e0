"""One design from per-environment binding files: what varies becomes settings, and filling the
master for each environment gives each file back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from model import bindings
from model.environments.derive import derive
from model.environments.preprocess import fill

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "bindings"
FIXTURE = ROOT / "tests" / "fixtures" / "02_solicit_response_and_adapters.xml"


def _variants(text: str) -> dict[str, str]:
    """Dev, Test and Prod copies of ``text`` with its first address, its first retry count and
    (when there is one) an adapter setting inside escaped TransportTypeData changed."""
    address = re.search(r"<Address>([^<]+)</Address>", text)
    assert address is not None
    out = {}
    for n, env in enumerate(("Dev", "Test", "Prod")):
        v = text.replace(address.group(), f"<Address>{address.group(1)}.{env.lower()}&amp;x</Address>", 1)
        v = re.sub(r"<RetryCount>\d+</RetryCount>", f"<RetryCount>{n + 3}</RetryCount>", v, count=1)
        v = re.sub(
            r'(&lt;FileName vt=(?:"|&quot;)8(?:"|&quot;)&gt;)[^&]*',
            rf"\g<1>{env}&amp;amp;%datetime_bts2000%",
            v,
            count=1,
        )
        out[env] = v
    return out


def _check(text: str) -> None:
    variants = _variants(text)
    derived = derive(list(variants.values()), list(variants))
    assert derived.unmatched == []
    assert derived.table.settings, "the varied values became settings"
    assert "${" in derived.master
    for env, expected in variants.items():
        assert fill(derived.master, derived.table.resolved(env)) == expected, env
    bindings.load(derived.master.encode())  # the master is a usable design


def test_fixture_variants_are_recovered() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    _check(text)
    derived = derive(list(_variants(text).values()), ["Dev", "Test", "Prod"])
    retry = [s for s in derived.table.settings if s.name.endswith("RetryCount")]
    assert retry and retry[0].values == {"Dev": "3", "Test": "4", "Prod": "5"}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not on this machine")
def test_a_setting_inside_escaped_adapter_settings_is_recovered() -> None:
    text = next(CORPUS.glob("06_*")).read_text(encoding="utf-8-sig")
    variants = _variants(text)
    derived = derive(list(variants.values()), list(variants))
    names = [s for s in derived.table.settings if s.name.endswith(".FileName")]
    assert names and names[0].values["Prod"] == "Prod&%datetime_bts2000%"  # unescaped twice


def test_values_that_vary_alike_share_one_setting() -> None:
    base = (
        '<BindingInfo><SendPortCollection><SendPort Name="A"><Address>X</Address></SendPort>'
        '<SendPort Name="B"><Address>X</Address></SendPort></SendPortCollection></BindingInfo>'
    )
    dev, prod = base, base.replace(">X<", ">Y<")
    derived = derive([dev, prod], ["Dev", "Prod"])
    assert [s.name for s in derived.table.settings] == ["A.Address"]
    assert derived.master.count("${A.Address}") == 2


def test_structural_differences_are_named_not_guessed() -> None:
    dev = '<BindingInfo><SendPortCollection><SendPort Name="A"/><SendPort Name="B"/></SendPortCollection></BindingInfo>'
    prod = '<BindingInfo><SendPortCollection><SendPort Name="A"/></SendPortCollection></BindingInfo>'
    derived = derive([dev, prod], ["Dev", "Prod"])
    assert derived.unmatched == ["/BindingInfo#0/SendPortCollection#0/SendPort[B]: in Dev but not in Prod"]


def test_time_stamps_are_not_settings() -> None:
    a = "<BindingInfo><Timestamp>2020-01-01</Timestamp></BindingInfo>"
    b = "<BindingInfo><Timestamp>2021-01-01</Timestamp></BindingInfo>"
    assert derive([a, b], ["Dev", "Prod"]).table.settings == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not on this machine")
@pytest.mark.parametrize("number", ["02", "06", "09", "14", "19"])
def test_corpus_variants_are_recovered(number: str) -> None:
    path = next(CORPUS.glob(f"{number}_*"))
    _check(path.read_text(encoding="utf-8-sig"))
