"""Reading and writing YAML files so that a person's edits survive: comments, quoting and order.

Every command that rewrites a contributor's file (``fmt``, ``rename``, ``new``) goes through
here. It uses ruamel.yaml's round-trip mode (PyYAML would drop comments), refuses a file that
does not parse (saying why, with the validator's own finding), checks that a rewrite keeps
every value, and writes through a temporary file that replaces the original only once it is
complete.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError as RuamelError

from ..load.yaml_reader import read_document

WIDTH = 100  # the line width prose is folded to
INDENT = dict(mapping=2, sequence=4, offset=2)  # "claims:\n  - id: ..." as the files are written


class EditError(Exception):
    """A file cannot be safely rewritten; the message says which and why."""


def roundtrip_yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never let the emitter re-wrap lines itself; folding is decided in fmt
    y.indent(**INDENT)
    return y


@dataclass
class RoundTrip:
    """One file, loaded for editing."""

    path: Path
    original: str
    data: Any

    def dump(self) -> str:
        out = io.StringIO()
        roundtrip_yaml().dump(self.data, out)
        return out.getvalue()


def load_for_edit(path: Path, display: str | None = None) -> RoundTrip:
    """Load ``path`` for rewriting; raise EditError if it cannot be read or does not parse."""
    display = display or str(path)
    doc, findings = read_document(path, display)
    problems = [f for f in findings if f.is_error]
    if doc is None or problems:
        first = problems[0] if problems else None
        where = f"{first.loc}: {first.message}" if first else f"{display}: unreadable"
        raise EditError(f"{where} (not rewritten: fix the file first, or run 'argmap validate')")
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = roundtrip_yaml().load(text)
    except RuamelError as exc:  # pragma: no cover - PyYAML accepted it; ruamel is stricter in rare cases
        raise EditError(f"{display}: cannot be read for editing: {exc}") from None
    return RoundTrip(path, text, data)


def same_values(before: str, after: str) -> bool:
    """Whether two YAML texts hold the same data (comments and layout aside)."""
    load = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(before, Loader=load) == yaml.load(after, Loader=load)


