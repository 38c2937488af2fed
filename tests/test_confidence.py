"""Tests for `claimtrack.confidence`: the policy, the calculus and its explanations.

Hand-worked examples use the default policy; the arithmetic is in each test.
Default numbers used below: trust belief A 0.90, B 0.75, C 0.55; retention
direct quote 0.95, paraphrase 0.85, summary 0.70; anonymity keeps 0.70,
interest 0.50, supports 0.50; testimony asserts (0.9, 0, 0.1); base rate 0.5.
"""

from __future__ import annotations

import json
import math

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimtrack import (
    Assessment,
    Attribution,
    ClaimGraph,
    Document,
    GraphBuilder,
    Likelihood,
    Mode,
    Reliability,
    Source,
    Stance,
)
from claimtrack.confidence import (
    Policy,
    PolicyError,
    anonymous_or_interested_origins,
    assess,
    claims_resting_on,
    explain,
    single_origin_claims,
    to_dict,
)
from claimtrack.opinion import Opinion, averaging_fusion, cumulative_fusion
from claimtrack.testing import graphs, record_orders

# The chain of `_one_chain`: an A-graded wire quoting a B-graded minister.
# hop trust 0.90 * 0.95 = 0.855; origin trust 0.75; product 0.64125;
# belief 0.9 * 0.64125 = 0.577125; uncertainty 0.422875.
CHAIN_BELIEF = 0.9 * (0.90 * 0.95) * 0.75
CHAIN_UNCERTAINTY = 1 - CHAIN_BELIEF


def _one_chain(
    b: GraphBuilder,
    *,
    source: str = "minister",
    stance: str = "asserts",
    claim: str = "c",
    affiliation: str | None = None,
) -> Attribution:
    b.claim(claim, f"Claim {claim}.", language="en")
    wire = b.source("wire", "The Wire", kind="wire_service", reliability="A")
    b.source(source, source.title(), reliability="B", affiliation=affiliation)
    document = b.document(f"wire-{source}-{claim}", publisher=wire)
    return b.attribute(
        claim, source=source, document=document, stance=stance, mode="direct_quote"
    )


# --- hand-worked examples ---------------------------------------------------


def test_single_chain_discounts_testimony_by_every_trust() -> None:
    """One first-hand chain: P = b + a*u with b = 0.9 * 0.855 * 0.75 = 0.577125."""
    b = GraphBuilder()
    _one_chain(b)
    result = assess(b.build())["c"]
    expected = 0.577125 + 0.5 * 0.422875  # 0.7885625
    assert math.isclose(expected, result.probability)
    assert Likelihood.LIKELY == result.likelihood
    assert (1, 0) == (result.supporting, result.contradicting)


def test_two_independent_groups_fuse_cumulatively() -> None:
    """Two equal chains from independent roots: b = 2b/(2-u), u' = u/(2-u)."""
    b = GraphBuilder()
    _one_chain(b, source="minister")
    _one_chain(b, source="mayor")
    result = assess(b.build())["c"]
    # Two-source cumulative fusion of equal opinions (b, 0, u):
    # b' = (b u + b u) / (u + u - u u) = 2b / (2 - u); u' = u / (2 - u).
    belief = 2 * CHAIN_BELIEF / (2 - CHAIN_UNCERTAINTY)
    uncertainty = CHAIN_UNCERTAINTY / (2 - CHAIN_UNCERTAINTY)
    assert math.isclose(belief + 0.5 * uncertainty, result.probability)
    assert 2 == result.supporting


def test_one_group_does_not_corroborate_itself() -> None:
    """Two origins under one affiliation root are one voice: averaging, not adding."""
    b = GraphBuilder()
    b.source("ministry", "The Ministry")
    _one_chain(b, source="minister", affiliation="ministry")
    _one_chain(b, source="spokesman", affiliation="ministry")
    result = assess(b.build())["c"]
    # Averaging fusion of two equal opinions is that opinion.
    assert math.isclose(CHAIN_BELIEF + 0.5 * CHAIN_UNCERTAINTY, result.probability)
    assert 1 == result.supporting


