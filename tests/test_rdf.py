"""RDF export: lossless round trip, independent parsers agree, SHACL, named queries."""

from __future__ import annotations


import pyoxigraph
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, RDFS

from argmap.export.rdf import FORMATS, Iris, serialize, to_graph
from argmap.export.shacl import check_graph, conformance
from argmap.load.project import load_folder
from argmap.load.rdf import load_graph
from argmap.load.texts import TextStore
from argmap.vocab import AIF, AM, OA
from conftest import FIXTURES, REPO, SHARED_TEXTS

BASE = "https://example.org/kb/"


def fixture_kb():
    return load_folder(FIXTURES / "good" / "claims", FIXTURES / "good").kb


def shipped_kb():
    loaded = load_folder(REPO / "claims", REPO)
    assert not [f for f in loaded.findings if f.is_error]
    return loaded.kb


KBS = {"fixture": (fixture_kb, FIXTURES / "texts"), "shipped": (shipped_kb, SHARED_TEXTS)}


@pytest.mark.parametrize("name", KBS)
@pytest.mark.parametrize("fmt", ["turtle", "json-ld", "nt", "xml"])
def test_round_trip_is_lossless_field_by_field(name, fmt):
    make, texts = KBS[name]
    kb = make()
    text = serialize(to_graph(kb, BASE, TextStore(texts)), fmt)
    back = load_graph(Graph().parse(data=text, format=fmt))
    assert [t.id for t in back.topics] == [t.id for t in kb.topics]
    for field in ("topics", "sources", "people", "tags"):
        assert getattr(back, field) == getattr(kb, field), field
    assert len(back.claims) == len(kb.claims)
    for original, loaded in zip(kb.claims, back.claims):
        assert loaded == original, original.id


@pytest.mark.parametrize("name", KBS)
def test_turtle_and_jsonld_read_back_with_the_same_count_by_rdflib_and_oxigraph(name):
    make, texts = KBS[name]
    graph = to_graph(make(), BASE, TextStore(texts))
    assert len(graph) > 50
    for fmt, mime in (("turtle", "text/turtle"), ("json-ld", "application/ld+json")):
        text = serialize(graph, fmt)
        assert len(Graph().parse(data=text, format=fmt)) == len(graph)
        store = pyoxigraph.Store()
        store.load(text.encode("utf-8"), format=pyoxigraph.RdfFormat.from_media_type(mime), base_iri=BASE)
        assert len(store) == len(graph), fmt


def test_export_is_deterministic():
    kb = fixture_kb()
    one = serialize(to_graph(kb, BASE, TextStore(FIXTURES / "texts")), "nt")
    two = serialize(to_graph(fixture_kb(), BASE, TextStore(FIXTURES / "texts")), "nt")
    assert sorted(one.splitlines()) == sorted(two.splitlines())


def test_aif_structure_of_links():
    g = to_graph(fixture_kb(), BASE)
    iri = Iris(BASE)
    support = iri.link("more-draws", "supports", "fewer-projects")
    assert (support, RDF.type, AIF["RA-node"]) in g
    assert g.value(support, AIF.Premise) == iri.claim("more-draws")
    assert g.value(support, AIF.Conclusion) == iri.claim("fewer-projects")
    rebut = iri.link("regulation-fixes-racing", "rebuts", "fewer-projects")
    assert (rebut, RDF.type, AIF["CA-node"]) in g
    undercut = iri.undercut("regulators-slow", "offense-easy", "more-draws")
    assert g.value(undercut, AIF.Conclusion) == iri.link("offense-easy", "supports", "more-draws")
    assert g.value(iri.claim("fewer-projects"), PROV.wasAttributedTo) == iri.person("alice")


def test_quote_selector_has_exact_prefix_and_suffix_from_the_text():
    g = to_graph(fixture_kb(), BASE, TextStore(FIXTURES / "texts"))
    ann = Iris(BASE).evidence("more-draws", 0)
    selector = g.value(g.value(ann, OA.hasTarget), OA.hasSelector)
    assert str(g.value(selector, OA.exact)) == "More projects mean more draws from the urn \u2014 and a higher chance"
    assert str(g.value(selector, OA.prefix)).endswith("The urn holds many balls. ")
    assert str(g.value(selector, OA.suffix)).startswith(" of a bad one.")


