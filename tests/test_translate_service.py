"""TranslationService end to end on a tiny real Argos package, offline.

The package is built by tests/argos_fixture.py (real SentencePiece model, real
CTranslate2 Transformer, real metadata.json, installed with
argostranslate.package.install_from_path). It answers every sentence with
FIXED_ENGLISH, so translations can be checked exactly.

Answering every input with one sentence is exactly what the service's output check rejects
as plainly broken (tests/test_translate_quality.py tests its rules on synthetic engines).
The tests of the memory's mechanics here therefore run with the check off (``run``); the
tests under "output check" run the fixture with the default check and expect the rejection.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from argos_fixture import (  # noqa: E402,F401  (fixtures)
    FIXED_ENGLISH,
    argos_env,
    argos_model_file,
    argos_model_file_v2,
)

from sitegen.models import Article, Block  # noqa: E402
from sitegen.translate import (  # noqa: E402
    MemoryLocked,
    TranslationMemoryError,
    TranslationService,
    TranslationUnavailable,
    english_for,
    texts_for,
)
from sitegen.translate.memory import TranslationMemory  # noqa: E402
from sitegen.translate.models import (  # noqa: E402
    ModelInstallError,
    install_from_file,
    list_installed,
)

REPO = Path(__file__).resolve().parent.parent
V2_ENGLISH = "A newer model gives this other answer."

HEADLINE = "深化政治互信 筑牢合作根基"
LEAD = "政治互信是区域合作的基石。也是上合组织不断发展壮大的重要保障！“两国关系目前处于历史最好阶段。”"
SUBTITLE = "上海合作组织政党论坛在乌鲁木齐举行"
TEXTS = [HEADLINE, LEAD, SUBTITLE]

# -- no network, ever --------------------------------------------------------
_NETWORK_ATTEMPTS: list[tuple] = []
_GUARD = {"on": False}


def _audit(event, args):
    if _GUARD["on"] and event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        _NETWORK_ATTEMPTS.append((event, args))
        raise RuntimeError(f"network access during an offline test: {event} {args!r}")


sys.addaudithook(_audit)


@pytest.fixture
def offline():
    """Fail the test if anything tries to connect or resolve a host name."""
    _NETWORK_ATTEMPTS.clear()
    _GUARD["on"] = True
    try:
        yield
    finally:
        _GUARD["on"] = False
    assert not _NETWORK_ATTEMPTS, f"network was touched: {_NETWORK_ATTEMPTS}"


def test_network_guard_catches_connections(offline):
    import socket

    with pytest.raises(RuntimeError, match="network access"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    _NETWORK_ATTEMPTS.clear()  # expected here


@pytest.fixture
def installed(argos_env, argos_model_file):
    model = install_from_file(argos_model_file)
    return model


def run(memory, texts=TEXTS, **kw):
    kw.setdefault("output_check", None)  # the fixture's one answer is rejected by the default check
    with TranslationService(memory, **kw) as svc:
        result = svc.translate(texts)
        svc.save()
        return svc, result


# -- translation through the model -------------------------------------------
def test_translates_with_the_installed_model_and_remembers(tmp_path, installed, offline):
    memory = tmp_path / "memory.json"
    svc, result = run(memory)
    assert set(result) == set(TEXTS)
    assert result[HEADLINE].text == FIXED_ENGLISH  # no end mark: one sentence
    assert result[LEAD].text == " ".join([FIXED_ENGLISH] * 3)  # three sentences, rejoined
    for t in result.values():
        assert t.status == "machine" and t.model == "translate-zh_en 1.0"
    assert svc.model_calls == 5  # distinct sentences sent to the model
    assert svc.status_message is None
    data = json.loads(memory.read_text(encoding="utf-8"))
    assert len(data["entries"]) == 3
    e = next(e for e in data["entries"] if e["source"] == LEAD)
    assert e["translation"] == result[LEAD].text
    assert e["model"] == "translate-zh_en" and e["model_version"] == "1.0"
    assert e["reviewed"] is False and len(e["hash"]) == 16 and e["date"]


def test_second_run_without_model_uses_memory_only(tmp_path, installed, offline):
    memory = tmp_path / "memory.json"
    _, first = run(memory)
    shutil.rmtree(installed.path)
    assert list_installed() == []
    before = memory.read_bytes()
    svc, second = run(memory)
    assert second == first
    assert svc.model_calls == 0 and svc.status_message is None
    assert memory.read_bytes() == before  # nothing changed, nothing written


def test_duplicates_and_whitespace_variants_translate_once(tmp_path, installed, offline):
    svc, result = run(tmp_path / "m.json", ["你好。", "你好。", " 你好。\n", ""])
    assert svc.model_calls == 1
    assert result["你好。"].text == result[" 你好。\n"].text == FIXED_ENGLISH
    assert result[""].text == ""
    assert len(TranslationMemory.load(tmp_path / "m.json").entries) == 1


def test_progress_bar_draws_only_on_a_terminal(tmp_path, installed, capsys):
    run(tmp_path / "m.json", progress=True)
    assert capsys.readouterr().err == ""  # captured stderr is not a TTY: quiet


# -- no model ----------------------------------------------------------------
def test_no_model_gives_pending_and_one_clear_warning(tmp_path, argos_env, offline):
    memory = tmp_path / "memory.json"
    with TranslationService(memory) as svc:
        result = svc.translate(TEXTS)
        result2 = svc.translate(["另一个标题"])
        assert svc.save() is False
    assert all(t.status == "pending" and t.text is None for t in result.values())
    assert result2["另一个标题"].status == "pending"
    assert svc.model_calls == 0
    assert "sitegen models install" in svc.status_message
    assert "4 text(s)" in svc.status_message
    assert not memory.exists()


def test_strict_without_model_raises(tmp_path, argos_env, offline):
    with TranslationService(tmp_path / "m.json", strict=True) as svc:
        with pytest.raises(TranslationUnavailable, match="sitegen models install"):
            svc.translate(TEXTS)


def test_strict_with_everything_in_memory_is_fine(tmp_path, installed, offline):
    memory = tmp_path / "m.json"
    run(memory)
    shutil.rmtree(installed.path)
    svc, result = run(memory, strict=True)
    assert all(t.status == "machine" for t in result.values())


# -- reviewed entries and model changes ---------------------------------------
def _review(memory: Path, source: str, text: str):
    data = json.loads(memory.read_text(encoding="utf-8"))
    for e in data["entries"]:
        if e["source"] == source:
            e["translation"], e["reviewed"] = text, True
    memory.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def test_model_change_keeps_reviewed_and_refreshes_only_with_retranslate(
        tmp_path, argos_env, argos_model_file, argos_model_file_v2, offline):
    memory = tmp_path / "memory.json"
    old = install_from_file(argos_model_file)
    run(memory)
    _review(memory, HEADLINE, "Deepen political trust")

    shutil.rmtree(old.path)
    install_from_file(argos_model_file_v2)
    # a plain rebuild after the model change keeps every entry as it is
    svc, result = run(memory)
    assert svc.model_calls == 0
    assert result[HEADLINE].text == "Deepen political trust"
    assert result[HEADLINE].status == "reviewed"
    assert result[SUBTITLE].text == FIXED_ENGLISH and result[SUBTITLE].model == "translate-zh_en 1.0"

    # --retranslate refreshes the unreviewed old-model entries only
    svc, result = run(memory, retranslate=True)
    assert result[HEADLINE].text == "Deepen political trust"
    assert result[HEADLINE].status == "reviewed"
    assert result[SUBTITLE].text == V2_ENGLISH and result[SUBTITLE].model == "translate-zh_en 2.0"
    assert result[LEAD].text == " ".join([V2_ENGLISH] * 3)
    assert svc.model_calls == 4
    entries = {e["source"]: e for e in json.loads(memory.read_text("utf-8"))["entries"]}
    assert entries[HEADLINE]["reviewed"] is True
    assert entries[HEADLINE]["model_version"] == "1.0"
    assert entries[SUBTITLE]["model_version"] == "2.0"

    # retranslating again with the same model sends nothing to it
    svc, _ = run(memory, retranslate=True)
    assert svc.model_calls == 0


def test_retranslate_without_model_keeps_entries(tmp_path, installed, offline):
    memory = tmp_path / "m.json"
    _, first = run(memory)
    shutil.rmtree(installed.path)
    svc, again = run(memory, retranslate=True)
    assert again == first and svc.model_calls == 0
    assert "retranslate" in svc.status_message


# -- memory errors and the lock ----------------------------------------------
def test_corrupt_memory_is_an_error_and_left_untouched(tmp_path, installed, offline):
    memory = tmp_path / "memory.json"
    memory.write_text('{"version": 1, "entries": [', encoding="utf-8")
    with pytest.raises(TranslationMemoryError, match=str(memory)):
        TranslationService(memory)
    assert memory.read_text(encoding="utf-8") == '{"version": 1, "entries": ['
    assert not Path(str(memory) + ".lock").exists()  # lock released on failure


def test_concurrent_service_on_same_memory_fails_clearly(tmp_path, argos_env):
    memory = tmp_path / "memory.json"
    with TranslationService(memory):
        with pytest.raises(MemoryLocked, match="another sitegen build"):
            TranslationService(memory)
    with TranslationService(memory):  # released on exit
        pass
    svc = TranslationService(memory)
    del svc  # released when collected
    TranslationService(memory).close()


# -- articles ------------------------------------------------------------------
def test_english_for_article(tmp_path, installed, offline):
    article = Article(
        seed="000.txt", position=1, kicker=None, headline=HEADLINE, subtitle=SUBTITLE,
        byline=None, dateline=None,
        blocks=(Block("subhead", "小标题"), Block("paragraph", LEAD), Block("paragraph", "第二段。")),
    )
    assert texts_for(article) == [HEADLINE, SUBTITLE, LEAD]
    _, result = run(tmp_path / "m.json", texts_for(article))
    english = english_for(article, result)
    assert english.kicker is None
    assert english.headline.text == FIXED_ENGLISH
    assert english.lead == result[LEAD]
    missing = english_for(article, {})
    assert missing.headline.status == "pending" and missing.headline.text is None


# -- the memory-only build never imports argostranslate -----------------------
def test_memory_hit_build_never_imports_argostranslate(tmp_path, installed):
    memory = tmp_path / "memory.json"
    run(memory)
    code = f"""
