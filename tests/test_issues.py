"""Issues: the IssueSet format and its errors, matching rules, discovery, the analyzer on the seeds, per-issue comparison."""

from __future__ import annotations

import math
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.analyzers.issues import IssueAnalyzer, counted_sentences
from framing.errors import ConfigError, InputError
from framing.issues import Issue, IssueSet, coverage, slug
from framing.lexicons import Lexicon, LexiconEntry, _term_words
from framing.seeds import seed_issues
from framing.termmatch import TermMatcher
from framing.text import TextModel

SMALL = """
name: test
exclude: [according to]
issues:
  - name: water
    keywords: [water, Kabul River, dam, dams, river*]
    weak: [flow]
    exclude: [water down, watered down]
  - name: trade
    label: trade and transit
    keywords: [trade, transit trade, trader*]
    weak: [market, markets]
    exclude: [trade union]
"""


@pytest.fixture(scope="module")
def small() -> IssueSet:
    return IssueSet.from_yaml_text(SMALL, source="small.yaml")


def issues_of(iset: IssueSet, text: str) -> list[tuple[str, ...]]:
    return [issues for _, issues in iset.sentence_issues(text)]


# ---------------------------------------------------------------------- format
def test_yaml_fields_are_read(small):
    assert small.names == ["water", "trade"]
    assert small["trade"].display == "trade and transit"
    assert small["water"].keywords["flow"] == 0.5
    assert small["water"].exclude == ("water down", "watered down")
    assert small.exclude == ("according to",)
    assert "water" in small and "energy" not in small
    with pytest.raises(KeyError, match="issues: water, trade"):
        small["energy"]


def test_globs_phrases_possessives_and_case(small):
    text = (
        "The RIVERS rose. Kabul River's flow fell. Transit trade resumed. Traders waited at the dam. "
        "Nothing else happened."
    )
    assert issues_of(small, text) == [("water",), ("water",), ("trade",), ("water", "trade"), ()]


def test_weak_keywords_need_a_second_cue(small):
    assert issues_of(small, "The market opened. Markets and the market rallied.") == [(), ("trade",)]
    # a weak keyword of one issue does not add up with a keyword of another
    assert issues_of(small, "The market moved the dam.") == [("water",)]


def test_exclusions_hide_keywords_of_their_issue_only(small):
    text = "They will water down the bill. The trade union met. The trade union met by the river."
    assert issues_of(small, text) == [(), (), ("water",)]
    # a global exclusion applies to every issue
    glob = IssueSet.from_dict({"issues": [{"name": "x", "keywords": ["according"]}], "exclude": ["according to"]})
    assert issues_of(glob, "According to him. According was all.") == [(), ("x",)]


def test_threshold_and_keyword_weights():
    iset = IssueSet.from_dict({"energy": {"keywords": {"oil": 0.4, "gas": 0.4, "pipeline": 1.0}, "threshold": 0.8}})
    assert issues_of(iset, "Oil prices. Oil and gas. A pipeline.") == [(), ("energy",), ("energy",)]


def test_from_dict_shorthands_and_slug():
    iset = IssueSet.from_dict({"India's role": ["India*", "New Delhi"], "water": "river*"})
    assert iset.names == ["India's role", "water"]
    assert iset["India's role"].slug == "indias_role" == slug("India’s role")
    assert issues_of(iset, "India's influence grew. The Indians left. Indiana Jones.") == [
        ("India's role",),
        ("India's role",),
        ("India's role",),
    ]


def test_round_trip_through_yaml(small, tmp_path):
    path = tmp_path / "issues.yaml"
    small.to_yaml(path)
    again = IssueSet.from_yaml(path)
    assert again.to_dict() == small.to_dict()
    assert [i.keywords for i in again] == [i.keywords for i in small]
    df = small.to_frame()
    assert set(df["kind"]) == {"keyword", "weak", "exclude"}


