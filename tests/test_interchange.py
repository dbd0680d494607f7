"""Interchange: Argdown, AIF JSON, GraphML and JSON exports, checked by independent readers (the
real Argdown CLI, arguebuf, networkx, the published JSON Schema), and imports that round-trip."""

from __future__ import annotations

import collections
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from argmap.checks.validate import validate
from argmap.config import load_settings
from argmap.export.argdown import ARGDOWN_CLI_VERSION
from argmap.load.argdown import find_cli

from conftest import FIXTURES, REPO, SHARED_TEXTS

INTERCHANGE = FIXTURES / "interchange"


@pytest.fixture(scope="session")
def argdown_cli() -> str:
    """The Argdown CLI; installed (pinned) into .cache/argmap/node if npm is there. In CI it must run."""
    cli = find_cli(REPO)
    if cli is None and shutil.which("npm") and shutil.which("node"):
        prefix = REPO / ".cache" / "argmap" / "node"
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(prefix),
                        f"@argdown/cli@{ARGDOWN_CLI_VERSION}"], check=True, capture_output=True, timeout=600)
        cli = find_cli(REPO)
    if cli is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the Argdown tests: Node.js and npm are missing (see .ci/run)")
        pytest.skip("Node.js is not installed, so the Argdown CLI cannot run")
    return cli[0]


