"""Title page, plain-language summary, and the account of every input document."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

import pandas as pd

from .. import __version__
from ..wording import count
from .base import PAGE_BUILDERS, Page, ReportContext, nothing_analysed

if TYPE_CHECKING:
    from ..analysis import Analysis


def lexicon_rows(a: Analysis) -> list[tuple[str, str, int, str, str, str]]:
    """(lexicon, analyzer, entries, version, licence, source) of every lexicon the analyzers use."""
    rows = []
    seen = set()
    for an in a.pipeline.analyzers:
        for lex in an.lexicons():
            key = (lex.name, lex.meta.get("version"))
            if key in seen:
                continue
            seen.add(key)
            meta = lex.meta
            rows.append(
                (lex.name, an.name, len(lex), meta.get("version", ""), meta.get("licence", ""), meta.get("source", ""))
            )
    return rows


def _lexicon_lines(a: Analysis) -> list[str]:
    rows = lexicon_rows(a)
    if not rows:
        return ["• none"]
    return [
        f"• {name} ({an}): {n:,} entries" + (f", version {v}" if v else "") + (f", {lic.split(';')[0]}" if lic else "")
        for name, an, n, v, lic, _ in rows
    ] + ["Sources of every lexicon: see the methods page."]


_SECTION_TITLES = {
    "actors": "Who is talked about",
    "distinctive": "Distinctive words",
    "stance": "Stance toward actors",
    "hedging": "Hedging and assertion",
    "sourcing": "Who gets to speak",
    "issues": "Issues",
    "frames": "Frames",
    "overtime": "Over time",
}


def title_page(a: Analysis, ctx: ReportContext) -> Page:
    docs = a.documents
    status = docs["status"].astype(str).str.split(":").str[0]
    n_ok, n_warn, n_skip = (int((status == s).sum()) for s in ("ok", "warning", "skipped"))
    groups = docs[ctx.by].fillna("").astype(str) if ctx.by in docs else pd.Series([""] * len(docs))
    per_group = groups.value_counts()
    dates = pd.to_datetime(docs.get("date", pd.Series(dtype=str)), errors="coerce").dropna()
    date_range = f"{dates.min():%d %b %Y} to {dates.max():%d %b %Y}" if len(dates) else "not given"
    cleaner = a.pipeline.cleaner
    actors = a.pipeline.actors
    issues = a.pipeline.issues
    text = [
        "## Corpus",
        f"{a.corpus.name or 'corpus'}: {count(len(docs), 'document')} ({n_ok:,} analysed without problems, "
        f"{n_warn:,} with warnings, {n_skip:,} skipped), {int(docs['n_words'].sum()):,} words after cleaning; "
        f"dates: {date_range}.",
        f"Compared by {ctx.label if ctx.by == 'doc_id' else repr(ctx.by)}: {count(len(per_group), 'group')} — "
        + ", ".join(f"{g or '(none)'} ({n})" for g, n in per_group.head(12).items())
        + (" …" if len(per_group) > 12 else "")
        + "."
        + (f" {ctx.note}" if ctx.note else ""),
        "## Settings",
        "Analyzers: " + (", ".join(repr(an) for an in a.pipeline.analyzers) or "none") + ".",
        f"Cleaning: {cleaner!r}.",
        f"Actors: {len(actors) if actors else 0} ({actors.source if actors and actors.source else 'none'}).",
        f"Issues: {len(issues) if issues is not None else 0} ({getattr(issues, 'source', '') or 'none'}).",
        f"Intervals: {ctx.level:.0%} percentile bootstrap, {ctx.n_boot:,} replicates, seed {ctx.seed}.",
        "## Lexicons",
        *_lexicon_lines(a),
        f"framing {__version__}. Every number in this report can be traced to the words behind it: see the tables "
        "folder (evidence.csv, mentions.csv) and a.explain(doc_id) in Python.",
    ]
    return Page(name="title", title=f"framing report: {a.corpus.name or 'corpus'}", text=text, section="overview")


def summary_page(a: Analysis, ctx: ReportContext) -> Page:
    nothing = nothing_analysed(a)
    if nothing is not None:  # no section has anything to say: saying "no quotation was found" would mislead
        return Page(name="summary", title="Summary in plain words", text=list(nothing.text), section="overview")
    paras: list[str] = []
    for section, (needs, target) in PAGE_BUILDERS.items():
        if needs is not None and needs not in a.analyzers:
            continue
        module = target.split(":")[0]
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        fn = getattr(mod, "summary", None)
        if fn is None:
            continue
        try:
            lines = fn(a, ctx)
        except Exception as exc:
            lines = [f"({section}: summary not available: {exc})"]
        if lines:
            paras.append(f"## {_SECTION_TITLES.get(section, section.title())}")
            paras.extend(lines)
    if not paras:
        paras = ["No analyzer produced a summary."]
    return Page(name="summary", title="Summary in plain words", text=paras, section="overview")


def accounting_page(a: Analysis, ctx: ReportContext) -> Page:
    docs = a.documents
    clean = a.cleaning
    n_edits = clean.groupby("doc_id").size() if len(clean) else pd.Series(dtype=int)
    table = pd.DataFrame(
        {
            "doc_id": docs["doc_id"],
            ctx.by: docs.get(ctx.by, ""),
            "words": docs["n_words"],
            "cleaning edits": docs["doc_id"].map(n_edits).fillna(0).astype(int),
            "status": docs["status"],
        }
    )
    problems = table[~table["status"].astype(str).eq("ok")]
    text = [
        f"Every input document is accounted for: {len(docs):,} in, {count(len(docs), 'row')} in documents.csv.",
        (
            "1 document has a warning or was skipped"
            if len(problems) == 1
            else f"{len(problems):,} documents have a warning or were skipped"
        )
        + (":" if len(problems) else "."),
    ]
    for row in problems.head(25).itertuples(index=False):
        text.append(f"• {row.doc_id}: {row.status}")
    if len(problems) > 25:
        text.append(f"… and {len(problems) - 25:,} more (see documents.csv).")
    if len(clean):
        by_rule = clean["reason"].str.split(r"[:(,]").str[0].str.strip().value_counts()
        text.append("## Cleaning")
        text.append(
            "Removed or repaired before analysis (the raw text is kept; see cleaning.csv for offsets): "
            + "; ".join(f"{r} ({n})" for r, n in by_rule.items())
            + "."
        )
    return Page(name="document_status", title="Documents and their status", text=text, table=table, section="overview")


def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    return [title_page(a, ctx), summary_page(a, ctx), accounting_page(a, ctx)]
