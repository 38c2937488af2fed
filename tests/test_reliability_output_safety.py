"""Output safety: hostile text from claim files never acts in what we write.

A claim file written by a stranger puts its text in every field, and even in
its file name. Through the command line, none of it may reach the terminal as
a control character, an ANSI escape sequence, a bidi override or a forged line
break; in the export formats, none of it may break out of its string or cell.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from claimtrack.cli import parse_args, run
from claimtrack.exports import FORMATS
from claimtrack.graph import ClaimGraph, GraphBuilder
from claimtrack.serialize import dump, unstructure

HOSTILE = [
    "\x1b[2J\x1b[1;1Hscreen cleared",
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",
    "\x9b31m C1 CSI",
    "\x85next line \u2028line separator \u2029paragraph separator",
    "line\nforged.json: CT101 error [claim:x] forged",
    "carriage\rreturn",
    "\u202eevil override\u202c \u2066isolate\u2069 \u202bembedding\u202c",
    "\x00nul \x07bell \x08backspace \x7fdelete",
    "\x0bvertical tab \x0cform feed \x1cfile separator",
    '=HYPERLINK("https://evil.example","click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    '"]; click n1 "javascript:alert(1)"',
    "end\nsubgraph x\n%%{init: {}}%%",
    "}; digraph { a -> b } // \\",
    "<script>alert(1)</script> &amp; <b>bold</b>",
    "# heading\n```\n| a | b |\n[link](javascript:alert(1)) ![x](https://evil.example/x.png)",
    "قالَ مسؤولــون \u200fأمريكيون 🇸🇾",
]

# What must never reach a terminal: C0 controls but tab and newline, DEL, C1
# controls, the bidi embeddings, overrides and isolates, and the separators.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def hostile_graph() -> ClaimGraph:
    """A graph with hostile text in every free-text field of every record."""
    b = GraphBuilder()
    text = " | ".join(HOSTILE)
    boss = b.source(
        "boss",
        HOSTILE[0],
        names={"ar": HOSTILE[-1], "en": HOSTILE[4]},
        aliases=HOSTILE[:3],
        kind="government",
        note=HOSTILE[5],
    )
    for i, hostile in enumerate(HOSTILE):
        source = b.source(
            f"s{i}",
            hostile,
            anonymous=True,
            descriptor=hostile,
            affiliation=boss,
            reliability="C",
            note=hostile,
            extra={hostile: hostile},
        )
        document = b.document(
            f"d{i}", publisher=source, title=hostile, url=hostile, note=hostile
        )
        claim = b.claim(
            f"c{i}",
            hostile,
            language="en",
            translations={"ar": hostile},
            about=[boss],
            place=hostile,
            note=hostile,
        )
        said = b.attribute(
            claim, source=source, document=document, cue=hostile, quote=hostile
        )
        b.relay(said, source=boss, document=document, note=hostile)
        b.assess(
            claim,
            by=source,
            verdict="false",
            label=hostile,
            rationale=hostile,
            url=hostile,
            note=hostile,
        )
        if i:
            b.relate(claim, "contradicts", "c0", note=hostile)
    b.claim("all", text, language="en", about=[boss])
    return b.build()


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile graph in a file whose name is hostile too."""
    directory = tmp_path_factory.mktemp("hostile")
    path = directory / "evil\x1b[2J\u202e\x85name.json"
    dump(hostile_graph(), path)
    return path


def call(*argv: str) -> tuple[int, str, str]:
    """Run the command line on *argv*; return exit code, stdout and stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run(parse_args(list(argv)), stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def assert_terminal_safe(*outputs: str) -> None:
    """Assert that no output holds a character that acts on a terminal."""
    for output in outputs:
        assert [] == UNSAFE.findall(output)


TERMINAL_COMMANDS = [
    ["check", "{file}"],
    ["check", "{dir}"],
    ["check", "{file}", "--format", "github"],
    ["check", "{file}", "--statistics"],
    ["show", "{file}", "c0"],
    ["show", "{file}", "all"],
    ["show", "{file}", "missing\x1b[2J"],
    ["assess", "{file}"],
    ["assess", "{file}", "c4"],
    ["assess", "{file}", "all"],
    ["assess", "{file}", "no-such\u202eclaim"],
    ["fmt", "--check", "{file}"],
    ["export", "{file}", "--to", "dot", "-o", "{dir}/out\x1b[31m.dot"],
    ["export", "{file}", "--to", "mermaid", "--claim", "nope\x1b[2J"],
]


@pytest.mark.parametrize("argv", TERMINAL_COMMANDS, ids=" ".join)
def test_terminal_output_is_safe(argv: list[str], hostile_file: Path) -> None:
    """Every command's messages show hostile text escaped, never acting."""
    filled = [arg.format(file=hostile_file, dir=hostile_file.parent) for arg in argv]
    _, out, err = call(*filled)
    assert_terminal_safe(out, err)


