"""Output file names that cannot escape the output folder.

Names of figures and tables can come from user files (an issue called
``../../etc/passwd``); every file framing writes gets its name through
:func:`safe_name` and is checked with :func:`inside` before writing.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

__all__ = ["inside", "safe_name"]

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
