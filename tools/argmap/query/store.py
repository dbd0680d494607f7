"""Talking to a SPARQL 1.1 store over HTTP: Graph Store Protocol to load, Protocol to query.

Uses only the standard library's HTTP client, so any compliant store works (Oxigraph, Fuseki,
GraphDB, …). Errors come back as ``StoreError`` with what the server said.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from . import Table, from_sparql_json

TIMEOUT = 60


class StoreError(Exception):
    pass


def _request(req: urllib.request.Request) -> bytes:
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:
            return resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:300]
        raise StoreError(f"{req.full_url}: HTTP {exc.code} {exc.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise StoreError(f"{req.full_url}: cannot connect: {getattr(exc, 'reason', exc)}") from None


def put_graph(store_url: str, graph_iri: str, turtle: str) -> None:
    """Replace the named graph ``graph_iri`` with ``turtle`` (GSP: PUT ?graph=…)."""
    sep = "&" if "?" in store_url else "?"
    url = f"{store_url}{sep}graph={urllib.parse.quote(graph_iri, safe='')}"
    req = urllib.request.Request(url, data=turtle.encode("utf-8"), method="PUT",
                                 headers={"Content-Type": "text/turtle; charset=utf-8"})
    _request(req)


def select(endpoint: str, sparql: str, default_graph: str | None = None) -> Table:
    """Run a query at a SPARQL endpoint (POST, application/sparql-query).

    ``default_graph`` is sent as the protocol's ``default-graph-uri``, so queries written for
    the local graph run unchanged against the named graph that ``put_graph`` loaded.
    """
    url = endpoint
    if default_graph:
        sep = "&" if "?" in endpoint else "?"
        url = f"{endpoint}{sep}default-graph-uri={urllib.parse.quote(default_graph, safe='')}"
    req = urllib.request.Request(url, data=sparql.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-query",
                                          "Accept": "application/sparql-results+json"})
    body = _request(req)
    try:
        return from_sparql_json(json.loads(body))
    except (ValueError, KeyError) as exc:
        raise StoreError(f"{endpoint}: not a SPARQL JSON result: {exc}") from None
