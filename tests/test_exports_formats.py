from pathlib import Path

import pytest

import claimtrack.exports
from claimtrack.exports import FORMATS, IMPORTERS, from_claimreview, to_claimreview
from claimtrack.serialize import write_text_atomically
from export_samples import small_graph


def test_public_names_are_the_whole_api() -> None:
    """dir() of the package lists exactly its sorted __all__."""
    assert sorted(claimtrack.exports.__all__) == dir(claimtrack.exports)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_renders_text_and_writes_it_byte_for_byte(
    name: str, tmp_path: Path
) -> None:
    """Each registered exporter returns text that is written exactly as given."""
    exporter = FORMATS[name]
    text = exporter.render(small_graph())
    path = tmp_path / f"graph{exporter.suffix}"
    write_text_atomically(path, text)
    assert (name, text.encode("utf-8")) == (exporter.name, path.read_bytes())


def test_registry_describes_every_format() -> None:
    """Every format has a suffix, a description, and only known extras."""
    expected: dict[str, str] = {}
    actual = {name: e.extra for name, e in FORMATS.items() if e.extra is not None}
    assert expected == actual
    assert all(e.suffix.startswith(".") and e.description for e in FORMATS.values())


def test_importers_read_what_the_exporter_wrote() -> None:
    """The ClaimReview importer in the registry reads the exporter's output."""
    text = to_claimreview(small_graph())
    expected = from_claimreview(text)
    assert expected == IMPORTERS["claimreview"].read(text)
