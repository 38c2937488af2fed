import json
import socket
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyld import jsonld

from claimtrack import Assessment, ClaimGraph, GraphBuilder, LoadError, Verdict
from claimtrack.exports import from_claimreview, to_claimreview
from claimtrack.exports._claimreview import CLAIM_REVIEWED_LIMIT
from claimtrack.exports._verdicts import RATING_VALUES
from export_samples import seed_graph, small_graph

SCHEMA = "http://schema.org/"

# The schema.org terms ClaimReview markup uses, as schema.org defines them.
# No @vocab: a term missing here is dropped by expansion, and the test fails.
_TERMS = [
    "ClaimReview",
    "Claim",
    "Rating",
    "CreativeWork",
    "Organization",
    "Person",
    "Thing",
    "claimReviewed",
    "reviewRating",
    "ratingValue",
    "bestRating",
    "worstRating",
    "alternateName",
    "ratingExplanation",
    "author",
    "datePublished",
    "itemReviewed",
    "text",
    "inLanguage",
    "workTranslation",
    "appearance",
    "firstAppearance",
    "name",
    "description",
    "affiliation",
    "parentOrganization",
    "publisher",
]
SCHEMA_CONTEXT: dict[str, Any] = {
    "@context": {
        "schema": SCHEMA,
        **{term: f"schema:{term}" for term in _TERMS},
        "url": {"@id": "schema:url", "@type": "@id"},
    }
}


def _load_document(url: str, _options: object = None) -> dict[str, Any]:
    """Serve schema.org's context from memory; refuse any other document."""
    if url.rstrip("/") not in {"https://schema.org", "http://schema.org"}:
        msg = f"the test loads no document but schema.org's context, asked {url}"
        raise AssertionError(msg)
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def reviews(graph: ClaimGraph) -> list[dict[str, Any]]:
    """Return the exported reviews of *graph*, parsed."""
    result: list[dict[str, Any]] = json.loads(to_claimreview(graph))
    return result


def keys(node: object) -> set[str]:
    """Every property name used anywhere in a JSON value, @-keywords aside."""
    found: set[str] = set()
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.update(k for k in item if not k.startswith("@"))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def test_google_required_and_recommended_fields_are_present() -> None:
    """Each review has Google's required and recommended fact-check fields."""
    (review,) = reviews(small_graph())
    rating = review["reviewRating"]
    claim = review["itemReviewed"]
    expected = {
        "review": ["author", "claimReviewed", "datePublished", "reviewRating", "url"],
        "rating": ["alternateName", "bestRating", "ratingValue", "worstRating"],
        "claim": ["appearance", "author", "datePublished", "firstAppearance"],
        "author": ["name"],
        "types": ["Claim", "ClaimReview", "Rating"],
    }
    actual = {
        "review": sorted(k for k in expected["review"] if review.get(k)),
        "rating": sorted(k for k in expected["rating"] if k in rating),
        "claim": sorted(k for k in expected["claim"] if claim.get(k)),
        "author": sorted(k for k in expected["author"] if review["author"].get(k)),
        "types": sorted([claim["@type"], review["@type"], rating["@type"]]),
    }
    assert expected == actual
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]


def test_claim_reviewed_is_the_english_translation_without_rating() -> None:
    """The reviewed text is the claim's English wording, never the rating."""
    (review,) = reviews(small_graph())
    expected = "The US shared intelligence on IS threats with Damascus."
    assert expected == review["claimReviewed"]
    assert review["reviewRating"]["alternateName"] not in review["claimReviewed"]


@given(text=st.text(min_size=1, max_size=400))
def test_claim_reviewed_is_short(text: str) -> None:
    """However long the claim, claimReviewed stays within Google's advice."""
    b = GraphBuilder()
    b.claim("c", text, language="en")
    b.assess("c", verdict="false")
    (review,) = reviews(b.build())
    assert len(review["claimReviewed"]) <= CLAIM_REVIEWED_LIMIT


def test_anonymous_origin_is_described_not_named() -> None:
    """An anonymous origin is the reporting's descriptor, marked as unnamed."""
    (review,) = reviews(small_graph())
    authors = {a["@id"]: a for a in review["itemReviewed"]["author"]}
    officials = authors["urn:claimtrack:source:us-officials"]
    expected = {
        "name": "current and former US officials familiar with the exchanges",
        "parentOrganization": "US government",
        "unnamed": True,
    }
    actual = {
        "name": officials["name"],
        "parentOrganization": officials["parentOrganization"]["name"],
        "unnamed": "unnamed" in officials["description"],
    }
    assert expected == actual


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (("2025-01-11", "2025-01-24"), "d0"),
        (("2025-01-24", "2025-01-24"), None),
        (("2025-01", "2025-01-24"), None),
        (("2024", "2025-01"), "d0"),
        (("2025-01-24", None), None),
        (("2025-02", "2025-01-31"), "d1"),
    ],
)
def test_first_appearance_needs_certainty(
    dates: tuple[str | None, ...], expected: str | None
) -> None:
    """The first appearance is the document certainly earliest, else none."""
    b = GraphBuilder()
    b.source("s", "Someone")
    b.claim("c", "A claim.", language="en")
    for i, date in enumerate(dates):
        b.document(f"d{i}", published=date)
        b.attribute("c", source="s", document=f"d{i}")
    b.assess("c", verdict="true")
    (review,) = reviews(b.build())
    first = review["itemReviewed"].get("firstAppearance")
    actual = None if first is None else first["@id"].rpartition(":")[2]
    assert expected == actual


