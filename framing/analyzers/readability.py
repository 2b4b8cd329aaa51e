"""Readability: Flesch reading ease, Flesch–Kincaid grade, sentence and word length.

Formulas (the constants textstat uses for English):

* Flesch reading ease (Flesch 1948):
  ``FRE = 206.835 − 1.015 · (words / sentences) − 84.6 · (syllables / words)``
* Flesch–Kincaid grade level (Kincaid, Fishburne, Rogers & Chissom 1975):
  ``FKGL = 0.39 · (words / sentences) + 11.8 · (syllables / words) − 15.59``
* mean sentence length = words / sentences; mean word length = letters / words.

Counts come from the text model (our sentences and words, so "U.S." and
"Mr." do not end sentences, and headings, list items of a reference list and
other fragments are left out: only running-text sentences and list items
count). textstat ≥ 0.7.10 looks syllables up in the CMU pronouncing
dictionary, which it downloads through NLTK at first use, and falls back on
Pyphen hyphenation. framing never triggers that download: syllables are
counted by English spelling rules (:func:`count_syllables`), which agree with
the CMU dictionary on 97% of word tokens of news text against 90% for the
Pyphen fallback, and run about twenty times faster; ``syllables="pyphen"``
reproduces textstat's offline fallback exactly.

References: Flesch, R. (1948). A new readability yardstick. *Journal of Applied
Psychology* 32(3), 221–233. Kincaid, J. P., Fishburne, R. P., Rogers, R. L., &
Chissom, B. S. (1975). *Derivation of new readability formulas for Navy
enlisted personnel*. Research Branch Report 8-75.
"""

from __future__ import annotations

import re
from typing import Any

from .. import cache_limits
from .base import Analyzer, DocContext, DocResult, Metric, ratio, safe_divide, vectorized

__all__ = ["Readability", "SyllableCounter", "flesch_kincaid_grade", "flesch_reading_ease"]

_COUNTED_KINDS = frozenset({"text", "item"})


@vectorized
def flesch_reading_ease(words: Any, sentences: Any, syllables: Any) -> Any:
    """206.835 − 1.015 (words/sentences) − 84.6 (syllables/words) (Flesch 1948)."""
    return 206.835 - 1.015 * safe_divide(words, sentences) - 84.6 * safe_divide(syllables, words)


@vectorized
def flesch_kincaid_grade(words: Any, sentences: Any, syllables: Any) -> Any:
    """0.39 (words/sentences) + 11.8 (syllables/words) − 15.59 (Kincaid et al. 1975)."""
    return 0.39 * safe_divide(words, sentences) + 11.8 * safe_divide(syllables, words) - 15.59


_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# vowel pairs and endings that sound as two syllables ("being", "January", "Syria", "radio")
_EXTRA_SYLLABLE = re.compile(
    r"[aeiouy]ing\b|[^qg]ua|[^aeiouycstx]ian\b|[^aeiouy]io\b|[^aeiouy]eo\b|[^aeiouy]ism\b|ire\b"
    r"|(?:^|[^fyt])ours?\b|[^aeiou]ier\b|[^aeiouycstx](?:ia|ea)\b|[^aeiouycstxg]ious\b|iation"
)
# a silent e inside a word, before a suffix ("likely", "statement")
_SILENT_E_SUFFIX = re.compile(r"[^aeiouy]e(?:ly|ment|ments|ness|ful|less)\b")
_MUTE_ES = ("ses", "xes", "zes", "ches", "shes", "ges", "ces")
# A word without one of these cannot match the pattern above it (inside a word of letters \b is only at its
# ends): the cheap test skips the regular expression for most words.
_SILENT_E_ENDINGS = ("ely", "ement", "ements", "eness", "eful", "eless")
_EXTRA_ENDINGS = ("ing", "ian", "io", "eo", "ism", "ire", "our", "ours", "ier", "ia", "ea", "ious")


