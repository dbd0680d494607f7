"""The site: built from fixtures and from the shipped claims; pages, links, escaping, search."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from sitecheck import broken_links

from argmap.load.project import load_folder

HOSTILE = 'Evil <script>alert(1)</script> "><img src=x onerror=alert(2)>'


def mkdocs_build(project: Path, config: Path, out: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("mkdocs")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "mkdocs"]
    return subprocess.run(cmd + ["build", "--strict", "-f", str(config), "-d", str(out)], cwd=project,
                          capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def fixture_project(tmp: Path, hostile: bool = False) -> Path:
    project = tmp / "good"
    shutil.copytree(FIXTURES / "good", project)
    shutil.copytree(FIXTURES / "texts", tmp / "texts")
    if hostile:
        path = project / "claims" / "urn.yaml"
        path.write_text(path.read_text().replace(
            "text: There should be fewer AGI projects.", f"text: {json.dumps(HOSTILE)}").replace(
            "note: Fewer draws, fewer bad balls.", f"note: {json.dumps(HOSTILE)}").replace(
            "title: Drawing from the urn", f"title: {json.dumps(HOSTILE)}"))
    config = (REPO / "mkdocs.yml").read_text()
    config = config.replace("docs_dir: site", f"docs_dir: {REPO / 'site'}").replace(
        "custom_dir: site/overrides", f"custom_dir: {REPO / 'site' / 'overrides'}")
    (project / "mkdocs.yml").write_text(config)
    return project


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("site")
    project = fixture_project(tmp)
    out = tmp / "out"
    result = mkdocs_build(project, project / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


def test_every_claim_topic_source_and_person_has_a_page(fixture_site):
    from argmap.load.project import load_folder

    kb = load_folder(FIXTURES / "good" / "claims", FIXTURES / "good").kb
    expected = [f"claims/{c.id}" for c in kb.claims] + [f"topics/{t.id}" for t in kb.topics]
    expected += [f"sources/{s.id}" for s in kb.sources] + [f"people/{p.id}" for p in kb.people]
    expected += ["", "topics", "sources", "people", "tags", "analysis", "downloads", "format", "contribute"]
    missing = [e for e in expected if not (fixture_site / e / "index.html").exists()]
    assert missing == []


def test_no_broken_links_or_anchors(fixture_site):
    assert broken_links(fixture_site) == []


def test_claim_page_content(fixture_site):
    html = (fixture_site / "claims" / "regulation-fixes-racing" / "index.html").read_text()
    assert "Regulation can fix racing without fewer projects." in html
    # the reason is a sentence naming the attacker by its text, linked to its page
    assert "✗ rejected" in html
    assert ('Rejected: “<a href="../regulators-slow/">Regulators are too slow to fix racing.</a>” '
            "stands and rebuts it.") in html
    assert "Some say regulation fixes racing." in html  # the evidence quote
    assert "../../sources/urn/#q-regulation-fixes-racing-0" in html  # to the quote on the source page
    assert "../../people/the-commenter/" in html
    assert "claims/urn.yaml" in html and "line 49" in html  # where it is defined
    # the neighbourhood diagram is inline, its claims linking to their pages from here
    figure = html.split('<figure class="argmap-map">')[1].split("</figure>")[0]
    assert 'xlink:href="../../claims/regulators-slow/"' in figure and "ARGMAP-SITE-ROOT" not in html
    assert 'href="../../diagrams/claim-regulation-fixes-racing.svg"' in figure  # and on its own


def test_topic_page_has_an_outline_of_the_debate(fixture_site):
    html = (fixture_site / "topics" / "urn" / "index.html").read_text()
    outline = html.split('id="the-debate-as-an-outline"')[1].split("<h2")[0]
    # the thesis first, then the rebuttal of it, then the answer to that, folded in <details>
    thesis = outline.index('href="../../claims/fewer-projects/"')
    objection = outline.index('href="../../claims/regulation-fixes-racing/"')
    answer = outline.rindex('href="../../claims/regulators-slow/"')
    assert thesis < objection < answer
    # regulators-slow first came up undercutting a step further up: here it is "see above"
    assert 'href="#tree-regulators-slow">see above</a>' in outline[objection:]
    assert '<span class="argmap-via argmap-via-rebuts">rebuts</span> <a href="../../claims/regulation-fixes-racing/"' in outline
    assert "<details open><summary>" in outline and "<details><summary>" in outline
    assert "argmap-rejected" in outline and "— the commenter who objects" in outline
    # every claim of the topic is in the outline (it is the diagram's text alternative)
    kb = load_folder(FIXTURES / "good" / "claims", FIXTURES / "good").kb
    for cid in kb.topic_by_id["urn"].claim_ids:
        assert f'href="../../claims/{cid}/"' in outline, cid
    # the figure points to the outline
    assert 'href="#the-debate-as-an-outline">the same as an outline</a>' in html


def test_questioned_claim_is_an_open_question_never_rejected(fixture_site):
    html = (fixture_site / "claims" / "offense-easy" / "index.html").read_text()
    assert "✓? questioned" in html and "✗ rejected" not in html.split("Evidence")[0]
    assert 'Questioned: “<a href="../offense-why/">' in html and "asks for its reasons" in html
    asker = (fixture_site / "claims" / "offense-why" / "index.html").read_text()
    assert "<strong>Questions</strong>" in asker
    analysis = (fixture_site / "analysis" / "index.html").read_text()
    open_questions = analysis.split('id="open-questions"')[1].split("<h2")[0]
    assert "../claims/offense-easy/" in open_questions and "../claims/offense-why/" in open_questions


def test_relates_shows_as_see_also_on_both_claims(fixture_site):
    for here, there in (("serial-bottleneck", "more-draws"), ("more-draws", "serial-bottleneck")):
        html = (fixture_site / "claims" / here / "index.html").read_text()
        see_also = html.split("<strong>See also</strong>")[1].split("</ul>")[0]
        assert f'href="../{there}/"' in see_also and "both texts speak of projects" in see_also


def test_source_page_lists_quotes_in_text_order(fixture_site):
    html = (fixture_site / "sources" / "urn" / "index.html").read_text()
    order = [html.index(f'id="q-{cid}-0"') for cid in
             ("more-draws", "fewer-projects", "offense-easy", "regulation-fixes-racing", "regulators-slow")]
    assert order == sorted(order)
    assert 'href="https://example.org/urn"' in html


def test_diagrams_are_valid_svg_linking_to_claim_pages(fixture_site):
    svg = ET.parse(fixture_site / "diagrams" / "topic-urn.svg").getroot()
    hrefs = {el.get("{http://www.w3.org/1999/xlink}href") for el in svg.iter()} - {None}
    assert {"../claims/fewer-projects/", "../claims/more-draws/"} <= hrefs


def test_search_index_has_claim_texts_and_quotes(fixture_site):
    index = json.loads((fixture_site / "search" / "search_index.json").read_text())
    blob = " ".join(d["text"] + d["title"] for d in index["docs"])
    assert "Regulators are too slow to fix racing." in blob
    assert "It does not, because regulators are slow." in blob


def test_downloads_are_parseable_rdf(fixture_site):
    from rdflib import Graph

    assert len(Graph().parse(fixture_site / "downloads" / "argmap.ttl")) > 100
    assert len(Graph().parse(fixture_site / "downloads" / "argmap.jsonld", format="json-ld")) > 100


def test_hostile_text_is_shown_never_run(tmp_path):
    project = fixture_project(tmp_path, hostile=True)
    out = tmp_path / "out"
    result = mkdocs_build(project, project / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    pages = [p.read_text() for p in out.rglob("*.html")] + [p.read_text() for p in out.rglob("*.svg")]
    blob = "\n".join(pages)
    assert "<script>alert(1)" not in blob
    assert "<img src=x" not in blob and "<img src=\"x\"" not in blob
    claim = (out / "claims" / "fewer-projects" / "index.html").read_text()
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt;" in claim
    for svg in out.rglob("*.svg"):
        ET.parse(svg)  # still well-formed


def test_a_knowledge_base_with_errors_stops_the_build_with_findings(tmp_path):
    project = fixture_project(tmp_path)
    path = project / "claims" / "urn.yaml"
    path.write_text(path.read_text().replace("- supports: fewer-projects", "- supports: fewer-project"))
    result = mkdocs_build(project, project / "mkdocs.yml", tmp_path / "out")
    assert result.returncode != 0
    assert "unknown claim 'fewer-project'" in result.stderr and "Traceback" not in result.stderr


def test_shipped_site_builds_strict_without_broken_links(tmp_path):
    out = tmp_path / "site"
    result = mkdocs_build(REPO, REPO / "mkdocs.yml", out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert broken_links(out) == []


def test_edit_link_points_at_the_claims_file_and_line():
    from argmap.load.project import load_folder
    from argmap.load.texts import TextStore
    from argmap.model.analysis import Analysis
    from argmap.model.graph import ArgumentGraph
    from argmap.site.pages import SiteContent, SiteOptions
    from argmap.site.plugin import default_edit_url

    assert default_edit_url(None) is None
    assert default_edit_url("https://github.com/o/r/") == "https://github.com/o/r/blob/HEAD/"
    assert default_edit_url("https://gitlab.com/o/r") == "https://gitlab.com/o/r/-/blob/HEAD/"
    kb = load_folder(FIXTURES / "good" / "claims", FIXTURES / "good").kb
    claim = kb.claim_by_id["regulation-fixes-racing"]
    content = SiteContent(kb, Analysis.of(ArgumentGraph.of(kb)), TextStore(None),
                          SiteOptions(edit_url=default_edit_url("https://github.com/o/r")))
    line = content.edit_line(claim)
    assert "Edit this claim](https://github.com/o/r/blob/HEAD/claims/urn.yaml#L49)" in line
    plain = SiteContent(kb, Analysis.of(ArgumentGraph.of(kb)), TextStore(None)).edit_line(claim)
    assert plain == "Defined in `claims/urn.yaml`, line 49."


def test_vendored_panzoom_matches_its_record():
    import hashlib

    folder = REPO / "site" / "assets" / "vendor" / "panzoom"
    recorded = re.search(r"sha256 of panzoom.min.js: `([0-9a-f]{64})`", (folder / "README.md").read_text()).group(1)
    assert hashlib.sha256((folder / "panzoom.min.js").read_bytes()).hexdigest() == recorded
    assert "MIT" in (folder / "MIT-License.txt").read_text()
