"""The calculus: from a graph's chains and origin groups to one opinion per claim."""

from __future__ import annotations

import math
import operator
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import attrs

from claimtrack._bulk import collection_paused
from claimtrack.opinion import (
    Opinion,
    _discount_by,
    averaging_fusion,
    cumulative_fusion,
    discount,
)
from claimtrack.records import Likelihood, Mode, Reliability, SourceKind, Stance

from ._policy import Policy

if TYPE_CHECKING:
    from claimtrack.graph import ClaimGraph
    from claimtrack.records import Assessment, Attribution, Document

__all__ = [
    "AnalystView",
    "Assessments",
    "Chain",
    "ClaimConfidence",
    "Group",
    "Hop",
    "assess",
]


def __dir__() -> list[str]:
    return list(__all__)


@attrs.frozen(kw_only=True)
class Hop:
    """One attribution on a chain, and the trust it passes on.

    Attributes:
        attribution: Id of the attribution.
        source: Id of the source the hop credits.
        document: Id of the document that records it.
        mode: How closely the document reproduces the source's words.
        recorder: Id of the document's publisher, who put the source's words
            in it; None when nobody can be named (trust is then unassessed).
        relayer: Id of the source credited with relaying the upstream hop when
            it did not publish the upstream document; its trust applies too.
        trust: The trust opinion this hop contributes to the discount.
        reason: Why that trust, in words.
    """

    attribution: str
    source: str
    document: str
    mode: Mode
    recorder: str | None
    relayer: str | None
    trust: Opinion
    reason: str


@attrs.frozen(kw_only=True)
class Chain:
    """One relay chain, from the hop read first to the origin.

    Attributes:
        leaf: Id of the most-downstream attribution, where the chain starts.
        claim: Id of the claim the chain's attributions are about; another claim
            than the one assessed when its evidence flowed along a relation.
        hops: The hops, leaf first, origin last.
        origin: Id of the first-hand attribution, or None if the chain never
            reaches one (a relay loop, or a relay of an attribution that does
            not exist); such a chain contributes nothing.
        origin_trust: Trust in the origin's source after the anonymity and
            interest discounts; None without an origin.
        origin_reason: Why that trust, or why the chain contributes nothing.
        testimony: The opinion the origin's stance expresses.
        own: The chain's opinion about its own claim: the testimony discounted
            by every hop and by the origin's trust.
        opinion: What the chain contributes to the assessed claim, after any
            relation it crossed; None if it contributes nothing.
        against: Whether it counts against the assessed claim.
        relation: How the evidence reached the assessed claim, in words
            (empty for the claim's own chains).
        anonymous: Whether the origin's source is anonymous.
        interested: Whether the origin speaks for a party its claim, or the
            claim assessed, is about.
        strongest: Whether this is the strongest chain of its origin, the one
            that stands for the origin in its group's fusion.
    """

    leaf: str
    claim: str
    hops: tuple[Hop, ...]
    origin: str | None
    origin_trust: Opinion | None
    origin_reason: str
    testimony: Opinion | None
    own: Opinion | None
    opinion: Opinion | None
    against: bool = False
    relation: str = ""
    anonymous: bool = False
    interested: bool = False
    strongest: bool = False


@attrs.frozen(kw_only=True)
class Group:
    """The chains of one origin group (one affiliation root) and their fusion.

    Attributes:
        root: Id of the affiliation root shared by the group's origins.
        chains: The group's chains, by claim and leaf id.
        opinion: The group's opinion. Chains that carry one origin statement
            are copies of one piece of evidence, so each origin counts by its
            strongest chain; the group's origins then combine by averaging
            fusion, or the strongest is taken, per the policy. An origin with
            no evidence of its own (an unassessed speaker: every chain from it
            is vacuous, u = 1) is left out of the averaging, so recording it
            never lowers P; if no origin has any, the group is vacuous.
        fusion: How the chains were combined, in words.
        supporting: Whether any chain counts for the claim.
        contradicting: Whether any chain counts against it.
    """

    root: str
    chains: tuple[Chain, ...]
    opinion: Opinion
    fusion: str
    supporting: bool
    contradicting: bool

    @property
    def anonymous(self) -> bool:
        """Whether every origin in the group is anonymous."""
        return all(chain.anonymous for chain in self.chains)

    @property
    def interested(self) -> bool:
        """Whether any origin in the group is interested."""
        return any(chain.interested for chain in self.chains)


@attrs.frozen(kw_only=True)
class AnalystView:
    """An analyst's judgment set beside the computed probability.

    Attributes:
        assessment: Id of the assessment.
        by: Id of who made it, if recorded.
        scale: "credibility" or "likelihood".
        grade: The grade as written: a credibility number or an ICD 203 term.
        term: The ICD 203 term the grade stands for.
        band: The probability band of that term (outer terms reach 0 and 1).
        distance: How far the computed probability lies outside the band.
        disagrees: Whether that distance exceeds the policy's threshold.
    """

    assessment: str
    by: str | None
    scale: str
    grade: str
    term: Likelihood
    band: tuple[float, float]
    distance: float
    disagrees: bool


@attrs.frozen(kw_only=True)
class ClaimConfidence:
    """How much to believe one claim, and why.

    Attributes:
        claim: Id of the claim.
        opinion: The fused opinion about the claim.
        probability: Its projected probability ``b + a * u``.
        likelihood: The ICD 203 term whose band contains the probability.
        supporting: Number of independent origin groups for the claim.
        contradicting: Number of independent origin groups against it.
        groups: Every origin group, by root.
        unreached: Chains that never reach an origin, and so count for nothing.
        fusion: How the groups were combined, in words.
        summary: ICD 206-style sourcing summary in one sentence.
        analysts: Analysts' judgments beside the computed value.

    A result of `assess` builds its explanation (``groups``, ``unreached``,
    ``fusion`` and ``summary``) when one of those fields is first read, and
    keeps it; it is then the result the constructor would build from the same
    values, for equality, hashing, repr, `attrs.evolve`, copying and pickling.
    """

    claim: str
    opinion: Opinion
    probability: float
    likelihood: Likelihood
    supporting: int
    contradicting: int
    groups: tuple[Group, ...]
    unreached: tuple[Chain, ...]
    fusion: str
    summary: str
    analysts: tuple[AnalystView, ...]

    @property
    def disagreements(self) -> tuple[AnalystView, ...]:
        """The analysts' judgments that disagree with the computed value."""
        return tuple(view for view in self.analysts if view.disagrees)


@attrs.frozen(kw_only=True)
class Assessments(Mapping[str, ClaimConfidence]):
    """The confidence in every claim of a graph, by claim id, in id order.

    Attributes:
        policy: The policy the values were computed under.
    """

    policy: Policy
    _results: Mapping[str, ClaimConfidence] = attrs.field(alias="results")

    def __getitem__(self, claim_id: str) -> ClaimConfidence:
        return self._results[claim_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._results)

    def __len__(self) -> int:
        return len(self._results)


def assess(graph: ClaimGraph, policy: Policy | None = None) -> Assessments:
    """Compute the confidence in every claim of *graph*.

    Pure and deterministic: the result depends only on the graph's records and
    the policy, not on their order. It never raises on a graph that loaded:
    a dangling id is a party nobody assessed, and a chain that loops or
    dangles before reaching an origin contributes nothing (the explanation
    says so). Each chain is walked once, whatever the number of claims it
    bears on through relations.

    The numbers of every result (its opinion, probability, likelihood, counts
    of origin groups and analysts' views) are computed here. Its explanation
    (``groups``, ``unreached``, ``fusion`` and ``summary``) is built when one
    of those fields is first read, then kept: the same values, and only what
    is read costs time and memory. Until then the results hold on to the
    graph.

    Args:
        graph: The claim graph.
        policy: The assumptions; the documented defaults if None.

    Returns:
        A mapping of claim id to `ClaimConfidence`.
    """
    policy = Policy() if policy is None else policy
    calculus = _Calculus(graph, policy)
    # The results are many small records that all stay alive: collecting while
    # they are built would only traverse them, and the graph, again and again.
    with collection_paused():
        results = calculus.results(_claim_ids(graph))
    calculus.settled()
    return Assessments(policy=policy, results=results)


_claim_of = operator.attrgetter("claim")
_via_of = operator.attrgetter("via")


def _claim_ids(graph: ClaimGraph) -> list[str]:
    """Return the ids of the claims with a record, attribution or assessment, sorted."""
    known = graph.claim_index
    others = set(map(_claim_of, graph.attributions))
    others.update(map(_claim_of, graph.assessments))
    others.difference_update(known)
    if not others:
        # As most graphs: the index is in id order already, as the graph
        # keeps its records.
        return list(known)
    return sorted([*known, *others])


