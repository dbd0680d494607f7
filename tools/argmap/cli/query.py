"""argmap query"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import (EXIT_OK, CommandFailed, UsageError, add_claims_option, add_texts_option, claims_folder,
                     load_valid, settings_for)


def _sparql(args: argparse.Namespace) -> str:
    from ..query import named_queries

    if args.file:
        try:
            return Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {args.file}: {exc}") from None
    if not args.query:
        raise UsageError("give a SPARQL query, a query name (see --list) or --file")
    named = named_queries()
    if args.query in named:
        return named[args.query].text
    if " " not in args.query.strip():
        from ..findings import did_you_mean

        hint = did_you_mean(args.query, named)
        raise UsageError(f"no named query '{args.query}'" + (f"; {hint}" if hint else "; see --list"))
    return args.query


def run(args: argparse.Namespace) -> int:
    from ..query import named_queries, render

    if args.list:
        for q in named_queries().values():
            print(f"{q.name:<24} {q.description}")
        return EXIT_OK
    sparql = _sparql(args)
    if args.endpoint:
        from ..query.store import StoreError, select

        from ..config import load_settings
        from ..export.rdf import Iris

        graph_iri = args.graph or str(Iris(load_settings().base_iri).graph())
        try:
            table = select(args.endpoint, sparql, None if args.graph == "" else graph_iri)
        except StoreError as exc:
            raise CommandFailed(str(exc)) from None
    else:
        from ..export.fingerprint import inputs_key
        from ..export.rdf import write_ntriples
        from ..load.texts import TextStore
        from ..query import cached_store, run_embedded, run_on

        settings = settings_for(args)
        texts = TextStore(settings.texts_dir)

        def ntriples() -> str:
            _, kb = load_valid(args)
            lines: list[str] = []
            write_ntriples(kb, settings.base_iri, lines.append, texts)
            return "".join(lines)

        try:
            if args.no_cache:
                table = run_embedded(ntriples(), sparql)
            else:
                key = inputs_key(settings.base_iri, texts, claims_folder(args, settings), "query store")
                table = run_on(cached_store(settings.root / ".cache" / "argmap" / "store", key, ntriples), sparql)
        except ValueError as exc:
            raise UsageError(f"bad SPARQL query: {exc}") from None
    print(render(table, args.format))
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser(
        "query", help="run SPARQL over the knowledge base graph (or a store); named queries with --list",
        description="Run a SPARQL SELECT or ASK query over the RDF graph of the knowledge base and print a table, "
                    "CSV or JSON. QUERY is SPARQL text or the name of a shipped query (argmap query --list). With "
                    "--endpoint the query goes to a SPARQL 1.1 endpoint instead (e.g. one loaded with "
                    "'argmap rdf --push'). The local graph is kept in .cache/argmap/store, keyed by a digest of the "
                    "claim files, the source texts and argmap itself, so later queries of unchanged files skip "
                    "loading and converting them.",
    )
    p.add_argument("query", nargs="?", metavar="QUERY", help="SPARQL text, or a named query")
    p.add_argument("--file", metavar="FILE", help="read the query from FILE (e.g. q.rq)")
    p.add_argument("--list", action="store_true", help="list the named queries")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format (default table)")
    p.add_argument("--endpoint", metavar="URL", help="SPARQL endpoint to query instead of the local files")
    p.add_argument("--graph", metavar="IRI", help="with --endpoint: the named graph to query as the default graph "
                   "(default: the one 'argmap rdf --push' loads; '' for the store's own default graph)")
    p.add_argument("--no-cache", action="store_true",
                   help="build the graph from the files in memory, without reading or writing .cache/argmap")
    add_texts_option(p)
    add_claims_option(p)
    p.set_defaults(func=run)
