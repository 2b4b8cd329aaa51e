"""Documents and the immutable Corpus that holds them.

A :class:`Document` keeps the text as loaded (decoded, HTML stripped, never
cleaned), its metadata and a load ``status``: ``"ok"``, ``"warning"`` or
``"skipped"`` with the reasons in ``notes``. A skipped document stays in the
corpus, so every input appears in every output table with its status.

A :class:`Corpus` is immutable: filters return new corpora.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, cast

from ._frozen import FrozenDict

if TYPE_CHECKING:
    import pandas as pd

    from .domain import Domain

__all__ = ["STANDARD_FIELDS", "Corpus", "Document", "UniqueIds", "add_note", "renamed_note", "unique_ids"]

#: Metadata every document has (empty string when unknown).
STANDARD_FIELDS = ("outlet", "title", "author", "date", "genre")


@dataclass(frozen=True)
class Document:
    """One article: its raw text, metadata and load status."""

    id: str
    text: str
    outlet: str = ""
    title: str = ""
    author: str = ""
    date: str = ""
    genre: str = ""
    meta: Mapping[str, Any] = field(default_factory=lambda: FrozenDict({}))
    source: str = ""
    status: str = "ok"
    notes: tuple[str, ...] = ()

    @property
    def skipped(self) -> bool:
        return self.status == "skipped"

    def get(self, key: str, default: Any = "") -> Any:
        """A metadata value by name: a standard field or an extra column."""
        if key in STANDARD_FIELDS or key in ("id", "source", "status"):
            return getattr(self, key)
        return self.meta.get(key, default)

    def with_notes(self, status: str, *notes: str) -> Document:
        """A copy with a worse status and more notes (``skipped`` > ``warning`` > ``ok``)."""
        rank = {"ok": 0, "warning": 1, "skipped": 2}
        new = status if rank[status] > rank[self.status] else self.status
        return replace(self, status=new, notes=self.notes + tuple(notes))

    @property
    def status_text(self) -> str:
        """``"ok"``, or the status with its reasons: ``"skipped: empty document"``."""
        return self.status if not self.notes else f"{self.status}: {'; '.join(self.notes)}"


class UniqueIds:
    """The ids handed out so far: a repeated id becomes ``id~1``, ``id~2``, … (the first not yet used).
    Keeps every id seen (about 100 bytes per document)."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}  # id → the last suffix given to a repeat of it

    def take(self, doc_id: str) -> str:
        """``doc_id`` itself the first time; later, a new id not used before."""
        seen = self._seen
        if doc_id not in seen:
            seen[doc_id] = 0
            return doc_id
        k = seen[doc_id]
        new_id = doc_id
        while new_id in seen:
            k += 1
            new_id = f"{doc_id}~{k}"
        seen[doc_id] = k
        seen[new_id] = 0
        return new_id


def renamed_note(new_id: str) -> str:
    """The note a document gets when its repeated id is renamed."""
    return f"duplicate id, renamed to {new_id}"


def add_note(status: str, note: str) -> str:
    """A status text (``"ok"``, ``"ok: converted from HTML"``, ``"skipped: …"``) with one more note, the
    notes it had kept; ``ok`` becomes ``warning`` (the note is one)."""
    kind, _, notes = status.partition(": ")
    kind = "warning" if kind == "ok" else kind
    return f"{kind}: {notes}; {note}" if notes else f"{kind}: {note}"


def unique_ids(documents: Iterable[Document]) -> Iterator[Document]:
    """The documents in order, each id used once (:class:`UniqueIds`); a renamed document gets a warning.

    Lazy, so a stream is renamed as it is read (``framing score``) exactly as a :class:`Corpus` renames it.
    """
    ids = UniqueIds()
    for d in documents:
        new_id = ids.take(d.id)
        if new_id != d.id:
            d = replace(d, id=new_id).with_notes("warning", renamed_note(new_id))
        yield d


