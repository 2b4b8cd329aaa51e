"""What framing.analyze and score_to_file accept besides a path: lists, generators, DataFrames; and
that a stream is read once, with nothing lost and the ids a Corpus would give."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.corpus import Corpus, Document, unique_ids
from framing.score import score_to_file

TEXT = "Pakistan said the border would reopen on Monday. Officials in Kabul strongly disagreed with that claim."


def _docs(n: int = 4) -> list[Document]:
    return [Document(id=f"d{i}", text=f"{TEXT} Story number {i}.", outlet=f"o{i % 2}") for i in range(n)]


def test_analyze_takes_lists_generators_records_strings_and_dataframes():
    docs = _docs()
    ref = framing.analyze(Corpus(docs), actors=False).documents
    for source in (docs, iter(docs), (d for d in docs)):
        assert framing.analyze(source, actors=False).documents.equals(ref)
    records = [{"id": d.id, "text": d.text, "outlet": d.outlet} for d in docs]
    assert framing.analyze(iter(records), actors=False).documents.equals(ref)
    df = pd.DataFrame({"body": [d.text for d in docs], "source": [d.outlet for d in docs]})
    by_df = framing.analyze(df, actors=False).documents
    assert by_df.equals(framing.analyze(Corpus.from_dataframe(df, text="body"), actors=False).documents)
    assert list(by_df["outlet"]) == ["o0", "o1", "o0", "o1"]
    texts = framing.analyze([d.text for d in docs], actors=False).documents
    assert list(texts["doc_id"]) == ["row-0", "row-1", "row-2", "row-3"]
    assert list(texts["n_words"]) == list(ref["n_words"])


def test_an_item_that_is_not_a_document_is_kept_as_skipped():
    a = framing.analyze([TEXT, None, 3, {"text": "Kabul denied it."}], actors=False)
    st = list(a.documents["status"])
    assert st[0] == "ok" and st[3] == "ok"
    assert st[1].startswith("skipped: item 2 is not a document (type NoneType")
    assert st[2].startswith("skipped: item 3 is not a document (type int")


@pytest.mark.parametrize("bad", [5, b"text", {"text": TEXT}])
def test_analyze_says_what_it_accepts(bad):
    with pytest.raises(TypeError, match="expected a Corpus, a path, a pandas DataFrame or an iterable"):
        framing.analyze(bad)


def test_a_text_given_where_a_path_goes_says_to_pass_a_list():
    from framing.errors import InputError

    with pytest.raises(InputError, match=r"pass a list of them: framing.analyze\(\[text"):
        framing.analyze(TEXT)
    assert len(framing.analyze([TEXT], actors=False)) == 1


def test_records_without_a_text_field_name_the_fields():
    with pytest.raises(Exception, match="headline"):
        framing.analyze([{"headline": "x", "words": TEXT}], actors=False)


def test_repeated_ids_get_the_first_free_suffix():
    docs = [Document(id=i, text=TEXT) for i in ("a", "a~1", "a", "a")]
    ids = [d.id for d in unique_ids(docs)]
    assert ids == ["a", "a~1", "a~2", "a~3"]
    assert [d.id for d in Corpus(docs)] == ids
    assert Corpus(docs)[2].notes == ("duplicate id, renamed to a~2",)


def test_score_reads_a_generator_once_and_loses_none_of_it(tmp_path):
    """Actor discovery reads the first documents of the stream; those are analysed too (they were lost)."""
    docs = _docs(6)
    out = tmp_path / "scores.csv"
    summary = score_to_file((d for d in docs), out, progress=False)
    got = pd.read_csv(out, keep_default_na=False)
    assert summary.written == 6
    assert list(got["doc_id"]) == [d.id for d in docs]
    records = ({"id": d.id, "text": d.text, "outlet": d.outlet} for d in docs)
    score_to_file(records, tmp_path / "r.csv", progress=False)
    assert pd.read_csv(tmp_path / "r.csv", keep_default_na=False).equals(got)
    df = pd.DataFrame({"id": [d.id for d in docs], "text": [d.text for d in docs], "outlet": [d.outlet for d in docs]})
    score_to_file(df, tmp_path / "f.csv", progress=False)
    assert pd.read_csv(tmp_path / "f.csv", keep_default_na=False).equals(got)


def test_score_gives_repeated_ids_the_ids_analyze_gives(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"id": i, "text": TEXT, "outlet": "x"}) for i in ("a", "a~1", "a")))
    out = tmp_path / "scores.csv"
    score_to_file(src, out, progress=False, actors=False)
    streamed = pd.read_csv(out, keep_default_na=False)
    whole = framing.analyze(src, actors=False).documents
    assert list(streamed["doc_id"]) == list(whole["doc_id"]) == ["a", "a~1", "a~2"]
    assert list(streamed["status"]) == list(whole["status"])
    assert "renamed to a~2" in streamed["status"][2]
    # a resumed run recognises the renamed ids as done
    summary = score_to_file(src, out, progress=False, actors=False, resume=True)
    assert (summary.written, summary.resumed) == (0, 3)


# ---------------------------------------------------------------------- table files, streamed
def _texts(n: int, size: int) -> list[str]:
    return [f"Story {i}. " + ("Kabul said the crossing would reopen. " * (size // 38)) for i in range(n)]


def test_a_csv_is_streamed_not_read_whole(tmp_path, monkeypatch):
    """A CSV larger than the largest single document is read (it was refused), a row at a time: reading
    ten times the rows takes no more memory."""
    import tracemalloc

    import framing.io as fio

    monkeypatch.setattr(fio, "MAX_DOCUMENT_BYTES", 1_000_000)
    peaks = []
    for n_rows in (100, 1000):
        path = tmp_path / f"{n_rows}.csv"
        pd.DataFrame({"id": range(n_rows), "outlet": "x", "text": _texts(n_rows, 10_000)}).to_csv(path, index=False)
        tracemalloc.start()
        try:
            n = 0
            for doc in fio.iter_documents(path):
                assert doc.status == "ok" and doc.id == str(n)
                n += 1
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
        assert n == n_rows
    assert path.stat().st_size > 10_000_000
    assert peaks[1] < peaks[0] + 500_000, f"peak memory {peaks[0]:,} bytes for 100 rows, {peaks[1]:,} for 1,000"


def test_a_stray_byte_far_into_a_utf8_csv_changes_only_its_row(tmp_path, monkeypatch):
    import framing.io as fio

    monkeypatch.setattr(fio, "_SAMPLE_BYTES", 64)  # the stray byte lies beyond the part read to choose
    rows = [f"{i},x,“Quoted” words in row {i}.\n".encode() for i in range(6)]
    rows[4] = b"4,x,Caf\xe9 in row 4.\n"
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"id,outlet,text\n" + b"".join(rows))
    docs = list(fio.iter_documents(path))
    assert [d.text for d in docs[:4]] == [f"“Quoted” words in row {i}." for i in range(4)]
    assert docs[4].text == "Café in row 4." and docs[4].status == "warning"
    assert "not UTF-8 (text); decoded as cp1252" in docs[4].status_text
    assert docs[5].status == "ok"


def test_a_row_the_csv_module_cannot_read_is_skipped_and_reading_goes_on(tmp_path, monkeypatch):
    import framing.io as fio

    monkeypatch.setattr(fio, "MAX_DOCUMENT_BYTES", 2000)
    path = tmp_path / "t.csv"
    path.write_text(f"id,text\na,{TEXT}\nb,{'x' * 5000}\nc,{TEXT}\n", encoding="utf-8")
    docs = list(fio.iter_documents(path))
    assert [d.status for d in docs] == ["ok", "skipped", "ok"]
    assert "cannot be read" in docs[1].status_text and docs[2].id == "c"


def test_reading_a_csv_leaves_the_csv_modules_own_limit_alone(tmp_path):
    """The csv module's field size limit is global to the process: framing raises it only while it reads a
    row (a 200 KB article is over the module's default 128 KB), never for the caller's own csv reading."""
    import framing.io as fio

    path = tmp_path / "t.csv"
    big = "word " * 40_000
    path.write_text(f"id,text\na,{big}\nb,{TEXT}\n", encoding="utf-8")
    before = csv.field_size_limit(131_072)  # the module's default, whatever ran before
    try:
        rows = fio.iter_documents(path)
        first = next(rows)
        assert csv.field_size_limit() == 131_072  # between two rows too, not only at the end
        assert first.status == "ok" and len(first.text) >= len(big.strip())
        assert [d.id for d in rows] == ["b"]
        assert csv.field_size_limit() == 131_072
    finally:
        csv.field_size_limit(before)


def test_a_parquet_file_is_read_a_batch_at_a_time(tmp_path, monkeypatch):
    import pyarrow as pa
    import pyarrow.parquet as pq

    import framing.io as fio

    monkeypatch.setattr(fio, "_PARQUET_BATCH", 3)
    texts = _texts(7, 100)
    # written as other tools write Parquet (no pandas metadata): an integer column with a gap
    table = pa.table({"id": pa.array([1, 2, None, 4, 5, 6, 7], type=pa.int64()), "text": texts})
    pq.write_table(table, tmp_path / "t.parquet", row_group_size=2)
    docs = list(fio.iter_documents(tmp_path / "t.parquet"))
    # integer ids stay integers (pandas.read_parquet made the column float: "1.0", "2.0", ...)
    assert [d.id for d in docs] == ["1", "2", "t-2", "4", "5", "6", "7"]
    assert [d.text for d in docs] == texts


def test_a_plain_jsonl_is_read_whole_and_a_gzip_bomb_is_stopped(tmp_path, monkeypatch):
    import gzip

    import framing.io as fio

    monkeypatch.setattr(fio, "MAX_DECOMPRESSED_BYTES", 1000)
    lines = "".join(json.dumps({"id": i, "text": TEXT}) + "\n" for i in range(2000))
    (tmp_path / "t.jsonl").write_text(lines)
    assert len(list(fio.iter_documents(tmp_path / "t.jsonl"))) == 2000  # a plain file has no bomb to fear
    # gzip: read up to 40 times the compressed size; repeated lines compress far more than news does
    packed = gzip.compress(lines.encode())
    assert len(lines) > 40 * len(packed)
    (tmp_path / "t.jsonl.gz").write_bytes(packed)
    docs = list(fio.iter_documents(tmp_path / "t.jsonl.gz"))
    assert docs[-1].status == "skipped" and "stopped reading" in docs[-1].status_text
    assert 0 < len(docs) < 2000
    # news-like text (each line different) compresses a few times only, and is read whole
    varied = "".join(json.dumps({"id": i, "text": f"{i * 7919 % 104729} {TEXT[i % 50 :]}"}) + "\n" for i in range(300))
    (tmp_path / "v.jsonl.gz").write_bytes(gzip.compress(varied.encode()))
    assert [d.status for d in fio.iter_documents(tmp_path / "v.jsonl.gz")] == ["ok"] * 300


def test_score_reads_json_lines_from_standard_input(tmp_path):
    import subprocess
    import sys

    from conftest import child_env

    lines = "".join(json.dumps({"id": f"s{i}", "text": t, "outlet": "x"}) + "\n" for i, t in enumerate(_texts(3, 200)))
    out = tmp_path / "scores.csv"
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "score", "-", "-o", str(out), "--no-progress"],
        input=lines + "not json\n",
        capture_output=True,
        text=True,
        timeout=120,
        env=child_env(),
    )
    assert proc.returncode == 0, proc.stderr
    got = pd.read_csv(out, keep_default_na=False)
    assert list(got["doc_id"]) == ["s0", "s1", "s2", "stdin-3"]
    assert got["status"][3].startswith("skipped: line 4 is not valid JSON")


_CSV_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=80)


@given(texts=st.lists(_CSV_TEXT, min_size=1, max_size=6), sample=st.integers(1, 64))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_survives_a_csv_read_as_a_stream(tmp_path, monkeypatch, texts, sample):
    """Whatever the characters (any script, line breaks and quotes inside a field, a multi-byte character
    cut by the end of the sample that chooses the encoding), a row's text comes back as written."""
    import framing.io as fio

    monkeypatch.setattr(fio, "_SAMPLE_BYTES", sample)
    path = tmp_path / "t.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:  # the csv module quotes a field with \r or \n
        w = csv.writer(fh)
        w.writerow(["id", "text"])
        w.writerows([f"r{i}", t] for i, t in enumerate(texts))
    docs = list(fio.iter_documents(path))
    assert [d.id for d in docs] == [f"r{i}" for i in range(len(texts))]
    for d, t in zip(docs, texts):
        if d.status == "skipped":
            assert not t.strip(), d.status_text
        elif "converted from HTML" not in d.notes:
            assert d.text == t and d.status == "ok"


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats(allow_nan=False) | _CSV_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_CSV_TEXT, inner, max_size=3),
    max_leaves=8,
)


