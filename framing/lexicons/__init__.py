"""Lexicons as data: one loader for bundled files, user files and dicts, compiled once.

A lexicon is a list of entries ``(term, category, weight, extra columns)``.
Terms may be multi-word ("there is no doubt") and may end in a glob ``*``
("harbour*" matches "harbours", "harboured", "harbouring"). Categories can
nest with ``/`` ("hedge/modal"), as in quanteda's dictionaries.

Formats, chosen by file extension:

``.tsv`` / ``.csv``
    optional ``# key: value`` header lines (name, source, licence, version,
    description), then a header row naming the columns (``term`` required;
    ``category``, ``weight`` and any other columns optional), then one entry
    per row. This is the format of the bundled files.
``.yaml`` / ``.yml``
    ``name``/``source``/``licence``/``version`` keys and either
    ``categories: {category: [term, ...] | {term: weight}}`` or
    ``entries: [{term, category, weight, ...}]``.
``.dic``
    LIWC-style: a ``%``-delimited block of ``number<TAB>category`` lines, then
    ``term<TAB>number<TAB>number...`` lines. Restricted dictionaries (LIWC,
    NRC, LSD, MPQA) are loaded this way from the user's own copy; none is bundled.

A plain ``dict`` works too: ``{category: [terms]}``, ``{category: {term: weight}}``
or ``{term: weight}``.

Matching is by token, on the :class:`~framing.text.TextModel`: the lexicon's
vocabulary is intersected with the document's word index, so a document costs
time in proportion to its matches, not to the size of the lexicon.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from .. import cache_limits
from .._frozen import FrozenDict
from .._yaml import parse_yaml
from ..errors import ConfigError
from ..text import WORD_RE, TextModel
from ..vocab import common_words

__all__ = ["EntryHits", "Lexicon", "LexiconEntry", "Match", "bundled_lexicons", "load_lexicon"]

_META_KEYS = ("name", "source", "licence", "license", "version", "description", "url", "citation")
_RESERVED = ("term", "category", "weight")


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One lexicon row. ``words`` is the tokenized, lower-cased term (a trailing ``*`` marks a glob)."""

    term: str
    words: tuple[str, ...]
    category: str
    weight: float = 1.0
    extra: Mapping[str, str] = field(default_factory=dict)
    line: int | None = None

    @property
    def is_glob(self) -> bool:
        return any(w.endswith("*") for w in self.words)

    def __reduce__(self) -> tuple[Any, ...]:
        # rebuilt from its fields: a dataclass's default unpickling looks its fields up again for every
        # entry, and a pipeline holds tens of thousands of entries (each copy sent to a worker unpickles them)
        return (LexiconEntry, (self.term, self.words, self.category, self.weight, self.extra, self.line))


class Match(NamedTuple):
    """A lexicon match: tokens ``start`` to ``end`` (exclusive) of the text model, and the entry."""

    start: int
    end: int
    entry: LexiconEntry


def _term_words(term: str) -> tuple[str, ...]:
    """Tokenize a term the way the text model tokenizes text, keeping glob stars."""
    out = []
    for raw in term.lower().split():
        star = raw.endswith("*")
        toks = WORD_RE.findall(raw.rstrip("*"))
        if not toks:
            continue
        if star:
            toks[-1] += "*"
        out.extend(toks)
    return tuple(out)


