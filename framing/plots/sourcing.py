"""Sourcing figures: each group's mix of source types, and who is quoted by whom."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import pandas as pd

from .common import fit_groups, footnote, plot_heatmap
from .style import PALETTE, new_axes, wrap

__all__ = ["SOURCE_COLOURS", "plot_intervals", "plot_source_mix", "plot_who_speaks"]

#: One Okabe–Ito colour per source type, the outlet's own voice in grey.
SOURCE_COLOURS = {
    "named person": PALETTE[0],
    "official/institution": PALETTE[2],
    "document/report": PALETTE[1],
    "anonymous/vague": PALETTE[3],
    "first/second person": PALETTE[4],
    "unidentified": "#BBBBBB",
}


def plot_source_mix(
    shares: pd.DataFrame,
    ax: Any = None,
    counts: pd.Series | None = None,
    order: Sequence[str] | None = None,
    title: str | None = None,
    label_width: int = 24,
    max_groups: int = 30,
    **_style: Any,
):
    """Stacked horizontal bars: for each group (row), the share of its attributions by source type (columns).

    ``shares`` has one row per group and one column per source type (values
    0–1 summing to 1 per row); ``counts`` (attributions per group) is written
    at the right of each bar. Shares under 6 % are drawn but not labelled.
    """
    cols = [c for c in SOURCE_COLOURS if c in shares.columns] + [c for c in shares.columns if c not in SOURCE_COLOURS]
    df = shares[cols].fillna(0.0)
    if order is not None:
        df = df.reindex([g for g in order if g in df.index])
    kept, note = fit_groups([str(g) for g in df.index], max_groups)
    df = df[[str(g) in kept for g in df.index]]
    cols = [c for c in cols if df[c].sum() > 0] or cols  # a type no group has takes no place in the legend
    df = df[cols]
    ax = new_axes(ax, (9, max(2.5, 0.5 * len(df) + 1.6)))
    y = np.arange(len(df))
    left = np.zeros(len(df))
    for k, col in enumerate(cols):
        vals = df[col].to_numpy(dtype=float)
        colour = SOURCE_COLOURS.get(col, PALETTE[(k + 4) % len(PALETTE)])
        ax.barh(y, vals, left=left, color=colour, edgecolor="white", linewidth=0.8, label=col, height=0.7)
        for i, v in enumerate(vals):
            if v >= 0.06:
                dark = colour in (PALETTE[0], PALETTE[2], PALETTE[3])
                ax.text(
                    left[i] + v / 2,
                    y[i],
                    f"{v:.0%}",
                    ha="center",
                    va="center",
                    fontsize="small",
                    color="white" if dark else "black",
                )
        left += vals
    ax.set_yticks(y)
    ax.set_yticklabels([wrap(g, label_width) for g in df.index.astype(str)])
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.7, len(df) - 0.3)  # first group at the bottom, as in plot_compare
    ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
    ax.set_xlabel("share of attributions")
    ax.grid(axis="y", visible=False)
    if counts is not None:
        trans = ax.get_yaxis_transform()
        for i, g in enumerate(df.index):
            n = counts.get(g)
            if n is not None and n == n:
                ax.text(
                    1.01,
                    y[i],
                    f"n={int(n):,}",
                    transform=trans,
                    va="center",
                    ha="left",
                    fontsize="small",
                    color="#555555",
                    clip_on=False,
                )
    ncol = len(cols) if len(cols) <= 4 else -(-len(cols) // 2)  # one row of four, or two rows
    ax.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncol=ncol,
        frameon=False,
        fontsize="small",
        handlelength=1.2,
        columnspacing=1.0,
    )
    if title:
        rows = -(-len(cols) // ncol)
        ax.set_title(title, loc="left", pad=12 + 12 * rows)  # above the legend's rows
    if note:
        footnote(ax, note)
    return ax


def plot_who_speaks(counts: pd.DataFrame, ax: Any = None, title: str | None = None, **style: Any):
    """Heat map of attributions by group (rows) and source (columns), counts in the cells."""
    annot = counts.map(lambda v: "" if not v else f"{int(v)}")
    return plot_heatmap(
        counts.astype(float).where(counts > 0),
        ax=ax,
        annot=annot,
        cmap="Greens",
        cbar_label="attributions",
        title=title,
        fmt="{:.0f}",
        **style,
    )


def plot_intervals(
    table: pd.DataFrame,
    order: Sequence[str],
    ax: Any = None,
    colour: str = PALETTE[0],
    xlabel: str = "",
    title: str | None = None,
    percent: bool = False,
    **_style: Any,
):
    """Each group's value (dot) and interval (line), on the rows given by ``order`` (bottom to top).

    Unlike :func:`~framing.plots.common.plot_compare`, a group without a value
    keeps its row (left empty), so panels side by side stay aligned.
    """
    ax = new_axes(ax, (5, max(2.5, 0.5 * len(order) + 1.6)))
    t = table.set_index(table["group"].astype(str))
    for i, g in enumerate(order):
        if g not in t.index:
            continue
        row = cast(pd.Series, t.loc[g])  # one row per group: a Series
        v, lo, hi = float(row["value"]), float(row["ci_low"]), float(row["ci_high"])
        if v != v:
            continue
        if lo == lo and hi == hi:
            ax.plot([lo, hi], [i, i], color=colour, lw=2.2, alpha=0.55, solid_capstyle="round")
        thin = bool(row.get("thin", False))
        ax.plot(v, i, "o", ms=8, color=colour, mfc="white" if thin else colour, mew=2)
    ax.set_yticks(np.arange(len(order)))
    ax.set_ylim(-0.7, len(order) - 0.3)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel(xlabel)
    if percent:
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0%}")
    if title:
        ax.set_title(title, loc="left")
    return ax
