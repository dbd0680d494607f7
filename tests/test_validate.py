"""The validator on fixtures: every rule fires at the right file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

MARKER = re.compile(r"#\s*expect:\s*([a-z0-9, -]+)$")


def expected_markers(folder: Path) -> set[tuple[str, int, str]]:
    """(file, line, rule) for every `# expect: rule[, rule]` comment in the fixture files."""
    out = set()
    for path in sorted(folder.glob("claims/*.yaml")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = MARKER.search(line)
            if m:
                for rule in m.group(1).split(","):
                    out.add((f"claims/{path.name}", n, rule.strip()))
    return out


def test_good_fixture_is_clean(run, good_kb):
    r = run("validate", "--require-texts", "--strict", cwd=good_kb)
    assert r.code == 0, r.out
    assert r.out.strip().endswith("0 errors, 0 warnings in 5 files checked")


def test_every_mistake_at_once_is_reported_at_its_line(run, broken_kb):
    r = run("validate", "--format", "json", cwd=broken_kb)
    assert r.code == 1
    found = {(f["file"], f["line"], f["rule"]) for f in r.json()["findings"]}
    expected = expected_markers(broken_kb)
    assert len(expected) > 25
    assert expected - found == set(), "expected findings that were not reported"
    assert found - expected == set(), "findings that the fixture does not mark"


def test_not_utf8_file_is_reported_with_the_rest(run, broken_kb):
    (broken_kb / "claims" / "latin1.yaml").write_bytes(b"topic:\n  id: latin1\n  title: Caf\xe9\n")
    findings = run("validate", "--format", "json", cwd=broken_kb).json()["findings"]
    assert ("claims/latin1.yaml", 3, "not-utf8") in {(f["file"], f["line"], f["rule"]) for f in findings}


# One injected fault per rule, into a copy of the good knowledge base:
# (file, old text, new text, rule[, line offset from the first changed line]).
INJECTIONS = [
    ("urn.yaml", "    text: There should be fewer AGI projects.\n",
     "    text: There should be fewer AGI projects.\n    text: again\n", "duplicate-key"),
    ("urn.yaml", "    kind: thesis\n", "    kind: thesis\n    credence: 2\n", "out-of-range"),
    ("urn.yaml", "    kind: thesis\n", "    kind: thesis\n    credance: 0.5\n", "unknown-key"),
    ("urn.yaml", "    kind: thesis\n", "    kind: thesis\n    credence: [1]\n", "wrong-type"),
    ("urn.yaml", "    kind: thesis\n", "    kind: hypothesis\n", "bad-value"),
    ("urn.yaml", "  - id: more-draws\n", "  - id: More-Draws\n", "bad-id"),
    ("urn.yaml", "    by: the-commenter\n", "    by: the-comenter\n", "unknown-person"),
    ("urn.yaml", "    tags: [governance]\n", "    tags: [govern]\n", "unknown-tag"),
    ("urn.yaml", "      - supports: more-draws\n", "      - supports: more-draw\n", "unknown-claim"),
    ("urn.yaml", "      - supports: more-draws\n", "      - supports: offense-easy\n", "self-link"),
    ("urn.yaml", "      - rebuts: regulation-fixes-racing\n",
     "      - rebuts: regulation-fixes-racing\n      - rebuts: regulation-fixes-racing\n", "duplicate-link"),
    ("urn.yaml", "      - rebuts: regulation-fixes-racing\n",
     "      - rebuts: regulation-fixes-racing\n      - supports: regulation-fixes-racing\n", "support-and-rebut"),
    ("urn.yaml", "    tags: [risk]\n", "    tags: [risk]\n    links:\n      - supports: offense-easy\n", "support-cycle"),
    ("urn.yaml", "      - undercuts: offense-easy -> more-draws\n", "      - undercuts: more-draws -> offense-easy\n",
     "undercut-target"),
    ("urn.yaml", "Some say regulation fixes racing.", "Some say regulation fixes racing quickly.", "quote-not-found"),
    ("urn.yaml", "      - {source: urn, quote: Some", "      - {source: urm, quote: Some", "unknown-source"),
    ("urn.yaml", "    thread: replies\n    tags", "    thread: reply\n    tags", "unknown-thread"),
    ("urn.yaml", "  id: urn\n", "  id: urns\n", "topic-id"),
    ("serial.yaml", "  - id: launch-happened\n", "  - id: serial-bottleneck\n", "duplicate-id"),
    ("serial.yaml", "    evidence:\n      - {source: serial, quote: Parallel work is not.}\n", "    evidence: []\n", "no-evidence"),
    # a claim-level finding stands at the claim's first line, two lines above its kind
    ("serial.yaml", "    kind: fact\n", "    kind: claim\n", "isolated-claim", -2),
    # a claim that says why it stands alone must not also be linked (the reason would be false)
    ("serial.yaml", "    kind: thesis\n    by: the-commenter\n",
     "    kind: thesis\n    by: the-commenter\n    standalone: an aside\n", "standalone-linked"),
    ("sources.yaml", "    text: serial.txt\n", "    text: missing.txt\n", "text-file-missing"),
    # a "relates" link needs a note; so does an inferential link across topics (both at the link's first line)
    ("serial.yaml", "        note: both texts speak of projects (only to exercise relates in the fixture)\n", "",
     "missing-field", -1),
    ("serial.yaml", "        note: a cross-topic link\n", "", "cross-topic-note", -1),
    ("urn.yaml", "      - questions: offense-easy\n", "      - questions: offense-easyy\n", "unknown-claim"),
    # a hedged quote under a flat claim text: reported at the claim's text, five lines up
    ("urn.yaml", '      - {source: urn, quote: "Defense is hard; ... offense is easy."}\n',
     '      - {source: urn, quote: "I think offense is easy."}\n', "hedge-dropped", -5),
    ("people.yaml", "  - {id: alice, name: Alice Example}\n", "  - {id: alice}\n", "name-or-role"),
    ("tags.yaml", "  - {id: risk, title: Risk}\n", "  - {id: risk, title: Risk\n", "yaml-syntax"),
]


@pytest.mark.parametrize("injection", INJECTIONS, ids=[i[3] for i in INJECTIONS])
def test_injected_fault_is_found_at_its_line(run, good_kb, injection):
    file, old, new, rule, *offset = injection
    path = good_kb / "claims" / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, "the injection must be unambiguous"
    edited = text.replace(old, new)
    path.write_text(edited, encoding="utf-8")
    # the fault is on the first line where the edit differs from the original
    old_lines, new_lines = text.splitlines(), edited.splitlines()
    first_diff = next(i for i, (a, b) in enumerate(zip(old_lines + [""], new_lines)) if a != b) + 1
    first_diff += offset[0] if offset else 0
    r = run("validate", "--format", "json", "--strict", cwd=good_kb)
    assert r.code == 1
    hits = [f for f in r.json()["findings"] if f["rule"] == rule]
    assert hits, f"rule {rule} did not fire; got {r.json()['findings']}"
    assert any(f["file"] == f"claims/{file}" and f["line"] in (first_diff, first_diff + 1) for f in hits), hits


def test_hints_suggest_the_nearest_id(run, good_kb):
    path = good_kb / "claims" / "urn.yaml"
    path.write_text(path.read_text().replace("- supports: more-draws", "- supports: more-drwas"))
    (finding,) = [f for f in run("validate", "--format", "json", cwd=good_kb).json()["findings"] if f["rule"] == "unknown-claim"]
    assert finding["hint"] == "did you mean 'more-draws'?"


def test_quote_hint_shows_the_closest_passage(run, good_kb):
    path = good_kb / "claims" / "urn.yaml"
    path.write_text(path.read_text().replace("Some say regulation fixes racing.", "Some said regulation fixes racing."))
    (finding,) = [f for f in run("validate", "--format", "json", cwd=good_kb).json()["findings"] if f["rule"] == "quote-not-found"]
    assert "Some say regulation fixes racing" in finding["hint"]


def test_missing_texts_is_one_warning_or_an_error_when_required(run, good_kb, tmp_path):
    r = run("validate", "--texts", str(tmp_path / "nowhere"), "--format", "json", cwd=good_kb)
    findings = r.json()["findings"]
    assert r.code == 0 and [f["rule"] for f in findings] == ["texts-missing"]
    assert findings[0]["severity"] == "warning"
    r = run("validate", "--texts", str(tmp_path / "nowhere"), "--require-texts", cwd=good_kb)
    assert r.code == 1 and "texts-missing" in r.out


def test_texts_folder_from_environment(run, good_kb, tmp_path, monkeypatch):
    monkeypatch.chdir(good_kb)
    from argmap.cli import main

    monkeypatch.setenv("ARGMAP_TEXTS", str(tmp_path / "nowhere"))
    assert main(["validate", "--require-texts"]) == 1
    monkeypatch.setenv("ARGMAP_TEXTS", str(tmp_path / "texts"))
    assert main(["validate", "--require-texts"]) == 0


def test_strict_turns_warnings_into_errors(run, good_kb):
    path = good_kb / "claims" / "serial.yaml"
    path.write_text(path.read_text().replace("    kind: fact\n", "    kind: claim\n"))
    assert run("validate", cwd=good_kb).code == 0
    r = run("validate", "--strict", "--format", "json", cwd=good_kb)
    assert r.code == 1 and {f["severity"] for f in r.json()["findings"]} == {"error"}


def test_paths_limit_the_report_to_named_files(run, broken_kb):
    r = run("validate", "claims/other.yaml", "--format", "json", cwd=broken_kb)
    files = {f["file"] for f in r.json()["findings"]} - {None}
    assert files == {"claims/other.yaml"}
    assert r.json()["summary"]["files"] == 1


def test_github_format_escapes_and_annotates(run, broken_kb):
    r = run("validate", "--format", "github", cwd=broken_kb)
    lines = [l for l in r.out.splitlines() if l.startswith("::")]
    assert lines and all(re.match(r"^::(error|warning) (file=[^,]+,line=\d+,col=\d+,)?title=[a-z-]+::", l) for l in lines)
    assert any(l.startswith("::error file=claims/mixed.yaml,line=17,col=5,title=duplicate-key::") for l in lines)
    assert all("\n" not in l for l in lines)


def test_human_format_sorted_by_file_and_line(run, broken_kb):
    r = run("validate", cwd=broken_kb)
    locs = [re.match(r"^(\S+?):(\d+):(\d+):", l) for l in r.out.splitlines()]
    keys = [(m.group(1), int(m.group(2)), int(m.group(3))) for m in locs if m]
    assert keys == sorted(keys) and len(keys) > 25
    assert re.search(r"^\d+ errors, \d+ warnings in 7 files checked$", r.out, re.M)


def test_missing_path_is_a_usage_error(run, good_kb):
    r = run("validate", "no/such/file.yaml", cwd=good_kb)
    assert r.code == 2 and "no such file or folder" in r.err


def test_bad_format_option_is_a_usage_error(run, good_kb):
    assert run("validate", "--format", "xml", cwd=good_kb).code == 2


def test_fast_path_and_jsonschema_agree_on_every_fixture_file():
    """The compiled fast path must accept exactly what the 2020-12 validator accepts."""
    import fastjsonschema

    from argmap.load.schema import fast_validator, file_kind, validator
    from argmap.load.yaml_reader import read_document
    from conftest import FIXTURES, REPO

    paths = sorted(FIXTURES.glob("*/claims/*.yaml")) + sorted((REPO / "claims").glob("*.yaml"))
    checked = 0
    for path in paths:
        doc, _ = read_document(path, path.name)
        if doc is None:
            continue
        kind = file_kind(doc)
        slow_ok = not any(True for _ in validator(kind).iter_errors(doc.data))
        try:
            fast_validator(kind)(doc.data)
            fast_ok = True
        except fastjsonschema.JsonSchemaException:
            fast_ok = False
        assert fast_ok == slow_ok, path
        checked += 1
    assert checked >= 10


@pytest.mark.parametrize("text, unhedged, fires", [
    ("Offense is easier than defense.", None, True),
    ("Alice thinks offense is easier than defense.", None, False),  # a hedge in the third person counts
    ("Offense is probably easier than defense.", None, False),
    ("Offense is easier than defense.", "the hedge is about timing, which the claim leaves out", False),
])
def test_hedge_dropped_rule(run, good_kb, text, unhedged, fires):
    path = good_kb / "claims" / "urn.yaml"
    src = path.read_text(encoding="utf-8")
    src = src.replace('quote: "Defense is hard; ... offense is easy."', 'quote: "I think offense is easy."')
    new = f"    text: {text}\n" + (f"    unhedged: {unhedged}\n" if unhedged else "")
    path.write_text(src.replace("    text: Offense is easier than defense.\n", new), encoding="utf-8")
    r = run("validate", "--format", "json", cwd=good_kb)
    hits = [f for f in r.json()["findings"] if f["rule"] == "hedge-dropped"]
    assert bool(hits) is fires, hits
    if fires:
        assert hits[0]["severity"] == "warning" and "“I think”" in hits[0]["message"]


def test_standalone_marks_a_deliberately_unlinked_claim(run, good_kb):
    path = good_kb / "claims" / "serial.yaml"
    unlinked = path.read_text(encoding="utf-8").replace("    kind: fact\n", "    kind: claim\n")
    path.write_text(unlinked, encoding="utf-8")
    assert [f["rule"] for f in run("validate", "--format", "json", cwd=good_kb).json()["findings"]] == ["isolated-claim"]
    path.write_text(unlinked.replace("    kind: claim\n", "    kind: claim\n    standalone: an aside\n"), encoding="utf-8")
    assert run("validate", "--strict", cwd=good_kb).code == 0


def test_might_before_a_date_is_not_a_hedge():
    from argmap.checks.hedges import hedge_in, is_hedged

    assert hedge_in("on Might 18, Leike posted") is None  # the reworded news copy's "May 18"
    assert hedge_in("this might not happen") == "might"
    assert hedge_in("It looks to me like the bottleneck") == "It looks to me"
    assert is_hedged("Soares fails to see how this helps") and not is_hedged("This will not help")


@pytest.mark.parametrize("name", ["urn.yaml", "people.yaml", "sources.yaml", "tags.yaml"])
def test_one_unreadable_file_gives_one_error_not_a_flood(run, good_kb, name):
    # a file others point into stops parsing: references into it are its consequence, not new errors
    path = good_kb / "claims" / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, "\tbroken: [\n")  # a tab cannot indent YAML: a syntax error on line 3
    path.write_text("".join(lines), encoding="utf-8")
    r = run("validate", "--format", "json", cwd=good_kb)
    findings = r.json()["findings"]
    assert r.code == 1
    assert [(f["file"], f["rule"]) for f in findings if f["severity"] == "error"] == [(f"claims/{name}", "yaml-syntax")]
    assert findings[0]["line"] == 3
    assert "not checked" in findings[0]["hint"]


def test_a_real_unknown_reference_is_still_reported_beside_an_unreadable_file(run, good_kb):
    (good_kb / "claims" / "tags.yaml").write_text("tags: [\n", encoding="utf-8")
    urn = good_kb / "claims" / "urn.yaml"
    urn.write_text(urn.read_text(encoding="utf-8").replace("      - supports: more-draws\n", "      - supports: no-such-claim\n", 1),
                   encoding="utf-8")
    rules = {f["rule"] for f in run("validate", "--format", "json", cwd=good_kb).json()["findings"]}
    assert {"yaml-syntax", "unknown-claim"} <= rules


def test_files_read_in_parallel_give_what_one_process_gives(monkeypatch, broken_kb):
    from conftest import REPO

    """A large knowledge base is read by a pool of workers; the result must not depend on it."""
    from argmap.load import project

    def load(folder, root, parallel_from):
        monkeypatch.setattr(project, "PARALLEL_FROM", parallel_from)
        loaded = project.load_folder(folder, root)
        return ([(c.id, c.text, c.loc, [(l.kind, l.target, l.loc) for l in c.links]) for c in loaded.kb.claims],
                [(f.rule, f.loc, f.message) for f in loaded.findings], loaded.files, sorted(loaded.unreadable))

    for folder, root in ((REPO / "claims", REPO), (broken_kb / "claims", broken_kb)):
        assert load(folder, root, 1) == load(folder, root, 10**9)
