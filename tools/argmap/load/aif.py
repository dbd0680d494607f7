"""Reading AIF JSON (the AIFdb layout) into a Draft.

I-nodes become claims; an RA-node gives a support from each premise to its conclusion; a CA-node
a rebuttal when it points at an I-node and an undercut when it points at an RA- or CA-node (the
inference it attacks). L-nodes that assert an I-node through a YA-node give the claim's quotes
(with the locution's source, or the one given to ``argmap import --source``) and its speaker.
Other nodes (MA rephrases, PA preferences, TA transitions, other illocutions) have no argmap
counterpart and are reported. If the file carries argmap's own ``argmap`` object (an argmap
export), kinds, asserters, tags, threads, notes and the links AIF cannot hold come back from it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..model.draft import Draft, DraftClaim, DraftEvidence, DraftLink, DraftThread


class AifError(Exception):
    """AIF input that could not be read: the message says why."""


def read(path: Path) -> Draft:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AifError(f"no such file: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AifError(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise AifError(f"{path}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    return draft_from_aif(doc, str(path))


def draft_from_aif(doc: Any, name: str = "the AIF file") -> Draft:
    """A Draft from parsed AIF JSON; AifError (never a traceback) for anything not in AIF's shape."""
    try:
        return _draft_from_aif(doc, name)
    except AifError:
        raise
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise AifError(f"{name}: not in the AIF JSON layout ({type(exc).__name__}: {exc})") from None


def _draft_from_aif(doc: Any, name: str) -> Draft:
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list) or not isinstance(doc.get("edges"), list):
        raise AifError(f"{name}: not AIF JSON (it needs 'nodes' and 'edges' lists)")
    nodes: dict[str, dict[str, Any]] = {}
    for i, n in enumerate(doc["nodes"]):
        if not isinstance(n, dict) or "nodeID" not in n or "type" not in n:
            raise AifError(f"{name}: node {i + 1} has no nodeID or type")
        nodes[str(n["nodeID"])] = n
    into: dict[str, list[str]] = defaultdict(list)
    out_of: dict[str, list[str]] = defaultdict(list)
    for i, e in enumerate(doc["edges"]):
        if not isinstance(e, dict) or "fromID" not in e or "toID" not in e:
            raise AifError(f"{name}: edge {i + 1} has no fromID or toID")
        a, b = str(e["fromID"]), str(e["toID"])
        if a not in nodes or b not in nodes:
            raise AifError(f"{name}: edge {e.get('edgeID', i + 1)} joins a node that is not in the file ({a} -> {b})")
        out_of[a].append(b)
        into[b].append(a)

    ext = doc.get("argmap") if isinstance(doc.get("argmap"), dict) else {}
    ext_claims = ext.get("claims") if isinstance(ext.get("claims"), dict) else {}
    draft = Draft()
    topics = ext.get("topics") or []
    if len(topics) == 1 and isinstance(topics[0], dict):
        draft.title, draft.summary = topics[0].get("title"), topics[0].get("summary")
    for t in topics:
        for th in (t.get("threads") or []) if isinstance(t, dict) else []:
            draft.threads.append(DraftThread(th["id"], th["title"]))

    people = {str(p.get("participantID")): " ".join(filter(None, [p.get("firstname"), p.get("surname")])).strip()
              for p in doc.get("participants") or [] if isinstance(p, dict)}
    locution = {str(l.get("nodeID")): l for l in doc.get("locutions") or [] if isinstance(l, dict)}
    by_participant = {v: k for k, v in (ext.get("participants") or {}).items()}

    for nid, n in nodes.items():
        if n["type"] != "I":
            continue
        meta = ext_claims.get(nid) if isinstance(ext_claims.get(nid), dict) else {}
        claim = DraftClaim(key=nid, text=" ".join(str(n.get("text", "")).split()) or nid)
        claim.kind = meta.get("kind", "claim")
        claim.by = meta.get("by")
        claim.thread = meta.get("thread")
        claim.tags = list(meta.get("tags") or [])
        claim.about = list(meta.get("about") or [])
        claim.credence = meta.get("credence")
        claim.extra = {k: meta[k] for k in ("unhedged", "standalone") if isinstance(meta.get(k), str)}
        draft.claims.append(claim)

    _evidence(draft, nodes, into, out_of, locution, people, by_participant)
    for claim in draft.claims:
        notes_in_order = (ext_claims.get(claim.key) or {}).get("evidence_notes") or []
        for ev, note in zip(claim.evidence, notes_in_order):
            ev.note = note if isinstance(note, str) else None
    notes = _ext_links(draft, ext_claims, ext.get("links_not_in_aif") or [])
    steps: dict[str, list[tuple[str, str]]] = {}
    for nid, n in nodes.items():
        if n["type"] in ("RA", "CA"):
            steps[nid] = _steps(nid, nodes, into, out_of)
    for nid, n in nodes.items():
        kind = n["type"]
        if kind == "RA":
            for premise, conclusion in steps[nid]:
                draft.add_link(DraftLink("supports", premise, conclusion, None, notes.get(("supports", premise, conclusion))))
        elif kind == "CA":
            attackers = [a for a in into[nid] if nodes[a]["type"] == "I"]
            for target in out_of[nid]:
                if nodes[target]["type"] == "I":
                    for a in attackers:
                        draft.add_link(DraftLink("rebuts", a, target, None, notes.get(("rebuts", a, target))))
                else:
                    for a in attackers:
                        for premise, conclusion in steps.get(target, []):
                            key = ("undercuts", a, (premise, conclusion))
                            draft.add_link(DraftLink("undercuts", a, conclusion, (premise, conclusion), notes.get(key)))
        elif kind not in ("I", "L", "YA"):
            draft.losses.append(f"{kind}-node {nid} ({n.get('text', '')}) left out: argmap has no counterpart")
        elif kind == "YA" and n.get("text") != "Asserting":
            draft.losses.append(f"YA-node {nid} ({n.get('text', '')}) left out: only assertions become evidence")
    return draft


