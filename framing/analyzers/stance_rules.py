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
  words after "fight against", "end", "prevent", "crack down on" ... counts
  ×−0.6 ("the fight against terrorism").
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
  - a pronoun (he, it, their ...) after a mention stands for it (×0.8), so
    "while X ..., it failed to" reaches X;
  - another actor named between ``m`` and ``h`` takes the word first: ×0.5;
  - quotations: a word inside a quotation that does not contain ``m`` counts
    ×0.6, and ×0.15 when ``m`` is its speaker (the speaker of a quotation is
    not what the quotation is about); plain reported speech after "X said" is
    ×0.4 for X.

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

import bisect
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ..actors import Mention
    from ..lexicons import Match
    from ..text import TextModel
    from .stance_lexicon import StanceLexicon

__all__ = ["Contribution", "RuleParams", "normalise", "score_sentence"]

_CAPITAL_RE = re.compile(r"\b[A-Z][\w'’.-]*")
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
    return any(m.group() not in _NOT_NAMES for m in _CAPITAL_RE.finditer(text, start, end))


_PUNCT_BREAK_RE = re.compile(r"[,;:()\[\]—–-]")
_APPOSITIVE_OPENERS = frozenset(["a", "an", "the", "one", "who", "whose", "which", "his", "her", "its", "their", "now"])
_POSSESSIVE_PRONOUNS = frozenset(["his", "her", "its", "their"])
_COORDINATION = frozenset(["and", "or", "&"])
_PLACE = frozenset(
    ["in", "inside", "into", "within", "across", "against", "on", "onto", "upon", "at", "toward", "towards"]
)
_ROLE_WORD = {"agent": "doer", "patient": "receiver", "subject": "subject"}
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


def normalise(total: float, alpha: float) -> float:
    """``S / sqrt(S² + α)``: a sum of weights mapped into (−1, 1)."""
    return total / math.sqrt(total * total + alpha) if total else 0.0


class _Anchor(NamedTuple):
    a: int  # global token span [a, b)
    b: int
    pronoun: bool
    possessive: bool


@dataclass
class _Speech:
    """Where a mention speaks: the report cue and the quotations or attributed spans it owns."""

    cue: int = -1  # token of the report cue
    cue_after: bool = True  # the cue follows the mention ("X said") rather than precedes it ("said X")
    spans: list[tuple[int, int]] = field(default_factory=list)  # char spans of attributed content (sourcing)


