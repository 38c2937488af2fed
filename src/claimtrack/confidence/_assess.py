"""The calculus: from a graph's chains and origin groups to one opinion per claim."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import attrs

from claimtrack._bulk import collection_paused
from claimtrack.opinion import (
    Opinion,
    averaging_fusion,
    cumulative_fusion,
    discount,
    discount_chain,
)
from claimtrack.records import Likelihood, Mode, Reliability, SourceKind, Stance

from ._policy import Policy

if TYPE_CHECKING:
    from claimtrack.graph import ClaimGraph
    from claimtrack.records import Assessment, Attribution

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

    Args:
        graph: The claim graph.
        policy: The assumptions; the documented defaults if None.

    Returns:
        A mapping of claim id to `ClaimConfidence`.
    """
    policy = Policy() if policy is None else policy
    calculus = _Calculus(graph, policy)
    claim_ids = dict.fromkeys(
        [claim.id for claim in graph.claims]
        + [a.claim for a in graph.attributions]
        + [a.claim for a in graph.assessments]
    )
    # The results are many small records that all stay alive: collecting while
    # they are built would only traverse them, and the graph, again and again.
    with collection_paused():
        results = {cid: calculus.claim(cid) for cid in sorted(claim_ids)}
    return Assessments(policy=policy, results=results)


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


