"""Fast matching of a large term list (issue patterns, the frame lexicon) against a text model.

:class:`TermMatcher` gives the same matches as
:meth:`framing.lexicons.Lexicon.match` (longest first and non-overlapping, or
all of them with ``overlap=True``; multi-word terms never cross sentences;
trailing-``*`` globs), but is built for lexicons with hundreds of globs matched
against many documents:

* each word *type* is resolved once to the entries it can start (exact terms,
  and globs found through a dictionary per prefix length rather than a regular
  expression); the resolution is cached across documents, so a document's
  words are intersected with the words known to start an entry by set
  operations (in C), and only new words are looked at in Python;
* the longest-match rule only concerns places where a multi-word entry
  matched, so single-word matches are filtered against the (few) positions
  multi-word matches cover instead of being sorted and swept.

Matches are returned as plain ``(start, end, entry_index)`` tuples by
:meth:`TermMatcher.spans` (the fast path) or as
:class:`~framing.lexicons.Match` objects by :meth:`TermMatcher.match`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from .lexicons import Lexicon, LexiconEntry, Match
from .text import TextModel

__all__ = ["TermMatcher"]

_CACHE_MAX = 400_000


class TermMatcher:
    """A compiled, cached matcher for the entries of a :class:`~framing.lexicons.Lexicon`."""

    def __init__(self, lexicon: Lexicon | Iterable[LexiconEntry]) -> None:
        entries = lexicon.entries if isinstance(lexicon, Lexicon) else tuple(lexicon)
        self.entries: tuple[LexiconEntry, ...] = tuple(e for e in entries if e.words)
        exact: dict[str, list[int]] = {}
        prefixes: dict[int, dict[str, list[int]]] = {}
        for k, e in enumerate(self.entries):
            first = e.words[0]
            if first.endswith("*"):
                p = first[:-1]
                prefixes.setdefault(len(p), {}).setdefault(p, []).append(k)
            else:
                exact.setdefault(first, []).append(k)
        self._exact = {w: tuple(ks) for w, ks in exact.items()}
        self._prefixes = sorted((n, {p: tuple(ks) for p, ks in d.items()}) for n, d in prefixes.items())
        self._single = tuple(len(e.words) == 1 for e in self.entries)
        # the rest of each multi-word entry: (words, has a glob)
        self._rest: list[tuple[tuple[str, ...], bool]] = [
            (e.words[1:], any(w.endswith("*") for w in e.words[1:])) for e in self.entries
        ]
        # word -> (single-word entries, multi-word entries by their second word, those whose second word is a glob)
        self._resolved: dict[str, tuple[tuple[int, ...], dict[str, tuple[int, ...]], tuple[int, ...]]] = {}
        self._seen: set[str] = set()
        self._hits: set[str] = set()

    def _resolve(self, word: str) -> None:
        ks = self._exact.get(word, ())
        n = len(word)
        for length, table in self._prefixes:
            if length > n:
                break
            hit = table.get(word[:length])
            if hit:
                ks = ks + hit
        if ks:
            single = tuple(k for k in ks if self._single[k])
            by_second: dict[str, list[int]] = {}
            glob_second: list[int] = []
            for k in ks:
                if self._single[k]:
                    continue
                second = self._rest[k][0][0]
                if second.endswith("*"):
                    glob_second.append(k)
                else:
                    by_second.setdefault(second, []).append(k)
            second_map = {t: tuple(v) for t, v in by_second.items()}
            self._resolved[word] = (single, second_map, tuple(glob_second))
            self._hits.add(word)
        self._seen.add(word)

    def _words(self, model: TextModel) -> set[str]:
        """The document's word types that start at least one entry."""
        types = set(model.index)
        if len(self._seen) > _CACHE_MAX:
            self._seen.clear()
        # set.difference / set.intersection iterate over the smaller operand: the document's few hundred types
        for w in types.difference(self._seen):
            self._resolve(w)
        return types.intersection(self._hits)

    def _collect(self, model: TextModel) -> tuple[list[int], list[int], list[tuple[int, int, int]]]:
        """Single-word matches as parallel lists (starts, entries) and multi-word matches as tuples."""
        index = model.index
        resolved = self._resolved
        rest = self._rest
        tokens = model.tokens
        n_tok = len(tokens)
        st = model.sent_tok
        starts: list[int] = []
        ks: list[int] = []
        multis: list[tuple[int, int, int]] = []
        for w in self._words(model):
            positions = index[w]
            single, second_map, glob_second = resolved[w]
            for k in single:
                starts.extend(positions)
                ks.extend([k] * len(positions))
            if not second_map and not glob_second:
                continue
            for i in positions:
                if i + 1 >= n_tok:
                    continue
                t = tokens[i + 1]
                cands = second_map.get(t, ())
                if glob_second:
                    cands = cands + tuple(k for k in glob_second if t.startswith(rest[k][0][0][:-1]))
                for k in cands:
                    words, has_glob = rest[k]
                    end = i + 1 + len(words)
                    if end > n_tok:
                        continue
                    if len(words) > 1:
                        if has_glob:
                            if not all(
                                t2.startswith(p[:-1]) if p.endswith("*") else t2 == p
                                for p, t2 in zip(words[1:], tokens[i + 2 : end])
                            ):
                                continue
                        elif tuple(tokens[i + 2 : end]) != words[1:]:
                            continue
                    if end <= st[bisect.bisect_right(st, i)]:
                        multis.append((i, end, k))
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
        ends = [i + 1 for i in starts]
        if multis:
            kept, covered = self._longest(multis)
            if covered:
                keep = [j for j, i in enumerate(starts) if i not in covered]
                if len(keep) < len(starts):
                    starts = [starts[j] for j in keep]
                    ends = [ends[j] for j in keep]
                    ks = [ks[j] for j in keep]
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
