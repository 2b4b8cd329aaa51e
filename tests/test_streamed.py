"""Streamed runs: an interrupted run leaves the output as it was, and --resume finishes it as one run would have."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.corpus import Document
from framing.score import score_to_file
from framing.streamed import StreamedTables, partial_folder

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "seeds" / "actors.yaml"
FORMATS = [".csv", ".jsonl", ".parquet"]


def corpus() -> list[Document]:
    """The seeds, three short articles and, late in the stream, a copy of the first seed under a new id."""
    seeds = list(framing.load_seeds())
    extra = [
        Document(id=f"extra-{i}", text=text, outlet="Wire")
        for i, text in enumerate(
            [
                "Pakistan said on Monday that talks with Afghanistan would resume. Officials in Kabul disagreed.",
                "Trade at Torkham fell sharply. Traders said the closure cost them millions, a report found.",
                "The Taliban government denied the claims. “We want peace,” a spokesman said in Kabul.",
            ]
        )
    ]
    return [*seeds[:3], *extra, *seeds[3:], dataclasses.replace(seeds[0], id="copy-of-first")]


def run(out: Path, docs, **kw) -> framing.score.ScoreSummary:
    kw.setdefault("tables", ("documents", "mentions"))
    return score_to_file(docs, out, actors=str(ACTORS), analyzers=["readability"], progress=False, chunk_size=2, **kw)


def read(path: Path) -> pd.DataFrame:
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_json(path, lines=True, dtype={"doc_id": str})


def outputs(out: Path) -> dict[str, pd.DataFrame]:
    return {"documents": read(out), "mentions": read(out.with_name(f"{out.stem}.mentions{out.suffix}"))}


def interrupted(docs: list[Document], after: int):
    """The documents, then a crash once ``after`` of them have been read."""
    for i, d in enumerate(docs):
        if i == after:
            raise KeyboardInterrupt
        yield d


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_interrupted_run_resumes_to_the_same_tables(tmp_path, suffix):
    docs = corpus()
    run(tmp_path / "whole" / f"scores{suffix}", docs)
    want = outputs(tmp_path / "whole" / f"scores{suffix}")
    assert want["documents"].set_index("doc_id").loc["copy-of-first", "duplicate_of"] == docs[0].id

    out = tmp_path / "cut" / f"scores{suffix}"
    with pytest.raises(KeyboardInterrupt):
        run(out, interrupted(docs, after=7))
    assert not out.exists()  # nothing half-written where the output goes
    assert len(list(partial_folder(out).glob("documents-*"))) == 3  # chunks of 2: the 7th document was lost
    summary = run(out, docs, resume=True)
    assert summary.resumed == 6 and summary.written == len(docs) - 6
    got = outputs(out)
    for name, frame in want.items():
        pd.testing.assert_frame_equal(got[name], frame, check_dtype=suffix != ".csv")
    assert not partial_folder(out).exists()


@pytest.mark.parametrize("suffix", FORMATS)
def test_resume_adds_to_a_finished_output_and_flags_copies_of_its_documents(tmp_path, suffix):
    docs = corpus()
    out = tmp_path / f"scores{suffix}"
    run(out, docs[:-1])
    summary = run(out, docs, resume=True)
    assert summary.resumed == len(docs) - 1 and summary.written == 1
    got = read(out).set_index("doc_id")
    assert list(got.index) == [d.id for d in docs]
    assert got.loc["copy-of-first", "duplicate_of"] == docs[0].id  # compared with a document of the earlier run


def test_an_interrupted_fresh_run_replaces_the_old_output_when_resumed(tmp_path):
    docs = corpus()
    out = tmp_path / "scores.csv"
    run(out, docs[:2])
    with pytest.raises(KeyboardInterrupt):
        run(out, interrupted(docs, after=5))  # a fresh run over all the documents, stopped
    assert len(read(out)) == 2  # the old output is untouched
    run(out, docs, resume=True)
    assert read(out)["doc_id"].tolist() == [d.id for d in docs]  # each document once


def test_a_run_stopped_while_renaming_is_finished_by_the_next(tmp_path, stop_renaming):
    docs = corpus()
    run(tmp_path / "whole.parquet", docs)
    want = outputs(tmp_path / "whole.parquet")
    out = tmp_path / "scores.parquet"
    run(out, docs[:4])
    stop_renaming(out)
    with pytest.raises(OSError):
        run(out, docs, resume=True)
    stop_renaming(None)
    assert len(read(out)) == 4  # the new mentions table is in place, the documents table not yet
    summary = run(out, docs, resume=True)
    assert summary.written == 0 and summary.resumed == len(docs)
    got = outputs(out)
    for name, frame in want.items():  # the mentions of the last run are in once, not twice
        pd.testing.assert_frame_equal(got[name], frame)


def test_resume_needs_the_same_tables(tmp_path):
    docs = corpus()
    out = tmp_path / "scores.csv"
    with pytest.raises(KeyboardInterrupt):
        run(out, interrupted(docs, after=5))
    with pytest.raises(ValueError, match="same tables"):
        run(out, docs, resume=True, tables=("documents",))
    run(out, docs[:2], tables=("documents",))  # a fresh run clears what the interrupted one kept
    assert not partial_folder(out).exists()
    with pytest.raises(ValueError, match="same tables"):
        run(out, docs, resume=True, tables=("documents", "evidence"))


def test_unfinished_pieces_of_a_chunk_are_dropped(tmp_path):
    out = tmp_path / "scores.jsonl"
    paths = {"documents": out, "mentions": tmp_path / "scores.mentions.jsonl"}
    store = StreamedTables(paths)
    row = pd.DataFrame({"doc_id": ["a"], "x": [1]})
    store.write_chunk({"documents": row, "mentions": row})
    folder = partial_folder(out)
    (folder / "mentions-000001.jsonl").write_text('{"doc_id": "b", "x": 2}\n', encoding="utf-8")  # no documents part
    (folder / "documents-000001.jsonl.tmp").write_text('{"doc_id": "b"', encoding="utf-8")  # torn
    resumed = StreamedTables(paths, resume=True)
    assert resumed.done_ids() == {"a"} and resumed.next_part == 1
    assert sorted(p.name for p in folder.iterdir()) == [
        "documents-000000.jsonl",
        "fingerprints-000000.jsonl",
        "manifest.json",
        "mentions-000000.jsonl",
    ]
    resumed.write_chunk({"documents": row.assign(doc_id="c"), "mentions": row.assign(doc_id="c")})
    resumed.commit()
    assert read(out)["doc_id"].tolist() == ["a", "c"]
    assert read(paths["mentions"])["doc_id"].tolist() == ["a", "c"]


def test_the_command_says_how_to_go_on(tmp_path, monkeypatch, capsys):
    from framing import cli

    out = tmp_path / "scores.csv"

    def stop_after_two_chunks(*args, **kw):
        kw["chunk_size"] = 2
        return score_to_file(interrupted(corpus(), after=5), *args[1:], **kw)

    monkeypatch.setattr("framing.score.score_to_file", stop_after_two_chunks)
    with pytest.raises(KeyboardInterrupt):
        cli.cmd_score(
            cli.build_parser().parse_args(
                ["score", str(ROOT / "seeds"), "-o", str(out), "--no-progress", "--actors", str(ACTORS)]
            )
        )
    err = capsys.readouterr().err
    assert "2 finished chunk(s)" in err and "--resume" in err


@pytest.mark.parametrize("suffix", FORMATS)
def test_an_empty_output_fixes_no_columns(tmp_path, suffix):
    docs = corpus()
    out = tmp_path / f"scores{suffix}"
    run(out, [])
    assert len(read(out)) == 0
    run(out, docs[:3], resume=True)
    got = outputs(out)
    assert got["documents"]["doc_id"].tolist() == [d.id for d in docs[:3]]
    assert "flesch_reading_ease" in got["documents"] and "actor" in got["mentions"]


def test_parquet_keeps_a_sentences_issues_and_frames_as_lists(tmp_path, seed_analysis):
    """They were written as the text of a Python tuple, "('a', 'b')", which a reader had to parse."""
    path = tmp_path / "s.parquet"
    score_to_file(framing.load_seeds(), path, tables=("documents", "sentences"), progress=False)
    got = pd.read_parquet(tmp_path / "s.sentences.parquet", columns=["issues", "frames"])
    for column in ("issues", "frames"):
        assert [tuple(v) for v in got[column]] == [tuple(v) for v in seed_analysis.sentences[column]]


def test_resuming_an_output_that_holds_lists_as_text_goes_on_as_text(tmp_path, seed_analysis):
    """An output written before lists were kept as lists: a resumed run adds its rows in the same form ("; "-joined,
    as in CSV), instead of failing to cast a list to text."""
    seeds = framing.load_seeds()
    path = tmp_path / "s.parquet"
    tables = ("documents", "sentences")
    score_to_file(seeds[:2], path, tables=tables, progress=False)
    sentences = tmp_path / "s.sentences.parquet"
    old = pd.read_parquet(sentences)
    for column in ("issues", "frames"):
        old[column] = ["; ".join(v) for v in old[column]]
    old.to_parquet(sentences, index=False)
    score_to_file(seeds, path, tables=tables, progress=False, resume=True)
    got = pd.read_parquet(sentences)
    assert got["issues"].tolist() == ["; ".join(v) for v in seed_analysis.sentences["issues"]]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_resuming_with_other_analyzers_or_issues_is_refused(tmp_path, suffix):
    """The resumed rows were fitted to the earlier columns: new measures were dropped without a word, the earlier
    ones left empty, and a column typed by the earlier run (all NaN) could fail a Parquet cast."""
    seeds = framing.load_seeds()
    first = seeds[:2]
    out = tmp_path / f"few{suffix}"
    score_to_file(first, out, analyzers=["hedging"], progress=False)
    with pytest.raises(
        framing.errors.OptionError, match=r"measures flesch_reading_ease, .* which the earlier run did not"
    ):
        score_to_file(seeds, out, progress=False, resume=True)
    out = tmp_path / f"all{suffix}"
    score_to_file(first, out, progress=False)
    with pytest.raises(framing.errors.OptionError, match=r"would leave issue_cross_border_.* empty.*--issues"):
        score_to_file(framing.Corpus(list(seeds)), out, progress=False, resume=True)  # not the seeds: no issue set
    summary = score_to_file(seeds, out, progress=False, resume=True)  # the same settings go on
    assert (summary.written, summary.resumed) == (3, 2)
