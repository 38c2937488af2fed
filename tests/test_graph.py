from __future__ import annotations

import operator
import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.graph import ClaimGraph, GraphBuilder, OriginGroup, _content_key
from claimtrack.records import (
    RECORD_TYPES,
    Attribution,
    Claim,
    Document,
    Record,
    Relation,
    RelationKind,
    Source,
    Stance,
)
from claimtrack.testing import graphs, record_orders


def _hop(hop_id: str, via: str | None = None, claim: str = "c") -> Attribution:
    return Attribution(id=hop_id, claim=claim, source="s", document="d", via=via)


def _seed_like() -> tuple[GraphBuilder, Claim, Attribution, Attribution]:
    b = GraphBuilder()
    us = b.source("us-gov", "US government", kind="government")
    officials = b.source(
        "us-officials",
        "US officials",
        kind="group",
        anonymous=True,
        descriptor="current and former US officials familiar with the exchanges",
        affiliation=us,
    )
    wapo = b.source("wapo", "The Washington Post", kind="news_outlet")
    enab = b.source("enab", "Enab Baladi", kind="news_outlet")
    report = b.document("wapo-report", publisher=wapo, published="2025-01-24 (Friday)")
    article = b.document("enab-article", publisher=enab, published="2025-01-24/..")
    claim = b.claim("shared", "US shared intelligence.", language="en", about=[us])
    said = b.attribute(claim, source=officials, document=report)
    relayed = b.relay(said, source=wapo, document=article)
    return b, claim, said, relayed


def test_builder_reads_like_the_article() -> None:
    """A relay built with the builder chains back to the first-hand statement."""
    b, _, said, relayed = _seed_like()
    graph = b.build()
    expected = ((relayed, said), said, 1)
    actual = (
        graph.chain(relayed.id),
        graph.origin(relayed.id),
        graph.depth(relayed.id),
    )
    assert expected == actual


def test_builder_default_ids() -> None:
    """Default attribution ids name claim and source, then add the document."""
    b, claim, said, _ = _seed_like()
    again = b.attribute(claim, source="us-officials", document="enab-article")
    expected = ("shared:us-officials", "shared:us-officials:enab-article")
    assert expected == (said.id, again.id)


def test_builder_refuses_conflicting_id() -> None:
    """Adding a different record under a taken id is refused, naming the id."""
    b = GraphBuilder()
    b.source("s", "One")
    b.source("s", "One")
    with pytest.raises(ValueError, match="a different source with id 's'"):
        b.source("s", "Two")


def test_origin_groups_collapse_affiliations() -> None:
    """Origins whose affiliations share a root are one group."""
    b, claim, said, _ = _seed_like()
    direct = b.attribute(claim, source="us-gov", document="wapo-report")
    graph = b.build()
    expected = (OriginGroup(root="us-gov", origins=(direct, said)),)
    assert expected == graph.origin_groups("shared")


def test_relay_cycle() -> None:
    """A relay loop has no origin and is reported once; the chain stops."""
    graph = ClaimGraph.of([_hop("a", via="b"), _hop("b", via="a"), _hop("c", via="a")])
    assert graph.origin("a") is None
    assert graph.depth("c") is None
    expected_cycles = 1
    assert expected_cycles == len(graph.relay_cycles())
    assert {"a", "b"} == set(graph.relay_cycles()[0])
    assert graph.in_relay_cycle("a")
    assert not graph.in_relay_cycle("c")
    expected_chain = ("c", "a", "b")
    assert expected_chain == tuple(hop.id for hop in graph.chain("c"))


def test_self_relay() -> None:
    """An attribution relaying itself is a loop of one."""
    graph = ClaimGraph.of([_hop("a", via="a")])
    expected = (("a",),)
    assert expected == graph.relay_cycles()
    assert graph.origin("a") is None


def test_dangling_via() -> None:
    """A relay of a missing attribution has no origin; its chain ends before it."""
    graph = ClaimGraph.of([_hop("a", via="missing"), _hop("b", via="a")])
    assert graph.origin("b") is None
    expected = ("b", "a")
    assert expected == tuple(hop.id for hop in graph.chain("b"))
    assert graph.origin("unknown") is None


def test_deep_chain_without_recursion() -> None:
    """A relay chain 100,000 hops deep resolves without exhausting the stack."""
    n = 100_000
    hops = [_hop("h0")] + [_hop(f"h{i}", via=f"h{i - 1}") for i in range(1, n)]
    graph = ClaimGraph.of(hops)
    last = f"h{n - 1}"
    assert hops[0] == graph.origin(last)
    assert n - 1 == graph.depth(last)
    assert n == len(graph.chain(last))
    expected = (hops[0],)
    assert expected == graph.origins_of("c")