def test_denial_enters_as_disbelief() -> None:
    """A denying origin: d = 0.577125, so P = 0.5 * 0.422875."""
    b = GraphBuilder()
    _one_chain(b, stance="denies")
    result = assess(b.build())["c"]
    assert math.isclose(0.5 * CHAIN_UNCERTAINTY, result.probability)
    assert math.isclose(CHAIN_BELIEF, result.opinion.disbelief)
    assert (0, 1) == (result.supporting, result.contradicting)


def test_relay_chain_applies_each_hops_mode() -> None:
    """Officials quoted by WaPo, summarised by Enab: 0.525 * 0.7125 * 0.385."""
    b = GraphBuilder()
    claim = b.claim("c", "US intelligence helped.", language="en")
    wapo = b.source("wapo", "The Washington Post", reliability="B")
    enab = b.source("enab", "Enab Baladi", reliability="B")
    officials = b.source("officials", "US officials", anonymous=True, reliability="C")
    report = b.document("report", publisher=wapo)
    article = b.document("article", publisher=enab)
    said = b.attribute(claim, source=officials, document=report, mode="direct_quote")
    b.relay(said, source=wapo, document=article, mode="summary")
    result = assess(b.build())["c"]
    # Enab's hop: 0.75 * 0.70 (summary) = 0.525; WaPo's hop: 0.75 * 0.95 = 0.7125;
    # origin: 0.55 * 0.70 (anonymous) = 0.385; belief 0.9 * product = 0.12961...
    belief = 0.9 * 0.525 * 0.7125 * 0.385
    assert math.isclose(belief + 0.5 * (1 - belief), result.probability)
    (chain,) = result.groups[0].chains
    assert [0.525, 0.7125] == pytest.approx([hop.trust.belief for hop in chain.hops])
    assert chain.origin_trust is not None
    assert math.isclose(0.385, chain.origin_trust.belief)
    assert (
        "1 independent origin: anonymous US officials via The Washington Post "
        "via Enab Baladi." == result.summary
    )


def test_more_outlets_of_equal_trust_gain_nothing() -> None:
    """One origin relayed by two equal outlets equals one outlet; adding would not."""
    b = GraphBuilder()
    said = _one_chain(b)
    for outlet in ("daily", "weekly"):
        b.source(outlet, outlet.title(), reliability="B")
        b.relay(
            said,
            source="wire",
            document=b.document(f"{outlet}-story", publisher=outlet),
            id=f"{outlet}-relay",
        )
    result = assess(b.build())["c"]
    (group,) = result.groups
    opinions = [chain.opinion for chain in group.chains]
    assert 2 == len(opinions)
    assert opinions[0] == opinions[1]
    assert opinions[0] is not None
    assert math.isclose(opinions[0].projected, result.probability)
    cumulative = cumulative_fusion(o for o in opinions if o is not None)
    assert cumulative.projected > result.probability


def test_interested_origin_is_discounted() -> None:
    """An origin whose affiliation root the claim is about keeps half its trust."""
    b = GraphBuilder()
    b.source("ministry", "The Ministry")
    b.claim("c", "The ministry foiled the plot.", language="en", about=["ministry"])
    _one_chain(b, affiliation="ministry", claim="d")
    b.attribute("c", source="minister", document="wire-minister-d", id="c-said")
    result = assess(b.build())
    interested = result["c"].groups[0].chains[0]
    assert interested.interested
    assert interested.origin_trust is not None
    assert math.isclose(0.75 * 0.5, interested.origin_trust.belief)
    assert result["c"].probability < result["d"].probability


def test_interest_is_judged_against_the_assessed_claim_too() -> None:
    """Evidence from a claim about nobody is interested for a claim about its party."""
    b = GraphBuilder()
    b.source("ministry", "The Ministry")
    b.claim("foiled", "The ministry foiled it.", language="en", about=["ministry"])
    _one_chain(b, affiliation="ministry", claim="caption")
    b.relate("caption", "supports", "foiled")
    result = assess(b.build())
    (borrowed,) = result["foiled"].groups[0].chains
    assert (True, False) == (
        borrowed.interested,
        result["caption"].groups[0].interested,
    )
    assert borrowed.origin_trust is not None
    assert math.isclose(0.75 * 0.5, borrowed.origin_trust.belief)
    # b = supports 0.5 x (0.9 x 0.855 x 0.375), the caption's own chain halved twice.
    assert math.isclose(0.5 * CHAIN_BELIEF * 0.5, result["foiled"].opinion.belief)


