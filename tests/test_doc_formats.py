"""Word, OpenDocument and PDF files are read (framing.doc_formats), in a folder and on their own; a single
text file is a corpus of one document; what cannot be read says why and what to do."""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing import doc_formats
from framing.cli import main
from framing.doc_formats import FormatError, document_text
from framing.io import load_corpus
from framing.rtf_text import rtf_to_text

# sentences written for these tests
FIRST = "Pakistan said on Monday that talks with Afghanistan would resume in Doha next week."
SECOND = "Afghan officials told reporters that trade through Torkham had fallen by half."
ARTICLE = (
    f"{FIRST} {SECOND} The border crossing at Chaman stayed shut for a third day, and hundreds of trucks waited on "
    "both sides. Traders in Peshawar warned that fruit would rot before it reached the markets of Kabul. A "
    "spokesman for the foreign ministry in Islamabad insisted that security, not politics, had closed the "
    "road. Analysts in Lahore said the closure might push Afghan importers toward routes through Iran. "
    "Mr. Karim Shah, who runs a transport company, told the paper that his drivers had not been paid since "
    "August. The United Nations urged both governments to keep humanitarian goods moving. Officials on the "
    "Afghan side claimed that Pakistani forces had fired across the line, which Islamabad denied."
)

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: str) -> bytes:
    """A Word file whose body is ``body`` (WordprocessingML)."""
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W_NS}><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def para(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r><w:t xml:space='preserve'>{escape(r)}</w:t></w:r>" for r in runs) + "</w:p>"


def odt(body: str) -> bytes:
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    xml = (
        f"<office:document-content {ns}><office:body><office:text>{body}</office:text></office:body>"
        "</office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", xml)
    return buf.getvalue()


def pdf(pages: list[list[str]]) -> bytes:
    """A PDF of ``pages``, each a list of lines set in Helvetica (a minimal writer: catalog, pages, font, and a
    page and its content stream per page, with the cross-reference table)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{4 + 2 * k} 0 R' for k in range(len(pages)))}] "
        f"/Count {len(pages)} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for k, lines in enumerate(pages):
        shown = ["(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for line in lines]
        stream = "\n".join(["BT", "/F1 11 Tf", "14 TL", "72 740 Td", *shown, "ET"]).encode("cp1252")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (5 + 2 * k)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# ---------------------------------------------------------------------- Word and OpenDocument
def test_a_word_file_gives_its_paragraphs_and_leaves_out_deleted_text():
    body = (
        para("Pakistan said on Mon", "day that talks ", "with Afghanistan would resume in Doha next week.")
        + "<w:p><w:r><w:t>Afghan officials told reporters that trade through Torkham had </w:t></w:r>"
        "<w:del><w:r><w:delText>risen sharply</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>fallen by half.</w:t></w:r></w:ins></w:p>"
        "<w:p><w:hyperlink><w:r><w:t>Read</w:t></w:r><w:r><w:tab/><w:t>more</w:t></w:r></w:hyperlink></w:p>"
        "<w:p/>"
        "<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two, non</w:t><w:noBreakHyphen/><w:t>stop</w:t></w:r>"
        "<w:r><w:fldChar/><w:instrText> HYPERLINK x </w:instrText></w:r></w:p>"
    )
    text, notes = document_text(docx(body), ".docx")
    assert text == f"{FIRST}\n\n{SECOND}\n\nRead\tmore\n\nLine one\nline two, non-stop"
    assert notes == ["converted from Word (.docx)"]


def test_tab_stops_and_moved_text_are_not_text():
    body = (
        "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr>"
        "<w:moveFrom><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom>"
        f"<w:r><w:t>{FIRST}</w:t></w:r></w:p>"
    )
    assert document_text(docx(body), ".docx")[0] == FIRST


def test_a_text_box_joins_its_paragraph():
    body = (
        "<w:p><w:r><w:t>Before the box. </w:t></w:r><w:r><w:pict><w:txbxContent>"
        + para("Boxed note.")
        + "</w:txbxContent></w:pict></w:r><w:r><w:t>After it.</w:t></w:r></w:p>"
        + para(SECOND)
    )
    text, _ = document_text(docx(body), ".docx")
    assert text == f"Before the box. Boxed note.\nAfter it.\n\n{SECOND}"


def test_an_opendocument_file_gives_its_paragraphs_without_its_notes():
    body = (
        f"<text:h>Talks resume</text:h><text:p>{FIRST[:20]}<text:span>{FIRST[20:40]}</text:span>{FIRST[40:]}"
        "<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note></text:p>"
        "<text:p>Two<text:s text:c='3'/>spaces<text:tab/>and a<text:line-break/>break.</text:p>"
        "<text:p>A<text:s text:c='many'/>space.</text:p>"  # a count that is no number: one space
    )
    text, notes = document_text(odt(body), ".odt")
    assert text == f"Talks resume\n\n{FIRST}\n\nTwo   spaces\tand a\nbreak.\n\nA space."
    assert notes == ["converted from OpenDocument (.odt)"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1), min_size=1, max_size=5))
def test_any_text_in_a_word_file_comes_back(paragraphs):
    paragraphs = [p for p in paragraphs if p.strip()] or ["x"]
    text, _ = document_text(docx("".join(para(p) for p in paragraphs)), ".docx")
    assert text == "\n\n".join(paragraphs)


def test_a_broken_or_oversized_word_file_says_why(monkeypatch):
    with pytest.raises(FormatError, match=r"not a readable Word file .*save it as plain text"):
        document_text(b"PK\x03\x04" + b"\x00" * 64, ".docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/other.xml", "<x/>")
    with pytest.raises(FormatError, match=r"not a Word file: the archive has no word/document\.xml"):
        document_text(buf.getvalue(), ".docx")
    with pytest.raises(FormatError, match=r"protected by a password \(or is an older \.doc named \.docx\)"):
        document_text(b"\xd0\xcf\x11\xe0" + b"\0" * 100, ".docx")  # how Office saves a Word file with a password
    with pytest.raises(FormatError, match="not well-formed XML"):
        document_text(docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"), ".docx")
    # a ZIP bomb is refused, not unpacked: the limit on what is read holds whatever size the archive declares
    monkeypatch.setattr(doc_formats, "MAX_XML_BYTES", 2000)
    with pytest.raises(FormatError, match="over the limit"):
        document_text(docx(para("word " * 2000)), ".docx")


# ---------------------------------------------------------------------- PDF
def test_a_pdf_is_read_page_by_page():
    text, notes = document_text(pdf([[FIRST, "Afghan officials told reporters that"], ["trade had fallen."]]), ".pdf")
    assert text == f"{FIRST}\nAfghan officials told reporters that\n\x0ctrade had fallen.\n\x0c"
    assert notes == ["converted from PDF (2 pages)"]


def test_a_pdf_keeps_its_paragraph_gaps_but_not_around_a_running_head_or_footer():
    """pypdf gives no blank lines: a caption or a heading looked like any line of text to the cleaner."""
    page = ["DAWN", "", "Talks resume", "", FIRST, "Afghan officials told reporters that trade", "", "Caption here", ""]
    page += [SECOND, "and the crossing stayed shut for a third day,", "", "Page 1"]
    text, _ = document_text(pdf([page]), ".pdf")
    assert text == (
        f"DAWN\nTalks resume\n\n{FIRST}\nAfghan officials told reporters that trade\n\nCaption here\n\n{SECOND}\n"
        "and the crossing stayed shut for a third day,\nPage 1\n\x0c"
    )


def test_a_pdf_page_without_text_or_broken_is_noted_and_the_rest_read(monkeypatch):
    """A scanned page among text pages, or one that pypdf fails on, was lost (or lost the document) silently."""
    text, notes = document_text(pdf([[FIRST], [], [SECOND]]), ".pdf")
    assert FIRST in text and SECOND in text
    assert notes[1] == "page 2 of 3 holds no text (a scanned page or a picture?): run OCR to read it"
    real = doc_formats._page_text

    def fails_on_the_second(page):
        if SECOND in (page.extract_text() or ""):
            raise ValueError("broken content stream")
        return real(page)

    monkeypatch.setattr(doc_formats, "_page_text", fails_on_the_second)
    text, notes = document_text(pdf([[FIRST], [SECOND], [SECOND], [FIRST]]), ".pdf")
    assert text.count(FIRST) == 2 and SECOND not in text
    assert notes[1] == "pages 2 and 3 could not be read and left out"


def test_a_pdf_without_text_or_with_a_password_or_broken_says_what_to_do():
    with pytest.raises(FormatError, match=r"no text layer \(0 characters on 2 pages\).*run OCR"):
        document_text(pdf([[], []]), ".pdf")
    with pytest.raises(FormatError, match=r"not a readable PDF .*pdftotext"):
        document_text(b"%PDF-1.4 binary", ".pdf")
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf([[FIRST]])))
    try:
        writer.encrypt(user_password="secret", algorithm="RC4-128")
    except Exception as exc:  # an AES-only pypdf build needs the cryptography package
        pytest.skip(f"pypdf cannot encrypt here: {exc}")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(FormatError, match="protected by a password"):
        document_text(locked.getvalue(), ".pdf")


def test_a_pdf_article_is_analysed_like_its_text(tmp_path):
    """A hard-wrapped article over two pages with a running footer: the footer goes, the sentence broken by the
    page joins, and the attributions are those of the same article as plain text."""
    lines, line = [], ""
    for w in ARTICLE.split():
        if len(line) + len(w) + 1 > 70:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    half = len(lines) // 2
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "printed.pdf").write_bytes(pdf([[*lines[:half], "Dawn  Page 1"], [*lines[half:], "Dawn  Page 2"]]))
    (folder / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    a = framing.analyze(load_corpus(folder), progress=False)
    docs = a.documents.set_index("doc_id")
    # the cleaned text is the plain one's, word for word: the duplicate check says so
    assert docs.loc["printed", "status"] == "warning: converted from PDF (2 pages); exact duplicate of plain"
    assert "Page" not in a.text("printed")
    assert docs.loc["printed", "n_words"] == docs.loc["plain", "n_words"]
    sents = a.sentences.groupby("doc_id")["text"].apply(lambda s: [" ".join(t.split()) for t in s])
    assert sents["printed"] == sents["plain"]
    assert docs.loc["printed", "attributions_per_1000"] == docs.loc["plain", "attributions_per_1000"] > 0


# ---------------------------------------------------------------------- one file on its own
def test_one_file_is_a_corpus_of_one_document(tmp_path):
    for name, data in [
        ("essay.txt", f"{FIRST}\n\n{SECOND}\n".encode()),
        ("saved.html", f"<html><head><title>Talks</title></head><body><p>{FIRST}</p></body></html>".encode()),
        ("essay2.docx", docx(para(FIRST) + para(SECOND))),
        ("printed.pdf", pdf([[FIRST, SECOND]])),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        corpus = load_corpus(path)
        (doc,) = list(corpus)
        assert doc.id == path.stem and doc.status in ("ok", "warning") and FIRST in doc.text, (name, doc)
    assert next(iter(load_corpus(tmp_path / "saved.html"))).title == "Talks"
    # an unreadable single file is a skipped document that says why, not an error
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    (doc,) = list(load_corpus(tmp_path / "broken.pdf"))
    assert doc.status == "skipped" and "broken.pdf: not a readable PDF" in doc.status_text


def test_the_command_line_reports_on_a_single_word_file(tmp_path, capsys):
    path = tmp_path / "essay.docx"
    path.write_bytes(docx(para(FIRST) + para(SECOND)))
    out = tmp_path / "scores.csv"
    assert main(["score", str(path), "-o", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "1 document:" in err and "wrote 1 row to" in err
    import pandas as pd

    row = pd.read_csv(out).iloc[0]
    assert row["doc_id"] == "essay" and row["status"] == "ok: converted from Word (.docx)" and row["n_words"] == 26


def test_several_files_are_one_corpus_and_the_report_compares_them(tmp_path, capsys):
    """A class's three downloaded articles: "framing report a.pdf b.docx c.txt" compares them, one by one."""
    paths = [tmp_path / "a.pdf", tmp_path / "b.docx", tmp_path / "c.txt"]
    paths[0].write_bytes(pdf([[FIRST, SECOND]]))
    paths[1].write_bytes(docx(para(SECOND) + para(FIRST)))
    paths[2].write_text(ARTICLE, encoding="utf-8")
    corpus = load_corpus(paths)
    assert corpus.ids == ["a", "b", "c"] and corpus.name == "a.pdf, b.docx, c.txt"
    assert load_corpus([paths[2]]).name == "c.txt"  # a list of one is that path
    with pytest.raises(framing.errors.InputError, match=r"missing\.pdf: no such file or folder"):
        load_corpus([paths[0], tmp_path / "missing.pdf"])
    scores = tmp_path / "scores.csv"
    assert main(["score", *map(str, paths), "-o", str(scores), "--no-progress", "--analyzers", "readability"]) == 0
    import pandas as pd

    assert pd.read_csv(scores)["doc_id"].tolist() == ["a", "b", "c"]
    capsys.readouterr()
    assert main(["score", str(paths[0]), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "s2.csv")]) != 0
    assert "missing.txt: no such file or folder" in capsys.readouterr().err
    assert not (tmp_path / "s2.csv").exists()
    out = tmp_path / "report"
    args = ["report", *map(str, paths), "-o", str(out), "--no-progress", "--analyzers", "stance,sourcing"]
    assert main(args) == 0
    assert "3 documents: 3 ok" in capsys.readouterr().err
    assert (out / "report.pdf").exists()


