"""Throughput of framing against a bare tokenizer and VADER, measured in one run.

On the AllSides corpus (../shared/corpora/allsides), words per second of:

  (a) a bare compiled-regex tokenizer with spans,
  (b) vaderSentiment's polarity_scores over every sentence (regex sentence split),
  (c) framing's full analysis (cleaning, parsing, actors and every analyzer), one process,
  (d) the same with 2 worker processes,

then the ratios c/a, c/b and d/c, peak memory, and a scaling run (1,000, 4,000 and
12,000 documents, each in a fresh process streaming the documents table to a
Parquet file) showing that time grows linearly and memory stays flat. Runs in separate
processes differ by more than the machine's drift between them, so each scaling run also
prints the words per second of each quarter of its documents: linear time keeps them level.

Words are counted the same way for every contender: white-space separated tokens of
the raw text. CPU time of the measuring process is used for (a)-(c), so other load on
the machine disturbs the ratios less. (d) is work done in the workers, so it is timed by
the clock on the wall, and d/c compares it with the wall-clock time of (c) in the same
round. (a)-(d) are measured ``--rounds`` times, alternating, so that a shared machine's
drift falls on all four: each round gives its own ratios, and the median round is
reported with the range (the median round by c/b for (a)-(c), by d/c for (d)).

    python benchmarks/throughput.py                 # 2,000 documents for (a)-(d), then the scaling run
    python benchmarks/throughput.py --docs 1000 --no-scaling
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from allsides import CORPUS, peak_mb, read, resident_mb, setup, vader_pass


def bench_tokenizer(texts: list[str]) -> float:
    word = re.compile(r"\w+(?:[-'’.]\w+)*")
    t = time.process_time()
    for text in texts:
        [m.span() for m in word.finditer(text)]
    return time.process_time() - t


def bench_vader(texts: list[str]) -> float:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    t = time.process_time()
    vader_pass(analyzer, texts)
    return time.process_time() - t


def bench_framing(pipeline, corpus, n_jobs: int) -> tuple[float, float]:
    """(CPU seconds of this process, wall-clock seconds) of the full analysis with ``n_jobs`` processes."""
    from framing.run import process_documents

    t, c = time.perf_counter(), time.process_time()
    for _ in process_documents(pipeline, corpus, n_jobs=n_jobs, progress=False):
        pass
    return time.process_time() - c, time.perf_counter() - t


def scaling_child(n: int, path: str) -> None:
    """Run in a fresh process: stream n documents from the file through the full analysis to Parquet.

    Resident memory is sampled after each quarter of the documents, and the peak is read before
    anything else is loaded (the word count re-reads the documents after the run).
    """
    from framing.io import iter_documents
    from framing.score import score_to_file

    _, pipeline = setup(read(min(n, 2000), Path(path)))
    out = Path(tempfile.mkdtemp()) / "scores.parquet"
    quarters = {max(1, n * q // 4): q for q in (1, 2, 3, 4)}
    rss: list[float] = []
    clock: list[float] = []

    def documents():
        for i, d in enumerate(itertools.islice(iter_documents(path), n), 1):
            yield d
            if i in quarters:  # the document before this one has been analysed and written to the batch
                clock.append(time.perf_counter())
                rss.append(resident_mb())

    t = time.perf_counter()
    summary = score_to_file(
        documents(),
        out,
        actors=pipeline.actors,
        issues=pipeline.issues or False,
        progress=False,
    )
    elapsed = time.perf_counter() - t
    peak = peak_mb()
    per_doc = [len(r["text"].split()) for r in read(n, Path(path))]
    words = sum(per_doc)
    # words per second of each quarter on its own: the time grows linearly if these stay level
    bounds = [0, *sorted(quarters)]
    times = [t, *clock]
    rates = [sum(per_doc[bounds[q] : bounds[q + 1]]) / (times[q + 1] - times[q]) for q in range(len(clock))]
    print(
        json.dumps(
            {
                "docs": summary.written,
                "words": words,
                "seconds": elapsed,
                "peak_mb": peak,
                "rss_mb": rss,
                "quarter_rates": rates,
            }
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents for the (a)-(d) comparison")
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of (a)-(c) (default 3)")
    ap.add_argument("--no-scaling", action="store_true")
    ap.add_argument("--scaling", default="1000,4000,12000")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        scaling_child(args.child, args.corpus)
        return 0
    if not Path(args.corpus).exists():
        print(f"the AllSides corpus is not at {args.corpus}", file=sys.stderr)
        return 2
    records = read(args.docs, Path(args.corpus))
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    corpus, pipeline = setup(records)
    for d in corpus[:20]:  # warm caches (syllables, lexicon globs) as a long run would have them
        pipeline.process(d)
    print(
        f"{len(texts):,} AllSides documents, {words:,} words; analyzers: {', '.join(pipeline.analyzer_names)}; "
        f"{len(pipeline.actors or [])} discovered actors; {os.cpu_count()} cores"
    )
    rounds, parallel = [], []
    peak_c = 0.0
    for _ in range(max(1, args.rounds)):
        c_cpu, c_wall = bench_framing(pipeline, corpus, 1)
        rounds.append((bench_tokenizer(texts), bench_vader(texts), c_cpu))
        if not parallel:  # before any worker process: the one-process run's own peak
            peak_c = peak_mb()
        parallel.append((c_wall, bench_framing(pipeline, corpus, 2)[1]))
    # the median round by c/b, the ratio the acceptance is about, and by d/c; the others give the range
    rounds.sort(key=lambda r: r[1] / r[2])
    parallel.sort(key=lambda r: r[0] / r[1])
    a, b, c = rounds[len(rounds) // 2]
    c_wall, d = parallel[len(parallel) // 2]
    rate = {k: words / v for k, v in {"a": a, "b": b, "c": c, "d": d}.items()}
    print(f"median of {len(rounds)} alternating rounds of (a)-(d):")
    print(f"(a) bare regex tokenizer         {rate['a']:>12,.0f} words/s")
    print(f"(b) vaderSentiment per sentence  {rate['b']:>12,.0f} words/s")
    print(f"(c) framing, full analysis       {rate['c']:>12,.0f} words/s")
    print(f"(d) framing, 2 workers           {rate['d']:>12,.0f} words/s")
    print(
        f"c/a = {rate['c'] / rate['a']:.2f}   c/b = {rate['c'] / rate['b']:.2f}   d/c = {c_wall / d:.2f} (wall clock)"
    )
    if len(rounds) > 1:
        ca = sorted(ra / rc for ra, _, rc in rounds)
        cb = sorted(rb / rc for _, rb, rc in rounds)
        dc = [cw / dw for cw, dw in parallel]
        print(
            f"range over the rounds: c/a {ca[0]:.2f}-{ca[-1]:.2f}   c/b {cb[0]:.2f}-{cb[-1]:.2f}   "
            f"d/c {dc[0]:.2f}-{dc[-1]:.2f}"
        )
    print(f"peak memory of this process after (c): {peak_c:,.0f} MB")
    if not args.no_scaling:
        print("scaling (fresh process each; streaming the documents table to Parquet):")
        print(
            f"{'documents':>10} {'words':>12} {'seconds':>9} {'words/s':>10} {'peak MB':>9}   "
            "words/s in each quarter of the documents; resident MB after each quarter"
        )
        for n in [int(x) for x in args.scaling.split(",")]:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", str(n), "--corpus", args.corpus],
                capture_output=True,
                text=True,
                check=True,
            )
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            print(
                f"{r['docs']:>10,} {r['words']:>12,} {r['seconds']:>9.1f} {r['words'] / r['seconds']:>10,.0f} "
                f"{r['peak_mb']:>9,.0f}   {' / '.join(f'{x:,.0f}' for x in r['quarter_rates'])}; "
                f"{' / '.join(f'{x:,.0f}' for x in r['rss_mb'])}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
