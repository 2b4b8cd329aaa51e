from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import MAX_SENTENCE_WORDS, WORD_RE, TextModel, tokenize


def sentences(text: str) -> list[str]:
    m = TextModel(text)
    return [m.sentence_text(s) for s in range(m.n_sentences)]


def test_abbreviations_initials_and_decimals_do_not_split():
    text = "Mr. Khan met Gen. Asim Munir in the U.S. capital. Growth was 2.5 percent. Hasan A. Rizvi agreed."
    assert sentences(text) == [
        "Mr. Khan met Gen. Asim Munir in the U.S. capital.",
        "Growth was 2.5 percent.",
        "Hasan A. Rizvi agreed.",
    ]


def test_dotted_acronym_before_a_sentence_opener_splits():
    assert sentences("Troops left the U.S. The war ended.") == ["Troops left the U.S.", "The war ended."]


def test_paragraphs_and_headings():
    m = TextModel("Key Points\n\nThe border is closed. Trade fell.\nReferences\n- Dawn. 2025")
    assert m.sent_kinds == ["heading", "text", "text", "heading", "reference"]


def test_soft_wrapped_lines_join_into_one_sentence():
    text = "The ceasefire agreed in Istanbul in late October was extended after\nfurther talks between both sides."
    assert len(sentences(text)) == 1


def test_hard_wrapped_lines_go_on_after_a_quotation_or_before_a_capital():
    """PDF-to-text output: a line ending in a closing quotation mark, or in a word no sentence ends with, went on
    in the next line but was cut there ("... 40 per cent in" / "September, ...")."""
    text = (
        'The spokesperson told reporters that Islamabad "reserves the right to respond"\n'
        "and that it would act. Trade through Torkham fell by nearly 40 per cent in\n"
        "September, according to the chamber of commerce, and traders expect losses,\n"
        "Reuters reported.\n"
        'He called the attacks "a failure of the state."\n'
        "Nobody answered.\n"
        "Border tensions rise as talks stall in\n"
        "Kabul"
    )
    assert sentences(text) == [
        'The spokesperson told reporters that Islamabad "reserves the right to respond"\nand that it would act.',
        "Trade through Torkham fell by nearly 40 per cent in\nSeptember, according to the chamber of commerce, "
        "and traders expect losses,\nReuters reported.",
        'He called the attacks "a failure of the state."',
        "Nobody answered.",
        "Border tensions rise as talks stall in\nKabul",
    ]
    short = "Pakistan and the\nTaliban"  # a short line was not wrapped by a layout engine
    assert len(TextModel(short).sent_starts) == 2


# written for this test: an agency story as PDF-to-text gives it, every line broken near 70 characters
HARD_WRAPPED = (
    "Border talks stall\n"
    "\n"
    "ISLAMABAD - Pakistan's foreign ministry on Sunday accused the government\n"
    "in Kabul of sheltering militants, a charge that officials in Afghanistan\n"
    'rejected. "We have shared the evidence again and again," said spokesperson\n'
    "Mumtaz Zahra Baloch at a briefing, adding that the talks in the United\n"
    "States would go ahead. Trade through the Torkham crossing fell by half in\n"
    "the first week of the closure, traders told reporters on the border road.\n"
    "Prices of flour and vegetables rose in markets on both sides of the line.\n"
)


def test_a_hard_wrapped_line_goes_on_before_a_capital_when_it_is_as_long_as_the_others():
    """A name broken across lines ("spokesperson" / "Mumtaz Zahra Baloch", "the United" / "States") cut the
    sentence there, and the speaker lost his name."""
    got = sentences(HARD_WRAPPED)
    assert got[0] == "Border talks stall"  # a short line is still a heading
    assert "said spokesperson\nMumtaz Zahra Baloch at a briefing" in got[2]
    assert "the United\nStates would go ahead." in got[2]
    assert len(got) == 5


