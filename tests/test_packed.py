"""An Analysis keeps its documents' results packed (framing.packed), builds its tables a chunk of
documents at a time and writes CSV a block of rows at a time: none of it may change a single value."""

from __future__ import annotations

import pickle

import pandas as pd
import pytest

import framing
import framing.analysis as analysis_module
from framing.analysis import Analysis
from framing.corpus import Corpus
from framing.packed import PARTS, PackedOutput, pack
from framing.pipeline import Pipeline
from framing.run import process_documents
from framing.seeds import seed_actors, seed_issues

TABLES = ("documents", "sentences", "mentions", "evidence", "cleaning")


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(actors=seed_actors(), issues=seed_issues())


@pytest.fixture(scope="module")
def outputs(pipeline, seeds):
    return [pipeline.process(d) for d in seeds]


def test_a_packed_output_reads_and_unpacks_as_the_output_it_was(outputs):
    for out in outputs:
        p = pack(out)
        assert isinstance(p, PackedOutput) and pack(p) is p
        assert p.row is out.row and p.fingerprint == out.fingerprint
        for part in PARTS:
            # repr compares NaN as equal to NaN (== on lists of floats does not, for copies)
            assert repr(getattr(p, part)) == repr(getattr(out, part)), part
        assert repr(p.unpack()) == repr(out)
        assert 0 < p.nbytes < len(pickle.dumps(out)) * 2
        q = pickle.loads(pickle.dumps(p))  # as sent back from a worker process
        assert repr(q.unpack()) == repr(out)


def test_what_is_read_from_a_packed_output_is_a_copy(outputs):
    p = pack(outputs[0])
    p.evidence.clear()
    p.sentences["start"][0] = -1
    assert len(p.evidence) == len(outputs[0].evidence)
    assert p.sentences["start"][0] == outputs[0].sentences["start"][0]


def test_a_packed_output_needs_every_part():
    with pytest.raises(ValueError, match="parts"):
        PackedOutput({"doc_id": "a"}, (b"",))


def _same(a: pd.DataFrame, b: pd.DataFrame, name: str) -> None:
    assert list(a.columns) == list(b.columns), name
    assert list(a.dtypes) == list(b.dtypes), name
    assert a.equals(b), name


@pytest.mark.parametrize("chunk", [1, 2, 5, 256])
def test_packed_and_chunked_tables_equal_the_tables_of_plain_outputs(monkeypatch, pipeline, outputs, seeds, chunk):
    monkeypatch.setattr(analysis_module, "_CHUNK_DOCS", 10**9)
    plain = Analysis(seeds, pipeline, outputs, compact=False)
    expected = {name: getattr(plain, name) for name in TABLES}
    extra = {name: plain.table(name) for name in plain.table_names}
    assert "attributions" in extra and len(extra["attributions"])
    monkeypatch.setattr(analysis_module, "_CHUNK_DOCS", chunk)  # 5 seeds: several chunks, one, or an exact fit
    packed = Analysis(seeds, pipeline, outputs)
    assert all(isinstance(o, PackedOutput) for o in packed._outputs)
    for name in TABLES:
        _same(getattr(packed, name), expected[name], name)
    assert packed.table_names == plain.table_names
    for name, table in extra.items():
        _same(packed.table(name), table, name)
        assert packed.table(name) is packed.table(name)  # built once
    assert all(packed.text(d.id) == plain.text(d.id) for d in seeds)


def test_an_empty_analysis_has_empty_tables_with_their_columns(pipeline):
    a = Analysis(Corpus([]), pipeline, [])
    assert a.sentences.empty and {"doc_id", "outlet"} <= set(a.sentences.columns)
    assert a.mentions.empty and "actor" in a.mentions.columns
    assert a.evidence.empty and list(a.evidence.columns) == [
        "doc_id",
        "outlet",
        "analyzer",
        "category",
        "start",
        "end",
        "text",
        "weight",
        "actor",
        "sentence_id",
        "note",
    ]
    with pytest.raises(KeyError, match="no table 'attributions'; tables: none"):
        a.table("attributions")


def test_workers_pack_what_they_send_and_the_order_is_kept(pipeline, outputs, seeds):
    got = list(process_documents(pipeline, seeds, n_jobs=2, progress=False, packed=True))
    assert all(isinstance(o, PackedOutput) for o in got)
    assert [repr(o.unpack()) for o in got] == [repr(o) for o in outputs]


def test_analyze_keeps_packed_outputs(seeds):
    a = framing.analyze(seeds, analyzers=["readability"])
    assert all(isinstance(o, PackedOutput) for o in a._outputs)
    assert len(a.sentences) == int(a.documents["n_sentences"].sum())


@pytest.mark.parametrize("block", [1, 2, 7, 10**6])
def test_csv_tables_written_a_block_of_rows_at_a_time_are_the_same_file(monkeypatch, tmp_path, seed_analysis, block):
    """write_table flattens list cells a block of rows at a time (not a copy of the whole table): the
    file must not depend on the block size, header and list cells included."""
    import framing.export as export

    table = seed_analysis.sentences.head(23)
    assert table["issues"].map(lambda v: isinstance(v, tuple) and len(v) > 0).any()
    whole = export.flatten_lists(table).to_csv(index=False)
    monkeypatch.setattr(export, "CSV_ROWS", block)
    path = export.write_table(table, tmp_path / "sentences.csv")
    assert path.read_bytes().decode("utf-8") == whole
    empty = export.write_table(table.head(0), tmp_path / "empty.csv")
    assert empty.read_text(encoding="utf-8") == table.head(0).to_csv(index=False)
