"""The MkDocs plugin: generates the argument-map pages from ``claims/`` at build time.

Events used (MkDocs plugin API):

- ``on_config``: load and validate the knowledge base (a build with errors stops with the
  findings), compute the semantics, render every page and diagram, and set the navigation;
- ``on_files``: add the generated pages and files as ``File.generated`` (nothing is written
  into the docs folder);
- ``on_page_markdown``: fill the ``<!-- argmap:… -->`` markers of hand-written pages;
- ``on_post_page``: put each inline diagram's SVG in where its placeholder is (see
  ``argmap.site.figures``);
- ``on_serve``: ``mkdocs serve`` also reloads when a claims file changes.
"""

from __future__ import annotations

import gc
import hashlib
import html
import logging
import os
import time
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.plugins.argmap")


NAV_ENTRIES = 20  # topics (or sources) listed one by one in the menu; more are reached from the index page


class ArgmapConfig(base.Config):
    claims = c.Optional(c.Type(str))  # knowledge-base folder; default: claims/ of the project
    texts = c.Optional(c.Type(str))  # source texts folder; default: as for the CLI
    edit_url = c.Optional(c.Type(str))  # e.g. https://github.com/OWNER/REPO/blob/main/
    diagrams = c.Type(bool, default=True)
    neighbourhood_depth = c.Type(int, default=1)
    cache_dir = c.Type(str, default=".cache/argmap")  # diagrams and downloads by content hash; "" for none


def default_edit_url(repo_url: str | None) -> str | None:
    """Where "Edit this claim" points when only MkDocs's ``repo_url`` is set: the file view on
    the default branch (``HEAD``), whose ``#L<line>`` anchor both GitHub and GitLab honour."""
    if not repo_url:
        return None
    base = repo_url.rstrip("/")
    return f"{base}/-/blob/HEAD/" if "gitlab" in base else f"{base}/blob/HEAD/"


