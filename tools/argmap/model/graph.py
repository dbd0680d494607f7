"""The argument graph: claims as nodes, supports and rebuttals as edges, undercuts on edges.

Questions and "relates" links are kept beside the graph, not in it: they are not inferences,
so the semantics and the graph measures never see them; the status overlay, the site and the
diagrams read them from ``questions`` and ``relations``.

Built once from a knowledge base and reused by the validator's cycle check, the semantics,
the analyses, the diagrams and the site. Only links whose ends exist are included, so it can
be built from a knowledge base that still has findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from .kb import KnowledgeBase, Link, LinkKind

LinkKey = tuple[str, str]  # (from claim, to claim) of a supports/rebuts link


@dataclass
class ArgumentGraph:
    """``graph`` has one edge per supports/rebuts link (attribute ``kind``, ``link``);
    ``undercuts`` maps a link (from, to) to the claims that undercut it; ``questions`` maps a
    claim to the claims that question it; ``relations`` lists the "relates" links."""

    kb: KnowledgeBase
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    undercuts: dict[LinkKey, list[str]] = field(default_factory=dict)
    undercut_links: list[Link] = field(default_factory=list)
    questions: dict[str, list[str]] = field(default_factory=dict)
    relations: list[Link] = field(default_factory=list)

    @classmethod
    def of(cls, kb: KnowledgeBase) -> "ArgumentGraph":
        ag = cls(kb)
        g = ag.graph
        for claim in kb.claims:
            g.add_node(claim.id)
        for link in kb.links():
            if link.kind is LinkKind.UNDERCUTS or link.target not in kb.claim_by_id or link.target == link.origin:
                continue
            if link.kind is LinkKind.QUESTIONS:
                ag.questions.setdefault(link.target, []).append(link.origin)
            elif link.kind is LinkKind.RELATES:
                ag.relations.append(link)
            else:
                g.add_edge(link.origin, link.target, key=link.kind.value, kind=link.kind, link=link)
        for link in kb.links():
            if link.kind is LinkKind.UNDERCUTS and link.target_link:
                a, b = link.target_link
                if link.origin in kb.claim_by_id and ag.link_kind(a, b) is not None:
                    ag.undercuts.setdefault((a, b), []).append(link.origin)
                    ag.undercut_links.append(link)
        return ag

    def link_kind(self, a: str, b: str) -> LinkKind | None:
        """The kind of the supports/rebuts link a->b (supports wins if both, which validation forbids)."""
        data = self.graph.get_edge_data(a, b) or {}
        if "supports" in data:
            return LinkKind.SUPPORTS
        if "rebuts" in data:
            return LinkKind.REBUTS
        return None

    def edges(self, kind: LinkKind) -> list[LinkKey]:
        return [(a, b) for a, b, k in self.graph.edges(keys=True) if k == kind.value]

    def support_graph(self) -> nx.DiGraph:
        g = nx.DiGraph()
        g.add_nodes_from(self.graph.nodes)
        g.add_edges_from(self.edges(LinkKind.SUPPORTS))
        return g

    def attackers_of(self, claim: str) -> list[str]:
        """Claims that rebut ``claim`` directly, or undercut a link into it."""
        out = [a for a, _, k in self.graph.in_edges(claim, keys=True) if k == "rebuts"]
        out.extend(self._undercutters_into.get(claim, ()))
        return out

    @cached_property
    def _undercutters_into(self) -> dict[str, list[str]]:
        """Undercutters of the links into each claim, in the order ``undercuts`` lists them."""
        into: dict[str, list[str]] = {}
        for (_, b), us in self.undercuts.items():
            into.setdefault(b, []).extend(us)
        return into

    def related(self, claim: str) -> list[Link]:
        """The "relates" links at ``claim``, either end (they are undirected), in file order."""
        return list(self._relations_at.get(claim, ()))

    @cached_property
    def _relations_at(self) -> dict[str, list[Link]]:
        at: dict[str, list[Link]] = {}
        for link in self.relations:
            at.setdefault(link.origin, []).append(link)
            if link.target != link.origin:
                at.setdefault(link.target, []).append(link)
        return at

    def neighbourhood(self, claim: str, depth: int = 1) -> set[str]:
        """Claims within ``depth`` links of ``claim``, either direction, every kind of link included."""
        und = self._undirected
        if claim not in und:
            return {claim}
        return set(nx.single_source_shortest_path_length(und, claim, cutoff=depth))

    # --- indexes, built on first use: per-claim diagrams and pages need the links and claims near one
    # claim, and scanning the whole knowledge base for each would make the site quadratic ----------------

    @cached_property
    def _undirected(self) -> nx.Graph:
        und = nx.Graph()
        und.add_nodes_from(self.graph.nodes)
        und.add_edges_from((a, b) for a, b in self.graph.edges())
        for (a, b), us in self.undercuts.items():
            for u in us:
                und.add_edge(u, a)
                und.add_edge(u, b)
        und.add_edges_from((q, c) for c, qs in self.questions.items() for q in qs)
        und.add_edges_from((l.origin, l.target) for l in self.relations)
        return und

    @cached_property
    def _all_links(self) -> list[Link]:
        return list(self.kb.links())

    @cached_property
    def _link_positions(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Positions in ``kb.links()`` of the links from each claim, and of the links at each claim."""
        out: dict[str, list[int]] = {}
        at: dict[str, list[int]] = {}
        for i, link in enumerate(self._all_links):
            out.setdefault(link.origin, []).append(i)
            at.setdefault(link.origin, []).append(i)
            if link.target != link.origin:
                at.setdefault(link.target, []).append(i)
        return out, at

    @cached_property
    def _claim_positions(self) -> dict[str, list[int]]:
        pos: dict[str, list[int]] = {}
        for i, c in enumerate(self.kb.claims):
            pos.setdefault(c.id, []).append(i)
        return pos

    def links_from(self, ids: set[str]) -> list[Link]:
        """Links whose origin is in ``ids``, in file order (as ``kb.links()`` would yield them)."""
        out = self._link_positions[0]
        return [self._all_links[i] for i in sorted({i for c in ids for i in out.get(c, ())})]

    def links_at(self, ids: set[str]) -> list[Link]:
        """Links with either end in ``ids``, in file order."""
        at = self._link_positions[1]
        return [self._all_links[i] for i in sorted({i for c in ids for i in at.get(c, ())})]

    def claims_in_order(self, ids: set[str]) -> list:
        """The claims with these ids in file order (as a filter over ``kb.claims`` would give them)."""
        pos = self._claim_positions
        return [self.kb.claims[i] for i in sorted(i for c in ids for i in pos.get(c, ()))]