def test_paths_in_a_list_given_to_analyze_are_read_and_a_file_name_as_text_is_warned_about(tmp_path, monkeypatch):
    (tmp_path / "essay.docx").write_bytes(docx(para(FIRST)))
    a = framing.analyze([tmp_path / "essay.docx", SECOND], analyzers=["readability"], progress=False)
    assert a.documents["doc_id"].tolist() == ["essay", "row-1"] and FIRST in a.text("essay")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)  # a type framing does not read: skipped
    b = framing.analyze([tmp_path / "old.doc", SECOND], analyzers=["readability"], progress=False)
    assert b.documents["status"].str.split(":").str[0].tolist() == ["skipped", "ok"]
    monkeypatch.chdir(tmp_path)
    with pytest.warns(UserWarning, match=r"item 1 \('essay\.docx'\) names a file but is analysed as a text"):
        framing.analyze(["essay.docx"], analyzers=["readability"], progress=False)


def test_seed_003_set_as_a_pdf_cleans_to_its_plain_text(tmp_path, seeds):
    """The README's claim: the seed article wrapped at 80 characters, 45 lines to a page with a footer, gives
    after cleaning exactly the text of the plain file (captions, page numbers and page-spanning sentences)."""
    import textwrap

    doc = seeds["003_5f65102a985eecf8"]
    lines: list[str] = []
    for paragraph in doc.text.split("\n"):
        lines += textwrap.wrap(paragraph, 80) + ([""] if paragraph.strip() else [])
    pages = [[*lines[k : k + 45], "", f"Page {k // 45 + 1}"] for k in range(0, len(lines), 45)]
    folder = tmp_path / "seed"
    folder.mkdir()
    (folder / "printed.pdf").write_bytes(pdf(pages))
    (folder / "plain.txt").write_text(doc.text, encoding="utf-8")
    a = framing.analyze(load_corpus(folder), analyzers=["readability"], progress=False)
    status = a.documents.set_index("doc_id")["status"]
    assert status["plain"] == "ok"
    assert status["printed"] == f"warning: converted from PDF ({len(pages)} pages); exact duplicate of plain"