def score_sentence(
    model: TextModel,
    s: int,
    hits: Sequence[Match],
    mentions: Sequence[tuple[int, Mention]],
    lex: StanceLexicon,
    params: RuleParams,
    attributions: Sequence[Mapping[str, Any]] = (),
    quote_starts: Sequence[int] | None = None,
) -> list[Contribution]:
    """Contributions of the evaluative ``hits`` of sentence ``s`` to each of its ``mentions``."""
    tokens = model.tokens
    text = model.text
    t0, t1 = model.sent_tok[s], model.sent_tok[s + 1]
    spans = model.sentence_spans(s)
    cues = lex.cues
    scan_keys = lex.scan_keys
    p = params

    # ---------------------------------------------------------------- clause structure
    # Sentences have few breaks: plain sorted lists are cheaper than anything built per token.
    n = t1 - t0
    starts = [a for a, _ in spans]
    commas: list[int] = []  # global token k: a comma right before token k
    strongs: list[int] = []  # ; : — ( ) [ ] and a spaced hyphen
    # punctuation only (the text model's clause_breaks also looks for connectives, which are found on
    # the tokens below in any case, and costs far more)
    for mo in _PUNCT_BREAK_RE.finditer(text, model.sent_starts[s], model.sent_ends[s]):
        off = mo.start()
        ch = text[off]
        if ch == "-" and not (text[off - 1 : off].isspace() and text[off + 1 : off + 2].isspace()):
            continue  # a hyphen, not a dash
        k = bisect.bisect_left(starts, off)
        if k >= n:
            continue
        (commas if ch == "," else strongs).append(t0 + k)
    breaks = sorted(commas + strongs) if strongs else commas
    strong = set(strongs)
    break_set = set(breaks)
    connectives: list[tuple[int, str]] = []
    pronouns: list[int] = []
    contrast_phrases = lex.contrast_phrases
    toks = tokens[t0:t1]
    present = scan_keys.intersection(toks)
    for w in present:
        cat = cues.get(w)
        j = toks.index(w)
        while True:
            k = t0 + j
            if cat is None:
                for words, c, _ in contrast_phrases[w]:
                    if tuple(tokens[k : k + len(words)]) == words:
                        connectives.append((k, c[9:]))
                        break
            elif cat == "pronoun":
                pronouns.append(k)
            else:
                connectives.append((k, cat[9:]))
            try:
                j = toks.index(w, j + 1)
            except ValueError:
                break
    connectives.sort()
    pronouns.sort()
    conn_pos = [k for k, _ in connectives]

    def next_break(k: int, only_strong: bool = False) -> int:
        i = bisect.bisect_right(breaks, k)
        while i < len(breaks):
            if not only_strong or breaks[i] in strong:
                return breaks[i]
            i += 1
        return t1

    conceded: list[tuple[int, int]] = []
    boosted: list[tuple[int, int]] = []
    for k, kind in connectives:
        if kind == "concessive":
            end = next_break(k)
            conceded.append((k, end))
            if end < t1:
                boosted.append((end, next_break(end, True)))
        elif kind == "but":
            boosted.append((k, next_break(k, True)))

    def in_regions(k: int, regions: list[tuple[int, int]]) -> bool:
        return any(a <= k < b for a, b in regions)

    def between(lo: int, hi: int) -> tuple[int, int, int]:
        """Commas and strong breaks right before tokens lo..hi, and connectives among tokens lo..hi-1."""
        nc = 0
        for k in commas:
            if lo <= k <= hi:
                nc += 1
        ns = 0
        for k in strongs:
            if lo <= k <= hi:
                ns += 1
        nk = 0
        for k in conn_pos:
            if lo <= k < hi:
                nk += 1
        return nc, ns, nk

    def char_start(k: int) -> int:
        return spans[k - t0][0]

    # ---------------------------------------------------------------- mentions as token spans
    ments: list[tuple[int, int, int, Mention]] = []  # (mention index, a, b, mention)
    for mi, m in mentions:
        a = bisect.bisect_right(starts, m.start) - 1
        if a < 0:
            a = 0
        elif spans[a][1] <= m.start:
            a += 1
        b = bisect.bisect_left(starts, m.end)
        if b <= a:
            b = a + 1
        ments.append((mi, t0 + min(a, t1 - t0 - 1), t0 + min(b, t1 - t0), m))
    anchors: dict[int, list[_Anchor]] = {}
    for mi, a, b, m in ments:
        after = text[m.end : m.end + 2]
        last = tokens[b - 1]
        poss = bool(m.possessive) or after[:1] in ("'", "’") or last.endswith(("'s", "’s"))
        anchors[mi] = [_Anchor(a, b, False, poss)]
    ments_by_index = {mi: (mi, a, b) for mi, a, b, _ in ments}
    # other mentions of the same actor in the sentence ("Pakistan ... Islamabad") are the same referent
    if len(ments) > 1:
        by_actor: dict[str, list[tuple[int, int, int, bool]]] = {}
        for mi, a, b, m in ments:
            by_actor.setdefault(m.actor, []).append((mi, a, b, anchors[mi][0].possessive))
        for group in by_actor.values():
            if len(group) > 1:
                for mi, *_ in group:
                    anchors[mi].extend(_Anchor(a, b, False, poss) for oi, a, b, poss in group if oi != mi)
    if pronouns and len(ments) >= 1:
        covered = {k for _, a, b, _ in ments for k in range(a, b)}
        ends = sorted((b, mi) for mi, _, b, _ in ments)
        end_pos = [e for e, _ in ends]
        for k in pronouns:
            if k in covered:
                continue
            i = bisect.bisect_right(end_pos, k) - 1
            if i < 0:
                continue
            mi = ends[i][1]
            group = _PRONOUN_GROUP.get(tokens[k])
            mtok = tokens[ments_by_index[mi][1]] if ments_by_index[mi][2] - ments_by_index[mi][1] == 1 else ""
            if mtok in _ANY_PRONOUN and _PRONOUN_GROUP.get(mtok) != group:
                continue  # "we ... them": a pronoun refers back only to a mention of the same person and number
            # another name between the mention and the pronoun may be what it refers to
            # (the antecedent is the nearest mention before the pronoun, so no other mention lies in between)
            if _other_name(text, spans[ends[i][0] - 1 - t0][1], spans[k - t0][0]):
                continue
            anchors[mi].append(_Anchor(k, k + 1, True, tokens[k] in _POSSESSIVE_PRONOUNS))

    # ---------------------------------------------------------------- speakers
    speech: dict[int, _Speech] = {}
    for mi, a, b, m in ments if attributions or not lex.report_keys.isdisjoint(toks) else ():
        owned = []
        for r in attributions:
            ss, se = int(r.get("source_start", -1)), int(r.get("source_end", -1))
            cs, ce = int(r.get("content_start", -1)), int(r.get("content_end", -1))
            if ss >= 0 and ss < m.end and m.start < se and cs >= 0:
                owned.append((cs, ce))
        if owned:
            speech[mi] = _Speech(spans=owned)
            continue
        for k in range(b, min(b + 3, t1)):
            if cues.get(tokens[k]) == "report":
                speech[mi] = _Speech(cue=k, cue_after=True)
                break
        else:
            for k in range(max(t0, a - 2), a):
                if cues.get(tokens[k]) == "report":
                    speech[mi] = _Speech(cue=k, cue_after=False)
    s_start, s_end = model.sent_starts[s], model.sent_ends[s]
    quotes = model.quotes
    if quotes:
        qstarts = quote_starts if quote_starts is not None else [q.start for q in quotes]
        iq = bisect.bisect_left(qstarts, s_start)
        has_quotes = (iq < len(qstarts) and qstarts[iq] < s_end) or model.quote_at(s_start) is not None
    else:
        has_quotes = False
    quote_at = model.quote_at if has_quotes else _no_quote
    # the first word of each mention, not a stray quote mark included in its span
    q_ment = {mi: quote_at(spans[a - t0][0]) for mi, a, _, _ in ments} if has_quotes else {}

    # ---------------------------------------------------------------- capitalised words are names
    title_case: bool | None = None

    def is_name(k: int) -> bool:
        """A capitalised word inside a sentence is part of a name ("Loretta Lynch", "Justice Department")."""
        nonlocal title_case
        c0 = spans[k - t0][0]
        if k == t0 or not text[c0].isupper():
            return False
        prev = text[max(0, c0 - 3) : c0].rstrip()
        if not prev or prev[-1] in "\"“‘'(:[—–-…":
            return False  # the first word of a quotation or a bracket
        if title_case is None:
            # a headline in title case or capitals: no word of 3+ letters other than a few small words is lower-case
            title_case = not any(text[a].islower() and b - a >= 3 and text[a:b] not in _TITLE_SMALL for a, b in spans)
        return not title_case

    # ---------------------------------------------------------------- per evaluative word
    neg_mass = 0.0
    if p.negativity:
        for h in hits:
            if h.entry.weight < 0:
                neg_mass -= h.entry.weight
    pos_discount = 1.0 / (1.0 + p.negativity * neg_mass)
    out: list[Contribution] = []
    negators, modifiers = lex.negators, lex.modifiers
    neg_keys, mod_keys = lex.negator_keys, lex.modifier_keys
    skip_names = p.skip_names
    scope_end = -1
    scope_weight = 1.0
    first_mi = min(ments, key=lambda x: x[1])[0] if ments else -1
    several = len(ments) > 1
    scale, comma_f, strong_f, contrast_f = p.scale, p.comma, p.strong_break, p.contrast
    scope_word = ""
    for h in hits:
        e = h.entry
        y0, y1 = h.start, h.end
        if skip_names and y0 != t0 and text[spans[y0 - t0][0]].isupper() and is_name(y0):
            continue
        w = e.weight
        notes: list[str] = []
        # modifiers
        for j in (
            range(y0 - 1, max(t0, y0 - p.modifier_window) - 1, -1)
            if not mod_keys.isdisjoint(tokens[max(t0, y0 - p.modifier_window) : y0])
            else ()
        ):
            if j + 1 in break_set:
                break  # a break right before token j + 1
            cands = modifiers.get(tokens[j])
            if cands:
                for words, _, mult in cands:
                    if j + len(words) <= y0 and tuple(tokens[j : j + len(words)]) == words:
                        w *= mult
                        notes.append(f"{'intensified' if mult > 1 else 'weakened'} by '{' '.join(words)}'")
                        break
        # negation
        negated = False
        lo_n = max(t0, y0 - p.negation_window - 2)
        for j in range(y0 - 1, lo_n - 1, -1) if not neg_keys.isdisjoint(tokens[lo_n:y0]) else ():
            cands = negators.get(tokens[j])
            if not cands:
                continue
            hit_neg = None
            for words, cat, nw in cands:
                if tuple(tokens[j : j + len(words)]) == words:
                    hit_neg = (words, cat, nw)
                    break
            if hit_neg is None:
                continue
            words, cat, nw = hit_neg
            if cat == "negator/oppose":
                if (
                    w < 0
                    and j + len(words) <= y0
                    and y0 - (j + len(words)) <= p.negation_window
                    and not sum(between(j + 1, y0)[0:2])
                ):
                    w *= nw
                    negated = True
                    notes.append(f"opposed by '{' '.join(words)}'")
                    break
                continue
            if cat != "negator" or j + len(words) > y0:
                break  # "not only", "no doubt": not a negation
            if y0 - (j + len(words)) > p.negation_window or sum(between(j + 1, y0)[0:2]):
                break
            if e.extra.get("role") in ("criticize", "attack", "praise"):
                # a negated judgement is reversed with all it says: "nobody can accuse X of ingratitude"
                scope_end, scope_weight, scope_word = min(next_break(y1 - 1), y1 + 5), nw, " ".join(words)
                w *= nw
            else:
                w *= nw if w > 0 else nw * p.negated_negative
            negated = True
            notes.append(f"negated by '{' '.join(words)}'")
            break
        if not negated and y0 < scope_end:
            w *= scope_weight
            notes.append(f"negated by '{scope_word}'")
        # clause
        if not conceded and not boosted:
            pass
        elif in_regions(y0, conceded):
            w *= p.conceded
            notes.append("conceded clause")
        elif in_regions(y0, boosted):
            w *= p.after_contrast
            notes.append("after contrast")
        if w == 0.0:
            continue
        hs, he = char_start(y0), spans[y1 - 1 - t0][1]
        q_hit = quote_at(hs)
        hit_note = "; ".join(notes)
        role = e.extra.get("role", "")
        pos = e.extra.get("pos", "")
        entity = e.extra.get("kind") == "entity"
        if text[spans[y0 - t0][0]].isupper() and any(a <= y0 < b or y0 <= a < y1 for _, a, b, _ in ments):
            continue  # a word of an actor's name ("Petty said ...")
        # "X ambushed a convoy, killing six officers": a participle after a comma has the sentence's subject as doer
        participle = bool(role) and "verb" in pos and y0 in break_set and tokens[y0].endswith("ing")
        for mi, ma, _mb, _m in ments:
            if participle and ma < y0 and mi != first_mi:
                continue  # not the doer of the participle (the sentence's first actor is)
            best: tuple[int, _Anchor] | None = None
            for anc in anchors[mi]:
                if role and anc.pronoun and anc.possessive and anc.a >= y1:
                    continue  # "betrayed its neighbours": the owner of the receiver is not the receiver
                if anc.a <= y0 < anc.b or y0 <= anc.a < y1:
                    d = 0
                elif anc.b <= y0:
                    d = y0 - anc.b
                else:
                    d = anc.a - y1
                if best is None or d < best[0]:
                    best = (d, anc)
            if best is None:
                continue
            d, anc = best
            before = anc.b <= y0
            if role or (before and (anc.possessive or anc.b in break_set)) or (d == 0 and not before and anc.a < y1):
                f, why, kind = _attach(d, anc, y0, y1, role, pos, tokens, cues, between, breaks, p, lex.passive_keys)
            else:  # the common case, inline: distance and breaks only
                f = 1.0 / (1.0 + d / scale)
                why = []
                kind = ""
                if breaks or conn_pos:
                    nc, ns, nk = between(anc.b, y0) if before else between(y1, anc.a)
                    if nc:
                        f *= comma_f**nc
                    if ns:
                        f *= strong_f**ns
                    if nk:
                        f *= contrast_f
                        why.append("across a contrast")
            if kind == "agent" and before and d > 0 and _other_name(text, spans[anc.b - 1 - t0][1], hs):
                f *= p.other_subject  # "X said Iran violated ...": another name stands between the mention and the act
                why.append("another subject")
            if not role and not before and not anc.pronoun and _PLACE.intersection(tokens[max(y1, anc.a - 2) : anc.a]):
                f *= p.place  # "terror operations inside Pakistan": the place or target of a bad thing, not its author
                why.append("place or target")
            if entity and kind not in ("possessive", "appositive") and d > 1 and not _copula(anc, y0, tokens, cues):
                f *= p.entity_far
                why.append("names another actor")
            if f == 0.0 and not role:
                continue
            if anc.pronoun:
                f *= p.pronoun
                why.append(f"via pronoun '{tokens[anc.a]}'")
            # a nearer actor between the mention and the word
            lo, hi = (anc.b, y0) if anc.b <= y0 else (y1, anc.a)
            for oi, oa, ob, om in ments if several else ():
                if oi == mi or om.actor == _m.actor or not (lo <= oa and ob <= hi):
                    continue
                gap = tokens[anc.b : oa] if anc.b <= oa else tokens[ob : anc.a]
                if all(t in _COORDINATION for t in gap):
                    continue  # "X and Y criticized": coordinated doers
                f *= p.nearer_actor
                why.append("nearer actor")
                break
            # quotation and speech
            quoted = False
            source = ""
            if q_hit is not None:
                q_m = q_ment.get(mi)
                quoted = True
                if q_m != q_hit:
                    sp = speech.get(mi)
                    if sp is not None:
                        f *= p.speaker
                        why.append("speaker's own words")
                    else:
                        f *= p.quoted_other
                        why.append("quoted")
            else:
                sp = speech.get(mi)
                if sp is not None and _in_speech(sp, hs, y0):
                    f *= p.reported
                    why.append("speaker's reported words")
            if quoted and attributions:
                for r in attributions:
                    cs, ce = int(r.get("content_start", -1)), int(r.get("content_end", -1))
                    if cs <= hs < ce:
                        source = str(r.get("source_actor") or r.get("source") or "")
                        break
            value = w * f
            if value > 0 and pos_discount < 1.0:
                value *= pos_discount
            if value == 0.0 and not role:
                continue
            sign = "negative" if (value < 0 or (value == 0 and w < 0)) else "positive"
            category = f"{sign}/{kind}" if kind else sign
            if source:
                why.append(f"quoted: {source}")
            if why:
                note = "; ".join(why) if not hit_note else hit_note + "; " + "; ".join(why)
            else:
                note = hit_note
            out.append(Contribution(mi, hs, he, value, category, note, quoted, source))
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


