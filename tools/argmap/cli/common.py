"""What every command shares: exit codes, settings, loading a knowledge base that validates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import Settings, load_settings

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called: printed, exit 2."""


class CommandFailed(Exception):
    """The command could not do its job (message printed, exit 1)."""


def settings_for(args: argparse.Namespace, anchor: Path | None = None) -> Settings:
    return load_settings(anchor, texts=getattr(args, "texts", None))


def add_texts_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--texts", metavar="DIR",
                   help="folder with the full source texts (default: $ARGMAP_TEXTS, else [tool.argmap] texts "
                        "in pyproject.toml, else ../shared/sources)")


def add_claims_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--claims", metavar="DIR", help="knowledge-base folder (default: claims/ of the project)")


def claims_folder(args: argparse.Namespace, settings: Settings) -> Path:
    raw = getattr(args, "claims", None)
    if raw is None:
        return settings.claims_dir
    folder = Path(raw).resolve()
    if not folder.is_dir():
        raise UsageError(f"not a folder: {raw}")
    return folder


def load_valid(args: argparse.Namespace):
    """Load the knowledge base; refuse (exit 1) if it has errors, since exports need a sound one."""
    from ..checks.validate import validate

    settings = settings_for(args)
    result = validate(claims_folder(args, settings), settings.root, settings.texts_dir)
    errors = [f for f in result.findings if f.is_error]
    if errors:
        first = errors[0]
        raise CommandFailed(
            f"the knowledge base has {len(errors)} error(s), e.g. {first.loc}: {first.message}; "
            "run 'argmap validate' and fix them first"
        )
    return settings, result.loaded.kb


def citer(kb, width: int = 70):
    """Name a claim in terminal output: its text in quotes (shortened to ``width``) and its id."""
    import textwrap

    def cite(cid: str) -> str:
        claim = kb.claim_by_id.get(cid)
        if claim is None:
            return cid
        text = textwrap.shorten(claim.text, width, placeholder="\u2026")
        return f"\u201c{text}\u201d [{cid}]"

    return cite


def progress(message: str) -> None:
    """Progress for long work goes to stderr, so stdout stays clean for data."""
    print(message, file=sys.stderr, flush=True)


def emit(output: str | None, text: str, what: str) -> None:
    """A text result: to ``output`` if given (saying what was written), else to standard output."""
    if output:
        write_output(output, text.encode("utf-8"), what)
    else:
        print(text)


def write_output(output: str, data: bytes, what: str) -> None:
    """Write a command's result to ``output``, saying whether it created or replaced the file."""
    out = Path(output)
    existed = out.exists()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        raise CommandFailed(f"cannot write {output}: {exc.strerror or exc}") from None
    progress(f"{'replaced' if existed else 'wrote'} {out} ({what})")


def report_new_entry(folder: Path, settings: Settings, display: str, first_line: int = 1, limit: int = 5) -> bool:
    """Validate after an edit and show the findings in the new entry (``display`` from ``first_line``);
    True if the knowledge base has errors anywhere."""
    from ..checks.validate import validate

    result = validate(folder, settings.root, settings.texts_dir)
    mine = [f for f in result.findings if f.loc and f.loc.file == display and f.loc.line >= first_line]
    for finding in mine[:limit]:
        print(f"  {finding.loc}: {finding.severity.value} [{finding.rule}] {finding.message}")
    if len(mine) > limit:
        print(f"  … and {len(mine) - limit} more (run 'argmap validate')")
    return any(f.is_error for f in result.findings)
