"""The stance lexicons, compiled once: evaluative words with their role class, and the cue words around them.

Evaluative words come from four data files, the first that has a term wins:

1. ``stance_verbs`` — acts with a doer and a receiver, with a role class
   (``harm``, ``criticize``, ``attack``, ``praise``, ``benefit``, ``defeat``) and a part of speech;
2. ``stance_conflict`` — our own evaluative words of conflict and politics
   (harbouring, sanctuary, restraint, sacrifices, betrayal, propaganda ...);
3. ``stance_adjust`` — VADER words re-weighted for news about actors
   ("United States", "health care", "died": 0 or small);
4. VADER's lexicon (Hutto & Gilbert 2014, MIT licence), read from the installed
   ``vaderSentiment`` package, its mean rating divided by 4 so that every weight
   is on one -1..1 scale.

Cue words (``stance_negators``, ``stance_modifiers``, ``stance_cues``) are
kept as small look-up tables: the rules only look at the few words around an
evaluative word or a mention, never at every token.

Reference: Hutto, C. J., & Gilbert, E. (2014). VADER: A Parsimonious Rule-based
Model for Sentiment Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

from .._frozen import FrozenDict
from ..lexicons import Lexicon, LexiconEntry, Match, load_lexicon
from ..vocab import common_words

if TYPE_CHECKING:
    from ..text import TextModel

__all__ = ["ROLE_CLASSES", "StanceLexicon", "Word", "british_spelling", "load_vader"]

#: Role classes of ``stance_verbs`` (see :mod:`framing.analyzers.stance_rules` for what each does to doer and receiver).
ROLE_CLASSES = ("harm", "criticize", "attack", "praise", "benefit", "defeat")

_VADER_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
_VADER_SCALE = 4.0  # VADER ratings run from -4 to +4


def load_vader() -> Lexicon:
    """VADER's word list from the installed ``vaderSentiment`` package (words only, no emoticons), weight = mean / 4."""
    path = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    weights: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        term = parts[0].strip().lower()
        if not _VADER_WORD.fullmatch(term):
            continue
        try:
            weights[term] = float(parts[1]) / _VADER_SCALE
        except ValueError:
            continue
    return Lexicon.from_dict(
        {"vader": weights},
        name="vader",
        meta={
            "source": "vaderSentiment package (Hutto & Gilbert 2014), read from the installed package",
            "licence": "MIT",
            "description": "VADER's human-rated valence lexicon, mean rating / 4",
        },
    )


_IZE_RE = re.compile(r"^(\w{4,}?)iz(e|ed|es|ing|er|ers|ation|ations)$")
_OUR_RE = re.compile(
    r"^(fav|hon|hum|harb|savi|splend|val|vig|behavi|rum|neighb|lab|col|cand|ard|endeav|clam|ranc|ferv|arm)or"
    r"(|s|ed|ing|able|ably|ableness|ite|ites|itism|less|lessness|ly|hood|ers?)$"
)
_ENSE_RE = re.compile(r"^(defen|offen|preten)se(|s|less|lessly|lessness)$")


