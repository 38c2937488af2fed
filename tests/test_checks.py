"""Tests for the check catalog in :mod:`claimtrack.checks`.

Every rule has an example where it fires and a near miss where it must not;
then the catalog machinery (select, ignore, custom rules, explanations); then
properties over random graphs from :mod:`claimtrack.testing`.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import (
    Assessment,
    Attribution,
    Claim,
    ClaimGraph,
    ClaimKind,
    Document,
    FuzzyDate,
    GraphBuilder,
    Record,
    Relation,
    Source,
)
from claimtrack.checks import (
    Catalog,
    Finding,
    Ref,
    Rule,
    RuleError,
    Severity,
    catalog_markdown,
    check,
    default_rules,
    explain,
    rule,
)
from claimtrack.checks._names import normalise_name
from claimtrack.confidence import assess
from claimtrack.testing import graphs, record_orders

ALL_CODES = [
    "CT101",
    "CT102",
    "CT103",
    "CT104",
    "CT105",
    "CT201",
    "CT202",
    "CT203",
    "CT204",
    "CT301",
    "CT302",
    "CT303",
    "CT304",
    "CT305",
    "CT306",
    "CT307",
    "CT308",
    "CT401",
    "CT402",
    "CT403",
    "CT404",
    "CT405",
]


def found(graph: ClaimGraph, code: str) -> list[Finding]:
    """Return the findings of one rule."""
    return check(graph, select=[code])


def refs(*texts: str) -> tuple[Ref, ...]:
    """Return references from their text forms."""
    return tuple(Ref.parse(text) for text in texts)


class Article:
    """A small version of the seed: US officials via the Post via Enab Baladi."""

    def __init__(self) -> None:
        b = self.b = GraphBuilder()
        self.us_gov = b.source("us-gov", "United States government", kind="government")
        self.officials = b.source(
            "us-officials",
            "US officials",
            anonymous=True,
            descriptor="current and former US officials familiar with the exchanges",
            affiliation=self.us_gov,
        )
        self.syria_gov = b.source("syria-gov", "Syrian caretaker government")
        self.intel = b.source(
            "syria-intel", "General Intelligence", affiliation=self.syria_gov
        )
        self.wapo = b.source("wapo", "The Washington Post", kind="news_outlet")
        self.enab = b.source("enab", "Enab Baladi", kind="news_outlet")
        self.report = b.document(
            "wapo-report", publisher=self.wapo, published="2025-01-24"
        )
        self.article = b.document(
            "enab-article", publisher=self.enab, published="2025-01-24"
        )
        self.statement = b.document(
            "intel-statement", publisher=self.intel, published="2025-01-11"
        )

    def us_claim(self, claim_id: str, **fields: object) -> tuple[Claim, Attribution]:
        """Add a claim US officials told the Post, relayed by Enab Baladi."""
        claim = self.b.claim(claim_id, f"Text of {claim_id}.", language="en", **fields)
        said = self.b.attribute(claim, source=self.officials, document=self.report)
        relay = self.b.relay(said, source=self.wapo, document=self.article)
        return claim, relay

    def build(self) -> ClaimGraph:
        """Return the graph built so far."""
        return self.b.build()


# --- CT1 structure ------------------------------------------------------------


def test_ct101_dangling_document() -> None:
    """An attribution naming a document that does not exist is CT101."""
    a = Article()
    claim = a.b.claim("c", "Text.", language="en")
    a.b.attribute(claim, source=a.wapo, document="no-such-doc", id="hop")
    [finding] = found(a.build(), "CT101")
    assert refs("attribution:hop", "document:no-such-doc") == finding.records
    assert Severity.ERROR == finding.severity


def test_ct101_dangling_affiliation_and_about() -> None:
    """A missing affiliation and a missing party in `about` are both reported."""
    b = GraphBuilder()
    b.source("s", "S", affiliation="ghost")
    b.claim("c", "Text.", language="en", about=["nobody"])
    expected = [refs("claim:c", "source:nobody"), refs("source:s", "source:ghost")]
    assert expected == [f.records for f in found(b.build(), "CT101")]


def test_ct101_near_miss_complete_graph() -> None:
    """A graph whose every reference resolves has no CT101."""
    a = Article()
    a.us_claim("c", about=[a.us_gov])
    assert [] == found(a.build(), "CT101")


def test_ct102_conflicting_records_of_one_type() -> None:
    """Two different sources under one id are CT102, naming the field that differs."""
    graph = ClaimGraph.of(
        [Source(id="sana", name="SANA"), Source(id="sana", name="Syrian news agency")]
    )
    [finding] = found(graph, "CT102")
    assert refs("source:sana") == finding.records
    assert "differ in name" in finding.message


def test_ct102_id_shared_across_types() -> None:
    """A source and a document with one id are CT102."""
    graph = ClaimGraph.of(
        [Source(id="sana", name="SANA"), Document(id="sana", publisher="sana")]
    )
    [finding] = found(graph, "CT102")
    assert refs("source:sana", "document:sana") == finding.records


def test_ct102_near_miss_identical_duplicates() -> None:
    """The same record added twice is kept once and is not a conflict."""
    source = Source(id="sana", name="SANA")
    assert [] == found(ClaimGraph.of([source, source]), "CT102")


def test_ct103_relay_loop_and_affiliation_loop() -> None:
    """A relay loop and an affiliation loop are each reported once."""
    graph = ClaimGraph.of(
        [
            Source(id="a", name="A", affiliation="b"),
            Source(id="b", name="B", affiliation="a"),
            Attribution(id="x", claim="c", source="a", document="d", via="y"),
            Attribution(id="y", claim="c", source="a", document="d", via="x"),
        ]
    )
    expected = [refs("attribution:x", "attribution:y"), refs("source:a", "source:b")]
    assert expected == [f.records for f in found(graph, "CT103")]


def test_ct103_self_relay() -> None:
    """An attribution relaying itself is a loop of one."""
    graph = ClaimGraph.of(
        [Attribution(id="x", claim="c", source="a", document="d", via="x")]
    )
    [finding] = found(graph, "CT103")
    assert "x -> x" in finding.message


def test_ct103_near_miss_long_chain() -> None:
    """A deep relay chain that ends at an origin is no loop."""
    a = Article()
    _, relay = a.us_claim("c")
    for n in range(50):
        relay = a.b.relay(relay, source=a.enab, document=a.article, id=f"hop-{n}")
    assert [] == found(a.build(), "CT103")


def test_ct104_relay_across_claims() -> None:
    """A relay whose upstream hop carries another claim is CT104."""
    a = Article()
    _, relay = a.us_claim("original")
    other = a.b.claim("reworded", "Stronger text.", language="en")
    a.b.attribute(other, source=a.enab, document=a.article, via=relay, id="bad")
    [finding] = found(a.build(), "CT104")
    assert ("attribution", "bad") == (finding.records[0].type, finding.records[0].id)


def test_ct104_near_miss_same_claim() -> None:
    """A relay of the same claim is fine."""
    a = Article()
    a.us_claim("c")
    assert [] == found(a.build(), "CT104")


def test_ct105_relay_not_credited_to_publisher() -> None:
    """Crediting a relay of the Post's report to the officials again is CT105."""
    a = Article()
    claim = a.b.claim("c", "Text.", language="en")
    said = a.b.attribute(claim, source=a.officials, document=a.report)
    a.b.relay(said, source=a.officials, document=a.article, id="relay")
    [finding] = found(a.build(), "CT105")
    assert Severity.WARNING == finding.severity
    assert refs("source:wapo") == finding.records[-1:]


