"""Cleaning scraped article text, with a log of every removal and repair.

The raw text is never changed: :meth:`Cleaner.clean` returns a
:class:`CleanResult` holding the raw text, the cleaned text, one
:class:`CleanEdit` per removal or repair (raw offsets, the text affected, the
rule and a plain-language reason) and an offset map from cleaned to raw text.

Rules (each can be switched off by name, see :data:`RULES`):

``controls``      control characters and zero-width marks
``share``         share-button and social-media strips
``debris``        page furniture lines ("author image", "Advertisement", "Read more")
``dateline``      a date line in the page header (moved into metadata when it lacks a date)
``byline``        an author line in the page header (moved into metadata when it lacks an author)
``keywords``      keyword/tag strips ("Security Forces, Afghanistan, Taliban, TTP,")
``captions``      captions of photos, videos and galleries: prefixed lines ("Photo:", "Image copyright",
                  "JUST WATCHED"), and short fragments right after a subhead
``garbage``       lines made of one meaningless token ("KASFHAJKSDADFNA")
``comments``      reader comments after the article
``pull_quotes``   pull quotes that repeat a body sentence, and repeated paragraphs
``run_together``  words run together by a lost space ("happenedagain", "ofTurkey", "Pakistan.The")
``dehyphenate``   words broken across lines by PDF-to-text conversion
``ligatures``     typographic ligatures of PDF text written as letters ("ﬁnancial" → "financial")
``running_heads`` running headers and footers of PDF pages: in a text with page breaks, a short line with a
                  number that recurs with only its numbers changing ("THE DAILY LEDGER  4"); without them,
                  only lines that say "page" ("Page 3 of 12"), three times or more
``footnotes``     footnote numbers glued to the end of a sentence by PDF-to-text conversion ("would reopen.3 The
                  announcement", "confirmed it.”12 Kabul"): they joined the last word and the next sentence
``credits``       photo credits inside the text: "(AP Photo/Seth Wenig, File)", "(Photo: Lloyd Bishop/NBC)",
                  "(John Moore / Getty Images)", "| Scott Olson/Getty Images", "Photograph: Saul Loeb/AFP" at
                  the end of a line
``name_cards``    the pop-up card of a linked name, scraped into the sentence: the full name, the headlines of
                  stories about the person and "MORE" ("Sen. Marco Rubio Marco Antonio RubioGOP senators plan to
                  … MORE (R-Fla.) said" → "Sen. Marco Rubio (R-Fla.) said")

The patterns behind the line rules are data (``framing/data/cleaning.yaml``); a user's file may replace its
keys or add a corpus's own boilerplate under ``extra_debris_lines`` (:mod:`framing.boilerplate` finds it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import cache_limits
from .errors import ConfigError
from .runrecord import digest
from .vocab import english_frequencies, english_words, longest_word

if TYPE_CHECKING:
    from .text import TextModel

__all__ = ["RULES", "CleanEdit", "CleanResult", "Cleaner"]

RULES: tuple[str, ...] = (
    "controls",
    "share",
    "debris",
    "dateline",
    "byline",
    "keywords",
    "captions",
    "garbage",
    "comments",
    "pull_quotes",
    "run_together",
    "dehyphenate",
    "ligatures",
    "running_heads",
    "footnotes",
    "credits",
    "name_cards",
)

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff\u00ad]+")
_WORDS_RE = re.compile(r"\w+(?:[-'’.]\w+)*")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# every byte but the ASCII control characters of _CONTROL_RE (UTF-8 encodes other characters as bytes >= 0x80)
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if not (b <= 8 or b in (11, 12) or 14 <= b <= 31 or b == 127))


def _has_controls(raw: str) -> bool:
    """Whether ``_CONTROL_RE`` can match in ``raw`` (a quick test in C: most texts have none)."""
    return bool(raw.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL_BYTES)) or any(
        ch in raw for ch in _ZERO_WIDTH
    )


#: the Latin ligatures of Unicode's Alphabetic Presentation Forms, as PDF-to-text output keeps them
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE_RE = re.compile("[\ufb00-\ufb06]")
_DIGITS_RE = re.compile(r"\d+")
_PAGE_WORD_RE = re.compile(r"\bpage\b")
#: the most words, and characters (with the spaces of page layout), a running header or footer has
_RUNNING_HEAD_WORDS = 12
_RUNNING_HEAD_CHARS = 240
_GALLERY_RE = re.compile(r"Hide Caption \d+ of \d+")
#: a gap of three or more spaces inside a line: a PDF page's layout (a masthead's name and date, a footer's
#: title and page number), not running text
_LAYOUT_GAP_RE = re.compile(r" {3,}|\t")
_SHARE_PART_RE = re.compile(r"[^\s|/•·,]+")
_DEHYPHEN_RE = re.compile(r"-\n[ \t]*([a-z]{2,})")
_WORD_END_RE = re.compile(r"\w{2,}$")
_VOWELS = frozenset("aeiouy")
_PULL_QUOTE_WINDOW = 20_000  # characters around a paragraph searched for its copy
_TERMINAL = tuple('.!?…"”’)')

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
_DATE_RE = re.compile(
    r"(?:(?:published|updated|posted|last updated|date)\s*(?:on|at)?\s*:?\s*)?(?:" + _WEEKDAY + r")?(?:"
    rf"(?P<m1>{_MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})"
    r"|(?P<d4>\d{1,2})/(?P<m4>\d{1,2})/(?P<y4>\d{4})"
    r")" + _TIME + r"\s*$",
    re.IGNORECASE,
)
_BY_RE = re.compile(
    r"^by\s+([A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|bin|al|de|van|von|ul))*)\s*(?:[,|].{0,80})?$", re.IGNORECASE
)
_DESK_RE = re.compile(
    r"^(?:(?:staff|web|news|online|our)\s+(?:reporter|desk|correspondent|report)|news desk)$", re.IGNORECASE
)
_NAME_TOKEN_RE = re.compile(r"^[A-Z][a-zA-Z.'’-]*$")
_REF_HEAD_RE = re.compile(
    r"^(references|sources|bibliography|works cited|notes|endnotes|further reading)\s*:?$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class CleanEdit:
    """One removal or repair: raw offsets, the raw text, what replaced it, and why."""

    start: int
    end: int
    text: str
    replacement: str
    rule: str
    reason: str


@dataclass(frozen=True)
class CleanResult:
    """Raw text, cleaned text, the log of edits and an offset map between them."""

    raw: str
    text: str
    edits: tuple[CleanEdit, ...]
    metadata: Mapping[str, str] = field(default_factory=dict)

    @cached_property
    def _map(self) -> tuple[list[int], list[int], list[int]]:
        """Cleaned-text start, raw start and length of each kept piece; inserts have length -1."""
        clean_starts: list[int] = []
        raw_starts: list[int] = []
        kinds: list[int] = []
        c = r = 0
        for e in self.edits:
            if e.start > r:
                clean_starts.append(c)
                raw_starts.append(r)
                kinds.append(e.start - r)
                c += e.start - r
            if e.replacement:
                clean_starts.append(c)
                raw_starts.append(e.start)
                kinds.append(-1)
                c += len(e.replacement)
            r = e.end
        clean_starts.append(c)
        raw_starts.append(r)
        kinds.append(len(self.raw) - r)
        return clean_starts, raw_starts, kinds

    def to_raw(self, offset: int) -> int:
        """Map an offset of the cleaned text to the raw text."""
        clean_starts, raw_starts, kinds = self._map
        k = max(0, bisect.bisect_right(clean_starts, offset) - 1)
        if kinds[k] < 0:
            return raw_starts[k]
        return raw_starts[k] + (offset - clean_starts[k])

    def log(self) -> list[dict[str, Any]]:
        """The edits as rows (raw offsets)."""
        return [
            {
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "replacement": e.replacement,
                "rule": e.rule,
                "reason": e.reason,
            }
            for e in self.edits
        ]


def _load_patterns(source: str | Path | Mapping[str, Any] | None) -> dict[str, list[str]]:
    """The shipped patterns with the keys of ``source`` (a YAML file or a dict) put in their place; its
    ``extra_debris_lines`` are added to the debris lines instead (a corpus's own boilerplate, as
    :mod:`framing.boilerplate` writes it). A file that cannot be read, a key that is not known, a value
    that is not a list of strings or a pattern that is no regular expression is a :class:`ConfigError`
    that names the file, and the line where there is one."""
    import yaml

    from ._yaml import item_lines, key_lines, parse_yaml, read_config

    default_text = resources.files("framing").joinpath("data/cleaning.yaml").read_text(encoding="utf-8")
    patterns: dict[str, list[str]] = yaml.safe_load(default_text)
    if source is None:
        return patterns
    node = None
    if isinstance(source, Mapping):
        user, where = dict(source), "patterns"
    else:
        where = str(source)
        user, node = parse_yaml(read_config(source, "cleaning patterns"), where)
        user = {} if user is None else user
        if not isinstance(user, dict):
            raise ConfigError("must be a mapping of keys to lists of patterns", path=where, line=1)
    lines = key_lines(node)
    for key, value in user.items():
        if key not in patterns and key != "extra_debris_lines":
            raise ConfigError(
                "unknown key", path=where, line=lines.get(str(key)), field=str(key), expected=", ".join(patterns)
            )
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError("must be a list of strings", path=where, line=lines.get(str(key)), field=str(key))
        if key in ("debris_lines", "extra_debris_lines", "comment_markers"):  # regular expressions: each must compile
            at = item_lines(node, key)
            for k, x in enumerate(value):
                try:
                    re.compile(x)
                except re.error as exc:
                    raise ConfigError(
                        f"not a regular expression ({exc})",
                        path=where,
                        line=at[k] if k < len(at) else None,
                        field=f"{key}[{k}]",
                        found=x,
                    ) from None
        patterns[key] = value
    return patterns


#: the ends of web addresses, which follow a stop with no space ("Amazon.Com")
_DOMAIN_ENDS = frozenset(["com", "net", "org", "gov", "edu", "io", "co", "uk", "us", "info", "biz", "tv", "ly"])


class Cleaner:
    """Removes scraped-page debris and repairs run-together words, logging every edit.

    Args:
        enabled: ``False`` returns every text unchanged (an empty log).
        rules: the rules to apply (default: all of :data:`RULES`).
        exclude: rules to leave out.
        patterns: a YAML file or dict overriding keys of ``framing/data/cleaning.yaml``; its
            ``extra_debris_lines`` are added to the shipped debris lines rather than replacing them
            (``framing boilerplate`` writes such a file).
        min_split_frequency: how common (in the English frequency list) each half
            of a run-together word must be before the word is split.
    """

    def __init__(
        self,
        enabled: bool = True,
        rules: Iterable[str] | None = None,
        exclude: Iterable[str] = (),
        patterns: str | Path | Mapping[str, Any] | None = None,
        min_split_frequency: int = 50,
    ) -> None:
        chosen = list(RULES if rules is None else rules)
        unknown = [r for r in list(chosen) + list(exclude) if r not in RULES]
        if unknown:
            raise ValueError(f"unknown cleaning rule(s) {unknown}; known rules: {', '.join(RULES)}")
        self.enabled = enabled
        self.rules = frozenset(chosen) - frozenset(exclude)
        self.min_split_frequency = min_split_frequency
        p = _load_patterns(patterns)
        self._patterns_custom = patterns is not None
        self._patterns_digest = digest(p)
        self._share_words = frozenset(w.lower() for w in p["share_words"])
        extra = p.get("extra_debris_lines", [])
        self._debris = re.compile("|".join(f"(?:{x})" for x in p["debris_lines"] + extra), re.IGNORECASE)
        # a corpus's own boilerplate (a biography, a promotion) and a sign-up form's text may be longer than the
        # lines debris is sought in: the first by whole-line patterns, the second by phrases (a substring test:
        # every paragraph of an article is such a line, and a regular expression searched through each cost
        # cleaning a third of its time)
        self._long_debris = re.compile("|".join(f"(?:{x})" for x in extra), re.IGNORECASE) if extra else None
        self._long_phrases = tuple(x.lower() for x in p.get("debris_phrases_any_length", []))
        self._phrases = tuple(x.lower() for x in p.get("debris_phrases", [])) + self._long_phrases
        self._comment_marker = re.compile("|".join(f"(?:{x})" for x in p["comment_markers"]), re.IGNORECASE)
        self._comment_phrase = re.compile(
            r"\b(?:" + "|".join(re.escape(x) for x in p["comment_phrases"]) + r")\b", re.IGNORECASE
        )
        self._caption_prefixes = tuple(x.lower() for x in p["caption_prefixes"])
        self._split_cache: dict[str, int] = {}

    def settings(self) -> dict[str, Any]:
        """What changes the cleaned text: on or off, the rules, the split threshold, and (a digest of) the
        patterns, the shipped ones or those a file or dict gave (:mod:`framing.runrecord` records them)."""
        if not self.enabled:
            return {"enabled": False}
        return {
            "enabled": True,
            "rules": sorted(self.rules),
            "min_split_frequency": self.min_split_frequency,
            "patterns": ("custom " if self._patterns_custom else "shipped ") + self._patterns_digest,
        }

    def __repr__(self) -> str:
        if not self.enabled:
            return "Cleaner(enabled=False)"
        off = [r for r in RULES if r not in self.rules]
        return f"Cleaner(rules=all{' except ' + ', '.join(off) if off else ''})"

    # ------------------------------------------------------------------ main
    def clean(self, raw: str, metadata: Mapping[str, Any] | None = None, split_words: bool = True) -> CleanResult:
        """Clean ``raw``; ``metadata`` says which fields the document already has.

        ``split_words=False`` leaves out the repair of run-together words, for
        callers that parse the text anyway and then call :meth:`split_words`
        with the parsed model (the pipeline does, to read the text once).
        """
        if not self.enabled or not raw:
            return CleanResult(raw, raw, ())
        meta_in = dict(metadata or {})
        found: dict[str, str] = {}
        edits: list[CleanEdit] = []
        rules = self.rules

        if "controls" in rules and _has_controls(raw):
            for m in _CONTROL_RE.finditer(raw):
                zero_width = m.group()[0] in _ZERO_WIDTH
                edits.append(
                    CleanEdit(
                        m.start(),
                        m.end(),
                        m.group(),
                        "" if zero_width else " ",
                        "controls",
                        "invisible or control characters",
                    )
                )

        if "ligatures" in rules and not raw.isascii() and any(ch in raw for ch in _LIGATURES):
            edits.extend(
                CleanEdit(
                    m.start(), m.end(), m.group(), _LIGATURES[m.group()], "ligatures", "ligature written as letters"
                )
                for m in _LIGATURE_RE.finditer(raw)
            )

        lines = _lines(raw)
        removed = self._line_rules(raw, lines, meta_in, found)
        for i, (rule, reason) in removed.items():
            s, e = lines[i]
            # remove the line with its line break (or the break before it at the end of the text)
            if e < len(raw):
                e += 1
            elif i > 0 and s > 0:
                s -= 1
            edits.append(CleanEdit(s, e, raw[s:e], "", rule, reason))

        # a line that ends with a hyphen, read from the lines (a search for "-\n" scans the whole text)
        if "dehyphenate" in rules and any(e > s and raw[e - 1] == "-" for s, e in lines[:-1]):
            edits.extend(_dehyphenate(raw))

        if "footnotes" in rules:
            edits.extend(_footnotes(raw))

        if "run_together" in rules:
            edits.extend(_glued_quotes(raw))

        if "credits" in rules:
            edits.extend(_credits(raw))

        if "name_cards" in rules and " MORE" in raw:
            edits.extend(_name_cards(raw))

        edits = _resolve_overlaps(edits)
        result = CleanResult(raw, _apply(raw, edits), tuple(edits), found)
        if split_words and "run_together" in rules:
            from .text import TextModel

            result = self.split_words(result, TextModel(result.text))
        return result

    def _long_furniture(self, low: str) -> bool:
        """Whether a line of more than 40 words (lower-cased) is furniture: it holds a sign-up form's phrase, or
        it is a whole line of the user's own boilerplate (``extra_debris_lines``)."""
        if any(phrase in low for phrase in self._long_phrases):
            return True
        return self._long_debris is not None and self._long_debris.fullmatch(low) is not None

    # ------------------------------------------------------------------ line rules
    def _line_rules(
        self,
        raw: str,
        lines: list[tuple[int, int]],
        meta: Mapping[str, Any],
        found: dict[str, str],
    ) -> dict[int, tuple[str, str]]:
        rules = self.rules
        texts = [raw[s:e].strip() for s, e in lines]
        nonempty = [i for i, t in enumerate(texts) if t]
        # words, near enough for line shapes; a run of spaces (a PDF page's layout) is one gap
        nw = {i: len(texts[i].split()) for i in nonempty}
        body_start = next(
            (i for i in nonempty if nw[i] >= 25 or (nw[i] >= 12 and texts[i].endswith(_TERMINAL))),
            len(lines),
        )
        out: dict[int, tuple[str, str]] = {}

        def mark(i: int, rule: str, reason: str) -> None:
            if i not in out:
                out[i] = (rule, reason)

        freq = english_frequencies() if rules & {"byline", "garbage"} else {}
        for k, i in enumerate(nonempty):
            t = texts[i]
            n = nw[i]
            if n > 40:
                # a paragraph of article text, unless it is a photo gallery's run of captions (CNN: "Photos: …
                # Hide Caption 1 of 11 Photos: …")
                if "captions" in rules and "Hide Caption" in t and _GALLERY_RE.search(t):
                    mark(i, "captions", "caption of a photo, video or gallery")
                elif "debris" in rules and self._long_furniture(t.lower()):
                    mark(i, "debris", "page furniture (" + t.lower()[:40] + ")")
                continue
            low = t.lower()
            if "share" in rules and n <= 12 and self._is_share_strip(low):
                mark(i, "share", "share-button text")
            elif "debris" in rules and (self._debris.fullmatch(low) or any(ph in low for ph in self._phrases)):
                mark(i, "debris", "page furniture (" + low[:40] + ")")
            elif "captions" in rules and low.startswith(self._caption_prefixes):
                mark(i, "captions", "caption of a photo, video or gallery")
            elif "dateline" in rules and (i < body_start or k >= len(nonempty) - 3) and _DATE_RE.match(t):
                iso = _parse_date(t)
                if iso and not meta.get("date") and "date" not in found:
                    found["date"] = iso
                    mark(i, "dateline", f"date line, moved to metadata (date={iso})")
                else:
                    mark(i, "dateline", "date line")
            elif "keywords" in rules and _is_keyword_strip(t):
                mark(i, "keywords", "keyword strip")
            elif "garbage" in rules and n == 1 and _is_garbage(t, freq):
                mark(i, "garbage", "lone garbage token")

        if "running_heads" in rules:  # before the byline and the title: a masthead is neither
            _running_heads(raw, texts, nonempty, out, mark)
        if "byline" in rules:
            # (position among the non-empty lines, line): the position finds the neighbours without a search
            header = [(k, i) for k, i in enumerate(nonempty) if i < body_start and i not in out]
            for k, i in header:
                t = texts[i]
                m = _BY_RE.match(t)
                name = m.group(1) if m else None
                if name is None and (
                    _DESK_RE.match(t) or (self._near_header_marker(k, nonempty, out) and _looks_like_name(t, freq))
                ):
                    name = t
                if name:
                    if not meta.get("author") and "author" not in found:
                        found["author"] = name
                        mark(i, "byline", f"byline, moved to metadata (author={name})")
                    else:
                        mark(i, "byline", "byline")
        header_title = next((texts[i] for i in nonempty if i < body_start and i not in out), None)
        if (
            header_title
            and not meta.get("title")
            and 4 <= len(_WORDS_RE.findall(header_title)) <= 30
            and not header_title.endswith((".", "!", ","))
        ):
            found.setdefault("title", header_title)

        if "captions" in rules:
            self._short_captions(texts, nonempty, nw, out, mark)
        if "comments" in rules:
            self._comments(texts, nonempty, nw, out, mark)
        if "pull_quotes" in rules:
            _pull_quotes(raw, lines, texts, nonempty, nw, out, mark)
        return out

    def _is_share_strip(self, low: str) -> bool:
        # the parts between separators, read one at a time: the first word that is not a share word ends the test
        # (the parts of re.split(r"[\s|/•·,]+", low) that are not empty)
        share = self._share_words
        hits = 0
        for m in _SHARE_PART_RE.finditer(low):
            p = m.group().removeprefix("icon-").removeprefix("fa-").strip("()[]:")
            if p.isdigit() or not p:
                continue
            if p not in share:
                return False
            if p not in ("this", "on", "via", "article", "icon", "link", "copy", "save", "x"):
                hits += 1
        return hits >= 1

    def _near_header_marker(self, k: int, nonempty: list[int], out: Mapping[int, tuple[str, str]]) -> bool:
        """True when one of the two non-empty lines before or after the ``k``-th is a date line, debris or share
        text (a position, not a line number: looking the line up in ``nonempty`` made a page of short lines
        quadratic)."""
        neighbours = nonempty[max(0, k - 2) : k] + nonempty[k + 1 : k + 3]
        return any(out.get(j, ("", ""))[0] in ("dateline", "debris", "share") for j in neighbours)

    def _short_captions(self, texts, nonempty, words, out, mark) -> None:
        """A fragment of 1-4 words right after a subhead and before body text is an image caption."""
        for k in range(1, len(nonempty) - 1):
            i, prev, nxt = nonempty[k], nonempty[k - 1], nonempty[k + 1]
            if i in out or prev in out:
                continue
            t, p = texts[i], texts[prev]
            if not (1 <= words[i] <= 4) or t.endswith(_TERMINAL) or t.endswith(":"):
                continue
            prev_is_subhead = 1 <= words[prev] <= 10 and not p.endswith(_TERMINAL) and not p.endswith(":")
            next_is_body = words[nxt] >= 8 or nxt in out
            before_prev = nonempty[k - 2] if k >= 2 else None
            subhead_follows_body = (
                before_prev is None
                or words[before_prev] >= 8
                or before_prev in out
                # the short last line of a hard-wrapped paragraph (a PDF's text): its line before is body
                or (k >= 3 and nonempty[k - 3] == before_prev - 1 and words[before_prev - 1] >= 8)
            )
            if prev_is_subhead and next_is_body and subhead_follows_body:
                mark(i, "captions", "image caption after a subhead")

    def _comments(self, texts, nonempty, words, out, mark) -> None:
        # an explicit comment section: the marker and everything after it
        for k, i in enumerate(nonempty):
            if k >= len(nonempty) // 2 and self._comment_marker.fullmatch(texts[i].lower()):
                for j in nonempty[k:]:
                    mark(j, "comments", "reader comments section")
                return
        # short trailing lines that read like a reader's comment
        in_refs = False
        for i in nonempty:
            if _REF_HEAD_RE.match(texts[i]):
                in_refs = True
        for i in reversed(nonempty[-3:]):
            t = texts[i]
            if i in out:
                continue
            short = words[i] <= 30
            if short and (
                self._comment_phrase.search(t) or (in_refs and t[:1].islower() and not re.search(r"\d{4}", t))
            ):
                mark(i, "comments", "reader comment after the article")
            else:
                break

    # ------------------------------------------------------------------ repairs
    def _cut(self, tok: str) -> int:
        """Where to split ``tok`` (0: not a run-together word), remembered per spelling."""
        cache = self._split_cache
        cut = cache.get(tok)
        if cut is None:
            cut = (
                0
                if tok.isupper()
                else _best_split(tok, english_frequencies(), self.min_split_frequency, longest_word())
            )
            if len(cache) > cache_limits.SPLIT_TOKENS:
                cache.clear()
            cache[tok] = cut
        return cut

    def _split_edit(self, tok: str, raw_start: int) -> CleanEdit | None:
        cut = self._cut(tok)
        if cut <= 0:
            return None
        pos = raw_start + cut
        return CleanEdit(pos, pos, "", " ", "run_together", f"words run together: {tok} → {tok[:cut]} {tok[cut:]}")

    def split_words(self, result: CleanResult, model: TextModel) -> CleanResult:
        """Repair words run together by a lost space, found in the parsed vocabulary of ``result.text``.

        Only the document's unknown words (not in the English list: a set difference in C) are
        examined, so the usual document costs almost nothing:

        * ``ended.The``, ``Obamacare.Immigration``, ``Iran.Richard`` (one token: a word of three letters or more in
          lower case or with one capital, a full stop and a capitalised word, not a web domain's end: "Amazon.Com");
        * ``ofTurkey`` (a function word, then a capitalised word: "of" + "Turkey");
        * ``happenedagain`` (a long word seen once, split by :func:`_best_split`).

        Returns ``result`` itself when nothing needs repair (the usual case); otherwise a new
        result whose text must be parsed again.
        """
        if not self.enabled or "run_together" not in self.rules:
            return result
        freq = english_frequencies()
        counts = model.counts
        tokens = model.tokens
        new: list[CleanEdit] = []

        def occurrences(word: str) -> list[tuple[int, str]]:
            """(raw start, raw token) of each occurrence of ``word``."""
            out, i = [], -1
            for _ in range(counts[word]):
                i = tokens.index(word, i + 1)
                s, e = model.token_span(i)
                raw_start = result.to_raw(s)
                raw_tok = result.raw[raw_start : raw_start + (e - s)]
                if raw_tok.lower() == word:
                    out.append((raw_start, raw_tok))
            return out

        for word in sorted(set(counts).difference(english_words())):  # (a third faster than keys() - words)
            if "." in word:
                left, _, right = word.partition(".")
                if len(left) >= 3 and left.isalpha() and right.isalpha() and len(right) >= 2:
                    # "ended.The", and also a name or a word of no list after the stop ("Obamacare.Immigration",
                    # "Iran.Richard"): a lower-case word, a stop and a capital, with no space, is a lost one
                    for start, tok in occurrences(word):
                        cut = len(left) + 1
                        before, after = tok[: cut - 1], tok[cut:]
                        if (
                            after[:1].isupper()
                            and after[1:].islower()
                            and (before.islower() or (before[:1].isupper() and before[1:].islower()))
                            and after.lower() not in _DOMAIN_ENDS
                        ):
                            new.append(
                                CleanEdit(
                                    start + cut,
                                    start + cut,
                                    "",
                                    " ",
                                    "run_together",
                                    f"missing space after a full stop: {tok}",
                                )
                            )
                continue
            if not word.isalpha():
                continue
            head = None
            if word[:2] in _HEAD_PREFIXES:
                head = next(
                    (
                        h
                        for h in _HEAD_WORDS
                        if word.startswith(h) and word[len(h) :] in freq and len(word) - len(h) >= 3
                    ),
                    None,
                )
            if head is not None:
                for start, tok in occurrences(word):
                    if tok[: len(head)].islower() and tok[len(head)].isupper() and tok[len(head) + 1 :].islower():
                        pos = start + len(head)
                        new.append(
                            CleanEdit(
                                pos,
                                pos,
                                "",
                                " ",
                                "run_together",
                                f"words run together: {tok} → {tok[: len(head)]} {tok[len(head) :]}",
                            )
                        )
                if new and new[-1].reason.startswith(f"words run together: {word[:1]}"):
                    continue
            if len(word) >= 7 and counts[word] == 1 and (self._cut(word) or self._cut(word.capitalize())):
                for start, tok in occurrences(word):
                    if edit := self._split_edit(tok, start):
                        new.append(edit)
        if not new:
            return result
        edits = _resolve_overlaps([*result.edits, *new])
        return CleanResult(result.raw, _apply(result.raw, edits), tuple(edits), result.metadata)


