"""A map read from another tool's format, before it becomes a topic file.

The importers (``load.argdown``, ``load.aif``) fill a ``Draft``; ``edit.import_topic`` gives its
claims ids that are unique in the knowledge base, its speakers people or roles, and writes it.
Keys are the foreign format's own names for things (Argdown titles, AIF node ids); ``losses``
says, in words, everything the importer could not carry over, so nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .kb import LinkKind


@dataclass
class DraftEvidence:
    source: str | None  # None: the quote's source text is not known (a contributor must add it)
    quote: str
    note: str | None = None


@dataclass
class DraftClaim:
    key: str  # the name the other format gives it (an Argdown title, an AIF node id)
    text: str
    kind: str = "claim"
    by: str | None = None  # a person id, a speaker's name, or None (the import's default asserter)
    thread: str | None = None
    tags: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    credence: float | None = None
    evidence: list[DraftEvidence] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # unhedged, standalone: kept as written


@dataclass
class DraftLink:
    kind: str  # supports | rebuts | undercuts | questions | relates
    origin: str  # claim key
    target: str  # claim key (for undercuts: the attacked link's conclusion)
    target_link: tuple[str, str] | None = None  # undercuts: (premise key, conclusion key)
    note: str | None = None

    @property
    def key(self) -> tuple:
        """(kind, origin, target or attacked link): what a note is filed under."""
        return (self.kind, self.origin, self.target_link or self.target)

    @classmethod
    def from_record(cls, origin: str, item: Any) -> "DraftLink | None":
        """A link written as argmap writes it ({kind: target, note}, undercuts as "a->b"); None if it is not one."""
        if not isinstance(item, dict):
            return None
        kind = next((k.value for k in LinkKind if isinstance(item.get(k.value), str)), None)
        if kind is None:
            return None
        value, note = item[kind], item.get("note") if isinstance(item.get("note"), str) else None
        if kind == LinkKind.UNDERCUTS.value and "->" in value:
            premise, conclusion = value.split("->", 1)
            return cls(kind, origin, conclusion, (premise, conclusion), note)
        return cls(kind, origin, value, None, note)


@dataclass
class DraftThread:
    key: str
    title: str


@dataclass
class Draft:
    title: str | None = None
    summary: str | None = None
    claims: list[DraftClaim] = field(default_factory=list)
    links: list[DraftLink] = field(default_factory=list)
    threads: list[DraftThread] = field(default_factory=list)
    speakers: dict[str, str] = field(default_factory=dict)  # speaker key -> display name
    losses: list[str] = field(default_factory=list)

    def claim(self, key: str) -> DraftClaim | None:
        return next((c for c in self.claims if c.key == key), None)

    def add_link(self, link: DraftLink) -> bool:
        """Add ``link`` unless the same one (kind, ends) is there; fill in a missing note."""
        for old in self.links:
            if (old.kind, old.origin, old.target, old.target_link) == (link.kind, link.origin, link.target, link.target_link):
                old.note = old.note or link.note
                return False
        self.links.append(link)
        return True
