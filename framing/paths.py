"""Output file names that cannot escape the output folder.

Names of figures and tables can come from user files (an issue called
``../../etc/passwd``); every file framing writes gets its name through
:func:`safe_name` and is checked with :func:`inside` before writing.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from .errors import InputError

__all__ = ["check_writable_folder", "inside", "safe_name"]

_UNSAFE = re.compile(r"[^a-z0-9]+")


def safe_name(name: str, max_length: int = 80) -> str:
    """A lower-case ASCII slug of ``name`` (letters, digits, ``_``): never empty, never a path."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii").lower()
    slug = _UNSAFE.sub("_", text).strip("_")[:max_length].strip("_")
    return slug or "unnamed"


def inside(base: str | Path, name: str) -> Path:
    """``base / name``, refusing any name that would resolve outside ``base``."""
    root = Path(base).resolve()
    target = (root / name).resolve()
    if target != root and root not in target.parents:
        raise ValueError(f"refusing to write {name!r} outside {root}")
    return target


def check_writable_folder(folder: str | Path, what: str) -> None:
    """Raise :class:`~framing.errors.InputError` when ``folder`` cannot be made or written into: a file of
    that name exists, a file stands where one of its parents should be, or the nearest existing parent is
    not writable. Checked before a long analysis, so that the run does not fail at its very end."""
    path = Path(folder)
    if path.exists() and not path.is_dir():
        raise InputError(f"a file of that name exists, so the {what} cannot go there", path=path, expected="a folder")
    parent = path
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise InputError(f"cannot make the folder for the {what}: a file stands in the way", path=parent)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"no permission to write the {what} here", path=parent)
