"""Where memory goes: the memos of a long streamed run, the duplicate index, and an in-memory Analysis.

    python benchmarks/memory.py memos [--docs 12000]      # replay the memos' lookups under several limits
    python benchmarks/memory.py tracker [--docs 200000]   # bytes per document of the duplicate tracker
    python benchmarks/memory.py analysis [--docs 2000]    # memory per document of an Analysis, packed or not
    python benchmarks/memory.py scores [--docs 4000]      # comparing from a streamed run's files (load_scores)

``memos`` runs the full analysis over the AllSides documents (``../shared`` beside the repository) with every
memo kept across documents recording its lookups (word types, syllable words, source phrases, run-together
tokens), then replays each record with a memo emptied when full (as the code does) under several limits and
prints the share of lookups that had to redo the work. ``framing/cache_limits.py`` quotes its figures.

``tracker`` feeds synthetic fingerprints (random 64-bit whole-text hashes, eight random CRC-32 sentence
hashes) to :class:`~framing.duplicates.DuplicateTracker` and to the plain dict it replaced, and prints the
bytes per document each holds at the end and at its peak (tracemalloc) and the time per document.

``analysis`` builds an :class:`~framing.analysis.Analysis` of the first AllSides documents as
``framing.analyze`` does, once with the results packed (:mod:`framing.packed`, the default) and once
as Python objects (``compact=False``, as before), each in a fresh process, and prints the resident
memory it adds per document once analysed, then once the documents, sentences, mentions and evidence
tables are built, the process's peak, and the CPU time of the analysis.

``scores`` streams the first AllSides documents to Parquet and to CSV with ``framing score``'s tables
(documents, sentences, mentions; 2 worker processes), then, in a fresh process per format, reads them back with
:func:`framing.load_scores` and compares the outlets on every metric (``n_boot=200``), printing the resident
memory the loaded tables add (per sentence), the process's peak and the time of each step.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Hashable, Iterable
from pathlib import Path

from allsides import CORPUS, peak_mb, read, resident_mb, setup

LIMITS = {
    "word types": (50_000, 100_000, 200_000, 400_000),
    "syllable words": (20_000, 50_000, 100_000, 500_000),
    "source phrases": (20_000, 30_000, 50_000, 200_000),
    "run-together tokens": (5_000, 20_000, 200_000),
}


def misses(stream: Iterable[Hashable], limit: int) -> int:
    """Lookups that miss a memo emptied when it holds more than ``limit`` entries."""
    memo: set[Hashable] = set()
    n = 0
    for key in stream:
        if key not in memo:
            n += 1
            if len(memo) > limit:
                memo.clear()
            memo.add(key)
    return n


def record_lookups(n_docs: int) -> dict[str, list[Hashable]]:
    """Every memo lookup of the full analysis over ``n_docs`` AllSides documents, per memo."""
    import framing.analyzers.readability as readability
    from framing.io import iter_documents
    from framing.run import process_documents
    from framing.termmatch import Vocabulary

    _, pipeline = setup(read(min(n_docs, 2000), CORPUS))
    streams: dict[str, list[Hashable]] = {name: [] for name in LIMITS}
    by_name = {a.name: a for a in pipeline.analyzers}

    def recording(name: str, base: type) -> type:
        class Recording(base):  # type: ignore[valid-type, misc]
            def get(self, key, default=None):
                streams[name].append(key)
                return base.get(self, key, default)

            def __getitem__(self, key):
                streams[name].append(key)
                return base.__getitem__(self, key)

        return Recording

    typer = by_name["sourcing"].finder.typer
    typer.memo = recording("source phrases", dict)()
    pipeline.cleaner._split_cache = recording("run-together tokens", dict)()
    old = by_name["readability"]._syllables
    counter = recording("syllable words", readability.SyllableCounter)(old.engine)
    counter.__dict__.update(old.__dict__)
    by_name["readability"]._syllables = counter
    update = Vocabulary.update

    def recorded_update(self, model):
        if model is not self._last:
            streams["word types"].extend(model.index)
        return update(self, model)

    Vocabulary.update = recorded_update
    try:
        for _ in process_documents(pipeline, itertools.islice(iter_documents(CORPUS), n_docs), progress=False):
            pass
    finally:
        Vocabulary.update = update
    return streams


class DictTracker:
    """The duplicate tracker as it was: every hash a Python int in a dict, mapped to the first id."""

    def __init__(self, min_shared: int = 6) -> None:
        self.min_shared = min_shared
        self.whole: dict[int, str] = {}
        self.sketch: dict[int, str] = {}

    def check(self, doc_id: str, whole: int, sketch: tuple[int, ...]) -> tuple[str, str] | None:
        if whole in self.whole:
            return self.whole[whole], "exact"
        self.whole[whole] = doc_id
        shared = Counter(self.sketch[h] for h in sketch if h in self.sketch)
        for h in sketch:
            self.sketch.setdefault(h, doc_id)
        if shared and max(shared.values()) >= min(self.min_shared, len(sketch) - 1):
            return max(shared.items(), key=lambda kv: (kv[1], kv[0]))[0], "near"
        return None


def tracker(n_docs: int) -> None:
    from framing.duplicates import DuplicateTracker

    rng = random.Random(0)
    docs = [
        (f"doc-{i:08d}", rng.getrandbits(64), tuple(sorted(rng.getrandbits(32) for _ in range(8))))
        for i in range(n_docs)
    ]
    print(f"{n_docs:,} synthetic documents (ids allocated beforehand, so not counted):")
    for name, make in (("dict of Python ints", DictTracker), ("DuplicateTracker", DuplicateTracker)):
        t = time.process_time()
        tr = make()
        for d in docs:
            tr.check(*d)
        seconds = time.process_time() - t
        tracemalloc.start()
        tr = make()
        for d in docs:
            tr.check(*d)
        now, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"  {name:<20} {now / n_docs:6.0f} bytes/document at the end, {peak / n_docs:6.0f} at the peak, "
            f"{seconds / n_docs * 1e6:5.1f} µs/document (untraced)"
        )


def analysis_child(n_docs: int, compact: bool) -> None:
    """One measurement of :func:`analysis`, in this (fresh) process; prints one JSON line."""
    import gc

    from framing.analysis import Analysis
    from framing.run import process_documents

    corpus, pipeline = setup(read(n_docs, CORPUS))
    for d in corpus[:20]:
        pipeline.process(d)  # the lexicons' caches, as a long run has them, are not the Analysis's memory
    gc.collect()
    before = resident_mb()
    t = time.process_time()
    a = Analysis(corpus, pipeline, process_documents(pipeline, corpus, progress=False, packed=compact), compact=compact)
    seconds = time.process_time() - t
    gc.collect()
    analysed = resident_mb()
    for name in ("documents", "sentences", "mentions", "evidence"):
        getattr(a, name)
    gc.collect()
    tables = resident_mb()
    peak = peak_mb()
    print(json.dumps(dict(before=before, analysed=analysed, tables=tables, peak=peak, seconds=seconds)))


def analysis(n_docs: int) -> None:
    print(f"An Analysis of {n_docs:,} AllSides documents, each way in a fresh process (resident memory added):")
    for compact in (True, False):
        cmd = [sys.executable, __file__, "analysis-child", "--docs", str(n_docs)] + ([] if compact else ["--loose"])
        r = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
        per_doc = 1000 / n_docs  # MB per document → KB
        print(
            f"  {'packed (default)' if compact else 'Python objects':<17} "
            f"analysed {(r['analysed'] - r['before']) * per_doc:6.1f} KB/document, "
            f"with the tables {(r['tables'] - r['before']) * per_doc:6.1f} KB/document; "
            f"peak {r['peak']:,.0f} MB; analysis {r['seconds'] / n_docs * 1000:.2f} ms/document (CPU)"
        )


def scores_child(path: str) -> None:
    """One measurement of :func:`scores`, in this (fresh) process; prints one JSON line."""
    import gc

    import pyarrow.parquet  # noqa: F401 (imported by the reading; a fixed cost, like the analyzers below)

    from framing.pipeline import build_analyzers
    from framing.saved import load_scores

    start = resident_mb()
    build_analyzers(None)  # the metrics' definitions: the analyzers and their lexicons, a cost of its own
    gc.collect()
    before = resident_mb()
    t = time.perf_counter()
    s = load_scores(path)
    _ = s.sentences, s.mentions
    load = time.perf_counter() - t
    gc.collect()
    loaded = resident_mb()
    t = time.perf_counter()
    table = s.compare(n_boot=200)
    compare = time.perf_counter() - t
    out = dict(start=start, before=before, loaded=loaded, peak=peak_mb(), load=load, compare=compare, rows=len(table))
    out.update(sentences=len(s.sentences), mentions=len(s.mentions), groups=int(table["group"].nunique()))
    out["frames"] = sum(_frame_bytes(f) for f in (s.documents, s.sentences, s.mentions)) / 1e6
    print(json.dumps(out))


def _frame_bytes(df) -> int:
    """Bytes of a DataFrame, counting an object shared by many cells once (the tuple of a sentence's issues)."""
    total = 0
    for c in df.columns:
        col = df[c]
        if col.dtype == object:
            total += 8 * len(col) + sum(sys.getsizeof(v) for v in {id(v): v for v in col}.values())
        else:
            total += int(col.memory_usage(index=False, deep=True))
    return total


def scores(n_docs: int) -> None:
    import tempfile

    from framing.score import score_to_file

    corpus, pipeline = setup(read(n_docs, CORPUS))
    print(f"{n_docs:,} AllSides documents scored with the documents, sentences and mentions tables, then compared")
    print("on every metric from the files (load_scores, compare with n_boot=200), each format in a fresh process:")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("parquet", "csv"):
            path = Path(tmp) / f"scores.{fmt}"
            t = time.perf_counter()
            score_to_file(
                corpus,
                path,
                actors=pipeline.actors,
                issues=pipeline.issues,
                n_jobs=2,
                progress=False,
                tables=("documents", "sentences", "mentions"),
            )
            scored = time.perf_counter() - t
            size = sum(f.stat().st_size for f in Path(tmp).glob(f"scores*.{fmt}")) / 1e6
            cmd = [sys.executable, __file__, "scores-child", "--path", str(path)]
            r = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
            added = r["loaded"] - r["before"]
            print(
                f"  {fmt:<8} scored in {scored:5.1f} s ({size:,.0f} MB of files); loaded in {r['load']:5.1f} s: "
                f"{r['sentences']:,} sentences, {r['mentions']:,} mentions, {added:,.0f} MB "
                f"({added * 1e6 / r['sentences']:.0f} bytes per sentence; the tables' own {r['frames']:,.0f} MB; "
                f"the analyzers' definitions {r['before'] - r['start']:,.0f} MB); compared in {r['compare']:5.1f} s "
                f"({r['rows']:,} rows, {r['groups']} groups); peak {r['peak']:,.0f} MB"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("memos", "tracker", "analysis", "analysis-child", "scores", "scores-child"))
    ap.add_argument(
        "--docs",
        type=int,
        help="documents (default: 12000 for memos, 200000 for tracker, 2000 for analysis, 4000 for scores)",
    )
    ap.add_argument("--loose", action="store_true", help=argparse.SUPPRESS)  # analysis-child: compact=False
    ap.add_argument("--path", help=argparse.SUPPRESS)  # scores-child: the run's output
    args = ap.parse_args()
    if args.what == "tracker":
        tracker(args.docs or 200_000)
        return
    if args.what == "analysis":
        analysis(args.docs or 2000)
        return
    if args.what == "scores":
        scores(args.docs or 4000)
        return
    if args.what == "scores-child":
        scores_child(args.path)
        return
    if args.what == "analysis-child":
        analysis_child(args.docs or 2000, compact=not args.loose)
        return
    streams = record_lookups(args.docs or 12_000)
    for name, stream in streams.items():
        print(f"{name}: {len(stream):,} lookups, {len(set(stream)):,} distinct")
        for limit in LIMITS[name]:
            m = misses(stream, limit)
            print(f"  limit {limit:>8,}: {m:>9,} misses ({m / len(stream):.1%})")


if __name__ == "__main__":
    main()