def test_an_ungraded_origin_is_left_out_of_its_group() -> None:
    """An on-the-record but ungraded origin neither dilutes nor adds to its group."""
    b = GraphBuilder()
    b.source("ministry", "The Ministry")
    _one_chain(b, affiliation="ministry")
    graph = b.build()
    b.source("spokesman", "Spokesman", affiliation="ministry")
    statement = b.document("statement", publisher="spokesman")
    b.attribute("c", source="spokesman", document=statement)
    before, after = assess(graph)["c"], assess(b.build())["c"]
    assert before.opinion == after.opinion
    assert "1 evidence-free origin left out" in after.groups[0].fusion


def test_own_words_are_not_charged_a_retention() -> None:
    """A speaker's first-hand words in its own document keep all their trust."""
    b = GraphBuilder()
    b.claim("c", "We foiled it.", language="en")
    b.source("ministry", "The Ministry", reliability="B")
    statement = b.document("statement", publisher="ministry")
    said = b.attribute("c", source="ministry", document=statement, mode="direct_quote")
    again = b.document("statement-2", publisher="ministry")
    b.relay(said, source="ministry", document=again, mode="direct_quote")
    result = assess(b.build())["c"]
    (chain,) = result.groups[0].chains
    relay, origin = chain.hops
    assert [0.75 * 0.95, 1.0] == pytest.approx(
        [relay.trust.belief, origin.trust.belief]
    )
    assert "The Ministry records its own words" == origin.reason
    assert "direct quote keeps 0.95" in relay.reason


# --- relations --------------------------------------------------------------


def _two_claims(kind: str) -> ClaimGraph:
    b = GraphBuilder()
    _one_chain(b, claim="x")
    b.claim("y", "Claim y.", language="en")
    b.relate("x", kind, "y")
    return b.build()


def test_refines_passes_support_to_the_general_claim_only() -> None:
    """Evidence for x, which refines y, supports y; none flows back to x."""
    graph = _two_claims("refines")
    result = assess(graph)
    assert math.isclose(result["x"].probability, result["y"].probability)
    assert 1 == result["y"].supporting
    graph = ClaimGraph.of(
        [
            *graph,
            Attribution(
                id="y-said", claim="y", source="minister", document="wire-minister-x"
            ),
        ]
    )
    assert 1 == assess(graph)["x"].supporting


def test_same_as_shares_evidence_both_ways() -> None:
    """A claim the same as another has its evidence, either way round."""
    result = assess(_two_claims("same_as"))
    assert result["x"].opinion == result["y"].opinion


def test_supports_passes_discounted_support() -> None:
    """Across supports, belief keeps 0.5: b_y = 0.5 * 0.577125."""
    result = assess(_two_claims("supports"))
    assert math.isclose(0.5 * CHAIN_BELIEF, result["y"].opinion.belief)
    assert "across 1 supports relation(s), keeping 0.50" in explain(result["y"])


def test_contradicts_turns_support_into_disbelief() -> None:
    """Support for a contradicting claim is disbelief: d_y = 0.577125."""
    result = assess(_two_claims("contradicts"))
    assert math.isclose(CHAIN_BELIEF, result["y"].opinion.disbelief)
    assert (0, 1) == (result["y"].supporting, result["y"].contradicting)
    assert math.isclose(0.5, result["y"].opinion.base_rate)


