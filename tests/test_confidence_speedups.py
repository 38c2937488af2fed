"""Tests holding the short paths of `assess` to the definitions they stand for.

`assess` computes most claims' numbers without building links, pieces or
groups: a chain's belief product is walked in one pass from tables of trust
(`_walk`), a claim in no relation with one leaf or with chains of distinct
origin groups skips the grouping (`_tally`), and an origin's interest is
ruled out by the affiliation roots before the graph is searched
(`_speaks_for`). The oracle for each is the plain computation: the relay
chain the graph gives, each hop's `hop_trust`, `discount_chain`, and the
claim's explanation, which is built one chain at a time from those. Floats
are compared by ``repr``, so a zero's sign counts too.
"""

from __future__ import annotations

import math
from random import Random
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import (
    Attribution,
    ClaimConfidence,
    ClaimGraph,
    GraphBuilder,
    Relation,
    RelationKind,
    Reliability,
)
from claimtrack.confidence import Chain, Group, Hop, Policy, assess
from claimtrack.confidence import _assess as calculus_module
from claimtrack.confidence._assess import (
    _Calculus,
    _claim_ids,
    _Link,
    _related_claims,
)
from claimtrack.opinion import Opinion, _discount_by, cumulative_fusion, discount_chain
from claimtrack.testing import graphs


def _numbers(result: ClaimConfidence) -> str:
    """Return the numbers `assess` computes for a result, floats exactly."""
    return repr(
        (
            result.claim,
            result.opinion,
            result.probability,
            result.likelihood,
            result.supporting,
            result.contradicting,
            result.analysts,
        )
    )


@st.composite
def _conflicting(draw: st.DrawFn) -> ClaimGraph:
    """Return a graph where some attribution ids are held by two records.

    Lookups by id find the first; the second still appears in its claim's
    leaves and attributions, which is where a short path could mix them up.
    """
    graph = draw(graphs(max_claims=4, consistent=False))
    if not graph.attributions:
        return graph
    claim_ids = [claim.id for claim in graph.claims] or ["c-elsewhere"]
    source_ids = [source.id for source in graph.sources] or ["s-elsewhere"]
    attribution_ids = [attribution.id for attribution in graph.attributions]
    twins = [
        attrs.evolve(
            attribution,
            claim=draw(st.sampled_from(claim_ids)),
            source=draw(st.sampled_from(source_ids)),
            via=draw(st.none() | st.sampled_from(attribution_ids)),
        )
        for attribution in draw(st.lists(st.sampled_from(graph.attributions)))
    ]
    return ClaimGraph.of([*graph, *twins])


def _any_graph() -> st.SearchStrategy[ClaimGraph]:
    return (
        graphs(max_claims=5)
        | graphs(max_claims=5, consistent=False)
        | graphs(max_claims=3, max_relays=12)
        | _conflicting()
    )


@st.composite
def _related(draw: st.DrawFn) -> ClaimGraph:
    """Return a graph whose claims are tied by many relations of every kind.

    Few sources, so that chains of related claims often share an origin
    group; some relations tie a claim to itself or to a claim with no record,
    and some attribution ids are held by two records.
    """
    graph = draw(
        graphs(min_claims=2, max_claims=5, max_sources=3, max_relays=4)
        | graphs(min_claims=2, max_claims=4, max_sources=3, consistent=False)
        | _conflicting()
    )
    claim_ids = [claim.id for claim in graph.claims] or ["c-elsewhere"]
    named = st.sampled_from(claim_ids) | st.sampled_from(
        [attribution.claim for attribution in graph.attributions] or claim_ids
    )
    relations = [
        Relation(id=f"r-extra-{i}", kind=kind, claim=claim, target=target)
        for i, (kind, claim, target) in enumerate(
            draw(
                st.lists(
                    st.tuples(st.sampled_from(RelationKind), named, named),
                    min_size=1,
                    max_size=6,
                )
            )
        )
    ]
    return ClaimGraph.of([*graph, *relations])


