"""A report on more groups than a heat map has rows for shows the groups with the most documents, not the first
ones in alphabetical order, says so, and keeps every group in the page's table."""

from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

import framing
from framing.report import actors as actors_report
from framing.report import frames as frames_report
from framing.report import issues as issues_report
from framing.report import stance as stance_report
from framing.report.base import ReportContext
from framing.seeds import seed_actors, seed_issues

# written for this test: outlets with 1 to 4 articles each; the three largest come last in the alphabet
SIZES = {"Alpha Post": 1, "Beta Times": 1, "Gamma Daily": 2, "Yankee Herald": 3, "Zeta News": 4}
TEXT = (
    "Pakistan accused Afghanistan of sheltering militants near the border. Officials in Kabul denied the charge "
    "and said Pakistan had failed to stop the attacks. Trade across the border fell sharply, traders said."
)


@pytest.fixture(scope="module")
def analysis():
    docs = [{"id": f"{outlet[:1]}{k}", "outlet": outlet, "text": TEXT} for outlet, n in SIZES.items() for k in range(n)]
    corpus = framing.Corpus.from_records(docs)
    return framing.analyze(corpus, actors=seed_actors(), issues=seed_issues(), progress=False)


def _rows(page) -> list[str]:
    ax = page.figure.axes[0]
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    plt.close(page.figure)
    return labels


def test_the_groups_shown_are_those_with_the_most_documents(analysis):
    ctx = ReportContext(n_boot=20, max_groups=3)
    assert ctx.shown_groups(analysis) == ["Gamma Daily", "Yankee Herald", "Zeta News"]
    assert ReportContext(n_boot=20, max_groups=5).shown_groups(analysis) is None


@pytest.mark.parametrize(
    "build, name, group_column",
    [
        (actors_report.pages, "actor_mentions", "outlet"),
        (stance_report.pages, "stance_heatmap", "group"),
        (frames_report.pages, "frame_profile", "group"),
        (frames_report.pages, "frame_documents", "outlet"),
        (issues_report.pages, "issue_coverage", "group"),
    ],
)
def test_each_heat_map_shows_the_largest_groups_and_its_table_has_them_all(analysis, build, name, group_column):
    ctx = ReportContext(n_boot=20, max_groups=3)
    pages = build(analysis, ctx)
    page = next(p for p in pages if p.name == name)
    assert _rows(page) == ["Gamma Daily", "Yankee Herald", "Zeta News"]
    assert set(page.table[group_column].astype(str)) == set(SIZES)
    assert any("shows the 3 with the most documents" in t for t in page.text)
    for p in pages:
        if p.figure is not None:
            plt.close(p.figure)


def test_who_speaks_shows_the_groups_with_the_most_attributions_and_says_so(analysis):
    from framing.report import sourcing as sourcing_report

    pages = sourcing_report.pages(analysis, ReportContext(n_boot=20, max_groups=3))
    page = next(p for p in pages if p.name == "sourcing_who")
    assert sorted(_rows(page)) == ["Gamma Daily", "Yankee Herald", "Zeta News"]
    assert set(page.table["outlet"]) == set(SIZES)
    assert any("it shows the 3 with the most" in t for t in page.text)
    for p in pages:
        if p.figure is not None:
            plt.close(p.figure)


@pytest.fixture(scope="module")
def without_outlets():
    """A class's three articles pasted into text files: no outlet anywhere."""
    texts = [TEXT, TEXT.replace("sharply", "slightly"), "Afghanistan and Pakistan agreed to talk. " + TEXT]
    corpus = framing.Corpus.from_records([{"id": f"article{k}", "text": t} for k, t in enumerate(texts)])
    return framing.analyze(corpus, actors=seed_actors(), issues=seed_issues(), progress=False)


def test_a_report_on_a_few_articles_without_outlets_compares_the_articles(without_outlets, analysis):
    """They made one group with no name: "Compared by 'outlet': 1 groups — (none)", and summaries with no
    subject (" is close to neutral about Pakistan")."""
    from framing.report.base import report_group
    from framing.report.overview import title_page

    by, note = report_group(without_outlets, None)
    assert by == "doc_id" and "No document names its outlet" in note
    assert report_group(without_outlets, "outlet") == ("outlet", "")  # asked for: kept
    assert report_group(analysis, None) == ("outlet", "")  # outlets named
    ctx = ReportContext(by=by, note=note)
    text = " ".join(title_page(without_outlets, ctx).text)
    assert "Compared by document: 3 groups — article0 (1), article1 (1), article2 (1). No document names" in text
    t = ctx.compare(without_outlets, metric="flesch_reading_ease")
    assert sorted(t["group"]) == ["article0", "article1", "article2"]


def test_the_sourcing_pages_of_articles_without_outlets_count_each_article(without_outlets):
    """The sourcing section failed ("KeyError: 'doc_id'") when the report compared articles, and the who-speaks
    counts put every article in one group with no name."""
    from framing.report import sourcing as sourcing_report

    ctx = ReportContext(by="doc_id", n_boot=20)
    pages = sourcing_report.pages(without_outlets, ctx)
    assert [p.name for p in pages] == ["sourcing_profile", "sourcing_who"]
    who = next(p for p in pages if p.name == "sourcing_who")
    assert set(who.table["doc_id"]) == {"article0", "article1", "article2"}
    for p in pages:
        if p.figure is not None:
            plt.close(p.figure)


