"""A plain JSON dump of the model, described by ``schema/export.schema.json``.

For scripts that want the knowledge base without YAML positions or RDF: topics with threads,
claims with evidence and computed status (and its reason in words), links as a flat list
(undercuts with the link they attack), people, sources and tags. Ids are the YAML's.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..model.kb import Link
from .selection import Selection

FORMAT_VERSION = 1


def _link(link: Link) -> dict[str, Any]:
    out: dict[str, Any] = {"type": link.kind.value, "from": link.origin, "to": link.target}
    if link.target_link:
        out["undercuts"] = {"from": link.target_link[0], "to": link.target_link[1]}
    if link.note:
        out["note"] = link.note
    return out


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v not in (None, [], "")}


def to_json(sel: Selection, status: dict[str, str] | None = None, reasons: dict[str, str] | None = None) -> dict[str, Any]:
    kb = sel.kb
    people = {c.by for c in sel.claims} | {a for c in sel.claims for a in c.about}
    sources = {e.source for c in sel.claims for e in c.evidence}
    tags = {t for c in sel.claims for t in c.tags}
    return {
        "format": "argmap-json",
        "version": FORMAT_VERSION,
        "generator": f"argmap {__version__}",
        "scope": "all" if sel.whole else sel.topics[0].id,
        "topics": [_drop_none({"id": t.id, "title": t.title, "summary": t.summary,
                               "threads": [{"id": th.id, "title": th.title} for th in t.threads]}) for t in sel.topics],
        "claims": [_drop_none({
            "id": c.id, "text": c.text, "kind": c.kind, "by": c.by, "topic": c.topic, "thread": c.thread,
            "about": list(c.about), "tags": list(c.tags), "credence": c.credence,
            "evidence": [_drop_none({"source": e.source, "quote": e.quote, "note": e.note}) for e in c.evidence],
            "status": (status or {}).get(c.id), "reason": (reasons or {}).get(c.id),
        }) for c in sel.claims],
        "links": [_link(link) for link in sel.links()],
        "outside_links": [_link(link) for link in sel.outgoing()],
        "people": [_drop_none({"id": p.id, "name": p.name, "role": p.role, "kind": p.kind})
                   for p in kb.people if p.id in people],
        "sources": [_drop_none({"id": s.id, "title": s.title, "kind": s.kind, "author": s.author, "date": s.date, "url": s.url})
                    for s in kb.sources if s.id in sources],
        "tags": [_drop_none({"id": t.id, "title": t.title}) for t in kb.tags if t.id in tags],
    }
