"""argmap validate"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from ..config import Settings
from ..report import FORMATS, render
from .common import EXIT_FAIL, EXIT_OK, UsageError, add_texts_option, settings_for


def _folders_for(paths: Sequence[str], settings: Settings) -> dict[Path, set[str] | None]:
    """Which knowledge-base folders to load, and which files of each to report (None: all)."""
    from ..load.project import display_path

    if not paths:
        return {settings.claims_dir: None}
    folders: dict[Path, set[str] | None] = {}
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"no such file or folder: {raw}")
        if path.is_dir():
            folders[path.resolve()] = None
        else:
            folder = path.resolve().parent
            if folders.get(folder, set()) is not None:
                folders.setdefault(folder, set()).add(display_path(path, settings.root))  # type: ignore[union-attr]
    return folders


def run(args: argparse.Namespace) -> int:
    from ..checks.validate import validate

    settings = settings_for(args, Path(args.paths[0]) if args.paths else None)
    findings, files = [], 0
    for folder, only in _folders_for(args.paths, settings).items():
        result = validate(
            folder,
            settings.root,
            settings.texts_dir,
            texts_hint=f"from {settings.texts_origin}",
            require_texts=args.require_texts,
            strict=args.strict,
            only=only,
        )
        findings.extend(result.findings)
        files += len(only) if only is not None else len(result.loaded.files)
        if args.shacl and not any(f.is_error for f in result.findings):
            from ..export.rdf import to_graph
            from ..export.shacl import check_graph

            graph = to_graph(result.loaded.kb, settings.base_iri, with_status=False)
            findings.extend(check_graph(graph, result.loaded.kb, settings.base_iri))
    findings.sort(key=lambda f: f.sort_key())
    color = args.format == "human" and sys.stdout.isatty()
    print(render(args.format, findings, files, color))
    return EXIT_FAIL if any(f.is_error for f in findings) else EXIT_OK


def register(sub) -> None:
    p = sub.add_parser(
        "validate",
        help="check the knowledge base: YAML, schema, references, links, quotes",
        description="Check YAML syntax and duplicate keys, the JSON Schema, ids and references, links "
                    "(self-links, contradictions, duplicates, support cycles), and that every evidence quote "
                    "stands in its source text. All findings are reported together, sorted by file and line.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="knowledge-base folders, or files to report on (default: the project's claims/ folder)")
    p.add_argument("--format", choices=FORMATS, default="human",
                   help="human (default), json (a stable list), or github (workflow annotations)")
    add_texts_option(p)
    p.add_argument("--require-texts", action="store_true",
                   help="fail if the source texts folder is missing (default: skip quote checks with a warning)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--shacl", action="store_true",
                   help="also export the graph to RDF and check it against schema/shapes.ttl with pyshacl")
    p.set_defaults(func=run)