@pytest.mark.parametrize(
    ("text", "line", "field", "reason"),
    [
        ("issues:\n  - name: a\n    keywords: [x]\ncolour: red\n", 4, "colour", "unknown key"),
        ("issues:\n  - name: a\n    keywords: [x]\n  - name: b\n    keyword: [y]\n", 4, "b.keyword", "unknown key"),
        ("issues:\n  - name: a\n    keywords: [x]\n  - keywords: [y]\n", 4, "name", "issue without a name"),
        ("issues:\n  - name: a\n", 2, "a.keywords", "issue without keywords"),
        ("issues:\n  - name: a\n    keywords: {x: heavy}\n", 2, "a.keywords", "not a number"),
        ("issues:\n  - name: a\n    keywords: [x]\n    threshold: high\n", 2, "a.threshold", "not a number"),
        ("issues:\n  - name: a\n    keywords: [[x]]\n", 2, "a.keywords", "list of words"),
        ("issues:\n  - name: a\n    keywords: ['***']\n", 2, "a.keywords", "no word characters"),
        ("issues: [\n  - name: a\n", 2, None, "not valid YAML"),
    ],
)
def test_errors_name_file_line_and_field(text, line, field, reason):
    with pytest.raises(ConfigError) as err:
        IssueSet.from_yaml_text(text, source="my_issues.yaml")
    e = err.value
    assert e.path == "my_issues.yaml"
    assert e.line == line
    assert e.field == field
    assert reason in str(e)
    assert "my_issues.yaml" in str(e)


def test_more_errors(tmp_path):
    with pytest.raises(ConfigError, match="issue defined twice"):
        IssueSet.from_yaml_text("issues:\n  - {name: a, keywords: [x]}\n  - {name: a, keywords: [y]}\n")
    with pytest.raises(ConfigError, match="same column name"):
        IssueSet.from_dict({"India's role": ["x"], "Indias role": ["y"]})
    with pytest.raises(ConfigError, match="mapping with an 'issues' list"):
        IssueSet.from_yaml_text("- a\n- b\n")
    with pytest.raises(ConfigError, match="empty"):
        IssueSet.from_yaml_text("")
    with pytest.raises(ConfigError, match="cannot read issue file"):
        IssueSet.from_yaml(tmp_path / "missing.yaml")
    with pytest.raises(ConfigError, match="positive"):
        IssueSet([Issue("a", {"x": 1.0}, threshold=0)])


# ---------------------------------------------------------------------- the matcher
_WORDS = ["water", "river", "rivers", "trade", "union", "the", "kabul", "transit", "market", "dam", "flow", "a"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=0, max_size=40),
    seps=st.lists(st.sampled_from([" ", " ", " ", ". ", ", ", "\n\n", "’s "]), min_size=40, max_size=40),
)
def test_term_matcher_agrees_with_lexicon_match(words, seps):
    text = "".join(w.capitalize() + s if k % 7 == 0 else w + s for k, (w, s) in enumerate(zip(words, seps)))
    entries = [
        LexiconEntry(t, _term_words(t), c, 1.0)
        for t, c in [
            ("water", "a"),
            ("river*", "a"),
            ("kabul river", "a"),
            ("trade", "b"),
            ("trade union", "none"),
            ("transit trade", "b"),
            ("the market*", "b"),
            ("dam", "a"),
            ("dam", "c"),
            ("flow*", "a"),
        ]
    ]
    lex = Lexicon(entries)
    model = TextModel(text)
    tm = TermMatcher(lex)
    for overlap in (False, True):
        want = sorted((m.start, m.end, m.entry.term, m.entry.category) for m in lex.match(model, overlap=overlap))
        got = sorted((m.start, m.end, m.entry.term, m.entry.category) for m in tm.match(model, overlap=overlap))
        assert got == want