def _related_claims(graph: ClaimGraph) -> set[str]:
    """Return the ids of the claims `ClaimGraph.relations_of` finds relations of."""
    related = set(map(_claim_of, graph.relations))
    related.update(map(operator.attrgetter("target"), graph.relations))
    return related


_CERTAIN = Opinion.of(1.0, 0.0, 0.0)
"""The trust in a speaker's own document to hold the speaker's own words."""


def _scaled(trust: Opinion, share: float) -> Opinion:
    """Keep *share* of the trust's belief; the rest becomes uncertainty."""
    belief = trust.belief * share
    return Opinion.of(
        belief, trust.disbelief, trust.uncertainty + trust.belief - belief
    )


def _band(term: Likelihood) -> tuple[float, float]:
    low, high = term.band
    # ICD 203's outer terms also cover the 0-1% and 99-100% edges.
    if term is Likelihood.ALMOST_NO_CHANCE:
        low = 0.0
    if term is Likelihood.ALMOST_CERTAIN:
        high = 1.0
    return (low, high)


class _Link(NamedTuple):
    """A chain's numbers: what its claim's opinion needs, without any words.

    The `Chain` behind it, with every hop and its reason, is built only when
    an explanation is read.

    Attributes:
        leaf: Id of the attribution the chain starts at.
        claim: Id of the claim it is about.
        origin: The first-hand attribution; None if the chain never reaches one.
        own: The chain's opinion about its own claim (`Chain.own`).
        denies: Whether the origin denies the claim.
        interested: Whether the origin is interested (`Chain.interested`).
        borrowed: Whether that interest is the assessed claim's, not only its
            own claim's.
        free: Whether the origin carries no evidence of its own.
    """

    leaf: str
    claim: str
    origin: Attribution | None
    own: Opinion | None
    denies: bool = False
    interested: bool = False
    borrowed: bool = False
    free: bool = True


class _Piece(NamedTuple):
    """A chain as one claim counts it: after any relation it crossed.

    Attributes:
        link: The chain's numbers.
        opinion: What it contributes to the claim (`Chain.opinion`).
        against: Whether it counts against the claim (`Chain.against`).
        crossed: How many supports relations it crossed; -1 for the claim's
            own chains.
    """

    link: _Link
    opinion: Opinion
    against: bool
    crossed: int

    def strength(self) -> tuple[float, str, str]:
        """Order pieces strongest first: least uncertainty, then claim and leaf."""
        return (self.opinion.uncertainty, self.link.claim, self.link.leaf)


_Case = Literal["one", "vacuous", "only", "best", "averaging"]
"""How a group's origins were combined; see `Group.opinion`."""


class _Fused(NamedTuple):
    """A group's opinion, and what its words and marks need to say how."""

    opinion: Opinion
    case: _Case
    ordered: list[_Piece]
    picked: list[_Piece]
    left_out: int


_Evidence = tuple[dict[str, list[_Piece]], list[_Link]]
"""A claim's counted chains by affiliation root, then those reaching no origin."""


_Owned = tuple[str, "Attribution", Opinion, bool, bool, "Attribution"]
"""A claim's own chain that reaches an origin, as `_gathered` reads it.

Its origin's affiliation root, then of its link (`_Link`): the origin, the
chain's own opinion, whether the origin is interested, whether it denies the
claim, and the leaf.
"""

_Counted = tuple[Opinion, bool, _Owned, int, bool]
"""A chain as one claim counts it (`_Piece`), in `_gathered`.

Its opinion, whether it counts against the claim, the chain, how many supports
relations it crossed (-1 for the claim's own), and whether its origin's
interest is the claim's (`_Link.borrowed`).
"""

_Routes = tuple[tuple[str, bool, bool, int], ...]
"""A claim's evidence routes (`ClaimGraph.evidence_routes`)."""


_Verdict = tuple[Opinion, float, Likelihood]
"""A claim's fused opinion, its projected probability and its ICD 203 term."""


_Leaves = tuple[dict[str, "Attribution"], dict[str, list["Attribution"]]]
"""Every claim's leaves (`ClaimGraph.leaves_of`): its first, then any others."""


class _Deferred:
    """Stands in a result's explanation fields until one of them is read.

    One for all the results of one `assess` call: it holds the calculus, and
    the result it is asked to fill names its claim. Two threads that read one
    result at once may both compute its explanation; they store equal values.
    """

    __slots__ = ("calculus",)

    def __init__(self, calculus: _Calculus) -> None:
        self.calculus = calculus

    def fill(self, result: ClaimConfidence) -> None:
        """Compute the explanation of *result* and put it in its fields."""
        explained = self.calculus.explanation(result.claim)
        for name, value in zip(_EXPLANATION, explained, strict=True):
            _set(result, name, value)


class _Explained:
    """A `ClaimConfidence` field that a result of `assess` fills on first read.

    Wraps the field's slot: every reader (attribute access, equality, hashing,
    repr, `attrs.evolve`, pickling, copying) goes through it, so none can tell
    a filled field from one given to the constructor.
    """

    __slots__ = ("slot",)

    def __init__(self, slot: Any) -> None:
        self.slot = slot

    def __get__(
        self, instance: ClaimConfidence | None, owner: type | None = None
    ) -> Any:
        if instance is None:
            return self
        value = self.slot.__get__(instance, owner)
        if type(value) is _Deferred:
            value.fill(instance)
            value = self.slot.__get__(instance, owner)
        return value

    def __set__(self, instance: ClaimConfidence, value: object) -> None:
        self.slot.__set__(instance, value)


_EXPLANATION = ("groups", "unreached", "fusion", "summary")
"""The fields of `ClaimConfidence` that `assess` leaves to first reads."""

_DEFERRED_SLOTS = tuple(ClaimConfidence.__dict__[name] for name in _EXPLANATION)
"""Their slots, which `assess` sets to its `_Deferred` directly."""

for _name, _slot in zip(_EXPLANATION, _DEFERRED_SLOTS, strict=True):
    setattr(ClaimConfidence, _name, _Explained(_slot))

_new = object.__new__
_set = object.__setattr__  # ClaimConfidence is frozen: its own __setattr__ refuses


