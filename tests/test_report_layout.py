"""Text pages of the PDF report: every line on exactly one page, no page holding a lone line."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.report.layout import _fits, _lines, _paginate, _text_top, text_pages

_WORDS = st.lists(st.sampled_from(["a", "word", "longer", "paragraph", "—", "Ünïcode"]), min_size=1, max_size=150)
_PARAGRAPHS = st.lists(st.one_of(_WORDS.map(" ".join), st.just("## A sub-heading")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(_PARAGRAPHS, st.booleans())
def test_pages_cover_every_line_once_and_each_fits(paragraphs, subtitle):
    lines = _lines(paragraphs)
    sub = "A subtitle long enough to wrap onto a second line of the heading, " * 2 if subtitle else ""
    pages = _paginate(lines, sub)
    assert pages[0][0] == 0 and pages[-1][1] == len(lines)
    assert all(pages[i][1] == pages[i + 1][0] for i in range(len(pages) - 1))
    for n, (a, b) in enumerate(pages):
        assert b > a or not lines
        assert _fits(lines, a, b, _text_top(sub if n == 0 else ""))


def test_a_last_page_of_one_line_takes_the_previous_paragraph_along():
    # enough one-line paragraphs to fill the first page and spill exactly one line over
    lines = _lines([f"Paragraph {i}." for i in range(200)])
    one_page = _paginate(lines)[0][1]
    paragraphs = [f"Paragraph {i}." for i in range(one_page + 1)]
    pages = _paginate(_lines(paragraphs))
    assert len(pages) == 2 and pages[1][1] - pages[1][0] >= 2


def test_text_pages_draws_each_line_once():
    paragraphs = [f"Paragraph {i} " + "word " * 30 for i in range(60)]
    figs = text_pages("Title", paragraphs)
    drawn = [t.get_text() for f in figs for t in f.texts]
    for p in paragraphs:
        assert any(line.startswith(p.split()[0] + " " + p.split()[1]) for line in drawn)
    assert sum(t.startswith("Title") for t in drawn) == len(figs)


def test_excerpts_with_tabs_and_form_feeds_draw_without_missing_glyphs():
    import io
    import warnings

    import matplotlib.pyplot as plt

    from framing.report.excerpts import excerpt_pages

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph 9 (\t) missing from font(s)"
        sheets = excerpt_pages("Tabs", [("caption\twith a tab", "cell\tcell\x0cnext page", "cell\tcell\x0cnext page")])
        for sheet in sheets:
            sheet.savefig(io.BytesIO(), format="pdf")
            plt.close(sheet)
