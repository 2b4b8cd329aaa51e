"""What the benchmarks share: the AllSides sample, its US-politics actors and the full-analysis setup.

The corpus is read from ``../shared`` beside the repository (never copied into it).
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import os
import re
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the framing package of this checkout

CORPUS = ROOT.parent / "shared" / "corpora" / "allsides" / "allsides-12k.jsonl.gz"

#: the main actors of US political news, for benchmarks that want a fixed actor set
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


def resident_mb() -> float:
    """The process's resident memory now, in MB (10^6 bytes; Linux /proc, NaN elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far, in MB like :func:`resident_mb` (Linux reports ``ru_maxrss`` in KiB)."""
    return resource.getrusage(who).ru_maxrss * 1024 / 1e6


def read(n: int, path: Path | str | None = None) -> list[dict]:
    """The first ``n`` records of the AllSides JSONL.gz file (or of ``path``)."""
    with gzip.open(path or CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, n)]


def setup(records: list[dict]):
    """Actors discovered from the sample and the seed issue set: what a researcher would start with."""
    import framing
    from framing.pipeline import Pipeline
    from framing.run import resolve_issues
    from framing.seeds import seed_file

    corpus = framing.Corpus.from_records(records)
    actors = framing.ActorSet.discover(corpus, top=20)
    issues = None
    with contextlib.suppress(FileNotFoundError):
        issues = resolve_issues(str(seed_file("issues.yaml")))
    return corpus, Pipeline(actors=actors, issues=issues)


#: the sentence split of the VADER contender: terminal punctuation and white space, or line breaks
VADER_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")


def vader_pass(analyzer, texts: list[str]) -> None:
    """vaderSentiment's ``polarity_scores`` on every sentence of ``texts`` (split by :data:`VADER_SPLIT`, the
    split counted in the time), as the throughput benchmark's contender (b) runs it."""
    split = VADER_SPLIT.split
    scores = analyzer.polarity_scores
    for text in texts:
        for sentence in split(text):
            if sentence:
                scores(sentence)


def prepare(docs, actors, issues) -> list:
    """(document, cleaned text, mentions, mention sentences) of each document: what a timed pass starts from."""
    from framing.pipeline import Pipeline

    pipe = Pipeline(actors=actors, issues=issues, analyzers=[])
    return [(c.doc, c.clean, c.mentions, c.mention_sentence) for c in map(pipe.context, docs)]


def contexts(prepared, actors, issues) -> list:
    """Fresh text models for :func:`prepare`'s documents (no token span computed yet), word index built."""
    from framing.analyzers.base import DocContext
    from framing.text import TextModel

    out = []
    for doc, clean, mentions, msent in prepared:
        model = TextModel(clean.text)
        model.index  # noqa: B018 - built before timing, as the pipeline's lexicon matching shares it
        out.append(DocContext(doc, model, clean, mentions, msent, actors, issues))
    return out


def baseline_package(rev: str) -> str:
    """Import the ``framing`` package of git revision ``rev`` from a temporary copy, as ``_framing_baseline``,
    to time an analyzer against the working tree's in one run; returns the package name."""
    import importlib
    import io
    import subprocess
    import tarfile
    import tempfile

    tmp = Path(tempfile.mkdtemp())
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "framing"], capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(tmp)
    (tmp / "framing").rename(tmp / "_framing_baseline")
    sys.path.insert(0, str(tmp))
    importlib.import_module("_framing_baseline")
    return "_framing_baseline"


def warmed_pipeline(package: str, records: list[dict]):
    """(documents, pipeline) of one version of the package (``framing`` or a :func:`baseline_package`): actors
    discovered from ``records``, the seed issues, and the pipeline's caches warmed as a long run has them."""
    import importlib

    fr = importlib.import_module(package)
    corpus = fr.Corpus.from_records(records)
    actors = fr.ActorSet.discover(corpus, top=20)
    docs = list(corpus)
    issues = importlib.import_module(f"{package}.run").resolve_issues(str(ROOT / "seeds" / "issues.yaml"))
    pipeline = importlib.import_module(f"{package}.pipeline").Pipeline(actors=actors, issues=issues)
    for d in docs[:20]:
        pipeline.process(d)
    return docs, pipeline


def alternate(runs: dict, rounds: int, new: str, old: str) -> tuple[dict[str, float], list[float]]:
    """Time two versions in alternating rounds (``runs``: name -> a callable returning seconds), the order
    switched every round so that neither always runs first: the best seconds of each, and every round's
    old/new ratio (a pair measured back to back, which a shared machine's drift disturbs least)."""
    best: dict[str, float] = {}
    ratios: list[float] = []
    for r in range(rounds):
        seconds = {}
        for name in (new, old) if r % 2 == 0 else (old, new):
            seconds[name] = runs[name]()
            best[name] = min(best.get(name, float("inf")), seconds[name])
        ratios.append(seconds[old] / seconds[new])
    return best, ratios


def print_ab(best: dict[str, float], ratios: list[float], words: int, docs: int, new: str, old: str) -> None:
    """Each version's best CPU seconds of ``Pipeline.process`` as µs per word and words/s, then new against old:
    the median of the rounds' paired ratios, their range, and the ratio of the best rounds."""
    print(
        f"{docs:,} AllSides articles, {words:,} words, {len(ratios)} alternating rounds (CPU time of Pipeline.process):"
    )
    for name, seconds in best.items():
        print(f"  {name:<14} {seconds / words * 1e6:6.2f} µs/word  {words / seconds:>10,.0f} words/s  (best round)")
    r = sorted(ratios)
    print(
        f"  {new} / {old}: {r[len(r) // 2]:.2f}x median of paired rounds (range {r[0]:.2f}-{r[-1]:.2f}), "
        f"{best[old] / best[new]:.2f}x best against best"
    )


def speed_arguments(description: str):
    """The options every per-analyzer speed benchmark takes: sample size, repeats, corpus, regression dump and
    check, profile, pipeline timing and an A/B baseline revision."""
    import argparse

    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--dump", type=Path, help="write both analyzers' output for 500 articles + the seeds here")
    ap.add_argument("--check", type=Path, help="compare both analyzers' output with a dump")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of one pass of both analyzers")
    ap.add_argument("--no-pipeline", action="store_true", help="skip the in-pipeline timing")
    ap.add_argument("--baseline", metavar="REV", help="also time the analyzers of git revision REV (e.g. main)")
    return ap


def time_in_pipeline(ctxs, analyzers) -> dict[str, float]:
    """CPU seconds each analyzer spends over ``ctxs``, run in pipeline order (each reads the results of those
    before it, as in ``Pipeline.process``)."""
    import time

    spent = dict.fromkeys((a.name for a in analyzers), 0.0)
    clock = time.process_time
    for c in ctxs:
        for a in analyzers:
            t0 = clock()
            c.results[a.name] = a.analyze(c)
            spent[a.name] += clock() - t0
    return spent
