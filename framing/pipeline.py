"""One document through the whole flow: clean → parse → mentions → analyzers → rows.

:class:`Pipeline` holds everything compiled once (cleaner patterns, actor
matcher, lexicons inside the analyzers) and turns a
:class:`~framing.corpus.Document` into a :class:`DocOutput`: plain lists and
dicts, cheap to pickle to and from worker processes and to append to tables.
A failure inside one document is caught and recorded as that document's
status; it never stops a run.
"""

from __future__ import annotations

import bisect
import math
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .actors import ActorSet
from .analyzers.base import Analyzer, DocContext, DocResult, Evidence, Metric, Ratio, create
from .clean import Cleaner
from .corpus import STANDARD_FIELDS, Document
from .doc_status import NOT_ENGLISH
from .duplicates import fingerprint
from .text import TextModel

__all__ = ["DEFAULT_ANALYZERS", "DocOutput", "Pipeline", "english_share"]

#: Analyzers run by default, in dependency order (those not installed are left out).
DEFAULT_ANALYZERS = ("readability", "issues", "frames", "sourcing", "hedging", "stance")

# Common English function words: their share of tokens tells English text from other languages.
_ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "it",
        "on",
        "was",
        "with",
        "as",
        "be",
        "by",
        "at",
        "this",
        "are",
        "from",
        "or",
        "an",
        "have",
        "has",
        "not",
        "but",
        "they",
        "which",
        "his",
        "her",
        "their",
        "were",
        "been",
        "had",
        "will",
        "would",
        "can",
        "could",
        "its",
        "more",
        "than",
        "who",
        "also",
        "there",
        "about",
        "one",
        "all",
        "into",
        "after",
        "said",
        "other",
        "when",
        "what",
        "we",
        "our",
        "you",
        "he",
        "she",
        "them",
        "these",
        "those",
        "if",
        "so",
        "no",
        "such",
        "only",
        "over",
        "out",
        "up",
        "new",
        "some",
        "may",
        "most",
        "between",
        "before",
        "because",
        "while",
        "where",
        "how",
        "any",
        "each",
        "both",
        "through",
        "under",
        "during",
        "against",
        "being",
        "then",
        "just",
        "very",
        "do",
        "does",
        "did",
        "should",
        "must",
    ]
)
_ENGLISH_WORDS = tuple(_ENGLISH)
_ZEROS = (0,) * len(_ENGLISH_WORDS)
_MIN_WORDS_FOR_LANGUAGE = 30
_MIN_ENGLISH_SHARE = 0.15


def english_share(model: TextModel) -> float:
    """Share of tokens that are common English function words (about 0.4–0.5 in English prose).

    Counted from the model's word counts (computed once, in C).
    """
    if not model.tokens:
        return math.nan
    counts = model.counts
    # every function word's count with dict.get in C (no Python frame per word); an exact integer sum
    return sum(map(counts.get, _ENGLISH_WORDS, _ZEROS)) / len(model.tokens)


@dataclass
class DocOutput:
    """Everything one document contributes to the tables (plain data, picklable)."""

    row: dict[str, Any]
    text: str = ""
    sentences: dict[str, list[Any]] = field(default_factory=dict)
    mentions: dict[str, list[Any]] = field(default_factory=dict)
    evidence: list[tuple[Any, ...]] = field(default_factory=list)
    cleaning: list[tuple[Any, ...]] = field(default_factory=list)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    fingerprint: tuple[int, tuple[int, ...]] | None = None


def _order(analyzers: list[Analyzer]) -> list[Analyzer]:
    """Dependencies first (stable otherwise); a missing dependency is an error."""
    by_name = {a.name: a for a in analyzers}
    out: list[Analyzer] = []
    seen: set[str] = set()

    def visit(a: Analyzer, stack: tuple[str, ...]) -> None:
        if a.name in seen:
            return
        if a.name in stack:
            raise ValueError(f"analyzers depend on each other in a cycle: {' → '.join((*stack, a.name))}")
        for dep in a.requires:
            if dep not in by_name:
                raise ValueError(f"the {a.name!r} analyzer needs the {dep!r} analyzer; add it to analyzers=")
            visit(by_name[dep], (*stack, a.name))
        seen.add(a.name)
        out.append(a)

    for a in analyzers:
        visit(a, ())
    return out


