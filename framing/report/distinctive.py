"""Distinctive language per group: what each outlet says that the others say less."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..plots.distinctive import plot_distinctive_grid
from .base import Page, ReportContext

if TYPE_CHECKING:
    from ..analysis import Analysis

PER_PAGE = 12


def _table(a: Analysis, ctx: ReportContext):
    key = "distinctive"
    if key not in ctx.cache:
        ctx.cache[key] = a.distinctive_words(by=ctx.by, top=10)
    return ctx.cache[key]


def summary(a: Analysis, ctx: ReportContext) -> list[str]:
    t = _table(a, ctx)
    lines = []
    for g, sub in t.groupby("group", sort=True):
        words = sub[sub["z"] > 1.96]["word"].head(4).tolist()
        if words:
            lines.append(f"{g} stands out for: {', '.join(words)}.")
    return lines[:8]


def pages(a: Analysis, ctx: ReportContext) -> Iterator[Page]:
    """One page per :data:`PER_PAGE` groups, given one at a time: a corpus of hundreds of outlets makes
    dozens of figures, and the report draws and closes each before the next is made."""
    t = _table(a, ctx)
    groups = sorted(t["group"].unique())
    if len(groups) < 2:
        return
    for k in range(0, len(groups), PER_PAGE):
        chunk = groups[k : k + PER_PAGE]
        fig = plot_distinctive_grid(t, chunk, top=8, columns=4 if len(chunk) > 3 else len(chunk))
        part = f" ({k // PER_PAGE + 1} of {(len(groups) - 1) // PER_PAGE + 1})" if len(groups) > PER_PAGE else ""
        yield Page(
            name=f"distinctive_words_{k // PER_PAGE + 1}",
            title=f"Distinctive words of each {ctx.label}{part}",
            figure=fig,
            text=[
                "Words each group uses more than the others, ranked by the z-score of a log-odds ratio with an "
                "informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): the corpus-wide frequency of every "
                "word is taken into account, so neither rare nor very common words dominate by chance. Right of "
                "the dashed line (z = 1.96) the difference is unlikely to be chance."
            ],
            table=t[t["group"].isin(chunk)].reset_index(drop=True),
        )
