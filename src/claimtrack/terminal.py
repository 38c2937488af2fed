"""Printing untrusted text to a terminal safely.

Claim files come from scrapers and strangers. A claim text holding an ANSI
escape sequence could recolour, rewrite or hide the lines around it, and bidi
override characters could make a terminal show text in an order other than the
one stored. `safe` makes such characters visible instead of letting them act,
and leaves every script, Arabic included, exactly as written.
"""

from __future__ import annotations

import os
import re
from typing import TextIO

__all__ = ["colour", "safe", "wants_colour"]


def __dir__() -> list[str]:
    return list(__all__)


# C0 controls except tab, DEL, C1 controls, the bidi embedding/override/isolate
# controls, and the line and paragraph separators. Newlines are escaped too: one
# record's text must not be able to fake another line of output.
_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def safe(text: str) -> str:
    r"""Return *text* with control, escape and bidi-override characters escaped.

    Letters, marks and punctuation of every script, the right-to-left and
    left-to-right marks, tabs and emoji are kept as they are. An escape
    character, for instance, comes out as the four characters ``\x1b``.
    """
    return _UNSAFE.sub(_escape, text)


def wants_colour(stream: TextIO) -> bool:
    """Whether to colour output: a terminal, and ``NO_COLOR`` not set."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


_SGR = {"red": "31", "yellow": "33", "blue": "34", "bold": "1", "dim": "2"}


def colour(text: str, style: str, *, enabled: bool) -> str:
    """Wrap *text* in an ANSI style if *enabled*; *text* must already be safe."""
    if not enabled:
        return text
    return f"\x1b[{_SGR[style]}m{text}\x1b[0m"
