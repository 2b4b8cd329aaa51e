"""Methods page: every metric with its formula and citation, and how intervals are made."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import Page, ReportContext
from .references import full_references

if TYPE_CHECKING:
    from ..analysis import Analysis


def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    text = [
        "## How the numbers are made",
        "Texts are cleaned (scraped-page debris removed, run-together words repaired; every edit is logged in "
        "cleaning.csv), split into sentences and words once, and read by each analyzer. Each figure below is a "
        "ratio of sums over sentences or actor mentions, computed the same way for a document, an outlet, an "
        "issue or an actor.",
        f"Intervals: {ctx.level:.0%} percentile bootstrap (Efron & Tibshirani 1993) with {ctx.n_boot:,} replicates, "
        "resampling documents; a group with fewer than 5 documents resamples its sentences or mentions instead, "
        "which understates uncertainty (the tables say which was used). Cells with fewer than 5 sentences or "
        "mentions are flagged as thin evidence.",
        "## Metrics",
    ]
    for m in a.metrics.values():
        line = f"• {m.label} ({m.name}): {m.description}"
        if m.citation:
            line += f" [{m.citation}]"
        text.append(line)
    from .overview import lexicon_rows

    rows = lexicon_rows(a)
    if rows:
        text.append("## Lexicons")
        for name, an, n, version, licence, source in rows:
            text.append(
                f"• {name} ({an}; {n:,} entries{', version ' + version if version else ''}): "
                f"{source or 'source not given'}{'; licence: ' + licence if licence else ''}."
            )
    citations = sorted({m.citation for m in a.metrics.values() if m.citation})
    known, unknown = full_references([*citations, "Efron (1993)"])
    text.append("## References")
    text.extend(f"• {ref}" for ref in known)
    text.append(
        "• Okabe, M., & Ito, K. (2008). Color Universal Design: how to make figures and presentations "
        "that are friendly to colorblind people (the colour palette)."
    )
    text.extend(f"• {c}." for c in unknown)
    return [Page(name="methods", title="Methods, formulas and citations", text=text, section="methods")]
