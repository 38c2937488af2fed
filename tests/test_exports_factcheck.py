import json

import pytest

from claimtrack import LoadError, Mode, SourceKind, Verdict
from claimtrack.exports import from_factcheck_api

RESPONSE = {
    "claims": [
        {
            "text": "US shared intelligence with Damascus",
            "claimant": "US officials",
            "claimDate": "2025-01-24T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "Misbar", "site": "misbar.com"},
                    "url": "https://misbar.example/review",
                    "title": "Did the US share intelligence?",
                    "reviewDate": "2025-01-26T09:30:00Z",
                    "textualRating": "Misleading",
                    "languageCode": "en",
                },
                {
                    "publisher": {"name": "Other", "site": "other.example"},
                    "url": "https://other.example/r",
                    "textualRating": "Cherry-picked",
                    "languageCode": "en",
                    "reviewer": "unexpected",
                },
            ],
        }
    ],
    "nextPageToken": "abc",
}


def test_response_becomes_claims_sources_documents_and_assessments() -> None:
    """A claims:search response maps onto claim, claimant, reviews and checkers."""
    graph = from_factcheck_api(json.dumps(RESPONSE)).graph
    (claim,) = graph.claims
    review = next(a for a in graph.assessments if a.label == "Misleading")
    checker = graph.source_index[review.by or ""]
    document = next(d for d in graph.documents if d.url == review.url)
    attribution = next(a for a in graph.attributions if a.document == document.id)
    expected = (
        "US shared intelligence with Damascus",
        "en",
        Verdict.MIXED,
        "2025-01-26",
        ("Misbar", SourceKind.ORGANIZATION, "misbar.com"),
        ("Did the US share intelligence?", checker.id),
        ("US officials", Mode.SUMMARY, "2025-01-24"),
    )
    actual = (
        claim.text,
        claim.language,
        review.verdict,
        str(review.date),
        (checker.name, checker.kind, checker.extra["site"]),
        (document.title, document.publisher),
        (
            graph.source_index[attribution.source].name,
            attribution.mode,
            str(attribution.said),
        ),
    )
    assert expected == actual


def test_unmapped_parts_are_reported_with_paths() -> None:
    """Unknown ratings, unknown keys and further pages are all reported."""
    result = from_factcheck_api(json.dumps(RESPONSE))
    expected = {
        "$.claims[0].claimReview[1].textualRating",
        "$.claims[0].claimReview[1].reviewer",
        "$.nextPageToken",
    }
    assert expected == {problem.path for problem in result.unmapped}
    unknown = next(a for a in result.graph.assessments if a.label == "Cherry-picked")
    assert unknown.verdict is None


def test_a_claim_without_reviews_or_claimant_still_imports() -> None:
    """A bare claim becomes a claim of undetermined language, nothing invented."""
    result = from_factcheck_api({"claims": [{"text": "Something happened"}]})
    expected = (1, "und", 0, 0)
    graph = result.graph
    actual = (
        len(graph.claims),
        graph.claims[0].language,
        len(graph.sources),
        len(graph.attributions),
    )
    assert expected == actual


@pytest.mark.parametrize("text", ["[]", '{"claims": 3}', "nope"])
def test_other_input_is_a_load_error(text: str) -> None:
    """Input that is not a claims:search response fails with a LoadError."""
    with pytest.raises(LoadError):
        from_factcheck_api(text)