_NEGATIVE_ZERO = Opinion(belief=-0.0, disbelief=0.0, uncertainty=1.0)
"""An opinion of belief -0.0: valid, and a sign the masses would keep."""


@st.composite
def _policies(draw: st.DrawFn) -> Policy:
    """Return the default policy, or one with other grades, zeros or averaging."""
    policy = Policy(within_group=draw(st.sampled_from(["averaging", "best"])))
    if draw(st.booleans()):
        policy = attrs.evolve(policy, unassessed=_NEGATIVE_ZERO)
    if draw(st.booleans()):
        trust = dict(policy.trust)
        trust[draw(st.sampled_from(Reliability))] = _NEGATIVE_ZERO
        policy = attrs.evolve(policy, trust=trust)
    if draw(st.booleans()):
        policy = attrs.evolve(policy, anonymity=0.0, interest=1.0, supports=0.0)
    return policy


def _expected_opinion(result: ClaimConfidence, policy: Policy) -> Opinion:
    """Return the opinion a claim's explained groups fuse to, as `assess` fuses."""
    if not result.groups:
        return Opinion.vacuous(policy.base_rate)
    fused = cumulative_fusion(group.opinion for group in result.groups)
    return Opinion.of(
        fused.belief, fused.disbelief, fused.uncertainty, policy.base_rate
    )


@given(_any_graph(), _policies(), st.sampled_from([1, 2, 64]))
def test_numbers_are_those_the_explanation_gives(
    graph: ClaimGraph, policy: Policy, long: int
) -> None:
    """Every claim's opinion is the fusion of its explained groups, bit for bit.

    The explanation builds each chain from `ClaimGraph.chain` and
    `hop_trust`, never from the tables the numbers are walked with; a small
    `_LONG` makes every walk also ask the graph where its chain ends.
    """
    with mock.patch.object(calculus_module, "_LONG", long):
        results = assess(graph, policy)
    for result in results.values():
        assert repr(_expected_opinion(result, policy)) == repr(result.opinion)
        assert sum(group.supporting for group in result.groups) == result.supporting
        assert (
            sum(group.contradicting for group in result.groups) == result.contradicting
        )
        for group in result.groups:
            for chain in group.chains:
                assert chain.origin_trust is not None
                assert chain.testimony is not None
                trusts = [hop.trust for hop in chain.hops]
                trusts.append(chain.origin_trust)
                assert repr(discount_chain(trusts, chain.testimony)) == repr(chain.own)


@given(_any_graph() | _related(), _policies(), st.sampled_from([1, 64]))
def test_short_paths_give_what_confidence_gives(
    graph: ClaimGraph, policy: Policy, long: int
) -> None:
    """`results` gives each claim the result `confidence` gives it alone."""
    claim_ids = _claim_ids(graph)
    with mock.patch.object(calculus_module, "_LONG", long):
        results = _Calculus(graph, policy).results(claim_ids)
        alone = _Calculus(graph, policy)
        expected = [_numbers(alone.confidence(claim_id)) for claim_id in claim_ids]
    assert claim_ids == list(results)
    assert expected == [_numbers(result) for result in results.values()]


@given(_any_graph(), _policies(), st.sampled_from([1, 2, 64]))
def test_a_walk_multiplies_the_trust_of_every_hop(
    graph: ClaimGraph, policy: Policy, long: int
) -> None:
    """`_walk` finds the graph's origin and the product of the hops' beliefs."""
    calculus = _Calculus(graph, policy)
    with mock.patch.object(calculus_module, "_LONG", long):
        for attribution_id, attribution in graph.attribution_index.items():
            walked = calculus._walk(attribution)
            origin = graph.origin(attribution_id)
            if origin is None:
                assert walked is None
                continue
            assert walked is not None
            assert origin is walked[0]
            carried = 1.0
            for hop in graph.chain(attribution_id):
                carried *= calculus.hop_trust(hop).belief
            assert repr(carried) == repr(walked[1])


