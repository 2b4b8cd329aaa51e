"""Group comparisons: one metric value per group with a bootstrap interval.

See :mod:`framing.stats` for the interval and :meth:`framing.Analysis.compare`
for the arguments. The table is tidy: one row per (group, metric, actor).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .stats import bootstrap_interval, column_matrix, unit_sums

if TYPE_CHECKING:
    from .analysis import Analysis

__all__ = ["COMPARE_COLUMNS", "THIN_ROWS", "compare_groups"]

COMPARE_COLUMNS = [
    "group",
    "metric",
    "label",
    "actor",
    "issue",
    "value",
    "ci_low",
    "ci_high",
    "n_docs",
    "n",
    "resampled",
    "thin",
]
#: Fewer rows than this (mentions or sentences) in a cell is flagged as thin evidence.
THIN_ROWS = 5


def _issue_mask(sentences: pd.DataFrame, issue: str) -> pd.Series:
    if "issues" not in sentences.columns:
        raise ValueError("no issues were assigned: run the analysis with the 'issues' analyzer and an IssueSet")
    return sentences["issues"].map(lambda v: issue in v if isinstance(v, (list, tuple, set, frozenset)) else False)


def compare_groups(
    a: Analysis,
    by: str = "outlet",
    metric: str | Iterable[str] | None = None,
    issue: str | None = None,
    actor: str | None = None,
    level: float = 0.95,
    n_boot: int = 1000,
    min_docs: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    docs = a.documents
    if by not in docs.columns:
        raise KeyError(f"no column {by!r} in the documents table; columns: {', '.join(map(str, docs.columns))}")
    metrics = a.metrics
    if metric is None:
        chosen = list(metrics)
    else:
        chosen = [metric] if isinstance(metric, str) else list(metric)
        unknown = [m for m in chosen if m not in metrics]
        if unknown:
            raise KeyError(f"unknown metric {unknown[0]!r}; metrics: {', '.join(metrics)}")
    ok = ~docs["status"].astype(str).str.startswith("skipped")
    groups = docs.loc[ok, by].fillna("").astype(str)
    doc_ids = docs.loc[ok, "doc_id"]
    group_docs = {g: list(ids) for g, ids in doc_ids.groupby(groups.values)}

    sentences = a.sentences
    mentions = a.mentions
    if issue is not None:
        smask = _issue_mask(sentences, issue)
        sentences = sentences[smask]
        keys = set(zip(sentences["doc_id"], sentences["sentence_id"]))
        mentions = mentions[[k in keys for k in zip(mentions["doc_id"], mentions["sentence_id"])]]

    rows = []
    for name in chosen:
        m = metrics[name]
        base = mentions if m.table == "mentions" else sentences
        if m.table == "mentions":
            if actor is not None:
                actor_sets = [(actor, base[base["actor"] == actor])]
            elif m.per_actor:
                order = base["actor"].value_counts().index.tolist()
                actor_sets = [(act, base[base["actor"] == act]) for act in order]
            else:
                actor_sets = [(None, base)]
        else:
            if actor is not None:
                keys = set(
                    zip(
                        mentions.loc[mentions["actor"] == actor, "doc_id"],
                        mentions.loc[mentions["actor"] == actor, "sentence_id"],
                    )
                )
                actor_sets = [(actor, base[[k in keys for k in zip(base["doc_id"], base["sentence_id"])]])]
            else:
                actor_sets = [(None, base)]
        for act, frame in actor_sets:
            missing = [c for c in m.columns if c != "_rows" and c not in frame.columns]
            if missing:
                continue
            values = column_matrix(frame, m.columns)
            frame_docs = frame["doc_id"].to_numpy()
            for g in sorted(group_docs):
                ids = group_docs[g]
                pos = {d: i for i, d in enumerate(ids)}
                sel = np.fromiter((d in pos for d in frame_docs), bool, len(frame_docs))
                n_rows = int(sel.sum())
                if len(ids) >= min_docs:
                    units = np.fromiter((pos[d] for d in frame_docs[sel]), int, n_rows)
                    sums = unit_sums(units, values[sel], len(ids))
                    res = bootstrap_interval(m, sums, n_boot=n_boot, level=level, seed=seed, resampled="documents")
                else:
                    res = bootstrap_interval(m, values[sel], n_boot=n_boot, level=level, seed=seed, resampled=m.table)
                rows.append(
                    {
                        "group": g,
                        "metric": name,
                        "label": m.label,
                        "actor": act,
                        "issue": issue,
                        "value": res.value,
                        "ci_low": res.low,
                        "ci_high": res.high,
                        "n_docs": len(ids),
                        "n": n_rows,
                        "resampled": res.resampled,
                        "thin": n_rows < max(THIN_ROWS, m.min_rows),
                    }
                )
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    out.attrs["by"] = by
    out.attrs["level"] = level
    return out
