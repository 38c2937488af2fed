"""Judgment rules (CT4xx): assessments and relations that cannot all be right.

Assessments use three scales, and each reading leans true, false or neither
way: credibility 1-2 leans true and 4-5 false; likelihood "likely" and above
leans true and "unlikely" and below false; verdicts true and mostly true lean
true, false and mostly false lean false. CT405's explanation has the table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from claimtrack.graph import ClaimGraph
from claimtrack.records import (
    Assessment,
    ClaimKind,
    Credibility,
    Likelihood,
    RelationKind,
    Verdict,
)

from ._core import Finding, Severity, builtin_finding, builtin_rule, make_ref, ref_to
from ._sourcing import credited_claims, independent_origins
from ._words import listing

__all__ = [
    "contradiction_assessed_true",
    "mixed_scales",
    "overconfident_assessment",
    "self_contradictory_relation",
    "uncheckable_verdict",
]


def __dir__() -> list[str]:
    return list(__all__)


_TRUE_CREDIBILITY = frozenset({Credibility.CONFIRMED, Credibility.PROBABLY_TRUE})
_FALSE_CREDIBILITY = frozenset({Credibility.DOUBTFUL, Credibility.IMPROBABLE})
_TRUE_LIKELIHOOD = frozenset(
    {Likelihood.LIKELY, Likelihood.VERY_LIKELY, Likelihood.ALMOST_CERTAIN}
)
_FALSE_LIKELIHOOD = frozenset(
    {Likelihood.UNLIKELY, Likelihood.VERY_UNLIKELY, Likelihood.ALMOST_NO_CHANCE}
)
_TRUE_VERDICTS = frozenset({Verdict.TRUE, Verdict.MOSTLY_TRUE})
_FALSE_VERDICTS = frozenset({Verdict.FALSE, Verdict.MOSTLY_FALSE})


def _readings(assessment: Assessment) -> list[tuple[str, int]]:
    """Return each scale the assessment uses, in words, with its lean (+1, -1, 0)."""
    found: list[tuple[str, int]] = []
    credibility = assessment.credibility
    if credibility is not None:
        lean = (credibility in _TRUE_CREDIBILITY) - (credibility in _FALSE_CREDIBILITY)
        found.append(
            (f"credibility {credibility.value} ({credibility.description})", lean)
        )
    likelihood = assessment.likelihood
    if likelihood is not None:
        lean = (likelihood in _TRUE_LIKELIHOOD) - (likelihood in _FALSE_LIKELIHOOD)
        found.append((f"likelihood {likelihood.words!r}", lean))
    verdict = assessment.verdict
    if verdict is not None:
        lean = (verdict in _TRUE_VERDICTS) - (verdict in _FALSE_VERDICTS)
        found.append((f"verdict {verdict.value.replace('_', ' ')!r}", lean))
    return found


def _leaning(graph: ClaimGraph, lean: int) -> dict[str, tuple[Assessment, str]]:
    """Return, by claim, the first assessment with a reading leaning *lean*."""
    found: dict[str, tuple[Assessment, str]] = {}
    for assessment in graph.assessments:
        if assessment.claim in found:
            continue
        for words, reading in _readings(assessment):
            if reading == lean:
                found[assessment.claim] = (assessment, words)
                break
    return found


@builtin_rule(
    code="CT401",
    name="contradiction-assessed-true",
    severity="error",
    summary="Two claims that cannot both be true are both assessed true or likely.",
    explanation="""
Reported for a `contradicts` relation whose two claims both have an assessment
leaning true, and for a `same_as` relation where one claim has an assessment
leaning true and the other one leaning false. An assessment leans true with
credibility 1-2, likelihood "likely" or above, or verdict true or mostly true;
it leans false with credibility 4-5, likelihood "unlikely" or below, or verdict
false or mostly false.

**Why it matters.** If two claims contradict each other, at most one can be
true; judging both likely means one judgment was made without the other in
view. Two wordings of the same claim judged oppositely are the same mistake.

**Example.** "The exchanges took place in direct meetings, not through third
parties" and "the exchange of information included a third country", related
as `contradicts`, both assessed "likely".

