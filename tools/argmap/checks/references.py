"""Ids and references: unique ids, and every id a file names exists."""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Iterable, Iterator

from ..findings import Finding, did_you_mean, error
from ..model.kb import LinkKind

if TYPE_CHECKING:
    from . import CheckContext


def _duplicates(items: Iterable, what: str) -> Iterator[Finding]:
    seen: dict[str, list] = defaultdict(list)
    for item in items:
        seen[item.id].append(item)
    for ident, group in seen.items():
        for later in group[1:]:
            first = group[0].loc
            yield error(
                "duplicate-id",
                f"{what} id '{ident}' is already used at {first}",
                later.loc,
                hint=f"ids must be unique; rename one of them (first at {first})",
            )


def _unknown(rule: str, what: str, ref: str, known, loc, extra: str = "") -> Finding:
    return error(rule, f"unknown {what} '{ref}'{extra}", loc, hint=did_you_mean(ref, known) or f"no {what} has this id")


def check(ctx: "CheckContext") -> Iterator[Finding]:
    kb = ctx.kb

    def absent(ref: str, table) -> bool:
        # a reference into a file that could not be read is that file's error, not one of its own
        return ref not in table and ref not in ctx.unreadable_defines

    yield from _duplicates(kb.claims, "claim")
    yield from _duplicates(kb.topics, "topic")
    yield from _duplicates(kb.sources, "source")
    yield from _duplicates(kb.people, "person")
    yield from _duplicates(kb.tags, "tag")
    for topic in kb.topics:
        stem = PurePosixPath(topic.file).stem
        if topic.id != stem:
            yield error("topic-id", f"topic id '{topic.id}' differs from the file name '{stem}'",
                        topic.at.get("id", topic.loc), hint=f"name the file {topic.id}.yaml or set id: {stem}")
        yield from _duplicates(topic.threads, "thread")
    for source in kb.sources:
        if source.author and absent(source.author, kb.person_by_id):
            yield _unknown("unknown-person", "person", source.author, kb.person_by_id, source.at.get("author"))
    threads = {t.id: {th.id for th in t.threads} for t in kb.topics}
    for claim in kb.claims:
        at = claim.at
        if claim.by and absent(claim.by, kb.person_by_id):
            yield _unknown("unknown-person", "person", claim.by, kb.person_by_id, at.get("by"), " in 'by'")
        for i, who in enumerate(claim.about):
            if absent(who, kb.person_by_id):
                yield _unknown("unknown-person", "person", who, kb.person_by_id, at.get("about"), " in 'about'")
        for tag in claim.tags:
            if absent(tag, kb.tag_by_id):
                yield _unknown("unknown-tag", "tag", tag, kb.tag_by_id, at.get("tags"), " (add it to tags.yaml first)")
        if claim.thread and claim.thread not in threads.get(claim.topic, set()):
            yield _unknown("unknown-thread", "thread", claim.thread, threads.get(claim.topic, ()), at.get("thread"),
                           f" (not among topic '{claim.topic}' threads)")
        for ev in claim.evidence:
            if absent(ev.source, kb.source_by_id):
                yield _unknown("unknown-source", "source", ev.source, kb.source_by_id, ev.at.get("source"))
        yield from _link_targets(ctx, claim, absent)


def _link_targets(ctx: "CheckContext", claim, absent) -> Iterator[Finding]:
    kb = ctx.kb
    for link in claim.links:
        where = link.at.get(link.kind.value, link.loc)
        if link.target_link is None:
            if absent(link.target, kb.claim_by_id):
                yield _unknown("unknown-claim", "claim", link.target, kb.claim_by_id, where, f" in '{link.kind.value}'")
            continue
        a, b = link.target_link
        missing = [x for x in (a, b) if absent(x, kb.claim_by_id)]
        for x in missing:
            yield _unknown("unknown-claim", "claim", x, kb.claim_by_id, where, " in 'undercuts'")
        if missing or a not in kb.claim_by_id or b not in kb.claim_by_id:
            continue
        origin = kb.claim_by_id[a]
        arguing = (LinkKind.SUPPORTS, LinkKind.REBUTS)  # a question or relation has no inference to undercut
        if not any(l.target == b and l.kind in arguing for l in origin.links):
            reverse = any(l.target == a and l.kind in arguing for l in kb.claim_by_id[b].links)
            yield error(
                "undercut-target",
                f"'{claim.id}' undercuts the link {a}->{b}, but '{a}' has no supports/rebuts link to '{b}'",
                where,
                hint=f"did you mean '{b}->{a}'?" if reverse else "an undercut attacks an existing link; add the link or fix the ids",
            )
