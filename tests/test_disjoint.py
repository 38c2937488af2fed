"""Tests for the disjoint sets behind same_as clusters and duplicate sources."""

from __future__ import annotations

import random as random_module

from hypothesis import given
from hypothesis import strategies as st

from claimtrack._disjoint import DisjointSets

pairs = st.lists(
    st.tuples(st.sampled_from("abcdefgh"), st.sampled_from("abcdefgh")), max_size=20
)


def components(edges: list[tuple[str, str]]) -> set[frozenset[str]]:
    """Return the connected components of *edges*, found the slow, obvious way."""
    found: list[set[str]] = []
    for a, b in edges:
        touching = [group for group in found if a in group or b in group]
        merged = {a, b}.union(*touching)
        found = [group for group in found if group not in touching] + [merged]
    return {frozenset(group) for group in found}


@given(pairs)
def test_groups_are_the_connected_components(edges: list[tuple[str, str]]) -> None:
    """The sets are exactly the connected components, each named by its least item."""
    sets = DisjointSets()
    for a, b in edges:
        sets.union(a, b)
    groups = sets.groups()
    assert components(edges) == {frozenset(members) for members in groups.values()}
    assert all(name == min(members) for name, members in groups.items())


@given(pairs, st.randoms())
def test_names_do_not_depend_on_union_order(
    edges: list[tuple[str, str]], random: random_module.Random
) -> None:
    """Merging in another order gives every item the same set name."""
    forward, shuffled = DisjointSets(), DisjointSets()
    for a, b in edges:
        forward.union(a, b)
    reordered = list(edges)
    random.shuffle(reordered)
    for a, b in reordered:
        shuffled.union(b, a)
    assert {i: forward.find(i) for i in "abcdefgh"} == {
        i: shuffled.find(i) for i in "abcdefgh"
    }


def test_an_item_never_merged_is_its_own_set() -> None:
    """Looking up an unknown item names the item itself and records nothing."""
    sets = DisjointSets()
    assert "x" == sets.find("x")
    assert [] == list(sets)
