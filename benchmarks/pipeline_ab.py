"""The full pipeline of the working tree against that of an earlier git revision, side by side in one process.

    python benchmarks/pipeline_ab.py REV [--docs 400] [--repeat 3]

Both versions analyse the same AllSides articles (actors discovered from them, the seed issues), each with its
own package imported from a copy of ``framing`` at REV; the versions alternate in every round so that a shared
machine's drift falls on both, and the best round of each is kept. Prints µs per word (CPU time of
``Pipeline.process``) and the ratio. Use it to tell a change's gain from the machine's noise, which moves one
run of ``throughput.py`` by ±15%.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import time

from allsides import ROOT, baseline_package, read


def build(package: str, records: list[dict]):
    """The corpus and a warmed pipeline of one version of the package."""
    fr = importlib.import_module(package)
    corpus = fr.Corpus.from_records(records)
    actors = fr.ActorSet.discover(corpus, top=20)
    corpus = list(corpus)
    issues = importlib.import_module(f"{package}.run").resolve_issues(str(ROOT / "seeds" / "issues.yaml"))
    pipeline = importlib.import_module(f"{package}.pipeline").Pipeline(actors=actors, issues=issues)
    for d in corpus[:20]:  # warm per-instance caches as a long run has them
        pipeline.process(d)
    return corpus, pipeline


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rev", help="the git revision to compare with (e.g. main, HEAD~3)")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    records = read(args.docs)
    words = sum(len(r["text"].split()) for r in records)
    versions = {"working tree": build("framing", records), args.rev: build(baseline_package(args.rev), records)}
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, (docs, pipeline) in versions.items():
            gc.collect()
            t = time.process_time()
            for d in docs:
                pipeline.process(d)
            best[name] = min(best.get(name, float("inf")), time.process_time() - t)
    print(f"{args.docs:,} AllSides articles, {words:,} words, best of {args.repeat} (CPU time of Pipeline.process):")
    for name, seconds in best.items():
        print(f"  {name:<14} {seconds / words * 1e6:6.2f} µs/word  {words / seconds:>10,.0f} words/s")
    print(f"  working tree / {args.rev}: {best[args.rev] / best['working tree']:.2f}x")


if __name__ == "__main__":
    main()
