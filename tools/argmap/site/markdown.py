"""Safe text for generated Markdown: whatever a claim or quote says shows as text, never as markup."""

from __future__ import annotations

import html
import json
import posixpath
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def text(value: str) -> str:
    """Escape HTML and Markdown so ``value`` renders literally (inline, one paragraph)."""
    escaped = html.escape(" ".join(value.split()), quote=True)
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def attr(value: str) -> str:
    """A value for an HTML attribute."""
    return html.escape(value, quote=True)


def front_matter(title: str, **extra: str) -> str:
    """YAML front matter (JSON strings are valid YAML), e.g. the page title.

    Themes put these values into ``<title>`` and ``<meta>`` without escaping, so they are
    HTML-escaped here; browsers show the entities as the original characters.
    """
    lines = [f"title: {json.dumps(html.escape(title, quote=True), ensure_ascii=False)}"]
    for key, value in extra.items():
        lines.append(f"{key}: {json.dumps(html.escape(value, quote=True), ensure_ascii=False)}")
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def rel(from_page: str, target: str) -> str:
    """Relative link from one source file (e.g. ``claims/a.md``) to another, for Markdown links."""
    target_path, _, anchor = target.partition("#")
    out = posixpath.relpath(target_path, posixpath.dirname(from_page) or ".")
    return out + (f"#{anchor}" if anchor else "")


def url_rel(from_page: str, target_file: str) -> str:
    """Relative URL from a page's *URL* (directory URLs: ``claims/a.md`` is served at ``claims/a/``)
    to a static file, for raw HTML that MkDocs does not rewrite."""
    stem = from_page[:-3] if from_page.endswith(".md") else from_page
    page_dir = "" if stem in ("index",) else (stem[:-6] if stem.endswith("/index") else stem)
    depth = page_dir.count("/") + 1 if page_dir else 0
    return "../" * depth + target_file


def shorten(value: str, limit: int = 90) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
