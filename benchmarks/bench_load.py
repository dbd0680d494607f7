"""How fast is loading, and what does keeping positions cost?

Generates a synthetic knowledge base (default 20 topics x 250 claims) in a temporary
folder and times, per approach, parsing every file:

- ``yaml.load(CSafeLoader)``: libyaml, plain data, no positions (the floor);
- ``compose(CSafeLoader) + walk``: what argmap does: libyaml nodes keep marks, our walk
  builds the data, a position index and duplicate-key findings;
- ``yaml.load(SafeLoader)``: pure-Python PyYAML, for scale;

and then the full ``argmap validate`` pipeline (load, schema, checks; no texts).

Usage: python benchmarks/bench_load.py [--topics N] [--claims N] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from argmap.checks.validate import validate
from argmap.load.yaml_reader import read_document


def make_kb(folder: Path, topics: int, claims: int) -> int:
    (folder / "sources.yaml").write_text(
        "sources:\n  - {id: src, title: S, kind: post, text: s.txt}\n", encoding="utf-8")
    (folder / "people.yaml").write_text("people:\n  - {id: p, name: P}\n", encoding="utf-8")
    (folder / "tags.yaml").write_text("tags:\n  - {id: t, title: T}\n", encoding="utf-8")
    total = 0
    for t in range(topics):
        lines = [f"topic:\n  id: topic-{t}\n  title: Topic {t}\n  summary: Synthetic topic {t}.\nclaims:\n"]
        for c in range(claims):
            cid = f"c-{t}-{c}"
            lines.append(
                f"  - id: {cid}\n    text: Claim {c} of topic {t}, a sentence of ordinary length for a claim.\n"
                f"    kind: claim\n    by: p\n    tags: [t]\n    evidence:\n"
                f"      - source: src\n        quote: \"Some words quoted from the source, {c}.\"\n"
                f"    links:\n      - supports: c-{t}-{(c + 1) % claims if c + 1 < claims else 0}\n"
                f"        note: Because of a reason.\n"
            )
            total += 1
        (folder / f"topic-{t}.yaml").write_text("".join(lines), encoding="utf-8")
    return total


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--topics", type=int, default=20)
    ap.add_argument("--claims", type=int, default=250)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "claims"
        folder.mkdir()
        n = make_kb(folder, args.topics, args.claims)
        files = sorted(folder.glob("*.yaml"))
        texts = [p.read_text(encoding="utf-8") for p in files]
        size = sum(len(t) for t in texts)
        print(f"{n} claims in {len(files)} files, {size / 1e6:.1f} MB of YAML; best of {args.repeat}")
        approaches = {
            "yaml.load(CSafeLoader), no positions": lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in texts],
            "compose(CSafeLoader) + walk (argmap)": lambda: [read_document(p, p.name) for p in files],
            "yaml.load(SafeLoader), pure Python": lambda: [yaml.load(t, Loader=yaml.SafeLoader) for t in texts],
            "argmap validate (no texts)": lambda: validate(folder, Path(tmp), None),
        }
        floor = None
        for name, fn in approaches.items():
            secs = best(fn, args.repeat)
            floor = floor or secs
            print(f"  {name:<40} {secs * 1000:8.0f} ms  {n / secs:9.0f} claims/s  x{secs / floor:.1f}")


if __name__ == "__main__":
    main()
