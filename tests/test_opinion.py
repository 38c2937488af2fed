"""Tests for the Subjective Logic algebra in :mod:`claimtrack.opinion`.

Hand-worked examples pin each operator to its textbook formula, Hypothesis checks
the algebraic laws, and the last section cross-checks against the PyPI package
``subjective-logic`` (import name ``subjective_logic``) where it is defined.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimtrack import opinion as opinion_module
from claimtrack.opinion import (
    Opinion,
    averaging_fusion,
    cumulative_fusion,
    discount,
    discount_chain,
)

if TYPE_CHECKING:
    from types import ModuleType

# ---------------------------------------------------------------------------
# Strategies and helpers
# ---------------------------------------------------------------------------

_UNIT = st.floats(min_value=0.0, max_value=1.0, allow_subnormal=False)
_NON_DOGMATIC_UNCERTAINTY = st.floats(
    min_value=1e-9, max_value=1.0, allow_subnormal=False
)


@st.composite
def opinions(
    draw: st.DrawFn,
    uncertainty: st.SearchStrategy[float] = _UNIT,
    base_rate: st.SearchStrategy[float] = _UNIT,
) -> Opinion:
    """Draw a valid opinion whose uncertainty comes from ``uncertainty``."""
    u = draw(uncertainty)
    committed = 1.0 - u
    belief = committed * draw(_UNIT)
    return Opinion.of(belief, committed - belief, u, draw(base_rate))


_ANY = opinions()
_NON_DOGMATIC = opinions(uncertainty=_NON_DOGMATIC_UNCERTAINTY)
_EVIDENCE = st.floats(min_value=0.0, max_value=1e6, allow_subnormal=False)


def _masses(opinion: Opinion) -> tuple[float, float, float, float]:
    return (opinion.belief, opinion.disbelief, opinion.uncertainty, opinion.base_rate)


def _assert_valid(opinion: Opinion) -> None:
    for value in _masses(opinion):
        assert 0.0 <= value <= 1.0
    total = opinion.belief + opinion.disbelief + opinion.uncertainty
    assert pytest.approx(1.0, abs=1e-12) == total


# ---------------------------------------------------------------------------
# The Opinion record
# ---------------------------------------------------------------------------


def test_module_lists_its_public_names() -> None:
    """The module's ``dir()`` is exactly its sorted ``__all__``."""
    expected = sorted(opinion_module.__all__)
    assert expected == dir(opinion_module)


def test_rejects_masses_that_do_not_add_up_to_one() -> None:
    """Belief, disbelief and uncertainty that do not sum to 1 are refused."""
    with pytest.raises(ValueError, match="must add up to 1"):
        Opinion(belief=0.5, disbelief=0.5, uncertainty=0.5)


@pytest.mark.parametrize("value", [-0.1, 1.1, math.nan, math.inf])
@pytest.mark.parametrize("field", ["belief", "disbelief", "uncertainty", "base_rate"])
def test_rejects_fields_outside_the_unit_interval(field: str, value: float) -> None:
    """Every field must be a number in [0, 1]."""
    masses = {"belief": 0.2, "disbelief": 0.3, "uncertainty": 0.5, "base_rate": 0.5}
    masses[field] = value
    with pytest.raises(ValueError, match="must lie in"):
        Opinion(**masses)


def test_accepts_sums_within_tolerance() -> None:
    """A sum that is off by less than 1e-9 still validates."""
    opinion = Opinion(belief=0.2, disbelief=0.3, uncertainty=0.5 + 1e-10)
    assert pytest.approx(0.5) == opinion.uncertainty


def test_of_repairs_float_drift() -> None:
    """``of`` clamps tiny negatives and rescales the masses to sum to one."""
    expected = (0.0, 0.4, 0.6, 0.5)
    actual = Opinion.of(-1e-12, 0.4, 0.6 + 3e-9)
    assert pytest.approx(expected, abs=1e-8) == _masses(actual)
    assert actual.belief == 0.0
    assert pytest.approx(1.0, abs=1e-15) == actual.disbelief + actual.uncertainty


_DRIFTING = st.floats(min_value=-1e-7, max_value=1.0 + 1e-7)


