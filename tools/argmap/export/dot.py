"""Argument-map diagrams as Graphviz DOT, and their rendering to SVG or PNG.

The DOT text is generated here, in a fixed order (topics, threads and claims as written,
links in file order), so the same knowledge base always gives byte-identical DOT and diffs
stay small. Rendering uses pygraphviz, whose wheels bundle the Graphviz libraries (no system
install needed), and falls back to a ``dot`` binary on the PATH.

Every node and edge carries a tooltip with the full text and, when ``link`` is given, a URL
to its page; Graphviz escapes both in the SVG it writes.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from typing import Callable, Iterable

from ..model.graph import ArgumentGraph
from ..model.kb import Claim, KnowledgeBase, LinkKind

KIND_STYLE = {
    "thesis": {"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#dbeafe"},
    "claim": {"shape": "box", "style": "rounded,filled", "fillcolor": "#f8fafc"},
    "fact": {"shape": "note", "style": "filled", "fillcolor": "#fef9c3"},
    "estimate": {"shape": "hexagon", "style": "filled", "fillcolor": "#ede9fe"},
    "proposal": {"shape": "cds", "style": "filled", "fillcolor": "#dcfce7"},
}
STATUS_STYLE = {"accepted": ("#15803d", "✓"), "rejected": ("#b91c1c", "✗"), "undecided": ("#b45309", "?"),
                "questioned": ("#1d4ed8", "✓?")}
EDGE_STYLE = {
    "supports": {"color": "#15803d", "arrowhead": "normal"},
    "rebuts": {"color": "#b91c1c", "arrowhead": "tee", "style": "bold"},
    "undercuts": {"color": "#7e22ce", "arrowhead": "tee", "style": "dashed"},
    "questions": {"color": "#1d4ed8", "arrowhead": "odot", "style": "dotted"},
    # undirected and outside the argument: light, and not allowed to pull the layout into ranks
    "relates": {"color": "#94a3b8", "dir": "none", "style": "dashed", "penwidth": "1", "constraint": "false"},
}
WRAP = 34
SMALL = 25  # above this many claims, lay out left to right: many clusters stack instead of widening
OVERVIEW_ALL = 60  # above this many claims, the overview shows theses and cross-topic links only
OVERVIEW_TOPICS = 2000  # above this many, it shows the topics alone and how many links join them
OVERVIEW_MAX_TOPICS = 60  # and at most this many of them, the most connected (dot cannot lay out 1,000 in time)


def quote(value: str) -> str:
    """A DOT double-quoted string; a newline becomes a DOT line break, backslashes stay literal."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _attrs(attrs: dict[str, str]) -> str:
    return "[" + ", ".join(f"{k}={quote(str(v))}" for k, v in attrs.items()) + "]"


def _label(text: str, width: int = WRAP, lines: int = 7) -> str:
    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][: width - 1] + "…"
    return "\n".join(wrapped)


@dataclass
class DiagramOptions:
    link: Callable[[str], str] | None = None  # claim id -> URL of its page
    status: dict[str, str] | None = None  # claim id -> accepted/rejected/undecided
    legend: bool = True
    rankdir: str | None = None  # None: BT (reasons below conclusions) for small graphs, LR for large ones
    title: str | None = None


