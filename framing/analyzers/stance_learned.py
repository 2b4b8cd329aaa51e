"""A learned stance option: logistic regression on the lexicon analyzer's evidence, fitted on your own labels.

The lexicon analyzer (:class:`~framing.analyzers.stance.StanceAnalyzer`)
stands on its own; this second analyzer re-weighs its evidence with a model
fitted on labelled mentions, for users who have annotated some of their own
data. Its features are sums over the lexicon analyzer's contributions to each
mention (positive and negative, by role, quoted, negated, via a pronoun, near
another actor), the sentence's overall positive and negative weight, and the
lexicon stance itself, so every prediction can still be traced to the words
behind it. The model is multinomial logistic regression (scikit-learn) on
standardised features.

It is not run by default (it needs fitting) and is not registered::

    from framing.analyzers.stance_learned import LearnedStanceAnalyzer
    learned = LearnedStanceAnalyzer().fit("my_labels.jsonl")      # NewsMTSC-style file
    a = framing.analyze(corpus, analyzers=["stance", learned])
    a.mentions[["actor", "stance", "stance_learned", "label_learned"]]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .base import Analyzer, DocContext, DocResult, Metric, mean
from .stance import StanceAnalyzer
from .stance_rules import Contribution, normalise

__all__ = ["FEATURES", "LearnedStanceAnalyzer"]

_KINDS = ("agent", "patient", "subject", "possessive", "appositive")
#: Names of the features, in order.
FEATURES = (
    "lexicon_stance",
    "sum_positive",
    "sum_negative",
    "n_positive",
    "n_negative",
    "max_positive",
    "min_negative",
    *(f"sum_{k}" for k in _KINDS),
    "sum_quoted",
    "sum_negated",
    "sum_via_pronoun",
    "sum_nearer_actor",
    "sentence_positive",
    "sentence_negative",
    "mentions_in_sentence",
)
_LABELS = ("negative", "neutral", "positive")


def mention_features(
    contributions: Sequence[Contribution], n_mentions: int, mention_sentence: Sequence[int], alpha: float
) -> list[list[float]]:
    """One feature row (see :data:`FEATURES`) per mention, from the lexicon analyzer's contributions."""
    rows = [[0.0] * len(FEATURES) for _ in range(n_mentions)]
    sent_pos: dict[int, float] = {}
    sent_neg: dict[int, float] = {}
    per_sent: dict[int, int] = {}
    for s in mention_sentence:
        per_sent[s] = per_sent.get(s, 0) + 1
    kind_at = {k: FEATURES.index(f"sum_{k}") for k in _KINDS}
    for c in contributions:
        r = rows[c.mention]
        v = c.value
        s = mention_sentence[c.mention]
        if v > 0:
            r[1] += v
            r[3] += 1
            r[5] = max(r[5], v)
            sent_pos[s] = sent_pos.get(s, 0.0) + v
        elif v < 0:
            r[2] += v
            r[4] += 1
            r[6] = min(r[6], v)
            sent_neg[s] = sent_neg.get(s, 0.0) + v
        kind = c.category.partition("/")[2]
        if kind in kind_at:
            r[kind_at[kind]] += v
        if c.quoted:
            r[12] += v
        note = c.note
        if "negated" in note:
            r[13] += v
        if "via pronoun" in note:
            r[14] += v
        if "nearer actor" in note:
            r[15] += v
    for i, r in enumerate(rows):
        r[0] = normalise(r[1] + r[2], alpha)
        s = mention_sentence[i]
        r[16] = sent_pos.get(s, 0.0)
        r[17] = sent_neg.get(s, 0.0)
        r[18] = float(per_sent.get(s, 1))
    return rows


