"""A document's results kept as bytes, for an :class:`~framing.analysis.Analysis` of many documents.

A :class:`~framing.pipeline.DocOutput` is made of small Python objects: on a 900-word news article
its sentence columns, mentions, evidence tuples and text take about 120 KB of memory, most of it
object headers (a Python int takes 28 bytes, a tuple 56 plus 8 per item). Pickled, the same
results take about 29 KB. A :class:`PackedOutput` keeps the document row (the documents table
reads it, and the duplicate check writes to it) and the fingerprint as they are, and each other
part as its own pickle, unpickled afresh whenever it is read. Building a table then unpickles
only the part it needs, once per document.

Measured on 2,000 AllSides articles (``python benchmarks/memory.py analysis``): an ``Analysis``
holds 47 KB per article packed against 120 KB unpacked, and packing costs about 4% of the
analysis time (done by the worker processes when there are some).
"""

from __future__ import annotations

import pickle
from typing import Any

from .pipeline import DocOutput

__all__ = ["PARTS", "PackedOutput", "pack"]

#: The parts of a DocOutput that are kept pickled (row and fingerprint stay as they are).
PARTS = ("text", "sentences", "mentions", "evidence", "cleaning", "tables")


def _loader(i: int) -> property:
    def get(self: PackedOutput) -> Any:
        return pickle.loads(self._blobs[i])

    get.__doc__ = f"The document's ``{PARTS[i]}`` (unpickled on each read: keep the value if you read it often)."
    return property(get)


class PackedOutput:
    """A :class:`~framing.pipeline.DocOutput` with every part but ``row`` and ``fingerprint`` pickled.

    It reads like a DocOutput (``o.sentences``, ``o.evidence``, …); each read returns a new copy,
    so changing what was read does not change the packed output. :meth:`unpack` gives the DocOutput back.
    """

    __slots__ = ("_blobs", "fingerprint", "row")

    def __init__(self, row: dict[str, Any], blobs: tuple[bytes, ...], fingerprint: Any = None) -> None:
        if len(blobs) != len(PARTS):
            raise ValueError(f"a packed output has {len(PARTS)} parts ({', '.join(PARTS)}), not {len(blobs)}")
        self.row = row
        self._blobs = blobs
        self.fingerprint = fingerprint

    text = _loader(0)
    sentences = _loader(1)
    mentions = _loader(2)
    evidence = _loader(3)
    cleaning = _loader(4)
    tables = _loader(5)

    @property
    def nbytes(self) -> int:
        """Bytes held by the pickled parts."""
        return sum(map(len, self._blobs))

    def unpack(self) -> DocOutput:
        """The DocOutput this was packed from (equal to it, not the same object)."""
        text, sentences, mentions, evidence, cleaning, tables = map(pickle.loads, self._blobs)
        return DocOutput(self.row, text, sentences, mentions, evidence, cleaning, tables, fingerprint=self.fingerprint)

    def __reduce__(self) -> tuple[Any, ...]:  # sent to and from worker processes as bytes: cheap to pickle
        return (PackedOutput, (self.row, self._blobs, self.fingerprint))

    def __repr__(self) -> str:
        return f"PackedOutput({self.row.get('doc_id')!r}, {self.nbytes:,} bytes)"


def pack(out: DocOutput | PackedOutput) -> PackedOutput:
    """``out`` with its parts pickled (a PackedOutput is returned as it is)."""
    if isinstance(out, PackedOutput):
        return out
    dumps = pickle.dumps
    return PackedOutput(out.row, tuple(dumps(getattr(out, p), pickle.HIGHEST_PROTOCOL) for p in PARTS), out.fingerprint)
