"""The bulk paths of the checks and the graph, against their plain definitions.

Sorting keys built in bulk, rule output that is found to be in order already,
origin groups, support and interest worked out claim after claim for a whole
walk, origins and leaves found in one pass, references and words made once and
shared, and values shared by the rules of one run are each compared with the
straightforward computation they replace, on random graphs from
:mod:`claimtrack.testing`, broken ones and ones with conflicting records
included.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import ClaimGraph, ClaimKind
from claimtrack.checks import (
    Finding,
    Ref,
    RuleError,
    check,
    default_rules,
    rule,
)
from claimtrack.checks._catalog import _in_order, _orders, _sorted_unique
from claimtrack.checks._core import Memo, RefsOf, shared, sharing
from claimtrack.checks._sourcing import _relayed_apart
from claimtrack.checks._words import listing, source_words
from claimtrack.graph import GraphBuilder, OriginGroup
from claimtrack.records import Attribution, Stance
from test_checks_fast import by_key, findings
from test_graph_caches import broken_or_merged_graphs

RULES = default_rules()
RECORD_TYPES = ["source", "document", "claim", "attribution", "relation", "assessment"]


@st.composite
def tangled_graphs(draw: st.DrawFn) -> ClaimGraph:
    """Draw a broken graph, sometimes with records that share an id.

    Merging two graphs drawn apart gives conflicting records under one id;
    copies of some attributions with another stance give a claim origins
    that agree and origins that deny.
    """
    graph = draw(broken_or_merged_graphs())
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


# --- findings found in order ----------------------------------------------------


def strictly_increasing(found: list[Finding]) -> bool:
    """Whether each finding's sort key is below the next one's."""
    return all(a.sort_key < b.sort_key for a, b in itertools.pairwise(found))


@given(st.lists(findings(), max_size=30))
def test_in_order_is_strictly_increasing_keys(found: list[Finding]) -> None:
    """Comparing first ids, then whole keys of ties, decides as whole keys do."""
    ordered = sorted(found, key=by_key)
    unique = sorted(dict.fromkeys(found), key=by_key)
    for candidate in (found, ordered, unique, unique[::-1]):
        assert _in_order(candidate) == strictly_increasing(candidate)


def test_in_order_compares_whole_keys_of_a_record_reported_twice() -> None:
    """Findings that name the same first record are ordered by the rest."""
    a, b = Ref(type="claim", id="a"), Ref(type="claim", id="b")
    first = Finding(code="CT999", severity="info", message="m", records=[a, b])
    second = Finding(code="CT999", severity="info", message="m", records=[a])
    assert not _in_order([first, second])
    assert _in_order([second, first])


def test_rule_call_still_rejects_a_foreign_code() -> None:
    """The codes of a rule's findings are checked, however they are compared."""
    foreign = Finding(code="X2", severity="info", message="m", records=[])

    @rule(code="X1", name="foreign", severity="info", summary="s", explanation="e")
    def foreign_rule(_: ClaimGraph) -> list[Finding]:
        return [foreign_rule.finding("m", records=[]), foreign]

    with pytest.raises(RuleError, match="'X2'"):
        foreign_rule(ClaimGraph())


# --- claims walked in bulk ------------------------------------------------------


def plain_support(graph: ClaimGraph, claim_id: str) -> tuple[Attribution, ...] | None:
    """The origins of the supporting groups, by id; None for a related claim."""
    if graph.relations_of(claim_id):
        return None
    groups = graph.corroborating_groups(claim_id)[0]
    origins = [origin for group in groups for origin in group.origins]
    return tuple(sorted(origins, key=lambda origin: origin.id))


@given(tangled_graphs())
def test_own_support_is_the_supporting_origins(graph: ClaimGraph) -> None:
    """A claim in no relation is supported by its own origins that do not deny it."""
    wanted = claim_ids(graph)
    fresh = ClaimGraph.of(graph)
    expected = [plain_support(fresh, c) for c in wanted]
    assert list(graph._own_support(wanted)) == expected


@given(tangled_graphs())
def test_own_interest_is_the_interested_evidence(graph: ClaimGraph) -> None:
    """A claim in no relation has the interested evidence asked of it alone."""
    wanted = claim_ids(graph)
    fresh = ClaimGraph.of(graph)
    expected = [
        None if fresh.relations_of(c) else fresh.interested_evidence(c) for c in wanted
    ]
    assert list(graph._own_interest(wanted)) == expected


@given(tangled_graphs())
def test_origins_and_leaves_in_either_order(graph: ClaimGraph) -> None:
    """Origins and leaves, found in one pass, are the same whichever is asked first."""
    wanted = claim_ids(graph)
    leaves_first = ClaimGraph.of(graph)
    leaves = [leaves_first.leaves_of(c) for c in wanted]
    origins = [leaves_first.origins_of(c) for c in wanted]
    origins_first = ClaimGraph.of(graph)
    assert origins == [origins_first.origins_of(c) for c in wanted]
    assert leaves == [origins_first.leaves_of(c) for c in wanted]
    relayed = {a.via for a in graph.attributions}
    for claim_id, found in zip(wanted, leaves, strict=True):
        expected = [
            a for a in graph.attributions if a.claim == claim_id and a.id not in relayed
        ]
        assert list(found) == expected


@given(tangled_graphs())
def test_relayed_apart_are_the_claims_with_two_chains(graph: ClaimGraph) -> None:
    """CT303 looks at exactly the claim records with at least two leaves."""
    expected = [c for c in graph.claims if len(graph.leaves_of(c.id)) >= 2]
    assert list(_relayed_apart(ClaimGraph.of(graph))) == expected


