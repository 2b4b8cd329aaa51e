"""Reading corpora from folders, tables and JSON lines, without losing a document.

Every input becomes a :class:`~framing.corpus.Document`: one that cannot be
read (binary, undecodable, empty, malformed line) is kept with
``status="skipped"`` and a note naming the file and the reason, so it shows up
in every output table. Text is decoded as UTF-8 (with or without BOM) or
UTF-16 with a BOM; other bytes fall back to cp1252 with a warning. HTML is
reduced to text by the standard library's parser (scripts, styles and page
chrome dropped, entities decoded); nothing is ever fetched.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Sized
from pathlib import Path
from typing import IO, Any, BinaryIO, TypeVar, cast

from ._frozen import FrozenDict
from .corpus import STANDARD_FIELDS, Corpus, Document
from .doc_formats import DOCUMENT_EXTENSIONS, FormatError, document_text
from .domain import DOMAIN_FILES, domain_of_paths, folder_domain, names_a_path
from .errors import InputError
from .html_text import HTML_HINT as _HTML_HINT
from .html_text import html_to_text

__all__ = [
    "TEXT_EXTENSIONS",
    "ReadMeter",
    "as_corpus",
    "decode_bytes",
    "documents_from_items",
    "existing_paths",
    "html_to_text",
    "iter_documents",
    "iter_jsonl_stream",
    "iter_source",
    "load_corpus",
]

_T = TypeVar("_T")

TEXT_EXTENSIONS = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml")
TABLE_EXTENSIONS = (".csv", ".tsv", ".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".parquet", ".json")
#: Files that accompany a corpus without being articles (not warned about when a metadata file lists the documents).
_COMPANION_FILES = ("README", "SOURCES", "LICENSE", "LICENCE", "CHANGELOG", "NOTES")
METADATA_NAMES = ("metadata.csv", "metadata.tsv", "metadata.yaml", "metadata.yml", "metadata.json")
#: Largest single document read (bytes); larger files are skipped with a note.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
#: the largest Word, OpenDocument or PDF file read: photos make such files large, not their text (a ZIP bomb is
#: stopped by the limit on the text unpacked, framing.doc_formats.MAX_XML_BYTES)
MAX_CONTAINER_BYTES = 512 * 1024 * 1024
#: A .gz input is read up to this many bytes decompressed, or _GZIP_RATIO times its size when that is more
#: (news text compresses 3-5 times; a "zip bomb" hundreds of times).
MAX_DECOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024
_GZIP_RATIO = 40
#: Bytes read from the start of a text table to choose its encoding.
_SAMPLE_BYTES = 1 << 20
#: Rows of a Parquet file converted at a time.
_PARQUET_BATCH = 2048

_TEXT_ALTERNATIVES = ("text", "content", "body", "article", "full_text", "maintext")
_ID_ALTERNATIVES = ("id", "doc_id", "article_id", "stories_id", "story_id", "uuid", "guid", "ID")
_OUTLET_ALTERNATIVES = (
    "outlet",
    "source",
    "publisher",
    "publication",
    "source_name",
    "media",
    "media_name",
    "site",
    "domain",
    "source_domain",
    "newspaper",
    "sitename",  # trafilatura's JSON
    "hostname",
)
#: the other standard fields, read from a column of another common name when none has their own (Media Cloud's
#: ``publish_date``, news-please's ``date_publish``, an ``authors`` list); the first is the field's own name.
#: The other-named column is kept among the metadata as well.
FIELD_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "date": (
        "date",
        "publish_date",
        "date_publish",
        "published",
        "published_at",
        "publishedAt",
        "publication_date",
        "pubdate",
    ),
    "genre": ("genre",),
}
_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (perhaps .docx)",
    b"\x1f\x8b": "gzip archive",
    b"\xd0\xcf\x11\xe0": "Microsoft Office file",
    b"\x7fELF": "executable",
    b"MZ": "executable",
    b"{\\rtf": "RTF document",
}


# ---------------------------------------------------------------------- decoding
#: Byte-order marks and the encodings they announce (a UTF-32 mark begins like a UTF-16 one: it comes first).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
)


def _bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark at the start of ``head`` announces, if there is one."""
    return next((enc for bom, enc in _BOMS if head.startswith(bom)), None)


#: the bytes text is made of: all but the C0 control codes other than tab, line feed, form feed, carriage return
#: and escape (a text file may hold a few stray ones; one in twenty is not text)
_TEXT_BYTES = bytes([9, 10, 11, 12, 13, 27, *range(32, 256)])


