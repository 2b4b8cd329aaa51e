"""What a copy of the pipeline costs: the Dask path unpickles one for every partition.

    python benchmarks/pipeline_copy.py

Builds the pipeline the Dask path builds (:func:`framing.cluster.make_pipeline`, the seed actors and
issues, every default analyzer), runs it on one seed document as ``map_dataframe`` does before shipping
it, and prints the size of its pickle, then, in a fresh process, the time of the first unpickling (which
builds the shipped stance lexicon, cached for the rest of the process) and the median of the next ten.
The seeds ship with the repository: nothing from ``../shared`` is needed.
"""

from __future__ import annotations

import pickle
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _child(path: str) -> None:
    blob = Path(path).read_bytes()
    times = []
    for _ in range(11):
        t = time.perf_counter()
        pickle.loads(blob)
        times.append(time.perf_counter() - t)
    print(f"first copy in a fresh process: {times[0]:.2f} s (builds the stance lexicon once)")
    print(f"each later copy: {statistics.median(times[1:]):.3f} s (median of 10)")


def main() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _child(sys.argv[2])
        return
    import tempfile

    import framing
    from framing import cluster
    from framing.seeds import seed_file

    pipeline = cluster.make_pipeline(actors=str(seed_file("actors.yaml")))
    pipeline.process(framing.load_seeds()[0])
    blob = pickle.dumps(pipeline, protocol=pickle.HIGHEST_PROTOCOL)
    print(f"pickled pipeline: {len(blob) / 1e6:.2f} MB ({', '.join(pipeline.analyzer_names)})")
    with tempfile.NamedTemporaryFile(suffix=".pkl") as fh:
        fh.write(blob)
        fh.flush()
        subprocess.run([sys.executable, __file__, "--child", fh.name], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