@given(
    records=st.lists(st.dictionaries(_CSV_TEXT, _JSON_VALUES, max_size=4), max_size=6),
    chunk=st.integers(1, 40),
    indent=st.sampled_from([None, 0, 2]),
    bom=st.booleans(),
)
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_json_array_read_in_small_chunks_gives_every_element_as_written(
    tmp_path, monkeypatch, records, chunk, indent, bom
):
    """Elements cut anywhere by the reading window (inside a string, a number, a multi-byte character,
    a byte-order mark) come back exactly as json.loads reads the whole file."""
    import framing.io as fio

    monkeypatch.setattr(fio, "_JSON_CHUNK", chunk)
    path = tmp_path / "t.json"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + json.dumps(records, indent=indent).encode("utf-8"))
    assert list(fio._iter_json(path)) == records


def test_a_json_array_is_streamed_and_a_broken_element_keeps_those_before_it(tmp_path, monkeypatch):
    import framing.io as fio

    monkeypatch.setattr(fio, "MAX_DOCUMENT_BYTES", 1_000)  # whole-file reads were capped at this
    monkeypatch.setattr(fio, "_JSON_CHUNK", 64)
    records = [{"id": f"a{i}", "text": f"{TEXT} Story {i}.", "outlet": "x"} for i in range(40)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    meter = fio.ReadMeter()
    stream = fio._iter_json(path, meter)
    assert next(stream) == records[0] and meter.share() < 0.1  # read lazily, not whole
    assert [d.id for d in fio.iter_documents(path)] == [r["id"] for r in records]

    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(records[:3])[:-1].rstrip("}") + ', "x": [1, 2]', encoding="utf-8")
    docs = list(fio.iter_documents(broken))
    assert [d.id for d in docs[:2]] == ["a0", "a1"] and all(d.status == "ok" for d in docs[:2])
    assert docs[2].status == "skipped" and "element 3 of the array is not valid JSON" in docs[2].status_text

    odd = tmp_path / "odd.json"
    odd.write_text('[{"id": "a", "text": "' + TEXT + '"}, 12345678901234, {"id": "b", "text": "x"} {"id": "c"}]')
    docs = list(fio.iter_documents(odd))
    assert [d.status for d in docs] == ["ok", "skipped", "ok", "skipped"]
    assert "element 2 of the array is a JSON int, not an object" in docs[1].status_text
    assert "after element 3 of the array, '{' instead of ',' or ']'" in docs[3].status_text