class Lexicon:
    """A compiled lexicon.

    Args:
        entries: the entries.
        name: a short name ("hedges").
        meta: source, licence, version and description of the lexicon.
    """

    def __init__(self, entries: Iterable[LexiconEntry], name: str = "lexicon", meta: Mapping[str, str] | None = None):
        self.entries: tuple[LexiconEntry, ...] = tuple(e for e in entries if e.words)
        self.name = name
        self.meta = FrozenDict(dict(meta or {}))
        self._compile()

    # ------------------------------------------------------------------ building
    def _compile(self) -> None:
        """Index the entries for matching.

        Single words are looked up directly. A multi-word entry without globs is
        looked up by its *anchor*, its rarest word (the longest word that is not a
        common function word: "believed" in "it is believed"), then checked around
        it, so "it is believed" costs nothing at the many "it"s of a text; one
        neighbouring word is compared first (most "believed"s are not in "it is
        believed"). Entries with a glob are looked up by their first word (or its
        prefix).
        """
        common = common_words()
        single: dict[str, list[int]] = {}
        anchored: dict[str, list[tuple[int, tuple[str, ...], int, int, str]]] = {}
        multi_glob: dict[str, list[int]] = {}
        globs: list[tuple[str, int]] = []
        for k, e in enumerate(self.entries):
            words = e.words
            first = words[0]
            if first.endswith("*"):
                globs.append((first[:-1], k))
            elif len(words) == 1:
                single.setdefault(first, []).append(k)
            elif any(w.endswith("*") for w in words):
                multi_glob.setdefault(first, []).append(k)
            else:
                a = max(range(len(words)), key=lambda i: (words[i] not in common, len(words[i]), -i))
                d = 1 if a + 1 < len(words) else -1  # the neighbour compared first
                anchored.setdefault(words[a], []).append((a, words, k, d, words[a + d]))
        self._single = {w: tuple(ks) for w, ks in single.items()}
        self._anchored = {w: tuple(v) for w, v in anchored.items()}
        self._multi_glob = {w: tuple(ks) for w, ks in multi_glob.items()}
        self._keys = frozenset(single) | frozenset(anchored) | frozenset(multi_glob)
        self._globs = tuple(sorted(globs, key=lambda g: -len(g[0])))
        self._glob_re = (
            re.compile("|".join(f"(?P<g{i}>{re.escape(p)}\\w*)" for i, (p, _) in enumerate(self._globs)))
            if globs
            else None
        )
        self._glob_cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], name: str = "lexicon", meta: Mapping[str, str] | None = None
    ) -> Lexicon:
        """Build from ``{category: [terms]}``, ``{category: {term: weight}}`` or ``{term: weight}``."""
        entries: list[LexiconEntry] = []
        for key, value in data.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                entries.append(LexiconEntry(str(key), _term_words(str(key)), name, float(value)))
            elif isinstance(value, Mapping):
                for term, w in value.items():
                    entries.append(LexiconEntry(str(term), _term_words(str(term)), str(key), _weight(w, name, None)))
            elif isinstance(value, (list, tuple, set, frozenset)):
                for term in value:
                    entries.append(LexiconEntry(str(term), _term_words(str(term)), str(key), 1.0))
            else:
                raise ConfigError(
                    "a lexicon dict maps a category to a list or dict of terms, or a term to a weight",
                    path=name,
                    field=str(key),
                    found=repr(value),
                )
        return cls(entries, name=name, meta=meta)

    def with_entries(self, extra: Lexicon | Mapping[str, Any] | Iterable[LexiconEntry]) -> Lexicon:
        """A new lexicon with ``extra`` entries added (a user's own words); this one is unchanged."""
        if isinstance(extra, Lexicon):
            more = extra.entries
        elif isinstance(extra, Mapping):
            more = Lexicon.from_dict(extra, name=self.name).entries
        else:
            more = tuple(extra)
        return Lexicon(self.entries + tuple(more), name=self.name, meta=self.meta)

    def without_terms(self, terms: Iterable[str]) -> Lexicon:
        """A new lexicon without the given terms."""
        drop = {_term_words(t) for t in terms}
        return Lexicon([e for e in self.entries if e.words not in drop], name=self.name, meta=self.meta)

    def subset(self, category: str) -> Lexicon:
        """A new lexicon with only the entries of ``category`` and its sub-categories."""
        pre = category.rstrip("/") + "/"
        keep = [e for e in self.entries if e.category == category or e.category.startswith(pre)]
        return Lexicon(keep, name=f"{self.name}:{category}", meta=self.meta)

    # ------------------------------------------------------------------ info
    @property
    def categories(self) -> list[str]:
        return sorted({e.category for e in self.entries})

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self.entries)

    def __repr__(self) -> str:
        version = self.meta.get("version")
        v = f", version {version}" if version else ""
        return f"Lexicon({self.name!r}, {len(self.entries):,} entries, {len(self.categories)} categories{v})"

    def to_frame(self):
        """The entries as a pandas DataFrame."""
        import pandas as pd

        return pd.DataFrame(
            [{"term": e.term, "category": e.category, "weight": e.weight, **dict(e.extra)} for e in self.entries]
        )

    def lookup(self, word: str) -> tuple[LexiconEntry, ...]:
        """Single-word entries (exact or glob) that match ``word``."""
        w = word.lower()
        ks = self._single.get(w, ()) + self._glob_match(w)
        return tuple(self.entries[k] for k in ks if len(self.entries[k].words) == 1)

    # ------------------------------------------------------------------ matching
    def _glob_match(self, word: str) -> tuple[int, ...]:
        cache = self._glob_cache
        hit = cache.get(word)
        if hit is not None:
            return hit
        out: tuple[int, ...] = ()
        if self._glob_re is not None and self._glob_re.match(word):
            out = tuple(k for p, k in self._globs if word.startswith(p))
        if len(cache) > cache_limits.GLOB_WORDS:
            cache.clear()
        cache[word] = out
        return out

    def _word_matches(self, pattern: str, word: str) -> bool:
        return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern

    @staticmethod
    def _fits(model: TextModel, i: int, n: int) -> bool:
        """True if ``n`` more tokens after token ``i`` stay inside its sentence."""
        st = model.sent_tok
        s = bisect.bisect_right(st, i) - 1
        return i + n < st[s + 1]

    def match(self, model: TextModel, overlap: bool = False) -> list[Match]:
        """All matches in ``model``, in text order.

        Multi-word entries never span two sentences. By default matches do not
        overlap: at each position the longest entry wins and a later match that
        starts inside an earlier one is dropped ("there is no doubt" hides
        "doubt"). ``overlap=True`` keeps them all.
        """
        entries = self.entries
        return [Match(i, j, entries[k]) for i, j, k in self.hits(model, overlap)]

    def hits(self, model: TextModel, overlap: bool = False) -> list[tuple[int, int, int]]:
        """The matches of :meth:`match` as ``(start token, end token, entry index)``: no object per match,
        for analyzers that read many hits (see :class:`EntryHits`)."""
        index = model.index
        tokens = model.tokens
        ntok = len(tokens)
        st = model.sent_tok
        bisect_right = bisect.bisect_right
        found: list[tuple[int, int, int, int]] = []  # (start, -length, entry, end): ranked by the first two
        keys = self._keys
        for w in keys.intersection(index) if len(keys) > len(index) else [w for w in index if w in keys]:
            positions = index[w]
            for k in self._single.get(w, ()):
                found += [(i, -1, k, i + 1) for i in positions]
            for a, words, k, d, neighbour in self._anchored.get(w, ()):
                n = len(words)
                for p in positions:
                    i = p - a
                    q = p + d
                    if i < 0 or q >= ntok or tokens[q] != neighbour:
                        continue
                    s = bisect_right(st, p) - 1
                    if i >= st[s] and i + n <= st[s + 1] and tuple(tokens[i : i + n]) == words:
                        found.append((i, -n, k, i + n))
            for k in self._multi_glob.get(w, ()):
                rest = self.entries[k].words[1:]
                n = len(rest)
                for i in positions:
                    if self._fits(model, i, n) and all(
                        self._word_matches(p, t) for p, t in zip(rest, tokens[i + 1 : i + 1 + n])
                    ):
                        found.append((i, -1 - n, k, i + 1 + n))
        if self._globs:
            for w in index:
                for k in self._glob_match(w):
                    rest = self.entries[k].words[1:]
                    n = len(rest)
                    for i in index[w]:
                        if not n or (
                            self._fits(model, i, n)
                            and all(self._word_matches(p, t) for p, t in zip(rest, tokens[i + 1 : i + 1 + n]))
                        ):
                            found.append((i, -1 - n, k, i + 1 + n))
        found.sort(key=_START_LONGEST)  # stable: equal ranks keep the order they were found in
        if overlap or len(found) < 2:
            return [(i, j, k) for i, _, k, j in found]
        out: list[tuple[int, int, int]] = []
        last_end = -1
        last_start = -1
        for i, _, k, j in found:
            if i < last_end and i != last_start:
                continue
            if i == last_start and j != last_end:
                continue  # a shorter entry at the same place
            out.append((i, j, k))
            last_start, last_end = i, j
        return out

    def match_text(self, text: str, overlap: bool = False) -> list[tuple[int, int, LexiconEntry]]:
        """Character spans of matches in a plain string (parses it first)."""
        model = TextModel(text)
        return [(*model.tokens_span(m.start, m.end), m.entry) for m in self.match(model, overlap=overlap)]


