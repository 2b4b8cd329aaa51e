"""Flagging exact and near-duplicate documents (wire copies, pages scraped twice).

Each document is summarised by a hash of its whole word sequence (exact
duplicates) and by a bottom-k sketch of its sentences: the ``k`` smallest
CRC-32 values of its lower-cased sentences of six words or more (Broder 1997). Two
documents whose sketches share at least ``min_shared`` of ``k`` hashes have an
estimated sentence-set Jaccard similarity of about ``min_shared / k`` and are
flagged as near duplicates. Memory stays at ``k + 1`` integers per document, so
the check streams over millions of articles. Hashes (BLAKE2 for the whole
text, CRC-32 for sentences) are stable across processes and runs, unlike
Python's ``hash``, which is salted per process.

A flagged document is still analysed; its status becomes a warning naming the
earlier document it repeats, and ``duplicate_of`` holds that id.

Reference: Broder, A. Z. (1997). On the resemblance and containment of
documents. *Compression and Complexity of Sequences*, 21–29.
"""

from __future__ import annotations

import hashlib
import heapq
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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


@dataclass
class DuplicateTracker:
    """Remembers the documents seen so far and says whether a new one repeats one of them."""

    k: int = 8
    min_shared: int = 6
    _whole: dict[int, str] = field(default_factory=dict)
    _sketch: dict[int, str] = field(default_factory=dict)

    def check(self, doc_id: str, whole: int, sketch: tuple[int, ...]) -> tuple[str, str] | None:
        """``(earlier_id, note)`` if ``doc_id`` duplicates an earlier document, else ``None``; then remembers it."""
        earlier = self._whole.get(whole)
        if earlier is not None:
            return earlier, f"exact duplicate of {earlier}"
        self._whole[whole] = doc_id
        found = None
        if len(sketch) >= 3:
            shared = Counter(self._sketch[h] for h in sketch if h in self._sketch)
            need = min(self.min_shared, len(sketch) - 1)
            if shared:
                other, n = max(shared.items(), key=lambda kv: (kv[1], kv[0]))
                if n >= need:
                    found = (other, f"near duplicate of {other} ({n} of {len(sketch)} sampled sentences shared)")
        for h in sketch:
            self._sketch.setdefault(h, doc_id)
        return found
