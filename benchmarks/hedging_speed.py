"""Speed of ``HedgingAnalyzer.analyze`` and ``Readability.analyze`` on parsed AllSides text, with a regression dump.

    python benchmarks/hedging_speed.py [--n 1000] [--repeat 3] [--dump FILE] [--check FILE] [--profile]
                                       [--no-pipeline] [--baseline REV]

Setup (not timed): the first N articles of the AllSides corpus; actors from
``ActorSet.discover(corpus, top=20)``; the seed issue set; every article made
into a :class:`~framing.analyzers.base.DocContext` by ``Pipeline.context``
(cleaning, parsing, word repair, mentions), then parsed again into a fresh
text model (no token span computed yet) before each pass.

Timed (CPU time, ``time.process_time``, best of ``--repeat`` passes; words =
the text model's word tokens):

(a) *alone*: ``Readability.analyze`` over every document, then
    ``HedgingAnalyzer.analyze`` over every document (without the sourcing
    analyzer's attributions: the quotation-mark fallback);
(b) *in the pipeline*: the default analyzers in their order (readability,
    issues, frames, sourcing, hedging, stance) document by document, each
    analyzer's time summed separately (hedging then reads the sourcing
    attributions, and work shared through the text model is charged to
    whoever needs it first).

``--dump FILE`` pickles what both analyzers return (sentence columns, mention
columns, evidence rows, document metrics) for the first 500 articles and the 5
seed documents (actors discovered from those 500): readability (rules and Pyphen syllables), hedging alone (the
fallback attribution), hedging with ``rules=False`` and hedging after the
sourcing analyzer, as in the pipeline. ``--check FILE`` compares with such a
dump made before a change (an optimisation must change nothing).
``--profile`` prints a cProfile of one pass of both analyzers inside the
pipeline. ``--baseline REV`` times the two analyzers of an earlier git
revision too, alternating with the working tree's in every pass, so that the
ratio holds even when the machine is shared and absolute times drift.
"""

from __future__ import annotations

import cProfile
import gc
import math
import pickle
import pstats
import time

from allsides import baseline_package, contexts, prepare, read, speed_arguments, time_in_pipeline

N_DUMP = 500


def _plain(r) -> tuple:
    metrics = {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.metrics.items()}
    return (r.sentences, r.mentions, [tuple(e) for e in r.evidence], metrics)


def dump_rows(prepared, actors, issues) -> list:
    """Per document: readability (rules, pyphen), hedging alone, hedging without rules, hedging after sourcing."""
    from framing.analyzers.hedging import HedgingAnalyzer
    from framing.analyzers.readability import Readability
    from framing.pipeline import build_analyzers

    variants = [Readability(), Readability(syllables="pyphen"), HedgingAnalyzer(), HedgingAnalyzer(rules=False)]
    pipeline = build_analyzers(None)
    rows = []
    for c in contexts(prepared, actors, issues):
        row = [_plain(a.analyze(c)) for a in variants]
        for a in pipeline:
            c.results[a.name] = a.analyze(c)
        row.append(_plain(c.results["hedging"]))
        row.append(_plain(c.results["readability"]))
        rows.append(row)
    return rows


