"""Sphinx configuration for the claimtrack documentation.

Some reference pages are generated from the code at build time: a page holding
a line ``% generated: NAME`` gets the output of ``_GENERATORS[NAME]`` in its
place, so that the field tables and the schema cannot drift from the library.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import import_module
from typing import Any

import attrs
from sphinx.application import Sphinx

import claimtrack
from claimtrack.records import RECORD_TYPES

project = "claimtrack"
author = "The claimtrack authors"
copyright = "the claimtrack authors"  # noqa: A001 - the name Sphinx reads
release = claimtrack.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinxcontrib.mermaid",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_typehints = "description"
# Records document their fields as attributes; listing them again as
# parameters would say everything twice.
autodoc_typehints_description_target = "documented_params"
autodoc_type_aliases = {"JSONValue": "JSONValue"}
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# The build runs offline (intersphinx is off), so names from the standard
# library and from attrs have no inventory to link to; they are still shown.
nitpick_ignore_regex = [
    (r"py:.*", r"(collections\.abc|datetime|enum|os|types|typing)\..*"),
    (r"py:.*", r"(IO|Mapping|Iterable|Iterator|Sequence|Callable|TextIO)"),
    # Third-party classes in signatures: attrs' in validators, Hypothesis'
    # strategies in claimtrack.testing.
    (r"py:.*", r"(attrs?|hypothesis)\..*"),
    # Type aliases that the type checker sees but that are not documented objects.
    (r"py:.*", r"(claimtrack\.\w+\.)?(JSONValue|R|E)"),
]

html_theme = "furo"
html_title = "claimtrack"
html_static_path: list[str] = []


# --- pages generated from the code ------------------------------------------


def _record_fields() -> str:
    """Return a table of each record type's fields, as the file spells them.

    Fields, defaults and whether they are required come from the records; the
    meaning and allowed values come from the JSON Schema when there is one.
    """
    schema = _schema()
    definitions: dict[str, Any] = schema.get("$defs", {}) if schema else {}
    parts: list[str] = []
    for cls in RECORD_TYPES:
        group = f"{cls.TYPE}s"
        properties = definitions.get(cls.__name__, {}).get("properties", {})
        parts.append(f"### `{group}`: {{py:class}}`~claimtrack.{cls.__name__}`\n")
        parts.append("| field | required | default | meaning |")
        parts.append("| --- | --- | --- | --- |")
        for field in attrs.fields(cls):
            if not field.init:
                continue
            required = field.default is attrs.NOTHING
            default = "" if required else _default_text(field.default)
            meaning = _meaning(properties.get(field.name, {}))
            parts.append(
                f"| `{field.name}` | {'yes' if required else 'no'} | {default} "
                f"| {meaning} |"
            )
        parts.append("")
    return "\n".join(parts)


def _meaning(prop: dict[str, Any]) -> str:
    text = str(prop.get("description", "")).replace("|", "\\|")
    choices = prop.get("enum")
    for alternative in prop.get("anyOf", ()):
        choices = choices or alternative.get("enum")
    if choices:
        listed = ", ".join(f"`{json.dumps(c, ensure_ascii=False)}`" for c in choices)
        text = f"{text} One of {listed}."
    return text.strip()


def _schema() -> dict[str, Any] | None:
    serialize = import_module("claimtrack.serialize")
    json_schema: Callable[[], dict[str, Any]] | None = getattr(
        serialize, "json_schema", None
    )
    return None if json_schema is None else json_schema()


def _default_text(default: Any) -> str:
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory()
    if default is None:
        return "absent"
    value = getattr(default, "value", default)
    if value in ({}, ()):
        return "empty"
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _json_schema() -> str:
    schema = _schema()
    if schema is None:
        return (
            "The JSON Schema of the format will be listed here, generated from "
            "the records when the library provides it."
        )
    text = json.dumps(schema, ensure_ascii=False, indent=2)
    return (
        "The schema below is generated from the records by "
        "`claimtrack.serialize.json_schema()`; validate files against it with "
        f"any JSON Schema (2020-12) validator.\n\n```json\n{text}\n```\n"
    )


def _testing_api() -> str:
    try:
        import_module("claimtrack.testing")
    except ImportError:
        return (
            "`claimtrack.testing` needs the `testing` extra "
            "(`pip install 'claimtrack[testing]'`)."
        )
    return "```{eval-rst}\n.. automodule:: claimtrack.testing\n```\n"


_GENERATORS: dict[str, Callable[[], str]] = {
    "record-fields": _record_fields,
    "json-schema": _json_schema,
    "testing-api": _testing_api,
}


def _fill_generated(_app: Sphinx, _docname: str, source: list[str]) -> None:
    lines = source[0].split("\n")
    for i, line in enumerate(lines):
        if line.startswith("% generated: "):
            name = line.removeprefix("% generated: ").strip()
            lines[i] = _GENERATORS[name]()
    source[0] = "\n".join(lines)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hooks that generate reference pages from the code."""
    app.connect("source-read", _fill_generated)
    return {"parallel_read_safe": True}