def test_status_is_exported_unless_asked_not_to():
    iri = Iris(BASE)
    g = to_graph(fixture_kb(), BASE)
    assert g.value(iri.claim("regulation-fixes-racing"), AM.status) == AM.rejected
    assert g.value(iri.claim("fewer-projects"), AM.status) == AM.accepted
    assert not list(to_graph(fixture_kb(), BASE, with_status=False).objects(None, AM.status))


def test_questions_and_relations_are_not_aif_scheme_nodes():
    iri = Iris(BASE)
    g = to_graph(fixture_kb(), BASE)
    question = iri.link("offense-why", "questions", "offense-easy")
    relation = iri.link("serial-bottleneck", "relates", "more-draws")
    assert (question, RDF.type, AM.Question) in g and (relation, RDF.type, AM.Relation) in g
    for node in (question, relation):
        assert not set(g.objects(node, RDF.type)) & {AIF["RA-node"], AIF["CA-node"]}
        assert g.value(node, AIF.Premise) is None  # AIF readers see no argument here
    assert g.value(question, AM["from"]) == iri.claim("offense-why") and g.value(question, AM.to) == iri.claim("offense-easy")
    a, b = iri.claim("serial-bottleneck"), iri.claim("more-draws")
    assert (a, RDFS.seeAlso, b) in g and (b, RDFS.seeAlso, a) in g
    assert g.value(iri.claim("offense-easy"), AM.status) == AM.questioned


@pytest.mark.parametrize("name", KBS)
def test_exported_graph_conforms_to_the_shapes(name):
    make, texts = KBS[name]
    conforms, results = conformance(to_graph(make(), BASE, TextStore(texts)))
    assert conforms, results.serialize(format="turtle")


def _faults():
    iri = Iris(BASE)
    claim = iri.claim("more-draws")
    support = iri.link("more-draws", "supports", "fewer-projects")
    ann = iri.evidence("more-draws", 0)
    relation = iri.link("serial-bottleneck", "relates", "more-draws")
    question = iri.link("offense-why", "questions", "offense-easy")
    cross = iri.link("serial-bottleneck", "supports", "fewer-projects")
    return {
        "claim without text": (lambda g: g.remove((claim, AIF.claimText, None)), claim, "MinCount"),
        "claim without asserter": (lambda g: g.remove((claim, PROV.wasAttributedTo, None)), claim, "MinCount"),
        "two asserters": (lambda g: g.add((claim, PROV.wasAttributedTo, iri.person("acme"))), claim, "MaxCount"),
        "credence above 1": (lambda g: (g.remove((claim, AM.credence, None)), g.add((claim, AM.credence, Literal(1.5)))),
                             claim, "Datatype"),
        "inference with two conclusions": (lambda g: g.add((support, AIF.Conclusion, iri.claim("offense-easy"))),
                                           support, "MaxCount"),
        "self-support": (lambda g: (g.remove((support, AIF.Conclusion, None)), g.add((support, AIF.Conclusion, claim))),
                         support, "Disjoint"),
        "quote without source": (lambda g: g.remove((ann, PROV.wasDerivedFrom, None)), ann, "MinCount"),
        "agent with name and role": (lambda g: g.add((iri.person("alice"), AM.role, Literal("x"))),
                                     iri.person("alice"), "Xone"),
        "relation without a note": (lambda g: g.remove((relation, RDFS.comment, None)), relation, "MinCount"),
        "question typed as a conflict": (lambda g: g.add((question, RDF.type, AIF["CA-node"])), question, "Not"),
        "question of itself": (lambda g: (g.remove((question, AM.to, None)), g.add((question, AM.to, iri.claim("offense-why")))),
                               question, "Disjoint"),
        "cross-topic support without a note": (lambda g: g.remove((cross, RDFS.comment, None)), cross, "Sparql"),
        "unknown status": (lambda g: g.add((claim, AM.status, AM.bogus)), claim, "In"),
    }