# written for this test: the same kind of story, with a title and a name broken after their full stop, and
# paragraphs parted by blank lines, so that a line ending a sentence does not end its paragraph
WRAPPED_PARAGRAPHS = (
    "Speaking to traders and officials gathered at the chamber of commerce, Mr.\n"
    "Shah said the crossing would reopen. Exporters in Peshawar, led by Karim N.\n"
    "Afridi, said they had lost millions. “We cannot wait another week for this.\n"
    "The fruit is already rotting in the trucks on the road,” Afridi told them.\n"
    "\n"
    "Officials in Kabul blamed the closure on Pakistan and its army commanders,\n"
    "and a spokesman for the Taliban government said talks would resume soon.\n"
    "\n"
    "Neither side has named a date, and traders expect the losses to grow again\n"
    "before the end of the month, when the harvest of the season comes in.\n"
    "\n"
    "Analysts doubt that the talks will bring more than a short pause in a long\n"
    "quarrel over the border that has outlasted several governments on both sides.\n"
)


def test_a_wrapped_line_goes_on_after_a_title_or_an_initial_and_a_blank_parted_text_after_a_stop():
    """A title or initial at the end of a line ("Mr." / "Shah") ended the sentence there, so the speaker lost
    his title ("Mall,\nMr." was read as a word "Mall,\nMr" that no title list holds); in a text whose paragraphs
    are parted by blank lines, a full line ending a sentence cut a quotation's paragraph in two."""
    got = sentences(WRAPPED_PARAGRAPHS)
    assert got[0] == (
        "Speaking to traders and officials gathered at the chamber of commerce, Mr.\nShah said the crossing would "
        "reopen."
    )
    assert got[1] == "Exporters in Peshawar, led by Karim N.\nAfridi, said they had lost millions."
    # the quotation's two sentences are one paragraph's, and the line break after the first still ends it
    assert got[2] == "“We cannot wait another week for this."
    assert got[3].startswith("The fruit is already rotting") and got[3].endswith("Afridi told them.")
    m = TextModel(WRAPPED_PARAGRAPHS)
    q = next(q for q in m.quotes if q.depth == 0)
    assert WRAPPED_PARAGRAPHS[q.start : q.end].endswith("on the road,”") and q.balanced
    assert len(got) == 7
    # without blank lines between paragraphs a full line that ends a sentence may end its paragraph, as before
    single = WRAPPED_PARAGRAPHS.replace("\n\n", "\n")
    assert TextModel(single).n_sentences == 7
    # an abbreviation that can end a sentence still ends the line's paragraph
    text = "said the chief patient officer at the pharmaceutical firm Merck & Co.\n“She changed the profession.”"
    assert sentences(text) == [text.split("\n")[0], "“She changed the profession.”"]


def test_lines_of_every_length_have_no_wrap_width():
    """One paragraph per line (most web text): a long line ending without a stop before a capital is not joined."""
    lines = [
        "Pakistan and Afghanistan agreed to reopen the Torkham crossing on Monday after a week of talks.",
        "Officials said trade would resume at once.",
        "The deal follows months of clashes along the border that left dozens of people dead on both sides "
        "and stranded hundreds of lorries",
        "Markets in Peshawar reopened.",
        "Traders welcomed the decision but warned that prices would stay high for weeks, citing the cost of delays.",
        "Kabul has not commented.",
        "Analysts in Islamabad expect a second round of talks before the end of the month in Doha, Qatar",
        "Some doubt it will last.",
    ]
    m = TextModel("\n".join(lines))
    assert m.n_sentences == len(lines)


def test_quotation_spanning_sentences_and_paragraphs():
    text = "“Both countries have limited options. They cannot walk away.\n\n“The status quo is fragile.” Rizvi said."
    m = TextModel(text)
    outer = [q for q in m.quotes if q.depth == 0]
    assert len(outer) == 1
    q = outer[0]
    assert text[q.start] == "“" and text[q.end - 1] == "”" and q.balanced
    assert m.quote_at(text.index("walk")) == q
    assert m.quote_at(text.index("Rizvi")) is None


def test_a_document_that_quotes_with_single_marks_has_quotations():
    """British style (and American headlines): 'We will respond,' the minister said. Single marks were only
    read inside double ones, so such a document had no quotation at all."""
    text = (
        "'We will not tolerate this,' the minister said.\n\n"
        "He added that the talks were \u2018dead\u2019 and that Pakistan\u2019s patience had run out.\n\n"
        "Officials called it 'a warning'. In the '90s such warnings went unheeded."
    )
    found = [(text[q.start : q.end], q.depth, q.balanced) for q in TextModel(text).quotes]
    assert found == [
        ("'We will not tolerate this,'", 0, True),
        ("\u2018dead\u2019", 0, True),
        ("'a warning'", 0, True),
    ]


