from __future__ import annotations

import math
import re

import pytest

import framing
from framing.analyzers.readability import Readability, SyllableCounter, flesch_reading_ease


def test_documents_table_has_one_row_per_document_with_outlets(seed_analysis, seeds):
    docs = seed_analysis.documents
    assert len(docs) == 5 and list(docs["doc_id"]) == seeds.ids
    assert docs["outlet"].tolist() == [d.outlet for d in seeds] and all(docs["outlet"])
    assert (docs["status"] == "ok").all()
    assert {"flesch_reading_ease", "flesch_kincaid_grade"} <= set(docs.columns)


def test_mentions_find_actors_and_not_pakistani_taliban_as_pakistan(seed_analysis):
    m = seed_analysis.mentions
    counts = m.groupby("actor").size()
    assert counts["Pakistan"] > 50 and counts["TTP"] >= 10 and counts["India"] >= 10
    pk = m[m["actor"] == "Pakistan"]
    assert not pk["text"].str.contains("Taliban").any()
    ttp = m[m["actor"] == "TTP"]
    assert "Pakistani Taliban" in set(ttp["text"])


def test_every_offset_indexes_the_cleaned_text(seed_analysis):
    a = seed_analysis
    for table in (a.mentions, a.evidence, a.sentences):
        for row in table.itertuples(index=False):
            assert a.text(row.doc_id)[row.start : row.end] == row.text


def test_cleaning_log_offsets_index_the_raw_text(seed_analysis):
    a = seed_analysis
    for row in a.cleaning.itertuples(index=False):
        assert a.raw_text(row.doc_id)[row.start : row.end] == row.text


def test_readability_matches_the_flesch_formula_on_our_counts():
    a = framing.analyze(
        framing.Corpus.from_records([{"id": "x", "text": "The cat sat on the mat. It was happy."}]),
        analyzers=["readability"],
        actors=False,
    )
    row = a.documents.iloc[0]
    syl = SyllableCounter()
    words = ["the", "cat", "sat", "on", "the", "mat", "it", "was", "happy"]
    expected = flesch_reading_ease(len(words), 2, sum(syl[w] for w in words))
    assert row["flesch_reading_ease"] == pytest.approx(expected)
    assert row["words_per_sentence"] == pytest.approx(4.5)


def test_syllables_agree_with_textstats_offline_fallback(monkeypatch):
    """Our syllables equal textstat's Pyphen fallback (textstat's CMU lookup is disabled: no download)."""
    from textstat.backend.counts import _count_syllables

    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: None)
    syl = SyllableCounter(engine="pyphen")
    for word in ["pakistan", "afghanistan", "negotiations", "the", "reconciliation", "sovereignty", "militancy"]:
        assert syl[word] == _count_syllables.count_syllables(word, "en_US"), word


def test_rule_based_syllables_on_known_words():
    syl = SyllableCounter()
    expected = {
        "the": 1,
        "table": 2,
        "while": 1,
        "statement": 2,
        "likely": 2,
        "january": 4,
        "being": 2,
        "situation": 4,
        "jumped": 1,
        "wanted": 2,
        "boxes": 2,
        "syria": 3,
        "radio": 3,
        "afghanistan": 4,
        "negotiations": 5,
        "2025": 0,
        "u.s": 2,
    }
    assert {w: syl[w] for w in expected} == expected


def test_compare_gives_intervals_for_every_group(seed_analysis):
    t = seed_analysis.compare(metric="flesch_reading_ease")
    assert len(t) == 5 and set(t["resampled"]) == {"sentences"}
    assert (t["ci_low"] <= t["value"]).all() and (t["value"] <= t["ci_high"]).all()
    with pytest.raises(KeyError, match="no column"):
        seed_analysis.compare(by="nonexistent")


def test_one_failing_analyzer_does_not_lose_the_document():
    class Broken(Readability):
        name = "readability"

        def analyze(self, ctx):
            raise RuntimeError("boom")

    a = framing.analyze(
        framing.Corpus.from_records([{"id": "x", "text": "Some words here to read."}]),
        analyzers=[Broken()],
        actors=False,
    )
    row = a.documents.iloc[0]
    assert row["status"].startswith("warning") and "boom" in row["status"]
    assert math.isnan(row["flesch_reading_ease"])


