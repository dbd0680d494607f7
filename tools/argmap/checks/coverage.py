"""Warnings about gaps: claims without evidence or links, sources nobody cites."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, warning

if TYPE_CHECKING:
    from . import CheckContext

STANDALONE_KINDS = {"fact"}  # a reported event may stand on its own


def check(ctx: "CheckContext") -> Iterator[Finding]:
    kb = ctx.kb
    unread = ctx.unreadable_mentions  # a file that could not be read may link to or cite these
    linked: set[str] = set()
    for link in kb.links():
        linked.add(link.origin)
        linked.update(link.target_link or (link.target,))
    cited = {ev.source for c in kb.claims for ev in c.evidence}
    for claim in kb.claims:
        if not claim.evidence:
            yield warning("no-evidence", f"claim '{claim.id}' has no evidence quote", claim.at.get("evidence", claim.loc),
                          hint="add {source, quote} with the words of the text that state it")
        if claim.id not in linked and claim.id not in unread and claim.kind not in STANDALONE_KINDS and not claim.standalone:
            yield warning("isolated-claim", f"claim '{claim.id}' has no links to or from other claims", claim.loc,
                          hint="link it to the claims it bears on, or, if the text ties it to no argument (an aside, "
                               "a caveat), say so with 'standalone: <why>'")
        if claim.standalone and claim.id in linked:
            yield warning("standalone-linked", f"claim '{claim.id}' says why it stands alone, but it is linked",
                          claim.at.get("standalone", claim.loc),
                          hint="'standalone' explains a claim deliberately linked to nothing: remove it, or the links")
    for source in kb.sources:
        if source.id not in cited and source.id not in unread:
            yield warning("uncited-source", f"no claim cites source '{source.id}'", source.loc)
