"""Fuzzing the loader: hostile and broken variations of valid claim files.

Each input starts as the canonical payload of a generated graph and is then
mutated, first as JSON (keys dropped, values of the wrong type, random values
inserted, Unicode noise, huge and non-finite numbers, deep nesting) and then as
text and bytes (repeated keys, lone surrogate escapes, bidi controls, deeply
nested arrays, truncation, flipped bytes). Whatever comes out, `loads` either
returns a graph whose canonical text reads back equal, or raises `LoadError`
with at least one problem, each with a ``$`` path. No other exception may
escape.

The default run tries a few dozen inputs per test; the ``slow`` test tries
10,000. ``fuzz/fuzz_loads.py`` runs the same contract under atheris for as long
as one likes.
"""

from __future__ import annotations

import copy
import io
import json
import re
from collections.abc import Callable
from typing import Any
from unittest import mock

import pytest
from hypothesis import currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from claimtrack import serialize
from claimtrack.errors import LoadError
from claimtrack.graph import ClaimGraph
from claimtrack.records import RECORD_TYPES
from claimtrack.serialize import dumps, load, loads, unstructure
from claimtrack.testing import graphs, json_values, texts

# --- the contract -------------------------------------------------------------


def outcome(data: str | bytes) -> ClaimGraph | LoadError:
    """Load *data* and check the loader's contract; return what it gave.

    A graph must write canonical text that reads back equal and writes the same
    text again; a `LoadError` must list problems, each with a ``$`` path and a
    message. Any other exception propagates and fails the calling test.
    """
    try:
        graph = loads(data)
    except LoadError as error:
        failure: LoadError | None = error
    else:
        failure = None
    if failure is not None:
        _tally("LoadError")
        assert failure.problems, "a LoadError must name at least one problem"
        for problem in failure.problems:
            assert problem.path.startswith("$"), problem
            assert problem.message, problem
        assert str(failure)
        return failure
    _tally("loaded")
    text = dumps(graph)
    again = loads(text)
    assert graph == again
    assert text == dumps(again)
    return graph


def _tally(kind: str) -> None:
    """Count outcomes for ``--hypothesis-show-statistics``, when under Hypothesis."""
    if currently_in_test_context():
        event(kind)


def same_outcome(
    expected: ClaimGraph | LoadError, actual: ClaimGraph | LoadError
) -> bool:
    """Whether two loads agree: equal graphs, or errors with the same problems."""
    if isinstance(expected, LoadError) and isinstance(actual, LoadError):
        return expected.problems == actual.problems
    return expected == actual


def check_every_way_in(data: str | bytes) -> None:
    """Load *data* as it is, from an open file, and (for text) as UTF-8 bytes.

    Each time, the fast ways of reading must agree with the careful one: the
    records' own constructors behind the standard library's parser.
    """
    first = outcome(data)
    with (
        mock.patch.object(serialize, "_fast_loads", None),
        mock.patch.object(serialize, "PAIR_BUILDERS", dict.fromkeys(RECORD_TYPES)),
    ):
        assert same_outcome(first, _guarded(lambda: loads(data)))
    stream: io.StringIO | io.BytesIO = (
        io.StringIO(data) if isinstance(data, str) else io.BytesIO(data)
    )
    assert same_outcome(first, _guarded(lambda: load(stream)))
    if isinstance(data, str):
        try:
            encoded = data.encode("utf-8")
        except UnicodeEncodeError:
            # Raw lone surrogates cannot be UTF-8; as bytes they are invalid.
            encoded = data.encode("utf-8", "surrogatepass")
            assert isinstance(outcome(encoded), LoadError)
        else:
            assert same_outcome(first, outcome(encoded))


def _guarded(read: Callable[[], ClaimGraph]) -> ClaimGraph | LoadError:
    try:
        return read()
    except LoadError as error:
        return error


# --- mutating the payload as JSON -----------------------------------------------

_FIELD_NAMES = [
    "claimtrack",
    "sources",
    "documents",
    "claims",
    "attributions",
    "relations",
    "assessments",
    "id",
    "name",
    "names",
    "aliases",
    "kind",
    "anonymous",
    "descriptor",
    "affiliation",
    "reliability",
    "note",
    "extra",
    "publisher",
    "title",
    "url",
    "published",
    "language",
    "retracted",
    "text",
    "translations",
    "about",
    "event_date",
    "place",
    "claim",
    "source",
    "document",
    "via",
    "stance",
    "mode",
    "cue",
    "quote",
    "said",
    "target",
    "by",
    "credibility",
    "likelihood",
    "confidence",
    "verdict",
    "label",
    "rationale",
    "date",
]

