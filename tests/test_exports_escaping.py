"""The exports escape text with patterns; each must equal its definition.

A report or a diagram of a large graph escapes millions of characters, so the
exports do it with regular expressions, scanned in C. Each is held here to
the character-by-character definition it replaced: over every code point
where that is feasible, and over any text Hypothesis draws.
"""

from __future__ import annotations

import sys
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.exports import _diagrams, _report
from claimtrack.exports._text import CONTROL, writable

# Any text at all, and often what each format escapes: markup, list markers,
# controls, lone surrogates, line breaks.
_SPECIAL = '\\`*_[]<>#|~$&"-+=:%(1. \n\r\t\x00\x1f\x7f\x85\x9f\ud800\u200b'
_TEXTS = st.text(st.one_of(st.characters(codec=None), st.sampled_from(_SPECIAL)))


def _control(char: str) -> bool:
    return unicodedata.category(char) in {"Cc", "Cs"}


def test_control_is_exactly_the_categories_cc_and_cs() -> None:
    """Checked for every code point there is."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (CONTROL.fullmatch(char) is not None) == _control(char), hex(code)


def test_hidden_is_every_control_but_tabs_and_line_breaks() -> None:
    """What a report replaces, checked for every code point there is."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        found = _report._HIDDEN.fullmatch(char) is not None
        assert found == (_control(char) and char not in "\t\n\r"), hex(code)


def test_mermaid_other_is_every_character_but_the_plain_ones() -> None:
    """Only the characters the pattern finds are looked at one by one."""
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        found = _diagrams._MERMAID_OTHER.fullmatch(char) is not None
        assert found == (char not in _diagrams._MERMAID_PLAIN), hex(code)


def _visible(text: str) -> str:
    return "".join(
        "\ufffd" if char not in "\n\r\t" and _control(char) else char for char in text
    )


def _inline(text: str) -> str:
    flat = _report._SPACE.sub(" ", _visible(writable(text))).strip()
    escaped = "".join(f"\\{c}" if c in "\\`*_[]<>#|~$&" else c for c in flat)
    if escaped[:1] in frozenset("-+=:%("):
        return "\\" + escaped
    marker = _report._ORDERED_MARKER.match(escaped)
    if marker is not None:
        return f"{escaped[: marker.end()]}\\{escaped[marker.end() :]}"
    return escaped


def _dot_label(text: str) -> str:
    def char_of_dot(char: str) -> str:
        if char == "\\":
            return "\\\\"
        if char == '"':
            return '\\"'
        if char == "&":
            return "&amp;"
        return "\ufffd" if _control(char) else char

    lines = _diagrams._lines(text)
    return '"' + "\\n".join("".join(map(char_of_dot, line)) for line in lines) + '"'


def _mermaid_label(text: str) -> str:
    lines = _diagrams._lines(text)
    escaped = (
        "".join(map(_diagrams._mermaid_char, line))  # the per-character definition
        for line in lines
    )
    return '"' + "<br>".join(escaped) + '"'


@given(_TEXTS)
def test_writable_replaces_each_lone_surrogate(text: str) -> None:
    """Every format writes UTF-8, which has no lone surrogates."""
    expected = "".join("\ufffd" if unicodedata.category(c) == "Cs" else c for c in text)
    assert writable(text) == expected


@given(_TEXTS)
def test_visible_replaces_controls_but_line_breaks(text: str) -> None:
    """Controls and surrogates become U+FFFD; tabs and line breaks stay."""
    assert _report._visible(text) == _visible(text)


@given(_TEXTS)
def test_inline_escapes_each_markdown_character(text: str) -> None:
    """Every Markdown character is escaped, and a line start that would be syntax."""
    assert _report._inline(text) == _inline(text)


@given(_TEXTS)
def test_dot_label_escapes_each_character(text: str) -> None:
    """Quotes, backslashes, ampersands and controls are escaped, line by line."""
    assert _diagrams.dot_label(text) == _dot_label(text)


@given(_TEXTS)
def test_mermaid_label_escapes_each_character(text: str) -> None:
    """Only plain characters and printable non-ASCII ones are left as they are."""
    assert _diagrams.mermaid_label(text) == _mermaid_label(text)
