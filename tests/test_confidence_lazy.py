"""Tests for the explanations `assess` builds on first read.

A result's numbers are computed by `assess`; its ``groups``, ``unreached``,
``fusion`` and ``summary`` when one of them is first read. These tests show
that no reader can tell: the values do not depend on when or in what order
explanations are read, they agree with the numbers, and equality, hashing,
repr, `attrs.evolve`, copying and pickling see the same result as one built
by the constructor.
"""

from __future__ import annotations

import copy
import pickle
from random import Random
from typing import Literal

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import ClaimConfidence, ClaimGraph, GraphBuilder
from claimtrack.confidence import Policy, assess, explain, to_dict
from claimtrack.opinion import Opinion, cumulative_fusion
from claimtrack.testing import graphs

EXPLANATION = ("groups", "unreached", "fusion", "summary")


def _any_graph() -> st.SearchStrategy[ClaimGraph]:
    return graphs(max_claims=5) | graphs(max_claims=5, consistent=False)


def _built(result: ClaimConfidence) -> ClaimConfidence:
    """Return the same result, built by the public constructor from its fields."""
    return ClaimConfidence(
        **{
            field.name: getattr(result, field.name)
            for field in attrs.fields(ClaimConfidence)
        }
    )


def _small_graph() -> ClaimGraph:
    b = GraphBuilder()
    b.source("wire", "The Wire", kind="wire_service", reliability="A")
    b.source("minister", "The Minister", reliability="B")
    b.source("rival", "The Rival", reliability="C")
    b.document("bulletin", publisher="wire")
    b.document("statement", publisher="minister")
    b.claim("c", "The talks succeeded.", language="en")
    b.claim("d", "The talks failed.", language="en")
    origin = b.attribute("c", source="minister", document="statement", id="said")
    b.relay(origin, source="wire", document="bulletin", mode="direct_quote")
    b.attribute("d", source="rival", document="bulletin", stance="asserts")
    b.relate("d", "contradicts", "c")
    b.assess("c", likelihood="very_likely")
    return b.build()


@given(_any_graph(), st.randoms(use_true_random=False))
def test_explanations_do_not_depend_on_when_they_are_read(
    graph: ClaimGraph, rng: Random
) -> None:
    """Read in any order, field by field, explanations equal those read at once."""
    first = assess(graph)
    expected = {
        claim_id: {name: getattr(result, name) for name in EXPLANATION}
        for claim_id, result in first.items()
    }
    later = assess(graph)
    reads = [(claim_id, name) for claim_id in later for name in EXPLANATION]
    rng.shuffle(reads)
    for claim_id, name in reads:
        assert expected[claim_id][name] == getattr(later[claim_id], name)
    assert to_dict(first) == to_dict(later)


@given(
    graphs(max_claims=5, consistent=False),
    st.sampled_from(["averaging", "best"]),
    st.randoms(use_true_random=False),
)
def test_explanations_read_together_equal_those_read_alone(
    graph: ClaimGraph, within_group: Literal["averaging", "best"], rng: Random
) -> None:
    """In any order, each explanation is the one its result read alone shows.

    Explanations share chains, hops and words, and read their numbers off the
    chains they build.
    """
    policy = Policy(within_group=within_group)
    results = assess(graph, policy)
    claim_ids = list(results)
    rng.shuffle(claim_ids)
    for claim_id in claim_ids:
        alone = assess(graph, policy)[claim_id]
        shared = results[claim_id]
        assert to_dict(alone) == to_dict(shared)
        assert explain(alone) == explain(shared)
        assert alone == shared


@given(_any_graph())
def test_a_result_is_the_one_the_constructor_builds(graph: ClaimGraph) -> None:
    """Equality, hash, repr and explain see the same result, read or not."""
    for claim_id, result in assess(graph).items():
        untouched = assess(graph)[claim_id]
        built = _built(result)
        assert built == untouched
        assert untouched == built
        assert hash(built) == hash(assess(graph)[claim_id])
        assert repr(built) == repr(assess(graph)[claim_id])
        assert explain(built) == explain(assess(graph)[claim_id])


@given(_any_graph())
def test_explanations_agree_with_the_numbers(graph: ClaimGraph) -> None:
    """The opinion and the counts follow from the groups the explanation shows."""
    policy = Policy()
    for result in assess(graph, policy).values():
        groups = result.groups
        if groups:
            fused = cumulative_fusion(group.opinion for group in groups)
            expected = Opinion.of(
                fused.belief, fused.disbelief, fused.uncertainty, policy.base_rate
            )
        else:
            expected = Opinion.vacuous(policy.base_rate)
        assert expected == result.opinion
        assert sum(group.supporting for group in groups) == result.supporting
        assert sum(group.contradicting for group in groups) == result.contradicting
        for group in groups:
            strongest = [chain for chain in group.chains if chain.strongest]
            assert len({chain.origin for chain in strongest}) == len(strongest)
            if len(strongest) == 1:
                assert strongest[0].opinion == group.opinion
        assert all(chain.origin is None for chain in result.unreached)


def test_reading_one_field_fills_the_explanation() -> None:
    """The first read of any explanation field gives all four their values."""
    results = assess(_small_graph())
    for name in EXPLANATION:
        result = assess(_small_graph())["c"]
        getattr(result, name)
        filled = {other: getattr(result, other) for other in EXPLANATION}
        assert {other: getattr(results["c"], other) for other in EXPLANATION} == filled
    assert "Against it" in results["c"].summary


def test_results_evolve_copy_and_pickle_like_built_ones() -> None:
    """attrs.evolve, copy and pickle give results equal to the original."""
    results = assess(_small_graph())
    for claim_id in results:
        result = assess(_small_graph())[claim_id]
        assert results[claim_id] == attrs.evolve(result)
        assert results[claim_id] == copy.copy(assess(_small_graph())[claim_id])
        pickled = pickle.dumps(assess(_small_graph())[claim_id])
        assert results[claim_id] == pickle.loads(pickled)  # noqa: S301 - our own bytes
    changed = attrs.evolve(assess(_small_graph())["c"], summary="Changed.")
    assert "Changed." == changed.summary
    assert results["c"].groups == changed.groups


def test_results_explain_themselves_once_the_graph_is_dropped() -> None:
    """Results keep what they need: the caller need not keep the graph."""
    results = assess(_small_graph())
    expected = [explain(result) for result in assess(_small_graph()).values()]
    assert expected == [explain(result) for result in results.values()]