_EXCEPTION_WORDS = ["crime", "crimes", "crimea", "crimean", "islam", "islamic", "islamabad", "court", "courtesy", "the"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.sampled_from(_EXCEPTION_WORDS), min_size=0, max_size=30))
def test_an_exception_overrules_only_shorter_globs_on_its_own_word(words):
    """With ``exceptions``, the matches are those without, less each one-word glob match whose prefix is
    shorter than that of an exception matching the same word; exact entries and equal globs stay."""
    text = " ".join(words)
    entries = [
        LexiconEntry(t, _term_words(t), c, 1.0)
        for t, c in [
            ("crime*", "crime"),
            ("crimea*", "none"),
            ("crimean", "foreign"),  # exact: kept beside the exception
            ("islam*", "faith"),
            ("islamabad", "none"),  # an exact exception overrules the glob too
            ("islamabad*", "place"),  # a glob at least as long as the exception is kept
            ("court*", "law"),
            ("courtesy", "none"),
            ("the court", "law"),
        ]
    ]
    lex = Lexicon(entries)
    model = TextModel(text)
    plain = TermMatcher(lex).spans(model, overlap=True)
    got = sorted(TermMatcher(lex, exceptions=["none"]).spans(model, overlap=True))

    def fixed(e):
        return len(e.words[0].rstrip("*"))

    def overruled(a, b, k):
        e = entries[k]
        if b - a > 1 or not e.words[0].endswith("*") or e.category == "none":
            return False
        return any(
            a2 == a and b2 == b and entries[k2].category == "none" and fixed(entries[k2]) > fixed(e)
            for a2, b2, k2 in plain
        )

    assert got == sorted(m for m in plain if not overruled(*m))
    for i, w in enumerate(words):
        terms = {entries[k].term for a, b, k in got if a == i and b == i + 1}
        if w in ("crimea", "crimean"):
            assert "crime*" not in terms and "crimea*" in terms
        if w == "islamabad":
            assert "islam*" not in terms and {"islamabad", "islamabad*"} <= terms
        if w in ("crime", "crimes", "islamic", "court"):
            assert terms and "none" not in {entries[k].category for a, b, k in got if a == i and b == i + 1}
        if w == "courtesy":
            assert terms == {"courtesy"}


def test_matchers_sharing_a_vocabulary_match_as_on_their_own(monkeypatch):
    """Word types are resolved through a shared vocabulary: a matcher that starts late, one that skips
    documents, and a vocabulary emptied in between must all give what a private matcher gives."""
    import pickle

    import framing.termmatch as tm
    from framing import cache_limits

    lex = seed_issues().lexicon
    texts = [d.text for d in framing.load_seeds()] + ["Refugees crossed at Torkham; transit trade resumed."] * 2
    models = [TextModel(t) for t in texts]

    def spans(m, model):
        return sorted(m.spans(model, overlap=True))

    want = [spans(TermMatcher(lex, vocabulary=tm.Vocabulary()), model) for model in models]
    shared = tm.Vocabulary()
    early = TermMatcher(lex, vocabulary=shared)
    other = TermMatcher(framing.load_lexicon("frames"), vocabulary=shared)
    for k, model in enumerate(models):
        assert spans(early, model) == want[k]
        if k % 2:
            other.spans(model)  # the other matcher sees every second document only
        if k == 2:
            late = TermMatcher(lex, vocabulary=shared)  # joins with words already in the vocabulary
            copy = pickle.loads(pickle.dumps(early))  # a worker process's copy: its own vocabulary copy
        if k >= 2:
            assert spans(late, model) == want[k]
            assert spans(copy, model) == want[k]
        if k == 3:
            monkeypatch.setattr(cache_limits, "WORD_TYPES", 10)  # the vocabulary is emptied at the next document
    assert shared.epoch >= 1
    assert [spans(early, model) for model in models] == want