def test_single_marks_of_a_document_that_quotes_with_double_ones_stay_apostrophes():
    us = 'In the \'90s the militants\' leaders said "no talks" and "no peace" and "no truce" again.'
    assert [us[q.start : q.end] for q in TextModel(us).quotes] == ['"no talks"', '"no peace"', '"no truce"']
    wire = "''We will respond,'' the minister said. ''The talks are 'dead','' he added."
    assert all(q.mark != "'" or q.depth == 1 for q in TextModel(wire).quotes)  # ''doubled'' marks: double style


def test_unbalanced_quote_closes_at_paragraph_end():
    text = "He said “this will not stand.\n\nNext paragraph here."
    m = TextModel(text)
    assert len(m.quotes) == 1 and not m.quotes[0].balanced
    assert m.quotes[0].end == text.index("\n")


def test_nested_single_quotes_and_apostrophes():
    text = "“Pakistan’s view is ‘no more talks’ now,” he said."
    m = TextModel(text)
    inner = [q for q in m.quotes if q.depth == 1]
    assert len(inner) == 1 and text[inner[0].inner_start : inner[0].inner_end] == "no more talks"


def test_tokens_and_spans():
    text = "Pakistan’s cross-border policy, the U.S. said."
    m = TextModel(text)
    assert m.tokens == ["pakistan’s", "cross-border", "policy", "the", "u.s", "said"]
    for i, tok in enumerate(m.tokens):
        s, e = m.token_span(i)
        assert text[s:e].lower() == tok
    assert m.index["policy"] == [2]
    assert tokenize("Cross-Border TALKS") == ["cross-border", "talks"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_unicode_gives_valid_offsets_and_the_same_result_twice(text):
    m = TextModel(text)
    n = len(text)
    for s in range(m.n_sentences):
        a, b = m.sent_starts[s], m.sent_ends[s]
        assert 0 <= a < b <= n
        spans = m.sentence_spans(s)
        assert len(spans) == m.sent_tok[s + 1] - m.sent_tok[s]
        for (ts, te), tok in zip(spans, m.sentence_words(s)):
            assert a <= ts < te <= b
            assert text[ts:te].lower() == tok or len(text[ts:te].lower()) != len(text[ts:te])
    for q in m.quotes:
        assert 0 <= q.start < q.end <= n
    again = TextModel(text)
    assert (again.sent_starts, again.sent_ends, again.tokens, again.quotes) == (
        m.sent_starts,
        m.sent_ends,
        m.tokens,
        m.quotes,
    )


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Mr.",
                "U.S.",
                "said",
                "“",
                "”",
                '"',
                "‘",
                "’",
                ".",
                "\n",
                "\n\n",
                "The",
                "a",
                "2.5",
                "—",
                "(",
                ")",
                "Rizvi",
                "?",
                "!",
                " ",
            ]
        ),
        max_size=60,
    )
)
def test_newsy_fragments_never_break_the_model(parts):
    text = " ".join(parts)
    m = TextModel(text)
    assert sum(m.sent_n_words) == m.n_words


def test_a_run_on_line_is_cut_at_clause_marks_into_pieces_of_bounded_length():
    clause = "officials in Quetta said talks between Pakistan and Afghanistan would go on"
    text = ", ".join(f"{clause} {k}" for k in range(400)) + "; and the line ends here"
    m = TextModel(text)
    assert m.tokens == tokenize(text)  # nothing lost or doubled
    assert m.n_sentences > 1 and max(m.sent_n_words) <= MAX_SENTENCE_WORDS
    for s in range(m.n_sentences - 1):
        assert m.sentence_text(s).endswith(",")  # cut after a comma, not inside a clause
        assert m.sent_ends[s] < m.sent_starts[s + 1]
    # without any mark the cut falls after the budget's last word
    bare = " ".join(["word"] * (2 * MAX_SENTENCE_WORDS + 7))
    b = TextModel(bare)
    assert b.sent_n_words == [MAX_SENTENCE_WORDS, MAX_SENTENCE_WORDS, 7]
    assert all(b.sentence_text(s).strip() == b.sentence_text(s) for s in range(b.n_sentences))


