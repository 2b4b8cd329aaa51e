"""Stance toward actors: the rules (negation, contrast, agent/victim, quotations, opposite stances), output, evaluation."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.actors import ActorSet, Mention
from framing.analyzers.stance import StanceAnalyzer
from framing.corpus import Document
from framing.pipeline import Pipeline

ACTORS = ActorSet.from_dict(
    {
        "Pakistan": ["Pakistan", "Islamabad", "Pakistani"],
        "Afghanistan": ["Afghanistan", "Kabul"],
        "India": ["India"],
        "TTP": ["TTP", "Tehreek-e-Taliban Pakistan"],
        "Afghan Taliban": ["Taliban"],
        "Police": ["police"],
        "Qatar": ["Qatar"],
        "Rizvi": ["Rizvi"],
    }
)


@pytest.fixture(scope="module")
def analyzer() -> StanceAnalyzer:
    return StanceAnalyzer()


@pytest.fixture(scope="module")
def pipe(analyzer) -> Pipeline:
    return Pipeline(actors=ACTORS, analyzers=[analyzer], cleaner=False)


def run(pipe: Pipeline, text: str):
    out = pipe.process(Document(id="t", text=text))
    return out


def stance_of(pipe: Pipeline, text: str) -> dict[str, float]:
    """Mean stance per actor in ``text``."""
    out = run(pipe, text)
    acc: dict[str, list[float]] = {}
    for actor, value in zip(out.mentions["actor"], out.mentions["stance"]):
        acc.setdefault(actor, []).append(value)
    return {a: sum(v) / len(v) for a, v in acc.items()}


# ---------------------------------------------------------------------- the basic signal
def test_praise_and_blame(pipe):
    assert stance_of(pipe, "Pakistan showed extraordinary restraint and generosity.")["Pakistan"] > 0.2
    assert stance_of(pipe, "Afghanistan is harbouring terrorists and spreading propaganda.")["Afghanistan"] < -0.2


def test_helping_a_harmful_actor_is_no_credit_to_the_helper(pipe):
    """ "sheltering militants" scored Afghanistan's part in the act positive (a benefit act, its doer credited)."""
    assert stance_of(pipe, "Afghanistan is sheltering militants.")["Afghanistan"] < -0.5  # -0.30 before
    assert stance_of(pipe, "Kabul is sheltering the armed militants.")["Afghanistan"] < -0.5
    assert stance_of(pipe, "The Taliban sheltered the militants in Kabul.")["Afghan Taliban"] < -0.2  # +0.16 before
    assert stance_of(pipe, "Afghanistan is sheltering refugees.")["Afghanistan"] > 0.2  # helping others still counts
    assert stance_of(pipe, "Police help us prevent terrorist attacks.")["Police"] > 0  # "us" is helped, not terrorists


@pytest.fixture(scope="module")
def seed_pipe(analyzer) -> Pipeline:
    """The seed domain's actors, with their types (the TTP is a "militant group")."""
    from framing.seeds import seed_file

    return Pipeline(actors=ActorSet.from_yaml(str(seed_file("actors.yaml"))), analyzers=[analyzer], cleaner=False)


def test_helping_or_backing_an_actor_of_a_harmful_type_is_no_credit_to_the_helper(seed_pipe):
    # before: the Taliban's "support to the TTP" was to their credit (+0.09), and so was Kabul's praise of it
    assert stance_of(seed_pipe, "The Taliban provide financial support to the TTP.")["Afghan Taliban"] < 0
    assert stance_of(seed_pipe, "Kabul praised the TTP.")["Afghanistan"] < 0
    assert stance_of(seed_pipe, "Pakistan provided support to Afghanistan.")["Pakistan"] > 0  # a state is no harm


def test_backing_from_an_actor_of_a_harmful_type_is_no_credit_to_the_one_backed(seed_pipe):
    # before: "the TTP declaring its support to the Afghan Taliban" was praise of the Taliban (+0.15)
    text = "The TTP declared its support to the Afghan Taliban, and Pakistan kept talking."
    assert stance_of(seed_pipe, text)["Afghan Taliban"] < 0
    assert stance_of(seed_pipe, text)["Pakistan"] >= 0  # further on: not the one backed
    assert stance_of(seed_pipe, "Qatar declared its support to the Afghan Taliban.")["Afghan Taliban"] > 0


def test_a_purpose_clause_s_pronoun_is_the_main_clause_s_actor(seed_pipe):
    # before: "promote" was credited to Afghanistan (+0.34) and the Taliban, the nearest names, not to Pakistan
    text = "Pakistan kept talking with the Taliban in Afghanistan so that it would promote stability in the region."
    out = run(seed_pipe, text)
    credit = {}
    for e in out.evidence:
        if text[e[2] : e[3]] == "promote":
            credit[e[5]] = e[4]
    assert credit["Pakistan"] > max(v for a, v in credit.items() if a != "Pakistan")


