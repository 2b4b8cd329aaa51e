"""Frames: the lexicon file, the sentence and document rules, the SemEval evaluation, scikit-learn integration."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest
from conftest import shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analyzers.frames import FRAME_KEYS, FRAMES, FrameAnalyzer, assign_frames
from framing.errors import InputError
from framing.evaluate import frames as ev_frames
from framing.features import FrameClassifier, FramingFeatures, as_texts
from framing.lexicons import load_lexicon
from framing.text import TextModel


@pytest.fixture(scope="module")
def analyzer() -> FrameAnalyzer:
    return FrameAnalyzer()


def frames_of(analyzer: FrameAnalyzer, text: str) -> list[tuple[str, ...]]:
    return analyzer.sentence_frames(TextModel(text))[0]


# ---------------------------------------------------------------------- the lexicon
def test_frame_lexicon_is_documented_data():
    lex = load_lexicon("frames")
    for key in ("name", "source", "licence", "version", "description"):
        assert lex.meta.get(key), key
    assert "Card" in lex.meta["source"] and "Boydstun" in lex.meta["source"]
    cats = {e.category for e in lex}
    assert cats == set(FRAMES) | {"none"}
    for f in FRAMES:
        n = sum(e.category == f for e in lex)
        assert n >= 25, (f, n)
    assert {e.weight for e in lex if e.category != "none"} <= {0.5, 1.0}
    # no duplicate (term, frame) rows
    rows = [(e.term, e.category) for e in lex]
    assert len(rows) == len(set(rows))


# ---------------------------------------------------------------------- sentences
def test_cues_weak_cues_and_neutral_phrases(analyzer):
    text = (
        "The court ruled the law unconstitutional. "
        "The war on terror goes on. "
        "Lives changed. "  # one weak cue (quality of life): not enough
        "Families and homes were lost. "  # a cue and a weak cue
        "Read our privacy policy and terms of use. "  # web-page debris: no policy frame
        "The government's new policy failed."
    )
    got = frames_of(analyzer, text)
    assert "Legality_Constitutionality_and_jurisprudence" in got[0]
    assert "Security_and_defense" in got[1]
    assert got[2] == ()
    assert "Quality_of_life" in got[3]
    assert "Policy_prescription_and_evaluation" not in got[4]
    assert "Policy_prescription_and_evaluation" in got[5] and "Political" in got[5]


def test_a_word_listed_with_no_frame_is_no_cue_of_a_shorter_glob(analyzer):
    """'crime*' is a crime cue and 'islam*' a morality cue, but Crimea and Islamabad are places: listed with
    no frame, they are not matched by the shorter globs (an exactly listed 'islamabad' still counts)."""
    got = frames_of(
        analyzer,
        "Crime rose in the city. Crimean officials met. Islamic scholars prayed. "
        "Officials in Islamabad and Kabul met. The defendants were acquitted.",
    )
    assert "Crime_and_punishment" in got[0]
    assert "Crime_and_punishment" not in got[1]
    assert "Morality" in got[2]
    assert "Morality" not in got[3] and "External_regulation_and_reputation" in got[3]
    assert "Security_and_defense" not in got[4] and "Legality_Constitutionality_and_jurisprudence" in got[4]
    _, hits = analyzer.sentence_frames(TextModel("Rain fell in Islamabad and Kabul."))
    assert {(h[0], h[4]) for h in hits} == {
        ("External_regulation_and_reputation", "islamabad"),
        ("External_regulation_and_reputation", "kabul"),
    }


@pytest.mark.parametrize(
    ("text", "frame", "expected"),
    [
        ("Former President Bill Clinton spoke.", "Legality_Constitutionality_and_jurisprudence", False),
        ("Bill Gates's foundation gave money.", "Policy_prescription_and_evaluation", False),
        ("The Senate passed the bill.", "Legality_Constitutionality_and_jurisprudence", True),
        ("They invoked the Bill of Rights.", "Legality_Constitutionality_and_jurisprudence", True),
        ("Senate Minority Leader Chuck Schumer spoke.", "Fairness_and_equality", False),
        ("Minorities face discrimination in hiring.", "Fairness_and_equality", True),
        ("Chief Justice John Roberts wrote it.", "Fairness_and_equality", False),
    ],
)
def test_names_and_titles_are_no_cues_of_their_words_frames(analyzer, text, frame, expected):
    # before: "Bill" of "Bill Clinton" was a Legality and a Policy cue (107 times in 1,000 AllSides articles),
    # "Minority Leader" and "Chief Justice" Fairness cues
    assert (frame in frames_of(analyzer, text)[0]) is expected


def test_words_that_only_sometimes_say_a_frame_are_weak_cues(analyzer):
    """Lexicon v4: the news routine of claims and inquiries (an investigation, evidence, an allegation, a
    hearing) and 'enough'/'daily' are weak cues: alone they give no frame, two of them or a cue with them do."""
    text = (
        "The committee opened an investigation into the report. "
        "She was accused of lying at the hearing. "  # two weak legality cues
        "Investigators found new evidence. "  # two weak crime cues
        "The evidence was weighed. "
        "He is old enough to vote. "
        "The Daily Beast reported it first. "
        "Daily life got harder."  # 'daily life' is still a cue
    )
    model = TextModel(text)
    got, hits = analyzer.sentence_frames(model)
    crime, law = "Crime_and_punishment", "Legality_Constitutionality_and_jurisprudence"
    assert crime not in got[0] and law not in got[0]
    assert law in got[1] and crime not in got[1]
    assert crime in got[2] and crime not in got[3]
    assert "Capacity_and_resources" not in got[4] and "Political" in got[4]
    assert "Quality_of_life" not in got[5] and "Quality_of_life" in got[6]
    assert {(h[4], h[3]) for h in hits if h[5] == 2} == {("investigat*", 0.5), ("evidence", 0.5)}


def test_evidence_spans_are_the_cues(analyzer):
    text = "Police arrested the suspect. The senator's campaign spent millions of dollars."
    model = TextModel(text)
    frames, hits = analyzer.sentence_frames(model)
    assert ("Crime_and_punishment", "police") in {(f, t) for f, *_, t, _ in [(h[0], h[4], h[5]) for h in hits]}
    for frame, a, b, _w, term, s in hits:
        assert frame in frames[s]
        span = text[model.token_span(a)[0] : model.token_span(b - 1)[1]].lower()
        want = term.lower()
        assert span.startswith(want.rstrip("*")) if want.endswith("*") else span in (want, want + "'s")


def test_frames_after_issues_share_the_issue_matchers_vocabulary():
    """Run after the issue analyzer, frames resolves words through the issue matcher's vocabulary: the same
    output as a frame analyzer on its own, also when it switches to another issue set's vocabulary."""
    import framing
    from framing.analyzers.base import DocContext
    from framing.analyzers.issues import IssueAnalyzer
    from framing.seeds import seed_issues

    texts = [d.text for d in framing.load_seeds()] + ["Refugees crossed at Torkham; the economy and trade suffered."]
    sets = [seed_issues(), seed_issues()]  # two sets: two vocabularies

    def result(r):
        return r.sentences, [tuple(e) for e in r.evidence], r.metrics

    alone = FrameAnalyzer()
    want = [result(alone.analyze(DocContext(None, TextModel(t), None, [], [], None, None))) for t in texts * 2]
    issues, frames = IssueAnalyzer(), FrameAnalyzer()
    frames.analyze(DocContext(None, TextModel(texts[-1]), None, [], [], None, None))  # its own vocabulary first
    for k, text in enumerate(texts * 2):
        ctx = DocContext(None, TextModel(text), None, [], [], None, sets[k % 2 if k >= len(texts) else 0])
        issues.analyze(ctx)
        assert result(frames.analyze(ctx)) == want[k]
        assert frames._matcher.vocabulary is ctx.issues.vocabulary