def test_relation_loops_count_each_chain_once() -> None:
    """Claims same-as each other twice, one refining the other: one chain."""
    b = GraphBuilder()
    _one_chain(b, claim="x")
    b.claim("y", "Claim y.", language="en")
    b.relate("x", "same_as", "y")
    b.relate("y", "same_as", "x")
    b.relate("x", "refines", "y")
    result = assess(b.build())["y"]
    assert [1] == [len(group.chains) for group in result.groups]
    assert math.isclose(CHAIN_BELIEF + 0.5 * CHAIN_UNCERTAINTY, result.probability)


# --- broken graphs ------------------------------------------------------------


def test_relay_loop_contributes_nothing_and_says_so() -> None:
    """A relay loop never reaches an origin: the claim stays vacuous, with a reason."""
    graph = ClaimGraph.of(
        [
            Document(id="d"),
            Attribution(id="a1", claim="c", source="s", document="d", via="a2"),
            Attribution(id="a2", claim="c", source="s", document="d", via="a1"),
        ]
    )
    result = assess(graph)["c"]
    assert Opinion.vacuous() == result.opinion
    assert ["a1"] == [chain.leaf for chain in result.unreached]
    assert "relays loop back on themselves" in explain(result)


def test_dangling_ids_are_unassessed() -> None:
    """A missing source and document give vacuous trust, not an error."""
    graph = ClaimGraph.of(
        [
            Attribution(id="a1", claim="c", source="ghost", document="nowhere"),
            Attribution(id="a2", claim="c", source="s", document="d", via="gone"),
        ]
    )
    result = assess(graph)["c"]
    assert 0.5 == result.probability
    assert 1 == len(result.unreached)
    assert "gone, which does not exist" in explain(result)
    assert "no such document" in explain(result)


def test_deep_chain_is_assessed_without_recursion() -> None:
    """A 100,000-hop relay chain is assessed, and its summary stays short."""
    hops = 100_000
    attributions = [Attribution(id="a0", claim="c", source="s0", document="d")]
    attributions.extend(
        Attribution(id=f"a{i}", claim="c", source="wire", document="d", via=f"a{i - 1}")
        for i in range(1, hops + 1)
    )
    graph = ClaimGraph.of(
        [
            Source(id="wire", name="Wire", reliability="A"),
            Document(id="d", publisher="wire"),
            *attributions,
        ]
    )
    result = assess(graph)["c"]
    (chain,) = result.groups[0].chains
    assert hops + 1 == len(chain.hops)
    assert 0.5 == pytest.approx(result.probability)
    assert len(result.summary) < 200


# --- analysts -------------------------------------------------------------------


def test_analyst_beyond_the_threshold_disagrees() -> None:
    """'very likely' (0.80-0.95) against P = 0.5 is 0.30 outside: flagged."""
    graph = ClaimGraph.of(
        [
            Assessment(id="x", claim="c", likelihood="very_likely"),
            Assessment(id="y", claim="c", credibility=3),
        ]
    )
    views = assess(graph)["c"].analysts
    assert [("x", True), ("y", False)] == [(v.assessment, v.disagrees) for v in views]
    assert math.isclose(0.30, views[0].distance)


# --- policy -------------------------------------------------------------------------


def test_policy_reads_partial_overrides_over_defaults() -> None:
    """A file may override one grade; the rest keep their defaults."""
    policy = Policy.from_mapping(
        {"trust": {"C": {"belief": 0.6, "disbelief": 0.1, "uncertainty": 0.3}}}
    )
    expected = attrs.evolve(
        Policy(),
        trust={**Policy().trust, Reliability.C: Opinion.of(0.6, 0.1, 0.3)},
    )
    assert expected == policy


def test_policy_round_trips_through_json() -> None:
    """to_dict writes a mapping that from_mapping reads back to the same policy."""
    policy = attrs.evolve(Policy(), interest=0.3, within_group="best")
    assert policy == Policy.from_mapping(json.loads(json.dumps(to_dict(policy))))


def test_policy_errors_name_every_bad_key() -> None:
    """Unknown keys and bad values are all reported, each with its path."""
    with pytest.raises(PolicyError) as caught:
        Policy.from_mapping(
            {
                "trust": {"Z": {}},
                "retention": {"summary": 2},
                "interest": "high",
                "colour": 1,
            }
        )
    paths = [problem.path for problem in caught.value.problems]
    assert ["$.colour", "$.interest", "$.retention.summary", "$.trust.Z"] == paths


