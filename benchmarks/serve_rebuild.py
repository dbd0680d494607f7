"""Time the rebuild `mkdocs serve` does after one claim file changes, in the current folder.

Does what `mkdocs serve` does, without the web server: one plugin session (MkDocs keeps the
argmap plugin between rebuilds), a first build, then an edit to one claim's text and the rebuild
that follows, once as `mkdocs serve --dirty` does it and once as plain `mkdocs serve` does.
Prints one JSON line: {"seconds": dirty rebuild, "full_seconds": full rebuild, "pages": n}.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def edit_first_claim_text(yaml_text: str, suffix: str) -> str:
    """Add ``suffix`` to the first claim's text, whatever its YAML style (plain, quoted, folded)."""
    lines = yaml_text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("    text: "):
            if line.rstrip().endswith((">-", "|-", ">", "|")):
                lines[i + 1] = lines[i + 1].rstrip("\n") + suffix + "\n"
            elif line.rstrip().endswith(("'", '"')):
                body = line.rstrip()
                lines[i] = body[:-1] + suffix + body[-1] + "\n"
            else:
                lines[i] = line.rstrip("\n") + suffix + "\n"
            return "".join(lines)
    raise SystemExit("no claim text to edit")


def main() -> None:
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    site_dir = tempfile.mkdtemp(prefix="argmap-serve-")
    config = load_config(config_file="mkdocs.yml", site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)  # the first build of the session
    claims = sorted(Path("claims").glob("*.yaml"))
    target = next(p for p in claims if re.search(r"^claims:", p.read_text(encoding="utf-8"), re.M))
    original = target.read_text(encoding="utf-8")
    try:
        times = []
        for n, dirty in enumerate((True, False), 1):
            edited = edit_first_claim_text(original, f" (edit {n})")
            target.write_text(edited, encoding="utf-8")
            start = time.perf_counter()
            build(load_config(config_file="mkdocs.yml", site_dir=site_dir), dirty=dirty)
            times.append(time.perf_counter() - start)
        pages = sum(1 for _ in Path(site_dir).rglob("index.html"))
    finally:
        target.write_text(original, encoding="utf-8")
        config.plugins.on_shutdown()
    print(json.dumps({"seconds": round(times[0], 3), "full_seconds": round(times[1], 3), "pages": pages}))


if __name__ == "__main__":
    sys.exit(main())
