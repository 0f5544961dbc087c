"""TranslationService: translation memory first, the Argos model only for what is missing."""
from __future__ import annotations

import datetime as _dt
import re
import weakref
from pathlib import Path
from typing import Iterable

from sitegen.models import Article, ArticleEnglish, Translation, TranslationStats
from sitegen.translate.memory import MemoryEntry, MemoryLock, TranslationMemory
from sitegen.translate.quality import OutputCheck
from sitegen.translate.text import join_sentences, split_sentences

INSTALL_HINT = "run `sitegen models install` (or `sitegen models install --file PATH`)"
_WS_RE = re.compile(r"\s+")


class TranslationUnavailable(RuntimeError):
    """Strict build: some texts have no translation and no zh→en model is installed."""


class TranslationService:
    """Translate Chinese source texts to English for one build.

    ``TranslationService(memory_path, strict=False, retranslate=False, progress=False)``

    * Loads the translation memory at ``memory_path`` (a corrupt file raises
      :class:`~sitegen.translate.memory.TranslationMemoryError`) and takes the lock
      file ``<memory_path>.lock`` for the lifetime of the service (a concurrent
      build raises :class:`~sitegen.translate.memory.MemoryLocked`). Release it
      with :meth:`close` or ``with TranslationService(...) as svc:``; it is also
      released when the object is garbage-collected or the process exits.
    * :meth:`translate` answers every text from the memory when it can; only the
      missing ones go to the model, all of them in one batched call. If every text
      is in the memory, ``argostranslate`` is never imported.
    * Reviewed entries (``"reviewed": true``) are never replaced. Unreviewed
      entries made by another model (name or version) are kept as they are unless
      ``retranslate=True``, which re-translates them with the installed model.
    * No model installed: missing texts come back ``pending`` and
      :attr:`status_message` says how to install one; with ``strict=True``
      :class:`TranslationUnavailable` is raised instead.
    * The model's answers pass ``output_check`` (:class:`~sitegen.translate.quality.OutputCheck`)
      first: a text with a plainly broken answer is not written to the memory, stays
      ``pending`` and is counted in :attr:`stats` (``rejected``) and :attr:`rejection_message`.
    * :meth:`save` writes the memory atomically, only if it changed.
    """

    def __init__(self, memory_path: Path, *, strict: bool = False,
                 retranslate: bool = False, progress: bool = False,
                 output_check: OutputCheck | None = OutputCheck(), cache_dir: Path | None = None):
        self.memory_path = Path(memory_path)
        self.strict = strict
        self.retranslate = retranslate
        self.progress = progress
        self.output_check = output_check
        self.model_calls = 0
        self.status_message: str | None = None
        self.rejection_message: str | None = None
        self.model_id: str | None = None  # the model that translated texts in this run
        self._engine = None
        self._engine_loaded = False
        self._pending_keys: set[str] = set()
        self._memory_keys: set[str] = set()
        self._translated_keys: set[str] = set()
        self._rejected: dict[str, str] = {}  # key -> why its answer was refused
        self._key_of: dict[str, str | None] = {}  # each text looked up -> its memory key
        self._lock = MemoryLock(self.memory_path)
        self._lock.acquire()
        self._finalizer = weakref.finalize(self, self._lock.release)
        try:
            self.memory = TranslationMemory.load(self.memory_path, cache_dir)
        except BaseException:
            self.close()
            raise

    # -- lifecycle -------------------------------------------------------
    def close(self) -> None:
        """Release the memory lock (idempotent). Does not save."""
        self._finalizer()

    def __enter__(self) -> "TranslationService":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def save(self) -> bool:
        """Atomically write the memory if this run changed it; True when written."""
        return self.memory.save()

    @property
    def stats(self) -> TranslationStats:
        """What this run did, counted in distinct texts."""
        pending = self._pending_keys
        return TranslationStats(
            model=self.model_id, translated=len(self._translated_keys),
            from_memory=len(self._memory_keys - self._translated_keys - pending),
            pending=len(pending), rejected=len(self._rejected),
        )

    def changed_texts(self) -> set[str] | None:
        """The texts translated in this run whose English (text, status, model) may differ
        from the last build's: those whose memory entry changed since then (None: not known)."""
        keys = self.memory.changed_keys()
        if keys is None:
            return None
        return {text for text, key in self._key_of.items() if key in keys} if keys else set()

    # -- model -----------------------------------------------------------
    @property
    def engine(self):
        """The installed zh→en engine, or None (loaded on first use only)."""
        if not self._engine_loaded:
            self._engine_loaded = True
            try:
                from sitegen.translate.engine import ArgosEngine
                self._engine = ArgosEngine.from_installed()
            except ImportError as exc:
                self._engine = None
                self._no_model_reason = f"argostranslate is not importable ({exc})"
            else:
                self._no_model_reason = "no zh→en Argos Translate model is installed"
        return self._engine

    # -- translation -----------------------------------------------------
    def translate(self, texts: Iterable[str]) -> dict[str, Translation]:
        """Return a :class:`Translation` for every distinct text in ``texts``."""
        result, todo, stale = self._look_up(texts)
        if not todo:
            return result
        engine = self.engine
        if engine is None:
            self._without_model(todo, stale)
            return result

        model_id = engine.info.model_id
        for key, entry in stale.items():  # same model: retranslating would change nothing
            if entry.model_id == model_id:
                del todo[key]
        if todo:
            english, broken = self._run_model(engine, todo)
            self._keep(engine, todo, stale, english, broken, result)
        return result

    def _look_up(self, texts: Iterable[str]) -> tuple[
            dict[str, Translation], dict[str, list[str]], dict[str, MemoryEntry]]:
        """What the memory already holds for ``texts``: their translations so far, the texts
        that still need the model (by memory key) and the unreviewed entries that
        ``retranslate`` may refresh."""
        result: dict[str, Translation] = {}
        todo: dict[str, list[str]] = {}  # key -> source texts needing the model
        stale: dict[str, MemoryEntry] = {}  # key -> unreviewed entry that retranslate may refresh
        for text in texts:
            if text is None or text in result:
                continue
            key, entry = self.memory.lookup(text)
            self._key_of[text] = key
            if key is None:  # nothing to translate
                result[text] = Translation(text, "", "machine", None)
                continue
            if entry is None:
                todo.setdefault(key, []).append(text)
                result[text] = Translation(text, None, "pending", None)
            elif entry.reviewed:
                self._memory_keys.add(key)
                result[text] = Translation(text, entry.translation, "reviewed", entry.model_id)
            else:
                self._memory_keys.add(key)
                result[text] = Translation(text, entry.translation, "machine", entry.model_id)
                if self.retranslate:
                    stale.setdefault(key, entry)
                    todo.setdefault(key, []).append(text)
        return result, todo, stale

    def _keep(self, engine, todo: dict[str, list[str]], stale: dict[str, MemoryEntry],
              english: dict[str, str], broken: dict[str, str],
              result: dict[str, Translation]) -> None:
        """Put the model's output into the memory and ``result``; a text the model broke
        stays pending (a refreshed entry keeps its old translation)."""
        model_id = engine.info.model_id
        today = _dt.date.today().isoformat()
        for key, sources in todo.items():
            if key in broken:
                self._rejected[key] = broken[key]
                if key not in stale:  # a refreshed entry keeps its old translation
                    self._pending_keys.add(key)
                    for source in sources:
                        result[source] = Translation(source, None, "pending", None)
                continue
            text_en = english[key]
            self.memory.put(MemoryEntry(
                hash=key,
                source=_WS_RE.sub(" ", sources[0]).strip(),
                translation=text_en,
                model=engine.info.name,
                model_version=engine.info.version or None,
                date=today,
                reviewed=False,
            ))
            self._translated_keys.add(key)
            for source in sources:
                result[source] = Translation(source, text_en, "machine", model_id)
        if self._rejected:
            self.rejection_message = rejection_message(model_id, self._rejected, self.memory_path)

    def _without_model(self, todo: dict[str, list[str]], stale: dict[str, MemoryEntry]) -> None:
        """No model installed: the texts of ``todo`` stay pending (strict: an error), one
        message for the whole run."""
        missing = {key for key in todo if key not in stale}
        if missing and self.strict:
            raise TranslationUnavailable(
                f"{len(missing)} text(s) have no translation in {self.memory_path} and "
                f"{self._no_model_reason}; {INSTALL_HINT}"
            )
        if missing:
            self._pending_keys |= missing  # one message covering every call of the run
            self.status_message = (
                f"warning: {len(self._pending_keys)} text(s) are left untranslated (pending): "
                f"{self._no_model_reason}; {INSTALL_HINT}"
            )
        elif self.retranslate:
            self.status_message = (
                f"warning: --retranslate ignored: {self._no_model_reason}; {INSTALL_HINT}"
            )

    def _run_model(self, engine, todo: dict[str, list[str]]) -> tuple[dict[str, str], dict[str, str]]:
        """Every distinct sentence of ``todo``'s texts through the model in one call:
        ({key: English}, {key: why its answer is refused})."""
        per_key: dict[str, list[str]] = {}
        unique: dict[str, int] = {}
        for key, sources in todo.items():
            sentences = split_sentences(sources[0])
            per_key[key] = sentences
            for sentence in sentences:
                unique.setdefault(sentence, len(unique))
        try:
            answers = engine.translate(list(unique), progress=self.progress)
        except (RuntimeError, ValueError, OSError) as exc:  # broken or incompatible package
            raise TranslationUnavailable(
                f"the zh→en model at {engine.info.path} could not translate: {exc} "
                f"(reinstall it: {INSTALL_HINT})"
            ) from exc
        self.model_calls += len(unique)
        self.model_id = engine.info.model_id
        bad = self.output_check.problems(list(unique), answers) if self.output_check else {}
        english: dict[str, str] = {}
        broken: dict[str, str] = {}
        for key, sentences in per_key.items():
            reasons = [bad[unique[s]] for s in sentences if unique[s] in bad]
            if reasons:
                broken[key] = reasons[0]
            else:
                english[key] = join_sentences([answers[unique[s]] for s in sentences])
        return english, broken


