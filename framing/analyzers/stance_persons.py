"""Which actor mentions "he" and "she" can stand for.

The stance rules let a pronoun after a mention in the same sentence stand for it ("Rizvi said his campaign
worked": the campaign is Rizvi's). "He", "she", "his", "her" and their other forms refer to a person, never to a
state, a body, a party's members or a people: in "Nor did the public (or congressional Republicans) support his
1999 bombing", "his" is not the Republicans'. A mention is no person when

* its actor has a ``type`` that names no person (the seed actors' "state", "militant group"; a type that contains
  "person" is one);
* it is a demonym or a capital ("Afghans", "Kabul");
* its whole name is a place or a people of the sources lexicon (``sources.tsv``: "Russia", "Texas", "Israelis");
* one of its words belongs to the name of a body in that lexicon ("White House", "Senate", "FBI", "GOP",
  "Supreme Court"), leaving out the words of a person's office ("president", "minister", "spokesman"); or
* it is the plural of another form of its actor ("Republicans" beside "Republican").

An actor with no type (``ActorSet.from_dict``) is judged by the words of each mention only, so a person named
like a body is still a person when the actor file types it as one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from ..actors import Mention
from ..lexicons import Lexicon
from .sourcing_speakers import TITLES

#: pronouns of a person: they stand only for a mention that can be one
PERSONAL_PRONOUNS = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself"])
#: words of a person's office that the sources lexicon lists among bodies (beside :data:`TITLES`)
_OFFICE_HOLDERS = frozenset(
    ["ministers", "representatives", "chair", "commander", "envoy", "prosecutor", "prosecutors"]
)
_PERSON_ENDINGS = ("man", "woman", "men", "women", "person", "people")


class NotPersons(NamedTuple):
    """What makes a mention no person, looked up once per actor set."""

    actors: frozenset[str]  # names of actors typed as something other than a person
    plurals: frozenset[str]  # lower-cased forms that are the plural of another form of the same actor
    body_words: frozenset[str]  # lower-cased words of a body's name ("house", "senate", "fbi")
    names: frozenset[str]  # lower-cased whole names of places and peoples ("russia", "israelis")


def source_words(sources: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """From the sources lexicon: (words of a body's name, whole names of places and peoples), lower-cased."""
    body: set[str] = set()
    names: set[str] = set()
    for e in sources:
        use = str(e.extra.get("use", ""))
        term = e.term.lower()
        if use == "place" or (e.category == "anonymous/vague" and use == "name"):
            names.add(term)
        elif (
            e.category == "official/institution"
            and use in ("name", "")
            and len(e.words) == 1
            and term not in TITLES
            and term not in _OFFICE_HOLDERS
            and not term.endswith(_PERSON_ENDINGS)
        ):
            body.add(term)
    return frozenset(body), frozenset(names)


def not_persons(actors: Iterable[Any], words: tuple[frozenset[str], frozenset[str]]) -> NotPersons:
    """The :class:`NotPersons` of an actor set (objects with ``name``, ``type`` and ``all_forms()``)."""
    typed: set[str] = set()
    plurals: set[str] = set()
    for a in actors:
        kind = (getattr(a, "type", "") or "").lower()
        if kind and "person" not in kind:
            typed.add(a.name)
            continue
        forms = {f.lower() for f, _k in a.all_forms()} if hasattr(a, "all_forms") else set()
        plurals.update(f for f in forms if len(f) > 2 and f.endswith("s") and f[:-1] in forms)
    return NotPersons(frozenset(typed), frozenset(plurals), words[0], words[1])


def can_be_a_person(text: str, m: Mention, np: NotPersons) -> bool:
    """Can "he" or "she" stand for the mention ``m`` of ``text``? (See the module's docstring.)"""
    if m.actor in np.actors or m.form in ("demonym", "capital"):
        return False
    name = text[m.start : m.end].lower()
    if name in np.names or name in np.plurals:
        return False
    return np.body_words.isdisjoint(name.replace(".", "").split())
