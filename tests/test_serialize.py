from __future__ import annotations

import gc
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import _writers, serialize
from claimtrack.errors import ClaimtrackError, LoadError, Problem
from claimtrack.graph import ClaimGraph
from claimtrack.records import MAX_JSON_DEPTH, Claim, Source
from claimtrack.serialize import (
    FORMAT_VERSION,
    dump,
    dumps,
    json_schema,
    load,
    loads,
    unstructure,
)
from claimtrack.testing import graphs, record_orders

_VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def _problems(text: str | bytes) -> list[tuple[str, str]]:
    with pytest.raises(LoadError) as caught:
        loads(text)
    return [(p.path, p.message) for p in caught.value.problems]


def _doc(**groups: Any) -> str:
    return json.dumps({"claimtrack": 1, **groups}, ensure_ascii=False)


# --- round trips ----------------------------------------------------------------


@given(graphs(consistent=False))
def test_round_trip(graph: ClaimGraph) -> None:
    """Every graph reads back equal from its canonical text."""
    assert graph == loads(dumps(graph))


@given(graphs(consistent=False))
def test_byte_stable(graph: ClaimGraph) -> None:
    """Canonical text read and written again is byte for byte the same."""
    text = dumps(graph)
    assert text == dumps(loads(text))


@given(st.data(), graphs())
def test_canonical_text_ignores_record_order(
    data: st.DataObject, graph: ClaimGraph
) -> None:
    """The canonical text does not depend on the order records were added in."""
    order = data.draw(record_orders(graph))
    assert dumps(graph) == dumps(ClaimGraph.of(order))


@given(graphs())
def test_schema_accepts_generated(graph: ClaimGraph) -> None:
    """The JSON Schema accepts the payload of every generated graph."""
    _VALIDATOR.validate(unstructure(graph))


def test_canonical_layout() -> None:
    """Canonical text: version first, two-space indent, Arabic unescaped, newline."""
    graph = ClaimGraph.of(
        [Claim(id="c", text="قال مسؤولون", language="ar"), Source(id="s", name="S")]
    )
    expected = (
        "{\n"
        '  "claimtrack": 1,\n'
        '  "sources": [\n'
        "    {\n"
        '      "id": "s",\n'
        '      "name": "S",\n'
        '      "kind": "other"\n'
        "    }\n"
        "  ],\n"
        '  "claims": [\n'
        "    {\n"
        '      "id": "c",\n'
        '      "text": "قال مسؤولون",\n'
        '      "language": "ar",\n'
        '      "kind": "fact"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )
    assert expected == dumps(graph)


@given(graphs(consistent=False))
def test_generated_writers_write_what_cattrs_writes(graph: ClaimGraph) -> None:
    """The fast group writers give the converter's dicts, key order included."""
    for group, cls in serialize._GROUPS.items():
        records = getattr(graph, group)
        writer = _writers.WRITERS[cls]
        assert writer is not None
        fast = [list(item.items()) for item in writer(records)]
        hook = serialize._UNSTRUCTURE_HOOKS[cls]
        assert [list(hook(record).items()) for record in records] == fast


@given(graphs(consistent=False))
def test_orjson_writes_what_json_writes(graph: ClaimGraph) -> None:
    """With orjson installed, dumps writes byte for byte what json would write."""
    pytest.importorskip("orjson")
    payload = unstructure(graph)
    expected = serialize._json_text(payload)
    assert expected == dumps(graph)
    if serialize._fast_writes_alike(graph):
        assert serialize._fast_dumps is not None
        assert expected == serialize._fast_dumps(payload).decode("utf-8")


@pytest.mark.parametrize(
    "value",
    [
        -0.0,
        0.1,
        1e308,
        5e-324,
        1e-07,
        1e16,
        2**64 + 1,
        -(2**100),
        1.0,
        12345678901234567890.0,
    ],
)
def test_extra_numbers_exact(value: float) -> None:
    """Numbers in extra come back as the same type and value, digit for digit."""
    text = _doc(sources=[{"id": "s", "name": "S", "extra": {"v": value}}])
    graph = loads(text)
    read = graph.sources[0].extra["v"]
    assert (type(value), repr(value)) == (type(read), repr(read))
    assert dumps(graph) == dumps(loads(dumps(graph)))
    assert repr(value) in dumps(graph)


def test_extra_at_depth_limit_round_trips() -> None:
    """An extra value nested to the limit loads and writes back."""
    value: Any = 1
    for _ in range(MAX_JSON_DEPTH):
        value = [value]
    graph = ClaimGraph.of([Source(id="s", name="S", extra={"v": value})])
    assert graph == loads(dumps(graph))


def test_text_kept_exactly() -> None:
    """Harakat, tatweel, bidi marks, emoji and spaces survive a round trip."""
    text = " قَالَ ـــ المسؤولون\u200f\u2067 😀‍ e\u0301 \u00a0"
    graph = ClaimGraph.of([Claim(id="c", text=text, language="ar")])
    expected = text
    assert expected == loads(dumps(graph)).claims[0].text


def test_dump_and_load_path(tmp_path: Path) -> None:
    """A graph dumped to a path loads back equal, from a path or an open file."""
    graph = ClaimGraph.of([Source(id="s", name="عنب بلدي")])
    target = tmp_path / "graph.json"
    dump(graph, target)
    assert graph == load(target)
    with target.open("rb") as handle:
        assert graph == load(handle)
    buffer = io.StringIO()
    dump(graph, buffer)
    assert dumps(graph) == buffer.getvalue()


def test_load_missing_file(tmp_path: Path) -> None:
    """A missing file is the operating system's FileNotFoundError."""
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "absent.json")


