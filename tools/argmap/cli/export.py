"""argmap export"""

from __future__ import annotations

import argparse

from .common import EXIT_OK, UsageError, add_claims_option, emit, load_valid

def run(args: argparse.Namespace) -> int:
    from ..export.interchange import render
    from ..export.selection import Selection, UnknownTopic

    _settings, kb = load_valid(args)
    try:
        sel = Selection.of(kb, args.topic)
    except UnknownTopic as exc:
        raise UsageError(str(exc)) from None
    text = render(sel, args.to)
    emit(args.output, text.rstrip("\n"), f"{len(sel.claims)} claims, {len(sel.links())} links, {args.to}")
    return EXIT_OK


def register(sub) -> None:
    from ..export.interchange import FORMATS  # plain data: keeps 'argmap --help' light

    p = sub.add_parser(
        "export", help="export the map as Argdown, AIF JSON, GraphML or plain JSON",
        description="Write the knowledge base (or one topic) in a format other argument-mapping and graph tools "
                    "read. " + " ".join(f"{name}: {what}." for name, what in FORMATS.items()) + " What a format "
                    "cannot hold ('questions' and 'relates' links in Argdown and AIF) is kept in its comments or "
                    "extension data; README.md lists each format's losses.",
    )
    p.add_argument("--to", required=True, choices=list(FORMATS), help="the format")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--topic", metavar="ID", help="export one topic (links to other topics are kept as data only)")
    add_claims_option(p)
    p.set_defaults(func=run)
