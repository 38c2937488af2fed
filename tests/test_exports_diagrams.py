import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import ClaimGraph, GraphBuilder
from claimtrack.exports import UnknownClaimError, to_dot, to_mermaid
from claimtrack.exports._diagrams import dot_label, mermaid_label
from export_samples import HOSTILE, graphs, seed_graph, small_graph

DOT = shutil.which("dot")
needs_dot = pytest.mark.skipif(
    DOT is None, reason="Graphviz 'dot' is not installed (apt-get install graphviz)"
)

hostile_text = st.one_of(st.sampled_from(HOSTILE), st.text())


def normal(text: str) -> str:
    """Return what a label shows for *text*: its lines, controls replaced."""
    text = re.sub(r"[\ud800-\udfff]", "\ufffd", text)
    lines = re.split(r"\r\n|\r|\n", text)
    return "\n".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", "\ufffd", line) for line in lines)


# --- a strict reader of the Mermaid subset the exporter writes ---------------

_LABEL = r'"(?:[^"#<>&|%;`\\\x00-\x1f\x7f-\x9f\u2028\u2029]|#\d+;|<br>)*"'
_NODE = re.compile(
    rf"(?P<indent> {{2}}| {{4}})(?P<id>n\d+)"
    rf"(?:\(\[(?P<a>{_LABEL})\]\)|\[\[(?P<b>{_LABEL})\]\]|\[(?P<c>{_LABEL})\])"
)
_EDGE = re.compile(
    rf"  (?P<tail>n\d+) (?P<arrow>-->|-\.->)\|(?P<label>{_LABEL})\| (?P<head>n\d+)"
)
_SUBGRAPH = re.compile(rf"  subgraph (?P<id>g\d+)\[(?P<label>{_LABEL})\]")
_CLASS = re.compile(r"  class (?P<ids>n\d+(?:,n\d+)*) (?:claim|origin|missing)")
_CLASSDEF = re.compile(r"  classDef (?:claim|origin|missing) [a-z0-9:\- ]+")


def decode(label: str) -> str:
    """Return the text a Mermaid label shows."""
    inner = label[1:-1].replace("<br>", "\n")
    return re.sub(r"#(\d+);", lambda m: chr(int(m[1])), inner)


def read_mermaid(
    text: str,
) -> tuple[dict[str, str], list[tuple[str, str, str]], list[set[str]]]:
    """Check every line against the grammar; return nodes, edges and subgraphs."""
    lines = text.split("\n")
    expected = ("", "flowchart LR")
    assert expected == (lines.pop(), lines[0]), "a header, and a final newline"
    nodes: dict[str, str] = {}
    edges: list[tuple[str, str, str]] = []
    groups: list[set[str]] = []
    current: set[str] | None = None
    for line in lines[1:]:
        if match := _NODE.fullmatch(line):
            assert (match["indent"] == "    ") == (current is not None), line
            assert match["id"] not in nodes, f"node defined twice: {line}"
            nodes[match["id"]] = decode(match["a"] or match["b"] or match["c"])
            if current is not None:
                current.add(match["id"])
        elif match := _SUBGRAPH.fullmatch(line):
            assert current is None, "subgraphs are not nested"
            current = set()
            groups.append(current)
        elif line == "  end":
            assert current is not None, "end closes a subgraph"
            current = None
        elif match := _EDGE.fullmatch(line):
            assert {match["tail"], match["head"]} <= set(nodes), line
            edges.append((match["tail"], match["head"], decode(match["label"])))
        elif match := _CLASS.fullmatch(line):
            assert set(match["ids"].split(",")) <= set(nodes), line
        else:
            assert _CLASSDEF.fullmatch(line), f"not in the grammar: {line!r}"
    assert current is None, "every subgraph is closed"
    return nodes, edges, groups


# --- DOT ----------------------------------------------------------------------


def render_dot(text: str) -> ET.Element:
    """Render DOT with Graphviz, insisting on silence, and return the SVG."""
    assert DOT is not None
    done = subprocess.run(  # noqa: S603 - a fixed program on our own output
        [DOT, "-Tsvg"], input=text.encode(), capture_output=True, check=False
    )
    expected = (0, b"")
    assert expected == (done.returncode, done.stderr)
    return ET.fromstring(done.stdout)  # noqa: S314 - Graphviz output


def svg_nodes(svg: ET.Element) -> dict[str, list[str]]:
    """Each node's id (its <title>) and the lines of text Graphviz drew in it."""
    ns = "{http://www.w3.org/2000/svg}"
    found: dict[str, list[str]] = {}
    for group in svg.iter(f"{ns}g"):
        if group.get("class") == "node":
            title = group.findtext(f"{ns}title") or ""
            found[title] = [t.text or "" for t in group.iter(f"{ns}text")]
    return found


def svg_clusters(svg: ET.Element) -> int:
    """Return how many clusters Graphviz drew."""
    ns = "{http://www.w3.org/2000/svg}"
    return sum(1 for g in svg.iter(f"{ns}g") if g.get("class") == "cluster")


def hostile_graph(name: str, title: str, text: str) -> ClaimGraph:
    """Return a two-hop graph whose every text field is attacker-controlled."""
    b = GraphBuilder()
    root = b.source("root", name, kind="government")
    officials = b.source(
        "officials", name, anonymous=True, descriptor=text, affiliation=root
    )
    outlet = b.source("outlet", title)
    report = b.document("report", title=title, publisher=outlet)
    article = b.document("article", title=name)
    b.claim("c", text, language="ar")
    said = b.attribute("c", source=officials, document=report, mode="direct_quote")
    b.relay(said, source=outlet, document=article)
    return b.build()