def test_a_json_object_is_read_whole_and_bad_json_names_the_file(tmp_path):
    import framing.io as fio
    from framing.errors import InputError

    whole = tmp_path / "whole.json"
    whole.write_text(json.dumps({"documents": [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}]}))
    assert [d.id for d in fio.iter_documents(whole)] == ["a", "b"]
    (tmp_path / "empty.json").write_text("[]")
    assert list(fio.iter_documents(tmp_path / "empty.json")) == []
    bad = tmp_path / "bad.json"
    bad.write_text('{"documents": [{"id": "a", "text": "unterminated')
    with pytest.raises(InputError, match=r"bad\.json.*not valid JSON \(Unterminated string"):
        list(fio.iter_documents(bad))


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_a_csv_written_with_another_separator_is_read_by_its_header(tmp_path, sep):
    """Spreadsheets in languages whose decimal mark is a comma save "CSV" with semicolons."""
    path = tmp_path / "export.csv"
    path.write_text(
        f'id{sep}outlet{sep}text\n1{sep}A{sep}"Pakistan said{sep} the talks may fail."\n2{sep}B{sep}{TEXT}\n',
        encoding="utf-8",
    )
    docs = list(framing.io.iter_documents(path))
    assert [(d.id, d.outlet, d.status) for d in docs] == [("1", "A", "ok"), ("2", "B", "ok")]
    assert docs[0].text == f"Pakistan said{sep} the talks may fail."