_START_LONGEST = itemgetter(0, 1)


class EntryHits:
    """A lexicon's matches as ``(start token, end token, info)``, where ``info`` is what an analyzer reads of
    the entry, computed once per entry (``info(entry)``) instead of from a :class:`Match` per hit."""

    def __init__(self, lexicon: Lexicon, info: Callable[[LexiconEntry], Any]) -> None:
        self.lexicon = lexicon
        self.infos: list[Any] = [info(e) for e in lexicon.entries]
        self.globs = any(e.is_glob for e in lexicon.entries)

    def hits(self, model: TextModel) -> list[tuple[int, int, Any]]:
        """The lexicon's matches (:meth:`Lexicon.match`), in text order."""
        infos = self.infos
        return [(i, j, infos[k]) for i, j, k in self.lexicon.hits(model)]


def _weight(value: Any, path: str | None, line: int | None) -> float:
    if value in (None, ""):
        return 1.0
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ConfigError("weight is not a number", path=path, line=line, field="weight", found=str(value)) from None


# ---------------------------------------------------------------------- loading
def _read_tsv(text: str, path: str, delimiter: str) -> tuple[list[LexiconEntry], dict[str, str]]:
    meta: dict[str, str] = {}
    lines = text.splitlines()
    body_start = 0
    for n, text_line in enumerate(lines):
        s = text_line.strip()
        if not s:
            continue
        if s.startswith("#"):
            m = re.match(r"#\s*([A-Za-z_]+)\s*:\s*(.*)$", s)
            if m and m.group(1).lower() in _META_KEYS:
                meta[m.group(1).lower().replace("license", "licence")] = m.group(2).strip()
            continue
        body_start = n
        break
    else:
        return [], meta
    reader = csv.reader(io.StringIO("\n".join(lines[body_start:])), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader)]
    if "term" not in header:
        raise ConfigError(
            "the first row after the comments must name the columns",
            path=path,
            line=body_start + 1,
            expected="a 'term' column (and optionally 'category', 'weight')",
            found=delimiter.join(header),
        )
    t_i = header.index("term")
    c_i = header.index("category") if "category" in header else None
    w_i = header.index("weight") if "weight" in header else None
    others = [(i, h) for i, h in enumerate(header) if h not in _RESERVED]
    entries = []
    default_cat = meta.get("name", Path(path).stem)
    for k, row in enumerate(reader):
        line = body_start + 2 + k
        if not row or not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) > len(header):
            raise ConfigError(
                f"{len(row)} columns where the header has {len(header)}",
                path=path,
                line=line,
                expected=delimiter.join(header),
                found=delimiter.join(row),
            )
        row = row + [""] * (len(header) - len(row))
        term = row[t_i].strip()
        if not term:
            raise ConfigError("empty term", path=path, line=line, field="term")
        words = _term_words(term)
        if not words:
            raise ConfigError("term has no word characters", path=path, line=line, field="term", found=term)
        category = row[c_i].strip() if c_i is not None and row[c_i].strip() else default_cat
        weight = _weight(row[w_i].strip(), path, line) if w_i is not None else 1.0
        extra = {h: row[i].strip() for i, h in others if row[i].strip()}
        entries.append(LexiconEntry(term, words, category, weight, FrozenDict(extra), line))
    return entries, meta


