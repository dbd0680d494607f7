"""The knowledge base as AIF JSON in the AIFdb layout (nodes, edges, locutions, participants).

- each claim is an I-node (its node id is the claim id);
- each support is an RA-node (premise -> RA -> conclusion), each rebuttal a CA-node
  (attacker -> CA -> attacked claim), each undercut a CA-node pointing at the RA- or CA-node of
  the link it attacks: AIF's own way to attack an inference;
- each evidence quote is an L-node (``Speaker : quote``) asserting its claim through a YA-node
  ("Asserting"), with a locution naming the participant and the source;
- the asserters are the participants (a role, where the text names nobody, is the first name).

AIF has no node for a question that gives no argument, or for two texts meeting without arguing,
so ``questions`` and ``relates`` links are not nodes. They, claim kinds, tags, threads and link
notes go in a top-level ``argmap`` object, which AIF readers ignore and ``argmap import`` reads.
"""

from __future__ import annotations

from typing import Any

from ..model.kb import LinkKind
from .selection import Selection, claim_record, link_record

TIMESTAMP = "2000-01-01 00:00:00"  # AIFdb requires one; a fixed value keeps the export reproducible
SCHEME = {LinkKind.SUPPORTS: ("RA", "Default Inference"), LinkKind.REBUTS: ("CA", "Default Conflict"),
          LinkKind.UNDERCUTS: ("CA", "Default Conflict")}


def to_aif(sel: Selection) -> dict[str, Any]:
    kb = sel.kb
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    locutions: list[dict[str, Any]] = []
    participants: dict[str, dict[str, Any]] = {}

    def node(nid: str, text: str, kind: str, scheme: str | None = None) -> str:
        item = {"nodeID": nid, "text": text, "type": kind, "timestamp": TIMESTAMP}
        if scheme:
            item["scheme"] = scheme
        nodes.append(item)
        return nid

    def edge(a: str, b: str) -> None:
        edges.append({"edgeID": f"e{len(edges) + 1}", "fromID": a, "toID": b, "formEdgeID": None})

    for claim in sel.claims:
        node(claim.id, claim.text, "I")
    scheme_of: dict[tuple[str, str], str] = {}
    links = sel.links((LinkKind.SUPPORTS, LinkKind.REBUTS))
    for n, link in enumerate(links, 1):
        kind, scheme = SCHEME[link.kind]
        sid = node(f"{kind.lower()}{n}", scheme, kind, scheme)
        scheme_of[(link.origin, link.target)] = sid
        edge(link.origin, sid)
        edge(sid, link.target)
    for n, link in enumerate(sel.links((LinkKind.UNDERCUTS,)), 1):
        sid = node(f"uca{n}", "Default Conflict", "CA", "Default Conflict")
        edge(link.origin, sid)
        edge(sid, scheme_of[link.target_link])
    n = 0
    for claim in sel.claims:
        person = kb.person_by_id.get(claim.by)
        if claim.by not in participants:
            participants[claim.by] = {"participantID": str(len(participants) + 1),
                                      "firstname": person.label if person else claim.by, "surname": ""}
        speaker = participants[claim.by]["firstname"]
        for ev in claim.evidence:
            n += 1
            lid = node(f"l{n}", f"{speaker} : {' '.join(ev.quote.split())}", "L")
            ya = node(f"ya{n}", "Asserting", "YA", "Asserting")
            edge(lid, ya)
            edge(ya, claim.id)
            locutions.append({"nodeID": lid, "personID": participants[claim.by]["participantID"],
                              "timestamp": TIMESTAMP, "start": None, "end": None, "source": ev.source})
    return {
        "nodes": nodes,
        "edges": edges,
        "locutions": locutions,
        "participants": list(participants.values()),
        "argmap": _extension(sel, participants),
    }


def _extension(sel: Selection, participants: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What AIF has no place for, keyed by claim id, so that an import gets it back."""
    claims = {}
    for claim in sel.claims:
        entry = claim_record(claim)
        quotes = entry.pop("evidence", [])  # the locutions carry the quotes; their notes go here, in order
        if any("note" in q for q in quotes):
            entry["evidence_notes"] = [q.get("note") for q in quotes]
        if claim.tags:
            entry["tags"] = list(claim.tags)
        claims[claim.id] = entry
    topics = [{"id": t.id, "title": t.title, "summary": " ".join(t.summary.split()),
               "threads": [{"id": th.id, "title": th.title} for th in t.threads]} for t in sel.topics]
    lost = [link_record(link) | {"from": link.origin} for link in sel.links((LinkKind.QUESTIONS, LinkKind.RELATES))]
    return {
        "note": "argmap's additions, ignored by AIF readers: 'questions' and 'relates' links (AIF has no node "
                "for them), links to claims outside this export, claim kinds, asserters, tags, threads and notes.",
        "topics": topics,
        "claims": claims,
        "participants": {pid: p["participantID"] for pid, p in participants.items()},
        "links_not_in_aif": lost + [link_record(link) | {"from": link.origin} for link in sel.outgoing()],
    }
