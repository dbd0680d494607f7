"""The full source texts, read on demand from the texts folder and kept normalised."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model.quotes import NormalisedText


@dataclass
class TextStore:
    """Source texts by file name. ``folder`` None or missing means texts are unavailable."""

    folder: Path | None
    _cache: dict[str, NormalisedText | None] = field(default_factory=dict, repr=False)

    @property
    def available(self) -> bool:
        return self.folder is not None and self.folder.is_dir()

    def get(self, name: str) -> NormalisedText | None:
        """The normalised text of file ``name``, or None if it cannot be read."""
        if not self.available or not name:
            return None
        if name not in self._cache:
            path = (self.folder / name).resolve()  # type: ignore[operator]
            try:
                path.relative_to(self.folder.resolve())  # type: ignore[union-attr]
                if path == self.folder.resolve():  # type: ignore[union-attr]
                    raise ValueError(name)
                raw = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError, ValueError):  # unreadable, or outside the texts folder
                self._cache[name] = None
            else:
                self._cache[name] = NormalisedText.of(raw)
        return self._cache[name]
