"""Who is talked about, by whom: actor mentions per group."""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import numpy as np

from ..analyzers.base import Metric, per_thousand
from ..plots.common import plot_heatmap
from ..stats import bootstrap_interval
from .base import Page, ReportContext, overlap_note

if TYPE_CHECKING:
    from ..analysis import Analysis

TOP_ACTORS = 14
#: a group with fewer documents resamples its sentences, as comparisons do
_MIN_DOCS = 5


#: mentions of one actor per 1,000 words: a ratio of column sums, so the bootstrap of comparisons applies
_ATTENTION = Metric(
    "actor_attention", "Mentions per 1,000 words", "actors", "sentences", ("mentions", "n_words"), per_thousand
)


def attention_interval(a: Analysis, ctx: ReportContext, actor: str, group: str) -> dict[str, float]:
    """Mentions of ``actor`` per 1,000 words of ``group``'s analysed documents, with its percentile bootstrap
    interval (:func:`~framing.stats.bootstrap_interval` with the report's settings), resampling documents, or
    sentences when the group has fewer than five documents, as comparisons do."""
    docs = a.documents
    ok = ~docs["status"].astype(str).str.startswith("skipped")
    in_group = docs.loc[ok & (docs[ctx.by].fillna("").astype(str) == group), ["doc_id", "n_words"]]
    m = a.mentions
    m = m[(m["actor"] == actor) & m["doc_id"].isin(in_group["doc_id"])]
    if len(in_group) >= _MIN_DOCS:
        mentions = in_group["doc_id"].map(m.groupby("doc_id").size()).fillna(0).to_numpy(float)
        words = in_group["n_words"].to_numpy(float)
        resampled = "documents"
    else:
        s = a.sentences
        s = s[s["doc_id"].isin(in_group["doc_id"])]
        per = m.groupby(["doc_id", "sentence_id"]).size()
        mentions = np.array([per.get(k, 0) for k in zip(s["doc_id"], s["sentence_id"])], dtype=float)
        words = s["n_words"].to_numpy(float)
        resampled = "sentences"
    res = bootstrap_interval(_ATTENTION, np.column_stack([mentions, words]), ctx.n_boot, ctx.level, ctx.seed, resampled)
    return {"value": res.value, "ci_low": res.low, "ci_high": res.high}


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
                note = overlap_note(attention_interval(a, ctx, actor, hi), attention_interval(a, ctx, actor, lo))
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
        title=f"Actor mentions per 1,000 words, by {ctx.by} (count in brackets)",
    )
    text = [
        "Each cell: how often the outlet names the actor, per 1,000 words of its text (all its documents "
        "together), with the number of mentions in brackets. Names, aliases, demonyms, capitals and abbreviations "
        'count ("Islamabad" for Pakistan); the longest name wins ("Pakistani Taliban" is the TTP, not Pakistan).',
        *ctx.shown_note(a),
    ]
    return [Page(name="actor_mentions", title="Who is talked about, by whom", figure=fig, text=text, table=table)]
