"""`Policy`: every number the confidence calculus assumes, in one record."""

from __future__ import annotations

import enum
import types
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from claimtrack.errors import ClaimtrackError, Problem
from claimtrack.opinion import Opinion
from claimtrack.records import (
    Credibility,
    Likelihood,
    Mode,
    Reliability,
    Source,
    Stance,
)

__all__ = ["Policy", "PolicyError"]


def __dir__() -> list[str]:
    return list(__all__)


class PolicyError(ClaimtrackError, ValueError):
    """A policy mapping that cannot be read, with every problem and its key.

    Attributes:
        problems: Each problem with its path (``$.trust.Z``), in key order.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        count = len(problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"cannot read confidence policy ({count} {noun}):"]
        lines.extend(f"  {problem}" for problem in problems)
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[object, ...]:
        return (PolicyError, (self.problems,))


WithinGroup = Literal["averaging", "best"]

_TRUST = {
    Reliability.A: Opinion.of(0.90, 0.02, 0.08),
    Reliability.B: Opinion.of(0.75, 0.05, 0.20),
    Reliability.C: Opinion.of(0.55, 0.10, 0.35),
    Reliability.D: Opinion.of(0.30, 0.30, 0.40),
    Reliability.E: Opinion.of(0.10, 0.60, 0.30),
    Reliability.F: Opinion.of(0.05, 0.05, 0.90),
}
_RETENTION = {Mode.DIRECT_QUOTE: 0.95, Mode.PARAPHRASE: 0.85, Mode.SUMMARY: 0.70}
_TESTIMONY = {
    Stance.ASSERTS: Opinion.of(0.90, 0.00, 0.10),
    Stance.HEDGES: Opinion.of(0.50, 0.00, 0.50),
    Stance.DENIES: Opinion.of(0.00, 0.90, 0.10),
}
_CREDIBILITY_TERMS: dict[Credibility, Likelihood | None] = {
    Credibility.CONFIRMED: Likelihood.ALMOST_CERTAIN,
    Credibility.PROBABLY_TRUE: Likelihood.LIKELY,
    Credibility.POSSIBLY_TRUE: Likelihood.ROUGHLY_EVEN_CHANCE,
    Credibility.DOUBTFUL: Likelihood.UNLIKELY,
    Credibility.IMPROBABLE: Likelihood.VERY_UNLIKELY,
    Credibility.CANNOT_BE_JUDGED: None,
}


def _frozen(value: Mapping[Any, Any]) -> Mapping[Any, Any]:
    return types.MappingProxyType(dict(value))


def _fraction(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not _is_fraction(value):
        msg = f"{attribute.name} must be a number within 0-1, got {value!r}"
        raise ValueError(msg)


def _is_fraction(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and 0.0 <= value <= 1.0
    )


def _complete(
    keys: type[enum.Enum],
    kind: type[Any] | tuple[type[Any], ...],
    *,
    fractions: bool = False,
) -> Any:
    """Validate a mapping that must give a value of *kind* for every key."""

    def check(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        missing = [key.value for key in keys if key not in value]
        if missing or len(value) != len(keys):
            msg = (
                f"{attribute.name} must give a value for each of "
                f"{', '.join(str(key.value) for key in keys)}, got "
                f"{sorted(str(getattr(k, 'value', k)) for k in value)}"
            )
            raise ValueError(msg)
        for key, item in value.items():
            if not isinstance(item, kind) or (fractions and not _is_fraction(item)):
                msg = f"{attribute.name}[{key.value!r}] is not valid: {item!r}"
                raise ValueError(msg)

    return check


def _graded(value: Mapping[str, Reliability | str]) -> Mapping[str, Reliability]:
    """Freeze the grades, reading "A"-"F" as the Admiralty grades they name."""
    if not isinstance(value, Mapping):
        msg = f"grades must map source ids to reliability grades, got {value!r}"
        raise TypeError(msg)
    by_text = {member.value: member for member in Reliability}
    grades: dict[Any, Any] = {}
    for source_id, grade in value.items():
        if isinstance(grade, str) and grade not in by_text:
            msg = (
                f"grades[{source_id!r}] must be one of A-F (Admiralty scale), "
                f"got {grade!r}"
            )
            raise ValueError(msg)
        grades[source_id] = by_text[grade] if isinstance(grade, str) else grade
    return _frozen(grades)


def _grades(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    for source_id, grade in value.items():  # type: ignore[attr-defined]
        if not isinstance(source_id, str) or not isinstance(grade, Reliability):
            msg = (
                f"{attribute.name} must map source ids to Reliability grades, "
                f"got {source_id!r}: {grade!r}"
            )
            raise TypeError(msg)


@attrs.frozen(kw_only=True)
class Policy:
    """The assumptions behind every computed confidence, each one overridable.

    Override one with ``attrs.evolve(Policy(), interest=0.3)``, or read a whole
    policy from a JSON object with `Policy.from_mapping` (the command line's
    ``--policy FILE``); ``claimtrack.confidence.to_dict(policy)`` writes one.

    Trust opinions are ``(belief, disbelief, uncertainty)`` about a source
    passing on the truth. Discounting is uncertainty-favouring, so only the
    belief part of a trust carries a source's word forward; distrust and doubt
    both become uncertainty, never a reason to believe the opposite (a liar's
    assertion is not evidence of the negation).

    Attributes:
        trust: Trust in a source by Admiralty reliability grade. Defaults, as
            belief/disbelief/uncertainty: A 0.90/0.02/0.08 (a history of complete
            reliability, kept short of certainty because nobody is infallible);
            B 0.75/0.05/0.20 ("usually reliable": right most of the time);
            C 0.55/0.10/0.35 ("fairly reliable": better than chance, with doubt);
            D 0.30/0.30/0.40 ("not usually reliable": as much distrust as trust);
            E 0.10/0.60/0.30 ("unreliable": a little of its word still passes,
            so an E source alone can never make a claim likely); F 0.05/0.05/0.90
            ("cannot be judged": an assessment was made and came out nearly
            empty, hence near-vacuous).
        unassessed: Trust in a source whose reliability was never assessed, and
            in a recorder nobody can name. Default vacuous (0/0/1): unknown is
            not 50%, so testimony resting on it alone never moves a claim off
            its base rate.
        retention: Share of a hop's trust kept for how closely it reproduces the
            words it reports. Defaults: direct quote 0.95 (the words survive,
            context may not), paraphrase 0.85 (a reporter's rewording can shift
            hedges and scope), summary 0.70 (compression drops qualifiers).
        anonymity: Share of an anonymous origin's trust kept. Default 0.70: the
            reader cannot check the source's access or record, so 30% of the
            belief becomes uncertainty.
        interest: Share of an interested origin's trust kept, where the origin's
            source or any source up its affiliation chain is a party the claim
            is about. Default 0.50: a party speaking of its own success or
            conduct has reason to shape the story whatever the facts.
        supports: Share of evidence that crosses a `supports` relation. Default
            0.50: support for one claim is circumstantial for another, unlike
            `refines` and `same_as`, which pass evidence whole.
        testimony: The opinion a source's stance expresses. Defaults: asserts
            0.90/0/0.10 (a firm statement, short of proof); hedges 0.50/0/0.50
            ("reportedly", "may have": half committed); denies 0/0.90/0.10.
        base_rate: Prior probability of any claim before testimony. Default 0.5:
            claims in the news are not presumed true or false.
        credibility_terms: The ICD 203 term whose band stands for each Admiralty
            credibility grade when an analyst's assessment is compared with the
            computed value. Defaults: 1 almost certain, 2 likely ("probably
            true"), 3 roughly even chance, 4 unlikely ("doubtful"), 5 very
            unlikely ("improbable"), 6 none (truth cannot be judged: nothing to
            compare).
        disagreement: How far the computed probability may lie outside an
            analyst's band before the assessment is flagged as disagreeing.
            Default 0.15: wide enough to pass neighbouring-band judgments, narrow
            enough to flag a "very likely" against a computed roughly even
            chance.
        grades: An analyst's Admiralty reliability grades by source id, used
            instead of the grade recorded on the source (or its absence). The
            claim file records what was said; a policy file can hold what one
            analyst makes of the sources, so two analysts can assess one file
            differently and each can show the grades behind the numbers.
            A grade may be given as its letter, ``{"sana": "D"}``. Default:
            none.
        within_group: How the origins of one origin group combine, each
            represented by the strongest chain that carries it (more copies of
            one statement are not more evidence): "averaging" (default:
            averaging fusion, for dependent voices; it is idempotent, so one
            voice repeated gains nothing) or "best" (the least uncertain).
            Never cumulative, which would count one voice many times.
    """

    trust: Mapping[Reliability, Opinion] = attrs.field(
        factory=lambda: dict(_TRUST),
        converter=_frozen,
        validator=_complete(Reliability, Opinion),
        hash=False,
    )
    unassessed: Opinion = attrs.field(factory=Opinion.vacuous)
    retention: Mapping[Mode, float] = attrs.field(
        factory=lambda: dict(_RETENTION),
        converter=_frozen,
        validator=_complete(Mode, (int, float), fractions=True),
        hash=False,
    )
    anonymity: float = attrs.field(default=0.70, validator=_fraction)
    interest: float = attrs.field(default=0.50, validator=_fraction)
    supports: float = attrs.field(default=0.50, validator=_fraction)
    testimony: Mapping[Stance, Opinion] = attrs.field(
        factory=lambda: dict(_TESTIMONY),
        converter=_frozen,
        validator=_complete(Stance, Opinion),
        hash=False,
    )
    base_rate: float = attrs.field(default=0.5, validator=_fraction)
    credibility_terms: Mapping[Credibility, Likelihood | None] = attrs.field(
        factory=lambda: dict(_CREDIBILITY_TERMS),
        converter=_frozen,
        validator=_complete(Credibility, (Likelihood, type(None))),
        hash=False,
    )
    disagreement: float = attrs.field(default=0.15, validator=_fraction)
    grades: Mapping[str, Reliability] = attrs.field(
        factory=dict, converter=_graded, validator=_grades, hash=False
    )
    within_group: WithinGroup = attrs.field(default="averaging")

    @within_group.validator
    def _check_within_group(self, _: attrs.Attribute[Any], value: object) -> None:
        if value not in {"averaging", "best"}:
            msg = f"within_group must be 'averaging' or 'best', got {value!r}"
            raise ValueError(msg)

    def trust_in(self, reliability: Reliability | None) -> Opinion:
        """Return the trust opinion for a reliability grade (None: unassessed)."""
        return self.unassessed if reliability is None else self.trust[reliability]

    def grade_of(self, source: Source | None) -> Reliability | None:
        """Return the grade that counts for *source*: this policy's, else its own."""
        if source is None:
            return None
        return self.grades.get(source.id, source.reliability)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Policy:
        """Read a policy from a JSON object, over the defaults.

        Keys are the attribute names. A key left out keeps its default, and so
        does a grade, mode, stance or credibility left out of a mapping, so a
        file can say just ``{"trust": {"C": {...}}}``. Opinions are objects with
        ``belief``, ``disbelief`` and ``uncertainty``; credibility grades are
        the strings ``"1"``-``"6"`` and their terms ICD 203 names or null.

        Raises:
            PolicyError: Listing every unknown key and bad value with its path.
        """
        problems: list[Problem] = []
        if not isinstance(data, Mapping):
            problems.append(
                Problem(
                    path="$",
                    message=f"expected a JSON object, got {type(data).__name__}",
                )
            )
            raise PolicyError(tuple(problems))
        fields = attrs.fields_dict(cls)
        changes: dict[str, Any] = {}
        for key in sorted(data):
            value = data[key]
            path = f"$.{key}"
            if key not in fields:
                names = ", ".join(fields)
                problems.append(
                    Problem(path=path, message=f"unknown key; expected one of {names}")
                )
            elif key == "unassessed":
                opinion = _read_opinion(path, value, problems)
                if opinion is not None:
                    changes[key] = opinion
            elif key in _KEYED:
                changes[key] = _read_keyed(key, path, value, problems)
            elif key == "grades":
                changes[key] = _read_grades(path, value, problems)
            elif key == "within_group":
                if value not in {"averaging", "best"}:
                    problems.append(
                        Problem(
                            path=path,
                            message=f"expected 'averaging' or 'best', got {value!r}",
                        )
                    )
                else:
                    changes[key] = value
            elif not _is_fraction(value):
                problems.append(
                    Problem(
                        path=path,
                        message=f"expected a number within 0-1, got {value!r}",
                    )
                )
            else:
                changes[key] = float(value)
        if problems:
            raise PolicyError(tuple(problems))
        return attrs.evolve(cls(), **changes)


def _read_grades(
    path: str, value: object, problems: list[Problem]
) -> dict[str, Reliability]:
    grades: dict[str, Reliability] = {}
    if not isinstance(value, Mapping):
        problems.append(
            Problem(path=path, message=f"expected a JSON object, got {value!r}")
        )
        return grades
    by_text = {member.value: member for member in Reliability}
    for source_id in sorted(value):
        grade = by_text.get(value[source_id])
        if grade is None:
            problems.append(
                Problem(
                    path=f"{path}.{source_id}",
                    message=(
                        "expected a reliability grade A-F (Admiralty scale), "
                        f"got {value[source_id]!r}"
                    ),
                )
            )
        else:
            grades[source_id] = grade
    return grades


def _read_opinion(path: str, value: object, problems: list[Problem]) -> Opinion | None:
    names = ("belief", "disbelief", "uncertainty")
    if not isinstance(value, Mapping) or set(value) != set(names):
        problems.append(
            Problem(
                path=path,
                message=(
                    "expected an object with belief, disbelief and uncertainty, "
                    f"got {value!r}"
                ),
            )
        )
        return None
    masses = [value[name] for name in names]
    if not all(_is_fraction(mass) for mass in masses):
        problems.append(
            Problem(
                path=path, message=f"masses must be numbers within 0-1, got {masses}"
            )
        )
        return None
    try:
        return Opinion.of(*(float(mass) for mass in masses))
    except ValueError as error:
        problems.append(Problem(path=path, message=str(error)))
        return None


_KEYED: dict[str, type[Any]] = {
    "trust": Reliability,
    "retention": Mode,
    "testimony": Stance,
    "credibility_terms": Credibility,
}


def _read_keyed(
    name: str, path: str, value: object, problems: list[Problem]
) -> Mapping[Any, Any]:
    keys = _KEYED[name]
    current = dict(getattr(Policy(), name))
    if not isinstance(value, Mapping):
        problems.append(
            Problem(path=path, message=f"expected a JSON object, got {value!r}")
        )
        return current
    by_text = {str(member.value): member for member in keys}
    for key in sorted(value):
        item = value[key]
        where = f"{path}.{key}"
        member = by_text.get(key)
        if member is None:
            choices = ", ".join(by_text)
            problems.append(
                Problem(path=where, message=f"unknown key; expected one of {choices}")
            )
        elif name in {"trust", "testimony"}:
            opinion = _read_opinion(where, item, problems)
            if opinion is not None:
                current[member] = opinion
        elif name == "retention":
            if _is_fraction(item):
                current[member] = float(item)
            else:
                problems.append(
                    Problem(
                        path=where,
                        message=f"expected a number within 0-1, got {item!r}",
                    )
                )
        elif item is None:
            current[member] = None
        else:
            terms = {term.value: term for term in Likelihood}
            if item in terms:
                current[member] = terms[item]
            else:
                problems.append(
                    Problem(
                        path=where,
                        message=(
                            f"expected an ICD 203 term ({', '.join(terms)}) or null, "
                            f"got {item!r}"
                        ),
                    )
                )
    return current
