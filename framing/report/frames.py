"""Frame pages: each outlet's frame profile, and the frames its articles are built around.

The profile is the share of a group's sentences that use each of the 14
generic frames (metric ``frame_share_<key>``, with bootstrap intervals in the
table). The second view counts documents: the share of a group's documents
whose assigned frames (``frame_labels``) include each frame. Example
sentences show the cues of each group's most distinctive frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pandas as pd

from ..analyzers.frames import FRAME_KEYS, FRAME_NAMES, FRAMES
from ..doc_status import analysed
from ..plots.issues import plot_frame_profile
from .base import Page, ReportContext

if TYPE_CHECKING:
    from ..analysis import Analysis

_METRICS = [f"frame_share_{k}" for k in FRAME_KEYS.values()]
_NAME_OF_METRIC = {f"frame_share_{k}": FRAME_NAMES[f] for f, k in FRAME_KEYS.items()}
MAX_EXCERPTS = 4


def _profile(a: Analysis, ctx: ReportContext) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(tidy compare table, groups × frames matrix of shares)``, frames ordered by overall use."""
    t = ctx.compare(a, metric=_METRICS)
    m = t.pivot(index="group", columns="metric", values="value")
    sent = a.sentences
    cols = [f"frame_{k}" for k in FRAME_KEYS.values()]
    overall = sent[cols].fillna(0).sum() / max(float(sent["frame_counted"].fillna(0).sum()), 1.0)
    order = [f"frame_share_{c[len('frame_') :]}" for c in overall.sort_values(ascending=False).index]
    m = m.reindex(columns=order).rename(columns=_NAME_OF_METRIC)
    return t, m


def _doc_profile(a: Analysis, ctx: ReportContext) -> pd.DataFrame:
    docs = a.documents
    docs = docs[analysed(docs)]
    groups = docs[ctx.by].fillna("").astype(str)
    rows = {}
    for f in FRAMES:
        has = docs["frame_labels"].fillna("").astype(str).map(lambda v, f=f: f in [x.strip() for x in v.split(",")])
        rows[FRAME_NAMES[f]] = has.groupby(groups.values).mean()
    return pd.DataFrame(rows)


def summary(a: Analysis, ctx: ReportContext) -> list[str]:
    _, m = _profile(a, ctx)
    if m.empty or m.isna().all().all():
        return []
    overall = m.mean(axis=0).sort_values(ascending=False)
    if not overall.max() > 0:
        return ["No sentence uses any of the 14 frames (no cue word of the frame lexicon was found)."]
    top = [f for f in overall.index[:3]]
    lines = [
        "The frames used most are: "
        + "; ".join(f"{f.lower()} ({overall[f]:.0%} of a group's sentences on average)" for f in top)
        + ".",
    ]
    if len(m) > 1:
        spread = (m.max(axis=0) - m.min(axis=0)).sort_values(ascending=False)
        f = spread.index[0]
        col = m[f].dropna()
        if len(col) > 1 and spread.iloc[0] > 0:
            lines.append(
                f"The groups differ most on the {f.lower()} frame: {col.idxmax()} uses it in {col.max():.0%} of its "
                f"sentences, {col.idxmin()} in {col.min():.0%}."
            )
        if len(m) <= 8:
            parts = []
            for g in m.index:
                others = m.drop(index=g).mean(axis=0)
                diff = (m.loc[g] - others).dropna()
                if diff.empty or diff.max() < 0.03:
                    continue
                f = diff.idxmax()
                parts.append(
                    f"{g} uses the {f.lower()} frame more than the others ({m.loc[g, f]:.0%} of its sentences, {others[f]:.0%} on average)"
                )
            if parts:
                lines.append("; ".join(parts) + ".")
    return lines


def _excerpts(a: Analysis, ctx: ReportContext, m: pd.DataFrame) -> list[tuple[str, str, str]]:
    """For up to four groups, a sentence using the frame that group leans on most (relative to the others)."""
    if m.empty:
        return []
    rel = m.div(m.mean(axis=0).replace(0, float("nan")), axis=1)
    ev = a.evidence
    ev = ev[ev["analyzer"] == "frames"]
    docs = a.documents
    groups = pd.Series(docs[ctx.by].fillna("").astype(str).to_numpy(), index=docs["doc_id"].to_numpy())
    name_to_label = {FRAME_NAMES[f]: f for f in FRAMES}
    out = []
    for g in rel.index[:MAX_EXCERPTS]:
        row = rel.loc[g].dropna()
        if row.empty:
            continue
        frame = name_to_label[row.idxmax()]
        e = ev[(ev["category"] == f"frame:{frame}") & (ev["doc_id"].map(groups) == g)]
        if e.empty:
            continue
        best = e.groupby(["doc_id", "sentence_id"]).size().idxmax()
        s = a.sentences
        srow = s[(s["doc_id"] == best[0]) & (s["sentence_id"] == best[1])].iloc[0]
        h = a.explain(best[0], analyzers=["frames"]).excerpt(int(srow["start"]), int(srow["end"]))
        caption = f"{g} — {FRAME_NAMES[frame].lower()} frame ({h.title})"
        out.append((caption, h.to_html(), f"{g} ({FRAME_NAMES[frame].lower()}): “{str(h.text).strip()}”"))
    return out


def _shown(m: pd.DataFrame, keep: list[str] | None) -> pd.DataFrame:
    return m if keep is None else m[m.index.astype(str).isin(keep)]


def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    t, m = _profile(a, ctx)
    keep = ctx.shown_groups(a)
    m = _shown(m, keep)
    n_groups = len(m)
    fig, ax = plt.subplots(
        figsize=(min(18, 1.05 * m.shape[1] + 5), min(11, 0.55 * min(n_groups, 30) + 2.8)), layout="constrained"
    )
    plot_frame_profile(m, ax=ax, title=f"Share of each {ctx.label}'s sentences using each frame")
    text = [
        "The 14 generic frames of the Media Frames Corpus (Card et al. 2015), found by a lexicon written for "
        "framing: a sentence uses a frame when it contains a cue word of the frame (or two weak cues). Frames are "
        "ordered by overall use; a sentence can use several frames. On SemEval-2023 news articles the lexicon "
        "method finds an article's annotated frames with micro-F1 0.67 (see the README).",
        *ctx.shown_note(a),
    ]
    profile = Page(
        name="frame_profile",
        title="How each outlet frames its stories",
        figure=fig,
        text=text,
        table=t.reset_index(drop=True),
    )
    profile.excerpts = _excerpts(a, ctx, m)
    whole = _doc_profile(a, ctx).reindex(columns=list(m.columns))
    d = _shown(whole, keep)
    fig2, ax2 = plt.subplots(
        figsize=(min(18, 1.05 * d.shape[1] + 5), min(11, 0.55 * min(len(d), 30) + 2.8)), layout="constrained"
    )
    plot_frame_profile(
        d,
        ax=ax2,
        title=f"Share of each {ctx.label}'s documents built around each frame",
        cmap="Greens",
        cbar_label="% of the group's documents",
    )
    text2 = [
        "A document is built around a frame when the frame is among its five most used, in at least two sentences "
        "and 8% of them — the rule scored on SemEval-2023 (documents table: frame_labels). Compare with the "
        "previous page: a frame can run through every article in a few sentences, or dominate a few articles.",
        *ctx.shown_note(a),
    ]
    docs_page = Page(
        name="frame_documents",
        title="Which frames each outlet's articles are built around",
        figure=fig2,
        text=text2,
        table=(whole * 1.0).reset_index().rename(columns={"index": ctx.by}),
    )
    return [profile, docs_page]
