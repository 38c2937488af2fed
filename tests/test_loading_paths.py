"""The fast ways of loading must read exactly what the careful way reads.

`claimtrack.loads` has three ways to build a graph: the optimistic one (orjson
and the dict builders, which vouch for a whole file at the end), the pairs
builders (the standard library's parser, record by record) and the records'
own constructors, which diagnose every problem. Whatever the text, the three
must agree: the same graph, with the same types in every field, or the same
problems, in the same order.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import _builders, serialize
from claimtrack.errors import LoadError, Problem
from claimtrack.graph import ClaimGraph
from claimtrack.records import (
    _ID_RE,
    RECORD_TYPES,
    Attribution,
    Claim,
    Document,
    Source,
)
from claimtrack.serialize import dumps, loads, unstructure
from claimtrack.testing import graphs

PATHS = ("optimistic", "pairs", "constructors")


@contextlib.contextmanager
def loading_path(path: str) -> Iterator[None]:
    """Make `loads` take *path*: the optimistic path is the default."""
    with contextlib.ExitStack() as stack:
        if path == "optimistic":
            pytest.importorskip("orjson")
        else:
            stack.enter_context(mock.patch.object(serialize, "_fast_loads", None))
        if path == "constructors":
            none = dict.fromkeys(RECORD_TYPES)
            stack.enter_context(mock.patch.object(serialize, "PAIR_BUILDERS", none))
        yield


Outcome = ClaimGraph | tuple[Problem, ...]


def outcome(text: str | bytes, path: str) -> Outcome:
    """Return the graph *text* loads to along *path*, or its problems."""
    with loading_path(path):
        try:
            return loads(text)
        except LoadError as error:
            return error.problems


def assert_same(first: Outcome, second: Outcome) -> None:
    """Assert two outcomes are equal, down to the type of every field."""
    assert first == second
    if isinstance(first, ClaimGraph) and isinstance(second, ClaimGraph):
        for one, other in zip(first, second, strict=True):
            for field in attrs.fields(type(one)):
                mine, theirs = getattr(one, field.name), getattr(other, field.name)
                assert type(mine) is type(theirs), field.name


@pytest.mark.parametrize("path", PATHS[:2])
@given(graph=graphs(consistent=False))
def test_fast_paths_build_what_constructors_build(path: str, graph: ClaimGraph) -> None:
    """A valid file gives the same graph along every path, as text or bytes."""
    text = dumps(graph)
    assert_same(outcome(text, path), outcome(text, "constructors"))
    assert_same(outcome(text.encode(), path), graph)


def test_optimistic_path_vouches_for_canonical_files() -> None:
    """Colons in ids, texts and extra keys do not stop a valid file's tally."""
    pytest.importorskip("orjson")
    text = dumps(_example_graph())
    assert serialize._read_optimistically(text) == _example_graph()
    assert serialize._read_optimistically(text.encode()) == _example_graph()


@given(graph=graphs(consistent=False))
def test_pairs_builders_take_every_valid_record(graph: ClaimGraph) -> None:
    """No valid record needs its constructor on the pairs path."""
    text = dumps(graph)
    with (
        loading_path("pairs"),
        mock.patch.object(serialize, "_build_slowly", side_effect=AssertionError),
    ):
        assert loads(text) == graph


@given(graph=graphs(consistent=False))
def test_dict_builders_vouch_for_every_valid_file(graph: ClaimGraph) -> None:
    """A valid canonical file is read the optimistic way."""
    pytest.importorskip("orjson")
    payload = unstructure(graph)
    if _holds_wide_number(payload):
        # orjson reads an integer beyond 64 bits as a float, so a float that
        # wide may have been an integer in the text: the careful path reads it.
        return
    assert serialize._read_optimistically(dumps(graph)) == graph


def _holds_wide_number(value: object) -> bool:
    if isinstance(value, float):
        return not -(2.0**63) < value < 2.0**63
    if isinstance(value, int) and not isinstance(value, bool):
        return not -(2**63) <= value < 2**64
    if isinstance(value, dict):
        return any(_holds_wide_number(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_wide_number(v) for v in value)
    return False


# --- files that are not plainly valid ---------------------------------------


class Pairs(list[tuple[str, Any]]):
    """An object written with its pairs as given, repeated keys included."""


def write(value: Any, *, escape_colons: bool = False) -> str:
    """Write JSON text, keeping repeated keys and escaping colons if asked."""
    if isinstance(value, dict):
        value = Pairs(value.items())
    if isinstance(value, Pairs):
        members = (
            f"{write(key, escape_colons=escape_colons)}: "
            f"{write(item, escape_colons=escape_colons)}"
            for key, item in value
        )
        return "{" + ", ".join(members) + "}"
    if isinstance(value, list):
        return (
            "[" + ", ".join(write(v, escape_colons=escape_colons) for v in value) + "]"
        )
    text = json.dumps(value, ensure_ascii=False)
    if escape_colons and isinstance(value, str):
        # A colon is never part of an escape, so each one can be escaped.
        text = text.replace(":", "\\u003a")
    return text


def _pairs(record: dict[str, Any] | Pairs) -> Pairs:
    return record if isinstance(record, Pairs) else Pairs(record.items())


_COLON_TEXT = st.text(':a"\\/ ', max_size=6)
_ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=7),
    st.floats(allow_nan=False),
    _COLON_TEXT,
    st.sampled_from(["ar", "2025-01-24", "asserts", "C", "x:1", "bad id", ""]),
    st.lists(_COLON_TEXT, max_size=2),
    st.dictionaries(_COLON_TEXT, _COLON_TEXT, max_size=2),
    st.integers(min_value=2**64, max_value=2**70),
)