def _reference_spans(m: TextModel, s: int) -> list[tuple[int, int]]:
    """What a sentence's token spans are by definition: the word pattern run over the sentence alone."""
    return [x.span() for x in WORD_RE.finditer(m.text, m.sent_starts[s], m.sent_ends[s])]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=6),
            st.sampled_from(["U.S.", "Mr.", "cross-border", "Pakistan’s", "ΟΔΟΣ", "İstanbul", ",", ";", "\n\n", ". "]),
        ),
        max_size=80,
    )
)
def test_spans_found_while_parsing_equal_a_fresh_scan_of_each_sentence(parts):
    # the tokens and their spans come from one pass over the whole text; they must be exactly what a
    # per-sentence scan gives, and every token must lie inside its sentence
    text = " ".join(parts)
    m = TextModel(text)
    assert len(m.tok_starts) == len(m.tok_ends) == m.n_words
    for s in range(m.n_sentences):
        spans = m.sentence_spans(s)
        assert spans == _reference_spans(m, s)
        assert all(m.sent_starts[s] <= a < b <= m.sent_ends[s] for a, b in spans)
    for i in range(m.n_words):
        a, b = m.token_span(i)
        assert text[a:b].lower() == m.tokens[i] or len(text.lower()) != len(text)
    for offset in range(0, len(text) + 1, 3):
        expected = next((i for i in range(m.n_words) if m.tok_ends[i] > offset), -1)
        assert m.token_at(offset) == expected


def test_index_lists_positions_in_order_and_types_by_first_occurrence():
    m = TextModel("the cat saw the dog. The dog saw the cat.")
    assert list(m.index) == ["the", "cat", "saw", "dog"]
    assert m.index["the"] == [0, 3, 5, 8]
    assert all(m.tokens[i] == w for w, pos in m.index.items() for i in pos)


def test_sentence_spans_take_a_negative_index_like_a_list():
    m = TextModel("One two. Three four five. Six.")
    assert m.sentence_spans(-1) == m.sentence_spans(m.n_sentences - 1) == [(26, 29)]
    assert m.sentence_spans(-3) == m.sentence_spans(0)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('abc ABC.!?\n’"ΣσςİßΑΒ é'), max_size=300) | st.text(max_size=200))
def test_fingerprint_same_as_lowering_each_sentence(text: str) -> None:
    """Sentence sketches from the model's lower-cased text equal those of each sentence lower-cased on its own."""
    import heapq
    import zlib

    from framing.duplicates import MIN_SENTENCE_WORDS, fingerprint

    m = TextModel(text)
    want = sorted(
        {
            zlib.crc32(m.sentence_text(s).lower().encode("utf-8", "surrogatepass"))
            for s in range(m.n_sentences)
            if m.sent_tok[s + 1] - m.sent_tok[s] >= MIN_SENTENCE_WORDS
        }
    )
    assert fingerprint(m)[1] == tuple(heapq.nsmallest(8, want))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab1_ -'’.\n,é’’"), max_size=120) | st.text(max_size=200))
def test_split_pattern_finds_the_words_of_word_re(text: str) -> None:
    """The possessive split pattern of the text model finds exactly WORD_RE's words, with their offsets."""
    from framing.text import _SPLIT_RE

    parts = _SPLIT_RE.split(text)
    assert parts[1::2] == WORD_RE.findall(text)
    assert "".join(parts) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("a “„«”»\"‘’'\n.ΣA"), max_size=120) | st.text(max_size=200))
def test_mark_positions_are_those_of_a_character_class(text: str) -> None:
    """The quotation pairing reads mark offsets found with str.find: the same as a regex character class."""
    import re

    from framing.text import _DOUBLE_MARKS, _SINGLE_MARKS, _positions

    for chars in (_DOUBLE_MARKS, _SINGLE_MARKS):
        assert _positions(text, chars) == [m.start() for m in re.finditer(f"[{re.escape(chars)}]", text)]
    m = TextModel(text)
    for q in m.quotes:  # every quotation opens on a mark and lies inside the text
        assert 0 <= q.start < q.end <= len(text) and text[q.start] in _DOUBLE_MARKS + _SINGLE_MARKS
