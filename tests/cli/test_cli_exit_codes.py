"""One exit code per outcome, so that a script can tell "retry" from "refused": 0 done, 1 refused
by a rule, 2 unusable input or arguments, 3 internal error, 4 conflict (someone else changed the
workspace at the same time; nothing was written). Each outcome is provoked for real through
``portwright`` and its message is one line on stderr."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from support.bindings import STANDARD

from designer.cli import build_parser, main
from designer.cli.common import CONFLICT, INTERNAL, OK, REFUSED, UNUSABLE, exit_code
from model.bindings import BindingFormatError
from model.lifecycle import Action, LifecycleError, Subject, UnknownSubjectError
from model.store import (
    ConflictError,
    DuplicateError,
    InvalidError,
    NotFoundError,
    RuleError,
    SchemaTooNewError,
    Workspace,
    WorkspaceError,
    database,
    unit_of_work,
)
from model.store.errors import TransientError
from model.store.repository import WorkspaceRepository


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    with Workspace(url) as ws:
        ws.import_file(STANDARD)
    return url


def portwright(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str]:
    """Exit code and stderr of ``portwright --workspace URL ARGS...``, run in this process."""
    capsys.readouterr()
    code = main(["--workspace", url, *args])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code == OK or (err.startswith("portwright: ") and len(err.splitlines()) == 1), err
    return code, err


def test_the_codes_are_distinct() -> None:
    assert sorted({OK, REFUSED, UNUSABLE, INTERNAL, CONFLICT}) == [0, 1, 2, 3, 4]


def test_done_is_0(capsys: pytest.CaptureFixture[str], url: str) -> None:
    assert portwright(capsys, url, "enlist", "C") == (OK, "")


def test_refused_by_a_rule_is_1_and_changes_nothing(capsys: pytest.CaptureFixture[str], url: str) -> None:
    code, err = portwright(capsys, url, "delete", "A")  # a member of G1, bound to an orchestration
    assert code == REFUSED and "member of send port group 'G1'" in err
    code, err = portwright(capsys, url, "rename", "A", "B")  # a name already taken
    assert code == REFUSED and "already exists" in err
    with Workspace(url) as ws:
        assert {"A", "B"} <= {e.name for e in ws.entries()}


def test_unusable_input_is_2(capsys: pytest.CaptureFixture[str], url: str, tmp_path: Path) -> None:
    code, err = portwright(capsys, url, "start", "NoSuchPort")
    assert code == UNUSABLE and "NoSuchPort" in err
    code, err = portwright(capsys, url, "import", str(tmp_path / "missing.xml"))
    assert code == UNUSABLE and "missing.xml" in err
    code, err = portwright(capsys, url, "rename", "C", "")  # a name the domain refuses
    assert code == UNUSABLE and "name" in err
    with pytest.raises(SystemExit) as info:  # argparse's own refusal of an unknown option
        main(["--workspace", url, "ls", "--no-such-option"])
    assert info.value.code == UNUSABLE


def test_a_conflict_is_4_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone else's change lands between what ``group add`` planned from and what it writes."""
    real_view = WorkspaceRepository.view
    meanwhile: list[bool] = []

    def view_then_someone_else_acts(rows: WorkspaceRepository):  # type: ignore[no-untyped-def]
        view = real_view(rows)
        if not meanwhile:
            meanwhile.append(True)
            with Workspace(url, user="bob") as bob:
                bob.perform(Action.ENLIST, [Subject.port("C")])
        return view

    monkeypatch.setattr(WorkspaceRepository, "view", view_then_someone_else_acts)
    code, err = portwright(capsys, url, "group", "add", "G2", "C")
    assert code == CONFLICT and "changed by someone else" in err
    monkeypatch.undo()
    with Workspace(url) as ws:
        assert ws.group("G2").model.members == ("B",)


def test_a_deadlock_retried_in_vain_is_4(
    capsys: pytest.CaptureFixture[str], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database ends every try with a deadlock: the store tries again, then the command line
    reports a conflict (it was reported as 2, unusable input)."""

    class Deadlock(Exception):
        sqlstate = "40P01"

    tries: list[int] = []

    def deadlocked_view(rows: WorkspaceRepository):  # type: ignore[no-untyped-def]
        tries.append(1)
        raise OperationalError("UPDATE send_ports ...", {}, Deadlock("deadlock detected"))

    monkeypatch.setattr(unit_of_work, "BACKOFF", 0.0)
    monkeypatch.setattr(WorkspaceRepository, "view", deadlocked_view)
    code, err = portwright(capsys, url, "start", "C")
    assert code == CONFLICT and "deadlock detected" in err and "Try again" in err
    assert len(tries) == unit_of_work.ATTEMPTS


def test_an_internal_error_is_3_with_one_line(
    capsys: pytest.CaptureFixture[str], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.delenv("PORTWRIGHT_DEBUG", raising=False)
    monkeypatch.setattr(Workspace, "entries", broken)
    capsys.readouterr()
    code = main(["--workspace", url, "ls"])
    err = capsys.readouterr().err
    assert code == INTERNAL
    assert err.splitlines() == ["portwright: internal error: RuntimeError: a bug (set PORTWRIGHT_DEBUG=1 for details)"]


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (LifecycleError(Action.START, Subject.port("A"), None, "no"), REFUSED),
        (RuleError("refused"), REFUSED),
        (DuplicateError("taken"), REFUSED),
        (ConflictError("stale"), CONFLICT),
        (TransientError("deadlock"), CONFLICT),
        (UnknownSubjectError(Action.START, Subject.port("X"), None, "none"), UNUSABLE),
        (NotFoundError("port", "X"), UNUSABLE),
        (InvalidError("bad name"), UNUSABLE),
        (SchemaTooNewError("newer"), UNUSABLE),
        (WorkspaceError("cannot open"), UNUSABLE),
        (BindingFormatError("f.xml", 1, 1, "broken"), UNUSABLE),
        (RuntimeError("a bug"), INTERNAL),
    ],
)
def test_each_error_has_its_code(error: BaseException, code: int) -> None:
    assert exit_code(error) == code


def test_help_lists_every_code() -> None:
    text = build_parser().format_help()
    section = text[text.index("exit codes:") :]
    for code, words in (
        (0, "done"),
        (1, "refused by a rule"),
        (2, "unusable input"),
        (3, "internal error"),
        (4, "conflict"),
    ):
        assert any(line.strip().startswith(f"{code}  {words}") for line in section.splitlines()), (code, section)
    assert "running the same command again is safe" in " ".join(section.split())


def test_a_workspace_kept_locked_by_another_client_is_4(
    capsys: pytest.CaptureFixture[str], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another client holds SQLite's write lock for longer than the busy timeout (shortened here
    from 30 s): a conflict ("busy"), not unusable input; nothing was written."""
    real_pragmas = database._sqlite_pragmas

    def short_busy_timeout(dbapi_connection, record):  # type: ignore[no-untyped-def]
        real_pragmas(dbapi_connection, record)
        dbapi_connection.execute("PRAGMA busy_timeout=200")

    monkeypatch.setattr(database, "_sqlite_pragmas", short_busy_timeout)
    holder = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another client holds SQLite's write lock
        code, err = portwright(capsys, url, "enlist", "C")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == CONFLICT and "busy" in err and "Try again" in err, err
    with Workspace(url) as ws:
        assert ws.port("C").state.label == "Unenlisted"
