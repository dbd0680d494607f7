"""The knowledge base as an RDF graph.

Arguments follow the Argument Interchange Format (AIF): every claim is an ``aif:I-node``;
every ``supports`` link an ``aif:RA-node`` (inference) and every ``rebuts`` link an
``aif:CA-node`` (conflict), each with one ``aif:Premise`` and one ``aif:Conclusion``; an
``undercuts`` link is a CA-node whose conclusion is the RA- or CA-node it attacks.
AIF has no node for a question or for a mere connection between texts, and these must not
look like arguments to an AIF reader, so they are argmap nodes outside AIF's S-nodes: a
``questions`` link is an ``am:Question`` and a ``relates`` link an ``am:Relation``, each with
``am:from`` and ``am:to`` claims; related claims also get ``rdfs:seeAlso`` both ways (see
``schema/README.md``).
Who asserts a claim is PROV-O (``prov:wasAttributedTo``); each evidence quote is a Web
Annotation (``oa:Annotation``) whose body is the claim and whose target is a
``oa:TextQuoteSelector`` on the source (exact, and prefix/suffix when the text is at hand);
titles, dates and urls are Dublin Core and schema.org; tags are SKOS concepts. What no
existing vocabulary has (claim kinds, roles, the computed status) is in ``schema/argmap.ttl``.

IRIs are built from ids under the base IRI of ``[tool.argmap]``, so they are stable. The
export is lossless: :mod:`argmap.load.rdf` reads it back into the same knowledge base.
"""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import quote

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, NamespaceManager, split_uri

from .formats import RDF_FORMATS
from ..load.texts import TextStore
from ..model.kb import Claim, KnowledgeBase, Link, LinkKind
from ..model.quotes import find_quote
from ..vocab import AIF, AM, OA, PREFIXES, SDO

FORMATS = RDF_FORMATS
CONTEXT_CHARS = 32  # prefix/suffix length for text quote selectors


class Iris:
    """IRIs for everything in the knowledge base, under one base IRI."""

    def __init__(self, base: str) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def _iri(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(quote(p, safe="") for p in parts))

    def claim(self, cid: str) -> URIRef:
        return self._iri("claim", cid)

    def topic(self, tid: str) -> URIRef:
        return self._iri("topic", tid)

    def thread(self, tid: str, thread: str) -> URIRef:
        return self._iri("topic", tid, "thread", thread)

    def source(self, sid: str) -> URIRef:
        return self._iri("source", sid)

    def person(self, pid: str) -> URIRef:
        return self._iri("person", pid)

    def tag(self, tag: str) -> URIRef:
        return self._iri("tag", tag)

    def tag_scheme(self) -> URIRef:
        return self._iri("tags")

    def link(self, origin: str, kind: str, target: str) -> URIRef:
        return self._iri("link", origin, kind, target)

    def undercut(self, origin: str, a: str, b: str) -> URIRef:
        return self._iri("link", origin, "undercuts", a, b)

    def evidence(self, cid: str, n: int) -> URIRef:
        return self._iri("claim", cid, "evidence", str(n))

    def graph(self) -> URIRef:
        return self._iri("graph")


KIND_CLASS = {"thesis": AM.Thesis, "claim": AM.Claim, "fact": AM.Fact, "estimate": AM.Estimate, "proposal": AM.Proposal}
PERSON_CLASS = {"person": (PROV.Person, SDO.Person), "organisation": (PROV.Organization, SDO.Organization),
                "group": (PROV.Agent, SDO.Organization)}


def _date(value: str) -> Literal:
    dtype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value), XSD.string)
    return Literal(value, datatype=dtype)


def _opt(g: Graph, s, p, value, **kw) -> None:
    if value is not None and value != "":
        g.add((s, p, Literal(value, **kw)))


