"""The knowledge base as GraphML (through networkx), for yEd, Gephi and networkx itself.

Nodes are claims, with their text, kind, topic, thread, asserter (id and label), tags and
computed status. Edges are links, with their type and note. GraphML edges join nodes, and an
undercut attacks a link, not a claim: it is an edge from the undercutter to the attacked link's
conclusion, typed ``undercuts``, whose ``undercut_from`` names the attacked link's premise.
"""

from __future__ import annotations

import io

import networkx as nx

from ..model.kb import LinkKind
from .selection import Selection


def to_networkx(sel: Selection, status: dict[str, str] | None = None) -> nx.MultiDiGraph:
    kb = sel.kb
    g = nx.MultiDiGraph(name="argmap", scope="all topics" if sel.whole else sel.topics[0].id)
    for c in sel.claims:
        person = kb.person_by_id.get(c.by)
        g.add_node(c.id, text=c.text, kind=c.kind, topic=c.topic, thread=c.thread or "", asserter=c.by,
                   asserter_label=person.label if person else c.by, tags=" ".join(c.tags),
                   status=(status or {}).get(c.id, ""))
    for link in sel.links():
        attrs = {"type": link.kind.value, "note": link.note or ""}
        if link.kind is LinkKind.UNDERCUTS:
            attrs["undercut_from"] = link.target_link[0]
        g.add_edge(link.origin, link.target, key=f"{link.kind.value}:{link.target_link[0] if link.target_link else ''}", **attrs)
    return g


def to_graphml(sel: Selection, status: dict[str, str] | None = None) -> str:
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(sel, status), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue().decode("utf-8")
