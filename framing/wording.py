"""Counts in words, for the sentences framing writes: "1 document", "2 documents", "1 sentence is", "3 are"."""

from __future__ import annotations

__all__ = ["count"]


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with ``noun`` in the singular or the plural (``noun + "s"`` unless ``plural`` is given), the number
    with thousands separators: ``count(1, "document")`` is "1 document", ``count(1200, "row")`` "1,200 rows"."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"
