"""Reading Argdown: the official parser (``@argdown/cli``) turns a file into JSON, this turns that into a Draft.

Argdown's grammar (indented relation trees, premise-conclusion structures, inline data, escapes)
is defined by its own parser; rather than a second, partial one in Python, ``argmap import``
runs the real one when it is installed, or reads the JSON that ``argdown json`` wrote.

Mapping back (see ``export.argdown`` for the way out):

- statements become claims (id from the title, text without its ``#tags``); their data, if an
  argmap export wrote it, gives kind, asserter, thread, evidence and every link with its note;
- support and ``entails`` relations become supports; attack, ``contrary`` and ``contradictory``
  become rebuttals (the last two are reported, since argmap has no symmetric attack);
- an undercut of an argument becomes an undercut of the link that argument stands for: the one
  in its data, else the step from each of its premises to its main conclusion;
- an argument that is itself in a relation has no counterpart (argmap links claims): it becomes a
  claim, and that is reported.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ..model.draft import Draft, DraftClaim, DraftEvidence, DraftLink, DraftThread

ANSI = re.compile(r"\x1b\[[0-9;]*m")
SUPPORT = {"support": "supports", "entails": "supports"}
ATTACK = {"attack": "rebuts", "contrary": "rebuts", "contradictory": "rebuts"}
DRAWN = ("supports", "rebuts")  # the links an argument standing for a link can stand for


class ArgdownError(Exception):
    """Argdown input that could not be read: the message says where and why."""


def find_cli(root: Path | None = None) -> list[str] | None:
    """The command that runs the Argdown CLI: $ARGDOWN_CLI, ``argdown`` on the PATH, or the copy
    that CI installs under ``.cache/argmap/node`` of the project."""
    if os.environ.get("ARGDOWN_CLI"):
        return [os.environ["ARGDOWN_CLI"]]
    if shutil.which("argdown"):
        return [shutil.which("argdown")]
    if root is not None:
        local = root / ".cache" / "argmap" / "node" / "node_modules" / ".bin" / "argdown"
        if local.exists() and shutil.which("node"):
            return [str(local)]
    return None


def run_cli(path: Path, root: Path | None = None, timeout: float = 300) -> dict[str, Any]:
    """Parse an Argdown file with the Argdown CLI; its JSON export as a dict."""
    cli = find_cli(root)
    if cli is None:
        raise ArgdownError(
            "reading Argdown needs the Argdown CLI, which was not found (install it with "
            "'npm install -g @argdown/cli', or set ARGDOWN_CLI); or pass the JSON that 'argdown json' writes"
        )
    with tempfile.TemporaryDirectory(prefix="argmap-argdown-") as tmp:
        try:
            done = subprocess.run([*cli, "json", str(path), tmp, "--removeMap", "--removeEmbeddedRelations"],
                                  capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ArgdownError(f"could not run the Argdown CLI ({cli[0]}): {exc}") from None
        out = Path(tmp) / (path.stem + ".json")
        if done.returncode != 0 or not out.exists():
            raise ArgdownError(_cli_errors(path, ANSI.sub("", done.stdout + done.stderr)))
        return json.loads(out.read_text(encoding="utf-8"))


def _cli_errors(path: Path, output: str) -> str:
    """The CLI's syntax errors as 'FILE:LINE:COL: message' lines."""
    found = re.findall(r"At (\d+):(\d+)\s*\n(.+)", output)
    if not found:
        return f"the Argdown CLI could not read {path}: {output.strip()[-500:]}"
    return "Argdown syntax error(s):\n" + "\n".join(f"{path}:{line}:{col}: {msg.strip()}" for line, col, msg in found)


def _text(member: dict[str, Any]) -> str:
    """A statement's text without its tags (Argdown keeps ``#tag`` in the text and marks it as a range)."""
    text = member.get("text") or ""
    for rng in sorted((r for r in member.get("ranges") or [] if r.get("type") == "tag"),
                      key=lambda r: r["start"], reverse=True):
        text = text[: rng["start"]] + text[rng["stop"] + 1:]
    return " ".join(text.split())


