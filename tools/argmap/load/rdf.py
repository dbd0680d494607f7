"""Reading a knowledge base back from the RDF that :mod:`argmap.export.rdf` writes.

This is what makes the RDF a lossless view: ``load_graph(to_graph(kb))`` equals ``kb``,
field by field (positions aside), which the tests check on the shipped claims.
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from ..model.kb import Claim, Evidence, KnowledgeBase, Link, LinkKind, Person, Source, Tag, Thread, Topic
from ..vocab import AIF, AM, OA, SDO


def _s(g: Graph, node, pred) -> str | None:
    value = g.value(node, pred)
    return None if value is None else str(value)


def _pos(g: Graph, node) -> int:
    value = g.value(node, AM.position)
    return int(value) if value is not None else 0


def _id(g: Graph, node) -> str:
    return str(g.value(node, DCTERMS.identifier))


def _sorted(g: Graph, nodes) -> list:
    return sorted(nodes, key=lambda n: (_pos(g, n), str(n)))


def _ordered_ids(g: Graph, claim, pred, order_pred) -> list[str]:
    ids = [_id(g, o) for o in g.objects(claim, pred)]
    order = _s(g, claim, order_pred)
    return order.split() if order else sorted(ids)


def _link_ends(g: Graph, node) -> tuple[str, str]:
    premise = g.value(node, AIF.Premise)
    conclusion = g.value(node, AIF.Conclusion)
    return _id(g, premise), _id(g, conclusion)


def load_graph(g: Graph) -> KnowledgeBase:
    kb = KnowledgeBase()
    for node in _sorted(g, g.subjects(RDF.type, AM.Agent)):
        kb.people.append(Person(_id(g, node), _s(g, node, SDO.name), _s(g, node, AM.role),
                                _s(g, node, AM.agentKind) or "person", _s(g, node, SDO.description)))
    for node in _sorted(g, g.subjects(RDF.type, SKOS.Concept)):
        kb.tags.append(Tag(str(g.value(node, SKOS.notation)), str(g.value(node, SKOS.prefLabel)), _s(g, node, SKOS.definition)))
    for node in _sorted(g, g.subjects(RDF.type, AM.Source)):
        author = g.value(node, DCTERMS.creator)
        kb.sources.append(Source(
            id=_id(g, node), title=str(g.value(node, DCTERMS.title)), kind=str(g.value(node, AM.sourceKind)),
            text=str(g.value(node, AM.textFile)), author=_id(g, author) if author is not None else None,
            date=_s(g, node, DCTERMS.date), updated=_s(g, node, DCTERMS.modified), url=_s(g, node, SDO.url),
            site=_s(g, node, AM.site), note=_s(g, node, RDFS.comment),
        ))
    topics: dict[URIRef, Topic] = {}
    for node in _sorted(g, g.subjects(RDF.type, AM.Topic)):
        threads = [Thread(_id(g, t), str(g.value(t, DCTERMS.title)), _s(g, t, DCTERMS.description))
                   for t in _sorted(g, g.subjects(DCTERMS.isPartOf, node)) if (t, RDF.type, AM.Thread) in g]
        topic = Topic(_id(g, node), str(g.value(node, DCTERMS.title)), str(g.value(node, DCTERMS.description)),
                      str(g.value(node, AM.file)), threads)
        topics[node] = topic
        kb.topics.append(topic)
    for topic_node, topic in topics.items():
        for node in _sorted(g, (c for c in g.subjects(DCTERMS.isPartOf, topic_node) if (c, RDF.type, AIF["I-node"]) in g)):
            claim = _claim(g, node, topic.id)
            kb.claims.append(claim)
            topic.claim_ids.append(claim.id)
    kb.reindex()
    return kb


def _claim(g: Graph, node, topic: str) -> Claim:
    credence = g.value(node, AM.credence)
    thread = g.value(node, AM.thread)
    evidence = []
    for a in _sorted(g, g.subjects(OA.hasBody, node)):
        source = g.value(a, PROV.wasDerivedFrom)
        evidence.append(Evidence(_id(g, source), str(g.value(a, AM.quote)), _s(g, a, RDFS.comment)))
    links = []
    origin = _id(g, node)
    for l in _sorted(g, [*g.subjects(AIF.Premise, node), *g.subjects(AM["from"], node)]):
        note = _s(g, l, RDFS.comment)
        if (l, RDF.type, AM.Question) in g or (l, RDF.type, AM.Relation) in g:
            kind = LinkKind.QUESTIONS if (l, RDF.type, AM.Question) in g else LinkKind.RELATES
            links.append(Link(kind, origin, _id(g, g.value(l, AM.to)), None, note))
        elif (l, RDF.type, AM.Undercut) in g:
            a, b = _link_ends(g, g.value(l, AIF.Conclusion))
            links.append(Link(LinkKind.UNDERCUTS, origin, b, (a, b), note))
        else:
            kind = LinkKind.SUPPORTS if (l, RDF.type, AIF["RA-node"]) in g else LinkKind.REBUTS
            links.append(Link(kind, origin, _id(g, g.value(l, AIF.Conclusion)), None, note))
    return Claim(
        id=_id(g, node),
        text=str(g.value(node, AIF.claimText)),
        kind=str(g.value(node, AM.kind)).rsplit("#", 1)[-1],
        by=_id(g, g.value(node, PROV.wasAttributedTo)),
        topic=topic,
        credence=float(credence) if credence is not None else None,
        about=_ordered_ids(g, node, SDO.about, AM.aboutOrder),
        thread=_id(g, thread) if thread is not None else None,
        tags=[str(g.value(t, SKOS.notation)) for t in g.objects(node, DCTERMS.subject)] if not _s(g, node, AM.tagOrder)
        else _s(g, node, AM.tagOrder).split(),
        evidence=evidence,
        links=links,
        unhedged=_s(g, node, AM.unhedged),
        standalone=_s(g, node, AM.standalone),
    )