def test_policy_rejects_incomplete_trust() -> None:
    """A trust mapping missing a grade is refused when the policy is built."""
    with pytest.raises(ValueError, match="must give a value for each of A, B"):
        Policy(trust={Reliability.A: Opinion.vacuous()})


def test_best_policy_takes_the_strongest_origin_of_a_group() -> None:
    """within_group='best' keeps the stronger of two dependent origins."""
    b = GraphBuilder()
    b.source("ministry", "The Ministry")
    _one_chain(b, source="minister", affiliation="ministry")
    b.source("rag", "The Rag", reliability="E")
    b.source("spokesman", "Spokesman", reliability="B", affiliation="ministry")
    b.attribute("c", source="spokesman", document=b.document("rag", publisher="rag"))
    graph = b.build()
    best = assess(graph, attrs.evolve(Policy(), within_group="best"))["c"]
    averaged = assess(graph)["c"]
    assert math.isclose(CHAIN_BELIEF + 0.5 * CHAIN_UNCERTAINTY, best.probability)
    assert averaged.probability < best.probability


def test_each_origin_counts_by_its_strongest_chain() -> None:
    """A weaker copy of one statement is shown but unused: P is the strong copy's."""
    b = GraphBuilder()
    said = _one_chain(b)
    b.source("rag", "The Rag", reliability="E")
    b.relay(said, source="wire", document=b.document("rag-story", publisher="rag"))
    b.relay(said, source="wire", document=b.document("own", publisher="wire"))
    result = assess(b.build())["c"]
    chains = result.groups[0].chains
    assert [False, True] == [chain.strongest for chain in chains]
    assert chains[1].opinion is not None
    assert chains[1].opinion.projected == result.probability
    assert "weaker copy, unused" in explain(result)


# --- reports and queries ---------------------------------------------------------


def test_to_dict_is_json_ready() -> None:
    """The JSON view of an assessment serialises and keeps the numbers."""
    b = GraphBuilder()
    _one_chain(b)
    result = assess(b.build())
    data = json.loads(json.dumps(to_dict(result)))
    assert result["c"].probability == data["claims"]["c"]["probability"]
    assert (
        "direct_quote"
        == data["claims"]["c"]["groups"][0]["chains"][0]["hops"][0]["mode"]
    )


def test_to_dict_refuses_other_values() -> None:
    """Only results and policies have a JSON view."""
    with pytest.raises(TypeError, match="got int"):
        to_dict(1)  # type: ignore[arg-type]


def test_queries_find_what_rests_on_a_source() -> None:
    """Claims resting on a source, single-origin claims and anonymous origins."""
    b = GraphBuilder()
    _one_chain(b, claim="x")
    _one_chain(b, claim="y", source="mayor")
    b.source("ghost", "A source", anonymous=True, reliability="C")
    b.attribute("y", source="ghost", document="wire-mayor-y")
    graph = b.build()
    assert ("x", "y") == claims_resting_on(graph, "wire")
    assert ("x",) == claims_resting_on(graph, "minister", only=True)
    assert () == claims_resting_on(graph, "mayor", only=True)
    assert ("x",) == single_origin_claims(graph)
    assert ["y:ghost"] == [a.id for a in anonymous_or_interested_origins(graph, "y")]


# --- properties -------------------------------------------------------------------


def _all_opinions(graph: ClaimGraph) -> list[Opinion]:
    found: list[Opinion] = []
    for result in assess(graph).values():
        found.append(result.opinion)
        for group in result.groups:
            found.append(group.opinion)
            found.extend(c.opinion for c in group.chains if c.opinion is not None)
            for chain in group.chains:
                found.extend(hop.trust for hop in chain.hops)
    return found


@given(graphs(consistent=False))
def test_every_opinion_is_valid_even_on_broken_graphs(graph: ClaimGraph) -> None:
    """Assessing never raises, and every opinion made has masses summing to 1."""
    for opinion in _all_opinions(graph):
        masses = (opinion.belief, opinion.disbelief, opinion.uncertainty)
        assert all(0.0 <= m <= 1.0 for m in masses)
        assert math.isclose(1.0, math.fsum(masses))


