"""Building the model from parsed documents, tolerating whatever the schema check rejected.

Items that lack the fields the model needs are skipped (the schema findings already say
why); everything else is kept with its positions.
"""

from __future__ import annotations

import re
from typing import Any

from ..model.kb import Claim, Evidence, KnowledgeBase, Link, LinkKind, Person, Source, Tag, Thread, Topic
from .yaml_reader import Document
from .schema import file_kind

UNDERCUT = re.compile(r"^\s*([^\s>-][^\s>]*?)\s*->\s*(\S+)\s*$")


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _strs(value: Any) -> list[str]:
    return [v for v in _list(value) if isinstance(v, str)]


def _at(doc: Document, path: tuple, item: dict) -> dict:
    return {key: doc.loc((*path, key)) for key in item}


def parse_undercut(value: str) -> tuple[str, str] | None:
    m = UNDERCUT.match(value)
    return (m.group(1), m.group(2)) if m else None


def _links(doc: Document, path: tuple, origin: str, raw: Any) -> list[Link]:
    links = []
    for i, item in enumerate(_list(raw)):
        if not isinstance(item, dict):
            continue
        here = (*path, i)
        kinds = [k for k in LinkKind if isinstance(item.get(k.value), str)]
        if len(kinds) != 1:
            continue
        kind = kinds[0]
        value = item[kind.value]
        target_link = None
        if kind is LinkKind.UNDERCUTS:
            target_link = parse_undercut(value)
            if target_link is None:
                continue
            target = target_link[1]
        else:
            target = value
        links.append(
            Link(kind, origin, target, target_link, _str(item.get("note")), doc.loc(here), _at(doc, here, item))
        )
    return links


def _claim(doc: Document, path: tuple, raw: dict, topic: str) -> Claim | None:
    cid, text, by = _str(raw.get("id")), _str(raw.get("text")), _str(raw.get("by"))
    if not cid:
        return None
    credence = raw.get("credence")
    evidence = []
    for j, ev in enumerate(_list(raw.get("evidence"))):
        if isinstance(ev, dict) and _str(ev.get("source")) and _str(ev.get("quote")):
            here = (*path, "evidence", j)
            evidence.append(Evidence(ev["source"], ev["quote"], _str(ev.get("note")), doc.loc(here), _at(doc, here, ev)))
    return Claim(
        id=cid,
        text=text or "",
        kind=_str(raw.get("kind")) or "claim",
        by=by or "",
        topic=topic,
        credence=float(credence) if isinstance(credence, (int, float)) and not isinstance(credence, bool) else None,
        about=_strs(raw.get("about")),
        thread=_str(raw.get("thread")),
        tags=_strs(raw.get("tags")),
        evidence=evidence,
        links=_links(doc, (*path, "links"), cid, raw.get("links")),
        unhedged=_str(raw.get("unhedged")),
        standalone=_str(raw.get("standalone")),
        loc=doc.loc(path),
        at=_at(doc, path, raw),
    )


def _topic_file(doc: Document, kb: KnowledgeBase) -> None:
    data = doc.data if isinstance(doc.data, dict) else {}
    header = data.get("topic") if isinstance(data.get("topic"), dict) else {}
    topic_id = _str(header.get("id")) or doc.path.stem
    threads = [
        Thread(t["id"], _str(t.get("title")) or t["id"], _str(t.get("summary")), doc.loc(("topic", "threads", i)))
        for i, t in enumerate(_list(header.get("threads")))
        if isinstance(t, dict) and _str(t.get("id"))
    ]
    topic = Topic(
        id=topic_id,
        title=_str(header.get("title")) or topic_id,
        summary=_str(header.get("summary")) or "",
        file=doc.display,
        threads=threads,
        loc=doc.loc(("topic",)),
        at=_at(doc, ("topic",), header),
    )
    for i, raw in enumerate(_list(data.get("claims"))):
        if isinstance(raw, dict):
            claim = _claim(doc, ("claims", i), raw, topic_id)
            if claim:
                kb.claims.append(claim)
                topic.claim_ids.append(claim.id)
    kb.topics.append(topic)


def _entries(doc: Document, key: str):
    data = doc.data if isinstance(doc.data, dict) else {}
    for i, raw in enumerate(_list(data.get(key))):
        if isinstance(raw, dict) and _str(raw.get("id")):
            yield (key, i), raw


def build(documents: list[Document]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for doc in documents:
        kind = file_kind(doc)
        if kind == "claims":
            _topic_file(doc, kb)
        elif kind == "sources":
            for path, raw in _entries(doc, "sources"):
                kb.sources.append(
                    Source(
                        id=raw["id"], title=_str(raw.get("title")) or raw["id"], kind=_str(raw.get("kind")) or "post",
                        text=_str(raw.get("text")) or "", author=_str(raw.get("author")), date=_str(raw.get("date")),
                        updated=_str(raw.get("updated")), url=_str(raw.get("url")), site=_str(raw.get("site")),
                        note=_str(raw.get("note")), loc=doc.loc(path), at=_at(doc, path, raw),
                    )
                )
        elif kind == "people":
            for path, raw in _entries(doc, "people"):
                kb.people.append(
                    Person(raw["id"], _str(raw.get("name")), _str(raw.get("role")), _str(raw.get("kind")) or "person",
                           _str(raw.get("description")), doc.loc(path))
                )
        elif kind == "tags":
            for path, raw in _entries(doc, "tags"):
                kb.tags.append(Tag(raw["id"], _str(raw.get("title")) or raw["id"], _str(raw.get("description")), doc.loc(path)))
    kb.reindex()
    return kb
