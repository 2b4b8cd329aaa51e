"""Group comparisons: values with bootstrap intervals, and differences between groups.

:func:`compare_groups` gives one row per (group, metric, actor): the metric
over the group's rows, a percentile bootstrap interval resampling documents
(or rows when a group has fewer than ``min_docs`` documents; the ``resampled``
column says which), the number of documents and rows, and a ``thin`` flag
when fewer than five rows carry the figure.

:func:`group_differences` compares every pair of groups on one metric: the
difference with its own bootstrap interval (each group resampled
independently), a standardised effect size, and whether the two groups'
intervals are ``separated`` (do not overlap).

Effect size: Cohen's d on document values, d = (m_a − m_b) / s_pooled with
s_pooled² = ((n_a − 1)s_a² + (n_b − 1)s_b²) / (n_a + n_b − 2) (Cohen 1988);
reported only when both groups have at least two documents with a value.
Reference: Cohen, J. (1988). *Statistical Power Analysis for the Behavioral
Sciences* (2nd ed.). Erlbaum.
"""

from __future__ import annotations

import difflib
import math
import numbers
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .analyzers.base import Metric
from .doc_status import analysed
from .errors import GroupError, MetricError, OptionError
from .periods import PERIODS, group_labels, is_period, period_labels
from .stats import bootstrap_interval, column_matrix, resample_sums, unit_sums

__all__ = [
    "COMPARE_COLUMNS",
    "DIFFERENCE_COLUMNS",
    "THIN_ROWS",
    "Comparable",
    "check_analysis_group",
    "check_group_name",
    "check_options",
    "chosen_metrics",
    "compare_groups",
    "compare_metric",
    "group_differences",
    "group_error",
    "trend",
]

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
DIFFERENCE_COLUMNS = [
    "metric",
    "label",
    "actor",
    "issue",
    "group_a",
    "group_b",
    "value_a",
    "value_b",
    "difference",
    "ci_low",
    "ci_high",
    "effect_size",
    "separated",
    "n_docs_a",
    "n_docs_b",
    "n_a",
    "n_b",
]
#: Fewer rows than this (mentions or sentences) in a cell is flagged as thin evidence.
THIN_ROWS = 5
#: between a group's value and its period in the name of a group of :func:`trend`
SEP = "\x1f"


@dataclass
class _Cell:
    """The rows of one group for one (metric, actor): per-unit sums ready to resample."""

    group: str
    sums: np.ndarray  # units × columns
    resampled: str
    n_docs: int
    n_rows: int
    doc_values: np.ndarray  # the metric per document (NaN where undefined)


def _issue_mask(sentences: pd.DataFrame, issue: str) -> np.ndarray:
    if "issues" not in sentences.columns:
        raise ValueError("no issues were assigned: run the analysis with the 'issues' analyzer and an IssueSet")
    return (
        sentences["issues"]
        .map(lambda v: issue in v if isinstance(v, (list, tuple, set, frozenset)) else False)
        .to_numpy(dtype=bool)
    )


def _key(frame: pd.DataFrame) -> pd.Series:
    return frame["doc_id"].astype(str) + "\x1f" + frame["sentence_id"].astype(str)


#: document columns that are never worth grouping by (besides the measurements). ``doc_id`` is not one of them:
#: each document is then its own group, its intervals from resampling its sentences (a class comparing articles)
_NOT_GROUPS = frozenset({"n_words", "n_sentences", "duplicate_of"})


def check_analysis_group(a: Comparable, by: str) -> None:
    """:func:`check_group_name` on the documents table of ``a`` (see :class:`Comparable`): its measures are those
    of ``a.measures`` that hold numbers (a metric, an issue share, a source count); an object with tables and
    metrics but no ``measures`` has its metrics."""
    docs = a.documents
    measures = [c for c in getattr(a, "measures", a.metrics) if c in docs.columns and docs[c].dtype.kind in "fiub"]
    check_group_name(by, [str(c) for c in docs.columns], measures)


def check_group_name(by: str, columns: Iterable[str], measures: Iterable[str] = ()) -> None:
    """Raise :class:`~framing.errors.GroupError` (a ``KeyError`` too) when ``by`` is not one of ``columns``,
    or holds a value of each document rather than groups of documents: one of ``measures`` (the analyzers'
    numbers) or a count (see :func:`group_error`). Before an analysis, ``columns`` are those it will
    produce."""
    measures = set(measures)
    columns = list(columns)
    if is_period(by, columns):
        return
    if by not in columns or by in measures or by in _NOT_GROUPS:
        raise group_error(by, [c for c in columns if c not in measures], measured=by in measures)


