"""Reading one YAML file into plain data plus a position index.

PyYAML's C parser (``CSafeLoader``) builds the node tree fast and its nodes keep their
marks; the constructors then throw the marks away. So we compose with the C parser and
turn nodes into plain Python ourselves, recording the 1-based line and column of every
value (and every mapping key) by its path. The same walk detects duplicate keys, which
PyYAML otherwise resolves silently by keeping the last one. ``argmap bench`` measures this
against a plain ``yaml.load``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..findings import Finding, Loc, error

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing: same results, slower
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

PathKey = tuple  # a path into the data: keys and list indices


@dataclass
class Document:
    """One file's data, with where each value and key stands in it."""

    path: Path
    display: str  # the path shown to users (relative to the project root when possible)
    data: Any
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def loc(self, path: PathKey = (), *, key: bool = False) -> Loc:
        """Position of the value (or, with ``key``, the key) at ``path``; else its nearest ancestor's."""
        path = tuple(path)
        if key and path in self.keys:
            return Loc(self.display, *self.keys[path])
        while path not in self.values and path:
            path = path[:-1]
        line, col = self.values.get(path, (1, 1))
        return Loc(self.display, line, col)


_scalar_constructor = yaml.constructor.SafeConstructor()


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Walker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.findings: list[Finding] = []
        self.active: set[int] = set()  # nodes on the current path, to stop recursive aliases

    def value(self, node: yaml.Node, path: PathKey) -> Any:
        self.doc.values[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            value = _scalar_constructor.construct_object(node)
            if isinstance(value, (datetime.date, datetime.datetime)):
                return value.isoformat()  # dates are strings in this format
            return value
        if id(node) in self.active:
            self.findings.append(error("yaml-syntax", "recursive alias", self.doc.loc(path)))
            return None
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
            return self.mapping(node, path)
        finally:
            self.active.discard(id(node))

    def mapping(self, node: yaml.MappingNode, path: PathKey) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            key = self.value(key_node, (*path, "<key>"))
            if isinstance(key, (dict, list)) or key is None:
                self.findings.append(error("yaml-syntax", "a mapping key must be a plain word", Loc(self.doc.display, *_mark(key_node))))
                continue
            key = str(key)
            if key in out:
                first = self.doc.keys[(*path, key)]
                self.findings.append(
                    error(
                        "duplicate-key",
                        f"key '{key}' appears twice in the same mapping; YAML would silently keep only the last",
                        Loc(self.doc.display, *_mark(key_node)),
                        hint=f"the first '{key}' is at line {first[0]}; merge or rename one of them",
                    )
                )
                continue
            self.doc.keys[(*path, key)] = _mark(key_node)
            out[key] = self.value(value_node, (*path, key))
        self.doc.values.pop((*path, "<key>"), None)
        return out


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def read_document(path: Path, display: str) -> tuple[Document | None, list[Finding]]:
    """Parse one file. Returns the document (None if unusable) and the findings."""
    loc = Loc(display)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error("unreadable-file", f"cannot read file: {exc.strerror or exc}", loc)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        return None, [
            error(
                "not-utf8",
                f"file is not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                Loc(display, line, col),
                hint="save the file as UTF-8",
            )
        ]
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, [error("empty-file", "file is empty", loc, hint="remove it, or add its content")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Loc(display, mark.line + 1, mark.column + 1) if mark else loc
        problem = exc.problem or "syntax error"
        context = f" ({exc.context})" if exc.context else ""
        return None, [error("yaml-syntax", f"YAML syntax error: {problem}{context}", where)]
    except yaml.YAMLError as exc:
        return None, [error("yaml-syntax", f"YAML error: {exc}", loc)]
    if node is None:
        return None, [error("empty-file", "file has no YAML content", loc)]
    doc = Document(path=path, display=display, data=None)
    walker = _Walker(doc)
    try:
        doc.data = walker.value(node, ())
    except yaml.YAMLError as exc:  # e.g. a bad !!int tag
        mark = getattr(exc, "problem_mark", None)
        where = Loc(display, mark.line + 1, mark.column + 1) if mark else loc
        return None, [error("yaml-syntax", f"YAML error: {getattr(exc, 'problem', None) or exc}", where)]
    return doc, walker.findings