def _read_dic(text: str, path: str) -> tuple[list[LexiconEntry], dict[str, str]]:
    lines = text.splitlines()
    marks = [n for n, line in enumerate(lines) if line.strip() == "%"]
    if len(marks) < 2:
        raise ConfigError(
            "a LIWC-style .dic file starts with a block of categories between two '%' lines",
            path=path,
            line=1,
            found=lines[0] if lines else "",
        )
    cats: dict[str, str] = {}
    for n in range(marks[0] + 1, marks[1]):
        parts = lines[n].split()
        if not parts:
            continue
        if len(parts) < 2:
            raise ConfigError("category line needs a number and a name", path=path, line=n + 1, found=lines[n])
        cats[parts[0]] = parts[1]
    entries = []
    for n in range(marks[1] + 1, len(lines)):
        line = lines[n].strip()
        if not line:
            continue
        parts = re.split(r"\t+|\s{2,}", line) if "\t" in line else line.split()
        # terms may contain spaces (multi-word entries) when the file is tab-separated
        term, nums = parts[0], parts[1:]
        if "\t" not in line:
            # "term 1 2" or "multi word term 1 2": the numbers are the trailing digit tokens
            toks = line.split()
            k = len(toks)
            while k > 1 and toks[k - 1].isdigit():
                k -= 1
            term, nums = " ".join(toks[:k]), toks[k:]
        if not nums:
            raise ConfigError("dictionary line has no category number", path=path, line=n + 1, found=line)
        for num in nums:
            if num not in cats:
                raise ConfigError(
                    "unknown category number", path=path, line=n + 1, found=num, expected="one of " + ", ".join(cats)
                )
            entries.append(LexiconEntry(term, _term_words(term), cats[num], 1.0, {}, n + 1))
    return entries, {}