def test_ct105_near_miss_publisher_credited() -> None:
    """A relay credited to the upstream document's publisher is right."""
    a = Article()
    a.us_claim("c")
    assert [] == found(a.build(), "CT105")


# --- CT2 time -----------------------------------------------------------------


def test_ct201_relay_before_upstream() -> None:
    """A relaying document dated before the one it relays is CT201."""
    a = Article()
    early = a.b.document("early", publisher=a.enab, published="2025-01-23")
    claim = a.b.claim("c", "Text.", language="en")
    said = a.b.attribute(claim, source=a.officials, document=a.report)
    a.b.relay(said, source=a.wapo, document=early, id="relay")
    [finding] = found(a.build(), "CT201")
    assert refs("attribution:relay", "document:early") == finding.records[:2]


def test_ct201_statement_after_its_report() -> None:
    """A statement said after the document that reports it is CT201."""
    a = Article()
    claim = a.b.claim("c", "Text.", language="en")
    a.b.attribute(
        claim, source=a.officials, document=a.report, said="2025-02", id="hop"
    )
    [finding] = found(a.build(), "CT201")
    assert refs("attribution:hop", "document:wapo-report") == finding.records


def test_ct201_near_miss_imprecise_dates() -> None:
    """A relay dated only to the month may follow its upstream: not certain."""
    a = Article()
    month = a.b.document("month", publisher=a.enab, published="2025-01")
    claim = a.b.claim("c", "Text.", language="en")
    said = a.b.attribute(claim, source=a.officials, document=a.report, said="2025-01")
    a.b.relay(said, source=a.wapo, document=month)
    assert [] == found(a.build(), "CT201")


def test_ct202_event_after_report() -> None:
    """A past event dated after the document reporting it is CT202."""
    a = Article()
    a.us_claim("c", event_date="2025-02-11")
    assert [
        refs("claim:c", "document:enab-article"),
        refs("claim:c", "document:wapo-report"),
    ] == [f.records for f in found(a.build(), "CT202")]


def test_ct202_near_miss_prediction() -> None:
    """A prediction may date its event after the report."""
    a = Article()
    a.us_claim("c", event_date="2025-02-11", kind="prediction")
    assert [] == found(a.build(), "CT202")


def test_ct203_wrong_weekday() -> None:
    """Thursday 24 January 2025 is CT203: that day was a Friday."""
    b = GraphBuilder()
    b.document("d", published="2025-01-24 (Thursday)")
    [finding] = found(b.build(), "CT203")
    assert "was a Friday" in finding.message


def test_ct203_near_miss_right_weekday() -> None:
    """Friday 24 January 2025 is right."""
    b = GraphBuilder()
    b.document("d", published="2025-01-24 (Friday)")
    assert [] == found(b.build(), "CT203")


def test_ct204_retraction_before_publication() -> None:
    """A document retracted before it was published is CT204."""
    b = GraphBuilder()
    b.document("d", published="2025-01-24", retracted="2025-01-20")
    [finding] = found(b.build(), "CT204")
    assert refs("document:d") == finding.records


def test_ct204_near_miss_statement_withdrawn_before_report() -> None:
    """A statement withdrawn before the report that records it is not CT204."""
    a = Article()
    claim = a.b.claim("c", "Text.", language="en")
    a.b.attribute(
        claim,
        source=a.officials,
        document=a.report,
        said="2025-01-10",
        retracted="2025-01-12",
    )
    assert [] == found(a.build(), "CT204")