@given(graphs(max_claims=5, consistent=False) | graphs(max_claims=5))
def test_interest_is_ruled_out_only_where_the_graph_finds_none(
    graph: ClaimGraph,
) -> None:
    """`_speaks_for` agrees with `ClaimGraph.interested_party` everywhere."""
    calculus = _Calculus(graph, Policy())
    source_ids = [source.id for source in graph.sources]
    for claim in graph.claims:
        parties = claim.about
        for source_id in {*source_ids, *parties, "nobody"}:
            found = graph.interested_party(source_id, claim.id) is not None
            assert found == calculus._speaks_for(source_id, parties, claim.id)


def test_interest_through_a_looping_affiliation_is_found() -> None:
    """Sources in an affiliation loop answer to each other, and roots agree."""
    b = GraphBuilder()
    b.source("ministry", "The Ministry", affiliation="agency")
    b.source("agency", "The Agency", affiliation="ministry")
    b.source("press", "Press office", affiliation="agency")
    b.source("outsider", "An outsider", affiliation="ghost")
    b.claim("c", "The Ministry acted.", language="en", about=["ministry"])
    graph = b.build()
    calculus = _Calculus(graph, Policy())
    assert calculus._speaks_for("press", ("ministry",), "c")
    assert not calculus._speaks_for("outsider", ("ministry",), "c")
    assert calculus._speaks_for("outsider", ("ghost",), "c") == (
        graph.interested_party("outsider", "c") is not None
    )


@given(_any_graph())
def test_claim_ids_are_every_claim_named_in_order(graph: ClaimGraph) -> None:
    """The claims assessed are those with a record, attribution or assessment."""
    named = {claim.id for claim in graph.claims}
    named.update(attribution.claim for attribution in graph.attributions)
    named.update(assessment.claim for assessment in graph.assessments)
    assert sorted(named) == _claim_ids(graph)
    assert {claim for claim in named if graph.relations_of(claim)} == {
        claim for claim in _related_claims(graph) if claim in named
    }
    assert all(graph.relations_of(claim) for claim in _related_claims(graph))


def _deep_and_looping(*, loop_first: bool) -> ClaimGraph:
    """Return a relay chain deeper than `_LONG`, and leaves relaying a long loop."""
    b = GraphBuilder()
    b.source("wire", "The Wire", reliability="A")
    b.source("minister", "The Minister", reliability="B")
    b.document("bulletin", publisher="wire")
    deep, looped = ("z-deep", "a-loop") if loop_first else ("a-deep", "z-loop")
    b.claim(deep, "Deep.", language="en")
    b.claim(looped, "Looped.", language="en")
    hop = b.attribute(deep, source="minister", document="bulletin", id=f"{deep}-0")
    for i in range(1, 3 * calculus_module._LONG):
        hop = b.relay(hop, source="wire", document="bulletin", id=f"{deep}-{i}")
    size = 2 * calculus_module._LONG
    for i in range(size):
        b.attribute(
            looped,
            source="wire",
            document="bulletin",
            id=f"{looped}-{i:04}",
            via=f"{looped}-{(i + 1) % size:04}",
        )
    for i in range(3):
        b.attribute(
            looped,
            source="wire",
            document="bulletin",
            id=f"{looped}-leaf-{i}",
            via=f"{looped}-{i:04}",
        )
    b.attribute(looped, source="minister", document="bulletin", id=f"{looped}-said")
    return b.build()


@pytest.mark.parametrize("loop_first", [True, False])
def test_long_chains_and_long_loops_are_told_apart(*, loop_first: bool) -> None:
    """A deep chain counts in full; leaves into a loop count for nothing."""
    graph = _deep_and_looping(loop_first=loop_first)
    policy = Policy()
    results = assess(graph, policy)
    for result in results.values():
        assert repr(_expected_opinion(result, policy)) == repr(result.opinion)
        assert 1 == result.supporting
    looped = next(claim for claim in results if claim.endswith("loop"))
    # Its three leaves, and the loop's head, which starts a chain of its own.
    assert 4 == len(results[looped].unreached)
    calculus = _Calculus(graph, policy)
    for attribution in graph.attributions:
        walked = calculus._walk(attribution)
        assert (walked is None) == (graph.origin(attribution.id) is None)


