"""Project settings: where the knowledge base, the texts and the schemas are.

Settings come from ``[tool.argmap]`` in the ``pyproject.toml`` of the project root (the
nearest folder upwards that has one with that table); the texts folder can be overridden by
the ``ARGMAP_TEXTS`` environment variable and by ``--texts``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_TEXTS = "../shared/sources"
DEFAULT_BASE_IRI = "https://argmap.example.org/"
TEXTS_ENV = "ARGMAP_TEXTS"
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"


class ConfigError(Exception):
    """A setting that cannot be used (reported to the user, not raised as a traceback)."""


@dataclass(frozen=True)
class Settings:
    root: Path  # the project root (where pyproject.toml is), or the folder we were pointed at
    claims_dir: Path
    texts_dir: Path
    texts_origin: str  # where texts_dir came from, for messages
    base_iri: str
    repo_url: str | None = None


def find_project_root(start: Path) -> Path | None:
    start = start.resolve()
    for folder in (start, *start.parents):
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "argmap" in _read_toml(pyproject).get("tool", {}):
            return folder
    return None


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None


def load_settings(start: Path | None = None, texts: str | None = None) -> Settings:
    """Settings for the project containing ``start`` (default: the working folder)."""
    start = (start or Path.cwd()).resolve()
    root = find_project_root(start if start.is_dir() else start.parent)
    table: dict = {}
    if root is not None:
        table = _read_toml(root / "pyproject.toml").get("tool", {}).get("argmap", {})
    else:
        root = start if start.is_dir() else start.parent
    claims_dir = (root / table.get("claims", "claims")).resolve()
    if texts:
        texts_dir, origin = Path(texts), "--texts"
    elif os.environ.get(TEXTS_ENV):
        texts_dir, origin = Path(os.environ[TEXTS_ENV]), f"${TEXTS_ENV}"
    else:
        texts_dir = root / table.get("texts", DEFAULT_TEXTS)
        origin = "[tool.argmap] texts" if "texts" in table else "the default"
    base_iri = str(table.get("base-iri", DEFAULT_BASE_IRI))
    if not base_iri.endswith(("/", "#")):
        base_iri += "/"
    return Settings(
        root=root,
        claims_dir=claims_dir,
        texts_dir=texts_dir.resolve(),
        texts_origin=origin,
        base_iri=base_iri,
        repo_url=table.get("repo-url"),
    )
