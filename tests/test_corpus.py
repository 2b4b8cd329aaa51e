from __future__ import annotations

import dataclasses
import gzip
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.corpus import Corpus
from framing.errors import InputError
from framing.io import decode_bytes, html_to_text, load_corpus


def test_seeds_repr_metadata_and_immutability(seeds):
    assert repr(seeds) == "Corpus(5 documents, 4,555 words, 5 outlets)"
    d = seeds["003_5f65102a985eecf8"]
    assert d.outlet == "WE News English" and d.author == "Sajjad Tarakzai" and d.genre == "news feature"
    assert seeds["001_35548cf6cab8de26"].author == ""  # unknown stays empty
    only = seeds.where(genre="op-ed")
    assert len(only) == 2 and len(seeds) == 5 and isinstance(only, Corpus)
    with pytest.raises(AttributeError):
        seeds._docs = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.text = "x"
    assert seeds.sample(3, seed=1).ids == seeds.sample(3, seed=1).ids


def test_folder_with_metadata_and_subfolder_outlets(tmp_path):
    (tmp_path / "a.txt").write_text("Pakistan and Afghanistan held talks.", encoding="utf-8")
    (tmp_path / "b.md").write_text("Trade resumed at Torkham.", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,date\na.txt,Dawn,2025-01-02\nb.md,The News,\n", encoding="utf-8"
    )
    c = load_corpus(tmp_path)
    assert c.ids == ["a", "b"] and c.outlets == ["Dawn", "The News"] and c["a"].date == "2025-01-02"
    nested = tmp_path / "n"
    (nested / "Dawn").mkdir(parents=True)
    (nested / "Dawn" / "x.txt").write_text("One text.", encoding="utf-8")
    assert load_corpus(nested)["Dawn/x"].outlet == "Dawn"


def test_tables_jsonl_gz_csv_parquet_dataframe(tmp_path):
    rows = [
        {"id": "r1", "source": "Dawn", "content": "Pakistan said so.", "lean": "center"},
        {"id": "r2", "source": "Geo", "content": "Kabul denied it.", "lean": "left"},
    ]
    gz = tmp_path / "c.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
    c = load_corpus(gz)
    assert c.ids == ["r1", "r2"] and c.outlets == ["Dawn", "Geo"] and c["r2"].meta["lean"] == "left"
    df = pd.DataFrame(rows)
    df.to_csv(tmp_path / "c.csv", index=False)
    df.to_parquet(tmp_path / "c.parquet")
    for name in ("c.csv", "c.parquet"):
        assert load_corpus(tmp_path / name, text="content", outlet="source").ids == ["r1", "r2"]
    c2 = framing.Corpus.from_dataframe(df, text="content", id=None, outlet="source")
    assert c2.ids == ["row-0", "row-1"]
    with pytest.raises(InputError, match="text column"):
        framing.Corpus.from_dataframe(df, text="body_text")


def test_bad_rows_and_files_are_kept_with_a_status(tmp_path):
    p = tmp_path / "c.jsonl"
    p.write_text(
        '{"id": "ok", "text": "Fine text here."}\n{not json\n{"id": "empty", "text": "   "}\n'
        '{"id": "other", "body": "Text under another name."}\n',
        encoding="utf-8",
    )
    c = load_corpus(p)
    assert len(c) == 4
    assert [d.status for d in c] == ["ok", "skipped", "skipped", "skipped"]
    assert "line 2" in c[1].status_text and "empty" in c[2].status_text
    assert c[3].status_text == "skipped: no 'text' field (this record's fields: id, body)"  # not "empty document"
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    (folder / "latin.txt").write_bytes("Caf\xe9 talks in Quetta.".encode("cp1252"))
    (folder / "u16.txt").write_bytes("Talks in Doha.".encode("utf-16"))
    (folder / "more.csv").write_text("text\nTalks in Doha.\n", encoding="utf-8")
    docs = {d.id: d for d in load_corpus(folder)}
    assert docs["scan"].status == "skipped" and "PDF" in docs["scan"].status_text
    assert "not a readable PDF" in docs["scan"].status_text
    assert "convert it to text (for example pdftotext" in docs["scan"].status_text  # what to do about it
    # a table among text files is not read as one document, and the note says how to read it
    assert "read on its own (framing.load_corpus('more.csv')" in docs["more"].status_text
    assert docs["latin"].status == "warning" and docs["latin"].text.startswith("Café")
    assert docs["u16"].status == "ok" and docs["u16"].text == "Talks in Doha."


