"""`ClaimGraph`: the records of one or many articles, indexed and navigable.

A graph is immutable and holds its records in canonical order (by type, then
id), so two graphs with the same records are equal however they were built.
Every derived structure (indexes, relay chains, origins, affiliation roots,
origin groups) is computed once, on first use, in time linear in the graph, and
without recursion, so a relay chain a hundred thousand hops deep is no harder
than a short one.

A graph may hold problems: references to ids that do not exist, relay loops, two
different records under one id. It still builds; the checks report them.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import json
import operator
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from ._bulk import collection_paused
from ._disjoint import DisjointSets
from .records import (
    RECORD_TYPES,
    Assessment,
    Attribution,
    Claim,
    Document,
    Record,
    Relation,
    RelationKind,
    Source,
    Stance,
)

__all__ = ["ClaimGraph", "GraphBuilder", "OriginGroup"]


def __dir__() -> list[str]:
    return list(__all__)


R = TypeVar("R", Source, Document, Claim, Attribution, Relation, Assessment)


def _canonical(records: Iterable[R]) -> tuple[R, ...]:
    """Sort by id, drop exact duplicates, and order same-id conflicts stably."""
    records = records if type(records) is list else list(records)
    ids = _ids(records)
    if all(map(operator.lt, ids, itertools.islice(ids, 1, None))):
        # Already in canonical order, as a file's records are: strictly
        # increasing ids, so no duplicates and no conflicts either.
        return tuple(records)
    if not _RECORD_TYPES.issuperset(map(type, records)):
        # Not records: left as they are, for the field's validator to name.
        return tuple(records)
    # Sorted by the ids already read (a stable sort: records that share an
    # id stay in the order given until their content orders them).
    order = sorted(range(len(records)), key=ids.__getitem__)
    ordered = list(map(records.__getitem__, order))
    ids = list(map(ids.__getitem__, order))
    out: list[R] = []
    i = 0
    n = len(ordered)
    while i < n:
        j = i + 1
        while j < n and ids[j] == ids[i]:
            j += 1
        if j == i + 1:
            out.append(ordered[i])
        elif all(map(operator.eq, itertools.repeat(ordered[i]), ordered[i + 1 : j])):
            # Copies of one record, as merging files that share it gives: kept
            # once, without hashing each copy or writing out its content.
            out.append(ordered[i])
        else:
            # Several records share an id: keep each distinct one, in an order
            # that does not depend on how they were added.
            distinct = dict.fromkeys(ordered[i:j])
            out.extend(sorted(distinct, key=_content_key))
        i = j
    return tuple(out)


def _record_id(record: Record) -> str:
    # Tolerate non-records here so that the field validator can name them.
    return getattr(record, "id", "")


_id_of = operator.attrgetter("id")
_RECORD_TYPES = frozenset(RECORD_TYPES)


def _ids(records: list[Any]) -> list[str]:
    try:
        return list(map(_id_of, records))
    except AttributeError:
        return list(map(_record_id, records))


def _content_key(record: Record) -> str:
    """Return a text that orders records by content, whatever their history.

    ``repr`` would do, but it shows mapping keys in insertion order, so two
    equal graphs could order their conflicting records differently.
    """
    values = [getattr(record, f.name) for f in attrs.fields(type(record)) if f.init]
    return json.dumps(values, sort_keys=True, ensure_ascii=False, default=_plain)


def _plain(value: object) -> object:
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, enum.Enum):
        return value.value
    return str(value)


def _only(kind: type[Any]) -> Callable[[object, attrs.Attribute[Any], Any], None]:
    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if {kind}.issuperset(map(type, value)):
            return
        for i, record in enumerate(value):
            if type(record) is not kind:
                msg = (
                    f"{attribute.name} must hold only {kind.__name__} records, "
                    f"got {type(record).__name__} at [{i}]"
                )
                raise TypeError(msg)

    return check


@attrs.frozen(kw_only=True)
class OriginGroup:
    """Origins of a claim that are one voice: their affiliations meet at *root*.

    Attributes:
        root: Id of the affiliation root shared by the origins' sources (the
            origin's own source when it has no affiliation).
        origins: The first-hand attributions in the group, by id.
    """

    root: str
    origins: tuple[Attribution, ...]


_Sides = tuple[tuple[OriginGroup, ...], tuple[OriginGroup, ...]]
"""Origin groups for a claim, then against it."""

_set_root = OriginGroup.__dict__["root"].__set__
_set_origins = OriginGroup.__dict__["origins"].__set__


def _origin_group(root: str, origins: tuple[Attribution, ...]) -> OriginGroup:
    """Return ``OriginGroup(root=root, origins=origins)``, built in bulk.

    The graph builds one per origin group of every claim; its fields need no
    conversion, so they are set directly, as the frozen class's ``__init__``
    would set them.
    """
    group: OriginGroup = object.__new__(OriginGroup)
    _set_root(group, root)
    _set_origins(group, origins)
    return group


_Interest = tuple[
    dict[str, tuple[int, str, Attribution]],
    list[int],
    list[tuple[int, str, Attribution]],
]
"""A same_as cluster's interested origins: by the claims they were said of
(origin id to party's position, party and origin), then every candidate by its
source's position (positions, then position, origin id and origin)."""

_NO_SPANS: tuple[list[int], list[tuple[int, int, str]]] = ([], [])


class _Walk:
    """Where following a link (``via``, ``affiliation``) from each id ends.

    Built in one pass over all ids; each id is visited a bounded number of
    times, so the total cost is linear whatever the lengths of the chains.
    ``end`` maps each id to the id its chain ends at (None if the chain loops
    or dangles), ``depth`` each id that is not an end to the number of links
    from it to its end.
    """

    __slots__ = ("cycles", "depth", "end", "in_cycle")

    def __init__(self, index: Mapping[str, Any], field: str) -> None:
        # Each record of *index* links, in its *field*, to the next id, or to
        # None at a proper end; an id that *index* lacks does not exist.
        follow = operator.attrgetter(field)
        ids = list(index)
        links = list(map(follow, index.values()))
        # Most records are proper ends (first-hand attributions, sources with
        # no affiliation): they are settled in bulk, and only the rest walked.
        last = map(operator.is_, links, itertools.repeat(None))
        ends = list(itertools.compress(ids, last))
        end: dict[str, str | None] = dict(zip(ends, ends, strict=True))
        linked = list(map(operator.is_not, links, itertools.repeat(None)))
        starts = list(itertools.compress(ids, linked))
        nexts = list(itertools.compress(links, linked))
        # So are most of the rest, linked straight to an end (relays of a
        # first-hand attribution).
        direct = list(map(end.__contains__, nexts))
        hops = list(itertools.compress(starts, direct))
        end.update(zip(hops, itertools.compress(nexts, direct), strict=True))
        # Steps to the end, for the ids that are not ends themselves.
        depth: dict[str, int] = dict.fromkeys(hops, 1)
        in_cycle: set[str] = set()
        cycles: list[tuple[str, ...]] = []
        # Where each id of the current path is in it. Entries left from earlier
        # paths are never read: every id on a path has an end once it is done.
        position: dict[str, int] = {}
        for start in itertools.compress(starts, map(operator.not_, direct)):
            if start in end:
                continue
            path: list[str] = []
            current = start
            result: str | None
            while True:
                if current in end:
                    result = end[current]
                    base_depth = depth.get(current, 0) + 1
                    break
                if current in position:
                    cycle = path[position[current] :]
                    in_cycle.update(cycle)
                    cycles.append(tuple(cycle))
                    result = None
                    base_depth = 0
                    break
                record = index.get(current)
                if record is None:
                    # A dangling link: the walk ends before a real end.
                    result = None
                    base_depth = 0
                    break
                position[current] = len(path)
                path.append(current)
                current = follow(record)
            for offset, node in enumerate(reversed(path)):
                end[node] = result
                depth[node] = base_depth + offset
        self.end = end
        self.depth = depth
        self.in_cycle = frozenset(in_cycle)
        self.cycles = tuple(cycles)


def _frozen(grouped: Mapping[str, list[R]]) -> dict[str, tuple[R, ...]]:
    """Return the groups as tuples, keys in the same order."""
    return dict(zip(grouped, map(tuple, grouped.values()), strict=True))


@attrs.frozen(kw_only=True, eq=True, hash=False)
class ClaimGraph:
    """An immutable, indexed collection of claim records.

    Build one from records (`ClaimGraph.of`), with `GraphBuilder`, or by loading
    a file (`claimtrack.load`). Lookups by id return the first record with that
    id; `conflicts` lists ids held by more than one distinct record.
    """

    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_canonical, validator=_only(Source)
    )
    documents: tuple[Document, ...] = attrs.field(
        default=(), converter=_canonical, validator=_only(Document)
    )
    claims: tuple[Claim, ...] = attrs.field(
        default=(), converter=_canonical, validator=_only(Claim)
    )
    attributions: tuple[Attribution, ...] = attrs.field(
        default=(), converter=_canonical, validator=_only(Attribution)
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_canonical, validator=_only(Relation)
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        default=(), converter=_canonical, validator=_only(Assessment)
    )
    _cache: dict[str, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    @classmethod
    def of(cls, records: Iterable[Record]) -> ClaimGraph:
        """Build a graph from records of any of the six types, in any order."""
        groups: dict[type[Any], list[Any]] = {t: [] for t in RECORD_TYPES}
        for record in records:
            try:
                groups[type(record)].append(record)
            except KeyError:
                msg = f"expected a claimtrack record, got {type(record).__name__}"
                raise TypeError(msg) from None
        return cls(
            sources=groups[Source],
            documents=groups[Document],
            claims=groups[Claim],
            attributions=groups[Attribution],
            relations=groups[Relation],
            assessments=groups[Assessment],
        )

    def __hash__(self) -> int:
        return hash(
            (
                self.sources,
                self.documents,
                self.claims,
                self.attributions,
                self.relations,
                self.assessments,
            )
        )

    def __iter__(self) -> Iterator[Record]:
        """Iterate over every record, in canonical order."""
        yield from self.sources
        yield from self.documents
        yield from self.claims
        yield from self.attributions
        yield from self.relations
        yield from self.assessments

    def __len__(self) -> int:
        return (
            len(self.sources)
            + len(self.documents)
            + len(self.claims)
            + len(self.attributions)
            + len(self.relations)
            + len(self.assessments)
        )

    def merge(self, *others: ClaimGraph) -> ClaimGraph:
        """Return a graph with the records of this graph and *others*.

        Identical records are kept once. Different records with the same id are
        all kept, never overwritten: `conflicts` lists them and the checks
        report them (CT102).
        """
        return ClaimGraph.of(record for graph in (self, *others) for record in graph)

    # --- memoisation --------------------------------------------------------

    def _memo(self, key: str, compute: Callable[[], Any]) -> Any:
        cache = self._cache
        try:
            return cache[key]
        except KeyError:
            pass
        with collection_paused():
            value = cache[key] = compute()
        return value

    def _table(self, key: str) -> dict[str, Any]:
        """Return the memo table *key*, for values computed one id at a time."""
        table: dict[str, Any] | None = self._cache.get(key)
        if table is None:
            table = self._cache[key] = {}
        return table

    def _index(self, records: Sequence[R]) -> dict[str, R]:
        index = dict(zip(map(_id_of, records), records, strict=True))
        if len(index) < len(records):
            # Several records share an id: each id is in place, in the order
            # of its first record, but holds its last; the first must win.
            backwards = records[::-1]
            index.update(zip(map(_id_of, backwards), backwards, strict=True))
        return index

    # --- lookups by id ------------------------------------------------------

    @property
    def source_index(self) -> Mapping[str, Source]:
        """Sources by id."""
        index = self._cache.get("sources")
        if index is None:
            index = self._memo("sources", lambda: self._index(self.sources))
        return index  # type: ignore[no-any-return]

    @property
    def document_index(self) -> Mapping[str, Document]:
        """Documents by id."""
        index = self._cache.get("documents")
        if index is None:
            index = self._memo("documents", lambda: self._index(self.documents))
        return index  # type: ignore[no-any-return]

    @property
    def claim_index(self) -> Mapping[str, Claim]:
        """Claims by id."""
        index = self._cache.get("claims")
        if index is None:
            index = self._memo("claims", lambda: self._index(self.claims))
        return index  # type: ignore[no-any-return]

    @property
    def attribution_index(self) -> Mapping[str, Attribution]:
        """Attributions by id."""
        index = self._cache.get("attributions")
        if index is None:
            index = self._memo("attributions", lambda: self._index(self.attributions))
        return index  # type: ignore[no-any-return]

    @property
    def relation_index(self) -> Mapping[str, Relation]:
        """Relations by id."""
        index = self._cache.get("relations")
        if index is None:
            index = self._memo("relations", lambda: self._index(self.relations))
        return index  # type: ignore[no-any-return]

    @property
    def assessment_index(self) -> Mapping[str, Assessment]:
        """Assessments by id."""
        index = self._cache.get("assessments")
        if index is None:
            index = self._memo("assessments", lambda: self._index(self.assessments))
        return index  # type: ignore[no-any-return]

    def source(self, source_id: str) -> Source | None:
        """Return the source with id *source_id*, or None."""
        return self.source_index.get(source_id)

    def document(self, document_id: str) -> Document | None:
        """Return the document with id *document_id*, or None."""
        return self.document_index.get(document_id)

    def claim(self, claim_id: str) -> Claim | None:
        """Return the claim with id *claim_id*, or None."""
        return self.claim_index.get(claim_id)

    def attribution(self, attribution_id: str) -> Attribution | None:
        """Return the attribution with id *attribution_id*, or None."""
        return self.attribution_index.get(attribution_id)

    def conflicts(self) -> list[tuple[Record, ...]]:
        """Return each set of distinct records of one type that share an id."""

        def compute() -> list[tuple[Record, ...]]:
            found: list[tuple[Record, ...]] = []
            groups: tuple[tuple[Sequence[Record], Mapping[str, Record]], ...] = (
                (self.sources, self.source_index),
                (self.documents, self.document_index),
                (self.claims, self.claim_index),
                (self.attributions, self.attribution_index),
                (self.relations, self.relation_index),
                (self.assessments, self.assessment_index),
            )
            for group, index in groups:
                # The index, needed anyway, tells at once whether any id is
                # held twice; records are in id order, so those of one id are
                # adjacent.
                if len(index) < len(group):
                    for _, same in itertools.groupby(group, _id_of):
                        run = tuple(same)
                        if len(run) > 1:
                            found.append(run)
            return found

        return self._memo("conflicts", compute)  # type: ignore[no-any-return]

    # --- what refers to what ------------------------------------------------

    def _group_by(
        self, key: str, records: Sequence[R], field: str
    ) -> dict[str, tuple[R, ...]]:
        grouped: dict[str, tuple[R, ...]] | None = self._cache.get(key)
        if grouped is not None:
            return grouped

        def compute() -> dict[str, tuple[R, ...]]:
            grouped: defaultdict[str, list[R]] = defaultdict(list)
            for record in records:
                value = getattr(record, field)
                if value is not None:
                    grouped[value].append(record)
            return _frozen(grouped)

        return self._memo(key, compute)  # type: ignore[no-any-return]

    def attributions_of(self, claim_id: str) -> tuple[Attribution, ...]:
        """Return every attribution of the claim, relays included."""
        return self._group_by("by-claim", self.attributions, "claim").get(claim_id, ())

    def assessments_of(self, claim_id: str) -> tuple[Assessment, ...]:
        """Return the analysts' assessments of the claim."""
        return self._group_by("assessed", self.assessments, "claim").get(claim_id, ())

    def relations_of(self, claim_id: str) -> tuple[Relation, ...]:
        """Return the relations the claim takes part in, either end."""
        return self._related().get(claim_id, ())

    def _related(self) -> dict[str, tuple[Relation, ...]]:
        related: dict[str, tuple[Relation, ...]] | None = self._cache.get("related")
        if related is not None:
            return related

        def compute() -> dict[str, tuple[Relation, ...]]:
            grouped: defaultdict[str, list[Relation]] = defaultdict(list)
            for relation in self.relations:
                grouped[relation.claim].append(relation)
                if relation.target != relation.claim:
                    grouped[relation.target].append(relation)
            return {k: tuple(v) for k, v in grouped.items()}

        return self._memo("related", compute)  # type: ignore[no-any-return]

    def relays_of(self, attribution_id: str) -> tuple[Attribution, ...]:
        """Return the attributions that relay this one (one hop downstream)."""
        return self._group_by("relays", self.attributions, "via").get(
            attribution_id, ()
        )

    def documents_by(self, source_id: str) -> tuple[Document, ...]:
        """Return the documents the source published."""
        return self._group_by("published", self.documents, "publisher").get(
            source_id, ()
        )

    def attributions_in(self, document_id: str) -> tuple[Attribution, ...]:
        """Return the attributions recorded in the document."""
        return self._group_by("recorded", self.attributions, "document").get(
            document_id, ()
        )

    def attributions_by(self, source_id: str) -> tuple[Attribution, ...]:
        """Return the attributions that credit the source."""
        return self._group_by("credited", self.attributions, "source").get(
            source_id, ()
        )

    # --- relay chains and origins -------------------------------------------

    def _relay_walk(self) -> _Walk:
        walk: _Walk | None = self._cache.get("relay-walk")
        if walk is None:
            index = self.attribution_index
            walk = self._memo("relay-walk", lambda: _Walk(index, "via"))
        return walk

    def origin(self, attribution_id: str) -> Attribution | None:
        """Return the first-hand attribution at the end of the relay chain.

        None if the chain never reaches one: it loops, or it relays an
        attribution that does not exist.
        """
        end = self._relay_walk().end.get(attribution_id)
        return None if end is None else self.attribution_index[end]

    def depth(self, attribution_id: str) -> int | None:
        """Return how many relays separate the attribution from its origin."""
        walk = self._relay_walk()
        if walk.end.get(attribution_id) is None:
            return None
        return walk.depth.get(attribution_id, 0)

    def chain(self, attribution_id: str) -> tuple[Attribution, ...]:
        """Return the attribution and every hop upstream of it, origin last.

        The walk stops early, without repeating a hop, at a relay loop or at a
        ``via`` naming an attribution that does not exist.
        """
        index = self.attribution_index
        hops: list[Attribution] = []
        seen: set[str] = set()
        current = index.get(attribution_id)
        while current is not None and current.id not in seen:
            seen.add(current.id)
            hops.append(current)
            current = None if current.via is None else index.get(current.via)
        return tuple(hops)

    def relay_cycles(self) -> tuple[tuple[str, ...], ...]:
        """Return each relay loop once, as the ids of the attributions in it."""
        return self._relay_walk().cycles

    def in_relay_cycle(self, attribution_id: str) -> bool:
        """Whether following ``via`` from the attribution comes back to it."""
        return attribution_id in self._relay_walk().in_cycle

    def leaves_of(self, claim_id: str) -> tuple[Attribution, ...]:
        """Return the claim's most-downstream hops: those nothing else relays.

        Each leaf starts one chain; a claim stated first hand and never relayed
        is its own leaf.
        """
        leaves: dict[str, tuple[Attribution, ...]] | None = self._cache.get("leaves")
        if leaves is None:
            leaves = self._memo("leaves", self._leaves)
        return leaves.get(claim_id, ())

    def _leaves(self) -> dict[str, tuple[Attribution, ...]]:
        return self._chain_ends()[1]

    def _leaves_table(self) -> dict[str, tuple[Attribution, ...]]:
        """Return `leaves_of` for every claim with a leaf, for rules that walk them."""
        leaves: dict[str, tuple[Attribution, ...]] | None = self._cache.get("leaves")
        if leaves is None:
            leaves = self._memo("leaves", self._leaves)
        return leaves

    def origins_of(self, claim_id: str) -> tuple[Attribution, ...]:
        """Return the distinct first-hand attributions behind the claim."""
        origins: dict[str, tuple[Attribution, ...]] | None = self._cache.get("origins")
        if origins is None:
            origins = self._memo("origins", self._origins)
        return origins.get(claim_id, ())

    def _origins(self) -> dict[str, tuple[Attribution, ...]]:
        return self._chain_ends()[0]

    def _chain_ends(
        self,
    ) -> tuple[dict[str, tuple[Attribution, ...]], dict[str, tuple[Attribution, ...]]]:
        """Work out every claim's origins and leaves, and memoise both.

        Both come from one pass over the attributions, each record read once:
        the records are too many to stay in the processor's caches between
        passes, and whoever asks for one (the checks, the confidence
        calculus) asks for the other.
        """
        cache = self._cache
        if "origins" in cache and "leaves" in cache:
            return cache["origins"], cache["leaves"]
        # The relay walk already knows where each attribution's chain ends.
        # Most attributions are first hand, and their own origins: grouped by
        # claim, they are all the origins of most claims, in id order as the
        # attributions are.
        end = self._relay_walk().end
        index = self.attribution_index
        relays = self._group_by("relays", self.attributions, "via")
        first_hand: defaultdict[str, list[Attribution]] = defaultdict(list)
        more: defaultdict[str, set[str]] = defaultdict(set)
        leaves: defaultdict[str, list[Attribution]] = defaultdict(list)
        for attribution in self.attributions:
            attribution_id = attribution.id
            claim_id = attribution.claim
            if attribution_id not in relays:
                leaves[claim_id].append(attribution)
            # A record that shares its id with an earlier one is not what the
            # id looks up: it is nobody's origin, and is left with the relays.
            if attribution.via is None and index[attribution_id] is attribution:
                first_hand[claim_id].append(attribution)
                continue
            # The rest, relays mostly, add an origin only when it is of another
            # claim: an origin of their own claim is in its group already.
            origin_id = end.get(attribution_id)
            if origin_id is not None and index[origin_id].claim != claim_id:
                more[claim_id].add(origin_id)
        by_claim = _frozen(first_hand)
        for claim_id, origin_ids in more.items():
            origin_ids.update(map(_id_of, by_claim.get(claim_id, ())))
            by_claim[claim_id] = tuple(map(index.__getitem__, sorted(origin_ids)))
        found = (by_claim, _frozen(leaves))
        cache["origins"], cache["leaves"] = found
        return found

    # --- affiliations and independence --------------------------------------

    def _affiliation_walk(self) -> _Walk:
        walk: _Walk | None = self._cache.get("affiliation-walk")
        if walk is None:
            index = self.source_index
            walk = self._memo("affiliation-walk", lambda: _Walk(index, "affiliation"))
        return walk

    def affiliation_root(self, source_id: str) -> str:
        """Return the id at the top of the source's affiliation chain.

        A source with no affiliation is its own root. A chain that reaches an id
        with no source record ends there (that id is the root); a chain that
        loops has the smallest id in the loop as its root, so the answer is the
        same wherever the loop is entered.
        """
        roots: dict[str, str] | None = self._cache.get("affiliation-roots")
        if roots is None:
            roots = self._memo("affiliation-roots", self._affiliation_roots)
        return roots.get(source_id, source_id)

    def _affiliation_roots(self) -> dict[str, str]:
        """Map every source to its `affiliation_root`.

        An id that is not a source is its own root, and need not be listed.
        """
        end = self._affiliation_walk().end
        roots = {source_id: root for source_id, root in end.items() if root is not None}
        if len(roots) < len(end):
            # Some chains loop, or stop at a missing id: rare.
            roots.update(self._broken_affiliation_roots())
        return roots

    def _broken_affiliation_roots(self) -> dict[str, str]:
        """Map the sources whose affiliation walk has no end to their roots."""
        roots: dict[str, str] = {}
        index = self.source_index
        walk = self._affiliation_walk()
        for cycle in walk.cycles:
            root = min(cycle)
            for member in cycle:
                roots[member] = root
        for start in index:
            if walk.end.get(start) is not None or start in roots:
                continue
            path: list[str] = []
            current: str | None = start
            while current is not None and current not in roots:
                path.append(current)
                source = index.get(current)
                if source is None:
                    roots[current] = current
                    break
                current = source.affiliation
            root = roots[current] if current is not None else path[-1]
            for node in path:
                roots[node] = root
        return roots

    def affiliation_cycles(self) -> tuple[tuple[str, ...], ...]:
        """Return each affiliation loop once, as the ids of the sources in it."""
        return self._affiliation_walk().cycles

    def origin_groups(self, claim_id: str) -> tuple[OriginGroup, ...]:
        """Return the claim's origins grouped by affiliation root.

        Origins whose sources answer to the same root are one voice: two
        anonymous US officials and the State Department are one group. The
        number of groups is the number of independent origins.
        """
        grouped: defaultdict[str, list[Attribution]] = defaultdict(list)
        for origin in self.origins_of(claim_id):
            grouped[self.affiliation_root(origin.source)].append(origin)
        return tuple(
            OriginGroup(root=root, origins=tuple(grouped[root]))
            for root in sorted(grouped)
        )

    def related_claims(
        self, claim_id: str, kind: RelationKind | None = None
    ) -> tuple[str, ...]:
        """Return ids of claims related to this one (of one *kind*, if given)."""
        found: list[str] = []
        for relation in self.relations_of(claim_id):
            if kind is not None and relation.kind is not kind:
                continue
            other = relation.target if relation.claim == claim_id else relation.claim
            found.append(other)
        return tuple(dict.fromkeys(found))

    # --- support, interest and retraction -----------------------------------

    def supporting_roots(self, claim_id: str) -> tuple[str, ...]:
        """Return the affiliation roots of the origins that support the claim.

        An origin supports the claim when its stance asserts or hedges it;
        denials are evidence against, not corroboration. Each root is one
        independent origin group, so the length of the result is the number of
        independent origins the claim rests on. Sorted by id. Only the claim's
        own attributions count; `corroborating_groups` adds the evidence that
        flows from related claims.
        """
        # The ends of a claim's chains are `origins_of` it: each origin is
        # looked at once, not once per attribution that relays it. Worked out
        # on each call, not memoised: a claim has few origins, and the rules
        # that ask ask of few claims, where a table for every claim would cost
        # a walk over all of them and stay in memory.
        origins = self.origins_of(claim_id)
        root = self.affiliation_root
        denies = Stance.DENIES
        if len(origins) == 1:  # most claims
            origin = origins[0]
            return () if origin.stance is denies else (root(origin.source),)
        found = {
            root(origin.source) for origin in origins if origin.stance is not denies
        }
        return tuple(sorted(found))

    def interested_origins(self, claim_id: str) -> tuple[tuple[Attribution, str], ...]:
        """Return the claim's origins that speak for a party the claim is about.

        An origin is interested when its source, or any source up its
        affiliation chain, is among the claim's `about` ids. Each origin comes
        with the outermost such party (the one nearest the affiliation root).
        The cost is proportional to the claim's origins and parties, whatever
        the depth of the affiliation chains.
        """
        found: list[tuple[Attribution, str]] = []
        for origin in self.origins_of(claim_id):
            party = self.interested_party(origin.source, claim_id)
            if party is not None:
                found.append((origin, party))
        return tuple(found)

    def interested_party(self, source_id: str, *claim_ids: str) -> str | None:
        """Return the party among the claims' `about` ids the source speaks for.

        The source speaks for a party when it is that party or answers to it,
        up its affiliation chain. With several claims, their `about` ids are
        taken together. The outermost such party (the one nearest the
        affiliation root) is returned; None when there is none. The cost is a
        binary search per claim, whatever the depth of the affiliation chains.
        """
        span: tuple[int, int] | None = None
        found: tuple[int, str] | None = None
        for claim_id in claim_ids:
            starts, outer = self._about_spans(claim_id)
            if not starts:
                continue  # most claims are about nobody
            if span is None:
                span = self._affiliation_spans().get(source_id)
                if span is None:
                    return None
            i = bisect.bisect_right(starts, span[0]) - 1
            if i >= 0 and span[0] <= outer[i][1]:
                start, _, party = outer[i]
                # The parties found all contain the source, so they nest: the
                # one that starts first is the outermost.
                if found is None or start < found[0]:
                    found = (start, party)
        return None if found is None else found[1]

    def _about_spans(
        self, claim_id: str
    ) -> tuple[list[int], list[tuple[int, int, str]]]:
        table = self._table("about-spans")
        found: tuple[list[int], list[tuple[int, int, str]]] | None = table.get(claim_id)
        if found is not None:
            return found
        claim = self.claim_index.get(claim_id)
        if claim is None or not claim.about:
            return _NO_SPANS  # not kept: a lookup finds that out as fast
        spans = self._affiliation_spans()
        # Spans of an affiliation forest nest or are disjoint, so keeping only
        # the outermost ones leaves sorted, disjoint intervals to bisect.
        outer: list[tuple[int, int, str]] = []
        for start, end, party in sorted(
            (spans[p][0], -spans[p][1], p) for p in set(claim.about) if p in spans
        ):
            if not outer or start > outer[-1][1]:
                outer.append((start, -end, party))
        found = table[claim_id] = ([start for start, _, _ in outer], outer)
        return found

    def _affiliation_spans(self) -> dict[str, tuple[int, int]]:
        """Number the affiliation forest so ancestry is an interval test.

        Source *s* answers to *p* exactly when ``spans[p][0] <= spans[s][0] <=
        spans[p][1]``. A loop is one node (its members answer to each other),
        and an affiliation naming no source is a root of its own.
        """
        found: dict[str, tuple[int, int]] | None = self._cache.get("affiliation-spans")
        if found is not None:
            return found

        def compute() -> dict[str, tuple[int, int]]:
            index = self.source_index
            node: dict[str, str] = {}
            roots: set[str] = set()
            for cycle in self._affiliation_walk().cycles:
                # Once per loop, not per member: a loop of 100,000 sources
                # would otherwise cost 100,000 scans of itself.
                root = min(cycle)
                roots.add(root)
                for member in cycle:
                    node[member] = root
            children: defaultdict[str, list[str]] = defaultdict(list)
            for source_id, source in index.items():
                here = node.setdefault(source_id, source_id)
                parent = source.affiliation
                if here in roots or parent is None:
                    roots.add(here)
                    continue
                if parent not in index:
                    roots.add(node.setdefault(parent, parent))
                children[node.get(parent, parent)].append(here)
            spans: dict[str, tuple[int, int]] = {}
            clock = 0
            for root in sorted(roots):
                if root in spans:
                    continue
                order: list[str] = []
                stack = [root]
                while stack:
                    current = stack.pop()
                    spans[current] = (clock, clock)
                    clock += 1
                    order.append(current)
                    stack.extend(children.get(current, ()))
                for current in reversed(order):
                    last = spans[current][1]
                    for child in children.get(current, ()):
                        last = max(last, spans[child][1])
                    spans[current] = (spans[current][0], last)
            return {member: spans[here] for member, here in node.items()}

        return self._memo("affiliation-spans", compute)  # type: ignore[no-any-return]

    def retraction_upstream(self, attribution_id: str) -> Attribution | Document | None:
        """Return the nearest retracted record on the attribution's relay chain.

        The attribution itself counts, and so does the document each hop is
        recorded in; None when no hop up to the origin (or to where a broken
        chain stops) is retracted or recorded in a retracted document. In a
        relay loop, the walk goes once around the loop.
        """

        def compute() -> dict[str, Attribution | Document]:
            # Few hops are retracted: each hop's own answer is found in bulk,
            # then handed down the relays to every hop downstream that has none
            # of its own. A hop's chain is the hop, then its `via`'s chain, cut
            # short at a loop, which changes nothing here: going up, a loop
            # reaches its own retracted hops before it closes.
            index = self.attribution_index
            documents = self.document_index
            hops = list(index.values())
            nearest: dict[str, Attribution | Document] = {}
            withdrawn = {
                document_id
                for document_id, document in documents.items()
                if document.retracted is not None
            }
            in_document = map(operator.attrgetter("document"), hops)
            in_withdrawn = map(withdrawn.__contains__, in_document)
            for hop in itertools.compress(hops, in_withdrawn):
                nearest[hop.id] = documents[hop.document]
            # A retracted hop is its own answer, before its document.
            retracted = map(operator.attrgetter("retracted"), hops)
            marked = map(operator.is_not, retracted, itertools.repeat(None))
            for hop in itertools.compress(hops, marked):
                nearest[hop.id] = hop
            if not nearest:
                return nearest
            relays = self._group_by("relays", self.attributions, "via")
            pending = list(nearest)
            while pending:
                upstream = pending.pop()
                found = nearest[upstream]
                for relay in relays.get(upstream, ()):
                    # A record that shares its id with an earlier one is not
                    # what the id looks up, so it is on no chain.
                    if relay.id not in nearest and index[relay.id] is relay:
                        nearest[relay.id] = found
                        pending.append(relay.id)
            return nearest

        nearest: dict[str, Attribution | Document] = self._memo(
            "retraction-upstream", compute
        )
        return nearest.get(attribution_id)

    # --- evidence flowing along relations -----------------------------------

    def evidence_routes(self, claim_id: str) -> tuple[tuple[str, bool, bool, int], ...]:
        """Return the claims whose attributions bear on this one, and how.

        Each entry is ``(claim id, against, support only, supports hops)``: that
        claim's evidence counts against this one when *against*; when *support
        only*, only its asserting and hedging origins count; *supports hops* is
        how many `supports` relations it crossed, each a weakening. The claim
        itself comes first, as ``(claim_id, False, False, 0)``.

        Evidence flows both ways along `same_as`, all of it; from a claim that
        `refines` this one, its support (a denial of the specific says nothing
        of the general); from a claim that `supports` this one, its support, one
        hop weaker; and from a claim that `contradicts` this one, either way
        round, its support, as evidence against. Each claim is listed once, by
        its route with the fewest supports hops (ties broken by relation id
        order), so a loop of relations is walked once, without
        recursion, and no claim's evidence is counted twice.
        """
        table = self._table("evidence-routes")
        found: tuple[tuple[str, bool, bool, int], ...] | None = table.get(claim_id)
        if found is None:
            if claim_id not in self._related():
                # Most claims have no relation: their one route costs less to
                # build again than to keep for every claim.
                return ((claim_id, False, False, 0),)
            with collection_paused():
                found = table[claim_id] = self._evidence_routes(claim_id)
        return found

    def _evidence_routes(
        self, claim_id: str
    ) -> tuple[tuple[str, bool, bool, int], ...]:
        related = self._related()
        routes: dict[str, tuple[str, bool, bool, int]] = {}
        # A 0-1 breadth-first walk: supports hops cost 1, other relations 0.
        queue: deque[tuple[str, bool, bool, int]] = deque([(claim_id, False, False, 0)])
        while queue:
            route = queue.popleft()
            current, against, support_only, hops = route
            if current in routes:
                continue
            routes[current] = route
            for relation in related.get(current, ()):
                kind = relation.kind
                upstream = relation.claim == current
                other = relation.target if upstream else relation.claim
                if other in routes:
                    continue
                if kind is RelationKind.SAME_AS:
                    queue.appendleft((other, against, support_only, hops))
                elif kind is RelationKind.REFINES and not upstream:
                    queue.appendleft((other, against, True, hops))
                elif kind is RelationKind.SUPPORTS and not upstream:
                    queue.append((other, against, True, hops + 1))
                elif kind is RelationKind.CONTRADICTS and not support_only:
                    queue.appendleft((other, not against, True, hops))
        return tuple(routes.values())

    def _same_as_clusters(self) -> dict[str, tuple[str, ...]]:
        """Map each claim of a cluster joined only by `same_as` to the cluster.

        In such a cluster evidence flows from every member to every other,
        all of it, so every member's evidence routes reach the same claims the
        same way and what depends only on that set is computed once for the
        cluster, not once per member: a cluster of 100,000 claims costs as
        much as 100,000 claims apart. A relation from a claim to itself carries
        nothing and does not count; any other kind of relation touching a
        cluster leaves its members to be walked one by one.
        """

        def compute() -> dict[str, tuple[str, ...]]:
            sets = DisjointSets()
            mixed: list[str] = []
            for relation in self.relations:
                if relation.claim == relation.target:
                    continue
                sets.union(relation.claim, relation.target)
                if relation.kind is not RelationKind.SAME_AS:
                    mixed.append(relation.claim)
            excluded = {sets.find(claim_id) for claim_id in mixed}
            members = {
                root: claim_ids
                for root, claim_ids in sets.groups().items()
                if root not in excluded
            }
            clusters: dict[str, tuple[str, ...]] = {}
            for claim_ids in members.values():
                cluster = tuple(sorted(claim_ids))
                for claim_id in cluster:
                    clusters[claim_id] = cluster
            return clusters

        found: dict[str, tuple[str, ...]] | None = self._cache.get("same-as-clusters")
        if found is None:
            found = self._memo("same-as-clusters", compute)
        return found

    def corroborating_groups(
        self, claim_id: str
    ) -> tuple[tuple[OriginGroup, ...], tuple[OriginGroup, ...]]:
        """Return the origin groups for and against the claim, relations included.

        Every origin on an `evidence_routes` route counts, grouped by affiliation
        root: an asserting or hedging origin counts for the claim it was said
        of, a denying one against it, and a route marked *against* turns that
        round. A root reached by several routes or origins is one group. The
        groups of one side are sorted by root; a root can be on both sides.
        This is the one count of independent origins: the checks (CT301,
        CT302, CT402) and the confidence calculus all read it, so they cannot
        disagree about what a claim rests on.
        """
        table = self._table("corroborating-groups")
        found: _Sides | None = table.get(claim_id)
        if found is not None:
            return found
        if claim_id not in self._related():
            # Most claims are in no relation, so no cluster either: only their
            # own origins count, and most have one.
            found = table[claim_id] = self._own_groups(claim_id)
            return found
        with collection_paused():
            cluster = self._same_as_clusters().get(claim_id)
            if cluster is None:
                found = self._corroborating_groups(
                    (other, against, support_only)
                    for other, against, support_only, _ in self.evidence_routes(
                        claim_id
                    )
                )
                table[claim_id] = found
            else:
                # Every member reaches every member through same_as alone.
                found = self._corroborating_groups(
                    (other, False, False) for other in cluster
                )
                for member in cluster:
                    table[member] = found
        return found

    def _own_groups(self, claim_id: str) -> _Sides:
        """Return `corroborating_groups` of a claim in no relation."""
        origins = self.origins_of(claim_id)
        if len(origins) != 1:
            return self._corroborating_groups([(claim_id, False, False)])
        origin = origins[0]
        group = (_origin_group(self.affiliation_root(origin.source), origins),)
        return ((), group) if origin.stance is Stance.DENIES else (group, ())

    def _supporting_groups(
        self, claim_ids: Iterable[str]
    ) -> Iterator[tuple[OriginGroup, ...]]:
        """Yield ``corroborating_groups(claim_id)[0]`` for each claim, in turn.

        For rules that walk every claim. A claim in no relation, most of
        them, is worked out here from its own origins, and not memoised: each
        such walk asks for it once, and a group kept for every claim would
        cost more memory than working it out again. Related claims are asked
        of `corroborating_groups`, which shares one answer across a cluster.
        """
        related = self._related()
        origins_of: dict[str, tuple[Attribution, ...]] = self._memo(
            "origins", self._origins
        )
        roots: dict[str, str] = self._memo("affiliation-roots", self._affiliation_roots)
        denies = Stance.DENIES
        for claim_id in claim_ids:
            if claim_id in related:
                yield self.corroborating_groups(claim_id)[0]
                continue
            origins = origins_of.get(claim_id, ())
            if len(origins) == 1:  # most claims
                if origins[0].stance is denies:
                    yield ()
                else:
                    source = origins[0].source
                    yield (_origin_group(roots.get(source, source), origins),)
                continue
            # A claim's origins are distinct and in id order, as each group's
            # must be: grouping them in that order needs no sorting by id.
            grouped: dict[str, list[Attribution]] = {}
            for origin in origins:
                if origin.stance is not denies:
                    source = origin.source
                    grouped.setdefault(roots.get(source, source), []).append(origin)
            yield tuple(
                _origin_group(root, tuple(grouped[root])) for root in sorted(grouped)
            )

    def _own_support(
        self, claim_ids: Iterable[str]
    ) -> Iterator[tuple[Attribution, ...] | None]:
        """Yield, for each claim in turn, the origins that support it, or None.

        For rules that walk every claim. None for a claim in a relation, whose
        support is that of `corroborating_groups`; for any other claim, its
        own origins that do not deny it, in id order: exactly the origins of
        ``corroborating_groups(claim_id)[0]``, found without grouping them, as
        a rule that only counts roots or looks at sources needs.
        """
        related = self._related()
        origins_of: dict[str, tuple[Attribution, ...]] = self._memo(
            "origins", self._origins
        )
        denies = Stance.DENIES
        for claim_id in claim_ids:
            if claim_id in related:
                yield None
                continue
            origins = origins_of.get(claim_id, ())
            if len(origins) == 1:  # most claims
                yield () if origins[0].stance is denies else origins
            else:
                yield tuple(origin for origin in origins if origin.stance is not denies)

    def _corroborating_groups(
        self, routes: Iterable[tuple[str, bool, bool]]
    ) -> tuple[tuple[OriginGroup, ...], tuple[OriginGroup, ...]]:
        sides: tuple[dict[str, dict[str, Attribution]], ...] = ({}, {})
        root_of = self.affiliation_root
        for other, against, support_only in routes:
            for origin in self.origins_of(other):
                denies = origin.stance is Stance.DENIES
                if denies and support_only:
                    continue
                root = root_of(origin.source)
                side = sides[int(denies != against)]
                side.setdefault(root, {}).setdefault(origin.id, origin)
        return tuple(  # type: ignore[return-value]
            tuple(
                _origin_group(root, tuple(side[root][k] for k in sorted(side[root])))
                for root in sorted(side)
            )
            for side in sides
        )

    def interested_evidence(self, claim_id: str) -> tuple[tuple[Attribution, str], ...]:
        """Return the origins of the claim's evidence that speak for a party.

        The origins are those `corroborating_groups` counts, for and against.
        One is interested when its source, or a source up its affiliation
        chain, is among the parties that the claim it was said of, or this
        claim, is `about`: evidence borrowed from a related claim does not
        escape this claim's interest, nor this claim the related one's. Each
        origin comes once, with the outermost such party; sorted by origin id.
        """
        table = self._table("interested-evidence")
        found: tuple[tuple[Attribution, str], ...] | None = table.get(claim_id)
        if found is None:
            with collection_paused():
                cluster = self._same_as_clusters().get(claim_id)
                interest = None if cluster is None else self._cluster_interest(cluster)
                if interest is None:
                    found = self._interested_evidence(claim_id)
                else:
                    found = self._interested_in_cluster(claim_id, interest)
                table[claim_id] = found
        return found

    def _own_interest(
        self, claim_ids: Iterable[str]
    ) -> Iterator[tuple[tuple[Attribution, str], ...] | None]:
        """Yield, for each claim in turn, its `interested_evidence`, or None.

        For rules that walk many claims. None for a claim in a relation, to be
        asked of `interested_evidence`; for any other claim, its evidence is
        its own origins, in id order, each judged against its own parties
        alone: the answer is worked out here, and not memoised, since each
        walk asks for it once.
        """
        related = self._related()
        origins_of = self.origins_of
        spans: dict[str, tuple[int, int]] | None = None
        for claim_id in claim_ids:
            if claim_id in related:
                yield None
                continue
            starts, outer = self._about_spans(claim_id)
            if not starts:
                yield ()  # about nobody
                continue
            if spans is None:
                spans = self._affiliation_spans()
            found: list[tuple[Attribution, str]] = []
            for origin in origins_of(claim_id):
                span = spans.get(origin.source)
                if span is None:
                    continue
                # As in `interested_party`: the outermost party containing the
                # origin's source.
                i = bisect.bisect_right(starts, span[0]) - 1
                if i >= 0 and span[0] <= outer[i][1]:
                    found.append((origin, outer[i][2]))
            yield tuple(found)

    def _interested_evidence(
        self, claim_id: str
    ) -> tuple[tuple[Attribution, str], ...]:
        found: dict[str, tuple[Attribution, str]] = {}
        own = self._about_spans(claim_id)[0]
        for other, _, support_only, _ in self.evidence_routes(claim_id):
            if not own and not self._about_spans(other)[0]:
                continue  # neither claim is about anyone
            for origin in self.origins_of(other):
                if origin.id in found or (
                    support_only and origin.stance is Stance.DENIES
                ):
                    continue
                party = self.interested_party(origin.source, other, claim_id)
                if party is not None:
                    found[origin.id] = (origin, party)
        return tuple(found[k] for k in sorted(found))

    def _cluster_interest(self, cluster: tuple[str, ...]) -> _Interest | None:
        """Return what a same_as cluster's members need for their interested evidence.

        Each member's routes reach exactly the cluster, so an origin can only
        be interested when its source answers to a party some member is about.
        Those candidates are found once: the ones interested through the claim
        they were said of (interested for every member), and all of them by
        where their source lies in the affiliation forest, so that a member's
        own parties find theirs by binary search. None when a candidate was
        said of two members (a relay across claims), where the answer depends
        on the order of each member's routes and they are walked one by one.
        """
        key = cluster[0]
        table = self._table("cluster-interest")
        if key in table:
            return table[key]  # type: ignore[no-any-return]
        spans = self._affiliation_spans()
        outer: list[tuple[int, int]] = []
        for start, end in sorted(
            (start, -end)
            for member in cluster
            for start, end, _ in self._about_spans(member)[1]
        ):
            if not outer or start > outer[-1][1]:
                outer.append((start, -end))
        bounds = [start for start, _ in outer]
        own: dict[str, tuple[int, str, Attribution]] = {}
        candidates: list[tuple[int, str, Attribution]] = []
        said_of: dict[str, str] = {}
        found: _Interest | None = (own, [], [])
        for member in cluster if outer else ():
            member_starts, member_outer = self._about_spans(member)
            for origin in self.origins_of(member):
                span = spans.get(origin.source)
                if span is None:
                    continue
                i = bisect.bisect_right(bounds, span[0]) - 1
                if i < 0 or span[0] > outer[i][1]:
                    continue
                if said_of.setdefault(origin.id, member) != member:
                    found = None
                    break
                candidates.append((span[0], origin.id, origin))
                j = bisect.bisect_right(member_starts, span[0]) - 1
                if j >= 0 and span[0] <= member_outer[j][1]:
                    start, _, party = member_outer[j]
                    own[origin.id] = (start, party, origin)
            if found is None:
                break
        if found is not None:
            candidates.sort(key=lambda candidate: (candidate[0], candidate[1]))
            found = (own, [start for start, _, _ in candidates], candidates)
        table[key] = found
        return found

    def _interested_in_cluster(
        self, claim_id: str, interest: _Interest
    ) -> tuple[tuple[Attribution, str], ...]:
        """Return `interested_evidence` for a member of a same_as cluster.

        The cost is that of the answer, whatever the size of the cluster.
        """
        own, starts, candidates = interest
        found = dict(own)
        for start, end, party in self._about_spans(claim_id)[1]:
            first = bisect.bisect_left(starts, start)
            last = bisect.bisect_right(starts, end)
            for _, origin_id, origin in candidates[first:last]:
                held = found.get(origin_id)
                # As in `interested_party`: the outermost party, and on a tie
                # the one of the claim the origin was said of.
                if held is None or start < held[0]:
                    found[origin_id] = (start, party, origin)
        return tuple((found[k][2], found[k][1]) for k in sorted(found))


def _ref(value: Record | str) -> str:
    return value if isinstance(value, str) else value.id


class GraphBuilder:
    """Build a graph in a script, in the order a reader meets the article.

    Each method adds one record and returns it, so later calls can refer to it
    directly. Adding a record whose id is taken by a different record of the
    same type is an error here (in a script it is always a mistake); identical
    repeats are harmless.

    Example:
        >>> b = GraphBuilder()
        >>> wapo = b.source("wapo", "The Washington Post", kind="news_outlet")
        >>> report = b.document("wapo-report", publisher=wapo, published="2025-01-24")
        >>> claim = b.claim("c1", "US shared intelligence.", language="en")
        >>> said = b.attribute(claim, source=wapo, document=report)
        >>> b.build().origin(said.id) == said
        True
    """

    def __init__(self) -> None:
        self._records: dict[tuple[type[Any], str], Record] = {}

    def add(self, record: R) -> R:
        """Add a record built by hand and return it."""
        key = (type(record), record.id)
        existing = self._records.get(key)
        if existing is not None and existing != record:
            msg = (
                f"a different {record.TYPE} with id {record.id!r} was already added; "
                "ids must be unique within a type"
            )
            raise ValueError(msg)
        self._records[key] = record
        return record

    def source(self, id: str, name: str, **fields: Any) -> Source:  # noqa: A002
        """Add a source. *fields* are those of `Source`."""
        if "affiliation" in fields and fields["affiliation"] is not None:
            fields["affiliation"] = _ref(fields["affiliation"])
        return self.add(Source(id=id, name=name, **fields))

    def document(self, id: str, **fields: Any) -> Document:  # noqa: A002
        """Add a document. *fields* are those of `Document`."""
        if fields.get("publisher") is not None:
            fields["publisher"] = _ref(fields["publisher"])
        return self.add(Document(id=id, **fields))

    def claim(self, id: str, text: str, **fields: Any) -> Claim:  # noqa: A002
        """Add a claim in its original wording. *fields* are those of `Claim`."""
        if "about" in fields:
            fields["about"] = tuple(_ref(party) for party in fields["about"])
        return self.add(Claim(id=id, text=text, **fields))

    def attribute(
        self,
        claim: Claim | str,
        *,
        source: Source | str,
        document: Document | str,
        id: str | None = None,  # noqa: A002
        **fields: Any,
    ) -> Attribution:
        """Credit *claim* to *source* in *document*, first hand.

        The id defaults to ``"<claim>:<source>"`` (``"<claim>:<source>:<document>"``
        if that is taken).
        """
        claim_id, source_id, document_id = _ref(claim), _ref(source), _ref(document)
        if fields.get("via") is not None:
            fields["via"] = _ref(fields["via"])
        if id is None:
            id = self._fresh_id(  # noqa: A001
                Attribution,
                f"{claim_id}:{source_id}",
                f"{claim_id}:{source_id}:{document_id}",
            )
        return self.add(
            Attribution(
                id=id, claim=claim_id, source=source_id, document=document_id, **fields
            )
        )

    def relay(
        self,
        upstream: Attribution,
        *,
        source: Source | str,
        document: Document | str,
        id: str | None = None,  # noqa: A002
        **fields: Any,
    ) -> Attribution:
        """Record that *source*, in *document*, relays the *upstream* hop."""
        return self.attribute(
            upstream.claim,
            source=source,
            document=document,
            id=id,
            via=upstream.id,
            **fields,
        )

    def relate(
        self,
        claim: Claim | str,
        kind: RelationKind | str,
        target: Claim | str,
        *,
        id: str | None = None,  # noqa: A002
        **fields: Any,
    ) -> Relation:
        """Record that *claim* supports/contradicts/refines/is the same as *target*."""
        claim_id, target_id = _ref(claim), _ref(target)
        kind_value = kind.value if isinstance(kind, RelationKind) else kind
        if id is None:
            id = self._fresh_id(Relation, f"{claim_id}:{kind_value}:{target_id}")  # noqa: A001
        return self.add(
            Relation(id=id, kind=kind, claim=claim_id, target=target_id, **fields)
        )

    def assess(
        self,
        claim: Claim | str,
        *,
        by: Source | str | None = None,
        id: str | None = None,  # noqa: A002
        **fields: Any,
    ) -> Assessment:
        """Record an analyst's or fact-checker's judgment of *claim*."""
        claim_id = _ref(claim)
        by_id = None if by is None else _ref(by)
        if id is None:
            id = self._fresh_id(  # noqa: A001
                Assessment, f"{claim_id}:assessed-by:{by_id or 'analyst'}"
            )
        return self.add(Assessment(id=id, claim=claim_id, by=by_id, **fields))

    def _fresh_id(self, kind: type[Any], *candidates: str) -> str:
        for candidate in candidates:
            if (kind, candidate) not in self._records:
                return candidate
        base = candidates[-1]
        n = 2
        while (kind, f"{base}:{n}") in self._records:
            n += 1
        return f"{base}:{n}"

    def build(self) -> ClaimGraph:
        """Return the graph of everything added so far."""
        return ClaimGraph.of(self._records.values())
