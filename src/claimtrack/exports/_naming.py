"""How records are named outside claimtrack: stable IRIs for every record.

Ids are unique within a record type only (a source and a claim may share one),
so each type has its own namespace. The IRIs are URNs: stable, never resolved,
and the same in every format (PROV, ClaimReview ``@id``), so that exported
records can be recognised when they come back in.

A record id becomes the local part of its IRI with every character other than
ASCII letters, digits, ``-`` and ``_`` percent-encoded (``a.b:c`` becomes
``a%2Eb%3Ac``). The local part is therefore a valid PROV-N, Turtle and XML
QName local part, and the encoding is reversible.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

__all__ = ["NAMESPACES", "VOCABULARY", "local_name", "record_id_of", "record_iri"]


def __dir__() -> list[str]:
    return list(__all__)


VOCABULARY = "urn:claimtrack:vocab:"
"""The namespace of claimtrack's own terms (``ct:stance``, ``ct:Claim``)."""

NAMESPACES = {
    "source": "urn:claimtrack:source:",
    "document": "urn:claimtrack:document:",
    "claim": "urn:claimtrack:claim:",
    "attribution": "urn:claimtrack:attribution:",
    "assessment": "urn:claimtrack:assessment:",
    "publication": "urn:claimtrack:publication:",
}
"""The namespace of each kind of record (and of a document's publication)."""

_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
_ID_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._:-]{0,126}[A-Za-z0-9])?")


def local_name(record_id: str) -> str:
    """Return *record_id* escaped into a QName local part."""
    return "".join(
        chr(byte) if chr(byte) in _SAFE else f"%{byte:02X}"
        for byte in record_id.encode("utf-8", "replace")
    )


def record_iri(kind: str, record_id: str) -> str:
    """Return the IRI of the record of *kind* (``"claim"``) with *record_id*."""
    return NAMESPACES[kind] + local_name(record_id)


def record_id_of(kind: str, iri: object) -> str | None:
    """Return the record id named by *iri*, or None if it names no *kind* record."""
    if not isinstance(iri, str) or not iri.startswith(NAMESPACES[kind]):
        return None
    record_id = unquote(iri[len(NAMESPACES[kind]) :])
    return record_id if _ID_RE.fullmatch(record_id) else None
