"""Does any kind of messy text cost more than linear time? One document of each shape, at two sizes.

    python benchmarks/pathological.py [--small 20000] [--large 100000] [shape ...]

Each shape is a short unit repeated to the size in characters (a line of leader dots, thousands of
one-word lines, one giant token, unbalanced quotation marks, URLs, ...): the debris a PDF-to-text
file or a scraped page can hold. The full pipeline (cleaning, parsing, seed actors and issues, every
analyzer) runs on each document at both sizes; the CPU time ratio is printed, and a shape whose time
grows more than 2.5 times faster than its size (and takes over 0.2 s) is flagged. A linear shape
gives a ratio near large/small (5 by default). The HTML shapes (broken or cut-off pages) are timed
through ``framing.io.html_to_text``, which every ``.html`` file of a corpus goes through first.
Needs nothing from ../shared.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the framing package of this checkout

#: shape name -> the unit repeated to the document's size
SHAPES = {
    "leader dots": ".",
    "!? run": "!?",
    "ellipses": "…",
    "one giant token": "a",
    "one word per line": "a\n",
    "a sentence per line": "He said it.\n",
    "blank lines": "\n",
    "spaces": " ",
    "repeated word": "word ",
    "capitalised sentences": "Word. ",
    "initials": "A. ",
    "titles": "Mr. ",
    "numbered items": "1. ",
    "straight double quotes": '"',
    "opening curly quotes": "“",
    "quoted words": "“a” ",
    "unclosed quotes": "“a ",
    "quote then speaker": "“We will,” said Khan. ",
    "hyphen at line ends": "ab-\ncd ",
    "page furniture": "Page 1 of 2\n",
    "run-together words": "ofTurkey ",
    "URLs": "http://x.com/a ",
    "capital words": "WORD ",
    "title case sentences": "The Minister Said That Pakistan Will Go. ",
    "actor names": "Pakistan ",
    "hedges": "may ",
    "according to": "according to ",
    "reporting verbs": "said ",
    "speaker colons": "Khan: ",
    "HTML tags": "<p>",
    "CJK": "中文",
    "Arabic": "مرحبا ",
    "combining accents": "e\u0301",
    "emoji": "😀",
}

#: broken HTML: shape name -> the unit repeated after "<html><body>"
HTML_SHAPES = {
    "unclosed tags": "<a ",
    "cut-off attributes": '<a href="',
    "unclosed comments": "<!--",
    "stray end tags": "</",
    "processing instructions": "<?",
    "unknown marked sections": "<![",
    "CDATA sections": "<![CDATA[",
    "less-than signs": "i <n ",
    "paragraphs": "<p>word</p>",
}


def _timed(run, unit: str, sizes: tuple[int, int]) -> tuple[list[float], object]:
    seconds, out = [], None
    for n in sizes:
        text = (unit * (n // len(unit) + 1))[:n]
        t = time.process_time()
        out = run(text)
        seconds.append(time.process_time() - t)
    return seconds, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=20_000, help="characters of the small document")
    ap.add_argument("--large", type=int, default=100_000, help="characters of the large document")
    ap.add_argument("shapes", nargs="*", help=f"shapes to run (default all): {', '.join(SHAPES)}")
    args = ap.parse_args()
    unknown = [s for s in args.shapes if s not in SHAPES]
    if unknown:
        ap.error(f"unknown shapes: {', '.join(unknown)}")

    from framing.corpus import Document
    from framing.pipeline import Pipeline
    from framing.seeds import seed_actors, seed_issues

    pipeline = Pipeline(actors=seed_actors(), issues=seed_issues())
    pipeline.process(Document(id="warm-up", text="Pakistan said the talks may fail."))
    linear = args.large / args.small
    print(f"CPU seconds of Pipeline.process on one document of {args.small:,} and of {args.large:,} characters")
    print(f"{'shape':24} {'small':>8} {'large':>8} {'ratio':>6}   status of the large document")
    flagged = []
    sizes = (args.small, args.large)

    def row(name: str, seconds: list[float], status: str) -> None:
        ratio = seconds[1] / max(seconds[0], 1e-4)
        slow = ratio > 2.5 * linear and seconds[1] > 0.2
        if slow:
            flagged.append(name)
        mark = "   <- grows faster than the text" if slow else ""
        print(f"{name:24} {seconds[0]:8.3f} {seconds[1]:8.3f} {ratio:6.1f}   {status}{mark}")

    for name in args.shapes or SHAPES:
        seconds, out = _timed(lambda t, name=name: pipeline.process(Document(id=name, text=t)), SHAPES[name], sizes)
        row(name, seconds, out.row["status"].split(";")[0][:40])
    if not args.shapes:
        from framing.io import html_to_text

        print("broken HTML pages, through html_to_text:")
        for name, unit in HTML_SHAPES.items():
            seconds, out = _timed(lambda t: html_to_text("<html><body>" + t), unit, sizes)
            row(name, seconds, f"{len(out[0]):,} characters of text")
    n_shapes = len(args.shapes) if args.shapes else len(SHAPES) + len(HTML_SHAPES)
    print(f"{len(flagged)} of {n_shapes} shapes grow faster than linear" + (": " if flagged else ""))
    for name in flagged:
        print(f"  {name}")
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
