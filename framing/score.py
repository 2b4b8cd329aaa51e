"""``framing score``: stream a corpus through the pipeline and write the documents table.

Documents are read, analysed and written in chunks, so memory stays flat
however large the input. Each chunk is saved as it is done and the output
appears, whole, only when the run completes (:mod:`framing.streamed`): a crash
never leaves a half-written file, and ``resume=True`` goes on from the last
saved chunk, or adds new documents to a finished output.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .actors import ActorSet
from .analysis import Analysis, documents_frame
from .corpus import Corpus, Document, unique_ids
from .domain import domain_of
from .duplicates import DuplicateTracker
from .errors import OptionError
from .io import ReadMeter, iter_source
from .paths import check_writable_folder
from .pipeline import DocOutput, Pipeline, build_analyzers, measured_columns
from .run import process_documents, resolve_actors, resolve_issues
from .runrecord import describe, differences, record_path, run_entry
from .streamed import StreamedTables

if TYPE_CHECKING:
    from .packed import PackedOutput

__all__ = ["ScoreSummary", "score_to_file", "table_path"]

CHUNK = 256
DISCOVERY_DOCS = 2000
EXTRA_TABLES = ("sentences", "mentions", "evidence", "cleaning")


@dataclass
class ScoreSummary:
    written: int
    resumed: int
    documents: pd.DataFrame  # status columns of the rows written in this run


def table_path(out: str | Path, name: str) -> Path:
    """Where a run whose documents table is ``out`` writes table ``name``: ``scores.parquet`` →
    ``scores.sentences.parquet``."""
    out = Path(out)
    return out.with_name(f"{out.stem}.{name}{out.suffix}")


def score_to_file(
    source: str | Path | Corpus | Iterable[Any],
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

    ``source``: a path (a folder or a table file, read as a stream), a Corpus, a pandas DataFrame, or
    any iterable (a generator too) of Document objects, dicts with a text field, or strings; it is read
    once. Repeated ids are renamed ``id~1``, … with a warning, as in :func:`framing.analyze`.

    ``tables`` may add ``"sentences"``, ``"mentions"``, ``"evidence"`` and ``"cleaning"``: each is
    streamed to a file beside ``out`` (``scores.parquet`` → ``scores.mentions.parquet``).

    ``resume=True`` skips the documents already written, by an earlier run that finished (new rows
    are added after its rows) or by one that was interrupted (its saved chunks are kept; at most
    ``chunk_size`` documents are analysed again); it must ask for the same tables. Exact and near
    duplicates are flagged against every document of the output, as in one uninterrupted run
    (the fingerprints are kept in a hidden file beside the output).

    Each run records its settings and when it ran in ``scores.run.json`` beside the output
    (:mod:`framing.runrecord`). A resumed run goes on with the actors the earlier run used when
    ``actors`` is not given (rather than discovering them again from other first documents), and
    stops with an :class:`~framing.errors.OptionError` naming what differs when its analyzers, their
    options or lexicons, the actors, the issues or the cleaning are not those of the earlier run.

    ``duplicates=False`` leaves out the flagging of exact and near duplicates, the one part of a run
    whose memory grows with the number of documents (:mod:`framing.duplicates`).
    """
    out = Path(out)
    check_writable_folder(out.parent, "output")
    extra = [t for t in tables if t != "documents"]
    unknown = [t for t in extra if t not in EXTRA_TABLES]
    if unknown:
        raise OptionError(f"unknown table {unknown[0]!r}: choose from documents, {', '.join(EXTRA_TABLES)}")

    # the source is read once, as a stream (a generator cannot be read twice); ids are made unique
    # as a Corpus makes them, so a run gives the ids framing.analyze gives
    meter = ReadMeter()
    stream = unique_ids(meter.count(iter_source(source, text=text, id=id, outlet=outlet, meter=meter)))
    paths = {"documents": out} | {t: table_path(out, t) for t in extra}
    store = StreamedTables(paths, resume=resume, fingerprints=duplicates)
    started = datetime.now(UTC)
    earlier = store.earlier_record
    # a corpus folder's actor and issue files (the seeds' own), as framing.analyze uses them
    domain = domain_of(source)
    if actors is None and domain is not None and domain.actors is not None:
        actors = domain.load_actors()  # read before the resume check, so that an edited file is noticed
    if cleaner is None and domain is not None:
        cleaner = domain.load_cleaner()  # the folder's cleaning file (its digest is recorded like any patterns)
    if actors is None and earlier is not None:
        # go on with the actors the earlier run used (discovered from its first documents), not new ones
        recorded = earlier["settings"].get("actors")
        actors = ActorSet.from_list(recorded["actors"], source=recorded.get("source", "")) if recorded else False
    name = source.name if isinstance(source, Corpus) else ""
    probe = Corpus([], name=name, domain=domain)
    if actors is None:
        # actors are discovered from the first documents, which are then analysed like the rest
        head = list(itertools.islice(stream, DISCOVERY_DOCS))
        probe = Corpus(head, name=name, domain=domain)
        stream = _replay(head, stream)
    pipeline = Pipeline(
        actors=resolve_actors(actors, probe), issues=resolve_issues(issues, probe), analyzers=analyzers, cleaner=cleaner
    )
    del probe
    if resume:
        _check_same_columns(store.columns_of("documents"), pipeline, out)
    settings = describe(pipeline)
    if earlier is not None:  # what the columns do not show: actors, options, lexicons, cleaning
        _check_same_settings(earlier["settings"], settings, out)
    store.start_record(settings)
    done = store.done_ids()
    tracker = None
    if duplicates:
        tracker = DuplicateTracker()
        for doc_id, whole, sketch in store.earlier_fingerprints():
            tracker.check(doc_id, whole, sketch)  # the state an uninterrupted run would have reached
    written = 0
    statuses = []

    def flush(batch: list[DocOutput | PackedOutput]) -> None:
        frames = {"documents": documents_frame([o.row for o in batch], list(pipeline.metrics))}
        if extra:
            part = Analysis(Corpus([]), pipeline, batch, compact=False)
            frames.update({name: getattr(part, name) for name in extra})
        fingerprints = [(o.row["doc_id"], *o.fingerprint) for o in batch if o.fingerprint is not None]
        store.write_chunk(frames, fingerprints)

    docs = _not_done(stream, done, meter)
    batch: list[DocOutput | PackedOutput] = []
    for o in process_documents(
        pipeline,
        docs,
        n_jobs=n_jobs,
        progress=progress,
        flag_duplicates=duplicates,
        tracker=tracker,
        estimate=meter.total,
    ):
        batch.append(o)
        statuses.append((o.row["doc_id"], o.row["status"]))
        if len(batch) >= chunk_size:
            flush(batch)
            written += len(batch)
            batch = []
    if batch:
        flush(batch)
        written += len(batch)
    store.commit(run_entry(started, written, len(done)))
    return ScoreSummary(
        written=written, resumed=len(done), documents=pd.DataFrame(statuses, columns=["doc_id", "status"])
    )


