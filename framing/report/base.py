"""What a report page is, and the registry of page builders.

A page builder is a function ``pages(a: Analysis, ctx: ReportContext) -> list[Page]``.
Each analyzer contributes its pages from its own module
(``framing/report/<analyzer>.py``), registered in :data:`PAGE_BUILDERS`; the
report skips builders whose analyzer did not run or whose module is absent.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..doc_status import analysed
from ..errors import GroupError
from ..periods import is_period

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from ..analysis import Analysis

__all__ = ["PAGE_BUILDERS", "WITHOUT_ANALYSED_DOCUMENTS", "Page", "ReportContext", "builders_for", "nothing_analysed"]


@dataclass
class Page:
    """One page of the report.

    Attributes:
        name: file stem of the figure's PNG ("stance_heatmap").
        title: the page heading.
        figure: a matplotlib Figure (``None`` for text-only pages).
        text: plain-language paragraphs written from the numbers (one string per paragraph).
        table: an optional table shown under the figure in the HTML report and saved as CSV.
        section: the analyzer or part of the report the page belongs to.
        excerpts: highlighted evidence excerpts: ``(caption, html, plain)`` triples.
        png: the figure drawn as PNG bytes, once the report has drawn it (and closed the figure).
    """

    name: str
    title: str
    figure: Figure | None = None
    text: list[str] = field(default_factory=list)
    table: pd.DataFrame | None = None
    section: str = ""
    excerpts: list[tuple[str, str, str]] = field(default_factory=list)
    png: bytes | None = None


@dataclass
class ReportContext:
    """Settings shared by the page builders."""

    by: str = "outlet"
    out_dir: Path = Path("framing-report")
    n_boot: int = 1000
    level: float = 0.95
    seed: int = 0
    max_groups: int = 30
    #: why the report compares by ``by`` when it chose the column itself (see :func:`report_group`)
    note: str = ""
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """``by`` as the figures' titles and the text name it: "document" for ``doc_id``."""
        return "document" if self.by == "doc_id" else self.by

    def shown_groups(self, a: Analysis) -> list[str] | None:
        """The groups a heat map has rows for: when there are more than ``max_groups``, the ``max_groups`` with
        the most documents (ties by name), in alphabetical order; ``None`` when every group fits. (Cutting the
        alphabetical list instead showed "ABC News" to "Daily Mail" of 117 outlets and left out the largest.)"""
        key = "shown_groups"
        if key not in self.cache:
            counts = a.documents[self.by].fillna("").astype(str).value_counts()
            if len(counts) <= self.max_groups:
                self.cache[key] = None
            else:
                ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
                self.cache[key] = sorted(g for g, _ in ranked[: self.max_groups])
        return self.cache[key]

    def shown_note(self, a: Analysis) -> list[str]:
        """The sentence a page adds when its figure shows only :meth:`shown_groups` (none when all fit)."""
        if self.shown_groups(a) is None:
            return []
        n = a.documents[self.by].fillna("").astype(str).nunique()
        return [
            f"The figure has room for {self.max_groups} of the {n:,} values of {self.by}: it shows the "
            f"{self.max_groups} with the most documents; the table of this page has them all."
        ]

    def compare(self, a: Analysis, **kw: Any) -> pd.DataFrame:
        """``a.compare`` with the report's settings, memoised (several pages use the same table)."""
        key = repr(sorted(kw.items()))
        if key not in self.cache:
            self.cache[key] = a.compare(by=self.by, level=self.level, n_boot=self.n_boot, seed=self.seed, **kw)
        return self.cache[key]


def overlap_note(hi: Any, lo: Any) -> str:
    """What a summary adds to "``hi`` has the most, ``lo`` the least" (two rows of a comparison table, or
    mappings with ``ci_low`` and ``ci_high``): a caution when the two groups' intervals
    overlap (``hi``'s lower bound is not above ``lo``'s upper one), so a reader does not take a difference the
    corpus cannot show for a finding; nothing when they do not overlap or an interval is missing."""
    try:
        low, high = float(hi["ci_low"]), float(lo["ci_high"])
    except (KeyError, TypeError, ValueError):
        return ""
    if low != low or high != high or low > high:
        return ""
    return " Their intervals overlap, so this corpus cannot tell the two apart."