# --- CT3 sourcing -------------------------------------------------------------


def test_ct301_only_anonymous_officials() -> None:
    """A claim resting only on anonymous officials is CT301, naming them."""
    a = Article()
    a.us_claim("us-shared-intel")
    [finding] = found(a.build(), "CT301")
    assert refs("claim:us-shared-intel", "source:us-officials") == finding.records
    assert "familiar with the exchanges" in finding.message


def test_ct301_near_miss_named_origin_too() -> None:
    """A named origin beside the anonymous one clears CT301."""
    a = Article()
    claim, _ = a.us_claim("c")
    a.b.attribute(claim, source=a.intel, document=a.statement)
    assert [] == found(a.build(), "CT301")


def test_ct301_near_miss_anonymous_denial() -> None:
    """An anonymous denial is not support: a named assertion stands alone."""
    a = Article()
    claim = a.b.claim("c", "Text.", language="en")
    a.b.attribute(claim, source=a.intel, document=a.statement)
    a.b.attribute(claim, source=a.officials, document=a.report, stance="denies")
    assert [] == found(a.build(), "CT301")


def test_ct301_near_miss_on_record_refining_claim() -> None:
    """An on-the-record origin of a more specific claim clears the general one."""
    a = Article()
    general, _ = a.us_claim("general")
    specific = a.b.claim("specific", "Specific.", language="en")
    a.b.attribute(specific, source=a.intel, document=a.statement)
    a.b.relate(specific, "refines", general)
    assert [] == found(a.build(), "CT301")


def test_ct302_one_voice_through_two_sources() -> None:
    """Two sources answering to one government are one origin group."""
    a = Article()
    claim, _ = a.us_claim("c")
    spokesman = a.b.source("spokesman", "State Department", affiliation=a.us_gov)
    a.b.attribute(claim, source=spokesman, document=a.report)
    [finding] = found(a.build(), "CT302")
    assert refs("claim:c", "source:us-gov") == finding.records


def test_ct302_near_miss_two_independent_groups() -> None:
    """US officials and Syrian intelligence are two groups: corroborated."""
    a = Article()
    claim, _ = a.us_claim("foiled")
    a.b.attribute(claim, source=a.intel, document=a.statement)
    assert [] == found(a.build(), "CT302")


def test_ct302_near_miss_refining_claim_brings_a_group() -> None:
    """A more specific claim with another origin corroborates the general one."""
    a = Article()
    general, _ = a.us_claim("general")
    specific = a.b.claim("specific", "Specific.", language="en")
    a.b.attribute(specific, source=a.intel, document=a.statement)
    a.b.relate(specific, "refines", general)
    assert ["specific"] == [f.records[0].id for f in found(a.build(), "CT302")]


def test_ct302_near_miss_same_as_claim_brings_a_group() -> None:
    """A claim that is the same as one with another origin corroborates it."""
    a = Article()
    first, _ = a.us_claim("first")
    second = a.b.claim("second", "Same, in Arabic.", language="ar")
    a.b.attribute(second, source=a.intel, document=a.statement)
    a.b.relate(first, "same_as", second)
    assert [] == found(a.build(), "CT302")


def test_ct302_near_miss_supporting_claim_brings_a_group() -> None:
    """A claim from another group that supports this one corroborates it."""
    a = Article()
    a.us_claim("foiled")
    found_arms = a.b.claim("arms-found", "Weapons were seized.", language="en")
    a.b.attribute(found_arms, source=a.intel, document=a.statement)
    a.b.relate(found_arms, "supports", "foiled")
    assert ["arms-found"] == [f.records[0].id for f in found(a.build(), "CT302")]


def test_ct302_near_miss_general_claim_does_not_corroborate_specific() -> None:
    """Evidence for a general claim does not corroborate a claim refining it."""
    a = Article()
    specific, _ = a.us_claim("specific")
    general = a.b.claim("general", "General.", language="en")
    a.b.attribute(general, source=a.intel, document=a.statement)
    a.b.relate(specific, "refines", general)
    assert ["specific"] == [f.records[0].id for f in found(a.build(), "CT302")]


def two_outlets() -> Article:
    """Return an article where two outlets relay one origin."""
    a = Article()
    a.us_claim("c")
    monitor = a.b.source("monitor", "Al-Monitor", kind="news_outlet")
    piece = a.b.document("monitor-piece", publisher=monitor, published="2025-01-25")
    said = a.build().attribution("c:us-officials")
    assert said is not None
    a.b.relay(said, source=a.wapo, document=piece, id="monitor-relay")
    return a


def test_ct303_two_outlets_one_origin_is_info() -> None:
    """Two publishers relaying one origin group is circular reporting, as info."""
    [finding] = found(two_outlets().build(), "CT303")
    assert Severity.INFO == finding.severity
    assert refs("claim:c", "source:enab", "source:monitor", "source:us-gov") == (
        finding.records
    )


def test_ct303_confirmed_assessment_makes_it_a_warning() -> None:
    """Rating circular reporting 'confirmed' raises CT303 to a warning."""
    a = two_outlets()
    a.b.assess("c", credibility=1)
    [finding] = found(a.build(), "CT303")
    assert Severity.WARNING == finding.severity


def test_ct303_near_miss_one_relay_chain() -> None:
    """One chain through two outlets is a relay, not circular reporting."""
    a = Article()
    a.us_claim("c")
    assert [] == found(a.build(), "CT303")