def test_load_directory(tmp_path: Path) -> None:
    """A directory is an OSError, as open() reports it, not a LoadError."""
    with pytest.raises(OSError, match=r"Is a directory|Permission denied") as caught:
        load(tmp_path)
    assert not isinstance(caught.value, ClaimtrackError)


def test_load_error_names_source(tmp_path: Path) -> None:
    """A LoadError from a file names the file first in its message."""
    target = tmp_path / "bad.json"
    target.write_text("[]", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(target)
    expected = f"{target}: cannot load claim graph (1 problem):"
    assert expected == str(caught.value).splitlines()[0]
    assert isinstance(caught.value, ValueError)


def test_loads_rejects_non_text() -> None:
    """Passing something that is not text is a programming error, a TypeError."""
    with pytest.raises(TypeError, match="expected JSON text"):
        loads(12)  # type: ignore[arg-type]


@pytest.mark.parametrize("enabled", [True, False])
def test_garbage_collector_left_as_found(enabled: bool) -> None:
    """Reading, failed or not, and writing leave the collector on or off as found."""
    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        dumps(loads(_doc(sources=[{"id": "s", "name": "S"}])))
        after_success = gc.isenabled()
        with pytest.raises(LoadError):
            loads("{")
        after_failure = gc.isenabled()
    finally:
        (gc.enable if was_enabled else gc.disable)()
    assert (enabled, enabled) == (after_success, after_failure)


def test_loaded_graph_left_to_the_oldest_generation() -> None:
    """The collector does not traverse a freshly loaded graph at once."""
    text = dumps(ClaimGraph.of(Source(id=f"s{i}", name="S") for i in range(12_000)))
    gc.collect()
    graph = loads(text)
    young = {id(o) for generation in (0, 1) for o in gc.get_objects(generation)}
    assert not young & {id(source) for source in graph.sources}
    assert 0 == gc.get_freeze_count()


def test_objects_frozen_by_the_caller_stay_frozen() -> None:
    """A program that froze its objects (before forking, say) keeps them frozen."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        loads(_doc(sources=[{"id": "s", "name": "S"}]))
        assert frozen == gc.get_freeze_count()
    finally:
        gc.unfreeze()


def test_load_error_pickles() -> None:
    """A LoadError survives pickling with its problems and source."""
    import pickle  # noqa: PLC0415 - only this test needs it

    error = LoadError((Problem(path="$", message="m"),), source="f.json")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert (error.problems, error.source) == (copy.problems, copy.source)


# --- broken input ---------------------------------------------------------------

_ATTR = {"id": "a", "claim": "c", "source": "s", "document": "d"}

BROKEN: list[tuple[str, str | bytes, list[tuple[str, str]]]] = [
    ("not json", "{", [("$", "not valid JSON: Expecting property name")]),
    ("empty", "", [("$", "not valid JSON: Expecting value (line 1, column 1)")]),
    ("top level array", "[]", [("$", "expected a claimtrack object, got an array")]),
    (
        "top level string",
        '"x"',
        [("$", "expected a claimtrack object, got the string")],
    ),
    (
        "missing version",
        "{}",
        [("$", 'missing the format version: add "claimtrack": 1')],
    ),
    (
        "newer version",
        '{"claimtrack": 2, "sources": [{"bogus": 1}]}',
        [
            (
                "$.claimtrack",
                "format version 2 is newer than this library reads (version 1)",
            )
        ],
    ),
    ("string version", '{"claimtrack": "1"}', [("$.claimtrack", "got the string '1'")]),
    ("float version", '{"claimtrack": 1.0}', [("$.claimtrack", "got the number 1.0")]),
    ("bool version", '{"claimtrack": true}', [("$.claimtrack", "got a boolean")]),
    ("zero version", '{"claimtrack": 0}', [("$.claimtrack", "got the number 0")]),
    (
        "unknown top-level key",
        '{"claimtrack": 1, "claim": []}',
        [("$.claim", "unknown key; expected claimtrack, sources, documents")],
    ),
    (
        "group not a list",
        '{"claimtrack": 1, "sources": {}}',
        [("$.sources", "expected an array, got an object")],
    ),
    (
        "record not an object",
        '{"claimtrack": 1, "claims": [1, "x"]}',
        [
            ("$.claims[0]", "expected an object, got the number 1"),
            ("$.claims[1]", "expected an object, got the string 'x'"),
        ],
    ),
    (
        "wrong types",
        _doc(
            sources=[{"id": "s", "name": 5, "aliases": "x", "anonymous": "yes"}],
            claims=[{"id": "c", "text": "t", "language": "en", "about": [1]}],
        ),
        [
            ("$.sources[0].name", "expected a string, got the number 5"),
            (
                "$.sources[0].aliases",
                "expected an array of strings, got the string 'x'",
            ),
            ("$.sources[0].anonymous", "expected true or false, got the string 'yes'"),
            ("$.claims[0].about[0]", "expected a string, got the number 1"),
        ],
    ),
    (
        "credibility true",
        _doc(assessments=[{"id": "x", "claim": "c", "credibility": True}]),
        [("$.assessments[0].credibility", "expected an integer 1-6, got a boolean")],
    ),
    (
        "missing required fields",
        _doc(attributions=[{"id": "a"}], relations=[{"id": "r", "claim": "c"}]),
        [
            ("$.attributions[0].claim", "missing required field"),
            ("$.attributions[0].source", "missing required field"),
            ("$.attributions[0].document", "missing required field"),
            ("$.relations[0].kind", "missing required field"),
            ("$.relations[0].target", "missing required field"),
        ],
    ),
    (
        "unknown record keys",
        _doc(attributions=[{**_ATTR, "via_id": "b", "Stance": "asserts"}]),
        [
            (
                "$.attributions[0].via_id",
                "unknown field; attribution fields are id, claim",
            ),
            ("$.attributions[0].Stance", "unknown field"),
        ],
    ),
    (
        "invalid enum values",
        _doc(
            sources=[{"id": "s", "name": "S", "kind": "blog", "reliability": "Z"}],
            attributions=[{**_ATTR, "stance": "claims", "mode": "quote"}],
            relations=[{"id": "r", "kind": "opposes", "claim": "c", "target": "d"}],
            assessments=[{"id": "x", "claim": "c", "likelihood": "probable"}],
        ),
        [
            ("$.sources[0].kind", "must be one of 'person', 'group'"),
            ("$.sources[0].reliability", "(Admiralty scale), got 'Z'"),
            (
                "$.attributions[0].stance",
                "must be one of 'asserts', 'denies', 'hedges'",
            ),
            ("$.attributions[0].mode", "got 'quote'"),
            ("$.relations[0].kind", "got 'opposes'"),
            ("$.assessments[0].likelihood", "(ICD 203 terms), got 'probable'"),
        ],
    ),
    (
        "invalid dates",
        _doc(
            documents=[
                {"id": "d1", "published": "2025-02-30"},
                {"id": "d2", "published": "2025-13"},
                {"id": "d3", "published": "2025-01-31/2025-01-01"},
                {"id": "d4", "published": "24/01/2025"},
                {"id": "d5", "published": 2025},
            ]
        ),
        [
            ("$.documents[0].published", "day must be 01-28 in 2025-02"),
            ("$.documents[1].published", "month must be 01-12, got '2025-13'"),
            ("$.documents[2].published", "must not end before it starts"),
            ("$.documents[3].published", "or an interval of two dates like"),
            ("$.documents[4].published", "expected a string, got the number 2025"),
        ],
    ),
    (
        "invalid ids",
        _doc(
            sources=[{"id": "has space", "name": "S", "affiliation": "-x"}],
            claims=[{"id": "c", "text": "t", "language": "en", "about": ["ok", "no!"]}],
        ),
        [
            ("$.sources[0].id", "must be a short slug"),
            ("$.sources[0].affiliation", "must be a short slug"),
            ("$.claims[0].about[1]", "expected an id, got 'no!'"),
        ],
    ),
    (
        "invalid language tags",
        _doc(
            claims=[
                {
                    "id": "c",
                    "text": "t",
                    "language": "english",
                    "translations": {"xx_1": "t", "fr": 2},
                }
            ]
        ),
        [
            ("$.claims[0].language", "must be a language tag like 'ar' or 'en-GB'"),
            ("$.claims[0].translations.xx_1", "expected a language tag"),
            ("$.claims[0].translations.fr", "expected a string, got the number 2"),
        ],
    ),
    (
        "duplicate keys",
        (
            '{"claimtrack": 1, "sources": [{"id": "s", "name": "A", "name": "B"}],'
            ' "sources": []}'
        ),
        [
            ("$", "duplicate key 'sources'"),
            ("$.sources[0]", "duplicate key 'name'"),
        ],
    ),
    (
        "duplicate key and bad field together",
        (
            '{"claimtrack": 1, "sources": [{"id": "s", "name": "A", "name": "B",'
            ' "kind": "blog"}], "claims": [{"id": "c", "text": 1, "language": "en"}]}'
        ),
        [
            ("$.sources[0]", "duplicate key 'name': each key may appear once"),
            ("$.sources[0].kind", "got 'blog'"),
            ("$.claims[0].text", "expected a string, got the number 1"),
        ],
    ),
    (
        "duplicate key in extra",
        _doc(sources=[{"id": "s", "name": "S", "extra": {}}]).replace(
            '"extra": {}', '"extra": {"k": {"a": 1, "a": 2}}'
        ),
        [("$.sources[0].extra.k", "duplicate key 'a'")],
    ),
    (
        "NaN and Infinity",
        '{"claimtrack": 1, "sources": [{"id": "s", "name": "S", "extra": {"v": NaN}}]}',
        [("$", "not valid JSON: NaN is not a JSON number")],
    ),
    (
        "-Infinity",
        _doc(sources=[{"id": "s", "name": "S", "extra": {}}]).replace(
            '"extra": {}', '"extra": {"v": -Infinity}'
        ),
        [("$", "not valid JSON: -Infinity is not a JSON number")],
    ),
    (
        "number beyond a double",
        _doc(sources=[{"id": "s", "name": "S", "extra": {}}]).replace(
            '"extra": {}', '"extra": {"v": [1e400]}'
        ),
        [("$.sources[0].extra.v[0]", "expected a number a double can hold")],
    ),
    (
        "extra not an object",
        _doc(sources=[{"id": "s", "name": "S", "extra": [1]}]),
        [("$.sources[0].extra", "expected an object, got an array")],
    ),
    (
        "lone surrogate escapes",
        (
            '{"claimtrack": 1, "claims": [{"id": "c", "text": "\\ud800",'
            ' "language": "en", "note": "ok \\ud83d\\ude00"}]}'
        ),
        [("$.claims[0].text", "text holds a lone surrogate")],
    ),
    (
        "lone surrogate in a key",
        (
            '{"claimtrack": 1, "sources": [{"id": "s", "name": "S",'
            ' "extra": {"\\udfff": 1}}]}'
        ),
        [("$.sources[0].extra", "key '\\udfff' holds a lone surrogate")],
    ),
    (
        "byte order mark",
        b'\xef\xbb\xbf{"claimtrack": 1}',
        [("$", "the file starts with a byte order mark")],
    ),
    (
        "not UTF-8",
        b'{"claimtrack": 1, "sources": [{"id": "s", "name": "\xff"}]}',
        [("$", "not UTF-8 text: invalid byte at offset 51")],
    ),
    (
        "null where a value is required",
        _doc(sources=[{"id": "s", "name": None, "kind": None}]),
        [
            ("$.sources[0].name", "expected a string, got null"),
            ("$.sources[0].kind", "expected a string, got null"),
        ],
    ),
    (
        "weekday beside a month",
        _doc(
            claims=[
                {
                    "id": "c",
                    "text": "t",
                    "language": "en",
                    "event_date": "2025-01 (Friday)",
                }
            ]
        ),
        [("$.claims[0].event_date", "a weekday can only accompany a single day")],
    ),
    (
        "problems across groups in document order",
        _doc(
            claims=[{"id": "c", "text": "t", "language": "en", "kind": "rumour"}],
            sources=[{"id": "s", "name": "S"}, {"id": "s2"}],
        ),
        [
            ("$.sources[1].name", "missing required field"),
            ("$.claims[0].kind", "got 'rumour'"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(text, expected, id=name) for name, text, expected in BROKEN],
)
def test_broken_input(text: str | bytes, expected: list[tuple[str, str]]) -> None:
    """Each broken document raises one LoadError naming every problem at its path."""
    problems = _problems(text)
    assert [path for path, _ in expected] == [path for path, _ in problems]
    for (_, fragment), (_, message) in zip(expected, problems, strict=True):
        assert fragment in message


def test_too_deep_json() -> None:
    """JSON nested past what the parser can read is one clear problem."""
    text = '{"claimtrack": 1, "sources": [{"id": "s", "name": "S", "extra": {"v": '
    text += "[" * 100_000 + "]" * 100_000 + "}}]}"
    expected = [("$", "not readable: JSON nested too deeply")]
    assert expected == _problems(text)


def test_extra_too_deep_in_file() -> None:
    """An extra value nested past the limit is reported at the level that breaks it."""
    value = "[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1)
    text = _doc(sources=[{"id": "s", "name": "S", "extra": {}}]).replace(
        '"extra": {}', f'"extra": {{"v": {value}}}'
    )
    problems = _problems(text)
    expected = [f"nests deeper than {MAX_JSON_DEPTH} levels"]
    assert expected == [message for _, message in problems]


def test_raw_lone_surrogate_in_str() -> None:
    """A lone surrogate passed in a Python string is refused like an escaped one."""
    text = _doc(claims=[{"id": "c", "text": "x", "language": "en"}]).replace(
        '"x"', '"\ud800"'
    )
    expected = [
        ("$.claims[0].text", "text holds a lone surrogate, which is not Unicode text")
    ]
    assert expected == _problems(text)


def test_load_error_message_lists_every_problem() -> None:
    """The message of a LoadError has a header and one line per problem, path first."""
    with pytest.raises(LoadError) as caught:
        loads('{"claimtrack": 1, "sources": [{"id": 1}]}', source="x.json")
    expected = (
        "x.json: cannot load claim graph (2 problems):\n"
        "  $.sources[0].id: expected a string, got the number 1\n"
        "  $.sources[0].name: missing required field"
    )
    assert expected == str(caught.value)


@given(graphs(max_claims=2), st.data())
def test_unknown_field_anywhere_is_reported(
    graph: ClaimGraph, data: st.DataObject
) -> None:
    """An unknown key added to any record is reported at that record's path."""
    payload = unstructure(graph)
    groups = [g for g in payload if g != "claimtrack"]
    if not groups:
        return
    group = data.draw(st.sampled_from(groups))
    index = data.draw(st.integers(0, len(payload[group]) - 1))
    payload[group][index]["not_a_field"] = True
    expected = [(f"$.{group}[{index}].not_a_field", "unknown field")]
    problems = _problems(json.dumps(payload))
    assert [p for p, _ in expected] == [p for p, _ in problems]


# --- the JSON Schema ------------------------------------------------------------


def test_schema_is_valid_draft_2020_12() -> None:
    """The generated schema is itself a valid Draft 2020-12 schema."""
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    expected = ("https://json-schema.org/draft/2020-12/schema", FORMAT_VERSION)
    assert expected == (schema["$schema"], schema["properties"]["claimtrack"]["const"])


def test_schema_describes_fields() -> None:
    """Field descriptions come from the records' documentation."""
    source = json_schema()["$defs"]["Source"]
    expected = ("Admiralty reliability, or None if never assessed.", ["id", "name"])
    assert expected == (
        source["properties"]["reliability"]["description"],
        source["required"],
    )


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"claimtrack": 1, "extra": []},
        {"claimtrack": 1, "sources": [{"id": "s"}]},
        {"claimtrack": 1, "sources": [{"id": "s", "name": "S", "reliability": "Z"}]},
        {"claimtrack": 1, "sources": [{"id": "s", "name": "S", "bogus": 1}]},
        {"claimtrack": 1, "documents": [{"id": "d", "published": "24 Jan 2025"}]},
        {"claimtrack": 1, "documents": [{"id": "d", "published": "2025-01 (Friday)"}]},
        {
            "claimtrack": 1,
            "assessments": [{"id": "x", "claim": "c", "credibility": True}],
        },
        {"claimtrack": 1, "assessments": [{"id": "x", "claim": "c", "credibility": 7}]},
        {"claimtrack": 1, "claims": [{"id": "bad id", "text": "t", "language": "en"}]},
        {"claimtrack": 2},
    ],
)
def test_schema_rejects_broken(payload: dict[str, Any]) -> None:
    """The schema rejects documents the loader rejects for their shape."""
    assert not _VALIDATOR.is_valid(payload)
    with pytest.raises(LoadError):
        loads(json.dumps(payload))
