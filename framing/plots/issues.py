"""Figures for issues and frames: coverage and frame-profile heat maps."""

from __future__ import annotations

import math

import pandas as pd

from .common import plot_heatmap

__all__ = ["coverage_matrix", "plot_coverage", "plot_frame_profile"]


def coverage_matrix(table: pd.DataFrame, labels: dict[str, str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(shares, counts)``: groups × issues matrices from a :func:`framing.issues.coverage` table.

    Issues keep the order in which they first appear in the table; ``labels``
    renames them (short display labels).
    """
    order = list(dict.fromkeys(table["issue"]))
    shares = table.pivot(index="group", columns="issue", values="value").reindex(columns=order)
    counts = table.pivot(index="group", columns="issue", values="n").reindex(columns=order)
    if labels:
        shares = shares.rename(columns=labels)
        counts = counts.rename(columns=labels)
    return shares, counts


def plot_coverage(
    table: pd.DataFrame, ax=None, labels: dict[str, str] | None = None, title: str | None = None, **style
):
    """Outlet × issue heat map: the share of each group's sentences on each issue (%), with sentence counts
    (up to 12 groups; with more, the counts are left to the table).

    ``table`` is the output of :func:`framing.issues.coverage`.
    """
    shares, counts = coverage_matrix(table, labels)
    pct = shares * 100
    annot = pct.map(lambda v: "" if v != v else f"{v:.0f}%")
    if len(pct) <= 12:  # sentence counts under the share while the cells are tall enough
        annot = annot + counts.map(lambda n: "" if n != n else f"\n({int(n)})")
    return plot_heatmap(
        pct,
        ax=ax,
        annot=annot,
        cmap=style.pop("cmap", "Blues"),
        vmin=0,
        cbar_label="% of the group's sentences",
        title=title,
        **style,
    )


def plot_frame_profile(matrix: pd.DataFrame, ax=None, title: str | None = None, **style):
    """Groups × frames heat map of shares (0–1): how much of each group's text uses each frame."""
    pct = matrix * 100
    annot = pct.map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:.0f}%")
    return plot_heatmap(
        pct,
        ax=ax,
        annot=annot,
        cmap=style.pop("cmap", "Purples"),
        vmin=0,
        cbar_label=style.pop("cbar_label", "% of sentences using the frame"),
        title=title,
        **style,
    )
