"""Finding attributions: who is reported as saying, writing, finding or believing what.

An *attribution* (Pareti 2016; Newell et al. 2018) links a **cue** (a reporting
verb such as "said", or "according to"), a **source** (who speaks) and a
**content** (what is reported). The finder works from sparse anchors, never
from a loop over every word:

1. **Reporting verbs** (the ``reporting_verbs`` lexicon) are matched through
   the document's word index. For each hit the source is read next to the verb
   (:func:`~framing.analyzers.sourcing_speakers.np_before` for "Rizvi said",
   :func:`~framing.analyzers.sourcing_speakers.np_after` for "said Rizvi" and
   "according to a UN report"), skipping auxiliaries and adverbs ("has also
   said"), appositions ("Rizvi, a professor at LUMS, said") and relative
   pronouns ("Khan, who said"). Agentless passives ("it is believed", "is
   expected to") and adverbs ("reportedly") are attributions without a named
   source. The content is the adjacent quotation when there is one (before:
   "“...,” Rizvi said"; after: "Rizvi said: “...”", across sentences and
   paragraphs; around: "“...,” he said, “...”"), otherwise the rest of the
   sentence after the verb ("said that ...") or the clause before the source
   ("..., Rizvi said"). A verb inside the content of another attribution of
   the same sentence ("Trump said Clinton wants ...") is not counted again,
   unless a clause break separates them (", adding that ...", "...
   temperament, saying ..."): then the first content ends at the break. A
   participle or coordinated verb without a subject of its own takes the
   subject of the main clause ("Trump has promised ... while also
   suggesting"); a speech verb with no speaker at all is an attribution of
   an unidentified source unless it is a passive or a weak cue.
   Adjectives of mental state linked by a copula ("is confident that",
   "are wary of") are cues too. Verbs and adjectives of belief, feeling,
   intention and position make attributions of kind ``internal_state``
   (the source type is kept), so that ascribed states can be told from
   speech.
2. **Quotations** (the text model's paired marks, plus Penn-Treebank ``''``
   marks) that no verb claimed are attributed by position: a verb inside the
   closing mark ("... Rizvi told WE News”"), a speaker and a colon before them
   ("Rizvi points out:" / "Trump: “...”"), or the previous paragraph's quoted
   speaker (a quotation that goes on in the next paragraph). Quotations left
   without a speaker stay direct quotations with an unidentified source.
   A transcript turn ("FALLIN: I think ...") runs to the end of its
   paragraph, and the verbs inside it are what the speaker says.
   Unbalanced marks (closed by the text model at the end of their paragraph)
   are kept and flagged ``balanced=False``.
3. **References**: lines of a reference list (sentences of kind
   ``"reference"``) and in-text citations ("(Rizvi, 2019)", "[12]") are
   document sources.

Every attribution keeps character offsets for its cue, source and content.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from .. import cache_limits
from ..actors import Mention
from ..lexicons import Lexicon
from ..surnames import COMMON_WORD, given_name_before, given_name_sex, is_given_name, titles
from ..text import WORD_RE, Quote, TextModel
from ..vocab import FOR_OR_AGAINST, MONTHS, RARE_WORD, WEEKDAYS, english_frequencies
from .sourcing_match import CueMatcher, cue_info
from .sourcing_speakers import (
    _HEAD_PREPOSITIONS,
    _NAME_LINK_WORDS,
    _NOT_NAMES,
    _NOUNS_LY_ING,
    _PERSON_NOUN_ENDS,
    ABBREVIATED_TITLE,
    ABBREVIATED_TITLE_TAIL,
    ANONYMOUS,
    ARTICLES,
    DETERMINERS,
    DOCUMENT,
    NAMED,
    OFFICIAL,
    PARTY_LABEL,
    POSSESSIVE_ENDS,
    PRONOUNS,
    ROLE,
    SKIP_BEFORE_VERB,
    STOP,
    TIME_WORDS,
    TITLES,
    UNIDENTIFIED,
    Phrase,
    SpeakerTyper,
    _words,
    described_head,
    describes_source,
    full_name,
    head_end_of,
    modal_in_name,
    modal_opens_name,
    np_after,
    np_before,
)

__all__ = ["Attribution", "AttributionFinder"]

_BE = frozenset(_words("is are was were be been being am"))
_PARTICIPLE_IRREGULAR = frozenset(
    _words("said told thought known seen written shown found heard felt understood read meant spoken learned")
)
_QUOTE_CHARS = "\"“”‘’'«»„"
_COLON_OR_QUOTE = frozenset(":" + _QUOTE_CHARS)
_NOT_SPACE_OR_COMMA = re.compile(r"[^ ,\u00a0]")
_COMPLEMENTIZERS = frozenset(["that", "how", "why", "what", "whether", "if"])
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]—–\"“”«»]")
_CLAUSE_PUNCT_BEFORE = re.compile(r"[,;:(\[—–]")
_CITATION_RE = re.compile(
    r"\((?P<who>(?:[A-Z][\w’'\-]+|[A-Z]{2,})(?:\s+(?:et al\.?|and|&)\s*(?:[A-Z][\w’'\-]+)?)?),?\s+(?P<year>(?:1[89]|20)\d\d[a-z]?)"
    r"(?:[,:]\s*(?:p\.?\s*)?\d+(?:[–-]\d+)?)?(?:;[^()]{0,80})?\)"
    r"|\[(?P<num>\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]"
)
# what may stand between a reporting verb and the quotation it introduces
_W = r"[\w’'-]+(?:\.[\w’'-]+)*"  # a word, with inner periods ("U.S") but not a sentence's final one
#: a day or a month after a reporting verb ("reported on Wednesday the Secret Service had", "said Monday that"):
#: the filler is that word alone, not the two words after it too; and no filler runs past "that" ("said on Twitter
#: that he")
_WHEN = "|".join(sorted(w.capitalize() for w in WEEKDAYS | MONTHS))
_FILLER_RE = re.compile(
    rf"[\s,:;—–-]*(?:(?:(?:on|in|during|last|this)\s+)?(?:{_WHEN})\b(?:\s+(?:morning|afternoon|evening|night))?+\s+(?!(?:and|or|but)\b)(?=[\w“\"‘'])"
    rf"|(?:in|on|during|at|via|with)\s+(?:a|an|the|his|her|their|its)?\s*{_W}(?:\s+(?!that\b){_W}){{0,2}}"
    rf"[\s,:;—–-]*|to\s+(?:the\s+)?{_W}(?:\s+{_W})?\s*[,:]\s*)?(?:that\s*)?"
)
_REF_BULLET = re.compile(r"\s*(?:[-*•·▪◦–]|\(?\d{1,3}[.)]|\[\d{1,3}\])\s*")
_CLAUSE_BREAK_RE = re.compile(
    r"[,;:—–]\s*(?:(?:but|and|while|whereas|although|though|yet|so)\s+)?|\s(?:but|and|while|whereas)\s"
)
#: an English word less frequent than this (``framing.vocab.english_frequencies``) may be a name where it opens
#: a sentence ("obama" 244, "trump" 2,536, "bush" 7,853; "brown" 33,083 and "history" 111,505 are words), unless
#: it is shaped like an adjective, adverb or abstract noun ("periodic" 1,576, "repeated" 7,684, "tensions"
#: 2,199); below :data:`framing.vocab.RARE_WORD` it may be a name whatever its shape ("ahmed")
_UNCOMMON_WORD = 10_000
_NOT_NAME_ENDINGS = (
    "ed",
    "ly",
    "ic",
    "ous",
    "ive",
    "ful",
    "less",
    "able",
    "ible",
    "ion",
    "ions",
    "ity",
    "ment",
    "ness",
)


#: words of an amount or a change: "see" with one of them in its object tells what happened ("saw limited
#: activity", "saw a surge in cases"), not a view
_AMOUNT_WORDS = frozenset(
    _words(
        "limited record increase increases rise rises surge surges spike jump drop drops "
        "decline declines fall growth gain gains loss losses influx uptick boom slump percent"
    )
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
#: an English word at least this frequent is known as a word, whatever its shape ("secondly" 632; "buzzfeed" is
#: no English word, though it ends like "repeated")
_KNOWN_WORD = 100
#: connectives that open a sentence and are rare enough in English to pass for names
_CONNECTIVES = frozenset(
    _words("moreover furthermore nevertheless nonetheless hence thus therefore likewise otherwise besides regardless")
)


def _rare_enough(low: str) -> bool:
    """Whether a lower-cased word opening a sentence is rare enough in English to be taken for a name."""
    f = english_frequencies().get(low, 0)
    return f < RARE_WORD or (f < _UNCOMMON_WORD and not low.endswith(_NOT_NAME_ENDINGS))


def _inside_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is inside a sentence: a word, a comma or a closing mark comes before it on its
    line ("said Brown", '," Brown said'), not a sentence's end, an opening mark or a line break."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0:
        return False
    c = text[j]
    if c.isalnum() or c in ",;”’)":
        return True
    return c in "\"'" and j > 0 and text[j - 1] in ",!?"  # '"We will," Brown said': a closing straight quote


#: Capitalised words that open sentences without being names (checked when a speaker must be recognised).
_COMMON_OPENERS = frozenset(
    _words(
        "the a an this that these those it its there here but and or so yet if when while after before since as "
        "although though because however meanwhile in on at by for with from to of what who which why how some many "
        "most all both each one no not new other such more less"
    )
)
#: Plural nouns for people by what they do ("developers", "economists", "historians", "residents") or by
#: group ("Americans", "conservatives").
_PEOPLE_SUFFIXES = ("ers", "ors", "ists", "ians", "ans", "ants", "ees", "ites", "ives")
#: Words that end a phrase able to hold a belief: relative pronouns, shares of people, people in general.
_HOLDER_WORDS = frozenset(
    _words(
        "who which that percent % majority majorities plurality half third quarter those many most some others both "
        "all everyone everybody nobody anyone someone somebody men women team teams group groups members students "
        "whites blacks latinos hispanics millennials evangelicals catholics muslims jews independents moderates "
        "public electorate crowd audience base establishment"
    )
)
#: kinds of source noun that hold a finding with a prepositional phrase after them ("footage from the scene",
#: "officials in Kabul"); not a person's role ("the host of a radio show")
_HOLDER_KINDS = frozenset([DOCUMENT, OFFICIAL, ANONYMOUS])
#: Speech verbs whose subject is often a thing, not a speaker ("The figures highlight", "Aid adds").
_NEEDS_HOLDER = frozenset(
    _words(
        "highlight underscore indicate suggest reveal support back push present signal add echo reflect illustrate "
        "mean prove demonstrate note report"
    )
)
#: Speech verbs that make a vague attribution in an agentless passive ("it was reported", "is said to").
_AGENTLESS = frozenset(
    _words(
        "say report claim allege state announce confirm describe quote cite tell ask accuse call label brand dub term "
        "charge deny warn rumor rumour show find document record predict indicate suggest reveal"
    )
)
#: Verbs of belief and knowledge that make a vague attribution in an agentless passive ("it is believed").
#: verbs of perception that ascribe a view in the passive before "as" ("is seen as", "was viewed as")
_SEEN_AS = frozenset(_words("see view regard perceive"))
_EPISTEMIC = frozenset(
    _words(
        "believe think expect fear understand know consider suspect assume presume estimate predict project rumor "
        "rumour"
    )
)
_NOT_ADVERBS = frozenset(["family", "ally", "assembly", "rally", "italy", "july", "supply", "reply", "only"])
#: Verbs that take another verb with "to": "continues to insist", "plans to say", "declined to comment".
_MODALS = frozenset(_words("may might can could will would shall should must"))


def _base_form(tok: str) -> bool:
    """Whether a verb form can follow a modal: not a past form, a participle or a third person's ("said", "told",
    "says", "saying")."""
    return not (
        tok.endswith(("ed", "ing")) or tok in _PARTICIPLE_IRREGULAR or (tok.endswith("s") and not tok.endswith("ss"))
    )


#: verbs of aspect before an -ing form, whose subject is the -ing verb's ("they keep arguing", "began saying")
_GERUND_ASPECT = frozenset(
    _words("keep keeps kept start starts started begin begins began stop stops stopped resume resumes resumed quit")
)
_CATENATIVE = frozenset(
    _words(
        "continue continues continued want wants wanted plan plans planned refuse refuses refused decline declines declined "
        "try tries tried seem seems seemed appear appears appeared begin begins began start starts started going used "
        "expected likely hope hopes hoped intend intends intended decide decides decided agree agrees agreed promise "
        "promises promised threaten threatens threatened vow vows vowed went need needs needed have has had ought "
        "able unable willing ready set due yet go goes gone quick eager reluctant unwilling try trying attempt attempts "
        "attempted attempting seek seeks seeking sought fail fails failed manage manages managed choose chooses chose "
        "opted rushed moved wanting planning hoping refusing declining seem seems seemed appear appears appeared prepared "
        "preparing poised vowing pledging promising threatening expect expects expecting"
    )
)
_OBJECT_PRONOUNS = frozenset(["him", "her", "them", "us", "me"])
_FINITE = frozenset(
    _words(
        "is are was were will would can could should may might must has have had does did isn't aren't wasn't weren't"
    )
)
# a claim after a headline's colon has a verb, a pronoun, a quotation or ends in ? or !
_CLAIM_RE = re.compile(
    r"\b(?:is|are|was|were|be|been|will|won't|would|can|can't|could|should|must|may|might|has|have|had|do|does|did|"
    r"don't|doesn't|didn't|not|never|I|we|you|he|she|they|it|I'm|we're|it's|he's|she's|[A-Za-z]+(?:ed|es))\b|[\"“‘?!]"
    r"|’[st]\b",
    re.IGNORECASE,
)
#: Documents that report findings after "in" ("in a new poll", "in the survey").
_IN_DOCUMENTS = ("poll", "polls", "survey", "surveys", "study", "report", "analysis", "census", "tally", "audit")
_SPEECH_RE = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|you|You|my|My|our|Our|me|us)\b|\?")
_TWO_WORDS = re.compile(r"\w+\W+\w")
#: a speaker's signature after a quotation, on the rest of its line or alone on the next line (a blank line
#: between at most): a name of two to four capitalised words, then a comma and an outlet or a role, or nothing
_SIGNATURE_RE = re.compile(
    r"[ \t]*(?:\n[ \t]*){0,2}(?:[-—–][ \t]*)?"
    r"(?P<name>[A-Z][\w.’'\-]+(?:[ \t]+(?:[A-Z][\w.’'\-]+|de|van|von|al|bin|da|du|le|la)){1,3})"
    r"(?:,[ \t]*[A-Z][^\n]{1,70})?[ \t]*(?:\n|$)"
)
#: A speech verb with no speaker and no clause after it counts only when it is a reliable cue (lexicon weight).
_MIN_WEIGHT_ALONE = 0.3
#: Cue categories that ascribe a belief, feeling, intention or position rather than report speech.
_INTERNAL = frozenset(["cognition", "stance"])
#: Particles that make a verb of position or belief another verb ("back down", "sign up", "see off").
_PARTICLES = frozenset(_words("down up away out"))
#: words after a cue that needs a topic ("speak") that say what was spoken of ("spoke about", "spoke of",
#: "speaking against"), and words after "on" that do not ("spoke on Monday", "spoke on the phone", "spoke on
#: condition of anonymity")
_SPOKEN_OF = frozenset(_words("about of against regarding concerning favor favour"))
_SPEAK_SKIP = frozenset(_words("up again at length publicly openly directly frankly candidly today yesterday here"))
_ON_NOT_TOPIC = frozenset(_words("condition background record camera stage television tv radio air phone floor"))
#: Words after "plead" that make it a plea in court ("pleaded guilty", "pleads not guilty", "pleaded no contest")
_DEMONSTRATIVES = frozenset(_words("this these those"))
#: words that open a clause whose object the reporting verb's complement has left ("which Trump says is")
_EXTRACTION = frozenset(_words("which that what who whom where"))
#: conjunctions that open a clause after a comma (not "and" or "or", which also join the items of a list)
_CLAUSE_CONJUNCTIONS = frozenset(_words("but so yet while whereas"))
#: words that open the object of a verb run into a subject phrase: articles and demonstratives
_OBJECT_OPENERS = frozenset(ARTICLES) | _DEMONSTRATIVES
#: words after which an article stays inside a noun phrase ("Secretary of the Navy", "the head of a panel")
_PREPOSITIONS_BEFORE_ARTICLE = frozenset(_words("of for to in on at with from by"))
#: verbs whose participle after a clause with no speech in it says what the events show, not what anyone says
#: ("militants have infiltrated Pakistan, highlighting the porous border"; not "Trump said ..., highlighting ...")
_WHAT_EVENTS_SHOW = frozenset(_words("highlight underscore illustrate demonstrate reflect show indicate reveal"))
#: reflexive pronouns: after a verb of evidence ("found himself", "shows itself") they make no finding
_REFLEXIVES = frozenset(["himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself", "yourselves"])
_PLEAS = frozenset(_words("guilty not innocent no the"))
#: Time expressions between a subject and its verb ("on Tuesday", "last week", "this month").
_TIME_NOUNS = WEEKDAYS | frozenset(
    _words("week weekend month year night morning afternoon evening day summer fall spring winter")
)
_TIME_OPENERS = frozenset(_words("on last this earlier early late next that one"))
#: words before "that" that make it no relative pronoun ("so that", "now that", "such that")
_NOT_BEFORE_RELATIVE_THAT = frozenset(_words("so such now given except provided assuming"))
#: parts of a day after the day ("Thursday morning", "yesterday afternoon")
_DAY_PARTS = frozenset(_words("morning afternoon evening night"))
_DAYS = WEEKDAYS | frozenset(_words("yesterday tomorrow"))
#: prepositions that open a phrase of time, and words between one and its noun ("earlier in the day", "at the
#: same time", "later that week")
_TIME_PREPOSITIONS = frozenset(_words("in at during over within earlier later"))
_TIME_MODIFIERS = frozenset(_words("the same that this a whole entire previous following"))


def _time_phrase_start(text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], j: int) -> int:
    """Where a phrase of time ending at token ``j`` starts ("earlier in the day", "at the same time", "later that
    week"), or -1: a preposition of time, then only determiners and "same" before the noun."""
    i = j - 1
    while i >= 0 and toks[i] in _TIME_MODIFIERS and _soft(text[se[i] : ss[i + 1]]):
        i -= 1
    if i < 0 or toks[i] not in _TIME_PREPOSITIONS or i == j - 1 or not _soft(text[se[i] : ss[i + 1]]):
        return -1  # "in day" alone is no phrase of time; "the day" without a preposition may be a subject
    if i > 0 and toks[i - 1] in ("earlier", "later") and _soft(text[se[i - 1] : ss[i]]):
        i -= 1
    return i


#: Words that the scan for the end of a subject may skip (anything else right before a verb ends it at once).
#: words between a subject and its verb ("Trump had previously described", "Republicans are likely to hear")
_AFTER_NAME_BEFORE_VERB = (SKIP_BEFORE_VERB | _BE | _CATENATIVE | frozenset(["to"])) - frozenset(["and", "or", "but"])
#: verbs of saying that end a sentence after their subject, the sentence before them being what they report
_SAID = frozenset(_words("said says say added adds wrote writes told tells explained explains"))
#: the most words of a participle's clause that opens a sentence before its main clause's subject
_OPENING_SPAN = 30
#: words after a subject that are no verb: prepositions, conjunctions, relative pronouns
_NOT_A_VERB = frozenset(_words("of in on at for with from to into about by and or but nor who which that whose as"))
#: verbs of taking a side whose base form is mostly a noun: a verb only after a subject's word (``_takes_a_side``)
_SIDE_VERBS = frozenset(["support", "back"])
#: words after "support" or "back" that are no object of a side taken: "back" as an adverb ("friends back home",
#: "fought back hard") or "support" as a noun ("5 percent support of the black vote")
_NO_SIDE_OBJECT = frozenset(_words("home hard again away down of"))
_SIDE_ADVERBS = frozenset(_words("also not still even never always all both"))
_OBJECT_PRONOUNS = frozenset(_words("him her them it us me"))
_BEFORE_SIDE_VERB = _MODALS | frozenset(
    _words(
        "who did do does don't doesn't didn't won't wouldn't can't couldn't shouldn't don’t doesn’t didn’t won’t "
        "wouldn’t can’t couldn’t shouldn’t cannot they we i"
    )
)
#: words that open a clause, after which a noun phrase is a subject ("after a desperate HP asked")
_CLAUSE_OPENERS = frozenset(
    _words("and but or nor after before when while as because although though if since until once so yet then")
)
#: endings of an adjective before a name, which describes it ("a defiant Schumer", "a frustrated DeWine")
_ADJECTIVE_ENDINGS = ("ed", "ish", "ous", "ive", "ful", "less", "able", "ible", "est")
#: prepositions after which a place only says where the source before them is ("clinics in Texas")
_PLACE_PREPOSITIONS = frozenset(["in", "of", "from", "at"])
#: endings of a language's name, which follows "in" as a place's does ("in Spanish", "in Arabic", "in Chinese")
_LANGUAGE_ENDINGS = ("ish", "ese", "ic", "ian")
_SUBJECT_END_SPECIAL = SKIP_BEFORE_VERB | _BE | _CATENATIVE | _GERUND_ASPECT | _TIME_NOUNS | frozenset(["to", "time"])
#: words for a share of people, a subject in the singular that can take a plural verb ("a majority support"), also
#: as the end of a hyphenated number ("two-thirds", "three-quarters")
_SHARE_WORDS = frozenset(_words("majority minority half third thirds quarter quarters fifth fifths percent"))


def _share_of_people(t: str) -> bool:
    """Whether a phrase's last word is a share of people or people in general ("two-thirds", "most", "those")."""
    return t in _HOLDER_WORDS or _is_share(t)


def _is_share(t: str) -> bool:
    """Whether a token is a word for a share of people ("majority", "two-thirds", "three-quarters")."""
    return t in _SHARE_WORDS or ("-" in t and t.rsplit("-", 1)[1] in _SHARE_WORDS)


def _plural_subject(toks: Sequence[str], i: int) -> bool:
    """Whether token ``i``, just before a side verb's base form, ends a plural subject ("Democrats support",
    "three-quarters support", "a majority back"): a plural noun or a word for a share of people ("most", "many"),
    not a word of the stop list ("its", "this") nor a possessive ("voters' support"). The caller asks an object
    after the verb, which "with bipartisan support" or "the campaign's support staff" lack."""
    t = toks[i]
    if t in STOP or not t.replace("-", "").isalpha():
        return False
    if _is_share(t) or t in ("most", "many"):
        return True
    return t.endswith("s") and not t.endswith(("ss", "us", "is", "'s", "’s")) and len(t) > 3


#: Verbs that link a subject to an adjective of mental state ("is confident", "seemed eager", "grew wary").
_COPULAS = frozenset(
    _words(
        "is are was were am be been being remain remains remained seem seems seemed appear appears appeared feel "
        "feels felt become becomes became grow grows grew get gets got stay stays stayed sound sounds sounded "
        "he's she's it's they're we're i'm he’s she’s it’s they’re we’re i’m"
    )
)
#: Adverbs between a copula and its adjective ("is increasingly worried", "was not eager").
_STATE_ADVERBS = frozenset(
    _words(
        "not very so too more less most increasingly deeply clearly also still now equally fairly quite highly "
        "particularly extremely somewhat openly publicly firmly strongly fully well largely generally all both even "
        "already just really pretty rather far never always visibly notably especially sharply growing ever"
    )
)
#: What follows an adjective of mental state as its complement ("confident that", "eager to", "wary of").
_STATE_COMPLEMENTS = frozenset(_words("that to about of with over on for in toward towards at by whether if"))
_SUBJECT_PRONOUNS = frozenset(_words("he she they i we it you who"))
#: Prepositions and subordinators before a participle whose subject is the main clause's ("by telling", "while
#: suggesting", "after slamming").
_PARTICIPLE_LINKS = frozenset(
    _words("by while when whilst after before since without in as also of from for upon through despite besides")
)
#: Prepositions and determiners after which a participle modifies a noun ("with repeated calls", "despite
#: continued attacks", "these alleged crimes"); not "since" ("has since pleaded") nor the quantifiers that stand
#: for a subject ("Many described", "all urged")
_INTRO_PREPOSITIONS = frozenset(
    _words(
        "in on at by for with from into about over after before during under against among between through without "
        "within despite amid amidst including regarding toward towards upon across of"
    )
)
#: A preposition between "in" and a document noun: "in" opens another phrase ("in the wake of the report")
_OPENS_ANOTHER_PHRASE = _INTRO_PREPOSITIONS | frozenset(["to"])
#: "of" after these still names the document ("in one of the first polls", "in each of the surveys")
_PART_OF = frozenset(_words("one two three some many most several all each both either neither any none few"))
#: words of a part or a number before "of": the phrase after "of" is then the subject ("a number of members of
#: Congress echo", "the majority of the public views"), not a noun inside a prepositional phrase; the shares of
#: people ("majority", "two-thirds") are :data:`_SHARE_WORDS`
_QUANTITY_OF = _PART_OF | frozenset(_words("number share dozens hundreds thousands millions group lot lots"))
_DETERMINERS_BEFORE_NOUN = frozenset(
    _words("the a an his her their its our my your every each no such whose these those")
)
_BEFORE_NOUN = _INTRO_PREPOSITIONS | _DETERMINERS_BEFORE_NOUN
#: adverbs of degree before an adjective ("the most telling promise", "a more promising path")
_DEGREE = frozenset(_words("more most less least very so too"))
#: words whose "'s" is "is" or "has", not a possessive
_CONTRACTED = frozenset(_words("he she it that what who where there here let how when why"))
#: Words that open a sentence before its subject ("But", "And", "Meanwhile").
_SKIP_OPENERS = frozenset(_words("but and so yet still meanwhile instead then also now indeed however thus later")) | (
    _CONNECTIVES
)
#: Words that open an introductory phrase ended by a comma before the subject ("Since announcing ..., Mr. Biden").
_INTRO_SUBORDINATORS = frozenset(
    _words(
        "since after before when while whilst although though because if as in on at during with without despite "
        "following for by from until unlike like upon amid among speaking asked asking addressing responding"
    )
)
#: words before "to" and a reporting verb that tell why a source is not named, not what it said: "anonymity to
#: discuss", and after a negation "not authorized to speak"
_ANONYMITY_WORDS = frozenset(_words("anonymity anonymously"))
_LEAVE_WORDS = frozenset(_words("authorized authorised allowed permitted cleared"))
#: verbs whose object is made to act, so that "to" and a reporting verb after the object report what it said
_MADE_TO_ACT = frozenset(
    _words(
        "led lead leads leading prompted prompt prompts prompting forced force forces forcing compelled compel "
        "compels compelling spurred spur spurs spurring drove drive drives driving caused cause causes causing"
    )
)
#: a pronoun and a contracted verb, which open a clause ("it’s", "that's", "there’s")
_CONTRACTED_OPENER = re.compile(r"(?:it|that|this|there|here|what|he|she|they|we|you|i)['’]")
#: prepositions that make a source a member or a voice of the actor after them ("officials in Kabul", "a
#: spokesman for the ministry"), so that the actor speaks through it
_MEMBERSHIP = frozenset(_words("of for at in from inside within"))
#: words that may follow the source of an inverted reporting verb: "..., said Rizvi in an interview", "said a
#: senior official who ..."
_AFTER_INVERTED_SOURCE = frozenset(_words("who in on at during after"))
#: more of them right after a quotation ("“…,” said Cornyn with a laugh", "said Cornyn to reporters"), where the
#: verb cannot have an object ("Rizvi, an analyst, hailed Dunford as ..." names no speaker after the verb)
_AFTER_QUOTED_SOURCE = _AFTER_INVERTED_SOURCE | frozenset(_words("with to before when while"))
_TELL = frozenset(_words("tell inform assure reassure warn remind brief notify ask urge advise"))
#: quantifiers of a plural, after which a form in -s is a plural noun, not a verb that agrees with them ("Some
#: states began", "many claims were false"; the verb would be "some claim")
_PLURAL_QUANTIFIERS = frozenset(_words("some many several all these those most few various numerous"))
#: verbs whose noun after them is what they name or judge, never an inverted speaker ("called the Facebook group
#: “beyond sexist”", "labeled the plan a disaster")
_NAMING = frozenset(_words("call label dub brand term describe accuse blame praise thank"))


@dataclass(slots=True)
class Attribution:
    """One attribution; offsets are characters of the text model (``-1`` when absent)."""

    kind: str
    sentence_id: int
    cue: str = ""
    cue_start: int = -1
    cue_end: int = -1
    source: str = ""
    source_text: str = ""
    source_start: int = -1
    source_end: int = -1
    source_type: str = ""
    source_actor: str = ""
    content_start: int = -1
    content_end: int = -1
    loaded: bool = False
    direction: str = ""
    category: str = ""
    balanced: bool = True
    resolved: str = ""
    parts: int = 1

    def to_row(self) -> dict[str, Any]:
        """The attribution as a row of the ``attributions`` table (keys in field order)."""
        return {name: getattr(self, name) for name in _FIELDS}


_FIELDS = tuple(f.name for f in fields(Attribution))


@dataclass(slots=True)
class _Cue:
    """A reporting-verb hit in sentence ``s``: tokens ``[k, k2)`` of the sentence."""

    s: int
    k: int
    k2: int
    start: int
    end: int
    lemma: str
    frame: str
    category: str
    loaded: bool
    direction: str
    needs: str
    weight: float = 1.0
    noun: bool = False  # the form is also a common noun ("claims", "plan")
    coordinated: str = ""  # "," for ", adding that", "and" for "... and said"
    that: bool = False  # the content starts with "that"
    passive: bool = False  # a passive without an agent: "was referred to", "can be summed up"
    linked: bool = False  # an adjective linked to its holder by a copula: "is confident that"
    opening: int = -1  # "Citing concerns, officials closed ...": where the opening participle's clause ends


class AttributionFinder:
    """Compiled lexicons and options; :meth:`find` is pure.

    Args:
        verbs: the reporting-verb lexicon (``term``, ``category``, ``lemma``,
            ``frame``, ``loading``, ``direction``, ``needs`` columns).
        sources: the source-noun lexicon (``term``, ``category``, ``use``).
        nested: also count reporting verbs inside quotations (off: a speaker
            quoting someone else is the speaker's attribution).
        unattributed_quotes: keep quotations without any speaker as direct
            attributions with an unidentified source.
        min_quote_words: quotations shorter than this are scare quotes or
            titles unless a reporting verb introduces them.
    """

    def __init__(
        self,
        verbs: Lexicon,
        sources: Lexicon,
        nested: bool = False,
        unattributed_quotes: bool = True,
        min_quote_words: int = 4,
        person_actor_types: Sequence[str] = ("person", "individual"),
    ) -> None:
        self.verbs = verbs
        self.sources = sources
        self.nested = nested
        self.unattributed_quotes = unattributed_quotes
        self.min_quote_words = min_quote_words
        self.typer = SpeakerTyper(sources, person_actor_types)
        self.matcher = CueMatcher(verbs)
        n = max(1, min_quote_words)
        self.min_words_re = re.compile(r"\w+" + r"\W+\w+" * (n - 1))
        # source nouns that may govern a postmodifier ("officials at the ISPR"), and groups by their name
        # ("Democrats in Iowa", "Israelis in the north")
        self.heads = frozenset(
            w for w, cat in self.typer.common.items() if cat in (ANONYMOUS, OFFICIAL, DOCUMENT, ROLE)
        ) | frozenset(w for w, cat in self.typer.names.items() if cat == ANONYMOUS)

    def entry_info(self, e: Any) -> tuple[Any, ...]:
        """The cue fields of a lexicon entry (lemma, frame, category, loaded, direction, needs, weight, noun)."""
        return cue_info(e)

    # ------------------------------------------------------------------ main
    def find(
        self,
        model: TextModel,
        mentions: Sequence[Mention] = (),
        actor_types: Mapping[str, str] | None = None,
    ) -> list[Attribution]:
        """All attributions of a document, in text order."""
        doc = _Doc(self, model, mentions, actor_types or {})
        return doc.run()


def _opens_another_phrase(toks: list[str], a: int, b: int) -> bool:
    """Whether a preposition among ``toks[a:b]`` (the words between "in" and a document noun) opens another
    phrase, so that the noun is not what "in" introduces; "of" after a part ("one of the polls") does not."""
    for x in range(a, b):
        if toks[x] in _OPENS_ANOTHER_PHRASE and not (toks[x] == "of" and x > a and toks[x - 1] in _PART_OF):
            return True
    return False


class _Doc:
    """The working state of one document (kept out of the finder so that it stays stateless)."""

    def __init__(
        self, finder: AttributionFinder, model: TextModel, mentions: Sequence[Mention], actor_types: Mapping[str, str]
    ) -> None:
        self.f = finder
        self.m = model
        self.text = model.text
        self.mentions = sorted(mentions, key=lambda x: x.start)
        self._mention_starts = [x.start for x in self.mentions]
        self.actor_types = actor_types
        self.names: dict[str, str] = {}
        self.paras = model.paragraph_spans()
        self.quotes = self._quotes()
        self._qwords: dict[int, bool] = {}
        self._labels: dict[str, bool] = {}
        self._openers: dict[str, bool] = {}
        self._surnames: dict[str, str] | None = None
        self._trimmed: dict[str, tuple[list[re.Match[str]], tuple[str, ...], str]] = {}
        self._words_opening: dict[str, bool] = {}
        self._min_words_re = finder.min_words_re
        self._q_starts = [q.start for q in self.quotes]
        self.quote_used: dict[int, int] = {}  # quote index -> attribution index
        self._opened_by_participle: set[int] = set()  # sentences whose opening participle has its own speaker
        self.heads = finder.heads
        self._places = finder.typer.places
        self._source_names = finder.typer.names.keys()
        self._memo = finder.typer.memo
        self._classify = finder.typer.classify
        self.out: list[Attribution] = []

    # ------------------------------------------------------------------ quotes
    def _quotes(self) -> list[Quote]:
        """Top-level quotations, with ``''`` pairs when the text uses them for double quotes."""
        qs = [q for q in self.m.quotes if q.depth == 0]
        text = self.text
        if text.count("'") > 1 and "''" in text:  # the count first: one character is found by memchr
            qs = sorted(qs + _double_apostrophe_quotes(text, self.paras), key=lambda q: q.start)
        return qs

    def _opens_sentence(self, q: Quote) -> bool:
        """True when nothing but punctuation precedes the quotation in its sentence."""
        s = self.m.sentence_at(q.start)
        return s < 0 or not self.text[self.m.sent_starts[s] : q.start].strip(" \t\n\"“‘'(—–-:")

    def _next_para_end(self, s: int) -> int:
        """Where the paragraph after sentence ``s``'s paragraph ends (or the text's end)."""
        p = self.m.sent_para[s]
        return self.paras[p + 1][1] if p + 1 < len(self.paras) else len(self.text)

    def _substantial(self, q: Quote) -> bool:
        """True when a quotation has at least ``min_quote_words`` words (shorter ones are scare quotes)."""
        ok = self._qwords.get(q.start)
        if ok is None:
            ok = self._min_words_re.search(self.text, q.inner_start, q.inner_end) is not None
            self._qwords[q.start] = ok
        return ok

    def quote_at(self, pos: int) -> int:
        """Index of the substantial quotation enclosing ``pos`` (``-1`` if none)."""
        k = bisect.bisect_right(self._q_starts, pos) - 1
        while k >= 0:
            q = self.quotes[k]
            if q.start <= pos < q.end:
                return k if self._substantial(q) else -1
            if q.end <= pos and k < len(self.quotes) - 1:
                break
            k -= 1
        return -1

    def quote_ending_before(self, pos: int, lo: int) -> int:
        """A quotation that ends right before ``pos`` (only spaces and commas between), starting after ``lo``."""
        k = bisect.bisect_left(self._q_starts, pos) - 1
        while k >= 0:
            q = self.quotes[k]
            if q.end <= pos:
                if _NOT_SPACE_OR_COMMA.search(self.text, q.end, pos) is None and q.end > lo:
                    return k
                return -1
            k -= 1
        return -1

    def quote_starting_after(self, pos: int, hi: int) -> int:
        """A quotation that starts right after ``pos`` (punctuation, "that" or "in a statement" between), before ``hi``."""
        k = bisect.bisect_left(self._q_starts, pos)
        if k < len(self.quotes):
            q = self.quotes[k]
            if q.start < hi and _FILLER_RE.fullmatch(self.text, pos, q.start):
                return k
        return -1

    def _offsets(self, s: int) -> tuple[list[int], list[int]]:
        """Character starts and ends of the tokens of sentence ``s`` (two slices of the model's token offsets:
        no tuple per token, unlike ``TextModel.sentence_spans``)."""
        a, b = self.m.sent_tok[s], self.m.sent_tok[s + 1]
        return self.m.tok_starts[a:b], self.m.tok_ends[a:b]

    # ------------------------------------------------------------------ run
    def run(self) -> list[Attribution]:
        m = self.m
        st = m.sent_tok
        hits = self.f.matcher.hits(m)
        inquote: dict[int, list[_Cue]] = {}
        by_sent: dict[int, list[_Cue]] = {}
        tokens = m.tokens
        text = self.text
        quotes = self.quotes
        nested = self.f.nested
        # character offsets straight from the model's token offsets: the sentence's span list is built
        # only for the sentences whose cues are read (in _sentence)
        tok_starts, tok_ends = m.tok_starts, m.tok_ends
        s = -1
        s0 = s_end_tok = -1
        for start_tok, end_tok, info in hits:
            if start_tok >= s_end_tok:
                s = bisect.bisect_right(st, start_tok) - 1
                s0 = st[s]
                s_end_tok = st[s + 1]
            k = start_tok - s0
            if k > 0 and tokens[start_tok - 1] in ARTICLES:
                continue  # "the state", "no guarantee": a noun (checked before any other work)
            if (
                end_tok - start_tok == 1
                and tokens[start_tok].endswith(("ed", "ing"))
                and info[4] != "doubt"
                and self._before_noun(start_tok, k, s_end_tok)
            ):
                # "with repeated calls", "the TTP's continued presence", "the most telling promise": an adjective;
                # but "about alleged collusion" still ascribes a claim to someone
                continue
            start = tok_starts[start_tok]
            if (
                k > 0
                and text[start].isupper()
                and not _opens_clause(text, tok_ends[start_tok - 1], start)
                and not self._title_case(s)
            ):
                continue  # part of a name: "White House Press Secretary", "Fox News Sunday"
            cue = _Cue(s, k, end_tok - s0, start, tok_ends[end_tok - 1], *info)
            if quotes and not nested:
                qi = self.quote_at(start)
                if qi >= 0:
                    inquote.setdefault(qi, []).append(cue)
                    continue
            by_sent.setdefault(s, []).append(cue)
        for s in sorted(by_sent):
            self._sentence(s, by_sent[s])
        self._quotes_in_content()
        self._in_documents()
        self._headline_colons()
        self._leftover_quotes(inquote)
        self._references()
        self.out.sort(key=lambda a: (a.sentence_id, a.cue_start if a.cue_start >= 0 else a.content_start))
        self._resolve()
        for a in self.out:
            if a.category in _INTERNAL and a.kind in ("indirect", "document"):
                a.kind = "internal_state"  # "Trump wants ...", "Democrats are wary of ...": ascribed, not said
        return self.out

    def _before_noun(self, i: int, k: int, end: int) -> bool:
        """Whether the participle at token ``i`` (``k``-th of its sentence, which ends before token ``end``)
        modifies the noun after it: it opens the sentence or follows a preposition, a determiner, a possessive
        or an -ing verb ("Despite repeated requests", "showing continued adaptability") or an introductory phrase
        that opens with a preposition ("For Pakistan, continued cross-border attacks"), and a content word in
        lower case follows it after one space. After a subject it is a verb ("Pakistan repeated calls"). An
        adverb may stand between the determiner and the participle ("a politically charged visit", "Obama's
        highly criticized press conference"); an -ing form counts only after one ("the most telling promise";
        "Citing concerns" opens a clause)."""
        if i + 1 >= end:
            return False
        m, text, tokens = self.m, self.text, self.m.tokens
        nxt = tokens[i + 1]
        if (
            m.tok_starts[i + 1] - m.tok_ends[i] != 1
            or text[m.tok_ends[i]] not in " \n"  # one space, or the line break of hard-wrapped text
            or not text[m.tok_starts[i + 1]].islower()
            or nxt in STOP
            or nxt in PRONOUNS
            or nxt in _DETERMINERS_BEFORE_NOUN  # a verb's object: "Hezbollah's (has) strongly denounced the"
        ):
            return False
        prev = tokens[i - 1] if k > 0 else ""
        if (prev in _DEGREE or (prev.endswith("ly") and prev not in _NOUNS_LY_ING)) and k >= 2:
            # only after a determiner or a possessive: after a preposition the adverb modifies a verb ("after
            # strongly backing him", "by essentially telling progressives")
            before = tokens[i - 2]
            return (
                text[m.tok_ends[i - 2] : m.tok_starts[i - 1]] in (" ", "\n")
                and text[m.tok_ends[i - 1] : m.tok_starts[i]] in (" ", "\n")
                and (
                    before in _DETERMINERS_BEFORE_NOUN
                    or (before.endswith(("’s", "'s")) and before[:-2] not in _CONTRACTED)
                )
            )
        if tokens[i].endswith("ing"):
            return False
        if k == 0:
            return True
        gap = text[m.tok_ends[i - 1] : m.tok_starts[i]]
        if gap in (", ", ",\n"):
            # after an introductory phrase that opens the sentence with a preposition ("But for Pakistan, continued
            # attacks remain ..."); not after a subject ("Trump, speaking to reporters, repeated claims")
            s0 = i - k
            j = s0 + 1 if tokens[s0] in _SKIP_OPENERS and s0 + 1 < i else s0
            return tokens[j] in _INTRO_PREPOSITIONS and "," not in text[m.tok_starts[j] : m.tok_ends[i - 1]]
        if gap not in (" ", "\n"):
            return False
        if prev in _BEFORE_NOUN or prev.endswith("ing"):
            return True
        # a possessive ("the TTP's continued presence"), not a contraction ("he's maintained", "what's called")
        return prev.endswith(("’s", "'s")) and prev[:-2] not in _CONTRACTED

    def _quotes_in_content(self) -> None:
        """Quotations inside reported speech ("said the ruling was “a disgrace”") belong to that attribution."""
        if not self.quotes:
            return
        for i, a in enumerate(self.out):
            if a.content_start < 0 or a.kind == "direct":
                continue
            k = bisect.bisect_left(self._q_starts, a.content_start)
            while k < len(self.quotes) and self.quotes[k].start < a.content_end:
                if self.quotes[k].end <= a.content_end + 1:
                    self.quote_used.setdefault(k, i)
                k += 1

    # ------------------------------------------------------------------ verbs
    def _sentence(self, s: int, cues: list[_Cue]) -> None:
        m = self.m
        toks = m.tokens[m.sent_tok[s] : m.sent_tok[s + 1]]
        ss, se = self._offsets(s)
        found: list[tuple[_Cue, Attribution, tuple[int, ...]]] = []
        first: Attribution | None = None  # the first attribution of the sentence with a source
        for c in cues:
            a, qs = self._cue(s, toks, ss, se, c, first)
            if a is not None:
                found.append((c, a, qs))
                if first is None and a.source_start >= 0:
                    first = a
        if len(found) > 1:
            found = self._nested_in_sentence(found)
        used = self.quote_used
        out = self.out
        for _c, a, qs in found:
            if qs:
                if any(q in used for q in qs):
                    continue  # another verb of the sentence already introduced this quotation
                for q in qs:
                    used[q] = len(out)
            out.append(a)

    def _nested_in_sentence(
        self, found: list[tuple[_Cue, Attribution, tuple[int, ...]]]
    ) -> list[tuple[_Cue, Attribution, tuple[int, ...]]]:
        """A verb inside another attribution's content is part of what is reported, not a new attribution.

        "Trump said Clinton wants ...": "wants" is reported, not a second
        attribution. Exceptions: coordinated verbs (", adding that ...",
        "... and said ...") start a new attribution and end the previous
        one's content. When the outer content does not start with "that" and
        the inner verb is the more reliable cue (the lexicon's weight), the
        outer verb is the one dropped ("After being informed ..., police
        said, ...").
        """
        dropped: set[int] = set()
        for i, (c, a, _qs) in enumerate(found):
            for j, (c2, b, _q2) in enumerate(found):
                if i == j or j in dropped or b.content_start < 0 or not (b.content_start <= c.start < b.content_end):
                    continue
                if c.frame == "according" and c.start > b.cue_start and b.kind != "direct":
                    # "Trump said he was happy ..., according to The New York Times": the writer's source for the
                    # whole report, an attribution of its own around the other (PolNeAR annotates both); the
                    # reported words end before it
                    cut = c.start
                    while cut > b.content_start and self.text[cut - 1] in " ,;\n\u2014-":
                        cut -= 1
                    if cut > b.content_start:  # not when nothing but the phrase follows the verb
                        b.content_end = cut
                    continue
                if c2.frame == "adverb" and c.frame != "adverb":
                    # "Dahl reportedly told Rosenthal": Dahl told, and the writer knows it from an unnamed report;
                    # the telling is no content of the report that drops it
                    continue
                if c.start > b.cue_start and b.kind != "direct":
                    cut = self._clause_cut(b, c, a)
                    if cut > b.content_start:
                        b.content_end = cut
                        continue
                    lo = a.source_start if b.cue_end <= a.source_start < c.start else c.start
                    brk = _CLAUSE_PUNCT_BEFORE.search(self.text, b.cue_end, lo) if b.cue_end < lo else None
                    if brk is None and not c2.noun:
                        dropped.add(i)  # "Analysts say she is likely to argue ...": what is reported
                        break
                    if brk is not None and not c2.that:
                        # "Trump continued to question Cruz's temperament, saying ...": two attributions
                        last = brk.start()
                        for mt in _CLAUSE_PUNCT_BEFORE.finditer(self.text, brk.end(), lo):
                            last = mt.start()
                        if last > b.content_start:
                            b.content_end = last
                            while b.content_end > b.content_start and self.text[b.content_end - 1].isspace():
                                b.content_end -= 1
                            continue
                if not c2.that and (c.weight, c.start) > (c2.weight, c2.start) and a.source_start >= 0:
                    if c2.frame != "according":  # "According to GMA News, Salceda said ...": both, as above
                        dropped.add(j)
                    continue
                dropped.add(i)
                break
        return [f for i, f in enumerate(found) if i not in dropped]

    def _clause_cut(self, b: Attribution, c: _Cue, a: Attribution) -> int:
        """Where ``b``'s content ends when verb ``c`` starts a coordinated attribution ("..., but he said"); else -1."""
        text = self.text
        if c.coordinated:
            cut = text.rfind(",", b.content_start, c.start)
            if c.coordinated == "and":
                for word in (" and ", " but ", " yet ", " or "):
                    cut = max(cut, text.rfind(word, b.content_start, c.start))
            return cut
        if a.source_start > b.content_start:
            # the verb has its own subject, after a clause break: "..., but he said", "; officials said"
            seg = text[b.content_start : a.source_start]
            breaks = list(_CLAUSE_BREAK_RE.finditer(seg))
            if breaks and seg[breaks[-1].end() :].strip(" ,;:—–-").count(" ") <= 1:
                return b.content_start + breaks[-1].start()
        return -1

    def _cue(
        self,
        s: int,
        toks: Sequence[str],
        ss: Sequence[int],
        se: Sequence[int],
        c: _Cue,
        prev: Attribution | None = None,
    ) -> tuple[Attribution | None, tuple[int, ...]]:
        """The attribution a reporting verb opens, and the quotations it claims as content."""
        none: tuple[Attribution | None, tuple[int, ...]] = (None, ())
        text = self.text
        n = len(toks)
        s_start, s_end = self.m.sent_starts[s], self.m.sent_ends[s]
        if c.frame == "according":
            ph = np_after(text, toks, ss, se, c.k2, n, objects=True)
            if ph is None:
                return none
            if ph.b - ph.a > 1 and toks[ph.b - 1].endswith("ed") and text[ss[ph.b - 1]].islower():
                # "according to assessments cited in government reporting", "documents obtained by": the
                # participle modifies the source, it is no part of it
                ph = Phrase(ph.a, ph.b - 1, ph.start, se[ph.b - 2])
            a = self._new(c)
            a.kind = "according_to"
            self._set_source(a, toks, ss, se, ph)
            self._content_around(a, s_start, s_end, c.start, ph.end)
            qi = self.quote_at(a.content_start) if a.content_start >= 0 else -1
            if qi >= 0:
                a.kind = "direct"
                return a, (qi,)
            return a, ()
        k, k2 = c.k, c.k2
        if (
            k2 < n
            and toks[k2] in _FINITE
            and _soft(text[se[k2 - 1] : ss[k2]])
            and not modal_opens_name(text, toks, ss, k2, n)
            and not (k > 0 and toks[k - 1] in _SUBJECT_PRONOUNS and not c.noun)
            and not (not c.noun and not _EXTRACTION.isdisjoint(toks[max(0, k - 5) : k]))
        ):
            # "Security challenges are mounting": the word is the subject, a noun; but "which he said was", "what
            # many analysts said was" and "a missile that experts say may reach" are a verb, its object extracted
            return none
        if c.needs == "to" and (k2 >= n or toks[k2] != "to"):
            return none  # "declined to comment", not "attacks declined by 22 percent"
        if k2 < n and ((c.category in _INTERNAL and toks[k2] in _PARTICLES) or toks[k2] == "shut"):
            return none  # "backed down", "signed up", "pushing up prices", "slammed shut the border": another verb
        if describes_source(toks, k) and not (k > 0 and toks[k - 1] in _BE):
            return none  # "officials briefed on the talks said", "who spoke on condition of anonymity"
        if k >= 2 and toks[k - 1] == "to" and self._unauthorised(toks, k - 2):
            return none  # "(on condition of) anonymity to discuss", "was not authorized to speak": no report
        if c.lemma == "see" and not c.noun and not self._sees_as(toks, ss, se, c, n):
            return none  # "Sindh saw limited activity", "the city saw a surge": what happened there, not a view
        if toks[k] == "speaking" and k > 0 and toks[k - 1].endswith("ly") and text.startswith(",", se[k]):
            return none  # "Technically speaking, ...", "Militarily speaking, ...": a sentence adverb
        if c.needs == "topic" and not self._tells_topic(toks, ss, se, c, n):
            return none  # "spoke at a rally", "spoke for 77 minutes", "speak the language": no words reported
        if k2 < n and toks[k2] in _REFLEXIVES and c.category == "evidence":
            return none  # "found himself embroiled", "has found itself at the center of": a plight, not a finding
        if c.lemma == "think" and k2 < n and toks[k2] in ("tank", "tanks"):
            return none  # "the center-left think tank Third Way": a noun
        if c.lemma == "assume" and _takes_on(toks, k2, n):
            return none  # "assumed the role of attack dog", "assume office": taking on, not supposing
        if c.lemma == "plead" and k2 < n and toks[k2] in _PLEAS:
            return none  # "pleaded guilty to lying": a plea in court, not a statement reported
        if (
            k > 0
            and (
                toks[k - 1] in ARTICLES
                or toks[k - 1] == "any"
                or (toks[k - 1] in _DEMONSTRATIVES and toks[k].endswith("ing"))
                or (c.noun and toks[k - 1] in _PLURAL_QUANTIFIERS and toks[k].endswith("s"))
            )
            and _soft(text[se[k - 1] : c.start])
        ):
            return none  # "no guarantee", "his claims", "any hint", "in this telling": a noun
        source, inverted, agentless = self._speaker(text, toks, ss, se, c, n)
        if (
            c.noun
            and source is not None
            and not inverted
            and source.b == k
            and toks[k].endswith("ing")
            and not (k2 < n and (toks[k2] in _COMPLEMENTIZERS or toks[k2] in PRONOUNS) and _soft(text[se[k] : ss[k2]]))
        ):
            # "state backing", "a court ruling": a noun, not a reported act; but "with 30 percent of voters saying
            # they ...", "officials saying that ...": a participle with its clause
            return none
        if (
            c.noun
            and source is not None
            and not inverted
            and source.b == k
            and _after_preposition(text, toks, ss, se, source.a)
            and not _QUOTE_OR_COLON_AFTER.match(text, c.end)
        ):
            return none  # "through purely military measures", "with government reports": a noun in a phrase
        inherited = False
        if source is None and not agentless and (c.frame != "state" or toks[c.k].endswith("ed")):
            c.coordinated = self._coordination(text, toks, ss, se, c)
            if c.coordinated in (",", "by") and c.noun:
                c.noun = False  # ", saying that …", "by backing …": a participle, not the noun ("a saying")
            if c.coordinated and prev is None and not c.noun:
                # "The Security Council met on Friday and pledged ...": the subject that opens the sentence
                source = self._main_subject(text, toks, ss, se, c.k)
                if (
                    source is not None
                    and c.coordinated == ","
                    and c.lemma in _WHAT_EVENTS_SHOW
                    and not text[ss[source.b - 1]].isupper()
                ):
                    # "militants have infiltrated Pakistan, highlighting the porous border": what the events show,
                    # not what the militants say (but "Trump spoke in Ohio, highlighting his record")
                    return none
            elif c.coordinated and prev is not None and prev.source_start >= 0:
                inherited = True
        if source is None and not agentless and not inherited and c.needs in ("source", "both"):
            return none
        if (
            source is not None
            and not inverted
            and (c.category in ("cognition", "evidence") or c.lemma in _NEEDS_HOLDER)
            and not self._holder(toks, ss, se, source)
        ):
            return none  # "These attacks underscore ...", "That assumption proved ...": no one holds or says it
        # the attribution (with its source typed) is made only once the cue is kept: the checks below
        # read the source phrase, never the attribution
        # the content: an adjacent quotation first
        lo = ss[source.a] if source is not None and not inverted else c.start
        quotes = self.quotes
        if quotes:
            after = source.end if inverted and source is not None else self._after_cue(toks, ss, se, c, n)
            q_starts = self._q_starts
            # a quotation that ends right before (only spaces and commas between)
            qb = -1
            i = bisect.bisect_left(q_starts, lo) - 1
            while i >= 0:
                q = quotes[i]
                if q.end <= lo:
                    if _NOT_SPACE_OR_COMMA.search(text, q.end, lo) is None:
                        qb = i
                    break
                i -= 1
            if qb >= 0 and not self._substantial(quotes[qb]) and not self._opens_sentence(quotes[qb]):
                qb = (
                    -1
                )  # a scare quote inside the sentence ("labelling it a “hell on earth,” the US ..."), not a quotation
            # a quotation that starts right after (punctuation, "that" or "in a statement" between), in this
            # paragraph or the next
            qa = -1
            i = bisect.bisect_left(q_starts, after)
            if i < len(quotes):
                q = quotes[i]
                p = self.m.sent_para[s] + 1
                if q.start < (self.paras[p][1] if p < len(self.paras) else len(text)) and _FILLER_RE.fullmatch(
                    text, after, q.start
                ):
                    qa = i
                    if q.start >= s_end and text[:s_end].rstrip()[-1:] not in ":,—–-":
                        qa = -1  # a quotation in the next sentence belongs to it, unless a colon introduces it
            if qb >= 0:
                a = self._opened(c, toks, ss, se, source, inherited, prev)
                if qa >= 0 and quotes[qa].start < s_end + 2:
                    self._direct(a, quotes[qb], quotes[qa])
                    return a, (qb, qa)
                self._direct(a, quotes[qb], quotes[qb])
                return a, (qb,)
            if qa >= 0:
                a = self._opened(c, toks, ss, se, source, inherited, prev)
                self._direct(a, quotes[qa], quotes[qa])
                return a, (qa,)
        if k2 >= n:
            complement = False
        else:
            gap = text[se[k2 - 1] : ss[k2]]
            nxt = toks[k2]
            complement = (
                (gap != " " and not _COLON_OR_QUOTE.isdisjoint(gap)) or nxt in _COMPLEMENTIZERS or nxt in PRONOUNS
            )
        if c.frame == "state" and (c.linked or source is None):
            if (
                c.k2 >= n
                or toks[c.k2] not in _STATE_COMPLEMENTS
                or source is None
                or not self._holder(toks, ss, se, source)
            ):
                return none  # "a confident leader", "is happy": a state with no object or no one in it
            complement = True
        if (
            c.needs in ("content", "both")
            and not complement
            and not self._takes_a_side(toks, c, text[c.end : ss[c.k2]] if c.k2 < n else "")
        ):
            return none
        clause_after = complement and c.k2 < n and toks[c.k2] not in ("that", "which", "who")
        if (
            c.noun
            and not inherited
            and not clause_after
            and not self._recognised(toks, ss, se, source)
            and not (c.lemma in _SIDE_VERBS and source is not None and _share_of_people(toks[source.b - 1]))
        ):
            return none  # "the tax plan", "the appeals court ruling": a noun, not a verb ("a majority support": a verb)
        if (
            source is None
            and not agentless
            and not inherited
            and (
                c.category != "speech"
                or c.lemma in _NEEDS_HOLDER
                or c.passive
                or (not complement and c.weight < _MIN_WEIGHT_ALONE)
            )
        ):
            return none  # a verb with no speaker found counts only as speech that reports a clause
        a = self._opened(c, toks, ss, se, source, inherited, prev)
        # reported speech: the rest of the sentence, or the clause before the speaker
        if inverted or (source is None and not agentless and not inherited):
            self._content_span(a, s_start, self._clause_end_before(c.start, s_start))
        else:
            start = self._content_start(toks, ss, se, c, n)
            end = c.opening if c.opening >= 0 else s_end
            if _TWO_WORDS.search(text, start, end):
                self._content_span(a, start, end)
            elif lo > s_start and s not in self._opened_by_participle:
                # the clause before the speaker ("..., Trump said"), unless it is a participle's of its own ("Noting
                # that the vote was close, Trump urged calm")
                self._content_span(a, s_start, self._clause_end_before(lo, s_start))
            elif text[c.end : s_end].rstrip().endswith(":") and s + 1 < self.m.n_sentences:
                self._content_span(a, self.m.sent_starts[s + 1], self.m.sent_ends[s + 1])
        return a, ()

    def _opened(
        self,
        c: _Cue,
        toks: Sequence[str],
        ss: Sequence[int],
        se: Sequence[int],
        source: Phrase | None,
        inherited: bool,
        prev: Attribution | None,
    ) -> Attribution:
        """The attribution of a kept cue, with its source: the phrase found, the previous attribution's
        (a coordinated verb), or none (an anonymous attribution)."""
        a = self._new(c)
        if inherited and prev is not None:
            for key in ("source", "source_text", "source_start", "source_end", "source_type", "source_actor"):
                setattr(a, key, getattr(prev, key))
            a.kind = prev.kind if prev.kind in ("indirect", "document") else "indirect"
            a.resolved = "coordinated verb"
        elif source is not None:
            self._set_source(a, toks, ss, se, source)
        else:
            a.source_type = ANONYMOUS
            a.kind = "anonymous"
        return a

    @staticmethod
    def _new(c: _Cue) -> Attribution:
        """An attribution opened by cue ``c`` (indirect until its source and content say otherwise)."""
        return Attribution(
            kind="indirect",
            sentence_id=c.s,
            cue=c.lemma,
            cue_start=c.start,
            cue_end=c.end,
            loaded=c.loaded,
            direction=c.direction,
            category=c.category,
        )

    def _speaker(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue, n: int
    ) -> tuple[Phrase | None, bool, bool]:
        """``(source phrase, inverted, agentless)`` for a reporting verb."""
        if c.frame == "adverb":
            return None, False, True
        if c.frame == "state":
            ph = self._state_holder(text, toks, ss, se, c)
            if ph is not None or not toks[c.k].endswith("ed"):
                c.linked = ph is not None
                return ph, False, False
            # "Trump worried that ...": a participle used as a verb
        k = c.k
        j = k - 1
        if j >= 0 and toks[j] in _MODALS and text[ss[j]].isupper() and not _base_form(toks[k]):
            return Phrase(j, k, ss[j], se[j]), False, False  # "May said", "Will told": a name, not a modal
        if j >= 0:
            t = toks[j]
            if t in _SUBJECT_END_SPECIAL or t.endswith("ly") or text[se[j] : ss[k]] != " ":
                j = self._subject_end(text, toks, ss, se, k)  # the plain case ("Rizvi said") needs no scan
        if j > 0 and toks[j] == "to":
            made = self._made_to(text, toks, ss, se, j)
            if made is not None:
                return made, False, False  # "led House Speaker Paul Ryan to say"
        if (
            j >= 0
            and toks[j] in ("it's", "it’s")
            and (c.lemma in _AGENTLESS or c.lemma in _EPISTEMIC)
            and _participle(toks[c.k])
            and _soft(text[se[j] : ss[j + 1]])
        ):
            return None, False, True  # "It’s widely believed that ...": "it is", a view with no holder
        if j >= 0 and toks[j] in _BE and _soft(text[se[j] : ss[j + 1]]) and _participle(toks[c.k]):
            # a passive: "was told by X", or agentless "it is believed", "is expected to"
            if c.k2 + 1 < n and toks[c.k2] == "by":
                ph = self._by_agent(text, toks, ss, se, c.k2, n, _NOT_AGENTS_AFTER_BE)
                if ph is not None:
                    return ph, True, False
            if (
                c.lemma in _AGENTLESS
                or c.lemma in _EPISTEMIC
                or (c.lemma in _SEEN_AS and toks[c.k2 : c.k2 + 1] == ["as"])
            ):
                # "it is believed", "is expected to", "is widely seen as a Clinton stronghold": a view with no holder
                return None, False, True
            c.passive = True
            return None, False, False  # "cannot be viewed in isolation": a passive, not a vague attribution
        gap = text[se[j] : ss[j + 1]] if j >= 0 else ""
        if j < 0 or "," in gap:  # a participle may open its clause: "…, rejected by", "Criticized by …"
            agent = self._reduced_passive_agent(text, toks, ss, se, c, n)
            if agent is not None:
                return agent, True, False
        if j < 0:
            # sentence-initial verb: inverted only after a quotation ("“...,” said Rizvi")
            opener = text[self.m.sent_starts[c.s] : c.start]
            inv = self._inverted(text, toks, ss, se, c, n) if any(q in opener for q in _QUOTE_CHARS) else None
            if inv is None and toks[k].endswith("ing") and not opener.strip():
                subject = self._subject_after_opening(text, toks, ss, se, c, n)
                if subject is not None:
                    return subject, False, False
            return inv, inv is not None, False
        if gap.strip().endswith(")"):
            # "Paul D. Ryan (R-Wis.) said": the phrase before the parenthesis
            jj = _before_parenthesis(text, ss, se, j, self.m.sent_starts[c.s])
            if jj >= 0:
                ph = np_before(text, toks, ss, se, jj)
                if ph is not None:
                    return ph, False, False
        if _soft(gap):
            if (
                toks[j] == "that"
                and j == k - 1
                and j > 0
                and text[ss[j - 1]].islower()
                and _soft(text[se[j - 1] : ss[j]])
            ):
                # "a letter to Congress that said", "polls that show": "that" is the relative pronoun of a document
                # or of people before it (not "so that", "such that", "said that", "now that")
                ante = self._antecedent(toks, ss, se, j)
                if (
                    ante is not None
                    and toks[j - 1] not in _NOT_BEFORE_RELATIVE_THAT
                    and self.f.typer.common.get(toks[ante.b - 1]) is not None
                ):
                    return ante, False, False
            ph = np_before(text, toks, ss, se, j, heads=self.heads)
            if ph is not None and toks[ph.a] in ("who", "which") and ph.b - ph.a == 1:
                ph = self._antecedent(toks, ss, se, ph.a)
                # "Democrats in Wisconsin who challenged", not "pressure from Iran, which feared"
                if ph is not None and ph.a > 0 and toks[ph.a - 1] == "in" and text[se[ph.b - 1]] == " ":
                    ph = self._with_place_before(text, toks, ss, se, ph)
            elif ph is not None:
                ph = self._with_place_before(text, toks, ss, se, ph)
                if not c.noun:  # "the original Sanders demand": a noun's modifier
                    ph = self._name_after_object(text, toks, ss, se, ph, c.k)
            if ph is not None:
                return ph, False, False
            return None, False, False
        inv = self._inverted(text, toks, ss, se, c, n)
        if inv is not None:
            return inv, True, False
        if "," in gap and not any(q in gap for q in _QUOTE_CHARS) and not toks[k].endswith("ing"):
            # (a participle after a comma takes its clause's subject: "... have rejected the plan, saying")
            ph = self._apposed(text, toks, ss, se, j)
            return (ph if ph is not None and self._recognised(toks, ss, se, ph) else None), False, False
        return None, False, False

    def _name_after_object(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase, k_cue: int
    ) -> Phrase:
        """A source phrase that ends in a name right after a common noun in an object's place ("It's the war Trump
        knows he can use", "was a deal Netanyahu publicly condemned", "using a term Rubio has used"): the noun is
        the object of a relative clause without "that", and the name alone is who speaks. The determiner must
        follow a verb or a preposition (not open the sentence or a clause, where "a defiant Schumer said", "after a
        desperate HP asked" describe the name), one or two plain words in lower case stand between it and the name,
        and the last of them is no person's noun, title, source noun or adjective ("the philosopher Thomas Kuhn")."""
        a = ph.a
        if toks[a] not in _OBJECT_OPENERS or a == 0 or text[se[a - 1] : ss[a]] != " ":
            return ph
        before = toks[a - 1]
        contracted = before.endswith(("’s", "'s")) and before[:-2] in _CONTRACTED  # "It's the war Trump knows"
        if before in _CLAUSE_OPENERS or not (contracted or (before.isalpha() and not text[ss[a - 1]].isupper())):
            return ph
        if any(t not in _AFTER_NAME_BEFORE_VERB and not t.endswith("ly") for t in toks[ph.b : k_cue]):
            return ph  # the name is the verb's subject: "the kind Trump had previously described"
        k = ph.b - 1
        if not text[ss[k]].isupper():
            return ph
        while k - 1 > a and text[ss[k - 1]].isupper():
            k -= 1
        if not 1 <= k - a - 1 <= 2:
            return ph
        for i in range(a + 1, k):
            t = toks[i]
            if not t.isalpha() or t in _NAME_LINK_WORDS or t in _HEAD_PREPOSITIONS or t in DETERMINERS:
                return ph
            if text[ss[i]].isupper() or t.endswith(POSSESSIVE_ENDS):
                return ph
        w = toks[k - 1]
        if (
            w in TITLES
            or w in self.heads
            or (w.endswith(_PERSON_NOUN_ENDS) and not w.endswith("ment"))
            or w.endswith(_ADJECTIVE_ENDINGS)
        ):
            return ph
        return Phrase(k, ph.b, ss[k], ph.end)

    def _subject_after_opening(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue, n: int
    ) -> Phrase | None:
        """The subject of the main clause after a participle that opens the sentence, who speaks it: "Citing
        concerns about safety, officials closed the road", "Arguing that the law was unconstitutional, the state
        sued". The participle's clause ends at the first comma (within :data:`_OPENING_SPAN` words); the subject is
        a recognised speaker right after it, followed by a word in lower case (its verb). Sets ``c.opening``."""
        for m in range(c.k2 + 1, min(n, c.k2 + _OPENING_SPAN)):
            gap = text[se[m - 1] : ss[m]]
            if any(q in gap for q in _QUOTE_CHARS) or ";" in gap or ":" in gap:
                return None
            if "," not in gap:
                continue
            # the subject: a pronoun, or determiners, names and source nouns up to the verb
            b = m + 1
            if toks[m] not in PRONOUNS:
                b = m
                while (
                    b < n and b - m < 8 and (text[ss[b]].isupper() or toks[b] in DETERMINERS or toks[b] in self.heads)
                ):
                    if b > m and text[se[b - 1] : ss[b]] != " " and not _soft(text[se[b - 1] : ss[b]]):
                        break
                    b += 1
            if (
                b == m
                or b >= n
                or text[se[b - 1] : ss[b]] != " "
                or not text[ss[b]].islower()
                or toks[b] in _NOT_A_VERB
            ):
                return None
            if toks[b] in _SAID and (b + 1 >= n or (b + 2 >= n and toks[b + 1] in TIME_WORDS)):
                return None  # "Seeing his brother suffering led him to avoid alcohol, he said.": all of it reported
            ph = Phrase(m, b, ss[m], se[b - 1])
            if not self._recognised(toks, ss, se, ph):
                return None
            c.opening = se[m - 1]
            self._opened_by_participle.add(c.s)
            return ph
        return None

    @staticmethod
    def _takes_a_side(toks: Sequence[str], c: _Cue, gap_after: str) -> bool:
        """Whether "support" or "back" in its base form is a verb with its object, as its subject's stance: after
        a relative pronoun, a modal or an auxiliary, or a subject pronoun ("respondents who support Sanders",
        "donors couldn't support", "Trump did support the idea", "they strongly back him"), with adverbs between.
        Elsewhere the form is mostly a noun ("support for", "48% support in Florida"), and the lexicon asks a
        clause after it."""
        if c.lemma not in _SIDE_VERBS or toks[c.k] != c.lemma or c.k2 >= len(toks):
            return False
        nxt = toks[c.k2]
        if not (
            nxt in _OBJECT_PRONOUNS
            or (nxt.isalpha() and nxt not in STOP and nxt not in _NO_SIDE_OBJECT and not nxt.endswith("ly"))
        ):
            return False  # "back off", "back then", "back home", "support for", "support nationally": no object
        if gap_after != " ":
            return False  # "Trump received 38 percent support, Johnson 3 percent": the clause ends at the verb
        i = c.k - 1
        while i >= 0 and (toks[i] in _SIDE_ADVERBS or (toks[i].endswith("ly") and toks[i] not in _NOUNS_LY_ING)):
            i -= 1
        if i < 0:
            return False
        if toks[i] in _BEFORE_SIDE_VERB:
            # not a question to the reader: "Do you support Donald Trump? Like the page"
            return not (i + 1 < c.k and toks[i + 1] == "you")
        return _plural_subject(toks, i) or (toks[i] == "to" and i > 0 and toks[i - 1] == "used")

    @staticmethod
    def _unauthorised(toks: Sequence[str], i: int) -> bool:
        """Whether token ``i`` (before "to" and a reporting verb) says why a source is not named: "anonymity",
        or "authorized" after a negation ("was not authorized", "wasn't allowed")."""
        t = toks[i]
        if t in _ANONYMITY_WORDS:
            return True
        if t not in _LEAVE_WORDS or i == 0:
            return False
        before = toks[i - 1]
        return before in ("not", "never") or before.endswith(("n't", "n’t"))

    def _reduced_passive_agent(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue, n: int
    ) -> Phrase | None:
        """The agent of a participle that opens its clause without a "be" (the caller checks that a comma or the
        sentence's start comes before it): "…, rejected both by lawmakers and by ministers", "Criticized by
        Democrats, the plan …". Not a means ("said by phone", "announced by video")."""
        if not _participle(toks[c.k]):
            return None
        b = c.k2
        if b < n and (toks[b] in _AGENT_ADVERBS or toks[b].endswith("ly")) and _soft(text[se[b - 1] : ss[b]]):
            b += 1
        if b + 1 >= n or toks[b] != "by" or not _soft(text[se[b - 1] : ss[b]]):
            return None
        return self._by_agent(text, toks, ss, se, b, n)

    def _with_place_before(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase
    ) -> Phrase:
        """A source phrase that is a place after a preposition, with the noun phrase before the preposition: that
        phrase is the speaker, the place only where it is ("Abortion clinics in Texas have said", "The air force of
        Finland says", "Judge Dana Sabraw in San Diego said"; the place had been the speaker). The place is one of
        the sources lexicon's, or a short capitalised name after "in" that names no body; the phrase before must
        be a name or hold two words or more ("who lives in Texas" has none). ``ph`` when it is no such place."""
        a = ph.a
        if (
            a < 2
            or toks[a - 1] not in _PLACE_PREPOSITIONS
            or not (_soft(text[se[a - 2] : ss[a - 1]]) and _soft(text[se[a - 1] : ss[a]]))
        ):
            return ph
        words = tuple(toks[a + (toks[a] == "the") : ph.b])
        if (
            words not in self._places
            and not (
                # a short name after "in" as written in running text (not "Believe In John Kasich" in a headline)
                text.startswith("in", ss[a - 1])
                and 0 < len(words) <= 3
                and all(text[ss[k]].isupper() for k in range(ph.b - len(words), ph.b))
                and not (len(words) == 1 and words[0].endswith(_LANGUAGE_ENDINGS))  # "told Ramos in Spanish"
                and all(text[se[k] : ss[k + 1]] == " " for k in range(a, ph.b - 1))
                and self._source_names.isdisjoint(words)  # a body ("in the Senate") may be the one who speaks
            )
        ):
            return ph
        h = a - 2
        if toks[h] in _NOT_NAMES or toks[h] in TIME_WORDS or toks[h] in MONTHS or toks[h].endswith(("ly", "ing")):
            return ph
        outer = np_before(text, toks, ss, se, h, heads=self.heads)
        if outer is None or (outer.b - outer.a < 2 and not text[ss[h]].isupper()):
            return ph
        return Phrase(outer.a, ph.b, outer.start, ph.end)

    @staticmethod
    def _by_agent(
        text: str,
        toks: Sequence[str],
        ss: Sequence[int],
        se: Sequence[int],
        b: int,
        n: int,
        not_agents: frozenset[str] | None = None,
    ) -> Phrase | None:
        """The agent after "by" at token ``b`` of a passive ("was told by aides", "rejected by lawmakers"); none for
        a means, a way or a time ("by pointing a finger", "by phone", "by a wide margin", "by the time he left",
        "by 2025"). ``not_agents``: after "be", the words that make the phrase no agent when they open it (see
        :data:`_NOT_AGENTS_AFTER_BE`); else (a participle without "be") :data:`_NOT_AGENTS` anywhere in it, a
        number or a means."""
        if not_agents is not None:
            # after "be" ("was first reported by The Washington Post", "was dismissed by Trump last year"): not a
            # phrase that opens with a time or a means ("by the time he departs", "by the end of June"); a time
            # run into the agent ends it
            ph = np_after(text, toks, ss, se, b + 1, n)
            if ph is None:
                return None
            i = ph.a + 1 if toks[ph.a] in ARTICLES and ph.b - ph.a > 1 else ph.a
            if toks[i] in not_agents and not text[ss[i]].isupper():
                return None
            for i in range(ph.a + 1, ph.b):
                if (
                    toks[i] in _TIME_NOUNS
                    or toks[i] == "time"
                    or (toks[i] in _TIME_OPENERS and i + 1 < ph.b and toks[i + 1] in _TIME_NOUNS)
                ):
                    ph = Phrase(ph.a, i, ph.start, se[i - 1])
                    break
        else:
            first = toks[b + 1]
            if first.endswith(("ing", "ly")) or first in _AGENT_ADVERBS:
                return None  # a means: "responded by pointing a finger", "by abruptly blocking", "by first saying"
            ph = np_after(text, toks, ss, se, b + 1, n)
            if ph is None or any(toks[i] in _NOT_AGENTS for i in range(ph.a, ph.b)):
                return None
            if any(toks[i][:1].isdigit() or toks[i].startswith("mid-") for i in range(ph.a, ph.b)):
                return None  # a time: "announced by 2025", "reported by mid-March"
        for i in range(ph.a + 1, ph.b - 1):
            if toks[i] in ("of", "for") and toks[i + 1].endswith("ing"):
                # what the agent accuses of, or praises for: not part of its name ("accused by X of plotting")
                return Phrase(ph.a, i, ph.start, se[i - 1])
        return ph

    def _state_holder(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue
    ) -> Phrase | None:
        """Who is in the state an adjective names: the subject of the copula before it ("Democrats are
        increasingly worried that", "who was reluctant to"); ``None`` when no copula links them."""
        j = c.k - 1
        while j >= 0 and _soft(text[se[j] : ss[j + 1]]) and toks[j] in _STATE_ADVERBS:
            j -= 1
        if j < 0 or toks[j] not in _COPULAS or not _soft(text[se[j] : ss[j + 1]]):
            return None
        if toks[j].endswith(("’s", "'s", "’re", "'re", "’m", "'m")):
            w = toks[j][: toks[j].rindex("’" if "’" in toks[j] else "'")]
            return Phrase(j, j + 1, ss[j], ss[j] + len(w)) if w in PRONOUNS or w == "i" else None
        j = self._subject_end(text, toks, ss, se, j)
        if j < 0 or not _soft(text[se[j] : ss[j + 1]]):
            return None
        ph = np_before(text, toks, ss, se, j, heads=self.heads)
        if ph is not None and toks[ph.a] in ("who", "which") and ph.b - ph.a == 1:
            ph = self._antecedent(toks, ss, se, ph.a)
        return ph

    def _recognised(self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase | None) -> bool:
        """True when a phrase can only be a speaker: a pronoun, a name, or a source noun ("officials")."""
        if ph is None:
            return False
        h = ph.b - 1
        w = toks[h]
        if w not in PRONOUNS and w not in self.f.typer.common:
            # "a person [familiar with the talks]", "an aide [to the president]": a source noun as head decides
            d = described_head(toks, ph.a, ph.b)
            if d >= 0 and toks[d] in self.heads:
                h, w = d, toks[d]
        if w in PRONOUNS:
            return True
        if w in DETERMINERS and toks[ph.a] in ARTICLES:
            return False  # "a few questions": a quantity, not a speaker
        if w in self.f.typer.common:
            return True
        if not self.text[ss[h]].isupper():
            return False
        # a capitalised word: a name, unless it only opens the sentence ("Bankruptcy is ...", "Periodic closures")
        if h > 0:
            return True
        if w in _COMMON_OPENERS:
            return False
        if self.mentions and self._actor_in(ss[0], se[0])[0]:
            return True  # an actor ("Democrats", "Washington")
        return self._opener_is_name(self.text[ss[0] : se[0]])

    def _opener_is_name(self, word: str) -> bool:
        """Whether a capitalised word that opens a sentence can be a speaker by itself: a pronoun ("He's"), a
        place that speaks ("Washington"), people ("Investors", "Republicans"), a word rare in English ("Sindh",
        "Obama"), or one the document also writes with a capital inside a sentence ("... said Brown"). "Periodic
        closures have sparked tensions, underscoring ..." and "Past grievances ..." have no speaker."""
        hit = self._openers.get(word)
        if hit is None:
            low = word.lower()
            hit = (
                re.split(r"['’]", low, maxsplit=1)[0] in PRONOUNS
                or (low,) in self.f.typer.places
                or low in _HOLDER_WORDS
                or low.endswith(_PEOPLE_SUFFIXES)
                or low.endswith(("crats", "cans", "als", "ives"))  # Democrats, Republicans, Liberals, Conservatives
                or _rare_enough(low)
                or any(_inside_sentence(self.text, at) for at in self._written_at(word))
            )
            self._openers[word] = hit
        return hit

    def _opener_is_word(self, word: str) -> bool:
        """Whether a capitalised word that opens a sentence is, in this document, a word and not a name: common in
        English (:data:`framing.surnames.COMMON_WORD`: "Doctors", "Facts"), a plural of people by their activity
        ("Investigators", "Progressives"), shaped like an adverb or an abstract noun ("Secondly", "Technically"), a
        connective ("Moreover") or a determiner ("Another"), and never written with a capital inside a
        sentence ("... said Brown" makes "Brown" a name). Pronouns, places that speak and names of the sources
        lexicon ("Reuters") are left to the lexicon."""
        hit = self._words_opening.get(word)
        if hit is None:
            low = word.lower()
            hit = (
                word[:1].isupper()
                and word[1:].islower()  # not "CalPERS", "WATCH"
                and re.split(r"['’]", low, maxsplit=1)[0] not in PRONOUNS
                and (low,) not in self.f.typer.places
                and low not in self.f.typer.names
                and (
                    english_frequencies().get(low, 0) >= COMMON_WORD
                    or low.endswith(_PEOPLE_SUFFIXES)
                    or (low.endswith(_NOT_NAME_ENDINGS) and english_frequencies().get(low, 0) >= _KNOWN_WORD)
                    or low in DETERMINERS
                    or low in _CONNECTIVES
                )
                and not any(_inside_sentence(self.text, at) for at in self._written_at(word))
            )
            self._words_opening[word] = hit
        return hit

    def _holder(self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase) -> bool:
        """True when a phrase can hold a belief or issue a finding: a recognised speaker, a relative pronoun,
        people by their activity ("developers", "economists"), or a share of people ("65 percent")."""
        if self._recognised(toks, ss, se, ph):
            return True
        e = head_end_of(toks, ph.a, ph.b)
        if e < ph.b and toks[e] in _HEAD_PREPOSITIONS and self.f.typer.common.get(toks[e - 1]) in _HOLDER_KINDS:
            return True  # "Footage from the scene showed", "A review of his work in Ukraine shows"
        w = toks[ph.b - 1]
        if _share_of_people(w):
            return True
        return w.endswith(_PEOPLE_SUFFIXES)

    def _coordination(self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue) -> str:
        """``","`` for a participle after a comma (", adding"), ``"and"`` for "... and said", ``"by"`` for a
        participle after a preposition or subordinator ("by telling", "while suggesting"); else ``""``."""
        j = self._subject_end(text, toks, ss, se, c.k)
        if j >= 0 and toks[j] in ("and", "but", "yet", "or"):
            return "and"
        if toks[c.k].endswith("ing") and j >= 0 and "," in text[se[j] : c.start]:
            return ","
        if toks[c.k].endswith("ing") and j >= 0 and toks[j] in _PARTICIPLE_LINKS:
            return "by"  # "He pitched himself to voters by telling them ...", "while also suggesting"
        return ""

    def _main_subject(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], k: int
    ) -> Phrase | None:
        """The recognised subject that opens the clause of a verb without its own ("Trump has promised ...
        while also suggesting"; "Since announcing ..., Mr. Biden has been ...")."""
        for start in self._clause_starts(text, toks, ss, se, k):
            ph = np_after(text, toks, ss, se, start, k, max_len=6, allow_of=False)
            if ph is None or ph.b > k:  # (ending right before the verb's comma is ending before the verb)
                continue
            # with no tagger, the phrase may run on into the main verb ("Mr. Obama revised"): the subject
            # is its longest start that ends in a recognised speaker ("Mr. Obama"); an article or demonstrative
            # inside it, not after a preposition, opens the verb's object ("Trump relived the Election Day rally,
            # telling", "Walden downplayed those concerns Tuesday, saying"), so the subject ends before the word
            # before it
            end = ph.b
            for x in range(ph.a + 2, ph.b):
                if toks[x] in _OBJECT_OPENERS and toks[x - 1] not in _PREPOSITIONS_BEFORE_ARTICLE:
                    end = x - 1
                    break
            for b in range(end, ph.a, -1):
                sub = ph if b == ph.b else Phrase(ph.a, b, ph.start, se[b - 1])
                if self._recognised(toks, ss, se, sub):
                    return sub
        return None

    def _clause_starts(self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], k: int) -> list[int]:
        """Where the main clause may start before token ``k``: the sentence start (after a conjunction or an
        adverb that opens it), or after the comma that closes an introductory phrase ("Since ..., X")."""
        i = 0
        while i < k and toks[i] in _SKIP_OPENERS:
            i += 1
        # a time that opens the sentence without a comma ("Wednesday morning the old Donald Trump re-emerged")
        if i + 1 < k and toks[i] in _TIME_OPENERS and toks[i + 1] in _TIME_NOUNS:
            i += 2
        while i < k - 1 and (toks[i] in _DAYS or toks[i] in _DAY_PARTS):
            i += 1
        out = [i]
        if toks[i] in _INTRO_SUBORDINATORS:
            for x in range(i + 1, k):
                if "," in text[se[x - 1] : ss[x]]:
                    out = [x]
                    break
        # a later clause, nearest first: "..., so the party is doubling down ..., highlighting", "...; he said"
        later = []
        for x in range(k - 1, out[0] + 1, -1):
            after_conjunction = toks[x - 1] in _CLAUSE_CONJUNCTIONS and "," in text[se[x - 2] : ss[x - 1]]
            if after_conjunction or ";" in text[se[x - 1] : ss[x]]:
                later.append(x)
        return later + out

    def _subject_end(self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], k: int) -> int:
        """The last word of the subject before the verb at ``k``, skipping auxiliaries, adverbs and
        catenative verbs ("has also said", "is urging", "continues to insist", "declined to say")."""
        j = k - 1
        ing = toks[k].endswith("ing")
        while j >= 0:
            g = text[se[j] : ss[j + 1]]
            if g != " " and not _soft(g):
                break
            t = toks[j]
            if (
                (
                    t in SKIP_BEFORE_VERB
                    and not modal_in_name(text, toks, ss, se, j, 0)
                    # "Brock Long said": a surname, unless a headline capitalises every word ("He Also Said")
                    and not (j > 0 and text[ss[j]].isupper() and text[ss[j - 1]].isupper() and text[ss[k]].islower())
                )
                or (ing and t in _BE)
                or (t.endswith("ly") and t not in _NOT_ADVERBS and not text[ss[j]].isupper())
            ):
                j -= 1
            elif t in _BE and j + 1 < k and toks[j + 1] in _CATENATIVE:
                j -= 1  # "won't be able to brag"
            elif t == "to" and j > 0 and toks[j - 1] in _CATENATIVE:
                j -= 2
            elif t in _CATENATIVE and t.endswith(("ing", "ed")) is False and j + 1 < k and toks[j + 1] == "to":
                j -= 1
            elif ing and t in _GERUND_ASPECT:
                j -= 1  # "they keep arguing", "officials began saying": the subject is before the aspect verb
            elif t in _DAY_PARTS and j > 0 and toks[j - 1] in _DAYS and _soft(text[se[j - 1] : ss[j]]):
                j -= 1  # "Gingrich on Thursday morning said": the day, then what opens it
            elif t in _TIME_NOUNS and j > 0 and toks[j - 1] in _TIME_OPENERS and _soft(text[se[j - 1] : ss[j]]):
                j -= 2  # "Trump on Tuesday said", "Clinton last week called"
                if j > 0 and toks[j].endswith("ed") and text[ss[j]].islower() and _soft(text[se[j - 1] : ss[j]]):
                    j -= 1  # "A poll released on Tuesday showed", "emails released this week showed": the poll
            elif (t in _TIME_NOUNS or t == "time") and (opened := _time_phrase_start(text, toks, ss, se, j)) >= 0:
                j = opened - 1  # "Rubio earlier in the day blasted", "He at the same time blamed"
            else:
                break
        return j

    @staticmethod
    def _made_to(text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], j: int) -> Phrase | None:
        """The object of a verb that makes it act, before "to" at token ``j`` ("led House Speaker Paul Ryan to
        say", "prompted Trump to declare", "forced officials to admit"): the speaker. None after any other word
        ("went to Ohio to say": a place; "asked Trump to say": he may not have)."""
        if j < 2 or not _soft(text[se[j - 1] : ss[j]]):
            return None
        for v in range(j - 2, max(-1, j - 8), -1):
            t = toks[v]
            if t in _MADE_TO_ACT:
                if not all(_soft(text[se[i - 1] : ss[i]]) for i in range(v + 1, j)):
                    return None
                return np_before(text, toks, ss, se, j - 1, lo=v + 1)
            if t in STOP and t not in DETERMINERS:
                return None
        return None

    def _title_case(self, s: int) -> bool:
        """True for a headline written in title case ("Obama Says Museum Will Tell ...")."""
        m = self.m
        if m.sent_kinds[s] == "heading":
            return True
        a, b = m.sent_tok[s], m.sent_tok[s + 1]
        if b - a < 3:
            return False
        text = self.text
        caps = sum(1 for x in m.tok_starts[a:b] if text[x].isupper())
        return caps >= 0.7 * (b - a)

    def _after_cue(self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue, n: int) -> int:
        """Character position after the cue and, for "tell" verbs, the person told."""
        if c.lemma in _TELL and c.k2 < n:
            told = toks[c.k2]
            if told in ("him", "them", "me", "us") or (
                told == "her" and c.k2 + 1 < n and (toks[c.k2 + 1] in _SUBJECT_PRONOUNS or toks[c.k2 + 1] == "that")
            ):
                return se[c.k2]  # "told him he was innocent"; not "told her story"
            ph = np_after(self.text, toks, ss, se, c.k2, n, max_len=5, allow_of=False)
            if ph is not None and toks[ph.a] not in ("that",):
                for i in range(ph.a + 1, ph.b):
                    if toks[i] in _SUBJECT_PRONOUNS:
                        return se[i - 1]  # "told reporters [he was innocent]": the clause's subject opens it
                return ph.end
        return c.end

    def _content_start(self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue, n: int) -> int:
        """Where reported speech starts after the verb (after the person told, "that", "in a statement")."""
        pos = self._after_cue(toks, ss, se, c, n)
        if c.linked and c.k2 < n and toks[c.k2] != "that":
            pos = se[c.k2]  # "worried about [the cost]", "eager to [prove]"
        m = _FILLER_RE.match(self.text, pos, self.m.sent_ends[c.s])
        if m is None:
            return pos
        c.that = m.group().rstrip().endswith("that")
        return m.end()

    def _sees_as(self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue, n: int) -> bool:
        """Whether "see" may ascribe a view or a perception, not tell what happened to its subject: not when its
        object is an amount or a change ("Sindh saw limited activity", "workers would see a 50 percent increase",
        "the U.S. will see a 2 percent growth rate"), unless "as" follows in the clause ("saw the rise as a
        warning")."""
        if self._has_complement(toks, ss, se, c, n):
            return True
        text = self.text
        amount = False
        for i in range(c.k2, min(n, c.k2 + 12)):
            if i > c.k2 and _CLAUSE_PUNCT.search(text, se[i - 1], ss[i]):
                break
            t = toks[i]
            if t == "as":
                return True
            if i < c.k2 + 4 and (t in _AMOUNT_WORDS or (t[:1].isdigit() and not _YEAR.fullmatch(t))):
                amount = True
        return not amount

    def _tells_topic(self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue, n: int) -> bool:
        """Whether a cue that needs a topic (``needs`` "topic" in the lexicon: "speak") tells what was said: a
        clause, quotation or colon after it, or what it was about in the same clause ("spoke about the attacks",
        "speaking out in favor of", "spoke briefly of his friendship", "spoke to reporters about"); not "spoke at a
        rally", "spoke on Monday", "speak the language"."""
        if self._has_complement(toks, ss, se, c, n):
            return True
        text = self.text
        end = min(n, c.k2 + 7)
        i = c.k2
        while i < end:
            if i > c.k2 and _CLAUSE_PUNCT.search(text, se[i - 1], ss[i]):
                return False
            t = toks[i]
            if t in _SPOKEN_OF:
                return True
            if t == "out":
                return True  # "spoke out", "speaking out about"
            if t == "on":  # "spoke on a variety of topics"; not "on Monday", "on the phone", "on condition of"
                j = i + 1
                while j < n and toks[j] in ARTICLES:
                    j += 1
                nxt = toks[j] if j < n else ""
                return not (nxt in TIME_WORDS or nxt in _ON_NOT_TOPIC or nxt[:1].isdigit())
            if t == "to":  # "spoke to reporters about the deal"
                return any(toks[j] in _SPOKEN_OF for j in range(i + 1, min(n, i + 5)))
            if not (t.endswith("ly") or t in _SPEAK_SKIP):
                return False  # "speak the language of ...", "spoke at a rally"
            i += 1
        return False

    def _has_complement(self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue, n: int) -> bool:
        if c.k2 >= n:
            return False
        gap = self.text[se[c.k2 - 1] : ss[c.k2]]
        if gap != " " and not _COLON_OR_QUOTE.isdisjoint(gap):
            return True
        nxt = toks[c.k2]
        return nxt in ("that", "how", "why", "what", "whether", "if") or nxt in PRONOUNS

    def _inverted(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], c: _Cue, n: int
    ) -> Phrase | None:
        """``..., said Rizvi.``: a speaker right after the verb that ends the clause.

        Only finite speech verbs invert ("said Rizvi", "added the official");
        participles ("saying ...") and verbs whose object is the person
        addressed ("told reporters") do not.
        """
        if c.category != "speech" or c.lemma in _TELL or c.lemma in _NAMING or toks[c.k2 - 1].endswith("ing"):
            return None
        ph = np_after(text, toks, ss, se, c.k2, n, max_len=8, heads=self.heads)
        if ph is None:
            return None
        if toks[ph.a] in ("that", "it", "this", "there", "you") and ph.b - ph.a == 1:
            return None
        if _CONTRACTED_OPENER.match(toks[ph.a]):
            return None  # "says it’s clear that ...": a clause, not a speaker
        if ph.b < n:
            gap = text[se[ph.b - 1] : ss[ph.b]]
            if not _CLAUSE_PUNCT.search(gap):
                quoted = c.k > 0 and any(q in text[se[c.k - 1] : c.start] for q in _QUOTE_CHARS)
                if toks[ph.b] not in (_AFTER_QUOTED_SOURCE if quoted else _AFTER_INVERTED_SOURCE):
                    return None
        if not self._recognised(toks, ss, se, ph):
            return None
        return ph

    def _apposed(self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], j: int) -> Phrase | None:
        """``Rizvi, a professor at LUMS, said``: the phrase before the apposition."""
        k = j
        fallback: Phrase | None = None  # the phrase before a place's state, if no apposition is found before it
        # a relative clause may be longer than an apposition: "Christie, who has campaigned heavily for GOP nominee
        # Donald Trump since he suspended his own campaign in February, blasted ..."
        reach = _APPOSITION_REACH
        for x in range(j, max(0, j - _RELATIVE_CLAUSE_REACH), -1):
            if toks[x] in _RELATIVE_PRONOUNS and "," in text[se[x - 1] : ss[x]]:
                reach = j - x + 1
                break
            if _CLAUSE_PUNCT.search(text[se[x - 1] : ss[x]]):
                break
        while k > 0:
            gap = text[se[k - 1] : ss[k]]
            if "," in gap:
                if any(q in gap for q in _QUOTE_CHARS):
                    return fallback
                ph = np_before(text, toks, ss, se, k - 1, heads=self.heads)  # "Analysts in Kabul, however, …"
                if ")" in gap:
                    # "Sen. Dianne Feinstein (Calif.), the top-ranking Democrat ..., told": the phrase before the
                    # parenthesis, not the state inside it
                    jj = _before_parenthesis(text, ss, se, k - 1, ss[0])
                    if jj >= 0:
                        ph = np_before(text, toks, ss, se, jj, heads=self.heads)
                if fallback is None and self._state_after_city(text, toks, ss, se, k, j):
                    # "... at Colby College in Waterville, Maine, adds": the comma of a place's state; the speaker
                    # is before the apposition that ends with the place, else the phrase before the state ("The
                    # National Weather Service in Norman, Okla., said")
                    fallback, j = ph, k - 1
                    k -= 1
                    continue
                if ph is not None and toks[ph.a] in ("who", "which") and ph.b - ph.a == 1:
                    return fallback
                if k >= 2 and toks[k - 1].isdigit() and "," in text[se[k - 2] : ss[k - 1]]:
                    k -= 1  # an age between commas: "Mario Orosa, 44, a technical specialist ..., said"
                    continue
                if ph is not None and self._named_in_apposition(text, toks, ss, se, ph, k, j):
                    return Phrase(ph.a, j + 1, ph.start, se[j])  # "Her lawyer, John Smith, said": the person named
                return self._past_party_label(toks, ss, se, ph) or fallback
            if j - k > reach or _CLAUSE_PUNCT.search(gap):
                return fallback
            k -= 1
        return fallback

    @staticmethod
    def _named_in_apposition(
        text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase, k: int, j: int
    ) -> bool:
        """Whether tokens [k, j] between commas name the person that the phrase ``ph`` before them describes ("His
        foe, Tom Barrett,", "The White House press secretary, Josh Earnest,"): one to four capitalised words, no
        party label or number (a place may follow: "Rep. Chris Van Hollen of Maryland"), after a description that
        ends in a word in lower case or a title ("The panel’s top Democrat")."""
        caps = k
        while caps <= j and text[ss[caps]].isupper() and toks[caps].isalpha():
            caps += 1
        if caps < j and toks[caps] in ("of", "from"):
            # "Rep. Chris Van Hollen of Maryland": the name, and where the person is from
            rest = range(caps + 1, j + 1)
            if not 1 <= len(rest) <= 3 or not all(text[ss[i]].isupper() for i in rest):
                return False
        elif caps <= j:
            return False
        if not 1 <= caps - k <= 5 or PARTY_LABEL.match(text, ss[k]):
            return False
        last = toks[ph.b - 1]
        return not text[ss[ph.b - 1]].isupper() or last in TITLES or last in titles()

    def _state_after_city(
        self, text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], k: int, j: int
    ) -> bool:
        """Whether tokens [k, j] after a comma are the state or country of a capitalised place before it: a place of
        the sources lexicon ("Waterville, Maine", "Lahore, Pakistan") or an abbreviated state ("Dayton, Ohio",
        "Bethesda, Md.")."""
        if k == 0 or j - k > 1 or not text[ss[k - 1]].isupper() or not text[ss[k]].isupper():
            return False
        words = tuple(toks[k : j + 1])
        if words in self.f.typer.places:
            return True
        raw = text[ss[j] : se[j] + 1]  # with the period after it, which ends no token
        if PARTY_LABEL.match(raw):
            return False  # a party label ("R-Ky."), which _past_party_label reads
        return k == j and raw.endswith(".") and 2 <= len(raw) <= 6

    def _antecedent(self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], w: int) -> Phrase | None:
        """The noun phrase a relative pronoun ("who", "which") stands for."""
        if w == 0:
            return None
        return self._past_party_label(toks, ss, se, np_before(self.text, toks, ss, se, w - 1))

    def _past_party_label(
        self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase | None
    ) -> Phrase | None:
        """The phrase itself, unless it is a party label after a name: then the name ("Rep. Jamie Raskin, D-Md.,
        who ...", "Rep. Steny Hoyer (D-Md.), the ..."), or ``None`` when no name comes right before the label."""
        text = self.text
        if ph is None or ph.b - ph.a != 1 or not PARTY_LABEL.fullmatch(text, ph.start, ph.end):
            return ph
        if ph.a == 0 or text[se[ph.a - 1] : ph.start].strip() not in (",", "("):
            return None
        return np_before(text, toks, ss, se, ph.a - 1, heads=self.heads)

    # ------------------------------------------------------------------ spans
    def _set_source(
        self, a: Attribution, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase
    ) -> None:
        actor, form = self._source_actor(toks, ss, se, ph) if self.mentions else ("", "")
        atype = self.actor_types.get(actor) if actor else None
        phrase = self.text[ph.start : ph.end]
        # the type and name depend only on the phrase, its last token (which may run on: "he’s said"), whether it
        # opens the sentence, whether that is with a word the document never writes as a name and no name follows
        # ("Investigators say"; not "North Korea warned"), and its actor
        common_opener = (
            ph.a == 0
            and atype is None
            and (ph.b == 1 or not self.text[ss[1]].isupper())
            and self._opener_is_word(self.text[ss[0] : se[0]])
        )
        key = (phrase, toks[ph.b - 1], ph.a == 0, common_opener, atype, form)
        memo = self._memo
        hit = memo.get(key)
        if hit is None:
            hit = self._classify(self.text, toks, ss, se, ph, atype, form, common_opener)
            if len(memo) > cache_limits.SOURCE_PHRASES:
                memo.clear()
            memo[key] = hit
        stype, name = hit
        a.source_start, a.source_end = ph.start, ph.end
        a.source_text = phrase
        a.source = name
        a.source_type = stype
        a.source_actor = actor
        if a.kind == "indirect" and stype == DOCUMENT:
            a.kind = "document"

    def _source_actor(self, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], ph: Phrase) -> tuple[str, str]:
        """The actor who speaks through a source phrase: the one its head names ("Pakistan's foreign ministry"),
        else one that the head belongs to ("officials in Kabul", "a spokesman for Trump"); not one the phrase
        only describes it by ("an aide to Trump", "a person close to Trump", "people who met Trump": these
        speak, not Trump)."""
        h = self.f.typer.head_end(self.text, toks, ss, se, ph)
        if h == ph.b:
            if toks[h - 1] in FOR_OR_AGAINST:
                return "", ""  # "Trump's supporters", "Obama critics": they speak, not the one they back or oppose
            return self._actor_in(ph.start, ph.end)
        actor, form = self._actor_in(ph.start, se[h - 1])
        if actor or toks[h] not in _MEMBERSHIP:
            return actor, form
        actor, form = self._actor_in(ss[h], ph.end)
        if actor and toks[h] != "for" and self.f.typer.is_person(self.actor_types.get(actor)):
            return "", ""  # "a friend of Trump": a person has no members; only "for" speaks for one
        return actor, form

    def _actor_in(self, start: int, end: int) -> tuple[str, str]:
        """The actor mentioned in a span (the last one: the head of "Pakistan's foreign ministry" is Pakistan)."""
        starts = self._mention_starts
        k = bisect.bisect_left(starts, start)
        if k == len(starts) or starts[k] >= end:
            return ("", "")  # the usual case: no actor in the phrase
        best = ("", "")
        while k < len(self.mentions) and self.mentions[k].start < end:
            mm = self.mentions[k]
            best = (mm.actor, mm.form)
            k += 1
        return best

    def _direct(self, a: Attribution, q1: Quote, q2: Quote) -> None:
        a.kind = "direct"
        if q2.inner_end > q1.inner_start:
            a.content_start, a.content_end = q1.inner_start, q2.inner_end
        a.balanced = q1.balanced and q2.balanced

    def _content_span(self, a: Attribution, start: int, end: int) -> None:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;—–-."):
            end -= 1
        if end > start:
            a.content_start, a.content_end = start, end

    def _content_around(self, a: Attribution, s_start: int, s_end: int, cue_start: int, src_end: int) -> None:
        """Content of "according to X": the rest of the sentence on the other side of the phrase."""
        before = cue_start - s_start
        after = s_end - src_end
        if after >= before:
            self._content_span(a, src_end, s_end)
        else:
            # "The complaint was first reported by X": what was reported is the subject, not its auxiliary
            aux = _TRAILING_AUXILIARY_RE.search(self.text, s_start, cue_start)
            self._content_span(a, s_start, aux.start() if aux is not None else cue_start)

    def _clause_end_before(self, pos: int, s_start: int) -> int:
        """End of the clause before ``pos`` (the comma that separates "..., Rizvi said")."""
        i = self.text.rfind(",", s_start, pos)
        return i if i > s_start else pos

    # ------------------------------------------------------------------ other patterns
    def _by_sentence(self) -> dict[int, list[Attribution]]:
        """The attributions found so far, by sentence."""
        in_sentence: dict[int, list[Attribution]] = {}
        for a in self.out:
            in_sentence.setdefault(a.sentence_id, []).append(a)
        return in_sentence

    def _in_documents(self) -> None:
        """``In a new Fox News poll, 45 percent ...``: a poll, survey or study introduced by "in".

        The poll is the source of what follows; a verb inside that content
        ("45 percent backed Trump") is part of the finding. A preposition between
        "in" and the noun means "in" opens another phrase ("in the wake of that
        report", "in response to the survey"). A sentence whose
        own speaker comes first ("Trump said in an interview ...") is left alone.
        """
        m = self.m
        index = m.index
        if not any(noun in index for noun in _IN_DOCUMENTS):
            return  # most articles: no poll, survey or study
        text = self.text
        in_sentence = self._by_sentence()
        taken: set[int] = set()
        drop: set[int] = set()
        st = m.sent_tok
        for noun in _IN_DOCUMENTS:
            for i in index.get(noun, ()):
                s = bisect.bisect_right(st, i) - 1
                if s in taken:
                    continue
                k = i - st[s]
                toks = m.tokens[st[s] : st[s + 1]]
                ss, se = self._offsets(s)
                j = k - 1
                while j >= 0 and k - j <= 6 and toks[j] != "in" and _soft(text[se[j] : ss[j + 1]]):
                    j -= 1
                if j < 0 or toks[j] != "in" or k - j > 6:
                    continue
                if _opens_another_phrase(toks, j + 1, k):
                    continue  # "in the wake of that report", "in response to the poll": "in" does not open the poll
                if any(_CLAUSE_PUNCT.search(text[se[x] : ss[x + 1]]) for x in range(j, k)):
                    continue
                if k + 1 < len(toks) and _compound_head(text, toks, ss, se, k + 1):
                    continue  # "a factor in the census decision": the noun only modifies another
                others = in_sentence.get(s, ())
                if any(b.cue_start < ss[j] or b.kind == "direct" for b in others):
                    continue
                a = Attribution(
                    kind="document",
                    sentence_id=s,
                    cue="in",
                    cue_start=ss[j],
                    cue_end=se[j],
                    category="evidence",
                )
                self._set_source(a, toks, ss, se, Phrase(j + 1, k + 1, ss[j + 1], se[k]))
                a.kind = "document"
                self._content_around(a, m.sent_starts[s], m.sent_ends[s], ss[j], se[k])
                for b in others:
                    if a.content_start <= b.cue_start < a.content_end:
                        drop.add(id(b))  # what the poll found, not another attribution
                self.out.append(a)
                taken.add(s)
        if drop:
            self.out = [a for a in self.out if id(a) not in drop]

    def _headline_colons(self) -> None:
        """A speaker, a colon and what they said, opening a sentence.

        Headlines ("Sanders: Endorsements prove ...") and transcripts
        ("TAPPER: And obviously ...", "Q: ..." / "A: ..."). A capitalised
        label counts as a speaker when it recurs in the text or is one of an
        interview's Q and A; a label seen once in capitals is a dateline
        ("ISLAMABAD: ...").
        """
        m = self.m
        text = self.text
        colon = text.find(":")
        if colon < 0:
            return
        in_sentence = self._by_sentence()
        drop: set[int] = set()
        # the surnames of the persons the text quotes: a headline's label that is one of them speaks ("Mark Cuban:
        # I'd consider a White House bid", "Lynch: No outside influence on FBI probe" above "Loretta Lynch said")
        speakers = {a.source.rsplit(None, 1)[-1] for a in self.out if a.source_type == NAMED and a.source}
        while colon >= 0:
            nxt = text.find(":", colon + 1)
            s = m.sentence_at(colon)
            a = self._colon_speaker(s, colon, in_sentence.get(s, ()), speakers) if s >= 0 else None
            if a is not None:
                for b in in_sentence.get(s, ()):
                    drop.add(id(b))  # verbs inside the claim are part of it
                qi = self.quote_starting_after(colon + 1, m.sent_ends[s])
                if qi >= 0 and qi not in self.quote_used:
                    self._direct(a, self.quotes[qi], self.quotes[qi])
                    self.quote_used[qi] = len(self.out)
                elif a.kind == "direct" and a.cue == ":":
                    # a transcript turn ("FALLIN: I think he is ...") goes on to the end of its paragraph
                    end = self.paras[m.sent_para[s]][1]
                    if end > a.content_end:
                        self._content_span(a, colon + 1, end)
                        for k in range(s + 1, m.n_sentences):
                            if m.sent_starts[k] >= end:
                                break
                            for b in in_sentence.get(k, ()):
                                if b.kind != "direct" or b.cue_start >= 0:
                                    drop.add(id(b))
                self.out.append(a)
            colon = nxt
        if drop:
            self.out = [a for a in self.out if id(a) not in drop]

    def _label_speaks(self, label: str) -> bool:
        """True when what follows a capitalised label reads like speech somewhere: "I", "we", "you" or a question."""
        hit = self._labels.get(label)
        if hit is None:
            text = self.text
            hit = False
            pos = text.find(label + ":")
            while pos >= 0 and not hit:
                end = text.find("\n", pos)
                hit = _SPEECH_RE.search(text, pos + len(label) + 1, end if end >= 0 else len(text)) is not None
                pos = text.find(label + ":", pos + 1)
            self._labels[label] = hit
        return hit

    def _colon_speaker(
        self, s: int, colon: int, existing: Sequence[Attribution], speakers: frozenset[str] | set[str] = frozenset()
    ) -> Attribution | None:
        m = self.m
        text = self.text
        if m.sent_kinds[s] not in ("text", "heading", "item"):
            return None
        start = m.sent_starts[s]
        head = text[start:colon]
        words = WORD_RE.findall(head)
        if not 1 <= len(words) <= 4 or "\n" in head or any(ch.isdigit() for ch in head):
            return None
        if not all(w[:1].isupper() for w in words) or not _TWO_WORDS.search(text, colon + 1, m.sent_ends[s]):
            return None
        if any(a.cue_start < colon for a in existing):
            return None  # the sentence's own verb comes first
        label = head.strip()
        if label.isupper():
            if label in ("Q", "A"):
                if "Q:" not in text or "A:" not in text:
                    return None
            elif text.count(label + ":") < 2 or not self._label_speaks(label):
                return None  # a dateline ("ISLAMABAD:") or a field name ("TARGET: two police officers ...")
        elif words[0].lower() in _NOT_SPEAKERS:
            return None
        elif words[-1] in speakers and text[m.sent_ends[s] : m.sent_ends[s] + 1] in ("\n", ""):
            pass  # a person the text quotes, labelling a headline
        elif (
            self._opener_is_word(words[0])
            and words[0].lower() not in self.f.typer.common
            and not (self.mentions and self._actor_in(start, colon)[0])
        ):
            return None  # a heading in title case ("Facts First: ...", "Another challenge: ..."), not a speaker
        elif not _CLAIM_RE.search(text, colon + 1, m.sent_ends[s]) and not any(a.cue_start > colon for a in existing):
            return None  # a title and subtitle ("Pakistan–Afghanistan Relations: A Perpetual State of Unease")
        toks = m.tokens[m.sent_tok[s] : m.sent_tok[s + 1]]
        ss, se = self._offsets(s)
        kk = len(words)
        a = Attribution(kind="indirect", sentence_id=s, cue=":", cue_start=colon, cue_end=colon + 1, category="speech")
        self._set_source(a, toks, ss, se, Phrase(0, kk, ss[0], se[kk - 1]))
        if label.isupper():
            a.kind = "direct"  # a transcript gives the speaker's own words
            if not a.source_actor:
                a.source_type, a.source = NAMED, label
        if a.source_type == DOCUMENT:
            a.kind = "document"
        self._content_span(a, colon + 1, m.sent_ends[s])
        return a

    def _leftover_quotes(self, inquote: Mapping[int, list[_Cue]]) -> None:
        """Quotations no verb claimed: a verb inside the marks, a signature after them, or the speaker goes on."""
        if len(self.quote_used) == len(self.quotes):
            return  # every quotation (or none) has its speaker
        m = self.m
        text = self.text
        order = sorted(range(len(self.out)), key=lambda i: self._anchor(self.out[i]))
        anchors = [self._anchor(self.out[i]) for i in order]
        for qi, q in enumerate(self.quotes):
            if qi in self.quote_used or not self._substantial(q):
                continue
            s = m.sentence_at(q.inner_start)
            if s < 0:
                continue
            # (a) a verb inside the closing mark: "... Rizvi told WE News English”"
            a = self._tail_cue(q, inquote.get(qi, ()))
            if a is not None:
                self.quote_used[qi] = len(self.out)
                self.out.append(a)
                continue
            # (b) a signature after it: "“...” / Kevin Drum, Mother Jones" (a roundup), "“...” – Bernie Sanders"
            a = self._signed(q, s)
            if a is not None:
                self.quote_used[qi] = len(self.out)
                self.out.append(a)
                continue
            # (c) the speaker of the attribution just before goes on (same or next paragraph)
            k = bisect.bisect_left(anchors, q.start) - 1
            if k >= 0:
                prev = self.out[order[k]]
                gap_paras = m.sent_para[s] - m.sent_para[prev.sentence_id]
                if gap_paras <= 1 and prev.kind != "reference" and self._only_quotes_between(prev, q):
                    prev.content_end = max(prev.content_end, q.inner_end)
                    if prev.content_start < 0:
                        prev.content_start = q.inner_start
                    prev.parts += 1
                    prev.balanced = prev.balanced and q.balanced
                    if prev.kind != "direct" and prev.kind != "according_to":
                        prev.kind = "direct"
                    self.quote_used[qi] = order[k]
                    continue
            if not self.f.unattributed_quotes:
                continue
            # (d) a quotation that is a whole sentence or more, with no speaker found (words quoted inside the
            # writer's sentence that end it count: PolNeAR annotates most of them, whose source is elsewhere)
            whole = q.start <= m.sent_starts[s] + 1 or text[q.inner_end - 1 : q.inner_end] in ".?!,"
            if not whole:
                continue
            a = Attribution(kind="direct", sentence_id=s, source_type=UNIDENTIFIED, resolved="unidentified")
            a.content_start, a.content_end = q.inner_start, q.inner_end
            a.balanced = q.balanced
            self.quote_used[qi] = len(self.out)
            self.out.append(a)

    def _signed(self, q: Quote, s: int) -> Attribution | None:
        """A quotation signed by its speaker on the rest of its line or alone on the next one, as roundups of
        commentary print them ("“...” Kevin Drum, Mother Jones", "“...” – Bernie Sanders"), or after a blank line
        with a dash or the outlet ("Max Boot, Washington Post"): a named person."""
        m = self.m
        text = self.text
        sig = _SIGNATURE_RE.match(text, q.end)
        if sig is None or not self._signature_name(sig.group("name")):
            return None
        start, end = sig.span("name")
        gap = text[q.end : start]
        if gap.count("\n") >= 2 and not gap.strip() and not text[end : sig.end()].strip(" \t\n."):
            # a name alone after a blank line heads the next section ("Susan Collins" before "Among the Senate's
            # centrist Republicans, ..."); a roundup signs with the outlet ("Max Boot, Washington Post") and a fact
            # check with a dash ("- Bernie Sanders.")
            return None
        s2 = m.sentence_at(start)
        if s2 < 0 or m.sent_starts[s2] > start:
            return None
        toks = m.tokens[m.sent_tok[s2] : m.sent_tok[s2 + 1]]
        ss, se = self._offsets(s2)
        a_tok = bisect.bisect_left(ss, start)
        b_tok = bisect.bisect_left(ss, end)
        if a_tok >= b_tok or a_tok >= len(ss) or ss[a_tok] != start:
            return None
        a = Attribution(kind="direct", sentence_id=s, resolved="signature")
        self._set_source(a, toks, ss, se, Phrase(a_tok, b_tok, ss[a_tok], se[b_tok - 1]))
        if a.source_type != NAMED:
            return None
        a.content_start, a.content_end = q.inner_start, q.inner_end
        a.balanced = q.balanced
        return a

    def _signature_name(self, name: str) -> bool:
        """Whether a signature's words are a person's name: a given name first ("Kevin Drum"; not "Special
        Counsel, Department of Justice", a heading), and no title, office or source noun after it."""
        typer = self.f.typer
        if not is_given_name(name.split()[0].rstrip(".")):
            return False
        for w in WORD_RE.findall(name.lower()):
            if w in TITLES or w in typer.common or w in typer.names or w in _NOT_NAMES or w in WEEKDAYS or w in MONTHS:
                return False
        return True

    @staticmethod
    def _anchor(a: Attribution) -> int:
        return a.cue_start if a.cue_start >= 0 else (a.content_start if a.content_start >= 0 else a.source_start)

    def _only_quotes_between(self, prev: Attribution, q: Quote) -> bool:
        """True when ``q`` starts in the sentence after ``prev`` ends (or in the same one): the speaker goes on."""
        end = max(prev.content_end, prev.cue_end, prev.source_end)
        if end > q.start:
            return True
        m = self.m
        last = m.sentence_at(max(end - 1, 0))
        s = m.sentence_at(q.start)
        if s <= last + 1:
            return True
        # only quotations (of the same speaker) in the sentences between
        for k in range(last + 1, s):
            qi = self.quote_at(m.sent_starts[k] + 1)
            if qi < 0:
                return False
        return True

    def _tail_cue(self, q: Quote, cues: Sequence[_Cue]) -> Attribution | None:
        """A speaker and verb inside the marks where the quotation should have closed.

        Either a short last sentence naming the speaker ("... Rizvi told WE News
        English”"), or, in a quotation left unbalanced, "..., Rizvi said." ending
        a sentence: the closing mark was forgotten before the comma.
        """
        m = self.m
        text = self.text
        for c in reversed(cues):
            s = c.s
            toks = m.tokens[m.sent_tok[s] : m.sent_tok[s + 1]]
            ss, se = self._offsets(s)
            j = self._subject_end(text, toks, ss, se, c.k)
            if j < 0:
                continue
            ph = np_before(text, toks, ss, se, j)
            if ph is None or not self._recognised(toks, ss, se, ph):
                continue
            whole = ph.a == 0 and m.sent_starts[s] > q.inner_start and m.sent_ends[s] >= q.inner_end - 2
            if whole and m.sent_n_words[s] <= 10:
                end = m.sent_starts[s]  # "... Rizvi told WE News English”"
            elif not q.balanced and ph.a > 0 and text[se[ph.a - 1] : ph.start].strip() == "," and c.k2 + 4 >= len(toks):
                end = se[ph.a - 1]  # "“The border will never open, Rizvi said."
            else:
                continue
            a = self._new(c)  # s is c.s
            self._set_source(a, toks, ss, se, ph)
            a.kind = "direct"
            a.content_start = q.inner_start
            a.content_end = end
            a.balanced = q.balanced
            while a.content_end > a.content_start and text[a.content_end - 1] in " \t\n,":
                a.content_end -= 1
            if a.content_end <= a.content_start:
                a.content_start = a.content_end = -1
            return a
        return None

    def _references(self) -> None:
        """Reference-list lines and in-text citations are document sources."""
        m = self.m
        text = self.text
        kinds = m.sent_kinds
        refs = [s for s, k in enumerate(kinds) if k == "reference"] if "reference" in kinds else []
        if refs:
            bullets = [_REF_BULLET.match(text, m.sent_starts[s]) is not None for s in refs]
            numbered = sum(bullets) > len(refs) / 2
            for s, has_bullet in zip(refs, bullets):
                if numbered and not has_bullet and self.out and self.out[-1].kind == "reference":
                    last = self.out[-1]
                    if last.sentence_id == s - 1 or m.sent_para[s] - m.sent_para[last.sentence_id] == 1:
                        last.content_end = m.sent_ends[s]  # a wrapped line of the previous reference
                        continue
                bm = _REF_BULLET.match(text, m.sent_starts[s])
                start = bm.end() if bm else m.sent_starts[s]
                end = m.sent_ends[s]
                if start >= end:
                    start = m.sent_starts[s]  # a line that is all number ("[3]")
                cut = _first_stop(text, start, end)
                while cut > start and text[cut - 1].isspace():
                    cut -= 1
                a = Attribution(
                    kind="reference",
                    sentence_id=s,
                    source=text[start:cut].strip(" ,.;:"),
                    source_text=text[start:cut],
                    source_start=start,
                    source_end=cut,
                    source_type=DOCUMENT,
                    content_start=start,
                    content_end=end,
                    category="reference",
                )
                if cut <= start:  # no author or issuer to read off the line
                    a.source = a.source_text = ""
                    a.source_start = a.source_end = -1
                else:
                    a.source_actor = self._actor_in(start, cut)[0]
                self.out.append(a)
        if "(" not in text and "[" not in text:
            return
        for mt in _citations(text):
            s = m.sentence_at(mt.start())
            if s < 0 or kinds[s] == "reference":
                continue
            who = mt.group("who") or f"[{mt.group('num')}]"
            st = mt.start("who") if mt.group("who") else mt.start()
            en = mt.end("who") if mt.group("who") else mt.end()
            a = Attribution(
                kind="reference",
                sentence_id=s,
                source=who,
                source_text=who,
                source_start=st,
                source_end=en,
                source_type=DOCUMENT,
                category="citation",
            )
            self._content_span(a, m.sent_starts[s], mt.start())
            self.out.append(a)

    # ------------------------------------------------------------------ names
    def _nearest_name(
        self,
        pos: int,
        after: int,
        female: bool = False,
        reported: tuple[int, int] = (-1, -1),
        own: tuple[int, int] = (-1, -1),
        described: tuple[int, int] = (-1, -1),
    ) -> tuple[str, str] | None:
        """The last person named before ``pos`` in the same or the previous paragraph, if after ``after``.

        A name is two or three capitalised words once the titles and organisation words before them are set aside
        ("House Speaker Nancy Pelosi" names Nancy Pelosi), or a surname alone after a title ("Mr. Trump") or of
        someone the document names in full ("Trump, struggling in the polls, piled on" after "Donald Trump"). Not
        a place ("New Hampshire"), a body's name ("the Muslim Brotherhood", "Department of Homeland Security"), a
        possessor ("Mandela's death"), a name inside ``reported`` (the words of the last speaker, who is the
        likelier "he": "Carter said Obama would ... 'I'm hopeful,' he told") or inside ``own`` (the pronoun's own
        quotation: "'Judge Ellis may ...,' she said"), nor one in the rest of the last speaker's sentence after
        its name, ``described`` (what describes the speaker: "said Paul Begala, a former adviser to Bill Clinton.
        ... he said" is Begala), nor one after a title of the other sex ("Mr. Biden" for "she", as ``female``
        tells). Returns the name and the actor mentioned there.
        """
        m = self.m
        s = m.sentence_at(pos)
        p = m.sent_para[s]
        paras = self.paras
        lo = max(after, paras[p - 1][0] if p > 0 else 0, pos - 600)
        text = self.text
        fallback: tuple[str, str] | None = None
        for mt in reversed(list(_CAPITALISED_RUN_RE.finditer(text, lo, pos))):  # the last good one
            if (
                reported[0] <= mt.start() < reported[1]
                or own[0] <= mt.start() < own[1]
                or described[0] <= mt.start() < described[1]
            ):
                continue
            body = _ORGANISATION_BEFORE.search(text, max(0, mt.start() - 40), mt.start())
            if body and not _POSSESSIVE_INSIDE.search(mt.group()):
                # "the Muslim Brotherhood", "Department of Homeland Security": a body's name (not "the BBC's Jonathan
                # Head", whose "the" is the BBC's)
                continue
            span = self._name_in_run(mt.group(), mt.start(), female)
            if span is not None:
                a, b = span
                if fallback is None and _RELATIVE_CLAUSE_OPEN.search(text, max(lo, a - 200), a):
                    # a name inside a relative clause ("Christie, who has campaigned for Donald Trump since ...,
                    # blasted Clinton ... he said"): the person it describes is the likelier one, if named before it
                    # or the last to speak
                    fallback = (text[a:b], self._actor_in(a, b)[0])
                    continue
                return text[a:b], self._actor_in(a, b)[0]
        # the name inside a relative clause, unless the last person who spoke is there to fall back on
        return fallback if after < 0 else None

    def _trim_run(self, run: str) -> tuple[list[re.Match[str]], tuple[str, ...], str]:
        """The words of a run of capitalised words after the last title, function word, organisation word or day
        ("House Speaker Nancy Pelosi" → "Nancy Pelosi"), and after a common word opening the run ("Then", "New"
        before "Mitt Romney"), with the words in lower case and the last title ("" if none). Read once per
        distinct run in a document (a name recurs: "President Donald Trump" …)."""
        done = self._trimmed.get(run)
        if done is not None:
            return done
        words = list(_RUN_WORD_RE.finditer(run))
        low = [w.group().rstrip(".").lower() for w in words]
        names = self.f.typer.names
        k = len(words)
        while k > 0 and not (
            low[k - 1] in TITLES or low[k - 1] in _NOT_NAMES or low[k - 1] in names or low[k - 1] in TIME_WORDS
        ):
            k -= 1
        title = low[k - 1] if k > 0 and low[k - 1] in TITLES else ""
        if (
            k == 0
            and len(words) > 1
            and (english_frequencies().get(low[0], 0) >= COMMON_WORD or low[0].endswith(("ing", "ed")))
        ):
            k = 1  # a headline's verb or a sentence's first word: "Approving Keystone", "Then I’m"
        done = self._trimmed[run] = words[k:], tuple(low[k:]), title
        return done

    def _name_in_run(self, run: str, at: int, female: bool | None = None) -> tuple[int, int] | None:
        """Where a person's name is in a run of capitalised words starting at ``at`` (see :meth:`_nearest_name`;
        ``female``: the pronoun's sex, ``None`` for either)."""
        rest, low, title = self._trim_run(run)
        if not rest or len(rest) > 3 or rest[0].group().endswith(".") or rest[-1].group().endswith(POSSESSIVE_ENDS):
            return None  # nothing left, not a person's name ("Homeland Security John Kelly"), an initial, a possessor
        if female is not None and title and title in (_FEMALE_TITLES if not female else _MALE_TITLES):
            return None
        if female is not None and given_name_sex(rest[0].group()) == ("male" if female else "female"):
            return None  # "he" is not "Michelle Obama", nor "she" "Barack Obama"
        if len(rest) >= 2:
            if (
                low in self.f.typer.places
                or low[:1] in self.f.typer.places
                or low[-1] in _NOT_SURNAMES
                or low[0] in _PLACE_OPENERS
            ):
                # "New Hampshire", "Arizona Republican", "Marin County", "Democratic National Convention", "San Angelo"
                return None
            return at + rest[0].start(), at + rest[-1].end()
        surname = rest[0].group()
        if not title:
            sexes = self._full_name_surnames()
            if surname not in sexes:
                return None  # a surname alone: after a title ("Mr. Trump") or of a person named in full
            if female is not None and sexes[surname] == ("male" if female else "female"):
                return None  # "he" is not "Rice" when the document names her "Susan Rice"
        return at + rest[0].start(), at + rest[0].end()

    def _full_name_surnames(self) -> Mapping[str, str]:
        """The last words of the persons' names the document writes in full (two or three words once titles are set
        aside, as :meth:`_name_in_run` reads them), each with the sex its given names tell ("female", "male", or
        "" when unknown or when persons of both share it), and the surnames it writes after a title only
        ("President Obama", with the sex of "Mr." or "Mrs." if that is the title), computed once per document."""
        if self._surnames is None:
            self._surnames = {}  # while the names are read, a lone surname is none
            text = self.text
            found: dict[str, str] = {}
            titled: dict[str, str] = {}  # surnames written only after a title ("President Obama", "Mrs. May")
            for mt in _CAPITALISED_RUN_RE.finditer(self.text):
                if " " in mt.group():
                    span = self._name_in_run(mt.group(), mt.start())
                    if span is None:
                        continue
                    if " " in text[span[0] : span[1]]:
                        given, _, last = text[span[0] : span[1]].rpartition(" ")
                        sex = given_name_sex(given.split(None, 1)[0])
                        found[last] = sex if found.get(last, sex) == sex else ""
                    else:
                        title = self._trim_run(mt.group())[2]
                        sex = "male" if title in _MALE_TITLES else "female" if title in _FEMALE_TITLES else ""
                        titled.setdefault(text[span[0] : span[1]], sex)
            for last, sex in titled.items():
                found.setdefault(last, sex)  # "President Obama ... Obama appears to ...": a person's surname
            self._surnames = found
        return self._surnames

    def _number(self, a: Attribution) -> str:
        """What a source that is not a person can be referred to by: "plural" (a group: "Senate Democrats",
        "those surveyed", "officials in D.C. and Maryland"), "name" (a body by its name, "it" or "they": "the Times",
        "the Association of South East Asian Nations"), "institution" (one body named by a common noun, which news
        English also calls "they": "Mr. Romney's campaign") or "single" (one person or document: "a senior
        official", "the study")."""
        raw = WORD_RE.findall(a.source_text)
        if not raw:
            return "single"
        toks = [w.lower() for w in raw]
        end = head_end_of(toks, 0, len(toks))
        head = toks[end - 1]
        if head in _PLURAL_NOUNS or "and" in toks[:end] or head.endswith(("men", "children")):
            return "plural"
        typer = self.f.typer
        # a capital makes a name, unless the word is a common noun or a group (opening a sentence: "Analysts said")
        capitalised = raw[end - 1][:1].isupper() and head not in typer.common
        if head.endswith("s") and not head.endswith(_S_SINGULAR) and len(head) > 2:
            return "name" if capitalised and typer.names.get(head) != ANONYMOUS else "plural"
        if capitalised:
            return "name"
        if a.source_type == OFFICIAL and head not in TITLES and not head.endswith(_ONE_PERSON):
            return "institution"  # "the ministry", "the campaign", "the committee"; not "a spokesman", "the minister"
        return "single"

    def _surname_of_place(self, name: str) -> bool:
        """Whether a place that speaks ("Israel said") is a person's surname in this document: somewhere it comes
        right after a given name ("Rep. Steve Israel")."""
        if (name.lower(),) not in self.f.typer.places:
            return False
        return any(given_name_before(self.text, at) for at in self._written_at(name))

    def _written_at(self, word: str) -> list[int]:
        """Where the one-word ``word`` stands in the text as written (same capitals), alone or with "'s": read off
        the text model's word index, not by searching the text again."""
        index, starts, text = self.m.index, self.m.tok_starts, self.text
        low = word.lower()
        return [
            starts[i]
            for form in (low, low + "'s", low + "’s")
            for i in index.get(form, ())
            if text.startswith(word, starts[i])
        ]

    def _resolve(self) -> None:
        """Surnames to full names; he/she to the person named nearest before; it/they to the last source that is
        not a person, of the same number ("Senate Democrats ... They also pushed", "the ministry ... it said"; not
        "the administration" for "they", nor "officials" for "it")."""
        m = self.m
        last_person: Attribution | None = None
        # the last source that is not a person, of each number (see _number)
        last: dict[str, Attribution | None] = dict.fromkeys(("plural", "single", "institution", "name"))
        for a in self.out:
            if a.source_start < 0:
                continue
            w = a.source_text.lower()
            if (w in PRONOUNS or w in _OBJECT_PRONOUNS) and a.source_text:
                if w in ("he", "she", "him", "her"):
                    ante = last_person
                    near = self._nearest_name(
                        a.source_start,
                        ante.source_end if ante is not None else -1,
                        female=w in ("she", "her"),
                        reported=(ante.content_start, ante.content_end) if ante is not None else (-1, -1),
                        own=(a.content_start, a.content_end),
                        described=(ante.source_end, m.sent_ends[ante.sentence_id]) if ante is not None else (-1, -1),
                    )
                    if near is not None:
                        a.source, a.source_type = full_name(self.text, near[0], self.names), NAMED
                        a.source_actor = a.source_actor or near[1]
                        a.resolved = "pronoun"
                        continue
                elif w in ("it", "they", "them"):
                    # "they" for a group, a body by its name or an institution ("the campaign ... They said"); "it"
                    # for one body or document, or a body by its name ("the Times wrote ... it further wrote")
                    fits = ("plural", "name", "institution") if w != "it" else ("single", "institution", "name")
                    found = [x for x in map(last.__getitem__, fits) if x is not None]
                    ante = max(found, key=_source_start, default=None)
                else:
                    ante = None
                if ante is not None and m.sent_para[a.sentence_id] - m.sent_para[ante.sentence_id] <= 2:
                    a.source = ante.source
                    a.source_type = ante.source_type
                    a.source_actor = a.source_actor or ante.source_actor
                    a.resolved = "pronoun"
            elif a.source_type == OFFICIAL and not a.source_actor and self._surname_of_place(a.source):
                a.source_type = NAMED  # "Israel said" after "Rep. Steve Israel": the person, not the country
                a.source = full_name(self.text, a.source, self.names)
                a.resolved = "surname"
            elif a.source_type == NAMED and a.source:
                full = full_name(self.text, a.source, self.names)
                if full != a.source:
                    a.source = full
                    a.resolved = "surname"
            if a.source_type == NAMED and a.resolved != "pronoun" and a.source_text.lower() not in PRONOUNS:
                last_person = a
            elif a.source_type in (OFFICIAL, ANONYMOUS, DOCUMENT) and a.source_text.lower() not in PRONOUNS:
                last[self._number(a)] = a


