"""Ranked bars of each group's most distinctive words (log-odds z-scores)."""

from __future__ import annotations

import math

import pandas as pd

from .style import PALETTE, new_axes, wrap

__all__ = ["plot_distinctive", "plot_distinctive_grid"]


def plot_distinctive(table: pd.DataFrame, group: str, ax=None, top: int = 10, colour: str = PALETTE[0]):
    """Horizontal bars of the ``top`` words of ``group`` by z-score (the output of ``distinctive_words``)."""
    sub = table[table["group"] == group].sort_values("z", ascending=False).head(top)
    ax = new_axes(ax, (4, 0.35 * max(3, len(sub)) + 1))
    sub = sub.iloc[::-1]
    ax.barh(range(len(sub)), sub["z"], color=colour, alpha=0.85)
    ax.set_yticks(range(len(sub)))
    ax.set_yticklabels(sub["word"])
    ax.axvline(1.96, color="#777777", lw=1, ls="--")
    ax.set_title(wrap(group, 30), loc="left", fontsize="medium")
    ax.set_xlabel("z-score")
    ax.grid(axis="y", visible=False)
    return ax


def plot_distinctive_grid(table: pd.DataFrame, groups: list[str], top: int = 8, columns: int = 4):
    """A grid of :func:`plot_distinctive` panels, one per group; returns the Figure."""
    import matplotlib.pyplot as plt

    n = max(1, len(groups))
    cols = min(columns, n)
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(
        rows, cols, figsize=(3.9 * cols, 0.32 * top * rows + 1.3 * rows), squeeze=False, layout="constrained"
    )
    for k, g in enumerate(groups):
        plot_distinctive(table, g, ax=axes[k // cols][k % cols], top=top, colour=PALETTE[k % len(PALETTE)])
    for k in range(n, rows * cols):
        axes[k // cols][k % cols].axis("off")
    return fig
