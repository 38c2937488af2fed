"""What a check is made of: severities, findings, rules and catalogs of rules."""

from __future__ import annotations

import contextlib
import contextvars
import enum
import functools
import itertools
import operator
import re
import textwrap
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from claimtrack._memo import Memo
from claimtrack.errors import ClaimtrackError
from claimtrack.graph import ClaimGraph
from claimtrack.records import Record

__all__ = [
    "Catalog",
    "Finding",
    "Memo",
    "Ref",
    "RefsOf",
    "Rule",
    "RuleError",
    "Severity",
    "builtin_finding",
    "builtin_rule",
    "make_ref",
    "ref_to",
    "rule",
    "shared",
    "sharing",
]


def __dir__() -> list[str]:
    return list(__all__)


class RuleError(ClaimtrackError, ValueError):
    """A rule or a rule code that cannot be used.

    Raised for a code that clashes with another rule or with the reserved
    ``CT`` prefix, and for a code or prefix in ``select``, ``ignore`` or
    `explain` that names no rule.

    Attributes:
        code: The code or prefix at fault.
    """

    code: str

    def __init__(self, message: str, *, code: str) -> None:
        self.code = code
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_rule_error, (str(self), self.code))


def _rebuild_rule_error(message: str, code: str) -> RuleError:
    return RuleError(message, code=code)


class Severity(enum.Enum):
    """How serious a finding is; severities compare, ``INFO < WARNING < ERROR``.

    - ``error``: the graph says something impossible or self-contradictory.
    - ``warning``: the sourcing or a judgment is weak in a way a reader
      should know before relying on the claim.
    - ``info``: worth a look; not wrong in itself.
    """

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANKS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _severity(value: Severity | str) -> Severity:
    if isinstance(value, Severity):
        return value
    try:
        return Severity(value)
    except ValueError:
        choices = ", ".join(repr(s.value) for s in Severity)
        msg = f"severity must be one of {choices}, got {value!r}"
        raise ValueError(msg) from None


_RECORD_TYPES = frozenset(
    {"source", "document", "claim", "attribution", "relation", "assessment"}
)


