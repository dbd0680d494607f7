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


def test_deep_nesting_is_a_finding_not_a_recursion_error(tmp_path):
    # libyaml itself stops at 1000 levels; below that the reader must stop, not overflow
    for text in ("- " * 900 + "x\n", "[" * 900 + "]" * 900 + "\n", "".join("  " * i + "k:\n" for i in range(900)) + "  " * 900 + "x\n"):
        doc, findings = read_document(write(tmp_path, text), "f.yaml")
        assert doc is None
        assert [f.rule for f in findings] in (["too-deep"], ["yaml-syntax"])
    doc, findings = read_document(write(tmp_path, "- " * 900 + "x\n"), "f.yaml")
    assert findings[0].rule == "too-deep" and findings[0].loc.line == 1


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    doc, findings = read_document(write(tmp_path, "\n".join(lines) + "\n"), "f.yaml")  # 9^9 values expanded
    assert doc is None and [f.rule for f in findings] == ["alias-bomb"]


def test_a_few_aliases_are_fine(tmp_path):
    doc, findings = read_document(write(tmp_path, "a: &x [1, 2]\nb: *x\nc: *x\n"), "f.yaml")
    assert findings == [] and doc.data == {"a": [1, 2], "b": [1, 2], "c": [1, 2]}


def test_unclosed_quote_is_reported_where_it_opens(tmp_path):
    body = "".join(f"  - id: c{i}\n    text: 'claim {i}'\n" for i in range(40))
    text = "claims:\n  - id: first\n    text: \"an unclosed quote\n" + body + '  - id: last\n    text: "closed"\n'
    doc, findings = read_document(write(tmp_path, text), "f.yaml")
    (f,) = findings
    assert f.rule == "yaml-syntax" and (f.loc.line, f.loc.col) == (3, 11)
    assert "opened at line 3" in f.message and "closing quote" in f.message
    assert "gave up at line" in f.hint


def test_unfinished_token_is_reported_where_it_began(tmp_path):
    doc, findings = read_document(write(tmp_path, "a: 1\nb: 'never closed\n"), "f.yaml")
    (f,) = findings
    assert f.rule == "yaml-syntax" and (f.loc.line, f.loc.col) == (2, 4)
