"""A typed marker for strings translated later, where they are shown.

``PySide6.QtCore.QT_TRANSLATE_NOOP`` returns its text but is typed as returning ``object``;
this twin has the same name (``pyside6-lupdate`` reads calls by name, so it extracts these
too) and says it returns ``str``. Mark a literal with it where it is written, translate it
with ``QCoreApplication.translate(context, text)`` where it is displayed.
"""

from __future__ import annotations

__all__ = ["QT_TRANSLATE_NOOP"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text``, unchanged: ``pyside6-lupdate`` lists it under ``context`` for translation."""
    del context
    return text
