"""Evidence pages of the PDF: excerpts drawn with the same highlighting as the HTML report.

An excerpt's HTML (from :meth:`framing.explain.Highlight.to_html`) is parsed
back into styled runs of text, which are laid out word by word on A4
landscape pages: coloured backgrounds for stance words, hedges, boosters and
sources, bold for actors, italics for quotations, underlines for reporting
verbs, issue and frame keywords, with the legend at the top of each page.
Widths are measured with the font's own metrics (FreeType), so nothing
overlaps or runs off the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from html.parser import HTMLParser
from typing import Literal, cast

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from ..explain import LEGEND
from ..plots.style import PAGE_SIZE

__all__ = ["excerpt_pages", "parse_highlight"]

_MARGIN = 0.06
_FONT_SIZE = 10.5
_LINE = 0.030
_W, _H = PAGE_SIZE


def _style(css_class: str) -> dict[str, str]:
    style = LEGEND.get(css_class, ("", ""))[1]
    out = {}
    bg = re.search(r"background:(#[0-9a-fA-F]{6})", style)
    if bg:
        out["background"] = bg.group(1)
    if "font-weight:700" in style:
        out["weight"] = "bold"
    if "italic" in style:
        out["style"] = "italic"
    line = re.search(r"underline[^;]*?(#[0-9a-fA-F]{6})", style)
    if line:
        out["underline"] = line.group(1)
    return out


class _Runs(HTMLParser):
    """Text runs of the ``fr-text`` block with the CSS classes that cover them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, tuple[str, ...]]] = []
        self._stack: list[tuple[str, ...]] = []
        self._in_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = tuple((dict(attrs).get("class") or "").split())
        if tag == "div" and "fr-text" in classes:
            self._in_text += 1
            self._stack.append(())
        elif self._in_text and tag == "span":
            self._stack.append(tuple(c[3:] for c in classes if c.startswith("fr-")))

    def handle_endtag(self, tag: str) -> None:
        if self._in_text and tag in ("span", "div") and self._stack:
            self._stack.pop()
            if tag == "div":
                self._in_text -= 1

    def handle_data(self, data: str) -> None:
        if self._in_text:
            classes = tuple(c for level in self._stack for c in level)
            self.runs.append((data, classes))


def parse_highlight(fragment: str) -> list[tuple[str, tuple[str, ...]]]:
    """``(text, css classes)`` runs of a highlight's HTML."""
    p = _Runs()
    p.feed(fragment)
    p.close()
    return p.runs


@lru_cache(maxsize=20_000)
def _width(text: str, weight: str = "normal", style: str = "normal", size: float = _FONT_SIZE) -> float:
    """Width of ``text`` as a fraction of the page width (outline metrics, as drawn in the PDF)."""
    from matplotlib.font_manager import FontProperties

    # the styles come from _style: "normal" or "italic"
    font_style = cast(Literal["normal", "italic", "oblique"], style)
    prop = FontProperties(family="DejaVu Sans", size=size, weight=weight, style=font_style)
    w, _, _ = _text_to_path().get_text_width_height_descent(text, prop, ismath=False)
    return w / 72.0 / _W


@lru_cache(maxsize=1)
def _text_to_path():
    from matplotlib.textpath import TextToPath

    return TextToPath()


def _legend(fig: Figure, y: float) -> float:
    x = _MARGIN
    fig.text(x, y, "Legend:", fontsize=9.5, fontweight="bold", va="top")
    x += _width("Legend:  ", "bold", size=9.5)
    for cls, (label, _) in LEGEND.items():
        st = _style(cls)
        w = _width(label, st.get("weight", "normal"), st.get("style", "normal"), size=9.5) + 0.012
        if x + w > 1 - _MARGIN:
            x = _MARGIN
            y -= 0.026
        bbox = {"facecolor": st["background"], "edgecolor": "none", "pad": 1.2} if "background" in st else None
        fig.text(
            x,
            y,
            label,
            fontsize=9.5,
            va="top",
            fontweight=st.get("weight", "normal"),
            fontstyle=st.get("style", "normal"),
            bbox=bbox,
        )
        if "underline" in st:
            fig.add_artist(
                plt.Line2D(
                    [x, x + w - 0.012], [y - 0.019] * 2, color=st["underline"], lw=1.2, transform=fig.transFigure
                )
            )
        x += w
    return y - 0.04


class _Sheet:
    def __init__(self, title: str, continued: bool) -> None:
        self.fig = plt.figure(figsize=PAGE_SIZE)
        self.fig.patch.set_facecolor("white")
        self.fig.text(
            _MARGIN,
            1 - _MARGIN,
            title + (" (continued)" if continued else ""),
            fontsize=18,
            fontweight="bold",
            va="top",
        )
        self.y = _legend(self.fig, 1 - _MARGIN - 0.06)

    def room(self, lines: int) -> bool:
        return self.y - lines * _LINE > _MARGIN


