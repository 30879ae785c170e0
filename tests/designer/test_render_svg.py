"""designer.render: the SVG picture is vector (shapes and text), with every name in it."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import QApplication

from designer.document import WorkspaceDocument
from designer.render import picture
from model.lifecycle import Kind
from model.store import Workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "contoso-orders.xml"
NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def sample_doc(qapp: QApplication, tmp_path: Path) -> WorkspaceDocument:
    ws = Workspace(tmp_path / "sample.sqlite")
    ws.import_file(SAMPLE)
    yield WorkspaceDocument(ws)
    ws.close()


def test_svg_is_shapes_and_text_with_every_name(sample_doc: WorkspaceDocument) -> None:
    root = ElementTree.fromstring(picture(sample_doc, "svg"))
    assert root.tag == f"{NS}svg"
    assert list(root.iter(f"{NS}image")) == [], "nodes are drawn, not pasted in as bitmaps"
    assert len(list(root.iter(f"{NS}path"))) > 0
    drawn = [(t.text or "").strip() for t in root.iter(f"{NS}text")]
    titles = [(t.text or "").strip() for t in root.iter(f"{NS}title")]
    entries = sample_doc.entries()
    ports = [e.name for e in entries if e.kind is Kind.PORT]
    assert len(ports) > 3
    for e in entries:
        assert e.name in titles, f"{e.name}: full name in a <title>"
        # The drawn label keeps the name's end (the part that tells nodes apart).
        tail = e.name.rsplit(".", 1)[-1]
        assert any(text and (text == e.name or e.name.endswith(text.lstrip("…"))) and tail in text for text in drawn), (
            f"{e.name}: its label is drawn as text"
        )


def test_svg_name_boxes_sit_inside_the_picture(sample_doc: WorkspaceDocument) -> None:
    root = ElementTree.fromstring(picture(sample_doc, "svg", width=1200))
    view = [float(v) for v in root.get("viewBox", "").split()]
    boxes = [g.find(f"{NS}rect") for g in root.iter(f"{NS}g") if g.find(f"{NS}title") is not None]
    assert len(boxes) == len(sample_doc.entries()) and view[2] > 0 and view[3] > 0
    for rect in boxes:
        assert rect is not None
        x, y = float(rect.get("x", "-1")), float(rect.get("y", "-1"))
        assert 0 <= x <= view[2] and 0 <= y <= view[3]


def test_png_is_still_a_png(sample_doc: WorkspaceDocument) -> None:
    assert picture(sample_doc, "png", width=600).startswith(b"\x89PNG")
