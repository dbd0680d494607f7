"""Which claims stand or fall: Dung semantics on a bipolar argument graph.

The knowledge base is a bipolar argumentation framework (BAF): claims are arguments,
``rebuts`` is the attack relation, ``supports`` the support relation, and ``undercuts`` attack
a link itself. It is turned into a plain Dung framework in two standard steps:

1. **Derived attacks** (Cayrol & Lagasquie-Schiex, "On the acceptability of arguments in
   bipolar argumentation frameworks", ECSQARU 2005; and "Bipolarity in argumentation graphs:
   towards a better understanding", IJAR 54(7), 2013):

   - *supported attack*: if ``a`` supports ``b`` (through a chain of supports) and ``b`` rebuts
     ``c``, then ``a`` attacks ``c``;
   - *secondary attack*: if ``a`` rebuts ``b`` and ``b`` supports ``c`` (through a chain of
     supports), then ``a`` attacks ``c``.

2. **Flattening attacks on links** (Boella, Gabbay, van der Torre & Villata, "Meta-argumentation
   modelling I", Studia Logica 93, 2009; the same construction underlies Modgil's extended
   frameworks): an attack that rests on an undercut link is replaced by a chain
   ``a -> X -> Y -> c`` of two auxiliary arguments, and each undercutter attacks ``Y``. So the
   attack succeeds only while its attacker stands and none of its undercutters does.

On the resulting framework we compute the **grounded labelling** (Dung, "On the acceptability
of arguments…", AIJ 77, 1995; labellings as in Caminada, "On the issue of reinstatement in
argumentation", JELIA 2006): the sceptical, unique, polynomial-time answer. A claim is
``accepted`` (IN) when every attack on it fails, ``rejected`` (OUT) when an accepted claim
attacks it, and ``undecided`` otherwise (e.g. two claims that rebut each other). Where the
grounded labelling leaves claims undecided we also compute the **preferred extensions** (the
maximal admissible sets) and say whether each undecided claim is in all, some or none of them.

**Questions** (``questions`` links) are not arguments, so they are not attacks: a request for
reasons cannot defeat anything. They are laid over the grounded labelling as a fourth *status*
for readers: a claim the grounded labelling accepts, and that some claim not itself rejected
questions, is ``questioned`` (it stands, but is an open question). A rejected or undecided
claim keeps its label. "Relates" links never enter the semantics.

Why grounded: it never accepts a claim that a reasonable reader could still doubt, it is
unique (so the site can show one status per claim), and it is cheap enough to recompute per
claim for the crux analysis.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum
from itertools import combinations
from typing import Callable, Iterable

import networkx as nx

from .graph import ArgumentGraph, LinkKey
from .kb import LinkKind

MAX_PATHS = 200  # support chains enumerated per pair of claims when a chain may be undercut
MAX_PREFERRED_CORE = 18  # undecided arguments up to which preferred extensions are enumerated


class Label(str, Enum):
    """A grounded label of the Dung framework."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNDECIDED = "undecided"


