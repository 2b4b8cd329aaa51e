"""Highlighted text: every evidence span and actor mention of a document, with a legend.

``a.explain(doc_id)`` returns a :class:`Highlight`: HTML in Jupyter (coloured
spans with tooltips giving the analyzer, category and weight), marked-up plain
text in a terminal. Overlapping spans are split at every boundary; each piece
carries the classes of all spans covering it. Article text is always escaped.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import OptionError

if TYPE_CHECKING:
    from .analysis import Analysis

__all__ = ["LEGEND", "LEGEND_CSS", "Highlight", "highlight"]

#: CSS class → (label for the legend, style). Stance words are coloured by sign.
LEGEND: dict[str, tuple[str, str]] = {
    "actor": ("actor mentioned", "font-weight:700;border-bottom:2px solid #000"),
    "stance-neg": ("negative word about an actor", "background:#f6c9a9"),
    "stance-pos": ("positive word about an actor", "background:#b3d4ec"),
    "hedge": ("hedge (uncertainty)", "background:#fbe3a6"),
    "booster": ("booster (certainty)", "background:#ecc4dc"),
    "prescription": ("prescription (must, should)", "background:#e3e3e3"),
    "source": ("source (who speaks)", "background:#b5e3d2"),
    "cue": ("reporting verb", "text-decoration:underline wavy #009E73"),
    "quote": ("quotation", "font-style:italic;color:#333"),
    "issue": ("issue keyword", "text-decoration:underline dotted #56B4E9;text-decoration-thickness:2px"),
    "frame": ("frame keyword", "text-decoration:underline dashed #CC79A7"),
    "other": ("other evidence", "background:#eeeeee"),
}
LEGEND_CSS = "".join(f".fr-{k}{{{v[1]}}}" for k, v in LEGEND.items()) + (
    ".fr-text{white-space:pre-wrap;line-height:1.7;font-size:1.02em}.fr-legend span{margin-right:.8em;padding:0 .2em}"
)
_TERMINAL_MARK = {
    "actor": ("[", "]"),
    "stance-neg": ("−{", "}"),
    "stance-pos": ("+{", "}"),
    "hedge": ("‹", "›"),
    "booster": ("«", "»"),
    "prescription": ("⟨", "⟩"),
    "source": ("⟦", "⟧"),
    "cue": ("_", "_"),
    "quote": ("", ""),
    "issue": ("", ""),
    "frame": ("", ""),
    "other": ("", ""),
}


def _css_class(analyzer: str, category: str, weight: float) -> str:
    cat = category.lower()
    if analyzer == "stance":
        return "stance-neg" if weight < 0 else "stance-pos"
    if analyzer == "hedging":
        if cat.startswith("booster"):
            return "booster"
        if cat.startswith(("prescription", "deontic")):
            return "prescription"
        return "hedge"
    if analyzer == "sourcing":
        if cat.startswith("quote"):
            return "quote"
        if cat.startswith(("cue", "verb", "reporting")):
            return "cue"
        return "source"
    if analyzer == "issues":
        return "issue"
    if analyzer == "frames":
        return "frame"
    return "other"


@dataclass
class Highlight:
    """A highlighted document (``_repr_html_`` for Jupyter, ``str`` for a terminal)."""

    doc_id: str
    text: str
    spans: list[tuple[int, int, str, str]]  # start, end, css class, tooltip
    title: str = ""

    def _segments(self) -> list[tuple[int, int, list[tuple[str, str]]]]:
        bounds = {0, len(self.text)}
        for s, e, _, _ in self.spans:
            bounds.update((s, e))
        cuts = sorted(b for b in bounds if 0 <= b <= len(self.text))
        # sweep: spans sorted by start
        spans = sorted(self.spans, key=lambda x: (x[0], -x[1]))
        out = []
        active: list[tuple[int, int, str, str]] = []
        k = 0
        for a, b in itertools.pairwise(cuts):
            while k < len(spans) and spans[k][0] <= a:
                active.append(spans[k])
                k += 1
            active = [x for x in active if x[1] > a]
            covering = [(c, t) for s, e, c, t in active if s <= a and e >= b]
            out.append((a, b, covering))
        return out

    @property
    def classes(self) -> list[str]:
        return sorted({c for _, _, c, _ in self.spans})

    def legend_html(self) -> str:
        used = self.classes
        items = "".join(f'<span class="fr-{c}">{html.escape(LEGEND[c][0])}</span>' for c in LEGEND if c in used)
        return f'<div class="fr-legend"><b>Legend:</b> {items}</div>'

    def to_html(self, standalone: bool = False) -> str:
        parts = []
        for a, b, covering in self._segments():
            piece = html.escape(self.text[a:b])
            if covering:
                classes = " ".join(dict.fromkeys(f"fr-{c}" for c, _ in covering))
                tip = html.escape(" | ".join(dict.fromkeys(t for _, t in covering)), quote=True)
                piece = f'<span class="{classes}" title="{tip}">{piece}</span>'
            parts.append(piece)
        body = f'<div class="fr-text">{"".join(parts)}</div>'
        head = f"<h3>{html.escape(self.title or self.doc_id)}</h3>" if self.title or self.doc_id else ""
        content = f"<style>{LEGEND_CSS}</style>{head}{self.legend_html()}{body}"
        if standalone:
            return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{content}</body></html>'
        return content

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        body = self._marked_text()
        key = "  ".join(
            f"{_TERMINAL_MARK[c][0]}…{_TERMINAL_MARK[c][1]} {LEGEND[c][0]}"
            for c in LEGEND
            if c in self.classes and _TERMINAL_MARK[c][0]
        )
        return f"{self.title or self.doc_id}\n{key}\n\n{body}"

    def _marked_text(self) -> str:
        """The text with one pair of marks per stretch of each kind: the spans of one kind that overlap or touch
        are joined first (a source phrase with its title inside, a word that is evidence for two actors), so a
        reader sees ``⟦Defence Minister Khawaja Asif⟧``, not ``⟦Defence⟧⟦ ⟧⟦Minister⟧⟦ Khawaja Asif⟧``. At one
        position marks close before others open, the inner first; spans of two kinds may cross."""
        order = {c: k for k, c in enumerate(LEGEND)}
        by_kind: dict[str, list[tuple[int, int]]] = {}
        for a, b, c, _ in self.spans:
            if b > a and _TERMINAL_MARK.get(c, ("", ""))[0]:
                by_kind.setdefault(c, []).append((a, b))
        stretches: list[tuple[int, int, str]] = []
        for c, spans in by_kind.items():
            spans.sort()
            lo, hi = spans[0]
            for a, b in spans[1:]:
                if a <= hi:
                    hi = max(hi, b)
                else:
                    stretches.append((lo, hi, c))
                    lo, hi = a, b
            stretches.append((lo, hi, c))
        opens: dict[int, list[str]] = {}
        closes: dict[int, list[str]] = {}
        for a, _b, c in sorted(stretches, key=lambda x: (x[0], -x[1], order[x[2]])):  # the outer opens first
            opens.setdefault(a, []).append(_TERMINAL_MARK[c][0])
        for _a, b, c in sorted(stretches, key=lambda x: (x[1], -x[0], -order[x[2]])):  # the inner closes first
            closes.setdefault(b, []).append(_TERMINAL_MARK[c][1])
        out: list[str] = []
        prev = 0
        for pos in sorted(opens.keys() | closes.keys()):
            out.append(self.text[prev:pos])
            out.extend(closes.get(pos, ()))
            out.extend(opens.get(pos, ()))
            prev = pos
        out.append(self.text[prev:])
        return "".join(out)

    def excerpt(self, start: int, end: int, pad: int = 0) -> Highlight:
        """The part of the highlight between two offsets (for evidence pages)."""
        s, e = max(0, start - pad), min(len(self.text), end + pad)
        spans = [(max(a, s) - s, min(b, e) - s, c, t) for a, b, c, t in self.spans if a < e and b > s]
        return Highlight(self.doc_id, self.text[s:e], spans, self.title)


def _columns(frame, names: Sequence[str]) -> list[list]:
    """Columns as Python lists (iterating pandas' Arrow-backed rows one by one is very slow)."""
    return [frame[n].tolist() if n in frame.columns else [None] * len(frame) for n in names]


def highlight(a: Analysis, doc_id: str, analyzers: str | Sequence[str] | None = None) -> Highlight:
    """The highlight of one document (cached on the analysis: reports explain the same document often).

    ``analyzers``: the names of those whose evidence to show (one name or several; all by default).
    """
    if analyzers is not None:
        analyzers = [analyzers] if isinstance(analyzers, str) else list(analyzers)  # "hedging", not its letters
        unknown = [n for n in analyzers if n not in a.analyzers]
        if unknown:
            raise OptionError(f"no analyzer {unknown[0]!r} in this analysis; analyzers: {', '.join(a.analyzers)}")
    key = (doc_id, tuple(analyzers) if analyzers is not None else None)
    cache = a.__dict__.setdefault("_highlights", {})
    if key not in cache:
        if len(cache) > 256:
            cache.clear()
        cache[key] = _highlight(a, doc_id, analyzers)
    return cache[key]


def _highlight(a: Analysis, doc_id: str, analyzers: Sequence[str] | None) -> Highlight:
    text = a.text(doc_id)
    spans: list[tuple[int, int, str, str]] = []
    m = a.rows_of("mentions", doc_id)
    for actor, start, end, stance in zip(*_columns(m, ("actor", "start", "end", "stance"))):
        tip = f"actor: {actor}"
        if stance is not None and stance == stance:
            tip += f" · stance {stance:+.2f}"
        spans.append((int(start), int(end), "actor", tip))
    ev = a.rows_of("evidence", doc_id)
    if analyzers is not None:
        ev = ev[ev["analyzer"].isin(list(analyzers))]
    cols = _columns(ev, ("analyzer", "category", "start", "end", "weight", "actor", "note"))
    for analyzer, category, start, end, weight, actor, note in zip(*cols):
        weight = float(weight)
        cls = _css_class(analyzer, str(category), weight)
        tip = f"{analyzer}: {category}"
        if weight != 1.0:
            tip += f" ({weight:+.2f})"
        if actor:
            tip += f" → {actor}"
        if note:
            tip += f" · {note}"
        spans.append((int(start), int(end), cls, tip))
    docs = a.documents
    title = docs.loc[docs["doc_id"] == doc_id, "title"]
    t = str(title.iloc[0]) if len(title) and title.iloc[0] else doc_id
    return Highlight(doc_id, text, spans, t)
