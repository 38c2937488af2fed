"""Atomic writes: a failure at any step leaves the old file whole and no debris.

Every write the library and the command line make (`dump` to a path, ``fmt``,
``export -o``) goes through `write_text_atomically`: a temporary file in the
same directory, written, flushed, fsynced, given its permissions, then renamed
over the target. Each step is made to fail in turn here.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, TextIO

import pytest

from claimtrack.cli import parse_args, run
from claimtrack.graph import GraphBuilder
from claimtrack.serialize import dump, dumps, load, loads, write_text_atomically

ORIGINAL = (
    '{"claimtrack": 1, "claims": [{"id": "old", "text": "كان", "language": "ar"}]}'
)


def new_graph() -> Any:
    """A small graph, different from what `ORIGINAL` holds."""
    b = GraphBuilder()
    b.claim("new", "قالَ مسؤولــون", language="ar")
    return b.build()


def _raise(error: OSError) -> Callable[..., Any]:
    def fail(*_: object, **__: object) -> Any:
        raise error

    return fail


class _HalfWriter:
    """A text file whose write stores half the text and then fails, like a full disk."""

    def __init__(self, handle: TextIO) -> None:
        self._handle = handle

    def close(self) -> None:
        self._handle.close()

    def write(self, text: str) -> int:
        self._handle.write(text[: len(text) // 2])
        self._handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)


def _fail_write(monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> closing[_HalfWriter]:
        return closing(_HalfWriter(real(fd, *args, **kwargs)))

    monkeypatch.setattr(os, "fdopen", fdopen)


FAULTS: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "create": lambda mp: mp.setattr(
        "tempfile.mkstemp", _raise(PermissionError(errno.EACCES, "Permission denied"))
    ),
    "write": _fail_write,
    "fsync": lambda mp: mp.setattr(os, "fsync", _raise(OSError(errno.EIO, "I/O"))),
    "os.chmod": lambda mp: mp.setattr(
        os, "chmod", _raise(PermissionError(errno.EPERM, "Not permitted"))
    ),
    "Path.chmod": lambda mp: mp.setattr(
        Path, "chmod", _raise(PermissionError(errno.EPERM, "Not permitted"))
    ),
    "os.replace": lambda mp: mp.setattr(
        os, "replace", _raise(OSError(errno.EXDEV, "Cross-device link"))
    ),
    "Path.replace": lambda mp: mp.setattr(
        Path, "replace", _raise(OSError(errno.EBUSY, "Device busy"))
    ),
}


@contextmanager
def unchanged(directory: Path, target: Path) -> Iterator[None]:
    """Assert that the block leaves *target* and its directory as they were."""
    before = target.read_bytes()
    listing = sorted(p.name for p in directory.iterdir())
    yield
    assert before == target.read_bytes()
    assert listing == sorted(p.name for p in directory.iterdir())


def _cli(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = run(parse_args(list(argv)), stdout, stderr)
    return code, stdout.getvalue(), stderr.getvalue()


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_dump_failure_keeps_original(
    fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`dump` to a path that fails at any step leaves the old file and no temp file."""
    target = tmp_path / "claims.json"
    target.write_text(ORIGINAL, encoding="utf-8")
    with unchanged(tmp_path, target), monkeypatch.context() as patch:
        FAULTS[fault](patch)
        with pytest.raises(OSError):  # noqa: PT011 - each fault raises its own
            dump(new_graph(), target)


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fmt_failure_keeps_original(
    fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``claimtrack fmt`` that fails to write reports it, exits 2, keeps the file."""
    target = tmp_path / "claims.json"
    target.write_text(ORIGINAL, encoding="utf-8")
    with unchanged(tmp_path, target), monkeypatch.context() as patch:
        FAULTS[fault](patch)
        code, out, err = _cli("fmt", str(target))
    assert (2, "") == (code, out)
    assert f"{target}: cannot write: " in err


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_export_failure_keeps_original(
    fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``claimtrack export -o`` that fails to write exits 2 and keeps the old output."""
    source = tmp_path / "claims.json"
    dump(new_graph(), source)
    target = tmp_path / "graph.dot"
    target.write_text("digraph old {}\n", encoding="utf-8")
    with unchanged(tmp_path, target), monkeypatch.context() as patch:
        FAULTS[fault](patch)
        code, out, err = _cli("export", str(source), "--to", "dot", "-o", str(target))
    assert (2, "") == (code, out)
    assert f"{target}: cannot write: " in err


def test_interrupted_write_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interrupt (not an OSError) mid-write also cleans up and keeps the file."""
    target = tmp_path / "claims.json"
    target.write_text(ORIGINAL, encoding="utf-8")
    with unchanged(tmp_path, target), monkeypatch.context() as patch:
        patch.setattr(os, "fsync", _raise(KeyboardInterrupt()))  # type: ignore[arg-type]
        with pytest.raises(KeyboardInterrupt):
            dump(new_graph(), target)


def test_successful_writes_are_complete(tmp_path: Path) -> None:
    """Without faults each writer replaces the file with the whole new text."""
    target = tmp_path / "claims.json"
    target.write_text(ORIGINAL, encoding="utf-8")
    dump(new_graph(), target)
    assert dumps(new_graph()) == target.read_text(encoding="utf-8")
    target.write_text(ORIGINAL, encoding="utf-8")
    assert 0 == _cli("fmt", str(target))[0]
    assert dumps(loads(ORIGINAL)) == target.read_text(encoding="utf-8")
    assert ["claims.json"] == sorted(p.name for p in tmp_path.iterdir())


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664, 0o444])
def test_existing_permissions_are_kept(tmp_path: Path, mode: int) -> None:
    """Rewriting a file keeps its permission bits, read-only included."""
    target = tmp_path / "claims.json"
    target.write_text(ORIGINAL, encoding="utf-8")
    target.chmod(mode)
    dump(new_graph(), target)
    assert mode == stat.S_IMODE(target.stat().st_mode)
    target.chmod(0o600)
    target.write_text(ORIGINAL, encoding="utf-8")
    target.chmod(mode)
    assert 0 == _cli("fmt", str(target))[0]
    assert mode == stat.S_IMODE(target.stat().st_mode)


@contextmanager
def umask(value: int) -> Iterator[None]:
    """Run the block under *value* as the process's umask."""
    previous = os.umask(value)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600)])
