"""Where Portwright's resource files (icons, samples, translations) are on this machine."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

__all__ = ["resources_dir"]


@cache
def resources_dir() -> Path:
    """The ``resources`` folder: next to ``designer/`` in a checkout or an installed wheel."""
    beside = Path(__file__).resolve().parent.parent / "resources"
    if (beside / "icons").is_dir():
        return beside
    # Installed some other way (e.g. designer and resources in different site folders).
    spec = importlib.util.find_spec("resources")
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location)
        if (path / "icons").is_dir():
            return path
    raise FileNotFoundError("Portwright's resources folder (icons, samples) is missing; reinstall Portwright")