def test_ct304_intelligence_announcing_its_own_success() -> None:
    """Syrian intelligence on a claim about the Syrian government is CT304."""
    a = Article()
    claim = a.b.claim("foiled", "Foiled.", language="en", about=[a.syria_gov])
    a.b.attribute(claim, source=a.intel, document=a.statement)
    [finding] = found(a.build(), "CT304")
    assert refs("claim:foiled", "source:syria-gov", "source:syria-intel") == (
        finding.records
    )
    assert "answers to 'syria-gov'" in finding.message


def test_ct304_deep_affiliation_chain() -> None:
    """An origin many affiliations below the party is still interested."""
    a = Article()
    parent = a.us_gov
    for n in range(200):
        parent = a.b.source(f"office-{n}", f"Office {n}", affiliation=parent)
    claim = a.b.claim("c", "Text.", language="en", about=[a.us_gov])
    a.b.attribute(claim, source=parent, document=a.report)
    [finding] = found(a.build(), "CT304")
    assert "answers to 'us-gov'" in finding.message


def test_ct304_party_without_a_source_record() -> None:
    """An affiliation naming no source still makes its members interested."""
    b = GraphBuilder()
    b.source("officials", "Officials", affiliation="state")
    claim = b.claim("c", "Text.", language="en", about=["state"])
    b.attribute(claim, source="officials", document="d")
    [finding] = found(b.build(), "CT304")
    assert refs("claim:c", "source:officials", "source:state") == finding.records


def test_ct304_affiliation_loop() -> None:
    """Sources in an affiliation loop answer to each other."""
    b = GraphBuilder()
    b.source("a", "A", affiliation="b")
    b.source("b", "B", affiliation="a")
    claim = b.claim("c", "Text.", language="en", about=["b"])
    b.attribute(claim, source="a", document="d")
    assert 1 == len(found(b.build(), "CT304"))


def test_ct304_interest_borrowed_along_a_relation() -> None:
    """A caption naming no party, supporting a claim about its government, is CT304."""
    a = Article()
    a.us_claim("foiled", about=[a.syria_gov])
    caption = a.b.claim("caption", "The cell tried an attack.", language="en")
    a.b.attribute(caption, source=a.intel, document=a.statement)
    a.b.relate(caption, "supports", "foiled")
    [finding] = found(a.build(), "CT304")
    assert refs("claim:foiled", "source:syria-gov", "source:syria-intel") == (
        finding.records
    )
    assert "answers to 'syria-gov' (through claim 'caption')" in finding.message


def test_ct304_near_miss_borrowed_evidence_about_nobody() -> None:
    """Borrowed evidence whose source neither claim is about is not interested."""
    a = Article()
    a.us_claim("foiled", about=[a.us_gov])
    a.b.claim("caption", "The cell tried an attack.", language="en")
    a.b.attribute("caption", source=a.intel, document=a.statement)
    a.b.relate("caption", "supports", "foiled")
    [finding] = found(a.build(), "CT304")
    assert refs("claim:foiled", "source:us-gov", "source:us-officials") == (
        finding.records
    )


def test_ct304_near_miss_origin_about_someone_else() -> None:
    """US officials on a claim about Syria only are not interested."""
    a = Article()
    a.us_claim("c", about=[a.syria_gov])
    assert [] == found(a.build(), "CT304")


def test_ct305_anonymous_without_descriptor() -> None:
    """An anonymous source with no descriptor is CT305."""
    b = GraphBuilder()
    b.source("unnamed", "A source", anonymous=True)
    [finding] = found(b.build(), "CT305")
    assert refs("source:unnamed") == finding.records


def test_ct305_near_miss_described() -> None:
    """An anonymous source with a descriptor is fine."""
    b = GraphBuilder()
    b.source("unnamed", "A source", anonymous=True, descriptor="a GIS officer")
    assert [] == found(b.build(), "CT305")


def test_ct306_claim_without_attribution() -> None:
    """A claim nobody is credited with is CT306."""
    b = GraphBuilder()
    b.claim("c", "Text.", language="en")
    [finding] = found(b.build(), "CT306")
    assert refs("claim:c") == finding.records


def test_ct306_near_miss_attributed() -> None:
    """An attributed claim is fine."""
    a = Article()
    a.us_claim("c")
    assert [] == found(a.build(), "CT306")


def graph_with_retracted_report(*extra: Record) -> ClaimGraph:
    """Return the small article with the Post report retracted, plus records."""
    a = Article()
    a.us_claim("c")
    retracted = FuzzyDate.parse("2025-01-30")
    records = [
        attrs.evolve(r, retracted=retracted)
        if isinstance(r, Document) and r.id == "wapo-report"
        else r
        for r in a.build()
    ]
    return ClaimGraph.of([*records, *extra])


def test_ct307_support_only_through_retracted_document() -> None:
    """A claim whose only chain passes through a retracted report is an error."""
    [finding] = found(graph_with_retracted_report(), "CT307")
    assert Severity.ERROR == finding.severity
    assert refs("claim:c", "document:wapo-report") == finding.records


def test_ct307_partly_retracted_is_info() -> None:
    """A claim with one clean chain besides a retracted one is info."""
    extra = Attribution(
        id="intel-hop", claim="c", source="syria-intel", document="intel-statement"
    )
    [finding] = found(graph_with_retracted_report(extra), "CT307")
    assert Severity.INFO == finding.severity


