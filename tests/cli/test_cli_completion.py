"""``portwright completion bash|zsh|powershell``: scripts made from the parser, so a new command
or option completes without anyone editing a script. The bash script is run in a real bash."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from support.cli import Result, run_in_process

from designer.cli import build_parser
from designer.cli.completion import words


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    return lambda *args: run_in_process(capsys, *args)


def test_the_words_follow_the_parser() -> None:
    table = words(build_parser())
    assert {"plan", "new", "completion", "app", "--workspace", "--version"} <= set(table[()])
    assert table[("app", "reference")] == ["--help", "add", "ls", "remove"]
    assert {"--target", "--server", "--profile", "--json", "--script"} <= set(table[("plan",)])
    assert {"bash", "zsh", "powershell"} <= set(table[("completion",)])


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash here")
@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("portwright app re", {"reference"}),
        ("portwright plan --ta", {"--target"}),
        ("portwright de", {"delete", "desired"}),
    ],
)
def test_bash_completes_commands_and_options(cli, tmp_path: Path, line: str, expected: set[str]) -> None:
    result = cli("completion", "bash")
    assert result.code == 0
    script = tmp_path / "portwright.bash"
    script.write_text(result.out, encoding="utf-8")
    words_ = line.split(" ")
    program = (
        f"source {script}; COMP_WORDS=({' '.join(words_)}); COMP_CWORD={len(words_) - 1}; "
        f'COMP_LINE="{line}"; COMP_POINT=${{#COMP_LINE}}; _shtab_portwright; printf "%s\\n" "${{COMPREPLY[@]}}"'
    )
    out = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True).stdout
    assert set(out.split()) == expected


def test_zsh_and_powershell_scripts_name_every_command(cli) -> None:
    zsh = cli("completion", "zsh")
    assert zsh.code == 0 and zsh.out.startswith("#compdef portwright")
    ps = cli("completion", "powershell").out
    assert "Register-ArgumentCompleter -Native -CommandName portwright" in ps
    assert "'app reference' = @('--help', 'add', 'ls', 'remove')" in ps
    for command in build_parser()._subparsers._group_actions[0].choices:
        assert f"'{command}'" in ps and command in zsh.out
    with pytest.raises(SystemExit) as refused:  # argparse's own one-line usage error
        cli("completion", "fish")
    assert refused.value.code == 2