class DotWriter:
    def __init__(self, kb: KnowledgeBase, ag: ArgumentGraph, options: DiagramOptions) -> None:
        self.kb, self.ag, self.opt = kb, ag, options
        self.lines: list[str] = []

    def emit(self, line: str, indent: int = 1) -> None:
        self.lines.append("  " * indent + line)

    def node(self, claim: Claim, indent: int = 1) -> None:
        attrs = dict(KIND_STYLE.get(claim.kind, KIND_STYLE["claim"]))
        status = (self.opt.status or {}).get(claim.id)
        mark = ""
        if status in STATUS_STYLE:
            color, mark = STATUS_STYLE[status]
            attrs["color"] = color
            attrs["penwidth"] = "2"
            mark += " "
        person = self.kb.person_by_id.get(claim.by)
        who = person.label if person else claim.by
        attrs["label"] = f"{mark}{_label(claim.text)}\n— {_label(who, WRAP, 1)}"
        attrs["tooltip"] = f"{claim.text} ({claim.kind}; {who}{'; ' + status if status else ''})"
        attrs["id"] = f"claim-{claim.id}"
        attrs["class"] = f"kind-{claim.kind}" + (f" status-{status}" if status else "")
        if self.opt.link:
            attrs["URL"] = self.opt.link(claim.id)
            attrs["target"] = "_top"
        self.emit(f"{quote(claim.id)} {_attrs(attrs)}", indent)

    def edges(self, ids: set[str]) -> None:
        for link in self.ag.links_from(ids):
            if link.kind is LinkKind.UNDERCUTS or link.target not in ids:
                continue
            if link.target not in self.kb.claim_by_id:
                continue
            style = dict(EDGE_STYLE[link.kind.value])
            what = (f"{link.origin} and {link.target}: the texts meet here" if link.kind is LinkKind.RELATES
                    else f"{link.origin} {link.kind.value} {link.target}")
            style["tooltip"] = what + (f": {link.note}" if link.note else "")
            style["class"] = f"link-{link.kind.value} from-{link.origin} to-{link.target}"
            if self.opt.link:
                style["URL"] = self.opt.link(link.origin)
                style["target"] = "_top"
            key = (link.origin, link.target)
            undercutters = [u for u in self.ag.undercuts.get(key, ()) if u in ids]
            if undercutters:
                mid = f"{link.origin}->{link.target}"
                self.emit(f"{quote(mid)} {_attrs({'shape': 'point', 'width': '0.06', 'color': style['color'], 'tooltip': style['tooltip']})}")
                first = dict(style, arrowhead="none")
                self.emit(f"{quote(link.origin)} -> {quote(mid)} {_attrs(first)}")
                self.emit(f"{quote(mid)} -> {quote(link.target)} {_attrs(style)}")
                for u in undercutters:
                    ustyle = dict(EDGE_STYLE["undercuts"], tooltip=f"{u} undercuts {link.origin} -> {link.target}",
                                  **{"class": f"link-undercuts from-{u} to-{link.origin} to-{link.target}"})
                    if self.opt.link:
                        ustyle["URL"] = self.opt.link(u)
                        ustyle["target"] = "_top"
                    self.emit(f"{quote(u)} -> {quote(mid)} {_attrs(ustyle)}")
            else:
                self.emit(f"{quote(link.origin)} -> {quote(link.target)} {_attrs(style)}")

    def legend(self) -> None:
        self.emit("subgraph cluster_legend {")
        for k, v in {"label": "Legend", "style": "rounded", "color": "#94a3b8", "fontsize": "10"}.items():
            self.emit(f"{k}={quote(v)};", 2)
        for kind in ("thesis", "claim", "fact", "estimate", "proposal"):
            attrs = dict(KIND_STYLE[kind], label=kind, fontsize="9", tooltip=f"{kind}")
            self.emit(f"{quote('legend-' + kind)} {_attrs(attrs)}", 2)
        for status, (color, mark) in STATUS_STYLE.items():
            self.emit(f"{quote('legend-' + status)} {_attrs({'shape': 'box', 'style': 'rounded', 'color': color, 'penwidth': '2', 'label': mark + ' ' + status, 'fontsize': '9', 'tooltip': status})}", 2)
        pairs = [("supports", "legend-thesis", "legend-claim"), ("rebuts", "legend-fact", "legend-estimate"),
                 ("undercuts", "legend-proposal", "legend-accepted"), ("questions", "legend-rejected", "legend-undecided"),
                 ("relates", "legend-undecided", "legend-questioned")]
        for kind, a, b in pairs:
            self.emit(f"{quote(b)} -> {quote(a)} {_attrs(dict(EDGE_STYLE[kind], label=kind, fontsize='9', tooltip=kind))}", 2)
        self.emit("}")

    def header(self, name: str, size: int) -> None:
        self.lines.append(f"digraph {quote(name)} {{")
        rankdir = self.opt.rankdir or ("BT" if size <= SMALL else "LR")
        graph = {"rankdir": rankdir, "newrank": "true", "nodesep": "0.3", "ranksep": "0.45",
                 "fontname": "Helvetica", "tooltip": self.opt.title or name}
        if self.opt.title:
            graph.update(label=self.opt.title, labelloc="t", fontsize="16")
        self.emit(f"graph {_attrs(graph)}")
        self.emit(f"node {_attrs({'fontname': 'Helvetica', 'fontsize': '10', 'margin': '0.12,0.06'})}")
        self.emit(f"edge {_attrs({'fontname': 'Helvetica', 'fontsize': '9', 'penwidth': '1.4'})}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n}\n"


def _cluster(w: DotWriter, cid: str, title: str, claims: Iterable[Claim], indent: int = 1, url: str | None = None) -> None:
    w.emit(f"subgraph {quote('cluster_' + cid)} {{", indent)
    attrs = {"label": _label(title, 60, 2), "labelloc": "t", "style": "rounded", "color": "#cbd5e1", "fontsize": "12",
             "tooltip": title}
    if url:
        attrs["URL"] = url
    for k, v in attrs.items():
        w.emit(f"{k}={quote(v)};", indent + 1)
    for claim in claims:
        w.node(claim, indent + 1)
    w.emit("}", indent)


def overview(kb: KnowledgeBase, ag: ArgumentGraph, options: DiagramOptions,
             topic_url: Callable[[str], str] | None = None) -> str:
    """The whole map, one cluster per topic.

    A large map shows each topic's theses and the claims that link across topics (where the
    texts meet); a very large one (over ``OVERVIEW_TOPICS`` claims) shows the topics alone, each
    linked to its page, joined by how many links run between them. Every claim is on its topic's
    diagram.
    """
    if len(kb.claims) > OVERVIEW_TOPICS:
        return _topic_overview(kb, options, topic_url)
    w = DotWriter(kb, ag, options)
    crossing = {end for l in kb.links() if l.target in kb.claim_by_id and l.origin in kb.claim_by_id
                and kb.claim_by_id[l.origin].topic != kb.claim_by_id[l.target].topic
                for end in (l.origin, l.target)}
    shown = (lambda c: True) if len(kb.claims) <= OVERVIEW_ALL else (lambda c: c.kind == "thesis" or c.id in crossing)
    w.header("argmap", sum(1 for c in kb.claims if shown(c)))
    ids = set()
    for topic in kb.topics:
        claims = [kb.claim_by_id[c] for c in topic.claim_ids if c in kb.claim_by_id and shown(kb.claim_by_id[c])]
        ids.update(c.id for c in claims)
        _cluster(w, topic.id, topic.title, claims, url=topic_url(topic.id) if topic_url else None)
    w.edges(ids)
    if options.legend:
        w.legend()
    return w.text()


def _topic_overview(kb: KnowledgeBase, options: DiagramOptions, topic_url: Callable[[str], str] | None) -> str:
    """Topics as nodes, joined by the number of links between them (the strongest pairs, at most
    two per topic on average); past ``OVERVIEW_MAX_TOPICS`` topics, the best-connected ones and a
    note of how many more there are."""
    lines = [f"digraph {quote('argmap')} {{"]
    graph = {"rankdir": "LR", "fontname": "Helvetica", "tooltip": options.title or "argmap"}
    if options.title:
        graph.update(label=options.title, labelloc="t", fontsize="16")
    lines.append(f"  graph {_attrs(graph)}")
    lines.append(f"  node {_attrs({'fontname': 'Helvetica', 'fontsize': '10', 'shape': 'box', 'style': 'rounded'})}")
    topic_of = {c.id: c.topic for c in kb.claims}
    between: dict[tuple[str, str], int] = {}
    for link in kb.links():
        a, b = topic_of.get(link.origin), topic_of.get(link.target)
        if a and b and a != b:
            key = (a, b) if a < b else (b, a)
            between[key] = between.get(key, 0) + 1
    topics = kb.topics
    if len(topics) > OVERVIEW_MAX_TOPICS:  # nobody takes in a thousand boxes: the best-connected ones
        degree: dict[str, int] = {}
        for (a, b), n in between.items():
            degree[a] = degree.get(a, 0) + n
            degree[b] = degree.get(b, 0) + n
        keep = set(sorted((t.id for t in topics), key=lambda t: (-degree.get(t, 0), t))[:OVERVIEW_MAX_TOPICS])
        rest = len(topics) - len(keep)
        topics = [t for t in topics if t.id in keep]
        between = {pair: n for pair, n in between.items() if pair[0] in keep and pair[1] in keep}
        more = {"shape": "plaintext", "label": f"… and {rest:,} more topics,\nless connected (see the topics index)",
                "id": "more-topics", "tooltip": f"{rest:,} more topics"}
        lines.append(f"  {quote('more-topics')} {_attrs(more)}")
    for topic in topics:
        attrs = {"label": f"{_label(topic.title, WRAP, 3)}\n{len(topic.claim_ids)} claims", "id": f"topic-{topic.id}",
                 "tooltip": topic.title}
        if topic_url:
            attrs["URL"] = topic_url(topic.id)
            attrs["target"] = "_top"
        lines.append(f"  {quote(topic.id)} {_attrs(attrs)}")
    # the strongest connections only: a dense web of every pair is neither readable nor quick to lay out
    strongest = sorted(between.items(), key=lambda kv: (-kv[1], kv[0]))[: 2 * len(topics)]
    for (a, b), n in sorted(strongest):
        lines.append(f"  {quote(a)} -> {quote(b)} {_attrs({'dir': 'none', 'label': str(n), 'penwidth': str(min(6, 1 + n / 5)), 'color': '#94a3b8', 'tooltip': f'{n} links between {a} and {b}'})}")
    return "\n".join(lines) + "\n}\n"


def topic_diagram(kb: KnowledgeBase, ag: ArgumentGraph, topic_id: str, options: DiagramOptions) -> str:
    """One topic, one cluster per thread; claims of other topics that link in or out are shown greyed."""
    topic = kb.topic_by_id[topic_id]
    w = DotWriter(kb, ag, options)
    own = [kb.claim_by_id[c] for c in topic.claim_ids if c in kb.claim_by_id]
    w.header(topic_id, len(own))
    ids = {c.id for c in own}
    by_thread: dict[str | None, list[Claim]] = {}
    for c in own:
        by_thread.setdefault(c.thread, []).append(c)
    for thread in topic.threads:
        if thread.id in by_thread:
            _cluster(w, f"{topic_id}-{thread.id}", thread.title, by_thread.pop(thread.id))
    for c in by_thread.pop(None, []):
        w.node(c)
    for rest in by_thread.values():  # threads not declared (validation reports them)
        for c in rest:
            w.node(c)
    outside = _linked_outside(ag, ids)
    for c in outside:
        w.emit(f"{quote(c.id)} {_attrs(_outside_attrs(kb, c, options))}")
    w.edges(ids | {c.id for c in outside})
    if options.legend:
        w.legend()
    return w.text()


def claim_diagram(kb: KnowledgeBase, ag: ArgumentGraph, claim_id: str, depth: int, options: DiagramOptions) -> str:
    """A claim and its neighbours within ``depth`` links."""
    w = DotWriter(kb, ag, options)
    near = ag.neighbourhood(claim_id, depth)
    w.header(claim_id, len(near))
    for claim in ag.claims_in_order(near):  # file order, for stable output
        w.node(claim)
    w.emit(f"{quote(claim_id)} {_attrs({'penwidth': '3.5'})}")
    w.edges(near)
    if options.legend:
        w.legend()
    return w.text()


def _linked_outside(ag: ArgumentGraph, ids: set[str]) -> list[Claim]:
    other: set[str] = set()
    for link in ag.links_at(ids):
        ends = {link.origin, link.target}
        if ends - ids and link.kind is not LinkKind.UNDERCUTS:
            other |= ends - ids
    return ag.claims_in_order(other)


def _outside_attrs(kb: KnowledgeBase, claim: Claim, options: DiagramOptions) -> dict[str, str]:
    attrs = {"shape": "box", "style": "rounded,dashed", "color": "#94a3b8", "fontcolor": "#475569",
             "label": f"[{claim.topic}]\n{_label(claim.text, WRAP, 4)}", "tooltip": f"{claim.text} (topic {claim.topic})",
             "id": f"claim-{claim.id}", "class": "outside"}
    if options.link:
        attrs["URL"] = options.link(claim.id)
        attrs["target"] = "_top"
    return attrs


class RenderError(Exception):
    pass


def render(dot: str, fmt: str) -> bytes:
    """Lay out and draw DOT as ``svg`` or ``png`` (pygraphviz, else the ``dot`` binary)."""
    if fmt == "dot":
        return dot.encode("utf-8")
    try:
        import pygraphviz
    except ImportError:
        pygraphviz = None
    if pygraphviz is not None:
        try:
            graph = pygraphviz.AGraph(string=dot)
            return graph.draw(format=fmt, prog="dot")
        except Exception as exc:  # pygraphviz wraps Graphviz errors in several types
            raise RenderError(f"Graphviz failed: {exc}") from None
    exe = shutil.which("dot")
    if exe is None:
        raise RenderError("no Graphviz: install pygraphviz (pip install pygraphviz) or the 'dot' program")
    proc = subprocess.run([exe, f"-T{fmt}"], input=dot.encode("utf-8"), capture_output=True, timeout=300)
    if proc.returncode != 0:
        raise RenderError(f"dot failed: {proc.stderr.decode('utf-8', 'replace')[:300]}")
    return proc.stdout