class _Calculus:
    """The policy applied to one graph, with each chain computed once."""

    def __init__(self, graph: ClaimGraph, policy: Policy) -> None:
        self.graph = graph
        self.policy = policy
        self.deferred = _Deferred(self)
        self.attributions = graph.attribution_index
        self.documents = graph.document_index
        self.claims = graph.claim_index
        self._vacuous = Opinion.vacuous(policy.base_rate)
        # What each stance says, at the policy's base rate.
        self._testimonies = {
            stance: attrs.evolve(testimony, base_rate=policy.base_rate)
            for stance, testimony in policy.testimony.items()
        }
        # The same by the stance's identity: hashing a member of an enum
        # calls Python code, and this is looked up for every claim.
        self._said = {
            id(stance): testimony for stance, testimony in self._testimonies.items()
        }
        # A relay loop nothing relays has no leaf: chains start at its
        # smallest id instead (`_starts`). Only explanations need them: such a
        # chain reaches no origin, so its claim's numbers never count it.
        self._heads: frozenset[str] | None = None
        # The numbers of the chains that several claims ask for (`_evidence`),
        # by leaf: without and with the interest of the claim assessed. Kept
        # while assessing; explanations read theirs off the chains they build.
        self._links: tuple[dict[str, _Link], dict[str, _Link]] = ({}, {})
        # By the testimony's identity, then the product (`_own`).
        self._owns: dict[int, dict[float, Opinion]] = {}
        self._verdicts: dict[
            tuple[int, ...], tuple[list[Opinion], tuple[Opinion, float, Likelihood]]
        ] = {}
        # The verdicts of claims with one origin group of one chain, by the
        # identity of its shared opinion (`_own`): a lookup by one number,
        # not by the tuple `_verdicts` needs.
        self._singles: dict[int, _Verdict] = {}
        # The numbers of related claims' chains (`_gathered`): each claim's
        # own, by claim, and each opinion carried over a route.
        self._owned: dict[str, tuple[_Owned, ...]] = {}
        self._carries: dict[tuple[int, bool, int], tuple[Opinion, Opinion]] = {}
        # Trust numbers without their words, by what they depend on (`_walk`).
        self._trust_numbers: dict[str, Opinion] = {}
        self._origin_numbers: tuple[dict[str, Opinion], dict[str, Opinion]] = ({}, {})
        # Whether some chain has proved long: see `_walk`.
        self._long = False
        # Every claim's leaves, worked out here while assessing (`_leaf_table`).
        self._leaves: _Leaves | None = None
        self._recorded = _by_mode()
        # The explanations' parts, filled as explanations are read.
        self._chains: dict[tuple[str, bool], Chain] = {}
        self._hops: dict[str, Hop] = {}
        self._said_hops: dict[
            tuple[str | None, int, bool, bool], tuple[Opinion, str]
        ] = {}
        self._paths: dict[tuple[str, bool, str], str] = {}
        # Everything below depends on one source, grade or stance only, and
        # is asked for again and again: computed once per graph.
        self._names: dict[str | None, str] = {}
        self._labels: dict[str, str] = {}
        self._state_media: frozenset[str | None] | None = None
        self._kept: dict[int, str] = {}  # by the mode's identity, as `_said`
        self._trusted: dict[str, tuple[Opinion, str]] = {}
        self._trusts: dict[tuple[int, int, int], Opinion] = {}
        self._origins: dict[tuple[str, bool], tuple[Opinion, str, bool]] = {}
        self._terms: dict[float, Likelihood] = {}

    def settled(self) -> None:
        """Forget the numbers kept while every claim was assessed.

        The results hold this calculus until their explanations are read;
        each explanation reads the numbers it needs off the chains it builds,
        which are kept for the explanations still to come, with their words.
        """
        self._links = ({}, {})
        self._owns = {}
        self._verdicts = {}
        self._singles = {}
        self._owned = {}
        self._carries = {}
        self._trust_numbers = {}
        self._origin_numbers = ({}, {})
        self._leaves = None
        self._recorded = _by_mode()

    # --- names --------------------------------------------------------------

    def name(self, source_id: str | None) -> str:
        found = self._names.get(source_id)
        if found is None:
            if source_id is None:
                found = "an unknown recorder"
            else:
                source = self.graph.source(source_id)
                found = source_id if source is None else source.name
            self._names[source_id] = found
        return found

    def grade(self, source_id: str) -> str:
        source = self.graph.source(source_id)
        if source is None:
            return "no such source, so unassessed"
        reliability = self.policy.grade_of(source)
        if reliability is None:
            return "reliability unassessed"
        given = " by the policy" if source_id in self.policy.grades else ""
        return f"{reliability.value}{given}: {reliability.description}"

    # --- one hop ------------------------------------------------------------

    def _recording(
        self, attribution: Attribution
    ) -> tuple[Document | None, str | None, bool, str | None, Attribution | None]:
        """Return who stands between an attribution's source and its reader.

        That is the attribution's document, its recorder (the document's
        publisher), whether the recorder states its own words first hand, the
        relayer (the source, when credited with relaying a document it did
        not publish) and the upstream hop. Both the hop's trust and its words
        are read from these.
        """
        documents = self.documents
        document = documents.get(attribution.document)
        recorder = None if document is None else document.publisher
        via = attribution.via
        own_words = (
            recorder is not None and recorder == attribution.source and via is None
        )
        upstream = None if via is None else self.attributions.get(via)
        relayer = None
        if upstream is not None and attribution.source != recorder:
            upstream_document = documents.get(upstream.document)
            if (
                upstream_document is None
                or upstream_document.publisher != attribution.source
            ):
                # Credited with relaying a document it did not publish: one more
                # party stands between the reader and the origin.
                relayer = attribution.source
        return document, recorder, own_words, relayer, upstream

    def hop_trust(self, attribution: Attribution) -> Opinion:
        """Return the trust one attribution passes on.

        It depends on the attribution and its upstream hop only, never on who
        relays it further, so relaying a chain again can only add discounts.
        """
        _, recorder, own_words, relayer, _ = self._recording(attribution)
        return self._recorded_trust(attribution, recorder, relayer, own_words=own_words)

    def _recorded_trust(
        self,
        attribution: Attribution,
        recorder: str | None,
        relayer: str | None,
        *,
        own_words: bool,
    ) -> Opinion:
        """Return `hop_trust` from what `_recording` found of the attribution."""
        if recorder is None:
            base = self.policy.unassessed
        elif own_words:
            base = _CERTAIN
        else:
            base = self.trust(recorder)
        relayed = None if relayer is None else self.trust(relayer)
        # No retention for a speaker's own words, so no mode either.
        mode = None if own_words else attribution.mode
        return self._hop_trust(base, relayed, mode)

    def hop(self, attribution: Attribution) -> Hop:
        """Return the hop of one attribution, with its trust and why, once."""
        found = self._hops.get(attribution.id)
        if found is not None:
            return found
        document, recorder, own_words, relayer, upstream = self._recording(attribution)
        if relayer is None:
            # Without a relayer, a hop's trust and words depend on its recorder
            # and mode only (and on whether its document exists): most hops
            # share them with many others.
            key = (recorder, id(attribution.mode), own_words, document is None)
            said = self._said_hops.get(key)
            if said is None:
                said = self._said_hops[key] = self._hop_said(
                    attribution, document, recorder, None, None, own_words=own_words
                )
        else:
            said = self._hop_said(
                attribution, document, recorder, relayer, upstream, own_words=own_words
            )
        found = self._hops[attribution.id] = _new_hop(
            attribution=attribution.id,
            source=attribution.source,
            document=attribution.document,
            mode=attribution.mode,
            recorder=recorder,
            relayer=relayer,
            trust=said[0],
            reason=said[1],
        )
        return found

    def _hop_said(
        self,
        attribution: Attribution,
        document: Document | None,
        recorder: str | None,
        relayer: str | None,
        upstream: Attribution | None,
        *,
        own_words: bool,
    ) -> tuple[Opinion, str]:
        """Return the trust a hop passes on and why, from its `_recording`."""
        policy = self.policy
        if recorder is None:
            why = "no such document" if document is None else "no publisher recorded"
            parts = [f"nobody can be named as its recorder ({why}), so unassessed"]
        elif own_words:
            # A first-hand statement in the speaker's own document: trust in
            # the speaker is applied once, as the origin's trust, and nothing
            # was reproduced, so no retention applies either.
            parts = [f"{self.name(recorder)} records its own words"]
        else:
            parts = [f"recorded by {self.trusted(recorder)[1]}"]
        if relayer is not None:
            assert upstream is not None
            parts.append(
                f"relayed by {self.trusted(relayer)[1]}, not the publisher of "
                f"{upstream.document}"
            )
        if not own_words:
            mode = attribution.mode
            kept = self._kept.get(id(mode))
            if kept is None:
                kept = self._kept[id(mode)] = (
                    f"{mode.value.replace('_', ' ')} keeps {policy.retention[mode]:.2f}"
                )
            parts.append(kept)
        trust = self._recorded_trust(
            attribution, recorder, relayer, own_words=own_words
        )
        return trust, " x ".join(parts)

    def _hop_trust(
        self, base: Opinion, relayed: Opinion | None, mode: Mode | None
    ) -> Opinion:
        """Return the recorder's trust, discounted by the relayer's, then retained.

        A function of three opinions and a mode, of which there are few in any
        graph (the policy's, and `_CERTAIN`), so each combination is computed
        once. They are told apart by identity, which they keep as long as the
        policy: hashing opinions by value would cost more than it saves.
        """
        key = (id(base), id(relayed), id(mode))
        found = self._trusts.get(key)
        if found is None:
            found = base
            if relayed is not None:
                found = discount(found, relayed)
            if mode is not None:
                found = _scaled(found, self.policy.retention[mode])
            self._trusts[key] = found
        return found

    def trusted(self, source_id: str) -> tuple[Opinion, str]:
        """Return the trust in a source, and the words that describe it."""
        found = self._trusted.get(source_id)
        if found is None:
            trust = self.trust(source_id)
            found = (trust, self.described(source_id, trust))
            self._trusted[source_id] = found
        return found

    def trust(self, source_id: str) -> Opinion:
        """Return the trust in a source: `trusted` without the words."""
        found = self._trust_numbers.get(source_id)
        if found is None:
            found = self._trust_numbers[source_id] = self.policy.trust_in(
                self._reliability(source_id)
            )
        return found

    def described(self, source_id: str, trust: Opinion) -> str:
        grade = self.grade(source_id)
        return f"{self.name(source_id)} ({grade}, belief {trust.belief:.2f})"

    def _reliability(self, source_id: str) -> Reliability | None:
        return self.policy.grade_of(self.graph.source(source_id))

    # --- one chain ----------------------------------------------------------

    def link(self, leaf_id: str, *, interested: bool = False) -> _Link:
        """Return the numbers of the chain starting at *leaf_id*, kept once computed.

        With *interested*, the origin is taken as interested whatever its own
        claim is about: the claim assessed is about a party the origin speaks
        for.
        """
        links = self._links[interested]
        found = links.get(leaf_id)
        if found is None:
            found = links[leaf_id] = self._compute_link(leaf_id, interested=interested)
        return found

    def _compute_link(self, leaf_id: str, *, interested: bool = False) -> _Link:
        leaf = self.attributions[leaf_id]
        walked = self._walk(leaf)
        if walked is None:
            return _Link(leaf_id, leaf.claim, None, None, borrowed=interested)
        origin, carried = walked
        marked = interested or self._interested(origin, leaf.claim)
        trust = self._origin_number(origin.source, interested=marked)
        testimony = self._testimonies[origin.stance]
        return _Link(
            leaf_id,
            leaf.claim,
            origin,
            self._own(carried * trust.belief, testimony),
            origin.stance is Stance.DENIES,
            marked,
            interested,
            _evidence_free(trust, testimony),
        )

    def _walk(self, leaf: Attribution) -> tuple[Attribution, float] | None:
        """Return the origin of the chain from *leaf*, and its hops' carried belief.

        That is the product of the beliefs of every hop's trust (`hop_trust`),
        leaf first, as `discount_chain` takes it; None if the chain never
        reaches an origin. A hop's trust depends only on the trust in its
        recorder and in its relayer, and on its mode (`hop_trust`): each hop
        costs a few lookups in the tables `_hop_trust` fills, not a call.

        The graph's relay walk knows which chains loop, but most graphs have
        no loop and most chains are short: a chain is asked about only once
        some chain has gone on for `_LONG` hops, which might be a loop.
        """
        graph = self.graph
        if self._long and graph.origin(leaf.id) is None:
            return None
        if leaf.via is None:
            # Most chains are one first-hand hop: what the loop below gives
            # for it, from a table (`_recorded`), carried from 1.0 exactly.
            recorder, belief = self._recorded[id(leaf.mode)].get(
                leaf.document
            ) or self._record(leaf)
            if recorder == leaf.source:
                return leaf, _CERTAIN.belief  # the speaker's own words
            return leaf, belief
        index = self.attributions
        documents = self.documents
        trusts = self._trust_numbers
        hop_trusts = self._trusts
        unassessed = self.policy.unassessed
        carried = 1.0
        hop = leaf
        steps = 0
        while True:
            document = documents.get(hop.document)
            recorder = None if document is None else document.publisher
            source = hop.source
            via = hop.via
            relayer = None
            if via is None:
                if recorder == source:
                    # The speaker's own words: certain, nothing to retain.
                    return hop, carried * _CERTAIN.belief
                upstream = None
            else:
                upstream = index.get(via)
                if upstream is None:
                    return None  # it relays an attribution that does not exist
                if source != recorder:
                    upstream_document = documents.get(upstream.document)
                    if (
                        upstream_document is None
                        or upstream_document.publisher != source
                    ):
                        relayer = source  # as in `_recording`
            base = unassessed if recorder is None else trusts.get(recorder)
            if base is None:
                assert recorder is not None
                base = self.trust(recorder)
            relayed = None if relayer is None else trusts.get(relayer)
            if relayed is None and relayer is not None:
                relayed = self.trust(relayer)
            mode = hop.mode
            trusted = hop_trusts.get((id(base), id(relayed), id(mode)))
            if trusted is None:
                trusted = self._hop_trust(base, relayed, mode)
            carried *= trusted.belief
            if upstream is None:
                return hop, carried
            hop = upstream
            steps += 1
            if steps == _LONG and not self._long:
                self._long = True
                if graph.origin(leaf.id) is None:
                    return None

    def _record(self, leaf: Attribution) -> tuple[str | None, float]:
        """Return who records a first-hand hop, and the belief its trust carries.

        That is the document's publisher, and the belief of the trust the
        hop passes on (`hop_trust`) unless the publisher is its source: it
        depends on the document and the mode only, so each pair is kept in
        `_recorded` (`_by_mode`).
        """
        document = self.documents.get(leaf.document)
        recorder = None if document is None else document.publisher
        base = self.policy.unassessed if recorder is None else self.trust(recorder)
        found = self._recorded[id(leaf.mode)][leaf.document] = (
            recorder,
            self._hop_trust(base, None, leaf.mode).belief,
        )
        return found

    def _explained_link(self, leaf_id: str, *, interested: bool = False) -> _Link:
        """Return the numbers of a chain as `link` does, read off its `Chain`.

        An explanation needs the chain anyway: building it first computes
        each hop's trust once, for the numbers and the words alike.
        """
        chain = self.chain(leaf_id, interested=interested)
        if chain.origin is None:
            return _Link(leaf_id, chain.claim, None, None, borrowed=interested)
        assert chain.origin_trust is not None
        assert chain.testimony is not None
        return _Link(
            leaf_id,
            chain.claim,
            self.attributions[chain.origin],
            chain.own,
            chain.against,
            chain.interested,
            interested,
            _evidence_free(chain.origin_trust, chain.testimony),
        )

    def _interested(self, origin: Attribution, claim_id: str) -> bool:
        """Whether the origin speaks for a party the claim is about.

        The claim is the origin's own, or one its evidence reaches.
        """
        claim = self.claims.get(claim_id)
        # Most claims are about nobody: no need to ask who speaks for whom.
        return (
            claim is not None
            and bool(claim.about)
            and self._speaks_for(origin.source, claim.about, claim_id)
        )

    def _speaks_for(
        self, source_id: str, parties: tuple[str, ...], claim_id: str
    ) -> bool:
        """Whether `ClaimGraph.interested_party` finds the source interested.

        *parties* are the claim's `about` ids. A source speaks for a party it
        answers to up its affiliation chain, which then ends where the party's
        does: most parties are in another affiliation tree, and only the
        claims with one in the source's tree need the graph's search.
        """
        root_of = self.graph.affiliation_root
        root = root_of(source_id)
        for party in parties:
            if root_of(party) == root:
                return self.graph.interested_party(source_id, claim_id) is not None
        return False

    def _own(self, carried: float, testimony: Opinion) -> Opinion:
        """Return the testimony discounted along a chain that reaches its origin.

        *carried* is the product of the beliefs of the chain's trusts, the
        hops' leaf first, then the origin's, taken in that order.
        `discount_chain` discounts by that product, so chains with the same
        product and testimony (one per stance) share one opinion.
        """
        owns = self._owns.get(id(testimony))
        if owns is None:
            owns = self._owns[id(testimony)] = {}
        # Equal zeros may differ in sign, which the masses would keep: a zero
        # is kept by its sign instead, which no product of beliefs can equal.
        key = carried or math.copysign(2.0, carried)
        found = owns.get(key)
        if found is None:
            found = owns[key] = _discount_by(carried, testimony)
        return found

    def chain(self, leaf_id: str, *, interested: bool = False) -> Chain:
        """Return the chain starting at the attribution *leaf_id*, computed once.

        With *interested*, as for `link`, whose numbers it carries.
        """
        key = (leaf_id, interested)
        found = self._chains.get(key)
        if found is None:
            found = self._chains[key] = self._compute_chain(
                leaf_id, interested=interested
            )
        return found

    def _compute_chain(self, leaf_id: str, *, interested: bool) -> Chain:
        graph = self.graph
        attributions = graph.chain(leaf_id)
        hops = tuple(map(self.hop, attributions))
        claim_id = attributions[0].claim
        last = attributions[-1]
        # `ClaimGraph.chain` stops at an origin, at a relay loop or at a relay
        # of an attribution that does not exist: only an origin relays nothing.
        origin = last if last.via is None else None
        if origin is None:
            if graph.in_relay_cycle(last.id):
                why = "its relays loop back on themselves"
            else:
                why = f"{last.id} relays {last.via}, which does not exist"
            return _new_chain(
                leaf=leaf_id,
                claim=claim_id,
                hops=hops,
                origin=None,
                origin_trust=None,
                origin_reason=f"never reaches an origin: {why}; contributes nothing",
                testimony=None,
                own=None,
                opinion=None,
                against=False,
                relation="",
                anonymous=False,
                interested=False,
                strongest=False,
            )
        marked = interested or self._interested(origin, claim_id)
        trust, reason, anonymous = self._origin_trust(origin.source, interested=marked)
        testimony = self._said[id(origin.stance)]
        carried = 1.0
        for hop in hops:
            carried *= hop.trust.belief
        own = self._own(carried * trust.belief, testimony)
        return _new_chain(
            leaf=leaf_id,
            claim=claim_id,
            hops=hops,
            origin=origin.id,
            origin_trust=trust,
            origin_reason=reason,
            testimony=testimony,
            own=own,
            opinion=own,
            against=origin.stance is Stance.DENIES,
            relation="",
            anonymous=anonymous,
            interested=marked,
            # Most chains are the only chain of their origin: marked so here,
            # they need no copy when their group marks its strongest chains.
            strongest=True,
        )

    def _origin_trust(
        self, source_id: str, *, interested: bool
    ) -> tuple[Opinion, str, bool]:
        """Return the trust in an origin's source, why, and whether anonymous."""
        key = (source_id, interested)
        found = self._origins.get(key)
        if found is not None:
            return found
        policy = self.policy
        source = self.graph.source(source_id)
        reasons = [self.trusted(source_id)[1]]
        anonymous = source is not None and source.anonymous
        if anonymous:
            reasons.append(f"anonymous keeps {policy.anonymity:.2f}")
        if interested:
            reasons.append(f"interested keeps {policy.interest:.2f}")
        trust = self._origin_number(source_id, interested=interested)
        found = self._origins[key] = (trust, " x ".join(reasons), anonymous)
        return found

    def _origin_number(self, source_id: str, *, interested: bool) -> Opinion:
        """Return the trust of `_origin_trust`, without the words."""
        table = self._origin_numbers[interested]
        found = table.get(source_id)
        if found is None:
            policy = self.policy
            found = self.trust(source_id)
            source = self.graph.source(source_id)
            if source is not None and source.anonymous:
                found = _scaled(found, policy.anonymity)
            if interested:
                found = _scaled(found, policy.interest)
            table[source_id] = found
        return found

    # --- one claim ----------------------------------------------------------

    def results(self, claim_ids: list[str]) -> dict[str, ClaimConfidence]:
        """Return the result of every claim of *claim_ids*, in that order.

        Most claims are in no relation, so only their own chains count, and
        most of those have one leaf: its chain is their one origin group, and
        its opinion all their verdict fuses. They take a short path, without
        links, pieces or groups (so do claims whose chains all have origin
        groups of their own, `_tally`); the rest take `confidence`. Either
        way the result is the one `confidence` returns.
        """
        graph = self.graph
        related = _related_claims(graph)
        assessed = set(map(_claim_of, graph.assessments))
        first, more = self._leaf_table()
        reached = self._reached
        singles = self._singles
        deferred = self.deferred
        denies = Stance.DENIES
        nothing = self._verdict([])
        # `_gathered` meets each chain on one route only while every
        # attribution id is one record's, so that no leaf is two claims'.
        unique = len(self.attributions) == len(graph.attributions)
        results: dict[str, ClaimConfidence] = {}
        counts: tuple[int, int]
        tally: tuple[_Verdict, tuple[int, int]] | None
        for claim_id in claim_ids:
            if claim_id in related:
                if not unique:
                    results[claim_id] = self.confidence(claim_id)
                    continue
                routes = graph.evidence_routes(claim_id)
                verdict, counts = self._gathered(claim_id, routes)
            elif claim_id in more:
                tally = self._tally((first[claim_id], *more[claim_id]))
                if tally is None:
                    # Some group has several chains to fuse.
                    tally = self._gathered(claim_id, ((claim_id, False, False, 0),))
                verdict, counts = tally
            else:
                leaf = first.get(claim_id)
                found = None if leaf is None else reached(leaf)
                if found is None:
                    verdict, counts = nothing, _NONE
                else:
                    origin, own, _ = found
                    held = singles.get(id(own))
                    if held is None:
                        held = singles[id(own)] = self._verdict([own])
                    verdict = held
                    counts = _AGAINST if origin.stance is denies else _FOR
            results[claim_id] = _result(
                claim_id,
                verdict,
                counts,
                self._analysts(graph.assessments_of(claim_id), verdict[1])
                if claim_id in assessed
                else (),
                deferred,
            )
        return results

    def _leaf_table(self) -> _Leaves:
        """Return every claim's leaves, as `ClaimGraph.leaves_of` gives their ids.

        Each leaf is the record its id looks up, which the chain starts from:
        another than the leaf's own record only when two records share an id,
        and then kept once for each claim, as one chain.
        Worked out in one pass over the attributions: the graph's own table
        comes with every claim's origins, which the numbers never need. Most
        claims have one leaf, kept alone: a tuple for each would cost more.
        """
        found = self._leaves
        if found is None:
            attributions = self.graph.attributions
            index = self.attributions
            shared = len(index) != len(attributions)  # some id held twice
            # An attribution id is never None, so None among these is harmless.
            relayed = set(map(_via_of, attributions))
            first: dict[str, Attribution] = {}
            more: dict[str, list[Attribution]] = {}
            for attribution in attributions:
                leaf_id = attribution.id
                if leaf_id in relayed:
                    continue
                claim_id = attribution.claim
                leaf = index[leaf_id] if shared else attribution
                if claim_id not in first:
                    first[claim_id] = leaf
                elif shared and _held(leaf, first[claim_id], more.get(claim_id)):
                    continue  # one chain, however many records hold its id
                elif claim_id in more:
                    more[claim_id].append(leaf)
                else:
                    more[claim_id] = [leaf]
            found = self._leaves = (first, more)
        return found

    def _leaves_of(self, claim_id: str) -> tuple[Attribution, ...]:
        """Return the claim's leaves, as `_leaf_table` keeps them."""
        first, more = self._leaf_table()
        leaf = first.get(claim_id)
        if leaf is None:
            return ()
        others = more.get(claim_id)
        return (leaf,) if others is None else (leaf, *others)

    def _reached(self, leaf: Attribution) -> tuple[Attribution, Opinion, bool] | None:
        """Return the origin of the chain from *leaf*, its own opinion, its interest.

        What `_compute_link` finds of the three (`_Link.origin`, `_Link.own`
        and `_Link.interested`), without the rest of a link: None if the
        chain reaches no origin.
        """
        origin: Attribution = leaf
        if leaf.via is None and not self._long:
            # Most chains are one first-hand hop: `_walk`'s first step, here.
            recorder, carried = self._recorded[id(leaf.mode)].get(
                leaf.document
            ) or self._record(leaf)
            if recorder == leaf.source:
                carried = _CERTAIN.belief  # the speaker's own words
        else:
            walked = self._walk(leaf)
            if walked is None:
                return None
            origin, carried = walked
        # `_interested`, `_origin_number` and `_own`, their tables read here:
        # this runs for nearly every claim.
        claim = self.claims.get(leaf.claim)
        source = origin.source
        marked = (
            claim is not None
            and bool(claim.about)
            and self._speaks_for(source, claim.about, leaf.claim)
        )
        trust = self._origin_numbers[marked].get(source)
        if trust is None:
            trust = self._origin_number(source, interested=marked)
        carried *= trust.belief
        testimony = self._said[id(origin.stance)]
        owns = self._owns.get(id(testimony))
        own = None if owns is None else owns.get(carried or math.copysign(2.0, carried))
        if own is None:
            own = self._own(carried, testimony)
        return origin, own, marked

    def _tally(
        self, leaves: tuple[Attribution, ...]
    ) -> tuple[_Verdict, tuple[int, int]] | None:
        """Return a claim's verdict and its groups for and against, from its leaves.

        For a claim in no relation, whose own chains are all it counts. Each
        group of one chain is that chain's opinion (`_fuse`), so when every
        chain's origin has an affiliation root of its own, no group needs
        fusing; None when some group has several chains. The leaves are as
        `_leaf_table` keeps them: each chain's start, once.
        """
        root_of = self.graph.affiliation_root
        denies = Stance.DENIES
        chains: dict[str, tuple[Opinion, bool]] = {}
        for leaf in leaves:
            found = self._reached(leaf)
            if found is None:
                continue
            origin, own, _ = found
            root = root_of(origin.source)
            if root in chains:
                return None
            chains[root] = (own, origin.stance is denies)
        opinions: list[Opinion] = []
        contradicting = 0
        for root in sorted(chains):
            own, against = chains[root]
            opinions.append(own)
            contradicting += against
        return self._verdict(opinions), (len(opinions) - contradicting, contradicting)

    def _gathered(
        self, claim_id: str, routes: _Routes
    ) -> tuple[_Verdict, tuple[int, int]]:
        """Return a claim's verdict and its groups for and against, as `confidence`.

        From the chains of every claim on *routes*, the claim's evidence
        routes, each claim's as `_chains_of` keeps them: without links or
        pieces, but for the groups of several chains, which `_fuse` combines.
        Either the claim's own route alone, or a graph whose attribution ids
        are each one record's: every leaf is then one claim's, so no chain is
        met on two routes.
        """
        claim = self.claims.get(claim_id)
        parties = () if claim is None else claim.about
        owned = self._owned
        chains: dict[str, _Counted] = {}
        crowded: dict[str, list[_Counted]] = {}
        counted: _Counted
        for other, against, support_only, hops in routes:
            found = owned.get(other)
            if found is None:
                found = self._chains_of(other)
            for chain in found:
                root, origin, own, interested, denies, leaf = chain
                if support_only and denies:
                    continue
                if other == claim_id:
                    counted = (own, denies, chain, -1, False)
                else:
                    # As `_evidence` does, the claim's own parties too.
                    borrowed = (
                        bool(parties)
                        and not interested
                        and self._speaks_for(origin.source, parties, claim_id)
                    )
                    if borrowed:
                        own = self._borrowed(leaf)
                    opinion = self._carry(own, against=against, hops=hops)
                    counted = (opinion, denies != against, chain, hops, borrowed)
                if root not in chains:
                    chains[root] = counted
                elif root in crowded:
                    crowded[root].append(counted)
                else:
                    crowded[root] = [counted]
        opinions: list[Opinion] = []
        supporting = contradicting = 0
        for root in sorted(chains):
            counted = chains[root]
            more = crowded.get(root)
            if more is None:
                # A group of one chain is that chain's opinion (`_fuse`).
                opinions.append(counted[0])
                contradicting += counted[1]
                supporting += not counted[1]
                continue
            pieces = [self._piece(counted), *map(self._piece, more)]
            opinions.append(self._fuse(pieces).opinion)
            supporting += _supports(pieces)
            contradicting += _contradicts(pieces)
        return self._verdict(opinions), (supporting, contradicting)

    def _chains_of(self, claim_id: str) -> tuple[_Owned, ...]:
        """Return the numbers of the claim's own chains that reach an origin, kept.

        Those `link` gives, in `_leaves_of` order: each claim's are read by
        the claim and by every claim whose evidence routes reach it.
        """
        root_of = self.graph.affiliation_root
        denies = Stance.DENIES
        chains: list[_Owned] = []
        for leaf in self._leaves_of(claim_id):
            found = self._reached(leaf)
            if found is None:
                continue
            origin, own, interested = found
            root = root_of(origin.source)
            chains.append(
                (root, origin, own, interested, origin.stance is denies, leaf)
            )
        found_chains = self._owned[claim_id] = tuple(chains)
        return found_chains

    def _borrowed(self, leaf: Attribution) -> Opinion:
        """Return a chain's own opinion with its origin taken as interested."""
        own = self.link(leaf.id, interested=True).own
        assert own is not None
        return own

    def _piece(self, counted: _Counted) -> _Piece:
        """Return a chain counted by `_gathered` as the piece `_evidence` makes."""
        opinion, against, chain, crossed, borrowed = counted
        _, origin, own, interested, denies, leaf = chain
        marked = interested or borrowed
        if borrowed:
            own = self._borrowed(leaf)
        trust = self._origin_number(origin.source, interested=marked)
        link = _Link(
            leaf.id,
            leaf.claim,
            origin,
            own,
            denies,
            marked,
            borrowed,
            _evidence_free(trust, self._said[id(origin.stance)]),
        )
        return _Piece(link, opinion, against, crossed)

    def confidence(self, claim_id: str) -> ClaimConfidence:
        """Return the claim's result, its explanation deferred to first read."""
        by_root, _ = self._evidence(claim_id, explaining=False)
        opinions: list[Opinion] = []
        supporting = contradicting = 0
        for root in sorted(by_root):
            pieces = by_root[root]
            if len(pieces) == 1:
                # A group of one chain is that chain's opinion (`_fuse`).
                (piece,) = pieces
                opinions.append(piece.opinion)
                contradicting += piece.against
                supporting += not piece.against
            else:
                opinions.append(self._fuse(pieces).opinion)
                supporting += _supports(pieces)
                contradicting += _contradicts(pieces)
        verdict = self._verdict(opinions)
        assessments = self.graph.assessments_of(claim_id)
        return _result(
            claim_id,
            verdict,
            (supporting, contradicting),
            self._analysts(assessments, verdict[1]) if assessments else (),
            self.deferred,
        )

    def _verdict(self, opinions: list[Opinion]) -> _Verdict:
        """Return a claim's opinion from its groups' (by root), its P and its term.

        Most groups are one chain, whose opinion is shared with many other
        chains (`_own`), so most combinations recur: each is fused once. They
        are keyed by identity, holding the opinions so that no id is reused:
        equal opinions may still differ in a zero's sign. Cumulative fusion
        gives the same bits in any order (its sums are exactly rounded), so
        the key is a set's: the same opinions from other roots are one key.
        """
        key = tuple(sorted(map(id, opinions)))
        held = self._verdicts.get(key)
        if held is not None:
            return held[1]
        if opinions:
            fused = cumulative_fusion(opinions)
            opinion = Opinion.of(
                fused.belief, fused.disbelief, fused.uncertainty, self.policy.base_rate
            )
        else:
            opinion = self._vacuous
        probability = opinion.projected
        likelihood = self._terms.get(probability)
        if likelihood is None:
            likelihood = self._terms[probability] = Likelihood.for_probability(
                probability
            )
        verdict = (opinion, probability, likelihood)
        self._verdicts[key] = (opinions, verdict)
        return verdict

    def explanation(
        self, claim_id: str
    ) -> tuple[tuple[Group, ...], tuple[Chain, ...], str, str]:
        """Return the claim's groups, unreached chains, fusion and summary."""
        by_root, unreached = self._evidence(claim_id, explaining=True)
        groups = tuple(
            self._group(claim_id, root, by_root[root]) for root in sorted(by_root)
        )
        chains = tuple(self.chain(link.leaf) for link in unreached)
        count = len(groups)
        if count == 0:
            fusion = "no origin reached: vacuous, at the base rate"
        elif count == 1:
            fusion = "the single origin group's opinion"
        else:
            fusion = f"cumulative fusion of {count} independent origin groups"
        return groups, chains, fusion, self._summary(groups, chains)

    def _evidence(self, claim_id: str, *, explaining: bool) -> _Evidence:
        """Return the chains that count for or against the claim, and how.

        Chains are grouped by the affiliation root of their origin; the
        claim's own chains that reach no origin come apart, for the words.
        *explaining* says the chains' words are wanted too: their numbers
        are then read off them (`_explained_link`).
        """
        graph = self.graph
        by_root: dict[str, list[_Piece]] = {}
        unreached: list[_Link] = []
        seen: set[str] = set()
        link = self.link
        root_of = graph.affiliation_root
        # A relay loop's head starts a chain that reaches no origin: only the
        # words count it (`_starts`).
        starts = self._leaves_of
        if explaining:
            link = self._explained_link
            starts = self._starts
        elif not graph.relations_of(claim_id):
            # Evidence reaches a claim from others through relations only:
            # the chains of a claim no relation touches are asked for by that
            # claim alone, once, so they need not be kept.
            link = self._compute_link
        for other, against, support_only, hops in graph.evidence_routes(claim_id):
            for start in starts(other):
                leaf = start.id
                if leaf in seen:
                    continue
                seen.add(leaf)
                found = link(leaf)
                origin = found.origin
                if origin is None:
                    if other == claim_id:
                        unreached.append(found)
                    continue
                if support_only and found.denies:
                    continue
                if other == claim_id:
                    own = found.own
                    assert own is not None
                    piece = _Piece(found, own, found.denies, -1)
                else:
                    if not found.interested and self._interested(origin, claim_id):
                        # Evidence borrowed from a related claim is judged
                        # against this claim's parties too, not only its own
                        # claim's.
                        found = link(leaf, interested=True)
                    piece = self._carried(found, against=against, hops=hops)
                by_root.setdefault(root_of(origin.source), []).append(piece)
        return by_root, unreached

    def _starts(self, claim_id: str) -> tuple[Attribution, ...]:
        """Return where the claim's chains start: leaves, and one hop per loop.

        The leaves are those of `_leaves_of`: the ids `ClaimGraph.leaves_of`
        gives, each once, which is all a chain needs of its start.
        """
        graph = self.graph
        starts = self._leaves_of(claim_id)
        # A relay loop nothing relays has no leaf; it still deserves a line in
        # the explanation, so it starts once, from its head.
        heads = self._heads
        if heads is None:
            heads = self._heads = frozenset(
                min(cycle) for cycle in graph.relay_cycles()
            )
        if heads:
            starts += tuple(a for a in graph.attributions_of(claim_id) if a.id in heads)
        return starts

    def _carried(self, link: _Link, *, against: bool, hops: int) -> _Piece:
        """Carry a related claim's chain over the relations to the claim assessed."""
        assert link.own is not None
        opinion = self._carried_opinion(link.own, against=against, hops=hops)
        return _Piece(link, opinion, link.denies != against, hops)

    def _carry(self, opinion: Opinion, *, against: bool, hops: int) -> Opinion:
        """Return `_carried_opinion`, computed once for each opinion and route.

        A chain's own opinion is shared with many chains (`_own`), and there
        are few routes: most claims carried across relations carry the same
        opinions, which then share their verdicts too (`_verdict`). Kept by
        the opinion's identity, holding it, as `_verdict` keys them.
        """
        if not hops and not against:
            return opinion
        key = (id(opinion), against, hops)
        found = self._carries.get(key)
        if found is None:
            found = self._carries[key] = (
                opinion,
                self._carried_opinion(opinion, against=against, hops=hops),
            )
        return found[1]

    def _carried_opinion(
        self, opinion: Opinion, *, against: bool, hops: int
    ) -> Opinion:
        """Return what a chain's own opinion says of the claim it was carried to."""
        if hops:
            share = self.policy.supports**hops
            opinion = discount(Opinion.of(share, 0.0, 1.0 - share), opinion)
        if against:
            # The complement's masses, at the assessed claim's base rate: support
            # for a contradicting claim is disbelief in this one.
            opinion = Opinion.of(
                opinion.disbelief,
                opinion.belief,
                opinion.uncertainty,
                opinion.base_rate,
            )
        return opinion

    def _fuse(self, pieces: list[_Piece]) -> _Fused:
        """Return the opinion of one origin group's chains; see `Group.opinion`."""
        if len(pieces) == 1:
            return _Fused(pieces[0].opinion, "one", pieces, pieces, 0)
        # Chains carrying one origin statement are copies of one piece of
        # evidence: its strongest copy is all there is, so a further relay of
        # the same statement, however trusted, can never add to it.
        strongest: dict[str, _Piece] = {}
        ordered = sorted(pieces, key=lambda piece: (piece.link.claim, piece.link.leaf))
        for piece in ordered:
            origin = piece.link.origin
            assert origin is not None
            held = strongest.get(origin.id)
            if held is None or piece.strength() < held.strength():
                strongest[origin.id] = piece
        picked = [strongest[origin] for origin in sorted(strongest)]
        opinions = [piece.opinion for piece in picked]
        # An origin that carries no evidence of its own (its speaker is
        # unassessed, so every chain from it is vacuous) has nothing to
        # average: counting it would pull the group towards the base rate as
        # if it were evidence of doubt. A chain that lost its evidence on the
        # way (an unassessed recorder) still counts: a worse relay must never
        # raise P by dropping its origin out of the average.
        informative = [piece.opinion for piece in picked if not piece.link.free]
        left_out = len(opinions) - len(informative)
        case: _Case
        if len(opinions) == 1:
            opinion, case = opinions[0], "one"
        elif not informative:
            opinion, case = averaging_fusion(opinions), "vacuous"
        elif left_out and len(informative) == 1:
            opinion, case = informative[0], "only"
        elif self.policy.within_group == "best":
            opinion, case = min(picked, key=_Piece.strength).opinion, "best"
        else:
            opinion, case = averaging_fusion(informative), "averaging"
        return _Fused(opinion, case, ordered, picked, left_out)

    def _group(self, claim_id: str, root: str, pieces: list[_Piece]) -> Group:
        if len(pieces) == 1:
            # Most groups are one chain: what the general case gives for it.
            (piece,) = pieces
            return _new_group(
                root=root,
                chains=(self._counted(claim_id, piece, strongest=True),),
                opinion=piece.opinion,
                fusion=_ONE_CHAIN,
                supporting=not piece.against,
                contradicting=piece.against,
            )
        fused = self._fuse(pieces)
        used = {piece.link.leaf for piece in fused.picked}
        return _new_group(
            root=root,
            chains=tuple(
                self._counted(claim_id, piece, strongest=piece.link.leaf in used)
                for piece in fused.ordered
            ),
            opinion=fused.opinion,
            fusion=self._fusion_words(fused, len(pieces)),
            supporting=_supports(pieces),
            contradicting=_contradicts(pieces),
        )

    def _counted(self, claim_id: str, piece: _Piece, *, strongest: bool) -> Chain:
        """Return the chain as the claim counts it: after relations, marked."""
        link = piece.link
        chain = self.chain(link.leaf, interested=link.borrowed)
        relation = ""
        if link.claim != claim_id:
            words = [f"evidence about related claim {link.claim}"]
            # A claim's own chain (-1) crossed no relation, though its record
            # may name another claim when two attributions share an id.
            if piece.crossed > 0:
                share = self.policy.supports**piece.crossed
                words.append(
                    f"across {piece.crossed} supports relation(s), keeping {share:.2f}"
                )
            if piece.against != link.denies:
                words.append("which contradicts this one, so it counts against")
            relation = ", ".join(words)
        if (
            chain.opinion == piece.opinion
            and chain.against == piece.against
            and chain.relation == relation
            and chain.strongest == strongest
        ):
            return chain
        return _changed(
            chain,
            opinion=piece.opinion,
            against=piece.against,
            relation=relation,
            strongest=strongest,
        )

    def _fusion_words(self, fused: _Fused, count: int) -> str:
        """Say how a group's chains were combined."""
        words = _count(count, "chain")
        chosen = len(fused.picked)
        left_out = _count(fused.left_out, "evidence-free origin")
        if fused.case == "one":
            return f"one origin; the strongest of its {words}"
        if fused.case == "vacuous":
            return f"{chosen} dependent origins, none with evidence of its own: vacuous"
        if fused.case == "only":
            return (
                f"{chosen} dependent origins; the only one with evidence of its "
                f"own, by the strongest of its chains ({words} in all); "
                f"{left_out} left out"
            )
        if fused.case == "best":
            best = min(fused.picked, key=_Piece.strength).link
            assert best.origin is not None
            return (
                f"{chosen} dependent origins; the strongest, {best.origin.id}, "
                f"from {best.leaf}"
            )
        text = (
            f"averaging fusion of {chosen - fused.left_out} dependent origins, "
            f"each by the strongest of its chains ({words} in all)"
        )
        if fused.left_out:
            text += f"; {left_out} left out, having nothing to average"
        return text

    # --- words --------------------------------------------------------------

    def _label(self, source_id: str) -> str:
        """Return how a summary names an origin's source, once per source."""
        found = self._labels.get(source_id)
        if found is None:
            found = self._labels[source_id] = self._compute_label(source_id)
        return found

    def _compute_label(self, source_id: str) -> str:
        source = self.graph.source(source_id)
        if source is None:
            return source_id
        name = source.name
        if source.anonymous and not any(
            word in name.lower() for word in ("anonymous", "unnamed", "unidentified")
        ):
            # "Current and former US officials" reads as "anonymous current...".
            if name[:1].isupper() and name[1:2].islower():
                name = name[0].lower() + name[1:]
            name = f"anonymous {name}"
        return name

    def _path(self, chain: Chain) -> str:
        # Everything the words depend on besides the leaf's own chain.
        key = (chain.leaf, chain.interested, chain.relation)
        found = self._paths.get(key)
        if found is None:
            found = self._paths[key] = self._words_for_path(chain)
        return found

    def _words_for_path(self, chain: Chain) -> str:
        parties: list[str] = []
        for hop in reversed(chain.hops):
            if hop.recorder != hop.source:
                parties.append(self.name(hop.recorder))
            if hop.relayer is not None:
                parties.append(self.name(hop.relayer))
        # A party that records one hop and relays the next is named once.
        parties = [
            party
            for i, party in enumerate(parties)
            if i == 0 or party != parties[i - 1]
        ]
        if len(parties) > _MAX_PARTIES:
            hidden = len(parties) - _MAX_PARTIES + 1
            keep = _MAX_PARTIES // 2
            parties = [
                *parties[:keep],
                f"{hidden:,} more",
                *parties[len(parties) - (_MAX_PARTIES - keep - 1) :],
            ]
        assert chain.origin is not None
        text = self._label(self.attributions[chain.origin].source)
        if parties:
            text += " via " + " via ".join(parties)
        tags: list[str] = []
        state_media = self._state_media
        if state_media is None:
            state_media = self._state_media = frozenset(
                source.id
                for source in self.graph.source_index.values()
                if source.kind is SourceKind.STATE_MEDIA
            )
        if chain.hops[-1].source in state_media or any(
            hop.recorder in state_media or hop.relayer in state_media
            for hop in chain.hops
        ):
            tags.append("state media")
        if chain.interested:
            tags.append("interested")
        if chain.relation:
            tags.append(f"through claim {chain.claim}")
        if tags:
            text += f" ({', '.join(tags)})"
        return text

    def _side(self, groups: list[Group], *, against: bool) -> str:
        parts: list[str] = []
        for group in groups:
            if len(group.chains) == 1:
                # The one chain of a group on this side is on this side.
                parts.append(self._path(group.chains[0]))
                continue
            paths = [
                self._path(chain) for chain in group.chains if chain.against == against
            ]
            paths = list(dict.fromkeys(paths))
            last = paths.pop()
            parts.append(f"{', '.join(paths)} and {last}" if paths else last)
        count = len(groups)
        noun = "independent origin" if count == 1 else "independent origins"
        return f"{count} {noun}: {'; '.join(parts)}"

    def _summary(self, groups: tuple[Group, ...], unreached: tuple[Chain, ...]) -> str:
        supporting = [group for group in groups if group.supporting]
        contradicting = [group for group in groups if group.contradicting]
        sentences: list[str] = []
        if supporting:
            sentences.append(self._side(supporting, against=False))
        if contradicting:
            sentences.append("Against it, " + self._side(contradicting, against=True))
        if not groups:
            sentences.append("No origin reached")
        if unreached:
            count = len(unreached)
            noun = "chain never reaches" if count == 1 else "chains never reach"
            sentences.append(f"{count} {noun} an origin")
        return ". ".join(sentences) + "."

    def _analysts(
        self, assessments: tuple[Assessment, ...], probability: float
    ) -> tuple[AnalystView, ...]:
        views: list[AnalystView] = []
        for assessment in sorted(assessments, key=lambda a: a.id):
            judged: list[tuple[str, str, Likelihood]] = []
            if assessment.credibility is not None:
                term = self.policy.credibility_terms[assessment.credibility]
                if term is not None:
                    credibility = assessment.credibility
                    grade = f"{credibility.value} ({credibility.description})"
                    judged.append(("credibility", grade, term))
            if assessment.likelihood is not None:
                judged.append(
                    ("likelihood", assessment.likelihood.words, assessment.likelihood)
                )
            for scale, grade, term in judged:
                low, high = _band(term)
                distance = max(low - probability, probability - high, 0.0)
                views.append(
                    AnalystView(
                        assessment=assessment.id,
                        by=assessment.by,
                        scale=scale,
                        grade=grade,
                        term=term,
                        band=(low, high),
                        distance=distance,
                        disagrees=distance > self.policy.disagreement,
                    )
                )
        return tuple(views)


