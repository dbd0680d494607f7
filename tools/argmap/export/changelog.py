"""A change set as Markdown, ready to post as a pull-request comment.

Status changes come first: they are what a reviewer cannot see in a YAML diff.
"""

from __future__ import annotations

import textwrap

from ..model.changes import ChangeSet

MARK = {"accepted": "✓", "rejected": "✗", "undecided": "?", "questioned": "✓?"}


def _short(text: str, width: int = 110) -> str:
    return textwrap.shorten(" ".join(text.split()), width, placeholder="…")


def _status(value: str | None) -> str:
    return f"{MARK.get(value, '')} {value}" if value else "-"


def _words(words: list[tuple[str, str]]) -> str:
    parts = []
    for op, text in words:
        if op == "=":
            parts.append(text)
        elif op == "-":
            parts.append(f"~~{text}~~")
        else:
            parts.append(f"**{text}**")
    return " ".join(parts)


def _section(title: str, items: list[str]) -> list[str]:
    return [f"#### {title}", "", *(f"- {item}" for item in items), ""] if items else []


def _link(change) -> str:
    if change.before is None:
        return f"added: `{change.origin}` **{change.after}** `{change.target}`"
    if change.after is None:
        return f"removed: `{change.origin}` ~~{change.before}~~ `{change.target}`"
    return f"retyped: `{change.origin}` ~~{change.before}~~ **{change.after}** `{change.target}`"


def to_markdown(changes: ChangeSet, base: str, head: str) -> str:
    lines = [f"### argmap diff: `{base}` → `{head}`", ""]
    if changes.empty:
        lines.append("No change to claims, links, quotes or statuses.")
        return "\n".join(lines) + "\n"
    counts = [
        (len(changes.statuses), "status change(s)"), (len(changes.added), "claim(s) added"),
        (len(changes.removed), "removed"), (len(changes.reworded), "reworded"),
        (len(changes.links), "link change(s)"), (len(changes.quotes), "quote change(s)"),
    ]
    lines += [", ".join(f"{n} {what}" for n, what in counts if n) + ".", ""]
    if changes.statuses:
        lines += ["#### Claims whose status changed", "", "| claim | before | after | |", "| --- | --- | --- | --- |"]
        for s in changes.statuses:
            why = "edited here" if s.edited else "**not edited: moved by links elsewhere**"
            lines.append(f"| `{s.id}` {_short(s.text, 80)} | {_status(s.before)} | {_status(s.after)} | {why} |")
        lines.append("")
    lines += _section("Claims added", [f"`{c.id}` ({_status(c.status)}): {_short(c.text)}" for c in changes.added])
    lines += _section("Claims removed", [f"`{c.id}` (was {_status(c.status)}): {_short(c.text)}" for c in changes.removed])
    lines += _section("Claims reworded", [f"`{r.id}`: {_words(r.words)}" for r in changes.reworded])
    lines += _section("Other claim fields", [f"`{f.id}` {f.field}: `{f.before}` → `{f.after}`" for f in changes.fields])
    lines += _section("Links", [_link(l) for l in changes.links])
    lines += _section("Evidence quotes", [f"{q.change} on `{q.claim}` ({q.source}): “{_short(q.quote, 100)}”"
                                          for q in changes.quotes])
    return "\n".join(lines)
