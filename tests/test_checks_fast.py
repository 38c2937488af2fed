"""The shortcuts the built-in checks take on large graphs, against the plain way.

Each shortcut (building findings without validation, sorting and deduplicating
rule by rule, looking ids and dates up field by field, grouping attributions in
one pass, skipping claims a graph walk cannot report, folding a name in one
translation) is compared with the straightforward computation it replaces, on
random graphs from :mod:`claimtrack.testing`, broken ones included.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping

from hypothesis import given
from hypothesis import strategies as st

from claimtrack import ClaimGraph, ClaimKind, FuzzyDate, Record
from claimtrack.checks import Finding, Ref, Rule, Severity, check, default_rules
from claimtrack.checks._catalog import _sorted_unique
from claimtrack.checks._core import builtin_finding, make_ref, ref_to
from claimtrack.checks._names import _LETTERS, normalise_name
from claimtrack.checks._sourcing import (
    _may_be_interested,
    _may_rest_on_retractions,
    _retracted_chains,
)
from claimtrack.checks._structure import _shared_ids, dangling_reference
from claimtrack.checks._time import event_after_report, weekday_mismatch
from claimtrack.graph import GraphBuilder
from claimtrack.records import Document
from claimtrack.testing import graphs, ids

RECORD_TYPES = ["source", "document", "claim", "attribution", "relation", "assessment"]
RULES = default_rules()


def refs() -> st.SearchStrategy[Ref]:
    """Return a strategy for references, from a small pool so that some repeat."""
    return st.builds(
        Ref, type=st.sampled_from(RECORD_TYPES), id=st.sampled_from(["a", "b", "c"])
    )


def findings() -> st.SearchStrategy[Finding]:
    """Return a strategy for findings of one rule, with ties and exact repeats."""
    return st.builds(
        Finding,
        code=st.just("CT999"),
        severity=st.sampled_from(Severity),
        message=st.sampled_from(["m", "n"]),
        records=st.lists(refs(), max_size=3).map(tuple),
        hint=st.sampled_from(["", "h"]),
    )


def by_key(finding: Finding) -> tuple[object, ...]:
    """Return what findings sort by."""
    return finding.sort_key


# --- building findings --------------------------------------------------------


@given(st.sampled_from(RECORD_TYPES), ids())
def test_make_ref_is_the_validated_ref(kind: str, record_id: str) -> None:
    """A reference built without validation equals, and hashes as, the public one."""
    ref = make_ref(kind, record_id)
    assert ref == Ref(type=kind, id=record_id)
    assert hash(ref) == hash(Ref(type=kind, id=record_id))
    assert type(ref) is Ref


@given(graphs(consistent=False))
def test_ref_to_is_ref_to(graph: ClaimGraph) -> None:
    """`ref_to` names every record as `Ref.to` does."""
    assert [ref_to(r) for r in graph] == [Ref.to(r) for r in graph]


@given(
    st.sampled_from(list(RULES)),
    st.text(),
    st.lists(refs(), max_size=4).map(tuple),
    st.text(),
    st.none() | st.sampled_from(Severity),
)
def test_builtin_finding_is_the_rules_finding(
    item: Rule,
    message: str,
    records: tuple[Ref, ...],
    hint: str,
    severity: Severity | None,
) -> None:
    """A finding built without validation equals the one `Rule.finding` builds."""
    fast = builtin_finding(item, message, records=records, hint=hint, severity=severity)
    plain = item.finding(message, records=records, hint=hint, severity=severity)
    assert fast == plain
    assert hash(fast) == hash(plain)
    assert type(fast) is Finding


@given(graphs(consistent=False))
def test_every_builtin_finding_passes_the_public_checks(graph: ClaimGraph) -> None:
    """What the built-in rules build unvalidated, the public constructors accept."""
    for finding in check(graph):
        rebuilt = Finding(
            code=finding.code,
            severity=finding.severity.value,
            message=finding.message,
            records=[Ref(type=r.type, id=r.id) for r in finding.records],
            hint=finding.hint,
        )
        assert rebuilt == finding
        assert type(finding.records) is tuple
        assert type(finding.severity) is Severity


# --- sorting and deduplicating --------------------------------------------------


@given(st.lists(findings(), max_size=30))
def test_sorted_unique_is_sorted_set(found: list[Finding]) -> None:
    """Sorting then dropping repeats run by run is the plain dedupe-then-sort."""
    expected = sorted(dict.fromkeys(found), key=by_key)
    assert _sorted_unique(found) == expected


@given(graphs(consistent=False))
def test_check_is_every_rule_deduplicated_and_sorted(graph: ClaimGraph) -> None:
    """Sorting rule by rule orders all the findings as one sort would."""
    everything = [finding for item in RULES for finding in item(graph)]
    expected = sorted(dict.fromkeys(everything), key=by_key)
    assert check(graph) == expected


# --- structure ------------------------------------------------------------------


def plain_references(graph: ClaimGraph) -> Iterator[tuple[Record, str, str, str]]:
    """Yield (record, field, type, id) for every id any record names."""
    for source in graph.sources:
        if source.affiliation is not None:
            yield source, "affiliation", "source", source.affiliation
    for document in graph.documents:
        if document.publisher is not None:
            yield document, "publisher", "source", document.publisher
    for claim in graph.claims:
        for party in claim.about:
            yield claim, "about", "source", party
    for attribution in graph.attributions:
        yield attribution, "claim", "claim", attribution.claim
        yield attribution, "source", "source", attribution.source
        yield attribution, "document", "document", attribution.document
        if attribution.via is not None:
            yield attribution, "via", "attribution", attribution.via
    for relation in graph.relations:
        yield relation, "claim", "claim", relation.claim
        yield relation, "target", "claim", relation.target
    for assessment in graph.assessments:
        yield assessment, "claim", "claim", assessment.claim
        if assessment.by is not None:
            yield assessment, "by", "source", assessment.by


@given(graphs(consistent=False))
def test_ct101_finds_what_a_record_by_record_walk_finds(graph: ClaimGraph) -> None:
    """Looking ids up field by field finds every dangling reference, once each."""
    indexes: dict[str, Mapping[str, object]] = {
        "source": graph.source_index,
        "document": graph.document_index,
        "claim": graph.claim_index,
        "attribution": graph.attribution_index,
    }
    expected = [
        dangling_reference.finding(
            f"{record.TYPE} {record.id!r} names {kind} {target!r} as its "
            f"{field}, but the graph has no {kind} with that id",
            records=(Ref.to(record), Ref(type=kind, id=target)),
            hint=f"Add {kind} {target!r}, or correct the id in {record.TYPE} "
            f"{record.id!r}.",
        )
        for record, field, kind, target in plain_references(graph)
        if target not in indexes[kind]
    ]
    found = list(dangling_reference.function(graph))
    assert sorted(found, key=by_key) == sorted(expected, key=by_key)


def plain_shared_ids(graph: ClaimGraph) -> dict[str, list[str]]:
    """Return each id held by records of several types, record by record."""
    types: defaultdict[str, dict[str, None]] = defaultdict(dict)
    for record in graph:
        types[record.id][record.TYPE] = None
    return {i: list(kinds) for i, kinds in sorted(types.items()) if len(kinds) > 1}


def make_clash(record: Record) -> Record:
    """Return a document with the id of *record* (a clash unless it is one)."""
    return Document(id=record.id)


@given(graphs(consistent=False))
def test_shared_ids_are_those_of_several_types(graph: ClaimGraph) -> None:
    """Comparing ids type against type finds each shared id and its types."""
    assert _shared_ids(graph) == plain_shared_ids(graph)


@given(graphs(consistent=False))
def test_shared_ids_with_clashes(graph: ClaimGraph) -> None:
    """Ids reused across types on purpose are found, with types in graph order."""
    clashing = ClaimGraph.of(
        [*graph, *(make_clash(record) for record in list(graph)[::2])]
    )
    assert list(_shared_ids(clashing).items()) == list(
        plain_shared_ids(clashing).items()
    )


# --- time -----------------------------------------------------------------------


def plain_event_after_report(graph: ClaimGraph) -> list[Finding]:
    """CT202 claim by claim, looking up each claim's attributions.

    A claim's documents come in id order, so that the rule's findings are in
    the order `check` sorts them in.
    """
    found = []
    for claim in graph.claims:
        if claim.event_date is None or claim.kind is ClaimKind.PREDICTION:
            continue
        late: dict[str, Document] = {}
        for attribution in graph.attributions_of(claim.id):
            document = graph.document(attribution.document)
            if (
                document is None
                or document.published is None
                or not document.published.certainly_before(claim.event_date)
            ):
                continue
            late[document.id] = document
        for document in sorted(late.values(), key=lambda d: d.id):
            assert document.published is not None
            found.append(
                event_after_report.finding(
                    f"claim {claim.id!r} dates its event {claim.event_date}, after "
                    f"document {document.id!r} that reports it was published on "
                    f"{document.published}",
                    records=(Ref.to(claim), Ref.to(document)),
                    hint="Correct the event date, or mark the claim as a "
                    "prediction if it announces something yet to happen.",
                )
            )
    return found


@given(graphs(consistent=False, max_claims=6))
def test_ct202_is_claim_by_claim(graph: ClaimGraph) -> None:
    """One pass over the attributions finds what claim-by-claim lookups find."""
    assert event_after_report(graph) == plain_event_after_report(graph)


def plain_dates(graph: ClaimGraph) -> Iterator[tuple[Record, str, FuzzyDate | None]]:
    """Yield (record, what, date) for every date any record holds."""
    for document in graph.documents:
        yield document, "publication date", document.published
        yield document, "retraction date", document.retracted
    for claim in graph.claims:
        yield claim, "event date", claim.event_date
    for attribution in graph.attributions:
        yield attribution, "date said", attribution.said
        yield attribution, "retraction date", attribution.retracted
    for assessment in graph.assessments:
        yield assessment, "date", assessment.date


@given(graphs(consistent=False, max_claims=6))
def test_ct203_checks_every_date(graph: ClaimGraph) -> None:
    """Skipping fields where no date states a weekday misses no wrong weekday."""
    expected = []
    for record, what, date in plain_dates(graph):
        actual = None if date is None else date.weekday_mismatch()
        if date is None or date.weekday is None or actual is None:
            continue
        expected.append(
            weekday_mismatch.finding(
                f"{record.TYPE} {record.id!r} gives its {what} as "
                f"{date.weekday.value} {date.text}, but {date.text} was a "
                f"{actual.value}",
                records=(Ref.to(record),),
                hint="Check the date and the weekday against the original text.",
            )
        )
    found = weekday_mismatch(graph)
    assert sorted(found, key=by_key) == sorted(expected, key=by_key)


# --- sourcing -------------------------------------------------------------------


@given(graphs(consistent=False))
def test_claims_skipped_by_ct304_have_no_interested_evidence(
    graph: ClaimGraph,
) -> None:
    """A claim about no one and in no relation has no interested evidence."""
    candidates = _may_be_interested(graph)
    for claim in graph.claims:
        if claim.id not in candidates:
            assert graph.interested_evidence(claim.id) == ()


@given(graphs(consistent=False, max_claims=6))
def test_ct304_reports_every_claim_with_interested_evidence(graph: ClaimGraph) -> None:
    """The CT304 findings are those of asking every claim, skips or not."""
    asked = [
        claim.id
        for claim in graph.claims
        if claim.kind is not ClaimKind.OPINION and graph.interested_evidence(claim.id)
    ]
    reported = [f.records[0].id for f in RULES.get("CT304")(graph)]
    assert sorted(set(reported)) == sorted(set(asked))


@given(graphs(consistent=False, max_claims=6))
def test_claims_skipped_by_ct307_rest_on_no_retraction(graph: ClaimGraph) -> None:
    """A claim not downstream of a retraction has no chain through one."""
    candidates = _may_rest_on_retractions(graph)
    for claim in graph.claims:
        if claim.id not in candidates:
            assert _retracted_chains(graph, claim.id)[0] == {}


# --- names ----------------------------------------------------------------------


def plain_normalise_name(text: str) -> str:
    """Normalise a name one character at a time, step by step."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    spaced = "".join(
        " " if c.isspace() or unicodedata.category(c)[0] == "P" else c for c in stripped
    )
    words = spaced.translate(_LETTERS).casefold().split()
    if len(words) > 1 and words[0] == "the":
        del words[0]
    return " ".join(
        word[2:] if word.startswith("\u0627\u0644") and len(word) > 3 else word
        for word in words
    )


ARABIC = "".join(chr(c) for c in range(0x0600, 0x0700))


@given(st.text() | st.text(alphabet=ARABIC + " -.'") | st.text(alphabet="The é-\t"))
def test_normalise_name_in_one_pass_is_step_by_step(text: str) -> None:
    """Folding marks, separators and letters in one translation is the same."""
    assert normalise_name(text) == plain_normalise_name(text)


def test_ct202_reports_a_claims_documents_in_id_order() -> None:
    """Late documents come by id, not in the order of the attributions.

    Attribution ``c:a`` is in document ``z`` and ``c:b`` in document ``y``:
    the findings name ``y`` first, as `check` sorts them.
    """
    b = GraphBuilder()
    source = b.source("s", "S")
    claim = b.claim("c", "Done.", language="en", event_date="2025-02-01")
    for attribution_id, document_id in (("c:a", "z"), ("c:b", "y")):
        document = b.document(document_id, published="2025-01-01")
        b.attribute(claim, source=source, document=document, id=attribution_id)
    graph = b.build()
    found = event_after_report(graph)
    assert [f.records[1].id for f in found] == ["y", "z"]
    assert found == [f for f in check(graph) if f.code == "CT202"]
