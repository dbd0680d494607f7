"""The pre-commit hooks, run by the real pre-commit tool in a throwaway repository.

The hooks repository is a clone of this one at HEAD, used the way another project would use it
(``repo:`` + ``rev:`` in its .pre-commit-config.yaml): pre-commit builds an isolated environment
from the package, so a missing dependency or data file fails here, not in someone's commit.
Uncommitted changes are not part of a clone; commit before relying on this test locally.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def sh(*args, cwd: Path, check: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=check,
                          env={**os.environ, **GIT_ENV, **(env or {})})


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory) -> tuple[Path, str]:
    clone = tmp_path_factory.mktemp("hooks") / "argmap"
    sh("git", "clone", "-q", str(REPO), str(clone), cwd=REPO)
    rev = sh("git", "rev-parse", "HEAD", cwd=clone).stdout.strip()
    return clone, rev


@pytest.fixture
def project(tmp_path, hooks_repo) -> Path:
    clone, rev = hooks_repo
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "good", root)
    shutil.copytree(FIXTURES / "texts", tmp_path / "texts")
    config = {"repos": [{"repo": str(clone), "rev": rev, "hooks": [{"id": "argmap-validate"}, {"id": "argmap-fmt"}]}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    sh("git", "init", "-q", "-b", "main", cwd=root)
    sh("git", "add", "-A", cwd=root)
    return root


def pre_commit(root: Path, home: Path) -> subprocess.CompletedProcess:
    # one pre-commit home for the module: the hook environment is built once and reused
    return sh(sys.executable, "-m", "pre_commit", "run", "--all-files", cwd=root, check=False,
              env={"PRE_COMMIT_HOME": str(home)})


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def test_hooks_format_then_pass(project, home):
    first = pre_commit(project, home)
    assert "argmap validate" in first.stdout and "Passed" in first.stdout, first.stdout + first.stderr
    assert first.returncode == 1 and "files were modified by this hook" in first.stdout  # fmt rewrote the fixture
    sh("git", "add", "-A", cwd=project)
    second = pre_commit(project, home)
    assert second.returncode == 0, second.stdout + second.stderr


def test_validate_hook_blocks_a_broken_link(project, home):
    urn = project / "claims" / "urn.yaml"
    urn.write_text(urn.read_text(encoding="utf-8").replace("- supports: fewer-projects", "- supports: fewer-project"),
                   encoding="utf-8")
    sh("git", "add", "-A", cwd=project)
    result = pre_commit(project, home)
    assert result.returncode == 1
    assert "unknown-claim" in result.stdout and "did you mean 'fewer-projects'?" in result.stdout


def test_this_repositorys_own_config_parses():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"] for repo in config["repos"] for h in repo["hooks"]}
    assert {"argmap-validate", "argmap-fmt"} <= hooks
    manifest = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in manifest:
        assert {"id", "name", "entry", "language"} <= hook.keys()
