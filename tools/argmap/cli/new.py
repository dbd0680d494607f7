"""argmap new claim|topic|source|person"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .common import (EXIT_FAIL, EXIT_OK, CommandFailed, UsageError, claims_folder, progress, report_new_entry,
                     settings_for)

CLAIM_KINDS = ("thesis", "claim", "fact", "estimate", "proposal")
SOURCE_KINDS = ("post", "comment thread", "article", "podcast")


def ask(args: argparse.Namespace, name: str, prompt: str, *, choices: Sequence[str] = (), default: str | None = None,
        required: bool = True) -> str | None:
    """The option ``name``, or, in a terminal, an answer to ``prompt``; a usage error in a script."""
    value = getattr(args, name, None)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        if default is not None or not required:
            return default
        raise UsageError(f"--{name.replace('_', '-')} is required (or run in a terminal to be asked)")
    hint = f" [{'/'.join(choices)}]" if choices and len(choices) <= 8 else ""
    shown_default = f" (default {default})" if default else ""
    while True:
        try:
            answer = input(f"{prompt}{hint}{shown_default}: ").strip()
        except EOFError:
            raise UsageError(f"--{name.replace('_', '-')} is required") from None
        answer = answer or (default or "")
        if not answer and not required:
            return None
        if answer and (not choices or answer in choices):
            return answer
        print(f"  please give one of: {', '.join(choices)}" if choices else "  an answer is needed", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..edit.roundtrip import EditError
    from ..edit.scaffold import Project, new_claim, new_person, new_source, new_topic

    settings = settings_for(args)
    folder = claims_folder(args, settings)
    try:
        project = Project(folder, settings.root)
        if args.what == "claim":
            topic = ask(args, "topic", "topic id", choices=sorted(project.topic_ids()))
            text = ask(args, "text", "claim text (your own words; keep the author's hedges)")
            by = ask(args, "by", "who asserts it (a person or role id from people.yaml)")
            kind = ask(args, "kind", "kind", choices=CLAIM_KINDS, default="claim")
            thread = ask(args, "thread", "thread id (empty for none)", required=False)
            added = new_claim(project, topic, text, kind, by, thread=thread or None, tags=args.tag, ident=args.id)
        elif args.what == "topic":
            ident = ask(args, "id", "topic id (also the file name)")
            title = ask(args, "title", "title")
            summary = ask(args, "summary", "summary of the source text's argument")
            added = new_topic(project, ident, title, summary)
        elif args.what == "source":
            added = new_source(project, ask(args, "id", "source id"), title=ask(args, "title", "title"),
                               kind=ask(args, "kind", "kind", choices=SOURCE_KINDS), text=ask(args, "text", "text file name"),
                               url=args.url, author=args.author, date=args.date, note=args.note)
        else:
            name = args.name
            role = args.role
            if name is None and role is None:
                role = ask(args, "role", "role, where the text names nobody (empty if it names them)", required=False)
                if not role:
                    name = ask(args, "name", "name, as the text gives it")
            added = new_person(project, args.id, name=name, role=role, kind=args.kind, description=args.description)
    except EditError as exc:
        raise CommandFailed(str(exc)) from None
    print(f"{added.display}:{added.line}: added {args.what} '{added.id}'")
    errors = report_new_entry(folder, settings, added.display, added.line)
    if args.what == "claim":
        progress("next: add its evidence (a quote from the source text) and its links, then run 'argmap validate'")
    return EXIT_FAIL if errors else EXIT_OK


def register(sub) -> None:
    from .common import add_claims_option

    p = sub.add_parser(
        "new", help="add a claim, topic, source or person, with a fresh id, in the right file",
        description="Scaffold a new entry in the right file and place, with a unique id made from its text (or "
                    "give --id). In a terminal it asks for what is missing; in scripts, give the options. The result "
                    "validates, except for evidence quotes you still have to add.",
    )
    kinds = p.add_subparsers(dest="what", metavar="WHAT", required=True)

    c = kinds.add_parser("claim", help="a claim in a topic file (after the last claim of its thread)")
    c.add_argument("--topic", help="the topic id")
    c.add_argument("--text", help="the claim, in your own words, keeping the author's hedges")
    c.add_argument("--by", help="who asserts it: a person or role id from people.yaml")
    c.add_argument("--kind", choices=CLAIM_KINDS, help="default: claim")
    c.add_argument("--thread", help="the topic thread it belongs to")
    c.add_argument("--tag", action="append", metavar="TAG", help="a tag id (repeat for several)")
    c.add_argument("--id", help="the id (default: made from the text, with the topic's prefix)")

    t = kinds.add_parser("topic", help="a new topic file for one source text")
    t.add_argument("--id", help="the topic id, also the file name")
    t.add_argument("--title")
    t.add_argument("--summary")

    s = kinds.add_parser("source", help="a source text in sources.yaml")
    s.add_argument("--id")
    s.add_argument("--title")
    s.add_argument("--kind", choices=SOURCE_KINDS)
    s.add_argument("--text", help="file name of the full text in the texts folder")
    s.add_argument("--url")
    s.add_argument("--author", help="a person id, only if the source names its author")
    s.add_argument("--date", help="YYYY, YYYY-MM or YYYY-MM-DD")
    s.add_argument("--note")

    w = kinds.add_parser("person", help="a person, organisation or role in people.yaml")
    w.add_argument("--id", help="default: made from the name or role")
    group = w.add_mutually_exclusive_group()
    group.add_argument("--name", help="the name, only where a text gives it")
    group.add_argument("--role", help="who they are in the text, where it names nobody (never a guessed name)")
    w.add_argument("--kind", choices=("person", "organisation", "group"))
    w.add_argument("--description")

    for sub_parser in (c, t, s, w):
        add_claims_option(sub_parser)
        sub_parser.set_defaults(func=run)
