"""Exports to the formats other tools read, and imports from some of them.

Every exporter takes a `ClaimGraph` and returns text; write it to a file with
`claimtrack.serialize.write_text_atomically` so a failure never leaves half a
file. `FORMATS` lists the exporters by name (the command line's ``--to``),
`IMPORTERS` the importers. The Markdown report (`to_markdown`) and the
findings table run the checks, and the report assesses the claims, by
themselves; an `Exporter` whose ``render_with_policy`` is set also takes a
confidence `claimtrack.confidence.Policy`.

Records keep stable names across formats: a source with id ``wapo`` is
``urn:claimtrack:source:wapo`` in PROV and in ClaimReview ``@id`` alike, and
the vocabulary of claimtrack's own terms is ``urn:claimtrack:vocab:``.

Every format needs nothing beyond the core library today. A format that
needs an optional package names its extra (`Exporter.extra`) and raises
`MissingExtraError`, naming the extra to install, when the package is missing.
"""

from __future__ import annotations

from ._claimreview import from_claimreview, to_claimreview
from ._csv import to_csv
from ._diagrams import UnknownClaimError, to_dot, to_mermaid
from ._factcheck import from_factcheck_api
from ._formats import FORMATS, IMPORTERS, Exporter, Importer
from ._importing import ImportResult
from ._optional import MissingExtraError
from ._prov import to_prov_json, to_prov_turtle
from ._report import to_markdown

__all__ = [
    "FORMATS",
    "IMPORTERS",
    "Exporter",
    "ImportResult",
    "Importer",
    "MissingExtraError",
    "UnknownClaimError",
    "from_claimreview",
    "from_factcheck_api",
    "to_claimreview",
    "to_csv",
    "to_dot",
    "to_markdown",
    "to_mermaid",
    "to_prov_json",
    "to_prov_turtle",
]


def __dir__() -> list[str]:
    return list(__all__)
