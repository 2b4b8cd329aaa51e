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
count). Syllables are counted with the Pyphen hyphenation dictionary, the
offline dictionary textstat itself falls back on (one more syllable than
hyphenation points). textstat ≥ 0.7.10 would first download the CMU
pronouncing dictionary through NLTK at run time; framing never triggers that
download, so readability works with the network off.

References: Flesch, R. (1948). A new readability yardstick. *Journal of Applied
Psychology* 32(3), 221–233. Kincaid, J. P., Fishburne, R. P., Rogers, R. L., &
Chissom, B. S. (1975). *Derivation of new readability formulas for Navy
enlisted personnel*. Research Branch Report 8-75.
"""

from __future__ import annotations

from typing import Any

from .base import Analyzer, DocContext, DocResult, Metric, ratio

__all__ = ["Readability", "SyllableCounter", "flesch_kincaid_grade", "flesch_reading_ease"]

_COUNTED_KINDS = frozenset({"text", "item"})


def flesch_reading_ease(words: float, sentences: float, syllables: float) -> float:
    """206.835 − 1.015 (words/sentences) − 84.6 (syllables/words) (Flesch 1948)."""
    if not words or not sentences:
        return float("nan")
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)


def flesch_kincaid_grade(words: float, sentences: float, syllables: float) -> float:
    """0.39 (words/sentences) + 11.8 (syllables/words) − 15.59 (Kincaid et al. 1975)."""
    if not words or not sentences:
        return float("nan")
    return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59


class SyllableCounter(dict):
    """Word → syllables, counted once per word type with Pyphen (``dict`` for speed: ``map(counter.__getitem__, ...)``)."""

    def __init__(self, lang: str = "en_US", max_size: int = 500_000) -> None:
        super().__init__()
        import pyphen

        self._pyphen = pyphen.Pyphen(lang=lang)
        self._max = max_size

    def __missing__(self, word: str) -> int:
        n = self.count(word)
        if len(self) >= self._max:
            self.clear()
        self[word] = n
        return n

    def count(self, word: str) -> int:
        """Syllables of one word: hyphenation points + 1; a word without letters has none."""
        letters = "".join(ch for ch in word if ch.isalpha())
        if not letters:
            return 0
        return len(self._pyphen.positions(letters)) + 1


class Readability(Analyzer):
    """Flesch reading ease, Flesch–Kincaid grade, mean sentence and word length.

    Args:
        lang: the Pyphen dictionary used to count syllables.
    """

    name = "readability"
    sentence_columns = {"rd_sentence": 0, "rd_words": 0, "rd_syllables": 0, "rd_letters": 0}

    def __init__(self, lang: str = "en_US") -> None:
        self.lang = lang
        self._syllables = SyllableCounter(lang)

    def settings(self) -> dict[str, Any]:
        return {"lang": self.lang}

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
