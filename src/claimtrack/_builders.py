"""Building records from parsed JSON in bulk: the fast paths of loading.

A record's constructor checks and converts every field through its attrs
validators and converters, one call each: correct, and several times the cost
of parsing the JSON. Loading a large file builds hundreds of thousands of
records whose fields are plain JSON values, so each record type gets group
builders generated from its field definitions (as attrs and cattrs generate
their methods): functions that check every value inline, look vocabulary values
up in a table, parse each distinct date and language tag once per file, and
fill the record's slots directly.

A builder only ever accepts; it never reports. Whatever it does not recognise
as plainly valid goes to the slow path, the records' own constructors with
their field-by-field diagnosis, which decides. So a record built here is
exactly the record its constructor would build from the same values, and a bad
file gets exactly the same errors. There are two flavours:

- Pairs builders read ``json.loads(..., object_pairs_hook=tuple)``: every
  object is a tuple of its (key, value) pairs, which keeps a repeated key
  visible (``dict(pairs)`` is shorter than ``pairs``) and an empty object
  ``()`` apart from an empty array ``[]``. A record they decline goes to the
  slow path alone.
- Dict builders read what orjson parses (the ``fast`` extra), plain dicts that
  no longer show a repeated key. They are optimistic: they read the whole
  file, deferring what can be checked in bulk (every id, and the count of keys
  against the count of colons in the text, see `Tally`) to the end, and any
  doubt sends the whole file down the pairs path.
"""

from __future__ import annotations

import enum
import itertools
import re
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Union

import attrs

from . import records
from .dates import FuzzyDate
from .records import (
    _EMPTY,
    _ID_RE,
    _LANGUAGE_RE,
    MAX_JSON_DEPTH,
    RECORD_TYPES,
    Record,
)

__all__ = [
    "DICT_BUILDERS",
    "PAIR_BUILDERS",
    "Declined",
    "Reader",
    "Tally",
    "objects",
]


def __dir__() -> list[str]:
    return list(__all__)


class _NotPlain(Exception):  # noqa: N818 - internal signal, never escapes
    """The value is not plainly valid; the slow path must look at it."""


Declined: tuple[type[Exception], ...] = (_NotPlain, LookupError, TypeError, ValueError)
"""What a builder raises on a value it does not take: its own signal, and what
lookups, joins and parsers raise on values they cannot handle (a missing key,
an unhashable or non-string value, an unknown vocabulary value, a bad date)."""


class Reader:
    """What the builders of one file share: each distinct id, tag and date.

    Pairs builders validate an id once per file rather than once per
    occurrence, and keep one string object per id, which every reference then
    shares (saving memory, and making later lookups by id cheaper).
    """

    __slots__ = ("dates", "ids", "languages")

    def __init__(self) -> None:
        self.ids: dict[str, str] = {}
        self.languages: dict[str, str] = {}
        self.dates: dict[str, FuzzyDate] = {}

    def new_id(self, value: object) -> str:
        """Return *value*, a valid id seen for the first time."""
        if type(value) is not str or _ID_RE.fullmatch(value) is None:
            raise _NotPlain
        self.ids[value] = value
        return value

    def new_language(self, value: object) -> str:
        """Return *value*, a valid language tag seen for the first time."""
        if type(value) is not str or _LANGUAGE_RE.fullmatch(value) is None:
            raise _NotPlain
        self.languages[value] = value
        return value

    def new_date(self, value: object) -> FuzzyDate:
        """Return the date *value* spells, read for the first time."""
        if type(value) is not str:
            raise _NotPlain
        date = self.dates[value] = FuzzyDate.parse(value)
        return date

    def strings(self, value: object) -> tuple[str, ...]:
        """Return an array of strings as the tuple a record holds."""
        if type(value) is not list:
            raise _NotPlain
        items = tuple(value)
        for item in items:
            if type(item) is not str:
                raise _NotPlain
        return items

    def ids_of(self, value: object) -> tuple[str, ...]:
        """Return an array of ids as the tuple a record holds."""
        known = self.ids
        return tuple(
            known.get(item) or self.new_id(item) for item in self.strings(value)
        )

    def language_map(self, value: object) -> Mapping[str, str]:
        """Return an object of texts by language tag, read-only."""
        if type(value) is tuple:
            mapping = dict(value)
            if len(mapping) != len(value):
                raise _NotPlain
        elif type(value) is dict:
            mapping = value
        else:
            raise _NotPlain
        if not mapping:
            return _EMPTY
        known = self.languages
        for tag, text in mapping.items():
            if type(text) is not str:
                raise _NotPlain
            if tag not in known:
                self.new_language(tag)
        return types.MappingProxyType(mapping)

    def extra(self, value: object) -> Mapping[str, Any]:
        """Return an ``extra`` object, checked and frozen as its field does."""
        if type(value) is not tuple:
            raise _NotPlain
        mapping: dict[str, Any] = objects(value, _unique_keys)
        # Rare enough to go through the field's own converter and validator.
        frozen = records._frozen_json(mapping)  # noqa: SLF001
        records._check_extra(None, _EXTRA_FIELD, frozen)  # noqa: SLF001
        return frozen


