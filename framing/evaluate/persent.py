"""Stance toward a document's main entity, per document and per paragraph, against PerSenT annotation.

``framing evaluate stance --data dev.csv`` reads this format when the file is a CSV with PerSenT's columns
(the NewsMTSC JSON lines of :mod:`framing.evaluate.stance` otherwise).

Data format (PerSenT, Bastan et al. 2020; one news article per row)::

    DOCUMENT_INDEX, TITLE, TARGET_ENTITY, DOCUMENT, MASKED_DOCUMENT, TRUE_SENTIMENT, Paragraph0, Paragraph1, ...

``TRUE_SENTIMENT`` is the author's sentiment toward ``TARGET_ENTITY`` over the whole article, and
``Paragraph<k>`` the same for the k-th paragraph (lines of the document); each ``Positive``, ``Neutral`` or
``Negative``, a paragraph's label possibly empty. In ``MASKED_DOCUMENT`` the annotators replaced every
reference to the entity (its names and the pronouns that stand for it) by ``[TGT]``.

Method (the "given targets" setting, as for NewsMTSC): the masked document, with each ``[TGT]`` written back
as the entity's name, goes through the pipeline of :func:`framing.analyze` (cleaning off, so that offsets
stay valid) with every ``[TGT]`` as a mention of one actor. So the analyzer is measured, not the finding of
names and pronouns. A document's prediction is its ``stance_mean`` toward the entity, the figure the report
shows (the mean stance over the entity's mentions), labelled as a mention is: positive at or above the
analyzer's threshold ``t``, negative at or below ``−t``, neutral between. A paragraph's prediction is the mean
over the mentions in it (neutral when it has none). Reported, for documents and for the labelled paragraphs of
the documents whose paragraphs match their labels: macro-F1 (the mean of the three per-class F1 scores),
accuracy, per class precision, recall, F1 and support, and the confusion matrix.

``--mentions found`` measures the whole pipeline instead: the original text (``DOCUMENT``), with the mentions
framing finds for an actor named by the entity, with its surname as an alias ("Benjamin Koellmann",
"Koellmann"). Pronouns are not resolved, so fewer references are found; the output gives how many were found
against the annotators' references.

``--baseline vader``: VADER's compound score averaged over the sentences that mention the entity (over every
sentence when none does; VADER's authors average sentence scores for longer texts), labelled with VADER's
thresholds (≥ 0.05 positive, ≤ −0.05 negative); the same for paragraphs.

Reference: Bastan, M., Koupaee, M., Son, Y., Sicoli, R., & Balasubramanian, N. (2020). Author's Sentiment
Prediction. COLING 2020, 604–615.
"""

from __future__ import annotations

import bisect
import csv
import io
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError, OptionError

__all__ = ["Article", "evaluate", "format_result", "is_persent", "load_articles", "predict"]

#: The columns that make a CSV file a PerSenT file.
REQUIRED = ("TARGET_ENTITY", "MASKED_DOCUMENT", "TRUE_SENTIMENT")
MASK = "[TGT]"
_LABELS = {"positive": "positive", "neutral": "neutral", "negative": "negative"}
_FIELD_LIMIT = 50 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """One annotated article: the text the analyzer reads, the entity's mention spans in it, the gold labels."""

    id: str
    entity: str
    text: str
    mentions: tuple[tuple[int, int], ...]
    label: str
    #: (start, end) of each paragraph (line) of ``text``
    paragraphs: tuple[tuple[int, int], ...]
    #: the gold label of each paragraph ("" where the annotation gives none); empty when the labels do not
    #: match the paragraphs (more labels than lines: the masked text lost a line break)
    paragraph_labels: tuple[str, ...]
    #: whether paragraph labels were given but could not be matched to the paragraphs
    unmatched: bool = False
    #: the annotators' references to the entity ([TGT] in the masked text)
    references: int = 0


