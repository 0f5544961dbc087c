"""How one story is printed (``tests/relayout.py``): a page's style, and the lines of a body
and of a headline block drawn from a seeded RNG."""
from __future__ import annotations

import random
from dataclasses import dataclass

import relayout_harsh as harsh_
from relayout_stories import Story
from relayout_wider import Cut, Quote, Wider
from relayout_text import CAPTIONS, NO_LINE_START, ends_sentence, split_title, width, wrap


@dataclass
class Style:
    clean: bool  # one paragraph per line
    width: float  # column width (cells) for wrapped pages
    column: int  # lines per column (a blank line every so many lines)
    no_blank: float  # chance of no blank line after a short sentence-final line
    caption_rate: float
    head_mode: str  # before | after | grouped | mixed
    role_gap: bool  # blank lines between kicker / headline / subtitle
    halfwidth: bool
    per_article_width: bool
    md: bool  # markdown headings (clean pages)
    harsh: bool = False  # the layouts of relayout_harsh too


class Builder:
    def __init__(self, rng: random.Random, style: Style, breaks: random.Random | None = None,
                 wider: Wider | None = None):
        self.rng = rng
        self.breaks = breaks  # draws column_break_para (relayout_harsh.later_rng)
        self.wider = wider  # the habits of relayout_wider, or None
        self.style = style
        self.col = 0  # lines printed in the current column
        self.not_articles: list[str] = []
        if wider:
            wider.not_articles = self.not_articles  # where its leftovers are listed
        self.label: str | None = None  # section label printed with the last headline

    # body ---------------------------------------------------------------------------
    def caption(self) -> list[str]:
        text, credit = self.rng.choice(CAPTIONS)
        self.not_articles.append(text[:20])
        bullet = self.rng.choice(["■ ", "■", ""])
        if self.style.clean or self.rng.random() < 0.5:
            return [f"{bullet}{text} {credit} 摄"]
        return wrap(text, max(8, int(self.style.width * 0.6))) + [f"{bullet or '■ '}{credit} 摄"]

    def body(self, story: Story, paras: list[tuple[str, str]], lead_prefix: str,
             top: list[str], tail: list[str], end_marker: str | None, feats: set[str]) -> list[str]:
        """Body lines; "" is a blank line."""
        rng, st = self.rng, self.style
        w = st.width
        if st.per_article_width and not st.clean:
            w = rng.randint(11, 26)
            feats.add("article_width")
        out: list[str] = list(top)
        if top:
            out.append("")
        if self.wider:
            self.wider.inserts.start_story(paras, feats, story.headline, story.dateline)
        first_para = True
        for bi, (kind, text) in enumerate(paras):
            last = bi == len(paras) - 1
            if kind == "subhead":
                if out and out[-1] != "":
                    out.append("")
                lines = [text] if st.clean else wrap(text, w)
                out.extend(self.wider.inserts.subhead(bi, lines, text, w, st.clean) if self.wider else lines)
                out.append("")
                feats.add("subhead")
                continue
            if first_para:
                text = lead_prefix + text
                first_para = False
            lines = self._paragraph(text, w, end_marker if last else None, feats)
            start = len(out)
            self._columns(lines, out, feats)
            whole = len(out) - start == len(lines)  # no column break inside it
            if not last:
                self._after_paragraph(lines[-1], w, paras[bi + 1][0], out, feats)
                if self.wider and whole:
                    run_on = len(out) == start + len(lines)  # no blank line after it
                    out[start:start + len(lines)] = self.wider.inserts.answer(bi, lines, text, w, st.clean, run_on)
                if self.wider and paras[bi + 1][0] == "paragraph":
                    self._pull_quote(paras, w, out, feats)
                    self._question(bi + 1, w, out, feats)
        if end_marker and "marker_inline_end" not in feats:
            out.extend(["", end_marker])
            feats.add("marker_line_end")
        if tail:
            out.extend(self.wider.inserts.runin.closing(tail, None if st.clean else w, end_marker)
                       if self.wider else [""] + tail)
        while out and out[-1] == "":
            out.pop()
        if self.wider:
            self.wider.inserts.editor_note(out, w, st.clean, story.headline is not None, feats)
        return out

    def _paragraph(self, text: str, w: float, end_marker: str | None, feats: set[str]) -> list[str]:
        """A paragraph's lines, with the story's end marker set inline sometimes."""
        rng, st = self.rng, self.style
        inline_marker = None
        if end_marker and rng.random() < 0.6:
            inline_marker = rng.choice(["", " "]) + end_marker
            feats.add("marker_inline_end")
        lines = [text] if st.clean else wrap(text, w)
        if inline_marker:  # a marker is set as one piece: at the end of the line or below it
            if st.clean or width(lines[-1] + inline_marker) <= w + 1:
                lines[-1] += inline_marker
            else:
                lines.append(inline_marker.strip())
        if st.clean and len(text) > 30 and rng.random() < 0.08:
            # a column break inside a one-line paragraph
            cut = rng.randint(10, len(text) - 10)
            if not ends_sentence(text[:cut]) and text[cut] not in NO_LINE_START:
                # the line as printed, the inline end marker with it (cut from ``text``
                # the marker was lost)
                lines = [lines[0][:cut], lines[0][cut:]]
        return lines

    def _columns(self, lines: list[str], out: list[str], feats: set[str]) -> None:
        """Print a paragraph's lines, with a blank line (and a caption, sometimes) where a
        column ends inside it."""
        rng, st = self.rng, self.style
        for li, line in enumerate(lines):
            out.append(line)
            self.col += 1
            more = li < len(lines) - 1
            if more and (self.col >= st.column or (st.clean and li == 0 and len(lines) == 2)) \
                    and not ends_sentence(line):
                self.col = 0
                cut = Cut() if self.wider else ""  # a dense page joins the paragraph again
                out.append(cut)
                feats.add("column_break")
                if rng.random() < st.caption_rate:
                    caption = self.caption()
                    out.extend(caption)
                    out.append("")
                    feats.add("caption_mid_para")
                    if self.wider:
                        cut.caption = len(caption)

    def _after_paragraph(self, line: str, w: float, next_kind: str, out: list[str], feats: set[str]) -> None:
        """What follows a paragraph's last ``line``: a blank line, none, a column break, a caption."""
        rng, st = self.rng, self.style
        short = not st.clean and width(line) < w - 1.5 and ends_sentence(line)
        if short and rng.random() < st.no_blank and next_kind == "paragraph":
            feats.add("no_blank_para")
            return
        out.append("")
        if self.col >= st.column:
            self.col = 0
            if self.breaks and harsh_.paragraph_column_break(self.breaks):
                out.append("")
                feats.add("column_break_para")
        if rng.random() < st.caption_rate / 3:
            out.extend(self.caption())
            out.append("")
            feats.add("caption_between")

    def _pull_quote(self, paras: list[tuple[str, str]], w: float, out: list[str], feats: set[str]) -> None:
        """A sentence of the story printed again between two paragraphs, sometimes: carried
        by the blank line between them (``Quote``), so that nothing drawn from the page's RNG
        sees another body."""
        if out[-1] != "":
            return
        printed = [t for k, t in paras if k == "paragraph"]
        quote = self.wider.pull_quote(printed, self.style.clean, w, feats, self.not_articles)
        if quote:
            out[-1] = Quote(quote)

    def _question(self, index: int, w: float, out: list[str], feats: set[str]) -> None:
        """A photo's caption and an interview's question before block ``index``, sometimes,
        carried by the blank line before it (with the pull-quote printed there, if any)."""
        if out[-1] != "":
            return
        ins = self.wider.inserts
        for lines in (ins.caption(w, self.style.clean, feats), ins.question(index, w, self.style.clean, feats)):
            if lines:
                if not isinstance(out[-1], Quote):
                    out[-1] = Quote()
                out[-1].blocks.append(lines)

    # headline -------------------------------------------------------------------------
    def headline(self, story: Story, subtitle: str | None, byline_line: str | None,
                 feats: set[str]) -> list[str]:
        rng, st = self.rng, self.style
        tw = rng.randint(8, 24) if not st.clean else 999
        roles: list[list[str]] = []
        if story.kicker:
            roles.append(split_title(story.kicker, max(tw, 14)))
        head = split_title(story.headline, tw)
        if len(head) > 1:
            feats.add("headline_wrapped")
        if st.clean and st.md and rng.random() < 0.6:
            head = [rng.choice(["# ", "## "]) + story.headline]
            feats.add("md_heading")
        roles.append(head)
        if subtitle:
            roles.append(split_title(subtitle, max(tw, 14)))
            if subtitle.startswith("——"):
                feats.add("subtitle_dash")
        self.label = None
        if st.harsh:
            md = bool(head[0].startswith("#"))
            roles, self.label = harsh_.decorate_headline(rng, roles, bool(story.kicker), md, feats)
        if self.wider and story.kicker and "kicker_glued" not in feats and not head[0].startswith("#"):
            roles = self.wider.kicker_inline(roles, feats)
        out: list[str] = []
        for r in roles:
            if out and st.role_gap:
                out.append("")
            out.extend(r)
        if st.role_gap:
            feats.add("role_gap")
        if byline_line:
            out.append(byline_line)
        return out


def bullet(rng: random.Random) -> str:
    return rng.choice(["□", "■ ", "●", "■"])

