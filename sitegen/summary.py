"""What a build tells people about its translations: one line on the terminal, and a
Markdown summary (``sitegen build --summary FILE``, e.g. ``$GITHUB_STEP_SUMMARY`` in the
Pages workflow)."""
from __future__ import annotations

from pathlib import Path

from sitegen.models import TranslationStats


def _model(stats: TranslationStats) -> str:
    if stats.model:
        return stats.model
    return "no zh→en model installed" if stats.pending else "no model needed"


def translation_line(stats: TranslationStats) -> str:
    """``translation: 12 translated (translate-zh_en 1.9), 340 from memory, 0 pending``."""
    rejected = f" ({stats.rejected} rejected as broken output)" if stats.rejected else ""
    return (f"translation: {stats.translated} translated ({_model(stats)}), {stats.from_memory} "
            f"from memory, {stats.pending} pending{rejected}")


def summary_markdown(result, out_dir: Path) -> str:
    """A short Markdown report of a build (``result``: a ``BuildResult``)."""
    if result.skipped or result.translation is None:
        return f"### sitegen build\n\nNothing changed since the last build of `{out_dir}`.\n"
    stats = result.translation
    rows = [
        ("translated by the model", stats.translated),
        ("from translations/memory.json", stats.from_memory),
        ("pending (shown in Chinese)", stats.pending),
    ]
    if stats.rejected:
        rows.append(("rejected as plainly broken output", stats.rejected))
    lines = [
        "### sitegen build", "",
        f"{result.articles} articles, {result.pages} files written to `{out_dir}`; "
        f"model: {_model(stats)}.", "",
        "| texts | count |", "|---|---:|",
        *(f"| {label} | {count} |" for label, count in rows),
    ]
    if result.warnings:
        lines += ["", *(f"- warning: {w}" for w in result.warnings)]
    return "\n".join(lines) + "\n"


def append_summary(path: Path, text: str) -> None:
    """Append ``text`` to ``path`` (GitHub gathers every step's summary file this way)."""
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(text)
