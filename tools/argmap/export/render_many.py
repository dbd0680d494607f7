"""Rendering many diagrams at once: each DOT text laid out at most once, in parallel.

A site has a diagram per claim, and Graphviz layout is most of the cost of drawing one. The
SVG depends only on the DOT text (and the Graphviz build), so it is kept in a cache folder
under the SHA-256 of the two; a rebuild after a small edit lays out only the diagrams whose
DOT changed. The rest are laid out by a pool of worker processes, one per core.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from ..atomic import write_atomic
from .dot import render

PARALLEL_FROM = 8  # below this many layouts, starting workers costs more than it saves


def _graphviz_version() -> str:
    try:
        import pygraphviz

        return f"pygraphviz {pygraphviz.__version__}"
    except ImportError:
        return "dot"


def dot_key(dot: str, engine: str) -> str:
    return hashlib.sha256(f"{engine}\n{dot}".encode("utf-8")).hexdigest()


def _render_svg(dot: str) -> str:
    return render(dot, "svg").decode("utf-8")


def render_all(dots: dict[str, str], cache_dir: Path | None = None, jobs: int | None = None,
               progress: Callable[[int, int], None] | None = None, prune: bool = False) -> tuple[dict[str, str], int]:
    """SVG text for each named DOT text, and how many had to be laid out (the rest came from
    ``cache_dir``). ``jobs`` worker processes (default: one per core) share the layouts. With
    ``prune``, cached SVGs these diagrams no longer use are deleted, so the cache stays the size
    of one site."""
    engine = _graphviz_version()
    keys = {name: dot_key(dot, engine) for name, dot in dots.items()}
    out: dict[str, str] = {}
    todo: dict[str, str] = {}  # key -> DOT, each distinct layout once
    for name, key in keys.items():
        hit = _read(cache_dir, key)
        if hit is not None:
            out[name] = hit
        else:
            todo.setdefault(key, dots[name])
    rendered: dict[str, str] = {}
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(todo) >= PARALLEL_FROM:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for n, (key, svg) in enumerate(zip(todo, pool.map(_render_svg, todo.values(), chunksize=8)), 1):
                rendered[key] = svg
                if progress:
                    progress(n, len(todo))
    else:
        for n, (key, dot) in enumerate(todo.items(), 1):
            rendered[key] = _render_svg(dot)
            if progress:
                progress(n, len(todo))
    for key, svg in rendered.items():
        _write(cache_dir, key, svg)
    if prune:
        _prune(cache_dir, set(keys.values()))
    for name, key in keys.items():
        if name not in out:
            out[name] = rendered[key]
    return out, len(todo)


def _prune(cache_dir: Path | None, keep: set[str]) -> None:
    if cache_dir is None or not cache_dir.is_dir():
        return
    for path in cache_dir.glob("*/*.svg"):
        if path.stem not in keep:
            try:
                path.unlink()
            except OSError:
                pass


def _path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / f"{key}.svg"


def _read(cache_dir: Path | None, key: str) -> str | None:
    if cache_dir is None:
        return None
    try:
        return _path(cache_dir, key).read_text(encoding="utf-8")
    except OSError:
        return None


def _write(cache_dir: Path | None, key: str, svg: str) -> None:
    """Written atomically, so a build that stops half-way leaves no torn entry."""
    if cache_dir is None:
        return
    path = _path(cache_dir, key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, svg)
    except OSError:
        pass  # a cache that cannot be written only costs time