def _result(
    claim_id: str,
    verdict: _Verdict,
    counts: tuple[int, int],
    analysts: tuple[AnalystView, ...],
    deferred: _Deferred,
) -> ClaimConfidence:
    """Return a claim's result, its explanation left to *deferred*."""
    result: ClaimConfidence = _new(ClaimConfidence)
    opinion, probability, likelihood = verdict
    supporting, contradicting = counts
    _set_claim(result, claim_id)
    _set_opinion(result, opinion)
    _set_probability(result, probability)
    _set_likelihood(result, likelihood)
    _set_supporting(result, supporting)
    _set_contradicting(result, contradicting)
    _set_groups(result, deferred)
    _set_unreached(result, deferred)
    _set_fusion(result, deferred)
    _set_summary(result, deferred)
    _set_analysts(result, analysts)
    return result


# Every result is built here: its fields are set straight through their slots,
# as the frozen class's own __init__ would set them, without looking each slot
# up by name.
(
    _set_claim,
    _set_opinion,
    _set_probability,
    _set_likelihood,
    _set_supporting,
    _set_contradicting,
    _set_analysts,
) = (
    ClaimConfidence.__dict__[name].__set__
    for name in (
        "claim",
        "opinion",
        "probability",
        "likelihood",
        "supporting",
        "contradicting",
        "analysts",
    )
)
_set_groups, _set_unreached, _set_fusion, _set_summary = (
    slot.__set__ for slot in _DEFERRED_SLOTS
)


