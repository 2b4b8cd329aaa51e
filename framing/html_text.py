"""Text and title of an HTML page, with the standard library's parser, in time linear in its length.

Scripts, styles, navigation, forms and the like are dropped; block elements become paragraph breaks;
entities are decoded. Nothing is fetched (no link, image or stylesheet is followed).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["HTML_HINT", "html_to_text"]

#: the start of a text that is an HTML page, whatever its file name says
HTML_HINT = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.IGNORECASE)


class _HTMLText(HTMLParser):
    _SKIP = frozenset(
        {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "button", "iframe", "head"}
    )
    _BLOCK = frozenset(
        {
            "p",
            "div",
            "section",
            "article",
            "header",
            "main",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "table",
            "tr",
            "figure",
            "figcaption",
            "dd",
            "dt",
            "hr",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCK:
            self.parts.append("\n\n")
        if tag == "meta" and not self.title:
            d = dict(attrs)
            if d.get("property") in ("og:title",) and d.get("content"):
                self.title = d["content"] or ""

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title = self.title or data.strip()
        elif not self.skip:
            self.parts.append(data)


#: more unclosed comments than this and they are written as text before parsing (see :func:`_defused`)
_UNCLOSED_MAX = 32


def _defused(markup: str) -> str:
    """``markup`` with the marks the parser could never complete written as text.

    The standard library's parser reads a ``<`` that opens a tag, comment or declaration it cannot
    complete as text, but only at the end of the input and after scanning for its end through the rest
    of the page, once per mark: a broken page with many of them (``<a href="`` cut off, code with
    ``i <n``, ``<!--`` never closed) costs time quadratic in its length (178 s for 100,000 characters of
    ``<a ``). Every ``<`` after the page's last ``>`` is such a mark and becomes ``&lt;``, which the parser
    reads as the same text at once. A comment opened after the last ``-->`` also never closes; the parser
    makes text of it up to the next ``>``: when there are more than :data:`_UNCLOSED_MAX` of them, their
    ``<`` becomes ``&lt;`` too (the text then keeps the comment mark, and the tags after it are read as tags).
    A marked section the parser does not know (``<![`` then no keyword) is text as well.
    """
    last = markup.rfind(">")
    if markup.find("<", last + 1) >= 0:
        markup = markup[: last + 1] + markup[last + 1 :].replace("<", "&lt;")
    closed = markup.rfind("-->") + 1  # 0 when no comment closes
    if markup.count("<!--", closed) > _UNCLOSED_MAX:
        markup = markup[:closed] + markup[closed:].replace("<!--", "&lt;!--")
    if "<![" in markup:
        markup = _BAD_SECTION.sub("&lt;![", markup)
    return markup


#: "<![" not followed by a keyword the parser knows: Python 3.11's parser raises on it, and the rest of the
#: page was lost (``<![-!`` in a scraped page cut the text there)
_BAD_SECTION = re.compile(r"<!\[(?!(?:cdata|if|else|endif|temp|include|ignore|rcdata)(?![-_.a-z0-9]))", re.IGNORECASE)


def html_to_text(markup: str) -> tuple[str, str]:
    """``(text, title)`` of an HTML page: tags, scripts and styles dropped, entities decoded (in time linear
    in its length, even when broken: see :func:`_defused`)."""
    markup = _defused(markup)
    p = _HTMLText()
    try:
        p.feed(markup)
        p.close()
    except Exception:
        pass
    text = "".join(p.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text, p.title
