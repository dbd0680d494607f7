"""Named SPARQL queries agree with the same facts computed from the model."""

from __future__ import annotations

import pytest

from argmap.export.rdf import to_graph
from argmap.load.project import load_folder
from argmap.model.analysis import Analysis
from argmap.model.graph import ArgumentGraph
from argmap.query import named_queries, run_local
from conftest import FIXTURES, REPO

BASE = "https://example.org/kb/"


@pytest.fixture(scope="module", params=["fixture", "shipped"])
def kb_and_graph(request):
    folder, root = (FIXTURES / "good" / "claims", FIXTURES / "good") if request.param == "fixture" else (REPO / "claims", REPO)
    kb = load_folder(folder, root).kb
    return kb, to_graph(kb, BASE)


def q(graph, name):
    return run_local(graph, named_queries()[name].text)


def test_cross_topic_links(kb_and_graph):
    kb, g = kb_and_graph
    expected = {(l.origin, l.kind.value, "->".join(l.target_link) if l.target_link else l.target)
                for l in kb.links() if kb.claim_by_id[l.origin].topic != kb.claim_by_id[l.target].topic}
    assert {tuple(r[:3]) for r in q(g, "cross-topic-links").rows} == expected


def test_fixture_exercises_every_kind_of_cross_topic_link():
    kb = load_folder(FIXTURES / "good" / "claims", FIXTURES / "good").kb
    crossing = {l.kind.value for l in kb.links() if kb.claim_by_id[l.origin].topic != kb.claim_by_id[l.target].topic}
    assert {"supports", "undercuts", "relates"} <= crossing


def test_unanswered_objections(kb_and_graph):
    kb, g = kb_and_graph
    got = {r[0] for r in q(g, "unanswered-objections").rows}
    assert got == set(Analysis.of(ArgumentGraph.of(kb)).unanswered_objections())


def test_single_quote_claims(kb_and_graph):
    kb, g = kb_and_graph
    assert {r[0] for r in q(g, "single-quote-claims").rows} == {c.id for c in kb.claims if len(c.evidence) == 1}


def test_claims_by_person(kb_and_graph):
    kb, g = kb_and_graph
    counts = {}
    for c in kb.claims:
        counts[c.by] = counts.get(c.by, 0) + 1
    assert {r[0]: int(r[2]) for r in q(g, "claims-by-person").rows} == counts


def test_claim_status_matches_the_semantics(kb_and_graph):
    kb, g = kb_and_graph
    lab = Analysis.of(ArgumentGraph.of(kb)).labelling
    rows = q(g, "claim-status").rows
    assert {r[0]: r[1] for r in rows} == {c: s.value for c, s in lab.status.items()}
    assert {r[0]: r[2] for r in rows} == lab.reasons


def test_open_questions_match_the_analysis(kb_and_graph):
    kb, g = kb_and_graph
    expected = {(c, q) for q, c in Analysis.of(ArgumentGraph.of(kb)).open_questions()}
    assert {(r[0], r[2]) for r in q(g, "open-questions").rows} == expected
    assert expected or not any(l.kind.value == "questions" for l in kb.links())


def test_most_attacked_counts_rebuttals_and_undercuts(kb_and_graph):
    kb, g = kb_and_graph
    ag = ArgumentGraph.of(kb)
    expected = {c: len(ag.attackers_of(c)) for c in ag.graph.nodes if ag.attackers_of(c)}  # attacks, not attackers
    assert {r[0]: int(r[2]) for r in q(g, "most-attacked").rows} == expected


def test_query_cli_formats_and_errors(run, good_kb):
    r = run("query", "cross-topic-links", "--format", "csv", cwd=good_kb)
    assert r.code == 0 and r.out.splitlines()[0] == "from,kind,to,fromTopic,toTopic,note"
    r = run("query", "ASK { ?s ?p ?o }", "--format", "json", cwd=good_kb)
    assert r.json() == [{"answer": "true"}]
    assert run("query", "cross-topic-link", cwd=good_kb).code == 2
    assert run("query", "SELECT nonsense", cwd=good_kb).code == 2
    assert run("query", cwd=good_kb).code == 2
    r = run("query", "--list", cwd=good_kb)
    assert set(line.split()[0] for line in r.out.splitlines()) == set(named_queries())


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_embedded_oxigraph_gives_what_rdflib_gives(kb_and_graph, name):
    """`argmap query` runs on the embedded Oxigraph store; rdflib's engine is the reference."""
    from argmap.export.rdf import write_ntriples
    from argmap.query import run_embedded

    kb, graph = kb_and_graph
    lines: list[str] = []
    write_ntriples(kb, BASE, lines.append)
    fast, reference = run_embedded("".join(lines), named_queries()[name].text), q(graph, name)
    assert fast.columns == reference.columns
    ordered = "ORDER BY" in named_queries()[name].text.upper()
    if ordered:
        assert fast.rows == reference.rows
    else:
        assert sorted(map(tuple, fast.rows), key=repr) == sorted(map(tuple, reference.rows), key=repr)


def test_query_keeps_the_graph_in_a_store_until_the_files_change(run, good_kb):
    store_dir = good_kb / ".cache" / "argmap" / "store"
    first = run("query", "claim-status", "--format", "csv", cwd=good_kb)
    assert first.code == 0, first.err
    stores = [p for p in store_dir.iterdir() if not p.name.startswith(".")]
    assert len(stores) == 1 and (stores[0] / "COMPLETE").is_file()
    stamp = (stores[0] / "COMPLETE").stat().st_mtime_ns
    again = run("query", "claim-status", "--format", "csv", cwd=good_kb)
    assert again.out == first.out and (stores[0] / "COMPLETE").stat().st_mtime_ns == stamp
    urn = good_kb / "claims" / "urn.yaml"
    urn.write_text(urn.read_text().replace("- rebuts: regulation-fixes-racing", "- supports: regulation-fixes-racing"))
    changed = run("query", "claim-status", "--format", "csv", cwd=good_kb)
    assert changed.code == 0 and changed.out != first.out  # the edit is seen, not the old store
    assert [p.name for p in store_dir.iterdir() if not p.name.startswith(".")] != [stores[0].name]
    assert len([p for p in store_dir.iterdir() if not p.name.startswith(".")]) == 1  # the old store is gone


def test_query_without_cache_and_on_a_broken_knowledge_base(run, good_kb):
    plain = run("query", "claim-status", "--format", "csv", "--no-cache", cwd=good_kb)
    assert plain.code == 0 and not (good_kb / ".cache").exists()
    urn = good_kb / "claims" / "urn.yaml"
    urn.write_text(urn.read_text().replace("- supports: fewer-projects", "- supports: fewer-project"))
    broken = run("query", "claim-status", cwd=good_kb)
    assert broken.code == 1 and "error" in broken.err
    store_dir = good_kb / ".cache" / "argmap" / "store"
    assert not store_dir.exists() or not [p for p in store_dir.iterdir() if not p.name.startswith(".")]
