"""``framing evaluate stance``: stance toward given targets, against NewsMTSC-style annotation.

Data format (NewsMTSC, Hamborg & Donnay 2021; one JSON object per line)::

    {"sentence_normalized": "...", "targets": [{"from": 51, "to": 56, "polarity": 2.0, ...}, ...]}

``from``/``to`` are character offsets of the target mention (``to`` exclusive);
``polarity`` is 2.0 (negative), 4.0 (neutral) or 6.0 (positive). Labels
written as words ("negative", "neutral", "positive") or as -1/0/1 are read too,
so a user's own annotated file works in the same format.

Every target is scored (n = number of targets). Each sentence goes through the
same pipeline as :func:`framing.analyze` (text model, then the analyzers, with
cleaning switched off so the offsets stay valid), with the given target spans
as the actor mentions: each target is its own actor, and its optional
``further_mentions`` (coreferent mentions in the sentence) are more mentions
of that actor, as several names of one actor are in a real analysis. Reported: macro-F1 (the
mean of the three per-class F1 scores), accuracy, and per class precision,
recall, F1 and support.

``--baseline vader`` adds the sentence-sentiment baseline: VADER's compound
score of the whole sentence given to every target in it (≥ 0.05 positive,
≤ −0.05 negative, the thresholds VADER's authors recommend).

A CSV file with PerSenT's columns is scored per document and paragraph instead: see
:mod:`framing.evaluate.persent`.

Reference: Hamborg, F., & Donnay, K. (2021). NewsMTSC: (Multi-)Target-dependent
Sentiment Classification in News Articles. EACL 2021.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import ConfigError, OptionError
from ._data import data_file

__all__ = ["add_arguments", "evaluate", "format_result", "load_targets", "scores"]

CLASSES = ("negative", "neutral", "positive")
_POLARITY = {
    2.0: "negative",
    4.0: "neutral",
    6.0: "positive",
    -1.0: "negative",
    0.0: "neutral",
    1.0: "positive",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--baseline", choices=["vader"], help="also score the sentence-sentiment baseline (VADER compound per sentence)"
    )
    parser.add_argument(
        "--threshold", type=float, default=None, help="stance threshold for a label (default: the analyzer's, 0.1)"
    )
    parser.add_argument(
        "--analyzers",
        default="stance",
        help="analyzers to run before scoring, comma-separated (default: stance; add sourcing to use its attributions)",
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences (PerSenT: documents)")
    parser.add_argument(
        "--mentions",
        choices=["given", "found"],
        default="given",
        help="PerSenT only: the annotators' references to the entity (given, default) or the mentions framing "
        "finds by its name (found: the whole pipeline)",
    )
    parser.add_argument(
        "--learned",
        metavar="TRAIN",
        help="also fit the learned option (logistic regression on the lexicon evidence) on TRAIN and score it",
    )


def _label(value: Any, path: str, line: int) -> str:
    if isinstance(value, str):
        v = value.strip().lower()
        if v in CLASSES:
            return v
        try:
            value = float(v)
        except ValueError:
            value = None
    if isinstance(value, (int, float)) and float(value) in _POLARITY:
        return _POLARITY[float(value)]
    raise ConfigError(
        "unknown polarity",
        path=path,
        line=line,
        field="polarity",
        expected="2.0/4.0/6.0 (NewsMTSC), -1/0/1 or negative/neutral/positive",
        found=repr(value),
    )


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from fh


Target = tuple[int, int, str, tuple[tuple[int, int], ...]]


def load_targets(data: str | Path, limit: int | None = None) -> list[tuple[str, list[Target]]]:
    """Sentences with their targets: ``[(sentence, [(start, end, gold label, further mentions), ...]), ...]``.

    ``further mentions`` are the optional ``further_mentions`` spans (coreferent mentions of the
    target in the same sentence, such as "she"); they become more mentions of the same actor.
    """
    path = Path(data)
    if not path.is_file():
        raise ConfigError("no such file", path=path, expected="a NewsMTSC-style .jsonl file")
    out: list[tuple[str, list[Target]]] = []
    for n, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"not valid JSON: {exc.msg}", path=path, line=n) from None
        text = obj.get("sentence_normalized", obj.get("sentence", obj.get("text")))
        if not isinstance(text, str) or not isinstance(obj.get("targets"), list):
            raise ConfigError(
                "each line needs a sentence and a list of targets",
                path=path,
                line=n,
                expected='{"sentence_normalized": str, "targets": [{"from", "to", "polarity"}]}',
            )
        targets = []
        for t in obj["targets"]:
            further = []
            for f in t.get("further_mentions") or ():
                try:
                    fs, fe = int(f["from"]), int(f["to"])
                except (KeyError, TypeError, ValueError):
                    continue
                if 0 <= fs < fe <= len(text):
                    further.append((fs, fe))
            try:
                s, e = int(t["from"]), int(t["to"])
            except (KeyError, TypeError, ValueError):
                raise ConfigError("a target needs integer 'from' and 'to'", path=path, line=n) from None
            if not 0 <= s < e <= len(text):
                raise ConfigError(
                    "target offsets outside the sentence", path=path, line=n, found=f"{s}..{e} of {len(text)}"
                )
            targets.append((s, e, _label(t.get("polarity", t.get("label")), str(path), n), tuple(further)))
        out.append((text, targets))
        if limit is not None and len(out) >= limit:
            break
    return out


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """Macro-F1, accuracy and per-class precision/recall/F1/support."""
    per: dict[str, dict[str, float]] = {}
    for c in CLASSES:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        n_pred = sum(1 for p in pred if p == c)
        n_gold = sum(1 for g in gold if g == c)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[c] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "support": n_gold}
    n = len(gold)
    acc = sum(1 for g, p in zip(gold, pred) if g == p) / n if n else 0.0
    confusion = Counter(zip(gold, pred))
    return {
        "n": n,
        "macro_f1": round(sum(per[c]["f1"] for c in CLASSES) / len(CLASSES), 4),
        "accuracy": round(acc, 4),
        "per_class": per,
        "confusion": {g: {p: confusion.get((g, p), 0) for p in CLASSES} for g in CLASSES},
    }


class _GivenMentions:
    """Stands in for an ActorSet: returns the target spans of the sentence being processed as its mentions."""

    def __init__(self) -> None:
        self.current: list[Any] = []
        self.actors: tuple[()] = ()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Any]:
        return list(self.current)

    def lineage(self, name: str) -> list[str]:
        return [name]

    def parent_of(self, name: str) -> None:
        return None

    @property
    def names(self) -> list[str]:
        return sorted({m.actor for m in self.current})


def predict(
    sentences: Iterable[tuple[str, list[Target]]],
    analyzers: Sequence[Any] = ("stance",),
) -> list[tuple[dict[str, Any], str]]:
    """Run the pipeline on each sentence with its targets as mentions; per target its mention row and gold label.

    Each target is an actor of its own ("target 0", "target 1" ...); its further mentions (if
    given and not overlapping another target) are more mentions of that actor. The row reported
    is the main mention's, as annotated.
    """
    from ..corpus import Document
    from ..pipeline import Pipeline

    given = _GivenMentions()
    pipe = Pipeline(actors=given, analyzers=list(analyzers), cleaner=False)  # type: ignore[arg-type]
    out: list[tuple[dict[str, Any], str]] = []
    for k, (text, targets) in enumerate(sentences):
        given.current, main = target_mentions(text, targets)
        res = pipe.process(Document(id=f"s{k}", text=text))
        cols = res.mentions
        for j, label in main:
            row = (
                {c: v[j] for c, v in cols.items()} if cols and "stance" in cols else {"label": "neutral", "stance": 0.0}
            )
            row["doc_id"] = f"s{k}"
            out.append((row, label))
    return out


def target_mentions(text: str, targets: Sequence[Target]) -> tuple[list[Any], list[tuple[int, str]]]:
    """The mentions of a labelled sentence (targets and their further mentions, in text order) and, per target,
    the index of its main mention with its gold label."""
    from ..actors import Mention

    spans = [(t[0], t[1]) for t in targets]
    items: list[tuple[int, int, int, bool]] = []  # start, end, target index, main mention
    for i, t in enumerate(targets):
        items.append((t[0], t[1], i, True))
        for fs, fe in t[3] if len(t) > 3 else ():
            if not any(fs < e and s < fe for s, e in spans) and not any(fs < it[1] and it[0] < fe for it in items):
                items.append((fs, fe, i, False))
    items.sort(key=lambda x: (x[0], x[1]))
    mentions = [Mention(f"target {i}", s, e, "name", text[e : e + 2] in ("'s", "’s")) for s, e, i, _ in items]
    row_of = {i: j for j, (_, _, i, main) in enumerate(items) if main}
    return mentions, [(row_of[i], t[2]) for i, t in enumerate(targets)]


def _vader_predictions(sentences: Sequence[tuple[str, list[Target]]]) -> list[str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    pred = []
    for text, targets in sentences:
        c = sia.polarity_scores(text)["compound"]
        lab = "positive" if c >= 0.05 else ("negative" if c <= -0.05 else "neutral")
        pred.extend([lab] * len(targets))
    return pred


def analyzers_for(analyzers: str | Sequence[str], threshold: float | None) -> tuple[list[str], Any, list[Any]]:
    """The analyzers an evaluation runs (``"stance"`` always among them), the stance analyzer as shipped (with
    ``threshold`` when given), and the list to build a pipeline from: ``(names, stance analyzer, analyzers)``."""
    from ..analyzers.base import create

    names = [a.strip() for a in analyzers.split(",")] if isinstance(analyzers, str) else list(analyzers)
    if "stance" not in names:
        names.append("stance")
    stance = create("stance", **({"threshold": threshold} if threshold is not None else {}))
    return names, stance, [stance if n == "stance" else n for n in names]


def evaluate(
    data: str | Path,
    baseline: str | None = None,
    threshold: float | None = None,
    analyzers: str | Sequence[str] = "stance",
    limit: int | None = None,
    learned: str | Path | None = None,
    mentions: str = "given",
    **_: Any,
) -> dict[str, Any]:
    """Score the stance analyzer (as shipped) on a NewsMTSC-style file (see the module docstring), or on a PerSenT
    file, per document and paragraph (:mod:`framing.evaluate.persent`)."""
    from . import persent

    data = data_file(data, (".jsonl", ".jsonl.gz", ".json", ".csv"), "a NewsMTSC-style .jsonl or a PerSenT .csv file")
    if persent.is_persent(data):
        if learned:
            raise OptionError("--learned fits on NewsMTSC-style sentences with targets; it does not apply to PerSenT")
        return persent.evaluate(
            data, baseline=baseline, threshold=threshold, analyzers=analyzers, limit=limit, mentions=mentions
        )
    if Path(data).suffix.lower() == ".csv":
        persent.load_articles(data)  # raises the error that names the columns a PerSenT file needs
    if mentions != "given":
        raise OptionError("--mentions found applies to PerSenT files; NewsMTSC's targets are always given")
    sentences = load_targets(data, limit=limit)
    names, stance, built = analyzers_for(analyzers, threshold)
    t = time.perf_counter()
    rows = predict(sentences, built)
    seconds = time.perf_counter() - t
    gold = [g for _, g in rows]
    pred = [r["label"] for r, _ in rows]
    result: dict[str, Any] = {"task": "stance", **scores(gold, pred)}
    result.update(
        data=str(data),
        method="framing stance (lexicon and rules)",
        settings=stance.settings(),
        analyzers=names,
        evaluated_share=round(sum(1 for r, _ in rows if r.get("stance_evaluated")) / len(rows), 4) if rows else 0.0,
        seconds=round(seconds, 2),
    )
    if learned:
        from ..analyzers.stance_learned import LearnedStanceAnalyzer

        model = LearnedStanceAnalyzer(base=stance).fit(learned)
        lrows = predict(sentences, [stance, model])
        result["learned"] = {
            "method": f"logistic regression on the lexicon evidence, fitted on {learned}",
            "n_fitted": model.n_fitted,
            **scores(gold, [r["label_learned"] for r, _ in lrows]),
        }
    if baseline == "vader":
        result["baseline"] = {
            "method": "VADER compound of the whole sentence",
            **scores(gold, _vader_predictions(sentences)),
        }
    return result


def class_lines(result: dict[str, Any]) -> list[str]:
    """Precision, recall, F1 and support of each class of a :func:`scores` result, a line each."""
    out = []
    for c in CLASSES:
        pc = result["per_class"][c]
        out.append(
            f"    {c:<9} precision {pc['precision']:.3f}  recall {pc['recall']:.3f}  F1 {pc['f1']:.3f}  (n={pc['support']})"
        )
    return out


def format_result(result: dict[str, Any]) -> str:
    if result.get("format") == "persent":
        from .persent import format_result as persent_result

        return persent_result(result)
    lines = [
        f"Stance on {result.get('data', '')}: {result['n']:,} targets",
        f"  {result.get('method', 'framing stance')}: macro-F1 {result['macro_f1']:.3f}, accuracy {result['accuracy']:.3f}",
    ]
    lines += class_lines(result)
    for key in ("learned", "baseline"):
        b = result.get(key)
        if not b:
            continue
        lines.append(f"  {b['method']}: macro-F1 {b['macro_f1']:.3f}, accuracy {b['accuracy']:.3f}")
        lines += class_lines(b)
    lines.append("  macro-F1 = mean of the per-class F1 of negative, neutral and positive (Hamborg & Donnay 2021).")
    return "\n".join(lines)