def test_a_comma_in_a_header_keeps_the_comma_as_separator():
    from framing.io import _delimiter

    assert _delimiter("id,text;notes\n", ",") == ","
    assert _delimiter("id;text\n", "\t") == ";"
    assert _delimiter("text\n", ",") == ","  # one column: nothing to choose


def test_a_text_field_that_is_a_list_of_paragraphs_is_joined_not_written_as_a_python_list():
    a = framing.analyze(
        [
            {"id": "p", "text": ["Officials said the talks failed.", "Both sides blamed each other."]},
            {"id": "n", "text": 12345},
        ],
        actors=False,
        progress=False,
    )
    assert a.text("p") == "Officials said the talks failed.\n\nBoth sides blamed each other."
    status = dict(zip(a.documents["doc_id"], a.documents["status"]))
    assert status["p"] == "ok"
    assert status["n"].startswith("warning") and "is a number, not text" in status["n"]


def test_a_parquet_list_column_of_paragraphs_is_joined(tmp_path):
    path = tmp_path / "lists.parquet"
    pd.DataFrame({"id": ["a"], "text": [["Officials said the talks failed.", "Second paragraph."]]}).to_parquet(path)
    (doc,) = framing.load_corpus(path)
    assert doc.text == "Officials said the talks failed.\n\nSecond paragraph." and doc.status == "ok"


