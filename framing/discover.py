"""Proposing actors for a corpus that has no actor file.

Candidates are capitalised word sequences (up to five words, with "of", "the",
"al" and similar inside) that occur in the middle of a sentence somewhere, so
that sentence-initial words ("Despite", "However") are not mistaken for names;
once a name is, every document that has it counts, also one where it only opens
sentences. A word that also appears in lower case more often than capitalised
is a common word, not a name. Variants are grouped:

* possessives ("Pakistan's" → "Pakistan");
* an acronym in parentheses after its long form, when its letters are the form's initials in order
  ("Tehreek-e-Taliban Pakistan (TTP)"; not a dateline's "LOS ANGELES (CNN)"), or made of the
  initials of the one long form found that has them, or of one at least five times as common as any other
  ("US" / "United States", "FBI" / "Federal Bureau of Investigation");
* demonyms sharing a stem ("Pakistan" / "Pakistani" / "Pakistanis", "Afghanistan" / "Afghan"), and an
  adjective in -ic ("Democrat" / "Democratic");
* names of one place or body listed in ``framing/data/name_variants.txt`` ("America" / "United States",
  "Britain" / "United Kingdom");
* a person's surname with the full name ("Rizvi" → "Hasan Askari Rizvi", "Trump" → "Donald Trump"; the actor's
  type is then "person", so its surname after another given name is not a mention: "Melania Trump"), unless the
  first word of that name stands alone in more documents than the name itself ("Republican Congress"), is a
  common word ("New Mexico", "Middle East": "Mexico" is no one's surname) or the name mostly follows "the"
  ("the Islamic State").

A name is also a person's, though no surname joined it, when it follows a title only a person bears at least
twice and in 5% of its mentions ("Mrs. Clinton", "President Clinton", "Secretary Hillary Clinton": "Clinton" and
"Hillary Clinton" stay apart, as two people have the surname, but both are persons), or opens with a given name
and its surname does so; the sourcing analyzer then types "Clinton said" as a person speaking, not an institution.

A variant joins a head form only when the head is not much rarer (in at least a fifth as many documents):
"Republic" (in a few documents) does not become the head of "Republican", nor a rare "Michael Jordan" of a
frequent "Jordan". A single word that mostly follows "the" ("the House", "the Senate") names an institution
or a place, not a person, so it is no one's surname ("House" is not "White House"). "New", "First" and "Last"
open names ("New York", "First Amendment") and are dropped only when they stand alone.

Groups are ranked by the number of documents that mention them. Large corpora
are sampled (at most ``max_docs`` documents, spread evenly) to keep discovery fast.
A small corpus (fewer than :data:`SMALL_CORPUS` documents: one article, a class's
three) counts mentions instead of documents, so that a name named twice in one
article is proposed, and there a name that only opens sentences counts when its
words are rare in English ("Afghanistan denied ...").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .actors import Actor
from .clean import Cleaner
from .surnames import is_given_name
from .vocab import MONTHS, RARE_WORD, WEEKDAYS, english_frequencies
from .wording import count

#: with fewer analysable documents than this, discovery counts a name's mentions rather than its documents (a
#: name must still be named twice): one article, or a class's three, has names in only one of them
SMALL_CORPUS = 5

if TYPE_CHECKING:
    from .actors import ActorSet

_CONNECT = r"(?:of|the|for|al|el|bin|ibn|de|du|van|von|la|le|e|i)"
# a capitalised word; an apostrophe is part of it only before a letter other than "s" (O'Malley, not Pakistan's)
_CAP_WORD = r"[A-Z](?:[\w\-]|['’](?=[a-rt-zA-Z]))*\w|[A-Z]"
_PHRASE_RE = re.compile(
    rf"(?<![\w’'\-])((?:{_CAP_WORD})(?:\s+(?:{_CONNECT}\s+)?(?:{_CAP_WORD})){{0,4}})(?:['’]s?)?(?![\w])"
)
_ACRONYM_RE = re.compile(
    rf"((?:{_CAP_WORD})(?:\s+(?:{_CONNECT}\s+)?(?:{_CAP_WORD})){{1,6}})\s+\(([A-Z][A-Za-z\-]{{1,9}})\)"
)
_LOWER_WORD_RE = re.compile(r"\b[a-z][a-z\-]+\b")
_SENT_START_RE = re.compile(r"(?:^|[.!?:;\"“”]\s+|\n\s*)$")
_STOP = (
    frozenset(
        [
            "the",
            "a",
            "an",
            "this",
            "that",
            "these",
            "those",
            "it",
            "its",
            "he",
            "she",
            "they",
            "we",
            "i",
            "you",
            "there",
            "here",
            "but",
            "and",
            "or",
            "so",
            "yet",
            "in",
            "on",
            "at",
            "for",
            "from",
            "by",
            "with",
            "after",
            "before",
            "when",
            "while",
            "as",
            "if",
            "although",
            "though",
            "since",
            "however",
            "meanwhile",
            "despite",
            "according",
            "his",
            "her",
            "their",
            "our",
            "my",
            "some",
            "many",
            "most",
            "all",
            "no",
            "one",
            "two",
            "three",
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "gen",
            "sen",
            "rep",
            "gov",
            "president",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "also",
            "even",
            "what",
            "why",
            "how",
            "who",
            "which",
            "where",
            "yes",
            "not",
            "said",
            "says",
            "read",
            "more",
            "first",
            "last",
            "new",
            "let",  # "Let's" opens quoted sentences mid-sentence; the possessive-like "'s" hid it
        ]
    )
    | WEEKDAYS
    | MONTHS
)  # "On Monday", "In March": times, not names
#: a contraction ("I'm", "I’ll"), not a name
_CONTRACTION_RE = re.compile(r"['’](?:m|ll|ve|d|re|t)$", re.IGNORECASE)
#: words of _STOP that begin names ("New York", "First Amendment"): stripped from a phrase only when alone
_NAME_OPENERS = frozenset(["new", "first", "last"])
#: a head form must be in at least this share of the documents of a variant it takes in
_HEAD_SHARE = 0.2
#: a single word that follows "the" in at least this share of its occurrences is not a surname
_THE_SHARE = 0.4
_DEMONYM_SUFFIXES = ("i", "is", "ian", "ians", "n", "ns", "ese", "ish", "an", "ans", "s", "ic")
_PLACE_SUFFIXES = ("istan", "ia", "land", "a")
_COMPOUND_RE = re.compile(r"^([A-Z][a-z]{2,})-([A-Z][a-z]{2,})$")
#: titles that only a person bears: a name after one of them ("Mrs. Clinton", "Secretary Hillary Clinton", "Sen.
#: Rubio") is a person's; not party labels or offices that also head bodies ("Senate", "House")
_PERSON_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "president",
        "secretary",
        "mayor",
        "judge",
        "justice",
        "prime",
        "minister",
        "pope",
        "king",
        "queen",
        "prince",
        "princess",
        "sheikh",
        "ayatollah",
        "imam",
    ]
)
#: an abbreviated title with its period right before a name ("Mrs. Clinton"): one of :data:`_PERSON_TITLES`
_ABBREVIATED_TITLE_BEFORE_RE = re.compile(r"(?:^|[^\w.])([A-Z][a-z]{1,3})\.\s+$")
#: how many times, and in what share of its mentions, a name must follow a title in the documents read to make a
#: discovered actor a person ("Mrs. Clinton"; not "House" after "Dr. Gregory" and "Rep." once each)
_TITLED = 2
_TITLED_SHARE = 0.05


def _candidates(text: str) -> tuple[Counter[str], Counter[str], dict[str, str], Counter[str], Counter[str]]:
    """Capitalised phrases in mid-sentence and anywhere, acronyms with their long forms, how often each
    phrase follows "the", and how often each follows a title only a person bears (:data:`_PERSON_TITLES`)."""
    mid: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    after_the: Counter[str] = Counter()
    titled: Counter[str] = Counter()
    acronyms: dict[str, str] = {}
    for m in _PHRASE_RE.finditer(text):
        phrase = m.group(1)
        words = phrase.split()
        if len(words) <= 4 and all(w[:1].isupper() for w in words):  # not "Secretary of State"
            if words[0].lower() in _PERSON_TITLES and len(words) >= 2:  # "President Trump", "Secretary H. Clinton"
                titled[" ".join(words[1:])] += 1
                titled[words[-1]] += len(words) > 2
            elif len(words) <= 3 and _after_abbreviated_title(text, m.start()):
                titled[phrase] += 1  # "Mrs. Clinton", "Sen. Marco Rubio"
                titled[words[-1]] += len(words) > 1
        the = text[max(0, m.start() - 4) : m.start()].lower() == "the "
        while words and words[0].lower() in _STOP and not (words[0].lower() in _NAME_OPENERS and len(words) > 1):
            the = words[0].lower() == "the"
            words = words[1:]
        while words and (words[-1].lower() in _STOP or _CONTRACTION_RE.search(words[-1])):
            words = words[:-1]
        if not words or _CONTRACTION_RE.search(words[0]):
            continue
        phrase = " ".join(words)
        if len(phrase) < 2:
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        is_mid = not _SENT_START_RE.search(before) and m.start() > 0
        compound = _COMPOUND_RE.match(phrase)
        for p in compound.groups() if compound else (phrase,):  # "Pakistan-Afghanistan" names two
            anywhere[p] += 1
            if is_mid:
                mid[p] += 1
            if the:
                after_the[p] += 1
    for m in _ACRONYM_RE.finditer(text):
        long_form = " ".join(w for w in m.group(1).split())
        words = long_form.split()
        while words and words[0].lower() in _STOP:
            words = words[1:]
        if words and _abbreviates(m.group(2), words):
            acronyms[m.group(2)] = " ".join(words)
    return mid, anywhere, acronyms, after_the, titled


def _after_abbreviated_title(text: str, at: int) -> bool:
    """Whether a person's abbreviated title and its period come right before offset ``at`` ("Mrs. Clinton")."""
    t = _ABBREVIATED_TITLE_BEFORE_RE.search(text, max(0, at - 6), at)
    return t is not None and t.group(1).lower() in _PERSON_TITLES