def build_analyzers(spec: str | Analyzer | Iterable[str | Analyzer] | None) -> list[Analyzer]:
    """Analyzer instances from names and/or instances, or one of them (``None``: every available default)."""
    from .analyzers.base import available

    if spec is None:
        names = [n for n in DEFAULT_ANALYZERS if n in available()]
        return _order([create(n) for n in names])
    if isinstance(spec, (str, Analyzer)):
        spec = [spec]  # analyzers="hedging" was read letter by letter ("unknown analyzer 'h'")
    out = []
    for a in spec:
        out.append(create(a) if isinstance(a, str) else a)
    return _order(out)


def measured_columns(columns: Iterable[str], analyzers: Iterable[Analyzer]) -> list[str]:
    """Those of a documents table's ``columns`` that ``analyzers`` measure: their metrics, their free-form
    document values (``n_sources``, ``top_issue``) and, when the issue analyzer's metric is among them, the
    issue shares ``issue_<slug>`` of whatever issue set was used; in the order of ``columns``. The others are
    the corpus's fields and metadata."""
    names: set[str] = set()
    for a in analyzers:
        names |= {m.name for m in a.metrics()} | set(a.document_metrics())
    cols = list(columns)
    shares = "issue_sentence_share" in cols and "issue_sentence_share" in names
    return [c for c in cols if c in names or (shares and c.startswith("issue_"))]


def _ratio_plan(metric: Metric, slots: tuple[int, ...]) -> tuple[float, int, int] | None:
    """``(scale, slot of a, slot of b)`` when ``metric`` is a :class:`~framing.analyzers.base.Ratio` of two sums
    (``scale × a / b``, NaN when ``b`` is 0), which a document's metrics then compute inline; ``None`` otherwise."""
    if type(metric.formula) is Ratio and len(slots) == 2:
        return float(metric.formula.scale), slots[0], slots[1]
    return None


def _column_sum(column: list[Any] | None) -> float:
    """The sum of a document's column as a float (0 for a missing column), leaving NaN values out."""
    if not column:
        return 0.0
    total = float(sum(column))
    return total if total == total else float(sum(x for x in column if x == x))


