"""Would compiling the pipeline's Python as it is make it fast enough? A measured answer.

    pip install cython   # not a dependency of framing: only this probe needs it
    python benchmarks/compiled_probe.py [--docs 400] [--rounds 3] [--build-dir DIR]

Copies the working tree's ``framing`` package to a temporary directory, compiles its hot
modules (the text model, cleaner, pipeline, lexicon matching and every analyzer's rule
engine) with Cython *unchanged* (no type declarations), then times ``Pipeline.process``
over the same AllSides articles with the pure-Python package and with the compiled copy,
each in its own process, alternating for ``--rounds`` rounds (the median paired ratio is reported).

This answers whether the remaining distance to issue 9's speed target is interpreter
overhead, which compiling removes, or the work itself: regex calls, dict and set
lookups, and building lists and tuples, which already run in C. Compiling alone removes
only the first. Compilation takes several minutes; ``--build-dir`` keeps the compiled
copy for a second run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from allsides import ROOT, alternate, print_ab

#: the modules where the pipeline spends its time (cProfile of Pipeline.process on AllSides)
HOT = [
    "text.py",
    "clean.py",
    "pipeline.py",
    "actors.py",
    "termmatch.py",
    "issues.py",
    "duplicates.py",
    "lexicons/__init__.py",
    "analyzers/base.py",
    "analyzers/sourcing.py",
    "analyzers/sourcing_patterns.py",
    "analyzers/sourcing_speakers.py",
    "analyzers/stance.py",
    "analyzers/stance_rules.py",
    "analyzers/stance_lexicon.py",
    "analyzers/hedging.py",
    "analyzers/hedging_rules.py",
    "analyzers/issues.py",
    "analyzers/frames.py",
    "analyzers/readability.py",
]


def compile_copy(build: Path) -> Path:
    """A copy of ``framing`` in ``build`` with the :data:`HOT` modules compiled in place; returns ``build``."""
    try:
        from Cython.Build import cythonize
    except ImportError:
        sys.exit("this probe needs Cython: pip install cython")
    from setuptools import Distribution

    pkg = build / "framing"
    if not any(pkg.glob("text.*.so")):
        shutil.rmtree(pkg, ignore_errors=True)
        shutil.copytree(ROOT / "framing", pkg, ignore=shutil.ignore_patterns("__pycache__"))
        (pkg / "analyzers" / "__init__.py").touch()  # Cython names a module by its package's __init__.py
        cwd = Path.cwd()
        os.chdir(build)  # cythonize and build_ext work on paths relative to the copy, never the working tree
        try:
            modules = [str(Path("framing") / m) for m in HOT]
            ext = cythonize(modules, compiler_directives={"language_level": 3, "binding": True}, nthreads=2, quiet=True)
            dist = Distribution({"ext_modules": ext, "script_name": "probe", "script_args": ["build_ext", "--inplace"]})
            dist.parse_command_line()
            dist.run_commands()
        finally:
            os.chdir(cwd)
    return build


def child(path: str, docs: int) -> None:
    """Time ``Pipeline.process`` of the ``framing`` package found first on ``path``; print JSON."""
    import time

    from allsides import read, warmed_pipeline  # puts the working tree on sys.path: the package to time goes first

    sys.path.insert(0, path)
    from framing.text import TextModel

    records = read(docs)
    items, pipeline = warmed_pipeline("framing", records)
    t = time.process_time()
    for d in items:
        pipeline.process(d)
    seconds = time.process_time() - t
    words = sum(len(r["text"].split()) for r in records)
    compiled = not sys.modules[TextModel.__module__].__file__.endswith(".py")
    print(json.dumps({"seconds": seconds, "words": words, "compiled": compiled}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--build-dir", type=Path, help="where to keep the compiled copy (default: a temporary one)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.docs)
        return
    build = args.build_dir or Path(tempfile.mkdtemp())
    build.mkdir(parents=True, exist_ok=True)
    print(f"compiling {len(HOT)} modules into {build} ...", flush=True)
    compile_copy(build)
    versions = {"pure Python": str(ROOT), "compiled": str(build)}
    words = 0

    def runner(name: str, path: str):
        def run() -> float:
            nonlocal words
            cmd = [sys.executable, __file__, "--child", path, "--docs", str(args.docs)]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            if r["compiled"] != (name == "compiled"):
                sys.exit(f"{name}: the wrong package was imported from {path}")
            words = r["words"]
            return r["seconds"]

        return run

    runs = {name: runner(name, path) for name, path in versions.items()}
    best, ratios = alternate(runs, args.rounds, "compiled", "pure Python")
    print_ab(best, ratios, words, args.docs, "compiled", "pure Python")


if __name__ == "__main__":
    main()
