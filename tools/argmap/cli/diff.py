"""argmap diff"""

from __future__ import annotations

import argparse
import json

from .common import EXIT_OK, CommandFailed, claims_folder, emit, progress, settings_for


def run(args: argparse.Namespace) -> int:
    from ..export.changelog import to_markdown
    from ..load.git import GitError, default_base, load_revision, repo_root
    from ..load.project import load_folder
    from ..model.changes import compare

    settings = settings_for(args)
    folder = claims_folder(args, settings)
    try:
        repo = repo_root(folder)
        base = args.base or default_base(repo)
        progress(f"reading {folder.name}/ at {base[:12]}")
        old = load_revision(repo, base, folder, settings.root)
        if args.head:
            progress(f"reading {folder.name}/ at {args.head}")
            new = load_revision(repo, args.head, folder, settings.root)
        else:
            new = load_folder(folder, settings.root)
    except GitError as exc:
        raise CommandFailed(str(exc)) from None
    for side, loaded in (("base", old), ("head", new)):
        errors = [f for f in loaded.findings if f.is_error]
        if errors:
            progress(f"note: the {side} has {len(errors)} error(s) (e.g. {errors[0].loc}: {errors[0].message}); "
                     "the comparison uses what could be read")
    changes = compare(old.kb, new.kb)
    head_name = args.head or "working tree"
    base_name = args.base or f"merge base {base[:12]}"
    if args.format == "json":
        text = json.dumps({"base": base_name, "head": head_name, **changes.to_dict()}, ensure_ascii=False, indent=2)
    else:
        text = to_markdown(changes, base_name, head_name)
    emit(args.output, text, f"{args.format} changelog")
    return EXIT_OK


def register(sub) -> None:
    from .common import add_claims_option

    p = sub.add_parser(
        "diff", help="what a change does to the map: claims, links, quotes and statuses, between two revisions",
        description="Compare the knowledge base at two git revisions and print a semantic changelog: claims added, "
                    "removed or reworded (word by word), links added, removed or retyped, quotes changed, and every "
                    "claim whose status (accepted, rejected, undecided, questioned) changed, including claims the "
                    "change did not touch. Markdown is ready to post as a pull-request comment.",
        epilog="Examples: 'argmap diff' (merge base with main against the working tree), 'argmap diff HEAD~1 HEAD', "
               "'argmap diff origin/main HEAD --format json'.",
    )
    p.add_argument("base", nargs="?", metavar="BASE", help="git revision to compare from (default: the merge base of HEAD with main)")
    p.add_argument("head", nargs="?", metavar="HEAD", help="git revision to compare to (default: the working tree)")
    p.add_argument("--format", choices=("markdown", "json"), default="markdown", help="output format (default: markdown)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    add_claims_option(p)
    p.set_defaults(func=run)