def test_words_of_the_codebook_definitions(analyzer):
    """Lexicon v2: words the Policy Frames Codebook uses to define a frame are cues of it."""
    text = (
        "She said it was her duty to stay. "  # Morality: duty, honour
        "They served with honour. "
        "The trade agreement was signed last week. "  # External: trade agreements, relations with another nation
        "Relations with the neighbours soured. "
        "Monetary concerns came first. "  # Economic
        "The clinic is short-staffed. "  # Capacity and resources
        "He was fined for it. "  # Crime and punishment: fines
        "Daily mobility got harder. "  # Quality of life
        "Social norms changed slowly. "  # Cultural identity
        "Public attitudes have shifted."  # Public opinion: general social attitudes
    )
    got = frames_of(analyzer, text)
    want = [
        "Morality",
        "Morality",
        "External_regulation_and_reputation",
        "External_regulation_and_reputation",
        "Economic",
        "Capacity_and_resources",
        "Crime_and_punishment",
        "Quality_of_life",
        "Cultural_identity",
        "Public_opinion",
    ]
    assert len(got) == len(want)
    for frames, frame in zip(got, want):
        assert frame in frames, (frames, frame)
    assert int(load_lexicon("frames").meta["version"]) >= 2


def test_user_words_and_bad_categories():
    lex = load_lexicon("frames").with_entries({"Economic": ["widget"]})
    assert frames_of(FrameAnalyzer(lexicon=lex), "Widgets and a widget.")[0] == ("Economic",)
    with pytest.raises(ValueError, match="unknown: Weather"):
        FrameAnalyzer(lexicon={"Weather": ["rain"]})