_EXTRA_FIELD = attrs.fields(records.Claim).extra


class Tally:
    r"""Everything a file's dict builders defer to one check at the end.

    A parser that returns dicts keeps only the last of a repeated key. Every
    key of every object is followed by one colon, and a colon appears nowhere
    else but inside strings; so a file repeats no key exactly when its colons
    number the keys of its parsed objects plus the colons inside its strings.
    The builders count both as they read: `entries` (keys) and `colons` (in
    strings), and collect the ids (`ids`) and free texts (`texts`) whose
    colons, types and forms are counted and checked in bulk here. Vocabulary
    values, dates, language tags and field names hold no colon once valid.
    A colon written as an escape (``\u003a``) is a colon in the parsed string
    but not in the text, so a text holding such an escape is not vouched for.
    """

    __slots__ = ("colons", "entries", "ids", "texts")

    def __init__(self) -> None:
        self.entries = 0
        self.colons = 0
        self.ids: list[str] = []
        self.texts: list[str] = []

    def vouches(self, text: str | bytes | bytearray) -> bool:
        """Whether every id is valid and no key repeats in *text*."""
        try:
            colons = self.colons + _valid_ids_colons(self.ids)
            colons += sum(map(str.count, self.texts, itertools.repeat(":")))
        except Declined:
            return False
        if isinstance(text, str):
            escaped, in_text = colons > 0 and "\\u003" in text, text.count(":")
        else:
            escaped, in_text = colons > 0 and b"\\u003" in text, text.count(b":")
        # Without a colon in any string, no escaped colon can hide in one.
        return not escaped and in_text == self.entries + colons

    def language_map(self, reader: Reader, value: object) -> Mapping[str, str]:
        """Return an object of texts by language tag, counted."""
        mapping = reader.language_map(value)
        self.entries += len(mapping)
        self.texts.extend(mapping.values())
        return mapping

    def strings(self, reader: Reader, value: object) -> tuple[str, ...]:
        """Return an array of strings, counted."""
        items = reader.strings(value)
        self.texts.extend(items)
        return items

    def ids_of(self, reader: Reader, value: object) -> tuple[str, ...]:
        """Return an array of ids, to be checked at the end."""
        items = reader.strings(value)
        self.ids.extend(items)
        return items

    def extra(self, value: object) -> Mapping[str, Any]:
        """Return an ``extra`` object, checked as its field does, and counted.

        The dicts are the parser's own, so they need no copy to be frozen.
        """
        if type(value) is not dict:
            raise _NotPlain
        entries = colons = 0
        stack: list[tuple[object, int]] = [(value, 0)]
        while stack:
            item, depth = stack.pop()
            kind = type(item)
            if kind is dict or kind is list:
                if depth > MAX_JSON_DEPTH:
                    raise _NotPlain
                if kind is dict:
                    mapping = typing.cast("dict[str, object]", item)
                    entries += len(mapping)
                    colons += sum(map(str.count, mapping, itertools.repeat(":")))
                    children: Iterable[object] = mapping.values()
                else:
                    children = typing.cast("list[object]", item)
                stack.extend((child, depth + 1) for child in children)
            elif kind is str:
                colons += typing.cast("str", item).count(":")
            elif kind is float and not -_WIDEST < typing.cast("float", item) < _WIDEST:
                # orjson reads an integer too wide for 64 bits as a float; the
                # text may have held an exact integer.
                raise _NotPlain
        self.entries += entries
        self.colons += colons
        return types.MappingProxyType(value) if value else _EMPTY


