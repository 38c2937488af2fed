"""Graphs the export tests share: a small hand-built one, the seed, generated ones."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import strategies as st

from claimtrack import ClaimGraph, GraphBuilder, load
from claimtrack.records import (
    Attribution,
    Claim,
    Document,
    Mode,
    Source,
    SourceKind,
    Stance,
)

SEED = Path(__file__).parent.parent / "seeds" / "enab-baladi-2025-01-24.json"

HOSTILE = (
    'quote " and \\" backslash \\ end',
    "end",
    "subgraph x; end; graph TD; A-->B",
    "<b>html</b> &amp; <script>alert(1)</script>",
    "line one\nline two\r\nline three\rfour",
    "[brackets] (parens) {braces} |pipes| #35; %% comment",
    "قال مسؤولون أمريكيون إنّ “الدولة الإسلامية”",
    "\x00\x07\x1b[31mred\x1b[0m\u202eevil\u2028next\ufeff",
    '=HYPERLINK("http://x")',
    "\ud800 lone surrogate",
    "}; digraph { a -> b } //",
)


def small_graph() -> ClaimGraph:
    """Return the seed's story in miniature: one claim, two chains, two roots."""
    b = GraphBuilder()
    usgov = b.source("us-government", "US government", kind="government")
    officials = b.source(
        "us-officials",
        "US officials",
        kind="group",
        anonymous=True,
        descriptor="current and former US officials familiar with the exchanges",
        affiliation=usgov,
    )
    syria = b.source(
        "syrian-caretaker", "Syrian caretaker government", kind="government"
    )
    intel = b.source(
        "gi-source",
        "General Intelligence source",
        kind="person",
        anonymous=True,
        descriptor="an unnamed source in the General Intelligence service",
        affiliation=syria,
    )
    wapo = b.source("wapo", "The Washington Post", kind="news_outlet")
    sana = b.source("sana", "SANA", kind="state_media", affiliation=syria)
    enab = b.source("enab-baladi", "Enab Baladi", kind="news_outlet")
    checker = b.source("checker", "Example Fact Check", kind="organization")
    wapo_report = b.document(
        "wapo-report",
        publisher=wapo,
        title="U.S. shares intelligence with Syria's new rulers",
        url="https://www.washingtonpost.com/example",
        published="2025-01-24",
        language="en",
    )
    sana_dispatch = b.document(
        "sana-dispatch",
        publisher=sana,
        title="إحباط هجوم",
        published="2025-01-11",
        language="ar",
    )
    article = b.document(
        "enab-article",
        publisher=enab,
        title="صحيفة: تبادل معلومات أمنية بين واشنطن ودمشق",
        url="https://www.enabbaladi.net/example",
        published="2025-01-25",
        language="ar",
    )
    claim = b.claim(
        "c1",
        "الولايات المتحدة شاركت معلومات استخباراتية حول التهديدات مع حكومة دمشق",
        language="ar",
        translations={"en": "The US shared intelligence on IS threats with Damascus."},
    )
    said = b.attribute(
        claim, source=officials, document=wapo_report, mode="direct_quote"
    )
    b.relay(said, source=wapo, document=article, mode="paraphrase")
    gi = b.attribute(claim, source=intel, document=sana_dispatch)
    b.relay(gi, source=sana, document=article, mode="direct_quote")
    other = b.claim("c2", "Intelligence is shared in direct meetings.", language="en")
    b.attribute(other, source=officials, document=wapo_report, stance="hedges")
    b.relate(other, "refines", claim)
    b.assess(
        claim,
        by=checker,
        verdict="mostly_true",
        date="2025-01-26",
        url="https://factcheck.example/c1",
        rationale="Confirmed by two independent origins.",
    )
    return b.build()


def seed_graph() -> ClaimGraph:
    """Return the seed graph, or skip the test if the seed file is not there."""
    if not SEED.exists():
        pytest.skip(f"the seed {SEED.name} is not in seeds/ yet")
    return load(SEED)


_IDS = st.from_regex(r"[a-z][a-z0-9]{0,4}(?:[.:_-][a-z0-9]{1,3})?", fullmatch=True)
_LANGUAGES = st.sampled_from(["ar", "en", "en-GB", "fr", "und"])
_TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))


@st.composite
def _local_graphs(draw: st.DrawFn) -> ClaimGraph:
    source_ids = draw(st.lists(_IDS, min_size=1, max_size=6, unique=True))
    document_ids = draw(st.lists(_IDS, min_size=1, max_size=4, unique=True))
    claim_ids = draw(st.lists(_IDS, min_size=1, max_size=3, unique=True))
    records: list[Any] = [
        Source(
            id=source_id,
            name=draw(_TEXT),
            kind=draw(st.sampled_from(SourceKind)),
            anonymous=draw(st.booleans()),
            descriptor=draw(st.none() | _TEXT),
            affiliation=draw(st.none() | st.sampled_from([*source_ids, "nowhere"])),
        )
        for source_id in source_ids
    ]
    records.extend(
        Document(
            id=document_id,
            publisher=draw(st.none() | st.sampled_from(source_ids)),
            title=draw(st.none() | _TEXT),
            url=draw(st.none() | _TEXT),
            published=draw(
                st.none() | st.sampled_from(["2025-01-24", "2025-01", "2024"])
            ),
            language=draw(st.none() | _LANGUAGES),
        )
        for document_id in document_ids
    )
    records.extend(
        Claim(
            id=claim_id,
            text=draw(_TEXT),
            language=draw(_LANGUAGES),
            translations=draw(st.dictionaries(_LANGUAGES, _TEXT, max_size=2)),
        )
        for claim_id in claim_ids
    )
    attribution_ids = draw(st.lists(_IDS, max_size=8, unique=True))
    for i, attribution_id in enumerate(attribution_ids):
        upstream = [*attribution_ids[:i], "gone"]
        records.append(
            Attribution(
                id=attribution_id,
                claim=draw(st.sampled_from(claim_ids)),
                source=draw(st.sampled_from(source_ids)),
                document=draw(st.sampled_from(document_ids)),
                via=draw(st.none() | st.sampled_from(upstream)),
                stance=draw(st.sampled_from(Stance)),
                mode=draw(st.sampled_from(Mode)),
                quote=draw(st.none() | _TEXT),
            )
        )
    return ClaimGraph.of(records)


def graphs() -> st.SearchStrategy[ClaimGraph]:
    """Return the project's graph strategy, or a local one until it exists."""
    try:
        testing = importlib.import_module("claimtrack.testing")
    except ImportError:
        return _local_graphs()
    strategy: st.SearchStrategy[ClaimGraph] = testing.graphs()
    return strategy
