"""Diagrams as they go into pages: one SVG per diagram, its links completed for where it is shown.

Each diagram is rendered once, with ``ROOT`` where the site root goes in its links. Inline in a
page, ``ROOT`` becomes the page's way up to the root (``../../`` from ``claims/x/``); in the
standalone file under ``diagrams/`` it becomes ``../``. Inline, the XML prologue and comments
go (HTML does not want them) and the SVG keeps its natural size: without JavaScript it scrolls
in its frame, with it argmap-map.js pans and zooms it.

Pages carry a placeholder (``figure_placeholder``) where the SVG goes, and the plugin puts the
SVG in only when the page's HTML is final (``fill_figures``). So Markdown never parses the SVG
(a raw HTML block it would pass through unchanged anyway), and the search index holds the
page's words, not the diagram's labels again; at 1,000 claims this halved the page stage.
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


_PLACEHOLDER = re.compile(r"<!--argmap-figure ([\w.-]+) ([^ ]*) -->")


def figure_placeholder(name: str, root: str) -> str:
    """Where the diagram ``name`` goes in a page whose way up to the site root is ``root``."""
    return f"<!--argmap-figure {name} {root} -->"


def figures_in(text: str) -> list[str]:
    """The names of the diagrams whose placeholders are in ``text``."""
    return [m[1] for m in _PLACEHOLDER.finditer(text)] if "<!--argmap-figure " in text else []


def fill_figures(html: str, svgs: dict[str, str]) -> str:
    """Put each diagram's inline SVG where its placeholder is (a name without SVG is left alone)."""
    if "<!--argmap-figure " not in html:
        return html
    return _PLACEHOLDER.sub(lambda m: inline_svg(svgs[m[1]], m[2]) if m[1] in svgs else m[0], html)


def standalone_svg(svg: str) -> bytes:
    """The SVG file in ``diagrams/``, one level below the site root."""
    return svg.replace(ROOT, "../").encode("utf-8")
