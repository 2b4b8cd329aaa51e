"""Hedging versus assertion: how firmly each sentence states its claim.

Cues come from three lexicons shipped as data (``framing/lexicons/data``):

* ``hedging_hedges.tsv`` — epistemic modals (may, might, could), probability
  words (likely, perhaps), evidential verbs (appear, seem, suggest), doxastic
  verbs (believe, think, suspect), shields and impersonal attribution
  ("it is believed", "widely expected", reportedly, allegedly), conditionals
  and open questions (if, unless, whether), approximators ("about 50", "an
  estimated", "to some extent");
* ``hedging_boosters.tsv`` — certainty adverbs (clearly, certainly, undeniably),
  set phrases ("there is no doubt", "of course"), proof verbs (prove, "shows
  that"), emphatics ("in fact", indeed), epistemic "must have";
* ``hedging_prescriptions.tsv`` — deontic must / should / need to / ought to,
  recorded apart from certainty.

Each cue's ``rule`` (see :mod:`framing.analyzers.hedging_rules`) decides from
the surrounding words whether it counts: "May" the month, "might" the noun,
"could not" of past inability, "about" of topic, negated doubts ("no doubt",
"few doubt": boosters) and negated certainty ("not clear": a hedge). "will"
is plain future and not a cue at all. Cues inside quoted or reported speech
are recorded with the speaker (from the sourcing analyzer's attributions when
it ran, else quotation marks and reporting verbs) and the sentence counts as
attributed rather than the outlet's own voice.

Per sentence (running text only: sentence kinds "text" and "item"; headings
and reference lists get evidence rows but no counts):

* ``n_hedges``, ``n_boosters``, ``n_prescriptions``, ``n_approximators`` (the
  approximators are also counted in ``n_hedges``);
* ``hedged`` = 1 if the sentence has a hedge other than an approximator
  (a vague number does not weaken commitment to the claim: Prince et al. 1982
  tell *approximators* from *shields*); ``boosted`` = 1 if it has a booster;
* ``hedge_class``: "hedged", "boosted", "both" or "plain";
* ``attributed`` = 1 if the claim is attributed to a source; ``own_voice`` = 1
  otherwise; ``own_voice_plain`` = 1 for an own-voice sentence with no hedge,
  no booster, no prescription that is not a question (an unhedged assertion);
* ``certainty`` = Σ cue weights (hedges negative, boosters positive, 0 for a
  plain sentence); the weights are in the lexicon files.

Metrics (ratios of sums, so the same formula gives document, outlet, issue
and actor values): hedges and boosters per 1,000 running-text words, share of
hedged / boosted sentences, certainty index ``(B − H) / (B + H)`` over cue
counts (−1: only hedges, +1: only boosters), mean sentence certainty, share
of own-voice unhedged assertions, share of own-voice sentences that are
hedged, and per actor the share of hedged sentences among those that mention
the actor.

References: Hyland, K. (2005). *Metadiscourse*. Continuum. Prince, E. F.,
Frader, J., & Bosk, C. (1982). On hedging in physician–physician discourse.
Lakoff, G. (1973). Hedges: a study in meaning criteria and the logic of fuzzy
concepts. *Journal of Philosophical Logic* 2, 458–508. Farkas, R., Vincze, V.,
Móra, G., Csirik, J., & Szarvas, G. (2010). The CoNLL-2010 shared task.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from typing import Any

from ..lexicons import EntryHits, Lexicon, LexiconEntry, load_lexicon
from .base import Analyzer, DocContext, DocResult, Evidence, Metric, per_thousand, ratio, safe_divide, vectorized
from .hedging_rules import RULES, RuleInput, Words

__all__ = ["HedgingAnalyzer", "certainty_index"]

_COUNTED_KINDS = frozenset({"text", "item"})
_CLASSES = ("plain", "boosted", "hedged", "both")  # hedge_class by 2 × hedged + boosted
_NOT_HEDGING = frozenset({"approximator"})


@vectorized
def certainty_index(boosters: Any, hedges: Any) -> Any:
    """(boosters − hedges) / (boosters + hedges): −1 only hedges, +1 only boosters, NaN without cues
    (numbers, or arrays of bootstrap replicates)."""
    return safe_divide(boosters - hedges, boosters + hedges)


def _signed(category: str, weight: float) -> float:
    """Hedges pull certainty down, boosters up, prescriptions not at all (whatever sign a user gave)."""
    if category.startswith("hedge"):
        return -abs(weight)
    if category.startswith("booster"):
        return abs(weight)
    return 0.0


class HedgingAnalyzer(Analyzer):
    """Hedges, boosters and prescriptions per sentence, with the rules that tell cue words from look-alikes.

    Args:
        hedges, boosters, prescriptions: lexicons (bundled names, paths, dicts or
            :class:`~framing.lexicons.Lexicon`); default the bundled ``hedging_*`` files.
        context: the word lists the rules read (default ``hedging_context``).
        extra: more cues, ``{category: [terms]}`` with categories such as
            ``"hedge/shield"`` or ``"booster/certainty"`` (they always count; weight 1 unless given).
        use_sourcing: read the sourcing analyzer's attributions when it ran.
        hedge_types: hedge sub-types that make a sentence ``hedged`` (default: all but approximators).
        kinds: sentence kinds that are counted (default running text and list items).
        rules: apply the disambiguation rules (``False``: every lexicon match counts, the
            "flat list" baseline of the evaluation).
    """

    name = "hedging"
    sentence_columns = {
        "hedged": 0,
        "boosted": 0,
        "n_hedges": 0,
        "n_boosters": 0,
        "n_prescriptions": 0,
        "n_approximators": 0,
        "hedge_class": "",
        "attributed": 0,
        "own_voice": 0,
        "own_voice_plain": 0,
        "own_voice_hedged": 0,
        "certainty": 0.0,
        "hg_sentence": 0,
        "hg_words": 0,
    }
    mention_columns = {"hg_first": 0, "hg_hedged": 0, "hg_boosted": 0}

    def __init__(
        self,
        hedges: Any = "hedging_hedges",
        boosters: Any = "hedging_boosters",
        prescriptions: Any = "hedging_prescriptions",
        context: Any = "hedging_context",
        extra: Mapping[str, Any] | None = None,
        use_sourcing: bool = True,
        hedge_types: Iterable[str] | None = None,
        kinds: Iterable[str] = ("text", "item"),
        rules: bool = True,
    ) -> None:
        self._sources = (hedges, boosters, prescriptions, context)
        self.hedges = load_lexicon(hedges)
        self.boosters = load_lexicon(boosters)
        self.prescriptions = load_lexicon(prescriptions)
        self.context = load_lexicon(context)
        cues = self.hedges.with_entries(self.boosters).with_entries(self.prescriptions)
        if extra:
            cues = cues.with_entries(extra)
        self.extra = dict(extra or {})
        self.cues: Lexicon = Lexicon(cues.entries, name="hedging cues", meta=self.hedges.meta)
        lists: dict[str, list[str]] = {}
        for e in self.context:
            lists.setdefault(e.category, []).append(e.term)
        self.words = Words.from_lists(lists)
        self.attribution = Lexicon(
            [e for e in self.context if e.category == "attribution"], name="hedging attribution cues"
        )
        self.use_sourcing = use_sourcing
        self.kinds = frozenset(kinds)
        self.hedge_types = frozenset(hedge_types) if hedge_types is not None else None
        self.rules = rules
        self._compiled = self._compile()
        self._matchers()

    def _matchers(self) -> None:
        """The fast matchers of the cues (giving each cue's compiled rule and flags) and attribution verbs."""
        compiled = self._compiled
        self._matcher = EntryHits(self.cues, lambda e: compiled.get(id(e)) or self._fallback(e))
        self._attribution_matcher = EntryHits(self.attribution, lambda e: e.term)

    def _compile(self) -> dict[int, tuple[Any, float, str, str, bool, bool]]:
        """Per cue entry (by identity, for speed): (rule function or None, signed weight, category, kind,
        is an approximator, makes its sentence hedged)."""
        compiled: dict[int, tuple[Any, float, str, str, bool, bool]] = {}
        for e in self.cues.entries:
            rule_name = e.extra.get("rule", "")
            if rule_name and rule_name not in RULES:
                raise ValueError(f"unknown hedging rule {rule_name!r} for {e.term!r} (rules: {', '.join(RULES)})")
            rule = RULES.get(rule_name) if self.rules else None
            compiled[id(e)] = (rule, _signed(e.category, e.weight), *self._category(e.category))
        return compiled

    def _fallback(self, entry: LexiconEntry) -> tuple[Any, float, str, str, bool, bool]:
        """A cue entry this instance did not compile (never expected): it counts, without a rule."""
        return (None, _signed(entry.category, entry.weight), *self._category(entry.category))

    def _category(self, category: str) -> tuple[str, str, bool, bool]:
        """(category, kind, is an approximator, makes its sentence hedged) of a cue category."""
        kind, sub = _kind(category)
        return category, kind, kind == "hedge" and sub in _NOT_HEDGING, self.makes_hedged(category)

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_compiled", None)  # keyed by object identity: rebuilt after unpickling (worker processes)
        state.pop("_matcher", None)
        state.pop("_attribution_matcher", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._compiled = self._compile()
        self._matchers()

    # ------------------------------------------------------------------ description
    def settings(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        names = ("hedges", "boosters", "prescriptions", "context")
        defaults = ("hedging_hedges", "hedging_boosters", "hedging_prescriptions", "hedging_context")
        for n, src, d in zip(names, self._sources, defaults):
            if src != d:
                out[n] = src if isinstance(src, str) else getattr(src, "name", "custom")
        if self.extra:
            out["extra"] = {k: len(v) for k, v in self.extra.items()}
        if not self.use_sourcing:
            out["use_sourcing"] = False
        if self.hedge_types is not None:
            out["hedge_types"] = sorted(self.hedge_types)
        if self.kinds != _COUNTED_KINDS:
            out["kinds"] = sorted(self.kinds)
        if not self.rules:
            out["rules"] = False
        return out

    def makes_hedged(self, category: str) -> bool:
        """True if a cue of ``category`` makes its sentence ``hedged`` (every hedge type but approximators)."""
        kind, sub = _kind(category)
        if kind != "hedge":
            return False
        return sub not in _NOT_HEDGING if self.hedge_types is None else sub in self.hedge_types

    def lexicons(self) -> list[Lexicon]:
        return [self.hedges, self.boosters, self.prescriptions, self.context]

    # ------------------------------------------------------------------ analysis
    def analyze(self, ctx: DocContext) -> DocResult:
        model = ctx.model
        st = model.sent_tok
        kinds = model.sent_kinds
        text = model.text
        n = model.n_sentences
        counted_kinds = self.kinds

        n_h = [0] * n
        n_b = [0] * n
        n_p = [0] * n
        n_a = [0] * n
        hedged = [0] * n
        boosted = [0] * n
        certainty = [0.0] * n
        evidence: list[Evidence] = []

        attribution = _Attribution(ctx, self) if n else None
        matches = self._matcher.hits(model)
        if matches:
            tok_starts, tok_ends = model.tok_starts, model.tok_ends
            note_of = attribution.note if attribution is not None else None
            surface = _Surface(model)
            # one rule input per document, moved from cue to cue (the rules only read it)
            x = RuleInput(model.tokens, 0, 0, 0, 0, self.words, surface, False)
            bisect_right = bisect.bisect_right
            append = evidence.append
            for i, j, got in matches:
                rule, weight, category, kind, approx, makes_hedged = got
                s = bisect_right(st, i) - 1
                note = ""
                if rule is not None:
                    x.i = surface.i = i
                    x.j = j
                    x.lo = st[s]
                    x.hi = st[s + 1]
                    x.heading = kinds[s] == "heading"
                    verdict = rule(x)
                    if not verdict.keep:
                        continue
                    if verdict.category:
                        category = verdict.category
                        _, kind, approx, makes_hedged = self._category(category)
                        weight = _signed(category, abs(weight) or 1.0)
                    note = verdict.note
                start, end = tok_starts[i], tok_ends[j - 1]
                speaker = note_of(start, s) if note_of is not None else ""
                if speaker:
                    note = f"{note}; {speaker}" if note else speaker
                if kinds[s] in counted_kinds:
                    if kind == "hedge":
                        n_h[s] += 1
                        if approx:
                            n_a[s] += 1
                        if makes_hedged:
                            hedged[s] = 1
                    elif kind == "booster":
                        n_b[s] += 1
                        boosted[s] = 1
                    elif kind == "prescription":
                        n_p[s] += 1
                    certainty[s] += weight
                else:
                    note = f"{note}; {kinds[s]}: not counted" if note else f"{kinds[s]}: not counted"
                append(Evidence(category, start, end, weight, "", s, note))

        # the sentence flags, column by column (uncounted sentences: zeros and no class)
        counted = [1 if k in counted_kinds else 0 for k in kinds]
        said = attribution.sentences() if attribution is not None else []
        attributed = [a if c else 0 for a, c in zip(said, counted)]
        own_voice = [1 if c and not a else 0 for a, c in zip(attributed, counted)]
        own_hedged = [h if o else 0 for h, o in zip(hedged, own_voice)]
        hedge_class = [_CLASSES[2 * h + b] if c else "" for h, b, c in zip(hedged, boosted, counted)]
        own_plain = [
            1 if o and not (h or b or p) and not _is_question(text, e) else 0
            for o, h, b, p, e in zip(own_voice, hedged, boosted, n_p, model.sent_ends)
        ]
        words_counted = [w if c else 0 for w, c in zip(model.sent_n_words, counted)]

        first, m_hedged, m_boosted = _mention_columns(ctx, hedged, boosted, counted)
        return DocResult(
            sentences={
                "hedged": hedged,
                "boosted": boosted,
                "n_hedges": n_h,
                "n_boosters": n_b,
                "n_prescriptions": n_p,
                "n_approximators": n_a,
                "hedge_class": hedge_class,
                "attributed": attributed,
                "own_voice": own_voice,
                "own_voice_plain": own_plain,
                "own_voice_hedged": own_hedged,
                "certainty": [round(c, 6) if c else 0.0 for c in certainty],
                "hg_sentence": counted,
                "hg_words": words_counted,
            },
            mentions={"hg_first": first, "hg_hedged": m_hedged, "hg_boosted": m_boosted},
            evidence=evidence,
        )

    # ------------------------------------------------------------------ metrics
    def metrics(self) -> list[Metric]:
        a = self.name
        cite = "Hyland (2005); Prince et al. (1982)"
        return [
            Metric(
                "hedges_per_1000",
                "Hedges per 1,000 words",
                a,
                "sentences",
                ("n_hedges", "hg_words"),
                per_thousand,
                "1000 × hedge cues / words of running text (headings and reference lists left out).",
                unit="per 1,000 words",
                citation=cite,
            ),
            Metric(
                "boosters_per_1000",
                "Boosters per 1,000 words",
                a,
                "sentences",
                ("n_boosters", "hg_words"),
                per_thousand,
                "1000 × booster cues (clearly, no doubt, in fact, proves) / words of running text.",
                unit="per 1,000 words",
                citation=cite,
            ),
            Metric(
                "prescriptions_per_1000",
                "Prescriptions per 1,000 words",
                a,
                "sentences",
                ("n_prescriptions", "hg_words"),
                per_thousand,
                "1000 × deontic cues (must, should, need to) / words of running text.",
                unit="per 1,000 words",
            ),
            Metric(
                "hedged_share",
                "Share of hedged sentences",
                a,
                "sentences",
                ("hedged", "hg_sentence"),
                ratio(),
                "Sentences with at least one hedge (approximators alone do not count) / running-text sentences. "
                "Restricted to an actor (compare(actor=...)): the hedged share of the sentences that mention it.",
                unit="share",
                citation=cite,
            ),
            Metric(
                "boosted_share",
                "Share of boosted sentences",
                a,
                "sentences",
                ("boosted", "hg_sentence"),
                ratio(),
                "Sentences with at least one booster / running-text sentences.",
                unit="share",
            ),
            Metric(
                "certainty_index",
                "Certainty index",
                a,
                "sentences",
                ("n_boosters", "n_hedges"),
                certainty_index,
                "(boosters − hedges) / (boosters + hedges), over cue counts: −1 when every cue is a hedge, "
                "+1 when every cue is a booster.",
                unit="index (−1 to +1)",
            ),
            Metric(
                "mean_certainty",
                "Mean sentence certainty",
                a,
                "sentences",
                ("certainty", "hg_sentence"),
                ratio(),
                "Mean over running-text sentences of the sentence certainty score (sum of cue weights: hedges "
                "negative, boosters positive; 0 for a plain sentence).",
                unit="score",
            ),
            Metric(
                "own_voice_plain_share",
                "Unhedged assertions in the outlet's own voice",
                a,
                "sentences",
                ("own_voice_plain", "hg_sentence"),
                ratio(),
                "Sentences that are not attributed to a source and carry no hedge, booster or prescription "
                "(and are not questions) / running-text sentences.",
                unit="share",
            ),
            Metric(
                "own_voice_hedged_share",
                "Hedged share of the outlet's own voice",
                a,
                "sentences",
                ("own_voice_hedged", "own_voice"),
                ratio(),
                "Hedged sentences among those not attributed to a source.",
                unit="share",
            ),
            Metric(
                "actor_hedged_share",
                "Hedged share of sentences about the actor",
                a,
                "mentions",
                ("hg_hedged", "hg_first"),
                ratio(),
                "Among running-text sentences that mention the actor (each sentence once), the share with a hedge.",
                unit="share",
                per_actor=True,
            ),
        ]


# ---------------------------------------------------------------------- helpers
def _kind(category: str) -> tuple[str, str]:
    """("hedge", "modal") from "hedge/modal"."""
    head, _, sub = category.partition("/")
    return head, sub


def _is_question(text: str, end: int) -> bool:
    k = end - 1
    while k >= 0 and text[k] in "\"”’')] ":
        k -= 1
    return k >= 0 and text[k] == "?"


class _Surface:
    """The first word (token ``i``) of a cue as written (computed only when a rule asks)."""

    __slots__ = ("i", "model")

    def __init__(self, model: Any, i: int = 0) -> None:
        self.model = model
        self.i = i

    def __call__(self) -> str:
        s, e = self.model.token_span(self.i)
        return self.model.text[s:e]


class _Attribution:
    """Who a cue belongs to: the sourcing analyzer's attributions, else quotation marks and reporting verbs."""

    def __init__(self, ctx: DocContext, analyzer: HedgingAnalyzer) -> None:
        self.model = ctx.model
        n = self.model.n_sentences
        self._sent = [0] * n
        self._spans: list[tuple[int, int, str]] = []
        res = ctx.results.get("sourcing") if analyzer.use_sourcing else None
        rows = res.tables.get("attributions") if res is not None else None
        self.from_sourcing = rows is not None
        sent = self._sent
        sent_starts = self.model.sent_starts
        bisect_right = bisect.bisect_right
        if rows is not None:
            spans = self._spans
            for r in rows:
                get = r.get
                sid = int(get("sentence_id", -1))
                if 0 <= sid < n:
                    sent[sid] = 1
                cs, ce = int(get("content_start", -1)), int(get("content_end", -1))
                if 0 <= cs < ce:
                    who = str(get("source") or get("source_actor") or "").strip()
                    label = ("quoted" if get("kind") == "direct" else "attributed") + (f": {who}" if who else "")
                    spans.append((cs, ce, label))
                    # the sentences of the content (model.sentence_at of its first and last character)
                    first, last = bisect_right(sent_starts, cs) - 1, bisect_right(sent_starts, ce - 1) - 1
                    if first == last:
                        if 0 <= first < n:
                            sent[first] = 1
                    else:
                        for k in range(max(first, 0), min(last, n - 1) + 1):
                            sent[k] = 1
            spans.sort()
            self._starts = [sp[0] for sp in spans]
            return
        self._verbs: dict[int, str] = {}
        st = self.model.sent_tok
        for i, _, term in analyzer._attribution_matcher.hits(self.model):
            s = bisect_right(st, i) - 1
            sent[s] = 1
            self._verbs.setdefault(s, term)
        ends = self.model.sent_ends
        for q in self.model.quotes:
            if q.depth or q.inner_end - q.inner_start < 3:
                continue
            first = bisect_right(sent_starts, q.inner_start) - 1
            last = bisect_right(sent_starts, max(q.inner_start, q.inner_end - 1)) - 1
            for k in range(max(first, 0), min(last, n - 1) + 1):
                if sent_starts[k] < q.inner_end and ends[k] > q.inner_start:
                    sent[k] = 1

    def note(self, offset: int, s: int) -> str:
        """ "quoted: <source>", "attributed: <source>", "quoted", "attributed ('said')" or ""."""
        if self.from_sourcing:
            k = bisect.bisect_right(self._starts, offset)
            for cs, ce, label in reversed(self._spans[max(0, k - 8) : k]):
                if cs <= offset < ce:
                    return label
            return ""
        if self.model.quotes and self.model.quote_at(offset) is not None:
            return "quoted"
        verb = self._verbs.get(s)
        return f"attributed ('{verb}')" if verb else ""

    def sentences(self) -> list[int]:
        return list(self._sent)


def _mention_columns(
    ctx: DocContext, hedged: list[int], boosted: list[int], counted: list[int]
) -> tuple[list[int], list[int], list[int]]:
    """Per mention: 1 on the first mention of an actor in a counted sentence, with that sentence's flags."""
    n = len(counted)
    first: list[int] = []
    seen: set[tuple[str, int]] = set()
    for mention, s in zip(ctx.mentions, ctx.mention_sentence):
        key = (mention.actor, s)
        if key in seen or not (0 <= s < n) or not counted[s]:
            first.append(0)
        else:
            seen.add(key)
            first.append(1)
    sents = ctx.mention_sentence
    return (
        first,
        [hedged[s] if f else 0 for f, s in zip(first, sents)],
        [boosted[s] if f else 0 for f, s in zip(first, sents)],
    )
