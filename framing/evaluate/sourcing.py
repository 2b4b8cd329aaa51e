"""Evaluate the sourcing analyzer on attribution annotation in brat standoff format (PolNeAR).

Data: a folder with ``text/`` (``<name>.txt``) and ``attributions/``
(``<name>_<annotator>.ann``), as PolNeAR ships it (Newell, Margolin & Ruths
2018). ``T`` lines give ``Source``, ``Cue`` and ``Content`` spans (possibly
discontinuous: ``start end;start end``); ``E`` lines link them into one
attribution. A document annotated by several annotators is scored against one
annotation: the first annotator in alphabetical order of the file names.

Metrics:

* **attribution precision / recall / F1**: a predicted attribution matches a
  gold one when their cue spans overlap (when either has no cue, when their
  content spans overlap); pairs are made one-to-one, greedily by the size of
  the overlap, cue pairs before content pairs; counts are pooled over all
  documents.
* **source_f1**: precision over predicted attributions that have a source
  span, recall over gold attributions that have one; a source is correct when
  the pair is matched and the two source spans overlap.
* **density_r**: Pearson correlation across documents between predicted and
  gold attributions per 1,000 words (words as the text model counts them).
* ``--misses`` adds **density_r_if_found**: the density r the analyzer would
  reach if, in every document, the gold attributions it misses of one class
  were added to its predictions — a map from where the missing correlation
  lies. Classes of a missed gold attribution: ``no_lexicon`` (its cue holds no
  word of the reporting-verb lexicon), ``in_content`` (a lexicon word inside
  the content of a predicted attribution), ``turned_down`` (a lexicon word the
  rules did not take), ``no_cue`` (the annotation has no cue).
* ``--wrap WIDTH`` scores on the articles hard-wrapped at WIDTH characters in
  place (a space becomes a line break; every offset holds): how much the
  line breaks of a PDF's text cost.

The analyzer runs as shipped, through :func:`framing.analyze` with cleaning
off (the annotation's offsets index the raw text). ``--baseline verbs``
scores the simplest alternative instead: every occurrence of a reporting verb
of the lexicon is one attribution, with no source and no content.
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ..errors import InputError, OptionError
from ._data import data_folder

__all__ = ["GoldAttribution", "add_arguments", "evaluate", "format_result", "match", "read_brat"]

Span = tuple[int, int]


@dataclass
class GoldAttribution:
    """One annotated attribution: its cue, source and content spans (each possibly discontinuous)."""

    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


@dataclass
class GoldDocument:
    id: str
    text: str
    attributions: list[GoldAttribution]
    annotation: str = ""


_ANN_LINE = re.compile(r"^([TE])\d+\t")


def _spans(spec: str) -> list[Span]:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attributions of one ``.ann`` file (``T`` and ``E`` lines; other lines ignored)."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not _ANN_LINE.match(line):
            continue  # notes, relations, or the continuation of a multi-line span text
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, spec = parts[1].partition(" ")
            try:
                spans[parts[0]] = (label, _spans(spec))
            except ValueError:
                continue
        elif line.startswith("E") and len(parts) >= 2:
            roles: dict[str, str] = {}
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                role = role.rstrip("0123456789")
                roles.setdefault(role, tid)
            events.append(roles)
    out = []
    for ev in events:
        g = GoldAttribution()
        for role, attr in (("Cue", "cue"), ("Source", "source"), ("Content", "content")):
            ref = ev.get(role)
            if ref and ref in spans:
                getattr(g, attr).extend(spans[ref][1])
        if g.cue or g.content:
            out.append(g)
    return out


def read_brat(folder: str | Path, limit: int | None = None) -> list[GoldDocument]:
    """Documents of a brat folder (``text/`` + ``attributions/``, or ``.txt`` and ``.ann`` side by side)."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(
            "not a folder", path=root, expected="a brat folder (text/ and attributions/, or .txt and .ann files)"
        )
    text_dir = root / "text" if (root / "text").is_dir() else root
    ann_dir = root / "attributions" if (root / "attributions").is_dir() else root
    texts = {p.stem: p for p in sorted(text_dir.glob("*.txt"))}
    if not texts:
        raise InputError("no .txt files", path=text_dir, expected="the texts of a brat folder")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem
        if stem not in texts:
            stem = re.sub(r"_[0-9A-Za-z]+$", "", stem)  # PolNeAR: <name>_<annotator>.ann
        if stem in texts and stem not in chosen:
            chosen[stem] = ann
    if not chosen:
        raise InputError(
            "no .ann files matching the texts", path=ann_dir, expected="<name>.ann or <name>_<annotator>.ann"
        )
    docs = []
    for stem in sorted(chosen):
        text = texts[stem].read_bytes().decode("utf-8")
        docs.append(GoldDocument(stem, text, read_ann(chosen[stem]), chosen[stem].name))
        if limit and len(docs) >= limit:
            break
    return docs


