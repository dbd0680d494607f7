"""The knowledge base as plain data.

Every object keeps ``loc`` (where it starts in its file) and ``at`` (where each of its
fields stands), so that checks can point at the exact line and column of a problem.
The model is built tolerantly from whatever parsed: the validator reports what is wrong,
and everything else (exports, the site) runs on a knowledge base that validated clean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Iterator

from ..findings import Loc

CLAIM_KINDS = ("thesis", "claim", "fact", "estimate", "proposal")


class LinkKind(str, Enum):
    SUPPORTS = "supports"
    REBUTS = "rebuts"
    UNDERCUTS = "undercuts"
    QUESTIONS = "questions"  # a request for reasons: no argument, so no attack
    RELATES = "relates"  # the texts meet here; neither argues about the other

    @property
    def inferential(self) -> bool:
        """True for the links the semantics reads (supports, rebuts, undercuts)."""
        return self in (LinkKind.SUPPORTS, LinkKind.REBUTS, LinkKind.UNDERCUTS)


@dataclass
class Evidence:
    source: str
    quote: str
    note: str | None = None
    loc: Loc | None = field(default=None, compare=False)
    at: dict[str, Loc] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Link:
    """A link from claim ``origin`` to claim ``target``, or (undercuts) to the link ``target_link``."""

    kind: LinkKind
    origin: str
    target: str  # claim id; for undercuts, the target link's conclusion
    target_link: tuple[str, str] | None = None  # undercuts: (from, to) of the attacked link
    note: str | None = None
    loc: Loc | None = field(default=None, compare=False)
    at: dict[str, Loc] = field(default_factory=dict, repr=False, compare=False)

    @property
    def key(self) -> tuple:
        return (self.kind.value, self.origin, self.target_link or self.target)

    def describe(self) -> str:
        if self.target_link:
            return f"{self.origin} undercuts {self.target_link[0]}->{self.target_link[1]}"
        return f"{self.origin} {self.kind.value} {self.target}"


@dataclass
class Claim:
    id: str
    text: str
    kind: str
    by: str
    topic: str
    credence: float | None = None
    about: list[str] = field(default_factory=list)
    thread: str | None = None
    tags: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    unhedged: str | None = None  # why the text states flatly what a quote hedges (silences hedge-dropped)
    standalone: str | None = None  # why the claim is deliberately unlinked (an aside, a caveat; silences isolated-claim)
    loc: Loc | None = field(default=None, compare=False)
    at: dict[str, Loc] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Thread:
    id: str
    title: str
    summary: str | None = None
    loc: Loc | None = field(default=None, compare=False)


@dataclass
class Topic:
    id: str
    title: str
    summary: str
    file: str
    threads: list[Thread] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    loc: Loc | None = field(default=None, compare=False)
    at: dict[str, Loc] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Source:
    id: str
    title: str
    kind: str
    text: str
    author: str | None = None
    date: str | None = None
    updated: str | None = None
    url: str | None = None
    site: str | None = None
    note: str | None = None
    loc: Loc | None = field(default=None, compare=False)
    at: dict[str, Loc] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Person:
    id: str
    name: str | None = None
    role: str | None = None
    kind: str = "person"
    description: str | None = None
    loc: Loc | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return self.name or self.role or self.id


@dataclass
class Tag:
    id: str
    title: str
    description: str | None = None
    loc: Loc | None = field(default=None, compare=False)


@dataclass
class KnowledgeBase:
    """All topics, claims, sources, people and tags.

    Lists keep every entry as written (duplicates included, so checks can name both
    places); the ``*_by_id`` maps keep the first of each id.
    """

    topics: list[Topic] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self.claim_by_id: dict[str, Claim] = {}
        self._by_topic: dict[str, list[Claim]] = {}
        for c in self.claims:
            self.claim_by_id.setdefault(c.id, c)
            self._by_topic.setdefault(c.topic, []).append(c)
        self.topic_by_id = _first_by_id(self.topics)
        self.source_by_id = _first_by_id(self.sources)
        self.person_by_id = _first_by_id(self.people)
        self.tag_by_id = _first_by_id(self.tags)

    def links(self) -> Iterator[Link]:
        for claim in self.claims:
            yield from claim.links

    def claims_of(self, topic: str) -> list[Claim]:
        """The claims of one topic in file order (indexed by ``reindex``: a loop over thousands of
        topics must not scan every claim for each)."""
        return list(self._by_topic.get(topic, ()))


def _first_by_id(items) -> dict:
    out: dict = {}
    for item in items:
        out.setdefault(item.id, item)
    return out
