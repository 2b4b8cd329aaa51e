"""Speed of ``SourcingAnalyzer.analyze`` on already parsed AllSides text, with a regression dump.

    python benchmarks/sourcing_speed.py [--n 1000] [--repeat 3] [--dump FILE] [--check FILE] [--profile]

The first N articles of the AllSides corpus are cleaned (``Cleaner``) and
parsed (``TextModel``) as the pipeline does, their actor mentions found (a
fixed list of US politics actors) and each model's word index built; none of
that is timed. Then ``analyzer.analyze(ctx)`` runs over every document,
``--repeat`` times, and the best CPU time (``time.process_time``: other load on
a shared machine disturbs it less) gives words per second (words = the text
model's word tokens). The analyzer reads token offsets straight from the text
model, so no lazily computed span list of the model changes its time.

``--dump FILE`` writes what the analyzer returns for the first 500 documents
(attributions, sentence and mention columns, evidence, document metrics; JSON lines);
``--check FILE`` compares them with a dump made before a change and lists the
documents whose attributions differ (an optimisation must change none).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import time
from pathlib import Path

from allsides import CORPUS, US_ACTORS, read


def prepare(records: list[dict]) -> list:
    """Each record cleaned, parsed and its mentions found as the pipeline does, word index built."""
    from framing.actors import ActorSet
    from framing.corpus import Document
    from framing.pipeline import Pipeline

    pipe = Pipeline(actors=ActorSet.from_dict(US_ACTORS), analyzers=[])
    out = []
    for i, r in enumerate(records):
        ctx = pipe.context(Document(id=str(r.get("id", i)), text=r["text"]))
        ctx.model.index  # noqa: B018 - built before timing, as the pipeline shares it between analyzers
        out.append(ctx)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--dump", type=Path, help="write the attributions of the first 500 documents here")
    ap.add_argument("--check", type=Path, help="compare the attributions of the first 500 documents with a dump")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one pass")
    args = ap.parse_args()

    from framing.analyzers.sourcing import SourcingAnalyzer

    ctxs = prepare(read(args.n, args.corpus))
    analyzer = SourcingAnalyzer()
    words = sum(c.model.n_words for c in ctxs)
    if args.dump or args.check:
        rows = []
        for c in ctxs[:500]:
            r = analyzer.analyze(c)
            metrics = {k: (None if v != v else v) for k, v in r.metrics.items()}  # NaN is not equal to itself
            rows.append([r.tables["attributions"], r.sentences, r.mentions, [list(e) for e in r.evidence], metrics])
        if args.dump:
            with args.dump.open("w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r) + "\n")
            print(f"wrote {sum(len(r[0]) for r in rows):,} attributions of {len(rows)} documents to {args.dump}")
        if args.check:
            old = [json.loads(line) for line in args.check.open(encoding="utf-8")]
            rows = json.loads(json.dumps(rows))  # tuples become lists, as in the dump
            diff = [i for i, (a, b) in enumerate(zip(old, rows)) if a != b]
            n_old, n_new = sum(len(r[0]) for r in old), sum(len(r[0]) for r in rows)
            print(
                f"regression check (attributions, sentence and mention columns, evidence, document metrics): "
                f"{len(diff)} of {len(rows)} documents differ ({n_old:,} attributions before, {n_new:,} now)"
                + (f"; first: {diff[:10]}" if diff else "")
            )
    if args.profile:
        pr = cProfile.Profile()
        pr.enable()
        for c in ctxs:
            analyzer.analyze(c)
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(35)
    best = float("inf")
    for _ in range(args.repeat):
        analyzer = SourcingAnalyzer()  # a new instance: nothing learnt from an earlier pass over the same texts
        t0 = time.process_time()
        for c in ctxs:
            analyzer.analyze(c)
        best = min(best, time.process_time() - t0)
    print(f"{len(ctxs):,} AllSides articles, {words:,} words, SourcingAnalyzer.analyze (best of {args.repeat}, CPU):")
    print(f"  {words / best:>12,.0f} words/s ({best:.3f} s)")


if __name__ == "__main__":
    main()