def test_deep_affiliation_chain() -> None:
    """An affiliation chain 100,000 deep finds its root without recursion."""
    n = 100_000
    sources = [Source(id="s0", name="root")] + [
        Source(id=f"s{i}", name="x", affiliation=f"s{i - 1}") for i in range(1, n)
    ]
    graph = ClaimGraph.of(sources)
    expected = "s0"
    assert expected == graph.affiliation_root(f"s{n - 1}")


@pytest.mark.parametrize(
    ("links", "asked", "root"),
    [
        ({"a": None}, "a", "a"),
        ({"a": "b", "b": None}, "a", "b"),
        ({"a": "b", "b": "c", "c": None}, "a", "c"),
        ({"a": "missing"}, "a", "missing"),
        ({"a": "b", "b": "a"}, "b", "a"),
        ({"a": "b", "b": "a", "z": "b"}, "z", "a"),
        ({"a": "a"}, "a", "a"),
        ({}, "nobody", "nobody"),
    ],
)
def test_affiliation_root(links: dict[str, str | None], asked: str, root: str) -> None:
    """Roots: the top of the chain, a missing id, or the least id of a loop."""
    graph = ClaimGraph.of(Source(id=k, name=k, affiliation=v) for k, v in links.items())
    assert root == graph.affiliation_root(asked)


def test_affiliation_cycles() -> None:
    """Each affiliation loop is reported once."""
    graph = ClaimGraph.of(
        [
            Source(id="a", name="a", affiliation="b"),
            Source(id="b", name="b", affiliation="a"),
        ]
    )
    expected = 1
    assert expected == len(graph.affiliation_cycles())


def test_of_rejects_non_records() -> None:
    """ClaimGraph.of names what it was given that is not a record."""
    with pytest.raises(TypeError, match="expected a claimtrack record, got str"):
        ClaimGraph.of(["nope"])  # type: ignore[list-item]


def test_fields_reject_wrong_record_type() -> None:
    """A record in the wrong group is refused, naming the group and position."""
    claim = Claim(id="c", text="t", language="en")
    with pytest.raises(TypeError, match=r"sources must hold only Source records"):
        ClaimGraph(sources=(claim,))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ([1, 2], "got int at [0]"),
        ([Claim(id="c", text="t", language="en"), 3], "got int at [1]"),
        ([Claim(id="c", text="t", language="en"), "c"], "got str at [1]"),
        (
            [Source(id="a", name="A"), Claim(id="c", text="t", language="en")],
            "got Source at [0]",
        ),
    ],
)
def test_fields_name_what_is_not_a_record(values: list[object], message: str) -> None:
    """Whatever a group holds and in whatever order, the first stranger is named."""
    with pytest.raises(
        TypeError, match=re.escape(f"claims must hold only Claim records, {message}")
    ):
        ClaimGraph(claims=values)  # type: ignore[arg-type]


def test_merge_keeps_identical_once() -> None:
    """Merging a graph with itself changes nothing."""
    graph = _seed_like()[0].build()
    merged = graph.merge(graph)
    assert graph == merged
    assert not merged.conflicts()


def test_merge_keeps_conflicts() -> None:
    """Different records under one id are both kept and listed as a conflict."""
    one = Document(id="d", title="First")
    two = Document(id="d", title="Second")
    merged = ClaimGraph.of([one]).merge(ClaimGraph.of([two]))
    expected = ([(one, two)], (one, two), one)
    assert expected == (merged.conflicts(), merged.documents, merged.document("d"))


def test_conflict_order_ignores_extra_key_order() -> None:
    """Conflicting records are ordered by content, not by mapping key order."""
    one = Source(id="s", name="S", extra={"a": 1, "b": 2})
    one_reordered = Source(id="s", name="S", extra={"b": 2, "a": 1})
    two = Source(id="s", name="S", extra={"a": 1, "b": 3})
    assert (
        ClaimGraph.of([one, two]).sources == ClaimGraph.of([two, one_reordered]).sources
    )


def test_conflict_json_distinct_values() -> None:
    """Records differing only by True versus 1 in extra are both kept."""
    one = Source(id="s", name="S", extra={"v": True})
    two = Source(id="s", name="S", extra={"v": 1})
    expected = 1
    assert expected == len(ClaimGraph.of([one, two]).conflicts())


