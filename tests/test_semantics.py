"""The semantics against textbook frameworks whose labellings are known."""

from __future__ import annotations

import networkx as nx
import pytest

from argmap.model.graph import ArgumentGraph
from argmap.model.kb import Claim, KnowledgeBase, Link, LinkKind
from argmap.model.semantics import Label, Status, grounded, label, preferred_extensions

IN, OUT, UNDEC = Label.ACCEPTED, Label.REJECTED, Label.UNDECIDED


def af(edges: str, extra: str = "") -> nx.DiGraph:
    """'a>b b>c' -> a Dung framework where a attacks b and b attacks c."""
    g = nx.DiGraph()
    g.add_nodes_from(extra.split())
    g.add_edges_from(tuple(e.split(">")) for e in edges.split())
    return g


def kb(spec: str, extra: str = "") -> ArgumentGraph:
    """'a supports b; c rebuts b; u undercuts a->b' -> an argument graph."""
    claims: dict[str, Claim] = {}

    def claim(cid: str) -> Claim:
        return claims.setdefault(cid, Claim(cid, cid, "claim", "p", "t"))

    for cid in extra.split():
        claim(cid)
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        origin, kind, target = part.split()
        if kind == "undercuts":
            a, b = target.split("->")
            claim(origin).links.append(Link(LinkKind.UNDERCUTS, origin, b, (a, b)))
        else:
            claim(target)
            claim(origin).links.append(Link(LinkKind(kind), origin, target))
    return ArgumentGraph.of(KnowledgeBase(claims=list(claims.values())))


@pytest.mark.parametrize(
    "edges,expected",
    [
        ("a>b b>c", {"a": IN, "b": OUT, "c": IN}),  # reinstatement
        ("a>b b>c c>d", {"a": IN, "b": OUT, "c": IN, "d": OUT}),
        ("a>b b>a", {"a": UNDEC, "b": UNDEC}),  # mutual attack
        ("a>b b>c c>a", {"a": UNDEC, "b": UNDEC, "c": UNDEC}),  # odd cycle
        ("a>a a>b", {"a": UNDEC, "b": UNDEC}),  # self-attack
        ("a>b b>a b>c c>d", {"a": UNDEC, "b": UNDEC, "c": UNDEC, "d": UNDEC}),
        ("a>b c>b", {"a": IN, "c": IN, "b": OUT}),
    ],
)
def test_grounded_labelling_of_textbook_frameworks(edges, expected):
    assert grounded(af(edges)) == expected


def test_unattacked_isolated_argument_is_in():
    assert grounded(af("", "x")) == {"x": IN}


def test_preferred_extensions_of_a_mutual_attack():
    g = af("a>b b>a")
    assert sorted(map(sorted, preferred_extensions(g, grounded(g)))) == [["a"], ["b"]]


def test_preferred_extensions_of_an_odd_cycle_is_only_the_empty_set():
    g = af("a>b b>c c>a")
    assert preferred_extensions(g, grounded(g)) == [frozenset()]


def test_floating_reinstatement_differs_between_grounded_and_preferred():
    # a and b attack each other and both attack c; c attacks d (Prakken & Vreeswijk's example):
    # grounded leaves everything undecided, every preferred extension contains d.
    g = af("a>b b>a a>c b>c c>d")
    ground = grounded(g)
    assert set(ground.values()) == {UNDEC}
    exts = preferred_extensions(g, ground)
    assert sorted(map(sorted, exts)) == [["a", "d"], ["b", "d"]]


def test_preferred_extensions_include_the_grounded_extension():
    g = af("x>y a>b b>a")
    exts = preferred_extensions(g, grounded(g))
    assert sorted(map(sorted, exts)) == [["a", "x"], ["b", "x"]]


def test_plain_rebuttal_rejects_its_target_and_explains():
    lab = label(kb("o rebuts t"))
    assert lab.labels == {"o": IN, "t": OUT}
    assert lab.reasons["t"] == "Rejected: o stands and rebuts it."
    assert lab.reasons["o"] == "Stands: nothing attacks it."


def test_rebuttal_that_is_itself_rebutted_reinstates():
    lab = label(kb("o rebuts t; r rebuts o"))
    assert lab.labels == {"o": OUT, "t": IN, "r": IN}
    assert lab.reasons["t"] == "Stands: every attack on it fails. o, itself rejected, rebuts it."


def test_supported_attack():
    # a supports b, b rebuts c: a attacks c (Cayrol & Lagasquie-Schiex 2005, supported attack)
    lab = label(kb("a supports b; b rebuts c"))
    kinds = {(x.attacker, x.target, x.kind) for x in lab.attacks}
    assert ("a", "c", "supported") in kinds and ("b", "c", "rebuts") in kinds
    assert lab.labels["c"] is OUT


def test_secondary_attack():
    # a rebuts b, b supports c: a attacks c (secondary attack)
    lab = label(kb("a rebuts b; b supports c"))
    assert ("a", "c", "secondary") in {(x.attacker, x.target, x.kind) for x in lab.attacks}
    assert lab.labels == {"a": IN, "b": OUT, "c": OUT}
    assert lab.reasons["c"] == "Rejected: a stands and rebuts b, which it rests on."


