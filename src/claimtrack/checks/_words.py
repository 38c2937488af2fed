"""How findings name records: plain words a fact-checker can read aloud."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from claimtrack.graph import ClaimGraph

from ._core import Memo

__all__ = ["listing", "source_namer", "source_words"]


def __dir__() -> list[str]:
    return list(__all__)


_SHOWN = 5
_WIDTH = 160


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _WIDTH else text[: _WIDTH - 3].rstrip() + "..."


def source_words(graph: ClaimGraph, source_id: str) -> str:
    """Return the source's id with who it is: ``'wapo' (The Washington Post)``.

    An anonymous source is described by its descriptor when it has one, since
    its name is usually a placeholder.
    """
    source = graph.source(source_id)
    if source is None:
        return f"{source_id!r} (no such source)"
    who = source.descriptor if source.anonymous and source.descriptor else source.name
    if not who or not who.strip() or who == source_id:
        return repr(source_id)
    return f"{source_id!r} ({_short(who)})"


def source_namer(graph: ClaimGraph) -> Callable[[str], str]:
    """Return `source_words` for *graph* as a function of the source id alone.

    A rule that names sources in thousands of findings names the same few
    again and again: each source's words are worked out once.
    """
    return Memo(functools.partial(source_words, graph)).__getitem__


def listing(items: Sequence[str]) -> str:
    """Join *items* as prose ("a, b and c"), naming at most five."""
    if len(items) > _SHOWN:
        rest = len(items) - _SHOWN + 1
        items = [*items[: _SHOWN - 1], f"{rest} more"]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
