"""Sourcing pages: each group's sourcing profile, and who is quoted by whom."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import matplotlib.pyplot as plt
import pandas as pd

from ..analyzers.sourcing_speakers import ANONYMOUS, DOCUMENT, NAMED, OFFICIAL, PERSONAL, SOURCE_TYPES, UNIDENTIFIED
from ..periods import group_labels
from ..plots.common import fit_groups
from ..plots.sourcing import plot_intervals, plot_source_mix, plot_who_speaks
from ..plots.style import PALETTE
from .base import Page, ReportContext, overlap_note

if TYPE_CHECKING:
    from ..analysis import Analysis

#: how the summary names each kind of source, in the plural
_SOURCE_PHRASES = {
    NAMED: "named people",
    OFFICIAL: "officials or institutions",
    DOCUMENT: "documents or reports",
    ANONYMOUS: "unnamed or vague sources",
    PERSONAL: "the writer or the reader ('I', 'we', 'you')",
    UNIDENTIFIED: "quotations whose speaker was not identified",
}


def source_mix_sentence(counts: pd.Series) -> str:
    """One sentence on who the attributions go to, from the number of attributions per source type
    (any order): "Across all texts, 43% of the 88 attributions go to officials or institutions, 27% to
    unnamed or vague sources and 20% to documents or reports", largest first; types with none are left out."""
    counts = counts[counts > 0].sort_values(ascending=False, kind="stable")
    total = int(counts.sum())
    parts = [
        f"{n / total:.0%} {'of the ' + format(total, ',') + ' attributions go ' if k == 0 else ''}"
        f"to {_SOURCE_PHRASES.get(str(kind), str(kind).replace('/', ' or ') + ' sources')}"
        for k, (kind, n) in enumerate(counts.items())
    ]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Across all texts, {listed}."


TYPE_METRICS = {
    "named person": "named_share",
    "official/institution": "official_share",
    "document/report": "document_share",
    "anonymous/vague": "anonymous_share",
    "first/second person": "personal_share",
    "unidentified": "unidentified_share",
}
METRICS = (
    "attributions_per_1000",
    "loaded_share",
    "direct_share",
    "own_voice_share",
    *TYPE_METRICS.values(),
    "source_type_diversity",
)
TOP_SOURCES = 12


def _attributions(a: Analysis, ctx: ReportContext | None = None) -> pd.DataFrame:
    """The attributions table (built once per report: every page of this section reads it)."""
    if ctx is not None and "attributions" in ctx.cache:
        return ctx.cache["attributions"]
    try:
        att = a.table("attributions")
    except KeyError:
        att = pd.DataFrame()
    if ctx is not None:
        ctx.cache["attributions"] = att
    return att


def source_label(row: pd.Series | dict) -> str:
    """Who speaks, for counting: the actor, else the name, else the kind of unnamed source."""
    if row.get("source_actor"):
        return str(row["source_actor"])
    stype = row.get("source_type", "")
    if stype in ("named person", "official/institution") and row.get("source") and row.get("resolved") != "pronoun":
        if str(row.get("source_text", "")).lower() in ("he", "she", "it", "they", "we", "i", "you", "who"):
            return "(unresolved pronoun)"
        return str(row["source"])
    if stype == "document/report":
        return "(documents and reports)"
    if stype == PERSONAL:
        return "(the writer or reader: I, we, you)"
    if row.get("kind") == "direct" and not row.get("source"):
        return "(speaker not identified)"
    return "(unnamed or vague sources)"


def _full_names(labels: pd.Series) -> dict[str, str]:
    """Label → label, with a one-word name mapped to the most frequent longer name ending in it in the corpus
    ("Trump" → "Donald Trump" when some text names him in full)."""
    counts = labels.value_counts()
    longest: dict[str, tuple[int, str]] = {}
    for name, n in counts.items():
        parts = str(name).split()
        if len(parts) >= 2 and not str(name).startswith("("):
            best = longest.get(parts[-1])
            if best is None or n > best[0]:
                longest[parts[-1]] = (int(n), str(name))
    return {
        str(name): (longest[str(name)][1] if " " not in str(name) and str(name) in longest else str(name))
        for name in counts.index
    }


_LABEL_FIELDS = ("source_actor", "source_type", "source", "resolved", "source_text", "kind")


