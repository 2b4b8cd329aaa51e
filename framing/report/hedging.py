"""Hedging pages: hedges against boosters per group, the cues behind them, and hedging around each actor."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import matplotlib.pyplot as plt
import pandas as pd

from ..compare import THIN_ROWS
from ..plots.common import fit_groups, plot_compare, plot_heatmap
from ..plots.hedging import CUE_TYPE_ORDER, plot_cue_types, plot_hedges_boosters
from ..plots.style import NEUTRAL
from .base import Page, ReportContext, overlap_note

if TYPE_CHECKING:
    from ..analysis import Analysis

METRICS = ("hedges_per_1000", "boosters_per_1000", "hedged_share", "certainty_index", "own_voice_plain_share")
#: Show every cue sentence on the cue page when the corpus has at most this many.
ALL_SENTENCES_MAX = 80
TOP_ACTORS = 12
#: how an excerpt's caption names its sentence's class (``hedge_class``)
_CLASS_PHRASES = {
    "hedged": "a hedged sentence",
    "boosted": "a boosted sentence",
    "both": "a sentence both hedged and boosted",
    "plain": "a plain sentence",
}


# ---------------------------------------------------------------------- data


def _groups(a: Analysis, ctx: ReportContext) -> dict[str, str]:
    docs = a.documents
    col = docs[ctx.by] if ctx.by in docs.columns else pd.Series([""] * len(docs))
    return dict(zip(docs["doc_id"], col.fillna("").astype(str)))


def _evidence(a: Analysis, ctx: ReportContext) -> pd.DataFrame:
    ev = a.evidence
    ev = ev[(ev["analyzer"] == "hedging") & ~ev["note"].astype(str).str.contains("not counted", regex=False)].copy()
    ev["group"] = ev["doc_id"].map(_groups(a, ctx))
    ev["type"] = ev["category"].map(lambda c: c.split("/")[0] if c.startswith(("booster", "prescription")) else c)
    return ev


def _counted_sentences(a: Analysis, ctx: ReportContext) -> pd.DataFrame:
    s = a.sentences
    s = s[s["hg_sentence"] == 1]
    return s.assign(group=s["doc_id"].map(_groups(a, ctx)))  # (no second copy of the filtered rows, as .copy() made)


def _plain(highlight: Any) -> str:
    """The marked-up text of a highlight excerpt without its title and legend lines."""
    return str(highlight).split("\n\n", 1)[-1].replace("\n", " ").strip()


def _excerpt(a: Analysis, cache: dict[str, Any], row: Any, caption: str) -> tuple[str, str, str]:
    doc = str(row.doc_id)
    if doc not in cache:
        cache[doc] = a.explain(doc, analyzers=["hedging"])
    part = cache[doc].excerpt(int(row.start), int(row.end))
    return caption, part.to_html(), f"{caption}: {_plain(part)}"


def _describe(row: Any) -> str:
    bits = []
    if row.n_hedges:
        bits.append(f"{int(row.n_hedges)} hedge{'s' if row.n_hedges != 1 else ''}")
    if row.n_boosters:
        bits.append(f"{int(row.n_boosters)} booster{'s' if row.n_boosters != 1 else ''}")
    if row.n_prescriptions:
        bits.append(f"{int(row.n_prescriptions)} prescription{'s' if row.n_prescriptions != 1 else ''}")
    voice = "attributed to a source" if row.attributed else "the outlet's own voice"
    return f"{', '.join(bits) or 'no cue'}; certainty {row.certainty:+.1f}; {voice}"


def driving_sentences(
    a: Analysis, ctx: ReportContext, per_group: int | None = None, groups: list[str] | None = None
) -> list[tuple[str, Any]]:
    """For each group, its most hedged and most boosted sentences: ``(group, sentence row)`` pairs.

    Sentences are ranked by their certainty score (most negative first for
    hedges, most positive first for boosters), then by the number of cues.
    ``groups``: the groups to cover (default all, in alphabetical order).
    """
    s = _counted_sentences(a, ctx)
    groups = sorted(s["group"].unique()) if groups is None else list(groups)
    s = s[(s["hedged"] == 1) | (s["boosted"] == 1)]  # only these can be chosen: each group's loop reads fewer rows
    if per_group is None:
        per_group = 3 if len(groups) <= 8 else 2 if len(groups) <= 15 else 1
    out: list[tuple[str, Any]] = []
    for g in groups:
        sg = s[s["group"] == g]
        hedged = sg[sg["hedged"] == 1].assign(k=lambda d: -d["n_hedges"]).sort_values(["certainty", "k"])
        boosted = (
            sg[sg["boosted"] == 1]
            .assign(k=lambda d: -d["n_boosters"])
            .sort_values(["certainty", "k"], ascending=[False, True])
        )
        if per_group == 1:
            either = sg[(sg["hedged"] == 1) | (sg["boosted"] == 1)]
            chosen = either.assign(k=lambda d: -d["certainty"].abs()).sort_values("k").head(1)
        else:
            top_boosted = boosted.head(1)
            chosen = pd.concat([hedged.head(per_group - len(top_boosted)), top_boosted])
        out.extend((g, r) for r in chosen.itertuples(index=False))
    return out


# ---------------------------------------------------------------------- summary
def _names(names: list[str], most: int = 3) -> str:
    """ "A", "A and B", "A, B and C", "A, B, C and 2 others"."""
    if len(names) > most:
        return f"{', '.join(names[:most])} and {len(names) - most} others"
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def summary(a: Analysis, ctx: ReportContext) -> list[str]:
    t = ctx.compare(a, metric=list(METRICS)).dropna(subset=["value"])
    h = t[t["metric"] == "hedges_per_1000"].sort_values("value")
    if h.empty:
        return []
    b = t[t["metric"] == "boosters_per_1000"].set_index("group")["value"]
    plain = t[t["metric"] == "own_voice_plain_share"].sort_values("value")
    top, low = h.iloc[-1], h.iloc[0]
    if len(h) == 1:
        lines = [
            f"The texts use {top['value']:.1f} hedges and {b.get(top['group'], float('nan')):.1f} boosters per "
            "1,000 words."
        ]
    else:
        lines = [
            f"{top['group']} hedges the most ({top['value']:.1f} hedges per 1,000 words, interval "
            f"{top['ci_low']:.1f}–{top['ci_high']:.1f}) and {low['group']} the least ({low['value']:.1f}, "
            f"{low['ci_low']:.1f}–{low['ci_high']:.1f})."
        ]
        bb = t[t["metric"] == "boosters_per_1000"].sort_values("value")
        if len(bb) and bb["value"].iloc[-1] > 0:
            low_value = bb["value"].iloc[0]
            least_groups = bb[bb["value"] == low_value]["group"].tolist()
            least = _names(least_groups)
            if low_value == 0:
                tail = f"{least} {'use' if len(least_groups) > 1 else 'uses'} none."
            else:
                tail = f"{least} the fewest ({low_value:.1f})."
            lines.append(
                f"{bb.iloc[-1]['group']} uses the most boosters (clearly, no doubt, in fact: "
                f"{bb.iloc[-1]['value']:.1f} per 1,000 words); {tail}{overlap_note(bb.iloc[-1], bb.iloc[0])}"
            )
        elif len(bb):
            lines.append("No group uses a booster (clearly, no doubt, in fact).")
        overlap = top["ci_low"] <= low["ci_high"]
        if overlap:
            lines.append(
                "The intervals of the most and least hedging groups overlap, so this corpus cannot tell them apart "
                "with confidence."
            )
    if len(plain):
        hi, lo = plain.iloc[-1], plain.iloc[0]
        if len(plain) == 1:
            lines.append(f"{hi['value']:.0%} of sentences are bare assertions in the outlet's own voice.")
        else:
            lines.append(
                f"Bare assertions in the outlet's own voice (no hedge, no booster, no source) make up "
                f"{hi['value']:.0%} of the sentences of {hi['group']} and {lo['value']:.0%} of those of {lo['group']}."
                + overlap_note(hi, lo)
            )
    return lines  # a line that opens with a group keeps its name as written ("npr.org", not "Npr.org")


# ---------------------------------------------------------------------- pages
def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    out = [_overview_page(a, ctx), _cues_page(a, ctx)]
    actors = _actors_page(a, ctx)
    if actors is not None:
        out.append(actors)
    return out


def _overview_page(a: Analysis, ctx: ReportContext) -> Page:
    t = ctx.compare(a, metric=list(METRICS))
    n_groups = max(1, t["group"].nunique())
    fig, axes = plt.subplots(
        1,
        2,
        figsize=(14, max(3.4, 0.5 * min(n_groups, 30) + 2.2)),
        sharey=True,
        layout="constrained",
        gridspec_kw={"width_ratios": [3, 2]},
    )
    plot_hedges_boosters(t, ax=axes[0])
    axes[0].set_title("Hedges and boosters per 1,000 words", loc="left")
    order = t[t["metric"] == "hedges_per_1000"].sort_values("value", na_position="first")["group"].tolist()
    sub = t[t["metric"] == "own_voice_plain_share"].set_index("group").reindex(order).reset_index()
    plot_compare(sub, ax=axes[1], sort=False, colour=NEUTRAL, title="Bare assertions, own voice")
    for txt in list(axes[1].texts):
        if "not shown" in txt.get_text():
            txt.remove()  # said once, under the left panel
    axes[1].set_xlabel("share of sentences")
    axes[1].xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    level = f"{ctx.level:.0%}"
    text = [
        f"Dots: each group's rate over all its documents; lines: {level} bootstrap intervals (hollow: thin "
        "evidence). Hedges: may, might, likely, appear, believe, reportedly, if, whether … after ruling out look-alikes "
        "('May' the month, 'could not' of inability, 'talks about'); boosters: clearly, no doubt, in fact, proves.",
        "Right: sentences with no hedge, booster, prescription or source — claims the outlet makes flatly in its own "
        "voice. The highlighted sentences after this page are those that weigh most on each group's position.",
    ]
    cache: dict[str, Any] = {}
    excerpts = []
    ranked = t[t["metric"] == "hedges_per_1000"].dropna(subset=["value"]).sort_values("value", ascending=False)
    shown, _ = fit_groups(ranked["group"].astype(str).tolist(), ctx.max_groups)
    for g, row in driving_sentences(a, ctx, groups=shown):
        excerpts.append(
            _excerpt(
                a,
                cache,
                row,
                f"{g} — {_CLASS_PHRASES.get(row.hedge_class, 'a sentence')} ({_describe(row)}) · {row.doc_id}",
            )
        )
    table = t[t["metric"].isin(METRICS)].reset_index(drop=True)
    return Page(
        name="hedging",
        title="How firmly does each outlet state its claims?",
        figure=fig,
        text=text,
        table=table,
        excerpts=excerpts,
    )


def _cues_page(a: Analysis, ctx: ReportContext) -> Page:
    ev = _evidence(a, ctx)
    s = _counted_sentences(a, ctx)
    words = s.groupby("group")["hg_words"].sum()
    counts = ev.groupby(["group", "type"]).size().unstack(fill_value=0) if len(ev) else pd.DataFrame()
    counts = counts.reindex(words.index, fill_value=0)
    rates = counts.div(words.replace(0, float("nan")), axis=0) * 1000
    fig, ax = plt.subplots(figsize=(13, max(3.2, 0.5 * min(len(rates), 30) + 2.0)), layout="constrained")
    if rates.shape[1]:
        plot_cue_types(rates, ax=ax)
    else:
        ax.text(0.5, 0.5, "no hedge or booster found", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    ax.set_title(f"Which kinds of cue, by {ctx.label}", loc="left")
    labels = dict(CUE_TYPE_ORDER)
    if len(ev):
        ev = ev.assign(cue=ev["text"].str.lower(), attributed=ev["note"].astype(str).str.contains("quoted|attributed"))
        table = (
            ev.groupby(["group", "category", "cue"])
            .agg(n=("cue", "size"), in_quotes_or_reported=("attributed", "sum"), documents=("doc_id", "nunique"))
            .reset_index()
            .sort_values(["group", "n"], ascending=[True, False])
        )
        table["kind"] = table["category"].map(lambda c: labels.get(c, labels.get(c.split("/")[0], c)))
        table = table.rename(columns={"group": ctx.by})
    else:
        table = pd.DataFrame(columns=[ctx.by, "category", "cue", "n", "in_quotes_or_reported", "documents", "kind"])
    text = [
        "Every cue counted, by type (bars: per 1,000 words of running text). The table lists each cue word per "
        f"{ctx.label} with how often it occurs and how often inside quoted or reported speech; tables/hedging_cues.csv "
        "has every row and evidence.csv every occurrence with its offsets and the rule's note.",
    ]
    excerpts = []
    cue_sentences = s[(s["n_hedges"] + s["n_boosters"] + s["n_prescriptions"]) > 0]
    if 0 < len(cue_sentences) <= ALL_SENTENCES_MAX:
        text.append(f"All {len(cue_sentences)} sentences with a cue follow, by {ctx.label}.")
        cache: dict[str, Any] = {}
        for row in cue_sentences.sort_values(["group", "doc_id", "sentence_id"]).itertuples(index=False):
            excerpts.append(_excerpt(a, cache, row, f"{row.group} · {row.doc_id} ({_describe(row)})"))
    return Page(
        name="hedging_cues",
        title="The words behind the hedging figures",
        figure=fig,
        text=text,
        table=table.reset_index(drop=True),
        excerpts=excerpts,
    )


def _actors_page(a: Analysis, ctx: ReportContext) -> Page | None:
    if a.mentions.empty or "hg_first" not in a.mentions.columns:
        return None
    t = ctx.compare(a, metric="actor_hedged_share").dropna(subset=["value"])
    if t.empty:
        return None
    n_by_actor = t.groupby("actor")["n"].sum().sort_values(ascending=False)
    actors = n_by_actor.index[:TOP_ACTORS].tolist()
    t = t[t["actor"].isin(actors)]
    n_by_group = t.groupby("group")["n"].sum().sort_values(ascending=False)
    groups = sorted(n_by_group.index[: ctx.max_groups].tolist())
    value = t.pivot_table(index="group", columns="actor", values="value", aggfunc="first").reindex(groups)[actors]
    n = t.pivot_table(index="group", columns="actor", values="n", aggfunc="first").reindex(groups)[actors]
    shown = value.where(n >= THIN_ROWS)  # too few sentences: left blank, the count still shown
    annot = shown.map(lambda v: "" if v != v else f"{v:.0%}") + n.map(lambda k: "" if k != k else f"\n({int(k)})")
    fig, ax = plt.subplots(
        figsize=(min(16, 1.15 * len(actors) + 4.5), min(11, 0.6 * len(value) + 2.4)), layout="constrained"
    )
    finite = shown.max().max()
    plot_heatmap(
        shown,
        ax=ax,
        annot=annot,
        cmap="Oranges",
        vmin=0,
        vmax=max(0.5, float(finite)) if finite == finite else 1.0,
        cbar_label="hedged share",
        title=f"Hedged share of the sentences that mention each actor, by {ctx.label} (sentences in brackets)",
    )
    left_out = len(n_by_group) - len(groups)
    text = [
        "Each cell: among the running-text sentences of the group that mention the actor (each sentence once), the "
        f"share that carry a hedge. A high share means claims about the actor are made tentatively. Cells with fewer "
        f"than {THIN_ROWS} sentences are left blank; a.compare(metric='hedged_share', actor=...) gives intervals.",
    ]
    if left_out > 0:
        text.append(f"Shown: the {len(groups)} groups with the most such sentences ({left_out} more in the table).")
    return Page(
        name="hedging_actors",
        title="How tentatively is each actor written about?",
        figure=fig,
        text=text,
        table=t.reset_index(drop=True),
    )