def test_negative_zero_beliefs_keep_their_sign() -> None:
    """A chain through a trust of belief -0.0 keeps -0.0, as the masses do."""
    b = GraphBuilder()
    b.source("wire", "The Wire")
    b.source("minister", "The Minister", reliability="B")
    b.document("bulletin", publisher="wire")
    b.claim("c", "Claim.", language="en")
    b.attribute("c", source="minister", document="bulletin")
    policy = Policy(unassessed=_NEGATIVE_ZERO)
    result = assess(b.build(), policy)["c"]
    own = result.groups[0].chains[0].own
    assert own is not None
    assert -1.0 == math.copysign(1.0, own.belief)
    assert -1.0 == math.copysign(1.0, result.opinion.belief)
    assert repr(_expected_opinion(result, policy)) == repr(result.opinion)


def _claims_c_and_d_said_once() -> tuple[GraphBuilder, Attribution]:
    """Return claims c and d, and c's one attribution, by a graded minister."""
    b = GraphBuilder()
    b.source("wire", "The Wire", reliability="A")
    b.source("minister", "The Minister", reliability="B")
    b.document("bulletin", publisher="wire")
    b.claim("c", "C.", language="en")
    b.claim("d", "D.", language="en")
    said = b.attribute("c", source="minister", document="bulletin", id="said")
    return b, said


def test_a_shared_attribution_id_is_explained_without_a_relation() -> None:
    """An own chain whose record names another claim crossed no relation.

    Two attributions of different claims share an id; the id looks up the
    first, so the second claim's chain is about the first claim. Its words
    must not count relations it never crossed (with supports at 0, raising).
    """
    b, said = _claims_c_and_d_said_once()
    graph = ClaimGraph.of([*b.build(), attrs.evolve(said, claim="d")])
    policy = Policy(supports=0.0)
    results = assess(graph, policy)
    (chain,) = results["d"].groups[0].chains
    assert "evidence about related claim c" == chain.relation
    assert repr(results["c"].opinion) == repr(results["d"].opinion)


@given(_any_graph())
def test_the_leaf_table_holds_the_graphs_leaves(graph: ClaimGraph) -> None:
    """`_leaves_of` gives every claim the ids `leaves_of` gives, each once.

    Each leaf is the record its id looks up, where the chain starts; when two
    records share an id, a claim still has one chain from it.
    """
    calculus = _Calculus(graph, Policy())
    index = graph.attribution_index
    claims = {attribution.claim for attribution in graph.attributions}
    for claim_id in {*claims, "c-nowhere"}:
        expected = list(dict.fromkeys(leaf.id for leaf in graph.leaves_of(claim_id)))
        leaves = calculus._leaves_of(claim_id)
        assert expected == [leaf.id for leaf in leaves]
        assert all(leaf is index[leaf.id] for leaf in leaves)
    first, more = calculus._leaf_table()
    assert set(first) <= claims
    assert set(more) <= set(first)


@given(_any_graph(), _policies())
def test_a_first_hand_hop_is_read_from_its_document_and_mode(
    graph: ClaimGraph, policy: Policy
) -> None:
    """`_record` keeps a first-hand hop's recorder and its `hop_trust` belief."""
    calculus = _Calculus(graph, policy)
    for attribution in graph.attribution_index.values():
        recorder, belief = calculus._record(attribution)
        document = graph.document(attribution.document)
        assert recorder == (None if document is None else document.publisher)
        if attribution.via is None and recorder != attribution.source:
            expected = calculus.hop_trust(attribution).belief
            assert repr(expected) == repr(belief)


