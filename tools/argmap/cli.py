"""The ``argmap`` command line: parses options, calls the layers, prints.

Exit codes: 0 success, 1 findings with errors (or a failed command), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .config import ConfigError, Settings, load_settings
from .report import FORMATS, render

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called: printed, exit 2."""


def _settings(args: argparse.Namespace, anchor: Path | None = None) -> Settings:
    return load_settings(anchor, texts=getattr(args, "texts", None))


def _folders_for(paths: Sequence[str], settings: Settings) -> dict[Path, set[str] | None]:
    """Which knowledge-base folders to load, and which files of each to report (None: all)."""
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
            from .load.project import display_path

            folder = path.resolve().parent
            if folders.get(folder, set()) is not None:
                folders.setdefault(folder, set()).add(display_path(path, settings.root))  # type: ignore[union-attr]
    return folders


def cmd_validate(args: argparse.Namespace) -> int:
    from .checks.validate import validate

    anchor = Path(args.paths[0]) if args.paths else None
    settings = _settings(args, anchor)
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
    findings.sort(key=lambda f: f.sort_key())
    color = args.format == "human" and sys.stdout.isatty()
    print(render(args.format, findings, files, color))
    return EXIT_FAIL if any(f.is_error for f in findings) else EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from .load.project import load_folder

    settings = _settings(args)
    folder = Path(args.path).resolve() if args.path else settings.claims_dir
    if args.path and not folder.is_dir():
        raise UsageError(f"not a folder: {args.path}")
    loaded = load_folder(folder, settings.root)
    kb = loaded.kb
    errors = [f for f in loaded.findings if f.is_error]
    if errors:
        print(f"note: {len(errors)} file problem(s); run 'argmap validate' for details", file=sys.stderr)
    kinds = Counter(c.kind for c in kb.claims)
    links = Counter(l.kind.value for l in kb.links())
    quotes = sum(len(c.evidence) for c in kb.claims)
    cross = sum(
        1 for l in kb.links()
        if l.target in kb.claim_by_id and kb.claim_by_id[l.target].topic != kb.claim_by_id[l.origin].topic
    )
    rows = [
        ("topics", len(kb.topics)),
        ("claims", len(kb.claims)),
        *((f"  {k}", kinds.get(k, 0)) for k in ("thesis", "claim", "fact", "estimate", "proposal")),
        ("links", sum(links.values())),
        *((f"  {k}", links.get(k, 0)) for k in ("supports", "rebuts", "undercuts")),
        ("  cross-topic", cross),
        ("evidence quotes", quotes),
        ("sources", len(kb.sources)),
        ("people and roles", len(kb.people)),
        ("tags", len(kb.tags)),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value:>5}")
    if kb.topics:
        print()
        print(f"{'topic':<28} {'claims':>6} {'links':>6} {'quotes':>6}")
        for t in kb.topics:
            claims = kb.claims_of(t.id)
            print(f"{t.id:<28} {len(claims):>6} {sum(len(c.links) for c in claims):>6} {sum(len(c.evidence) for c in claims):>6}")
    return EXIT_OK


def _add_texts_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--texts", metavar="DIR",
                   help="folder with the full source texts (default: [tool.argmap] texts in pyproject.toml, "
                        "else $ARGMAP_TEXTS, else ../shared/sources)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Validate, analyse and publish an annotated argument map kept as YAML files under claims/.",
        epilog="Run 'argmap COMMAND --help' for a command's options. Exit codes: 0 ok, 1 errors found, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

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
    _add_texts_option(p)
    p.add_argument("--require-texts", action="store_true",
                   help="fail if the source texts folder is missing (default: skip quote checks with a warning)")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("stats", help="count topics, claims, links, quotes, sources and people",
                       description="Print counts of topics, claims by kind, links by type, evidence quotes, "
                                   "sources and people, and a line per topic.")
    p.add_argument("path", nargs="?", metavar="FOLDER", help="knowledge-base folder (default: claims/)")
    p.set_defaults(func=cmd_stats)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except UsageError as exc:
        print(f"argmap {args.command}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except ConfigError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
