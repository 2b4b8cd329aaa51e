"""scikit-learn integration: framing's document measures as features, and a trainable frame classifier.

:class:`FramingFeatures` is a transformer from texts to the document measures
of framing's analyzers (reading ease, frame shares, hedges per 1,000 words, …):
one row per text, one column per metric, in the order of
``get_feature_names_out()``. It follows scikit-learn's conventions for text
vectorizers (like ``TfidfVectorizer``): the input is a 1-D sequence of strings
(a list, a NumPy array, a pandas Series, or a one-column DataFrame), and
``set_output(transform="pandas")`` gives a DataFrame with the input's index.
Nothing is learned in ``fit``: each row depends on its own text only, so the
features can be computed once and reused across cross-validation folds.

:class:`FrameClassifier` is the optional supervised frame detector: a
one-vs-rest logistic regression (class-weighted) over framing's frame shares
and the TF-IDF of words and two-word phrases, trained on the user's own
labelled articles. The lexicon method (:class:`~framing.analyzers.frames.FrameAnalyzer`)
needs no training; use the classifier when you have a few hundred labelled articles
of your own domain.

Example::

    from sklearn.pipeline import make_pipeline
    from sklearn.linear_model import LogisticRegression
    from framing.features import FramingFeatures

    model = make_pipeline(FramingFeatures(analyzers=["readability", "frames"]), LogisticRegression())
    model.fit(df["text"], df["bias"])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, TransformerMixin
from sklearn.utils.validation import check_is_fitted

__all__ = ["FrameClassifier", "FramingFeatures", "as_texts"]


def as_texts(X: Any) -> list[str]:
    """A list of strings from a list, array, Series or one-column DataFrame of texts.

    ``None`` and NaN become empty texts; anything else that is not a string is
    an error (a 2-D table of numbers is not a corpus).
    """
    if isinstance(X, str):
        raise ValueError("expected a sequence of texts, got a single string; wrap it in a list")
    if hasattr(X, "columns") and hasattr(X, "iloc"):  # DataFrame
        if X.shape[1] != 1:
            raise ValueError(f"expected one column of texts, got a DataFrame with {X.shape[1]} columns")
        X = X.iloc[:, 0]
    arr = np.asarray(X, dtype=object)
    if arr.ndim == 2 and arr.shape[1] == 1:
        arr = arr[:, 0]
    if arr.ndim != 1:
        raise ValueError(f"expected a 1-D sequence of texts, got an array of shape {arr.shape}")
    out = []
    for k, v in enumerate(arr):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out.append("")
        elif isinstance(v, str):
            out.append(v)
        else:
            raise ValueError(f"text {k} is a {type(v).__name__}, not a string")
    return out


class FramingFeatures(TransformerMixin, BaseEstimator):
    """Texts → framing's document measures (one column per metric).

    Args:
        analyzers: analyzer names (default: every available analyzer).
        actors: an ActorSet, YAML path or dict for the actor-based measures
            (stance); ``False`` (default) finds no actors.
        issues: an IssueSet, YAML path or dict; adds ``issue_<slug>`` shares.
        metrics: keep only these metric names (default: all metrics of the analyzers).
        fill_value: value for measures that are undefined for a text (no
            sentence, no mention); ``None`` leaves NaN (use an imputer).
        clean: clean the texts first (as ``framing.analyze`` does).
        n_jobs: worker processes for transform.
    """

    def __init__(
        self,
        analyzers: Sequence[str] | None = None,
        actors: Any = False,
        issues: Any = None,
        metrics: Sequence[str] | None = None,
        fill_value: float | None = 0.0,
        clean: bool = True,
        n_jobs: int = 1,
    ) -> None:
        self.analyzers = analyzers
        self.actors = actors
        self.issues = issues
        self.metrics = metrics
        self.fill_value = fill_value
        self.clean = clean
        self.n_jobs = n_jobs

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.input_tags.allow_nan = True
        return tags

    def _pipeline(self):
        from .pipeline import Pipeline
        from .run import resolve_actors, resolve_issues

        return Pipeline(
            actors=resolve_actors(self.actors) if self.actors is not False else None,
            issues=resolve_issues(self.issues) if self.issues is not None else None,
            analyzers=list(self.analyzers) if self.analyzers is not None else None,
            cleaner=None if self.clean else False,
        )

    def fit(self, X: Any, y: Any = None) -> FramingFeatures:
        """Check the input and the settings; record the feature names (nothing is learned from ``X``)."""
        as_texts(X)
        pipe = self._pipeline()
        names = list(pipe.metrics)
        if self.metrics is not None:
            unknown = [m for m in self.metrics if m not in pipe.metrics]
            if unknown:
                raise ValueError(f"unknown metric {unknown[0]!r}; metrics: {', '.join(pipe.metrics)}")
            names = list(self.metrics)
        if pipe.issues is not None and "issues" in pipe.analyzer_names:
            from .analyzers.issues import share_columns

            names += share_columns(pipe.issues)
        self.feature_names_out_ = np.asarray(names, dtype=object)
        self._pipe = pipe
        return self

    def __getstate__(self) -> dict[str, Any]:
        state = super().__getstate__()
        state.pop("_pipe", None)  # compiled analyzers are rebuilt on first use after unpickling
        return state

    def transform(self, X: Any) -> np.ndarray:
        """One row per text: the value of each feature (see ``get_feature_names_out()``)."""
        check_is_fitted(self, "feature_names_out_")
        from .corpus import Document
        from .run import process_documents

        texts = as_texts(X)
        docs = [Document(id=f"text-{k}", text=t, status="ok" if t.strip() else "skipped") for k, t in enumerate(texts)]
        names = list(self.feature_names_out_)
        out = np.full((len(texts), len(names)), np.nan)
        pipe = self.__dict__.get("_pipe")
        if pipe is None:
            pipe = self._pipe = self._pipeline()
        for k, o in enumerate(process_documents(pipe, docs, n_jobs=self.n_jobs, progress=False)):
            row = o.row
            for j, name in enumerate(names):
                v = row.get(name)
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    out[k, j] = float(v)
        if self.fill_value is not None:
            out[np.isnan(out)] = self.fill_value
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The metric names, in column order."""
        check_is_fitted(self, "feature_names_out_")
        return self.feature_names_out_.copy()


