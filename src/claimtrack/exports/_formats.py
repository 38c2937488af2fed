"""The export and import formats by name, for the command line and scripts."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from types import MappingProxyType

import attrs

from claimtrack.checks import check
from claimtrack.confidence import Policy
from claimtrack.graph import ClaimGraph

from ._claimreview import from_claimreview, to_claimreview
from ._csv import to_csv
from ._diagrams import to_dot, to_mermaid
from ._factcheck import from_factcheck_api
from ._importing import ImportResult
from ._prov import to_prov_json, to_prov_turtle
from ._report import to_markdown

__all__ = ["FORMATS", "IMPORTERS", "Exporter", "Importer"]


def __dir__() -> list[str]:
    return list(__all__)


@attrs.frozen(kw_only=True)
class Exporter:
    """One way to write a graph as text.

    Attributes:
        name: What the command line calls it (``claimtrack export --to NAME``).
        description: One line for ``--help``.
        suffix: The usual file name suffix, with its dot.
        extra: The claimtrack extra it needs, or None if the core suffices.
        render: The function from a graph to the text. Formats that report
            findings or confidence run the default checks and assess the
            claims under the default policy themselves.
        render_with_policy: For formats that assess the claims, the function
            from a graph and a confidence `Policy` to the text; None for
            formats that a policy does not change.
    """

    name: str
    description: str
    suffix: str
    extra: str | None
    render: Callable[[ClaimGraph], str]
    render_with_policy: Callable[[ClaimGraph, Policy], str] | None = None


@attrs.frozen(kw_only=True)
class Importer:
    """One way to read a graph from text in a foreign format.

    Attributes:
        name: What the command line calls it.
        description: One line for ``--help``.
        read: The function from text to the graph and what it could not map.
    """

    name: str
    description: str
    read: Callable[[str], ImportResult]


def _exporters(*exporters: Exporter) -> Mapping[str, Exporter]:
    return MappingProxyType({exporter.name: exporter for exporter in exporters})


def _table(name: str) -> Callable[[ClaimGraph], str]:
    return functools.partial(to_csv, table=name)


def _findings_table(graph: ClaimGraph) -> str:
    return to_csv(graph, "findings", findings=check(graph))


def _report(graph: ClaimGraph) -> str:
    return to_markdown(graph)


def _report_with_policy(graph: ClaimGraph, policy: Policy) -> str:
    return to_markdown(graph, policy=policy)


FORMATS: Mapping[str, Exporter] = _exporters(
    Exporter(
        name="prov-json",
        description="W3C PROV-JSON: sources as agents, attributions as entities",
        suffix=".prov.json",
        extra=None,
        render=to_prov_json,
    ),
    Exporter(
        name="prov-turtle",
        description="W3C PROV-O in RDF Turtle",
        suffix=".ttl",
        extra=None,
        render=to_prov_turtle,
    ),
    Exporter(
        name="claimreview",
        description="schema.org ClaimReview JSON-LD for fact-checked claims",
        suffix=".jsonld",
        extra=None,
        render=to_claimreview,
    ),
    Exporter(
        name="mermaid",
        description="Mermaid flowchart of every claim's attribution tree",
        suffix=".mmd",
        extra=None,
        render=to_mermaid,
    ),
    Exporter(
        name="dot",
        description="Graphviz DOT digraph of every claim's attribution tree",
        suffix=".dot",
        extra=None,
        render=to_dot,
    ),
    Exporter(
        name="csv-claims",
        description="CSV table of claims, with counts of origins and verdicts",
        suffix=".claims.csv",
        extra=None,
        render=_table("claims"),
    ),
    Exporter(
        name="csv-sources",
        description="CSV table of sources, with affiliation roots",
        suffix=".sources.csv",
        extra=None,
        render=_table("sources"),
    ),
    Exporter(
        name="csv-attributions",
        description="CSV table of attributions, with relay chains and origins",
        suffix=".attributions.csv",
        extra=None,
        render=_table("attributions"),
    ),
    Exporter(
        name="csv-findings",
        description="CSV table of the findings of the default checks",
        suffix=".findings.csv",
        extra=None,
        render=_findings_table,
    ),
    Exporter(
        name="report",
        description=(
            "Markdown report: each claim's sourcing, confidence, findings and "
            "Mermaid diagram"
        ),
        suffix=".md",
        extra=None,
        render=_report,
        render_with_policy=_report_with_policy,
    ),
)
"""Every export format, by name."""

IMPORTERS: Mapping[str, Importer] = MappingProxyType(
    {
        "claimreview": Importer(
            name="claimreview",
            description="schema.org ClaimReview JSON-LD (object, array or @graph)",
            read=from_claimreview,
        ),
        "factcheck-api": Importer(
            name="factcheck-api",
            description="Google Fact Check Tools API claims:search response",
            read=from_factcheck_api,
        ),
    }
)
"""Every import format, by name."""