class LearnedStanceAnalyzer(Analyzer):
    """Stance per mention from a logistic regression over the lexicon analyzer's evidence.

    Args:
        base: the lexicon analyzer whose evidence is used (default: ``StanceAnalyzer()``).
        C: inverse regularisation strength of the logistic regression.
        class_weight: ``None`` (the training file's class shares) or ``"balanced"``.
    """

    name = "stance_learned"
    mention_columns = {"stance_learned": 0.0, "label_learned": "neutral"}

    def __init__(self, base: StanceAnalyzer | None = None, C: float = 1.0, class_weight: str | None = None) -> None:
        self.base = base or StanceAnalyzer()
        self.C = float(C)
        self.class_weight = class_weight
        self.model: Any = None
        self.n_fitted = 0

    def settings(self) -> dict[str, Any]:
        return {"C": self.C, "fitted_on": self.n_fitted, **{f"base_{k}": v for k, v in self.base.settings().items()}}

    def lexicons(self):
        return self.base.lexicons()

    # ------------------------------------------------------------------ fitting
    def features(self, ctx: DocContext) -> list[list[float]]:
        """The feature rows of the document's mentions."""
        contribs = self.base.contributions(ctx)
        return mention_features(contribs, len(ctx.mentions), ctx.mention_sentence, self.base.params.alpha)

    def fit(self, data: str | Path | Sequence[tuple[str, Sequence[Any]]]) -> LearnedStanceAnalyzer:
        """Fit on labelled targets: a NewsMTSC-style ``.jsonl`` file, or ``[(sentence, [(start, end, label), ...])]``."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        from ..evaluate.stance import load_targets

        sentences = load_targets(data) if isinstance(data, (str, Path)) else data
        X: list[list[float]] = []
        y: list[str] = []
        for ctx, rows in _contexts(sentences):
            feats = self.features(ctx)
            for j, label in rows:
                X.append(feats[j])
                y.append(label)
        if len(set(y)) < 2:
            raise ValueError("fitting needs labelled mentions of at least two classes")
        self.model = make_pipeline(
            StandardScaler(), LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=2000)
        )
        self.model.fit(X, y)
        self.n_fitted = len(y)
        return self

    # ------------------------------------------------------------------ scoring
    def analyze(self, ctx: DocContext) -> DocResult:
        if self.model is None:
            raise RuntimeError("LearnedStanceAnalyzer must be fitted first: .fit(labelled file)")
        n = len(ctx.mentions)
        if n == 0:
            return DocResult(mentions={"stance_learned": [], "label_learned": []})
        feats = self.features(ctx)
        proba = self.model.predict_proba(feats)
        classes = list(self.model.classes_)
        i_neg = classes.index("negative") if "negative" in classes else None
        i_pos = classes.index("positive") if "positive" in classes else None
        stance = []
        labels = []
        for p in proba:
            v = (p[i_pos] if i_pos is not None else 0.0) - (p[i_neg] if i_neg is not None else 0.0)
            stance.append(round(float(v), 4))
            labels.append(str(classes[int(p.argmax())]))
        return DocResult(mentions={"stance_learned": stance, "label_learned": labels})

    def metrics(self) -> list[Metric]:
        return [
            Metric(
                "stance_learned_mean",
                "Mean stance (learned)",
                self.name,
                "mentions",
                ("stance_learned", "_rows"),
                mean,
                "Mean of P(positive) − P(negative) from the learned model, over the actor's mentions.",
                unit="stance",
                per_actor=True,
            )
        ]

    def document_metrics(self) -> Mapping[str, str]:
        return {}


def _contexts(sentences: Sequence[tuple[str, Sequence[Any]]]):
    """A DocContext per labelled sentence (targets as mentions, as in the evaluation) and its (row, label) pairs."""
    import bisect

    from ..corpus import Document
    from ..evaluate.stance import target_mentions
    from ..text import TextModel

    for k, (text, targets) in enumerate(sentences):
        model = TextModel(text)
        mentions, rows = target_mentions(text, targets)
        starts = model.sent_starts
        msent = [max(0, bisect.bisect_right(starts, m.start) - 1) for m in mentions]
        yield DocContext(Document(id=f"s{k}", text=text), model, None, mentions, msent), rows  # type: ignore[arg-type]
