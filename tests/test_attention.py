"""The attention an actor gets (mentions per 1,000 words) is a metric like the others: per document, per group
with an interval, per issue, from a streamed run's tables, and it agrees with ``actor_counts``."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import framing
from framing.errors import OptionError
from framing.score import score_to_file
from framing.seeds import seed_actors, seed_issues

# written for this test: Beta names Pakistan twice in every article, Alpha never (it names Kabul once)
QUIET = "Trade across the border fell sharply, traders said. Prices rose in the markets of Peshawar this week."
LOUD = "Pakistan accused Afghanistan of sheltering militants. Officials in Kabul denied that Pakistan was right."
KABUL = "Kabul closed the border crossing at Torkham on Monday, and traders waited for days."


@pytest.fixture(scope="module")
def two_outlets():
    docs = [{"id": f"a{k}", "outlet": "Alpha", "text": QUIET if k else KABUL} for k in range(6)]
    docs += [{"id": f"b{k}", "outlet": "Beta", "text": f"{QUIET} {LOUD}"} for k in range(6)]
    return framing.analyze(
        framing.Corpus.from_records(docs), actors=seed_actors(), issues=seed_issues(), progress=False
    )


def test_each_document_gets_its_density_of_actor_mentions(two_outlets):
    a = two_outlets
    per_doc = a.mentions.groupby("doc_id").size()
    for row in a.documents.itertuples():
        want = 1000 * per_doc.get(row.doc_id, 0) / row.n_words
        assert math.isclose(row.mentions_per_1000, want), row.doc_id


def test_compare_gives_the_rate_of_actor_counts_with_an_interval(two_outlets):
    a = two_outlets
    got = a.compare(metric="mentions_per_1000", n_boot=200)
    rates = a.actor_counts(per_thousand=True)
    assert set(got["actor"]) == set(a.mentions["actor"])
    for row in got.itertuples():
        assert math.isclose(row.value, rates.loc[row.group, row.actor], abs_tol=1e-12), row
        assert row.ci_low <= row.value <= row.ci_high
        assert row.resampled == "documents" and row.n_docs == 6
        # every sentence of the group counts, not only those that name the actor
        assert row.n == (a.sentences["outlet"] == row.group).sum()
    # an outlet that never names an actor gives it no attention: a value of 0, not a missing row
    alpha = got[(got["group"] == "Alpha") & (got["actor"] == "Pakistan")].iloc[0]
    assert alpha["value"] == alpha["ci_low"] == alpha["ci_high"] == 0
    pak = a.differences("mentions_per_1000", actor="Pakistan", n_boot=200).iloc[0]
    assert pak["group_a"] == "Alpha" and pak["difference"] < 0 and pak["separated"]


def test_within_an_issue_the_words_and_the_mentions_are_those_of_its_sentences(two_outlets):
    a = two_outlets
    issue = "cross-border militancy and safe havens"
    s = a.sentences[a.sentences["issues"].map(lambda v: issue in v)]
    assert len(s) and len(s) < len(a.sentences)
    got = a.compare(metric="mentions_per_1000", actor="Pakistan", issue=issue, n_boot=50).set_index("group")
    keys = set(zip(s["doc_id"], s["sentence_id"]))
    m = a.mentions[a.mentions["actor"] == "Pakistan"]
    m = m[[k in keys for k in zip(m["doc_id"], m["sentence_id"])]]
    words = s.loc[s["outlet"] == "Beta", "n_words"].sum()
    assert math.isclose(got.loc["Beta", "value"], 1000 * (m["outlet"] == "Beta").sum() / words)
    # Alpha never raises the issue: no words of it, so no rate (not a rate of 0)
    assert (s["outlet"] == "Alpha").sum() == 0 and math.isnan(got.loc["Alpha", "value"])


def test_a_streamed_run_gives_the_same_attention_and_needs_the_mentions_table(two_outlets, tmp_path):
    path = tmp_path / "scores.parquet"
    score_to_file(
        two_outlets.corpus,
        path,
        actors=seed_actors(),
        issues=seed_issues(),
        tables=("documents", "sentences", "mentions"),
        progress=False,
    )
    want = two_outlets.compare(metric="mentions_per_1000", n_boot=50)
    pd.testing.assert_frame_equal(framing.load_scores(path).compare(metric="mentions_per_1000", n_boot=50), want)
    bare = tmp_path / "bare.csv"
    score_to_file(two_outlets.corpus, bare, actors=seed_actors(), tables=("documents", "sentences"), progress=False)
    with pytest.raises(OptionError, match="--tables documents,mentions "):
        framing.load_scores(bare).compare(metric="mentions_per_1000")
