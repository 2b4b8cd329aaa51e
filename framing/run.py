"""``framing.analyze``: run the pipeline over a corpus, serially or on worker processes."""

from __future__ import annotations

import gc
import multiprocessing as mp
import numbers
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .actors import ActorSet
from .analysis import Analysis
from .analyzers.base import Analyzer
from .clean import Cleaner
from .corpus import Corpus, Document, add_note
from .duplicates import DuplicateTracker
from .errors import OptionError
from .packed import PackedOutput, pack
from .pipeline import DocOutput, Pipeline
from .progress import Progress

__all__ = [
    "analyze",
    "analyze_with",
    "build_pipeline",
    "check_group_column",
    "process_documents",
    "resolve_actors",
    "resolve_issues",
]

_WORKER_PIPELINE: Pipeline | None = None  # set once in each worker process


def resolve_actors(actors: Any, corpus: Corpus | None = None) -> ActorSet | None:
    """An ActorSet from a set, a YAML path, a dict, ``False`` (none) or ``None``.

    ``None`` means the corpus's actor file (``actors.yaml`` in its folder, the seed actors for the seed
    corpus: :mod:`framing.domain`), and actors discovered from the corpus when it has none
    (``ActorSet.discover(corpus, top=20)``).
    """
    if actors is False:
        return None
    if isinstance(actors, ActorSet):
        return actors
    if isinstance(actors, (str, Path)):
        return ActorSet.from_yaml(actors)
    if isinstance(actors, Mapping):
        return ActorSet.from_dict(actors)
    if actors is None and corpus is not None:
        if corpus.domain is not None and corpus.domain.actors is not None:
            return corpus.domain.load_actors()
        if len(corpus):
            return ActorSet.discover(corpus, top=20)
    return None


def resolve_issues(issues: Any, corpus: Corpus | None = None) -> Any:
    """An IssueSet from a set, a YAML path, a dict, ``False`` or ``None`` (the corpus's issue file, such as the
    seed issues for the seeds, when it has one: :mod:`framing.domain`)."""
    if issues is False:
        return None
    try:
        from .issues import IssueSet
    except ModuleNotFoundError:  # this version has no issue module
        return None
    if isinstance(issues, IssueSet):
        return issues
    if isinstance(issues, (str, Path)):
        return IssueSet.from_yaml(issues)
    if isinstance(issues, Mapping):
        return IssueSet.from_dict(issues)
    if issues is None and corpus is not None and corpus.domain is not None:
        return corpus.domain.load_issues()
    return None


def worker_count(n_jobs: int | None) -> int:
    """The number of worker processes ``n_jobs`` asks for, as joblib and scikit-learn count them: a positive
    number as is, ``-1`` one per core, ``-2`` all cores but one, and so on (never fewer than 1); 0 or
    ``None``: 1 (no workers, the calling process does the work)."""
    if n_jobs is not None and (isinstance(n_jobs, bool) or not isinstance(n_jobs, numbers.Integral)):
        raise OptionError(f"n_jobs is a whole number of worker processes (-1: one per core), not {n_jobs!r}")
    if not n_jobs:
        return 1
    if n_jobs < 0:
        return max(1, (os.cpu_count() or 1) + 1 + n_jobs)
    return n_jobs


def _init_worker(pipeline: Pipeline | None) -> None:
    global _WORKER_PIPELINE
    if pipeline is not None:
        _WORKER_PIPELINE = pipeline


