"""Google Fact Check Tools API: reading ``claims:search`` responses.

A response lists claims, each with the reviews fact-checkers published::

    {"claims": [{"text": ..., "claimant": ..., "claimDate": ...,
                 "claimReview": [{"publisher": {"name": ..., "site": ...},
                                  "url": ..., "title": ..., "reviewDate": ...,
                                  "textualRating": ..., "languageCode": ...}]}],
     "nextPageToken": ...}

Mapping:

- each claim becomes a `Claim` (its language is the first review's
  ``languageCode``, ``und`` when none is given);
- ``claimant`` becomes a `Source`;
- each review's ``publisher`` becomes a `Source` (an organization, its
  ``site`` kept in ``extra``), the review article a `Document` it published,
  and the review an `Assessment` by it, with ``textualRating`` as the label
  and the verdict it maps to (`claimtrack.exports._verdicts`);
- the review article reports that the claimant made the claim, so each review
  also gives an `Attribution` of the claim to the claimant in that article
  (mode ``summary``, ``said`` the ``claimDate``).

Everything else, including a ``nextPageToken`` (more results exist that were
not in this response), is reported in `ImportResult.unmapped`.
"""

from __future__ import annotations

from typing import Any

from claimtrack.errors import LoadError, Problem
from claimtrack.records import (
    Assessment,
    Attribution,
    Claim,
    Document,
    Mode,
    Source,
    SourceKind,
)

from ._importing import Collector, ImportResult, as_list, fresh_id, join, parse_json
from ._verdicts import verdict_for

__all__ = ["from_factcheck_api"]


def __dir__() -> list[str]:
    return list(__all__)


def _claimant(collector: Collector, path: str, value: object) -> Source | None:
    name = collector.text(path, value)
    if not name:
        return None
    source = Source(id=fresh_id("source", name), name=name)
    collector.add(source)
    return source


def _publisher(collector: Collector, path: str, value: object) -> Source | None:
    if not isinstance(value, dict):
        if value is not None:
            collector.skip(path, "expected an object with name and site")
        return None
    name = collector.text(join(path, "name"), value.get("name"))
    site = collector.text(join(path, "site"), value.get("site"))
    if not (name or site):
        collector.skip(path, "a publisher without a name or site")
        return None
    source = Source(
        id=fresh_id("source", name or site or "", site or ""),
        name=name or site or "",
        kind=SourceKind.ORGANIZATION,
        extra={} if site is None else {"site": site},
    )
    collector.add(source)
    collector.leftovers(path, value, {"name", "site"})
    return source


def _review(
    collector: Collector,
    path: str,
    review: object,
    *,
    claim: Claim,
    claimant: Source | None,
    said: Any,
) -> None:
    if not isinstance(review, dict):
        collector.skip(path, "expected a claim review object")
        return
    publisher = _publisher(collector, join(path, "publisher"), review.get("publisher"))
    url = collector.text(join(path, "url"), review.get("url"))
    title = collector.text(join(path, "title"), review.get("title"))
    date = collector.date(join(path, "reviewDate"), review.get("reviewDate"))
    language = collector.language(
        join(path, "languageCode"), review.get("languageCode")
    )
    label = collector.text(join(path, "textualRating"), review.get("textualRating"))
    verdict = verdict_for(label)
    if verdict is None:
        collector.skip(
            join(path, "textualRating"),
            f"rating {label!r} has no verdict on the common scale; kept as the label",
        )
    by = None if publisher is None else publisher.id
    document = None
    if url or title:
        document = Document(
            id=fresh_id("document", url or title or ""),
            publisher=by,
            title=title,
            url=url,
            published=date,
            language=language,
        )
        collector.add(document)
    if document is not None and claimant is not None:
        collector.add(
            Attribution(
                id=fresh_id("attribution", claim.id, claimant.id, document.id),
                claim=claim.id,
                source=claimant.id,
                document=document.id,
                mode=Mode.SUMMARY,
                said=said,
            )
        )
    collector.add(
        Assessment(
            id=fresh_id("review", url or "", claim.id, by or "", label or ""),
            claim=claim.id,
            by=by,
            verdict=verdict,
            label=label,
            date=date,
            url=url,
        )
    )
    collector.leftovers(
        path,
        review,
        {"publisher", "url", "title", "reviewDate", "languageCode", "textualRating"},
    )


def _claim(collector: Collector, path: str, item: object) -> None:
    if not isinstance(item, dict):
        collector.skip(path, "expected a claim object")
        return
    text = collector.text(join(path, "text"), item.get("text"))
    if not text:
        collector.skip(path, "a claim without text")
        return
    reviews = as_list(item.get("claimReview"))
    language = next(
        (
            r["languageCode"]
            for r in reviews
            if isinstance(r, dict) and isinstance(r.get("languageCode"), str)
        ),
        None,
    )
    claim = Claim(
        id=fresh_id("claim", text),
        text=text,
        language=collector.language(join(path, "claimReview"), language) or "und",
    )
    collector.add(claim)
    claimant = _claimant(collector, join(path, "claimant"), item.get("claimant"))
    said = collector.date(join(path, "claimDate"), item.get("claimDate"))
    for i, review in enumerate(reviews):
        _review(
            collector,
            f"{join(path, 'claimReview')}[{i}]",
            review,
            claim=claim,
            claimant=claimant,
            said=said,
        )
    collector.leftovers(path, item, {"text", "claimReview", "claimant", "claimDate"})


def from_factcheck_api(
    data: str | bytes | dict[str, Any], *, source: str | None = None
) -> ImportResult:
    """Read a Fact Check Tools ``claims:search`` response into a graph.

    Args:
        data: The response text, or its JSON object already parsed.
        source: A label for the input (a file name), for error messages.

    Raises:
        LoadError: If the text is not JSON or not a response object.
    """
    if isinstance(data, (str, bytes, bytearray)):
        data = parse_json(data, source=source)
    if not isinstance(data, dict) or not isinstance(data.get("claims", []), list):
        problem = Problem(
            path="$", message='expected a claims:search response: {"claims": [...]}'
        )
        raise LoadError((problem,), source=source)
    collector = Collector()
    for i, item in enumerate(data.get("claims", [])):
        _claim(collector, f"$.claims[{i}]", item)
    if "nextPageToken" in data:
        collector.skip(
            "$.nextPageToken", "more results exist on further pages, not read here"
        )
    collector.leftovers("$", data, {"claims", "nextPageToken"})
    return collector.result()