def test_ct307_assessment_downstream_is_warning() -> None:
    """An assessment made before the retraction is flagged as a warning."""
    judged = Assessment(id="judged", claim="c", likelihood="likely", date="2025-01-25")
    findings = found(graph_with_retracted_report(judged), "CT307")
    assert [Severity.WARNING, Severity.ERROR] == [f.severity for f in findings]
    assert refs("assessment:judged") == findings[0].records[:1]


def test_ct307_near_miss_assessment_after_retraction() -> None:
    """An assessment dated after the retraction was made knowing of it."""
    judged = Assessment(id="judged", claim="c", likelihood="unlikely", date="2025-02")
    assert [Severity.ERROR] == [
        f.severity for f in found(graph_with_retracted_report(judged), "CT307")
    ]


def test_ct307_related_claim_downstream_is_info() -> None:
    """A claim supported by a fully retracted claim is flagged as info."""
    other = Claim(id="other", text="Other.", language="en")
    said = Attribution(
        id="other-hop", claim="other", source="syria-intel", document="intel-statement"
    )
    support = Relation(id="r", kind="supports", claim="c", target="other")
    findings = found(graph_with_retracted_report(other, said, support), "CT307")
    assert [Severity.ERROR, Severity.INFO] == [f.severity for f in findings]
    assert refs("claim:other", "claim:c", "relation:r") == findings[1].records


def test_ct307_retraction_inside_relay_loop() -> None:
    """A retracted hop inside a relay loop does not break the rule."""
    graph = ClaimGraph.of(
        [
            Claim(id="c", text="Text.", language="en"),
            Attribution(id="x", claim="c", source="s", document="d", via="y"),
            Attribution(
                id="y", claim="c", source="s", document="d", via="x", retracted="2025"
            ),
            Attribution(id="z", claim="c", source="s", document="d", via="x"),
        ]
    )
    [finding] = found(graph, "CT307")
    assert refs("claim:c", "attribution:y") == finding.records


def test_ct307_near_miss_nothing_retracted() -> None:
    """No retraction, no CT307."""
    a = Article()
    a.us_claim("c")
    a.b.assess("c", likelihood="likely")
    assert [] == found(a.build(), "CT307")


def test_ct308_arabic_spelling_variants() -> None:
    """Two spellings of the Syrian news agency's Arabic name are one party."""
    b = GraphBuilder()
    b.source("sana", "SANA", aliases=["الوكالة العربية السورية للأنباء"])
    b.source("syrian-agency", "ٱلوكالة العربيّة السوريـة للانباء", names={"en": "S.A"})
    [finding] = found(b.build(), "CT308")
    assert refs("source:sana", "source:syrian-agency") == finding.records


def test_ct308_latin_case_diacritics_and_spaces() -> None:
    """Case, spacing, punctuation and diacritics do not make a new name."""
    b = GraphBuilder()
    b.source("afp", "Agence France-Presse")
    b.source("afp-2", "  agence   FRANCE presse")
    b.source("afp-3", "Agénce France Présse")
    [finding] = found(b.build(), "CT308")
    assert refs("source:afp", "source:afp-2", "source:afp-3") == finding.records


def test_ct308_leading_english_article() -> None:
    """The names "The Washington Post" and "Washington Post" are one party."""
    b = GraphBuilder()
    b.source("wapo", "The Washington Post")
    b.source("washington-post", "Washington Post")
    [finding] = found(b.build(), "CT308")
    assert refs("source:wapo", "source:washington-post") == finding.records
    assert "match as 'washington post'" in finding.message


def test_ct308_near_miss_the_inside_a_word() -> None:
    """A name that starts with "The" inside a word keeps it."""
    b = GraphBuilder()
    b.source("theatre", "Theatre Weekly")
    b.source("atre", "Atre Weekly")
    assert [] == found(b.build(), "CT308")


def test_ct308_near_miss_different_names() -> None:
    """The Washington Post and Washington are different parties."""
    b = GraphBuilder()
    b.source("wapo", "The Washington Post", names={"ar": "واشنطن بوست"})
    b.source("us", "United States", aliases=["واشنطن"])
    assert [] == found(b.build(), "CT308")


def test_ct308_near_miss_already_one_group() -> None:
    """Same-named sources under one affiliation root overstate nothing."""
    b = GraphBuilder()
    b.source("ministry", "Ministry of Interior")
    b.source("ministry-press", "ministry of interior", affiliation="ministry")
    assert [] == found(b.build(), "CT308")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("أحمد الشرع", "احمد شرع"),
        ("إدارة العمليات", "ادارة العمليات"),
        ("آمنة", "امنه"),
        ("مصطفى", "مصطفي"),
        ("هيئة تحرير الشام", "هيئـة تَحْرِير الشّام"),
        ("Bashar al-Assad", "bashar  al assad"),
        ("Zoë Café", "ZOE CAFE"),
        ("The Washington Post", "Washington Post"),
        ("THE  Times", "the-times"),
    ],
)
def test_normalised_names_match(first: str, second: str) -> None:
    """Spelling variants normalise to the same text."""
    assert normalise_name(first) == normalise_name(second)


def test_normalised_names_keep_different_names_apart() -> None:
    """Normalisation does not merge names that differ in letters."""
    assert normalise_name("مسؤول أمريكي") != normalise_name("مسؤول سوري")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Theatre Weekly", "theatre weekly"),
        ("The", "the"),
        ("Ministry of the Interior", "ministry of the interior"),
        ("Washington Post, The", "washington post the"),
    ],
)
def test_normalised_names_drop_only_a_leading_article_word(
    name: str, expected: str
) -> None:
    """Only a leading "The" that is a word of its own, and not the whole name, goes."""
    assert expected == normalise_name(name)


