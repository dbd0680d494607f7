"""``argmap rename OLD NEW``: change an id and every reference to it, in every file.

An id can be a claim's, a person's (or role's), a tag's or a source's; the kind is found from
where OLD is defined. References are the fields the format gives for that kind:

- claim: the links (``supports``, ``rebuts``, ``questions``, ``relates``) and both ends of an
  ``undercuts: a->b``;
- person: ``by``, ``about`` and a source's ``author``;
- tag: ``tags``;
- source: ``evidence[].source``.

Each file is rewritten through the comment-keeping round trip, only if something in it
changed, and only once every file has been read and checked; the values other than the
renamed id are verified unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from ..load.build import parse_undercut
from ..load.project import display_path, yaml_files
from ..model.kb import LinkKind
from .roundtrip import EditError, RoundTrip, load_for_edit, same_values
from ..atomic import write_atomic

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = ("claim", "person", "tag", "source")
# where each kind is defined: (file stem or None for topic files, list key)
DEFINED_IN = {"claim": (None, "claims"), "person": ("people", "people"), "tag": ("tags", "tags"),
              "source": ("sources", "sources")}
SPECIAL = {"people", "tags", "sources"}
LINK_KEYS = tuple(k.value for k in LinkKind if k is not LinkKind.UNDERCUTS)


@dataclass
class Change:
    file: str
    line: int
    what: str  # e.g. "id", "supports", "undercuts", "by"


@dataclass
class RenamePlan:
    old: str
    new: str
    kind: str
    docs: list[tuple[RoundTrip, str]] = field(default_factory=list)  # (document, its new text) to write
    changes: list[Change] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # file:line where prose mentions the old id (not changed)


def _same_style(old: Any, new: str) -> Any:
    """The new value in the old value's quoting style (plain, 'single', "double", folded, ...)."""
    return type(old)(new) if isinstance(old, ScalarString) else new


def _line(container: Any, key: Any) -> int:
    try:
        if isinstance(container, CommentedMap):
            return container.lc.value(key)[0] + 1
        return container.lc.item(key)[0] + 1
    except (KeyError, IndexError, TypeError, AttributeError):
        return 0


def _items(data: Any, key: str) -> Iterator[CommentedMap]:
    if isinstance(data, CommentedMap) and isinstance(data.get(key), CommentedSeq):
        yield from (item for item in data[key] if isinstance(item, CommentedMap))


def _rename_in_list(container: CommentedMap, key: str, old: str, new: str, note: Callable[[int, str], None]) -> None:
    values = container.get(key)
    if isinstance(values, CommentedSeq):
        for i, value in enumerate(values):
            if value == old:
                values[i] = _same_style(value, new)
                note(_line(values, i) or _line(container, key), key)


def _rename_value(container: CommentedMap, key: str, old: str, new: str, note: Callable[[int, str], None]) -> None:
    if container.get(key) == old:
        container[key] = _same_style(container[key], new)
        note(_line(container, key), key)


def _rewrite(doc: RoundTrip, stem: str, kind: str, old: str, new: str, note: Callable[[int, str], None]) -> None:
    data = doc.data
    if kind == "claim" and stem not in SPECIAL:
        for claim in _items(data, "claims"):
            _rename_value(claim, "id", old, new, note)
            for link in _items(claim, "links"):
                for key in LINK_KEYS:
                    _rename_value(link, key, old, new, note)
                raw = link.get("undercuts")
                ends = parse_undercut(raw) if isinstance(raw, str) else None
                if ends and old in ends:
                    a, b = (new if end == old else end for end in ends)
                    link["undercuts"] = _same_style(raw, f"{a}->{b}")
                    note(_line(link, "undercuts"), "undercuts")
    elif kind == "person":
        for claim in _items(data, "claims"):
            _rename_value(claim, "by", old, new, note)
            _rename_in_list(claim, "about", old, new, note)
        for source in _items(data, "sources"):
            _rename_value(source, "author", old, new, note)
        for person in _items(data, "people"):
            _rename_value(person, "id", old, new, note)
    elif kind == "tag":
        for claim in _items(data, "claims"):
            _rename_in_list(claim, "tags", old, new, note)
        for tag in _items(data, "tags"):
            _rename_value(tag, "id", old, new, note)
    elif kind == "source":
        for claim in _items(data, "claims"):
            for ev in _items(claim, "evidence"):
                _rename_value(ev, "source", old, new, note)
        for source in _items(data, "sources"):
            _rename_value(source, "id", old, new, note)