# ---------------------------------------------------------------------- found in review
def _set_member(data: bytes, flag: int | None = None, method: int | None = None) -> bytes:
    """A copy of a ZIP whose word/document.xml claims another flag (1: encrypted) or compression method."""
    import struct

    out = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    at = out.find(b"PK\x01\x02")
    while at != -1:
        n = struct.unpack("<H", out[at + 28 : at + 30])[0]
        if out[at + 46 : at + 46 + n] == b"word/document.xml":
            for central, local, value in (
                (at + 8, info.header_offset + 6, flag),
                (at + 10, info.header_offset + 8, method),
            ):
                if value is not None:
                    out[central : central + 2] = out[local : local + 2] = struct.pack("<H", value)
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def test_a_damaged_word_file_is_a_skipped_document_and_the_folder_is_read(tmp_path):
    """Corrupt compressed data, an encrypted member or Deflate64 raised past the reader and ended the run."""
    good = docx(para(ARTICLE) * 20)
    info = zipfile.ZipFile(io.BytesIO(good)).getinfo("word/document.xml")
    at = info.header_offset + 30 + len(info.filename) + len(info.extra)
    corrupt = bytearray(good)
    corrupt[at + 10 : at + 60] = bytes(b ^ 0x5A for b in corrupt[at + 10 : at + 60])
    cases = {
        "corrupt": (bytes(corrupt), "not a readable Word file"),
        "locked": (_set_member(good, flag=1), "protected by a password"),
        "deflate64": (_set_member(good, method=9), "packed in a way that cannot be read here"),
    }
    for name, (data, _) in cases.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    (tmp_path / "fine.docx").write_bytes(good)
    docs = {d.id: d for d in load_corpus(tmp_path)}
    assert docs["fine"].status == "ok"
    for name, (_, why) in cases.items():
        assert docs[name].status == "skipped" and why in docs[name].status_text, docs[name].status_text


