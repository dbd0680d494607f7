"""The site's RDF downloads (Turtle, JSON-LD, N-Triples), cached by what they are made from.

Serialising the graph is the slowest part of a site build after the diagrams (Turtle alone takes
seconds at 1,000 claims), and on most rebuilds nothing it depends on has changed. The cache key
(``argmap.export.fingerprint``) covers every input: the claim files, the source texts (the quote
selectors come from them), the base IRI and argmap's own code; a build with the same key reads
the bytes back.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_atomic
from ..config import Settings
from ..export import fingerprint, interchange
from ..export.selection import Selection
from ..export import rdf as rdf_export
from ..load.texts import TextStore
from ..model.graph import ArgumentGraph
from ..model.kb import KnowledgeBase
from ..model.semantics import label

NAMES = ("argmap.ttl", "argmap.jsonld", "argmap.nt", "argmap.argdown", "argmap-aif.json", "argmap.graphml", "argmap.json")


def inputs_key(settings: Settings, texts: TextStore, claims_dir: Path) -> str:
    return fingerprint.inputs_key(settings.base_iri, texts, claims_dir, "site downloads")


def build_downloads(kb: KnowledgeBase, base_iri: str, texts: TextStore) -> dict[str, bytes]:
    graph = rdf_export.to_graph(kb, base_iri, texts)
    lines: list[str] = []
    rdf_export.write_ntriples(kb, base_iri, lines.append, texts)  # streamed in model order: same bytes every run
    out = {
        "argmap.ttl": rdf_export.serialize(graph, "turtle").encode("utf-8"),
        "argmap.jsonld": rdf_export.serialize(graph, "json-ld").encode("utf-8"),
        "argmap.nt": "".join(lines).encode("utf-8"),
    }
    sel = Selection.of(kb)
    labelling = label(ArgumentGraph.of(kb))
    for fmt, name in interchange.FILE_NAMES.items():
        out[name] = interchange.render(sel, fmt, labelling).encode("utf-8")
    return out


def cached(cache: Path | None, key: str) -> dict[str, bytes] | None:
    if cache is None:
        return None
    try:
        return {name: (cache / "downloads" / key / name).read_bytes() for name in NAMES}
    except OSError:
        return None


def store(cache: Path | None, key: str, data: dict[str, bytes]) -> None:
    """Keep ``data`` as the downloads for ``key`` (and only those: older entries go)."""
    if cache is None:
        return
    folder = cache / "downloads" / key
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in data.items():
            write_atomic(folder / name, content)
        for old in folder.parent.iterdir():
            if old != folder and old.is_dir():
                for f in old.iterdir():
                    f.unlink()
                old.rmdir()
    except OSError:
        pass  # a cache that cannot be written only costs time


def site_downloads(kb: KnowledgeBase, settings: Settings, texts: TextStore, claims_dir: Path,
                   cache: Path | None) -> dict[str, bytes]:
    """The downloads, from ``cache`` (a folder) when their inputs have not changed."""
    key = inputs_key(settings, texts, claims_dir) if cache is not None else ""
    data = cached(cache, key)
    if data is None:
        data = build_downloads(kb, settings.base_iri, texts)
        store(cache, key, data)
    return data


def refresh_in_background(kb: KnowledgeBase, settings: Settings, texts: TextStore, cache: Path | None, key: str,
                          out: Path):
    """Build the downloads in a forked worker process, then put them in ``cache`` and ``out`` (the
    served site's downloads folder). ``mkdocs serve`` uses this so that a rebuild after an edit
    need not wait for the serialisers; the pages are ready first, the files a little later."""
    import multiprocessing

    def work() -> None:
        data = build_downloads(kb, settings.base_iri, texts)
        store(cache, key, data)
        out.mkdir(parents=True, exist_ok=True)
        for name, content in data.items():
            write_atomic(out / name, content)

    process = multiprocessing.get_context("fork").Process(target=work, daemon=True, name="argmap-downloads")
    process.start()
    return process
