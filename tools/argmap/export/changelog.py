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
    if changes.added:
        lines += ["#### Claims added", ""]
        lines += [f"- `{c.id}` ({_status(c.status)}): {_short(c.text)}" for c in changes.added]
        lines.append("")
    if changes.removed:
        lines += ["#### Claims removed", ""]
        lines += [f"- `{c.id}` (was {_status(c.status)}): {_short(c.text)}" for c in changes.removed]
        lines.append("")
    if changes.reworded:
        lines += ["#### Claims reworded", ""]
        lines += [f"- `{r.id}`: {_words(r.words)}" for r in changes.reworded]
        lines.append("")
    if changes.fields:
        lines += ["#### Other claim fields", ""]
        lines += [f"- `{f.id}` {f.field}: `{f.before}` → `{f.after}`" for f in changes.fields]
        lines.append("")
    if changes.links:
        lines += ["#### Links", ""]
        for l in changes.links:
            if l.before is None:
                lines.append(f"- added: `{l.origin}` **{l.after}** `{l.target}`")
            elif l.after is None:
                lines.append(f"- removed: `{l.origin}` ~~{l.before}~~ `{l.target}`")
            else:
                lines.append(f"- retyped: `{l.origin}` ~~{l.before}~~ **{l.after}** `{l.target}`")
        lines.append("")
    if changes.quotes:
        lines += ["#### Evidence quotes", ""]
        lines += [f"- {q.change} on `{q.claim}` ({q.source}): “{_short(q.quote, 100)}”" for q in changes.quotes]
        lines.append("")
    return "\n".join(lines)
