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

# An argmap file is about six levels deep; anything far deeper is a mistake or an attack,
# and the walk below is recursive, so refuse it before walking.
MAX_DEPTH = 64
# Aliases let a small file expand to an exponential tree ("billion laughs"). The format needs
# no aliases at all; allow them, but only up to this many nodes once expanded.
MAX_EXPANDED_NODES = 2_000_000


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
_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _TooBig(Exception):
    """The walk stopped at a limit (depth or alias expansion); ``finding`` says where."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding


_STR = "tag:yaml.org,2002:str"


class _Walker:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.findings: list[Finding] = []
        self.active: set[int] = set()  # nodes on the current path, to stop recursive aliases
        self.visited = 0  # values built, counting every use of an aliased node

    def value(self, node: yaml.Node, path: PathKey, depth: int = 1) -> Any:
        mark = node.start_mark
        self.doc.values[path] = (mark.line + 1, mark.column + 1)
        self.visited += 1
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:  # most values: the scalar is the string (what the constructor returns)
                return node.value
            try:
                value = _scalar_constructor.construct_object(node)
            except (ValueError, TypeError, OverflowError) as exc:  # e.g. `!!int xyz`, `!!float 1e999999`
                self.findings.append(error("yaml-syntax", f"the value {node.value!r:.60} does not fit its tag {node.tag}: {exc}",
                                           self.doc.loc(path), hint="remove the !!tag, or fix the value"))
                return None
            if isinstance(value, (datetime.date, datetime.datetime)):
                return value.isoformat()  # dates are strings in this format
            return value
        if node.tag not in _COLLECTION_TAGS:
            # the safe loader never runs a tag's code; say that the tag is not honoured
            self.findings.append(error("yaml-syntax", f"tag {node.tag} is not allowed here", self.doc.loc(path),
                                       hint="argmap files use plain YAML: remove the !tag"))
        if depth > MAX_DEPTH:
            raise _TooBig(error(
                "too-deep",
                f"the data is nested more than {MAX_DEPTH} levels deep here",
                Loc(self.doc.display, *_mark(node)),
                hint="argmap files are a few levels deep (topic > claims > claim > links); look for stray '-' or '['",
            ))
        if self.visited > MAX_EXPANDED_NODES:
            raise _TooBig(error(
                "alias-bomb",
                f"aliases here expand to more than {MAX_EXPANDED_NODES:,} values",
                Loc(self.doc.display, *_mark(node)),
                hint="write the values out instead of repeating anchors (&name / *name)",
            ))
        if id(node) in self.active:
            self.findings.append(error("yaml-syntax", "recursive alias", self.doc.loc(path)))
            return None
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.value(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
            return self.mapping(node, path, depth)
        finally:
            self.active.discard(id(node))

    def mapping(self, node: yaml.MappingNode, path: PathKey, depth: int) -> dict:
        out: dict = {}
        for key_node, value_node in node.value:
            key = self.value(key_node, (*path, "<key>"), depth + 1)
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
            out[key] = self.value(value_node, (*path, key), depth + 1)
        self.doc.values.pop((*path, "<key>"), None)
        return out


def _unclosed_quote(text: str, line: int, col: int) -> tuple[int, int, int] | None:
    """Find a quoted string that probably lost its closing quote before the error at (line, col).

    The scanner pairs the unclosed quote with the next quote mark further down, so the
    parser fails far from the mistake. The sign is the last token before the error: a quoted
    scalar that runs over several lines. Returns (start line, start col, end line), 1-based.
    """
    last = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if (token.start_mark.line + 1, token.start_mark.column + 1) >= (line, col):
                break
            last = token
    except yaml.YAMLError:
        pass
    if (
        isinstance(last, yaml.ScalarToken)
        and last.style in ('"', "'")
        and last.end_mark.line > last.start_mark.line
    ):
        return last.start_mark.line + 1, last.start_mark.column + 1, last.end_mark.line + 1
    return None


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, display: str) -> Finding:
    """A YAML syntax error, placed where the broken construct began when that can be told."""
    problem = exc.problem or "syntax error"
    mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return error("yaml-syntax", f"YAML syntax error: {problem}", Loc(display))
    line, col = mark.line + 1, mark.column + 1
    gave_up = f"the parser gave up at line {line}, column {col}: {problem}"
    quote = _unclosed_quote(text, line, col)
    if quote:
        start_line, start_col, end_line = quote
        return error(
            "yaml-syntax",
            f"a quoted string opened at line {start_line} runs on to line {end_line}: is a closing quote missing?",
            Loc(display, start_line, start_col),
            hint=gave_up,
        )
    context = exc.context or ""
    if exc.context_mark is not None and context.startswith("while scanning") and "plain scalar" not in context:
        # the scanner knows where the token it could not finish began (a quote, a key): that
        # is the mistake. A plain scalar is different: it ended fine, the next line is wrong.
        start = Loc(display, exc.context_mark.line + 1, exc.context_mark.column + 1)
        return error("yaml-syntax", f"YAML syntax error {context}: {problem}", start, hint=gave_up)
    hint = None
    if exc.context_mark is not None and context:
        hint = f"{context} that starts at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
    suffix = f" ({context})" if context else ""
    return error("yaml-syntax", f"YAML syntax error: {problem}{suffix}", Loc(display, line, col), hint=hint)


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
        return None, [_syntax_error(exc, text, display)]
    except yaml.YAMLError as exc:
        return None, [error("yaml-syntax", f"YAML error: {exc}", loc)]
    except RecursionError:  # pragma: no cover - libyaml bounds nesting at 1000 first
        return None, [error("too-deep", "the data is nested too deeply to read", loc)]
    if node is None:
        return None, [error("empty-file", "file has no YAML content", loc)]
    doc = Document(path=path, display=display, data=None)
    walker = _Walker(doc)
    try:
        doc.data = walker.value(node, ())
    except _TooBig as stop:
        return None, [stop.finding]
    except yaml.YAMLError as exc:  # e.g. a bad !!int tag
        mark = getattr(exc, "problem_mark", None)
        where = Loc(display, mark.line + 1, mark.column + 1) if mark else loc
        return None, [error("yaml-syntax", f"YAML error: {getattr(exc, 'problem', None) or exc}", where)]
    return doc, walker.findings
