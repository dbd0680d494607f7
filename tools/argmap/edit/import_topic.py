"""``argmap import``: a Draft read from Argdown or AIF becomes a new topic file.

Ids come from the other format's names where those are valid, unused ids, else from the claim's
text (with a prefix made from the topic id), unique across the knowledge base. Speakers become
people (a name the file gives) or roles; unknown tags are added to tags.yaml. Everything that
does not fit is listed in ``Imported.report``: nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..atomic import write_atomic
from ..load.project import display_path
from ..model.draft import Draft, DraftClaim
from ..model.kb import CLAIM_KINDS
from .fmt import format_text
from .rename import ID
from .roundtrip import EditError, RoundTrip, roundtrip_yaml
from .scaffold import EVIDENCE_HINT, Project, _append, slug, unique


@dataclass
class Imported:
    path: Path
    display: str
    claims: int
    links: int
    added_people: list[str] = field(default_factory=list)
    added_tags: list[str] = field(default_factory=list)
    report: list[str] = field(default_factory=list)  # what could not be carried over, in words


def topic_prefix(topic: str) -> str:
    """'my-new-topic' -> 'mnt-': claim ids of a topic share a short prefix."""
    return "".join(part[0] for part in topic.split("-") if part) + "-"


def _flow(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


class _People:
    """Speakers to person ids: an id or a name/role label people.yaml has, else a new entry."""

    def __init__(self, project: Project, draft: Draft, topic: str, source_name: str) -> None:
        self.project, self.draft, self.topic, self.source_name = project, draft, topic, source_name
        self.known: dict[str, str] = {}
        path, doc = project.special("people")
        for person in doc.data.get("people") or []:
            if isinstance(person, dict) and isinstance(person.get("id"), str):
                self.known[person["id"]] = person["id"]
                for key in ("name", "role"):
                    if isinstance(person.get(key), str):
                        self.known.setdefault(person[key].casefold(), person["id"])
        self.added: list[str] = []

    def resolve(self, speaker: str | None) -> str:
        if speaker is None:
            return self._new(f"{self.topic}-author", role=f"the author of the imported map ({self.source_name})")
        if speaker in self.known:
            return self.known[speaker]
        name = self.draft.speakers.get(speaker, speaker)
        if name.casefold() in self.known:
            return self.known[name.casefold()]
        base = slug(name, 3) if not ID.match(speaker) else speaker
        if speaker in self.draft.speakers:
            return self._new(base, name=name, key=speaker)
        return self._new(base, role=name, key=speaker)

    def _new(self, base: str, *, name: str | None = None, role: str | None = None, key: str | None = None) -> str:
        label = (name or role or base).casefold()
        if label in self.known:
            return self.known[label]
        ident = unique(base, self.project.ids("people"))
        _append(self.project, "people", dict(id=ident, name=name, role=role, kind="person",
                                               description=f"Speaker in the imported map {self.source_name}."), flow=True)
        for k in {label, ident, key or ident}:
            self.known[k] = ident
        self.added.append(ident)
        return ident


def import_draft(project: Project, draft: Draft, topic: str, *, title: str | None, summary: str | None,
                 source: str | None, by: str | None, source_name: str) -> Imported:
    if not ID.match(topic):
        raise EditError(f"'{topic}' is not a valid topic id: lower-case letters, digits and single hyphens")
    if topic in project.topic_ids():
        raise EditError(f"a topic '{topic}' already exists; choose a new id (an import never overwrites a topic)")
    path = project.folder / f"{topic}.yaml"
    if path.exists():
        raise EditError(f"{display_path(path, project.root)} already exists")
    if not draft.claims:
        raise EditError("the file has no claims (statements or I-nodes) to import")
    sources = project.ids("sources")
    if source is not None and source not in sources:
        raise EditError(f"no source '{source}' in sources.yaml (add it with 'argmap new source')")
    report = list(draft.losses)
    people = _People(project, draft, topic, source_name)
    if by is not None and by not in people.known:
        raise EditError(f"no person or role '{by}' in people.yaml")

    taken = project.ids("claims")
    ids: dict[str, str] = {}
    prefix = topic_prefix(topic)
    for claim in draft.claims:
        usable = ID.match(claim.key) and not claim.key.replace("-", "").isdigit() and claim.key not in taken
        wanted = claim.key if usable else unique(prefix + slug(claim.text), taken)
        if wanted != claim.key:
            report.append(f"'{claim.key}' is now claim '{wanted}'")
        ids[claim.key] = wanted
        taken.add(wanted)

    tags_known = project.ids("tags")
    added_tags: list[str] = []
    threads = {t.key for t in draft.threads}
    entries = CommentedSeq()
    for claim in draft.claims:
        entries.append(_entry(claim, ids, people, by, threads, sources, source, tags_known, added_tags, report))

    link_count = _links(draft, ids, project.ids("claims") - set(ids.values()), entries, report)
    for tag in added_tags:
        _append(project, "tags", dict(id=tag, title=tag.replace("-", " ").capitalize(),
                                      description=f"Added by the import of {source_name}."), flow=True)

    topic_map = CommentedMap(id=topic, title=title or draft.title or topic.replace("-", " ").capitalize(),
                             summary=summary or draft.summary or f"Imported from {source_name}; summary still to write.")
    if draft.threads:
        topic_map["threads"] = CommentedSeq()
        for t in draft.threads:
            item = CommentedMap(id=t.key if ID.match(t.key) else slug(t.title), title=t.title)
            item.fa.set_flow_style()
            topic_map["threads"].append(item)
    data = CommentedMap(topic=topic_map, claims=entries)
    schema = Path("../" * (len(path.relative_to(project.root).parts) - 1)) / "schema" / "claims.schema.json"
    data.yaml_set_start_comment(f"yaml-language-server: $schema={schema.as_posix()}")
    text = RoundTrip(path, "", data).dump()
    doc = RoundTrip(path, text, roundtrip_yaml().load(text))
    write_atomic(path, format_text(doc, "claims"))
    return Imported(path, display_path(path, project.root), len(entries), link_count, people.added, added_tags, report)


def _entry(claim: DraftClaim, ids, people: _People, by, threads, sources, source, tags_known, added_tags, report) -> CommentedMap:
    cid = ids[claim.key]
    kind = claim.kind if claim.kind in CLAIM_KINDS else "claim"
    if kind != claim.kind:
        report.append(f"{cid}: kind '{claim.kind}' is not an argmap kind; set to 'claim'")
    asserter = people.resolve(claim.by) if claim.by is not None or by is None else by
    entry = CommentedMap(id=cid, text=claim.text, kind=kind, by=asserter)
    if claim.credence is not None:
        entry["credence"] = claim.credence
    about = [a for a in claim.about if a in people.known]
    if len(about) != len(claim.about):
        report.append(f"{cid}: 'about' entries not in people.yaml left out: {', '.join(set(claim.about) - set(about))}")
    if about:
        entry["about"] = _flow(about)
    if claim.thread:
        if claim.thread in threads:
            entry["thread"] = claim.thread
        else:
            report.append(f"{cid}: thread '{claim.thread}' is not a thread of the topic; left out")
    if claim.tags:
        for tag in claim.tags:
            if tag not in tags_known and tag not in added_tags and ID.match(tag):
                added_tags.append(tag)
        kept = [t for t in claim.tags if ID.match(t)]
        if len(kept) != len(claim.tags):
            report.append(f"{cid}: tags that are not valid ids left out: {', '.join(t for t in claim.tags if t not in kept)}")
        if kept:
            entry["tags"] = _flow(kept)
    for key, value in claim.extra.items():
        entry[key] = value
    evidence = CommentedSeq()
    for ev in claim.evidence:
        src = ev.source or source
        if src is None:
            report.append(f"{cid}: quote without a known source left out (give --source): \u201c{ev.quote[:80]}\u201d")
            continue
        if src not in sources:
            report.append(f"{cid}: quote from unknown source '{src}' left out: \u201c{ev.quote[:80]}\u201d")
            continue
        item = CommentedMap(source=src, quote=ev.quote)
        if ev.note:
            item["note"] = ev.note
        evidence.append(item)
    if not evidence:
        evidence.fa.set_flow_style()
    entry["evidence"] = evidence
    if not evidence:
        entry.yaml_add_eol_comment(EVIDENCE_HINT, "evidence")
    return entry


def _links(draft: Draft, ids: dict[str, str], elsewhere: set[str], entries: CommentedSeq, report: list[str]) -> int:
    """Write each link under its origin claim; targets outside the draft must be existing claim ids."""
    by_id = {e["id"]: e for e in entries}

    def resolve(key: str) -> str | None:
        return ids.get(key) or (key if key in elsewhere else None)

    count = 0
    for link in draft.links:
        origin = ids.get(link.origin)
        ends = [resolve(k) for k in (link.target_link or (link.target,))]
        if origin is None or None in ends:
            report.append(f"{link.kind} link from {link.origin} to {'->'.join(link.target_link or (link.target,))} "
                          "left out: an end is neither in the file nor in the knowledge base")
            continue
        item = CommentedMap()
        item[link.kind] = "->".join(ends)  # type: ignore[arg-type]
        if link.note:
            item["note"] = link.note
        elif link.kind == "relates":
            item["note"] = "Imported without a note; say where the texts meet."
            report.append(f"{origin}: 'relates' link to {ends[0]} had no note; a placeholder note was written")
        entry = by_id[origin]
        entry.setdefault("links", CommentedSeq()).append(item)
        count += 1
    return count