def test_a_copy_of_matchers_leaves_their_memo_behind_and_matches_the_same():
    """A copy can be taken while a document is being matched (Dask pickles from another thread), when the
    resolved words and the position in the vocabulary disagree: so neither travels, and the copy resolves
    the words again, still through one vocabulary for the matchers copied together."""
    import pickle

    import framing.termmatch as tm

    lex, frames = seed_issues().lexicon, framing.load_lexicon("frames")
    models = [TextModel(d.text) for d in framing.load_seeds()]
    shared = tm.Vocabulary()
    issue_matcher, frame_matcher = TermMatcher(lex, vocabulary=shared), TermMatcher(frames, vocabulary=shared)
    for model in models[:2]:
        issue_matcher.spans(model)
        frame_matcher.spans(model)
    a, b = pickle.loads(pickle.dumps((issue_matcher, frame_matcher)))
    assert a.vocabulary is b.vocabulary and not a.vocabulary.order and not a._resolved and not b._hits
    for model in models:
        assert sorted(a.spans(model)) == sorted(TermMatcher(lex).spans(model))
        assert sorted(b.spans(model)) == sorted(TermMatcher(frames).spans(model))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=string.ascii_letters + " .,;’'\n-" + "ÉéüØ", max_size=300))
def test_assign_never_breaks_and_evidence_is_in_its_sentence(text):
    iset = seed_issues()
    model = TextModel(text)
    hit = iset.assign(model)
    assert len(hit.sentences) == model.n_sentences
    for issue, a, b, w, _term, s in hit.evidence:
        assert issue in hit.sentences[s]
        assert model.sent_tok[s] <= a < b <= model.sent_tok[s + 1]
        assert w > 0


def test_counted_sentences_skip_references_and_repeats():
    text = (
        "Water is short in the valley this year.\n\nA pull quote repeats this sentence here.\n\n"
        "More text.\n\nA pull quote repeats this sentence here.\n\nReferences\n- Smith, J. Water. 2020"
    )
    model = TextModel(text)
    kinds = model.sent_kinds
    counted = counted_sentences(model)
    texts = [model.sentence_text(s) for s in range(model.n_sentences)]
    assert counted[texts.index("A pull quote repeats this sentence here.")]
    expected = [k != "reference" for k in kinds]
    expected[3] = False  # the repeated sentence
    assert counted == expected
    assert counted.count(True) == 4  # three text sentences (the repeat counts once) and the heading
    assert not any(c for c, k in zip(counted, kinds) if k == "reference")


# ---------------------------------------------------------------------- discovery
def test_discover_proposes_editable_issues(seeds, tmp_path):
    found = IssueSet.discover(seeds, k=6, n_terms=8, n_examples=2)
    again = IssueSet.discover(seeds, k=6, n_terms=8, n_examples=2)
    assert found.to_dict() == again.to_dict()  # seeded: same corpus, same proposal
    assert len(found) == 6
    for issue in found:
        assert 1 <= len(issue.keywords) <= 8
        assert 1 <= len(issue.examples) <= 2
        assert all(ex in " ".join(d.text for d in seeds) or ex for ex in issue.examples)
        # the corpus's main actors are not issue keywords
        assert not {"pakistan", "afghanistan", "taliban"} & set(issue.keywords)
    path = tmp_path / "proposed.yaml"
    found.to_yaml(path)
    loaded = IssueSet.from_yaml(path)
    assert loaded.names == found.names
    assert any(any(v) for v in (loaded.assign(TextModel(d.text)).sentences for d in seeds))


def test_discover_from_strings_and_with_lda():
    texts = [
        "The river flows and the dam holds the water for the farms downstream.",
        "Farmers need the water of the river and the dam for their farms.",
        "Trade across the border and transit trade feed the markets of the traders.",
        "Traders want open markets and more trade through the transit routes.",
    ] * 3
    nmf = IssueSet.discover(texts, k=2, n_terms=5)
    assert len(nmf) == 2
    words = [set(" ".join(i.keywords).split()) for i in nmf]
    assert any({"river", "dam", "water"} & w for w in words) and any({"trade", "traders", "markets"} & w for w in words)
    furniture = "Sign up for our newsletter to get the news in your inbox every morning."
    with_furniture = [f"{t[:-1]} in year {2000 + k}. {furniture}" for k, t in enumerate(texts)]
    found = IssueSet.discover(with_furniture, k=2, n_terms=5)
    assert not any("newsletter" in t or "inbox" in t for i in found for t in i.keywords)
    lda = IssueSet.discover(texts, k=2, method="lda")
    assert len(lda) == 2
    with pytest.raises(InputError, match="too little text"):
        IssueSet.discover(texts[:2], k=5)
    with pytest.raises(ValueError, match="method"):
        IssueSet.discover(texts, k=2, method="kmeans")