def british_spelling(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The British spelling of an American-spelt term, or None if it has none.

    ``-ize`` is written ``-ise`` ("criticise", "demonised", "radicalisation"; not after fewer
    than four letters: "prize", "seize"); ``-or`` is written ``-our`` in a closed list of stems
    and their regular forms ("favourite", "honourable", "behaviour", "harbouring"; but
    "honorary", "humorous" and "vigorous" are spelt alike in both); and ``-ense`` is written
    ``-ence`` in "defence", "offence" and "pretence". VADER's lexicon is American; news in
    British, Irish, Indian or Pakistani English uses the other spelling.
    """
    out = []
    changed = False
    for w in words:
        m = _IZE_RE.match(w) or _OUR_RE.match(w) or _ENSE_RE.match(w)
        if m is None:
            out.append(w)
            continue
        changed = True
        if m.re is _IZE_RE:
            out.append(f"{m.group(1)}is{m.group(2)}")
        elif m.re is _OUR_RE:
            out.append(f"{m.group(1)}our{m.group(2)}")
        else:
            out.append(f"{m.group(1)}ce{m.group(2)}")
    return tuple(out) if changed else None


def _phrases(lex: Lexicon) -> dict[str, tuple[tuple[tuple[str, ...], str, float], ...]]:
    """First word → (phrase words, category, weight), longest phrase first."""
    out: dict[str, list[tuple[tuple[str, ...], str, float]]] = {}
    for e in lex:
        out.setdefault(e.words[0], []).append((e.words, e.category, e.weight))
    return {w: tuple(sorted(v, key=lambda x: -len(x[0]))) for w, v in out.items()}


def _by_start_longest(m: tuple[int, int, LexiconEntry]) -> tuple[int, int]:
    return m[0], -m[1]


#: Role classes whose judgement a negation reverses as a whole ("nobody can accuse X of ingratitude").
_JUDGEMENTS = frozenset(["criticize", "attack", "praise"])


class Word(NamedTuple):
    """An evaluative entry as the rules read it, its fields looked up once when the lexicon is compiled."""

    weight: float
    role: str  # a role class of ``stance_verbs`` or ""
    pos: str  # "verb", "noun", "verb noun", "agentnoun" or ""
    verb: bool  # "verb" in pos
    entity: bool  # a noun naming a kind of actor ("terrorists", "hero")
    judgement: bool  # role is criticize, attack or praise
    entry: LexiconEntry
    befalls_owner: bool = False  # a noun whose possessive names the one it befalls ("Rizvi's impeachment")


#: A hit of the evaluative lexicon in a sentence: tokens [start, end) and the word.
Hit = tuple[int, int, Word]
#: A phrase looked up by its rarest word: that word's offset in it, its length, the offset and
#: word of a second word to check first, its words, its rank among phrases starting at one
#: place (longest, then first listed) and its compiled entry.
_Phrase = tuple[int, int, int, str, tuple[str, ...], tuple[int, int], Word]
#: The phrases of one anchor word grouped for look-up: (offset of a second word from the anchor,
#: that word -> the phrases (anchor offset, length, words, rank, word) that have it there).
_PhraseGroups = tuple[
    tuple[int, Mapping[str, tuple[tuple[int, int, tuple[str, ...], tuple[int, int], Word], ...]]], ...
]


@dataclass(frozen=True)
class StanceLexicon:
    """Everything the stance rules look up, compiled once.

    Attributes:
        evaluative: the merged evaluative lexicon; each entry's ``extra`` holds
            ``source`` (the file it came from), ``role`` (a role class or ``""``),
            ``pos`` (``verb``, ``noun``, ``verb noun`` or ``agentnoun``), ``kind``
            (``entity`` for nouns naming a kind of actor: "terrorists", "hero") and ``owner``
            (``receiver`` for a noun that befalls the one a possessive names: "Rizvi's impeachment").
        negators, modifiers: first word → phrases with their category and weight.
        cues: word → category (contrast, passive, agent, patient, report, pronoun).
        parts: the component lexicons (for the report's list of lexicons).
    """

    evaluative: Lexicon
    negators: Mapping[str, tuple[tuple[tuple[str, ...], str, float], ...]]
    modifiers: Mapping[str, tuple[tuple[tuple[str, ...], str, float], ...]]
    cues: Mapping[str, str]
    contrast_phrases: Mapping[str, tuple[tuple[tuple[str, ...], str, float], ...]]
    parts: tuple[Lexicon, ...]
    scan_keys: frozenset[str] = frozenset()
    report_keys: frozenset[str] = frozenset()
    passive_keys: frozenset[str] = frozenset()
    negator_keys: frozenset[str] = frozenset()
    modifier_keys: frozenset[str] = frozenset()
    near_keys: frozenset[str] = frozenset()  # negator_keys | modifier_keys
    table: Mapping[str, tuple[LexiconEntry | None, tuple[LexiconEntry, ...]]] = FrozenDict({})
    keys: frozenset[str] = frozenset()
    singles: Mapping[str, Word] = FrozenDict({})
    #: anchor word -> (anchor offset, length, offset and word to check first, words, rank, word)
    phrases: Mapping[str, tuple[_Phrase, ...]] = FrozenDict({})
    lookup: Mapping[str, tuple[Word | None, _PhraseGroups]] = FrozenDict({})
    match_keys: frozenset[str] = frozenset()
    scan: Mapping[str, tuple[str | None, tuple[tuple[tuple[str, ...], str, float], ...]]] = FrozenDict({})

    def match_sentences(
        self, model: TextModel, sentences: Iterable[int], min_weight: float = 1e-12
    ) -> dict[int, list[Hit]]:
        """Evaluative words of the given sentences, per sentence, in text order (longest first, not overlapping).

        The same matches as :meth:`match_tokens` on each sentence (the longest phrase at each
        position, else the single word; a match starting inside an earlier one is dropped), found
        from the text model's word index, which the analyzers share: only the document's
        evaluative words are looked at (phrases through their rarest word, as
        :class:`~framing.lexicons.Lexicon` does), and only those in ``sentences`` (the ones that
        name an actor) are kept. Matches weighing less than ``min_weight`` (in absolute value)
        are dropped after the overlap rule, so that a phrase of weight 0 ("united states") still
        hides the words inside it.
        """
        index = model.index
        st = model.sent_tok
        tokens = model.tokens
        bisect_left = bisect.bisect_left
        lookup, keys = self.lookup, self.match_keys
        out: dict[int, list[Hit]] = {}
        for s in sentences:
            t0, t1 = st[s], st[s + 1]
            present = keys.intersection(tokens[t0:t1])
            if not present:
                continue
            found: list[tuple[int, tuple[int, int], int, Word]] = []  # start, rank, end, word
            phrase = False
            for w in present:
                ks = index[w]
                if len(ks) > 1:  # the occurrences in this sentence
                    i = bisect_left(ks, t0)
                    ks = ks[i : bisect_left(ks, t1, i)]
                word, groups = lookup[w]
                for p in ks if groups else ():
                    # phrases anchored on this word: look up a second word at its offset, then check the phrase
                    for r, table in groups:
                        q = p + r
                        if t0 <= q < t1:
                            cands = table.get(tokens[q])
                            if cands is not None:
                                for a, n, words, rank, pword in cands:
                                    k = p - a
                                    end = k + n
                                    if k >= t0 and end <= t1 and tuple(tokens[k:end]) == words:
                                        found.append((k, rank, end, pword))
                                        phrase = True
                if word is not None:
                    for p in ks:
                        found.append((p, _SINGLE_RANK, p + 1, word))
            if not found:
                continue
            if phrase:
                found.sort(key=_start_rank)  # at each start, the longest phrase first and the single word last
                hits: list[Hit] = []
                last_end = -1
                for k, _, end, word in found:
                    if k >= last_end:  # a match starting inside (or at) an earlier, longer one is dropped
                        last_end = end
                        if abs(word.weight) >= min_weight:
                            hits.append((k, end, word))
            else:  # single words only: one per position, none inside another
                if len(found) > 1:
                    found.sort(key=_first)
                hits = [(k, end, word) for k, _, end, word in found if abs(word.weight) >= min_weight]
            if hits:
                out[s] = hits
        return out

    def match_tokens(self, tokens: list[str], t0: int, t1: int) -> list[Match]:
        """Evaluative words among ``tokens[t0:t1]`` (one sentence), longest first, not overlapping.

        The same matches as ``evaluative.match`` restricted to one sentence, without
        building the document-wide index: sentences without an actor are never looked at.
        """
        table = self.table
        toks = tokens[t0:t1]
        present = self.keys.intersection(toks)
        if not present:
            return []
        found: list[tuple[int, int, LexiconEntry]] = []
        index = toks.index
        for w in present:
            single, multis = table[w]
            j = index(w)
            while True:
                k = t0 + j
                for e in multis:
                    m = len(e.words)
                    if k + m <= t1 and tuple(tokens[k : k + m]) == e.words:
                        found.append((k, k + m, e))
                        break
                else:
                    if single is not None:
                        found.append((k, k + 1, single))
                try:
                    j = index(w, j + 1)
                except ValueError:
                    break
        found.sort(key=_by_start_longest)
        out: list[Match] = []
        last_end = -1
        for k, end, e in found:
            if k >= last_end:  # longest first at each position; later matches inside it are dropped
                out.append(Match(k, end, e))
                last_end = end
        return out

    @classmethod
    def build(
        cls,
        vader: bool = True,
        verbs: Any = "stance_verbs",
        conflict: Any = "stance_conflict",
        adjust: Any = "stance_adjust",
        negators: Any = "stance_negators",
        modifiers: Any = "stance_modifiers",
        cues: Any = "stance_cues",
        extra: Mapping[str, float] | Lexicon | None = None,
        vader_weight: float = 1.0,
    ) -> StanceLexicon:
        """Compile the lexicons (names of bundled files, paths, dicts or :class:`Lexicon` objects).

        ``extra`` adds a user's own evaluative words (``{"valiant": 0.6}``), taking precedence over every file.
        """
        verbs_lex = load_lexicon(verbs)
        conflict_lex = load_lexicon(conflict)
        adjust_lex = load_lexicon(adjust)
        parts: list[Lexicon] = [verbs_lex, conflict_lex, adjust_lex]
        ordered: list[tuple[str, Iterable[LexiconEntry]]] = []
        if extra is not None:
            extra_lex = extra if isinstance(extra, Lexicon) else Lexicon.from_dict({"user": dict(extra)}, name="user")
            parts.insert(0, extra_lex)
            ordered.append(("user", extra_lex))
        ordered += [("stance_verbs", verbs_lex), ("stance_conflict", conflict_lex), ("stance_adjust", adjust_lex)]
        if vader:
            vader_lex = load_vader()
            parts.append(vader_lex)
            ordered.append(("vader", vader_lex))
        merged: dict[tuple[str, ...], LexiconEntry] = {}
        for source, lex in ordered:
            added = []
            for e in lex:
                if e.words in merged:
                    continue
                role = e.category if e.category in ROLE_CLASSES else ""
                pos = str(e.extra.get("pos", "")) if role else ""
                category = "negative" if e.weight < 0 else "positive"
                weight = e.weight * vader_weight if source == "vader" else e.weight
                merged[e.words] = replace(
                    e,
                    category=category,
                    weight=weight,
                    extra=FrozenDict(
                        {
                            "source": source,
                            "role": role,
                            "pos": pos,
                            "kind": str(e.extra.get("kind", "")),
                            "owner": str(e.extra.get("owner", "")) if role else "",
                        }
                    ),
                )
                added.append(merged[e.words])
            # British spellings of the file's words ("criticise", "favourite", "defence"), unless listed
            for e in added:
                words = british_spelling(e.words)
                if words is not None and words not in merged:
                    merged[words] = replace(e, term=" ".join(words), words=words)
        neg_lex = load_lexicon(negators)
        mod_lex = load_lexicon(modifiers)
        cue_lex = load_lexicon(cues)
        parts += [neg_lex, mod_lex, cue_lex]
        single_cues = {e.words[0]: e.category for e in cue_lex if len(e.words) == 1}
        multi_contrast = Lexicon([e for e in cue_lex if len(e.words) > 1 and e.category.startswith("contrast")])
        table: dict[str, list[Any]] = {}
        for e in merged.values():
            if any(w.endswith("*") for w in e.words):
                raise ValueError(f"stance lexicons list every word form; no globs: {e.term!r}")
            slot = table.setdefault(e.words[0], [None, []])
            if len(e.words) == 1:
                slot[0] = e
            else:
                slot[1].append(e)
        compiled = {
            w: (single, tuple(sorted(multi, key=lambda e: -len(e.words)))) for w, (single, multi) in table.items()
        }
        # for matching from a document's word index: single words that weigh something (a word of
        # weight 0 decides nothing and hides nothing), and phrases by their rarest word
        common = common_words()
        singles: dict[str, Word] = {}
        phrases: dict[str, list[_Phrase]] = {}
        for order, e in enumerate(merged.values()):
            if len(e.words) == 1:
                if e.weight:
                    singles[e.words[0]] = _word(e)
                continue
            ws = e.words
            a = max(range(len(ws)), key=lambda i: (ws[i] not in common, len(ws[i]), -i))
            # at one position the longest phrase wins, then the one listed first
            c = max((i for i in range(len(ws)) if i != a), key=lambda i: (ws[i] not in common, len(ws[i]), -i))
            phrases.setdefault(ws[a], []).append((a, len(ws), c, ws[c], ws, (-len(ws), order), _word(e)))
        contrast_phrases = _phrases(multi_contrast)
        scan_keys = frozenset(
            w for w, c in single_cues.items() if c == "pronoun" or c.startswith("contrast")
        ) | frozenset(contrast_phrases)
        # what the sentence scan does with each word: a pronoun, a connective of a kind ("but",
        # "concessive"), or (kind None) the start of contrast phrases; a single cue wins over phrases
        scan: dict[str, tuple[str | None, tuple[tuple[tuple[str, ...], str, float], ...]]] = {}
        for w in scan_keys:
            cue = single_cues.get(w)
            if cue is None:
                scan[w] = (None, contrast_phrases[w])
            else:
                scan[w] = ("pronoun" if cue == "pronoun" else cue[9:], ())
        return cls(
            evaluative=Lexicon(merged.values(), name="stance", meta={"description": "merged stance lexicon"}),
            negators=FrozenDict(_phrases(neg_lex)),
            modifiers=FrozenDict(_phrases(mod_lex)),
            cues=FrozenDict(single_cues),
            contrast_phrases=FrozenDict(_phrases(multi_contrast)),
            parts=tuple(parts),
            scan_keys=scan_keys,
            report_keys=frozenset(w for w, c in single_cues.items() if c == "report"),
            passive_keys=frozenset(w for w, c in single_cues.items() if c == "passive"),
            negator_keys=frozenset(_phrases(neg_lex)),
            modifier_keys=frozenset(_phrases(mod_lex)),
            near_keys=frozenset(_phrases(neg_lex)) | frozenset(_phrases(mod_lex)),
            table=FrozenDict(compiled),
            keys=frozenset(compiled),
            singles=FrozenDict(singles),
            lookup=FrozenDict({w: (singles.get(w), _group(phrases.get(w, ()))) for w in set(singles) | set(phrases)}),
            match_keys=frozenset(singles) | frozenset(phrases),
            phrases=FrozenDict({w: tuple(v) for w, v in phrases.items()}),
            scan=FrozenDict(scan),
        )


_start_rank = itemgetter(0, 1)
_first = itemgetter(0)


def _group(phrases: Iterable[_Phrase]) -> _PhraseGroups:
    """Phrases of one anchor word grouped by the offset and word of their second look-up word."""
    by_offset: dict[int, dict[str, list[tuple[int, int, tuple[str, ...], tuple[int, int], Word]]]] = {}
    for a, n, c, cw, words, rank, word in phrases:
        by_offset.setdefault(c - a, {}).setdefault(cw, []).append((a, n, words, rank, word))
    return tuple((r, FrozenDict({cw: tuple(v) for cw, v in table.items()})) for r, table in sorted(by_offset.items()))


#: rank of a single word among the matches at one position: after every phrase
_SINGLE_RANK = (0, 0)


def _word(e: LexiconEntry) -> Word:
    role = str(e.extra.get("role", ""))
    pos = str(e.extra.get("pos", ""))
    return Word(
        e.weight,
        role,
        pos,
        "verb" in pos,
        e.extra.get("kind") == "entity",
        role in _JUDGEMENTS,
        e,
        "noun" in pos and e.extra.get("owner") == "receiver",
    )