# Values that are valid somewhere in the format, so that some mutants still
# load and exercise the round trip rather than only the error paths.
_PLAUSIBLE: list[Any] = [
    "s1",
    "a-1",
    "ar",
    "en-GB",
    "A",
    "F",
    "Z",
    1,
    6,
    7,
    0,
    "2025",
    "2025-01-24",
    "2025-02-30",
    "2025-01-24 (Friday)",
    "2025-01-24 (Monday)",
    "2025-01/2024",
    "../2025-01",
    "person",
    "state_media",
    "denies",
    "direct_quote",
    "contradicts",
    "likely",
    "high",
    "mostly_false",
    "prediction",
    [],
    {},
    ["s1"],
    {"ar": "نص"},
    True,
    False,
    None,
    "",
    " ",
]

_NOISE = [
    "\u202e",  # right-to-left override
    "\u202d",
    "\u2066",
    "\u2069",
    "\u200f",  # right-to-left mark
    "\u061c",  # Arabic letter mark
    "\u0640",  # tatweel
    "\u064e",  # fatha
    "\u0301",  # a combining accent (NFD)
    "\u00e9",  # the same letter precomposed (NFC)
    "\ufeff",
    "\u200b",
    "\u200d",
    "\x00",
    "\x1b[2J",
    "\x9b",
    "\r\n",
    "\t",
    "\ud800",  # lone surrogates, as code points
    "\udfff",
    "\udc00\ud800",
    "\ud83d\ude00",  # a surrogate pair in a Python string: still not text
    "\U0001f600",
    "\uffff",
    "\U0010ffff",
    '"',
    "\\",
    "\u2028",
]

_Location = tuple[Any, Any]  # (container, key or index)


def _locations(payload: Any) -> list[_Location]:
    """Every (container, key) slot in the payload, found without recursion."""
    found: list[_Location] = []
    stack = [payload]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, child in item.items():
                found.append((item, key))
                stack.append(child)
        elif isinstance(item, list):
            for index, child in enumerate(item):
                found.append((item, index))
                stack.append(child)
    return found


def _containers(payload: Any) -> list[Any]:
    found: list[Any] = []
    stack = [payload]
    while stack:
        item = stack.pop()
        if isinstance(item, (dict, list)):
            found.append(item)
            stack.extend(item.values() if isinstance(item, dict) else item)
    return found


def _nested(depth: int, leaf: Any) -> Any:
    value = leaf
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


def _replacement(draw: st.DrawFn) -> Any:
    """A value for a slot: of another type, plausible, huge, non-finite or deep."""
    choice = draw(st.integers(0, 7))
    if choice == 0:
        return draw(st.sampled_from(_PLAUSIBLE))
    if choice == 1:
        return draw(json_values())
    if choice == 2:
        # Integers far past 64 bits, up to Python's limit on converting them.
        exponent = draw(st.integers(64, 14_000))
        return draw(st.sampled_from([2**exponent, -(2**exponent), 10**18 + 1]))
    if choice == 3:
        # Written as the NaN / Infinity literals JSON does not have.
        return draw(
            st.sampled_from([float("nan"), float("inf"), float("-inf"), -0.0, 1e308])
        )
    if choice == 4:
        return _nested(draw(st.integers(1, 200)), draw(st.sampled_from([1, "x", []])))
    if choice == 5:
        return draw(texts(max_size=10))
    if choice == 6:
        return draw(st.sampled_from(_NOISE))
    return draw(st.floats())


def _noisy(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(_NOISE)) + text[at:]


def _drop_key(draw: st.DrawFn, payload: Any) -> Any:
    objects = [c for c in _containers(payload) if isinstance(c, dict) and c]
    if objects:
        target = draw(st.sampled_from(objects))
        del target[draw(st.sampled_from(sorted(target)))]
    return payload


def _replace_value(draw: st.DrawFn, payload: Any) -> Any:
    slots = _locations(payload)
    if not slots:
        return _replacement(draw)
    container, key = draw(st.sampled_from(slots))
    container[key] = _replacement(draw)
    return payload


def _insert_value(draw: st.DrawFn, payload: Any) -> Any:
    containers = _containers(payload)
    if not containers:
        return payload
    target = draw(st.sampled_from(containers))
    value = _replacement(draw)
    if isinstance(target, dict):
        key = draw(st.sampled_from(_FIELD_NAMES) | texts(max_size=6))
        target[key] = value
    else:
        target.insert(draw(st.integers(0, len(target))), value)
    return payload


def _unicode_noise(draw: st.DrawFn, payload: Any) -> Any:
    slots = [
        (container, key)
        for container, key in _locations(payload)
        if isinstance(container[key], str) or isinstance(key, str)
    ]
    if not slots:
        return payload
    container, key = draw(st.sampled_from(slots))
    if isinstance(container[key], str) and draw(st.booleans()):
        container[key] = _noisy(draw, container[key])
    elif isinstance(key, str):
        container[_noisy(draw, key)] = container.pop(key)
    return payload


