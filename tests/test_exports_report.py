import io
import json
import re
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack import ClaimGraph
from claimtrack.checks import Finding, Ref, Severity, check
from claimtrack.cli import parse_args, run
from claimtrack.confidence import Policy, assess, explain
from claimtrack.exports import FORMATS, to_csv, to_markdown, to_mermaid
from claimtrack.exports._report import _fenced
from claimtrack.exports._text import truncate
from claimtrack.records import Attribution, Claim, Document, Source, SourceKind
from export_samples import HOSTILE, graphs, seed_graph, small_graph

markdown_it = pytest.importorskip("markdown_it")

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "enab-baladi-2025-01-24.json"
SEED_POLICY = ROOT / "seeds" / "enab-baladi-2025-01-24.policy.json"
EXAMPLE = ROOT / "docs" / "examples" / "enab-baladi-2025-01-24-report.md"
REGENERATE = (
    "python -m claimtrack export seeds/enab-baladi-2025-01-24.json --to report "
    "--policy seeds/enab-baladi-2025-01-24.policy.json "
    "-o docs/examples/enab-baladi-2025-01-24-report.md"
)

# Pieces of Markdown, MyST and HTML syntax, and of what documentation test
# runners look for, to assemble hostile text from.
_SYNTAX = (
    "`",
    "```",
    "````python",
    "~~~",
    "*",
    "_",
    "**bold**",
    "[link](http://x)",
    "![img](x.png)",
    "<b>",
    "<!--",
    "-->",
    "<script>alert(1)</script>",
    "&amp;",
    "&#60;",
    "|",
    "\\",
    "#",
    "## ",
    ">",
    ">>> ",
    "- ",
    "+ ",
    "1. ",
    "2) ",
    "===",
    "---",
    ":::",
    ": ",
    "% skip: next",
    "% invisible-code-block: python",
    "(target)=",
    "{role}`x`",
    "$x$",
    "$$",
    "~~gone~~",
    "[^1]",
    "    ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u2028",
    "\x00",
    "\x1b[31m",
    "\ud800",
    "قال مسؤول",
    "word",
    " ",
)
hostile_text = st.one_of(
    st.lists(st.sampled_from(_SYNTAX), max_size=12).map("".join),
    st.sampled_from(HOSTILE),
    st.text(max_size=20),
)


def parser() -> Any:
    """Return the MyST parser the documentation uses, or plain CommonMark."""
    try:
        from myst_parser.config.main import MdParserConfig  # noqa: PLC0415
        from myst_parser.parsers.mdit import create_md_parser  # noqa: PLC0415
    except ImportError:
        md = markdown_it.MarkdownIt("commonmark").enable("table")
        from mdit_py_plugins.front_matter import front_matter_plugin  # noqa: PLC0415

        return md.use(front_matter_plugin)
    from markdown_it.renderer import RendererHTML  # noqa: PLC0415

    config = MdParserConfig(enable_extensions={"colon_fence", "deflist", "dollarmath"})
    return create_md_parser(config, RendererHTML)


def visible(text: str) -> str:
    """Return *text* as the report shows it: controls and surrogates as U+FFFD."""
    return "".join(
        "\ufffd"
        if char not in "\n\r\t" and unicodedata.category(char) in {"Cc", "Cs"}
        else char
        for char in text
    )


def flat(text: str) -> str:
    """Return *text* as one line of single spaces, as inline text shows it."""
    return re.sub(r"\s+", " ", visible(text)).strip()


def fenced(text: str) -> str:
    """Return what a fenced block of *text* holds once parsed, unguarded."""
    lines = re.split(r"\r\n|\r|\n", visible(text).rstrip("\n"))
    return unguarded("\n".join(lines) + "\n")


# A line a Markdown or documentation scanner may read as syntax (a fence, a
# MyST comment, an HTML comment), after quote markers and a list marker.
_LOOKS_LIKE_SYNTAX = re.compile(
    r"[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:```|~~~|%|<!--)"
)


def unguarded(body: str) -> str:
    """Return a fenced block's text without the guards the report may add.

    The report puts a zero-width space before each line that looks like
    syntax. Removing one wherever it stands before such a line, from what
    was expected and what was parsed alike, compares everything else exactly:
    a zero-width space of the text's own, anywhere else, must be kept.
    """
    return "\n".join(
        line[1:]
        if line.startswith("\u200b") and _LOOKS_LIKE_SYNTAX.match(line, 1)
        else line
        for line in body.split("\n")
    )


