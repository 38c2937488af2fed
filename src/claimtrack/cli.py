"""The ``claimtrack`` command line.

Only this module touches argv, the standard streams and exit codes. Results go
to stdout and diagnostics to stderr. Exit codes:

- 0: nothing at or above the failing severity (or, for ``fmt --check``, every
  file is canonical);
- 1: findings at or above the failing severity (files that are not canonical);
- 2: usage errors, and files that are missing or cannot be read as claim graphs.

A directory stands for the ``*.json`` claim files under it, except
``*.policy.json`` files, which hold confidence policies. When the reader of the
output goes away (``claimtrack check claims/ | head``), the command stops
quietly with exit code 1.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import json
import operator
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__ as _version
from ._memo import Memo
from .checks import Finding, RuleError, Severity, check, default_rules, explain
from .confidence import ClaimConfidence, Policy, PolicyError, assess, to_dict
from .confidence import explain as explain_confidence
from .errors import LoadError
from .exports import (
    FORMATS,
    MissingExtraError,
    UnknownClaimError,
    to_dot,
    to_mermaid,
)
from .graph import ClaimGraph
from .records import RECORD_TYPES
from .serialize import dumps, json_schema, loads, write_text_atomically
from .terminal import colour, safe, wants_colour

__all__ = ["main", "parse_args", "run"]


def __dir__() -> list[str]:
    return list(__all__)


_SEED = "seeds/enab-baladi-2025-01-24.json"


class _UsageError(Exception):
    """A problem with the command line or its inputs; exit code 2."""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    pass


def _add_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: str,
    examples: Sequence[str],
) -> argparse.ArgumentParser:
    epilog = "examples:\n" + "\n".join(f"  {example}" for example in examples)
    return commands.add_parser(
        name,
        help=summary,
        description=summary[0].upper() + summary[1:] + ".",
        epilog=epilog,
        formatter_class=_HelpFormatter,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description=(
            "Check and explore claim graphs: who said what, through whom, "
            "and how sure to be."
        ),
        epilog=(
            "examples:\n"
            f"  claimtrack check {_SEED}\n"
            f"  claimtrack show {_SEED} sayyida-zaynab-foiled\n"
            "  claimtrack fmt --check claims/\n"
            "\n"
            "Run 'claimtrack COMMAND --help' for each command's options."
        ),
        formatter_class=_HelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = _add_command(
        commands,
        "check",
        "load claim files and report what is wrong or weak in them",
        [
            f"claimtrack check {_SEED}",
            "claimtrack check claims/ --select CT3 --ignore CT305",
            "claimtrack check claims/ --severity warning --format github",
            "claimtrack check --explain CT302",
        ],
    )
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="claim files, or directories to search for *.json claim files",
    )
    check.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="run only these rules: codes or prefixes, comma-separated (CT3,CT101)",
    )
    check.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        help="skip these rules: codes or prefixes, comma-separated",
    )
    check.add_argument(
        "--severity",
        choices=[s.value for s in Severity],
        default=Severity.ERROR.value,
        help="exit 1 if any finding is at or above this severity (default: error)",
    )
    check.add_argument(
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="text for people, json for scripts, github for workflow annotations",
    )
    check.add_argument(
        "--statistics", action="store_true", help="count the findings by code"
    )
    check.add_argument(
        "--explain", metavar="CODE", help="print the explanation of a rule and exit"
    )

    show = _add_command(
        commands,
        "show",
        "show a claim, its translations and its attribution tree",
        [f"claimtrack show {_SEED} sayyida-zaynab-foiled"],
    )
    show.add_argument("path", metavar="PATH", help="a claim file or directory")
    show.add_argument("claim", metavar="CLAIM", help="the id of the claim")

    fmt = _add_command(
        commands,
        "fmt",
        "rewrite claim files in canonical form",
        [
            "claimtrack fmt claims/",
            "claimtrack fmt --check claims/",
            "claimtrack fmt --diff claims/article.json",
        ],
    )
    fmt.add_argument(
        "paths", nargs="+", metavar="PATH", help="claim files or directories"
    )
    mode = fmt.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="only report files that are not canonical (exit 1 if any)",
    )
    mode.add_argument(
        "--diff",
        action="store_true",
        help="print what would change, without writing (exit 1 if anything would)",
    )

    assess = _add_command(
        commands,
        "assess",
        "compute how much to believe each claim, and show why",
        [
            f"claimtrack assess {_SEED}",
            f"claimtrack assess {_SEED} sayyida-zaynab-foiled",
            "claimtrack assess claims/ --format json --policy policy.json",
        ],
    )
    assess.add_argument("path", metavar="PATH", help="a claim file or directory")
    assess.add_argument(
        "claims",
        nargs="*",
        metavar="CLAIM",
        help="claim ids (all claims when none; the full explanation for one)",
    )
    assess.add_argument("--format", choices=["text", "json"], default="text")
    assess.add_argument(
        "--policy", metavar="FILE", help="a JSON file of policy values to override"
    )

    export = _add_command(
        commands,
        "export",
        "write a claim graph in another format",
        [
            f"claimtrack export {_SEED} --to prov-json -o seed.prov.json",
            f"claimtrack export {_SEED} --to mermaid --claim sayyida-zaynab-foiled",
            f"claimtrack export {_SEED} --to csv-attributions > attributions.csv",
            f"claimtrack export {_SEED} --to report --policy policy.json -o report.md",
        ],
    )
    export.add_argument("path", metavar="PATH", help="a claim file or directory")
    export.add_argument(
        "--to",
        required=True,
        choices=sorted(FORMATS),
        metavar="FORMAT",
        help="one of: " + ", ".join(sorted(FORMATS)),
    )
    export.add_argument(
        "-o", "--output", metavar="OUT", help="write here (atomically), not stdout"
    )
    export.add_argument(
        "--claim", metavar="CLAIM", help="diagrams: draw only this claim's tree"
    )
    export.add_argument(
        "--policy",
        metavar="FILE",
        help="report: a JSON file of confidence policy values to override",
    )

    _add_command(
        commands,
        "schema",
        "print the JSON Schema of the claim file format",
        ["claimtrack schema > claimtrack.schema.json"],
    )
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse command-line arguments (``sys.argv[1:]`` when *argv* is None).

    Raises:
        SystemExit: With code 2 on a usage error, after printing it to stderr,
            as argparse does.
    """
    return _parser().parse_args(argv)


