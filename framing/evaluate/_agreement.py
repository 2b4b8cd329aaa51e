"""Agreement between framing and a user's own coding: F1 and Krippendorff's alpha.

A researcher who hand-codes a sample (is this sentence hedged? is this
mention negative?) can measure how far framing agrees before trusting it on
the rest of the corpus:

    a = framing.analyze(corpus)
    framing.evaluate.agreement(a.sentences, "my_coding.csv", on=["doc_id", "sentence_id"],
                               ours="hedged", theirs="hedged_by_coder")

Krippendorff's alpha (Krippendorff 2011): α = 1 − D_o / D_e, from the
coincidence matrix of the paired values, with the nominal distance (0 if two
values are equal, else 1), the ordinal distance or the squared interval
distance. α = 1 is perfect agreement, 0 is what chance gives; 0.667 is the
usual lowest acceptable value for tentative conclusions, 0.8 for firm ones.

Reference: Krippendorff, K. (2011). Computing Krippendorff's alpha-reliability.
Annenberg School for Communication Departmental Papers 43.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError

__all__ = ["agreement", "classification_scores", "krippendorff_alpha"]


def krippendorff_alpha(a: Iterable[Any], b: Iterable[Any], level: str = "nominal") -> float:
    """Krippendorff's alpha for two coders who coded the same units (pairs with a missing value are dropped)."""
    pairs = [(x, y) for x, y in zip(a, b) if not _missing(x) and not _missing(y)]
    if len(pairs) < 2:
        return float("nan")
    values = sorted({v for p in pairs for v in p}, key=_sort_key)
    if len(values) == 1:
        return 1.0
    k = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))  # coincidence matrix: each unit contributes both orders
    for x, y in pairs:
        o[k[x], k[y]] += 1
        o[k[y], k[x]] += 1
    n_c = o.sum(axis=1)
    n = n_c.sum()
    delta = _distance(values, n_c, level)
    d_o = (o * delta).sum() / n
    d_e = (np.outer(n_c, n_c) * delta).sum() / (n * (n - 1))
    return float(1 - d_o / d_e) if d_e > 0 else float("nan")


def _distance(values: list[Any], n_c: np.ndarray, level: str) -> np.ndarray:
    m = len(values)
    if level == "nominal":
        return 1.0 - np.eye(m)
    if level == "interval":
        v = np.array([float(x) for x in values])
        return (v[:, None] - v[None, :]) ** 2
    if level == "ordinal":
        d = np.zeros((m, m))
        for i in range(m):
            for j in range(m):
                lo, hi = min(i, j), max(i, j)
                d[i, j] = (n_c[lo : hi + 1].sum() - (n_c[lo] + n_c[hi]) / 2) ** 2
        return d
    raise ValueError(f"unknown level {level!r}: nominal, ordinal or interval")


def _missing(v: Any) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v)) or (isinstance(v, str) and v.strip() == "")


def _sort_key(v: Any) -> tuple[int, Any]:
    return (0, float(v)) if isinstance(v, (int, float, np.integer, np.floating)) else (1, str(v))


def classification_scores(gold: Sequence[Any], pred: Sequence[Any]) -> dict[str, Any]:
    """Accuracy, macro-F1 and per-class precision, recall, F1 and support."""
    gold, pred = list(gold), list(pred)
    labels = sorted({*gold, *pred}, key=_sort_key)
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[str(lab)] = {"precision": prec, "recall": rec, "f1": f1, "support": sum(1 for g in gold if g == lab)}
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / len(gold) if gold else float("nan")
    macro = float(np.mean([v["f1"] for k, v in per.items() if v["support"] > 0])) if per else float("nan")
    return {"n": len(gold), "accuracy": acc, "macro_f1": macro, "per_class": per}


def agreement(
    ours: pd.DataFrame,
    theirs: str | Path | pd.DataFrame,
    on: str | Sequence[str] = ("doc_id", "sentence_id"),
    ours_column: str = "label",
    theirs_column: str = "label",
    level: str = "nominal",
) -> dict[str, Any]:
    """Agreement between a framing table and a user's coding of the same units.

    Args:
        ours: a framing table (``a.sentences``, ``a.mentions``, ``a.documents``).
        theirs: the user's coding: a CSV path or a DataFrame with the ``on`` columns and ``theirs_column``.
        on: the columns that identify a unit in both tables.
        ours_column, theirs_column: the values to compare (labels, 0/1 flags or numbers).
        level: ``"nominal"`` (labels), ``"ordinal"`` or ``"interval"`` (numbers) for Krippendorff's alpha.

    Returns:
        ``{"n", "unmatched", "accuracy", "macro_f1", "per_class", "alpha", "level"}``; accuracy and F1
        are left out for interval data.
    """
    keys = [on] if isinstance(on, str) else list(on)
    if not isinstance(theirs, pd.DataFrame):
        path = Path(theirs)
        try:
            theirs = pd.read_csv(path)
        except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the coding file: {exc}", path=path) from None
    for frame, name, col in ((ours, "framing's table", ours_column), (theirs, "the coding", theirs_column)):
        missing = [c for c in [*keys, col] if c not in frame.columns]
        if missing:
            raise InputError(
                f"{name} has no column {missing[0]!r}",
                expected=", ".join([*keys, col]),
                found=", ".join(map(str, frame.columns)),
            )
    left = ours[[*keys, ours_column]].rename(columns={ours_column: "_ours"})
    right = theirs[[*keys, theirs_column]].rename(columns={theirs_column: "_theirs"})
    for k in keys:  # ids read from CSV may be numbers; compare as text
        left[k] = left[k].astype(str)
        right[k] = right[k].astype(str)
    merged = right.merge(left, on=keys, how="left")
    unmatched = int(merged["_ours"].isna().sum())
    merged = merged.dropna(subset=["_ours", "_theirs"])
    result: dict[str, Any] = {"n": len(merged), "unmatched": unmatched, "level": level}
    if level != "interval":
        gold = [_norm(v) for v in merged["_theirs"]]
        pred = [_norm(v) for v in merged["_ours"]]
        result.update(classification_scores(gold, pred))
        result["alpha"] = krippendorff_alpha(gold, pred, level=level)
    else:
        result["alpha"] = krippendorff_alpha(
            merged["_theirs"].astype(float), merged["_ours"].astype(float), level="interval"
        )
        result["pearson_r"] = (
            float(np.corrcoef(merged["_theirs"].astype(float), merged["_ours"].astype(float))[0, 1])
            if len(merged) > 1
            else float("nan")
        )
    return result


def _norm(v: Any) -> Any:
    """Booleans, 0/1 numbers and yes/no compare equal ("True" or "yes" in a CSV, 1 in a table); labels ignore
    case and surrounding spaces ("Negative " is "negative")."""
    if isinstance(v, (bool, np.bool_)):
        return int(v)
    if isinstance(v, str) and v.strip().lower() in _YES_NO:
        return _YES_NO[v.strip().lower()]
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return int(v)
    if isinstance(v, str):
        s = v.strip()
        try:
            f = float(s)
            return int(f) if f.is_integer() else f
        except ValueError:
            return s.lower()
    return v


#: what a coder may write for a flag
_YES_NO = {"true": 1, "false": 0, "yes": 1, "no": 0}
