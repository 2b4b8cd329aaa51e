"""Stance scoring speed against vaderSentiment, on the same AllSides texts, in one run.

    python benchmarks/stance_speed.py [--n 2000] [--corpus PATH]

Measured, on the first N articles of the AllSides corpus (words = the text
model's word tokens, the same count for every line):

(a) VADER: ``SentimentIntensityAnalyzer.polarity_scores`` on every sentence
    (sentences from framing's text model, split beforehand and not timed);
(b) stance scoring: parse the text (``TextModel``), find actor mentions
    (``ActorSet.find``) and run ``StanceAnalyzer.analyze`` — everything the
    stance analyzer needs from raw text, without cleaning or other analyzers;
(c) ``StanceAnalyzer.analyze`` alone on already parsed documents (the
    analyzer's own cost inside the pipeline, where the text model is shared).

(a) and (b) alternate over chunks of 50 articles, so that both see the same
load when the machine is shared.

Times are CPU seconds of this process (time.process_time), so that other work on a
shared machine does not distort the ratio. Actors: a fixed list of 24 US
politics actors (below), so the numbers do not
depend on actor discovery. The ratio (b)/(a) must be at least 1.0.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides" / "allsides-12k.jsonl.gz"

US_ACTORS = {
    "Donald Trump": ["Donald Trump", "Trump", "President Trump"],
    "Hillary Clinton": ["Hillary Clinton", "Clinton", "Hillary"],
    "Barack Obama": ["Barack Obama", "Obama", "President Obama"],
    "Joe Biden": ["Joe Biden", "Biden"],
    "Bernie Sanders": ["Bernie Sanders", "Sanders"],
    "Nancy Pelosi": ["Nancy Pelosi", "Pelosi"],
    "Mitch McConnell": ["Mitch McConnell", "McConnell"],
    "Paul Ryan": ["Paul Ryan", "Ryan"],
    "Ted Cruz": ["Ted Cruz", "Cruz"],
    "Marco Rubio": ["Marco Rubio", "Rubio"],
    "Mike Pence": ["Mike Pence", "Pence"],
    "James Comey": ["James Comey", "Comey"],
    "Robert Mueller": ["Robert Mueller", "Mueller"],
    "Republicans": ["Republicans", "Republican Party", "GOP"],
    "Democrats": ["Democrats", "Democratic Party"],
    "Congress": ["Congress", "Senate", "House of Representatives"],
    "White House": ["White House"],
    "FBI": ["FBI"],
    "Supreme Court": ["Supreme Court"],
    "Russia": ["Russia", "Russian", "Russians", "Moscow", "Kremlin", "Putin", "Vladimir Putin"],
    "China": ["China", "Chinese", "Beijing"],
    "Iran": ["Iran", "Iranian", "Tehran"],
    "North Korea": ["North Korea", "Pyongyang", "Kim Jong Un"],
    "Mexico": ["Mexico", "Mexican"],
}


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
    ap.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args()

    import bisect
    import sys

    sys.path.insert(0, str(ROOT))
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.actors import ActorSet
    from framing.analyzers.base import DocContext
    from framing.analyzers.stance import StanceAnalyzer
    from framing.corpus import Document
    from framing.text import TextModel

    texts = load_texts(args.corpus, args.n)
    actors = ActorSet.from_dict(US_ACTORS)
    stance = StanceAnalyzer()
    sia = SentimentIntensityAnalyzer()
    words = n_sentences = n_mentions = n_evidence = 0
    t_vader = t_stance = t_analyze = 0.0
    # (a) and (b) alternate over chunks of 50 articles, so both see the same load on a shared machine
    for c in range(0, len(texts), 50):
        chunk = texts[c : c + 50]
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

        # (c) analyze alone on parsed documents (mentions found beforehand)
        prepared = []
        for i, (text, model) in enumerate(zip(chunk, models)):
            mentions = actors.find(text)
            msent = [max(0, bisect.bisect_right(model.sent_starts, m.start) - 1) for m in mentions]
            prepared.append(DocContext(Document(id=str(c + i), text=text), model, None, mentions, msent, actors))  # type: ignore[arg-type]
        t0 = time.process_time()
        for ctx in prepared:
            stance.analyze(ctx)
        t_analyze += time.process_time() - t0

    result = {
        "articles": len(texts),
        "words": words,
        "sentences": n_sentences,
        "mentions": n_mentions,
        "evidence_rows": n_evidence,
        "vader_words_per_s": round(words / t_vader),
        "stance_words_per_s": round(words / t_stance),
        "analyze_only_words_per_s": round(words / t_analyze),
        "ratio_stance_to_vader": round(t_vader / t_stance, 2),
        "seconds": {"vader": round(t_vader, 2), "stance": round(t_stance, 2), "analyze_only": round(t_analyze, 2)},
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"{len(texts):,} AllSides articles, {words:,} words, {n_sentences:,} sentences, {n_mentions:,} mentions")
    print(f"(a) VADER polarity_scores per sentence:      {result['vader_words_per_s']:>12,} words/s")
    print(f"(b) stance: parse + mentions + analyze:      {result['stance_words_per_s']:>12,} words/s")
    print(f"(c) stance analyze alone (parsed documents): {result['analyze_only_words_per_s']:>12,} words/s")
    print(f"ratio (b)/(a): {result['ratio_stance_to_vader']:.2f} (must be ≥ 1.0)")


if __name__ == "__main__":
    main()