def test_every_section_is_drawn_for_articles_without_outlets(without_outlets):
    """A section that fails is replaced by a page saying so, with a warning: none may fail here."""
    import warnings

    from framing.report import collect_pages
    from framing.report.base import report_group

    by, note = report_group(without_outlets, None)

    def close(page) -> None:
        if page.figure is not None:
            plt.close(page.figure)

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pages = collect_pages(without_outlets, ReportContext(by=by, note=note, n_boot=20), render=close)
    assert not [p.name for p in pages if p.name.endswith("_error")]


def test_one_article_without_an_outlet_is_shown_under_its_name():
    """A student's one article made one group with no name: a heat map row with a blank label, titled "by outlet"."""
    from framing.report.base import report_group

    a = framing.analyze(
        framing.Corpus.from_records([{"id": "chronicle", "text": TEXT}]),
        actors=seed_actors(),
        analyzers=["stance"],
        progress=False,
    )
    by, note = report_group(a, None)
    assert by == "doc_id" and "the one document is shown under its name" in note
    ctx = ReportContext(by=by, note=note, n_boot=20)
    page = stance_report.pages(a, ctx)[0]
    ax = page.figure.axes[0]
    assert ax.get_title(loc="left").endswith("by document") or ax.get_title().endswith("by document")
    assert _rows(page) == ["chronicle"]
    # the report's first page counts in the singular, and names the comparison in words, not as a column
    from framing.report.overview import title_page

    text = " ".join(title_page(a, ctx).text)
    assert ": 1 document (1 analysed without problems" in text and "Compared by document: 1 group — chronicle" in text


def test_many_articles_without_outlets_stay_one_group_and_the_summary_has_a_subject():
    corpus = framing.Corpus.from_records([{"id": f"d{k}", "text": TEXT} for k in range(31)])
    a = framing.analyze(corpus, actors=seed_actors(), analyzers=["stance"], progress=False)
    from framing.report.base import report_group
    from framing.report.overview import title_page

    assert report_group(a, None) == ("outlet", "")  # 31 groups of one would not fit a figure
    ctx = ReportContext()
    assert "1 group — (none) (31)." in " ".join(title_page(a, ctx).text)
    lines = stance_report.summary(a, ctx)
    assert lines and all(not line.startswith(" ") for line in lines)
    assert any(line.startswith("The texts are") for line in lines)


def test_a_summary_says_when_two_groups_cannot_be_told_apart():
    """ "left is the easiest to read (49); right the hardest (48)" read as a finding; the intervals overlapped."""
    from framing.report.base import overlap_note

    apart = {"ci_low": 0.5, "ci_high": 0.9}, {"ci_low": 0.1, "ci_high": 0.4}
    close = {"ci_low": 0.3, "ci_high": 0.9}, {"ci_low": 0.1, "ci_high": 0.4}
    assert overlap_note(*apart) == ""
    assert "cannot tell the two apart" in overlap_note(*close)
    assert overlap_note({"ci_low": float("nan")}, {"ci_high": 0.4}) == "" == overlap_note({}, {})


def test_the_stance_summary_calls_the_higher_of_two_negative_means_the_least_negative(analysis):
    ctx = ReportContext(n_boot=50)
    lines = [line for line in stance_report.summary(analysis, ctx) if "most negative about" in line]
    assert lines
    for line in lines:
        means = [float(x) for x in re.findall(r"mean ([+-]\d\.\d\d)", line)]
        assert ("least negative" in line) == (means[1] <= 0), line
        assert ("most positive" in line) == (means[1] > 0), line


def test_the_attention_summary_covers_the_most_mentioned_actor_with_an_interval():
    """It skipped the most mentioned actor, and said which outlet gave an actor most attention without saying
    whether the corpus could tell."""
    from framing.report import actors as actors_report

    docs = [{"id": f"a{k}", "outlet": "Alpha", "text": TEXT} for k in range(6)]
    docs += [{"id": f"b{k}", "outlet": "Beta", "text": TEXT + " Pakistan said so."} for k in range(6)]
    a = framing.analyze(
        framing.Corpus.from_records(docs), actors=seed_actors(), analyzers=["readability"], progress=False
    )
    ctx = ReportContext(n_boot=200)
    lines = actors_report.summary(a, ctx)
    top = a.actor_counts().sum().idxmax()
    assert any(line.startswith(f"{top} gets the most attention from") for line in lines)
    got = actors_report.attention_intervals(a, ctx, "Pakistan")["Beta"]
    rate = a.actor_counts(per_thousand=True).loc["Beta", "Pakistan"]
    assert abs(got["value"] - rate) < 1e-9 and got["ci_low"] <= got["value"] <= got["ci_high"]


def test_the_html_report_labels_each_document_with_its_group_even_when_the_column_has_a_space():
    """A column such as "bias rating" is no attribute name: itertuples renamed it and the label lost the group;
    a report by document named each document twice."""
    from framing.report.html import _documents_html

    ratings = ["left", "right", None]
    records = [{"id": f"article{k}", "text": TEXT, "bias rating": r} for k, r in enumerate(ratings)]
    a = framing.analyze(
        framing.Corpus.from_records(records), actors=seed_actors(), analyzers=["stance"], progress=False
    )
    html = _documents_html(a, "bias rating")
    assert "<summary>article0 · left</summary>" in html and "<summary>article1 · right</summary>" in html
    assert "<summary>article2</summary>" in html  # no group: no "nan", no empty part
    assert "<summary>article0</summary>" in _documents_html(a, "doc_id")
    titled = framing.analyze(
        framing.Corpus.from_records([{"id": "d1", "title": "Border talks", "text": TEXT}]),
        analyzers=["stance"],
        progress=False,
    )
    assert "<summary>d1 · Border talks</summary>" in _documents_html(titled, "title")  # by title: the title once
