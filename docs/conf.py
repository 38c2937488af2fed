"""Sphinx configuration for the claimtrack documentation.

Some reference pages are generated from the code at build time: a page holding
a line ``% generated: NAME [ARGUMENT...]`` gets the output of
``_GENERATORS[NAME](*ARGUMENTS)`` in its place, so that the field tables, the
schema, the check catalog, the command-line reference, the policy defaults, the
export formats and the seed's diagrams cannot drift from the library.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
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

myst_enable_extensions = ["colon_fence", "deflist", "dollarmath"]
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


def _check_catalog() -> str:
    checks = import_module("claimtrack.checks")
    text: str = checks.catalog_markdown()
    return text


def _cli_reference() -> str:
    """Return one section per command: its help text, options and examples."""
    cli = import_module("claimtrack.cli")
    # argparse wraps help to the terminal's width; fix it so builds agree.
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "88"
    try:
        parser = cli._parser()  # noqa: SLF001 - the parser is the authority
        commands = next(
            action
            for action in parser._actions  # noqa: SLF001
            if isinstance(action, argparse._SubParsersAction)  # noqa: SLF001
        )
        parts = [
            "## `claimtrack`\n",
            f"```text\n{parser.format_help().rstrip()}\n```\n",
        ]
        for name, command in commands.choices.items():
            parts.append(f"## `claimtrack {name}`\n")
            parts.append(f"{command.description}\n")
            parts.append(f"```text\n{command.format_help().rstrip()}\n```\n")
    finally:
        if previous is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = previous
    return "\n".join(parts)


def _cli_exit_codes() -> str:
    cli = import_module("claimtrack.cli")
    doc = inspect.getdoc(cli) or ""
    start = doc.index("Exit codes:")
    return doc[start:].replace("``", "`")


def _policy_attributes() -> dict[str, str]:
    """Return the reasoning the `Policy` docstring gives for each field."""
    confidence = import_module("claimtrack.confidence")
    doc = inspect.getdoc(confidence.Policy) or ""
    section = doc[doc.index("Attributes:") :].splitlines()[1:]
    found: dict[str, list[str]] = {}
    name = ""
    for line in section:
        match = re.match(r"    (\w+): (.*)", line)
        if match:
            name = match.group(1)
            found[name] = [match.group(2)]
        elif line.startswith("        ") and name:
            found[name].append(line.strip())
    return {key: " ".join(lines) for key, lines in found.items()}


def _policy_defaults() -> str:
    """Return every policy field: its default and the reasoning behind it."""
    confidence = import_module("claimtrack.confidence")
    defaults = confidence.to_dict(confidence.Policy())
    reasons = _policy_attributes()
    parts: list[str] = []
    for field in attrs.fields(confidence.Policy):
        value = defaults[field.name]
        parts.append(f"### `{field.name}`\n")
        parts.append(_backticked(reasons.get(field.name, "")) + "\n")
        if (
            isinstance(value, dict)
            and value
            and all(isinstance(v, dict) for v in value.values())
        ):
            columns = list(next(iter(value.values())))
            parts.append("| key | " + " | ".join(columns) + " |")
            parts.append("| --- |" + " --- |" * len(columns))
            parts.extend(
                f"| `{key}` | " + " | ".join(f"{row[c]:g}" for c in columns) + " |"
                for key, row in value.items()
            )
            parts.append("")
        elif isinstance(value, dict) and value and "belief" not in value:
            parts.append("| key | default |")
            parts.append("| --- | --- |")
            parts.extend(
                f"| `{key}` | `{json.dumps(item)}` |" for key, item in value.items()
            )
            parts.append("")
        else:
            parts.append(f"Default: `{json.dumps(value)}`\n")
    text = json.dumps(defaults, ensure_ascii=False, indent=2)
    parts.append("## The defaults as a policy file\n")
    parts.append(
        "`claimtrack.confidence.to_dict(Policy())` writes the defaults as the JSON "
        "object that `Policy.from_mapping` and `claimtrack assess --policy FILE` "
        "read; a file need only hold the keys it changes.\n"
    )
    parts.append(f"```json\n{text}\n```\n")
    return "\n".join(parts)


def _backticked(text: str) -> str:
    """Turn reST-style ``literals`` and `names` into Markdown code spans."""
    return re.sub(r"``(.+?)``", r"`\1`", text)


def _export_formats() -> str:
    exports = import_module("claimtrack.exports")
    rows = [
        "| `--to` | what it writes | file suffix | needs |",
        "| --- | --- | --- | --- |",
    ]
    for name, exporter in exports.FORMATS.items():
        needs = f"`claimtrack[{exporter.extra}]`" if exporter.extra else "the core"
        rows.append(
            f"| `{name}` | {exporter.description} | `{exporter.suffix}` | {needs} |"
        )
    importers = ["| importer | what it reads |", "| --- | --- |"]
    importers.extend(
        f"| `{name}` | {importer.description} |"
        for name, importer in exports.IMPORTERS.items()
    )
    return "\n".join(rows) + "\n\n## Importers\n\n" + "\n".join(importers) + "\n"


def _mermaid(claim: str) -> str:
    """Return the seed's attribution tree of *claim* as a rendered diagram."""
    serialize = import_module("claimtrack.serialize")
    exports = import_module("claimtrack.exports")
    graph = serialize.load(_SEED)
    return f"```{{mermaid}}\n{exports.to_mermaid(graph, claim)}```\n"


_SEED = Path(__file__).resolve().parent.parent / "seeds" / "enab-baladi-2025-01-24.json"

_GENERATORS: dict[str, Callable[..., str]] = {
    "record-fields": _record_fields,
    "json-schema": _json_schema,
    "testing-api": _testing_api,
    "check-catalog": _check_catalog,
    "cli-reference": _cli_reference,
    "cli-exit-codes": _cli_exit_codes,
    "policy-defaults": _policy_defaults,
    "export-formats": _export_formats,
    "seed-mermaid": _mermaid,
}


def _fill_generated(_app: Sphinx, _docname: str, source: list[str]) -> None:
    lines = source[0].split("\n")
    for i, line in enumerate(lines):
        if line.startswith("% generated: "):
            name, *arguments = line.removeprefix("% generated: ").split()
            lines[i] = _GENERATORS[name](*arguments)
    source[0] = "\n".join(lines)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the hooks that generate reference pages from the code."""
    app.connect("source-read", _fill_generated)
    return {"parallel_read_safe": True}
