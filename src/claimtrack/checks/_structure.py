"""Structure rules (CT1xx): references, ids, loops and relay hops that do not fit."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from itertools import chain
from operator import attrgetter

import attrs

from claimtrack.graph import ClaimGraph
from claimtrack.records import Document, Record

from ._core import (
    Finding,
    Memo,
    RefsOf,
    builtin_finding,
    builtin_rule,
    make_ref,
    ref_to,
)
from ._sourcing import credited_claims
from ._words import listing, source_namer

__all__ = [
    "ambiguous_id",
    "cycle",
    "dangling_reference",
    "relay_claim_mismatch",
    "relay_not_by_publisher",
]


def __dir__() -> list[str]:
    return list(__all__)


# Every field of a record that names another record: the records holding it,
# the field, the type of record it names, and whether it holds several ids.
_LINKS: tuple[tuple[str, str, str, bool], ...] = (
    ("sources", "affiliation", "source", False),
    ("documents", "publisher", "source", False),
    ("claims", "about", "source", True),
    ("attributions", "claim", "claim", False),
    ("attributions", "source", "source", False),
    ("attributions", "document", "document", False),
    ("attributions", "via", "attribution", False),
    ("relations", "claim", "claim", False),
    ("relations", "target", "claim", False),
    ("assessments", "claim", "claim", False),
    ("assessments", "by", "source", False),
)


_CREDITED = ("attributions", "claim")


def _indexes(graph: ClaimGraph) -> dict[str, Mapping[str, Record]]:
    """Return the graph's records by id for each record type, in the graph's order."""
    return {
        "source": graph.source_index,
        "document": graph.document_index,
        "claim": graph.claim_index,
        "attribution": graph.attribution_index,
        "relation": graph.relation_index,
        "assessment": graph.assessment_index,
    }


def _dangling(
    records: Sequence[Record],
    field: str,
    index: Mapping[str, Record],
    *,
    many: bool,
    named: AbstractSet[str] | None = None,
) -> Iterator[tuple[Record, str]]:
    """Yield (record, id) for each id *field* of *records* names that *index* lacks.

    Nearly every id resolves, so all of a field's ids are first looked up at
    once, without a Python loop; records are visited one by one only when some
    id dangles. *named*, when given, is the set of those ids, None left out.
    """
    if named is None:
        values = map(attrgetter(field), records)
        found = set(chain.from_iterable(values) if many else values)
        found.discard(None)
        named = found
    if all(map(index.__contains__, named)):
        return
    for record in records:
        value = getattr(record, field)
        for target in value if many else (value,):
            if target is not None and target not in index:
                yield record, target


@builtin_rule(
    code="CT101",
    name="dangling-reference",
    severity="error",
    summary="A record refers to an id that no record of the expected type has.",
    explanation="""
Every id a record names must belong to a record of the right type: an
attribution's `claim`, `source`, `document` and `via`; a source's `affiliation`;
a document's `publisher`; the parties a claim is `about`; a relation's two
claims; an assessment's `claim` and `by`.

**Why it matters.** A dangling id breaks the chain a reader follows from an
article back to whoever said it first. A relay whose `via` names a missing
attribution has no origin, so the claim looks less sourced than it is; an
affiliation naming a missing source silently becomes a root of its own, so two
officials of one government may be counted as independent voices.

**Example.** Attribution `us-shared-intel:enab` relays `us-shared-intel:wapo`,
but the Washington Post hop was never entered.

**How to fix.** Add the missing record, or correct the id (a typo, or an id
renamed in one file of a corpus but not in another).
""",
)
def dangling_reference(graph: ClaimGraph) -> Iterator[Finding]:
    """Report each reference to an id missing from its index."""
    indexes = _indexes(graph)
    for table, field, kind, many in _LINKS:
        records = getattr(graph, table)
        # The claims attributions name are a set the rules of a run share.
        named = credited_claims(graph) if (table, field) == _CREDITED else None
        dangling = _dangling(records, field, indexes[kind], many=many, named=named)
        for record, target in dangling:
            yield builtin_finding(
                dangling_reference,
                f"{record.TYPE} {record.id!r} names {kind} {target!r} as its "
                f"{field}, but the graph has no {kind} with that id",
                records=(ref_to(record), make_ref(kind, target)),
                hint=f"Add {kind} {target!r}, or correct the id in {record.TYPE} "
                f"{record.id!r}.",
            )


def _differences(records: tuple[Record, ...]) -> list[str]:
    first = records[0]
    return [
        field.name
        for field in attrs.fields(type(first))
        if any(getattr(r, field.name) != getattr(first, field.name) for r in records)
    ]


@builtin_rule(
    code="CT102",
    name="ambiguous-id",
    severity="error",
    summary="One id names two different records.",
    explanation="""