_SPACE_RE = re.compile(r"[^\S ]")  # white space other than the plain space


def _words(runs: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    """Split runs into words (keeping the space after each) with their classes."""
    out = []
    for text, classes in runs:
        # every white-space character drawn as a space: the fonts have no glyph for a tab or a form feed
        for piece in re.findall(r"\S+\s*|\s+", _SPACE_RE.sub(" ", text)):
            out.append((piece, classes))
    return out


def _layout(
    words: list[tuple[str, tuple[str, ...]]], width: float, size: float = _FONT_SIZE
) -> list[list[tuple[str, tuple[str, ...], float]]]:
    lines: list[list[tuple[str, tuple[str, ...], float]]] = [[]]
    x = 0.0
    for piece, classes in words:
        st = _merged(classes)
        weight, style = st.get("weight", "normal"), st.get("style", "normal")
        w = _width(piece, weight, style, size)
        if x + _width(piece.rstrip(), weight, style, size) > width and lines[-1]:
            lines.append([])
            x = 0.0
            piece = piece.lstrip()
            w = _width(piece, weight, style, size)
        lines[-1].append((piece, classes, x))
        x += w
    return lines


def _merged(classes: Sequence[str]) -> dict[str, str]:
    st: dict[str, str] = {}
    for c in classes:
        st.update(_style(c))
    return st


def _runs_of(line: list[tuple[str, tuple[str, ...], float]]) -> list[tuple[str, tuple[str, ...], float]]:
    """Consecutive pieces with the same style merged into one run (one text object to draw, not one per word)."""
    runs: list[tuple[str, tuple[str, ...], float]] = []
    for piece, classes, x in line:
        if runs and runs[-1][1] == classes:
            runs[-1] = (runs[-1][0] + piece, classes, runs[-1][2])
        else:
            runs.append((piece, classes, x))
    return runs


def _draw_line(fig: Figure, y: float, line: list[tuple[str, tuple[str, ...], float]]) -> None:
    for piece, classes, x in _runs_of(line):
        st = _merged(classes)
        text = piece.rstrip() if "background" in st else piece
        if not text.strip():
            continue
        bbox = {"facecolor": st["background"], "edgecolor": "none", "pad": 0.8} if "background" in st else None
        fig.text(
            _MARGIN + x,
            y,
            text,
            fontsize=_FONT_SIZE,
            va="top",
            fontweight=st.get("weight", "normal"),
            fontstyle=st.get("style", "normal"),
            bbox=bbox,
            color="#111111",
        )
        if "underline" in st or "weight" in st:
            w = _width(text.rstrip(), st.get("weight", "normal"), st.get("style", "normal"))
            colour = st.get("underline", "#000000")
            fig.add_artist(
                plt.Line2D(
                    [_MARGIN + x, _MARGIN + x + w], [y - 0.021] * 2, color=colour, lw=1.0, transform=fig.transFigure
                )
            )


def excerpt_pages(title: str, excerpts: Sequence[tuple[str, str, str]], max_pages: int = 4) -> list[Figure]:
    """Pages of highlighted excerpts ``(caption, html, plain)``; at most ``max_pages`` (a note says if cut)."""
    width = 1 - 2 * _MARGIN
    sheets: list[_Sheet] = [_Sheet(title, False)]
    for shown, (caption, fragment, plain) in enumerate(excerpts):
        runs = parse_highlight(fragment) or [(plain, ())]
        lines = _layout(_words(runs), width)
        cap_lines = _layout(_words([(caption, ())]), width, size=9.5)
        need = len(lines) + len(cap_lines) + 1
        sheet = sheets[-1]
        if not sheet.room(min(need, 8)):
            if len(sheets) >= max_pages:
                sheet.fig.text(
                    _MARGIN,
                    _MARGIN * 0.6,
                    f"… {len(excerpts) - shown} more excerpts in report.html",
                    fontsize=9.5,
                    color="#555555",
                )
                break
            sheets.append(_Sheet(title, True))
            sheet = sheets[-1]
        for line in cap_lines:
            sheet.fig.text(_MARGIN, sheet.y, "".join(p for p, _, _ in line), fontsize=9.5, va="top", color="#444444")
            sheet.y -= _LINE * 0.9
        for line in lines:
            if not sheet.room(1):
                if len(sheets) >= max_pages:
                    break
                sheets.append(_Sheet(title, True))
                sheet = sheets[-1]
            _draw_line(sheet.fig, sheet.y, line)
            sheet.y -= _LINE
        sheet.y -= _LINE * 0.5
    return [s.fig for s in sheets]
