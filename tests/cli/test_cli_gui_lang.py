"""``portwright gui --lang fr``: the window's language for one run, as ``PORTWRIGHT_LANG`` gives it."""

from __future__ import annotations

import os

import pytest

from designer.cli import main


def test_lang_reaches_the_language_choice(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    seen: list[str | None] = []

    def run(*_args: object, **_kw: object) -> int:
        from designer.language import ENV_VAR

        seen.append(os.environ.get(ENV_VAR))
        return 0

    monkeypatch.setenv("PORTWRIGHT_LANG", "en")  # restored after the test, whatever gui --lang sets
    monkeypatch.setattr("designer.app.run", run)
    assert (
        main(
            ["--workspace", str(tmp_path / "w.sqlite"), "gui", "--lang", "fr", "--screenshot", str(tmp_path / "x.png")]
        )
        == 0
    )
    assert seen == ["fr"]

    with pytest.raises(SystemExit):
        main(["gui", "--lang", "de"])