def _wrap_root(draw: st.DrawFn, payload: Any) -> Any:
    return draw(st.sampled_from([[payload], {"claimtrack": 1, "x": payload}, None]))


_STRUCTURAL = [_drop_key, _replace_value, _insert_value, _unicode_noise, _wrap_root]


@st.composite
def payloads(draw: st.DrawFn) -> Any:
    """The payload of a generated graph, mutated zero to four times as JSON."""
    graph = draw(graphs(consistent=draw(st.booleans()), max_claims=3, max_sources=4))
    payload: Any = copy.deepcopy(unstructure(graph))
    for _ in range(draw(st.integers(0, 4))):
        mutate = draw(st.sampled_from(_STRUCTURAL[:-1]))
        payload = mutate(draw, payload)
    if draw(st.integers(0, 19)) == 0:
        payload = _wrap_root(draw, payload)
    return payload


def _text_of(draw: st.DrawFn, payload: Any) -> str:
    # NaN and infinities come out as the NaN / Infinity literals on purpose.
    return json.dumps(
        payload,
        ensure_ascii=draw(st.booleans()),
        indent=draw(st.sampled_from([None, 0, 2, "\t"])),
        sort_keys=draw(st.booleans()),
    )


# --- mutating the text --------------------------------------------------------

_KEY = re.compile(r'"([A-Za-z_]+)"\s*:')
_VALUE_START = re.compile(r":\s*")


def _repeat_key(draw: st.DrawFn, text: str) -> str:
    keys = list(_KEY.finditer(text))
    if not keys:
        return text
    found = draw(st.sampled_from(keys))
    value = json.dumps(draw(st.sampled_from(_PLAUSIBLE)))
    # The copy goes just before the original, inside the same object.
    return (
        f'{text[: found.start()]}"{found.group(1)}": {value}, {text[found.start() :]}'
    )


def _at_value(draw: st.DrawFn, text: str, inserted: str, *, replace: bool) -> str:
    starts = list(_VALUE_START.finditer(text))
    if not starts:
        return inserted + text
    at = draw(st.sampled_from(starts)).end()
    if not replace:
        return text[:at] + inserted + text[at:]
    # Replace one JSON token (a string, number or literal) where one starts.
    token = re.compile(r'"(?:[^"\\]|\\.)*"|[-+0-9.eE]+|true|false|null').match(text, at)
    end = token.end() if token else at
    return text[:at] + inserted + text[end:]


def _surrogate_escape(draw: st.DrawFn, text: str) -> str:
    escapes = draw(
        st.sampled_from(
            [
                "\\ud800",
                "\\udfff",
                "\\uDBFF",
                "\\udc00\\ud800",
                "\\ud83d\\ude00",  # a proper pair: real text, must load
                "\\ud83d",
                "\\u0000",
                "\\u202e",
                "\\u001b[31m",
            ]
        )
    )
    strings = [m.end() - 1 for m in re.finditer(r'"(?:[^"\\]|\\.)*"', text)]
    if not strings:
        return text
    at = draw(st.sampled_from(strings))
    return text[:at] + escapes + text[at:]


def _bidi_controls(draw: st.DrawFn, text: str) -> str:
    strings = [m.end() - 1 for m in re.finditer(r'"(?:[^"\\]|\\.)*"', text)]
    if not strings:
        return text
    at = draw(st.sampled_from(strings))
    noise = draw(st.sampled_from(["\u202e", "\u2067x\u2069", "\u200f", "\u061c"]))
    return text[:at] + noise + text[at:]


def _deep_nesting(draw: st.DrawFn, text: str) -> str:
    depth = draw(st.sampled_from([63, 64, 65, 66, 1_000, 100_000]))
    closed = draw(st.booleans())
    value = "[" * depth + ("]" * depth if closed else "")
    if draw(st.integers(0, 4)) == 0:
        return value
    return _at_value(draw, text, value, replace=True)


def _odd_number(draw: st.DrawFn, text: str) -> str:
    number = draw(
        st.sampled_from(
            [
                "NaN",
                "Infinity",
                "-Infinity",
                "1e400",
                "-1e400",
                "1E+999",
                "-0",
                "-0.0",
                "5e-324",
                "1.7976931348623157e308",
                "1" * 5_000,  # past Python's limit on digits in an int
                "9" * 4_000,
                "0x10",
                "01",
                "1.",
                ".5",
                "+1",
            ]
        )
    )
    return _at_value(draw, text, number, replace=True)


def _truncate(draw: st.DrawFn, text: str) -> str:
    return text[: draw(st.integers(0, max(0, len(text) - 1)))]


