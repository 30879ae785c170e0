"""Shared pieces of the command line: errors, exit codes, output helpers.

Light on purpose: the parser is built from this module and the commands' ``register``
functions alone, so ``portwright --help`` loads no database, schema or XML library; a command
loads its implementation (:func:`later`) when it runs.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from model.fileio import output_target, write_atomic

if TYPE_CHECKING:
    from model.bindings import BindingDocument, BindingFormatError

#: Exit codes (documented in ``portwright --help`` and the README): done; refused by a rule (or
#: problems found, differences found); unusable input or arguments; an internal error (a bug);
#: a conflict with someone else's change at the same time (nothing was written: run it again).
OK, REFUSED, UNUSABLE, INTERNAL, CONFLICT = 0, 1, 2, 3, 4

EXIT_CODES_HELP = """exit codes:
  0  done (validate, diff: no problems, no differences)
  1  refused by a rule (BizTalk's lifecycle or membership rules, a name already taken);
     validate: problems found; diff: differences found
  2  unusable input or arguments (a missing file or name, a malformed file, a workspace
     that cannot be opened)
  3  internal error (a bug: please report it, with PORTWRIGHT_DEBUG=1 output)
  4  conflict: someone else changed the workspace at the same time; nothing was written,
     and running the same command again is safe"""


class CliError(Exception):
    """A one-line message for the user, with the exit code it deserves."""

    def __init__(self, message: str, code: int = UNUSABLE) -> None:
        super().__init__(message)
        self.code = code


class Exit(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def unusable(e: BindingFormatError) -> CliError:
    return CliError(str(e), UNUSABLE)


#: The model's errors a command may leave as they are, most specific first (a conflict is a
#: WorkspaceError, an unknown name a LifecycleError), with the exit code each deserves.
_MODEL_ERRORS = (
    ("model.store.errors", "ConflictError", CONFLICT),
    ("model.lifecycle_types", "UnknownSubjectError", UNUSABLE),
    ("model.lifecycle_types", "LifecycleError", REFUSED),
    ("model.store.errors", "RuleError", REFUSED),
    ("model.store.errors", "DuplicateError", REFUSED),
    ("model.bindings.safe", "BindingFormatError", UNUSABLE),
    ("model.store.errors", "WorkspaceError", UNUSABLE),
)


def model_error_code(e: BaseException) -> int | None:
    """The exit code of a model or store error (see :data:`EXIT_CODES_HELP`); None for any
    other exception. An error class is looked up only in a module already loaded: an error
    cannot come from a module nobody imported, and an error path should not load a database."""
    for module, name, code in _MODEL_ERRORS:
        loaded = sys.modules.get(module)
        if loaded is not None and isinstance(e, getattr(loaded, name)):
            return code
    return None


def exit_code(e: BaseException) -> int:
    """The exit code a model or store error deserves; INTERNAL for anything else."""
    code = model_error_code(e)
    return INTERNAL if code is None else code


def cli_error(e: BaseException) -> CliError:
    """A model or store error as the one-line message and exit code the command line gives."""
    return CliError(str(e), exit_code(e))


def shown(text: str) -> str:
    """A name (or any stored text) as a terminal line shows it: line breaks, control and
    bidirectional characters escaped (``\\n``, ``\\u202e``), so that it can neither break a
    listing apart nor read as something else. Every command that prints names uses it."""
    from model.revisions import printable

    return printable(text)


def whole_number(low: int = 1, high: int | None = None) -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` (to ``high``), else argparse's own
    one-line usage error ("argument -n/--limit: must be a positive whole number, got -5")."""
    if high is not None:
        wanted = f"a whole number from {low} to {high}"
    else:
        wanted = "a positive whole number" if low == 1 else f"a whole number of at least {low}"

    def parse(text: str) -> int:
        try:
            value = int(text, 10)
        except ValueError:
            value = None
        if value is None or value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"must be {wanted}, got {shown(text)}")
        return value

    parse.__name__ = "whole number"  # argparse names the type in some messages
    return parse


