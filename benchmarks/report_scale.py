"""Time and memory of the in-memory path on a large corpus: ``framing.analyze``, its tables, ``a.report``.

    python benchmarks/report_scale.py                   # the 12,000 AllSides articles, 2 worker processes
    python benchmarks/report_scale.py --docs 2000 --jobs 1

Prints, after each stage, the seconds since the start, the resident memory and the peak so far:
analysed (every document's results held, packed), the four main tables built, then the report written
(``report.pdf``, ``report.html``, PNGs and CSV tables, into a temporary folder). ``framing report`` does
the same. The corpus is read from ``../shared`` beside the repository.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import tempfile
import time
from pathlib import Path

from allsides import CORPUS, peak_mb, resident_mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=12_000, help="the first DOCS AllSides articles (default: all 12,000)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of the analysis (default 2)")
    args = ap.parse_args()

    import matplotlib

    matplotlib.use("Agg")
    import framing

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "allsides.jsonl"
        with gzip.open(CORPUS, "rt", encoding="utf-8") as fh, open(source, "w", encoding="utf-8") as out:
            out.writelines(itertools.islice(fh, args.docs))
        start = time.perf_counter()

        def stage(name: str) -> None:
            print(
                f"{time.perf_counter() - start:7.1f} s  resident {resident_mb():6,.0f} MB  peak {peak_mb():6,.0f} MB  {name}",
                flush=True,
            )

        a = framing.analyze(source, n_jobs=args.jobs, progress=False)
        stage(f"analysed: {len(a):,} documents, {int(a.documents['n_words'].sum()):,} words")
        for name in ("documents", "sentences", "mentions", "evidence"):
            rows = len(getattr(a, name))
            stage(f"{name} table: {rows:,} rows")
        a.report(Path(tmp) / "report")
        size = sum(p.stat().st_size for p in (Path(tmp) / "report").rglob("*") if p.is_file())
        stage(f"report written ({size / 1e6:,.0f} MB of files)")


if __name__ == "__main__":
    main()
