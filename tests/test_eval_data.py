"""``framing evaluate TASK --data FOLDER``: a dataset's folder stands for its one file, or the error lists the
files (or split folders) to choose from, instead of "no such file" or "Is a directory"."""

from __future__ import annotations

import json

import pytest
from test_persent_eval import write as write_persent
from test_sourcing_eval import write_brat

from framing.cli import main
from framing.errors import ConfigError
from framing.evaluate._data import data_file, data_folder
from framing.evaluate.sourcing import evaluate as evaluate_sourcing

# written for this test: one NewsMTSC-style line
LINE = {
    "sentence_normalized": "Critics condemned Ann Lee for the fraud.",
    "targets": [{"from": 18, "to": 25, "mention": "Ann Lee", "polarity": 2.0}],
}


def test_a_folder_with_one_file_of_the_kind_is_that_file(tmp_path):
    (tmp_path / "notes.txt").write_text("not data")
    (tmp_path / ".hidden.jsonl").write_text("")
    (tmp_path / "dev.jsonl.gz").write_bytes(b"")
    assert data_file(tmp_path, (".jsonl", ".jsonl.gz"), "x") == tmp_path / "dev.jsonl.gz"
    assert data_file(tmp_path / "dev.jsonl.gz", (".csv",), "x") == tmp_path / "dev.jsonl.gz"  # a file is itself


def test_a_folder_of_several_files_lists_them(tmp_path, capsys):
    for name in ("train.jsonl", "devtest_mt.jsonl"):
        (tmp_path / name).write_text(json.dumps(LINE) + "\n")
    assert main(["evaluate", "stance", "--data", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "a folder of 2 files: give one of them" in err and "found 'devtest_mt.jsonl, train.jsonl'" in err
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["evaluate", "hedging", "--data", str(empty)]) == 1
    assert "a folder with no file to evaluate; expected a Szeged" in capsys.readouterr().err


def test_a_persent_folder_is_its_csv(tmp_path, capsys):
    write_persent(tmp_path / "dev.csv")
    assert main(["evaluate", "stance", "--data", str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["format"] == "persent" and out["n"] == 3


def test_a_dataset_root_with_split_folders(tmp_path):
    write_brat(tmp_path / "dev")
    r = evaluate_sourcing(tmp_path)  # the one split there is
    assert r["n_docs"] == 1
    write_brat(tmp_path / "train")
    with pytest.raises(ConfigError, match=r"a folder of 2 datasets.*'dev/, train/'"):
        evaluate_sourcing(tmp_path)
    assert data_folder(tmp_path / "dev", ".txt", "x") == tmp_path / "dev"