def test_output_cannot_close_a_script_element() -> None:
    """Claim text with HTML is escaped so the JSON-LD embeds in a page safely."""
    b = GraphBuilder()
    text = "</script><script>alert('x')</script> & more"
    b.claim("c", text, language="en")
    b.assess("c", verdict="false", label="False")
    output = to_claimreview(b.build())
    assert (False, False, text) == (
        "<" in output,
        ">" in output,
        json.loads(output)[0]["itemReviewed"]["text"],
    )


def test_json_ld_expands_against_schema_org_without_network() -> None:
    """Every term the output uses expands to a schema.org IRI, offline."""
    document = reviews(small_graph())
    expanded = jsonld.expand(document, {"documentLoader": _load_document})
    used = {f"{SCHEMA}{key}" for key in keys(document)}
    assert used == keys(expanded)
    assert all(key.startswith(SCHEMA) for key in keys(expanded))


def test_verdict_scale_is_documented_numbers() -> None:
    """The five verdicts on the true-false axis are rated 1 to 5, in order."""
    expected = [1, 2, 3, 4, 5]
    order = [
        Verdict.FALSE,
        Verdict.MOSTLY_FALSE,
        Verdict.MIXED,
        Verdict.MOSTLY_TRUE,
        Verdict.TRUE,
    ]
    assert expected == [RATING_VALUES[v] for v in order]


@pytest.mark.parametrize("verdict", list(Verdict))
def test_every_verdict_round_trips(verdict: Verdict) -> None:
    """A verdict exported without a custom label is read back as itself."""
    b = GraphBuilder()
    b.claim("c", "A claim.", language="en")
    b.assess("c", id="a", verdict=verdict)
    result = from_claimreview(to_claimreview(b.build()))
    assert verdict == result.graph.assessment_index["a"].verdict


def _claims_and_verdicts(graph: ClaimGraph) -> tuple[object, object]:
    claims = {
        c.id: (c.text, c.language, dict(c.translations))
        for c in graph.claims
        if graph.assessments_of(c.id)
    }
    verdicts = {a.id: (a.claim, a.verdict) for a in graph.assessments}
    return claims, verdicts


def test_seed_with_an_assessment_round_trips() -> None:
    """Seed plus a fact-check -> ClaimReview -> import: same claims and verdicts."""
    seed = seed_graph()
    claim = seed.claims[0]
    sample = Assessment(
        id="sample-check",
        claim=claim.id,
        verdict="mostly_true",
        label="Mostly true",
        date="2025-01-27",
        url="https://factcheck.example/sample",
    )
    graph = seed.merge(ClaimGraph.of([sample]))
    result = from_claimreview(to_claimreview(graph))
    assert _claims_and_verdicts(graph) == _claims_and_verdicts(result.graph)


def test_small_graph_round_trips() -> None:
    """The small graph's fact-checked claim and its verdict come back unchanged."""
    graph = small_graph()
    result = from_claimreview(to_claimreview(graph))
    assert _claims_and_verdicts(graph) == _claims_and_verdicts(result.graph)


_REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://factcheck.example/review",
    "claimReviewed": "The moon is made of cheese",
    "datePublished": "2024-05-01T10:00:00Z",
    "author": {"@type": "Organization", "name": "Example Checks", "url": "https://x"},
    "reviewRating": {"@type": "Rating", "alternateName": "Pants on Fire!"},
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "A. Politician"},
        "appearance": [{"@type": "CreativeWork", "url": "https://news.example/1"}],
    },
}


@pytest.mark.parametrize(
    "data",
    [
        _REVIEW,
        [_REVIEW],
        {"@context": "https://schema.org", "@graph": [_REVIEW]},
    ],
    ids=["object", "array", "graph"],
)
def test_imports_each_json_ld_form(data: object) -> None:
    """An object, an array and a @graph all give the same records."""
    result = from_claimreview(json.dumps(data))
    graph = result.graph
    (claim,) = graph.claims
    (assessment,) = graph.assessments
    (attribution,) = graph.attributions
    expected = (
        "The moon is made of cheese",
        Verdict.FALSE,
        "Pants on Fire!",
        "2024-05-01",
        "A. Politician",
        "https://news.example/1",
    )
    actual = (
        claim.text,
        assessment.verdict,
        assessment.label,
        str(assessment.date),
        graph.source_index[attribution.source].name,
        graph.document_index[attribution.document].url,
    )
    assert expected == actual


def test_import_reports_what_it_cannot_map() -> None:
    """Other node types, unknown keys and unknown ratings are listed with paths."""
    review = {
        **_REVIEW,
        "reviewRating": {"@type": "Rating", "alternateName": "Satire", "image": "x"},
        "sdPublisher": "somebody",
    }
    data = {"@graph": [{"@type": "WebPage", "name": "page"}, review]}
    result = from_claimreview(json.dumps(data))
    expected = {
        "$['@graph'][0]",
        "$['@graph'][1].reviewRating",
        "$['@graph'][1].reviewRating.image",
        "$['@graph'][1].sdPublisher",
    }
    assert expected == {problem.path for problem in result.unmapped}
    (assessment,) = result.graph.assessments
    kept = (None, "Satire")
    assert kept == (assessment.verdict, assessment.label)


def test_import_of_invalid_json_is_a_load_error() -> None:
    """Text that is not JSON fails with a LoadError at the document root."""
    with pytest.raises(LoadError) as caught:
        from_claimreview("{not json", source="page.jsonld")
    expected = ["$"]
    assert expected == [problem.path for problem in caught.value.problems]


def test_import_never_opens_a_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    """Importing reviews full of URLs opens no socket."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        msg = "importers must not fetch URLs"
        raise AssertionError(msg)

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = from_claimreview(json.dumps(_REVIEW))
    expected = 1
    assert expected == len(result.graph.claims)
