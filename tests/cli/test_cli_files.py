"""The file commands of ``portwright``: convert, validate, diff; exit codes, message formats, and
agreement of ``diff`` with the reference comparison tool (``bindcmp``) on mutated real files."""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BINDCMP, CORPUS, FIXTURES, corpus_files, fixture_files

from designer.cli import main
from model.bindings import dump, load

FIXTURE_PARAMS = [pytest.param(f, id=f.name) for f in fixture_files()]
CORPUS_PARAMS = [pytest.param(f, id=f.name[:40]) for f in corpus_files()]
EVERY_FILE = FIXTURE_PARAMS + CORPUS_PARAMS
PROBLEM_LINE = re.compile(
    r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info): (?P<message>.+)$"
)


class Run:
    """Result of one ``portwright`` invocation in-process."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    @property
    def out_lines(self) -> list[str]:
        return self.out.splitlines()

    @property
    def err_lines(self) -> list[str]:
        return self.err.splitlines()


@pytest.fixture
def portwright(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*args: str | Path) -> Run:
        capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        assert "internal error" not in err, err
        return Run(code, out, err)

    return run


def copy(src: Path, dst: Path) -> Path:
    dst.write_bytes(src.read_bytes())
    return dst


# ---------------------------------------------------------------------------------------------
# convert


@pytest.mark.parametrize("path", EVERY_FILE)
def test_convert_writes_the_file_back_byte_for_byte(portwright: Callable[..., Run], tmp_path: Path, path: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "converted.xml"
    run = portwright("convert", path, "-o", target)
    assert run.code == 0 and run.err == ""
    assert target.read_bytes() == path.read_bytes()
    assert sorted(p.name for p in out_dir.iterdir()) == ["converted.xml"]  # no temporary file left


def test_convert_to_standard_output(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    path = FIXTURES / "08_utf16le_bom.xml"
    assert main(["convert", str(path), "-o", "-"]) == 0
    out, err = capsysbinary.readouterr()
    assert out == path.read_bytes() and err == b""


def test_convert_replaces_an_existing_file_atomically(portwright: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "existing.xml"
    target.write_bytes(b"old content")
    os.chmod(target, 0o640)
    run = portwright("convert", FIXTURES / "01_messaging.xml", "-o", target)
    assert run.code == 0
    assert target.read_bytes() == (FIXTURES / "01_messaging.xml").read_bytes()
    assert target.stat().st_mode & 0o777 == 0o640  # permissions kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.xml"]


def test_convert_that_fails_to_write_leaves_no_temporary_file(
    portwright: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import model.fileio

    target = tmp_path / "existing.xml"
    target.write_bytes(b"old content")

    def fail(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(model.fileio.os, "replace", fail)
    run = portwright("convert", FIXTURES / "01_messaging.xml", "-o", target)
    assert run.code == 2
    assert len(run.err_lines) == 1 and str(target) in run.err and "No space left" in run.err
    assert target.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.xml"]


def test_convert_to_a_missing_folder(portwright: Callable[..., Run], tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.xml"
    run = portwright("convert", FIXTURES / "01_messaging.xml", "-o", target)
    assert run.code == 2
    assert run.out == "" and len(run.err_lines) == 1
    assert str(target) in run.err and "does not exist" in run.err
    assert not (tmp_path / "missing").exists()


def test_convert_to_a_directory(portwright: Callable[..., Run], tmp_path: Path) -> None:
    run = portwright("convert", FIXTURES / "01_messaging.xml", "-o", tmp_path)
    assert run.code == 2 and len(run.err_lines) == 1 and "directory" in run.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "content", [b"", b"<x/>", b"<BindingInfo><SendPortCollection>"], ids=["empty", "not-binding", "cut"]
)
def test_convert_of_an_unusable_file(portwright: Callable[..., Run], tmp_path: Path, content: bytes) -> None:
    src = tmp_path / "bad.xml"
    src.write_bytes(content)
    target = tmp_path / "out.xml"
    run = portwright("convert", src, "-o", target)
    assert run.code == 2
    assert len(run.err_lines) == 1 and re.match(rf"^portwright: {re.escape(str(src))}:\d+:\d+: ", run.err)
    assert not target.exists()


def test_convert_of_a_missing_file(portwright: Callable[..., Run], tmp_path: Path) -> None:
    run = portwright("convert", tmp_path / "nope.xml", "-o", tmp_path / "out.xml")
    assert run.code == 2 and run.err_lines == [f"portwright: {tmp_path / 'nope.xml'}:1:1: no such file"]


# ---------------------------------------------------------------------------------------------
# validate


def test_validate_a_clean_file(portwright: Callable[..., Run]) -> None:
    run = portwright("validate", FIXTURES / "05_tabs_no_final_newline.xml")
    assert run.code == 0 and run.out == "" and run.err == ""


@pytest.mark.parametrize("path", [p for p in FIXTURE_PARAMS if p.values[0].name != "12_out_of_range.xml"])  # type: ignore[union-attr]
def test_validate_fixtures_without_errors(portwright: Callable[..., Run], path: Path) -> None:
    run = portwright("validate", path)
    assert run.code == 0, run.out
    for line in run.out_lines:
        m = PROBLEM_LINE.match(line)
        assert m is not None, line
        assert m.group("file") == str(path) and m.group("severity") in ("warning", "info")


def test_validate_reports_out_of_range_values(portwright: Callable[..., Run]) -> None:
    path = FIXTURES / "12_out_of_range.xml"
    run = portwright("validate", path)
    assert run.code == 1
    problems = [PROBLEM_LINE.match(line) for line in run.out_lines]
    assert all(problems), run.out
    errors = [m for m in problems if m and m.group("severity") == "error"]
    assert len(errors) == 3
    lines = path.read_text(encoding="utf-8").splitlines()
    found = {}
    for m in errors:
        assert m.group("file") == str(path) and "'Broken.Out.FILE'" in m.group("message")
        found[m.group("message").split(": ", 1)[1].split(" ")[0]] = lines[int(m.group("line")) - 1]
    text = run.out
    assert "Retry count 5000" in text and "Priority 0" in text and "Operator 9" in text
    assert any("<RetryCount>5000</RetryCount>" in line for line in found.values())
    assert any("<Priority>0</Priority>" in line for line in found.values())
    assert any('Operator="9"' in line for line in found.values())
    run = portwright("validate", "--errors-only", path)
    assert run.code == 1 and len(run.out_lines) == 3


def test_validate_warnings_only_is_success(portwright: Callable[..., Run]) -> None:
    path = FIXTURES / "02_solicit_response_and_adapters.xml"
    run = portwright("validate", path)
    assert run.code == 0
    assert run.out_lines and all(PROBLEM_LINE.match(line).group("severity") == "warning" for line in run.out_lines)  # type: ignore[union-attr]
    assert any("password 'Password' is missing" in line for line in run.out_lines)
    assert portwright("validate", "--errors-only", path).out == ""


@pytest.mark.parametrize(
    "content,words",
    [
        (b"", "empty"),
        (b"<Foo/>", "<Foo>"),
        (b"<BindingInfo>\n  <SendPortCollection>\n", "SendPortCollection"),
        (b'<!DOCTYPE BindingInfo [<!ENTITY x SYSTEM "file:///etc/passwd">]><BindingInfo>&x;</BindingInfo>', ""),
    ],
    ids=["empty", "wrong-root", "cut", "dtd"],
)
def test_validate_an_unusable_file(portwright: Callable[..., Run], tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    run = portwright("validate", path)
    assert run.code == 2
    (line,) = run.out_lines
    m = PROBLEM_LINE.match(line)
    assert m is not None and m.group("file") == str(path) and m.group("severity") == "error"
    assert words in m.group("message")
    assert "root:" not in run.out


def test_validate_several_files(portwright: Callable[..., Run], tmp_path: Path) -> None:
    missing = tmp_path / "missing.xml"
    clean, broken = FIXTURES / "05_tabs_no_final_newline.xml", FIXTURES / "12_out_of_range.xml"
    assert portwright("validate", clean, broken).code == 1
    run = portwright("validate", broken, missing, clean)
    assert run.code == 2  # an unusable file outranks errors
    assert run.out_lines[-1] == f"{missing}:1:1: error: no such file"
    assert sum(line.startswith(f"{broken}:") for line in run.out_lines) == 3
    assert portwright("validate", FIXTURES).code == 2  # a directory


# ---------------------------------------------------------------------------------------------
# diff


def test_diff_of_identical_files(portwright: Callable[..., Run], tmp_path: Path) -> None:
    a = FIXTURES / "01_messaging.xml"
    b = tmp_path / "b.xml"
    b.write_bytes(dump(load(a)))
    run = portwright("diff", a, b)
    assert run.code == 0 and run.out_lines == ["no differences"]
    assert portwright("diff", "-q", a, b).out == ""


def write_edited(src: Path, dst: Path, edit: Callable[..., None]) -> Path:
    doc = load(src)
    edit(doc)
    dst.write_bytes(dump(doc))
    return dst


def test_diff_names_the_changed_property(portwright: Callable[..., Run], tmp_path: Path) -> None:
    a = FIXTURES / "01_messaging.xml"

    def retry(doc: object) -> None:
        p = doc.send_ports[1]  # type: ignore[attr-defined]
        doc.send_ports[1] = p.model_copy(
            update={
                "primary_transport": p.primary_transport.model_copy(  # type: ignore[attr-defined]
                    update={"retry_count": 8}
                )
            }
        )

    b = write_edited(a, tmp_path / "b.xml", retry)
    run = portwright("diff", a, b)
    assert run.code == 1
    assert run.out_lines == ["changed send port 'Orders.Partner.FTP':", "  Transport › Retry count: '5' → '8'"]
    assert run.err_lines == ["1 difference"]
    quiet = portwright("diff", "--quiet", a, b)
    assert quiet.code == 1 and quiet.out == "" and quiet.err == ""


def test_diff_names_filter_and_adapter_setting_changes(portwright: Callable[..., Run], tmp_path: Path) -> None:
    a = FIXTURES / "02_solicit_response_and_adapters.xml"
    text = a.read_text(encoding="utf-8")
    b = tmp_path / "b.xml"
    host = '&lt;SMTPHost vt="8"&gt;smtp'
    b.write_text(
        text.replace(f"{host}.contoso", f"{host}2.contoso").replace("Stock.Discard", "Stock.Trash"), encoding="utf-8"
    )
    run = portwright("diff", a, b)
    assert run.code == 1
    assert "changed send port 'Stock.Alert.SMTP':" in run.out_lines
    assert any("SMTPHost" in line and "'smtp2.contoso.example'" in line for line in run.out_lines)
    assert "changed send port 'Stock.Drop.Null':" in run.out_lines
    assert any("Value: 'Stock.Discard' → 'Stock.Trash'" in line for line in run.out_lines)


def test_diff_added_and_removed_ports_and_groups(portwright: Callable[..., Run], tmp_path: Path) -> None:
    from model.domain import SendPortGroup, new_send_port

    a = FIXTURES / "01_messaging.xml"

    def edit(doc: object) -> None:
        doc.send_ports.append(new_send_port("Orders.New.FILE", address="C:\\x"))  # type: ignore[attr-defined]
        del doc.send_ports[0]  # type: ignore[attr-defined]
        doc.groups.append(SendPortGroup(name="Orders.NewGroup"))  # type: ignore[attr-defined]

    b = write_edited(a, tmp_path / "b.xml", edit)
    run = portwright("diff", a, b)
    assert run.code == 1
    assert "added send port 'Orders.New.FILE'" in run.out_lines
    assert "removed send port 'Orders.Archive.FILE'" in run.out_lines
    assert "added send port group 'Orders.NewGroup'" in run.out_lines
    back = portwright("diff", b, a)
    assert (
        "removed send port 'Orders.New.FILE'" in back.out_lines
        and "added send port 'Orders.Archive.FILE'" in back.out_lines
    )


def test_diff_reordered_ports_is_a_difference(portwright: Callable[..., Run], tmp_path: Path) -> None:
    a = FIXTURES / "02_solicit_response_and_adapters.xml"
    text = a.read_text(encoding="utf-8")
    swapped = mutate_order(text, load(a))
    assert swapped is not None
    b = tmp_path / "b.xml"
    b.write_text(swapped, encoding="utf-8")
    assert [p.name for p in load(b).send_ports][:2] == ["Stock.Quote.HTTP", "Stock.Check.WCF"]
    run = portwright("diff", a, b)
    assert run.code == 1
    assert run.out_lines == ["order of send ports (or the comments between them) changed"]


def test_diff_ignores_timestamp_and_layout(portwright: Callable[..., Run], tmp_path: Path) -> None:
    a = FIXTURES / "01_messaging.xml"
    text = a.read_text(encoding="utf-8")
    b = tmp_path / "b.xml"
    b.write_text(
        text.replace("2024-05-06T10:11:12.1234567+02:00", "2030-01-01T00:00:00")
        .replace("\n", "\r\n")
        .replace("  <", "\t<"),
        encoding="utf-8",
    )
    assert portwright("diff", a, b).code == 0


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"<Foo />",
        b'<!DOCTYPE BindingInfo SYSTEM "http://example.invalid/x.dtd"><BindingInfo/>',
    ],
    ids=["empty", "wrong-root", "external-dtd"],
)
def test_diff_of_an_unusable_file(portwright: Callable[..., Run], tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(content)
    for args in ((FIXTURES / "01_messaging.xml", bad), (bad, FIXTURES / "01_messaging.xml")):
        run = portwright("diff", *args)
        assert run.code == 2 and run.out == ""
        assert len(run.err_lines) == 1 and run.err.startswith(f"portwright: {bad}:")


def test_diff_of_a_missing_file(portwright: Callable[..., Run], tmp_path: Path) -> None:
    run = portwright("diff", FIXTURES / "01_messaging.xml", tmp_path / "nope.xml")
    assert run.code == 2 and run.err_lines == [f"portwright: {tmp_path / 'nope.xml'}:1:1: no such file"]


def test_diff_labels_a_description_set_from_nil_readably(portwright: Callable[..., Run], tmp_path: Path) -> None:
    a = FIXTURES / "01_messaging.xml"

    def describe(doc: object) -> None:
        doc.send_ports[1] = doc.send_ports[1].model_copy(update={"description": "Now described"})  # type: ignore[attr-defined]

    b = write_edited(a, tmp_path / "b.xml", describe)
    run = portwright("diff", a, b)
    assert run.code == 1
    assert not any("{http:" in line or "www.w3.org ›" in line for line in run.out_lines), run.out


@pytest.mark.slow
def test_console_script_prints_no_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("portwright")
    if not script.exists():
        pytest.skip(f"console script not installed at {script}")
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<BindingInfo><SendPortCollection><SendPort Name='x'>")
    for args in (
        ["validate", str(bad)],
        ["convert", str(FIXTURES / "01_messaging.xml"), "-o", str(tmp_path / "no" / "o")],
    ):
        proc = subprocess.run(
            [str(script), *args],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env={**os.environ, "PORTWRIGHT_DEBUG": ""},
        )
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr + proc.stdout
        assert len((proc.stderr + proc.stdout).strip().splitlines()) == 1


# ---------------------------------------------------------------------------------------------
# diff agrees with bindcmp


BINDCMP_DRIVER = """
import contextlib, importlib.util, io, json, sys
spec = importlib.util.spec_from_file_location("bindcmp", sys.argv[1])
bindcmp = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bindcmp)
codes = []
for a, b in zip(sys.argv[2::2], sys.argv[3::2]):
    with contextlib.redirect_stdout(io.StringIO()):
        codes.append(bindcmp.main([a, b]))
