"""``argmap fmt``: one canonical layout for every YAML file, without losing a comment or a value.

The layout:
- keys in the order the JSON Schema lists them (id, text, kind, by, ... evidence, links), so
  the schema is the single place that order is written down; keys the schema does not know
  keep their place after the known ones (the validator reports them);
- two-space indentation, list items indented under their key ("claims:\\n  - id: ...");
- prose longer than the line allows (``WIDTH``) folded as a ``>-`` block at word boundaries;
  flow-style entries (``{id: x, title: ...}``) and literal blocks stay as written.

Formatting is a pure function of the text (``format_text``), so running it twice changes
nothing; a rewrite that would change any value is refused.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from ..config import SCHEMA_DIR
from ..load.schema import SPECIAL_FILES
from .roundtrip import WIDTH, EditError, RoundTrip, load_for_edit, same_values
from ..atomic import write_atomic


# --- key order, from the schema ---------------------------------------------------------------

@lru_cache(maxsize=None)
def _schema(kind: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _resolve(node: dict, root: dict) -> dict:
    """Follow ``$ref`` and merge the alternatives of oneOf/anyOf/allOf into one view of the keys."""
    while "$ref" in node:
        ref = node["$ref"]
        target: Any = root
        for part in ref.lstrip("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    merged = dict(node)
    for combinator in ("allOf", "oneOf", "anyOf"):
        for sub in node.get(combinator, ()):
            sub = _resolve(sub, root)
            props = dict(merged.get("properties", {}))
            for key, value in sub.get("properties", {}).items():
                props.setdefault(key, value)
            merged["properties"] = props
            if "items" in sub and "items" not in merged:
                merged["items"] = sub["items"]
    return merged


def _last_slot(node: Any) -> tuple[list, int] | None:
    """Where ruamel keeps the comment that follows ``node`` on the page: the comment slot of
    its deepest last entry (index 2 of a mapping key's slot, index 0 of a list item's)."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node) and not node.fa.flow_style():
        key = next(reversed(node)) if isinstance(node, CommentedMap) else len(node) - 1
        child = node[key]
        if isinstance(child, (CommentedMap, CommentedSeq)) and len(child) and not child.fa.flow_style():
            node = child
            continue
        index = 2 if isinstance(node, CommentedMap) else 0
        slot = node.ca.items.setdefault(key, [None, None, None, None])
        return slot, index
    return None


def _take_trailing(node: Any):
    """Detach the full-line comments that follow ``node`` (an end-of-line comment stays put)."""
    found = _last_slot(node)
    if not found or found[0][found[1]] is None:
        return None
    slot, index = found
    token = slot[index]
    text: str = token.value
    eol, rest = ("", text) if not text.startswith("#") else text.split("\n", 1) if "\n" in text else (text, "")
    if not rest.strip():
        return None
    moved = copy.copy(token)
    moved.value = rest
    if eol:
        token.value = eol + "\n"
    else:
        slot[index] = None
    return moved


def _put_trailing(node: Any, token) -> None:
    found = _last_slot(node)
    if not found:
        return
    slot, index = found
    if slot[index] is None:
        slot[index] = token
    else:
        existing = slot[index].value
        slot[index].value = existing + ("" if existing.endswith("\n") else "\n") + token.value


def _reorder(mapping: CommentedMap, order: list[str]) -> None:
    """Put the keys of ``mapping`` in ``order`` (unknown keys after), keeping their comments.

    ruamel attaches a comment on the lines after a value to the deepest last entry before it,
    so a section comment before the next list item hangs on this mapping's last value. When
    the order changes, that comment is detached first and re-attached to the new last value,
    so it stays where it was on the page.
    """
    keys = list(mapping)
    rank = {k: i for i, k in enumerate(order)}
    wanted = sorted(keys, key=lambda k: (rank.get(k, len(order)), keys.index(k)))
    if wanted == keys:
        return
    trailing = _take_trailing(mapping)
    for key in wanted:
        mapping.move_to_end(key)
    if trailing is not None:
        _put_trailing(mapping, trailing)