def _groups_of(a: Analysis, by: str, doc_ids: pd.Series) -> pd.Series:
    """The group (:func:`~framing.periods.group_labels`: the value of ``by``, also ``doc_id`` itself) of each
    document id, as text."""
    docs = a.documents
    if by not in docs.columns:
        return pd.Series("", index=doc_ids.index, dtype=object)
    return doc_ids.astype(str).map(dict(zip(docs["doc_id"].astype(str), group_labels(docs, by)))).fillna("")


def _who_counts(a: Analysis, by: str, att: pd.DataFrame) -> tuple[pd.Series, pd.Index]:
    """Attributions per (group, source), only the pairs that occur, and the sources most quoted first.

    Counted sparse: a large corpus has ~100 outlets and tens of thousands of sources, and a table of
    every outlet × every source (then melted back to pairs) took gigabytes.
    """
    groups = _groups_of(a, by, att["doc_id"])
    fields = [f for f in _LABEL_FIELDS if f in att.columns]
    who = pd.Series([source_label(r) for r in att[fields].to_dict("records")], index=att.index, dtype=object)
    who = who.map(_full_names(who))
    counts = pd.DataFrame({by: groups.to_numpy(), "source": who.to_numpy()}).groupby([by, "source"]).size()
    # most quoted first; sources in alphabetical order before the (unstable) sort, as pd.crosstab had them
    totals = counts.groupby(level="source").sum().sort_index()
    order = totals.sort_values(ascending=False).index
    return counts, order


def _report_who_counts(a: Analysis, ctx: ReportContext, att: pd.DataFrame) -> tuple[pd.Series, pd.Index]:
    """:func:`_who_counts` once per report (the summary and the page both read it)."""
    key = f"who_counts:{ctx.by}"
    if key not in ctx.cache:
        ctx.cache[key] = _who_counts(a, ctx.by, att)
    return ctx.cache[key]


def _wide(counts: pd.Series, groups: pd.Index, sources: pd.Index) -> pd.DataFrame:
    """The counts of these groups (rows) and sources (columns), zeros where a pair does not occur."""
    kept = counts[counts.index.get_level_values("source").isin(sources)]
    return kept.unstack("source", fill_value=0).reindex(index=groups, columns=sources, fill_value=0).astype(int)


def who_by_whom(a: Analysis, by: str) -> pd.DataFrame:
    """Attribution counts: one row per group, one column per source (most quoted first)."""
    att = _attributions(a)
    if att.empty:
        return pd.DataFrame()
    counts, order = _who_counts(a, by, att)
    return _wide(counts, counts.index.get_level_values(by).unique().sort_values(), order)


def _value(t: pd.DataFrame, metric: str, group: str | None = None) -> float:
    sub = t[t["metric"] == metric]
    if group is not None:
        sub = sub[sub["group"] == group]
    return float(sub["value"].iloc[0]) if len(sub) else math.nan


def _solid(t: pd.DataFrame, metric: str) -> pd.DataFrame:
    """A metric's rows with a value and enough evidence to be named in a sentence (sorted by value)."""
    sub = t[(t["metric"] == metric)].dropna(subset=["value"])
    solid = sub[~sub["thin"].astype(bool) & (sub["n_docs"] >= 3)]
    return (solid if len(solid) else sub).sort_values("value")


