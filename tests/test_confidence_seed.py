"""The confidence calculus on the Enab Baladi seed (24 January 2025).

The seed's own reliability grades may change as analysts revise them, so the
probability ordering is checked on a copy with illustrative grades set here.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import claimtrack
from claimtrack import ClaimGraph, Reliability, Source
from claimtrack.confidence import assess, explain

SEED = Path(__file__).parent.parent / "seeds" / "enab-baladi-2025-01-24.json"

FOILED = "sayyida-zaynab-foiled"
THANKS_TO_US = "averted-thanks-to-us-warnings"

# Illustrative grades, for this test only:
# - The Washington Post, B: a newspaper of record with editorial standards and
#   a correction policy, though it leans on unnamed officials.
# - Enab Baladi, B: an established independent Syrian outlet that attributes
#   carefully; here it relays, it does not originate.
# - SANA, D: state news agency, long a mouthpiece and only weeks into serving a
#   new government.
# - Current and former US officials, C: plausible access, but unnamed, with no
#   record the reader can check.
# - The unnamed General Intelligence source, D: unnamed, speaking for a service
#   weeks old, through state media.
# - The General Intelligence Directorate, D: announcing its own success.
GRADES = {
    "washington-post": Reliability.B,
    "enab-baladi": Reliability.B,
    "sana": Reliability.D,
    "us-officials": Reliability.C,
    "gi-source": Reliability.D,
    "syrian-intelligence": Reliability.D,
}


@pytest.fixture(scope="module")
def seed() -> ClaimGraph:
    """The seed graph as published."""
    return claimtrack.load(SEED)


@pytest.fixture(scope="module")
def graded(seed: ClaimGraph) -> ClaimGraph:
    """The seed with the illustrative grades above."""
    return ClaimGraph.of(
        attrs.evolve(record, reliability=GRADES[record.id])
        if isinstance(record, Source) and record.id in GRADES
        else record
        for record in seed
    )


def test_foiling_has_two_independent_origin_groups(seed: ClaimGraph) -> None:
    """US officials and the Syrian government are two voices on the foiling."""
    result = assess(seed)[FOILED]
    assert ["syrian-government", "us-government"] == [g.root for g in result.groups]
    assert (2, 0) == (result.supporting, result.contradicting)


def test_thanks_to_us_warnings_rests_on_one_interested_anonymous_group(
    seed: ClaimGraph,
) -> None:
    """Only US officials, unnamed and crediting their own side, back this claim."""
    result = assess(seed)[THANKS_TO_US]
    (group,) = result.groups
    assert ("us-government", True, True) == (
        group.root,
        group.anonymous,
        group.interested,
    )
    assert 1 == result.supporting


def test_thanks_to_us_warnings_is_less_likely_than_the_foiling(
    graded: ClaimGraph,
) -> None:
    """One interested anonymous voice gives a lower P than two independent ones."""
    results = assess(graded)
    assert results[THANKS_TO_US].probability < results[FOILED].probability
    assert results[THANKS_TO_US].probability > 0.5


def test_summary_names_the_sourcing_in_words(graded: ClaimGraph) -> None:
    """The ICD 206-style sentence of the US-warnings claim, as the tutorial shows it."""
    expected = (
        "1 independent origin: anonymous current and former US officials via "
        "The Washington Post via Enab Baladi (interested)."
    )
    assert expected == assess(graded)[THANKS_TO_US].summary


def test_explanations_name_every_discount(graded: ClaimGraph) -> None:
    """Each explanation shows the trust, anonymity and interest it applied."""
    results = assess(graded)
    text = explain(results[THANKS_TO_US])
    assert "anonymous keeps 0.70 x interested keeps 0.50" in text
    assert "recorded by The Washington Post (B: usually reliable" in text
    assert "cumulative fusion of 2 independent origin groups" in explain(
        results[FOILED]
    )
