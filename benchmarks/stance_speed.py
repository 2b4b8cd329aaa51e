"""Stance scoring speed against vaderSentiment, on the same AllSides texts, in one run.

    python benchmarks/stance_speed.py [--n 2000] [--analyze-n 1000] [--corpus PATH] [--json]

Measured, on the first N articles of the AllSides corpus (words = the text
model's word tokens, the same count for every line):

(a) VADER: ``SentimentIntensityAnalyzer.polarity_scores`` on every sentence
    (sentences from framing's text model, split beforehand and not timed);
(b) stance scoring: parse the text (``TextModel``), find actor mentions
    (``ActorSet.find``) and run ``StanceAnalyzer.analyze`` — everything the
    stance analyzer needs from raw text, without cleaning or other analyzers.

(a) and (b) alternate over chunks of 50 articles, so that both see the same
load when the machine is shared. The ratio (b)/(a) must be at least 1.0.

Then, on the first ``--analyze-n`` articles, cleaned (``Cleaner``) and parsed
(``TextModel``) as the pipeline does, with mentions found and the word index
built beforehand (best of 3 passes):

(c) ``StanceAnalyzer.analyze`` alone, on freshly parsed documents;
(d) ``StanceAnalyzer.analyze`` inside the pipeline: the other default analyzers
    (readability, sourcing, hedging ...) have run first on the same text model,
    untimed, so the sourcing analyzer's attributions are read, as in
    ``framing.analyze``.

Times are CPU seconds of this process (time.process_time), so that other work on a
shared machine does not distort the ratio. Actors: a fixed list of 24 US
politics actors (below), so the numbers do not depend on actor discovery.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from allsides import CORPUS, US_ACTORS


def load_texts(path: Path, n: int) -> list[str]:
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n:
                break
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles for (a) and (b) (default 2000)")
    ap.add_argument("--analyze-n", type=int, default=1000, help="articles for (c) and (d) (default 1000)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()

    import bisect

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.actors import ActorSet
    from framing.analyzers.base import DocContext
    from framing.analyzers.stance import StanceAnalyzer
    from framing.corpus import Document
    from framing.pipeline import Pipeline, build_analyzers
    from framing.text import TextModel

    texts = load_texts(args.corpus, max(args.n, args.analyze_n))
    actors = ActorSet.from_dict(US_ACTORS)
    stance = StanceAnalyzer()
    sia = SentimentIntensityAnalyzer()
    words = n_sentences = n_mentions = n_evidence = 0
    t_vader = t_stance = 0.0
    # (a) and (b) alternate over chunks of 50 articles, so both see the same load on a shared machine
    for c in range(0, args.n, 50):
        chunk = texts[c : min(c + 50, args.n)]
        models = [TextModel(t) for t in chunk]
        words += sum(m.n_words for m in models)
        sentences = [m.sentence_text(s) for m in models for s in range(m.n_sentences)]
        n_sentences += len(sentences)

        # (a) VADER over every sentence
        t0 = time.process_time()
        for s in sentences:
            sia.polarity_scores(s)
        t_vader += time.process_time() - t0

        # (b) parse + mentions + stance
        t0 = time.process_time()
        for i, text in enumerate(chunk):
            model = TextModel(text)
            mentions = actors.find(text)
            starts = model.sent_starts
            msent = [max(0, bisect.bisect_right(starts, m.start) - 1) for m in mentions]
            ctx = DocContext(Document(id=str(c + i), text=text), model, None, mentions, msent, actors)  # type: ignore[arg-type]
            res = stance.analyze(ctx)
            n_mentions += len(mentions)
            n_evidence += len(res.evidence)
        t_stance += time.process_time() - t0

    # (c) and (d): cleaned and parsed as in the pipeline, mentions and word index ready before timing
    pipe = Pipeline(actors=actors, analyzers=[])
    docs = []
    for i, raw in enumerate(texts[: args.analyze_n]):
        c = pipe.context(Document(id=str(i), text=raw))
        docs.append((c.doc, c.clean, c.mentions, c.mention_sentence))
    others = [a for a in build_analyzers(None) if a.name != "stance"]

    def contexts(with_others: bool) -> tuple[list[DocContext], int]:
        out, n_words = [], 0
        for doc, clean, mentions, msent in docs:
            model = TextModel(clean.text)
            model.index  # noqa: B018 - built before timing, as the pipeline's lexicon matching does
            n_words += model.n_words
            ctx = DocContext(doc, model, clean, mentions, msent, actors)
            if with_others:
                for a in others:
                    ctx.results[a.name] = a.analyze(ctx)
            out.append(ctx)
        return out, n_words

    best: dict[str, float] = {}
    a_words = 0
    for _ in range(3):
        for key, with_others in (("alone", False), ("pipeline", True)):
            ctxs, a_words = contexts(with_others)
            t0 = time.process_time()
            for ctx in ctxs:
                stance.analyze(ctx)
            best[key] = min(best.get(key, float("inf")), time.process_time() - t0)

    result = {
        "articles": args.n,
        "words": words,
        "sentences": n_sentences,
        "mentions": n_mentions,
        "evidence_rows": n_evidence,
        "vader_words_per_s": round(words / t_vader),
        "stance_words_per_s": round(words / t_stance),
        "ratio_stance_to_vader": round(t_vader / t_stance, 2),
        "analyze_articles": len(docs),
        "analyze_words": a_words,
        "analyze_only_words_per_s": round(a_words / best["alone"]),
        "analyze_in_pipeline_words_per_s": round(a_words / best["pipeline"]),
        "pipeline_analyzers_before_stance": [a.name for a in others],
        "seconds": {
            "vader": round(t_vader, 2),
            "stance": round(t_stance, 2),
            "analyze_only": round(best["alone"], 3),
            "analyze_in_pipeline": round(best["pipeline"], 3),
        },
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.n:,} AllSides articles, {words:,} words, {n_sentences:,} sentences, {n_mentions:,} mentions")
    print(f"(a) VADER polarity_scores per sentence:      {result['vader_words_per_s']:>12,} words/s")
    print(f"(b) stance: parse + mentions + analyze:      {result['stance_words_per_s']:>12,} words/s")
    print(f"ratio (b)/(a): {result['ratio_stance_to_vader']:.2f} (must be ≥ 1.0)")
    print(f"first {len(docs):,} articles cleaned and parsed ({a_words:,} words), best of 3:")
    print(f"(c) stance analyze alone:                     {result['analyze_only_words_per_s']:>12,} words/s")
    print(
        f"(d) stance analyze after {', '.join(a.name for a in others)}: {result['analyze_in_pipeline_words_per_s']:>12,} words/s"
    )


if __name__ == "__main__":
    main()
