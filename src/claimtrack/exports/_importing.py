"""What every importer shares: its result, and turning foreign data into records.

An importer never drops anything silently: whatever it reads but cannot map
onto claimtrack records is listed in `ImportResult.unmapped`, each with the
JSON path where it was found. Importers read text only; they never fetch a URL
they find in it.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import attrs

from claimtrack.dates import FuzzyDate
from claimtrack.errors import LoadError, Problem
from claimtrack.graph import ClaimGraph
from claimtrack.records import Record

__all__ = ["Collector", "ImportResult", "as_list", "fresh_id", "join", "parse_json"]


def __dir__() -> list[str]:
    return list(__all__)


@attrs.frozen(kw_only=True)
class ImportResult:
    """The graph an importer built, and what it could not map.

    Attributes:
        graph: The records read.
        unmapped: Each thing read but not mapped onto a record, with its path
            (``$.claims[0].claimReview[1].foo``), in input order.
    """

    graph: ClaimGraph
    unmapped: tuple[Problem, ...]


def parse_json(text: str | bytes, *, source: str | None) -> Any:
    """Return the JSON value in *text*.

    Raises:
        LoadError: If *text* is not JSON text in UTF-8.
    """
    try:
        if isinstance(text, (bytes, bytearray)):
            text = bytes(text).decode("utf-8-sig")
        return json.loads(text)
    except UnicodeDecodeError as error:
        message = f"not UTF-8 text: invalid byte at offset {error.start}"
    except json.JSONDecodeError as error:
        message = (
            f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        )
    except RecursionError:
        message = "not readable: JSON nested too deeply"
    raise LoadError((Problem(path="$", message=message),), source=source)


_SLUG_DROP = re.compile(r"[^a-z0-9]+")
_ISO_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def fresh_id(prefix: str, *parts: str) -> str:
    """Return a stable id for an imported record from what identifies it.

    The id is a readable slug of the first part (ASCII only, at most 40
    characters) and a short hash of all parts, so that different inputs never
    share an id and the same input always gets the same one.
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace"))
    slug = _SLUG_DROP.sub("-", parts[0].casefold())[:40].strip("-") if parts else ""
    return f"{prefix}-{slug}-{digest.hexdigest()[:10]}".replace("--", "-")


class Collector:
    """Records and unmapped items gathered while reading one input."""

    def __init__(self) -> None:
        self.records: dict[tuple[type[Any], str], Record] = {}
        self.conflicting: list[Record] = []
        self.unmapped: list[Problem] = []

    def add(self, record: Record) -> None:
        key = (type(record), record.id)
        existing = self.records.setdefault(key, record)
        if existing != record and record not in self.conflicting:
            # Two different things under one id; keep both, as a graph does.
            self.conflicting.append(record)

    def skip(self, path: str, message: str) -> None:
        self.unmapped.append(Problem(path=path, message=message))

    def leftovers(self, path: str, node: dict[str, Any], used: set[str]) -> None:
        """Report each key of *node* not in *used* as not mapped."""
        for key, value in node.items():
            if key in used or key in {"@context", "@type", "@id"}:
                continue
            self.skip(join(path, key), f"not mapped: {_preview(value)}")

    def date(self, path: str, value: object) -> FuzzyDate | None:
        """Read a published date or date-time, reporting one that is not a date."""
        if value is None:
            return None
        if isinstance(value, str):
            match = _ISO_DAY.fullmatch(value.strip())
            text = match[1] if match else value.strip()
            try:
                return FuzzyDate.parse(text)
            except ValueError:
                pass
        self.skip(path, f"not a date claimtrack can read: {_preview(value)}")
        return None

    def language(self, path: str, value: object) -> str | None:
        """Read a language tag, reporting one that is not a tag."""
        if value is None:
            return None
        if isinstance(value, str) and _LANGUAGE.fullmatch(value.strip()):
            return value.strip()
        self.skip(path, f"not a language tag: {_preview(value)}")
        return None

    def text(self, path: str, value: object) -> str | None:
        """Read a text value, reporting one of another JSON type."""
        if value is None or isinstance(value, str):
            return value
        self.skip(path, f"expected text, got {_preview(value)}")
        return None

    def result(self) -> ImportResult:
        records = [*self.records.values(), *self.conflicting]
        return ImportResult(graph=ClaimGraph.of(records), unmapped=tuple(self.unmapped))


def join(path: str, key: str | int) -> str:
    """Return the JSON path of *key* under *path*."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{key!r}]"


def _preview(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:79] + "…"


def as_list(value: object) -> list[Any]:
    """Return *value* as a list: itself if a list, else a list of one (or none)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
