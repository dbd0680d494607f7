"""Hedges: a claim keeps the hedge its evidence carries.

When a quote says "I think X" or "X seems likely" and the claim text says plainly "X", a reader
sees a confident assertion the author never made. The rule compares the two sides with two
lists: the quote side looks only for clear hedges (a speaker's "I think", "seems", "probably",
…), while the claim side accepts any hedged wording ("Soares thinks", "may", "likely", …),
so that a claim in the third person counts as hedged. A claim may mark a deliberate exception
with ``unhedged: <why>`` (for instance when the hedge is about something else in the quote).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from ..findings import Finding, warning

if TYPE_CHECKING:
    from . import CheckContext

# Hedges a speaker puts on their own words. "Might" followed by a number is the reworded
# news copy's "Might 18" (May 18), not a hedge.
QUOTE_HEDGES = re.compile(
    r"\b(?:i (?:think|believe|expect|suspect|guess|doubt|feel|fail to see|am not sure|'m not sure|"
    r"would guess|'d guess|'d expect|would expect|reckon|imagine)|"
    r"it (?:looks|seems) to me|seems?|seemed|seemingly|probably|perhaps|maybe|possibly|"
    r"most likely|likely|might(?!\s+\d)|imo|imho|iirc|arguably|plausibly)\b",
    re.IGNORECASE,
)

# Any hedged wording in a claim text: first or third person, modal or adverbial.
CLAIM_HEDGES = re.compile(
    r"\b(?:thinks?|believes?|expects?|suspects?|guess(?:es)?|doubts?|feels?|fails? to see|"
    r"not sure|unsure|uncertain|reckons?|imagines?|suggests?|in (?:his|her|their|the \w+'s) view|"
    r"looks?|seems?|seemed|seemingly|appears?|probably|perhaps|maybe|possibly|likely|unlikely|"
    r"might|may|could|arguably|plausibly|tentatively|speculates?|wonders?|hopes?|fears?|worries|"
    r"estimates?|guesses|by (?:his|her|their) (?:estimate|guess)|imo)\b",
    re.IGNORECASE,
)


def hedge_in(quote: str) -> str | None:
    """The first hedge a quote carries, as written, or None."""
    normal = quote.replace("\u2019", "'")
    m = QUOTE_HEDGES.search(normal)
    return m.group(0) if m else None


def is_hedged(text: str) -> bool:
    return CLAIM_HEDGES.search(text.replace("\u2019", "'")) is not None


def check(ctx: "CheckContext") -> Iterator[Finding]:
    for claim in ctx.kb.claims:
        if claim.unhedged or not claim.text or is_hedged(claim.text):
            continue
        for ev in claim.evidence:
            hedge = hedge_in(ev.quote)
            if hedge:
                yield warning(
                    "hedge-dropped",
                    f"claim '{claim.id}' states flatly what its evidence hedges (\u201c{hedge}\u201d)",
                    claim.at.get("text", claim.loc),
                    hint="keep the hedge in the claim text (e.g. 'X thinks …', 'probably'), or say why not with "
                         "'unhedged: <reason>'",
                )
                break