def test_check_lines_cannot_be_forged(hostile_file: Path) -> None:
    """Each line of ``check`` output is a finding, a hint or the summary."""
    _, out, _ = call("check", str(hostile_file))
    lines = out.splitlines()
    prefix = "evil\\x1b[2J\\u202e\\x85name.json: CT"
    assert lines[-1].startswith("Found ")
    for line in lines[:-1]:
        assert Path(line.partition(": CT")[0] + ": CT").name == prefix or (
            line.startswith("    hint: ")
        ), line


def test_show_keeps_arabic_and_escapes_the_rest(hostile_file: Path) -> None:
    """``show`` prints Arabic as written and escapes only what would act."""
    _, out, _ = call("show", str(hostile_file), "c19")
    assert "قالَ مسؤولــون \u200fأمريكيون 🇸🇾" in out
    _, out, _ = call("show", str(hostile_file), "c0")
    assert "\\x1b[2J\\x1b[1;1Hscreen cleared" in out


def test_load_errors_are_safe(tmp_path: Path) -> None:
    """Problems quoting hostile values and keys from a broken file are escaped."""
    path = tmp_path / "broken\x1b[2J.json"
    hostile = HOSTILE[0] + HOSTILE[6]
    path.write_text(
        json.dumps(
            {
                "claimtrack": 1,
                "sources": [{"id": hostile, "name": 1, hostile: hostile}],
                "claims": [{"id": "c", "text": "t", "language": hostile}],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    for argv in (["check", str(path)], ["show", str(path), "c"], ["fmt", str(path)]):
        code, out, err = call(*argv)
        assert 2 == code
        assert err.count("\n") >= 4
        assert_terminal_safe(out, err)


def test_fmt_diff_is_safe(tmp_path: Path) -> None:
    """``fmt --diff`` shows hostile lines escaped, one diff line per file line."""
    path = tmp_path / "claims\x1b[2J.json"
    payload = unstructure(hostile_graph())
    path.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    code, out, err = call("fmt", "--diff", str(path))
    assert (1, "") == (code, err)
    assert out.startswith(
        "--- claims\\x1b[2J.json".replace("claims", str(tmp_path / "claims"), 1)
    )
    assert_terminal_safe(out)
    code, out, err = call("fmt", str(path))
    assert (0, "") == (code, err)
    assert_terminal_safe(out)
    assert out.endswith(": reformatted\n")


# --- the export formats -------------------------------------------------------

_MERMAID_LABEL = r'"[^"\n]*"'
MERMAID_LINE = re.compile(
    "|".join(
        [
            r"flowchart LR",
            r"  classDef \w+ [\w:.-]+(?: \d+)*",
            rf"\s+n\d+(?:\[|\(\[|\[\[){_MERMAID_LABEL}(?:\]|\]\)|\]\])",
            rf"  subgraph g\d+\[{_MERMAID_LABEL}\]",
            r"  end",
            rf"  n\d+ (?:-->|-\.->)\|{_MERMAID_LABEL}\| n\d+",
            r"  class n\d+(?:,n\d+)* \w+",
        ]
    )
)

_DOT_STRING = r'"(?:[^"\\\n]|\\.)*"'
DOT_LINE = re.compile(
    "|".join(
        [
            r"digraph claimtrack \{",
            r"  (?:graph|node|edge) \[[^\n]*\];",
            rf"\s+n\d+ \[label={_DOT_STRING}, [\w=, -]+\];",
            r"  subgraph cluster_\d+ \{",
            rf"    label={_DOT_STRING};",
            r"    style=dashed;",
            r"  \}",
            rf"  n\d+ -> n\d+ \[label={_DOT_STRING}(?:, style=dashed)?\];",
            r"\}",
        ]
    )
)


def _export(hostile_file: Path, name: str) -> str:
    code, out, err = call("export", str(hostile_file), "--to", name)
    assert (0, "") == (code, err)
    return out


def test_mermaid_labels_cannot_break_out(hostile_file: Path) -> None:
    """Every Mermaid line is one of the shapes the exporter writes, labels quoted."""
    text = _export(hostile_file, "mermaid")
    for line in text.splitlines():
        assert MERMAID_LINE.fullmatch(line), line
    assert [] == UNSAFE.findall(text)


def test_dot_labels_cannot_break_out(hostile_file: Path) -> None:
    """Every DOT line is one of the shapes the exporter writes, labels quoted."""
    text = _export(hostile_file, "dot")
    assert text.startswith("digraph claimtrack {\n")
    assert text.endswith("\n}\n")
    for line in text.split("\n")[:-1]:
        assert DOT_LINE.fullmatch(line), line
    # Bidi controls stay as written inside quoted labels: they cannot end one.
    assert [] == re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)


@pytest.mark.parametrize("table", ["csv-claims", "csv-sources", "csv-attributions"])
def test_csv_cells_are_not_formulas(table: str, hostile_file: Path) -> None:
    """No CSV cell starts a formula, and no hostile line break adds a row."""
    text = _export(hostile_file, table)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    graph = hostile_graph()
    records = {
        "csv-claims": graph.claims,
        "csv-sources": graph.sources,
        "csv-attributions": graph.attributions,
    }[table]
    assert len(records) + 1 == len(rows)
    width = len(rows[0])
    for row in rows:
        assert width == len(row)
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_csv_findings_cells_are_not_formulas(hostile_file: Path) -> None:
    """The findings table, quoting hostile names, starts no formula either."""
    text = _export(hostile_file, "csv-findings")
    for row in csv.reader(io.StringIO(text, newline="")):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("name", ["prov-json", "claimreview"])
def test_json_exports_keep_text_exactly(name: str, hostile_file: Path) -> None:
    """JSON exports parse, and hostile text is inside them as exact strings."""
    document = json.loads(_export(hostile_file, name))
    strings: set[str] = set()
    stack = [document]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
            strings.update(k for k in item if isinstance(k, str))
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            strings.add(item)
    assert HOSTILE[0] in strings or any(HOSTILE[0] in s for s in strings)


def test_turtle_keeps_text_exactly(hostile_file: Path) -> None:
    """PROV-O Turtle parses back, with each hostile claim text as one literal."""
    rdflib = pytest.importorskip("rdflib")
    if "prov-turtle" not in FORMATS:
        pytest.skip("no PROV-O Turtle exporter")
    text = _export(hostile_file, "prov-turtle")
    graph = rdflib.Graph().parse(data=text, format="turtle")
    literals = {str(o) for o in graph.objects() if isinstance(o, rdflib.Literal)}
    for hostile in HOSTILE:
        assert hostile in literals, hostile


def _outside_fences(text: str) -> list[str]:
    """The lines of a Markdown text that are not inside a fenced code block."""
    outside: list[str] = []
    fence = ""
    for line in text.split("\n"):
        run = re.match(r"`{3,}", line)
        if not fence:
            if run:
                fence = run.group()
            else:
                outside.append(line)
        elif run and run.group() == line.strip() and len(line) >= len(fence):
            fence = ""
    assert "" == fence, "a fenced block is never closed"
    return outside


def test_markdown_report_is_inert(hostile_file: Path) -> None:
    """The Markdown report turns hostile text into no headings, links or HTML.

    Fenced blocks show text literally, so only the lines outside them are
    searched for syntax; control characters are searched for everywhere.
    """
    if "report" not in FORMATS:
        pytest.skip("no Markdown report exporter")
    text = _export(hostile_file, "report")
    outside = _outside_fences(text)
    prose = "\n".join(outside)
    # Escaped with a backslash, the characters are text, not syntax.
    assert [] == re.findall(r"(?<!\\)<script>", prose)
    assert [] == re.findall(r"(?<!\\)\]\(javascript:", prose)
    assert [] == re.findall(r"(?<!\\)!\[x", prose)
    for line in outside:
        assert not line.startswith(("# heading", "forged.json", "| a |")), line
    assert [] == re.findall("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