def _process_chunk(docs: Sequence[Document], packed: bool = False) -> list[DocOutput] | list[PackedOutput]:
    assert _WORKER_PIPELINE is not None
    process = _WORKER_PIPELINE.process
    if packed:
        return [pack(process(d)) for d in docs]
    return [process(d) for d in docs]


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for d in docs:
        chunk.append(d)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process_documents(
    pipeline: Pipeline,
    docs: Iterable[Document],
    n_jobs: int = 1,
    progress: bool | None = None,
    total: int | None = None,
    chunk_size: int = 32,
    flag_duplicates: bool = True,
    tracker: DuplicateTracker | None = None,
    estimate: Callable[[], float | None] | None = None,
    packed: bool = False,
) -> Iterator[DocOutput | PackedOutput]:
    """Yield one :class:`DocOutput` per document, in input order, using ``n_jobs`` processes.

    ``packed``: yield each as a :class:`~framing.packed.PackedOutput` instead (its parts pickled, by the
    worker that made it), for a caller that keeps them all, as :func:`analyze` does.

    The progress bar counts to ``total`` when it is given; otherwise to ``estimate()``, an estimate
    that improves as the input is read (:meth:`framing.io.ReadMeter.total`).

    Exact and near duplicates of earlier documents are flagged (:mod:`framing.duplicates`)
    in the parent process, so the result does not depend on ``n_jobs``. ``tracker``: one that
    already knows earlier documents (a resumed run's), else a new one.
    """
    if tracker is None:
        tracker = DuplicateTracker()
    bar = Progress(total, enabled=progress, estimate=estimate)
    for out in _ordered_outputs(pipeline, docs, n_jobs, bar, chunk_size, packed):
        if flag_duplicates and out.fingerprint is not None:
            dup = tracker.check(out.row["doc_id"], *out.fingerprint)
            if dup is not None:
                earlier, note = dup
                out.row["duplicate_of"] = earlier
                out.row["status"] = add_note(out.row["status"], note)
        yield out


def _ordered_outputs(
    pipeline: Pipeline,
    docs: Iterable[Document],
    n_jobs: int,
    bar: Progress,
    chunk_size: int,
    packed: bool,
) -> Iterator[DocOutput | PackedOutput]:
    global _WORKER_PIPELINE
    frozen = False
    n_jobs = worker_count(n_jobs)
    try:
        if n_jobs == 1:
            for d in docs:
                out = pack(pipeline.process(d)) if packed else pipeline.process(d)
                bar.update(1, out.row.get("n_words", 0) or 0)
                yield out
            return
        if "fork" in mp.get_all_start_methods():
            ctx: mp.context.BaseContext = mp.get_context("fork")
            _WORKER_PIPELINE = pipeline  # inherited by the forked workers; nothing to pickle
            init_arg = None
            # Objects that exist before the fork (the compiled lexicons, the caller's corpus) go to the
            # collector's permanent generation for the run (gc.freeze, the pattern the gc docs give for
            # fork): the workers' collections then neither scan them nor write to their pages (which would
            # copy every page the workers share with the parent), and the parent's collections skip them.
            # A caller's own freeze is left alone; ours is undone when the workers are gone.
            if gc.get_freeze_count() == 0:
                gc.freeze()
                frozen = True
        else:
            ctx = mp.get_context("spawn")
            init_arg = pipeline
        with ProcessPoolExecutor(
            max_workers=n_jobs, mp_context=ctx, initializer=_init_worker, initargs=(init_arg,)
        ) as ex:
            # bounded look-ahead keeps memory flat on long streams
            pending: list[Any] = []
            chunks = _chunks(docs, chunk_size)
            for chunk in chunks:
                pending.append(ex.submit(_process_chunk, chunk, packed))
                if len(pending) >= n_jobs * 4:
                    for out in pending.pop(0).result():
                        bar.update(1, out.row.get("n_words", 0) or 0)
                        yield out
            for fut in pending:
                for out in fut.result():
                    bar.update(1, out.row.get("n_words", 0) or 0)
                    yield out
    finally:
        bar.close()
        _WORKER_PIPELINE = None
        if frozen:
            gc.unfreeze()