@given(st.data())
def test_results_do_not_depend_on_record_order(data: st.DataObject) -> None:
    """The same records in another order, asked in another order, give equal results."""
    graph = data.draw(graphs(consistent=False))
    shuffled = ClaimGraph.of(data.draw(record_orders(graph)))
    for claim in reversed(shuffled.claims):  # warm the memos in another order
        shuffled.corroborating_groups(claim.id)
    assert to_dict(assess(graph)) == to_dict(assess(shuffled))


@given(graphs())
def test_unassessed_origins_never_lift_a_claim(graph: ClaimGraph) -> None:
    """With every origin's source unassessed, no claim rises above the base rate."""
    origins = {graph.origin(a.id) for a in graph.attributions} - {None}
    unassessed = {o.source for o in origins if o is not None}
    graph = ClaimGraph.of(
        attrs.evolve(r, reliability=None)
        if isinstance(r, Source) and r.id in unassessed
        else r
        for r in graph
    )
    for result in assess(graph).values():
        assert result.probability <= 0.5 + 1e-12


_GRADES = st.sampled_from([*Reliability, None])


@given(st.data())
def test_an_independent_supporting_origin_never_lowers_p(data: st.DataObject) -> None:
    """Adding a new first-hand assertion from a new root never lowers P."""
    graph = data.draw(graphs(min_claims=1))
    claim = data.draw(st.sampled_from(graph.claims)).id
    publisher = data.draw(st.sampled_from([None, "new-origin", *graph.source_index]))
    more = graph.merge(
        ClaimGraph.of(
            [
                Source(
                    id="new-origin",
                    name="New",
                    reliability=data.draw(_GRADES),
                    anonymous=data.draw(st.booleans()),
                ),
                Document(id="new-doc", publisher=publisher),
                Attribution(
                    id="new-said",
                    claim=claim,
                    source="new-origin",
                    document="new-doc",
                    stance=data.draw(st.sampled_from([Stance.ASSERTS, Stance.HEDGES])),
                    mode=data.draw(st.sampled_from(Mode)),
                ),
            ]
        )
    )
    assert assess(graph)[claim].probability <= assess(more)[claim].probability + 1e-12


@given(st.data())
def test_a_further_hop_never_raises_p(data: st.DataObject) -> None:
    """Relaying an asserting chain's leaf once more never raises the claim's P."""
    graph = data.draw(graphs(min_claims=1))
    leaves = [
        a
        for a in graph.attributions
        if not graph.relays_of(a.id)
        and (origin := graph.origin(a.id)) is not None
        and origin.stance is not Stance.DENIES
    ]
    assume(leaves)
    leaf = data.draw(st.sampled_from(leaves))
    sources = ["new-outlet", *graph.source_index]
    publisher = data.draw(st.sampled_from([None, *sources]))
    more = graph.merge(
        ClaimGraph.of(
            [
                Source(id="new-outlet", name="New", reliability=data.draw(_GRADES)),
                Document(id="new-doc", publisher=publisher),
                Attribution(
                    id="new-relay",
                    claim=leaf.claim,
                    source=data.draw(st.sampled_from(sources)),
                    document="new-doc",
                    via=leaf.id,
                    mode=data.draw(st.sampled_from(Mode)),
                ),
            ]
        )
    )
    before = assess(graph)[leaf.claim].probability
    assert assess(more)[leaf.claim].probability <= before + 1e-12


def _recorder_belief(graph: ClaimGraph, publisher: str | None) -> float:
    source = None if publisher is None else graph.source(publisher)
    return Policy().trust_in(None if source is None else source.reliability).belief


