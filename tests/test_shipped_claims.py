"""The knowledge base this repository ships validates clean."""

import pytest

from conftest import REPO, SHARED_TEXTS


def test_shipped_claims_validate_clean(run):
    args = ["validate", "--strict", "--format", "json"]
    if SHARED_TEXTS.is_dir():
        args.append("--require-texts")
    else:
        pytest.skip(f"source texts not found at {SHARED_TEXTS}; quotes cannot be checked")
    r = run(*args, cwd=REPO)
    assert r.json()["findings"] == []
    assert r.code == 0
