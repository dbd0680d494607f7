"""The GitHub Action and workflows: they parse, have the keys GitHub requires, and the
Action's scripts do their job when run as the runner would run them (with `gh` stubbed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def load(path: Path) -> dict:
    # GitHub reads `on:` as a key; YAML 1.1 (PyYAML) reads it as the boolean true
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_workflow_has_the_keys_github_requires(path):
    flow = load(path)
    assert flow["name"] and flow["on"] and flow["jobs"]
    for job_id, job in flow["jobs"].items():
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", job_id)
        assert "runs-on" in job and job["steps"], job_id
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step  # exactly one of them
            for need in [job.get("needs")] if isinstance(job.get("needs"), str) else job.get("needs") or []:
                assert need in flow["jobs"]


def test_the_workflows_cover_pull_requests_and_pages():
    triggers = {p.name: load(p)["on"] for p in WORKFLOWS}
    assert any("pull_request" in t for t in triggers.values())
    pages = [load(p) for p in WORKFLOWS if "deploy-pages" in p.read_text()]
    assert pages and pages[0]["on"]["push"]["branches"] == ["main"]
    text = "\n".join(p.read_text() for p in WORKFLOWS)
    for command in ("argmap fmt --check", "pytest", "mkdocs build --strict", "uses: ./"):
        assert command in text


def test_action_manifest():
    action = load(REPO / "action.yml")
    assert action["name"] and action["description"]
    assert action["runs"]["using"] == "composite"
    for name, spec in action["inputs"].items():
        assert spec.get("description"), name
    for step in action["runs"]["steps"]:
        assert ("uses" in step) != ("run" in step)
        if "run" in step:
            assert step.get("shell") == "bash"


# --- running the Action's scripts -----------------------------------------------------------

def render(text: str, context: dict[str, str]) -> str:
    """Substitute ${{ ... }} as the runner would, for the expressions action.yml uses."""
    def value(match: re.Match) -> str:
        key = match.group(1).strip()
        if key not in context:
            raise KeyError(f"expression not provided by the test: {key}")
        return context[key]
    return re.sub(r"\$\{\{(.*?)\}\}", value, text)


def run_action(workdir: Path, inputs: dict[str, str], github: dict[str, str], tmp: Path) -> list[subprocess.CompletedProcess]:
    action = load(REPO / "action.yml")
    context = {f"inputs.{k}": v.get("default", "") for k, v in action["inputs"].items()}
    context.update({f"inputs.{k}": v for k, v in inputs.items()})
    context.update({"github.action_path": str(REPO), "github.token": "t0ken", **github})
    bin_dir = tmp / "bin"
    bin_dir.mkdir(exist_ok=True)
    gh = bin_dir / "gh"
    gh.write_text('#!/bin/sh\necho "$@" > "$GH_LOG"\nwhile [ $# -gt 0 ]; do [ "$1" = --body-file ] && cp "$2" "$GH_LOG.body"; shift; done\n')
    gh.chmod(0o755)
    outputs = tmp / "github_output"
    results = []
    for step in action["runs"]["steps"]:
        if "uses" in step or step.get("name") == "Install argmap":  # setup-python and pip: done by the test venv
            continue
        env = {k: render(str(v), context) for k, v in (step.get("env") or {}).items()}
        cwd = workdir / render(step.get("working-directory", "."), context)
        script = render(step["run"], context)
        results.append(subprocess.run(
            ["bash", "-e", "-c", script], cwd=cwd, capture_output=True, text=True,
            # the runner has argmap on PATH after the install step: here, this interpreter's scripts folder
            env={**os.environ, "PATH": f"{bin_dir}:{Path(sys.executable).parent}:{os.environ['PATH']}",
                 "GITHUB_OUTPUT": str(outputs),
                 "GH_LOG": str(tmp / "gh.log"), **env}))
    return results


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e.org"})


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_action_annotates_and_comments_on_a_pull_request(tmp_path):
    origin = tmp_path / "origin.git"
    work = tmp_path / "work"
    shutil.copytree(FIXTURES / "good", work)
    shutil.copytree(FIXTURES / "texts", tmp_path / "texts")
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(origin))
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "base")
    git(work, "remote", "add", "origin", str(origin))
    git(work, "push", "-q", "origin", "main")
    git(work, "checkout", "-q", "-b", "change")
    urn = work / "claims" / "urn.yaml"
    urn.write_text(urn.read_text().replace("- supports: fewer-projects", "- rebuts: fewer-projects"))
    git(work, "commit", "-q", "-am", "retype a link")
    github = {"github.event_name": "pull_request", "github.base_ref": "main", "github.event.pull_request.number": "7"}

    validate, diff = run_action(work, {"diff-comment": "true"}, github, tmp_path)
    assert validate.returncode == 0, validate.stdout + validate.stderr
    assert "0 errors" in validate.stdout
    assert diff.returncode == 0, diff.stdout + diff.stderr
    assert (tmp_path / "gh.log").read_text().split()[:3] == ["pr", "comment", "7"]
    body = (tmp_path / "gh.log.body").read_text()
    assert "retyped: `more-draws` ~~supports~~ **rebuts** `fewer-projects`" in body
    assert "file=" in (tmp_path / "github_output").read_text()

    # a broken link: the validate step fails with a GitHub annotation at the line
    urn.write_text(urn.read_text().replace("- rebuts: fewer-projects", "- rebuts: fewer-project"))
    validate, _ = run_action(work, {}, {**github, "github.event_name": "push"}, tmp_path)
    assert validate.returncode == 1
    assert re.search(r"::error file=claims/urn\.yaml,line=\d+,col=\d+.*unknown-claim", validate.stdout)
