"""Source attribution and claim tracking: who said it, through whom, and how sure to be.

The names below are the everyday API. The public modules `claimtrack.checks`
(the rule catalog), `claimtrack.confidence` (policies and explanations),
`claimtrack.exports` (formats), `claimtrack.opinion` (Subjective Logic) and
`claimtrack.testing` (Hypothesis strategies) hold the rest; modules whose names
start with an underscore are private.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .checks import Finding, Ref, Rule, Severity, check
from .confidence import Assessments, ClaimConfidence, Policy, assess
from .dates import FuzzyDate, Weekday
from .errors import ClaimtrackError, LoadError, Problem
from .graph import ClaimGraph, GraphBuilder, OriginGroup
from .records import (
    AnalyticConfidence,
    Assessment,
    Attribution,
    Claim,
    ClaimKind,
    Credibility,
    Document,
    Likelihood,
    Mode,
    Record,
    Relation,
    RelationKind,
    Reliability,
    Source,
    SourceKind,
    Stance,
    Verdict,
)
from .serialize import FORMAT_VERSION, dump, dumps, json_schema, load, loads

__all__ = [
    "FORMAT_VERSION",
    "AnalyticConfidence",
    "Assessment",
    "Assessments",
    "Attribution",
    "Claim",
    "ClaimConfidence",
    "ClaimGraph",
    "ClaimKind",
    "ClaimtrackError",
    "Credibility",
    "Document",
    "Finding",
    "FuzzyDate",
    "GraphBuilder",
    "Likelihood",
    "LoadError",
    "Mode",
    "OriginGroup",
    "Policy",
    "Problem",
    "Record",
    "Ref",
    "Relation",
    "RelationKind",
    "Reliability",
    "Rule",
    "Severity",
    "Source",
    "SourceKind",
    "Stance",
    "Verdict",
    "Weekday",
    "assess",
    "check",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
]

try:
    __version__ = version("claimtrack")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"


def __dir__() -> list[str]:
    return list(__all__)
