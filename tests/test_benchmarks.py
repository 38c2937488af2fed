"""The benchmark suite keeps working: a small corpus, one repeat, every key.

Nothing here measures speed; these tests only prove that the generator is
deterministic and realistic and that the runner produces a complete results file.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import claimtrack

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _module(name: str) -> ModuleType:
    path = BENCHMARKS / f"{name.removeprefix('benchmark_')}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    """The corpus generator, imported from its file."""
    return _module("benchmark_corpus")


def test_same_seed_same_corpus(corpus: Any) -> None:
    """Two corpora from the same size and seed have byte-identical text."""
    first = corpus.build_corpus(200, seed=7)
    second = corpus.build_corpus(200, seed=7)
    assert first.text == second.text


def test_other_seed_other_corpus(corpus: Any) -> None:
    """A different seed gives a different corpus of the same shape."""
    first = corpus.build_corpus(200, seed=7)
    second = corpus.build_corpus(200, seed=8)
    assert first.text != second.text
    assert first.counts == second.counts


def test_merged_halves_are_the_corpus(corpus: Any) -> None:
    """The graphs the merge is timed on overlap, and merge back into the corpus."""
    generated = corpus.build_corpus(200, seed=7)
    first, second = _module("benchmark_run")._halves(generated.graph)
    shared = set(first) & set(second)
    assert shared
    assert len(first) + len(second) - len(shared) == len(generated.graph)
    assert first.merge(second) == generated.graph


def test_corpus_has_the_shape_of_the_workload(corpus: Any) -> None:
    """Counts, relays, chains, anonymity, Arabic and claim lengths are as specified."""
    generated = corpus.build_corpus(1000)
    graph = generated.graph
    expected = {
        "sources": 100,
        "documents": 50,
        "claims": 1000,
        "attributions": 1500,
        "relations": 50,
        "assessments": 20,
    }
    assert expected == generated.counts
    relays = sum(a.via is not None for a in graph.attributions)
    assert relays == 300
    assert all(
        graph.attribution(a.via).claim == a.claim
        for a in graph.attributions
        if a.via is not None
    )
    assert generated.longest_chain >= 5
    assert generated.max_affiliation_depth == 3
    assert graph.affiliation_cycles() == ()
    assert graph.relay_cycles() == ()
    assert sum(s.anonymous for s in graph.sources) == 10
    arabic = sum(c.language == "ar" for c in graph.claims)
    assert 150 <= arabic <= 350
    assert all(80 <= len(c.text) <= 200 for c in graph.claims)
    dates = [a.said for a in graph.attributions if a.said is not None]
    assert any(d.is_interval for d in dates)
    assert any(d.weekday is not None for d in dates)
    assert any(not d.is_exact and not d.is_interval for d in dates)


def test_corpus_text_is_canonical(corpus: Any) -> None:
    """The text loads back to the same graph and dumps to the same text."""
    generated = corpus.build_corpus(200)
    assert generated.graph == claimtrack.loads(generated.text)
    assert generated.text == claimtrack.dumps(claimtrack.loads(generated.text))


def test_runner_writes_every_expected_key(tmp_path: Path) -> None:
    """A run at N=200 with one repeat writes a results file with every key."""
    output = tmp_path / "results.json"
    completed = subprocess.run(  # noqa: S603 - the benchmark, run as users run it
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            "--sizes",
            "200",
            "--repeats",
            "1",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    assert "loads" in completed.stdout
    document = json.loads(output.read_text(encoding="utf-8"))
    assert {"environment", "results", "table"} <= document.keys()
    environment = document["environment"]
    assert {
        "python",
        "platform",
        "commit",
        "timestamp",
        "sizes",
        "repeats",
        "seed",
        "memory_method",
    } <= environment.keys()
    result = document["results"]["200"]
    assert {"corpus", "timings", "memory"} <= result.keys()
    timings = result["timings"]
    for operation in (
        "loads",
        "loads+indexes",
        "dumps",
        "check",
        "assess",
        "assess+explain",
        "merge",
        "json.loads",
        "json.dumps",
        "orjson.loads",
        "orjson.dumps",
        "cattrs.loads",
        "cattrs.dumps",
        "prov.build",
        "prov.serialize",
        "prov.deserialize",
        "round trip",
        "prov round trip",
    ):
        assert operation in timings
        entry = timings[operation]
        assert entry["status"] in {"ok", "unavailable", "skipped", "error"}
        if entry["status"] == "ok":
            assert entry["median"] >= 0
            assert entry["cpu_median"] >= 0
    for operation in ("loads", "dumps", "json.loads", "json.dumps", "cattrs.loads"):
        assert timings[operation]["status"] == "ok"
    memory = result["memory"]
    assert memory["status"] == "ok", memory
    assert {"file_bytes", "net_peak_bytes", "ratio_to_file"} <= memory.keys()
    operations = {row["operation"] for row in document["table"]}
    expected = {"loads", "dumps", "check", "assess", "assess+explain", "merge"}
    assert expected <= operations
    assert "peak memory" in operations


def test_runner_skips_baselines_on_request(tmp_path: Path) -> None:
    """Skipped baselines are recorded as skipped, not left out or failed."""
    output = tmp_path / "results.json"
    completed = subprocess.run(  # noqa: S603 - the benchmark, run as users run it
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            "--sizes",
            "200",
            "--repeats",
            "1",
            "--no-memory",
            "--skip-baselines",
            "prov",
            "cattrs",
            "orjson",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    timings = json.loads(output.read_text(encoding="utf-8"))["results"]["200"][
        "timings"
    ]
    assert timings["prov.deserialize"]["status"] == "skipped"
    assert timings["cattrs.loads"]["status"] == "skipped"
    assert timings["orjson.dumps"]["status"] == "skipped"
    assert timings["json.loads"]["status"] == "ok"
