"""Model: the knowledge base as plain dataclasses, and the argument graph built from it."""

from .kb import Claim, Evidence, KnowledgeBase, Link, LinkKind, Person, Source, Tag, Thread, Topic

__all__ = ["Claim", "Evidence", "KnowledgeBase", "Link", "LinkKind", "Person", "Source", "Tag", "Thread", "Topic"]
