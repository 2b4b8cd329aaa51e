"""The full pipeline of the working tree against that of an earlier git revision, side by side in one process.

    python benchmarks/pipeline_ab.py REV [--docs 400] [--repeat 5]

Both versions analyse the same AllSides articles (actors discovered from them, the seed issues), each with its
own package imported from a copy of ``framing`` at REV; the versions alternate, the order switched every round,
so that a shared machine's drift falls on both. Prints µs per word (CPU time of ``Pipeline.process``, best
round) and the ratio: the median of the rounds' paired ratios, with their range. Even so, the working tree
measured 1.06-1.09x (median) against an identical revision in three runs on this machine, whichever was
built first: a gain under about 1.1x is not told from that bias.
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
    args = ap.parse_args()
    records = read(args.docs)
    words = sum(len(r["text"].split()) for r in records)
    versions = {
        "working tree": warmed_pipeline("framing", records),
        args.rev: warmed_pipeline(baseline_package(args.rev), records),
    }

    def runner(docs, pipeline):
        def run() -> float:
            gc.collect()
            t = time.process_time()
            for d in docs:
                pipeline.process(d)
            return time.process_time() - t

        return run

    runs = {name: runner(*v) for name, v in versions.items()}
    best, ratios = alternate(runs, args.repeat, "working tree", args.rev)
    print_ab(best, ratios, words, args.docs, "working tree", args.rev)


if __name__ == "__main__":
    main()
