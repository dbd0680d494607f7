"""Checking the exported RDF graph against the SHACL shapes (schema/shapes.ttl) with pyshacl.

Each violation becomes a finding at the YAML position of the focus node, so a SHACL failure
points at the same file and line as the validator's own rules would.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from ..config import SCHEMA_DIR
from ..findings import Finding, Loc, error
from ..model.kb import KnowledgeBase
from .rdf import Iris

SH = "http://www.w3.org/ns/shacl#"


@lru_cache(maxsize=1)
def shapes() -> Graph:
    return Graph().parse(SCHEMA_DIR / "shapes.ttl", format="turtle")


def _locations(kb: KnowledgeBase, iris: Iris) -> dict[URIRef, Loc | None]:
    where: dict[URIRef, Loc | None] = {}
    for c in kb.claims:
        where[iris.claim(c.id)] = c.loc
        for n, ev in enumerate(c.evidence):
            where[iris.evidence(c.id, n)] = ev.loc
        for link in c.links:
            if link.target_link:
                where[iris.undercut(link.origin, *link.target_link)] = link.loc
            else:
                where[iris.link(link.origin, link.kind.value, link.target)] = link.loc
    for items, make in ((kb.sources, iris.source), (kb.people, iris.person), (kb.topics, iris.topic)):
        for item in items:
            where[make(item.id)] = item.loc
    return where


def conformance(data: Graph) -> tuple[bool, Graph]:
    """pyshacl's verdict and results graph for ``data``."""
    import pyshacl

    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes(), inference="none", advanced=True)
    return bool(conforms), results


def check_graph(data: Graph, kb: KnowledgeBase | None = None, base: str = "") -> list[Finding]:
    conforms, results = conformance(data)
    if conforms:
        return []
    where = _locations(kb, Iris(base)) if kb is not None else {}
    findings = []
    for result in results.subjects(RDF.type, URIRef(SH + "ValidationResult")):
        focus = results.value(result, URIRef(SH + "focusNode"))
        message = results.value(result, URIRef(SH + "resultMessage"))
        component = results.value(result, URIRef(SH + "sourceConstraintComponent"))
        rule = "shacl-" + str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent").lower() if component else "shacl"
        findings.append(error(rule, f"{focus}: {message}", where.get(focus)))
    return findings