def _defined(docs: list[tuple[Path, RoundTrip]], ident: str) -> list[str]:
    """The kinds of thing ``ident`` is the id of, across the knowledge base."""
    kinds = []
    for kind, (stem, key) in DEFINED_IN.items():
        for path, doc in docs:
            if (stem is None and path.stem not in SPECIAL) or path.stem == stem:
                if any(item.get("id") == ident for item in _items(doc.data, key)):
                    kinds.append(kind)
                    break
    return kinds


def plan_rename(folder: Path, root: Path, old: str, new: str, kind: str | None = None) -> RenamePlan:
    """Work out every change, touching no file; raise EditError if the rename cannot be done safely."""
    if not ID.match(new):
        raise EditError(f"'{new}' is not a valid id: use lower-case letters, digits and single hyphens (e.g. st-my-claim)")
    if old == new:
        raise EditError("the old and new ids are the same")
    docs: list[tuple[Path, RoundTrip]] = []
    for path in yaml_files(folder):
        docs.append((path, load_for_edit(path, display_path(path, root))))  # refuses a file that does not parse
    kinds = _defined(docs, old)
    if kind is not None:
        if kind not in kinds:
            raise EditError(f"no {kind} has the id '{old}'" + (f" (it is a {', '.join(kinds)} id)" if kinds else ""))
        kinds = [kind]
    if not kinds:
        raise EditError(f"no claim, person, tag or source has the id '{old}'")
    if len(kinds) > 1:
        raise EditError(f"'{old}' is the id of a {' and a '.join(kinds)}; say which with --kind")
    kind = kinds[0]
    if kind in _defined(docs, new):
        raise EditError(f"a {kind} with the id '{new}' already exists")
    plan = RenamePlan(old, new, kind)
    for path, doc in docs:
        shown = display_path(path, root)
        before = len(plan.changes)
        _rewrite(doc, path.stem, kind, old, new, lambda line, what: plan.changes.append(Change(shown, line, what)))
        text = doc.original
        if len(plan.changes) > before:
            text = doc.dump()
            if not _only_id_changed(_plain(doc.original), _plain(text), old, new):
                raise EditError(f"{shown}: the rename would change more than the id; not rewritten (please report this)")
            plan.docs.append((doc, text))
        # whatever still says the old id after the rename is prose, or another kind's id
        whole = re.compile(rf"(?<![a-z0-9-]){re.escape(old)}(?![a-z0-9-])")
        plan.mentions.extend(f"{shown}:{n}" for n, line in enumerate(text.splitlines(), 1) if whole.search(line))
    return plan


def _plain(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _only_id_changed(before: Any, after: Any, old: str, new: str) -> bool:
    """Whether ``after`` equals ``before`` except where a value was the old id (or an undercut naming it)."""
    if isinstance(before, dict) and isinstance(after, dict):
        return list(before) == list(after) and all(_only_id_changed(before[k], after[k], old, new) for k in before)
    if isinstance(before, list) and isinstance(after, list):
        return len(before) == len(after) and all(_only_id_changed(a, b, old, new) for a, b in zip(before, after))
    if before == after:
        return True
    if before == old and after == new:
        return True
    ends = parse_undercut(before) if isinstance(before, str) else None
    return bool(ends and old in ends and after == "->".join(new if e == old else e for e in ends))


def apply(plan: RenamePlan) -> None:
    for doc, text in plan.docs:
        write_atomic(doc.path, text)
