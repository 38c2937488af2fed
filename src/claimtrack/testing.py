"""Hypothesis strategies that generate claimtrack records and whole graphs.

Install the ``testing`` extra (``pip install 'claimtrack[testing]'``) to use them.
They let the tests of claimtrack, and of code built on it, state properties that
must hold for every graph, not only for the examples someone thought of::

    from hypothesis import given
    from claimtrack import dumps, loads
    from claimtrack.testing import graphs

    @given(graphs())
    def test_round_trip(graph):
        assert graph == loads(dumps(graph))

By default `graphs` draws referentially consistent graphs: every id a record
refers to exists, relays point upstream to an earlier attribution of the same
claim, and affiliations form no loop. ``graphs(consistent=False)`` also draws
dangling ids, relay loops and affiliation loops, for code that must cope with
broken input.

Every field of every record is exercised: text in several scripts (Arabic with
harakat and tatweel, bidirectional marks, emoji), imprecise dates of every
form, and ``extra`` values of every JSON type.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from .dates import FuzzyDate, Weekday
from .graph import ClaimGraph
from .records import (
    AnalyticConfidence,
    Assessment,
    Attribution,
    Claim,
    ClaimKind,
    Credibility,
    Document,
    Likelihood,
    Mode,
    Record,
    Relation,
    RelationKind,
    Reliability,
    Source,
    SourceKind,
    Stance,
    Verdict,
)

__all__ = [
    "assessments",
    "attributions",
    "claims",
    "documents",
    "fuzzy_dates",
    "graphs",
    "ids",
    "json_objects",
    "json_values",
    "language_tags",
    "record_orders",
    "relations",
    "sources",
    "texts",
]


def __dir__() -> list[str]:
    return list(__all__)


_SLUG_ENDS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_SLUG_MIDDLE = _SLUG_ENDS + "._:-"

_ARABIC = "".join(chr(c) for c in range(0x0621, 0x064B))
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653))
_TATWEEL = "\u0640"
# Left-to-right and right-to-left marks, embeddings and isolates.
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"
_EMOJI = "\U0001f600\U0001f4f0\U0001f1f8\U0001f1fe\u2764\ufe0f\u200d"
_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éçÀß"
_SPACE = " \t\n\u00a0\u3000"
_MIXED = _ARABIC + _HARAKAT + _TATWEEL + _BIDI + _EMOJI + _LATIN + _SPACE + '"\\/'


def ids() -> st.SearchStrategy[str]:
    """Return a strategy for ids: slugs of 1 to 12 characters."""
    return _IDS


def _slugs() -> st.SearchStrategy[str]:
    single = st.sampled_from(_SLUG_ENDS)
    longer = st.builds(
        lambda first, middle, last: first + middle + last,
        st.sampled_from(_SLUG_ENDS),
        st.text(_SLUG_MIDDLE, max_size=10),
        st.sampled_from(_SLUG_ENDS),
    )
    return single | longer


_IDS = _slugs()


def _unique_ids(prefix: str, count: int) -> st.SearchStrategy[list[str]]:
    """Ids unique within one record type; the prefix keeps types apart."""
    return st.lists(_IDS, min_size=count, max_size=count, unique=True).map(
        lambda slugs: [f"{prefix}{slug}" for slug in slugs]
    )


def texts(*, min_size: int = 0, max_size: int = 24) -> st.SearchStrategy[str]:
    """Return a strategy for user text, kept exactly as written.

    Mostly mixed-direction text drawn from Arabic letters, harakat, tatweel,
    bidirectional marks, emoji (with joiners and variation selectors), Latin
    letters and assorted spaces; sometimes any Unicode text at all (lone
    surrogates excepted: they are not text).
    """
    mixed = st.text(_MIXED, min_size=min_size, max_size=max_size)
    anything = st.text(
        st.characters(exclude_categories=["Cs"]),
        min_size=min_size,
        max_size=max_size,
    )
    return st.one_of(mixed, mixed, anything)


def language_tags() -> st.SearchStrategy[str]:
    """Return a strategy for language tags such as ``ar``, ``en-GB``."""
    common = st.sampled_from(["ar", "en", "en-GB", "fr", "ar-SY", "fa", "ru", "he"])
    made = st.builds(
        lambda base, region: base + region,
        st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=3),
        st.sampled_from(["", "-US", "-Latn", "-419", "-x-osint1"]),
    )
    return common | made


def json_values(*, max_leaves: int = 8) -> st.SearchStrategy[Any]:
    """Return a strategy for JSON values of every type, nested.

    Numbers include negative zero, subnormal and huge floats, and integers far
    beyond 64 bits; strings come from `texts`.
    """
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.integers(min_value=2**64, max_value=2**200),
        st.integers(min_value=-(2**200), max_value=-(2**63)),
        st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from([-0.0, 0.0, 0.1, 1e308, -1e-308, 5e-324, 1.0, 2.0**53 + 2]),
        texts(max_size=8),
    )
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(texts(max_size=6), children, max_size=3)
        ),
        max_leaves=max_leaves,
    )


def json_objects(*, max_size: int = 4) -> st.SearchStrategy[dict[str, Any]]:
    """Return a strategy for ``extra`` mappings: JSON objects of any values."""
    return st.dictionaries(texts(max_size=8), json_values(), max_size=max_size)


def _extras() -> st.SearchStrategy[dict[str, Any]]:
    # Most records carry no extra fields; the ones that do exercise them all.
    return st.one_of(st.just({}), json_objects())


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


_WEEKDAYS = st.sampled_from(Weekday)
_FIRST_DAY = datetime.date(1, 1, 1)
_LAST_DAY = datetime.date(9999, 12, 31)


def _point(day: datetime.date, precision: int) -> str:
    text = day.isoformat()
    return text[: (4, 7, 10)[precision]]


@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    """Return a strategy for dates of every form the format knows.

    A day, a month, a year, a closed interval whose ends have any precision, an
    open-ended interval either way, and a day with a stated weekday (right or
    wrong: a wrong weekday is a finding, not a malformed date).
    """
    form = draw(st.integers(min_value=0, max_value=5))
    first = draw(st.dates(min_value=_FIRST_DAY, max_value=_LAST_DAY))
    if form == 0:
        return FuzzyDate(text=_point(first, draw(st.integers(0, 2))))
    if form == 1:
        last = draw(st.dates(min_value=first, max_value=_LAST_DAY))
        start = _point(first, draw(st.integers(0, 2)))
        end = _point(last, draw(st.integers(0, 2)))
        return FuzzyDate(text=f"{start}/{end}")
    if form == 2:
        return FuzzyDate(text=f"{_point(first, draw(st.integers(0, 2)))}/..")
    if form == 3:
        return FuzzyDate(text=f"../{_point(first, draw(st.integers(0, 2)))}")
    weekday = Weekday.of(first) if draw(st.booleans()) else draw(_WEEKDAYS)
    return FuzzyDate.day(first, weekday=weekday)


def _refs(pool: Sequence[str], *, consistent: bool) -> st.SearchStrategy[str]:
    """An id from *pool*, or (when inconsistency is allowed) any id at all."""
    if not pool:
        return ids()
    inside = st.sampled_from(list(pool))
    return inside if consistent else inside | ids()


def sources(
    *,
    id: st.SearchStrategy[str] | None = None,  # noqa: A002
    affiliations: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Source]:
    """Return a strategy for sources, named or anonymous.

    Anonymous sources usually carry a descriptor ("current and former US
    officials familiar with the exchanges").

    Args:
        id: Strategy for the source's id (default: `ids`).
        affiliations: Strategy for the affiliation (default: none or any id).
    """
    return st.builds(
        Source,
        id=id if id is not None else ids(),
        name=texts(),
        names=st.dictionaries(language_tags(), texts(), max_size=2),
        aliases=st.lists(texts(), max_size=2).map(tuple),
        kind=st.sampled_from(SourceKind),
        anonymous=st.booleans(),
        descriptor=_optional(texts(min_size=1)),
        affiliation=affiliations if affiliations is not None else _optional(ids()),
        reliability=_optional(st.sampled_from(Reliability)),
        note=_optional(texts()),
        extra=_extras(),
    )


def documents(
    *,
    id: st.SearchStrategy[str] | None = None,  # noqa: A002
    publishers: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Document]:
    """Return a strategy for documents.

    Args:
        id: Strategy for the document's id (default: `ids`).
        publishers: Strategy for the publisher's id (default: none or any id).
    """
    return st.builds(
        Document,
        id=id if id is not None else ids(),
        publisher=publishers if publishers is not None else _optional(ids()),
        title=_optional(texts()),
        url=_optional(st.just("https://example.org/") | texts()),
        published=_optional(fuzzy_dates()),
        language=_optional(language_tags()),
        retracted=_optional(fuzzy_dates()),
        note=_optional(texts()),
        extra=_extras(),
    )


def claims(
    *,
    id: st.SearchStrategy[str] | None = None,  # noqa: A002
    parties: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Claim]:
    """Return a strategy for claims, in any language, with translations.

    Args:
        id: Strategy for the claim's id (default: `ids`).
        parties: Strategy for the ids in ``about`` (default: any id).
    """
    return st.builds(
        Claim,
        id=id if id is not None else ids(),
        text=texts(),
        language=language_tags(),
        translations=st.dictionaries(language_tags(), texts(), max_size=2),
        kind=st.sampled_from(ClaimKind),
        about=st.lists(parties if parties is not None else ids(), max_size=3).map(
            tuple
        ),
        event_date=_optional(fuzzy_dates()),
        place=_optional(texts()),
        note=_optional(texts()),
        extra=_extras(),
    )


def attributions(
    *,
    id: st.SearchStrategy[str] | None = None,  # noqa: A002
    claim: st.SearchStrategy[str] | None = None,
    source: st.SearchStrategy[str] | None = None,
    document: st.SearchStrategy[str] | None = None,
    via: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Attribution]:
    """Return a strategy for attributions: first-hand hops or relays.

    Args:
        id: Strategy for the attribution's id (default: `ids`).
        claim: Strategy for the claim's id (default: any id).
        source: Strategy for the credited source's id (default: any id).
        document: Strategy for the document's id (default: any id).
        via: Strategy for the upstream attribution (default: none or any id).
    """
    return st.builds(
        Attribution,
        id=id if id is not None else ids(),
        claim=claim if claim is not None else ids(),
        source=source if source is not None else ids(),
        document=document if document is not None else ids(),
        via=via if via is not None else _optional(ids()),
        stance=st.sampled_from(Stance),
        mode=st.sampled_from(Mode),
        cue=_optional(texts()),
        quote=_optional(texts()),
        said=_optional(fuzzy_dates()),
        retracted=_optional(fuzzy_dates()),
        note=_optional(texts()),
        extra=_extras(),
    )


def relations(
    *,
    id: st.SearchStrategy[str] | None = None,  # noqa: A002
    claims: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Relation]:
    """Return a strategy for relations between two claims.

    Args:
        id: Strategy for the relation's id (default: `ids`).
        claims: Strategy for the ids of both claims (default: any id).
    """
    ends = claims if claims is not None else ids()
    return st.builds(
        Relation,
        id=id if id is not None else ids(),
        kind=st.sampled_from(RelationKind),
        claim=ends,
        target=ends,
        note=_optional(texts()),
        extra=_extras(),
    )


def assessments(
    *,
    id: st.SearchStrategy[str] | None = None,  # noqa: A002
    claims: st.SearchStrategy[str] | None = None,
    by: st.SearchStrategy[str | None] | None = None,
) -> st.SearchStrategy[Assessment]:
    """Return a strategy for analysts' and fact-checkers' assessments.

    Args:
        id: Strategy for the assessment's id (default: `ids`).
        claims: Strategy for the assessed claim's id (default: any id).
        by: Strategy for the assessor's id (default: none or any id).
    """
    return st.builds(
        Assessment,
        id=id if id is not None else ids(),
        claim=claims if claims is not None else ids(),
        by=by if by is not None else _optional(ids()),
        credibility=_optional(st.sampled_from(Credibility)),
        likelihood=_optional(st.sampled_from(Likelihood)),
        confidence=_optional(st.sampled_from(AnalyticConfidence)),
        verdict=_optional(st.sampled_from(Verdict)),
        label=_optional(texts()),
        rationale=_optional(texts()),
        date=_optional(fuzzy_dates()),
        url=_optional(st.just("https://example.org/check") | texts()),
        note=_optional(texts()),
        extra=_extras(),
    )


def _pick(
    draw: st.DrawFn,
    pool: Sequence[str],
    *,
    consistent: bool,
    optional: bool = False,
) -> Any:
    """Draw an id from *pool*; None if *optional*; any id if inconsistent."""
    if optional and draw(st.booleans()):
        return None
    if not pool or (not consistent and draw(st.integers(0, 3)) == 0):
        return draw(ids())
    return pool[draw(st.integers(0, len(pool) - 1))]


@st.composite
def graphs(
    draw: st.DrawFn,
    *,
    min_claims: int = 0,
    max_claims: int = 4,
    max_sources: int = 6,
    max_documents: int = 4,
    max_relays: int = 6,
    consistent: bool = True,
) -> ClaimGraph:
    """Return a strategy for whole claim graphs.

    Sources have affiliation chains (an affiliation always points to a source
    drawn earlier, so there is no loop); each claim has first-hand
    attributions and relays that point to an earlier attribution of the same
    claim, so relay chains grow several hops deep; relations tie claims
    together and assessments judge them.

    Args:
        draw: Supplied by Hypothesis; callers pass only the keyword arguments.
        min_claims: The fewest claims in a graph.
        max_claims: The most claims in a graph.
        max_sources: The most sources (at least one when there are claims).
        max_documents: The most documents (at least one when there are claims).
        max_relays: The most relays of each claim, beyond its first-hand hops.
        consistent: If false, references may also dangle and relays and
            affiliations may loop.
    """
    # Records are drawn from strategies built once and then given their ids
    # and references: building strategies per draw would dominate the cost.
    n_claims = draw(st.integers(min_value=min_claims, max_value=max_claims))
    at_least = 1 if n_claims else 0
    n_sources = draw(st.integers(at_least, max(at_least, max_sources)))
    n_documents = draw(st.integers(at_least, max(at_least, max_documents)))
    source_ids = draw(_unique_ids("s-", n_sources))
    document_ids = draw(_unique_ids("d-", n_documents))
    claim_ids = draw(_unique_ids("c-", n_claims))

    records: list[Record] = []
    for i, source_id in enumerate(source_ids):
        earlier = source_ids[:i] if consistent else source_ids
        affiliation = _pick(draw, earlier, consistent=consistent, optional=True)
        source = draw(_STRATEGIES["source"])
        records.append(attrs.evolve(source, id=source_id, affiliation=affiliation))
    for document_id in document_ids:
        publisher = _pick(draw, source_ids, consistent=consistent, optional=True)
        document = draw(_STRATEGIES["document"])
        records.append(attrs.evolve(document, id=document_id, publisher=publisher))
    for claim_id in claim_ids:
        about = [
            _pick(draw, source_ids, consistent=consistent)
            for _ in range(draw(st.integers(0, 3)))
        ]
        claim = draw(_STRATEGIES["claim"])
        records.append(attrs.evolve(claim, id=claim_id, about=about))
        n_first = draw(st.integers(0, 2))
        n_relays = 0
        if n_first or not consistent:
            n_relays = draw(st.integers(0, max_relays))
        last_id = f"a-{claim_id}-{n_first + n_relays - 1}"
        hops: list[str] = []
        for k in range(n_first + n_relays):
            via: str | None = None
            if k >= n_first and consistent:
                # Relaying the latest hop more often than not makes chains grow
                # several hops deep.
                via = (
                    hops[-1]
                    if draw(st.booleans())
                    else _pick(draw, hops, consistent=True)
                )
            elif k >= n_first:
                # A forward or self reference closes a loop; a fresh id dangles.
                via = _pick(draw, [last_id, *hops], consistent=False)
            hop_id = f"a-{claim_id}-{k}"
            hops.append(hop_id)
            attribution = draw(_STRATEGIES["attribution"])
            records.append(
                attrs.evolve(
                    attribution,
                    id=hop_id,
                    claim=claim_id
                    if consistent
                    else _pick(draw, claim_ids, consistent=False),
                    source=_pick(draw, source_ids, consistent=consistent),
                    document=_pick(draw, document_ids, consistent=consistent),
                    via=via,
                )
            )
    if claim_ids:
        for relation_id in draw(_unique_ids("r-", draw(st.integers(0, 3)))):
            relation = draw(_STRATEGIES["relation"])
            records.append(
                attrs.evolve(
                    relation,
                    id=relation_id,
                    claim=_pick(draw, claim_ids, consistent=consistent),
                    target=_pick(draw, claim_ids, consistent=consistent),
                )
            )
        for assessment_id in draw(_unique_ids("x-", draw(st.integers(0, 3)))):
            assessment = draw(_STRATEGIES["assessment"])
            records.append(
                attrs.evolve(
                    assessment,
                    id=assessment_id,
                    claim=_pick(draw, claim_ids, consistent=consistent),
                    by=_pick(draw, source_ids, consistent=consistent, optional=True),
                )
            )
    return ClaimGraph.of(records)


_STRATEGIES: dict[str, st.SearchStrategy[Any]] = {
    "source": sources(),
    "document": documents(),
    "claim": claims(),
    "attribution": attributions(),
    "relation": relations(),
    "assessment": assessments(),
}


def record_orders(graph: ClaimGraph) -> st.SearchStrategy[list[Record]]:
    """Return a strategy for the graph's records in every possible order.

    ``ClaimGraph.of(order)`` must equal *graph* whatever the order; tests use
    this to show that nothing depends on the order records were added in.
    """
    return st.permutations(list(graph))
