"""Hedging figures: hedges against boosters per group, and the cue types behind them."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from .common import fit_groups
from .style import BOOSTER, HEDGE, PALETTE, new_axes, wrap

__all__ = ["CUE_TYPE_COLOURS", "CUE_TYPE_ORDER", "plot_cue_types", "plot_hedges_boosters"]

#: Cue types in the order they are stacked, with their legend labels.
CUE_TYPE_ORDER = (
    ("hedge/modal", "modal (may, might, could)"),
    ("hedge/probability", "probability (likely, perhaps)"),
    ("hedge/evidential", "evidential (seem, suggest)"),
    ("hedge/doxastic", "belief (believe, expect)"),
    ("hedge/shield", "shield (reportedly, it is said)"),
    ("hedge/conditional", "condition (if, unless)"),
    ("hedge/question", "open question (whether)"),
    ("hedge/negated_booster", "negated certainty (not clear)"),
    ("hedge/approximator", "approximator (about 50)"),
    ("booster", "booster (clearly, no doubt)"),
    ("prescription", "prescription (must, should)"),
)
#: Okabe–Ito colours for the hedge types (greys for the minor ones); boosters keep their own colour.
CUE_TYPE_COLOURS = {
    "hedge/modal": "#E69F00",
    "hedge/probability": "#D55E00",
    "hedge/evidential": "#009E73",
    "hedge/doxastic": "#0072B2",
    "hedge/shield": "#56B4E9",
    "hedge/conditional": "#F0E442",
    "hedge/question": "#777777",
    "hedge/negated_booster": "#aaaaaa",
    "hedge/approximator": "#d9d9d9",
    "booster": BOOSTER,
    "prescription": "#000000",
}


def plot_hedges_boosters(
    table: pd.DataFrame,
    ax: Any = None,
    hedges: str = "hedges_per_1000",
    boosters: str = "boosters_per_1000",
    max_groups: int = 30,
    label_width: int = 26,
    hedge_colour: str = HEDGE,
    booster_colour: str = BOOSTER,
) -> Any:
    """Hedges and boosters per 1,000 words of each group, as two dots with their intervals on one row.

    ``table`` is the output of ``Analysis.compare(metric=[hedges, boosters])``.
    Groups are sorted by their hedge rate; thin evidence is drawn hollow.
    """
    h = table[table["metric"] == hedges].set_index("group")
    b = table[table["metric"] == boosters].set_index("group")
    order = h["value"].sort_values(ascending=True, na_position="first").index.astype(str).tolist()
    kept, note = fit_groups(order[::-1], max_groups)
    order = [g for g in order if g in kept]
    ax = new_axes(ax, (8, max(2.5, 0.45 * len(order) + 1.4)))
    y = np.arange(len(order))
    for frame, colour, dy, label in ((h, hedge_colour, 0.12, "hedges"), (b, booster_colour, -0.12, "boosters")):
        frame = frame.reindex(order)
        for k, (_, row) in enumerate(frame.iterrows()):
            v = row.get("value", math.nan)
            if v != v:
                continue
            lo, hi = row.get("ci_low", math.nan), row.get("ci_high", math.nan)
            if lo == lo and hi == hi:
                ax.plot([lo, hi], [y[k] + dy] * 2, color=colour, lw=2.2, alpha=0.55, solid_capstyle="round")
            thin = bool(row.get("thin", False))
            ax.plot(
                v,
                y[k] + dy,
                "o",
                ms=8,
                color=colour,
                mfc="white" if thin else colour,
                mew=2,
                label=label if k == 0 else None,
            )
    ax.set_yticks(y)
    ax.set_yticklabels([wrap(g, label_width) for g in order])
    ax.set_ylim(-0.7, len(order) - 0.3)
    right = ax.get_xlim()[1]
    ax.set_xlim(-0.03 * right, right)
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("cues per 1,000 words" + (f"\n({note})" if note else ""))
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        from matplotlib.transforms import offset_copy

        below = offset_copy(ax.transAxes, fig=ax.figure, y=-(44 if note else 30), units="points")
        ax.legend(
            handles[:2],
            labels[:2],
            loc="upper center",
            bbox_to_anchor=(0.5, 0.0),
            bbox_transform=below,
            ncol=2,
            frameon=False,
        )
    return ax


def plot_cue_types(
    rates: pd.DataFrame, ax: Any = None, max_groups: int = 30, label_width: int = 26, legend: bool = True
) -> Any:
    """Stacked bars: cues per 1,000 words of each group (rows) by cue type (columns of ``rates``)."""
    cols = [c for c, _ in CUE_TYPE_ORDER if c in rates.columns] + [
        c for c in rates.columns if c not in dict(CUE_TYPE_ORDER)
    ]
    rates = rates[cols].fillna(0.0)
    total = rates.sum(axis=1).sort_values(ascending=True)
    kept, _ = fit_groups(total.index.astype(str).tolist()[::-1], max_groups)
    rates = rates.loc[[g for g in total.index if str(g) in kept]]
    ax = new_axes(ax, (9, max(2.5, 0.45 * len(rates) + 1.6)))
    y = np.arange(len(rates))
    left = np.zeros(len(rates))
    labels = dict(CUE_TYPE_ORDER)
    for k, c in enumerate(cols):
        vals = rates[c].to_numpy(dtype=float)
        colour = CUE_TYPE_COLOURS.get(c, PALETTE[k % len(PALETTE)])
        ax.barh(y, vals, left=left, color=colour, height=0.62, label=labels.get(c, c), edgecolor="white", lw=0.5)
        left += vals
    ax.set_yticks(y)
    ax.set_yticklabels([wrap(g, label_width) for g in rates.index.astype(str)])
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("cues per 1,000 words of running text")
    if legend:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize="small")
    return ax
