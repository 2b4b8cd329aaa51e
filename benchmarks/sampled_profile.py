"""Where the full analysis spends its time, sampled rather than traced.

    pip install py-spy   # not a dependency of framing: only this script needs it
    python benchmarks/sampled_profile.py [--docs 1000] [--rounds 2] [--rate 250] [--top 30]

Runs ``Pipeline.process`` over the first ``--docs`` AllSides articles (``--rounds`` times, after a
warm-up) under py-spy's sampling profiler, then prints, for the samples taken inside
``Pipeline.process``: the share of time under each function (inclusive), the share spent in each
function's own lines (self), and the lines that take the most.

Why sampling: cProfile (``core_speed.py --profile``) charges its own overhead to every call,
including each call to a C method, so a function that makes many small calls (building the word
index appends once per token) looks several times more expensive than it is. A sampling profiler
adds no cost per call; its shares are estimates with a sampling error of about
``sqrt(share × (1 − share) / samples)``.
"""

from __future__ import annotations

import argparse
import collections
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from allsides import CORPUS, ROOT

_FRAME = re.compile(r"(?P<func>.*) \((?P<file>.*):(?P<line>\d+)\)$")
_WITHIN = "Pipeline.process"


def child(n_docs: int, rounds: int) -> None:
    """The profiled process: the full analysis, as throughput.py's (c) runs it."""
    from allsides import read, setup

    corpus, pipeline = setup(read(n_docs, CORPUS))
    for d in corpus[:20]:
        pipeline.process(d)
    for _ in range(rounds):
        for d in corpus:
            pipeline.process(d)


def fold(raw: str) -> tuple[int, collections.Counter, collections.Counter, collections.Counter]:
    """(samples, inclusive, self, self by line) from py-spy's raw output: one ``frame;frame;… count``
    line per distinct stack, root first; only stacks that pass through ``Pipeline.process`` count."""
    total = 0
    inclusive: collections.Counter = collections.Counter()
    own: collections.Counter = collections.Counter()
    lines: collections.Counter = collections.Counter()
    for entry in raw.splitlines():
        stack, _, count = entry.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = [_FRAME.match(f) for f in stack.split(";")]
        funcs = [f"{m['func']} ({Path(m['file']).name})" if m else "?" for m in frames]
        top = next((k for k, f in enumerate(funcs) if f.startswith(_WITHIN + " ")), None)
        if top is None:
            continue
        frames, funcs = frames[top:], funcs[top:]  # the frames of the benchmark itself are left out
        n = int(count)
        total += n
        for f in set(funcs):
            inclusive[f] += n
        own[funcs[-1]] += n
        last = frames[-1]
        lines[f"{last['func']} ({Path(last['file']).name}:{last['line']})" if last else "?"] += n
    return total, inclusive, own, lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--rate", type=int, default=250, help="samples per second")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.docs, args.rounds)
        return 0
    if not CORPUS.exists():
        print(f"the AllSides corpus is not at {CORPUS}", file=sys.stderr)
        return 2
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        print("py-spy is not installed: pip install py-spy", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "samples.txt"
        cmd = [spy, "record", "--rate", str(args.rate), "--format", "raw", "--output", str(out), "--"]
        cmd += [sys.executable, __file__, "--child", "--docs", str(args.docs), "--rounds", str(args.rounds)]
        subprocess.run(cmd, check=True, cwd=ROOT, capture_output=True)
        total, inclusive, own, lines = fold(out.read_text())
    if not total:
        print("no samples inside Pipeline.process", file=sys.stderr)
        return 1
    print(f"{total:,} samples inside {_WITHIN} ({args.docs:,} AllSides articles × {args.rounds})")
    for title, table in (("inclusive", inclusive), ("self", own), ("self, by line", lines)):
        print(f"--- {title}")
        for name, n in table.most_common(args.top):
            print(f"{n / total:6.1%}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
