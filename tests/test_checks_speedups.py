"""The bulk paths of the checks and the graph, against their plain definitions.

Sorting keys built in bulk, rule output that is found to be in order already,
and origin groups worked out claim after claim for a whole walk are each
compared with the straightforward computation they replace, on random graphs
from :mod:`claimtrack.testing`, broken ones and ones with conflicting records
included.
"""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import ClaimGraph, ClaimKind
from claimtrack.checks import Finding, Ref, Severity, default_rules
from claimtrack.checks._catalog import _orders, _sorted_unique
from claimtrack.checks._words import listing, source_words
from claimtrack.graph import GraphBuilder, OriginGroup
from claimtrack.records import Stance
from claimtrack.testing import graphs

RULES = default_rules()
RECORD_TYPES = ["source", "document", "claim", "attribution", "relation", "assessment"]


@st.composite
def tangled_graphs(draw: st.DrawFn) -> ClaimGraph:
    """Draw a broken graph, sometimes with records that share an id.

    Merging two graphs drawn apart gives conflicting records under one id;
    copies of some attributions with another stance give a claim origins
    that agree and origins that deny.
    """
    graph = draw(
        graphs(consistent=False)
        | st.tuples(graphs(consistent=False), graphs(consistent=False)).map(
            lambda pair: pair[0].merge(pair[1])
        )
    )
    attributions = list(graph.attributions)
    if not attributions:
        return graph
    copies = [
        attrs.evolve(
            original,
            id=f"{original.id}-copy",
            stance=draw(st.sampled_from(Stance)),
            via=None,
        )
        for original in draw(st.lists(st.sampled_from(attributions), max_size=4))
    ]
    return graph.merge(ClaimGraph.of(copies))


def claim_ids(graph: ClaimGraph) -> list[str]:
    """Return every claim id the graph knows of, and one it does not."""
    known = {c.id for c in graph.claims} | {a.claim for a in graph.attributions}
    return sorted(known | {"absent"})


# --- sorting findings -----------------------------------------------------------


def refs() -> st.SearchStrategy[Ref]:
    """Return a strategy for references, from a small pool so that some repeat."""
    return st.builds(
        Ref, type=st.sampled_from(RECORD_TYPES), id=st.sampled_from(["a", "b", "c"])
    )


def findings() -> st.SearchStrategy[Finding]:
    """Return a strategy for findings of one rule, with ties and exact repeats."""
    return st.builds(
        Finding,
        code=st.just("CT999"),
        severity=st.sampled_from(Severity),
        message=st.sampled_from(["m", "n"]),
        records=st.lists(refs(), max_size=3).map(tuple),
        hint=st.sampled_from(["", "h"]),
    )


def by_key(finding: Finding) -> tuple[object, ...]:
    """Return what findings sort by."""
    return finding.sort_key


@given(st.lists(findings(), max_size=30))
def test_bulk_keys_order_as_the_sort_keys(found: list[Finding]) -> None:
    """Two findings' bulk keys compare as their sort keys do, both ways."""
    keys = _orders(found)
    assert len(keys) == len(found)
    for first, key in zip(found, keys, strict=True):
        for second, other in zip(found, keys, strict=True):
            assert (key < other) == (first.sort_key < second.sort_key)
            assert (key == other) == (first.sort_key == second.sort_key)


@given(st.lists(findings(), max_size=30))
def test_sorted_input_comes_back_as_the_sorted_set(found: list[Finding]) -> None:
    """A rule's output already in order, repeats or not, is sorted and deduplicated."""
    ordered = sorted(found, key=by_key)
    expected = sorted(dict.fromkeys(found), key=by_key)
    assert _sorted_unique(ordered) == expected
    assert _sorted_unique(expected) == expected


@given(st.lists(findings(), min_size=2, max_size=30))
def test_equal_neighbours_are_not_taken_for_sorted(found: list[Finding]) -> None:
    """A finding repeated next to itself in sorted output is reported once."""
    ordered = sorted(dict.fromkeys(found), key=by_key)
    doubled = [ordered[0], *ordered]
    assert _sorted_unique(doubled) == ordered


# --- origin groups in bulk ------------------------------------------------------


