import json
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from prov.model import (
    PROV_ATTR_AGENT,
    PROV_ATTR_DELEGATE,
    PROV_ATTR_ENTITY,
    PROV_ATTR_GENERAL_ENTITY,
    PROV_ATTR_GENERATED_ENTITY,
    PROV_ATTR_RESPONSIBLE,
    PROV_ATTR_SPECIFIC_ENTITY,
    PROV_ATTR_USED_ENTITY,
    PROV_TYPE,
    ProvAttribution,
    ProvDelegation,
    ProvDerivation,
    ProvDocument,
    ProvSpecialization,
)
from rdflib import Graph, Literal, Namespace, URIRef

from claimtrack import ClaimGraph, Mode
from claimtrack.exports import MissingExtraError, to_prov_json, to_prov_turtle
from claimtrack.exports._naming import record_id_of, record_iri
from export_samples import graphs, seed_graph, small_graph

PROV = Namespace("http://www.w3.org/ns/prov#")
CT = Namespace("urn:claimtrack:vocab:")

Relation = tuple[str, str, str]


def expected_relations(graph: ClaimGraph) -> set[Relation]:
    """The relations an analyst reads off a graph, named by IRI."""
    found: set[Relation] = set()
    for source in graph.source_index.values():
        if source.affiliation is not None:
            found.add(
                (
                    "actedOnBehalfOf",
                    record_iri("source", source.id),
                    record_iri("source", source.affiliation),
                )
            )
    for document in graph.document_index.values():
        if document.publisher is not None:
            found.add(
                (
                    "wasAttributedTo",
                    record_iri("document", document.id),
                    record_iri("source", document.publisher),
                )
            )
    for assessment in graph.assessment_index.values():
        if assessment.by is not None:
            found.add(
                (
                    "wasAttributedTo",
                    record_iri("assessment", assessment.id),
                    record_iri("source", assessment.by),
                )
            )
    for attribution in graph.attribution_index.values():
        iri = record_iri("attribution", attribution.id)
        found.add(("wasAttributedTo", iri, record_iri("source", attribution.source)))
        found.add(("specializationOf", iri, record_iri("claim", attribution.claim)))
        if attribution.via is None:
            continue
        kind = (
            "wasQuotedFrom"
            if attribution.mode is Mode.DIRECT_QUOTE
            else "wasDerivedFrom"
        )
        found.add((kind, iri, record_iri("attribution", attribution.via)))
        origin = graph.origin(attribution.id)
        if origin is not None:
            found.add(("hadPrimarySource", iri, record_iri("attribution", origin.id)))
    return found


def prov_relations(document: ProvDocument) -> set[Relation]:
    """The same relations, as the prov package reads them."""
    found: set[Relation] = set()
    for record in document.get_records():
        formal = dict(record.formal_attributes)
        if isinstance(record, ProvAttribution):
            pair = (formal[PROV_ATTR_ENTITY], formal[PROV_ATTR_AGENT])
            found.add(("wasAttributedTo", pair[0].uri, pair[1].uri))
        elif isinstance(record, ProvDelegation):
            found.add(
                (
                    "actedOnBehalfOf",
                    formal[PROV_ATTR_DELEGATE].uri,
                    formal[PROV_ATTR_RESPONSIBLE].uri,
                )
            )
        elif isinstance(record, ProvSpecialization):
            found.add(
                (
                    "specializationOf",
                    formal[PROV_ATTR_SPECIFIC_ENTITY].uri,
                    formal[PROV_ATTR_GENERAL_ENTITY].uri,
                )
            )
        elif isinstance(record, ProvDerivation):
            types = {str(t) for t in record.get_attribute(PROV_TYPE)}
            kind = {
                "prov:Quotation": "wasQuotedFrom",
                "prov:PrimarySource": "hadPrimarySource",
            }.get(next(iter(types), ""), "wasDerivedFrom")
            found.add(
                (
                    kind,
                    formal[PROV_ATTR_GENERATED_ENTITY].uri,
                    formal[PROV_ATTR_USED_ENTITY].uri,
                )
            )
    return found


