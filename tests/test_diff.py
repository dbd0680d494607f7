"""argmap diff on a real two-commit change in a throwaway git repository."""

from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.org", "PATH": "/usr/bin:/bin", "HOME": str(repo)})


@pytest.fixture
def repo(good_kb):
    git(good_kb, "init", "-q", "-b", "main")
    git(good_kb, "add", "-A")
    git(good_kb, "commit", "-q", "-m", "base")
    return good_kb


REBUTTAL = """\
  - id: offense-not-easy
    text: Offense is not easy.
    kind: claim
    by: the-commenter
    thread: replies
    evidence:
      - {source: urn, quote: "Why would offense be easy, though?"}
    links:
      - rebuts: offense-easy
  - id: regulators-fast-enough
    text: Regulators are fast enough.
    kind: claim
    by: the-commenter
    thread: replies
    evidence:
      - {source: urn, quote: "Why would offense be easy, though?"}
    links:
      - rebuts: regulators-slow
"""


def change(repo):
    urn = repo / "claims" / "urn.yaml"
    text = urn.read_text(encoding="utf-8")
    text = text.replace("    text: Offense is easier than defense.\n", "    text: Offense is much easier than defense.\n")
    urn.write_text(text + REBUTTAL, encoding="utf-8")


def test_two_commits_list_status_changes_including_untouched_claims(run, repo):
    change(repo)
    git(repo, "commit", "-q", "-am", "rebut offense-easy")
    r = run("diff", "HEAD~1", "HEAD", "--format", "json", cwd=repo)
    assert r.code == 0, r.err
    data = r.json()
    assert [c["id"] for c in data["added"]] == ["offense-not-easy", "regulators-fast-enough"]
    assert [(w["id"], w["words"]) for w in data["reworded"]] == [
        ("offense-easy", [["=", "Offense is"], ["+", "much"], ["=", "easier than defense."]])]
    assert {"origin": "offense-not-easy", "target": "offense-easy", "before": None, "after": "rebuts"} in data["links"]
    statuses = {s["id"]: (s["before"], s["after"], s["edited"]) for s in data["statuses"]}
    assert statuses["offense-easy"][1] == "rejected"
    # fewer-projects was not edited: it stood because regulators-slow defeated its attacker;
    # now regulators-slow is rebutted, so the attack on fewer-projects succeeds
    assert statuses["fewer-projects"] == ("accepted", "rejected", False)
    assert statuses["regulation-fixes-racing"][1] == "accepted"


def test_markdown_is_a_pull_request_comment(run, repo):
    change(repo)
    git(repo, "commit", "-q", "-am", "rebut offense-easy")
    out = run("diff", "HEAD~1", "HEAD", cwd=repo).out
    assert out.startswith("### argmap diff: `HEAD~1` → `HEAD`")
    assert "#### Claims whose status changed" in out and "| `offense-easy`" in out
    assert "Offense is **much** easier than defense." in out
    assert "- added: `offense-not-easy` **rebuts** `offense-easy`" in out


def test_default_compares_the_main_branch_with_the_working_tree(run, repo):
    git(repo, "checkout", "-q", "-b", "topic")
    change(repo)  # not committed
    r = run("diff", "--format", "json", cwd=repo)
    assert r.code == 0, r.err
    assert r.json()["head"] == "working tree" and r.json()["added"]


def test_no_change_says_so(run, repo):
    assert "No change" in run("diff", "HEAD", cwd=repo).out


def test_errors_are_messages_not_tracebacks(run, repo, good_kb, tmp_path):
    r = run("diff", "no-such-rev", cwd=repo)
    assert r.code == 1 and "unknown revision 'no-such-rev'" in r.err
    shutil.rmtree(repo / ".git")
    r = run("diff", cwd=repo)
    assert r.code == 1 and "not inside a git repository" in r.err
