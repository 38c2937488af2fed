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
Arabic, not ``\\u`` escapes), two-space indents, keys in the order the records
declare their fields, absent optional fields omitted, and a final newline. It is
stable: ``dumps(loads(text)) == text`` for canonical text, so files diff well.

Loading is strict at the edge: unknown keys, duplicate keys, wrong types,
invalid dates and values outside a vocabulary are all reported at once, each
with its path, in one `LoadError`. Consistency between records (ids that do not
exist, relay loops) is not a load error; the checks report it.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any, cast

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from .dates import FuzzyDate
from .errors import LoadError, Problem
from .graph import ClaimGraph
from .records import (
    RECORD_TYPES,
    Assessment,
    Attribution,
    Claim,
    Document,
    Record,
    Relation,
    Source,
)

__all__ = ["FORMAT_VERSION", "dump", "dumps", "load", "loads", "write_text_atomically"]


def __dir__() -> list[str]:
    return list(__all__)


FORMAT_VERSION = 1
"""The version of the file format this library writes."""

_VERSION_KEY = "claimtrack"

_GROUPS: dict[str, type[Any]] = {
    "sources": Source,
    "documents": Document,
    "claims": Claim,
    "attributions": Attribution,
    "relations": Relation,
    "assessments": Assessment,
}

# Fields written even when they hold their default, because a reader of the
# file should not have to know the defaults to know what a record says.
_ALWAYS_WRITTEN = frozenset({"kind", "stance", "mode"})

# Migrations from older format versions: version -> function returning the
# document in the next version. Version 1 is the first, so there are none yet.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class _Invalid(Exception):  # noqa: N818 - internal signal, never escapes
    """Problems found in one value, with paths relative to it."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems)
        self.problems = problems


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) <= 40 else "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _expected_json(field: attrs.Attribute[Any]) -> tuple[type[Any], str] | None:
    """Return the JSON type a field must have in a file, and its name."""
    name = field.name
    if name in {"extra", "names", "translations"}:
        return dict, "an object"
    if name in {"aliases", "about"}:
        return list, "an array of strings"
    if name == "anonymous":
        return bool, "true or false"
    if name == "credibility":
        return int, "an integer 1-6"
    return str, "a string"


def _field_problems(cls: type[Any], data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Diagnose a record that failed to build, field by field."""
    problems: list[tuple[str, str]] = []
    fields = attrs.fields(cls)
    known = {f.name for f in fields if f.init}
    problems.extend(
        (f".{key}" if _plain_key(key) else f"[{key!r}]", "unknown field")
        for key in data
        if key not in known
    )
    for field in fields:
        if not field.init:
            continue
        if field.name not in data:
            if field.default is attrs.NOTHING:
                problems.append((f".{field.name}", "missing required field"))
            continue
        value = data[field.name]
        expected = _expected_json(field)
        if expected is not None and not (
            isinstance(value, expected[0])
            and not (expected[0] is int and isinstance(value, bool))
        ):
            if value is None and field.default is None:
                continue
            problems.append(
                (f".{field.name}", f"expected {expected[1]}, got {_json_type(value)}")
            )
            continue
        try:
            converted = field.converter(value) if field.converter else value
            if field.validator is not None:
                field.validator(None, field, converted)
        except (TypeError, ValueError) as error:
            message = str(error)
            prefix = f"{field.name} "
            message = message.removeprefix(prefix)
            problems.append((f".{field.name}", message))
    if not problems:
        # Every field is fine on its own; say what the constructor objected to.
        try:
            cls(**data)
        except (TypeError, ValueError) as error:
            problems.append(("", str(error)))
    return problems


def _plain_key(key: object) -> bool:
    return isinstance(key, str) and key.isidentifier()


def _make_structure_hook(cls: type[Any]) -> Callable[[Any, Any], Any]:
    known = frozenset(f.name for f in attrs.fields(cls) if f.init)

    def structure(data: Any, _: Any) -> Any:
        if type(data) is not dict:
            raise _Invalid([("", f"expected an object, got {_json_type(data)}")])
        if known.issuperset(data):
            try:
                return cls(**data)
            except (TypeError, ValueError):
                pass
        raise _Invalid(_field_problems(cls, data))

    return structure


