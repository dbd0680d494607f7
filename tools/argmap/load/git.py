"""Reading the knowledge base as it was at a git revision, for ``argmap diff``.

The files of the claims folder at a revision are copied out with ``git show`` into a
temporary folder laid out like the project, so that the ordinary loader reads them and every
finding names the same paths as in the working tree.
"""

from __future__ import annotations

import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .project import YAML_SUFFIXES, Loaded, load_folder

MAIN_BRANCHES = ("main", "origin/main", "master", "origin/master")


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a revision does not exist."""


def _git(repo: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (argmap diff compares git revisions)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {' '.join(args)} failed")
    return done.stdout


def repo_root(folder: Path) -> Path:
    try:
        return Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except GitError:
        raise GitError(f"{folder} is not inside a git repository") from None


def resolve(repo: Path, revision: str) -> str:
    """The commit a revision names; GitError if there is none."""
    try:
        return _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"unknown revision '{revision}'") from None


def default_base(repo: Path) -> str:
    """The merge base of HEAD with the main branch (the first of main, origin/main, master that exists)."""
    for branch in MAIN_BRANCHES:
        try:
            resolve(repo, branch)
        except GitError:
            continue
        return _git(repo, "merge-base", "HEAD", branch).decode().strip()
    raise GitError("no main branch found (tried " + ", ".join(MAIN_BRANCHES) + "); name a BASE revision")


@contextmanager
def checkout_folder(repo: Path, revision: str, folder: Path) -> Iterator[Path]:
    """The claims ``folder`` as it was at ``revision``, as a temporary project root."""
    commit = resolve(repo, revision)
    relative = folder.resolve().relative_to(repo.resolve()).as_posix()
    names = _git(repo, "ls-tree", "-r", "-z", "--name-only", commit, "--", relative).decode().split("\0")
    with tempfile.TemporaryDirectory(prefix="argmap-diff-") as tmp:
        root = Path(tmp)
        (root / relative).mkdir(parents=True, exist_ok=True)
        for name in names:
            if name and name.endswith(YAML_SUFFIXES):
                target = root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(_git(repo, "show", f"{commit}:{name}"))
        yield root / relative


def load_revision(repo: Path, revision: str, folder: Path, project_root: Path) -> Loaded:
    """Load the knowledge base in ``folder`` as it was at ``revision``; paths shown relative to ``project_root``."""
    with checkout_folder(repo, revision, folder) as tmp_folder:
        tmp_repo = tmp_folder
        for _ in folder.resolve().relative_to(repo.resolve()).parts:
            tmp_repo = tmp_repo.parent
        return load_folder(tmp_folder, tmp_repo / project_root.resolve().relative_to(repo.resolve()))
