"""argmap explain ID"""

from __future__ import annotations

import argparse
import textwrap

from ..findings import did_you_mean
from .common import EXIT_OK, UsageError, add_claims_option, citer, load_valid


def run(args: argparse.Namespace) -> int:
    from ..model.analysis import Analysis
    from ..model.graph import ArgumentGraph

    _, kb = load_valid(args)
    claim = kb.claim_by_id.get(args.id)
    if claim is None:
        hint = did_you_mean(args.id, kb.claim_by_id)
        raise UsageError(f"no claim with id '{args.id}'" + (f"; {hint}" if hint else ""))
    ag = ArgumentGraph.of(kb)
    lab = Analysis.of(ag).labelling
    person = kb.person_by_id.get(claim.by)
    def wrap(s: str, ind: str = "  ", rest: str | None = None) -> str:
        return textwrap.fill(s, 88, initial_indent=ind, subsequent_indent=rest or ind, break_on_hyphens=False)

    print(f"{claim.id}  ({claim.kind}, topic {claim.topic})")
    print(wrap(claim.text))
    print(f"by: {person.label if person else claim.by}" + (f"   credence: {claim.credence:g}" if claim.credence is not None else ""))
    status = lab.status[claim.id].value
    extra = f" (In {lab.preferred[claim.id]} preferred extensions.)" if claim.id in lab.preferred else ""
    print(f"status: {status}")
    print(wrap(lab.explanations[claim.id].render(citer(kb)) + extra))
    if claim.evidence:
        print("evidence:")
        for ev in claim.evidence:
            print(wrap(f"“{ev.quote}” — {ev.source}", "  - ", "    "))
    out = [(l.kind.value, "->".join(l.target_link) if l.target_link else l.target) for l in claim.links]
    into = [(l.kind.value, l.origin) for l in kb.links()
            if (l.target == claim.id and not l.target_link) or (l.target_link and claim.id in l.target_link and l.origin != claim.id)]
    def show(title, rows):
        if rows:
            print(title)
            for kind, other in rows:
                target = kb.claim_by_id.get(other.split("->")[-1])
                st = lab.status.get(other, None)
                tail = f" [{st.value}]" if st else ""
                print(f"  {kind:<9} {other}{tail}")
                if target is not None and "->" not in other:
                    print(wrap(target.text, "            "))
    # "relates" is undirected: shown once, under "see also", from either end
    show("this claim:", [(k, o) for k, o in out if k != "relates"])
    show("linked from:", [(k, o) for k, o in into if k != "relates"])
    show("see also (the texts meet here):", [("relates", l.target if l.origin == claim.id else l.origin)
                                             for l in ag.related(claim.id)])
    near = sorted(ag.neighbourhood(claim.id, args.depth) - {claim.id})
    if near:
        print(f"neighbourhood (depth {args.depth}): " + ", ".join(near))
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("explain", help="a claim, its evidence, status with the reason, and its neighbours",
                       description="Print one claim: text, who asserts it, its grounded status and why, the "
                                   "evidence quotes, what it links to and what links to it, and the claims "
                                   "within --depth links.")
    p.add_argument("id", help="claim id")
    p.add_argument("--depth", type=int, default=1, help="neighbourhood depth (default 1)")
    add_claims_option(p)
    p.set_defaults(func=run)
