"""Comparisons from the tables of a streamed run (framing.load_scores, framing compare) equal those of an analysis."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.errors import GroupError, InputError, MetricError, OptionError
from framing.score import score_to_file

ISSUE = "diplomacy and mediation"
TABLES = ("documents", "sentences", "mentions")


@pytest.fixture(scope="module")
def runs(tmp_path_factory, seeds):
    """The seed corpus scored to each format, with the sentences and mentions tables."""
    folder = tmp_path_factory.mktemp("scores")
    out = {}
    for fmt in ("parquet", "csv", "jsonl"):
        path = folder / f"scores.{fmt}"
        score_to_file(seeds, path, tables=TABLES, progress=False)
        out[fmt] = path
    return out


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_comparisons_from_the_files_equal_those_of_the_analysis(runs, seed_analysis, fmt):
    scores = framing.load_scores(runs[fmt])
    assert set(scores.metrics) == set(seed_analysis.metrics)
    for options in ({}, {"issue": ISSUE}, {"actor": "Pakistan"}):
        want = seed_analysis.compare(n_boot=30, **options)
        pd.testing.assert_frame_equal(scores.compare(n_boot=30, **options), want, check_exact=True)
    want = seed_analysis.differences("stance_mean", actor="Pakistan", n_boot=30)
    pd.testing.assert_frame_equal(
        scores.differences("stance_mean", actor="Pakistan", n_boot=30), want, check_exact=True
    )


def test_tables_read_a_few_rows_at_a_time_give_the_same_comparison(runs, seed_analysis, monkeypatch):
    import framing.saved

    monkeypatch.setattr(framing.saved, "_ROWS", 7)  # many chunks, each with its own integer types
    for fmt in ("parquet", "csv", "jsonl"):
        scores = framing.load_scores(runs[fmt])
        got = scores.compare(metric=["hedged_share", "source_type_diversity", "stance_mean"], n_boot=30)
        want = seed_analysis.compare(metric=["hedged_share", "source_type_diversity", "stance_mean"], n_boot=30)
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert len(scores.sentences) == len(seed_analysis.sentences)
        assert "text" not in scores.sentences.columns  # only the columns the metrics read


def test_a_run_without_the_sentences_table_says_which_tables_to_write(tmp_path, seeds):
    path = tmp_path / "docs.csv"
    score_to_file(seeds, path, progress=False)
    scores = framing.load_scores(path)
    assert len(scores.documents) == len(seeds)
    with pytest.raises(OptionError, match="--tables documents,sentences "):
        scores.compare(metric="hedged_share")
    with pytest.raises(OptionError, match="--tables documents,mentions "):
        scores.compare(metric="stance_mean")
    with pytest.raises(OptionError, match="sentences and mentions tables"):
        scores.compare(metric="hedged_share", actor="Pakistan")


def test_names_that_are_not_there_are_errors(runs):
    scores = framing.load_scores(runs["csv"])
    with pytest.raises(MetricError, match="did you mean 'hedged_share'"):
        scores.compare(metric="hedgd_share")
    with pytest.raises(GroupError, match="measured in each document"):
        scores.compare(by="n_sources", metric="hedged_share")  # a number, not a label, once read from CSV
    with pytest.raises(GroupError, match="did you mean 'outlet'"):
        scores.compare(by="outlett", metric="hedged_share")
    with pytest.raises(OptionError, match="no actor 'Pakistn'"):
        scores.compare(metric="stance_mean", actor="Pakistn")
    assert scores.documents["top_issue"].dtype.kind not in "fiub"  # a label stays text


def test_unreadable_files_name_the_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        framing.load_scores(tmp_path / "nope.parquet")
    other = tmp_path / "other.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"other\.csv: not the documents table"):
        framing.load_scores(other)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"not parquet")
    with pytest.raises(InputError, match=r"broken\.parquet: cannot read"):
        framing.load_scores(broken)
    with pytest.raises(OptionError, match=r"not '\.txt'"):
        framing.load_scores(tmp_path / "scores.txt")


def test_ids_and_labels_that_look_like_numbers_or_missing_values_stay_text(tmp_path):
    records = [
        {
            "id": "007",
            "outlet": "NA",
            "text": "Officials said the border would reopen. It might stay shut, analysts warned.",
        },
        {"id": "010", "outlet": "NA", "text": "The minister said trade would resume soon. Traders doubted it."},
        {
            "id": "011",
            "outlet": "None",
            "text": "Critics claimed the talks had failed. The envoy insisted they had not.",
        },
    ]
    path = tmp_path / "s.csv"
    score_to_file(records, path, actors=False, tables=TABLES, progress=False)
    scores = framing.load_scores(path)
    assert scores.documents["doc_id"].tolist() == ["007", "010", "011"]
    t = scores.compare(metric="hedged_share", n_boot=20, min_docs=1)
    assert t["group"].tolist() == ["NA", "None"] and t["n_docs"].tolist() == [2, 1]


def test_command_line_prints_or_writes_the_comparison(runs, seed_analysis, tmp_path, capsys):
    out = tmp_path / "by_outlet.csv"
    assert main(["compare", str(runs["parquet"]), "--metric", "hedged_share", "--n-boot", "30", "-o", str(out)]) == 0
    got = pd.read_csv(out)
    want = seed_analysis.compare(metric="hedged_share", n_boot=30)
    assert got["group"].tolist() == want["group"].tolist()
    assert got["ci_high"].tolist() == pytest.approx(want["ci_high"].tolist())
    capsys.readouterr()
    assert main(["compare", str(runs["csv"]), "--metric", "stance_mean", "--actor", "Pakistan", "--differences"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("metric,label,actor,issue,group_a,group_b")
    assert main(["compare", str(runs["csv"]), "--metric", "hedged_share,stance_mean", "--differences"]) == 1
    assert "on one metric" in capsys.readouterr().err


def test_a_folder_of_saved_tables_gives_the_same_comparison(tmp_path, seed_analysis):
    """Analysis.save_tables (and a report's tables/ folder) name the tables documents.csv, sentences.csv, ..."""
    seed_analysis.save_tables(tmp_path / "tables")
    scores = framing.load_scores(tmp_path / "tables")
    options = {"metric": ["hedged_share", "stance_mean"], "issue": ISSUE, "n_boot": 30}
    pd.testing.assert_frame_equal(scores.compare(**options), seed_analysis.compare(**options), check_exact=True)
    with pytest.raises(InputError, match="no documents table"):
        framing.load_scores(tmp_path)


def test_measured_columns_tell_the_analyzers_columns_from_metadata():
    from framing.pipeline import build_analyzers, measured_columns

    cols = ["doc_id", "outlet", "lean", "hedged_share", "n_sources", "top_issue", "issue_sentence_share", "issue_trade"]
    assert measured_columns(cols, build_analyzers(None)) == cols[3:]
    assert measured_columns(cols, build_analyzers("hedging")) == ["hedged_share"]
    assert measured_columns([c for c in cols if c != "issue_sentence_share"], build_analyzers(None)) == cols[3:6]
