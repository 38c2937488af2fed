"""Format versions: files from newer versions refuse clearly, older ones migrate.

Version 1 is the only version so far. Its fixtures in ``tests/fixtures/v1``
must load for as long as the library lives. The migration path is exercised
here with fake migrations, so the day a version 2 arrives only the migration
itself is new.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimtrack import serialize
from claimtrack.errors import LoadError
from claimtrack.serialize import FORMAT_VERSION, dumps, load, loads

V1 = sorted((Path(__file__).parent / "fixtures" / "v1").glob("*.json"))


def _problems(text: str) -> list[tuple[str, str]]:
    with pytest.raises(LoadError) as caught:
        loads(text)
    return [(p.path, p.message) for p in caught.value.problems]


@pytest.mark.parametrize("path", V1, ids=lambda path: path.name)
def test_version_1_fixtures_load(path: Path) -> None:
    """Every version 1 fixture loads, and says it is version 1."""
    assert 1 == json.loads(path.read_text(encoding="utf-8"))["claimtrack"]
    assert len(load(path)) > 0


def test_version_1_fixtures_exist() -> None:
    """The version 1 fixtures are kept: an empty fixture directory is a mistake."""
    assert {"every-field.json", "seed-subset.json"} <= {path.name for path in V1}


@pytest.mark.parametrize("newer", [FORMAT_VERSION + 1, 99, 10**30])
def test_newer_version_names_both_versions(newer: int) -> None:
    """A file from a newer format version fails naming its version and ours."""
    text = json.dumps({"claimtrack": newer, "claims": "not even an array"})
    expected = [
        (
            "$.claimtrack",
            (
                f"format version {newer} is newer than this library reads "
                f"(version {FORMAT_VERSION}); upgrade claimtrack"
            ),
        )
    ]
    assert expected == _problems(text)


@pytest.mark.parametrize("version", [0, -1, 1.0, "1", True, None, [1]])
def test_not_a_version(version: object) -> None:
    """A version that is not a positive integer is reported at its path."""
    problems = _problems(json.dumps({"claimtrack": version}))
    assert ["$.claimtrack"] == [path for path, _ in problems]
    assert "expected a format version (1, 2, ...)" in problems[0][1]


def _note_migration(version: int) -> Any:
    """A fake migration from *version* that leaves its mark in every claim's note."""

    def migrate(data: dict[str, Any]) -> dict[str, Any]:
        claims = [
            {**claim, "note": f"{claim.get('note', '')}[from {version}]"}
            for claim in data.get("claims", [])
        ]
        return {**data, "claimtrack": version + 1, "claims": claims}

    return migrate


def test_migration_from_version_1(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a version 2, a version 1 file migrates on load and writes as version 2."""
    monkeypatch.setattr(serialize, "FORMAT_VERSION", 2)
    monkeypatch.setattr(serialize, "_MIGRATIONS", {1: _note_migration(1)})
    path = next(p for p in V1 if p.name == "seed-subset.json")
    graph = load(path)
    assert graph.claims
    assert all(claim.note and claim.note.endswith("[from 1]") for claim in graph.claims)
    assert 2 == json.loads(dumps(graph))["claimtrack"]
    assert graph == loads(dumps(graph))


def test_migrations_chain_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file several versions old passes through each migration once, in order."""
    monkeypatch.setattr(serialize, "FORMAT_VERSION", 3)
    monkeypatch.setattr(
        serialize, "_MIGRATIONS", {1: _note_migration(1), 2: _note_migration(2)}
    )
    text = json.dumps(
        {"claimtrack": 1, "claims": [{"id": "c", "text": "t", "language": "en"}]}
    )
    assert ["[from 1][from 2]"] == [c.note for c in loads(text).claims]
    text = text.replace('"claimtrack": 1', '"claimtrack": 2')
    assert ["[from 2]"] == [c.note for c in loads(text).claims]


def test_migration_of_a_broken_file_is_a_load_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An old file that a migration cannot read fails with LoadError, not a crash."""
    monkeypatch.setattr(serialize, "FORMAT_VERSION", 2)
    monkeypatch.setattr(serialize, "_MIGRATIONS", {1: _note_migration(1)})
    problems = _problems(json.dumps({"claimtrack": 1, "claims": [1, 2]}))
    assert ["$"] == [path for path, _ in problems]
    assert problems[0][1].startswith(
        "cannot migrate from format version 1 to 2: the file does not follow version 1"
    )


def test_migrated_problems_keep_their_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems left after a migration are reported at their paths as usual."""
    monkeypatch.setattr(serialize, "FORMAT_VERSION", 2)
    monkeypatch.setattr(serialize, "_MIGRATIONS", {1: _note_migration(1)})
    text = json.dumps({"claimtrack": 1, "claims": [{"id": "c", "text": "t"}]})
    assert [("$.claims[0].language", "missing required field")] == _problems(text)