def test_non_english_is_flagged_not_scored():
    text = "Die Regierung in Islamabad hat am Montag neue Gespräche mit Kabul angekündigt, " * 4
    a = framing.analyze(
        framing.Corpus.from_records([{"id": "de", "text": text}]), analyzers=["readability"], actors=False
    )
    row = a.documents.iloc[0]
    assert row["language"] == "not English" and "English" in row["status"]
    assert math.isnan(row["flesch_reading_ease"])


def test_a_document_left_unanalysed_counts_in_no_comparison():
    """A French article in an outlet's folder scored 0 attributions per 1,000 words and a stance of 0 toward
    Pakistan (the analyzers' empty values), and pulled its outlet toward them; its words entered the distinctive
    words, and the report's figure then failed on Urdu letters."""
    english = (
        "Pakistan accused the Afghan government of sheltering militants, officials said on Monday. "
        "The Taliban rejected the charge and called it baseless. Trade across the border fell sharply. "
    )
    french = "Le Pakistan a accusé le gouvernement afghan de protéger des militants, ont déclaré les responsables. " * 3
    docs = [{"id": "en", "outlet": "Dawn", "text": english * 2}, {"id": "fr", "outlet": "Dawn", "text": french}]
    a = framing.analyze(docs, actors={"Pakistan": ["Pakistan"]}, progress=False)
    fr = a.documents.set_index("doc_id").loc["fr"]
    assert fr["language"] == "not English"
    assert math.isnan(fr["attributions_per_1000"]) and math.isnan(fr["stance_mean"])
    alone = framing.analyze(docs[:1], actors={"Pakistan": ["Pakistan"]}, progress=False)
    for metric in ("attributions_per_1000", "stance_mean", "mentions_per_1000"):
        both = a.compare(metric=metric).iloc[0]
        assert both["n_docs"] == 1
        assert both["value"] == pytest.approx(alone.compare(metric=metric).iloc[0]["value"])
    assert a.actor_counts().loc["Dawn", "Pakistan"] == alone.actor_counts().loc["Dawn", "Pakistan"]
    from framing.distinctive import group_word_counts

    counted = group_word_counts(a)["Dawn"]
    assert counted["taliban"] == 2 and not {"gouvernement", "responsables"} & set(counted)


def test_explain_shows_every_evidence_span(seed_analysis):
    h = seed_analysis.explain("003_5f65102a985eecf8")
    html = h._repr_html_()
    assert "Pakistan" in html and "fr-actor" in html and "Legend" in html
    n_ev = int((seed_analysis.evidence["doc_id"] == "003_5f65102a985eecf8").sum())
    n_m = int((seed_analysis.mentions["doc_id"] == "003_5f65102a985eecf8").sum())
    assert len(h.spans) == n_ev + n_m
    assert "[Pakistan]" in str(h)


def test_parallel_run_gives_identical_tables(seeds):
    a1 = framing.analyze(seeds, n_jobs=1)
    a2 = framing.analyze(seeds, n_jobs=2)
    for name in ("documents", "sentences", "mentions", "evidence"):
        assert getattr(a1, name).equals(getattr(a2, name)), name


def test_worker_runs_freeze_the_collector_only_while_they_last(seeds):
    """Forked workers run with the parent's objects frozen (gc.freeze); afterwards the caller's
    collector is as it was: nothing left frozen, and a freeze of the caller's own kept."""
    import gc

    from framing.pipeline import Pipeline
    from framing.run import process_documents

    p = Pipeline()
    assert gc.get_freeze_count() == 0
    seen: list[int] = []
    for _ in process_documents(p, seeds, n_jobs=2, progress=False):
        seen.append(gc.get_freeze_count())
    assert gc.get_freeze_count() == 0
    if "fork" in __import__("multiprocessing").get_all_start_methods():
        assert min(seen) > 0
    gc.freeze()
    try:
        mine = gc.get_freeze_count()
        list(process_documents(p, seeds, n_jobs=2, progress=False))
        assert gc.get_freeze_count() == mine
    finally:
        gc.unfreeze()


