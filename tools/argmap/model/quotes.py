"""Finding evidence quotes in source texts.

Quotes are typed by people: straight quotes where the text has curly ones, plain spaces
where it has non-breaking ones, ``...`` where it has ``…``. Both sides are normalised the
same way before matching, and an index map keeps every normalised character's position in
the original text, so a match can be reported (and cut out, with prefix and suffix) in the
original.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

_CHAR_MAP = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}
ELLIPSIS = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\.\.\.)\s*")


_CHAR_CACHE: dict[str, str] = {}


def normalise_char(ch: str) -> str:
    """One character as matching sees it (may be empty or several characters)."""
    out = _CHAR_CACHE.get(ch)
    if out is None:
        out = "".join(_CHAR_MAP.get(c, c) for c in unicodedata.normalize("NFKC", ch))
        _CHAR_CACHE[ch] = out
    return out


_NON_SPACE = re.compile(r"\S+")


@dataclass(frozen=True)
class NormalisedText:
    """A text in normal form, with each normal character's offset in the original."""

    original: str
    normal: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "NormalisedText":
        """Normalise ``text`` character by character (NFKC, quote marks, dashes), collapsing
        whitespace runs to one space and dropping it at both ends.

        Most texts map every character to exactly one character; then the mapping is one
        ``str.translate`` and the whitespace runs are found by a regular expression, both in C.
        The character loop below is the general case and the definition (the tests hold the
        two to the same results).
        """
        table = {}
        for ch in set(text):
            mapped = normalise_char(ch)
            if len(mapped) != 1:
                return cls._of_slow(text)
            if mapped != ch:
                table[ord(ch)] = mapped
        mapped_text = text.translate(table) if table else text
        pieces: list[str] = []
        offsets: list[int] = []
        for match in _NON_SPACE.finditer(mapped_text):
            start, end = match.span()
            if pieces:
                pieces.append(" ")
                offsets.append(start)
            pieces.append(match.group())
            offsets.extend(range(start, end))
        return cls(text, "".join(pieces), tuple(offsets))

    @classmethod
    def _of_slow(cls, text: str) -> "NormalisedText":
        chars: list[str] = []
        offsets: list[int] = []
        pending_space = False
        for i, ch in enumerate(text):
            for c in normalise_char(ch):
                if c.isspace():
                    pending_space = bool(chars)
                    continue
                if pending_space:
                    chars.append(" ")
                    offsets.append(i)
                    pending_space = False
                chars.append(c)
                offsets.append(i)
        return cls(text, "".join(chars), tuple(offsets))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) for the normal span [start, end)."""
        return self.offsets[start], self.offsets[end - 1] + 1


_TRANSLATE: dict[int, str] = {}  # every character seen so far -> its normal form
_SEEN: set[str] = set()


def normalise(text: str) -> str:
    """``NormalisedText.of(text).normal`` without the offsets: one translate and one split in C."""
    missing = set(text) - _SEEN
    for ch in missing:
        _TRANSLATE[ord(ch)] = normalise_char(ch)
        _SEEN.add(ch)
    return " ".join(text.translate(_TRANSLATE).split())


def quote_parts(quote: str) -> list[str]:
    """The pieces of a quote between elisions, normalised; empty pieces dropped."""
    return [p for p in (normalise(part) for part in ELLIPSIS.split(normalise(quote))) if p]


@dataclass(frozen=True)
class QuoteMatch:
    start: int  # offsets into the original text
    end: int


def find_quote(text: NormalisedText, quote: str) -> QuoteMatch | None:
    """Where ``quote`` stands in ``text`` (first occurrence), or None.

    With elisions, every part must be found, in order; the match spans first to last part.
    """
    parts = quote_parts(quote)
    if not parts:
        return None
    pos = 0
    first = last = None
    for part in parts:
        at = text.normal.find(part, pos)
        if at < 0:
            return None
        first = at if first is None else first
        last = at + len(part)
        pos = last
    assert first is not None and last is not None
    start, end = text.span(first, last)
    return QuoteMatch(start, end)


def closest_passage(text: NormalisedText, quote: str, width: int | None = None) -> tuple[str, float]:
    """The passage of the text most like ``quote`` and its similarity (0..1).

    Slides a window the length of the longest quote part over the text and keeps the best
    ``difflib`` ratio, so a typo'd or misremembered quote points at the words it meant.
    """
    parts = quote_parts(quote) or [normalise(quote)]
    target = max(parts, key=len)
    n = width or len(target)
    hay = text.normal
    if not hay or not target:
        return "", 0.0
    step = max(1, n // 6)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(target)
    best = (0.0, 0)
    for start in range(0, max(1, len(hay) - n + step), step):
        matcher.set_seq1(hay[start : start + n])
        if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
            continue
        r = matcher.ratio()
        if r > best[0]:
            best = (r, start)
    ratio, start = best
    # refine around the best window, one character at a time
    for s in range(max(0, start - step), min(len(hay), start + step)):
        matcher.set_seq1(hay[s : s + n])
        r = matcher.ratio()
        if r > ratio:
            ratio, start = r, s
    return hay[start : start + n], ratio
