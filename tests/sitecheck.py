"""A small crawler over a built static site: every internal link and anchor must resolve.

Used by the tests and usable alone: ``python tests/sitecheck.py build/site``.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse

XLINK = "{http://www.w3.org/1999/xlink}href"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("id", "name"):
            if a.get(key) and (key == "id" or tag == "a"):
                self.ids.add(a[key])
        for key in ("href", "src", "data", "xlink:href"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("preconnect", "dns-prefetch")):
                self.links.append(a[key])


def _target(root: Path, page: Path, link: str) -> tuple[Path | None, str]:
    url, frag = urldefrag(link)
    parsed = urlparse(url)
    if parsed.scheme or parsed.netloc or link.startswith(("mailto:", "javascript:", "data:")):
        return None, ""
    if not url:
        return page, frag
    base = page.parent
    path = (root / url.lstrip("/")) if url.startswith("/") else (base / unquote(parsed.path))
    path = Path(*path.parts)
    if path.is_dir() or url.endswith("/"):
        path = path / "index.html"
    return path.resolve(), frag


def broken_links(root: Path) -> list[str]:
    """Every internal link (HTML and SVG) whose file or anchor does not exist."""
    root = root.resolve()
    ids: dict[Path, set[str]] = {}
    links: dict[Path, list[str]] = {}
    for page in root.rglob("*.html"):
        parser = _Page()
        parser.feed(page.read_text(encoding="utf-8"))
        ids[page.resolve()] = parser.ids
        links[page.resolve()] = parser.links
    for svg in root.rglob("*.svg"):
        try:
            tree = ET.parse(svg)
        except ET.ParseError as exc:
            links[svg.resolve()] = [f"<invalid SVG: {exc}>"]
            continue
        links[svg.resolve()] = [el.get(XLINK) for el in tree.iter() if el.get(XLINK)]
        ids[svg.resolve()] = {el.get("id") for el in tree.iter() if el.get("id")}
    problems = []
    for page, page_links in links.items():
        for link in page_links:
            if link.startswith("<invalid"):
                problems.append(f"{page.relative_to(root)}: {link}")
                continue
            target, frag = _target(root, page, link)
            if target is None:
                continue
            if not target.exists():
                problems.append(f"{page.relative_to(root)}: {link} -> missing {target}")
            elif frag and target.suffix == ".html" and frag not in ids.get(target, set()):
                problems.append(f"{page.relative_to(root)}: {link} -> no anchor #{frag}")
    return problems


if __name__ == "__main__":
    found = broken_links(Path(sys.argv[1] if len(sys.argv) > 1 else "build/site"))
    print("\n".join(found) or "no broken links")
    sys.exit(1 if found else 0)
