"""The full pipeline of the working tree against that of an earlier git revision, side by side in one process.

    python benchmarks/pipeline_ab.py REV [--docs 400] [--repeat 5]

Both versions analyse the same AllSides articles (actors discovered from them, the seed issues), each with its
own package imported from a copy of ``framing`` at REV. Within each round the versions take turns every
``--chunk`` documents (25 by default; the order switched every chunk), so that a shared machine's drift, which
moves a whole pass by 15% or more, falls on both alike. Prints µs per word (CPU time of ``Pipeline.process``,
best round) and the ratio: the median of the rounds' paired ratios, with their range.

How fine a gain it tells: with whole passes alternating (``--chunk 0``), the working tree measured 1.06-1.09x
(median) against an identical revision in three runs, and paired rounds ranged 0.81-1.18; alternating every 25
documents, an identical revision measured 1.013x (0.976-1.039) and a change that made the sourcing analyzer
4.7% faster 1.015x (0.990-1.069). A gain under 2-3% is still not told apart.
"""

from __future__ import annotations

import argparse
import gc
import time

from allsides import alternate, baseline_package, print_ab, read, warmed_pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rev", help="the git revision to compare with (e.g. main, HEAD~3)")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--chunk", type=int, default=25, help="documents per turn (0: whole passes)")
    args = ap.parse_args()
    records = read(args.docs)
    words = sum(len(r["text"].split()) for r in records)
    versions = {
        "working tree": warmed_pipeline("framing", records),
        args.rev: warmed_pipeline(baseline_package(args.rev), records),
    }

    if args.chunk <= 0:
        runs = {name: _runner(*v) for name, v in versions.items()}
        best, ratios = alternate(runs, args.repeat, "working tree", args.rev)
    else:
        best, ratios = _alternate_chunks(versions, args.repeat, args.chunk, "working tree", args.rev)
    print_ab(best, ratios, words, args.docs, "working tree", args.rev)


def _runner(docs, pipeline):
    """A callable that times one whole pass of ``pipeline`` over ``docs``."""

    def run() -> float:
        gc.collect()
        t = time.process_time()
        for d in docs:
            pipeline.process(d)
        return time.process_time() - t

    return run


def _alternate_chunks(
    versions: dict, rounds: int, chunk: int, new: str, old: str
) -> tuple[dict[str, float], list[float]]:
    """Like ``allsides.alternate``, but the versions take turns every ``chunk`` documents within a round (which
    goes first switches every chunk): each version's best round in CPU seconds, and every round's old/new ratio."""
    n = len(next(iter(versions.values()))[0])
    best: dict[str, float] = {}
    ratios: list[float] = []
    for r in range(rounds):
        gc.collect()
        seconds = dict.fromkeys(versions, 0.0)
        for k, j in enumerate(range(0, n, chunk)):
            for name in (new, old) if (r + k) % 2 == 0 else (old, new):
                docs, pipeline = versions[name]
                t = time.process_time()
                for d in docs[j : j + chunk]:
                    pipeline.process(d)
                seconds[name] += time.process_time() - t
        for name, sec in seconds.items():
            best[name] = min(best.get(name, float("inf")), sec)
        ratios.append(seconds[old] / seconds[new])
    return best, ratios


if __name__ == "__main__":
    main()