def _copula(anc: _Anchor, y0: int, tokens: list[str], cues: Mapping[str, str]) -> bool:
    """ "X is a ...", "X, seen as ...": the word at y0 is said of the mention (within 4 words after it)."""
    return anc.b <= y0 <= anc.b + 4 and any(t in _COPULA for t in tokens[anc.b : y0])


def _in_speech(sp: _Speech, offset: int, k: int) -> bool:
    """Is the word at char ``offset`` / token ``k`` part of what the speaker says (attributed span, or after "X said")?"""
    if sp.spans:
        return any(cs <= offset < ce for cs, ce in sp.spans)
    return sp.cue >= 0 and ((sp.cue_after and k > sp.cue) or (not sp.cue_after and k < sp.cue))


def _no_quote(offset: int) -> None:
    return None


def _attach(
    d: int,
    anc: _Anchor,
    y0: int,
    y1: int,
    role: str,
    pos: str,
    tokens: list[str],
    cues: Mapping[str, str],
    between: Any,
    breaks: list[int],
    p: RuleParams,
    passive_keys: frozenset[str] = frozenset(),
) -> tuple[float, list[str], str]:
    """How firmly the word at tokens [y0, y1) applies to the anchor, why, and the role kind (for the category)."""
    why: list[str] = []
    before = anc.b <= y0  # the mention comes first
    lo, hi = (anc.b, y0) if before else (y1, anc.a)
    if d == 0 and not (anc.b <= y0 or y1 <= anc.a):
        return 1.0, ["inside the mention"], ""
    n_comma, n_strong, n_conn = between(lo, hi)
    # possessive: "Pakistan's sacrifices"
    possessed = (
        before
        and anc.possessive
        and d <= p.possessive_window
        and not (n_comma or n_strong or n_conn)
        and _NP_END.isdisjoint(tokens[anc.b : y0])  # "X's supervision of a bribery probe": not X's
    )
    # appositive: "X, a reliable partner,"
    appositive = False
    if before and not possessed and anc.b in breaks and anc.b < len(tokens) and tokens[anc.b] in _APPOSITIVE_OPENERS:
        i = bisect.bisect_right(breaks, anc.b)
        end = breaks[i] if i < len(breaks) else 1 << 30
        appositive = y0 < min(end, anc.b + p.appositive_window) and n_strong == 0 and n_conn == 0
    if role:
        kind, share, scale = _role(anc, y0, y1, role, pos, tokens, cues, before, possessed, d, p, passive_keys)
        if kind:
            why.append(f"{_ROLE_WORD.get(kind, kind)} of '{role}' act")
    else:
        kind, share, scale = "", 1.0, p.scale
    if possessed:
        f = p.possessive
        why.append("possessive")
        kind = kind or "possessive"
    elif appositive:
        f = p.appositive
        why.append("appositive")
        kind = kind or "appositive"
    else:
        f = 1.0 / (1.0 + d / scale)
        if n_comma:
            f *= p.comma**n_comma
        if n_strong:
            f *= p.strong_break**n_strong
        if n_conn:
            f *= p.contrast
            why.append("across a contrast")
    return f * share, why, kind


