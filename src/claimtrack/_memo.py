"""A dict that works out each value the first time its key is asked for.

Many records, findings and report lines name the same few things (a source,
a document, a rule's code, a file): their words are worked out once each, and
a key already seen is a dict lookup in C, with no Python call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["Memo"]


def __dir__() -> list[str]:
    return list(__all__)


T = TypeVar("T")


class Memo(dict[str, T]):
    """Values by key, each worked out by *compute* the first time it is asked."""

    __slots__ = ("_compute",)

    def __init__(self, compute: Callable[[str], T]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: str) -> T:
        found = self[key] = self._compute(key)
        return found
