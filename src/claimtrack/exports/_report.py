r"""A Markdown report of a claim graph, for people to read and review.

The report opens with a summary table of every claim (its English text, the
probability and ICD 203 term computed by `claimtrack.confidence.assess`, the
independent origin groups for and against it, its number of findings), then
gives each claim a section: the text as recorded (Arabic and every other
script kept as it is) and its translations, the ICD 206-style sourcing
summary, the confidence with its full explanation, the findings of the
checks, and a Mermaid diagram of its attribution tree. Findings that name no
claim close the report.

Text from the graph is untrusted and never becomes Markdown syntax:

- In headings, table cells, lists and paragraphs it is flattened to one line
  (a claim's own text keeps its lines, as hard breaks in a block quote), and
  every character that means something inline is escaped with a backslash:
  ``\ ` * _ [ ] < > # | ~ $ &``; so are the characters that would open a block
  at the start of a line (``- + = : % (`` and ``1.`` or ``1)``). Control
  characters and lone surrogates become U+FFFD.
- In fenced blocks (the explanation and the diagram) it is literal; each
  fence is longer than any run of backticks inside it. A line that would look
  like a fence, a ``%`` comment or an HTML comment to a tool that scans
  Markdown line by line (as documentation test runners do) starts with a
  zero-width space, so no such tool finds code to run in a report.

The text opens with YAML front matter for MyST and Sphinx (``orphan: true``,
so a report placed in a Sphinx project needs no table of contents entry, and
``fence_as_directive: [mermaid]``, so the diagrams that GitHub draws from
plain ``mermaid`` fences are drawn by ``sphinxcontrib-mermaid`` too). Other
renderers ignore it or show it as a small table.

The report is deterministic: claims in id order, findings in their own order,
no dates or times of its making.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs

from claimtrack.checks import Finding, check
from claimtrack.confidence import ClaimConfidence, Policy, assess, explain
from claimtrack.graph import ClaimGraph

from ._diagrams import to_mermaid
from ._text import truncate, writable

__all__ = ["to_markdown"]


def __dir__() -> list[str]:
    return list(__all__)


_TITLE = "Claim report"
_SUMMARY_LIMIT = 120
_INLINE_ESCAPED = re.compile(r"[\\`*_\[\]<>#|~$&]")
# Controls and lone surrogates (`_text.CONTROL`), but tabs and line breaks.
_HIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_START_SPECIAL = frozenset("-+=:%(")
_ORDERED_MARKER = re.compile(r"\d+(?=[.)])")
_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_IDENTIFIER = re.compile(r"[A-Za-z0-9._:-]+")
# What a naive line scanner takes for the start of a fence or a comment: the
# prefixes Sybil's Markdown lexer allows (quote markers, a list marker), then
# a fence, a MyST % comment or an HTML comment.
_SCANNED_AS_SYNTAX = re.compile(
    r"[ \t>]*(?:(?:[-*+]|\d+[.)])[ \t]+)?(?:`{3,}|~{3,}|%|<!--)"
)
_ZERO_WIDTH_SPACE = "\u200b"


# --- escaping ---------------------------------------------------------------


def _visible(text: str) -> str:
    """Return *text* with controls (but line breaks) and lone surrogates as U+FFFD."""
    return _HIDDEN.sub("\ufffd", text)


def _inline(text: str) -> str:
    """Return *text* as one line of Markdown that shows exactly the text."""
    flat = _SPACE.sub(" ", _visible(writable(text))).strip()
    escaped = _INLINE_ESCAPED.sub(r"\\\g<0>", flat)
    if escaped[:1] in _LINE_START_SPECIAL:
        return "\\" + escaped
    marker = _ORDERED_MARKER.match(escaped)
    if marker is not None:
        end = marker.end()
        return f"{escaped[:end]}\\{escaped[end:]}"
    return escaped


def _code(text: str) -> str:
    """Return an id as a code span, or as escaped text if it is no plain id."""
    if _IDENTIFIER.fullmatch(text):
        return f"`{text}`"
    return _inline(text)


def _fenced(info: str, body: str) -> str:
    """Return *body* as a fenced code block that nothing in it can close."""
    lines = _LINE_BREAK.split(_visible(writable(body)).rstrip("\n"))
    lines = [
        _ZERO_WIDTH_SPACE + line if _SCANNED_AS_SYNTAX.match(line) else line
        for line in lines
    ]
    text = "\n".join(lines)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}"


def _quoted(text: str) -> str:
    """Return *text* as a block quote, one hard-broken line per line of text."""
    lines = [_inline(line) for line in _LINE_BREAK.split(writable(text))]
    lines = [line for line in lines if line]
    if not lines:
        return "> (empty)"
    return "\\\n".join(f"> {line}" for line in lines)


# --- content ----------------------------------------------------------------


def _claim_ids(graph: ClaimGraph) -> list[str]:
    return sorted(
        {claim.id for claim in graph.claims}
        | {a.claim for a in graph.attributions}
        | {a.claim for a in graph.assessments}
    )


def _english(graph: ClaimGraph, claim_id: str) -> str:
    claim = graph.claim(claim_id)
    if claim is None:
        return "(no claim record)"
    english = claim.translations.get("en")
    if english is None:
        return claim.text
    return english


def _claims_named(graph: ClaimGraph, finding: Finding) -> list[str]:
    """Return the claims a finding is about: named, or through their records."""
    named: dict[str, None] = {}
    for ref in finding.records:
        if ref.type == "claim":
            named[ref.id] = None
        elif ref.type == "attribution":
            attribution = graph.attribution(ref.id)
            if attribution is not None:
                named[attribution.claim] = None
        elif ref.type == "assessment":
            assessment = graph.assessment_index.get(ref.id)
            if assessment is not None:
                named[assessment.claim] = None
        elif ref.type == "relation":
            relation = graph.relation_index.get(ref.id)
            if relation is not None:
                named[relation.claim] = None
                named[relation.target] = None
    return list(named)


def _by_claim(
    graph: ClaimGraph, findings: Iterable[Finding], claim_ids: Sequence[str]
) -> tuple[dict[str, list[Finding]], list[Finding]]:
    known = set(claim_ids)
    grouped: dict[str, list[Finding]] = {claim_id: [] for claim_id in claim_ids}
    other: list[Finding] = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        claims = [c for c in _claims_named(graph, finding) if c in known]
        for claim_id in claims:
            grouped[claim_id].append(finding)
        if not claims:
            other.append(finding)
    return grouped, other


def _policy_lines(policy: Policy) -> Iterator[str]:
    grades = policy.grades
    if grades:
        listed = ", ".join(
            f"{_code(source)} {grades[source].value}" for source in sorted(grades)
        )
        yield f"Reliability grades from the policy: {listed}."
    defaults = attrs.evolve(policy, grades={}) == Policy()
    rest = "the documented defaults" if defaults else "as the policy sets them"
    yield f"Other confidence settings: {rest}."


def _summary_table(
    graph: ClaimGraph,
    results: Mapping[str, ClaimConfidence],
    findings: Mapping[str, Sequence[Finding]],
) -> Iterator[str]:
    yield "| claim | text | P | likelihood (ICD 203) | for | against | findings |"
    yield "| --- | --- | ---: | --- | ---: | ---: | ---: |"
    for claim_id, result in results.items():
        text = truncate(_english(graph, claim_id), _SUMMARY_LIMIT)
        yield (
            f"| {_code(claim_id)} | {_inline(text)} | {result.probability:.2f} "
            f"| {result.likelihood.words} | {result.supporting} "
            f"| {result.contradicting} | {len(findings[claim_id])} |"
        )


def _finding_item(finding: Finding) -> str:
    where = ", ".join(_code(str(ref)) for ref in finding.records)
    line = (
        f"- {_code(finding.code)} {finding.severity.value}: {_inline(finding.message)}"
    )
    if where:
        line += f" ({where})"
    if finding.hint:
        line += f"\\\n  Hint: {_inline(finding.hint)}"
    return line


def _findings_block(findings: Sequence[Finding]) -> str:
    if not findings:
        return "No findings."
    return "\n".join(_finding_item(finding) for finding in findings)


def _claim_section(
    graph: ClaimGraph, result: ClaimConfidence, findings: Sequence[Finding]
) -> Iterator[str]:
    claim_id = result.claim
    claim = graph.claim(claim_id)
    yield f"## Claim {_code(claim_id)}"
    yield ""
    if claim is None:
        yield "No claim record: only attributions or assessments name this id."
    else:
        yield f"As recorded ({_code(claim.language)}):"
        yield ""
        yield _quoted(claim.text)
        for language, text in sorted(claim.translations.items()):
            yield ""
            yield f"Translation ({_code(language)}):"
            yield ""
            yield _quoted(text)
    yield ""
    yield "### Sourcing"
    yield ""
    yield _inline(result.summary)
    yield ""
    yield "### Confidence"
    yield ""
    groups = "group" if result.supporting == 1 else "groups"
    yield (
        f"P = {result.probability:.2f}, {result.likelihood.words} (ICD 203), "
        f"from {result.supporting} independent origin {groups} for it and "
        f"{result.contradicting} against it."
    )
    yield ""
    yield _fenced("text", explain(result))
    yield ""
    yield "### Findings"
    yield ""
    yield _findings_block(findings)
    yield ""
    yield "### Attribution tree"
    yield ""
    if graph.attributions_of(claim_id):
        yield _fenced("mermaid", to_mermaid(graph, claim_id))
    else:
        yield "No attributions: nobody is recorded as saying it."
    yield ""


def _counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _report_lines(
    graph: ClaimGraph, policy: Policy, findings: Iterable[Finding]
) -> Iterator[str]:
    results = assess(graph, policy)
    claim_ids = list(results)
    grouped, other = _by_claim(graph, findings, claim_ids)
    yield "---"
    yield "orphan: true"
    yield "myst:"
    yield "  fence_as_directive: [mermaid]"
    yield "---"
    yield ""
    yield f"# {_TITLE}"
    yield ""
    count = len({finding for items in grouped.values() for finding in items})
    yield (
        f"{_counted(len(claim_ids), 'claim')}, "
        f"{_counted(len(graph.sources), 'source')}, "
        f"{_counted(len(graph.documents), 'document')}, "
        f"{_counted(len(graph.attributions), 'attribution')}; "
        f"{_counted(count + len(other), 'finding')} of the checks."
    )
    yield ""
    yield from _policy_lines(policy)
    yield ""
    yield "## Summary"
    yield ""
    yield from _summary_table(graph, results, grouped)
    yield ""
    for claim_id in claim_ids:
        yield from _claim_section(graph, results[claim_id], grouped[claim_id])
    if other:
        yield "## Other findings"
        yield ""
        yield _findings_block(other)
        yield ""


def to_markdown(
    graph: ClaimGraph,
    *,
    policy: Policy | None = None,
    findings: Iterable[Finding] | None = None,
) -> str:
    """Return a Markdown report of every claim in *graph*.

    Args:
        graph: The claim graph.
        policy: The confidence policy (an analyst's grades, say); the
            documented defaults if None.
        findings: The findings to report; those of `claimtrack.checks.check`
            with the default rules if None.

    Returns:
        The report, ending with a newline. The same graph, policy and findings
        give the same text, byte for byte.
    """
    policy = Policy() if policy is None else policy
    found = check(graph) if findings is None else findings
    return "\n".join(_report_lines(graph, policy, found)).rstrip("\n") + "\n"