def _role(
    anc: _Anchor,
    y0: int,
    y1: int,
    role: str,
    pos: str,
    tokens: list[str],
    cues: Mapping[str, str],
    before: bool,
    possessed: bool,
    d: int,
    p: RuleParams,
    passive_keys: frozenset[str] = frozenset(),
) -> tuple[str, float, float]:
    """The mention's role in the act at [y0, y1): (kind, share of the weight it gets, distance scale)."""
    is_verb = "verb" in pos
    if before:
        if possessed:
            # "Pakistan's attack on Kabul": the owner is the doer; "Meng's abduction": the owner is the one it befell
            if pos == "agentnoun":
                kind = "patient"
            elif "noun" in pos and tokens[y1 : y1 + 1] and cues.get(tokens[y1]) not in ("patient",):
                kind = "patient" if role in ("harm", "criticize", "attack") else "agent"
            else:
                kind = "agent"
        elif (
            is_verb and not tokens[y0].endswith("ing") and not passive_keys.isdisjoint(tokens[max(anc.b, y0 - 3) : y0])
        ):
            kind = "patient"  # "X was attacked", "X has been criticized"
        elif is_verb:
            kind = "agent"
        else:
            # a noun after the mention: "X faced criticism", "TTP attacks"
            share = 1.0 if role != "harm" or d <= 1 else p.harm_noun_before
            return "subject", share, p.scale
    else:
        gap = [cues.get(t, "") for t in tokens[y1 : min(anc.a, y1 + 3)]]
        if "agent" in gap or (pos != "verb" and "agent/noun" in gap):
            kind = "agent"  # "attacked by X", "criticism from X"
        elif is_verb or "patient" in gap:
            kind = "patient"  # "attacked X", "criticism of X", "attack on X"
        else:
            return "", 1.0, p.scale  # a noun that is not about the mention: "cheers, as he called for X to ..."
    share = (p.agent if kind == "agent" else p.patient).get(role, 1.0)
    return kind, share, p.role_scale
