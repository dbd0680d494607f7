"""What changed between two versions of the knowledge base, in the map's own terms.

A reviewer of a pull request wants to know which claims were added, removed or reworded,
which links appeared, vanished or changed type, which quotes changed, and above all which
claims now stand or fall differently, including claims nobody edited, whose status moved
because a link elsewhere changed. ``compare`` computes that from two models.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass, field

from .graph import ArgumentGraph
from .kb import Claim, KnowledgeBase, Link
from .semantics import label

CLAIM_FIELDS = ("kind", "by", "topic", "thread")


@dataclass(frozen=True)
class ClaimChange:
    id: str
    text: str
    status: str | None = None  # the status on the side where the claim exists (the new one if both)


@dataclass(frozen=True)
class Reworded:
    id: str
    before: str
    after: str
    words: list[tuple[str, str]]  # (op, text): op is "=", "-" or "+"


@dataclass(frozen=True)
class FieldChange:
    id: str
    field: str
    before: str | None
    after: str | None


@dataclass(frozen=True)
class LinkChange:
    origin: str
    target: str  # a claim id, or "a->b" for an undercut
    before: str | None  # link type before (None: added)
    after: str | None  # link type after (None: removed)


@dataclass(frozen=True)
class QuoteChange:
    claim: str
    source: str
    quote: str
    change: str  # "added" or "removed"


@dataclass(frozen=True)
class StatusChange:
    id: str
    text: str
    before: str
    after: str
    edited: bool  # whether the change touched the claim or a link at it


@dataclass
class ChangeSet:
    added: list[ClaimChange] = field(default_factory=list)
    removed: list[ClaimChange] = field(default_factory=list)
    reworded: list[Reworded] = field(default_factory=list)
    fields: list[FieldChange] = field(default_factory=list)
    links: list[LinkChange] = field(default_factory=list)
    quotes: list[QuoteChange] = field(default_factory=list)
    statuses: list[StatusChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(asdict(self).values())

    def to_dict(self) -> dict:
        return asdict(self)


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """A word-level diff: runs of kept ("="), deleted ("-") and inserted ("+") words."""
    a, b = before.split(), after.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            out.append(("-", " ".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(("+", " ".join(b[j1:j2])))
    return out


def _statuses(kb: KnowledgeBase) -> dict[str, str]:
    return {c: s.value for c, s in label(ArgumentGraph.of(kb)).status.items()}


def _link_target(link: Link) -> str:
    return "->".join(link.target_link) if link.target_link else link.target


def _links(kb: KnowledgeBase) -> dict[tuple[str, str], str]:
    return {(l.origin, _link_target(l)): l.kind.value for l in kb.links()}


def _quotes(claim: Claim) -> set[tuple[str, str]]:
    return {(ev.source, ev.quote) for ev in claim.evidence}


def compare(base: KnowledgeBase, head: KnowledgeBase) -> ChangeSet:
    out = ChangeSet()
    old, new = base.claim_by_id, head.claim_by_id
    status_old, status_new = _statuses(base), _statuses(head)
    touched: set[str] = set()
    for cid in sorted(new.keys() - old.keys()):
        out.added.append(ClaimChange(cid, new[cid].text, status_new.get(cid)))
    for cid in sorted(old.keys() - new.keys()):
        out.removed.append(ClaimChange(cid, old[cid].text, status_old.get(cid)))
    for cid in sorted(old.keys() & new.keys()):
        a, b = old[cid], new[cid]
        if " ".join(a.text.split()) != " ".join(b.text.split()):
            out.reworded.append(Reworded(cid, a.text, b.text, word_diff(a.text, b.text)))
            touched.add(cid)
        for name in CLAIM_FIELDS:
            if getattr(a, name) != getattr(b, name):
                out.fields.append(FieldChange(cid, name, getattr(a, name), getattr(b, name)))
                touched.add(cid)
        qa, qb = _quotes(a), _quotes(b)
        for source, quote in sorted(qb - qa):
            out.quotes.append(QuoteChange(cid, source, quote, "added"))
        for source, quote in sorted(qa - qb):
            out.quotes.append(QuoteChange(cid, source, quote, "removed"))
        if qa != qb:
            touched.add(cid)
    links_old, links_new = _links(base), _links(head)
    for key in sorted(links_old.keys() | links_new.keys()):
        before, after = links_old.get(key), links_new.get(key)
        if before != after:
            out.links.append(LinkChange(key[0], key[1], before, after))
            touched.add(key[0])
            touched.update(key[1].split("->"))
    for cid in sorted(status_old.keys() & status_new.keys()):
        if status_old[cid] != status_new[cid]:
            out.statuses.append(StatusChange(cid, new[cid].text, status_old[cid], status_new[cid], cid in touched))
    return out