class _QNames(NamespaceManager):
    """rdflib's namespace manager, with its prefix lookup made linear.

    rdflib files every namespace it meets (the IRI up to its last slash) in a trie and scans a
    trie level per lookup. Each link IRI here has a namespace of its own
    (``link/<from>/supports/``), so at 1,000 claims the Turtle writer spent nearly all its time
    scanning siblings. This finds the same answer, the longest namespace seen so far that
    starts with the IRI's split namespace and prefixes the IRI, by looking up the IRI's own
    prefixes in a set; unusual cases go to rdflib. tests/test_rdf.py holds the output equal to
    rdflib's own.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(graph, bind_namespaces="none")
        self._seen: set[str] = set()
        self._names: dict[str, tuple] = {}

    def bind(self, prefix, namespace, *args, **kwargs) -> None:
        super().bind(prefix, namespace, *args, **kwargs)
        self._seen.add(str(namespace))

    def compute_qname(self, uri: str, generate: bool = True):
        found = self._names.get(uri)
        if found is not None:
            return found
        try:
            namespace, name = split_uri(uri)
        except ValueError:
            return super().compute_qname(uri, generate)
        self._seen.add(namespace)
        for k in range(len(name), 0, -1):  # the longest namespace seen that prefixes the IRI
            longer = namespace + name[:k]
            if longer in self._seen:
                namespace, name = longer, uri[len(longer):]
                break
        prefix = self.store.prefix(URIRef(namespace))
        if prefix is None:
            if not generate:
                raise KeyError(f"No known prefix for {namespace} and generate=False")
            return super().compute_qname(uri, generate)
        self._names[uri] = (prefix, URIRef(namespace), name)
        return self._names[uri]


class NTriplesSink:
    """Where the exporter's triples go when streaming N-Triples: each written as it comes.

    rdflib's own N-Triples row writer formats each triple, so the lines are those rdflib's
    serializer would write, in the same (insertion) order; a repeated triple is written once,
    as a graph would hold it once. Nothing else is kept, so memory stays flat whatever the size
    (but for the lines seen, to drop repeats).
    """

    def __init__(self, write) -> None:
        from rdflib.plugins.serializers.nt import _nt_row  # the serializer's own row format

        self._row, self._write = _nt_row, write
        self._seen: set[str] = set()

    def __len__(self) -> int:
        return len(self._seen)

    def add(self, triple) -> None:
        line = self._row(triple)
        if line not in self._seen:
            self._seen.add(line)
            self._write(line)

    def bind(self, *args, **kwargs) -> None:  # prefixes mean nothing in N-Triples
        pass


class RdfExporter:
    def __init__(self, kb: KnowledgeBase, base: str, texts: TextStore | None = None,
                 labels: dict[str, str] | None = None, reasons: dict[str, str] | None = None, sink=None) -> None:
        self.kb, self.iri, self.texts = kb, Iris(base), texts
        self.labels, self.reasons = labels or {}, reasons or {}
        if sink is None:
            self.g = Graph(bind_namespaces="none")
            self.g.namespace_manager = _QNames(self.g)
        else:
            self.g = sink
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.g.bind("data", self.iri.base)

    def build(self) -> Graph:
        for pos, person in enumerate(self.kb.people):
            self._person(person, pos)
        for pos, tag in enumerate(self.kb.tags):
            self._tag(tag, pos)
        for pos, source in enumerate(self.kb.sources):
            self._source(source, pos)
        for pos, topic in enumerate(self.kb.topics):
            self._topic(topic, pos)
        for claim in self.kb.claims:
            self._claim(claim)
        return self.g

    def _person(self, person, pos: int) -> None:
        g, s = self.g, self.iri.person(person.id)
        for cls in PERSON_CLASS.get(person.kind, PERSON_CLASS["person"]):
            g.add((s, RDF.type, cls))
        g.add((s, RDF.type, AM.Agent))
        g.add((s, DCTERMS.identifier, Literal(person.id)))
        g.add((s, AM.agentKind, Literal(person.kind)))
        g.add((s, AM.position, Literal(pos)))
        _opt(g, s, SDO.name, person.name)
        _opt(g, s, AM.role, person.role)
        _opt(g, s, SDO.description, person.description)
        g.add((s, RDFS.label, Literal(person.label)))

    def _tag(self, tag, pos: int) -> None:
        g, s = self.g, self.iri.tag(tag.id)
        g.add((s, RDF.type, SKOS.Concept))
        g.add((s, SKOS.inScheme, self.iri.tag_scheme()))
        g.add((s, SKOS.notation, Literal(tag.id)))
        g.add((s, SKOS.prefLabel, Literal(tag.title)))
        g.add((s, AM.position, Literal(pos)))
        _opt(g, s, SKOS.definition, tag.description)
        g.add((self.iri.tag_scheme(), RDF.type, SKOS.ConceptScheme))

    def _source(self, source, pos: int) -> None:
        g, s = self.g, self.iri.source(source.id)
        g.add((s, RDF.type, AM.Source))
        g.add((s, RDF.type, SDO.CreativeWork))
        g.add((s, RDF.type, PROV.Entity))
        g.add((s, DCTERMS.identifier, Literal(source.id)))
        g.add((s, DCTERMS.title, Literal(source.title)))
        g.add((s, AM.sourceKind, Literal(source.kind)))
        g.add((s, AM.textFile, Literal(source.text)))
        g.add((s, AM.position, Literal(pos)))
        if source.author:
            g.add((s, DCTERMS.creator, self.iri.person(source.author)))
        if source.date:
            g.add((s, DCTERMS.date, _date(source.date)))
        if source.updated:
            g.add((s, DCTERMS.modified, _date(source.updated)))
        if source.url:
            g.add((s, SDO.url, URIRef(source.url)))
        _opt(g, s, AM.site, source.site)
        _opt(g, s, RDFS.comment, source.note)

    def _topic(self, topic, pos: int) -> None:
        g, s = self.g, self.iri.topic(topic.id)
        g.add((s, RDF.type, AM.Topic))
        g.add((s, DCTERMS.identifier, Literal(topic.id)))
        g.add((s, DCTERMS.title, Literal(topic.title)))
        g.add((s, DCTERMS.description, Literal(topic.summary)))
        g.add((s, AM.file, Literal(topic.file)))
        g.add((s, AM.position, Literal(pos)))
        for n, thread in enumerate(topic.threads):
            t = self.iri.thread(topic.id, thread.id)
            g.add((t, RDF.type, AM.Thread))
            g.add((t, DCTERMS.identifier, Literal(thread.id)))
            g.add((t, DCTERMS.title, Literal(thread.title)))
            g.add((t, DCTERMS.isPartOf, s))
            g.add((t, AM.position, Literal(n)))
            _opt(g, t, DCTERMS.description, thread.summary)

    def _claim(self, claim: Claim) -> None:
        g, s = self.g, self.iri.claim(claim.id)
        topic = self.kb.topic_by_id.get(claim.topic)
        g.add((s, RDF.type, AIF["I-node"]))
        g.add((s, RDF.type, KIND_CLASS.get(claim.kind, AM.Claim)))
        g.add((s, DCTERMS.identifier, Literal(claim.id)))
        g.add((s, AIF.claimText, Literal(claim.text)))
        g.add((s, AM.kind, AM[claim.kind]))
        g.add((s, PROV.wasAttributedTo, self.iri.person(claim.by)))
        g.add((s, DCTERMS.isPartOf, self.iri.topic(claim.topic)))
        g.add((s, AM.position, Literal(topic.claim_ids.index(claim.id) if topic and claim.id in topic.claim_ids else 0)))
        if claim.credence is not None:
            g.add((s, AM.credence, Literal(Decimal(str(claim.credence)))))
        if claim.thread:
            g.add((s, AM.thread, self.iri.thread(claim.topic, claim.thread)))
        for who in claim.about:
            g.add((s, SDO.about, self.iri.person(who)))
        for tag in claim.tags:
            g.add((s, DCTERMS.subject, self.iri.tag(tag)))
        # RDF sets have no order; keep the written order for a lossless round trip
        if len(claim.about) > 1:
            g.add((s, AM.aboutOrder, Literal(" ".join(claim.about))))
        if len(claim.tags) > 1:
            g.add((s, AM.tagOrder, Literal(" ".join(claim.tags))))
        _opt(g, s, AM.unhedged, claim.unhedged)
        _opt(g, s, AM.standalone, claim.standalone)
        if claim.id in self.labels:
            g.add((s, AM.status, AM[self.labels[claim.id]]))
            _opt(g, s, AM.statusReason, self.reasons.get(claim.id))
        for n, ev in enumerate(claim.evidence):
            self._evidence(claim, n, ev)
        for n, link in enumerate(claim.links):
            self._link(link, n)

    def _evidence(self, claim: Claim, n: int, ev) -> None:
        g = self.g
        a = self.iri.evidence(claim.id, n)
        target, selector = BNode(f"{claim.id}-e{n}-target"), BNode(f"{claim.id}-e{n}-selector")
        source = self.iri.source(ev.source)
        g.add((a, RDF.type, OA.Annotation))
        g.add((a, OA.motivatedBy, OA.linking))
        g.add((a, OA.hasBody, self.iri.claim(claim.id)))
        g.add((a, OA.hasTarget, target))
        g.add((a, PROV.wasDerivedFrom, source))
        g.add((a, AM.quote, Literal(ev.quote)))
        g.add((a, AM.position, Literal(n)))
        _opt(g, a, RDFS.comment, ev.note)
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, source))
        g.add((target, OA.hasSelector, selector))
        g.add((selector, RDF.type, OA.TextQuoteSelector))
        exact, prefix, suffix = ev.quote, None, None
        src = self.kb.source_by_id.get(ev.source)
        text = self.texts.get(src.text) if (self.texts and src) else None
        if text is not None:
            match = find_quote(text, ev.quote)
            if match:
                exact = text.original[match.start : match.end]
                prefix = text.original[max(0, match.start - CONTEXT_CHARS) : match.start]
                suffix = text.original[match.end : match.end + CONTEXT_CHARS]
                g.add((selector, AM.start, Literal(match.start)))
        g.add((selector, OA.exact, Literal(exact)))
        _opt(g, selector, OA.prefix, prefix)
        _opt(g, selector, OA.suffix, suffix)

    def _link(self, link: Link, n: int) -> None:
        g = self.g
        origin = self.iri.claim(link.origin)
        if link.kind is LinkKind.UNDERCUTS and link.target_link:
            a, b = link.target_link
            node = self.iri.undercut(link.origin, a, b)
            g.add((node, RDF.type, AIF["CA-node"]))
            g.add((node, RDF.type, AM.Undercut))
            g.add((node, AIF.Conclusion, self._link_node(a, b)))
            g.add((node, AIF.Premise, origin))
        elif link.kind.inferential:
            node = self.iri.link(link.origin, link.kind.value, link.target)
            scheme = (AIF["RA-node"], AM.Support) if link.kind is LinkKind.SUPPORTS else (AIF["CA-node"], AM.Rebuttal)
            for cls in scheme:
                g.add((node, RDF.type, cls))
            g.add((node, AIF.Premise, origin))
            g.add((node, AIF.Conclusion, self.iri.claim(link.target)))
        else:  # questions, relates: outside AIF's scheme nodes (see the module docstring)
            node = self.iri.link(link.origin, link.kind.value, link.target)
            target = self.iri.claim(link.target)
            g.add((node, RDF.type, AM.Question if link.kind is LinkKind.QUESTIONS else AM.Relation))
            g.add((node, AM["from"], origin))
            g.add((node, AM.to, target))
            if link.kind is LinkKind.RELATES:
                g.add((origin, RDFS.seeAlso, target))
                g.add((target, RDFS.seeAlso, origin))
        g.add((node, AM.position, Literal(n)))
        _opt(g, node, RDFS.comment, link.note)

    def _link_node(self, a: str, b: str) -> URIRef:
        origin = self.kb.claim_by_id.get(a)
        kind = "supports"
        if origin is not None:
            for l in origin.links:
                if l.target == b and l.kind in (LinkKind.SUPPORTS, LinkKind.REBUTS):
                    kind = l.kind.value
                    break
        return self.iri.link(a, kind, b)


def _statuses(kb: KnowledgeBase, with_status: bool) -> tuple[dict | None, dict | None]:
    if not (with_status and kb.claims):
        return None, None
    from ..model.graph import ArgumentGraph
    from ..model.semantics import label

    lab = label(ArgumentGraph.of(kb))
    return {c: s.value for c, s in lab.status.items()}, lab.reasons


def to_graph(kb: KnowledgeBase, base: str, texts: TextStore | None = None, with_status: bool = True) -> Graph:
    """The knowledge base as an rdflib Graph (with each claim's grounded status unless told not to)."""
    labels, reasons = _statuses(kb, with_status)
    return RdfExporter(kb, base, texts, labels, reasons).build()


def write_ntriples(kb: KnowledgeBase, base: str, write, texts: TextStore | None = None, with_status: bool = True) -> int:
    """Stream the same triples as ``to_graph`` as N-Triples lines to ``write``; returns how many.

    No rdflib Graph is built: at 100,000 claims the graph alone takes minutes and gigabytes.
    """
    labels, reasons = _statuses(kb, with_status)
    sink = NTriplesSink(write)
    RdfExporter(kb, base, texts, labels, reasons, sink=sink).build()
    return len(sink)


def _canonical_json(text: str) -> str:
    """rdflib's JSON-LD lists nodes in the order of its store's hash-keyed indexes, which
    follows Python's hash seed; sort every array (nodes by ``@id``, values by their JSON) except
    an RDF list's, so the same graph always gives the same bytes."""
    import json

    def key(item) -> str:
        return json.dumps(item, sort_keys=True, ensure_ascii=False)

    def walk(value, ordered: bool = False):
        if isinstance(value, dict):
            return {k: walk(v, ordered=(k == "@list")) for k, v in value.items()}
        if isinstance(value, list):
            items = [walk(v) for v in value]
            return items if ordered else sorted(items, key=key)
        return value

    return json.dumps(walk(json.loads(text)), indent=2, separators=(",", ": "), sort_keys=True, ensure_ascii=False)


def serialize(graph: Graph, fmt: str, graph_iri: str | None = None) -> str:
    """Text of ``graph`` in ``fmt``; TriG puts it in the named graph ``graph_iri``."""
    if fmt == "json-ld":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return _canonical_json(graph.serialize(format="json-ld", context=context, indent=2))
    if fmt == "trig":
        from rdflib import Dataset

        ds = Dataset()
        for prefix, ns in graph.namespaces():
            ds.bind(prefix, ns)
        named = ds.graph(URIRef(graph_iri or "urn:x-argmap:graph"))
        for t in graph:
            named.add(t)
        return ds.serialize(format="trig")
    return graph.serialize(format=fmt)
