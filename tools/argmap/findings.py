"""Findings: what a check reports, as plain values.

Every layer reports problems by returning findings rather than raising, so that the
validator can collect them all and print them together, sorted, in any format.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Loc:
    """A position in a file: 1-based line and column, as editors show them."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    loc: Loc | None = None
    hint: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        loc = self.loc or Loc("")
        return (loc.file, loc.line, loc.col, self.rule, self.message)

    def as_error(self) -> "Finding":
        return Finding(self.rule, Severity.ERROR, self.message, self.loc, self.hint)

    def to_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "file": self.loc.file if self.loc else None,
            "line": self.loc.line if self.loc else None,
            "column": self.loc.col if self.loc else None,
            "message": self.message,
            "hint": self.hint,
        }


def error(rule: str, message: str, loc: Loc | None = None, hint: str | None = None) -> Finding:
    return Finding(rule, Severity.ERROR, message, loc, hint)


def warning(rule: str, message: str, loc: Loc | None = None, hint: str | None = None) -> Finding:
    return Finding(rule, Severity.WARNING, message, loc, hint)


def did_you_mean(word: str, choices, cutoff: float = 0.6) -> str | None:
    """A "did you mean" hint naming the closest of ``choices``, if any is close."""
    import difflib

    close = difflib.get_close_matches(str(word), sorted(set(choices)), n=1, cutoff=cutoff)
    return f"did you mean '{close[0]}'?" if close else None
