from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import child_env

from framing.cli import main

ROOT = Path(__file__).resolve().parent.parent


def pdf_pages(path: Path) -> int:
    data = path.read_bytes()
    return data.count(b"/Type /Page") - data.count(b"/Type /Pages")


def page_sizes(path: Path) -> set[tuple[float, float]]:
    """The (width, height) in points of every page's MediaBox."""
    boxes = re.findall(rb"/MediaBox \[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", path.read_bytes())
    return {(round(float(x1) - float(x0), 1), round(float(y1) - float(y0), 1)) for x0, y0, x1, y1 in boxes}


def test_report_on_the_seeds_end_to_end(tmp_path):
    out = tmp_path / "rep"
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "report", "-o", str(out), "--no-progress"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        env=child_env(),
    )
    assert proc.returncode == 0, proc.stderr
    assert "5 documents: 5 ok" in proc.stderr
    assert pdf_pages(out / "report.pdf") >= 3
    # every sheet is a whole A4 landscape page (the figures' "tight" box once cropped each to its ink)
    assert page_sizes(out / "report.pdf") == {(841.7, 595.4)}
    assert len(list(out.glob("*.png"))) >= 2
    docs = pd.read_csv(out / "tables" / "documents.csv")
    assert len(docs) == 5 and docs["outlet"].notna().all()
    for name in ("sentences", "mentions", "evidence", "cleaning"):
        assert (out / "tables" / f"{name}.csv").exists()
    assert (out / "report.html").read_text(encoding="utf-8").count("<section") >= 3


def test_score_writes_the_document_table_and_resumes(tmp_path, capsys):
    out = tmp_path / "scores.csv"
    assert main(["score", str(ROOT / "seeds"), "-o", str(out), "--no-progress", "--analyzers", "readability"]) == 0
    first = pd.read_csv(out)
    assert len(first) == 5 and "flesch_reading_ease" in first
    assert (
        main(["score", str(ROOT / "seeds"), "-o", str(out), "--resume", "--no-progress", "--analyzers", "readability"])
        == 0
    )
    assert "5 already there" in capsys.readouterr().err
    assert pd.read_csv(out)["doc_id"].tolist() == first["doc_id"].tolist()


def test_the_summary_counts_one_document_in_the_singular(tmp_path, capsys):
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "article.txt").write_text("Pakistan and Afghanistan agreed to talk.", encoding="utf-8")
    out = tmp_path / "s.csv"
    assert main(["score", str(tmp_path / "one"), "-o", str(out), "--no-progress", "--analyzers", "readability"]) == 0
    assert "1 document: 1 ok, 0 with warnings, 0 skipped" in capsys.readouterr().err


def test_score_flags_duplicates_unless_told_not_to(tmp_path):
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in seeds[:2]:
        (corpus / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "copy.txt").write_text(seeds[0].read_text(encoding="utf-8"), encoding="utf-8")
    args = ["score", str(corpus), "--no-progress", "--analyzers", "readability"]
    assert main([*args, "-o", str(tmp_path / "with.csv")]) == 0
    flagged = pd.read_csv(tmp_path / "with.csv", keep_default_na=False).set_index("doc_id")
    assert flagged["duplicate_of"].astype(bool).sum() == 1
    assert main([*args, "-o", str(tmp_path / "without.csv"), "--no-duplicates"]) == 0
    plain = pd.read_csv(tmp_path / "without.csv", keep_default_na=False)
    assert len(plain) == 3 and not plain["duplicate_of"].astype(bool).any()
    assert not plain["status"].str.contains("duplicate").any()


def test_evaluate_of_a_missing_analyzer_says_so(monkeypatch, capsys):
    import framing.evaluate as ev

    monkeypatch.setitem(ev.TASKS, "stance", "framing.evaluate.not_landed_yet")
    assert main(["evaluate", "stance", "--data", "x.jsonl"]) == 3
    assert "has not landed" in capsys.readouterr().err


def test_errors_are_reported_plainly(tmp_path, capsys):
    assert main(["score", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "o.csv")]) == 1
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "actors.yaml"
    bad.write_text("actors:\n  - nam: x\n", encoding="utf-8")
    assert main(["report", "-o", str(tmp_path / "r"), "--actors", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "actors.yaml" in err and "line 2" in err


def test_help_explains_itself():
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "--help"], capture_output=True, text=True, timeout=60, env=child_env()
    )
    assert proc.returncode == 0 and "report" in proc.stdout and "evaluate" in proc.stdout
    with pytest.raises(SystemExit):
        main(["report", "--bogus"])


def test_score_streams_extra_tables_to_parquet(tmp_path):
    out = tmp_path / "scores.parquet"
    assert (
        main(
            [
                "score",
                str(ROOT / "seeds"),
                "-o",
                str(out),
                "--no-progress",
                "--tables",
                "documents,mentions,evidence",
                "--actors",
                str(ROOT / "seeds" / "actors.yaml"),
            ]
        )
        == 0
    )
    docs = pd.read_parquet(out)
    mentions = pd.read_parquet(tmp_path / "scores.mentions.parquet")
    assert len(docs) == 5 and len(mentions) > 100 and set(mentions["doc_id"]) <= set(docs["doc_id"])
    assert (tmp_path / "scores.evidence.parquet").exists()
    assert not list(tmp_path.glob(".*partial"))  # nothing half-written left behind