class _Calculus:
    """The policy applied to one graph, with each chain computed once."""

    def __init__(self, graph: ClaimGraph, policy: Policy) -> None:
        self.graph = graph
        self.policy = policy
        self._chains: dict[tuple[str, bool], Chain] = {}
        self._heads: frozenset[str] | None = None
        self._hops: dict[str, Hop] = {}
        # Everything below depends on one source, grade or stance only, and
        # is asked for again and again: computed once per graph.
        self._names: dict[str | None, str] = {}
        self._kinds: dict[str | None, SourceKind | None] = {}
        self._trusted: dict[str, tuple[Opinion, str]] = {}
        self._trusts: dict[tuple[Opinion, Opinion | None, Mode | None], Opinion] = {}
        self._origins: dict[tuple[str, bool], tuple[Opinion, str, bool]] = {}
        self._testimony: dict[Stance, Opinion] = {}
        self._paths: dict[tuple[str, bool, str], str] = {}
        self._terms: dict[float, Likelihood] = {}

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

    # --- one chain ----------------------------------------------------------

    def hop(self, attribution: Attribution) -> Hop:
        """Return the trust one attribution passes on, computed once.

        It depends on the attribution and its upstream hop only, never on who
        relays it further, so relaying a chain again can only add discounts.
        """
        found = self._hops.get(attribution.id)
        if found is not None:
            return found
        graph = self.graph
        policy = self.policy
        document = graph.document(attribution.document)
        recorder = None if document is None else document.publisher
        own_words = (
            recorder is not None
            and recorder == attribution.source
            and attribution.via is None
        )
        if recorder is None:
            base = policy.unassessed
            why = "no such document" if document is None else "no publisher recorded"
            parts = [f"nobody can be named as its recorder ({why}), so unassessed"]
        elif own_words:
            # A first-hand statement in the speaker's own document: trust in
            # the speaker is applied once, as the origin's trust, and nothing
            # was reproduced, so no retention applies either.
            base = _CERTAIN
            parts = [f"{self.name(recorder)} records its own words"]
        else:
            base, words = self.trusted(recorder)
            parts = [f"recorded by {words}"]
        relayer: str | None = None
        relayed: Opinion | None = None
        upstream = (
            None if attribution.via is None else graph.attribution(attribution.via)
        )
        if upstream is not None and attribution.source != recorder:
            upstream_document = graph.document(upstream.document)
            if (
                upstream_document is None
                or upstream_document.publisher != attribution.source
            ):
                # Credited with relaying a document it did not publish: one more
                # party stands between the reader and the origin.
                relayer = attribution.source
                relayed, words = self.trusted(relayer)
                parts.append(
                    f"relayed by {words}, not the publisher of {upstream.document}"
                )
        mode = None if own_words else attribution.mode
        if mode is not None:
            parts.append(
                f"{mode.value.replace('_', ' ')} keeps {policy.retention[mode]:.2f}"
            )
        found = self._hops[attribution.id] = Hop(
            attribution=attribution.id,
            source=attribution.source,
            document=attribution.document,
            mode=attribution.mode,
            recorder=recorder,
            relayer=relayer,
            trust=self._hop_trust(base, relayed, mode),
            reason=" x ".join(parts),
        )
        return found

    def _hop_trust(
        self, base: Opinion, relayed: Opinion | None, mode: Mode | None
    ) -> Opinion:
        """Return the recorder's trust, discounted by the relayer's, then retained.

        A function of three opinions and a mode, of which there are few in any
        graph, so each combination is computed once.
        """
        key = (base, relayed, mode)
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
            trust = self.policy.trust_in(self._reliability(source_id))
            found = (trust, self.described(source_id, trust))
            self._trusted[source_id] = found
        return found

    def described(self, source_id: str, trust: Opinion) -> str:
        grade = self.grade(source_id)
        return f"{self.name(source_id)} ({grade}, belief {trust.belief:.2f})"

    def _reliability(self, source_id: str) -> Reliability | None:
        return self.policy.grade_of(self.graph.source(source_id))

    def chain(self, leaf_id: str, *, interested: bool = False) -> Chain:
        """Return the chain starting at the attribution *leaf_id*, computed once.

        With *interested*, the origin is taken as interested whatever its own
        claim is about: the claim assessed is about a party the origin speaks
        for.
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
        policy = self.policy
        attributions = graph.chain(leaf_id)
        hops = [self.hop(attribution) for attribution in attributions]
        claim_id = attributions[0].claim
        origin = graph.origin(leaf_id)
        if origin is None:
            last = attributions[-1]
            if graph.in_relay_cycle(last.id):
                why = "its relays loop back on themselves"
            else:
                why = f"{last.id} relays {last.via}, which does not exist"
            return Chain(
                leaf=leaf_id,
                claim=claim_id,
                hops=tuple(hops),
                origin=None,
                origin_trust=None,
                origin_reason=f"never reaches an origin: {why}; contributes nothing",
                testimony=None,
                own=None,
                opinion=None,
            )
        interested = (
            interested or graph.interested_party(origin.source, claim_id) is not None
        )
        trust, reason, anonymous = self._origin_trust(
            origin.source, interested=interested
        )
        testimony = self._testimony.get(origin.stance)
        if testimony is None:
            testimony = self._testimony[origin.stance] = attrs.evolve(
                policy.testimony[origin.stance], base_rate=policy.base_rate
            )
        own = discount_chain([*(h.trust for h in hops), trust], testimony)
        return Chain(
            leaf=leaf_id,
            claim=claim_id,
            hops=tuple(hops),
            origin=origin.id,
            origin_trust=trust,
            origin_reason=reason,
            testimony=testimony,
            own=own,
            opinion=own,
            against=origin.stance is Stance.DENIES,
            anonymous=anonymous,
            interested=interested,
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
        trust, words = self.trusted(source_id)
        reasons = [words]
        anonymous = source is not None and source.anonymous
        if anonymous:
            trust = _scaled(trust, policy.anonymity)
            reasons.append(f"anonymous keeps {policy.anonymity:.2f}")
        if interested:
            trust = _scaled(trust, policy.interest)
            reasons.append(f"interested keeps {policy.interest:.2f}")
        found = self._origins[key] = (trust, " x ".join(reasons), anonymous)
        return found

    # --- one claim ----------------------------------------------------------

    def claim(self, claim_id: str) -> ClaimConfidence:
        graph = self.graph
        policy = self.policy
        by_root: dict[str, list[Chain]] = {}
        unreached: list[Chain] = []
        seen: set[str] = set()
        for other, against, support_only, hops in graph.evidence_routes(claim_id):
            for leaf in self._starts(other):
                if leaf in seen:
                    continue
                seen.add(leaf)
                chain = self.chain(leaf)
                if chain.own is None or chain.origin is None:
                    if other == claim_id:
                        unreached.append(chain)
                    continue
                if support_only and chain.against:
                    continue
                origin = graph.attribution_index[chain.origin]
                if (
                    not chain.interested
                    and chain.claim != claim_id
                    and graph.interested_party(origin.source, claim_id) is not None
                ):
                    # Evidence borrowed from a related claim is judged against
                    # this claim's parties too, not only its own claim's.
                    chain = self.chain(leaf, interested=True)
                root = graph.affiliation_root(origin.source)
                chain = self._along(chain, claim_id, against=against, hops=hops)
                by_root.setdefault(root, []).append(chain)
        groups = tuple(self._group(root, by_root[root]) for root in sorted(by_root))
        if groups:
            fused = cumulative_fusion(group.opinion for group in groups)
            opinion = Opinion.of(
                fused.belief, fused.disbelief, fused.uncertainty, policy.base_rate
            )
            count = len(groups)
            fusion = (
                "the single origin group's opinion"
                if count == 1
                else f"cumulative fusion of {count} independent origin groups"
            )
        else:
            opinion = Opinion.vacuous(policy.base_rate)
            fusion = "no origin reached: vacuous, at the base rate"
        probability = opinion.projected
        likelihood = self._terms.get(probability)
        if likelihood is None:
            likelihood = self._terms[probability] = Likelihood.for_probability(
                probability
            )
        return ClaimConfidence(
            claim=claim_id,
            opinion=opinion,
            probability=probability,
            likelihood=likelihood,
            supporting=sum(group.supporting for group in groups),
            contradicting=sum(group.contradicting for group in groups),
            groups=groups,
            unreached=tuple(unreached),
            fusion=fusion,
            summary=self._summary(groups, unreached),
            analysts=self._analysts(graph.assessments_of(claim_id), probability),
        )

    def _starts(self, claim_id: str) -> list[str]:
        """Return where the claim's chains start: leaves, and one hop per loop."""
        graph = self.graph
        starts = [a.id for a in graph.leaves_of(claim_id)]
        # A relay loop nothing relays has no leaf; it still deserves a line in
        # the explanation, so start once from the smallest id in the loop.
        heads = self._loop_heads()
        if heads:
            starts.extend(
                a.id for a in graph.attributions_of(claim_id) if a.id in heads
            )
        return starts

    def _loop_heads(self) -> frozenset[str]:
        heads = self._heads
        if heads is None:
            heads = frozenset(min(cycle) for cycle in self.graph.relay_cycles())
            self._heads = heads
        return heads

    def _along(self, chain: Chain, assessed: str, *, against: bool, hops: int) -> Chain:
        """Carry a chain over the relations between its claim and *assessed*."""
        if chain.claim == assessed or chain.own is None:
            return chain
        opinion = chain.own
        words = [f"evidence about related claim {chain.claim}"]
        if hops:
            share = self.policy.supports**hops
            opinion = discount(Opinion.of(share, 0.0, 1.0 - share), opinion)
            words.append(f"across {hops} supports relation(s), keeping {share:.2f}")
        if against:
            # The complement's masses, at the assessed claim's base rate: support
            # for a contradicting claim is disbelief in this one.
            opinion = Opinion.of(
                opinion.disbelief,
                opinion.belief,
                opinion.uncertainty,
                opinion.base_rate,
            )
            words.append("which contradicts this one, so it counts against")
        return _changed(
            chain,
            opinion=opinion,
            against=chain.against != against,
            relation=", ".join(words),
            strongest=chain.strongest,
        )

    def _group(self, root: str, chains: list[Chain]) -> Group:
        if len(chains) == 1:
            # What the general case below gives for one chain.
            (chain,) = chains
            opinion = chain.opinion
            assert opinion is not None
            if not chain.strongest:
                chain = _changed(
                    chain,
                    opinion=opinion,
                    against=chain.against,
                    relation=chain.relation,
                    strongest=True,
                )
            return Group(
                root=root,
                chains=(chain,),
                opinion=opinion,
                fusion="one origin; the strongest of its 1 chain",
                supporting=not chain.against,
                contradicting=chain.against,
            )
        # Chains carrying one origin statement are copies of one piece of
        # evidence: its strongest copy is all there is, so a further relay of
        # the same statement, however trusted, can never add to it.
        strongest: dict[str, Chain] = {}
        ordered = sorted(chains, key=lambda chain: (chain.claim, chain.leaf))
        for chain in ordered:
            assert chain.origin is not None
            assert chain.opinion is not None
            held = strongest.get(chain.origin)
            if held is None or _strength(chain) < _strength(held):
                strongest[chain.origin] = chain
        used = {chain.leaf for chain in strongest.values()}
        marked = tuple(
            chain
            if chain.strongest == (chain.leaf in used)
            else _changed(
                chain,
                opinion=chain.opinion,
                against=chain.against,
                relation=chain.relation,
                strongest=chain.leaf in used,
            )
            for chain in ordered
        )
        picked = [strongest[origin] for origin in sorted(strongest)]
        opinions = [chain.opinion for chain in picked if chain.opinion is not None]
        words = _count(len(chains), "chain")
        # An origin that carries no evidence of its own (its speaker is
        # unassessed, so every chain from it is vacuous) has nothing to
        # average: counting it would pull the group towards the base rate as
        # if it were evidence of doubt. A chain that lost its evidence on the
        # way (an unassessed recorder) still counts: a worse relay must never
        # raise P by dropping its origin out of the average.
        informative = [
            chain.opinion
            for chain in picked
            if chain.opinion is not None and not _evidence_free(chain)
        ]
        left_out = len(opinions) - len(informative)
        if len(opinions) == 1:
            opinion = opinions[0]
            fusion = f"one origin; the strongest of its {words}"
        elif not informative:
            opinion = averaging_fusion(opinions)
            fusion = (
                f"{len(opinions)} dependent origins, none with evidence of its "
                "own: vacuous"
            )
        elif left_out and len(informative) == 1:
            opinion = informative[0]
            fusion = (
                f"{len(opinions)} dependent origins; the only one with evidence "
                f"of its own, by the strongest of its chains ({words} in all); "
                f"{_count(left_out, 'evidence-free origin')} left out"
            )
        elif self.policy.within_group == "best":
            best = min(picked, key=_strength)
            assert best.opinion is not None
            opinion = best.opinion
            fusion = (
                f"{len(opinions)} dependent origins; the strongest, "
                f"{best.origin}, from {best.leaf}"
            )
        else:
            opinion = averaging_fusion(informative)
            fusion = (
                f"averaging fusion of {len(informative)} dependent origins, "
                f"each by the strongest of its chains ({words} in all)"
            )
            if left_out:
                fusion += (
                    f"; {_count(left_out, 'evidence-free origin')} left out, "
                    "having nothing to average"
                )
        return Group(
            root=root,
            chains=marked,
            opinion=opinion,
            fusion=fusion,
            supporting=any(not chain.against for chain in chains),
            contradicting=any(chain.against for chain in chains),
        )

    # --- words --------------------------------------------------------------

    def _label(self, chain: Chain) -> str:
        assert chain.origin is not None
        origin = self.graph.attribution_index[chain.origin]
        source = self.graph.source(origin.source)
        if source is None:
            return origin.source
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
        text = self._label(chain)
        if parties:
            text += " via " + " via ".join(parties)
        tags: list[str] = []
        kinds = {self._kind(hop.recorder) for hop in chain.hops}
        kinds.update(self._kind(hop.relayer) for hop in chain.hops)
        kinds.add(self._kind(chain.hops[-1].source))
        if SourceKind.STATE_MEDIA in kinds:
            tags.append("state media")
        if chain.interested:
            tags.append("interested")
        if chain.relation:
            tags.append(f"through claim {chain.claim}")
        if tags:
            text += f" ({', '.join(tags)})"
        return text

    def _kind(self, source_id: str | None) -> SourceKind | None:
        try:
            return self._kinds[source_id]
        except KeyError:
            pass
        source = None if source_id is None else self.graph.source(source_id)
        found = self._kinds[source_id] = None if source is None else source.kind
        return found

    def _side(self, groups: list[Group], *, against: bool) -> str:
        parts: list[str] = []
        for group in groups:
            paths = [
                self._path(chain) for chain in group.chains if chain.against == against
            ]
            paths = list(dict.fromkeys(paths))
            last = paths.pop()
            parts.append(f"{', '.join(paths)} and {last}" if paths else last)
        count = len(groups)
        noun = "independent origin" if count == 1 else "independent origins"
        return f"{count} {noun}: {'; '.join(parts)}"

    def _summary(self, groups: tuple[Group, ...], unreached: list[Chain]) -> str:
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
    return Chain(
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


def _evidence_free(chain: Chain) -> bool:
    """Whether the origin itself carries no evidence, however it is relayed."""
    trust, testimony = chain.origin_trust, chain.testimony
    return (
        trust is None
        or testimony is None
        or trust.belief == 0.0
        or (testimony.belief == 0.0 and testimony.disbelief == 0.0)
    )


def _strength(chain: Chain) -> tuple[float, str, str]:
    """Order chains strongest first: least uncertainty, then by claim and leaf."""
    assert chain.opinion is not None
    return (chain.opinion.uncertainty, chain.claim, chain.leaf)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


_MAX_PARTIES = 6
"""Relaying parties named in a summary before the middle ones are counted."""
