"""Who is talked about, by whom: actor mentions per group."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import matplotlib.pyplot as plt

from ..analyzers.base import MENTIONS_PER_1000
from ..compare import compare_metric
from ..plots.common import plot_heatmap
from .base import Page, ReportContext, overlap_note

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Protocol

    from ..analysis import Analysis

    class _Interval(Protocol):
        """A row of a ``compare`` table, as ``itertuples`` gives it (the columns read here)."""

        group: object
        value: float
        ci_low: float
        ci_high: float


TOP_ACTORS = 14


def attention_intervals(a: Analysis, ctx: ReportContext, actor: str) -> dict[str, dict[str, float]]:
    """Mentions of ``actor`` per 1,000 words of each group's analysed documents, with its percentile bootstrap
    interval, by group: the comparison of :data:`~framing.analyzers.base.MENTIONS_PER_1000` with the report's
    settings, resampling documents, or sentences when a group has fewer than five documents."""
    rows = compare_metric(
        a, MENTIONS_PER_1000, by=ctx.by, actor=actor, level=ctx.level, n_boot=ctx.n_boot, seed=ctx.seed
    )
    return {
        str(r.group): {"value": r.value, "ci_low": r.ci_low, "ci_high": r.ci_high}
        for r in cast("Iterator[_Interval]", rows.itertuples())
    }


def summary(a: Analysis, ctx: ReportContext) -> list[str]:
    m = a.mentions
    if m.empty:
        return ["No actor was mentioned (or no actors were given)."]
    counts = a.actor_counts(by=ctx.by)
    rate = a.actor_counts(by=ctx.by, per_thousand=True)
    total = counts.sum(axis=0).sort_values(ascending=False)
    top = total.index[0]
    lines = [f"The most mentioned actor is {top} ({int(total.iloc[0]):,} mentions in all)."]
    if len(total) > 1:
        lines[0] = lines[0][:-1] + f", followed by {total.index[1]} ({int(total.iloc[1]):,})."
    if len(rate) > 1:
        for actor in total.index[:3]:
            col = rate[actor].dropna()
            if len(col) > 1 and col.max() > col.min():
                hi, lo = col.idxmax(), col.idxmin()
                ci = attention_intervals(a, ctx, actor)
                note = overlap_note(ci[str(hi)], ci[str(lo)])
                lines.append(
                    f"{actor} gets the most attention from {hi} ({col.max():.1f} mentions per 1,000 words) "
                    f"and the least from {lo} ({col.min():.1f}).{note}"
                )
    return lines


def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    if a.mentions.empty:
        return [
            Page(
                name="actors",
                title="Who is talked about",
                text=["No actor mentions were found. Pass an actor file (--actors) or check its names."],
            )
        ]
    counts = a.actor_counts(by=ctx.by)
    rate = a.actor_counts(by=ctx.by, per_thousand=True)
    cols = list(counts.columns[:TOP_ACTORS])
    table = counts[cols].reset_index()
    keep = ctx.shown_groups(a)
    if keep is not None:
        rows = counts.index.astype(str).isin(keep)
        counts, rate = counts[rows], rate[rows]
    counts, rate = counts[cols], rate[cols]
    annot = rate.map(lambda v: "" if v != v else f"{v:.1f}") + counts.map(lambda n: f"\n({n})")
    fig, ax = plt.subplots(
        figsize=(min(16, 1.1 * len(cols) + 4), min(11, 0.55 * len(counts) + 2.2)), layout="constrained"
    )
    plot_heatmap(
        rate,
        ax=ax,
        annot=annot,
        cmap="Blues",
        cbar_label="mentions per 1,000 words",
        title=f"Actor mentions per 1,000 words, by {ctx.label} (count in brackets)",
    )
    text = [
        "Each cell: how often the outlet names the actor, per 1,000 words of its text (all its documents "
        "together), with the number of mentions in brackets. Names, aliases, demonyms, capitals and abbreviations "
        'count ("Islamabad" for Pakistan); the longest name wins ("Pakistani Taliban" is the TTP, not Pakistan).',
        *ctx.shown_note(a),
    ]
    return [Page(name="actor_mentions", title="Who is talked about, by whom", figure=fig, text=text, table=table)]