#: a run of capitalised words (initials among them), each ending in a lower-case letter: "House Speaker Nancy
#: Pelosi", "Mitch McConnell", "Paul D. Ryan", "Lisa Coté", "Mr. Trump" (an abbreviated title and its period);
#: the look-behind keeps the run from starting inside a word or after a period
_RUN_WORD = rf"(?:[A-Z](?<![\w.][A-Z])(?:{ABBREVIATED_TITLE_TAIL}|(?:[^\W\d_]|[’'\-])*[^\W\d_A-Z]|\.))"
_CAPITALISED_RUN_RE = re.compile(rf"{_RUN_WORD}(?:[ \t]+{_RUN_WORD})*(?![\w-])")
#: what comes before a body's name, not a person's: "the" ("the Muslim Brotherhood") or a capitalised word and "of"
#: ("Department of Homeland Security")
_ORGANISATION_BEFORE = re.compile(r"(?:(?<![\w.])[Tt]he|[A-Z][\w’'\-]*[ \t]+of)[ \t]+$")
_POSSESSIVE_INSIDE = re.compile(r"[’']s[ \t]")
#: last words of the names of places, events and things, which are seldom surnames: a run of capitalised words
#: ending in one is no person for "he" or "she" to stand for
_NOT_SURNAMES = frozenset(
    _words(
        "county city state convention conventions avenue highway river district province island valley airport "
        "station square tower museum prize award summit forum conference festival peninsula ocean sea gulf coast "
        "border region league cup games act treaty deal plan"
    )
)
#: relative pronouns that open a relative clause after a comma, and how many words such a clause may run to
_RELATIVE_PRONOUNS = frozenset(_words("who whom whose which"))
_RELATIVE_CLAUSE_REACH = 40
#: how many words an apposition may run between a speaker and the verb ("Mr. Zarif, a close political ally of the
#: president and a frequent target of the hard-line factions, tweeted")
_APPOSITION_REACH = 16
#: ", who" or ", which" opening a relative clause that no comma, full stop or quotation mark has closed before the
#: end of the searched span (the search ends at a name: the name is inside the clause)
_RELATIVE_CLAUSE_OPEN = re.compile(rf",\s+(?:{'|'.join(sorted(_RELATIVE_PRONOUNS))})\b[^,.;:\"“”]*\Z")
#: first words of places' names that are seldom given names: "San Angelo", "Fort Bliss", "Los Alamos", "Lake Erie"
_PLACE_OPENERS = frozenset(_words("san santa los las fort port lake mount mt saint st sao puerto rio cape"))
_MALE_TITLES = frozenset(["mr", "sir", "lord", "king", "prince", "father", "brother"])
_FEMALE_TITLES = frozenset(["mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "sister"])
_RUN_WORD_RE = re.compile(rf"{ABBREVIATED_TITLE}|[A-Z](?:(?:[^\W\d_]|[’'\-])*[^\W\d_A-Z]|\.)")

_NOT_SPEAKERS = frozenset(
    _words("""
    note editor editors update updated correction photo photos video watch read related see source sources key way
    more also next previously trending recommended sponsored
    breaking exclusive opinion analysis comment live warning listen subscribe advertisement ad q a question answer
    background context summary conclusion introduction references abstract keywords disclosure disclaimer clarification
    """)
)


def _brackets(text: str) -> list[int]:
    """Where "(" and "[" stand in the text, in order: found by ``str.find`` (memchr), several times faster than a
    regex character class scanning every character."""
    out = []
    for ch in "([":
        i = text.find(ch)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1)
    out.sort()
    return out


def _citations(text: str) -> list[re.Match[str]]:
    """The matches of ``_CITATION_RE.finditer(text)``, tried only where a bracket opens (every citation starts
    with "(" or "["): the same matches, without running the long pattern at every character."""
    out = []
    end = 0
    match = _CITATION_RE.match
    for pos in _brackets(text):
        if pos < end:
            continue
        mt = match(text, pos)
        if mt is not None:
            out.append(mt)
            end = mt.end()
    return out


def _opens_clause(text: str, a: int, b: int) -> bool:
    """True when the characters between two words can precede a capitalised sentence opener (": “")."""
    return any(ch in text[a:b] for ch in ":“\"'‘(—–")


#: a colon or a quotation right after a cue: what a source says follows ("from a 2012 report: Iran ...", "as Liz
#: Harrington at Townhall reports, “...")
_QUOTE_OR_COLON_AFTER = re.compile(r"\s*(?::|,?\s*[\"“])")


#: nouns and pronouns that are plural without an -s ("police say", "those surveyed"; so are "-men" and
#: "children"), and endings of singular nouns that end in an s ("news", "analysis", "campus", "CNN's")
_PLURAL_NOUNS = frozenset(
    _words("people police staff personnel clergy folks taliban militia mujahideen those these both few several all")
)
_S_SINGULAR = ("ss", "us", "is", "ics", "news", "’s", "'s")
#: endings of nouns for one person that the sources lexicon types as official ("spokesman", "director",
#: "commander"), which are not institutions that news English calls "they"
_ONE_PERSON = ("man", "woman", "person", "director", "commander", "officer", "head")


def _source_start(a: Attribution) -> int:
    return a.source_start


#: a passive's auxiliary at the end of the clause before "(first) reported by"
_TRAILING_AUXILIARY_RE = re.compile(r"\s+(?:was|were|is|are|been|has been|have been|had been)\s*$", re.IGNORECASE)
#: what one assumes when one takes it on ("assumed the role", "assume office", "assumed control of")
_TAKEN_ON = frozenset(
    _words(
        "role roles office post position presidency leadership command control power responsibility "
        "responsibilities duties mantle helm chairmanship throne title risk risks debt burden identity name"
    )
)


def _takes_on(toks: Sequence[str], k: int, n: int) -> bool:
    """Whether "assume" at token ``k - 1`` takes on something ("the role", "office", "his new post") rather than
    supposing a clause: one of :data:`_TAKEN_ON` within its next three words, which do not open a clause."""
    if k >= n or toks[k] == "that" or toks[k] in PRONOUNS:
        return False
    return any(t in _TAKEN_ON for t in toks[k : min(n, k + 3)])


#: prepositions that are adverbs of approximation before a number ("about 40 percent", "over half")
_APPROXIMATELY = frozenset(_words("about around over under"))


def _compound_head(text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], k: int) -> bool:
    """Whether token ``k`` is the head noun of a compound whose modifier is the token before it ("census decision",
    "poll numbers"): a word in lower case after one space that is no function word, time word, participle or
    number ("a poll of voters", "a poll last week", "a survey released Monday")."""
    t = toks[k]
    return (
        text[se[k - 1] : ss[k]] == " "
        and text[ss[k]].islower()
        and t.isalpha()
        and t not in STOP
        and t not in DETERMINERS
        and t not in _AFTER_A_DOCUMENT
        and not t.endswith(("ed", "en", "ing"))
    )