def _changed(
    chain: Chain,
    *,
    opinion: Opinion | None,
    against: bool,
    relation: str,
    strongest: bool,
) -> Chain:
    """Return *chain* with the fields a claim's view of it may change.

    What `attrs.evolve` does, without looking the fields up on every call:
    chains are copied once or twice for every claim assessed.
    """
    return _new_chain(
        leaf=chain.leaf,
        claim=chain.claim,
        hops=chain.hops,
        origin=chain.origin,
        origin_trust=chain.origin_trust,
        origin_reason=chain.origin_reason,
        testimony=chain.testimony,
        own=chain.own,
        opinion=opinion,
        against=against,
        relation=relation,
        anonymous=chain.anonymous,
        interested=chain.interested,
        strongest=strongest,
    )


# Explanations build a hop for every attribution, a chain for every leaf and a
# group for every claim's origin: like results, they are built here through
# their slots, as their frozen classes' own __init__ would set them.
_HOP_SLOTS = tuple(
    Hop.__dict__[name].__set__
    for name in (
        "attribution",
        "source",
        "document",
        "mode",
        "recorder",
        "relayer",
        "trust",
        "reason",
    )
)
_CHAIN_SLOTS = tuple(
    Chain.__dict__[name].__set__
    for name in (
        "leaf",
        "claim",
        "hops",
        "origin",
        "origin_trust",
        "origin_reason",
        "testimony",
        "own",
        "opinion",
        "against",
        "relation",
        "anonymous",
        "interested",
        "strongest",
    )
)
_GROUP_SLOTS = tuple(
    Group.__dict__[name].__set__
    for name in (
        "root",
        "chains",
        "opinion",
        "fusion",
        "supporting",
        "contradicting",
    )
)


