"""model.bindings.compare: a port or group that comes back under a new name with the same content
is a rename, not an add and a remove; a renamed port that also changed stays an add and a remove."""

from __future__ import annotations

from support.bindings import binding_file, group, port

from model.bindings.compare import compare_files

PORTS = [
    port("A", address="C:\\Out\\a.xml"),
    port("B", address="ftp://partner.example/in"),
    port("C", address="C:\\Out\\c.xml"),
]  # addresses given: by default they follow the name
GROUPS = [group("G", ["A"]), group("H", ["C"])]
BASE = binding_file(ports=PORTS, groups=GROUPS)


def renamed_port(name: str, new: str, **changes: object) -> list:
    return [port(new, address=p.address, **changes) if p.name == name else p for p in PORTS]  # type: ignore[arg-type]


def test_renamed_port_is_one_rename() -> None:
    after = binding_file(ports=renamed_port("B", "B2"), groups=GROUPS)
    report = compare_files(BASE, after)
    assert not report.equal
    assert report.renamed == [("port", "B", "B2")]
    assert report.lines() == ["renamed send port 'B' -> 'B2'"]
    assert report.count == 1
    assert report.reordered == [] and report.changed == {}
    # the names are still there for whoever needs what a name-keyed import creates and leaves
    assert report.added == [("port", "B2")] and report.removed == [("port", "B")]


def test_renamed_group_is_one_rename() -> None:
    after = binding_file(ports=PORTS, groups=[group("G", ["A"]), group("Hx", ["C"])])
    report = compare_files(BASE, after)
    assert report.lines() == ["renamed send port group 'H' -> 'Hx'"]


def test_renamed_member_also_changes_the_groups_that_list_it() -> None:
    after = binding_file(ports=renamed_port("A", "A2"), groups=[group("G", ["A2"]), group("H", ["C"])])
    report = compare_files(BASE, after)
    assert report.lines() == [
        "renamed send port 'A' -> 'A2'",
        "changed send port group 'G':",
        "  Send ports › Member A › Name: 'A' → 'A2'",
    ]
    assert report.count == 2


def test_renamed_and_changed_port_stays_an_add_and_a_remove() -> None:
    after = binding_file(ports=renamed_port("B", "B2", description="now described"), groups=GROUPS)
    report = compare_files(BASE, after)
    assert report.renamed == []
    assert report.lines() == ["added send port 'B2'", "removed send port 'B'"]
    assert report.count == 2


def test_a_rename_in_place_is_not_a_reorder_but_a_moved_one_is() -> None:
    in_place = compare_files(BASE, binding_file(ports=renamed_port("A", "A2"), groups=GROUPS))
    assert in_place.reordered == []
    moved = [PORTS[1], PORTS[2], port("A2", address=PORTS[0].address)]
    elsewhere = compare_files(BASE, binding_file(ports=moved, groups=GROUPS))
    assert elsewhere.renamed == [("port", "A", "A2")]
    assert elsewhere.reordered == ["SendPortCollection"]


def test_two_same_content_ports_renamed_pair_in_file_order() -> None:
    before = binding_file(ports=[port("X", address="C:\\same"), port("Y", address="C:\\same")])
    after = binding_file(ports=[port("X2", address="C:\\same"), port("Y2", address="C:\\same")])
    assert compare_files(before, after).renamed == [("port", "X", "X2"), ("port", "Y", "Y2")]


def test_swapped_names_are_changes_not_renames() -> None:
    before = binding_file(ports=[port("X", address="C:\\one"), port("Y", address="C:\\two")])
    after = binding_file(ports=[port("X", address="C:\\two"), port("Y", address="C:\\one")])
    report = compare_files(before, after)
    assert report.renamed == [] and set(report.changed) == {("port", "X"), ("port", "Y")}
