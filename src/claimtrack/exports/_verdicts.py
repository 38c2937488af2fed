"""The common verdict scale as fact-checkers publish it, and back.

Exported ratings use a five-point scale, ``worstRating`` 1 and ``bestRating``
5:

================  ===========  ==================
`Verdict`         ratingValue  alternateName
================  ===========  ==================
true              5            True
mostly_true       4            Mostly true
mixed             3            Mixed
mostly_false      2            Mostly false
false             1            False
unproven          (none)       Unproven
not_checkable     (none)       Not checkable
================  ===========  ==================

``alternateName`` is the checker's own label when the assessment has one. The
two verdicts off the true-false axis have no number, so their ratings carry
only the label, as Google's guidelines allow for non-numeric ratings.

Reading a textual rating back, the label is looked up case-insensitively
(hyphens, repeated spaces and closing ``!``/``.`` ignored) in `LABELS`; a label
that is not there gives no verdict, but is kept as the assessment's label and
reported. Only then is a numeric ``ratingValue`` on exactly the 1-5 scale above
used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from claimtrack.records import Verdict

__all__ = ["LABELS", "RATING_VALUES", "default_label", "verdict_for"]


def __dir__() -> list[str]:
    return list(__all__)


RATING_VALUES: Mapping[Verdict, int] = MappingProxyType(
    {
        Verdict.TRUE: 5,
        Verdict.MOSTLY_TRUE: 4,
        Verdict.MIXED: 3,
        Verdict.MOSTLY_FALSE: 2,
        Verdict.FALSE: 1,
    }
)
"""Each verdict on the true-false axis and its rating on the 1-5 scale."""

BEST_RATING = 5
WORST_RATING = 1

_WORDS: dict[Verdict, tuple[str, ...]] = {
    Verdict.TRUE: ("true", "correct", "accurate", "vrai", "verdadero", "wahr", "صحيح"),
    Verdict.MOSTLY_TRUE: (
        "mostly true",
        "mostly correct",
        "mostly accurate",
        "largely true",
        "largely accurate",
        "plutôt vrai",
    ),
    Verdict.MIXED: (
        "mixed",
        "mixture",
        "half true",
        "partly true",
        "partly false",
        "partially true",
        "partially false",
        "misleading",
        "missing context",
        "needs context",
        "مضلل",
    ),
    Verdict.MOSTLY_FALSE: (
        "mostly false",
        "largely false",
        "mostly inaccurate",
        "plutôt faux",
    ),
    Verdict.FALSE: (
        "false",
        "incorrect",
        "inaccurate",
        "wrong",
        "fake",
        "fabricated",
        "hoax",
        "pants on fire",
        "four pinocchios",
        "altered",
        "faux",
        "falso",
        "falsch",
        "زائف",
        "كاذب",
        "خطأ",
    ),
    Verdict.UNPROVEN: (
        "unproven",
        "unverified",
        "unsubstantiated",
        "unsupported",
        "no evidence",
        "lacks evidence",
        "not proven",
        "غير مؤكد",
    ),
    Verdict.NOT_CHECKABLE: (
        "not checkable",
        "uncheckable",
        "unverifiable",
        "cannot be verified",
    ),
}

LABELS: Mapping[str, Verdict] = MappingProxyType(
    {word: verdict for verdict, words in _WORDS.items() for word in words}
)
"""Textual ratings (normalised) that map to a verdict on the common scale."""

_NOISE = re.compile(r"[\s_-]+")


def _normalise(label: str) -> str:
    return _NOISE.sub(" ", label.casefold()).strip().rstrip("!. ").strip()


def default_label(verdict: Verdict) -> str:
    """Return the verdict in words, capitalised: ``"Mostly true"``."""
    return verdict.value.replace("_", " ").capitalize()


def verdict_for(
    label: str | None,
    rating: object = None,
    best: object = None,
    worst: object = None,
) -> Verdict | None:
    """Return the verdict a published rating stands for, or None if unknown."""
    if label is not None:
        found = LABELS.get(_normalise(label))
        if found is not None:
            return found
    value, high, low = _number(rating), _number(best), _number(worst)
    if value is None or (high, low) != (BEST_RATING, WORST_RATING):
        return None
    for verdict, number in RATING_VALUES.items():
        if number == value:
            return verdict
    return None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None
