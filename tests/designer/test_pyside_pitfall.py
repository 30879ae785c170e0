"""PySide6 6.12.0 on CPython < 3.12 drops a reference to None on every call of a method that
returns nothing; after a few thousand calls the interpreter aborts ("none_dealloc"). The
project pins PySide6 below 6.12 there; this test makes enough such calls, in a child
process, to catch an upgrade that brings the bug back."""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 200_000

CHILD = f"""
import sys
from PySide6.QtWidgets import QApplication, QGraphicsRectItem, QGraphicsItem, QLabel
app = QApplication([])
item = QGraphicsRectItem(0, 0, 10, 10)
label = QLabel()
before = sys.getrefcount(None)
for i in range({CALLS} // 4):
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, bool(i & 1))
    item.setZValue(float(i))
    label.setText("x")
    label.setObjectName("y")
after = sys.getrefcount(None)
print(before, after)
"""


def test_many_void_calls_do_not_leak_none() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, f"interpreter died (exit {result.returncode}): {result.stderr[-500:]}"
    before, after = map(int, result.stdout.split())
    # A leaking binding loses one reference per call: CALLS of them.
    assert after - before > -1000, f"None lost {before - after} references over {CALLS} calls"