@given(
    belief=_DRIFTING,
    disbelief=_DRIFTING,
    base_rate=_DRIFTING | st.sampled_from([-0.0, 0.0, 1.0]),
    drift=st.floats(min_value=-1e-7, max_value=1e-7),
)
def test_of_repairs_as_clamping_then_rescaling(
    belief: float, disbelief: float, base_rate: float, drift: float
) -> None:
    """``of`` is clamping to [0, 1], then rescaling by the masses' exact sum.

    Bit for bit, zeros' signs included.
    """
    uncertainty = 1.0 - belief - disbelief + drift
    assume(-1e-6 <= uncertainty <= 1.0 + 1e-6)
    masses = [max(belief, 0.0), max(disbelief, 0.0), max(uncertainty, 0.0)]
    scale = math.fsum(masses)
    expected = [*(mass / scale for mass in masses), min(max(base_rate, 0.0), 1.0)]
    actual = Opinion.of(belief, disbelief, uncertainty, base_rate)
    assert [(v, math.copysign(1.0, v)) for v in expected] == [
        (v, math.copysign(1.0, v)) for v in _masses(actual)
    ]


@pytest.mark.parametrize(
    ("belief", "disbelief", "uncertainty", "message"),
    [
        (0.5, 0.5, 0.5, "must add up to 1"),
        (-0.1, 0.6, 0.5, "belief must lie in"),
        (0.5, 0.5, math.nan, "uncertainty must lie in"),
    ],
)
def test_of_rejects_real_mistakes(
    belief: float, disbelief: float, uncertainty: float, message: str
) -> None:
    """``of`` only repairs drift: genuinely wrong masses still raise."""
    with pytest.raises(ValueError, match=message):
        Opinion.of(belief, disbelief, uncertainty)


def test_projected_probability() -> None:
    """P = b + a * u: here 0.6 + 0.5 * 0.3 = 0.75."""
    opinion = Opinion(belief=0.6, disbelief=0.1, uncertainty=0.3, base_rate=0.5)
    assert pytest.approx(0.75) == opinion.projected


def test_str_reads_well() -> None:
    """``str`` shows the four components and the projected probability."""
    opinion = Opinion(belief=0.6, disbelief=0.1, uncertainty=0.3, base_rate=0.5)
    assert str(opinion) == "(b=0.60, d=0.10, u=0.30, a=0.50; P=0.75)"


def test_vacuous_opinion() -> None:
    """A vacuous opinion is all uncertainty and projects to its base rate."""
    expected = (0.0, 0.0, 1.0, 0.3)
    opinion = Opinion.vacuous(0.3)
    assert expected == _masses(opinion)
    assert pytest.approx(0.3) == opinion.projected


def test_dogmatic_opinion() -> None:
    """A dogmatic opinion has no uncertainty and projects to its probability."""
    opinion = Opinion.dogmatic(0.7, base_rate=0.2)
    assert pytest.approx((0.7, 0.3, 0.0, 0.2)) == _masses(opinion)
    assert pytest.approx(0.7) == opinion.projected


def test_from_evidence_textbook_example() -> None:
    """Eight hits and two misses with W = 2 give (8/12, 2/12, 2/12)."""
    # r + s + W = 8 + 2 + 2 = 12, so b = 8/12, d = 2/12, u = 2/12.
    expected = (8 / 12, 2 / 12, 2 / 12, 0.5)
    actual = Opinion.from_evidence(8, 2)
    assert pytest.approx(expected) == _masses(actual)


def test_from_evidence_with_other_prior_weight() -> None:
    """The prior weight W sets how much evidence counts as a lot."""
    # r + s + W = 3 + 1 + 4 = 8, so b = 3/8, d = 1/8, u = 4/8.
    expected = (3 / 8, 1 / 8, 4 / 8, 0.25)
    actual = Opinion.from_evidence(3, 1, prior_weight=4.0, base_rate=0.25)
    assert pytest.approx(expected) == _masses(actual)


def test_zero_evidence_is_vacuous() -> None:
    """No evidence at all is the vacuous opinion, and maps back to no evidence."""
    opinion = Opinion.from_evidence(0, 0, base_rate=0.3)
    assert Opinion.vacuous(0.3) == opinion
    no_evidence = (0.0, 0.0)
    assert no_evidence == opinion.evidence()


def test_evidence_of_dogmatic_opinion_is_infinite() -> None:
    """A dogmatic opinion stands for infinite evidence on each committed side."""
    assert (math.inf, math.inf) == Opinion.dogmatic(0.7).evidence()
    assert (math.inf, 0.0) == Opinion.dogmatic(1.0).evidence()


@pytest.mark.parametrize(
    ("positive", "negative", "prior_weight", "message"),
    [
        (-1.0, 0.0, 2.0, "positive evidence"),
        (0.0, math.nan, 2.0, "negative evidence"),
        (math.inf, 0.0, 2.0, "positive evidence"),
        (1.0, 1.0, 0.0, "prior weight"),
    ],
)
def test_from_evidence_rejects_bad_amounts(
    positive: float, negative: float, prior_weight: float, message: str
) -> None:
    """Evidence must be finite and non-negative and the prior weight positive."""
    with pytest.raises(ValueError, match=message):
        Opinion.from_evidence(positive, negative, prior_weight=prior_weight)


