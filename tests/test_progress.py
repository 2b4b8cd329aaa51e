"""The progress bar: silent unless asked or on a terminal; time left from the count of documents, or,
for a stream of unknown length, from how much of the input file has been read."""

from __future__ import annotations

import gzip
import io
import json
import random

import pandas as pd
import pytest

from framing.io import ReadMeter, iter_documents
from framing.progress import Progress
from framing.score import score_to_file

TEXT = "Pakistan said the border would reopen on Monday. Officials in Kabul strongly disagreed with that claim."


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_off_a_terminal_and_when_disabled():
    for stream, enabled in ((io.StringIO(), None), (_Tty(), False)):
        bar = Progress(10, enabled=enabled, stream=stream, min_interval=0)
        bar.update(5, 1000)
        bar.close()
        assert stream.getvalue() == ""


def test_counts_to_a_known_total_with_time_left():
    stream = _Tty()
    bar = Progress(10, stream=stream, min_interval=0)
    bar.update(5, 1000)
    line = stream.getvalue()
    assert "5/10 documents" in line and "words/s" in line and "left" in line
    assert line.count("█") == 12


def test_steps_show_what_is_under_way_and_count_when_the_next_begins():
    stream = _Tty()
    bar = Progress(3, stream=stream, label="steps", rate=False)
    bar.step("section stance")
    assert "0/3 steps · section stance" in stream.getvalue() and "words/s" not in stream.getvalue()
    bar.step("report.pdf")
    bar.step("tables")
    bar.close()
    lines = stream.getvalue().split("\r")
    assert "1/3 steps · report.pdf" in lines[2] and "3/3 steps · done" in lines[-1]


def test_a_report_shows_its_sections_as_it_makes_them(tmp_path, capsys):
    import framing

    docs = [{"id": f"d{k}", "outlet": "AB"[k % 2], "text": TEXT} for k in range(4)]
    a = framing.analyze(framing.Corpus.from_records(docs), analyzers=["readability"], progress=False)
    a.report(tmp_path / "r", n_boot=20, progress=True)
    err = capsys.readouterr().err
    assert "section readability" in err and "report.pdf" in err and "report.html" in err
    done = err.split("\r")[-1]
    total = done.split("/")[1].split()[0]
    assert f"{total}/{total} steps · done" in done
    a.report(tmp_path / "quiet", n_boot=20, progress=False)
    assert capsys.readouterr().err == ""


def test_time_left_from_an_estimate_of_the_total():
    stream = _Tty()
    estimate = [12.0]
    bar = Progress(None, stream=stream, min_interval=0, estimate=lambda: estimate[0])
    bar.update(3, 600)
    assert "3/~12 documents" in stream.getvalue() and "left" in stream.getvalue()
    assert stream.getvalue().count("█") == 6
    estimate[0] = None  # not known (yet): elapsed time instead
    bar.update(1, 100)
    assert stream.getvalue().rsplit("\r", 1)[1].startswith("4 documents · ") and "elapsed" in stream.getvalue()


def _write(tmp_path, kind: str, n: int):
    rng = random.Random(0)  # words that do not compress away, so that a .gz is as long as real ones are
    rows = [
        {
            "id": f"d{i}",
            "outlet": "x",
            "text": f"{i}. {TEXT} " + " ".join(f"{rng.getrandbits(32):x}" for _ in range(20)),
        }
        for i in range(n)
    ]
    path = tmp_path / f"in.{kind}"
    if kind == "jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    elif kind == "jsonl.gz":
        path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    elif kind == "csv":
        pd.DataFrame(rows).to_csv(path, index=False)
    elif kind == "parquet":
        pd.DataFrame(rows).to_parquet(path)
    else:
        path.mkdir()
        for r in rows:
            (path / f"{r['id']}.txt").write_text(r["text"])
    return path


@pytest.mark.parametrize("kind", ["jsonl", "jsonl.gz", "csv", "parquet", "folder"])
def test_the_read_meter_estimates_the_documents_of_every_kind_of_input(tmp_path, kind, monkeypatch):
    import framing.io as fio

    monkeypatch.setattr(fio, "_PARQUET_BATCH", 50)
    n = 3000 if kind != "folder" else 200
    path = _write(tmp_path, kind, n)
    meter = ReadMeter()
    assert meter.share() is None and meter.total() is None
    shares, totals = [], []
    for _ in meter.count(iter_documents(path, meter=meter)):
        shares.append(meter.share())
        totals.append(meter.total())
    assert all(0.0 <= f <= 1.0 for f in shares) and shares == sorted(shares)
    assert shares[len(shares) // 10] < 0.5 < shares[-len(shares) // 10]  # it moves with the reading
    assert abs(totals[n // 2] - n) < 0.2 * n  # half-way, the estimate is near the truth
    assert meter.total() == n and meter.share() == 1.0


def test_score_shows_time_left_on_a_file(tmp_path, capsys):
    path = _write(tmp_path, "jsonl", 40)
    score_to_file(path, tmp_path / "s.csv", progress=True, actors=False, analyzers=["readability"])
    err = capsys.readouterr().err
    assert "40/~40 documents" in err and "left" in err
