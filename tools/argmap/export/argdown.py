"""The knowledge base as Argdown (https://argdown.org), the text syntax of the Argdown tools.

What goes where:

- a topic is a level-1 section (``# Title``), each of its threads a level-2 section;
- a claim is a statement ``[claim-id]: text #tag …`` whose title is the claim's id;
- supports are outgoing support relations (``+> [target]``), rebuttals outgoing attacks (``-> [target]``);
- Argdown undercuts attack arguments, not relations between statements, so each link that is
  undercut also gets an argument ``<from to to>`` standing for that step, and the undercut is
  ``_> <from to to>`` (the argument carries the link in its data);
- what Argdown has no syntax for is kept in each statement's data (``{…}`` after the text):
  kind, asserter, thread, about, credence, evidence quotes, and every outgoing link with its
  note. ``questions`` and ``relates`` links, and links to claims outside a one-topic export,
  are not relations in Argdown; they also appear as comments under their claim. The export's
  header says so.

``argmap import --from argdown`` reads the data back, so export then import loses nothing.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model.kb import Claim, Link, LinkKind
from .selection import Selection, claim_record, link_record

ARGDOWN_CLI_VERSION = "1.7.5"  # the @argdown/cli release the tests and CI parse exports with
# Argdown reads a backslash before any character as that character: escape every character that
# can open or close one of its constructs, so a claim's text reads back exactly as written.
SPECIAL = set("\\[]<>#{}_*/@~`+-=:")
RELATION = {LinkKind.SUPPORTS: "+>", LinkKind.REBUTS: "->"}


def escape(text: str) -> str:
    """Text as Argdown reads it back verbatim (newlines become spaces: a statement is one line)."""
    return "".join("\\" + ch if ch in SPECIAL else ch for ch in " ".join(text.split()))


def data(value: Any) -> str:
    """A value as Argdown statement data: JSON flow (valid YAML), with braces inside strings written
    as \\u escapes (Argdown's lexer ends the data block at the first closing brace, even in a string)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {data(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(data(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).replace("{", "\\u007b").replace("}", "\\u007d")
    return json.dumps(value)


def argument_title(a: str, b: str) -> str:
    return f"{a} to {b}"


def _header(sel: Selection) -> list[str]:
    scope = "the whole knowledge base" if sel.whole else f"topic '{sel.topics[0].id}'"
    lost = sel.counts()
    lines = [
        "/*",
        f"  argmap {__version__}: {scope} as Argdown ({len(sel.claims)} claims).",
        "  Statement titles are argmap claim ids. Supports are support relations (+>), rebuttals",
        "  attacks (->); an undercut attacks an argument <from to to> that stands for the link it",
        "  undercuts. Kind, asserter, thread, evidence quotes and every link with its note are kept",
        "  in each statement's data, so 'argmap import --from argdown' gets them back.",
        "  Argdown has no relation for these; they are in the data and in comments only:",
        f"  {lost['questions']} 'questions' link(s) (a request for reasons, not an attack) and",
        f"  {lost['relates']} 'relates' link(s) (the texts meet, neither argues about the other).",
    ]
    outside = sel.outgoing()
    if outside:
        lines.append(f"  {len(outside)} link(s) to claims in other topics are in the data and in comments only.")
    lines.append("*/")
    return lines


def to_argdown(sel: Selection) -> str:
    undercut = {link.target_link for link in sel.links((LinkKind.UNDERCUTS,))}
    out = _header(sel)
    for topic in sel.topics:
        out += ["", f"# {escape(topic.title)} {data({'topic': topic.id, 'summary': ' '.join(topic.summary.split())})}"]
        claims = sel.kb.claims_of(topic.id)
        groups: list[tuple[Any, list[Claim]]] = [(None, [c for c in claims if not c.thread])]
        groups += [(t, [c for c in claims if c.thread == t.id]) for t in topic.threads]
        known = {t.id for t in topic.threads}
        groups += [(None, [c for c in claims if c.thread and c.thread not in known])]
        for thread, members in groups:
            if thread is not None and members:
                out += ["", f"## {escape(thread.title)} {data({'thread': thread.id})}"]
            for claim in members:
                out += ["", *_statement(sel, claim, undercut)]
    return "\n".join(out) + "\n"


def _statement(sel: Selection, claim: Claim, undercut: set) -> list[str]:
    tags = "".join(f" #{t}" for t in claim.tags)
    lines = [f"[{claim.id}]: {escape(claim.text)}{tags} {data(claim_record(claim))}"]
    comments = []
    for link in claim.links:
        drawn = sel.inside(link)
        if drawn and link.kind in RELATION:
            lines.append(f"  {RELATION[link.kind]} [{link.target}]")
        elif drawn and link.kind is LinkKind.UNDERCUTS:
            lines.append(f"  _> <{argument_title(*link.target_link)}>")
        else:
            # a comment may not open a relation list, and a line comment after one is read as text:
            # they go below, in one block comment
            where = "" if drawn else " (in another topic)"
            target = "->".join(link.target_link) if link.target_link else link.target
            comments.append(f"{claim.id} {link.kind.value}{where}: {target}")
    if comments:
        lines += ["", "/* " + "; ".join(comments) + " */"]
    for link in claim.links:
        if (claim.id, link.target) in undercut and link.kind in RELATION and sel.inside(link):
            step = "support of" if link.kind is LinkKind.SUPPORTS else "attack on"
            lines += ["", f"<{argument_title(claim.id, link.target)}>: {escape(f'The {step} {link.target} by {claim.id}.')} "
                      f"{data({'link': {link.kind.value: link.target, 'from': claim.id}})}"]
    return lines