def test_discovered_keywords_are_no_fragments_of_names():
    """ "White House" is in half the sentences, so "house" is a frequent name and left out; "white", also written
    in lower case, then stood for the White House as a keyword of its own, and would match "white paint"."""
    texts = [
        f"The White House said on day {k} that sanctions on imports would stay firm."
        if k % 2
        else f"On day {k} farmers said the river and the dam kept the water flowing to the farms downstream."
        for k in range(16)
    ] + ["Some white paint peeled off the old barn.", "The barn was painted white again."]
    found = IssueSet.discover(texts, k=2, n_terms=8)
    keywords = {t for i in found for t in i.keywords}
    assert "white" not in keywords
    assert {"sanctions", "imports"} <= keywords and {"river", "farmers"} <= keywords


# ---------------------------------------------------------------------- the analyzer on the seeds
def test_each_seed_document_has_three_issues_with_evidence(seed_analysis):
    a = seed_analysis
    ev = a.evidence
    ev = ev[ev["analyzer"] == "issues"]
    for doc_id in a.documents["doc_id"]:
        cats = set(ev.loc[ev["doc_id"] == doc_id, "category"])
        assert len(cats) >= 3, (doc_id, cats)
    assert all(c.startswith("issue:") for c in ev["category"])


def test_issue_evidence_spans_are_their_keywords(seed_analysis):
    a = seed_analysis
    iset = seed_issues()
    ev = a.evidence[a.evidence["analyzer"] == "issues"]
    sent = a.sentences.set_index(["doc_id", "sentence_id"])
    for row in ev.itertuples(index=False):
        issue = row.category[len("issue:") :]
        text = a.text(row.doc_id)[row.start : row.end]
        assert text == row.text
        pattern = row.note
        assert pattern in iset[issue].keywords
        got = " ".join(text.lower().replace("’", "'").split())
        want = pattern.lower()
        assert got.startswith(want.rstrip("*")) if want.endswith("*") else got in (want, want + "'s"), (got, want)
        assert issue in sent.loc[(row.doc_id, row.sentence_id), "issues"]


def test_document_shares_and_columns(seed_analysis):
    a = seed_analysis
    s = a.sentences
    assert {"issues", "n_issues", "on_issue", "issue_counted"} <= set(s.columns)
    assert all(isinstance(v, tuple) for v in s["issues"])
    docs = a.documents.set_index("doc_id")
    for i in seed_issues():
        col = f"issue_{i.slug}"
        assert col in docs.columns
        for doc_id, g in s.groupby("doc_id"):
            want = sum(i.name in v for v in g["issues"]) / g["issue_counted"].sum()
            assert math.isclose(docs.loc[doc_id, col], want)
    assert set(docs["top_issue"]) <= set(seed_issues().names)


def test_compare_within_an_issue(seed_analysis):
    a = seed_analysis
    issue = "cross-border militancy and safe havens"
    whole = a.compare(by="outlet", metric="flesch_reading_ease", n_boot=50)
    within = a.compare(by="outlet", metric="flesch_reading_ease", issue=issue, n_boot=50)
    assert (within["issue"] == issue).all()
    assert (within["n"] < whole["n"]).all() and (within["n"] > 0).all()
    s = a.sentences
    on = s["issues"].map(lambda v: issue in v)
    for g, n in within.set_index("group")["n"].items():
        assert n == int((on & (s["outlet"] == g)).sum())
    # restricted to one actor as well: sentences on the issue that mention Pakistan
    both = a.compare(by="outlet", metric="flesch_reading_ease", issue=issue, actor="Pakistan", n_boot=50)
    assert (both["n"] <= within["n"]).all() and both["n"].sum() > 0
    # frame shares within an issue
    fr = a.compare(by="outlet", metric="frame_share_security", issue=issue, n_boot=50)
    assert fr["value"].between(0, 1).all()
    refugees = a.compare(by="outlet", metric="flesch_reading_ease", issue="refugees and migration", n_boot=50)
    assert refugees["n"].sum() == int(s["issues"].map(lambda v: "refugees and migration" in v).sum())


