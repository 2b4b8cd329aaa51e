"""Issue pages: outlet × issue coverage, one page per issue comparing outlets on it, and the thin ones together.

Coverage is the share of a group's sentences on an issue
(:func:`framing.issues.coverage`, with bootstrap intervals). Each issue with
enough text gets a page: its coverage per group, the headline measure of each
other analyzer restricted to the issue's sentences (``a.compare(...,
issue=...)``), the frames used when writing about it, and an example sentence
per group with the issue's keywords highlighted. Issues with too little text
are listed together on one page, so a file with many issues keeps the report
short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..plots.common import plot_compare
from ..plots.issues import plot_coverage, plot_frame_profile
from ..plots.style import PALETTE, wrap
from ..wording import count
from .base import Page, ReportContext, overlap_note

if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Protocol

    from ..analysis import Analysis
    from ..analyzers.base import Metric
    from ..issues import IssueSet

    class _Share(Protocol):
        """A row of the coverage table, as ``itertuples`` gives it (the columns read here)."""

        group: object
        issue: str
        value: float

    class _Total(Protocol):
        """A row of :func:`_totals`, as ``itertuples`` gives it."""

        issue: str
        label: str
        sentences: int
        documents: int


#: An issue needs this many sentences in the whole corpus for a page of its own.
MIN_ISSUE_SENTENCES = 8
#: At most this many issue pages; the other issues are listed together.
MAX_ISSUE_PAGES = 12
#: Frames shown per issue page.
TOP_FRAMES = 5
#: Example sentences per issue page.
MAX_EXCERPTS = 3


def _issue_set(a: Analysis) -> IssueSet | None:
    iset = getattr(a.pipeline, "issues", None)
    if iset is not None:
        return iset
    for an in a.pipeline.analyzers:
        if an.name == "issues":
            return getattr(an, "issues", None)
    return None


def _coverage(a: Analysis, ctx: ReportContext) -> pd.DataFrame:
    key = "issues:coverage"
    if key not in ctx.cache:
        from ..issues import coverage

        ctx.cache[key] = coverage(a, by=ctx.by, level=ctx.level, n_boot=ctx.n_boot, seed=ctx.seed)
    return ctx.cache[key]


def _labels(iset: IssueSet) -> dict[str, str]:
    return {i.name: i.display for i in iset}


def _totals(a: Analysis, iset: IssueSet) -> pd.DataFrame:
    """Per issue: sentences, documents and groups where it appears."""
    s = a.sentences
    rows = []
    for i in iset:
        on = s["issues"].map(lambda v, n=i.name: isinstance(v, (list, tuple)) and n in v)
        sub = s[on]
        rows.append(
            {
                "issue": i.name,
                "label": i.display,
                "sentences": int(on.sum()),
                "documents": int(sub["doc_id"].nunique()),
            }
        )
    return pd.DataFrame(rows)


def _groups_of(a: Analysis, by: str) -> pd.Series:
    docs = a.documents
    return pd.Series(docs[by].fillna("").astype(str).to_numpy(), index=docs["doc_id"].to_numpy())


def summary(a: Analysis, ctx: ReportContext) -> list[str]:
    iset = _issue_set(a)
    if iset is None or not len(iset):
        return [
            "No issues were defined, so nothing is compared issue by issue. Give an issue file (--issues) or let "
            "IssueSet.discover(corpus) propose issues to edit."
        ]
    cov = _coverage(a, ctx)
    labels = _labels(iset)
    totals = _totals(a, iset).sort_values("sentences", ascending=False)
    n_sent = int(a.sentences["issue_counted"].fillna(0).sum()) if "issue_counted" in a.sentences else len(a.sentences)
    if totals["sentences"].sum() == 0:
        return ["None of the issues' keywords were found in the texts: check the issue file against a few articles."]
    top = totals.iloc[0]
    lines = [
        f"The most discussed issue is {top['label']}: {int(top['sentences']):,} sentences, "
        f"{top['sentences'] / max(n_sent, 1):.0%} of all the text, in {int(top['documents'])} of "
        f"{len(a.documents)} documents."
    ]
    sub = cov[(cov["issue"] == top["issue"])].dropna(subset=["value"]).sort_values("value")
    if len(sub) > 1 and sub["value"].iloc[-1] > sub["value"].iloc[0]:
        hi, lo = sub.iloc[-1], sub.iloc[0]
        lines.append(
            f"{hi['group']} gives it the largest share of its text ({hi['value']:.0%}), {lo['group']} the "
            f"smallest ({lo['value']:.0%}).{overlap_note(hi, lo)}"
        )
    # each group's own main issue, when they differ; otherwise what comes after the shared one
    ranked = cov.dropna(subset=["value"]).sort_values(["group", "value"], ascending=[True, False])
    best = ranked.groupby("group").head(1)
    if len(best) <= 8:
        if best["issue"].nunique() > 1:
            parts = [
                f"{r.group}: {labels.get(r.issue, r.issue)} ({r.value:.0%})"
                for r in cast("Iterator[_Share]", best.itertuples())
            ]
            lines.append("Each group's most covered issue — " + "; ".join(parts) + ".")
        elif len(best) > 1:
            second = ranked.groupby("group").nth(1)
            parts = [
                f"{r.group} on {labels.get(r.issue, r.issue)} ({r.value:.0%})"
                for r in cast("Iterator[_Share]", second.itertuples())
                if r.value > 0
            ]
            lines.append(
                "It is every group's most covered issue. Next, each writes most about: " + "; ".join(parts) + "."
                if parts
                else "It is every group's most covered issue."
            )
    unused = totals[totals["sentences"] == 0]["label"].tolist()
    if unused:
        lines.append("Issues never raised: " + ", ".join(unused) + ".")
    return lines


def _coverage_page(a: Analysis, ctx: ReportContext, iset: IssueSet) -> Page:
    cov = _coverage(a, ctx)
    labels = _labels(iset)
    keep = ctx.shown_groups(a)
    shown = cov if keep is None else cov[cov["group"].astype(str).isin(keep)]
    n_groups = shown["group"].nunique()
    n_issues = len(iset)
    fig, ax = plt.subplots(
        figsize=(min(17, 1.25 * n_issues + 4.5), min(11, 0.55 * min(n_groups, 30) + 2.6)), layout="constrained"
    )
    plot_coverage(shown, ax=ax, labels=labels, title=f"Share of each {ctx.label}'s sentences on each issue")
    text = [
        f"Each cell: the share of the {ctx.label}'s sentences (all its documents together) that are on the issue"
        + (", with the number of sentences in brackets" if n_groups <= 12 else " (sentence counts in the table)")
        + ". A sentence is on an issue when it contains the issue's "
        "keywords (see the issue file); it can be on several issues or none, so rows need not add up to 100%.",
        *ctx.shown_note(a),
    ]
    table = cov[["group", "issue", "value", "ci_low", "ci_high", "n", "n_docs", "resampled", "thin"]].rename(
        columns={"value": "share", "n": "sentences"}
    )
    return Page(
        name="issue_coverage", title="Which issues each outlet writes about", figure=fig, text=text, table=table
    )


def _measures(a: Analysis) -> list[Metric]:
    """The headline (first) metric of each analyzer other than issues and frames, at most three."""
    out: list[Metric] = []
    seen: set[str] = set()
    for m in a.metrics.values():
        if m.analyzer in ("issues", "frames") or m.analyzer in seen:
            continue
        seen.add(m.analyzer)
        out.append(m)
    return out[:3]


def _issue_keys(a: Analysis, issue: str) -> pd.DataFrame:
    s = a.sentences
    on = s["issues"].map(lambda v: isinstance(v, (list, tuple)) and issue in v)
    return s[on]


def _frames_in_issue(a: Analysis, sub: pd.DataFrame, groups: pd.Series) -> pd.DataFrame | None:
    from ..analyzers.frames import FRAME_KEYS, FRAME_NAMES

    cols = [f"frame_{k}" for k in FRAME_KEYS.values()]
    if not set(cols) <= set(sub.columns) or sub.empty:
        return None
    g = sub["doc_id"].map(groups)
    counted = sub["frame_counted"].fillna(0).astype(float)
    # pandas-stubs: groupby takes an ExtensionArray (what .values gives for a string column) like an ndarray
    num = sub[cols].fillna(0).astype(float).groupby(g.values).sum()  # type: ignore[arg-type]
    den = counted.groupby(g.values).sum().replace(0, np.nan)  # type: ignore[arg-type]
    shares = num.div(den, axis=0)
    overall = num.sum() / max(float(den.sum()), 1.0)
    ranked = overall.sort_values(ascending=False).index[:TOP_FRAMES]
    top = [c for c in ranked if overall[c] > 0]
    if not top:
        return None
    names = {f"frame_{k}": FRAME_NAMES[f] for f, k in FRAME_KEYS.items()}
    return shares[top].rename(columns=names)


def _excerpts(a: Analysis, sub: pd.DataFrame, groups: pd.Series, issue: str, order: list[str]) -> list[tuple]:
    ev = a.evidence
    ev = ev[(ev["analyzer"] == "issues") & (ev["category"] == f"issue:{issue}")]
    if ev.empty:
        return []
    hits = ev.groupby(["doc_id", "sentence_id"]).size()
    out = []
    for g in order:
        cand = sub[sub["doc_id"].map(groups) == g]
        if cand.empty:
            continue
        keys = list(zip(cand["doc_id"], cand["sentence_id"]))
        score = [hits.get(k, 0) for k in keys]
        best = int(np.argmax(score))
        row = cand.iloc[best]
        h = a.explain(row["doc_id"], analyzers=["issues"]).excerpt(int(row["start"]), int(row["end"]))
        out.append((f"{g} — {h.title}", h.to_html(), f"{g}: “{str(h.text).strip()}”"))
        if len(out) >= MAX_EXCERPTS:
            break
    return out


def _issue_page(a: Analysis, ctx: ReportContext, iset: IssueSet, issue: str, k: int) -> Page:
    label = iset[issue].display
    cov = _coverage(a, ctx)
    cov_i = cov[cov["issue"] == issue]
    groups = _groups_of(a, ctx.by)
    sub = _issue_keys(a, issue)
    panels: list[tuple[str, pd.DataFrame, str]] = [("Coverage", cov_i, "% of the group's sentences")]
    mentions = a.mentions
    for m in _measures(a):
        actor = None
        if m.table == "mentions" and m.per_actor:
            keys = set(zip(sub["doc_id"], sub["sentence_id"]))
            ms = mentions[[x in keys for x in zip(mentions["doc_id"], mentions["sentence_id"])]]
            if ms.empty:
                continue
            actor = ms["actor"].value_counts().index[0]
        t = ctx.compare(a, metric=m.name, issue=issue, actor=actor)
        if t["value"].notna().sum() == 0:
            continue
        title = m.label + (f" — {actor}" if actor else "")
        panels.append((title, t, m.unit or ""))
    frames = _frames_in_issue(a, sub, groups)
    n_groups = max(cov_i["group"].nunique(), 1)
    n_cols = len(panels) + (1 if frames is not None else 0)
    width = min(18, 4.6 * len(panels) + (1.4 * frames.shape[1] + 3 if frames is not None else 0))
    fig = plt.figure(figsize=(max(width, 8), max(3.4, 0.45 * min(n_groups, 30) + 2.2)), layout="constrained")
    ratios = [1.0] * len(panels) + ([0.25 * frames.shape[1] + 0.6] if frames is not None else [])
    gs = fig.add_gridspec(1, n_cols, width_ratios=ratios)
    order = cov_i.sort_values("value")["group"].tolist()
    first = None
    for j, (title, t, unit) in enumerate(panels):
        ax = fig.add_subplot(gs[0, j], sharey=first) if first is not None else fig.add_subplot(gs[0, j])
        first = first or ax
        t = t.set_index("group").reindex(order).reset_index()
        plot_compare(t, ax=ax, sort=False, colour=PALETTE[j % len(PALETTE)], title=None, xlabel=unit)
        ax.set_title(wrap(title, 26), loc="left", fontsize="medium")
        if j == 0:
            ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        else:
            ax.tick_params(labelleft=False)
        if j < len(panels) - 1:
            for txt in list(ax.texts):
                txt.remove()  # the n= labels once, on the last panel
    if frames is not None:
        ax = fig.add_subplot(gs[0, len(panels)])
        frames = frames.reindex(order[::-1])
        plot_frame_profile(frames, ax=ax, title="Frames used on this issue", label_width=18)
    total = len(sub)
    n_docs = sub["doc_id"].nunique()
    text = [
        f"{count(total, 'sentence')} in {count(n_docs, 'document')} {'is' if total == 1 else 'are'} on {label}. Left: the share of each {ctx.label}'s "
        f"sentences on it, with {ctx.level:.0%} bootstrap intervals; then each measure computed on this issue's "
        "sentences only (hollow dots: fewer than 5 sentences or mentions behind the value)"
        + (
            "; right: the share of these sentences that use each of the most common frames."
            if frames is not None
            else "."
        ),
    ]
    table = pd.concat([p[1] for p in panels], ignore_index=True)
    page = Page(
        name=f"issue_{k:02d}_{iset[issue].slug}"[:60],
        title=f"Issue: {label}",
        figure=fig,
        text=text,
        table=table,
    )
    page.excerpts = _excerpts(a, sub, groups, issue, order[::-1])
    return page


def _thin_page(a: Analysis, ctx: ReportContext, thin: pd.DataFrame, cov: pd.DataFrame) -> Page:
    text = [
        f"These issues have too little text for a page of their own (fewer than {MIN_ISSUE_SENTENCES} sentences "
        f"in the whole corpus, or beyond the {MAX_ISSUE_PAGES} issues with the most text). Their sentence counts "
        f"per {ctx.label}:",
    ]
    wide = cov[cov["issue"].isin(thin["issue"])].pivot(index="issue", columns="group", values="n").fillna(0).astype(int)
    for r in cast("Iterator[_Total]", thin.itertuples()):
        per = wide.loc[r.issue] if r.issue in wide.index else pd.Series(dtype=int)
        nz = ", ".join(f"{g} {int(n)}" for g, n in per.items() if n) or "none"
        docs = f"{int(r.documents)} document{'s' if r.documents != 1 else ''}"
        text.append(f"• {r.label}: {int(r.sentences)} sentences in {docs} ({nz}).")
    table = thin[["issue", "sentences", "documents"]].reset_index(drop=True)
    return Page(name="issues_thin", title="Issues with little text", text=text, table=table)


def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    iset = _issue_set(a)
    if iset is None or not len(iset):
        return [
            Page(
                name="issues",
                title="Issues",
                text=[
                    "No issues were defined for this corpus, so there is no issue-by-issue comparison. Write an "
                    "issue file (see seeds/issues.yaml for the format) and pass it with --issues, or let "
                    "framing.IssueSet.discover(corpus, k=8) propose issues, edit them and save them with to_yaml().",
                ],
            )
        ]
    out = [_coverage_page(a, ctx, iset)]
    totals = _totals(a, iset).sort_values("sentences", ascending=False, kind="stable")
    big = totals[totals["sentences"] >= MIN_ISSUE_SENTENCES].head(MAX_ISSUE_PAGES)
    for k, issue in enumerate(big["issue"], start=1):
        out.append(_issue_page(a, ctx, iset, issue, k))
    thin = totals[~totals["issue"].isin(big["issue"])]
    if len(thin):
        out.append(_thin_page(a, ctx, thin, _coverage(a, ctx)))
    return out
