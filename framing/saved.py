"""Comparing outlets from the tables a streamed run wrote, without analysing the texts again.

``framing score corpus.jsonl -o scores.parquet --tables documents,sentences,mentions`` streams a corpus
of any size to files. :func:`load_scores` reads them back and gives the comparisons of an
:class:`~framing.analysis.Analysis` (``compare`` and ``differences``, with bootstrap intervals over
documents) computed from the same column sums, so they equal those of ``framing.analyze`` on the same
documents.

A metric is a function of column sums over sentences or mentions (:class:`~framing.analyzers.base.Metric`),
so the comparisons need the ``sentences`` table (and ``mentions`` for the per-actor metrics such as
stance); the documents table alone holds each document's value, not its sums, and an outlet's figure is
not the mean of its documents' values. Only the columns the metrics read are loaded (no sentence text),
whole numbers in the smallest integer type and document ids as codes, so memory grows with the number of
sentences, not with the length of the texts (``python benchmarks/memory.py scores`` measures it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .analyzers.base import Analyzer, Metric
from .compare import Comparable, chosen_metrics
from .errors import InputError, OptionError
from .export import FORMATS, split_items

__all__ = ["Scores", "load_scores"]

_TABLES = ("sentences", "mentions")
_ROWS = 50_000


class Scores(Comparable):
    """The tables of a streamed run (see the module docstring), with ``compare`` and ``differences``.

    Args:
        documents: the documents table (one row per document, with ``doc_id``, ``status`` and the grouping
            columns).
        metrics: the metrics whose sums the tables hold, by name.
        sentences, mentions: the tables the metrics read (``None``: not written by the run).
        measures: the documents table's columns that are numbers measured in each document (they cannot
            group documents).
    """

    documents: pd.DataFrame  # an attribute here (a property of :class:`~framing.compare.Comparable`'s other kinds)

    def __init__(
        self,
        documents: pd.DataFrame,
        metrics: dict[str, Metric],
        sentences: pd.DataFrame | None = None,
        mentions: pd.DataFrame | None = None,
        measures: Iterable[str] = (),
        source: str = "",
    ) -> None:
        self.documents = documents
        self._metrics = metrics
        self._sentences = sentences
        self._mentions = mentions
        self._measures = list(dict.fromkeys([*metrics, *measures]))
        self.source = source

    def __repr__(self) -> str:
        tables = [t for t in _TABLES if getattr(self, f"_{t}") is not None]
        return (
            f"Scores({len(self.documents)} documents, {len(self._metrics)} metrics, "
            f"tables: {', '.join(['documents', *tables])}{', from ' + self.source if self.source else ''})"
        )

    @property
    def metrics(self) -> dict[str, Metric]:
        return dict(self._metrics)

    @property
    def measures(self) -> list[str]:
        return list(self._measures)

    @property
    def sentences(self) -> pd.DataFrame:
        return self._sentences if self._sentences is not None else pd.DataFrame(columns=["doc_id", "sentence_id"])

    @property
    def mentions(self) -> pd.DataFrame:
        return (
            self._mentions if self._mentions is not None else pd.DataFrame(columns=["doc_id", "sentence_id", "actor"])
        )

    def check_comparison(self, metric: str | Iterable[str] | None, issue: str | None, actor: str | None) -> None:
        """An :class:`~framing.errors.OptionError` naming the ``--tables`` a comparison needs and the run left out."""
        chosen = [self._metrics[m] for m in chosen_metrics(self, metric)]
        need = {m.table for m in chosen} | {"mentions" for m in chosen if "_mentions" in m.columns}
        if issue is not None:
            need.add("sentences")
        if actor is not None:
            need.add("mentions")
        missing = [t for t in _TABLES if t in need and getattr(self, f"_{t}") is None]
        if missing:
            what = " and ".join(missing)
            listed = ",".join(["documents", *missing])
            raise OptionError(
                f"this comparison needs the {what} table{'s' if len(missing) > 1 else ''}, which the run did not "
                f"write{' beside ' + self.source if self.source else ''}: score with --tables {listed} (in Python, "
                f"score_to_file(..., tables={tuple(listed.split(','))!r})). A metric is a function of sums over "
                "sentences or mentions; the documents table holds only each document's value"
            )


def load_scores(
    path: str | Path,
    analyzers: str | Analyzer | Sequence[str | Analyzer] | None = None,
) -> Scores:
    """Read the tables of a streamed run (``framing score`` or :func:`framing.score.score_to_file`).

    ``path`` is the run's output (``scores.parquet``, ``.csv`` or ``.jsonl``); the sentences and mentions
    tables are read from beside it (``scores.sentences.parquet``) when the run wrote them. ``path`` may also be
    a folder of tables as :meth:`framing.Analysis.save_tables` and a report write them (``documents.csv``,
    ``sentences.csv``, ``mentions.csv``).

    ``analyzers``: the analyzers of the run, when they were configured (a frame analyzer with the user's
    lexicon, say); by default the metrics are those of the default analyzers whose columns the documents
    table has.
    """
    from .pipeline import build_analyzers, measured_columns
    from .score import table_path

    out = Path(path)
    beside = partial(table_path, out)
    if out.is_dir():  # the tables of Analysis.save_tables or of a report: documents.csv, sentences.csv, ...
        found = [out / f"documents{suffix}" for suffix in FORMATS if (out / f"documents{suffix}").is_file()]
        if not found:
            raise InputError("no documents table (documents.parquet, .csv or .jsonl) in this folder", path=out)
        out = found[0]
        beside = partial(_in_folder, out)
    if out.suffix.lower() not in FORMATS:
        raise OptionError(
            f"{out}: a run's output is a .parquet, .csv or .jsonl file, not {out.suffix or 'no suffix'!r}"
        )
    if not out.is_file():
        raise InputError("no such file (the output of framing score)", path=out)
    kinds = build_analyzers(analyzers)
    head = _columns(out)
    metrics = {m.name: m for a in kinds for m in a.metrics() if m.name in head}
    if "doc_id" not in head or "status" not in head:
        raise InputError(
            "not the documents table of a framing run",
            path=out,
            expected="the columns doc_id and status",
            found=", ".join(head[:8]),
        )
    measures = measured_columns(head, kinds)
    # the analyzers' free-form document values are numbers (n_sources) or labels (top_issue): a text column
    # becomes numbers only when every value is one
    documents = _read(out, None, numeric=[*metrics, "n_words", "n_sentences"], maybe_numeric=measures, small=False)
    # a sentence or mention names its document by a code into the documents' ids (4 bytes, not a string each)
    # (pandas takes any list-like as categories; pandas-stubs list only Series, Index and list)
    ids = pd.CategoricalDtype(documents["doc_id"].unique())  # type: ignore[arg-type]  # pandas-stubs too narrow
    tables: dict[str, pd.DataFrame | None] = {}
    for name, keys in (
        ("sentences", ["doc_id", "sentence_id", "issues"]),
        ("mentions", ["doc_id", "sentence_id", "actor"]),
    ):
        p = beside(name)
        if not p.is_file():
            tables[name] = None
            continue
        # the pseudo-columns "_rows" and "_mentions" are counted, not read
        cols = [c for m in metrics.values() if m.table == name for c in m.columns if not c.startswith("_")]
        have = _columns(p)
        wanted = [c for c in dict.fromkeys([*keys, *cols]) if c in have]
        tables[name] = _read(p, wanted, numeric=["sentence_id", *cols], lists=["issues"], ids=ids)
    return Scores(documents, metrics, tables["sentences"], tables["mentions"], measures, source=str(out))


def _in_folder(documents: Path, name: str) -> Path:
    """Table ``name`` in the folder of a saved documents table (``tables/documents.csv`` → ``tables/sentences.csv``)."""
    return documents.with_name(f"{name}{documents.suffix}")


def _columns(path: Path) -> list[str]:
    """The column names of a table file, read from its head."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            return list(pq.read_schema(path).names)
        if suffix == ".csv":
            return list(pd.read_csv(path, nrows=0).columns)
        with open(path, encoding="utf-8") as fh:
            first = fh.readline()
        return list(json.loads(first)) if first.strip() else []
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the table: {exc}", path=path) from exc