@st.composite
def mutated_texts(draw: st.DrawFn) -> str:
    """A generated graph's file, changed the way hands and tools change files."""
    payload: dict[str, Any] = unstructure(draw(graphs(consistent=False, max_claims=3)))
    groups = [g for g in serialize._GROUPS if payload.get(g)]
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        if not groups:
            break
        group = draw(st.sampled_from(groups))
        records = payload[group]
        index = draw(st.integers(min_value=0, max_value=len(records) - 1))
        record = _pairs(records[index])
        key = draw(st.sampled_from([k for k, _ in record] + ["extra", "note", "x:y"]))
        action = draw(st.sampled_from(["repeat", "replace", "drop", "nest"]))
        value = draw(_ANY_VALUE)
        position = draw(st.integers(min_value=0, max_value=len(record)))
        if action == "repeat":
            record.insert(position, (key, value))
        elif action == "replace":
            record = Pairs([(k, value if k == key else v) for k, v in record])
        elif action == "drop":
            record = Pairs([(k, v) for k, v in record if k != key])
        else:
            nested = Pairs([("a:", 1), ("b", value)])
            if draw(st.booleans()):
                nested.append(("a:", 2))
            record = Pairs([*record, ("extra", Pairs([("k", [nested])]))])
        records[index] = record
    if draw(st.booleans()) and "claims" in payload:
        # Colons in text shift the tally that stands for the repeated keys.
        claims = payload["claims"]
        claims[0] = Pairs([*_pairs(claims[0]), ("note", "a: b: c")])
    escape = draw(st.booleans())
    if not draw(st.booleans()):
        return write(payload, escape_colons=escape)
    # The top level as `dumps` lays it out, which is read group by group;
    # sometimes with a group repeated, or a part that is not one value.
    members = [
        (key, write(value, escape_colons=escape)) for key, value in payload.items()
    ]
    if len(members) > 1 and draw(st.booleans()):
        members.insert(draw(st.integers(1, len(members))), members[-1])
    if len(members) > 1 and draw(st.booleans()):
        key, value = members[-1]
        members[-1] = (key, value + ', "sources": []')
    lines = ",\n".join(f'  "{key}": {value}' for key, value in members)
    return "{\n" + lines + "\n}\n"


@given(text=mutated_texts())
def test_every_path_reads_a_changed_file_alike(text: str) -> None:
    """Repeated keys, wrong values and escapes: every path agrees."""
    careful = outcome(text, "constructors")
    assert_same(outcome(text, "pairs"), careful)
    assert_same(outcome(text.encode(), "pairs"), careful)
    pytest.importorskip("orjson")
    assert_same(outcome(text, "optimistic"), careful)
    assert_same(outcome(text.encode(), "optimistic"), careful)


def _example_graph() -> ClaimGraph:
    return ClaimGraph.of(
        [
            Claim(id="c:1", text="Said: it was foiled.", language="en"),
            Claim(id="c2", text="قال: ", language="ar", extra={"n": [1, {"a:b": 2}]}),
        ]
    )


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '{"claimtrack": 1, "claims": [{"id": "c", "id": "d", "text": "t", '
            '"language": "en"}]}',
            "$.claims[0]: duplicate key 'id'",
            id="repeated record key",
        ),
        pytest.param(
            '{"claimtrack": 1, "claims": [{"id": "c", "text": "a:b", "language": "en", '
            '"extra": {"k": 1, "k": 2}}]}',
            "$.claims[0].extra: duplicate key 'k'",
            id="repeated key in extra",
        ),
        pytest.param(
            # The escaped colon makes up for the repeated key in the count of
            # colons: only the escape check catches it.
            '{"claimtrack": 1, "claims": [{"id": "c", "text": "a\\u003ab", '
            '"language": "en", "language": "ar"}]}',
            "$.claims[0]: duplicate key 'language'",
            id="repeated key balanced by an escaped colon",
        ),
        pytest.param(
            '{"claimtrack": 1, "claimtrack": 1}',
            "$: duplicate key 'claimtrack'",
            id="repeated top-level key",
        ),
        pytest.param(
            '{"claimtrack": 1, "sources": [{"id": "s", "name": "n", '
            '"names": {"ar": "a", "ar": "b"}}]}',
            "$.sources[0].names: duplicate key 'ar'",
            id="repeated language tag",
        ),
        pytest.param(
            '{"claimtrack": 1, "claims": [{"id": "c-", "text": "t", '
            '"language": "en"}]}',
            "$.claims[0].id: must be a short slug",
            id="bad id",
        ),
    ],
)
def test_every_path_reports_alike(path: str, text: str, expected: str) -> None:
    """The problems the optimistic path cannot see are found all the same."""
    problems = outcome(text, path)
    assert isinstance(problems, tuple)
    assert any(str(problem).startswith(expected) for problem in problems), problems


