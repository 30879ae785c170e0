"""``portwright render`` lays the canvas out for the picture's shape: a screen's 16:10 by
default, or the size asked for, never one long strip; the layout stays in the picture."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from support.bindings import generate

from designer.canvas.layout import Node
from designer.document import WorkspaceDocument
from designer.render import OUTPUT_ASPECT, layout_for, picture
from model.bindings import load
from model.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"


@pytest.fixture
def docs(qapp: QApplication) -> Iterator[Callable[[bytes], WorkspaceDocument]]:
    """A fresh document for each picture (one scene is drawn from a document at a time)."""
    opened: list[Workspace] = []

    def make(data: bytes) -> WorkspaceDocument:
        ws = Workspace(":memory:")
        ws.import_document(load(data), None, "x.xml")
        opened.append(ws)
        return WorkspaceDocument(ws)

    yield make
    for ws in opened:
        ws.close()


BIG = generate(240, 24)


def size_of(data: bytes) -> tuple[int, int]:
    """A PNG's or an SVG's size in pixels."""
    if data.startswith(b"\x89PNG"):
        image = QImage.fromData(data)
        assert not image.isNull()
        return image.width(), image.height()
    view = ElementTree.fromstring(data).get("viewBox", "").split()
    return round(float(view[2])), round(float(view[3]))


def shape(data: bytes) -> float:
    width, height = size_of(data)
    return width / height


def miss(ratio: float, aspect: float) -> float:
    return abs(math.log(ratio / aspect))


def test_default_picture_is_screen_shaped(docs: Callable[[bytes], WorkspaceDocument]) -> None:
    # The large one as SVG: far out, a PNG is drawn as the overview, whatever its shape.
    for data, fmt in ((SAMPLE.read_bytes(), "png"), (BIG, "svg")):
        ratio = shape(picture(docs(data), fmt, width=1600))
        assert 1.0 < ratio < 2.6, f"{ratio:.2f}: not a screen's shape"
        assert miss(ratio, OUTPUT_ASPECT) < 0.35


def test_a_size_gives_that_size_and_a_layout_for_it(docs: Callable[[bytes], WorkspaceDocument]) -> None:
    assert size_of(picture(docs(BIG), "svg", width=1600, height=600)) == (1600, 600)
    assert size_of(picture(docs(SAMPLE.read_bytes()), "png", width=800, height=1600)) == (800, 1600)
    nodes = [Node(e.kind, e.name, e.application, e.members) for e in docs(BIG).entries()]

    def extent(aspect: float) -> float:
        positions = layout_for(nodes, aspect)
        xs = [x for x, _ in positions.values()]
        ys = [y for _, y in positions.values()]
        return (max(xs) - min(xs) + 260) / (max(ys) - min(ys) + 92)

    shapes = [extent(a) for a in (0.5, OUTPUT_ASPECT, 8 / 3)]
    assert shapes[0] < 1 < shapes[1] < shapes[2], f"the layout does not follow the shape asked: {shapes}"
    for aspect, got in zip((0.5, OUTPUT_ASPECT, 8 / 3), shapes, strict=True):
        assert miss(got, aspect) < 0.45, f"asked {aspect:.2f}, got {got:.2f}"


def test_rendering_a_size_writes_nothing(docs: Callable[[bytes], WorkspaceDocument]) -> None:
    sample = docs(SAMPLE.read_bytes())
    before = [(e.name, e.x, e.y, e.version) for e in sample.workspace.entries()]
    picture(sample, "svg", width=1280, height=800)
    assert [(e.name, e.x, e.y, e.version) for e in sample.workspace.entries()] == before


def test_a_drawing_of_another_shape_is_centred_and_its_names_sit_on_it(
    docs: Callable[[bytes], WorkspaceDocument],
) -> None:
    ns = "{http://www.w3.org/2000/svg}"
    root = ElementTree.fromstring(picture(docs(SAMPLE.read_bytes()), "svg", width=3000, height=800))
    boxes = [g.find(f"{ns}rect") for g in root.iter(f"{ns}g") if g.find(f"{ns}title") is not None]
    lefts = [float(b.get("x", "0")) for b in boxes if b is not None]
    rights = [float(b.get("x", "0")) + float(b.get("width", "0")) for b in boxes if b is not None]
    assert lefts and min(lefts) > 300, "the drawing is not centred (the sample is narrower than 3000x800)"
    assert abs(min(lefts) - (3000 - max(rights))) < 120, "the drawing is not centred"
    # the drawing itself starts where the name boxes say (the frames a little before them)
    image = QImage.fromData(picture(docs(SAMPLE.read_bytes()), "png", width=3000, height=800))
    background = image.pixelColor(0, 0)
    first = next(x for x in range(image.width()) if any(image.pixelColor(x, y) != background for y in range(0, 800, 4)))
    assert abs(first - min(lefts)) < 80, f"drawn from x={first}, names from x={min(lefts):.0f}"