@st.composite
def _signed(draw: st.DrawFn) -> Opinion:
    """Return an opinion from a few masses: dogmatic, vacuous, -0.0 included."""
    belief = draw(st.sampled_from([0.0, -0.0, 0.25, 0.5, 1.0]))
    disbelief = draw(st.sampled_from([0.0, 0.25, 0.5]))
    if belief + disbelief > 1.0:
        disbelief = 0.0
    uncertainty = 1.0 - belief - disbelief
    return Opinion.of(
        belief, disbelief, uncertainty, draw(st.sampled_from([0.0, 0.5, 1.0]))
    )


_SIGNED = _signed()
"""Opinions from a few masses, dogmatic and vacuous ones and -0.0 included."""


@given(st.data(), st.lists(_SIGNED | st.sampled_from([_NEGATIVE_ZERO]), max_size=5))
def test_a_verdict_is_the_fusion_of_its_opinions_in_any_order(
    data: st.DataObject, opinions: list[Opinion]
) -> None:
    """`_verdict` keys fusions by the set of opinions: any order, the same bits.

    A verdict computed for one order is given for every other; each must be
    what fusing that order gives, floats and zero signs exactly.
    """
    calculus = _Calculus(ClaimGraph.of([]), Policy())
    calculus._verdict(opinions)
    shuffled = data.draw(st.permutations(opinions))
    opinion, probability, _ = calculus._verdict(shuffled)
    fresh = _Calculus(ClaimGraph.of([]), Policy())._verdict(shuffled)
    assert repr((fresh[0], fresh[1])) == repr((opinion, probability))
    if shuffled:
        fused = cumulative_fusion(shuffled)
        expected = Opinion.of(
            fused.belief, fused.disbelief, fused.uncertainty, Policy().base_rate
        )
        assert repr(expected) == repr(opinion)


def test_a_leaf_held_twice_by_one_claim_starts_one_chain() -> None:
    """Two records of one claim share an id: the claim has one leaf, the first."""
    b = GraphBuilder()
    b.source("wire", "The Wire", reliability="A")
    b.source("minister", "The Minister", reliability="B")
    b.document("bulletin", publisher="wire")
    b.claim("c", "C.", language="en")
    said = b.attribute("c", source="minister", document="bulletin", id="said")
    graph = ClaimGraph.of([*b.build(), attrs.evolve(said, source="wire")])
    assert 2 == len(graph.leaves_of("c"))
    calculus = _Calculus(graph, Policy())
    (leaf,) = calculus._leaves_of("c")
    assert leaf is graph.attribution_index["said"]
    result = assess(graph)["c"]
    assert 1 == result.supporting
    assert 1 == len(result.groups[0].chains)


@given(_any_graph() | _related(), _policies())
def test_gathering_gives_what_confidence_gives(
    graph: ClaimGraph, policy: Policy
) -> None:
    """`_gathered` gives every claim the numbers `confidence` gives it.

    Along every evidence route where each attribution id is one record's (as
    `results` uses it), and in any graph along the own route of a claim in
    no relation, where one leaf may be two claims'. Groups of several chains
    are fused either way.
    """
    calculus = _Calculus(graph, policy)
    alone = _Calculus(graph, policy)
    unique = len(graph.attribution_index) == len(graph.attributions)
    for claim_id in _claim_ids(graph):
        result = alone.confidence(claim_id)
        expected = repr(
            (
                (result.opinion, result.probability, result.likelihood),
                (result.supporting, result.contradicting),
            )
        )
        if unique:
            routes = graph.evidence_routes(claim_id)
            assert expected == repr(calculus._gathered(claim_id, routes))
        if not graph.relations_of(claim_id):
            own = ((claim_id, False, False, 0),)
            assert expected == repr(calculus._gathered(claim_id, own))


