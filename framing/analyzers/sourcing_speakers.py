"""Who speaks: the noun phrase of a source, its type, and the full name it refers to.

Working without a part-of-speech tagger, a source is read off the word
sequence next to a reporting verb:

* **before the verb** ("Political and security analyst Hasan Askari Rizvi
  points out"): words are taken right to left while they can belong to a noun
  phrase (capitalised names, nouns and adjectives, "of"/"and" between names),
  up to a determiner ("the", "a", "another") or a word that cannot be part of
  one (a preposition, an auxiliary, a conjunction) or punctuation;
* **after the verb** ("..., said Rizvi."; "according to a UN report"): words
  are taken left to right up to punctuation or a word that cannot continue a
  noun phrase.

The **type** of a source follows from its words (the ``sources`` lexicon):
a capitalised name is a *named person* unless it contains a word for an
institution ("Ministry", "Post"), is an acronym or an actor that is not a
person, or is a country or capital as the whole name ("Afghanistan denied",
"Moscow said": lexicon entries of use "place"); nouns for documents ("report", "poll") make a *document/report*;
unnamed people and groups ("officials", "a source", "analysts", "some
quarters") are *anonymous/vague*; offices and bodies without a name ("the
ministry", "the campaign") are *official/institution*; "I", "we" and "you" left
unresolved are the *first/second person*: the writer, the writer's side or the
reader ("we know that ...", "you can see ..." in a column), not an unnamed source;
a quotation whose speaker was not found anywhere near it is *unidentified* (a
transcript without speaker labels, or a speaker the rules miss), not an anonymous
source either.

A surname refers back to the full name used earlier in the text ("Rizvi" →
"Hasan Askari Rizvi"), titles and honorifics aside ("Mr. Trump" → "Donald
Trump"), following the newsroom convention of naming a person in full on
first reference.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..lexicons import Lexicon
from ..surnames import COMMON_WORD, given_name_sex, is_given_name, titles
from ..text import WORD_RE
from ..vocab import MONTHS, WEEKDAYS, english_frequencies

__all__ = [
    "ABBREVIATED_TITLE",
    "ABBREVIATED_TITLE_TAIL",
    "ANONYMITY_FORMULAS",
    "ANONYMOUS",
    "DOCUMENT",
    "NAMED",
    "OFFICIAL",
    "PARTY_LABEL",
    "PERSONAL",
    "POSSESSIVE_ENDS",
    "POSTMODIFIERS",
    "RELATIONAL",
    "SOURCE_TYPES",
    "TIME_WORDS",
    "UNIDENTIFIED",
    "Phrase",
    "SpeakerTyper",
    "described_head",
    "describes_source",
    "head_end_of",
    "modal_in_name",
    "modal_opens_name",
    "np_after",
    "np_before",
]


def _words(text: str) -> list[str]:
    """The white-space separated words of a word list written as one string."""
    return text.split()


NAMED = "named person"
OFFICIAL = "official/institution"
DOCUMENT = "document/report"
ANONYMOUS = "anonymous/vague"
PERSONAL = "first/second person"
UNIDENTIFIED = "unidentified"
SOURCE_TYPES = (NAMED, OFFICIAL, DOCUMENT, ANONYMOUS, PERSONAL, UNIDENTIFIED)
ROLE = "role"  # lexicon category of nouns for a person's role ("nominee"), typed by their determiner
_INDEFINITE = frozenset(["a", "an", "one", "another", "some", "several", "many", "two", "three", "other", "any"])
#: how most English nouns for a person end (soldier, commander, agent, strategist, historian, appointee,
#: spokesman; not -ment: "amendment"); a phrase's head of these endings that the sources lexicon does not know is
#: taken for a person
_PERSON_NOUN_ENDS = ("er", "or", "ist", "ian", "ee", "man", "woman", "ant", "ent", "general", "ally", "friend", "aide")

#: Pronouns that can be the subject of a reporting verb, with the type they suggest when unresolved.
PRONOUNS = {
    "he": NAMED,
    "she": NAMED,
    "i": PERSONAL,
    "it": OFFICIAL,
    "they": ANONYMOUS,
    "we": PERSONAL,
    "you": PERSONAL,
    "who": "",
    "which": "",
}
DETERMINERS = frozenset(
    _words(
        "the a an this these those his her their its our my your some many several most other another one two three "
        "four five six seven eight nine ten dozens few both all each every any no such more fewer numerous various "
        "certain top senior"
    )
)
#: Words after which the next word is a noun, never a verb.
ARTICLES = frozenset(_words("the a an his her their its our my your every each no such whose"))
_NOUNS_LY_ING = frozenset(
    _words("family ally assembly rally polling building ruling king wing meeting briefing hearing gathering filing")
)
_OBJECTS = {"him": NAMED, "her": NAMED, "them": ANONYMOUS, "us": PERSONAL, "me": PERSONAL}
_LINKS = frozenset(["of", "for", "and", "&", "to", "or"])
# Words that never continue a noun phrase to the left or right of a reporting verb.
STOP = frozenset(
    _words("""
    in on at by for with from to into onto about over after before during under against among amongst between through
    throughout without within since until till like unlike than as per via toward towards upon across behind beyond near
    off out up down around along amid despite except including regarding concerning
    and or but nor so yet because although though while whereas if unless when whenever where wherever whether once
    is are was were be been being am has have had having do does did will would can could may might shall should must
    also not never now then still even just only already again later however too very really perhaps maybe
    what how why whom whose that there here
    said says say told tells saying telling added adding
    """)
)
#: Auxiliaries, adverbs and verbs of beginning and stopping skipped between a subject and its verb ("Rizvi has also
#: said", "officials so far have declined", "he sometimes says", "Floyd began complaining").
SKIP_BEFORE_VERB = frozenset(
    _words("""
    has have had also later previously repeatedly recently publicly privately reportedly then once already would will
    could can may might should must did does do not never again just still further earlier first last often long
    since quickly finally initially subsequently immediately separately similarly meanwhile however too frequently
    openly flatly bluntly simply clearly explicitly directly specifically apparently reportedly allegedly
    has's 's don't doesn't didn't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't isn't aren't wasn't
    weren't don’t doesn’t didn’t won’t wouldn’t can’t couldn’t shouldn’t hasn’t haven’t hadn’t isn’t aren’t wasn’t
    weren’t cannot actually really even now sometimes always usually instead seldom rarely occasionally routinely
    constantly consistently regularly continually largely mostly generally so far began begun started stopped kept
    keeps thereby thus hence
    """)
)
#: Titles and honorifics removed when comparing names ("Mr. Trump" = "Donald Trump").
TITLES = frozenset(
    _words("""
    mr mrs ms miss dr prof professor sen sens senator rep reps representative gov governor president vice pres gen
    general lt col maj capt sgt adm admiral brig cmdr atty amb secretary minister prime premier chancellor ambassador
    judge justice sir lord lady dame king queen prince princess sheikh mullah maulana imam pastor rev father chairman
    chairwoman chief commissioner director adviser advisor
    mayor speaker leader former acting deputy state foreign interior defence defense finance federal provincial
    """)
)
#: Capitalised words that start sentences but are not names.
_NOT_NAMES = frozenset(
    _words("""
    the a an this that these those it its he she they we i you his her their our my your there here as but and or so if
    when while after before since although though because however meanwhile yet also in on at by for with from to of
    according despite during under over some many most several both all each one two three last first other such
    no not what who which why how where
    """)
)
_NAME_LINKS = frozenset(["of", "for", "and", "&", "de", "al", "bin", "van", "von", "der", "la", "le", "du", "da", "on"])
# words that link capitalised words inside a phrase read right to left ("Ministry of Foreign Affairs")
_NAME_LINK_WORDS = frozenset(
    ["of", "for", "and", "or", "&", "on", "de", "al", "bin", "van", "von", "der", "la", "le", "du", "da"]
)
#: initials written together ("T.S", "H.W"; the token without its last period)
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]\.?")
#: places and bodies written with periods, which are no initials ("the U.S. envoy", "a U.N. official")
_DOTTED_PLACES = frozenset(["u.s", "u.n", "u.k", "e.u", "d.c", "l.a", "n.y", "n.j", "s.c", "n.c", "u.a.e", "u.s.a"])
#: particles that can open a surname or a group's name ("de Blasio", "van Hollen", "bin Salman", "al Qaeda")
_NAME_PARTICLES = frozenset(["de", "bin", "van", "von", "der", "la", "le", "du", "da", "al"])
#: modals, after which a word in lower case is a verb in its base form ("would help"); not "to", which is as
#: often a preposition ("according to younger voters")
_BEFORE_VERB = frozenset(_words("would will can could should may might must shall did does do"))
_STOP_NOT_DET = STOP - DETERMINERS
_NOT_NAMES_NOT_DET = _NOT_NAMES - DETERMINERS
_STOP_OR_LINK = _STOP_NOT_DET | ARTICLES | frozenset(["of", "for", "and", "&", "to", "or"])
POSSESSIVE_ENDS = ("’s", "'s", "s’", "s'")
_LY_ING = ("ly", "ing")
_POSSESSIVE_S = re.compile(r"[’']s$")
#: the contracted verb after a pronoun ("I’m", "we're", "they’ve", "you'll", "he’d")
_CONTRACTION = re.compile(r"[’'](?:m|re|ve|ll|d|s)$")


class Phrase(NamedTuple):
    """A noun phrase: token positions ``[a, b)`` of a sentence and its character span."""

    a: int
    b: int
    start: int
    end: int


def _gap(text: str, ss: Sequence[int], se: Sequence[int], k: int) -> str:
    """Characters between token ``k - 1`` and token ``k`` of a sentence."""
    return text[se[k - 1] : ss[k]]


def _soft_gap(g: str, prev_tok: str) -> bool:
    """True when the characters between two words allow them to be one noun phrase."""
    if g == " " or not g.strip():
        return True
    s = g.strip()
    if s == "." and (prev_tok in TITLES or len(prev_tok) <= 2 or "." in prev_tok):
        return True  # "Sen. Marco Rubio", "U.S. officials", "Hasan A. Rizvi"
    return s in ("&", "-", "’s", "'s")


#: words that name a day and never a speaker: a phrase they end ("last Thursday") or open ("Thursday morning on
#: Fox News", after "said") is a time. Months that are also given names or words (May, June, April) are left out.
TIME_WORDS = WEEKDAYS | frozenset(
    _words("yesterday today tonight january february july september october november december")
)
#: periods of time named after "this", "last" or "next" ("released this week"), and the words that open a time
#: phrase after a noun phrase ("released on Tuesday", "published last week")
_PERIODS = frozenset(_words("week weekend month year"))
_PERIOD_OPENERS = frozenset(_words("this last next"))
_TIME_OPENERS = frozenset(_words("on this last late early earlier"))
#: a politician's party and state after their name: "D-Md.", "R-Texas", "(I-Vt.)"
PARTY_LABEL = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")
#: one word with a capital inside it after two lower-case letters, as organisations write their names
#: ("WikiLeaks", "CalPERS", "ProPublica", "MoveOn"); surnames do so after a prefix of one or two ("McConnell",
#: "DeSantis", "LaHood"; those of three or more, "MacArthur", "DesLauriers", are listed)
_CAMEL_CASE = re.compile(r"(?!(?:Mac|Van|Vander|Von|Des|Del|Della|Dos|Das|Fitz)[A-Z])[A-Z][a-z]{2,}[A-Z]\w*")
#: modal verbs that are also names: "Theresa May", "Rep. Will Hurd"
_NAME_MODALS = frozenset(["may", "will"])


def modal_opens_name(text: str, toks: Sequence[str], ss: Sequence[int], k: int, hi: int) -> bool:
    """Whether token ``k``, a modal verb written with a capital, opens a name: another capitalised word follows
    it after a space, before ``hi`` ("said Will Hurd")."""
    return (
        toks[k] in _NAME_MODALS
        and k + 1 < hi
        and text[ss[k]].isupper()
        and text[ss[k + 1]].isupper()
        and text[ss[k + 1] - 1] == " "
    )


def modal_in_name(text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], k: int, lo: int) -> bool:
    """Whether token ``k``, a modal verb, is part of a name: written with a capital right after another
    capitalised word ("Theresa May", "Rep. Will Hurd"), not at the phrase's edge ``lo`` ("Will Trump say ...?")."""
    return (
        toks[k] in _NAME_MODALS
        and k > lo
        and text[ss[k]].isupper()
        and text[ss[k - 1]].isupper()
        and text[se[k - 1] : ss[k]].strip(" .") == ""
    )


