"""The result of an analysis: pandas tables, comparisons, highlighted text, reports.

Tables (built on first use and cached):

``documents``  one row per input document: doc_id, outlet, title, author, date,
               genre, status, n_words, n_sentences, language, then one column per metric
``sentences``  doc_id, outlet, sentence_id, start, end, text, kind, then analyzer columns
``mentions``   doc_id, outlet, actor, sentence_id, start, end, text, form, possessive,
               then stance columns (stance, label, quoted, source) when stance has run
``evidence``   doc_id, outlet, analyzer, category, start, end, text, weight, actor, sentence_id, note
``cleaning``   doc_id, start, end (raw offsets), text, replacement, rule, reason

Every ``start``/``end`` of sentences, mentions and evidence indexes
``a.text(doc_id)``, the cleaned text; cleaning offsets index the raw text.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .analyzers.base import Metric
from .compare import Comparable
from .corpus import STANDARD_FIELDS, Corpus
from .doc_status import analysed
from .packed import PackedOutput, pack
from .periods import group_labels, is_period
from .pipeline import DocOutput, Pipeline

if TYPE_CHECKING:
    from .explain import Highlight

__all__ = ["Analysis"]

#: Tables are built this many documents at a time, each chunk turned into arrays before the next is read:
#: the Python objects of a chunk (an int or float per cell) are then freed and their memory reused, instead
#: of the objects of every row existing at once next to the arrays made from them.
_CHUNK_DOCS = 256

_DOC_HEAD = ["doc_id", *STANDARD_FIELDS, "status", "n_words", "n_sentences", "language", "duplicate_of"]


def documents_frame(rows: list[dict[str, Any]], metric_names: Sequence[str]) -> pd.DataFrame:
    """The documents table from document rows: standard columns first, metadata, then metrics."""
    df = pd.DataFrame(rows)
    for c in _DOC_HEAD:
        if c not in df.columns:
            df[c] = "" if c not in ("n_words", "n_sentences") else 0
    metric_cols = [m for m in metric_names if m in df.columns]
    rest = [c for c in df.columns if c not in _DOC_HEAD and c not in metric_cols]
    df = df[_DOC_HEAD + rest + metric_cols]
    df["n_words"] = df["n_words"].fillna(0).astype(int)
    df["n_sentences"] = df["n_sentences"].fillna(0).astype(int)
    return df


class Analysis(Comparable):
    """Tables and comparisons for one analysed corpus (see the module docstring).

    Args:
        corpus: the documents as loaded.
        pipeline: the pipeline that analysed them.
        outputs: one output per document, in corpus order (an iterable is read once, as it comes).
        compact: keep each document's results pickled (:mod:`framing.packed`; 40% of the memory)
            rather than as Python objects. ``False`` for a short-lived analysis of a few documents.
    """

    def __init__(
        self,
        corpus: Corpus,
        pipeline: Pipeline,
        outputs: Iterable[DocOutput | PackedOutput],
        *,
        compact: bool = True,
    ) -> None:
        self.corpus = corpus
        self.pipeline = pipeline
        self._outputs: list[DocOutput | PackedOutput] = list(map(pack, outputs) if compact else outputs)
        self._index = {o.row["doc_id"]: i for i, o in enumerate(self._outputs)}

    # ------------------------------------------------------------------ basics
    def __len__(self) -> int:
        return len(self._outputs)

    def __repr__(self) -> str:
        st = self.documents["status"].str.split(":").str[0].value_counts()
        parts = [f"{n} {k}" for k, n in st.items() if k != "ok"]
        return (
            f"Analysis({len(self)} documents, {int(self.documents['n_words'].sum()):,} words, "
            f"analyzers: {', '.join(self.pipeline.analyzer_names) or 'none'}"
            f"{'; ' + ', '.join(parts) if parts else ''})"
        )

    @property
    def metrics(self) -> dict[str, Metric]:
        """The metrics defined by the analyzers, by name."""
        return dict(self.pipeline.metrics)

    @property
    def measures(self) -> list[str]:
        return self.pipeline.document_columns()

    @property
    def analyzers(self) -> list[str]:
        return self.pipeline.analyzer_names

    def text(self, doc_id: str) -> str:
        """The cleaned text of ``doc_id``: every start/end offset indexes it."""
        return self._outputs[self._doc_index(doc_id)].text

    def raw_text(self, doc_id: str) -> str:
        """The text as loaded (cleaning-log offsets index it)."""
        return self.corpus[doc_id].text

    def _doc_index(self, doc_id: str) -> int:
        try:
            return self._index[doc_id]
        except KeyError:
            raise KeyError(f"no document {doc_id!r} in this analysis") from None

    # ------------------------------------------------------------------ tables
    @cached_property
    def documents(self) -> pd.DataFrame:
        return documents_frame([o.row for o in self._outputs], list(self.pipeline.metrics))

    def _batches(self) -> Iterator[list[DocOutput | PackedOutput]]:
        """The outputs, :data:`_CHUNK_DOCS` at a time (one empty batch when there are none)."""
        outs = self._outputs
        for i in range(0, max(len(outs), 1), _CHUNK_DOCS):
            yield outs[i : i + _CHUNK_DOCS]

    def _concat(
        self, attr: str, text_from: str | None, head: list[str], base: Mapping[str, Any], declared: Mapping[str, Any]
    ) -> pd.DataFrame:
        """The ``attr`` rows of every document; without any, a table with no rows and every column (see
        :func:`_empty_table`), in the order a table with rows would have them."""
        frames = [pd.DataFrame(_ordered(_columns(b, attr, text_from), head)) for b in self._batches()]
        df = _join(frames, head)
        return df if len(df) else _join([_empty_table(base, declared)], head)

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return self._concat(
            "sentences",
            "text",
            ["doc_id", "outlet", "sentence_id", "start", "end", "text", "kind", "paragraph", "n_words"],
            _SENTENCE_BASE,
            self.pipeline.sentence_columns(),
        )

    @cached_property
    def mentions(self) -> pd.DataFrame:
        return self._concat(
            "mentions",
            "text",
            [
                "doc_id",
                "outlet",
                "actor",
                "sentence_id",
                "start",
                "end",
                "text",
                "form",
                "possessive",
                "stance",
                "label",
                "quoted",
                "source",
            ],
            _MENTION_BASE,
            self.pipeline.mention_columns(),
        )

    @cached_property
    def evidence(self) -> pd.DataFrame:
        head = ["doc_id", "outlet", "analyzer", "category", "start", "end", "text", "weight", "actor", "sentence_id"]
        return _join([pd.DataFrame(_ordered(_evidence_columns(b), head)) for b in self._batches()], head)

    @cached_property
    def cleaning(self) -> pd.DataFrame:
        rows = [(o.row["doc_id"], *c) for o in self._outputs for c in o.cleaning]
        return pd.DataFrame(rows, columns=["doc_id", "start", "end", "text", "replacement", "rule", "reason"])

    def rows_of(self, table: str, doc_id: str) -> pd.DataFrame:
        """The rows of ``table`` ("mentions", "evidence", "sentences") for one document, found through an
        index built once per table (explaining many documents does not rescan the tables)."""
        cache = self.__dict__.setdefault("_doc_rows", {})
        if table not in cache:
            frame = getattr(self, table)
            cache[table] = (frame, frame.groupby("doc_id", sort=False).indices if len(frame) else {})
        frame, index = cache[table]
        rows = index.get(doc_id)
        return frame.iloc[rows] if rows is not None else frame.iloc[0:0]

    def table(self, name: str) -> pd.DataFrame:
        """An extra table produced by an analyzer (``a.table("attributions")``), built on first use and kept
        (like the other tables: change a copy of it, not the table itself)."""
        cache: dict[str, pd.DataFrame] = self.__dict__.setdefault("_extra_tables", {})
        if name not in cache:
            if name not in self.table_names:
                raise KeyError(f"no table {name!r}; tables: {', '.join(self.table_names) or 'none'}")
            cache[name] = _join([pd.DataFrame(_extra_rows(b, name)) for b in self._batches()], ())
        return cache[name]

    @cached_property
    def table_names(self) -> list[str]:
        """The extra tables the analyzers produced (``a.table(name)``)."""
        return sorted({k for o in self._outputs for k in o.tables})

    # ------------------------------------------------------------------ comparison
    def distinctive_words(self, by: str = "outlet", top: int = 15, prior: float = 500.0) -> pd.DataFrame:
        """Words most distinctive of each group against the rest: log-odds with an informative
        Dirichlet prior, z-scores (Monroe, Colaresi & Quinn 2008; :mod:`framing.distinctive`)."""
        from .distinctive import distinctive_words

        return distinctive_words(self, by=by, top=top, prior=prior)

    def actor_counts(self, by: str = "outlet", per_thousand: bool = False) -> pd.DataFrame:
        """Mentions of each actor per group (rows: groups; columns: actors), raw or per 1,000 words. ``by`` is a
        documents column, or a period of their dates (``"month"``, ...; undated documents are left out)."""
        m = self.mentions
        docs = self.documents
        self.check_group(by)
        docs = docs[analysed(docs)]  # a document left unanalysed (not English) is in no comparison
        m = m[m["doc_id"].isin(docs["doc_id"])] if len(m) else m
        groups = pd.Series(group_labels(docs, by), index=docs.index)
        if is_period(by, docs.columns):
            docs, groups = docs[groups != ""], groups[groups != ""]
            m = m[m["doc_id"].isin(docs["doc_id"])]
        if m.empty:
            return pd.DataFrame(index=pd.Index(sorted(groups.unique()), name=by))
        g = m["doc_id"].map(dict(zip(docs["doc_id"], groups)))
        counts = pd.crosstab(g, m["actor"]).rename_axis(index=by, columns="actor")
        counts = counts.reindex(sorted(groups.unique()), fill_value=0)
        if per_thousand:
            words = docs.groupby(groups)["n_words"].sum()
            counts = counts.div(words.reindex(counts.index).replace(0, np.nan), axis=0) * 1000
        order = counts.sum(axis=0).sort_values(ascending=False).index
        return counts[order]

    # ------------------------------------------------------------------ display
    def explain(self, doc_id: str, analyzers: str | Sequence[str] | None = None) -> Highlight:
        """The document's text with every evidence span and actor mention highlighted."""
        from .explain import highlight

        return highlight(self, doc_id, analyzers=analyzers)

    def report(self, out_dir: str | Path = "framing-report", by: str | None = None, **options: Any) -> Path:
        """Write ``report.pdf``, one PNG per figure, CSV tables and ``report.html`` into ``out_dir``, comparing
        the documents by ``by``: ``outlet`` by default, or each document on its own when none names its outlet
        and there are at most 30 (the title page says so)."""
        from .report import write_report

        return write_report(self, out_dir, by=by, **options)

    def save_tables(self, out_dir: str | Path, formats: Sequence[str] = ("csv",)) -> list[Path]:
        """Write every table as CSV (and/or Parquet) into ``out_dir``."""
        from .export import save_tables

        return save_tables(self, out_dir, formats=formats)

    def _repr_html_(self) -> str:
        docs = self.documents
        metric_cols = [m for m in self.pipeline.metrics if m in docs.columns][:6]
        show = docs[["doc_id", "outlet", "n_words", *metric_cols, "status"]].head(20)
        return f"<p><b>{html.escape(repr(self))}</b></p>" + show.to_html(
            index=False, float_format=lambda v: f"{v:.2f}", na_rep="–"
        )


