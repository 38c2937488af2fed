"""The graph's memoised structures agree with walking the records one by one.

Each structure is built for every id at once, with shortcuts (settling first-hand
attributions in bulk, handing retractions down the relays, reading the relay
walk's ends); these tests check each against the plain definition, on graphs
with dangling ids, relay loops, affiliation loops and ids held by several
records.
"""

from __future__ import annotations

import itertools

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.graph import ClaimGraph
from claimtrack.records import Attribution, Document, Record, Stance
from claimtrack.testing import graphs


def broken_or_merged_graphs() -> st.SearchStrategy[ClaimGraph]:
    """Return a strategy for broken graphs, or two of them merged.

    Merging two graphs drawn apart gives conflicting records under one id.
    """
    return graphs(consistent=False) | st.tuples(
        graphs(consistent=False), graphs(consistent=False)
    ).map(lambda pair: pair[0].merge(pair[1]))


@st.composite
def _broken_graphs(draw: st.DrawFn) -> ClaimGraph:
    """Draw a graph with broken references, loops and conflicting records.

    Some attributions get a conflicting copy, relaying something else for
    another claim, so that an id's chain is not the chain of every record
    holding it.
    """
    graph = draw(broken_or_merged_graphs())
    attributions = list(graph.attributions)
    if not attributions:
        return graph
    ids = [a.id for a in attributions] + [None]
    claims = [a.claim for a in attributions]
    copies = [
        attrs.evolve(
            original,
            via=draw(st.sampled_from(ids)),
            claim=draw(st.sampled_from(claims)),
            note="copy",
        )
        for original in draw(st.lists(st.sampled_from(attributions), max_size=3))
    ]
    return graph.merge(ClaimGraph.of(copies))


def _attribution_ids(graph: ClaimGraph) -> list[str]:
    ids = {a.id for a in graph.attributions}
    return sorted(ids | {a.via for a in graph.attributions if a.via} | {"absent"})


def _claim_ids(graph: ClaimGraph) -> list[str]:
    return sorted({c.id for c in graph.claims} | {a.claim for a in graph.attributions})


def _source_ids(graph: ClaimGraph) -> list[str]:
    ids = {s.id for s in graph.sources} | {a.source for a in graph.attributions}
    ids |= {s.affiliation for s in graph.sources if s.affiliation} | {"absent"}
    return sorted(ids)


def _origin(graph: ClaimGraph, attribution_id: str) -> Attribution | None:
    """Return the end of the relay chain, if it ends at a first-hand hop."""
    hops = graph.chain(attribution_id)
    return hops[-1] if hops and hops[-1].via is None else None


def _root(graph: ClaimGraph, source_id: str) -> str:
    """Follow affiliations until a source with none, a missing id or a loop."""
    seen: dict[str, int] = {}
    path: list[str] = []
    current = source_id
    while True:
        source = graph.source(current)
        if source is None or source.affiliation is None:
            return current
        if current in seen:
            return min(path[seen[current] :])
        seen[current] = len(path)
        path.append(current)
        current = source.affiliation


def _retracted(graph: ClaimGraph, hop: Attribution) -> Attribution | Document | None:
    if hop.retracted is not None:
        return hop
    document = graph.document(hop.document)
    return document if document is not None and document.retracted else None


@given(_broken_graphs())
def test_indexes_keep_the_first_record_of_each_id_in_id_order(
    graph: ClaimGraph,
) -> None:
    """Each index holds the first record of each id, ids in canonical order."""
    for records, index in (
        (graph.sources, graph.source_index),
        (graph.documents, graph.document_index),
        (graph.claims, graph.claim_index),
        (graph.attributions, graph.attribution_index),
        (graph.relations, graph.relation_index),
        (graph.assessments, graph.assessment_index),
    ):
        expected: dict[str, Record] = {}
        for record in records:
            expected.setdefault(record.id, record)
        assert list(expected.items()) == list(index.items())


@given(_broken_graphs())
def test_conflicts_are_the_ids_held_by_several_records(graph: ClaimGraph) -> None:
    """`conflicts` lists, type by type and in id order, every id held twice."""
    expected: list[tuple[Record, ...]] = []
    for records in (
        graph.sources,
        graph.documents,
        graph.claims,
        graph.attributions,
        graph.relations,
        graph.assessments,
    ):
        held: dict[str, list[Record]] = {}
        for record in records:
            held.setdefault(record.id, []).append(record)
        expected.extend(tuple(same) for same in held.values() if len(same) > 1)
    assert expected == graph.conflicts()


