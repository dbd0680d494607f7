"""argmap rdf"""

from __future__ import annotations

import argparse

from .common import EXIT_OK, CommandFailed, add_claims_option, add_texts_option, emit, load_valid, progress, write_output


def run(args: argparse.Namespace) -> int:
    from ..export.rdf import Iris, serialize, to_graph
    from ..load.texts import TextStore

    settings, kb = load_valid(args)
    if args.format == "nt" and not args.push:
        return _stream_ntriples(args, settings, kb)
    graph = to_graph(kb, settings.base_iri, TextStore(settings.texts_dir), with_status=not args.no_status)
    graph_iri = args.graph or str(Iris(settings.base_iri).graph())
    if args.push:
        from ..query.store import StoreError, put_graph

        try:
            put_graph(args.push, graph_iri, serialize(graph, "turtle"))
        except StoreError as exc:
            raise CommandFailed(str(exc)) from None
        progress(f"loaded {len(graph)} triples into <{graph_iri}> at {args.push}")
        if not args.output:
            return EXIT_OK
    text = serialize(graph, args.format, graph_iri)
    emit(args.output, text, f"{len(graph)} triples, {args.format}")
    return EXIT_OK


def _stream_ntriples(args: argparse.Namespace, settings, kb) -> int:
    """N-Triples are written line by line as the triples are made, without building a graph."""
    import io
    import sys

    from ..export.rdf import write_ntriples
    from ..load.texts import TextStore

    texts = TextStore(settings.texts_dir)
    if not args.output:
        write_ntriples(kb, settings.base_iri, sys.stdout.write, texts, with_status=not args.no_status)
        sys.stdout.write("\n")  # as print() ends the other formats
        return EXIT_OK
    buffer = io.StringIO()
    count = write_ntriples(kb, settings.base_iri, buffer.write, texts, with_status=not args.no_status)
    write_output(args.output, buffer.getvalue().encode("utf-8"), f"{count} triples, nt")
    return EXIT_OK


def register(sub) -> None:
    from ..export.formats import RDF_FORMATS as FORMATS

    p = sub.add_parser(
        "rdf", help="export the knowledge base as RDF (AIF, PROV-O, Web Annotation), or push it to a store",
        description="Write the knowledge base as RDF: claims as AIF I-nodes, supports as RA-nodes, rebuttals and "
                    "undercuts as CA-nodes, asserters as PROV-O, quotes as Web Annotations with text quote "
                    "selectors, and each claim's computed status. With --push, replace a named graph in a "
                    "SPARQL 1.1 store through the Graph Store Protocol.",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--format", choices=list(FORMATS), default="turtle", help="RDF syntax (default turtle)")
    p.add_argument("--no-status", action="store_true", help="leave out the computed status of claims")
    p.add_argument("--push", metavar="URL", help="Graph Store Protocol URL of a store, e.g. http://127.0.0.1:7878/store")
    p.add_argument("--graph", metavar="IRI", help="named graph to replace with --push (default: <base IRI>graph)")
    add_texts_option(p)
    add_claims_option(p)
    p.set_defaults(func=run)