@given(
    positive=_EVIDENCE,
    negative=_EVIDENCE,
    prior_weight=st.floats(min_value=0.1, max_value=100.0),
)
def test_evidence_round_trip(
    positive: float, negative: float, prior_weight: float
) -> None:
    """``evidence`` recovers the evidence that ``from_evidence`` was given."""
    opinion = Opinion.from_evidence(positive, negative, prior_weight=prior_weight)
    expected = (positive, negative)
    actual = opinion.evidence(prior_weight)
    assert pytest.approx(expected, rel=1e-9, abs=1e-9) == actual


@given(opinion=_NON_DOGMATIC)
def test_opinion_round_trip_through_evidence(opinion: Opinion) -> None:
    """A non-dogmatic opinion is rebuilt from its own evidence."""
    positive, negative = opinion.evidence()
    actual = Opinion.from_evidence(positive, negative, base_rate=opinion.base_rate)
    assert pytest.approx(_masses(opinion), abs=1e-9) == _masses(actual)


def test_complement_textbook_example() -> None:
    """The complement swaps belief and disbelief and takes a to 1 - a."""
    opinion = Opinion(belief=0.6, disbelief=0.1, uncertainty=0.3, base_rate=0.2)
    expected = Opinion(belief=0.1, disbelief=0.6, uncertainty=0.3, base_rate=0.8)
    assert expected == opinion.complement()
    assert expected == ~opinion


@given(opinion=_ANY)
def test_complement_negates_the_projected_probability(opinion: Opinion) -> None:
    """P(not x) = 1 - P(x), and complementing twice gives the opinion back."""
    assert pytest.approx(1.0 - opinion.projected, abs=1e-12) == (~opinion).projected
    assert pytest.approx(_masses(opinion), abs=1e-15) == _masses(~~opinion)


# ---------------------------------------------------------------------------
# Trust discounting
# ---------------------------------------------------------------------------


def test_discount_textbook_example() -> None:
    """Discounting follows b_t*b_x, b_t*d_x, d_t + u_t + b_t*u_x, a_x."""
    trust = Opinion(belief=0.8, disbelief=0.1, uncertainty=0.1)
    advice = Opinion(belief=0.6, disbelief=0.2, uncertainty=0.2, base_rate=0.3)
    # b = 0.8 * 0.6 = 0.48; d = 0.8 * 0.2 = 0.16;
    # u = 0.1 + 0.1 + 0.8 * 0.2 = 0.36; a = 0.3; P = 0.48 + 0.3 * 0.36 = 0.588.
    actual = discount(trust, advice)
    assert pytest.approx((0.48, 0.16, 0.36, 0.3)) == _masses(actual)
    assert pytest.approx(0.588) == actual.projected


@pytest.mark.parametrize(
    "trust",
    [Opinion.vacuous(), Opinion.vacuous(0.9), Opinion.dogmatic(0.0)],
    ids=["vacuous", "vacuous-high-base-rate", "distrusted"],
)
def test_unknown_or_distrusted_source_yields_vacuous_opinion(trust: Opinion) -> None:
    """Unknown is not 50%: an unknown or distrusted source passes nothing on."""
    advice = Opinion(belief=0.9, disbelief=0.05, uncertainty=0.05, base_rate=0.3)
    assert Opinion.vacuous(0.3) == discount(trust, advice)


@given(opinion=_ANY)
def test_full_trust_passes_the_opinion_on(opinion: Opinion) -> None:
    """Dogmatic full trust leaves the opinion unchanged."""
    actual = discount(Opinion.dogmatic(1.0), opinion)
    assert pytest.approx(_masses(opinion), abs=1e-15) == _masses(actual)


@given(trust=_ANY, opinion=_ANY)
def test_discount_results_are_valid(trust: Opinion, opinion: Opinion) -> None:
    """Discounting always yields a valid opinion."""
    _assert_valid(discount(trust, opinion))


@given(trust=_ANY, opinion=_ANY)
def test_discount_never_lowers_uncertainty(trust: Opinion, opinion: Opinion) -> None:
    """Hearing a claim second-hand is never more certain than first-hand."""
    assert discount(trust, opinion).uncertainty >= opinion.uncertainty - 1e-12


