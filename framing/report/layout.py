"""Laying out A4 landscape PDF pages: headings, wrapped paragraphs, figures, excerpts.

Text is drawn as text (searchable in the PDF); a figure page embeds the
page's figure as a 200 dpi image between the heading and the caption, so any
figure size fits the page without cut labels. Long text flows onto more pages.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from PIL import Image

from ..plots.style import PAGE_SIZE

__all__ = ["figure_page", "render_png", "text_pages"]

_W, _H = PAGE_SIZE
_MARGIN = 0.06
_CHARS_PER_LINE = 118
_LINE = 0.032  # line height as a fraction of the page height (11 pt)
_MIN_LAST_PAGE = 3  # lines on a continued last page, at least (when paragraphs can move)


def render_png(fig: Figure, dpi: int = 150) -> bytes:
    buf = io.BytesIO()
    # fast zlib level: reports have many large figures and the default level costs seconds each
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight", facecolor="white", pil_kwargs={"compress_level": 2})
    return buf.getvalue()


def _new_page() -> Figure:
    fig = plt.figure(figsize=PAGE_SIZE)
    fig.patch.set_facecolor("white")
    return fig


def _heading(fig: Figure, title: str, subtitle: str = "") -> float:
    """Draw the page heading; return where the text below it starts (see :func:`_text_top`)."""
    fig.text(_MARGIN, 1 - _MARGIN, title, fontsize=20, fontweight="bold", va="top", ha="left", color="#111111")
    y = 1 - _MARGIN - 0.06
    if subtitle:
        for line in textwrap.wrap(subtitle, 100):
            fig.text(_MARGIN, y, line, fontsize=13, va="top", ha="left", color="#444444")
            y -= 0.038
    return y - 0.01


def _text_top(subtitle: str = "") -> float:
    """Where the text starts under a heading with this subtitle (what :func:`_heading` returns)."""
    return 1 - _MARGIN - 0.06 - 0.038 * len(textwrap.wrap(subtitle, 100)) - 0.01


def _advance(line: str, starts: bool, k: int) -> tuple[float, float]:
    """(space before, height) of a line of text: paragraphs get a gap, sub-headings more room."""
    before = _LINE * 0.45 if starts and k > 0 else 0.0
    return before, (_LINE * 1.3 if line.startswith("## ") else _LINE)


def _paginate(lines: list[tuple[str, bool]], subtitle: str = "") -> list[tuple[int, int]]:
    """Line ranges ``[a, b)`` per page. A last page of fewer than three lines takes the previous page's last
    paragraphs along (with their sub-heading) while they fit and leave the previous page some text: no
    "(continued)" page holding a lone line."""
    pages: list[tuple[int, int]] = []
    k = 0
    first = True
    while first or k < len(lines):
        y = _text_top(subtitle if first else "")
        first = False
        a = k
        while k < len(lines) and y > _MARGIN + _LINE:
            before, height = _advance(*lines[k], k)
            y -= before + height
            k += 1
        pages.append((a, k))
    while len(pages) > 1 and pages[-1][1] - pages[-1][0] < _MIN_LAST_PAGE:
        (a, b), (_c, d) = pages[-2], pages[-1]
        p = max((i for i in range(a + 1, b) if lines[i][1]), default=-1)
        if p > a + 1 and lines[p - 1][0].startswith("## "):
            p -= 1  # a sub-heading goes with its paragraph
        if p <= a or not _fits(lines, p, d, _text_top()):
            break
        pages[-2:] = [(a, p), (p, d)]
    return pages


def _fits(lines: list[tuple[str, bool]], a: int, b: int, top: float) -> bool:
    """True when lines ``[a, b)`` fit on one page below ``top``."""
    y = top
    for k in range(a, b):
        if y <= _MARGIN + _LINE:
            return False
        before, height = _advance(*lines[k], k)
        y -= before + height
    return True


def _lines(paragraphs: Iterable[str], width: int = _CHARS_PER_LINE) -> list[tuple[str, bool]]:
    """(line, starts_paragraph) pairs; a paragraph starting with '## ' is a sub-heading."""
    out: list[tuple[str, bool]] = []
    for p in paragraphs:
        if p.startswith("## "):
            out.append((p, True))
            continue
        bullet = p.startswith("• ")
        wrapped = textwrap.wrap(p, width, subsequent_indent="   " if bullet else "") or [""]
        for k, line in enumerate(wrapped):
            out.append((line, k == 0))
    return out


def text_pages(title: str, paragraphs: list[str], subtitle: str = "", mono: bool = False) -> list[Figure]:
    """Pages of wrapped text under a heading; continues onto new pages as needed (see :func:`_paginate`)."""
    pages = []
    lines = _lines(paragraphs, 100 if mono else _CHARS_PER_LINE)
    for n, (a, b) in enumerate(_paginate(lines, subtitle)):
        fig = _new_page()
        y = _heading(fig, title if n == 0 else f"{title} (continued)", subtitle if n == 0 else "")
        for k in range(a, b):
            line, starts = lines[k]
            before, height = _advance(line, starts, k)
            y -= before
            if line.startswith("## "):
                fig.text(_MARGIN, y, line[3:], fontsize=14, fontweight="bold", va="top", ha="left")
            else:
                fig.text(
                    _MARGIN,
                    y,
                    line,
                    fontsize=11.5,
                    va="top",
                    ha="left",
                    family="DejaVu Sans Mono" if mono else "DejaVu Sans",
                    color="#1a1a1a",
                )
            y -= height
        pages.append(fig)
    return pages


def figure_page(title: str, png: bytes, paragraphs: list[str] | None = None, subtitle: str = "") -> Figure:
    """A page with a heading, the figure (rendered PNG bytes) scaled to fit, and a few lines of caption.

    The image is embedded unresampled (``interpolation="none"``): the PDF keeps the PNG's pixels and the
    viewer scales them, which is both sharp and fast.
    """
    page = _new_page()
    y_top = _heading(page, title, subtitle)
    lines = _lines(paragraphs or [])[:6]
    text_h = len(lines) * _LINE + (0.02 if lines else 0)
    img = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))  # uint8: drawn as is, no float normalisation
    h_px, w_px = img.shape[:2]
    box_w, box_h = 1 - 2 * _MARGIN, y_top - _MARGIN - text_h - 0.01
    aspect = (h_px / w_px) * (_W / _H)  # image height in page fractions per unit width
    w = box_w
    h = w * aspect
    if h > box_h:
        h = box_h
        w = h / aspect
    left = _MARGIN + (box_w - w) / 2
    ax = page.add_axes((left, y_top - h, w, h))
    ax.imshow(img, interpolation="none")
    ax.axis("off")
    y = y_top - h - 0.02
    for line, _starts in lines:
        page.text(_MARGIN, y, line, fontsize=11.5, va="top", ha="left", color="#1a1a1a")
        y -= _LINE
    return page
