"""Reporting-verb hits of a document, as the sourcing analyzer reads them.

The same matches as :meth:`framing.lexicons.Lexicon.match` (non-overlapping,
the longest entry first at each position; multi-word entries inside one
sentence), without its general machinery: single words are looked up in the
document's word index, multi-word entries by their anchor word (the one
:class:`~framing.lexicons.Lexicon` chose), and each hit comes out as a plain
tuple ``(start, end, info)`` whose ``info`` holds the entry's fields already
read (lemma, frame, category, loading, direction, needs, weight, noun). A
lexicon with glob entries (``report*``) is matched by the lexicon itself.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..lexicons import Lexicon, LexiconEntry
from ..text import TextModel

__all__ = ["CueMatcher", "cue_info"]

#: The fields a cue takes from its lexicon entry, in the order of :class:`sourcing_patterns._Cue`.
CueInfo = tuple[str, str, str, bool, str, str, float, bool]


def cue_info(e: LexiconEntry) -> CueInfo:
    """(lemma, frame, category, loaded, direction, needs, weight, noun) of a reporting-verb entry."""
    x = e.extra
    return (
        x.get("lemma", e.term),
        x.get("frame", "say"),
        e.category,
        x.get("loading") == "loaded",
        x.get("direction", ""),
        x.get("needs", ""),
        e.weight,
        x.get("noun") == "yes",
    )


class CueMatcher:
    """Compiled once per lexicon; :meth:`hits` is pure."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.infos: list[CueInfo] = [cue_info(e) for e in lexicon.entries]
        # the lexicon's own compiled tables (read, never changed); should they ever be missing, the lexicon matches
        self._single: dict[str, tuple[int, ...]] = getattr(lexicon, "_single", {})
        self._anchored: dict[str, tuple[tuple[int, tuple[str, ...], int], ...]] = getattr(lexicon, "_anchored", {})
        self._keys: frozenset[str] = getattr(lexicon, "_keys", frozenset())
        self._general = (
            not hasattr(lexicon, "_keys")
            or bool(getattr(lexicon, "_globs", True))
            or bool(getattr(lexicon, "_multi_glob", True))
        )

    def hits(self, model: TextModel) -> list[tuple[int, int, CueInfo]]:
        """``(first token, end token, info)`` of every match, in text order (see the module docstring)."""
        infos = self.infos
        if self._general:
            index_of = {id(e): k for k, e in enumerate(self.lexicon.entries)}
            return [(m.start, m.end, infos[index_of[id(m.entry)]]) for m in self.lexicon.match(model)]
        index = model.index
        keys = self._keys
        single = self._single
        anchored = self._anchored
        found: list[tuple[int, int, int, int]] = []  # (start, -length, entry, end): sorts as the lexicon does
        for w in keys.intersection(index) if len(keys) > len(index) else [w for w in index if w in keys]:
            positions = index[w]
            for k in single.get(w, ()):
                found += [(i, -1, k, i + 1) for i in positions]
            multi = anchored.get(w)
            if multi:
                tokens = model.tokens
                st = model.sent_tok
                for a, words, k in multi:
                    n = len(words)
                    for p in positions:
                        i = p - a
                        if i < 0:
                            continue
                        s = bisect.bisect_right(st, p) - 1
                        if i >= st[s] and i + n <= st[s + 1] and tuple(tokens[i : i + n]) == words:
                            found.append((i, -n, k, i + n))
        if len(found) < 2:
            return [(i, e, infos[k]) for i, _, k, e in found]
        found.sort()
        out: list[tuple[int, int, Any]] = []
        last_start = last_end = -1
        for i, _, k, e in found:
            if i < last_end and i != last_start:
                continue  # starts inside the previous match
            if i == last_start and e != last_end:
                continue  # a shorter entry at the same place
            out.append((i, e, infos[k]))
            last_start, last_end = i, e
        return out