# --- tests --------------------------------------------------------------------


@given(text=hostile_text)
def test_mermaid_label_is_one_safe_string_that_decodes_back(text: str) -> None:
    """Any text becomes one quoted Mermaid label showing exactly that text."""
    label = mermaid_label(text)
    assert re.fullmatch(_LABEL, label)
    assert normal(text) == decode(label)


@given(text=hostile_text)
def test_dot_label_is_one_safe_string_that_decodes_back(text: str) -> None:
    """Any text becomes one quoted DOT string showing exactly that text."""
    label = dot_label(text)
    assert re.fullmatch(r'"(?:[^"\\\n\r]|\\.)*"', label)
    unescaped = re.sub(r"\\(.)", lambda m: "\n" if m[1] == "n" else m[1], label[1:-1])
    assert normal(text) == unescaped.replace("&amp;", "&")


@given(name=hostile_text, title=hostile_text, text=hostile_text)
def test_mermaid_of_hostile_text_keeps_its_structure(
    name: str, title: str, text: str
) -> None:
    """Hostile names and text never add, drop or regroup Mermaid nodes."""
    nodes, edges, groups = read_mermaid(to_mermaid(hostile_graph(name, title, text)))
    expected = (4, ["asserts", "on behalf of", "relays"], [2])
    actual = (len(nodes), sorted(e[2] for e in edges), [len(g) for g in groups])
    assert expected == actual


@needs_dot
@settings(max_examples=25)
@given(name=hostile_text, title=hostile_text, text=hostile_text)
def test_dot_of_hostile_text_renders_with_graphviz(
    name: str, title: str, text: str
) -> None:
    """Graphviz parses the DOT of hostile text and draws exactly our nodes."""
    dot = to_dot(hostile_graph(name, title, text))
    svg = render_dot(dot)
    expected = (set(re.findall(r"^\s+(n\d+) \[", dot, re.MULTILINE)), 1)
    assert expected == (set(svg_nodes(svg)), svg_clusters(svg))


@needs_dot
def test_dot_draws_labels_as_written() -> None:
    """Quotes, backslashes, entities and Arabic appear in the drawing verbatim."""
    name = 'He said "stop" \\ now &amp; قال'
    svg = render_dot(to_dot(hostile_graph(name, "T", "claim")))
    drawn = [line for lines in svg_nodes(svg).values() for line in lines]
    assert name in drawn


def test_small_graph_groups_independent_origins() -> None:
    """Each affiliation root is one subgraph holding its origins and parties."""
    graph = small_graph()
    nodes, edges, groups = read_mermaid(to_mermaid(graph, "c1"))
    grouped = sorted(sorted(nodes[n].split("\n")[0] for n in g) for g in groups)
    expected = [
        ["General Intelligence source", "Syrian caretaker government"],
        ["US government", "US officials"],
    ]
    assert expected == grouped
    assert len(graph.origin_groups("c1")) == len(groups)
    dashed = [e for e in edges if e[2] == "on behalf of"]
    expected_dashed = 2
    assert expected_dashed == len(dashed)


@needs_dot
def test_small_graph_dot_has_one_cluster_per_root() -> None:
    """The DOT drawing has as many clusters as the claim has independent origins."""
    graph = small_graph()
    svg = render_dot(to_dot(graph, "c1"))
    assert len(graph.origin_groups("c1")) == svg_clusters(svg)


def test_unknown_claim_is_an_error() -> None:
    """Asking for a claim the graph does not know raises UnknownClaimError."""
    with pytest.raises(UnknownClaimError, match="nope"):
        to_mermaid(small_graph(), "nope")


@settings(max_examples=30)
@given(graph=graphs())
def test_generated_graphs_give_valid_mermaid(graph: ClaimGraph) -> None:
    """Any graph, broken references and loops included, gives valid Mermaid."""
    nodes, _, _ = read_mermaid(to_mermaid(graph))
    claims = set(graph.claim_index) | {a.claim for a in graph.attributions}
    assert len(nodes) >= len(claims)


@needs_dot
@settings(max_examples=15)
@given(graph=graphs())
def test_generated_graphs_render_with_graphviz(graph: ClaimGraph) -> None:
    """Any graph gives DOT that Graphviz renders without a complaint."""
    dot = to_dot(graph)
    svg = render_dot(dot)
    assert set(re.findall(r"^\s+(n\d+) \[", dot, re.MULTILINE)) == set(svg_nodes(svg))


def test_seed_diagrams_are_valid() -> None:
    """The seed's whole-graph Mermaid reads under the strict grammar."""
    graph = seed_graph()
    nodes, _, groups = read_mermaid(to_mermaid(graph))
    assert len(graph.attributions) <= len(nodes)
    assert groups


def test_long_relay_chain_needs_no_recursion() -> None:
    """A relay chain thousands of hops deep draws without recursion."""
    b = GraphBuilder()
    b.source("s", "S")
    b.document("d")
    b.claim("c", "deep", language="en")
    hop = b.attribute("c", source="s", document="d", id="h0")
    for i in range(1, 5000):
        hop = b.relay(hop, source="s", document="d", id=f"h{i}")
    nodes, edges, _ = read_mermaid(to_mermaid(b.build()))
    expected = (5001, 5000)
    assert expected == (len(nodes), len(edges))