def _read(
    path: Path,
    columns: list[str] | None,
    numeric: Iterable[str],
    lists: Iterable[str] = (),
    maybe_numeric: Iterable[str] = (),
    small: bool = True,
    ids: pd.CategoricalDtype | None = None,
) -> pd.DataFrame:
    """A table file's ``columns`` (all for ``None``), read :data:`_ROWS` rows at a time: ids and labels as text (an
    id "007" stays "007", an outlet "NA" stays "NA"), the ``numeric`` columns as numbers (empty cells NaN; whole
    numbers in the smallest integer type that holds them when ``small``, mostly one byte for a sentence's 0/1
    flags and counts), the ``lists`` columns as tuples (CSV joins a list's items with "; "), the
    ``maybe_numeric`` columns as numbers when every value of the table is one, and ``doc_id`` as codes of the
    categories ``ids`` when given."""
    numeric, lists = list(numeric), list(lists)
    try:
        parts = [_tidy(chunk, numeric, lists, small, ids) for chunk in _chunks(path, columns)]
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the table: {exc}", path=path) from exc
    if not parts:
        return pd.DataFrame(columns=columns if columns is not None else _columns(path))
    df = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    for c in maybe_numeric:
        if c in df.columns and df[c].dtype.kind not in "fiub":
            given = df[c].replace("", np.nan)
            numbers = pd.to_numeric(given, errors="coerce")
            if numbers.notna().sum() == given.notna().sum():
                df[c] = numbers
    return df


def _chunks(path: Path, columns: list[str] | None) -> Iterator[pd.DataFrame]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=_ROWS, columns=columns):
            yield batch.to_pandas()
        pa.default_memory_pool().release_unused()  # Arrow's pool keeps the batches' memory otherwise
    elif suffix == ".csv":
        want = set(columns) if columns is not None else None
        yield from pd.read_csv(
            path,
            usecols=(lambda c: c in want) if want is not None else None,
            dtype=str,
            keep_default_na=False,
            chunksize=_ROWS,
        )
    else:
        for chunk in pd.read_json(path, lines=True, dtype=False, precise_float=True, chunksize=_ROWS):
            yield chunk[[c for c in chunk.columns if c in columns]] if columns is not None else chunk


def _tidy(
    df: pd.DataFrame, numeric: list[str], lists: list[str], small: bool, ids: pd.CategoricalDtype | None
) -> pd.DataFrame:
    if "doc_id" in df.columns:
        df["doc_id"] = df["doc_id"].astype(str)
        if ids is not None:
            df["doc_id"] = df["doc_id"].astype(ids)
    for c in numeric:
        if c not in df.columns:
            continue
        if df[c].dtype.kind not in "fiub":
            df[c] = pd.to_numeric(df[c].replace("", np.nan), errors="coerce")
        if small and df[c].dtype.kind in "iu":
            df[c] = pd.to_numeric(df[c], downcast="integer")
    for c in lists:
        if c in df.columns:
            shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per distinct list: most are ()
            df[c] = [shared.setdefault(t, t) for t in map(_as_tuple, df[c])]
    return df


def _as_tuple(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return split_items(value)
    if value is None or (isinstance(value, float) and value != value):
        return ()
    return tuple(str(v) for v in value)
