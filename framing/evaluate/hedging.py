"""``framing evaluate hedging``: hedge cues against the Szeged Uncertainty / BioScope XML, certainty against ratings.

Two formats:

``--format szeged`` (default for ``.xml``)
    The Szeged Uncertainty Corpus / BioScope / CoNLL-2010 XML: ``<Sentence>``
    elements whose ``<ccue>`` children mark uncertainty cues. A sentence is
    uncertain iff it has at least one ccue. Every sentence is analysed as a
    document of its own by the shipped pipeline (cleaning off, so offsets stay
    those of the file) and is predicted uncertain iff the analyzer records a
    hedge that makes a sentence ``hedged`` (every hedge type but approximators).

    * ``precision``, ``recall``, ``f1``: of the "uncertain" class, over sentences (``n``).
    * ``cue_f1``: predicted hedge spans against gold ccue spans (character
      offsets in the sentence), a pair matching when the spans overlap, one to
      one; ``cue_precision`` / ``cue_recall`` with it, and ``cue_f1_exact``
      for identical spans.
    * ``--baseline flat``: the same lexicon with no disambiguation rule (every
      match counts), the "flat hedge list" reference point.

``--format certainty`` (default for ``.jsonl``)
    Pei & Jurgens (2021) science findings: one JSON object per line with
    ``finding`` and ``sentence-level-certainty`` (1–6, higher is more certain)
    and ``split``. Each finding's certainty score is the sum of its cue
    weights (hedges negative, boosters positive: the analyzer's ``certainty``
    column); ``spearman`` is the rank correlation with the human rating over
    all rows, with ``per_split`` values too.

References: Farkas, R., Vincze, V., Móra, G., Csirik, J., & Szarvas, G.
(2010). The CoNLL-2010 Shared Task: Learning to Detect Hedges and their Scope
in Natural Language Text. CoNLL 2010. Vincze, V., Szarvas, G., Farkas, R.,
Móra, G., & Csirik, J. (2008). The BioScope corpus. *BMC Bioinformatics* 9
(Suppl 11), S9. Pei, J., & Jurgens, D. (2021). Measuring Sentence-Level and
Aspect-Level (Un)certainty in Science Communications. EMNLP 2021.
"""

from __future__ import annotations

import argparse
import json
import math
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ._data import data_file

__all__ = [
    "GoldSentence",
    "add_arguments",
    "evaluate",
    "format_result",
    "match_spans",
    "read_certainty",
    "read_szeged",
]


@dataclass(frozen=True)
class GoldSentence:
    """One annotated sentence: its text and its cue spans ``(start, end, type)``."""

    doc_id: str
    sentence_id: str
    text: str
    cues: tuple[tuple[int, int, str], ...]

    @property
    def uncertain(self) -> bool:
        return bool(self.cues)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("auto", "szeged", "certainty"),
        default="auto",
        help="szeged: Szeged/BioScope XML; certainty: Pei & Jurgens JSONL ratings (auto: by file extension)",
    )
    parser.add_argument(
        "--baseline", choices=("flat",), default=None, help="flat: the same cue list without disambiguation rules"
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences (a quick check)")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="N", help="also list N false positives and N false negatives"
    )


# ---------------------------------------------------------------------- reading
def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _sentence(sent: ET.Element) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of a ``<Sentence>`` and the spans of its speculation cues (``ccue``, or BioScope ``cue``)."""
    parts: list[str] = [sent.text or ""]
    cues: list[tuple[int, int, str]] = []
    pos = len(parts[0])

    def walk(el: ET.Element) -> None:
        nonlocal pos
        for child in el:
            start = pos
            if child.text:
                parts.append(child.text)
                pos += len(child.text)
            walk(child)
            tag, ctype = _local(child.tag), child.get("type", "")
            if tag == "ccue" or (tag == "cue" and ctype.startswith("spec")):
                cues.append((start, pos, ctype.rstrip(" _")))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    walk(sent)
    return "".join(parts), cues


def read_szeged(path: str | Path) -> Iterator[GoldSentence]:
    """Sentences of a Szeged / BioScope XML file, with their ccue spans (``cue`` elements of BioScope too)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ConfigError(f"not well-formed XML: {exc}", path=path) from None
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=path) from None
    n_doc = 0
    for doc in root.iter():
        if _local(doc.tag) != "document":
            continue
        n_doc += 1
        doc_id = next((("".join(c.itertext())).strip() for c in doc if _local(c.tag) == "docid"), f"doc{n_doc}")
        for sent in doc.iter():
            if _local(sent.tag) != "sentence":
                continue
            text, cues = _sentence(sent)
            yield GoldSentence(doc_id, sent.get("id", ""), text, tuple(sorted(cues)))


