"""Speed of ``IssueAnalyzer.analyze`` and ``FrameAnalyzer.analyze`` on parsed AllSides text, with a regression dump.

    python benchmarks/terms_speed.py [--n 1000] [--repeat 3] [--dump FILE] [--check FILE] [--profile]
                                     [--no-pipeline] [--baseline REV [--interleave]]

Setup (not timed), as in ``benchmarks/throughput.py``: the first N articles of
the AllSides corpus; actors from ``ActorSet.discover(corpus, top=20)``; the
seed issue set ``seeds/issues.yaml``; every article cleaned (``Cleaner``) and
parsed (``TextModel``) as the pipeline does, its mentions found and the word
index (``model.index``) built.

Timed (CPU time, ``time.process_time``, best of ``--repeat`` passes; words =
the text model's word tokens), each pass on freshly parsed models:

(a) *alone*: ``IssueAnalyzer.analyze`` over every document, then
    ``FrameAnalyzer.analyze`` over every document (each pays for any token
    span it needs); then both on each document in turn (issues, frames), the
    combined figure (they share the counted sentences and the vocabulary
    lookup of a document);
(b) *in the pipeline*: the default analyzers in their order (readability,
    issues, frames, sourcing, hedging, stance) document by document, each
    analyzer's time summed separately, so that work shared through the text
    model (lazily computed token spans) is charged to whoever needs it first.

``--dump FILE`` writes what both analyzers return (sentence columns, evidence
rows, document metrics) for the first 500 articles and the 5 seed documents
(JSON lines); ``--check FILE`` compares with such a dump made before a change
(an optimisation must change nothing). ``--profile`` prints a cProfile of one
pass of both analyzers. ``--baseline REV`` times the analyzers of an earlier
git revision too, alternating with the working tree's in every pass, so that
the ratio holds even when the machine is shared and absolute times drift.
``--baseline REV --interleave`` instead runs both versions in the pipeline
(all default analyzers, document by document) alternating every 25 documents,
``--repeat`` rounds, and prints each analyzer's total CPU time per word: the
steadiest comparison when other jobs share the machine (per-pass minima still
move by ±20% there).
"""

from __future__ import annotations

import cProfile
import json
import pstats
import time

from allsides import ROOT, baseline_package, contexts, prepare, read, speed_arguments, time_in_pipeline

N_DUMP = 500


def dump_rows(ctxs, analyzers) -> list:
    rows = []
    for c in ctxs:
        row = []
        for a in analyzers:
            r = a.analyze(c)
            metrics = {k: (None if v != v else v) for k, v in r.metrics.items()}  # NaN is not equal to itself
            row.append([r.sentences, [list(e) for e in r.evidence], metrics])
        rows.append(row)
    return json.loads(json.dumps(rows))  # tuples become lists, as in the dump