print(json.dumps(codes))
"""


def bindcmp_verdicts(pairs: list[tuple[Path, Path]]) -> list[int]:
    """bindcmp's exit code for each pair, from its own main() (one interpreter for all pairs)."""
    args = [str(p) for pair in pairs for p in pair]
    proc = subprocess.run(
        [sys.executable, "-c", BINDCMP_DRIVER, str(BINDCMP), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(proc.stdout)


def _root_tag(text: str) -> re.Match[str]:
    m = re.search(r"<BindingInfo\b[^>]*>", text)
    assert m is not None
    return m


def mutate_attribute(text: str, doc: object) -> str | None:
    m = re.search(r'\sType="(\d)"', text) or re.search(r'\sBindingStatus="([^"]*)"', text)
    return None if m is None else text[: m.start(1)] + m.group(1) + "9" + text[m.end(1) :]


def mutate_text(text: str, doc: object) -> str | None:
    for m in re.finditer(r"<(\w+)>([^<&\s][^<&]*)</\1>", text):
        if m.group(1) != "Timestamp":
            return text[: m.end(2)] + "X" + text[m.end(2) :]
    return None


def mutate_comment(text: str, doc: object) -> str | None:
    root = _root_tag(text)
    at = text.find("<!--", root.end())
    if at >= 0:
        return text[: at + 4] + " changed" + text[at + 4 :]
    end = text.rindex("</BindingInfo>")
    return text[:end] + "<!-- added -->" + text[end:]


def mutate_escaped(text: str, doc: object) -> str | None:
    m = re.search(r"&gt;([^&<\s][^&<]*)&lt;/", text)
    return None if m is None else text[: m.end(1)] + "X" + text[m.end(1) :]


def mutate_order(text: str, doc: object) -> str | None:
    for items in (doc.send_ports, doc.groups):  # type: ignore[attr-defined]
        if len(items) >= 2:
            first, second = (doc.origin(x).raw for x in items[:2])  # type: ignore[attr-defined]
            i = text.index(first)
            j = text.index(second, i + len(first))
            return text[:i] + second + text[i + len(first) : j] + first + text[j + len(second) :]
    return None


def mutate_whitespace(text: str, doc: object) -> str | None:
    root = _root_tag(text)
    nl = text.index("\n", root.end())
    return text[: root.end()] + " \t " + text[root.end() : nl + 1] + "   " + text[nl + 1 :]


def mutate_timestamp(text: str, doc: object) -> str | None:
    m = re.search(r"<Timestamp>([^<]*)</Timestamp>", text)
    if m is not None:
        return text[: m.start(1)] + "1999-12-31T23:59:59.9999999+00:00" + text[m.end(1) :]
    root = _root_tag(text)  # 2004 files have none: adding one changes nothing either
    return text[: root.end()] + "<Timestamp>1999-12-31T23:59:59</Timestamp>" + text[root.end() :]


MUTATIONS: dict[str, tuple[Callable[[str, object], str | None], bool]] = {
    "attribute": (mutate_attribute, False),
    "text": (mutate_text, False),
    "comment": (mutate_comment, False),
    "escaped-inner-value": (mutate_escaped, False),
    "reorder": (mutate_order, False),
    "whitespace": (mutate_whitespace, True),
    "timestamp": (mutate_timestamp, True),
}


@pytest.mark.slow
@pytest.mark.skipif(not BINDCMP.exists(), reason=f"bindcmp not found at {BINDCMP}")
@pytest.mark.parametrize("path", EVERY_FILE if CORPUS.is_dir() else FIXTURE_PARAMS)
def test_diff_agrees_with_bindcmp(portwright: Callable[..., Run], tmp_path: Path, path: Path) -> None:
    data = path.read_bytes()
    doc = load(data)
    text = data[len(doc.bom) :].decode(doc.encoding)
    pairs: list[tuple[Path, Path]] = [(path, path)]
    expected: list[bool] = [True]
    names = ["itself"]
    for name, (mutate, equal) in MUTATIONS.items():
        mutated = mutate(text, doc)
        if mutated is None:
            continue
        assert mutated != text, name
        target = tmp_path / f"{name}.xml"
        target.write_bytes(doc.bom + mutated.encode(doc.encoding))
        pairs.append((path, target))
        expected.append(equal)
        names.append(name)
    assert len(pairs) >= 5  # most mutations apply to every file
    verdicts = bindcmp_verdicts(pairs)
    for (a, b), name, equal, verdict in zip(pairs, names, expected, verdicts, strict=True):
        assert verdict == (0 if equal else 1), f"bindcmp on {name}: {verdict}"
        run = portwright("diff", "-q", a, b)
        assert run.code == verdict, f"portwright diff on {name}: {run.code}, bindcmp: {verdict}"
        if not equal:
            assert portwright("diff", a, b).out_lines, name


def test_the_corpus_is_used_when_present() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    assert len(corpus_files()) >= 10
    assert all(f.read_bytes().lstrip(codecs.BOM_UTF8).lstrip().startswith(b"<") for f in corpus_files())
