"""The stance rules: how the evaluative words of a sentence apply to each actor mentioned in it.

For every evaluative word ``h`` (weight ``w`` in [-1, 1]) and every mention ``m``
in the same sentence, the contribution is

``c(m, h) = w · modifiers(h) · negation(h) · clause(h) · attach(m, h)``

* **modifiers**: an intensifier or diminisher up to 2 words before ``h``
  multiplies ``w`` ("strongly condemned" ×1.3, "slightly better" ×0.5).
* **negation**: a negator up to 3 words before ``h`` in the same clause
  multiplies a positive word by its weight (−0.75: "far from generous" is
  negative) and cancels a negative one ("has not failed" is no evidence
  either way: ×0). A negated verb of judgement is reversed with the rest of
  its clause ("nobody can accuse X of ingratitude": both words count
  positive). Opposing a negative thing is positive: a negative word up to 3
  words after "fight against", "end", "prevent", "crack down on", "avoid",
  "overcome" ... counts ×−0.6 ("the fight against terrorism"); one talked
  about ("discussing", "spoke about", "awareness of") is the topic, not said
  of the speaker: ×0; one right after a verb of care ("tends to injured
  birds", "helped the sick") is the state of the one cared for: ×0.
* **clause**: a word in a conceded clause ("while ...", "although ...") counts
  ×0.5; a word in the clause after "but"/"however", or after a conceded clause,
  ×1.2.
* **attach**: how firmly ``h`` is about ``m``:

  - distance: ``1 / (1 + d / 10)`` for ``d`` words between them; each comma
    crossed ×0.75, a stronger break (; : — brackets) ×0.5, a contrastive
    connective (but, while, although ...) ×0.35;
  - *possessive* ("Pakistan's sacrifices": the word describes what the actor
    has) and *appositive* ("X, a reliable partner,"): ×1, no distance decay;
  - *who does what to whom*: for acts with a doer and a receiver
    (``stance_verbs``), the mention's role decides: the doer of a ``harm``
    act gets its full weight and the victim none ("TTP fighters ambushed a
    police convoy"); the one criticized or praised gets the full weight and
    the critic ×0.05, the one praising ×0.5; a verbal ``attack`` (mocking,
    smearing, lashing out) counts fully against its target and ×0.5 against
    the attacker; a helper gets the full weight and
    the one helped ×0.3; the winner of a ``defeat`` act gets its weight and the
    one beaten the opposite ("X defeated Y"). Roles come from word order, passive auxiliaries
    ("was attacked by X") and prepositions ("attack on X", "criticism from X");
    the doer of a participle after a comma is the sentence's first actor
    ("TTP fighters ambushed a convoy, killing six officers");
  - a noun that names a kind of actor ("terrorists", "militants", "hero")
    describes the mention only when said of it (next to it, possessive,
    appositive, "X is ..."); elsewhere it names someone else: ×0.3
    ("Pakistan accuses Kabul of harbouring terrorists");
  - another mention of the same actor in the sentence ("Pakistan ...
    Islamabad") is the same referent: the nearest of them counts;
  - an actor named after "in", "inside", "against", "on" ... that follow a
    bad word is its place or target, not its author: ×0.3 ("terror
    operations inside Pakistan");
  - a mention that names a border ("crossed the U.S.-Mexico border
    illegally", "along the Pakistan-Afghanistan border") is where something
    happened, not who did it: ×0, and no referent while the actor is named
    elsewhere in the sentence; not before a noun of what a state does there
    ("Pakistan's border guards", "the Afghan border closure") nor after
    "from" ("attacks from the Afghan border" say where they come from);
  - a pronoun (he, it, their ...) after a mention stands for it (×0.8), so
    "while X ..., it failed to" reaches X; "he" and "she" stand only for a
    mention that can be a person (:mod:`framing.analyzers.stance_persons`),
    and with none before them, what follows "his" or "her" is no actor's;
  - another actor named between ``m`` and ``h`` takes the word first: ×0.5;
  - quotations: a word inside a quotation that does not contain ``m`` counts
    ×0.6, and ×0.15 when ``m`` is its speaker (the speaker of a quotation is
    not what the quotation is about); plain reported speech after "X said" is
    ×0.4 for X, and its negative words ×0.2 (what a speaker complains of, warns
    about or accuses others of is mostly not said of the speaker: "X said the
    scheme was a fraud").

A capitalised evaluative word inside a sentence is taken as part of a name
and skipped ("Attorney General Loretta Lynch", "Freedom Caucus", "Special
Counsel"), unless most of the sentence is capitalised (a headline).

The mention's stance is ``S / sqrt(S² + α)`` for ``S = Σ c(m, h)`` (α = 0.35), in
(−1, 1), as VADER normalises its sum; it is 0.0 when no word applies.

These rules follow the target-dependent lexicon methods of sentiment analysis
(e.g. Ding, Liu & Yu 2008, distance-weighted opinion words with negation and
"but" rules) and the agent/patient distinction of semantic role labelling,
written as simple word-order rules so each contribution can be shown and checked.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from ..vocab import FOR_OR_AGAINST
from .stance_persons import PERSONAL_PRONOUNS, NotPersons, can_be_a_person

if TYPE_CHECKING:
    from ..actors import Mention
    from ..text import Quote, TextModel
    from .stance_lexicon import Hit, StanceLexicon, Word

__all__ = ["Contribution", "DocInfo", "RuleParams", "document_info", "normalise", "score_sentence", "score_sentences"]

#: a capitalised word (``\b[A-Z][\w'’.-]*``), written with the capital first and the word boundary as a
#: lookbehind, so the regex engine skips ahead to the next capital letter instead of trying every position
_CAPITAL_RE = re.compile(r"[A-Z](?<!\w[A-Z])[\w'’.-]*")
#: Capitalised words that are not names of someone (days, months, titles, "I").
_NOT_NAMES = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "I",
        "I'm",
        "I’m",
        "I've",
        "I’ve",
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Dr",
        "Dr.",
        "Sen.",
        "Rep.",
        "Gov.",
        "President",
        "Prime",
        "Minister",
        "Secretary",
        "Senator",
        "Governor",
        "General",
    ]
)


def _other_name(text: str, start: int, end: int) -> bool:
    """A capitalised word that may name someone else between two offsets (days, months and titles are not)."""
    search = _CAPITAL_RE.search
    m = search(text, start, end)
    while m is not None:
        if m.group() not in _NOT_NAMES:
            return True
        m = search(text, m.end(), end)
    return False


#: clause breaks: , ; : ( ) [ ] dashes and hyphens, but not a hyphen right after a letter or digit (a hyphen
#: inside a word, most of them; a spaced hyphen is then checked on the text). One character class first, so
#: the regex engine still skips ahead to the next candidate (an alternation there makes the scan 4x slower).
_PUNCT_BREAK_RE = re.compile(r"[,;:()\[\]—–-](?<!\S-)")
_APPOSITIVE_OPENERS = frozenset(["a", "an", "the", "one", "who", "whose", "which", "his", "her", "its", "their", "now"])
_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "its", "their"])
_COORDINATION = frozenset(["and", "or", "&"])
_PLACE = frozenset(
    ["in", "inside", "into", "within", "across", "against", "on", "onto", "upon", "at", "toward", "towards"]
)
_ROLE_WORD = {"agent": "doer", "patient": "receiver", "subject": "subject"}
#: nouns of a border, which a mention before them names as a place ("the Afghan border", "U.S.-Mexico border")
_BORDER_NOUNS = frozenset(["border", "borders", "frontier", "frontiers", "boundary", "borderlands"])
#: nouns after a border noun that make it what a state does or has there ("border guards", "border closure")
_BORDER_ACTS = frozenset(
    [
        "guard",
        "guards",
        "police",
        "force",
        "forces",
        "troops",
        "officials",
        "official",
        "officers",
        "agents",
        "agency",
        "authorities",
        "patrol",
        "patrols",
        "security",
        "personnel",
        "management",
        "policy",
        "policies",
        "control",
        "controls",
        "closure",
        "closures",
        "fence",
        "fencing",
        "wall",
    ]
)


def _names_a_border(tokens: Sequence[str], aa: int, ab: int, hi: int) -> bool:
    """Whether the mention at tokens ``[aa, ab)`` names a border as a place ("crossed the Afghan border illegally",
    "along the Pakistan-Afghanistan border"): a border noun follows it, not a noun of what a state does there
    ("Pakistan's border guards", "the Afghan border closure"), and no "from" before it, where it is the origin of
    what comes ("attacks from across the Afghan border" still say where they come from). ``hi``: the sentence's
    end (token index)."""
    if ab >= hi or tokens[ab] not in _BORDER_NOUNS:
        return False
    if ab + 1 < hi and tokens[ab + 1] in _BORDER_ACTS:
        return False
    return "from" not in tokens[max(0, aa - 4) : aa]


_NP_END = frozenset(
    [
        "of",
        "in",
        "for",
        "to",
        "on",
        "with",
        "by",
        "at",
        "from",
        "into",
        "about",
        "over",
        "against",
        "during",
        "through",
        "between",
        "among",
        "under",
        "toward",
        "towards",
        "that",
        "which",
        "who",
        "and",
        "or",
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "will",
        "would",
        "said",
        "says",
    ]
)
_TITLE_SMALL = frozenset(
    ["and", "the", "for", "with", "from", "into", "over", "nor", "but", "via", "per", "than", "upon"]
)
_PRONOUN_GROUP = {
    **dict.fromkeys(["he", "him", "his", "himself"], "he"),
    **dict.fromkeys(["she", "her", "hers", "herself"], "she"),
    **dict.fromkeys(["it", "its", "itself"], "it"),
    **dict.fromkeys(["they", "them", "their", "theirs", "themselves"], "they"),
    **dict.fromkeys(["we", "us", "our", "ours", "ourselves"], "we"),
    **dict.fromkeys(["i", "me", "my", "mine", "myself"], "i"),
    **dict.fromkeys(["you", "your", "yours", "yourself"], "you"),
}
_ANY_PRONOUN = frozenset(_PRONOUN_GROUP)
_SUBJECT_PRONOUNS = frozenset(["it", "they", "he", "she", "we"])
#: verbs of accusing: what comes after their object ("accused Obama of treason", "blamed Kabul for the attacks") is
#: said of the object, not of the accuser
_ACCUSING = frozenset(
    [
        "accuse",
        "accused",
        "accuses",
        "accusing",
        "blame",
        "blamed",
        "blames",
        "blaming",
        "charge",
        "charged",
        "charges",
        "charging",
        "fault",
        "faulted",
        "faults",
        "faulting",
        "condemn",
        "condemned",
        "condemns",
        "condemning",
    ]
)


def _default_agent() -> dict[str, float]:
    return {"harm": 1.0, "criticize": 0.05, "attack": 0.5, "praise": 0.5, "benefit": 1.0, "defeat": 1.0}


def _default_patient() -> dict[str, float]:
    return {"harm": 0.0, "criticize": 1.0, "attack": 1.0, "praise": 1.0, "benefit": 0.3, "defeat": -1.0}


@dataclass(frozen=True)
class RuleParams:
    """The constants of the rules (see the module docstring)."""

    scale: float = 10.0
    role_scale: float = 10.0
    comma: float = 0.75
    strong_break: float = 0.5
    contrast: float = 0.35
    conceded: float = 0.5
    after_contrast: float = 1.2
    nearer_actor: float = 0.5
    pronoun: float = 0.8
    quoted_other: float = 0.6
    speaker: float = 0.15
    reported: float = 0.4
    reported_negative: float = 0.2
    possessive: float = 1.0
    appositive: float = 0.9
    negation_window: int = 3
    modifier_window: int = 2
    possessive_window: int = 3
    appositive_window: int = 8
    other_subject: float = 0.3
    harm_noun_before: float = 0.5
    alpha: float = 0.35
    min_weight: float = 0.0
    skip_names: bool = True
    negated_negative: float = 0.0
    negativity: float = 1.0
    entity_far: float = 0.3
    place: float = 0.3
    border: float = 0.0
    agent: Mapping[str, float] = field(default_factory=_default_agent)
    patient: Mapping[str, float] = field(default_factory=_default_patient)

    def as_dict(self) -> dict[str, Any]:
        return {k: (dict(v) if isinstance(v, Mapping) else v) for k, v in self.__dict__.items()}


class Contribution(NamedTuple):
    """One evaluative word's contribution to one mention's stance."""

    mention: int
    start: int  # char offsets of the evaluative word or phrase
    end: int
    value: float
    category: str
    note: str
    quoted: bool
    source: str


#: Contribution((...)) without the keyword handling of a named tuple's constructor (many are made)
_new_contribution = partial(tuple.__new__, Contribution)


def normalise(total: float, alpha: float) -> float:
    """``S / sqrt(S² + α)``: a sum of weights mapped into (−1, 1)."""
    return total / math.sqrt(total * total + alpha) if total else 0.0


#: A place in the sentence that stands for a mention: global token span [a, b), whether it is a
#: pronoun that refers back to the mention, and whether it is possessive ("Pakistan's", "its").
_Anchor = tuple[int, int, bool, bool]
_NO_INTS: frozenset[int] = frozenset()
_APOSTROPHES = ("'", "’")
_CLOSE = frozenset("\"”’'")  # closing quotation marks
_POSSESSIVE_ENDINGS = ("'s", "’s")
_FIRM = frozenset(["possessive", "appositive"])
_APPOSITIVE_SPAN = 12  # words of an appositive between a speaker and the report verb ("X, a senior adviser, said")
_second = itemgetter(1)
_match_start = re.Match.start


class _Speech(NamedTuple):
    """Where a mention speaks: the report cue and the quotations or attributed spans it owns."""

    cue: int = -1  # token of the report cue
    cue_after: bool = True  # the cue follows the mention ("X said") rather than precedes it ("said X")
    spans: Sequence[tuple[int, int]] = ()  # char spans of attributed content (sourcing)


class DocInfo(NamedTuple):
    """What the rules look up across a document, found once from its word index and quotations."""

    scan: list[int]  # token positions of connectives and pronouns (lex.scan_keys), sorted
    report: list[int]  # token positions of report verbs ("said"), sorted
    quote_starts: list[int]  # start of each quotation (model.quotes order)
    quote_reach: list[int]  # the furthest end of quotations[0..i] (does any quotation reach an offset?)


def document_info(model: TextModel, lex: StanceLexicon) -> DocInfo:
    """The positions of the cue words of a document (from ``model.index``) and where its quotations reach."""
    index = model.index
    scan: list[int] = []
    for w in [w for w in lex.scan_keys if w in index]:
        scan += index[w]
    scan.sort()
    report: list[int] = []
    for w in [w for w in lex.report_keys if w in index]:
        report += index[w]
    report.sort()
    quotes = model.quotes
    if not quotes:
        return DocInfo(scan, report, [], [])
    reach = list(accumulate([q.end for q in quotes], max))
    return DocInfo(scan, report, [q.start for q in quotes], reach)


def score_sentence(
    model: TextModel,
    s: int,
    hits: Sequence[Hit],
    mentions: Sequence[tuple[int, Mention]],
    lex: StanceLexicon,
    params: RuleParams,
    attributions: Sequence[Mapping[str, Any]] = (),
    doc: DocInfo | None = None,
) -> list[Contribution]:
    """Contributions of the evaluative ``hits`` of sentence ``s`` (from
    :meth:`~framing.analyzers.stance_lexicon.StanceLexicon.match_sentences`) to each of its ``mentions``."""
    return score_sentences(model, [(s, hits, mentions, attributions)], lex, params, doc)


def score_sentences(
    model: TextModel,
    sentences: Iterable[tuple[int, Sequence[Hit], Sequence[tuple[int, Mention]], Sequence[Mapping[str, Any]]]],
    lex: StanceLexicon,
    params: RuleParams,
    doc: DocInfo | None = None,
    harmful: frozenset[str] = frozenset(),
    persons: NotPersons | None = None,
) -> list[Contribution]:
    """Contributions of the evaluative words of sentences of one document to the mentions in them.

    ``sentences`` holds, per sentence, its index, its evaluative words (from
    :meth:`~framing.analyzers.stance_lexicon.StanceLexicon.match_sentences`), its mentions
    (index in the document, mention) and the sourcing analyzer's attributions in it.
    Everything about a sentence (its clause breaks, connectives, pronouns, the token span
    of each mention, speakers and quotations) is worked out once, from lists of the few
    positions that matter (``doc``: :func:`document_info`, computed once per document) rather
    than anything per token; the rules then run per pair of an evaluative word and a mention.
    ``harmful``: actors whose type names a harmful kind (:func:`harmful_actors`): helping or backing one of them
    ("financial support to the TTP") is no credit to the helper, as helping "militants" is not.
    ``persons``: what makes a mention no person (:func:`~framing.analyzers.stance_persons.not_persons`), for whom "he"
    and "she" cannot stand; with none, every mention can be one.
    """
    if doc is None:
        doc = document_info(model, lex)
    tokens = model.tokens
    text = model.text
    sent_tok, sent_starts, sent_ends = model.sent_tok, model.sent_starts, model.sent_ends
    # where each token starts and ends (global token index), found once while parsing
    starts, ends = model.tok_starts, model.tok_ends
    cues = lex.cues
    p = params
    negators, modifiers = lex.negators, lex.modifiers
    neg_keys, mod_keys, near_keys = lex.negator_keys, lex.modifier_keys, lex.near_keys
    mod_window, neg_window = p.modifier_window, p.negation_window
    near_window = max(mod_window, neg_window + 2)
    skip_names = p.skip_names
    negativity = p.negativity
    scale, comma_f, strong_f, contrast_f = p.scale, p.comma, p.strong_break, p.contrast
    passive_keys = lex.passive_keys
    out: list[Contribution] = []
    for s, hits, mentions, attributions in sentences:
        if any(_in_compound(text, m.start) or _names_a_group(text, m.end) for _mi, m in mentions):
            # "anti-Trump bias", "pro-Russian separatists", "Trump supporters were dismayed": the words around are
            # said of those for or against the actor, not of the actor
            mentions = [x for x in mentions if not (_in_compound(text, x[1].start) or _names_a_group(text, x[1].end))]
            if not mentions:
                continue
        t0, t1 = sent_tok[s], sent_tok[s + 1]
        s_start, s_end = sent_starts[s], sent_ends[s]

        # ---------------------------------------------------------------- clause structure
        # punctuation: the token each mark stands before (global index); a sentence has few of them
        commas: list[int] = []  # a comma right before token k
        strongs: list[int] = []  # ; : — – ( ) [ ] and a spaced hyphen
        for off in map(_match_start, _PUNCT_BREAK_RE.finditer(text, s_start, s_end)):
            ch = text[off]
            if ch == "-" and not (text[off - 1 : off].isspace() and text[off + 1 : off + 2].isspace()):
                continue  # a hyphen, not a dash
            k = bisect_left(starts, off, t0, t1)
            if k < t1:
                if ch == ",":
                    commas.append(k)
                else:
                    strongs.append(k)
        if strongs:
            breaks = sorted(commas + strongs)
            break_set: frozenset[int] | set[int] = set(breaks)
        else:
            breaks = commas
            break_set = set(commas) if commas else _NO_INTS
        # connectives (but, while, although ...) and pronouns, from the document's cue positions
        connectives: list[tuple[int, str]] = []
        pronouns: list[int] = []
        scan_pos = doc.scan
        i = bisect_left(scan_pos, t0)
        j = bisect_left(scan_pos, t1, i)
        if i < j:
            scan = lex.scan
            for k in scan_pos[i:j]:
                kind, phrases = scan[tokens[k]]
                if kind is None:
                    for words, ckind, _w in phrases:
                        if tuple(tokens[k : k + len(words)]) == words:
                            connectives.append((k, ckind[9:]))
                            break
                elif kind == "pronoun":
                    pronouns.append(k)
                else:
                    connectives.append((k, kind))
        conn_pos: list[int] = [k for k, _ in connectives]

        conceded: list[tuple[int, int]] = []
        boosted: list[tuple[int, int]] = []
        for k, kind in connectives:
            if kind == "concessive":
                end = _next_break(breaks, k, t1)
                conceded.append((k, end))
                if end < t1:
                    boosted.append((end, _next_break(strongs, end, t1)))
            elif kind == "but":
                boosted.append((k, _next_break(strongs, k, t1)))
        any_break = bool(breaks or conn_pos)

        # ---------------------------------------------------------------- mentions as token spans
        ments: list[tuple[int, int, int, Mention, list[_Anchor]]] = []  # (index, a, b, mention, anchors)
        for mi, m in mentions:
            ms, me = m.start, m.end
            a = bisect_right(starts, ms, t0, t1) - 1
            if a < t0:
                a = t0
            elif ends[a] <= ms:
                a += 1
            b = bisect_left(starts, me, t0, t1)
            if b <= a:
                b = a + 1
            if a >= t1:
                a = t1 - 1
            if b > t1:
                b = t1
            poss = (
                bool(m.possessive) or text[me : me + 1] in _APOSTROPHES or tokens[b - 1].endswith(_POSSESSIVE_ENDINGS)
            )
            ments.append((mi, a, b, m, [(a, b, False, poss)]))
        several = len(ments) > 1
        # mentions that name a border, by their first token (worked out once per sentence, not per word)
        border = {a for _mi, a, b, _m, _ancs in ments if _names_a_border(tokens, a, b, t1)}
        # other mentions of the same actor in the sentence ("Pakistan ... Islamabad") are the same referent
        if several and len({x[3].actor for x in ments}) < len(ments):
            by_actor: dict[str, list[tuple[int, int, int, bool]]] = {}
            for mi, a, b, m, ancs in ments:
                by_actor.setdefault(m.actor, []).append((mi, a, b, ancs[0][3]))
            for mi, _a, _b, m, ancs in ments:
                group = by_actor[m.actor]
                if len(group) > 1:
                    ancs.extend((a, b, False, poss) for oi, a, b, poss in group if oi != mi)
        purposes: set[int] = set()  # pronouns that open a purpose clause, anchored to the sentence's first actor
        someone: list[int] = []  # "he", "his" ... after a mention that is no person: a person not among the actors
        if pronouns:
            by_end = sorted((x[2], x[0], x[1], x[4], x[3]) for x in ments)  # (b, index, a, anchors, mention)
            end_pos = [x[0] for x in by_end]
            for k in pronouns:
                if several:
                    if any(x[1] <= k < x[2] for x in ments):
                        continue
                elif ments[0][1] <= k < ments[0][2]:
                    continue
                i = bisect_right(end_pos, k) - 1
                if i < 0:
                    continue
                purpose = k >= 2 and tokens[k - 2 : k] == ["so", "that"] and tokens[k] in _SUBJECT_PRONOUNS
                if purpose:
                    # "Pakistan kept talking with the Taliban so that it would promote stability": a purpose
                    # clause's subject is the main clause's, the sentence's first actor
                    i = min(range(i + 1), key=lambda x: by_end[x][2])
                b, mi, a, ancs, pm = by_end[i]
                passed: list[tuple[int, int]] = []  # mentions passed over: no other name
                if persons is not None and not purpose and tokens[k] in PERSONAL_PRONOUNS:
                    # "he" and "she" stand for a person: past bodies, places and groups ("Trump is on trial in the
                    # Senate after he was impeached") to the nearest mention that can be one, if any
                    while not can_be_a_person(text, pm, persons) or a in border:
                        passed.append((starts[a], ends[b - 1]))
                        i -= 1
                        if i < 0:
                            break
                        b, mi, a, ancs, pm = by_end[i]
                    if i < 0:
                        someone.append(k)  # "the White House ... his ratings": a person not among the actors
                        continue
                # where another name between the mention and the pronoun may be what it refers to
                lo = ends[b - 1]
                gaps = []
                for s0, e0 in sorted(passed):
                    gaps.append((lo, s0))
                    lo = max(lo, e0)
                gaps.append((lo, starts[k]))
                pgroup = _PRONOUN_GROUP.get(tokens[k])
                mtok = tokens[a] if b - a == 1 else ""
                if mtok in _ANY_PRONOUN and _PRONOUN_GROUP.get(mtok) != pgroup:
                    continue  # "we ... them": a pronoun refers back only to a mention of the same person and number
                # (the antecedent is the nearest mention before the pronoun, so no other mention lies in between)
                if not purpose and any(_other_name(text, g0, g1) for g0, g1 in gaps):
                    continue
                ancs.append((k, k + 1, True, tokens[k] in _POSSESSIVE_PRONOUNS))
                if purpose:
                    purposes.add(k)

        # ---------------------------------------------------------------- speakers
        speech: dict[int, _Speech] = {}
        rep = doc.report
        ir = bisect_left(rep, t0)
        # the sourcing analyzer's attributions: (source span, content span, record)
        atts = (
            [
                (
                    int(r.get("source_start", -1)),
                    int(r.get("source_end", -1)),
                    int(r.get("content_start", -1)),
                    int(r.get("content_end", -1)),
                    r,
                )
                for r in attributions
            ]
            if attributions
            else ()
        )
        if atts or (ir < len(rep) and rep[ir] < t1):
            for mi, a, b, m, _ in ments:
                owned = [(cs, ce) for ss, se, cs, ce, _r in atts if ss >= 0 and ss < m.end and m.start < se and cs >= 0]
                if owned:
                    speech[mi] = _Speech(spans=owned)
                    continue
                # a report verb right after the mention ("X said"), else the last one right before it ("said X")
                i = bisect_left(rep, b)
                if i < len(rep) and rep[i] < b + 3 and rep[i] < t1:
                    speech[mi] = _Speech(cue=rep[i], cue_after=True)
                    continue
                if i < len(rep) and rep[i] < t1 and commas and b in commas:
                    # "X, the party's leader, said": a report verb right after an appositive
                    ci = bisect_right(commas, b)
                    if (
                        ci < len(commas)
                        and commas[ci] - b <= _APPOSITIVE_SPAN
                        and commas[ci] <= rep[i] <= commas[ci] + 1
                    ):
                        speech[mi] = _Speech(cue=rep[i], cue_after=True)
                        continue
                i = bisect_left(rep, a) - 1
                if i >= 0 and rep[i] >= a - 2 and rep[i] >= t0:
                    k = rep[i]
                    # "..., said X" / "” said X": the verb follows a comma or a quotation; in "Pence said
                    # Flynn lied" X is what is said, not the speaker
                    ks = starts[k]
                    if k == t0 or k in break_set or text[ks - 2 : ks].rstrip()[-1:] in _CLOSE:
                        speech[mi] = _Speech(cue=k, cue_after=False)
        if strongs and strongs[0] <= ments[0][2] and ments[0][1] == t0:
            # "Karl Rove: Hillary Clinton might ...": a name opening the sentence and followed by a colon
            # (headlines, transcripts) is the speaker of what follows it
            for mi, a, b, m, _ in ments:
                if a == t0 and b < t1 and mi not in speech and ":" in text[m.end : starts[b]]:
                    speech[mi] = _Speech(cue=b - 1, cue_after=True)
        # quotations: is any word of the sentence inside one? (then ask the text model for each word)
        quote_at: Callable[[int], Quote | None] = _no_quote
        qs = doc.quote_starts
        if qs:
            iq = bisect_left(qs, s_start)
            reaches = iq > 0 and doc.quote_reach[iq - 1] > s_start  # a quotation opened before the sentence goes on
            if iq < len(qs) and qs[iq] < s_end:
                if reaches:
                    quote_at = model.quote_at
                else:  # only quotations opened inside the sentence: an offset outside all of them is in none
                    inside = [(q.start, q.end) for q in model.quotes[iq : bisect_left(qs, s_end, iq)]]

                    quote_at = partial(_quote_inside, model.quote_at, inside)

            elif reaches and model.quote_at(s_start) is not None:
                quote_at = model.quote_at
        # the first word of each mention, not a stray quote mark included in its span
        # (worked out when a word of the sentence first turns out to be quoted)
        q_ment: dict[int, Quote | None] | None = None

        title_case: bool | None = None  # is the sentence a headline in title case? (asked when needed)

        # ---------------------------------------------------------------- per evaluative word
        pos_discount = 1.0
        if negativity:
            neg_mass = 0.0
            for _h0, _h1, hw in hits:
                if hw.weight < 0:
                    neg_mass -= hw.weight
            pos_discount = 1.0 / (1.0 + negativity * neg_mass)
        scope_end = -1
        scope_weight = 1.0
        scope_word = ""
        first_mi = -1
        regions = bool(conceded or boosted)
        quoting = quote_at is not _no_quote
        seen: list[tuple[int, float]] = []  # start and weight of the evaluative words so far
        for y0, y1, word in hits:
            hs = starts[y0]
            cap = text[hs].isupper()
            if skip_names and cap and y0 != t0:
                # a capitalised word inside a sentence is part of a name ("Loretta Lynch", "Justice Department"),
                # unless it opens a quotation or a bracket, or the sentence is a headline in title case
                prev = text[max(0, hs - 3) : hs].rstrip()
                if prev and prev[-1] not in "\"“‘'(:[—–-…":
                    if title_case is None:
                        # title case: no word of 3+ letters other than a few small words is lower-case
                        title_case = not any(
                            text[a].islower() and b - a >= 3 and text[a:b] not in _TITLE_SMALL
                            for a, b in zip(starts[t0:t1], ends[t0:t1])
                        )
                    if not title_case:
                        continue
            w = word.weight
            seen.append((y0, w))
            hit_note = ""
            opposed = -1  # where the word opposing this bad thing ends ("against" in "against TTP militants")
            unopposed = w
            lo = y0 - near_window
            if lo < t0:
                lo = t0
            if not near_keys.isdisjoint(tokens[lo:y0]):  # a modifier or a negator just before the word
                # modifiers
                lo_m = y0 - mod_window
                if lo_m < t0:
                    lo_m = t0
                if not mod_keys.isdisjoint(tokens[lo_m:y0]):
                    for j in range(y0 - 1, lo_m - 1, -1):
                        if j + 1 in break_set:
                            break  # a break right before token j + 1
                        cands = modifiers.get(tokens[j])
                        if cands:
                            for words, _, mult in cands:
                                if j + len(words) <= y0 and tuple(tokens[j : j + len(words)]) == words:
                                    w *= mult
                                    why = f"{'intensified' if mult > 1 else 'weakened'} by '{' '.join(words)}'"
                                    hit_note = hit_note + "; " + why if hit_note else why
                                    break
                # negation
                negated = False
                lo_n = y0 - neg_window - 2
                if lo_n < t0:
                    lo_n = t0
                if not neg_keys.isdisjoint(tokens[lo_n:y0]):
                    for j in range(y0 - 1, lo_n - 1, -1):
                        cands = negators.get(tokens[j])
                        if not cands:
                            continue
                        for cand in cands:
                            if tuple(tokens[j : j + len(cand[0])]) == cand[0]:
                                words, cat, nw = cand
                                break
                        else:
                            continue
                        je = j + len(words)
                        if cat in ("negator/care", "negator/oppose"):
                            # a bad thing opposed ("the fight against terrorism") or the state of one cared for
                            # ("tends to injured birds") is no blame of the actor
                            care = cat == "negator/care"
                            if (
                                w < 0
                                and (
                                    _cared_for(word, tokens, j, je, y0, neg_window)
                                    if care
                                    else je <= y0 and y0 - je <= neg_window
                                )
                                and not _n_breaks(breaks, j + 1, y0)
                            ):
                                if not care:
                                    opposed, unopposed = je, w
                                w *= nw
                                negated = True
                                what = "state of the one cared for by" if care else "opposed by"
                                why = f"{what} '{' '.join(words)}'"
                                outer = _outer_negator(tokens, negators, j, t0, neg_window, breaks)
                                if outer is not None:  # "reluctant to take action against the sanctuaries"
                                    w *= outer[1] if w > 0 else outer[1] * p.negated_negative
                                    why += f", negated by '{' '.join(outer[0])}'"
                                hit_note = hit_note + "; " + why if hit_note else why
                                break
                            continue
                        if cat != "negator" or je > y0:
                            break  # "not only", "no doubt": not a negation
                        if y0 - je > neg_window or _n_breaks(breaks, j + 1, y0):
                            break
                        if any(je <= a < y0 and (sw > 0) != (word.weight > 0) for a, sw in seen):
                            break  # "not afraid to succeed": the negation is the earlier word's, of the other sign
                        if word.judgement:
                            # a negated judgement is reversed with all it says: "nobody can accuse X of ingratitude"
                            scope_end = min(_next_break(breaks, y1 - 1, t1), y1 + 5)
                            scope_weight, scope_word = nw, " ".join(words)
                            w *= nw
                        else:
                            w *= nw if w > 0 else nw * p.negated_negative
                        negated = True
                        why = f"negated by '{' '.join(words)}'"
                        hit_note = hit_note + "; " + why if hit_note else why
                        break
                if not negated and y0 < scope_end:
                    w *= scope_weight
                    why = f"negated by '{scope_word}'"
                    hit_note = hit_note + "; " + why if hit_note else why
            elif y0 < scope_end:
                w *= scope_weight
                hit_note = f"negated by '{scope_word}'"
            # clause
            if regions:
                if any(a <= y0 < b for a, b in conceded):
                    w *= p.conceded
                    hit_note = hit_note + "; conceded clause" if hit_note else "conceded clause"
                elif any(a <= y0 < b for a, b in boosted):
                    w *= p.after_contrast
                    hit_note = hit_note + "; after contrast" if hit_note else "after contrast"
            if w == 0.0:
                continue
            if cap and any(x[1] <= y0 < x[2] or y0 <= x[1] < y1 for x in ments):
                continue  # a word of an actor's name ("Petty said ...")
            he = ends[y1 - 1]
            q_hit = quote_at(hs) if quoting else None
            q_source = ""  # who speaks the quotation the word is in (the same for every mention)
            if q_hit is not None:
                for _ss, _se, cs, ce, r in atts:
                    if cs <= hs < ce:
                        q_source = str(r.get("source_actor") or r.get("source") or "")
                        break
            role = word.role
            entity = word.entity
            # "sheltering militants", "funding terrorists": helping those the lexicon names as harmful is no credit
            # to the helper, whose share of the act turns negative (the receiver is the harmful one, not a mention)
            aided = _harmful_receiver(hits, y1, tokens) if role == "benefit" else ""
            if not aided and harmful and role in ("benefit", "praise"):
                aided = _harmful_actor_after(ments, harmful, y1, tokens)
            # "the TTP declared its support to the Afghan Taliban": backing from a harmful actor is no credit either
            backer = _harmful_doer(ments, harmful, y0) if harmful and role in ("benefit", "praise") else ""
            # "X ambushed a convoy, killing six officers": a participle after a comma has the sentence's subject as doer
            participle = word.verb and bool(role) and y0 in break_set and tokens[y0].endswith("ing")
            if participle and first_mi < 0:
                first_mi = min(ments, key=_second)[0]
            for mi, ma, _mb, m, ancs in ments:
                if participle and ma < y0 and mi != first_mi:
                    continue  # not the doer of the participle (the sentence's first actor is)
                if len(ancs) == 1:
                    anc = ancs[0]
                    aa, ab, apron, aposs = anc
                    if aa <= y0 < ab or y0 <= aa < y1:
                        d = 0
                    elif ab <= y0:
                        d = y0 - ab
                    else:
                        d = aa - y1
                else:
                    d = -1
                    anc = ancs[0]
                    # a mention naming a border is no referent while the actor has another ("Pakistan accused
                    # Kabul of sheltering militants along the Afghan border")
                    named = [x for x in ancs if x[2] or x[0] not in border] if border else ancs
                    for anc_c in named or ancs:
                        ca, cb = anc_c[0], anc_c[1]
                        if role and anc_c[2] and anc_c[3] and ca >= y1:
                            continue  # "betrayed its neighbours": the owner of the receiver is not the receiver
                        if ca <= y0 < cb or y0 <= ca < y1:
                            cd = 0
                        elif cb <= y0:
                            cd = y0 - cb
                        else:
                            cd = ca - y1
                        if d < 0 or cd < d:
                            d, anc = cd, anc_c
                    if d < 0:
                        continue
                    aa, ab, apron, aposs = anc
                before = ab <= y0
                kind = ""
                if role or (before and (aposs or ab in break_set)) or (d == 0 and not before and aa < y1):
                    # how firmly the word applies: possessive, appositive, the mention's role in the act, distance
                    if d == 0 and not (before or y1 <= aa):
                        f = 1.0
                        why = "inside the mention"
                    else:
                        if before:
                            nc, ns, nk = _between(commas, strongs, conn_pos, ab, y0)
                        else:
                            nc, ns, nk = _between(commas, strongs, conn_pos, y1, aa)
                        # possessive: "Pakistan's sacrifices" (but "X's supervision of a bribery probe" is not X's)
                        possessed = (
                            before
                            and aposs
                            and d <= p.possessive_window
                            and not (nc or ns or nk)
                            and _NP_END.isdisjoint(tokens[ab:y0])
                        )
                        # appositive: "X, a reliable partner,"
                        appositive = False
                        if before and not possessed and ab < len(tokens) and tokens[ab] in _APPOSITIVE_OPENERS:
                            i = bisect_right(breaks, ab)
                            if i and breaks[i - 1] == ab:  # a break right after the mention
                                end = breaks[i] if i < len(breaks) else 1 << 30
                                appositive = y0 < min(end, ab + p.appositive_window) and ns == 0 and nk == 0
                        why = ""
                        share, sc = 1.0, scale
                        if role:
                            # "X, one of Y's critics" / "X is a critic": a noun naming the doer said of the mention
                            described = appositive or (
                                before and ab <= y0 <= ab + 4 and not _COPULA.isdisjoint(tokens[ab:y0])
                            )
                            kind, share, sc = _role(
                                aa, ab, y0, y1, word, tokens, cues, before, possessed, d, p, passive_keys, described
                            )
                            if kind:
                                why = f"{_ROLE_WORD.get(kind, kind)} of '{role}' act"
                        if possessed:
                            f = p.possessive
                            why = why + "; possessive" if why else "possessive"
                            kind = kind or "possessive"
                        elif appositive:
                            f = p.appositive
                            why = why + "; appositive" if why else "appositive"
                            kind = kind or "appositive"
                        else:
                            f = 1.0 / (1.0 + d / sc)
                            if nc:
                                f *= comma_f**nc
                            if ns:
                                f *= strong_f**ns
                            if nk:
                                f *= contrast_f
                                why = why + "; across a contrast" if why else "across a contrast"
                        f = f * share
                        if kind == "agent" and before and d > 0 and _other_name(text, ends[ab - 1], hs):
                            f *= p.other_subject  # "X said Iran violated ...": another name between mention and act
                            why = why + "; another subject" if why else "another subject"
                else:  # the common case: distance and breaks only
                    f = 1.0 / (1.0 + d / scale)
                    why = ""
                    if any_break:  # _between, inlined: the breaks between the mention and the word
                        lo_b, hi_b = (ab, y0) if before else (y1, aa)
                        if commas:
                            nc = bisect_right(commas, hi_b) - bisect_left(commas, lo_b)
                            if nc:
                                f *= comma_f**nc
                        if strongs:
                            ns = bisect_right(strongs, hi_b) - bisect_left(strongs, lo_b)
                            if ns:
                                f *= strong_f**ns
                        if conn_pos and bisect_left(conn_pos, hi_b) - bisect_left(conn_pos, lo_b):
                            f *= contrast_f
                            why = "across a contrast"
                if not apron and aa in border:
                    # "crossed the U.S.-Mexico border illegally", "visited the U.S.-Mexican border to criticize":
                    # where it happened, not who did it or to whom
                    f *= p.border
                    if f == 0.0:
                        continue
                    why = why + "; names a border" if why else "names a border"
                elif not role and not before and not apron and not _PLACE.isdisjoint(tokens[max(y1, aa - 2) : aa]):
                    f *= (
                        p.place
                    )  # "terror operations inside Pakistan": the place or target of a bad thing, not its author
                    why = why + "; place or target" if why else "place or target"
                if (
                    entity
                    and d > 1
                    and kind not in _FIRM
                    and not (ab <= y0 <= ab + 4 and not _COPULA.isdisjoint(tokens[ab:y0]))
                ):
                    f *= (
                        p.entity_far
                    )  # a noun naming an actor describes the mention only when said of it ("X is a ...")
                    why = why + "; names another actor" if why else "names another actor"
                if f == 0.0 and not role:
                    continue
                if apron:
                    f *= p.pronoun
                    x = f"via pronoun '{tokens[aa]}'"
                    why = why + "; " + x if why else x
                # a nearer actor between the mention and the word
                accused = False
                if several:
                    lo, hi = (ab, y0) if before else (y1, aa)
                    actor = m.actor
                    for oi, oa, ob, om, oancs in ments:
                        if oi == mi or om.actor == actor:
                            continue
                        if not (lo <= oa and ob <= hi):
                            # another actor's pronoun in between: "Pakistan talked with the Taliban in Afghanistan so
                            # that it would promote ...": "it" is Pakistan's, nearer than Afghanistan
                            if purposes and any(x[0] in purposes and lo <= x[0] and x[1] <= hi for x in oancs):
                                f *= p.nearer_actor
                                why = why + "; nearer actor" if why else "nearer actor"
                                break
                            continue
                        gap = tokens[ab:oa] if ab <= oa else tokens[ob:aa]
                        if all(t in _COORDINATION for t in gap):
                            continue  # "X and Y criticized": coordinated doers
                        if before and not _ACCUSING.isdisjoint(gap):
                            accused = True  # "Trump accused Obama of treason": the treason is said of Obama
                            break
                        f *= p.nearer_actor
                        why = why + "; nearer actor" if why else "nearer actor"
                        break
                if accused:
                    continue
                if someone:
                    # a person nearer the word than the mention: "the White House ... he said", and what follows
                    # "his" is that person's ("Republicans watched his brutal campaign")
                    lo, hi = (ab, y0) if before else (y1, aa)
                    k = bisect_left(someone, lo)
                    if k < len(someone) and someone[k] < hi:
                        k = someone[bisect_left(someone, hi) - 1]  # the one nearest the word
                        if (
                            before
                            and tokens[k] in _POSSESSIVE_PRONOUNS
                            and y0 - k <= p.possessive_window
                            and _NP_END.isdisjoint(tokens[k + 1 : y0])
                        ):
                            continue
                        f *= p.nearer_actor
                        x = f"nearer person '{tokens[k]}'"
                        why = why + "; " + x if why else x
                # quotation and speech
                quoted = False
                source = ""
                if q_hit is not None:
                    quoted = True
                    if q_ment is None:
                        q_ment = {x[0]: quote_at(starts[x[1]]) for x in ments}
                    if q_ment.get(mi) != q_hit:
                        if mi in speech:
                            f *= p.speaker
                            why = why + "; speaker's own words" if why else "speaker's own words"
                        else:
                            f *= p.quoted_other
                            why = why + "; quoted" if why else "quoted"
                    source = q_source
                elif speech:
                    sp = speech.get(mi)
                    if sp is not None and _in_speech(sp, hs, y0):
                        f *= p.reported if w > 0 else p.reported_negative
                        why = why + "; speaker's reported words" if why else "speaker's reported words"
                if opposed >= 0 and _owns_opposed(tokens, opposed, aa, ab, y0, y1, kind, word):
                    # the bad thing opposed is this actor's: "a crackdown against TTP militants", "opposed Russia's
                    # invasion", "fought the invasion by Russia" blame the actor, as the word does without the opposition
                    value = unopposed * f
                    why = why + "; the thing opposed" if why else "the thing opposed"
                else:
                    value = w * f
                if aided and kind == "agent" and value > 0:
                    value = -value
                    why = why + f"; helps '{aided}'" if why else f"helps '{aided}'"
                elif backer and kind == "patient" and value > 0 and m.actor != backer and _first_after(ments, y1, ma):
                    value = -value
                    why = why + f"; backed by '{backer}'" if why else f"backed by '{backer}'"
                if value > 0 and pos_discount < 1.0:
                    value *= pos_discount
                if value == 0.0 and not role:
                    continue
                sign = "negative" if (value < 0 or (value == 0 and w < 0)) else "positive"
                if source:
                    x = f"quoted: {source}"
                    why = why + "; " + x if why else x
                out.append(
                    _new_contribution(
                        (
                            mi,
                            hs,
                            he,
                            value,
                            f"{sign}/{kind}" if kind else sign,
                            (hit_note + "; " + why if hit_note else why) if why else hit_note,
                            quoted,
                            source,
                        )
                    )
                )
    return out


_COPULA = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "remains",
        "remain",
        "remained",
        "became",
        "become",
        "becomes",
        "seen",
        "called",
        "labelled",
        "labeled",
        "branded",
        "dubbed",
        "described",
        "considered",
    ]
)


def _owns_opposed(
    tokens: Sequence[str], opposed: int, aa: int, ab: int, y0: int, y1: int, kind: str, word: Word
) -> bool:
    """Is the bad thing at tokens [y0, y1), opposed by the words ending at token ``opposed``, the act or the kind of
    the mention at [aa, ab)? The mention then stands between the two as its owner or modifier ("against TTP
    militants", "opposed Russia's invasion", "countering Russia's malign cyber activity", "investigate claims that
    Russia meddled"), with at most two words and no verb or preposition between it and the bad thing, or it is the
    agent after "by" ("the invasion by Russia"). Not when the mention is the one the act befalls ("voted against his
    impeachment", "the battle against the Trump impeachment inquiry") or whom the bad ones are against ("action
    against U.S. adversaries"), nor the subject of an act right after the opposing word ("the campaign against Trump
    attacked his record"): opposing those is still on the actor's side."""
    if kind == "patient" or (kind == "subject" and word.role == "criticize") or tokens[y0] in FOR_OR_AGAINST:
        return False
    if opposed <= aa and ab <= y0:
        gap = tokens[ab:y0]
        return (
            len(gap) <= 2 and _COPULA.isdisjoint(gap) and _NP_END.isdisjoint(gap) and not (word.verb and aa == opposed)
        )
    return aa == y1 + 1 and tokens[y1] == "by"


#: a prefix that makes a name the modifier of a group for or against it: "anti-Trump", "pro-Russian", "non-Democrats"
_COMPOUND_PREFIX = re.compile(r"(?<![^\W\d_])(?:anti|pro|non)[-\u2010\u2011]\Z", re.IGNORECASE)


#: a noun for those for or against someone after the mention that modifies it ("Trump supporters", "Obama's
#: critics"): a group, in the plural; one named ally or critic ("Trump ally Roger Stone") is an associate whose
#: deeds readers do lay at the actor's door (NewsMTSC's annotators do: devtest_mt 0.6389 with plurals only, 0.6384
#: with the singulars too)
_GROUPS = sorted((w for w in FOR_OR_AGAINST if w.endswith("s") and w != "nemesis"), key=len, reverse=True)
_GROUP_AFTER = re.compile(rf"(?:['’]s)? (?:{'|'.join(_GROUPS)})\b")


def _names_a_group(text: str, end: int) -> bool:
    """Whether the mention ending at ``end`` modifies a noun for those for or against the actor."""
    return _GROUP_AFTER.match(text, end) is not None


def _in_compound(text: str, start: int) -> bool:
    """Whether the mention starting at ``start`` follows "anti-", "pro-" or "non-" (any hyphen) in one word."""
    return _COMPOUND_PREFIX.search(text, max(0, start - 6), start) is not None


def _outer_negator(
    tokens: Sequence[str], negators: Any, j: int, t0: int, window: int, breaks: list[int]
) -> tuple[tuple[str, ...], float] | None:
    """A negator up to ``window`` words before the opposing or caring word at token ``j``, in the same clause: the
    opposition is then what the actor fails to do ("reluctant to take decisive action against the sanctuaries",
    "refused to fight corruption"). Returns its words and weight."""
    for k in range(j - 1, max(t0, j - window - 3) - 1, -1):
        for words, cat, nw in negators.get(tokens[k], ()):
            ke = k + len(words)
            if cat == "negator" and ke <= j and j - ke <= window and tuple(tokens[k:ke]) == words:
                return None if _n_breaks(breaks, k + 1, j) else (words, nw)
    return None


def _next_break(breaks: list[int], k: int, end: int) -> int:
    """The first of ``breaks`` (sorted) after token k, else ``end``."""
    i = bisect_right(breaks, k)
    return breaks[i] if i < len(breaks) else end


def _between(commas: list[int], strongs: list[int], conn_pos: list[int], lo: int, hi: int) -> tuple[int, int, int]:
    """Commas and strong breaks right before tokens lo..hi, and connectives among tokens lo..hi-1."""
    nc = bisect_right(commas, hi) - bisect_left(commas, lo) if commas else 0
    ns = bisect_right(strongs, hi) - bisect_left(strongs, lo) if strongs else 0
    nk = bisect_left(conn_pos, hi) - bisect_left(conn_pos, lo) if conn_pos else 0
    return nc, ns, nk


def _quote_inside(quote_at: Any, inside: list[tuple[int, int]], offset: int) -> Quote | None:
    """``quote_at(offset)`` when ``offset`` is inside one of the ``inside`` spans, else None without asking."""
    for a, b in inside:
        if a <= offset < b:
            return quote_at(offset)
    return None


def _n_breaks(breaks: list[int], lo: int, hi: int) -> int:
    """Number of breaks right before tokens lo..hi (``breaks`` sorted)."""
    return bisect_right(breaks, hi) - bisect_left(breaks, lo) if breaks else 0


def _in_speech(sp: _Speech, offset: int, k: int) -> bool:
    """Is the word at char ``offset`` / token ``k`` part of what the speaker says (attributed span, or after "X said")?"""
    if sp.spans:
        return any(cs <= offset < ce for cs, ce in sp.spans)
    return sp.cue >= 0 and ((sp.cue_after and k > sp.cue) or (not sp.cue_after and k < sp.cue))


def _no_quote(offset: int) -> None:
    return None


def _harmful_receiver(hits: Sequence[Hit], after: int, tokens: Sequence[str]) -> str:
    """The word of a negative noun naming a kind of actor ("militants", "terrorists") that receives an act ending
    at token ``after``: right after it, or after a determiner or one of a few adjectives ("the", "armed"), not
    after another word ("help us prevent terrorist attacks" helps "us")."""
    for h0, _h1, hw in hits:
        if after <= h0 <= after + 2 and hw.entity and hw.weight < 0 and _BEFORE_RECEIVER.issuperset(tokens[after:h0]):
            return tokens[h0]
    return ""


def _harmful_actor_after(ments: Sequence[Any], harmful: frozenset[str], after: int, tokens: Sequence[str]) -> str:
    """The name of a harmful actor (see :func:`harmful_actors`) mentioned right after an act ending at token
    ``after``, or after "to", "for", "with" or a determiner ("support to the TTP", "funding for the group's
    fighters" is not: another word comes between)."""
    for _mi, a, _b, m, _ancs in ments:
        if m.actor in harmful and after <= a <= after + 2 and _TO_RECEIVER.issuperset(tokens[after:a]):
            return m.actor
    return ""


def _first_after(ments: Sequence[Any], y1: int, start: int) -> bool:
    """Whether the mention starting at token ``start`` is the first one after token ``y1`` (the act's receiver, not
    an actor further on)."""
    return start >= y1 and not any(y1 <= a < start for _mi, a, _b, _m, _ancs in ments)


def _harmful_doer(ments: Sequence[Any], harmful: frozenset[str], y0: int) -> str:
    """The name of a harmful actor (see :func:`harmful_actors`) that is the mention nearest before an act starting at
    token ``y0``, its likely doer ("the TTP declared its support to the Afghan Taliban"), or ""."""
    best_end, name = -1, ""
    for _mi, _a, b, m, _ancs in ments:
        if b <= y0 and b > best_end:
            best_end, name = b, m.actor
    return name if name in harmful else ""


#: words of a kind of actor that harms: an actor whose type has one of them is one ("militant group", "terrorist
#: organisation", "armed group", "drug cartel")
HARMFUL_TYPES = ("militant", "terror", "insurgen", "armed group", "extremis", "jihad", "cartel", "gang", "criminal")


def harmful_actors(actors: Iterable[Any]) -> frozenset[str]:
    """The names of the actors whose ``type`` names a harmful kind (:data:`HARMFUL_TYPES`)."""
    return frozenset(a.name for a in actors if any(h in (a.type or "").lower() for h in HARMFUL_TYPES))


_BEFORE_RECEIVER = frozenset(
    ["the", "a", "an", "these", "those", "such", "armed", "suspected", "known", "foreign", "local", "other", "more"]
)
_TO_RECEIVER = _BEFORE_RECEIVER | frozenset(["to", "for", "with"])
#: words between a verb of care and the one cared for ("helped the injured", "tends to their sick children")
_BEFORE_CARED = frozenset(
    ["the", "a", "an", "these", "those", "his", "her", "their", "its", "our", "my", "your", "many", "other", "young"]
)
#: verbs of care that may take a bare verb after them ("helped slash rates"): a word right after them must be a
#: participle to describe the one helped ("helped injured hikers")
_TAKES_BARE_VERB = frozenset(["help", "helps", "helped", "helping"])


def _cared_for(word: Word, tokens: Sequence[str], j: int, je: int, y0: int, window: int) -> bool:
    """Is the negative word at token ``y0`` the state of the one the verb of care at tokens [j, je) looks after
    ("tends to injured birds", "helped the sick")? It must follow the verb within ``window`` words, with only
    determiners and possessives between them, and name no harmful kind of actor ("sheltering militants" is no
    care); right after "help" it must be a participle ("helped injured hikers", not "helped slash rates")."""
    if y0 < je or y0 - je > window or word.entity or not _BEFORE_CARED.issuperset(tokens[je:y0]):
        return False
    return je < y0 or tokens[j] not in _TAKES_BARE_VERB or tokens[y0].endswith(("ed", "ing"))


def _role(
    aa: int,
    ab: int,
    y0: int,
    y1: int,
    word: Word,
    tokens: list[str],
    cues: Mapping[str, str],
    before: bool,
    possessed: bool,
    d: int,
    p: RuleParams,
    passive_keys: frozenset[str] = frozenset(),
    described: bool = False,
) -> tuple[str, float, float]:
    """The role of the mention at tokens [aa, ab) in the act at [y0, y1): (kind, share of the weight, distance scale).

    ``described``: the word is said of the mention (an appositive, or after "is", "became" ...).
    """
    role, pos, is_verb = word.role, word.pos, word.verb
    if before:
        if possessed:
            # "Pakistan's attack on Kabul", "Mueller's investigation", "Russia's interference": the owner is the
            # doer; "Meng's abduction", "Rizvi's impeachment": the owner is the one it befell (the lexicon's
            # ``owner`` column), unless the noun's receiver follows ("Rizvi's prosecution of the general")
            befalls = word.befalls_owner and cues.get(tokens[y1] if y1 < len(tokens) else "") != "patient"
            kind = "patient" if pos == "agentnoun" or befalls else "agent"
        elif pos == "agentnoun" and described:
            kind = "agent"  # "X, one of Trump's toughest critics", "X is a killer": the mention is the doer
        elif is_verb and not tokens[y0].endswith("ing") and not passive_keys.isdisjoint(tokens[max(ab, y0 - 3) : y0]):
            kind = "patient"  # "X was attacked", "X has been criticized"
        elif is_verb:
            kind = "agent"
        else:
            # a noun after the mention: "X faced criticism", "TTP attacks"
            share = 1.0 if role != "harm" or d <= 1 else p.harm_noun_before
            return "subject", share, p.scale
    else:
        gap = [cues.get(t, "") for t in tokens[y1 : min(aa, y1 + 3)]]
        if "agent" in gap or (pos != "verb" and "agent/noun" in gap):
            kind = "agent"  # "attacked by X", "criticism from X"
        elif is_verb or "patient" in gap:
            kind = "patient"  # "attacked X", "criticism of X", "attack on X"
        else:
            return "", 1.0, p.scale  # a noun that is not about the mention: "cheers, as he called for X to ..."
    share = (p.agent if kind == "agent" else p.patient).get(role, 1.0)
    return kind, share, p.role_scale