def _steps(nid: str, nodes, into, out_of) -> list[tuple[str, str]]:
    """The claim-to-claim steps a scheme node stands for (premise, conclusion)."""
    premises = [a for a in into[nid] if nodes[a]["type"] == "I"]
    conclusions = [b for b in out_of[nid] if nodes[b]["type"] == "I"]
    return [(p, c) for p in premises for c in conclusions]


def _evidence(draft: Draft, nodes, into, out_of, locution, people, by_participant) -> None:
    claims = {c.key: c for c in draft.claims}
    for lid, n in nodes.items():
        if n["type"] != "L":
            continue
        targets = [c for ya in out_of[lid] if nodes[ya]["type"] == "YA" for c in out_of[ya] if c in claims]
        loc = locution.get(lid, {})
        pid = str(loc.get("personID")) if loc.get("personID") is not None else None
        speaker = people.get(pid or "", "")
        text = str(n.get("text", ""))
        if speaker and text.startswith(f"{speaker} : "):
            text = text[len(speaker) + 3:]
        if not targets:
            draft.losses.append(f"L-node {lid} asserts no I-node; its text is left out: \u201c{text[:80]}\u201d")
            continue
        for key in targets:
            claim = claims[key]
            claim.evidence.append(DraftEvidence(loc.get("source") if isinstance(loc.get("source"), str) else None,
                                                " ".join(text.split())))
            if claim.by is None and pid is not None:
                claim.by = by_participant.get(pid) or f"participant {pid}"
                if claim.by not in by_participant.values():
                    draft.speakers[claim.by] = speaker or claim.by


def _ext_links(draft: Draft, ext_claims: dict, extra_links: list) -> dict[tuple, str]:
    """Notes of the links AIF draws, and the links it cannot (questions, relates, outside ones)."""
    notes: dict[tuple, str] = {}
    for origin, meta in ext_claims.items():
        for item in (meta or {}).get("links") or []:
            link = DraftLink.from_record(origin, item)
            if link is not None and link.note:
                notes[link.key] = link.note
    for item in extra_links:
        link = DraftLink.from_record(item.get("from"), item) if isinstance(item, dict) and isinstance(item.get("from"), str) else None
        if link is not None:
            draft.add_link(link)
    return notes
