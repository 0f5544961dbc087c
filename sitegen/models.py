"""Typed records passed between pipeline stages.

parse -> ``ParseResult`` (``Article`` + ``Leftover``)
translate -> ``Translation`` per source text, gathered into ``ArticleEnglish``
group -> ``Grouping`` (``Theme``, tags, related permalinks)
render -> ``Page`` (path + bytes), written by ``sitegen.write``.

No stage reaches into another's internals: each consumes only these records.
"""
from __future__ import annotations

import hashlib
import marshal
import re
from dataclasses import dataclass, field, fields
from typing import Literal

BlockKind = Literal["paragraph", "subhead"]

_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def han_count(text: str | None) -> int:
    """Chinese (Han) characters in ``text``: what reading times are counted in."""
    # Delete what is not Han (the fewer characters in Chinese text) and count the rest.
    return len(_NOT_HAN.sub("", text or ""))


@dataclass(frozen=True)
class Block:
    """One unit of article body in reading order: a paragraph or an in-body subhead."""

    kind: BlockKind
    text: str
    line: int = 0  # 1-based line in the seed where the block starts (0 = unknown)


@dataclass(frozen=True)
class Article:
    seed: str  # seed file name, e.g. "000_d20dbdfb6ad6e3c6.txt"
    position: int  # 1-based order of the article's body in its seed
    kicker: str | None
    headline: str | None
    subtitle: str | None
    byline: str | None
    dateline: str | None
    blocks: tuple[Block, ...]
    markers: tuple[str, ...] = ()  # continuation markers such as （上接第1版）
    line: int = 0  # first line of the body in the seed
    corrections: tuple[str, ...] = ()  # what corrections.toml changed here (sitegen.parse.correct)
    doubts: tuple[str, ...] = ()  # why the parser may have got this article wrong (parse.doubts)

    @property
    def identity(self) -> bytes:
        """A digest of every field, blocks included: equal articles, equal identities. Made once
        per article object (the parse workers make it, and the parse cache keeps it), so that
        the later stages' memos and page keys take 16 bytes for the article's texts instead of
        hashing them again for every article on every build. Not a field: ``replace()`` makes
        an article without it, which then works its own out when asked."""
        found = self.__dict__.get("_identity")
        if found is None:
            found = _identity(self)
            object.__setattr__(self, "_identity", found)
        return found

    @property
    def han_chars(self) -> int:
        """``han_count`` of the body, kept like ``identity`` (made by the parse workers, kept
        in the parse cache): every article's reading time is shown on some page, and counting
        them all cost ~0.2 s of each day's update at 10,000 articles."""
        found = self.__dict__.get("_han_chars")
        if found is None:
            found = han_count(self.body_text)
            object.__setattr__(self, "_han_chars", found)
        return found

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "paragraph"]

    @property
    def subheads(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == "subhead"]

    @property
    def lead(self) -> str:
        """The first paragraph ("" if none). Read for every article on every build (views,
        English, texts to translate): the first paragraph is found without listing them all."""
        return next((b.text for b in self.blocks if b.kind == "paragraph"), "")

    @property
    def body_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    def to_json(self) -> dict:
        """The record `sitegen parse --json` prints (read by score_parse.py)."""
        return {
            "seed": self.seed,
            "position": self.position,
            "line": self.line,
            "corrections": list(self.corrections),
            "kicker": self.kicker,
            "headline": self.headline,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "dateline": self.dateline,
            "lead": self.lead,
            "paragraphs": self.paragraphs,
            "subheads": self.subheads,
            "markers": list(self.markers),
            "doubts": list(self.doubts),
        }


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article) if f.name != "blocks")
_BLOCK_FIELDS = tuple(f.name for f in fields(Block))


def _identity(article: Article) -> bytes:
    """``Article.identity``: its fields' values marshalled (format 2: equal values, equal
    bytes) and hashed. Every field is in it, so a field added later is too."""
    record = (tuple(getattr(article, n) for n in _ARTICLE_FIELDS),
              tuple(tuple(getattr(b, n) for n in _BLOCK_FIELDS) for b in article.blocks))
    return hashlib.blake2b(marshal.dumps(record, 2), digest_size=16).digest()


