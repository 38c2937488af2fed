"""Pathological graphs: deep chains, loops, huge text, one party, name or id for all.

Each graph is pushed through everything that reads a graph: `check`, `assess`,
every exporter, `dumps` and `loads`, and the command line's check, show,
assess and export. Nothing may recurse on the depth of a chain (the default
run uses chains several times deeper than Python's recursion limit; the
``slow`` run uses 100,000 hops), and the problems in the graph come out as
findings. Times are printed (``pytest -s``), never asserted; the reliability
page in the docs lists the figures.
"""

from __future__ import annotations

import io
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from claimtrack.checks import check
from claimtrack.cli import parse_args, run
from claimtrack.confidence import assess
from claimtrack.exports import FORMATS, MissingExtraError
from claimtrack.graph import ClaimGraph
from claimtrack.records import Attribution, Claim, Document, Source
from claimtrack.serialize import dumps, loads

# Deep enough that anything recursing once per hop overflows Python's stack.
DEEP = 3 * sys.getrecursionlimit()
FULL = 100_000
ONE_MB = 1024 * 1024
TEN_MB = 10 * ONE_MB


@pytest.fixture(autouse=True)
def at_length(request: pytest.FixtureRequest) -> None:
    """Skip a ``slow`` case unless the run selects them (``pytest -m slow``)."""
    if request.node.get_closest_marker("slow") is None:
        return
    selected = str(request.config.getoption("markexpr", ""))
    if "slow" not in selected or "not slow" in selected:
        pytest.skip("a long run; select it with: pytest -m slow")


@contextmanager
def timed(label: str) -> Iterator[None]:
    """Print how long the block took; the figure is for people, not asserts."""
    start = time.perf_counter()
    yield
    print(f"{label}: {time.perf_counter() - start:.2f} s")  # noqa: T201


def _basics() -> list[Source | Document | Claim]:
    return [
        Source(id="outlet", name="The Outlet", kind="news_outlet"),
        Document(id="report", publisher="outlet", title="The report"),
        Claim(id="c", text="The thing happened.", language="en"),
    ]


def relay_chain(n: int) -> ClaimGraph:
    """One claim relayed *n* hops deep, each hop relaying the one before."""
    hops = [Attribution(id="a0", claim="c", source="outlet", document="report")]
    hops.extend(
        Attribution(
            id=f"a{i}", claim="c", source="outlet", document="report", via=f"a{i - 1}"
        )
        for i in range(1, n)
    )
    return ClaimGraph.of([*_basics(), *hops])


def relay_cycle(n: int) -> ClaimGraph:
    """*n* attributions each relaying the next, the last relaying the first."""
    hops = [
        Attribution(
            id=f"a{i}",
            claim="c",
            source="outlet",
            document="report",
            via=f"a{(i + 1) % n}",
        )
        for i in range(n)
    ]
    return ClaimGraph.of([*_basics(), *hops])


def affiliation_chain(n: int) -> ClaimGraph:
    """A source *n* affiliations below the party the claim is about."""
    sources = [Source(id="s0", name="The Party", kind="government")]
    sources.extend(
        Source(id=f"s{i}", name=f"Office {i}", affiliation=f"s{i - 1}")
        for i in range(1, n)
    )
    return ClaimGraph.of(
        [
            *sources,
            Document(id="report"),
            Claim(id="c", text="The party did well.", language="en", about=["s0"]),
            Attribution(id="a", claim="c", source=f"s{n - 1}", document="report"),
        ]
    )


def affiliation_cycle(n: int) -> ClaimGraph:
    """*n* sources each affiliated with the next, the last with the first."""
    sources = [
        Source(id=f"s{i}", name=f"Office {i}", affiliation=f"s{(i + 1) % n}")
        for i in range(n)
    ]
    return ClaimGraph.of(
        [
            *sources,
            Document(id="report"),
            Claim(id="c", text="The offices agree.", language="en"),
            Attribution(id="a", claim="c", source="s0", document="report"),
        ]
    )


def self_affiliated(_: int) -> ClaimGraph:
    """A source affiliated with itself, and a claim about it."""
    return ClaimGraph.of(
        [
            Source(id="s", name="Itself", affiliation="s"),
            Document(id="report"),
            Claim(id="c", text="It is fine.", language="en", about=["s"]),
            Attribution(id="a", claim="c", source="s", document="report"),
        ]
    )