def _splice(draw: st.DrawFn, text: str) -> str:
    junk = draw(
        st.sampled_from(
            ["}", "]", ",", ":", '"', "{", "[", "//", "/*", "\x00", " ", "\\", "'"]
        )
    )
    at = draw(st.integers(0, len(text)))
    return text[:at] + junk + text[at:]


_TEXTUAL = [
    _repeat_key,
    _surrogate_escape,
    _bidi_controls,
    _deep_nesting,
    _odd_number,
    _truncate,
    _splice,
]


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """A mutated payload written as JSON text, then mutated zero to three times."""
    text = _text_of(draw, draw(payloads()))
    for _ in range(draw(st.integers(0, 3))):
        text = draw(st.sampled_from(_TEXTUAL))(draw, text)
    return text


@st.composite
def hostile_bytes(draw: st.DrawFn) -> bytes:
    """Hostile text encoded as UTF-8, with bytes flipped, dropped or inserted."""
    data = bytearray(draw(hostile_texts()).encode("utf-8", "surrogatepass"))
    for _ in range(draw(st.integers(0, 4))):
        action = draw(st.integers(0, 4))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if action == 0 and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif action == 1 and data:
            del data[at]
        elif action == 2:
            data[at:at] = draw(
                st.sampled_from(
                    [b"\xff", b"\xc0\x80", b"\xed\xa0\x80", b"\xef\xbb\xbf", b"\x80"]
                )
                | st.binary(min_size=1, max_size=3)
            )
        elif action == 3:
            data[:0] = b"\xef\xbb\xbf"
        else:
            data[draw(st.integers(0, len(data))) :] = b""
    return bytes(data)


# --- the properties -------------------------------------------------------------


@given(payloads())
def test_mutated_payloads(payload: Any) -> None:
    """A payload mutated as JSON loads faithfully or fails with LoadError only."""
    check_every_way_in(json.dumps(payload, ensure_ascii=False))


@given(hostile_texts())
def test_hostile_texts(text: str) -> None:
    """Mutated JSON text loads faithfully or fails with LoadError only."""
    check_every_way_in(text)


@given(hostile_bytes())
def test_hostile_bytes(data: bytes) -> None:
    """Mutated, corrupted bytes load faithfully or fail with LoadError only."""
    check_every_way_in(data)


@given(st.binary(max_size=64) | st.text(max_size=64))
def test_arbitrary_input(data: bytes | str) -> None:
    """Input unrelated to the format fails with LoadError, never anything else."""
    check_every_way_in(data)


@given(graphs(consistent=False))
def test_unmutated_documents_load(graph: ClaimGraph) -> None:
    """The starting point of every mutation loads, so the fuzzer starts from valid."""
    assert graph == outcome(dumps(graph))


@pytest.mark.parametrize(
    ("text", "path", "fragment"),
    [
        ("[" * 100_000, "$", "nested too deeply"),
        ("[" * 100_000 + "]" * 100_000, "$", "nested too deeply"),
        ('{"claimtrack": 1, "claims": NaN}', "$", "NaN is not a JSON number"),
        ('{"claimtrack": 1, "claims": -Infinity}', "$", "-Infinity is not"),
        ('{"claimtrack": ' + "1" * 5_000 + "}", "$", "not valid JSON"),
        ('{"claimtrack": 1, "claimtrack": 1}', "$", "duplicate key 'claimtrack'"),
        ('{"claimtrack": 1, "x\\ud800": 1}', "$", "lone surrogate"),
        ('{"claimtrack": 1e400}', "$.claimtrack", "expected a format version"),
        ('{"claimtrack": 1', "$", "not valid JSON"),
    ],
)
def test_hostile_examples(text: str, path: str, fragment: str) -> None:
    """Classic hostile inputs each fail with a LoadError naming where and what."""
    error = outcome(text)
    assert isinstance(error, LoadError)
    assert path == error.problems[0].path
    assert fragment in error.problems[0].message


@pytest.fixture(scope="module")
def at_length(request: pytest.FixtureRequest) -> None:
    """Skip unless the run selects the ``slow`` marker (``pytest -m slow``)."""
    selected = str(request.config.getoption("markexpr", ""))
    if "slow" not in selected or "not slow" in selected:
        pytest.skip("a long run; select it with: pytest -m slow")


@pytest.mark.slow
@pytest.mark.usefixtures("at_length")
@settings(max_examples=10_000)
@given(st.one_of(hostile_texts(), hostile_bytes()))
def test_fuzz_loader_at_length(data: str | bytes) -> None:
    """Over 10,000 hostile inputs, nothing but LoadError ever escapes the loader."""
    check_every_way_in(data)