def test_the_pipeline_pickles_for_spawned_workers(seeds):
    """Worker processes started with 'spawn' (macOS, Windows) receive the pipeline by pickling."""
    import pickle

    from framing.pipeline import Pipeline
    from framing.seeds import seed_actors

    p = Pipeline(actors=seed_actors())
    q = pickle.loads(pickle.dumps(p))
    import pandas as pd

    for doc in seeds:
        assert pd.Series(q.process(doc).row).equals(pd.Series(p.process(doc).row))  # NaN equals NaN here


@pytest.mark.parametrize("texts", [["", "   "], ["Nothing about anyone here, said no one."]])
def test_tables_without_rows_have_every_column_of_the_same_type(seed_analysis, texts):
    """A corpus where no document has a sentence or a mention still gives tables with the columns (and dtypes)
    of any other: code written against the seed analysis does not break on them."""
    empty = framing.analyze(texts, actors=False, progress=False)
    for name in ("sentences", "mentions"):
        got, full = getattr(empty, name), getattr(seed_analysis, name)
        if name == "sentences" and len(got):
            continue  # the second corpus has sentences: only its mentions table is empty
        assert len(got) == 0
        assert list(got.columns) == list(full.columns)
        assert got.dtypes.astype(str).tolist() == full.dtypes.astype(str).tolist()


def test_a_report_where_no_document_could_be_analysed_says_so(tmp_path, recwarn):
    from framing.report import collect_pages
    from framing.report.base import ReportContext

    a = framing.analyze([{"id": "a", "text": ""}, {"id": "b", "text": "Ein deutscher Text. " * 30}], progress=False)
    pages = collect_pages(a, ReportContext(by="outlet", out_dir=tmp_path, n_boot=20))
    assert not [w for w in recwarn if "failed" in str(w.message)]  # no section tried to draw empty tables
    assert {p.section for p in pages} == {"overview", "methods"}
    summary = next(p for p in pages if p.name == "summary")
    assert "None of the 2 documents could be analysed: 1 skipped" in summary.text[0]
    assert "1 not in English" in summary.text[0]
    assert any(p.name == "no_results" for p in pages)
    # one document, a scanned PDF say: the page speaks of it in the singular
    one = framing.analyze([{"id": "scan", "text": ""}], progress=False)
    pages = collect_pages(one, ReportContext(by="outlet", out_dir=tmp_path, n_boot=20))
    summary = next(p for p in pages if p.name == "summary")
    assert summary.text[0].startswith("The one document could not be analysed: it was skipped")
    status = next(p for p in pages if p.name == "document_status")
    assert "1 in, 1 row in documents.csv" in " ".join(status.text)


def test_a_mistyped_group_column_is_named_before_any_report_file_is_written(seed_analysis, tmp_path):
    from framing.errors import GroupError

    with pytest.raises(
        GroupError, match=r"no column 'outlett'.*did you mean 'outlet'\?.*columns to group by: doc_id, outlet"
    ):
        seed_analysis.report(tmp_path / "rep", by="outlett")
    assert not (tmp_path / "rep").exists()
    with pytest.raises(KeyError):  # still a KeyError for code that caught the old one
        seed_analysis.compare(by="outlett")
    seed_analysis.check_group("genre")  # a corpus field, empty or not, is fine


def test_a_measure_is_not_a_column_to_group_by(seed_analysis):
    """compare("flesch_reading_ease") (compare's first argument is ``by``, differences' is the metric) made one
    group per distinct value; distinctive_words(by=a typo) made one group of every document."""
    from framing.errors import GroupError

    with pytest.raises(GroupError, match=r"'flesch_reading_ease' is measured in each document.*metric=\.\.\."):
        seed_analysis.compare("flesch_reading_ease")
    with pytest.raises(GroupError, match="'source_entropy' is measured"):
        seed_analysis.differences("hedges_per_1000", by="source_entropy")
    with pytest.raises(GroupError, match="'n_words' is a count"):
        seed_analysis.compare(by="n_words")
    per_doc = seed_analysis.compare(by="doc_id", metric="flesch_reading_ease")  # each document its own group
    assert sorted(per_doc["group"]) == sorted(seed_analysis.documents["doc_id"])
    assert (per_doc["resampled"] == "sentences").all() and (per_doc["ci_low"] < per_doc["ci_high"]).all()
    with pytest.raises(GroupError, match="no column 'outlett'"):
        seed_analysis.distinctive_words(by="outlett")
    assert len(seed_analysis.compare(by="top_frame", metric="flesch_reading_ease")) > 1  # a label is a group


