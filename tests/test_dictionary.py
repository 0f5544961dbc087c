"""One jieba dictionary per process, shared by the parser and grouping (sitegen.dictionary)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter (the shared dictionary is per process)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=ROOT).stdout


def test_words_added_to_the_shared_segmenter_are_not_jieba_words():
    out = _run(
        "from sitegen.dictionary import add_word, is_jieba_word, segmenter\n"
        "first = segmenter()\n"
        "assert is_jieba_word('合作') and not is_jieba_word('甲乙丙丁新词')\n"
        "add_word(first, '甲乙丙丁新词', 50, 'nz')\n"
        "add_word(first, '合作', 50, None)\n"  # a word jieba has stays one of its words
        "assert first.has_word('甲乙丙丁新词') and first.cut('甲乙丙丁新词') == ['甲乙丙丁新词']\n"
        "assert not is_jieba_word('甲乙丙丁新词') and is_jieba_word('合作')\n"
        "second = segmenter()\n"
        "assert second is not first and not second.has_word('甲乙丙丁新词')\n"
        "add_word(second, '戊己庚辛新词', 50, 'nz')\n"
        "assert second.has_word('戊己庚辛新词') and not first.has_word('戊己庚辛新词')\n"
        "print('ok')\n"
    )
    assert out.strip() == "ok"


def test_parsing_gives_the_same_articles_before_and_after_grouping_loads_its_words():
    """Without workers, grouping's preparation (which adds the user dictionary and the
    keywords to the shared dictionary) runs before the seeds are parsed: the parse must not
    change."""
    out = _run(
        "from pathlib import Path\n"
        "from sitegen.group import load_taxonomy, prepare\n"
        "from sitegen.group.text import analyzer_for\n"
        "from sitegen.parse import parse_seed, warm_up\n"
        "from sitegen.seeds import read_seeds\n"
        "root = Path('.')\n"
        "warm_up()\n"
        "seeds = read_seeds(sorted((root / 'seeds').iterdir())).seeds\n"
        "before = [parse_seed(s) for s in seeds]\n"
        "tax = load_taxonomy(root / 'themes.toml', root / 'dictionary')\n"
        "prepare(tax)\n"
        "import rjieba\n"
        "assert analyzer_for(tax).tokenizer is rjieba, 'grouping loaded a dictionary of its own'\n"
        "after = [parse_seed(s) for s in seeds]\n"
        "assert before == after and sum(len(r.articles) for r in after) > 20\n"
        "print('ok')\n"
    )
    assert out.strip() == "ok"
