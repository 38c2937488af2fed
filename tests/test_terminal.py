"""Tests for printing untrusted text to a terminal."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.terminal import colour, safe, wants_colour


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("\x1b[2J", "\\x1b[2J"),
        ("line\nforged: CT101 error", "line\\x0aforged: CT101 error"),
        ("carriage\rreturn", "carriage\\x0dreturn"),
        ("c1\x9bcontrol", "c1\\x9bcontrol"),
        ("\u202eevil\u202c", "\\u202eevil\\u202c"),
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
        ("tab\tkept", "tab\tkept"),
    ],
)
def test_safe_escapes_controls(text: str, expected: str) -> None:
    """Control, escape and bidi-override characters come out visible, not acting."""
    assert expected == safe(text)


def test_safe_keeps_arabic_and_marks() -> None:
    """Arabic with harakat and tatweel, RTL marks and emoji print as written."""
    text = "قالَ مسؤولــون \u200fأمريكيون 🇸🇾"
    assert text == safe(text)


@given(st.text())
def test_safe_output_has_no_controls(text: str) -> None:
    """Whatever the input, the output holds no C0/C1 control or bidi override."""
    out = safe(text)
    forbidden = {chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]} - {"\t"}
    forbidden |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert set() == set(out) & forbidden


def test_colour_respects_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR turns colour off even on a terminal; a pipe never gets colour."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert wants_colour(Terminal())
    assert not wants_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not wants_colour(Terminal())
    assert "x" == colour("x", "red", enabled=False)
    assert "\x1b[31mx\x1b[0m" == colour("x", "red", enabled=True)