def _frame_feature_names() -> list[str]:
    from .analyzers.frames import FRAME_KEYS

    return [f"frame_share_{k}" for k in FRAME_KEYS.values()]


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """A frame classifier you train on your own labelled articles (multi-label).

    Features: the 14 frame shares of the lexicon method and the TF-IDF of words
    and two-word phrases (``text_features=True``); model: one logistic
    regression per frame, classes weighted by their frequency. ``y`` is a
    list of label lists (``[["Political", "Economic"], ...]``) or an indicator
    matrix with ``classes``; ``predict`` returns the indicator matrix and
    :meth:`predict_labels` the label lists.

    Args:
        C: inverse regularisation strength of the logistic regressions.
        text_features: add TF-IDF of words and phrases to the frame shares.
        min_df: minimum document frequency of a TF-IDF term.
        classes: the label set (default: the labels seen in ``fit``).
    """

    def __init__(
        self, C: float = 1.0, text_features: bool = True, min_df: int = 2, classes: Sequence[str] | None = None
    ):
        self.C = C
        self.text_features = text_features
        self.min_df = min_df
        self.classes = classes

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.target_tags.multi_output = True
        tags.target_tags.single_output = False
        return tags

    def _model(self):
        return frame_model(self.C, self.text_features, self.min_df)

    def _binarize(self, y: Any) -> tuple[np.ndarray, list[str]]:
        """``(indicator matrix, classes)`` from label lists, comma-separated strings or an indicator matrix."""
        from sklearn.preprocessing import MultiLabelBinarizer

        if isinstance(y, np.ndarray) and y.ndim == 2 and y.dtype != object:
            if self.classes is None or len(self.classes) != y.shape[1]:
                raise ValueError("an indicator matrix y needs classes= naming its columns")
            return y.astype(int), list(self.classes)
        labels = [[s.strip() for s in v.split(",") if s.strip()] if isinstance(v, str) else list(v) for v in y]
        mlb = MultiLabelBinarizer(classes=list(self.classes) if self.classes is not None else None)
        Y = mlb.fit_transform(labels)
        return Y, [str(c) for c in mlb.classes_]

    def fit(self, X: Any, y: Any) -> FrameClassifier:
        """Train on texts ``X`` and their frames ``y``."""
        texts = as_texts(X)
        Y, classes = self._binarize(y)
        if len(texts) != len(Y):
            raise ValueError(f"{len(texts)} texts but {len(Y)} label sets")
        self.classes_ = np.asarray(classes, dtype=object)
        self.features_ = FramingFeatures(analyzers=["frames"], metrics=_frame_feature_names()).fit(texts)
        table = frame_table(texts, self.features_.transform(texts))
        self.model_ = self._model().fit(table, Y)
        return self

    def _table(self, X: Any):
        check_is_fitted(self, "model_")
        texts = as_texts(X)
        return frame_table(texts, self.features_.transform(texts))

    def predict(self, X: Any) -> np.ndarray:
        return self.model_.predict(self._table(X))

    def predict_proba(self, X: Any) -> np.ndarray:
        return self.model_.predict_proba(self._table(X))

    def predict_labels(self, X: Any) -> list[list[str]]:
        """The predicted frames of each text, as label lists."""
        P = self.predict(X)
        return [[str(c) for c, on in zip(self.classes_, row) if on] for row in P]


def frame_table(texts: Iterable[str], frame_features: np.ndarray):
    """The classifier's input: one row per text with its frame shares and the text itself."""
    import pandas as pd

    df = pd.DataFrame(np.asarray(frame_features, dtype=float), columns=_frame_feature_names())
    df["text"] = list(texts)
    return df


def frame_model(C: float = 1.0, text_features: bool = True, min_df: int = 2):
    """The classifier behind :class:`FrameClassifier`, over :func:`frame_table` rows.

    Exposed so that evaluation can cross-validate it on features computed once
    (frame shares depend on each text alone, so nothing leaks between folds;
    the TF-IDF vocabulary is fitted inside each fold).
    """
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline

    parts: list[tuple[str, Any, Any]] = [("frames", "passthrough", _frame_feature_names())]
    if text_features:
        parts.append(
            (
                "words",
                TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, max_df=0.9, sublinear_tf=True, stop_words="english"),
                "text",
            )
        )
    return Pipeline(
        [
            ("features", ColumnTransformer(parts)),
            (
                "clf",
                OneVsRestClassifier(
                    LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=1000)
                ),
            ),
        ]
    )