def _columns(outputs: Sequence[DocOutput | PackedOutput], attr: str, text_from: str | None) -> dict[str, list[Any]]:
    """The ``attr`` rows (sentences or mentions) of ``outputs`` as columns, with doc_id, outlet and, when
    ``text_from``, the text of each row's span."""
    cols: dict[str, list[Any]] = {"doc_id": [], "outlet": []}
    n_total = 0
    for o in outputs:
        part = getattr(o, attr)  # read once (a packed output unpickles a part on each read)
        n = len(next(iter(part.values()))) if part else 0
        if n == 0:
            continue
        cols["doc_id"].extend([o.row["doc_id"]] * n)
        cols["outlet"].extend([o.row.get("outlet", "")] * n)
        for c, values in part.items():
            if c not in cols:
                cols[c] = [None] * n_total
            cols[c].extend(values)
        if text_from:
            t = o.text
            cols.setdefault("text", [None] * n_total).extend(t[s:e] for s, e in zip(part["start"], part["end"]))
        n_total += n
        for c in cols:
            if len(cols[c]) < n_total:
                cols[c].extend([None] * (n_total - len(cols[c])))
    return cols


_EVIDENCE_FIELDS = ("analyzer", "category", "start", "end", "weight", "actor", "sentence_id", "note")