def _has_markers(path: str) -> bool:
    try:
        return "<!-- argmap:" in Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def _progress():
    """Log diagram layout progress about every tenth of the way (a large site takes a while)."""
    shown = [0]

    def report(done: int, total: int) -> None:
        step = max(1, total // 10)
        if done == total or done - shown[0] >= step:
            shown[0] = done
            log.info("argmap: laid out %d of %d diagrams", done, total)

    return report


class ArgmapPlugin(BasePlugin[ArgmapConfig]):
    _shown: dict[str, str] = {}  # generated file -> digest of what it showed at the last build

    def on_startup(self, *, command, dirty):
        """Defined so MkDocs keeps this plugin between the rebuilds of ``mkdocs serve``."""
        self.command = command
        self._served: dict[str, bytes] | None = None  # the downloads of the session's last build
        self._refresh = None  # the worker refreshing them, if one runs

    def on_shutdown(self):
        if getattr(self, "_refresh", None) is not None and self._refresh.is_alive():
            self._refresh.terminate()

    def _downloads(self, kb, settings, texts, claims, cache, out: Path) -> dict[str, bytes]:
        """The RDF downloads: from the cache if their inputs are unchanged; else, in a running
        ``mkdocs serve``, the last build's while a worker makes fresh ones (they replace the
        served files when ready); else made now."""
        from .downloads import cached, inputs_key, refresh_in_background, site_downloads

        if getattr(self, "command", None) != "serve" or self._served is None or cache is None:
            data = site_downloads(kb, settings, texts, claims, cache)
        else:
            key = inputs_key(settings, texts, claims)
            data = cached(cache, key)
            if data is None:
                if self._refresh is not None and self._refresh.is_alive():
                    self._refresh.terminate()  # its inputs are out of date already
                self._refresh = refresh_in_background(kb, settings, texts, cache, key, out)
                log.info("argmap: the RDF downloads are being remade in the background")
                data = self._served
        if getattr(self, "command", None) == "serve":
            self._served = data
        return data

    def on_config(self, config):
        # A large site holds the model, every page and every SVG in memory for the whole build:
        # with the default thresholds Python's cycle collector rescans that heap again and again
        # while MkDocs renders pages (the build grew faster than the map). Collect less often, and
        # after generating, freeze what exists (it lives to the end of the build anyway).
        self._gc_threshold = gc.get_threshold()
        gc.set_threshold(100_000, 50, 1000)
        from ..checks.validate import validate
        from ..config import load_settings
        from ..load.texts import TextStore
        from ..model.analysis import Analysis
        from ..model.graph import ArgumentGraph
        from .pages import SiteContent, SiteOptions

        started = time.perf_counter()
        project = Path(config.config_file_path).resolve().parent
        settings = load_settings(project, texts=self.config.texts)
        claims = (project / self.config.claims).resolve() if self.config.claims else settings.claims_dir
        self.claims_dir = claims
        result = validate(claims, settings.root, settings.texts_dir)
        errors = [f for f in result.findings if f.is_error]
        if errors:
            shown = "\n".join(f"  {f.loc}: [{f.rule}] {f.message}" for f in errors[:10])
            raise PluginError(f"argmap: the knowledge base has {len(errors)} error(s); run 'argmap validate':\n{shown}")
        kb = result.loaded.kb
        analysis = Analysis.of(ArgumentGraph.of(kb))
        texts = TextStore(settings.texts_dir)
        if not texts.available:
            log.info("argmap: source texts not found at %s; quotes are listed in file order", settings.texts_dir)
        cache = (project / self.config.cache_dir) if self.config.cache_dir else None
        downloads = self._downloads(kb, settings, texts, claims, cache, Path(config.site_dir) / "downloads")
        options = SiteOptions(edit_url=self.config.edit_url or default_edit_url(config.repo_url), diagrams=self.config.diagrams,
                              neighbourhood_depth=self.config.neighbourhood_depth, downloads=downloads,
                              cache_dir=cache / "diagrams" if cache else None, progress=_progress())
        self.content = SiteContent(kb, analysis, texts, options)
        self.pages, self.files = self.content.build()
        if config.nav is None:
            config.nav = self.navigation(kb)
        log.info("argmap: %d pages and %d files generated from %d claims in %.1f s (%d diagrams laid out, "
                 "the rest from the cache)", len(self.pages), len(self.files), len(kb.claims),
                 time.perf_counter() - started, self.content.diagrams_laid_out)
        gc.freeze()
        return config

    @staticmethod
    def navigation(kb) -> list:
        """The site menu. Material renders the whole menu into every page, so a menu that grows
        with the map makes the build quadratic (at 10,000 claims, 100 topic entries took 58% of
        the build): past ``NAV_ENTRIES`` topics or sources, the menu links to their index pages."""
        # the theme writes nav titles into HTML unescaped
        topics = [{html.escape(t.title): f"topics/{t.id}.md"} for t in kb.topics] if len(kb.topics) <= NAV_ENTRIES else []
        sources = [{html.escape(s.title): f"sources/{s.id}.md"} for s in kb.sources] if len(kb.sources) <= NAV_ENTRIES else []
        return [
            {"Home": "index.md"},
            {"Topics": ["topics/index.md", *topics]},
            {"Cruxes and open objections": "analysis.md"},
            {"Sources": ["sources/index.md", *sources]},
            {"People": "people/index.md"},
            {"Tags": "tags.md"},
            {"Downloads": "downloads.md"},
            {"About": ["format.md", "contribute.md"]},
        ]

    def on_files(self, files, config):
        # ``mkdocs serve --dirty`` rebuilds only files whose ``is_modified()`` is true, and MkDocs
        # counts every generated file as modified. Here a generated file is modified only if what
        # it shows changed since the last build of this session (its Markdown and the diagrams it
        # embeds, or its bytes), so an edit to one claim rebuilds the pages it touches.
        previous = self._shown if getattr(self, "command", None) == "serve" else {}
        self._pending: dict[str, str] = {}
        for uri, markdown in self.pages.items():
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"argmap: {uri} is generated; remove the hand-written file of that name from docs_dir")
            files.append(self._generated(config, uri, markdown, previous))
        for uri, data in self.files.items():
            files.append(self._generated(config, uri, data, previous))
        for file in files.documentation_pages():
            if file.src_uri not in self.pages and file.abs_src_path and _has_markers(file.abs_src_path):
                file.is_modified = lambda: True  # its markers show the knowledge base, which may have changed
        return files

    def _generated(self, config, uri: str, content: str | bytes, previous: dict[str, str]) -> File:
        from .figures import figures_in

        file = File.generated(config, uri, content=content)
        digest = hashlib.sha256(content if isinstance(content, bytes) else content.encode("utf-8"))
        if isinstance(content, str):
            for name in figures_in(content):
                digest.update(self.content.svgs.get(name, "").encode("utf-8"))
        self._pending[uri] = shown = digest.hexdigest()
        if previous.get(uri) == shown:
            file.is_modified = lambda: not os.path.isfile(file.abs_dest_path)
        return file

    def on_post_build(self, config):
        self._shown = getattr(self, "_pending", {})
        gc.unfreeze()  # under serve, the next build's objects replace these: let them be collected
        gc.set_threshold(*getattr(self, "_gc_threshold", gc.get_threshold()))

    def on_page_markdown(self, markdown, page, config, files):
        if page.file.src_uri in self.pages or "<!-- argmap:" not in markdown:
            return markdown
        for marker, value in self.content.markers(page.file.src_uri).items():
            markdown = markdown.replace(marker, value)
        return markdown

    def on_post_page(self, output, page, config):
        from .figures import fill_figures

        return fill_figures(output, self.content.svgs)

    def on_serve(self, server, config, builder):
        server.watch(str(self.claims_dir))
        return server