def test_a_mistyped_metric_names_the_nearest_one(seed_analysis):
    """It was a bare KeyError, which the command line printed as a traceback."""
    from framing.errors import FramingError, MetricError

    with pytest.raises(MetricError, match=r"unknown metric 'hedgd_share' \(did you mean 'hedged_share'\?\); metrics: "):
        seed_analysis.compare(metric=["hedges_per_1000", "hedgd_share"])
    with pytest.raises(KeyError):  # still a KeyError for code that caught the old one
        seed_analysis.differences("stance_man")
    assert issubclass(MetricError, FramingError)


def test_negative_worker_counts_follow_joblib(monkeypatch):
    import framing.run as run

    monkeypatch.setattr(run.os, "cpu_count", lambda: 8)
    assert [run.worker_count(n) for n in (None, 0, 1, 3, -1, -2, -8, -20)] == [1, 1, 1, 3, 8, 7, 1, 1]
    for bad in ("2", 2.5, True):
        with pytest.raises(framing.errors.OptionError, match="n_jobs is a whole number"):
            run.worker_count(bad)  # "2" raised "'<' not supported between instances of 'str' and 'int'"


def test_one_analyzer_name_is_one_analyzer_not_its_letters():
    text = "Officials said the talks might resume."
    assert framing.analyze([text], analyzers="hedging", progress=False).analyzers == ["hedging"]


def test_options_that_gave_tables_of_nan_or_numpy_errors_are_named(seed_analysis, tmp_path):
    """A misspelt issue or actor gave one NaN row per outlet, level=95 a numpy message, n_boot=0 an
    IndexError, a report with n_boot='x' a report of failed sections, and explain(analyzers="hedging") no
    highlights (the letters of the name were taken as names)."""
    from framing.compare import check_options
    from framing.errors import OptionError

    a = seed_analysis
    issue = a.pipeline.issues.names[0]
    with pytest.raises(
        OptionError, match=re.escape(f"no issue {issue[:-1]!r} in this analysis (did you mean {issue!r}?)")
    ):
        a.compare(metric="hedges_per_1000", issue=issue[:-1])
    with pytest.raises(OptionError, match=r"no actor 'Pakistn' .*did you mean 'Pakistan'"):
        a.differences("stance_mean", actor="Pakistn")
    with pytest.raises(OptionError, match=r"level is the intervals' coverage, between 0 and 1 \(0.95 for 95%\)"):
        a.compare(metric="hedges_per_1000", level=95)
    with pytest.raises(OptionError, match="n_boot must be a whole number of at least 1, not 0"):
        a.compare(metric="hedges_per_1000", n_boot=0)
    with pytest.raises(OptionError, match="n_boot"):
        a.report(tmp_path / "rep", n_boot="x")
    assert not (tmp_path / "rep").exists()
    with pytest.raises(TypeError):
        a.report(tmp_path / "rep", nboot=100)  # a misspelt option is not swallowed
    with pytest.raises(OptionError, match="min_docs"):
        framing.issues.coverage(a, min_docs=-1)
    check_options(a, issue=issue, actor="Pakistan", level=0.9, n_boot=1, min_docs=0)  # all fine
    assert len(a.compare(metric="hedges_per_1000", issue=issue, n_boot=50)) > 0
    doc = a.documents["doc_id"][0]
    assert a.explain(doc, analyzers="hedging")._repr_html_() == a.explain(doc, analyzers=["hedging"])._repr_html_()
    assert 'class="fr-hedge"' in a.explain(doc, analyzers="hedging")._repr_html_()
    with pytest.raises(OptionError, match=r"no analyzer 'hedge'.*analyzers: readability"):
        a.explain(doc, analyzers=["hedge"])
