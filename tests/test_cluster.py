"""The Dask path gives the same document table as the serial path."""

from __future__ import annotations

import random

import pandas as pd
import pytest

import framing
import framing.seeds

dd = pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

from framing import cluster  # noqa: E402
from framing.analyzers.base import Analyzer, DocContext, DocResult  # noqa: E402


def five_hundred_documents() -> pd.DataFrame:
    """500 articles built from the seed sentences (varied, with a few true duplicates)."""
    seeds = framing.load_seeds()
    a = framing.analyze(seeds, analyzers=[], actors=False)
    sentences = [s for s in a.sentences["text"] if len(s.split()) > 6]
    rng = random.Random(5)
    rows = []
    for k in range(500):
        if k % 97 == 0 and k:
            text = rows[k - 1]["text"]  # an exact copy
        else:
            text = " ".join(rng.sample(sentences, 8))
        rows.append({"id": f"d{k:03d}", "outlet": seeds[k % 5].outlet, "text": text})
    return pd.DataFrame(rows)


def test_dask_dataframe_on_a_local_cluster_matches_the_serial_table():
    df = five_hundred_documents()
    actors = framing.ActorSet.from_yaml_text(framing.seeds.seed_file("actors.yaml").read_text())
    serial = framing.analyze(framing.Corpus.from_dataframe(df), actors=actors, progress=False).documents
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc,
        distributed.Client(lc),
    ):
        ddf = dd.from_pandas(df, npartitions=6)
        parallel = cluster.score_dataframe(ddf, actors=actors)
    pd.testing.assert_frame_equal(parallel, serial)
    assert parallel["duplicate_of"].astype(bool).sum() == 5


def test_dask_bag_matches_too():
    import dask.bag as db

    df = five_hundred_documents().head(60)
    corpus = framing.Corpus.from_dataframe(df)
    serial = framing.analyze(corpus, actors=False, progress=False).documents
    bag = db.from_sequence(list(corpus), npartitions=3)
    got = cluster.score_bag(bag, actors=False)
    pd.testing.assert_frame_equal(got, serial)


def test_repeated_ids_and_notes_come_out_as_in_the_serial_table():
    """Repeated ids are renamed, and notes kept, in the order the serial path gives them, although each
    partition is analysed apart; an HTML page keeps its note when it is also a duplicate."""
    import dask.bag as db

    text = "Pakistan said the border would reopen on Monday. Officials in Kabul strongly disagreed with that."
    page = f"<html><body><p>{text} The talks resume.</p></body></html>"
    df = pd.DataFrame(
        {
            "id": ["a", "a", "b", "a~1", "a", "c", "d"],
            "outlet": ["x", "y", "x", "y", "x", "y", "x"],
            "text": [text, f"{text} Again.", page, f"{text} Third.", "", page, f"{text} Last one."],
        }
    )
    serial = framing.analyze(framing.Corpus.from_dataframe(df), actors=False, progress=False).documents
    assert list(serial["doc_id"]) == ["a", "a~1", "b", "a~1~1", "a~2", "c", "d"]
    assert serial["status"][5] == "warning: converted from HTML; exact duplicate of b"
    assert serial["status"][4] == "skipped: empty document; duplicate id, renamed to a~2"
    parallel = cluster.score_dataframe(dd.from_pandas(df, npartitions=3), actors=False)
    pd.testing.assert_frame_equal(parallel, serial)
    bag = cluster.score_bag(db.from_sequence(df.to_dict("records"), npartitions=3), actors=False)
    pd.testing.assert_frame_equal(bag, serial)


class _Counter(Analyzer):
    """Counts the documents its instance has seen: a stand-in for the memos real analyzers keep."""

    name = "counter"

    def __init__(self) -> None:
        self.seen = 0

    def analyze(self, ctx: DocContext) -> DocResult:
        self.seen += 1
        return DocResult(metrics={"seen": self.seen})

    def document_metrics(self) -> dict[str, str]:
        return {"seen": "documents this instance has analysed"}


def test_every_partition_gets_its_own_pipeline():
    """No pipeline object is shared between tasks: Dask may pickle a shared one while a task changes its memos
    (a copy taken so had lost lexicon words on a local cluster), and a worker's threads would share them."""
    import dask.bag as db

    df = pd.DataFrame({"id": [f"d{k}" for k in range(9)], "text": ["The talks resumed on Monday."] * 9})
    parts = cluster.map_dataframe(dd.from_pandas(df, npartitions=3), analyzers=[_Counter()], actors=False)
    seen = parts.compute(scheduler="synchronous")["seen"].tolist()  # one thread, partitions one after another
    assert seen == seen[:3] * 3, seen
    bag = db.from_sequence(df.to_dict("records"), npartitions=3)
    rows = cluster.map_bag(bag, analyzers=[_Counter()], actors=False).compute(scheduler="synchronous")
    assert [r["seen"] for r in rows] == [1, 2, 3] * 3
