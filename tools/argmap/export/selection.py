"""Which claims and links an interchange export covers: the whole knowledge base or one topic.

Every interchange format (Argdown, AIF, GraphML, JSON) draws the links whose two ends are both
in the export. A link that leaves a one-topic export (a cross-topic link) has no node to point
at; each format says what it does with those (``Selection.outgoing``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model.kb import Claim, KnowledgeBase, Link, LinkKind, Topic


class UnknownTopic(ValueError):
    """The export was asked for a topic the knowledge base does not have."""


@dataclass
class Selection:
    kb: KnowledgeBase
    topics: list[Topic]
    claims: list[Claim]
    ids: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, kb: KnowledgeBase, topic: str | None = None) -> "Selection":
        if topic is None:
            topics = list(kb.topics)
        elif topic in kb.topic_by_id:
            topics = [kb.topic_by_id[topic]]
        else:
            known = ", ".join(t.id for t in kb.topics)
            raise UnknownTopic(f"no topic '{topic}'" + (f"; topics: {known}" if known else ""))
        claims = [c for t in topics for c in kb.claims_of(t.id)]
        return cls(kb, topics, claims, {c.id for c in claims})

    @property
    def whole(self) -> bool:
        return len(self.topics) == len(self.kb.topics)

    def inside(self, link: Link) -> bool:
        """Both ends of ``link`` (for an undercut: the undercutter and both ends of its target) are here."""
        ends = {link.origin, link.target, *(link.target_link or ())}
        return ends <= self.ids

    def links(self, kinds: tuple[LinkKind, ...] = tuple(LinkKind)) -> list[Link]:
        """The links drawn in this export, in file order."""
        return [link for c in self.claims for link in c.links if link.kind in kinds and self.inside(link)]

    def outgoing(self) -> list[Link]:
        """Links from a claim here to a claim outside (only a one-topic export has them)."""
        return [link for c in self.claims for link in c.links if not self.inside(link)]

    def counts(self) -> dict[str, int]:
        out = {kind.value: 0 for kind in LinkKind}
        for link in self.links():
            out[link.kind.value] += 1
        return out


def link_record(link: Link) -> dict[str, Any]:
    """A link as plain data: {kind: target, note}, the way the YAML writes it."""
    target = "->".join(link.target_link) if link.target_link else link.target
    out: dict[str, Any] = {link.kind.value: target}
    if link.note:
        out["note"] = " ".join(link.note.split())
    return out


def claim_record(claim: Claim) -> dict[str, Any]:
    """What a format without fields of its own for them keeps of a claim: kind, asserter, thread,
    evidence, every outgoing link with its note."""
    out: dict[str, Any] = {"kind": claim.kind, "by": claim.by}
    if claim.thread:
        out["thread"] = claim.thread
    if claim.about:
        out["about"] = list(claim.about)
    if claim.credence is not None:
        out["credence"] = claim.credence
    for key in ("unhedged", "standalone"):
        if getattr(claim, key):
            out[key] = " ".join(getattr(claim, key).split())
    if claim.evidence:
        out["evidence"] = [
            {"source": e.source, "quote": " ".join(e.quote.split()), **({"note": " ".join(e.note.split())} if e.note else {})}
            for e in claim.evidence
        ]
    if claim.links:
        out["links"] = [link_record(link) for link in claim.links]
    return out
