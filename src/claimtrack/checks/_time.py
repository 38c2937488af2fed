"""Time rules (CT2xx): dates that certainly cannot all be right.

Reporting dates things loosely ("this month", "last year"), so every rule here
reports only what is *certain*: a date known to the month is certainly before
the next month, but only possibly before a day of the same month, and the
possible is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial
from operator import attrgetter, is_, is_not

from claimtrack.dates import FuzzyDate
from claimtrack.graph import ClaimGraph
from claimtrack.records import ClaimKind, Document, Record

from ._core import Finding, Memo, RefsOf, builtin_finding, builtin_rule, ref_to

__all__ = [
    "event_after_report",
    "relayed_before_published",
    "retraction_before_publication",
    "weekday_mismatch",
]


def __dir__() -> list[str]:
    return list(__all__)


@builtin_rule(
    code="CT201",
    name="relayed-before-published",
    severity="error",
    summary="Something is reported before it was published or said.",
    explanation="""
Reported when a relaying document is certainly dated before the document it
relays, or when an attribution's `said` date is certainly after the document
that records it.

**Why it matters.** Nobody can relay a report that does not exist yet. An
impossible order means a date was entered wrongly, or the relay points at the
wrong upstream hop (a later follow-up instead of the original report), and the
chain a reader would trace is not the real one.

**Example.** Enab Baladi's article is dated 2025-01-23 and relays the
Washington Post report dated 2025-01-24.

Only certain conflicts count: an article dated `2025-01` relaying a report
dated `2025-01-24` is not reported, since it may have been published later
that month.

**How to fix.** Check both dates against the documents themselves (publication
dates in time zones ahead of UTC are a common slip), and check that the relay
names the right upstream hop.
""",
)
def relayed_before_published(graph: ClaimGraph) -> Iterator[Finding]:
    """Report relays dated before their upstream, and statements after their report."""
    documents = graph.document_index
    attributions = graph.attribution_index
    # Findings name the same few thousand documents again and again.
    document_refs = RefsOf("document")
    reporting = _reporting_words(graph)
    relaying = Memo(
        lambda document_id: (
            f"in document {document_id!r} "
            f"(published {documents[document_id].published})"
        )
    )
    relayed = Memo(
        lambda document_id: (
            f"relays document {document_id!r}, published later, "
            f"on {documents[document_id].published}"
        )
    )
    for attribution in graph.attributions:
        document = documents.get(attribution.document)
        if document is None or document.published is None:
            continue
        if attribution.said is not None and document.published.certainly_before(
            attribution.said
        ):
            yield builtin_finding(
                relayed_before_published,
                f"attribution {attribution.id!r} was said on {attribution.said}, "
                f"after {reporting[document.id]}",
                records=(ref_to(attribution), document_refs[document.id]),
                hint="Check the statement's date and the document's publication date.",
            )
        if attribution.via is None:
            continue
        upstream = attributions.get(attribution.via)
        if upstream is None:
            continue
        source_document = documents.get(upstream.document)
        if source_document is None or source_document.published is None:
            continue
        if document.published.certainly_before(source_document.published):
            yield builtin_finding(
                relayed_before_published,
                f"attribution {attribution.id!r} {relaying[document.id]} "
                f"{relayed[source_document.id]}",
                records=(
                    ref_to(attribution),
                    document_refs[document.id],
                    ref_to(upstream),
                    document_refs[source_document.id],
                ),
                hint="Check both publication dates, and that the relay names the "
                "hop it really reports.",
            )


def _reporting_words(graph: ClaimGraph) -> Memo[str]:
    """Return, by document id, ``document 'id' that reports it was published on date``.

    For documents that are in the graph and dated: the words of CT201 and
    CT202 findings, worked out once per document.
    """
    documents = graph.document_index
    return Memo(
        lambda document_id: (
            f"document {document_id!r} that reports it was "
            f"published on {documents[document_id].published}"
        )
    )


@builtin_rule(
    code="CT202",
    name="event-after-report",
    severity="warning",
    summary="A claimed past event is dated after the document that reports it.",
    explanation="""
Reported when a claim that is not a prediction has an `event_date` certainly
after the publication date of a document in which it is attributed.

**Why it matters.** A report cannot describe as done what had not happened when
it was published. Either the event date is wrong (often a year slip in early
January), or the claim is really a prediction or plan and should be entered as
one (`kind: prediction`), which changes how it can be checked.

**Example.** Claim `zaynab-foiled` has `event_date` 2025-02-11, and the SANA
dispatch reporting it was published on 2025-01-11.

