"""argmap import"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import EXIT_FAIL, EXIT_OK, CommandFailed, claims_folder, progress, report_new_entry, settings_for


def run(args: argparse.Namespace) -> int:
    from ..edit.import_topic import import_draft
    from ..edit.roundtrip import EditError
    from ..edit.scaffold import Project

    settings = settings_for(args)
    folder = claims_folder(args, settings)
    path = Path(args.file)
    try:
        if args.source_format == "argdown":
            from ..load.argdown import ArgdownError, read

            try:
                draft = read(path, settings.root)
            except ArgdownError as exc:
                raise CommandFailed(str(exc)) from None
        else:
            from ..load.aif import AifError, read as read_aif

            try:
                draft = read_aif(path)
            except AifError as exc:
                raise CommandFailed(str(exc)) from None
        project = Project(folder, settings.root)
        done = import_draft(project, draft, args.topic, title=args.title, summary=args.summary, source=args.source,
                            by=args.by, source_name=path.name)
    except EditError as exc:
        raise CommandFailed(str(exc)) from None
    print(f"{done.display}: imported {done.claims} claims and {done.links} links as topic '{args.topic}'")
    for person in done.added_people:
        print(f"  added person or role '{person}' to people.yaml")
    for tag in done.added_tags:
        print(f"  added tag '{tag}' to tags.yaml")
    if done.report:
        print(f"  not carried over as it was ({len(done.report)}):")
        for line in done.report:
            print(f"  - {line}")
    errors = report_new_entry(folder, settings, done.display, limit=20)
    progress("next: check the claims against the source, add evidence quotes where missing, run 'argmap validate'")
    return EXIT_FAIL if errors else EXIT_OK


def register(sub) -> None:
    from .common import add_claims_option, add_texts_option

    p = sub.add_parser(
        "import", help="turn an Argdown file or an AIF JSON map into a new topic file",
        description="Read a map made with another tool and write it as a new topic file: ids from titles or texts "
                    "(unique in the knowledge base), speakers as people or roles, AIF locutions as evidence quotes "
                    "(with --source, or the locution's own source). Argdown is read by the Argdown CLI "
                    "(@argdown/cli; or give the JSON that 'argdown json' writes). Whatever cannot be represented is "
                    "listed, never dropped silently; the new file is then validated.",
    )
    p.add_argument("--from", dest="source_format", required=True, choices=["argdown", "aif-json"], help="the format")
    p.add_argument("file", metavar="FILE", help="the file to import (.argdown, or .json)")
    p.add_argument("--topic", required=True, metavar="ID", help="id of the new topic (also its file name)")
    p.add_argument("--title", help="the topic's title (default: from the file)")
    p.add_argument("--summary", help="the topic's summary (default: from the file, else a placeholder)")
    p.add_argument("--source", metavar="ID", help="source id (sources.yaml) of the quotes, where the file does not say")
    p.add_argument("--by", metavar="ID", help="person or role id for claims with no speaker (default: a new role)")
    add_texts_option(p)
    add_claims_option(p)
    p.set_defaults(func=run)
