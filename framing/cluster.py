"""Running framing on a Dask cluster (a Dask bag of documents, or a Dask DataFrame).

Install the extra: ``pip install "framing-toolkit[dask]"``. The pipeline (with
its compiled lexicons and actor matcher) goes into the task graph once, as
pickled bytes, and every partition unpickles its own copy (0.05 s; the stance
lexicon is rebuilt once per worker process: ``benchmarks/pipeline_copy.py``). A pipeline keeps memos
across documents, so one shared live object would be wrong twice over: the
threads of a worker would share its memos, and Dask may pickle it (to send it
to another worker, or to spill it to disk) while a task is changing them. Such
a half-updated copy had missed lexicon words for the rest of a run. Bytes cannot
change. Rows come back in input order; duplicate
flags need the whole corpus in order, so they are applied at the end
(:func:`flag_duplicates`) exactly as the serial path does, and the resulting
document table is the same as ``framing.analyze(...).documents``.

    import dask.dataframe as dd
    from distributed import Client
    import framing.cluster as fc

    client = Client("tcp://scheduler:8786")            # or Client() for a local cluster
    ddf = dd.read_parquet("s3://bucket/articles/*.parquet")
    docs = fc.score_dataframe(ddf, text="body", id="url", outlet="source", actors="actors.yaml")
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

import pandas as pd

from .analysis import documents_frame
from .corpus import Document, UniqueIds, add_note, renamed_note
from .duplicates import DuplicateTracker
from .io import documents_from_records
from .pipeline import Pipeline
from .run import resolve_actors, resolve_issues

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    from dask.delayed import Delayed

__all__ = ["flag_duplicates", "make_pipeline", "map_bag", "map_dataframe", "score_bag", "score_dataframe"]

_FP_WHOLE = "_fingerprint"
_FP_SKETCH = "_sketch"
_LOAD_NOTES = "_load_notes"  # the notes a document had when loaded: they open its status, before the analysis's


def make_pipeline(
    actors: Any = None, issues: Any = None, analyzers: Any = None, cleaner: Any = None, corpus: Any = None
) -> Pipeline:
    """A pipeline from the same arguments as :func:`framing.analyze` (actors are never discovered here:
    pass an actor file, a dict or an ActorSet, or ``corpus=`` a sample to discover them from)."""
    return Pipeline(
        actors=resolve_actors(actors, corpus) if actors is not None or corpus is not None else None,
        issues=resolve_issues(issues, corpus),
        analyzers=analyzers,
        cleaner=cleaner,
    )


def _rows(pipeline: Pipeline, docs: Iterable[Document]) -> list[dict[str, Any]]:
    out = []
    for d in docs:
        o = pipeline.process(d)
        row = dict(o.row)
        whole, sketch = o.fingerprint if o.fingerprint is not None else (None, ())
        row[_FP_WHOLE] = None if whole is None else str(whole)
        row[_FP_SKETCH] = " ".join(map(str, sketch))
        row[_LOAD_NOTES] = "; ".join(d.notes)
        out.append(row)
    return out


def _shipped(pipeline: Pipeline) -> Delayed:
    """The pipeline in the task graph: one delayed value, pickled bytes that each task unpickles for itself."""
    import dask

    return dask.delayed(pickle.dumps(pipeline, protocol=pickle.HIGHEST_PROTOCOL), pure=True)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """``df.to_dict("records")``, typed as what it is here (pandas-stubs key a record by Hashable): the columns are
    field names, as in any record."""
    return cast("list[dict[str, Any]]", df.to_dict("records"))


def _partition(
    df: pd.DataFrame, pipeline: bytes, text: str, id: str | None, outlet: str | None, columns: list[str]
) -> pd.DataFrame:
    if df.empty:
        return pd.DataFrame(columns=columns)
    docs = documents_from_records(
        _records(df),
        text=text,
        id=id,
        outlet=outlet,
        source="DataFrame",
        start=int(df.index[0]) if len(df.index) and isinstance(df.index[0], (int,)) else 0,
    )
    return pd.DataFrame(_rows(pickle.loads(pipeline), docs)).reindex(columns=columns)


def _meta(pipeline: Pipeline, sample: pd.DataFrame, text: str, id: str | None, outlet: str | None) -> list[str]:
    docs = documents_from_records(_records(sample.head(1)), text=text, id=id, outlet=outlet, source="DataFrame")
    return list(pd.DataFrame(_rows(pipeline, docs)).columns)


def map_dataframe(
    ddf: dd.DataFrame,
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
    pipeline: Pipeline | None = None,
    **pipeline_options: Any,
) -> dd.DataFrame:
    """One output row per input row, lazily, as a Dask DataFrame, with three helper columns that
    :func:`flag_duplicates` reads and drops (the fingerprints and the loading notes). Ids are renamed
    there too, so repeated ones are still repeated here. Without an id column, rows need a unique
    integer index to get stable ids."""
    pipeline = pipeline or make_pipeline(**pipeline_options)
    columns = _meta(pipeline, ddf.head(1, npartitions=-1), text, id, outlet)
    meta = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    return ddf.map_partitions(
        _partition, _shipped(pipeline), text, id, outlet, columns, meta=meta, align_dataframes=False
    )


def map_bag(bag: db.Bag, pipeline: Pipeline | None = None, **pipeline_options: Any) -> db.Bag:
    """A bag of output rows from a bag of :class:`~framing.corpus.Document` (or of dicts with a ``text`` key)."""
    pipeline = pipeline or make_pipeline(**pipeline_options)

    def run(part: list[Any], p: bytes) -> list[dict[str, Any]]:
        docs = [d if isinstance(d, Document) else next(documents_from_records([d])) for d in part]
        return _rows(pickle.loads(p), docs)

    return bag.map_partitions(run, _shipped(pipeline))


def flag_duplicates(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rename repeated ids and mark exact and near duplicates, in input order, as the serial path does
    (the partitions are analysed apart, so neither can be done there); drop the helper columns."""
    tracker = DuplicateTracker()
    ids = UniqueIds()
    out = []
    for row in rows:
        row = dict(row)
        whole, sketch = row.pop(_FP_WHOLE, None), row.pop(_FP_SKETCH, "")
        loaded = row.pop(_LOAD_NOTES, "")
        new_id = ids.take(str(row["doc_id"]))
        if new_id != row["doc_id"]:
            row["doc_id"] = new_id
            row["status"] = _with_rename_note(row["status"], loaded if isinstance(loaded, str) else "", new_id)
        if isinstance(whole, str) and whole:
            found = tracker.check(str(row["doc_id"]), int(whole), tuple(int(x) for x in str(sketch).split()))
            if found:
                earlier, note = found
                row["duplicate_of"] = earlier
                row["status"] = add_note(row["status"], note)
        out.append(row)
    return out


