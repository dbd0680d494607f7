"""Diagrams: stable DOT, valid SVG with links and tooltips, escaping, the CLI."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from argmap.export.dot import DiagramOptions, claim_diagram, overview, render, topic_diagram
from argmap.load.project import load_folder
from argmap.model.graph import ArgumentGraph
from conftest import FIXTURES

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def kb_ag():
    kb = load_folder(FIXTURES / "good" / "claims", FIXTURES / "good").kb
    return kb, ArgumentGraph.of(kb)


def options():
    return DiagramOptions(link=lambda c: f"../claims/{c}/", status={"fewer-projects": "accepted"})


def test_same_input_gives_byte_identical_dot():
    kb, ag = kb_ag()
    first = overview(kb, ag, options())
    kb2, ag2 = kb_ag()
    assert overview(kb2, ag2, options()) == first
    assert topic_diagram(kb2, ag2, "urn", options()) == topic_diagram(kb, ag, "urn", options())


def _svg(dot: str) -> ET.Element:
    return ET.fromstring(render(dot, "svg"))


def test_overview_svg_links_every_claim_with_its_text_as_tooltip():
    kb, ag = kb_ag()
    root = _svg(overview(kb, ag, options()))
    anchors = {a.get(XLINK + "href"): a.get(XLINK + "title") for a in root.iter(SVG + "a")}
    for claim in kb.claims:
        url = f"../claims/{claim.id}/"
        assert url in anchors, claim.id
    titles = " ".join(t for t in anchors.values() if t)
    assert "There should be fewer AGI projects." in titles
    clusters = [g for g in root.iter(SVG + "g") if (g.get("class") or "") == "cluster"]
    assert len(clusters) >= len(kb.topics) + 1  # topics and the legend


def test_undercut_is_drawn_to_a_point_on_the_attacked_link():
    kb, ag = kb_ag()
    dot = topic_diagram(kb, ag, "urn", options())
    assert '"offense-easy->more-draws" [shape="point"' in dot
    assert '"regulators-slow" -> "offense-easy->more-draws"' in dot


def test_questions_and_relates_have_their_own_edge_styles_and_legend():
    kb, ag = kb_ag()
    dot = overview(kb, ag, DiagramOptions(status={"offense-easy": "questioned"}))
    question = next(l for l in dot.splitlines() if l.strip().startswith('"offense-why" -> "offense-easy"'))
    assert 'style="dotted"' in question and 'arrowhead="odot"' in question
    relation = next(l for l in dot.splitlines() if l.strip().startswith('"serial-bottleneck" -> "more-draws"'))
    assert 'dir="none"' in relation and 'constraint="false"' in relation and "texts meet here" in relation
    assert 'label="questions"' in dot and 'label="relates"' in dot and "✓? questioned" in dot
    node = next(l for l in dot.splitlines() if l.strip().startswith('"offense-easy" ['))
    assert 'label="✓? ' in node and 'color="#1d4ed8"' in node


def test_claim_neighbourhood_respects_depth():
    kb, ag = kb_ag()
    one = claim_diagram(kb, ag, "more-draws", 1, options())
    assert '"fewer-projects" [' in one and '"regulation-fixes-racing" [' not in one
    two = claim_diagram(kb, ag, "more-draws", 2, options())
    assert '"regulation-fixes-racing" [' in two


def test_hostile_text_is_escaped_in_dot_and_svg(good_kb):
    claims = good_kb / "claims" / "urn.yaml"
    evil = 'Evil <script>alert(1)</script> "><img src=x onerror=alert(2)> \\\\N end'
    claims.write_text(claims.read_text().replace("text: There should be fewer AGI projects.", f"text: '{evil}'"))
    kb = load_folder(good_kb / "claims", good_kb).kb
    ag = ArgumentGraph.of(kb)
    svg = render(overview(kb, ag, options()), "svg").decode()
    root = ET.fromstring(svg)  # still well-formed XML
    assert "<script" not in svg and "<img" not in svg
    texts = " ".join(t.text or "" for t in root.iter(SVG + "text"))
    assert "<script>alert(1)</script>" in texts  # shown as text
    assert any("onerror" in (a.get(XLINK + "title") or "") for a in root.iter(SVG + "a"))


@pytest.mark.parametrize("fmt,magic", [("svg", b"<?xml"), ("png", b"\x89PNG"), ("dot", b"digraph")])
def test_cli_formats(run, good_kb, fmt, magic):
    out = good_kb / f"map.{fmt}"
    r = run("diagram", "--topic", "urn", "--format", fmt, "-o", str(out), cwd=good_kb)
    assert r.code == 0, r.err
    assert out.read_bytes().startswith(magic)


def test_cli_unknown_topic_is_a_usage_error(run, good_kb):
    r = run("diagram", "--topic", "urns", cwd=good_kb)
    assert r.code == 2 and "did you mean 'urn'" in r.err


def test_a_very_large_map_overview_shows_topics_and_how_they_meet(monkeypatch):
    import argmap.export.dot as dot

    kb, ag = kb_ag()
    monkeypatch.setattr(dot, "OVERVIEW_TOPICS", 3)  # the fixture stands in for a map of thousands
    text = overview(kb, ag, DiagramOptions(), topic_url=lambda t: f"../topics/{t}/")
    svg = _svg(text)
    hrefs = {el.get("{http://www.w3.org/1999/xlink}href") for el in svg.iter()} - {None}
    assert hrefs == {f"../topics/{t.id}/" for t in kb.topics}  # topics only, each linked to its page
    assert '"serial" -> "urn"' in text or '"urn" -> "serial"' in text  # the link between the two topics
    assert "claims" in text and "claim-" not in text


def test_an_overview_of_very_many_topics_keeps_the_best_connected(monkeypatch):
    import argmap.export.dot as dot

    kb, ag = kb_ag()
    monkeypatch.setattr(dot, "OVERVIEW_TOPICS", 3)
    monkeypatch.setattr(dot, "OVERVIEW_MAX_TOPICS", 1)
    text = overview(kb, ag, DiagramOptions(), topic_url=lambda t: f"../topics/{t}/")
    hrefs = {el.get("{http://www.w3.org/1999/xlink}href") for el in _svg(text).iter()} - {None}
    assert len(hrefs) == 1 and "1 more topics" in text and " -> " not in text
