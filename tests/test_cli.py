"""Tests for the command line, through `run` with in-memory streams."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack.cli import main, parse_args, run

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "enab-baladi-2025-01-24.json"


def call(*argv: str) -> tuple[int, str, str]:
    """Run the command line on *argv*; return exit code, stdout and stderr."""
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run(parse_args(list(argv)), stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def small_graph(*, retracted: bool = False) -> ct.ClaimGraph:
    """Return a two-hop graph: an outlet relaying an anonymous official."""
    b = ct.GraphBuilder()
    gov = b.source("gov", "The Government", kind="government")
    official = b.source(
        "official",
        "An official",
        anonymous=True,
        descriptor="a senior official",
        affiliation=gov,
    )
    outlet = b.source("outlet", "The Outlet", kind="news_outlet")
    report = b.document(
        "report",
        publisher=outlet,
        published="2025-01-24",
        retracted="2025-01-25" if retracted else None,
    )
    claim = b.claim("c1", "The thing happened.", language="en", about=[gov])
    b.attribute(claim, source=official, document=report, said="2025-01-23")
    return b.build()


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    """A claim file holding `small_graph`."""
    path = tmp_path / "small.json"
    ct.dump(small_graph(), path)
    return path


# --- check ------------------------------------------------------------------


def test_check_seed_prints_findings_and_passes() -> None:
    """The README's command prints the seed's warnings and exits 0 (no errors)."""
    code, out, err = call("check", str(SEED))
    assert (0, "") == (code, err)
    assert f"{SEED}: CT301 warning [claim:averted-thanks-to-us-warnings" in out
    assert out.endswith(".\n")
    assert "Found " in out.splitlines()[-1]


def test_check_severity_threshold_sets_exit_code(graph_file: Path) -> None:
    """Warnings fail the run only when the threshold is lowered to them."""
    assert 0 == call("check", str(graph_file))[0]
    assert 1 == call("check", str(graph_file), "--severity", "warning")[0]


def test_check_select_and_ignore(graph_file: Path) -> None:
    """--select and --ignore take codes and prefixes, comma-separated or repeated."""
    _, out, _ = call("check", str(graph_file), "--select", "CT301")
    codes = {line.split()[1] for line in out.splitlines() if ": CT" in line}
    assert {"CT301"} == codes
    _, out, _ = call("check", str(graph_file), "--ignore", "CT3,CT1", "--ignore=CT2")
    assert not [line for line in out.splitlines() if ": CT3" in line]


def test_check_unknown_code_is_usage_error(graph_file: Path) -> None:
    """A code that names no rule is a usage error, exit 2, on stderr."""
    code, out, err = call("check", str(graph_file), "--select", "CT999")
    assert (2, "") == (code, out)
    assert "CT999" in err


def test_check_json_format_is_documented_shape(graph_file: Path) -> None:
    """--format json prints one object: version, findings, statistics."""
    code, out, _ = call("check", str(graph_file), "--format", "json")
    document = json.loads(out)
    assert 0 == code
    assert {"version", "findings", "statistics", "failing_severity"} == set(document)
    first = document["findings"][0]
    expected_keys = {"path", "code", "severity", "message", "records", "hint"}
    assert expected_keys == set(first)
    assert str(graph_file) == first["path"]
    counts = {f["code"] for f in document["findings"]}
    assert counts == set(document["statistics"])


def test_check_github_format_escapes(tmp_path: Path) -> None:
    """--format github writes one annotation per finding, newlines escaped."""
    b = ct.GraphBuilder()
    b.claim("c1", "no one said\nthis", language="en")
    path = tmp_path / "a,b.json"
    ct.dump(b.build(), path)
    _, out, _ = call("check", str(path), "--format", "github")
    lines = out.splitlines()
    assert lines
    assert all(
        line.startswith(("::error ", "::warning ", "::notice ")) for line in lines
    )
    assert "file=" + str(path).replace(",", "%2C") in lines[0]


def test_check_statistics(graph_file: Path) -> None:
    """--statistics adds a count per code with the rule's summary."""
    _, out, _ = call("check", str(graph_file), "--statistics")
    assert any(line.split()[:2] == ["1", "CT301"] for line in out.splitlines())


def test_check_explain() -> None:
    """--explain prints a rule's explanation; an unknown code is exit 2."""
    code, out, _ = call("check", "--explain", "CT302")
    assert 0 == code
    assert out.startswith("## CT302")
    assert 2 == call("check", "--explain", "CT000")[0]


