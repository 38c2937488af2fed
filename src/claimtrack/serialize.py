r"""Reading and writing claim graphs as canonical JSON.

The file format is a JSON object with a format version and one list per record
type, each sorted by id::

    {
      "claimtrack": 1,
      "sources": [...],
      "documents": [...],
      "claims": [...],
      "attributions": [...],
      "relations": [...],
      "assessments": [...]
    }

Canonical text is UTF-8 with non-ASCII text kept readable (Arabic is written as
Arabic, not ``\\u`` escapes), two-space indents, absent optional fields omitted,
and a final newline. Each record's keys come in a fixed order: first the fields
every record of its type carries (its required fields, and ``kind``, ``stance``
and ``mode``, which are written even when they hold their default), then the
optional fields it has; each part in the order the record declares its fields.
Keys inside ``extra``, ``names`` and ``translations`` are sorted. The text is
stable: ``dumps(loads(text)) == text`` for canonical text, so files diff well.

Loading is strict at the edge: unknown keys, duplicate keys, wrong types,
invalid dates and values outside a vocabulary are all reported at once, each
with its path, in one `LoadError`. Consistency between records (ids that do not
exist, relay loops) is not a load error; the checks report it. A file that
cannot be opened at all raises the `OSError` the system reports.

Numbers in ``extra`` are read as JSON parsers commonly read them: integers
exactly, whatever their size, and fractions as IEEE doubles, written back in
their shortest exact form (``-0.0`` stays ``-0.0``). A number beyond a double's
range is an error rather than a silent infinity.

`json_schema` describes the format as a JSON Schema (Draft 2020-12), generated
from the record definitions.
"""

from __future__ import annotations

import enum
import errno
import functools
import inspect
import json
import math
import os
import re
import tempfile
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any, Union, cast

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from ._builders import DICT_BUILDERS, PAIR_BUILDERS, Declined, Reader, Tally, objects
from ._bulk import collection_paused
from ._writers import ALWAYS_WRITTEN, WRITERS, sorted_json
from .dates import FuzzyDate, Weekday
from .errors import LoadError, Problem
from .graph import ClaimGraph
from .records import (
    ID_PATTERN,
    LANGUAGE_PATTERN,
    MAX_JSON_DEPTH,
    RECORD_TYPES,
    Assessment,
    Attribution,
    Claim,
    Document,
    Record,
    Relation,
    Source,
)

_fast_dumps: Callable[[Any], bytes] | None
_fast_loads: Callable[[str | bytes | bytearray | memoryview], Any] | None
_fast_errors: tuple[type[Exception], ...]
try:
    import orjson
except ImportError:  # pragma: no cover - depends on the optional "fast" extra
    _fast_dumps = _fast_loads = None
    _fast_errors = ()
else:
    _fast_dumps = functools.partial(
        orjson.dumps, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
    )
    _fast_loads = orjson.loads
    _fast_errors = (orjson.JSONDecodeError,)

__all__ = [
    "FORMAT_VERSION",
    "SCHEMA_ID",
    "dump",
    "dumps",
    "json_schema",
    "load",
    "loads",
    "unstructure",
    "write_text_atomically",
]


def __dir__() -> list[str]:
    return list(__all__)


FORMAT_VERSION = 1
"""The version of the file format this library writes."""

_VERSION_KEY = "claimtrack"

_ID_RE = re.compile(ID_PATTERN)
_LANGUAGE_RE = re.compile(LANGUAGE_PATTERN)

_GROUPS: dict[str, type[Any]] = {
    "sources": Source,
    "documents": Document,
    "claims": Claim,
    "attributions": Attribution,
    "relations": Relation,
    "assessments": Assessment,
}


# Migrations from older format versions: version -> function returning the
# document in the next version. Version 1 is the first, so there are none yet.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


# Where a problem is: object keys and array indexes from the document's root.
_Where = tuple[Union[str, int], ...]  # noqa: UP007 - evaluated at runtime on 3.10