def _titled_person(name: str, titled: Counter[str], total: Counter[str]) -> bool:
    """Whether a name (or its last word, when it opens with a given name) follows a person's title often enough
    to be a person's (:data:`_TITLED` times and :data:`_TITLED_SHARE` of its mentions): "Hillary Clinton" after
    "Secretary Hillary Clinton" and "Mrs. Clinton"; "Clinton" after "President Clinton" (a surname of two people
    stays a person's, whoever it is)."""
    words = name.split()

    def often(p: str) -> bool:
        return titled[p] >= max(_TITLED, _TITLED_SHARE * total[p])

    if often(name):
        return len(words) == 1 or (len(words) <= 3 and is_given_name(words[0]))
    # by its surname, when the name itself follows a title at least once ("Capitol Hill" never does, though "Hill"
    # may be a congressman's: "Rep. French Hill")
    return 2 <= len(words) <= 3 and is_given_name(words[0]) and titled[name] > 0 and often(words[-1])


def _abbreviates(short: str, words: list[str]) -> bool:
    """Whether ``short``, in parentheses after ``words``, can be their acronym: it has two capitals or more, and
    its letters are, in order, initials of the words or of their hyphenated parts, the first letter first
    ("Tehrik-i-Taliban Pakistan (TTP)", "Islamic State of Iraq and Syria (ISIS)"). A dateline's agency ("LOS
    ANGELES (CNN)") and a politician's state ("Ron Paul (Texas)") are in parentheses too, and are no acronyms."""
    letters = [c.lower() for c in short if c.isalpha()]
    if sum(c.isupper() for c in short) < 2 or not letters:
        return False
    initials = [part[0].lower() for w in words for part in w.split("-") if part]
    if not initials or initials[0] != letters[0]:
        return False
    k = 1
    for c in initials[1:]:
        if k < len(letters) and c == letters[k]:
            k += 1
    return k == len(letters)


