"""What ``-o OUT`` does to what is already at OUT: a regular file or a new path is replaced
atomically; a symlink is followed (its target replaced, the link kept); a FIFO or a device
is written in place, as a stream, and stays what it was."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES
from support.bindings import STANDARD
from support.cli import Result, run_in_process, run_process

from model.fileio import write_atomic

SOURCE = FIXTURES / "01_messaging.xml"
DATA = SOURCE.read_bytes()


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    return lambda *args: run_in_process(capsys, *args)


@pytest.fixture
def workspace(tmp_path: Path, cli: Callable[..., Result]) -> str:
    """A workspace holding the standard test binding file, for ``export``."""
    url = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    source = tmp_path / "standard.xml"
    source.write_bytes(STANDARD)
    assert cli("--workspace", url, "import", source).code == 0
    return url


# -- symlinks ---------------------------------------------------------------------------------------


def test_convert_through_a_symlink_replaces_its_target_and_keeps_the_link(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    target = tmp_path / "real" / "bindings.xml"
    target.parent.mkdir()
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / "link.xml"
    link.symlink_to(Path("real") / "bindings.xml")  # relative, as people make them
    run = cli("convert", SOURCE, "-o", link)
    assert run.code == 0, run.err
    assert link.is_symlink() and os.readlink(link) == os.path.join("real", "bindings.xml")
    assert target.read_bytes() == DATA
    assert stat.S_IMODE(target.stat().st_mode) == 0o640, "the target keeps its mode"
    assert sorted(p.name for p in target.parent.iterdir()) == ["bindings.xml"], "no temporary file left"


def test_export_through_a_chain_of_symlinks(cli: Callable[..., Result], workspace: str, tmp_path: Path) -> None:
    target = tmp_path / "target.xml"
    target.write_bytes(b"old")
    (tmp_path / "second").symlink_to(target)
    (tmp_path / "first").symlink_to(tmp_path / "second")
    run = cli("--workspace", workspace, "export", "-o", tmp_path / "first")
    assert run.code == 0, run.err
    assert (tmp_path / "first").is_symlink() and (tmp_path / "second").is_symlink()
    assert target.read_bytes() == STANDARD


def test_dangling_symlink_creates_the_file_it_points_to(cli: Callable[..., Result], tmp_path: Path) -> None:
    link = tmp_path / "link.xml"
    link.symlink_to(tmp_path / "not-yet.xml")
    run = cli("convert", SOURCE, "-o", link)
    assert run.code == 0, run.err
    assert link.is_symlink()
    assert (tmp_path / "not-yet.xml").read_bytes() == DATA


def test_dangling_symlink_into_a_missing_folder_is_one_clear_line(cli: Callable[..., Result], tmp_path: Path) -> None:
    link = tmp_path / "link.xml"
    link.symlink_to(tmp_path / "gone" / "x.xml")
    run = cli("convert", SOURCE, "-o", link)
    assert run.code == 2
    assert run.err_lines == [
        f"portwright: {link}: links to {tmp_path / 'gone' / 'x.xml'}, whose folder {tmp_path / 'gone'} does not exist"
    ]
    assert link.is_symlink() and not (tmp_path / "gone").exists()


def test_symlink_to_a_folder_is_refused(cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "folder")
    run = cli("convert", SOURCE, "-o", tmp_path / "link")
    assert run.code == 2 and run.err_lines == [f"portwright: {tmp_path / 'link'}: is a directory; give a file name"]
    assert list((tmp_path / "folder").iterdir()) == []


# -- FIFOs and devices: written in place ------------------------------------------------------------


def test_convert_into_a_fifo_streams_to_its_reader(cli: Callable[..., Result], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def reader() -> None:
        with open(fifo, "rb") as f:
            received.append(f.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    run = cli("convert", SOURCE, "-o", fifo)
    thread.join(timeout=30)
    assert run.code == 0, run.err
    assert not thread.is_alive() and received == [DATA]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "still a FIFO"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def _private_null(tmp_path: Path) -> Path:
    """A character device node like /dev/null, in the test's own folder (needs root)."""
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("creating a device node needs root")
    return node


def test_convert_into_a_character_device_writes_in_place(cli: Callable[..., Result], tmp_path: Path) -> None:
    node = _private_null(tmp_path)
    run = cli("convert", SOURCE, "-o", node)
    assert run.code == 0, run.err
    assert stat.S_ISCHR(os.lstat(node).st_mode), "still a character device"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


@pytest.mark.parametrize("command", ["convert", "export"])
def test_dev_null_stays_a_character_device(cli: Callable[..., Result], workspace: str, command: str) -> None:
    args = ["convert", SOURCE] if command == "convert" else ["--workspace", workspace, "export"]
    run = cli(*args, "-o", "/dev/null")
    assert run.code == 0, run.err
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert sorted(p for p in os.listdir("/dev") if p.startswith(".null.")) == [], "no temporary file in /dev"


@pytest.mark.slow
def test_dev_stdout_is_the_standard_output(tmp_path: Path) -> None:
    """/dev/stdout is a link through /proc to this process's descriptor: written, never replaced."""
    piped = run_process(tmp_path, "convert", SOURCE, "-o", "/dev/stdout")
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout == DATA
    out = tmp_path / "redirected.xml"
    with open(out, "wb") as f:
        to_file = run_process(tmp_path, "convert", SOURCE, "-o", "/dev/stdout", stdout=f)
    assert to_file.returncode == 0, to_file.stderr
    assert out.read_bytes() == DATA
    assert os.path.islink("/dev/stdout")


# -- the function itself ----------------------------------------------------------------------------


def test_write_atomic_keeps_the_mode_of_a_regular_file(tmp_path: Path) -> None:
    target = tmp_path / "f.xml"
    target.write_bytes(b"old")
    os.chmod(target, 0o600)
    inode = target.stat().st_ino
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.stat().st_ino != inode, "replaced (a new file renamed over it), not rewritten"


def test_write_atomic_creates_a_new_file_readable_by_others(tmp_path: Path) -> None:
    write_atomic(tmp_path / "new.xml", b"data")
    assert (tmp_path / "new.xml").read_bytes() == b"data"
    assert stat.S_IMODE((tmp_path / "new.xml").stat().st_mode) == 0o644
