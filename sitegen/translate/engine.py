"""Batched zh→en translation on an installed Argos Translate package.

The build never goes through ``argostranslate.translate``: that module pulls in
stanza/spaCy/MiniSBD and its sentence splitter downloads a model on first use.
Instead we locate the package with ``argostranslate.package`` (a light import
that honours ARGOS_PACKAGES_DIR and Argos' settings.json), then run the
package's CTranslate2 model (``<package>/model``) and SentencePiece tokenizer
(``<package>/sentencepiece.model``) ourselves, with every sentence of the run
in one ``translate_batch`` call. Decoding options mirror Argos' own
(beam ARGOS_BEAM_SIZE=4, length penalty 0.2, unknowns replaced), so the English
matches what ``argostranslate.translate`` would give sentence by sentence.

This module imports nothing heavy at import time; callers import it only when
the model is actually needed.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen.progress import ProgressBar

SOURCE_LANG = "zh"
TARGET_LANG = "en"

#: Sentences per CTranslate2 batch inside the single translate_batch call
#: (inputs are sorted by length inside the call, so padding stays small).
DEFAULT_BATCH_SIZE = int(os.environ.get("SITEGEN_TRANSLATE_BATCH", "32"))


@dataclass(frozen=True)
class ModelInfo:
    name: str  # argospm name, e.g. "translate-zh_en"
    version: str  # package_version from metadata.json
    path: Path

    @property
    def model_id(self) -> str:
        return f"{self.name} {self.version}" if self.version else self.name


def _version_key(version: str) -> Any:
    try:
        import packaging.version

        return (1, packaging.version.parse(version or "0"))
    except Exception:
        return (0, version or "")


def find_package(from_code: str = SOURCE_LANG, to_code: str = TARGET_LANG):
    """The installed Argos package translating ``from_code``→``to_code``, or None.

    Uses ``argostranslate.package.get_installed_packages()`` (so ARGOS_PACKAGES_DIR
    and Argos' settings.json are honoured); the newest version wins. Package
    directories that do not exist yet are skipped rather than crashing.
    """
    from argostranslate import package as argos_package
    from argostranslate import settings as argos_settings

    candidates = []
    for directory in argos_settings.package_dirs:
        if not Path(directory).is_dir():
            continue
        try:
            found = argos_package.get_installed_packages([Path(directory)])
        except (OSError, ValueError):
            continue
        for pkg in found:
            if getattr(pkg, "type", "translate") != "translate":
                continue
            froms = {pkg.from_code, *(pkg.from_codes or [])}
            tos = {pkg.to_code, *(pkg.to_codes or [])}
            if from_code in froms and to_code in tos and (pkg.package_path / "model").is_dir():
                candidates.append(pkg)
    if not candidates:
        return None
    return max(candidates, key=lambda p: _version_key(p.package_version))


def package_name(pkg) -> str:
    return f"{getattr(pkg, 'type', None) or 'translate'}-{pkg.from_code}_{pkg.to_code}"


class ArgosEngine:
    """CTranslate2 + SentencePiece on one Argos package; load with :meth:`from_installed`."""

    def __init__(self, pkg):
        self.pkg = pkg
        self.info = ModelInfo(package_name(pkg), pkg.package_version or "", Path(pkg.package_path))
        self._translator = None
        self._sp = None

    @classmethod
    def from_installed(cls) -> "ArgosEngine | None":
        pkg = find_package()
        return cls(pkg) if pkg is not None else None

    # -- lazy loading ----------------------------------------------------
    def _settings(self):
        from argostranslate import settings

        return settings

    def translator(self):
        if self._translator is None:
            import ctranslate2

            s = self._settings()
            self._translator = ctranslate2.Translator(
                str(self.info.path / "model"),
                device=s.device,
                compute_type=s.compute_type,
                inter_threads=s.inter_threads,
                intra_threads=s.intra_threads,
            )
        return self._translator

    def _sentencepiece(self):
        if self._sp is None:
            sp_path = self.info.path / "sentencepiece.model"
            if sp_path.exists():
                import sentencepiece

                self._sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
            else:
                self._sp = False  # BPE package: fall back to Argos' tokenizer object
        return self._sp

    def encode(self, sentence: str) -> list[str]:
        sp = self._sentencepiece()
        if sp:
            return sp.encode(sentence, out_type=str)
        return self.pkg.tokenizer.encode(sentence)

    def decode(self, tokens: list[str]) -> str:
        prefix = getattr(self.pkg, "target_prefix", "") or ""
        if prefix and tokens and tokens[0] == prefix:
            tokens = tokens[1:]
        sp = self._sentencepiece()
        if sp:
            text = sp.decode_pieces(tokens).replace("\u2581", " ")
        else:
            text = self.pkg.tokenizer.decode(tokens)
        if prefix and text.startswith(prefix):
            text = text[len(prefix):]
        return text.strip()

    # -- translation -----------------------------------------------------
    def translate(self, sentences: list[str], *, progress: bool = False,
                  batch_size: int | None = None, max_decoding_length: int = 256) -> list[str]:
        """Translate ``sentences`` in one batched CTranslate2 call, order kept."""
        if not sentences:
            return []
        tokenized = [self.encode(s) for s in sentences]
        prefix = getattr(self.pkg, "target_prefix", "") or ""
        target_prefix = [[prefix]] * len(tokenized) if prefix else None
        s = self._settings()
        bar = ProgressBar(len(sentences), "translate", enabled=progress, unit="sentences")
        try:
            results = self.translator().translate_batch(
                tokenized,
                target_prefix=target_prefix,
                max_batch_size=batch_size or DEFAULT_BATCH_SIZE,
                batch_type="examples",
                asynchronous=True,
                beam_size=max(1, s.beam_size),
                num_hypotheses=1,
                length_penalty=0.2,
                replace_unknowns=True,
                max_decoding_length=max_decoding_length,
            )
            if bar.enabled:  # poll so the bar moves as batches finish, in any order
                import time

                waiting = set(range(len(results)))
                while waiting:
                    finished = {i for i in waiting if results[i].done()}
                    waiting -= finished
                    bar.update(len(finished))
                    if waiting:
                        time.sleep(0.05)
            out = [self.decode(r.result().hypotheses[0]) for r in results]
        finally:
            bar.close()
        return out
