"""Build a small *real* Argos Translate package for tests and benchmarks.

:func:`build_argos_model` writes a ``.argosmodel`` zip holding

* ``sentencepiece.model`` trained on the Chinese seed pages plus a little
  English (so one tokenizer serves source and target, as in Argos' packages);
* ``model/``: a CTranslate2 Transformer whose weights come from numpy (fixed
  seed), saved through a minimal :class:`ctranslate2.converters.Converter`;
* ``metadata.json`` (zh→en) and a README.

The decoder is wired so that the model always answers :data:`FIXED_ENGLISH`:
its learned position encodings put a large one-hot at decoder position ``t``
and the output projection maps that one-hot to the ``t``-th piece of the
answer (then ``</s>``). With ``random_layers=False`` every layer weight is zero
(tiny, fast test model); with ``random_layers=True`` the layers carry random
weights of full cost (benchmarks) and the one-hot is large enough to dominate,
so every sentence still decodes to the same, realistic number of tokens.

Pytest fixtures (import them into a test module)::

    from tests.argos_fixture import argos_model_file, argos_env  # noqa: F401
"""
from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

#: What the fixture model answers, whatever the input.
FIXED_ENGLISH = "The tiny test model always answers with this sentence."
_ENGLISH_TRAINING = [
    FIXED_ENGLISH,
    "This is an English sentence for the tokenizer.",
    "Machine translation turns Chinese news into English.",
    "The digest shows headlines, subtitles and lead paragraphs.",
]


def seed_lines(limit: int | None = None) -> list[str]:
    """Non-empty lines of the Chinese seed pages, in file order."""
    lines: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if line:
                lines.append(line)
    return lines[:limit] if limit else lines


def train_sentencepiece(vocab_size: int = 500, seed_line_limit: int = 80,
                        english: tuple[str, ...] = ()) -> bytes:
    """A SentencePiece model (bytes) trained on seed lines + some English.

    Only the first ``seed_line_limit`` seed lines are used: SentencePiece wants
    every character it covers in the vocabulary, and all the seeds hold ~1000
    distinct ideographs.
    """
    import sentencepiece as spm

    lines = seed_lines(limit=seed_line_limit) + (_ENGLISH_TRAINING + list(english)) * 40
    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=out,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=0.98,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
        bos_id=1,
        eos_id=2,
        unk_id=0,
        pad_id=-1,
    )
    return out.getvalue()


def _make_spec(*, layers, d_model, heads, ffn, vocab, answer_ids, eos_id, random_layers, rng):
    from ctranslate2.specs import transformer_spec

    spec = transformer_spec.TransformerSpec.from_config(tuple(layers), heads, pre_norm=True)
    f32 = np.float32
    n_vocab = len(vocab)

    def dense(rows, cols):
        if random_layers:
            return (rng.standard_normal((rows, cols)) * (1.0 / np.sqrt(cols))).astype(f32)
        return np.zeros((rows, cols), dtype=f32)

    def zeros(n):
        return np.zeros((n,), dtype=f32)

    def norm(ln):
        ln.gamma = np.ones((d_model,), dtype=f32)
        ln.beta = zeros(d_model)

    def linear(lin, rows, cols):
        lin.weight = dense(rows, cols)
        lin.bias = zeros(rows)

    def attention(att, self_attention):
        norm(att.layer_norm)
        if self_attention:
            linear(att.linear[0], 3 * d_model, d_model)
            linear(att.linear[1], d_model, d_model)
        else:
            linear(att.linear[0], d_model, d_model)
            linear(att.linear[1], 2 * d_model, d_model)
            linear(att.linear[2], d_model, d_model)

    def feed_forward(ff):
        norm(ff.layer_norm)
        linear(ff.linear_0, ffn, d_model)
        linear(ff.linear_1, d_model, ffn)

    def embeddings():
        return (rng.standard_normal((n_vocab, d_model)) * 0.02).astype(f32)

    enc, dec = spec.encoder, spec.decoder
    enc.embeddings[0].weight = embeddings()
    norm(enc.layer_norm)
    for layer in enc.layer:
        attention(layer.self_attention, True)
        feed_forward(layer.ffn)

    dec.embeddings.weight = embeddings()
    norm(dec.layer_norm)
    for layer in dec.layer:
        attention(layer.self_attention, True)
        attention(layer.attention, False)
        feed_forward(layer.ffn)

    # Decoder position t carries a big one-hot on dimension t; the projection
    # reads dimension t as "emit answer[t]" (and </s> after the last piece).
    chain = list(answer_ids) + [eos_id]
    if len(chain) > d_model:
        raise ValueError(f"answer too long for d_model={d_model}: {len(chain)} pieces")
    positions = np.zeros((1024, d_model), dtype=f32)
    projection = np.zeros((n_vocab, d_model), dtype=f32)
    for t, token in enumerate(chain):
        positions[t, t] = 1000.0
        projection[token, t] = 4.0
    dec.position_encodings.encodings = positions
    dec.projection.weight = projection
    dec.projection.bias = zeros(n_vocab)

    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    return spec