@lru_cache(maxsize=1)
def _variant_rows() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The lines of ``framing/data/name_variants.txt``: (names of one place or body, names that are not it)."""
    text = resources.files("framing").joinpath("data/name_variants.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, _, others = line.partition(" ! ")
        out.append((_bar_list(names), _bar_list(others)))
    return tuple(out)


def _bar_list(part: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in part.split("|") if f.strip())


def name_variants() -> tuple[tuple[str, ...], ...]:
    """The names of one place or body (``framing/data/name_variants.txt``): "United States", "America", "USA"."""
    return tuple(names for names, _ in _variant_rows())


def not_this_name(head: str) -> tuple[str, ...]:
    """Names of other places and bodies that hold a form of ``head``, a name of a line of ``name_variants.txt``
    ("Democratic Republic of the Congo" for the Democratic Party)."""
    return next((others for names, others in _variant_rows() if head in names), ())


def _initials(phrase: str) -> str:
    """The capitals that begin the words of ``phrase``, connecting words left out, an acronym whole: "Federal
    Bureau of Investigation" → "FBI", "US Senate" → "USS"."""
    return "".join(w if w.isupper() else w[0] for w in phrase.split() if w[0].isupper())


def _rare(phrase: str) -> bool:
    """Whether every word of a phrase is rare in English (a name: "Afghanistan", "Hamdullah Fitrat"), so that in a
    small corpus a name that only opens sentences counts too."""
    freq = english_frequencies()
    return all(freq.get(w.lower(), 0) < RARE_WORD for w in phrase.split())