def rdf_relations(rdf: Graph) -> set[Relation]:
    """The same relations, as an RDF consumer queries PROV-O."""
    found: set[Relation] = set()
    for name in (
        "wasAttributedTo",
        "actedOnBehalfOf",
        "specializationOf",
        "wasDerivedFrom",
    ):
        for subject, _, obj in rdf.triples((None, PROV[name], None)):
            found.add((name, str(subject), str(obj)))
    for name, qualifier in (
        ("wasQuotedFrom", "qualifiedQuotation"),
        ("hadPrimarySource", "qualifiedPrimarySource"),
    ):
        for subject, _, node in rdf.triples((None, PROV[qualifier], None)):
            for used in rdf.objects(node, PROV.entity):
                found.add((name, str(subject), str(used)))
    return found


def read_back(graph: ClaimGraph) -> tuple[set[Relation], set[Relation]]:
    """Return the relations prov and rdflib read from the graph's exports."""
    document = ProvDocument.deserialize(content=to_prov_json(graph), format="json")
    rdf = Graph().parse(data=to_prov_turtle(graph), format="turtle")
    return prov_relations(document), rdf_relations(rdf)


def test_small_graph_relations_survive_prov_and_rdflib() -> None:
    """Who said what, through whom, and for whom all survive both readers."""
    graph = small_graph()
    expected = expected_relations(graph)
    from_prov, from_rdf = read_back(graph)
    assert expected == from_prov
    assert expected == from_rdf


def test_small_graph_names_what_an_analyst_asks() -> None:
    """The relay, its primary source and the officials' affiliation are stated."""
    from_prov, _ = read_back(small_graph())
    relay = record_iri("attribution", "c1:wapo")
    officials = record_iri("attribution", "c1:us-officials")
    expected = {
        ("wasDerivedFrom", relay, officials),
        ("hadPrimarySource", relay, officials),
        (
            "actedOnBehalfOf",
            record_iri("source", "us-officials"),
            record_iri("source", "us-government"),
        ),
        ("wasAttributedTo", officials, record_iri("source", "us-officials")),
    }
    assert expected == expected & from_prov


def test_claim_text_keeps_its_language_tag_in_turtle() -> None:
    """The claim's prov:value is its original text tagged with its language."""
    graph = small_graph()
    claim = graph.claim_index["c1"]
    rdf = Graph().parse(data=to_prov_turtle(graph), format="turtle")
    values = set(rdf.objects(URIRef(record_iri("claim", "c1")), PROV.value))
    assert {Literal(claim.text, lang="ar")} == values


def test_anonymous_sources_are_marked() -> None:
    """An anonymous source is typed ct:AnonymousSource and keeps its descriptor."""
    rdf = Graph().parse(data=to_prov_turtle(small_graph()), format="turtle")
    officials = URIRef(record_iri("source", "us-officials"))
    expected = (True, "current and former US officials familiar with the exchanges")
    actual = (
        (officials, None, CT.AnonymousSource) in rdf,
        str(rdf.value(officials, CT.descriptor)),
    )
    assert expected == actual


def test_record_ids_are_escaped_into_qnames_and_back() -> None:
    """Ids with dots and colons become percent-encoded local parts, reversibly."""
    payload = json.loads(to_prov_json(small_graph()))
    keys = set(payload["entity"])
    assert "attribution:c1%3Awapo" in keys
    expected = "c1:wapo"
    assert expected == record_id_of("attribution", record_iri("attribution", "c1:wapo"))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(graph=graphs())
def test_generated_graph_relations_survive_prov_and_rdflib(graph: ClaimGraph) -> None:
    """Any graph's attribution, relay, origin and affiliation links round-trip."""
    expected = expected_relations(graph)
    from_prov, from_rdf = read_back(graph)
    assert expected == from_prov
    assert expected == from_rdf


def test_seed_relations_survive_prov_and_rdflib() -> None:
    """The seed's relations all survive PROV-JSON through prov and Turtle."""
    graph = seed_graph()
    expected = expected_relations(graph)
    from_prov, from_rdf = read_back(graph)
    assert expected == from_prov
    assert expected == from_rdf


def test_turtle_without_prov_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the prov package, Turtle export says to install claimtrack[prov]."""
    monkeypatch.setitem(sys.modules, "prov.model", None)
    with pytest.raises(MissingExtraError) as caught:
        to_prov_turtle(small_graph())
    expected = ("prov", True)
    assert expected == (
        caught.value.extra,
        "claimtrack[prov]" in str(caught.value),
    )