_PLAIN_INLINE = {"text", "text_special", "code_inline", "softbreak", "hardbreak"}


def shown(inline: Any) -> str:
    """Return the text an inline token shows, failing on any other markup."""
    parts = []
    for child in inline.children or ():
        assert child.type in _PLAIN_INLINE, (child.type, inline.content)
        parts.append("\n" if child.type.endswith("break") else child.content)
    return "".join(parts)


def structure(text: str) -> dict[str, Any]:
    """Parse a report; return its headings, tables, rows, fences and others."""
    tokens = parser().parse(text)
    headings: list[tuple[str, str]] = []
    inlines = [t for t in tokens if t.type == "inline"]
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            headings.append((token.tag, shown(tokens[i + 1])))
    for inline in inlines:
        shown(inline)
    rows = [t for t in tokens if t.type == "tr_open"]
    cells: list[list[str]] = []
    for i, token in enumerate(tokens):
        if token.type == "tr_open":
            cells.append([])
        elif token.type in {"td_open", "th_open"}:
            cells[-1].append(shown(tokens[i + 1]))
    return {
        "types": Counter(t.type for t in tokens),
        "headings": headings,
        "rows": len(rows),
        "cells": cells,
        "fences": [(t.info, t.content) for t in tokens if t.type == "fence"],
        "items": sum(1 for t in tokens if t.type == "list_item_open"),
        "quotes": [
            shown(tokens[i + 2])
            for i, t in enumerate(tokens)
            if t.type == "blockquote_open"
        ],
    }


@st.composite
def hostile_graphs(draw: st.DrawFn) -> tuple[ClaimGraph, list[Finding]]:
    """Return a graph whose every text is hostile, and hostile findings on it."""
    count = draw(st.integers(1, 4))
    records: list[Any] = []
    findings: list[Finding] = []
    for i in range(count):
        source = Source(
            id=f"s{i}",
            name=draw(hostile_text),
            kind=SourceKind.PERSON,
            anonymous=draw(st.booleans()),
            descriptor=draw(st.none() | hostile_text),
        )
        document = Document(id=f"d{i}", title=draw(st.none() | hostile_text))
        claim = Claim(
            id=f"c{i}",
            text=draw(hostile_text),
            language="ar",
            translations=draw(st.dictionaries(st.just("en"), hostile_text)),
        )
        records += [source, document, claim]
        if draw(st.booleans()):
            records.append(
                Attribution(id=f"a{i}", claim=claim.id, source=source.id, document="d0")
            )
        for _ in range(draw(st.integers(0, 2))):
            about = Ref.to(claim) if draw(st.booleans()) else Ref.to(source)
            findings.append(
                Finding(
                    code="X101",
                    severity=draw(st.sampled_from(Severity)),
                    message=draw(hostile_text),
                    records=(about,),
                    hint=draw(hostile_text),
                )
            )
    return ClaimGraph.of(records), findings


def no_runnable_examples(text: str) -> list[Any]:
    """Return the examples the documentation's Sybil setup finds in *text*."""
    sybil = pytest.importorskip("sybil")
    from sybil.parsers.myst import (  # noqa: PLC0415
        CodeBlockParser,
        DocTestDirectiveParser,
        PythonCodeBlockParser,
        SkipParser,
    )

    parsers = [
        DocTestDirectiveParser(),
        PythonCodeBlockParser(),
        CodeBlockParser(language="console", evaluator=lambda _: None),
        SkipParser(),
    ]
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "report.md"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        return list(sybil.Document.parse(str(path), *parsers))


# --- the committed example ----------------------------------------------------


def test_committed_example_is_the_seed_report() -> None:
    """The example in docs/ is what the command line writes for the seed today."""
    if not SEED.exists():
        pytest.skip("the seed is not in seeds/")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "report.md"
        args = parse_args(
            [
                "export",
                str(SEED),
                "--to",
                "report",
                "--policy",
                str(SEED_POLICY),
                "-o",
                str(out),
            ]
        )
        code = run(args, io.StringIO(), io.StringIO())
        expected = out.read_text(encoding="utf-8")
    assert 0 == code
    actual = EXAMPLE.read_text(encoding="utf-8") if EXAMPLE.exists() else ""
    assert expected == actual, f"{EXAMPLE.name} is stale; regenerate it: {REGENERATE}"


