"""The text model: sentences, tokens and quotations, all as character offsets.

A document is parsed once into a :class:`TextModel`; analyzers read it and never
re-tokenize. To stay fast on large corpora the model keeps arrays and spans, not
an object per token:

* ``tokens`` is one list of lower-cased word strings for the whole document;
  sentence ``s`` owns ``tokens[sent_tok[s]:sent_tok[s + 1]]``.
* Character spans of tokens (``tok_starts``, ``tok_ends``) come from the same
  single pass of the word pattern that finds the tokens (``re.split`` with a
  capturing group, then a running sum of lengths, all in C), so a sentence's
  spans are a slice.
* ``index`` maps each word type to the positions where it occurs, so that a
  lexicon is matched by intersecting its vocabulary with the document's
  instead of looking at every token again.

Sentence splitting is rule-based (paragraph breaks, terminal punctuation
followed by a capital, with abbreviations, initials, decimals and dotted
acronyms handled); quotations are paired marks that may span sentences and
paragraphs (the newspaper convention of re-opening a quotation at the start
of each paragraph is understood), with unbalanced marks closed at the end of
their paragraph and flagged.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, pairwise, repeat
from operator import sub
from typing import cast

__all__ = ["WORD_RE", "Quote", "TextModel", "parse", "tokenize"]

#: A word: letters/digits joined by inner hyphens, apostrophes or periods
#: ("cross-border", "Pakistan's", "U.S", "2.5"). Punctuation is not a token;
#: clause breaks are found on the characters when an analyzer needs them.
WORD_RE = re.compile(r"\w+(?:[-'’.]\w+)*")
# the same pattern as one capturing group: split() then interleaves gaps and words. Its quantifiers are
# possessive (Python 3.11): giving back word characters can never let a match go on (what follows a run of
# them must be a separator, which is not a word character), so the matches are those of WORD_RE, and the
# engine keeps no backtracking state (the split is about 1.1x faster).
_SPLIT_RE = re.compile(r"(\w++(?:[-'’.]\w++)*+)")

#: A longer "sentence" is a run-on (a PDF line without stops, a list) and is cut at clause marks into pieces
#: of at most this many words (news sentences average 20–25 words; in 2,000 AllSides articles 2 of 89,264
#: sentences were longer).
MAX_SENTENCE_WORDS = 150
_TERMINAL = ".!?…"
# Candidate sentence boundary inside a paragraph: terminal punctuation, closing
# quotes or brackets, white space, then something that can start a sentence.
# (the first mark is written as an alternation of literals, which the regex engine scans for twice as fast
# as a character class holding a non-Latin-1 character; it matches exactly what "[.!?…]+" matches)
_BOUNDARY_RE = re.compile(r"((?:\.|!|\?|…)[.!?…]*[\"”’')\]]*)[ \t\n\u00a0]+(?=[\"“‘'(\[]?[^\W_a-z])")
_MARKS_RE = re.compile(r"[.!?…]+")  # a run of terminal marks
_WRAP_MIN = 35  # a line shorter than this was not wrapped by a layout engine
_WRAP_LINES = 6  # lines another line follows, at the least, to tell the width a text was wrapped at
#: blank lines, at the least, that show a hard-wrapped text parts its paragraphs with them
_BLANK_PARTED = 3
_ENDS_LINE = _TERMINAL + ":;" + "\"”’')]"  # a full line ending in one of these may end its paragraph
#: A wrapped line that ends with one of these words (or a comma) goes on, whatever the next line starts with
#: ("fell by nearly 40 per cent in" / "September"): no sentence or heading ends on them.
_GOES_ON = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "and",
        "or",
        "nor",
        "but",
        "that",
        "than",
        "as",
        "into",
        "onto",
        "about",
        "per",
        "via",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "whose",
        "which",
        "who",
        "whom",
    ]
)
_CLOSERS = "\"”’')]"
_CLAUSE_BREAK_RE = re.compile(r"[,;:()\[\]—–]|\s-\s|\b(?:but|while|whereas|although|though|however|yet)\b")
_BULLET_RE = re.compile(r"\s*(?:[-*•·▪◦–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_REFERENCE_HEAD_RE = re.compile(
    r"\s*(references|sources|bibliography|works cited|notes|endnotes|footnotes|further reading)\s*:?\s*$",
    re.IGNORECASE,
)

#: Abbreviations after which a period never ends a sentence (titles and ranks).
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cmdr",
        "adm",
        "brig",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "rev",
        "hon",
        "amb",
        "supt",
        "insp",
        "fr",
        "messrs",
        "mme",
        "mlle",
    ]
)
#: Abbreviations after which a period ends a sentence only when the next word
#: is a typical sentence opener ("... and Co. The company said").
_ABBREVIATIONS = frozenset(
    [
        "inc",
        "ltd",
        "co",
        "corp",
        "plc",
        "llc",
        "vs",
        "etc",
        "no",
        "nos",
        "approx",
        "dept",
        "est",
        "fig",
        "figs",
        "vol",
        "vols",
        "p",
        "pp",
        "ed",
        "eds",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "e.g",
        "i.e",
        "cf",
        "al",
        "u.s",
        "u.k",
        "u.n",
        "u.s.a",
        "e.u",
        "ph.d",
        "a.m",
        "p.m",
    ]
)
#: Abbreviations that stand before a number ("No. 5", "p. 12"); elsewhere the period ends a sentence.
_NUMBER_ABBREVIATIONS = frozenset(["no", "nos", "p", "pp", "vol", "vols", "fig", "figs", "art", "sec", "ch", "para"])
_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "there",
        "here",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "after",
        "before",
        "when",
        "while",
        "as",
        "if",
        "although",
        "though",
        "since",
        "meanwhile",
        "however",
        "his",
        "her",
        "their",
        "our",
        "my",
        "some",
        "many",
        "most",
        "all",
        "no",
        "one",
        "two",
        "three",
    ]
)


_SPECIAL_WORDS = _TITLES | _ABBREVIATIONS | _NUMBER_ABBREVIATIONS


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    mark: str
    balanced: bool
    depth: int = 0


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (the same rule as the text model)."""
    return " ".join(WORD_RE.findall(text)).lower().split() if text else []


