from __future__ import annotations

import re
import types
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.records import (
    MAX_JSON_DEPTH,
    Assessment,
    Attribution,
    Claim,
    Credibility,
    Document,
    Likelihood,
    Record,
    Reliability,
    Source,
    SourceKind,
    json_problem,
)
from claimtrack.testing import (
    assessments,
    attributions,
    claims,
    documents,
    json_objects,
    relations,
    sources,
)


def test_reliability_message_speaks_admiralty() -> None:
    """An unknown reliability grade is refused in the words of the scale."""
    expected = (
        "reliability must be one of 'A', 'B', 'C', 'D', 'E', 'F' "
        "(Admiralty scale), got 'Z'"
    )
    with pytest.raises(ValueError, match=re.escape(expected)):
        Source(id="s", name="S", reliability="Z")


def test_unassessed_is_not_f() -> None:
    """A source never assessed has no reliability, which differs from F."""
    unassessed = Source(id="s", name="S")
    cannot_be_judged = Source(id="s", name="S", reliability="F")
    expected = (None, Reliability.F)
    assert expected == (unassessed.reliability, cannot_be_judged.reliability)
    assert unassessed != cannot_be_judged


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"credibility": 7}, "credibility must be one of 1, 2, 3, 4, 5, 6"),
        ({"credibility": True}, "credibility must be one of 1, 2, 3, 4, 5, 6"),
        ({"credibility": 1.0}, "credibility must be one of"),
        ({"likelihood": "probable"}, "(ICD 203 terms), got 'probable'"),
        ({"confidence": "certain"}, "confidence must be one of 'low'"),
        ({"verdict": "pants_on_fire"}, "verdict must be one of 'true'"),
        ({"id": "has space"}, "id must be a short slug"),
        ({"id": "-leading"}, "id must be a short slug"),
        ({"id": "x" * 129}, "at most 128"),
        ({"claim": ""}, "claim must be a short slug"),
        ({"by": 12}, "by must be a short slug"),
        ({"label": 3}, "label must be text, got int"),
        ({"date": "2025-02-30"}, "day must be 01-28 in 2025-02"),
        ({"extra": []}, "extra must be a mapping, got list"),
        ({"extra": {"a": float("nan")}}, "extra['a'] must be a finite number"),
        ({"extra": {"a": {1: 2}}}, "extra['a'] keys must be strings, got 1"),
        ({"extra": {"a": {1, 2}}}, "extra['a'] must hold only JSON values, got set"),
    ],
)
def test_assessment_validation(fields: dict[str, Any], message: str) -> None:
    """Bad field values are refused with a message naming field and value."""
    base: dict[str, Any] = {"id": "x1", "claim": "c1"}
    with pytest.raises((TypeError, ValueError), match=re.escape(message)):
        Assessment(**{**base, **fields})


@pytest.mark.parametrize(
    ("cls", "fields", "message"),
    [
        (Source, {"id": "s", "name": None}, "name must be text, got NoneType"),
        (Source, {"id": "s", "name": "S", "aliases": "a"}, "aliases must be a list"),
        (Source, {"id": "s", "name": "S", "aliases": [1]}, "got 1 at [0]"),
        (Source, {"id": "s", "name": "S", "anonymous": 1}, "anonymous must be true"),
        (Source, {"id": "s", "name": "S", "kind": "alien"}, "kind must be one of"),
        (Source, {"id": "s", "name": "S", "names": {"english": "x"}}, "language tag"),
        (Source, {"id": "s", "name": "S", "names": []}, "names must be a mapping"),
        (Claim, {"id": "c", "text": None, "language": "en"}, "text must be text"),
        (Claim, {"id": "c", "text": "t", "language": None}, "language must be a"),
        (Claim, {"id": "c", "text": "t", "language": "e"}, "language must be a"),
        (Claim, {"id": "c", "text": "t", "language": "en", "about": ["a b"]}, "about"),
        (Document, {"id": "d", "published": 2025}, "expected a date string"),
        (Attribution, {"id": "a", "claim": "c", "source": "s"}, "document"),
    ],
)
def test_record_validation(
    cls: type[Any], fields: dict[str, Any], message: str
) -> None:
    """Each record refuses what its fields cannot hold, naming the field."""
    with pytest.raises((TypeError, ValueError), match=re.escape(message)):
        cls(**fields)


def test_credibility_words() -> None:
    """Admiralty credibility grades carry their standard wording."""
    expected = "confirmed by other independent sources"
    assert expected == Credibility(1).description


