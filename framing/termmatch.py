"""Fast matching of a large term list (issue patterns, the frame lexicon) against a text model.

:class:`TermMatcher` gives the same matches as
:meth:`framing.lexicons.Lexicon.match` (longest first and non-overlapping, or
all of them with ``overlap=True``; multi-word terms never cross sentences;
trailing-``*`` globs), but is built for lexicons with hundreds of globs and
multi-word phrases matched against many documents, at a cost per document in
proportion to its word types and its matches, never to its tokens:

* each word *type* is resolved once to the entries it can anchor (exact terms,
  and globs found through a dictionary per prefix length, looked at only for
  words that begin like some glob); the resolution is cached across
  documents, and telling a document's new word types from known ones is done
  once per document for all the matchers sharing a :class:`Vocabulary` (by
  default the issue set's and the frame lexicon's);
* the positions of a word that is one single-word entry are its matches,
  gathered from the text model's word index in C (no loop over tokens);
* a multi-word entry is anchored on its rarest-looking word (the longest word
  without a glob), not its first: "the public" is looked for where "public"
  occurs, so the many "the"s of a text cost nothing; and not at all when
  another word it needs is not in the document;
* the longest-match rule only concerns places where a multi-word entry
  matched, so single-word matches are filtered against the (few) positions
  multi-word matches cover instead of being sorted and swept.

The character offsets of the matches that become evidence come from the text
model (:meth:`~framing.text.TextModel.tokens_spans`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import chain, compress, filterfalse, repeat
from operator import add, not_
from typing import Any, cast

from . import cache_limits
from .lexicons import Lexicon, LexiconEntry, Match
from .text import TextModel

__all__ = ["TermMatcher", "Vocabulary"]

#: what matching a multi-word entry around its anchor needs (an item of ``TermMatcher._probe``, which says what)
_Probe = tuple[int, tuple[str, ...], int, int, list[str] | None, tuple[str, ...]]

#: Frequent function words: never chosen as the anchor of a multi-word entry when another word is available.
_FUNCTION_WORDS = (
    "the a an of to in on at by for from with and or but as is are was were be been it its this that these "
    "those he she they we you i his her their our your not no all any some more most other such would will "
    "can could should may might must do does did has have had"
)
_COMMON = frozenset(_FUNCTION_WORDS.split())


def _anchor(words: tuple[str, ...]) -> int:
    """Index of the word to look a multi-word entry up by: the longest word that is neither a glob nor a
    common function word (the rarest, as a rule)."""
    best, best_key = 0, (-1, -1, -1)
    for j, w in enumerate(words):
        key = (0 if w.endswith("*") else 1, 0 if w in _COMMON else 1, len(w))
        if key > best_key:
            best, best_key = j, key
    return best


def _fits(pattern: str, token: str) -> bool:
    return token.startswith(pattern[:-1]) if pattern.endswith("*") else token == pattern


class Vocabulary:
    """The word types met so far in the documents matched, shared by the matchers that use it.

    A matcher resolves each word type once (the entries it can anchor) and keeps
    that across documents, so for each document it must tell new word types from
    those met before: a set lookup per type, a few hundred per document, which
    is most of a matcher's fixed cost per document when other analyzers run in
    between (the set is large and no longer in the processor's cache). Matchers
    sharing a vocabulary (given to each when it is built) make that lookup once
    per document between them: the first to see a text model appends its new
    types to ``order``, and each matcher resolves the types after its own
    position in ``order`` before matching. The vocabulary is emptied past
    :data:`framing.cache_limits.WORD_TYPES` types (matchers then empty their caches too).
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.order: list[str] = []
        self.epoch = 0
        self._last: TextModel | None = None

    def update(self, model: TextModel) -> None:
        """Record the word types of ``model`` not met before (once per model)."""
        if model is self._last:
            return
        if len(self.seen) > cache_limits.WORD_TYPES:
            self.seen = set()
            self.order = []
            self.epoch += 1
        new = list(filterfalse(self.seen.__contains__, model.index))  # membership tests in C
        if new:
            # ``order`` first: a type found in ``seen`` (by another thread) is then always in ``order`` already
            self.order.extend(new)
            self.seen.update(new)
        self._last = model

    def __getstate__(self) -> dict:
        # a copy starts empty: the word types are a memo, and a copy taken while a document is being matched
        # (Dask serializes objects from another thread) must not pair it with matchers at other positions
        return {"seen": set(), "order": [], "epoch": self.epoch, "_last": None}


class TermMatcher:
    """A compiled, cached matcher for the entries of a :class:`~framing.lexicons.Lexicon`.

    ``vocabulary``: the :class:`Vocabulary` whose word types the matcher resolves
    (default: one of its own; matchers that run on the same documents may share one).

    ``exceptions``: categories whose one-word entries are exceptions to shorter globs. A word that such an
    entry matches (exactly, or by a glob) is not matched by a one-word glob of another entry whose
    prefix is shorter than the exception's: with ``crimea*`` listed as an exception, ``crime*`` no
    longer matches "Crimea" or "Crimean", and ``islamabad*`` keeps ``islam*`` off "Islamabad". Entries
    listed exactly ("islamabad") and globs at least as long are kept, and so is the exception's own
    match (its category tells that it carries nothing). This is the one-word case of the longest-match
    rule, which already lets a phrase hide the words inside it; without exceptions every one-word entry
    that matches a word is kept, as :meth:`~framing.lexicons.Lexicon.match` keeps them. The rule is
    applied once per word type, when the type is first resolved, so it costs nothing per token.
    """

    def __init__(
        self,
        lexicon: Lexicon | Iterable[LexiconEntry],
        vocabulary: Vocabulary | None = None,
        exceptions: Iterable[str] = (),
    ) -> None:
        entries = lexicon.entries if isinstance(lexicon, Lexicon) else tuple(lexicon)
        self.entries: tuple[LexiconEntry, ...] = tuple(e for e in entries if e.words)
        excepted = frozenset(exceptions)
        #: per one-word entry: how many letters it fixes (a glob's prefix, an exact word's length), and whether
        #: it is an exception (None for phrases and when there are no exceptions: nothing to compare)
        self._fixes: list[tuple[int, bool, bool] | None] = [
            (len(e.words[0].rstrip("*")), e.words[0].endswith("*"), e.category in excepted)
            if excepted and len(e.words) == 1
            else None
            for e in self.entries
        ]
        self._has_exceptions = any(f is not None and f[2] for f in self._fixes)
        exact: dict[str, list[int]] = {}
        prefixes: dict[int, dict[str, list[int]]] = {}
        self._anchor: list[int] = []
        for k, e in enumerate(self.entries):
            j = _anchor(e.words) if len(e.words) > 1 else 0
            self._anchor.append(j)
            w = e.words[j]
            if w.endswith("*"):
                prefixes.setdefault(len(w) - 1, {}).setdefault(w[:-1], []).append(k)
            else:
                exact.setdefault(w, []).append(k)
        self._exact = {w: tuple(ks) for w, ks in exact.items()}
        self._prefixes = sorted((n, {p: tuple(ks) for p, ks in d.items()}) for n, d in prefixes.items())
        # the shortest glob prefix length, and the beginnings of that length of every glob prefix: a word that
        # begins otherwise matches no glob (most words; their resolution is then one lookup)
        self._lead = self._prefixes[0][0] if self._prefixes else 0
        self._leads = frozenset(p[: self._lead] for _, d in self._prefixes for p in d)
        self._words_of = [e.words for e in self.entries]
        self._plain = [not any(w.endswith("*") for w in e.words) for e in self.entries]
        # the words (not globs) a multi-word entry needs besides its anchor: when one of them is not in a
        # document, the entry is not looked for at all
        needs = [
            tuple({w for j, w in enumerate(e.words) if j != a and not w.endswith("*")})
            for e, a in zip(self.entries, self._anchor)
        ]
        #: per entry, what matching it around its anchor needs: (entry, words needed, anchor index, length,
        #: the words as a list when none is a glob, else None, the patterns)
        self._probe: list[_Probe] = [
            (k, needs[k], self._anchor[k], len(e.words), list(e.words) if self._plain[k] else None, e.words)
            for k, e in enumerate(self.entries)
        ]
        # word -> (single-word entries, multi-word entries anchored on it)
        self._resolved: dict[str, tuple[tuple[int, ...], tuple[_Probe, ...]]] = {}
        # word -> its entry, for the (most) words that are one single-word entry and anchor nothing else
        self._simple: dict[str, int] = {}
        self._hits: set[str] = set()
        self._vocabulary = vocabulary
        self._epoch = -1  # the vocabulary epoch and position (in its ``order``) up to which words are resolved
        self._upto = 0

    def __getstate__(self) -> dict[str, Any]:
        """The compiled entries without the memo of resolved word types: a copy resolves them again from its
        vocabulary's start, so it is consistent whenever it is taken (its vocabulary's copy starts empty)."""
        state = dict(self.__dict__)
        state.update(_resolved={}, _simple={}, _hits=set(), _epoch=-1, _upto=0)
        return state

    def _resolve(self, word: str) -> None:
        ks = self._exact.get(word, ())
        n = len(word)
        if n >= self._lead and word[: self._lead] in self._leads:
            for length, table in self._prefixes:
                if length > n:
                    break
                hit = table.get(word[:length])
                if hit:
                    ks = ks + hit
        if ks:
            words_of = self._words_of
            single = tuple(k for k in ks if len(words_of[k]) == 1)
            if self._has_exceptions and len(single) > 1:
                single = self._unexcepted(single)
            multi = tuple(k for k in ks if len(words_of[k]) > 1)
            self._resolved[word] = (single, tuple(map(self._probe.__getitem__, multi)))
            if len(single) == 1 and not multi:
                self._simple[word] = single[0]
            self._hits.add(word)

    def _unexcepted(self, single: tuple[int, ...]) -> tuple[int, ...]:
        """The one-word entries matching a word, less the globs an exception among them overrules (see the
        class docstring): those whose prefix is shorter than the longest exception's fixed letters."""
        fixes = self._fixes
        longest = max((f[0] for f in map(fixes.__getitem__, single) if f is not None and f[2]), default=-1)
        if longest < 0:
            return single
        # ``single`` holds one-word entries and there are exceptions: the fixes of each are set (not None)
        fixed = cast("list[tuple[int, bool, bool]]", fixes)
        return tuple(k for k in single if not (fixed[k][1] and not fixed[k][2] and fixed[k][0] < longest))

    @property
    def vocabulary(self) -> Vocabulary:
        """The :class:`Vocabulary` the matcher resolves word types through (one of its own unless given)."""
        v = self._vocabulary
        if v is None:
            v = self._vocabulary = Vocabulary()
        return v

    def use_vocabulary(self, vocabulary: Vocabulary) -> None:
        """Resolve word types through ``vocabulary`` from now on: share it with a matcher that sees the same
        documents first (the frame matcher takes the issue matcher's), and the word types of a document new
        to it are found once for both. Switching empties this matcher's cache (nothing when it is the same)."""
        if vocabulary is not self._vocabulary:
            self._vocabulary = vocabulary
            self._epoch = -1  # resolve the new vocabulary's types from its start at the next document

    def _words(self, model: TextModel) -> list[str]:
        """The document's word types that anchor at least one entry (in the order of the model's index)."""
        v = self.vocabulary
        v.update(model)
        if self._epoch != v.epoch:
            self._resolved.clear()
            self._simple.clear()
            self._hits.clear()
            self._epoch, self._upto = v.epoch, 0
        start = self._upto
        if start < len(v.order):
            new = v.order[start:]
            for w in new:
                self._resolve(w)
            self._upto = start + len(new)  # only once they are resolved (another thread may be matching too)
        return list(filter(self._hits.__contains__, model.index))

    def _collect(self, model: TextModel) -> tuple[list[int], list[int], list[tuple[int, int, int]]]:
        """Single-word matches as parallel lists (starts, entries) and multi-word matches as tuples."""
        index = model.index
        words = self._words(model)
        simple = self._simple
        # words that are one single-word entry: their matches are their positions (gathered in C)
        plain_words = list(filter(simple.__contains__, words))
        positions_of = list(map(index.__getitem__, plain_words))
        starts: list[int] = list(chain.from_iterable(positions_of))
        ks: list[int] = list(
            chain.from_iterable(map(repeat, map(simple.__getitem__, plain_words), map(len, positions_of)))
        )
        multis: list[tuple[int, int, int]] = []
        if len(plain_words) == len(words):
            return starts, ks, multis
        resolved = self._resolved
        index_has = index.__contains__
        tokens = model.tokens
        n_tok = len(tokens)
        st = model.sent_tok
        bisect_right = bisect.bisect_right
        for w in filterfalse(simple.__contains__, words):
            positions = index[w]
            single, probes = resolved[w]
            for k in single:
                starts.extend(positions)
                ks.extend([k] * len(positions))
            for k, needs, j, n, plain, patterns in probes:
                if needs and (needs[0] not in index or (len(needs) > 1 and not all(map(index_has, needs)))):
                    continue  # a word it needs is not in the document
                for p in positions:
                    a = p - j
                    b = a + n
                    if a < 0 or b > n_tok:
                        continue
                    if plain is not None:
                        if tokens[a:b] != plain:
                            continue
                    elif not all(map(_fits, patterns, tokens[a:b])):
                        continue
                    if b <= st[bisect_right(st, a)]:  # never across sentences
                        multis.append((a, b, k))
        return starts, ks, multis

    @staticmethod
    def _longest(multis: list[tuple[int, int, int]]) -> tuple[list[tuple[int, int, int]], set[int]]:
        """Greedy longest-first sweep over multi-word matches: those kept and the token positions they cover."""
        multis.sort(key=lambda m: (m[0], m[0] - m[1]))
        kept: list[tuple[int, int, int]] = []
        covered: set[int] = set()
        last_start = last_end = -1
        for m in multis:
            a, b, _ = m
            if a < last_end and not (a == last_start and b == last_end):
                continue  # inside an earlier, longer match (same-span matches are all kept)
            kept.append(m)
            covered.update(range(a, b))
            last_start, last_end = a, b
        return kept, covered

    def spans(self, model: TextModel, overlap: bool = False) -> list[tuple[int, int, int]]:
        """``(token_start, token_end, entry_index)`` of every match, longest first and non-overlapping
        unless ``overlap`` (same-span matches of different entries are all kept), in no particular order."""
        starts, ks, multis = self._collect(model)
        if overlap or not multis:
            return [(i, i + 1, k) for i, k in zip(starts, ks)] + multis
        kept, covered = self._longest(multis)
        return [(i, i + 1, k) for i, k in zip(starts, ks) if i not in covered] + kept

    def columns(self, model: TextModel) -> tuple[list[int], list[int], list[int]]:
        """The non-overlapping matches as three parallel lists: starts, ends (exclusive), entry indexes."""
        starts, ks, multis = self._collect(model)
        if multis:
            kept, covered = self._longest(multis)
            inside = list(map(covered.__contains__, starts))  # single-word matches inside a kept multi-word one
            if True in inside:
                outside = list(map(not_, inside))
                starts = list(compress(starts, outside))
                ks = list(compress(ks, outside))
        ends = list(map(add, starts, repeat(1)))
        if multis:
            for a, b, k in kept:
                starts.append(a)
                ends.append(b)
                ks.append(k)
        return starts, ends, ks

    def match(self, model: TextModel, overlap: bool = False) -> list[Match]:
        """All matches as :class:`~framing.lexicons.Match` objects, in text order."""
        entries = self.entries
        out = [Match(a, b, entries[k]) for a, b, k in self.spans(model, overlap)]
        out.sort(key=lambda m: (m.start, m.start - m.end))
        return out
