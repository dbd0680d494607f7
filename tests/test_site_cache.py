"""What makes a rebuild fast: diagrams laid out once per DOT text (in parallel), downloads cached
by their inputs, inline SVG put into the final HTML, and output that does not depend on the run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from conftest import FIXTURES, REPO
from test_site import fixture_project, mkdocs_build

from argmap.export.dot import DiagramOptions, claim_diagram, render, topic_diagram
from argmap.export.render_many import render_all
from argmap.load.project import load_folder
from argmap.model.graph import ArgumentGraph


def _dots(limit: int = 12) -> dict[str, str]:
    kb = load_folder(REPO / "claims", REPO).kb
    ag = ArgumentGraph.of(kb)
    dots = {f"claim-{c.id}": claim_diagram(kb, ag, c.id, 1, DiagramOptions(legend=False)) for c in kb.claims[:limit]}
    dots["topic"] = topic_diagram(kb, ag, kb.topics[0].id, DiagramOptions())
    dots["again"] = dots["topic"]  # the same DOT under two names is laid out once
    return dots


def test_parallel_layout_gives_what_one_render_gives_and_the_cache_returns_it(tmp_path):
    dots = _dots()
    svgs, laid_out = render_all(dots, tmp_path, jobs=2)
    assert laid_out == len(dots) - 1
    assert svgs == {name: render(dot, "svg").decode() for name, dot in dots.items()}
    again, laid_out = render_all(dots, tmp_path, jobs=2)
    assert again == svgs and laid_out == 0


def test_a_changed_diagram_is_laid_out_again_and_prune_drops_unused_entries(tmp_path):
    dots = _dots(limit=3)
    render_all(dots, tmp_path, jobs=1)
    before = set(tmp_path.glob("*/*.svg"))
    changed = dict(dots, topic=dots["topic"].replace("rankdir", "rankdir", 1) + "// edited\n")
    changed["again"] = changed["topic"]
    svgs, laid_out = render_all(changed, tmp_path, jobs=1, prune=True)
    assert laid_out == 1 and svgs["topic"] == render(changed["topic"], "svg").decode()
    after = set(tmp_path.glob("*/*.svg"))
    assert len(after) == len(before) and after != before  # the old topic layout is gone, the new one kept


def test_a_cache_that_cannot_be_used_only_costs_time(tmp_path):
    dots = _dots(limit=1)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    svgs, laid_out = render_all(dots, blocked, jobs=1)
    assert laid_out == len(dots) - 1 and svgs["topic"] == render(dots["topic"], "svg").decode()
    assert blocked.read_text() == "a file where the cache folder should be"


def test_downloads_come_from_the_cache_until_a_claim_file_changes(tmp_path):
    from argmap.config import load_settings
    from argmap.load.texts import TextStore
    from argmap.site.downloads import build_downloads, inputs_key, site_downloads

    project = tmp_path / "kb"
    shutil.copytree(FIXTURES / "good", project)
    settings = load_settings(project)
    texts = TextStore(FIXTURES / "texts")
    kb = load_folder(project / "claims", project).kb
    first = site_downloads(kb, settings, texts, project / "claims", tmp_path / "cache")
    assert first == build_downloads(kb, settings.base_iri, texts)
    key = inputs_key(settings, texts, project / "claims")
    stored = tmp_path / "cache" / "downloads" / key / "argmap.ttl"
    stored.write_bytes(b"# from the cache\n")
    assert site_downloads(kb, settings, texts, project / "claims", tmp_path / "cache")["argmap.ttl"] == b"# from the cache\n"
    urn = project / "claims" / "urn.yaml"
    urn.write_text(urn.read_text().replace("There should be fewer AGI projects.", "There should be fewer projects."))
    assert inputs_key(settings, texts, project / "claims") != key
    kb = load_folder(project / "claims", project).kb
    fresh = site_downloads(kb, settings, texts, project / "claims", tmp_path / "cache")
    assert b"There should be fewer projects." in fresh["argmap.ttl"]
    assert [p.name for p in (tmp_path / "cache" / "downloads").iterdir()] == [inputs_key(settings, texts, project / "claims")]


def test_json_ld_and_ntriples_are_the_same_bytes_whatever_the_hash_seed(tmp_path):
    outputs = {}
    for seed in ("1", "2"):
        for fmt in ("json-ld", "nt"):
            out = tmp_path / f"{seed}.{fmt}"
            subprocess.run([sys.executable, "-m", "argmap", "rdf", "--format", fmt, "-o", str(out)], cwd=REPO,
                           check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
            outputs[seed, fmt] = out.read_bytes()
    assert outputs["1", "json-ld"] == outputs["2", "json-ld"]
    assert outputs["1", "nt"] == outputs["2", "nt"]


def test_a_rebuild_lays_out_only_what_changed_and_pages_keep_their_diagrams(tmp_path):
    project = fixture_project(tmp_path)

    def build() -> tuple[int, str]:
        out = tmp_path / "out"
        result = mkdocs_build(project, project / "mkdocs.yml", out)
        assert result.returncode == 0, result.stderr
        laid_out = int(re.search(r"\((\d+) diagrams laid out", result.stderr)[1])
        return laid_out, (out / "claims" / "fewer-projects" / "index.html").read_text()

    first, page = build()
    assert first > 3 and (project / ".cache" / "argmap" / "diagrams").is_dir()
    assert "<!--argmap-figure" not in page and re.search(r'class="argmap-frame"[^>]*><svg', page)
    again, same_page = build()
    assert again == 0 and same_page == page
    urn = project / "claims" / "urn.yaml"
    urn.write_text(urn.read_text().replace("Regulators are too slow to fix racing.", "Regulators are slow to fix racing."))
    edited, _ = build()
    assert 0 < edited < first
    index = (tmp_path / "out" / "search" / "search_index.json").read_text()
    assert "argmap-figure" not in index and "Regulators are slow to fix racing." in index


def _serve_session(project):
    """MkDocs as `mkdocs serve --dirty` drives it: one plugin session, builds on demand."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    site = project / "served"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=True)

    def rebuild():
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site)), dirty=True)

    build(config, dirty=True)
    return site, rebuild, config