**How to fix.** Re-assess the two claims side by side; lower one of them, or
drop the relation if on reflection they do not contradict each other (a
`refines` relation may describe them better).
""",
)
def contradiction_assessed_true(graph: ClaimGraph) -> Iterator[Finding]:
    """Report contradicting claims both judged true, and same claims judged apart."""
    true = _leaning(graph, 1)
    false = _leaning(graph, -1)
    for relation in graph.relations:
        if relation.claim == relation.target:
            continue
        if relation.kind is RelationKind.CONTRADICTS:
            pairs = [(true.get(relation.claim), true.get(relation.target))]
            verb = "contradicts"
            both = "both are assessed as true or likely"
        elif relation.kind is RelationKind.SAME_AS:
            pairs = [
                (true.get(relation.claim), false.get(relation.target)),
                (false.get(relation.claim), true.get(relation.target)),
            ]
            verb = "is the same as"
            both = "they are assessed in opposite directions"
        else:
            continue
        for first, second in pairs:
            if first is None or second is None:
                continue
            yield builtin_finding(
                contradiction_assessed_true,
                f"claim {relation.claim!r} {verb} claim {relation.target!r} "
                f"(relation {relation.id!r}), yet {both}: assessment "
                f"{first[0].id!r} gives {first[1]} and assessment "
                f"{second[0].id!r} gives {second[1]}",
                records=(
                    ref_to(relation),
                    make_ref("claim", relation.claim),
                    make_ref("claim", relation.target),
                    ref_to(first[0]),
                    ref_to(second[0]),
                ),
                hint="Re-assess the two claims side by side, or correct the "
                "relation if they do not in fact conflict.",
            )


@builtin_rule(
    code="CT402",
    name="overconfident-assessment",
    severity="error",
    summary="A confident assessment of a claim with fewer than two independent "
    "origins.",
    explanation="""
