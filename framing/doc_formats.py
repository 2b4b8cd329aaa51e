"""Text out of the document formats people save articles in: Word (.docx), OpenDocument (.odt), RTF and PDF.

A teacher's or a student's articles are often Word files or PDFs, not plain text. This module reads the text
of each (paragraphs as lines, a blank line between paragraphs) so that the cleaner and the text model see the
same kind of input as from a ``.txt`` file.

- **Word and OpenDocument** are ZIP archives of XML; their body text is read with the standard library
  (``zipfile`` and ``xml.etree``'s incremental parser), at most :data:`MAX_XML_BYTES` of XML (a ZIP bomb is
  refused, not unpacked). Footnotes, comments, headers and footers are other parts of the archive and are not
  read; deleted tracked changes are left out and inserted ones kept.
- **RTF** (TextEdit's and WordPad's format) is read by :mod:`framing.rtf_text`.
- **PDF** text is extracted by pypdf (BSD licence, pure Python), page by page. A PDF keeps the lines of its
  layout, so the text has hard line breaks, hyphenated words, running heads and page numbers: the cleaner
  (:mod:`framing.clean`) repairs those as it does for text pasted from a PDF. A PDF with a password, or with
  no text layer (a scan), cannot be read, and says so.

Each reader returns the text and the notes to record on the document, or raises :class:`FormatError` with
the reason the file cannot be read.
"""

from __future__ import annotations

import io
import logging
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from itertools import pairwise
from typing import IO, Any
from xml.etree.ElementTree import ParseError, iterparse

from .rtf_text import rtf_to_text
from .wording import count

__all__ = ["DOCUMENT_EXTENSIONS", "MAX_XML_BYTES", "FormatError", "document_text"]

#: the file types this module reads, and the function of each
DOCUMENT_EXTENSIONS = (".docx", ".odt", ".pdf", ".rtf")
#: the most XML read out of one .docx or .odt (uncompressed): more is a ZIP bomb or not an article
MAX_XML_BYTES = 64 * 2**20
#: a PDF page holding fewer characters than this on average has no text layer worth the name (a scan)
_SCAN_CHARS_PER_PAGE = 20

#: what to do with a PDF that cannot be read
_PDF_ADVICE = "if another program opens it, convert it to text (for example pdftotext FILE.pdf, which writes FILE.txt)"

#: WordprocessingML's namespaces: the usual ("transitional") one and the one of Word's "Strict Open XML" format
_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
#: a drawing saved twice (a text box: a DrawingML copy, then a VML fallback): the fallback is not read
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: what a run's other elements stand for in its text
_W_RUN_TEXT = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class FormatError(Exception):
    """A document file whose text cannot be read; ``reason`` says why, for the document's notes."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def document_text(data: bytes, suffix: str) -> tuple[str, list[str]]:
    """The text of a .docx, .odt, .pdf or .rtf file's bytes and the notes to record (what it was converted from)."""
    suffix = suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(data)
    if suffix in (".docx", ".odt"):
        return _zipped_xml_text(data, suffix)
    if suffix == ".rtf":
        try:
            return rtf_to_text(data), ["converted from RTF"]
        except ValueError as exc:
            raise FormatError(f"not a readable RTF file ({exc}); save it again, or as plain text (.txt)") from None
    raise ValueError(f"not a document format framing reads: {suffix!r}; formats: {', '.join(DOCUMENT_EXTENSIONS)}")