def _is_heading(line: str, n_words: int) -> bool:
    stripped = line.rstrip()
    return 0 < n_words <= 12 and stripped[-1:] not in _TERMINAL + '"”’:;,)' and not stripped.endswith(",")


class TextModel:
    """Sentences, tokens and quotations of one cleaned text, with offsets.

    Attributes:
        text: the cleaned text that every offset indexes.
        sent_starts, sent_ends: character span of each sentence.
        sent_kinds: ``"text"``, ``"heading"``, ``"item"`` (list item) or ``"reference"``.
        sent_para: the paragraph (line block) each sentence belongs to.
        sent_tok: token index where each sentence starts, plus a final sentinel.
        tokens: lower-cased word tokens of the whole text.
        tok_starts, tok_ends: character span of each token.
        quotes: quotations in text order (nested ones follow their parent).
    """

    __slots__ = (
        "__dict__",
        "_spans",
        "quotes",
        "sent_ends",
        "sent_kinds",
        "sent_para",
        "sent_starts",
        "sent_tok",
        "text",
        "tok_ends",
        "tok_starts",
        "tokens",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.sent_starts: list[int] = []
        self.sent_ends: list[int] = []
        self.sent_kinds: list[str] = []
        self.sent_para: list[int] = []
        self.sent_tok: list[int] = [0]
        self.tokens: list[str] = []
        self.tok_starts: list[int] = []
        self.tok_ends: list[int] = []
        self.quotes: list[Quote] = []
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._segment()
        self.quotes = _find_quotes(text, self._para_spans)

    # ------------------------------------------------------------------ parsing
    def _segment(self) -> None:
        text = self.text
        paras = _paragraphs(text)
        self._para_spans = paras
        starts, ends, kinds, para_of = self.sent_starts, self.sent_ends, self.sent_kinds, self.sent_para
        sent_tok = self.sent_tok
        # tokens are read from the lower-cased text (same offsets when lower() keeps the length, as it
        # almost always does: no character changes between word and non-word when lower-cased on its own);
        # otherwise each token is lower-cased on its own
        lowered = text.lower()
        same = len(lowered) == len(text)
        source = lowered if same else text
        # kept for sentence fingerprints: a slice of it is the slice lower-cased on its own when no character
        # changes length and there is no capital sigma (the one character whose lower case depends on context)
        self._lower = lowered if same and "\u03a3" not in text else None
        # ONE pass of the word pattern over the whole text gives every token and its span: split() with
        # a capturing group interleaves gaps and words, and the running sum of their lengths (in C) gives
        # the offsets. No token crosses a sentence or paragraph boundary (those lie on white space or
        # after punctuation), so each sentence owns the tokens that start inside it.
        parts = _SPLIT_RE.split(source)
        words = parts[1::2]
        cum = list(accumulate(map(len, parts), initial=0))
        tok_starts = cum[1:-1:2]
        self.tok_starts = tok_starts
        self.tok_ends = cum[2::2]
        self.tokens = words if same else [t.lower() for t in words]
        first_at = bisect.bisect_left
        in_refs = False
        k = 0  # first token not yet given to a sentence
        stops = _positions(text, _TERMINAL)  # where a sentence boundary can start (see _split_sentences)
        bullet_at = _BULLET_RE.match
        reference_head_at = _REFERENCE_HEAD_RE.match
        for p, (ps, pe) in enumerate(paras):
            # the patterns read the paragraph in place (pos/endpos: "$" matches at endpos), not a copy of it
            bullet = bullet_at(text, ps, pe)
            # only a short line can be a heading: count its words only then
            short = not bullet and pe - ps <= 160
            if reference_head_at(text, ps, pe):
                in_refs = True
                kind = "heading"
                pieces = [(ps, pe)]
            elif bullet or in_refs:
                kind = "reference" if in_refs else "item"
                pieces = [(ps, pe)] if in_refs else _split_sentences(text, ps, pe, stops)
            elif short and text.find("\n", ps, pe) < 0 and _is_heading(text[ps:pe], first_at(tok_starts, pe, k) - k):
                kind = "heading"
                pieces = [(ps, pe)]
            else:
                kind = "text"
                pieces = _split_sentences(text, ps, pe, stops)
            for s, e in pieces:
                j = first_at(tok_starts, e, k)
                if j == k:
                    continue
                if j - k > MAX_SENTENCE_WORDS:
                    # a run-on (a PDF line without stops, a list): cut at clause marks so that no analyzer sees
                    # a "sentence" of thousands of words (their per-sentence rules are not linear in its length)
                    for cs, ce in _split_run_on(source, s, e, tok_starts[k:j], self.tok_ends[k:j]):
                        starts.append(cs)
                        ends.append(ce)
                        kinds.append(kind)
                        para_of.append(p)
                        sent_tok.append(first_at(tok_starts, ce, k))
                    k = j
                    continue
                starts.append(s)
                ends.append(e)
                kinds.append(kind)
                para_of.append(p)
                sent_tok.append(j)
                k = j

    # ------------------------------------------------------------------ sizes
    @property
    def n_sentences(self) -> int:
        return len(self.sent_starts)

    @property
    def n_words(self) -> int:
        return len(self.tokens)

    def sentence_words(self, s: int) -> list[str]:
        """The lower-cased tokens of sentence ``s``."""
        return self.tokens[self.sent_tok[s] : self.sent_tok[s + 1]]

    def sentence_text(self, s: int) -> str:
        return self.text[self.sent_starts[s] : self.sent_ends[s]]

    @cached_property
    def sent_n_words(self) -> list[int]:
        st = self.sent_tok
        return [st[i + 1] - st[i] for i in range(len(st) - 1)]

    @cached_property
    def tok_sent(self) -> list[int]:
        """Sentence index of every token (built on first use)."""
        out: list[int] = []
        st = self.sent_tok
        for s in range(len(st) - 1):
            out.extend([s] * (st[s + 1] - st[s]))
        return out

    # ------------------------------------------------------------------ spans
    def sentence_spans(self, s: int) -> list[tuple[int, int]]:
        """Character spans of the tokens of sentence ``s`` (a slice of the spans found while parsing)."""
        spans = self._spans.get(s)
        if spans is None:
            k = s + len(self.sent_starts) if s < 0 else s  # a negative index counts from the end, as before
            a, b = self.sent_tok[k], self.sent_tok[k + 1]
            spans = list(zip(self.tok_starts[a:b], self.tok_ends[a:b]))
            self._spans[s] = spans
        return spans

    def token_span(self, i: int) -> tuple[int, int]:
        """Character span of token ``i``."""
        return self.tok_starts[i], self.tok_ends[i]

    def tokens_span(self, i: int, j: int) -> tuple[int, int]:
        """Character span from the start of token ``i`` to the end of token ``j - 1``."""
        return self.token_span(i)[0], self.token_span(j - 1)[1]

    def lower_text(self, start: int, end: int) -> str:
        """``text[start:end].lower()``, sliced from the lower-cased text the parse made when that is the same."""
        low = self._lower
        return low[start:end] if low is not None else self.text[start:end].lower()

    def tokens_spans(self, starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
        """:meth:`tokens_span` of many token ranges (``starts[k]`` to ``ends[k] - 1``) at once, in C: the
        character starts and the character ends, as two lists (for evidence rows)."""
        return (
            list(map(self.tok_starts.__getitem__, starts)),
            list(map(self.tok_ends.__getitem__, map(sub, ends, repeat(1)))),
        )

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the nearest before it); -1 if none."""
        return bisect.bisect_right(self.sent_starts, offset) - 1

    def token_at(self, offset: int) -> int:
        """Index of the first token that ends after ``offset``; -1 when there is none."""
        k = bisect.bisect_right(self.tok_ends, offset)
        return k if k < len(self.tok_ends) else -1

    def clause_breaks(self, s: int) -> list[int]:
        """Character offsets of clause breaks (punctuation and contrastive connectives) in sentence ``s``."""
        return [m.start() for m in _CLAUSE_BREAK_RE.finditer(self.text, self.sent_starts[s], self.sent_ends[s])]

    # ------------------------------------------------------------------ lookup
    @cached_property
    def counts(self) -> Counter[str]:
        """Word type → number of occurrences (counted in C; cheaper than :attr:`index`)."""
        return Counter(self.tokens)

    @cached_property
    def index(self) -> dict[str, list[int]]:
        """Word type → token positions (increasing), types in order of first occurrence; built once on first use."""
        idx: dict[str, list[int]] = {t: [] for t in self.counts}
        for i, t in enumerate(self.tokens):
            idx[t].append(i)
        return idx

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def quote_at(self, offset: int) -> Quote | None:
        """The innermost quotation whose marks enclose ``offset``."""
        k = bisect.bisect_right(self._quote_starts, offset)
        best = None
        # quotes are sorted by start; scan back over the few that might enclose offset
        for q in reversed(self.quotes[max(0, k - 8) : k]):
            if q.start <= offset < q.end and (best is None or q.depth > best.depth):
                best = q
        return best

    def paragraph_spans(self) -> list[tuple[int, int]]:
        return list(self._para_spans)


def parse(text: str) -> TextModel:
    """Parse ``text`` into a :class:`TextModel`."""
    return TextModel(text)


# ---------------------------------------------------------------------- helpers
def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph blocks as (start, end) spans, trimmed of surrounding white space.

    A line break ends a paragraph unless it is a soft wrap (PDF-to-text output wraps lines inside sentences):
    the previous line is long enough to have been wrapped (``_WRAP_MIN`` characters) and does not end a
    sentence, and either the next line starts with a lower-case letter (also after a closing quotation mark:
    ``reserves the right to respond"`` / ``and that ...``) or the previous line ends with a comma or a word
    no sentence or heading ends with (:data:`_GOES_ON`: ``... 40 per cent in`` / ``September``).
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        lines.append((pos, end))
        if nl < 0:
            break
        pos = nl + 1
    full = _full_width(text, lines)
    # a wrapped text that parts its paragraphs with blank lines parts none with a single line break: a full
    # line there goes on even when it ends a sentence ("... a ridiculous idea." / "Something funny ...")
    blank_parted = full < math.inf and text.count("\n\n") >= _BLANK_PARTED
    blocks: list[tuple[int, int]] = []
    cur_s = cur_e = prev_line_start = -1
    for s, e in lines:
        # trim
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s == e:
            if cur_s >= 0:
                blocks.append((cur_s, cur_e))
                cur_s = -1
            continue
        if cur_s >= 0:
            width = cur_e - prev_line_start
            if (
                width >= _WRAP_MIN
                and not _BULLET_RE.match(text, s, e)
                and (_wraps(text, cur_e, s) or (width >= full and (blank_parted or text[cur_e - 1] not in _ENDS_LINE)))
            ):
                prev_line_start = s
                cur_e = e  # soft wrap: same paragraph
                continue
            blocks.append((cur_s, cur_e))
        cur_s, cur_e = s, e
        prev_line_start = s
    if cur_s >= 0:
        blocks.append((cur_s, cur_e))
    return blocks


def _full_width(text: str, lines: list[tuple[int, int]]) -> float:
    """The length from which a line is "full" in a hard-wrapped text (PDF-to-text output, e-mail), or infinity.

    A layout engine breaks each line of a paragraph near one width, so in such a text the lines that another
    line follows have nearly equal lengths. With at least :data:`_WRAP_LINES` such lines of at least
    ``_WRAP_MIN`` characters whose quartiles lie within 15% of their median, a line of at least 85% of that
    median that does not end a sentence was wrapped, whatever the next line starts with ("spokesperson
    Mumtaz" / "Zahra Baloch said", "the United" / "States"). A text written one paragraph per line has lines
    of every length and no full width. (Lengths are measured untrimmed: a cheap, close estimate.)
    """
    if len(lines) <= _WRAP_LINES:
        return math.inf
    lengths = sorted(
        e - s for (s, e), (s2, e2) in pairwise(lines) if e - s >= _WRAP_MIN and not text[s2:e2].isspace() and s2 < e2
    )
    n = len(lengths)
    if n < _WRAP_LINES:
        return math.inf
    q1, median, q3 = lengths[n // 4], lengths[n // 2], lengths[(3 * n) // 4]
    if q3 - q1 > 0.15 * median:
        return math.inf
    return 0.85 * median


def _wraps(text: str, line_end: int, next_start: int) -> bool:
    """Whether a long line ending at ``line_end`` goes on in the line starting at ``next_start`` (see
    :func:`_paragraphs`)."""
    last = line_end - 1
    if text[last] == "." and text[next_start].isupper():
        # a title or an initial that a name goes on from ("said Mr." / "King", "Karim N." / "Afridi"); not an
        # abbreviation that can end a sentence ("Merck & Co." / "She ...", "the U.S." / "Officials ...")
        k = _word_start(text, last)
        word = text[k:last]
        if (k == 0 or text[k - 1].isspace()) and (word.lower() in _TITLES or (len(word) == 1 and word.isupper())):
            return True
    if text[last] in _TERMINAL or text[last] in ":;":
        return False
    if text[last] in _CLOSERS:
        while last > 0 and text[last] in _CLOSERS:
            last -= 1
        # "... for terrorism." / next: the sentence ended inside the quotation; a bracket or quote closed
        # after a word: only a lower-case next line goes on
        return text[last] not in _TERMINAL and text[last] not in ":;" and text[next_start].islower()
    if text[next_start].islower() or text[last] == ",":
        return True
    return text[_word_start(text, line_end) : line_end].lower() in _GOES_ON


def _word_start(text: str, end: int) -> int:
    """Where the run of letters that ends at ``end`` starts (``end`` itself when none does)."""
    k = end
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return k


def _split_run_on(text: str, start: int, end: int, starts: Sequence[int], ends: Sequence[int]) -> list[tuple[int, int]]:
    """Pieces of at most :data:`MAX_SENTENCE_WORDS` words of an over-long sentence.

    ``starts``/``ends`` are the offsets of the sentence's tokens. Each piece ends at the last clause mark
    (``;`` ``:`` ``,`` or a dash) in the second half of its word budget, or after the budget's last word when
    there is none; the next piece starts at the next word.
    """
    out: list[tuple[int, int]] = []
    limit = MAX_SENTENCE_WORDS
    i, n, s = 0, len(starts), start
    while n - i > limit:
        cut = i + limit - 1  # index of the last word of this piece
        for k in range(i + limit - 1, i + limit // 2 - 1, -1):
            gap = text[ends[k] : starts[k + 1]]
            if any(c in gap for c in ";:,—–"):
                cut = k
                break
        gap_end = starts[cut + 1]
        mark = max(text.rfind(c, ends[cut], gap_end) for c in ";:,—–")
        out.append((s, mark + 1 if mark >= 0 else ends[cut]))
        i, s = cut + 1, gap_end
    out.append((s, end))
    return out


def _split_sentences(text: str, start: int, end: int, stops: list[int]) -> list[tuple[int, int]]:
    """Sentence spans inside one paragraph.

    ``stops`` holds the offsets of every ``.!?…`` of the text (increasing). A boundary match can only start
    on one of them, so the pattern is tried there (in order, each after the end of the previous match: the
    matches of ``finditer``), not at every character of the paragraph.
    """
    out: list[tuple[int, int]] = []
    s = start
    special = _SPECIAL_WORDS
    match = _BOUNDARY_RE.match
    k = bisect.bisect_left(stops, start)
    n_stops = len(stops)
    resume = start
    while k < n_stops and stops[k] < end:
        p = stops[k]
        k += 1
        if p < resume:
            continue
        m = match(text, p, end)
        if m is None:
            # no boundary after this run of marks, so none after any later mark of the run either (they
            # all end where it ends): skip the run, or a line of 100,000 dots costs 100,000 matches of it
            # (``p`` < ``end`` is the offset of a mark: the run of marks there always matches)
            resume = cast("re.Match[str]", _MARKS_RE.match(text, p, end)).end()
            continue
        resume = m.end()
        dot = m.start()
        if text[dot] == ".":
            # the word before the full stop (bounded look-back: never rescans a long paragraph)
            lo = max(start, dot - 30)
            sp = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot))  # a hard-wrapped line: "Mall,\nMr."
            raw_word = text[(sp + 1 if sp >= 0 else lo) : dot]
            word = raw_word.lower()
            if word and word[0] in "\"“‘'([":
                word = word.lstrip("\"“‘'([")
            if (word in special or len(word) == 1 or "." in word or "(" in word) and not _period_ends_sentence(
                text, start, dot, m.end()
            ):
                continue
        e = m.end(1)  # the sentence keeps its closing quotes/brackets, not the white space
        if e > s:
            out.append((s, e))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out


def _period_ends_sentence(text: str, para_start: int, dot: int, next_start: int) -> bool:
    window = text[max(para_start, dot - 40) : dot]  # bounded: never scan back over a long paragraph
    pieces = window.split()
    if not pieces or window[-1:].isspace():
        return True
    raw_word = pieces[-1].rsplit("(", 1)[-1]
    word = raw_word.lstrip("\"“‘'([").lower()
    if not word:
        return True
    m = WORD_RE.match(text, next_start)
    nxt = m.group().lower() if m else ""
    if word in _TITLES:
        return False
    if word in _NUMBER_ABBREVIATIONS:
        return not nxt[:1].isdigit()
    if len(word) == 1 and word.isalpha():  # an initial: "Hasan A. Rizvi"
        return nxt in _OPENERS and not raw_word.isupper()
    if word in _ABBREVIATIONS or (word.count(".") >= 1 and all(len(p) <= 2 for p in word.split("."))):
        return nxt in _OPENERS
    return True


_OPENING = "“„«"
_CLOSING = "”»"
_DOUBLE_MARKS = '“„«”»"'
_SINGLE_MARKS = "‘’'"


def _positions(text: str, chars: str) -> list[int]:
    """Offsets of every occurrence of any of ``chars`` in ``text``, increasing.

    Found with ``str.find`` (a memchr-like scan in C), one character at a time, only for the characters
    present: faster than a regex character class stepping through the text.
    """
    out: list[int] = []
    find = text.find
    for ch in chars:
        i = find(ch)
        while i >= 0:
            out.append(i)
            i = find(ch, i + 1)
    out.sort()
    return out


def _find_quotes(text: str, paras: list[tuple[int, int]]) -> list[Quote]:
    """Pair quotation marks paragraph by paragraph.

    Double quotes (curly, straight, guillemets, German „…“) form the outer
    level; single curly or straight quotes inside them form nested quotations
    (an apostrophe is told apart by the letters on both sides of it). A
    quotation left open at the end of a paragraph continues if the next
    paragraph opens with a quote mark (the newspaper convention for long
    quotations); otherwise it is closed there and marked unbalanced. A second
    opening mark before a closing one closes the first quotation, unbalanced.

    Some outlets quote with single marks (British style: ``'We will respond,' the minister said``). In a
    document that does, single quotations of the paragraphs without a double mark are outer quotations too
    (see :func:`_british_quotes`).
    """
    marks = _positions(text, _DOUBLE_MARKS)  # every double mark of the text, in order
    singles: list[int] = []  # every single mark, found once when a pairing needs them
    british = _british_quotes(text, paras, marks, singles)
    if not marks:
        return british  # single marks are otherwise only looked for inside double ones
    quotes = _double_quotes(text, paras, marks)
    nested: list[Quote] = []
    if quotes:
        if not singles:
            singles = _positions(text, _SINGLE_MARKS)  # each quotation reads its share of them
        first_at = bisect.bisect_left
        for q in quotes:
            lo = first_at(singles, q.inner_start)
            nested.extend(_single_quotes(text, singles[lo : first_at(singles, q.inner_end, lo)]))
    return sorted(quotes + nested + british, key=lambda q: (q.start, q.depth))


def _british_quotes(text: str, paras: list[tuple[int, int]], doubles: list[int], singles: list[int]) -> list[Quote]:
    """Outer quotations made by single marks, in a document that quotes with them. ``singles`` is filled with
    the offsets of every single mark when they are looked for (the caller reads them again for nested quotes).

    In each paragraph without a double mark, single marks pair as nested ones do (:func:`_single_quotes`:
    an apostrophe has letters on both sides; an opening mark is followed by a letter, not a digit as in
    '90s). They count only when the document has at least as many such pairs as pairs of double marks:
    a document that quotes with double marks (most American news) uses single ones for scare quotes and
    apostrophes, where a stray '90s and a plural possessive (militants') would pair up. Doubled apostrophes
    (''quoted'', as in old wire copy) count as double marks.
    """
    # counts of one character are found by memchr; a search for "''" scans the whole text, so it comes last
    straight, curly = text.count("'"), text.count("‘")
    if not straight and not curly:
        return []
    doubled = straight > 1 and "''" in text  # ''quoted'' with doubled apostrophes (old wire and archive copy)
    if not doubled and (straight + curly) * 2 < len(doubles):
        return []  # too few marks that could open a quotation for their pairs to match the double ones
    singles.extend(_positions(text, _SINGLE_MARKS))
    # without an opening curly mark, a curly one is an apostrophe: a straight mark closes a straight one
    pairing = singles if curly else [i for i in singles if text[i] == "'"]
    if doubled:  # doubled apostrophes are double marks, in effect
        doubles = sorted({*doubles, *_positions(text.replace("''", '""'), '"')})
    found: list[Quote] = []
    first_at = bisect.bisect_left
    lo = 0
    dk = 0
    n_doubles = len(doubles)
    for ps, pe in paras:
        lo = first_at(pairing, ps, lo)
        hi = first_at(pairing, pe, lo)
        if hi - lo < 2:
            continue
        while dk < n_doubles and doubles[dk] < ps:
            dk += 1
        if dk < n_doubles and doubles[dk] < pe:
            continue  # a paragraph that quotes with double marks
        for q in _single_quotes(text, pairing[lo:hi], depth=0):
            if not text[q.inner_start].isdigit():
                found.append(q)
    if len(found) * 2 < n_doubles:
        return []
    return found


def _double_quotes(text: str, paras: list[tuple[int, int]], marks: list[int]) -> list[Quote]:
    """The quotations made by the double marks at ``marks`` (see :func:`_find_quotes`)."""
    quotes: list[Quote] = []
    open_at = -1
    open_mark = ""
    n_paras = len(paras)
    n_marks = len(marks)
    k = 0  # the first mark not yet read
    for pi, (ps, pe) in enumerate(paras):
        start = ps
        if open_at >= 0 and text[ps] in _OPENING + '"':
            start = ps + 1  # re-opening mark of a continued quotation
        while k < n_marks and marks[k] < start:
            k += 1
        while k < n_marks and marks[k] < pe:
            i = marks[k]
            k += 1
            ch = text[i]
            if ch in _OPENING:
                if open_at >= 0 and open_mark == "„" and ch == "“":
                    quotes.append(Quote(open_at, i + 1, open_at + 1, i, open_mark, True))
                    open_at = -1
                else:
                    if open_at >= 0:
                        quotes.append(Quote(open_at, i, open_at + 1, i, open_mark, False))
                    open_at, open_mark = i, ch
            elif open_at >= 0:
                quotes.append(Quote(open_at, i + 1, open_at + 1, i, open_mark, True))
                open_at = -1
            elif ch == '"':
                open_at, open_mark = i, ch
        if open_at >= 0:
            nxt = paras[pi + 1][0] if pi + 1 < n_paras else -1
            if nxt >= 0 and text[nxt] in _OPENING + '"':
                continue  # the quotation goes on in the next paragraph
            quotes.append(Quote(open_at, pe, open_at + 1, pe, open_mark, False))
            open_at = -1
    return quotes


def _single_quotes(text: str, marks: list[int], depth: int = 1) -> list[Quote]:
    """Single quotations made by the single marks at ``marks`` (offsets, increasing): nested in one quotation
    (``depth`` 1), or outer ones in a paragraph of a document that quotes with single marks (0)."""
    out: list[Quote] = []
    opened = -1
    for i in marks:
        ch = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # apostrophe inside a word
        if opened < 0:
            if ch in "‘'" and not before.isalnum() and (after.isalnum() or after in '"“'):
                opened = i
        elif not after.isalnum() and (before.isalnum() or before in '.,!?"”'):
            if i - opened > 2:
                out.append(Quote(opened, i + 1, opened + 1, i, text[opened], True, depth))
            opened = -1
    return out
