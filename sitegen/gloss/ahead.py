"""A cold build's gloss files, made ahead: a forked helper writes every article's gloss
file into a staging folder while this process groups the articles, and the render moves
them into the new site (a rename each, no copy), in this process, once its own site-wide
files are made (by then the helper is done; the render's helpers never wait for it).

Gloss files depend on the article texts and the dictionaries only, not on grouping, and a
cold build makes all of them; grouping at 1,000 articles runs in this process alone, so the
second core was idle for it while the gloss files were made later, on the render's critical
path. An incremental build makes only the changed ones, in the render, as before.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Sequence

from sitegen.models import Article, StagedFile
from sitegen.parallel import Background

from .files import GlossWriter, gloss_path


def glosses_ahead(writer: GlossWriter | None, permalinks: Sequence[str], articles: Sequence[Article],
                  out_dir: Path, previous_pages: dict) -> "GlossFilesAhead | None":
    """Gloss files made ahead for a cold build (no pages from a previous build), else None.
    Only one build runs per output directory (the build lock): a staging folder found here
    was left by a build that failed or was killed, and is removed."""
    out_dir = Path(out_dir).resolve()
    if out_dir.parent.is_dir():
        for stale in out_dir.parent.iterdir():
            if stale.name.startswith(_prefix(out_dir)):
                shutil.rmtree(stale, ignore_errors=True)
    if writer is None or previous_pages or not articles:
        return None
    return GlossFilesAhead(writer, permalinks, articles, out_dir)


def _prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.gloss-"


class GlossFilesAhead:
    """Start making the gloss files of ``articles`` (with ``permalinks``) in a staging
    folder beside ``out_dir``; ``staged(path)`` is a made file's location once ``wait()``
    has returned."""

    def __init__(self, writer: GlossWriter, permalinks: Sequence[str], articles: Sequence[Article],
                 out_dir: Path):
        out_dir = Path(out_dir).resolve()
        self.folder = out_dir.parent / f"{_prefix(out_dir)}{os.getpid()}"
        (self.folder / "glosses").mkdir(parents=True)
        self.paths = [gloss_path(p) for p in permalinks]
        folder = str(self.folder)

        def make_all() -> None:
            for path, article in zip(self.paths, articles):
                with open(os.path.join(folder, path), "wb") as f:
                    f.write(writer.script(article).encode("utf-8"))

        self._done = False
        self._job = Background(make_all)

    def wait(self) -> None:
        """Wait until every file is made (raise the helper's error if it failed)."""
        self._job.result()
        self._done = True

    def staged(self, path: str) -> StagedFile:
        """Where the gloss file of site path ``path`` was made; waits for the helper the first
        time (call it in the process that made this object)."""
        if not self._done:
            self.wait()
        return StagedFile(os.path.join(self.folder, path))

    def clean(self) -> None:
        """Stop the helper if still running, and remove the staging folder (whatever the render
        did not move into the site)."""
        self._job.close()
        shutil.rmtree(self.folder, ignore_errors=True)
