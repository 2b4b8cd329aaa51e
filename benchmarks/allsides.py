"""What the benchmarks share: the AllSides sample, its US-politics actors and the full-analysis setup.

The corpus is read from ``../shared`` beside the repository (never copied into it).
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
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
