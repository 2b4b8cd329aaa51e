"""The ``framing`` command line (also ``python -m framing``)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import FramingError, InputError
from .wording import count

EPILOG = """examples:
  framing report                          report on the bundled seed corpus into ./framing-report
  framing report articles/ -o out/        a folder of .txt/.html/.docx/.pdf files (+ optional metadata.csv)
  framing report a.pdf b.docx c.txt       a class's articles, compared one by one
  framing report news.csv --text body --outlet source --by political_lean
  framing score news.jsonl.gz -o scores.parquet --jobs 2 --tables documents,sentences,mentions
  framing compare scores.parquet --metric hedged_share,anonymous_share -o by_outlet.csv
  framing boilerplate news.jsonl.gz -o cleaning.yaml   lines each outlet repeats, as patterns to review
  framing score news.jsonl.gz -o scores.parquet --cleaning cleaning.yaml
  framing evaluate stance --data newsmtsc/devtest_mt.jsonl --json
"""


def _corpus_args(p: argparse.ArgumentParser, required: bool, stdin: bool = False) -> None:
    if required:
        what = (
            "a folder of .txt/.md/.html/.docx/.odt/.pdf/.rtf files, one such file, or a .csv/.tsv/.jsonl/.jsonl.gz/.parquet "
            "table"
        )
        p.add_argument(
            "corpus",
            nargs="+",
            help=what + "; or several articles' files" + ("; - reads JSON lines from standard input" if stdin else ""),
        )
    else:
        p.add_argument(
            "corpus",
            nargs="*",
            default=None,
            help="a folder, a table file, or one or more articles' files (default: the bundled seed corpus)",
        )
    p.add_argument("--text", default="text", help="column holding the article text (default: text)")
    p.add_argument("--id", default="id", help="column holding document ids (default: id; rows are numbered if absent)")
    p.add_argument("--outlet", default="outlet", help="column holding the outlet name (default: outlet)")
    p.add_argument(
        "--actors",
        help="actor file (YAML); default: the corpus folder's actors.yaml (the seeds have one), discovered otherwise",
    )
    p.add_argument(
        "--issues",
        help="issue file (YAML); default: the corpus folder's issues.yaml (the seeds have one), none otherwise",
    )
    p.add_argument("--analyzers", help="comma-separated analyzers to run (default: all)")
    p.add_argument("--no-clean", action="store_true", help="analyse the raw text without cleaning")
    _cleaning_arg(p)
    p.add_argument(
        "--jobs", type=int, default=1, help="worker processes (-1: one per core, -2: all but one; default 1)"
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def _cleaning_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--cleaning",
        metavar="FILE",
        help="cleaning patterns (YAML) replacing or adding to the shipped ones, such as the extra_debris_lines "
        "framing boilerplate writes; default: the corpus folder's cleaning.yaml, if it has one",
    )


def _cleaner(args: argparse.Namespace) -> Any:
    """The cleaner the options ask for: ``False`` (none), a :class:`~framing.clean.Cleaner` with the patterns of
    ``--cleaning``, or ``None`` (the corpus folder's cleaning file, else the shipped patterns)."""
    from .errors import OptionError

    if getattr(args, "no_clean", False):
        if args.cleaning:
            raise OptionError("--no-clean and --cleaning contradict each other: give one of them")
        return False
    if args.cleaning:
        from .clean import Cleaner

        return Cleaner(patterns=args.cleaning)
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Show how different outlets frame the same issues: who is blamed or praised, how firmly "
        "claims are made, who gets quoted, which issues are raised — with the words behind every number.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"framing {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    rep = sub.add_parser(
        "report",
        help="write a comparative report (PDF, PNG figures, CSV tables, HTML)",
        description="Analyse a corpus and write report.pdf, report.html, one PNG per figure and "
        "CSV tables into a folder.",
    )
    _corpus_args(rep, required=False)
    rep.add_argument("-o", "--out", default="framing-report", help="output folder (default: framing-report)")
    rep.add_argument(
        "--by",
        help="metadata column to compare by (default: outlet; each document on its own when none names its "
        "outlet and there are at most 30)",
    )
    rep.add_argument("--parquet", action="store_true", help="also write tables as Parquet")

    score = sub.add_parser(
        "score",
        help="write the document table (one row per document, one column per metric)",
        description="Analyse a corpus and write its documents table.",
    )
    _corpus_args(score, required=True, stdin=True)
    score.add_argument("-o", "--out", required=True, help="output file: .csv, .jsonl or .parquet")
    score.add_argument(
        "--resume",
        action="store_true",
        help="go on from an interrupted run, or add to a finished output: skip the documents already written",
    )
    score.add_argument(
        "--no-duplicates",
        action="store_true",
        help="do not flag exact and near duplicates (the one check whose memory grows with the corpus, "
        "about 250 bytes per document)",
    )
    score.add_argument(
        "--tables",
        default="documents",
        help="comma-separated tables to write: documents (always), sentences, mentions, evidence, "
        "cleaning; extra tables go beside the output (scores.mentions.parquet)",
    )

    cmp = sub.add_parser(
        "compare",
        help="compare groups with bootstrap intervals, from the tables framing score wrote",
        description="Read the tables of a framing score run (written with --tables documents,sentences,mentions) "
        "and compare groups of documents on metrics, with bootstrap intervals over documents: the same figures as "
        "framing.analyze(...).compare on the same documents, without analysing the texts again. Prints the table "
        "as CSV, or writes it with -o.",
    )
    cmp.add_argument(
        "scores",
        help="the output of framing score (a .parquet, .csv or .jsonl file), or a folder of saved tables (a "
        "report's tables/)",
    )
    cmp.add_argument(
        "--by",
        default="outlet",
        help="documents column to compare by (default: outlet), or a period of their dates: year, quarter, month, "
        "week, day",
    )
    cmp.add_argument("--metric", help="comma-separated metrics (default: all)")
    cmp.add_argument("--issue", help="only the sentences (and mentions) of this issue")
    cmp.add_argument("--actor", help="only this actor's mentions, and the sentences that mention it")
    cmp.add_argument(
        "--differences",
        action="store_true",
        help="every pair of groups on one --metric: the difference with its interval and Cohen's d",
    )
    cmp.add_argument(
        "--trend",
        metavar="PERIOD",
        help="each group's values over periods of the documents' dates (year, quarter, month, week, day), with a "
        "period column",
    )
    cmp.add_argument("--n-boot", type=int, default=1000, help="bootstrap replicates (default: 1000)")
    cmp.add_argument("--level", type=float, default=0.95, help="coverage of the intervals (default: 0.95)")
    cmp.add_argument("-o", "--out", help="write the table to a .csv, .parquet or .jsonl file instead of printing it")

    bp = sub.add_parser(
        "boilerplate",
        help="find the lines each outlet repeats in many of its documents, to remove as cleaning patterns",
        description="Read a corpus once, clean it, and list the lines that one outlet repeats verbatim in at "
        "least --min-docs of its documents and at least --min-share of them (a newsletter promotion, a "
        "columnist's biography). Prints the table as CSV, or with -o writes the lines as cleaning patterns "
        "(extra_debris_lines) to review and then use with --cleaning. Some repeated lines are article text: "
        "read them before use.",
    )
    bp.add_argument("corpus", nargs="+", help="a folder, a table file, or several articles' files")
    bp.add_argument("--text", default="text", help="column holding the article text (default: text)")
    bp.add_argument("--id", default="id", help="column holding document ids (default: id)")
    bp.add_argument(
        "--outlet", default="outlet", help="column holding the outlet name (default: outlet; none: one outlet)"
    )
    bp.add_argument("--min-docs", type=int, default=5, help="the fewest documents of an outlet a line is in (5)")
    bp.add_argument(
        "--min-share", type=float, default=0.2, help="the smallest share of an outlet's documents a line is in (0.2)"
    )
    _cleaning_arg(bp)
    bp.add_argument("-o", "--out", help="write the lines as cleaning patterns to this YAML file")

    ev = sub.add_parser(
        "evaluate",
        help="measure an analyzer against human annotation",
        description="Compare an analyzer with a human-annotated dataset and print the metrics.",
    )
    evsub = ev.add_subparsers(dest="task", metavar="TASK")
    from .evaluate import TASKS, task_module

    helps = {
        "stance": "stance toward targets (NewsMTSC .jsonl) or toward each article's main entity (PerSenT .csv)",
        "hedging": "hedge cues and uncertain sentences (Szeged/BioScope .xml format)",
        "sourcing": "attributions: sources, cues, quotes (PolNeAR brat folder)",
        "frames": "generic frames (SemEval-2023 Task 3 folder: labels.tsv + articles/)",
    }
    for task in TASKS:
        tp = evsub.add_parser(task, help=helps[task], description=f"Evaluate the {task} analyzer: {helps[task]}.")
        tp.add_argument("--data", required=True, help="the annotated file or folder")
        tp.add_argument("--json", action="store_true", help="print one JSON object")
        mod = task_module(task)
        if mod is not None and hasattr(mod, "add_arguments"):
            mod.add_arguments(tp)
    return parser


def _version() -> str:
    from . import __version__

    return __version__


def _load(args: argparse.Namespace):
    from .io import load_corpus
    from .seeds import load_seeds

    if not args.corpus:  # None, or report's empty list of paths
        return load_seeds()
    return load_corpus(args.corpus, text=args.text, id=args.id, outlet=args.outlet)


def _analyze(args: argparse.Namespace, corpus, by: str | None = None):
    """Analyse ``corpus`` as the options say; with ``by`` (a report's), first check that the documents will have
    that column to compare by (a typo then fails at once, not after a long analysis)."""
    from .run import analyze_with, build_pipeline, check_group_column

    analyzers = [a.strip() for a in args.analyzers.split(",")] if args.analyzers else None
    pipeline = build_pipeline(corpus, args.actors, args.issues, analyzers=analyzers, cleaner=_cleaner(args))
    if by is not None:
        check_group_column(corpus, pipeline, by, periods=False)
    return analyze_with(pipeline, corpus, n_jobs=args.jobs, progress=False if args.no_progress else None)


def _print_accounting(docs, out=None) -> None:
    out = out or sys.stderr
    status = docs["status"].astype(str)
    kinds = status.str.split(":").str[0]
    n = len(docs)
    print(
        f"{count(n, 'document')}: {int((kinds == 'ok').sum()):,} ok, {int((kinds == 'warning').sum()):,} with warnings, "
        f"{int((kinds == 'skipped').sum()):,} skipped",
        file=out,
    )
    problems = docs[kinds != "ok"]
    for row in problems.head(20).itertuples(index=False):
        print(f"  {row.doc_id}: {row.status}", file=out)
    if len(problems) > 20:
        print(f"  … {len(problems) - 20:,} more in the documents table", file=out)


#: peak memory of a report per word of its corpus: 3.5 GB for the 11.6 million words of the 12,000 AllSides
#: articles (``python benchmarks/report_scale.py``; README, "The report"), rounded up
REPORT_BYTES_PER_WORD = 310


def _physical_memory() -> int | None:
    """The machine's memory in bytes, where the system says (POSIX); ``None`` elsewhere."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return None


def _size(n: float) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 else f"{n / 2**20:.0f} MB"


def _warn_if_too_large(corpus: Any, out: TextIO | None = None) -> None:
    """Say so before the analysis when a report on ``corpus`` would need more than half the machine's memory
    (an Analysis holds every table), and what to run instead."""
    need = corpus.n_words * REPORT_BYTES_PER_WORD
    have = _physical_memory()
    if have and need > have / 2:
        print(
            f"framing: warning: a report on {corpus.n_words:,} words needs about {_size(need)} of memory, "
            f"and this machine has {_size(have)}. For a corpus this large, stream it to files and compare "
            "outlets from them: framing score CORPUS -o scores.parquet --tables documents,sentences,mentions, "
            "then framing compare scores.parquet",
            file=out or sys.stderr,
        )


def cmd_report(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    from .paths import check_writable_folder

    check_writable_folder(args.out, "report")  # before the analysis, which can take long
    corpus = _load(args)
    if not len(corpus):  # a wrong folder or an empty table: a report of nothing would hide the mistake
        raise InputError(
            "no documents to report on",
            path=", ".join(args.corpus),
            expected=(
                "a folder of .txt/.md/.html/.docx/.odt/.pdf/.rtf files, one such file, or a table with a row per article"
            ),
        )
    _warn_if_too_large(corpus)
    a = _analyze(args, corpus, by=args.by)
    tables = ("csv", "parquet") if args.parquet else ("csv",)
    out = a.report(args.out, by=args.by, tables=tables, progress=False if args.no_progress else None)
    _print_accounting(a.documents)
    print(
        f"report written to {out}/ (report.pdf, report.html, PNG figures, tables/) in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from .runrecord import record_path
    from .score import score_to_file
    from .streamed import partial_folder, saved_chunks

    try:
        if args.corpus == ["-"]:  # JSON lines on standard input, read as they arrive
            from .io import iter_jsonl_stream

            source: Any = iter_jsonl_stream(sys.stdin.buffer, text=args.text, id=args.id, outlet=args.outlet)
        else:
            source = _path_source(args.corpus)
        summary = score_to_file(
            source,
            args.out,
            text=args.text,
            id=args.id,
            outlet=args.outlet,
            actors=args.actors,
            issues=args.issues,
            analyzers=[a.strip() for a in args.analyzers.split(",")] if args.analyzers else None,
            n_jobs=args.jobs,
            progress=False if args.no_progress else None,
            resume=args.resume,
            cleaner=_cleaner(args),
            duplicates=not args.no_duplicates,
            tables=[t.strip() for t in args.tables.split(",") if t.strip()],
        )
    except BaseException:
        saved = saved_chunks(args.out)
        if saved:
            print(
                f"framing: {saved} finished chunk(s) of documents kept in {partial_folder(args.out)}; "
                "run the same command with --resume to go on from there",
                file=sys.stderr,
            )
        raise
    _print_accounting(summary.documents)
    print(
        f"wrote {count(summary.written, 'row')} to {args.out}"
        + (f" ({summary.resumed:,} already there)" if summary.resumed else "")
        + f"; the settings are recorded in {record_path(args.out)}",
        file=sys.stderr,
    )
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from .errors import OptionError
    from .export import FORMATS, write_table
    from .saved import load_scores

    if args.out and Path(args.out).suffix.lower() not in FORMATS:
        raise OptionError(f"-o {args.out}: the table is written as .csv, .parquet or .jsonl")
    metrics = [m.strip() for m in args.metric.split(",") if m.strip()] if args.metric else None
    scores = load_scores(args.scores)
    options = dict(by=args.by, issue=args.issue, actor=args.actor, n_boot=args.n_boot, level=args.level)
    if args.differences and args.trend:
        raise OptionError("--differences and --trend are two kinds of table: give one of them")
    if args.differences:
        if not metrics or len(metrics) != 1:
            raise OptionError("--differences compares the groups on one metric: give one with --metric")
        table = scores.differences(metrics[0], **options)
    elif args.trend:
        if not metrics:
            raise OptionError("--trend follows the metrics given with --metric over time: give at least one")
        table = scores.trend(metrics, period=args.trend, **options)
    else:
        table = scores.compare(metric=metrics, **options)
    if args.out:
        write_table(table, args.out)
        print(f"wrote {count(len(table), 'row')} to {args.out}", file=sys.stderr)
    else:
        _print_csv(table)
    return 0


def _path_source(paths: list[str]) -> Any:
    """What a command reads from its path arguments: the one file or folder, or several files' documents in
    order (a missing one fails before any is read)."""
    if len(paths) == 1:
        return Path(paths[0])
    from .io import existing_paths

    return existing_paths(paths)


def _print_csv(table: Any) -> None:
    """Print a table as CSV; piped into ``head``, the reader has what it wanted when the pipe closes."""
    try:
        table.to_csv(sys.stdout, index=False)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def cmd_boilerplate(args: argparse.Namespace) -> int:
    from .boilerplate import find_boilerplate, write_cleaning_patterns
    from .errors import OptionError

    if args.out and Path(args.out).suffix.lower() not in (".yaml", ".yml"):
        raise OptionError(f"-o {args.out}: the patterns are written as a .yaml file")
    t0 = time.perf_counter()
    table = find_boilerplate(
        _path_source(args.corpus),
        min_docs=args.min_docs,
        min_share=args.min_share,
        cleaner=_cleaner(args),
        text=args.text,
        id=args.id,
        outlet=args.outlet,
    )
    said = (
        f"{count(len(table), 'line')} repeated in {int(table['documents'].sum()):,} documents, of "
        f"{table.attrs['documents']:,} documents from {count(table.attrs['outlets'], 'outlet')} "
        f"({time.perf_counter() - t0:.1f} s)"
    )
    if args.out:
        write_cleaning_patterns(table, args.out, source=" ".join(args.corpus))
        print(
            f"{said}; written to {args.out}: read it, delete what is article text, then use it with "
            f"--cleaning {args.out}",
            file=sys.stderr,
        )
        return 0
    _print_csv(table)
    print(said, file=sys.stderr)
    return 0


def cmd_evaluate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .evaluate import task_module

    if not args.task:
        parser.parse_args(["evaluate", "--help"])
        return 2
    mod = task_module(args.task)
    if mod is None:
        print(
            f"framing evaluate {args.task}: the {args.task} analyzer has not landed in this version of framing.",
            file=sys.stderr,
        )
        return 3
    options = {k: v for k, v in vars(args).items() if k not in ("command", "task", "data", "json")}
    result = mod.evaluate(args.data, **options)
    if args.json:
        print(json.dumps(result, indent=None, sort_keys=False, default=float))
    else:
        print(mod.format_result(result) if hasattr(mod, "format_result") else json.dumps(result, indent=2))
    return 0


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning as one line a reader of the terminal can act on, without the library's file and line."""
    print(f"framing: warning: {message}", file=sys.stderr if file is None else file)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    with warnings.catch_warnings():  # the library's warnings, said as the command's own for this call only
        warnings.showwarning = _show_warning
        return _run(args, parser)


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        if args.command == "report":
            return cmd_report(args)
        if args.command == "score":
            return cmd_score(args)
        if args.command == "compare":
            return cmd_compare(args)
        if args.command == "boilerplate":
            return cmd_boilerplate(args)
        if args.command == "evaluate":
            return cmd_evaluate(args, parser)
    except FramingError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("framing: interrupted", file=sys.stderr)
        return 130
    parser.print_help()
    return 2
