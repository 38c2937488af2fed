"""schema.org ClaimReview JSON-LD: fact-check markup out, and back in.

Export: one ``ClaimReview`` per assessment that carries a fact-check outcome
(a verdict or the checker's label), shaped for Google's fact-check rich
results:

- ``claimReviewed``: the claim's English translation if it has one, else its
  text, flattened and cut at a word to at most 75 characters, as Google
  advises; it never holds the rating.
- ``reviewRating``: see `claimtrack.exports._verdicts` for the scale;
  ``ratingExplanation`` is the assessment's rationale.
- ``author``: the assessor, a ``Person`` or an ``Organization`` by kind.
- ``datePublished`` and ``url``: the assessment's date and address.
- ``itemReviewed``: a ``Claim`` with the full ``text`` in its language, each
  translation as a ``workTranslation``, its ``author`` (the sources of its
  origins: an anonymous origin is named by the reporting's own descriptor and
  described as unnamed, never given a name), every document it appears in as
  ``appearance`` and, when the dates settle it, ``firstAppearance``: the one
  document certainly published before every other (same-day or undated
  documents leave it out rather than guess).

Every node has an ``@id`` URN (`claimtrack.exports._naming`), so exported
reviews come back in as the same records. The text is a JSON array of
reviews, each with its own ``@context``, with ``<``, ``>`` and ``&`` escaped
so that it can be embedded in a ``<script type="application/ld+json">``
element as it is.

Import: a review object, an array of them, or a ``@graph`` (as embedded in
fact-check pages) becomes claims, sources (assessors and claim authors),
documents (appearances) and assessments. When the claim has exactly one
author, each appearance becomes an attribution crediting it; several authors
cannot be matched to appearances, and that is reported. Nodes of other types
and keys without a mapping are reported in `ImportResult.unmapped`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from claimtrack.dates import FuzzyDate
from claimtrack.errors import LoadError, Problem
from claimtrack.graph import ClaimGraph
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
from ._naming import record_id_of, record_iri
from ._text import truncate, writable
from ._verdicts import (
    BEST_RATING,
    RATING_VALUES,
    WORST_RATING,
    default_label,
    verdict_for,
)

__all__ = ["CLAIM_REVIEWED_LIMIT", "from_claimreview", "to_claimreview"]


def __dir__() -> list[str]:
    return list(__all__)


CLAIM_REVIEWED_LIMIT = 75
"""Google's advice for ``claimReviewed``: under 75 characters."""

_CONTEXT = "https://schema.org"

# --- export -----------------------------------------------------------------


def _date(value: FuzzyDate | None) -> str | None:
    # schema.org dates are ISO 8601; an interval is no single date.
    if value is None or value.is_interval:
        return None
    return value.text


def _compact(node: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in node.items() if value not in (None, [])}


def _party(graph: ClaimGraph, source_id: str) -> dict[str, Any]:
    source = graph.source(source_id)
    if source is None:
        return {"@type": "Thing", "@id": record_iri("source", source_id)}
    kind = "Person" if source.kind is SourceKind.PERSON else "Organization"
    node: dict[str, Any] = {"@type": kind, "@id": record_iri("source", source.id)}
    if source.anonymous:
        node["name"] = writable(source.descriptor or source.name)
        node["description"] = "An unnamed source, as the reporting describes it."
    else:
        node["name"] = writable(source.name)
    if source.affiliation is not None:
        parent = graph.source(source.affiliation)
        key = "affiliation" if kind == "Person" else "parentOrganization"
        node[key] = _compact(
            {
                "@type": "Organization",
                "@id": record_iri("source", source.affiliation),
                "name": None if parent is None else writable(parent.name),
            }
        )
    return node


def _work(graph: ClaimGraph, document: Document) -> dict[str, Any]:
    return _compact(
        {
            "@type": "CreativeWork",
            "@id": record_iri("document", document.id),
            "url": None if document.url is None else writable(document.url),
            "name": None if document.title is None else writable(document.title),
            "inLanguage": document.language,
            "datePublished": _date(document.published),
            "publisher": (
                None
                if document.publisher is None
                else _party(graph, document.publisher)
            ),
        }
    )


def _first(documents: list[Document]) -> Document | None:
    """Return the document certainly published before all others, if one is."""
    if len(documents) == 1:
        return documents[0]
    if not documents or any(d.published is None for d in documents):
        return None
    # Only the document whose latest possible day is the earliest can be
    # certainly before all the others; one pass checks it.
    candidate = min(documents, key=lambda d: d.published.latest)  # type: ignore[union-attr]
    date = candidate.published
    assert date is not None
    others = (d.published for d in documents if d is not candidate)
    if all(other is not None and date.certainly_before(other) for other in others):
        return candidate
    return None