_WIDEST = 2.0**63


def _valid_ids_colons(ids: list[str]) -> int:
    """Return the colons in *ids*, raising `_NotPlain` unless every one is valid."""
    if not ids:
        return 0
    joined = "\n".join(ids)  # a TypeError if one is not a string
    if _ID_LINES is None:  # pragma: no cover - Python 3.10
        if not all(map(_ID_RE.fullmatch, ids)):
            raise _NotPlain
    elif joined.count("\n") != len(ids) - 1 or not _ID_LINES.fullmatch(joined + "\n"):
        raise _NotPlain
    return joined.count(":")


# One id per line, every line an id: the same language as `records.ID_PATTERN`,
# written with possessive quantifiers (Python 3.11) so that a file's worth of
# ids is checked in one linear scan without backtracking.
_ID_LINES = (
    re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9._:-]{0,127}+(?<=[A-Za-z0-9]))?\n)*+")
    if sys.version_info >= (3, 11)
    else None
)


def objects(value: Any, make: Callable[[list[tuple[str, Any]]], Any]) -> Any:
    """Return parsed JSON with each object made by *make* from its pairs.

    Objects are tuples of pairs, as parsed with ``object_pairs_hook=tuple``,
    arrays are lists. Children are made before their parent, and the walk is
    iterative, so no nesting exhausts the stack.
    """
    if type(value) is not tuple and type(value) is not list:
        return value
    made: list[Any] = []
    stack: list[tuple[Any, bool]] = [(value, False)]
    while stack:
        item, children_made = stack.pop()
        kind = type(item)
        if kind is not tuple and kind is not list:
            made.append(item)
        elif not children_made:
            stack.append((item, True))
            children = item if kind is list else [child for _, child in item]
            stack.extend((child, False) for child in reversed(children))
        else:
            count = len(item)
            values = made[len(made) - count :]
            del made[len(made) - count :]
            if kind is list:
                made.append(values)
            else:
                made.append(
                    make([(k, v) for (k, _), v in zip(item, values, strict=True)])
                )
    return made[0]


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):
        raise _NotPlain
    return mapping


# --- generating the builders -------------------------------------------------

PairBuilder = Callable[
    [list[Any], Reader, Callable[[int, Any], Record | None]], list[Any]
]
"""Builds a group from pairs: ``(items, reader, fallback)``. The fallback gets
the index and pairs of each record the builder declines and returns the record
(or None, for a record with problems, which it has noted)."""

DictBuilder = Callable[[list[Any], Reader, Tally], list[Any]]
"""Builds a group from dicts: ``(items, reader, tally)``; raises one of
`Declined` on the first record it does not take."""


def _optional(hint: Any) -> tuple[Any, bool]:
    """Return a type hint without its None, and whether it allowed None."""
    if typing.get_origin(hint) in {Union, types.UnionType}:
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(members) == 1:
            return members[0], True
    return hint, False


