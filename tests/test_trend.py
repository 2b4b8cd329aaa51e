"""Measures over time: periods of the documents' dates as groups (compare(by="month")), trend() per outlet and
period, plot_trend, and framing compare --by month / --trend on a scored run."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import io
import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.cli import main
from framing.errors import GroupError, OptionError
from framing.periods import period_index, period_labels
from framing.plots import plot_trend
from framing.score import score_to_file
from framing.seeds import seed_actors

# written for these tests: two outlets over three months; Beta turns against Pakistan in March
CALM = "Pakistan and Afghanistan held talks in Doha on trade, officials said. Both sides may meet again."
HARSH = "Pakistan brutally attacked villages and killed civilians, Afghan officials said. Critics condemned it."
DATES = ["2024-01-05", "2024-01-20T10:00:00Z", "Feb 3, 2024", "2024-02-25", "2024-03-02", "2024-03-30"]


def _records(extra: list[dict] | None = None) -> list[dict]:
    out = []
    for k, date in enumerate(DATES):
        out.append({"id": f"a{k}", "outlet": "Alpha", "date": date, "text": CALM})
        out.append(
            {"id": f"b{k}", "outlet": "Beta", "date": date, "text": HARSH if date.startswith("2024-03") else CALM}
        )
    return out + (extra or [])


@pytest.fixture(scope="module")
def dated():
    undated = [
        {"id": "u0", "outlet": "Alpha", "date": "", "text": CALM},
        {"id": "u1", "outlet": "Beta", "date": "soon", "text": CALM},
    ]
    return framing.analyze(framing.Corpus.from_records(_records(undated)), actors=seed_actors(), progress=False)


def test_period_labels_read_common_date_forms():
    dates = pd.Series(
        ["2016-09-20", "Sep 20, 2016", "9/20/2016", "2016-09-20 23:30:00-05:00", "2016", "", None, "soon", "0001-11-30"]
    )
    # a year alone has no month; a placeholder such as 0001-11-30 is no date
    assert list(period_labels(dates, "month")) == ["2016-09"] * 4 + [""] * 5
    # the day the date names, not the day in UTC; a year alone is a year, and no month
    assert period_labels(dates, "day")[3] == "2016-09-20"
    assert list(period_labels(dates, "year")) == ["2016"] * 5 + [""] * 4
    assert period_labels(pd.Series(["2021-01-03", "2024-05-15"]), "week").tolist() == ["2020-W53", "2024-W20"]
    assert period_labels(pd.Series(["2024-05-15"]), "quarter").tolist() == ["2024-Q2"]
    with pytest.raises(ValueError, match="unknown period 'fortnight'"):
        period_labels(dates, "fortnight")


def test_compare_by_month_groups_the_dated_documents(dated):
    got = dated.compare(by="month", metric="stance_mean", actor="Pakistan", n_boot=100)
    assert got["group"].tolist() == ["2024-01", "2024-02", "2024-03"]
    assert got["n_docs"].tolist() == [4, 4, 4] and got.attrs["undated"] == 2
    # the same as grouping by a column holding each document's month
    docs = dated.documents
    months = dict(zip(docs["doc_id"], period_labels(docs["date"], "month")))
    records = [r | {"month_col": months[r["id"]]} for r in _records()]
    b = framing.analyze(framing.Corpus.from_records(records), actors=seed_actors(), progress=False)
    want = b.compare(by="month_col", metric="stance_mean", actor="Pakistan", n_boot=100)
    pd.testing.assert_series_equal(got["value"], want["value"])
    assert got.loc[2, "value"] < got.loc[0, "value"]  # March is harsher
    counts = dated.actor_counts(by="month")
    assert counts.index.tolist() == ["2024-01", "2024-02", "2024-03"]


def test_a_column_named_like_a_period_is_that_column():
    records = [r | {"month": "spring"} for r in _records()]
    a = framing.analyze(
        framing.Corpus.from_records(records), actors=seed_actors(), analyzers=["stance"], progress=False
    )
    assert a.compare(by="month", metric="stance_mean", actor="Pakistan", n_boot=20)["group"].tolist() == ["spring"]


def test_trend_gives_each_outlet_and_period_its_interval(dated):
    t = dated.trend("stance_mean", actor="Pakistan", period="month", n_boot=200)
    assert list(t.columns[:3]) == ["group", "period", "metric"]
    assert t[["group", "period"]].values.tolist() == [
        [g, p] for g in ("Alpha", "Beta") for p in ("2024-01", "2024-02", "2024-03")
    ]
    assert (t["n_docs"] == 2).all() and t.attrs["undated"] == 2 and t.attrs["period"] == "month"
    beta = t[t["group"] == "Beta"].set_index("period")["value"]
    alpha = t[t["group"] == "Alpha"].set_index("period")["value"]
    assert beta["2024-03"] < beta["2024-01"] and math.isclose(alpha["2024-03"], alpha["2024-01"])
    # one cell is the comparison of that outlet's documents in that month
    march = [r for r in _records() if r["outlet"] == "Beta" and r["date"].startswith("2024-03")]
    b = framing.analyze(framing.Corpus.from_records(march), actors=seed_actors(), progress=False)
    want = b.compare(metric="stance_mean", actor="Pakistan", n_boot=200).iloc[0]
    cell = t[(t["group"] == "Beta") & (t["period"] == "2024-03")].iloc[0]
    assert math.isclose(cell["value"], want["value"]) and cell["n"] == want["n"]
    whole = dated.trend("stance_mean", by=None, actor="Pakistan", period="quarter", n_boot=50)
    assert whole["group"].tolist() == ["all documents"] and whole["n_docs"].tolist() == [12]


def test_trend_says_what_is_wrong(dated):
    with pytest.raises(OptionError, match="period is one of year, quarter, month, week, day"):
        dated.trend("stance_mean", period="fortnight")
    with pytest.raises(OptionError, match="by='month' is a period"):
        dated.trend("stance_mean", by="month")
    nodates = framing.analyze(
        framing.Corpus.from_records([{"id": "x", "date": "last Tuesday", "text": CALM}]), progress=False
    )
    with pytest.raises(
        GroupError,
        match=r"none of the 1 analysed documents has a date that can be read \(the dates look like 'last Tuesday'\)",
    ):
        nodates.trend("hedged_share")
    with pytest.raises(GroupError, match="a report compares groups of documents named in a column"):
        dated.report("unused-folder", by="month")


def test_plot_trend_draws_a_line_per_group_and_breaks_it_where_a_period_is_missing(dated):
    t = dated.trend("stance_mean", actor="Pakistan", n_boot=50)
    t = t[~((t["group"] == "Alpha") & (t["period"] == "2024-02"))]  # Alpha has nothing in February
    fig, ax = plt.subplots()
    assert plot_trend(t, ax=ax, title="Stance toward Pakistan") is ax
    lines = [ln for ln in ax.get_lines() if ln.get_label() in ("Alpha", "Beta")]
    assert len(lines) == 2
    alpha = next(ln for ln in lines if ln.get_label() == "Alpha").get_ydata()
    assert math.isnan(alpha[1]) and not math.isnan(alpha[0])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2024-01", "2024-02", "2024-03"]
    with pytest.raises(ValueError, match="no actor 'Pakistn' in the table; actors: Pakistan"):
        plot_trend(t, actor="Pakistn", ax=ax)
    with pytest.raises(ValueError, match="not of compare"):
        plot_trend(dated.compare(metric="stance_mean", n_boot=10), ax=ax)
    plt.close(fig)


def test_period_index_counts_periods_as_time_does():
    assert period_index(["2024-01", "2024-02", "2024-07"]).tolist() == [0, 1, 6]
    assert period_index(["2023-12", "2024-01"]).tolist() == [0, 1]
    assert period_index(["2024-Q4", "2025-Q2"]).tolist() == [0, 2]
    assert period_index(["2020-W53", "2021-W01"]).tolist() == [0, 1]  # 2020 has an ISO week 53
    assert period_index(["2024-02-28", "2024-03-01"]).tolist() == [0, 2]  # 29 February 2024
    assert period_index(["2016", "2020"]).tolist() == [0, 4]
    # not periods of one kind: None, and a plot spaces them evenly
    for labels in (["2024", "2024-01"], ["Alpha"], ["2024-13"], ["2021-W53"], []):
        assert period_index(labels) is None


def test_plot_trend_places_periods_in_time_and_leaves_a_gap_where_no_document_is(dated):
    t = dated.trend("stance_mean", actor="Pakistan", n_boot=50)
    t = t[t["period"] != "2024-02"]  # nobody wrote in February
    t.attrs["period"] = "month"
    fig, ax = plt.subplots()
    plot_trend(t, ax=ax)
    beta = next(ln for ln in ax.get_lines() if ln.get_label() == "Beta")
    # January and March are two months apart, and the line does not join them across February
    assert [ln.get_text() for ln in ax.get_xticklabels()] == ["2024-01", "2024-03"]
    assert list(ax.get_xticks()) == [0, 2]
    assert math.isnan(beta.get_ydata()[1]) and len(beta.get_ydata()) == 3
    assert "1 month without documents" in " ".join(x.get_text() for x in ax.texts)
    # the interval band breaks where the line does: one band per run of consecutive months
    bands = [c for c in ax.collections if len(c.get_paths())]
    xs = [sorted({round(v, 6) for v in c.get_paths()[0].vertices[:, 0]}) for c in bands]
    assert all(max(v) - min(v) <= 1 for v in xs) and not any(1 < v < 2 for band in xs for v in band)
    plt.close(fig)


def test_labels_of_periods_clustered_in_time_do_not_pile_up():
    from framing.plots.trend import _spaced

    days = np.array([*range(20), 365.0])  # twenty days in January and one a year later
    assert _spaced(days) == [0, 20]
    assert _spaced(np.arange(40.0)) == list(range(0, 40, 3))[:14]  # evenly: every third of 40 months
    assert _spaced(np.array([])) == []


def test_a_scored_run_gives_the_same_trend_on_the_command_line(dated, tmp_path, capsys):
    path = tmp_path / "scores.csv"
    score_to_file(
        dated.corpus, path, actors=seed_actors(), tables=("documents", "sentences", "mentions"), progress=False
    )
    args = ["compare", str(path), "--metric", "stance_mean", "--actor", "Pakistan", "--n-boot", "60"]
    assert main([*args, "--trend", "month"]) == 0
    got = pd.read_csv(io.StringIO(capsys.readouterr().out))
    want = dated.trend("stance_mean", actor="Pakistan", n_boot=60)
    assert got["period"].tolist() == want["period"].tolist()
    assert got["value"].round(9).tolist() == want["value"].round(9).tolist()
    assert main([*args, "--by", "month"]) == 0
    assert pd.read_csv(io.StringIO(capsys.readouterr().out))["group"].tolist() == [
        "2024-01",
        "2024-02",
        "2024-03",
    ]


def test_suggest_period_is_the_coarsest_with_four_periods():
    from framing.periods import suggest_period

    years = pd.Series([f"{y}-06-01" for y in range(2012, 2020)])
    assert suggest_period(years) == "year"
    assert suggest_period(pd.Series(["2024-01-05", "2024-02-03", "2024-03-02", "2024-04-09"])) == "month"
    assert suggest_period(pd.Series(["2024-01-05"] * 9)) is None
    assert suggest_period(pd.Series(["", "soon"])) is None


def test_the_report_follows_the_most_mentioned_actor_over_time(seed_analysis):
    from framing.report import overtime
    from framing.report.base import ReportContext

    dates = ["2024-01-05", "2024-02-03", "2024-03-02", "2024-04-09"]
    records = [
        {"id": f"{o}{k}{d}", "outlet": o, "date": d, "text": HARSH if (o == "Beta" and d >= "2024-03") else CALM}
        for o in ("Alpha", "Beta")
        for d in dates
        for k in range(3)
    ]
    a = framing.analyze(framing.Corpus.from_records(records), actors=seed_actors(), progress=False)
    ctx = ReportContext(n_boot=50)
    (page,) = overtime.pages(a, ctx)
    assert page.name == "over_time" and page.figure is not None
    assert set(page.table["period"]) == {"2024-01", "2024-02", "2024-03", "2024-04"}
    assert set(page.table["metric"]) == {"mentions_per_1000", "stance_mean"}
    assert "Pakistan" in page.text[0] and "month by month" in page.text[0]
    plt.close(page.figure)
    lines = overtime.summary(a, ctx)
    assert lines[0].startswith("The dated documents run from 2024-01 to 2024-04.")
    assert "Stance toward Pakistan was" in lines[1]
    # the seed corpus has one date: no time to follow, no page
    assert overtime.pages(seed_analysis, ReportContext(n_boot=50)) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=30), st.dates().map(str), st.integers().map(str)), max_size=12))
def test_any_date_text_gives_a_period_or_none(values):
    import re

    shapes = {"year": r"\d{4}", "quarter": r"\d{4}-Q[1-4]", "month": r"\d{4}-\d{2}", "week": r"\d{4}-W\d{2}"}
    for period, shape in shapes.items():
        labels = period_labels(pd.Series(values, dtype=object), period)
        assert len(labels) == len(values)
        assert all(lab == "" or re.fullmatch(shape, lab) for lab in labels), labels