def _check_same_settings(earlier: dict[str, Any], now: dict[str, Any], out: Path) -> None:
    """Raise :class:`~framing.errors.OptionError` naming what differs when a resumed run's settings
    (:func:`~framing.runrecord.describe`) are not those the output's rows were measured with."""
    diffs = differences(earlier, now)
    if diffs:
        raise OptionError(
            f"cannot resume {out}: its rows were measured with other settings. What differs: {'; '.join(diffs)}. "
            f"Resume with the settings in {record_path(out).name}, or start afresh"
        )


def _check_same_columns(earlier: list[str] | None, pipeline: Pipeline, out: Path) -> None:
    """Raise :class:`~framing.errors.OptionError` when a resumed run would measure other things than the run
    it goes on from (other analyzers or another issue set): its rows are fitted to the earlier columns, so
    new measures would be dropped without a word and the earlier ones left empty."""
    if not earlier:
        return
    have = set(earlier)
    produced = pipeline.document_columns()
    known = set(measured_columns(earlier, build_analyzers(None)))  # the earlier run's measures, not metadata
    new = [c for c in produced if c not in have]
    gone = [c for c in earlier if c in known and c not in set(produced)]
    if new or gone:
        said = []
        if new:
            said.append(f"this run measures {_listed(new)}, which the earlier run did not")
        if gone:
            said.append(
                f"{'it' if new else 'this run'} would leave {_listed(gone)} empty, which the earlier run measured"
            )
        raise OptionError(
            f"cannot resume {out}: {'; '.join(said)} (other analyzers or issues). Resume with the same "
            "--analyzers and --issues, or start afresh"
        )


def _listed(columns: list[str], most: int = 4) -> str:
    shown = ", ".join(columns[:most])
    return shown + (f" and {len(columns) - most} more" if len(columns) > most else "")


def _not_done(docs: Iterator[Document], done: set[str], meter: ReadMeter) -> Iterator[Document]:
    """The documents whose ids are not in ``done`` (those a resumed run has), the others counted as skipped."""
    for d in docs:
        if d.id in done:
            meter.skipped += 1
        else:
            yield d


def _replay(head: list[Document], rest: Iterator[Document]) -> Iterator[Document]:
    """``head``, then ``rest``; each document of ``head`` is let go once it has been handed on."""
    head.reverse()
    while head:
        yield head.pop()
    yield from rest