US = ActorSet.from_dict(
    {
        "Republicans": ["Republicans", "Republican", "GOP"],
        "White House": ["White House"],
        "FBI": ["FBI"],
        "Rizvi": ["Rizvi"],
    }
)


@pytest.mark.parametrize(
    "actors, text, actor",
    [
        (US, "Congressional Republicans watched his brutal bombing campaign.", "Republicans"),
        (US, "He faces a hard path to the White House because of his dismal ratings.", "White House"),
        (US, "Agents at the FBI said his corrupt deals were known.", "FBI"),
        (None, "Pakistan watched his brutal campaign.", "Pakistan"),  # a state, in the seed actors
    ],
)
def test_he_and_she_do_not_stand_for_a_body_a_group_or_a_state(seed_pipe, analyzer, actors, text, actor):
    # before: "his" stood for the nearest mention before it whatever it was, so the Republicans, the White House, the
    # FBI and Pakistan took the blame of a man's bombing, ratings and deals
    pipe = seed_pipe if actors is None else Pipeline(actors=actors, analyzers=[analyzer], cleaner=False)
    assert stance_of(pipe, text)[actor] > -0.05
    person = "Rizvi said his brutal bombing campaign worked."  # a person is still "he"
    assert stance_of(Pipeline(actors=US, analyzers=[analyzer], cleaner=False), person)["Rizvi"] < -0.2


def test_he_passes_over_a_body_to_the_person_before_it(analyzer):
    # before: "he" stood for the Senate, the nearest mention, and Rizvi lost the impeachment
    actors = ActorSet.from_dict({"Rizvi": ["Rizvi"], "Senate": ["Senate"]})
    out = run(
        Pipeline(actors=actors, analyzers=[analyzer], cleaner=False),
        "Rizvi is on trial in the Senate after he was impeached.",
    )
    rizvi = [e for e in out.evidence if e[5] == "Rizvi" and "via pronoun 'he'" in e[7]]
    assert rizvi and rizvi[0][4] < -0.2
    assert not any("via pronoun" in e[7] for e in out.evidence if e[5] == "Senate")


@pytest.mark.parametrize(
    "text",
    [
        "Militants crossed the Pakistani border illegally.",
        "Smugglers crossed the Afghanistan-Pakistan border illegally at night.",
        "Smugglers were arrested along the Pakistani border.",
        "Distraught parents were separated at the Pakistani border.",
    ],
)
def test_a_mention_that_names_a_border_is_where_it_happened_not_who_did_it(pipe, text):
    # before: the mention was the nearest actor, so Pakistan was blamed for crossing illegally and for attacking
    assert stance_of(pipe, text)["Pakistan"] == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Pakistani border guards acted illegally.",  # what a state does at its border is its own
        "Terror attacks came from the Pakistani border.",  # where they come from
    ],
)
def test_a_border_s_guards_or_the_origin_of_attacks_still_carry_the_blame(pipe, text):
    assert stance_of(pipe, text)["Pakistan"] < -0.2


def test_a_border_s_name_is_no_referent_of_he_or_of_the_actor_named_elsewhere(analyzer):
    # before: the nearest mention of Mexico, the border's, took the word ("illegal" was blamed on it, as the doer
    # of "arrested"), and "his" after "the Mexican border" stood for Mexico rather than Trump
    actors = ActorSet.from_dict({"Mexico": ["Mexico", "Mexican"], "Trump": ["Trump"]})
    pipe = Pipeline(actors=actors, analyzers=[analyzer], cleaner=False)
    out = run(pipe, "Trump called the Mexican border a crisis, although his critics dismissed the claim.")
    assert any("via pronoun 'his'" in e[7] for e in out.evidence if e[5] == "Trump")
    assert not [e for e in out.evidence if e[5] == "Mexico"]


def test_what_an_actor_is_accused_of_is_said_of_the_accused_not_the_accuser(pipe):
    # before: "treason" and "corruption" also counted against Pakistan, the accuser (as a nearer actor's words)
    text = "Pakistan accused Afghanistan of treason and corruption."
    words: dict[str, set[str]] = {}
    for e in run(pipe, text).evidence:
        words.setdefault(e[5], set()).add(text[e[2] : e[3]])
    assert {"treason", "corruption"} <= words["Afghanistan"]
    assert not {"treason", "corruption"} & words.get("Pakistan", set())


def test_harmful_actors_are_read_from_the_actor_types():
    from framing.actors import Actor
    from framing.analyzers.stance_rules import harmful_actors

    kinds = {"TTP": "militant group", "ISKP": "Terrorist organisation", "Pakistan": "state", "Rizvi": "person"}
    assert harmful_actors([Actor(name=n, type=t) for n, t in kinds.items()]) == {"TTP", "ISKP"}


def test_no_evidence_is_exactly_zero_and_neutral(pipe):
    out = run(pipe, "Pakistan and India held talks on Tuesday.")
    assert out.mentions["stance"] == [0.0, 0.0]
    assert out.mentions["label"] == ["neutral", "neutral"]
    assert out.evidence == []