@given(trusts=st.lists(_ANY, max_size=8), opinion=_ANY)
def test_discount_chain_is_repeated_discounting(
    trusts: list[Opinion], opinion: Opinion
) -> None:
    """A chain equals discounting hop by hop from the far end inwards."""
    expected = opinion
    for trust in reversed(trusts):
        expected = discount(trust, expected)
    actual = discount_chain(trusts, opinion)
    assert pytest.approx(_masses(expected), abs=1e-12) == _masses(actual)


@given(trusts=st.lists(_ANY, max_size=8), extra=_ANY, opinion=_ANY)
def test_extra_hop_never_decreases_uncertainty(
    trusts: list[Opinion], extra: Opinion, opinion: Opinion
) -> None:
    """Every extra hop in a chain keeps or raises the uncertainty."""
    shorter = discount_chain(trusts, opinion)
    longer = discount_chain([*trusts, extra], opinion)
    assert longer.uncertainty >= shorter.uncertainty - 1e-12


@given(trusts=st.lists(_ANY, max_size=8), extra=_ANY, opinion=_ANY)
def test_extra_hop_never_moves_away_from_base_rate(
    trusts: list[Opinion], extra: Opinion, opinion: Opinion
) -> None:
    """Every extra hop keeps or shrinks the distance of P from the base rate."""
    shorter = discount_chain(trusts, opinion)
    longer = discount_chain([*trusts, extra], opinion)
    base_rate = opinion.base_rate
    assert (
        abs(longer.projected - base_rate) <= abs(shorter.projected - base_rate) + 1e-12
    )


def test_empty_chain_returns_the_opinion() -> None:
    """With nobody in between, the opinion is taken as it is."""
    opinion = Opinion(belief=0.6, disbelief=0.2, uncertainty=0.2, base_rate=0.3)
    assert opinion == discount_chain([], opinion)


def test_discount_chain_of_100000_hops() -> None:
    """Long chains run without recursion and decay belief geometrically."""
    hops = 100_000
    trust = Opinion(belief=0.9999, disbelief=0.0, uncertainty=0.0001)
    advice = Opinion(belief=0.6, disbelief=0.2, uncertainty=0.2, base_rate=0.3)
    # Each hop multiplies belief and disbelief by 0.9999: 0.9999 ** 100000 ~ e^-10.
    carried = 0.9999**hops
    expected = (0.6 * carried, 0.2 * carried, 1.0 - 0.8 * carried, 0.3)
    actual = discount_chain((trust for _ in range(hops)), advice)
    assert pytest.approx(expected, rel=1e-9) == _masses(actual)


# ---------------------------------------------------------------------------
# Cumulative fusion
# ---------------------------------------------------------------------------


def test_cumulative_fusion_textbook_example() -> None:
    """Two sources fuse by the two-source textbook formula, base rate included."""
    first = Opinion(belief=0.6, disbelief=0.2, uncertainty=0.2, base_rate=0.2)
    second = Opinion(belief=0.3, disbelief=0.3, uncertainty=0.4, base_rate=0.8)
    # Denominator: 0.2 + 0.4 - 0.2 * 0.4 = 0.52.
    # b = (0.6 * 0.4 + 0.3 * 0.2) / 0.52 = 0.30 / 0.52 = 7.5/13
    # d = (0.2 * 0.4 + 0.3 * 0.2) / 0.52 = 0.14 / 0.52 = 3.5/13
    # u = 0.2 * 0.4 / 0.52 = 2/13
    # a = (0.2 * 0.4 + 0.8 * 0.2 - 1.0 * 0.08) / (0.6 - 2 * 0.08) = 0.16 / 0.44
    expected = (7.5 / 13, 3.5 / 13, 2 / 13, 4 / 11)
    actual = cumulative_fusion([first, second])
    assert pytest.approx(expected, abs=1e-12) == _masses(actual)


def test_cumulative_fusion_three_source_example() -> None:
    """Three sources fuse in one step by adding their evidence."""
    sources = [
        Opinion.of(0.1, 0.3, 0.6),
        Opinion.of(0.4, 0.2, 0.4),
        Opinion.of(0.7, 0.1, 0.2),
    ]
    # Evidence with W = 2 (r = 2b/u, s = 2d/u): (1/3, 1), (2, 1), (7, 1).
    # Sum: r = 28/3, s = 3, so r + s + W = 43/3 and b = 28/43, d = 9/43, u = 6/43.
    expected = (28 / 43, 9 / 43, 6 / 43, 0.5)
    actual = cumulative_fusion(sources)
    assert pytest.approx(expected, abs=1e-12) == _masses(actual)


def test_cumulative_fusion_adds_evidence() -> None:
    """Fusing 8:2 with 2:8 evidence gives the opinion of 10:10 evidence."""
    expected = Opinion.from_evidence(10, 10)
    actual = cumulative_fusion(
        [Opinion.from_evidence(8, 2), Opinion.from_evidence(2, 8)]
    )
    assert pytest.approx(_masses(expected), abs=1e-12) == _masses(actual)


