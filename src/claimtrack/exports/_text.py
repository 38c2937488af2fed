"""Text from claim files, shaped for display in the formats we write.

Text in a graph is untrusted: it may hold lone surrogates (which cannot be
written as UTF-8), control characters, or a 10 MB quote. Each format escapes
for its own syntax; what they share lives here.
"""

from __future__ import annotations

import re

from claimtrack.graph import ClaimGraph
from claimtrack.records import Source

__all__ = ["source_label", "truncate", "writable"]


def __dir__() -> list[str]:
    return list(__all__)


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACE = re.compile(r"\s+")

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
"""A character of general category Cc or Cs: a control or a lone surrogate.

Unicode's stability policy fixes both sets of code points for good, so one
pattern stands for ``unicodedata.category(char) in {"Cc", "Cs"}`` and scans a
text in C instead of one call per character.
"""


def writable(text: str) -> str:
    """Return *text* with each lone surrogate replaced by U+FFFD."""
    if text.isascii():  # known without reading the text, and most are
        return text
    return _SURROGATE.sub("\ufffd", text)


def truncate(text: str, limit: int) -> str:
    """Return *text* in at most *limit* characters, cut at a word if it is longer.

    Runs of white space become one space. A cut text ends with an ellipsis
    and keeps whole words unless the first word alone is too long.
    """
    flat = _SPACE.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def source_label(graph: ClaimGraph, source_id: str) -> str:
    """Return how a source is shown: its name, or its id if it has no record."""
    source: Source | None = graph.source(source_id)
    return source_id if source is None else source.name