# ---------------------------------------------------------------------- negation
def test_negation_of_a_negative_word_removes_it(pipe):
    failed = stance_of(pipe, "Pakistan has failed.")["Pakistan"]
    not_failed = stance_of(pipe, "Pakistan has not failed.")["Pakistan"]
    assert failed < -0.2
    assert not_failed > failed and not_failed >= -0.05


def test_negation_of_a_positive_word_is_negative(pipe):
    assert stance_of(pipe, "Kabul has been generous.")["Afghanistan"] > 0.2
    assert stance_of(pipe, "Kabul has been far from generous.")["Afghanistan"] < -0.2
    assert stance_of(pipe, "Kabul has never been generous.")["Afghanistan"] < -0.2


def test_negated_judgement_reverses_its_clause(pipe):
    accused = stance_of(pipe, "Critics accuse Pakistan of ingratitude.")["Pakistan"]
    nobody = stance_of(pipe, "Nobody can accuse Pakistan of ingratitude.")["Pakistan"]
    assert accused < -0.2
    assert nobody > 0.1


def test_not_only_is_not_a_negation(pipe):
    assert stance_of(pipe, "Qatar was not only generous but also patient.")["Qatar"] > 0.2


def test_opposing_a_bad_thing_is_to_the_actor_s_credit(pipe):
    assert stance_of(pipe, "Pakistan has led the fight against terrorism.")["Pakistan"] > 0


@pytest.mark.parametrize(
    "text, actor",
    [
        ("The army launched a crackdown against TTP militants.", "TTP"),
        ("Critics opposed India's aggression.", "India"),
        ("Islamabad vowed to counter Afghanistan's malign interference.", "Afghanistan"),
        ("The world condemned the invasion by India.", "India"),
    ],
)
def test_the_owner_of_the_bad_thing_opposed_gets_no_credit(pipe, text, actor):
    # before: "TTP militants", opposed by "against", counted to the TTP's credit as it does to the army's
    assert stance_of(pipe, text)[actor] < 0
    assert any("the thing opposed" in e[7] for e in run(pipe, text).evidence)


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Many Pakistan supporters were dismayed by the vote.", "Pakistan"),
        ("Qatar's critics called the talks a failure.", "Qatar"),
    ],
)
def test_a_group_named_by_its_stance_to_an_actor_does_not_evaluate_it(pipe, text, actor):
    # before: "Pakistan supporters" was praise of Pakistan (the actor as the subject of 'support'), and their dismay
    # was Pakistan's
    assert stance_of(pipe, text)[actor] == 0.0


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Critics decried the anti-Pakistan bias of the report.", "Pakistan"),
        ("Violent pro-Taliban fighters attacked the post.", "Afghan Taliban"),
        ("The bill won praise from non-Qatar members.", "Qatar"),
    ],
)
def test_a_name_inside_anti_or_pro_is_not_what_the_words_around_it_judge(pipe, text, actor):
    # before: "anti-Pakistan bias" was bias of Pakistan's, "violent pro-Taliban fighters" violence of the Taliban
    assert stance_of(pipe, text)[actor] == 0.0


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Pakistan took action against India's enemies.", "India"),
        ("Qatar voted against Rizvi's impeachment in March.", "Rizvi"),
        ("The army continued the fight against terrorism in Pakistan.", "Pakistan"),
    ],
)
def test_opposing_what_befalls_an_actor_or_its_foes_is_no_blame(pipe, text, actor):
    assert stance_of(pipe, text)[actor] >= 0


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan refused to fight corruption.",
        "Pakistan did not fight against terrorism.",
        "Pakistan is reluctant to act against the sanctuaries.",
    ],
)
def test_failing_to_oppose_a_bad_thing_is_no_credit(pipe, text):
    # before: the bad thing opposed counted to the actor's credit though the actor did not oppose it
    out = run(pipe, text)
    opposed = [e for e in out.evidence if "opposed by" in e[7]]
    assert opposed and all(e[4] < 0 and "negated by" in e[7] for e in opposed)
    assert stance_of(pipe, text)["Pakistan"] < 0


def test_avoiding_a_bad_thing_is_credit_and_talking_about_it_no_blame(pipe):
    """A bad thing avoided, overcome or recovered from counts as opposed; one talked about is the topic, not said
    of the speaker (articles about people who speak about problems came out negative toward them)."""
    assert stance_of(pipe, "India wants to avoid violence at the border.")["India"] > 0.1  # -0.71 before
    assert stance_of(pipe, "Qatar hopes to overcome the hatred.")["Qatar"] > 0.1
    assert stance_of(pipe, "Qatar spoke about poverty and corruption at the summit.")["Qatar"] == 0.0  # -0.62 before
    assert stance_of(pipe, "Rizvi has been discussing sexual harassment with students.")["Rizvi"] == 0.0
    assert stance_of(pipe, "Qatar spoke about its generous aid.")["Qatar"] > 0.1  # positive words are left as they are