def check_output(target: str) -> None:
    """Refuse, before any work, an ``-o`` that cannot be written: a folder, or a missing folder
    (for a symlink, the folder of the file it points to)."""
    if target == "-":
        return
    path = Path(target)
    try:
        real = output_target(path)
    except OSError as e:
        raise CliError(f"{target}: cannot write: {e.strerror or e}") from None
    if real.is_dir():
        raise CliError(f"{target}: is a directory; give a file name")
    if not real.parent.is_dir():
        if path.is_symlink():
            raise CliError(f"{target}: links to {real}, whose folder {real.parent} does not exist")
        raise CliError(f"{target}: folder {path.parent} does not exist")


def write_output(target: str, data: bytes) -> None:
    """Write to ``-o``'s target (see ``model.fileio.write_atomic``), or to standard output for ``-``."""
    if target == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    check_output(target)
    try:
        write_atomic(target, data)
    except OSError as e:
        raise CliError(f"{target}: cannot write: {e.strerror or e}") from None


class later:  # noqa: N801 - used like a function: ``set_defaults(run=later(module, function))``
    """A command's ``run``: ``module.function``, imported only when the command runs."""

    def __init__(self, module: str, function: str) -> None:
        self.module, self.function = module, function

    def __call__(self, args: argparse.Namespace) -> int:
        return int(getattr(importlib.import_module(self.module), self.function)(args) or 0)

    def __repr__(self) -> str:
        return f"later({self.module!r}, {self.function!r})"


# -- standard input and machine-readable output ----------------------------------------------

#: The file name that means standard input, and the name messages and the audit log give it.
STDIN = "-"
STDIN_NAME = "<stdin>"


def one_stdin(command: str, names: Sequence[str | None]) -> None:
    """Refuse standard input named twice: it can be read once."""
    if sum(1 for n in names if n == STDIN) > 1:
        raise CliError(f"{command}: standard input ('-') can be read once: give '-' for one file only")


def read_stdin() -> bytes:
    """Standard input's bytes, read as bytes (the file's own encoding declaration decides) and
    bounded like a binding file (``model.bindings.safe.MAX_INPUT_BYTES``): at most one byte past
    the limit is read before the input is refused."""
    from model.bindings.safe import MAX_INPUT_BYTES, BindingFormatError

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise CliError(f"{STDIN_NAME}: no standard input to read")
    limit = MAX_INPUT_BYTES
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(1 << 20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise BindingFormatError(STDIN_NAME, 1, 1, f"input is larger than the {limit:,}-byte limit")
    return b"".join(chunks)


def binding_source(path: str) -> str | bytes:
    """What the model's readers take for a command's FILE: the path, or standard input's bytes for ``-``."""
    return read_stdin() if path == STDIN else path


def load_binding(path: str) -> BindingDocument:
    """The binding file a command names (``-``: standard input, named ``<stdin>`` in messages).
    Raises ``BindingFormatError``."""
    from model.bindings import BindingDocument, load

    if path == STDIN:
        return BindingDocument.from_bytes(read_stdin(), STDIN_NAME)
    return load(path)


def masked_json(value: object) -> object:
    """``value`` with every string in it (keys too) through ``model.secrets.mask_text``: what a
    ``--json`` output holds never carries the password of an address or a connection string."""
    from model.secrets import mask_text

    def walk(v: object) -> object:
        if isinstance(v, str):
            return mask_text(v)
        if isinstance(v, dict):
            return {walk(k): walk(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [walk(x) for x in v]
        return v

    return walk(value)


def print_json(value: object) -> None:
    """``--json`` output: ``value`` masked (:func:`masked_json`), indented, ASCII only (a name's
    control or bidirectional characters come out as ``\\u`` escapes, never raw)."""
    json.dump(masked_json(value), sys.stdout, indent=2)
    print()
