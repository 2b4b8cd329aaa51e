"""How many entries each memo kept across documents may hold before it is emptied.

The analyzers remember work that depends only on a word or a phrase (a word's
syllables, the entries a word type anchors, how a source phrase is typed, where
a run-together token splits), so a long run does it once per spelling rather
than once per occurrence. Each memo is emptied when it reaches its limit, and
the results are the same with or without it (``tests/test_cache_limits.py``
runs the seed corpus with limits of a few entries and compares every table).
With these limits the memos together stay under about 40 MB, so the memory of a
streamed run stops growing once they are full, whatever the corpus size.

Measured on the 12,000 AllSides articles with ``python benchmarks/memory.py memos``:
after all of them, 117,000 word types, 116,000 distinct words for syllables,
91,000 distinct source phrases and 30,000 candidate run-together tokens had been
met. Replaying that run's lookups with the limits below, the share of lookups
that must redo the work grows from 2.3% to 3.2% (word types), 1.0% to 1.4%
(syllables), 31% to 39% (source phrases) and 39% to 46% (run-together tokens):
some 125,000 extra small computations in a 130-second run, each 4-25 µs by
``python benchmarks/core_speed.py --profile`` (``count_syllables``, ``classify``),
so at most about 1% of the run.

The limits are read when a memo is full, so a test or a caller may change them
(``framing.cache_limits.WORD_TYPES = 10``) before or during a run.
"""

from __future__ import annotations

#: Word types in a :class:`~framing.termmatch.Vocabulary` (about 100 bytes each, with the matchers' entries).
WORD_TYPES = 100_000
#: Words in a :class:`~framing.analyzers.readability.SyllableCounter` (about 90 bytes each).
SYLLABLES = 100_000
#: Source phrases typed by the sourcing analyzer (about 370 bytes each).
SOURCE_PHRASES = 30_000
#: Run-together token candidates of the cleaner's word-splitting repair (about 90 bytes each).
SPLIT_TOKENS = 20_000
#: Words matched against a lexicon's wildcard entries (about 90 bytes each).
GLOB_WORDS = 100_000