import json, sys
from sitegen.translate import TranslationService
svc = TranslationService({str(memory)!r}, output_check=None)
result = svc.translate({TEXTS!r})
svc.save()
print(json.dumps({{
    "argos": sorted(m for m in sys.modules if m.split(".")[0] in
                    ("argostranslate", "ctranslate2", "sentencepiece", "torch", "stanza", "spacy")),
    "calls": svc.model_calls,
    "texts": {{k: v.text for k, v in result.items()}},
}}))
"""
    env = dict(os.environ, ARGOS_PACKAGES_DIR=str(installed.path.parent))
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env,
                         capture_output=True, text=True, check=True)
    report = json.loads(out.stdout)
    assert report["argos"] == []
    assert report["calls"] == 0
    assert report["texts"][HEADLINE] == FIXED_ENGLISH


# -- model management (sitegen models install --file / list) -------------------
def test_install_from_file_and_list_installed(argos_env, argos_model_file, offline):
    assert list_installed() == []
    model = install_from_file(argos_model_file)
    assert (model.name, model.version, model.from_code, model.to_code) == (
        "translate-zh_en", "1.0", "zh", "en")
    assert model.path.parent == argos_env
    assert (model.path / "model" / "model.bin").is_file()
    assert (model.path / "sentencepiece.model").is_file()
    assert list_installed() == [model]
    assert install_from_file(argos_model_file) == model  # reinstall replaces
    assert list_installed() == [model]


def test_install_from_file_rejects_bad_archives(tmp_path, argos_env, offline):
    import zipfile

    with pytest.raises(ModelInstallError, match="no such file"):
        install_from_file(tmp_path / "missing.argosmodel")
    junk = tmp_path / "junk.argosmodel"
    junk.write_bytes(b"not a zip")
    with pytest.raises(ModelInstallError, match="zip"):
        install_from_file(junk)
    nomodel = tmp_path / "nomodel.argosmodel"
    with zipfile.ZipFile(nomodel, "w") as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"from_code": "zh", "to_code": "en"}))
    with pytest.raises(ModelInstallError, match="model/"):
        install_from_file(nomodel)
    wrong = tmp_path / "wrong.argosmodel"
    with zipfile.ZipFile(wrong, "w") as zf:
        zf.writestr("pkg/metadata.json", json.dumps({"from_code": "en", "to_code": "de"}))
        zf.writestr("pkg/model/model.bin", b"")
    with pytest.raises(ModelInstallError, match="zh→en"):
        install_from_file(wrong)
    assert list_installed() == []


def test_broken_model_is_a_clear_error(tmp_path, installed, offline):
    (installed.path / "model" / "model.bin").write_bytes(b"garbage")
    with TranslationService(tmp_path / "m.json") as svc:
        with pytest.raises(TranslationUnavailable, match="could not translate"):
            svc.translate(TEXTS)


# -- output check: the fixture's one answer for everything is plainly broken ------------
def test_default_check_rejects_one_answer_for_many_inputs(tmp_path, installed, offline):
    memory = tmp_path / "memory.json"
    with TranslationService(memory) as svc:
        result = svc.translate(TEXTS)
        assert svc.save() is False  # nothing worth keeping
    assert not memory.exists()
    assert all(t.status == "pending" and t.text is None for t in result.values())
    stats = svc.stats
    assert (stats.model, stats.translated, stats.from_memory, stats.pending, stats.rejected) == (
        "translate-zh_en 1.0", 0, 0, 3, 3)
    assert "translate-zh_en 1.0 gave plainly broken output for 3 text(s)" in svc.rejection_message
    assert "the same sentence for 5 different inputs" in svc.rejection_message
    assert "memory.json" in svc.rejection_message


def test_default_check_keeps_answers_it_cannot_fault(tmp_path, installed, offline):
    """Two different inputs may share an answer: below the rule's three, the fixture's output
    is kept, and the stats say so."""
    memory = tmp_path / "memory.json"
    with TranslationService(memory) as svc:
        result = svc.translate([HEADLINE, SUBTITLE])
        svc.save()
    assert result[HEADLINE].text == FIXED_ENGLISH and result[HEADLINE].status == "machine"
    assert svc.rejection_message is None
    assert svc.stats.translated == 2 and svc.stats.rejected == 0
    assert len(TranslationMemory.load(memory).entries) == 2
    with TranslationService(memory) as again:
        again.translate([HEADLINE, SUBTITLE, "新的一句。"])
    assert (again.stats.translated, again.stats.from_memory, again.stats.pending) == (1, 2, 0)


def test_rejected_refresh_keeps_the_old_translation(tmp_path, argos_env, argos_model_file,
                                                    argos_model_file_v2, offline):
    memory = tmp_path / "memory.json"
    old = install_from_file(argos_model_file)
    run(memory)
    shutil.rmtree(old.path)
    install_from_file(argos_model_file_v2)
    with TranslationService(memory, retranslate=True) as svc:
        result = svc.translate(TEXTS)
        svc.save()
    assert result[HEADLINE].text == FIXED_ENGLISH and result[HEADLINE].model == "translate-zh_en 1.0"
    assert svc.stats.rejected == 3 and svc.stats.pending == 0 and svc.stats.from_memory == 3
    assert all(e["model_version"] == "1.0" for e in json.loads(memory.read_text("utf-8"))["entries"])
