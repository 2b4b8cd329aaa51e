"""General figures every analyzer uses: point ranges with intervals, and heat maps."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .style import NEUTRAL, PALETTE, new_axes, wrap

if TYPE_CHECKING:
    from matplotlib.colors import Colormap

__all__ = ["fit_groups", "footnote", "plot_compare", "plot_heatmap"]

MAX_GROUPS = 30


def fit_groups(labels: list[str], max_groups: int = MAX_GROUPS) -> tuple[list[str], str]:
    """Keep at most ``max_groups`` labels (first and last halves of a ranked list) and say what was left out."""
    if len(labels) <= max_groups:
        return labels, ""
    half = max_groups // 2
    kept = labels[:half] + labels[-half:]
    return kept, f"{len(labels) - len(kept)} groups in the middle of the ranking not shown"


def plot_compare(
    table: pd.DataFrame,
    metric: str | None = None,
    ax=None,
    sort: bool = True,
    title: str | None = None,
    xlabel: str | None = None,
    reference: float | None = None,
    colour: str = PALETTE[0],
    max_groups: int = MAX_GROUPS,
    label_width: int = 26,
):
    """Each group's value as a dot with its interval as a line (the output of ``Analysis.compare``).

    Groups with thin evidence are drawn hollow; ``n`` is written at the right.
    More than ``max_groups`` groups are cut to the top and bottom of the ranking.
    """
    df = table if metric is None else table[table["metric"] == metric]
    df = df.dropna(subset=["value"])
    if sort:
        df = df.sort_values("value", ascending=True)
    labels = df["group"].astype(str).tolist()
    kept, note = fit_groups(labels[::-1], max_groups)
    df = df[df["group"].astype(str).isin(kept)]
    ax = new_axes(ax, (8, max(2.5, 0.45 * len(df) + 1.2)))
    y = np.arange(len(df))
    vals = df["value"].to_numpy(dtype=float)
    lo = df["ci_low"].to_numpy(dtype=float)
    hi = df["ci_high"].to_numpy(dtype=float)
    thin = df["thin"].to_numpy(dtype=bool) if "thin" in df else np.zeros(len(df), bool)
    for i in range(len(df)):
        if not math.isnan(lo[i]) and not math.isnan(hi[i]):
            ax.plot([lo[i], hi[i]], [y[i], y[i]], color=colour, lw=2.2, alpha=0.55, solid_capstyle="round")
        ax.plot(vals[i], y[i], "o", ms=8, color=colour, mfc="white" if thin[i] else colour, mew=2)
    ax.set_yticks(y)
    ax.set_yticklabels([wrap(g, label_width) for g in df["group"].astype(str)])
    ax.set_ylim(-0.7, len(df) - 0.3)
    if reference is not None:
        ax.axvline(reference, color=NEUTRAL, lw=1, ls="--")
    ax.grid(axis="y", visible=False)
    if xlabel is None and len(df):
        xlabel = str(df["label"].iloc[0]) if "label" in df else str(metric or "")
    ax.set_xlabel(xlabel or "")
    if title:
        ax.set_title(title, loc="left")
    if "n" in df:
        trans = ax.get_yaxis_transform()
        for i, n in enumerate(df["n"]):
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
    if note:
        footnote(ax, note)
    return ax


def footnote(ax: Any, text: str, below: float = 38) -> None:
    """A grey note ``below`` points under the axes, left-aligned (what a figure leaves out, how to read it)."""
    ax.annotate(
        text,
        (0, 0),
        xycoords="axes fraction",
        xytext=(0, -below),
        textcoords="offset points",
        fontsize="small",
        color="#555555",
    )


#: height of a line of small text in a heat-map cell, in inches
LINE_INCH = 0.13


def plot_heatmap(
    matrix: pd.DataFrame,
    ax=None,
    annot: pd.DataFrame | None = None,
    cmap: str | Colormap = "Blues",
    center: float | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    cbar_label: str = "",
    title: str | None = None,
    fmt: str = "{:.1f}",
    label_width: int = 22,
    max_rows: int = MAX_GROUPS,
    max_cols: int = 20,
    **imshow: Any,
):
    """A labelled heat map of a groups × items table; NaN cells are left blank.

    With ``center`` the colour scale is symmetric around it (diverging maps
    such as ``"RdBu"`` for stance). ``annot`` gives the text of each cell
    (default: the values formatted with ``fmt``); lines a cell has no room for
    are left out.
    """
    m = matrix.iloc[:max_rows, :max_cols]
    vals = m.to_numpy(dtype=float)
    ax = new_axes(ax, (max(6, 0.9 * m.shape[1] + 3), max(3, 0.5 * m.shape[0] + 1.5)))
    finite = vals[np.isfinite(vals)]
    if center is not None:
        span = max(abs(finite - center).max() if finite.size else 1.0, 1e-9)
        vmin, vmax = (center - span, center + span) if vmin is None and vmax is None else (vmin, vmax)
    im = ax.imshow(np.ma.masked_invalid(vals), cmap=cmap, vmin=vmin, vmax=vmax, aspect="auto", **imshow)
    ax.set_xticks(range(m.shape[1]))
    ax.set_xticklabels(
        [wrap(c, 14) for c in m.columns],
        rotation=0 if m.shape[1] <= 6 else 40,
        ha="center" if m.shape[1] <= 6 else "right",
    )
    ax.set_yticks(range(m.shape[0]))
    ax.set_yticklabels([wrap(r, label_width) for r in m.index])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    norm = im.norm
    cm = im.get_cmap()
    # a cell shows as many lines of its text as its height holds (a line of small text needs ~0.13 inch)
    room = int(ax.get_position().height * ax.get_figure().get_figheight() / max(1, m.shape[0]) / LINE_INCH)
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            v = vals[i, j]
            text = annot.iloc[i, j] if annot is not None else ("" if not np.isfinite(v) else fmt.format(v))
            if text in ("", None) or (isinstance(text, float) and math.isnan(text)):
                continue
            text = "\n".join(str(text).split("\n")[:room])
            if not text:
                continue
            rgba = cm(norm(v)) if np.isfinite(v) else (1, 1, 1, 1)
            lum = 0.299 * rgba[0] + 0.587 * rgba[1] + 0.114 * rgba[2]
            ax.text(
                j, i, str(text), ha="center", va="center", fontsize="small", color="white" if lum < 0.5 else "black"
            )
    cbar = ax.figure.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cbar.set_label(cbar_label)
    if title:
        ax.set_title(title, loc="left")
    if matrix.shape[0] > max_rows or matrix.shape[1] > max_cols:
        note = f"showing the first {m.shape[0]} of {matrix.shape[0]} rows and {m.shape[1]} of {matrix.shape[1]} columns"
        if ax.get_xlabel():
            footnote(ax, note)
        else:  # as the axis label, which the layout places under the tick labels (a footnote overlapped them)
            ax.set_xlabel(note, loc="left", fontsize="small", color="#555555")
    return ax
