"""A document's metrics: the ratios the pipeline computes inline equal what each Metric computes itself."""

from __future__ import annotations

import math

import pytest

from framing.corpus import Document
from framing.pipeline import Pipeline, _column_sum
from framing.seeds import seed_actors, seed_issues

TEXTS = [
    "Pakistan accused Afghanistan of sheltering militants. Officials in Kabul denied it, a spokesman said.",
    "No one was quoted. The weather was fine.",
    "",  # no sentence: every ratio of a sentence sum is NaN
    "Reports suggest the talks may resume; analysts said they would probably fail.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_inline_ratios_equal_each_metric_s_own_computation(seeds, text):
    pipe = Pipeline(actors=seed_actors(), issues=seed_issues())
    for doc in [Document(id="t", text=text), *list(seeds)[:2]]:
        out = pipe.process(doc)
        n = {True: len(out.sentences.get("sentence_id", ())), False: len(out.mentions.get("actor", ()))}
        for m in pipe.metric_list:
            table = out.sentences if m.table == "sentences" else out.mentions
            pseudo = {"_rows": float(n[m.table == "sentences"]), "_mentions": float(n[False])}
            sums = tuple(pseudo[c] if c in pseudo else _column_sum(table.get(c)) for c in m.columns)
            want = math.nan if n[m.table == "sentences"] < m.min_rows else m.compute(sums)
            got = out.row[m.name]
            assert (math.isnan(got) and math.isnan(want)) or got == want, (doc.id, m.name, got, want)
