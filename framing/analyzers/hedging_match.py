"""Fast lexicon matching for cue lists full of multi-word phrases ("it is believed", "in fact", "is said to").

:meth:`framing.lexicons.Lexicon.match` looks a multi-word entry up by its
first word, so a phrase that starts with "it", "is" or "in" is tried at every
"it", "is" or "in" of a document. :class:`AnchoredMatcher` looks each entry up
by its *rarest* word instead (the longest word that is not a common function
word: "believed" in "it is believed"), then checks the other words around
it. The result is the same as ``Lexicon.match`` — every match inside one
sentence, then, at each position, the longest entry wins and a match that
starts inside an earlier one is dropped — at a cost that grows with the
number of cue words in the text, not with the number of "it"s.

Entries with a glob (``harbour*``) are matched by ``Lexicon.match`` itself.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ..lexicons import Lexicon, LexiconEntry, Match
from ..text import TextModel

__all__ = ["AnchoredMatcher"]

#: Common English words: never an anchor when the entry has another word.
_COMMON = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "here",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "me",
        "us",
        "him",
        "her",
        "them",
        "my",
        "our",
        "your",
        "his",
        "their",
        "not",
        "no",
        "so",
        "do",
        "does",
        "did",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "shall",
        "than",
        "then",
        "up",
        "out",
        "over",
        "some",
        "any",
        "all",
        "more",
        "most",
        "very",
        "much",
        "many",
        "few",
        "little",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "also",
        "just",
        "only",
        "even",
        "still",
        "yet",
        "about",
        "into",
        "onto",
        "upon",
        "after",
        "before",
        "under",
        "again",
        "too",
        "well",
        "one",
        "now",
        "say",
        "says",
        "said",
    ]
)


def _anchor(words: tuple[str, ...]) -> int:
    """Index of the word an entry is looked up by: the longest uncommon word (the first word if all are common)."""
    best, best_key = 0, (-1, -1)
    for k, w in enumerate(words):
        key = (0 if w in _COMMON else 1, len(w))
        if key > best_key:
            best, best_key = k, key
    return best


class AnchoredMatcher:
    """Match a :class:`~framing.lexicons.Lexicon` by each entry's rarest word (see the module docstring)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        by_anchor: dict[str, list[tuple[int, tuple[str, ...], LexiconEntry]]] = {}
        globs: list[LexiconEntry] = []
        for e in lexicon.entries:
            if e.is_glob:
                globs.append(e)
                continue
            a = _anchor(e.words)
            by_anchor.setdefault(e.words[a], []).append((a, e.words, e))
        self._by_anchor = {w: tuple(v) for w, v in by_anchor.items()}
        self._anchors = frozenset(self._by_anchor)
        self._globs = Lexicon(globs, name=lexicon.name) if globs else None

    def match(self, model: TextModel) -> list[Match]:
        """Non-overlapping matches in text order (longest first at each position), as ``Lexicon.match``."""
        index = model.index
        tokens = model.tokens
        st = model.sent_tok
        found: list[Match] = []
        for w in self._anchors.intersection(index):
            entries = self._by_anchor[w]
            for p in index[w]:
                s_hi = -1
                for a, words, e in entries:
                    n = len(words)
                    if n == 1:
                        found.append(Match(p, p + 1, e))
                        continue
                    i = p - a
                    if i < 0:
                        continue
                    if s_hi < 0:
                        s = bisect.bisect_right(st, p) - 1
                        s_lo, s_hi = st[s], st[s + 1]
                    if i < s_lo or i + n > s_hi:
                        continue
                    if tuple(tokens[i : i + n]) == words:
                        found.append(Match(i, i + n, e))
        if self._globs is not None:
            found.extend(self._globs.match(model, overlap=True))
        if len(found) < 2:
            return found
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        return _non_overlapping(found)


def _non_overlapping(found: Iterable[Match]) -> list[Match]:
    """The selection rule of ``Lexicon.match``: longest at each start, nothing starting inside a kept match."""
    out: list[Match] = []
    last_start = last_end = -1
    for m in found:
        if m.start < last_end and m.start != last_start:
            continue
        if m.start == last_start and m.end != last_end:
            continue
        out.append(m)
        last_start, last_end = m.start, m.end
    return out