def test_word_text_boxes_are_read_once_and_strict_word_files_are_read():
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = f"<w:txbxContent>{para('Boxed quote from the minister.')}</w:txbxContent>"
    body = (
        f"<w:p><w:r><w:t>Before. </w:t></w:r><w:r><mc:AlternateContent xmlns:mc='{mc}'>"
        f"<mc:Choice Requires='wps'><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:r><w:t>After.</w:t></w:r></w:p>"
    )
    assert document_text(docx(body), ".docx")[0] == "Before. Boxed quote from the minister.\nAfter."
    strict = docx(para(FIRST)).replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    assert document_text(strict, ".docx")[0] == FIRST  # Word's "Strict Open XML" save format


def test_opendocument_text_is_whole_past_the_parser_s_buffer_and_comments_are_left_out():
    """Text read at a start event was lost wherever the parser's 16 KB reads ended; comments were body text."""
    paras = [f"Paragraph {k} opens <text:span>with a span {k}</text:span> and ends {k}." for k in range(1500)]
    text, _ = document_text(odt("".join(f"<text:p>{p}</text:p>" for p in paras)), ".odt")
    assert text.split("\n\n") == [p.replace("<text:span>", "").replace("</text:span>", "") for p in paras]
    comment = (
        "<text:p>The minister said the talks would resume.<office:annotation><dc:creator "
        "xmlns:dc='http://purl.org/dc/elements/1.1/'>Jane Editor</dc:creator><text:p>Check this quote!</text:p>"
        "</office:annotation> Officials agreed.</text:p>"
    )
    assert document_text(odt(comment), ".odt")[0] == "The minister said the talks would resume. Officials agreed."