# --- folding prose ----------------------------------------------------------------------------

def _foldable(text: str) -> bool:
    return (
        " " in text
        and "\n" not in text
        and text == text.strip()
        and "\t" not in text
        and text.isprintable()
    )


def _fold_positions(text: str, room: int) -> list[int]:
    """Indices of the spaces to break at so that no line is longer than ``room`` (where possible)."""
    breaks: list[int] = []
    start = 0
    last_space = -1
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1 and text[i - 1] != " " and text[i + 1] != " ":
            if i - start > room and last_space > start:
                breaks.append(last_space)
                start = last_space + 1
            last_space = i
    if len(text) - start > room and last_space > start:
        breaks.append(last_space)
    return breaks


def _folded(text: str, room: int) -> FoldedScalarString:
    folded = FoldedScalarString(text)
    folded.fold_pos = _fold_positions(text, room)  # type: ignore[attr-defined]
    return folded


# --- the walk ---------------------------------------------------------------------------------

@dataclass
class _Formatter:
    root_schema: dict

    def node(self, value: Any, schema: dict, column: int) -> Any:
        """Format ``value`` in place; ``column`` is where its mapping keys start on the page."""
        schema = _resolve(schema, self.root_schema) if schema else {}
        if isinstance(value, CommentedMap):
            props = schema.get("properties", {})
            _reorder(value, list(props))
            block = not value.fa.flow_style()
            for key in list(value):
                child = value[key]
                child_schema = props.get(key, {})
                if isinstance(child, (CommentedMap, CommentedSeq)):
                    inner = column + 4 if isinstance(child, CommentedSeq) else column + 2
                    self.node(child, child_schema, inner)
                elif block and isinstance(child, str) and not isinstance(child, LiteralScalarString):
                    value[key] = self.scalar(child, key, column)
        elif isinstance(value, CommentedSeq):
            items = schema.get("items", {})
            for item in value:
                if isinstance(item, (CommentedMap, CommentedSeq)):
                    self.node(item, items, column)
        return value

    @staticmethod
    def scalar(text: str, key: str, column: int) -> str:
        room = WIDTH - (column + 2)
        if isinstance(text, FoldedScalarString):
            return _folded(str(text), room) if _foldable(str(text)) else text
        on_one_line = column + len(key) + 2 + len(text) + 2  # key, ": ", the value and any quotes
        if on_one_line > WIDTH and _foldable(text):
            return _folded(str(text), room)
        return text


def format_entry(entry: CommentedMap, kind: str, list_key: str) -> None:
    """Lay out one new list entry (a claim, a person, ...) as ``fmt`` would, leaving the rest of the file alone."""
    root = _schema(kind)
    listing = _resolve(root, root).get("properties", {}).get(list_key, {})
    _Formatter(root).node(entry, _resolve(listing, root).get("items", {}), 4)


def schema_kind(path: Path) -> str:
    return SPECIAL_FILES.get(path.stem, "claims")


def format_text(doc: RoundTrip, kind: str) -> str:
    """The canonical text of a loaded (and perhaps edited) file.

    Raises EditError if formatting would change a value: the formatted text must hold the
    same data as the document holds before formatting.
    """
    before = doc.dump()
    root = _schema(kind)
    _Formatter(root).node(doc.data, root, 0)
    text = doc.dump()
    if not same_values(before, text):
        raise EditError(f"{doc.path}: formatting would change a value; not rewritten (please report this)")
    return text


@dataclass
class FmtResult:
    path: Path
    changed: bool
    before: str
    after: str


def format_file(path: Path, display: str | None = None, *, write: bool = True) -> FmtResult:
    doc = load_for_edit(path, display)
    after = format_text(doc, schema_kind(path))
    changed = after != doc.original
    if changed and write:
        write_atomic(path, after)
    return FmtResult(path, changed, doc.original, after)