def group_error(by: str, columns: Iterable[str], measured: bool = False) -> GroupError:
    """The error for a column ``by`` one cannot group by: missing (with the nearest spelling, for a typo), a
    measure (``measured``: the way to compare it instead) or a count of each document; it names the
    ``columns`` one can group by."""
    columns = list(columns)
    usable = [c for c in columns if c not in _NOT_GROUPS]
    listed = f"columns to group by: {', '.join(usable)}"
    if measured:
        return GroupError(
            f"{by!r} is measured in each document, so it cannot group the documents (a metric is compared "
            f"between outlets with compare(by='outlet', metric=...)); {listed}"
        )
    if by in columns:
        return GroupError(f"{by!r} is a count of each document, not a column to group by; {listed}")
    near = difflib.get_close_matches(str(by), usable, n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    return GroupError(f"no column {by!r} to compare the documents by{hint}; {listed}")


class _Groups:
    """Documents of each group, as integer codes, computed once per comparison.

    ``by`` is a documents column or a period of their dates (:mod:`framing.periods`); with ``period`` too, a
    group is a pair ``(by's value, period)``, named ``value + SEP + period``. A document without a readable
    date is in no period: it is left out, and counted in ``undated``."""

    def __init__(self, a: Comparable, by: str | None, period: str | None = None) -> None:
        docs = a.documents
        if by is not None:
            check_analysis_group(a, by)
        ok = analysed(docs)  # not skipped, and in English (a document left unanalysed would count as zeros)
        labels = group_labels(docs, by) if by is not None else np.full(len(docs), "", dtype=object)
        dated = np.ones(len(docs), dtype=bool)
        if by is not None and is_period(by, docs.columns):
            dated = labels != ""
        if period is not None:
            when = period_labels(docs["date"], period)
            dated = when != ""
            labels = labels + SEP + when if by is not None else when
        self.undated = int((ok & ~dated).sum())
        ok &= dated
        self.doc_ids = docs.loc[ok, "doc_id"].astype(str).to_numpy()
        labels = labels[ok]
        self.names = sorted(set(labels))
        code = {g: k for k, g in enumerate(self.names)}
        self.doc_group = np.array([code[g] for g in labels], dtype=int)
        self._index = pd.Index(self.doc_ids)
        # position of each document within its group
        self.doc_pos = np.zeros(len(self.doc_ids), dtype=int)
        self.group_size = np.zeros(len(self.names), dtype=int)
        for k, g in enumerate(self.doc_group):
            self.doc_pos[k] = self.group_size[g]
            self.group_size[g] += 1

    def row_docs(self, frame: pd.DataFrame) -> np.ndarray:
        """Document code of each row (-1 for rows of skipped documents), looked up in C."""
        return self._index.get_indexer(frame["doc_id"].astype(str))


def _cells(m: Metric, frame: pd.DataFrame, groups: _Groups, min_docs: int, doc_values: bool = False) -> Iterator[_Cell]:
    values = column_matrix(frame, m.columns)
    rdoc = groups.row_docs(frame)
    valid = rdoc >= 0
    values, rdoc = values[valid], rdoc[valid]
    rgroup = groups.doc_group[rdoc]
    # the rows of each group, in their order, by one stable sort (not a scan of every row for each group:
    # a corpus of 270 outlets made that the largest cost of a comparison)
    order = np.argsort(rgroup, kind="stable")
    bounds = np.searchsorted(rgroup[order], np.arange(len(groups.names) + 1))
    for g, name in enumerate(groups.names):
        rows = order[bounds[g] : bounds[g + 1]]
        n_docs = int(groups.group_size[g])
        per_doc = unit_sums(groups.doc_pos[rdoc[rows]], values[rows], n_docs)
        dv = m.compute_many(per_doc) if doc_values and n_docs else np.zeros(0)
        if n_docs >= min_docs:
            yield _Cell(name, per_doc, "documents", n_docs, len(rows), dv)
        else:
            yield _Cell(name, values[rows], m.table, n_docs, len(rows), dv)


def _frames(a: Comparable, m: Metric, issue: str | None, actor: str | None) -> list[tuple[str | None, pd.DataFrame]]:
    sentences = a.sentences
    mentions = a.mentions
    if issue is not None:
        sentences = sentences[_issue_mask(sentences, issue)]
        keys = set(_key(sentences))
        mentions = mentions[_key(mentions).isin(keys).to_numpy()] if len(mentions) else mentions
    if m.table == "mentions":
        if actor is not None:
            return [(actor, mentions[mentions["actor"] == actor])]
        if m.per_actor:
            return [(act, mentions[mentions["actor"] == act]) for act in mentions["actor"].value_counts().index]
        return [(None, mentions)]
    if "_mentions" in m.columns:
        return _with_mentions(sentences, mentions, actor, m)
    if actor is not None:
        keys = set(_key(mentions[mentions["actor"] == actor])) if len(mentions) else set()
        return [(actor, sentences[_key(sentences).isin(keys).to_numpy()])]
    return [(None, sentences)]


def _with_mentions(
    sentences: pd.DataFrame, mentions: pd.DataFrame, actor: str | None, m: Metric
) -> list[tuple[str | None, pd.DataFrame]]:
    """Every sentence, with the columns ``m`` reads and ``_mentions``: the mentions of ``actor`` in it, or of
    each actor in turn (a ``per_actor`` metric), or of all actors. A sentence that names no actor stays: it is
    text the actor did not get."""
    need = [c for c in dict.fromkeys(["doc_id", "sentence_id", *m.columns]) if c in sentences.columns]
    base = sentences[need]
    if len(mentions) and len(base):
        where = pd.Index(_key(base)).get_indexer(_key(mentions))
        names = mentions["actor"].astype(str).to_numpy()
    else:
        where, names = np.zeros(0, dtype=int), np.zeros(0, dtype=object)
    found = where >= 0  # a mention outside the sentences (another issue's) counts nowhere

    def counts(rows: np.ndarray) -> np.ndarray:
        return np.bincount(where[rows & found], minlength=len(base)).astype(float)

    if actor is not None:
        return [(actor, base.assign(_mentions=counts(names == actor)))]
    if m.per_actor:
        order = pd.Series(names).value_counts().index
        return [(act, base.assign(_mentions=counts(names == act))) for act in order]
    return [(None, base.assign(_mentions=counts(np.ones(len(names), dtype=bool))))]


def check_options(
    a: Comparable,
    issue: str | None = None,
    actor: str | None = None,
    level: float = 0.95,
    n_boot: int = 1000,
    min_docs: int = 5,
) -> None:
    """Raise :class:`~framing.errors.OptionError` for a comparison's option that would give a table of NaN
    (an issue or actor name the analysis does not have: a typo) or a numpy error (``level=95``)."""
    if isinstance(level, bool) or not isinstance(level, numbers.Real) or not 0 < level < 1:
        raise OptionError(f"level is the intervals' coverage, between 0 and 1 (0.95 for 95%), not {level!r}")
    for name, value, least in (("n_boot", n_boot, 1), ("min_docs", min_docs, 0)):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < least:
            raise OptionError(f"{name} must be a whole number of at least {least}, not {value!r}")
    pipeline = getattr(a, "pipeline", None)
    for kind, value, known in (
        ("issue", issue, lambda: _issue_names(a, pipeline)),
        ("actor", actor, lambda: _actor_names(a, pipeline)),
    ):
        if value is not None and value not in (names := known()):
            near = difflib.get_close_matches(str(value), names, n=1)
            hint = f" (did you mean {near[0]!r}?)" if near else ""
            raise OptionError(f"no {kind} {value!r} in this analysis{hint}; {kind}s: {', '.join(names) or 'none'}")


def _issue_names(a: Comparable, pipeline: Any) -> list[str]:
    iset = getattr(pipeline, "issues", None)
    if iset is not None:
        return list(iset.names)
    sent = a.sentences
    return sorted({i for v in sent["issues"] for i in (v or ())}) if "issues" in sent else []


def _actor_names(a: Comparable, pipeline: Any) -> list[str]:
    aset = getattr(pipeline, "actors", None)
    found: Iterable[str] = a.mentions["actor"].dropna().astype(str).unique() if "actor" in a.mentions else []
    return list(dict.fromkeys([*(aset.names if aset is not None else []), *sorted(found)]))


def chosen_metrics(a: Comparable, metric: str | Iterable[str] | None) -> list[str]:
    """The metric names a comparison asked for (``None``: every metric of ``a``); a
    :class:`~framing.errors.MetricError` with the nearest spelling for a name ``a`` does not define."""
    metrics = a.metrics
    if metric is None:
        return list(metrics)
    chosen = [metric] if isinstance(metric, str) else list(metric)
    unknown = [m for m in chosen if m not in metrics]
    if unknown:
        near = difflib.get_close_matches(str(unknown[0]), list(metrics), n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise MetricError(f"unknown metric {unknown[0]!r}{hint}; metrics: {', '.join(metrics)}")
    return chosen


def _metric_rows(
    a: Comparable,
    m: Metric,
    groups: _Groups,
    issue: str | None,
    actor: str | None,
    level: float,
    n_boot: int,
    min_docs: int,
    seed: int,
) -> Iterator[dict[str, Any]]:
    """The rows of :func:`compare_groups` for one metric."""
    for act, frame in _frames(a, m, issue, actor):
        if any(c not in ("_rows", "_mentions") and c not in frame.columns for c in m.columns):
            continue
        for cell in _cells(m, frame, groups, min_docs):
            res = bootstrap_interval(m, cell.sums, n_boot=n_boot, level=level, seed=seed, resampled=cell.resampled)
            yield {
                "group": cell.group,
                "metric": m.name,
                "label": m.label,
                "actor": act,
                "issue": issue,
                "value": res.value,
                "ci_low": res.low,
                "ci_high": res.high,
                "n_docs": cell.n_docs,
                "n": cell.n_rows,
                "resampled": res.resampled,
                "thin": cell.n_rows < max(THIN_ROWS, m.min_rows),
            }


def _table(
    a: Comparable,
    metrics: list[Metric],
    groups: _Groups,
    issue: str | None,
    actor: str | None,
    level: float,
    n_boot: int,
    min_docs: int,
    seed: int,
) -> pd.DataFrame:
    """The comparison table of ``metrics`` over ``groups`` (:data:`COMPARE_COLUMNS`)."""
    rows = [r for m in metrics for r in _metric_rows(a, m, groups, issue, actor, level, n_boot, min_docs, seed)]
    return pd.DataFrame(rows, columns=COMPARE_COLUMNS)


def compare_metric(
    a: Comparable,
    metrics: Metric | Iterable[Metric],
    by: str = "outlet",
    issue: str | None = None,
    actor: str | None = None,
    level: float = 0.95,
    n_boot: int = 1000,
    min_docs: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    """:func:`compare_groups` for metrics given as objects, which need not be among ``a.metrics`` (the
    report's attention to actors when the stance analyzer did not run): the same table, rows and intervals."""
    groups = _Groups(a, by)
    check_options(a, issue, actor, level, n_boot, min_docs)
    chosen = [metrics] if isinstance(metrics, Metric) else list(metrics)
    out = _table(a, chosen, groups, issue, actor, level, n_boot, min_docs, seed)
    out.attrs.update(by=by, level=level, n_boot=n_boot)
    if is_period(by, a.documents.columns):
        out.attrs["undated"] = groups.undated
    return out


def trend(
    a: Comparable,
    metric: str | Iterable[str],
    by: str | None = "outlet",
    period: str = "month",
    issue: str | None = None,
    actor: str | None = None,
    level: float = 0.95,
    n_boot: int = 1000,
    min_docs: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    """Metrics over periods of the documents' dates, for each group of ``by`` (``None``: all documents together).

    Each (group, period) is a cell of :func:`compare_groups`, with its interval; periods without documents have
    no row. The table is that of ``compare`` with a ``period`` column after ``group``, sorted by group, metric,
    actor and period; ``attrs["undated"]`` counts the documents left out for want of a readable date."""
    docs = a.documents
    if not isinstance(period, str) or period not in PERIODS:
        raise OptionError(f"period is one of {', '.join(PERIODS)}, not {period!r}")
    if "date" not in docs.columns:
        raise GroupError("the documents have no date column, so there are no periods to follow")
    if by is not None and is_period(by, docs.columns):
        raise OptionError(f"by={by!r} is a period: give the periods with period= and the groups with by=")
    groups = _Groups(a, by, period)
    if not groups.names:
        n = int(analysed(docs).sum())
        given = docs["date"].dropna().astype(str).str.strip()
        examples = ", ".join(repr(d) for d in given[given != ""].unique()[:3])
        raise GroupError(
            f"none of the {n} analysed documents has a date that can be read"
            + (f" (the dates look like {examples})" if examples else " (the date column is empty)")
            + "; give dates as 2016-09-20, or in a form such as Sep 20, 2016"
        )
    check_options(a, issue, actor, level, n_boot, min_docs)
    chosen = [a.metrics[name] for name in chosen_metrics(a, metric)]
    out = _table(a, chosen, groups, issue, actor, level, n_boot, min_docs, seed)
    parts = out["group"].astype(str).str.rpartition(SEP)
    out.insert(1, "period", parts[2])
    out["group"] = parts[0] if by is not None else "all documents"
    out = out.sort_values(["group", "metric", "actor", "period"], kind="stable", na_position="first")
    out = out.reset_index(drop=True)
    out.attrs.update(by=by, period=period, level=level, n_boot=n_boot, undated=groups.undated)
    return out


def compare_groups(
    a: Comparable,
    by: str = "outlet",
    metric: str | Iterable[str] | None = None,
    issue: str | None = None,
    actor: str | None = None,
    level: float = 0.95,
    n_boot: int = 1000,
    min_docs: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    check_analysis_group(a, by)
    chosen = [a.metrics[name] for name in chosen_metrics(a, metric)]
    return compare_metric(a, chosen, by, issue, actor, level, n_boot, min_docs, seed)


def _cohens_d(x: np.ndarray, y: np.ndarray) -> float:
    x, y = x[~np.isnan(x)], y[~np.isnan(y)]
    if len(x) < 2 or len(y) < 2:
        return math.nan
    pooled = ((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (len(x) + len(y) - 2)
    return float((x.mean() - y.mean()) / math.sqrt(pooled)) if pooled > 0 else math.nan


def group_differences(
    a: Comparable,
    metric: str,
    by: str = "outlet",
    issue: str | None = None,
    actor: str | None = None,
    level: float = 0.95,
    n_boot: int = 1000,
    min_docs: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    """Every pair of groups compared on ``metric`` (see the module docstring)."""
    groups = _Groups(a, by)
    check_options(a, issue, actor, level, n_boot, min_docs)
    m = a.metrics[chosen_metrics(a, metric)[0]]
    rows = []
    alpha = (1 - level) / 2
    for act, frame in _frames(a, m, issue, actor):
        if any(c not in ("_rows", "_mentions") and c not in frame.columns for c in m.columns):
            continue
        cells = list(_cells(m, frame, groups, min_docs, doc_values=True))
        boots = {}
        for k, cell in enumerate(cells):
            n = cell.sums.shape[0]
            if n == 0:
                boots[cell.group] = (math.nan, np.full(n_boot, np.nan), (math.nan, math.nan))
                continue
            reps = resample_sums(cell.sums, n_boot, seed + k)
            stats = m.compute_many(reps)
            value = m.compute(tuple(cell.sums.sum(axis=0)))
            finite = stats[~np.isnan(stats)]
            ci = (
                tuple(np.quantile(finite, [alpha, 1 - alpha]))
                if len(finite) > n_boot // 2 and n > 1
                else (math.nan, math.nan)
            )
            boots[cell.group] = (value, stats, ci)
        by_name = {c.group: c for c in cells}
        for ga, gb in combinations([c.group for c in cells], 2):
            va, sa, (la, ha) = boots[ga]
            vb, sb, (lb, hb) = boots[gb]
            diff = sa - sb
            finite = diff[~np.isnan(diff)]
            lo, hi = np.quantile(finite, [alpha, 1 - alpha]) if len(finite) > n_boot // 2 else (math.nan, math.nan)
            separated = bool(not any(math.isnan(v) for v in (la, ha, lb, hb)) and (ha < lb or hb < la))
            rows.append(
                {
                    "metric": m.name,
                    "label": m.label,
                    "actor": act,
                    "issue": issue,
                    "group_a": ga,
                    "group_b": gb,
                    "value_a": va,
                    "value_b": vb,
                    "difference": va - vb,
                    "ci_low": float(lo),
                    "ci_high": float(hi),
                    "effect_size": _cohens_d(by_name[ga].doc_values, by_name[gb].doc_values),
                    "separated": separated,
                    "n_docs_a": by_name[ga].n_docs,
                    "n_docs_b": by_name[gb].n_docs,
                    "n_a": by_name[ga].n_rows,
                    "n_b": by_name[gb].n_rows,
                }
            )
    out = pd.DataFrame(rows, columns=DIFFERENCE_COLUMNS)
    out.attrs.update(by=by, level=level, n_boot=n_boot)
    return out


class Comparable:
    """``compare``, ``differences`` and ``check_group`` for an object with ``documents``, ``sentences``, ``mentions`` and
    ``metrics`` (an :class:`~framing.analysis.Analysis`, or the tables of a streamed run read back,
    :class:`~framing.saved.Scores`)."""

    if TYPE_CHECKING:
        # what a subclass provides (as properties, or ``documents`` as an attribute), declared for the type checker

        @property
        def documents(self) -> pd.DataFrame: ...

        @property
        def sentences(self) -> pd.DataFrame: ...

        @property
        def mentions(self) -> pd.DataFrame: ...

        @property
        def metrics(self) -> dict[str, Metric]: ...

    @property
    def measures(self) -> list[str]:
        """The documents table's columns that the analyzers measure in each document (metrics, and values such
        as issue shares and source counts): numbers, or labels such as ``top_issue``."""
        return list(self.metrics)

    def check_group(self, by: str) -> None:
        """Raise :class:`~framing.errors.GroupError` when ``by`` is not a column of the documents table, or is
        one of the analyzers' numbers (a metric, an issue share, a source count), which vary from document to
        document and make no groups (see :func:`framing.compare.check_analysis_group`)."""
        check_analysis_group(self, by)

    def check_comparison(self, metric: str | Iterable[str] | None, issue: str | None, actor: str | None) -> None:
        """Raise before a comparison that the object's tables cannot give (nothing to check by default)."""

    def compare(
        self,
        by: str = "outlet",
        metric: str | Iterable[str] | None = None,
        issue: str | None = None,
        actor: str | None = None,
        level: float = 0.95,
        n_boot: int = 1000,
        min_docs: int = 5,
        seed: int = 0,
    ) -> pd.DataFrame:
        """Compare groups on metrics, with bootstrap intervals.

        Args:
            by: a column of ``documents`` (outlet, or any metadata column), or a period of their dates
                (year, quarter, month, week, day; :mod:`framing.periods`) when no column has that name.
            metric: one name, several, or ``None`` for all.
            issue: restrict to the sentences (and mentions) of one issue.
            actor: restrict mention metrics to this actor, and sentence metrics
                to the sentences that mention it. Without ``actor``, metrics
                defined per actor (stance) get one row per actor.
            level: interval coverage. n_boot: bootstrap replicates.
            min_docs: groups with fewer documents resample rows instead of documents.

        Returns:
            A tidy table: group, metric, label, actor, issue, value, ci_low,
            ci_high, n_docs, n (rows), resampled, thin (too little evidence).
        """
        self.check_comparison(metric, issue, actor)
        return compare_groups(
            self,
            by=by,
            metric=metric,
            issue=issue,
            actor=actor,
            level=level,
            n_boot=n_boot,
            min_docs=min_docs,
            seed=seed,
        )

    def trend(
        self,
        metric: str | Iterable[str],
        by: str | None = "outlet",
        period: str = "month",
        issue: str | None = None,
        actor: str | None = None,
        level: float = 0.95,
        n_boot: int = 1000,
        min_docs: int = 5,
        seed: int = 0,
    ) -> pd.DataFrame:
        """A metric over time: its value with an interval for each group and period of the documents' dates
        (``period``: year, quarter, month, week or day; ``by=None`` for all documents together). See
        :func:`framing.compare.trend`; ``framing.plots.plot_trend`` draws the table."""
        self.check_comparison(metric, issue, actor)
        return trend(
            self,
            metric,
            by=by,
            period=period,
            issue=issue,
            actor=actor,
            level=level,
            n_boot=n_boot,
            min_docs=min_docs,
            seed=seed,
        )

    def differences(
        self,
        metric: str,
        by: str = "outlet",
        issue: str | None = None,
        actor: str | None = None,
        level: float = 0.95,
        n_boot: int = 1000,
        min_docs: int = 5,
        seed: int = 0,
    ) -> pd.DataFrame:
        """Every pair of groups on one metric: difference with interval, Cohen's d, and whether the
        groups' intervals are separated (see :func:`framing.compare.group_differences`)."""
        self.check_comparison(metric, issue, actor)
        return group_differences(
            self, metric, by=by, issue=issue, actor=actor, level=level, n_boot=n_boot, min_docs=min_docs, seed=seed
        )
