"""Rendering the knowledge base into Markdown pages and static files for MkDocs.

``SiteContent.build()`` returns every generated page (``src_uri -> markdown``) and file
(``src_uri -> bytes``). Page URLs come from ids, so they are stable: ``claims/<id>/``,
``topics/<id>/``, ``sources/<id>/``, ``people/<id>/``. All user text goes through
:mod:`argmap.site.markdown` so it renders as text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..export.dot import STATUS_STYLE, DiagramOptions, claim_diagram, overview, topic_diagram
from ..export.render_many import render_all
from ..load.texts import TextStore
from ..model.analysis import Analysis
from ..model.kb import Claim, KnowledgeBase, LinkKind
from ..model.quotes import find_quote
from .debate import Outline, OutlineIndex
from .figures import ROOT, figure_placeholder, standalone_svg
from .markdown import attr, front_matter, rel, shorten, text, url_rel

KIND_LABEL = {"thesis": "Thesis", "claim": "Claim", "fact": "Fact", "estimate": "Estimate", "proposal": "Proposal"}
MARK = {status: mark for status, (_, mark) in STATUS_STYLE.items()}  # the diagrams' marks
STATUS_MARK = {status: f"{mark} {status}" for status, mark in MARK.items()}
INCOMING = {"supports": "Supported by", "rebuts": "Rebutted by", "undercuts": "Undercut by", "questions": "Questioned by"}
OUTGOING = {"supports": "Supports", "rebuts": "Rebuts", "undercuts": "Undercuts the link", "questions": "Questions"}


def claim_page(cid: str) -> str:
    return f"claims/{cid}.md"


def topic_page(tid: str) -> str:
    return f"topics/{tid}.md"


def source_page(sid: str) -> str:
    return f"sources/{sid}.md"


def person_page(pid: str) -> str:
    return f"people/{pid}.md"


@dataclass
class SiteOptions:
    edit_url: str | None = None  # e.g. https://github.com/OWNER/REPO/blob/main/ ; None: show file and line
    diagrams: bool = True
    neighbourhood_depth: int = 1
    downloads: dict[str, bytes] = field(default_factory=dict)  # file name -> content
    cache_dir: Path | None = None  # rendered diagrams, by the hash of their DOT; None: no cache
    progress: Callable[[int, int], None] | None = None  # (done, total) while diagrams are laid out


@dataclass
class SiteContent:
    kb: KnowledgeBase
    analysis: Analysis
    texts: TextStore
    options: SiteOptions = field(default_factory=SiteOptions)

    def __post_init__(self) -> None:
        kb = self.kb
        self.labels = {c: s.value for c, s in self.analysis.labelling.status.items()}
        self.incoming: dict[str, list] = defaultdict(list)
        for link in kb.links():
            if link.kind is LinkKind.RELATES:
                continue  # undirected: shown as "See also" at both ends
            if link.target_link:
                for end in link.target_link:
                    self.incoming[end].append(link)
            else:
                self.incoming[link.target].append(link)
        self.svgs: dict[str, str] = {}  # diagram name -> SVG text with ROOT where the site root goes
        self.diagrams_laid_out = 0  # how many the last build_diagrams had to lay out (not cached)
        self._outline_index: OutlineIndex | None = None
        self.quote_anchor: dict[tuple[str, int], str] = {}
        # claims by speaker, by whom they are about and by tag, in file order (one pass, so that the
        # pages of thousands of people and tags do not each scan every claim)
        self.claims_by: dict[str, list[Claim]] = defaultdict(list)
        self.claims_about: dict[str, list[Claim]] = defaultdict(list)
        self.claims_tagged: dict[str, list[Claim]] = defaultdict(list)
        for c in kb.claims:
            for n, _ in enumerate(c.evidence):
                self.quote_anchor[(c.id, n)] = f"q-{c.id}-{n}"
            self.claims_by[c.by].append(c)
            for pid in dict.fromkeys(c.about):
                self.claims_about[pid].append(c)
            for tag in dict.fromkeys(c.tags):
                self.claims_tagged[tag].append(c)

    # --- shared bits ------------------------------------------------------------------
    def claim_link(self, page: str, cid: str, limit: int = 110) -> str:
        claim = self.kb.claim_by_id[cid]
        status = self.labels.get(cid, "")
        return f"{MARK.get(status, '')} [{text(shorten(claim.text, limit))}]({rel(page, claim_page(cid))})".strip()

    def reason(self, page: str, cid: str) -> str:
        """Why a claim has its status, in words, each claim it names linked to its page."""
        def cite(other: str) -> str:
            claim = self.kb.claim_by_id[other]
            return f"“[{text(shorten(claim.text, 90))}]({rel(page, claim_page(other))})”"

        return self.analysis.labelling.explanations[cid].render(cite)

    def person_link(self, page: str, pid: str) -> str:
        person = self.kb.person_by_id.get(pid)
        return f"[{text(person.label if person else pid)}]({rel(page, person_page(pid))})"

    def diagram(self, page: str, name: str, title: str, outline: str | None = None) -> str:
        """The diagram inline (pan, zoom and find come from argmap-map.js), with a link to the SVG
        file and, where the page has one, to the outline that is its text alternative."""
        if not self.options.diagrams:
            return ""
        if name not in self.svgs:
            self.build_diagrams()
        svg = figure_placeholder(name, url_rel(page, ""))
        links = [f'<a href="{attr(url_rel(page, f"diagrams/{name}.svg"))}">Open the diagram on its own</a>']
        if outline:
            links.append(f'<a href="#{attr(outline)}">the same as an outline</a>')
        return (f'<figure class="argmap-map">\n<div class="argmap-frame" tabindex="0" role="region" '
                f'aria-label="{attr(title)}: a diagram; drag or use the arrow keys to move, + and - to zoom">'
                f"{svg}</div>\n<figcaption>{attr(title)} · {' · '.join(links)}</figcaption>\n</figure>\n")

    def outline_for(self, page: str) -> Outline:
        """An outline builder for one page: links relative to it, "see above" within it."""
        if self._outline_index is None:
            self._outline_index = OutlineIndex.of(self.kb)
        return Outline(self.kb, self.labels, MARK, href=lambda cid: url_rel(page, f"claims/{cid}/"),
                       who=lambda pid: self.kb.person_by_id[pid].label if pid in self.kb.person_by_id else pid,
                       index=self._outline_index)

    def outline(self, page: str, roots: list[str]) -> str:
        """The debate under each root claim, as foldable HTML (see argmap.site.debate)."""
        tree = self.outline_for(page)
        return "\n".join(tree.tree(root) for root in roots) + "\n"

    def edit_line(self, claim: Claim) -> str:
        loc = claim.loc
        if loc is None:
            return ""
        if self.options.edit_url:
            url = f"{self.options.edit_url.rstrip('/')}/{loc.file}#L{loc.line}"
            return f'[:material-pencil: Edit this claim]({url}) ({text(loc.file)}, line {loc.line})'
        return f"Defined in `{loc.file}`, line {loc.line}."

    # --- pages -------------------------------------------------------------------------
    def build(self) -> tuple[dict[str, str], dict[str, bytes]]:
        pages: dict[str, str] = {}
        files: dict[str, bytes] = {}
        kb = self.kb
        if self.options.diagrams:
            self.build_diagrams()
        for topic in kb.topics:
            pages[topic_page(topic.id)] = self.topic(topic)
        pages["topics/index.md"] = self.topics_index()
        for claim in kb.claims:
            pages[claim_page(claim.id)] = self.claim(claim)
        for source in kb.sources:
            pages[source_page(source.id)] = self.source(source)
        pages["sources/index.md"] = self.sources_index()
        for person in kb.people:
            pages[person_page(person.id)] = self.person(person)
        pages["people/index.md"] = self.people_index()
        pages["tags.md"] = self.tags()
        pages["analysis.md"] = self.analysis_page()
        pages["downloads.md"] = self.downloads()
        for name, content in self.options.downloads.items():
            files[f"downloads/{name}"] = content
        if self.options.diagrams:
            files.update({f"diagrams/{name}.svg": standalone_svg(svg) for name, svg in self.svgs.items()})
        return pages, files

    def build_diagrams(self) -> None:
        """Render every diagram once, with ROOT standing for the site root in its links (laid out
        in parallel, and only where the cache has no SVG for the same DOT)."""
        kb, ag = self.kb, self.analysis.graph
        link: Callable[[str], str] = lambda cid: f"{ROOT}claims/{cid}/"
        dots: dict[str, str] = {}
        opts = DiagramOptions(link=link, status=self.labels, title="The whole argument map")
        dots["overview"] = overview(kb, ag, opts, topic_url=lambda t: f"{ROOT}topics/{t}/")
        for topic in kb.topics:
            opts = DiagramOptions(link=link, status=self.labels, title=topic.title)
            dots[f"topic-{topic.id}"] = topic_diagram(kb, ag, topic.id, opts)
        for claim in kb.claims:
            opts = DiagramOptions(link=link, status=self.labels, legend=False)
            dots[f"claim-{claim.id}"] = claim_diagram(kb, ag, claim.id, self.options.neighbourhood_depth, opts)
        self.svgs, self.diagrams_laid_out = render_all(dots, self.options.cache_dir, progress=self.options.progress,
                                                           prune=True)

    def topics_index(self) -> str:
        page = "topics/index.md"
        out = [front_matter("Topics"), "# Topics\n"]
        for t in self.kb.topics:
            claims = self.kb.claims_of(t.id)
            out.append(f"## [{text(t.title)}]({rel(page, topic_page(t.id))})\n")
            out.append(f"{text(t.summary)}\n")
            out.append(f"{len(claims)} claims, {sum(len(c.links) for c in claims)} links, "
                       f"{sum(len(c.evidence) for c in claims)} quotes.\n")
        return "\n".join(out)

    def topic(self, topic) -> str:
        page = topic_page(topic.id)
        kb = self.kb
        claims = [kb.claim_by_id[c] for c in topic.claim_ids if c in kb.claim_by_id]
        out = [front_matter(topic.title), f"# {text(topic.title)}\n", f"{text(topic.summary)}\n"]
        sources = sorted({ev.source for c in claims for ev in c.evidence})
        if sources:
            out.append("Source: " + ", ".join(
                f"[{text(kb.source_by_id[s].title)}]({rel(page, source_page(s))})" for s in sources if s in kb.source_by_id) + "\n")
        out.append(self.diagram(page, f"topic-{topic.id}", f"Diagram of {topic.title}", outline="the-debate-as-an-outline"))
        theses = [c for c in claims if c.kind == "thesis"]
        if theses:
            out.append("## Main theses\n")
            for c in theses:
                out.append(f"- {self.claim_link(page, c.id, 200)} — *{STATUS_MARK[self.labels[c.id]]}*. {self.reason(page, c.id)}")
            out.append("")
        out.append("## The debate as an outline\n")
        out.append("Each thesis, then its reasons and objections, then the answers to those; unfold a line's "
                   "responses to follow it. A claim that comes up again is marked *see above*.\n")
        out.append(self.topic_outline(page, claims))
        groups: list[tuple[str, str | None, list[Claim]]] = []
        for thread in topic.threads:
            members = [c for c in claims if c.thread == thread.id]
            if members:
                groups.append((thread.title, thread.summary, members))
        loose = [c for c in claims if not c.thread or c.thread not in {t.id for t in topic.threads}]
        if loose:
            groups.append(("Other claims", None, loose))
        out.append("## Claims by thread\n")
        for title, summary, members in groups:
            out.append(f"### {text(title)}\n")
            if summary:
                out.append(f"{text(summary)}\n")
            for c in members:
                by = self.person_link(page, c.by)
                links = "; ".join(
                    f"{l.kind.value} {self.claim_link(page, l.target_link[1] if l.target_link else l.target, 60)}"
                    for l in c.links if (l.target_link[1] if l.target_link else l.target) in kb.claim_by_id)
                line = f"- {self.claim_link(page, c.id, 220)} <small>({KIND_LABEL[c.kind].lower()}, {by})</small>"
                if links:
                    line += f"<br><small>{links}</small>"
                out.append(line)
            out.append("")
        return "\n".join(out)

    def topic_outline(self, page: str, claims: list[Claim]) -> str:
        """Outlines from each thesis, then from each claim not reached from one (so that every
        claim of the topic appears: the outline stands in for the diagram)."""
        tree = self.outline_for(page)
        parts = [tree.tree(c.id) for c in claims if c.kind == "thesis"]
        rest = []
        for c in claims:
            if c.id not in tree.seen and not any(l.target in self.kb.claim_by_id and self.kb.claim_by_id[l.target].topic == c.topic
                                                 for l in c.links if l.kind.inferential and not l.target_link):
                rest.append(tree.tree(c.id))
        leftovers = [tree.tree(c.id) for c in claims if c.id not in tree.seen]
        out = "\n".join(parts)
        if rest or leftovers:
            out += "\n\n### Other lines of argument\n\n" + "\n".join(rest + leftovers)
        return out + "\n"

    def claim(self, claim: Claim) -> str:
        page = claim_page(claim.id)
        kb = self.kb
        status = self.labels.get(claim.id, "undecided")
        topic = kb.topic_by_id.get(claim.topic)
        out = [front_matter(shorten(claim.text, 70), description=shorten(claim.text, 300)),
               f"# {text(claim.text)}\n"]
        rows = [
            ("Id", f"`{claim.id}`"),
            ("Kind", KIND_LABEL.get(claim.kind, claim.kind)),
            ("Asserted by", self.person_link(page, claim.by)),
        ]
        if topic:
            thread = next((t for t in topic.threads if t.id == claim.thread), None)
            rows.append(("Topic", f"[{text(topic.title)}]({rel(page, topic_page(topic.id))})"
                         + (f" — {text(thread.title)}" if thread else "")))
        if claim.credence is not None:
            rows.append(("Credence", f"{claim.credence:g} (stated by the author)"))
        extra = f" (in {self.analysis.labelling.preferred[claim.id]} preferred extensions)" if claim.id in self.analysis.labelling.preferred else ""
        rows.append(("Status", f"**{STATUS_MARK[status]}** — {self.reason(page, claim.id)}{extra}"))
        if claim.about:
            rows.append(("About", ", ".join(self.person_link(page, p) for p in claim.about)))
        if claim.tags:
            rows.append(("Tags", ", ".join(f"[{text(t)}]({rel(page, 'tags.md#tag-' + t)})" for t in claim.tags)))
        out.append("| Claim | |\n|---|---|")
        out += [f"| {k} | {v} |" for k, v in rows]
        out.append("")
        out.append("## Evidence\n")
        if not claim.evidence:
            out.append("No quote yet.\n")
        for n, ev in enumerate(claim.evidence):
            source = kb.source_by_id.get(ev.source)
            out.append(f"> {text(ev.quote)}\n>\n> — [{text(source.title if source else ev.source)}]"
                       f"({rel(page, source_page(ev.source) + '#' + self.quote_anchor[(claim.id, n)])})"
                       + (f"  \n> *{text(ev.note)}*" if ev.note else "") + "\n")
        out.append("## Links\n")
        any_link = False
        for kind in OUTGOING:
            mine = [l for l in claim.links if l.kind.value == kind]
            if mine:
                any_link = True
                out.append(f"**{OUTGOING[kind]}**\n")
                for l in mine:
                    if l.target_link:
                        a, b = l.target_link
                        out.append(f"- the inference from {self.claim_link(page, a, 70)} to {self.claim_link(page, b, 70)}"
                                   + (f" — {text(l.note)}" if l.note else ""))
                    elif l.target in kb.claim_by_id:
                        out.append(f"- {self.claim_link(page, l.target)}" + (f" — {text(l.note)}" if l.note else ""))
                out.append("")
        for kind in INCOMING:
            theirs = [l for l in self.incoming.get(claim.id, []) if l.kind.value == kind and l.origin != claim.id]
            if theirs:
                any_link = True
                out.append(f"**{INCOMING[kind]}**\n")
                for l in theirs:
                    via = f" (its link to {self.claim_link(page, l.target_link[1], 50)})" if l.target_link and l.target_link[0] == claim.id else ""
                    if l.target_link and l.target_link[1] == claim.id:
                        via = f" (the link from {self.claim_link(page, l.target_link[0], 50)})"
                    out.append(f"- {self.claim_link(page, l.origin)}{via}" + (f" — {text(l.note)}" if l.note else ""))
                out.append("")
        related = self.analysis.graph.related(claim.id)
        if related:
            any_link = True
            out.append("**See also** <small>(the texts meet here; neither argues about the other)</small>\n")
            for l in related:
                other = l.target if l.origin == claim.id else l.origin
                out.append(f"- {self.claim_link(page, other)} — {text(l.note or '')}")
            out.append("")
        if not any_link:
            out.append("No links.\n")
        if claim.kind == "thesis":
            out.append("## The debate as an outline\n")
            out.append(self.outline(page, [claim.id]))
        if self.options.diagrams:
            out.append("## Neighbourhood\n")
            out.append(self.diagram(page, f"claim-{claim.id}", f"Claims around {claim.id}",
                                    outline="the-debate-as-an-outline" if claim.kind == "thesis" else None))
        out.append("---\n")
        out.append(self.edit_line(claim) + "\n")
        return "\n".join(out)

    def _quotes_in_text_order(self, source) -> list[tuple[int, Claim, int]]:
        text_ = self.texts.get(source.text)
        found = []
        for claim in self.kb.claims:
            for n, ev in enumerate(claim.evidence):
                if ev.source != source.id:
                    continue
                match = find_quote(text_, ev.quote) if text_ is not None else None
                found.append((match.start if match else 10**9, claim, n))
        found.sort(key=lambda t: (t[0], t[1].id, t[2]))
        return found

    def source(self, source) -> str:
        page = source_page(source.id)
        out = [front_matter(source.title), f"# {text(source.title)}\n", "| Source | |\n|---|---|"]
        rows = [("Kind", text(source.kind))]
        if source.author:
            rows.append(("Author", self.person_link(page, source.author)))
        if source.date:
            rows.append(("Date", text(source.date) + (f" (updated {text(source.updated)})" if source.updated else "")))
        if source.site:
            rows.append(("Published on", text(source.site)))
        if source.url:
            rows.append(("Original", f'<a href="{attr(source.url)}">{text(source.url)}</a>'))
        out += [f"| {k} | {v} |" for k, v in rows]
        out.append("")
        if source.note:
            out.append(f"!!! note\n    {text(source.note)}\n")
        quotes = self._quotes_in_text_order(source)
        out.append(f"## Quotes, in the order of the text ({len(quotes)})\n")
        for _, claim, n in quotes:
            ev = claim.evidence[n]
            out.append(f'<a id="{self.quote_anchor[(claim.id, n)]}"></a>\n')
            out.append(f"> {text(ev.quote)}\n")
            out.append(f"Backs: {self.claim_link(page, claim.id, 160)}\n")
        return "\n".join(out)

    def sources_index(self) -> str:
        page = "sources/index.md"
        out = [front_matter("Sources"), "# Sources\n"]
        for s in self.kb.sources:
            n = sum(1 for c in self.kb.claims for ev in c.evidence if ev.source == s.id)
            by = f" by {self.person_link(page, s.author)}" if s.author else ""
            out.append(f"- [{text(s.title)}]({rel(page, source_page(s.id))}){by}"
                       f"{' (' + text(s.date) + ')' if s.date else ''} — {n} quotes")
        return "\n".join(out) + "\n"

    def person(self, person) -> str:
        page = person_page(person.id)
        kb = self.kb
        title = person.label
        out = [front_matter(title), f"# {text(title)}\n"]
        if person.role:
            out.append(f"*A role, not a name:* the text does not name this {'person' if person.kind == 'person' else person.kind}.\n")
        if person.description:
            out.append(f"{text(person.description)}\n")
        asserted = self.claims_by.get(person.id, [])
        about = self.claims_about.get(person.id, [])
        authored = [s for s in kb.sources if s.author == person.id]
        if authored:
            out.append("## Author of\n")
            out += [f"- [{text(s.title)}]({rel(page, source_page(s.id))})" for s in authored]
            out.append("")
        out.append(f"## Claims asserted ({len(asserted)})\n")
        for topic in kb.topics:
            mine = [c for c in asserted if c.topic == topic.id]
            if mine:
                out.append(f"**[{text(topic.title)}]({rel(page, topic_page(topic.id))})**\n")
                out += [f"- {self.claim_link(page, c.id, 200)}" for c in mine]
                out.append("")
        if about:
            out.append(f"## Claims about {text(title)} ({len(about)})\n")
            out += [f"- {self.claim_link(page, c.id, 200)}" for c in about]
            out.append("")
        return "\n".join(out)

    def people_index(self) -> str:
        page = "people/index.md"
        out = [front_matter("People and roles"), "# People and roles\n",
               "Where a text names nobody, the map names a role instead of guessing a name.\n"]
        for heading, pick in (("Named", lambda p: p.name), ("Roles (unnamed in the texts)", lambda p: p.role)):
            out.append(f"## {heading}\n")
            for p in self.kb.people:
                if pick(p):
                    n = len(self.claims_by.get(p.id, []))
                    out.append(f"- {self.person_link(page, p.id)} — {n} claims")
            out.append("")
        return "\n".join(out)

    def tags(self) -> str:
        page = "tags.md"
        out = [front_matter("Tags"), "# Tags\n"]
        for tag in self.kb.tags:
            claims = self.claims_tagged.get(tag.id, [])
            out.append(f'<a id="tag-{attr(tag.id)}"></a>\n\n## {text(tag.title)}\n')
            if tag.description:
                out.append(f"{text(tag.description)}\n")
            out += [f"- {self.claim_link(page, c.id, 160)}" for c in claims] or ["No claims yet."]
            out.append("")
        return "\n".join(out)

    def analysis_page(self) -> str:
        page = "analysis.md"
        a, lab = self.analysis, self.analysis.labelling
        out = [front_matter("Cruxes and open objections"), "# Cruxes and open objections\n",
               "Each claim's status comes from grounded semantics on the argument graph: supported and "
               "secondary attacks are derived from supports, undercuts block the links they attack, and "
               "a claim is *accepted* when every attack on it fails, *rejected* when an accepted claim "
               "attacks it, and *undecided* otherwise. A question is not an attack: an accepted claim "
               "that someone asks reasons for is shown as *questioned* (an open question).\n",
               f"{self.count_line()}.\n"]
        out.append("## Cruxes\n\nClaims whose status, if it flipped, would change the status of the most other claims.\n")
        cruxes = a.cruxes(15)
        out += [f"1. {self.claim_link(page, c, 150)} — changes {n} other claim{'s' if n != 1 else ''}" for c, n in cruxes] or ["None."]
        out.append("\n## Unanswered objections\n\nClaims that rebut or undercut another claim, which nothing rebuts or undercuts in turn.\n")
        for c in a.unanswered_objections():
            targets = [l.target_link[1] if l.target_link else l.target for l in self.kb.claim_by_id[c].links
                       if l.kind is not LinkKind.SUPPORTS]
            against = ", ".join(self.claim_link(page, t, 60) for t in dict.fromkeys(targets) if t in self.kb.claim_by_id)
            out.append(f"- {self.claim_link(page, c, 150)}<br><small>against: {against}</small>")
        out.append("\n## Open questions\n\nClaims that stand, but that someone asks reasons for without arguing against them.\n")
        asked: dict[str, list[str]] = defaultdict(list)
        for q, c in a.open_questions():
            asked[c].append(q)
        for c, qs in asked.items():
            by = ", ".join(self.claim_link(page, q, 60) for q in qs)
            out.append(f"- {self.claim_link(page, c, 150)}<br><small>asked: {by}</small>")
        if not asked:
            out.append("None.")
        out.append("\n## Central claims\n\nBy betweenness centrality: claims that join many lines of argument.\n")
        out += [f"1. {self.claim_link(page, c, 150)} ({score:.3f})" for c, score in a.central(15)]
        chains = a.longest_support_chains(5)
        if chains:
            out.append("\n## Longest chains of support\n")
            for chain in chains:
                out.append("- " + " → ".join(self.claim_link(page, c, 45) for c in chain))
        for status, heading in (("rejected", "Rejected claims"), ("undecided", "Undecided claims")):
            picked = [c for c, s in lab.status.items() if s.value == status]
            if picked:
                out.append(f"\n## {heading}\n")
                out += [f"- {self.claim_link(page, c, 150)}<br><small>{self.reason(page, c)}</small>" for c in picked]
        return "\n".join(out) + "\n"

    def downloads(self) -> str:
        page = "downloads.md"
        out = [front_matter("Downloads"), "# Downloads\n", "The whole knowledge base, generated at build time.\n"]
        described = {
            "argmap.ttl": "RDF, Turtle (AIF, PROV-O, Web Annotation)",
            "argmap.jsonld": "RDF, JSON-LD",
            "argmap.nt": "RDF, N-Triples",
            "argmap.argdown": "Argdown, for the Argdown editor and CLI (argdown.org)",
            "argmap-aif.json": "AIF JSON (AIFdb layout), for AIF tools and corpora",
            "argmap.graphml": "GraphML, for yEd, Gephi and networkx",
            "argmap.json": "plain JSON of the model, with statuses (schema: export.schema.json)",
        }
        for name in sorted(self.options.downloads):
            out.append(f"- [{name}]({rel(page, 'downloads/' + name)}) — {described.get(name, '')}")
        if self.options.diagrams:
            out.append(f"- [overview.svg]({rel(page, 'diagrams/overview.svg')}) — the whole map as SVG")
        out.append("\nThe YAML sources, schemas and SHACL shapes are in the repository.\n")
        return "\n".join(out)

    def count_line(self) -> str:
        counts = self.analysis.labelling.counts()
        return ", ".join(f"**{n}** {status}" for status, n in counts.items())

    # --- markers in hand-written pages -------------------------------------------------------
    def markers(self, page: str) -> dict[str, str]:
        kb = self.kb
        links = sum(1 for _ in kb.links())
        quotes = sum(len(c.evidence) for c in kb.claims)
        topics = "\n".join(
            f"- [{text(t.title)}]({rel(page, topic_page(t.id))}) — {text(shorten(t.summary, 200))}" for t in kb.topics)
        return {
            "<!-- argmap:counts -->": (
                f"**{len(kb.topics)}** topics · **{len(kb.claims)}** claims · **{links}** links · "
                f"**{quotes}** evidence quotes · **{len(kb.sources)}** sources · **{len(kb.people)}** people and roles · "
                f"{self.count_line()}"),
            "<!-- argmap:topics -->": topics,
            "<!-- argmap:overview -->": self.diagram(page, "overview", "The whole argument map"),
        }