# --- names and references made once ---------------------------------------------


def plain_relayed_before_published(graph: ClaimGraph) -> list[Finding]:
    """CT201 record by record, each finding built from scratch."""
    found = []
    rule_ = RULES.get("CT201")
    for attribution in graph.attributions:
        document = graph.document(attribution.document)
        if document is None or document.published is None:
            continue
        if attribution.said is not None and document.published.certainly_before(
            attribution.said
        ):
            found.append(
                rule_.finding(
                    f"attribution {attribution.id!r} was said on {attribution.said}, "
                    f"after document {document.id!r} that reports it was published "
                    f"on {document.published}",
                    records=[Ref.to(attribution), Ref.to(document)],
                    hint="Check the statement's date and the document's "
                    "publication date.",
                )
            )
        upstream = (
            None if attribution.via is None else graph.attribution(attribution.via)
        )
        if upstream is None:
            continue
        source_document = graph.document(upstream.document)
        if source_document is None or source_document.published is None:
            continue
        if document.published.certainly_before(source_document.published):
            found.append(
                rule_.finding(
                    f"attribution {attribution.id!r} in document {document.id!r} "
                    f"(published {document.published}) relays document "
                    f"{source_document.id!r}, published later, on "
                    f"{source_document.published}",
                    records=[
                        Ref.to(attribution),
                        Ref.to(document),
                        Ref.to(upstream),
                        Ref.to(source_document),
                    ],
                    hint="Check both publication dates, and that the relay names "
                    "the hop it really reports.",
                )
            )
    return found


def plain_relay_not_by_publisher(graph: ClaimGraph) -> list[Finding]:
    """CT105 record by record, each finding built from scratch."""
    found = []
    for attribution in graph.attributions:
        upstream = (
            None if attribution.via is None else graph.attribution(attribution.via)
        )
        document = None if upstream is None else graph.document(upstream.document)
        if upstream is None or document is None or document.publisher is None:
            continue
        if attribution.source == document.publisher:
            continue
        found.append(
            RULES.get("CT105").finding(
                f"attribution {attribution.id!r} relays attribution "
                f"{upstream.id!r} from document {document.id!r}, published by "
                f"{source_words(graph, document.publisher)}, but credits "
                f"{source_words(graph, attribution.source)}",
                records=[
                    Ref.to(attribution),
                    Ref.to(upstream),
                    Ref.to(document),
                    Ref(type="source", id=document.publisher),
                ],
                hint=f"Credit the relay to {document.publisher!r}, the publisher "
                f"of {document.id!r}, or check that it relays the right hop.",
            )
        )
    return found


@given(tangled_graphs())
def test_ct201_words_made_once_are_the_plain_words(graph: ClaimGraph) -> None:
    """CT201 with shared references and words says what it always said."""
    assert RULES.get("CT201")(graph) == plain_relayed_before_published(graph)


@given(tangled_graphs())
def test_ct105_words_made_once_are_the_plain_words(graph: ClaimGraph) -> None:
    """CT105 with shared references and words says what it always said."""
    assert RULES.get("CT105")(graph) == plain_relay_not_by_publisher(graph)


@given(st.lists(st.tuples(st.sampled_from(RECORD_TYPES), st.text(max_size=3))))
def test_shared_refs_are_the_refs(wanted: list[tuple[str, str]]) -> None:
    """A reference made once per id equals, hashes and orders as a fresh one."""
    tables = {kind: RefsOf(kind) for kind in RECORD_TYPES}
    made = [tables[kind][record_id] for kind, record_id in wanted]
    fresh = [Ref(type=kind, id=record_id) for kind, record_id in wanted]
    assert made == fresh
    assert [hash(r) for r in made] == [hash(r) for r in fresh]
    assert sorted(made) == sorted(fresh)
    for kind, record_id in wanted:
        assert tables[kind][record_id] is tables[kind][record_id]


def test_memo_describes_each_id_once() -> None:
    """Words are worked out on first use, then looked up."""
    asked: list[str] = []

    def describe(key: str) -> str:
        asked.append(key)
        return key.upper()

    words = Memo(describe)
    assert [words[k] for k in ["a", "b", "a", "a"]] == ["A", "B", "A", "A"]
    assert asked == ["a", "b"]


# --- what the rules of a run share ----------------------------------------------


def test_shared_is_worked_out_once_per_run_and_graph() -> None:
    """Within a run each graph's value is computed once; outside, every time."""
    calls: list[int] = []
    one, other = ClaimGraph(), GraphBuilder()
    other.source("s", "S")
    two = other.build()

    def compute(n: int) -> Callable[[], int]:
        def count() -> int:
            calls.append(n)
            return n

        return count

    assert shared(one, "x", compute(1)) == 1
    assert shared(one, "x", compute(1)) == 1
    assert calls == [1, 1]
    calls.clear()
    with sharing():
        assert shared(one, "x", compute(1)) == 1
        assert shared(one, "x", compute(9)) == 1
        assert shared(two, "x", compute(2)) == 2
        assert shared(one, "y", compute(3)) == 3
    assert calls == [1, 2, 3]
    assert shared(one, "x", compute(4)) == 4


@given(tangled_graphs())
def test_rules_run_together_find_what_they_find_apart(graph: ClaimGraph) -> None:
    """Sharing values across the rules of a run changes no rule's findings."""
    together = check(graph)
    apart = [f for r in RULES for f in _sorted_unique(r(ClaimGraph.of(graph)))]
    assert together == apart