def test_a_column_the_user_names_is_never_swapped_for_another(tmp_path):
    """Common alternatives ("body" for "text") stand in for the default names only: an explicit name that is
    not there is an error naming the columns found, not a silent use of another column."""
    from framing.errors import InputError

    path = tmp_path / "plain.csv"
    path.write_text(f"id,outlet,text\n1,A,{TEXT}\n", encoding="utf-8")
    for option in ({"text": "body"}, {"outlet": "source"}, {"id": "uuid"}):
        with pytest.raises(InputError, match=r"no \w+ column .*found 'id, outlet, text'"):
            framing.load_corpus(path, **option)
    (doc,) = framing.load_corpus(path, text="Text", outlet="OUTLET")  # the same name in another case is fine
    assert doc.outlet == "A" and doc.text == TEXT
    bare = tmp_path / "bare.csv"
    bare.write_text(f"body\n{TEXT}\n", encoding="utf-8")
    (doc,) = framing.load_corpus(bare)  # the default name "text" finds "body"; no id or outlet is fine
    assert doc.text == TEXT and doc.outlet == ""


def test_exports_of_news_archives_fill_the_standard_fields(tmp_path):
    """A Media Cloud or news-please export names its fields otherwise (media_name, publish_date, headline, an
    authors list): they were kept as metadata only, so the report said "dates: not given"."""
    path = tmp_path / "export.jsonl"
    rows = [
        {
            "stories_id": 7,
            "media_name": "Dawn",
            "publish_date": "2025-10-06",
            "headline": "Talks stall",
            "authors": ["A. Khan", "B. Ali"],
            "text": TEXT,
        },
        {
            "stories_id": 8,
            "media_name": "Tolo",
            "publish_date": None,
            "headline": "Kabul denies",
            "authors": [],
            "text": TEXT,
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    a, b = framing.load_corpus(path)
    assert (a.id, a.outlet, a.date, a.title, a.author) == ("7", "Dawn", "2025-10-06", "Talks stall", "A. Khan, B. Ali")
    assert dict(a.meta) == {
        "publish_date": "2025-10-06",
        "headline": "Talks stall",
        "authors": ["A. Khan", "B. Ali"],
    }  # kept as they were too: code may name them
    assert (b.date, b.title, b.author) == ("", "Kabul denies", "")
    both = tmp_path / "both.csv"
    both.write_text(f"title,headline,text\nOwn title,A headline,{TEXT}\n", encoding="utf-8")
    (c,) = framing.load_corpus(both)  # a field's own column wins; the other stays metadata
    assert (c.title, dict(c.meta)) == ("Own title", {"headline": "A headline"})
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "x.txt").write_text(TEXT, encoding="utf-8")
    (folder / "metadata.csv").write_text("file,publisher,published,section\nx.txt,Dawn,2025-10-06,news\n")
    (doc,) = framing.load_corpus(folder)
    assert (doc.outlet, doc.date, doc.meta["published"], doc.meta["section"]) == (
        "Dawn",
        "2025-10-06",
        "2025-10-06",
        "news",
    )


def test_a_news_api_export_names_its_outlets_and_says_its_texts_are_cut(tmp_path):
    """NewsAPI: the outlet is an object ({"id": ..., "name": ...}) and was written as its Python repr; "content"
    holds the first 200 characters and "… [+2345 chars]", measured as if it were the article."""
    path = tmp_path / "newsapi.jsonl"
    rows = [
        {
            "source": {"id": None, "name": "Dawn"},
            "author": {"name": "A. Khan"},
            "publishedAt": "2025-10-06T08:00:00Z",
            "content": TEXT + "… [+2345 chars]",
        },
        {"source": {"id": "tolo", "name": ""}, "publishedAt": "2025-10-07", "content": TEXT},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    a, b = framing.load_corpus(path)
    assert (a.outlet, a.author, a.date, b.outlet, b.date) == (
        "Dawn",
        "A. Khan",
        "2025-10-06T08:00:00Z",
        "tolo",
        "2025-10-07",
    )
    assert a.text == TEXT and a.status == "warning" and "2345 more characters not given" in a.status_text
    assert b.text == TEXT and b.status == "ok"


def test_a_folder_without_documents_warns(tmp_path):
    with pytest.warns(UserWarning, match="holds no documents: it has no files besides"):
        assert len(framing.load_corpus(tmp_path)) == 0
    (tmp_path / "metadata.csv").write_text("id,file,outlet\n", encoding="utf-8")
    (tmp_path / "issues.yml").write_text("issues: []\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="holds no documents"):
        assert len(framing.load_corpus(tmp_path)) == 0


def test_a_metadata_row_whose_file_is_missing_is_a_skipped_document(tmp_path):
    """Such a row used to vanish: a typo in a file name lost the article from every table without a word."""
    (tmp_path / "metadata.csv").write_text(
        "id,file,outlet,title\na,a.txt,Daily,First\nx,x.txt,Weekly,Gone\n,y.txt,Weekly,\nz,,Daily,\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("The minister said the plan would work.\n", encoding="utf-8")
    corpus = framing.load_corpus(tmp_path)
    assert corpus.ids == ["a", "x", "y", "z"]
    x = corpus["x"]
    assert x.skipped and x.outlet == "Weekly" and x.title == "Gone"
    assert x.notes == ("x.txt: listed in metadata.csv but not in the folder",)
    assert corpus["y"].notes == ("y.txt: listed in metadata.csv but not in the folder",)
    assert corpus["z"].notes == ("z: listed in metadata.csv, but no file of the folder is named so",)
    docs = framing.analyze(corpus, actors=False, progress=False).documents
    assert docs["status"].str.startswith("skipped").tolist() == [False, True, True, True]


def test_a_metadata_row_that_cannot_be_read_is_named_in_a_warning(tmp_path):
    (tmp_path / "metadata.csv").write_text("id,file,outlet\na,a.txt,Daily\nb,b.txt,Weekly,extra\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("The minister said the plan would work.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The plan failed, critics said.\n", encoding="utf-8")
    with pytest.warns(UserWarning) as caught:
        corpus = framing.load_corpus(tmp_path)
    said = " | ".join(str(w.message) for w in caught)
    assert "metadata.csv: line 3" in said and "the row was not used" in said
    assert "b.txt" in said  # and its file is said to be unlisted
    assert corpus.ids == ["a"]