# --- CT4 judgment -------------------------------------------------------------


def contradiction(first: dict[str, Any], second: dict[str, Any]) -> ClaimGraph:
    """Return two contradicting claims with these assessments."""
    a = Article()
    a.us_claim("not-third-parties")
    a.us_claim("third-country")
    a.b.relate("not-third-parties", "contradicts", "third-country", id="r")
    a.b.assess("not-third-parties", id="x1", **first)
    a.b.assess("third-country", id="x2", **second)
    return a.build()


def test_ct401_contradicting_claims_both_likely() -> None:
    """Contradicting claims both assessed likely are CT401."""
    graph = contradiction({"likelihood": "likely"}, {"credibility": 2})
    [finding] = found(graph, "CT401")
    assert (
        refs(
            "relation:r",
            "claim:not-third-parties",
            "claim:third-country",
            "assessment:x1",
            "assessment:x2",
        )
        == finding.records
    )


def test_ct401_same_as_judged_apart() -> None:
    """Two wordings of one claim judged true and false are CT401."""
    a = Article()
    a.us_claim("en")
    a.us_claim("ar")
    a.b.relate("en", "same_as", "ar")
    a.b.assess("en", verdict="true")
    a.b.assess("ar", verdict="false")
    assert 1 == len(found(a.build(), "CT401"))


def test_ct401_near_miss_one_unlikely() -> None:
    """Contradicting claims judged likely and unlikely are consistent."""
    graph = contradiction({"likelihood": "likely"}, {"likelihood": "unlikely"})
    assert [] == found(graph, "CT401")


def test_ct402_confirmed_on_one_origin_is_error() -> None:
    """Credibility 1 on a single origin is an error."""
    a = Article()
    a.us_claim("c")
    a.b.assess("c", credibility=1, id="x")
    [finding] = found(a.build(), "CT402")
    assert (Severity.ERROR, refs("assessment:x", "claim:c")) == (
        finding.severity,
        finding.records,
    )


def test_ct402_very_likely_on_one_origin_is_warning() -> None:
    """'Very likely' on a single origin is a warning."""
    a = Article()
    a.us_claim("c")
    a.b.assess("c", likelihood="very_likely")
    [finding] = found(a.build(), "CT402")
    assert Severity.WARNING == finding.severity


def test_ct402_near_miss_two_groups() -> None:
    """Credibility 1 with two independent origins is justified."""
    a = Article()
    claim, _ = a.us_claim("c")
    a.b.attribute(claim, source=a.intel, document=a.statement)
    a.b.assess("c", credibility=1, likelihood="almost_certain")
    assert [] == found(a.build(), "CT402")


def test_ct402_near_miss_group_from_a_supporting_claim() -> None:
    """Groups are counted as for CT302: a supporting claim's group counts."""
    a = Article()
    a.us_claim("foiled")
    a.b.claim("arms-found", "Weapons were seized.", language="en")
    a.b.attribute("arms-found", source=a.intel, document=a.statement)
    a.b.relate("arms-found", "supports", "foiled")
    a.b.assess("foiled", credibility=1)
    assert [] == found(a.build(), "CT402")


def test_ct403_self_relation() -> None:
    """A claim related to itself is CT403."""
    b = GraphBuilder()
    b.claim("c", "Text.", language="en")
    b.relate("c", "supports", "c", id="r")
    [finding] = found(b.build(), "CT403")
    assert refs("relation:r", "claim:c") == finding.records


def test_ct403_supports_and_contradicts_either_direction() -> None:
    """A supports B and B contradicts A is a self-contradictory pair."""
    b = GraphBuilder()
    b.claim("a", "A.", language="en")
    b.claim("b", "B.", language="en")
    b.relate("a", "supports", "b", id="r1")
    b.relate("b", "contradicts", "a", id="r2")
    [finding] = found(b.build(), "CT403")
    assert refs("claim:a", "claim:b", "relation:r1", "relation:r2") == finding.records


def test_ct403_near_miss_supports_and_refines() -> None:
    """Supporting and refining the same claim agree with each other."""
    b = GraphBuilder()
    b.claim("a", "A.", language="en")
    b.claim("b", "B.", language="en")
    b.relate("a", "supports", "b")
    b.relate("a", "refines", "b")
    assert [] == found(b.build(), "CT403")


def test_ct404_verdict_on_unattributed_claim() -> None:
    """A 'false' verdict on a claim nobody said is CT404."""
    b = GraphBuilder()
    b.claim("c", "Text.", language="en")
    b.assess("c", verdict="false", id="x")
    [finding] = found(b.build(), "CT404")
    assert refs("assessment:x", "claim:c") == finding.records


def test_ct404_verdict_on_opinion() -> None:
    """Any verdict but 'not checkable' on an opinion is CT404."""
    a = Article()
    a.us_claim("wise", kind="opinion")
    a.b.assess("wise", verdict="unproven")
    assert 1 == len(found(a.build(), "CT404"))


def test_ct404_near_miss() -> None:
    """'Not checkable' on an opinion and 'unproven' on an orphan are fine."""
    a = Article()
    a.us_claim("wise", kind="opinion")
    a.b.assess("wise", verdict="not_checkable")
    a.b.claim("orphan", "Text.", language="en")
    a.b.assess("orphan", verdict="unproven")
    assert [] == found(a.build(), "CT404")