def test_utf16_without_a_byte_order_mark_is_text_and_control_bytes_are_not():
    text = "Pakistan and Afghanistan met in Doha. Café owners said the talks went well."
    for enc in ("utf-16-le", "utf-16-be"):
        got, notes = decode_bytes(text.encode(enc))
        assert got == text and notes == [f"no byte-order mark; decoded as {enc.upper()}"]
    assert decode_bytes(bytes(range(256)) * 10) == (None, ["binary file (control bytes)"])
    # a stray control byte or two in real text (a form feed, an old escape code) leaves it text
    assert decode_bytes(("Kabul said so, and the talks in Doha went on.\x0c\x01 " * 20).encode())[0] is not None
    assert decode_bytes(b"\x93Quoted\x94 in cp1252")[1] == ["not UTF-8 (from byte 0); decoded as cp1252/Latin-1"]


_BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_BOMS), st.binary(max_size=400))
def test_any_bytes_decode_to_text_or_a_reason_never_an_error(bom, data):
    """Bytes after a UTF-32 byte-order mark that are not UTF-32 raised, and one such file stopped a whole run."""
    text, notes = decode_bytes(bom + data)
    assert text is not None or notes


def test_a_file_with_a_false_utf32_mark_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    (tmp_path / "good.txt").write_text("Officials said the border was closed.", encoding="utf-8")
    docs = {d.id: d for d in load_corpus(tmp_path)}
    assert docs["good"].status == "ok"
    assert docs["bad"].status == "skipped" and "UTF-32 byte-order mark" in docs["bad"].status_text


def test_a_reader_failure_no_one_foresaw_skips_that_file_only(tmp_path, monkeypatch):
    import framing.io

    def broken(text):
        raise RuntimeError("parser gave up")

    monkeypatch.setattr(framing.io, "html_to_text", broken)
    (tmp_path / "page.html").write_text("<p>Trump said no.</p>", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Officials said the border was closed.", encoding="utf-8")
    docs = {d.id: d for d in load_corpus(tmp_path)}
    assert docs["good"].status == "ok"
    assert docs["page"].status == "skipped" and "RuntimeError: parser gave up" in docs["page"].status_text


# written for this test: one sentence in each of four scripts whose letters lie in one UTF-16 block
OTHER_SCRIPTS = {
    "Urdu": "پاکستان اور افغانستان کے درمیان مذاکرات دوحہ میں دوبارہ شروع ہوں گے، حکام نے کہا۔",
    "Russian": "Пакистан и Афганистан возобновят переговоры в Дохе, заявили официальные лица.",
    "Hindi": "पाकिस्तान और अफगानिस्तान के बीच बातचीत दोहा में फिर से शुरू होगी, अधिकारियों ने कहा।",
    "Greek": "Το Πακιστάν και το Αφγανιστάν θα ξαναρχίσουν τις συνομιλίες στη Ντόχα.",
}


@pytest.mark.parametrize("language", sorted(OTHER_SCRIPTS))
def test_utf16_without_a_byte_order_mark_in_another_script_is_text(language):
    """An Urdu file saved as UTF-16 without a mark was skipped as binary: its bytes are no NULs but 0x06."""
    text = (OTHER_SCRIPTS[language] + "\n") * 2
    for enc in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(text.encode(enc)) == (text, [f"no byte-order mark; decoded as {enc.upper()}"])
    assert decode_bytes(text.encode("utf-8")) == (text, [])  # UTF-8 is not mistaken for it


def test_utf16_without_a_byte_order_mark_full_of_figures_is_text():
    """An economy story in Russian (figures, per cents, brackets) was under the share of letters once asked."""
    text = "В 2023 году ВВП вырос на 3,6% (по данным Росстата), а инфляция составила 7,4%; в 2024-м — 4,1%. " * 3
    assert decode_bytes(text.encode("utf-16-le")) == (text, ["no byte-order mark; decoded as UTF-16-LE"])


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=32, max_size=600))
def test_random_bytes_are_not_taken_for_utf16_in_another_script(data):
    from framing.io import _bomless_utf16

    enc = _bomless_utf16(data)
    # taken for UTF-16 only if it decodes, and then the text is letters and white space for the most part
    assert enc is None or sum(not ch.isspace() and not ch.isalpha() for ch in data.decode(enc)) < len(data) / 2


