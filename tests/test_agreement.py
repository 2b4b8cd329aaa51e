from __future__ import annotations

import math

import pandas as pd
import pytest

import framing
import framing.evaluate as fe


def test_krippendorff_alpha_hand_example():
    # coincidences: aa 2, ab 1, ba 1, bb 4; n_a 3, n_b 5, n 8; Do = 2/8, De = 30/56
    assert fe.krippendorff_alpha(list("aabb"), list("abbb")) == pytest.approx(1 - 0.25 / (30 / 56))
    assert fe.krippendorff_alpha([1, 2, 3, 4], [1, 2, 3, 4]) == pytest.approx(1.0)
    assert fe.krippendorff_alpha([1, 2, None], [1, 2, 3]) == pytest.approx(1.0)  # missing pairs are dropped
    assert math.isnan(fe.krippendorff_alpha([1], [1]))


def test_interval_alpha_penalises_far_disagreements_more():
    near = fe.krippendorff_alpha([1, 2, 3, 4, 5], [1, 2, 3, 4, 4], level="interval")
    far = fe.krippendorff_alpha([1, 2, 3, 4, 5], [1, 2, 3, 4, 1], level="interval")
    assert 0 < far < near < 1


def test_agreement_with_a_users_coding_file(tmp_path, seed_analysis):
    s = seed_analysis.sentences
    coding = s[["doc_id", "sentence_id"]].head(40).copy()
    coding["heading"] = (s["kind"].head(40) == "heading").astype(int)
    coding.loc[coding.index[:3], "heading"] = 1 - coding.loc[coding.index[:3], "heading"]  # three disagreements
    path = tmp_path / "coding.csv"
    coding.to_csv(path, index=False)
    ours = s.assign(is_heading=(s["kind"] == "heading"))
    r = fe.agreement(ours, path, ours_column="is_heading", theirs_column="heading")
    assert r["n"] == 40 and r["unmatched"] == 0
    assert r["accuracy"] == pytest.approx(37 / 40)
    assert -1 <= r["alpha"] < 1
    with pytest.raises(Exception, match="no column"):
        fe.agreement(ours, pd.DataFrame({"doc_id": [1]}), ours_column="is_heading", theirs_column="heading")


def test_the_coding_sheet_is_a_blind_stratified_sample_that_joins_back(tmp_path, seed_analysis):
    a = seed_analysis
    sheet = fe.coding_sheet(a, unit="mentions", n=10, by="outlet", seed=3)
    assert sheet.columns.tolist() == ["doc_id", "start", "actor", "sentence", "code"]  # no label, no outlet
    assert (sheet["code"] == "").all() and sheet[["doc_id", "start"]].duplicated().sum() == 0
    outlets = a.documents.set_index("doc_id")["outlet"]
    assert sheet["doc_id"].map(outlets).value_counts().tolist() == [2] * 5  # 10 over 5 outlets
    m = a.mentions.set_index(["doc_id", "start"])
    for row in sheet.itertuples():
        marked = row.sentence.split("[[")[1].split("]]")[0]
        assert marked == " ".join(m.loc[(row.doc_id, row.start), "text"].split())
    pd.testing.assert_frame_equal(sheet, fe.coding_sheet(a, unit="mentions", n=10, by="outlet", seed=3))
    # coded with framing's own labels, written by a coder in capitals: full agreement through a CSV file
    coded = sheet.assign(code=[m.loc[(d, s), "label"].capitalize() for d, s in zip(sheet["doc_id"], sheet["start"])])
    coded.to_csv(tmp_path / "coded.csv", index=False)
    r = fe.agreement(
        a.mentions, tmp_path / "coded.csv", on=["doc_id", "start"], ours_column="label", theirs_column="code"
    )
    assert r["n"] == 10 and r["unmatched"] == 0 and r["accuracy"] == 1.0


def test_a_sentence_sheet_takes_running_text_and_yes_no_codes():
    records = [
        {"id": f"d{k}", "outlet": "A" if k < 2 else "B", "text": f"Heading {k}\n\nTalks may resume. Officials said so."}
        for k in range(6)
    ]
    a = framing.analyze(framing.Corpus.from_records(records), analyzers=["hedging"], progress=False)
    sheet = fe.coding_sheet(a, n=100, by="outlet")
    running = a.sentences[a.sentences["kind"] == "text"]
    assert len(sheet) == len(running)  # more asked for than there are: all of them
    assert set(sheet["text"]) <= set(running["text"])
    hedged = a.sentences.set_index(["doc_id", "sentence_id"])["hedged"]
    sheet["code"] = ["yes" if hedged[(d, s)] else "no" for d, s in zip(sheet["doc_id"], sheet["sentence_id"])]
    assert fe.agreement(a.sentences, sheet, ours_column="hedged", theirs_column="code")["accuracy"] == 1.0
    assert fe.coding_sheet(a, n=3, by=None).shape[0] == 3
    with pytest.raises(Exception, match="unit is 'sentences' or 'mentions'"):
        fe.coding_sheet(a, unit="words")
    with pytest.raises(Exception, match="no mentions to sample"):
        fe.coding_sheet(a, unit="mentions")


def test_quotas_spread_the_sample_over_the_groups():
    from framing.evaluate._sheet import _quotas

    assert _quotas([10, 1, 5], 9) == [4, 1, 4]
    assert _quotas([10, 1, 5], 100) == [10, 1, 5]
    assert _quotas([3, 3, 3], 4) == [2, 1, 1]
    assert _quotas([0, 7], 3) == [0, 3]


def test_the_readme_s_framing_evaluate_works_after_a_plain_import_framing():
    """`import framing` alone, then framing.evaluate.agreement(...) as the README writes it: the subpackage was
    never imported, and the line raised AttributeError."""
    import subprocess
    import sys

    from conftest import child_env

    code = "import framing; framing.evaluate.agreement; framing.evaluate.coding_sheet; framing.plots.plot_trend"
    done = subprocess.run([sys.executable, "-c", code], env=child_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_balanced_sheet_gives_each_of_framing_s_answers_its_share_without_showing_it(seed_analysis):
    a = seed_analysis
    sheet = fe.coding_sheet(a, unit="mentions", n=9, by=None, balance="label")
    labels = a.mentions.set_index(["doc_id", "start"])["label"]
    got = [labels[(d, s)] for d, s in zip(sheet["doc_id"], sheet["start"])]
    assert sorted(got) == ["negative"] * 3 + ["neutral"] * 3 + ["positive"] * 3
    assert "label" not in sheet.columns
    with pytest.raises(Exception, match="no column 'lable' in the mentions table"):
        fe.coding_sheet(a, unit="mentions", balance="lable")
