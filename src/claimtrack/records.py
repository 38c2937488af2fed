"""The records of a claim graph and the vocabularies they use.

Six kinds of record, all immutable:

- `Source`: anyone a claim can be credited to (a person, an unnamed group of
  officials, an agency, an outlet, a state news agency).
- `Document`: where words were recorded (a report, an article, a dispatch).
- `Claim`: a proposition someone put forward, in its original wording.
- `Attribution`: one hop of "who said it, where": a claim credited to a source
  in a document, first hand or relaying an upstream attribution (``via``).
- `Relation`: a tie between two claims (supports, contradicts, refines, same as).
- `Assessment`: an analyst's or fact-checker's judgment of a claim.

Records refer to each other by id only; whether those ids exist is a question for
the checks, not for the records, so that a graph with problems can still be
built, loaded and examined as a whole.
"""

from __future__ import annotations

import enum
import json
import math
import re
import types
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, TypeVar, Union, cast

import attrs

from .dates import FuzzyDate

__all__ = [
    "AnalyticConfidence",
    "Assessment",
    "Attribution",
    "Claim",
    "ClaimKind",
    "Credibility",
    "Document",
    "Likelihood",
    "Mode",
    "Record",
    "Relation",
    "RelationKind",
    "Reliability",
    "Source",
    "SourceKind",
    "Stance",
    "Verdict",
]


def __dir__() -> list[str]:
    return list(__all__)


# --- vocabularies -----------------------------------------------------------


class SourceKind(enum.Enum):
    """What kind of party a source is."""

    PERSON = "person"
    GROUP = "group"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    NEWS_OUTLET = "news_outlet"
    STATE_MEDIA = "state_media"
    WIRE_SERVICE = "wire_service"
    OTHER = "other"


class Reliability(enum.Enum):
    """Source reliability on the Admiralty (NATO STANAG 2511) scale.

    A source whose reliability was never assessed has no `Reliability` at all
    (``None``); that is different from `F`, "reliability cannot be judged",
    which is an assessment that was made and came out empty.
    """

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def description(self) -> str:
        """The grade's standard wording."""
        return _RELIABILITY_WORDS[self]


_RELIABILITY_WORDS = {
    Reliability.A: "completely reliable",
    Reliability.B: "usually reliable",
    Reliability.C: "fairly reliable",
    Reliability.D: "not usually reliable",
    Reliability.E: "unreliable",
    Reliability.F: "reliability cannot be judged",
}


class Credibility(enum.IntEnum):
    """Information credibility on the Admiralty scale, 1 (best) to 6."""

    CONFIRMED = 1
    PROBABLY_TRUE = 2
    POSSIBLY_TRUE = 3
    DOUBTFUL = 4
    IMPROBABLE = 5
    CANNOT_BE_JUDGED = 6

    @property
    def description(self) -> str:
        """The grade's standard wording."""
        return _CREDIBILITY_WORDS[self]


_CREDIBILITY_WORDS = {
    Credibility.CONFIRMED: "confirmed by other independent sources",
    Credibility.PROBABLY_TRUE: "probably true",
    Credibility.POSSIBLY_TRUE: "possibly true",
    Credibility.DOUBTFUL: "doubtful",
    Credibility.IMPROBABLE: "improbable",
    Credibility.CANNOT_BE_JUDGED: "truth cannot be judged",
}


class Likelihood(enum.Enum):
    """The estimative terms of ICD 203, each with its probability band."""

    ALMOST_NO_CHANCE = "almost_no_chance"
    VERY_UNLIKELY = "very_unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly_even_chance"
    LIKELY = "likely"
    VERY_LIKELY = "very_likely"
    ALMOST_CERTAIN = "almost_certain"

    @property
    def band(self) -> tuple[float, float]:
        """The probability range the term stands for, per ICD 203."""
        return _LIKELIHOOD_BANDS[self]

    @property
    def words(self) -> str:
        """The term as prose ("roughly even chance")."""
        return self.value.replace("_", " ")

    @classmethod
    def for_probability(cls, probability: float) -> Likelihood:
        """Return the term whose band contains *probability*.

        Bands share their edges; an edge belongs to the band above it, and the
        outer terms also cover 0-1% and 99-100%.
        """
        if not 0.0 <= probability <= 1.0 or math.isnan(probability):
            msg = f"probability must be within 0-1, got {probability!r}"
            raise ValueError(msg)
        for term in reversed(cls):
            if probability >= term.band[0]:
                return term
        return cls.ALMOST_NO_CHANCE