class Pipeline:
    """Compiled settings for analysing documents one at a time.

    Args:
        actors: the actors to find (``None``: no mentions, and no stance).
        issues: the issues to assign to sentences (``None``: the issue analyzer's default, if any).
        analyzers: names or instances (default: all available).
        cleaner: a :class:`~framing.clean.Cleaner` (default: all rules), or ``False`` for none.
    """

    def __init__(
        self,
        actors: ActorSet | None = None,
        issues: Any = None,
        analyzers: Iterable[str | Analyzer] | None = None,
        cleaner: Cleaner | bool | None = None,
    ) -> None:
        self.actors = actors
        self.issues = issues
        self.analyzers = build_analyzers(analyzers)
        if cleaner is False:
            cleaner = Cleaner(enabled=False)
        self.cleaner = cleaner if isinstance(cleaner, Cleaner) else Cleaner()
        self.metric_list: list[Metric] = [m for a in self.analyzers for m in a.metrics()]
        self.metrics = {m.name: m for m in self.metric_list}
        self._empty_metrics: dict[str, Any] = {m.name: math.nan for m in self.metric_list}
        for a in self.analyzers:
            self._empty_metrics.update({k: math.nan for k in a.document_metrics()})
        # each (table, column) the metrics sum gets a slot; a metric reads its sums by slot number
        keys: dict[tuple[bool, str], int] = {}
        for m in self.metric_list:
            for c in m.columns:
                keys.setdefault((m.table == "sentences", c), len(keys))
        self._sum_keys = tuple(keys)
        self._metric_plan = [
            (m.name, m.table == "sentences", slots, m.min_rows, m, _ratio_plan(m, slots))
            for m in self.metric_list
            for slots in [tuple(keys[(m.table == "sentences", c)] for c in m.columns)]
        ]
        self._sentence_columns = tuple(self.sentence_columns().items())
        self._mention_columns = tuple(self.mention_columns().items())

    @property
    def analyzer_names(self) -> list[str]:
        return [a.name for a in self.analyzers]

    def document_columns(self) -> list[str]:
        """The columns the analyzers add to the document rows: the metrics, then the analyzers' free-form
        document values (``top_issue``, ``n_sources``, ...), then the issue shares of the pipeline's issue
        set, which the issue analyzer adds as it meets them."""
        from .analyzers.issues import share_columns

        cols = dict.fromkeys(self._empty_metrics)
        if self.issues is not None and "issues" in self.analyzer_names:
            cols.update(dict.fromkeys(share_columns(self.issues)))
        return list(cols)

    def sentence_columns(self) -> dict[str, Any]:
        cols: dict[str, Any] = {}
        for a in self.analyzers:
            cols.update(a.sentence_columns)
        return cols

    def mention_columns(self) -> dict[str, Any]:
        cols: dict[str, Any] = {}
        for a in self.analyzers:
            cols.update(a.mention_columns)
        return cols

    # ------------------------------------------------------------------ one document
    def context(self, doc: Document) -> DocContext:
        """What every analyzer reads of one document: the cleaned text, its text model and the actor mentions.

        Run-together words are repaired after a first parse (the repair needs the document's vocabulary),
        then the repaired text is parsed again.
        """
        clean = self.cleaner.clean(doc.text, {f: getattr(doc, f) for f in STANDARD_FIELDS}, split_words=False)
        model = TextModel(clean.text)
        repaired = self.cleaner.split_words(clean, model)
        if repaired is not clean:
            clean = repaired
            model = TextModel(clean.text)
        mentions = self.actors.find(clean.text) if self.actors is not None else []
        msent = [max(0, bisect.bisect_right(model.sent_starts, m.start) - 1) for m in mentions]
        return DocContext(doc, model, clean, mentions, msent, self.actors, self.issues)

    def process(self, doc: Document) -> DocOutput:
        row: dict[str, Any] = {"doc_id": doc.id}
        row.update({f: getattr(doc, f) for f in STANDARD_FIELDS})
        for k, v in doc.meta.items():
            if k not in row and (v is None or isinstance(v, (str, int, float, bool))):
                row.setdefault(k, v)
        status, notes = doc.status, list(doc.notes)
        # every row has every column, whatever happens to the document (streamed tables fix their columns early)
        row.update(status="", n_words=0, n_sentences=0, language="", duplicate_of="")
        row.update(self._empty_metrics)
        out = DocOutput(row=row)
        if doc.status == "skipped":
            row["status"] = doc.status_text
            return out
        try:
            ctx = self.context(doc)
            clean, model, mentions, msent = ctx.clean, ctx.model, ctx.mentions, ctx.mention_sentence
            for k, v in clean.metadata.items():
                if not row.get(k):
                    row[k] = v
            out.fingerprint = fingerprint(model)
            out.text = clean.text
            out.cleaning = [(e.start, e.end, e.text, e.replacement, e.rule, e.reason) for e in clean.edits]
            n_words = model.n_words
            share = english_share(model) if n_words >= _MIN_WORDS_FOR_LANGUAGE else math.nan
            english = math.isnan(share) or share >= _MIN_ENGLISH_SHARE
            row.update(
                n_words=n_words,
                n_sentences=model.n_sentences,
                language="en" if not math.isnan(share) and english else ("" if english else NOT_ENGLISH),
            )
            if n_words == 0:
                status = "skipped"
                notes.append("no words left after cleaning")
            elif not english:
                status = "warning" if status == "ok" else status
                notes.append(f"does not look like English ({share:.0%} English function words); analyzers not applied")
            out.sentences = {
                "sentence_id": list(range(model.n_sentences)),
                "start": model.sent_starts,
                "end": model.sent_ends,
                "kind": model.sent_kinds,
                "paragraph": model.sent_para,
                "n_words": model.sent_n_words,
            }
            out.mentions = {
                "actor": [m.actor for m in mentions],
                "sentence_id": msent,
                "start": [m.start for m in mentions],
                "end": [m.end for m in mentions],
                "form": [m.form for m in mentions],
                "possessive": [m.possessive for m in mentions],
            }
            if status != "skipped" and english:
                for a in self.analyzers:
                    try:
                        res = a.analyze(ctx)
                    except Exception as exc:
                        status = "warning" if status == "ok" else status
                        notes.append(f"{a.name} analyzer failed: {type(exc).__name__}: {exc}")
                        row[f"{a.name}_error"] = "".join(traceback.format_exception_only(exc)).strip()
                        res = DocResult()
                    ctx.results[a.name] = res
                    self._merge(a, res, out, model.n_sentences, len(mentions))
            self._fill_missing(out, model.n_sentences, len(mentions))
            if status != "skipped" and english:  # else the metrics stay NaN: not measured, not zero
                row.update(self._doc_metrics(out))
        except Exception as exc:
            status = "skipped"
            notes.append(f"failed: {type(exc).__name__}: {exc}")
            row.setdefault("n_words", 0)
            row.setdefault("n_sentences", 0)
            row.setdefault("language", "")
        row["status"] = status if not notes else f"{status}: {'; '.join(notes)}"
        return out

    def _merge(self, a: Analyzer, res: DocResult, out: DocOutput, n_sent: int, n_ment: int) -> None:
        for col, values in res.sentences.items():
            if len(values) != n_sent:
                raise ValueError(f"{a.name}: sentence column {col!r} has {len(values)} values for {n_sent} sentences")
            out.sentences[col] = list(values)
        for col, values in res.mentions.items():
            if len(values) != n_ment:
                raise ValueError(f"{a.name}: mention column {col!r} has {len(values)} values for {n_ment} mentions")
            out.mentions[col] = list(values)
        ev = res.evidence
        if ev and set(map(type, ev)) == {Evidence}:  # the usual case: (name, *e) built in C
            out.evidence.extend(map((a.name,).__add__, ev))
        else:
            for e in ev:
                out.evidence.append((a.name, e.category, e.start, e.end, e.weight, e.actor, e.sentence_id, e.note))
        for k, v in res.metrics.items():
            out.row[k] = v
        for name, rows in res.tables.items():
            out.tables.setdefault(name, []).extend(rows)

    def _fill_missing(self, out: DocOutput, n_sent: int, n_ment: int) -> None:
        for col, empty in self._sentence_columns:
            if col not in out.sentences:
                out.sentences[col] = [empty] * n_sent
        for col, empty in self._mention_columns:
            if col not in out.mentions:
                out.mentions[col] = [empty] * n_ment

    def _doc_metrics(self, out: DocOutput) -> dict[str, float]:
        sentences, mentions = out.sentences, out.mentions
        n_rows = (float(len(mentions.get("actor", ()))), float(len(sentences.get("sentence_id", ()))))
        totals = [  # every column the metrics read, summed once (several metrics share a column)
            n_rows[in_sentences]
            if c == "_rows"
            else n_rows[0]  # "_mentions": the document's actor mentions, whichever sentence they are in
            if c == "_mentions"
            else _column_sum((sentences if in_sentences else mentions).get(c))
            for in_sentences, c in self._sum_keys
        ]
        values: dict[str, float] = {}
        nan = math.nan
        for name, in_sentences, slots, min_rows, metric, ratio in self._metric_plan:
            if n_rows[in_sentences] < min_rows:
                values[name] = nan
            elif ratio is not None:  # most metrics: scale × a / b as Ratio computes it, without three calls
                scale, a, b = ratio
                below = totals[b]
                values[name] = scale * totals[a] / below if below else nan
            else:
                values[name] = metric.compute(tuple(map(totals.__getitem__, slots)))
        return values
