"""Round trip through a real SPARQL store: an Oxigraph server on a free loopback port."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from argmap.export.rdf import Iris, to_graph
from argmap.load.project import load_folder
from argmap.load.texts import TextStore
from argmap.query import named_queries, run_local
from argmap.query.store import StoreError, put_graph, select
from conftest import REPO, SHARED_TEXTS

BASE = "https://argmap.example.org/"


def _oxigraph() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        pytest.fail("the oxigraph server (PyPI package 'oxigraph', a dev dependency) is not installed")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory):
    port = _free_port()
    data = tmp_path_factory.mktemp("oxigraph")
    proc = subprocess.Popen([_oxigraph(), "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # up to 10 s
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"oxigraph exited: {proc.stderr.read().decode()[:500]}")
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph did not start within 10 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_push_then_query_matches_the_in_memory_graph(oxigraph_url):
    loaded = load_folder(REPO / "claims", REPO)
    graph = to_graph(loaded.kb, BASE, TextStore(SHARED_TEXTS))
    graph_iri = str(Iris(BASE).graph())
    put_graph(oxigraph_url + "/store", graph_iri, graph.serialize(format="turtle"))
    count = select(oxigraph_url + "/query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", graph_iri)
    assert int(count.rows[0][0]) == len(graph)
    # pushing again replaces the graph rather than adding to it
    put_graph(oxigraph_url + "/store", graph_iri, graph.serialize(format="turtle"))
    assert int(select(oxigraph_url + "/query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", graph_iri).rows[0][0]) == len(graph)
    for name in ("claims-by-person", "cross-topic-links", "single-quote-claims"):
        sparql = named_queries()[name].text
        remote, local = select(oxigraph_url + "/query", sparql, graph_iri), run_local(graph, sparql)
        assert remote.columns == local.columns
        assert remote.rows == local.rows, name


def test_cli_push_and_endpoint_query(run, oxigraph_url):
    r = run("rdf", "--push", oxigraph_url + "/store", cwd=REPO)
    assert r.code == 0 and "loaded" in r.err
    r = run("query", "claims-by-person", "--endpoint", oxigraph_url + "/query", "--format", "json", cwd=REPO)
    assert r.code == 0
    local = run("query", "claims-by-person", "--format", "json", cwd=REPO)
    assert r.json() == local.json()


def test_unreachable_store_is_a_clear_error(run):
    port = _free_port()
    r = run("query", "claims-by-person", "--endpoint", f"http://127.0.0.1:{port}/query", cwd=REPO)
    assert r.code == 1 and "cannot connect" in r.err
    with pytest.raises(StoreError):
        put_graph(f"http://127.0.0.1:{port}/store", "urn:g", "")