def test_cumulative_fusion_of_two_dogmatic_opinions() -> None:
    """Two dogmatic opinions are averaged with equal weights."""
    # b = (0.9 + 0.3) / 2 = 0.6; d = (0.1 + 0.7) / 2 = 0.4; a = (0.2 + 0.6) / 2.
    actual = cumulative_fusion(
        [Opinion.dogmatic(0.9, base_rate=0.2), Opinion.dogmatic(0.3, base_rate=0.6)]
    )
    assert pytest.approx((0.6, 0.4, 0.0, 0.4)) == _masses(actual)


def test_cumulative_fusion_weighs_all_dogmatic_opinions_equally() -> None:
    """Three dogmatic opinions fused at once each get a third of the weight."""
    dogmatic = [Opinion.dogmatic(p) for p in (1.0, 1.0, 0.1)]
    # b = (1.0 + 1.0 + 0.1) / 3 = 0.7.
    actual = cumulative_fusion(dogmatic)
    assert pytest.approx((0.7, 0.3, 0.0, 0.5)) == _masses(actual)


@given(opinion=_NON_DOGMATIC)
def test_dogmatic_opinion_overrides_finite_evidence(opinion: Opinion) -> None:
    """A dogmatic source outweighs any amount of finite evidence."""
    dogmatic = Opinion.dogmatic(0.9, base_rate=0.2)
    assert dogmatic == cumulative_fusion([opinion, dogmatic])


@given(opinion=_ANY, base_rate=_UNIT)
def test_vacuous_opinion_is_neutral_for_cumulative_fusion(
    opinion: Opinion, base_rate: float
) -> None:
    """Fusing with a vacuous opinion changes nothing (for non-vacuous input)."""
    assume(opinion.uncertainty < 1.0)
    actual = cumulative_fusion([opinion, Opinion.vacuous(base_rate)])
    assert pytest.approx(_masses(opinion), abs=1e-12) == _masses(actual)


def test_zero_evidence_source_changes_nothing() -> None:
    """A source without evidence adds nothing to cumulative fusion."""
    expected = Opinion.from_evidence(3, 1)
    actual = cumulative_fusion([expected, Opinion.from_evidence(0, 0)])
    assert pytest.approx(_masses(expected), abs=1e-15) == _masses(actual)


def test_cumulative_fusion_of_vacuous_opinions() -> None:
    """All-vacuous input gives a vacuous opinion with the mean base rate."""
    vacuous = [Opinion.vacuous(a) for a in (0.2, 0.4, 0.9)]
    actual = cumulative_fusion(vacuous)
    assert pytest.approx((0.0, 0.0, 1.0, 0.5)) == _masses(actual)


def test_cumulative_fusion_of_nothing_is_vacuous() -> None:
    """With no sources at all the result is the vacuous opinion."""
    assert Opinion.vacuous() == cumulative_fusion([])


@given(opinion=_ANY)
def test_cumulative_fusion_of_one_source_is_that_source(opinion: Opinion) -> None:
    """A single source is returned as it is."""
    actual = cumulative_fusion(iter([opinion]))
    assert pytest.approx(_masses(opinion), abs=1e-15) == _masses(actual)


@given(sources=st.lists(_ANY, max_size=6))
def test_cumulative_fusion_results_are_valid(sources: list[Opinion]) -> None:
    """Cumulative fusion always yields a valid opinion."""
    _assert_valid(cumulative_fusion(sources))


@given(first=_ANY, second=_ANY)
def test_cumulative_fusion_is_commutative(first: Opinion, second: Opinion) -> None:
    """Swapping two sources gives the very same opinion."""
    assert cumulative_fusion([first, second]) == cumulative_fusion([second, first])


@given(data=st.data(), sources=st.lists(_ANY, min_size=1, max_size=6))
def test_cumulative_fusion_is_order_independent(
    data: st.DataObject, sources: list[Opinion]
) -> None:
    """Any order of the sources gives the very same opinion, bit for bit."""
    shuffled = data.draw(st.permutations(sources))
    assert cumulative_fusion(sources) == cumulative_fusion(shuffled)