def test_support_alone_changes_nothing():
    assert set(label(kb("a supports b; b supports c")).labels.values()) == {IN}


def test_undercut_blocks_a_rebuttal():
    lab = label(kb("o rebuts t; u undercuts o->t"))
    assert lab.labels == {"o": IN, "t": IN, "u": IN}
    assert lab.reasons["t"] == "Stands: every attack on it fails. The attack from o is undercut."


def test_undercut_that_is_rebutted_lets_the_rebuttal_through():
    lab = label(kb("o rebuts t; u undercuts o->t; r rebuts u"))
    assert lab.labels == {"o": IN, "t": OUT, "u": OUT, "r": IN}


def test_undercut_support_blocks_the_attacks_derived_through_it():
    # a supports b, b rebuts c gives a supported attack a->c; undercutting a->b removes it,
    # while b's own rebuttal stands; undercutting b->c as well frees c.
    lab = label(kb("a supports b; b rebuts c; u undercuts a->b; v undercuts b->c"))
    assert lab.labels["c"] is IN
    assert lab.reasons["c"] == ("Stands: every attack on it fails. The attack from b is undercut. "
                                "The attack from a is undercut.")


def test_mutual_rebuttal_is_undecided_with_preferred_information():
    lab = label(kb("a rebuts b; b rebuts a; b rebuts c"))
    assert lab.labels == {"a": UNDEC, "b": UNDEC, "c": UNDEC}
    assert lab.preferred_count == 2
    assert lab.preferred == {"a": "some", "b": "some", "c": "some"}
    assert lab.reasons["c"] == "Undecided: b, itself undecided, rebuts it (a cycle of attacks)."


def test_supported_attack_is_worded_through_the_claim_that_rebuts():
    # b's own rebuttal fails (r rejects b), but a still stands behind it: a supported attack
    lab = label(kb("a supports b; b rebuts c; r rebuts b"))
    assert lab.labels["c"] is OUT
    assert lab.reasons["c"] == "Rejected: a stands and supports b, which rebuts it."
    cited = lab.explanations["c"].render(lambda c: f"[{c}](/{c}/)")
    assert cited == "Rejected: [a](/a/) stands and supports [b](/b/), which rebuts it."


def test_a_question_never_defeats_and_marks_an_accepted_claim_questioned():
    lab = label(kb("q questions t"))
    assert lab.labels == {"q": IN, "t": IN}  # the Dung labelling does not see questions
    assert lab.status == {"q": Status.ACCEPTED, "t": Status.QUESTIONED}
    assert lab.reasons["t"] == ("Stands: nothing attacks it. Questioned: q asks for its reasons without "
                                "arguing against it, so it is an open question.")
    assert lab.counts()["questioned"] == 1


def test_a_question_leaves_a_rejected_claim_rejected():
    lab = label(kb("q questions t; o rebuts t"))
    assert lab.status["t"] is Status.REJECTED


def test_a_rejected_questioner_leaves_the_claim_accepted():
    lab = label(kb("q questions t; r rebuts q"))
    assert lab.status["t"] is Status.ACCEPTED


def test_relates_enters_neither_the_graph_nor_the_semantics():
    ag = kb("a relates b; c supports a")
    assert not ag.graph.has_edge("a", "b") and ag.related("b")[0].origin == "a"
    assert ag.neighbourhood("b") == {"a", "b"}
    assert set(label(ag).status.values()) == {Status.ACCEPTED}


def _random_graph(seed: int, n: int = 40):
    import random

    rng = random.Random(seed)
    spec = []
    for i in range(1, n):
        for _ in range(rng.randint(0, 2)):
            j = rng.randrange(n)  # any direction: cycles of attack included
            if j != i:
                spec.append(f"c{i} {'supports' if rng.random() < 0.5 and j < i else 'rebuts'} c{j}")
    return kb("; ".join(spec), " ".join(f"c{i}" for i in range(n)))


@pytest.mark.parametrize("seed", range(8))
def test_crux_relabelling_downstream_equals_a_full_relabelling(seed):
    """The crux analysis recomputes only downstream of a flip; a full recomputation must agree."""
    from argmap.model.analysis import Analysis
    from argmap.model.semantics import flatten

    ag = _random_graph(seed)
    analysis = Analysis.of(ag)
    fw = flatten(ag, analysis.labelling.attacks)
    base = analysis.labelling.labels
    expected = []
    for claim, current in base.items():
        g = fw.graph.copy()
        if current is IN:
            g.add_edge("_flip", claim)
        else:
            g.remove_edges_from(list(g.in_edges(claim)))
        after = grounded(g)
        changed = sum(1 for c, l in base.items() if c != claim and after[c] is not l)
        if changed:
            expected.append((claim, changed))
    expected.sort(key=lambda s: (-s[1], s[0]))
    assert analysis.cruxes(top=1000) == expected
    assert set(base.values()) >= {IN, OUT}  # the random graphs exercise both labels