_LIKELIHOOD_BANDS = {
    Likelihood.ALMOST_NO_CHANCE: (0.01, 0.05),
    Likelihood.VERY_UNLIKELY: (0.05, 0.20),
    Likelihood.UNLIKELY: (0.20, 0.45),
    Likelihood.ROUGHLY_EVEN_CHANCE: (0.45, 0.55),
    Likelihood.LIKELY: (0.55, 0.80),
    Likelihood.VERY_LIKELY: (0.80, 0.95),
    Likelihood.ALMOST_CERTAIN: (0.95, 0.99),
}


class AnalyticConfidence(enum.Enum):
    """An analyst's confidence in a judgment (ICD 203)."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Verdict(enum.Enum):
    """A fact-check verdict, on a common scale."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly_true"
    MIXED = "mixed"
    MOSTLY_FALSE = "mostly_false"
    FALSE = "false"
    UNPROVEN = "unproven"
    NOT_CHECKABLE = "not_checkable"


class ClaimKind(enum.Enum):
    """Whether a claim states a fact, an opinion or a prediction."""

    FACT = "fact"
    OPINION = "opinion"
    PREDICTION = "prediction"


class Stance(enum.Enum):
    """What the credited source does with the claim."""

    ASSERTS = "asserts"
    DENIES = "denies"
    HEDGES = "hedges"


class Mode(enum.Enum):
    """How closely a hop reproduces the words it reports."""

    DIRECT_QUOTE = "direct_quote"
    PARAPHRASE = "paraphrase"
    SUMMARY = "summary"


class RelationKind(enum.Enum):
    """How one claim bears on another."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    REFINES = "refines"
    SAME_AS = "same_as"


# Each vocabulary's members by file value, keyed by the value's type as well,
# so that True is not taken for 1 nor 1.0 for 1, and by the members themselves.
_MEMBERS: dict[type[enum.Enum], dict[tuple[type[Any], object], enum.Enum]] = {
    vocabulary: {
        **{(type(member.value), member.value): member for member in vocabulary},
        **{(vocabulary, member): member for member in vocabulary},
    }
    for vocabulary in (
        SourceKind,
        Reliability,
        Credibility,
        Likelihood,
        AnalyticConfidence,
        Verdict,
        ClaimKind,
        Stance,
        Mode,
        RelationKind,
    )
}


# --- field validation and conversion ----------------------------------------

# Every empty mapping of every record: most records have no extra, names or
# translations, and a read-only empty mapping can safely be shared.
_EMPTY: Mapping[str, Any] = types.MappingProxyType({})

ID_PATTERN = r"[A-Za-z0-9](?:[A-Za-z0-9._:-]{0,126}[A-Za-z0-9])?"
"""What an id looks like: a short slug (the whole text must match)."""

LANGUAGE_PATTERN = r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*"
"""What a language tag looks like: 'ar', 'en-GB' (the whole text must match)."""

_ID_RE = re.compile(ID_PATTERN)
_LANGUAGE_RE = re.compile(LANGUAGE_PATTERN)

E = TypeVar("E", bound=enum.Enum)

JSONValue = Union[  # noqa: UP007 - evaluated at runtime on Python 3.10
    None, bool, int, float, str, list["JSONValue"], dict[str, "JSONValue"]
]


def _bad_id(attribute: attrs.Attribute[Any], value: object) -> ValueError:
    msg = (
        f"{attribute.name} must be a short slug of letters, digits and "
        f"'.', '_', ':', '-' (at most 128, starting and ending with a letter "
        f"or digit), got {value!r}"
    )
    return ValueError(msg)


def _check_id(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _ID_RE.fullmatch(value) is None:
        raise _bad_id(attribute, value)


def _check_optional_id(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is not None and (
        not isinstance(value, str) or _ID_RE.fullmatch(value) is None
    ):
        raise _bad_id(attribute, value)


def _check_ids(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    for item in value:  # type: ignore[attr-defined]
        _check_id(instance, attribute, item)


def _check_language(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        not isinstance(value, str) or _LANGUAGE_RE.fullmatch(value) is None
    ):
        msg = (
            f"{attribute.name} must be a language tag like 'ar' or 'en-GB', "
            f"got {value!r}"
        )
        raise ValueError(msg)


def _check_language_keys(
    instance: object, attribute: attrs.Attribute[Any], value: Mapping[str, str]
) -> None:
    if value is _EMPTY:
        return
    for tag, text in value.items():
        _check_language(instance, attribute, tag)
        if not isinstance(text, str):
            msg = f"{attribute.name}[{tag!r}] must be text, got {type(text).__name__}"
            raise TypeError(msg)


def _check_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        msg = f"{attribute.name} must be text, got {type(value).__name__}"
        raise TypeError(msg)


def _check_required_text(
    _: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if not isinstance(value, str):
        msg = f"{attribute.name} must be text, got {type(value).__name__}"
        raise TypeError(msg)


def _check_required_language(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    if value is None:
        msg = f"{attribute.name} must be a language tag like 'ar' or 'en-GB', got None"
        raise ValueError(msg)
    _check_language(instance, attribute, value)


def _check_flag(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        msg = f"{attribute.name} must be true or false, got {value!r}"
        raise TypeError(msg)


def _check_extra(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is _EMPTY:
        return
    problem = json_problem(value)
    if problem is not None:
        msg = f"{attribute.name}{problem}"
        raise ValueError(msg)


MAX_JSON_DEPTH = 64
"""How deeply the values of an ``extra`` mapping may nest (objects and arrays).

