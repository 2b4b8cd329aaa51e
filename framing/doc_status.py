"""Which documents of an analysis were measured: the rows of the documents table the analyzers ran on.

A document is skipped (empty, unreadable, binary) or, when it does not look like English, kept with the
language ``not English`` and no analyzer applied. Neither has measures: a comparison, a word count or a
sample for hand coding that took them in would count them as documents with no hedges, no sources and a
neutral stance.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NOT_ENGLISH", "analysed"]

#: the ``language`` of a document the analyzers were not applied to
NOT_ENGLISH = "not English"


def analysed(docs: Any) -> Any:
    """A boolean array: which rows of a documents table (a DataFrame) are neither skipped nor ``NOT_ENGLISH``."""
    ok = ~docs["status"].astype(str).str.startswith("skipped").to_numpy()
    if "language" in docs.columns:
        ok &= docs["language"].astype(str).ne(NOT_ENGLISH).to_numpy()
    return ok
