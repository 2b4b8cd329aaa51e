"""``framing evaluate frames``: generic frames against SemEval-2023 Task 3 subtask 2 annotation.

Data format (SemEval-2023 Task 3, subtask 2, one language folder): ``labels.tsv``
with one article per line, ``<id> TAB <frame>,<frame>,...`` (an empty label
field means no frame), and the texts in ``articles/article<id>.txt`` (the
title on the first line); the task's own names are read too
(``dev-labels-subtask-2.txt`` beside ``dev-articles/``). Any folder in this
format can be scored.

Metrics (over the 14 frames; ``n`` = articles scored):

* ``micro_f1``: F1 over all (article, frame) decisions pooled;
* ``macro_f1``: the mean of the 14 per-frame F1 scores (a frame never
  predicted and never annotated scores 0, as in scikit-learn);
* ``per_frame``: precision, recall, F1 and support (annotated articles) of each frame.

The top-level ``micro_f1``/``macro_f1`` are the lexicon method exactly as
``framing.analyze`` ships it (the ``frames`` analyzer with its default
settings; nothing is fitted on the data being scored). ``baseline_top5`` is
always predicting the five most frequent frames of the data.
``learned`` is the trainable :class:`~framing.features.FrameClassifier`, scored
by k-fold cross-validation (5 folds by default): each article is predicted by
a model that never saw it.

Reference: Piskorski, J., Stefanovitch, N., Da San Martino, G., & Nakov, P.
(2023). SemEval-2023 Task 3: Detecting the Category, the Framing, and the
Persuasion Techniques in Online News in a Multi-lingual Setup. SemEval 2023.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any, cast

import numpy as np

from ..errors import InputError

__all__ = ["add_arguments", "evaluate", "f1_scores", "format_result", "read_semeval"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-learned", dest="learned", action="store_false", help="skip the cross-validated trainable classifier"
    )
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for the classifier (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the fold split (default 0)")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for the analysis (default 1)")


def read_semeval(data: str | Path) -> tuple[list[str], list[str], list[set[str]], dict[str, Any]]:
    """``(ids, texts, gold label sets, notes)`` from a SemEval subtask-2 folder (or its ``labels.tsv``)."""
    from ..analyzers.frames import FRAMES

    labels_file, articles = _semeval_layout(Path(data))
    known = set(FRAMES)
    ids: list[str] = []
    texts: list[str] = []
    gold: list[set[str]] = []
    missing: list[str] = []
    unknown: dict[str, int] = {}
    for n, line in enumerate(labels_file.read_text(encoding="utf-8-sig").splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.rstrip("\r\n").split("\t")
        aid = parts[0].strip()
        if not aid:
            raise InputError("line without an article id", path=labels_file, line=n, found=line)
        labels = {x.strip() for x in (parts[1] if len(parts) > 1 else "").split(",") if x.strip()}
        for lab in labels - known:
            unknown[lab] = unknown.get(lab, 0) + 1
        f = articles / f"article{aid}.txt"
        if not f.is_file():
            missing.append(aid)
            continue
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        ids.append(aid)
        texts.append(text)
        gold.append(labels & known)
    if not ids:
        raise InputError(f"no article of {labels_file.name} was found", path=articles, expected="article<ID>.txt files")
    notes = {"missing_articles": missing, "unknown_labels": unknown}
    return ids, texts, gold, notes


def _semeval_layout(path: Path) -> tuple[Path, Path]:
    """``(labels file, articles folder)`` of a SemEval folder: ``labels.tsv`` and ``articles/`` as this project's
    copy has them, or the task's own names (``dev-labels-subtask-2.txt`` beside ``dev-articles/``); ``path`` may
    also be the labels file itself."""
    expected = (
        "a folder with labels.tsv and articles/article<ID>.txt (or <split>-labels-subtask-2.txt and <split>-articles/)"
    )
    if path.is_file():
        labels = path
    elif (path / "labels.tsv").is_file():
        labels = path / "labels.tsv"
    else:
        found = sorted(p for p in path.glob("*labels*") if p.is_file() and p.suffix.lower() in (".tsv", ".txt"))
        if len(found) != 1:
            names = ", ".join(p.name for p in found) or None
            why = "no labels file" if not found else f"{len(found)} labels files: give one of them as --data"
            raise InputError(why, path=path, expected=expected, found=names)
        labels = found[0]
    folder = labels.parent
    prefix = labels.name.split("labels")[0]  # "dev-" of dev-labels-subtask-2.txt, "" of labels.tsv
    for name in ("articles", f"{prefix}articles", f"{prefix}articles-subtask-2"):
        if (folder / name).is_dir():
            return labels, folder / name
    found_dirs = [p for p in folder.glob("*articles*") if p.is_dir()]
    if len(found_dirs) == 1:
        return labels, found_dirs[0]
    raise InputError("no articles folder beside the labels", path=labels, expected=expected)


def f1_scores(Y: np.ndarray, P: np.ndarray, names: list[str]) -> dict[str, Any]:
    """Micro and macro F1 and per-class scores of indicator matrices (articles × classes)."""
    Y = Y.astype(bool)
    P = P.astype(bool)
    tp = (Y & P).sum(0)
    fp = (~Y & P).sum(0)
    fn = (Y & ~P).sum(0)
    denom = 2 * tp + fp + fn
    f1 = np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)
    micro = 2 * tp.sum() / max(2 * tp.sum() + fp.sum() + fn.sum(), 1)
    per = {
        name: {
            "precision": float(tp[j] / (tp[j] + fp[j])) if tp[j] + fp[j] else 0.0,
            "recall": float(tp[j] / (tp[j] + fn[j])) if tp[j] + fn[j] else 0.0,
            "f1": float(f1[j]),
            "support": int(Y[:, j].sum()),
            "predicted": int(P[:, j].sum()),
        }
        for j, name in enumerate(names)
    }
    return {"micro_f1": float(micro), "macro_f1": float(f1.mean()), "per_frame": per}


def _indicator(label_sets: list[set[str]], names: list[str]) -> np.ndarray:
    index = {f: j for j, f in enumerate(names)}
    Y = np.zeros((len(label_sets), len(names)), dtype=bool)
    for i, labels in enumerate(label_sets):
        for lab in labels:
            if lab in index:
                Y[i, index[lab]] = True
    return Y


def _learned(texts: list[str], frame_features: np.ndarray, Y: np.ndarray, folds: int, seed: int) -> dict[str, Any]:
    from sklearn.model_selection import KFold, cross_val_predict

    from ..analyzers.frames import FRAMES
    from ..features import frame_model, frame_table

    table = frame_table(texts, frame_features)
    keep = Y.sum(0) >= folds  # a frame needs positives in every training fold
    cv = KFold(n_splits=folds, shuffle=True, random_state=seed)
    P = np.zeros_like(Y)
    if keep.any():
        P[:, keep] = cross_val_predict(frame_model(), table, Y[:, keep].astype(int), cv=cv)
    res = f1_scores(Y, P, list(FRAMES))
    return {
        "method": "FrameClassifier: one-vs-rest logistic regression (balanced) over the 14 frame shares and "
        "TF-IDF of words and two-word phrases",
        "folds": folds,
        "seed": seed,
        **res,
    }


def evaluate(data: str | Path, learned: bool = True, folds: int = 5, seed: int = 0, jobs: int = 1, **_: Any) -> dict:
    """Score the frame analyzer as shipped (and, unless ``learned=False``, the cross-validated classifier)."""
    from ..analyzers.frames import FRAME_KEYS, FRAMES, FrameAnalyzer
    from ..corpus import Corpus, Document
    from ..run import analyze

    t0 = time.perf_counter()
    ids, texts, gold, notes = read_semeval(data)
    corpus = Corpus([Document(id=aid, text=t) for aid, t in zip(ids, texts)], name="semeval-frames")
    a = analyze(corpus, actors=False, issues=False, analyzers=["frames"], n_jobs=jobs, progress=False)
    docs = a.documents.set_index("doc_id").reindex(ids)
    predicted = [
        {x.strip() for x in str(v).split(",") if x.strip()} if isinstance(v, str) else set()
        for v in docs["frame_labels"].tolist()
    ]
    names = list(FRAMES)
    Y = _indicator(gold, names)
    P = _indicator(predicted, names)
    result: dict[str, Any] = {"task": "frames", "n": len(ids)}
    result.update(f1_scores(Y, P, names))
    analyzer = cast(FrameAnalyzer, a.pipeline.analyzers[0])  # the one analyzer asked for: "frames"
    result["method"] = (
        "lexicon (framing/lexicons/data/frames.tsv, as shipped): a sentence uses a frame when its cues reach "
        f"weight {analyzer.min_weight:g}; an article gets the frames among its {analyzer.max_frames} most used "
        f"that at least {analyzer.min_sentences} sentences and {analyzer.min_share:.0%} of its sentences use"
        + (
            f" (or at least {analyzer.enough_sentences} sentences, whatever their share)"
            if analyzer.enough_sentences is not None
            else ""
        )
    )
    result["lexicon_version"] = analyzer.lexicon.meta.get("version", "")
    freq = Y.sum(0)
    top5 = sorted(range(len(names)), key=lambda j: (-freq[j], j))[:5]
    B = np.zeros_like(Y)
    B[:, top5] = True
    base = f1_scores(Y, B, names)
    result["baseline_top5"] = {
        "frames": [names[j] for j in top5],
        "micro_f1": base["micro_f1"],
        "macro_f1": base["macro_f1"],
    }
    result["labels_per_article"] = {"gold": float(Y.sum(1).mean()), "predicted": float(P.sum(1).mean())}
    if learned:
        shares = docs[[f"frame_share_{FRAME_KEYS[f]}" for f in names]].to_numpy(dtype=float)
        result["learned"] = _learned(texts, np.nan_to_num(shares), Y, folds, seed)
    result["missing_articles"] = len(notes["missing_articles"])
    result["unknown_labels"] = notes["unknown_labels"]
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def format_result(result: dict[str, Any]) -> str:
    from ..analyzers.frames import FRAME_NAMES

    lines = [
        f"Frames (SemEval-2023 Task 3 subtask 2 format): {result['n']} articles",
        f"  lexicon method as shipped: micro-F1 {result['micro_f1']:.3f}, macro-F1 {result['macro_f1']:.3f}",
        f"  baseline, always the 5 most frequent frames: micro-F1 {result['baseline_top5']['micro_f1']:.3f}, "
        f"macro-F1 {result['baseline_top5']['macro_f1']:.3f}",
    ]
    if "learned" in result:
        ln = result["learned"]
        lines.append(
            f"  trainable classifier, {ln['folds']}-fold cross-validation: micro-F1 {ln['micro_f1']:.3f}, "
            f"macro-F1 {ln['macro_f1']:.3f}"
        )
    lines.append(
        f"  frames per article: annotated {result['labels_per_article']['gold']:.1f}, "
        f"predicted {result['labels_per_article']['predicted']:.1f}"
    )
    lines.append("")
    lines.append(f"  {'frame':36s} {'P':>6s} {'R':>6s} {'F1':>6s} {'support':>8s}")
    for f, d in result["per_frame"].items():
        lines.append(
            f"  {FRAME_NAMES.get(f, f):36s} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f} {d['support']:8d}"
        )
    if result.get("missing_articles"):
        lines.append(f"  ({result['missing_articles']} labelled articles had no text file and were left out)")
    if result.get("unknown_labels"):
        lines.append(f"  (labels that are not one of the 14 frames, ignored: {result['unknown_labels']})")
    return "\n".join(lines)