def _evidence_columns(outputs: Sequence[DocOutput | PackedOutput]) -> dict[str, list[Any]]:
    """The evidence of ``outputs`` as columns (built a column at a time, not a tuple per row)."""
    cols: dict[str, list[Any]] = {c: [] for c in ("doc_id", "outlet", *_EVIDENCE_FIELDS, "text")}
    starts, ends = cols["start"], cols["end"]
    for o in outputs:
        ev = o.evidence
        if not ev:
            continue
        n0 = len(starts)
        for c, values in zip(_EVIDENCE_FIELDS, zip(*ev)):
            cols[c].extend(values)
        t = o.text
        cols["text"].extend(map(t.__getitem__, map(slice, starts[n0:], ends[n0:])))
        cols["doc_id"].extend([o.row["doc_id"]] * len(ev))
        cols["outlet"].extend([o.row.get("outlet", "")] * len(ev))
    return cols


def _extra_rows(outputs: Sequence[DocOutput | PackedOutput], name: str) -> list[dict[str, Any]]:
    """The rows of extra table ``name`` in ``outputs``, with doc_id and outlet."""
    rows: list[dict[str, Any]] = []
    for o in outputs:
        got = o.tables.get(name)
        if got:
            did, outlet = o.row["doc_id"], o.row.get("outlet", "")
            rows.extend(dict(doc_id=did, outlet=outlet, **r) for r in got)
    return rows