# Each field's code: ``{v}`` is its local, ``{n}`` its key, ``{t}`` its
# vocabulary's table, ``{f}`` its default; ``d`` is the record's dict.
_REQUIRED = "{v} = d[{n!r}]\n"
_OPTIONAL = "{v} = d.get({n!r})\n"
_UNLESS_ABSENT = "{v} = d.get({n!r}, _ABSENT)\n{v} = {f} if {v} is _ABSENT else "
_CODE: dict[str, str] = {
    # No other JSON value equals a string, so a lookup of anything else in the
    # tables of ids and tags finds nothing, and the first-time check refuses it.
    "id": _REQUIRED + "{v} = ids_get({v}) or reader.new_id({v})\n",
    "optional id": _OPTIONAL
    + "if {v} is not None:\n    {v} = ids_get({v}) or reader.new_id({v})\n",
    "text": _REQUIRED + "if type({v}) is not str:\n    raise _NotPlain\n",
    "optional text": _OPTIONAL
    + "if {v} is not None and type({v}) is not str:\n    raise _NotPlain\n",
    "language": _REQUIRED + "{v} = languages_get({v}) or reader.new_language({v})\n",
    "optional language": _OPTIONAL
    + "if {v} is not None:\n"
    + "    {v} = languages_get({v}) or reader.new_language({v})\n",
    "flag": "{v} = d.get({n!r}, {f})\nif type({v}) is not bool:\n    raise _NotPlain\n",
    "vocabulary": _REQUIRED + "{v} = {t}[{v}]\n",
    "vocabulary with default": _UNLESS_ABSENT + "{t}[{v}]\n",
    "optional vocabulary": _OPTIONAL + "if {v} is not None:\n    {v} = {t}[{v}]\n",
    "date": _OPTIONAL
    + "if {v} is not None:\n    {v} = dates_get({v}) or reader.new_date({v})\n",
    "strings": _UNLESS_ABSENT + "reader.strings({v})\n",
    "ids": _UNLESS_ABSENT + "reader.ids_of({v})\n",
    "language map": _UNLESS_ABSENT + "reader.language_map({v})\n",
    "extra": _UNLESS_ABSENT + "reader.extra({v})\n",
}

# What differs in the dict builders: ids and texts are collected for the
# tally's checks in bulk, and nested values are counted.
_DICT_CODE: dict[str, str] = {
    **_CODE,
    "id": _REQUIRED + "ids_append({v})\n",
    "optional id": _OPTIONAL + "if {v} is not None:\n    ids_append({v})\n",
    "text": _REQUIRED + "texts_append({v})\n",
    "optional text": _OPTIONAL + "if {v} is not None:\n    texts_append({v})\n",
    "strings": _UNLESS_ABSENT + "tally.strings(reader, {v})\n",
    "ids": _UNLESS_ABSENT + "tally.ids_of(reader, {v})\n",
    "language map": _UNLESS_ABSENT + "tally.language_map(reader, {v})\n",
    "extra": _UNLESS_ABSENT + "tally.extra({v})\n",
}

# How a field's validator or converter says what it holds.
_BY_VALIDATOR: dict[Any, str] = {
    records._check_id: "id",  # noqa: SLF001
    records._check_optional_id: "optional id",  # noqa: SLF001
    records._check_required_text: "text",  # noqa: SLF001
    records._check_text: "optional text",  # noqa: SLF001
    records._check_required_language: "language",  # noqa: SLF001
    records._check_language: "optional language",  # noqa: SLF001
    records._check_flag: "flag",  # noqa: SLF001
}
_BY_CONVERTER: dict[Any, str] = {
    records._date: "date",  # noqa: SLF001
    records._aliases: "strings",  # noqa: SLF001
    records._about: "ids",  # noqa: SLF001
    records._names: "language map",  # noqa: SLF001
    records._translations: "language map",  # noqa: SLF001
    records._frozen_json: "extra",  # noqa: SLF001
}


def field_kind(cls: type[Any], field: attrs.Attribute[Any]) -> str | None:
    """Return what *field* holds, as `_CODE` names it; None if unknown here."""
    hint, optional = _optional(typing.get_type_hints(cls)[field.name])
    converter = field.converter
    if converter in _BY_CONVERTER:
        return _BY_CONVERTER[converter]
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        if optional and field.default is None:
            return "optional vocabulary"
        if field.default is attrs.NOTHING:
            return "vocabulary"
        return "vocabulary with default"
    if converter is None:
        return _BY_VALIDATOR.get(field.validator)
    return None


def _table(vocabulary: type[enum.Enum]) -> dict[Any, enum.Enum]:
    """Return the vocabulary's members by file value.

    A vocabulary of strings is keyed by its values, since no other JSON value
    equals a string. Any other is keyed by (type, value): a JSON ``true`` is
    equal to 1, and 1.0 to 1, but neither is the credibility 1.
    """
    if all(type(member.value) is str for member in vocabulary):
        return {member.value: member for member in vocabulary}
    return {(type(member.value), member.value): member for member in vocabulary}


