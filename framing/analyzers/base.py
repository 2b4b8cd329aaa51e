"""The analyzer contract: a pure function of a parsed document, and the metrics it defines.

An analyzer reads a :class:`DocContext` (the parsed text, the actor mentions,
the results of analyzers it depends on) and returns a :class:`DocResult`:

* ``sentences``: columns aligned with the document's sentences (counts and flags);
* ``mentions``: columns aligned with the document's actor mentions (stance, source);
* ``evidence``: one row per word or span that contributed to a number;
* ``metrics``: document-level values that are not ratios of sentence sums;
* ``tables``: any extra table (rows as dicts), such as attributions.

Document, outlet and issue figures are *not* computed by analyzers: each
analyzer declares :class:`Metric` objects, ratios of sums of its sentence or
mention columns (``1000 * sum(n_hedges) / sum(n_words)``). The same formula
then gives the document value, the outlet value, the value restricted to one
issue's sentences or one actor's mentions, and bootstrap intervals that
resample documents. Options live on the analyzer instance; there is no global
state.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

import numpy as np

from ..errors import OptionError

if TYPE_CHECKING:
    from ..actors import ActorSet, Mention
    from ..clean import CleanResult
    from ..corpus import Document
    from ..issues import IssueSet
    from ..lexicons import Lexicon
    from ..text import TextModel

__all__ = [
    "MENTIONS_PER_1000",
    "REGISTRY",
    "Analyzer",
    "DocContext",
    "DocResult",
    "Evidence",
    "Metric",
    "mean",
    "per_thousand",
    "ratio",
    "register",
]


class Evidence(NamedTuple):
    """A span of the cleaned text that contributed to a number."""

    category: str
    start: int
    end: int
    weight: float = 1.0
    actor: str = ""
    sentence_id: int = -1
    note: str = ""


@dataclass
class DocContext:
    """What an analyzer may read about one document."""

    doc: Document
    model: TextModel
    clean: CleanResult
    mentions: list[Mention]
    mention_sentence: list[int]
    actors: ActorSet | None = None
    issues: IssueSet | None = None
    results: dict[str, DocResult] = field(default_factory=dict)
    #: what one analyzer computes for this document and a later one reuses (the sentences the issue and frame
    #: analyzers count, the issue matcher's vocabulary): lives as long as the context, one document
    shared: dict[str, Any] = field(default_factory=dict)

    def mentions_in(self, s: int) -> list[int]:
        """Indexes of the mentions in sentence ``s``."""
        ms = self.mention_sentence
        return [i for i, x in enumerate(ms) if x == s] if len(ms) < 64 else self._by_sentence().get(s, [])

    def _by_sentence(self) -> dict[int, list[int]]:
        cache = self.__dict__.get("_by_sent")
        if cache is None:
            cache = {}
            for i, s in enumerate(self.mention_sentence):
                cache.setdefault(s, []).append(i)
            self.__dict__["_by_sent"] = cache
        return cache


@dataclass
class DocResult:
    """An analyzer's output for one document (see the module docstring)."""

    sentences: dict[str, list[Any]] = field(default_factory=dict)
    mentions: dict[str, list[Any]] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Metric:
    """A figure defined as a function of column sums, so it aggregates and resamples exactly.

    ``value = formula(sum(columns[0]), sum(columns[1]), ...)`` over the rows of
    ``table`` (``"sentences"`` or ``"mentions"``) of a document, an outlet, an
    issue or an actor. The pseudo-column ``"_rows"`` counts rows; ``"_mentions"``
    (sentences table) counts the actor mentions in each sentence. A ``per_actor``
    metric of the sentences table sees every sentence, its ``_mentions`` counting
    one actor's mentions only (see :data:`MENTIONS_PER_1000`).
    """

    name: str
    label: str
    analyzer: str
    table: str
    columns: tuple[str, ...]
    formula: Callable[..., float]
    description: str = ""
    unit: str = ""
    citation: str = ""
    per_actor: bool = False
    min_rows: int = 1

    def compute_many(self, sums: np.ndarray) -> np.ndarray:
        """The metric for each row of ``sums`` (replicates × columns), vectorised when the formula allows."""
        if getattr(self.formula, "vectorized", False):
            return np.asarray(self.formula(*sums.T), dtype=float)
        return np.array([self.compute(tuple(r)) for r in sums], dtype=float)

    def compute(self, sums: Mapping[str, float] | tuple[float, ...]) -> float:
        if type(sums) is tuple:  # the usual case, before the slower check against the Mapping ABC
            vals = sums
        else:
            vals = tuple(sums[c] for c in self.columns) if isinstance(sums, Mapping) else tuple(sums)
        try:
            v = self.formula(*vals)
        except (ZeroDivisionError, ValueError):
            return math.nan
        return float(v) if v is not None else math.nan


