"""An English word-frequency list, read once, for repairs that need to know words.

The list comes from the ``pyspellchecker`` package (MIT licence; frequencies
derived from OpenSubtitles via the wordfreq project), which ships it as package
data: nothing is downloaded. It is used to tell whether the two halves of a
run-together token are words ("happened" + "again") while the joined form is
not, and whether a lone line is a word at all.
"""

from __future__ import annotations

from functools import lru_cache

#: the days of the week and the months, in lower case: capitalised words that name a time, not an actor
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)

#: nouns for people for or against someone ("Trump supporters", "Obama's critics", "U.S. adversaries"): their words
#: and deeds are theirs, not those of the one they back or oppose (used by sourcing and stance)
FOR_OR_AGAINST = frozenset(
    [
        "supporter",
        "supporters",
        "backer",
        "backers",
        "loyalist",
        "loyalists",
        "ally",
        "allies",
        "fan",
        "fans",
        "voter",
        "voters",
        "follower",
        "followers",
        "devotee",
        "devotees",
        "defender",
        "defenders",
        "friend",
        "friends",
        "critic",
        "critics",
        "opponent",
        "opponents",
        "detractor",
        "detractors",
        "foe",
        "foes",
        "enemy",
        "enemies",
        "rival",
        "rivals",
        "adversary",
        "adversaries",
        "nemesis",
        "challenger",
        "challengers",
    ]
)

#: a word less frequent than this in :func:`english_frequencies` is rare enough in English to be taken for a
#: name where its capital proves nothing (at a sentence's start): "afghanistan" 257, "obama" 244; "periodic"
#: 1,576 and "despite" are words
RARE_WORD = 1_000


@lru_cache(maxsize=1)
def english_frequencies() -> dict[str, int]:
    """Lower-cased English word → corpus frequency (a read-only mapping; do not mutate)."""
    from spellchecker import SpellChecker  # imported lazily: 0.3 s to load

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The words of :func:`english_frequencies` as a frozenset (fast set operations)."""
    return frozenset(english_frequencies())


@lru_cache(maxsize=1)
def longest_word() -> int:
    """The length of the longest word of :func:`english_frequencies` (no word of the list is longer)."""
    return max(map(len, english_frequencies()), default=0)


def is_known_word(word: str, min_frequency: int = 1) -> bool:
    """True if ``word`` (any case) is in the English list with at least ``min_frequency``."""
    return english_frequencies().get(word.lower(), 0) >= min_frequency


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """framing's English stop-word list (``framing/data/stopwords.txt``): function words and the like."""
    from importlib import resources

    text = resources.files("framing").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@lru_cache(maxsize=1)
def organisation_name_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The words that end an organisation's name (``framing/data/organisation_names.txt``): those that may follow
    an actor's form right away ("Washington Times") and those that need a word between ("Pakistan Peoples
    Party")."""
    from importlib import resources

    text = resources.files("framing").joinpath("data/organisation_names.txt").read_text(encoding="utf-8")
    sections: dict[str, set[str]] = {"direct": set(), "after a word": set()}
    current = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            if current not in sections:
                raise ValueError(f"organisation_names.txt: unknown section {line}")
            continue
        if current is None:
            raise ValueError(f"organisation_names.txt: words before a section: {line!r}")
        sections[current].update(line.split())
    return frozenset(sections["direct"]), frozenset(sections["after a word"])