def _with_rename_note(status: str, loaded: str, new_id: str) -> str:
    """``status`` as the serial path writes it when the document's id was renamed on loading: the rename
    note follows the loading notes (``loaded``) and precedes the analysis's, and "ok" becomes "warning"."""
    kind, _, notes = status.partition(": ")
    kind = "warning" if kind == "ok" else kind
    note = renamed_note(new_id)
    if loaded and notes.startswith(loaded):
        notes = loaded + "; " + note + notes[len(loaded) :]
    else:
        notes = note + ("; " + notes if notes else "")
    return f"{kind}: {notes}"


def score_dataframe(
    ddf: dd.DataFrame, text: str = "text", id: str | None = "id", outlet: str | None = "outlet", **pipeline_options: Any
) -> pd.DataFrame:
    """The documents table of a Dask DataFrame of articles, computed on the current Dask scheduler."""
    pipeline = make_pipeline(**pipeline_options)
    rows = map_dataframe(ddf, text=text, id=id, outlet=outlet, pipeline=pipeline).compute()
    return documents_frame(flag_duplicates(rows.to_dict("records")), list(pipeline.metrics))


def score_bag(bag: db.Bag, **pipeline_options: Any) -> pd.DataFrame:
    """The documents table of a Dask bag of documents, computed on the current Dask scheduler."""
    pipeline = make_pipeline(**pipeline_options)
    return documents_frame(flag_duplicates(map_bag(bag, pipeline=pipeline).compute()), list(pipeline.metrics))
