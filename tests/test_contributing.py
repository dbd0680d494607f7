"""CONTRIBUTING.md's walk-through works as written: its `argmap new` command and the YAML it
tells the contributor to fill in give a claim that validates on the shipped knowledge base."""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from conftest import REPO, SHARED_TEXTS

DOC = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not SHARED_TEXTS.is_dir(), reason="the source texts are not beside the repository")
def test_walkthrough_gives_a_valid_claim(run, tmp_path):
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    (tmp_path / "pyproject.toml").write_text(f'[tool.argmap]\ntexts = "{SHARED_TEXTS.as_posix()}"\n', encoding="utf-8")
    block = re.search(r"```sh\n(\.venv/bin/argmap new claim .+?)\n```", DOC, re.S).group(1)
    args = shlex.split(block.replace("\\\n", " "))[1:]
    r = run(*args, cwd=tmp_path)
    assert r.code == 0, r.err
    new_id = re.search(r"added claim '([a-z0-9-]+)'", r.out).group(1)
    assert f"explain {new_id}" in DOC, "the walk-through names the id `argmap new` gives"

    filled = re.search(r"```yaml\n(    evidence:\n.+?)```", DOC, re.S).group(1)
    path = tmp_path / "claims" / "serial-time.yaml"
    text = path.read_text(encoding="utf-8")
    placeholder = re.search(r"    evidence: \[\]  # add .*\n", text).group(0)
    path.write_text(text.replace(placeholder, filled), encoding="utf-8")
    r = run("validate", "--require-texts", "--format", "json", cwd=tmp_path)
    errors = [f for f in r.json()["findings"] if f["severity"] == "error"]
    assert errors == []
    assert run("explain", new_id, cwd=tmp_path).code == 0