def huge_text(size: int) -> ClaimGraph:
    """A claim whose text is *size* characters of Arabic with harakat."""
    text = ("قَالَ مـسؤول " * (size // 13 + 1))[:size]
    return ClaimGraph.of(
        [
            Source(id="s", name="S"),
            Document(id="report", title=text[:1000]),
            Claim(id="c", text=text, language="ar"),
            Attribution(id="a", claim="c", source="s", document="report", quote=text),
        ]
    )


def one_party(n: int) -> ClaimGraph:
    """*n* claims, all about one party and each told by someone it employs."""
    records: list[Source | Document | Claim | Attribution] = [
        Source(id="party", name="The Party", kind="government"),
        Source(id="spokesman", name="The Spokesman", affiliation="party"),
        Document(id="report"),
    ]
    for i in range(n):
        records.append(
            Claim(id=f"c{i}", text=f"Claim {i}.", language="en", about=["party"])
        )
        records.append(
            Attribution(
                id=f"a{i}", claim=f"c{i}", source="spokesman", document="report"
            )
        )
    return ClaimGraph.of(records)


def one_name(n: int) -> ClaimGraph:
    """*n* sources that are one agency under *n* ids, each the origin of a claim."""
    records: list[Source | Document | Claim | Attribution] = [Document(id="report")]
    for i in range(n):
        name = "The Syrian Arab News Agency" if i % 2 else "Syrian Arab News Agency"
        alias = "الوكالة العربية السورية للأنباء"
        records += [
            Source(id=f"s{i}", name=name, aliases=[alias]),
            Claim(id=f"c{i}", text=f"Claim {i}.", language="en"),
            Attribution(id=f"a{i}", claim=f"c{i}", source=f"s{i}", document="report"),
        ]
    return ClaimGraph.of(records)


def one_id(n: int) -> ClaimGraph:
    """*n* different sources and *n* different attributions, each under one id."""
    records: list[Source | Document | Claim | Attribution] = [
        Document(id="report"),
        Claim(id="c", text="Claim.", language="en"),
    ]
    for i in range(n):
        records += [
            Source(id="s", name=f"Source {i}"),
            Attribution(
                id="a", claim="c", source="s", document="report", note=f"copy {i}"
            ),
        ]
    return ClaimGraph.of(records)


# name: (builder, default size, full size, a claim to show, codes that must appear)
CASES: dict[str, tuple[Callable[[int], ClaimGraph], int, int, str, set[str]]] = {
    "relay-chain": (relay_chain, DEEP, FULL, "c", {"CT302"}),
    "relay-cycle": (relay_cycle, DEEP, FULL, "c", {"CT103"}),
    "affiliation-chain": (affiliation_chain, DEEP, FULL, "c", {"CT304"}),
    "affiliation-cycle": (affiliation_cycle, DEEP, FULL, "c", {"CT103"}),
    "self-affiliated": (self_affiliated, 1, 1, "c", {"CT103", "CT304"}),
    "huge-claim-text": (huge_text, ONE_MB, TEN_MB, "c", {"CT302"}),
    "one-party": (one_party, 1_000, FULL, "c0", {"CT304"}),
    "one-name": (one_name, 1_000, FULL, "c0", {"CT308"}),
    "one-id": (one_id, 1_000, FULL, "c", {"CT102"}),
}


def _params(full: bool) -> list[object]:
    marks = [pytest.mark.slow] if full else []
    return [
        pytest.param(name, full, id=f"{name}-{'full' if full else 'deep'}", marks=marks)
        for name, (_, default, size, _, _) in CASES.items()
        if not full or size != default
    ]


CASE_PARAMS = _params(full=False) + _params(full=True)

_GRAPHS: dict[tuple[str, bool], ClaimGraph] = {}


def graph_for(name: str, full: bool) -> ClaimGraph:
    """Build the named pathological graph once per run and size."""
    key = (name, full)
    if key not in _GRAPHS:
        build, default, size, _, _ = CASES[name]
        _GRAPHS.clear()  # at full size, one graph at a time is memory enough
        with timed(f"{name}: build"):
            _GRAPHS[key] = build(size if full else default)
    return _GRAPHS[key]


@pytest.mark.parametrize(("name", "full"), CASE_PARAMS)
def test_check_reports_the_problems(name: str, full: bool) -> None:
    """Checks finish on every pathological graph and name its problems."""
    graph = graph_for(name, full)
    with timed(f"{name}: check"):
        findings = check(graph)
    expected = CASES[name][4]
    assert expected == expected & {finding.code for finding in findings}


@pytest.mark.parametrize(("name", "full"), CASE_PARAMS)
def test_assess_finishes(name: str, full: bool) -> None:
    """Assessment gives every claim a result, whatever the depth or loops."""
    graph = graph_for(name, full)
    with timed(f"{name}: assess"):
        results = assess(graph)
    assert sorted(graph.claim_index) == sorted(results)


@pytest.mark.parametrize(("name", "full"), CASE_PARAMS)
def test_round_trip(name: str, full: bool) -> None:
    """The canonical text of every pathological graph reads back equal."""
    graph = graph_for(name, full)
    with timed(f"{name}: dumps"):
        text = dumps(graph)
    with timed(f"{name}: loads"):
        again = loads(text)
    assert graph == again


@pytest.mark.parametrize("exporter", sorted(FORMATS))
@pytest.mark.parametrize(("name", "full"), CASE_PARAMS)
def test_exporters_finish(name: str, full: bool, exporter: str) -> None:
    """Every export format renders every pathological graph."""
    graph = graph_for(name, full)
    try:
        with timed(f"{name}: export {exporter}"):
            text = FORMATS[exporter].render(graph)
    except MissingExtraError as error:
        pytest.skip(str(error))
    assert text


def _cli(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with timed(f"claimtrack {argv[0]}"):
        code = run(parse_args(list(argv)), stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.mark.parametrize(("name", "full"), CASE_PARAMS)
def test_command_line_finishes(name: str, full: bool, tmp_path: Path) -> None:
    """The command line checks, shows, assesses and exports each graph."""
    graph = graph_for(name, full)
    path = tmp_path / "graph.json"
    path.write_text(dumps(graph), encoding="utf-8")
    code, out, err = _cli("check", str(path))
    assert "" == err
    for expected in CASES[name][4]:
        assert expected in out
    claim = CASES[name][3]
    code, out, err = _cli("show", str(path), claim)
    assert (0, "") == (code, err)
    # Indentation is capped, so the tree grows with the hops, not their square.
    assert len(out) < 400 * len(graph) + 4 * TEN_MB
    code, out, err = _cli("assess", str(path))
    assert (0, "") == (code, err)
    code, out, err = _cli("export", str(path), "--to", "dot", "-o", str(tmp_path / "g"))
    assert (0, "") == (code, out)
    assert (tmp_path / "g").read_text(encoding="utf-8").startswith("digraph")
