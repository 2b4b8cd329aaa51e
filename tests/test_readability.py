"""Readability: the fast paths of the syllable counter and the per-sentence sums agree with the plain definitions."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analyzers import readability as rd
from framing.analyzers.base import DocContext
from framing.analyzers.readability import Readability, SyllableCounter, count_syllables
from framing.corpus import Document
from framing.text import TextModel


def reference_syllables(word: str) -> int:
    """count_syllables as first written: every regular expression run on every word (no shortcut)."""
    if "." in word and all(len(p) <= 2 for p in word.split(".")):
        return sum(ch.isalpha() for ch in word)
    w = "".join(ch for ch in word if ch.isalpha())
    if not w:
        return 0
    if len(w) <= 2:
        return 1
    n = len(rd._VOWEL_GROUPS.findall(w))
    if n == 0:
        return max(1, len(w) // 2)
    if n > 1 and w[-1] == "e":
        if w.endswith("le"):
            if w[-3] in "aeiouy":
                n -= 1
        elif w.endswith("ue"):
            if w[-3] in "gq":
                n -= 1
        elif not w.endswith(("ee", "ie", "ye", "oe")):
            n -= 1
    elif (n > 1 and w.endswith("ed") and w[-3] not in "tdaeiouy") or (
        n > 1 and w.endswith("es") and w[-3] not in "aeiouy" and not w.endswith(rd._MUTE_ES)
    ):
        n -= 1
    n -= len(rd._SILENT_E_SUFFIX.findall(w))
    n += len(rd._EXTRA_SYLLABLE.findall(w))
    return max(1, n)


# words built from the letters and endings the patterns look at, so that the rare branches are reached
_PIECES = [
    *string.ascii_lowercase,
    "ua", "qua", "gua", "iation", "ing", "eing", "ian", "tian", "io", "eo", "ism", "ire", "our", "ours", "four",
    "ier", "ia", "ea", "ious", "gious", "ely", "ement", "ements", "eness", "eful", "eless", "le", "ue", "ed",
    "es", "ches", "é", "'", "’", "-", ".", "1",
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6).map("".join))
def test_count_syllables_shortcuts_change_nothing(word):
    assert count_syllables(word) == reference_syllables(word)


def test_count_syllables_examples():
    words = {"being": 2, "january": 4, "syria": 3, "radio": 3, "likely": 2, "statement": 2, "table": 2}
    words.update({"while": 1, "league": 1, "unique": 2, "u.s": 2, "mr": 1, "fire": 2, "situation": 4})
    assert {w: count_syllables(w) for w in words} == words == {w: reference_syllables(w) for w in words}


def run(text: str, analyzer: Readability | None = None):
    model = TextModel(text)
    ctx = DocContext(Document(id="t", text=text), model, None, [], [])
    return model, (analyzer or Readability()).analyze(ctx)


def plain_columns(model: TextModel, syl: SyllableCounter) -> dict[str, list[int]]:
    """The sentence columns by their definition: a loop over each counted sentence's words."""
    out: dict[str, list[int]] = {"rd_sentence": [], "rd_words": [], "rd_syllables": [], "rd_letters": []}
    for s, kind in enumerate(model.sent_kinds):
        toks = model.tokens[model.sent_tok[s] : model.sent_tok[s + 1]] if kind in ("text", "item") else []
        out["rd_sentence"].append(1 if kind in ("text", "item") else 0)
        out["rd_words"].append(len(toks))
        out["rd_syllables"].append(sum(syl[t] for t in toks))
        out["rd_letters"].append(sum(len(t) for t in toks))
    return out


def test_sentence_sums_leave_out_headings_and_references():
    text = (
        "A Heading Here\n\nThe first sentence is quite ordinary. The second one is longer, with more words.\n\n"
        "- an item of a list\n\nReferences\n\nSmith, J. (2020). A title. Journal 3, 1–2.\n"
    )
    model, res = run(text)
    assert set(model.sent_kinds) - {"text", "item"}  # the text has sentences that are not counted
    assert res.sentences == plain_columns(model, SyllableCounter())


_WORDS = ["The", "minister", "said", "U.S.", "talks", "may", "resume", "Syria", "radio", "être", "2,000", "co-op"]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), st.sampled_from([". ", "? ", "\n\n"])),
        max_size=8,
    )
)
def test_sentence_sums_equal_the_plain_loop(parts):
    text = "".join(" ".join(ws) + end for ws, end in parts)
    model, res = run(text)
    assert res.sentences == plain_columns(model, SyllableCounter())
    assert {k: len(v) for k, v in res.sentences.items()} == dict.fromkeys(res.sentences, model.n_sentences)
