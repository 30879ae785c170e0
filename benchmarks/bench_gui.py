"""Designer window: time to first painted canvas, and repaint times while panning and zooming.

For N ports (1,000 and 5,000 by default) a generated binding file is imported into a fresh
SQLite workspace; then, in one process and one run:

* baseline: ``model.bindings.load`` of the same file (best of 3);
* first paint: from creating the main window on the workspace to the end of the canvas's
  first paint (the window shown, the canvas fitted), after Qt's one-time start-up in the
  process (font database, style: see ``warm_up``) is done, as imports are for the load;
  best of 3 windows opened one after the other, as the load is best of 3;
* repaints: the canvas viewport repainted synchronously after each of many pan and zoom
  steps, at whole-canvas, mid and close zoom levels; the median and the 90th percentile.

Targets printed beside the figures: first paint within 2x of the load; median repaint under
16 ms. Figures only, never asserted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui.py [--sizes 1000,5000]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import generate  # noqa: E402
from PySide6.QtCore import QEvent, QObject, QSettings  # noqa: E402

from designer import style  # noqa: E402
from designer.app import application  # noqa: E402
from model.bindings import load  # noqa: E402
from model.store import Workspace  # noqa: E402


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: float | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.painted_at is None:
            obj.removeEventFilter(self)
            result = obj.event(event)  # paint now, then note the time
            self.painted_at = time.perf_counter()
            return result
        return False


def best(func, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        func()
        times.append(time.perf_counter() - t)
    return min(times)


def warm_up(app) -> None:  # type: ignore[no-untyped-def]
    """Qt's one-time start-up work (font database, style, first window and text): paid once per
    process whatever it shows, like importing modules before a load is timed."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    w = QMainWindow()
    w.setCentralWidget(QLabel("Portwright"))
    w.show()
    for _ in range(5):
        app.processEvents()
    w.close()
    w.deleteLater()
    app.processEvents()


def measure(ports: int, tmp: Path) -> dict[str, float]:
    from designer.mainwindow import MainWindow

    app = application()
    style.apply_theme(app, "light")
    data = generate(ports, max(1, ports // 10))
    load_time = best(lambda: load(data))
    db = tmp / f"bench_{ports}.sqlite"
    with Workspace(db) as ws:
        ws.import_file(data)
    gc.collect()

    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)

    def open_window() -> tuple[float, MainWindow]:
        watch = PaintWatch()
        gc.collect()
        t0 = time.perf_counter()
        window = MainWindow(Workspace(db), settings, restore=False)
        window.resize(1400, 880)
        window.view.viewport().installEventFilter(watch)
        window.show()
        window.view.fit()
        while watch.painted_at is None and time.perf_counter() - t0 < 120:
            app.processEvents()
        return (watch.painted_at or time.perf_counter()) - t0, window

    # Best of 3, like the load it is compared with; the repaints are timed on the last window.
    first_paint, window = open_window()
    for _ in range(2):
        window.close()  # closes its workspace too
        window.deleteLater()
        app.processEvents()
        t, window = open_window()
        first_paint = min(first_paint, t)

    view = window.view
    samples: dict[str, list[float]] = {}
    for label, zoom in (("whole canvas", None), ("mid zoom 0.45", 0.45), ("close zoom 1.0", 1.0)):
        if zoom is None:
            view.fit()
        else:
            view.set_zoom(zoom)
        app.processEvents()
        times = []
        for i in range(40):  # pans
            bar = view.horizontalScrollBar() if i % 2 else view.verticalScrollBar()
            bar.setValue(bar.value() + (37 if (i // 2) % 2 else -37))
            t = time.perf_counter()
            view.viewport().repaint()
            times.append(time.perf_counter() - t)
        for i in range(20):  # zoom steps around the level
            view.set_zoom(view.zoom() * (1.08 if i % 2 else 1 / 1.08))
            t = time.perf_counter()
            view.viewport().repaint()
            times.append(time.perf_counter() - t)
        samples[label] = times
    window.close()
    window.deleteLater()
    app.processEvents()
    all_times = [t for ts in samples.values() for t in ts]
    out = {"ports": ports, "load": load_time, "first_paint": first_paint,
           "median": statistics.median(all_times), "p90": statistics.quantiles(all_times, n=10)[-1]}
    for label, ts in samples.items():
        out[f"median {label}"] = statistics.median(ts)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    warm_up(application())
    results = []
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        for n in sizes:
            results.append(measure(n, Path(tmp)))
    print(f"{'ports':>6} {'load':>8} {'first paint':>12} {'ratio':>6} {'median repaint':>15} {'p90':>8}")
    for r in results:
        print(f"{r['ports']:>6} {r['load'] * 1000:>7.0f}ms {r['first_paint'] * 1000:>10.0f}ms "
              f"{r['first_paint'] / r['load']:>5.2f}x {r['median'] * 1000:>13.1f}ms {r['p90'] * 1000:>6.1f}ms")
        for key in sorted(k for k in r if k.startswith("median ")):
            print(f"{'':>6}   {key}: {r[key] * 1000:.1f} ms")
    print("\ntargets:")
    for r in results:
        ok_paint = r["first_paint"] <= 2 * r["load"]
        ok_repaint = r["median"] < 0.016
        print(f"  {r['ports']} ports: first paint within 2x of load: {'PASS' if ok_paint else 'MISS'} "
              f"({r['first_paint'] / r['load']:.2f}x); median repaint under 16 ms: "
              f"{'PASS' if ok_repaint else 'MISS'} ({r['median'] * 1000:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
