"""Consistency checks: a catalog of rules with stable codes, like a linter.

`check` runs the rules of a `Catalog` over a graph and returns `Finding`
records, each with a code, a `Severity`, a message naming the records in plain
words, `Ref` references to those records, and a hint::

    from claimtrack.checks import check

    for finding in check(graph, ignore=["CT305"]):
        print(finding)

The built-in rules (codes CT101 to CT405) are listed by `catalog_markdown`
and explained one by one by `explain`. Add your own with the `rule`
decorator and `Catalog.with_rule`; codes starting with ``CT`` are reserved.
"""

from __future__ import annotations

from ._catalog import catalog_markdown, check, default_rules, explain
from ._core import Catalog, Finding, Ref, Rule, RuleError, Severity, rule

__all__ = [
    "Catalog",
    "Finding",
    "Ref",
    "Rule",
    "RuleError",
    "Severity",
    "catalog_markdown",
    "check",
    "default_rules",
    "explain",
    "rule",
]


def __dir__() -> list[str]:
    return list(__all__)
