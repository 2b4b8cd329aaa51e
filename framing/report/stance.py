"""Stance pages: the outlet × actor heat map with intervals, and the evidence sentences behind each cell."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, cast

import matplotlib.pyplot as plt
import pandas as pd

from ..plots.stance import plot_stance_heatmap
from .base import Page, ReportContext, overlap_note

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Protocol

    from ..analysis import Analysis

    class _Word(Protocol):
        """A row of the stance evidence, as ``itertuples`` gives it (the columns read here)."""

        text: str
        weight: float
        note: str


MAIN_ACTORS = 6  # actors shown in the heat map (most mentioned first)
EVIDENCE_ACTORS = 4  # actors whose cells get evidence pages
PER_CELL = 2  # strongest sentences per outlet × actor
METRIC = "stance_mean"


def _table(a: Analysis, ctx: ReportContext) -> pd.DataFrame:
    t = ctx.compare(a, metric=METRIC)
    return t.dropna(subset=["actor"])


def _main_actors(t: pd.DataFrame, k: int) -> list[str]:
    if t.empty:
        return []
    return t.groupby("actor")["n"].sum().sort_values(ascending=False).index[:k].tolist()


def summary(a: Analysis, ctx: ReportContext) -> list[str]:
    """Plain sentences written from the numbers: who is most negative or positive about whom."""
    if a.mentions.empty or "stance" not in a.mentions.columns:
        return []
    t = _table(a, ctx)
    t = t[(t["n"] >= 3) & t["value"].notna()]
    lines: list[str] = []
    for actor in _main_actors(t, 3):
        sub = t[t["actor"] == actor].sort_values("value")
        if sub.empty:
            continue
        lo = sub.iloc[0]
        if len(sub) == 1:
            lines.append(
                f"{lo['group'] or 'The texts'} {'is' if lo['group'] else 'are'} {_word(lo['value'])} about {actor} "
                f"(mean stance {lo['value']:+.2f}, {int(lo['n'])} mentions)."
            )
            continue
        hi = sub.iloc[-1]
        # "the most positive" of two negative means would mislead a class: the least negative
        lo_word = "the most negative" if lo["value"] < 0 else "the least positive"
        hi_word = "the most positive" if hi["value"] > 0 else "the least negative"
        lines.append(
            f"{lo['group']} is {lo_word} about {actor} (mean {lo['value']:+.2f}, {int(lo['n'])} mentions); "
            f"{hi['group']} {hi_word} (mean {hi['value']:+.2f}, {int(hi['n'])} mentions).{overlap_note(hi, lo)}"
        )
    m = a.mentions
    if "quoted" in m.columns and len(m):
        share = float(m["quoted"].astype(bool).mean())
        if share > 0:
            lines.append(
                f"{share:.0%} of actor mentions take their stance from quoted words rather than the outlet's own."
            )
    return lines


def _word(v: float) -> str:
    if v <= -0.2:
        return "negative"
    if v >= 0.2:
        return "positive"
    return "close to neutral"


def _evidence_excerpts(a: Analysis, actors: list[str], groups: list[str], by: str) -> list[tuple[str, str, str]]:
    """The strongest sentences for each outlet × actor: sentences ranked by the summed |contribution| to that actor."""
    ev = a.evidence
    ev = ev[(ev["analyzer"] == "stance") & ev["actor"].isin(actors)]
    if ev.empty:
        return []
    docs = a.documents.set_index("doc_id")
    group_of = docs[by].fillna("").astype(str) if by in docs.columns else pd.Series("", index=docs.index)
    ev = ev.assign(group=ev["doc_id"].map(group_of), strength=ev["weight"].abs())
    sentences = a.sentences.set_index(["doc_id", "sentence_id"])
    mentions = a.mentions
    out: list[tuple[str, str, str]] = []
    doc_id: str
    sid: int
    for actor in actors:
        for g in groups:
            sub = ev[(ev["actor"] == actor) & (ev["group"] == g)]
            if sub.empty:
                continue
            ranked = (
                sub.groupby(["doc_id", "sentence_id"])
                .agg(strength=("strength", "sum"), net=("weight", "sum"))
                .sort_values("strength", ascending=False)
                .head(PER_CELL)
            )
            for doc_id, sid in ranked.index:
                try:
                    # a (document, sentence) key is one sentence: a Series of its start and end
                    s, e = cast(pd.Series, sentences.loc[(doc_id, sid), ["start", "end"]])
                except KeyError:
                    continue
                ms = mentions[
                    (mentions["doc_id"] == doc_id) & (mentions["sentence_id"] == sid) & (mentions["actor"] == actor)
                ]
                stance = ", ".join(f"{v:+.2f}" for v in ms["stance"]) if "stance" in ms.columns else ""
                caption = f"{g} on {actor} — stance {stance} (document {doc_id}, sentence {int(sid) + 1})"
                h = a.explain(doc_id, analyzers=["stance"]).excerpt(int(s), int(e))
                keep = [x for x in h.spans if x[2] == "actor" or x[3].endswith(f"→ {actor}") or f"→ {actor} ·" in x[3]]
                seen: set[tuple[int, int, str]] = set()
                spans = []
                for x in keep:
                    if (x[0], x[1], x[2]) not in seen:
                        seen.add((x[0], x[1], x[2]))
                        spans.append(x)
                h.spans = spans
                plain_body = str(h).split("\n\n", 1)[-1].replace("\n", " ")
                words = sub[(sub["doc_id"] == doc_id) & (sub["sentence_id"] == sid)]
                strongest = words.sort_values("strength", ascending=False).head(4)
                because = "; ".join(
                    f"{w.text} {w.weight:+.2f}{' (' + w.note + ')' if w.note else ''}"
                    for w in cast("Iterator[_Word]", strongest.itertuples())
                )
                plain = f"• {caption}: “{plain_body}” — {because}"
                body = _html_body(h)
                out.append((caption, body + f'<p class="caption">{html.escape(because)}</p>', plain))
    return out


def _html_body(h) -> str:
    from ..explain import LEGEND_CSS

    full = h.to_html()
    # keep the style and text, drop the per-excerpt heading
    start = full.find('<div class="fr-legend">')
    return f"<style>{LEGEND_CSS}</style>" + (full[start:] if start >= 0 else full)


def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    if a.mentions.empty or "stance" not in a.mentions.columns:
        return [
            Page(
                name="stance",
                title="Stance toward actors",
                text=["No actor mentions were found, so no stance could be measured. Pass an actor file (--actors)."],
            )
        ]
    t = _table(a, ctx)
    actors = _main_actors(t, MAIN_ACTORS)
    shown = t[t["actor"].isin(actors)]
    keep = ctx.shown_groups(a)
    groups = sorted(g for g in shown["group"].astype(str).unique() if keep is None or g in keep)
    fig, ax = plt.subplots(
        figsize=(min(16, 1.7 * len(actors) + 4), min(11, 0.95 * len(groups) + 2.4)), layout="constrained"
    )
    plot_stance_heatmap(
        shown[shown["group"].astype(str).isin(groups)],
        ax=ax,
        actors=actors,
        title=f"Mean stance toward the most mentioned actors, by {ctx.label}",
    )
    level = f"{ctx.level:.0%}"
    text = [
        "Each cell: the mean stance of the outlet's mentions of the actor (−1 most negative, +1 most positive), "
        f"± half the {level} bootstrap interval, and n mentions (left out when the cells are too small for a second "
        "line: the table of this page has them all); hatched cells have too few mentions to compare "
        "(thin). Stance comes from the evaluative words that apply to each mention: negation, contrast, who does "
        "what to whom, possessives and quotations are taken into account (framing's stance rules; VADER's lexicon "
        "and our own conflict and politics lexicons).",
        *ctx.shown_note(a),
        *summary(a, ctx),
    ]
    table = t[["group", "actor", "value", "ci_low", "ci_high", "n", "n_docs", "thin"]].rename(
        columns={"value": "mean_stance"}
    )
    heat = Page(name="stance_heatmap", title="How each outlet portrays each actor", figure=fig, text=text, table=table)
    ev_actors = actors[:EVIDENCE_ACTORS]
    excerpts = _evidence_excerpts(a, ev_actors, groups, ctx.by)
    out = [heat]
    if excerpts:
        out.append(
            Page(
                name="stance_evidence",
                title="Stance: the evidence behind each cell",
                text=[
                    f"For each {ctx.label} and each of the {len(ev_actors)} most mentioned actors, the "
                    f"{PER_CELL} sentences whose words weigh most in the actor's stance. Negative words are "
                    "marked −{…}, positive +{…}, the actor […]; each line ends with the contributing words, their "
                    "signed weight and the rule applied."
                ],
                excerpts=excerpts,
            )
        )
    return out