@given(st.data())
def test_another_outlet_for_one_statement_never_raises_p(data: st.DataObject) -> None:
    """Repeating one statement through an outlet no more trusted never raises P.

    A better-trusted outlet is better access to the same origin and may raise
    P, but it never adds an origin group; a copy through an outlet trusted no
    more than the one already read gains nothing at all.
    """
    graph = data.draw(graphs(min_claims=1))
    relays = [a for a in graph.attributions if a.via and not graph.relays_of(a.id)]
    assume(relays)
    leaf = data.draw(st.sampled_from(relays))
    document = graph.document(leaf.document)
    same = None if document is None else document.publisher
    ceiling = _recorder_belief(graph, same)
    candidates = [
        source
        for source in graph.source_index
        if source != leaf.source and _recorder_belief(graph, source) <= ceiling
    ]
    publisher = data.draw(st.sampled_from([same, None, *candidates]))
    twin = attrs.evolve(leaf, id="twin-hop", document="twin-doc")
    more = graph.merge(
        ClaimGraph.of([Document(id="twin-doc", publisher=publisher), twin])
    )
    before = assess(graph)[leaf.claim].probability
    assert assess(more)[leaf.claim].probability <= before + 1e-12


@given(st.data())
def test_an_ungraded_origin_never_lowers_p(data: st.DataObject) -> None:
    """Adding an ungraded origin to a claim, in any group, never lowers its P."""
    graph = data.draw(graphs(min_claims=1))
    claim = data.draw(st.sampled_from(graph.claims)).id
    sources = [*graph.source_index]
    affiliation = data.draw(st.sampled_from([None, *sources]))
    publisher = data.draw(st.sampled_from([None, "new-ungraded", *sources]))
    more = graph.merge(
        ClaimGraph.of(
            [
                Source(
                    id="new-ungraded",
                    name="New",
                    affiliation=affiliation,
                    anonymous=data.draw(st.booleans()),
                ),
                Document(id="new-doc", publisher=publisher),
                Attribution(
                    id="new-said",
                    claim=claim,
                    source="new-ungraded",
                    document="new-doc",
                    stance=data.draw(st.sampled_from(Stance)),
                    mode=data.draw(st.sampled_from(Mode)),
                ),
            ]
        )
    )
    assert assess(graph)[claim].probability <= assess(more)[claim].probability + 1e-12


def test_averaging_is_what_keeps_repeats_flat() -> None:
    """The contrast: averaging fusion of equal chains is flat, cumulative is not."""
    chain = Opinion.of(CHAIN_BELIEF, 0.0, CHAIN_UNCERTAINTY)
    averaged = averaging_fusion([chain, chain, chain])
    assert math.isclose(chain.projected, averaged.projected)
    assert cumulative_fusion([chain, chain, chain]).projected > chain.projected


def test_policy_grades_override_the_recorded_grade() -> None:
    """An analyst's grade in the policy replaces the source's own, and says so."""
    b = GraphBuilder()
    speaker = b.source("speaker", "Speaker", reliability="E")
    claim = b.claim("c", "x", language="en")
    b.attribute(claim, source=speaker, document=b.document("d", publisher=speaker))
    graph = b.build()
    recorded = assess(graph)["c"]
    graded = assess(graph, Policy(grades={"speaker": Reliability.A}))["c"]
    assert recorded.probability < graded.probability
    assert "A by the policy" in explain(graded)


def test_policy_grades_accept_letters() -> None:
    """Grades given as letters are read as the Admiralty grades they name."""
    assert {"sana": Reliability.D} == dict(Policy(grades={"sana": "D"}).grades)
    with pytest.raises(ValueError, match=r"grades\['sana'\] must be one of A-F"):
        Policy(grades={"sana": "Z"})


def test_policy_grades_read_from_json() -> None:
    """Grades come from a JSON object of source ids; bad grades are named."""
    policy = Policy.from_mapping({"grades": {"wapo": "B"}})
    assert {"wapo": Reliability.B} == dict(policy.grades)
    assert {"wapo": "B"} == to_dict(policy)["grades"]
    with pytest.raises(PolicyError) as caught:
        Policy.from_mapping({"grades": {"wapo": "Z", "sana": 3}})
    paths = [problem.path for problem in caught.value.problems]
    assert ["$.grades.sana", "$.grades.wapo"] == paths