def test_seed_report_uses_the_policy_grades() -> None:
    """The seed's report lists the analyst's grades and the confidence they give."""
    graph = seed_graph()
    policy = Policy.from_mapping(json.loads(SEED_POLICY.read_text(encoding="utf-8")))
    text = to_markdown(graph, policy=policy)
    results = assess(graph, policy)
    assert "`washington-post` B" in text
    assert text != to_markdown(graph)
    rows = structure(text)["cells"][1:]
    expected = [f"{r.probability:.2f}" for r in results.values()]
    assert expected == [row[2] for row in rows]


def test_seed_report_has_nothing_for_the_doc_tests_to_run() -> None:
    """Sybil, as the documentation tests configure it, finds no examples in it."""
    assert [] == no_runnable_examples(to_markdown(seed_graph()))


# --- structure ------------------------------------------------------------------


def test_report_of_a_small_graph_has_its_parts() -> None:
    """Title, summary, per claim its sections, explanation and diagram, in order."""
    graph = small_graph()
    results = assess(graph)
    parsed = structure(to_markdown(graph))
    expected_headings = [("h1", "Claim report"), ("h2", "Summary")]
    for claim_id in results:
        expected_headings.append(("h2", f"Claim {claim_id}"))
        expected_headings += [
            ("h3", name)
            for name in ("Sourcing", "Confidence", "Findings", "Attribution tree")
        ]
    assert expected_headings == parsed["headings"]
    expected_fences = []
    for claim_id, result in results.items():
        expected_fences.append(("text", fenced(explain(result))))
        expected_fences.append(("mermaid", to_mermaid(graph, claim_id)))
    assert expected_fences == parsed["fences"]
    assert 1 == parsed["types"]["table_open"]
    assert 1 == parsed["types"]["front_matter"]


def test_summary_row_per_claim() -> None:
    """One row per claim: id, English text, P, ICD 203 term, groups, findings."""
    graph = small_graph()
    findings = check(graph)
    cells = structure(to_markdown(graph, findings=findings))["cells"]
    c1 = assess(graph)["c1"]
    expected = [
        "c1",
        "The US shared intelligence on IS threats with Damascus.",
        f"{c1.probability:.2f}",
        c1.likelihood.words,
        str(c1.supporting),
        str(c1.contradicting),
        str(sum(Ref(type="claim", id="c1") in f.records for f in findings)),
    ]
    assert expected == cells[1]


def test_findings_given_replace_the_checks() -> None:
    """With findings=[] there is nothing to list; the checks do not run."""
    text = to_markdown(small_graph(), findings=[])
    parsed = structure(text)
    assert 0 == parsed["items"]
    assert ["0", "0"] == [row[-1] for row in parsed["cells"][1:]]


def test_findings_about_no_claim_close_the_report() -> None:
    """A finding naming only a source has its own section at the end."""
    finding = Finding(
        code="X101",
        severity="info",
        message="a source finding",
        records=[Ref(type="source", id="wapo")],
        hint="look",
    )
    parsed = structure(to_markdown(small_graph(), findings=[finding]))
    assert ("h2", "Other findings") == parsed["headings"][-1]
    assert 1 == parsed["items"]


def test_report_is_deterministic() -> None:
    """The same records in another order give the same report, byte for byte."""
    graph = small_graph()
    shuffled = ClaimGraph.of(reversed(list(graph)))
    assert to_markdown(graph) == to_markdown(shuffled)


@given(hostile_graphs())
def test_hostile_text_never_becomes_markup(
    case: tuple[ClaimGraph, list[Finding]],
) -> None:
    """Whatever the text, the report parses to exactly the structure emitted."""
    graph, findings = case
    text = to_markdown(graph, findings=findings)
    parsed = structure(text)
    results = assess(graph)
    claims = list(results)
    drawn = [c for c in claims if graph.attributions_of(c)]
    other = any(r.type != "claim" for f in findings for r in f.records)
    assert 1 == parsed["types"]["table_open"]
    assert len(claims) + 1 == parsed["rows"]
    assert len(findings) == parsed["items"]
    heading_levels = Counter(level for level, _ in parsed["headings"])
    assert {"h1": 1, "h2": len(claims) + 1 + other, "h3": 4 * len(claims)} == dict(
        heading_levels
    )
    assert 0 == parsed["types"]["html_block"] + parsed["types"]["html_inline"]
    expected_cells = [
        flat(
            truncate(
                graph.claim_index[c].translations.get("en", graph.claim_index[c].text),
                120,
            )
        )
        for c in claims
    ]
    assert expected_cells == [row[1] for row in parsed["cells"][1:]]
    expected_fences = [("text", fenced(explain(results[c]))) for c in claims]
    expected_fences += [("mermaid", unguarded(to_mermaid(graph, c))) for c in drawn]
    actual_fences = [(info, unguarded(body)) for info, body in parsed["fences"]]
    assert sorted(expected_fences) == sorted(actual_fences)
    quoted = [
        "\n".join(filter(None, (flat(line) for line in re.split(r"\r\n|\r|\n", t))))
        or "(empty)"
        for c in claims
        for t in (
            graph.claim_index[c].text,
            *graph.claim_index[c].translations.values(),
        )
    ]
    assert quoted == parsed["quotes"]
    assert [] == no_runnable_examples(text)


