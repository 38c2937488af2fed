"""The seed article: its script, its committed file, and the facts checks rely on.

The script in ``seeds/`` is not part of a package, so it is imported by path.
"""

from __future__ import annotations

import datetime
import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import cast

import pytest

import claimtrack
from claimtrack import Attribution, ClaimGraph, FuzzyDate, RelationKind, Weekday

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SCRIPT = SEEDS / "enab_baladi_2025_01_24.py"
SEED_FILE = SEEDS / "enab-baladi-2025-01-24.json"
ARTICLE_TEXT = SEEDS / "enab-baladi-2025-01-24.ar.txt"

ARTICLE = "enab-baladi-2025-01-24"
REPORT = "wapo-2025-01-24"
DISPATCH = "sana-2025-01-11"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    """Import the seed script from its path."""
    spec = importlib.util.spec_from_file_location("enab_baladi_2025_01_24", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def graph(script: ModuleType) -> ClaimGraph:
    """Return the graph the seed script builds."""
    build = cast("Callable[[], ClaimGraph]", script.build)
    return build()


@pytest.fixture(scope="module")
def article_text() -> str:
    """Return the article's Arabic text."""
    return ARTICLE_TEXT.read_bytes().decode("utf-8")


def _hop(graph: ClaimGraph, attribution_id: str) -> Attribution:
    hop = graph.attribution(attribution_id)
    assert hop is not None, attribution_id
    return hop


def _affiliation_path(graph: ClaimGraph, source_id: str) -> list[str]:
    path = [source_id]
    source = graph.source(source_id)
    while source is not None and source.affiliation is not None:
        path.append(source.affiliation)
        source = graph.source(source.affiliation)
    return path


# --- the script and the committed file cannot drift ------------------------


def test_build_equals_committed_file(graph: ClaimGraph) -> None:
    """The script builds exactly the graph the committed file holds."""
    assert claimtrack.load(SEED_FILE) == graph


def test_committed_file_is_the_canonical_text(graph: ClaimGraph) -> None:
    """The committed file is byte for byte the canonical dump of the script's graph."""
    assert SEED_FILE.read_bytes().decode("utf-8") == claimtrack.dumps(graph)


def test_check_mode_passes_on_the_committed_file(script: ModuleType) -> None:
    """`--check` exits with 0 when the committed file is current."""
    main = cast("Callable[..., int]", script.main)
    expected = 0
    assert expected == main(["--check"])


def test_check_mode_fails_on_a_stale_file(
    script: ModuleType, graph: ClaimGraph, tmp_path: Path
) -> None:
    """`--check` exits with 1 when the file differs from what the script builds."""
    main = cast("Callable[..., int]", script.main)
    stale = tmp_path / "seed.json"
    stale.write_bytes(claimtrack.dumps(graph).replace("Friday", "Thursday").encode())
    expected = 1
    assert expected == main(["--check"], output=stale)


def test_check_mode_fails_on_a_missing_file(script: ModuleType, tmp_path: Path) -> None:
    """`--check` exits with 1 when there is no file to compare with."""
    main = cast("Callable[..., int]", script.main)
    expected = 1
    assert expected == main(["--check"], output=tmp_path / "missing.json")


def test_write_mode_writes_the_canonical_text(
    script: ModuleType, graph: ClaimGraph, tmp_path: Path
) -> None:
    """Without `--check` the script writes the canonical text and exits with 0."""
    main = cast("Callable[..., int]", script.main)
    output = tmp_path / "seed.json"
    expected = (0, claimtrack.dumps(graph))
    exit_code = main([], output=output)
    assert expected == (exit_code, output.read_bytes().decode("utf-8"))


# --- the relay chains -------------------------------------------------------


@pytest.mark.parametrize(
    "claim",
    [
        "us-shared-intel",
        "shared-interest",
        "not-full-embrace",
        "direct-meetings-with-hts",
        "third-country-in-exchange",
        "us-helped-foil-plot",
        "averted-thanks-to-us-warnings",
    ],
)
def test_post_chain_reaches_anonymous_us_officials(
    graph: ClaimGraph, claim: str
) -> None:
    """The article relays the Post, which quotes anonymous US government officials."""
    expected = [
        (ARTICLE, "washington-post", None),
        (REPORT, "us-officials", (True, "us-government")),
    ]
    hops = graph.chain(f"{claim}:washington-post")
    origin = graph.source(hops[-1].source)
    assert origin is not None
    described = (origin.anonymous, graph.affiliation_root(origin.id))
    assert expected == [
        (hop.document, hop.source, described if hop.via is None else None)
        for hop in hops
    ]


def test_every_relay_of_the_post_is_two_hops_deep(graph: ClaimGraph) -> None:
    """Every hop in the article credited to the Post relays one in the Post's report."""
    relays = [
        hop
        for hop in graph.attributions
        if hop.document == ARTICLE and hop.source == "washington-post"
    ]
    expected = {(ARTICLE, REPORT)}
    assert expected == {
        tuple(h.document for h in graph.chain(hop.id)) for hop in relays
    }


@pytest.mark.parametrize(
    "claim", ["sayyida-zaynab-foiled", "islamic-state-behind-sayyida-zaynab-plot"]
)
def test_sana_chain_reaches_the_unnamed_intelligence_source(
    graph: ClaimGraph, claim: str
) -> None:
    """The article relays SANA, which quotes an unnamed source answering to Damascus."""
    expected = (
        [(ARTICLE, "sana"), (DISPATCH, "gi-source")],
        True,
        ["gi-source", "syrian-intelligence", "syrian-government"],
    )
    hops = graph.chain(f"{claim}:sana")
    origin = graph.source(hops[-1].source)
    assert origin is not None
    assert expected == (
        [(hop.document, hop.source) for hop in hops],
        origin.anonymous,
        _affiliation_path(graph, origin.id),
    )


# --- corroboration and interest --------------------------------------------


def test_sayyida_zaynab_foiling_has_two_independent_origin_groups(
    graph: ClaimGraph,
) -> None:
    """The Sayyida Zaynab foiling rests on a US and a Syrian origin group."""
    expected = ["syrian-government", "us-government"]
    groups = graph.origin_groups("sayyida-zaynab-foiled")
    assert expected == [group.root for group in groups]


def test_sayyida_zaynab_foiling_refines_the_us_account(graph: ClaimGraph) -> None:
    """The Syrian account refines the US one; the pair has origins under two roots."""
    expected = (
        [("sayyida-zaynab-foiled", "shrine-plot-foiled")],
        {"syrian-government", "us-government"},
    )
    refines = [
        (relation.claim, relation.target)
        for relation in graph.relations_of("sayyida-zaynab-foiled")
        if relation.kind is RelationKind.REFINES
    ]
    roots = {
        group.root
        for pair in refines
        for claim in pair
        for group in graph.origin_groups(claim)
    }
    assert expected == (refines, roots)


def test_sayyida_zaynab_foiling_has_an_on_the_record_origin(
    graph: ClaimGraph,
) -> None:
    """The intelligence service's own announcement is the foiling's one named origin."""
    expected = ["syrian-intelligence"]
    named = [
        origin.source
        for origin in graph.origins_of("sayyida-zaynab-foiled")
        if not cast("claimtrack.Source", graph.source(origin.source)).anonymous
    ]
    assert expected == named


@pytest.mark.parametrize(
    ("claim", "interested_roots"),
    [
        ("averted-thanks-to-us-warnings", {"us-government"}),
        ("us-helped-foil-plot", {"us-government"}),
        ("sayyida-zaynab-foiled", {"syrian-government"}),
        ("cell-equipment-found", {"syrian-government"}),
        ("shrine-plot-foiled", set()),
    ],
)
def test_origins_speaking_for_a_party_the_claim_is_about(
    graph: ClaimGraph, claim: str, interested_roots: set[str]
) -> None:
    """A claim's origins are interested exactly when their root is among its parties."""
    record = graph.claim(claim)
    assert record is not None
    roots = {
        graph.affiliation_root(origin.source) for origin in graph.origins_of(claim)
    }
    assert interested_roots == roots & set(record.about)


@pytest.mark.parametrize(
    "claim",
    ["us-shared-intel", "us-helped-foil-plot", "averted-thanks-to-us-warnings"],
)
def test_us_side_facts_rest_only_on_anonymous_sources(
    graph: ClaimGraph, claim: str
) -> None:
    """The US side's facts have no origin but anonymous officials."""
    expected = ("fact", {True})
    record = graph.claim(claim)
    assert record is not None
    sources = [graph.source(origin.source) for origin in graph.origins_of(claim)]
    assert expected == (
        record.kind.value,
        {source is not None and source.anonymous for source in sources},
    )


def test_third_party_tension_is_linked(graph: ClaimGraph) -> None:
    """'Not through third parties' contradicts 'a third country', with a reason."""
    expected = [(RelationKind.CONTRADICTS, True)]
    relations = [
        r
        for r in graph.relations_of("not-through-third-parties")
        if r.target == "third-country-in-exchange"
    ]
    assert expected == [(r.kind, bool(r.note)) for r in relations]


# --- dates ------------------------------------------------------------------


def test_the_posts_friday_is_a_friday(graph: ClaimGraph) -> None:
    """The Post's report is dated Friday 24 January 2025, and that day was a Friday."""
    expected = (FuzzyDate.parse("2025-01-24 (Friday)"), Weekday.FRIDAY, None)
    report = graph.document(REPORT)
    assert report is not None
    assert report.published is not None
    assert expected == (
        report.published,
        Weekday.of(datetime.date(2025, 1, 24)),
        report.published.weekday_mismatch(),
    )


def test_no_stated_weekday_contradicts_its_date(graph: ClaimGraph) -> None:
    """Every weekday the seed records matches its date."""
    dates = [
        *(d.published for d in graph.documents),
        *(a.said for a in graph.attributions),
        *(c.event_date for c in graph.claims),
    ]
    stated = [date for date in dates if date is not None and date.weekday is not None]
    assert stated, "the seed should carry the weekday the article states"
    expected: list[str] = []
    assert expected == [str(d) for d in stated if d.weekday_mismatch() is not None]


def test_the_article_is_dated_no_earlier_than_the_report(graph: ClaimGraph) -> None:
    """The article's undated text is dated on or after the Post's report."""
    expected = FuzzyDate.parse("2025-01-24/..")
    article = graph.document(ARTICLE)
    assert article is not None
    assert expected == article.published


# --- the claims and their words ---------------------------------------------


def test_every_claim_is_arabic_with_an_english_translation(graph: ClaimGraph) -> None:
    """Every claim is in Arabic and carries an English translation."""
    expected: list[str] = []
    assert expected == [
        claim.id
        for claim in graph.claims
        if claim.language != "ar"
        or not claim.text.strip()
        or not claim.translations.get("en", "").strip()
    ]


def test_claim_texts_are_verbatim_spans_of_the_article(
    graph: ClaimGraph, article_text: str
) -> None:
    """Every claim's text appears in the article exactly as written."""
    expected: list[str] = []
    assert expected == [
        claim.id for claim in graph.claims if claim.text not in article_text
    ]


def test_cues_and_quotes_in_the_article_are_verbatim(
    graph: ClaimGraph, article_text: str
) -> None:
    """Every cue and quote recorded in the article appears in it exactly as written."""
    expected: list[str] = []
    assert expected == [
        hop.id
        for hop in graph.attributions_in(ARTICLE)
        if any(
            span is not None and span not in article_text
            for span in (hop.cue, hop.quote)
        )
    ]


def test_direct_quotes_in_the_article_keep_their_words(graph: ClaimGraph) -> None:
    """Every relay the article marks as a direct quote records the quoted words."""
    expected: list[str] = []
    assert expected == [
        hop.id
        for hop in graph.attributions_in(ARTICLE)
        if hop.via is not None and hop.mode.value == "direct_quote" and not hop.quote
    ]


# --- structure --------------------------------------------------------------


def test_every_reference_names_a_record(graph: ClaimGraph) -> None:
    """Every id a record refers to belongs to a record of the right type."""
    sources, documents = graph.source_index, graph.document_index
    claims, hops = graph.claim_index, graph.attribution_index
    dangling = [
        *(
            (hop.id, ref)
            for hop in graph.attributions
            for ref, index in (
                (hop.claim, claims),
                (hop.source, sources),
                (hop.document, documents),
                (hop.via, hops),
            )
            if ref is not None and ref not in index
        ),
        *(
            (relation.id, ref)
            for relation in graph.relations
            for ref in (relation.claim, relation.target)
            if ref not in claims
        ),
        *(
            (c.id, party)
            for c in graph.claims
            for party in c.about
            if party not in sources
        ),
        *(
            (s.id, s.affiliation)
            for s in graph.sources
            if s.affiliation is not None and s.affiliation not in sources
        ),
        *(
            (d.id, d.publisher)
            for d in graph.documents
            if d.publisher is not None and d.publisher not in sources
        ),
    ]
    expected: list[tuple[str, str]] = []
    assert expected == dangling


def test_every_via_relays_the_same_claim(graph: ClaimGraph) -> None:
    """Every relay points upstream to an attribution of the same claim."""
    expected: list[str] = []
    assert expected == [
        hop.id
        for hop in graph.attributions
        if hop.via is not None and _hop(graph, hop.via).claim != hop.claim
    ]


def test_relays_are_credited_to_the_upstream_publisher(graph: ClaimGraph) -> None:
    """Every relay is credited to the publisher of the document it relays."""
    mismatched = []
    for hop in graph.attributions:
        if hop.via is None:
            continue
        upstream = graph.document(_hop(graph, hop.via).document)
        if upstream is None or upstream.publisher != hop.source:
            mismatched.append(hop.id)
    expected: list[str] = []
    assert expected == mismatched


def test_every_claim_reaches_an_origin(graph: ClaimGraph) -> None:
    """Every claim is attributed, and every relay chain ends at a first-hand hop."""
    expected: tuple[list[str], tuple[tuple[str, ...], ...]] = ([], ())
    assert expected == (
        [claim.id for claim in graph.claims if not graph.origins_of(claim.id)],
        graph.relay_cycles(),
    )


def test_anonymous_sources_say_who_they_are(graph: ClaimGraph) -> None:
    """Every anonymous source keeps the article's descriptor of who it is."""
    expected: list[str] = []
    assert expected == [s.id for s in graph.sources if s.anonymous and not s.descriptor]


def test_the_seed_records_no_judgments(graph: ClaimGraph) -> None:
    """The seed leaves reliability unassessed and holds no assessments."""
    expected: tuple[tuple[()], list[str]] = ((), [])
    assert expected == (
        graph.assessments,
        [s.id for s in graph.sources if s.reliability is not None],
    )
