"""The memos kept across documents change speed and memory only: tiny limits give the same tables."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing import cache_limits
from framing.corpus import Corpus, Document
from framing.lexicons import Lexicon
from framing.text import TextModel

EXTRA = [
    # run-together words for the cleaner's repair, in two documents so its memo is consulted again
    "The ministry said the talks hadfailed again. Officials said the border crossing wasclosed on Tuesday, "
    "and traders said they lost money. " * 3,
    "A spokesman said the talks hadfailed. The minister told reporters that the crossing wasclosed, officials "
    "said, and diplomats said the meeting would resume. “We will reopen it,” the spokesman said.",
]


def _corpus() -> Corpus:
    docs = list(framing.load_seeds())
    docs += [Document(id=f"extra{i}", text=t, outlet="Test") for i, t in enumerate(EXTRA)]
    return Corpus(docs)


def _tables(a: framing.Analysis) -> dict[str, pd.DataFrame]:
    out = {name: getattr(a, name) for name in ("documents", "sentences", "mentions", "evidence", "cleaning")}
    out.update({f"table:{name}": a.table(name) for name in a.table_names})
    return out


def test_tiny_limits_give_the_same_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    want = _tables(framing.analyze(_corpus(), progress=False))
    assert (want["cleaning"]["rule"] == "run_together").any(), "the corpus must exercise the run-together repair"
    for name in ("WORD_TYPES", "SYLLABLES", "SOURCE_PHRASES", "SPLIT_TOKENS", "GLOB_WORDS"):
        monkeypatch.setattr(cache_limits, name, 3)  # emptied again and again, within documents too
    got = _tables(framing.analyze(_corpus(), progress=False))
    assert want.keys() == got.keys()
    for name, frame in want.items():
        pd.testing.assert_frame_equal(got[name], frame, check_exact=True, obj=name)


def test_wildcard_memo_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = Lexicon.from_dict({"water": ["river*", "dam*", "flood*"]})
    model = TextModel("Rivers flooded the dams. The river and the dam: flooding, rivers, damage.")
    want = lex.hits(model)
    monkeypatch.setattr(cache_limits, "GLOB_WORDS", 1)
    fresh = Lexicon.from_dict({"water": ["river*", "dam*", "flood*"]})
    assert fresh.hits(model) == want
    assert len(fresh._glob_cache) <= 2
