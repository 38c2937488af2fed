"""The built-in catalog, and running a catalog over a graph."""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Iterable

from claimtrack._bulk import collection_paused
from claimtrack.graph import ClaimGraph

from . import _judgment, _sourcing, _structure, _time
from ._core import Catalog, Finding, Rule, sharing

__all__ = ["catalog_markdown", "check", "default_rules", "explain"]


def __dir__() -> list[str]:
    return list(__all__)


def _rules_of(module: object) -> list[Rule]:
    names: list[str] = getattr(module, "__all__", [])
    found = (getattr(module, name) for name in names)
    return [item for item in found if isinstance(item, Rule)]


_DEFAULT = Catalog(
    rules=(
        *_rules_of(_structure),
        *_rules_of(_time),
        *_rules_of(_sourcing),
        *_rules_of(_judgment),
    )
)

_INTRO = """\
# Check catalog

`claimtrack check` and `claimtrack.checks.check` report what is wrong or weak in
a claim graph, each finding under a stable code. Codes are grouped by their
first digit: **CT1** structure, **CT2** time, **CT3** sourcing, **CT4**
judgment. Select or ignore whole groups by prefix (`CT3`) or single rules by
code (`CT302`).

A rule may report some findings at another severity than its default; where it
does, its entry says when.
"""


def default_rules() -> Catalog:
    """Return the built-in catalog of rules (codes CT101 to CT405).

    The catalog is immutable; `Catalog.with_rule` returns a copy with your own
    rules added.
    """
    return _DEFAULT


def check(
    graph: ClaimGraph,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    rules: Catalog | None = None,
) -> list[Finding]:
    """Run the rules on *graph* and return every finding, in a stable order.

    Findings are sorted by code, then the records they name, then message, and
    identical findings are reported once. Rules never raise on a graph that
    loaded, however broken.

    Args:
        graph: The graph to check.
        select: Codes or code prefixes (``"CT3"``) of the rules to run; all
            rules when None.
        ignore: Codes or prefixes of rules not to run; ignoring wins over
            selecting.
        rules: The catalog to draw rules from; the built-in one when None.

    Raises:
        RuleError: If a code or prefix in *select* or *ignore* names no rule
            in the catalog (it is a `ValueError`).
    """
    catalog = _DEFAULT if rules is None else rules
    chosen = (
        list(catalog.rules)
        if select is None
        else catalog.matching(select, option="select")
    )
    if ignore is not None:
        dropped = {r.code for r in catalog.matching(ignore, option="ignore")}
        chosen = [r for r in chosen if r.code not in dropped]
    found: list[Finding] = []
    # Findings, and what the graph memoises for the rules, are many small
    # records that all stay alive until the end: collecting while they are
    # built would only traverse them, and the whole graph, again and again.
    # Rules of one run share some of what they work out (`shared`).
    with collection_paused(), sharing():
        # A catalog's rules are sorted by code and each rule's findings carry
        # its code, so sorting rule by rule puts the whole list in order, and
        # findings of two rules are never equal.
        for item in chosen:
            found.extend(_sorted_unique(item(graph)))
    return found


def _sorted_unique(findings: list[Finding]) -> list[Finding]:
    """Return one rule's findings sorted, each distinct finding once.

    The order is that of ``sorted(dict.fromkeys(findings), key=...)`` by
    `Finding.sort_key`: equal findings have equal keys, so after a stable sort
    they lie in one run of equal keys, and only within such a (rare) run are
    findings compared, instead of every finding being hashed, `Ref` by `Ref`.
    """
    if _in_order(findings):
        return findings
    keys = _orders(findings)
    unique: list[Finding] = []
    run: list[Finding] = []
    previous: tuple[object, ...] | None = None
    for i in sorted(range(len(findings)), key=keys.__getitem__):
        finding = findings[i]
        if keys[i] != previous:
            previous = keys[i]
            run = [finding]
            unique.append(finding)
        elif finding not in run:
            run.append(finding)
            unique.append(finding)
    return unique


_records = operator.attrgetter("records")
_first = operator.itemgetter(0)
_type = operator.attrgetter("type")
_id = operator.attrgetter("id")


def _in_order(findings: list[Finding]) -> bool:
    """Whether one rule's findings have strictly increasing sort keys.

    Then they are sorted already, with no two equal: most rules walk records
    in id order and report each record first. A key starts with the first
    record's (type, id), so when every finding names a first record of one
    type, ids that increase decide; only findings whose first ids are equal
    (a record reported twice) need their whole keys compared. The ids are
    compared as strings in C, without building a key per finding.
    """
    try:
        firsts = list(map(_first, map(_records, findings)))
    except IndexError:  # a finding naming no record
        firsts = []
    if len(firsts) < len(findings) or len(set(map(_type, firsts))) > 1:
        # Rare: compare whole keys.
        keys = _orders(findings)
        return all(map(operator.lt, keys, itertools.islice(keys, 1, None)))
    ids = list(map(_id, firsts))
    following = itertools.islice(ids, 1, None)
    if not all(map(operator.le, ids, following)):
        return False
    tied = list(map(operator.eq, ids, itertools.islice(ids, 1, None)))
    if not any(tied):
        return True
    firsts_of_ties = list(itertools.compress(findings, tied))
    seconds_of_ties = list(
        itertools.compress(itertools.islice(findings, 1, None), tied)
    )
    return all(map(operator.lt, _orders(firsts_of_ties), _orders(seconds_of_ties)))


_message = operator.attrgetter("message")
_type_and_id = operator.attrgetter("type", "id")
_pairs = functools.partial(map, _type_and_id)


def _orders(findings: list[Finding]) -> list[tuple[object, ...]]:
    """Return the key each finding of one rule sorts by.

    `Finding.sort_key` without the code, which is the same for all the
    findings of one rule, and with each `Ref` as the (type, id) pair it orders
    by: the same order, compared by tuples in C instead of by `Ref.__lt__`.
    The keys are built by maps in C too, not by a Python call per finding: a
    rule may report a hundred thousand findings.
    """
    pairs = map(tuple, map(_pairs, map(_records, findings)))
    return list(zip(pairs, map(_message, findings), strict=True))


def explain(code: str, *, rules: Catalog | None = None) -> str:
    """Return the explanation of one rule, by code or name, as Markdown.

    Raises:
        RuleError: If no rule in the catalog has that code or name.
    """
    return (_DEFAULT if rules is None else rules).get(code).markdown()


def catalog_markdown(rules: Catalog | None = None) -> str:
    """Return the whole catalog as a Markdown page, for the docs and the CLI."""
    return _INTRO + "\n" + (_DEFAULT if rules is None else rules).markdown()
