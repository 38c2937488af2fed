"""W3C PROV: PROV-JSON and PROV-O Turtle, both written directly.

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

The Turtle states the triples the ``prov`` package (with rdflib) writes for the
PROV-JSON document, without either at run time: that route took 2 ms a record.
PROV-O maps each element to ``a prov:Entity`` (``prov:Activity``,
``prov:Agent``) and its ``prov:type`` values to more ``a`` types,
``prov:label`` to ``rdfs:label``, and each relation without attributes of its
own to one triple (``attribution prov:wasAttributedTo source``). A derivation
typed ``prov:Quotation`` or ``prov:PrimarySource`` becomes a qualified blank
node instead (``prov:qualifiedQuotation [ a prov:Quotation ; prov:entity
upstream ]``), with no ``prov:wasDerivedFrom`` triple, as ``prov`` writes it.
Numbers are ``xsd:int``, as ``prov`` types small integers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from claimtrack.graph import ClaimGraph
from claimtrack.records import Mode, RelationKind, SourceKind

from . import _turtle
from ._naming import NAMESPACES, VOCABULARY, local_name
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


# Each relation's two formal attributes: in PROV-O, the subject and the object
# of the relation's own property (``prov:wasGeneratedBy``).
_FORMAL = {
    "wasGeneratedBy": ("prov:entity", "prov:activity"),
    "wasAssociatedWith": ("prov:activity", "prov:agent"),
    "wasAttributedTo": ("prov:entity", "prov:agent"),
    "actedOnBehalfOf": ("prov:delegate", "prov:responsible"),
    "wasDerivedFrom": ("prov:generatedEntity", "prov:usedEntity"),
    "specializationOf": ("prov:specificEntity", "prov:generalEntity"),
    "alternateOf": ("prov:alternate1", "prov:alternate2"),
}


def _qname(value: str) -> dict[str, str]:
    return {"$": value, "type": "xsd:QName"}


def _tagged(text: str, language: str | None) -> dict[str, str] | str:
    if language is None:
        return writable(text)
    return {"$": writable(text), "lang": language}


# A record id is letters, digits and ``._:-`` (records.ID_PATTERN), so its
# local name is the id with two characters encoded; `local_name` spells that
# out byte by byte, which was half the cost of a large export.
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]*")


def _ref(kind: str, record_id: str) -> str:
    if _SLUG.fullmatch(record_id):
        local = record_id.replace(".", "%2E").replace(":", "%3A")
    else:
        local = local_name(record_id)
    return f"{kind}:{local}"


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

    def relation(
        self, section: str, first: str, second: str, kind: str | None = None
    ) -> None:
        """Add a relation between *first* and *second*, typed *kind* if given."""
        self._relations += 1
        first_key, second_key = _FORMAL[section]
        attributes: dict[str, Any] = {first_key: first, second_key: second}
        if kind is not None:
            attributes["prov:type"] = _qname(kind)
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
            doc.relation("actedOnBehalfOf", ref, _ref("source", source.affiliation))
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
        doc.relation("wasGeneratedBy", ref, publication)
        if document.publisher is not None:
            publisher = _ref("source", document.publisher)
            doc.relation("wasAttributedTo", ref, publisher)
            doc.relation("wasAssociatedWith", publication, publisher)
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
                _ref("claim", relation.claim),
                _ref("claim", relation.target),
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
        doc.relation("specializationOf", ref, _ref("claim", attribution.claim))
        doc.relation("wasAttributedTo", ref, _ref("source", attribution.source))
        doc.relation("wasGeneratedBy", ref, _ref("publication", attribution.document))
        if attribution.via is not None:
            upstream = _ref("attribution", attribution.via)
            quoted = attribution.mode is Mode.DIRECT_QUOTE
            doc.relation(
                "wasDerivedFrom", ref, upstream, "prov:Quotation" if quoted else None
            )
            origin = graph.origin(attribution.id)
            if origin is not None:
                doc.relation(
                    "wasDerivedFrom",
                    ref,
                    _ref("attribution", origin.id),
                    "prov:PrimarySource",
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
            doc.relation("wasAttributedTo", ref, _ref("source", assessment.by))
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

    The text is the same for the same graph: the prefixes it uses, then one
    block per record, sorted by name. It needs nothing beyond the core
    library.
    """
    statements, names = _statements(_build(graph))
    used = {name.partition(":")[0] for name in (*statements, *names)}
    prefixes = {prefix: _PREFIXES[prefix] for prefix in used if prefix in _PREFIXES}
    return _turtle.write(prefixes, statements)