#: words after a document's noun that do not make it a modifier ("a poll of voters", "a survey last month")
_AFTER_A_DOCUMENT = frozenset(_words("of last next this earlier later out today yesterday tonight"))


def _before_parenthesis(text: str, ss: Sequence[int], se: Sequence[int], j: int, lo: int) -> int:
    """The token right before the parenthesis that token ``j`` is in ("Paul D. Ryan (R-Wis.)", "Dianne Feinstein
    (Calif.)"), searching from offset ``lo``; -1 when there is none."""
    op = text.rfind("(", lo, ss[j])
    jj = j
    while jj >= 0 and ss[jj] > op:
        jj -= 1
    return jj if op >= 0 and jj >= 0 and not text[se[jj] : op].strip() else -1


def _after_preposition(text: str, toks: Sequence[str], ss: Sequence[int], se: Sequence[int], a: int) -> bool:
    """Whether token ``a`` follows a preposition or "to" in the same phrase, adverbs in -ly aside ("through purely
    military", "according to local"; not "qualifying for), the federal government", nor "of" after a part: "a
    number of members")."""
    k = a - 1
    while k >= 0 and toks[k].endswith("ly") and toks[k] not in _NOT_ADVERBS and _soft(text[se[k] : ss[k + 1]]):
        k -= 1
    if k < 0 or toks[k] not in _OPENS_ANOTHER_PHRASE or not _soft(text[se[k] : ss[k + 1]]):
        return False
    if toks[k] in _APPROXIMATELY and k == a - 1 and (_is_share(toks[a]) or toks[a][:1].isdigit()):
        # "About three-quarters support", "about 40 percent": a number's adverb, unless a preposition precedes it
        # ("a group of about 50 groups")
        k -= 1
        if k < 0 or toks[k] not in _OPENS_ANOTHER_PHRASE or not _soft(text[se[k] : ss[k + 1]]):
            return False
    return not (toks[k] == "of" and k > 0 and (toks[k - 1] in _QUANTITY_OF or _is_share(toks[k - 1])))