@pytest.mark.parametrize(
    ("probability", "term"),
    [
        (0.0, Likelihood.ALMOST_NO_CHANCE),
        (0.05, Likelihood.VERY_UNLIKELY),
        (0.5, Likelihood.ROUGHLY_EVEN_CHANCE),
        (0.55, Likelihood.LIKELY),
        (0.97, Likelihood.ALMOST_CERTAIN),
        (1.0, Likelihood.ALMOST_CERTAIN),
    ],
)
def test_likelihood_for_probability(probability: float, term: Likelihood) -> None:
    """Each probability falls in one ICD 203 band; an edge belongs to the upper."""
    assert term == Likelihood.for_probability(probability)


@pytest.mark.parametrize("probability", [-0.1, 1.1, float("nan")])
def test_likelihood_outside_zero_one(probability: float) -> None:
    """A probability outside 0-1 has no ICD 203 term."""
    with pytest.raises(ValueError, match="probability must be within 0-1"):
        Likelihood.for_probability(probability)


def test_text_kept_exactly() -> None:
    """Names and texts are kept exactly, with no normalisation or trimming."""
    text = " قالَ المسؤولـــون\u200f 😀 e\u0301 "
    expected = text
    assert expected == Claim(id="c", text=text, language="ar").text


def test_extra_is_copied_and_frozen() -> None:
    """A record's extra is a frozen copy: changing the input later changes nothing."""
    nested: dict[str, Any] = {"list": [1, 2], "tuple": (3, 4)}
    source = Source(id="s", name="S", extra={"nested": nested})
    nested["list"].append(99)
    expected = {"nested": {"list": [1, 2], "tuple": [3, 4]}}
    assert expected == dict(source.extra)
    with pytest.raises(TypeError):
        source.extra["new"] = 1  # type: ignore[index]


@pytest.mark.parametrize(
    ("left", "right"),
    [(True, 1), (1, 1.0), (0.0, -0.0), ([1], [True]), ({"a": 0}, {"a": False})],
)
def test_extra_equality_is_json_equality(left: Any, right: Any) -> None:
    """Records whose extra values differ as JSON are different records."""
    assert Source(id="s", name="S", extra={"v": left}) != Source(
        id="s", name="S", extra={"v": right}
    )


def test_extra_equality_ignores_key_order() -> None:
    """Key order is not part of a JSON object's meaning."""
    first = Source(id="s", name="S", extra={"a": 1, "b": {"c": 2, "d": 3}})
    second = Source(id="s", name="S", extra={"b": {"d": 3, "c": 2}, "a": 1})
    assert first == second


@pytest.mark.parametrize(
    "given",
    [{}, {"extra": {}}, {"extra": types.MappingProxyType({})}],
    ids=["none", "empty dict", "empty mapping"],
)
def test_empty_extra_equals_no_extra(given: dict[str, Any]) -> None:
    """An empty extra, however given, is no extra, and differs from any other."""
    record = Source(id="s", name="S", **given)
    assert record == Source(id="s", name="S")
    assert record != Source(id="s", name="S", extra={"": None})
    assert Source(id="s", name="S", extra={"": None}) != record


def test_extra_depth_limit() -> None:
    """Values nested beyond the limit are refused, so every record can be written."""
    value: Any = []
    for _ in range(MAX_JSON_DEPTH + 1):
        value = [value]
    with pytest.raises(ValueError, match="nest"):
        Source(id="s", name="S", extra={"deep": value})


def test_extra_at_depth_limit() -> None:
    """Values nested exactly to the limit are accepted."""
    value: Any = 1
    for _ in range(MAX_JSON_DEPTH):
        value = [value]
    expected = value
    assert expected == Source(id="s", name="S", extra={"deep": value}).extra["deep"]


@given(json_objects())
def test_generated_extra_is_json(extra: dict[str, Any]) -> None:
    """Every generated extra mapping is valid JSON, by the records' own rule."""
    assert json_problem(extra) is None


@given(
    st.one_of(
        sources(), documents(), claims(), attributions(), relations(), assessments()
    )
)
def test_records_evolve_to_themselves(record: Record) -> None:
    """Rebuilding any generated record from its own fields gives an equal record."""
    expected = record
    assert expected == attrs.evolve(record)
    assert hash(expected) == hash(attrs.evolve(record))


def test_kind_default_and_text_value() -> None:
    """Vocabularies accept their file values and default to the documented member."""
    expected = (SourceKind.OTHER, SourceKind.STATE_MEDIA)
    actual = (
        Source(id="s", name="S").kind,
        Source(id="s", name="S", kind="state_media").kind,
    )
    assert expected == actual
