"""``portwright completion bash|zsh|powershell``: a shell completion script, from the parser itself
(commands, sub-commands, options and their choices), so it never falls behind the commands.

bash and zsh scripts come from shtab; PowerShell's (``Register-ArgumentCompleter``) is written
here from the same walk of the parser: for each command path ("", "app", "app reference"...),
the words that may follow it.

Install::

    portwright completion bash > ~/.local/share/bash-completion/completions/portwright
    portwright completion zsh > "${fpath[1]}/_portwright"
    portwright completion powershell | Out-String | Invoke-Expression   # in $PROFILE
"""

from __future__ import annotations

import argparse
import sys

from designer.cli.common import OK

SHELLS = ("bash", "zsh", "powershell")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh, PowerShell)",
        description="Print a completion script for SHELL. bash: save it as "
        "~/.local/share/bash-completion/completions/portwright; zsh: as _portwright in a folder of "
        "$fpath; PowerShell: add 'portwright completion powershell | Out-String | Invoke-Expression' "
        "to $PROFILE.",
    )
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or powershell")
    p.set_defaults(run=run_completion)


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # noqa: SLF001 - argparse keeps them only here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return dict(action.choices)
    return {}


def words(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> dict[tuple[str, ...], list[str]]:
    """Command path -> the sub-commands, options and option choices that may follow it."""
    out: dict[tuple[str, ...], list[str]] = {}
    here: list[str] = []
    children = _subparsers(parser)
    here += sorted(children)
    for action in parser._actions:  # noqa: SLF001
        here += [o for o in action.option_strings if o.startswith("--") or len(action.option_strings) == 1]
        if action.choices and not isinstance(action, argparse._SubParsersAction) and not action.option_strings:  # noqa: SLF001
            here += [str(c) for c in action.choices]
    out[path] = sorted(dict.fromkeys(here))
    for name, child in children.items():
        out.update(words(child, (*path, name)))
    return out


def _ps(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def powershell(parser: argparse.ArgumentParser) -> str:
    table = words(parser)
    entries = "\n".join(f"    {_ps(' '.join(path))} = @({', '.join(map(_ps, w))})" for path, w in sorted(table.items()))
    return f"""# portwright completion for PowerShell: add to $PROFILE
#   portwright completion powershell | Out-String | Invoke-Expression
$PortwrightWords = @{{
{entries}
}}
Register-ArgumentCompleter -Native -CommandName portwright, portwright.exe -ScriptBlock {{
    param($wordToComplete, $commandAst, $cursorPosition)
    $typed = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object {{ $_.ToString() }})
    if ($wordToComplete) {{ $typed = @($typed | Select-Object -SkipLast 1) }}
    $path = @()
    foreach ($word in $typed) {{
        $next = (@($path) + $word) -join ' '
        if ($PortwrightWords.ContainsKey($next)) {{ $path = @($path) + $word }}
    }}
    $key = @($path) -join ' '
    $PortwrightWords[$key] | Where-Object {{ $_ -like "$wordToComplete*" }} | ForEach-Object {{
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }}
}}
"""


def script(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script of ``parser`` (the root ``portwright`` parser) for ``shell``."""
    if shell == "powershell":
        return powershell(parser)
    import shtab

    return str(shtab.complete(parser, shell=shell))


def run_completion(args: argparse.Namespace) -> int:
    sys.stdout.write(script(args.root_parser, args.shell))
    return OK