def count_syllables(word: str) -> int:
    """English syllables of a lower-case word by rule (vowel groups, silent e, -ed/-es, two-vowel hiatus).

    Agrees with the CMU Pronouncing Dictionary on 97% of word tokens of AllSides news text (Pyphen
    hyphenation, textstat's offline fallback: 90%); see ``benchmarks/syllables.py``. Words without letters
    have no syllables.
    """
    if "." in word and all(len(p) <= 2 for p in word.split(".")):  # a dotted acronym is spelled out: "u.s"
        return sum(ch.isalpha() for ch in word)
    w = "".join(ch for ch in word if ch.isalpha()) if not word.isalpha() else word
    if not w:
        return 0
    if len(w) <= 2:
        return 1
    n = len(_VOWEL_GROUPS.findall(w))
    if n == 0:  # "mr", "th": no vowel letter
        return max(1, len(w) // 2)
    if n > 1 and w[-1] == "e":
        if w.endswith("le"):
            if w[-3] in "aeiouy":  # "while", "role" (but "table", "people" keep the syllabic le)
                n -= 1
        elif w.endswith("ue"):
            if w[-3] in "gq":  # "league", "unique"
                n -= 1
        elif not w.endswith(("ee", "ie", "ye", "oe")):
            n -= 1
    elif (n > 1 and w.endswith("ed") and w[-3] not in "tdaeiouy") or (
        n > 1 and w.endswith("es") and w[-3] not in "aeiouy" and not w.endswith(_MUTE_ES)
    ):
        n -= 1
    if w.endswith(_SILENT_E_ENDINGS):
        n -= len(_SILENT_E_SUFFIX.findall(w))
    if "ua" in w or "iation" in w or w.endswith(_EXTRA_ENDINGS):
        n += len(_EXTRA_SYLLABLE.findall(w))
    return max(1, n)


class SyllableCounter(dict):
    """Word → syllables, counted once per word type (a ``dict``, for ``map(counter.__getitem__, words)``).

    ``engine="rules"`` (default) uses :func:`count_syllables`; ``engine="pyphen"`` counts Pyphen
    hyphenation points + 1, as textstat does when it has no CMU dictionary. It is emptied when it holds
    ``max_size`` words (default: :data:`framing.cache_limits.SYLLABLES`, read when it is full).
    """

    def __init__(self, engine: str = "rules", lang: str = "en_US", max_size: int | None = None) -> None:
        super().__init__()
        if engine not in ("rules", "pyphen"):
            raise ValueError(f"unknown syllable engine {engine!r}: use 'rules' or 'pyphen'")
        self.engine = engine
        self._max = max_size
        self._pyphen = None
        if engine == "pyphen":
            import pyphen

            self._pyphen = pyphen.Pyphen(lang=lang)

    def __missing__(self, word: str) -> int:
        n = self.count(word)
        if len(self) >= (self._max if self._max is not None else cache_limits.SYLLABLES):
            self.clear()
        self[word] = n
        return n

    def count(self, word: str) -> int:
        if self._pyphen is None:
            return count_syllables(word)
        letters = "".join(ch for ch in word if ch.isalpha())
        return len(self._pyphen.positions(letters)) + 1 if letters else 0


class Readability(Analyzer):
    """Flesch reading ease, Flesch–Kincaid grade, mean sentence and word length.

    Args:
        syllables: ``"rules"`` (default; closer to the CMU dictionary) or ``"pyphen"`` (textstat's fallback).
        lang: the Pyphen dictionary when ``syllables="pyphen"``.
    """

    name = "readability"
    sentence_columns = {"rd_sentence": 0, "rd_words": 0, "rd_syllables": 0, "rd_letters": 0}

    def __init__(self, syllables: str = "rules", lang: str = "en_US") -> None:
        self.syllables = syllables
        self.lang = lang
        self._syllables = SyllableCounter(syllables, lang)

    def settings(self) -> dict[str, Any]:
        return (
            {"syllables": self.syllables}
            if self.syllables == "rules"
            else {"syllables": self.syllables, "lang": self.lang}
        )

    def analyze(self, ctx: DocContext) -> DocResult:
        model = ctx.model
        tokens = model.tokens
        st = model.sent_tok
        syl = self._syllables.__getitem__
        counted, words, syllables, letters = [], [], [], []
        for s, kind in enumerate(model.sent_kinds):
            if kind in _COUNTED_KINDS:
                toks = tokens[st[s] : st[s + 1]]
                counted.append(1)
                words.append(len(toks))
                syllables.append(sum(map(syl, toks)))
                letters.append(sum(map(len, toks)))
            else:
                counted.append(0)
                words.append(0)
                syllables.append(0)
                letters.append(0)
        return DocResult(
            sentences={"rd_sentence": counted, "rd_words": words, "rd_syllables": syllables, "rd_letters": letters}
        )

    def metrics(self) -> list[Metric]:
        cols = ("rd_words", "rd_sentence", "rd_syllables")
        return [
            Metric(
                "flesch_reading_ease",
                "Reading ease (Flesch)",
                self.name,
                "sentences",
                cols,
                flesch_reading_ease,
                "206.835 − 1.015 × words per sentence − 84.6 × syllables per word; higher is easier "
                "(60–70 plain English, below 30 very difficult).",
                unit="score",
                citation="Flesch (1948)",
            ),
            Metric(
                "flesch_kincaid_grade",
                "Grade level (Flesch–Kincaid)",
                self.name,
                "sentences",
                cols,
                flesch_kincaid_grade,
                "0.39 × words per sentence + 11.8 × syllables per word − 15.59: the US school grade "
                "needed to follow the text.",
                unit="grade",
                citation="Kincaid et al. (1975)",
            ),
            Metric(
                "words_per_sentence",
                "Words per sentence",
                self.name,
                "sentences",
                ("rd_words", "rd_sentence"),
                ratio(),
                "Mean sentence length in words.",
                unit="words",
            ),
            Metric(
                "letters_per_word",
                "Letters per word",
                self.name,
                "sentences",
                ("rd_letters", "rd_words"),
                ratio(),
                "Mean word length in characters.",
                unit="characters",
            ),
        ]
