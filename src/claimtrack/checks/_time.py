"""Time rules (CT2xx): dates that certainly cannot all be right.

Reporting dates things loosely ("this month", "last year"), so every rule here
reports only what is *certain*: a date known to the month is certainly before
the next month, but only possibly before a day of the same month, and the
possible is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimtrack.dates import FuzzyDate
from claimtrack.graph import ClaimGraph
from claimtrack.records import ClaimKind, Record

from ._core import Finding, Ref, builtin_rule

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
    for attribution in graph.attributions:
        document = documents.get(attribution.document)
        if document is None or document.published is None:
            continue
        if attribution.said is not None and document.published.certainly_before(
            attribution.said
        ):
            yield relayed_before_published.finding(
                f"attribution {attribution.id!r} was said on {attribution.said}, "
                f"after document {document.id!r} that reports it was published "
                f"on {document.published}",
                records=(Ref.to(attribution), Ref.to(document)),
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
            yield relayed_before_published.finding(
                f"attribution {attribution.id!r} in document {document.id!r} "
                f"(published {document.published}) relays document "
                f"{source_document.id!r}, published later, on "
                f"{source_document.published}",
                records=(
                    Ref.to(attribution),
                    Ref.to(document),
                    Ref.to(upstream),
                    Ref.to(source_document),
                ),
                hint="Check both publication dates, and that the relay names the "
                "hop it really reports.",
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
    documents = graph.document_index
    for claim in graph.claims:
        if claim.event_date is None or claim.kind is ClaimKind.PREDICTION:
            continue
        seen: set[str] = set()
        for attribution in graph.attributions_of(claim.id):
            document = documents.get(attribution.document)
            if (
                document is None
                or document.id in seen
                or document.published is None
                or not document.published.certainly_before(claim.event_date)
            ):
                continue
            seen.add(document.id)
            yield event_after_report.finding(
                f"claim {claim.id!r} dates its event {claim.event_date}, after "
                f"document {document.id!r} that reports it was published on "
                f"{document.published}",
                records=(Ref.to(claim), Ref.to(document)),
                hint="Correct the event date, or mark the claim as a prediction "
                "if it announces something yet to happen.",
            )


def _dates(graph: ClaimGraph) -> Iterator[tuple[Record, str, FuzzyDate | None]]:
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
    for record, what, date in _dates(graph):
        if date is None:
            continue
        actual = date.weekday_mismatch()
        if actual is None or date.weekday is None:
            continue
        yield weekday_mismatch.finding(
            f"{record.TYPE} {record.id!r} gives its {what} as "
            f"{date.weekday.value} {date.text}, but {date.text} was a "
            f"{actual.value}",
            records=(Ref.to(record),),
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
            yield retraction_before_publication.finding(
                f"document {document.id!r} is retracted on {document.retracted}, "
                f"before it was published on {document.published}",
                records=(Ref.to(document),),
                hint="Check both dates against the publisher's correction notice.",
            )
    for attribution in graph.attributions:
        if (
            attribution.retracted is not None
            and attribution.said is not None
            and attribution.retracted.certainly_before(attribution.said)
        ):
            yield retraction_before_publication.finding(
                f"attribution {attribution.id!r} is retracted on "
                f"{attribution.retracted}, before it was said on {attribution.said}",
                records=(Ref.to(attribution),),
                hint="Check both dates against the original statement and its "
                "withdrawal.",
            )
