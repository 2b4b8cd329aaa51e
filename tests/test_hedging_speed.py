"""The hedging analyzer's fast paths give what the plain ones give: the cue matcher against ``Lexicon.match``."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.analyzers.base import DocContext
from framing.analyzers.hedging import HedgingAnalyzer
from framing.corpus import Document
from framing.text import TextModel

ANALYZER = HedgingAnalyzer()


def plain(analyzer: HedgingAnalyzer, model: TextModel) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.entry.term) for m in analyzer.cues.match(model)]


def fast(analyzer: HedgingAnalyzer, model: TextModel) -> list[tuple[int, int, str]]:
    terms = {id(info): e.term for e in analyzer.cues.entries for info in [analyzer._compiled[id(e)]]}
    return [(i, j, terms[id(info)]) for i, j, info in analyzer._matcher.hits(model)]


def attribution_verbs(analyzer: HedgingAnalyzer, model: TextModel) -> tuple[list, list]:
    """The reporting verbs found by the fast matcher and by ``Lexicon.match``."""
    plain = [(m.start, m.end, m.entry.term) for m in analyzer.attribution.match(model)]
    return analyzer._attribution_matcher.hits(model), plain


# the words of multi-word cues and their neighbours, so that overlapping and sentence-crossing cues are common
_WORDS = sorted(
    {w for e in ANALYZER.cues.entries if len(e.words) > 1 for w in e.words}
    | {w for e in ANALYZER.attribution.entries for w in e.words}
    | {"the", "talks", "may", "said", "not", "2020", "is", "was", "it", "to", "of", "no", "doubt"}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", " ", " ", ". ", ", ", "\n\n"])), max_size=40))
def test_cue_matcher_equals_lexicon_match(parts):
    text, sep = "", ". "
    for w, next_sep in parts:
        text += (w.capitalize() if sep in (". ", "\n\n") else w) + next_sep  # so that sentences end
        sep = next_sep
    model = TextModel(text)
    assert fast(ANALYZER, model) == plain(ANALYZER, model)
    got, want = attribution_verbs(ANALYZER, model)
    assert got == want


def test_multi_word_cues_do_not_cross_sentences():
    model = TextModel("Nobody knows what it is. Said to be fine, it is said to work.")
    assert model.n_sentences == 2
    assert fast(ANALYZER, model) == plain(ANALYZER, model)
    assert [t for _, _, t in fast(ANALYZER, model)] == ["it is said"]  # not "is. Said to"


def test_cue_matcher_on_the_seeds_and_with_extra_cues():
    extra = HedgingAnalyzer(extra={"hedge/shield": ["it is said", "as far as we know", "said"]})
    for doc in framing.load_seeds():
        model = TextModel(doc.text)
        assert fast(ANALYZER, model) == plain(ANALYZER, model)
        assert fast(extra, model) == plain(extra, model)
        assert plain(ANALYZER, model)  # the seeds have cues
        got, want = attribution_verbs(ANALYZER, model)
        assert got == want != []


def test_glob_cues_are_matched_by_the_lexicon():
    a = HedgingAnalyzer(extra={"hedge/shield": ["presum*"]})
    model = TextModel("The man, presumptuously armed, walked in.")
    assert a._matcher.globs and not ANALYZER._matcher.globs
    assert fast(a, model) == plain(a, model) == [(2, 3, "presum*")]


def test_an_unpickled_analyzer_gives_the_same_result():
    text = "It is said that the talks may resume. Clearly, no doubt, the plan could work."
    model = TextModel(text)
    ctx = DocContext(Document(id="t", text=text), model, None, [], [])
    copy = pickle.loads(pickle.dumps(ANALYZER))
    assert copy.analyze(ctx).evidence == ANALYZER.analyze(ctx).evidence != []
