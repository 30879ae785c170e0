"""``diff`` of elements with many attributes: right, and in one pass (the benchmark times it)."""

from __future__ import annotations

from benchmarks.generate.wide import stress_file, wide_attributes
from model.bindings.compare import compare_files
from model.bindings.safe import attribute_items

N = 20_000


def test_diff_of_two_wide_elements_names_each_difference() -> None:
    old = wide_attributes(N)
    new = wide_attributes(N, {7: "seven", N // 2: "half", N - 1: "last"})
    del new["a100"]
    new["extra"] = "added"
    report = compare_files(stress_file(old), stress_file(new))
    assert list(report.changed) == [("port", "Wide")]
    assert sorted(d.label for d in report.changed[("port", "Wide")]) == sorted(
        ["a7", f"a{N // 2}", f"a{N - 1}", "a100", "extra"]
    )
    messages = {d.label: d.message for d in report.changed[("port", "Wide")]}
    assert messages["a7"] == "'v7' → 'seven'"
    assert messages["a100"] == "'v100' → None"
    assert messages["extra"] == "None → 'added'"
    assert report.count == 5


def test_two_equal_wide_elements_are_equal() -> None:
    data = stress_file(wide_attributes(N))
    assert compare_files(data, data).equal


def test_attribute_items_keeps_order_and_namespaces() -> None:
    from lxml import etree

    el = etree.fromstring(b'<x xmlns:q="urn:q" b="2" q:z="1" a="3"/>')
    assert attribute_items(el) == [("b", "2"), ("{urn:q}z", "1"), ("a", "3")]