# --- inputs -----------------------------------------------------------------


def _claim_files(paths: Sequence[str]) -> list[Path]:
    """Expand directories into their ``*.json`` files, sorted, each path once."""
    found: dict[Path, None] = {}
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*.json")):
                # Policy files sit beside the claim files they grade.
                if child.is_file() and not child.name.endswith(".policy.json"):
                    found.setdefault(child)
        elif path.exists():
            found.setdefault(path)
        else:
            msg = f"{name}: no such file or directory"
            raise _UsageError(msg)
    return list(found)


def _read_graph(path: Path, stderr: TextIO) -> tuple[str, ClaimGraph] | None:
    """Return a file's text and graph, or report why not on *stderr*."""
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = safe(str(error.strerror or error))
        stderr.write(f"{safe(str(path))}: cannot read: {reason}\n")
        return None
    try:
        graph = loads(data, source=str(path))
    except LoadError as error:
        stderr.writelines(
            f"{safe(str(path))}: {safe(str(problem))}\n" for problem in error.problems
        )
        return None
    # loads has decoded the bytes as UTF-8 without error, so this cannot fail.
    return data.decode("utf-8"), graph


class _Corpus:
    """Claim files loaded once each, merged into one graph, and who came from where."""

    def __init__(self, files: Sequence[Path], stderr: TextIO) -> None:
        self.failed = False
        # The file each record came from, by record type and id; the first
        # file to hold an id keeps it.
        self.origin: dict[str, dict[str, str]] = {cls.TYPE: {} for cls in RECORD_TYPES}
        graphs: list[ClaimGraph] = []
        for path in files:
            read = _read_graph(path, stderr)
            if read is None:
                self.failed = True
                continue
            graph = read[1]
            graphs.append(graph)
            name = str(path)
            # A graph yields its records type by type.
            for record_type, records in itertools.groupby(graph, key=_type_of):
                known = self.origin[record_type]
                if known:
                    for record in records:
                        known.setdefault(record.id, name)
                else:
                    known.update(dict.fromkeys(map(_id_of, records), name))
        self.graph = graphs[0] if len(graphs) == 1 else ClaimGraph().merge(*graphs)

    def locate(self, finding: Finding, fallback: str) -> str:
        """Return the file of the first record a finding names that has one."""
        for ref in finding.records:
            path = self.origin[ref.type].get(ref.id)
            if path is not None:
                return path
        return fallback


