"""The whole validation: load a knowledge base, run every check, filter and sort findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..findings import Finding
from ..load.project import Loaded, load_folder
from ..load.texts import TextStore
from . import CheckContext, run_checks


@dataclass
class Validation:
    loaded: Loaded
    findings: list[Finding]

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


def validate(
    folder: Path,
    root: Path,
    texts_dir: Path | None,
    *,
    texts_hint: str = "",
    require_texts: bool = False,
    strict: bool = False,
    only: set[str] | None = None,
) -> Validation:
    """Validate the knowledge base in ``folder``.

    ``only`` limits the report to findings in those files (display paths); the whole folder
    is still loaded, so references across files resolve. Findings with no file are kept.
    """
    loaded = load_folder(folder, root)
    ctx = CheckContext(
        loaded.kb,
        TextStore(texts_dir),
        require_texts=require_texts,
        texts_hint=texts_hint,
        unreadable_defines=frozenset().union(*(u.defines for u in loaded.unreadable.values())),
        unreadable_mentions=frozenset().union(*(u.mentions for u in loaded.unreadable.values())),
    )
    findings = loaded.findings + run_checks(ctx)
    if only is not None:
        findings = [f for f in findings if f.loc is None or f.loc.file in only]
    if strict:
        findings = [f.as_error() for f in findings]
    findings.sort(key=Finding.sort_key)
    return Validation(loaded, findings)