def test_a_large_word_file_with_small_text_is_read(tmp_path, monkeypatch):
    """The 50 MB limit of a text file skipped Word files and PDFs whose photos made them large."""
    import framing.io as fio

    monkeypatch.setattr(fio, "MAX_DOCUMENT_BYTES", 1000)  # as if the file were larger than a text file may be
    (tmp_path / "photos.docx").write_bytes(docx(para(ARTICLE)) + b"\0" * 2000)
    (tmp_path / "long.txt").write_text(ARTICLE * 3, encoding="utf-8")
    docs = {d.id: d for d in load_corpus(tmp_path)}
    assert docs["photos"].status == "ok" and docs["long"].status == "skipped"


def test_a_restricted_pdf_with_aes_encryption_is_read():
    pypdf = pytest.importorskip("pypdf")
    pytest.importorskip("cryptography")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf([[FIRST, SECOND]])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    locked = io.BytesIO()
    writer.write(locked)
    text, notes = document_text(locked.getvalue(), ".pdf")
    assert FIRST in text and notes == ["converted from PDF (1 page)"]


def test_several_paths_keep_a_skipped_file_and_the_one_folder_s_actors(tmp_path):
    """A file of another type among several paths ended the run ("unknown corpus file type"), and a folder's
    actors.yaml was dropped once another path came with it."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "actors.yaml").write_text("- name: Pakistan\n  aliases: [Islamabad]\n", encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    corpus = load_corpus([folder, tmp_path / "old.doc"])
    assert [(d.id, d.status) for d in corpus] == [("a", "ok"), ("old", "skipped")]
    assert "older Word .doc files are not read" in corpus[1].status_text
    assert corpus.domain is not None and corpus.domain.actors == folder / "actors.yaml"


# ---------------------------------------------------------------------- RTF (TextEdit, WordPad)
# written for this test in the shape TextEdit on a Mac saves: a font and colour table, "\" at each line's end
TEXTEDIT = rb"""{\rtf1\ansi\ansicpg1252\cocoartf2761
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;}
{\colortbl;\red255\green255\blue255;}
{\*\expandedcolortbl;;}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx566\tx1133\pardirnatural\partightenfactor0