@given(first=_NON_DOGMATIC, second=_NON_DOGMATIC, third=_NON_DOGMATIC)
def test_cumulative_fusion_is_associative(
    first: Opinion, second: Opinion, third: Opinion
) -> None:
    """Fusing in groups agrees with fusing all at once (non-dogmatic sources)."""
    # All-vacuous triples are left out: their base rate is a plain mean, which no
    # grouping can keep (documented in cumulative_fusion).
    assume(min(first.uncertainty, second.uncertainty, third.uncertainty) < 1.0)
    expected = cumulative_fusion([first, second, third])
    left = cumulative_fusion([cumulative_fusion([first, second]), third])
    right = cumulative_fusion([first, cumulative_fusion([second, third])])
    assert pytest.approx(_masses(expected), abs=1e-9) == _masses(left)
    assert pytest.approx(_masses(expected), abs=1e-9) == _masses(right)


@given(sources=st.lists(_ANY, min_size=1, max_size=6), extra=_ANY)
def test_extra_source_never_increases_uncertainty(
    sources: list[Opinion], extra: Opinion
) -> None:
    """Another independent source, agreeing or not, never adds uncertainty."""
    before = cumulative_fusion(sources)
    after = cumulative_fusion([*sources, extra])
    assert after.uncertainty <= before.uncertainty * (1.0 + 1e-12)


@given(
    evidence=st.lists(st.tuples(_EVIDENCE, _EVIDENCE), min_size=1, max_size=6),
    base_rate=_UNIT,
)
def test_cumulative_fusion_matches_summed_evidence(
    evidence: list[tuple[float, float]], base_rate: float
) -> None:
    """Fusing evidence-based opinions equals the opinion of all the evidence."""
    expected = Opinion.from_evidence(
        math.fsum(r for r, _ in evidence),
        math.fsum(s for _, s in evidence),
        base_rate=base_rate,
    )
    actual = cumulative_fusion(
        Opinion.from_evidence(r, s, base_rate=base_rate) for r, s in evidence
    )
    assert pytest.approx(_masses(expected), abs=1e-9) == _masses(actual)


# ---------------------------------------------------------------------------
# Averaging fusion
# ---------------------------------------------------------------------------


def test_averaging_fusion_textbook_example() -> None:
    """Two sources fuse by the two-source textbook formula; base rates average."""
    first = Opinion(belief=0.6, disbelief=0.2, uncertainty=0.2, base_rate=0.2)
    second = Opinion(belief=0.3, disbelief=0.3, uncertainty=0.4, base_rate=0.8)
    # Denominator: 0.2 + 0.4 = 0.6.
    # b = (0.6 * 0.4 + 0.3 * 0.2) / 0.6 = 0.30 / 0.6 = 0.5
    # d = (0.2 * 0.4 + 0.3 * 0.2) / 0.6 = 0.14 / 0.6
    # u = 2 * 0.2 * 0.4 / 0.6 = 0.16 / 0.6
    # a = (0.2 + 0.8) / 2 = 0.5
    expected = (0.5, 0.14 / 0.6, 0.16 / 0.6, 0.5)
    actual = averaging_fusion([first, second])
    assert pytest.approx(expected, abs=1e-12) == _masses(actual)


def test_averaging_fusion_three_source_example() -> None:
    """Three sources fuse in one step, weighted by 1/u."""
    sources = [
        Opinion.of(0.1, 0.3, 0.6),
        Opinion.of(0.4, 0.2, 0.4),
        Opinion.of(0.7, 0.1, 0.2),
    ]
    # sum(1/u) = 5/3 + 5/2 + 5 = 55/6; sum(b/u) = 1/6 + 1 + 7/2 = 28/6;
    # sum(d/u) = 1/2 + 1/2 + 1/2 = 9/6; so b = 28/55, d = 9/55, u = 3 * 6/55.
    expected = (28 / 55, 9 / 55, 18 / 55, 0.5)
    actual = averaging_fusion(sources)
    assert pytest.approx(expected, abs=1e-12) == _masses(actual)


def test_averaging_with_vacuous_opinion_dilutes() -> None:
    """Unlike cumulative fusion, averaging in a vacuous opinion raises uncertainty."""
    opinion = Opinion(belief=0.6, disbelief=0.2, uncertainty=0.2)
    # 1/u = 5 and 1, so b = 0.6 * 5 / 6 = 0.5, d = 0.2 * 5 / 6 = 1/6, u = 2/6.
    actual = averaging_fusion([opinion, Opinion.vacuous()])
    assert pytest.approx((0.5, 1 / 6, 2 / 6, 0.5), abs=1e-12) == _masses(actual)


def test_averaging_fusion_of_two_dogmatic_opinions() -> None:
    """Two dogmatic opinions are averaged with equal weights."""
    actual = averaging_fusion(
        [Opinion.dogmatic(0.9, base_rate=0.2), Opinion.dogmatic(0.3, base_rate=0.6)]
    )
    assert pytest.approx((0.6, 0.4, 0.0, 0.4)) == _masses(actual)


