"""Loading a whole knowledge base folder: files -> documents -> shape check -> model."""

from __future__ import annotations

import os
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


def display_path(path: Path, root: Path) -> str:
    """How a file is named in findings: relative to the project root when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return os.path.relpath(path.resolve(), Path.cwd()) if path.is_absolute() else path.as_posix()


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file())


def load_folder(folder: Path, root: Path | None = None) -> Loaded:
    """Read every YAML file under ``folder`` (sorted), check shapes and build the model."""
    root = root or folder.parent
    documents: list[Document] = []
    findings: list[Finding] = []
    files: list[str] = []
    if not folder.is_dir():
        findings.append(error("no-claims", f"knowledge-base folder not found: {folder}", None))
        return Loaded(KnowledgeBase(), documents, findings, files)
    for path in yaml_files(folder):
        display = display_path(path, root)
        files.append(display)
        doc, problems = read_document(path, display)
        findings.extend(problems)
        if doc is None:
            continue
        findings.extend(check_shape(doc))
        documents.append(doc)
    if not files:
        findings.append(error("no-claims", f"no YAML files in {display_path(folder, root)}", Loc(display_path(folder, root))))
    return Loaded(build(documents), documents, findings, files)
