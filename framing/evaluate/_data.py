"""Where an evaluation's data is: a dataset's folder stands for its one annotated file, or says which to choose.

``framing evaluate stance --data newsmtsc/`` is what a user types first; with two splits in the folder the
evaluation cannot guess which is meant, and "no such file" (the folder exists) or "Is a directory" would not
say what to type instead. These helpers return the file to read, or raise an error that lists the choices.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import ConfigError

__all__ = ["data_file", "data_folder"]


def _suffix(p: Path) -> str:
    """``.jsonl.gz`` for a compressed file, else the last suffix, in lower case."""
    s = [x.lower() for x in p.suffixes[-2:]]
    return "".join(s) if len(s) == 2 and s[-1] == ".gz" else p.suffix.lower()


def data_file(data: str | Path, suffixes: Iterable[str], expected: str) -> Path:
    """``data`` itself, or, for a folder, the one file in it with one of ``suffixes`` (``.jsonl``, ``.csv``, ...).

    A folder with none of them, or with several, is a :class:`~framing.errors.ConfigError` that names what
    was expected and, for several, each file to choose from."""
    path = Path(data)
    if not path.is_dir():
        return path
    wanted = {s.lower() for s in suffixes}
    files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".") and _suffix(p) in wanted)
    if len(files) == 1:
        return files[0]
    if not files:
        raise ConfigError("a folder with no file to evaluate", path=path, expected=expected)
    raise ConfigError(
        f"a folder of {len(files)} files: give one of them, such as --data {files[0]}",
        path=path,
        expected=expected,
        found=", ".join(p.name for p in files),
    )


def data_folder(data: str | Path, holds: str, expected: str) -> Path:
    """``data`` when it holds files named ``*<holds>`` (directly or in a ``text/`` folder); otherwise, when
    exactly one of its folders does, that folder; else a :class:`~framing.errors.ConfigError` naming the
    folders that do (a dataset's root with ``dev/`` and ``train/``)."""
    root = Path(data)

    def has(folder: Path) -> bool:
        return any(folder.glob(f"*{holds}")) or any((folder / "text").glob(f"*{holds}"))

    if not root.is_dir() or has(root):
        return root
    inside = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and has(p))
    if len(inside) == 1:
        return inside[0]
    if not inside:
        return root  # the reader's own error says what the folder lacks
    raise ConfigError(
        f"a folder of {len(inside)} datasets: give one of them, such as --data {inside[0]}",
        path=root,
        expected=expected,
        found=", ".join(p.name + "/" for p in inside),
    )
