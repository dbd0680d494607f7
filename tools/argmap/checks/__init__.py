"""Checks: rules across the whole knowledge base, one module per rule family.

Each module has ``check(ctx) -> Iterable[Finding]``; adding a rule family is adding a
module and naming it in ``CHECKS``. Shape rules (the JSON Schema) run while loading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..findings import Finding
from ..load.texts import TextStore
from ..model.kb import KnowledgeBase
from . import coverage, hedges, links, quotes, references


@dataclass
class CheckContext:
    kb: KnowledgeBase
    texts: TextStore
    require_texts: bool = False
    texts_hint: str = ""  # how the texts folder was chosen, for the missing-texts message
    # what files that could not be read seem to define and mention: a reference to an id they
    # define, or a claim nobody links to that they mention, is a consequence of that file's
    # error, not a finding of its own
    unreadable_defines: frozenset[str] = frozenset()
    unreadable_mentions: frozenset[str] = frozenset()


Check = Callable[[CheckContext], Iterable[Finding]]
CHECKS: tuple[Check, ...] = (references.check, links.check, quotes.check, hedges.check, coverage.check)


def run_checks(ctx: CheckContext) -> list[Finding]:
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(ctx))
    return findings