def report_group(a: Analysis, by: str | None, max_groups: int = 30) -> tuple[str, str]:
    """The documents column a report compares by, and a sentence saying why when the report chose it.

    ``by`` given: that column. ``None``: ``outlet``, unless no analysed document names its outlet and there are
    1 to ``max_groups`` of them (a class comparing a few articles pasted into text files, or a student's one
    article): then each document is its own group (``doc_id``), rather than one group with no name.
    """
    if by is not None:
        return by, ""
    docs = a.documents
    ok = analysed(docs)
    n = int(ok.sum())
    named = docs.loc[ok, "outlet"].fillna("").astype(str).str.strip().ne("").any() if "outlet" in docs else False
    if named or not 1 <= n <= max_groups:
        return "outlet", ""
    if n == 1:
        return "doc_id", (
            "No document names its outlet, so the one document is shown under its name (its intervals from "
            "resampling its sentences)."
        )
    return "doc_id", (
        f"No document names its outlet, so each of the {n} documents is its own group (its intervals from "
        "resampling its sentences). To compare outlets, give each document its outlet (an outlet column in "
        "metadata.csv), or choose another column with --by (by= in Python)."
    )


def check_report_group(by: str, columns: Iterable[str]) -> None:
    """Raise :class:`~framing.errors.GroupError` when ``by`` is a period of the documents' dates (``"month"``):
    a report's pages compare groups named in a column, and a period is followed over time instead."""
    if is_period(by, columns):
        raise GroupError(
            f"a report compares groups of documents named in a column, and {by!r} is a period of their dates: "
            f"to follow a measure over time, use a.trend(metric, period={by!r}) and framing.plots.plot_trend, "
            "or framing compare --trend on a scored run"
        )


#: section name → (analyzer that must have run, or None) and "module:function".
PAGE_BUILDERS: dict[str, tuple[str | None, str]] = {
    "overview": (None, "framing.report.overview:pages"),
    "actors": (None, "framing.report.actors:pages"),
    "readability": ("readability", "framing.report.readability:pages"),
    "stance": ("stance", "framing.report.stance:pages"),
    "hedging": ("hedging", "framing.report.hedging:pages"),
    "sourcing": ("sourcing", "framing.report.sourcing:pages"),
    "issues": ("issues", "framing.report.issues:pages"),
    "frames": ("frames", "framing.report.frames:pages"),
    "overtime": ("stance", "framing.report.overtime:pages"),
    "distinctive": (None, "framing.report.distinctive:pages"),
    "methods": (None, "framing.report.methods:pages"),
}


def builders_for(analyzers: list[str]) -> list[tuple[str, Callable[..., Iterable[Page]]]]:
    """The page builders that apply to an analysis with these analyzers, in report order."""
    out = []
    for section, (needs, target) in PAGE_BUILDERS.items():
        if needs is not None and needs not in analyzers:
            continue
        module, func = target.split(":")
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                continue
            raise
        out.append((section, getattr(mod, func)))
    return out


#: the sections written when no document could be analysed (they describe the corpus and the method)
WITHOUT_ANALYSED_DOCUMENTS = frozenset({"overview", "methods"})


def nothing_analysed(a: Analysis) -> Page | None:
    """A page saying why there are no results, when no document was analysed (all skipped, or none in English);
    else None. The sections of results would only fail on tables without rows."""
    docs = a.documents
    status = docs["status"].astype(str)
    skipped = status.str.startswith("skipped")
    foreign = ~skipped & docs["language"].astype(str).eq("not English")
    if len(docs) and not (skipped | foreign).all():
        return None
    if len(docs) == 1:
        why = (
            "was skipped (empty, unreadable, or no words left after cleaning)" if skipped.all() else "is not in English"
        )
        text = [
            f"The one document could not be analysed: it {why}, so there is nothing to show. The page 'Documents and "
            "their status' and the table documents.csv give the reason."
        ]
    else:
        text = [
            f"None of the {len(docs):,} documents could be analysed: {int(skipped.sum()):,} skipped (empty, "
            f"unreadable, or no words left after cleaning) and {int(foreign.sum()):,} not in English, so there is "
            "nothing to compare. The page 'Documents and their status' and the table documents.csv give the reason "
            "for each."
        ]
    if not len(docs):
        text = ["The corpus holds no documents, so there is nothing to compare."]
    return Page(name="no_results", title="No results", section="overview", text=text)