Reported when different records of one type share an id (typically after
merging the files of several articles, where two people entered the same source
differently), and when records of different types share an id.

**Why it matters.** The graph keeps every conflicting record rather than
silently picking one, but lookups, chains and exports can only follow one of
them, so what the graph says depends on which. An id shared across types (a
source and a document both called `sana`) is ambiguous wherever ids appear
without their type: the command line's `show`, Markdown reports, and exports
such as W3C PROV where all records share one namespace.

**Example.** One file has source `sana` named "SANA" with reliability `C`,
another has `sana` with reliability `D`: the merged graph holds both.

**How to fix.** Reconcile the conflicting records into one, or give them
distinct ids; for a cross-type clash, rename one (`sana` for the agency,
`sana-2025-01-11` for its dispatch).
""",
)
def ambiguous_id(graph: ClaimGraph) -> Iterator[Finding]:
    """Report same-type conflicts and ids shared across record types."""
    for records in graph.conflicts():
        first = records[0]
        fields = _differences(records)
        differ = f"; they differ in {listing(fields)}" if fields else ""
        yield builtin_finding(
            ambiguous_id,
            f"{len(records)} different {first.TYPE} records share the id "
            f"{first.id!r}{differ}",
            records=(ref_to(first),),
            hint="Reconcile them into one record, or give each its own id.",
        )
    for record_id, names in _shared_ids(graph).items():
        yield builtin_finding(
            ambiguous_id,
            f"the id {record_id!r} names records of {len(names)} types: "
            f"{listing(names)}",
            records=tuple(make_ref(kind, record_id) for kind in names),
            hint="Rename all but one, so each id means one record wherever it "
            "appears without its type.",
        )


def _shared_ids(graph: ClaimGraph) -> dict[str, list[str]]:
    """Return each id that records of several types hold, with those types.

    The types are in the graph's order (source first, assessment last). Ids
    are compared index against index, so the cost is a pass over the ids of
    the smaller of each pair and not a Python step per record.
    """
    indexes = list(_indexes(graph).items())
    shared: set[str] = set()
    for i, (_, first) in enumerate(indexes):
        for _, second in indexes[i + 1 :]:
            shared |= first.keys() & second.keys()
    return {
        record_id: [kind for kind, index in indexes if record_id in index]
        for record_id in sorted(shared)
    }


def _from_smallest(loop: tuple[str, ...]) -> list[str]:
    start = loop.index(min(loop))
    ordered = [*loop[start:], *loop[:start]]
    return [*ordered, ordered[0]]


@builtin_rule(
    code="CT103",
    name="cycle",
    severity="error",
    summary="A relay chain or an affiliation chain loops back on itself.",
    explanation="""
A relay chain follows `via` from a hop to the hop it reports; it must end at a
first-hand statement. An affiliation chain follows `affiliation` from a source
to whom it answers; it must end at a root. Either one looping is reported, once
per loop.

**Why it matters.** A relay loop has no origin: nobody said the claim first, so
it cannot be corroborated, and every hop in the loop looks second-hand. An
affiliation loop makes "who speaks for whom" meaningless; the graph still
groups the loop's members as one voice, but that is a guess.

**Example.** The Enab Baladi hop relays the Washington Post hop, which was
entered as relaying the Enab Baladi hop.

**How to fix.** Find the hop (or source) where the loop was closed by mistake
and point it at the real upstream hop (or parent), or make it first hand (or a
root).
""",
)
def cycle(graph: ClaimGraph) -> Iterator[Finding]:
    """Report each relay loop and each affiliation loop once."""
    for loop in graph.relay_cycles():
        path = _from_smallest(loop)
        yield builtin_finding(
            cycle,
            f"attribution {path[0]!r} relays itself through a loop: "
            + " -> ".join(path),
            records=tuple(make_ref("attribution", a) for a in sorted(loop)),
            hint="Point the hop that closes the loop at the hop it really "
            "reports, or make it first hand.",
        )
    for loop in graph.affiliation_cycles():
        path = _from_smallest(loop)
        yield builtin_finding(
            cycle,
            f"source {path[0]!r} is affiliated with itself through a loop: "
            + " -> ".join(path),
            records=tuple(make_ref("source", s) for s in sorted(loop)),
            hint="Set the affiliation of the loop's top source to nothing, or "
            "to the party it really answers to.",
        )


@builtin_rule(
    code="CT104",
    name="relay-claim-mismatch",
    severity="error",
    summary="A relay reports an upstream hop about a different claim.",
    explanation="""