def test_document_rule():
    shares = {"Political": 0.5, "Economic": 0.3, "Morality": 0.05, "Crime_and_punishment": 0.3}
    counts = {"Political": 10, "Economic": 6, "Morality": 1, "Crime_and_punishment": 6}
    assert assign_frames(shares, counts, 5, 0.08, 2) == ["Political", "Economic", "Crime_and_punishment"]
    assert assign_frames(shares, counts, 2, 0.08, 2) == ["Political", "Economic"]  # ties: codebook order
    assert assign_frames(shares, counts, 5, 0.04, 1) == ["Political", "Economic", "Crime_and_punishment", "Morality"]
    assert assign_frames({}, {}, 5, 0.08, 2) == []
    # a long document: 12 sentences of 200 (6%) are enough when enough_sentences=12, 11 are not
    shares = {"Political": 0.3, "Economic": 0.06, "Morality": 0.055}
    counts = {"Political": 60, "Economic": 12, "Morality": 11}
    assert assign_frames(shares, counts, 5, 0.08, 2) == ["Political"]
    assert assign_frames(shares, counts, 5, 0.08, 2, 12) == ["Political", "Economic"]
    assert assign_frames(shares, counts, 1, 0.08, 2, 12) == ["Political"]  # still among the most used


def test_a_frame_in_many_sentences_of_a_long_article(analyzer):
    """Default rule: 12 sentences using a frame make it one of the document's frames, whatever their share."""
    from framing.analyzers.base import DocContext

    text = " ".join(
        [f"The court ruled on appeal number {i}." for i in range(12)]  # legality: 12 of 162 sentences (7%)
        + [f"The senator won election number {i}." for i in range(30)]  # political: 30 (19%)
        + [f"It rained on day {i} and the grass grew." for i in range(120)]  # no frame
    )

    def labels(a: FrameAnalyzer) -> str:
        return a.analyze(DocContext(None, TextModel(text), None, [], [], None, None)).metrics["frame_labels"]

    assert labels(analyzer) == "Political, Legality_Constitutionality_and_jurisprudence"
    assert labels(FrameAnalyzer(enough_sentences=None)) == "Political"  # the share test alone: 7% < 8%


def test_frames_on_the_seeds(seed_analysis):
    a = seed_analysis
    s = a.sentences
    cols = [f"frame_{k}" for k in FRAME_KEYS.values()]
    assert set(cols) <= set(s.columns)
    for row in s.head(60).itertuples(index=False):
        on = {f for f, k in FRAME_KEYS.items() if getattr(row, f"frame_{k}")}
        assert on == set(row.frames)
    docs = a.documents
    for m in (f"frame_share_{k}" for k in FRAME_KEYS.values()):
        assert docs[m].between(0, 1).all()
    assert (docs["frame_labels"].str.len() > 0).all()
    assert docs["frame_labels"].map(lambda v: set(v.split(", ")) <= set(FRAMES)).all()
    assert "Security_and_defense" in set(docs["top_frame"])
    ev = a.evidence[a.evidence["analyzer"] == "frames"]
    assert ev["category"].str.startswith("frame:").all() and len(ev) > 100
    html = a.explain(docs["doc_id"].iloc[0], analyzers=["frames"]).to_html()
    assert "fr-frame" in html


