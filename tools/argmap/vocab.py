"""RDF namespaces shared by the exporter, the RDF loader, the shapes and the queries."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

AIF = Namespace("http://www.arg.dundee.ac.uk/aif#")
OA = Namespace("http://www.w3.org/ns/oa#")
SDO = Namespace("https://schema.org/")
AM = Namespace("https://argmap.example.org/vocab#")  # the project's own small vocabulary (schema/argmap.ttl)

PREFIXES = {
    "aif": AIF, "oa": OA, "schema": SDO, "am": AM, "dcterms": DCTERMS, "prov": PROV,
    "rdf": RDF, "rdfs": RDFS, "skos": SKOS, "xsd": XSD,
}

__all__ = ["AIF", "AM", "DCTERMS", "OA", "PREFIXES", "PROV", "RDF", "RDFS", "SDO", "SKOS", "XSD"]