@given(_any_graph(), _policies())
def test_a_claims_kept_chains_are_its_links_that_reach_an_origin(
    graph: ClaimGraph, policy: Policy
) -> None:
    """`_chains_of` keeps the numbers of the links of the claim's leaves.

    Each with its origin's affiliation root, in the order of the leaves; a
    chain that reaches no origin is left out.
    """
    calculus = _Calculus(graph, policy)
    for claim_id in _claim_ids(graph):
        chains = calculus._chains_of(claim_id)
        assert calculus._owned[claim_id] is chains
        expected = []
        for leaf in calculus._leaves_of(claim_id):
            link = calculus._compute_link(leaf.id)
            if link.origin is None:
                continue
            root = graph.affiliation_root(link.origin.source)
            numbers = (root, link.origin, link.own, link.interested, link.denies)
            expected.append((*numbers, leaf))
        assert repr(expected) == repr(list(chains))


@given(
    st.lists(_SIGNED | st.sampled_from([_NEGATIVE_ZERO]), min_size=1, max_size=3),
    st.lists(st.tuples(st.booleans(), st.integers(0, 3)), min_size=1, max_size=6),
    st.sampled_from([0.0, 0.25, 0.8, 1.0]),
)
def test_a_carried_opinion_is_computed_once_bit_for_bit(
    opinions: list[Opinion], routes: list[tuple[bool, int]], supports: float
) -> None:
    """`_carry` keeps what `_carried` gives for each opinion and route."""
    policy = Policy(supports=supports)
    calculus = _Calculus(ClaimGraph.of([]), policy)
    fresh = _Calculus(ClaimGraph.of([]), policy)
    for opinion in opinions:
        for against, hops in routes:
            carried = calculus._carry(opinion, against=against, hops=hops)
            assert carried is calculus._carry(opinion, against=against, hops=hops)
            link = _Link("leaf", "claim", None, opinion)
            expected = fresh._carried(link, against=against, hops=hops).opinion
            assert repr(expected) == repr(carried)


@given(st.lists(st.sampled_from([0.0, -0.0, 0.5, 1.0, 5e-324]), max_size=6))
def test_own_opinions_keep_the_sign_of_a_zero(products: list[float]) -> None:
    """`_own` shares one opinion per product and testimony, a zero per sign."""
    calculus = _Calculus(ClaimGraph.of([]), Policy())
    for testimony in calculus._said.values():
        for product in products:
            own = calculus._own(product, testimony)
            assert own is calculus._own(product, testimony)
            assert repr(_discount_by(product, testimony)) == repr(own)


def _rebuilt(value: Hop | Chain | Group) -> Hop | Chain | Group:
    """Return what the constructor builds from the fields of *value*."""
    fields = attrs.fields(type(value))
    return type(value)(**{field.name: getattr(value, field.name) for field in fields})


@given(_any_graph(), _policies())
def test_explanations_are_built_as_their_constructors_build_them(
    graph: ClaimGraph, policy: Policy
) -> None:
    """Every group, chain and hop of an explanation is its constructor's.

    Each chain ends at the origin `ClaimGraph.origin` finds, which it reads
    off the hops `ClaimGraph.chain` gives.
    """
    results = assess(graph, policy)
    for result in results.values():
        chains = [*result.unreached]
        for group in result.groups:
            assert repr(_rebuilt(group)) == repr(group)
            assert _rebuilt(group) == group
            chains.extend(group.chains)
        for chain in chains:
            assert repr(_rebuilt(chain)) == repr(chain)
            assert _rebuilt(chain) == chain
            origin = graph.origin(chain.leaf)
            assert chain.origin == (None if origin is None else origin.id)
            assert [hop.attribution for hop in chain.hops] == [
                hop.id for hop in graph.chain(chain.leaf)
            ]
            for hop in chain.hops:
                assert repr(_rebuilt(hop)) == repr(hop)
                assert _rebuilt(hop) == hop


@given(_any_graph(), _policies(), st.randoms(use_true_random=False))
def test_hops_share_words_only_where_they_say_the_same(
    graph: ClaimGraph, policy: Policy, random: Random
) -> None:
    """Each hop has the trust and words its own recording gives, in any order."""
    calculus = _Calculus(graph, policy)
    attributions = list(graph.attribution_index.values())
    random.shuffle(attributions)
    for attribution in attributions:
        hop = calculus.hop(attribution)
        fresh = _Calculus(graph, policy)
        document, recorder, own_words, relayer, upstream = fresh._recording(attribution)
        trust, reason = fresh._hop_said(
            attribution, document, recorder, relayer, upstream, own_words=own_words
        )
        assert (recorder, relayer) == (hop.recorder, hop.relayer)
        assert repr((trust, reason)) == repr((hop.trust, hop.reason))
        assert repr(fresh.hop_trust(attribution)) == repr(hop.trust)


