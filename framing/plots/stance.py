"""Stance figures: the outlet × actor heat map with intervals, mention counts and thin cells marked."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from .common import LINE_INCH, plot_heatmap
from .style import NEGATIVE, POSITIVE, new_axes

__all__ = ["STANCE_CMAP", "plot_stance_heatmap", "stance_matrix"]


def _cmap():
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("framing_stance", [NEGATIVE, "#f7f7f7", POSITIVE])


#: Diverging vermillion (negative) – white – blue (positive), Okabe–Ito ends.
STANCE_CMAP = "framing_stance"


def stance_matrix(
    table: pd.DataFrame, actors: list[str] | None = None, groups: list[str] | None = None, lines: int = 3
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Values and cell labels from a per-actor ``compare`` table.

    ``lines`` says how much each label holds: 3 = mean, ± half-interval, n (and "thin"); 2 = mean and n;
    1 = the mean only; 0 = no label (cells too small for text).
    """
    t = table.dropna(subset=["actor"])
    if actors is None:
        actors = t.groupby("actor")["n"].sum().sort_values(ascending=False).index.tolist()
    if groups is None:
        groups = sorted(t["group"].astype(str).unique())
    values = pd.DataFrame(np.nan, index=groups, columns=actors)
    labels = pd.DataFrame("", index=groups, columns=actors)
    for row in t.itertuples(index=False):
        g, act = str(row.group), row.actor
        if g not in values.index or act not in values.columns or not row.n:
            continue
        v = float(row.value)
        values.loc[g, act] = v
        half = (float(row.ci_high) - float(row.ci_low)) / 2 if not math.isnan(float(row.ci_low)) else math.nan
        pm = f"\n±{half:.2f}" if not math.isnan(half) else ""
        n = f"\nn={int(row.n)}{' (thin)' if row.thin else ''}"
        labels.loc[g, act] = {3: f"{v:+.2f}{pm}{n}", 2: f"{v:+.2f}{n}", 1: f"{v:+.2f}"}.get(lines, "")
    return values, labels


def plot_stance_heatmap(
    data: pd.DataFrame,
    ax=None,
    actors: list[str] | None = None,
    title: str | None = "Mean stance toward each actor",
    limit: float | None = None,
    **style: Any,
):
    """Outlet × actor heat map of mean stance (the output of ``a.compare(metric="stance_mean")``).

    Cells are coloured from vermillion (negative) through white to blue
    (positive) on a symmetric scale; each cell gives the mean, the half-width
    of its interval (±) and the number of mentions, as far as the cell's height
    holds them (with many outlets, the mean only); thin cells (too few
    mentions) are hatched and labelled "thin". Empty cells: the outlet never
    names the actor.
    """
    import matplotlib as mpl
    from matplotlib.patches import Rectangle

    values, _ = stance_matrix(data, actors)
    ax = new_axes(ax, (max(6, 1.5 * values.shape[1] + 3), max(3, 0.9 * values.shape[0] + 1.5)))
    # as many label lines as a cell's height holds: with many outlets on one page the ± line goes, then the
    # n line (they are in the table) rather than overlap
    fig = ax.get_figure()
    cell = ax.get_position().height * fig.get_figheight() / max(1, values.shape[0])
    _, labels = stance_matrix(data, actors, lines=max(0, min(3, int(cell / LINE_INCH))))
    finite = values.to_numpy(dtype=float)
    finite = finite[np.isfinite(finite)]
    span = limit if limit is not None else max(0.25, float(np.abs(finite).max()) if finite.size else 0.25)
    cmap = mpl.colormaps.get(STANCE_CMAP) if STANCE_CMAP in mpl.colormaps else None
    if cmap is None:
        cmap = _cmap()
        mpl.colormaps.register(cmap, name=STANCE_CMAP)
    plot_heatmap(
        values,
        ax=ax,
        annot=labels,
        cmap=cmap,
        vmin=-span,
        vmax=span,
        cbar_label="mean stance (−1 negative … +1 positive)",
        title=title,
        **{k: v for k, v in style.items() if k in ("label_width", "max_rows", "max_cols")},
    )
    thin = data.dropna(subset=["actor"])
    thin = thin[thin["thin"].astype(bool)]
    rows, cols = list(values.index), list(values.columns)
    for row in thin.itertuples(index=False):
        g, act = str(row.group), row.actor
        if g in rows and act in cols and row.n:
            ax.add_patch(
                Rectangle(
                    (cols.index(act) - 0.5, rows.index(g) - 0.5),
                    1,
                    1,
                    fill=False,
                    hatch="///",
                    edgecolor="#9a9a9a",
                    lw=0,
                )
            )
    return ax
