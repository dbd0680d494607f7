"""argmap new: entries with fresh ids, in the right file and place, that validate but for evidence."""

from __future__ import annotations

import io

import yaml


def findings(run, kb):
    return run("validate", "--format", "json", cwd=kb).json()["findings"]


def test_new_claim_from_options(run, good_kb):
    r = run("new", "claim", "--topic", "urn", "--text", "I think regulators could move faster than expected.",
            "--by", "the-commenter", "--thread", "post", "--tag", "risk", cwd=good_kb)
    assert r.code == 0, r.err
    assert "added claim 'regulators-move-faster-expected'" in r.out  # hedges and small words left out of the id
    data = yaml.safe_load((good_kb / "claims" / "urn.yaml").read_text(encoding="utf-8"))
    ids = [c["id"] for c in data["claims"]]
    # placed after the last claim of its thread
    assert ids.index("regulators-move-faster-expected") == ids.index("offense-easy") + 1
    new = data["claims"][ids.index("regulators-move-faster-expected")]
    assert new == {"id": "regulators-move-faster-expected", "text": "I think regulators could move faster than expected.",
                   "kind": "claim", "by": "the-commenter", "thread": "post", "tags": ["risk"], "evidence": []}
    assert "# add {source:" in (good_kb / "claims" / "urn.yaml").read_text(encoding="utf-8")
    # valid but for the evidence (and its links) the contributor still has to add
    mine = {f["rule"] for f in findings(run, good_kb) if f["severity"] == "error"}
    assert mine == set()
    rules = {f["rule"] for f in findings(run, good_kb)}
    assert "no-evidence" in rules


def test_ids_are_unique_and_take_the_topic_prefix(run, good_kb):
    for _ in range(2):
        run("new", "claim", "--topic", "urn", "--text", "Offense is easy.", "--by", "alice", cwd=good_kb)
    text = (good_kb / "claims" / "urn.yaml").read_text(encoding="utf-8")
    assert "id: offense-easy-2\n" in text and "id: offense-easy-3\n" in text
    from argmap.edit.scaffold import id_prefix

    assert id_prefix(["st-a", "st-b", "x"]) == "st-"
    assert id_prefix(["a", "b"]) == ""


def test_new_claim_asks_in_a_terminal(run, good_kb, monkeypatch):
    answers = iter(["urn", "Regulation is slow.", "alice", "", "replies"])
    monkeypatch.setattr("sys.stdin", io.StringIO())
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    r = run("new", "claim", cwd=good_kb)
    assert r.code == 0, r.err
    assert "added claim 'regulation-slow'" in r.out
    claim = next(c for c in yaml.safe_load((good_kb / "claims" / "urn.yaml").read_text())["claims"] if c["id"] == "regulation-slow")
    assert claim["kind"] == "claim" and claim["thread"] == "replies"  # the default kind, the answered thread


def test_new_claim_in_a_script_needs_its_options(run, good_kb, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO())
    r = run("new", "claim", "--topic", "urn", cwd=good_kb)
    assert r.code == 2 and "--text is required" in r.err


def test_new_claim_refusals(run, good_kb):
    before = (good_kb / "claims" / "urn.yaml").read_text(encoding="utf-8")
    cases = [
        (("--topic", "nope", "--text", "x", "--by", "alice"), "no topic 'nope'; topics: serial, urn"),
        (("--topic", "urn", "--text", "x", "--by", "bob"), "no person or role 'bob'"),
        (("--topic", "urn", "--text", "x", "--by", "alice", "--thread", "t"), "no thread 't'"),
        (("--topic", "urn", "--text", "x", "--by", "alice", "--tag", "nope"), "unknown tag(s) nope"),
        (("--topic", "urn", "--text", "x", "--by", "alice", "--id", "more-draws"), "already exists"),
        (("--topic", "urn", "--text", "x", "--by", "alice", "--id", "Bad Id"), "not a valid id"),
    ]
    for args, message in cases:
        r = run("new", "claim", *args, cwd=good_kb)
        assert r.code == 1 and message in r.err, (args, r.err)
    assert (good_kb / "claims" / "urn.yaml").read_text(encoding="utf-8") == before


def test_new_topic_person_and_source(run, good_kb):
    r = run("new", "topic", "--id", "extra", "--title", "Extra", "--summary", "A further text.", cwd=good_kb)
    assert r.code == 0, r.err
    text = (good_kb / "claims" / "extra.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/claims.schema.json\n")
    assert yaml.safe_load(text) == {"topic": {"id": "extra", "title": "Extra", "summary": "A further text."}, "claims": []}
    assert run("new", "topic", "--id", "extra", "--title", "X", "--summary", "Y", cwd=good_kb).code == 1

    r = run("new", "person", "--role", "a reader who objects", cwd=good_kb)
    assert r.code == 0 and "added person 'reader-who-objects'" in r.out
    assert "- {id: reader-who-objects, role: a reader who objects}" in (good_kb / "claims" / "people.yaml").read_text()
    assert run("new", "person", "--id", "x", cwd=good_kb, ).code in (1, 2)  # neither name nor role

    r = run("new", "source", "--id", "extra", "--title", "Extra", "--kind", "post", "--text", "urn.txt", cwd=good_kb)
    assert r.code == 0, r.err
    assert run("new", "source", "--id", "x", "--title", "X", "--kind", "post", "--text", "../x.txt", cwd=good_kb).code == 1
    assert not [f for f in findings(run, good_kb) if f["severity"] == "error"]