def _header(path: Path) -> list[str]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            return next(csv.reader(io.StringIO(fh.readline())), [])
    except (OSError, UnicodeDecodeError):
        return []


def is_persent(data: str | Path) -> bool:
    """Whether ``data`` is a CSV file with PerSenT's columns."""
    path = Path(data)
    return path.is_file() and path.suffix.lower() == ".csv" and all(c in _header(path) for c in REQUIRED)


def _label(value: str, path: Path, line: int, column: str, empty_ok: bool = False) -> str:
    v = (value or "").strip().lower()
    if v in _LABELS:
        return _LABELS[v]
    if empty_ok and not v:
        return ""
    raise ConfigError(
        "unknown sentiment label",
        path=path,
        line=line,
        field=column,
        expected="Positive, Neutral or Negative",
        found=value,
    )


def unmask(masked: str, entity: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``masked`` with every ``[TGT]`` written as ``entity``, and the spans where it was written.

    A mask followed directly by a word (``[TGT]said``: the masking lost the space, about one mask in eight in
    PerSenT's dev split, where the unmasked ``DOCUMENT`` has it) is written with a space after the entity, so that
    "Ann Lee said" is read as a name and a verb, not as the one word "Leesaid"."""
    parts = masked.split(MASK)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    at = 0
    for k, part in enumerate(parts):
        if k and part[:1].isalnum():
            part = " " + part
        out.append(part)
        at += len(part)
        if k < len(parts) - 1:
            spans.append((at, at + len(entity)))
            out.append(entity)
            at += len(entity)
    return "".join(out), tuple(spans)


def _paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            spans.append((start, len(text)))
            return tuple(spans)
        spans.append((start, end))
        start = end + 1


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Each record with the number of the line it starts on."""
    limit = csv.field_size_limit()
    csv.field_size_limit(_FIELD_LIMIT)  # an article is one field; restored after reading
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            start = 2  # the line a record starts on (an article's text spans several)
            for row in reader:
                yield start, row
                start = reader.line_num + 1
    finally:
        csv.field_size_limit(limit)


#: surnames that are not: generational suffixes
_NOT_SURNAMES = frozenset(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"])


def entity_mentions(text: str, entity: str) -> tuple[tuple[int, int], ...]:
    """The spans framing finds in ``text`` for an actor named ``entity``, with its last word as an alias when the
    entity has several words ("Koellmann" for "Benjamin Koellmann")."""
    from ..actors import ActorSet

    forms = [entity]
    words = entity.split()
    if len(words) > 1 and len(words[-1]) >= 3 and words[-1][:1].isupper() and words[-1].lower() not in _NOT_SURNAMES:
        forms.append(words[-1])
    return tuple((m.start, m.end) for m in ActorSet.from_dict({entity: forms}).find(text))


def load_articles(data: str | Path, limit: int | None = None, mentions: str = "given") -> list[Article]:
    """The articles of a PerSenT CSV file (the first ``limit`` when given); errors name the line and column.

    ``mentions="given"``: the masked text with the annotators' references (the module docstring);
    ``"found"``: the original text with the mentions framing finds by the entity's name."""
    if mentions not in ("given", "found"):
        raise OptionError(f"mentions is 'given' or 'found', not {mentions!r}")
    path = Path(data)
    if not is_persent(path):
        header = _header(path) if path.is_file() else []
        raise ConfigError(
            "not a PerSenT file" if path.is_file() else "no such file",
            path=path,
            expected=f"a .csv file with the columns {', '.join(REQUIRED)} (or NewsMTSC-style .jsonl)",
            found=", ".join(header[:8]) if header else None,
        )
    out: list[Article] = []
    for line, row in _rows(path):
        entity = (row.get("TARGET_ENTITY") or "").strip()
        masked = (row.get("MASKED_DOCUMENT") or "").replace("\r\n", "\n")
        if not entity:
            raise ConfigError("no target entity", path=path, line=line, field="TARGET_ENTITY")
        if mentions == "given":
            text, spans = unmask(masked, entity)
        else:
            text = (row.get("DOCUMENT") or "").replace("\r\n", "\n")
            spans = entity_mentions(text, entity)
        paragraphs = _paragraphs(text)
        labels = []
        k = 0
        while f"Paragraph{k}" in row:
            labels.append(_label(row[f"Paragraph{k}"], path, line, f"Paragraph{k}", empty_ok=True))
            k += 1
        while labels and not labels[-1]:
            labels.pop()
        doc_label = _label(row.get("TRUE_SENTIMENT", ""), path, line, "TRUE_SENTIMENT")
        out.append(
            Article(
                id=str(row.get("DOCUMENT_INDEX") or f"row {len(out) + 1}"),
                entity=entity,
                text=text,
                mentions=spans,
                label=doc_label,
                paragraphs=paragraphs,
                paragraph_labels=tuple(labels) if len(labels) <= len(paragraphs) else (),
                unmatched=len(labels) > len(paragraphs),
                references=masked.count(MASK),
            )
        )
        if limit is not None and len(out) >= limit:
            break
    return out


def _name(value: float, threshold: float) -> str:
    return "positive" if value >= threshold else ("negative" if value <= -threshold else "neutral")


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


@dataclass(frozen=True)
class Prediction:
    """The stance of one article toward its entity: the document's mean, each paragraph's mean, and counts."""

    document: float
    paragraphs: tuple[float, ...]
    n_mentions: int
    n_evaluated: int
    #: (start, end) of each sentence, and whether a mention falls in it (for the VADER baseline)
    sentences: tuple[tuple[int, int, bool], ...]


def predict(articles: Sequence[Article], analyzers: Sequence[Any] = ("stance",)) -> list[Prediction]:
    """Run the pipeline on each article with its entity's spans as the mentions of one actor."""
    from ..actors import Mention
    from ..corpus import Document
    from ..pipeline import Pipeline
    from .stance import _GivenMentions

    given = _GivenMentions()
    pipe = Pipeline(actors=given, analyzers=list(analyzers), cleaner=False)  # type: ignore[arg-type]
    out = []
    for art in articles:
        text = art.text
        given.current = [Mention("target", s, e, "name", text[e : e + 2] in ("'s", "’s")) for s, e in art.mentions]
        res = pipe.process(Document(id=art.id, text=text))
        m = res.mentions
        stance = [float(v) for v in m.get("stance", ())] or [0.0] * len(art.mentions)
        starts = m.get("start", [s for s, _ in art.mentions])
        para_starts = [s for s, _ in art.paragraphs]
        per_para: list[list[float]] = [[] for _ in art.paragraphs]
        for start, value in zip(starts, stance):
            per_para[bisect.bisect_right(para_starts, start) - 1].append(value)
        mentioned = set(m.get("sentence_id", ()))
        sents = res.sentences
        out.append(
            Prediction(
                document=_mean(stance),
                paragraphs=tuple(_mean(v) for v in per_para),
                n_mentions=len(stance),
                n_evaluated=int(sum(bool(v) for v in m.get("stance_evaluated", ()))),
                sentences=tuple(
                    (s, e, k in mentioned)
                    for k, s, e in zip(sents.get("sentence_id", ()), sents.get("start", ()), sents.get("end", ()))
                ),
            )
        )
    return out


def _vader(articles: Sequence[Article], preds: Sequence[Prediction]) -> tuple[list[str], list[str]]:
    """The baseline's labels: documents, then the labelled paragraphs in the order :func:`_paragraph_pairs` uses."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    docs: list[str] = []
    paras: list[str] = []
    for art, pred in zip(articles, preds):
        scored = [(s, sia.polarity_scores(art.text[s:e])["compound"], hit) for s, e, hit in pred.sentences]
        chosen = [c for _, c, hit in scored if hit] or [c for _, c, _ in scored]
        docs.append(_name(_mean(chosen), 0.05))
        starts = [s for s, _ in art.paragraphs]
        per_para: list[list[tuple[float, bool]]] = [[] for _ in art.paragraphs]
        for s, c, hit in scored:
            per_para[bisect.bisect_right(starts, s) - 1].append((c, hit))
        for k, gold in enumerate(art.paragraph_labels):
            if gold:
                in_para = per_para[k]
                chosen = [c for c, hit in in_para if hit] or [c for c, _ in in_para]
                paras.append(_name(_mean(chosen), 0.05))
    return docs, paras


def _paragraph_pairs(
    articles: Sequence[Article], preds: Sequence[Prediction], threshold: float
) -> list[tuple[str, str]]:
    return [
        (gold, _name(pred.paragraphs[k], threshold))
        for art, pred in zip(articles, preds)
        for k, gold in enumerate(art.paragraph_labels)
        if gold
    ]


def evaluate(
    data: str | Path,
    baseline: str | None = None,
    threshold: float | None = None,
    analyzers: str | Sequence[str] = "stance",
    limit: int | None = None,
    mentions: str = "given",
    **_: Any,
) -> dict[str, Any]:
    """Score the stance analyzer (as shipped) on a PerSenT file; see the module docstring."""
    from .stance import analyzers_for, scores

    articles = load_articles(data, limit=limit, mentions=mentions)
    names, stance, built = analyzers_for(analyzers, threshold)
    t = time.perf_counter()
    preds = predict(articles, built)
    seconds = time.perf_counter() - t
    cut = float(stance.threshold)
    gold = [a.label for a in articles]
    pairs = _paragraph_pairs(articles, preds, cut)
    result: dict[str, Any] = {"task": "stance", "format": "persent", "level": "document"}
    result.update(scores(gold, [_name(p.document, cut) for p in preds]))
    result.update(
        paragraphs=scores([g for g, _ in pairs], [p for _, p in pairs]),
        data=str(data),
        method="framing stance (lexicon and rules): the mean stance over the entity's mentions"
        + (" found by its name and surname" if mentions == "found" else ", as annotated"),
        mentions=mentions,
        settings=stance.settings(),
        analyzers=names,
        n_mentions=sum(p.n_mentions for p in preds),
        n_references=sum(a.references for a in articles),
        documents_without_mention=sum(1 for a in articles if not a.mentions),
        evaluated_share=round(sum(p.n_evaluated for p in preds) / max(1, sum(p.n_mentions for p in preds)), 4),
        documents_without_evaluated_mention=sum(1 for p in preds if not p.n_evaluated),
        documents_with_unmatched_paragraphs=sum(1 for a in articles if a.unmatched),
        seconds=round(seconds, 2),
    )
    if baseline == "vader":
        docs, paras = _vader(articles, preds)
        result["baseline"] = {
            "method": "VADER compound, mean over the sentences that mention the entity",
            **scores(gold, docs),
            "paragraphs": scores([g for g, _ in pairs], paras),
        }
    return result


def _block(name: str, res: dict[str, Any]) -> list[str]:
    from .stance import class_lines

    return [
        f"  {name}: macro-F1 {res['macro_f1']:.3f}, accuracy {res['accuracy']:.3f} (n={res['n']:,})",
        *class_lines(res),
    ]


def format_result(result: dict[str, Any]) -> str:
    lines = [
        f"Stance toward each article's main entity on {result.get('data', '')}: {result['n']:,} documents, "
        f"{result.get('n_mentions', 0):,} mentions ({result.get('evaluated_share', 0):.0%} with an evaluative word)",
        f"  {result.get('method', 'framing stance')}",
    ]
    lines += _block("documents", result)
    lines += _block("paragraphs", result["paragraphs"])
    b = result.get("baseline")
    if b:
        lines.append(f"  baseline: {b['method']}")
        lines += _block("documents", b)
        lines += _block("paragraphs", b["paragraphs"])
    lines.append("  macro-F1 = mean of the per-class F1 of negative, neutral and positive.")
    return "\n".join(lines)
