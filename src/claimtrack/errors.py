"""The exceptions claimtrack raises, all under one base class."""

from __future__ import annotations

import attrs

__all__ = ["ClaimtrackError", "LoadError", "Problem"]


def __dir__() -> list[str]:
    return list(__all__)


class ClaimtrackError(Exception):
    """Base class of every error claimtrack raises on purpose."""


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with an input, and where it is.

    Attributes:
        path: Where the problem is, as a JSONPath-like string
            (``$.attributions[3].source``); ``$`` is the whole document.
        message: What was expected and what was found.
    """

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class LoadError(ClaimtrackError, ValueError):
    """A text or file that cannot be read as a claim graph.

    Every problem found is listed, each with its path, so a user can fix them
    all in one pass instead of one per run.

    Attributes:
        problems: Each problem with its path, in document order.
        source: The file name or other label of the input, if known.
    """

    problems: tuple[Problem, ...]
    source: str | None

    def __init__(
        self, problems: tuple[Problem, ...], *, source: str | None = None
    ) -> None:
        self.problems = problems
        self.source = source
        super().__init__(self._message())

    def _message(self) -> str:
        where = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{where}cannot load claim graph ({count} {noun}):"]
        lines.extend(f"  {problem}" for problem in self.problems)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_load_error, (self.problems, self.source))


def _rebuild_load_error(problems: tuple[Problem, ...], source: str | None) -> LoadError:
    return LoadError(problems, source=source)
