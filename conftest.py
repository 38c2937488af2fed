"""Run every example in the README and the docs as a test.

- ``python`` code blocks are executed in order, sharing one namespace per file;
  blocks with ``>>>`` prompts are doctests.
- ``console`` blocks are terminal sessions: each ``$ claimtrack ...`` line is
  run through the command line's own `claimtrack.cli.run`, and what follows it,
  up to the next ``$``, is the expected output (stdout and stderr together, as
  a terminal shows them; ``...`` matches anything). ``$ echo $?`` prints the
  exit code of the command before it. Shell commands that are not claimtrack's
  (``pip install``) belong in ``sh`` blocks, which are shown, not run.

Each file runs in its own temporary directory, holding a copy of the
repository's ``seeds/`` folder, so examples read like a session at the root of
a clone and may write files the way a reader would.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import shlex
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sybil import Example, Sybil
from sybil.parsers.myst import (
    CodeBlockParser,
    DocTestDirectiveParser,
    PythonCodeBlockParser,
    SkipParser,
)

_OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
_SEEDS = Path(__file__).resolve().parent / "seeds"


def _enter_scratch_directory(namespace: dict[str, Any]) -> None:
    scratch = tempfile.TemporaryDirectory(prefix="claimtrack-docs-")
    shutil.copytree(_SEEDS, Path(scratch.name) / "seeds")
    namespace["_scratch"] = (scratch, Path.cwd())
    os.chdir(scratch.name)


def _leave_scratch_directory(namespace: dict[str, Any]) -> None:
    scratch, previous = namespace.pop("_scratch")
    os.chdir(previous)
    scratch.cleanup()


def _run_claimtrack(argv: list[str]) -> tuple[str, int]:
    """Run the command line in-process; return what it printed and its exit code."""
    from claimtrack.cli import parse_args, run  # noqa: PLC0415 - after setup

    shown = io.StringIO()
    try:
        with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(shown):
            args = parse_args(argv)
        code = run(args, shown, shown)
    except SystemExit as stop:  # --help, --version and usage errors
        code = stop.code if isinstance(stop.code, int) else 2
    return shown.getvalue(), code


def _session(source: str) -> list[tuple[str, str]]:
    """Split a console block into (command, expected output) pairs."""
    steps: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
        elif line.strip():
            msg = f"console block must start with a '$ ' command, got {line!r}"
            raise ValueError(msg)
    return [(command, "\n".join(lines).strip("\n")) for command, lines in steps]


def _evaluate_console(example: Example) -> str | None:
    checker = doctest.OutputChecker()
    last_code = 0
    for command, expected in _session(str(example.parsed)):
        words = shlex.split(command)
        if words == ["echo", "$?"]:
            output = str(last_code)
        elif words[:1] == ["claimtrack"]:
            output, last_code = _run_claimtrack(words[1:])
        else:
            return f"console blocks run only claimtrack commands, got: {command}"
        got = output.strip("\n") + "\n"
        want = expected + "\n" if expected else "\n"
        if not checker.check_output(want, got, _OPTIONS):
            return f"$ {command}\nexpected:\n{want}got:\n{got}"
    return None


pytest_collect_file = Sybil(
    parsers=[
        DocTestDirectiveParser(optionflags=_OPTIONS),
        PythonCodeBlockParser(doctest_optionflags=_OPTIONS),
        CodeBlockParser(language="console", evaluator=_evaluate_console),
        SkipParser(),
    ],
    patterns=["README.md", "docs/*.md", "docs/*/*.md"],
    setup=_enter_scratch_directory,
    teardown=_leave_scratch_directory,
).pytest()
