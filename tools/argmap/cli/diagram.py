"""argmap diagram"""

from __future__ import annotations

import argparse
import sys

from ..findings import did_you_mean
from .common import EXIT_OK, CommandFailed, UsageError, add_claims_option, load_valid, write_output


def run(args: argparse.Namespace) -> int:
    from ..export.dot import DiagramOptions, RenderError, claim_diagram, overview, render, topic_diagram
    from ..model.graph import ArgumentGraph
    from ..model.semantics import label

    _, kb = load_valid(args)
    ag = ArgumentGraph.of(kb)
    status = {c: s.value for c, s in label(ag).status.items()}
    prefix = args.link_prefix
    link = (lambda cid: f"{prefix}claims/{cid}/") if prefix is not None else None
    options = DiagramOptions(link=link, status=status, legend=not args.no_legend)
    if args.claim:
        if args.claim not in kb.claim_by_id:
            raise UsageError(f"no claim '{args.claim}'" + (f"; {did_you_mean(args.claim, kb.claim_by_id) or ''}"))
        options.title = f"Around {args.claim}"
        dot = claim_diagram(kb, ag, args.claim, args.depth, options)
    elif args.topic:
        if args.topic not in kb.topic_by_id:
            raise UsageError(f"no topic '{args.topic}'" + (f"; {did_you_mean(args.topic, kb.topic_by_id) or ''}"))
        options.title = kb.topic_by_id[args.topic].title
        dot = topic_diagram(kb, ag, args.topic, options)
    else:
        options.title = "The whole argument map"
        dot = overview(kb, ag, options)
    try:
        data = render(dot, args.format)
    except RenderError as exc:
        raise CommandFailed(str(exc)) from None
    if args.output:
        write_output(args.output, data, f"{len(data)} bytes, {args.format}")
    elif args.format == "png" and sys.stdout.isatty():
        raise UsageError("PNG is binary: give -o FILE")
    else:
        sys.stdout.buffer.write(data)
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser(
        "diagram", help="draw the map, a topic or a claim's neighbourhood with Graphviz",
        description="Draw an argument diagram: the whole map with topics as clusters (default), one topic with "
                    "its threads as clusters (--topic), or a claim and its neighbours (--claim, --depth). Nodes "
                    "are shaped by kind and outlined by status (✓ accepted, ✗ rejected, ? undecided); supports, "
                    "rebuttals and undercuts are drawn differently, with a legend. DOT output is byte-identical "
                    "for the same input.",
    )
    what = p.add_mutually_exclusive_group()
    what.add_argument("--topic", metavar="ID", help="one topic")
    what.add_argument("--claim", metavar="ID", help="one claim and its neighbourhood")
    what.add_argument("--all", action="store_true", help="the whole map (the default)")
    p.add_argument("--depth", type=int, default=1, help="neighbourhood depth for --claim (default 1)")
    p.add_argument("--format", choices=("svg", "dot", "png"), default="svg", help="output format (default svg)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--link-prefix", metavar="URL", help="link nodes to pages at URL + 'claims/ID/' (default: no links)")
    p.add_argument("--no-legend", action="store_true", help="leave out the legend")
    add_claims_option(p)
    p.set_defaults(func=run)