def _defining(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The member of an equivalence class that defines it: the first with text."""
    return next((m for m in members if (m.get("text") or "").strip()), members[0] if members else {})


def _data(members: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in members:
        if isinstance(m.get("data"), dict):
            out.update(m["data"])
    return out


def draft_from_json(doc: Any) -> Draft:
    """A Draft from 'argdown json' output; ArgdownError (never a traceback) for anything else."""
    try:
        return _draft_from_json(doc)
    except ArgdownError:
        raise
    except (KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
        raise ArgdownError(f"not the JSON that 'argdown json' writes ({type(exc).__name__}: {exc})") from None


def _draft_from_json(doc: dict[str, Any]) -> Draft:
    if not isinstance(doc, dict) or not isinstance(doc.get("statements"), dict):
        raise ArgdownError("not the JSON that 'argdown json' writes (no 'statements')")
    draft = Draft()
    sections = _sections(doc.get("sections") or [])
    tops = [s for s in sections.values() if s["level"] == 1]
    if tops:
        draft.title = tops[0]["title"] if len(tops) == 1 else None
        draft.summary = (tops[0]["data"].get("summary") if len(tops) == 1 else None)
    section_threads = {}
    for sid, sec in sections.items():
        key = sec["data"].get("thread")
        if key or (sec["level"] > 1 or len(tops) > 1):
            key = key or _slug_title(sec["title"])
            section_threads[sid] = key
            if all(t.key != key for t in draft.threads):
                draft.threads.append(DraftThread(key, sec["title"]))
    arguments = doc.get("arguments") or {}
    for title, ec in doc["statements"].items():
        members = ec.get("members") or []
        first = _defining(members)
        meta = _data(members)
        claim = DraftClaim(key=title, text=_text(first) or title)
        tags = [t for m in members for t in m.get("tags") or []]
        claim.tags = list(dict.fromkeys(tags))
        claim.kind = meta.get("kind") if isinstance(meta.get("kind"), str) else "claim"
        claim.by = meta.get("by") if isinstance(meta.get("by"), str) else None
        claim.thread = meta.get("thread") if isinstance(meta.get("thread"), str) else section_threads.get(first.get("section"))
        claim.about = [a for a in meta.get("about") or [] if isinstance(a, str)]
        if isinstance(meta.get("credence"), (int, float)):
            claim.credence = float(meta["credence"])
        claim.extra = {k: meta[k] for k in ("unhedged", "standalone") if isinstance(meta.get(k), str)}
        for ev in meta.get("evidence") or []:
            if isinstance(ev, dict) and isinstance(ev.get("quote"), str):
                claim.evidence.append(DraftEvidence(ev.get("source"), ev["quote"], ev.get("note")))
        draft.claims.append(claim)
    notes = _data_links(doc, draft)
    _relations(doc, draft, arguments, notes)
    return draft


def _slug_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "thread"


def _sections(raw: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}

    def walk(items):
        for s in items:
            out[s["id"]] = {"title": s.get("title") or s["id"], "level": s.get("level", 1),
                            "data": s.get("data") if isinstance(s.get("data"), dict) else {}}
            walk(s.get("children") or [])

    walk(raw)
    return out


def _data_links(doc: dict[str, Any], draft: Draft) -> dict[tuple, str]:
    """Links kept in statement data by an argmap export. Relations Argdown draws come from its
    relations (below); the data gives their notes and the links Argdown cannot draw."""
    notes: dict[tuple, str] = {}
    for title, ec in doc["statements"].items():
        for item in _data(ec.get("members") or []).get("links") or []:
            link = DraftLink.from_record(title, item)
            if link is None:
                continue
            if link.note:
                notes[link.key] = link.note
            drawn_here = {link.origin, link.target, *(link.target_link or ())} <= set(doc["statements"])
            if link.kind in ("questions", "relates") or not drawn_here:
                draft.add_link(link)
    return notes


def _relations(doc: dict[str, Any], draft: Draft, arguments: dict[str, Any], notes: dict[tuple, str]) -> None:
    def as_claim(title: str) -> str:
        """An argument in a relation becomes a claim (argmap links claims, not arguments)."""
        key = f"argument {title}"
        if draft.claim(key) is None:
            arg = arguments.get(title) or {}
            desc = next((m.get("text") for m in arg.get("members") or [] if (m.get("text") or "").strip()), "")
            draft.claims.append(DraftClaim(key=key, text=" ".join(desc.split()) or title))
            draft.losses.append(f"argument <{title}> is in a relation: it became a claim (argmap links claims, not arguments)")
        return key

    for rel in doc.get("relations") or []:
        kind, src, dst = rel.get("relationType"), rel.get("from"), rel.get("to")
        from_arg = rel.get("fromType") != "equivalence-class"
        to_arg = rel.get("toType") != "equivalence-class"
        origin = as_claim(src) if from_arg else src
        if kind == "undercut":
            steps = _argument_steps(arguments.get(dst) or {}, draft)
            if not steps:
                draft.losses.append(f"undercut of <{dst}> left out: that argument names no step from a premise to a conclusion")
            for premise, conclusion in steps:
                note = notes.get(("undercuts", origin, (premise, conclusion)))
                draft.add_link(DraftLink("undercuts", origin, conclusion, (premise, conclusion), note))
            continue
        mapped = SUPPORT.get(kind) or ATTACK.get(kind)
        if mapped is None:
            draft.losses.append(f"{kind} relation from {src} to {dst} left out: argmap has no such link")
            continue
        if kind in ("entails", "contrary", "contradictory"):
            draft.losses.append(f"{kind} relation from {src} to {dst} imported as '{mapped}'")
        target = as_claim(dst) if to_arg else dst
        draft.add_link(DraftLink(mapped, origin, target, None, notes.get((mapped, origin, target))))


def _argument_steps(arg: dict[str, Any], draft: Draft) -> list[tuple[str, str]]:
    """The link(s) an argument stands for: the one its data names, else premise -> main conclusion."""
    for m in arg.get("members") or []:
        link = (m.get("data") or {}).get("link") if isinstance(m.get("data"), dict) else None
        if isinstance(link, dict) and isinstance(link.get("from"), str):
            target = next((v for k, v in link.items() if k in DRAWN and isinstance(v, str)), None)
            if target:
                return [(link["from"], target)]
    pcs = arg.get("pcs") or []
    if not pcs:
        return []
    conclusion = pcs[-1].get("title")
    steps = []
    for member in pcs[:-1]:
        premise = member.get("title")
        if member.get("role") == "premise" and premise and conclusion:
            if not any(l.origin == premise and l.target == conclusion and l.kind in ("supports", "rebuts") for l in draft.links):
                draft.add_link(DraftLink("supports", premise, conclusion, None, f"premise of the argument <{arg.get('title')}>"))
                draft.losses.append(f"argument <{arg.get('title')}>: premise {premise} now supports {conclusion} directly")
            steps.append((premise, conclusion))
    return steps


def read(path: Path, root: Path | None = None) -> Draft:
    """A Draft from an Argdown file (parsed by the Argdown CLI) or from 'argdown json' output."""
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ArgdownError(f"cannot read {path}: {exc}") from None
    else:
        if not path.is_file():
            raise ArgdownError(f"no such file: {path}")
        doc = run_cli(path, root)
    return draft_from_json(doc)
