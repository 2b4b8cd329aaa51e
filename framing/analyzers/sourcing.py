"""Sourcing: who gets to speak, how often, and with which verbs.

Every attribution in a document (a quotation, reported speech, "according
to", a document cited, an unnamed source, a reference) is found by
:class:`~framing.analyzers.sourcing_patterns.AttributionFinder` and listed in
the ``attributions`` table with the character offsets of its cue, source and
content. From them the analyzer fills sentence columns whose sums give the
figures below, for a document, an outlet, an issue or the sentences that
mention an actor:

* ``attributions_per_1000`` = 1000 × attributions / words;
* ``speech_per_1000`` = the same without ascribed internal states (kind
  ``internal_state``: beliefs, feelings, intentions and positions a text
  ascribes to a source, "Trump wants ...", "Democrats are wary of ...", "she
  backed ..."), i.e. what sources said or wrote;
  ``internal_state_share`` = internal states / attributions;
* ``attributed_share`` = sentences holding a cue, a source or reported
  content / body sentences (text and list items; headings and reference lists
  left out); ``own_voice_share`` is its complement, the sentences the outlet
  asserts in its own voice;
* ``direct_share`` = direct quotations / attributions;
* ``named_share``, ``official_share``, ``document_share``, ``anonymous_share``,
  ``personal_share``, ``unidentified_share`` = attributions whose source is of
  that type / attributions (``personal``: "I", "we", "you", the writer or the
  reader, as in columns; ``unidentified``: quotations whose speaker was not found);
* ``source_type_diversity`` = 1 − Σ nᵢ(nᵢ − 1) / (N(N − 1)) over the
  attributions of each source type other than the writer, the reader and the unidentified (named,
  official, document, anonymous; N their total): the chance that two of them drawn at random without
  replacement have sources of different types (Simpson 1949); 0 when every
  source is of one type, higher the more evenly the types share the
  attributions (about 0.75 for four equal shares of many), NaN under two;
* ``loaded_share`` = attributions with a loaded reporting verb ("claimed",
  "admitted", "slammed") / attributions with a reporting verb (speech and
  writing; internal states left out);
* per actor, ``speaker_share`` = the actor's mentions that are the source of
  an attribution / the actor's mentions.

Per document the analyzer also reports the number of distinct sources and
their diversity (Shannon entropy in bits of the sources' attribution counts;
0 when one source does all the talking).

References: Newell, Margolin & Ruths (2018), An Attribution Relations Corpus
for Political News, LREC; Pareti (2016), PARC 3.0; Bell (1991), The Language
of News Media, on reporting verbs; Simpson (1949), Measurement of diversity,
Nature 163, 688.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from ..lexicons import Lexicon, load_lexicon
from .base import Analyzer, DocContext, DocResult, Evidence, Metric, per_thousand, ratio, safe_divide, vectorized
from .sourcing_patterns import Attribution, AttributionFinder
from .sourcing_speakers import ANONYMOUS, DOCUMENT, NAMED, OFFICIAL, PERSONAL, SOURCE_TYPES, UNIDENTIFIED

__all__ = ["ATTRIBUTION_KEYS", "SourcingAnalyzer", "source_entropy"]

#: Keys of every row of the ``attributions`` table (other analyzers read them).
ATTRIBUTION_KEYS = (
    "kind",
    "source",
    "source_actor",
    "source_type",
    "cue",
    "loaded",
    "cue_start",
    "cue_end",
    "source_start",
    "source_end",
    "content_start",
    "content_end",
    "sentence_id",
    "balanced",
    "source_text",
    "direction",
    "category",
    "resolved",
    "parts",
)
_BODY = frozenset(("text", "item"))
_SOURCE_CATEGORY = {t: f"source/{t}" for t in SOURCE_TYPES}
_TYPE_COLUMN = {
    NAMED: "n_named",
    OFFICIAL: "n_official",
    DOCUMENT: "n_document",
    ANONYMOUS: "n_anonymous",
    PERSONAL: "n_personal",
    UNIDENTIFIED: "n_unidentified",
}
#: the types whose variety ``source_type_diversity`` measures: the sources a text gives voice to, not its writer
_DIVERSITY_COLUMNS = tuple(_TYPE_COLUMN[t] for t in (NAMED, OFFICIAL, DOCUMENT, ANONYMOUS))


@vectorized
def complement_share(total: Any, part: Any) -> Any:
    """``(total - part) / total``: the share of rows that are not ``part`` (NaN for no rows; numbers, or
    arrays of bootstrap replicates)."""
    return safe_divide(total - part, total)


@vectorized
def type_diversity(*counts: Any) -> Any:
    """Simpson's diversity without replacement, ``1 − Σ nᵢ(nᵢ − 1) / (N(N − 1))`` with ``N = Σ nᵢ``: the chance that
    two items drawn at random without replacement belong to different types (Simpson 1949). NaN for ``N < 2``;
    numbers, or arrays of bootstrap replicates (one array per type)."""
    n = sum(counts)
    # N(N − 1) is 0 exactly when N is 0 or 1 (counts are whole numbers): safe_divide gives NaN there
    return 1.0 - safe_divide(sum(c * (c - 1.0) for c in counts), n * (n - 1.0))


def source_entropy(counts: Sequence[int] | Mapping[Any, int]) -> float:
    """Shannon entropy (bits) of attribution counts per source: 0 for one source, log2(k) for k equal ones."""
    values = list(counts.values()) if isinstance(counts, Mapping) else list(counts)
    total = sum(values)
    if total <= 0:
        return math.nan
    return max(0.0, -sum(c / total * math.log2(c / total) for c in values if c > 0))


def _key(a: Attribution) -> str:
    """The identity of a source for counting distinct sources."""
    if a.source_actor:
        return "actor:" + a.source_actor
    if a.source:
        return a.source.lower()
    return ""


class SourcingAnalyzer(Analyzer):
    """Attributions, source types and reporting verbs (see the module docstring).

    Args:
        verbs: reporting-verb lexicon (bundled name, path, dict or Lexicon).
        sources: source-noun lexicon.
        extra_verbs: more reporting verbs, ``{term: category}`` or a Lexicon
            with the same columns as the bundled one (``lemma``, ``loading``...).
        nested: also count reporting verbs inside quotations.
        unattributed_quotes: keep quotations with no speaker found as direct
            attributions of an unidentified source.
        min_quote_words: shorter quotations are scare quotes unless a verb introduces them.
        person_actor_types: actor types (from the actor file) that are people, not institutions.
    """

    name: ClassVar[str] = "sourcing"
    sentence_columns: ClassVar[Mapping[str, Any]] = {
        "attributed": 0,
        "n_attributions": 0,
        "direct": 0,
        "own_voice": 0,
        "body_sentence": 0,
        "n_direct": 0,
        "n_named": 0,
        "n_official": 0,
        "n_document": 0,
        "n_anonymous": 0,
        "n_personal": 0,
        "n_unidentified": 0,
        "n_cued": 0,
        "n_loaded": 0,
        "n_speech": 0,
        "n_internal": 0,
    }
    mention_columns: ClassVar[Mapping[str, Any]] = {"speaker": 0}

    def __init__(
        self,
        verbs: str | Lexicon | Mapping[str, Any] = "reporting_verbs",
        sources: str | Lexicon | Mapping[str, Any] = "sources",
        extra_verbs: Lexicon | Mapping[str, Any] | None = None,
        nested: bool = False,
        unattributed_quotes: bool = True,
        min_quote_words: int = 4,
        person_actor_types: Sequence[str] = ("person", "individual", "politician", "journalist", "analyst"),
    ) -> None:
        self.verbs = load_lexicon(verbs, name="reporting_verbs" if isinstance(verbs, Mapping) else None)
        if extra_verbs:
            self.verbs = self.verbs.with_entries(extra_verbs)
        self.sources = load_lexicon(sources, name="sources" if isinstance(sources, Mapping) else None)
        self.nested = nested
        self.unattributed_quotes = unattributed_quotes
        self.min_quote_words = min_quote_words
        self.person_actor_types = tuple(person_actor_types)
        self.finder = AttributionFinder(
            self.verbs,
            self.sources,
            nested=nested,
            unattributed_quotes=unattributed_quotes,
            min_quote_words=min_quote_words,
            person_actor_types=self.person_actor_types,
        )

    # ------------------------------------------------------------------ info
    def lexicons(self) -> list[Lexicon]:
        return [self.verbs, self.sources]

    def settings(self) -> dict[str, Any]:
        return {
            "verbs": f"{self.verbs.name} ({len(self.verbs)} entries)",
            "sources": f"{self.sources.name} ({len(self.sources)} entries)",
            "nested": self.nested,
            "unattributed_quotes": self.unattributed_quotes,
            "min_quote_words": self.min_quote_words,
        }

    def document_metrics(self) -> Mapping[str, str]:
        return {
            "n_sources": "Distinct sources (actors, names, or source phrases) quoted or cited in the document.",
            "source_entropy": "Diversity of sources: Shannon entropy (bits) of attributions per source.",
        }

    # ------------------------------------------------------------------ analysis
    def find(self, ctx: DocContext) -> list[Attribution]:
        """The attributions of one document (what :meth:`analyze` tabulates)."""
        types = {a.name: a.type for a in ctx.actors} if ctx.actors is not None else {}
        return self.finder.find(ctx.model, ctx.mentions, types)

    def analyze(self, ctx: DocContext) -> DocResult:
        model = ctx.model
        atts = self.find(ctx)
        n = model.n_sentences
        cols: dict[str, list[int]] = {c: [0] * n for c in self.sentence_columns}
        body = cols["body_sentence"] = [1 if k in _BODY else 0 for k in model.sent_kinds]
        attributed = cols["attributed"]
        n_att, n_direct, direct = cols["n_attributions"], cols["n_direct"], cols["direct"]
        n_internal, n_speech, n_cued, n_loaded = cols["n_internal"], cols["n_speech"], cols["n_cued"], cols["n_loaded"]
        starts, ends = model.sent_starts, model.sent_ends
        evidence: list[Evidence] = []
        add = evidence.append
        for a in atts:
            s = a.sentence_id
            n_att[s] += 1
            kind = a.kind
            if kind == "direct":
                n_direct[s] += 1
                direct[s] = 1
            col = _TYPE_COLUMN.get(a.source_type)
            if col:
                cols[col][s] += 1
            if kind == "internal_state":
                n_internal[s] += 1
            else:
                n_speech[s] += 1
                if a.cue and a.cue != ":":
                    n_cued[s] += 1
                    if a.loaded:
                        n_loaded[s] += 1
            for lo, hi in ((a.cue_start, a.cue_end), (a.source_start, a.source_end), (a.content_start, a.content_end)):
                if lo < 0 or hi <= lo:
                    continue
                if starts[s] <= lo and hi <= ends[s]:
                    attributed[s] = 1  # within the attribution's own sentence (the usual case)
                    continue
                s0 = bisect.bisect_right(starts, lo) - 1
                s1 = bisect.bisect_right(starts, hi - 1) - 1
                for k in range(max(s0, 0), min(s1, n - 1) + 1):
                    if starts[k] < hi:
                        attributed[k] = 1
            # evidence: the cue, the source and the quotation
            who = a.source or ("unidentified" if kind == "direct" else "no source named")
            actor = a.source_actor
            if a.cue_start >= 0:
                if a.loaded:
                    add(
                        Evidence(
                            "cue/loaded",
                            a.cue_start,
                            a.cue_end,
                            1.0,
                            actor,
                            s,
                            f"{a.cue} ({kind}; {a.direction} loading)",
                        )
                    )
                else:
                    add(Evidence("cue/neutral", a.cue_start, a.cue_end, 1.0, actor, s, f"{a.cue} ({kind})"))
            if a.source_start >= 0:
                note = f"{kind} · {who}" + (f" (resolved from {a.resolved})" if a.resolved else "")
                add(
                    Evidence(
                        _SOURCE_CATEGORY.get(a.source_type) or f"source/{a.source_type}",
                        a.source_start,
                        a.source_end,
                        1.0,
                        actor,
                        s,
                        note,
                    )
                )
            if kind == "direct" and a.content_start >= 0:
                note = f"quoted: {who}"
                if not a.balanced:
                    note += "; unbalanced quotation marks, closed at the end of the paragraph"
                add(Evidence("quote/direct", a.content_start, a.content_end, 1.0, actor, s, note))
        cols["own_voice"] = [1 if b and not x else 0 for b, x in zip(body, attributed)]
        speaker = [0] * len(ctx.mentions)
        if ctx.mentions and atts:
            spans = sorted((a.source_start, a.source_end) for a in atts if a.source_start >= 0)
            lo_list = [x[0] for x in spans]
            for i, mm in enumerate(ctx.mentions):
                k = bisect.bisect_right(lo_list, mm.start) - 1
                if k >= 0 and spans[k][0] <= mm.start < spans[k][1]:
                    speaker[i] = 1
        counts = Counter(map(_key, atts))
        counts.pop("", None)  # attributions without a source (the order of the others is kept)
        return DocResult(
            sentences={c: cols[c] for c in self.sentence_columns},
            mentions={"speaker": speaker},
            evidence=evidence,
            metrics={"n_sources": len(counts), "source_entropy": source_entropy(counts) if counts else math.nan},
            tables={"attributions": list(map(Attribution.to_row, atts))},
        )

    # ------------------------------------------------------------------ metrics
    def metrics(self) -> list[Metric]:
        cite = "Newell, Margolin & Ruths (2018)"
        share = ratio()
        out = [
            Metric(
                "attributions_per_1000",
                "Attributions per 1,000 words",
                self.name,
                "sentences",
                ("n_attributions", "n_words"),
                per_thousand,
                "Quotations, reported speech, 'according to', documents, unnamed sources and references, per 1,000 words.",
                unit="per 1,000 words",
                citation=cite,
            ),
            Metric(
                "speech_per_1000",
                "Reported speech and writing per 1,000 words",
                self.name,
                "sentences",
                ("n_speech", "n_words"),
                per_thousand,
                "Attributions of what a source said or wrote (quotations, reported speech, 'according to', documents, "
                "references) per 1,000 words: attributions_per_1000 without ascribed beliefs and intentions.",
                unit="per 1,000 words",
                citation=cite,
            ),
            Metric(
                "internal_state_share",
                "Ascribed beliefs and intentions among attributions",
                self.name,
                "sentences",
                ("n_internal", "n_attributions"),
                share,
                "Attributions that ascribe a belief, feeling, intention or position to a source ('Trump wants ...', "
                "'Democrats are wary of ...', 'she backed ...') rather than report what it said / attributions.",
                unit="share",
                citation=cite,
            ),
            Metric(
                "attributed_share",
                "Share of sentences attributed",
                self.name,
                "sentences",
                ("body_sentence", "own_voice"),
                complement_share,
                "Body sentences that hold a reporting cue, a source or reported content / body sentences.",
                unit="share",
            ),
            Metric(
                "own_voice_share",
                "Share of sentences in the outlet's own voice",
                self.name,
                "sentences",
                ("own_voice", "body_sentence"),
                share,
                "Body sentences with no attribution at all / body sentences.",
                unit="share",
            ),
            Metric(
                "direct_share",
                "Direct quotations among attributions",
                self.name,
                "sentences",
                ("n_direct", "n_attributions"),
                share,
                "Attributions whose content is a quotation in quotation marks / attributions.",
                unit="share",
            ),
        ]
        for col, label, desc in (
            ("n_named", "Named people", "a named person"),
            ("n_official", "Officials and institutions", "an office, organisation or institution"),
            ("n_document", "Documents and reports", "a document, report, poll or data"),
            ("n_anonymous", "Anonymous or vague sources", "unnamed people or groups ('officials', 'analysts')"),
            (
                "n_personal",
                "The writer or the reader",
                "'I', 'we' or 'you' (the writer, the writer's side or the reader, as in columns: 'we know that')",
            ),
            (
                "n_unidentified",
                "Quotations of no identified speaker",
                "not found: a quotation with no speaker named near it (a transcript without labels, or a speaker "
                "the rules miss)",
            ),
        ):
            key = col[2:]
            out.append(
                Metric(
                    f"{key}_share",
                    f"{label} among sources",
                    self.name,
                    "sentences",
                    (col, "n_attributions"),
                    share,
                    f"Attributions whose source is {desc} / attributions.",
                    unit="share",
                )
            )
        out.append(
            Metric(
                "source_type_diversity",
                "Variety of source types",
                self.name,
                "sentences",
                _DIVERSITY_COLUMNS,
                type_diversity,
                "Chance that two attributions with a typed source, drawn at random without replacement, have sources "
                "of different types (named person, office or institution, document, anonymous; the writer and "
                "reader, 'I', 'we', 'you', and quotations of no identified speaker left out): "
                "1 − Σ nᵢ(nᵢ − 1) / (N(N − 1)); 0 when every source is of one type, higher the more evenly the types are used.",
                unit="index",
                citation="Simpson (1949)",
            )
        )
        out.append(
            Metric(
                "loaded_share",
                "Loaded reporting verbs",
                self.name,
                "sentences",
                ("n_loaded", "n_cued"),
                share,
                "Attributions with a loaded reporting verb (claimed, alleged, insisted, admitted, conceded, slammed) / "
                "attributions with a reporting verb.",
                unit="share",
                citation="Bell (1991); AP Stylebook, 'said'",
            )
        )
        out.append(
            Metric(
                "speaker_share",
                "Mentions as a source",
                self.name,
                "mentions",
                ("speaker", "_rows"),
                share,
                "Mentions of the actor that are the source of an attribution / mentions of the actor.",
                unit="share",
                per_actor=True,
            )
        )
        return out
