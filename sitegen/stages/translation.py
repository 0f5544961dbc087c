"""Translation stage: every text to translate (kickers, headlines, subtitles, leads, and
grouping's automatic theme and tag names) in one batch, through the translation memory."""
from __future__ import annotations

from sitegen.config import Config
from sitegen.models import Article, Translation, TranslationStats


def collect_texts(articles: list[Article]) -> list[str]:
    """Every text that gets machine-translated: kicker, headline, subtitle and lead."""
    texts: list[str] = []
    for art in articles:
        for text in (art.kicker, art.headline, art.subtitle, art.lead):
            if text:
                texts.append(text)
    return texts

def open_translation(config: Config, *, strict: bool, retranslate: bool, progress: bool, cache_dir=None):
    """The build's translation service: the memory locked and loaded (~30 ms at 1,000
    articles, done while the seeds parse; its entries as last read kept in ``cache_dir``).
    Close it once ``translate_stage`` is done."""
    from sitegen.translate import TranslationService

    return TranslationService(config.memory_path, strict=strict or config.strict, retranslate=retranslate,
                              progress=progress, cache_dir=cache_dir)

def translate_stage(service, texts: list[str]) -> tuple[dict[str, Translation], TranslationStats, list[str]]:
    """Every text in one batch: (translations, what was done, warnings to show).

    Grouping needs no English, so it runs first and its automatic theme and tag names join
    the headlines and leads here: the model is called once per build."""
    translations = service.translate(texts)
    service.save()
    messages = [m.removeprefix("warning: ") for m in (service.status_message, service.rejection_message) if m]
    return translations, service.stats, messages
