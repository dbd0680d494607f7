"""The site's RDF downloads (Turtle, JSON-LD, N-Triples), cached by what they are made from.

Serialising the graph is the slowest part of a site build after the diagrams (Turtle alone takes
seconds at 1,000 claims), and on most rebuilds nothing it depends on has changed. The cache key
covers every input: the claim files, the source texts (the quote selectors come from them),
the base IRI and the exporter's own code; a build with the same key reads the bytes back.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from ..config import Settings
from ..export import rdf as rdf_export
from ..load.texts import TextStore
from ..model.kb import KnowledgeBase
from .. import vocab

NAMES = ("argmap.ttl", "argmap.jsonld", "argmap.nt")


def _files(folder: Path | None) -> list[Path]:
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file())


def inputs_key(settings: Settings, texts: TextStore, claims_dir: Path) -> str:
    h = hashlib.sha256()
    h.update(settings.base_iri.encode("utf-8"))
    for module in (rdf_export, vocab):
        h.update(Path(module.__file__).read_bytes())
    for folder in (claims_dir, texts.folder if texts.available else None):
        for path in _files(folder):
            h.update(str(path.relative_to(folder)).encode("utf-8") + b"\0")
            h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def build_downloads(kb: KnowledgeBase, base_iri: str, texts: TextStore) -> dict[str, bytes]:
    graph = rdf_export.to_graph(kb, base_iri, texts)
    lines: list[str] = []
    rdf_export.write_ntriples(kb, base_iri, lines.append, texts)  # streamed in model order: same bytes every run
    return {
        "argmap.ttl": rdf_export.serialize(graph, "turtle").encode("utf-8"),
        "argmap.jsonld": rdf_export.serialize(graph, "json-ld").encode("utf-8"),
        "argmap.nt": "".join(lines).encode("utf-8"),
    }


def site_downloads(kb: KnowledgeBase, settings: Settings, texts: TextStore, claims_dir: Path,
                   cache: Path | None) -> dict[str, bytes]:
    """The downloads, from ``cache`` (a folder) when their inputs have not changed."""
    if cache is None:
        return build_downloads(kb, settings.base_iri, texts)
    folder = cache / "downloads" / inputs_key(settings, texts, claims_dir)
    try:
        return {name: (folder / name).read_bytes() for name in NAMES}
    except OSError:
        pass
    data = build_downloads(kb, settings.base_iri, texts)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in data.items():
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(content)
            os.replace(tmp, folder / name)
        for old in folder.parent.iterdir():  # only the current inputs' downloads are worth keeping
            if old != folder and old.is_dir():
                for f in old.iterdir():
                    f.unlink()
                old.rmdir()
    except OSError:
        pass  # a cache that cannot be written only costs time
    return data