\f0\fs24 \cf0 Pakistan said on Monday that talks with Afghanistan would resume in Doha.\
Officials in Kabul said the caf\'e9 owners\'92 \'93hopes\'94 were high \u8212 ? and rising.\
\
{\field{\*\fldinst{HYPERLINK "http://example.com"}}{\fldrslt Read the statement}} here.\par
{\footnote A footnote.}{\header A running head.}Last line with\tab a tab \u55357 ?\u56832 ?.}"""


def test_an_rtf_file_gives_its_text_without_tables_fields_or_notes():
    text, notes = document_text(TEXTEDIT, ".rtf")
    assert text == (
        "Pakistan said on Monday that talks with Afghanistan would resume in Doha.\n\n"
        "Officials in Kabul said the café owners’ “hopes” were high — and rising.\n\n"
        "Read the statement here.\n\nLast line with\ta tab 😀."
    )
    assert notes == ["converted from RTF"]
    # a low surrogate without its high half is no character: a replacement, never a lone surrogate in the text
    assert rtf_to_text(rb"{\rtf1 a\u56832 ?b}") == "a\ufffdb"
    with pytest.raises(FormatError, match="not a readable RTF file"):
        document_text(b"plain text named .rtf", ".rtf")


@settings(max_examples=80, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_any_text_written_as_rtf_comes_back(text):
    """Every character written as RTF writes it (\\uN for all but ASCII letters and digits) is read back."""
    body = "".join(
        ch if ch.isascii() and ch.isalnum() else f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536} ?"
        for ch in text
        if ord(ch) < 65536
    )
    if not body:
        return
    expected = "".join(ch for ch in text if ord(ch) < 65536)
    got = rtf_to_text(b"{\\rtf1\\ansi " + body.encode("ascii") + b"}")
    assert got == expected.strip() or got == re.sub(r"\n{3,}", "\n\n", expected).strip()


def test_an_rtf_article_in_a_folder_is_read(tmp_path):
    (tmp_path / "mac.rtf").write_bytes(TEXTEDIT)
    (doc,) = list(load_corpus(tmp_path))
    assert doc.status == "ok" and doc.text.startswith("Pakistan said on Monday")


def _package(main: str, body_xml: str, rels: str | None) -> bytes:
    """A Word package whose main document part is stored as ``main``, with ``rels`` as its _rels/.rels."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        if rels is not None:
            z.writestr("_rels/.rels", rels)
        z.writestr(main, f"<w:document {_W_NS}><w:body>{body_xml}</w:body></w:document>")
    return buf.getvalue()


def _rels(target: str) -> str:
    return (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'officeDocument" Target="{target}"/></Relationships>'
    )


@pytest.mark.parametrize(
    ("main", "target"),
    [("word/document2.xml", "word/document2.xml"), ("word/main.xml", "/word/main.xml"), ("body.xml", "./body.xml")],
)
def test_a_word_file_is_read_from_the_main_part_its_relationships_name(main, target):
    # Word names the part word/document.xml; other programs need not, and _rels/.rels says which part it is
    text, notes = document_text(_package(main, para(FIRST) + para(SECOND), _rels(target)), ".docx")
    assert text == f"{FIRST}\n\n{SECOND}"
    assert notes == ["converted from Word (.docx)"]


@pytest.mark.parametrize("rels", [None, "<Relationships", _rels("word/missing.xml")])
def test_without_usable_relationships_the_main_part_is_word_document_xml(rels):
    assert document_text(_package("word/document.xml", para(FIRST), rels), ".docx")[0] == FIRST
    with pytest.raises(FormatError, match=r"no word/document\.xml"):
        document_text(_package("word/other.xml", para(FIRST), rels), ".docx")