def _soft(gap: str) -> bool:
    """True when the characters between two words keep them in one phrase (space, a period, a hyphen)."""
    if gap == " ":
        return True
    g = gap.strip()
    return not g or g == "." or g == "-"


#: words between a participle and "by" its agent ("rejected both by lawmakers", "criticised even by allies")
_AGENT_ADVERBS = frozenset(["both", "even", "also", "again", "first", "later", "then", "most", "all"])
#: what follows "by" as a means, not an agent ("said by phone", "announced by video link")
_MEANS = frozenset(
    [
        "phone",
        "telephone",
        "email",
        "e-mail",
        "mail",
        "text",
        "video",
        "videolink",
        "link",
        "letter",
        "fax",
        "twitter",
        "tweet",
        "post",
        "statement",
        "hand",
        "radio",
        "satellite",
        "messenger",
        "teleconference",
        "conference",
        "call",
        "zoom",
        "skype",
    ]
)


#: what follows "by" after "be" and a participle as a time or a means, not an agent ("will be realized by the time
#: he leaves", "was announced by video"); a count can be one there ("is supported by 60 percent of voters")
_NOT_AGENTS_AFTER_BE = (
    _MEANS | _TIME_NOUNS | frozenset(_words("end start beginning middle noon midnight now then time deadline"))
)
#: what follows "by" as a time, a way or a count, not an agent ("confirmed by the end of the week", "approved by
#: a vote of 60 to 40", "announced by decree", "passed by a wide margin")
_NOT_AGENTS = (
    _MEANS
    | WEEKDAYS
    | MONTHS
    | _TIME_NOUNS
    | frozenset(
        _words(
            "end start beginning middle noon midnight now then today tomorrow yesterday tonight time deadline "
            "decree order vote votes margin majority law referendum acclamation default consensus mistake accident "
            "chance force percent point points"
        )
    )
)


