"""argmap fmt: canonical layout, comments and values kept, idempotent, safe on broken files."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from conftest import REPO

MESSY = """\
# a comment at the top stays at the top
topic:
  title: Messy   # the title
  id: messy
claims:
  # --- first section
  - links:
      - note: why
        supports: b
    evidence:
      - quote: "Serial time is the bottleneck."
        source: serial
    by: the-commenter
    kind: claim
    text: 'A claim whose text is long enough that it does not fit on one line of a hundred columns, so it is folded.'
    id: a
  # --- second section
  - id: b
    text: B.
    kind: thesis
    by: the-commenter
    evidence: [{source: serial, quote: Parallel work is not.}]
"""


def fmt_project(tmp_path: Path, text: str, name: str = "messy.yaml") -> Path:
    (tmp_path / "claims").mkdir(exist_ok=True)
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nclaims = "claims"\n', encoding="utf-8")
    path = tmp_path / "claims" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_canonical_order_folding_and_comments(run, tmp_path):
    path = fmt_project(tmp_path, MESSY)
    r = run("fmt", cwd=tmp_path)
    assert r.code == 0, r.err
    out = path.read_text(encoding="utf-8")
    assert yaml.safe_load(out) == yaml.safe_load(MESSY)  # every value kept
    for comment in ("# a comment at the top stays at the top", "# the title", "# --- first section", "# --- second section"):
        assert comment in out
    claim_a = out.split("  - id: a\n")[1].split("# --- second section")[0]
    keys = [line.split(":")[0].strip() for line in claim_a.splitlines() if line.startswith("    ") and not line.startswith("     ")]
    assert keys == ["text", "kind", "by", "evidence", "links"]  # the schema's order
    assert "  - supports: b\n        note: why" in out  # a link's kind before its note
    assert "    text: >-\n      A claim whose text is long enough" in out  # long prose folded
    assert max(len(line) for line in out.splitlines()) <= 100
    # the section comment before the second claim is still right before it
    assert "  # --- second section\n  - id: b" in out
    assert out.index("title: Messy   # the title") < out.index("claims:")


def test_fmt_is_idempotent(run, tmp_path):
    path = fmt_project(tmp_path, MESSY)
    run("fmt", cwd=tmp_path)
    once = path.read_text(encoding="utf-8")
    r = run("fmt", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == once
    assert "0 file(s) reformatted" in r.err


def test_check_and_diff_change_nothing_and_fail_when_unformatted(run, tmp_path):
    path = fmt_project(tmp_path, MESSY)
    for option in ("--check", "--diff"):
        r = run("fmt", option, cwd=tmp_path)
        assert r.code == 1
        assert path.read_text(encoding="utf-8") == MESSY
    assert "would reformat claims/messy.yaml" in run("fmt", "--check", cwd=tmp_path).out
    assert "+++ b/claims/messy.yaml" in run("fmt", "--diff", cwd=tmp_path).out
    run("fmt", cwd=tmp_path)
    assert run("fmt", "--check", cwd=tmp_path).code == 0


def test_a_file_that_does_not_parse_is_not_rewritten(run, tmp_path):
    broken = "topic:\n  id: x\n  title: 'unclosed\n"
    path = fmt_project(tmp_path, broken, "broken.yaml")
    fmt_project(tmp_path, MESSY)
    r = run("fmt", cwd=tmp_path)
    assert r.code == 1
    assert path.read_text(encoding="utf-8") == broken
    assert "claims/broken.yaml:3" in r.err and "not rewritten" in r.err
    assert "1 file(s) reformatted" in r.err  # the good file was still formatted
    assert not [p for p in (tmp_path / "claims").iterdir() if p.name.endswith(".tmp")]  # no temp files left


def test_flow_style_entries_and_quoting_are_kept(run, tmp_path):
    people = ('people:\n  - {id: a, name: "A", description: "' + "x " * 70 + 'end."}\n'
              "  - id: b\n    role: 'a role: quoted'\n")
    path = fmt_project(tmp_path, people, "people.yaml")
    run("fmt", cwd=tmp_path)
    out = path.read_text(encoding="utf-8")
    assert out.splitlines()[1].startswith('  - {id: a, name: "A", description: "x x')  # one line, as written
    assert "role: 'a role: quoted'" in out


def test_shipped_claims_keep_their_values_under_fmt(run, tmp_path):
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nclaims = "claims"\n', encoding="utf-8")
    before = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (tmp_path / "claims").glob("*.yaml")}
    assert run("fmt", cwd=tmp_path).code == 0
    after = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (tmp_path / "claims").glob("*.yaml")}
    assert after == before
    assert run("fmt", "--check", cwd=tmp_path).code == 0


def test_shipped_claims_are_formatted(run):
    r = run("fmt", "--check", cwd=REPO)
    assert r.code == 0, f"run 'argmap fmt' to format: {r.out}"