def test_new_files_get_umask_permissions(
    tmp_path: Path, mask: int, expected: int
) -> None:
    """A new file gets the permissions the umask allows, as `open` would give."""
    with umask(mask):
        dump(new_graph(), tmp_path / "a.json")
        write_text_atomically(tmp_path / "b.dot", "digraph {}\n")
        code = _cli(
            "export",
            str(tmp_path / "a.json"),
            "--to",
            "dot",
            "-o",
            str(tmp_path / "c.dot"),
        )[0]
    assert 0 == code
    for name in ("a.json", "b.dot", "c.dot"):
        assert expected == stat.S_IMODE((tmp_path / name).stat().st_mode), name


def test_missing_directory_is_a_clear_error(tmp_path: Path) -> None:
    """Writing into a directory that does not exist names that directory."""
    target = tmp_path / "missing" / "claims.json"
    with pytest.raises(FileNotFoundError) as caught:
        dump(new_graph(), target)
    assert f"no such directory: {target.parent}" == caught.value.strerror
    assert str(target) == caught.value.filename
    assert not (tmp_path / "missing").exists()
    code, out, err = _cli(
        "export", str(_seed(tmp_path)), "--to", "dot", "-o", str(target)
    )
    assert (2, "") == (code, out)
    assert f"no such directory: {target.parent}" in err


def _seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.json"
    dump(new_graph(), path)
    return path


def test_dump_to_open_file_writes_the_text() -> None:
    """Dumping to an open file writes the canonical text and leaves it to the caller."""
    buffer = io.StringIO()
    dump(new_graph(), buffer)
    assert dumps(new_graph()) == buffer.getvalue()
    assert new_graph() == load(io.StringIO(buffer.getvalue()))
