"""Stance figures: the outlet × actor heat map with intervals, mention counts and thin cells marked."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import pandas as pd

from .common import plot_heatmap
from .style import NEGATIVE, POSITIVE, new_axes

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Protocol

    from matplotlib.colors import LinearSegmentedColormap

    class _Row(Protocol):
        """A row of a per-actor ``compare`` table, as ``itertuples`` gives it (the columns read here)."""

        group: object
        actor: str
        n: int
        value: float
        ci_low: float
        ci_high: float
        thin: bool


__all__ = ["STANCE_CMAP", "plot_stance_heatmap", "stance_matrix"]


def _cmap() -> LinearSegmentedColormap:
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("framing_stance", [NEGATIVE, "#f7f7f7", POSITIVE])


#: Diverging vermillion (negative) – white – blue (positive), Okabe–Ito ends.
STANCE_CMAP = "framing_stance"


def stance_matrix(
    table: pd.DataFrame, actors: list[str] | None = None, groups: list[str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Values and cell labels (mean ± half-interval, then n with "thin" marked) from a per-actor ``compare``
    table."""
    t = table.dropna(subset=["actor"])
    if actors is None:
        actors = t.groupby("actor")["n"].sum().sort_values(ascending=False).index.tolist()
    if groups is None:
        groups = sorted(t["group"].astype(str).unique())
    values = pd.DataFrame(np.nan, index=groups, columns=actors)
    labels = pd.DataFrame("", index=groups, columns=actors)
    for row in cast("Iterator[_Row]", t.itertuples(index=False)):
        g, act = str(row.group), row.actor
        if g not in values.index or act not in values.columns or not row.n:
            continue
        v = float(row.value)
        values.loc[g, act] = v
        half = (float(row.ci_high) - float(row.ci_low)) / 2 if not math.isnan(float(row.ci_low)) else math.nan
        pm = f" ±{half:.2f}" if not math.isnan(half) else ""
        labels.loc[g, act] = f"{v:+.2f}{pm}\nn={int(row.n)}{' (thin)' if row.thin else ''}"
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
    (positive) on a symmetric scale; each cell gives the mean and the half-width
    of its interval (±), then the number of mentions when the cell has room for a
    second line; thin cells (too few
    mentions) are hatched and labelled "thin". Empty cells: the outlet never
    names the actor.
    """
    import matplotlib as mpl
    from matplotlib.patches import Rectangle

    values, labels = stance_matrix(data, actors)
    ax = new_axes(ax, (max(6, 1.5 * values.shape[1] + 3), max(3, 0.9 * values.shape[0] + 1.5)))
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
        cbar_label="mean stance\n(−1 negative … +1 positive)",
        title=title,
        **{k: v for k, v in style.items() if k in ("label_width", "max_rows", "max_cols")},
    )
    thin = data.dropna(subset=["actor"])
    thin = thin[thin["thin"].astype(bool)]
    rows, cols = list(values.index), list(values.columns)
    for row in cast("Iterator[_Row]", thin.itertuples(index=False)):
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
