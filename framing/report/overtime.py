"""Over time: the attention each group gives the most mentioned actor, and its stance toward it, per period.

Written only when the documents' dates divide them into at least four periods (the coarsest of year, quarter,
month and week that does, :func:`~framing.periods.suggest_period`), with at least :data:`MIN_DATED` dated
documents: a corpus of one week has no time to follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pandas as pd

from ..doc_status import analysed
from ..periods import suggest_period
from ..plots.trend import plot_trend
from ..wording import count
from .base import Page, ReportContext, overlap_note

if TYPE_CHECKING:
    from ..analysis import Analysis

#: fewer dated documents than this: no page
MIN_DATED = 20
#: lines per panel: the groups with the most documents
MAX_LINES = 5


def _plan(a: Analysis, ctx: ReportContext) -> tuple[str, str | None, str, list[str]] | None:
    """``(period, by, actor, metrics)`` of the page, or None when there is no time to follow or nothing to show."""
    key = "overtime_plan"
    if key in ctx.cache:
        return ctx.cache[key]
    plan = None
    docs = a.documents
    ok = analysed(docs)
    if "date" in docs.columns and "stance" in a.analyzers and not a.mentions.empty:
        dates = docs.loc[ok, "date"]
        period = suggest_period(dates)
        if period is not None and dates.astype(str).str.strip().ne("").sum() >= MIN_DATED:
            actor = str(a.mentions["actor"].value_counts().index[0])
            # a group per document (a class's few articles) has one period each: follow them all together
            by = ctx.by if ctx.by != "doc_id" else None
            plan = (period, by, actor, ["mentions_per_1000", "stance_mean"])
    ctx.cache[key] = plan
    return plan


def _trend(a: Analysis, ctx: ReportContext) -> pd.DataFrame | None:
    plan = _plan(a, ctx)
    if plan is None:
        return None
    period, by, actor, metrics = plan
    key = "overtime_trend"
    if key not in ctx.cache:
        ctx.cache[key] = a.trend(
            metrics, by=by, period=period, actor=actor, level=ctx.level, n_boot=ctx.n_boot, seed=ctx.seed
        )
    return ctx.cache[key]


def _shown(t: pd.DataFrame) -> list[str]:
    size = t[t["metric"] == t["metric"].iloc[0]].groupby("group")["n_docs"].sum()
    return sorted(size.sort_values(ascending=False, kind="stable").index[:MAX_LINES])


def summary(a: Analysis, ctx: ReportContext) -> list[str]:
    plan = _plan(a, ctx)
    if plan is None:
        return []
    period, _by, actor, metrics = plan
    whole = a.trend(metrics, by=None, period=period, actor=actor, level=ctx.level, n_boot=ctx.n_boot, seed=ctx.seed)
    lines = []
    att = whole[whole["metric"] == "mentions_per_1000"].dropna(subset=["value"])
    if len(att) >= 2:
        # pandas-stubs: idxmax/idxmin give a Hashable label, which .loc takes but its overloads do not list
        hi, lo = att.loc[att["value"].idxmax()], att.loc[att["value"].idxmin()]  # type: ignore[call-overload]
        lines.append(
            f"The dated documents run from {att['period'].iloc[0]} to {att['period'].iloc[-1]}. {actor} got the most "
            f"attention in {hi['period']} ({hi['value']:.1f} mentions per 1,000 words) and the least in "
            f"{lo['period']} ({lo['value']:.1f}).{overlap_note(hi, lo)}"
        )
    st = whole[(whole["metric"] == "stance_mean") & ~whole["thin"]].dropna(subset=["value"])
    if len(st) >= 2:
        first, last = st.iloc[0], st.iloc[-1]
        later = first if first["value"] >= last["value"] else last
        earlier = last if later is first else first
        lines.append(
            f"Stance toward {actor} was {first['value']:+.2f} in {first['period']} and {last['value']:+.2f} in "
            f"{last['period']} (all documents together; the first and last {period} with enough "
            f"mentions).{overlap_note(later, earlier)}"
        )
    return lines


def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    t = _trend(a, ctx)
    plan = _plan(a, ctx)
    if t is None or plan is None or t.empty:
        return []
    period, by, actor, _metrics = plan
    undated = int(t.attrs.get("undated", 0))
    shown = _shown(t)
    n_groups = t["group"].nunique()
    t = t[t["group"].isin(shown)]
    fig, (left, right) = plt.subplots(1, 2, figsize=(15, 5.2), layout="constrained")
    plot_trend(t, metric="mentions_per_1000", ax=left, title=f"Attention to {actor}", max_lines=MAX_LINES)
    plot_trend(t, metric="stance_mean", ax=right, title=f"Stance toward {actor}", reference=0, max_lines=MAX_LINES)
    level = f"{ctx.level:.0%}"
    kind = "outlets" if by == "outlet" else f"groups of {by}"
    if by is None:
        who = "all documents together"
    elif n_groups > len(shown):
        who = f"the {len(shown)} {kind} with the most documents, of {n_groups}"
    else:
        who = f"each of the {len(shown)} {kind}"
    text = [
        f"Each line follows one group ({who}) {period} by {period}: left, its mentions of {actor} (the most "
        f"mentioned actor) per 1,000 words; right, the mean stance of those mentions. Bands are {level} bootstrap "
        "intervals; a hollow point has thin evidence (under five mentions or sentences), and a gap is a "
        f"{period} without documents from that group. Periods are spaced as time spaces them, so a {period} "
        "without any document leaves a gap in every line.",
    ]
    if undated:
        text.append(
            f"{count(undated, 'document')} {'has' if undated == 1 else 'have'} no date that could be read and "
            f"{'is' if undated == 1 else 'are'} left out of this page."
        )
    table = t.reset_index(drop=True)
    return [Page(name="over_time", title="Over time", figure=fig, text=text, table=table)]