# ---------------------------------------------------------------------- Word and OpenDocument
def _zipped_xml_text(data: bytes, suffix: str) -> tuple[str, list[str]]:
    part, what = ("word/document.xml", "Word") if suffix == ".docx" else ("content.xml", "OpenDocument")
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE container, not a ZIP: how Office saves a file with a password
        raise FormatError(
            f"the {what} file is protected by a password (or is an older .doc named {suffix}); save an unprotected "
            "copy, or save it as plain text (.txt)"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if suffix == ".docx":
                part = _docx_main_part(z)
            try:
                info = z.getinfo(part)
            except KeyError:
                raise FormatError(f"not a {what} file: the archive has no {part}") from None
            if info.file_size > MAX_XML_BYTES:
                raise FormatError(
                    f"its text part is {info.file_size // 2**20} MB unpacked, over the limit of "
                    f"{MAX_XML_BYTES // 2**20} MB"
                )
            with z.open(info) as fh:
                paragraphs = list((_docx_paragraphs if suffix == ".docx" else _odt_paragraphs)(_Capped(fh)))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:  # not a ZIP, or corrupt compressed data
        raise FormatError(
            f"not a readable {what} file ({exc}); save it again, or save it as plain text (.txt)"
        ) from None
    except ParseError as exc:
        raise FormatError(f"its {part} is not well-formed XML ({exc})") from None
    # NotImplementedError and RecursionError are RuntimeErrors: they come before it
    except NotImplementedError as exc:  # a compression zipfile cannot read (Deflate64, as Windows' zip uses)
        raise FormatError(
            f"the {what} file is packed in a way that cannot be read here ({exc}); save it again"
        ) from None
    except RecursionError:
        raise FormatError(f"its {part} nests its elements too deeply to be read") from None
    except RuntimeError as exc:  # an encrypted archive member
        raise FormatError(f"the {what} file is protected by a password ({exc}); save an unprotected copy") from None
    return "\n\n".join(p for p in paragraphs if p.strip()), [f"converted from {what} ({suffix})"]


def _docx_main_part(z: zipfile.ZipFile) -> str:
    """The name of a Word file's main document part: the target of the package's ``officeDocument``
    relationship in ``_rels/.rels`` (Open Packaging Conventions, ECMA-376 Part 2, §9.3), which Word names
    ``word/document.xml`` but other programs need not ("word/document2.xml", a part at the root). Falls back to
    ``word/document.xml`` when the relationships are missing, oversized or unreadable."""
    default = "word/document.xml"
    try:
        info = z.getinfo("_rels/.rels")
    except KeyError:
        return default
    if info.file_size > 2**20:
        return default
    try:
        with z.open(info) as fh:
            for _, el in iterparse(fh):
                if el.tag.rpartition("}")[2] == "Relationship" and el.get("Type", "").endswith("/officeDocument"):
                    target = posixpath.normpath("/" + el.get("Target", "")).lstrip("/")  # "/word/x.xml", "./x.xml"
                    if el.get("TargetMode", "Internal") == "Internal" and target in z.namelist():
                        return target
    except (ParseError, zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
        return default
    return default


class _Capped(io.RawIOBase):
    """A file object that stops with :class:`FormatError` once more than :data:`MAX_XML_BYTES` are read: the
    size a ZIP archive declares can be false."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh
        self._read = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self._fh.read(size)
        self._read += len(chunk)
        if self._read > MAX_XML_BYTES:
            raise FormatError(f"its text is over the limit of {MAX_XML_BYTES // 2**20} MB unpacked")
        return chunk


def _w_name(tag: str) -> str:
    """The local name of a WordprocessingML element ("p", "t"), or "" for an element of another namespace."""
    ns, _, local = tag[1:].partition("}")
    return local if ns in _W_NAMESPACES else ""


def _docx_paragraphs(fh: io.RawIOBase) -> Iterator[str]:
    """The body's paragraphs (``w:p``): the text of their runs (``w:r``: ``w:t``, a tab for ``w:tab``, a line
    break for ``w:br`` and ``w:cr``); a paragraph's tab stops (``w:tabs``, outside runs) are not tabs; deleted
    or moved-away text of a tracked change (``w:del``, ``w:moveFrom``), field codes (``w:instrText``) and the
    fallback copy of a drawing (``mc:Fallback``: Word saves a text box twice) are not read."""
    parts: list[str] = []
    depth = 0  # paragraphs inside a paragraph (a text box): their text joins the outer one's
    in_run = 0
    removed = 0  # inside a tracked deletion or move, or a drawing's fallback copy
    for event, el in iterparse(fh, events=("start", "end")):
        tag = el.tag
        name = _w_name(tag)
        if event == "start":
            if name == "p":
                depth += 1
            elif name == "r":
                in_run += 1
            elif name in ("del", "moveFrom") or tag == _FALLBACK:
                removed += 1
            continue
        if name == "p":
            depth -= 1
            if depth == 0:
                yield "".join(parts)
                parts.clear()
            elif not removed:
                parts.append("\n")
            el.clear()  # keep memory flat over a long document
        elif name == "r":
            in_run -= 1
            el.clear()
        elif name in ("del", "moveFrom") or tag == _FALLBACK:
            removed -= 1
        elif in_run and not removed:
            if name == "t":
                parts.append(el.text or "")
            elif name in _W_RUN_TEXT:
                parts.append(_W_RUN_TEXT[name])


#: OpenDocument elements whose text is not the article's: notes, tracked changes, comments, a frame's title
_ODT_SKIPPED = frozenset(
    (
        f"{_TEXT}note",
        f"{_TEXT}tracked-changes",
        "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}annotation",
        "{http://www.w3.org/2000/svg}title",
        "{http://www.w3.org/2000/svg}desc",
    )
)
_ODT_PARAGRAPHS = (f"{_TEXT}p", f"{_TEXT}h")


def _odt_paragraphs(fh: io.RawIOBase) -> Iterator[str]:
    """The paragraphs and headings (``text:p``, ``text:h``) of an OpenDocument text: their text and that of
    their spans and links, ``text:s`` as spaces, ``text:tab`` and ``text:line-break``; notes, tracked changes,
    comments (``office:annotation``) and frames' titles are left out.

    A paragraph is read at its end, from its finished subtree: the parser sets an element's text and tail only
    as it reads on, so reading them at a start event lost words wherever its buffer ended."""
    depth = 0  # paragraphs inside a paragraph (a frame's caption): read with the outer one
    for event, el in iterparse(fh, events=("start", "end")):
        if el.tag not in _ODT_PARAGRAPHS:
            continue
        if event == "start":
            depth += 1
            continue
        depth -= 1
        if depth == 0:
            parts: list[str] = []
            _odt_text(el, parts, top=True)
            yield "".join(parts)
            el.clear()


def _odt_text(el: Any, parts: list[str], top: bool = False) -> None:
    """The text of a finished OpenDocument element and its children, in order (not its own tail)."""
    tag = el.tag
    if tag in _ODT_SKIPPED:
        return
    if tag == f"{_TEXT}s":
        n = el.get(f"{_TEXT}c", "1")
        parts.append(" " * (min(int(n), 100) if n.isdigit() else 1))
    elif tag == f"{_TEXT}tab":
        parts.append("\t")
    elif tag == f"{_TEXT}line-break":
        parts.append("\n")
    elif tag in _ODT_PARAGRAPHS and not top:
        parts.append("\n")  # a paragraph inside this one (a frame's caption) on a line of its own
    if el.text:
        parts.append(el.text)
    for child in el:
        _odt_text(child, parts)
        if child.tail:
            parts.append(child.tail)


# ---------------------------------------------------------------------- PDF
class _Collect(logging.Handler):
    """Gathers what pypdf logs about a malformed file, for the document's notes rather than the terminal."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _page_text(page: Any) -> str:
    """A PDF page's text as pypdf extracts it, with a blank line where the layout leaves a paragraph's gap.

    pypdf gives one line per line of the page and no blank lines, so a caption, a heading or a paragraph's end
    looked like any other line to the cleaner. The text is gathered through pypdf's visitor, which also gives
    where each piece is set; a line set lower than the previous one by more than 1.6 times the page's usual
    line step (its lower quartile) starts a paragraph. When the pieces do not add up to pypdf's own text, that text is
    kept as it is."""
    pieces: list[tuple[str, float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text:
            pieces.append((text, float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])))

    plain = page.extract_text(visitor_text=visit) or ""
    if "".join(t for t, _ in pieces) != plain or not pieces:
        return plain
    lines: list[tuple[str, float]] = []  # each line's text and the height of its first piece
    current: list[str] = []
    y_first: float | None = None
    for text, y in pieces:
        *ended, tail = text.split("\n")  # the lines this piece ends, and the start of the next
        for part in ended:
            current.append(part)
            lines.append(("".join(current), y if y_first is None else y_first))
            current, y_first = [], None
        if tail:
            if y_first is None:
                y_first = y
            current.append(tail)
    if current:
        lines.append(("".join(current), y_first if y_first is not None else 0.0))
    steps = sorted(a[1] - b[1] for a, b in pairwise(lines) if a[1] - b[1] > 0)
    if len(steps) < 3:
        return plain
    usual = steps[len(steps) // 4]  # the lower quartile: a page of short paragraphs has more gaps than lines
    out = [lines[0][0]]
    last = len(lines) - 1
    for k, ((_, y0), (text, y1)) in enumerate(pairwise(lines), 1):
        # not around a page's first or last line: a running head or a footer is set apart by space, and once the
        # cleaner removes it, a sentence that runs on over the page must not find a paragraph's end there
        if y0 - y1 > 1.6 * usual and 1 < k < last and out[-1].strip() and text.strip():
            out.append("")
        out.append(text)
    return "\n".join(out) + ("\n" if plain.endswith("\n") else "")


def _pdf_text(data: bytes) -> tuple[str, list[str]]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, PdfReadError, PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a dependency; this is for an install without it
        raise FormatError(
            "reading PDF needs pypdf (pip install pypdf), or convert it to text first (for example pdftotext "
            "FILE.pdf, which writes FILE.txt)"
        ) from None
    logger = logging.getLogger("pypdf")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise FormatError("the PDF is protected by a password; save an unprotected copy or its text first")
            pages: list[str] = []
            failed: list[int] = []
            for k, page in enumerate(reader.pages, 1):
                try:
                    pages.append(_page_text(page))
                except DependencyError as exc:  # AES encryption without the cryptography package
                    raise FormatError(
                        f"the PDF is encrypted and reading it needs another package ({exc}); install it, or save an "
                        "unprotected copy"
                    ) from None
                except Exception:  # one broken page costs that page, not the document; noted below
                    pages.append("")
                    failed.append(k)
        except FormatError:
            raise
        except (PdfReadError, PyPdfError) as exc:
            raise FormatError(f"not a readable PDF ({exc}); {_PDF_ADVICE}") from None
        # pypdf raises plain errors on broken files ("broken PDF files might cause other exceptions")
        except Exception as exc:
            raise FormatError(f"not a readable PDF ({type(exc).__name__}: {exc}); {_PDF_ADVICE}") from None
    finally:
        logger.removeHandler(collect)
    chars = sum(len(p.strip()) for p in pages)
    if chars < _SCAN_CHARS_PER_PAGE * max(1, len(pages)):
        raise FormatError(
            f"the PDF has no text layer ({count(chars, 'character')} on {count(len(pages), 'page')}): "
            "it is probably a scan; run OCR on it first"
        )
    notes = [f"converted from PDF ({count(len(pages), 'page')})"]
    if failed:
        notes.append(f"page{'s' if len(failed) > 1 else ''} {_numbers(failed)} could not be read and left out")
    # no words on the page: at most a page number ("12", "Page 12")
    empty = [k for k, text in enumerate(pages, 1) if sum(map(str.isalpha, text)) < 5 and k not in failed]
    if empty:
        notes.append(
            f"page{'s' if len(empty) > 1 else ''} {_numbers(empty)} of {len(pages)} hold{'s' if len(empty) == 1 else ''} "
            f"no text (a scanned page or a picture?): run OCR to read {'them' if len(empty) > 1 else 'it'}"
        )
    if collect.messages:
        more = f" (and {len(collect.messages) - 1} more)" if len(collect.messages) > 1 else ""
        notes.append(f"the PDF is damaged, read as far as possible: {collect.messages[0]}{more}")
    # pages end with a form feed, as pdftotext writes them: the cleaner removes the running heads and page
    # numbers that recur from page to page, and joins a sentence that runs on over a page break
    return "".join(p.strip("\n") + "\n\x0c" for p in pages if p.strip()), notes


def _numbers(pages: list[int]) -> str:
    """ "3", "3, 5 and 9", or the first ten and how many more."""
    shown = [str(k) for k in pages[:10]]
    if len(pages) > 10:
        return ", ".join(shown) + f" and {len(pages) - 10:,} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]
