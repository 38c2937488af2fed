"""Disjoint sets (union-find): items grouped into sets that only ever merge.

Used where "these two are the same" must be closed transitively in linear time:
claims joined by `same_as`, sources whose names match. Each set is named by its
smallest item, so the answer does not depend on the order of the unions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

__all__ = ["DisjointSets"]


def __dir__() -> list[str]:
    return list(__all__)


class DisjointSets:
    """Items in sets that merge; each set is named by its smallest item."""

    __slots__ = ("_parent",)

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        """Return the name of the set holding *item* (itself if never merged)."""
        parent = self._parent
        root = item
        while parent.get(root, root) != root:
            root = parent[root]
        # Path compression, iteratively: later finds take one step.
        while item != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, first: str, second: str) -> None:
        """Merge the sets holding *first* and *second*."""
        parent = self._parent
        parent.setdefault(first, first)
        parent.setdefault(second, second)
        a, b = self.find(first), self.find(second)
        if a != b:
            parent[max(a, b)] = min(a, b)

    def __iter__(self) -> Iterator[str]:
        """Iterate over every item ever merged, in the order first seen."""
        return iter(list(self._parent))

    def groups(self) -> dict[str, list[str]]:
        """Return each set's members by the set's name."""
        grouped: defaultdict[str, list[str]] = defaultdict(list)
        for item in self:
            grouped[self.find(item)].append(item)
        return dict(grouped)
