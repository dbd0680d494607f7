"""How the argument-graph layers scale: semantics, cruxes, RDF export and SPARQL.

Builds a random knowledge base (seeded) of N claims, each with up to two links (70% supports,
25% rebuts, 5% undercuts of an existing link, always to an earlier claim so supports form no
cycle), and prints the time of each step.

Usage: python benchmarks/bench_graph.py [--claims N ...]
"""

from __future__ import annotations

import argparse
import random
import time

from argmap.export.rdf import to_graph
from argmap.model.analysis import Analysis
from argmap.model.graph import ArgumentGraph
from argmap.model.kb import Claim, KnowledgeBase, Link, LinkKind, Person, Topic
from argmap.model.semantics import label
from argmap.query import named_queries, run_local


def make_kb(n: int, seed: int = 1) -> KnowledgeBase:
    rng = random.Random(seed)
    claims: list[Claim] = []
    links: list[tuple[str, str]] = []
    for i in range(n):
        c = Claim(f"c{i}", f"Claim number {i}.", "claim", "p", f"t{i % 5}")
        for _ in range(rng.randint(0, 2) if i else 0):
            j = rng.randrange(i)
            r = rng.random()
            if r < 0.05 and links:
                a, b = rng.choice(links)
                if c.id not in (a, b):
                    c.links.append(Link(LinkKind.UNDERCUTS, c.id, b, (a, b)))
            elif all(l.target != f"c{j}" for l in c.links):
                kind = LinkKind.SUPPORTS if r < 0.75 else LinkKind.REBUTS
                c.links.append(Link(kind, c.id, f"c{j}"))
                links.append((c.id, f"c{j}"))
        claims.append(c)
    topics = [Topic(f"t{k}", f"Topic {k}", "", f"claims/t{k}.yaml", claim_ids=[c.id for c in claims if c.topic == f"t{k}"])
              for k in range(5)]
    return KnowledgeBase(topics=topics, claims=claims, people=[Person("p", name="P")])


def timed(label_: str, fn):
    start = time.perf_counter()
    out = fn()
    print(f"  {label_:<34} {(time.perf_counter() - start) * 1000:9.0f} ms")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, nargs="+", default=[300, 1000, 3000])
    args = ap.parse_args()
    for n in args.claims:
        kb = make_kb(n)
        print(f"{n} claims, {sum(1 for _ in kb.links())} links")
        ag = timed("argument graph", lambda: ArgumentGraph.of(kb))
        lab = timed("grounded labelling (+ derived attacks)", lambda: label(ag))
        counts = lab.counts()
        print(f"  {'':<34} {counts}")
        analysis = Analysis(ag, lab)
        timed("cruxes (one relabelling per claim)", lambda: analysis.cruxes(10))
        timed("central claims (betweenness)", lambda: analysis.central(10))
        graph = timed("RDF export", lambda: to_graph(kb, "https://example.org/", with_status=False))
        for name in ("cross-topic-links", "unanswered-objections", "most-attacked"):
            timed(f"SPARQL {name}", lambda: run_local(graph, named_queries()[name].text))


if __name__ == "__main__":
    main()