def _check_record_type(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in _RECORD_TYPES:
        choices = ", ".join(sorted(_RECORD_TYPES))
        msg = f"{attribute.name} must be one of {choices}, got {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True, order=True)
class Ref:
    """A reference to one record of a graph: its type and its id.

    The text form is ``type:id`` (``claim:us-shared-intel``). The record need
    not exist: a finding about a dangling reference names the missing id.

    Attributes:
        type: The record type: source, document, claim, attribution,
            relation or assessment.
        id: The record's id.
    """

    type: str = attrs.field(validator=_check_record_type)
    id: str

    @classmethod
    def to(cls, record: Record) -> Ref:
        """Return the reference to *record*."""
        return cls(type=record.TYPE, id=record.id)

    @classmethod
    def parse(cls, text: str) -> Ref:
        """Read a reference from its text form, ``type:id``.

        Raises:
            ValueError: If *text* does not start with a record type and a colon.
        """
        kind, colon, record_id = text.partition(":")
        if not colon or not record_id:
            msg = f"expected a reference like 'claim:us-shared-intel', got {text!r}"
            raise ValueError(msg)
        return cls(type=kind, id=record_id)

    def __str__(self) -> str:
        return f"{self.type}:{self.id}"


def _refs(value: Iterable[Ref]) -> tuple[Ref, ...]:
    items = tuple(value)
    for item in items:
        if not isinstance(item, Ref):
            msg = f"records must hold only Ref values, got {item!r}"
            raise TypeError(msg)
    return items


@attrs.frozen(kw_only=True)
class Finding:
    """One problem a rule found in a graph.

    Findings sort by code, then the records they name, then message, so a
    list of them reads the same however the graph was built.

    Attributes:
        code: The code of the rule that found it (``CT301``).
        severity: How serious it is; usually the rule's default severity.
        message: What is wrong, in plain words naming the records.
        records: The records involved, the one the finding is about first.
        hint: What to verify or how to fix it.
    """

    code: str
    severity: Severity = attrs.field(converter=_severity)
    message: str
    records: tuple[Ref, ...] = attrs.field(converter=_refs)
    hint: str = ""

    @property
    def sort_key(self) -> tuple[str, tuple[Ref, ...], str]:
        """The tuple (code, records, message) that findings sort by."""
        return (self.code, self.records, self.message)

    def __str__(self) -> str:
        where = " ".join(str(ref) for ref in self.records)
        return f"{self.code} {self.severity.value} [{where}] {self.message}"


# The built-in rules build hundreds of thousands of references and findings on a
# large graph, always from values that are valid by construction: a record's
# own type or a literal one, a `Severity`, a tuple of `Ref`. These builders set
# the fields directly, as the generated ``__init__`` of a frozen class does,
# without the validators and converters the public constructors run on values
# from outside. They write each field through its slot, which is what
# ``object.__setattr__`` ends up doing after looking the slot up by name.
_new = object.__new__
_set_ref_type = Ref.__dict__["type"].__set__
_set_ref_id = Ref.__dict__["id"].__set__
_set_code = Finding.__dict__["code"].__set__
_set_severity = Finding.__dict__["severity"].__set__
_set_message = Finding.__dict__["message"].__set__
_set_records = Finding.__dict__["records"].__set__
_set_hint = Finding.__dict__["hint"].__set__


def make_ref(kind: str, record_id: str) -> Ref:
    """Return ``Ref(type=kind, id=record_id)``; *kind* must be a record type."""
    ref = _new(Ref)
    _set_ref_type(ref, kind)
    _set_ref_id(ref, record_id)
    return ref


def ref_to(record: Record) -> Ref:
    """Return ``Ref.to(record)``, without validating the record's type."""
    ref = _new(Ref)
    _set_ref_type(ref, record.TYPE)
    _set_ref_id(ref, record.id)
    return ref


_code_of = operator.attrgetter("code")


def _all_equal(values: Iterable[object], value: object) -> bool:
    """Whether every one of *values* equals *value*, compared in C."""
    return all(map(operator.eq, values, itertools.repeat(value)))


T = TypeVar("T")


class RefsOf(Memo[Ref]):
    """One `Ref` to each id of one record type, made the first time it is asked.

    A `Ref` is immutable and compares by value, so a shared one is as good as
    a fresh one.
    """

    __slots__ = ()

    def __init__(self, kind: str) -> None:
        super().__init__(functools.partial(make_ref, kind))


# What the rules of one `check` run share, by graph and name: some values
# (the fact claims with their support, the credited claims) serve two rules,
# and are worth working out once, but not worth keeping with the graph once
# the run is over. None outside a run.
_SHARED: contextvars.ContextVar[dict[tuple[int, str], tuple[ClaimGraph, Any]] | None]
_SHARED = contextvars.ContextVar("claimtrack_check_shared", default=None)


@contextlib.contextmanager
def sharing() -> Iterator[None]:
    """Let the rules run inside share the values they ask `shared` for."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def shared(graph: ClaimGraph, name: str, compute: Callable[[], T]) -> T:
    """Return ``compute()``, worked out once per graph in a `sharing` run.

    Outside a run (a rule called on its own) it is worked out on every call.
    The value must depend on the graph alone, and must not be changed by
    those who ask for it.
    """
    found = _SHARED.get()
    if found is None:
        return compute()
    # Keyed by the graph's identity, and holding the graph so that the
    # identity cannot pass to another graph during the run.
    key = (id(graph), name)
    held = found.get(key)
    if held is None:
        held = found[key] = (graph, compute())
    return held[1]


Check = Callable[[ClaimGraph], Iterable[Finding]]
"""What a rule runs: a function from a graph to the findings in it."""

_CODE_RE = re.compile(r"[A-Z]{1,8}[0-9]{1,6}")
_NAME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_RESERVED_PREFIX = "CT"

# The built-in rules, by code; filled once, as the rule modules are imported,
# and never changed afterwards. Only these may carry the reserved prefix.
_BUILTIN: dict[str, Rule] = {}


def _check_code(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _CODE_RE.fullmatch(value) is None:
        msg = (
            f"{attribute.name} must be capital letters then digits, "
            f"like 'X101', got {value!r}"
        )
        raise ValueError(msg)


def _check_name(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _NAME_RE.fullmatch(value) is None:
        msg = (
            f"{attribute.name} must be a lowercase slug like 'anonymous-only', "
            f"got {value!r}"
        )
        raise ValueError(msg)


def _check_summary(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        msg = f"{attribute.name} must be one non-empty line, got {value!r}"
        raise ValueError(msg)


def _dedent(value: str) -> str:
    if not isinstance(value, str):
        msg = f"explanation must be Markdown text, got {type(value).__name__}"
        raise TypeError(msg)
    return textwrap.dedent(value).strip()


@attrs.frozen(kw_only=True)
class Rule:
    """A check with a stable code, and the words to explain it.

    Make one with the `rule` decorator. Calling a rule runs it on a graph.

    Attributes:
        code: Stable code, capital letters then digits (``CT301``); the
            ``CT`` prefix belongs to claimtrack's own rules.
        name: A lowercase slug naming the rule (``anonymous-only``).
        severity: The severity of its findings unless a finding says otherwise.
        summary: What the rule reports, in one line.
        explanation: What it reports, why it matters, an example and how to fix
            it, as Markdown.
        function: The check itself: a function from a graph to findings.
    """

    code: str = attrs.field(validator=_check_code)
    name: str = attrs.field(validator=_check_name)
    severity: Severity = attrs.field(converter=_severity)
    summary: str = attrs.field(validator=_check_summary)
    explanation: str = attrs.field(converter=_dedent)
    function: Check = attrs.field(repr=False)

    def __call__(self, graph: ClaimGraph) -> list[Finding]:
        """Run the rule on *graph* and return its findings.

        Raises:
            RuleError: If the function returns a finding with another code.
        """
        found = list(self.function(graph))
        if _all_equal(map(_code_of, found), self.code):
            # Every finding is the rule's own, found without a Python step
            # per finding: a rule may report a hundred thousand.
            return found
        for finding in found:
            if finding.code != self.code:
                msg = (
                    f"rule {self.code} ({self.name}) returned a finding with code "
                    f"{finding.code!r}; build findings with {self.name}.finding(...)"
                )
                raise RuleError(msg, code=self.code)
        return found

    def finding(
        self,
        message: str,
        *,
        records: Iterable[Ref],
        hint: str = "",
        severity: Severity | str | None = None,
    ) -> Finding:
        """Return a finding of this rule, at its default severity unless given."""
        return Finding(
            code=self.code,
            severity=self.severity if severity is None else severity,
            message=message,
            records=tuple(records),
            hint=hint,
        )

    def markdown(self) -> str:
        """Return the rule's entry in the catalog, as Markdown."""
        return (
            f"## {self.code} {self.name}\n\n"
            f"Default severity: **{self.severity.value}**. {self.summary}\n\n"
            f"{self.explanation}\n"
        )


def rule(
    *,
    code: str,
    name: str,
    severity: Severity | str,
    summary: str,
    explanation: str,
) -> Callable[[Check], Rule]:
    """Turn a function from a graph to findings into a `Rule`.

    The function is called once per `claimtrack.checks.check` run and must not
    raise on any graph that loaded: records may refer to ids that do not exist,
    and relay and affiliation chains may loop.

    Example:
        >>> from claimtrack.checks import Ref, default_rules, rule
        >>> @rule(
        ...     code="X101",
        ...     name="untranslated-claim",
        ...     severity="info",
        ...     summary="A claim with no English translation.",
        ...     explanation="Desk editors read English; translate the claim.",
        ... )
        ... def untranslated_claim(graph):
        ...     for claim in graph.claims:
        ...         if claim.language != "en" and "en" not in claim.translations:
        ...             yield untranslated_claim.finding(
        ...                 f"claim {claim.id!r} has no English translation",
        ...                 records=[Ref.to(claim)],
        ...                 hint="Add an 'en' entry to its translations.",
        ...             )
        >>> rules = default_rules().with_rule(untranslated_claim)
        >>> "X101" in rules
        True

    Raises:
        RuleError: If *code* starts with ``CT``, the prefix of the built-in rules.
    """
    if code.startswith(_RESERVED_PREFIX):
        msg = (
            f"rule code {code!r} starts with {_RESERVED_PREFIX!r}, the prefix of "
            "claimtrack's built-in rules; give your rules a prefix of your own, "
            "such as 'X'"
        )
        raise RuleError(msg, code=code)
    return _decorator(code, name, severity, summary, explanation)


def builtin_finding(
    rule: Rule,
    message: str,
    *,
    records: tuple[Ref, ...],
    hint: str,
    severity: Severity | None = None,
) -> Finding:
    """Return what ``rule.finding(...)`` returns, without validating the fields.

    For the built-in rules only: *records* must be a tuple of `Ref`, and
    *severity* a `Severity` or None for the rule's own.
    """
    finding = _new(Finding)
    _set_code(finding, rule.code)
    _set_severity(finding, rule.severity if severity is None else severity)
    _set_message(finding, message)
    _set_records(finding, records)
    _set_hint(finding, hint)
    return finding


def builtin_rule(
    *,
    code: str,
    name: str,
    severity: Severity | str,
    summary: str,
    explanation: str,
) -> Callable[[Check], Rule]:
    """Make and reserve one of claimtrack's own rules (not public)."""
    make = _decorator(code, name, severity, summary, explanation)

    def register(function: Check) -> Rule:
        made = make(function)
        if code in _BUILTIN:
            msg = f"built-in rule code {code!r} is defined twice"
            raise RuleError(msg, code=code)
        _BUILTIN[code] = made
        return made

    return register


def _decorator(
    code: str,
    name: str,
    severity: Severity | str,
    summary: str,
    explanation: str,
) -> Callable[[Check], Rule]:
    def make(function: Check) -> Rule:
        return Rule(
            code=code,
            name=name,
            severity=severity,
            summary=summary,
            explanation=explanation,
            function=function,
        )

    return make


def _check_rules(_: Catalog, __: attrs.Attribute[Any], value: Any) -> None:
    codes: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for item in value:
        if not isinstance(item, Rule):
            msg = f"a catalog holds only Rule values, got {type(item).__name__}"
            raise TypeError(msg)
        if (
            item.code.startswith(_RESERVED_PREFIX)
            and _BUILTIN.get(item.code) is not item
        ):
            msg = (
                f"rule code {item.code!r} starts with {_RESERVED_PREFIX!r}, the "
                "prefix of claimtrack's built-in rules; give your rules a prefix "
                "of your own, such as 'X'"
            )
            raise RuleError(msg, code=item.code)
        if item.code in codes:
            msg = (
                f"rule code {item.code!r} is taken by rule "
                f"{codes[item.code].name!r}; each rule needs its own code"
            )
            raise RuleError(msg, code=item.code)
        if item.name in names:
            msg = (
                f"rule name {item.name!r} is taken by rule "
                f"{names[item.name].code}; each rule needs its own name"
            )
            raise RuleError(msg, code=item.code)
        codes[item.code] = item
        names[item.name] = item


def _sorted_rules(value: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(sorted(value, key=_rule_code))


def _rule_code(item: Rule) -> str:
    return item.code


@attrs.frozen(kw_only=True)
class Catalog:
    """An immutable set of rules, by code.

    `claimtrack.checks.default_rules` returns the built-in catalog; add your
    own rules to a copy with `with_rule`, which never changes the catalog it is
    called on, and pass the copy to `claimtrack.checks.check` as ``rules``.

    Attributes:
        rules: The rules, sorted by code.
    """

    rules: tuple[Rule, ...] = attrs.field(
        default=(), converter=_sorted_rules, validator=_check_rules
    )

    def with_rule(self, *rules: Rule) -> Catalog:
        """Return a catalog with these rules added.

        Raises:
            RuleError: If a code or name is taken, or a code uses the ``CT``
                prefix reserved for the built-in rules.
        """
        return Catalog(rules=(*self.rules, *rules))

    def without(self, *codes: str) -> Catalog:
        """Return a catalog without the rules matching these codes or prefixes.

        Raises:
            RuleError: If a code or prefix matches no rule.
        """
        dropped = {item.code for item in self.matching(codes, option="without")}
        return Catalog(rules=(r for r in self.rules if r.code not in dropped))

    def matching(self, codes: Iterable[str], *, option: str = "select") -> list[Rule]:
        """Return the rules whose code starts with any of *codes*, by code.

        Raises:
            RuleError: If one of *codes* matches no rule; *option* names the
                setting it came from, for the message.
        """
        if isinstance(codes, str):
            msg = f"{option} must be a list of codes, got the single string {codes!r}"
            raise TypeError(msg)
        wanted: list[object] = list(codes)
        for code in wanted:
            if not isinstance(code, str) or not any(
                r.code.startswith(code) for r in self.rules
            ):
                known = ", ".join(r.code for r in self.rules)
                msg = (
                    f"{option}: {code!r} is not a rule code or code prefix; "
                    f"known codes: {known}"
                )
                raise RuleError(msg, code=str(code))
        prefixes = tuple(str(code) for code in wanted)
        return [r for r in self.rules if r.code.startswith(prefixes)]

    def get(self, code: str) -> Rule:
        """Return the rule with this code or name.

        Raises:
            RuleError: If no rule has that code or name.
        """
        for item in self.rules:
            if code in {item.code, item.name}:
                return item
        known = ", ".join(r.code for r in self.rules)
        msg = f"no rule has the code or name {code!r}; known codes: {known}"
        raise RuleError(msg, code=code)

    def markdown(self) -> str:
        """Return the whole catalog as a Markdown page: a table, then each rule."""
        lines = [
            "| code | name | severity | summary |",
            "| --- | --- | --- | --- |",
        ]
        lines.extend(
            f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | "
            f"{r.severity.value} | {r.summary} |"
            for r in self.rules
        )
        sections = [r.markdown() for r in self.rules]
        return "\n".join(lines) + "\n\n" + "\n".join(sections)

    def __contains__(self, code: object) -> bool:
        return any(code in {r.code, r.name} for r in self.rules)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)
