"""argmap rename: an id and every reference to it, comments kept, nothing half-done."""

from __future__ import annotations

import yaml


def read(kb, name):
    return (kb / "claims" / name).read_text(encoding="utf-8")


def test_rename_claim_updates_links_and_undercuts(run, good_kb):
    r = run("rename", "more-draws", "many-draws", cwd=good_kb)
    assert r.code == 0, r.err
    urn = read(good_kb, "urn.yaml")
    assert "  - id: many-draws\n" in urn
    assert "      - supports: many-draws\n" in urn
    assert "      - undercuts: offense-easy->many-draws\n" in urn
    assert "more-draws" not in urn
    assert "relates: many-draws" in read(good_kb, "serial.yaml")  # a link from another file
    assert "# yaml-language-server" in urn  # comments kept
    assert "the knowledge base validates" in r.err
    assert "urn.yaml" in r.out and "serial.yaml" in r.out  # every change is listed
    assert run("validate", "--require-texts", "--strict", cwd=good_kb).code == 0


def test_rename_keeps_everything_else(run, good_kb):
    before = {n: yaml.safe_load(read(good_kb, n)) for n in ("urn.yaml", "serial.yaml")}
    run("rename", "fewer-projects", "fewer-agi-projects", cwd=good_kb)
    after = {n: yaml.safe_load(read(good_kb, n)) for n in ("urn.yaml", "serial.yaml")}
    as_text = yaml.safe_dump(before).replace("fewer-projects", "fewer-agi-projects")
    assert yaml.safe_dump(after) == as_text


def test_rename_person_tag_and_source(run, good_kb):
    assert run("rename", "alice", "alice-b", cwd=good_kb).code == 0
    assert "by: alice-b" in read(good_kb, "urn.yaml") and "id: alice-b" in read(good_kb, "people.yaml")
    assert run("rename", "governance", "policy", cwd=good_kb).code == 0
    assert "tags: [policy]" in read(good_kb, "urn.yaml")
    r = run("rename", "urn", "urn-post", "--kind", "source", cwd=good_kb)
    assert r.code == 0, r.out + r.err
    assert "source: urn-post" in read(good_kb, "urn.yaml") and "id: urn-post" in read(good_kb, "sources.yaml")
    assert "  id: urn\n" in read(good_kb, "urn.yaml")  # the topic of the same name is another thing
    assert run("validate", "--require-texts", "--strict", cwd=good_kb).code == 0


def test_dry_run_writes_nothing(run, good_kb):
    before = read(good_kb, "urn.yaml")
    r = run("rename", "more-draws", "many-draws", "--dry-run", cwd=good_kb)
    assert r.code == 0 and "would rename claim" in r.err
    assert read(good_kb, "urn.yaml") == before


def test_refusals_change_nothing(run, good_kb):
    before = {p.name: p.read_text(encoding="utf-8") for p in (good_kb / "claims").iterdir()}
    cases = [
        (("no-such-claim", "x"), "no claim, person, tag or source"),
        (("more-draws", "fewer-projects"), "already exists"),
        (("more-draws", "Not An Id"), "not a valid id"),
        (("more-draws", "more-draws"), "the same"),
        (("urn", "u", "--kind", "tag"), "no tag has the id 'urn'"),
    ]
    for args, message in cases:
        r = run("rename", *args, cwd=good_kb)
        assert r.code == 1 and message in r.err, (args, r.err)
    (good_kb / "claims" / "serial.yaml").write_text("topic: [\n", encoding="utf-8")
    r = run("rename", "more-draws", "many-draws", cwd=good_kb)
    assert r.code == 1 and "serial.yaml" in r.err and "not rewritten" in r.err
    assert read(good_kb, "urn.yaml") == before["urn.yaml"]  # all or nothing
