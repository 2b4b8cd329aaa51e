"""Stance toward actors: who is blamed and who is praised, scored per mention from the words around it.

Each actor mention gets a stance in [−1, 1] from the evaluative words of its
sentence that apply to it (rules in :mod:`framing.analyzers.stance_rules`,
lexicons in :mod:`framing.analyzers.stance_lexicon`). Every contributing word
becomes an evidence row with its signed contribution and the rule that
applied ("negated by 'not'", "doer of 'harm' act", "possessive",
"quoted: Rizvi"), so each number can be traced to the words behind it.

Mentions table columns:

``stance``            S / sqrt(S² + α) of the summed contributions; 0.0 without evidence
``label``             "negative" (stance ≤ −t), "positive" (≥ t) or "neutral" (t = ``threshold``)
``quoted``            the stance comes mainly from inside a quotation
``source``            who speaks when quoted (the sourcing analyzer's attribution; "" when unknown)
``stance_neg``, ``stance_pos``   1 when the label is negative / positive
``stance_evaluated``  1 when any evaluative word applies to the mention
``stance_n_evidence`` number of contributing words
``stance_own``, ``stance_own_n``         stance and count of evaluated mentions outside quotations
``stance_quoted``, ``stance_quoted_n``   the same inside quotations

Metrics (per actor; as ratios of these column sums they aggregate to documents,
outlets and issues, with bootstrap intervals, through ``Analysis.compare``):
mean stance, share negative, share positive, mentions, mean stance where
evaluated, mean stance in the outlet's own voice and in quotations; and the
attention each actor gets, ``mentions_per_1000`` (its mentions per 1,000 words
of all the text, :data:`~framing.analyzers.base.MENTIONS_PER_1000`).

The extra table ``stance_actors`` has one row per document and actor: mentions,
mean stance, shares negative/positive, evidence words and a ``thin`` flag.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache, partial
from typing import Any

from ..lexicons import Lexicon, load_lexicon
from .base import MENTIONS_PER_1000, Analyzer, DocContext, DocResult, Evidence, Metric, mean, ratio, vectorized
from .stance_lexicon import StanceLexicon
from .stance_persons import NotPersons, not_persons, source_words
from .stance_rules import Contribution, RuleParams, document_info, harmful_actors, normalise, score_sentences

__all__ = ["StanceAnalyzer"]

_LABELS = ("negative", "neutral", "positive")
#: Evidence((...)) without the keyword handling of a named tuple's constructor (many are made)
_new_evidence = partial(tuple.__new__, Evidence)


@vectorized
def _count(n: Any) -> Any:
    return n


@lru_cache(maxsize=4)
def _shipped_lexicon(vader: bool, vader_weight: float) -> StanceLexicon:
    """The shipped lexicons compiled once per process (about a second of work; read-only once built)."""
    return StanceLexicon.build(vader=vader, vader_weight=vader_weight)


class StanceAnalyzer(Analyzer):
    """Lexicon-and-rules stance toward each actor mention.

    Args:
        threshold: |stance| at or above which a mention is labelled negative or positive.
        vader: include VADER's lexicon (read from the installed package).
        vader_weight: multiplies VADER's weights (our own lexicons keep theirs).
        extra: your own evaluative words, ``{"term": weight in [-1, 1]}``; they take precedence.
        lexicons: replacements for the bundled files, by part: ``verbs``, ``conflict``, ``adjust``,
            ``negators``, ``modifiers``, ``cues`` (a bundled name, a path, a dict or a Lexicon).
        min_evidence: contributions smaller than this (in absolute value) are not kept as evidence rows.
        thin_mentions: fewer mentions than this for an actor in a document flags it ``thin`` in ``stance_actors``.
        **rules: any :class:`~framing.analyzers.stance_rules.RuleParams` field (``scale=6``, ``speaker=0.2`` ...).
    """

    name = "stance"
    mention_columns = {
        "stance": 0.0,
        "label": "neutral",
        "quoted": False,
        "source": "",
        "stance_neg": 0,
        "stance_pos": 0,
        "stance_evaluated": 0,
        "stance_n_evidence": 0,
        "stance_own": 0.0,
        "stance_own_n": 0,
        "stance_quoted": 0.0,
        "stance_quoted_n": 0,
    }

    def __init__(
        self,
        threshold: float = 0.1,
        vader: bool = True,
        vader_weight: float = 1.0,
        extra: Mapping[str, float] | Lexicon | None = None,
        lexicons: Mapping[str, Any] | None = None,
        min_evidence: float = 0.005,
        thin_mentions: int = 3,
        **rules: Any,
    ) -> None:
        unknown = set(rules) - set(RuleParams.__dataclass_fields__)
        if unknown:
            raise TypeError(f"unknown stance option(s): {', '.join(sorted(unknown))}")
        parts = dict(lexicons or {})
        bad = set(parts) - {"verbs", "conflict", "adjust", "negators", "modifiers", "cues"}
        if bad:
            raise TypeError(f"unknown lexicon part(s): {', '.join(sorted(bad))}")
        self.threshold = float(threshold)
        self.vader = bool(vader)
        self.min_evidence = float(min_evidence)
        self.thin_mentions = int(thin_mentions)
        self.params = RuleParams(**rules)
        self._custom = sorted(parts)
        self._has_extra = extra is not None
        self.vader_weight = float(vader_weight)
        self._shipped = extra is None and not parts
        if self._shipped:
            self.lexicon = _shipped_lexicon(self.vader, self.vader_weight)
        else:
            self.lexicon = StanceLexicon.build(vader=vader, extra=extra, vader_weight=vader_weight, **parts)
        # the names of bodies, places and peoples in the sources lexicon: mentions "he" and "she" cannot stand for
        self._source_words = source_words(load_lexicon("sources"))
        self._persons_of: tuple[Any, NotPersons] | None = None  # (actor set, its NotPersons), the last one used

    def __getstate__(self) -> dict[str, Any]:
        # the shipped lexicon travels as its two options and is rebuilt once per process: pickled whole it is
        # most of a pipeline's copy, which the Dask path unpickles for every partition
        # (benchmarks/pipeline_copy.py)
        state = dict(self.__dict__)
        state["_persons_of"] = None  # a memo that holds the last actor set: rebuilt on first use
        if self._shipped:
            state["lexicon"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if self._shipped:
            self.lexicon = _shipped_lexicon(self.vader, self.vader_weight)

    # ------------------------------------------------------------------ info
    def settings(self) -> dict[str, Any]:
        out: dict[str, Any] = {"threshold": self.threshold, "vader": self.vader, "vader_weight": self.vader_weight}
        defaults = RuleParams()
        out.update({k: v for k, v in self.params.as_dict().items() if getattr(defaults, k) != getattr(self.params, k)})
        if self._custom:
            out["custom_lexicons"] = self._custom
        if self._has_extra:
            out["extra_words"] = True
        return out

    def lexicons(self) -> list[Lexicon]:
        # the sources lexicon tells which mentions can be "he" or "she" (framing.analyzers.stance_persons)
        return [*self.lexicon.parts, load_lexicon("sources")]

    def label(self, stance: float) -> str:
        if stance >= self.threshold:
            return "positive"
        if stance <= -self.threshold:
            return "negative"
        return "neutral"

    # ------------------------------------------------------------------ scoring
    def contributions(self, ctx: DocContext) -> list[Contribution]:
        """Every evaluative word's contribution to every mention of the document."""
        model = ctx.model
        mentions = ctx.mentions
        if not mentions:
            return []
        lex = self.lexicon
        ment_by_sent: dict[int, list] = {}
        for i, (m, s) in enumerate(zip(mentions, ctx.mention_sentence)):
            lst = ment_by_sent.get(s)
            if lst is None:
                ment_by_sent[s] = [(i, m)]
            else:
                lst.append((i, m))
        # evaluative words of the sentences that name an actor, from the document's word index
        by_sent = lex.match_sentences(model, ment_by_sent, max(self.params.min_weight, 1e-12))
        if not by_sent:
            return []
        attributions: Sequence[Mapping[str, Any]] = []
        sourcing = ctx.results.get("sourcing")
        if sourcing is not None:
            attributions = sourcing.tables.get("attributions", [])
        att_by_sent: dict[int, list] = {}
        for r in attributions:
            att_by_sent.setdefault(int(r.get("sentence_id", -1)), []).append(r)
        items = [(s, hits, ment_by_sent[s], att_by_sent.get(s, ())) for s, hits in by_sent.items()]
        # the actors whose type names a harmful kind: a few string tests per actor, cheap beside the document
        harmful = harmful_actors(getattr(ctx.actors, "actors", ()))
        memo = self._persons_of
        if memo is None or memo[0] is not ctx.actors:
            memo = self._persons_of = (ctx.actors, not_persons(getattr(ctx.actors, "actors", ()), self._source_words))
        return score_sentences(model, items, lex, self.params, document_info(model, lex), harmful, memo[1])

    def analyze(self, ctx: DocContext) -> DocResult:
        mentions = ctx.mentions
        n = len(mentions)
        contribs = self.contributions(ctx)
        actors = [m.actor for m in mentions]
        msent = ctx.mention_sentence
        min_ev = self.min_evidence
        # sums per mention, only for the mentions some word applies to (most have none)
        acc: dict[int, list[Any]] = {}  # mention -> [total, n evidence, |quoted|, |all|, {source: |w|}]
        evidence: list[Evidence] = []
        for i, start, end, v, category, note, quoted_c, src_c in contribs:
            row = acc.get(i)
            if row is None:
                row = acc[i] = [0.0, 0, 0.0, 0.0, None]
            row[0] += v
            a = abs(v)
            row[3] += a
            if quoted_c:
                row[2] += a
                if src_c:
                    src = row[4]
                    if src is None:
                        src = row[4] = {}
                    src[src_c] = src.get(src_c, 0.0) + a
            if a >= min_ev:
                row[1] += 1
                evidence.append(_new_evidence((category, start, end, round(v, 4), actors[i], msent[i], note)))
        none = self.label(0.0)
        stance = [0.0] * n
        labels = [none] * n
        neg = [1 if none == "negative" else 0] * n
        pos = [1 if none == "positive" else 0] * n
        quoted = [False] * n
        source = [""] * n
        n_ev = [0] * n
        evaluated = [0] * n
        own, own_n = [0.0] * n, [0] * n
        q, q_n = [0.0] * n, [0] * n
        alpha = self.params.alpha
        label = self.label
        for i, (total, k, q_w, all_w, sources) in acc.items():
            x = round(normalise(total, alpha), 4)
            stance[i] = x
            lab = labels[i] = label(x)
            neg[i] = 1 if lab == "negative" else 0
            pos[i] = 1 if lab == "positive" else 0
            n_ev[i] = k
            if all_w > 0:
                evaluated[i] = 1
                if q_w > 0.5 * all_w:
                    quoted[i] = True
                    q[i], q_n[i] = x, 1
                    if sources:
                        source[i] = max(sources, key=sources.get)
                else:
                    own[i], own_n[i] = x, 1
        cols: dict[str, list[Any]] = {
            "stance": stance,
            "label": labels,
            "quoted": quoted,
            "source": source,
            "stance_neg": neg,
            "stance_pos": pos,
            "stance_evaluated": evaluated,
            "stance_n_evidence": n_ev,
            "stance_own": own,
            "stance_own_n": own_n,
            "stance_quoted": q,
            "stance_quoted_n": q_n,
        }
        return DocResult(mentions=cols, evidence=evidence, tables={"stance_actors": self._actor_rows(actors, cols)})

    def _actor_rows(self, actors: list[str], cols: Mapping[str, list[Any]]) -> list[dict[str, Any]]:
        """One row per actor of the document: mentions, mean stance, shares, evidence and a thin flag."""
        acc: dict[str, list[float]] = {}
        stance, neg, pos, n_ev, evaluated = (
            cols["stance"],
            cols["stance_neg"],
            cols["stance_pos"],
            cols["stance_n_evidence"],
            cols["stance_evaluated"],
        )
        for i, actor in enumerate(actors):
            row = acc.get(actor)
            if row is None:
                row = acc[actor] = [0, 0.0, 0, 0, 0, 0]
            row[0] += 1
            row[1] += stance[i]
            row[2] += neg[i]
            row[3] += pos[i]
            row[4] += n_ev[i]
            row[5] += evaluated[i]
        out = []
        for actor, (k, total, n_neg, n_pos, ev, n_evaluated) in acc.items():
            out.append(
                {
                    "actor": actor,
                    "n_mentions": int(k),
                    "mean_stance": round(total / k, 4),
                    "share_negative": round(n_neg / k, 4),
                    "share_positive": round(n_pos / k, 4),
                    "n_evaluated": int(n_evaluated),
                    "n_evidence": int(ev),
                    "thin": k < self.thin_mentions or n_evaluated == 0,
                }
            )
        return out

    # ------------------------------------------------------------------ metrics
    def metrics(self) -> list[Metric]:
        cite = "framing stance rules; lexicon incl. VADER (Hutto & Gilbert 2014)"
        return [
            Metric(
                "stance_mean",
                "Mean stance",
                self.name,
                "mentions",
                ("stance", "_rows"),
                mean,
                "Mean stance over the actor's mentions (−1 most negative, +1 most positive; 0 when no evaluative "
                "word applies).",
                unit="stance",
                citation=cite,
                per_actor=True,
            ),
            Metric(
                "stance_share_negative",
                "Share of mentions negative",
                self.name,
                "mentions",
                ("stance_neg", "_rows"),
                ratio(),
                f"Share of the actor's mentions with stance ≤ −{self.threshold}.",
                unit="share",
                per_actor=True,
            ),
            Metric(
                "stance_share_positive",
                "Share of mentions positive",
                self.name,
                "mentions",
                ("stance_pos", "_rows"),
                ratio(),
                f"Share of the actor's mentions with stance ≥ {self.threshold}.",
                unit="share",
                per_actor=True,
            ),
            Metric(
                "stance_mentions",
                "Mentions",
                self.name,
                "mentions",
                ("_rows",),
                _count,
                "Number of mentions of the actor.",
                unit="mentions",
                per_actor=True,
            ),
            Metric(
                "stance_mean_evaluated",
                "Mean stance where evaluated",
                self.name,
                "mentions",
                ("stance", "stance_evaluated"),
                ratio(),
                "Mean stance over the mentions that at least one evaluative word applies to.",
                unit="stance",
                per_actor=True,
            ),
            Metric(
                "stance_own_voice",
                "Mean stance, own voice",
                self.name,
                "mentions",
                ("stance_own", "stance_own_n"),
                ratio(),
                "Mean stance of evaluated mentions whose evidence is outside quotations (the outlet's own voice).",
                unit="stance",
                per_actor=True,
            ),
            Metric(
                "stance_quoted_voice",
                "Mean stance, quoted sources",
                self.name,
                "mentions",
                ("stance_quoted", "stance_quoted_n"),
                ratio(),
                "Mean stance of evaluated mentions whose evidence is mainly inside quotations (sources' voices).",
                unit="stance",
                per_actor=True,
            ),
            MENTIONS_PER_1000,
        ]

    def document_metrics(self) -> Mapping[str, str]:
        return {}