_PREFIXES = {
    "ct": VOCABULARY,
    **NAMESPACES,
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

_ELEMENT_TYPES = {
    "entity": "prov:Entity",
    "activity": "prov:Activity",
    "agent": "prov:Agent",
}

_PREDICATES = {"prov:label": "rdfs:label"}


def _name(ref: str) -> str:
    """The Turtle name of a record reference (``claim:c1``)."""
    # Local names hold no colon, so only a name whose local part is empty or
    # starts with a hyphen, which Turtle cannot abbreviate, contains ":-" or
    # ends with the colon.
    if ":-" in ref or ref.endswith(":"):
        prefix, _, local = ref.partition(":")
        return f"<{_PREFIXES[prefix]}{local}>"
    return ref


def _object(value: Any, names: set[str]) -> str:
    """The Turtle term of one PROV-JSON attribute value; names used go to *names*."""
    if isinstance(value, str):
        return _turtle.literal(value)
    if isinstance(value, bool):
        # rdflib declares xsd: for a boolean, though it writes it bare.
        names.add("xsd:boolean")
        return "true" if value else "false"
    if isinstance(value, int):
        # prov's types for Python integers, by size.
        datatype = (
            "xsd:int"
            if -(2**31) <= value < 2**31
            else "xsd:long"
            if -(2**63) <= value < 2**63
            else "xsd:integer"
        )
        names.add(datatype)
        return _turtle.typed(str(value), datatype)
    if isinstance(value, dict):
        if "lang" in value:
            return _turtle.literal(value["$"], value["lang"])
        if value.get("type") == "xsd:QName":
            name = _name(value["$"])
            names.add(name)
            return name
    msg = f"no PROV-O term for the PROV-JSON value {value!r}"
    raise TypeError(msg)


def _statements(doc: _Document) -> tuple[dict[str, list[str]], set[str]]:
    """The PROV-O statements of a PROV-JSON document, and the names they use.

    The statements are, for each subject, its lines of a predicate and its
    objects; the names are the predicates and the objects that are names.
    """
    statements: dict[str, list[str]] = {}
    names: set[str] = set()
    literal = _turtle.literal
    for section, element_type in _ELEMENT_TYPES.items():
        names.add(element_type)
        for ref, attributes in doc.sections[section].items():
            names.update(attributes)
            kinds = attributes.get("prov:type", [])
            kinds = kinds if isinstance(kinds, list) else [kinds]
            types = (_object(kind, names) for kind in kinds)
            lines = ["a " + _turtle.objects(types, first=element_type)]
            for key, value in attributes.items():
                if key == "prov:type":
                    continue
                if isinstance(value, str):  # most are
                    term = literal(value)
                elif isinstance(value, list):
                    term = _turtle.objects(_object(item, names) for item in value)
                else:
                    term = _object(value, names)
                lines.append(f"{_PREDICATES.get(key, key)} {term}")
            statements[_name(ref)] = lines
    for section, (first_key, second_key) in _FORMAL.items():
        predicate = f"prov:{section}"
        for attributes in doc.sections[section].values():
            subject = _name(attributes[first_key])
            target = _name(attributes[second_key])
            names.add(target)
            kind = attributes.get("prov:type")
            if kind is None:
                names.add(predicate)
                line = f"{predicate} {target}"
            else:
                # A typed derivation: its qualified node, typed and named after
                # the type (prov:Quotation, prov:PrimarySource), and no triple.
                qualifier = kind["$"]
                node = _turtle.blank((("a", qualifier), ("prov:entity", target)))
                line = f"{qualifier.replace(':', ':qualified', 1)} {node}"
                names.add(qualifier)
            known = statements.get(subject)
            if known is None:  # a dangling reference
                statements[subject] = [line]
            else:
                known.append(line)
    names.update(_PREDICATES[key] for key in _PREDICATES if key in names)
    return statements, names