class Status(str, Enum):
    """What a reader is shown: the grounded label, with questioned claims set apart."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    UNDECIDED = "undecided"
    QUESTIONED = "questioned"


@dataclass(frozen=True)
class Attack:
    """An attack of the flattened framework, with the chain of claims it runs along."""

    attacker: str
    target: str
    kind: str  # "rebuts" (direct), "supported", "secondary"
    chain: tuple[str, ...]  # claims from attacker to target
    links: frozenset[LinkKey]  # the supports/rebuts links the attack rests on


@dataclass
class Framework:
    """A Dung framework: ``graph`` has an edge for each attack (attacker -> attacked)."""

    graph: nx.DiGraph
    carriers: dict[str, list[tuple[str, Attack]]] = field(default_factory=dict)
    # per claim: (the node whose attack edge reaches it, the attack it stands for)


def _support_paths(support: nx.DiGraph, source: str, target: str, undercut: set[LinkKey]) -> list[tuple[str, ...]]:
    """Support chains source ->* target: one shortest chain if none could be undercut, else all (capped)."""
    if source == target:
        return [(source,)]
    try:
        shortest = nx.shortest_path(support, source, target)
    except nx.NetworkXNoPath:
        return []
    if not undercut:
        return [tuple(shortest)]
    paths = []
    for path in nx.all_simple_paths(support, source, target):
        paths.append(tuple(path))
        if len(paths) >= MAX_PATHS:
            break
    return paths


def _links_of(path: Iterable[str]) -> set[LinkKey]:
    path = tuple(path)
    return set(zip(path, path[1:]))


def derived_attacks(ag: ArgumentGraph) -> list[Attack]:
    """Direct, supported and secondary attacks, each with the links it rests on."""
    support = ag.support_graph()
    undercut = set(ag.undercuts)
    attacks: list[Attack] = []
    for y, z in ag.edges(LinkKind.REBUTS):
        rebut = {(y, z)}
        attacks.append(Attack(y, z, "rebuts", (y, z), frozenset(rebut)))
        for x in sorted(nx.ancestors(support, y)):  # sorted: set order varies from run to run
            for path in _support_paths(support, x, y, undercut):
                attacks.append(Attack(x, z, "supported", (*path, z), frozenset(_links_of(path) | rebut)))
        for w in sorted(nx.descendants(support, z)):
            for path in _support_paths(support, z, w, undercut):
                attacks.append(Attack(y, w, "secondary", (y, *path), frozenset(_links_of(path) | rebut)))
    return attacks


def flatten(ag: ArgumentGraph, attacks: list[Attack] | None = None) -> Framework:
    """The Dung framework: claims, plus two auxiliary arguments per attack that can be undercut."""
    attacks = derived_attacks(ag) if attacks is None else attacks
    g = nx.DiGraph()
    g.add_nodes_from(ag.graph.nodes)
    fw = Framework(g)
    seen: set[tuple] = set()
    for n, attack in enumerate(attacks):
        undercutters = sorted({u for link in attack.links for u in ag.undercuts.get(link, ())})
        if attack.attacker == attack.target and not undercutters:
            g.add_edge(attack.attacker, attack.target)
            fw.carriers.setdefault(attack.target, []).append((attack.attacker, attack))
            continue
        key = (attack.attacker, attack.target, tuple(undercutters))
        if key in seen:
            continue
        seen.add(key)
        if not undercutters:
            g.add_edge(attack.attacker, attack.target)
            fw.carriers.setdefault(attack.target, []).append((attack.attacker, attack))
            continue
        x, y = f"_x{n}", f"_y{n}"
        g.add_edge(attack.attacker, x)
        g.add_edge(x, y)
        g.add_edge(y, attack.target)
        for u in undercutters:
            g.add_edge(u, y)
        g.nodes[x]["aux"] = g.nodes[y]["aux"] = True
        fw.carriers.setdefault(attack.target, []).append((y, attack))
    return fw


def grounded(graph: nx.DiGraph, fixed: dict[str, Label] | None = None,
             nodes: Iterable[str] | None = None) -> dict[str, Label]:
    """Grounded labelling of a Dung framework, in O(arguments + attacks).

    An argument is IN once all its attackers are OUT, and OUT once one attacker is IN;
    what is left when nothing changes is UNDEC.

    ``nodes`` limits the computation to part of the graph and ``fixed`` gives the labels of
    arguments that are not computed (attackers from outside ``nodes``, or a forced label):
    this is how the crux analysis relabels only what lies downstream of one flipped claim.
    """
    fixed = fixed or {}
    todo = set(graph) if nodes is None else set(nodes)
    labels: dict[str, Label] = {n: fixed[n] for n in todo if n in fixed}  # O(todo), not O(fixed)
    alive_attackers = {}
    queue: deque[str] = deque()
    for n in todo:
        if n in labels:  # fixed: its effect on its targets is counted below, when they are set up
            continue
        alive = 0
        for a in graph.predecessors(n):
            state = labels.get(a) if a in todo else fixed.get(a, Label.UNDECIDED)
            if a in todo and a not in fixed:
                alive += 1
            elif state is Label.ACCEPTED:
                labels[n] = Label.REJECTED
            elif state is Label.UNDECIDED:
                alive += 1
        alive_attackers[n] = alive
        if n not in labels and alive == 0:
            labels[n] = Label.ACCEPTED
        if n in labels:
            queue.append(n)
    while queue:
        node = queue.popleft()
        state = labels[node]
        if state is Label.UNDECIDED:  # a fixed undecided argument changes nothing downstream
            continue
        for target in graph.successors(node):
            if target not in todo or target in fixed:
                continue
            if state is Label.ACCEPTED:
                if target not in labels:
                    labels[target] = Label.REJECTED
                    queue.append(target)
            else:  # rejected: its targets lose an attacker
                alive_attackers[target] -= 1
                if alive_attackers[target] == 0 and target not in labels:
                    labels[target] = Label.ACCEPTED
                    queue.append(target)
    for n in todo:
        labels.setdefault(n, Label.UNDECIDED)
    return labels


def preferred_extensions(graph: nx.DiGraph, ground: dict[str, Label]) -> list[frozenset[str]] | None:
    """All preferred extensions, or None when the undecided core is too large to enumerate.

    Every preferred extension contains the grounded one, and grounded-OUT arguments are
    attacked by it; so only subsets of the undecided arguments need trying.
    """
    core = [n for n, l in ground.items() if l is Label.UNDECIDED]
    base = frozenset(n for n, l in ground.items() if l is Label.ACCEPTED)
    if len(core) > MAX_PREFERRED_CORE:
        return None
    sub = graph.subgraph(core)
    attackers = {n: set(sub.predecessors(n)) for n in core}

    def admissible(s: frozenset[str]) -> bool:
        if any(a in s for n in s for a in attackers[n]):
            return False  # not conflict-free
        attacked_by_s = {t for n in s for t in sub.successors(n)}
        return all(attackers[n] <= attacked_by_s for n in s)

    found: list[frozenset[str]] = []
    for size in range(len(core), -1, -1):
        for combo in combinations(core, size):
            s = frozenset(combo)
            if any(s < f for f in found):
                continue
            if admissible(s):
                found.append(s)
    return [base | s for s in found]


Cite = Callable[[str], str]  # claim id -> how to name it (its id, its quoted text, a link)


@dataclass(frozen=True)
class ReasonPart:
    """One attack (or question) a status rests on, named by the claims it involves."""

    kind: str  # rebuts | supported | secondary (attacks) | undercut (a failed attack) | question
    attacker: str
    chain: tuple[str, ...] = ()  # for derived attacks: the claims from attacker to target
    outcome: str = ""  # for attacks: the attacker's label (accepted, rejected, undecided)

    def render(self, cite: Cite) -> str:
        a = cite(self.attacker)
        if self.kind == "question":
            return f"{a} asks for its reasons without arguing against it"
        if self.kind == "undercut":
            return f"The attack from {a} is undercut"
        if self.kind == "rebuts":
            move = "rebuts it"
        elif self.kind == "supported":
            move = f"supports {cite(self.chain[-2])}, which rebuts it"
        else:  # secondary
            move = f"rebuts {cite(self.chain[1])}, which it rests on"
        if self.outcome == "accepted":
            return f"{a} stands and {move}"
        if self.outcome:
            return f"{a}, itself {self.outcome}, {move}"
        return f"{a} {move}"


@dataclass(frozen=True)
class Reason:
    """Why a claim has its status, as data; ``render`` words it with claims named by ``cite``."""

    status: Status
    parts: tuple[ReasonPart, ...] = ()
    questions: tuple[str, ...] = ()

    def render(self, cite: Cite = str) -> str:
        attacks = [p.render(cite) for p in self.parts]
        if self.status is Status.REJECTED:
            text = f"Rejected: {attacks[0]}."
        elif self.status is Status.UNDECIDED:
            text = f"Undecided: {'; '.join(attacks)} (a cycle of attacks)."
        elif attacks:
            text = f"Stands: every attack on it fails. {'. '.join(attacks)}."
        else:
            text = "Stands: nothing attacks it."
        if self.questions:
            asked = "; ".join(ReasonPart("question", q).render(cite) for q in self.questions)
            text += f" Questioned: {asked}, so it is an open question."
        return text


@dataclass
class Labelling:
    labels: dict[str, Label]  # the grounded labelling (three-valued): what the analyses compute on
    explanations: dict[str, Reason]
    attacks: list[Attack]
    preferred: dict[str, str]  # for grounded-undecided claims: "all", "some" or "none" of the preferred extensions
    preferred_count: int | None  # number of preferred extensions (None: not computed)
    status: dict[str, Status] = field(default_factory=dict)  # what readers see: labels, with questioned apart

    @property
    def reasons(self) -> dict[str, str]:
        """Each claim's reason in words, naming claims by id."""
        return {c: r.render() for c, r in self.explanations.items()}

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Status}
        for s in self.status.values():
            out[s.value] += 1
        return out