def read_certainty(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a Pei & Jurgens JSONL file (``finding``, ``sentence-level-certainty``, ``split``)."""
    rows = []
    try:
        with open(path, encoding="utf-8") as fh:
            for k, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    r = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ConfigError(f"not JSON: {exc.msg}", path=path, line=k) from None
                text = r.get("finding", r.get("text"))
                score = r.get("sentence-level-certainty", r.get("certainty"))
                if text is None or score is None:
                    raise ConfigError(
                        "each line needs 'finding' and 'sentence-level-certainty'", path=path, line=k, found=line[:80]
                    )
                rows.append({"text": str(text), "rating": float(score), "split": str(r.get("split", ""))})
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", path=path) from None
    return rows


# ---------------------------------------------------------------------- scoring
def match_spans(pred: list[tuple[int, int]], gold: list[tuple[int, int]], exact: bool = False) -> int:
    """Number of one-to-one matches between predicted and gold spans (overlap, or identity when ``exact``)."""
    used = [False] * len(gold)
    hits = 0
    for ps, pe in sorted(pred):
        for k, (gs, ge) in enumerate(gold):
            if used[k]:
                continue
            if (ps == gs and pe == ge) if exact else (ps < ge and gs < pe):
                used[k] = True
                hits += 1
                break
    return hits


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _pipeline(baseline: str | None):
    from ..analyzers.hedging import HedgingAnalyzer
    from ..pipeline import Pipeline

    analyzer = HedgingAnalyzer(rules=baseline != "flat")
    return analyzer, Pipeline(actors=None, analyzers=[analyzer], cleaner=False)


def _cues(analyzer: Any, out: Any) -> list[tuple[int, int, str, float]]:
    """(start, end, category, weight) of the hedging evidence of one processed document."""
    return [(s, e, cat, w) for an, cat, s, e, w, *_ in out.evidence if an == analyzer.name]


def _evaluate_szeged(
    path: str | Path, baseline: str | None = None, limit: int | None = None, errors: int = 0
) -> dict[str, Any]:
    from ..corpus import Document

    analyzer, pipe = _pipeline(baseline)
    n = tp = n_pred = n_gold = 0
    cue_pred = cue_gold = cue_hit = cue_exact = 0
    by_type_gold: Counter[str] = Counter()
    by_type_hit: Counter[str] = Counter()
    false_pos: list[dict[str, Any]] = []
    false_neg: list[dict[str, Any]] = []
    for g in read_szeged(path):
        if limit is not None and n >= limit:
            break
        n += 1
        out = pipe.process(Document(id=f"{g.doc_id}/{g.sentence_id}", text=g.text))
        spans = [(s, e) for s, e, cat, _ in _cues(analyzer, out) if analyzer.makes_hedged(cat)]
        pred = bool(spans)
        gold_spans = [(s, e) for s, e, _ in g.cues]
        n_pred += pred
        n_gold += g.uncertain
        tp += pred and g.uncertain
        cue_pred += len(spans)
        cue_gold += len(gold_spans)
        cue_hit += match_spans(spans, gold_spans)
        cue_exact += match_spans(spans, gold_spans, exact=True)
        for s, e, t in g.cues:
            by_type_gold[t] += 1
            by_type_hit[t] += match_spans(spans, [(s, e)])
        if errors and pred != g.uncertain:
            item = {
                "text": g.text,
                "gold": [g.text[s:e] for s, e, _ in g.cues],
                "predicted": [g.text[s:e] for s, e in spans],
            }
            (false_pos if pred else false_neg).append(item)
    if n == 0:
        raise ConfigError("no <Sentence> elements found", path=path, expected="Szeged / BioScope XML")
    p, r, f = _prf(tp, n_pred, n_gold)
    cp, cr, cf = _prf(cue_hit, cue_pred, cue_gold)
    _, _, cfe = _prf(cue_exact, cue_pred, cue_gold)
    result: dict[str, Any] = {
        "task": "hedging",
        "n": n,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "cue_f1": round(cf, 4),
        "cue_precision": round(cp, 4),
        "cue_recall": round(cr, 4),
        "cue_f1_exact": round(cfe, 4),
        "format": "szeged",
        "data": str(path),
        "baseline": baseline or "none",
        "n_uncertain": n_gold,
        "n_predicted": n_pred,
        "n_cues": cue_gold,
        "n_predicted_cues": cue_pred,
        "cue_recall_by_type": {
            t: round(by_type_hit[t] / by_type_gold[t], 4)
            for t in sorted(by_type_gold, key=by_type_gold.__getitem__, reverse=True)
        },
    }
    if errors:
        result["false_positives"] = false_pos[:errors]
        result["false_negatives"] = false_neg[:errors]
    return result


def _evaluate_certainty(path: str | Path, baseline: str | None = None, limit: int | None = None) -> dict[str, Any]:
    import pandas as pd

    from ..corpus import Document

    analyzer, pipe = _pipeline(baseline)
    rows = read_certainty(path)[:limit]
    if not rows:
        raise ConfigError("no rows", path=path, expected="JSON lines with 'finding' and 'sentence-level-certainty'")
    scores = []
    for k, r in enumerate(rows):
        out = pipe.process(Document(id=str(k), text=r["text"]))
        scores.append(sum(w for *_, w in _cues(analyzer, out)))
    df = pd.DataFrame(rows)
    df["score"] = scores

    def rho(d: pd.DataFrame) -> float:
        v = d["score"].corr(d["rating"], method="spearman") if len(d) > 2 else math.nan
        return round(float(v), 4) if v == v else math.nan

    return {
        "task": "hedging",
        "n": len(df),
        "spearman": rho(df),
        "format": "certainty",
        "data": str(path),
        "baseline": baseline or "none",
        "per_split": {str(s): {"n": len(d), "spearman": rho(d)} for s, d in df.groupby("split", sort=True)},
        "share_with_cues": round(float((df["score"] != 0).mean()), 4),
        "mean_rating_by_sign": {
            sign: round(float(df.loc[mask, "rating"].mean()), 3) if mask.any() else math.nan
            for sign, mask in (("hedged", df["score"] < 0), ("plain", df["score"] == 0), ("boosted", df["score"] > 0))
        },
    }


def evaluate(
    data: str | Path,
    format: str = "auto",
    baseline: str | None = None,
    limit: int | None = None,
    errors: int = 0,
    **_: Any,
) -> dict[str, Any]:
    """Evaluate the hedging analyzer as shipped on ``data`` (see the module docstring for formats and metrics)."""
    path = data_file(data, (".xml", ".jsonl", ".json"), "a Szeged or BioScope .xml file, or a certainty .jsonl file")
    if not path.exists():
        raise ConfigError("no such file", path=path)
    fmt = format
    if fmt == "auto":
        fmt = "certainty" if path.suffix.lower() in (".jsonl", ".json") else "szeged"
    if fmt == "certainty":
        return _evaluate_certainty(path, baseline=baseline, limit=limit)
    if fmt == "szeged":
        return _evaluate_szeged(path, baseline=baseline, limit=limit, errors=errors)
    raise ConfigError("unknown format", field="format", found=fmt, expected="auto, szeged or certainty")


def format_result(result: dict[str, Any]) -> str:
    """The result as readable text."""
    base = " (baseline: flat list, no rules)" if result.get("baseline") == "flat" else ""
    if result.get("format") == "certainty":
        lines = [
            f"hedging / certainty ratings{base}: {result['data']}",
            f"  n = {result['n']:,} findings; Spearman rho = {result['spearman']:.3f}",
        ]
        for s, v in result["per_split"].items():
            lines.append(f"    {s:>8}: n = {v['n']:,}, rho = {v['spearman']:.3f}")
        m = result["mean_rating_by_sign"]
        lines.append(
            f"  mean human rating: hedged {m['hedged']:.2f}, plain {m['plain']:.2f}, boosted {m['boosted']:.2f} "
            f"({result['share_with_cues']:.0%} of findings have a cue)"
        )
        return "\n".join(lines)
    lines = [
        f"hedging / uncertain sentences{base}: {result['data']}",
        f"  n = {result['n']:,} sentences, {result['n_uncertain']:,} uncertain in the gold standard, "
        f"{result['n_predicted']:,} predicted",
        f"  sentence: precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}",
        f"  cue (overlap): precision {result['cue_precision']:.3f}  recall {result['cue_recall']:.3f}  "
        f"F1 {result['cue_f1']:.3f}; exact-span F1 {result['cue_f1_exact']:.3f}",
        "  cue recall by gold type: "
        + ", ".join(f"{t or '(none)'} {v:.2f}" for t, v in result["cue_recall_by_type"].items()),
    ]
    for key, label in (("false_positives", "false positives"), ("false_negatives", "false negatives")):
        for item in result.get(key, []):
            lines.append(f"  {label}: {item['text'][:160]}  gold={item['gold']} predicted={item['predicted']}")
    return "\n".join(lines)
