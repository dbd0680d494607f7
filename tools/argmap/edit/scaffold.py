"""``argmap new``: add a claim, topic, source or person, with a fresh id, in the right file and place.

The entry is built from the fields given (the CLI asks for missing ones in a terminal), written
through the comment-keeping round trip, and laid out as ``argmap fmt`` would. A new claim
goes after the last claim of its thread (or at the end of its topic), with ``evidence: []``
and a comment saying what to add there: the only thing left for the contributor.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..load.project import display_path, yaml_files
from .fmt import format_entry, format_text, schema_kind
from .rename import ID
from .roundtrip import EditError, RoundTrip, load_for_edit, roundtrip_yaml
from ..atomic import write_atomic

STOPWORDS = set("""a an the and or but of to in on at for by with from as is are was were be been being it its
this that these those there their they them he she his her we our you your i my me not no so if than then
very more most much many some any can could would should will may might do does did has have had
think thinks seems seem expect expects probably maybe perhaps says said""".split())
SLUG_WORDS = 5
EVIDENCE_HINT = "add {source: SOURCE-ID, quote: the exact words of the text that state it}"


@dataclass
class Added:
    path: Path
    display: str
    id: str
    line: int


def slug(text: str, words: int = SLUG_WORDS) -> str:
    """A short id from a text: its first few meaningful words, ASCII, joined by hyphens."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    tokens = re.findall(r"[a-z0-9]+", plain)
    kept = [t for t in tokens if t not in STOPWORDS] or tokens
    return "-".join(kept[:words]) or "item"


def unique(base: str, taken: set[str]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


class Project:
    """The knowledge-base folder, loaded for editing, with every id in it."""

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder, self.root = folder, root
        self.docs: dict[Path, RoundTrip] = {}
        for path in yaml_files(folder):
            self.docs[path] = load_for_edit(path, display_path(path, root))

    def special(self, stem: str) -> tuple[Path, RoundTrip]:
        for path, doc in self.docs.items():
            if path.stem == stem:
                return path, doc
        raise EditError(f"{display_path(self.folder, self.root)}/{stem}.yaml not found")

    def topic(self, topic_id: str) -> tuple[Path, RoundTrip]:
        for path, doc in self.docs.items():
            if schema_kind(path) == "claims" and isinstance(doc.data, CommentedMap) \
                    and (doc.data.get("topic") or {}).get("id") == topic_id:
                return path, doc
        known = sorted(self.topic_ids())
        raise EditError(f"no topic '{topic_id}'" + (f"; topics: {', '.join(known)}" if known else ""))

    def topic_ids(self) -> list[str]:
        return [doc.data["topic"]["id"] for path, doc in self.docs.items()
                if schema_kind(path) == "claims" and isinstance(doc.data, CommentedMap)
                and isinstance(doc.data.get("topic"), CommentedMap) and "id" in doc.data["topic"]]

    def ids(self, key: str) -> set[str]:
        """Ids of the entries under list ``key`` (claims, people, sources, tags) in every file."""
        out = set()
        for doc in self.docs.values():
            items = doc.data.get(key) if isinstance(doc.data, CommentedMap) else None
            if isinstance(items, list):
                out.update(item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str))
        return out


def _line_of(seq: CommentedSeq, index: int) -> int:
    try:
        return seq.lc.item(index)[0] + 1
    except (KeyError, IndexError, AttributeError):
        return 0


def _write(doc: RoundTrip, entry: CommentedMap, kind: str, list_key: str) -> None:
    """Write ``doc`` with its new ``entry`` laid out canonically; the rest of the file is left as it was."""
    format_entry(entry, kind, list_key)
    write_atomic(doc.path, doc.dump())


def _check_id(ident: str, taken: set[str], what: str) -> None:
    if not ID.match(ident):
        raise EditError(f"'{ident}' is not a valid id: lower-case letters, digits and single hyphens")
    if ident in taken:
        raise EditError(f"a {what} with the id '{ident}' already exists")


def id_prefix(claim_ids: list[str]) -> str:
    """The prefix a topic's claim ids share ('st-', 'pst-'), if most of them share one."""
    heads = Counter(cid.split("-", 1)[0] + "-" for cid in claim_ids if "-" in cid)
    if not heads:
        return ""
    head, count = heads.most_common(1)[0]
    return head if count * 2 > len(claim_ids) else ""