def _reason(claim: str, fw: Framework, labels: dict[str, Label], questioners: list[str]) -> Reason:
    """The attacks that decide ``claim``'s label, and the open questions on it."""
    mine = labels[claim]
    carriers = fw.carriers.get(claim, [])
    asked = tuple(dict.fromkeys(q for q in questioners if labels.get(q) is not Label.REJECTED))
    if mine is Label.REJECTED:
        for node, attack in carriers:
            if labels[node] is Label.ACCEPTED:
                part = ReasonPart(attack.kind, attack.attacker, attack.chain, "accepted")
                return Reason(Status.REJECTED, (part,))
    if mine is Label.UNDECIDED:
        parts = [ReasonPart(a.kind, a.attacker, a.chain, "undecided") for node, a in carriers
                 if labels[node] is Label.UNDECIDED]
        return Reason(Status.UNDECIDED, tuple(dict.fromkeys(parts)))
    parts = []
    for node, attack in carriers:
        if labels.get(attack.attacker) is Label.REJECTED:
            parts.append(ReasonPart(attack.kind, attack.attacker, attack.chain, "rejected"))
        else:
            parts.append(ReasonPart("undercut", attack.attacker))
    return Reason(Status.QUESTIONED if asked else Status.ACCEPTED, tuple(dict.fromkeys(parts)), asked)


def label(ag: ArgumentGraph) -> Labelling:
    attacks = derived_attacks(ag)
    fw = flatten(ag, attacks)
    all_labels = grounded(fw.graph)
    claims = list(ag.graph.nodes)
    labels = {c: all_labels[c] for c in claims}
    reasons = {c: _reason(c, fw, all_labels, ag.questions.get(c, [])) for c in claims}
    preferred: dict[str, str] = {}
    count = None
    if any(l is Label.UNDECIDED for l in labels.values()):
        exts = preferred_extensions(fw.graph, all_labels)
        if exts is not None:
            count = len(exts)
            for c in claims:
                if labels[c] is Label.UNDECIDED:
                    inside = sum(c in e for e in exts)
                    preferred[c] = "all" if inside == len(exts) else "some" if inside else "none"
    else:
        count = 1
    status = {c: r.status for c, r in reasons.items()}
    return Labelling(labels, reasons, attacks, preferred, count, status)
