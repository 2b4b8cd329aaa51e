"""Stance: the fast paths give what the plain definitions give, and the speaker and negation rules added with them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.actors import ActorSet, Mention
from framing.analyzers.base import DocContext
from framing.analyzers.stance import StanceAnalyzer
from framing.analyzers.stance_rules import document_info, score_sentence
from framing.corpus import Document
from framing.pipeline import Pipeline
from framing.text import TextModel

ACTORS = ActorSet.from_dict(
    {
        "Pakistan": ["Pakistan", "Islamabad"],
        "India": ["India"],
        "Rizvi": ["Rizvi"],
        "Karl Rove": ["Karl Rove"],
        "Hillary Clinton": ["Hillary Clinton"],
    }
)


@pytest.fixture(scope="module")
def analyzer() -> StanceAnalyzer:
    return StanceAnalyzer()


@pytest.fixture(scope="module")
def pipe(analyzer) -> Pipeline:
    return Pipeline(actors=ACTORS, analyzers=[analyzer], cleaner=False)


def evidence_of(pipe: Pipeline, text: str, actor: str) -> list[tuple[str, float, str]]:
    out = pipe.process(Document(id="t", text=text))
    return [(text[s:e], w, note) for _, _, s, e, w, a, _, note in out.evidence if a == actor]


def stance_of(pipe: Pipeline, text: str, actor: str) -> float:
    out = pipe.process(Document(id="t", text=text))
    values = [v for a, v in zip(out.mentions["actor"], out.mentions["stance"]) if a == actor]
    return sum(values) / len(values)


# ---------------------------------------------------------------------- matching from the word index
def _pool() -> list[str]:
    """Words of a few phrases of the lexicon (some of weight 0, which hide the words inside them) and single words."""
    lex = StanceAnalyzer().lexicon
    phrases = [e.words for e in lex.evaluative if len(e.words) > 1]
    picked = phrases[:: max(1, len(phrases) // 25)][:25]
    words = {w for p in picked for w in p}
    words |= {"united", "states", "health", "care", "generous", "failed", "not", "the", "of", "praised", "attack"}
    return sorted(words)


POOL = _pool()


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences=st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=14), min_size=1, max_size=4))
def test_matching_from_the_word_index_equals_matching_each_sentence(analyzer, sentences):
    lex = analyzer.lexicon
    text = " ".join(" ".join(words).capitalize() + "." for words in sentences)
    model = TextModel(text)
    wanted = set(range(model.n_sentences))
    got = lex.match_sentences(model, wanted)
    for s in wanted:
        t0, t1 = model.sent_tok[s], model.sent_tok[s + 1]
        plain = [
            (m.start, m.end, m.entry) for m in lex.match_tokens(model.tokens, t0, t1) if abs(m.entry.weight) >= 1e-12
        ]
        assert [(a, b, w.entry) for a, b, w in got.get(s, [])] == plain


# ---------------------------------------------------------------------- one call per document = one per sentence
DOC = (
    'Rizvi said Pakistan had "betrayed its friends" and was never generous. '
    "While India was generous, Islamabad failed; it attacked the border — but it was praised. "
    '"India is not afraid to succeed," Rizvi said.'
)


def test_document_scoring_equals_sentence_by_sentence_and_cached_spans_change_nothing(analyzer):
    model = TextModel(DOC)
    mentions = ACTORS.find(DOC)
    msent = [model.sentence_at(m.start) for m in mentions]
    ctx = DocContext(Document(id="d", text=DOC), model, None, mentions, msent, ACTORS)  # type: ignore[arg-type]
    whole = analyzer.contributions(ctx)
    assert whole
    lex = analyzer.lexicon
    by_sent: dict[int, list[tuple[int, Mention]]] = {}
    for i, (m, s) in enumerate(zip(mentions, msent)):
        by_sent.setdefault(s, []).append((i, m))
    hits = lex.match_sentences(model, by_sent)
    doc = document_info(model, lex)
    one_by_one = []
    for s, ments in by_sent.items():
        if s in hits:
            one_by_one += score_sentence(model, s, hits[s], ments, lex, analyzer.params, (), doc)
            assert score_sentence(model, s, hits[s], ments, lex, analyzer.params) == score_sentence(
                model, s, hits[s], ments, lex, analyzer.params, (), doc
            )
    assert one_by_one == whole
    # token spans already computed by another analyzer (the text model keeps them) give the same result
    fresh = TextModel(DOC)
    for s in range(fresh.n_sentences):
        fresh.sentence_spans(s)
    ctx2 = DocContext(Document(id="d", text=DOC), fresh, None, mentions, msent, ACTORS)  # type: ignore[arg-type]
    assert analyzer.contributions(ctx2) == whole


def test_quotation_opened_inside_a_sentence_and_one_reaching_into_the_next(pipe):
    # a quotation that starts inside the sentence: only the quoted words are quoted
    ev = evidence_of(pipe, 'India was generous, and Pakistan called it "a shameful betrayal".', "India")
    notes = {w: note for w, _, note in ev}
    assert "quoted" not in notes["generous"] and "quoted" in notes["shameful"]
    # a quotation running over two sentences: the stance of both sentences comes from inside it
    out = pipe.process(
        Document(id="t", text='Rizvi said: "India is generous. India is a reliable partner." Rizvi left.')
    )
    india = [q for a, q in zip(out.mentions["actor"], out.mentions["quoted"]) if a == "India"]
    assert india == [True, True]


# ---------------------------------------------------------------------- speakers
def test_a_name_before_a_colon_opening_a_sentence_is_the_speaker(pipe):
    text = "Karl Rove: Hillary Clinton is a dishonest and corrupt politician."
    assert stance_of(pipe, text, "Hillary Clinton") < -0.3
    assert abs(stance_of(pipe, text, "Karl Rove")) < abs(stance_of(pipe, text, "Hillary Clinton")) / 2
    assert all("speaker" in note for _, _, note in evidence_of(pipe, text, "Karl Rove"))
    # a colon later in the sentence does not make the first name a speaker
    later = "Karl Rove has one fault: he is dishonest."
    assert not any("speaker" in note for _, _, note in evidence_of(pipe, later, "Karl Rove"))


def test_a_report_verb_after_an_appositive_makes_a_speaker(pipe):
    text = "Rizvi, a former diplomat, said Pakistan was a terrible and dishonest neighbour."
    assert all("speaker" in note for _, _, note in evidence_of(pipe, text, "Rizvi"))
    assert stance_of(pipe, text, "Pakistan") < -0.3


def test_said_before_a_name_makes_it_a_speaker_only_after_a_comma_or_a_quotation(pipe):
    # "Rizvi said Pakistan lied": Pakistan is what is said, not who says it
    ev = evidence_of(pipe, "Rizvi said Pakistan lied and cheated.", "Pakistan")
    assert ev and not any("speaker" in note for _, _, note in ev)
    assert stance_of(pipe, "Rizvi said Pakistan lied and cheated.", "Pakistan") < -0.3
    # "..., said Rizvi": Rizvi speaks
    ev = evidence_of(pipe, "India lied and cheated, said Rizvi.", "Rizvi")
    assert ev and all("speaker" in note for _, _, note in ev)


# ---------------------------------------------------------------------- negation
def test_negation_stops_at_an_evaluative_word_of_the_other_sign(pipe):
    # "not" belongs to "afraid": succeeding stays to India's credit
    assert stance_of(pipe, "India is not afraid to succeed.", "India") > 0.1
    # but both words of one sign are negated: "never guilty of wrongdoing" is no blame
    assert stance_of(pipe, "India was never guilty of wrongdoing.", "India") >= 0.0
    assert stance_of(pipe, "India is not generous or kind.", "India") < -0.1


# ---------------------------------------------------------------------- British spellings
def test_british_spellings_of_the_lexicon_words():
    from framing.analyzers.stance_lexicon import british_spelling

    assert british_spelling(("criticized",)) == ("criticised",)
    assert british_spelling(("criminal", "behavior")) == ("criminal", "behaviour")
    assert british_spelling(("favorite",)) == ("favourite",)
    assert british_spelling(("defense",)) == ("defence",)
    # spelt alike, or another word
    for same in ("honorary", "humorous", "vigorous", "prize", "seize", "defenseman", "generous"):
        assert british_spelling((same,)) is None, same


def test_a_british_spelling_weighs_what_the_american_one_weighs(pipe, analyzer):
    lex = {e.words: e for e in analyzer.lexicon.evaluative}
    # (a spelling listed in a file keeps its own weight: VADER rates "traumatised" apart from "traumatized")
    for us, uk in (("ostracized", "ostracised"), ("antagonized", "antagonised")):
        assert lex[(uk,)].weight == lex[(us,)].weight and lex[(uk,)].extra == lex[(us,)].extra
    assert stance_of(pipe, "India ostracised and antagonised its neighbours.", "India") == stance_of(
        pipe, "India ostracized and antagonized its neighbours.", "India"
    )
    assert stance_of(pipe, "India ostracised and antagonised its neighbours.", "India") < -0.3


def test_a_noun_naming_the_doer_said_of_the_mention_makes_it_the_doer(pipe):
    text = "Rizvi, one of India's toughest critics, spoke on Monday."
    notes = [note for _, _, note in evidence_of(pipe, text, "Rizvi")]
    assert notes and all("doer of 'criticize' act" in n for n in notes if "critic" in n or "doer" in n)
    assert stance_of(pipe, text, "Rizvi") > -0.1  # the critic is not the one criticised
    assert stance_of(pipe, text, "India") < -0.1  # India's critics: India is criticised
    assert stance_of(pipe, "Rizvi is a killer.", "Rizvi") < -0.3  # the doer of harm is blamed all the same
