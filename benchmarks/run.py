"""Measure claimtrack against its baselines on generated corpora.

Usage::

    python benchmarks/run.py [--sizes 1000 10000 100000] [--repeats 5]
                             [--output results.json]
                             [--skip-baselines {json,orjson,cattrs,prov} ...]

For each corpus size N it times, as the median of ``--repeats`` runs with the
garbage collector on (collected before each run, outside the timing):

- ``loads``: canonical text to a validated `claimtrack.ClaimGraph`;
- ``loads+indexes``: the same, then every lookup index, grouping and walk the
  graph computes on first use (what checks and assessment rely on);
- ``dumps``: the graph to canonical text;
- ``check``: every rule, on a freshly loaded graph;
- ``assess``: every claim's confidence, on a freshly loaded graph;
- ``assess+explain``: the same, then every claim's explanation read;
- ``merge``: two overlapping graphs (three fifths of the records each, the
  middle fifth in both, as files that share records) merged into one;

and, on the same data, the baselines: stdlib ``json.loads`` of the same text and
``json.dumps(payload, ensure_ascii=False, indent=2)`` of the same plain payload;
orjson parsing the same text and writing the same payload, when it is
installed (not a target: the cost and growth of compiled code on this
machine); a straightforward attrs + cattrs round trip (plain attrs classes without
validators, a default ``cattrs.Converter``); and the ``prov`` package building,
serializing and deserializing the equivalent PROV-JSON document.

Peak memory of load + check + assess is measured in a fresh interpreter: its
peak resident set size (``VmHWM`` from ``/proc/self/status``; ``ru_maxrss``
where there is no ``/proc``, though that one keeps the parent's size across
``exec``) minus its resident set after imports and before reading the file. It
is compared with the size of the file, beside the same measure for a plain
``json.loads`` of the file.

It prints one table (times, ratios to the baselines, the issue's targets and
whether each is met, and the growth from N/10 to N) and writes every number to
a JSON file so that runs can be compared across commits.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, cast

import attrs
import cattrs

import claimtrack
from claimtrack import (
    AnalyticConfidence,
    ClaimGraph,
    ClaimKind,
    Credibility,
    Likelihood,
    Mode,
    RelationKind,
    Reliability,
    SourceKind,
    Stance,
    Verdict,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import DEFAULT_SEED, Corpus, build_corpus

__all__ = ["RESULTS_VERSION", "main", "parse_args", "run"]

RESULTS_VERSION = 1
"""The version of the layout of the results file."""

BASELINES = ("json", "orjson", "cattrs", "prov")

OPERATIONS = (
    "loads",
    "loads+indexes",
    "dumps",
    "check",
    "assess",
    "assess+explain",
    "merge",
)
"""The claimtrack operations timed for every size."""

BASELINE_OPERATIONS = {
    "json": ("json.loads", "json.dumps"),
    "orjson": ("orjson.loads", "orjson.dumps"),
    "cattrs": ("cattrs.loads", "cattrs.dumps"),
    "prov": ("prov.build", "prov.serialize", "prov.deserialize"),
}

# What each row of the table is compared with, and the target from the issue:
# (baseline operation, target ratio, "max" if the ratio must stay at or below
# the target, "min" if it must reach it, and whether the ratio is inverted,
# i.e. baseline time over own time).
_TARGETS: dict[str, tuple[str, float | None, str, bool]] = {
    "loads": ("json.loads", 2.0, "max", False),
    "loads+indexes": ("json.loads", 2.0, "max", False),
    "dumps": ("json.dumps", 1.5, "max", False),
    "check": ("loads", 1.0, "max", False),
    "assess": ("loads", 1.0, "max", False),
    "assess+explain": ("loads", None, "max", False),
    "merge": ("loads", None, "max", False),
    "round trip": ("prov round trip", 20.0, "min", True),
    "json.loads": ("json.loads", None, "max", False),
    "json.dumps": ("json.dumps", None, "max", False),
    "orjson.loads": ("json.loads", None, "max", False),
    "orjson.dumps": ("json.dumps", None, "max", False),
    "cattrs.loads": ("json.loads", None, "max", False),
    "cattrs.dumps": ("json.dumps", None, "max", False),
    "prov.build": ("json.dumps", None, "max", False),
    "prov.serialize": ("json.dumps", None, "max", False),
    "prov.deserialize": ("json.loads", None, "max", False),
    "prov round trip": ("json.loads", None, "max", False),
}
SCALING_TARGET = 12.0
MEMORY_TARGET = 5.0


# --- the plain attrs + cattrs baseline --------------------------------------


@attrs.define(kw_only=True)
class PlainSource:
    """A source as a straightforward attrs class, without validation."""

    id: str
    name: str
    names: dict[str, str] = attrs.Factory(dict)
    aliases: tuple[str, ...] = ()
    kind: SourceKind = SourceKind.OTHER
    anonymous: bool = False
    descriptor: str | None = None
    affiliation: str | None = None
    reliability: Reliability | None = None
    note: str | None = None
    extra: dict[str, Any] = attrs.Factory(dict)


@attrs.define(kw_only=True)
class PlainDocument:
    """A document as a straightforward attrs class, without validation."""

    id: str
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    retracted: str | None = None
    note: str | None = None
    extra: dict[str, Any] = attrs.Factory(dict)


@attrs.define(kw_only=True)
class PlainClaim:
    """A claim as a straightforward attrs class, without validation."""

    id: str
    text: str
    language: str
    translations: dict[str, str] = attrs.Factory(dict)
    kind: ClaimKind = ClaimKind.FACT
    about: tuple[str, ...] = ()
    event_date: str | None = None
    place: str | None = None
    note: str | None = None
    extra: dict[str, Any] = attrs.Factory(dict)


@attrs.define(kw_only=True)
class PlainAttribution:
    """An attribution as a straightforward attrs class, without validation."""

    id: str
    claim: str
    source: str
    document: str
    via: str | None = None
    stance: Stance = Stance.ASSERTS
    mode: Mode = Mode.PARAPHRASE
    cue: str | None = None
    quote: str | None = None
    said: str | None = None
    retracted: str | None = None
    note: str | None = None
    extra: dict[str, Any] = attrs.Factory(dict)


@attrs.define(kw_only=True)
class PlainRelation:
    """A relation as a straightforward attrs class, without validation."""

    id: str
    kind: RelationKind
    claim: str
    target: str
    note: str | None = None
    extra: dict[str, Any] = attrs.Factory(dict)


@attrs.define(kw_only=True)
class PlainAssessment:
    """An assessment as a straightforward attrs class, without validation."""

    id: str
    claim: str
    by: str | None = None
    credibility: Credibility | None = None
    likelihood: Likelihood | None = None
    confidence: AnalyticConfidence | None = None
    verdict: Verdict | None = None
    label: str | None = None
    rationale: str | None = None
    date: str | None = None
    url: str | None = None
    note: str | None = None
    extra: dict[str, Any] = attrs.Factory(dict)


@attrs.define(kw_only=True)
class PlainGraph:
    """The whole file as a straightforward attrs class."""

    claimtrack: int
    sources: list[PlainSource] = attrs.Factory(list)
    documents: list[PlainDocument] = attrs.Factory(list)
    claims: list[PlainClaim] = attrs.Factory(list)
    attributions: list[PlainAttribution] = attrs.Factory(list)
    relations: list[PlainRelation] = attrs.Factory(list)
    assessments: list[PlainAssessment] = attrs.Factory(list)


# --- the prov baseline ------------------------------------------------------


def prov_document(graph: ClaimGraph) -> Any:
    """Return the graph as a PROV document, as a provenance tool would keep it.

    Sources are agents (acting on behalf of their affiliation); documents,
    claims, attributions, relations and assessments are entities. An
    attribution is attributed to its source, specialises its claim and is
    derived from the attribution it relays; a document is attributed to its
    publisher; a relation derives one claim from another; an assessment is
    attributed to its author and derived from the claim it judges.
    """
    from prov.model import ProvDocument  # noqa: PLC0415 - an optional extra

    document = ProvDocument()
    document.add_namespace("ct", "https://claimtrack.example/ns#")

    def attributes(**values: object) -> dict[str, str]:
        return {f"ct:{k}": str(v) for k, v in values.items() if v is not None}

    for source in graph.sources:
        document.agent(
            f"ct:{source.id}",
            attributes(
                name=source.name,
                kind=source.kind.value,
                anonymous=source.anonymous,
                descriptor=source.descriptor,
                reliability=source.reliability and source.reliability.value,
            ),
        )
        if source.affiliation is not None:
            document.actedOnBehalfOf(f"ct:{source.id}", f"ct:{source.affiliation}")
    for record in graph.documents:
        document.entity(
            f"ct:{record.id}",
            attributes(
                title=record.title,
                url=record.url,
                published=record.published,
                language=record.language,
            ),
        )
        if record.publisher is not None:
            document.wasAttributedTo(f"ct:{record.id}", f"ct:{record.publisher}")
    for claim in graph.claims:
        document.entity(
            f"ct:{claim.id}",
            attributes(
                text=claim.text,
                language=claim.language,
                kind=claim.kind.value,
                event_date=claim.event_date,
            ),
        )
    for attribution in graph.attributions:
        document.entity(
            f"ct:{attribution.id}",
            attributes(
                document=attribution.document,
                stance=attribution.stance.value,
                mode=attribution.mode.value,
                cue=attribution.cue,
                quote=attribution.quote,
                said=attribution.said,
            ),
        )
        document.wasAttributedTo(f"ct:{attribution.id}", f"ct:{attribution.source}")
        document.specializationOf(f"ct:{attribution.id}", f"ct:{attribution.claim}")
        if attribution.via is not None:
            document.wasDerivedFrom(f"ct:{attribution.id}", f"ct:{attribution.via}")
    for relation in graph.relations:
        document.wasDerivedFrom(
            f"ct:{relation.claim}",
            f"ct:{relation.target}",
            identifier=f"ct:{relation.id}",
            other_attributes=attributes(relation=relation.kind.value),
        )
    for assessment in graph.assessments:
        document.entity(
            f"ct:{assessment.id}",
            attributes(
                credibility=assessment.credibility,
                likelihood=assessment.likelihood and assessment.likelihood.value,
                verdict=assessment.verdict and assessment.verdict.value,
                rationale=assessment.rationale,
                date=assessment.date,
            ),
        )
        document.wasDerivedFrom(f"ct:{assessment.id}", f"ct:{assessment.claim}")
        if assessment.by is not None:
            document.wasAttributedTo(f"ct:{assessment.id}", f"ct:{assessment.by}")
    return document


# --- timing -----------------------------------------------------------------


def _consume(result: object) -> object:
    """Drain a lazy result, so that its cost is inside the timing."""
    if isinstance(result, Iterator):
        return list(result)
    return result


Runs = list[tuple[float, float]]
"""The (wall, CPU) seconds of each run."""


def _time(function: Callable[[], object], repeats: int) -> Runs:
    """Return the wall and CPU time of each of *repeats* calls, with the GC on."""
    return _time_prepared(lambda: None, lambda _: function(), repeats)


def _time_prepared(
    prepare: Callable[[], Any], function: Callable[[Any], object], repeats: int
) -> Runs:
    """Like `_time`, with an untimed fresh input for every run."""
    runs: Runs = []
    for _ in range(repeats):
        value = prepare()
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        _consume(function(value))
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
        del value
    return runs


def _entry(runs: Runs) -> dict[str, Any]:
    wall = [w for w, _ in runs]
    cpu = [c for _, c in runs]
    return {
        "status": "ok",
        "median": statistics.median(wall),
        "runs": wall,
        "cpu_median": statistics.median(cpu),
        "cpu_runs": cpu,
    }


def _failed(status: str, error: BaseException | str) -> dict[str, Any]:
    return {"status": status, "median": None, "runs": [], "error": str(error)}


def _touch_indexes(graph: ClaimGraph) -> ClaimGraph:
    """Build every index and walk the graph memoises, as checks would."""
    for index in (
        graph.source_index,
        graph.document_index,
        graph.claim_index,
        graph.attribution_index,
        graph.relation_index,
        graph.assessment_index,
    ):
        len(index)
    graph.conflicts()
    graph.attributions_of("")
    graph.assessments_of("")
    graph.relations_of("")
    graph.relays_of("")
    graph.documents_by("")
    graph.attributions_in("")
    graph.attributions_by("")
    graph.relay_cycles()
    graph.affiliation_cycles()
    return graph


def _import_operation(module: str, name: str) -> Callable[[ClaimGraph], object]:
    """Return ``module.name``; raise ImportError if it is not there yet."""
    imported = __import__(module, fromlist=[name])
    function: Callable[[ClaimGraph], object] = getattr(imported, name)
    return function


def time_claimtrack(corpus: Corpus, repeats: int) -> dict[str, dict[str, Any]]:
    """Time the library's own operations on *corpus*."""
    text = corpus.text
    graph = corpus.graph
    results: dict[str, dict[str, Any]] = {}
    results["loads"] = _entry(_time(lambda: claimtrack.loads(text), repeats))
    results["loads+indexes"] = _entry(
        _time(lambda: _touch_indexes(claimtrack.loads(text)), repeats)
    )
    results["dumps"] = _entry(_time(lambda: claimtrack.dumps(graph), repeats))
    for operation, module in (
        ("check", "claimtrack.checks"),
        ("assess", "claimtrack.confidence"),
    ):
        try:
            function = _import_operation(module, operation)
        except (ImportError, AttributeError) as error:
            results[operation] = _failed("unavailable", error)
            continue
        try:
            runs = _time_prepared(lambda: claimtrack.loads(text), function, repeats)
        except Exception as error:  # noqa: BLE001 - report it, measure the rest
            results[operation] = _failed("error", f"{type(error).__name__}: {error}")
            continue
        results[operation] = _entry(runs)
    if results["assess"]["status"] == "ok":
        # assess leaves each claim's explanation to its first reader: this row
        # is what a caller pays who reads them all (a full report, say).
        assess = _import_operation("claimtrack.confidence", "assess")
        results["assess+explain"] = _entry(
            _time_prepared(
                lambda: claimtrack.loads(text),
                lambda graph: _read_explanations(assess(graph)),
                repeats,
            )
        )
    first, second = _halves(graph)
    results["merge"] = _entry(_time(lambda: first.merge(second), repeats))
    return results