A relay (`via`) says "this hop reports that hop": both hops must carry the same
claim. When the wording changed along the way, the changed wording is a claim
of its own, related to the original (`refines`, `same_as`), and each has its
own chain.

**Why it matters.** A relay across claims lends one claim the origin of
another: the rewritten, stronger claim inherits the sourcing of the original.
That is exactly how "officials say intelligence was shared" becomes "the attack
was averted thanks to US warnings" without anyone having said so.

**Example.** Attribution `averted:enab` (claim `averted-by-us-warnings`) has
`via` pointing at `foiled:sana` (claim `zaynab-foiled`).

**How to fix.** Point the relay at the upstream hop of the same claim; if the
upstream document says something different, enter it as its own claim and
relate the two.
""",
)
def relay_claim_mismatch(graph: ClaimGraph) -> Iterator[Finding]:
    """Report each relay whose upstream hop carries another claim."""
    attributions = graph.attribution_index
    for attribution in graph.attributions:
        if attribution.via is None:
            continue
        upstream = attributions.get(attribution.via)
        if upstream is None or upstream.claim == attribution.claim:
            continue
        yield builtin_finding(
            relay_claim_mismatch,
            f"attribution {attribution.id!r} carries claim {attribution.claim!r} "
            f"but relays attribution {upstream.id!r}, which carries claim "
            f"{upstream.claim!r}",
            records=(
                ref_to(attribution),
                ref_to(upstream),
                make_ref("claim", attribution.claim),
                make_ref("claim", upstream.claim),
            ),
            hint="Relay a hop of the same claim, or enter the reworded claim "
            "separately and relate the two claims.",
        )


@builtin_rule(
    code="CT105",
    name="relay-not-by-publisher",
    severity="warning",
    summary="A relay is credited to someone other than the upstream document's "
    "publisher.",
    explanation="""
When a document reports another document ("The Washington Post reported, citing
officials..."), the relaying hop is credited to the *publisher* of the upstream
document: the Enab Baladi hop that relays the officials' words in the
Washington Post is credited to the Washington Post, because that is who Enab
Baladi's readers are asked to trust.

**Why it matters.** Trust is discounted hop by hop by the reliability of the
party credited in each hop. Crediting the relay to someone else (the officials
again, or the relaying outlet itself) skips or doubles a link, and the
confidence computed for the claim is wrong.

**Example.** Attribution `us-shared-intel:enab` relays `us-shared-intel:wapo`
(recorded in `wapo-report`, published by `wapo`) but is credited to
`us-officials`.

**How to fix.** Credit the relay to the upstream document's publisher. If the
relaying text names a journalist, keep that in the hop's `cue`.
""",
)
def relay_not_by_publisher(graph: ClaimGraph) -> Iterator[Finding]:
    """Report relays credited to someone other than the upstream publisher."""
    attributions = graph.attribution_index
    documents = graph.document_index
    words = source_namer(graph)
    # Findings name the same few thousand documents and publishers again and
    # again: what they say of each is worked out once.
    document_refs = RefsOf("document")
    source_refs = RefsOf("source")
    published = Memo(
        lambda document_id: (
            f"from document {document_id!r}, published by "
            f"{words(_publisher(documents, document_id))}, but credits "
        )
    )
    hints = Memo(
        lambda document_id: (
            "Credit the relay to "
            f"{_publisher(documents, document_id)!r}, the publisher of "
            f"{document_id!r}, or check that it relays the right hop."
        )
    )
    for attribution in graph.attributions:
        if attribution.via is None:
            continue
        upstream = attributions.get(attribution.via)
        if upstream is None:
            continue
        document = documents.get(upstream.document)
        if document is None or document.publisher is None:
            continue
        if attribution.source == document.publisher:
            continue
        yield builtin_finding(
            relay_not_by_publisher,
            f"attribution {attribution.id!r} relays attribution {upstream.id!r} "
            f"{published[document.id]}{words(attribution.source)}",
            records=(
                ref_to(attribution),
                ref_to(upstream),
                document_refs[document.id],
                source_refs[document.publisher],
            ),
            hint=hints[document.id],
        )


def _publisher(documents: Mapping[str, Document], document_id: str) -> str:
    """Return the publisher of a document that has one."""
    return documents[document_id].publisher or ""
