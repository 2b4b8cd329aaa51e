"""Figures: one function per figure, each ``(data, ax=None, **style) -> Axes``.

Functions take the tidy tables of :class:`~framing.Analysis` (``compare()``
output, ``trend()``, ``actor_counts()``), draw on the given Axes (or a new figure) and
return the Axes, so they compose into reports, notebooks and slides.
"""

from __future__ import annotations

from .common import plot_compare, plot_heatmap
from .style import PALETTE, Style, style
from .trend import plot_trend

__all__ = ["PALETTE", "Style", "plot_compare", "plot_heatmap", "plot_trend", "style"]