def _claim_node(graph: ClaimGraph, claim: Claim) -> dict[str, Any]:
    documents: dict[str, Document] = {}
    for attribution in graph.attributions_of(claim.id):
        document = graph.document(attribution.document)
        if document is not None:
            documents.setdefault(document.id, document)
    appearances = [documents[k] for k in sorted(documents)]
    first = _first(appearances)
    authors = list(dict.fromkeys(o.source for o in graph.origins_of(claim.id)))
    return _compact(
        {
            "@type": "Claim",
            "@id": record_iri("claim", claim.id),
            "text": writable(claim.text),
            "inLanguage": claim.language,
            "workTranslation": [
                {"@type": "Claim", "text": writable(text), "inLanguage": tag}
                for tag, text in sorted(claim.translations.items())
            ],
            "author": [_party(graph, source_id) for source_id in authors],
            "datePublished": None if first is None else _date(first.published),
            "appearance": [_work(graph, document) for document in appearances],
            "firstAppearance": None if first is None else _work(graph, first),
        }
    )


def _claim_reviewed(claim: Claim) -> str:
    english = claim.translations.get("en")
    if english is None and claim.language.casefold().startswith("en"):
        english = claim.text
    return truncate(writable(english or claim.text), CLAIM_REVIEWED_LIMIT)


def _rating(assessment: Assessment) -> dict[str, Any]:
    verdict = assessment.verdict
    label = assessment.label
    if label is None:
        label = "Not rated" if verdict is None else default_label(verdict)
    rating: dict[str, Any] = {"@type": "Rating"}
    if verdict is not None and verdict in RATING_VALUES:
        rating["ratingValue"] = RATING_VALUES[verdict]
        rating["bestRating"] = BEST_RATING
        rating["worstRating"] = WORST_RATING
    rating["alternateName"] = writable(label)
    if assessment.rationale is not None:
        rating["ratingExplanation"] = writable(assessment.rationale)
    return rating


def _reviews(graph: ClaimGraph) -> Iterator[dict[str, Any]]:
    for assessment in graph.assessment_index.values():
        if assessment.verdict is None and assessment.label is None:
            continue
        claim = graph.claim(assessment.claim)
        if claim is None:
            continue
        yield _compact(
            {
                "@context": _CONTEXT,
                "@type": "ClaimReview",
                "@id": record_iri("assessment", assessment.id),
                "url": None if assessment.url is None else writable(assessment.url),
                "claimReviewed": _claim_reviewed(claim),
                "datePublished": _date(assessment.date),
                "author": (
                    None if assessment.by is None else _party(graph, assessment.by)
                ),
                "reviewRating": _rating(assessment),
                "itemReviewed": _claim_node(graph, claim),
            }
        )


def to_claimreview(graph: ClaimGraph) -> str:
    """Return schema.org ClaimReview JSON-LD for the graph's fact-checks.

    The text is a JSON array (empty if no assessment has a verdict or label),
    safe to embed in an HTML ``script`` element as it is.
    """
    text = json.dumps(list(_reviews(graph)), ensure_ascii=False, indent=2) + "\n"
    # These characters occur only inside JSON strings, where the escapes mean
    # the same; escaped, no claim text can close the script element.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


# --- import -----------------------------------------------------------------


def _type_of(node: dict[str, Any]) -> set[str]:
    names = set()
    for value in as_list(node.get("@type")):
        if isinstance(value, str):
            names.add(value.rsplit("/", 1)[-1].rsplit(":", 1)[-1])
    return names


