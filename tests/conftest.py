from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from argmap.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_TEXTS = REPO.parent / "shared" / "sources"


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def run(capsys, monkeypatch):
    """Run ``argmap ARGS`` in-process from folder ``cwd``; returns code, stdout, stderr."""

    def _run(*args: str, cwd: Path | None = None) -> CliResult:
        monkeypatch.delenv("ARGMAP_TEXTS", raising=False)
        if cwd is not None:
            monkeypatch.chdir(cwd)
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse usage errors and --help/--version
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return _run


@pytest.fixture
def good_kb(tmp_path: Path) -> Path:
    """A writable copy of the good fixture project (its texts folder beside it)."""
    shutil.copytree(FIXTURES / "good", tmp_path / "good")
    shutil.copytree(FIXTURES / "texts", tmp_path / "texts")
    return tmp_path / "good"


@pytest.fixture
def broken_kb(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "broken", tmp_path / "broken")
    shutil.copytree(FIXTURES / "texts", tmp_path / "texts")
    return tmp_path / "broken"