def _participle(tok: str) -> bool:
    return tok.endswith("ed") or tok in _PARTICIPLE_IRREGULAR


def _first_stop(text: str, start: int, end: int) -> int:
    """End of the author or issuer part of a reference ("Hussain, Abid." / "The Guardian.")."""
    for m in re.finditer(r"\.(?=\s|$)|[,(]\s*(?:19|20)\d\d", text[start:end]):
        before = text[start : start + m.start()]
        last = before.rsplit(" ", 1)[-1]
        if len(last) <= 2 and last[:1].isupper() and m.group() == ".":
            continue  # an initial
        return start + m.start()
    return end


def _double_apostrophe_quotes(text: str, paras: Sequence[tuple[int, int]]) -> list[Quote]:
    """Quotations marked with two apostrophes (``''...''``), paired within each paragraph."""
    out: list[Quote] = []
    for ps, pe in paras:
        i = text.find("''", ps, pe)
        open_at = -1
        while i >= 0:
            if open_at < 0:
                open_at = i
            else:
                out.append(Quote(open_at, i + 2, open_at + 2, i, "''", True))
                open_at = -1
            i = text.find("''", i + 2, pe)
        if open_at >= 0:
            out.append(Quote(open_at, pe, open_at + 2, pe, "''", False))
    return out