def test_words_whose_news_sense_is_praise_or_plain_report(pipe):
    """'dogged' is persistent (praise), 'dogged by' plagued; 'stressing' is emphasising, 'taking pains' taking care,
    'dominating' a contest is no blame (VADER and our lexicon had all of them negative)."""
    assert stance_of(pipe, "Rizvi is as dogged and focused as they come.")["Rizvi"] > 0.1  # -0.39 before
    assert stance_of(pipe, "Qatar has been dogged by scandal.")["Qatar"] < -0.1
    assert stance_of(pipe, "Rizvi spoke, stressing the importance of the talks.")["Rizvi"] == 0.0  # -0.46 before
    assert stance_of(pipe, "Qatar was taking pains to show it wanted talks.")["Qatar"] >= 0.0  # -0.54 before
    assert stance_of(pipe, "Rizvi is dominating the race.")["Rizvi"] == 0.0  # -0.45 before


def test_equipment_and_missing_someone_judge_no_one(pipe):
    # stance_adjust.tsv v6: "defenses" weighed as VADER's "defense" had been switched off, and "missed him" is longing
    assert stance_of(pipe, "Pakistani air defenses were not triggered.")["Pakistan"] == 0.0  # 0.18 before
    assert stance_of(pipe, "Rizvi told him how much he missed him.")["Rizvi"] == 0.0  # -0.27 before
    assert stance_of(pipe, "Rizvi missed the deadline.")["Rizvi"] < -0.2


def test_the_state_of_the_one_cared_for_is_not_the_carer_s_conduct(pipe):
    """A negative word describing the one looked after ('injured birds', 'the sick') is no blame for the carer."""
    assert stance_of(pipe, "Rizvi tends to injured birds in her home.")["Rizvi"] == 0.0  # -0.58 before
    assert stance_of(pipe, "Qatar rescued injured migrants.")["Qatar"] > 0.1
    text = "Pakistan helped slash rates."  # "help" + a verb is no care: the verb still counts
    assert any(text[e[2] : e[3]] == "slash" and e[4] < 0 for e in run(pipe, text).evidence)
    assert stance_of(pipe, "The Taliban sheltered the militants.")["Afghan Taliban"] < -0.2


def test_the_owner_of_an_abuser_is_the_one_abused(pipe):
    """'her abusers', 'his captors': the possessive names the victim of the one who harms (as 'her killers')."""
    assert stance_of(pipe, "Rizvi met her abusers in court.")["Rizvi"] == 0.0  # -0.57 before
    assert stance_of(pipe, "Rizvi, a rapist, was jailed.")["Rizvi"] < -0.5


@pytest.mark.parametrize(
    "text, actor, sign",
    [
        # the owner does it: an inquiry, a complaint, a meddling is the owner's act
        ("Rizvi's investigation has turned up a lot so far.", "Rizvi", 0),
        ("Qatar's criticism was sharp.", "Qatar", 0),
        ("Rizvi's accusations made headlines.", "Rizvi", 0),
        ("India's interference in the region continued.", "India", -1),
        # the owner undergoes it: an impeachment, an arrest, a murder befalls the owner
        ("Rizvi's impeachment was debated for weeks.", "Rizvi", -1),
        ("Rizvi's arrest came a day later.", "Rizvi", -1),
    ],
)
def test_the_owner_of_an_act_noun_does_it_unless_the_noun_befalls_it(pipe, text, actor, sign):
    # before: every criticism and harm noun after a possessive befell its owner, so "Mueller's investigation" was
    # blame of Mueller and "Russia's interference" no blame of Russia
    value = stance_of(pipe, text)[actor]
    assert value < -0.2 if sign < 0 else value > -0.1  # a critic is blamed only mildly


def test_obstruction_of_an_actor_and_a_welcome_from_one(pipe):
    # stance_verbs v4: "obstruction of Congress" had blamed Congress (a plain negative word near it), and "a
    # welcome from Democrats" made them its receiver ("welcome" was a verb only)
    assert stance_of(pipe, "The article was about obstruction of Qatar.")["Qatar"] >= 0
    assert stance_of(pipe, "Rizvi's obstruction angered the court.")["Rizvi"] < -0.2
    out = run(pipe, "Rizvi arrived to a rapturous welcome from Qatar.")
    assert any(e[5] == "Qatar" and "doer of 'praise'" in e[7] for e in out.evidence)


def test_misfortune_that_befalls_an_actor_is_no_judgement_of_it(pipe):
    """Death, victims, tragedy: alone they labelled the one they befell negative (-0.23 and -0.21 before)."""
    assert stance_of(pipe, "Rizvi died in the tragedy, one of its many victims.")["Rizvi"] == 0.0
    assert stance_of(pipe, "Rizvi's death was a tragedy.")["Rizvi"] == 0.0