class _Invalid(Exception):  # noqa: N818 - internal signal, never escapes
    """Problems found in one value, with paths relative to it."""

    def __init__(self, problems: list[tuple[_Where, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        text = repr(value)
        return f"the number {text}" if len(text) <= 40 else "a number"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) <= 40 else "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


_MAPPINGS = frozenset({"extra", "names", "translations"})
_STRING_LISTS = frozenset({"aliases", "about"})


def _expected_json(field: attrs.Attribute[Any]) -> tuple[type[Any], str]:
    """Return the JSON type a field must have in a file, and its name."""
    name = field.name
    if name in _MAPPINGS:
        return dict, "an object"
    if name in _STRING_LISTS:
        return list, "an array of strings"
    if name == "anonymous":
        return bool, "true or false"
    if name == "credibility":
        return int, "an integer 1-6"
    return str, "a string"


def _field_problems(
    cls: type[Any], data: Mapping[str, Any]
) -> list[tuple[_Where, str]]:
    """Diagnose a record that failed to build, field by field."""
    problems: list[tuple[_Where, str]] = []
    fields = attrs.fields(cls)
    known = [f.name for f in fields if f.init]
    problems.extend(
        ((key,), f"unknown field; {cls.TYPE} fields are {', '.join(known)}")
        for key in data
        if key not in known
    )
    for field in fields:
        if not field.init:
            continue
        if field.name not in data:
            if field.default is attrs.NOTHING:
                problems.append(((field.name,), "missing required field"))
            continue
        value = data[field.name]
        expected, expected_name = _expected_json(field)
        if not isinstance(value, expected) or (
            expected is int and isinstance(value, bool)
        ):
            if value is None and field.default is None:
                continue
            problems.append(
                ((field.name,), f"expected {expected_name}, got {_json_type(value)}")
            )
            continue
        if field.name in _MAPPINGS or field.name in _STRING_LISTS:
            found = _container_problems(field.name, value)
            if found:
                problems.extend(found)
                continue
        try:
            converted = field.converter(value) if field.converter else value
            if field.validator is not None:
                field.validator(None, field, converted)
        except (TypeError, ValueError) as error:
            message = str(error).removeprefix(f"{field.name} ")
            problems.append(((field.name,), message))
    if not problems:
        # Every field is fine on its own; say what the constructor objected to.
        try:
            cls(**data)
        except (TypeError, ValueError) as error:
            problems.append(((), str(error)))
    return problems


def _container_problems(name: str, value: Any) -> list[tuple[_Where, str]]:
    """Diagnose the items of a mapping or list field, each at its own path."""
    problems: list[tuple[_Where, str]] = []
    if name == "extra":
        stack: list[tuple[_Where, int, Any]] = [((name,), 0, value)]
        while stack:
            path, depth, item = stack.pop()
            if isinstance(item, float) and not math.isfinite(item):
                problems.append(
                    (path, "expected a number a double can hold, got one beyond it")
                )
            elif isinstance(item, (dict, list)):
                if depth > MAX_JSON_DEPTH:
                    problems.append(
                        (path, f"nests deeper than {MAX_JSON_DEPTH} levels")
                    )
                    continue
                children = item.items() if isinstance(item, dict) else enumerate(item)
                stack.extend(
                    ((*path, key), depth + 1, child) for key, child in children
                )
        problems.sort(key=lambda problem: _sort_key(problem[0]))
    elif name in _MAPPINGS:
        for key, item in value.items():
            if _LANGUAGE_RE.fullmatch(key) is None:
                problems.append(
                    (
                        (name, key),
                        (
                            "expected a language tag like 'ar' or 'en-GB' as key, "
                            f"got {key!r}"
                        ),
                    )
                )
            if not isinstance(item, str):
                problems.append(
                    ((name, key), f"expected a string, got {_json_type(item)}")
                )
    else:
        for i, item in enumerate(value):
            if not isinstance(item, str):
                problems.append(
                    ((name, i), f"expected a string, got {_json_type(item)}")
                )
            elif name == "about" and _ID_RE.fullmatch(item) is None:
                problems.append(((name, i), f"expected an id, got {item!r}"))
    return problems


def _plain_key(key: object) -> bool:
    return isinstance(key, str) and key.isidentifier()


def _format_path(path: _Where) -> str:
    parts = ["$"]
    for segment in path:
        if isinstance(segment, int):
            parts.append(f"[{segment}]")
        elif _plain_key(segment):
            parts.append(f".{segment}")
        else:
            parts.append(f"[{segment!r}]")
    return "".join(parts)


_TOP_ORDER = {key: rank for rank, key in enumerate((_VERSION_KEY, *_GROUPS))}
_FIELD_ORDER = {
    group: {f.name: rank for rank, f in enumerate(attrs.fields(cls))}
    for group, cls in _GROUPS.items()
}


def _sort_key(path: _Where) -> tuple[tuple[int, int], ...]:
    """Order paths as a reader meets them: groups, then records, then fields.

    Keys inside a field's value keep the order the problems were found in (the
    sort is stable).
    """
    key: list[tuple[int, int]] = []
    for depth, segment in enumerate(path):
        if isinstance(segment, int):
            key.append((0, segment))
        elif depth == 0:
            key.append((1, _TOP_ORDER.get(segment, len(_TOP_ORDER))))
        elif depth == 2 and path[0] in _FIELD_ORDER:
            order = _FIELD_ORDER[path[0]]
            key.append((1, order.get(segment, len(order))))
        else:
            key.append((1, 0))
    return tuple(key)


def _make_structure_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
    known = frozenset(f.name for f in attrs.fields(cls) if f.init)

    def structure(data: Any, _: Any) -> Any:
        if not isinstance(data, dict):
            raise _Invalid([((), f"expected an object, got {_json_type(data)}")])
        if known.issuperset(data):
            try:
                return cls(**data)
            except (TypeError, ValueError):
                pass
        raise _Invalid(_field_problems(cls, data))

    return structure


_Unstructure = Callable[[Any], dict[str, Any]]
_Structure = Callable[[Any, Any], Any]


def _make_converter() -> tuple[
    cattrs.Converter, dict[type[Any], _Unstructure], dict[type[Any], _Structure]
]:
    """Return the converter, and its hooks for each record type."""
    converter = cattrs.Converter()
    unstructure_hooks: dict[type[Any], _Unstructure] = {}
    structure_hooks: dict[type[Any], _Structure] = {}
    converter.register_unstructure_hook(FuzzyDate, str)
    converter.register_structure_hook(FuzzyDate, lambda v, _: FuzzyDate.parse(v))
    for cls in RECORD_TYPES:
        overrides = {
            field.name: override(omit_if_default=False)
            for field in attrs.fields(cls)
            if field.name in ALWAYS_WRITTEN
        }
        for name in ("extra", "names", "translations"):
            if hasattr(attrs.fields(cls), name):
                overrides[name] = override(unstruct_hook=sorted_json)
        unstructure_hooks[cls] = cast("Any", make_dict_unstructure_fn)(
            cls, converter, _cattrs_omit_if_default=True, **overrides
        )
        structure_hooks[cls] = _make_structure_hook(cls)
        converter.register_unstructure_hook(cls, unstructure_hooks[cls])
        converter.register_structure_hook(cls, structure_hooks[cls])
    return converter, unstructure_hooks, structure_hooks


# The record hooks are also called directly, once looked up per group, which
# saves the converter's dispatch on every record of a large graph.
_CONVERTER, _UNSTRUCTURE_HOOKS, _STRUCTURE_HOOKS = _make_converter()


# --- writing ----------------------------------------------------------------


def unstructure(graph: ClaimGraph) -> dict[str, Any]:
    """Return the graph as the plain JSON-ready payload of its canonical file."""
    payload: dict[str, Any] = {_VERSION_KEY: FORMAT_VERSION}
    with collection_paused():
        for group, cls in _GROUPS.items():
            records: tuple[Record, ...] = getattr(graph, group)
            if records:
                writer = WRITERS[cls]
                if writer is None:
                    unstructure_record = _UNSTRUCTURE_HOOKS[cls]
                    payload[group] = [unstructure_record(r) for r in records]
                else:
                    payload[group] = writer(records)
    return payload


def dumps(graph: ClaimGraph) -> str:
    """Return the canonical JSON text of *graph*.

    With orjson installed (the ``fast`` extra) the text is written with it,
    byte for byte the text the standard library would write.
    """
    text = _canonical_text(graph)
    return text.decode("utf-8") if isinstance(text, bytes) else text


def _canonical_text(graph: ClaimGraph) -> str | bytes:
    """Return the canonical text of *graph*: UTF-8 bytes if orjson wrote it."""
    payload = unstructure(graph)
    if _fast_dumps is not None and _fast_writes_alike(graph):
        try:
            return _fast_dumps(payload)
        except TypeError:
            # orjson refuses what json writes (a lone surrogate in a text, say).
            pass
    return _json_text(payload)


def _json_text(payload: dict[str, Any]) -> str:
    """Return the canonical text of *payload*, written by the json module."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


# The integers orjson writes; it refuses wider ones.
_FAST_INTS = range(-(2**63), 2**64)


def _fast_writes_alike(graph: ClaimGraph) -> bool:
    """Whether orjson writes the graph exactly as the json module does.

    It does for strings, integers of up to 64 bits, booleans and null, but
    writes some floats differently (``1e-7`` where json writes ``1e-07``).
    Only ``extra`` holds numbers, and few records have one, so only those few
    are looked at; anything but plain JSON values leaves the text to json.
    """
    for group in _GROUPS:
        records: tuple[Record, ...] = getattr(graph, group)
        for record in records:
            if record.extra and not _fast_json(record.extra):
                return False
    return True


def _fast_json(value: Mapping[str, Any]) -> bool:
    stack: list[object] = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is str or kind is bool or item is None:
            continue
        if kind is int:
            if item not in _FAST_INTS:
                return False
        elif kind is list:
            stack.extend(cast("list[object]", item))
        elif isinstance(item, Mapping):
            if not all(type(key) is str for key in item):
                return False
            stack.extend(item.values())
        else:
            return False
    return True


def dump(graph: ClaimGraph, file: str | os.PathLike[str] | IO[str]) -> None:
    """Write the canonical JSON of *graph* to a path or an open text file.

    A path is written atomically: the text goes to a temporary file beside it,
    which replaces the target only once complete, so a failure never leaves a
    half-written file.
    """
    text = _canonical_text(graph)
    if isinstance(file, (str, os.PathLike)):
        # Bytes from orjson go to the file as they are, never decoded to
        # be encoded again.
        write_text_atomically(Path(file), text)
    else:
        file.write(text.decode("utf-8") if isinstance(text, bytes) else text)


def write_text_atomically(path: Path, text: str | bytes) -> None:
    """Replace *path* with *text* (UTF-8) so that it is never half-written.

    *text* is a str, written as UTF-8, or text already encoded as UTF-8.

    The text is written to a temporary file in the same directory, flushed and
    synced to disk, given the target's permissions if the target exists, then
    renamed over it. On any failure the target is untouched and the temporary
    file is removed.
    """
    directory = path.parent
    try:
        mode: int | None = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = None
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=directory
        )
    except FileNotFoundError:
        # Otherwise the error would name the temporary file, which the caller
        # never asked for, instead of the directory that is missing.
        raise FileNotFoundError(
            errno.ENOENT, f"no such directory: {directory}", str(path)
        ) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(text.encode("utf-8") if isinstance(text, str) else text)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            # mkstemp creates files readable by the owner only; a new file
            # should get the usual permissions instead.
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- JSON Schema ------------------------------------------------------------

SCHEMA_ID = f"https://claimtrack.readthedocs.io/schema/claimtrack-{FORMAT_VERSION}.json"
"""The ``$id`` of the JSON Schema of the format this library writes."""

# Fields that hold the id of another record (or, for `about`, several).
_ID_FIELDS = frozenset(
    {"id", "publisher", "affiliation", "claim", "source", "document", "via"}
    | {"target", "by"}
)
_POINT = r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?"
_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_GENERIC_DOCS = {
    "note": "Free-text note.",
    "extra": "User-defined fields, any JSON values, kept exactly as written.",
}


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (Draft 2020-12) of the canonical file format.

    The schema is generated from the record definitions, so it cannot drift
    from them. It checks the shape of a file: keys, types, vocabularies, the
    form of ids, language tags and dates. The loader checks more than any
    schema can say (a 30 February, a repeated key, a lone surrogate), so a file
    the schema accepts may still fail to load, never the other way round.
    """
    weekdays = "|".join(day.value for day in Weekday)
    date = {
        "type": "string",
        "pattern": (
            rf"^(?:{_DAY} \(({weekdays})\)|{_POINT}|{_POINT}/{_POINT}"
            rf"|{_POINT}/\.\.|\.\./{_POINT})$"
        ),
        "description": (
            "A date as precisely as known: '2025-01-24', '2025-01', '2025', "
            "'2025-01-24/2025-01-31', '2025-01-24/..', '../2025-01-31', or a day "
            "with the weekday the text states, '2025-01-24 (Friday)'."
        ),
    }
    definitions: dict[str, Any] = {"date": date}
    properties: dict[str, Any] = {
        _VERSION_KEY: {
            "type": "integer",
            "const": FORMAT_VERSION,
            "description": "The version of the file format.",
        }
    }
    for group, cls in _GROUPS.items():
        definitions[cls.__name__] = _record_schema(cls)
        properties[group] = {
            "type": "array",
            "items": {"$ref": f"#/$defs/{cls.__name__}"},
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "claimtrack claim graph",
        "description": (
            "Claims, their sources and documents, who said what through whom, "
            "relations between claims and analysts' assessments."
        ),
        "type": "object",
        "required": [_VERSION_KEY],
        "additionalProperties": False,
        "properties": properties,
        "$defs": definitions,
    }


def _record_schema(cls: type[Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    docs = _attribute_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if not field.init:
            continue
        hint = hints[field.name]
        nullable = False
        if typing.get_origin(hint) in {Union, types.UnionType}:
            members = [a for a in typing.get_args(hint) if a is not type(None)]
            nullable = len(members) < len(typing.get_args(hint))
            hint = members[0]
        schema = _value_schema(field.name, hint)
        description = docs.get(field.name) or _GENERIC_DOCS.get(field.name)
        if nullable:
            schema = {"anyOf": [schema, {"type": "null"}]}
        if description:
            schema["description"] = description
        properties[field.name] = schema
        if field.default is attrs.NOTHING:
            required.append(field.name)
    summary = (inspect.getdoc(cls) or "").split("\n\n")[0]
    return {
        "title": cls.__name__,
        "description": " ".join(summary.split()),
        "type": "object",
        "required": required,
        "additionalProperties": False,
        "properties": properties,
    }


def _value_schema(name: str, hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if name in _ID_FIELDS:
        return {"type": "string", "pattern": f"^{ID_PATTERN}$"}
    if name == "language":
        return {"type": "string", "pattern": f"^{LANGUAGE_PATTERN}$"}
    if hint is FuzzyDate:
        return {"$ref": "#/$defs/date"}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        values = [member.value for member in hint]
        kind = "integer" if all(type(v) is int for v in values) else "string"
        return {"type": kind, "enum": values}
    if hint is bool:
        return {"type": "boolean"}
    if hint is str:
        return {"type": "string"}
    if origin is tuple:
        item = (
            {"type": "string", "pattern": f"^{ID_PATTERN}$"}
            if name == "about"
            else {"type": "string"}
        )
        return {"type": "array", "items": item}
    if origin in {Mapping, dict}:
        if typing.get_args(hint)[1] is str:
            return {
                "type": "object",
                "propertyNames": {"pattern": f"^{LANGUAGE_PATTERN}$"},
                "additionalProperties": {"type": "string"},
            }
        return {"type": "object"}
    msg = f"no JSON Schema for field {name!r} of type {hint!r}"
    raise TypeError(msg)


def _attribute_docs(cls: type[Any]) -> dict[str, str]:
    """Read the Attributes section of a record's docstring."""
    docs: dict[str, str] = {}
    lines = (inspect.getdoc(cls) or "").splitlines()
    try:
        start = lines.index("Attributes:") + 1
    except ValueError:
        return docs
    current: str | None = None
    for line in lines[start:]:
        if not line.strip():
            break
        if line.startswith("        ") and current is not None:
            docs[current] += " " + line.strip()
            continue
        name, _, text = line.strip().partition(":")
        current = name
        docs[name] = text.strip()
    return docs


# --- reading ----------------------------------------------------------------


class _DuplicateKeys(dict[str, Any]):
    """An object from the file that repeated a key; json would keep the last."""

    duplicates: tuple[str, ...] = ()
    # Values that a later repeat of their key displaced: still searched for
    # problems, so that none is hidden behind the repeat.
    displaced: tuple[tuple[str, Any], ...] = ()


def _mark_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen:
            repeated.append(key)
        seen.add(key)
    marked = _DuplicateKeys(pairs)
    marked.duplicates = tuple(dict.fromkeys(repeated))
    marked.displaced = tuple(
        (key, value) for key, value in pairs if marked[key] is not value
    )
    return marked


def _reject_constant(name: str) -> float:
    msg = f"{name} is not a JSON number"
    raise ValueError(msg)


# A lone surrogate gets into parsed text either as an escape (\ud800) or, when
# the caller passes a Python string, as the code point itself.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _walk_problems(data: Any, *, surrogates: bool) -> list[tuple[_Where, str]]:
    """Find duplicate keys (and lone surrogates) anywhere in parsed JSON."""
    problems: list[tuple[_Where, str]] = []
    stack: list[tuple[_Where, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value, _DuplicateKeys):
                problems.extend(
                    (
                        path,
                        (
                            f"duplicate key {key!r}: each key may appear once "
                            "(only the last value would be kept)"
                        ),
                    )
                    for key in value.duplicates
                )
                stack.extend(((*path, key), child) for key, child in value.displaced)
            for key, child in value.items():
                if surrogates and _has_lone_surrogate(key):
                    problems.append(
                        (
                            path,
                            (
                                f"key {key!r} holds a lone surrogate, "
                                "which is not Unicode text"
                            ),
                        )
                    )
                stack.append(((*path, key), child))
        elif isinstance(value, list):
            stack.extend(((*path, i), child) for i, child in enumerate(value))
        elif surrogates and isinstance(value, str) and _has_lone_surrogate(value):
            problems.append(
                (path, "text holds a lone surrogate, which is not Unicode text")
            )
    return problems


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _may_hold_surrogates(text: str, *, decoded: bool) -> bool:
    """Whether *text* may hold a lone surrogate, escaped or as a code point.

    Text decoded from UTF-8 cannot hold one as a code point (strict decoding
    refuses them), and neither can ASCII text. A hit only starts the exact
    search over the parsed values: an escaped pair is no lone surrogate.
    """
    if "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None:
        return True
    return not decoded and not text.isascii() and _has_lone_surrogate(text)


class _Marker:
    """Make each parsed object a dict, marking those that repeat a key."""

    def __init__(self) -> None:
        self.repeated = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        self.repeated = True
        return _mark_duplicates(pairs)


def _parse(text: str) -> Any:
    """Return the parsed JSON, each object a tuple of its (key, value) pairs.

    Pairs keep a repeated key visible to the builders (`claimtrack._builders`)
    at almost no cost; `_marked` turns them into dicts for the slow path.
    """
    try:
        return json.loads(
            text, object_pairs_hook=tuple, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as error:
        message = (
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        )
        raise _Invalid([((), message)]) from None
    except ValueError as error:
        raise _Invalid([((), f"not valid JSON: {error}")]) from None
    except RecursionError:
        raise _Invalid([((), "not readable: JSON nested too deeply")]) from None


def _marked(value: Any, *, surrogates: bool) -> tuple[Any, list[tuple[_Where, str]]]:
    """Return parsed pairs as dicts, and the problems no JSON parser reports.

    Those are repeated keys and, if *surrogates* says there may be any, lone
    surrogates.
    """
    marker = _Marker()
    data = objects(value, marker)
    if marker.repeated or surrogates:
        return data, _walk_problems(data, surrogates=surrogates)
    return data, []


def _read(
    parsed: list[Any], *, surrogates: bool
) -> tuple[ClaimGraph | None, list[tuple[_Where, str]]]:
    """Build the graph from parsed pairs, or return every problem of the file.

    *parsed* holds the document, handed over in a list so that this function
    holds the only reference to it and each group is freed once it is built.
    A document whose top level is plainly right takes the fast path, record
    by record; anything else (an older format version, a repeated top-level
    key, a possible lone surrogate, not an object at all) takes the slow path
    as a whole, which diagnoses everything.
    """
    document = parsed.pop()
    if not surrogates and type(document) is tuple:
        top = dict(document)
        if (
            len(top) == len(document)
            and type(top.get(_VERSION_KEY)) is int
            and top[_VERSION_KEY] == FORMAT_VERSION
            and _TOP_KEYS.issuperset(top)
            and all(type(top.get(group, [])) is list for group in _GROUPS)
        ):
            del document
            return _build_groups(top)
    data, problems = _marked(document, surrogates=surrogates)
    del document
    graph, structural = _structure(data)
    problems.extend(structural)
    return graph, problems


_TOP_KEYS = frozenset((_VERSION_KEY, *_GROUPS))


def _read_optimistically(text: str | bytes | bytearray) -> ClaimGraph | None:
    """Read a plainly valid file the fastest way, or return None.

    With orjson installed, a file is parsed into dicts and every record built
    by the dict builders, which leave the checks that can be made in bulk to
    the end (`claimtrack._builders.Tally`). None means the file was not
    vouched for, whether it has a problem or only something unusual; the
    caller then reads it the careful way, which reports every problem.
    """
    parse = _fast_loads
    if parse is None:
        return None
    parts = _canonical_parts(text) or _parsed_parts(text, parse)
    if parts is None:
        return None
    reader = Reader()
    tally = Tally()
    tally.entries = 1 + len(parts)
    groups: dict[str, list[Any]] = {}
    try:
        for group, cls in _GROUPS.items():
            builder = DICT_BUILDERS[cls]
            if builder is None:
                return None
            # Taken out of the parts, so that each group's text and parsed
            # objects are freed as soon as its records are built.
            items = parts.pop(group, [])
            if type(items) is memoryview:
                items = parse(items)
            if type(items) is not list:
                return None
            groups[group] = builder(items, reader, tally)
            del items
    except (*Declined, *_fast_errors):
        return None
    if not tally.vouches(text):
        return None
    return ClaimGraph(**groups)


def _parsed_parts(
    text: str | bytes | bytearray, parse: Callable[[str | bytes | bytearray], Any]
) -> dict[str, Any] | None:
    """Parse a whole file into its groups' values, or None if that fails."""
    try:
        document = parse(text)
    except _fast_errors:
        return None
    if not (
        type(document) is dict
        and type(document.get(_VERSION_KEY)) is int
        and document.pop(_VERSION_KEY) == FORMAT_VERSION
        and _TOP_KEYS.issuperset(document)
    ):
        return None
    return document


_CANONICAL_TAIL = b"\n}"
_GROUP_MARKS = {group: f',\n  "{group}": '.encode() for group in _GROUPS}


def _canonical_parts(text: str | bytes | bytearray) -> dict[str, Any] | None:
    """Cut a file laid out as `dumps` writes it into its groups' texts.

    Parsing group by group holds the parser's working memory for one group at
    a time rather than for the whole file. A newline cannot appear inside a
    JSON string, so a group's key starts a line only at the top level of a
    canonical file; if the file is laid out otherwise, or a part turns out
    not to be one whole JSON value when parsed, nothing is lost: the caller
    parses the whole text. Parts that each parse as one value, put back
    between these keys, parse as exactly this object: JSON values delimit
    themselves.

    Returns:
        A view of each group's text, by group (for the groups present), or
        None.
    """
    if isinstance(text, str):
        # Cutting a str would copy it, and the parser converts each part to
        # UTF-8 anyway: text already in memory is parsed whole.
        return None
    head, tail = f'{{\n  "{_VERSION_KEY}": {FORMAT_VERSION}'.encode(), _CANONICAL_TAIL
    end = text.rfind(tail)
    rest = text[end + len(tail) :]
    if not text.startswith(head) or end < 0 or len(rest) > 1 or rest.strip():
        return None
    # `dumps` writes the groups in this order: each key is looked for after
    # the one before, so the file is scanned once, not once per group. A key
    # out of order is then not found, and is left inside an earlier group's
    # part, which then does not parse as one value.
    marks: list[tuple[str, int, int]] = []  # each group, where its key starts and ends
    at = len(head)
    for group, mark in _GROUP_MARKS.items():
        where = text.find(mark, at, end)
        if where >= 0:
            marks.append((group, where, where + len(mark)))
            at = where + len(mark)
    if (marks[0][1] if marks else end) != len(head):
        return None  # something before the first group's key
    if not marks:
        return {}
    stops = [where for _, where, _ in marks[1:]] + [end]
    # Views, not copies: the parser reads each part where it lies.
    view = memoryview(text)
    return {
        group: view[start:stop]
        for (group, _, start), stop in zip(marks, stops, strict=True)
    }


def _build_groups(
    top: dict[str, Any],
) -> tuple[ClaimGraph | None, list[tuple[_Where, str]]]:
    """Build every group's records, the fast way where a record allows it."""
    problems: list[tuple[_Where, str]] = []
    reader = Reader()
    groups: dict[str, list[Any]] = {}
    for group, cls in _GROUPS.items():
        items = top.pop(group, [])
        fallback = functools.partial(_build_slowly, group, cls, problems)
        builder = PAIR_BUILDERS[cls]
        if builder is None:
            built = [fallback(i, item) for i, item in enumerate(items)]
            groups[group] = [record for record in built if record is not None]
        else:
            groups[group] = builder(items, reader, fallback)
        del items
    if problems:
        return None, problems
    return ClaimGraph(**groups), problems


def _build_slowly(
    group: str,
    cls: type[Any],
    problems: list[tuple[_Where, str]],
    index: int,
    pairs: Any,
) -> Record | None:
    """Build one record through its constructor, or add its problems."""
    item, found = _marked(pairs, surrogates=False)
    where = (group, index)
    problems.extend(((*where, *path), message) for path, message in found)
    try:
        record: Record = _STRUCTURE_HOOKS[cls](item, cls)
    except _Invalid as invalid:
        problems.extend(
            ((*where, *path), message) for path, message in invalid.problems
        )
        return None
    return record


def _structure(data: Any) -> tuple[ClaimGraph | None, list[tuple[_Where, str]]]:
    """Build the graph, or return every structural problem of the document."""
    if not isinstance(data, dict):
        return None, [((), f"expected a claimtrack object, got {_json_type(data)}")]
    problems: list[tuple[_Where, str]] = []
    version = data.get(_VERSION_KEY)
    if _VERSION_KEY not in data:
        problems.append(
            (
                (),
                (
                    f'missing the format version: add "{_VERSION_KEY}": '
                    f"{FORMAT_VERSION} at the top of the file"
                ),
            )
        )
    elif type(version) is not int or version < 1:
        problems.append(
            (
                (_VERSION_KEY,),
                f"expected a format version (1, 2, ...), got {_json_type(version)}",
            )
        )
    elif version > FORMAT_VERSION:
        # The layout of a newer version is unknown here: checking it against
        # this version's would only bury the one problem that matters.
        problems.append(
            (
                (_VERSION_KEY,),
                (
                    f"format version {version} is newer than this library reads "
                    f"(version {FORMAT_VERSION}); upgrade claimtrack"
                ),
            )
        )
        return None, problems
    elif version < FORMAT_VERSION:
        try:
            data = _migrate(data, version)
        except _Invalid as invalid:
            return None, [*problems, *invalid.problems]
    problems.extend(
        ((key,), f"unknown key; expected {_VERSION_KEY}, {', '.join(_GROUPS)}")
        for key in data
        if key != _VERSION_KEY and key not in _GROUPS
    )
    groups: dict[str, list[Any]] = {}
    for group, cls in _GROUPS.items():
        # Taken out of the document, so that each group's parsed objects are
        # freed as soon as its records are built.
        items = data.pop(group, [])
        if type(items) is not list:
            problems.append(((group,), f"expected an array, got {_json_type(items)}"))
            continue
        groups[group] = _structure_group(group, cls, items, problems)
    del items
    if problems:
        return None, problems
    return ClaimGraph(**groups), problems


def _structure_group(
    group: str, cls: type[Any], items: list[Any], problems: list[tuple[_Where, str]]
) -> list[Any]:
    """Build one group's records, adding the problems of those that fail."""
    structure = _STRUCTURE_HOOKS[cls]
    records = []
    for i, item in enumerate(items):
        try:
            records.append(structure(item, cls))
        except _Invalid as invalid:
            problems.extend(
                ((group, i, *path), message) for path, message in invalid.problems
            )
    return records


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    while version < FORMAT_VERSION:
        migrate = _MIGRATIONS[version]
        try:
            data = migrate(data)
        except (LookupError, TypeError, ValueError, AttributeError) as error:
            # A migration reads the older layout; a file that does not follow
            # it is a problem with the file, reported like any other.
            message = (
                f"cannot migrate from format version {version} to "
                f"{version + 1}: the file does not follow version {version} "
                f"({type(error).__name__}: {error})"
            )
            raise _Invalid([((), message)]) from None
        version += 1
    return data


def loads(text: str | bytes, *, source: str | None = None) -> ClaimGraph:
    """Read a claim graph from JSON text.

    With orjson installed (the ``fast`` extra), a valid file is read several
    times faster; the result, and every error, are the same either way.
    Bytes are read with less memory than text: pass a file's bytes, or use
    `load`.

    Args:
        text: The JSON text (bytes must be UTF-8, without a byte order mark).
        source: A label for the input (a file name), used in error messages.

    Raises:
        LoadError: If the text cannot be read as a claim graph; it lists every
            problem found, each with its path, in document order.
        TypeError: If *text* is neither text nor bytes.
    """
    if not isinstance(text, (str, bytes, bytearray)):
        msg = f"expected JSON text (str or bytes), got {type(text).__name__}"
        raise TypeError(msg)
    with collection_paused():
        graph = _read_optimistically(text)
    if graph is not None:
        return graph
    decoded = False
    if isinstance(text, (bytes, bytearray)):
        decoded = True
        try:
            text = _decode(bytes(text))
        except _Invalid as invalid:
            raise _load_error(invalid.problems, source) from None
    with collection_paused():
        try:
            parsed = [_parse(text)]
        except _Invalid as invalid:
            raise _load_error(invalid.problems, source) from None
        surrogates = _may_hold_surrogates(text, decoded=decoded)
        # The text is no longer needed: let it go before the records are built.
        del text
        # Structural problems are looked for even when the text already failed
        # (a repeated key, say), so that one pass reports everything.
        graph, problems = _read(parsed, surrogates=surrogates)
    if problems or graph is None:
        raise _load_error(problems, source)
    return graph


def _load_error(problems: list[tuple[_Where, str]], source: str | None) -> LoadError:
    ordered = sorted(problems, key=lambda problem: _sort_key(problem[0]))
    return LoadError(
        tuple(Problem(path=_format_path(p), message=m) for p, m in ordered),
        source=source,
    )


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        raise _Invalid(
            [
                (
                    (),
                    (
                        "the file starts with a byte order mark; "
                        "save it as UTF-8 without one"
                    ),
                )
            ]
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text: invalid byte at offset {error.start}"
        raise _Invalid([((), message)]) from None


def load(file: str | os.PathLike[str] | IO[str] | IO[bytes]) -> ClaimGraph:
    """Read a claim graph from a path or an open file.

    A file that cannot be opened or read (missing, a directory, no permission)
    is an operating-system problem, not a claim-graph problem, and raises the
    `OSError` subclass the system reports (`FileNotFoundError`,
    `IsADirectoryError`, `PermissionError`), as `open` does.

    Raises:
        LoadError: If the content cannot be read as a claim graph.
        OSError: If the file cannot be opened or read.
    """
    if isinstance(file, (str, os.PathLike)):
        path = Path(file)
        return loads(path.read_bytes(), source=str(path))
    return loads(file.read(), source=getattr(file, "name", None))
