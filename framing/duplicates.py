"""Flagging exact and near-duplicate documents (wire copies, pages scraped twice).

Each document is summarised by a hash of its whole word sequence (exact
duplicates) and by a bottom-k sketch of its sentences: the ``k`` smallest
CRC-32 values of its lower-cased sentences of six words or more (Broder 1997). Two
documents whose sketches share at least ``min_shared`` of ``k`` hashes have an
estimated sentence-set Jaccard similarity of about ``min_shared / k`` and are
flagged as near duplicates. Memory is ``k + 1`` hashes per document, kept in
sorted arrays at 12 bytes each: about 160 bytes per document with the index's
other overhead, plus the document's id, so the check streams over millions of
articles. Hashes (BLAKE2 for the whole text, CRC-32 for sentences) are stable across processes and runs, unlike
Python's ``hash``, which is salted per process.

A flagged document is still analysed; its status becomes a warning naming the
earlier document it repeats, and ``duplicate_of`` holds that id.

Reference: Broder, A. Z. (1997). On the resemblance and containment of
documents. *Compression and Complexity of Sequences*, 21–29.
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .text import TextModel

__all__ = ["DuplicateTracker", "fingerprint", "stable_hash"]

MIN_SENTENCE_WORDS = 6


def stable_hash(text: str) -> int:
    """A 64-bit hash of ``text`` that is the same in every process and run."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def fingerprint(model: TextModel, k: int = 8) -> tuple[int, tuple[int, ...]]:
    """(hash of the whole text, bottom-k CRC-32s of the sentences with at least six words).

    CRC-32 (zlib, in C) is enough for sentence sketches: a near duplicate needs several
    of the k smallest values to match, which chance collisions do not produce.
    """
    whole = stable_hash(" ".join(model.tokens))
    st, starts, ends = model.sent_tok, model.sent_starts, model.sent_ends
    lower_text = model.lower_text
    hashes = {
        zlib.crc32(lower_text(starts[s], ends[s]).encode("utf-8", "surrogatepass"))
        for s in range(len(starts))
        if st[s + 1] - st[s] >= MIN_SENTENCE_WORDS
    }
    return whole, tuple(heapq.nsmallest(k, hashes))


_U64 = (1 << 64) - 1


class _HashIndex:
    """hash → the number of the first document that had it, in about 12 bytes per hash.

    New hashes go into a dict; when it holds ``buffer`` of them they are merged into
    one sorted pair of arrays (unsigned 64-bit hashes, 32-bit document numbers), so a
    million documents' nine hashes each take about 110 MB of arrays rather than some
    600 MB of Python ints in a dict. A hash is stored once, with the first document that had it.
    Hashes outside the unsigned 64-bit range are folded into it (two's complement).
    """

    def __init__(self, buffer: int = 1 << 17) -> None:
        self._buffer = buffer
        self._recent: dict[int, int] = {}
        self._keys = np.zeros(0, dtype=np.uint64)
        self._docs = np.zeros(0, dtype=np.uint32)
        # (the type: ignore[arg-type] on memoryview(array): ndarray has the buffer protocol in every Python, but
        # numpy's stubs declare its ``__buffer__`` only from Python 3.12)
        self._key_view = memoryview(self._keys)  # type: ignore[arg-type]  # numpy stub, see above
        self._doc_view = memoryview(self._docs)  # type: ignore[arg-type]  # numpy stub, see above

    def __len__(self) -> int:
        return len(self._recent) + len(self._keys)

    def get(self, key: int) -> int | None:
        return self.get_many((key,))[0]

    def get_many(self, keys: tuple[int, ...]) -> list[int | None]:
        recent = self._recent
        sorted_keys, docs = self._key_view, self._doc_view
        n = len(sorted_keys)
        found: list[int | None] = []
        for k in keys:
            k &= _U64
            d = recent.get(k)
            if d is None and n:
                i = bisect.bisect_left(sorted_keys, k)  # on a memoryview: no array scalars, about 1 µs
                if i < n and sorted_keys[i] == k:
                    d = docs[i]
            found.append(d)
        return found

    def add(self, keys: tuple[int, ...], known: list[int | None], doc: int) -> None:
        """Remember for ``doc`` each of ``keys`` whose ``known`` entry (from :meth:`get_many`) is ``None``."""
        recent = self._recent
        for k, d in zip(keys, known):
            if d is None:
                recent.setdefault(k & _U64, doc)  # a key twice in ``keys``: the first one stays
        if len(recent) >= self._buffer:
            self._merge()

    def _merge(self) -> None:
        """Insert the dict's hashes into the sorted arrays (one new copy of each: no transient 3×)."""
        keys = np.fromiter(self._recent.keys(), dtype=np.uint64, count=len(self._recent))
        docs = np.fromiter(self._recent.values(), dtype=np.uint32, count=len(self._recent))
        order = np.argsort(keys)
        keys, docs = keys[order], docs[order]
        at = np.searchsorted(self._keys, keys)  # the dict's hashes are not in the arrays: no ties to break
        self._keys = np.insert(self._keys, at, keys)
        self._docs = np.insert(self._docs, at, docs)
        # (type: ignore[arg-type]: numpy's stubs, see __init__)
        self._key_view, self._doc_view = memoryview(self._keys), memoryview(self._docs)  # type: ignore[arg-type]
        self._recent = {}


@dataclass
class DuplicateTracker:
    """Remembers the documents seen so far and says whether a new one repeats one of them.

    Memory grows with the number of documents (about 160 bytes per document, measured on
    200,000 synthetic fingerprints, plus its id); everything else in a streamed run is bounded.
    """

    k: int = 8
    min_shared: int = 6
    _ids: list[str] = field(default_factory=list)
    _whole: _HashIndex = field(default_factory=_HashIndex)
    _sketch: _HashIndex = field(default_factory=_HashIndex)

    def check(self, doc_id: str, whole: int, sketch: tuple[int, ...]) -> tuple[str, str] | None:
        """``(earlier_id, note)`` if ``doc_id`` duplicates an earlier document, else ``None``; then remembers it."""
        ids = self._ids
        earlier = self._whole.get(whole)
        if earlier is not None:
            return ids[earlier], f"exact duplicate of {ids[earlier]}"
        n = len(ids)
        ids.append(doc_id)
        self._whole.add((whole,), [None], n)
        known = self._sketch.get_many(sketch)
        found = None
        if len(sketch) >= 3:
            shared = Counter(ids[d] for d in known if d is not None)
            need = min(self.min_shared, len(sketch) - 1)
            if shared:
                other, count = max(shared.items(), key=lambda kv: (kv[1], kv[0]))
                if count >= need:
                    found = (other, f"near duplicate of {other} ({count} of {len(sketch)} sampled sentences shared)")
        self._sketch.add(sketch, known, n)
        return found