# ---------------------------------------------------------------------- scoring
def _overlap(a: Sequence[Span], b: Sequence[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def match(pred: Sequence[dict[str, Any]], gold: Sequence[GoldAttribution]) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index).

    Pairs whose cues overlap are made first, greedily by the size of the
    overlap; then pairs where either side has no cue, by content overlap.
    """
    by_cue = []
    by_content = []
    for i, p in enumerate(pred):
        pc = [(p["cue_start"], p["cue_end"])] if p["cue_start"] >= 0 else []
        pt = [(p["content_start"], p["content_end"])] if p["content_start"] >= 0 else []
        for j, g in enumerate(gold):
            if pc and g.cue:
                ov = _overlap(pc, g.cue)
                if ov > 0:
                    by_cue.append((ov, i, j))
            elif pt and g.content:
                ov = _overlap(pt, g.content)
                if ov > 0:
                    by_content.append((ov, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for cands in (by_cue, by_content):
        cands.sort(key=lambda x: (-x[0], x[1], x[2]))
        for _ov, i, j in cands:
            if i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else math.nan
    r = tp / n_gold if n_gold else math.nan
    f = 2 * p * r / (p + r) if n_pred and n_gold and (p + r) else 0.0
    return p, r, f


def _pearson(x: Sequence[float], y: Sequence[float]) -> float:
    n = len(x)
    if n < 3:
        return math.nan
    mx, my = sum(x) / n, sum(y) / n
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return math.nan
    return sum((a - mx) * (b - my) for a, b in zip(x, y)) / math.sqrt(sxx * syy)


def miss_classes(
    docs: Sequence[GoldDocument], predictions: Sequence[Sequence[dict[str, Any]]], analyzer: Any
) -> list[dict[str, int]]:
    """Per document, how many missed gold attributions fall in each class (see the module docstring)."""
    from ..text import TextModel

    out = []
    for doc, pred in zip(docs, predictions):
        found = {j for _, j in match(pred, doc.attributions)}
        model = TextModel(doc.text)
        hits = [model.tokens_span(mt.start, mt.end) for mt in analyzer.verbs.match(model)]
        contents = [(p["content_start"], p["content_end"]) for p in pred if p["content_start"] >= 0]
        counts = dict.fromkeys(MISS_CLASSES, 0)
        for j, g in enumerate(doc.attributions):
            if j in found:
                continue
            if not g.cue:
                counts["no_cue"] += 1
                continue
            inside = [h for h in hits if _overlap([h], g.cue)]
            if not inside:
                counts["no_lexicon"] += 1
            elif any(a <= inside[0][0] and inside[0][1] <= b for a, b in contents):
                counts["in_content"] += 1
            else:
                counts["turned_down"] += 1
        out.append(counts)
    return out


MISS_CLASSES = ("no_lexicon", "turned_down", "in_content", "no_cue")


def _baseline_rows(analyzer: Any, text: str) -> list[dict[str, Any]]:
    """Every reporting-verb match as an attribution with no source and no content."""
    from ..text import TextModel

    model = TextModel(text)
    rows = []
    for mt in analyzer.verbs.match(model):
        s, e = model.tokens_span(mt.start, mt.end)
        rows.append(
            {"cue_start": s, "cue_end": e, "source_start": -1, "source_end": -1, "content_start": -1, "content_end": -1}
        )
    return rows


def score(
    docs: Sequence[GoldDocument], predictions: Sequence[Sequence[dict[str, Any]]], n_words: Sequence[int]
) -> dict[str, Any]:
    tp = n_pred = n_gold = 0
    src_ok = src_pred = src_gold = 0
    dens_pred: list[float] = []
    dens_gold: list[float] = []
    per_kind: dict[str, list[int]] = {}
    for doc, pred, nw in zip(docs, predictions, n_words):
        gold = doc.attributions
        pairs = match(pred, gold)
        tp += len(pairs)
        n_pred += len(pred)
        n_gold += len(gold)
        matched = {i for i, _ in pairs}
        for i, p in enumerate(pred):
            k = per_kind.setdefault(str(p.get("kind", "")), [0, 0])
            k[0] += 1
            k[1] += i in matched
        src_pred += sum(1 for p in pred if p["source_start"] >= 0)
        src_gold += sum(1 for g in gold if g.source)
        for i, j in pairs:
            p, g = pred[i], gold[j]
            if p["source_start"] >= 0 and g.source and _overlap([(p["source_start"], p["source_end"])], g.source):
                src_ok += 1
        if nw:
            dens_pred.append(1000 * len(pred) / nw)
            dens_gold.append(1000 * len(gold) / nw)
    precision, recall, f1 = _prf(tp, n_pred, n_gold)
    sp, sr, sf = _prf(src_ok, src_pred, src_gold)
    return {
        "n_docs": len(docs),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "source_f1": sf,
        "source_precision": sp,
        "source_recall": sr,
        "density_r": _pearson(dens_pred, dens_gold),
        "n_gold": n_gold,
        "n_predicted": n_pred,
        "n_matched": tp,
        "gold_per_1000": sum(dens_gold) / len(dens_gold) if dens_gold else math.nan,
        "predicted_per_1000": sum(dens_pred) / len(dens_pred) if dens_pred else math.nan,
        "precision_by_kind": {
            k: {"n": v[0], "precision": v[1] / v[0] if v[0] else math.nan} for k, v in per_kind.items()
        },
    }


# ---------------------------------------------------------------------- entry points
def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--baseline",
        choices=["verbs"],
        help="score a baseline instead of the analyzer: 'verbs' = every reporting verb of the lexicon is an attribution",
    )
    parser.add_argument("--limit", type=int, help="evaluate on the first N documents only")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="also report the density r reached if the missed gold attributions of each class were found",
    )
    parser.add_argument(
        "--wrap",
        type=int,
        metavar="WIDTH",
        help="score on the articles hard-wrapped at WIDTH characters, as a PDF's text is (offsets kept)",
    )


def wrap_in_place(text: str, width: int) -> str:
    """``text`` with a space turned into a line break wherever a line would pass ``width`` characters: the
    line breaks of a PDF's text, with every character where it was, so the gold offsets still hold."""
    if width < 1:
        raise OptionError(f"--wrap takes a width of at least 1 character, not {width}")
    out = list(text)
    line_start = 0
    last_space = -1
    for i, ch in enumerate(f"{text}\n"):  # a line break after the end checks the last line as the others
        if ch != " " and ch != "\n":
            continue
        # the line so far passes the width at this space or line end: break it at the space before, if any
        if i - line_start > width and last_space > line_start:
            out[last_space] = "\n"
            line_start = last_space + 1
        if ch == "\n":
            line_start, last_space = i + 1, -1
        else:
            last_space = i
    return "".join(out)


def evaluate(
    data: str | Path,
    baseline: str | None = None,
    limit: int | None = None,
    misses: bool = False,
    wrap: int | None = None,
    **_: Any,
) -> dict[str, Any]:
    """Read a brat folder, run the analyzer as shipped (or the baseline), and score it; with ``wrap``, on the
    articles hard-wrapped in place (:func:`wrap_in_place`)."""
    from ..analyzers.sourcing import SourcingAnalyzer
    from ..corpus import Corpus, Document
    from ..run import analyze
    from ..text import TextModel

    data = data_folder(data, ".txt", "a brat folder (text/ and attributions/, or .txt and .ann files)")
    docs = read_brat(data, limit=limit)
    if wrap is not None:
        for d in docs:
            d.text = wrap_in_place(d.text, wrap)
    analyzer = SourcingAnalyzer()
    if baseline == "verbs":
        preds = [_baseline_rows(analyzer, d.text) for d in docs]
        n_words = [TextModel(d.text).n_words for d in docs]
    else:
        corpus = Corpus([Document(id=d.id, text=d.text) for d in docs], name=Path(data).name)
        a = analyze(corpus, actors=False, issues=False, analyzers=[analyzer], cleaner=False, progress=False)
        table = a.table("attributions") if "attributions" in a.table_names else None
        by_doc: dict[str, list[dict[str, Any]]] = {d.id: [] for d in docs}
        if table is not None and len(table):
            # pandas-stubs key a record by Hashable: the keys are the table's column names
            for row in cast("list[dict[str, Any]]", table.to_dict("records")):
                by_doc[row["doc_id"]].append(row)
        preds = [by_doc[d.id] for d in docs]
        nw = a.documents.set_index("doc_id")["n_words"]
        n_words = [int(nw.get(d.id, 0)) for d in docs]
    result = {"task": "sourcing", **score(docs, preds, n_words)}
    if misses:
        per_doc = miss_classes(docs, preds, analyzer)
        kept = [i for i, nw in enumerate(n_words) if nw]
        gold = [1000 * len(docs[i].attributions) / n_words[i] for i in kept]
        result["density_r_if_found"] = {
            k: _pearson([1000 * (len(preds[i]) + per_doc[i][k]) / n_words[i] for i in kept], gold) for k in MISS_CLASSES
        }
        result["missed_by_class"] = {k: sum(d[k] for d in per_doc) for k in MISS_CLASSES}
    result["system"] = f"baseline: {baseline}" if baseline else "framing sourcing analyzer"
    if wrap is not None:
        result["wrapped_at"] = wrap
    result["data"] = str(data)
    return _no_nan(result)


def _no_nan(value: Any) -> Any:
    """NaN (undefined: no prediction, one document) becomes ``None`` so that ``--json`` is valid JSON."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    return value


def _f(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None or value != value else f"{value:.{digits}f}"


def format_result(result: dict[str, Any]) -> str:
    r = result
    lines = [
        f"sourcing — {r.get('system', '')} on {r.get('data', '')} ({r['n_docs']} documents)",
        f"  attributions: precision {_f(r['precision'])}  recall {_f(r['recall'])}  F1 {_f(r['f1'])}"
        f"  ({r['n_matched']:,} matched of {r['n_predicted']:,} predicted and {r['n_gold']:,} gold)",
        f"  sources:      precision {_f(r['source_precision'])}  recall {_f(r['source_recall'])}  "
        f"F1 {_f(r['source_f1'])}",
        f"  density:      Pearson r {_f(r['density_r'])} across documents (gold "
        f"{_f(r['gold_per_1000'], 1)}, predicted {_f(r['predicted_per_1000'], 1)} per 1,000 words)",
    ]
    if r.get("density_r_if_found"):
        lines.append(
            "  density r if the missed gold attributions of one class were found: "
            + ", ".join(f"{k} {_f(v)} ({r['missed_by_class'][k]:,} missed)" for k, v in r["density_r_if_found"].items())
        )
    kinds = r.get("precision_by_kind") or {}
    if kinds:
        lines.append(
            "  precision by kind: "
            + ", ".join(
                f"{k or '(none)'} {_f(v['precision'])} (n={v['n']})"
                for k, v in sorted(kinds.items(), key=lambda x: -x[1]["n"])
            )
        )
    return "\n".join(lines)