def main() -> None:
    ap = speed_arguments(__doc__.split("\n\n")[0])
    ap.add_argument("--interleave", action="store_true", help="with --baseline: pipeline A/B alternating every 25 docs")
    args = ap.parse_args()

    import framing
    from framing.analyzers.frames import FrameAnalyzer
    from framing.analyzers.issues import IssueAnalyzer
    from framing.pipeline import build_analyzers
    from framing.run import resolve_issues
    from framing.seeds import load_seeds, seed_file

    records = read(max(args.n, N_DUMP), args.corpus)
    corpus = framing.Corpus.from_records(records[: args.n])
    actors = framing.ActorSet.discover(corpus, top=20)
    issues = resolve_issues(str(seed_file("issues.yaml")))
    prepared = prepare(list(corpus), actors, issues)

    if args.dump or args.check:
        dump_docs = list(framing.Corpus.from_records(records[:N_DUMP])) + list(load_seeds())
        ctxs = contexts(prepare(dump_docs, actors, issues), actors, issues)
        rows = dump_rows(ctxs, [IssueAnalyzer(), FrameAnalyzer()])
        n_ev = sum(len(x[1]) for r in rows for x in r)
        if args.dump:
            with args.dump.open("w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r) + "\n")
            print(f"wrote {len(rows)} documents ({n_ev:,} evidence rows) to {args.dump}")
        if args.check:
            old = [json.loads(line) for line in args.check.open(encoding="utf-8")]
            diff = [i for i, (a, b) in enumerate(zip(old, rows)) if a != b]
            n_old = sum(len(x[1]) for r in old for x in r)
            ok = not diff and len(old) == len(rows)
            print(
                f"regression check (sentence columns, evidence, document metrics of issues and frames): "
                f"{len(diff)} of {len(rows)} documents differ ({n_old:,} evidence rows before, {n_ev:,} now)"
                + (f"; first: {diff[:10]}" if diff else "")
                + ("" if ok else "  *** DIFFERENT ***")
            )
            if not ok:
                raise SystemExit(1)

    if args.profile:
        ctxs = contexts(prepared, actors, issues)
        ia, fa = IssueAnalyzer(), FrameAnalyzer()
        pr = cProfile.Profile()
        pr.enable()
        for c in ctxs:
            ia.analyze(c)
            fa.analyze(c)
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(30)

    versions = {"now": (IssueAnalyzer, FrameAnalyzer, issues)}
    if args.baseline:
        versions["baseline"] = load_baseline(args.baseline)
    if args.interleave and args.baseline:
        interleaved(prepared, actors, versions, args.repeat)
        return
    words = 0
    best: dict[tuple[str, str], float] = {}

    def keep(version: str, key: str, seconds: float) -> None:
        best[version, key] = min(best.get((version, key), float("inf")), seconds)

    for _ in range(args.repeat):
        for version, (issue_cls, frame_cls, iset) in versions.items():  # versions alternate: same load for each
            ctxs = contexts(prepared, actors, iset)
            words = sum(c.model.n_words for c in ctxs)
            for name, cls in (("issues", issue_cls), ("frames", frame_cls)):
                a = cls()
                for c in ctxs[:20]:  # warm the matcher's word cache as a long run has it
                    a.analyze(c)
                t0 = time.process_time()
                for c in ctxs:
                    a.analyze(c)
                keep(version, name, time.process_time() - t0)
            ctxs = contexts(prepared, actors, iset)
            ia, fa = issue_cls(), frame_cls()
            for c in ctxs[:20]:
                ia.analyze(c)
                fa.analyze(c)
            t0 = time.process_time()
            for c in ctxs:  # both on each document in turn, as in the pipeline (they share per-document work)
                ia.analyze(c)
                fa.analyze(c)
            keep(version, "both", time.process_time() - t0)
            if args.no_pipeline:
                continue
            analyzers = [
                issue_cls() if a.name == "issues" else frame_cls() if a.name == "frames" else a
                for a in build_analyzers(None)
            ]
            ctxs = contexts(prepared, actors, iset)
            for c in ctxs[:20]:
                for a in analyzers:
                    a.analyze(c)
            ctxs = contexts(prepared, actors, iset)
            spent = time_in_pipeline(ctxs, analyzers)
            for k, v in spent.items():
                keep(version, f"pipeline: {k}", v)
            keep(version, "pipeline: issues + frames", spent["issues"] + spent["frames"])
            keep(version, "pipeline: all analyzers", sum(spent.values()))

    print(f"{len(prepared):,} AllSides articles, {words:,} words, best of {args.repeat} (CPU time), µs per word:")
    names = list(versions)
    print(f"  {'':<34}" + "".join(f"{v:>12}" for v in names) + ("   baseline/now" if len(names) > 1 else ""))
    labels = {"issues": "issues alone", "frames": "frames alone", "both": "issues + frames, doc by doc"}
    for key in dict.fromkeys(k for _, k in best):
        row = f"  {labels.get(key, key):<34}" + "".join(f"{best[v, key] / words * 1e6:>12.3f}" for v in names)
        if len(names) > 1:
            row += f"   {best['baseline', key] / best['now', key]:>8.2f}x"
        print(row)
    print(f"  (words/s = 1e6 / µs per word; issues + frames now: {words / best['now', 'both']:,.0f} words/s)")


def interleaved(prepared, actors, versions, rounds: int, chunk: int = 25) -> None:
    """Both versions inside the pipeline, alternating every ``chunk`` documents (the order flips each time)."""
    from framing.pipeline import build_analyzers

    others = build_analyzers(None)
    runs = {
        v: ([i() if a.name == "issues" else f() if a.name == "frames" else a for a in others], iset)
        for v, (i, f, iset) in versions.items()
    }
    for analyzers, iset in runs.values():  # warm every analyzer's caches
        for c in contexts(prepared[:50], actors, iset):
            for a in analyzers:
                c.results[a.name] = a.analyze(c)
    spent: dict[tuple[str, str], float] = {}
    clock = time.process_time
    words = 0
    names = list(runs)
    for r in range(rounds):
        ctxs = {v: contexts(prepared, actors, iset) for v, (_, iset) in runs.items()}
        words += sum(c.model.n_words for c in ctxs[names[0]])
        for k in range(0, len(prepared), chunk):
            for v in names if (k // chunk + r) % 2 else names[::-1]:
                for c in ctxs[v][k : k + chunk]:
                    for a in runs[v][0]:
                        t0 = clock()
                        c.results[a.name] = a.analyze(c)
                        spent[v, a.name] = spent.get((v, a.name), 0.0) + clock() - t0
    print(
        f"{len(prepared):,} AllSides articles x {rounds} rounds inside the pipeline, versions alternating every "
        f"{chunk} documents; total CPU µs per word:"
    )
    print(f"  {'':<24}" + "".join(f"{v:>12}" for v in names) + "   baseline/now")
    rows = [a.name for a in others]
    for key in [*rows, "issues + frames", "all analyzers"]:
        parts = {"issues + frames": ["issues", "frames"], "all analyzers": rows}.get(key, [key])
        t = {v: sum(spent[v, p] for p in parts) / words * 1e6 for v in names}
        print(f"  {key:<24}" + "".join(f"{t[v]:>12.3f}" for v in names) + f"   {t['baseline'] / t['now']:>8.2f}x")


def load_baseline(rev: str):
    """The issue and frame analyzers (and seed issue set) of the package at git revision ``rev``."""
    import importlib

    pkg = baseline_package(rev)
    issues_mod = importlib.import_module(f"{pkg}.analyzers.issues")
    frames_mod = importlib.import_module(f"{pkg}.analyzers.frames")
    iset = importlib.import_module(f"{pkg}.issues").IssueSet.from_yaml(ROOT / "seeds" / "issues.yaml")
    return issues_mod.IssueAnalyzer, frames_mod.FrameAnalyzer, iset


if __name__ == "__main__":
    main()