# ---------------------------------------------------------------------- contrast
def test_contrast_while_clause_is_conceded(pipe):
    text = "While Pakistan has made great sacrifices, it has failed to stop the militants."
    assert stance_of(pipe, text)["Pakistan"] < -0.1
    out = run(pipe, text)
    notes = " ".join(e[7] for e in out.evidence)
    assert "conceded clause" in notes and "via pronoun 'it'" in notes


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban are reluctant to take decisive action against the sanctuaries.",
        "Kabul was unwilling to make any real progress.",
        "Kabul declined to support the peace talks.",
    ],
)
def test_what_an_actor_is_reluctant_or_unwilling_to_do_counts_against_it(pipe, text):
    # stance_negators v4: before, "decisive", "progress" and "support" counted to the actor's credit
    assert min(stance_of(pipe, text).values()) < 0


def test_but_clause_outweighs_what_came_before(pipe):
    x = stance_of(pipe, "Kabul made some progress, but it broke its promises and betrayed its neighbours.")
    assert x["Afghanistan"] < -0.1


# ---------------------------------------------------------------------- who does what to whom
def test_agent_is_blamed_victim_is_not(pipe):
    x = stance_of(pipe, "TTP fighters ambushed a police convoy, killing six officers.")
    assert x["TTP"] < -0.2
    assert x["Police"] > -0.05


def test_passive_agent_after_by(pipe):
    x = stance_of(pipe, "The police convoy was ambushed by the TTP.")
    assert x["TTP"] < -0.2
    assert x["Police"] > -0.05


def test_criticism_falls_on_the_one_criticized(pipe):
    x = stance_of(pipe, "India condemned Pakistan.")
    assert x["Pakistan"] < -0.2
    assert x["India"] > -0.15  # the critic is not blamed for criticising


def test_two_actors_with_opposite_stance_in_one_sentence(pipe):
    x = stance_of(pipe, "India praised Afghanistan but condemned Pakistan.")
    assert x["Afghanistan"] > 0.2
    assert x["Pakistan"] < -0.2
    y = stance_of(pipe, "Qatar was generous, while the TTP was ruthless.")
    assert y["Qatar"] > 0.1 and y["TTP"] < -0.1


def test_possessive_and_appositive(pipe):
    assert stance_of(pipe, "Everyone noticed Pakistan's sacrifices.")["Pakistan"] > 0.2
    assert stance_of(pipe, "Qatar, a reliable partner, hosted the talks.")["Qatar"] > 0.2
    out = run(pipe, "Qatar, a reliable partner, hosted the talks.")
    assert any("appositive" in e[7] for e in out.evidence)


def test_names_of_kinds_of_actor_describe_only_what_they_are_said_of(pipe):
    x = stance_of(pipe, "Pakistan accuses Kabul of harbouring terrorists.")
    assert x["Afghanistan"] < -0.2
    assert x["Pakistan"] > x["Afghanistan"]


# ---------------------------------------------------------------------- quotations
def test_quoted_stance_is_recorded_and_the_speaker_is_not_its_target(pipe):
    out = run(pipe, 'Rizvi said: "The Taliban are harbouring terrorists and betraying their neighbours."')
    m = dict(zip(out.mentions["actor"], range(len(out.mentions["actor"]))))
    taliban, rizvi = m["Afghan Taliban"], m["Rizvi"]
    assert out.mentions["stance"][taliban] < -0.2
    assert out.mentions["quoted"][taliban] is True
    assert abs(out.mentions["stance"][rizvi]) < 0.1
    assert out.mentions["source"][taliban] == ""  # no sourcing analyzer ran: source unknown


def test_a_speaker_s_negative_reported_words_count_less_than_positive_ones(pipe):
    """What a speaker complains of or warns about is mostly not said of the speaker (articles about people who speak
    about problems came out negative toward them); the speaker's positive words keep their weight."""
    old = Pipeline(actors=ACTORS, analyzers=[StanceAnalyzer(reported_negative=0.4)], cleaner=False)
    text = "Qatar said the blockade was illegal and cruel."
    assert stance_of(old, text)["Qatar"] < -0.3  # before: reported words x0.4 whatever their sign
    assert -0.25 < stance_of(pipe, text)["Qatar"] < 0
    assert any("speaker's reported words" in e[7] for e in run(pipe, text).evidence)
    text = "Qatar said the talks were a great success."
    assert stance_of(pipe, text)["Qatar"] == stance_of(old, text)["Qatar"] > 0.1


