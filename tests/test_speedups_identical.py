"""The speed-ups changed no output: the tools as they were before them and the tools now, run on
today's shipped claims, give the same bytes for the RDF, every diagram's DOT and every site page.

"Before" is the last commit before the performance work; its tools are taken from git history
into a temporary folder and run with the same Python and dependencies. Where the old output was
itself not deterministic (rdflib's N-Triples and JSON-LD list triples in hash order), the test
compares what does not depend on that order, and the new output is checked to be stable.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from conftest import REPO

BEFORE = "21f2379"  # "Deep links centre the claim…", the last commit before the speed-ups

DOTS = """
import sys
from pathlib import Path
from argmap.checks.validate import validate
from argmap.config import load_settings
from argmap.export.dot import DiagramOptions, claim_diagram, overview, topic_diagram
from argmap.model.graph import ArgumentGraph
from argmap.model.semantics import label

settings = load_settings(Path.cwd())
kb = validate(settings.claims_dir, settings.root, settings.texts_dir).loaded.kb
ag = ArgumentGraph.of(kb)
status = {c: s.value for c, s in label(ag).status.items()}
link = lambda c: f"../claims/{c}/"
out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
(out / "overview.dot").write_text(overview(kb, ag, DiagramOptions(link=link, status=status)))
for t in kb.topics:
    (out / f"topic-{t.id}.dot").write_text(topic_diagram(kb, ag, t.id, DiagramOptions(link=link, status=status)))
for c in kb.claims:
    for depth in (1, 2):
        opts = DiagramOptions(link=link, status=status, legend=False)
        (out / f"claim-{c.id}-{depth}.dot").write_text(claim_diagram(kb, ag, c.id, depth, opts))
"""


def _before_tools(tmp: Path) -> Path:
    if not (REPO / ".git").exists() or subprocess.run(["git", "cat-file", "-e", f"{BEFORE}^{{commit}}"], cwd=REPO,
                                                      capture_output=True).returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"commit {BEFORE} is not in this clone; CI needs the full history for this test")
        pytest.skip(f"commit {BEFORE} is not available (a shallow clone?)")
    archive = subprocess.run(["git", "archive", "--format=tar", BEFORE], cwd=REPO, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(tmp, filter="tar")
    return tmp / "tools"


def _outputs(pythonpath: Path | None, out: Path) -> Path:
    """RDF in three formats, every diagram's DOT and the whole site, made by the tools on
    ``pythonpath`` (None: the installed ones) from the shipped claims."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
    env.pop("ARGMAP_TEXTS", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    py = [sys.executable]
    for fmt, name in (("turtle", "kb.ttl"), ("nt", "kb.nt"), ("json-ld", "kb.jsonld")):
        subprocess.run(py + ["-m", "argmap", "rdf", "--format", fmt, "-o", str(out / name)], cwd=REPO, env=env,
                       check=True, capture_output=True)
    subprocess.run(py + ["-c", DOTS, str(out / "dot")], cwd=REPO, env=env, check=True, capture_output=True)
    built = subprocess.run(py + ["-m", "mkdocs", "build", "-q", "-d", str(out / "site")], cwd=REPO, env=env,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    return out


@pytest.fixture(scope="module")
def before_and_after(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("speedups")
    old_tools = _before_tools(tmp / "before-tree")
    code = subprocess.run([sys.executable, "-c", "import argmap, sys; print(argmap.__file__)"], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(old_tools)}).stdout
    assert code.startswith(str(old_tools)), f"the old tools were not the ones imported: {code}"
    return _outputs(old_tools, tmp / "before"), _outputs(None, tmp / "after")


def _files(root: Path, *patterns: str) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for pattern in patterns for p in sorted(root.rglob(pattern))}


def test_turtle_is_byte_identical(before_and_after):
    before, after = before_and_after
    assert (before / "kb.ttl").read_bytes() == (after / "kb.ttl").read_bytes()


def test_ntriples_and_json_ld_hold_the_same_statements(before_and_after):
    from argmap.export.rdf import _canonical_json

    before, after = before_and_after
    old_nt, new_nt = (sorted((d / "kb.nt").read_text().splitlines()) for d in (before, after))
    assert old_nt == new_nt
    assert _canonical_json((before / "kb.jsonld").read_text()) == (after / "kb.jsonld").read_text()


def test_every_diagram_dot_is_byte_identical(before_and_after):
    before, after = before_and_after
    old, new = _files(before / "dot", "*.dot"), _files(after / "dot", "*.dot")
    assert len(old) > 400 and old.keys() == new.keys()
    assert [name for name in old if old[name] != new[name]] == []


def test_every_site_page_and_diagram_is_byte_identical(before_and_after):
    before, after = before_and_after
    old = _files(before / "site", "*.html", "*.svg", "*.ttl", "*.css", "*.js")
    new = _files(after / "site", "*.html", "*.svg", "*.ttl", "*.css", "*.js")
    assert len([n for n in old if n.endswith(".html")]) > 250 and old.keys() == new.keys()
    # The downloads page has listed the interchange exports (Argdown, AIF, GraphML, JSON) since
    # issue 12: a deliberate change, so it must hold the old page's entries plus those, no more.
    assert _without_interchange(new.pop("downloads/index.html")) == old.pop("downloads/index.html")
    assert [name for name in old if old[name] != new[name]] == []


def _without_interchange(page: bytes) -> bytes:
    from argmap.export.interchange import FILE_NAMES

    lines = page.decode("utf-8").split("\n")
    return "\n".join(line for line in lines if not any(f"{name}</a>" in line for name in FILE_NAMES.values())).encode()
