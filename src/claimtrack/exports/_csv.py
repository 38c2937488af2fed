"""CSV tables for spreadsheets: claims, sources, attributions, findings.

Each table is one CSV text (RFC 4180: comma-separated, double-quoted where
needed, CRLF line ends) with a header row, one row per record in canonical
order. Lists are joined with ``"; "``; an attribution's ``chain`` lists the
sources from this hop to its origin as ``"Enab Baladi > The Washington Post >
US officials"``.

Spreadsheets run formulas, so a cell whose text begins with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written with a leading ``'``
(OWASP's advice on CSV injection): the spreadsheet shows it as text, and the
apostrophe is not part of what it displays.

``excel=True`` starts the text with a byte order mark, which Excel needs to
read the file as UTF-8 (without it Arabic text turns to mojibake); leave it
off for other tools, which may show the mark as a stray character.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from claimtrack.graph import ClaimGraph

from ._text import source_label, writable

__all__ = ["TABLES", "neutralise", "to_csv"]


def __dir__() -> list[str]:
    return list(__all__)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Return *cell* so that no spreadsheet reads it as a formula."""
    cell = writable(cell)
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _cell(value: Any) -> str:
    if type(value) is str:  # most cells
        return neutralise(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "value") and not isinstance(value, str):
        value = value.value
    return neutralise(str(value))


def _join(values: Iterable[str]) -> str:
    return "; ".join(values)


def _claims(graph: ClaimGraph, _: Iterable[Any]) -> Iterator[Sequence[Any]]:
    yield (
        "id",
        "language",
        "text",
        "text_en",
        "kind",
        "about",
        "event_date",
        "place",
        "attributions",
        "origins",
        "independent_origins",
        "verdicts",
        "note",
    )
    for claim in graph.claims:
        verdicts = [
            a.label or a.verdict.value
            for a in graph.assessments_of(claim.id)
            if a.verdict is not None
        ]
        yield (
            claim.id,
            claim.language,
            claim.text,
            claim.translations.get("en"),
            claim.kind,
            _join(claim.about),
            claim.event_date,
            claim.place,
            len(graph.attributions_of(claim.id)),
            len(graph.origins_of(claim.id)),
            len(graph.origin_groups(claim.id)),
            _join(verdicts),
            claim.note,
        )


def _sources(graph: ClaimGraph, _: Iterable[Any]) -> Iterator[Sequence[Any]]:
    yield (
        "id",
        "name",
        "kind",
        "anonymous",
        "descriptor",
        "affiliation",
        "affiliation_root",
        "reliability",
        "aliases",
        "note",
    )
    for source in graph.sources:
        yield (
            source.id,
            source.name,
            source.kind,
            source.anonymous,
            source.descriptor,
            source.affiliation,
            graph.affiliation_root(source.id),
            source.reliability,
            _join(source.aliases),
            source.note,
        )


def _attributions(graph: ClaimGraph, _: Iterable[Any]) -> Iterator[Sequence[Any]]:
    yield (
        "id",
        "claim",
        "source",
        "source_name",
        "document",
        "document_title",
        "published",
        "via",
        "stance",
        "mode",
        "said",
        "cue",
        "quote",
        "depth",
        "chain",
        "origin",
        "origin_source",
        "retracted",
        "note",
    )
    for attribution in graph.attributions:
        document = graph.document(attribution.document)
        origin = graph.origin(attribution.id)
        chain = _chain(graph, attribution.id, origin)
        yield (
            attribution.id,
            attribution.claim,
            attribution.source,
            source_label(graph, attribution.source),
            attribution.document,
            None if document is None else document.title,
            None if document is None else document.published,
            attribution.via,
            attribution.stance,
            attribution.mode,
            attribution.said,
            attribution.cue,
            attribution.quote,
            graph.depth(attribution.id),
            chain,
            None if origin is None else origin.id,
            None if origin is None else origin.source,
            attribution.retracted,
            attribution.note,
        )


_CHAIN_SHOWN = 8


def _chain(graph: ClaimGraph, attribution_id: str, origin: Any) -> str:
    """Return the sources from this hop to the origin, eliding a long middle.

    Only the first hops are walked, so a table of a chain 100,000 hops deep
    takes time linear in the chain, not quadratic.
    """
    hops: list[str] = []
    current = graph.attribution(attribution_id)
    seen: set[str] = set()
    while current is not None and current.id not in seen and len(hops) < _CHAIN_SHOWN:
        seen.add(current.id)
        hops.append(source_label(graph, current.source))
        current = None if current.via is None else graph.attribution(current.via)
    depth = graph.depth(attribution_id)
    if depth is not None and depth >= _CHAIN_SHOWN and origin is not None:
        hidden = depth - _CHAIN_SHOWN
        if hidden:
            hops.append(f"… {hidden} more …")
        hops.append(source_label(graph, origin.source))
    return " > ".join(hops)


_FINDING_FIELDS = ("code", "severity", "records", "message", "hint")


def _findings(_: ClaimGraph, findings: Iterable[Any]) -> Iterator[Sequence[Any]]:
    # Findings come from `claimtrack.checks`; any object with these attributes
    # will do, and an attribute it lacks is an empty cell.
    yield _FINDING_FIELDS
    for finding in findings:
        yield (
            getattr(finding, "code", None),
            getattr(finding, "severity", None),
            _join(str(ref) for ref in getattr(finding, "records", ())),
            getattr(finding, "message", None),
            getattr(finding, "hint", None),
        )


TABLES: dict[str, Callable[[ClaimGraph, Iterable[Any]], Iterator[Sequence[Any]]]] = {
    "claims": _claims,
    "sources": _sources,
    "attributions": _attributions,
    "findings": _findings,
}
"""The tables `to_csv` can write, by name."""


def to_csv(
    graph: ClaimGraph,
    table: str,
    *,
    findings: Iterable[Any] = (),
    excel: bool = False,
) -> str:
    """Return one table of the graph as CSV text.

    Args:
        graph: The graph to tabulate.
        table: ``"claims"``, ``"sources"``, ``"attributions"`` or
            ``"findings"``.
        findings: For the findings table: `claimtrack.checks.Finding` objects,
            or any with ``code``, ``severity``, ``records`` (each written as
            its text, ``claim:c1``), ``message`` and ``hint`` attributes.
        excel: Start with a byte order mark so Excel reads the text as UTF-8.

    Raises:
        ValueError: If *table* is not one of the tables above.
    """
    try:
        rows = TABLES[table]
    except KeyError:
        msg = f"table must be one of {', '.join(TABLES)}, got {table!r}"
        raise ValueError(msg) from None
    buffer = io.StringIO()
    if excel:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    header, *body = rows(graph, findings)
    writer.writerow(header)
    writer.writerows(list(map(_cell, row)) for row in body)
    return buffer.getvalue()
