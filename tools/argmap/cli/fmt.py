"""argmap fmt"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

from .common import EXIT_FAIL, EXIT_OK, UsageError, settings_for


def yaml_paths(paths: list[str], default: Path) -> list[Path]:
    """The YAML files named, or found under the folders named (default: the claims folder)."""
    from ..load.project import yaml_files

    if not paths:
        return yaml_files(default)
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(yaml_files(path))
        elif path.is_file():
            out.append(path)
        else:
            raise UsageError(f"no such file or folder: {raw}")
    return out


def run(args: argparse.Namespace) -> int:
    from ..edit.fmt import format_file
    from ..edit.roundtrip import EditError
    from ..load.project import display_path

    settings = settings_for(args, Path(args.paths[0]) if args.paths else None)
    files = yaml_paths(args.paths, settings.claims_dir)
    changed, failed = [], []
    for path in files:
        shown = display_path(path, settings.root)
        try:
            result = format_file(path, shown, write=not (args.check or args.diff))
        except EditError as exc:
            failed.append(str(exc))
            continue
        if result.changed:
            changed.append(shown)
            if args.diff:
                sys.stdout.writelines(difflib.unified_diff(
                    result.before.splitlines(keepends=True), result.after.splitlines(keepends=True),
                    fromfile=f"a/{shown}", tofile=f"b/{shown}"))
            elif args.check:
                print(f"would reformat {shown}")
            else:
                print(f"reformatted {shown}")
    for message in failed:
        print(f"error: {message}", file=sys.stderr)
    same = len(files) - len(changed) - len(failed)
    verb = "would be reformatted" if (args.check or args.diff) else "reformatted"
    summary = f"{len(changed)} file(s) {verb}, {same} already formatted"
    if failed:
        summary += f", {len(failed)} not readable"
    print(summary, file=sys.stderr)
    if failed or ((args.check or args.diff) and changed):
        return EXIT_FAIL
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser(
        "fmt", help="format the YAML files canonically (key order, indentation, line width), keeping comments",
        description="Rewrite YAML files in one canonical layout: keys in the order the JSON Schema lists them, "
                    "two-space indentation, and prose longer than 100 columns folded as '>-' blocks. Comments, "
                    "quoting and every value are kept (the rewrite is checked value by value), and running it "
                    "twice changes nothing. A file that does not parse is left alone and reported.",
        epilog="Exit codes: 0 done (or, with --check, nothing to change); 1 files would change (--check, --diff) "
               "or could not be read.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the claims folder)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="change nothing; list the files that would change")
    mode.add_argument("--diff", action="store_true", help="change nothing; print what would change as a diff")
    p.set_defaults(func=run)
