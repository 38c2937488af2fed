"""Fuzz the claim-file loader with atheris, for as long as you like.

The contract is the one ``tests/test_reliability_fuzz.py`` checks with
Hypothesis: every input either loads to a graph whose canonical text reads
back equal, or raises `claimtrack.LoadError` listing problems, each with a
``$`` path. Anything else is a crash, and atheris saves the input.

Run it from the repository root (see ``fuzz/README.md``)::

    python fuzz/fuzz_loads.py fuzz/corpus -max_total_time=3600
"""

from __future__ import annotations

import contextlib
import sys

import atheris  # type: ignore[import-untyped,import-not-found,unused-ignore]

with atheris.instrument_imports():
    from claimtrack.errors import LoadError
    from claimtrack.serialize import dumps, loads


def check(data: bytes) -> None:
    """Load *data* (as bytes, then as text) and check the loader's contract."""
    inputs: list[str | bytes] = [data]
    with contextlib.suppress(UnicodeDecodeError):
        inputs.append(data.decode("utf-8", "surrogatepass"))
    for value in inputs:
        try:
            graph = loads(value)
        except LoadError as error:
            if not error.problems:
                msg = "a LoadError without problems"
                raise AssertionError(msg) from error
            for problem in error.problems:
                if not problem.path.startswith("$") or not problem.message:
                    msg = f"a problem without a path or message: {problem!r}"
                    raise AssertionError(msg) from error
            continue
        text = dumps(graph)
        again = loads(text)
        if graph != again or text != dumps(again):
            msg = "the canonical text does not read back equal"
            raise AssertionError(msg)


def main() -> None:
    """Run atheris over `check` with the command line's arguments."""
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
