"""No code execution from data, and no network: reading a file only reads it.

The library's source holds no `eval`, pickle, marshal or unsafe YAML, and
imports only the modules named here at the top of each file (plus the optional
extras, by fixed names). The one use of `exec` is the fast paths' code
generation (as attrs and cattrs generate methods), from the record definitions
alone, once, at import. Importers and exporters never open a connection, even
for a JSON-LD ``@context`` that names a URL.
"""

from __future__ import annotations

import ast
import io
import json
import socket
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from claimtrack.cli import parse_args, run
from claimtrack.exports import FORMATS, IMPORTERS, MissingExtraError
from claimtrack.serialize import dumps, load, loads

SOURCE = Path(__file__).resolve().parent.parent / "src" / "claimtrack"
FIXTURES = sorted((Path(__file__).parent / "fixtures" / "v1").glob("*.json"))
MODULES = sorted(SOURCE.rglob("*.py"))

# Calls that run code or rebuild objects from data.
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_MODULES = {
    "pickle",
    "cPickle",
    "dill",
    "marshal",
    "shelve",
    "yaml",
    "subprocess",
    "ctypes",
    "code",
    "codeop",
}


def _names(path: Path) -> tuple[set[str], set[str], list[str]]:
    """Return the names called, the modules imported, and dynamic imports in *path*."""
    tree = _tree(path)
    called: set[str] = set()
    imported: set[str] = set()
    dynamic: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name):
                called.add(function.id)
            elif isinstance(function, ast.Attribute):
                # re.compile is harmless; builtins.compile is not.
                if ast.unparse(function.value) == "builtins":
                    called.add(function.attr)
                if function.attr == "import_module":
                    argument = node.args[0] if node.args else None
                    dynamic.append(ast.unparse(argument) if argument else "")
        elif isinstance(node, ast.Import):
            imported.update(alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            imported.add(node.module.partition(".")[0])
    return called, imported, dynamic


def test_source_was_found() -> None:
    """The scan below reads the package's real modules, not an empty list."""
    assert SOURCE / "serialize.py" in MODULES


# The modules that generate code from the record definitions, and the one
# function in each that may compile and run it.
GENERATORS = {SOURCE / "_builders.py", SOURCE / "_writers.py"}
GENERATING_FUNCTION = "_generate"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_no_code_execution_in_source(path: Path) -> None:
    """No module calls eval, exec or compile, nor imports pickle, marshal or YAML.

    Only the code generators may compile and run code, and only inside the
    function that generates it from the record definitions.
    """
    called, imported, _ = _names(path)
    assert set() == called & FORBIDDEN_CALLS
    assert set() == imported & FORBIDDEN_MODULES
    text = ast.unparse(_tree(path))
    for fragment in ("eval(", "exec(", "pickle.load", "yaml.load(", "marshal.load"):
        assert fragment not in text, fragment


def _tree(path: Path) -> ast.Module:
    """Return the syntax tree of *path*, less a code generator's generating function."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    if path in GENERATORS:
        kept = [
            node
            for node in tree.body
            if not (
                isinstance(node, ast.FunctionDef) and node.name == GENERATING_FUNCTION
            )
        ]
        assert len(kept) == len(tree.body) - 1, "the generating function is gone"
        tree.body = kept
    return tree


def test_code_is_generated_at_import_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading and writing files never generates code: no data reaches exec."""
    from claimtrack import _builders, _writers  # noqa: PLC0415 - patched below

    def refuse(*_: object) -> None:
        msg = "code generated after import"
        raise AssertionError(msg)

    monkeypatch.setattr(_builders, GENERATING_FUNCTION, refuse)
    monkeypatch.setattr(_writers, GENERATING_FUNCTION, refuse)
    for path in FIXTURES:
        graph = load(path)
        assert graph == loads(dumps(graph))


def test_no_module_is_imported_by_a_name_worked_out_at_run_time() -> None:
    """No import is dynamic, so no data can choose what is imported."""
    found = {
        str(path.relative_to(SOURCE)): dynamic
        for path in MODULES
        if (dynamic := _names(path)[2])
    }
    assert {} == found


def _no_network(*_: object, **__: object) -> Any:
    msg = "claimtrack must not open network connections"
    raise AssertionError(msg)


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every way of reaching the network fail the test."""
    monkeypatch.setattr(urllib.request, "urlopen", _no_network)
    monkeypatch.setattr(socket.socket, "connect", _no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", _no_network)
    monkeypatch.setattr(socket, "create_connection", _no_network)
    monkeypatch.setattr(socket, "getaddrinfo", _no_network)


REMOTE_CLAIMREVIEW = {
    "@context": ["https://schema.org", "https://evil.example/context.jsonld"],
    "@type": "ClaimReview",
    "@id": "https://evil.example/review/1",
    "url": "https://evil.example/review/1",
    "claimReviewed": "US officials shared intelligence",
    "author": {"@type": "Organization", "name": "Checker", "url": "https://e.x/"},
    "reviewRating": {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    },
    "itemReviewed": {
        "@type": "Claim",
        "@context": "https://evil.example/other-context",
        "author": {"@type": "Person", "name": "Someone", "sameAs": "https://e.x/p"},
        "appearance": [{"@type": "CreativeWork", "url": "https://evil.example/a"}],
        "datePublished": "2025-01-24",
    },
    "datePublished": "2025-01-25",
}

REMOTE_FACTCHECK = {
    "claims": [
        {
            "text": "US officials shared intelligence",
            "claimant": "Someone",
            "claimDate": "2025-01-24T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "Checker", "site": "evil.example"},
                    "url": "https://evil.example/review/1",
                    "title": "Checked",
                    "reviewDate": "2025-01-25T00:00:00Z",
                    "textualRating": "Mostly false",
                    "languageCode": "en",
                }
            ],
        }
    ]
}


@pytest.mark.usefixtures("offline")
@pytest.mark.parametrize(
    ("name", "document"),
    [("claimreview", REMOTE_CLAIMREVIEW), ("factcheck-api", REMOTE_FACTCHECK)],
)
def test_importers_never_fetch(name: str, document: dict[str, Any]) -> None:
    """Importers read documents naming remote contexts and URLs without fetching."""
    result = IMPORTERS[name].read(json.dumps(document))
    assert len(result.graph) > 0


@pytest.mark.usefixtures("offline")
def test_importers_refuse_garbage_without_fetching() -> None:
    """Broken input to an importer fails as data, with no connection attempted."""
    for importer in IMPORTERS.values():
        for garbage in ('"https://evil.example/x.jsonld"', "[1, 2]", "{"):
            try:
                importer.read(garbage)
            except ValueError:
                continue


@pytest.mark.usefixtures("offline")
@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_loading_checking_and_exporting_stay_offline(path: Path) -> None:
    """Loading, checking, assessing and every export work with the network cut."""
    graph = load(path)
    assert graph == loads(path.read_bytes())
    for argv in (["check", str(path)], ["assess", str(path)]):
        assert run(parse_args(argv), io.StringIO(), io.StringIO()) in {0, 1}
    for exporter in FORMATS.values():
        try:
            exporter.render(graph)
        except MissingExtraError:
            continue