def build_argos_model(
    out_dir: Path,
    *,
    version: str = "1.0",
    layers: tuple[int, int] = (2, 2),
    d_model: int = 64,
    heads: int = 4,
    ffn: int = 128,
    sp_vocab: int = 500,
    model_vocab: int | None = None,
    quantization: str | None = None,
    random_layers: bool = False,
    seed: int = 1234,
    answer: str = FIXED_ENGLISH,
    package_dir_name: str | None = None,
    extra_files: dict[str, bytes] | None = None,
) -> Path:
    """Write ``<out_dir>/translate-zh_en-<version>.argosmodel`` and return its path.

    ``model_vocab`` pads the CTranslate2 vocabulary (beyond the SentencePiece
    pieces) to reach a real model's size; ``quantization`` is passed to the
    converter ("int8" for a realistic benchmark model). ``extra_files`` adds
    files to the package (path inside the package → bytes).
    """
    import sentencepiece as spm
    from ctranslate2.converters import Converter

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    sp_bytes = train_sentencepiece(sp_vocab, english=(answer,))
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    if model_vocab and model_vocab > len(vocab):
        vocab += [f"<extra_{i}>" for i in range(model_vocab - len(vocab))]
    answer_ids = sp.encode(answer)
    if sp.unk_id() in answer_ids:
        raise ValueError(f"answer {answer!r} has pieces unknown to the tokenizer")

    spec = _make_spec(
        layers=layers, d_model=d_model, heads=heads, ffn=ffn, vocab=vocab,
        answer_ids=answer_ids, eos_id=sp.eos_id(), random_layers=random_layers, rng=rng,
    )

    class _SpecConverter(Converter):
        def _load(self):
            return spec

    top = package_dir_name or f"translate-zh_en-{version.replace('.', '_')}"
    stage = out_dir / f"{top}.stage"
    pkg = stage / top
    pkg.mkdir(parents=True, exist_ok=True)
    _SpecConverter().convert(str(pkg / "model"), quantization=quantization, force=True)
    (pkg / "sentencepiece.model").write_bytes(sp_bytes)
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": "zh",
        "from_name": "Chinese",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "links": [],
    }
    (pkg / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (pkg / "README.md").write_text(
        "Test fixture built by sitegen's tests/argos_fixture.py: random or zero "
        "weights, it answers every input with one fixed English sentence.\n",
        encoding="utf-8",
    )
    for rel, data in (extra_files or {}).items():
        dest = pkg / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)

    archive = out_dir / f"{top}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        for path in sorted(pkg.rglob("*")):
            zf.write(path, path.relative_to(stage).as_posix())
    import shutil

    shutil.rmtree(stage)
    return archive


def point_argos_at(packages_dir: Path) -> None:
    """Make this process's argostranslate (imported or not) use ``packages_dir``."""
    packages_dir = Path(packages_dir)
    packages_dir.mkdir(parents=True, exist_ok=True)
    os.environ["ARGOS_PACKAGES_DIR"] = str(packages_dir)
    import sys

    settings = sys.modules.get("argostranslate.settings")
    if settings is not None:
        settings.package_data_dir = packages_dir
        settings.package_dirs = [packages_dir]


# -- pytest fixtures --------------------------------------------------------
try:
    import pytest
except ImportError:  # the benchmark imports this module without pytest
    pytest = None

if pytest is not None:

    @pytest.fixture(scope="session")
    def argos_model_file(tmp_path_factory) -> Path:
        """A zh→en .argosmodel (version 1.0) that always answers FIXED_ENGLISH."""
        return build_argos_model(tmp_path_factory.mktemp("argos-model"))

    @pytest.fixture(scope="session")
    def argos_model_file_v2(tmp_path_factory) -> Path:
        """Same pair, version 2.0, answering a different fixed sentence."""
        return build_argos_model(
            tmp_path_factory.mktemp("argos-model-v2"),
            version="2.0",
            answer="A newer model gives this other answer.",
            seed=99,
        )

    @pytest.fixture
    def argos_env(tmp_path, monkeypatch):
        """An empty Argos packages dir for this test, used by argostranslate in-process.

        Also points HOME/XDG dirs at the temp dir so Argos' settings.json of the
        machine is not read and nothing is written outside the test.
        """
        home = tmp_path / "home"
        home.mkdir()
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            monkeypatch.setenv(var, str(home / var.lower()))
        packages = tmp_path / "argos-packages"
        monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
        import argostranslate.settings as settings

        monkeypatch.setattr(settings, "package_data_dir", packages, raising=False)
        monkeypatch.setattr(settings, "package_dirs", [packages], raising=False)
        packages.mkdir(exist_ok=True)
        return packages
