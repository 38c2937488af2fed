r"""Mermaid and Graphviz DOT diagrams of attribution trees.

A diagram shows one claim (or every claim in the graph) and how it reached
the page: each hop is a box naming the source and the document, with an arrow
to the hop it relays ("relays", or "quotes" for a direct quote); each origin
(bold) points at the claim with its stance; dashed arrows lead from an
origin to the parties its source speaks for, up its affiliation chain. Origins
that answer to the same affiliation root are one voice, so each root gets its
own box (a subgraph, or a DOT cluster) holding its origins and their
affiliations: the number of boxes is the number of independent origins.

Text from the graph never reaches the diagram syntax unescaped. Node ids are
generated (``n1``, ``n2``, ...), never taken from the data. Labels are
flattened, cut to a readable length and wrapped, then escaped:

- Mermaid: every label is a double-quoted string in which anything but
  letters, marks, digits, non-ASCII punctuation and symbols, spaces and plain
  ASCII punctuation is written as an entity code (``#34;`` for ``"``,
  ``#35;`` for ``#``, ``#60;`` for ``<``), and line breaks are ``<br>``.
- DOT: every label is a double-quoted string with ``\`` and ``"`` escaped,
  ``&`` written ``&amp;`` (Graphviz reads entities in labels), line breaks
  as ``\n``.

Control characters and lone surrogates become U+FFFD in both.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterator

import attrs

from claimtrack.errors import ClaimtrackError
from claimtrack.graph import ClaimGraph
from claimtrack.records import Attribution, Mode

from ._text import CONTROL, truncate, writable

__all__ = ["UnknownClaimError", "to_dot", "to_mermaid"]


def __dir__() -> list[str]:
    return list(__all__)


class UnknownClaimError(ClaimtrackError, KeyError):
    """A diagram was asked for a claim the graph knows nothing about.

    Attributes:
        claim: The id asked for.
    """

    def __init__(self, claim: str) -> None:
        self.claim = claim
        msg = f"no claim {claim!r} in the graph: no claim record and no attributions"
        super().__init__(msg)

    def __str__(self) -> str:
        return str(self.args[0])


_CLAIM_LIMIT = 160
_LINE_LIMIT = 80
_WRAP = 40


@attrs.frozen
class _Node:
    id: str
    label: str
    role: str  # "claim", "hop", "origin", "party" or "missing"


@attrs.frozen
class _Edge:
    tail: str
    head: str
    label: str
    dashed: bool = False


@attrs.frozen
class _Cluster:
    id: int
    label: str
    nodes: tuple[_Node, ...]


@attrs.frozen
class _Layout:
    loose: tuple[_Node, ...]
    clusters: tuple[_Cluster, ...]
    edges: tuple[_Edge, ...]


def _wrapped(text: str) -> str:
    return "\n".join(
        textwrap.wrap(truncate(text, _CLAIM_LIMIT), _WRAP, break_on_hyphens=False)
    )


class _Builder:
    """Nodes, edges and clusters of a diagram, with generated ids."""

    def __init__(self, graph: ClaimGraph) -> None:
        self.graph = graph
        self.nodes: dict[tuple[str, str], _Node] = {}
        self.edges: list[_Edge] = []
        self._seen_edges: set[_Edge] = set()
        self.cluster_of: dict[str, str] = {}

    def node(self, kind: str, key: str, label: str, role: str) -> _Node:
        found = self.nodes.get((kind, key))
        if found is None:
            found = _Node(id=f"n{len(self.nodes) + 1}", label=label, role=role)
            self.nodes[kind, key] = found
        return found

    def claim(self, claim_id: str) -> _Node:
        claim = self.graph.claim(claim_id)
        label = f"{claim_id} (no claim record)" if claim is None else claim.text
        return self.node("claim", claim_id, _wrapped(label), "claim")

    def hop(self, attribution: Attribution, role: str) -> _Node:
        graph = self.graph
        source = graph.source(attribution.source)
        lines = [attribution.source if source is None else source.name]
        if source is not None and source.anonymous and source.descriptor:
            lines.append(f"unnamed: {source.descriptor}")
        document = graph.document(attribution.document)
        title = None if document is None else document.title
        lines.append(f"in: {title or attribution.document}")
        label = "\n".join(truncate(line, _LINE_LIMIT) for line in lines)
        return self.node("hop", attribution.id, label, role)

    def party(self, source_id: str) -> _Node:
        source = self.graph.source(source_id)
        name = source_id if source is None else source.name
        return self.node("party", source_id, truncate(name, _LINE_LIMIT), "party")

    def add_claim(self, claim_id: str) -> None:
        graph = self.graph
        claim_node = self.claim(claim_id)
        for attribution in graph.attributions_of(claim_id):
            origin = attribution.via is None
            node = self.hop(attribution, "origin" if origin else "hop")
            if origin:
                self.edges.append(
                    _Edge(node.id, claim_node.id, attribution.stance.value)
                )
                self.add_affiliations(node, attribution.source)
                continue
            assert attribution.via is not None
            upstream = graph.attribution(attribution.via)
            if upstream is None:
                target = self.node(
                    "hop",
                    attribution.via,
                    truncate(f"{attribution.via} (no attribution record)", _LINE_LIMIT),
                    "missing",
                )
            else:
                target = self.hop(upstream, "origin" if upstream.via is None else "hop")
            verb = "quotes" if attribution.mode is Mode.DIRECT_QUOTE else "relays"
            self.edges.append(_Edge(node.id, target.id, verb))

    def add_affiliations(self, origin: _Node, source_id: str) -> None:
        graph = self.graph
        self.cluster_of[origin.id] = graph.affiliation_root(source_id)
        tail = origin
        seen: set[str] = set()
        current = graph.source(source_id)
        while current is not None and current.affiliation is not None:
            if current.affiliation in seen:
                break
            seen.add(current.affiliation)
            head = self.party(current.affiliation)
            self.cluster_of[head.id] = graph.affiliation_root(current.affiliation)
            edge = _Edge(tail.id, head.id, "on behalf of", dashed=True)
            if edge not in self._seen_edges:
                self._seen_edges.add(edge)
                self.edges.append(edge)
            tail = head
            current = graph.source(current.affiliation)

    def layout(self) -> _Layout:
        roots = sorted(set(self.cluster_of.values()))
        members: dict[str, list[_Node]] = {root: [] for root in roots}
        loose: list[_Node] = []
        for node in self.nodes.values():
            root = self.cluster_of.get(node.id)
            (loose if root is None else members[root]).append(node)
        clusters = tuple(
            _Cluster(
                id=i,
                label=truncate(f"independent origin: {self._name(root)}", _LINE_LIMIT),
                nodes=tuple(members[root]),
            )
            for i, root in enumerate(roots, start=1)
        )
        return _Layout(loose=tuple(loose), clusters=clusters, edges=tuple(self.edges))

    def _name(self, source_id: str) -> str:
        source = self.graph.source(source_id)
        return source_id if source is None else source.name


def _layout(graph: ClaimGraph, claim: str | None) -> _Layout:
    builder = _Builder(graph)
    if claim is None:
        claims = sorted(set(graph.claim_index) | {a.claim for a in graph.attributions})
    else:
        if graph.claim(claim) is None and not graph.attributions_of(claim):
            raise UnknownClaimError(claim)
        claims = [claim]
    for claim_id in claims:
        builder.add_claim(claim_id)
    return builder.layout()


def _lines(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", writable(text))


# --- Mermaid ----------------------------------------------------------------

_MERMAID_PLAIN = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    " .,:!?'()-_/+*=@$~^[]{}"
)


def _mermaid_char(char: str) -> str:
    if char in _MERMAID_PLAIN:
        return char
    category = unicodedata.category(char)
    if not char.isascii() and category[0] in "LMNPS":
        return char
    if category in {"Cc", "Cs"}:
        return "#65533;"
    return f"#{ord(char)};"


# Any character but those of `_MERMAID_PLAIN`.
_MERMAID_OTHER = re.compile(r"[^A-Za-z0-9 .,:!?'()\-_/+*=@$~^\[\]{}]")


def _mermaid_match(match: re.Match[str]) -> str:
    return _mermaid_char(match.group())


def mermaid_label(text: str) -> str:
    """Return *text* as a double-quoted Mermaid label."""
    escaped = "<br>".join(
        _MERMAID_OTHER.sub(_mermaid_match, line) for line in _lines(text)
    )
    return f'"{escaped}"'


_MERMAID_SHAPES = {
    "claim": ("([", "])"),
    "hop": ("[", "]"),
    "origin": ("[", "]"),
    "party": ("[[", "]]"),
    "missing": ("[", "]"),
}


def _mermaid_lines(layout: _Layout) -> Iterator[str]:
    yield "flowchart LR"
    yield "  classDef claim stroke-width:2px"
    yield "  classDef origin stroke-width:3px"
    yield "  classDef missing stroke-dasharray:2 2"

    def node(item: _Node, indent: str) -> str:
        opening, closing = _MERMAID_SHAPES[item.role]
        return f"{indent}{item.id}{opening}{mermaid_label(item.label)}{closing}"

    yield from (node(item, "  ") for item in layout.loose)
    for cluster in layout.clusters:
        yield f"  subgraph g{cluster.id}[{mermaid_label(cluster.label)}]"
        yield from (node(item, "    ") for item in cluster.nodes)
        yield "  end"
    for edge in layout.edges:
        arrow = "-.->" if edge.dashed else "-->"
        yield f"  {edge.tail} {arrow}|{mermaid_label(edge.label)}| {edge.head}"
    every = [*layout.loose, *(n for c in layout.clusters for n in c.nodes)]
    for role in ("claim", "origin", "missing"):
        ids = [item.id for item in every if item.role == role]
        if ids:
            yield f"  class {','.join(ids)} {role}"


def to_mermaid(graph: ClaimGraph, claim: str | None = None) -> str:
    """Return a Mermaid flowchart of one claim's attribution tree, or all claims.

    Raises:
        UnknownClaimError: If *claim* is given and the graph has neither a claim
            record nor attributions under that id.
    """
    return "\n".join(_mermaid_lines(_layout(graph, claim))) + "\n"


# --- DOT --------------------------------------------------------------------


def _dot_line(line: str) -> str:
    """Escape one line for a DOT string: quotes, backslashes, ``&`` and controls."""
    escaped = line.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return CONTROL.sub("\ufffd", escaped)


def dot_label(text: str) -> str:
    r"""Return *text* as a double-quoted DOT string, lines broken with ``\n``."""
    escaped = "\\n".join(map(_dot_line, _lines(text)))
    return f'"{escaped}"'


_DOT_STYLES = {
    "claim": "shape=box, style=rounded, penwidth=2",
    "hop": "shape=box",
    "origin": "shape=box, penwidth=3",
    "party": "shape=component",
    "missing": "shape=box, style=dotted",
}


def _dot_lines(layout: _Layout) -> Iterator[str]:
    yield "digraph claimtrack {"
    yield '  graph [rankdir=LR, fontname="sans-serif"];'
    yield '  node [fontname="sans-serif"];'
    yield '  edge [fontname="sans-serif", fontsize=10];'

    def node(item: _Node, indent: str) -> str:
        style = _DOT_STYLES[item.role]
        return f"{indent}{item.id} [label={dot_label(item.label)}, {style}];"

    yield from (node(item, "  ") for item in layout.loose)
    for cluster in layout.clusters:
        yield f"  subgraph cluster_{cluster.id} {{"
        yield f"    label={dot_label(cluster.label)};"
        yield "    style=dashed;"
        yield from (node(item, "    ") for item in cluster.nodes)
        yield "  }"
    for edge in layout.edges:
        style = ", style=dashed" if edge.dashed else ""
        yield f"  {edge.tail} -> {edge.head} [label={dot_label(edge.label)}{style}];"
    yield "}"


def to_dot(graph: ClaimGraph, claim: str | None = None) -> str:
    """Return a Graphviz DOT digraph of one claim's attribution tree, or all claims.

    Raises:
        UnknownClaimError: If *claim* is given and the graph has neither a claim
            record nor attributions under that id.
    """
    return "\n".join(_dot_lines(_layout(graph, claim))) + "\n"
