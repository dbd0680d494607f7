"""Printing findings: human, JSON and GitHub-annotation formats."""

from __future__ import annotations

import json
from typing import Sequence

from .findings import Finding

FORMATS = ("human", "json", "github")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(findings: Sequence[Finding], files: int) -> str:
    errors = sum(f.is_error for f in findings)
    return f"{_count(errors, 'error')}, {_count(len(findings) - errors, 'warning')} in {_count(files, 'file')} checked"


def human(findings: Sequence[Finding], files: int, color: bool = False) -> str:
    red, yellow, dim, reset = ("\033[31m", "\033[33m", "\033[2m", "\033[0m") if color else ("",) * 4
    lines = []
    for f in findings:
        where = f"{f.loc}: " if f.loc else ""
        mark = f"{red}error{reset}" if f.is_error else f"{yellow}warning{reset}"
        lines.append(f"{where}{mark} [{f.rule}] {f.message}")
        if f.hint:
            lines.append(f"    {dim}hint: {f.hint}{reset}")
    lines.append(summary(findings, files))
    return "\n".join(lines)


def as_json(findings: Sequence[Finding], files: int) -> str:
    errors = sum(f.is_error for f in findings)
    payload = {
        "findings": [f.to_dict() for f in findings],
        "summary": {"errors": errors, "warnings": len(findings) - errors, "files": files},
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(findings: Sequence[Finding], files: int) -> str:
    """GitHub Actions workflow commands (``::error file=…,line=…,col=…::message``)."""
    lines = []
    for f in findings:
        props = []
        if f.loc:
            props += [f"file={_escape_property(f.loc.file)}", f"line={f.loc.line}", f"col={f.loc.col}"]
        props.append(f"title={_escape_property(f.rule)}")
        message = f.message + (f"\n{f.hint}" if f.hint else "")
        lines.append(f"::{'error' if f.is_error else 'warning'} {','.join(props)}::{_escape_data(message)}")
    lines.append(summary(findings, files))
    return "\n".join(lines)


def render(fmt: str, findings: Sequence[Finding], files: int, color: bool = False) -> str:
    if fmt == "json":
        return as_json(findings, files)
    if fmt == "github":
        return github(findings, files)
    return human(findings, files, color)