def _ordered(cols: dict[str, list[Any]], head: Sequence[str]) -> dict[str, list[Any]]:
    """``cols`` with the columns of ``head`` first, in its order, then the others as they came."""
    return {c: cols[c] for c in [*(c for c in head if c in cols), *(c for c in cols if c not in head)]}


def _join(frames: list[pd.DataFrame], head: Sequence[str]) -> pd.DataFrame:
    """One table from the tables of each batch of documents (see :data:`_CHUNK_DOCS`); batches without
    rows are left out (an empty table's columns have no dtype to agree with), unless all are empty."""
    frames = [f for f in frames if len(f)] or frames[:1]
    df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    order = [c for c in head if c in df.columns] + [c for c in df.columns if c not in head]
    return df if list(df.columns) == order else df[order]


#: the columns every sentence and mention row has before the analyzers' own, with a value of each one's type
_SENTENCE_BASE: dict[str, Any] = dict.fromkeys(("doc_id", "outlet"), "") | {
    "sentence_id": 0,
    "start": 0,
    "end": 0,
    "text": "",
    "kind": "",
    "paragraph": 0,
    "n_words": 0,
}
_MENTION_BASE: dict[str, Any] = {
    "doc_id": "",
    "outlet": "",
    "actor": "",
    "sentence_id": 0,
    "start": 0,
    "end": 0,
    "text": "",
    "form": "",
    "possessive": False,
}


def _empty_table(base: Mapping[str, Any], declared: Mapping[str, Any]) -> pd.DataFrame:
    """A table without rows that still has every column (``base``, then the analyzers' ``declared`` columns
    with their empty values), each of the type of that value: code reading a corpus where no document had a
    sentence or a mention finds the columns it would find in any other."""
    cols = {**base, **{c: v for c, v in declared.items() if c not in base}}
    return pd.DataFrame({c: pd.Series([v], dtype=_dtype_of(v)).iloc[:0] for c, v in cols.items()})


def _dtype_of(value: Any) -> Any:
    if isinstance(value, bool):
        return bool
    if isinstance(value, int):
        return "int64"
    if isinstance(value, float):
        return "float64"
    if isinstance(value, str):
        return "str"
    return object


def _nan_to_none(v: Any) -> Any:
    return None if isinstance(v, float) and math.isnan(v) else v
