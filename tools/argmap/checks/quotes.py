"""Evidence quotes must stand in their source texts (after normalisation)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, error, warning
from ..model.quotes import closest_passage, find_quote

if TYPE_CHECKING:
    from . import CheckContext


def check(ctx: "CheckContext") -> Iterator[Finding]:
    kb, texts = ctx.kb, ctx.texts
    if not texts.available:
        make = error if ctx.require_texts else warning
        yield make(
            "texts-missing",
            f"source texts folder not found: {texts.folder} ({ctx.texts_hint}); quotes were not checked",
            None,
            hint="pass --texts DIR, set ARGMAP_TEXTS, or set texts under [tool.argmap] in pyproject.toml",
        )
        return
    unreadable = set()
    for source in kb.sources:
        if source.text and texts.get(source.text) is None:
            unreadable.add(source.id)
            yield error("text-file-missing", f"text file '{source.text}' of source '{source.id}' is not in {texts.folder}, or is not UTF-8",
                        source.at.get("text", source.loc))
    for claim in kb.claims:
        for ev in claim.evidence:
            source = kb.source_by_id.get(ev.source)
            if source is None or source.id in unreadable:
                continue
            text = texts.get(source.text)
            if text is None or find_quote(text, ev.quote):
                continue
            near, ratio = closest_passage(text, ev.quote)
            hint = f"closest passage ({ratio:.0%} alike): “{near}”" if ratio >= 0.5 else "no similar passage in the text"
            yield error("quote-not-found", f"quote not found in source '{source.id}' ({source.text})",
                        ev.at.get("quote", ev.loc), hint=hint)