def np_before(
    text: str,
    toks: Sequence[str],
    ss: Sequence[int],
    se: Sequence[int],
    j: int,
    lo: int = 0,
    max_len: int = 10,
    heads: frozenset[str] | None = None,
) -> Phrase | None:
    """The noun phrase ending at token ``j`` (inclusive), not starting before ``lo``.

    ``heads``: nouns that may govern a prepositional phrase ("officials" in
    "officials at the ISPR"); the phrase then starts before them.
    """
    if j < lo:
        return None
    t = toks[j]
    if t in PRONOUNS:
        return Phrase(j, j + 1, ss[j], se[j])
    periodic = t in _PERIODS and j - 1 > lo and toks[j - 1] in _PERIOD_OPENERS  # "released this week"
    if periodic or (
        t in TIME_WORDS and not (t == "today" and j > lo and text[ss[j]].isupper() and text[ss[j - 1]].isupper())
    ):
        # a time after the phrase ("a court filing Monday says", "a statement Sunday saying"): the phrase before
        # it; none when it is the whole phrase ("last Thursday, which details ...")
        if j <= lo or text[se[j - 1] : ss[j]] != " " or toks[j - 1] in TIME_WORDS:
            return None
        j -= 1
        if toks[j] in _TIME_OPENERS and j > lo and text[se[j - 1] : ss[j]] == " ":
            j -= 1  # "on Tuesday", "this week"
        if (
            (toks[j].endswith("ed") or toks[j] == "out")
            and j > lo
            and text[se[j - 1] : ss[j]] == " "
            and text[ss[j]].islower()
        ):
            j -= (
                1  # "A Quinnipiac University poll released (on) Tuesday showed", "A Monmouth poll out Monday": the poll
            )
        return np_before(text, toks, ss, se, j, lo, max_len, heads)
    if (t in _STOP_OR_LINK and not modal_in_name(text, toks, ss, se, j, lo)) or t.endswith(POSSESSIVE_ENDS):
        if t[:-2] in PRONOUNS and t.endswith(("’s", "'s")):
            return Phrase(j, j + 1, ss[j], se[j] - 2)  # "he’s said": he has said
        return None  # "the state", "Trump's plan": the verb is a noun here
    if t.endswith(_LY_ING) and t not in _NOUNS_LY_ING and not text[ss[j]].isupper():
        return None
    if (
        t.endswith("ed")
        and len(t) > 4
        and j > lo
        and not text[ss[j]].isupper()
        and toks[j - 1] not in DETERMINERS
        and toks[j - 1].endswith("s")
        and not text[ss[j - 1]].isupper()
    ):
        return None  # "These remarks spurred (protests)": a verb after its subject, no noun phrase's head
    if t in _QUANTIFIER_PRONOUNS and j > lo and _after_a_noun(text, toks, ss, se, j):
        return Phrase(j, j + 1, ss[j], se[j])  # "a role many expect him to play": "many" alone expects
    k = j
    listed = False  # inside a list of names: "the United Nations, European Union, and even Russia"
    cap = text[ss[k]].isupper()
    while True:
        t = toks[k]
        if k < j and not cap and t in DETERMINERS:
            break  # the determiner opens the phrase
        if k == lo or j - k + 1 >= max_len:
            break
        p = toks[k - 1]
        p_start = ss[k - 1]
        p_cap = text[p_start].isupper()
        gap = text[se[k - 1] : ss[k]]
        if gap == "/" and cap and p_cap:
            k -= 1  # "a CNN/ORC poll", "an ABC/Washington Post poll": one name of two bodies
            continue
        if gap != " " and not _soft_gap(gap, p):
            if listed and cap and p_cap and gap.strip() == "," and p not in TIME_WORDS:
                k -= 1
                cap = p_cap
                continue
            break
        if p == "even" and k - 3 >= lo and toks[k - 2] in ("and", "or") and cap and text[ss[k - 3]].isupper():
            listed = True
            k -= 3  # "..., and even Russia"
            cap = True
            continue
        if p in _NAME_LINK_WORDS:
            # "Ministry of Foreign Affairs", "Trump and Pence": only between capitalised words
            if cap and k - 2 >= lo and text[ss[k - 2]].isupper():
                g2 = text[se[k - 2] : p_start]
                if g2 == " " or _soft_gap(g2, toks[k - 2]) or (g2.strip() == "," and p in ("and", "or")):
                    listed = listed or p in ("and", "or")
                    k -= 2
                    cap = True
                    continue
            if cap and p in _NAME_PARTICLES:
                k -= 1  # a particle opens the name: "de Blasio said", "De Blasio said", "bin Salman told"
            break
        if p in PRONOUNS and p != "its":
            break
        if not p_cap and p.endswith(_LY_ING) and p not in _NOUNS_LY_ING:
            break  # an adverb or a participle ends the phrase: "actually", "dialing back"
        if p in _STOP_NOT_DET and not (cap and modal_in_name(text, toks, ss, se, k - 1, lo)):
            break
        if p_cap and p in _NOT_NAMES_NOT_DET:
            break
        if not p_cap and k - 2 >= lo and toks[k - 2] in _BEFORE_VERB and p not in DETERMINERS:
            break  # "would help Kabul see": a verb after a modal, not a modifier
        k -= 1
        cap = p_cap
    # a sentence-initial capitalised function word is not part of the phrase
    while k < j and toks[k] in _NOT_NAMES_NOT_DET:
        k += 1
    if toks[k] in _STOP_NOT_DET:
        return None
    k = _name_after_setting(text, toks, ss, se, k, j, lo)
    if heads:
        k = _head_before(text, toks, ss, se, k, j, lo, max_len, heads)
    return Phrase(k, j + 1, ss[k], se[j])