def summary(a: Analysis, ctx: ReportContext) -> list[str]:
    t = ctx.compare(a, metric=list(METRICS))
    att = _attributions(a, ctx)
    if att.empty:
        return ["No quotation, reported speech or cited source was found: the texts speak in their own voice."]
    lines = []
    dens = _solid(t, "attributions_per_1000")
    if len(dens) == 1:
        g = dens.iloc[0]
        lines.append(f"The texts attribute {g['value']:.1f} statements per 1,000 words to a source.")
    elif len(dens) > 1:
        hi, lo = dens.iloc[-1], dens.iloc[0]
        lines.append(
            f"{hi['group']} attributes the most to sources ({hi['value']:.1f} quotations, reported statements and "
            f"citations per 1,000 words); {lo['group']} the fewest ({lo['value']:.1f}), speaking more in its own "
            f"voice.{overlap_note(hi, lo)}"
        )
    counts = att["source_type"].value_counts()
    total = int(counts.sum())
    if total:
        lines.append(source_mix_sentence(counts))
    internal = int((att["kind"] == "internal_state").sum()) if "kind" in att.columns else 0
    if internal and len(att):
        lines.append(
            f"{internal / len(att):.0%} of the attributions ascribe a belief, feeling, intention or position to a source "
            "('wants', 'fears', 'is confident that', 'backed') rather than report what it said or wrote."
        )
    anon = _solid(t, "anonymous_share")
    if len(anon) > 1 and anon["value"].iloc[-1] > 0:
        lines.append(
            f"{anon.iloc[-1]['group']} leans most on unnamed or vague sources ({anon.iloc[-1]['value']:.0%} of its "
            f"attributions), {anon.iloc[0]['group']} least ({anon.iloc[0]['value']:.0%})."
            + overlap_note(anon.iloc[-1], anon.iloc[0])
        )
    varied = _solid(t, "source_type_diversity")
    if len(varied) > 1 and varied["value"].iloc[-1] > varied["value"].iloc[0]:
        hi, lo = varied.iloc[-1], varied.iloc[0]
        lines.append(
            f"{hi['group']} draws on the most varied kinds of source: two of its attributions picked at random have "
            f"sources of different types {hi['value']:.0%} of the time, against {lo['value']:.0%} for {lo['group']}."
        )
    loaded = _solid(t, "loaded_share")
    if len(loaded) and loaded["value"].max() > 0:
        g = loaded.iloc[-1]
        verbs = att[att["loaded"].astype(bool)]["cue"].value_counts().head(3).index.tolist()
        lines.append(
            f"Loaded reporting verbs ({', '.join(verbs) or 'claimed, admitted'}) rather than neutral ones (said, told) "
            f"introduce {g['value']:.0%} of {g['group']}'s reported statements"
            + (f", against {loaded.iloc[0]['value']:.0%} for {loaded.iloc[0]['group']}." if len(loaded) > 1 else ".")
        )
    counts, order = _report_who_counts(a, ctx, att)
    named = [c for c in order if not str(c).startswith("(")]
    if named:
        c = named[0]
        of_c = counts.xs(c, level="source")
        n_all = counts.index.get_level_values(ctx.by).nunique()
        lines.append(
            f"The most quoted or cited source is {c} ({int(of_c.sum()):,} attributions, in {len(of_c)} of "
            f"{n_all} {'documents' if ctx.by == 'doc_id' else ctx.by + ' groups'})."
        )
    return lines


def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    t = ctx.compare(a, metric=list(METRICS))
    att = _attributions(a, ctx)
    return [_profile_page(a, ctx, t, att), _who_page(a, ctx, att)]


def _profile_page(a: Analysis, ctx: ReportContext, t: pd.DataFrame, att: pd.DataFrame) -> Page:
    dens = t[t["metric"] == "attributions_per_1000"].copy()
    dens["value"] = dens["value"].fillna(0.0)
    ranked = dens.sort_values("value")["group"].astype(str).tolist()
    kept, left_out = fit_groups(ranked[::-1], ctx.max_groups)
    order = [g for g in ranked if g in set(kept)]
    shares = (
        t[t["metric"].isin(TYPE_METRICS.values())]
        .pivot_table(index="group", columns="metric", values="value", dropna=False)
        .rename(columns={v: k for k, v in TYPE_METRICS.items()})
    )
    shares.index = shares.index.astype(str)
    counts = t[t["metric"] == "named_share"].set_index(t[t["metric"] == "named_share"]["group"].astype(str))["n"]
    n_att = (
        att.groupby(_groups_of(a, ctx.by, att["doc_id"])).size()
        if not att.empty and ctx.by in a.documents.columns
        else counts * 0
    )
    height = max(3.4, 0.5 * len(order) + 2.4)
    fig, axes = plt.subplots(
        1, 3, figsize=(16, height), sharey=True, layout="constrained", gridspec_kw={"width_ratios": [2.3, 1.2, 1.2]}
    )
    plot_source_mix(shares, ax=axes[0], counts=n_att, order=order, title="Who is the source?")
    plot_intervals(
        dens, order, ax=axes[1], colour=PALETTE[0], xlabel="per 1,000 words", title="Attributions per 1,000 words"
    )
    plot_intervals(
        t[t["metric"] == "loaded_share"],
        order,
        ax=axes[2],
        colour=PALETTE[3],
        xlabel="share of reporting verbs",
        title="Loaded reporting verbs",
        percent=True,
    )
    axes[0].set_yticklabels([g if len(g) <= 24 else g[:23] + "…" for g in order])
    level = f"{ctx.level:.0%}"
    text = [
        "Left: whom each outlet's quotations, reported statements, 'according to' phrases and citations are "
        "attributed to (named people; officials and institutions; documents and reports; unnamed or vague sources "
        "such as 'officials' or 'analysts'; the writer or the reader, 'I', 'we', 'you', as in columns; quotations "
        "whose speaker was not identified). Middle: attributions per 1,000 words; lines are "
        f"{level} bootstrap intervals resampling documents (hollow dots: thin evidence). Right: the share of "
        "reporting verbs that are loaded (claimed, alleged, insisted, admitted, conceded, slammed) rather than "
        "neutral (said, told, stated)." + (f" Not shown: {left_out}; every group is in the table." if left_out else ""),
    ]
    table = t[t["metric"].isin(METRICS)].reset_index(drop=True)
    return Page(
        name="sourcing_profile",
        title="Sourcing profile: who gets to speak in each outlet",
        figure=fig,
        text=text,
        table=table,
    )