**How to fix.** Correct the event date, or set the claim's kind to
`prediction` if it announces something yet to happen.
""",
)
def event_after_report(graph: ClaimGraph) -> Iterator[Finding]:
    """Report past events dated after a document that reports them."""
    past = [
        (claim, claim.event_date)
        for claim in graph.claims
        if claim.event_date is not None and claim.kind is not ClaimKind.PREDICTION
    ]
    reports = _reporting_documents(graph, {claim.id for claim, _ in past})
    document_refs = RefsOf("document")
    reporting = _reporting_words(graph)
    for claim, event_date in past:
        found = reports.get(claim.id)
        if found is None:
            continue
        if len(found) > 1:
            # In id order, as `check` sorts a claim's findings: then they are
            # found in order, and not sorted again.
            found.sort(key=_id)
        for document in found:
            published = document.published
            if published is None or not published.certainly_before(event_date):
                continue
            yield builtin_finding(
                event_after_report,
                f"claim {claim.id!r} dates its event {event_date}, after "
                f"{reporting[document.id]}",
                records=(ref_to(claim), document_refs[document.id]),
                hint="Correct the event date, or mark the claim as a prediction "
                "if it announces something yet to happen.",
            )


def _reporting_documents(
    graph: ClaimGraph, claim_ids: set[str]
) -> dict[str, list[Document]]:
    """Return, for each of these claims, the documents its attributions are in.

    Each document comes once, in the order of the claim's attributions; ids
    naming no document are left out. One pass over the attributions serves
    every claim, instead of a lookup of each claim's attributions.
    """
    documents = graph.document_index
    found: dict[str, dict[str, Document]] = {}
    for attribution in graph.attributions:
        if attribution.claim not in claim_ids:
            continue
        document = documents.get(attribution.document)
        if document is not None:
            found.setdefault(attribution.claim, {}).setdefault(document.id, document)
    return {claim_id: list(held.values()) for claim_id, held in found.items()}


# Every date a record holds: the graph's records of one type, the field, and
# what the date is, in words.
_DATES: tuple[tuple[str, str, str], ...] = (
    ("documents", "published", "publication date"),
    ("documents", "retracted", "retraction date"),
    ("claims", "event_date", "event date"),
    ("attributions", "said", "date said"),
    ("attributions", "retracted", "retraction date"),
    ("assessments", "date", "date"),
)

_id = attrgetter("id")
_is_none = partial(is_, None)
_is_not_none = partial(is_not, None)
_weekday = attrgetter("weekday")


def _stated_weekdays(
    records: Sequence[Record], field: str
) -> Iterator[tuple[Record, FuzzyDate]]:
    """Yield (record, date) for each date in *field* of *records* with a weekday.

    Few dates state their weekday, so whether any of a field's dates does is
    first found without a Python loop; records are visited one by one only
    when some date does.
    """
    dates = filter(_is_not_none, map(attrgetter(field), records))
    if all(map(_is_none, map(_weekday, dates))):
        return
    for record in records:
        date = getattr(record, field)
        if date is not None and date.weekday is not None:
            yield record, date


@builtin_rule(
    code="CT203",
    name="weekday-mismatch",
    severity="error",
    summary="A stated weekday does not fall on its date.",
    explanation="""
Dates may carry the weekday the text states ("الجمعة 24 من كانون الثاني",
entered as `2025-01-24 (Friday)`). Reported when that day of the week is not
the one the date falls on.

**Why it matters.** A wrong weekday means the text or its transcription is
wrong about *when*: the day, the month, or the year was misread (in early
January, last year's date is a classic). Time-based checks and the order of
events rest on these dates.

**Example.** `2025-01-24 (Thursday)`: 24 January 2025 was a Friday.

**How to fix.** Check the date and the weekday against the original text;
correct whichever was mistyped. If the original itself is inconsistent, keep
the date you can confirm and say so in the record's `note`.
""",
)
def weekday_mismatch(graph: ClaimGraph) -> Iterator[Finding]:
    """Report each date whose stated weekday is wrong."""
    for table, field, what in _DATES:
        for record, date in _stated_weekdays(getattr(graph, table), field):
            actual = date.weekday_mismatch()
            if actual is None or date.weekday is None:
                continue
            yield builtin_finding(
                weekday_mismatch,
                f"{record.TYPE} {record.id!r} gives its {what} as "
                f"{date.weekday.value} {date.text}, but {date.text} was a "
                f"{actual.value}",
                records=(ref_to(record),),
                hint="Check the date and the weekday against the original text.",
            )


@builtin_rule(
    code="CT204",
    name="retraction-before-publication",
    severity="error",
    summary="A retraction is dated before what it retracts.",
    explanation="""
Reported when a document's `retracted` date is certainly before its `published`
date, or an attribution's `retracted` date is certainly before the date the
statement was `said`.

(An attribution may well be retracted before the document that records it was
published: an article may report that an official said something and later
withdrew it. Only the statement's own date bounds its retraction.)

**Why it matters.** Something cannot be withdrawn before it exists; one of the
two dates is wrong, and the checks that follow retractions downstream (CT307)
depend on them.

**Example.** Document `wapo-report` published 2025-01-24, retracted
2025-01-20.

**How to fix.** Check both dates against the publisher's correction notice.
""",
)
def retraction_before_publication(graph: ClaimGraph) -> Iterator[Finding]:
    """Report retractions dated before what they retract."""
    for document in graph.documents:
        if (
            document.retracted is not None
            and document.published is not None
            and document.retracted.certainly_before(document.published)
        ):
            yield builtin_finding(
                retraction_before_publication,
                f"document {document.id!r} is retracted on {document.retracted}, "
                f"before it was published on {document.published}",
                records=(ref_to(document),),
                hint="Check both dates against the publisher's correction notice.",
            )
    for attribution in graph.attributions:
        if (
            attribution.retracted is not None
            and attribution.said is not None
            and attribution.retracted.certainly_before(attribution.said)
        ):
            yield builtin_finding(
                retraction_before_publication,
                f"attribution {attribution.id!r} is retracted on "
                f"{attribution.retracted}, before it was said on {attribution.said}",
                records=(ref_to(attribution),),
                hint="Check both dates against the original statement and its "
                "withdrawal.",
            )