@pytest.mark.parametrize("path", PATHS)
def test_wide_integers_in_extra_kept_exactly(path: str) -> None:
    """Integers orjson would read as floats survive exactly."""
    text = (
        '{"claimtrack": 1, "claims": [{"id": "c", "text": "t", "language": "en", '
        '"extra": {"n": 18446744073709551616, "m": -9223372036854775809}}]}'
    )
    graph = outcome(text, path)
    assert isinstance(graph, ClaimGraph)
    assert graph.claims[0].extra == {"n": 2**64, "m": -(2**63) - 1}


_ID_ALPHABET = "aZ09._:-\n é"


@given(st.lists(st.text(_ID_ALPHABET, max_size=130), max_size=5))
def test_ids_checked_in_bulk_as_one_by_one(ids: list[str]) -> None:
    """The bulk check of ids accepts exactly what the id pattern accepts."""
    valid = all(_ID_RE.fullmatch(i) is not None for i in ids)
    try:
        colons = _builders._valid_ids_colons(ids)
    except _builders.Declined:
        assert not valid
    else:
        assert valid
        assert colons == sum(i.count(":") for i in ids)


@pytest.mark.parametrize("length", [127, 128, 129])
def test_ids_checked_in_bulk_up_to_their_length(length: int) -> None:
    """Ids of up to 128 characters pass the bulk check; longer ones do not."""
    ids = ["a" * length, "b"]
    valid = _ID_RE.fullmatch(ids[0]) is not None
    assert valid == (length <= 128)
    try:
        _builders._valid_ids_colons(ids)
    except _builders.Declined:
        assert not valid
    else:
        assert valid


def test_every_record_type_has_builders() -> None:
    """A field the builders do not know would send its type down the slow path."""
    for cls in RECORD_TYPES:
        assert _builders.PAIR_BUILDERS[cls] is not None, cls
        assert _builders.DICT_BUILDERS[cls] is not None, cls


def test_canonical_files_are_cut_into_their_groups() -> None:
    """A file as `dumps` writes it is parsed group by group, and only such a file."""
    text = dumps(_example_graph()).encode()
    parts = serialize._canonical_parts(text)
    assert parts is not None
    assert ["claims"] == list(parts)
    claims = bytes(parts["claims"])
    assert claims.startswith(b"[")
    assert claims.endswith(b"]")
    assert serialize._canonical_parts(text.decode()) is None  # text: parsed whole
    assert serialize._canonical_parts(text.replace(b"\n", b"")) is None
    newer = text.replace(b'"claimtrack": 1', b'"claimtrack": 10')
    assert serialize._canonical_parts(newer) is None
    with pytest.raises(LoadError, match="format version 10 is newer"):
        loads(newer)


def _group_texts(text: bytes) -> tuple[bytes, list[bytes]]:
    """Split a canonical file into its head and the text of each group's entry."""
    head, _, body = text[: -len(b"\n}")].partition(b',\n  "')
    return head, [b'  "' + entry for entry in body.split(b',\n  "')]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("change", ["first two swapped", "middle swapped", "repeated"])
def test_groups_out_of_their_order_are_read_alike(path: str, change: str) -> None:
    """Groups written in another order, or twice, read as their JSON says.

    A canonical file's groups are looked for one after the other: one out of
    that order must not be missed, nor a second one with the same key taken
    for the first.
    """
    graph = ClaimGraph.of(
        [
            Source(id="s", name="S"),
            Document(id="d", title="D"),
            Claim(id="c", text="t", language="en"),
            Attribution(id="a", claim="c", source="s", document="d"),
        ]
    )
    head, entries = _group_texts(dumps(graph).encode())
    assert len(entries) == 4
    if change == "first two swapped":
        entries[0], entries[1] = entries[1], entries[0]
    elif change == "middle swapped":
        entries[1], entries[2] = entries[2], entries[1]
    else:
        entries.insert(1, entries[0].replace(b'"S"', b'"T"'))
    text = head + b",\n" + b",\n".join(entries) + b"\n}"
    if change == "first two swapped":  # no group's text is left out
        assert serialize._canonical_parts(text) is None
    found = outcome(text, path)
    assert_same(found, outcome(text, "constructors"))
    if change == "repeated":
        assert isinstance(found, tuple)  # a repeated key is refused
        assert "duplicate key 'sources'" in str(found[0])
    else:
        assert found == graph