def _sorted_json(value: Any) -> Any:
    """Return a JSON value with every object's keys sorted, iteratively."""
    if not isinstance(value, Mapping):
        if isinstance(value, (list, tuple)):
            return [_sorted_json(v) for v in value]
        return value
    return {k: _sorted_json(value[k]) for k in sorted(value)}


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_unstructure_hook(FuzzyDate, str)
    converter.register_structure_hook(FuzzyDate, lambda v, _: FuzzyDate.parse(v))
    for cls in RECORD_TYPES:
        overrides = {
            field.name: override(omit_if_default=False)
            for field in attrs.fields(cls)
            if field.name in _ALWAYS_WRITTEN
        }
        for name in ("extra", "names", "translations"):
            if hasattr(attrs.fields(cls), name):
                overrides[name] = override(unstruct_hook=_sorted_json)
        converter.register_unstructure_hook(
            cls,
            cast("Any", make_dict_unstructure_fn)(
                cls, converter, _cattrs_omit_if_default=True, **overrides
            ),
        )
        converter.register_structure_hook(cls, _make_structure_hook(cls))
    return converter


_CONVERTER = _make_converter()


# --- writing ----------------------------------------------------------------


def unstructure(graph: ClaimGraph) -> dict[str, Any]:
    """Return the graph as the plain JSON-ready payload of its canonical file."""
    unstructure_record = _CONVERTER.unstructure
    payload: dict[str, Any] = {_VERSION_KEY: FORMAT_VERSION}
    for group in _GROUPS:
        records: tuple[Record, ...] = getattr(graph, group)
        if records:
            payload[group] = [unstructure_record(r) for r in records]
    return payload


def dumps(graph: ClaimGraph) -> str:
    """Return the canonical JSON text of *graph*."""
    return json.dumps(unstructure(graph), ensure_ascii=False, indent=2) + "\n"


def dump(graph: ClaimGraph, file: str | os.PathLike[str] | IO[str]) -> None:
    """Write the canonical JSON of *graph* to a path or an open text file.

    A path is written atomically: the text goes to a temporary file beside it,
    which replaces the target only once complete, so a failure never leaves a
    half-written file.
    """
    text = dumps(graph)
    if isinstance(file, (str, os.PathLike)):
        write_text_atomically(Path(file), text)
    else:
        file.write(text)