def _indent(code: str, depth: int) -> str:
    return "".join(" " * depth + line + "\n" for line in code.splitlines())


_PAIRS_LOOP = """\
def build(items, reader, fallback):
    ids_get = reader.ids.get
    languages_get = reader.languages.get
    dates_get = reader.dates.get
    out = []
    append = out.append
    for i, pairs in enumerate(items):
        try:
            if type(pairs) is not tuple:
                raise _NotPlain
            d = dict(pairs)
            if len(d) != len(pairs) or not _KNOWN.issuperset(d):
                raise _NotPlain
{fields}\
        except _DECLINED:
            o = fallback(i, pairs)
            if o is not None:
                append(o)
            continue
        o = _new(_cls)
{sets}\
        append(o)
    return out
"""

_DICTS_LOOP = """\
def build(items, reader, tally):
    ids_append = tally.ids.append
    texts_append = tally.texts.append
    languages_get = reader.languages.get
    dates_get = reader.dates.get
    tally.entries += sum(map(len, items))
    out = []
    append = out.append
    for i, d in enumerate(items):
        # Each parsed object is let go once read: its values live on in the
        # record, and the file's other objects need not wait for the group.
        items[i] = None
        if type(d) is not dict or not _KNOWN.issuperset(d):
            raise _NotPlain
{fields}\
        o = _new(_cls)
{sets}\
        append(o)
    return out
"""


# What a field's default becomes through its converter, where it is not the
# default itself (a factory, or a list the converter makes a tuple).
_CONVERTED_DEFAULTS: dict[str, object] = {
    "strings": (),
    "ids": (),
    "language map": _EMPTY,
    "extra": _EMPTY,
}


def _generate(cls: type[Record], loop: str, code: dict[str, str], *, depth: int) -> Any:
    """Generate a group builder of *cls* from *loop*; None if a field is unknown."""
    fields = [field for field in attrs.fields(cls) if field.init]
    namespace: dict[str, Any] = {
        "_NotPlain": _NotPlain,
        "_DECLINED": Declined,
        "_ABSENT": _ABSENT,
        "_EMPTY": _EMPTY,
        "_KNOWN": frozenset(field.name for field in fields),
        "_new": object.__new__,
        "_cls": cls,
    }
    body: list[str] = []
    for i, field in enumerate(fields):
        kind = field_kind(cls, field)
        if kind is None:
            return None
        local, table, default = f"f{i}", f"_table{i}", f"_default{i}"
        namespace[f"_set{i}"] = cls.__dict__[field.name].__set__
        namespace[default] = _CONVERTED_DEFAULTS.get(kind, field.default)
        lines = code[kind].format(v=local, n=field.name, t=table, f=default)
        if "vocabulary" in kind:
            vocabulary, _ = _optional(typing.get_type_hints(cls)[field.name])
            namespace[table] = _table(vocabulary)
            if not all(type(key) is str for key in namespace[table]):
                lines = lines.replace(
                    f"{table}[{local}]", f"{table}[type({local}), {local}]"
                )
        body.append(lines)
    source = loop.format(
        fields=_indent("".join(body), depth),
        sets=_indent("".join(f"_set{i}(o, f{i})\n" for i in range(len(fields))), 8),
    )
    compiled = compile(source, f"<claimtrack builder of {cls.__name__}>", "exec")
    exec(compiled, namespace)  # noqa: S102 - generated from the field definitions
    return namespace["build"]


_ABSENT = object()


PAIR_BUILDERS: dict[type[Any], PairBuilder | None] = {
    cls: _generate(cls, _PAIRS_LOOP, _CODE, depth=12) for cls in RECORD_TYPES
}
"""The pairs builder of each record type (None: that type always goes slow)."""

DICT_BUILDERS: dict[type[Any], DictBuilder | None] = {
    cls: _generate(cls, _DICTS_LOOP, _DICT_CODE, depth=8) for cls in RECORD_TYPES
}
"""The dict builder of each record type (None: files holding one go slow)."""