def test_source_comes_from_the_sourcing_attributions(analyzer):
    from framing.analyzers.base import DocContext, DocResult
    from framing.text import TextModel

    text = 'Rizvi said: "The Taliban are harbouring terrorists."'
    model = TextModel(text)
    mentions = ACTORS.find(text)
    q = model.quotes[0]
    r0 = text.index("Rizvi")
    sourcing = DocResult(
        tables={
            "attributions": [
                {
                    "kind": "direct",
                    "source": "Rizvi",
                    "source_actor": "Rizvi",
                    "source_type": "named person",
                    "cue": "say",
                    "cue_start": text.index("said"),
                    "cue_end": text.index("said") + 4,
                    "source_start": r0,
                    "source_end": r0 + 5,
                    "content_start": q.inner_start,
                    "content_end": q.inner_end,
                    "sentence_id": 0,
                }
            ]
        }
    )
    ctx = DocContext(Document(id="d", text=text), model, None, mentions, [0] * len(mentions), ACTORS)  # type: ignore[arg-type]
    ctx.results["sourcing"] = sourcing
    res = analyzer.analyze(ctx)
    i = [m.actor for m in mentions].index("Afghan Taliban")
    assert res.mentions["quoted"][i] is True
    assert res.mentions["source"][i] == "Rizvi"
    assert any("quoted: Rizvi" in e.note for e in res.evidence if e.actor == "Afghan Taliban")


# ---------------------------------------------------------------------- output contract
def test_columns_evidence_and_actor_table(pipe):
    text = "Pakistan's sacrifices were praised, but the TTP betrayed everyone. Islamabad was not happy."
    out = run(pipe, text)
    n = len(out.mentions["actor"])
    for col, empty in StanceAnalyzer.mention_columns.items():
        assert len(out.mentions[col]) == n, col
        if isinstance(empty, (int, float)) and not isinstance(empty, bool):
            assert all(v == v for v in out.mentions[col]), col  # no NaN in summed columns
    assert all(-1.0 <= v <= 1.0 for v in out.mentions["stance"])
    assert set(out.mentions["label"]) <= {"negative", "neutral", "positive"}
    for analyzer_name, cat, s, e, w, actor, _sid, _note in out.evidence:
        assert analyzer_name == "stance"
        assert 0 <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
        assert cat.split("/")[0] == ("negative" if w < 0 else "positive")
        assert actor in ACTORS.names
    rows = out.tables["stance_actors"]
    assert {r["actor"] for r in rows} == set(out.mentions["actor"])
    assert all(r["n_mentions"] >= 1 and -1 <= r["mean_stance"] <= 1 for r in rows)


def test_label_follows_threshold():
    a = StanceAnalyzer(threshold=0.3)
    assert a.label(0.31) == "positive" and a.label(-0.3) == "negative" and a.label(0.29) == "neutral"


def test_user_words_and_options():
    pipe = Pipeline(actors=ACTORS, analyzers=[StanceAnalyzer(extra={"splendiferous": 0.8})], cleaner=False)
    assert stance_of(pipe, "Qatar was splendiferous.")["Qatar"] > 0.3
    with pytest.raises(TypeError):
        StanceAnalyzer(no_such_option=1)
    assert "threshold" in StanceAnalyzer(scale=7).settings() and StanceAnalyzer(scale=7).settings()["scale"] == 7


def test_a_pickled_analyzer_carries_the_shipped_lexicon_by_name_and_a_custom_one_whole():
    """Worker processes get a copy: the shipped lexicon is rebuilt there (sent whole, it was most of the
    pipeline that every Dask partition unpickles), a lexicon with the user's words is sent with the analyzer."""
    import pickle

    text = "Qatar was splendiferous. Pakistan strongly condemned the deadly attack by the TTP."
    for analyzer, most in (
        (StanceAnalyzer(vader_weight=0.5), 20_000),
        (StanceAnalyzer(extra={"splendiferous": 0.8}), None),
    ):
        blob = pickle.dumps(analyzer)
        copy = pickle.loads(blob)
        if most is not None:
            assert len(blob) < most
        assert copy.lexicon.table == analyzer.lexicon.table and copy.settings() == analyzer.settings()
        want = Pipeline(actors=ACTORS, analyzers=[analyzer], cleaner=False).process(Document(id="t", text=text))
        got = Pipeline(actors=ACTORS, analyzers=[copy], cleaner=False).process(Document(id="t", text=text))
        assert got.mentions == want.mentions and got.evidence == want.evidence
    assert stance_of(Pipeline(actors=ACTORS, analyzers=[copy], cleaner=False), text)["Qatar"] > 0.3


