from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import ConfigError
from framing.lexicons import Lexicon, load_lexicon
from framing.text import TextModel

TSV = """# name: demo
# source: written for the tests
# licence: MIT
# version: 2
term\tcategory\tweight\tnote
harbour*\tnegative\t-1.5\tglob
there is no doubt\tbooster\t1
doubt\thedge\t1
safe haven\tnegative\t-1
generous\tpositive\t1.2\t
"""


def test_tsv_with_header_multiword_glob_and_extra_columns(tmp_path):
    p = tmp_path / "demo.tsv"
    p.write_text(TSV, encoding="utf-8")
    lex = load_lexicon(p)
    assert lex.name == "demo" and lex.meta["version"] == "2" and lex.meta["licence"] == "MIT"
    assert len(lex) == 5 and lex.categories == ["booster", "hedge", "negative", "positive"]
    text = "There is no doubt Kabul is harbouring a safe haven; I doubt it is generous."
    m = TextModel(text)
    hits = [(text[slice(*m.tokens_span(h.start, h.end))], h.entry.category, h.entry.weight) for h in lex.match(m)]
    assert hits == [
        ("There is no doubt", "booster", 1.0),
        ("harbouring", "negative", -1.5),
        ("safe haven", "negative", -1.0),
        ("doubt", "hedge", 1.0),
        ("generous", "positive", 1.2),
    ]
    assert lex.entries[0].extra == {"note": "glob"}


def test_errors_name_the_file_and_line(tmp_path):
    p = tmp_path / "bad.tsv"
    p.write_text("# name: bad\nterm\tcategory\tweight\nfine\tx\t1\nbroken\tx\tnot-a-number\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_lexicon(p)
    assert "bad.tsv" in str(err.value) and "line 4" in str(err.value) and "weight" in str(err.value)
    p2 = tmp_path / "nohead.tsv"
    p2.write_text("may\thedge\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1"):
        load_lexicon(p2)


def test_liwc_style_dic(tmp_path):
    p = tmp_path / "mini.dic"
    p.write_text("%\n1\tposemo\n2\tnegemo\n%\ngood*\t1\nbad\t2\nnot good\t2\n", encoding="utf-8")
    lex = load_lexicon(p)
    m = TextModel("Goodness, it was not good and bad.")
    cats = [h.entry.category for h in lex.match(m)]
    assert cats == ["posemo", "negemo", "negemo"]
    p.write_text("%\n1\tposemo\n%\ngood\t7\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 4"):
        load_lexicon(p)


def test_yaml_and_dict_and_user_additions(tmp_path):
    p = tmp_path / "lex.yaml"
    p.write_text(
        "name: frames\nversion: 1\ncategories:\n  economic: [trade, tariff*]\n  security: {attack: 2}\n",
        encoding="utf-8",
    )
    lex = load_lexicon(p)
    assert {e.term: e.category for e in lex} == {"trade": "economic", "tariff*": "economic", "attack": "security"}
    more = lex.with_entries({"security": ["militant*"]})
    assert len(more) == 4 and len(lex) == 3  # the original is unchanged
    d = Lexicon.from_dict({"good": 1.0, "bad": -1.0}, name="valence")
    assert [e.weight for e in d.lookup("bad")] == [-1.0]
    p.write_text("name: x\nwords: [a]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key"):
        load_lexicon(p)


def test_overlap_keeps_longest_and_match_is_repeatable():
    lex = Lexicon.from_dict({"a": ["no doubt", "doubt", "no"]})
    m = TextModel("No doubt. No. Doubt.")
    got = [(h.start, h.end, h.entry.term) for h in lex.match(m)]
    assert got == [(0, 2, "no doubt"), (2, 3, "no"), (3, 4, "doubt")]
    assert [(h.start, h.end, h.entry.term) for h in lex.match(m)] == got
    assert len(lex.match(m, overlap=True)) == 5


def _reference_match(lex, model):
    """Brute force: every entry at every position inside one sentence, then longest-first non-overlap."""
    found = []
    for s in range(model.n_sentences):
        lo, hi = model.sent_tok[s], model.sent_tok[s + 1]
        for i in range(lo, hi):
            for e in lex.entries:
                n = len(e.words)
                if i + n > hi:
                    continue
                ok = all(
                    t.startswith(w[:-1]) if w.endswith("*") else t == w
                    for w, t in zip(e.words, model.tokens[i : i + n])
                )
                if ok:
                    found.append((i, i + n, e.term, e.category))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    out, last_start, last_end = [], -1, -1
    for m in found:
        if (m[0] < last_end and m[0] != last_start) or (m[0] == last_start and m[1] != last_end):
            continue
        out.append(m)
        last_start, last_end = m[0], m[1]
    return sorted(out)


_LEX = Lexicon.from_dict(
    {
        "hedge": ["it is believed", "may", "is said to", "in fact", "no doubt", "doubt", "about", "kind of", "appear*"],
        "booster": ["there is no doubt", "clearly", "fact*", "in fact it"],
    }
)
_PIECES = [
    "it",
    "is",
    "believed",
    "said",
    "to",
    "may",
    "in",
    "fact",
    "facts",
    "no",
    "doubt",
    "there",
    "about",
    "kind",
    "of",
    "appears",
    "appeared",
    "clearly",
    ".",
    ",",
    "\n\n",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=50))
def test_anchored_matching_equals_brute_force(pieces):
    model = TextModel(" ".join(pieces))
    got = sorted((m.start, m.end, m.entry.term, m.entry.category) for m in _LEX.match(model))
    assert got == _reference_match(_LEX, model)
