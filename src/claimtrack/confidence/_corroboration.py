"""Questions about corroboration that need no numbers: who a claim rests on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimtrack.records import Stance

if TYPE_CHECKING:
    from collections.abc import Iterator

    from claimtrack.graph import ClaimGraph
    from claimtrack.records import Attribution

__all__ = [
    "anonymous_or_interested_origins",
    "claims_resting_on",
    "single_origin_claims",
]


def __dir__() -> list[str]:
    return list(__all__)


def _claim_ids(graph: ClaimGraph) -> list[str]:
    return sorted(
        {claim.id for claim in graph.claims} | {a.claim for a in graph.attributions}
    )


def _supporting_leaves(graph: ClaimGraph, claim_id: str) -> Iterator[str]:
    """Yield the starts of the chains that count for the claim, relations included."""
    for other, against, support_only, _ in graph.evidence_routes(claim_id):
        for leaf in graph.leaves_of(other):
            origin = graph.origin(leaf.id)
            if origin is None:
                continue
            denies = origin.stance is Stance.DENIES
            if (denies and support_only) or denies != against:
                continue
            yield leaf.id


def claims_resting_on(
    graph: ClaimGraph, record_id: str, *, only: bool = False
) -> tuple[str, ...]:
    """Return the claims whose support passes through a source or document.

    A chain passes through *record_id* when one of its hops credits that
    source, is recorded in that document, or is recorded in a document that
    source published. This is the impact of discrediting a source or of a
    retraction: the claims that lose support (all of it, with *only*).

    Args:
        graph: The claim graph.
        record_id: Id of a source or a document.
        only: Keep only the claims whose every supporting chain passes through
            it, so that nothing would be left.

    Returns:
        The claim ids, sorted.
    """
    documents = graph.document_index
    passes: dict[str, bool] = {}

    def through(leaf_id: str) -> bool:
        found = passes.get(leaf_id)
        if found is None:
            found = False
            for hop in graph.chain(leaf_id):
                document = documents.get(hop.document)
                publisher = None if document is None else document.publisher
                if record_id in {hop.source, hop.document, publisher}:
                    found = True
                    break
            passes[leaf_id] = found
        return found

    resting: list[str] = []
    for claim_id in _claim_ids(graph):
        verdicts = [through(leaf) for leaf in _supporting_leaves(graph, claim_id)]
        if verdicts and (all(verdicts) if only else any(verdicts)):
            resting.append(claim_id)
    return tuple(resting)


def single_origin_claims(graph: ClaimGraph) -> tuple[str, ...]:
    """Return the claims for which exactly one independent origin group speaks.

    Groups are counted after evidence flows along relations
    (`ClaimGraph.corroborating_groups`), so a claim corroborated through a
    `same_as` or a more specific claim is not single-origin.
    """
    return tuple(
        claim_id
        for claim_id in _claim_ids(graph)
        if len(graph.corroborating_groups(claim_id)[0]) == 1
    )


def anonymous_or_interested_origins(
    graph: ClaimGraph, claim_id: str
) -> tuple[Attribution, ...]:
    """Return the claim's origins that are anonymous or speak for an interested party.

    Interested: the origin's source, or a source up its affiliation chain, is
    among the parties that the origin's claim or this claim is `about`
    (`ClaimGraph.interested_evidence`, the interest the calculus discounts).
    Origins reached through relations count, for and against; each is listed
    once, by id.
    """
    counted = {
        origin.id: origin
        for side in graph.corroborating_groups(claim_id)
        for group in side
        for origin in group.origins
    }
    found: dict[str, Attribution] = {}
    for origin in counted.values():
        source = graph.source(origin.source)
        if source is not None and source.anonymous:
            found[origin.id] = origin
    for origin, _ in graph.interested_evidence(claim_id):
        found[origin.id] = origin
    return tuple(found[k] for k in sorted(found))
