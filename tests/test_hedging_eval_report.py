"""Hedging evaluation (Szeged XML, certainty ratings), its command line, and the report pages on the seeds."""

from __future__ import annotations

import json

import pytest
from conftest import shared_path

from framing.cli import main
from framing.evaluate.hedging import evaluate, format_result, match_spans, read_szeged

XML = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet>
<Document type="Wikipedia_text_weasel"><DocID type="WIKIPEDIA_ARTICLE_ID">A_1</DocID>
<DocumentPart type="Title"><Sentence id="S1.1">Border talks</Sentence></DocumentPart>
<DocumentPart type="Text">
<Sentence id="S1.2">The talks <ccue type="speculation_modal_probable_">may</ccue> collapse.</Sentence>
<Sentence id="S1.3">Elections were held in May 2024.</Sentence>
<Sentence id="S1.4">It is <ccue type="speculation_hypo_doxastic _">believed</ccue> that he fled <ccue type="speculation_hypo_condition _">if</ccue> pressed.</Sentence>
<Sentence id="S1.5">He <ccue type="speculation_hypo_doxastic _">thinks</ccue> so.</Sentence>
<Sentence id="S1.6">The army could not reach the town.</Sentence>
<Sentence id="S1.7">The ceasefire might hold.</Sentence>
</DocumentPart></Document>
</DocumentSet></Annotation>
"""


@pytest.fixture()
def xml_file(tmp_path):
    p = tmp_path / "mini.xml"
    p.write_text(XML, encoding="utf-8")
    return p


def test_read_szeged_keeps_text_and_cue_offsets(xml_file):
    sents = list(read_szeged(xml_file))
    assert len(sents) == 7
    s = sents[3]
    assert s.text == "It is believed that he fled if pressed."
    assert [s.text[a:b] for a, b, _ in s.cues] == ["believed", "if"]
    assert s.cues[0][2] == "speculation_hypo_doxastic"
    assert [x.uncertain for x in sents] == [False, True, False, True, True, False, False]


def test_match_spans_is_one_to_one():
    assert match_spans([(0, 5)], [(0, 3), (2, 5)]) == 1
    assert match_spans([(0, 5), (2, 4)], [(0, 3), (2, 5)]) == 2
    assert match_spans([(0, 5)], [(0, 3)], exact=True) == 0
    assert match_spans([(6, 9)], [(0, 3)]) == 0


def test_evaluate_szeged_numbers(xml_file):
    r = evaluate(xml_file)
    # predicted uncertain: S1.2 (may), S1.4 (it is believed, if), S1.5 (thinks), S1.7 (might, not in gold)
    assert (r["task"], r["n"], r["n_uncertain"], r["n_predicted"]) == ("hedging", 7, 3, 4)
    assert r["precision"] == 0.75 and r["recall"] == 1.0 and r["f1"] == pytest.approx(0.8571, abs=1e-4)
    # cues: gold may, believed, if, thinks; predicted may, "It is believed", if, thinks, might
    assert r["cue_precision"] == 0.8 and r["cue_recall"] == 1.0
    assert r["cue_f1_exact"] == pytest.approx(2 * 0.6 * 0.75 / 1.35, abs=1e-4)
    for key in ("task", "n", "precision", "recall", "f1", "cue_f1"):
        assert key in r
    assert "sentence: precision" in format_result(r)


def test_flat_baseline_counts_may_the_month(xml_file):
    r = evaluate(xml_file, baseline="flat")
    assert r["baseline"] == "flat"
    assert r["n_predicted"] == 6  # "May 2024" and "could not" now count
    errors = evaluate(xml_file, baseline="flat", errors=5)
    assert any("May 2024" in fp["text"] for fp in errors["false_positives"])


def test_evaluate_certainty(tmp_path):
    rows = [
        ("The drug may possibly reduce deaths.", 2.0, "train"),
        ("The drug might reduce deaths.", 3.0, "train"),
        ("The drug reduces deaths.", 5.0, "test"),
        ("The drug clearly reduces deaths.", 6.0, "test"),
    ]
    p = tmp_path / "c.jsonl"
    p.write_text(
        "\n".join(json.dumps({"finding": t, "sentence-level-certainty": c, "split": s}) for t, c, s in rows),
        encoding="utf-8",
    )
    r = evaluate(p)
    assert r["task"] == "hedging" and r["n"] == 4 and r["format"] == "certainty"
    assert r["spearman"] == pytest.approx(1.0)
    assert set(r["per_split"]) == {"train", "test"}
    assert "Spearman" in format_result(r)


def test_cli_json(xml_file, capsys):
    assert main(["evaluate", "hedging", "--data", str(xml_file), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n"] == 7 and "cue_f1" in out


def test_bad_input_is_a_clear_error(tmp_path, capsys):
    p = tmp_path / "broken.xml"
    p.write_text("<Annotation><Sentence>", encoding="utf-8")
    assert main(["evaluate", "hedging", "--data", str(p)]) == 1
    assert "not well-formed XML" in capsys.readouterr().err


# ---------------------------------------------------------------------- acceptance on the shared dev data
def test_acceptance_szeged_wiki():
    path = shared_path("eval", "szeged", "wiki.xml")
    r = evaluate(path)
    assert r["n"] > 20000
    assert r["f1"] >= 0.78
    flat, ruled = evaluate(path, baseline="flat", limit=4000), evaluate(path, limit=4000)
    assert flat["f1"] < ruled["f1"]


def test_acceptance_science_certainty():
    path = shared_path("eval", "science_certainty", "sentence-level-certainty.jsonl")
    r = evaluate(path, format="certainty")
    assert r["n"] > 1500
    assert r["spearman"] >= 0.35


# ---------------------------------------------------------------------- the seeds: analysis, explain, report
@pytest.fixture(scope="module")
def seed_hedging():
    import framing

    return framing.analyze(framing.load_seeds(), analyzers=["readability", "hedging"])


def test_seed_tables_and_metrics(seed_hedging):
    a = seed_hedging
    docs = a.documents
    for col in ("hedges_per_1000", "boosters_per_1000", "hedged_share", "certainty_index", "own_voice_plain_share"):
        assert col in docs.columns
    assert docs["hedges_per_1000"].notna().all()
    ev = a.evidence[a.evidence["analyzer"] == "hedging"]
    s = a.sentences
    counted_ev = ev[~ev["note"].str.contains("not counted")]
    assert len(counted_ev) == int(s["n_hedges"].sum() + s["n_boosters"].sum() + s["n_prescriptions"].sum())
    # the outlet figure is the ratio of the summed columns
    t = a.compare(metric="hedges_per_1000", n_boot=50)
    for row in t.itertuples():
        sub = s[s["outlet"] == row.group]
        assert row.value == pytest.approx(1000 * sub["n_hedges"].sum() / sub["hg_words"].sum())


def test_seed_per_actor_hedged_share(seed_hedging):
    a = seed_hedging
    t = a.compare(metric="actor_hedged_share", n_boot=50)
    assert t["actor"].notna().all() and t["actor"].nunique() > 1
    m = a.mentions
    s = a.sentences.set_index(["doc_id", "sentence_id"])
    first = m[m["hg_first"] == 1]
    for row in first.head(40).itertuples():
        assert row.hg_hedged == s.loc[(row.doc_id, row.sentence_id), "hedged"]
    # the sentence-table restriction gives the same figure for one actor
    actor = t["actor"].iloc[0]
    by_mentions = t[t["actor"] == actor].set_index("group")["value"]
    by_sentences = a.compare(metric="hedged_share", actor=actor, n_boot=50).set_index("group")["value"]
    assert by_mentions.round(10).to_dict() == by_sentences.reindex(by_mentions.index).round(10).to_dict()


def test_explain_shows_every_hedging_cue(seed_hedging):
    a = seed_hedging
    doc = a.documents["doc_id"].iloc[0]
    h = a.explain(doc, analyzers=["hedging"])
    ev = a.evidence[(a.evidence["doc_id"] == doc) & (a.evidence["analyzer"] == "hedging")]
    spans = {(s, e) for s, e, c, _ in h.spans if c in ("hedge", "booster", "prescription")}
    assert spans == set(zip(ev["start"], ev["end"]))
    assert "fr-hedge" in h.to_html()


def test_report_pages_show_every_cue_behind_each_outlet(seed_hedging):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from framing.report.base import ReportContext
    from framing.report.hedging import pages, summary

    a = seed_hedging
    ctx = ReportContext(n_boot=100)
    got = pages(a, ctx)
    names = [p.name for p in got]
    assert names[:2] == ["hedging", "hedging_cues"] and "hedging_actors" in names
    overview, cue_page = got[0], got[1]
    assert set(overview.table["metric"]) >= {"hedges_per_1000", "boosters_per_1000"}
    assert overview.excerpts and all("fr-" in html for _, html, _ in overview.excerpts)
    # every counted cue of every outlet is in the cue table and in a highlighted sentence
    ev = a.evidence[(a.evidence["analyzer"] == "hedging") & ~a.evidence["note"].str.contains("not counted")]
    assert int(cue_page.table["n"].sum()) == len(ev)
    s = a.sentences
    n_cue_sentences = int(((s["n_hedges"] + s["n_boosters"] + s["n_prescriptions"]) > 0).sum())
    assert len(cue_page.excerpts) == n_cue_sentences
    plain = " ".join(p for _, _, p in cue_page.excerpts)
    assert plain.count("‹") + plain.count("«") + plain.count("⟨") >= len(ev)
    lines = summary(a, ctx)
    assert lines and "hedges per 1,000 words" in lines[0]
    for p in got:
        if p.figure is not None:
            plt.close(p.figure)