def safe_divide(a: Any, b: Any) -> Any:
    """``a / b``, NaN where ``b`` is 0; works on numbers and on numpy arrays alike."""
    if type(b) is float or np.ndim(b) == 0:  # a plain float first: one document's sums (no numpy call)
        return a / b if b else math.nan
    b = np.asarray(b, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b != 0, np.asarray(a, dtype=float) / np.where(b != 0, b, 1.0), np.nan)


def vectorized(func: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a metric formula as accepting numpy arrays (one value per bootstrap replicate)."""
    func.vectorized = True  # type: ignore[attr-defined]
    return func


@dataclass(frozen=True)
class Ratio:
    """``scale * a / b`` (NaN when ``b`` is 0); a class, not a closure, so metrics pickle to worker processes."""

    scale: float = 1.0
    vectorized = True

    def __call__(self, a: Any, b: Any) -> Any:
        if type(b) is float or not np.ndim(b):  # a plain float first: one document's sums (no numpy call)
            return self.scale * a / b if b else math.nan
        return safe_divide(self.scale * a, b)


#: The attention an actor gets: its mentions per 1,000 words of text, ``1000 × Σ_mentions / Σ n_words`` over
#: every sentence of a document or group (not only those naming the actor). Over all actors together, a
#: document's value is its density of actor mentions. Salience, the first thing framing selects: Entman, R. M.
#: (1993). Framing: toward clarification of a fractured paradigm. *Journal of Communication* 43(4), 51–58.
MENTIONS_PER_1000 = Metric(
    "mentions_per_1000",
    "Mentions per 1,000 words",
    "stance",
    "sentences",
    ("_mentions", "n_words"),
    Ratio(1000.0),
    "1000 × the actor's mentions / words of all the text (every sentence, whether it names the actor or not).",
    unit="per 1,000 words",
    citation="Entman (1993): salience",
    per_actor=True,
)


def ratio(scale: float = 1.0) -> Callable[[float, float], float]:
    """``scale * a / b`` (NaN when ``b`` is 0)."""
    return Ratio(scale)


@vectorized
def per_thousand(a: Any, words: Any) -> Any:
    """Occurrences per 1,000 words."""
    return safe_divide(1000.0 * a, words)


@vectorized
def mean(total: Any, n: Any) -> Any:
    return safe_divide(total, n)


class Analyzer(ABC):
    """Base class: subclasses set ``name`` and implement :meth:`analyze` and :meth:`metrics`."""

    name: ClassVar[str] = ""
    #: Names of analyzers whose results this one reads (run first).
    requires: ClassVar[tuple[str, ...]] = ()
    #: Columns this analyzer adds to the mentions table, with their empty value.
    mention_columns: ClassVar[Mapping[str, Any]] = {}
    #: Columns this analyzer adds to the sentences table, with their empty value.
    sentence_columns: ClassVar[Mapping[str, Any]] = {}

    @abstractmethod
    def analyze(self, ctx: DocContext) -> DocResult:
        """Analyze one document (pure: no state is kept between documents)."""

    def metrics(self) -> list[Metric]:
        """The figures this analyzer defines."""
        return []

    def document_metrics(self) -> Mapping[str, str]:
        """Names and descriptions of the free-form values this analyzer puts in ``DocResult.metrics``."""
        return {}

    def lexicons(self) -> list[Lexicon]:
        """The lexicons this analyzer uses (listed on the report's title page)."""
        return []

    def settings(self) -> dict[str, Any]:
        """Options that change results (for the report and reproducibility)."""
        return {}

    def __repr__(self) -> str:
        opts = ", ".join(f"{k}={v!r}" for k, v in self.settings().items())
        return f"{type(self).__name__}({opts})"


#: Analyzer classes by name; ``framing.analyze(analyzers=["readability", ...])`` looks names up here.
REGISTRY: dict[str, str] = {
    "readability": "framing.analyzers.readability:Readability",
    "issues": "framing.analyzers.issues:IssueAnalyzer",
    "frames": "framing.analyzers.frames:FrameAnalyzer",
    "sourcing": "framing.analyzers.sourcing:SourcingAnalyzer",
    "hedging": "framing.analyzers.hedging:HedgingAnalyzer",
    "stance": "framing.analyzers.stance:StanceAnalyzer",
}


def register(name: str, target: str) -> None:
    """Register an analyzer class by import path (``"package.module:Class"``)."""
    REGISTRY[name] = target


def available() -> list[str]:
    """Registered analyzers whose module is installed."""
    import importlib.util

    out = []
    for name, target in REGISTRY.items():
        module = target.split(":")[0]
        if importlib.util.find_spec(module) is not None:
            out.append(name)
    return out


def create(name: str, **options: Any) -> Analyzer:
    """Instantiate a registered analyzer."""
    import importlib

    if name not in REGISTRY:
        raise OptionError(f"unknown analyzer {name!r}; known: {', '.join(REGISTRY)}")
    module, cls = REGISTRY[name].split(":")
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            raise OptionError(f"the {name!r} analyzer is not available in this version of framing") from None
        raise
    return getattr(mod, cls)(**options)