def test_capitalised_evaluative_words_inside_a_sentence_are_names(pipe):
    assert stance_of(pipe, "Pakistan met Attorney General Loretta Lynch on Tuesday.")["Pakistan"] == 0.0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(
        st.sampled_from(
            [
                "Pakistan",
                "India",
                "TTP",
                "Kabul",
                "not",
                "never",
                "but",
                "while",
                "generous",
                "failed",
                "attacked",
                "by",
                "was",
                "the",
                "a",
                ",",
                ";",
                ":",
                '"',
                "'",
                "(",
                ")",
                "killed",
                "praised",
                "harbouring",
                "sacrifices",
                "—",
                "he",
                "it",
                "its",
                "their",
                "very",
                "slightly",
                "far",
                "from",
                "nobody",
                "accuse",
                "of",
            ]
        ),
        min_size=0,
        max_size=40,
    )
)
def test_any_text_gives_bounded_stance_and_valid_offsets(pipe, words):
    text = " ".join(words)
    out = run(pipe, text)
    assert all(-1.0 <= v <= 1.0 and not math.isnan(v) for v in out.mentions.get("stance", []))
    for _, _, s, e, w, _, _, _ in out.evidence:
        assert 0 <= s < e <= len(text) and w != 0


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=0, max_size=120), cut=st.integers(min_value=0, max_value=120))
def test_arbitrary_mention_spans_never_break_the_analyzer(analyzer, text, cut):
    from framing.analyzers.base import DocContext
    from framing.text import TextModel

    model = TextModel(text)
    if not text or model.n_sentences == 0:
        return
    s = min(cut, len(text) - 1)
    e = min(len(text), s + 5)
    sent = max(0, model.sentence_at(s))
    ctx = DocContext(Document(id="h", text=text), model, None, [Mention("X", s, e, "name", False)], [sent])  # type: ignore[arg-type]
    res = analyzer.analyze(ctx)
    assert len(res.mentions["stance"]) == 1 and -1 <= res.mentions["stance"][0] <= 1


# ---------------------------------------------------------------------- metrics, compare, explain
def test_metrics_are_per_actor_and_compare_gives_intervals(seed_analysis):
    a = seed_analysis
    assert {"stance_mean", "stance_share_negative", "stance_share_positive", "stance_mentions"} <= set(a.metrics)
    t = a.compare(metric="stance_mean", n_boot=50)
    assert t["actor"].notna().all() and {"TTP", "Pakistan"} <= set(t["actor"])
    row = t.dropna(subset=["value"]).iloc[0]
    assert row["ci_low"] <= row["value"] <= row["ci_high"]
    m = a.mentions
    assert {"stance", "label", "quoted", "source"} <= set(m.columns)
    assert set(a.table("stance_actors").columns) >= {"doc_id", "actor", "mean_stance", "thin"}


def test_explain_colours_stance_words_by_sign(seed_analysis):
    a = seed_analysis
    doc = a.evidence[a.evidence["analyzer"] == "stance"]["doc_id"].iloc[0]
    h = a.explain(doc)
    assert {"stance-neg", "stance-pos"} & set(h.classes)
    assert "stance-neg" in h.classes


def test_report_pages_heatmap_and_evidence(seed_analysis, tmp_path):
    from framing.report.base import ReportContext
    from framing.report.stance import pages, summary

    ctx = ReportContext(out_dir=tmp_path, n_boot=30)
    got = pages(seed_analysis, ctx)
    assert got[0].name == "stance_heatmap" and got[0].figure is not None
    assert {"group", "actor", "mean_stance", "ci_low", "ci_high", "n", "thin"} <= set(got[0].table.columns)
    ev = [p for p in got if p.name == "stance_evidence"]
    assert ev and ev[0].excerpts
    caption, body, plain = ev[0].excerpts[0]
    assert " on " in caption and "fr-stance" in body and plain.startswith("• ")
    lines = summary(seed_analysis, ctx)
    assert any("most negative about" in s for s in lines)
    import matplotlib.pyplot as plt

    plt.close("all")


# ---------------------------------------------------------------------- evaluation
def _write(tmp_path, rows):
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return p


def test_evaluate_on_a_user_file(tmp_path):
    from framing.evaluate.stance import evaluate, format_result

    s1 = "India praised Afghanistan but condemned Pakistan."
    s2 = "Pakistan and India held talks on Tuesday."
    rows = [
        {
            "sentence_normalized": s1,
            "targets": [
                {"from": s1.index("Afghanistan"), "to": s1.index("Afghanistan") + 11, "polarity": 6.0},
                {"from": s1.index("Pakistan"), "to": s1.index("Pakistan") + 8, "polarity": "negative"},
            ],
        },
        {"sentence_normalized": s2, "targets": [{"from": 0, "to": 8, "polarity": 0}]},
    ]
    res = evaluate(_write(tmp_path, rows), baseline="vader")
    assert res["task"] == "stance" and res["n"] == 3
    assert res["accuracy"] == 1.0 and res["macro_f1"] == 1.0
    assert set(res["per_class"]) == {"negative", "neutral", "positive"}
    assert res["per_class"]["positive"]["support"] == 1
    assert "baseline" in res and res["baseline"]["n"] == 3
    assert "macro-F1" in format_result(res)


def test_scores_are_the_usual_definitions():
    from framing.evaluate.stance import scores

    gold = ["negative", "negative", "neutral", "positive"]
    pred = ["negative", "neutral", "neutral", "negative"]
    r = scores(gold, pred)
    assert r["per_class"]["negative"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2}
    assert r["per_class"]["neutral"]["f1"] == pytest.approx(0.6667, abs=1e-4)
    assert r["per_class"]["positive"]["f1"] == 0.0
    assert r["macro_f1"] == pytest.approx((0.5 + 0.6667) / 3, abs=1e-3)
    assert r["accuracy"] == 0.5