def test_ct405_improbable_but_very_likely() -> None:
    """Credibility 5 with likelihood 'very likely' is CT405."""
    b = GraphBuilder()
    b.assess("c", credibility=5, likelihood="very_likely", id="x")
    [finding] = found(b.build(), "CT405")
    assert "credibility 5 (improbable)" in finding.message


def test_ct405_verdict_against_credibility() -> None:
    """A 'false' verdict with credibility 2 is CT405."""
    b = GraphBuilder()
    b.assess("c", credibility=2, verdict="false")
    assert 1 == len(found(b.build(), "CT405"))


def test_ct405_near_miss_neutral_scale() -> None:
    """Credibility 3 leans neither way, so it mixes with anything."""
    b = GraphBuilder()
    b.assess("c", credibility=3, likelihood="very_likely", verdict="mixed")
    assert [] == found(b.build(), "CT405")


# --- the catalog --------------------------------------------------------------


def test_catalog_holds_every_issue_code() -> None:
    """The built-in catalog has exactly the documented codes."""
    assert ALL_CODES == [r.code for r in default_rules()]


def test_every_rule_explains_itself() -> None:
    """Each rule's explanation says why it matters and how to fix it."""
    sections = ("**Why it matters.**", "**How to fix.**")
    missing = [
        (item.code, section)
        for item in default_rules()
        for section in sections
        if section not in item.explanation
    ]
    assert [] == missing


def broken_graph() -> ClaimGraph:
    """Return a graph with findings under several codes."""
    b = GraphBuilder()
    b.source("unnamed", "A source", anonymous=True)
    b.claim("c", "Text.", language="en")
    b.assess("c", credibility=5, likelihood="very_likely")
    b.document("d", published="2025-01-24 (Thursday)")
    return b.build()


def test_select_by_code_and_prefix() -> None:
    """Select takes codes and prefixes."""
    assert ["CT203", "CT305", "CT306"] == [
        f.code for f in check(broken_graph(), select=["CT3", "CT203"])
    ]


def test_ignore_wins_over_select() -> None:
    """A code both selected and ignored is not run."""
    assert ["CT305"] == [
        f.code for f in check(broken_graph(), select=["CT3"], ignore=["CT306"])
    ]


def test_ignore_prefix() -> None:
    """Ignoring a prefix drops every rule under it."""
    assert ["CT203", "CT405"] == [
        f.code for f in check(broken_graph(), ignore=["CT3", "CT402"])
    ]


@pytest.mark.parametrize(
    "run",
    [
        lambda graph: check(graph, select=["CT9"]),
        lambda graph: check(graph, ignore=["CT9"]),
    ],
    ids=["select", "ignore"],
)
def test_unknown_code_is_an_error(run: Callable[[ClaimGraph], object]) -> None:
    """An unknown code or prefix in select or ignore is a ValueError naming it."""
    graph = broken_graph()
    with pytest.raises(ValueError, match="'CT9'") as info:
        run(graph)
    assert "CT9" == info.value.code  # type: ignore[attr-defined]


def test_a_single_string_is_refused() -> None:
    """A bare string for select is refused: it would be read letter by letter."""
    with pytest.raises(TypeError, match="single string"):
        check(broken_graph(), select="CT3")


def test_findings_are_sorted_by_code_records_message() -> None:
    """Findings come sorted by code, then records, then message."""
    findings = check(broken_graph())
    assert sorted(findings, key=lambda f: f.sort_key) == findings


def test_finding_text_form() -> None:
    """A finding prints as code, severity, references and message."""
    finding = Finding(
        code="CT306",
        severity="warning",
        message="claim 'c' is credited to no one",
        records=refs("claim:c"),
    )
    assert "CT306 warning [claim:c] claim 'c' is credited to no one" == str(finding)


def test_severities_are_ordered() -> None:
    """Info is below warning, which is below error."""
    assert [Severity.INFO, Severity.WARNING, Severity.ERROR] == sorted(
        [Severity.ERROR, Severity.INFO, Severity.WARNING]
    )


def test_ref_round_trips_through_text() -> None:
    """A reference reads back from its text form, even with colons in the id."""
    ref = Ref(type="attribution", id="c:us-officials")
    assert ref == Ref.parse(str(ref))


@rule(
    code="X101",
    name="untranslated-claim",
    severity="info",
    summary="A claim with no English translation.",
    explanation="Desk editors read English.",
)
def untranslated_claim(graph: ClaimGraph) -> Iterator[Finding]:
    """Report claims not in English and not translated into it."""
    for claim in graph.claims:
        if claim.language != "en" and "en" not in claim.translations:
            yield untranslated_claim.finding(
                f"claim {claim.id!r} has no English translation",
                records=[Ref.to(claim)],
            )


def test_custom_rule_runs_beside_the_built_ins() -> None:
    """A registered rule runs, and can be selected, like the built-in ones."""
    b = GraphBuilder()
    b.claim("c", "نص", language="ar")
    rules = default_rules().with_rule(untranslated_claim)
    assert ["CT306", "X101"] == [f.code for f in check(b.build(), rules=rules)]
    assert ["X101"] == [f.code for f in check(b.build(), rules=rules, select=["X"])]


def test_registering_leaves_the_default_catalog_alone() -> None:
    """with_rule returns a copy; the built-in catalog does not change."""
    default_rules().with_rule(untranslated_claim)
    assert "X101" not in default_rules()