@pytest.mark.parametrize("fault", list(_faults()))
def test_shacl_reports_each_injected_fault_at_its_node(fault):
    kb = fixture_kb()
    g = to_graph(kb, BASE, with_status=False)
    inject, focus, component = _faults()[fault]
    inject(g)
    findings = check_graph(g, kb, BASE)
    assert findings, fault
    assert any(str(focus) in f.message and component.lower() in f.rule for f in findings), findings
    assert all(f.loc is not None for f in findings if str(focus) in f.message)


def test_validate_with_shacl_flag(run, good_kb):
    r = run("validate", "--shacl", "--strict", cwd=good_kb)
    assert r.code == 0, r.out


def test_rdf_command_writes_a_file_and_reports(run, good_kb):
    out = good_kb / "out" / "kb.ttl"
    r = run("rdf", "-o", str(out), cwd=good_kb)
    assert r.code == 0 and "wrote" in r.err
    assert len(Graph().parse(out)) > 100
    r = run("rdf", "-o", str(out), cwd=good_kb)
    assert "replaced" in r.err


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_rdf_command_every_format_parses(run, good_kb, fmt):
    r = run("rdf", "--format", fmt, cwd=good_kb)
    assert r.code == 0
    if fmt == "trig":
        from rdflib import Dataset

        assert len(Dataset().parse(data=r.out, format="trig")) > 100
    else:
        assert len(Graph().parse(data=r.out, format=fmt)) > 100


def test_rdf_refuses_an_invalid_knowledge_base(run, broken_kb):
    r = run("rdf", cwd=broken_kb)
    assert r.code == 1 and "argmap validate" in r.err and r.out == ""


def test_streamed_ntriples_are_the_graph_and_do_not_depend_on_hash_order(tmp_path):
    """`argmap rdf --format nt` streams without building a graph: the same triples as the
    rdflib graph's own N-Triples, and the same bytes whatever Python's hash seed."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    from argmap.export.rdf import to_graph, write_ntriples
    from argmap.load.project import load_folder
    from argmap.load.texts import TextStore

    kb = load_folder(REPO / "claims", REPO).kb
    texts = TextStore(REPO.parent / "shared" / "sources")
    lines: list[str] = []
    count = write_ntriples(kb, "https://argmap.example.org/", lines.append, texts)
    graph_nt = to_graph(kb, "https://argmap.example.org/", texts).serialize(format="nt")
    assert count == len(lines) == len(set(lines))
    assert set(lines) == set(graph_nt.splitlines(keepends=True)) - {"\n"}
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{seed}.nt"
        subprocess.run([sys.executable, "-m", "argmap", "rdf", "--format", "nt", "-o", str(out)], cwd=REPO,
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_fast_prefix_lookup_writes_the_turtle_rdflib_writes(tmp_path):
    """The exporter's namespace manager is a faster version of rdflib's: the Turtle must not change."""
    import sys

    from rdflib import Graph
    from rdflib.namespace import NamespaceManager

    from conftest import REPO

    from argmap.export.rdf import to_graph
    from argmap.load.project import load_folder

    sys.path.insert(0, str(REPO / "benchmarks"))
    from synth import generate

    generate(300, tmp_path / "synth")
    for folder, root in ((REPO / "claims", REPO), (tmp_path / "synth" / "claims", tmp_path / "synth")):
        kb = load_folder(folder, root).kb
        fast = to_graph(kb, "https://argmap.example.org/")
        plain = Graph(bind_namespaces="none")
        plain.namespace_manager = NamespaceManager(plain, bind_namespaces="none")
        for prefix, ns in fast.namespaces():
            plain.bind(prefix, ns)
        for triple in fast:
            plain.add(triple)
        assert fast.serialize(format="turtle") == plain.serialize(format="turtle")