def main() -> None:
    ap = speed_arguments(__doc__.split("\n\n")[0])
    args = ap.parse_args()

    import framing
    from framing.analyzers.hedging import HedgingAnalyzer
    from framing.analyzers.readability import Readability
    from framing.pipeline import build_analyzers
    from framing.run import resolve_issues
    from framing.seeds import load_seeds, seed_file

    records = read(max(args.n, N_DUMP), args.corpus)
    corpus = framing.Corpus.from_records(records[: args.n])
    actors = framing.ActorSet.discover(corpus, top=20)
    issues = resolve_issues(str(seed_file("issues.yaml")))

    if args.dump or args.check:  # the same documents and actors whatever --n is
        dump_corpus = framing.Corpus.from_records(records[:N_DUMP])
        dump_actors = framing.ActorSet.discover(dump_corpus, top=20)
        dump_docs = list(dump_corpus) + list(load_seeds())
        rows = dump_rows(prepare(dump_docs, dump_actors, issues), dump_actors, issues)
        n_ev = sum(len(x[2]) for r in rows for x in r)
        if args.dump:
            args.dump.write_bytes(pickle.dumps(rows, pickle.HIGHEST_PROTOCOL))
            print(f"wrote {len(rows)} documents ({n_ev:,} evidence rows) to {args.dump}")
        if args.check:
            old = pickle.loads(args.check.read_bytes())
            diff = [i for i, (a, b) in enumerate(zip(old, rows)) if a != b]
            n_old = sum(len(x[2]) for r in old for x in r)
            ok = not diff and len(old) == len(rows)
            print(
                f"regression check (sentence and mention columns, evidence, document metrics of readability and "
                f"hedging): {len(diff)} of {len(rows)} documents differ ({n_old:,} evidence rows before, "
                f"{n_ev:,} now)" + (f"; first: {diff[:10]}" if diff else "") + ("" if ok else "  *** DIFFERENT ***")
            )
            if not ok:
                raise SystemExit(1)

    prepared = prepare(list(corpus), actors, issues)

    if args.profile:
        analyzers = build_analyzers(None)
        ctxs = contexts(prepared, actors, issues)
        pr = cProfile.Profile()
        for c in ctxs:
            for a in analyzers:
                if a.name in ("hedging", "readability"):
                    pr.enable()
                    c.results[a.name] = a.analyze(c)
                    pr.disable()
                else:
                    c.results[a.name] = a.analyze(c)
        pstats.Stats(pr).sort_stats("tottime").print_stats(30)

    versions = {"now": (Readability, HedgingAnalyzer)}
    if args.baseline:
        versions["baseline"] = load_baseline(args.baseline)
    words = 0
    best: dict[tuple[str, str], float] = {}

    def keep(version: str, key: str, seconds: float) -> None:
        best[version, key] = min(best.get((version, key), float("inf")), seconds)

    for _ in range(args.repeat):
        for version, classes in versions.items():  # versions alternate: the same load for each
            for cls in classes:
                ctxs = contexts(prepared, actors, issues)
                words = sum(c.model.n_words for c in ctxs)
                a = cls()
                for c in ctxs[:20]:  # warm any per-instance cache as a long run has it
                    a.analyze(c)
                gc.collect()  # every timed loop starts from the same collector state
                t0 = time.process_time()
                for c in ctxs:
                    a.analyze(c)
                keep(version, f"{a.name} alone", time.process_time() - t0)
            if args.no_pipeline:
                continue
            ours = {cls.name: cls for cls in classes}
            analyzers = [ours[a.name]() if a.name in ours else a for a in build_analyzers(None)]
            for c in contexts(prepared, actors, issues)[:20]:
                for a in analyzers:
                    c.results[a.name] = a.analyze(c)
            ctxs = contexts(prepared, actors, issues)
            gc.collect()
            spent = time_in_pipeline(ctxs, analyzers)
            for k, v in spent.items():
                keep(version, f"pipeline: {k}", v)
            keep(version, "pipeline: all analyzers", sum(spent.values()))

    print(f"{len(prepared):,} AllSides articles, {words:,} words, best of {args.repeat} (CPU time), µs per word:")
    names = list(versions)
    print(f"  {'':<30}" + "".join(f"{v:>10}" for v in names) + ("   baseline/now" if len(names) > 1 else ""))
    for key in dict.fromkeys(k for _, k in best):
        row = f"  {key:<30}" + "".join(f"{best[v, key] / words * 1e6:>10.3f}" for v in names)
        if len(names) > 1:
            row += f"   {best['baseline', key] / best['now', key]:>8.2f}x"
        print(row)
    for key in ("readability alone", "hedging alone", "pipeline: readability", "pipeline: hedging"):
        if ("now", key) in best:
            print(f"  {key} now: {words / best['now', key]:,.0f} words/s")


def load_baseline(rev: str):
    """The readability and hedging analyzers of the package at git revision ``rev``."""
    import importlib

    pkg = baseline_package(rev)
    readability = importlib.import_module(f"{pkg}.analyzers.readability")
    hedging = importlib.import_module(f"{pkg}.analyzers.hedging")
    return readability.Readability, hedging.HedgingAnalyzer


if __name__ == "__main__":
    main()
