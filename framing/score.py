"""``framing score``: stream a corpus through the pipeline and write the documents table.

Documents are read, analysed and written in chunks, so memory stays flat
however large the input. The table goes to a temporary file that replaces
the output only when the run completes: a crash never leaves a half-written
file. With ``resume=True`` the documents already in the output are skipped
and the new rows are added after them.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .analysis import Analysis, documents_frame
from .corpus import Corpus, Document
from .io import iter_documents
from .pipeline import DocOutput, Pipeline
from .run import process_documents, resolve_actors, resolve_issues

__all__ = ["ScoreSummary", "score_to_file"]

CHUNK = 256
DISCOVERY_DOCS = 2000


@dataclass
class ScoreSummary:
    written: int
    resumed: int
    documents: pd.DataFrame  # status columns of the rows written in this run


def _existing_ids(path: Path) -> tuple[set[str], pd.DataFrame | None]:
    if not path.exists():
        return set(), None
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        df = pd.read_parquet(path)
    elif suffix == ".csv":
        df = pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
    else:
        df = pd.read_json(path, lines=True, dtype={"doc_id": str})
    return set(df["doc_id"].astype(str)), df


class _Writer:
    """Appends row batches to a temporary file in the output's format; ``commit`` renames it into place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.partial")
        self.suffix = path.suffix.lower()
        if self.suffix not in (".csv", ".jsonl", ".ndjson", ".parquet"):
            raise ValueError(f"output must be .csv, .jsonl or .parquet, not {path.suffix!r}")
        self.columns: list[str] | None = None
        self._pq = None
        self._fh = None

    def write(self, df: pd.DataFrame) -> None:
        from .export import flatten_lists

        if self.columns is None:
            self.columns = list(df.columns)
        else:
            extra = [c for c in df.columns if c not in self.columns]
            if extra and self.suffix != ".jsonl":
                df = df.drop(columns=extra)  # the first batch fixes the columns of a table file
            df = df.reindex(columns=self.columns + (extra if self.suffix == ".jsonl" else []))
        if self.suffix == ".csv":
            first = self._fh is None
            if first:
                self._fh = open(self.tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115 - kept open across batches
            flatten_lists(df).to_csv(self._fh, index=False, header=first)
        elif self.suffix in (".jsonl", ".ndjson"):
            if self._fh is None:
                self._fh = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115 - kept open across batches
            for rec in df.to_dict("records"):
                self._fh.write(json.dumps(rec, ensure_ascii=False, default=_json_default) + "\n")
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(_parquet_safe(df), preserve_index=False)
            if self._pq is None:
                self._schema = table.schema
                self._pq = pq.ParquetWriter(self.tmp, self._schema)
            else:
                table = table.cast(self._schema, safe=False)
            self._pq.write_table(table)

    def commit(self) -> None:
        if self._fh is not None:
            self._fh.close()
        if self._pq is not None:
            self._pq.close()
        if self._fh is None and self._pq is None:  # nothing was written: an empty table
            empty = pd.DataFrame(columns=self.columns or ["doc_id"])
            if self.suffix == ".csv":
                empty.to_csv(self.tmp, index=False)
            elif self.suffix == ".parquet":
                empty.to_parquet(self.tmp, index=False)
            else:
                self.tmp.write_text("", encoding="utf-8")
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        for h in (self._fh, self._pq):
            if h is not None:
                h.close()


def _json_default(v: Any) -> Any:
    try:
        return float(v)
    except (TypeError, ValueError):
        return str(v)


def _parquet_safe(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = out[c].map(lambda v: None if v is None else (v if isinstance(v, str) else str(v)))
    return out


def score_to_file(
    source: str | Path | Corpus | Iterable[Document],
    out: str | Path,
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
    actors: Any = None,
    issues: Any = None,
    analyzers: Any = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    resume: bool = False,
    cleaner: Any = None,
    chunk_size: int = CHUNK,
    tables: Iterable[str] = ("documents",),
    duplicates: bool = True,
) -> ScoreSummary:
    """Analyse ``source`` in chunks and write one row per document to ``out``.

    ``tables`` may add ``"sentences"``, ``"mentions"``, ``"evidence"`` and ``"cleaning"``: each is
    streamed to a file beside ``out`` (``scores.parquet`` → ``scores.mentions.parquet``).

    ``duplicates=False`` leaves out the flagging of exact and near duplicates, the one part of a run
    whose memory grows with the number of documents (:mod:`framing.duplicates`). With ``resume``, only
    the documents of this run are compared with each other.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    extra = [t for t in tables if t != "documents"]
    unknown = [t for t in extra if t not in ("sentences", "mentions", "evidence", "cleaning")]
    if unknown:
        raise ValueError(
            f"unknown table {unknown[0]!r}: choose from documents, sentences, mentions, evidence, cleaning"
        )

    def stream() -> Iterator[Document]:
        if isinstance(source, (str, Path)):
            return iter_documents(source, text=text, id=id, outlet=outlet)
        return iter(source)

    probe = None
    if actors is None:
        head = Corpus(itertools.islice(stream(), DISCOVERY_DOCS), name="seeds" if _is_seeds(source) else "")
        probe = head
    pipeline = Pipeline(
        actors=resolve_actors(actors, probe), issues=resolve_issues(issues, probe), analyzers=analyzers, cleaner=cleaner
    )
    if resume and extra:
        raise ValueError("--resume works on the documents table alone; leave out the extra tables")
    done, previous = _existing_ids(out) if resume else (set(), None)
    writer = _Writer(out)
    side = {t: _Writer(out.with_name(f"{out.stem}.{t}{out.suffix}")) for t in extra}
    written = 0
    statuses = []

    def flush(batch: list[DocOutput]) -> None:
        writer.write(documents_frame([o.row for o in batch], list(pipeline.metrics)))
        if side:
            part = Analysis(Corpus([]), pipeline, batch)
            for name, w in side.items():
                frame = getattr(part, name)
                if len(frame):
                    w.write(frame)

    try:
        if previous is not None and len(previous):
            writer.write(previous)
        docs = (d for d in stream() if d.id not in done)
        batch: list[DocOutput] = []
        for o in process_documents(pipeline, docs, n_jobs=n_jobs, progress=progress, flag_duplicates=duplicates):
            batch.append(o)
            statuses.append((o.row["doc_id"], o.row["status"]))
            if len(batch) >= chunk_size:
                flush(batch)
                written += len(batch)
                batch = []
        if batch:
            flush(batch)
            written += len(batch)
        writer.commit()
        for w in side.values():
            w.commit()
    except BaseException:
        writer.abort()
        for w in side.values():
            w.abort()
        raise
    return ScoreSummary(
        written=written, resumed=len(done), documents=pd.DataFrame(statuses, columns=["doc_id", "status"])
    )


def _is_seeds(source: Any) -> bool:
    return isinstance(source, Corpus) and source.name == "seeds"