def test_bad_evaluation_files_say_what_is_wrong(tmp_path):
    from framing.errors import ConfigError
    from framing.evaluate.stance import load_targets

    p = _write(tmp_path, [{"sentence_normalized": "abc", "targets": [{"from": 0, "to": 9, "polarity": 2.0}]}])
    with pytest.raises(ConfigError, match="outside"):
        load_targets(p)
    p = _write(tmp_path, [{"sentence_normalized": "abc", "targets": [{"from": 0, "to": 2, "polarity": 5.0}]}])
    with pytest.raises(ConfigError, match="polarity"):
        load_targets(p)


def test_cli_evaluate_json(tmp_path, capsys):
    from framing.cli import main

    s = "Kabul has been far from generous."
    p = _write(tmp_path, [{"sentence_normalized": s, "targets": [{"from": 0, "to": 5, "polarity": 2.0}]}])
    assert main(["evaluate", "stance", "--data", str(p), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert {"task", "n", "macro_f1", "accuracy", "per_class"} <= set(res) and res["n"] == 1


def test_newsmtsc_dev_beats_the_vader_baseline():
    from conftest import shared_path

    from framing.evaluate.stance import evaluate

    path = shared_path("eval", "newsmtsc", "devtest_mt.jsonl")
    res = evaluate(path, baseline="vader", limit=250)
    assert res["macro_f1"] > res["baseline"]["macro_f1"] + 0.05


# ---------------------------------------------------------------------- learned option
def test_learned_option_fits_on_labelled_sentences_and_scores_mentions(tmp_path):
    from framing.analyzers.stance_learned import FEATURES, LearnedStanceAnalyzer

    rows = []
    good = ["Qatar was generous and patient.", "India praised Qatar.", "Qatar showed great restraint."]
    bad = ["Qatar betrayed its neighbours.", "India condemned Qatar.", "Qatar is harbouring terrorists."]
    flat = ["Qatar held talks on Tuesday.", "India met Qatar in Doha.", "Qatar sent a delegation."]
    for sents, pol in ((good, 6.0), (bad, 2.0), (flat, 4.0)):
        for s in sents:
            i = s.index("Qatar")
            rows.append({"sentence_normalized": s, "targets": [{"from": i, "to": i + 5, "polarity": pol}]})
    learned = LearnedStanceAnalyzer().fit(_write(tmp_path, rows))
    assert learned.n_fitted == 9 and len(FEATURES) == 19
    pipe = Pipeline(actors=ACTORS, analyzers=[StanceAnalyzer(), learned], cleaner=False)
    out = run(pipe, "Qatar was generous. Qatar betrayed everyone.")
    assert out.mentions["label_learned"] == ["positive", "negative"]
    assert out.mentions["stance_learned"][0] > 0 > out.mentions["stance_learned"][1]
    with pytest.raises(RuntimeError, match="fitted"):
        Pipeline(actors=ACTORS, analyzers=[LearnedStanceAnalyzer()], cleaner=False).analyzers[0].analyze(
            _ctx("Qatar was generous.")
        )


def _ctx(text):
    from framing.analyzers.base import DocContext
    from framing.text import TextModel

    model = TextModel(text)
    mentions = ACTORS.find(text)
    return DocContext(Document(id="c", text=text), model, None, mentions, [0] * len(mentions), ACTORS)  # type: ignore[arg-type]


# ---------------------------------------------------------------------- word senses that judge no one
@pytest.mark.parametrize(
    "text",
    [
        "Pakistan bore responsibility for the budget.",  # the past of bear, not boring
        "The border town lies west of Pakistan.",  # is located, not lying
        "Ahead of the summit, Pakistan said it would attend.",  # a time, not a lead in a race
        "Pakistan is moving troops to the border.",  # motion, not a moving speech
        "Pakistan saw a surge in calls from traders.",  # a rise, not a candidate's surge
        "The inquiry asked what Pakistan knew with respect to the border.",  # about, not esteem
    ],
)
def test_a_word_in_a_sense_that_judges_no_one_leaves_the_mention_neutral(pipe, text):
    # before: -0.39, -0.58, +0.14, +0.29, +0.33
    assert stance_of(pipe, text)["Pakistan"] == 0.0


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("Pakistan is committed to peace.", 1),
        ("Pakistan pulled ahead in the polls.", 1),
        ("Pakistan was comfortably ahead of India.", 1),
        ("Pakistan delivered a deeply moving speech.", 1),
        ("Pakistan lied to its allies.", -1),
    ],
)
def test_the_judging_senses_of_those_words_still_count(pipe, text, sign):
    assert stance_of(pipe, text)["Pakistan"] * sign > 0


def test_committing_a_crime_is_not_praise(pipe):
    # before: +0.45: "committed" was +0.30 in any sense, "committed a crime" included
    assert stance_of(pipe, "Pakistan committed a crime against its neighbours.")["Pakistan"] <= 0