def _who_page(a: Analysis, ctx: ReportContext, att: pd.DataFrame) -> Page:
    if att.empty:
        return Page(
            name="sourcing_who",
            title="Who is quoted by whom",
            text=["No attribution was found, so there is no one to list."],
        )
    counts, order = _report_who_counts(a, ctx, att)
    cols = order[:TOP_SOURCES]
    rows = counts.groupby(level=ctx.by).sum().sort_values(ascending=False).index[: ctx.max_groups]
    shown = _wide(counts, rows, cols)
    fig, ax = plt.subplots(
        figsize=(min(16, 1.15 * len(cols) + 4), min(11, 0.55 * len(shown) + 2.6)), layout="constrained"
    )
    plot_who_speaks(shown, ax=ax, title=f"Attributions by {ctx.label} and source (the {len(cols)} most frequent)")
    text = [
        "Each cell counts the attributions an outlet gives to a source: an actor of the actor file, a named person "
        "or institution (a surname is resolved to the full name used earlier in the text), or, in brackets, "
        "unnamed sources, documents and quotations whose speaker was not identified. The full table is in "
        "tables/sourcing_who.csv.",
    ]
    n_groups = counts.index.get_level_values(ctx.by).nunique()
    if n_groups > len(rows):
        text.append(
            f"The figure has room for {len(rows)} of the {n_groups:,} values of {ctx.label} with attributions: it shows "
            f"the {len(rows)} with the most; the table of this page has them all."
        )
    # every (group, source) pair: groups in order, most attributions first, ties by how quoted the source is overall
    rank = pd.Series(range(len(order)), index=order)
    long = counts.rename("attributions").reset_index()
    long["_rank"] = long["source"].map(rank).to_numpy()
    long = long.sort_values([ctx.by, "attributions", "_rank"], ascending=[True, False, True]).drop(columns="_rank")
    long = long.reset_index(drop=True)
    return Page(
        name="sourcing_who",
        title="Who is quoted by whom",
        figure=fig,
        text=text,
        table=long,
        excerpts=_excerpts(a, att),
    )


def _excerpts(a: Analysis, att: pd.DataFrame, pad: int = 160) -> list[tuple[str, str, str]]:
    """One highlighted example each of a loaded verb, an unnamed source and a document cited as a source."""
    if att.empty:
        return []
    out = []
    picks = (
        ("A loaded reporting verb", att[att["loaded"].astype(bool)]),
        ("An unnamed or vague source", att[(att["source_type"] == "anonymous/vague") & (att["source_start"] >= 0)]),
        ("A document cited as a source", att[att["source_type"] == "document/report"]),
        ("A direct quotation", att[(att["kind"] == "direct") & (att["source"] != "")]),
    )
    for caption, rows in picks:
        if rows.empty:
            continue
        r = rows.iloc[0]
        spans = [(int(r[s]), int(r[e])) for s, e in (("cue_start", "cue_end"), ("source_start", "source_end"))]
        spans = [x for x in spans if x[0] >= 0]
        if not spans:
            spans = [(int(r["content_start"]), int(r["content_end"]))]
        text = a.text(r["doc_id"])
        start = min(s for s, _ in spans)
        end = max(e for _, e in spans)
        # whole words around the evidence: back to a space before, on to a space after
        lo = text.rfind(" ", 0, max(0, start - pad)) + 1
        hi = text.find(" ", min(len(text), end + pad))
        hi = len(text) if hi < 0 else hi
        h = a.explain(r["doc_id"]).excerpt(lo, hi, 0)
        who = r["source"] or "speaker not identified"
        cap = f"{caption}: {who} ({r['cue'] or r['kind']}) — {r['outlet'] or r['doc_id']}"
        out.append((cap, h.to_html(), f"{cap}: “{str(h.text).strip()}”"))
    return out


__all__ = ["SOURCE_TYPES", "pages", "source_label", "summary", "who_by_whom"]