_id_of = operator.attrgetter("id")
_type_of = operator.attrgetter("TYPE")


# --- commands ---------------------------------------------------------------


def _codes(values: Sequence[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [code.strip() for value in values for code in value.split(",") if code]


def _check(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if args.explain is not None:
        try:
            stdout.write(explain(args.explain).rstrip("\n") + "\n")
        except RuleError as error:
            raise _UsageError(str(error)) from None
        return 0
    if not args.paths:
        msg = "give at least one PATH (or --explain CODE)"
        raise _UsageError(msg)
    corpus = _Corpus(_claim_files(args.paths), stderr)
    try:
        findings = check(
            corpus.graph, select=_codes(args.select), ignore=_codes(args.ignore)
        )
    except RuleError as error:
        raise _UsageError(str(error)) from None
    located = [(corpus.locate(finding, args.paths[0]), finding) for finding in findings]
    render = {"text": _findings_text, "json": _findings_json, "github": _github}
    render[args.format](located, stdout, args)
    if args.statistics and args.format != "json":
        _statistics(findings, stdout)
    if corpus.failed:
        return 2
    threshold = Severity(args.severity)
    return 1 if any(f.severity >= threshold for f in findings) else 0


_SEVERITY_STYLE = {
    Severity.ERROR: "red",
    Severity.WARNING: "yellow",
    Severity.INFO: "blue",
}


def _findings_text(
    located: Sequence[tuple[str, Finding]], stdout: TextIO, _: argparse.Namespace
) -> None:
    on = wants_colour(stdout)
    # A large graph has a hundred thousand findings of a few codes, files
    # and severities: each is shown once and its text kept.
    levels = {
        severity: colour(severity.value, style, enabled=on)
        for severity, style in _SEVERITY_STYLE.items()
    }
    codes = Memo(lambda code: colour(code, "bold", enabled=on))
    paths = Memo(safe)
    hint = colour("hint:", "dim", enabled=on)
    for path, finding in located:
        where = " ".join(map(str, finding.records))
        stdout.write(
            f"{paths[path]}: {codes[finding.code]} {levels[finding.severity]} "
            f"[{where}] {safe(finding.message)}\n"
        )
        if finding.hint:
            stdout.write(f"    {hint} {safe(finding.hint)}\n")
    counts = Counter(finding.severity for _, finding in located)
    if located:
        parts = [
            f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}"
            for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if counts[s]
        ]
        stdout.write(f"Found {len(located)}: {', '.join(parts)}.\n")
    else:
        stdout.write("No findings.\n")


def _findings_json(
    located: Sequence[tuple[str, Finding]], stdout: TextIO, args: argparse.Namespace
) -> None:
    findings = [
        {
            "path": path,
            "code": finding.code,
            "severity": finding.severity.value,
            "message": finding.message,
            "records": [str(ref) for ref in finding.records],
            "hint": finding.hint,
        }
        for path, finding in located
    ]
    counts = Counter(finding.code for _, finding in located)
    document = {
        "version": 1,
        "findings": findings,
        "statistics": {code: counts[code] for code in sorted(counts)},
        "failing_severity": args.severity,
    }
    stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


_GITHUB_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "notice",
}


def _github(
    located: Sequence[tuple[str, Finding]], stdout: TextIO, _: argparse.Namespace
) -> None:
    for path, finding in located:
        where = " ".join(str(ref) for ref in finding.records)
        message = f"[{where}] {finding.message}"
        if finding.hint:
            message += f" (hint: {finding.hint})"
        file = _github_escape(safe(path), property_value=True)
        title = _github_escape(
            f"{finding.code} {finding.severity.value}", property_value=True
        )
        stdout.write(
            f"::{_GITHUB_LEVEL[finding.severity]} file={file},title={title}::"
            f"{_github_escape(safe(message))}\n"
        )


def _statistics(findings: Sequence[Finding], stdout: TextIO) -> None:
    counts = Counter(finding.code for finding in findings)
    summaries = {rule.code: rule.summary for rule in default_rules().rules}
    for code in sorted(counts):
        summary = summaries.get(code, "")
        stdout.write(f"{counts[code]:6d}  {code}  {summary}\n")


def _show(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    corpus = _Corpus(_claim_files([args.path]), stderr)
    if corpus.failed:
        return 2
    graph = corpus.graph
    claim = graph.claim(args.claim)
    if claim is None:
        known = ", ".join(sorted(graph.claim_index)[:10])
        msg = f"{args.path}: no claim with id {args.claim!r} (claims include: {known})"
        raise _UsageError(msg)
    stdout.writelines(f"{line}\n" for line in _claim_lines(graph, args.claim))
    return 0


def _claim_lines(graph: ClaimGraph, claim_id: str) -> Iterator[str]:
    claim = graph.claim(claim_id)
    assert claim is not None
    yield f"claim {claim.id} ({claim.kind.value}, {claim.language})"
    yield f"  {safe(claim.text)}"
    for language, text in sorted(claim.translations.items()):
        yield f"  {language}: {safe(text)}"
    if claim.event_date is not None or claim.place is not None:
        when = f"when: {claim.event_date}" if claim.event_date else ""
        where = f"where: {safe(claim.place)}" if claim.place else ""
        yield "  " + "; ".join(part for part in (when, where) if part)
    groups = graph.origin_groups(claim_id)
    yield ""
    noun = "group" if len(groups) == 1 else "groups"
    yield f"attribution tree ({len(groups)} independent origin {noun}):"
    for group in groups:
        root = graph.source(group.root)
        root_name = safe(root.name) if root else group.root
        yield f"origin group {group.root} ({root_name})"
        for origin in group.origins:
            yield from _hop_tree(graph, origin.id)
    unreached = [
        a
        for a in graph.attributions_of(claim_id)
        if graph.origin(a.id) is None and not graph.relays_of(a.id)
    ]
    if unreached:
        yield "chains that never reach an origin (a relay loop or a missing hop):"
        for attribution in unreached:
            hops = " > ".join(hop.id for hop in graph.chain(attribution.id))
            yield f"  {hops}"
    relations = graph.relations_of(claim_id)
    if relations:
        yield ""
        yield "relations:"
        for relation in relations:
            note = f"  ({safe(relation.note)})" if relation.note else ""
            yield f"  {relation.claim} {relation.kind.value} {relation.target}{note}"


# Indentation stops growing this many levels down: a relay chain 100,000 hops
# deep would otherwise print a prefix as long as the chain on every line, and
# the output would grow with the square of the depth.
_TREE_DEPTH_SHOWN = 32


def _hop_tree(graph: ClaimGraph, origin_id: str) -> Iterator[str]:
    """Draw an origin and everything that relays it, iteratively."""
    stack: list[tuple[str, str, bool, int]] = [(origin_id, "", True, 0)]
    first = True
    while stack:
        attribution_id, prefix, last, depth = stack.pop()
        attribution = graph.attribution(attribution_id)
        if attribution is None:
            continue
        branch = "" if first else ("└─ " if last else "├─ ")
        if depth > _TREE_DEPTH_SHOWN:
            branch += f"(hop {depth}) "
        yield f"  {prefix}{branch}{_hop_line(graph, attribution_id, origin=first)}"
        child_prefix = prefix
        if not first and depth < _TREE_DEPTH_SHOWN:
            child_prefix += "   " if last else "│  "
        children = sorted(graph.relays_of(attribution_id), key=lambda a: a.id)
        stack.extend(
            (child.id, child_prefix, i == 0, depth + 1)
            for i, child in enumerate(reversed(children))
        )
        first = False


def _hop_line(graph: ClaimGraph, attribution_id: str, *, origin: bool) -> str:
    attribution = graph.attribution(attribution_id)
    assert attribution is not None
    source = graph.source(attribution.source)
    document = graph.document(attribution.document)
    who = safe(source.name) if source else f"{attribution.source} (missing source)"
    facts: list[str] = []
    if source is not None and source.anonymous:
        facts.append("anonymous")
        if source.descriptor:
            facts.append(safe(source.descriptor))
    if source is not None and source.affiliation:
        affiliated = graph.source(source.affiliation)
        facts.append(
            "for " + (safe(affiliated.name) if affiliated else source.affiliation)
        )
    if source is not None and source.reliability is not None:
        facts.append(f"reliability {source.reliability.value}")
    where = safe(document.title or document.id) if document else attribution.document
    when = ""
    if attribution.said is not None:
        when = f", said {attribution.said}"
    elif document is not None and document.published is not None:
        when = f", {document.published}"
    verb = "says" if origin else "relays"
    detail = f" [{'; '.join(facts)}]" if facts else ""
    line = (
        f"{who}{detail} {verb} ({attribution.stance.value}, "
        f"{attribution.mode.value}) in {where}{when}"
    )
    if attribution.retracted is not None:
        line += f" - RETRACTED {attribution.retracted}"
    return line


def _fmt(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    files = _claim_files(args.paths)
    changed = 0
    failed = False
    for path in files:
        read = _read_graph(path, stderr)
        if read is None:
            failed = True
            continue
        current, graph = read
        canonical = dumps(graph)
        if canonical == current:
            continue
        changed += 1
        if args.diff:
            stdout.writelines(
                _safe_diff_line(line)
                for line in difflib.unified_diff(
                    _diff_lines(current),
                    _diff_lines(canonical),
                    fromfile=str(path),
                    tofile=f"{path} (canonical)",
                )
            )
        elif args.check:
            stdout.write(f"{safe(str(path))}: not in canonical form\n")
        else:
            try:
                write_text_atomically(path, canonical)
            except OSError as error:
                reason = safe(str(error.strerror or error))
                stderr.write(f"{safe(str(path))}: cannot write: {reason}\n")
                failed = True
                continue
            stdout.write(f"{safe(str(path))}: reformatted\n")
    if failed:
        return 2
    if args.check or args.diff:
        return 1 if changed else 0
    return 0


def _assess(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    policy = Policy()
    if args.policy is not None:
        policy = _read_policy(Path(args.policy))
    corpus = _Corpus(_claim_files([args.path]), stderr)
    if corpus.failed:
        return 2
    graph = corpus.graph
    missing = [claim for claim in args.claims if graph.claim(claim) is None]
    if missing:
        msg = f"{args.path}: no claim with id " + ", ".join(repr(m) for m in missing)
        raise _UsageError(msg)
    results = assess(graph, policy)
    chosen = list(args.claims) or list(results)
    if args.format == "json":
        document = to_dict(results)
        if args.claims:
            document["claims"] = {claim: document["claims"][claim] for claim in chosen}
        stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    if len(args.claims) == 1:
        stdout.write(safe_lines(explain_confidence(results[chosen[0]])))
        return 0
    _confidence_table([results[claim] for claim in chosen], stdout)
    return 0


def safe_lines(text: str) -> str:
    """Escape each line of a multi-line text, keeping its line breaks.

    The text comes from the library (an explanation, an error listing its
    problems); only the content of each line is untrusted.
    """
    # Only a newline ends a line: str.splitlines would also break at U+2028,
    # U+0085 and other separators inside the untrusted text, forging lines.
    if not text:
        return ""
    return "".join(f"{safe(line)}\n" for line in text.removesuffix("\n").split("\n"))


def _diff_lines(text: str) -> list[str]:
    """Split *text* after each newline (and nowhere else), keeping the newlines."""
    lines = text.split("\n")
    return [f"{line}\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])


def _safe_diff_line(line: str) -> str:
    """Escape one line of a diff for the terminal, keeping its final newline."""
    body = line.removesuffix("\n")
    return safe(body) + line[len(body) :]


def _confidence_table(rows: Sequence[ClaimConfidence], stdout: TextIO) -> None:
    width = max((len(row.claim) for row in rows), default=5)
    stdout.write(f"{'claim':<{width}}  {'P':>5}  {'likelihood':<19}  for  against\n")
    for row in rows:
        stdout.write(
            f"{row.claim:<{width}}  {row.probability:5.2f}  "
            f"{row.likelihood.words:<19}  {row.supporting:>3}  {row.contradicting:>7}\n"
        )


def _read_policy(path: Path) -> Policy:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        msg = f"{path}: cannot read the policy: {error.strerror or error}"
        raise _UsageError(msg) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        msg = f"{path}: the policy is not JSON text: {error}"
        raise _UsageError(msg) from None
    if not isinstance(data, dict):
        msg = f"{path}: the policy must be a JSON object of settings"
        raise _UsageError(msg)
    try:
        return Policy.from_mapping(data)
    except PolicyError as error:
        msg = f"{path}: {error}"
        raise _UsageError(msg) from None


def _export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    corpus = _Corpus(_claim_files([args.path]), stderr)
    if corpus.failed:
        return 2
    exporter = FORMATS[args.to]
    with_policy = exporter.render_with_policy
    if args.policy is not None and with_policy is None:
        assessing = ", ".join(
            name for name, e in FORMATS.items() if e.render_with_policy
        )
        msg = f"--policy applies to the {assessing} format, not {args.to}"
        raise _UsageError(msg)
    try:
        if args.claim is not None:
            if args.to not in {"mermaid", "dot"}:
                msg = f"--claim applies to the mermaid and dot formats, not {args.to}"
                raise _UsageError(msg)
            draw = to_mermaid if args.to == "mermaid" else to_dot
            text = draw(corpus.graph, args.claim)
        elif args.policy is not None and with_policy is not None:
            text = with_policy(corpus.graph, _read_policy(Path(args.policy)))
        else:
            text = exporter.render(corpus.graph)
    except MissingExtraError as error:
        raise _UsageError(str(error)) from None
    except UnknownClaimError as error:
        raise _UsageError(str(error)) from None
    if args.output is None:
        stdout.write(text)
        return 0
    try:
        write_text_atomically(Path(args.output), text)
    except OSError as error:
        msg = f"{args.output}: cannot write: {error.strerror or error}"
        raise _UsageError(msg) from None
    stderr.write(f"{safe(args.output)}: wrote {args.to}\n")
    return 0


def _schema(_: argparse.Namespace, stdout: TextIO, __: TextIO) -> int:
    stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


_COMMANDS = {
    "check": _check,
    "show": _show,
    "assess": _assess,
    "export": _export,
    "fmt": _fmt,
    "schema": _schema,
}


def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Carry out the parsed command, writing to the given streams.

    Returns:
        The exit code: 0, 1 or 2 as described in the module docs.
    """
    try:
        return _COMMANDS[args.command](args, stdout, stderr)
    except _UsageError as error:
        stderr.write(f"claimtrack {args.command}: {safe_lines(str(error))}")
        return 2


def main() -> None:
    """Run the command line with the process's arguments and streams."""
    if os.environ.get("PYTHONIOENCODING") is None:
        # Claim files are full of Arabic and other scripts; a terminal or pipe
        # with a legacy encoding must not turn them into a traceback.
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")
    args = parse_args()
    try:
        code = run(args, sys.stdout, sys.stderr)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (`claimtrack check ... | head`): stop quietly,
        # and keep the interpreter from complaining again when it flushes.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 1
    sys.exit(code)