def test_report_by_a_mistyped_column_fails_before_the_analysis(tmp_path, monkeypatch, capsys):
    import framing.run

    def never(*args, **kwargs):
        raise AssertionError("the corpus was analysed before the column was checked")

    monkeypatch.setattr(framing.run, "analyze_with", never)
    code = main(["report", "-o", str(tmp_path / "rep"), "--by", "outlte", "--no-progress"])
    assert code == 1
    assert "no column 'outlte' to compare the documents by (did you mean 'outlet'?)" in capsys.readouterr().err
    assert not (tmp_path / "rep").exists()


def test_the_early_check_agrees_with_the_check_after_the_analysis(seed_analysis, seeds):
    """Every column of a real documents table (and a typo) is accepted or refused by both, with one message:
    labels, corpus fields and document ids make groups; metrics, the analyzers' numbers and counts do not."""
    from framing.errors import GroupError
    from framing.run import build_pipeline, check_group_column

    def verdict(check, column):
        try:
            check(column)
        except GroupError as exc:
            return str(exc)
        return "ok"

    pipeline = build_pipeline(seeds)
    early = {c: verdict(lambda c: check_group_column(seeds, pipeline, c), c) for c in seed_analysis.documents}
    late = {c: verdict(seed_analysis.check_group, c) for c in seed_analysis.documents}
    assert early == late
    assert {c for c, v in late.items() if v == "ok"} >= {"outlet", "genre", "top_frame", "top_issue", "doc_id"}
    for column in ("flesch_reading_ease", "source_entropy", "n_sources", "issue_security", "n_words"):
        assert late.get(column, "issue_security missing") != "ok", column
    assert "source_entropy" not in verdict(seed_analysis.check_group, "outlett")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--analyzers", "nosuch"], "unknown analyzer 'nosuch'"),
        (["score", str(ROOT / "seeds"), "-o", "scores.xlsx"], "output must be .csv, .jsonl or .parquet"),
        (["score", str(ROOT / "seeds"), "-o", "scores.csv", "--tables", "nosuch"], "unknown table 'nosuch'"),
    ],
)
def test_an_option_that_is_not_offered_is_a_one_line_error_not_a_traceback(
    tmp_path, monkeypatch, capsys, args, message
):
    monkeypatch.chdir(tmp_path)
    assert main([*args, "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("framing: error: ") and message in err and "Traceback" not in err


def test_an_output_place_taken_by_a_file_is_named_before_the_analysis(tmp_path, monkeypatch, capsys):
    import framing.run

    def never(*args, **kwargs):
        raise AssertionError("the corpus was analysed before the output place was checked")

    monkeypatch.setattr(framing.run, "analyze_with", never)
    taken = tmp_path / "taken"
    taken.write_text("a file, not a folder", encoding="utf-8")
    assert main(["report", "-o", str(taken), "--no-progress"]) == 1
    assert "a file of that name exists" in capsys.readouterr().err
    assert main(["score", str(ROOT / "seeds"), "-o", str(taken / "scores.csv"), "--no-progress"]) == 1
    assert "a file of that name exists" in capsys.readouterr().err


def test_a_report_on_no_documents_is_an_error_that_names_the_input(tmp_path, capsys):
    """A wrong folder gave an empty report and exit code 0, so the mistake went unseen."""
    empty = tmp_path / "articles"
    empty.mkdir()
    (empty / "actors.yaml").write_text("actors: []\n", encoding="utf-8")  # a domain file is no document
    out = tmp_path / "rep"
    assert main(["report", str(empty), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert f"framing: error: {empty}: no documents to report on" in err
    assert "holds no documents" in err
    assert not (out / "report.pdf").exists()


def test_the_command_says_the_library_warnings_in_one_line_and_only_while_it_runs(tmp_path, capsys):
    import warnings

    before = warnings.showwarning
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "metadata.csv").write_text("id,file,outlet\na,a.txt,Daily\n", encoding="utf-8")
    (folder / "a.txt").write_text("The minister said the plan would work.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Not listed in the metadata.\n", encoding="utf-8")
    assert main(["score", str(folder), "-o", str(tmp_path / "s.csv"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "framing: warning: 1 file(s) in" in err and "b.txt" in err
    assert "UserWarning" not in err and "io.py" not in err
    assert warnings.showwarning is before


def test_a_report_too_large_for_the_machine_is_warned_about_before_the_analysis(seeds, monkeypatch, capsys):
    import framing.cli as cli

    monkeypatch.setattr(cli, "_physical_memory", lambda: 2 * 1024**2)  # 2 MB: the seeds need about 1.4 MB
    cli._warn_if_too_large(seeds)
    err = capsys.readouterr().err
    assert f"a report on {seeds.n_words:,} words needs about 1 MB of memory, and this machine has 2 MB" in err
    assert "framing score CORPUS" in err
    monkeypatch.setattr(cli, "_physical_memory", lambda: 8 * 1024**3)
    cli._warn_if_too_large(seeds)
    monkeypatch.setattr(cli, "_physical_memory", lambda: None)  # a system that does not say
    cli._warn_if_too_large(seeds)
    assert capsys.readouterr().err == ""
