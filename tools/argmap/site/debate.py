"""The debate as an outline: a thesis, its reasons and objections, the answers to those, and so on.

Each item shows the claim's status mark, the word for its link to the item above, the claim's
text linked to its page, and who says it. Items with answers fold with ``<details>`` (no
JavaScript needed); the fold control is a separate summary ("3 responses: …") so that the
claim's own link is never inside the control. A claim met a second time on the page is shown
once more with "see above" and not expanded again; a claim already on the current branch
(a cycle through rebuttals) is cut with a note. A "see also" (``relates``) item is a pointer:
it is listed but unfolds nothing, so that a claim is expanded where it argues.

The outline is also the text alternative to the diagrams for screen-reader users.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable

from ..model.kb import KnowledgeBase, LinkKind

# how a child stands to its parent, in the order children are listed (reasons first)
ORDER = ("supports", "rebuts", "undercuts", "questions", "relates")
VERB = {"supports": "supports", "rebuts": "rebuts", "undercuts": "undercuts the step",
        "questions": "questions", "relates": "see also"}
PLURAL = {"supports": "reasons", "rebuts": "objections", "undercuts": "undercuts",
          "questions": "questions", "relates": "related"}
SINGULAR = {"supports": "reason", "rebuts": "objection", "undercuts": "undercut",
            "questions": "question", "relates": "related"}


@dataclass
class OutlineIndex:
    """Who answers whom, built once per knowledge base and shared by every page's outline."""

    children: dict[str, list[tuple[str, str]]]
    undercutters: dict[tuple[str, str], list[str]]

    @classmethod
    def of(cls, kb: KnowledgeBase) -> "OutlineIndex":
        children: dict[str, list[tuple[str, str]]] = defaultdict(list)
        undercutters: dict[tuple[str, str], list[str]] = defaultdict(list)
        for link in kb.links():
            if link.origin not in kb.claim_by_id:
                continue
            if link.target_link:
                undercutters[link.target_link].append(link.origin)
            elif link.target in kb.claim_by_id:
                children[link.target].append((link.kind.value, link.origin))
                if link.kind is LinkKind.RELATES:  # undirected: listed under both ends
                    children[link.origin].append(("relates", link.target))
        for kids in children.values():
            kids.sort(key=lambda kid: ORDER.index(kid[0]))
        return cls(dict(children), dict(undercutters))


@dataclass
class Outline:
    kb: KnowledgeBase
    status: dict[str, str]
    mark: dict[str, str]
    href: Callable[[str], str]  # claim id -> URL of its page, relative to the page being built
    who: Callable[[str], str]  # person id -> display label
    open_depth: int = 1  # levels unfolded when the page opens
    seen: set[str] = field(default_factory=set)
    index: OutlineIndex | None = None  # shared between pages; built here if not given

    def __post_init__(self) -> None:
        if self.index is None:
            self.index = OutlineIndex.of(self.kb)
        self.children = self.index.children
        self.undercutters = self.index.undercutters

    def _kids(self, claim: str, parent: str | None) -> list[tuple[str, str]]:
        kids = list(self.children.get(claim, []))
        if parent is not None:  # the undercuts of the step from this claim to its parent
            kids += [("undercuts", u) for u in self.undercutters.get((claim, parent), [])]
            kids = [k for k in kids if not (k[0] == "relates" and k[1] == parent)]
        return sorted(kids, key=lambda kid: ORDER.index(kid[0]))

    def tree(self, root: str) -> str:
        """The outline under ``root``, as HTML."""
        return '<ul class="argmap-tree">' + self._item(root, None, None, (), 0) + "</ul>"

    def _line(self, cid: str, via: str | None) -> str:
        claim = self.kb.claim_by_id[cid]
        status = self.status.get(cid, "")
        mark = self.mark.get(status, "")
        parts = [f'<span class="argmap-mark argmap-{html.escape(status)}" title="{html.escape(status)}">'
                 f'{html.escape(mark)}<span class="argmap-sr"> {html.escape(status)}</span></span>']
        if via:
            parts.append(f'<span class="argmap-via argmap-via-{via}">{html.escape(VERB[via])}</span>')
        parts.append(f'<a href="{html.escape(self.href(cid))}">{html.escape(" ".join(claim.text.split()))}</a>')
        parts.append(f'<span class="argmap-who">— {html.escape(self.who(claim.by))}</span>')
        return " ".join(parts)

    def _item(self, cid: str, via: str | None, parent: str | None, path: tuple[str, ...], depth: int) -> str:
        line = self._line(cid, via)
        if via == "relates":  # not part of the argument: a pointer, never unfolded here
            return f"<li>{line}</li>"
        if cid in path:
            first = self.kb.claim_by_id[cid].text
            return (f'<li>{line} <span class="argmap-note">(a circle: this claim is already above on this '
                    f'branch, “{html.escape(_short(first))}”; not repeated)</span></li>')
        if cid in self.seen:
            return f'<li>{line} <span class="argmap-note">(<a href="#tree-{html.escape(cid)}">see above</a>)</span></li>'
        self.seen.add(cid)
        kids = self._kids(cid, parent)
        anchor = f' id="tree-{html.escape(cid)}"'
        if not kids:
            return f"<li{anchor}>{line}</li>"
        counts = Counter(kind for kind, _ in kids)
        summary = f"{len(kids)} response{'s' if len(kids) != 1 else ''}: " + ", ".join(
            f"{n} {PLURAL[k] if n != 1 else SINGULAR[k]}" for k in ORDER if (n := counts.get(k)))
        inner = "".join(self._item(kid, kind, cid, (*path, cid), depth + 1) for kind, kid in kids)
        opened = " open" if depth < self.open_depth else ""
        return (f"<li{anchor}>{line}<details{opened}><summary>{html.escape(summary)}</summary>"
                f'<ul>{inner}</ul></details></li>')


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"
