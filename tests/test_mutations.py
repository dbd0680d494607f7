"""Mutation tests on the shipped claims: one fault at a time, each reported at the right file and line.

The faults are placed by reading the shipped map (so they follow it as it grows): a claim other
claims link to is deleted, a link retargeted, an id duplicated, a quote corrupted, a support
cycle closed, an unknown key added, the YAML broken.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import REPO, SHARED_TEXTS

from argmap.load.project import load_folder
from argmap.model.kb import LinkKind

pytestmark = pytest.mark.skipif(not SHARED_TEXTS.is_dir(), reason="the source texts are not beside the repository")
SHIPPED = load_folder(REPO / "claims", REPO).kb


@pytest.fixture
def kb(tmp_path) -> Path:
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    (tmp_path / "pyproject.toml").write_text(f'[tool.argmap]\ntexts = "{SHARED_TEXTS.as_posix()}"\n', encoding="utf-8")
    return tmp_path


def lines_of(kb: Path, file: str) -> list[str]:
    return (kb / file).read_text(encoding="utf-8").splitlines(keepends=True)


def write(kb: Path, file: str, lines: list[str]) -> None:
    (kb / file).write_text("".join(lines), encoding="utf-8")


def errors(run, kb: Path) -> set[tuple[str, int, str]]:
    findings = run("validate", "--format", "json", cwd=kb).json()["findings"]
    return {(f["file"], f["line"], f["rule"]) for f in findings if f["severity"] == "error"}


def a_link(kind: LinkKind, cross_file: bool):
    """The first link of ``kind`` whose ends are in different files (or the same file)."""
    for link in SHIPPED.links():
        if link.kind is kind and not link.target_link:
            target = SHIPPED.claim_by_id[link.target]
            if (target.loc.file != link.loc.file) == cross_file:
                return link, target
    raise AssertionError(f"no {kind.value} link to mutate")


def claim_span(kb: Path, claim) -> tuple[int, int]:
    """0-based [start, end) lines of a claim's block in its file."""
    lines = lines_of(kb, claim.loc.file)
    start = claim.loc.line - 1
    end = start + 1
    while end < len(lines) and not lines[end].startswith("  - id:") and not lines[end].startswith("  #"):
        end += 1
    return start, end


def test_delete_a_claim_others_link_to(run, kb):
    link, target = a_link(LinkKind.SUPPORTS, cross_file=False)
    incoming = [l for l in SHIPPED.links() if l.target == target.id and not l.target_link]
    start, end = claim_span(kb, target)
    lines = lines_of(kb, target.loc.file)
    write(kb, target.loc.file, lines[:start] + lines[end:])
    removed = end - start
    found = errors(run, kb)
    for l in incoming:
        where = l.at[l.kind.value]
        line = where.line - removed if where.file == target.loc.file and where.line > start else where.line
        assert (where.file, line, "unknown-claim") in found, (l.describe(), found)


def test_retarget_a_link(run, kb):
    link, _ = a_link(LinkKind.REBUTS, cross_file=False)
    where = link.at["rebuts"]
    lines = lines_of(kb, where.file)
    lines[where.line - 1] = lines[where.line - 1].replace(link.target, link.target + "-x")
    write(kb, where.file, lines)
    found = errors(run, kb)
    assert (where.file, where.line, "unknown-claim") in found
    # undercuts of the old link now name a link that does not exist: reported at their own lines
    undercuts = {(l.at["undercuts"].file, l.at["undercuts"].line, "undercut-target") for l in SHIPPED.links()
                 if l.target_link == (link.origin, link.target)}
    assert found == {(where.file, where.line, "unknown-claim")} | undercuts


def test_duplicate_an_id(run, kb):
    first, second = SHIPPED.claims[0], SHIPPED.claims[1]
    lines = lines_of(kb, second.loc.file)
    lines[second.loc.line - 1] = lines[second.loc.line - 1].replace(second.id, first.id)
    write(kb, second.loc.file, lines)
    assert (second.loc.file, second.loc.line, "duplicate-id") in errors(run, kb)


def test_corrupt_a_quote(run, kb):
    claim = next(c for c in SHIPPED.claims if c.evidence and len(c.evidence[0].quote.split()) > 6)
    quote = claim.evidence[0]
    where = quote.at["quote"]
    lines = lines_of(kb, where.file)
    word = next(w for w in quote.quote.split() if w.isalpha() and len(w) > 4)
    row = next(i for i in range(where.line - 1, where.line + 5) if word in lines[i])
    lines[row] = lines[row].replace(word, word[::-1] + "zz", 1)
    write(kb, where.file, lines)
    assert errors(run, kb) == {(where.file, where.line, "quote-not-found")}


def test_close_a_support_cycle(run, kb):
    link, target = a_link(LinkKind.SUPPORTS, cross_file=False)
    lines = lines_of(kb, target.loc.file)
    back = f"      - supports: {link.origin}\n"
    if target.links:  # add the link back as the target's first link
        at = target.links[0].loc.line - 1
        lines[at:at] = [back]
    else:  # give the target a links block at the end of its entry
        at = claim_span(kb, target)[1]
        lines[at:at] = ["    links:\n", back]
    write(kb, target.loc.file, lines)
    assert any(rule == "support-cycle" and file == target.loc.file for file, _, rule in errors(run, kb))


def test_add_an_unknown_key(run, kb):
    claim = SHIPPED.claims[5]
    where = claim.at["kind"]
    lines = lines_of(kb, where.file)
    lines.insert(where.line, "    credance: 0.5\n")
    write(kb, where.file, lines)
    assert errors(run, kb) == {(where.file, where.line + 1, "unknown-key")}


def test_break_the_yaml(run, kb):
    claim = SHIPPED.claims[-1]
    where = claim.at["kind"]
    lines = lines_of(kb, where.file)
    lines[where.line - 1] = lines[where.line - 1].replace("kind: ", 'kind: "', 1)
    write(kb, where.file, lines)
    found = errors(run, kb)
    assert found == {(where.file, where.line, "yaml-syntax")}, found
