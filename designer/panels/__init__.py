"""Dock contents: the explorer, the problems list and the properties summary."""

from designer.panels.explorer import ExplorerPanel
from designer.panels.problems import ProblemsPanel
from designer.panels.properties import PropertiesPanel

__all__ = ["ExplorerPanel", "ProblemsPanel", "PropertiesPanel"]