@given(graphs())
def test_origin_is_first_hand_of_same_claim(graph: ClaimGraph) -> None:
    """In a consistent graph every hop's origin is first hand, of the same claim."""
    for hop in graph.attributions:
        origin = graph.origin(hop.id)
        assert origin is not None
        assert origin.via is None
        assert hop.claim == origin.claim
        chain = graph.chain(hop.id)
        assert origin == chain[-1]
        assert hop == chain[0]
        depth = graph.depth(hop.id)
        assert len(chain) - 1 == depth
        if hop.via is not None:
            upstream_depth = graph.depth(hop.via)
            assert upstream_depth is not None
            assert upstream_depth + 1 == depth


@given(graphs())
def test_consistent_graph_has_no_loops(graph: ClaimGraph) -> None:
    """Consistent graphs have no relay or affiliation loops and no conflicts."""
    assert not graph.relay_cycles()
    assert not graph.affiliation_cycles()
    assert not graph.conflicts()


@given(graphs(consistent=False))
def test_navigation_total_on_broken_graphs(graph: ClaimGraph) -> None:
    """Navigation answers for every record of any graph, broken ones included."""
    for hop in graph.attributions:
        chain = graph.chain(hop.id)
        assert len({h.id for h in chain}) == len(chain)
        origin = graph.origin(hop.id)
        if origin is not None:
            assert origin == chain[-1]
    for source in graph.sources:
        assert isinstance(graph.affiliation_root(source.id), str)
    for claim in graph.claims:
        origins = sum(len(g.origins) for g in graph.origin_groups(claim.id))
        assert len(graph.origins_of(claim.id)) == origins


@given(st.data(), graphs(consistent=False))
def test_order_does_not_matter(data: st.DataObject, graph: ClaimGraph) -> None:
    """The same records in any order make an equal graph."""
    order = data.draw(record_orders(graph))
    assert graph == ClaimGraph.of(order)


@given(graphs(max_claims=2), graphs(max_claims=2))
def test_merge_commutative(first: ClaimGraph, second: ClaimGraph) -> None:
    """Merging in either order gives the same graph."""
    assert first.merge(second) == second.merge(first)


def _plain_canonical(records: list[Record]) -> tuple[Record, ...]:
    """`ClaimGraph`'s order of one type's records, by its definition.

    By id; each distinct record once (the first given of equal ones); records
    that share an id ordered by content.
    """
    by_id: dict[str, list[Record]] = {}
    for record in records:
        by_id.setdefault(record.id, []).append(record)
    out: list[Record] = []
    for record_id in sorted(by_id):
        distinct = list(dict.fromkeys(by_id[record_id]))
        out.extend(
            distinct if len(distinct) == 1 else sorted(distinct, key=_content_key)
        )
    return tuple(out)


@given(graphs(max_claims=3, consistent=False), st.data())
def test_merged_copies_and_conflicts_are_kept_as_defined(
    graph: ClaimGraph, data: st.DataObject
) -> None:
    """Equal copies are kept once, the first given; conflicts by content.

    Copies that are equal but not the same object (the same record read from
    two files) and changed copies are mixed in, in any order.
    """
    records = list(graph)
    extra = data.draw(st.lists(st.sampled_from(records), max_size=8)) if records else []
    for record in extra:
        changed = data.draw(st.booleans())
        note = f"{record.note or ''}!" if changed else record.note
        records.append(attrs.evolve(record, note=note))
    records = data.draw(st.permutations(records))
    merged = ClaimGraph.of(records)
    for kind in RECORD_TYPES:
        kept = [r for r in merged if type(r) is kind]
        expected = _plain_canonical([r for r in records if type(r) is kind])
        assert len(kept) == len(expected)
        assert all(map(operator.is_, kept, expected)), kind.__name__


@given(graphs(max_claims=3), st.data())
def test_merge_conflicting_copy(graph: ClaimGraph, data: st.DataObject) -> None:
    """A changed copy of a record merged back is kept beside it, as a conflict."""
    records = list(graph)
    if not records:
        return
    original = data.draw(st.sampled_from(records))
    changed = attrs.evolve(original, note=f"{original.note or ''} (changed)")
    merged = graph.merge(ClaimGraph.of([changed]))
    expected = [tuple(sorted((original, changed), key=repr))]
    actual = [tuple(sorted(group, key=repr)) for group in merged.conflicts()]
    assert expected == actual
    assert len(graph) + 1 == len(merged)