#: pronouns of quantity that can be a subject on their own after a noun they do not modify ("a role many
#: expect", "the policy some call amnesty")
_QUANTIFIER_PRONOUNS = frozenset(_words("many some most few others several"))


def _after_a_noun(text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], j: int) -> bool:
    """Whether token ``j`` follows, after one space, a lower-case word that is no determiner, quantifier, "of" or
    "and" (a noun it does not modify: "a role many"; not "very many", "the many", "Republicans and some")."""
    p = toks[j - 1]
    return (
        text[se[j - 1] : ss[j]] == " "
        and not text[ss[j - 1]].isupper()
        and p not in DETERMINERS
        and p not in _QUANTIFIER_PRONOUNS
        and p not in ("of", "and", "or", "very", "so", "too", "how")
        and not p.endswith("ly")
    )


#: words for a member of a party or a camp, capitalised: after "a" or "one" someone unnamed ("a Democrat said")
_PARTY_MEMBERS = frozenset(
    _words("republican democrat conservative liberal progressive independent libertarian socialist tory")
)
#: prepositions that open the setting of a statement before its speaker: "In a statement Johnson called ...",
#: and the nouns of such settings
_SETTING_PREPOSITIONS = frozenset(_words("in on at during after via through"))
_SETTING_NOUNS = frozenset(
    _words(
        "statement statements interview interviews book letter speech op-ed tweet tweets post video moment remarks "
        "memo column essay filing appearance testimony podcast broadcast briefing conference rally debate hearing "
        "meeting address sermon release email message"
    )
)


def _name_after_setting(
    text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], k: int, j: int, lo: int
) -> int:
    """Where a phrase ``[k, j]`` that follows a preposition starts once the setting before a name is set aside:
    "(In) a statement Johnson", "(In) his book Obama", "(In) a statement Monday Johnson" are Johnson and Obama.
    The phrase must end in capitalised words after one of :data:`_SETTING_NOUNS`; else ``k``."""
    if k <= lo or toks[k - 1] not in _SETTING_PREPOSITIONS or text[se[k - 1] : ss[k]] != " ":
        return k
    i = j
    while i > k and text[ss[i]].isupper():
        i -= 1
    if i == j or toks[i] not in _SETTING_NOUNS or text[ss[i]].isupper():
        return k
    i += 1
    while i < j and toks[i] in TIME_WORDS:
        i += 1  # "a statement Monday Johnson"
    return i