def argdown_json(cli: str, path: Path) -> dict:
    """What the Argdown CLI makes of ``path`` (written to a temporary folder, never beside a fixture)."""
    with tempfile.TemporaryDirectory() as out:
        done = subprocess.run([cli, "json", str(path), out, "--removeMap", "--removeEmbeddedRelations"],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        return json.loads((Path(out) / (path.stem + ".json")).read_text(encoding="utf-8"))


def shipped_kb():
    settings = load_settings(REPO)
    result = validate(settings.claims_dir, settings.root, settings.texts_dir)
    return result.loaded.kb


def link_counts(kb, topic=None) -> collections.Counter:
    from argmap.export.selection import Selection

    return collections.Counter(Selection.of(kb, topic).counts())


def test_argdown_export_of_shipped_claims_parses_in_the_argdown_cli(run, tmp_path, argdown_cli):
    out = tmp_path / "kb.argdown"
    assert run("export", "--to", "argdown", "-o", str(out), cwd=REPO).code == 0
    doc = argdown_json(argdown_cli, out)
    kb = shipped_kb()
    relations = collections.Counter(r["relationType"] for r in doc["relations"])
    counts = link_counts(kb)
    assert len(doc["statements"]) == len(kb.claims)
    assert relations == {"support": counts["supports"], "attack": counts["rebuts"], "undercut": counts["undercuts"]}
    # every statement text reads back exactly (escaping), and the header names what Argdown loses
    for claim in kb.claims:
        member = next(m for m in doc["statements"][claim.id]["members"] if m.get("text"))
        assert member["data"]["kind"] == claim.kind
        assert claim.tags == member.get("tags", [])
    assert f"{counts['questions']} 'questions' link(s)" in out.read_text()


def test_aif_export_is_read_by_arguebuf_with_matching_counts(run, tmp_path):
    arguebuf = pytest.importorskip("arguebuf")
    out = tmp_path / "kb.json"
    assert run("export", "--to", "aif-json", "-o", str(out), cwd=REPO).code == 0
    graph = arguebuf.load.file(out)
    kb = shipped_kb()
    counts = link_counts(kb)
    schemes = collections.Counter(type(n.scheme).__name__ for n in graph.scheme_nodes.values())
    assert len(graph.atom_nodes) == len(kb.claims)
    assert schemes == {"Support": counts["supports"], "Attack": counts["rebuts"] + counts["undercuts"]}
    assert {n.plain_text for n in graph.atom_nodes.values()} == {c.text for c in kb.claims}
    doc = json.loads(out.read_text())
    assert len([n for n in doc["nodes"] if n["type"] == "L"]) == sum(len(c.evidence) for c in kb.claims)


def test_graphml_export_is_read_by_networkx(run, tmp_path):
    import networkx as nx

    out = tmp_path / "kb.graphml"
    assert run("export", "--to", "graphml", "-o", str(out), cwd=REPO).code == 0
    g = nx.read_graphml(out, force_multigraph=True)
    kb = shipped_kb()
    assert g.number_of_nodes() == len(kb.claims)
    assert collections.Counter(d["type"] for _, _, d in g.edges(data=True)) == +link_counts(kb)
    claim = kb.claims[0]
    assert g.nodes[claim.id]["text"] == claim.text and g.nodes[claim.id]["topic"] == claim.topic
    assert g.nodes[claim.id]["status"] in {"accepted", "rejected", "undecided", "questioned"}


def test_json_export_validates_against_its_published_schema(run, tmp_path):
    import jsonschema

    result = run("export", "--to", "json", "--topic", "serial-time", cwd=REPO)
    assert result.code == 0
    doc = result.json()
    jsonschema.validate(doc, json.loads((REPO / "schema" / "export.schema.json").read_text()))
    kb = shipped_kb()
    assert [c["id"] for c in doc["claims"]] == [c.id for c in kb.claims_of("serial-time")]
    assert len(doc["links"]) == sum(link_counts(kb, "serial-time").values())
    assert doc["outside_links"], "serial-time links to other topics"


def record(claim) -> tuple:
    """Everything about a claim that a round trip must keep (folded text compared as words)."""
    words = lambda s: s and " ".join(s.split())  # noqa: E731
    return (claim.id, claim.text, claim.kind, claim.by, claim.thread, tuple(claim.tags), tuple(claim.about),
            claim.credence, words(claim.unhedged), words(claim.standalone),
            tuple((e.source, words(e.quote), words(e.note)) for e in claim.evidence),
            tuple(sorted((l.kind.value, l.target, l.target_link or (), words(l.note) or "") for l in claim.links)))


def project_copy(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "claims", root / "claims")
    (root / "schema").symlink_to(REPO / "schema")
    (root / "pyproject.toml").write_text(f'[tool.argmap]\ntexts = "{SHARED_TEXTS}"\nclaims = "claims"\n')
    return root


SHIPPED_TOPICS = sorted(p.stem for p in (REPO / "claims").glob("*.yaml") if p.stem not in ("people", "sources", "tags"))


@pytest.mark.parametrize("fmt", ["argdown", "aif-json"])
@pytest.mark.parametrize("topic", SHIPPED_TOPICS)
def test_export_then_import_gives_back_the_same_claims_and_links(run, tmp_path, monkeypatch, fmt, topic, request):
    if fmt == "argdown":
        monkeypatch.setenv("ARGDOWN_CLI", request.getfixturevalue("argdown_cli"))
    root = project_copy(tmp_path)
    before = {c.id: record(c) for c in shipped_kb().claims_of(topic)}
    exported = tmp_path / f"{topic}.{'argdown' if fmt == 'argdown' else 'json'}"
    assert run("export", "--to", fmt, "--topic", topic, "-o", str(exported), cwd=root).code == 0
    original = next(p for p in (root / "claims").glob("*.yaml") if f"id: {topic}\n" in p.read_text())
    original.unlink()
    result = run("import", "--from", fmt, str(exported), "--topic", topic, cwd=root)
    assert result.code == 0, result.out + result.err
    assert "not carried over" not in result.out
    settings = load_settings(root)
    kb = validate(settings.claims_dir, settings.root, settings.texts_dir).loaded.kb
    after = {c.id: record(c) for c in kb.claims_of(topic)}
    assert after == before
    assert kb.topic_by_id[topic].title == shipped_kb().topic_by_id[topic].title


def test_argdown_fixture_imports_and_exports_back_with_the_same_statements_and_relations(
        run, good_kb, tmp_path, monkeypatch, argdown_cli):
    monkeypatch.setenv("ARGDOWN_CLI", argdown_cli)
    source = INTERCHANGE / "regulation.argdown"
    result = run("import", "--from", "argdown", str(source), "--topic", "regulation", cwd=good_kb)
    assert result.code == 0, result.out + result.err
    assert "contradictory relation" in result.out  # reported: argmap has no symmetric attack
    settings = load_settings(good_kb)
    findings = validate(settings.claims_dir, settings.root, settings.texts_dir).findings
    assert not [f for f in findings if f.is_error]
    assert {f.rule for f in findings if f.loc and "regulation" in f.loc.file} == {"no-evidence"}
    back = tmp_path / "back.argdown"
    assert run("export", "--to", "argdown", "--topic", "regulation", "-o", str(back), cwd=good_kb).code == 0
    first, second = argdown_json(argdown_cli, source), argdown_json(argdown_cli, back)

    def texts(doc):
        return sorted(next(m["text"] for m in ec["members"] if m.get("text")).split(" #")[0].strip()
                      for ec in doc["statements"].values())

    def relations(doc):
        kinds = {"entails": "support", "contrary": "attack", "contradictory": "attack"}
        return collections.Counter(kinds.get(r["relationType"], r["relationType"]) for r in doc["relations"])

    assert texts(first) == texts(second)
    assert relations(first) == relations(second) == {"support": 1, "attack": 2, "undercut": 1}


def test_aif_fixture_imports_with_speakers_quotes_and_a_report_and_exports_back(run, good_kb, tmp_path):
    source = INTERCHANGE / "urn-aif.json"
    result = run("import", "--from", "aif-json", str(source), "--topic", "urn-debate", "--source", "urn", cwd=good_kb)
    assert result.code == 0, result.out + result.err
    for lost in ("MA-node 205", "TA-node 306", "L-node 305"):
        assert lost in result.out
    text = (good_kb / "claims" / "urn-debate.yaml").read_text()
    assert "by: alice" in text  # "Alice Example" is already in people.yaml
    assert "bob-critic" in (good_kb / "claims" / "people.yaml").read_text()
    assert "quote: It does not, because regulators are slow." in text
    settings = load_settings(good_kb)
    assert not [f for f in validate(settings.claims_dir, settings.root, settings.texts_dir).findings if f.is_error]
    back = tmp_path / "back.json"
    assert run("export", "--to", "aif-json", "--topic", "urn-debate", "-o", str(back), cwd=good_kb).code == 0
    first, second = json.loads(source.read_text()), json.loads(back.read_text())

    def shape(doc):
        nodes = {n["nodeID"]: n for n in doc["nodes"]}
        return (sorted(n["text"] for n in doc["nodes"] if n["type"] == "I"),
                collections.Counter(n["type"] for n in doc["nodes"] if n["type"] in ("RA", "CA")),
                collections.Counter((nodes[e["fromID"]]["type"], nodes[e["toID"]]["type"]) for e in doc["edges"]
                                    if {"RA", "CA"} & {nodes[e["fromID"]]["type"], nodes[e["toID"]]["type"]}))

    assert shape(first) == shape(second)


def test_import_refuses_an_existing_topic_and_says_why(run, good_kb):
    result = run("import", "--from", "aif-json", str(INTERCHANGE / "urn-aif.json"), "--topic", "urn", cwd=good_kb)
    assert result.code == 1 and "already exists" in result.err


def test_import_reports_broken_input_without_a_traceback(run, good_kb, tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [}')
    result = run("import", "--from", "aif-json", str(bad), "--topic", "x", cwd=good_kb)
    assert result.code == 1 and "bad.json:1:" in result.err and "not JSON" in result.err
    bad.write_text('{"nodes": []}')
    result = run("import", "--from", "aif-json", str(bad), "--topic", "x", cwd=good_kb)
    assert result.code == 1 and "needs 'nodes' and 'edges'" in result.err
    result = run("import", "--from", "aif-json", str(tmp_path / "missing.json"), "--topic", "x", cwd=good_kb)
    assert result.code == 1 and "no such file" in result.err
    monkeypatch.delenv("ARGDOWN_CLI", raising=False)
    monkeypatch.setenv("PATH", "")
    result = run("import", "--from", "argdown", str(INTERCHANGE / "regulation.argdown"), "--topic", "x", cwd=good_kb)
    assert result.code == 1 and "Argdown CLI" in result.err
    assert not (good_kb / "claims" / "x.yaml").exists()


def test_argdown_syntax_errors_point_at_line_and_column(run, good_kb, tmp_path, monkeypatch, argdown_cli):
    monkeypatch.setenv("ARGDOWN_CLI", argdown_cli)
    bad = tmp_path / "bad.argdown"
    bad.write_text("# T\n\n[a]: one [b] two & three\n")
    result = run("import", "--from", "argdown", str(bad), "--topic", "x", cwd=good_kb)
    assert result.code == 1 and f"{bad}:3:" in result.err


def test_export_of_an_unknown_topic_is_a_usage_error(run):
    result = run("export", "--to", "argdown", "--topic", "nope", cwd=REPO)
    assert result.code == 2 and "no topic 'nope'" in result.err


def _json_strategy():
    from hypothesis import strategies as st

    scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["nodes", "edges", "nodeID", "type", "text", "fromID", "toID", "locutions", "participants",
                         "argmap", "claims", "statements", "members", "relations", "sections", "arguments", "data",
                         "relationType", "from", "to", "pcs", "title", "level", "id", "children", "I", "RA", "CA"]),
        inner, max_size=5), max_leaves=25)


def test_importers_turn_any_json_into_a_draft_or_a_clear_error():
    """Random JSON in the importers' vocabulary: a Draft or AifError/ArgdownError, never a traceback."""
    from hypothesis import given, settings

    from argmap.load.aif import AifError, draft_from_aif
    from argmap.load.argdown import ArgdownError, draft_from_json

    @settings(max_examples=300, deadline=None)
    @given(_json_strategy())
    def check(doc):
        for reader, error in ((draft_from_aif, AifError), (draft_from_json, ArgdownError)):
            try:
                reader(doc)
            except error:
                pass

    check()


def test_site_downloads_offer_every_interchange_export():
    from argmap.export.interchange import FILE_NAMES, render
    from argmap.export.selection import Selection
    from argmap.load.texts import TextStore
    from argmap.site.downloads import NAMES, build_downloads

    settings = load_settings(REPO)
    kb = shipped_kb()
    files = build_downloads(kb, settings.base_iri, TextStore(settings.texts_dir))
    assert set(FILE_NAMES.values()) <= set(files) == set(NAMES)
    assert files["argmap.argdown"].decode() == render(Selection.of(kb), "argdown")