def _new_hop(
    *,
    attribution: str,
    source: str,
    document: str,
    mode: Mode,
    recorder: str | None,
    relayer: str | None,
    trust: Opinion,
    reason: str,
) -> Hop:
    """Return the `Hop` its constructor returns for these fields."""
    (
        set_attribution,
        set_source,
        set_document,
        set_mode,
        set_recorder,
        set_relayer,
        set_trust,
        set_reason,
    ) = _HOP_SLOTS
    hop: Hop = _new(Hop)
    set_attribution(hop, attribution)
    set_source(hop, source)
    set_document(hop, document)
    set_mode(hop, mode)
    set_recorder(hop, recorder)
    set_relayer(hop, relayer)
    set_trust(hop, trust)
    set_reason(hop, reason)
    return hop


def _new_chain(
    *,
    leaf: str,
    claim: str,
    hops: tuple[Hop, ...],
    origin: str | None,
    origin_trust: Opinion | None,
    origin_reason: str,
    testimony: Opinion | None,
    own: Opinion | None,
    opinion: Opinion | None,
    against: bool,
    relation: str,
    anonymous: bool,
    interested: bool,
    strongest: bool,
) -> Chain:
    """Return the `Chain` its constructor returns for these fields."""
    (
        set_leaf,
        set_claim,
        set_hops,
        set_origin,
        set_origin_trust,
        set_origin_reason,
        set_testimony,
        set_own,
        set_opinion,
        set_against,
        set_relation,
        set_anonymous,
        set_interested,
        set_strongest,
    ) = _CHAIN_SLOTS
    chain: Chain = _new(Chain)
    set_leaf(chain, leaf)
    set_claim(chain, claim)
    set_hops(chain, hops)
    set_origin(chain, origin)
    set_origin_trust(chain, origin_trust)
    set_origin_reason(chain, origin_reason)
    set_testimony(chain, testimony)
    set_own(chain, own)
    set_opinion(chain, opinion)
    set_against(chain, against)
    set_relation(chain, relation)
    set_anonymous(chain, anonymous)
    set_interested(chain, interested)
    set_strongest(chain, strongest)
    return chain


