"""Link sanity: self-links, contradictory or repeated links, circular support, and notes on links
that cross topics (where one text argues about another, the reader needs to be told why)."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterator

import networkx as nx

from ..findings import Finding, error
from ..model.graph import ArgumentGraph
from ..model.kb import LinkKind

if TYPE_CHECKING:
    from . import CheckContext


def check(ctx: "CheckContext") -> Iterator[Finding]:
    kb = ctx.kb
    kinds_by_pair: dict[tuple[str, str], dict[LinkKind, object]] = defaultdict(dict)
    for link in kb.links():
        where = link.at.get(link.kind.value, link.loc)
        if link.target_link is None and link.target == link.origin:
            yield error("self-link", f"claim '{link.origin}' {link.kind.value} itself", where,
                        hint="a link joins two different claims")
            continue
        if link.target_link and link.origin in link.target_link:
            yield error("self-link", f"claim '{link.origin}' undercuts a link it is part of", where)
            continue
        pair = (link.origin, "->".join(link.target_link) if link.target_link else link.target)
        previous = kinds_by_pair[pair].get(link.kind)
        if previous is not None:
            yield error("duplicate-link", f"'{link.describe()}' is stated twice", where,
                        hint=f"the same link is at {previous.loc}; keep one")
            continue
        kinds_by_pair[pair][link.kind] = link
        if link.kind in (LinkKind.SUPPORTS, LinkKind.REBUTS):
            other = LinkKind.REBUTS if link.kind is LinkKind.SUPPORTS else LinkKind.SUPPORTS
            if other in kinds_by_pair[pair]:
                yield error("support-and-rebut", f"'{link.origin}' both supports and rebuts '{link.target}'", where,
                            hint=f"the other link is at {kinds_by_pair[pair][other].loc}; keep the one the text says")
        if link.kind.inferential and not link.note and _crosses_topics(kb, link):
            yield error("cross-topic-note", f"'{link.describe()}' links two topics but has no note", where,
                        hint="add 'note:' saying how one text argues about the other; if neither does, use "
                             "'relates' (with a note) or drop the link")
    yield from _support_cycles(kb)


def _crosses_topics(kb, link) -> bool:
    ends = [kb.claim_by_id.get(c) for c in (link.origin, *(link.target_link or (link.target,)))]
    return all(ends) and len({c.topic for c in ends}) > 1


def _support_cycles(kb) -> Iterator[Finding]:
    """One finding per strongly connected group of claims that support each other in a circle."""
    ag = ArgumentGraph.of(kb)
    support = ag.support_graph()
    for component in nx.strongly_connected_components(support):
        if len(component) < 2:
            continue
        cycle = nx.find_cycle(support.subgraph(component))
        where = {e: ag.graph.edges[e[0], e[1], "supports"]["link"] for e in cycle}
        first = min(cycle, key=lambda e: (where[e].loc, e))
        link = where[first]
        path = " -> ".join([e[0] for e in cycle] + [cycle[0][0]])
        yield error("support-cycle", f"claims support each other in a circle: {path}", link.at.get("supports", link.loc),
                    hint="circular support proves nothing; remove or reverse one of these links")