def test_coverage_table(seed_analysis):
    a = seed_analysis
    cov = coverage(a, n_boot=50)
    assert set(cov["issue"]) == set(seed_issues().names)
    assert cov["value"].between(0, 1).all()
    s = a.sentences
    row = cov[(cov["group"] == "Khyber Chronicles") & (cov["issue"] == "border management and crossings")].iloc[0]
    g = s[s["outlet"] == "Khyber Chronicles"]
    want = g["issues"].map(lambda v: "border management and crossings" in v).sum() / g["issue_counted"].sum()
    assert math.isclose(row["value"], want)
    assert row["n"] == g["issues"].map(lambda v: "border management and crossings" in v).sum()


def test_without_an_issue_set_columns_are_empty(seeds):
    a = framing.analyze(seeds.head(2), issues=False, analyzers=["issues"], actors=False)
    assert a.documents["status"].eq("ok").all()
    assert all(v == () for v in a.sentences["issues"])
    assert a.evidence.empty
    t = a.compare(by="outlet", metric="issue_sentence_share")
    assert t["value"].eq(0).all()
    # an IssueSet given to the analyzer itself is used when analyze() gets none
    own = IssueAnalyzer(issues=IssueSet.from_dict({"water": ["river*", "water"]}))
    b = framing.analyze(seeds.head(2), issues=False, analyzers=[own], actors=False)
    assert any("water" in v for v in b.sentences["issues"])


def test_seed_issue_file_is_valid_and_packaged():
    iset = seed_issues()
    assert len(iset) == 9
    assert "refugees and migration" in iset
    assert iset.source == "seeds/issues.yaml"
    root = Path(__file__).resolve().parent.parent
    assert IssueSet.from_yaml(root / "seeds" / "issues.yaml").to_dict() == iset.to_dict()
    # resolve_issues gives the seed issues for the seed corpus
    from framing.run import resolve_issues

    assert resolve_issues(None, framing.load_seeds()).names == iset.names
    assert resolve_issues(str(root / "seeds" / "issues.yaml")).names == iset.names
    assert resolve_issues(False) is None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "law",
                "Law",
                "LAW",
                "outlaw",
                "law-abiding",
                "law's",
                "U.S.",
                "U.S.-led",
                "a--b",
                "İstanbul",
                "x.y",
                "law.",
                "’law’",
                "-law",
                "lawyers",
                "2.5",
                "_law",
                "straße",
                "ǅemal",
                " ",
                "\n\n",
                ". ",
                ", ",
            ]
        ),
        max_size=50,
    )
)
def test_token_offsets_agree_with_token_spans(pieces):
    model = TextModel(" ".join(pieces))

    def spans(starts, ends):
        return list(zip(*model.tokens_spans(starts, ends)))

    for s in range(model.n_sentences):
        for i in range(model.sent_tok[s], model.sent_tok[s + 1]):
            assert spans([i], [i + 1]) == [model.token_span(i)]
        a, b = model.sent_tok[s], model.sent_tok[s + 1]
        if b > a:
            assert spans([a], [b]) == [model.tokens_span(a, b)]
            items = [(i, i + 1) for i in range(a, b)] + [(a, b)]
            got = spans(*map(list, zip(*items)))
            assert got == [model.tokens_span(x, y) for x, y in items]
    # every token of the document at once, and a few at a time
    st = model.sent_tok
    rows = [(i, i + 1) for s in range(model.n_sentences) for i in range(st[s], st[s + 1])]
    rows += [(st[s], st[s + 1]) for s in range(model.n_sentences) if st[s + 1] > st[s]]
    if rows:
        want = [model.tokens_span(a, b) for a, b in rows]
        assert spans(*map(list, zip(*rows))) == want
        for k in range(0, len(rows), 7):
            assert spans(*map(list, zip(*rows[k : k + 1]))) == want[k : k + 1]
