"""A synthetic knowledge base of N claims, shaped like the shipped map, for benchmarks.

Shape (from the shipped claims): 100 claims per topic file, in threads of about 10; about 1.8
links per claim (supports 50%, relates 35%, rebuts 7%, undercuts 6%, questions 2%), a tenth
of them to claims in other topics (with a note, as the validator asks); about 1.2 quotes per
claim, each an exact run of 8-20 words from one of 5 synthetic source texts of 40,000 words;
a person per 5 claims; 25 tags. Seeded: the same N and seed give the same files.

Usage: python benchmarks/synth.py N OUT_DIR [--seed S]
(OUT_DIR gets claims/, texts/ and a pyproject.toml pointing at them.)
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = ("alignment capabilities research serial parallel time model labs safety compute trade team "
         "argument evidence claim draw urn project risk policy govern scale frontier training data "
         "people incentive funding progress timeline brink theory engineering insight review release "
         "schedule pressure open question answer objection reply caveat support rebut undercut hedge "
         "think seems expect probably might maybe quite very much more less fewer many few").split()
KINDS = ["claim"] * 14 + ["fact"] * 2 + ["estimate", "proposal", "proposal", "thesis"]
TEXT_WORDS = 40_000
TEXTS = 5
PER_TOPIC = 100
PER_THREAD = 10


def yaml_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def make_texts(rng: random.Random) -> list[list[str]]:
    texts = []
    for _ in range(TEXTS):
        words = [rng.choice(WORDS) for _ in range(TEXT_WORDS)]
        for i in range(0, TEXT_WORDS, rng.randint(12, 25)):  # sentences
            words[i] = words[i].capitalize()
        texts.append(words)
    return texts


def generate(n: int, out: Path, seed: int = 1) -> dict:
    rng = random.Random(seed)
    claims_dir, texts_dir = out / "claims", out / "texts"
    claims_dir.mkdir(parents=True, exist_ok=True)
    texts_dir.mkdir(parents=True, exist_ok=True)
    texts = make_texts(rng)
    for k, words in enumerate(texts):
        (texts_dir / f"text-{k}.txt").write_text(" ".join(words) + "\n", encoding="utf-8")
    (out / "pyproject.toml").write_text('[tool.argmap]\ntexts = "texts"\nclaims = "claims"\n', encoding="utf-8")
    topics = max(1, (n + PER_TOPIC - 1) // PER_TOPIC)
    people = max(1, n // 5)
    (claims_dir / "people.yaml").write_text(
        "people:\n" + "".join(f"  - {{id: p{i}, role: participant {i}}}\n" for i in range(people)), encoding="utf-8")
    (claims_dir / "tags.yaml").write_text(
        "tags:\n" + "".join(f"  - {{id: tag{i}, title: Tag {i}}}\n" for i in range(25)), encoding="utf-8")
    (claims_dir / "sources.yaml").write_text("sources:\n" + "".join(
        f"  - id: s{k}\n    title: Source {k}\n    kind: post\n    text: text-{k}.txt\n" for k in range(TEXTS)),
        encoding="utf-8")
    ids = [f"t{i // PER_TOPIC}-c{i % PER_TOPIC}" for i in range(n)]
    arguing: list[tuple[str, str]] = []  # supports/rebuts links so far, for undercuts
    counts = {"supports": 0, "rebuts": 0, "undercuts": 0, "questions": 0, "relates": 0, "quotes": 0}
    for t in range(topics):
        first = t * PER_TOPIC
        members = range(first, min(n, first + PER_TOPIC))
        threads = (len(members) + PER_THREAD - 1) // PER_THREAD
        lines = ["# yaml-language-server: $schema=../schema/claims.schema.json\n",
                 f"topic:\n  id: t{t}\n  title: Topic {t}\n  summary: Synthetic topic {t}, one of {topics}.\n  threads:\n"]
        lines += [f"    - {{id: th{h}, title: Thread {h}}}\n" for h in range(threads)]
        lines.append("claims:\n")
        for i in members:
            cid = ids[i]
            words = [rng.choice(WORDS) for _ in range(rng.randint(10, 30))]
            lines.append(f"  - id: {cid}\n    text: {yaml_str(' '.join(words).capitalize() + '.')}\n"
                         f"    kind: {rng.choice(KINDS)}\n    by: p{rng.randrange(people)}\n"
                         f"    thread: th{(i - first) // PER_THREAD}\n    tags: [tag{rng.randrange(25)}]\n"
                         "    unhedged: synthetic text\n    evidence:\n")
            for _ in range(1 + (rng.random() < 0.2)):
                k = rng.randrange(TEXTS)
                start = rng.randrange(TEXT_WORDS - 25)
                quote = " ".join(texts[k][start:start + rng.randint(8, 20)])
                lines.append(f"      - source: s{k}\n        quote: {yaml_str(quote)}\n")
                counts["quotes"] += 1
            links = []
            targets: set[str] = set()
            for _ in range(rng.choice((1, 1, 2, 2, 2, 3)) if i > first else 0):
                cross = rng.random() < 0.1 and first > 0
                j = rng.randrange(first) if cross else rng.randrange(first, i)  # earlier claims: no support cycles
                target = ids[j]
                if target in targets:
                    continue
                r = rng.random()
                kind = ("supports" if r < 0.5 else "relates" if r < 0.85 else "rebuts" if r < 0.92
                        else "undercuts" if r < 0.98 else "questions")
                if kind == "undercuts":
                    if not arguing:
                        continue
                    a, b = arguing[rng.randrange(max(0, len(arguing) - 200), len(arguing))]
                    if cid in (a, b):
                        continue
                    links.append(f"      - undercuts: {a}->{b}\n        note: synthetic\n")
                else:
                    targets.add(target)
                    note = "        note: synthetic\n" if cross or kind == "relates" else ""
                    links.append(f"      - {kind}: {target}\n{note}")
                    if kind in ("supports", "rebuts"):
                        arguing.append((cid, target))
                counts[kind] += 1
            if links:
                lines.append("    links:\n" + "".join(links))
            else:
                lines.append("    standalone: synthetic\n")
        (claims_dir / f"t{t}.yaml").write_text("".join(lines), encoding="utf-8")
    return {"claims": n, "topics": topics, "people": people, **counts}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    print(generate(args.n, args.out, args.seed))


if __name__ == "__main__":
    main()
