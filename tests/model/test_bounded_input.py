"""The input size limit counts the bytes read, not the size a file claims (0 for devices and pipes)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from benchmarks.generate import binding_file, port
from model.bindings import BindingFormatError, load, safe

LIMIT = 64 * 1024


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(safe, "MAX_INPUT_BYTES", LIMIT)
    return LIMIT


def test_dev_zero_is_refused_at_the_limit(small_limit: int) -> None:
    with pytest.raises(BindingFormatError) as caught:
        load("/dev/zero")
    assert str(caught.value) == f"/dev/zero:1:1: input is larger than the {small_limit:,}-byte limit"


def test_a_pipe_larger_than_the_limit_is_refused(small_limit: int, tmp_path: Path) -> None:
    fifo = tmp_path / "in.xml"
    os.mkfifo(fifo)
    written: list[int] = []

    def feed() -> None:
        try:
            with fifo.open("wb", buffering=0) as f:
                for _ in range(small_limit // 1024 * 4):  # four times the limit, if it is all read
                    f.write(b" " * 1024)
                    written.append(1024)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    with pytest.raises(BindingFormatError, match=r"in\.xml:1:1: input is larger than the 65,536-byte limit"):
        load(fifo)
    writer.join(timeout=10)
    assert not writer.is_alive()
    assert sum(written) < small_limit * 4  # reading stopped: the writer saw the pipe close


def test_a_pipe_within_the_limit_is_read(tmp_path: Path) -> None:
    data = binding_file(ports=[port("Out")])
    fifo = tmp_path / "in.xml"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as f:
            f.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    doc = load(fifo)
    writer.join(timeout=10)
    assert [p.name for p in doc.send_ports] == ["Out"]


def test_a_regular_file_over_the_limit_is_refused_by_its_size(small_limit: int, tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b" " * (small_limit + 1))
    with pytest.raises(BindingFormatError, match=r"big\.xml:1:1: file is 65,537 bytes; larger than the 65,536-byte"):
        load(big)


def test_a_file_exactly_at_the_limit_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = binding_file(ports=[port("Out")])
    monkeypatch.setattr(safe, "MAX_INPUT_BYTES", len(data))
    path = tmp_path / "exact.xml"
    path.write_bytes(data)
    assert safe.read_source(path) == (data, str(path))
