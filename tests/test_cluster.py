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
