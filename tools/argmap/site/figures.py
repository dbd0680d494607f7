"""Diagrams as they go into pages: one SVG per diagram, its links completed for where it is shown.

Each diagram is rendered once, with ``ROOT`` where the site root goes in its links. Inline in a
page, ``ROOT`` becomes the page's way up to the root (``../../`` from ``claims/x/``); in the
standalone file under ``diagrams/`` it becomes ``../``. Inline, the XML prologue and comments
go (HTML does not want them) and the SVG keeps its natural size: without JavaScript it scrolls
in its frame, with it argmap-map.js pans and zooms it.
"""

from __future__ import annotations

import re

ROOT = "ARGMAP-SITE-ROOT/"
_PROLOGUE = re.compile(r"<\?xml[^>]*>\s*|<!DOCTYPE[^>]*>\s*|<!--.*?-->\s*", re.S)


def inline_svg(svg: str, root: str) -> str:
    """The SVG for a page whose way up to the site root is ``root`` ("" at the root itself)."""
    body = _PROLOGUE.sub("", svg).replace(ROOT, root)
    # one line per element and no blank lines, so Markdown keeps it as one raw HTML block
    return "\n".join(line for line in body.splitlines() if line.strip())


def standalone_svg(svg: str) -> bytes:
    """The SVG file in ``diagrams/``, one level below the site root."""
    return svg.replace(ROOT, "../").encode("utf-8")
