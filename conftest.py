"""Run every Python example in the README and the docs as a test.

Code blocks are executed in order, sharing one namespace per file; blocks with
``>>>`` prompts are doctests. Each file runs in its own temporary directory, so
examples may write files the way a reader would.
"""

from __future__ import annotations

import doctest
import os
import tempfile
from pathlib import Path
from typing import Any

from sybil import Sybil
from sybil.parsers.myst import (
    DocTestDirectiveParser,
    PythonCodeBlockParser,
    SkipParser,
)

_OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _enter_scratch_directory(namespace: dict[str, Any]) -> None:
    scratch = tempfile.TemporaryDirectory(prefix="claimtrack-docs-")
    namespace["_scratch"] = (scratch, Path.cwd())
    os.chdir(scratch.name)


def _leave_scratch_directory(namespace: dict[str, Any]) -> None:
    scratch, previous = namespace.pop("_scratch")
    os.chdir(previous)
    scratch.cleanup()


pytest_collect_file = Sybil(
    parsers=[
        DocTestDirectiveParser(optionflags=_OPTIONS),
        PythonCodeBlockParser(doctest_optionflags=_OPTIONS),
        SkipParser(),
    ],
    patterns=["README.md", "docs/*.md", "docs/*/*.md"],
    setup=_enter_scratch_directory,
    teardown=_leave_scratch_directory,
).pytest()