def test_serve_dirty_rebuild_rewrites_only_pages_whose_content_changed(tmp_path, monkeypatch):
    project = fixture_project(tmp_path)
    monkeypatch.chdir(project)
    site, rebuild, config = _serve_session(project)
    try:
        edited_page = site / "claims" / "regulators-slow" / "index.html"
        untouched = site / "people" / "index.html"
        stamps = {p: p.stat().st_mtime_ns for p in (edited_page, untouched)}
        urn = project / "claims" / "urn.yaml"
        urn.write_text(urn.read_text().replace("Regulators are too slow to fix racing.",
                                               "Regulators are slow to fix racing."))
        rebuild()
        assert "Regulators are slow to fix racing." in edited_page.read_text()
        assert edited_page.stat().st_mtime_ns != stamps[edited_page]
        assert untouched.stat().st_mtime_ns == stamps[untouched]
        # the topic page shows the claim in its outline and diagram: rebuilt too
        assert "Regulators are slow to fix racing." in (site / "topics" / "urn" / "index.html").read_text()
    finally:
        config.plugins.on_shutdown()


def test_serve_remakes_the_downloads_in_the_background_after_an_edit(tmp_path, monkeypatch):
    project = fixture_project(tmp_path)
    monkeypatch.chdir(project)
    site, rebuild, config = _serve_session(project)
    try:
        plugin = config.plugins["argmap"]
        urn = project / "claims" / "urn.yaml"
        urn.write_text(urn.read_text().replace("There should be fewer AGI projects.", "There should be fewer projects."))
        rebuild()
        assert plugin._refresh is not None
        plugin._refresh.join(120)
        assert plugin._refresh.exitcode == 0
        assert b"There should be fewer projects." in (site / "downloads" / "argmap.ttl").read_bytes()
        rebuild()  # the worker left them in the cache: no new worker
        assert not plugin._refresh.is_alive() and plugin._served is not None
        assert b"There should be fewer projects." in plugin._served["argmap.ttl"]
    finally:
        config.plugins.on_shutdown()


def test_the_menu_stays_small_when_the_map_has_many_topics(monkeypatch):
    """Material renders the whole menu into every page: listing every topic of a large map made
    the build quadratic, so past NAV_ENTRIES the menu points at the topics index instead."""
    from argmap.site import plugin

    kb = load_folder(FIXTURES / "good" / "claims", FIXTURES / "good").kb
    topics = lambda nav: next(entry["Topics"] for entry in nav if "Topics" in entry)
    assert topics(plugin.ArgmapPlugin.navigation(kb)) == ["topics/index.md"] + [
        {t.title: f"topics/{t.id}.md"} for t in kb.topics]
    monkeypatch.setattr(plugin, "NAV_ENTRIES", len(kb.topics) - 1)
    assert topics(plugin.ArgmapPlugin.navigation(kb)) == ["topics/index.md"]
