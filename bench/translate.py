"""Benchmark: Argos' per-text translate() against sitegen's one batched call.

Builds a random-weight package with the dimensions of Argos' zh→en model
(Transformer base: 6+6 layers, d_model 512, 8 heads, FFN 2048, 32k shared
vocabulary, int8) with ``tests/argos_fixture.py``, installs it in a temporary
Argos packages directory, then translates the same seed sentences

  (a) per text: one ``argostranslate.translate.translate(text, "zh", "en")``
      call per sentence, as an Argos user would (Argos' own code path:
      MiniSBD sentence splitting, tokenising, a CTranslate2 call per text);
  (b) batched: ``sitegen.translate.TranslationService`` with an empty memory,
      i.e. our sentence splitter and ONE ``translate_batch`` over everything.

Argos' sentence splitter would download a MiniSBD model; instead the package
carries a small MiniSBD ONNX model of our own under ``minisbd/`` (built with
the ``onnx`` package: a per-character lookup that ends sentences at 。！？), so
(a) runs Argos' real code offline. Without ``onnx`` installed, (a) falls back to
what Argos does per text minus the splitter: one CTranslate2 call per text with
Argos' options (beam 4, length penalty 0.2, batch of 32 tokens). The
output says which ran. Any network access aborts the benchmark.

Model loading is excluded from (a) (a warm-up call) and included in (b).
Weights are random, but the decoder is wired so every sentence decodes to the
same 33-piece English sentence, so both paths generate the same, realistic
number of tokens per sentence.

Usage: python bench/translate.py [--sentences 200] [--small] [--batch-size 32]
The last line printed is ``ratio batched/per_text = X.Yx``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def _block_network() -> None:
    def hook(event, args):
        if event in ("socket.connect", "socket.getaddrinfo"):
            raise RuntimeError(f"benchmark must run offline, got {event} {args!r}")

    sys.addaudithook(hook)


def bench_sentences(n: int) -> list[str]:
    """The first ``n`` distinct seed sentences of 8–120 characters.

    Only sentences with a single end mark, at the end, are taken, so Argos'
    splitter and ours both see exactly one sentence per text.
    """
    from sitegen.translate.text import split_sentences

    out: list[str] = []
    seen: set[str] = set()
    for path in sorted((REPO / "seeds").glob("*.txt")):
        for para in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            for s in split_sentences(para):
                ends = sum(s.count(c) for c in "。！？!?")
                if 8 <= len(s) <= 120 and s not in seen and s[-1] in "。！？" and ends == 1:
                    seen.add(s)
                    out.append(s)
                    if len(out) == n:
                        return out
    return out


def minisbd_model_bytes() -> bytes | None:
    """A MiniSBD-compatible ONNX model splitting at 。！？ (None without ``onnx``)."""
    try:
        import numpy as np
        import onnx
        from onnx import TensorProto, helper, numpy_helper
    except ImportError:
        return None
    chars = sorted({c for p in (REPO / "seeds").glob("*.txt")
                    for c in p.read_text(encoding="utf-8", errors="replace")})
    id2unit = ["<PAD>", "<UNK>"] + [c for c in chars if c not in ("<PAD>", "<UNK>")]
    table = np.zeros((len(id2unit), 5), dtype=np.float32)
    table[:, 1] = 1.0  # every character ends a token (Chinese: char = token here)
    for i, unit in enumerate(id2unit):
        if unit in "。！？!?":
            table[i, 2] = 2.0  # ...and these end a sentence
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "sbd",
        [helper.make_tensor_value_info("units", TensorProto.INT64, ["B", "N"]),
         helper.make_tensor_value_info("features", TensorProto.FLOAT, ["B", "N", "F"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["B", "N", 5])],
        [numpy_helper.from_array(table, "table")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8
    config = {"skip_newline": False, "max_seqlen": 1000, "no_ssplit": False, "batch_size": 32,
              "feat_funcs": [], "use_dictionary": False, "num_dict_feat": 0}
    vocab = {"lang": "zh", "idx": 0, "cutoff": 0, "lower": False,
             "_unit2id": {u: i for i, u in enumerate(id2unit)}, "_id2unit": id2unit}
    for key, value in (("lang_code", "zh"), ("config", json.dumps(config)),
                       ("vocab", json.dumps(vocab, ensure_ascii=False)), ("lexicon", "null")):
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    return model.SerializeToString()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=200, help="number of seed sentences (200)")
    ap.add_argument("--small", action="store_true", help="tiny 2+2-layer model (smoke test)")
    ap.add_argument("--batch-size", type=int, default=None, help="sentences per CTranslate2 batch")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="sitegen-bench-"))
    import atexit
    import shutil

    atexit.register(shutil.rmtree, work, True)  # ~100 MB of model files
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(work / var.lower())
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")
    if args.batch_size:
        os.environ["SITEGEN_TRANSLATE_BATCH"] = str(args.batch_size)
    _block_network()

    from argos_fixture import build_argos_model

    sbd = minisbd_model_bytes()
    extra = {"minisbd/zh.onnx": sbd} if sbd else {}
    dims = dict(layers=(2, 2), d_model=64, heads=4, ffn=128) if args.small else dict(
        layers=(6, 6), d_model=512, heads=8, ffn=2048, model_vocab=32000, quantization="int8")
    t0 = time.perf_counter()
    archive = build_argos_model(work / "dist", random_layers=True, extra_files=extra, **dims)
    print(f"built {archive.name} ({archive.stat().st_size / 1e6:.1f} MB, "
          f"{'small' if args.small else '6+6 layers, d512, 32k vocab, int8'}) "
          f"in {time.perf_counter() - t0:.1f}s")

    from sitegen.translate.models import install_from_file
    from sitegen.translate import TranslationService
    from sitegen.translate.engine import DEFAULT_BATCH_SIZE

    install_from_file(archive)
    sentences = bench_sentences(args.sentences)
    n = len(sentences)
    print(f"{n} seed sentences, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")

    # (a) Argos, one translate() per text
    import argostranslate.settings as argos_settings
    import argostranslate.translate as argos_translate

    if sbd:
        how = "argostranslate.translate.translate() per text (MiniSBD model packaged, offline)"
        translate_one = lambda text: argos_translate.translate(text, "zh", "en")  # noqa: E731
    else:
        how = ("Argos' per-text CTranslate2 call (onnx not installed: no packaged MiniSBD, "
               "so the splitter is skipped)")
        import ctranslate2
        import sentencepiece as spm

        pkg_dir = next((work / "packages").iterdir())
        sp = spm.SentencePieceProcessor(model_file=str(pkg_dir / "sentencepiece.model"))
        tr = ctranslate2.Translator(str(pkg_dir / "model"), device=argos_settings.device,
                                    compute_type=argos_settings.compute_type,
                                    inter_threads=argos_settings.inter_threads,
                                    intra_threads=argos_settings.intra_threads)

        def translate_one(text):
            res = tr.translate_batch([sp.encode(text, out_type=str)], replace_unknowns=True,
                                     max_batch_size=argos_settings.batch_size, batch_type="tokens",
                                     beam_size=max(1, argos_settings.beam_size), num_hypotheses=1,
                                     length_penalty=0.2, return_scores=True)
            return sp.decode_pieces(res[0].hypotheses[0])

    translate_one("预热一下。")  # load the model and the sentence splitter
    t0 = time.perf_counter()
    per_text = [translate_one(s) for s in sentences]
    a_time = time.perf_counter() - t0
    a_rate = n / a_time
    print(f"(a) {how}: {n} sentences in {a_time:.1f}s = {a_rate:.2f} sentences/s")

    # (b) sitegen: memory miss for everything, one batched call. The model is loaded before
    # the clock starts, as it was for (a) by its warm-up call: both figures are steady state.
    # output_check=None: the bench model answers every sentence alike by construction, which the
    # service's check would rightly refuse as broken output.
    with TranslationService(work / "memory.json", output_check=None) as svc:
        svc.engine.translator()
        t0 = time.perf_counter()
        result = svc.translate(sentences)
        b_time = time.perf_counter() - t0
    b_rate = n / b_time
    print(f"(b) sitegen batched ({svc.model_calls} sentences in one translate_batch, "
          f"batch size {args.batch_size or DEFAULT_BATCH_SIZE}, model loaded beforehand as in (a)): "
          f"{n} sentences in {b_time:.1f}s = {b_rate:.2f} sentences/s")
    same = sum(1 for s, a in zip(sentences, per_text) if result[s].text == a.strip())
    print(f"identical English for {same}/{n} sentences")
    print(f"load average now {os.getloadavg()[0]:.1f} (other work on the machine skews both figures)")
    print(f"ratio batched/per_text = {b_rate / a_rate:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