# ---------------------------------------------------------------------- helpers
def _lines(raw: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    n = len(raw)
    while pos <= n:
        nl = raw.find("\n", pos)
        if nl < 0:
            out.append((pos, n))
            break
        out.append((pos, nl))
        pos = nl + 1
    return out


def _parse_date(text: str) -> str | None:
    m = _DATE_RE.match(text.strip())
    if not m:
        return None
    g = m.groupdict()
    try:
        for mk, dk, yk in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
            if g[mk]:
                month = datetime.strptime(g[mk][:3].title(), "%b").month
                return datetime(int(g[yk]), month, int(g[dk])).date().isoformat()
        if g["y3"]:
            return datetime(int(g["y3"]), int(g["m3"]), int(g["d3"])).date().isoformat()
        if g["y4"]:
            return datetime(int(g["y4"]), int(g["m4"]), int(g["d4"])).date().isoformat()
    except ValueError:
        return None
    return None


def _looks_like_name(text: str, freq: Mapping[str, int]) -> bool:
    toks = text.split()
    if not 2 <= len(toks) <= 4 or not all(_NAME_TOKEN_RE.match(t) for t in toks):
        return False
    # at least one token must be unusual as an English word (names, not "Key Points")
    return any(freq.get(t.lower().strip(".'’"), 0) < 500 for t in toks)


def _is_keyword_strip(text: str) -> bool:
    if text.endswith((".", "!", "?", ":")):
        return False
    # three items or more need two separators or more: most lines have fewer (counted in C before any split)
    if sum(map(text.count, _KEYWORD_SEPARATORS)) < 2:
        return False
    items = [x.strip() for x in re.split(r"[,|•·;]", text) if x.strip()]
    if len(items) < (3 if text.rstrip().endswith(",") else 4):
        return False
    for item in items:
        toks = item.split()
        if not 1 <= len(toks) <= 4:
            return False
        if not all(t[:1].isupper() or t[:1].isdigit() or t.lower() in ("of", "and", "the", "for", "in") for t in toks):
            return False
    return True


_KEYWORD_SEPARATORS = (",", "|", "•", "·", ";")  # the characters _is_keyword_strip splits at


def _is_garbage(token: str, freq: Mapping[str, int]) -> bool:
    if len(token) < 6 or not token.isalpha() or freq.get(token.lower(), 0) > 0:
        return False
    low = token.lower()
    vowels = sum(1 for c in low if c in _VOWELS)
    run = longest = 0
    for c in low:
        run = 0 if c in _VOWELS else run + 1
        longest = max(longest, run)
    return longest >= 4 or vowels / len(low) < 0.25 or (token.isupper() and len(token) >= 9)


_PREFIXES = (
    "counter",
    "anti",
    "non",
    "pre",
    "post",
    "over",
    "under",
    "inter",
    "multi",
    "trans",
    "cross",
    "self",
    "semi",
    "mid",
    "geo",
    "super",
    "sub",
    "out",
    "mis",
    "dis",
    "re",
    "un",
    "co",
    "de",
)
_SUFFIXES = (
    "izations",
    "isations",
    "ization",
    "isation",
    "izing",
    "ising",
    "ized",
    "ised",
    "izes",
    "ises",
    "ize",
    "ise",
    "nesses",
    "ness",
    "ments",
    "ment",
    "ities",
    "ity",
    "ally",
    "ly",
    "ers",
    "er",
    "ists",
    "ist",
    "isms",
    "ism",
    "able",
    "ible",
    "ful",
    "less",
    "ians",
    "ian",
    "ings",
    "ing",
    "ed",
    "es",
    "s",
)


def _is_derived(low: str, freq: Mapping[str, int]) -> bool:
    """True if ``low`` is a known word plus a productive prefix or suffix ("operationalize")."""
    for suf in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 4:
            stem = low[: -len(suf)]
            if stem in freq or stem + "e" in freq:
                return True
    return any(low.startswith(pre) and len(low) - len(pre) >= 4 and low[len(pre) :] in freq for pre in _PREFIXES)


#: Very common words that may end a run-together token written with a capital
#: ("Afghanistanis" = "Afghanistan is"); "in" and "on" are left out because
#: many names end with them (Clinton, Antonin).
_TAIL_WORDS = frozenset({"is", "was", "and", "has", "had", "the", "of", "are", "were", "again"})
#: Endings of inflected or derived word forms that rarely open a closed compound.
_INFLECTED = ("ed", "ing", "ly", "ic", "al", "ous", "ive", "ful", "ent", "ant", "ary", "ory", "ies", "ion", "ions")
#: Function words that may start a camel-case run-together token ("ofTurkey").
_HEAD_WORDS = frozenset(
    {"of", "in", "to", "the", "and", "on", "for", "at", "by", "with", "from", "that", "as", "is", "was", "a", "an"}
)
_HEAD_PREFIXES = frozenset(h[:2] for h in _HEAD_WORDS)


def _best_split(token: str, freq: Mapping[str, int], minf: int, longest: int | None = None) -> int:
    """Split point of a run-together word, or 0 when it should stay whole.

    A lower-case token splits into two words, each at least ``minf`` frequent,
    when the joined form is not a word nor a known word with a productive
    prefix or suffix ("operationalize"), and either the second word is a very
    common word ("happenedagain") or the first is an inflected or derived form
    ("diplomaticcollaborations"); closed compounds begin with a bare stem
    ("whistleblower") and stay whole. A capitalised
    token splits only before a very common word ("Afghanistanis"); tokens with
    inner capitals are brand names ("WikiLeaks") and never split here. ``longest``: the length of the
    longest word of ``freq`` (computed when not given).
    """
    low = token.lower()
    if _is_derived(low, freq):
        return 0
    if token.islower():
        best, best_score = 0, 0
        # both halves must be words of the list, so neither is longer than its longest word: only those cuts
        # are tried (a 100,000-letter token from a PDF gives no cut, instead of 100,000 slices of itself)
        if longest is None:
            longest = max(map(len, freq), default=0)
        for cut in range(max(6, len(low) - longest), min(len(low) - 1, longest + 1)):
            a, b = low[:cut], low[cut:]
            fa, fb = freq.get(a, 0), freq.get(b, 0)
            if fa < minf or fb < minf or min(fa, fb) <= best_score:
                continue
            # closed compounds ("whistleblower", "smartphone") start with a bare stem;
            # run-together words usually start with an inflected or derived form
            if b in _TAIL_WORDS or (len(b) >= 5 and a.endswith(_INFLECTED)):
                best, best_score = cut, min(fa, fb)
        return best
    if token[0].isupper() and token[1:].islower():
        for tail in _TAIL_WORDS:
            cut = len(low) - len(tail)
            if low.endswith(tail) and cut >= 6 and freq.get(low[:cut], 0) >= minf * 4:
                return cut
    return 0


_AGENCY = r"(?:AP(?:\s+Photo)?|Getty\s+Images|AFP|Reuters|EPA|Bloomberg|Shutterstock)"
#: a credit in brackets: "(AP Photo/Czarek Sokolowski)", "(Photo: Ross D. Franklin, AP)", "(John Moore / Getty Images)"
_CREDIT_PAREN_RE = re.compile(
    r"\((?:(?:AP|AFP|Reuters|EPA)\s+Photo\b|(?:Photo(?:graph)?|Image|Picture)(?:\s+by\b|:))[^()\n]{0,120}\)"
    rf"|\([^()\n]{{1,80}}?\s?/\s?{_AGENCY}(?:,\s*File)?\)"
)
#: a credit after a bar: "… applause. | Mandel Ngan/AFP/Getty Images"
_CREDIT_BAR_RE = re.compile(rf"\| [^|\n/]{{1,60}}/(?:[^|\n/]{{1,40}}/)?{_AGENCY}\b")
#: a credit that ends a line after a sentence: "… an honorable man.” Photograph: Saul Loeb/AFP" (the text
#: after the colon; the label before it is read by :func:`_credits`)
_CREDIT_TAIL_RE = re.compile(r"[^\n.!?]{1,100}(?=\n|\Z)")
_CREDIT_LABELS = (" Photograph", " Photo", " Image", " Picture")


#: a footnote number (1 to 3 digits) glued to a sentence's stop, perhaps after a closing quotation mark, before a
#: space and a capital ("reopen.3 The", 'it."12 Kabul'); the search starts at the stop, which the regex engine
#: scans for in C (a pattern opening with the letters before it was ten times slower)
_FOOTNOTE_RE = re.compile(r"[.!?][\"”’']?(\d{1,3})(?=[ \t]+[A-Z“\"‘(])")


def _glued_quotes(raw: str) -> list[CleanEdit]:
    """A space lost between a sentence and a quotation mark (rule ``run_together``): 'healthcare."Immigrants
    have', 'rest.”He said', 'Baghdad.“Its'. The space goes before an opening mark and after a closing one; a
    straight mark opens when an even number of them come before it in its line. Without the space the two
    sentences were one, and the quotation's first word was glued to the previous sentence's stop."""
    edits = []
    for mark in '"“”':
        p = raw.find(mark, 2)
        while p >= 0:
            if raw[p - 1] in ".!?" and raw[p - 2].islower() and raw[p + 1 : p + 2].isupper():
                if mark == '"':
                    opens = raw.count('"', raw.rfind("\n", 0, p) + 1, p) % 2 == 0
                else:
                    opens = mark == "“"
                at = p if opens else p + 1
                edits.append(
                    CleanEdit(
                        at, at, "", " ", "run_together", f"missing space at a quotation mark: {raw[p - 1 : p + 2]}"
                    )
                )
            p = raw.find(mark, p + 1)
    return edits


def _footnotes(raw: str) -> list[CleanEdit]:
    """Footnote numbers after a sentence (rule ``footnotes``): the stop must follow two lower-case letters, so
    "p.12", "U.S.2", "2.3 Million" and "in 1950. He" stay."""
    edits = []
    for m in _FOOTNOTE_RE.finditer(raw):
        p = m.start()
        if p >= 2 and raw[p - 1].islower() and raw[p - 2].islower():
            s, e = m.span(1)
            edits.append(CleanEdit(s, e, raw[s:e], "", "footnotes", "footnote number after a sentence"))
    return edits


def _credits(raw: str) -> list[CleanEdit]:
    """Photo credits inside the text (rule ``credits``). Each search starts from one character ("(", "|", ":"),
    which the regex engine and ``str.find`` skip to in C. A credit at the end of a line counts only after a
    sentence."""
    edits = []
    for m in _CREDIT_PAREN_RE.finditer(raw):
        s = m.start() - 1 if m.start() and raw[m.start() - 1] == " " else m.start()
        edits.append(CleanEdit(s, m.end(), raw[s : m.end()], "", "credits", "photo credit"))
    if "|" in raw:  # one character: found by memchr (a needle ending in a space is searched slowly)
        for m in _CREDIT_BAR_RE.finditer(raw):
            s = m.start()
            if s and raw[s - 1] == " ":
                edits.append(CleanEdit(s - 1, m.end(), raw[s - 1 : m.end()], "", "credits", "photo credit"))
    colon = raw.find(":")
    while colon >= 0:
        label = next((w for w in _CREDIT_LABELS if raw.endswith(w, 0, colon)), None)
        if label is not None and raw.startswith(" ", colon + 1):
            s = colon - len(label)
            tail = _CREDIT_TAIL_RE.match(raw, colon + 2)
            if tail is not None and s > 0 and raw[s - 1] in ".!?”\"’')":
                edits.append(CleanEdit(s, tail.end(), raw[s : tail.end()], "", "credits", "photo credit"))
        colon = raw.find(":", colon + 1)
    return edits


#: what may follow the "MORE" that ends a name card: a space, punctuation, a possessive or the text's end
_CARD_AFTER = frozenset(" \t\n,.;:)'’")
#: a name given again in full right after itself, the card's first words: "Rubio Marco Antonio Rubio",
#: "Trump Donald John Trump", "McConnell Addison (Mitch) Mitchell McConnell"
#: (a look-ahead, so that every word is tried as the surname: in "Marco Rubio Marco Antonio Rubio" the first
#: name repeats too)
_CARD_NAME_RE = re.compile(r"\b(?=([A-Z][\w’'-]*[a-z])[ \t]+((?:[A-Z(][\w.’'()-]*[ \t]+){1,4}\1)(?![a-z]))")
#: characters before "MORE" in which the card's name is looked for (the name and three headlines)
_CARD_SPAN = 700
#: the least length of a card's headlines (between the full name and "MORE"); three headlines are 150 or more
_CARD_HEADLINES = 40


def _name_cards(raw: str) -> list[CleanEdit]:
    """Pop-up cards of linked names scraped into the text (rule ``name_cards``): a name, the same name in full,
    the headlines of stories about the person and "MORE", all on one line. The full name, the headlines and
    "MORE" go; the name as written stays. A card is recognised by the name given twice (the surname repeated
    after one to four capitalised words) before a "MORE" in capitals; without that, nothing is removed."""
    edits = []
    floor = 0
    p = raw.find(" MORE")
    while p >= 0:
        end = p + 5
        if end == len(raw) or raw[end] in _CARD_AFTER:
            lo = max(floor, p - _CARD_SPAN, raw.rfind("\n", 0, p) + 1)
            # the full name nearest the headlines, and the longest one ending there ("Rubio Marco Antonio Rubio",
            # not "Marco Rubio Marco")
            last = max(_CARD_NAME_RE.finditer(raw, lo, p), key=lambda m: (m.end(2), -m.start(2)), default=None)
            if last is not None and p - last.end(2) >= _CARD_HEADLINES:
                s = last.start(2) - 1  # the space before the full name
                edits.append(CleanEdit(s, end, raw[s:end], "", "name_cards", "pop-up card of a linked name"))
                floor = end
        p = raw.find(" MORE", end)
    return edits


def _dehyphenate(raw: str) -> list[CleanEdit]:
    freq = english_frequencies()
    edits = []
    for m in _DEHYPHEN_RE.finditer(raw):
        hyphen = m.start()
        left = _WORD_END_RE.search(raw, max(0, hyphen - 40), hyphen)
        if left is None:
            continue
        right = m.group(1)
        if (left.group() + right).lower() in freq:
            edits.append(
                CleanEdit(
                    hyphen,
                    m.start(1),
                    raw[hyphen : m.start(1)],
                    "",
                    "dehyphenate",
                    f"word broken across lines: {left.group()}-{right}",
                )
            )
        else:
            edits.append(
                CleanEdit(
                    hyphen + 1,
                    m.start(1),
                    raw[hyphen + 1 : m.start(1)],
                    "",
                    "dehyphenate",
                    f"hyphenated word broken across lines: {left.group()}-{right}",
                )
            )
    return edits


def _middle(t: str, width: int = 30) -> str:
    mid = len(t) // 2
    return t[max(0, mid - width // 2) : mid + width // 2]


def _count_near(raw: str, needle: str, pos: int, window: int = _PULL_QUOTE_WINDOW) -> int:
    return raw.count(needle, max(0, pos - window), pos + window) if needle else 0


def _pull_quotes(raw, lines, texts, nonempty, nw, out, mark) -> None:
    """Remove standalone paragraphs that repeat a sentence of the body, or an earlier paragraph.

    A paragraph of 6-80 words whose words occur again elsewhere in the text is
    a copy: the later of two identical paragraphs goes ("paragraph repeated");
    a paragraph repeated inside a longer one is a pull quote and goes.
    """
    candidates = [i for i in nonempty if i not in out and 6 <= nw[i] <= 80]
    # cheap filter: a copy shares its middle characters with another place of the text
    # (searched within a window around the paragraph, so a huge document stays linear in time)
    candidates = [i for i in candidates if _count_near(raw, _middle(texts[i]), lines[i][0]) >= 2]
    if not candidates:
        return
    norm = " " + " ".join(_WORDS_RE.findall(raw.lower())) + " "
    keys = {i: " " + " ".join(_WORDS_RE.findall(texts[i].lower())) + " " for i in candidates}
    standalone: dict[str, list[int]] = {}
    for i in candidates:
        standalone.setdefault(keys[i], []).append(i)
    for key, paras in standalone.items():
        if len(key) < 12 or norm.count(key) < 2:
            continue
        if len(paras) > 1:
            for i in paras[1:]:
                mark(i, "pull_quotes", "paragraph repeated")
        elif norm.count(key) >= 2:
            mark(paras[0], "pull_quotes", "pull quote repeating a sentence of the body")


def _running_heads(raw, texts, nonempty, out, mark) -> None:
    """Remove the running headers and footers of PDF pages: short lines that recur with only their numbers changing.

    In a text with page breaks (form feeds, as pdftotext and pdfminer write them), a line of at most 12 words
    that holds a number ("THE DAILY LEDGER  4", "March 3, 2025") is a running head when its shape (lower case,
    white space collapsed, every number as "#") occurs twice or more. Without page breaks, only a shape that
    says "page" ("Page 3", "page 3 of 12") and occurs three times or more: web pages repeat numbered lines of
    their own (the times of a live blog, "Day 1:", "2013:"), which are not page furniture. Words are counted
    by splitting, not by spaces: page layout pads a header with runs of them.

    Page layout also tells a running head without page breaks: short lines whose parts are set apart by a gap
    of three or more spaces, one part (numbers as "#") shared by two lines or more ("THE FRONTIER POST   Monday,
    6 October 2025" and "THE FRONTIER POST   2").
    """
    paged = "\x0c" in raw
    shapes: dict[str, list[int]] = {}
    parts: dict[str, list[int]] = {}
    has_digit = _DIGITS_RE.search
    for i in nonempty:
        t = texts[i]
        if "   " in t or "\t" in t:
            pieces = _LAYOUT_GAP_RE.split(t)
            if len(pieces) > 1 and len(t.split()) <= _RUNNING_HEAD_WORDS:
                for piece in dict.fromkeys(_DIGITS_RE.sub("#", " ".join(p.lower().split())) for p in pieces):
                    if any(c.isalpha() for c in piece):
                        parts.setdefault(piece, []).append(i)
        # cheapest tests first: most lines are paragraphs, and without page breaks only a line saying "page" counts
        if len(t) > _RUNNING_HEAD_CHARS or (not paged and "age" not in t and "AGE" not in t):
            continue
        if not has_digit(t):  # a line another rule removed still counts as a repeat (mark keeps its rule)
            continue
        words = t.lower().split()
        if len(words) <= _RUNNING_HEAD_WORDS:
            shapes.setdefault(_DIGITS_RE.sub("#", " ".join(words)), []).append(i)
    for shape, same in shapes.items():
        if paged:
            furniture = len(same) >= 2
        else:
            furniture = len(same) >= 3 and _PAGE_WORD_RE.search(shape) is not None
        if furniture:
            for i in same:
                mark(i, "running_heads", "running header or footer of a page")
    for same in parts.values():
        if len(same) >= 2:
            for i in same:
                mark(i, "running_heads", "running header or footer of a page (set apart by the page's layout)")


def _resolve_overlaps(edits: list[CleanEdit]) -> list[CleanEdit]:
    """Sort edits; drop any that falls inside an earlier, wider one (line removals win over repairs)."""
    edits.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[CleanEdit] = []
    last_end = 0
    for e in edits:
        if e.start < last_end:
            continue
        if out and e.start == e.end == out[-1].start == out[-1].end:
            continue  # two insertions at one place
        out.append(e)
        last_end = e.end
    return out


def _apply(raw: str, edits: list[CleanEdit]) -> str:
    parts = []
    pos = 0
    for e in edits:
        parts.append(raw[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(raw[pos:])
    return "".join(parts)
