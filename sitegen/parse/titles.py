"""Where a headline text given in ``corrections.toml`` is printed, and taking it from there.

A title text is *moved*, never copied: :class:`TitleSources` finds it in the leftovers, in
another article's kicker/headline/subtitle, or in a body (a subhead, the start or end of a
paragraph, or the middle of one when the page prints the text on lines of its own), and
leaves what surrounds it where it was. Used by :mod:`.correct`.
"""
from __future__ import annotations

from dataclasses import replace

from ..models import Article, Leftover, ParseWarning
from .anchors import joined, norm_map, printed_alone, take

HEAD_FIELDS = ("kicker", "headline", "subtitle")


def note(article: Article, what: str) -> Article:
    """``article`` noting what a correction changed in it. The parser's doubts about it go:
    they were about the decision the maintainer has just replaced."""
    return replace(article, corrections=(*article.corrections, what), doubts=())


class TitleSources:
    """The sources of a title text on one page (the state lives in :class:`.correct._Page`)."""

    text: str
    articles: list[Article]
    leftovers: list[Leftover]
    warnings: list[ParseWarning]

    def _from_leftovers(self, wanted: str) -> bool:
        order = sorted(range(len(self.leftovers)), key=lambda i: self.leftovers[i].line)
        cut = take([self.leftovers[i].text for i in order], wanted)
        if cut is None:
            return False
        kept, first, last = cut
        gone = set()
        for k in range(first, last + 1):
            i = order[k]
            rest = joined(*kept[k])
            if rest:
                self.leftovers[i] = replace(self.leftovers[i], text=rest)
            else:
                gone.add(i)
        gone_lines = {self.leftovers[i].line for i in gone if self.leftovers[i].kind == "headline"}
        self.warnings = [w for w in self.warnings
                         if not (w.line in gone_lines and w.message.startswith("headline "))]
        self.leftovers = [x for i, x in enumerate(self.leftovers) if i not in gone]
        return True

    def _from_other_articles(self, t: int, wanted: str) -> bool:
        line = self.articles[t].line
        for ai in sorted((i for i in range(len(self.articles)) if i != t),
                         key=lambda i: abs(self.articles[i].line - line)):
            other = self.articles[ai]
            cut = take([getattr(other, name) or "" for name in HEAD_FIELDS], wanted)
            if cut is not None:
                kept = cut[0]
                self.articles[ai] = note(replace(other, **{
                    name: joined(*kept[i]) or None for i, name in enumerate(HEAD_FIELDS)}),
                    "headline text given to another article")
                return True
        return False

    def _from_blocks(self, t: int, wanted: str) -> bool:
        """A subhead that is the text, a paragraph that starts or ends with it, or — when the
        page prints the text once, on lines of its own — a paragraph the parser ran it into."""
        line = self.articles[t].line
        alone = printed_alone(self.text, wanted)
        for ai in sorted(range(len(self.articles)), key=lambda i: abs(self.articles[i].line - line)):
            article = self.articles[ai]
            for bi, block in enumerate(article.blocks):
                n, where = norm_map(block.text)
                at = n.find(wanted)
                if at < 0 or not (n == wanted or alone or (block.kind == "paragraph" and (
                        at == 0 or n.endswith(wanted)))):
                    continue
                if n.endswith(wanted) and at != 0:
                    at = len(n) - len(wanted)
                # what was printed before and after the title is one paragraph again
                rest = (block.text[:where[at]].strip() if at else "") + block.text[where[at + len(wanted) - 1] + 1:].strip()
                blocks = list(article.blocks)
                if rest:
                    blocks[bi] = replace(block, text=rest)
                else:
                    del blocks[bi]
                self.articles[ai] = note(replace(article, blocks=tuple(blocks)), "headline text taken from its body")
                return True
        return False
