"""Dictionary glosses for the Chinese text (issue 22): tap a word for its pinyin and
CC-CEDICT senses; key terms per article. Glosses, never translations.

    writer = gloss_writer(taxonomy)          # CC-CEDICT, pypinyin, grouping's segmenter
    writer.key_terms(articles, tag_words)    # -> [tuple[KeyTerm, ...]] for the pages and digest.json
    writer.script([(key, article), ...])     # -> text of glosses/<seed page>.js (word boundaries)
    gloss_path(permalink)                    # -> "glosses/<seed page>.js", its article's part
    gloss_key(permalink)                     #    under "a" -> gloss_key(permalink) ("01")
    site_words(writer, articles, cache_dir)  # -> every word the popups may look up (sitegen.gloss.memo)
    writer.shard_files(words)                # -> the site-wide dictionary, glosses/words/<n>.js
"""
from __future__ import annotations

import hashlib

from .files import GlossWriter, gloss_key, gloss_path
from .lexicon import Gloss, Lexicon, data_version, load


def gloss_writer(taxonomy) -> GlossWriter:
    """A writer using ``taxonomy``'s segmenter (the same words as the tags) and its user
    dictionary (names and terms CC-CEDICT lacks). Loads the dictionaries on first use."""
    from sitegen.group import telling_words
    from sitegen.group.cedict import share as share_headwords
    from sitegen.group.text import analyzer_for
    from sitegen.state import code_digest

    analyzer = analyzer_for(taxonomy)
    lexicon = load(taxonomy.user_words, analyzer.tokenizer)  # its dictionary tells HMM words (names)
    share_headwords(lexicon.headwords())  # grouping asks about the same words: not loaded twice
    fingerprint = hashlib.sha256(repr((taxonomy.user_words, [t.keywords for t in taxonomy.themes],
                                       sorted(taxonomy.stopwords))).encode("utf-8")).hexdigest()
    kept = analyzer.keep_cuts()  # grouping's cuts of the same texts (``segmenter_for``'s words)
    return GlossWriter(lexicon, kept.cut,
                       lambda texts, n: telling_words(taxonomy, texts, n), fingerprint,
                       telling_version=analyzer.fingerprint + code_digest("group"), release=kept.clear)


__all__ = ["Gloss", "GlossWriter", "Lexicon", "data_version", "gloss_key", "gloss_path", "gloss_writer", "load"]
