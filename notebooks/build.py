"""Build the notebooks from their sources: ``notebooks/src/NN_name.py`` → ``notebooks/NN_name.ipynb``.

The sources are plain Python in the "percent" format that editors and Jupytext
understand: ``# %%`` starts a code cell, ``# %% [markdown]`` a markdown cell
whose lines are comments (``# `` is removed). Comment lines before the first
marker are a note for maintainers and are left out of the notebook.

The notebooks are written without outputs or execution counts, with fixed cell
ids, so building twice gives the same file and a diff shows only real edits.
Edit the source, never the .ipynb, then run::

    python notebooks/build.py           # rebuild every notebook
    python notebooks/build.py --check   # exit 1 if a notebook differs from its source

``tests/test_notebooks.py`` checks that the committed notebooks match their
sources and runs them headless.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "src"

_MARKER = re.compile(r"^# %%(?:[ \t]+\[(?P<kind>[a-z]+)\])?[ \t]*$")
_KINDS = ("code", "markdown")
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def parse_cells(text: str, source: str = "<string>") -> list[tuple[str, str]]:
    """``(kind, text)`` of each cell of a percent-format script."""
    cells: list[tuple[str, list[str]]] = []
    for n, line in enumerate(text.splitlines(), start=1):
        m = _MARKER.match(line)
        if m:
            kind = m.group("kind") or "code"
            if kind not in _KINDS:
                raise ValueError(f"{source}:{n}: unknown cell kind {kind!r} (use [markdown] or nothing)")
            cells.append((kind, []))
        elif not cells:
            if line.strip() and not line.startswith("#"):
                raise ValueError(f"{source}:{n}: code before the first '# %%' marker")
        elif cells[-1][0] == "markdown":
            if line.strip() and not (line == "#" or line.startswith("# ")):
                raise ValueError(f"{source}:{n}: a markdown line must start with '# ' (or be '#')")
            cells[-1][1].append(line[2:] if line.startswith("# ") else "")
        else:
            cells[-1][1].append(line)
    out = []
    for kind, lines in cells:
        body = "\n".join(lines).strip("\n")
        if body.strip():
            out.append((kind, body))
    return out


def build_notebook(path: str | Path) -> NotebookNode:
    """The notebook of one source file (no outputs, execution counts empty, ids ``cell-01`` …)."""
    path = Path(path)
    cells = []
    for i, (kind, body) in enumerate(parse_cells(path.read_text(encoding="utf-8"), str(path)), start=1):
        make = new_code_cell if kind == "code" else new_markdown_cell
        cells.append(make(body, id=f"cell-{i:02d}"))
    nb = new_notebook(
        cells=cells,
        metadata={"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}},
    )
    nbformat.validate(nb)
    return nb


def target_of(source: Path) -> Path:
    """``notebooks/src/01_quickstart.py`` → ``notebooks/01_quickstart.ipynb``."""
    return source.parent.parent / f"{source.stem}.ipynb"


def sources() -> list[Path]:
    return sorted(SOURCES.glob("[0-9][0-9]_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that every notebook matches its source")
    args = parser.parse_args(argv)
    stale = []
    for src in sources():
        text = nbformat.writes(build_notebook(src)) + "\n"
        dest = target_of(src)
        if args.check:
            if not dest.exists() or dest.read_text(encoding="utf-8") != text:
                stale.append(dest.name)
            continue
        dest.write_text(text, encoding="utf-8")
        print(f"wrote {dest.relative_to(HERE.parent)}")
    if stale:
        print(f"out of date (run python notebooks/build.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