The limit keeps every value that loads also writable: JSON encoders recurse, and
a value nested near the interpreter's recursion limit would load but not dump.
"""


def json_problem(value: object) -> str | None:
    """Return why *value* is not a JSON object, or None if it is one.

    The walk is iterative, so deeply nested values cannot exhaust the stack.
    """
    if not isinstance(value, Mapping):
        return f" must be a mapping, got {type(value).__name__}"
    stack: list[tuple[str, int, object]] = [("", 0, value)]
    while stack:
        path, depth, item = stack.pop()
        if item is None or isinstance(item, (bool, int, str)):
            continue
        if isinstance(item, float):
            if not math.isfinite(item):
                return f"{path} must be a finite number, got {item!r}"
        elif isinstance(item, (Mapping, list, tuple)):
            if depth > MAX_JSON_DEPTH:
                return f"{path} nests deeper than {MAX_JSON_DEPTH} levels"
            if isinstance(item, Mapping):
                for key, child in item.items():
                    if not isinstance(key, str):
                        return f"{path} keys must be strings, got {key!r}"
                    stack.append((f"{path}[{key!r}]", depth + 1, child))
            else:
                stack.extend(
                    (f"{path}[{i}]", depth + 1, child) for i, child in enumerate(item)
                )
        else:
            return f"{path} must hold only JSON values, got {type(item).__name__}"
    return None


def _json_copy(value: Mapping[str, Any]) -> dict[str, Any]:
    """Return a fresh copy of a JSON object, made of plain dicts and lists.

    Copying cuts every link to the caller's mutable containers, so a record
    cannot change after it is built, and tuples become lists so that a record
    built in Python equals the same record read back from its file. Values
    that are not JSON are copied as they are, for the validator to report.
    """
    root: dict[str, Any] = dict.fromkeys(value)
    stack: list[tuple[Any, Any, int, object]] = [
        (root, key, 1, child) for key, child in value.items()
    ]
    while stack:
        parent, key, depth, item = stack.pop()
        if isinstance(item, Mapping):
            if depth > MAX_JSON_DEPTH:
                msg = f"extra must not nest deeper than {MAX_JSON_DEPTH} levels"
                raise ValueError(msg)
            copy: Any = dict.fromkeys(item)
            stack.extend((copy, k, depth + 1, child) for k, child in item.items())
        elif isinstance(item, (list, tuple)):
            if depth > MAX_JSON_DEPTH:
                msg = f"extra must not nest deeper than {MAX_JSON_DEPTH} levels"
                raise ValueError(msg)
            copy = [None] * len(item)
            stack.extend((copy, i, depth + 1, child) for i, child in enumerate(item))
        else:
            copy = item
        parent[key] = copy
    return root


def _json_key(value: Mapping[str, Any]) -> str:
    """Return a text that two JSON objects share only if they are the same JSON.

    Python's ``==`` takes ``True`` for ``1``, ``1`` for ``1.0`` and ``0.0`` for
    ``-0.0``; a file does not, so equality of ``extra`` must not either.
    """
    if value is _EMPTY:
        # Most records have no extra: comparing them, as merging graphs that
        # share records does, need not write anything out.
        return "{}"
    try:
        return json.dumps(dict(value), sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):
        # Not JSON (only possible if validation was bypassed): fall back to repr.
        return repr(value)


def _member(cls: type[E], field: str, value: object, scale: str = "") -> E:
    """Return the member of *cls* whose file value is *value*."""
    try:
        return cast("E", _MEMBERS[cls][type(value), value])
    except (KeyError, TypeError):
        # Not a vocabulary of the records, not a file value, or unhashable:
        # the general search below decides.
        pass
    if isinstance(value, cls):
        return value
    # Compare types too, so that True is not taken for 1 nor 1.0 for 1.
    for member in cls:
        if type(member.value) is type(value) and member.value == value:
            return member
    choices = ", ".join(repr(member.value) for member in cls)
    msg = f"{field} must be one of {choices}{scale}, got {value!r}"
    raise ValueError(msg)


def _date(value: FuzzyDate | str | None) -> FuzzyDate | None:
    if value is None or isinstance(value, FuzzyDate):
        return value
    return FuzzyDate.parse(value)


def _strings(name: str, value: Iterable[str]) -> tuple[str, ...]:
    if type(value) is tuple or type(value) is list:
        items = tuple(value)
        if all(type(item) is str for item in items):
            return items
    if isinstance(value, str):
        msg = f"{name} must be a list of strings, got the single string {value!r}"
        raise TypeError(msg)
    if not isinstance(value, Iterable):
        msg = f"{name} must be a list of strings, got {type(value).__name__}"
        raise TypeError(msg)
    items = value if type(value) is tuple else tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            msg = f"{name} must be a list of strings, got {item!r} at [{i}]"
            raise TypeError(msg)
    return items


def _aliases(value: Iterable[str]) -> tuple[str, ...]:
    return _strings("aliases", value)


def _about(value: Iterable[str]) -> tuple[str, ...]:
    return _strings("about", value)


def _frozen_mapping(name: str, value: Mapping[str, Any]) -> Mapping[str, Any]:
    if type(value) is not dict and not isinstance(value, Mapping):
        msg = f"{name} must be a mapping, got {type(value).__name__}"
        raise TypeError(msg)
    if not value:
        return _EMPTY
    return types.MappingProxyType(dict(value))


def _names(value: Mapping[str, str]) -> Mapping[str, str]:
    return _frozen_mapping("names", value)


def _translations(value: Mapping[str, str]) -> Mapping[str, str]:
    return _frozen_mapping("translations", value)


def _frozen_json(value: Mapping[str, Any]) -> Mapping[str, Any]:
    if type(value) is not dict and not isinstance(value, Mapping):
        msg = f"extra must be a mapping, got {type(value).__name__}"
        raise TypeError(msg)
    if not value:
        return _EMPTY
    return types.MappingProxyType(_json_copy(value))


def _source_kind(value: SourceKind | str) -> SourceKind:
    return _member(SourceKind, "kind", value)


def _reliability(value: Reliability | str | None) -> Reliability | None:
    if value is None:
        return None
    return _member(Reliability, "reliability", value, " (Admiralty scale)")


def _claim_kind(value: ClaimKind | str) -> ClaimKind:
    return _member(ClaimKind, "kind", value)


def _stance(value: Stance | str) -> Stance:
    return _member(Stance, "stance", value)


def _mode(value: Mode | str) -> Mode:
    return _member(Mode, "mode", value)


def _relation_kind(value: RelationKind | str) -> RelationKind:
    return _member(RelationKind, "kind", value)


def _credibility(value: Credibility | int | None) -> Credibility | None:
    if value is None:
        return None
    return _member(Credibility, "credibility", value, " (Admiralty scale)")


def _likelihood(value: Likelihood | str | None) -> Likelihood | None:
    if value is None:
        return None
    return _member(Likelihood, "likelihood", value, " (ICD 203 terms)")


def _confidence(value: AnalyticConfidence | str | None) -> AnalyticConfidence | None:
    if value is None:
        return None
    return _member(AnalyticConfidence, "confidence", value)


def _verdict(value: Verdict | str | None) -> Verdict | None:
    if value is None:
        return None
    return _member(Verdict, "verdict", value)


def _note() -> Any:
    return attrs.field(default=None, validator=_check_text)


def _extra() -> Any:
    return attrs.field(
        factory=dict,
        converter=_frozen_json,
        validator=_check_extra,
        eq=_json_key,
        hash=False,
    )


# --- records ----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Source:
    """Anyone a claim can be credited to.

    Attributes:
        id: Short stable slug.
        name: Display name, as the project's users know the source.
        names: The name in other languages, by language tag.
        aliases: Other names the source goes by, in any language.
        kind: What kind of party this is.
        anonymous: Whether the reporting withholds who the source is.
        descriptor: How the reporting characterises an unnamed source ("current
            and former US officials familiar with the exchanges").
        affiliation: Id of the source this one belongs to or speaks for.
        reliability: Admiralty reliability, or None if never assessed.
    """

    TYPE: ClassVar[str] = "source"

    id: str = attrs.field(validator=_check_id)
    name: str = attrs.field(validator=_check_required_text)
    names: Mapping[str, str] = attrs.field(
        factory=dict,
        converter=_names,
        validator=_check_language_keys,
        hash=False,
    )
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    kind: SourceKind = attrs.field(default=SourceKind.OTHER, converter=_source_kind)
    anonymous: bool = attrs.field(default=False, validator=_check_flag)
    descriptor: str | None = attrs.field(default=None, validator=_check_text)
    affiliation: str | None = attrs.field(default=None, validator=_check_optional_id)
    reliability: Reliability | None = attrs.field(default=None, converter=_reliability)
    note: str | None = _note()
    extra: Mapping[str, JSONValue] = _extra()


@attrs.frozen(kw_only=True)
class Document:
    """Where words were recorded: a report, an article, a dispatch, a post.

    Attributes:
        id: Short stable slug.
        publisher: Id of the source that published it.
        title: The title as published, in its own language.
        url: Where it can be read.
        published: When it was published, as precisely as known.
        language: Language tag of the document.
        retracted: When the publisher retracted it, if it did.
    """

    TYPE: ClassVar[str] = "document"

    id: str = attrs.field(validator=_check_id)
    publisher: str | None = attrs.field(default=None, validator=_check_optional_id)
    title: str | None = attrs.field(default=None, validator=_check_text)
    url: str | None = attrs.field(default=None, validator=_check_text)
    published: FuzzyDate | None = attrs.field(default=None, converter=_date)
    language: str | None = attrs.field(default=None, validator=_check_language)
    retracted: FuzzyDate | None = attrs.field(default=None, converter=_date)
    note: str | None = _note()
    extra: Mapping[str, JSONValue] = _extra()


@attrs.frozen(kw_only=True)
class Claim:
    """A proposition, kept in the wording and language it was put forward in.

    Attributes:
        id: Short stable slug.
        text: The claim in its original wording, exactly as given.
        language: Language tag of `text`.
        translations: The claim in other languages, by language tag.
        kind: Fact, opinion or prediction.
        about: Ids of the sources or parties the claim concerns; an origin
            among them has a stake in the claim.
        event_date: When the claimed event happened, if the claim dates one.
        place: Where it happened, in words.
    """

    TYPE: ClassVar[str] = "claim"

    id: str = attrs.field(validator=_check_id)
    text: str = attrs.field(validator=_check_required_text)
    language: str = attrs.field(validator=_check_required_language)
    translations: Mapping[str, str] = attrs.field(
        factory=dict,
        converter=_translations,
        validator=_check_language_keys,
        hash=False,
    )
    kind: ClaimKind = attrs.field(default=ClaimKind.FACT, converter=_claim_kind)
    about: tuple[str, ...] = attrs.field(
        default=(), converter=_about, validator=_check_ids
    )
    event_date: FuzzyDate | None = attrs.field(default=None, converter=_date)
    place: str | None = attrs.field(default=None, validator=_check_text)
    note: str | None = _note()
    extra: Mapping[str, JSONValue] = _extra()


@attrs.frozen(kw_only=True)
class Attribution:
    """One hop of who-said-it-where.

    Claim *claim* is credited to *source* in *document*. A first-hand statement
    has no *via*; a relay names the upstream attribution it reports, so that
    following *via* to its end reaches the origin.

    Attributes:
        id: Short stable slug.
        claim: Id of the claim.
        source: Id of the source credited in this hop.
        document: Id of the document that records this hop.
        via: Id of the upstream attribution this hop relays, if any.
        stance: Whether the source asserts, denies or hedges the claim.
        mode: Direct quote, paraphrase or summary.
        cue: The attribution phrase as written ("ونقلت صحيفة واشنطن بوست عن مسؤولين").
        quote: The verbatim span of the document.
        said: When the source said it, as precisely as known.
        retracted: When the attribution was withdrawn, if it was.
    """

    TYPE: ClassVar[str] = "attribution"

    id: str = attrs.field(validator=_check_id)
    claim: str = attrs.field(validator=_check_id)
    source: str = attrs.field(validator=_check_id)
    document: str = attrs.field(validator=_check_id)
    via: str | None = attrs.field(default=None, validator=_check_optional_id)
    stance: Stance = attrs.field(default=Stance.ASSERTS, converter=_stance)
    mode: Mode = attrs.field(default=Mode.PARAPHRASE, converter=_mode)
    cue: str | None = attrs.field(default=None, validator=_check_text)
    quote: str | None = attrs.field(default=None, validator=_check_text)
    said: FuzzyDate | None = attrs.field(default=None, converter=_date)
    retracted: FuzzyDate | None = attrs.field(default=None, converter=_date)
    note: str | None = _note()
    extra: Mapping[str, JSONValue] = _extra()


@attrs.frozen(kw_only=True)
class Relation:
    """How claim *claim* bears on claim *target*: "claim refines target".

    Attributes:
        id: Short stable slug.
        kind: Supports, contradicts, refines or same as.
        claim: Id of the claim the relation starts from.
        target: Id of the claim it bears on.
    """

    TYPE: ClassVar[str] = "relation"

    id: str = attrs.field(validator=_check_id)
    kind: RelationKind = attrs.field(converter=_relation_kind)
    claim: str = attrs.field(validator=_check_id)
    target: str = attrs.field(validator=_check_id)
    note: str | None = _note()
    extra: Mapping[str, JSONValue] = _extra()


@attrs.frozen(kw_only=True)
class Assessment:
    """An analyst's or fact-checker's judgment of a claim.

    Attributes:
        id: Short stable slug.
        claim: Id of the claim judged.
        by: Id of the source (analyst, fact-checker) who judged it.
        credibility: Admiralty credibility, 1 (confirmed) to 6.
        likelihood: ICD 203 estimative term.
        confidence: Analytic confidence in the judgment.
        verdict: Fact-check verdict on the common scale.
        label: The checker's own wording of the verdict ("Misleading").
        rationale: Why, in words.
        date: When the judgment was made.
        url: Where it was published.
    """

    TYPE: ClassVar[str] = "assessment"

    id: str = attrs.field(validator=_check_id)
    claim: str = attrs.field(validator=_check_id)
    by: str | None = attrs.field(default=None, validator=_check_optional_id)
    credibility: Credibility | None = attrs.field(default=None, converter=_credibility)
    likelihood: Likelihood | None = attrs.field(default=None, converter=_likelihood)
    confidence: AnalyticConfidence | None = attrs.field(
        default=None, converter=_confidence
    )
    verdict: Verdict | None = attrs.field(default=None, converter=_verdict)
    label: str | None = attrs.field(default=None, validator=_check_text)
    rationale: str | None = attrs.field(default=None, validator=_check_text)
    date: FuzzyDate | None = attrs.field(default=None, converter=_date)
    url: str | None = attrs.field(default=None, validator=_check_text)
    note: str | None = _note()
    extra: Mapping[str, JSONValue] = _extra()


Record = Union[Source, Document, Claim, Attribution, Relation, Assessment]  # noqa: UP007
"""Any one of the six record types."""

RECORD_TYPES: tuple[type[Record], ...] = (
    Source,
    Document,
    Claim,
    Attribution,
    Relation,
    Assessment,
)
