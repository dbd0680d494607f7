"""Loading a whole knowledge base folder: files -> documents -> shape check -> model."""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding, Loc, error
from ..model.kb import KnowledgeBase
from .build import build
from .schema import check_shape
from .yaml_reader import Document, read_document

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Loaded:
    kb: KnowledgeBase
    documents: list[Document]
    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # display paths of every file read
    # files that could not be read, read again as plain text: a best guess at what they
    # define and mention, so that consequences of their error are not reported as errors
    unreadable: dict[str, "Unreadable"] = field(default_factory=dict)


_ID_LINE = re.compile(r"""^[ \t-]*\{?[ \t]*id:[ \t]*["']?([A-Za-z0-9_.-]+)""", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Unreadable:
    """What a file that does not parse seems to hold, found by a plain text search."""

    defines: frozenset[str]  # ids on `id:` lines
    mentions: frozenset[str]  # every id-like word, e.g. link targets and cited sources

    @classmethod
    def scan(cls, path: Path) -> "Unreadable":
        try:
            text = path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            return cls(frozenset(), frozenset())
        return cls(frozenset(_ID_LINE.findall(text)), frozenset(_WORD.findall(text)))


def display_path(path: Path, root: Path) -> str:
    """How a file is named in findings: relative to the project root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return os.path.relpath(path.resolve(), Path.cwd()) if path.is_absolute() else path.as_posix()


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())


PARALLEL_FROM = 16  # files; below this, starting worker processes costs more than it saves


def _read_one(path: Path, root: Path):
    """Read, parse and shape-check one file: what each worker does."""
    display = display_path(path, root)
    doc, problems = read_document(path, display)
    if doc is None:
        return display, None, problems, Unreadable.scan(path)
    return display, doc, problems + list(check_shape(doc)), None


def _read_all(paths: list[Path], root: Path):
    """Each file read on its own, in file order; on a large knowledge base the files are shared
    out among one worker process per core (parsing and shape checks are most of validate's time)."""
    jobs = min(os.cpu_count() or 1, 8)
    if jobs < 2 or len(paths) < PARALLEL_FROM:
        return [_read_one(p, root) for p in paths]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        return list(pool.map(_read_one, paths, [root] * len(paths), chunksize=max(1, len(paths) // (4 * jobs))))


def load_folder(folder: Path, root: Path | None = None) -> Loaded:
    """Read every YAML file under ``folder`` (sorted), check shapes and build the model."""
    root = root or folder.parent
    documents: list[Document] = []
    findings: list[Finding] = []
    files: list[str] = []
    unreadable: dict[str, Unreadable] = {}
    if not folder.is_dir():
        findings.append(error("no-claims", f"knowledge-base folder not found: {folder}", None))
        return Loaded(KnowledgeBase(), documents, findings, files)
    for display, doc, problems, unread in _read_all(yaml_files(folder), root):
        files.append(display)
        if doc is None:
            unreadable[display] = unread
            note = "until this file reads, references to what it defines are not checked"
            problems = [dataclasses.replace(f, hint=f"{f.hint}; {note}" if f.hint else note) for f in problems]
        findings.extend(problems)
        if doc is not None:
            documents.append(doc)
    if not files:
        findings.append(error("no-claims", f"no YAML files in {display_path(folder, root)}", Loc(display_path(folder, root))))
    return Loaded(build(documents), documents, findings, files, unreadable)
