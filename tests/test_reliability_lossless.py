"""Nothing lost, nothing changed: what a user wrote is what comes back.

Canonical files read and written again are byte-identical; any valid file
reads back equal after a canonical write; text keeps every code point (no
Unicode normalisation, no trimming); dates keep their precision; numbers in
``extra`` keep their exact value, sign and type.
"""

from __future__ import annotations

import json
import math
import struct
import unicodedata
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.dates import FuzzyDate
from claimtrack.graph import ClaimGraph
from claimtrack.records import RECORD_TYPES, Claim, Source
from claimtrack.serialize import dumps, load, loads, unstructure
from claimtrack.testing import graphs, json_objects, texts

FIXTURES = Path(__file__).parent / "fixtures"
EVERY_FIELD = FIXTURES / "v1" / "every-field.json"
SEED = Path(__file__).parent.parent / "seeds" / "enab-baladi-2025-01-24.json"
CANONICAL_FILES = [*sorted(FIXTURES.glob("v*/*.json")), SEED]


@pytest.mark.parametrize("path", CANONICAL_FILES, ids=lambda path: path.name)
def test_canonical_files_round_trip_byte_for_byte(path: Path) -> None:
    """A canonical file loaded and dumped again is the same bytes."""
    data = path.read_bytes()
    assert data == dumps(load(path)).encode("utf-8")


def test_fixture_sets_every_field() -> None:
    """The every-field fixture gives each field of each record a non-default value.

    A field added to a record without a value in this fixture fails here, so
    the lossless tests keep covering the whole format.
    """
    graph = load(EVERY_FIELD)
    for cls in RECORD_TYPES:
        records = [r for r in graph if type(r) is cls]
        unset = {
            field.name
            for field in attrs.fields(cls)
            if field.init
            and all(
                getattr(record, field.name)
                == (
                    field.default.factory()
                    if isinstance(field.default, attrs.Factory)  # type: ignore[arg-type]
                    else field.default
                )
                for record in records
            )
        }
        assert set() == unset, cls.__name__


def _every_json_type(value: Any) -> set[str]:
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        found.add(type(item).__name__)
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_fixture_extra_holds_every_json_type() -> None:
    """The fixture's extra values include every JSON type."""
    payload = json.loads(EVERY_FIELD.read_text(encoding="utf-8"))
    extra = payload["sources"][1]["extra"]
    expected = {"NoneType", "bool", "int", "float", "str", "list", "dict"}
    assert expected == expected & _every_json_type(extra)


def _rewritten(payload: Any, style: int) -> str:
    """The same JSON in a form other than canonical."""
    if style == 0:
        return json.dumps(payload)  # \u escapes everywhere, one line
    if style == 1:
        return json.dumps(payload, sort_keys=True, indent="\t")
    if style == 2:
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return "\r\n  " + json.dumps(payload, indent=4).replace("\n", "\r\n") + "\r\n\r\n"


@pytest.mark.parametrize("style", [0, 1, 2, 3])
def test_valid_files_in_any_layout_load_equal(style: int) -> None:
    """The fixture rewritten in another valid layout loads to the same graph."""
    graph = load(EVERY_FIELD)
    text = _rewritten(json.loads(EVERY_FIELD.read_text(encoding="utf-8")), style)
    again = loads(text)
    assert graph == again
    assert EVERY_FIELD.read_text(encoding="utf-8") == dumps(again)


@given(graphs(consistent=False), st.integers(0, 3))
def test_any_valid_layout_loads_equal(graph: ClaimGraph, style: int) -> None:
    """Every generated graph, written in any layout, reads back equal and canonical."""
    again = loads(_rewritten(unstructure(graph), style))
    assert graph == again
    assert dumps(graph) == dumps(again)