Reported for an assessment of credibility 1 ("confirmed by other independent
sources": an `error`, since the grade's own definition is not met) or of
likelihood "very likely" or "almost certain" (a `warning`) on a claim with
fewer than two independent origin groups. Origin groups are counted as for
CT302 and by the confidence calculus: supporting origins of the claim, of the
claims that refine it, are the same as it or support it, grouped by
affiliation root.

**Why it matters.** A single voice, however authoritative, is a single point of
failure; high confidence on one origin is how one agency's mistake becomes a
newsroom's certainty.

**Example.** An analyst rates "the attack was averted thanks to US warnings"
credibility 1, though only US officials say so.

**How to fix.** Lower the assessment (credibility 2 or 3, "likely"), or add the
independent origin that justifies it.
""",
)
def overconfident_assessment(graph: ClaimGraph) -> Iterator[Finding]:
    """Report confident assessments of claims without two independent origins."""
    counts: dict[str, int] = {}
    for assessment in graph.assessments:
        confirmed = assessment.credibility is Credibility.CONFIRMED
        sure = assessment.likelihood in {
            Likelihood.VERY_LIKELY,
            Likelihood.ALMOST_CERTAIN,
        }
        if not (confirmed or sure) or graph.claim(assessment.claim) is None:
            continue
        if assessment.claim not in counts:
            counts[assessment.claim] = independent_origins(graph, assessment.claim)
        count = counts[assessment.claim]
        if count >= 2:
            continue
        readings = []
        if confirmed:
            readings.append("credibility 1 (confirmed by other independent sources)")
        if sure and assessment.likelihood is not None:
            readings.append(f"likelihood {assessment.likelihood.words!r}")
        has = "only one independent origin" if count else "no supporting origin"
        yield builtin_finding(
            overconfident_assessment,
            f"assessment {assessment.id!r} gives claim {assessment.claim!r} "
            f"{' and '.join(readings)}, but the claim has {has}",
            records=(ref_to(assessment), make_ref("claim", assessment.claim)),
            hint="Lower the assessment, or add the independent origin that "
            "justifies it.",
            severity=Severity.ERROR if confirmed else Severity.WARNING,
        )


_AGREEING = frozenset(
    {RelationKind.SUPPORTS, RelationKind.SAME_AS, RelationKind.REFINES}
)


@builtin_rule(
    code="CT403",
    name="self-contradictory-relation",
    severity="error",
    summary="A claim related to itself, or two claims that both agree and contradict.",
    explanation="""
Reported for a relation from a claim to itself, and for a pair of claims
related (in either direction) both as `contradicts` and as `supports`,
`same_as` or `refines`.

**Why it matters.** A relation from a claim to itself says nothing, and is
usually a slip of the id. A pair that both agrees and contradicts cannot feed
corroboration or contradiction counts sensibly: the same evidence would count
for and against.

**Example.** `not-third-parties` supports `third-country`, and
`third-country` contradicts `not-third-parties`.

**How to fix.** Decide how the two claims really bear on each other and keep
that relation only; fix the id of a self-relation.
""",
)
def self_contradictory_relation(graph: ClaimGraph) -> Iterator[Finding]:
    """Report self-relations and pairs related both ways at once."""
    pairs: defaultdict[tuple[str, str], dict[str, RelationKind]] = defaultdict(dict)
    for relation in graph.relations:
        if relation.claim == relation.target:
            yield builtin_finding(
                self_contradictory_relation,
                f"relation {relation.id!r} says claim {relation.claim!r} "
                f"{relation.kind.value.replace('_', ' ')} itself",
                records=(ref_to(relation), make_ref("claim", relation.claim)),
                hint="Point the relation at the claim it was meant for, or remove it.",
            )
            continue
        key = (
            min(relation.claim, relation.target),
            max(relation.claim, relation.target),
        )
        pairs[key][relation.id] = relation.kind
    for (first, second), kinds in pairs.items():
        found = set(kinds.values())
        if RelationKind.CONTRADICTS not in found or not found & _AGREEING:
            continue
        described = [
            f"{relation_id!r} ({kind.value.replace('_', ' ')})"
            for relation_id, kind in sorted(kinds.items())
        ]
        yield builtin_finding(
            self_contradictory_relation,
            f"claims {first!r} and {second!r} are related as both agreeing and "
            f"contradicting: relations {listing(described)}",
            records=(
                make_ref("claim", first),
                make_ref("claim", second),
                *(make_ref("relation", r) for r in sorted(kinds)),
            ),
            hint="Keep only the relation that describes how the claims bear on "
            "each other.",
        )


_CHECKED = frozenset(
    {
        Verdict.TRUE,
        Verdict.MOSTLY_TRUE,
        Verdict.MIXED,
        Verdict.MOSTLY_FALSE,
        Verdict.FALSE,
    }
)


@builtin_rule(
    code="CT404",
    name="uncheckable-verdict",
    severity="warning",
    summary="A fact-check verdict on a claim nobody is credited with, or on an "
    "opinion.",
    explanation="""
Reported for an assessment whose verdict is true, mostly true, mixed, mostly
false or false on a claim that has no attribution, and for any verdict other
than "not checkable" on a claim of kind `opinion`.

**Why it matters.** A fact-check checks what someone said: without an
attribution, nobody can see whose claim was checked or in what words. Opinions
are not checkable; a verdict on one presents a judgment of taste or politics as
a finding of fact, which fact-checking codes (IFCN) ask signatories not to do.

**Example.** Verdict "false" on "sharing information with Damascus is right,
wise and appropriate", an official's opinion.

**How to fix.** Attribute the claim before giving it a verdict. For an opinion,
use "not checkable", or split out the factual claims it rests on and check
those.
""",
)
def uncheckable_verdict(graph: ClaimGraph) -> Iterator[Finding]:
    """Report verdicts on unattributed claims and on opinions."""
    credited = credited_claims(graph)
    for assessment in graph.assessments:
        verdict = assessment.verdict
        claim = graph.claim(assessment.claim)
        if verdict is None or claim is None:
            continue
        words = verdict.value.replace("_", " ")
        if claim.kind is ClaimKind.OPINION:
            if verdict is Verdict.NOT_CHECKABLE:
                continue
            message = (
                f"assessment {assessment.id!r} gives the verdict {words!r} to "
                f"claim {claim.id!r}, which is an opinion"
            )
            hint = (
                "Use the verdict 'not checkable', or check the factual claims "
                "the opinion rests on."
            )
        elif verdict in _CHECKED and claim.id not in credited:
            message = (
                f"assessment {assessment.id!r} gives the verdict {words!r} to "
                f"claim {claim.id!r}, which is credited to no one"
            )
            hint = "Attribute the claim to whoever made it before judging it."
        else:
            continue
        yield builtin_finding(
            uncheckable_verdict,
            message,
            records=(ref_to(assessment), ref_to(claim)),
            hint=hint,
        )


@builtin_rule(
    code="CT405",
    name="mixed-scales",
    severity="warning",
    summary="An assessment whose scales lean in opposite directions.",
    explanation="""
Reported for an assessment where one scale leans true and another leans false:

| scale | leans true | leans false | leans neither way |
| --- | --- | --- | --- |
| credibility | 1 confirmed, 2 probably true | 4 doubtful, 5 improbable | 3, 6 |
| likelihood | likely, very likely, almost certain | unlikely, very unlikely, almost no chance | roughly even chance |
| verdict | true, mostly true | false, mostly false | mixed, unproven, not checkable |

**Why it matters.** An assessment is read by people who look at one scale only;
credibility 5 ("improbable") with likelihood "very likely" tells one reader the
claim is probably false and another that it is probably true.

**Example.** Credibility 5 (improbable) with likelihood "very likely".

**How to fix.** Decide which reading is meant and bring the others in line, or
leave out the scales you did not judge.
""",  # noqa: E501 - a Markdown table row is one line
)
def mixed_scales(graph: ClaimGraph) -> Iterator[Finding]:
    """Report assessments whose scales lean in opposite directions."""
    for assessment in graph.assessments:
        readings = _readings(assessment)
        leaning_true = [words for words, lean in readings if lean > 0]
        leaning_false = [words for words, lean in readings if lean < 0]
        if not leaning_true or not leaning_false:
            continue
        yield builtin_finding(
            mixed_scales,
            f"assessment {assessment.id!r} of claim {assessment.claim!r} mixes "
            f"{listing(leaning_true)} (leaning true) with "
            f"{listing(leaning_false)} (leaning false)",
            records=(ref_to(assessment), make_ref("claim", assessment.claim)),
            hint="Decide which reading is meant and bring the other scales in "
            "line, or leave out the scales that were not judged.",
        )
