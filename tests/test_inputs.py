"""What framing.analyze and score_to_file accept besides a path: lists, generators, DataFrames; and
that a stream is read once, with nothing lost and the ids a Corpus would give."""

from __future__ import annotations

import json

import pandas as pd
import pytest

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
