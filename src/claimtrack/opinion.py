"""Binomial opinions and the Subjective Logic operators claim tracking needs.

An :class:`Opinion` about a claim is a tuple ``(b, d, u, a)``: belief that the claim
holds, disbelief, uncommitted uncertainty (``b + d + u = 1``) and the base rate, the
prior probability used when nothing is known.  Opinions map one-to-one onto
evidence counts ``(r, s)`` of a Beta distribution with non-informative prior weight
``W`` (``b = r / (r + s + W)``, ``d = s / (r + s + W)``, ``u = W / (r + s + W)``).

Operators:

* :func:`discount` and :func:`discount_chain`: what a relying party may believe on
  a source's word, given its trust in that source (uncertainty-favouring trust
  discounting).
* :func:`cumulative_fusion`: combine sources whose evidence is independent; the
  evidence adds up.
* :func:`averaging_fusion`: combine sources whose evidence overlaps or is shared;
  the evidence is averaged.
* :meth:`Opinion.complement`: the opinion about the negated claim, which is how a
  denial becomes disbelief.

All operators are pure and return opinions built through :meth:`Opinion.of`, so
their results always validate.

References:
    * A. Jøsang, *Subjective Logic: A Formalism for Reasoning Under Uncertainty*,
      Springer, 2016: ch. 3 (opinions, evidence mapping), §12.3 (cumulative
      fusion), ch. 12 (averaging fusion), ch. 14 (trust discounting).
    * A. Jøsang, R. Hayward, S. Pope, "Trust network analysis with subjective
      logic", ACSC 2006 (uncertainty-favouring discounting).
    * A. Jøsang, D. Wang, J. Zhang, "Multi-source fusion in subjective logic",
      FUSION 2017 (N-source cumulative and averaging fusion).
    * R. W. van der Heijden, H. Kopp, F. Kargl, "Multi-source fusion operations in
      subjective logic", FUSION 2018, arXiv:1805.01388 (corrected N-source forms).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "Opinion",
    "averaging_fusion",
    "cumulative_fusion",
    "discount",
    "discount_chain",
]

_SUM_TOLERANCE = 1e-9
"""How far ``b + d + u`` of a stored opinion may stray from 1."""

_DRIFT_TOLERANCE = 1e-6
"""How much float drift :meth:`Opinion.of` repairs before calling it an error."""


def __dir__() -> list[str]:
    return list(__all__)


def _in_unit_interval(
    _instance: object, attribute: attrs.Attribute[float], value: float
) -> None:
    # Written as a negated range test so that NaN, which fails every comparison,
    # is rejected too.
    if not 0.0 <= value <= 1.0:
        msg = f"{attribute.name.replace('_', ' ')} must lie in [0, 1], got {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Opinion:
    """A binomial subjective opinion about one claim.

    Attributes:
        belief: Mass committed to the claim being true.
        disbelief: Mass committed to the claim being false.
        uncertainty: Mass left uncommitted for lack of evidence.
        base_rate: Prior probability of the claim, used for the uncommitted mass.

    ``belief + disbelief + uncertainty`` must equal 1 within ``1e-9``.  Build
    opinions from computed values with :meth:`of`, which repairs float drift.
    """

    belief: float = attrs.field(validator=_in_unit_interval)
    disbelief: float = attrs.field(validator=_in_unit_interval)
    uncertainty: float = attrs.field(validator=_in_unit_interval)
    base_rate: float = attrs.field(default=0.5, validator=_in_unit_interval)

    def __attrs_post_init__(self) -> None:
        """Check that belief, disbelief and uncertainty share out exactly one unit.

        Raises:
            ValueError: If the three masses do not add up to 1.
        """
        total = math.fsum((self.belief, self.disbelief, self.uncertainty))
        if abs(total - 1.0) > _SUM_TOLERANCE:
            msg = (
                "belief + disbelief + uncertainty must add up to 1, got "
                f"{self.belief!r} + {self.disbelief!r} + {self.uncertainty!r} "
                f"= {total!r}"
            )
            raise ValueError(msg)

    @classmethod
    def of(
        cls,
        belief: float,
        disbelief: float,
        uncertainty: float,
        base_rate: float = 0.5,
    ) -> Opinion:
        """Build an opinion from computed values, repairing tiny float drift.

        Values that stray outside ``[0, 1]`` by less than ``1e-6`` are clamped and
        the three masses are rescaled to add up to exactly one unit (up to
        rounding), so arithmetic results always validate while real mistakes
        still fail loudly.

        Args:
            belief: Mass committed to the claim being true.
            disbelief: Mass committed to the claim being false.
            uncertainty: Mass left uncommitted.
            base_rate: Prior probability of the claim.

        Returns:
            The repaired opinion.

        Raises:
            ValueError: If a value is not a number, strays from ``[0, 1]`` by more
                than the drift tolerance, or the masses are far from summing to 1.
        """
        low, high = -_DRIFT_TOLERANCE, 1.0 + _DRIFT_TOLERANCE
        if not (
            low <= belief <= high
            and low <= disbelief <= high
            and low <= uncertainty <= high
            and low <= base_rate <= high
        ):
            named = (
                ("belief", belief),
                ("disbelief", disbelief),
                ("uncertainty", uncertainty),
                ("base rate", base_rate),
            )
            for name, value in named:
                if not low <= value <= high:
                    msg = f"{name} must lie in [0, 1], got {value!r}"
                    raise ValueError(msg)
        total = math.fsum((belief, disbelief, uncertainty))
        if abs(total - 1.0) > _DRIFT_TOLERANCE:
            msg = (
                "belief + disbelief + uncertainty must add up to 1, got "
                f"{belief!r} + {disbelief!r} + {uncertainty!r} = {total!r}"
            )
            raise ValueError(msg)
        # Most values need no repair: clamping costs a call per value, and the
        # sum of unchanged masses is the one just taken.
        scale = total
        if belief < 0.0 or disbelief < 0.0 or uncertainty < 0.0:
            belief, disbelief, uncertainty = (
                max(belief, 0.0),
                max(disbelief, 0.0),
                max(uncertainty, 0.0),
            )
            scale = math.fsum((belief, disbelief, uncertainty))
        if not 0.0 <= base_rate <= 1.0:
            base_rate = min(max(base_rate, 0.0), 1.0)
        if cls is not Opinion:
            return cls(
                belief=belief / scale,
                disbelief=disbelief / scale,
                uncertainty=uncertainty / scale,
                base_rate=base_rate,
            )
        # Valid by construction: each mass is at most their exactly rounded sum,
        # so each share lies in [0, 1], and the shares add up to 1 within a few
        # units in the last place. Operators build many opinions; the
        # validators would only confirm this arithmetic.
        opinion = _new(cls)
        _set(opinion, "belief", belief / scale)
        _set(opinion, "disbelief", disbelief / scale)
        _set(opinion, "uncertainty", uncertainty / scale)
        _set(opinion, "base_rate", base_rate)
        return opinion

    @classmethod
    def vacuous(cls, base_rate: float = 0.5) -> Opinion:
        """Return the opinion of someone who knows nothing about the claim.

        Args:
            base_rate: Prior probability of the claim.

        Returns:
            ``(0, 0, 1, base_rate)``.
        """
        return cls(belief=0.0, disbelief=0.0, uncertainty=1.0, base_rate=base_rate)

    @classmethod
    def dogmatic(cls, probability: float, base_rate: float = 0.5) -> Opinion:
        """Return a fully certain opinion that the claim holds with a probability.

        Args:
            probability: Probability that the claim holds.
            base_rate: Prior probability of the claim; it has no effect on the
                projected probability because nothing is left uncommitted.

        Returns:
            ``(probability, 1 - probability, 0, base_rate)``.
        """
        return cls.of(probability, 1.0 - probability, 0.0, base_rate)

    @classmethod
    def from_evidence(
        cls,
        positive: float,
        negative: float,
        *,
        prior_weight: float = 2.0,
        base_rate: float = 0.5,
    ) -> Opinion:
        """Map observed evidence onto an opinion (Jøsang 2016, ch. 3).

        With ``r`` supporting and ``s`` contradicting observations and a
        non-informative prior weight ``W``, ``b = r / (r + s + W)``,
        ``d = s / (r + s + W)`` and ``u = W / (r + s + W)``.  No evidence at all
        gives the vacuous opinion.

        Args:
            positive: Amount of evidence supporting the claim (``r``).
            negative: Amount of evidence contradicting the claim (``s``).
            prior_weight: Non-informative prior weight ``W``; 2 for a uniform
                prior over a binary claim.
            base_rate: Prior probability of the claim.

        Returns:
            The opinion that the evidence supports.

        Raises:
            ValueError: If an amount of evidence is negative or not finite, or the
                prior weight is not a positive finite number.
        """
        for name, amount in (
            ("positive evidence", positive),
            ("negative evidence", negative),
        ):
            if not 0.0 <= amount < math.inf:
                msg = f"{name} must be a finite amount >= 0, got {amount!r}"
                raise ValueError(msg)
        _check_prior_weight(prior_weight)
        total = positive + negative + prior_weight
        return cls.of(
            positive / total, negative / total, prior_weight / total, base_rate
        )

    def evidence(self, prior_weight: float = 2.0) -> tuple[float, float]:
        """Recover the evidence behind this opinion; inverse of :meth:`from_evidence`.

        ``r = W * b / u`` and ``s = W * d / u``.  A dogmatic opinion (``u = 0``)
        stands for an infinite amount of evidence: every mass it commits maps to
        ``math.inf`` (and an uncommitted zero mass to ``0.0``), so the ratio of
        the two is lost.  A nearly dogmatic opinion may likewise overflow to
        ``math.inf``.

        Args:
            prior_weight: Non-informative prior weight ``W`` that was used to
                build the opinion.

        Returns:
            The pair ``(r, s)`` of supporting and contradicting evidence.

        Raises:
            ValueError: If the prior weight is not a positive finite number.
        """
        _check_prior_weight(prior_weight)
        if self.uncertainty == 0.0:
            return (
                math.inf if self.belief > 0.0 else 0.0,
                math.inf if self.disbelief > 0.0 else 0.0,
            )
        return (
            prior_weight * self.belief / self.uncertainty,
            prior_weight * self.disbelief / self.uncertainty,
        )

    @property
    def projected(self) -> float:
        """Projected probability ``P = b + a * u`` of the claim."""
        return min(self.belief + self.base_rate * self.uncertainty, 1.0)

    def complement(self) -> Opinion:
        """Return the opinion about the negated claim.

        Belief and disbelief swap and the base rate becomes ``1 - a``, so a
        source that denies a claim yields disbelief in it.

        Returns:
            ``(d, b, u, 1 - a)``.
        """
        return Opinion(
            belief=self.disbelief,
            disbelief=self.belief,
            uncertainty=self.uncertainty,
            base_rate=1.0 - self.base_rate,
        )

    def __invert__(self) -> Opinion:
        """Return :meth:`complement`, so ``~opinion`` reads as "not opinion"."""
        return self.complement()

    def __str__(self) -> str:
        """Render the masses, base rate and projected probability to 2 places."""
        return (
            f"(b={self.belief:.2f}, d={self.disbelief:.2f}, "
            f"u={self.uncertainty:.2f}, a={self.base_rate:.2f}; "
            f"P={self.projected:.2f})"
        )


_new = object.__new__
_set = object.__setattr__  # Opinion is frozen: its own __setattr__ refuses


def _check_prior_weight(prior_weight: float) -> None:
    if not 0.0 < prior_weight < math.inf:
        msg = f"prior weight must be a positive finite number, got {prior_weight!r}"
        raise ValueError(msg)


def discount(trust: Opinion, opinion: Opinion) -> Opinion:
    """Discount a source's opinion by the relying party's trust in that source.

    Uses uncertainty-favouring trust discounting (Jøsang, Hayward & Pope 2006;
    Jøsang 2016, ch. 14)::

        b = b_t * b_x
        d = b_t * d_x
        u = d_t + u_t + b_t * u_x
        a = a_x

    Only belief in the source passes its word on; distrust and uncertainty about
    the source both turn into uncertainty about the claim.  This variant is
    chosen over the probability-sensitive one of Jøsang 2016 (which scales by the
    trust's projected probability ``b_t + a_t * u_t``) because there a source we
    know nothing about, with the default base rate of 0.5, would pass on half of
    its belief: unknown is not 50%.  Here a vacuous or fully distrusted source
    yields a vacuous opinion, and the trust's base rate plays no part.

    Args:
        trust: The relying party's opinion that the source is reliable.
        opinion: The source's opinion about the claim.

    Returns:
        The relying party's derived opinion about the claim.
    """
    return Opinion.of(
        trust.belief * opinion.belief,
        trust.belief * opinion.disbelief,
        trust.disbelief + trust.uncertainty + trust.belief * opinion.uncertainty,
        opinion.base_rate,
    )


def discount_chain(trusts: Iterable[Opinion], opinion: Opinion) -> Opinion:
    """Discount an opinion along a chain of trust, as repeated :func:`discount`.

    ``trusts`` runs from the relying party outwards: the first is the relying
    party's trust in the first advisor, each next one is an advisor's trust in
    the following advisor, and ``opinion`` is the last advisor's opinion.  Because
    uncertainty-favouring discounting only ever multiplies belief and
    disbelief by the trusts' belief, the whole chain is the single discount
    by the product ``B`` of those beliefs: ``b = B * b_x``, ``d = B * d_x`` and
    ``u = 1 - B + B * u_x``.  It runs in one pass with constant memory, so chains
    of any length (100,000 hops and more) are fine.

    Args:
        trusts: Trust opinions along the chain, relying party first.
        opinion: The opinion held at the far end of the chain.

    Returns:
        The relying party's derived opinion; ``opinion`` itself for an empty
        chain.
    """
    carried = 1.0
    for trust in trusts:
        carried *= trust.belief
    return _discount_by(carried, opinion)


def _discount_by(carried: float, opinion: Opinion) -> Opinion:
    """Return `discount_chain` of *opinion* by trusts of belief product *carried*.

    The chain's whole effect is that product, so a caller that has taken it
    already (in the chain's order, as `discount_chain` does) need not build
    the trusts.
    """
    if carried == 1.0:
        return opinion
    return Opinion.of(
        carried * opinion.belief,
        carried * opinion.disbelief,
        (1.0 - carried) + carried * opinion.uncertainty,
        opinion.base_rate,
    )


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _fuse_dogmatic(dogmatic: Sequence[Opinion]) -> Opinion:
    # Each dogmatic opinion stands for infinite evidence; the limit of the
    # evidence-based operators is undefined without knowing the relative sizes
    # of those infinities, so every dogmatic source gets the same weight
    # (Jøsang 2016, ch. 12, with gamma = 1/N) and finite evidence vanishes.
    return Opinion.of(
        _mean([o.belief for o in dogmatic]),
        _mean([o.disbelief for o in dogmatic]),
        0.0,
        _mean([o.base_rate for o in dogmatic]),
    )


def _relative_weights(opinions: Sequence[Opinion]) -> tuple[float, list[float]]:
    # 1/u_i is proportional to each source's evidence but overflows for nearly
    # dogmatic sources, and the textbook products of all other u_j underflow
    # for many sources.  Scaling by the smallest u keeps every weight in [0, 1].
    least = min(o.uncertainty for o in opinions)
    return least, [least / o.uncertainty for o in opinions]


def cumulative_fusion(opinions: Iterable[Opinion]) -> Opinion:
    """Fuse opinions that rest on independent evidence (aleatory cumulative fusion).

    Cumulative fusion adds up the sources' evidence (Jøsang 2016, §12.3), here in
    its N-source form (Jøsang, Wang & Zhang 2017; van der Heijden, Kopp & Kargl
    2018) computed directly rather than by folding the two-source operator.
    Without dogmatic sources, with ``e_i = (1 - u_i) / u_i`` proportional to
    source ``i``'s amount of evidence::

        b = sum(b_i / u_i) / (1 + sum(e_i))
        d = sum(d_i / u_i) / (1 + sum(e_i))
        u = 1 / (1 + sum(e_i))
        a = sum(a_i * e_i) / sum(e_i)

    which for two sources is the textbook ``b = (b_A u_B + b_B u_A) /
    (u_A + u_B - u_A u_B)`` with base rate ``(a_A u_B + a_B u_A - (a_A + a_B) u_A
    u_B) / (u_A + u_B - 2 u_A u_B)``.  The base rate is thus weighted by evidence,
    which keeps fusion associative; a mean weighted by ``1 - u_i``, as some
    multi-source formulations use, would not be.  Special cases:

    * Any dogmatic source (``u = 0``): the dogmatic sources are averaged with
      equal weights, base rates included, and the others are ignored.
    * Only vacuous sources: the result is vacuous with the mean base rate.
    * No sources: the vacuous opinion with base rate 0.5, since no evidence is
      the same as knowing nothing.

    The vacuous opinion is a neutral element for every non-vacuous input.  The
    result is the same, bit for bit, whatever the order of the inputs
    (exactly rounded sums), and fusing in groups agrees with fusing all at once
    up to rounding, except where the limits above break associativity: three or
    more dogmatic or all-vacuous inputs must be fused in one call to be weighted
    equally.

    Args:
        opinions: Opinions about the same claim from independent sources.

    Returns:
        The fused opinion.
    """
    sources = tuple(opinions)
    if not sources:
        return Opinion.vacuous()
    if len(sources) == 1 and sources[0].uncertainty != 0.0:
        # The general case below, for one source: its weight is exactly 1, and
        # sums of one value are that value.
        (source,) = sources
        belief, disbelief = source.belief, source.disbelief
        scale = math.fsum((source.uncertainty, belief, disbelief))
        amount = belief + disbelief
        return Opinion.of(
            belief / scale,
            disbelief / scale,
            source.uncertainty / scale,
            amount * source.base_rate / amount if amount > 0.0 else source.base_rate,
        )
    dogmatic = [o for o in sources if o.uncertainty == 0.0]
    if dogmatic:
        return _fuse_dogmatic(dogmatic)
    least, weights = _relative_weights(sources)
    beliefs = [w * o.belief for w, o in zip(weights, sources, strict=True)]
    disbeliefs = [w * o.disbelief for w, o in zip(weights, sources, strict=True)]
    scale = math.fsum([least, *beliefs, *disbeliefs])
    evidence = [
        w * (o.belief + o.disbelief) for w, o in zip(weights, sources, strict=True)
    ]
    total_evidence = math.fsum(evidence)
    if total_evidence > 0.0:
        base_rate = (
            math.fsum(e * o.base_rate for e, o in zip(evidence, sources, strict=True))
            / total_evidence
        )
    else:
        base_rate = _mean([o.base_rate for o in sources])
    return Opinion.of(
        math.fsum(beliefs) / scale,
        math.fsum(disbeliefs) / scale,
        least / scale,
        base_rate,
    )


def averaging_fusion(opinions: Iterable[Opinion]) -> Opinion:
    """Fuse opinions that rest on shared or dependent evidence (averaging fusion).

    Averaging fusion averages the sources' evidence instead of adding it (Jøsang
    2016, ch. 12), here in its N-source form (Jøsang, Wang & Zhang 2017; van der
    Heijden, Kopp & Kargl 2018).  Without dogmatic sources::

        b = sum(b_i / u_i) / sum(1 / u_i)
        d = sum(d_i / u_i) / sum(1 / u_i)
        u = N / sum(1 / u_i)
        a = mean(a_i)

    which for two sources is the textbook ``b = (b_A u_B + b_B u_A) / (u_A +
    u_B)`` and ``u = 2 u_A u_B / (u_A + u_B)``.  The base rate is the plain mean
    of Jøsang 2016.  Special cases:

    * Any dogmatic source (``u = 0``): the dogmatic sources are averaged with
      equal weights, base rates included, and the others are ignored.
    * No sources: the vacuous opinion with base rate 0.5.

    Averaging fusion is commutative and idempotent (an opinion fused with copies
    of itself is unchanged) but, unlike cumulative fusion, not associative, so
    pass all sources in one call.  The result does not depend on their order.

    Args:
        opinions: Opinions about the same claim from dependent sources.

    Returns:
        The fused opinion.
    """
    sources = tuple(opinions)
    if not sources:
        return Opinion.vacuous()
    dogmatic = [o for o in sources if o.uncertainty == 0.0]
    if dogmatic:
        return _fuse_dogmatic(dogmatic)
    least, weights = _relative_weights(sources)
    beliefs = [w * o.belief for w, o in zip(weights, sources, strict=True)]
    disbeliefs = [w * o.disbelief for w, o in zip(weights, sources, strict=True)]
    # Each w_i * u_i equals the smallest uncertainty, so N of them close the sum.
    uncommitted = len(sources) * least
    scale = math.fsum([uncommitted, *beliefs, *disbeliefs])
    return Opinion.of(
        math.fsum(beliefs) / scale,
        math.fsum(disbeliefs) / scale,
        uncommitted / scale,
        _mean([o.base_rate for o in sources]),
    )