def test_averaging_fusion_ignores_non_dogmatic_next_to_dogmatic() -> None:
    """Next to a dogmatic source, non-dogmatic sources carry no weight."""
    dogmatic = Opinion.dogmatic(0.9, base_rate=0.2)
    other = Opinion(belief=0.1, disbelief=0.8, uncertainty=0.1, base_rate=0.7)
    assert dogmatic == averaging_fusion([other, dogmatic])


def test_averaging_fusion_of_vacuous_opinions() -> None:
    """All-vacuous input gives a vacuous opinion with the mean base rate."""
    vacuous = [Opinion.vacuous(a) for a in (0.2, 0.4, 0.9)]
    actual = averaging_fusion(vacuous)
    assert pytest.approx((0.0, 0.0, 1.0, 0.5)) == _masses(actual)


def test_averaging_fusion_of_nothing_is_vacuous() -> None:
    """With no sources at all the result is the vacuous opinion."""
    assert Opinion.vacuous() == averaging_fusion([])


@given(opinion=_ANY, copies=st.integers(min_value=1, max_value=6))
def test_averaging_fusion_is_idempotent(opinion: Opinion, copies: int) -> None:
    """Averaging an opinion with copies of itself returns it unchanged."""
    actual = averaging_fusion(itertools.repeat(opinion, copies))
    assert pytest.approx(_masses(opinion), abs=1e-12) == _masses(actual)


@given(sources=st.lists(_ANY, max_size=6))
def test_averaging_fusion_results_are_valid(sources: list[Opinion]) -> None:
    """Averaging fusion always yields a valid opinion."""
    _assert_valid(averaging_fusion(sources))


@given(data=st.data(), sources=st.lists(_ANY, min_size=1, max_size=6))
def test_averaging_fusion_is_order_independent(
    data: st.DataObject, sources: list[Opinion]
) -> None:
    """Any order of the sources gives the very same opinion, bit for bit."""
    shuffled = data.draw(st.permutations(sources))
    assert averaging_fusion(sources) == averaging_fusion(shuffled)


@given(sources=st.lists(_NON_DOGMATIC, min_size=1, max_size=6))
def test_averaged_uncertainty_lies_between_the_sources(
    sources: list[Opinion],
) -> None:
    """The averaged uncertainty lies between the least and most uncertain source."""
    actual = averaging_fusion(sources).uncertainty
    lowest = min(o.uncertainty for o in sources)
    highest = max(o.uncertainty for o in sources)
    assert lowest * (1.0 - 1e-12) <= actual <= highest * (1.0 + 1e-12)


# ---------------------------------------------------------------------------
# Cross-check against the PyPI package ``subjective-logic``
# ---------------------------------------------------------------------------
#
# Known problems of subjective-logic 1.0.2 that these cross-checks steer around:
#
# * Every component is rounded to 6 decimals (Decimal, ROUND_HALF_UP) on the way
#   in and out, and anything below 1e-6 becomes 0.  Opinions with u < 5e-7 thus
#   turn dogmatic, and results carry errors of up to 5e-7.
# * cumulative_fusion raises ValueError for two dogmatic opinions instead of
#   averaging them (its TODO for the dogmatic case); so does average_fusion,
#   with a message about "Cumulative fusion".  With the rounding above, two
#   nearly dogmatic opinions (u = 4e-7) also make both raise.
# * Rounding can push b + a*u above 1 for a valid opinion: probability() of
#   BinomialOpinion(0.1408915, 0.0, 0.8591085, 1.0) raises "Probability must be
#   between 0 and 1", and so does trust_discounting with that opinion as trust.
# * from_evidence accepts only integer evidence, takes (r, s, base_rate, W)
#   positionally, and fails with a decimal.InvalidOperation for W = 0.
# * trust_discounting is the probability-sensitive variant of Jøsang 2016
#   (b = P_t * b_x, d = P_t * d_x), not the uncertainty-favouring one used here:
#   a vacuous trust with base rate 0.5 passes on half the advice's belief.
# * There are only two-source operators, and the averaging one is not
#   associative, so the N-source forms cannot be compared for N > 2.
#
# Inputs are drawn on the package's 6-decimal grid with masses that sum to
# exactly 1, so both implementations see the same numbers, and uncertainty is
# kept at 0.01 or more, where the package's rounding stays small.

_MICRO = 1_000_000


