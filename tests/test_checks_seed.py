"""The check catalog on the seed article: what it must and must not report.

The seed is Enab Baladi's 24 January 2025 article relaying the Washington Post
(anonymous US officials) and SANA (an unnamed Syrian General Intelligence
source) on intelligence sharing between Washington and Damascus.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import claimtrack
from claimtrack import ClaimGraph, RelationKind
from claimtrack.checks import Finding, Ref, check

SEED = Path(__file__).resolve().parent.parent / "seeds" / "enab-baladi-2025-01-24.json"

pytestmark = pytest.mark.skipif(
    not SEED.exists(), reason=f"the seed file {SEED.name} has not been written yet"
)

# Claims whose only origins are the anonymous US officials the Post cites.
US_OFFICIALS_ONLY = [
    "averted-thanks-to-us-warnings",
    "damascus-responded-positively",
    "direct-meetings-with-hts",
    "not-through-third-parties",
    "sharing-began-after-assad-fell",
    "third-country-in-exchange",
    "us-helped-foil-plot",
    "us-shared-intel",
]
FOILED = "sayyida-zaynab-foiled"
SHRINE = "shrine-plot-foiled"
AVERTED = "averted-thanks-to-us-warnings"
NOT_THIRD_PARTIES = "not-through-third-parties"
THIRD_COUNTRY = "third-country-in-exchange"


@pytest.fixture(scope="module")
def graph() -> ClaimGraph:
    """Load the seed graph."""
    return claimtrack.load(SEED)


@pytest.fixture(scope="module")
def findings(graph: ClaimGraph) -> list[Finding]:
    """Check the seed graph with every rule."""
    return check(graph)


def about(findings: list[Finding], code: str) -> set[str]:
    """Return the ids of the claims the findings of one code are about."""
    return {
        f.records[0].id
        for f in findings
        if f.code == code and f.records[0].type == "claim"
    }


def test_anonymous_us_officials_claims_are_ct301(findings: list[Finding]) -> None:
    """Every claim resting only on the anonymous US officials is CT301."""
    assert set(US_OFFICIALS_ONLY) <= about(findings, "CT301")


def test_ct301_names_the_officials(findings: list[Finding]) -> None:
    """The CT301 finding on the intelligence-sharing claim names the officials."""
    [finding] = [
        f
        for f in findings
        if f.code == "CT301" and f.records[0].id == "us-shared-intel"
    ]
    assert Ref(type="source", id="us-officials") in finding.records


def test_shrine_plot_is_not_anonymous_only(findings: list[Finding]) -> None:
    """The on-the-record Syrian announcement refines the shrine plot: no CT301."""
    assert SHRINE not in about(findings, "CT301")
    assert SHRINE not in about(findings, "CT302")


def test_shrine_plot_borrows_the_syrian_self_report(findings: list[Finding]) -> None:
    """The Syrian account that refines the shrine plot makes its support interested."""
    [finding] = [f for f in findings if f.code == "CT304" and f.records[0].id == SHRINE]
    assert Ref(type="source", id="syrian-intelligence") in finding.records
    assert f"(through claim {FOILED!r})" in finding.message


def test_syrian_intelligence_on_its_own_foiling_is_ct304(
    findings: list[Finding],
) -> None:
    """Syrian intelligence announcing its own foiling of the attack is interested."""
    [finding] = [f for f in findings if f.code == "CT304" and f.records[0].id == FOILED]
    assert {
        Ref(type="source", id="gi-source"),
        Ref(type="source", id="syrian-intelligence"),
    } <= set(finding.records)


def test_us_credit_for_averting_the_attack_is_ct304(findings: list[Finding]) -> None:
    """US officials crediting US warnings with averting the attack are interested."""
    assert AVERTED in about(findings, "CT304")


def test_sayyida_zaynab_foiling_is_corroborated(
    graph: ClaimGraph, findings: list[Finding]
) -> None:
    """US and Syrian origins are independent, so the foiling is not single-origin."""
    assert 2 == len(graph.supporting_roots(FOILED))
    assert FOILED not in about(findings, "CT302")


def test_no_weekday_finding(findings: list[Finding]) -> None:
    """'Friday 24 January 2025' is right, so there is no CT203."""
    assert [] == [f for f in findings if f.code == "CT203"]


def test_third_party_tension_is_a_contradicts_relation(
    graph: ClaimGraph, findings: list[Finding]
) -> None:
    """'Not through third parties' and 'a third country' are tied by `contradicts`.

    Nobody has assessed either claim, so the tension shows in the relation and
    is not a CT401 finding.
    """
    assert (THIRD_COUNTRY,) == graph.related_claims(
        NOT_THIRD_PARTIES, RelationKind.CONTRADICTS
    )
    assert [] == [f for f in findings if f.code in {"CT401", "CT403"}]


def test_seed_is_structurally_sound(findings: list[Finding]) -> None:
    """The seed has no structure or time errors: every id resolves, no loops."""
    assert [] == [f for f in findings if f.code.startswith(("CT1", "CT2"))]