def _read_yaml(text: str, path: str) -> tuple[list[LexiconEntry], dict[str, str]]:
    data, _ = parse_yaml(text, path)
    if not isinstance(data, Mapping):
        raise ConfigError("a lexicon YAML file must be a mapping", path=path, found=type(data).__name__)
    meta = {k.replace("license", "licence"): str(v) for k, v in data.items() if k in _META_KEYS}
    unknown = [k for k in data if k not in _META_KEYS and k not in ("categories", "entries")]
    if unknown:
        raise ConfigError(
            "unknown key",
            path=path,
            field=str(unknown[0]),
            expected="name, source, licence, version, description, categories or entries",
        )
    entries: list[LexiconEntry] = []
    if "categories" in data:
        entries.extend(Lexicon.from_dict(data["categories"] or {}, name=path).entries)
    for k, row in enumerate(data.get("entries") or []):
        if not isinstance(row, Mapping) or "term" not in row:
            raise ConfigError("each entry needs a 'term'", path=path, field=f"entries[{k}]", found=repr(row))
        extra = {str(a): str(b) for a, b in row.items() if a not in _RESERVED}
        entries.append(
            LexiconEntry(
                str(row["term"]),
                _term_words(str(row["term"])),
                str(row.get("category", meta.get("name", "default"))),
                _weight(row.get("weight"), path, None),
                FrozenDict(extra),
            )
        )
    return entries, meta


def bundled_lexicons() -> list[str]:
    """Names of the lexicon files shipped with framing."""
    folder = resources.files("framing.lexicons").joinpath("data")
    return sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir() if p.name.endswith((".tsv", ".yaml")))


@lru_cache(maxsize=64)
def _load_bundled(name: str) -> Lexicon | None:
    """A bundled lexicon by name, read once per process (lexicons are never changed in place)."""
    folder = resources.files("framing.lexicons").joinpath("data")
    for ext in (".tsv", ".yaml"):
        f = folder.joinpath(name + ext)
        if f.is_file():
            text = f.read_text(encoding="utf-8")
            if ext == ".tsv":
                entries, meta = _read_tsv(text, f"framing/lexicons/data/{name}{ext}", "\t")
            else:
                entries, meta = _read_yaml(text, name)
            return Lexicon(entries, name=meta.get("name", name), meta=meta)
    return None


def load_lexicon(source: str | Path | Mapping[str, Any] | Lexicon, name: str | None = None) -> Lexicon:
    """Load a lexicon from a bundled name ("hedges"), a file path, a dict, or pass a Lexicon through."""
    if isinstance(source, Lexicon):
        return source
    if isinstance(source, Mapping):
        return Lexicon.from_dict(source, name=name or "lexicon")
    s = str(source)
    path = Path(s)
    if not path.suffix and not path.exists():
        bundled = _load_bundled(s)
        if bundled is not None:
            return bundled if name is None else Lexicon(bundled.entries, name=name, meta=bundled.meta)
        raise ConfigError(
            f"no bundled lexicon called {s!r} and no such file",
            path=s,
            expected="one of " + ", ".join(bundled_lexicons()),
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read lexicon file: {exc.strerror or exc}", path=path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    ext = path.suffix.lower()
    if ext in (".tsv", ".txt"):
        entries, meta = _read_tsv(text, s, "\t")
    elif ext == ".csv":
        entries, meta = _read_tsv(text, s, ",")
    elif ext in (".yaml", ".yml"):
        entries, meta = _read_yaml(text, s)
    elif ext == ".dic":
        entries, meta = _read_dic(text, s)
    else:
        raise ConfigError("unknown lexicon file type", path=path, expected=".tsv, .csv, .yaml, .yml or .dic", found=ext)
    return Lexicon(entries, name=name or meta.get("name", path.stem), meta=meta)
