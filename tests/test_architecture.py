"""The house's structural rules, checked: the model never needs Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import model

ROOT = Path(__file__).resolve().parents[1]


def _model_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(model.__path__, "model.") if ".migrations" not in m.name)


@pytest.mark.slow
def test_every_model_module_imports_without_pyside6() -> None:
    """Import all of model/ in a fresh interpreter where PySide6 cannot be imported at all."""
    modules = _model_modules()
    assert "model.bindings.binding_document" in modules and "model.store.workspace" in modules
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'designer'):\n"
        "            raise ImportError(f'{name} is blocked in this test')\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "assert not any(k.startswith(('PySide6', 'shiboken6', 'designer')) for k in sys.modules)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


def test_import_contract_forbids_qt_in_model() -> None:
    """import-linter's contract (pyproject.toml) holds."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The model never imports Qt or the designer KEPT" in result.stdout