@given(_broken_graphs())
def test_relay_walk_matches_the_chains(graph: ClaimGraph) -> None:
    """Origin, depth and loops are what walking each chain finds."""
    for attribution_id in _attribution_ids(graph):
        hops = graph.chain(attribution_id)
        origin = _origin(graph, attribution_id)
        looped = bool(hops) and hops[-1].via == attribution_id
        expected = (origin, None if origin is None else len(hops) - 1, looped)
        actual = (
            graph.origin(attribution_id),
            graph.depth(attribution_id),
            graph.in_relay_cycle(attribution_id),
        )
        assert expected == actual, attribution_id
    looped_ids = {a.id for a in graph.attributions if graph.in_relay_cycle(a.id)}
    cycles = graph.relay_cycles()
    assert looped_ids == {hop for cycle in cycles for hop in cycle}
    assert len(cycles) == len({frozenset(cycle) for cycle in cycles})
    for cycle in cycles:
        # Listed in relay order: each hop relays the next.
        following = itertools.chain(cycle[1:], cycle[:1])
        assert [graph.attribution_index[hop].via for hop in cycle] == list(following)


@given(_broken_graphs())
def test_affiliation_root_matches_the_chains(graph: ClaimGraph) -> None:
    """Every source's root is where following its affiliations ends."""
    for source_id in _source_ids(graph):
        assert _root(graph, source_id) == graph.affiliation_root(source_id)


@given(_broken_graphs())
def test_claims_leaves_origins_and_roots_match_the_definitions(
    graph: ClaimGraph,
) -> None:
    """Leaves, origins and supporting roots, claim by claim, as documented."""
    relayed = {a.via for a in graph.attributions}
    for claim_id in _claim_ids(graph):
        attributions = [a for a in graph.attributions if a.claim == claim_id]
        leaves = tuple(a for a in attributions if a.id not in relayed)
        origins: dict[str, Attribution] = {}
        for attribution in attributions:
            origin = _origin(graph, attribution.id)
            if origin is not None:
                origins[origin.id] = origin
        roots = {
            _root(graph, origin.source)
            for origin in origins.values()
            if origin.stance is not Stance.DENIES
        }
        expected = (leaves, tuple(origins[k] for k in sorted(origins)), sorted(roots))
        actual = (
            graph.leaves_of(claim_id),
            graph.origins_of(claim_id),
            list(graph.supporting_roots(claim_id)),
        )
        assert expected == actual, claim_id


@given(_broken_graphs())
def test_groupings_match_the_records(graph: ClaimGraph) -> None:
    """Records grouped by what they refer to keep their canonical order."""
    for attribution_id in _attribution_ids(graph):
        expected = tuple(a for a in graph.attributions if a.via == attribution_id)
        assert expected == graph.relays_of(attribution_id)
    for source_id in _source_ids(graph):
        credited = tuple(a for a in graph.attributions if a.source == source_id)
        published = tuple(d for d in graph.documents if d.publisher == source_id)
        expected_by = (credited, published)
        assert expected_by == (
            graph.attributions_by(source_id),
            graph.documents_by(source_id),
        )


@given(_broken_graphs())
def test_retraction_upstream_is_the_first_retracted_hop(graph: ClaimGraph) -> None:
    """The nearest retraction is the chain's first retracted hop or document."""
    for attribution_id in _attribution_ids(graph):
        found = (_retracted(graph, hop) for hop in graph.chain(attribution_id))
        expected = next((value for value in found if value is not None), None)
        assert expected == graph.retraction_upstream(attribution_id), attribution_id


def test_retraction_goes_once_round_a_relay_loop() -> None:
    """In a loop, each hop meets the retraction nearest upstream of it."""
    hops = [
        Attribution(id="a", claim="c", source="s", document="d", via="b"),
        Attribution(id="b", claim="c", source="s", document="d", via="c"),
        Attribution(
            id="c", claim="c", source="s", document="d", via="a", retracted="2025"
        ),
        Attribution(id="x", claim="c", source="s", document="gone", via="a"),
    ]
    graph = ClaimGraph.of([*hops, Document(id="gone", retracted="2025")])
    expected = ["c", "c", "c", "gone"]
    actual = []
    for hop in hops:
        found = graph.retraction_upstream(hop.id)
        actual.append(None if found is None else found.id)
    assert expected == actual


def test_long_relay_loop_with_a_long_tail() -> None:
    """A loop of 20,000 relays, entered from a chain as long, is walked once.

    Every structure is linear in the graph, so this takes no longer than as
    many short chains.
    """
    n = 20_000

    def hop(i: int, via: int) -> Attribution:
        retracted = "2025" if i == n // 2 else None
        return Attribution(
            id=f"h{i:06d}",
            claim=f"c{i % 7}",
            source="s",
            document="d",
            via=f"h{via:06d}",
            retracted=retracted,
        )

    loop = [hop(i, (i + 1) % n) for i in range(n)]
    tail = [hop(n + i, n + i + 1 if i + 1 < n else 0) for i in range(n)]
    graph = ClaimGraph.of([*loop, *tail])
    retracted = graph.attribution_index[f"h{n // 2:06d}"]
    expected = (1, n, None, None, retracted, retracted, ())
    actual = (
        len(graph.relay_cycles()),
        len(graph.relay_cycles()[0]),
        graph.origin(f"h{2 * n - 1:06d}"),
        graph.depth(f"h{n:06d}"),
        graph.retraction_upstream(f"h{n:06d}"),
        graph.retraction_upstream(f"h{n // 2 + 1:06d}"),
        graph.origins_of("c0"),
    )
    assert expected == actual