@given(hostile_text)
def test_a_fence_holds_any_text_and_nothing_runnable(body: str) -> None:
    """A fenced block parses to one block holding the text, with nothing to run."""
    block = _fenced("text", body)
    parsed = structure(block)
    longest = max(map(len, re.findall("`+", body)), default=0)
    assert block.startswith("`" * (longest + 1))
    expected = [("text", fenced(body))]
    assert expected == [(i, unguarded(b)) for i, b in parsed["fences"]]
    assert [] == no_runnable_examples(block)


def test_explanations_that_look_like_code_run_nowhere() -> None:
    """Source names that read as Python blocks stay inside the explanation."""
    names = [
        "x\n```python\nraise SystemExit(3)\n```",
        "x\n% invisible-code-block: python\n%\n%     raise SystemExit(3)\n",
        "x\n<!-- invisible-code-block: python\nraise SystemExit(3)\n-->",
        "x\n```{doctest}\n>>> raise SystemExit(3)\n```",
        "x\n```\n````\n",
    ]
    records: list[Any] = [Document(id="d"), Claim(id="c", text="t", language="en")]
    for i, name in enumerate(names):
        records.append(Source(id=f"s{i}", name=name, kind=SourceKind.PERSON))
        records.append(Attribution(id=f"a{i}", claim="c", source=f"s{i}", document="d"))
    graph = ClaimGraph.of(records)
    text = to_markdown(graph, findings=[])
    assert [] == no_runnable_examples(text)
    fences = structure(text)["fences"]
    assert fenced(explain(assess(graph)["c"])) == unguarded(fences[0][1])


@given(graphs())
def test_generated_graphs_parse_to_one_table_and_a_section_per_claim(
    graph: ClaimGraph,
) -> None:
    """For the project's generated graphs: one table, its rows, its headings."""
    parsed = structure(to_markdown(graph, findings=[]))
    claims = len(assess(graph))
    assert (1, claims + 1) == (parsed["types"]["table_open"], parsed["rows"])
    assert claims + 1 == sum(level == "h2" for level, _ in parsed["headings"])
    assert 0 == parsed["types"]["html_block"] + parsed["types"]["html_inline"]


# --- the registry and the command line ------------------------------------------


def test_registry_runs_the_checks_and_takes_a_policy() -> None:
    """The findings table and the report come from the registry, with a policy."""
    graph = small_graph()
    policy = Policy.from_mapping({"grades": {"wapo": "A"}})
    report = FORMATS["report"]
    assert report.render_with_policy is not None
    assert to_markdown(graph, policy=policy) == report.render_with_policy(graph, policy)
    assert to_markdown(graph) == report.render(graph)
    expected = to_csv(graph, "findings", findings=check(graph))
    assert expected == FORMATS["csv-findings"].render(graph)
    assert [] == [
        name
        for name, exporter in FORMATS.items()
        if name != "report" and exporter.render_with_policy is not None
    ]


def test_cli_refuses_a_policy_for_a_format_that_ignores_it(tmp_path: Path) -> None:
    """--policy with a format no policy changes is a usage error, exit 2."""
    policy = tmp_path / "policy.json"
    policy.write_text("{}", encoding="utf-8")
    stderr = io.StringIO()
    args = parse_args(
        ["export", str(SEED), "--to", "prov-json", "--policy", str(policy)]
    )
    assert 2 == run(args, io.StringIO(), stderr)
    assert "--policy applies to the report format, not prov-json" in stderr.getvalue()