def write_text_atomically(path: Path, text: str) -> None:
    """Replace *path* with *text* (UTF-8) so that it is never half-written.

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
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=directory
    )
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
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


# --- reading ----------------------------------------------------------------


class _DuplicateKeys(dict[str, Any]):
    """An object from the file that repeated a key; json would keep the last."""

    duplicates: tuple[str, ...] = ()


def _mark_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen:
            repeated.append(key)
        seen.add(key)
    marked = _DuplicateKeys(pairs)
    marked.duplicates = tuple(dict.fromkeys(repeated))
    return marked


def _reject_constant(name: str) -> float:
    msg = f"{name} is not a JSON number"
    raise ValueError(msg)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _walk_problems(data: Any, *, surrogates: bool) -> list[tuple[str, str]]:
    """Find duplicate keys (and lone surrogates) anywhere in parsed JSON."""
    problems: list[tuple[str, str]] = []
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            if isinstance(value, _DuplicateKeys):
                problems.extend(
                    (path, f"duplicate key {key!r} (each key may appear once)")
                    for key in value.duplicates
                )
            for key, child in value.items():
                if surrogates and _has_lone_surrogate(key):
                    problems.append((path, f"key {key!r} holds a lone surrogate"))
                child_path = f"{path}.{key}" if _plain_key(key) else f"{path}[{key!r}]"
                stack.append((child_path, child))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", child) for i, child in enumerate(value))
        elif surrogates and isinstance(value, str) and _has_lone_surrogate(value):
            problems.append(
                (path, "text holds a lone surrogate escape, which is not Unicode text")
            )
    problems.sort()
    return problems


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _parse(text: str) -> Any:
    repeated = False

    def object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        repeated = True
        return _mark_duplicates(pairs)

    try:
        data = json.loads(
            text, object_pairs_hook=object_pairs, parse_constant=_reject_constant
        )
    except json.JSONDecodeError as error:
        message = (
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        )
        raise _Invalid([("$", message)]) from None
    except ValueError as error:
        raise _Invalid([("$", f"not valid JSON: {error}")]) from None
    except RecursionError:
        raise _Invalid([("$", "not readable: JSON nested too deeply")]) from None
    surrogates = _SURROGATE_ESCAPE.search(text) is not None
    if repeated or surrogates:
        problems = _walk_problems(data, surrogates=surrogates)
        if problems:
            raise _Invalid(problems)
    return data


def _structure(data: Any) -> ClaimGraph:
    if not isinstance(data, dict):
        raise _Invalid([("$", f"expected a claimtrack object, got {_json_type(data)}")])
    problems: list[tuple[str, str]] = []
    version = data.get(_VERSION_KEY)
    if _VERSION_KEY not in data:
        problems.append(
            (
                "$",
                (
                    f'missing the format version: add "{_VERSION_KEY}": '
                    f"{FORMAT_VERSION} at the top of the file"
                ),
            )
        )
    elif type(version) is not int or version < 1:
        problems.append(
            (
                f"$.{_VERSION_KEY}",
                f"expected a format version (1, 2, ...), got {_json_type(version)}",
            )
        )
    elif version > FORMAT_VERSION:
        problems.append(
            (
                f"$.{_VERSION_KEY}",
                (
                    f"format version {version} is newer than this library reads "
                    f"(version {FORMAT_VERSION}); upgrade claimtrack"
                ),
            )
        )
    elif version < FORMAT_VERSION:
        data = _migrate(data, version)
    unknown = [k for k in data if k != _VERSION_KEY and k not in _GROUPS]
    problems.extend(
        (
            f"$.{key}" if _plain_key(key) else f"$[{key!r}]",
            f"unknown key; expected one of {', '.join(_GROUPS)}",
        )
        for key in unknown
    )
    groups: dict[str, list[Any]] = {}
    structure = _CONVERTER.structure
    for group, cls in _GROUPS.items():
        items = data.get(group, [])
        if type(items) is not list:
            problems.append(
                (f"$.{group}", f"expected an array, got {_json_type(items)}")
            )
            continue
        records = []
        for i, item in enumerate(items):
            try:
                records.append(structure(item, cls))
            except _Invalid as invalid:
                problems.extend(
                    (f"$.{group}[{i}]{path}", message)
                    for path, message in invalid.problems
                )
        groups[group] = records
    if problems:
        raise _Invalid(problems)
    return ClaimGraph(**groups)


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    while version < FORMAT_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
    return data


def loads(text: str | bytes, *, source: str | None = None) -> ClaimGraph:
    """Read a claim graph from JSON text.

    Args:
        text: The JSON text (bytes must be UTF-8).
        source: A label for the input (a file name), used in error messages.

    Raises:
        LoadError: If the text cannot be read as a claim graph; it lists every
            problem found, each with its path.
    """
    try:
        if isinstance(text, (bytes, bytearray)):
            text = _decode(bytes(text))
        elif not isinstance(text, str):
            msg = f"expected JSON text, got {type(text).__name__}"
            raise TypeError(msg)
        return _structure(_parse(text))
    except _Invalid as invalid:
        raise LoadError(
            tuple(Problem(path=p, message=m) for p, m in invalid.problems),
            source=source,
        ) from None


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        raise _Invalid(
            [
                (
                    "$",
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
        raise _Invalid([("$", message)]) from None


def load(file: str | os.PathLike[str] | IO[str] | IO[bytes]) -> ClaimGraph:
    """Read a claim graph from a path or an open file.

    Raises:
        LoadError: If the content cannot be read as a claim graph.
        OSError: If the file cannot be opened or read.
    """
    if isinstance(file, (str, os.PathLike)):
        path = Path(file)
        return loads(path.read_bytes(), source=str(path))
    return loads(file.read(), source=getattr(file, "name", None))