def rejection_message(model_id: str, rejected: dict[str, str], memory_path: Path) -> str:
    """One line: how many answers of ``model_id`` were refused, and why (most common first)."""
    reasons: dict[str, int] = {}
    for reason in rejected.values():
        reasons[reason] = reasons.get(reason, 0) + 1
    why = "; ".join(f"{n} × {reason}" for reason, n in sorted(reasons.items(), key=lambda kv: -kv[1]))
    return (f"warning: {model_id} gave plainly broken output for {len(rejected)} text(s) ({why}): "
            f"not written to {memory_path.name}, shown as pending; check or reinstall the model")


def texts_for(article: Article) -> list[str]:
    """The texts of ``article`` that get translated: kicker, headline, subtitle, lead."""
    return [t for t in (article.kicker, article.headline, article.subtitle, article.lead) if t]


def english_for(article: Article, translations: dict[str, Translation]) -> ArticleEnglish:
    """Gather an article's translations (from :meth:`TranslationService.translate`).

    Absent parts (no kicker, no subtitle, empty lead) are None; a part missing
    from ``translations`` comes back as a ``pending`` Translation.
    """

    def one(text: str | None) -> Translation | None:
        if not text:
            return None
        return translations.get(text) or Translation(text, None, "pending", None)

    return ArticleEnglish(
        kicker=one(article.kicker),
        headline=one(article.headline),
        subtitle=one(article.subtitle),
        lead=one(article.lead),
    )
