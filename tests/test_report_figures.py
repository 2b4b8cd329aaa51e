"""The report draws each figure and closes it before the next is made: a corpus of many outlets gives
many pages of figures, which kept open together held their memory to the end and made matplotlib warn
("More than 20 figures have been opened")."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import framing.report.distinctive as distinctive
from framing.report import write_report


def test_every_figure_is_closed_before_the_next_is_made(monkeypatch, tmp_path, seed_analysis):
    open_at_each: list[int] = []
    plot = distinctive.plot_distinctive_grid

    def counting(*args, **kwargs):
        open_at_each.append(len(plt.get_fignums()))
        return plot(*args, **kwargs)

    monkeypatch.setattr(distinctive, "PER_PAGE", 1)  # the 5 seed outlets: one page of figures each
    monkeypatch.setattr(distinctive, "plot_distinctive_grid", counting)
    before = set(plt.get_fignums())
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        write_report(seed_analysis, tmp_path, formats=("png",), n_boot=20)
    assert open_at_each == [len(before)] * 5
    assert set(plt.get_fignums()) == before
    assert sorted(p.name for p in tmp_path.glob("distinctive_words_*.png")) == [
        f"distinctive_words_{k}.png" for k in range(1, 6)
    ]


def test_a_section_that_fails_after_drawing_some_pages_leaves_none_of_them(monkeypatch, tmp_path, seed_analysis):
    plot = distinctive.plot_distinctive_grid
    calls = []

    def failing_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise ValueError("no room for this figure")
        return plot(*args, **kwargs)

    monkeypatch.setattr(distinctive, "PER_PAGE", 1)
    monkeypatch.setattr(distinctive, "plot_distinctive_grid", failing_second)
    before = set(plt.get_fignums())
    with pytest.warns(UserWarning, match="report section 'distinctive' failed: no room for this figure"):
        write_report(seed_analysis, tmp_path, formats=("png", "html"), n_boot=20)
    assert not list(tmp_path.glob("distinctive_words_*.png"))  # the first page was drawn, then dropped with its section
    assert set(plt.get_fignums()) == before
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Distinctive: not drawn" in html and "no room for this figure" in html
