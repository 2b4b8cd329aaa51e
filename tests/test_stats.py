"""Statistics: interval coverage with a known truth, a hand-computed log-odds example, differences."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analyzers.base import Metric, ratio
from framing.compare import compare_groups, group_differences
from framing.distinctive import log_odds
from framing.stats import bootstrap_interval

SHARE = Metric("share", "Share", "test", "sentences", ("flag", "_rows"), ratio(), "a proportion")


def synthetic(p_by_group: dict[str, float], docs: int, sentences: int, rng: np.random.Generator):
    """A fake analysis: documents of each group whose sentences are flagged with probability p (+ doc noise)."""
    drows, srows = [], []
    for g, p in p_by_group.items():
        for d in range(docs):
            doc_id = f"{g}-{d}"
            q = min(max(p + rng.normal(0, 0.05), 0), 1)  # documents differ a little: clustering
            drows.append({"doc_id": doc_id, "outlet": g, "status": "ok"})
            for s in range(sentences):
                srows.append({"doc_id": doc_id, "sentence_id": s, "flag": int(rng.random() < q)})
    return SimpleNamespace(
        documents=pd.DataFrame(drows),
        sentences=pd.DataFrame(srows),
        mentions=pd.DataFrame(columns=["doc_id", "sentence_id", "actor"]),
        metrics={"share": SHARE},
    )


def test_document_bootstrap_interval_covers_the_truth_about_95_percent_of_the_time():
    rng = np.random.default_rng(42)
    hits = 0
    runs = 150
    for k in range(runs):
        a = synthetic({"A": 0.3}, docs=30, sentences=15, rng=rng)
        row = compare_groups(a, metric="share", n_boot=400, seed=k).iloc[0]
        assert row["resampled"] == "documents"
        hits += row["ci_low"] <= 0.3 <= row["ci_high"]
    assert 0.88 <= hits / runs <= 0.995


def test_a_real_difference_is_found_and_its_interval_covers_it():
    rng = np.random.default_rng(7)
    covered = separated = 0
    runs = 60
    for k in range(runs):
        a = synthetic({"A": 0.3, "B": 0.5}, docs=25, sentences=15, rng=rng)
        d = group_differences(a, "share", n_boot=400, seed=k).iloc[0]
        covered += d["ci_low"] <= -0.2 <= d["ci_high"]
        separated += bool(d["separated"])
        assert d["effect_size"] < 0
    assert covered / runs >= 0.85
    assert separated / runs >= 0.9


def test_no_difference_rarely_looks_separated():
    rng = np.random.default_rng(3)
    runs = 60
    separated = sum(
        bool(
            group_differences(synthetic({"A": 0.4, "B": 0.4}, 25, 15, rng), "share", n_boot=300, seed=k).iloc[0][
                "separated"
            ]
        )
        for k in range(runs)
    )
    assert separated / runs <= 0.1


def test_groups_with_few_documents_resample_rows_and_say_so():
    rng = np.random.default_rng(1)
    a = synthetic({"A": 0.3, "B": 0.6}, docs=2, sentences=40, rng=rng)
    t = compare_groups(a, metric="share", n_boot=300)
    assert set(t["resampled"]) == {"sentences"} and (t["n"] == 80).all()


def test_bootstrap_of_a_ratio_uses_summed_columns():
    m = Metric("per1000", "per 1000", "t", "sentences", ("hits", "words"), ratio(1000.0))
    sums = np.array([[2.0, 100.0], [0.0, 300.0], [4.0, 100.0]])
    res = bootstrap_interval(m, sums, n_boot=200)
    assert res.value == pytest.approx(1000 * 6 / 500)
    assert res.low <= res.value <= res.high


def test_log_odds_matches_a_hand_computed_example():
    counts = {"A": {"war": 10, "peace": 2, "talks": 8}, "B": {"war": 2, "peace": 10, "talks": 8}}
    t = log_odds(counts, prior=10.0).set_index(["group", "word"])
    # by hand: totals war 12, peace 12, talks 16 (n = 40); alpha_w = 10 * y_w / 40 -> war 3, peace 3, talks 4
    # A vs B for "war": y_i = 10, y_j = 2, n_i = n_j = 20, a0 = 10
    delta = math.log((10 + 3) / (20 + 10 - 10 - 3)) - math.log((2 + 3) / (20 + 10 - 2 - 3))
    var = 1 / (10 + 3) + 1 / (2 + 3)
    assert t.loc[("A", "war"), "delta"] == pytest.approx(delta)
    assert t.loc[("A", "war"), "variance"] == pytest.approx(var)
    assert t.loc[("A", "war"), "z"] == pytest.approx(delta / math.sqrt(var))
    assert t.loc[("B", "war"), "z"] == pytest.approx(-t.loc[("A", "war"), "z"])
    assert t.loc[("A", "talks"), "z"] == pytest.approx(0.0)


def test_distinctive_words_and_differences_on_the_seeds(seed_analysis):
    words = seed_analysis.distinctive_words(top=5)
    assert set(words["group"]) == set(seed_analysis.documents["outlet"])
    assert (words.groupby("group")["z"].apply(lambda z: z.is_monotonic_decreasing)).all()
    d = seed_analysis.differences("flesch_reading_ease")
    assert len(d) == 10  # 5 outlets, every pair


def test_bootstrap_count_matrices_are_drawn_once_per_size_within_a_byte_budget(monkeypatch):
    """A report of a corpus with ~100 outlets needs ~100 group sizes: each matrix is drawn once (a memo
    of 64 entries drew them again and again), and the memo never holds more than its budget."""
    from framing import stats

    drawn: list[int] = []
    real = stats._draw

    def counting(n, n_boot, seed):
        drawn.append(n)
        return real(n, n_boot, seed)

    monkeypatch.setattr(stats, "_draw", counting)
    sizes = list(range(1, 101))
    roomy = stats._CountsMemo(budget=50 * 8 * sum(sizes))
    for _ in range(3):
        for n in sizes:
            got = roomy.get(n, 50, 7)
            assert got.shape == (50, n) and (got.sum(axis=1) == n).all()
    assert drawn == sizes
    assert np.array_equal(roomy.get(60, 50, 7), real(60, 50, 7))  # the same draws as without the memo

    drawn.clear()
    tight = stats._CountsMemo(budget=50 * 8 * 100)  # room for one matrix of 100 units, or a few smaller
    for n in [*sizes, *sizes]:
        tight.get(n, 50, 7)
        assert tight._bytes <= tight.budget
    assert len(drawn) == 200  # least recently used first out: a cyclic scan finds nothing left
    tight.get(100, 50, 7)
    tight.get(1000, 50, 7)  # larger than the whole budget: drawn, not kept
    assert (1000, 50, 7) not in tight._held and (100, 50, 7) in tight._held


def _top_by_sorting_the_whole_table(counts, top, prior, min_count):
    """distinctive_words as it was: the whole log-odds table, filtered, sorted and ranked by pandas."""
    table = log_odds(counts, prior=prior)
    table = table[table["count"] >= min_count]
    table = table.sort_values(["group", "z"], ascending=[True, False])
    table["rank"] = table.groupby("group").cumcount() + 1
    out = table[table["rank"] <= top]
    return out[["group", "rank", "word", "count", "count_rest", "delta", "z"]].reset_index(drop=True)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.text("abcXY", min_size=1, max_size=3),
        st.dictionaries(st.sampled_from(["war", "peace", "tax", "vote", "oil", "aid", "law"]), st.integers(0, 9)),
        min_size=2,
        max_size=6,
    ),
    st.integers(1, 8),
    st.sampled_from([1, 3]),
)
def test_top_words_are_the_top_rows_of_the_whole_log_odds_table(counts, top, min_count):
    """Small counts over a small vocabulary make many ties in z: they must break the same way."""
    from framing.distinctive import top_words

    if not any(n for c in counts.values() for n in c.values()):
        return  # no words at all: both give an empty table
    got = top_words(counts, top=top, prior=10.0, min_count=min_count)
    want = _top_by_sorting_the_whole_table(counts, top, 10.0, min_count)
    pd.testing.assert_frame_equal(got, want, check_dtype=True)


def test_every_metric_gives_the_same_values_per_replicate_as_one_at_a_time():
    """compute_many (vectorised where the formula allows: all of them now) equals compute on each row,
    NaN where a denominator is zero, for every metric of the default analyzers."""
    from framing.pipeline import Pipeline
    from framing.seeds import seed_actors, seed_issues

    rng = np.random.default_rng(3)
    for m in Pipeline(actors=seed_actors(), issues=seed_issues()).metric_list:
        sums = rng.integers(0, 4, size=(300, len(m.columns))).astype(float)
        sums[:20] = 0.0  # every denominator zero somewhere
        many = m.compute_many(sums)
        one = np.array([m.compute(tuple(r)) for r in sums])
        np.testing.assert_array_equal(many, one, err_msg=m.name)
        assert getattr(m.formula, "vectorized", False), f"{m.name}: a formula called once per bootstrap replicate"