#: prepositions after which a noun phrase belongs to the source noun before them ("officials at the ISPR", "a
#: spokesman for the ministry", "officials in Kabul", "an aide to the president"): that noun is the head
_HEAD_PREPOSITIONS = frozenset(["of", "at", "for", "from", "with", "in", "to", "on", "inside", "within"])
#: word sequences that join a source to a noun phrase describing it, the noun phrase after them: "a person
#: familiar with the talks", "sources close to the president", "officials speaking on condition of anonymity"
POSTMODIFIERS: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split())
    for p in (
        "familiar with",
        "close to",
        "closest to",
        "closer to",
        "briefed on",
        "briefed about",
        "knowledgeable about",
        "involved in",
        "involved with",
        "privy to",
        "loyal to",
        "allied with",
        "aligned with",
        "connected to",
        "affiliated with",
        "sympathetic to",
        "opposed to",
        "working for",
        "working on",
        "working in",
        "working at",
        "with knowledge of",
        "with direct knowledge of",
        "with firsthand knowledge of",
        "with first-hand knowledge of",
        "with detailed knowledge of",
        "with intimate knowledge of",
        "with knowledge about",
        "speaking on condition of",
        "speaking on the condition of",
        "speaking under condition of",
    )
)
#: what a reporter writes about a source's anonymity: it describes the attribution beside it ("said an official
#: who spoke on condition of anonymity"), and is none of its own
ANONYMITY_FORMULAS: frozenset[tuple[str, ...]] = frozenset(
    tuple(p.split())
    for p in (
        "spoke on condition of",
        "spoke on the condition of",
        "spoke under condition of",
        "spoke anonymously",
        "asked not to be",
        "requested anonymity",
        "requested not to be",
        "declined to be named",
        "declined to be identified",
        "insisted on anonymity",
    )
)
_POSTMODIFIER_ENDS = frozenset(p[-1] for p in POSTMODIFIERS)


#: the postmodifiers that open with a reporting verb: "officials briefed on the talks said" reports one thing
_VERB_POSTMODIFIERS = frozenset(p for p in POSTMODIFIERS if p[0] in ("briefed", "speaking"))


