"""Fuzzing the loader and validator: any input gives findings or a clean result, never a
traceback and never a hang.

Hypothesis drives four kinds of input: random bytes, random YAML structures written with
argmap's own keys (so that they get past the parser into the shape and model checks), random
edits of the shipped files, and hand-picked pathological inputs (deep nesting, huge strings,
alias bombs, other encodings). The budget is fixed by ``FUZZ_EXAMPLES`` (set
``ARGMAP_FUZZ_EXAMPLES`` to search longer); each example must finish within the deadline.
"""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.checks.validate import validate
from argmap.findings import Finding
from argmap.load.yaml_reader import read_document

from conftest import REPO, SHARED_TEXTS

FUZZ_EXAMPLES = int(os.environ.get("ARGMAP_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=timedelta(seconds=10),  # a hang shows up as a deadline failure
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples in every CI run; raise the budget to explore
)

KEYS = ["topic", "claims", "id", "title", "summary", "text", "kind", "by", "about", "tags", "thread",
        "threads", "evidence", "source", "quote", "links", "supports", "rebuts", "undercuts",
        "questions", "relates", "note", "standalone", "unhedged", "people", "sources", "name", "role",
        "author", "date", "url", "credence", "x"]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=30), st.sampled_from(["thesis", "claim", "fact", "a->b", "the-commenter", "urn", "more-draws"]),
)
STRUCTURES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)),
    max_leaves=40,
)


def check_file(tmp_path: Path, name: str, content: bytes) -> list[Finding]:
    """Write one file into a fresh copy-free project folder and validate it."""
    folder = tmp_path / "claims"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(content)
    result = validate(folder, tmp_path, None)
    assert all(isinstance(f, Finding) for f in result.findings)
    return result.findings


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(tmp_path, data):
    check_file(tmp_path, "random.yaml", data)


@FUZZ
@given(STRUCTURES)
def test_random_structures_with_argmap_keys(tmp_path, data):
    check_file(tmp_path, "topic.yaml", yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(st.fixed_dictionaries({"topic": st.dictionaries(st.sampled_from(KEYS), STRUCTURES, max_size=4),
                              "claims": st.lists(st.dictionaries(st.sampled_from(KEYS), STRUCTURES, max_size=8), max_size=6)}))
def test_random_topic_files(tmp_path, data):
    check_file(tmp_path, "topic.yaml", yaml.safe_dump(data, allow_unicode=True).encode("utf-8"))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(REPO / "claims", root / "claims")
    return root


SHIPPED_FILES = sorted(p.name for p in (REPO / "claims").glob("*.yaml"))
EDITS = st.sampled_from(["delete", "insert", "replace", "swap-lines", "truncate"])


@FUZZ
@given(name=st.sampled_from(SHIPPED_FILES), edits=st.lists(st.tuples(EDITS, st.integers(0, 10**9), st.text(max_size=8)), min_size=1, max_size=4))
def test_edits_of_the_shipped_files(shipped, name, edits):
    path = shipped / "claims" / name
    original = path.read_text(encoding="utf-8")
    text = original
    for op, at, chunk in edits:
        i = at % (len(text) + 1)
        if op == "delete":
            text = text[:i] + text[i + len(chunk) + 1:]
        elif op == "insert":
            text = text[:i] + chunk + text[i:]
        elif op == "replace":
            text = text[:i] + chunk + text[i + len(chunk):]
        elif op == "swap-lines":
            lines = text.splitlines(keepends=True)
            if len(lines) > 1:
                j = at % (len(lines) - 1)
                lines[j], lines[j + 1] = lines[j + 1], lines[j]
                text = "".join(lines)
        else:
            text = text[:i]
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = validate(shipped / "claims", shipped, SHARED_TEXTS if SHARED_TEXTS.is_dir() else None)
        assert all(isinstance(f, Finding) for f in result.findings)
    finally:
        path.write_text(original, encoding="utf-8")


ALIAS_BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"] + [
    f"{n}: &{n} [" + ", ".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi")
]) + "\n"

PATHOLOGICAL = {
    "deep block sequence": ("- " * 990 + "x\n").encode(),
    "deep flow sequence": ("[" * 990 + "]" * 990 + "\n").encode(),
    "deep flow past libyaml's limit": ("[" * 5000 + "\n").encode(),
    "deep mapping": ("".join("  " * i + "k:\n" for i in range(990)) + "  " * 990 + "x\n").encode(),
    "alias bomb": ALIAS_BOMB.encode(),
    "recursive alias": b"a: &x\n  - *x\n",
    "huge string": b"topic: {id: t, title: '" + b"x" * 5_000_000 + b"'}\n",
    "huge quote": b"topic: {id: t, title: T}\nclaims:\n  - {id: c, text: C, kind: claim, evidence: [{source: s, quote: '"
                  + b"y" * 1_000_000 + b"'}]}\n",
    "utf-16": "topic: {id: t, title: Tée}\n".encode("utf-16"),
    "latin-1": "topic: {id: t, title: Tée}\n".encode("latin-1"),
    "nul bytes": b"topic: {id: t\x00, title: T}\n",
    "python tag": b"!!python/object/apply:os.system ['echo pwned']\n",
    "bad int tag": b"a: !!int xyz\n",
    "many documents": b"a: 1\n---\nb: 2\n",
    "only a scalar": b"just words\n",
    "mapping keys that are lists": b"? [a, b]\n: c\n",
    "many keys": b"".join(b"k%d: %d\n" % (i, i) for i in range(100_000)),
}


@pytest.mark.parametrize("content", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_inputs(tmp_path, content):
    findings = check_file(tmp_path, "bad.yaml", content)
    assert findings, "a broken file must be reported"


def test_yaml_is_only_loaded_safely(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "x.yaml"
    path.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    doc, findings = read_document(path, "x.yaml")
    assert [f.rule for f in findings] == ["yaml-syntax"] and "not allowed" in findings[0].message
    assert not marker.exists()


def test_source_paths_cannot_leave_the_texts_folder(tmp_path):
    from argmap.load.texts import TextStore

    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "a.txt").write_text("inside", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    store = TextStore(texts)
    assert store.get("a.txt") is not None
    for name in ("../secret.txt", str(tmp_path / "secret.txt"), "..", "."):
        assert store.get(name) is None, name