@dataclass(frozen=True)
class Leftover:
    """Text that belongs to no article: captions, banners, stray fragments. Never dropped."""

    seed: str
    kind: str  # "caption" | "banner" | "fragment" | "headline" | "pull_quote" | "running_head" | "editors" | "editor_note" ...
    text: str
    line: int = 0

    def to_json(self) -> dict:
        return {"seed": self.seed, "kind": self.kind, "text": self.text, "line": self.line}


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser met on a page that a maintainer may want to look at."""

    seed: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.seed}:{self.line}: {self.message}"


HEADLESS_BODY = "body without headline"  # ParseWarning.message for a body no headline was found for


@dataclass(frozen=True)
class ParseResult:
    articles: tuple[Article, ...]
    leftovers: tuple[Leftover, ...]
    warnings: tuple[ParseWarning, ...] = ()


@dataclass(frozen=True)
class SeedFile:
    """A seed read from disk and decoded to clean text (BOM removed, newlines normalised)."""

    name: str
    path: str
    text: str
    encoding: str = "utf-8"


TranslationStatus = Literal["machine", "reviewed", "pending"]


@dataclass(frozen=True)
class Translation:
    source: str
    text: str | None  # None while pending
    status: TranslationStatus
    model: str | None = None


@dataclass(frozen=True)
class ArticleEnglish:
    kicker: Translation | None
    headline: Translation | None
    subtitle: Translation | None
    lead: Translation | None


@dataclass(frozen=True)
class TranslationStats:
    """What the translate stage did, in distinct texts: ``translated`` by ``model`` (its name
    and version) and written to the memory, ``from_memory``, ``pending`` (no model, or the
    model's answer ``rejected`` as plainly broken)."""
    model: str | None
    translated: int
    from_memory: int
    pending: int
    rejected: int = 0


@dataclass(frozen=True)
class Theme:
    slug: str
    name_en: str
    name_zh: str
    automatic: bool = False  # True when derived from keywords rather than themes.toml


@dataclass(frozen=True)
class Tag:
    slug: str
    zh: str
    en: str | None = None


@dataclass(frozen=True)
class Grouping:
    theme: Theme
    tags: tuple[Tag, ...]
    related: tuple[str, ...]  # permalinks of related articles, best first


@dataclass(frozen=True)
class KeyTerm:
    """A word that says what an article is about, with its dictionary gloss (not a translation)."""

    zh: str
    pinyin: str  # tone marks, e.g. "kǒu àn"
    gloss: str  # a short CC-CEDICT sense, or "name" / "term" for user-dictionary words
    tag: bool = False  # one of the article's tags


@dataclass(frozen=True)
class DigestEntry:
    """Everything the renderer needs about one article."""

    permalink: str  # site-relative path, e.g. "articles/000-d20dbdfb-01.html"
    article: Article
    english: ArticleEnglish
    grouping: Grouping
    published: str = ""  # RFC 3339: first appeared in the digest ("" = unknown: the build date)
    updated: str = ""  # RFC 3339: its content last changed ("" = unknown: the build date)
    key_terms: tuple[KeyTerm, ...] = ()  # dictionary glosses of its tags and telling words


@dataclass(frozen=True)
class Page:
    path: str  # site-relative, forward slashes
    content: bytes


@dataclass(frozen=True)
class SiteInfo:
    """Site-wide settings the renderer needs."""

    title: str = "Xinjiang & China Press Digest"
    title_zh: str = "新闻摘要"
    base_url: str = ""  # absolute URL of the published root, e.g. "https://user.github.io/repo/" ("" = unknown)
    language_pair: tuple[str, str] = ("zh-Hans", "en")
    build_date: str = ""  # ISO date-time of the build (UTC), used in feeds and sitemap
    version: str = ""  # sitegen version
    reading_aid: bool = True  # tap-to-gloss, pinyin and key terms on article pages (sitegen.toml: reading_aid)


@dataclass(frozen=True)
class MarkdownPage:
    """A page the maintainers write in Markdown (``pages/NAME.md`` → ``NAME.html``)."""

    path: str  # site-relative output path, e.g. "colophon.html"
    title: str  # from the front matter
    html: str  # the body, rendered by the markdown package (trusted: a project file)
    source: str  # e.g. "pages/colophon.md", for messages
    description: str = ""


@dataclass(frozen=True)
class DigestSite:
    """The whole grouped, translated digest: the renderer's input."""

    info: SiteInfo
    entries: tuple[DigestEntry, ...]  # reading order: by seed, then position
    themes: tuple[Theme, ...]
    tag_names: dict[str, Tag] = field(default_factory=dict)  # tag slug -> Tag
    pending_note: str | None = None  # set when translations await a model
    pages: tuple[MarkdownPage, ...] = ()  # pages/*.md, listed in the navigation and the sitemap