class Corpus(Sequence[Document]):
    """An immutable, ordered collection of documents.

    Build with :func:`framing.load_corpus`, :func:`framing.load_seeds`,
    :meth:`from_dataframe` or :meth:`from_records`.
    """

    __slots__ = ("_by_id", "_docs", "_n_words", "domain", "name")
    _docs: tuple[Document, ...]
    _by_id: dict[str, int]
    _n_words: int | None
    #: a label for reports (``load_corpus`` gives the file or folder name)
    name: str
    #: the actor and issue files that came with the corpus (:mod:`framing.domain`), or ``None``
    domain: Domain | None

    def __init__(self, documents: Iterable[Document], name: str = "", domain: Domain | None = None) -> None:
        fixed = tuple(unique_ids(documents))
        object.__setattr__(self, "_docs", fixed)
        object.__setattr__(self, "_by_id", {d.id: i for i, d in enumerate(fixed)})
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "domain", domain)
        object.__setattr__(self, "_n_words", None)

    def _with(self, documents: Iterable[Document]) -> Corpus:
        """A new corpus of ``documents`` with this one's name and domain files."""
        return Corpus(documents, name=self.name, domain=self.domain)

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("a Corpus is immutable: filters and selections return new corpora")

    def __delattr__(self, key: str) -> None:
        raise AttributeError("a Corpus is immutable")

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        text: str = "text",
        id: str | None = "id",
        outlet: str | None = "outlet",
        name: str = "",
        source: str = "",
    ) -> Corpus:
        """Build from dicts (one per document); see :meth:`from_dataframe` for the column arguments."""
        from .io import documents_from_records

        return cls(documents_from_records(records, text=text, id=id, outlet=outlet, source=source), name=name)

    @classmethod
    def from_dataframe(
        cls,
        df: pd.DataFrame,
        text: str = "text",
        id: str | None = "id",
        outlet: str | None = "outlet",
        name: str = "",
    ) -> Corpus:
        """Build from a DataFrame. ``text``, ``id`` and ``outlet`` name its columns.

        Without an id column, ids are ``row-<n>`` (the row's position). Other
        columns (title, author, date, genre, and anything else) become metadata.
        """
        from .io import check_columns

        check_columns(list(df.columns), text=text, id=id, outlet=outlet, where="the DataFrame")
        # pandas-stubs key a record by Hashable: here the keys are the columns, field names as in any record
        records = cast("list[dict[str, Any]]", df.to_dict("records"))
        return cls.from_records(records, text=text, id=id, outlet=outlet, name=name, source="DataFrame")

    # ------------------------------------------------------------------ sequence
    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._docs)

    def __getitem__(self, key):
        if isinstance(key, str):
            try:
                return self._docs[self._by_id[key]]
            except KeyError:
                raise KeyError(f"no document with id {key!r}") from None
        if isinstance(key, slice):
            return self._with(self._docs[key])
        return self._docs[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_id if isinstance(key, str) else key in self._docs

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Corpus) and self._docs == other._docs

    def __hash__(self) -> int:
        return hash(self._docs)

    # ------------------------------------------------------------------ info
    @property
    def ids(self) -> list[str]:
        return [d.id for d in self._docs]

    @property
    def outlets(self) -> list[str]:
        """Distinct outlets in order of first appearance."""
        return list(dict.fromkeys(d.outlet for d in self._docs if d.outlet))

    @property
    def n_words(self) -> int:
        """Words separated by white space in the raw texts (as ``wc -w`` counts)."""
        if self._n_words is None:
            object.__setattr__(self, "_n_words", sum(len(d.text.split()) for d in self._docs))
        return self._n_words  # type: ignore[return-value]

    def __repr__(self) -> str:
        n = len(self._docs)
        skipped = sum(d.skipped for d in self._docs)
        extra = f", {skipped} skipped" if skipped else ""
        return (
            f"Corpus({n:,} document{'s' if n != 1 else ''}, {self.n_words:,} words, "
            f"{len(self.outlets):,} outlet{'s' if len(self.outlets) != 1 else ''}{extra})"
        )

    def _repr_html_(self) -> str:
        rows = []
        for d in self._docs[:20]:
            words = len(d.text.split())
            rows.append(
                "<tr>"
                + "".join(
                    f"<td>{html.escape(str(v))}</td>"
                    for v in (d.id, d.outlet, d.title[:80], d.date, f"{words:,}", d.status_text)
                )
                + "</tr>"
            )
        more = f"<p>… and {len(self) - 20:,} more</p>" if len(self) > 20 else ""
        head = "".join(f"<th>{h}</th>" for h in ("id", "outlet", "title", "date", "words", "status"))
        return (
            f"<p><b>{html.escape(repr(self))}</b></p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"
        )

    # ------------------------------------------------------------------ filters (new corpora)
    def filter(self, predicate: Callable[[Document], bool]) -> Corpus:
        """A new corpus with the documents for which ``predicate`` is true."""
        return self._with(d for d in self._docs if predicate(d))

    def where(self, **conditions: Any) -> Corpus:
        """Documents whose metadata equal the given values (a list or set means "any of").

        ``corpus.where(outlet="Dawn")``, ``corpus.where(outlet=["Dawn", "The News"], genre="op-ed")``
        """

        def ok(d: Document) -> bool:
            for key, want in conditions.items():
                have = d.get(key)
                if isinstance(want, (list, tuple, set, frozenset)):
                    if have not in want:
                        return False
                elif have != want:
                    return False
            return True

        return self.filter(ok)

    def select(self, ids: Iterable[str]) -> Corpus:
        """The documents with the given ids, in the given order."""
        return self._with(self[i] for i in ids)

    def sample(self, n: int, seed: int = 0) -> Corpus:
        """``n`` documents drawn at random without replacement (reproducible with ``seed``)."""
        rng = random.Random(seed)
        idx = sorted(rng.sample(range(len(self._docs)), min(n, len(self._docs))))
        return self._with(self._docs[i] for i in idx)

    def head(self, n: int = 5) -> Corpus:
        return self._with(self._docs[:n])

    def to_dataframe(self) -> pd.DataFrame:
        """One row per document: id, the standard fields, extra metadata, text, status."""
        import pandas as pd

        extra_keys = list(dict.fromkeys(k for d in self._docs for k in d.meta))
        rows = []
        for d in self._docs:
            row = {"doc_id": d.id, **{f: getattr(d, f) for f in STANDARD_FIELDS}}
            row.update({k: d.meta.get(k, "") for k in extra_keys if k not in row})
            row.update(text=d.text, source=d.source, status=d.status_text)
            rows.append(row)
        return pd.DataFrame(
            rows,
            columns=[
                "doc_id",
                *STANDARD_FIELDS,
                *[k for k in extra_keys if k not in STANDARD_FIELDS and k != "doc_id"],
                "text",
                "source",
                "status",
            ],
        )