# ---------------------------------------------------------------------- evaluation
def _semeval_folder(tmp_path):
    arts = tmp_path / "articles"
    arts.mkdir()
    texts = {
        "1": "Court rules on the law\n\nThe court ruled the law unconstitutional. The judge and the lawyers "
        "appealed the ruling. The attorney filed a lawsuit. Voters and the senator protested.",
        "2": "Outbreak spreads\n\nThe disease outbreak infected patients. Doctors at the hospital treated the virus. "
        "Health officials warned of the epidemic.",
        "3": "Police arrest suspect\n\nPolice arrested a suspect in the murder. The criminal was charged and jailed.",
    }
    for k, t in texts.items():
        (arts / f"article{k}.txt").write_text(t, encoding="utf-8")
    (tmp_path / "labels.tsv").write_text(
        "1\tLegality_Constitutionality_and_jurisprudence,Political\n2\tHealth_and_safety,Weather\n"
        "3\tCrime_and_punishment\n4\tPolitical\n",
        encoding="utf-8",
    )
    return tmp_path


def test_evaluate_on_a_small_folder(tmp_path):
    folder = _semeval_folder(tmp_path)
    r = ev_frames.evaluate(folder, learned=False)
    assert r["task"] == "frames" and r["n"] == 3
    assert r["missing_articles"] == 1 and r["unknown_labels"] == {"Weather": 1}
    assert r["micro_f1"] > 0.7
    assert set(r["per_frame"]) == set(FRAMES)
    assert r["per_frame"]["Health_and_safety"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "support": 1,
        "predicted": 1,
    }
    assert 0 <= r["baseline_top5"]["micro_f1"] <= 1
    text = ev_frames.format_result(r)
    assert "micro-F1" in text and "Health and safety" in text