def new_claim(project: Project, topic: str, text: str, kind: str, by: str, *, thread: str | None = None,
              tags: list[str] | None = None, ident: str | None = None) -> Added:
    path, doc = project.topic(topic)
    claims = doc.data.get("claims")
    if not isinstance(claims, CommentedSeq):
        claims = doc.data["claims"] = CommentedSeq()
    taken = project.ids("claims")
    if ident is None:
        existing = [c.get("id") for c in claims if isinstance(c, dict) and isinstance(c.get("id"), str)]
        ident = unique(id_prefix(existing) + slug(text), taken)
    _check_id(ident, taken, "claim")
    if by not in project.ids("people"):
        raise EditError(f"no person or role '{by}' in people.yaml (add one with 'argmap new person')")
    threads = {t.get("id") for t in (doc.data["topic"].get("threads") or []) if isinstance(t, dict)}
    if thread is not None and thread not in threads:
        raise EditError(f"topic '{topic}' has no thread '{thread}'" + (f"; threads: {', '.join(sorted(threads))}" if threads else ""))
    unknown_tags = [t for t in tags or [] if t not in project.ids("tags")]
    if unknown_tags:
        raise EditError(f"unknown tag(s) {', '.join(unknown_tags)} (add them to tags.yaml first)")
    entry = CommentedMap(id=ident, text=text, kind=kind, by=by)
    if thread:
        entry["thread"] = thread
    if tags:
        entry["tags"] = CommentedSeq(tags)
        entry["tags"].fa.set_flow_style()
    evidence = CommentedSeq()
    evidence.fa.set_flow_style()
    entry["evidence"] = evidence
    entry.yaml_add_eol_comment(EVIDENCE_HINT, "evidence")
    position = len(claims)
    if thread:
        same = [i for i, c in enumerate(claims) if isinstance(c, dict) and c.get("thread") == thread]
        if same:
            position = same[-1] + 1
    claims.insert(position, entry)
    _write(doc, entry, "claims", "claims")
    return _added(project, path, ident, "claims")


def _added(project: Project, path: Path, ident: str, key: str) -> Added:
    fresh = load_for_edit(path)
    items = fresh.data.get(key) or []
    index = next((i for i, item in enumerate(items) if isinstance(item, dict) and item.get("id") == ident), 0)
    return Added(path, display_path(path, project.root), ident, _line_of(items, index) if items else 1)


def new_topic(project: Project, ident: str, title: str, summary: str) -> Added:
    _check_id(ident, set(project.topic_ids()), "topic")
    path = project.folder / f"{ident}.yaml"
    if path.exists():
        raise EditError(f"{display_path(path, project.root)} already exists")
    schema = Path("../" * (len(path.relative_to(project.root).parts) - 1)) / "schema" / "claims.schema.json"
    data = CommentedMap(topic=CommentedMap(id=ident, title=title, summary=summary), claims=CommentedSeq())
    data.yaml_set_start_comment(f"yaml-language-server: $schema={schema.as_posix()}")
    doc = RoundTrip(path, "", data)
    text = doc.dump()
    doc = RoundTrip(path, text, roundtrip_yaml().load(text))
    write_atomic(path, format_text(doc, "claims"))
    return Added(path, display_path(path, project.root), ident, 2)


def _append(project: Project, stem: str, entry: dict[str, Any], flow: bool) -> Added:
    path, doc = project.special(stem)
    _check_id(entry["id"], project.ids(stem), {"people": "person", "sources": "source", "tags": "tag"}[stem])
    items = doc.data.get(stem)
    if not isinstance(items, CommentedSeq):
        items = doc.data[stem] = CommentedSeq()
    item = CommentedMap((k, v) for k, v in entry.items() if v is not None)
    if flow:
        item.fa.set_flow_style()
    items.append(item)
    _write(doc, item, stem, stem)
    return _added(project, path, entry["id"], stem)


def new_person(project: Project, ident: str | None, *, name: str | None, role: str | None,
               kind: str | None, description: str | None) -> Added:
    if bool(name) == bool(role):
        raise EditError("give exactly one of --name (a person the text names) or --role (who they are, where it names nobody)")
    ident = ident or unique(slug(name or role or "", 3), project.ids("people"))
    return _append(project, "people", dict(id=ident, name=name, role=role, kind=kind, description=description), flow=True)


def new_source(project: Project, ident: str, *, title: str, kind: str, text: str, url: str | None,
               author: str | None, date: str | None, note: str | None) -> Added:
    if "/" in text or "\\" in text:
        raise EditError("--text is a file name in the texts folder, without folders")
    if author and author not in project.ids("people"):
        raise EditError(f"no person '{author}' in people.yaml")
    entry = dict(id=ident, title=title, author=author, date=date, kind=kind, url=url, text=text, note=note)
    return _append(project, "sources", entry, flow=False)
