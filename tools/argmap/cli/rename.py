"""argmap rename"""

from __future__ import annotations

import argparse
from collections import Counter

from .common import EXIT_FAIL, EXIT_OK, CommandFailed, claims_folder, progress, settings_for


def run(args: argparse.Namespace) -> int:
    from ..checks.validate import validate
    from ..edit.rename import apply, plan_rename
    from ..edit.roundtrip import EditError

    settings = settings_for(args)
    folder = claims_folder(args, settings)
    try:
        plan = plan_rename(folder, settings.root, args.old, args.new, args.kind)
    except EditError as exc:
        raise CommandFailed(str(exc)) from None
    per_file = Counter(change.file for change in plan.changes)
    for change in plan.changes:
        print(f"{change.file}:{change.line}: {change.what}: {args.old} -> {args.new}")
    for where in plan.mentions:
        print(f"{where}: note: still says '{args.old}' (in prose, or as the id of something else); "
              f"not changed: edit it by hand if it means the {plan.kind}")
    if args.dry_run:
        progress(f"would rename {plan.kind} '{args.old}' to '{args.new}': {len(plan.changes)} change(s) in {len(per_file)} file(s)")
        return EXIT_OK
    apply(plan)
    progress(f"renamed {plan.kind} '{args.old}' to '{args.new}': {len(plan.changes)} change(s) in {len(per_file)} file(s)")
    result = validate(folder, settings.root, settings.texts_dir)
    if result.errors:
        progress(f"the knowledge base has {result.errors} error(s) after the rename; run 'argmap validate' to see them")
        return EXIT_FAIL
    progress("the knowledge base validates")
    return EXIT_OK


def register(sub) -> None:
    from .common import add_claims_option, add_texts_option

    p = sub.add_parser(
        "rename", help="rename a claim, person, tag or source id and every reference to it",
        description="Change an id and every reference to it across the knowledge base: for a claim, its links "
                    "and both ends of undercuts; for a person or role, 'by', 'about' and source authors; for a tag, "
                    "'tags'; for a source, evidence. Files are rewritten keeping comments and layout, only after "
                    "every file has been read; prose that mentions the old id is listed, not changed.",
        epilog="Exit codes: 0 renamed (and the map validates); 1 refused, or errors after the rename.",
    )
    p.add_argument("old", metavar="OLD", help="the id to rename")
    p.add_argument("new", metavar="NEW", help="the new id (lower-case words joined by hyphens)")
    p.add_argument("--kind", choices=("claim", "person", "tag", "source"),
                   help="what OLD is the id of, where ids of different kinds coincide (e.g. a tag and a source)")
    p.add_argument("-n", "--dry-run", action="store_true", help="list the changes without writing anything")
    add_claims_option(p)
    add_texts_option(p)
    p.set_defaults(func=run)