@given(tangled_graphs())
def test_supporting_groups_are_the_corroborating_groups(graph: ClaimGraph) -> None:
    """Each claim's groups in a walk are the supporting side it is memoised with."""
    wanted = claim_ids(graph)
    walked = list(graph._supporting_groups(wanted))
    fresh = ClaimGraph.of(graph)
    assert walked == [fresh.corroborating_groups(c)[0] for c in wanted]
    assert all(type(group) is OriginGroup for groups in walked for group in groups)


@given(tangled_graphs())
def test_supporting_groups_after_the_memo_is_filled(graph: ClaimGraph) -> None:
    """A walk after `corroborating_groups` was asked gives the same groups."""
    wanted = claim_ids(graph)
    expected = [graph.corroborating_groups(c)[0] for c in wanted]
    assert list(graph._supporting_groups(reversed(wanted))) == expected[::-1]


def plain_single_origin(graph: ClaimGraph) -> list[Finding]:
    """CT302 by its definition: fact claims with one supporting origin group."""
    found = []
    for claim in graph.claims:
        groups = graph.corroborating_groups(claim.id)[0]
        if claim.kind is not ClaimKind.FACT or len(groups) != 1:
            continue
        found.append(
            RULES.get("CT302").finding(
                f"claim {claim.id!r} rests on a single independent origin: "
                f"{source_words(graph, groups[0].root)} and those who answer to it",
                records=[Ref.to(claim), Ref(type="source", id=groups[0].root)],
                hint="Look for an origin that does not answer to the same party, "
                "and check that the sources' affiliations are right.",
            )
        )
    return found


def plain_anonymous_only(graph: ClaimGraph) -> list[Finding]:
    """CT301 by its definition: fact claims resting on anonymous origins alone."""
    found = []
    for claim in graph.claims:
        groups = graph.corroborating_groups(claim.id)[0]
        origins = [origin for group in groups for origin in group.origins]
        if claim.kind is not ClaimKind.FACT or not origins:
            continue
        named = [graph.source(origin.source) for origin in origins]
        if not all(source is not None and source.anonymous for source in named):
            continue
        origins.sort(key=lambda origin: (origin.claim != claim.id, origin.id))
        sources = list(dict.fromkeys(origin.source for origin in origins))
        noun = "source" if len(sources) == 1 else "sources"
        found.append(
            RULES.get("CT301").finding(
                f"claim {claim.id!r} rests only on anonymous {noun}: "
                + listing([source_words(graph, s) for s in sources]),
                records=[
                    Ref.to(claim),
                    *(Ref(type="source", id=s) for s in sorted(sources)),
                ],
                hint="Attribute it to the anonymous source in any write-up, and "
                "look for an on-the-record confirmation to add as another origin.",
            )
        )
    return found


@given(tangled_graphs())
def test_ct302_is_claim_by_claim(graph: ClaimGraph) -> None:
    """CT302 walking its claims in bulk reports what asking each claim reports."""
    assert RULES.get("CT302")(graph) == plain_single_origin(ClaimGraph.of(graph))


@given(tangled_graphs())
def test_ct301_is_claim_by_claim(graph: ClaimGraph) -> None:
    """CT301 walking its claims in bulk reports what asking each claim reports."""
    assert RULES.get("CT301")(graph) == plain_anonymous_only(ClaimGraph.of(graph))


def test_anonymous_origins_of_one_claim_are_reported_together() -> None:
    """Two anonymous origins under two roots make one CT301 finding, no CT302."""
    b = GraphBuilder()
    named = b.source("named", "Named")
    document = b.document("d", publisher=named)
    claim = b.claim("c", "Something happened.", language="en", kind="fact")
    for source_id in ("anon-a", "anon-b"):
        anonymous = b.source(source_id, source_id, anonymous=True, descriptor="x")
        b.attribute(claim, source=anonymous, document=document)
    graph = b.build()
    found = RULES.get("CT301")(graph)
    assert [[str(r) for r in f.records] for f in found] == [
        ["claim:c", "source:anon-a", "source:anon-b"]
    ]
    assert RULES.get("CT302")(graph) == []