TEXTS = [
    "قالَ مسؤولــون أمريكيّون",  # harakat, tatweel and shadda
    "\u200fنص\u200e text \u061c",  # right-to-left, left-to-right and Arabic marks
    "👩🏽\u200d💻 🇸🇾 ❤️",  # joiner, skin tone, flag, variation selector
    unicodedata.normalize("NFC", "Café"),
    unicodedata.normalize("NFD", "Café"),
    "  leading and trailing  ",
    "\ttabs\tand\nnew\r\nlines\r",
    "\u00a0no-break\u3000ideographic space\u2028separator",
    "",
    '"quoted" \\ back/slash',
    "\u202eoverride\u202c and \u2066isolate\u2069",
    "\x7f\x85 controls and \x00 nul",
    "\ufeffbyte order mark inside",
    "\U0010fffd plane 16 and \uffff",
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_text_kept_exactly(text: str) -> None:
    """Claim text, names and extra keys come back code point for code point."""
    graph = ClaimGraph.of(
        [
            Claim(id="c", text=text, language="ar", translations={"en": text}),
            Source(id="s", name=text, aliases=[text], extra={text: text}),
        ]
    )
    again = loads(dumps(graph).encode("utf-8"))
    claim = again.claim("c")
    source = again.source("s")
    assert claim is not None
    assert source is not None
    assert text == claim.text
    assert text == claim.translations["en"]
    assert text == source.name
    assert (text,) == source.aliases
    assert {text: text} == dict(source.extra)


def test_nfc_and_nfd_stay_distinct() -> None:
    """Composed and decomposed forms of one word are two different texts."""
    nfc, nfd = (unicodedata.normalize(form, "déjà") for form in ("NFC", "NFD"))
    graph = loads(
        dumps(
            ClaimGraph.of(
                [
                    Claim(id=i, text=t, language="fr")
                    for i, t in (("nfc", nfc), ("nfd", nfd))
                ]
            )
        )
    )
    assert (nfc, nfd) == tuple(c.text for c in graph.claims)
    assert nfc != nfd


@given(texts(max_size=40))
def test_generated_text_kept_exactly(text: str) -> None:
    """Any text the strategies produce comes back exactly as written."""
    claim = loads(dumps(ClaimGraph.of([Claim(id="c", text=text, language="en")])))
    assert [text] == [c.text for c in claim.claims]


DATES = [
    "2025",
    "2025-01",
    "2025-01-24",
    "2025-01-24 (Friday)",
    "2025-01-24 (Monday)",  # a wrong weekday is a finding, kept as written
    "2025/2026",
    "2025-01/2025-02-03",
    "2025-01-24/..",
    "../2025-01",
    "0001-01-01",
    "9999-12-31",
]


@pytest.mark.parametrize("date", DATES)
def test_dates_keep_their_precision(date: str) -> None:
    """A date is written back as it was given: no precision gained or lost."""
    text = json.dumps(
        {
            "claimtrack": 1,
            "claims": [{"id": "c", "text": "t", "language": "en", "event_date": date}],
        }
    )
    claim = loads(text).claim("c")
    assert claim is not None
    assert FuzzyDate.parse(date) == claim.event_date
    assert date == str(claim.event_date)
    assert f'"event_date": "{date}"' in dumps(loads(text))


FLOATS = [
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    1.7976931348623157e308,
    -1.7976931348623157e308,
    -0.0,
    0.0,
    0.1 + 0.2,
    0.1,
    1.0,
    1e16,
    2.0**53 + 2,
    123456789.12345679,
]


def _bits(value: float) -> bytes:
    return struct.pack(">d", value)


@pytest.mark.parametrize("value", FLOATS, ids=repr)
def test_floats_in_extra_round_trip_exactly(value: float) -> None:
    """A float in extra comes back with the same bits, written in shortest form."""
    graph = ClaimGraph.of([Source(id="s", name="S", extra={"v": value, "l": [value]})])
    text = dumps(graph)
    source = loads(text).source("s")
    assert source is not None
    listed = source.extra["l"]
    assert isinstance(listed, list)
    assert _bits(value) == _bits(source.extra["v"])  # type: ignore[arg-type]
    assert _bits(value) == _bits(listed[0])  # type: ignore[arg-type]
    assert f'"v": {value!r}' in text
    assert isinstance(source.extra["v"], float)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1", 1),
        ("1.0", 1.0),
        ("1e2", 100.0),
        ("-0", 0),
        ("-0.0", -0.0),
        ("12345678901234567890123456789", 12345678901234567890123456789),
        ("0.30000000000000004", 0.30000000000000004),
        ("4.9e-324", 5e-324),
    ],
)
def test_numbers_keep_type_and_value(written: str, expected: float) -> None:
    """Integers stay integers and fractions stay doubles, sign of zero included."""
    text = (
        '{"claimtrack": 1, "sources": [{"id": "s", "name": "S", "extra": {"v": '
        + written
        + "}}]}"
    )
    source = loads(text).source("s")
    assert source is not None
    value = source.extra["v"]
    assert isinstance(value, (int, float))
    assert type(expected) is type(value)
    assert expected == value
    assert math.copysign(1, expected) == math.copysign(1, value)


@given(json_objects())
def test_extra_of_any_json_round_trips(extra: dict[str, Any]) -> None:
    """Any JSON object in extra comes back equal, as JSON compares values."""
    source = loads(dumps(ClaimGraph.of([Source(id="s", name="S", extra=extra)])))
    assert json.dumps(extra, sort_keys=True) == json.dumps(
        dict(source.sources[0].extra), sort_keys=True
    )