def _reviews_in(
    data: Any, collector: Collector
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield each ClaimReview node with its path; report every other node."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from _reviews_in_node(item, f"$[{i}]", collector)
    elif isinstance(data, dict):
        yield from _reviews_in_node(data, "$", collector)
    else:
        raise LoadError(
            (Problem(path="$", message="expected a JSON-LD object or array"),)
        )


def _reviews_in_node(
    node: object, path: str, collector: Collector
) -> Iterator[tuple[str, dict[str, Any]]]:
    if not isinstance(node, dict):
        collector.skip(path, "not a JSON-LD node")
        return
    if "@graph" in node:
        for i, item in enumerate(as_list(node["@graph"])):
            yield from _reviews_in_node(item, f"{path}['@graph'][{i}]", collector)
        collector.leftovers(path, node, {"@graph"})
        return
    if "ClaimReview" in _type_of(node):
        yield path, node
    else:
        kinds = ", ".join(sorted(_type_of(node))) or "no @type"
        collector.skip(path, f"not a ClaimReview ({kinds})")


def _party_in(
    collector: Collector, path: str, node: object, kind: SourceKind | None = None
) -> Source | None:
    if isinstance(node, str):
        node = {"name": node}
    if not isinstance(node, dict):
        collector.skip(path, "expected a Person or Organization")
        return None
    name = collector.text(join(path, "name"), node.get("name"))
    source_id = record_id_of("source", node.get("@id"))
    if source_id is None:
        if not name:
            collector.skip(path, "a party without a name or claimtrack @id")
            return None
        source_id = fresh_id("source", name)
    if kind is None:
        kind = SourceKind.PERSON if "Person" in _type_of(node) else SourceKind.OTHER
        if "Organization" in _type_of(node):
            kind = SourceKind.ORGANIZATION
    affiliation = None
    parent_key = next(
        (k for k in ("affiliation", "parentOrganization") if k in node), None
    )
    if parent_key is not None:
        parent = _party_in(
            collector,
            join(path, parent_key),
            node[parent_key],
            SourceKind.ORGANIZATION,
        )
        affiliation = None if parent is None else parent.id
    url = collector.text(join(path, "url"), node.get("url"))
    source = Source(
        id=source_id,
        name=name or source_id,
        kind=kind,
        affiliation=affiliation,
        note=collector.text(join(path, "description"), node.get("description")),
        extra={} if url is None else {"url": url},
    )
    collector.add(source)
    collector.leftovers(
        path, node, {"name", "affiliation", "parentOrganization", "url", "description"}
    )
    return source


def _work_in(collector: Collector, path: str, node: object) -> Document | None:
    if isinstance(node, str):
        node = {"url": node}
    if not isinstance(node, dict):
        collector.skip(path, "expected a URL or a CreativeWork")
        return None
    url = collector.text(join(path, "url"), node.get("url"))
    title = collector.text(join(path, "name"), node.get("name", node.get("headline")))
    document_id = record_id_of("document", node.get("@id"))
    if document_id is None:
        if not (url or title):
            collector.skip(path, "an appearance without a url, name or claimtrack @id")
            return None
        document_id = fresh_id("document", url or title or "")
    publisher = None
    if "publisher" in node:
        publisher = _party_in(collector, join(path, "publisher"), node["publisher"])
    document = Document(
        id=document_id,
        url=url,
        title=title,
        publisher=None if publisher is None else publisher.id,
        published=collector.date(
            join(path, "datePublished"), node.get("datePublished")
        ),
        language=collector.language(join(path, "inLanguage"), node.get("inLanguage")),
    )
    collector.add(document)
    collector.leftovers(
        path,
        node,
        {"url", "name", "headline", "publisher", "datePublished", "inLanguage"},
    )
    return document


def _claim_in(
    collector: Collector,
    review_path: str,
    review: dict[str, Any],
    node: object,
) -> Claim | None:
    path = join(review_path, "itemReviewed")
    if node is None:
        node = {}
    if not isinstance(node, dict):
        collector.skip(path, "expected a Claim")
        node = {}
    text = collector.text(join(path, "text"), node.get("text"))
    language = collector.language(join(path, "inLanguage"), node.get("inLanguage"))
    reviewed = collector.text(
        join(review_path, "claimReviewed"), review.get("claimReviewed")
    )
    if text is None:
        text = reviewed
        language = language or collector.language(
            join(review_path, "inLanguage"), review.get("inLanguage")
        )
    if text is None:
        collector.skip(path, "a review of no claim: no claimReviewed or Claim text")
        return None
    translations: dict[str, str] = {}
    for i, item in enumerate(as_list(node.get("workTranslation"))):
        where = f"{join(path, 'workTranslation')}[{i}]"
        tag = collector.language(
            join(where, "inLanguage"),
            item.get("inLanguage") if isinstance(item, dict) else None,
        )
        words = item.get("text") if isinstance(item, dict) else None
        if tag is None or not isinstance(words, str):
            collector.skip(where, "a translation without text and a language tag")
            continue
        translations[tag] = words
    claim_id = record_id_of("claim", node.get("@id")) or fresh_id("claim", text)
    claim = Claim(
        id=claim_id,
        text=text,
        language=language or "und",
        translations=translations,
    )
    collector.add(claim)
    return claim


def _read_review(collector: Collector, path: str, review: dict[str, Any]) -> None:
    item = review.get("itemReviewed")
    item_path = join(path, "itemReviewed")
    claim = _claim_in(collector, path, review, item)
    if claim is None:
        collector.leftovers(path, review, set())
        return
    item_node: dict[str, Any] = item if isinstance(item, dict) else {}
    authors = [
        source
        for i, node in enumerate(as_list(item_node.get("author")))
        if (source := _party_in(collector, f"{join(item_path, 'author')}[{i}]", node))
    ]
    works: dict[str, Document] = {}
    for key in ("appearance", "firstAppearance"):
        for i, node in enumerate(as_list(item_node.get(key))):
            document = _work_in(collector, f"{join(item_path, key)}[{i}]", node)
            if document is not None:
                works.setdefault(document.id, document)
    if len(authors) == 1:
        for document in works.values():
            collector.add(
                Attribution(
                    id=_attribution_id(claim.id, authors[0].id, document.id),
                    claim=claim.id,
                    source=authors[0].id,
                    document=document.id,
                    mode=Mode.SUMMARY,
                )
            )
    elif works and authors:
        collector.skip(
            join(item_path, "author"),
            f"{len(authors)} authors and {len(works)} appearances: which author "
            "said it where is not recorded, so no attributions were made",
        )
    collector.leftovers(
        item_path,
        item_node,
        {
            "text",
            "inLanguage",
            "workTranslation",
            "author",
            "appearance",
            "firstAppearance",
            "datePublished",
        },
    )
    _assessment_in(collector, path, review, claim)


def _attribution_id(claim_id: str, source_id: str, document_id: str) -> str:
    candidate = f"{claim_id}:{source_id}:{document_id}"
    if len(candidate) <= 128:
        return candidate
    return fresh_id("attribution", claim_id, source_id, document_id)


def _assessment_in(
    collector: Collector, path: str, review: dict[str, Any], claim: Claim
) -> None:
    author = review.get("author", review.get("publisher"))
    assessor = None
    if author is not None:
        key = "author" if "author" in review else "publisher"
        parties = as_list(author)
        if parties:
            assessor = _party_in(collector, join(path, key), parties[0])
        for i in range(1, len(parties)):
            collector.skip(f"{join(path, key)}[{i}]", "only the first author is kept")
    rating = review.get("reviewRating")
    rating_path = join(path, "reviewRating")
    if not isinstance(rating, dict):
        if rating is not None:
            collector.skip(rating_path, "expected a Rating")
        rating = {}
    label = collector.text(
        join(rating_path, "alternateName"), rating.get("alternateName")
    )
    if label is None:
        label = collector.text(join(rating_path, "name"), rating.get("name"))
    verdict = verdict_for(
        label,
        rating.get("ratingValue"),
        rating.get("bestRating"),
        rating.get("worstRating"),
    )
    if verdict is None:
        collector.skip(
            rating_path,
            f"rating {label!r} has no verdict on the common scale; kept as the label",
        )
    url = collector.text(join(path, "url"), review.get("url"))
    date = collector.date(join(path, "datePublished"), review.get("datePublished"))
    assessment_id = record_id_of("assessment", review.get("@id")) or fresh_id(
        "review", url or "", claim.id, assessor.id if assessor else "", label or ""
    )
    collector.add(
        Assessment(
            id=assessment_id,
            claim=claim.id,
            by=None if assessor is None else assessor.id,
            verdict=verdict,
            label=label,
            rationale=collector.text(
                join(rating_path, "ratingExplanation"), rating.get("ratingExplanation")
            ),
            date=date,
            url=url,
        )
    )
    collector.leftovers(
        rating_path,
        rating,
        {
            "alternateName",
            "name",
            "ratingValue",
            "bestRating",
            "worstRating",
            "ratingExplanation",
        },
    )
    collector.leftovers(
        path,
        review,
        {
            "itemReviewed",
            "claimReviewed",
            "author",
            "publisher",
            "reviewRating",
            "url",
            "datePublished",
            "inLanguage",
        },
    )


def from_claimreview(
    data: str | bytes | dict[str, Any] | list[Any], *, source: str | None = None
) -> ImportResult:
    """Read ClaimReview JSON-LD into a graph, reporting what it could not map.

    Args:
        data: JSON-LD text, or the JSON value already parsed: one review, an
            array of nodes, or an object with a ``@graph``.
        source: A label for the input (a file name), for error messages.

    Raises:
        LoadError: If the text is not JSON, or its top level is neither an
            object nor an array.
    """
    if isinstance(data, (str, bytes, bytearray)):
        data = parse_json(data, source=source)
    collector = Collector()
    try:
        reviews = list(_reviews_in(data, collector))
    except LoadError as error:
        raise LoadError(error.problems, source=source) from None
    for path, review in reviews:
        _read_review(collector, path, review)
    return collector.result()