def _binary_kind(head: bytes) -> str | None:
    """``"binary file (PDF)"`` and the like when the first bytes say the data is not text, else None."""
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return f"binary file ({kind})"
    sample = head[:8192]
    if sample.count(b"\x00") > max(1, len(sample) // 100):
        return "binary file (NUL bytes)"
    if len(sample.translate(None, _TEXT_BYTES)) > max(8, len(sample) // 20):
        return "binary file (control bytes)"
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text without a byte-order mark (as some Windows tools save
    it); None otherwise. Mostly ASCII: every other byte is NUL, on one side only. In one alphabetic script
    (Urdu, Russian, Hindi, Greek, ...): the bytes on one side are the script's block (0x06 for Arabic letters)
    or NUL (spaces, digits, punctuation), and the text decoded is mostly letters and spaces."""
    sample = data[:8192]
    n = len(sample) // 2
    if n < 4:
        return None
    even, odd = sample[0 : 2 * n : 2], sample[1 : 2 * n : 2]
    if sample.count(b"\x00") >= n * 0.6:
        if odd.count(b"\x00") >= 0.6 * n and even.count(b"\x00") <= 0.05 * n:
            return "utf-16-le"
        if even.count(b"\x00") >= 0.6 * n and odd.count(b"\x00") <= 0.05 * n:
            return "utf-16-be"
        return None
    if n < 16:
        return None
    for high, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        block = max(range(1, 0x20), key=high.count)  # the alphabetic scripts lie below U+2000
        if high.count(block) >= 0.4 * n and high.count(block) + high.count(b"\x00") >= 0.95 * n:
            try:
                text = sample[: 2 * n].decode(encoding)
            except UnicodeDecodeError:
                return None
            # text: letters (with their vowel signs, M), figures, punctuation and spaces; and mostly letters
            kinds = [unicodedata.category(ch)[0] for ch in text]
            letters = sum(k in "LM" for k in kinds)
            texty = letters + sum(k in "NPZ" or ch.isspace() for k, ch in zip(kinds, text))
            ok = texty >= 0.95 * len(text) and letters >= 0.4 * len(text) and not _CONTROL_RE.search(text)
            return encoding if ok else None
    return None


#: a control character that text does not hold (not tab, line feed, vertical tab, form feed, carriage return)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _mostly_undecodable(text: str) -> bool:
    """Whether a cp1252 decoding gave so many replacement characters that the bytes are not text."""
    return text.count("\ufffd") > max(8, len(text) // 20)


def decode_bytes(data: bytes) -> tuple[str | None, list[str]]:
    """Decode a file's bytes: ``(text, notes)``; ``text`` is None for binary data.

    UTF-8 (BOM optional) and UTF-16/32 with a BOM are decoded silently; UTF-16
    without one (every other byte NUL, on one side) is decoded and noted; other
    bytes are decoded as cp1252 (a superset of Latin-1 for printable text) and
    noted. Files with known binary signatures, many NUL bytes or many control
    bytes are binary.
    """
    encoding = _bom_encoding(data)
    if encoding in ("utf-32", "utf-16"):
        try:
            return data.decode(encoding), []
        except UnicodeDecodeError:
            name = encoding.upper()
            return None, [f"{name} byte-order mark but the bytes are not {name}"]
    if encoding == "utf-8-sig":
        return data[3:].decode("utf-8", errors="replace"), []
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), [f"no byte-order mark; decoded as {utf16.upper()}"]
        except UnicodeDecodeError:
            pass
    kind = _binary_kind(data)
    if kind is not None:
        return None, [kind]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        if _mostly_undecodable(text):
            return None, [f"not text: undecodable bytes from offset {exc.start}"]
        return text, [f"not UTF-8 (from byte {exc.start}); decoded as cp1252/Latin-1"]


# ---------------------------------------------------------------------- records
def _pick(columns: Iterable[str], wanted: str | None, alternatives: tuple[str, ...]) -> str | None:
    """The column to read for ``wanted``: itself, else itself in another case ("Text"); and only when
    ``wanted`` is the default name (``alternatives[0]``), a common alternative ("body" for "text"). A name
    the user chose is never swapped for another column without a word."""
    cols = list(columns)
    if wanted is None:
        return None
    if wanted in cols:
        return wanted
    lower = {c.lower(): c for c in cols if isinstance(c, str)}
    if wanted.lower() in lower:
        return lower[wanted.lower()]
    if wanted == alternatives[0]:  # the default name: look for a common alternative
        for alt in alternatives:
            if alt.lower() in lower:
                return lower[alt.lower()]
    return None


def check_columns(columns: list[str], text: str, id: str | None, outlet: str | None, where: str) -> None:
    """Raise a clear error when a named column is missing."""
    if _pick(columns, text, _TEXT_ALTERNATIVES) is None:
        raise InputError(
            f"no text column {text!r} in {where}",
            expected="text=<the column with the article text>",
            found=", ".join(map(str, columns)),
        )
    for arg, name, alts in (("id", id, _ID_ALTERNATIVES), ("outlet", outlet, _OUTLET_ALTERNATIVES)):
        if name is not None and name != alts[0] and _pick(columns, name, alts) is None:
            raise InputError(
                f"no {arg} column {name!r} in {where}",
                expected=f"{arg}=<a column name> or {arg}=None",
                found=", ".join(map(str, columns)),
            )


def field_columns(keys: Iterable[str]) -> dict[str, str]:
    """The column that holds each standard field other than the outlet (see :data:`FIELD_ALTERNATIVES`): its
    own name in any case, else the first common alternative present; fields with neither are left out."""
    keys = list(keys)
    found = {f: _pick(keys, alts[0], alts) for f, alts in FIELD_ALTERNATIVES.items()}
    return {f: c for f, c in found.items() if c is not None}


def field_text(v: Any) -> str:
    """A standard field's value as text: empty for a missing value, a list (of authors) joined with commas, an
    object its name (NewsAPI's ``"source": {"id": "dawn", "name": "Dawn"}``)."""
    v = _clean_value(v)
    if isinstance(v, Mapping):
        v = next((v[k] for k in _NAME_KEYS if _clean_value(v.get(k)) != ""), "")
    if isinstance(v, (list, tuple)):
        return ", ".join(field_text(x) for x in v if _clean_value(x) != "")
    return str(v)


#: the end of a text that a news API cut short: "… [+2345 chars]"
_CUT_RE = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+(\d+) chars\]$")
#: the key that names an outlet or an author given as an object, in order of preference
_NAME_KEYS = ("name", "title", "domain", "id")


def _clean_value(v: Any) -> Any:
    if v is None:
        return ""
    try:
        import math

        if isinstance(v, float) and math.isnan(v):
            return ""
    except TypeError:
        pass
    return v


def documents_from_records(
    records: Iterable[Mapping[str, Any] | _BadRecord],
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
    source: str = "",
    start: int = 0,
) -> Iterator[Document]:
    """Documents from dict rows. Missing text gives a skipped document, never an exception."""
    cols: dict[str, str | None] | None = None
    for n, rec in enumerate(records, start=start):
        if isinstance(rec, _BadRecord):
            yield Document(
                id=f"{Path(source).stem or 'row'}-{n}",
                text="",
                source=f"{source}:{rec.line}",
                status="skipped",
                notes=(rec.reason,),
            )
            continue
        if cols is None:
            cols = _record_columns(list(rec.keys()), text, id, outlet, source or "the records")
        yield _document_from_record(rec, cols, n, source)


def _record_columns(
    keys: list[str], text: str, id: str | None, outlet: str | None, where: str
) -> dict[str, str | None]:
    """The fields of a record holding the text, id and outlet (named, or a common alternative); an error
    that names the fields found when none holds the text."""
    cols = {
        "text": _pick(keys, text, _TEXT_ALTERNATIVES),
        "id": _pick(keys, id, _ID_ALTERNATIVES),
        "outlet": _pick(keys, outlet, _OUTLET_ALTERNATIVES),
    }
    check_columns(keys, text, id, outlet, where)  # raises when a field the caller named is not there
    taken = set(cols.values())
    cols.update({f: c for f, c in field_columns(keys).items() if c not in taken})
    return cols


def documents_from_items(
    items: Iterable[Any],
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
) -> Iterator[Document]:
    """Documents from anything a caller may hand over in Python, read lazily, one per item.

    A :class:`~framing.corpus.Document` passes through; a mapping is a record (``text``, ``id`` and
    ``outlet`` name its fields, as in :func:`load_corpus`); a string is a text with the id ``row-<n>`` (with a
    warning when it is the name of a file: a text of one word is rarely meant); a ``Path`` is a file or folder
    whose documents are read (:func:`iter_documents`). Any other item (``None``, a number, bytes) becomes a skipped document that names its type, so
    it still appears in every table. Ids are not yet made unique (see :func:`~framing.corpus.unique_ids`).
    """
    cols: dict[str, str | None] | None = None
    warned = False
    for n, item in enumerate(items):
        if isinstance(item, Document):
            yield item
        elif isinstance(item, Mapping):
            if cols is None:
                cols = _record_columns(list(item.keys()), text, id, outlet, f"the first record (item {n + 1})")
            yield _document_from_record(item, cols, n, "")
        elif isinstance(item, str):
            if not warned and _names_a_file(item):
                warned = True
                warnings.warn(
                    f"item {n + 1} ({item!r}) names a file but is analysed as a text of its own; to read files, "
                    "give Path objects or use framing.load_corpus([...])",
                    stacklevel=3,
                )
            yield _document_from_record({"text": item}, {"text": "text", "id": None, "outlet": None}, n, "")
        elif isinstance(item, Path):
            yield from _path_documents(item, text=text, id=id, outlet=outlet)  # a file or folder: its documents
        else:
            what = type(item).__name__
            yield Document(
                id=f"row-{n}",
                text="",
                status="skipped",
                notes=(
                    f"item {n + 1} is not a document (type {what}; expected a Document, a dict with a text field, or a string)",
                ),
            )


def _names_a_file(item: str) -> bool:
    """Whether a string is the name of a file framing reads (one word ending in a known extension, which
    exists), not a text."""
    name = item.strip()
    if not name.lower().endswith((*TEXT_EXTENSIONS, *DOCUMENT_EXTENSIONS, *TABLE_EXTENSIONS)):
        return False
    return not any(ch.isspace() for ch in name) and names_a_path(name) and Path(name).is_file()


def as_corpus(
    source: Any,
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
) -> Corpus:
    """A :class:`~framing.corpus.Corpus` from a Corpus, a path (:func:`load_corpus`) or anything else
    :func:`iter_source` reads (a pandas DataFrame, an iterable of documents, records or strings)."""
    if isinstance(source, Corpus):
        return source
    if isinstance(source, str) and not Path(source).exists() and (len(source) > 255 or " " in source.strip()):
        raise InputError(
            "no such file or folder",
            path=source if len(source) <= 60 else source[:57] + "...",
            expected="a path to a corpus; to analyse texts, pass a list of them: framing.analyze([text, ...])",
        )
    if isinstance(source, (str, Path)):
        return load_corpus(source, text=text, id=id, outlet=outlet)
    return Corpus(iter_source(source, text=text, id=id, outlet=outlet))


def iter_source(
    source: Any,
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
    meter: ReadMeter | None = None,
) -> Iterator[Document]:
    """The documents of a path (:func:`iter_documents`), a Corpus, a pandas DataFrame (converted as
    :meth:`~framing.corpus.Corpus.from_dataframe` converts it, a slice of rows at a time) or an iterable
    of documents, records or strings (:func:`documents_from_items`), lazily. ``meter`` is told how much
    has been read (not for an iterable without a length). Anything else is a ``TypeError`` that says
    what is accepted; ids are not yet made unique (:func:`~framing.corpus.unique_ids`)."""
    if isinstance(source, (str, Path)):
        return iter_documents(source, text=text, id=id, outlet=outlet, meter=meter)
    if isinstance(source, Corpus):
        return _counted(iter(source), len(source), meter)
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        check_columns(list(source.columns), text=text, id=id, outlet=outlet, where="the DataFrame")
        # pandas-stubs key a record by Hashable: here the keys are the columns, field names as in any record
        records = cast(
            "Iterator[dict[str, Any]]",
            (r for i in range(0, len(source), 1000) for r in source.iloc[i : i + 1000].to_dict("records")),
        )
        docs = documents_from_records(records, text=text, id=id, outlet=outlet, source="DataFrame")
        return _counted(docs, len(source), meter)
    if isinstance(source, (bytes, Mapping)) or not isinstance(source, Iterable):
        raise TypeError(
            f"expected a Corpus, a path, a pandas DataFrame or an iterable of documents (Document objects, dicts "
            f"with a text field, or strings); got an object of type {type(source).__name__}"
        )
    docs = documents_from_items(source, text=text, id=id, outlet=outlet)
    return _counted(docs, len(source), meter) if isinstance(source, Sized) else docs


def _counted(items: Iterable[_T], n: int, meter: ReadMeter | None) -> Iterator[_T]:
    """``items`` (documents, rows, files), with ``meter`` following the share of the ``n`` handed on."""
    done = 0
    if meter is not None:
        meter.track(lambda: done / n if n else 1.0)
    for item in items:
        done += 1
        yield item


def _text_of(value: Any, column: str | None) -> tuple[str, str]:
    """The text of a field that is not a string, and a note saying what it was (empty when nothing needs saying).

    A list of strings (paragraphs, as scrapers often store them) is joined with blank lines; its Python
    form, ``['First paragraph', 'Second']``, would be analysed with its brackets and quotation marks. Anything
    else is written as text, with a note."""
    import numpy as np

    if isinstance(value, np.ndarray) and value.ndim == 1:
        value = value.tolist()  # a Parquet list column, as pandas gives it
    if isinstance(value, (list, tuple)):
        if all(isinstance(v, str) or v is None for v in value):
            return "\n\n".join(v for v in value if v), ""
        return "\n\n".join(
            str(v) for v in value if v is not None
        ), f"field '{column}' is a list of {len(value)} values, not text; joined"
    if isinstance(value, (int, float)):  # bool too
        return str(value), f"field '{column}' is a number, not text"
    return str(value), f"field '{column}' is a {type(value).__name__}, not text"


def _document_from_record(rec: Mapping[str, Any], cols: Mapping[str, str | None], n: int, source: str) -> Document:
    tcol, icol, ocol = cols["text"], cols["id"], cols["outlet"]
    raw_text = _clean_value(rec.get(tcol)) if tcol else ""
    notes: list[str] = []
    status = "ok"
    if not isinstance(raw_text, str):
        raw_text, note = _text_of(raw_text, tcol)
        if note:
            notes.append(note)
            status = "warning"
    doc_id = str(_clean_value(rec.get(icol))) if icol else ""
    if not doc_id:
        doc_id = f"{Path(source).name.split('.')[0] or 'row'}-{n}" if source and source != "DataFrame" else f"row-{n}"
    if isinstance(rec, _NotedRecord):
        notes.extend(rec.notes)
        status = "warning"
    if raw_text and _HTML_HINT.match(raw_text):
        raw_text, _ = html_to_text(raw_text)
        notes.append("converted from HTML")
    if not raw_text.strip():
        status = "skipped"
        if tcol and tcol not in rec:  # a JSON line without the field, not one whose text is empty
            others = ", ".join(map(str, list(rec)[:8])) or "none"
            notes.append(f"no '{tcol}' field (this record's fields: {others})")
        else:
            notes.append("empty document")
    elif raw_text.endswith("chars]") and (cut := _CUT_RE.search(raw_text)) is not None:
        # NewsAPI gives the first 200 characters of an article and "… [+2345 chars]": measured as it is, the
        # article would look short and plain; the marker goes, and the status says what is missing
        raw_text = raw_text[: cut.start()].rstrip()
        status = "warning" if status == "ok" else status
        notes.append(f"text cut short by its source ({cut.group(1)} more characters not given)")
    fields = {f: field_text(rec.get(cols.get(f) or f, "")) for f in STANDARD_FIELDS if f != "outlet"}
    skip = {tcol, icol, ocol, *STANDARD_FIELDS}  # a field's other-named column stays too: code may name it
    meta = {str(k): _clean_value(v) for k, v in rec.items() if k not in skip}
    return Document(
        id=doc_id,
        text=raw_text,
        outlet=field_text(rec.get(ocol, "")) if ocol else "",
        meta=FrozenDict(meta),
        source=f"{source}:{n + 1}" if source else "",
        status=status,
        notes=tuple(notes),
        **fields,
    )


class _BadRecord:
    """A placeholder for a row that could not be parsed (kept so the document is not lost)."""

    def __init__(self, line: int, reason: str) -> None:
        self.line = line
        self.reason = reason


# ---------------------------------------------------------------------- files
def _read_limited(path: Path, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise InputError(f"file is larger than {limit // 2**20} MB", path=path)
    return path.read_bytes()


class ReadMeter:
    """How far a stream of documents has got, for a progress bar's time left when the number of
    documents is not known in advance.

    The share of the input read so far comes from the reader (bytes of a JSON-lines or CSV file,
    compressed bytes of a .gz, rows of a Parquet file, files of a folder); the documents read so far,
    divided by that share, estimate how many the input holds. ``skipped``: documents read but not to
    be analysed (already in the output of a resumed run).
    """

    def __init__(self) -> None:
        self._read: Callable[[], float] | None = None
        self.read = 0
        self.skipped = 0

    def track(self, read: Callable[[], float]) -> None:
        """Measure with ``read``, a function giving the share of the input read so far."""
        self._read = read

    def count(self, docs: Iterable[Document]) -> Iterator[Document]:
        """``docs``, counted as they are read."""
        for d in docs:
            self.read += 1
            yield d

    def share(self) -> float | None:
        """The share of the input read so far (0 to 1); None until the input is open."""
        read = self._read
        if read is None:
            return None
        try:
            return min(1.0, max(0.0, read()))
        except (OSError, ValueError):  # the file is closed: it was read to its end
            return 1.0

    def total(self) -> float | None:
        """The estimated number of documents to analyse (None while nothing is known)."""
        share = self.share()
        if not share or not self.read:
            return None
        return self.read / share - self.skipped


def _share(position: Callable[[], int], size: int) -> Callable[[], float]:
    return lambda: position() / size if size else 1.0


def _iter_jsonl(path: Path, meter: ReadMeter | None = None) -> Iterator[Mapping[str, Any] | _BadRecord]:
    gz = path.name.lower().endswith(".gz")
    size = path.stat().st_size
    # a compressed file is read up to a size it could plausibly hold (a "zip bomb" is not); a plain one whole
    limit = max(MAX_DECOMPRESSED_BYTES, _GZIP_RATIO * size) if gz else None
    with path.open("rb") as raw, gzip.open(raw, "rb") if gz else raw as fh:
        if meter is not None:
            meter.track(_share(raw.tell, size))
        yield from _jsonl_records(fh, limit)


def _jsonl_records(fh: Iterable[bytes], limit: int | None = None) -> Iterator[Mapping[str, Any] | _BadRecord]:
    """The records of JSON lines read from a binary stream, one line at a time; ``limit``: bytes to read at most."""
    total = 0
    for n, line in enumerate(fh, start=1):
        total += len(line)
        if limit is not None and total > limit:
            yield _BadRecord(n, f"stopped reading: more than {limit / 2**30:.1f} GB decompressed")
            return
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield _BadRecord(n, f"line {n} is not valid JSON ({getattr(exc, 'msg', exc)})")
            continue
        if not isinstance(rec, dict):
            yield _BadRecord(n, f"line {n} is a JSON {type(rec).__name__}, not an object")
            continue
        yield rec


_JSON_CHUNK = 1 << 20  # characters read at a time from a .json file
_WS = " \t\n\r"


def _iter_json(path: Path, meter: ReadMeter | None = None) -> Iterator[Mapping[str, Any] | _BadRecord]:
    """The records of a ``.json`` file.

    A top-level array (the usual shape of a large export) is read an element at a time, with the
    standard decoder's ``raw_decode`` on a window of the text that holds the element being read and
    at most one chunk more: memory stays that of one element, whatever the file's size. An element
    that is not valid JSON stops the reading there, with a skipped row that says which; the elements
    before it are kept. Any other top level (an object holding ``documents`` or ``data``, or one
    document) is read whole, up to 50 MB.
    """
    decoder = json.JSONDecoder()
    size = path.stat().st_size
    with path.open("rb") as raw:
        text = codecs.getincrementaldecoder("utf-8-sig")()
        buf, pos, eof = "", 0, False

        def more(want: int = 1) -> bool:
            """Read until the window past ``pos`` holds ``want`` more characters, dropping what was consumed;
            False when the file had nothing left."""
            nonlocal buf, pos, eof
            if eof:
                return False
            parts, have = [buf[pos:]], len(buf) - pos
            goal = have + want
            while have < goal and not eof:
                data = raw.read(_JSON_CHUNK)
                eof = not data
                parts.append(text.decode(data, final=eof))
                have += len(parts[-1])
            buf, pos = "".join(parts), 0
            return True

        def next_char() -> str:
            """The next character that is not white space, left unconsumed ('' at the end of the file)."""
            nonlocal pos
            while True:
                while pos < len(buf) and buf[pos] in _WS:
                    pos += 1
                if pos < len(buf):
                    return buf[pos]
                if not more():
                    return ""

        try:
            if next_char() != "[":
                yield from _json_whole(path)
                return
            if meter is not None:
                meter.track(_share(raw.tell, size))
            pos += 1
            n = 0
            while True:
                if next_char() == "]" and n == 0:  # (raw_decode does not skip white space itself)
                    return
                n += 1
                while True:
                    try:
                        rec, end = decoder.raw_decode(buf, pos)
                    except json.JSONDecodeError as exc:
                        # the element may go on past the window: read as much again (so that a long element
                        # is parsed a few times, not once per chunk), and give up only at the end of the file
                        if more(max(_JSON_CHUNK, len(buf) - pos)):
                            continue
                        yield _BadRecord(n, f"element {n} of the array is not valid JSON ({exc.msg}); reading stopped")
                        return
                    if end < len(buf) or eof:
                        break
                    more()  # a number or literal that ends with the window may go on ("12" of "123"): read on
                pos = end
                if isinstance(rec, dict):
                    yield rec
                else:
                    yield _BadRecord(n, f"element {n} of the array is a JSON {type(rec).__name__}, not an object")
                c = next_char()
                if c == "]":
                    return
                if c != ",":
                    found = repr(c) if c else "the end of the file"
                    yield _BadRecord(
                        n + 1, f"after element {n} of the array, {found} instead of ',' or ']'; reading stopped"
                    )
                    return
                pos += 1
        except UnicodeDecodeError as exc:
            yield _BadRecord(0, f"the file is not UTF-8 text ({exc.reason}); reading stopped")


def _json_whole(path: Path) -> Iterator[Mapping[str, Any] | _BadRecord]:
    """A ``.json`` file whose top level is not an array: read whole (up to 50 MB)."""
    try:
        data = json.loads(_read_limited(path).decode("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})", path=path) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", path=path) from None
    if isinstance(data, dict):
        data = data.get("documents") or data.get("data") or [data]
    elif not isinstance(data, list):
        raise InputError(f"a JSON {type(data).__name__}, not an array or object of documents", path=path)
    for rec in data:
        yield rec if isinstance(rec, dict) else _BadRecord(0, "not a JSON object")


def iter_jsonl_stream(
    fh: IO[bytes], text: str = "text", id: str | None = "id", outlet: str | None = "outlet", source: str = "stdin"
) -> Iterator[Document]:
    """Documents from JSON lines read from an open binary stream (``sys.stdin.buffer``) as they arrive."""
    return documents_from_records(_jsonl_records(fh), text=text, id=id, outlet=outlet, source=source)


class _NotedRecord(dict):
    """A record with notes for its document (a row whose bytes were not UTF-8)."""

    notes: tuple[str, ...] = ()


def _text_encoding(path: Path) -> tuple[str, str]:
    """``(encoding, errors)`` to stream a text table with, from its first bytes (see :func:`decode_bytes`).

    UTF-8 is read with ``surrogateescape``, so a stray byte further on is kept (and its row decoded as
    cp1252 by :func:`_repair_row`) instead of stopping the file or changing the rows before it.
    """
    with path.open("rb") as fh:
        head = fh.read(_SAMPLE_BYTES)
    encoding = _bom_encoding(head)
    if encoding is not None:
        return encoding, "replace"
    kind = _binary_kind(head)
    if kind is not None:
        raise InputError(f"cannot read table: {kind}", path=path)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < _SAMPLE_BYTES)
    except UnicodeDecodeError as exc:
        if _mostly_undecodable(head.decode("cp1252", errors="replace")):
            raise InputError(
                f"cannot read table: not text (undecodable bytes from offset {exc.start})", path=path
            ) from None
        return "cp1252", "replace"
    return "utf-8", "surrogateescape"


def _repair_row(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` itself, or, when a value holds bytes that were not UTF-8, a copy with those values decoded
    as cp1252 and a note (checked in C: a UTF-8 encode fails only on such bytes)."""
    bad = []
    for k, v in row.items():
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                bad.append(k)
    if not bad:
        return row
    fixed = _NotedRecord(row)
    for k in bad:
        fixed[k] = row[k].encode("utf-8", "surrogateescape").decode("cp1252", errors="replace")
    fixed.notes = (f"not UTF-8 ({', '.join(map(str, bad))}); decoded as cp1252/Latin-1",)
    return fixed


def _delimiter(header: str, expected: str) -> str:
    """``expected``, unless the header line holds none of it but holds another of ``,`` ``;`` tab ``|`` (a
    spreadsheet set to a language whose decimal mark is a comma writes "CSV" with semicolons)."""
    if expected in header:
        return expected
    counts = {d: header.count(d) for d in (",", ";", "\t", "|") if d != expected}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else expected


def _iter_csv(path: Path, delimiter: str, meter: ReadMeter | None = None) -> Iterator[Mapping[str, Any] | _BadRecord]:
    """The rows of a CSV/TSV file, streamed (memory does not grow with the file); a row the csv module
    cannot parse (a field over the size limit) is a bad record, and reading goes on after it.

    The csv module's field size limit is one setting for the whole process: it is raised to
    :data:`MAX_DOCUMENT_BYTES` only while a row is read, and given back before the row is yielded, so
    the caller's own CSV reading keeps its limit."""
    encoding, errors = _text_encoding(path)
    with path.open(encoding=encoding, errors=errors, newline="") as fh:
        if meter is not None:
            # a text file opened for reading wraps a buffered binary file (typeshed's buffer type has no tell)
            meter.track(_share(cast(BinaryIO, fh.buffer).tell, path.stat().st_size))
        delimiter = _delimiter(fh.readline(), delimiter)
        fh.seek(0)
        reader = csv.DictReader(fh, delimiter=delimiter)
        while True:
            limit = csv.field_size_limit(MAX_DOCUMENT_BYTES)
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield _BadRecord(reader.line_num, f"line {reader.line_num} cannot be read ({exc})")
                continue
            finally:
                csv.field_size_limit(limit)
            if None in row:  # more fields than the header
                extra = row.pop(None)
                yield _BadRecord(
                    reader.line_num, f"line {reader.line_num} has {len(extra)} more fields than the header"
                )
                continue
            yield _repair_row(row) if errors == "surrogateescape" else row


def _iter_parquet(path: Path, meter: ReadMeter | None = None) -> Iterator[Mapping[str, Any]]:
    """The rows of a Parquet file, a batch at a time (memory does not grow with the file); values are
    converted as ``pandas.read_parquet(...).to_dict("records")`` converts them, except that an integer
    column with gaps keeps integers (not floats) and gives None for the gaps."""
    import pyarrow.parquet as pq

    file = pq.ParquetFile(path)
    rows = (
        row
        for batch in file.iter_batches(batch_size=_PARQUET_BATCH)
        for row in batch.to_pandas(integer_object_nulls=True).to_dict("records")
    )
    yield from _counted(rows, file.metadata.num_rows, meter)


def _iter_table(path: Path, meter: ReadMeter | None = None) -> Iterator[Mapping[str, Any] | _BadRecord]:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        yield from _iter_jsonl(path, meter)
    elif name.endswith(".json"):
        yield from _iter_json(path, meter)
    elif name.endswith(".parquet"):
        yield from _iter_parquet(path, meter)
    elif name.endswith((".csv", ".tsv")):
        yield from _iter_csv(path, "\t" if name.endswith(".tsv") else ",", meter)
    else:
        raise InputError(
            "unknown corpus file type",
            path=path,
            expected="a folder, one article ("
            + ", ".join((*TEXT_EXTENSIONS, *DOCUMENT_EXTENSIONS))
            + ") or a table ("
            + ", ".join(TABLE_EXTENSIONS)
            + ")",
        )


def _read_metadata(folder: Path) -> tuple[dict[str, dict[str, Any]], str | None]:
    for name in METADATA_NAMES:
        p = folder / name
        if not p.is_file():
            continue
        if name.endswith((".yaml", ".yml")):
            import yaml

            try:
                data = yaml.safe_load(p.read_text(encoding="utf-8-sig")) or []
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                raise InputError(
                    f"metadata is not valid YAML: {getattr(exc, 'problem', exc)}",
                    path=p,
                    line=mark.line + 1 if mark else None,
                ) from None
            rows = data.get("documents", data) if isinstance(data, dict) else data
            if isinstance(rows, dict):  # {id: {fields}}
                rows = [{"id": k, **(v or {})} for k, v in rows.items()]
        else:
            rows = []
            for r in _iter_table(p):
                if isinstance(r, _BadRecord):  # its file then shows up as not listed, or as a listed file missing
                    warnings.warn(f"{p}: {r.reason}; the row was not used", stacklevel=4)
                else:
                    rows.append(r)
        out: dict[str, dict[str, Any]] = {}
        for k, r in enumerate(rows):
            if not isinstance(r, Mapping):
                raise InputError("each metadata entry must be a mapping", path=p, line=k + 2)
            key = str(r.get("file") or r.get("filename") or r.get("id") or "").strip()
            if not key:
                raise InputError("metadata row without 'id' or 'file'", path=p, line=k + 2)
            out[key] = {str(a): _clean_value(b) for a, b in r.items()}
            out[Path(key).stem] = out[key]
        return out, str(p)
    return {}, None


#: what to do with a document in a file type framing does not read, by the kind :func:`_sniff` found
_CONVERT = {
    "PDF": "name it .pdf to have it read as a PDF, or convert it to text first",
    "ZIP archive (perhaps .docx)": (
        "name it .docx (or .odt) if it is a Word (or OpenDocument) file, or save it as plain text (.txt)"
    ),
    "Microsoft Office file": "save it as .docx or as plain text (.txt) first (older Word .doc files are not read)",
    "RTF document": "name it .rtf to have it read, or save it as plain text (.txt)",
}


def _sniff(p: Path) -> str:
    """ ", a PDF" etc. when the first bytes of the file say what it is."""
    try:
        with open(p, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return ""
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return f", {kind}"
    return ""


def _meta_for(meta: Mapping[str, dict[str, Any]], rel: Path) -> dict[str, Any] | None:
    doc_id = str(rel.with_suffix("")).replace("\\", "/")
    return meta.get(str(rel)) or meta.get(rel.name) or meta.get(doc_id) or meta.get(rel.stem)


def _folder_files(folder: Path) -> list[Path]:
    """Every file under ``folder`` that is not hidden (nor in a hidden folder), following links to folders
    (``corpus/nyt -> /data/nyt``: ``Path.rglob`` skips them, and their documents were silently missing) but
    reading each real folder once (a link back up the tree is not a loop), and broken links too (each becomes
    a skipped document that says so, rather than nothing)."""
    out: list[Path] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        warnings.warn(f"cannot list {exc.filename}: {exc.strerror or exc}; its files were not loaded", stacklevel=4)

    for root, dirs, names in os.walk(folder, followlinks=True, onerror=unreadable):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            p = Path(root, name)
            if not name.startswith(".") and (p.is_file() or (p.is_symlink() and not p.exists())):
                out.append(p)
    return out


def _iter_folder(folder: Path, outlet_from_folder: bool = True, meter: ReadMeter | None = None) -> Iterator[Document]:
    meta, meta_path = _read_metadata(folder)
    # the metadata file is no document, nor are the actor and issue files at the top (framing.domain)
    files = sorted(
        p
        for p in _folder_files(folder)
        if p.name not in METADATA_NAMES and not (p.name in DOMAIN_FILES and p.parent == folder)
    )
    missing: list[dict[str, Any]] = []
    if meta:
        listed = [p for p in files if _meta_for(meta, p.relative_to(folder))]
        found = {id(_meta_for(meta, p.relative_to(folder))) for p in listed}
        # a row whose file is not there is a document too (skipped, saying so), not a silent loss
        missing = [r for r in {id(r): r for r in meta.values()}.values() if id(r) not in found]
        ignored = [
            p.name
            for p in files
            if p not in listed
            and (p.suffix.lower() in TEXT_EXTENSIONS or p.suffix.lower() in DOCUMENT_EXTENSIONS)
            and not p.name.upper().startswith(_COMPANION_FILES)
        ]
        if ignored:
            warnings.warn(
                f"{len(ignored)} file(s) in {folder} are not listed in {Path(meta_path or '').name} and were "
                f"not loaded: {', '.join(ignored[:5])}{' ...' if len(ignored) > 5 else ''}",
                stacklevel=3,
            )
        files = listed
    if not files and not missing:
        warnings.warn(
            f"{folder} holds no documents: it has no files besides hidden ones, a metadata file and the actor and "
            "issue files",
            stacklevel=3,
        )
    for p in _counted(files, len(files), meter):
        rel = p.relative_to(folder)
        doc_id = str(rel.with_suffix("")).replace("\\", "/")
        m = _meta_for(meta, rel) or {}
        fields, extra = _meta_fields(m)
        if not fields["outlet"] and outlet_from_folder and len(rel.parts) > 1:
            fields["outlet"] = rel.parts[0]
        doc_id = str(m.get("id") or doc_id)
        yield _file_document(p, dict(id=doc_id, source=str(p), meta=FrozenDict(extra), **fields))
    for m in missing:
        yield _missing_document(folder, m, Path(meta_path or "").name)


def _file_document(p: Path, base: dict[str, Any]) -> Document:
    """The document of one file: its text (decoded; from HTML, Word, OpenDocument or PDF), or a skipped
    document whose note names the file and the reason. ``base``: the document's id, source, metadata and
    fields."""
    suffix = p.suffix.lower()
    if suffix not in TEXT_EXTENSIONS and suffix not in DOCUMENT_EXTENSIONS:
        kind = _sniff(p)
        note = (
            f"{p.name}: not a text file type ({p.suffix or 'no extension'}{kind})"
            + (f"; {_CONVERT[kind[2:]]}" if kind[2:] in _CONVERT else "")
            + (
                f"; a table of articles is read on its own (framing.load_corpus('{p.name}'), or give it "
                "to framing score or framing report instead of the folder): in a folder only "
                f"{' or '.join(METADATA_NAMES[:2])} is read, as the metadata of its text files"
                if p.name.lower().endswith(TABLE_EXTENSIONS)
                else ""
            )
        )
        return Document(text="", status="skipped", notes=(note,), **base)
    try:
        data = _read_limited(p, MAX_CONTAINER_BYTES if suffix in DOCUMENT_EXTENSIONS else MAX_DOCUMENT_BYTES)
    except (OSError, InputError) as exc:
        reason = exc.reason if isinstance(exc, InputError) else (exc.strerror or str(exc))
        if p.is_symlink() and not p.exists():
            reason = f"a broken link (to {os.readlink(p)}, which does not exist)"
        return Document(text="", status="skipped", notes=(f"{p.name}: {reason}",), **base)
    if suffix in DOCUMENT_EXTENSIONS:
        try:
            text, converted = document_text(data, suffix)
        except FormatError as exc:
            return Document(text="", status="skipped", notes=(f"{p.name}: {exc.reason}",), **base)
        except Exception as exc:  # a reader's failure no one foresaw costs this document, never the run
            reason = f"could not be read ({type(exc).__name__}: {exc})"
            return Document(text="", status="skipped", notes=(f"{p.name}: {reason}",), **base)
        status = "warning" if len(converted) > 1 else "ok"
        notes = [converted[0], *(f"{p.name}: {n}" for n in converted[1:])]
    else:
        try:
            decoded, problems = decode_bytes(data)
            if decoded is None:
                return Document(text="", status="skipped", notes=tuple(f"{p.name}: {n}" for n in problems), **base)
            text = decoded
            status = "warning" if problems else "ok"
            notes = [f"{p.name}: {n}" for n in problems]
            if suffix in (".html", ".htm", ".xhtml") or _HTML_HINT.match(text):
                text, title = html_to_text(text)
                notes.append("converted from HTML")
                if not base["title"] and title:
                    base = {**base, "title": title}
        except Exception as exc:  # as for the document readers: a failure no one foresaw costs this file only
            reason = f"could not be read ({type(exc).__name__}: {exc})"
            return Document(text="", status="skipped", notes=(f"{p.name}: {reason}",), **base)
    if not text.strip():
        status = "skipped"
        notes.append(f"{p.name}: empty document")
    return Document(text=text, status=status, notes=tuple(notes), **base)


def _meta_fields(row: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """A metadata row's standard fields (as text, empty when absent; from a column of a common other name when
    none has the field's own, see :data:`FIELD_ALTERNATIVES`) and its other columns."""
    cols = {"outlet": _pick(row.keys(), "outlet", _OUTLET_ALTERNATIVES) or "outlet", **field_columns(row.keys())}
    fields = {f: field_text(row.get(cols.get(f, f), "")) for f in STANDARD_FIELDS}
    # a field's other-named column stays among the metadata too (code may name it); the outlet's does not, as
    # in a table of documents
    used = (*STANDARD_FIELDS, cols["outlet"], "id", "file", "filename")
    return fields, {k: v for k, v in row.items() if k not in used}


def _missing_document(folder: Path, row: Mapping[str, Any], meta_name: str) -> Document:
    """The skipped document of a metadata row that names no file of the folder."""
    file = str(row.get("file") or row.get("filename") or "").strip()
    doc_id = str(row.get("id") or "").strip() or str(Path(file).with_suffix("")).replace("\\", "/")
    fields, extra = _meta_fields(row)
    note = (
        f"{file}: listed in {meta_name} but not in the folder"
        if file
        else f"{doc_id}: listed in {meta_name}, but no file of the folder is named so"
    )
    return Document(
        id=doc_id,
        text="",
        source=str(folder / file) if file else str(folder),
        meta=FrozenDict(extra),
        status="skipped",
        notes=(note,),
        **fields,
    )


def iter_documents(
    path: str | Path,
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
    meter: ReadMeter | None = None,
) -> Iterator[Document]:
    """Stream the documents of a folder or table file.

    Memory does not grow with the file for a folder, JSON lines (plain or gzip), CSV/TSV (a row at a
    time, the encoding chosen from the first megabyte), Parquet (a batch of rows at a time) and a
    ``.json`` array (an element at a time; a ``.json`` object is read whole, up to 50 MB). ``meter``
    (a :class:`ReadMeter`) is told how much of the input has been read.

    In a folder with a metadata file, the documents are the files it lists
    (a warning names any other file); without one, every file is a document.
    """
    p = Path(path)
    if not p.exists():
        raise InputError("no such file or folder", path=p)
    if p.is_dir():
        yield from _iter_folder(p, meter=meter)
        return
    if p.suffix.lower() in TEXT_EXTENSIONS or p.suffix.lower() in DOCUMENT_EXTENSIONS:
        # one article on its own (a student's essay, a saved web page, a PDF): a corpus of one document
        yield _lone_file(p)
        return
    yield from documents_from_records(_iter_table(p, meter), text=text, id=id, outlet=outlet, source=str(p))


def _lone_file(path: Path) -> Document:
    """The document of a file given on its own, not in a folder: its id is the file's name without extension."""
    fields, _ = _meta_fields({})
    return _file_document(path, dict(id=path.stem, source=str(path), meta=FrozenDict(), **fields))


def _path_documents(
    path: Path, text: str = "text", id: str | None = "id", outlet: str | None = "outlet"
) -> Iterator[Document]:
    """The documents of one of several paths: a folder's, a table's, or one file's (a file of a type framing
    does not read is a skipped document that says so, as in a folder, rather than an error for them all)."""
    if path.is_dir() or path.name.lower().endswith(TABLE_EXTENSIONS):
        yield from iter_documents(path, text=text, id=id, outlet=outlet)
    else:
        yield _lone_file(path)


def existing_paths(paths: Iterable[str | Path]) -> list[Path]:
    """``paths`` as Paths, once every one is known to exist: a missing one fails before any is read."""
    out = [Path(q) for q in paths]
    if not out:
        raise InputError("no file or folder to load", expected="a path, or a list of paths")
    for q in out:
        if not q.exists():
            raise InputError("no such file or folder", path=q)
    return out


def load_corpus(
    path: str | Path | Sequence[str | Path],
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
    name: str | None = None,
) -> Corpus:
    """Load a corpus.

    Args:
        path: a folder of .txt/.md/.html/.docx/.odt/.pdf/.rtf files (with an optional
            ``metadata.csv``, ``.tsv``, ``.yaml`` or ``.json`` keyed by ``id`` or ``file``;
            files in sub-folders take the sub-folder's name as outlet when the metadata
            gives none; an ``actors.yaml`` and an ``issues.yaml`` at its top are
            the corpus's default actors and issues, ``corpus.domain``: see
            :mod:`framing.domain`); one such file (a corpus of one document, its id the
            file's name without extension: :mod:`framing.doc_formats` reads Word,
            OpenDocument and PDF); or a ``.csv``, ``.tsv``, ``.jsonl``, ``.jsonl.gz``,
            ``.json`` or ``.parquet`` table.
        text, id, outlet: column names in a table. With the defaults, common
            alternatives are recognised (``content``/``body``; ``source``/``publisher``).
            ``id=None`` numbers rows; ``outlet=None`` leaves outlets empty.
            Several paths (a list): their documents together, in order ("framing report a.pdf b.pdf c.docx": a
            class's three articles); a path that does not exist fails before any is read.
        name: a label for reports (default: the file or folder name; for several, the first names).
    """
    if not isinstance(path, (str, Path)):
        paths = existing_paths(path)
        if len(paths) > 1:
            docs: Iterator[Document] = (d for q in paths for d in _path_documents(q, text=text, id=id, outlet=outlet))
            shown = ", ".join(q.name for q in paths[:3]) + (f" and {len(paths) - 3:,} more" if len(paths) > 3 else "")
            return Corpus(docs, name=name or shown, domain=domain_of_paths(paths))
        path = paths[0]
    p = Path(path)
    docs = iter_documents(p, text=text, id=id, outlet=outlet)
    return Corpus(docs, name=name or p.name, domain=folder_domain(p))