def test_evaluate_cli_json(tmp_path, capsys):
    from framing.cli import main

    folder = _semeval_folder(tmp_path)
    assert main(["evaluate", "frames", "--data", str(folder), "--json", "--no-learned"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"task", "n", "micro_f1", "macro_f1", "per_frame"} <= set(out)
    assert "learned" not in out


def test_evaluate_errors(tmp_path):
    with pytest.raises(InputError, match="no labels file"):
        ev_frames.evaluate(tmp_path)
    (tmp_path / "labels.tsv").write_text("9\tPolitical\n")
    with pytest.raises(InputError, match="no article"):
        ev_frames.evaluate(tmp_path)


def test_evaluate_reads_the_task_s_own_file_names(tmp_path):
    """SemEval distributes <split>-labels-subtask-2.txt beside <split>-articles/; a folder holding two splits
    names both labels files."""
    folder = _semeval_folder(tmp_path)
    (folder / "labels.tsv").rename(folder / "dev-labels-subtask-2.txt")
    (folder / "articles").rename(folder / "dev-articles")
    want = ev_frames.evaluate(folder / "dev-labels-subtask-2.txt", learned=False)
    assert want["n"] == 3
    assert ev_frames.evaluate(folder, learned=False)["micro_f1"] == want["micro_f1"]
    (folder / "train-labels-subtask-2.txt").write_text("1\tPolitical\n")
    with pytest.raises(InputError, match=r"2 labels files.*dev-labels-subtask-2.txt, train-labels-subtask-2.txt"):
        ev_frames.evaluate(folder)


def test_f1_scores_match_scikit_learn():
    from sklearn.metrics import f1_score

    rng = np.random.default_rng(0)
    Y = rng.random((40, 14)) < 0.3
    P = rng.random((40, 14)) < 0.3
    r = ev_frames.f1_scores(Y, P, list(FRAMES))
    assert r["micro_f1"] == pytest.approx(f1_score(Y, P, average="micro"))
    assert r["macro_f1"] == pytest.approx(f1_score(Y, P, average="macro", zero_division=0))


def test_semeval_dev_acceptance():
    """The shipped lexicon method on the SemEval-2023 English dev articles (the team re-measures on test)."""
    data = shared_path("eval", "semeval2023_frames")
    r = ev_frames.evaluate(data, learned=False)
    assert r["n"] >= 300
    assert r["micro_f1"] >= 0.62
    assert r["macro_f1"] >= 0.50
    assert r["micro_f1"] > r["baseline_top5"]["micro_f1"]


# ---------------------------------------------------------------------- scikit-learn
TEXTS = [
    "The court ruled the law unconstitutional. The judge heard the appeal.",
    "The army attacked. Troops and tanks crossed the border at night.",
    "",
    "Prices rose and the economy slowed; taxes and costs went up.",
]


def test_features_transformer_basics():
    fx = FramingFeatures(analyzers=["readability", "frames"])
    X = fx.fit_transform(TEXTS)
    names = fx.get_feature_names_out()
    assert X.shape == (4, len(names)) and X.dtype == float
    assert "flesch_reading_ease" in names and "frame_share_legality" in names
    col = list(names).index("frame_share_legality")
    assert X[0, col] == 1.0 and X[1, col] == 0.0
    assert not np.isnan(X).any()  # the empty text is filled with 0
    assert np.isnan(FramingFeatures(analyzers=["frames"], fill_value=None).fit_transform(TEXTS)).any()
    only = FramingFeatures(analyzers=["frames"], metrics=["frame_share_security"]).fit(TEXTS)
    assert list(only.get_feature_names_out()) == ["frame_share_security"]
    assert only.transform(TEXTS)[1, 0] == 1.0
    with pytest.raises(ValueError, match="unknown metric"):
        FramingFeatures(analyzers=["frames"], metrics=["nope"]).fit(TEXTS)


def test_features_pandas_output_keeps_the_index_and_subsets_agree():
    s = pd.Series(TEXTS, index=["a", "b", "c", "d"], name="text")
    fx = FramingFeatures(analyzers=["frames"]).set_output(transform="pandas")
    df = fx.fit_transform(s)
    assert isinstance(df, pd.DataFrame)
    assert list(df.index) == ["a", "b", "c", "d"]
    assert list(df.columns) == list(fx.get_feature_names_out())
    part = fx.transform(s.iloc[[1, 3]])
    pd.testing.assert_frame_equal(part, df.iloc[[1, 3]])
    one_col = fx.transform(s.to_frame())
    pd.testing.assert_frame_equal(one_col, df)


def test_features_in_pipelines_and_column_transformers():
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    texts = TEXTS * 5
    y = [0, 1, 0, 1] * 5
    model = make_pipeline(FramingFeatures(analyzers=["frames"]), LogisticRegression()).fit(texts, y)
    assert model.predict(["Troops attacked the border."])[0] == 1
    df = pd.DataFrame({"body": texts, "n": range(20)})
    ct = ColumnTransformer([("fx", FramingFeatures(analyzers=["frames"]), "body")])
    assert ct.fit_transform(df).shape == (20, 14)


def test_features_follow_estimator_conventions():
    import pickle

    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError, SkipTestWarning
    from sklearn.utils import estimator_checks as ec

    est = FramingFeatures(analyzers=["frames"])
    # text input: check_estimator skips its numeric checks, as it does for scikit-learn's own vectorizers
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ec.check_estimator(est)
    assert any(issubclass(w.category, SkipTestWarning) for w in caught)
    # the checks that do not need numeric data
    for check in (
        ec.check_estimator_cloneable,
        ec.check_estimator_repr,
        ec.check_no_attributes_set_in_init,
        ec.check_do_not_raise_errors_in_init_or_set_params,
        ec.check_get_params_invariance,
        ec.check_set_params,
        ec.check_parameters_default_constructible,
        ec.check_valid_tag_types,
        ec.check_estimator_tags_renamed,
        ec.check_mixin_order,
    ):
        check("FramingFeatures", est)
    # the others, with text: fit returns self, does not change parameters, transform needs fit
    params = est.get_params()
    assert est.fit(TEXTS) is est
    assert est.get_params() == params
    with pytest.raises(NotFittedError):
        FramingFeatures().transform(TEXTS)
    again = pickle.loads(pickle.dumps(est))
    np.testing.assert_array_equal(again.transform(TEXTS), est.transform(TEXTS))
    np.testing.assert_array_equal(clone(est).fit_transform(TEXTS), est.transform(TEXTS))


def test_as_texts_rejects_what_is_not_text():
    assert as_texts(np.array([["a"], ["b"]], dtype=object)) == ["a", "b"]
    assert as_texts(["a", None, float("nan")]) == ["a", "", ""]
    with pytest.raises(ValueError, match="single string"):
        as_texts("just one")
    with pytest.raises(ValueError, match="1-D"):
        as_texts(np.zeros((3, 2)))
    with pytest.raises(ValueError, match="not a string"):
        as_texts([1.5, 2.0])
    with pytest.raises(ValueError, match="one column"):
        as_texts(pd.DataFrame({"a": ["x"], "b": ["y"]}))


def test_frame_classifier_learns_from_labelled_texts():
    texts = [
        "The court ruled and the judge heard the lawyers.",
        "Troops and the army attacked across the border.",
        "The judge and the attorney filed a lawsuit in court.",
        "Soldiers fought the war with missiles and tanks.",
    ] * 4
    labels = [["Legality_Constitutionality_and_jurisprudence"], ["Security_and_defense"]] * 8
    clf = FrameClassifier(min_df=1).fit(texts, labels)
    assert list(clf.classes_) == sorted({lab for ls in labels for lab in ls})
    got = clf.predict_labels(["The court and the judge ruled.", "The army and troops attacked."])
    assert got == [["Legality_Constitutionality_and_jurisprudence"], ["Security_and_defense"]]
    assert clf.predict_proba(texts[:2]).shape == (2, 2)
    Y = np.array([[1, 0], [0, 1]] * 8)
    with pytest.raises(ValueError, match="classes="):
        FrameClassifier().fit(texts, Y)
    clf2 = FrameClassifier(min_df=1, classes=["Legality_Constitutionality_and_jurisprudence", "Security_and_defense"])
    assert clf2.fit(texts, Y).predict(texts[:2]).tolist() == [[1, 0], [0, 1]]


def test_features_with_issues_add_issue_shares():
    from framing.issues import IssueSet

    iset = IssueSet.from_dict({"water": ["river*", "water", "dam"], "trade": ["trade", "trader*"]})
    fx = FramingFeatures(analyzers=["issues"], issues=iset).set_output(transform="pandas")
    df = fx.fit_transform(["The river and the dam. Nothing here.", "Traders and trade.", "Water, water."])
    assert list(df.columns) == ["issue_sentence_share", "issue_water", "issue_trade"]
    assert df["issue_water"].tolist() == [0.5, 0.0, 1.0]
    assert df["issue_trade"].tolist() == [0.0, 1.0, 0.0]


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "court",
                "law",
                "police",
                "the",
                "public",
                "privacy policy",
                "war",
                "families",
                "lives",
                "Government's",
                "poll",
                "according to",
                "health",
                "a",
                "foreign",
                "Iran",
                "Russia",
                "money",
                "taxes",
                ".",
                ",",
                "\n\n",
            ]
        ),
        max_size=60,
    )
)
def test_frames_hold_together_on_any_text(words):
    text = " ".join(words)
    model = TextModel(text)
    an = FrameAnalyzer()
    frames, hits = an.sentence_frames(model)
    assert len(frames) == model.n_sentences
    weight: dict[tuple[int, str], float] = {}
    for frame, a, b, w, _term, s in hits:
        assert model.sent_tok[s] <= a < b <= model.sent_tok[s + 1]
        weight[(s, frame)] = weight.get((s, frame), 0.0) + w
    assert {k for k, v in weight.items() if v >= 1} == {(s, f) for s, fs in enumerate(frames) for f in fs}