@given(_any_graph())
def test_chains_start_at_the_graphs_leaves_and_loop_heads(graph: ClaimGraph) -> None:
    """`_starts` gives the ids of the claim's leaves, then its loops' heads.

    As `ClaimGraph.leaves_of` gives them, each once, then the smallest id of
    each relay loop nothing relays, among the claim's attributions.
    """
    calculus = _Calculus(graph, Policy())
    heads = {min(cycle) for cycle in graph.relay_cycles()}
    claims = {attribution.claim for attribution in graph.attributions}
    for claim_id in {*claims, "c-nowhere"}:
        starts = graph.leaves_of(claim_id) + tuple(
            a for a in graph.attributions_of(claim_id) if a.id in heads
        )
        expected = list(dict.fromkeys(start.id for start in starts))
        found = calculus._starts(claim_id)
        assert expected == list(dict.fromkeys(start.id for start in found))


@pytest.mark.parametrize("interest", [0.0, 0.5])
@pytest.mark.parametrize("kind", list(RelationKind))
def test_evidence_from_a_related_claim_is_judged_by_this_ones_parties(
    kind: RelationKind, interest: float
) -> None:
    """A related claim's origins count as interested where this claim's are.

    Claim d, about nobody, is stated by the ministry and by its press office,
    one origin group; claim c is about the press office, and d's evidence
    reaches it. At an interest of 0, the press office's chain has no evidence
    of its own for c, and its group counts the ministry's alone.
    """
    b = GraphBuilder()
    b.source("ministry", "The Ministry", reliability="B")
    b.source("press", "Press office", reliability="C", affiliation="ministry")
    b.source("wire", "The Wire", reliability="A")
    b.document("bulletin", publisher="wire")
    b.claim("c", "C.", language="en", about=["press"])
    b.claim("d", "D.", language="en")
    b.attribute("d", source="ministry", document="bulletin")
    b.attribute("d", source="press", document="bulletin", stance="hedges")
    b.attribute("c", source="wire", document="bulletin")
    b.relate("d", kind, "c")
    graph = b.build()
    policy = Policy(interest=interest)
    results = assess(graph, policy)
    calculus = _Calculus(graph, policy)
    alone = _Calculus(graph, policy)
    for claim_id in ("c", "d"):
        routes = graph.evidence_routes(claim_id)
        verdict, counts = calculus._gathered(claim_id, routes)
        result = alone.confidence(claim_id)
        assert repr((result.opinion, result.probability)) == repr(verdict[:2])
        assert (result.supporting, result.contradicting) == counts
        assert _numbers(result) == _numbers(results[claim_id])
    (group,) = [group for group in results["c"].groups if group.root == "ministry"]
    assert [False, True] == sorted(chain.interested for chain in group.chains)
    assert not any(
        chain.interested for group in results["d"].groups for chain in group.chains
    )


def test_a_leaf_of_two_related_claims_counts_once() -> None:
    """A leaf two related claims hold (one id, two records) is one chain.

    Claim d contradicts claim c, and holds a record with the id of c's one
    leaf: c's evidence reaches c on its own route only, never also as d's.
    """
    b, said = _claims_c_and_d_said_once()
    b.relate("d", "contradicts", "c")
    graph = ClaimGraph.of([*b.build(), attrs.evolve(said, claim="d")])
    alone = _Calculus(graph, Policy())
    results = assess(graph)
    for claim_id in ("c", "d"):
        assert _numbers(alone.confidence(claim_id)) == _numbers(results[claim_id])
    assert (1, 0) == (results["c"].supporting, results["c"].contradicting)
