from __future__ import annotations

import math

import pandas as pd
import pytest

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
