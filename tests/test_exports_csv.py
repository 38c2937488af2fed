import csv
import io

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import ClaimGraph, GraphBuilder
from claimtrack.exports import to_csv
from claimtrack.exports._csv import neutralise
from export_samples import HOSTILE, small_graph

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def rows(text: str) -> list[dict[str, str]]:
    """Read CSV text back as a spreadsheet would, header row as keys."""
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@given(cell=st.text() | st.sampled_from(DANGEROUS).map(lambda c: c + "1+1"))
def test_neutralise_prefixes_exactly_the_formula_starts(cell: str) -> None:
    """A cell starting like a formula gets a leading apostrophe; others do not."""
    expected = ("'" + cell) if cell.startswith(DANGEROUS) else cell
    assert expected == neutralise(cell)


def hostile_graph(text: str) -> ClaimGraph:
    """Return a graph with *text* in every text field."""
    b = GraphBuilder()
    b.source("s", text, descriptor=text, anonymous=True)
    b.document("d", title=text)
    b.claim("c", text, language="en", translations={"ar": text})
    b.attribute("c", source="s", document="d", quote=text, cue=text)
    return b.build()


@given(text=st.sampled_from(HOSTILE) | st.text())
def test_no_cell_of_any_table_can_start_a_formula(text: str) -> None:
    """Whatever the text, no cell read back from any table starts a formula."""
    graph = hostile_graph(text)
    for table in ("claims", "sources", "attributions"):
        for row in rows(to_csv(graph, table)):
            assert not any(v.startswith(DANGEROUS) for v in row.values()), row


def test_attribution_rows_carry_chain_and_origin() -> None:
    """Each attribution row names its relay chain and its origin."""
    by_id = {row["id"]: row for row in rows(to_csv(small_graph(), "attributions"))}
    relay = by_id["c1:wapo"]
    expected = (
        "The Washington Post > US officials",
        "c1:us-officials",
        "us-officials",
        "1",
    )
    actual = (relay["chain"], relay["origin"], relay["origin_source"], relay["depth"])
    assert expected == actual


def test_claim_rows_count_independent_origins() -> None:
    """The claims table counts two origins, two independent, and the verdict."""
    by_id = {row["id"]: row for row in rows(to_csv(small_graph(), "claims"))}
    expected = ("4", "2", "2", "mostly_true")
    claim = by_id["c1"]
    actual = (
        claim["attributions"],
        claim["origins"],
        claim["independent_origins"],
        claim["verdicts"],
    )
    assert expected == actual


def test_excel_option_starts_with_a_byte_order_mark() -> None:
    """excel=True starts the text with a BOM; the default does not."""
    expected = (True, False)
    actual = (
        to_csv(small_graph(), "sources", excel=True).startswith("\ufeff"),
        to_csv(small_graph(), "sources").startswith("\ufeff"),
    )
    assert expected == actual


@attrs.frozen
class _Finding:
    code: str
    severity: str
    message: str
    records: tuple[str, ...]
    hint: str = ""


def test_findings_table_reads_finding_like_records() -> None:
    """Findings are tabulated from their attributes, neutralised like the rest."""
    finding = _Finding("CT999", "warning", "=cmd()", ("claim:c1", "source:s"))
    (row,) = rows(to_csv(ClaimGraph(), "findings", findings=[finding]))
    expected = {
        "code": "CT999",
        "severity": "warning",
        "records": "claim:c1; source:s",
        "message": "'=cmd()",
        "hint": "",
    }
    assert expected == row


def test_unknown_table_is_a_value_error() -> None:
    """Asking for a table that does not exist names the ones that do."""
    with pytest.raises(ValueError, match="claims, sources, attributions, findings"):
        to_csv(small_graph(), "people")


def test_long_chains_elide_their_middle() -> None:
    """A chain deeper than eight hops shows its first hops, a count, and the origin."""
    b = GraphBuilder()
    b.document("d")
    b.claim("c", "deep", language="en")
    for i in range(21):
        b.source(f"s{i}", f"S{i}")
    hop = b.attribute("c", source="s0", document="d", id="h0")
    for i in range(1, 21):
        hop = b.relay(hop, source=f"s{i}", document="d", id=f"h{i}")
    by_id = {row["id"]: row for row in rows(to_csv(b.build(), "attributions"))}
    expected = "S20 > S19 > S18 > S17 > S16 > S15 > S14 > S13 > … 12 more … > S0"
    assert expected == by_id["h20"]["chain"]
