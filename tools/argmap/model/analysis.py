"""Graph facts about the argument map: cruxes, central claims, open objections, long chains."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .graph import ArgumentGraph
from .kb import LinkKind
from .semantics import Label, Labelling, flatten, grounded, label


class _Forced:
    """The labels a crux recomputation holds fixed: every label outside ``downstream`` as it
    was, and the flipped claim forced; without copying the whole labelling for each claim."""

    def __init__(self, full: dict, downstream: set, claim: str, forced) -> None:
        self.full, self.downstream, self.claim, self.forced = full, downstream, claim, forced

    def __contains__(self, node) -> bool:
        return node == self.claim or (node not in self.downstream and node in self.full)

    def __getitem__(self, node):
        if node == self.claim:
            return self.forced
        if node in self.downstream:
            raise KeyError(node)
        return self.full[node]

    def get(self, node, default=None):
        return self[node] if node in self else default


EXACT_BETWEENNESS = 2000  # claims; above this, betweenness is estimated
BETWEENNESS_SAMPLE = 100  # source claims sampled for the estimate


@dataclass
class Analysis:
    graph: ArgumentGraph
    labelling: Labelling
    central_sample: int | None = None  # set by central(): None exact, else the number of sampled sources

    @classmethod
    def of(cls, ag: ArgumentGraph) -> "Analysis":
        return cls(ag, label(ag))

    def cruxes(self, top: int = 10) -> list[tuple[str, int]]:
        """Claims whose status, if flipped, changes the most other claims' labels.

        Flipping an accepted claim forces it to rejected; flipping a rejected or undecided claim
        forces it to accepted. The grounded labelling of the flattened framework is then
        recomputed for what lies downstream of the claim (nothing else can change).
        """
        fw = flatten(self.graph, self.labelling.attacks)
        full = grounded(fw.graph)
        base = self.labelling.labels
        scores = []
        for claim, current in base.items():
            forced = Label.REJECTED if current is Label.ACCEPTED else Label.ACCEPTED
            # only what the claim reaches through attacks can change
            downstream = nx.descendants(fw.graph, claim) | {claim}
            after = grounded(fw.graph, _Forced(full, downstream, claim, forced), downstream)
            changed = sum(1 for c in downstream if c != claim and c in base and after[c] is not base[c])
            if changed:
                scores.append((claim, changed))
        scores.sort(key=lambda s: (-s[1], s[0]))
        return scores[:top]

    def central(self, top: int = 10) -> list[tuple[str, float]]:
        """Betweenness centrality (Brandes 2001) over links, taken in either direction.

        A claim is central when many of the shortest argumentative paths between other
        claims run through it: it joins threads of argument together.
        """
        g = nx.Graph()
        g.add_nodes_from(self.graph.graph.nodes)
        g.add_edges_from((a, b) for a, b in self.graph.graph.edges())
        for (a, b), us in self.graph.undercuts.items():
            for u in us:
                g.add_edge(u, b)
        if g.number_of_nodes() == 0:
            return []
        n = g.number_of_nodes()
        # exact betweenness is O(nodes x links); past EXACT_BETWEENNESS claims, estimate it from
        # a fixed sample of source claims (Brandes & Pich 2007), seeded so the ranking is stable
        self.central_sample = None if n <= EXACT_BETWEENNESS else BETWEENNESS_SAMPLE
        rank = nx.betweenness_centrality(g, k=self.central_sample, seed=0 if self.central_sample else None)
        return sorted(((c, r) for c, r in rank.items() if r > 0), key=lambda kv: (-kv[1], kv[0]))[:top]

    def unanswered_objections(self) -> list[str]:
        """Claims that rebut or undercut another claim and that nothing rebuts or undercuts."""
        kb = self.graph.kb
        objecting = {l.origin for l in kb.links() if l.kind in (LinkKind.REBUTS, LinkKind.UNDERCUTS)}
        return sorted(c for c in objecting if c in self.graph.graph and not self.graph.attackers_of(c))

    def open_questions(self) -> list[tuple[str, str]]:
        """(questioner, questioned) pairs behind each claim shown as questioned (its reason lists them)."""
        return [(q, c) for c, reason in self.labelling.explanations.items() for q in reason.questions]

    def longest_support_chains(self, top: int = 5) -> list[list[str]]:
        """The longest chains of supports (one per end claim), longest first."""
        support = self.graph.support_graph()
        if not nx.is_directed_acyclic_graph(support):
            support = nx.DiGraph([(a, b) for a, b in support.edges() if a != b])
            support.remove_edges_from([e for c in nx.simple_cycles(support) for e in zip(c, c[1:] + c[:1])])
        best: dict[str, tuple[int, str | None]] = {}
        for node in nx.topological_sort(support):
            preds = [(best[p][0] + 1, p) for p in support.predecessors(node)]
            best[node] = max(preds) if preds else (0, None)
        ends = sorted((v[0], n) for n, v in best.items() if v[0] > 0 and support.out_degree(n) == 0)
        chains = []
        for length, end in sorted(ends, key=lambda e: (-e[0], e[1]))[:top]:
            chain, node = [end], end
            while best[node][1] is not None:
                node = best[node][1]
                chain.append(node)
            chains.append(list(reversed(chain)))
        return chains
