"""argmap stats"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections import Counter
from pathlib import Path

from ..model.kb import CLAIM_KINDS, LinkKind
from .common import EXIT_OK, UsageError, citer, settings_for


def _table(rows: list[tuple[str, object]]) -> None:
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:>5}")


def run(args: argparse.Namespace) -> int:
    from ..load.project import load_folder
    from ..model.analysis import Analysis
    from ..model.graph import ArgumentGraph

    settings = settings_for(args)
    folder = Path(args.path).resolve() if args.path else settings.claims_dir
    if args.path and not folder.is_dir():
        raise UsageError(f"not a folder: {args.path}")
    loaded = load_folder(folder, settings.root)
    kb = loaded.kb
    errors = [f for f in loaded.findings if f.is_error]
    if errors:
        print(f"note: {len(errors)} file problem(s); run 'argmap validate' for details", file=sys.stderr)
    kinds = Counter(c.kind for c in kb.claims)
    links = Counter(l.kind.value for l in kb.links())
    cross = sum(
        1 for l in kb.links()
        if l.target in kb.claim_by_id and l.origin in kb.claim_by_id
        and kb.claim_by_id[l.target].topic != kb.claim_by_id[l.origin].topic
    )
    analysis = Analysis.of(ArgumentGraph.of(kb))
    labels = analysis.labelling.counts()
    _table([
        ("topics", len(kb.topics)),
        ("claims", len(kb.claims)),
        *((f"  {k}", kinds.get(k, 0)) for k in CLAIM_KINDS),
        ("links", sum(links.values())),
        *((f"  {k.value}", links.get(k.value, 0)) for k in LinkKind),
        ("  cross-topic", cross),
        ("evidence quotes", sum(len(c.evidence) for c in kb.claims)),
        ("sources", len(kb.sources)),
        ("people and roles", len(kb.people)),
        ("tags", len(kb.tags)),
        ("status", ""),
        *((f"  {k}", v) for k, v in labels.items()),
        ("unanswered objections", len(analysis.unanswered_objections())),
        ("open questions", len(analysis.open_questions())),
    ])
    if kb.topics:
        print()
        print(f"{'topic':<28} {'claims':>6} {'links':>6} {'quotes':>6}")
        for t in kb.topics:
            claims = kb.claims_of(t.id)
            print(f"{t.id:<28} {len(claims):>6} {sum(len(c.links) for c in claims):>6} "
                  f"{sum(len(c.evidence) for c in claims):>6}")
    if kb.claims and not args.brief:
        print("\ncruxes (labels that change if this claim's status flips):")
        for claim, n in analysis.cruxes(args.top):
            print(f"  {n:>3}  {claim}")
        central = analysis.central(args.top)
        how = (f"estimated from {analysis.central_sample} sampled claims, the map being large"
               if analysis.central_sample else "exact")
        print(f"\ncentral claims (betweenness centrality, {how}):")
        for claim, score in central:
            print(f"  {score:.3f}  {claim}")
        lab = analysis.labelling
        open_ = [c.id for c in kb.claims if lab.status.get(c.id, "accepted") != "accepted"]
        if open_:
            print("\nclaims that do not simply stand, and why:")
            cite = citer(kb, 60)
            for cid in open_:
                for line, first in ((f"{lab.status[cid].value}: {cite(cid)}", "  "), (lab.explanations[cid].render(cite), "      ")):
                    print(textwrap.fill(line, 100, initial_indent=first, subsequent_indent="      ", break_on_hyphens=False))
        chains = analysis.longest_support_chains(3)
        if chains:
            print("\nlongest chains of support:")
            for chain in chains:
                print(f"  {len(chain) - 1} links: " + " → ".join(chain))
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("stats", help="counts, argument status, cruxes and central claims",
                       description="Print counts of topics, claims by kind, links by type, evidence quotes, sources "
                                   "and people; each claim's grounded status; a line per topic; then cruxes, "
                                   "central claims and the longest chains of support.")
    p.add_argument("path", nargs="?", metavar="FOLDER", help="knowledge-base folder (default: claims/)")
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many cruxes and central claims (default 10)")
    p.add_argument("--brief", action="store_true", help="counts only")
    p.set_defaults(func=run)
