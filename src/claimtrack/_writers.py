"""Turning records into plain JSON data in bulk: the fast path of writing.

The mirror of `claimtrack._builders`: each record type gets a group writer
generated from its field definitions, one function that turns a whole group
of records into the dicts of its canonical file. It writes what the cattrs
hooks the converter generates would write, key for key and in the same order
(the fields every record carries first, then the optional ones it has, each
part in declaration order), without a call per field: values are converted
inline and defaults compared by identity or emptiness.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from ._builders import field_kind
from .records import RECORD_TYPES, Record

__all__ = ["ALWAYS_WRITTEN", "WRITERS", "GroupWriter", "sorted_json"]


def __dir__() -> list[str]:
    return list(__all__)


GroupWriter = Callable[[Sequence[Any]], list[dict[str, Any]]]
"""Turns a group of records into the JSON objects of the canonical file."""

ALWAYS_WRITTEN = frozenset({"kind", "stance", "mode"})
"""Fields written even when they hold their default, because a reader of the
file should not have to know the defaults to know what a record says."""


def sorted_json(value: Any) -> Any:
    """Return a JSON value with every object's keys sorted."""
    # Recursion is safe: records refuse values nested deeper than
    # MAX_JSON_DEPTH, far below the interpreter's limit.
    if not isinstance(value, Mapping):
        if isinstance(value, (list, tuple)):
            return [sorted_json(v) for v in value]
        return value
    return {k: sorted_json(value[k]) for k in sorted(value)}


# Each kind's value as the file holds it, from the record's value ``{v}``.
_VALUE: dict[str, str] = {
    "vocabulary": "{v}._value_",
    "vocabulary with default": "{v}._value_",
    "optional vocabulary": "{v}._value_",
    "date": "str({v})",
    "strings": "list({v})",
    "ids": "list({v})",
    "language map": "_sorted_json({v})",
    "extra": "_sorted_json({v})",
}

# When an optional field of each kind is left out: when it holds its default,
# which is None, False, or empty.
_PRESENT: dict[str, str] = {
    "flag": "{v}",
    "strings": "{v}",
    "ids": "{v}",
    "language map": "{v}",
    "extra": "{v}",
}

_LOOP = """\
def write(records):
    out = []
    append = out.append
    for r in records:
        d = {{{always}}}
{optional}\
        append(d)
    return out
"""


def _generate(cls: type[Record]) -> GroupWriter | None:
    """Generate the group writer of *cls*; None if a field is unknown here."""
    always: list[str] = []
    optional: list[str] = []
    for field in attrs.fields(cls):
        kind = field_kind(cls, field)
        if kind is None:
            return None
        value = _VALUE.get(kind, "{v}")
        if field.default is attrs.NOTHING or field.name in ALWAYS_WRITTEN:
            always.append(f"{field.name!r}: " + value.format(v=f"r.{field.name}"))
            continue
        if kind == "vocabulary with default":
            return None  # its default is a member, not None: not handled here
        present = _PRESENT.get(kind, "{v} is not None").format(v="v")
        optional.append(
            f"        v = r.{field.name}\n"
            f"        if {present}:\n"
            f"            d[{field.name!r}] = {value.format(v='v')}\n"
        )
    source = _LOOP.format(always=", ".join(always), optional="".join(optional))
    namespace: dict[str, Any] = {"_sorted_json": sorted_json}
    compiled = compile(source, f"<claimtrack writer of {cls.__name__}>", "exec")
    exec(compiled, namespace)  # noqa: S102 - generated from the field definitions
    writer: GroupWriter = namespace["write"]
    return writer


WRITERS: dict[type[Any], GroupWriter | None] = {
    cls: _generate(cls) for cls in RECORD_TYPES
}
"""The group writer of each record type (None: written through cattrs)."""