def test_check_without_paths_is_usage_error() -> None:
    """`check` needs a PATH unless it is explaining a rule."""
    code, _, err = call("check")
    assert 2 == code
    assert "PATH" in err


def test_check_directory_merges_files_and_names_each(tmp_path: Path) -> None:
    """A directory's claim files are checked as one graph, findings naming files."""
    graph = small_graph()
    first = ct.ClaimGraph.of(
        r for r in graph if r.TYPE in {"source", "document", "claim"}
    )
    second = ct.ClaimGraph.of(r for r in graph if r.TYPE == "attribution")
    (tmp_path / "sub").mkdir()
    ct.dump(first, tmp_path / "a.json")
    ct.dump(second, tmp_path / "sub" / "b.json")
    code, out, err = call("check", str(tmp_path), "--format", "json")
    assert (0, "") == (code, err)
    findings = json.loads(out)["findings"]
    assert not [f for f in findings if f["code"] == "CT101"]
    assert {str(tmp_path / "a.json")} <= {f["path"] for f in findings}


def test_check_reports_every_load_problem_and_exits_2(tmp_path: Path) -> None:
    """An unreadable file gets one line per problem on stderr and exit 2."""
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"claimtrack": 1, "claims": [{"id": "c", "text": 1, "language": "en",'
        ' "kind": "rumour"}]}',
        encoding="utf-8",
    )
    code, _, err = call("check", str(bad))
    assert 2 == code
    assert f"{bad}: $.claims[0].text:" in err
    assert f"{bad}: $.claims[0].kind:" in err
    assert "Traceback" not in err


def test_check_missing_file_is_exit_2(tmp_path: Path) -> None:
    """A path that does not exist is one clear line and exit 2."""
    code, _, err = call("check", str(tmp_path / "nope.json"))
    assert 2 == code
    assert "no such file or directory" in err


def test_text_output_escapes_control_characters(tmp_path: Path) -> None:
    """A claim id or text cannot smuggle terminal escapes into the output."""
    b = ct.GraphBuilder()
    b.source("s", "Evil\x1b[2J name", anonymous=True)
    path = tmp_path / "evil.json"
    ct.dump(b.build(), path)
    _, out, _ = call("check", str(path))
    assert "\x1b" not in out


# --- show -------------------------------------------------------------------


def test_show_draws_both_origin_groups() -> None:
    """`show` prints the claim, its translation, and both origin groups' trees."""
    code, out, _ = call("show", str(SEED), "sayyida-zaynab-foiled")
    assert 0 == code
    assert "السلطات نجحت بإحباط" in out
    assert "en: The authorities succeeded" in out
    assert "2 independent origin groups" in out
    assert "origin group syrian-government" in out
    assert "origin group us-government" in out
    assert "└─ The Washington Post relays" in out
    assert "refines shrine-plot-foiled" in out


def test_show_unknown_claim_is_exit_2() -> None:
    """Asking for a claim that is not there is a usage error."""
    code, _, err = call("show", str(SEED), "no-such-claim")
    assert 2 == code
    assert "no-such-claim" in err


def test_show_marks_retraction(tmp_path: Path) -> None:
    """A retracted hop is flagged in the tree."""
    b = ct.GraphBuilder()
    s = b.source("s", "Someone")
    d = b.document("d", publisher=s)
    c = b.claim("c", "x", language="en")
    b.attribute(c, source=s, document=d, retracted="2025-02-01")
    path = tmp_path / "r.json"
    ct.dump(b.build(), path)
    _, out, _ = call("show", str(path), "c")
    assert "RETRACTED 2025-02-01" in out


# --- assess -----------------------------------------------------------------


def test_assess_table_lists_every_claim() -> None:
    """`assess` without claims prints one row per claim."""
    code, out, _ = call("assess", str(SEED))
    graph = ct.load(SEED)
    assert 0 == code
    assert len(graph.claims) + 1 == len(out.splitlines())


def test_assess_one_claim_explains() -> None:
    """`assess` with one claim prints the full explanation."""
    code, out, _ = call("assess", str(SEED), "sayyida-zaynab-foiled")
    assert 0 == code
    assert "origin groups: 2 for, 0 against" in out


def test_assess_json() -> None:
    """`assess` --format json prints the claims asked for, under the policy."""
    code, out, _ = call("assess", str(SEED), "us-shared-intel", "--format", "json")
    document = json.loads(out)
    assert 0 == code
    assert ["us-shared-intel"] == list(document["claims"])


def test_assess_policy_file_errors(tmp_path: Path) -> None:
    """A bad policy file is exit 2 with its path; a good one changes P."""
    bad = tmp_path / "policy.json"
    bad.write_text('{"no_such_setting": 1}', encoding="utf-8")
    code, _, err = call("assess", str(SEED), "--policy", str(bad))
    assert 2 == code
    assert str(bad) in err
    code, _, err = call("assess", str(SEED), "--policy", str(tmp_path / "missing"))
    assert 2 == code
    assert "cannot read" in err


def test_assess_unknown_claim(graph_file: Path) -> None:
    """`assess` names the claim ids it could not find."""
    code, _, err = call("assess", str(graph_file), "zzz")
    assert 2 == code
    assert "'zzz'" in err


# --- export -----------------------------------------------------------------


def test_export_to_stdout_and_file(tmp_path: Path, graph_file: Path) -> None:
    """`export` writes to stdout, or atomically to -o with a note on stderr."""
    code, out, _ = call("export", str(graph_file), "--to", "prov-json")
    assert 0 == code
    assert "prefix" in json.loads(out)
    target = tmp_path / "out.dot"
    code, out, err = call("export", str(graph_file), "--to", "dot", "-o", str(target))
    assert (0, "") == (code, out)
    assert target.read_text(encoding="utf-8").startswith("digraph")
    assert "wrote dot" in err


def test_export_findings_csv(graph_file: Path) -> None:
    """The findings table comes from the checks."""
    code, out, _ = call("export", str(graph_file), "--to", "csv-findings")
    assert 0 == code
    assert "CT301" in out


def test_export_claim_option(graph_file: Path) -> None:
    """--claim draws one claim; it is refused for formats that are not diagrams."""
    assert 0 == call("export", str(graph_file), "--to", "mermaid", "--claim", "c1")[0]
    code, _, err = call(
        "export", str(graph_file), "--to", "csv-claims", "--claim", "c1"
    )
    assert 2 == code
    assert "--claim" in err
    assert 2 == call("export", str(graph_file), "--to", "dot", "--claim", "zz")[0]


# --- fmt --------------------------------------------------------------------


def test_fmt_check_diff_and_rewrite(graph_file: Path) -> None:
    """`fmt` --check and --diff report a non-canonical file; fmt rewrites it."""
    canonical = graph_file.read_text(encoding="utf-8")
    compact = json.dumps(json.loads(canonical), ensure_ascii=True)
    graph_file.write_text(compact, encoding="utf-8")
    graph_file.chmod(0o640)
    assert (1, f"{graph_file}: not in canonical form\n", "") == call(
        "fmt", "--check", str(graph_file)
    )
    code, out, _ = call("fmt", "--diff", str(graph_file))
    assert 1 == code
    assert out.startswith(f"--- {graph_file}")
    assert compact == graph_file.read_text(encoding="utf-8")
    assert (0, f"{graph_file}: reformatted\n", "") == call("fmt", str(graph_file))
    assert canonical == graph_file.read_text(encoding="utf-8")
    assert 0o640 == graph_file.stat().st_mode & 0o777
    assert (0, "", "") == call("fmt", "--check", str(graph_file))


def test_fmt_leaves_broken_files_alone(tmp_path: Path) -> None:
    """A file that does not load is reported and never rewritten."""
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = call("fmt", str(bad))
    assert 2 == code
    assert "not valid JSON" in err
    assert "{not json" == bad.read_text(encoding="utf-8")
    assert [bad] == list(tmp_path.iterdir())


# --- schema, help, version ----------------------------------------------------


def test_schema_validates_seed() -> None:
    """The printed schema validates the seed file."""
    jsonschema = pytest.importorskip("jsonschema")
    code, out, _ = call("schema")
    assert 0 == code
    jsonschema.validate(json.loads(SEED.read_text(encoding="utf-8")), json.loads(out))


@pytest.mark.parametrize(
    "command", ["check", "show", "assess", "export", "fmt", "schema"]
)
def test_every_command_help_has_an_example(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each command's --help ends with at least one example."""
    with pytest.raises(SystemExit) as exit_info:
        parse_args([command, "--help"])
    assert 0 == exit_info.value.code
    assert "examples:\n  claimtrack " + command in capsys.readouterr().out


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown option is argparse's usage error, exit 2."""
    with pytest.raises(SystemExit) as exit_info:
        parse_args(["check", "--no-such-option"])
    assert 2 == exit_info.value.code
    assert "usage:" in capsys.readouterr().err


# --- the installed console script ---------------------------------------------


def _console_script() -> str:
    found = shutil.which("claimtrack", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.skip("the claimtrack console script is not installed beside Python")
    return found


def test_console_script_runs_readme_command() -> None:
    """The installed script checks the seed exactly as the README says."""
    result = subprocess.run(  # noqa: S603 - our own console script
        [_console_script(), "check", str(SEED)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=ROOT,
    )
    assert (0, "") == (result.returncode, result.stderr)
    assert "CT301" in result.stdout


def test_python_m_and_bad_input_never_trace(tmp_path: Path) -> None:
    """`python -m claimtrack` on garbage exits 2 without a traceback."""
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe not utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(  # noqa: S603 - the interpreter running the tests
        [sys.executable, "-m", "claimtrack", "check", str(bad)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env=env,
    )
    assert 2 == result.returncode
    assert "Traceback" not in result.stderr
    assert "not UTF-8" in result.stderr


def test_assess_with_the_seed_grades_ranks_the_foiling_above_the_credit() -> None:
    """With the seed's analyst grades, two origin groups beat one interested one."""
    policy = ROOT / "seeds" / "enab-baladi-2025-01-24.policy.json"
    code, out, _ = call("assess", str(SEED), "--policy", str(policy))
    rows = {line.split()[0]: float(line.split()[1]) for line in out.splitlines()[1:]}
    assert 0 == code
    assert rows["averted-thanks-to-us-warnings"] < rows["sayyida-zaynab-foiled"]


def test_directories_skip_policy_files(tmp_path: Path, graph_file: Path) -> None:
    """A *.policy.json beside claim files is not read as a claim file."""
    shutil.copy(graph_file, tmp_path / "claims.json")
    (tmp_path / "analyst.policy.json").write_text('{"grades": {}}', encoding="utf-8")
    code, _, err = call("check", str(tmp_path))
    assert (0, "") == (code, err)


def test_multi_line_errors_keep_their_lines(tmp_path: Path) -> None:
    """A policy error listing several problems prints one problem per line."""
    bad = tmp_path / "bad.policy.json"
    bad.write_text('{"anonymity": 7, "nope": 1}', encoding="utf-8")
    code, _, err = call("assess", str(SEED), "--policy", str(bad))
    assert 2 == code
    assert "\\x0a" not in err
    assert 3 <= len(err.splitlines())


def test_broken_pipe_exits_quietly(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the reader of the output goes away, main exits 1 without a traceback."""

    class ClosedPipe(io.StringIO):
        def __init__(self, descriptor: int) -> None:
            super().__init__()
            self.descriptor = descriptor

        def write(self, _: str) -> int:
            raise BrokenPipeError

        def fileno(self) -> int:
            return self.descriptor

    with (tmp_path / "stdout").open("w", encoding="utf-8") as sink:
        monkeypatch.setattr(sys, "stdout", ClosedPipe(sink.fileno()))
        monkeypatch.setattr(sys, "argv", ["claimtrack", "check", str(SEED)])
        with pytest.raises(SystemExit) as exit_info:
            main()
    assert 1 == exit_info.value.code
    assert "" == capsys.readouterr().err


def test_a_corpus_of_a_thousand_files_reads_each_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check` on a folder of 1,000 claim files reads each file exactly once."""
    for n in range(1000):
        b = ct.GraphBuilder()
        outlet = b.source(f"outlet-{n}", f"Outlet {n}", kind="news_outlet")
        claim = b.claim(f"claim-{n}", f"Claim {n}.", language="en")
        b.attribute(
            claim, source=outlet, document=b.document(f"d-{n}", publisher=outlet)
        )
        ct.dump(b.build(), tmp_path / f"article-{n:04d}.json")
    reads: list[Path] = []
    read_bytes = Path.read_bytes

    def counting(self: Path) -> bytes:
        reads.append(self)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    code, out, err = call("check", str(tmp_path), "--format", "json")
    assert (0, "") == (code, err)
    assert 1000 == len(reads) == len(set(reads))
    paths = {finding["path"] for finding in json.loads(out)["findings"]}
    assert 1000 == len(paths)