def _new_group(
    *,
    root: str,
    chains: tuple[Chain, ...],
    opinion: Opinion,
    fusion: str,
    supporting: bool,
    contradicting: bool,
) -> Group:
    """Return the `Group` its constructor returns for these fields."""
    (
        set_root,
        set_chains,
        set_opinion,
        set_fusion,
        set_supporting,
        set_contradicting,
    ) = _GROUP_SLOTS
    group: Group = _new(Group)
    set_root(group, root)
    set_chains(group, chains)
    set_opinion(group, opinion)
    set_fusion(group, fusion)
    set_supporting(group, supporting)
    set_contradicting(group, contradicting)
    return group


def _evidence_free(trust: Opinion, testimony: Opinion) -> bool:
    """Whether the origin itself carries no evidence, however it is relayed."""
    return trust.belief == 0.0 or (
        testimony.belief == 0.0 and testimony.disbelief == 0.0
    )


def _supports(pieces: list[_Piece]) -> bool:
    """Whether any of a group's chains counts for the claim."""
    return any(not piece.against for piece in pieces)


def _contradicts(pieces: list[_Piece]) -> bool:
    """Whether any of a group's chains counts against the claim."""
    return any(piece.against for piece in pieces)


def _held(
    leaf: Attribution, first: Attribution, more: list[Attribution] | None
) -> bool:
    """Whether a claim's leaves, *first* and *more*, hold *leaf* already."""
    return leaf is first or (more is not None and any(x is leaf for x in more))


def _by_mode() -> dict[int, dict[str, tuple[str | None, float]]]:
    """Return an empty table of first-hand hops' numbers (`_Calculus._record`).

    By the identity of the hop's mode (hashing an enum member by value calls
    Python code), then by document: two lookups by one key each cost less
    than one by a pair, whose hash is worked out again on every lookup.
    """
    return {id(mode): {} for mode in Mode}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


_NONE = (0, 0)
_FOR = (1, 0)
_AGAINST = (0, 1)
"""A claim's origin groups for and against it, when it has at most one."""

_ONE_CHAIN = "one origin; the strongest of its 1 chain"
"""How a group of one chain is combined (`_Calculus._fusion_words`)."""

_MAX_PARTIES = 6
"""Relaying parties named in a summary before the middle ones are counted."""

_LONG = 64
"""Hops after which a chain walked for its numbers may be a relay loop."""