def test_duplicate_ids_are_renamed_not_lost():
    c = framing.Corpus.from_records([{"id": "a", "text": "x y"}, {"id": "a", "text": "z w"}])
    assert c.ids == ["a", "a~1"] and c[1].status == "warning"


def test_html_is_reduced_to_text_and_nothing_is_fetched():
    text, title = html_to_text(
        "<html><head><title>T</title><script>alert(1)</script><link href='http://x'></head>"
        "<body><nav>Menu</nav><p>Kabul &amp; Islamabad</p><p>met.</p><img src='http://y'></body></html>"
    )
    assert title == "T" and "alert" not in text and "Menu" not in text
    assert text == "Kabul & Islamabad\n\nmet."
    assert decode_bytes(b"\x89PNG\r\n")[0] is None


# ---------------------------------------------------------------------- broken HTML
_HTML_PIECES = st.sampled_from(
    ["<", ">", "!", "-", "/", "a", " ", '"', "=", "[", "]", "&", ";", "<!--", "-->", "<p>", "</p>", '<a href="',
     "<![", "<![CDATA[", "<![if", "]]>", "&amp;", "\n", "<title>", "<script>", "</script>", "<!", "<?", "</", "word"]
)  # fmt: skip


def _parsed(markup: str) -> str | None:
    """The text the standard library's parser gives for ``markup`` as it is (None when it raises)."""
    from framing.html_text import _HTMLText

    p = _HTMLText()
    try:
        p.feed(markup)
        p.close()
    except Exception:
        return None
    return "".join(p.parts)


@settings(max_examples=400, deadline=None)
@given(st.lists(_HTML_PIECES, max_size=60).map("".join))
def test_defused_markup_gives_the_parsers_text_and_never_makes_it_raise(markup):
    from framing.html_text import _defused

    defused = _parsed(_defused(markup))
    assert defused is not None  # Python 3.11's parser raised on "<![" then no keyword, and the page was cut there
    plain = _parsed(markup)
    if plain is not None and markup.count("<!--") <= 32:
        assert defused == plain


def test_a_broken_page_is_parsed_without_rescanning_it_for_each_unclosed_tag(monkeypatch):
    from framing.html_text import _HTMLText

    attempts = []
    scan = _HTMLText.check_for_whole_start_tag

    def counted(self, i):
        attempts.append(i)
        return scan(self, i)

    monkeypatch.setattr(_HTMLText, "check_for_whole_start_tag", counted)
    page = "<html><body><p>Cut off here" + '<a href="' * 5_000  # each scanned to the end: quadratic
    text, _ = html_to_text(page)
    assert text.startswith("Cut off here<a href=")
    assert len(attempts) <= 3


def test_an_unknown_marked_section_does_not_cut_the_page():
    text, _ = html_to_text("<html><body><p>Before</p><![-! junk <p>After the junk.</p></body></html>")
    assert "After the junk." in text


def test_a_linked_outlet_folder_is_read_once_and_a_broken_link_is_a_skipped_document(tmp_path):
    data = tmp_path / "elsewhere" / "nyt"
    data.mkdir(parents=True)
    (data / "b.txt").write_text("Kabul said the talks went well.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "bbc").mkdir(parents=True)
    (corpus / "bbc" / "a.txt").write_text("Pakistan said the talks may fail.", encoding="utf-8")
    (corpus / ".cache").mkdir()
    (corpus / ".cache" / "c.txt").write_text("hidden", encoding="utf-8")
    (corpus / "nyt").symlink_to(data, target_is_directory=True)  # outlets kept elsewhere, linked in
    (corpus / "bbc" / "up").symlink_to(corpus, target_is_directory=True)  # a link back up the tree
    (corpus / "gone.txt").symlink_to(tmp_path / "missing.txt")
    c = load_corpus(corpus)
    got = {d.id: (d.outlet, d.status) for d in c}
    assert got == {"bbc/a": ("bbc", "ok"), "nyt/b": ("nyt", "ok"), "gone": ("", "skipped")}
    assert "broken link" in c["gone"].notes[0]
