"""What changed since the last build, as the stages report it: the render's change set.

A day at 10,000 articles changes ~1,300 of ~29,800 keyed files, but the render used to key
all of them (page keys, entry digests, card keys: ~1.2 s of a day). Each stage says instead
what it changed since the last build:

- the parse: the seeds it parsed again (their articles' texts may differ);
- the translations: the texts whose English (text, status, model) may differ;
- grouping: the articles whose theme, tags or related list moved (``sitegen.group.moved``);
- the history: the articles whose dates moved.

``ChangeSet`` holds their union and what the last build showed in outline (``Baseline``),
from which the render works out which pages show something changed; it carries the others'
keys over from the last manifest. Everything else a page shows (templates, config, base URL,
code, dictionaries) is in the baseline's ``token``: when it differs, or when there is no
baseline, the change set says ``everything``.

The baseline is kept beside the manifest and *taken* (read and removed) at the start of a
build that may change anything, before any stage writes its caches, and written again once
the build's manifest is stored: a build that fails half-way leaves none, so the next one
knows nothing and renders everything rather than trust caches that moved without a site.
"""
from __future__ import annotations

import marshal
from dataclasses import dataclass, field
from pathlib import Path

NAME = "changes.bin"
_MAGIC = b"sitegen-changes-1\n"


@dataclass
class Baseline:
    """What the last completed build showed, in outline. ``token``: a digest of everything a
    page shows besides its articles (``stages.inputs.change_token``); ``groupings``: each
    article's grouping outline (``sitegen.group.moved.outline``); ``render``: the render's own
    outline (``sitegen.render.changed.Outline``, as plain values)."""

    token: str = ""
    groupings: dict[str, tuple] = field(default_factory=dict)
    render: tuple = ()

    def save(self, cache_dir: Path) -> None:
        from sitegen.atomic import atomic_write_bytes

        cache_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(cache_dir / NAME, _MAGIC + marshal.dumps((self.token, self.groupings, self.render)),
                           durable=False)


def take_baseline(cache_dir: Path) -> Baseline | None:
    """The baseline the last build left in ``cache_dir``, removed from there (None if there
    is none, or it is damaged): until this build stores its own, a build finds none."""
    path = cache_dir / NAME
    try:
        data = path.read_bytes()
        path.unlink()
    except OSError:
        return None
    if not data.startswith(_MAGIC):
        return None
    try:
        token, groupings, render = marshal.loads(data[len(_MAGIC):])
    except (EOFError, ValueError, TypeError):
        return None
    return Baseline(token, groupings, render)


@dataclass(frozen=True)
class ChangeSet:
    """The render's input: which articles may show something other than in the last build.

    ``everything``: nothing is known (no baseline, or its token differs): every page is keyed.
    ``articles``: permalinks whose entry (texts, English, grouping, dates) may differ; new
    articles among them. ``reparsed``: those whose article itself (its texts) may differ.
    ``dates``: those whose dates moved (their place in the lists may differ too).
    ``files``: other stages' files (the reading aid's) whose inputs may differ.
    ``baseline``: what the last build showed (None with ``everything``)."""

    everything: bool = True
    articles: frozenset[str] = frozenset()
    reparsed: frozenset[str] = frozenset()
    dates: frozenset[str] = frozenset()
    files: frozenset[str] = frozenset()
    baseline: Baseline | None = None


EVERYTHING = ChangeSet()


def change_set(baseline: Baseline | None, token: str, *, reparsed: set[str], english: set[str] | None,
               grouping: set[str] | None, dates: set[str], files: set[str]) -> ChangeSet:
    """The change set from the stages' reports (permalinks): ``reparsed`` (the parse),
    ``english`` (the translations; None: not known), ``grouping`` (None: not known), ``dates``
    (the history); ``files``: other stages' files to make again. Everything when the
    ``baseline`` is missing or made with another ``token``."""
    if baseline is None or baseline.token != token or english is None or grouping is None:
        return EVERYTHING
    return ChangeSet(everything=False, articles=frozenset(reparsed | english | grouping | dates),
                     reparsed=frozenset(reparsed), dates=frozenset(dates), files=frozenset(files),
                     baseline=baseline)
