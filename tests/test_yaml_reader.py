from pathlib import Path

from argmap.load.yaml_reader import read_document


def write(tmp_path: Path, text: str | bytes, name: str = "f.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_positions_of_values_and_keys(tmp_path):
    path = write(tmp_path, "a:\n  - x: 1\n    y: [2, 3]\n  - z: 'w'\n")
    doc, findings = read_document(path, "f.yaml")
    assert findings == []
    assert doc.data == {"a": [{"x": 1, "y": [2, 3]}, {"z": "w"}]}
    assert (doc.loc(("a", 0, "y", 1)).line, doc.loc(("a", 0, "y", 1)).col) == (3, 12)
    assert doc.loc(("a", 1, "z"), key=True).line == 4
    assert doc.loc(("a", 1, "z"), key=True).col == 5
    # an unknown path falls back to its nearest known ancestor
    assert doc.loc(("a", 1, "missing")).line == 4


def test_duplicate_key_is_reported_at_the_second_key(tmp_path):
    path = write(tmp_path, "a: 1\nb:\n  c: 1\n  c: 2\n")
    doc, findings = read_document(path, "f.yaml")
    assert [(f.rule, f.loc.line, f.loc.col) for f in findings] == [("duplicate-key", 4, 3)]
    assert "line 3" in findings[0].hint
    assert doc.data["b"] == {"c": 1}


def test_dates_become_iso_strings(tmp_path):
    doc, _ = read_document(write(tmp_path, "date: 2024-05-17\n"), "f.yaml")
    assert doc.data == {"date": "2024-05-17"}


def test_not_utf8_points_at_the_bad_byte(tmp_path):
    path = write(tmp_path, b"a: ok\nb: caf\xe9\n")
    doc, findings = read_document(path, "f.yaml")
    assert doc is None
    assert [(f.rule, f.loc.line, f.loc.col) for f in findings] == [("not-utf8", 2, 7)]


def test_empty_and_comment_only_files(tmp_path):
    for text in ("", "   \n", "# only a comment\n"):
        doc, findings = read_document(write(tmp_path, text), "f.yaml")
        assert doc is None and [f.rule for f in findings] == ["empty-file"]


def test_syntax_error_has_position(tmp_path):
    doc, findings = read_document(write(tmp_path, "a: 1\nb: [1, 2\nc: 3\n"), "f.yaml")
    assert doc is None
    (f,) = findings
    assert f.rule == "yaml-syntax" and f.loc.line == 3


def test_recursive_alias_is_a_finding_not_a_crash(tmp_path):
    doc, findings = read_document(write(tmp_path, "a: &x\n  - *x\n"), "f.yaml")
    assert any(f.rule == "yaml-syntax" for f in findings)


def test_unreadable_path_is_a_finding(tmp_path):
    doc, findings = read_document(tmp_path, "folder.yaml")
    assert doc is None and findings[0].rule == "unreadable-file"
