"""Disambiguation rules for hedge, booster and prescription cues.

A lexicon entry names at most one rule (the ``rule`` column of the
``hedging_*.tsv`` files). Before a cue counts, its rule looks at the words
around it *inside its sentence* and returns a :class:`Verdict`: keep the cue,
keep it under another category (a negated hedge becomes a booster), or drop it
(``May`` the month, ``might`` the noun, ``could not`` of past inability,
``talks about trade``). Each rule is a small function of the token list, so a
rule costs a few set look-ups per cue and nothing per ordinary word.

The rules read closed word lists from ``hedging_context.tsv`` (negators, month
words, determiners, numbers): :class:`Words` holds them as frozensets.

Rules (the names used in the lexicon files):

``may``           ``May`` the month ("in May", "May 20", "April, May and June") or a
                  name ("Theresa May"; a capitalised ``May`` inside a sentence) is not a modal.
``might``         the noun ("military might", "with all its might", "the might of") is not a modal.
``could``         ``could not`` / ``could never`` is past inability, not a hedge (the
                  epistemic exceptions, "could not have", "could not be ruled out", are
                  separate multi-word entries, matched first because they are longer).
``would``         future in the past ("he said he would visit", "would later become"),
                  habit ("would often") and volition ("would like") are not hedges.
``quantity``      ``about``/``around``/``some``/``nearly`` approximate only before a number
                  ("about 50", "some two thousand", "around a third"); "talks about trade" is a topic.
``degree``        "sort of" / "kind of" after a determiner ("a kind of weapon") is a type, not a hedge.
``possible``      "as soon as possible", "made possible", "possible to" (ability) are not hedges.
``appear``        only "appear to", "appear that", "it appears" hedge ("appeared in court" does not).
``look_like``     "what he looks like" (how it looks) is not a hedge; "it looks like the talks failed" is.
``that_to``       only before a complement clause: "indicated that", "felt that", "fear that".
``believe``       "believe in" (faith) is not a hedge; the nouns count only before "that".
``think``         "think tank", "think about" are not hedges.
``thought``       the noun ("political thought", "school of thought", "a sobering thought") is not a hedge.
``consider``      to weigh ("consider the options", "considered for publication",
                  "considered changing") is not a hedge; "is considered (to be) a" is.
``regard``        "with regard to", "in this regard", "held in high regard" are not hedges.
``accused``       "the accused" (a defendant) is not a hedge; "accused of" is a shield.
``suspect``       the noun ("the suspect", "two suspects", "possible suspects", "suspects in the attack") is
                  not a hedge; the verb ("officials suspect that", "many suspect Iran") is.
``as_complement`` "regarded as", "seen as", "viewed as", "deemed to": only with ``as``/``to``/``that``.
``expect``        "as expected", "than expected", "the expected outcome" are not hedges;
                  the nouns count only before "that".
``if``            "as if", "if any", "if not", "if necessary", "if and only if" are not conditional hedges;
                  after "asked (me)", "wonder", "unclear", "to see" it opens a question, as "whether" does.
``whether``       "whether in X or Y" lists alternatives; it is not an open question.
``negatable``     a negated doubt is a booster: "no doubt", "few doubt", "little doubt", "not in doubt".
``flip``          a negated booster is a hedge: "it was never clear that", "no one is sure that".
``emphatic``      a negated emphatic ("not really worried", "did not actually happen") is no booster.
``must_have``     epistemic "must have" + past participle is a booster (inference); otherwise
                  ("must have a plan") it is a prescription.
``have_to``       "has to do with" is not a prescription.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = ["RULES", "RuleInput", "Verdict", "Words", "is_number"]

#: How many words before a cue a negator may stand ("there is no longer any doubt").
NEGATION_WINDOW = 3


class Verdict(NamedTuple):
    """The outcome of a rule: ``keep`` the cue (under ``category`` when given) with a ``note``."""

    keep: bool
    category: str | None = None
    note: str = ""


KEEP = Verdict(True)


@dataclass(frozen=True)
class Words:
    """Closed word lists the rules read (from ``hedging_context.tsv``)."""

    negators: frozenset[str]
    months: frozenset[str]
    before_month: frozenset[str]
    before_noun: frozenset[str]
    numbers: frozenset[str]
    quantity_after_article: frozenset[str]

    @classmethod
    def from_lists(cls, lists: Mapping[str, Sequence[str]]) -> Words:
        def get(name: str) -> frozenset[str]:
            return frozenset(w.lower() for w in lists.get(name, ()))

        return cls(
            negators=get("negator"),
            months=get("month"),
            before_month=get("before_month"),
            before_noun=get("before_noun"),
            numbers=get("number"),
            quantity_after_article=get("quantity_after_article"),
        )


@dataclass(slots=True)
class RuleInput:
    """What a rule sees: the document's tokens, the cue's token span ``[i, j)`` and its sentence ``[lo, hi)``.

    ``surface`` returns the cue's first word as written (for capitalisation);
    ``heading`` is True when the sentence is a heading (title case is no evidence there).
    """

    tokens: Sequence[str]
    i: int
    j: int
    lo: int
    hi: int
    words: Words
    surface: Callable[[], str]
    heading: bool = False

    def prev(self, k: int = 1) -> str:
        p = self.i - k
        return self.tokens[p] if p >= self.lo else ""

    def next(self, k: int = 1) -> str:
        p = self.j + k - 1
        return self.tokens[p] if p < self.hi else ""

    def negated(self) -> str:
        """The negator within :data:`NEGATION_WINDOW` words before the cue, or ""."""
        neg = self.words.negators
        for p in range(self.i - 1, max(self.lo, self.i - NEGATION_WINDOW) - 1, -1):
            t = self.tokens[p]
            if t in neg or t.endswith(("n't", "n’t")):
                return t
        return ""


def is_number(tok: str, words: Words) -> bool:
    """A numeral ("50", "1.5", "2,000" as "2" ...) or a number word ("two", "dozen", "half")."""
    return bool(tok) and (tok[0].isdigit() or tok in words.numbers)


_PARTICIPLE_IRREGULAR = frozenset(
    [
        "been",
        "known",
        "had",
        "done",
        "seen",
        "gone",
        "made",
        "taken",
        "felt",
        "thought",
        "heard",
        "come",
        "become",
        "got",
        "gotten",
        "left",
        "lost",
        "sent",
        "told",
        "paid",
        "won",
        "hit",
        "put",
        "set",
        "run",
        "begun",
        "brought",
        "built",
        "caught",
        "fought",
        "held",
        "kept",
        "led",
        "meant",
        "met",
        "read",
        "said",
        "sold",
        "spent",
        "stood",
        "understood",
        "given",
        "driven",
        "written",
        "broken",
        "chosen",
        "fallen",
        "forgotten",
        "hidden",
        "ridden",
        "risen",
        "shaken",
        "spoken",
        "stolen",
        "sworn",
        "torn",
        "worn",
        "beaten",
        "bitten",
        "eaten",
        "grown",
        "drawn",
        "flown",
        "known",
        "shown",
        "thrown",
        "blown",
        "slain",
        "struck",
    ]
)
_REPORTING = frozenset(
    [
        "said",
        "says",
        "told",
        "announced",
        "promised",
        "pledged",
        "vowed",
        "insisted",
        "added",
        "warned",
        "stated",
        "declared",
        "claimed",
        "predicted",
        "indicated",
        "confirmed",
        "decided",
        "agreed",
        "expected",
        "hoped",
        "planned",
    ]
)


def _may(x: RuleInput) -> Verdict:
    w = x.words
    nxt, prv = x.next(), x.prev()
    if is_number(nxt, w) and nxt[0].isdigit():
        return Verdict(False, note="May the month (before a date)")
    if prv[:1].isdigit() or prv in w.months or nxt in w.months:
        return Verdict(False, note="May the month (in a date or list of months)")
    if x.i > x.lo and prv in w.before_month and x.surface() == "May":
        return Verdict(False, note=f"May the month ('{prv} May')")
    if not x.heading and x.i > x.lo and x.surface() == "May":
        return Verdict(False, note="capitalised May inside a sentence: the month or a name")
    return KEEP


def _might(x: RuleInput) -> Verdict:
    prv, nxt = x.prev(), x.next()
    if prv in x.words.before_noun or prv.endswith(("'s", "’s", "s'", "s’")):
        return Verdict(False, note=f"might the noun ('{prv} might')")
    if x.j >= x.hi or nxt in ("of", "is", "was", "and", "or", "against", "behind", "alone"):
        return Verdict(False, note="might the noun (power)")
    return KEEP


#: subjects after a modal that opens a sentence which make it a request or a question put to someone ("Could I ask
#: you one question?", "Would you vote for him?"), not a hedge
_ASKED = frozenset(["i", "you", "we"])


def _asks(x: RuleInput) -> bool:
    """Whether the modal opens its sentence with "I", "you" or "we" after it: a request or a question to someone."""
    return x.i == x.lo and x.next() in _ASKED


def _could(x: RuleInput) -> Verdict:
    nxt = x.next()
    if nxt in ("not", "never", "hardly", "barely", "scarcely", "no"):
        return Verdict(False, note=f"could {nxt}: past inability")
    if _asks(x):
        return Verdict(False, note=f"could {nxt} ...?: a request or a question, not a hedge")
    return KEEP


_WOULD_NOT_HEDGE = frozenset(
    [
        "later",
        "eventually",
        "soon",
        "then",
        "go",
        "become",
        "often",
        "usually",
        "always",
        "sometimes",
        "frequently",
        "regularly",
        "typically",
        "like",
        "love",
        "prefer",
        "rather",
        "continue",
        "remain",
    ]
)


def _would(x: RuleInput) -> Verdict:
    nxt = x.next()
    if nxt in _WOULD_NOT_HEDGE:
        return Verdict(False, note=f"would {nxt}: future in the past, habit or wish")
    if _asks(x):
        return Verdict(False, note=f"would {nxt} ...?: a request or a question, not a hedge")
    for p in range(x.i - 1, max(x.lo, x.i - 6) - 1, -1):
        if x.tokens[p] in _REPORTING:
            return Verdict(False, note=f"'{x.tokens[p]} … would': future in reported speech")
    return KEEP


def _quantity(x: RuleInput) -> Verdict:
    w = x.words
    nxt = x.next()
    if is_number(nxt, w):
        return KEEP
    if nxt in ("a", "an") and x.next(2) in w.quantity_after_article:
        return KEEP
    return Verdict(False, note=f"'{x.tokens[x.i]}' not before a number (topic, place or some-of)")


_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "what",
        "which",
        "any",
        "some",
        "every",
        "each",
        "no",
        "one",
        "another",
        "same",
        "different",
        "other",
        "its",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "whatever",
    ]
)


def _degree(x: RuleInput) -> Verdict:
    if x.tokens[x.i] in ("kind", "sort") and x.prev() in _DETERMINERS:
        return Verdict(False, note=f"'{x.prev()} {x.tokens[x.i]} of': a type, not a hedge")
    return KEEP


_POSSIBLE_NOT_BEFORE = frozenset(
    [
        "as",
        "made",
        "make",
        "makes",
        "making",
        "all",
        "every",
        "maximum",
        "minimum",
        "best",
        "highest",
        "lowest",
        "greatest",
        "largest",
        "smallest",
        "if",
        "where",
        "wherever",
        "whenever",
        "when",
        "soon",
        "quickly",
    ]
)


def _possible(x: RuleInput) -> Verdict:
    prv, nxt = x.prev(), x.next()
    if x.tokens[x.i] == "possible":
        if prv in _POSSIBLE_NOT_BEFORE:
            return Verdict(False, note=f"'{prv} possible': not a hedge")
        if nxt in ("to", "for"):
            return Verdict(False, note=f"'possible {nxt}': ability, not a hedge")
        if prv.endswith("est") and len(prv) > 4 and prv not in ("honest", "modest"):
            return Verdict(False, note=f"'{prv} possible': a superlative's limit, not a hedge")
    elif x.tokens[x.i] == "possibilities":
        return Verdict(False, note="possibilities: options, not a hedge")
    return KEEP


def _appear(x: RuleInput) -> Verdict:
    nxt, prv = x.next(), x.prev()
    if nxt in ("to", "that") or prv in ("it", "would", "there") or nxt in ("likely", "unlikely"):
        return KEEP
    return Verdict(False, note=f"appear {nxt}: to be present or perform, not a hedge")


def _look_like(x: RuleInput) -> Verdict:
    for k in range(1, 6):  # "what he looks like", "what the new city will look like": an appearance, not a hedge
        if x.prev(k) in ("what", "how"):
            return Verdict(False, note=f"'{x.prev(k)} ... {x.tokens[x.i]} like': how it looks, not a hedge")
    return KEEP


_CLAUSE_OPENERS = frozenset(
    ["that", "to", "whether", "it", "this", "there", "he", "she", "they", "we", "i", "you", "if"]
)


def _that_to(x: RuleInput) -> Verdict:
    nxt = x.next()
    if nxt in _CLAUSE_OPENERS:
        return KEEP
    return Verdict(False, note=f"'{x.tokens[x.i]} {nxt}': no complement clause, not a hedge")


def _believe(x: RuleInput) -> Verdict:
    w, nxt = x.tokens[x.i], x.next()
    if w.startswith("belief"):
        return KEEP if nxt == "that" else Verdict(False, note=f"{w}: faith or conviction, not a hedge")
    if nxt == "in":
        return Verdict(False, note="believe in: faith, not a hedge")
    return KEEP


def _think(x: RuleInput) -> Verdict:
    nxt = x.next()
    if nxt in ("tank", "tanks", "about", "of", "twice", "through", "back", "ahead", "over", "hard", "outside", "big"):
        return Verdict(False, note=f"think {nxt}: not a hedge")
    return KEEP


_THOUGHT_NOUN_BEFORE = frozenset(
    [
        "of",
        "and",
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "some",
        "much",
        "any",
        "no",
        "second",
        "political",
        "legal",
        "scientific",
        "modern",
        "western",
        "religious",
        "islamic",
        "economic",
        "strategic",
        "military",
        "critical",
        "careful",
        "free",
        "deep",
        "serious",
    ]
)


#: determiners that open a noun phrase ("a frightening thought", "this troubling thought"); not "that" or "one",
#: which are also pronouns ("people that thought", "no one thought")
_THOUGHT_PHRASE_OPENERS = frozenset(
    ["a", "an", "the", "this", "another", "every", "each", "his", "her", "their", "its", "our", "my", "your"]
)
#: endings of the adjectives between such a determiner and the noun "thought": "sobering", "hopeful", "dangerous",
#: "comforting", "uncomfortable", "pointless". Not -al, -ic, -ive or -ary, which end persons who think too ("the
#: official thought", "the critic thought", "the representative thought", "the secretary thought")
_ADJECTIVE_ENDS = ("ing", "ful", "ous", "ble", "less", "ish")


def _thought(x: RuleInput) -> Verdict:
    prv, nxt = x.prev(), x.next()
    if prv in _THOUGHT_NOUN_BEFORE or prv.endswith(("'s", "’s")):
        return Verdict(False, note=f"'{prv} thought': the noun, not a hedge")
    if x.prev(2) in _THOUGHT_PHRASE_OPENERS and prv.endswith(_ADJECTIVE_ENDS) and len(prv) >= 7:  # not "the king"
        return Verdict(False, note=f"'{x.prev(2)} {prv} thought': the noun, not a hedge")
    if x.j >= x.hi or nxt in ("and", "or", "out", "leader", "leaders", "process", "experiment", "police"):
        return Verdict(False, note="thought: the noun, not a hedge")
    return KEEP


_CONSIDER_WEIGH = frozenset(
    [
        "the",
        "a",
        "an",
        "whether",
        "how",
        "what",
        "options",
        "using",
        "ways",
        "measures",
        "steps",
        "for",
        "in",
        "during",
        "at",
        "when",
        "separately",
        "carefully",
        "together",
        "seriously",
    ]
)


def _consider(x: RuleInput) -> Verdict:
    w, nxt = x.tokens[x.i], x.next()
    if nxt in _CONSIDER_WEIGH and not (w == "considered" and nxt in ("the", "a", "an")):
        return Verdict(False, note=f"{w} {nxt}: to weigh, not a hedge")
    if nxt.endswith("ing") and len(nxt) > 5:
        return Verdict(False, note=f"{w} {nxt}: to weigh a plan, not a hedge")
    return KEEP


def _regard(x: RuleInput) -> Verdict:
    prv = x.prev()
    if prv in ("with", "in", "this", "that", "as", "no", "without", "high", "little", "due", "kind", "best", "warm"):
        return Verdict(False, note=f"'{prv} {x.tokens[x.i]}': not 'regarded as', not a hedge")
    return KEEP


def _accused(x: RuleInput) -> Verdict:
    if x.prev() in ("the", "an", "a", "his", "her", "their", "co"):
        return Verdict(False, note="the accused: a defendant, not a hedge")
    return KEEP


#: words before "suspect(s)" that make it the noun (as do numbers and possessives): determiners and the adjectives
#: news puts before the person suspected ("the main suspect", "possible suspects", "the usual suspects", "terror
#: suspects"); after "be" it is the adjective ("the data would still be suspect"), doubt about a thing, not belief
_SUSPECT_NOUN_BEFORE = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "any",
        "no",
        "each",
        "every",
        "both",
        "another",
        "other",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "whose",
        "of",
        "for",
        "main",
        "prime",
        "chief",
        "key",
        "lead",
        "possible",
        "potential",
        "usual",
        "likely",
        "alleged",
        "only",
        "first",
        "second",
        "third",
        "fourth",
        "last",
        "additional",
        "new",
        "same",
        "more",
        "several",
        "younger",
        "older",
        "black",
        "white",
        "male",
        "female",
        "foreign",
        "armed",
        "unnamed",
        "unidentified",
        "unknown",
        "arrested",
        "accused",
        "terror",
        "terrorism",
        "attack",
        "murder",
        "criminal",
        "crime",
        "robbery",
        "burglary",
        "rape",
        "shooting",
        "bombing",
        "bomber",
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
    ]
)
#: words after "suspect(s)" that continue a noun phrase, never a verb's complement ("suspects in the attack",
#: "the suspect who", "black suspects than white suspects", "encouraging suspects to"); not "is" or "have", which
#: follow the verb when its object is a relative pronoun ("who they suspect is in the country illegally")
_SUSPECT_NOUN_AFTER = frozenset(
    [
        "in",
        "who",
        "whom",
        "whose",
        "and",
        "or",
        "than",
        "to",
        "from",
        "at",
        "with",
        "for",
        "no",
        "involved",
        "named",
        "identified",
        "arrested",
        "wanted",
        "fled",
    ]
)


def _suspect(x: RuleInput) -> Verdict:
    prv, nxt = x.prev(), x.next()
    if prv in _SUSPECT_NOUN_BEFORE or is_number(prv, x.words) or prv.endswith(("'s", "’s", "s'", "s’")):
        return Verdict(False, note=f"'{prv} {x.tokens[x.i]}': the noun, not a hedge")
    if x.j >= x.hi or nxt in _SUSPECT_NOUN_AFTER:
        return Verdict(False, note=f"'{x.tokens[x.i]} {nxt}': the noun, not a hedge")
    return KEEP


def _as_complement(x: RuleInput) -> Verdict:
    w, nxt = x.tokens[x.i], x.next()
    if nxt == "as" or (nxt == "to" and x.prev() not in ("with", "in", "a")) or (nxt == "that" and w == "view"):
        return KEEP
    return Verdict(False, note=f"'{w} {nxt}': not 'seen as' / 'regarded as', not a hedge")


_EXPECT_NOT_AFTER = frozenset(
    ["as", "than", "the", "a", "an", "its", "his", "her", "their", "our", "more", "less", "better", "worse", "un"]
)


def _expect(x: RuleInput) -> Verdict:
    w, prv = x.tokens[x.i], x.prev()
    if w.endswith(("tion", "tions")):
        return KEEP if x.next() == "that" else Verdict(False, note=f"{w}: not before a that-clause")
    if prv in _EXPECT_NOT_AFTER:
        return Verdict(False, note=f"'{prv} {w}': not a hedge")
    return KEEP


_IF_FORMULAIC = frozenset(["any", "not", "only", "necessary", "needed", "possible", "so", "ever", "anything"])


def _if(x: RuleInput) -> Verdict:
    prv, nxt = x.prev(), x.next()
    if prv == "as":
        return Verdict(False, note="as if: a comparison, not a condition")
    if nxt in _IF_FORMULAIC and (x.j + 1 >= x.hi or nxt in ("any", "not", "only", "necessary", "needed")):
        return Verdict(False, note=f"if {nxt}: a set phrase, not a condition")
    if (nxt == "and" and x.next(2) == "only") or (prv == "only" and x.prev(2) == "and" and x.prev(3) == "if"):
        return Verdict(False, note="if and only if: logic, not a hedge")
    asker = prv if prv in _OPEN_QUESTION_BEFORE else x.prev(2) if x.prev(2) in _OPEN_QUESTION_BEFORE else ""
    if asker and (asker == prv or prv in _OBJECT_PRONOUNS):
        return Verdict(True, "hedge/question", f"'{asker} … if': an open question, as with 'whether'")
    return KEEP


#: words after which "if" opens an indirect question ("asked if", "asked me if", "unclear if", "to see if")
_OPEN_QUESTION_BEFORE = frozenset(
    [
        "ask",
        "asks",
        "asked",
        "asking",
        "wonder",
        "wonders",
        "wondered",
        "wondering",
        "see",
        "know",
        "knew",
        "unclear",
        "unsure",
        "check",
        "checked",
        "decide",
        "decided",
        "determine",
        "determined",
        "question",
        "questioned",
    ]
)
_OBJECT_PRONOUNS = frozenset(["me", "him", "her", "us", "them", "you"])


_PREPOSITIONS = frozenset(["in", "by", "through", "for", "from", "on", "at", "with", "via", "under", "over", "as"])


def _whether(x: RuleInput) -> Verdict:
    nxt = x.next()
    if nxt in _PREPOSITIONS:
        return Verdict(False, note=f"whether {nxt} … or …: a list of alternatives, not an open question")
    prv = x.prev()
    if prv in ("on", "of") and x.prev(2) in _WHETHER_CONDITIONS:
        return Verdict(False, note=f"'{x.prev(2)} {prv} whether': a condition, not an open question")
    return KEEP


#: words before "on"/"of whether" that make it a condition rather than a question ("depending on whether",
#: "regardless of whether", "irrespective of whether")
_WHETHER_CONDITIONS = frozenset(["depending", "depends", "depend", "regardless", "irrespective"])


def _negatable(x: RuleInput) -> Verdict:
    neg = x.negated()
    if neg:
        return Verdict(True, "booster/negated_doubt", f"negated ('{neg}'): a booster")
    return KEEP


def _flip(x: RuleInput) -> Verdict:
    neg = x.negated()
    if neg:
        return Verdict(True, "hedge/negated_booster", f"negated ('{neg}'): a hedge")
    return KEEP


#: verbs before "sure that" that make it a task, not a certainty ("make sure that the laws can be enforced")
_ENSURE = frozenset(["make", "makes", "made", "making"])
#: words before "we know" that make it a question or a topic, not a certainty ("What do we know about the site?")
_ASKING = frozenset(["do", "did", "does", "what", "how", "if", "whether"])


def _sure(x: RuleInput) -> Verdict:
    if x.prev() in _ENSURE:
        return Verdict(False, note=f"'{x.prev()} sure that': a task (ensure), not a certainty")
    return _flip(x)


def _we_know(x: RuleInput) -> Verdict:
    if x.prev() in _ASKING:
        return Verdict(False, note=f"'{x.prev()} we know': a question or a topic, not a certainty")
    return _flip(x)


def _emphatic(x: RuleInput) -> Verdict:
    neg = x.negated()
    if neg:
        return Verdict(False, note=f"'{neg} … {x.tokens[x.i]}': a negated emphatic is no booster")
    return KEEP


def _must_have(x: RuleInput) -> Verdict:
    nxt = x.next()
    if nxt.endswith("ed") or nxt in _PARTICIPLE_IRREGULAR:
        return KEEP
    return Verdict(True, "prescription/deontic", "must have (obligation), not an inference")


def _have_to(x: RuleInput) -> Verdict:
    if x.tokens[x.i] in ("have", "has") and x.next() == "do" and x.next(2) == "with":
        return Verdict(False, note="has to do with: not a prescription")
    return KEEP


#: Before "prove", a task or a possibility rather than a finding ("must prove", "to prove", "could prove")
_PROVE_TASK = frozenset(
    ["to", "must", "can", "cannot", "can't", "can’t", "could", "would", "should", "will", "may", "might", "shall"]
)


def _prove(x: RuleInput) -> Verdict:
    """ "These numbers prove the law works" asserts; "prosecutors must prove intent", "unable to prove that",
    "to prove obstruction" and "it does not prove" set a task or deny a finding, and boost nothing."""
    prv = x.prev()
    if prv in _PROVE_TASK:
        return Verdict(False, note=f"'{prv} {x.tokens[x.i]}': a task, not a finding")
    neg = x.negated()
    if neg:
        return Verdict(False, note=f"negated ('{neg}'): no finding")
    return KEEP


#: Rule name → function.
RULES: dict[str, Callable[[RuleInput], Verdict]] = {
    "may": _may,
    "might": _might,
    "could": _could,
    "would": _would,
    "quantity": _quantity,
    "degree": _degree,
    "possible": _possible,
    "appear": _appear,
    "look_like": _look_like,
    "that_to": _that_to,
    "believe": _believe,
    "think": _think,
    "thought": _thought,
    "consider": _consider,
    "regard": _regard,
    "accused": _accused,
    "suspect": _suspect,
    "as_complement": _as_complement,
    "expect": _expect,
    "if": _if,
    "whether": _whether,
    "negatable": _negatable,
    "flip": _flip,
    "sure": _sure,
    "we_know": _we_know,
    "emphatic": _emphatic,
    "must_have": _must_have,
    "have_to": _have_to,
    "prove": _prove,
}
