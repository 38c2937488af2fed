"""W3C PROV: PROV-JSON written directly, PROV-O Turtle through the ``prov`` package.

Mapping (namespaces in `claimtrack.exports` docs; ``ct:`` is
``urn:claimtrack:vocab:``):

==========================  ===============================================
claimtrack                  PROV
==========================  ===============================================
`Source`                    ``agent``; ``prov:type`` ``prov:Person`` (person),
                            ``prov:Organization`` (organization, government,
                            news outlet, state media, wire service) or
                            ``ct:Group``; ``prov:label`` its name (and each
                            translated name with its language tag);
                            ``ct:kind``; an anonymous source also has
                            ``prov:type ct:AnonymousSource``,
                            ``ct:anonymous true`` and ``ct:descriptor``
``Source.affiliation``      ``actedOnBehalfOf(source, affiliation)``
`Document`                  ``entity`` typed ``ct:Document`` with
                            ``prov:label`` (its title, language-tagged),
                            ``ct:url``, ``ct:published``, ``ct:retracted``;
                            and an ``activity`` for its publication:
                            ``wasGeneratedBy(document, publication)``
``Document.publisher``      ``wasAttributedTo(document, publisher)`` and
                            ``wasAssociatedWith(publication, publisher)``
`Claim`                     ``entity`` typed ``ct:Claim``; ``prov:value`` its
                            text tagged with its language; ``ct:translation``
                            each translation, tagged; ``ct:kind``
`Attribution`               ``entity`` typed ``ct:Attribution``: the claim as
                            stated in one document.
                            ``specializationOf(attribution, claim)``,
                            ``wasAttributedTo(attribution, source)``,
                            ``wasGeneratedBy(attribution, publication of its
                            document)``; ``ct:stance``, ``ct:mode``,
                            ``ct:cue``, ``ct:quote``, ``ct:said``
``Attribution.via``         ``wasDerivedFrom(attribution, via)``, typed
                            ``prov:Quotation`` (``wasQuotedFrom``) when the
                            hop is a direct quote
origin of a relayed hop     ``wasDerivedFrom(attribution, origin)`` typed
                            ``prov:PrimarySource`` (``hadPrimarySource``)
`Relation`                  ``ct:supports``, ``ct:contradicts``,
                            ``ct:refines``, ``ct:sameAs`` on the claim, valued
                            with the target claim; same-as also
                            ``alternateOf(claim, target)``
`Assessment`                ``entity`` typed ``ct:Assessment`` with
                            ``ct:assesses`` (the claim), ``ct:verdict``,
                            ``ct:label``, ``ct:credibility``,
                            ``ct:likelihood``, ``ct:confidence``, ``ct:date``;
                            ``wasAttributedTo(assessment, by)``
==========================  ===============================================

Fuzzy dates are written as their EDTF text (``"2025-01"``), not as
``xsd:dateTime``, because PROV times are instants and most reporting is not
that precise. An id held by several records (a conflict the checks report) is
exported as its first record, as the graph's lookups do. Relay loops and
dangling references are exported as they are; only the primary-source links,
which need an origin, are missing for them.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterable
from typing import Any

from claimtrack.graph import ClaimGraph
from claimtrack.records import Mode, RelationKind, SourceKind

from ._naming import NAMESPACES, VOCABULARY, local_name
from ._optional import require
from ._text import writable

__all__ = ["to_prov_json", "to_prov_turtle"]


def __dir__() -> list[str]:
    return list(__all__)


_AGENT_TYPES = {
    SourceKind.PERSON: "prov:Person",
    SourceKind.ORGANIZATION: "prov:Organization",
    SourceKind.GOVERNMENT: "prov:Organization",
    SourceKind.NEWS_OUTLET: "prov:Organization",
    SourceKind.STATE_MEDIA: "prov:Organization",
    SourceKind.WIRE_SERVICE: "prov:Organization",
    SourceKind.GROUP: "ct:Group",
}

_RELATION_TERMS = {
    RelationKind.SUPPORTS: "ct:supports",
    RelationKind.CONTRADICTS: "ct:contradicts",
    RelationKind.REFINES: "ct:refines",
    RelationKind.SAME_AS: "ct:sameAs",
}

# Sections in the order PROV-JSON documents conventionally list them.
_SECTIONS = (
    "entity",
    "activity",
    "agent",
    "wasGeneratedBy",
    "wasAssociatedWith",
    "wasAttributedTo",
    "actedOnBehalfOf",
    "wasDerivedFrom",
    "specializationOf",
    "alternateOf",
)


def _qname(value: str) -> dict[str, str]:
    return {"$": value, "type": "xsd:QName"}


def _tagged(text: str, language: str | None) -> dict[str, str] | str:
    if language is None:
        return writable(text)
    return {"$": writable(text), "lang": language}


def _ref(kind: str, record_id: str) -> str:
    return f"{kind}:{local_name(record_id)}"


class _Document:
    """A PROV-JSON document being filled in, section by section."""

    def __init__(self) -> None:
        self.sections: dict[str, dict[str, dict[str, Any]]] = {
            name: {} for name in _SECTIONS
        }
        self._relations = 0

    def node(self, section: str, ref: str, attributes: dict[str, Any]) -> None:
        self.sections[section][ref] = {
            key: value for key, value in attributes.items() if value not in (None, [])
        }

    def relation(self, section: str, **formal: Any) -> None:
        self._relations += 1
        attributes = {
            (key if ":" in key else f"prov:{key}"): value
            for key, value in formal.items()
        }
        self.sections[section][f"_:r{self._relations}"] = attributes

    def payload(self) -> dict[str, Any]:
        prefixes: dict[str, Any] = {"ct": VOCABULARY, **NAMESPACES}
        payload: dict[str, Any] = {"prefix": prefixes}
        payload.update(
            (name, section) for name, section in self.sections.items() if section
        )
        return payload


def _text(value: str | None) -> str | None:
    return None if value is None else writable(value)


def _date(value: object) -> str | None:
    return None if value is None else str(value)


def _several(values: Iterable[Any]) -> Any:
    found = list(values)
    if not found:
        return None
    return found[0] if len(found) == 1 else found


def _build(graph: ClaimGraph) -> _Document:
    doc = _Document()
    for source in graph.source_index.values():
        ref = _ref("source", source.id)
        types = [_qname(t) for t in (_AGENT_TYPES.get(source.kind),) if t]
        if source.anonymous:
            types.append(_qname("ct:AnonymousSource"))
        labels: list[dict[str, str] | str] = [writable(source.name)]
        labels.extend(_tagged(name, tag) for tag, name in sorted(source.names.items()))
        doc.node(
            "agent",
            ref,
            {
                "prov:type": _several(types),
                "prov:label": _several(labels),
                "ct:kind": source.kind.value,
                "ct:anonymous": True if source.anonymous else None,
                "ct:descriptor": _text(source.descriptor),
                "ct:reliability": (
                    None if source.reliability is None else source.reliability.value
                ),
            },
        )
        if source.affiliation is not None:
            doc.relation(
                "actedOnBehalfOf",
                delegate=ref,
                responsible=_ref("source", source.affiliation),
            )
    for document in graph.document_index.values():
        ref = _ref("document", document.id)
        publication = _ref("publication", document.id)
        doc.node(
            "entity",
            ref,
            {
                "prov:type": _qname("ct:Document"),
                "prov:label": (
                    None
                    if document.title is None
                    else _tagged(document.title, document.language)
                ),
                "ct:url": _text(document.url),
                "ct:published": _date(document.published),
                "ct:retracted": _date(document.retracted),
                "ct:language": document.language,
            },
        )
        doc.node("activity", publication, {"prov:type": _qname("ct:Publication")})
        doc.relation("wasGeneratedBy", entity=ref, activity=publication)
        if document.publisher is not None:
            publisher = _ref("source", document.publisher)
            doc.relation("wasAttributedTo", entity=ref, agent=publisher)
            doc.relation("wasAssociatedWith", activity=publication, agent=publisher)
    related: dict[str, dict[str, list[dict[str, str]]]] = {}
    for relation in graph.relation_index.values():
        term = _RELATION_TERMS[relation.kind]
        target = _qname(_ref("claim", relation.target))
        related.setdefault(relation.claim, {}).setdefault(term, []).append(target)
    for claim in graph.claim_index.values():
        ref = _ref("claim", claim.id)
        attributes: dict[str, Any] = {
            "prov:type": _qname("ct:Claim"),
            "prov:value": _tagged(claim.text, claim.language),
            "ct:translation": _several(
                _tagged(text, tag) for tag, text in sorted(claim.translations.items())
            ),
            "ct:kind": claim.kind.value,
            "ct:eventDate": _date(claim.event_date),
            "ct:place": _text(claim.place),
        }
        for term, targets in sorted(related.get(claim.id, {}).items()):
            attributes[term] = _several(targets)
        doc.node("entity", ref, attributes)
    for relation in graph.relation_index.values():
        if relation.kind is RelationKind.SAME_AS:
            doc.relation(
                "alternateOf",
                alternate1=_ref("claim", relation.claim),
                alternate2=_ref("claim", relation.target),
            )
    for attribution in graph.attribution_index.values():
        ref = _ref("attribution", attribution.id)
        language = _document_language(graph, attribution.document)
        doc.node(
            "entity",
            ref,
            {
                "prov:type": _qname("ct:Attribution"),
                "ct:stance": attribution.stance.value,
                "ct:mode": attribution.mode.value,
                "ct:cue": (
                    None
                    if attribution.cue is None
                    else _tagged(attribution.cue, language)
                ),
                "ct:quote": (
                    None
                    if attribution.quote is None
                    else _tagged(attribution.quote, language)
                ),
                "ct:said": _date(attribution.said),
                "ct:retracted": _date(attribution.retracted),
            },
        )
        doc.relation(
            "specializationOf",
            specificEntity=ref,
            generalEntity=_ref("claim", attribution.claim),
        )
        doc.relation(
            "wasAttributedTo", entity=ref, agent=_ref("source", attribution.source)
        )
        doc.relation(
            "wasGeneratedBy",
            entity=ref,
            activity=_ref("publication", attribution.document),
        )
        if attribution.via is not None:
            upstream = _ref("attribution", attribution.via)
            if attribution.mode is Mode.DIRECT_QUOTE:
                doc.relation(
                    "wasDerivedFrom",
                    generatedEntity=ref,
                    usedEntity=upstream,
                    type=_qname("prov:Quotation"),
                )
            else:
                doc.relation("wasDerivedFrom", generatedEntity=ref, usedEntity=upstream)
            origin = graph.origin(attribution.id)
            if origin is not None:
                doc.relation(
                    "wasDerivedFrom",
                    generatedEntity=ref,
                    usedEntity=_ref("attribution", origin.id),
                    type=_qname("prov:PrimarySource"),
                )
    for assessment in graph.assessment_index.values():
        ref = _ref("assessment", assessment.id)
        doc.node(
            "entity",
            ref,
            {
                "prov:type": _qname("ct:Assessment"),
                "ct:assesses": _qname(_ref("claim", assessment.claim)),
                "ct:verdict": _value(assessment.verdict),
                "ct:label": _text(assessment.label),
                "ct:credibility": _value(assessment.credibility),
                "ct:likelihood": _value(assessment.likelihood),
                "ct:confidence": _value(assessment.confidence),
                "ct:rationale": _text(assessment.rationale),
                "ct:date": _date(assessment.date),
                "ct:url": _text(assessment.url),
            },
        )
        if assessment.by is not None:
            doc.relation(
                "wasAttributedTo", entity=ref, agent=_ref("source", assessment.by)
            )
    return doc


def _value(member: Any) -> Any:
    return None if member is None else member.value


def _document_language(graph: ClaimGraph, document_id: str) -> str | None:
    document = graph.document(document_id)
    return None if document is None else document.language


def to_prov_json(graph: ClaimGraph) -> str:
    """Return the graph as a W3C PROV-JSON document.

    The text is UTF-8-ready JSON with two-space indents and a final newline;
    the same graph always gives the same text.
    """
    payload = _build(graph).payload()
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def to_prov_turtle(graph: ClaimGraph) -> str:
    """Return the graph as PROV-O in Turtle.

    Raises:
        MissingExtraError: If the ``prov`` package (``claimtrack[prov]``) is
            not installed.
    """
    model = require("prov.model", extra="prov", purpose="PROV-O Turtle export")
    require("rdflib", extra="prov", purpose="PROV-O Turtle export")
    document = model.ProvDocument.deserialize(
        content=to_prov_json(graph), format="json"
    )
    with warnings.catch_warnings():
        # prov calls rdflib APIs that rdflib has deprecated; the warnings are
        # about those two packages, not about anything the caller can change.
        warnings.simplefilter("ignore", DeprecationWarning)
        text: str = document.serialize(format="rdf", rdf_format="turtle")
    return text
