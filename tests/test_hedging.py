"""Hedging analyzer: every disambiguation case of issue 4, the sentence columns, metrics, matching and attribution."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analyzers.base import DocContext, DocResult
from framing.analyzers.hedging import HedgingAnalyzer, certainty_index
from framing.analyzers.hedging_rules import RULES
from framing.corpus import Document
from framing.lexicons import load_lexicon
from framing.text import TextModel


@pytest.fixture(scope="module")
def analyzer() -> HedgingAnalyzer:
    return HedgingAnalyzer()


def run(analyzer: HedgingAnalyzer, text: str, results: dict | None = None) -> tuple[TextModel, DocResult]:
    model = TextModel(text)
    ctx = DocContext(Document(id="t", text=text), model, None, [], [], results=dict(results or {}))
    return model, analyzer.analyze(ctx)


def cues(analyzer: HedgingAnalyzer, text: str) -> list[tuple[str, str]]:
    """(surface text, category) of every cue recorded."""
    model, res = run(analyzer, text)
    return [(model.text[e.start : e.end], e.category) for e in res.evidence]


def kinds(analyzer: HedgingAnalyzer, text: str) -> list[str]:
    return [c.split("/")[0] for _, c in cues(analyzer, text)]


# ---------------------------------------------------------------------- "May" the month
@pytest.mark.parametrize(
    "text",
    [
        "Elections were held in May 2024.",
        "The vote took place on 5 May.",
        "The vote took place on May 5.",
        "Fighting resumed last May.",
        "Talks ran through April, May and June.",
        "Theresa May resigned after the vote.",
        "May 20 was the deadline.",
    ],
)
def test_may_the_month_or_name_is_not_a_hedge(analyzer, text):
    assert cues(analyzer, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The talks may collapse.",
        "May the talks collapse?",
        "Officials said the border may reopen in June.",
        "THE TALKS MAY COLLAPSE, OFFICIALS WARN.",
    ],
)
def test_may_the_modal_is_a_hedge(analyzer, text):
    assert ("may", "hedge/modal") in [(t.lower(), c) for t, c in cues(analyzer, text)]


def test_may_in_a_title_case_heading_is_still_a_modal(analyzer):
    _model, res = run(analyzer, "Border Talks May Collapse\n\nThe talks continue.")
    assert [e.category for e in res.evidence] == ["hedge/modal"]
    assert "heading: not counted" in res.evidence[0].note
    assert res.sentences["n_hedges"] == [0, 0]  # headings are not counted in the rates


# ---------------------------------------------------------------------- "could not" of past inability
@pytest.mark.parametrize(
    "text",
    [
        "He could not attend the meeting.",
        "The troops could never reach the village.",
        "Rescuers could hardly see through the smoke.",
    ],
)
def test_could_not_of_past_inability_is_not_a_hedge(analyzer, text):
    assert cues(analyzer, text) == []


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The attack could trigger a wider war.", "could"),
        ("A second attack could not be ruled out.", "could not be ruled out"),
        ("The claim could not be independently verified.", "could not be independently verified"),
        ("They could not have known about the raid.", "could not have"),
    ],
)
def test_could_as_epistemic_possibility_is_a_hedge(analyzer, text, cue):
    assert (cue, "hedge/modal") in cues(analyzer, text)


# ---------------------------------------------------------------------- "might" the noun
@pytest.mark.parametrize(
    "text",
    [
        "Pakistan used its military might against the militants.",
        "The might of the army was on display.",
        "America's might is unmatched.",
        "They pushed with all their might.",
        "The parade was a show of might.",
    ],
)
def test_might_the_noun_is_not_a_hedge(analyzer, text):
    assert cues(analyzer, text) == []


@pytest.mark.parametrize("text", ["The ceasefire might hold.", "That might change soon.", "All might be lost."])
def test_might_the_modal_is_a_hedge(analyzer, text):
    assert ("might", "hedge/modal") in cues(analyzer, text)


# ---------------------------------------------------------------------- "about" of topic
@pytest.mark.parametrize(
    "text",
    [
        "Leaders talked about trade.",
        "The report is about border security.",
        "Some people fled.",
        "Troops were deployed around the city.",
    ],
)
def test_about_some_around_of_topic_or_place_are_not_cues(analyzer, text):
    assert cues(analyzer, text) == []


@pytest.mark.parametrize(
    "text, cue",
    [
        ("About 50 people died.", "About"),
        ("Some 300 families fled.", "Some"),
        ("Around a third of the fighters surrendered.", "Around"),
        ("Roughly two thousand troops crossed.", "Roughly"),
        ("An estimated 300 people fled.", "An estimated"),
    ],
)
def test_approximators_before_a_number_count_but_do_not_make_a_sentence_hedged(analyzer, text, cue):
    model, res = run(analyzer, text)
    assert [(model.text[e.start : e.end], e.category) for e in res.evidence] == [(cue, "hedge/approximator")]
    assert res.sentences["n_hedges"] == [1]
    assert res.sentences["n_approximators"] == [1]
    assert res.sentences["hedged"] == [0]
    assert res.sentences["hedge_class"] == ["plain"]


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Voters often switch parties late in the campaign.", "often"),
        ("Ceasefires usually collapse within weeks.", "usually"),
        ("The rebels are mostly farmers from the north.", "mostly"),
        ("In most cases the fines were never paid.", "In most cases"),
        ("By and large the reforms were popular.", "By and large"),
    ],
)
def test_approximators_of_frequency_and_generality_lower_certainty_but_do_not_hedge(analyzer, text, cue):
    model, res = run(analyzer, text)
    assert [(model.text[e.start : e.end], e.category) for e in res.evidence] == [(cue, "hedge/approximator")]
    assert res.sentences["n_approximators"] == [1]
    assert res.sentences["hedged"] == [0]
    assert res.sentences["certainty"][0] < 0


# ---------------------------------------------------------------------- "will" of plain future
@pytest.mark.parametrize(
    "text", ["The talks will resume on Monday.", "Pakistan will reopen the crossing.", "It won't happen again."]
)
def test_will_of_plain_future_is_not_a_cue(analyzer, text):
    _model, res = run(analyzer, text)
    assert res.evidence == []
    assert res.sentences["hedge_class"] == ["plain"]
    assert res.sentences["certainty"] == [0.0]


def test_will_with_an_adverb_counts_the_adverb_only(analyzer):
    assert cues(analyzer, "The talks will likely resume.") == [("likely", "hedge/probability")]
    assert cues(analyzer, "The talks will certainly resume.") == [("certainly", "booster/certainty")]


# ---------------------------------------------------------------------- negated hedges and boosters
@pytest.mark.parametrize(
    "text, cue, category",
    [
        ("There is no doubt that the deal failed.", "There is no doubt", "booster/certainty"),
        ("No doubt the deal failed.", "No doubt", "booster/certainty"),
        ("Few doubt that the deal failed.", "doubt", "booster/negated_doubt"),
        ("Nobody doubts that the deal failed.", "doubts", "booster/negated_doubt"),
        ("The outcome is not in doubt.", "doubt", "booster/negated_doubt"),
        ("The deal failed without a doubt.", "without a doubt", "booster/certainty"),
    ],
)
def test_negated_doubt_is_a_booster(analyzer, text, cue, category):
    model, res = run(analyzer, text)
    assert [(model.text[e.start : e.end], e.category) for e in res.evidence] == [(cue, category)]
    assert res.sentences["boosted"] == [1] and res.sentences["hedged"] == [0]
    assert res.sentences["certainty"][0] > 0
    if category == "booster/negated_doubt":
        assert "negated" in res.evidence[0].note


def test_plain_doubt_is_a_hedge(analyzer):
    assert cues(analyzer, "I doubt that the deal will work.") == [("doubt", "hedge/doxastic")]
    assert cues(analyzer, "Doubts remain about the deal.") == [("Doubts", "hedge/doxastic")]


@pytest.mark.parametrize(
    "text, cue, category",
    [
        ("It is not clear that the deal failed.", "not clear", "hedge/probability"),
        ("It was never clear that the deal failed.", "clear that", "hedge/negated_booster"),
        ("No one is sure that the border is safe.", "sure that", "hedge/negated_booster"),
        ("It is clear that the deal failed.", "It is clear", "booster/certainty"),
    ],
)
def test_negated_booster_is_a_hedge(analyzer, text, cue, category):
    assert cues(analyzer, text) == [(cue, category)]


def test_negated_emphatic_is_no_booster(analyzer):
    assert cues(analyzer, "I'm not really worried.") == []
    assert cues(analyzer, "The plan really worked.") == [("really", "booster/emphatic")]


@pytest.mark.parametrize(
    "text, want",
    [
        ("These numbers prove the law is working.", [("prove", "booster/evidential")]),
        ("The plan proved costly.", [("proved", "booster/evidential")]),
        ("Prosecutors have to prove intent.", [("have to", "prescription/deontic")]),  # "to prove": a task
        ("The agency was unable to prove that sarin was used.", []),
        ("Immigrants cannot prove two years of residence.", []),
        ("That poll does not prove anything.", []),
    ],
)
def test_prove_boosts_a_finding_not_a_task(analyzer, text, want):
    assert cues(analyzer, text) == want


# ---------------------------------------------------------------------- quotation and attribution
def test_hedge_inside_quotation_is_attributed_without_sourcing(analyzer):
    _model, res = run(analyzer, '"The deal may fail," Khan said. The deal may fail.')
    notes = [e.note for e in res.evidence]
    assert notes == ["quoted", ""]
    assert res.sentences["attributed"] == [1, 0]
    assert res.sentences["own_voice"] == [0, 1]
    assert res.sentences["own_voice_hedged"] == [0, 1]
    assert res.sentences["hedged"] == [1, 1]


def test_reporting_verb_attributes_the_sentence(analyzer):
    _model, res = run(analyzer, "Officials said talks could resume if the fighting stops. The army attacked the camp.")
    assert res.sentences["attributed"] == [1, 0]
    assert all(e.note.startswith("attributed ('said')") for e in res.evidence)
    assert res.sentences["own_voice_plain"] == [0, 1]


def test_hedge_inside_an_attribution_from_sourcing_names_the_source(analyzer):
    text = '"The deal may fail," Imran Khan said. Talks may resume.'
    quote_end = text.index(",")
    attributions = [
        {
            "kind": "direct",
            "source": "Imran Khan",
            "source_actor": "",
            "source_type": "named person",
            "cue": "say",
            "cue_start": text.index("said"),
            "cue_end": text.index("said") + 4,
            "source_start": text.index("Imran"),
            "source_end": text.index("Imran") + 10,
            "content_start": 1,
            "content_end": quote_end,
            "sentence_id": 0,
        }
    ]
    sourcing = DocResult(tables={"attributions": attributions})
    _model, res = run(analyzer, text, {"sourcing": sourcing})
    assert [e.note for e in res.evidence] == ["quoted: Imran Khan", ""]
    assert res.sentences["attributed"] == [1, 0]
    # with use_sourcing=False the analyzer falls back on quotation marks
    _, res2 = run(HedgingAnalyzer(use_sourcing=False), text, {"sourcing": sourcing})
    assert [e.note for e in res2.evidence] == ["quoted", ""]


def test_future_in_reported_speech_is_not_a_hedge(analyzer):
    assert cues(analyzer, "Khan said the government would reopen the border.") == []
    assert cues(analyzer, "He would later become president.") == []
    assert cues(analyzer, "A ban would hurt traders.") == [("would", "hedge/modal")]


# ---------------------------------------------------------------------- other look-alikes
@pytest.mark.parametrize(
    "text",
    [
        "He appeared in court on Monday.",
        "The think tank released a report.",
        "The dispute has to do with the border.",
        "Many believe in God.",
        "Islamic thought shaped the movement.",
        "It was a sobering thought for the government.",
        "A frightening thought took hold in Kabul.",
        "We don't even know what he looks like.",
        "This is what the new post will look like.",
        "With regard to the border, talks continue.",
        "The accused denied the charges.",
        "Police arrested the suspect on Monday.",
        "Police issued warrants for two suspects.",
        "Investigators named two men as possible suspects.",
        "The suspects fled across the border.",
        "Suspects in the attack were held in Peshawar.",
        "The usual suspects pushed the plan.",
        "Critics said the data were suspect.",
        "It is possible to cross at Torkham.",
        "Militants fled as soon as possible.",
        "Could I ask you one question?",  # a request
        "Would you consent to the release of those recordings?",  # a question put to someone
        "The latest possible date for the vote is June.",  # a superlative's limit
        "Officials denounced the attack in the strongest possible terms.",
        "Aid came, whether in the form of food or cash.",
        "The map differs depending on whether the bundles share a base.",  # a condition, not an open question
        "Aid flows regardless of whether the border is open.",
        "A pair is adjoint if and only if the problem has a solution.",  # logic: neither "if" hedges
        "Leaders will consider the options.",
        "The result was as expected.",
        "It looked as if the talks had failed.",
    ],
)
def test_other_look_alikes_are_not_hedges(analyzer, text):
    assert [k for k in kinds(analyzer, text) if k == "hedge"] == []


@pytest.mark.parametrize(
    "text",
    [
        "We have to make sure that it never happens again.",  # a task (ensure), not a certainty
        "What do we know about the site?",  # a question
        "Here is what we know about the delays.",  # a topic
    ],
)
def test_ensuring_and_asking_are_no_boosters(analyzer, text):
    assert [k for k in kinds(analyzer, text) if k == "booster"] == []


def test_certainty_is_still_a_booster(analyzer):
    assert "booster" in kinds(analyzer, "We know that the border is closed. I am sure that it will reopen.")


@pytest.mark.parametrize(
    "text, cue",
    [
        ("It appears that the talks failed.", "appears"),
        ("It is also possible that the talks failed.", "possible"),
        ("This is possible, officials said.", "possible"),
        ("Other explanations are also possible.", "possible"),
        ("War with North Korea is possible.", "possible"),  # an event as subject: it may happen
        ("Could this be the end of the talks?", "Could"),  # a question of what may be, still a hedge
        ("A possible rematch looms.", "possible"),
        ("Western powers suspect Iran is building a weapon.", "suspect"),
        ("Officials suspect that the militants crossed at night.", "suspect"),
        ("I suspect the talks will fail.", "suspect"),
        ("The ministry suspects foul play.", "suspects"),
        ("Police fingerprint anyone who they suspect is in the country illegally.", "suspect"),
        ("It looks like the talks failed.", "looks like"),
        ("The group is widely believed to be behind the attack.", "widely believed"),
        ("Reportedly, 20 people died.", "Reportedly"),
        ("The strike was seen as a warning.", "seen"),
        ("It remains to be seen whether the truce holds.", "remains to be seen"),
        ("He is accused of funding the group.", "accused of"),
        ("The talks will fail unless both sides compromise.", "unless"),
    ],
)
def test_hedges_in_context(analyzer, text, cue):
    assert cue in [t for t, c in cues(analyzer, text) if c.startswith("hedge")]


def test_must_deontic_and_epistemic(analyzer):
    assert cues(analyzer, "Pakistan must act now.") == [("must", "prescription/deontic")]
    assert cues(analyzer, "The militants must have crossed the border.") == [("must have", "booster/inference")]
    assert cues(analyzer, "The country must have a plan.") == [("must have", "prescription/deontic")]
    _model, res = run(analyzer, "Pakistan should act now.")
    assert res.sentences["n_prescriptions"] == [1]
    assert res.sentences["certainty"] == [0.0]  # prescription is apart from certainty
    assert res.sentences["own_voice_plain"] == [0]


# ---------------------------------------------------------------------- sentence columns
def test_sentence_classes_and_certainty(analyzer):
    text = (
        "The talks may collapse. Clearly the talks failed. Clearly the talks may still fail. "
        "The army attacked the camp. Is this the end?"
    )
    model, res = run(analyzer, text)
    s = res.sentences
    assert s["hedge_class"] == ["hedged", "boosted", "both", "plain", "plain"]
    assert s["certainty"][0] < 0 < s["certainty"][1]
    assert s["own_voice_plain"] == [0, 0, 0, 1, 0]  # a question is not an assertion
    assert s["hg_words"] == model.sent_n_words
    assert set(s) == set(HedgingAnalyzer.sentence_columns)
    assert all(len(v) == model.n_sentences for v in s.values())


def test_possibility_modals_weigh_more_than_moderate_hedges(analyzer):
    """Certainty tiers: one low-certainty possibility cue (may, might, perhaps, possibly) lowers a sentence more
    than an evidential and a conditional together; an approximator lowers it less than a possibility cue."""
    text = (
        "The new tax may cut emissions. "
        "Early figures suggest that, if it is enforced, the new tax cuts emissions. "
        "The new tax cut emissions by about 10 percent. "
        "Perhaps the new tax cut emissions."
    )
    _model, res = run(analyzer, text)
    may, suggest_if, about, perhaps = res.sentences["certainty"]
    assert may < suggest_if < 0
    assert perhaps < about < 0
    lex = load_lexicon("hedging_hedges")
    possibility = [e.weight for e in lex if e.term in ("may", "might", "perhaps", "possibly", "maybe")]
    moderate = [
        e.weight for e in lex if e.category.split("/")[1] in ("evidential", "doxastic", "conditional", "question")
    ]
    assert max(abs(w) for w in moderate) * 2 <= min(abs(w) for w in possibility)


def test_every_counted_cue_has_one_evidence_row(analyzer):
    text = "Perhaps the deal may fail. Reportedly about 40 died. There is no doubt. Pakistan must act."
    model, res = run(analyzer, text)
    s = res.sentences
    total = sum(s["n_hedges"]) + sum(s["n_boosters"]) + sum(s["n_prescriptions"])
    assert total == len(res.evidence) == 6
    for e in res.evidence:
        assert model.sentence_at(e.start) == e.sentence_id
        assert e.category.split("/")[0] in ("hedge", "booster", "prescription")
        assert (e.weight < 0) == e.category.startswith("hedge")


def test_certainty_index():
    assert certainty_index(0, 4) == -1.0
    assert certainty_index(3, 0) == 1.0
    assert certainty_index(1, 3) == -0.5
    assert math.isnan(certainty_index(0, 0))


def test_metrics_are_ratios_of_sentence_or_mention_sums(analyzer):
    metrics = {m.name: m for m in analyzer.metrics()}
    for name in (
        "hedges_per_1000",
        "boosters_per_1000",
        "hedged_share",
        "certainty_index",
        "own_voice_plain_share",
        "actor_hedged_share",
    ):
        assert name in metrics
    cols = set(analyzer.sentence_columns) | set(analyzer.mention_columns) | {"_rows"}
    for m in metrics.values():
        assert set(m.columns) <= cols, m.name
    assert metrics["actor_hedged_share"].per_actor and metrics["actor_hedged_share"].table == "mentions"
    assert metrics["hedges_per_1000"].compute({"n_hedges": 3, "hg_words": 1500}) == 2.0


def test_user_entries_count_and_rules_can_be_switched_off():
    extra = HedgingAnalyzer(extra={"hedge/shield": ["sources close to"], "booster/certainty": ["beyond dispute"]})
    assert cues(extra, "Sources close to the army said so.")[0] == ("Sources close to", "hedge/shield")
    flat = HedgingAnalyzer(rules=False)
    assert ("May", "hedge/modal") in cues(flat, "Elections were held in May 2024.")
    assert flat.settings() == {"rules": False}


def test_analyzer_survives_pickling_for_worker_processes(analyzer):
    import pickle

    text = "The talks may collapse. Clearly, there is no doubt. Elections were held in May."
    copy = pickle.loads(pickle.dumps(analyzer))
    assert run(copy, text)[1] == run(analyzer, text)[1]
    assert len(run(copy, text)[1].evidence) == 3


def test_unknown_rule_is_an_error():
    lex = {"hedge/modal": ["may"]}
    from framing.lexicons import Lexicon, LexiconEntry

    bad = Lexicon([LexiconEntry("maybe", ("maybe",), "hedge/probability", 1.0, {"rule": "nonsense"})])
    with pytest.raises(ValueError, match="unknown hedging rule"):
        HedgingAnalyzer(hedges=bad, boosters=lex)


# ---------------------------------------------------------------------- lexicon files
@pytest.mark.parametrize("name", ["hedging_hedges", "hedging_boosters", "hedging_prescriptions", "hedging_context"])
def test_lexicon_files_have_provenance_and_known_rules(name):
    lex = load_lexicon(name)
    assert len(lex) > 10
    for key in ("source", "licence", "version", "description"):
        assert lex.meta.get(key), key
    seen = set()
    for e in lex:
        assert e.extra.get("rule", "") in ("", *RULES), e.term
        assert (e.words, e.category) not in seen, e.term
        seen.add((e.words, e.category))
    if name != "hedging_context":
        prefix = {"hedging_hedges": "hedge/", "hedging_boosters": "booster/", "hedging_prescriptions": "prescription/"}
        assert all(e.category.startswith(prefix[name]) for e in lex)


# ---------------------------------------------------------------------- matching and offsets
_WORDS = [
    "the", "talks", "may", "May", "might", "could", "not", "about", "50", "it", "is", "believed", "that", "no",
    "doubt", "clearly", "in", "fact", "said", "if", "whether", "some", "people", "will", "must", "have", "crossed",
    "few", "seen", "as", "a", "kind", "of", "think", "tank", "Khan", "appeared", "to", "court", "is", "said", "to",
]  # fmt: skip
_PUNCT = ["", "", "", ",", ".", ". ", '"', "?", "\n\n", " —"]


_SHARED = HedgingAnalyzer()  # hypothesis examples reuse one analyzer (loading lexicons takes ~40 ms)


@st.composite
def texts(draw):
    n = draw(st.integers(0, 60))
    parts = []
    for _ in range(n):
        parts.append(draw(st.sampled_from(_WORDS)) + draw(st.sampled_from(_PUNCT)))
    return " ".join(parts)


@settings(max_examples=150, deadline=None)
@given(texts())
def test_evidence_spans_are_cue_words_and_counts_add_up(text):
    model, res = run(_SHARED, text)
    n = model.n_sentences
    assert all(len(v) == n for v in res.sentences.values())
    counted = 0
    for e in res.evidence:
        assert 0 <= e.start < e.end <= len(text)
        piece = text[e.start : e.end]
        assert piece == piece.strip() and piece
        if "not counted" not in e.note:
            counted += 1
    s = res.sentences
    assert counted == sum(s["n_hedges"]) + sum(s["n_boosters"]) + sum(s["n_prescriptions"])
    for k in range(n):
        assert s["own_voice"][k] + s["attributed"][k] == s["hg_sentence"][k]
        assert s["own_voice_plain"][k] <= s["own_voice"][k]
        assert s["hedged"][k] <= (s["n_hedges"][k] > 0)


def test_glob_entries_from_users_still_match():
    analyzer = HedgingAnalyzer(extra={"hedge/shield": ["rumour-monger*"]})
    assert cues(analyzer, "Rumour-mongers claimed it.")[0] == ("Rumour-mongers", "hedge/shield")


def test_hedging_excerpt_captions_name_the_sentence_class_in_words(tmp_path):
    import matplotlib.pyplot as plt

    import framing
    from framing.report.base import ReportContext
    from framing.report.hedging import _overview_page

    texts = {
        "A": "Officials may clearly have known about the plan. The report might be wrong.",
        "B": "It is certainly true that the talks failed. Perhaps the talks will resume.",
    }
    a = framing.analyze(
        [{"id": k, "outlet": k, "text": t} for k, t in texts.items()], actors=False, issues=False, progress=False
    )
    page = _overview_page(a, ReportContext(by="outlet", out_dir=tmp_path, n_boot=20))
    plt.close(page.figure)
    captions = [caption for caption, _html, _plain in page.excerpts]
    assert any("a sentence both hedged and boosted" in c for c in captions), captions
    assert not any(" a both " in c for c in captions)


@pytest.mark.parametrize(
    "text", ["The official thought the talks would fail.", "The king thought it unlikely.", "Her critics thought so."]
)
def test_thought_after_a_thinker_is_still_the_verb(analyzer, text):
    assert ("thought", "hedge/doxastic") in cues(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Megyn Kelly asked me if I thought the bill would pass.",
        "It is unclear if the talks will resume.",
        "Officials will check if the border is open.",
    ],
)
def test_if_after_asking_opens_a_question(analyzer, text):
    # before: a conditional, though "asked me if" asks whether
    assert ("if", "hedge/question") in cues(analyzer, text)


def test_if_of_a_condition_stays_conditional(analyzer):
    assert ("If", "hedge/conditional") in cues(analyzer, "If the talks fail, the border will close.")
