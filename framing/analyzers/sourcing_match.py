"""Reporting-verb hits of a document, as the sourcing analyzer reads them: the lexicon's matches
(:meth:`framing.lexicons.Lexicon.hits`), each as a plain tuple ``(start, end, info)`` whose ``info`` holds
the entry's fields already read (lemma, frame, category, loading, direction, needs, weight, noun).
"""

from __future__ import annotations

from ..lexicons import EntryHits, Lexicon, LexiconEntry

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


class CueMatcher(EntryHits):
    """Compiled once per lexicon; :meth:`hits` is pure."""

    def __init__(self, lexicon: Lexicon) -> None:
        super().__init__(lexicon, cue_info)
