"""Report pages for issues and frames: the coverage heatmap, a page per issue, frame profiles, plain-language summaries."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import framing
from framing.issues import IssueSet
from framing.report import frames as frames_report
from framing.report import issues as issues_report
from framing.report.base import ReportContext
from framing.seeds import seed_issues


@pytest.fixture(scope="module")
def ctx():
    return ReportContext(n_boot=50)


def _close(pages):
    for p in pages:
        if p.figure is not None:
            plt.close(p.figure)


def test_issue_pages_on_the_seeds(seed_analysis, ctx):
    pages = issues_report.pages(seed_analysis, ctx)
    try:
        names = [p.name for p in pages]
        assert names[0] == "issue_coverage"
        heat = pages[0]
        assert heat.figure is not None
        assert set(heat.table["issue"]) == set(seed_issues().names)
        per_issue = [p for p in pages if p.name.startswith("issue_0") or p.name.startswith("issue_1")]
        # every issue with at least MIN_ISSUE_SENTENCES sentences has its own page
        s = seed_analysis.sentences
        big = [i.name for i in seed_issues() if s["issues"].map(lambda v, n=i.name: n in v).sum() >= 8]
        assert len(per_issue) == len(big) >= 5
        militancy = next(p for p in per_issue if "militancy" in p.title)
        assert militancy.figure is not None
        assert militancy.excerpts and all("fr-issue" in html for _, html, _ in militancy.excerpts)
        assert {"coverage", "flesch_reading_ease"} <= set(militancy.table["metric"])
        thin = [p for p in pages if p.name == "issues_thin"]
        assert len(thin) == (1 if len(big) < len(seed_issues()) else 0)
    finally:
        _close(pages)


def test_issue_summary_speaks_from_the_numbers(seed_analysis, ctx):
    lines = issues_report.summary(seed_analysis, ctx)
    assert lines[0].startswith("The most discussed issue is militancy and safe havens")
    assert any("largest share" in line for line in lines)


def test_many_issues_keep_the_report_short(seeds, ctx):
    words = ["border", "trade", "water", "india", "talks", "aid", "refugees", "weapons", "dams", "fencing"]
    words += ["visa", "ceasefire", "sanctuary", "crossings", "drone"]
    many = IssueSet.from_dict({f"issue {k}": [w] for k, w in enumerate(words)})
    a = framing.analyze(seeds, issues=many, analyzers=["issues"], actors=False)
    pages = issues_report.pages(a, ReportContext(n_boot=20))
    try:
        per_issue = [p for p in pages if p.name.startswith("issue_") and p.name != "issue_coverage"]
        assert len(per_issue) <= issues_report.MAX_ISSUE_PAGES
        thin = next(p for p in pages if p.name == "issues_thin")
        assert len(thin.table) == len(many) - len(per_issue)
    finally:
        _close(pages)


def test_no_issues_gives_a_page_that_says_how(seeds, ctx):
    a = framing.analyze(seeds.head(2), issues=False, analyzers=["issues"], actors=False)
    pages = issues_report.pages(a, ctx)
    assert len(pages) == 1 and pages[0].figure is None
    assert "--issues" in pages[0].text[0]
    assert "No issues were defined" in issues_report.summary(a, ctx)[0]


def test_frame_pages(seed_analysis, ctx):
    pages = frames_report.pages(seed_analysis, ctx)
    try:
        assert [p.name for p in pages] == ["frame_profile", "frame_documents"]
        prof = pages[0]
        assert set(prof.table["metric"]) == {m for m in seed_analysis.metrics if m.startswith("frame_share_")}
        assert prof.excerpts
        docs = pages[1].table
        assert isinstance(docs, pd.DataFrame) and len(docs) == seed_analysis.documents["outlet"].nunique()
    finally:
        _close(pages)
    lines = frames_report.summary(seed_analysis, ctx)
    assert lines[0].startswith("The frames used most are: security and defense")


def test_a_one_article_report_counts_its_document_in_the_singular(seeds):
    """ "… sentences in 1 documents are on …" on a student's one article."""
    from framing.seeds import seed_actors
    from framing.wording import count

    assert [count(1, "document"), count(2, "document"), count(1200, "row")] == [
        "1 document",
        "2 documents",
        "1,200 rows",
    ]
    a = framing.analyze(
        seeds.select(["003_5f65102a985eecf8"]), actors=seed_actors(), issues=seed_issues(), progress=False
    )
    pages = issues_report.pages(a, ReportContext(by="doc_id", n_boot=20))
    try:
        texts = [p.text[0] for p in pages if p.name.startswith("issue_0")]
        assert texts and all(" in 1 document are on " in t for t in texts)
    finally:
        _close(pages)