@st.composite
def grid_opinions(draw: st.DrawFn) -> tuple[float, float, float, float]:
    """Draw (b, d, u, a) on the 6-decimal grid with u >= 0.01 and b + d + u = 1."""
    uncertainty = draw(st.integers(min_value=_MICRO // 100, max_value=_MICRO))
    belief = draw(st.integers(min_value=0, max_value=_MICRO - uncertainty))
    disbelief = _MICRO - uncertainty - belief
    base_rate = draw(st.integers(min_value=0, max_value=_MICRO))
    return (
        belief / _MICRO,
        disbelief / _MICRO,
        uncertainty / _MICRO,
        base_rate / _MICRO,
    )


@pytest.fixture(scope="module")
def subjective_logic() -> ModuleType:
    """Import the reference package, skipping when it is not installed."""
    module: ModuleType = pytest.importorskip("subjective_logic")
    return module


def _package_masses(reference: Any) -> tuple[float, float, float, float]:
    return (
        float(reference.belief),
        float(reference.disbelief),
        float(reference.uncertainty),
        float(reference.base_rate),
    )


@settings(deadline=None)
@given(first=grid_opinions(), second=grid_opinions())
def test_cumulative_fusion_agrees_with_subjective_logic(
    subjective_logic: ModuleType,
    first: tuple[float, float, float, float],
    second: tuple[float, float, float, float],
) -> None:
    """Cumulative fusion matches the package for non-dogmatic opinions."""
    binomial = subjective_logic.BinomialOpinion
    expected = _package_masses(binomial(*first).cumulative_fusion(binomial(*second)))
    actual = cumulative_fusion([Opinion.of(*first), Opinion.of(*second)])
    assert pytest.approx(expected, abs=2e-6) == _masses(actual)


@settings(deadline=None)
@given(first=grid_opinions(), second=grid_opinions())
def test_averaging_fusion_agrees_with_subjective_logic(
    subjective_logic: ModuleType,
    first: tuple[float, float, float, float],
    second: tuple[float, float, float, float],
) -> None:
    """Averaging fusion matches the package for non-dogmatic opinions."""
    binomial = subjective_logic.BinomialOpinion
    expected = _package_masses(binomial(*first).average_fusion(binomial(*second)))
    actual = averaging_fusion([Opinion.of(*first), Opinion.of(*second)])
    assert pytest.approx(expected, abs=2e-6) == _masses(actual)


@settings(deadline=None)
@given(trust=grid_opinions(), advice=grid_opinions())
def test_package_discounting_is_the_probability_sensitive_variant(
    subjective_logic: ModuleType,
    trust: tuple[float, float, float, float],
    advice: tuple[float, float, float, float],
) -> None:
    """The package discounts by P_t, which we recompute by hand to compare."""
    # Our discount() is the uncertainty-favouring variant, so it cannot be
    # compared directly; this checks the package against its own definition
    # (b = P_t * b_x, d = P_t * d_x, u = 1 - b - d, a = a_x) and, below, that
    # the two variants agree whenever the trust is dogmatic (u_t = 0).
    binomial = subjective_logic.BinomialOpinion
    expected = _package_masses(binomial(*trust).trust_discounting(binomial(*advice)))
    trust_belief, _, trust_uncertainty, trust_base_rate = trust
    carried = trust_belief + trust_base_rate * trust_uncertainty
    belief, disbelief, _, base_rate = advice
    by_hand = (
        carried * belief,
        carried * disbelief,
        1.0 - carried * (belief + disbelief),
        base_rate,
    )
    assert pytest.approx(expected, abs=2e-6) == by_hand


@given(trust=st.floats(min_value=0.0, max_value=1.0), advice=_ANY)
def test_discount_variants_agree_for_dogmatic_trust(
    trust: float, advice: Opinion
) -> None:
    """With dogmatic trust P_t = b_t, so both discounting variants coincide."""
    carried = Opinion.dogmatic(trust).projected
    by_hand = (
        carried * advice.belief,
        carried * advice.disbelief,
        1.0 - carried * (advice.belief + advice.disbelief),
        advice.base_rate,
    )
    actual = discount(Opinion.dogmatic(trust), advice)
    assert pytest.approx(by_hand, abs=1e-12) == _masses(actual)


@settings(deadline=None)
@given(
    positive=st.integers(min_value=0, max_value=10_000),
    negative=st.integers(min_value=0, max_value=10_000),
)
def test_from_evidence_agrees_with_subjective_logic(
    subjective_logic: ModuleType, positive: int, negative: int
) -> None:
    """Mapping evidence to an opinion matches the package for integer evidence."""
    reference = subjective_logic.BinomialOpinion.from_evidence(positive, negative)
    expected = _package_masses(reference)
    actual = Opinion.from_evidence(positive, negative)
    assert pytest.approx(expected, abs=2e-6) == _masses(actual)