def discover_actors(
    cls: type[ActorSet], corpus: Any, top: int = 20, min_docs: int | None = None, max_docs: int = 1000
) -> ActorSet:
    from .io import as_corpus

    corpus = as_corpus(corpus)  # a DataFrame, records or texts, as analyze takes them
    docs = [d for d in corpus if not d.skipped]
    # a class's three articles, or one: a name in one of them is worth proposing once it is named twice
    by_mentions = min_docs is None and len(docs) < SMALL_CORPUS
    if min_docs is None:
        min_docs = 2
    if len(docs) > max_docs:
        step = len(docs) / max_docs
        docs = [docs[int(i * step)] for i in range(max_docs)]
    cleaner = Cleaner(exclude=("run_together",))
    doc_freq: Counter[str] = Counter()
    total: Counter[str] = Counter()
    mid_total: Counter[str] = Counter()
    acronyms: dict[str, str] = {}
    lower_counts: Counter[str] = Counter()
    the_total: Counter[str] = Counter()
    titled_total: Counter[str] = Counter()
    for d in docs:
        text = cleaner.clean(d.text).text
        mid, anywhere, found_acronyms, after_the, titled = _candidates(text)
        the_total.update(after_the)
        titled_total.update(titled)
        doc_freq.update(anywhere.keys())
        total.update(anywhere)
        mid_total.update(mid)
        acronyms.update(found_acronyms)
        one_word = {p.lower() for p in anywhere if " " not in p}
        if one_word:
            lowered = Counter(_LOWER_WORD_RE.findall(text))  # counted in C; looked up per candidate only
            for w in one_word:
                lower_counts[w] += lowered.get(w, 0)
    # drop common words that are only capitalised at sentence starts or in titles
    keep = {}
    for p, df in doc_freq.items():
        # a name must be seen in mid-sentence somewhere ("Despite" never is), or be an acronym; once it is, every
        # document that has it counts, also where it only opens sentences
        # in a small corpus a name must be named twice (anywhere), and names are ranked by their mentions; the
        # shares that group variants still compare documents ("Trump" and "Donald Trump" are in the same ones)
        if (total[p] if by_mentions else df) < min_docs or not (
            mid_total[p] or (p.isupper() and len(p) >= 2) or (by_mentions and _rare(p))
        ):
            continue
        if " " not in p and not p.isupper() and lower_counts[p.lower()] >= max(mid_total[p], 1):
            continue
        keep[p] = df
    if by_mentions:
        # a person's full name is given once ("Donald Trump spoke ... Trump said"): it stays when its surname was
        # kept and its first word can be a given name (not a title: "Speaker Ryan"; not a word: "Senate Republicans")
        # and so is a place named once beside its kept demonym ("Afghanistan denied" with "Afghan officials")
        stems = [q for q in keep if " " not in q and len(q) >= 4]
        for p, df in doc_freq.items():
            if p in keep:
                continue
            words = p.split()
            full_name = 2 <= len(words) <= 3 and words[-1] in keep and is_given_name(words[0])
            place = (
                len(words) == 1 and _rare(p) and any(p[len(q) :] in _PLACE_SUFFIXES and p.startswith(q) for q in stems)
            )
            if full_name or place:
                keep[p] = df

    # group variants under a head form
    head_of: dict[str, str] = {}
    by_initials: dict[str, list[str]] = defaultdict(list)
    for p in keep:
        if " " in p:
            by_initials[_initials(p)].append(p)
    for acr in keep:
        longs = sorted(by_initials.get(acr, ()), key=lambda q: -keep[q])
        # the long form, when one is found; or one far more common than the others ("United States", not
        # "Umm Sayyaf")
        if (
            acr.isupper()
            and 2 <= len(acr) <= 6
            and acr not in acronyms
            and longs
            and (len(longs) == 1 or keep[longs[0]] >= 5 * keep[longs[1]])
        ):
            acronyms[acr] = longs[0]
    for acr, long_form in acronyms.items():
        if acr in keep and long_form in keep:
            head_of[long_form] = acr if keep.get(acr, 0) >= keep.get(long_form, 0) else long_form
            head_of[acr] = head_of[long_form]
    singles = sorted((p for p in keep if " " not in p and not p.isupper()), key=len)
    for i, a in enumerate(singles):
        for b in singles[i + 1 :]:
            if len(a) < 4 or not b.startswith(a):
                continue
            rest = b[len(a) :]
            if rest in _PLACE_SUFFIXES and keep[b] >= _HEAD_SHARE * keep[a]:  # "Afghan" / "Afghanistan": the place
                head_of.setdefault(a, b)
            elif len(a) >= 5 and rest in _DEMONYM_SUFFIXES and keep[a] >= _HEAD_SHARE * keep[b]:  # "Pakistani"
                head_of.setdefault(b, head_of.get(a, a))
    multi = [p for p in keep if " " in p]
    persons: set[str] = set()  # full names that took a surname: people (framing.surnames guards their surname)
    for p in keep:
        if " " in p or p in head_of or p.isupper() or the_total[p] >= _THE_SHARE * total[p]:
            continue
        # a surname with a person's full name: 2-3 plain words ending in it, the only such name found, in at
        # least a fifth as many documents (news names a person in full once, then by surname)
        fulls = [
            q
            for q in multi
            if q.split()[-1] == p and len(q.split()) <= 3 and "-" not in q and keep[q] >= _HEAD_SHARE * keep[p]
        ]
        # "Republican Congress" is no one's full name: its first word stands alone in more documents than the
        # phrase does, where a given name ("Donald") rarely stands alone
        # nor is a place whose first word is a common word ("New Mexico", "Middle East": "Mexico" is not its surname)
        # or a name that mostly follows "the" ("the Islamic State")
        if (
            len(fulls) == 1
            and keep.get(fulls[0].split()[0], 0) <= keep[fulls[0]]
            and is_given_name(fulls[0].split()[0])
            and the_total[fulls[0]] < _THE_SHARE * total[fulls[0]]
        ):
            head_of[p] = fulls[0]
            persons.add(fulls[0])

    def root(p: str) -> str:
        seen = set()
        while p in head_of and head_of[p] != p and p not in seen:
            seen.add(p)
            p = head_of[p]
        return p

    # names of one place or body ("America" and "United States"): one group, headed by the usual name when found
    variants: set[str] = set()  # their forms, whose demonyms stay demonyms under the new head ("American")
    for row in name_variants():
        present = [f for f in row if f in keep]
        if len(present) > 1:
            variants.update(present)
            head = row[0] if row[0] in keep else max(present, key=keep.__getitem__)
            roots = {root(f) for f in present}
            head_of.pop(head, None)  # the usual name heads the group, also over an acronym ("US")
            for r in roots - {head}:
                head_of[r] = head

    groups: dict[str, dict[str, Any]] = defaultdict(lambda: {"forms": set(), "rank": 0, "docs": 0, "count": 0})
    for p, n in keep.items():
        h = root(p)
        g = groups[h]
        g["forms"].add(p)
        g["rank"] = max(g["rank"], total[p] if by_mentions else n)  # documents, or mentions in a small corpus
        g["docs"] = max(g["docs"], doc_freq[p])
        g["count"] += total[p]
    ranked = sorted(groups.items(), key=lambda kv: (-kv[1]["rank"], -kv[1]["count"], kv[0]))
    actors = []
    used: set[str] = set()
    for head, g in ranked:
        forms = sorted(g["forms"] - {head} - used)
        if head in used:
            continue
        abbreviations = [f for f in forms if f.isupper() and len(f) <= 6]
        demonyms = [
            f
            for f in forms
            if f not in abbreviations
            and " " not in f
            and f != head
            and (
                (
                    " " not in head
                    and (
                        (f[len(head) :] in _DEMONYM_SUFFIXES and f.startswith(head))
                        or (head.startswith(f) and head[len(f) :] in _PLACE_SUFFIXES)
                        or any(
                            f.startswith(d) and f[len(d) :] in _DEMONYM_SUFFIXES
                            for d in forms
                            if head.startswith(d) and d != f
                        )
                    )
                )
                # of a name merged as a variant: "American" of "America", under "United States"
                or any(f.startswith(d) and f[len(d) :] in _DEMONYM_SUFFIXES for d in variants & set(forms) if d != f)
            )
        ]
        # a variant place name with an "s" is another place ("the Americas" are not America): not a mention,
        # unless its line lists it too ("Republicans")
        plural_places = [
            f for f in forms if f[:-1] in variants and f.endswith("s") and f not in abbreviations and f not in variants
        ]
        demonyms = [f for f in demonyms if f not in plural_places]
        aliases = [f for f in forms if f not in abbreviations and f not in demonyms and f not in plural_places]
        forms_map = {}
        if aliases:
            forms_map["aliases"] = tuple(aliases)
        if demonyms:
            forms_map["demonyms"] = tuple(demonyms)
        if abbreviations:
            forms_map["abbreviations"] = tuple(abbreviations)
        exclude = (*plural_places, *not_this_name(head))
        if exclude:
            forms_map["exclude"] = exclude
        name = head
        if head.isupper() and aliases:
            # keep the acronym as the name ("TTP") and the long form as an alias
            pass
        actors.append(
            Actor(
                name=name,
                type="person"
                if head in persons
                or (_titled_person(head, titled_total, total) and the_total[head] < _THE_SHARE * total[head])
                else "",
                forms=forms_map,
                description=f"discovered: {count(g['docs'], 'document')}",
            )
        )
        used.update(g["forms"])
        if len(actors) >= top:
            break
    return cls(actors, source=f"discovered from {corpus.name or 'corpus'}")