def _by_first_word(phrases: frozenset[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases grouped by their first word, longest first (a look-up at each token, not a scan of them all)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in sorted(phrases, key=len, reverse=True):
        out.setdefault(p[0], []).append(p)
    return out


_POSTMODIFIERS_AT = _by_first_word(POSTMODIFIERS)
_NOT_REPORTING_AT = _by_first_word(_VERB_POSTMODIFIERS | ANONYMITY_FORMULAS)


def _phrase_at(index: dict[str, list[tuple[str, ...]]], toks: Sequence[str], k: int) -> int:
    """The number of words of the longest phrase of ``index`` that starts at token ``k``; 0 when none does."""
    for p in index.get(toks[k], ()):
        if tuple(toks[k : k + len(p)]) == p:
            return len(p)
    return 0


def describes_source(toks: Sequence[str], k: int) -> bool:
    """Whether the reporting verb at token ``k`` opens an anonymity formula ("who asked not to be named",
    "speaking on condition of") or a postmodifier ("officials briefed on the talks said"): it describes a
    source and reports nothing. (Adjectives of a stance, "opposed to", "sympathetic to", still report one.)"""
    return _phrase_at(_NOT_REPORTING_AT, toks, k) > 0


_POSTMODIFIER_LENGTHS = sorted({len(p) for p in POSTMODIFIERS}, reverse=True)


def _head_before(
    text: str,
    toks: Sequence[str],
    ss: Sequence[int],
    se: Sequence[int],
    k: int,
    j: int,
    lo: int,
    max_len: int,
    heads: frozenset[str],
) -> int:
    """Where the source phrase ending at token ``j`` starts when the noun phrase starting at token ``k`` only
    describes it: after a source noun and a preposition ("officials at the ISPR", "an aide to the president":
    else the place, or the president, was the speaker), after a postmodifier (:data:`POSTMODIFIERS`: "a person
    familiar with the talks", "people with direct knowledge of the plan"), or in a relative clause ("people who
    attended the meeting"). Two steps at most ("aides close to officials in Kabul")."""
    for _ in range(2):
        p = toks[k - 1] if k - 1 >= lo else ""
        if (
            p in _HEAD_PREPOSITIONS
            and k - 2 >= lo
            and toks[k - 2] in heads
            and (p != "to" or toks[k - 2] in RELATIONAL)
            and _soft_run(text, toks, ss, se, k - 2, k)
        ):
            outer = np_before(text, toks, ss, se, k - 2, lo, max_len)
            if outer is None:
                return k
            k = outer.a
            continue
        if p in _POSTMODIFIER_ENDS:
            for n in _POSTMODIFIER_LENGTHS:
                h = k - n - 1  # the last word of the source noun phrase
                if h >= lo and tuple(toks[k - n : k]) in POSTMODIFIERS and _soft_run(text, toks, ss, se, h, k):
                    if toks[h].endswith("ly") and h - 1 >= lo and _soft_gap(_gap(text, ss, se, h), toks[h - 1]):
                        h -= 1  # "people intimately familiar with"
                    outer = np_before(text, toks, ss, se, h, lo, max_len)
                    if outer is not None:
                        k = outer.a
                        break
            else:
                return k
            continue
        return _relative_head(text, toks, ss, se, k, j, lo, max_len, heads)
    return k


#: the most words between a relative pronoun and the end of the clause it opens that a source phrase may span
_RELATIVE_SPAN = 8


def _relative_head(
    text: str,
    toks: Sequence[str],
    ss: Sequence[int],
    se: Sequence[int],
    k: int,
    j: int,
    lo: int,
    max_len: int,
    heads: frozenset[str],
) -> int:
    """Where a source phrase ending at token ``j`` starts when the noun phrase at token ``k`` ends a relative
    clause without commas about a source noun or a name: "Several people who attended the meeting said" (not
    "the meeting")."""
    i = k - 1
    while i >= lo and k - i <= _RELATIVE_SPAN:
        t = toks[i]
        if not _soft_gap(_gap(text, ss, se, i + 1), t) or t in _CLAUSE_BREAKERS:
            return k
        if t == "who":
            h = i - 1
            if h < lo or j - i < 2 or not _soft_gap(_gap(text, ss, se, i), toks[h]):
                return k  # "a person who helped plan": the clause has no object, the verb may be its own
            if toks[h] in heads or (text[ss[h]].isupper() and toks[h] not in _NOT_NAMES):
                outer = np_before(text, toks, ss, se, h, lo, max_len)
                if outer is not None:
                    # the head of the clause may itself have a postmodifier: "Voters in Iowa who watched the debate"
                    return _head_before(text, toks, ss, se, outer.a, j, lo, max_len, heads)
            return k
        i -= 1
    return k


#: words a relative clause between its source and the reporting verb does not hold (a clause of its own begins)
_CLAUSE_BREAKERS = frozenset(
    _words("which that and but or because although though while if when whether as said says told added")
)


#: words after which a source phrase only describes its head: a preposition, a relative pronoun
_AFTER_HEAD = _HEAD_PREPOSITIONS | frozenset(["about", "who"])
#: nouns for a person who works for or speaks for another, the one named after "to" ("an aide to the president")
RELATIONAL = frozenset(
    _words(
        "aide aides adviser advisers advisor advisors spokesman spokeswoman spokesperson spokesmen spokeswomen "
        "assistant assistants envoy ambassador counsel consultant consultants secretary lawyer lawyers attorney "
        "attorneys successor heir deputy"
    )
)


def described_head(toks: Sequence[str], a: int, b: int) -> int:
    """The head of a source phrase ``[a, b)`` that a clause or a postmodifier describes, so that the head, not
    the last word, tells whether the phrase is a source: "a person | familiar with the talks", "an aide | to
    the president", "people | who attended the meeting"; -1 for any other phrase ("officials in Kabul" ends in
    a name, and "some of the greatest" or "the campaign in fact" are no source)."""
    e = head_end_of(toks, a, b)
    if e >= b or toks[e - 1] in DETERMINERS:
        return -1
    t = toks[e]
    if t == "who" or (t == "to" and toks[e - 1] in RELATIONAL) or t not in _AFTER_HEAD:
        return e - 1  # a relative clause, "to" after a relational noun, or a postmodifier
    return -1


def head_end_of(toks: Sequence[str], a: int, b: int) -> int:
    """The end of the head of the source phrase at tokens ``[a, b)``: the first preposition, relative pronoun or
    postmodifier after its first word ("officials | at the ISPR", "sources | close to the president", "people |
    who attended", "a person | familiar with"), else ``b``."""
    for k in range(a + 1, b):
        t = toks[k]
        if t in _AFTER_HEAD:
            return k
        if _phrase_at(_POSTMODIFIERS_AT, toks, k):
            return k - 1 if k - 1 > a and toks[k - 1].endswith("ly") else k
    return b


def _postmodifier_length(toks: Sequence[str], e: int, head: str) -> int:
    """The number of words of a postmodifier (:data:`POSTMODIFIERS`) starting at token ``e``, or of "to" after a
    relational noun ``head`` ("an aide to"); 0 when there is none."""
    if toks[e] == "to" and head in RELATIONAL:
        return 1
    return _phrase_at(_POSTMODIFIERS_AT, toks, e)


def _soft_run(text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], a: int, b: int) -> bool:
    """True when tokens ``a`` to ``b`` (inclusive) are separated by nothing a noun phrase cannot span."""
    return all(_soft_gap(_gap(text, ss, se, i), toks[i - 1]) for i in range(a + 1, b + 1))


def np_after(
    text: str,
    toks: Sequence[str],
    ss: Sequence[int],
    se: Sequence[int],
    k: int,
    hi: int,
    max_len: int = 12,
    allow_of: bool = True,
    objects: bool = False,
    heads: frozenset[str] | None = None,
) -> Phrase | None:
    """The noun phrase starting at token ``k`` and ending before ``hi`` (or at punctuation).

    ``objects``: an object pronoun ("according to him") or a possessive
    ("according to her lawyers") may open the phrase. ``heads``: source nouns
    whose postmodifier the phrase spans ("an aide to the president", as
    :func:`np_before`); a postmodifier of :data:`POSTMODIFIERS` is spanned
    with them ("a person familiar with the talks").
    """
    if k >= hi:
        return None
    t = toks[k]
    if t in TIME_WORDS:
        return None  # "..., said Thursday morning on Fox News"
    if t in PRONOUNS and t not in ("who", "which"):
        return Phrase(k, k + 1, ss[k], se[k])
    if t in _OBJECTS:
        if not objects:
            return None
        if t != "her" or k + 1 >= hi or not _soft_gap(_gap(text, ss, se, k + 1), t):
            return Phrase(k, k + 1, ss[k], se[k])  # "according to him"
    if t in STOP and t not in DETERMINERS and not modal_opens_name(text, toks, ss, k, hi):
        return None  # but "said Will Hurd"
    e = k + 1
    while e < hi and e - k < max_len:
        if not _soft_gap(_gap(text, ss, se, e), toks[e - 1]):
            break
        w = toks[e]
        if heads is not None and e > k:
            n = _postmodifier_length(toks, e, toks[e - 1])
            if n and e + n < hi and toks[e + n] not in _STOP_NOT_DET and _soft_run(text, toks, ss, se, e - 1, e + n):
                e += n + 1  # "a person familiar with the talks", "an aide to the president"
                continue
        if w in ("of", "for", "on", "at", "with", "from", "in") and allow_of:
            # "the head of the agency", "a spokesman for the ministry", "a professor at LUMS"; but a place only
            # by its name ("at LUMS", "in the Interior Ministry"), not "in a statement", "on Monday"
            if (
                e + 1 < hi
                and _soft_gap(_gap(text, ss, se, e + 1), w)
                and toks[e + 1] not in STOP
                and (w in ("of", "for") or _named_place(text, toks, ss, e + 1, hi))
            ):
                e += 2
                continue
            break
        if (w in STOP and not modal_in_name(text, toks, ss, se, e, k)) or w in ("who", "which", "whose"):
            break
        e += 1
    return Phrase(k, e, ss[k], se[e - 1])


#: capitalised words that name a time, not an institution ("on Monday", "in March")
_CALENDAR = WEEKDAYS | MONTHS


def _named_place(text: str, toks: Sequence[str], ss: Sequence[int], j: int, hi: int) -> bool:
    """Whether tokens from ``j`` name an institution or place: a capitalised word, after "the" or not, that is
    not a day or a month ("LUMS", "the Brookings Institution"; not "a statement", "Monday")."""
    if toks[j] == "the" and j + 1 < hi:
        j += 1
    return text[ss[j]].isupper() and toks[j] not in _CALENDAR


class SpeakerTyper:
    """Source types and names from the words of a source phrase (see the module docstring)."""

    def __init__(self, sources: Lexicon, person_actor_types: Sequence[str] = ("person", "individual")) -> None:
        common: dict[str, str] = {}
        names: dict[str, str] = {}
        multi: dict[tuple[str, ...], str] = {}
        places: dict[tuple[str, ...], str] = {}
        for e in sources:
            use = e.extra.get("use", "")
            if use == "place":
                places.setdefault(e.words, e.category)
                continue
            if len(e.words) > 1:
                multi[e.words] = e.category
                continue
            w = e.words[0]
            if use in ("", "common"):
                common.setdefault(w, e.category)
            if use in ("", "name"):
                names.setdefault(w, e.category)
        self.common = common
        self.names = names
        self.multi = multi
        #: a country or capital that speaks for its government, as the whole name ("Afghanistan denied")
        self.places = places
        self.person_actor_types = tuple(t.lower() for t in person_actor_types)
        #: (phrase, its last token, opens the sentence, opens it with a common word, actor type, actor form) →
        #: (type, name): a memo of :meth:`classify`, which depends on nothing else (the same results without it).
        self.memo: dict[tuple[str, str, bool, bool, str | None, str], tuple[str, str]] = {}

    def classify(
        self,
        text: str,
        toks: Sequence[str],
        ss: Sequence[int],
        se: Sequence[int],
        ph: Phrase,
        actor_type: str | None = None,
        actor_form: str = "",
        common_opener: bool = False,
    ) -> tuple[str, str]:
        """``(source type, name)`` of a phrase; the name is the capitalised core ("Hasan Askari Rizvi") or the phrase.

        ``common_opener``: the phrase opens its sentence with a word that is capitalised only for that (the caller
        knows it from the document: "Investigators say", "Doctors said"); it is then no name.
        """
        words = toks[ph.a : ph.b]
        if len(words) == 1:
            w = _CONTRACTION.sub("", words[0])  # "I’m", "we're", "they’ve": the pronoun
            if w in PRONOUNS or w in _OBJECTS:
                return PRONOUNS.get(w, _OBJECTS.get(w, "")) or ANONYMOUS, _CONTRACTION.sub("", text[ph.start : ph.end])
        # capitalised words, not counting a sentence-initial common noun ("Officials said", "Investigators say")
        # or a determiner opening the phrase ("Another former officer")
        caps = [
            k
            for k in range(ph.a, ph.b)
            if text[ss[k]].isupper()
            and toks[k] not in _NOT_NAMES
            and not (k == 0 and (common_opener or toks[k] in self.common))
            and not (k == ph.a and toks[k] in DETERMINERS)
        ]
        head_end = self.head_end(text, toks, ss, se, ph)
        head_caps = [k for k in caps if k < head_end]
        head = toks[head_end - 1]
        if head.endswith(("’s", "'s")):
            head = head[:-2]
        head_is_cap = head_end - 1 in head_caps
        phrase = text[ph.start : ph.end]
        # a common noun as head ("a UN report", "Afghan officials", "the ministry"): its lexicon category
        if not head_is_cap:
            for k in range(head_end - 1, ph.a - 1, -1):
                if k in caps and k != ph.a:
                    break
                cat = self.common.get(toks[k])
                if cat == ROLE:
                    # "the Republican nominee" is someone in particular; "a lawyer" is not
                    return (ANONYMOUS if toks[ph.a] in _INDEFINITE else NAMED), phrase
                if cat:
                    return cat, phrase
            if not head_caps:
                return ANONYMOUS, phrase
            if actor_type is None and head.endswith("s") and not toks[head_caps[-1]].endswith(("’s", "'s")):
                # people named by a capitalised modifier: "Western powers", "Israeli negotiators"
                return ANONYMOUS, phrase
        # someone or something described, not named: an indefinite phrase whose capitalised words only modify its
        # common-noun head ("an American soldier", "a Texas rancher"; not with a possessor: "one of Mr. Trump's")
        described = (
            not head_is_cap and toks[ph.a] in _INDEFINITE and not any(toks[k].endswith(("’s", "'s")) for k in head_caps)
        )
        if described and head.endswith(_PERSON_NOUN_ENDS) and not head.endswith("ment"):
            return ANONYMOUS, phrase  # a person: "a former Pakistani intelligence agent", "a Bush appointee"
        core = head_caps or caps
        if not core:
            return ANONYMOUS, phrase
        if toks[ph.a] in _INDEFINITE and len(core) == 1 and toks[core[0]] in _PARTY_MEMBERS and not actor_type:
            return ANONYMOUS, phrase  # "a Democrat said", "one Republican close to the White House": unnamed
        # the name: "Ministry of Foreign Affairs", "New York Post"; not the place of a postmodifier ("the BBC's
        # Jonathan Head in Bangkok" is the BBC's Jonathan Head)
        named = head_caps if head_caps and head_end < ph.b and toks[head_end] not in _NAME_LINKS else caps
        full = self._name(text, ss, se, named, toks)
        if actor_type is not None:
            if actor_form == "demonym" and len(core) == 1:
                return ANONYMOUS, full  # "Pakistanis say"
            if self.is_person(actor_type) or self._titled_person(text, toks, ss, se, ph, head_end):
                return (ANONYMOUS, phrase) if described else (NAMED, self._person_name(text, ss, se, core, toks, ph.a))
            return OFFICIAL, full
        if self.places:
            place = tuple(WORD_RE.findall(full.lower()))
            cat = self.places.get(place[1:] if place[:1] == ("the",) else place)
            if cat:
                return cat, full  # "Afghanistan denied", "the United States said"; not "George Washington"
        # the head decides: "White House Press Secretary Josh Earnest" is a person,
        # "Ministry of Foreign Affairs" and "The New York Post" are institutions
        w = toks[core[-1]]
        w = w[:-2] if w.endswith(("’s", "'s")) else w
        cat = self.names.get(w)
        if cat:
            return cat, full
        raw = text[ss[core[-1]] : se[core[-1]]]
        if len(raw) >= 2 and raw.replace(".", "").replace("-", "").replace("’s", "").replace("'s", "").isupper():
            return OFFICIAL, full  # an acronym: "ISPR", "CNN"
        if len(core) == 1 and _CAMEL_CASE.fullmatch(raw):
            return OFFICIAL, full  # a brand's capitals: "WikiLeaks", "CalPERS", "PolitiFact"; not "McConnell"
        if described:
            return ANONYMOUS, phrase  # not a person called by the modifier: "a Bush appointee" is not "Bush"
        return NAMED, self._person_name(text, ss, se, core, toks, ph.a)

    def head_end(self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase) -> int:
        """:func:`head_end_of` the phrase, except that a title's complement is no postmodifier when a person's
        name follows it: "Secretary of State Mike Pompeo" is headed by "Pompeo"."""
        head_end = head_end_of(toks, ph.a, ph.b)
        if head_end < ph.b and (
            self._titled_name(text, toks, ss, se, ph, head_end) or self._name_after_title(text, toks, ss, ph, head_end)
        ):
            return ph.b
        return head_end

    def _name_after_title(self, text: str, toks: Sequence[str], ss: Sequence[int], ph: Phrase, head_end: int) -> bool:
        """Whether a phrase whose head has a postmodifier ends with a title and a person's name of two or more
        words after it: "Department of Homeland Security Secretary Jeh Johnson", "Centers for Disease Control
        and Prevention Director Tom Frieden" are headed by the person, not by the body that employs them."""
        head = toks[head_end - 1]
        if (
            not text[ss[head_end - 1]].isupper()
            or self.common.get(head) in (ANONYMOUS, ROLE)
            or (head.endswith(_PERSON_NOUN_ENDS) and not head.endswith("ment"))
        ):
            return False  # the head is a person, no body: "a spokesman for Sen. Marco Rubio", "Aides to Sen. Rubio"
        k, n = ph.b - 1, 0
        while k >= head_end:
            w = toks[k].rstrip(".")
            if not text[ss[k]].isupper():
                return False
            if w in TITLES:
                return n >= 2
            if w in _NAME_LINKS or w in self.names or (w,) in self.places:
                return False
            n += 1
            k -= 1
        return False

    def _titled_person(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase, head_end: int
    ) -> bool:
        """Whether the head of a phrase is a person's name after a title: "Pakistani Foreign Minister Shah
        Mahmood Qureshi", "U.S. Ambassador Nikki Haley" (an actor's country in the phrase makes the person no
        institution), not "the Pakistani Foreign Ministry" or "Pakistan Foreign Office"."""
        k = head_end - 1
        n = 0  # the words of the name, read from its end
        while k >= ph.a:
            w = toks[k].rstrip(".")
            if w in TITLES or self.common.get(w) in (OFFICIAL, ROLE):
                return n >= 2  # "Foreign Minister | Shah Mahmood Qureshi", "spokesman | Zahid Hafeez Chaudhri"
            raw = text[ss[k] : se[k]]
            if not raw[:1].isupper() or w in self.names:
                return False
            if (w,) in self.places or (len(raw) >= 2 and raw.isupper()):
                break  # a title's complement: "Ambassador to the U.N. | Nikki Haley"
            n += 1
            k -= 1
        return n >= 2 and any(toks[i].rstrip(".") in TITLES for i in range(ph.a, k))

    def _titled_name(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase, head_end: int
    ) -> bool:
        """Whether a phrase whose head is a title ends with a person's name after the title's complement:
        "Secretary of State Mike Pompeo", "Ambassador to the UN Nikki Haley" (not "Ambassador to Pakistan",
        "Minister of State", "a spokesman for Sen. Rubio")."""
        title = toks[head_end - 1].rstrip(".")
        if title not in TITLES or not text[ss[head_end - 1]].isupper():
            return False
        last = toks[ph.b - 1]
        if not text[ss[ph.b - 1]].isupper() or last in TITLES or last in self.names:
            return False
        raw = text[ss[ph.b - 1] : se[ph.b - 1]]
        if raw.isupper() or (last,) in self.places:
            return False  # an acronym ("the UN") or a place ("Pakistan")
        # at least two capitalised words at the end, the last two not linked by a preposition: "Mike Pompeo"
        first = toks[ph.b - 2]
        return (
            ph.b - 2 > head_end
            and text[ss[ph.b - 2]].isupper()
            and first not in _NAME_LINKS
            and first not in TITLES
            and first not in self.names
        )

    def _person_name(
        self, text: str, ss: Sequence[int], se: Sequence[int], core: Sequence[int], toks: Sequence[str], lo: int
    ) -> str:
        """A person's name without titles and offices ("House Speaker Paul D. Ryan" → "Paul D. Ryan"); the phrase
        starts at token ``lo``."""
        first = core[-1]
        if first - 1 >= lo and toks[first - 1] in _NAME_PARTICLES and not text[ss[first - 1]].isupper():
            first -= 1  # "(Bill) de Blasio", "van Hollen": the particle is part of the surname ("Van" is a capital)
        for k in reversed(core[:-1]):
            w = toks[k].rstrip(".")
            raw = text[ss[k] : se[k]]
            if k != first - 1 or w in TITLES or w in self.names or first - k >= 4 or "," in text[se[k] : ss[first]]:
                break  # (a comma ends the name: "One Senate Republican, Susan Collins")
            letters = raw.replace(".", "")
            initials = _INITIALS.fullmatch(raw) is not None and w not in _DOTTED_PLACES  # "T.S." Ellis, "H.W." Bush
            if (len(letters) >= 2 and letters.isupper() and letters.isalpha() and not initials) or (w,) in self.places:
                break  # an acronym or a place: "the UN Nikki Haley", "Ambassador to Pakistan David Hale"
            if (
                core[-1] - first >= 1
                and len(letters) > 1
                and english_frequencies().get(w, 0) >= COMMON_WORD
                and not given_name_sex(w)
                and any(self._office_word(toks[i]) for i in range(lo, k))
            ):
                # after an office, a common word before a name of two words or more belongs to the office: "(Director
                # of National) Intelligence James Clapper", "(Chairman of the Joint Chiefs of) Staff Colin L. Powell";
                # not before one word ("Roger Stone"), nor in a name with no office before it ("Human Rights Watch")
                break
            first = k
        return _POSSESSIVE_S.sub("", text[ss[first] : se[core[-1]]])

    def _office_word(self, tok: str) -> bool:
        """A title or a noun of an office or a role ("Director", "Attorney", "Agent")."""
        return tok.rstrip(".") in TITLES or self.common.get(tok) in (OFFICIAL, ROLE)

    def is_person(self, actor_type: str | None) -> bool:
        """Whether an actor of this type is a person (the ``person_actor_types``)."""
        if not actor_type:
            return False
        t = actor_type.lower()
        return any(p in t for p in self.person_actor_types)

    @staticmethod
    def _name(text: str, ss: Sequence[int], se: Sequence[int], ks: Sequence[int], toks: Sequence[str] = ()) -> str:
        """The run of capitalised words ending at the last one, with "of"/"and" between them."""
        if not ks:
            return ""
        first = ks[-1]
        for k in reversed(ks[:-1]):
            if k == first - 1 or (k == first - 2 and toks and toks[k + 1] in _NAME_LINKS):
                first = k
            else:
                break
        s = text[ss[first] : se[ks[-1]]]
        return _POSSESSIVE_S.sub("", s)


def strip_titles(name: str) -> str:
    """``"Sen. Marco Rubio"`` → ``"Marco Rubio"``; ``"Mr. Trump"`` → ``"Trump"``."""
    parts = name.split()
    while len(parts) > 1 and parts[0].rstrip(".").lower() in TITLES:
        parts.pop(0)
    return " ".join(parts)


_ABBREVIATED_TITLES = [
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sens?",
    "Reps?",
    "Gov",
    "Gen",
    "Lt",
    "Col",
    "Maj",
    "Capt",
    "Sgt",
    "Adm",
    "Prof",
    "Rev",
    "Pres",
    "Atty",
    "Amb",
    "Cmdr",
]
#: an abbreviated title with its period, before a name ("Sen.", "Mr.", "Atty.")
ABBREVIATED_TITLE = rf"(?:{'|'.join(_ABBREVIATED_TITLES)})\."
#: the same after its first, capital letter, which the pattern has matched already: ``[A-Z]`` then this tail
#: matches what :data:`ABBREVIATED_TITLE` does. A pattern that opens with a plain ``[A-Z]`` lets ``re`` skip
#: ahead to the next capital letter when it searches, which made the scan for runs of capitalised words in
#: sourcing_patterns twice as fast as opening with the alternation of titles.
ABBREVIATED_TITLE_TAIL = (
    "(?:"
    + "|".join(
        f"(?<={first})(?:{'|'.join(t[1:] for t in _ABBREVIATED_TITLES if t[0] == first)})"
        for first in dict.fromkeys(t[0] for t in _ABBREVIATED_TITLES)
    )
    + r")\."
)
# up to three capitalised words right before a name: initials ("A.") and titles ("Sen.") may end in a period,
# other words may not (a period after "Machines." ends a sentence)
_BEFORE_NAME_RE = re.compile(rf"((?:(?:[A-Z]\.|{ABBREVIATED_TITLE}|[A-Z][\w’'\-]*)[ \t\u00a0]+){{1,3}})$")


def _may_follow_name(text: str, pos: int) -> bool:
    """Whether ``_BEFORE_NAME_RE`` can match before ``pos``: spaces or tabs end there, after a word with a capital
    (every word the pattern takes has one). A few string operations that rule out most places ("said Trump",
    "(Trump", line starts) before the regex tries each of the 60 characters."""
    before = text[max(0, pos - 60) : pos]
    words = before.rstrip(" \t\u00a0")
    return 0 < len(words) < len(before) and not words.rsplit(None, 1)[-1].islower()


#: given names that are common English words too (at least :data:`framing.surnames.COMMON_WORD` in the word
#: list): other common words before a surname are not its given names ("Inside Trump", "Given Obama")
_WORD_GIVEN_NAMES = frozenset(
    _words(
        "bill mark rush will rich chip dick rob sue grace grant hope joy faith dawn guy rose art chase drew miles "
        "van summer destiny candy said"
    )
)


#: auxiliary verbs, which a title-case headline capitalises before a name ("Why Is Obama ...", "Can Trump ...");
#: not "will" and "may", which are names too ("Will Hurd")
_AUXILIARIES = frozenset(_words("is are was were has have had does did do should would could can must shall might"))


def _given_names(words: list[str]) -> list[str]:
    """The given and middle names among the capitalised words right before a surname: the words after the last
    title, office or function word ("Attorney General William" → "William", "FBI Director James" → "James",
    "U.S. President Barack" → "Barack", "Monday Sean" → "Sean"; "Hasan Askari" and "John A." stay)."""
    offices = titles()
    out: list[str] = []
    for w in reversed(words):
        bare = w.rstrip(".")
        if len(bare) == 1 and w.endswith("."):
            out.append(w)  # an initial ("John A. Boehner"), not the article "A"
            continue
        low = bare.lower()
        if low in _NOT_NAMES or low in TITLES or low in offices or low in TIME_WORDS or low in _AUXILIARIES:
            break  # not "Monday" in "a statement Monday Johnson", nor "Is" in a headline's "Why Is Obama ..."
        out.append(w)
    return out[::-1]


def _opening_word(text: str, at: int, words: Sequence[str]) -> bool:
    """Whether the first of ``words`` (the given names found before a surname, from ``at``) opens a sentence, a line
    or a headline and is a common English word that is no given name, before a given name ("Inside Trump's ...",
    "Given Obama's ...", "Consider Chris Velasquez", "CLOSE Donald Trump"; not "Bill Clinton", "De Blasio",
    "Doctors Without Borders", "USA Today", "George W. Bush")."""
    word = words[0].rstrip(".")
    low = word.lower()
    if len(word) < 2 or (word.isupper() and len(word) <= 4) or low in _WORD_GIVEN_NAMES or low in _NAME_LINKS:
        return False  # an initial, an acronym ("USA Today"), a name, a particle ("De Blasio")
    if english_frequencies().get(low, 0) < COMMON_WORD and not low.endswith("ing"):
        return False
    if len(words) > 1 and not (is_given_name(words[1]) or words[1].rstrip(".").isupper()):
        return False  # "Doctors Without Borders": no given name follows
    before = text[max(0, at - 3) : at].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?:;\n\"“‘'(—–-"


def full_name(text: str, name: str, cache: dict[str, str]) -> str:
    """The first fuller form of a one-word name in the text ("Rizvi" → "Hasan Askari Rizvi", "de Blasio" → "Bill de
    Blasio"), or the name itself."""
    base = strip_titles(name)
    parts = base.split(" ")
    particle = len(parts) == 2 and parts[0].lower() in _NAME_PARTICLES and parts[1][:1].isupper()
    if (len(parts) > 1 and not particle) or not parts[-1][:1].isupper():
        return base
    hit = cache.get(base)
    if hit is not None:
        return hit
    best = _fuller_form(text, base)
    if best == base and particle and parts[0][:1].isupper():
        # "De Blasio" opening a sentence: the text may write "Bill de Blasio" elsewhere
        lower = f"{parts[0].lower()} {parts[1]}"
        fuller = _fuller_form(text, lower)
        best = fuller if fuller != lower else base
    cache[base] = best
    return best


def _fuller_form(text: str, base: str) -> str:
    """The given names before the first fuller mention of ``base`` joined to it, or ``base`` itself."""
    best = base
    pos = text.find(base)
    n = len(base)
    while pos >= 0:
        after = text[pos + n : pos + n + 1]
        ends_word = not (after.isalnum() or after in "-’'") or text.startswith(("’s", "'s"), pos + n)
        if ends_word and _may_follow_name(text, pos):
            m = _BEFORE_NAME_RE.search(text, max(0, pos - 60), pos)
            if m is not None:
                if m.group(1).split()[-1].lower() in _AUXILIARIES:
                    break  # "Why Is Obama ...", "Can Trump win?": a headline; the next fuller form may be another's
                words = _given_names(m.group(1).split())
                if words and len(words) == len(m.group(1).split()) and _opening_word(text, m.start(1), words):
                    words = words[1:]  # "Given Obama", "CLOSE Donald Trump"
                    if not words:
                        break  # "Inside Trump's ...": a headline; the next fuller form may be another person's
                if words:
                    best = " ".join([*words, base])
                    break  # the first full mention is the reference form
        pos = text.find(base, pos + n)
    return best
