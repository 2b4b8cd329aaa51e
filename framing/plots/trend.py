"""A measure over time: one line per group, its interval as a band (the output of ``Analysis.trend``)."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd

from ..periods import PERIODS, period_index
from ..wording import count
from .common import footnote
from .style import colour_for, new_axes

__all__ = ["plot_trend"]

#: lines drawn at most; the groups with the most documents are kept
MAX_LINES = 8


def plot_trend(
    table: pd.DataFrame,
    metric: str | None = None,
    actor: str | None = None,
    ax: Any = None,
    title: str | None = None,
    ylabel: str | None = None,
    max_lines: int = MAX_LINES,
    reference: float | None = None,
) -> Any:
    """Each group's value per period as a line with its interval as a shaded band.

    Periods are placed on the x axis as time places them: months without documents leave a gap that breaks
    every line, and a footnote counts them (labels that are not periods of one kind, as ``period_labels``
    writes them, are spaced evenly). A cell with thin evidence is drawn as a hollow marker, and a period a group
    has no value for breaks its line.
    With several metrics or actors in ``table``, ``metric`` and ``actor`` choose one (the first otherwise).
    More than ``max_lines`` groups: those with the most documents are drawn, and a note says how many are not.
    """
    if "period" not in table.columns:
        raise ValueError("plot_trend draws the table of Analysis.trend (with a period column), not of compare")
    df = table
    for col, want in (("metric", metric), ("actor", actor)):
        if col in df and df[col].notna().any():
            have = list(dict.fromkeys(df[col].dropna().astype(str)))
            if want is not None and want not in have:
                raise ValueError(f"no {col} {want!r} in the table; {col}s: {', '.join(have)}")
            df = df[df[col] == (want if want is not None else have[0])]
    periods = sorted(df.loc[df["n_docs"] > 0, "period"].astype(str).unique())
    where = period_index(periods)
    at = where if where is not None else np.arange(len(periods), dtype=float)
    x_of = dict(zip(periods, at.tolist()))
    size = df.groupby("group")["n_docs"].sum().sort_values(ascending=False, kind="stable")
    shown = list(size.index[:max_lines])
    ax = new_axes(ax, (max(6.0, 0.5 * len(periods) + 3), 4.5))
    for k, group in enumerate(shown):
        g = df[(df["group"] == group) & df["period"].isin(x_of)].sort_values("period")
        x = np.array([x_of[p] for p in g["period"]], dtype=float)
        v = g["value"].to_numpy(dtype=float)
        lo, hi = g["ci_low"].to_numpy(dtype=float), g["ci_high"].to_numpy(dtype=float)
        colour = colour_for(k)
        ax.plot(*_broken(x, v), "-", color=colour, lw=2, label=str(group))
        band = ~(np.isnan(lo) | np.isnan(hi))
        for run in _runs(x[band]):  # one band per run of consecutive periods: none across a gap
            ax.fill_between(x[band][run], lo[band][run], hi[band][run], color=colour, alpha=0.15, lw=0)
        thin = g["thin"].to_numpy(dtype=bool) if "thin" in g else np.zeros(len(g), bool)
        ax.plot(x[~thin], v[~thin], "o", color=colour, ms=5)
        ax.plot(x[thin], v[thin], "o", color=colour, mfc="white", ms=5, mew=1.5)
    ticks = _spaced(at)  # at most about 16 labels, apart on the axis however the periods cluster
    slanted = len(ticks) > 8
    ax.set_xticks(
        at[ticks],
        [periods[i] for i in ticks],
        rotation=45 if slanted else 0,
        ha="right" if slanted else "center",
    )
    if reference is not None:
        ax.axhline(reference, color="#999999", lw=1, ls="--")
    if ylabel is None and "label" in df and len(df):
        ylabel = str(df["label"].iloc[0])
    ax.set_ylabel(ylabel or "")
    period = table.attrs.get("period")
    ax.set_xlabel(str(period) if period else "period")
    if title:
        ax.set_title(title, loc="left")
    if len(shown) > 1:
        ax.legend(loc="best", frameon=False)
    notes = []
    missing = int(at[-1] + 1 - len(periods)) if len(periods) else 0
    if missing:
        kind = str(period) if period in PERIODS else "period"
        notes.append(f"{count(missing, kind)} without documents (gaps in the lines)")
    if len(size) > len(shown):
        notes.append(f"{len(size) - len(shown)} smaller groups not shown")
    if table.attrs.get("undated"):
        notes.append(f"{table.attrs['undated']:,} documents without a readable date left out")
    notes.append("bands: intervals; hollow points: thin evidence")
    footnote(ax, "; ".join(notes), below=75 if slanted else 45)
    return ax


def _broken(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A line's points with a gap (NaN) between two that are not consecutive periods, so that the line does not
    join values across a period nobody measured: a group's missing period, or one without documents."""
    order = np.argsort(x, kind="stable")
    x, y = x[order], y[order]
    gaps = _gaps(x)
    return np.insert(x, gaps, x[gaps] - 0.5), np.insert(y, gaps, np.nan)


def _gaps(x: np.ndarray) -> np.ndarray:
    """Where, in increasing positions ``x``, a period follows one that is not the period before it."""
    return np.flatnonzero(np.diff(x) > 1) + 1


def _runs(x: np.ndarray) -> list[slice]:
    """The runs of consecutive periods in increasing positions ``x``, as slices."""
    cuts = [0, *_gaps(x).tolist(), len(x)]
    return [slice(a, b) for a, b in pairwise(cuts) if b > a]


def _spaced(at: np.ndarray, most: int = 16) -> list[int]:
    """Indices of the periods to label: the first, then each at least 1/``most`` of the axis after the last one
    labelled (periods clustered in time would otherwise print their labels on top of each other)."""
    if not len(at):
        return []
    gap = max(1.0, (at[-1] - at[0]) / most)
    keep = [0]
    for i in range(1, len(at)):
        if at[i] - at[keep[-1]] >= gap:
            keep.append(i)
    return keep
