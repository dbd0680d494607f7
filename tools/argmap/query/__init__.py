"""SPARQL over the knowledge base: named queries, a local runner and a remote-store client."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from rdflib import Graph

QUERY_DIR = Path(__file__).resolve().parent / "queries"


@dataclass
class Table:
    """A SELECT result as plain strings (None for unbound)."""

    columns: list[str]
    rows: list[list[str | None]]


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str


def named_queries() -> dict[str, NamedQuery]:
    out = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        out[path.stem] = NamedQuery(path.stem, first.lstrip("# ").strip(), text)
    return out


def run_local(graph: Graph, sparql: str) -> Table:
    """Run a SELECT or ASK query with rdflib. Raises ValueError on a bad query."""
    try:
        result = graph.query(sparql)
    except Exception as exc:  # pyparsing and rdflib raise many kinds; all mean "bad query"
        raise ValueError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    if result.type == "ASK":
        return Table(["answer"], [[str(bool(result.askAnswer)).lower()]])
    if result.type != "SELECT":
        raise ValueError("only SELECT and ASK queries are supported")
    columns = [str(v) for v in result.vars]
    rows = [[None if v is None else str(v) for v in row] for row in result]
    return Table(columns, rows)


def run_embedded(ntriples: str, sparql: str) -> Table:
    """Run a SELECT or ASK query with the embedded Oxigraph store (pyoxigraph).

    rdflib's SPARQL engine takes tens of seconds on a graph of 10,000 claims; Oxigraph, a
    compiled store, loads the N-Triples and answers in well under a second. The results are
    the same (tests/test_query.py runs every named query both ways). Raises ValueError on a
    bad query.
    """
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return run_on(store, sparql)


def run_on(store, sparql: str) -> Table:
    """Run a SELECT or ASK query on an Oxigraph store. Raises ValueError on a bad query."""
    import pyoxigraph as ox

    try:
        result = store.query(sparql)
    except (SyntaxError, ValueError, OSError) as exc:
        raise ValueError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None
    if isinstance(result, ox.QueryBoolean):
        return Table(["answer"], [[str(bool(result)).lower()]])
    if not isinstance(result, ox.QuerySolutions):
        raise ValueError("only SELECT and ASK queries are supported")
    columns = [v.value for v in result.variables]
    rows = [[None if solution[c] is None else solution[c].value for c in columns] for solution in result]
    return Table(columns, rows)


def cached_store(cache_dir: Path, key: str, ntriples: Callable[[], str]):
    """The knowledge base graph as an Oxigraph store kept on disk under ``cache_dir/key``.

    ``key`` is the digest of everything the graph is made from (``argmap.export.fingerprint``),
    so a store found under it is the graph the files would give now, and opening it read-only
    takes milliseconds where loading and converting the files takes seconds. Otherwise
    ``ntriples()`` makes the graph, which is bulk-loaded into a new store; stores of older keys
    are removed. If the cache cannot be written the store is built in memory.
    """
    import pyoxigraph as ox

    final = cache_dir / key
    if (final / "COMPLETE").is_file():
        try:
            return ox.Store.read_only(str(final))
        except OSError:
            pass
    data = ntriples().encode("utf-8")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(dir=cache_dir, prefix=".building-"))
        store = ox.Store(str(building))
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        store.flush()
        del store  # closes it
        (building / "COMPLETE").write_text(key + "\n", encoding="utf-8")
        if final.exists():  # another run built the same store meanwhile
            shutil.rmtree(building, ignore_errors=True)
        else:
            building.rename(final)
        for old in cache_dir.iterdir():
            if old != final and old.is_dir() and not old.name.startswith(".building-"):
                shutil.rmtree(old, ignore_errors=True)
        return ox.Store.read_only(str(final))
    except OSError:
        store = ox.Store()
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        return store


def from_sparql_json(payload: dict) -> Table:
    """A table from the SPARQL 1.1 Query Results JSON format."""
    if "boolean" in payload:
        return Table(["answer"], [[str(bool(payload["boolean"])).lower()]])
    columns = payload["head"]["vars"]
    rows = [[b.get(c, {}).get("value") for c in columns] for b in payload["results"]["bindings"]]
    return Table(columns, rows)


def render(table: Table, fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(table.columns, row)) for row in table.rows], indent=2, ensure_ascii=False)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows([["" if v is None else v for v in row] for row in table.rows])
        return buf.getvalue().rstrip("\n")
    cells = [[("" if v is None else v).replace("\n", " ") for v in row] for row in table.rows]
    limit = 60
    cells = [[c if len(c) <= limit else c[: limit - 1] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(table.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines)