def analyze(
    corpus: Corpus | str | Path | Iterable[Any],
    actors: Any = None,
    issues: Any = None,
    analyzers: Iterable[str | Analyzer] | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    cleaner: Cleaner | bool | None = None,
    *,
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
) -> Analysis:
    """Analyse a corpus.

    The :class:`~framing.analysis.Analysis` keeps every document and everything measured in it in
    memory, pickled (:mod:`framing.packed`): about 50 KB per article of 900 words, and about 170 KB
    once the sentence, mention and evidence tables are built. Beyond some tens of thousands of articles,
    stream to a file with :func:`~framing.score.score_to_file` (``framing score``), whose memory stays flat.

    Args:
        corpus: a :class:`~framing.corpus.Corpus`; a path for :func:`~framing.load_corpus`; a pandas
            DataFrame; or any iterable (a list, a generator) of :class:`~framing.corpus.Document` objects,
            dicts with a text field, or strings. Repeated ids are renamed ``id~1``, … with a warning; an
            item that is none of these is kept as a skipped document (see :func:`framing.io.as_corpus`).
        text, id, outlet: the fields of a table, DataFrame or dict that hold them (as in ``load_corpus``).
        actors: an :class:`~framing.actors.ActorSet`, a YAML path or a dict; ``None``
            uses the corpus folder's ``actors.yaml`` (the seed actors for the seeds; see
            :mod:`framing.domain`) and discovers actors when there is none; ``False`` finds no actors.
        issues: an IssueSet, a YAML path or a dict (``None``: the corpus folder's ``issues.yaml``, the
            seed issues for the seeds; none when it has none).
        analyzers: names or instances (default: every available analyzer).
        n_jobs: worker processes (``-1``: one per core, ``-2``: all but one; see :func:`worker_count`).
            Results are identical and in the same order whatever the number.
        progress: show a progress bar (default: only on a terminal).
        cleaner: a :class:`~framing.clean.Cleaner` (``Cleaner(patterns="cleaning.yaml")`` adds a corpus's
            boilerplate, see :mod:`framing.boilerplate`), or ``False`` to analyse the raw text; ``None``: the
            corpus folder's ``cleaning.yaml`` when it has one, else the shipped patterns.

    Returns:
        An :class:`~framing.analysis.Analysis` with one row per input document.
    """
    if not isinstance(corpus, Corpus):
        from .io import as_corpus

        corpus = as_corpus(corpus, text=text, id=id, outlet=outlet)
    return analyze_with(build_pipeline(corpus, actors, issues, analyzers, cleaner), corpus, n_jobs, progress)


def build_pipeline(
    corpus: Corpus,
    actors: Any = None,
    issues: Any = None,
    analyzers: Iterable[str | Analyzer] | None = None,
    cleaner: Cleaner | bool | None = None,
) -> Pipeline:
    """The pipeline :func:`analyze` runs on ``corpus`` (the arguments as there)."""
    if cleaner is None and corpus.domain is not None:
        cleaner = corpus.domain.load_cleaner()
    return Pipeline(
        actors=resolve_actors(actors, corpus),
        issues=resolve_issues(issues, corpus),
        analyzers=analyzers,
        cleaner=cleaner,
    )


def analyze_with(pipeline: Pipeline, corpus: Corpus, n_jobs: int = 1, progress: bool | None = None) -> Analysis:
    """:func:`analyze` with a pipeline already built (:func:`build_pipeline`)."""
    outputs = process_documents(pipeline, corpus, n_jobs=n_jobs, progress=progress, total=len(corpus), packed=True)
    return Analysis(corpus, pipeline, outputs)


def check_group_column(corpus: Corpus, pipeline: Pipeline, by: str, periods: bool = True) -> None:
    """Before a long run: raise :class:`~framing.errors.GroupError` when the documents table of ``pipeline``
    on ``corpus`` will have no column ``by`` (a corpus field, a metadata column, or one the analyzers add),
    or will hold a measure, as :meth:`~framing.analysis.Analysis.check_group` would after it (see
    :func:`framing.compare.check_group_name`). ``periods=False``: a period of the dates (``"month"``) is no
    group either (for a report)."""
    from .analysis import _DOC_HEAD
    from .compare import check_group_name

    columns = dict.fromkeys([*_DOC_HEAD, *(k for d in corpus for k in d.meta), *pipeline.document_columns()])
    # the metrics, issue shares and numbers such as source_entropy are measures; top_frame is a label
    check_group_name(by, columns, measures=_numeric_document_values(pipeline))
    if not periods:  # a report: its pages compare groups named in a column
        from .report.base import check_report_group

        check_report_group(by, columns)


#: a document for :func:`_numeric_document_values`: every analyzer finds something in it
_STAND_IN = (
    "Pakistan's foreign minister said on Monday that the border talks would probably resume. "
    "Officials in Kabul strongly criticised the decision, according to a government statement."
)


def _numeric_document_values(pipeline: Pipeline) -> set[str]:
    """The analyzers' document columns that hold numbers (so measures, not labels to group by: the metrics,
    the issue shares, ``source_entropy``), as found on a stand-in document: analyzers declare the names of
    their free-form values (``document_metrics``), not their types."""
    from .corpus import Document

    row = pipeline.process(Document(id="stand-in", text=_STAND_IN)).row
    return {
        k
        for k in pipeline.document_columns()
        if isinstance(row.get(k), numbers.Number) and not isinstance(row.get(k), bool)
    }
