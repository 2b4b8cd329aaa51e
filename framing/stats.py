"""Statistics for comparing groups: bootstrap intervals of ratio metrics.

Every framing metric is a function of column sums (see
:class:`~framing.analyzers.base.Metric`), so a group's value is computed from
the sums over its rows, and its interval by resampling *documents* with
replacement (the percentile bootstrap; Efron & Tibshirani 1993, ch. 13):
documents are the independent units, sentences within one article are not.
When a group has fewer than ``min_docs`` documents, the interval resamples its
rows (sentences or mentions) instead, which ignores their clustering within
documents and is narrower than it should be; the output says which was done.

Reference: Efron, B., & Tibshirani, R. J. (1993). *An Introduction to the
Bootstrap*. Chapman & Hall.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .analyzers.base import Metric

__all__ = ["BootstrapResult", "bootstrap_interval", "unit_sums"]


@dataclass(frozen=True)
class BootstrapResult:
    value: float
    low: float
    high: float
    n_units: int
    resampled: str


@lru_cache(maxsize=64)
def _draw_counts(n: int, n_boot: int, seed: int) -> np.ndarray:
    """How often each of ``n`` units is drawn in each of ``n_boot`` resamples (multinomial counts)."""
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)
    counts.flags.writeable = False
    return counts


def resample_sums(sums: np.ndarray, n_boot: int, seed: int) -> np.ndarray:
    """Column sums of ``n_boot`` resamples (with replacement) of the rows of ``sums``.

    Drawing n units with replacement is drawing multinomial counts, so each
    replicate is a matrix product ``counts @ sums`` (one BLAS call for all replicates).
    """
    n = sums.shape[0]
    if n <= 5000:
        return _draw_counts(n, n_boot, seed) @ sums
    rng = np.random.default_rng(seed)
    return np.stack([sums[rng.integers(0, n, size=n)].sum(axis=0) for _ in range(n_boot)])


def unit_sums(units: np.ndarray, values: np.ndarray, n_units: int) -> np.ndarray:
    """Per-unit sums: ``values`` (rows × k) summed by ``units`` (row → unit index in 0..n_units-1)."""
    out = np.zeros((n_units, values.shape[1]))
    np.add.at(out, units, values)
    return out


def bootstrap_interval(
    metric: Metric,
    sums: np.ndarray,
    n_boot: int = 1000,
    level: float = 0.95,
    seed: int = 0,
    resampled: str = "documents",
) -> BootstrapResult:
    """Value and percentile interval of ``metric`` from per-unit column sums (units × columns).

    Each replicate draws ``n_units`` units with replacement, sums their
    columns and applies the metric's formula.
    """
    n = sums.shape[0]
    if n == 0:
        return BootstrapResult(math.nan, math.nan, math.nan, 0, resampled)
    total = sums.sum(axis=0)
    value = metric.compute(tuple(total))
    if n < 2 or math.isnan(value):
        return BootstrapResult(value, math.nan, math.nan, n, resampled)
    reps = resample_sums(sums, n_boot, seed)  # n_boot × columns
    stats = metric.compute_many(reps)
    stats = stats[~np.isnan(stats)]
    if len(stats) < n_boot // 2:
        return BootstrapResult(value, math.nan, math.nan, n, resampled)
    alpha = (1 - level) / 2
    low, high = np.quantile(stats, [alpha, 1 - alpha])
    return BootstrapResult(value, float(low), float(high), n, resampled)


def rows_as_units(values: np.ndarray) -> np.ndarray:
    """Treat each row as its own unit (for groups with too few documents)."""
    return values


def column_matrix(frame, columns: Sequence[str]) -> np.ndarray:
    """The metric's columns as a float matrix, ``_rows`` as ones, NaN as 0."""
    cols = []
    for c in columns:
        if c == "_rows":
            cols.append(np.ones(len(frame)))
        else:
            cols.append(np.nan_to_num(frame[c].to_numpy(dtype=float), nan=0.0))
    return np.column_stack(cols) if cols else np.zeros((len(frame), 0))
