"""The comparative report: ``report.pdf``, one PNG per figure, CSV tables, ``report.html``.

:func:`write_report` asks every applicable page builder (see
:mod:`framing.report.base`) for its pages, then writes them. Files are written
to a temporary name and renamed, so an interrupted run never leaves a
half-written report. A builder that fails adds a page saying so (and a
warning) instead of stopping the report.
"""

from __future__ import annotations

import os
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import check_writable_folder, inside, safe_name
from ..progress import Progress
from .base import (
    WITHOUT_ANALYSED_DOCUMENTS,
    Page,
    ReportContext,
    builders_for,
    check_report_group,
    nothing_analysed,
    report_group,
)

if TYPE_CHECKING:
    from ..analysis import Analysis

__all__ = ["Page", "ReportContext", "collect_pages", "write_report"]


def collect_pages(
    a: Analysis,
    ctx: ReportContext,
    render: Callable[[Page], Any] | None = None,
    on_section: Callable[[str], Any] | None = None,
) -> list[Page]:
    """Every page of the report, section by section.

    ``render``: called on each page as soon as its builder has made it, so that a figure can be drawn
    and closed before the next one is made (a corpus of many outlets has many pages of figures; kept
    open together they hold their memory to the end and make matplotlib warn). The pages of a section
    whose builder fails are replaced by one page that says so. When no document could be analysed (all
    skipped or none in English), the sections of results are left out and a page says why. ``on_section``:
    called with each section's name before its pages are made (a progress display).
    """
    pages: list[Page] = []
    nothing = nothing_analysed(a)
    for section, build in builders_for(a.analyzers):
        if nothing is not None and section not in WITHOUT_ANALYSED_DOCUMENTS:
            continue
        got: list[Page] = []
        if on_section is not None:
            on_section(section)
        try:
            for p in build(a, ctx):  # a builder may give its pages one at a time (a generator)
                p.section = p.section or section
                if render is not None:
                    render(p)
                got.append(p)
        except Exception as exc:
            warnings.warn(f"report section {section!r} failed: {exc}", stacklevel=2)
            got = [
                Page(
                    name=f"{section}_error",
                    title=f"{section.title()}: not drawn",
                    section=section,
                    text=[
                        f"This part of the report could not be drawn: {type(exc).__name__}: {exc}",
                        *traceback.format_exception_only(exc),
                    ],
                )
            ]
        pages.extend(got)
        if nothing is not None and section == "overview":
            pages.append(nothing)  # where the sections of results would have begun
    return pages


def _unique_safe_names(pages: list[Page]) -> None:
    """Page names become safe, distinct file stems (names may come from user files)."""
    seen: dict[str, int] = {}
    for p in pages:
        base = safe_name(p.name)
        n = seen.get(base, 0)
        seen[base] = n + 1
        p.name = base if n == 0 else f"{base}_{n + 1}"


def write_report(
    a: Analysis,
    out_dir: str | Path = "framing-report",
    by: str | None = None,
    formats: tuple[str, ...] = ("pdf", "png", "csv", "html"),
    n_boot: int = 1000,
    level: float = 0.95,
    seed: int = 0,
    tables: tuple[str, ...] = ("csv",),
    progress: bool | None = None,
) -> Path:
    """Write the report files into ``out_dir`` and return the folder.

    ``by``: the documents column to compare; by default ``outlet``, or each document on its own when none names
    its outlet and there are at most 30 (:func:`~framing.report.base.report_group`; the title page says so).
    ``progress``: show each section and file as it is made, with the time left (by default only on a
    terminal; a report of thousands of articles takes minutes after the analysis).
    """
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    from ..compare import check_options
    from ..export import save_tables, write_file, write_table
    from ..plots.style import style
    from .excerpts import excerpt_pages
    from .html import write_html
    from .layout import figure_page, render_png, text_pages

    by, note = report_group(a, by)
    a.check_group(by)  # before any file is written: every section would fail on it
    check_report_group(by, a.documents.columns)
    check_options(a, level=level, n_boot=n_boot)
    check_writable_folder(out_dir, "report")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ctx = ReportContext(by=by, out_dir=out, n_boot=n_boot, level=level, seed=seed, note=note)
    with style():

        def draw(p: Page) -> None:
            """Render once (the PNG bytes serve the PDF, the PNG files and the HTML) and free the figure."""
            if p.figure is not None:
                p.png = render_png(p.figure)
                plt.close(p.figure)
                p.figure = None

        files = [f for f in ("pdf", "png", "csv", "html") if f in formats]
        bar = Progress(len(builders_for(a.analyzers)) + len(files), enabled=progress, label="steps", rate=False)
        pages = collect_pages(a, ctx, render=draw, on_section=lambda name: bar.step(f"section {name}"))
        _unique_safe_names(pages)
        pngs = {p.name: p.png for p in pages if p.png is not None}
        if "pdf" in formats:
            bar.step("report.pdf")
            tmp = out / ".report.pdf.tmp"
            # whole A4 pages: the style's "tight" bounding box (right for the figure PNGs) would crop each
            # sheet to its ink, giving pages of every size (a continued page of two excerpts became a strip)
            with (
                plt.rc_context({"savefig.bbox": "standard"}),
                PdfPages(tmp, metadata={"Title": "framing report", "Creator": "framing"}) as pdf,
            ):
                for p in pages:
                    if p.name in pngs:
                        sheets = [figure_page(p.title, pngs[p.name], p.text)]
                    elif p.text or not p.excerpts:
                        sheets = text_pages(p.title, list(p.text))
                    else:
                        sheets = []
                    if p.excerpts:
                        sheets += excerpt_pages(f"{p.title.rstrip('?:.')} — evidence", p.excerpts)
                    for sheet in sheets:
                        pdf.savefig(sheet)
                        plt.close(sheet)
            os.replace(tmp, out / "report.pdf")
        if "png" in formats:
            bar.step("PNG figures")
            for name, data in pngs.items():
                write_file(data, inside(out, f"{name}.png"))
        if "csv" in formats:
            bar.step("tables")
            save_tables(a, out / "tables", formats=tables)
            for p in pages:
                if p.table is not None:
                    (out / "tables").mkdir(exist_ok=True)
                    write_table(p.table, inside(out / "tables", f"page_{p.name}.csv"))
        if "html" in formats:
            bar.step("report.html")
            write_html(a, pages, pngs, out / "report.html", by=by)
        bar.close()
    return out
