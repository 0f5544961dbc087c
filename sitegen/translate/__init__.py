"""Translation stage: Chinese headlines and leads → English, offline.

Public interface (used by ``sitegen.build``)::

    from sitegen.translate import TranslationService, english_for
    with TranslationService(memory_path, strict=False, retranslate=False, progress=False) as svc:
        translations = svc.translate(texts)      # {source text: Translation}
        svc.save()                               # atomic, only if changed
        svc.model_calls, svc.status_message

Model management for the CLI lives in :mod:`sitegen.translate.models`.
Nothing here imports argostranslate until a text is actually missing from the
translation memory.
"""
from sitegen.translate.memory import MemoryLocked, TranslationMemory, TranslationMemoryError
from sitegen.translate.service import (
    TranslationService,
    TranslationUnavailable,
    english_for,
    texts_for,
)
from sitegen.translate.text import normalise, source_key, split_sentences

__all__ = [
    "MemoryLocked",
    "TranslationMemory",
    "TranslationMemoryError",
    "TranslationService",
    "TranslationUnavailable",
    "english_for",
    "normalise",
    "source_key",
    "split_sentences",
    "texts_for",
]