def _groups_along_routes(
    graph: ClaimGraph, claim_id: str
) -> tuple[tuple[OriginGroup, ...], tuple[OriginGroup, ...]]:
    """Group the origins on every evidence route, as the docstring says."""
    sides: tuple[dict[str, dict[str, Attribution]], ...] = ({}, {})
    for other, against, support_only, _ in graph.evidence_routes(claim_id):
        for origin in graph.origins_of(other):
            denies = origin.stance is Stance.DENIES
            if denies and support_only:
                continue
            root = graph.affiliation_root(origin.source)
            sides[denies != against].setdefault(root, {})[origin.id] = origin
    first, second = (
        tuple(
            OriginGroup(root=root, origins=tuple(v[k] for k in sorted(v)))
            for root, v in sorted(side.items())
        )
        for side in sides
    )
    return first, second


def _interest_along_routes(
    graph: ClaimGraph, claim_id: str
) -> tuple[tuple[Attribution, str], ...]:
    """Find the interested origins route by route, as the docstring says."""
    found: dict[str, tuple[Attribution, str]] = {}
    for other, _, support_only, _ in graph.evidence_routes(claim_id):
        for origin in graph.origins_of(other):
            if origin.id in found or (support_only and origin.stance is Stance.DENIES):
                continue
            party = graph.interested_party(origin.source, other, claim_id)
            if party is not None:
                found[origin.id] = (origin, party)
    return tuple(found[k] for k in sorted(found))


@st.composite
def _graphs_with_same_as(draw: st.DrawFn) -> ClaimGraph:
    graph = draw(graphs(max_claims=8, max_sources=8, consistent=False))
    claim_ids = sorted({c.id for c in graph.claims} | {"elsewhere"})
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(claim_ids), st.sampled_from(claim_ids)),
            max_size=10,
        )
    )
    kinds = draw(
        st.lists(
            st.sampled_from([RelationKind.SAME_AS] * 4 + list(RelationKind)),
            min_size=len(pairs),
            max_size=len(pairs),
        )
    )
    extra = [
        Relation(id=f"zz-{i}", kind=kind, claim=claim, target=target)
        for i, ((claim, target), kind) in enumerate(zip(pairs, kinds, strict=True))
    ]
    return ClaimGraph.of([*graph, *extra])


@given(_graphs_with_same_as())
def test_evidence_shared_in_same_as_clusters_matches_the_routes(
    graph: ClaimGraph,
) -> None:
    """Groups and interested evidence equal those walked route by route."""
    claim_ids = {c.id for c in graph.claims} | {r.claim for r in graph.relations}
    for claim_id in sorted(claim_ids):
        assert _groups_along_routes(graph, claim_id) == graph.corroborating_groups(
            claim_id
        )
        assert _interest_along_routes(graph, claim_id) == graph.interested_evidence(
            claim_id
        )


def test_same_as_cluster_counts_every_members_origin_for_each_member() -> None:
    """Each claim of a same_as chain rests on the origins of the whole chain.

    And an origin that answers to a party is interested for a member that is
    about that party, though it was said of another member.
    """
    b = GraphBuilder()
    party = b.source("party", "The party")
    previous = None
    for i in range(200):
        source = b.source(f"s{i}", f"Source {i}", affiliation=party if i == 7 else None)
        document = b.document(f"d{i}", publisher=source)
        claim = b.claim(
            f"c{i:03d}", f"Claim {i}.", language="en", about=[party] if i == 3 else []
        )
        b.attribute(claim, source=source, document=document)
        if previous is not None:
            b.relate(claim, "same_as", previous)
        previous = claim
    graph = b.build()
    for claim in graph.claims:
        expected = _groups_along_routes(graph, claim.id)
        assert 200 == len(expected[0])
        assert expected == graph.corroborating_groups(claim.id)
        interested = graph.interested_evidence(claim.id)
        assert _interest_along_routes(graph, claim.id) == interested
        # Only c003 is about the party that c007's source answers to.
        spoken = [("c007:s7", "party")] if claim.id == "c003" else []
        assert spoken == [(o.id, p) for o, p in interested]


@given(graphs(consistent=False))
def test_claims_in_no_relation_take_the_short_way_to_their_groups(
    graph: ClaimGraph,
) -> None:
    """A claim in no relation gets the groups of the general walk, built alike."""
    for claim in graph.claims:
        general = graph._corroborating_groups([(claim.id, False, False)])
        assert general == graph._own_groups(claim.id)
        if not graph.relations_of(claim.id):
            assert general == graph.corroborating_groups(claim.id)
    for side in (graph.corroborating_groups(c.id) for c in graph.claims):
        for group in (*side[0], *side[1]):
            assert group == OriginGroup(root=group.root, origins=group.origins)
