"""A person's surname as a mention, after the person's full name in the same document.

News names a person in full once ("Defence Minister Khawaja Asif") and then by surname alone ("Asif added").
For an actor whose ``type`` says it is a person (``type: person`` in an actor file), a bare surname is a mention
of that person when, in the same document:

* the person's full name (or another of its forms) came before it;
* no other person with that surname is named in the document: neither another person of the set ("Sharif"
  when both Nawaz and Shehbaz Sharif are actors and named) nor anyone else ("Nawaz Sharif" in a document about
  Shehbaz Sharif: "Melania Trump" is not Donald Trump). A capitalised word right before a surname is another
  given name unless it is a title or party label (``framing/data/titles.txt``: "President", "Mr.",
  "Republican"), a function word or common English word ("When Asif said", "Despite Trump"), a possessive
  ("Pakistan's Asif"), a word in capitals ("WATCH Obama"), a hyphenated word ("President-elect") or a form of an
  actor.

The mention's ``form`` is ``"surname"``. A surname that is already a form of its person (an alias, as discovery
gives "Trump" to "Donald Trump") is found everywhere, as given, except after another given name ("Melania
Trump", "Michelle Obama"). That exception holds also for an actor with no type whose name opens with a given name
of :func:`given_name_sex`'s list ("Donald Trump", "Bernie Sanders" in ``ActorSet.from_dict``): "Ivanka Trump" and
"Sarah Sanders" are other persons.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .vocab import MONTHS, WEEKDAYS, common_words, english_frequencies

if TYPE_CHECKING:
    from .actors import Actor, Mention

__all__ = ["Surnames", "given_name_before", "given_name_sex", "is_given_name", "is_person", "titles"]

#: a word at least this frequent in the English list is a word, not a given name ("despite", "team"); names
#: are rarer there ("eric" 3,671, "michelle" 949), except those that are words too ("bill", "mark"), let through
COMMON_WORD = 20_000
_SURNAME = re.compile(r"[A-Z][\w'’-]*\w")
#: a capitalised word right before (a word and a period ends a sentence, or is "Mr.": not a given name)
_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]$")
_WORD_CHAR = re.compile(r"\w")


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Titles and offices that stand before a surname (``framing/data/titles.txt``), in lower case."""
    text = resources.files("framing").joinpath("data/titles.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def _given_names_by_sex() -> dict[str, str]:
    """Given name (lower case) → "female" or "male", from ``framing/data/given_names.txt``."""
    text = resources.files("framing").joinpath("data/given_names.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    section = ""
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            if section not in ("female", "male"):
                raise ValueError(f"framing/data/given_names.txt, line {n}: unknown section {line!r}")
            continue
        if not section:
            raise ValueError(f"framing/data/given_names.txt, line {n}: names before a [female] or [male] section")
        for w in line.split():
            out[w] = section
    return out


def given_name_sex(word: str) -> str:
    """ "female" or "male" for a given name that almost always names a woman or a man ("Michelle", "Barack"),
    else "" (unknown, or given to both: "Jordan")."""
    return _given_names_by_sex().get(word.lower(), "")


def is_person(actor: Actor) -> bool:
    """Whether an actor is a person: its ``type`` says so ("person", "person (minister)")."""
    return "person" in actor.type.lower()


class Surnames:
    """The surnames of a set's persons, compiled once; :meth:`add` finds them in one document."""

    def __init__(
        self, owners: Mapping[str, tuple[str, ...]], forms: Iterable[str], guarded: Mapping[str, str] | None = None
    ) -> None:
        from .actors import trie_regex

        self.owners = dict(owners)  # surname → the persons who have it
        self.persons = frozenset(p for ps in owners.values() for p in ps)
        self.forms = frozenset(forms)  # every actor form: a word before a surname that is not a given name
        self.regex = re.compile(r"(" + trie_regex(owners) + r")(['’]s?(?!\w))?(?!\w)") if owners else None
        #: surnames that are already a form of their person (found everywhere): person → surname
        self.guarded = dict(guarded or {})

    @classmethod
    def build(cls, actors: Iterable[Actor], table: Mapping[str, tuple[str, str]]) -> Surnames | None:
        """The persons' surnames of ``actors`` (``table``: form → (actor, kind)); None when there are none (a set
        of countries pays nothing). A surname that no actor has as a form is found after the full name; one that
        is already a form of its person (discovery's "Trump" of "Donald Trump") is found everywhere, but not after
        another given name ("Melania Trump")."""
        owners: dict[str, list[str]] = {}
        guarded: dict[str, str] = {}
        for a in actors:
            words = a.name.split()
            if not (len(words) >= 2 and _SURNAME.fullmatch(words[-1])):
                continue
            if not is_person(a):
                # an actor with no type whose name opens with a given name ("Donald Trump", "Bernie Sanders") is a
                # person too, but only to keep its surname off another person's ("Ivanka Trump", "Sarah Sanders")
                if not a.type and given_name_sex(words[0]) and table.get(words[-1], ("",))[0] == a.name:
                    guarded[a.name] = words[-1]
                continue
            if words[-1] not in table:
                owners.setdefault(words[-1], []).append(a.name)
            elif table[words[-1]][0] == a.name:
                guarded[a.name] = words[-1]
        if not owners and not guarded:
            return None
        return cls({k: tuple(v) for k, v in owners.items()}, table, guarded)

    def add(self, text: str, mentions: list[Mention], end: int) -> list[Mention]:
        """``mentions`` (sorted by start) with the surname mentions of ``text[:end]`` merged in, and those of a
        guarded surname after another given name left out."""
        if self.guarded:
            mentions = [
                m
                for m in mentions
                if not (
                    self.guarded.get(m.actor) == text[m.start : m.end]
                    and self._given_name_before(text, m.start)
                    and not _own_given_name_before(text, m.start, m.actor)
                )
            ]
        if self.regex is None:
            return mentions
        from .actors import Mention

        first: dict[str, int] = {}  # person → where its first mention ends
        for m in mentions:
            if m.actor in self.persons and m.actor not in first:
                first[m.actor] = m.end
        if not first:
            return mentions
        starts = [m.start for m in mentions]
        found: list[tuple[str, Mention]] = []
        ambiguous: set[str] = set()  # surnames that another given name carries in this document
        for hit in self.regex.finditer(text, 0, end):
            s, e = hit.start(1), hit.end(1)
            if s and _WORD_CHAR.match(text, s - 1):
                continue
            k = bisect.bisect_right(starts, s) - 1
            if k >= 0 and mentions[k].end > s:
                continue  # inside a longer mention ("Khawaja Asif" again)
            surname = hit.group(1)
            if self._given_name_before(text, s):
                ambiguous.add(surname)  # "Tariq Asif": a bare "Asif" could be either of them
                continue
            named = [p for p in self.owners[surname] if p in first]
            if len(named) == 1 and s >= first[named[0]]:  # one person of that surname, named in full before it
                found.append((surname, Mention(named[0], s, e, "surname", hit.group(2) is not None)))
        found_mentions = [m for surname, m in found if surname not in ambiguous]
        if not found_mentions:
            return mentions
        return sorted([*mentions, *found_mentions], key=lambda m: m.start)

    def _given_name_before(self, text: str, s: int) -> bool:
        return given_name_before(text, s, self.forms)


#: up to three capitalised words (or initials) right before an offset
_RUN_BEFORE = re.compile(r"(?:[A-Z][\w'’.-]*[ \t]+){1,3}$")


def _own_given_name_before(text: str, s: int, person: str) -> bool:
    """Whether the person's own first name opens the capitalised words right before offset ``s``: "Robert Gabriel
    Mugabe" is Robert Mugabe with a middle name, where "Grace Mugabe" is another person."""
    run = _RUN_BEFORE.search(text, max(0, s - 60), s)
    return run is not None and person.split()[0] in run.group().split()


def given_name_before(text: str, s: int, forms: frozenset[str] | Mapping[str, object] = frozenset()) -> bool:
    """Whether the word right before offset ``s`` of ``text`` is a capitalised word that can only be a given name
    ("Melania" Trump, "Steve" Israel): see :func:`is_given_name`."""
    before = _BEFORE.search(text, max(0, s - 40), s)
    return before is not None and is_given_name(before.group(1), forms)


def is_given_name(word: str, forms: frozenset[str] | Mapping[str, object] = frozenset()) -> bool:
    """Whether a capitalised word can only be a given name: not a title, a common word, a possessive, a word in
    capitals, a hyphenated word or one of ``forms`` (actor forms)."""
    if not word[:1].isupper():
        return False
    if word.endswith(("'s", "’s", "ing")) or word in forms or word.isupper() or "-" in word:
        return False  # a possessive, an actor, a caption in capitals ("WATCH"), "President-elect", a headline's
        # verb ("Assessing Obama")
    low = word.lower()
    if low in titles() or low in MONTHS or low in WEEKDAYS:
        return False
    if given_name_sex(word):
        return True  # a name that is a word too, listed as a given name: "Bill" Clinton, "Grace" Mugabe, "Mark"
    if low in common_words():
        return False
    # a common English word opens a sentence ("Despite Trump"), where a given name is rarely one ("Eric")
    return english_frequencies().get(low, 0) < COMMON_WORD