def _halves(graph: ClaimGraph) -> tuple[ClaimGraph, ClaimGraph]:
    """Split *graph* into two graphs of three fifths of its records each.

    The middle fifth is in both, as records two files share are: merging the
    two gives *graph* again, each group's records out of order, with copies.
    """
    records = list(graph)
    fifth = len(records) // 5
    return (
        ClaimGraph.of(records[: 3 * fifth]),
        ClaimGraph.of(records[2 * fifth :]),
    )


def _read_explanations(assessments: object) -> int:
    """Read the explanation of every result; return how many were read."""
    results = cast("Mapping[str, Any]", assessments).values()
    return sum(1 for result in results if result.summary)


def time_baselines(
    corpus: Corpus, repeats: int, skip: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """Time the baselines on the same text, payload and records as *corpus*."""
    from claimtrack.serialize import unstructure  # noqa: PLC0415

    text = corpus.text
    results: dict[str, dict[str, Any]] = {}
    for name in skip:
        for operation in BASELINE_OPERATIONS[name]:
            results[operation] = _failed("skipped", "skipped on request")
    if "json" not in skip:
        payload = unstructure(corpus.graph)
        results["json.loads"] = _entry(_time(lambda: json.loads(text), repeats))
        results["json.dumps"] = _entry(
            _time(lambda: json.dumps(payload, ensure_ascii=False, indent=2), repeats)
        )
        del payload
    if "orjson" not in skip:
        results.update(_time_orjson(corpus, repeats))
    if "cattrs" not in skip:
        converter = cattrs.Converter()
        plain = converter.structure(json.loads(text), PlainGraph)
        results["cattrs.loads"] = _entry(
            _time(lambda: converter.structure(json.loads(text), PlainGraph), repeats)
        )
        results["cattrs.dumps"] = _entry(
            _time(
                lambda: json.dumps(
                    converter.unstructure(plain), ensure_ascii=False, indent=2
                ),
                repeats,
            )
        )
        del plain
    if "prov" not in skip:
        results.update(_time_prov(corpus.graph, repeats))
    return results


def _time_orjson(corpus: Corpus, repeats: int) -> dict[str, dict[str, Any]]:
    """Time orjson parsing the text and writing the payload, if it is installed.

    Not a target: what a compiled parser and writer cost on this machine, and
    how their cost grows with N when every step is C code. The fast extra's
    loads and dumps are built on them.
    """
    try:
        import orjson  # noqa: PLC0415 - an optional extra
    except ImportError as error:
        return {
            operation: _failed("unavailable", error)
            for operation in BASELINE_OPERATIONS["orjson"]
        }
    from claimtrack.serialize import unstructure  # noqa: PLC0415

    text = corpus.text
    payload = unstructure(corpus.graph)
    return {
        "orjson.loads": _entry(_time(lambda: orjson.loads(text), repeats)),
        "orjson.dumps": _entry(
            _time(lambda: orjson.dumps(payload, option=orjson.OPT_INDENT_2), repeats)
        ),
    }


def _time_prov(graph: ClaimGraph, repeats: int) -> dict[str, dict[str, Any]]:
    try:
        from prov.model import ProvDocument  # noqa: PLC0415 - an optional extra
    except ImportError as error:
        return {
            operation: _failed("unavailable", error)
            for operation in BASELINE_OPERATIONS["prov"]
        }
    build: Runs = []
    serialize: Runs = []
    deserialize: Runs = []
    document: list[Any] = []
    content: list[str] = []
    for _ in range(repeats):
        build += _time(lambda: document.append(prov_document(graph)), 1)
        serialize += _time(
            lambda: content.append(document[0].serialize(format="json")), 1
        )
        document.clear()
        deserialize += _time(
            lambda: ProvDocument.deserialize(content=content[0], format="json"), 1
        )
        content.clear()
    return {
        "prov.build": _entry(build),
        "prov.serialize": _entry(serialize),
        "prov.deserialize": _entry(deserialize),
    }


# --- memory -----------------------------------------------------------------

_MEMORY_SCRIPT = r"""
import json, resource, sys

def status(field):
    # Linux: this process's own high-water mark and current resident set.
    # (ru_maxrss is no use here: it keeps the parent's size across exec.)
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024

def rss():
    return status("VmHWM")

def current():
    return status("VmRSS")

path, mode = sys.argv[1], sys.argv[2]
report = {"mode": mode, "check": "not run", "assess": "not run"}
if mode == "json":
    baseline = current()
    with open(path, encoding="utf-8") as handle:
        json.loads(handle.read())
else:
    import claimtrack
    operations = []
    for module, name in (("claimtrack.checks", "check"),
                         ("claimtrack.confidence", "assess")):
        try:
            imported = __import__(module, fromlist=[name])
            operations.append((name, getattr(imported, name)))
        except (ImportError, AttributeError) as error:
            report[name] = "unavailable: " + str(error)
    baseline = current()
    graph = claimtrack.load(path)
    for name, function in operations:
        try:
            result = function(graph)
            if hasattr(result, "__next__"):
                list(result)
            report[name] = "ok"
        except Exception as error:
            report[name] = "error: " + type(error).__name__ + ": " + str(error)
report["baseline_rss"] = baseline
report["peak_rss"] = rss()
print(json.dumps(report))
"""


def measure_memory(corpus: Corpus) -> dict[str, Any]:
    """Return the peak memory of load + check + assess in a fresh interpreter."""
    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-") as directory:
        path = Path(directory) / "corpus.json"
        path.write_text(corpus.text, encoding="utf-8")
        size = path.stat().st_size
        reports = {}
        for mode in ("claimtrack", "json"):
            completed = subprocess.run(  # noqa: S603 - our own interpreter
                [sys.executable, "-c", _MEMORY_SCRIPT, str(path), mode],
                capture_output=True,
                text=True,
                check=False,
            )
            if completed.returncode != 0:
                return _failed("error", completed.stderr.strip()[-2000:])
            reports[mode] = json.loads(completed.stdout)
    own, floor = reports["claimtrack"], reports["json"]
    net = own["peak_rss"] - own["baseline_rss"]
    json_net = floor["peak_rss"] - floor["baseline_rss"]
    return {
        "status": "ok",
        "method": (
            "peak resident set (VmHWM) of a fresh interpreter, minus its "
            "resident set after imports and before reading the file"
        ),
        "file_bytes": size,
        "peak_rss_bytes": own["peak_rss"],
        "baseline_rss_bytes": own["baseline_rss"],
        "net_peak_bytes": net,
        "ratio_to_file": net / size,
        "total_ratio_to_file": own["peak_rss"] / size,
        "json_loads_net_peak_bytes": json_net,
        "json_loads_ratio_to_file": json_net / size,
        "check": own["check"],
        "assess": own["assess"],
    }


# --- the table --------------------------------------------------------------


_CLOCK = {"wall": "median", "cpu": "cpu_median"}


def _median(
    timings: dict[str, dict[str, Any]], operation: str, clock: str = "wall"
) -> float | None:
    entry = timings.get(operation)
    if entry is None or entry["status"] != "ok":
        return None
    median: float = entry[_CLOCK[clock]]
    return median


def _derived(timings: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Add the round trips, summed from their parts' medians."""
    derived: dict[str, dict[str, Any]] = {}
    for name, parts in (
        ("round trip", ("loads", "dumps")),
        ("prov round trip", ("prov.build", "prov.serialize", "prov.deserialize")),
    ):
        medians = [_median(timings, part) for part in parts]
        cpu = [_median(timings, part, "cpu") for part in parts]
        if all(m is not None for m in medians):
            derived[name] = {
                "status": "ok",
                "median": sum(m for m in medians if m is not None),
                "runs": [],
                "cpu_median": sum(m for m in cpu if m is not None),
                "cpu_runs": [],
                "parts": list(parts),
            }
        else:
            derived[name] = _failed("unavailable", "a part was not measured")
    return derived


def build_table(results: dict[str, Any], clock: str = "wall") -> list[dict[str, Any]]:
    """Return one row per operation and size, with ratios and targets.

    *clock* chooses the medians compared: ``"wall"`` (elapsed time) or
    ``"cpu"`` (the process's CPU time, steadier on a busy machine).
    """
    rows: list[dict[str, Any]] = []
    sizes = sorted(int(n) for n in results)
    for n in sizes:
        timings = results[str(n)]["timings"]
        smaller = results.get(str(n // 10))
        for operation, (baseline, target, sense, inverted) in _TARGETS.items():
            if operation not in timings:
                continue
            entry = timings[operation]
            median = _median(timings, operation, clock)
            base = _median(timings, baseline, clock)
            ratio = None
            if median is not None and base is not None and median > 0:
                ratio = base / median if inverted else median / base
            met = None
            if target is not None and ratio is not None:
                met = ratio <= target if sense == "max" else ratio >= target
            scaling = None
            if smaller is not None:
                before = _median(smaller["timings"], operation, clock)
                if median is not None and before:
                    scaling = median / before
            rows.append(
                {
                    "operation": operation,
                    "n": n,
                    "clock": clock,
                    "status": entry["status"],
                    "median_seconds": median,
                    "baseline": baseline if baseline != operation else None,
                    "ratio": ratio if baseline != operation else None,
                    "target": target,
                    "target_sense": sense,
                    "inverted": inverted,
                    "met": met,
                    "scaling": scaling,
                    "scaling_met": (
                        None if scaling is None else scaling <= SCALING_TARGET
                    ),
                }
            )
        memory = results[str(n)]["memory"]
        if memory.get("status") == "ok":
            ratio = memory["ratio_to_file"]
            rows.append(
                {
                    "operation": "peak memory",
                    "n": n,
                    "clock": None,
                    "status": "ok",
                    "median_seconds": None,
                    "peak_bytes": memory["net_peak_bytes"],
                    "baseline": "file size",
                    "ratio": ratio,
                    "target": MEMORY_TARGET,
                    "target_sense": "max",
                    "inverted": False,
                    "met": ratio <= MEMORY_TARGET,
                    "scaling": None,
                    "scaling_met": None,
                }
            )
    return rows


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    """Return the table as aligned text."""
    header = (
        "operation",
        "N",
        "median",
        "vs",
        "ratio",
        "target",
        "met",
        "x10N",
        "<=12",
    )
    lines = [header]
    for row in rows:
        if row["operation"] == "peak memory":
            median = f"{row['peak_bytes'] / 2**20:.1f} MB"
        elif row["median_seconds"] is None:
            median = row["status"]
        else:
            median = f"{row['median_seconds']:.4f} s"
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}x"
        target = ""
        if row["target"] is not None:
            sign = "<=" if row["target_sense"] == "max" else ">="
            target = f"{sign}{row['target']:g}x"
        met = {None: "", True: "met", False: "NOT MET"}[row["met"]]
        scaling = "" if row["scaling"] is None else f"{row['scaling']:.1f}"
        scaling_met = {None: "", True: "met", False: "NOT MET"}[row["scaling_met"]]
        lines.append(
            (
                row["operation"],
                f"{row['n']:,}",
                median,
                row["baseline"] or "",
                ratio,
                target,
                met,
                scaling,
                scaling_met,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for line in lines:
        cells = [
            cell.ljust(width) if i in {0, 3} else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


# --- the run ----------------------------------------------------------------


def _git_commit(directory: Path) -> tuple[str | None, bool | None]:
    environment = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607 - git from PATH on purpose
            cwd=directory,
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            cwd=directory,
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None, None
    return commit or None, bool(status.strip())


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def environment(
    seed: int, repeats: int, sizes: Sequence[int], clock: str
) -> dict[str, Any]:
    """Describe the machine, the interpreter and the code being measured."""
    commit, dirty = _git_commit(Path(__file__).resolve().parent)
    return {
        "results_version": RESULTS_VERSION,
        "timestamp": datetime.datetime.now(datetime.timezone.utc).isoformat(),
        "python": sys.version,
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "commit": commit,
        "dirty": dirty,
        "versions": {
            name: _version(name)
            for name in ("claimtrack", "attrs", "cattrs", "prov", "orjson")
        },
        "seed": seed,
        "repeats": repeats,
        "sizes": list(sizes),
        "clock": clock,
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
        "gc": "enabled; collected before each run, outside the timing",
        "memory_method": (
            "peak resident set (VmHWM in /proc/self/status; ru_maxrss where "
            "there is no /proc) of a fresh interpreter, minus its resident set "
            "after imports and before reading the file"
        ),
    }


def run(
    sizes: Sequence[int],
    repeats: int,
    skip: Sequence[str],
    *,
    seed: int = DEFAULT_SEED,
    memory: bool = True,
    clock: str = "wall",
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Measure every size and return the results document."""
    results: dict[str, Any] = {}
    # One untimed pass on a tiny corpus first, so that no size pays for lazy
    # imports, compiled patterns or converter hooks generated on first use.
    warm_up = build_corpus(50, seed=seed)
    time_claimtrack(warm_up, 1)
    time_baselines(warm_up, 1, skip)
    del warm_up
    for n in sizes:
        start = time.perf_counter()
        corpus = build_corpus(n, seed=seed)
        generated = time.perf_counter() - start
        log(
            f"N={n:,}: {corpus.size_bytes / 2**20:.1f} MB of JSON, "
            f"{len(corpus.graph):,} records (generated in {generated:.1f} s)"
        )
        timings = time_claimtrack(corpus, repeats)
        log(f"N={n:,}: claimtrack timed")
        timings.update(time_baselines(corpus, repeats, skip))
        log(f"N={n:,}: baselines timed")
        timings.update(_derived(timings))
        results[str(n)] = {
            "corpus": {
                "n": n,
                "seed": seed,
                "bytes": corpus.size_bytes,
                "records": corpus.counts,
                "longest_relay_chain": corpus.longest_chain,
                "deepest_affiliation": corpus.max_affiliation_depth,
                "generation_seconds": generated,
            },
            "timings": timings,
            "memory": (
                measure_memory(corpus)
                if memory
                else {"status": "skipped", "error": "skipped on request"}
            ),
        }
        del corpus
    table = build_table(results, clock)
    return {
        "environment": environment(seed, repeats, sizes, clock),
        "results": results,
        "table": table,
    }


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(
        prog="benchmarks/run.py",
        description="Time claimtrack against json, cattrs and prov.",
    )
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=[1000, 10000, 100000], metavar="N"
    )
    parser.add_argument("--repeats", type=int, default=5, metavar="R")
    parser.add_argument("--output", type=Path, default=Path("results.json"))
    parser.add_argument(
        "--skip-baselines", nargs="*", choices=BASELINES, default=[], metavar="NAME"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--no-memory", action="store_true", help="skip the fresh-process memory run"
    )
    parser.add_argument(
        "--clock",
        choices=sorted(_CLOCK),
        default="wall",
        help="the time the table compares (both are always recorded)",
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if any(n < 20 for n in args.sizes):
        parser.error("every size must be at least 20")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark, print the table and write the results file."""
    args = parse_args(argv)
    document = run(
        args.sizes,
        args.repeats,
        args.skip_baselines,
        seed=args.seed,
        memory=not args.no_memory,
        clock=args.clock,
    )
    print(f"times: {args.clock} clock, median of {args.repeats} runs")
    print(format_table(document["table"]))
    args.output.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