def test_custom_rule_may_not_use_the_ct_prefix() -> None:
    """The CT prefix is reserved, at the decorator and in any catalog."""
    with pytest.raises(RuleError, match="built-in rules"):
        rule(code="CT999", name="mine", severity="info", summary="S.", explanation="")
    impostor = attrs.evolve(untranslated_claim, code="CT301", name="impostor")
    with pytest.raises(RuleError, match="built-in"):
        default_rules().with_rule(impostor)


def test_custom_rule_may_not_reuse_a_code() -> None:
    """Two rules with one code cannot share a catalog."""
    twin = attrs.evolve(untranslated_claim, name="twin")
    with pytest.raises(RuleError, match="taken"):
        Catalog(rules=[untranslated_claim, twin])


def test_rule_returning_a_foreign_code_is_refused() -> None:
    """A rule may only report findings under its own code."""

    @rule(code="X102", name="liar", severity="info", summary="S.", explanation="E.")
    def liar(_: ClaimGraph) -> list[Finding]:
        return [Finding(code="CT301", severity="info", message="m", records=())]

    with pytest.raises(RuleError, match="X102"):
        check(GraphBuilder().build(), rules=Catalog(rules=[liar]))


def test_rule_error_pickles() -> None:
    """RuleError survives pickling with its code, for multiprocessing users."""
    error = RuleError("message", code="X1")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    assert ("message", "X1") == (str(copy), copy.code)


def test_explain_by_code_and_by_name() -> None:
    """A rule is explained by code or by name, as Markdown."""
    assert explain("CT301") == explain("anonymous-only")
    assert explain("CT301").startswith("## CT301 anonymous-only\n")


def test_explain_unknown_code() -> None:
    """Explaining an unknown code is a ValueError."""
    with pytest.raises(ValueError, match="CT999"):
        explain("CT999")


def test_catalog_page_lists_every_rule() -> None:
    """The rendered catalog has a table row and a section for every rule."""
    page = catalog_markdown()
    for code in ALL_CODES:
        assert (1, 1) == (page.count(f"| [{code}]"), page.count(f"## {code} ")), code


def test_rule_repr_is_short() -> None:
    """A rule's repr leaves out its function."""
    assert "function" not in repr(default_rules().get("CT301"))


def test_rule_is_callable() -> None:
    """Calling a rule runs it on a graph."""
    item: Rule = default_rules().get("CT306")
    b = GraphBuilder()
    b.claim("c", "Text.", language="en")
    assert check(b.build(), select=["CT306"]) == item(b.build())


# --- properties ---------------------------------------------------------------


@given(graphs(consistent=False))
def test_check_never_raises_on_broken_graphs(graph: ClaimGraph) -> None:
    """Every rule copes with dangling ids, loops and conflicting records."""
    for finding in check(graph):
        assert finding.code in ALL_CODES


@given(st.data())
def test_findings_do_not_depend_on_record_order(data: st.DataObject) -> None:
    """Rebuilding a graph from its records in any order gives the same findings."""
    graph = data.draw(graphs(consistent=False))
    shuffled = ClaimGraph.of(data.draw(record_orders(graph)))
    assert check(graph) == check(shuffled)


FRESH = (
    Source(id="fresh-source-zz", name="Unrelated Outlet Zz9 Qx"),
    Document(id="fresh-document-zz", publisher="fresh-source-zz", published="2025"),
    Claim(id="fresh-claim-zzz", text="Unrelated.", language="en"),
    Attribution(
        id="fresh-attribution-zz",
        claim="fresh-claim-zzz",
        source="fresh-source-zz",
        document="fresh-document-zz",
    ),
)
FRESH_REFS = frozenset(Ref.to(record) for record in FRESH)


@given(graphs(consistent=False))
def test_an_unrelated_record_adds_no_finding_about_others(graph: ClaimGraph) -> None:
    """Adding an unrelated claim changes no finding about the records already there."""
    before = check(graph)
    after = check(graph.merge(ClaimGraph.of(FRESH)))
    old = [f for f in after if not FRESH_REFS & set(f.records)]
    new = [f for f in after if FRESH_REFS & set(f.records)]
    assert before == old
    assert [] == [f for f in new if not set(f.records) <= FRESH_REFS]


@given(graphs())
def test_checks_count_origins_as_confidence_does(graph: ClaimGraph) -> None:
    """CT302 and CT304 fire where the confidence calculus sees one group or interest."""
    results = assess(graph)
    claims = [c for c in graph.claims if c.kind is not ClaimKind.OPINION]
    facts = [c.id for c in claims if c.kind is ClaimKind.FACT]
    single = [c for c in facts if 1 == results[c].supporting]
    interested = [
        c.id for c in claims if any(g.interested for g in results[c.id].groups)
    ]
    assert single == [f.records[0].id for f in found(graph, "CT302")]
    assert interested == [f.records[0].id for f in found(graph, "CT304")]


def test_sort_key_summary_is_not_read_as_a_type() -> None:
    """Napoleon reads Finding.sort_key's docstring as text, with no type in it."""
    napoleon = pytest.importorskip("sphinx.ext.napoleon")
    docstring = pytest.importorskip("sphinx.ext.napoleon.docstring")
    text = str(
        docstring.GoogleDocstring(
            Finding.sort_key.__doc__,
            napoleon.Config(),
            what="attribute",
            name="sort_key",
        )
    )
    assert [] == [line for line in text.splitlines() if line.startswith(":type:")]
