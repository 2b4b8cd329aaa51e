"""The text of an RTF file (Rich Text Format: what TextEdit on a Mac, WordPad and many editors save).

RTF is plain ASCII with markup: groups in braces, control words (``\\par``, ``\\b``, ``\\u8217``) and control
symbols (``\\'92``, ``\\~``). The text is what is left outside markup, with:

- ``\\par`` and ``\\sect`` ending a paragraph (a blank line), ``\\line`` a line break, ``\\tab`` a tab;
- ``\\'hh`` a byte in the document's code page (``\\ansicpg1252`` by default, as Windows and macOS write);
- ``\\uN`` a Unicode character (N signed 16-bit), followed by ``\\ucN`` (default 1) fallback characters that are
  skipped; two ``\\u`` in a row may form a surrogate pair (a character outside the basic plane);
- ``\\~`` a no-break space, ``\\_`` a no-break hyphen, ``\\-`` an optional hyphen (dropped);
- groups that hold no text of the document left out: those that open with ``\\*`` (an optional destination the
  reader does not know) and the font, colour and style tables, document information, pictures, objects,
  headers, footers, footnotes, comments and field instructions (a field's result, ``\\fldrslt``, is kept).

Linear in the size of the file: one pass of a compiled pattern over it (Microsoft's RTF specification 1.9.1
gives the syntax).
"""

from __future__ import annotations

import codecs
import contextlib
import re

__all__ = ["rtf_to_text"]

#: one token: a control word with its parameter and the space that ends it, a control symbol, a hex byte, a
#: brace, or a run of text
_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    rb"|\\([^a-zA-Z'])"  # control symbol
    rb"|([{}])"  # group
    rb"|([^\\{}\r\n]+)"  # text
    rb"|[\r\n]+"  # line ends of the file itself: not text
)
#: destinations whose text is not the document's
_SKIPPED = frozenset(
    b"fonttbl colortbl stylesheet listtable listoverridetable revtbl rsidtbl info pict object objdata "
    b"header headerl headerr headerf footer footerl footerr footerf footnote annotation atnid atnauthor fldinst "
    b"themedata colorschememapping datastore latentstyles xmlnstbl generator pgdsctbl filetbl bkmkstart bkmkend "
    b"nonshppict shpinst".split()
)
_BREAKS = {
    b"par": "\n\n",
    b"sect": "\n\n",
    b"line": "\n",
    b"tab": "\t",
    b"emdash": "—",
    b"endash": "–",
    b"lquote": "‘",
    b"rquote": "’",
    b"ldblquote": "“",
    b"rdblquote": "”",
    b"bullet": "•",
    b"page": "\n\n",
}
_SYMBOLS = {b"~": "\u00a0", b"_": "\u2011", b"-": "", b"\\": "\\", b"{": "{", b"}": "}", b"\n": "\n\n", b"\r": "\n\n"}


def rtf_to_text(data: bytes) -> str:
    """The document text of RTF ``data`` (see the module docstring); raises ``ValueError`` if it is no RTF."""
    if data.lstrip()[:5] != b"{\\rtf":
        raise ValueError("the file does not start as RTF does ({\\rtf)")
    decoder = codecs.getincrementaldecoder("cp1252")(errors="replace")
    out: list[str] = []
    skip_depth = 0  # the depth of the group being skipped (0: none)
    depth = 0
    uc = 1  # fallback characters after \uN
    pending = 0  # fallback characters still to skip
    high = 0  # a high surrogate waiting for its low half
    fresh = False  # just after "{": a "\*" there marks an optional destination, and its group is skipped
    for m in _TOKEN.finditer(data):
        word, param, hexbyte, symbol, brace, text = m.groups()
        if brace is not None:
            if brace == b"{":
                depth += 1
                fresh = True
            else:
                if skip_depth and depth == skip_depth:
                    skip_depth = 0
                depth -= 1
                pending = 0
            continue
        opened, fresh = fresh, False
        if skip_depth:
            continue
        if symbol == b"*" and opened:
            skip_depth = depth
            continue
        if word is not None:
            if word in _SKIPPED:  # a destination: the rest of its group is not the document's text
                skip_depth = depth
                continue
            if word == b"ansicpg" and param:
                with contextlib.suppress(LookupError):  # an unknown code page: keep cp1252
                    decoder = codecs.getincrementaldecoder(f"cp{int(param)}")(errors="replace")
            elif word == b"uc" and param:
                uc = int(param)
            elif word == b"u" and param is not None:
                code = int(param) % 65536  # written signed: \u-3913 is U+F0B7
                if 0xD800 <= code < 0xDC00:
                    high = code
                elif 0xDC00 <= code < 0xE000:  # the low half of a pair; alone, no character (U+FFFD)
                    out.append(chr(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)) if high else "\ufffd")
                    high = 0
                else:
                    out.append(chr(code))
                pending = uc
            elif word in _BREAKS:
                out.append(_BREAKS[word])
            continue
        if hexbyte is not None:
            if pending:
                pending -= 1
            else:
                out.append(decoder.decode(bytes([int(hexbyte, 16)])))
            continue
        if symbol is not None:
            out.append(_SYMBOLS.get(symbol, ""))
            continue
        if text is not None:
            chunk = decoder.decode(text)  # ASCII as written; a raw byte above 127 in the code page
            if pending:
                chunk, pending = chunk[pending:], max(0, pending - len(chunk))
            out.append(chunk)
    return re.sub(r"\n{3,}", "\n\n", "".join(out)).strip()
