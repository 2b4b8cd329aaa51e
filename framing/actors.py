"""Actors: who is talked about, found by name, alias, demonym, abbreviation and capital.

An :class:`ActorSet` compiles every surface form of every actor into one
case-sensitive trie regular expression, so a document is scanned once for all
actors. At each position the longest form wins ("Pakistani Taliban" is the
TTP, not Pakistan; "Afghan Taliban" is not the TTP). Possessives ("TTP's",
"Pakistan's") are recognised and flagged; the mention span excludes the
possessive ending.

Phrases listed under ``exclude`` are matched and skipped ("Indian Ocean" is
not India), and so is a demonym after a hyphen and a capitalised word that is no actor's form: "African-American"
is one identity, not the United States ("Afghan-Pakistani" names two actors). So is a form that opens the name of an organisation: followed by up
to two capitalised words and a word that ends such names
(``framing/data/organisation_names.txt``: "Washington Times", "American Medical
Association", "Clinton Foundation", "Syrian Opposition Coalition"; "Party",
"Union" and the like only after a word between, so that "Democrat Party" and
"Russian Federation" stay mentions). An organisation that is an actor itself
wins as the longer form. An abbreviation in parentheses right after its long
form is the same reference and is not counted twice.

Case rules: names and aliases match as written, with a capital first letter
and in capitals (headlines); abbreviations (TTP, UN, US) match only as
written, so "us" is never the United States, and with a period after each
letter (U.N., U.S.), as many style guides write them. Forms listed under
``lowercase`` also match in lower case.

YAML format::

    actors:
      - name: Pakistan
        type: country
        aliases: [Islamic Republic of Pakistan]
        demonyms: [Pakistani, Pakistanis]
        abbreviations: [PK]
        capitals: [Islamabad]
      - name: Afghan Taliban
        parent: Afghanistan          # mentions also count for the parent when rolled up
        aliases: [Taliban, Islamic Emirate]
      - name: Khawaja Asif
        type: person                 # "Asif" alone is a mention after the full name, in the same document
        parent: Pakistan

A person's surname (an actor whose ``type`` says "person") is a mention after the person's full name in the
same document, unless another person of that surname is named there too or it follows another given name
("Nawaz Sharif" is not Shehbaz Sharif): see :mod:`framing.surnames`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ._frozen import FrozenDict
from ._yaml import item_lines, parse_yaml, read_config
from .errors import ConfigError
from .surnames import Surnames
from .vocab import MONTHS, organisation_name_ends

__all__ = ["Actor", "ActorSet", "Mention", "trie_regex"]

_FORM_KEYS = ("aliases", "demonyms", "abbreviations", "capitals", "lowercase", "exclude")
_ACTOR_KEYS = frozenset(("name", "type", "parent", "description", *_FORM_KEYS))
_WORD_CHAR = re.compile(r"\w")
_FORM_NAME = {"aliases": "alias", "demonyms": "demonym", "abbreviations": "abbreviation", "capitals": "capital"}


@dataclass(frozen=True)
class Actor:
    """An actor with its surface forms (``forms`` maps a form kind to strings)."""

    name: str
    type: str = ""
    parent: str | None = None
    forms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    description: str = ""

    def all_forms(self) -> list[tuple[str, str]]:
        out = [(self.name, "name")]
        for kind in ("aliases", "demonyms", "abbreviations", "capitals", "lowercase"):  # not "exclude"
            out.extend((f, _FORM_NAME.get(kind, "alias")) for f in self.forms.get(kind, ()))
        return out


class Mention(NamedTuple):
    """An actor mention: character span of the name (without a possessive ending)."""

    actor: str
    start: int
    end: int
    form: str
    possessive: bool


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` factored as a trie; longer words are tried first.

    A flat alternation makes the regex engine try every word at every
    position; a trie shares prefixes so each position costs one branch per
    character. At each node, continuing is tried before stopping, so the
    longest word starting at a position wins.
    """
    trie: dict[str, Any] = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: Mapping[str, Any]) -> str:
        ends = "" in node
        branches = [(ch, sub) for ch, sub in node.items() if ch != ""]
        if not branches:
            return ""
        alts = []
        single_chars = []
        for ch, sub in sorted(branches):
            tail = build(sub)
            if tail == "" and "" in sub and len(sub) == 1:
                single_chars.append(ch)
            else:
                alts.append(re.escape(ch) + tail)
        if single_chars:
            if len(single_chars) == 1:
                alts.append(re.escape(single_chars[0]))
            else:
                alts.append("[" + "".join(_class_escape(c) for c in single_chars) + "]")
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            body = "(?:" + body + ")?"
        return body

    return build(trie)


def _class_escape(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


def _variants(form: str, kind: str) -> set[str]:
    """Surface variants: as written, capitalised first letter, and all capitals; an abbreviation of two to five
    capitals as written and with periods ("US", "U.S.")."""
    out = {form}
    if kind == "abbreviation":
        if 2 <= len(form) <= 5 and form.isalpha() and form.isupper():
            out.add(".".join(form) + ".")
        return out
    if kind == "lowercase":
        out.add(form.lower())
    if form[:1].islower():
        out.add(form[:1].upper() + form[1:])
    if len(form) > 3:
        out.add(form.upper())
    return out


#: words before a month's name that make it the month ("in May", "since March"), not a person named so
_BEFORE_A_MONTH = frozenset(
    ["in", "since", "until", "till", "during", "through", "early", "late", "mid", "last", "next", "this"]
)
_DAY_AFTER = re.compile(r",?\s+\d{1,4}\b")


def _in_a_date(text: str, start: int, end: int) -> bool:
    """Whether the month-named form at ``text[start:end]`` is the month: a day or a year after it ("May 5",
    "May 2025"), or "in", "since", "last" ... before it."""
    if _DAY_AFTER.match(text, end):
        return True
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1].lower().rstrip("-") in _BEFORE_A_MONTH


#: the keys of an actor file's top level
_FILE_KEYS = ("actors", "name", "description", "version", "source")


class ActorSet:
    """Actors and their compiled matcher.

    Build with :meth:`from_yaml`, :meth:`from_dict` or the constructor.
    """

    def __init__(self, actors: Iterable[Actor], source: str = "") -> None:
        self.actors: tuple[Actor, ...] = tuple(actors)
        self.source = source
        names = [a.name for a in self.actors]
        dup = [n for n, c in Counter(names).items() if c > 1]
        if dup:
            raise ConfigError("actor defined twice", path=source or None, field=dup[0])
        known = set(names)
        for a in self.actors:
            if a.parent and a.parent not in known:
                raise ConfigError(
                    "parent is not an actor of this set", path=source or None, field=f"{a.name}.parent", found=a.parent
                )
        self._compile()

    def _compile(self) -> None:
        table: dict[str, tuple[str, str]] = {}
        owners: dict[str, str] = {}
        for a in self.actors:
            for form, kind in a.all_forms():
                form = form.strip()
                if not form:
                    continue
                for v in _variants(form, kind):
                    if v in table and owners[v] != a.name:
                        if v == form:  # an explicit form beats a generated variant of another actor
                            prev = table[v]
                            if prev[1] != "variant":
                                raise ConfigError(
                                    "the same form belongs to two actors",
                                    path=self.source or None,
                                    field=a.name,
                                    found=f"{v} (also {owners[v]})",
                                )
                        else:
                            continue
                    table[v] = (a.name, kind if v == form else ("variant" if kind != "lowercase" else "alias"))
                    owners[v] = a.name
            for phrase in a.forms.get("exclude", ()):
                for v in _variants(phrase, "alias"):
                    table.setdefault(v, ("", "excluded"))
                    owners.setdefault(v, "")
        self._table = FrozenDict(table)
        #: forms that are also the name of a month ("May" for Theresa May): not a mention in a date
        self._calendar = frozenset(v for v in table if v.lower() in MONTHS)
        self._parents = {a.name: a.parent for a in self.actors if a.parent}
        #: persons' surnames, found after their full name in the same document (framing.surnames)
        self._surnames = Surnames.build(self.actors, table)
        if table:
            # no look-behind in front: a pattern that starts with the trie lets the regex engine skip ahead to
            # the characters that can start a form (in C); find() checks the character before a match itself
            self._re: re.Pattern[str] | None = re.compile(r"(" + trie_regex(table) + r")(['’]s?(?!\w))?(?!\w)")
        else:
            self._re = None
        self._organisation = _organisation_regex()

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "") -> ActorSet:
        """``{"actors": [{"name": "Pakistan", ...}, ...]}`` (the structure of an actor file, as a YAML reader gives
        it), ``{"Pakistan": ["Pakistan", "Islamabad", "Pakistani"]}`` or ``{"Pakistan": {"aliases": [...], ...}}``."""
        if isinstance(data.get("actors"), list):
            extra = [k for k in data if k not in _FILE_KEYS]
            if extra:
                raise ConfigError(
                    "unknown key", path=source or None, field=str(extra[0]), expected=", ".join(_FILE_KEYS)
                )
            return cls.from_list(data["actors"], source)
        actors = []
        for name, spec in data.items():
            if isinstance(spec, Mapping):
                actors.append(_actor_from_mapping({"name": name, **spec}, source, None))
            elif isinstance(spec, (list, tuple)):
                if not all(isinstance(x, (str, int)) for x in spec):
                    raise ConfigError(
                        "an actor's forms are strings", path=source or None, field=str(name), found=repr(spec)
                    )
                actors.append(Actor(str(name), forms=FrozenDict({"aliases": tuple(str(s) for s in spec)})))
            elif spec is None:
                actors.append(Actor(str(name)))
            else:
                raise ConfigError(
                    "an actor maps to a list of forms or a mapping",
                    path=source or None,
                    field=str(name),
                    found=repr(spec),
                )
        return cls(actors, source=source)

    @classmethod
    def from_list(cls, items: Iterable[Mapping[str, Any]], source: str = "") -> ActorSet:
        """Actors from mappings with ``name``, ``type``, ``parent`` and the form lists: the items of an actor
        file's ``actors`` list, and of :meth:`to_dict`'s (so ``from_list(s.to_dict()["actors"])`` equals ``s``)."""
        return cls([_actor_from_mapping(item, source, None) for item in items], source=source)

    @classmethod
    def from_yaml(cls, path: str | Path) -> ActorSet:
        """Load an actor file (see the module docstring for the format)."""

        return cls.from_yaml_text(read_config(path, "actor"), source=str(path))

    @classmethod
    def from_yaml_text(cls, text: str, source: str = "<string>") -> ActorSet:
        data, node = parse_yaml(text, source)
        if data is None:
            return cls([], source=source)
        if not isinstance(data, Mapping) or "actors" not in data:
            raise ConfigError(
                "an actor file is a mapping with an 'actors' list", path=source, line=1, found=type(data).__name__
            )
        extra = [k for k in data if k not in _FILE_KEYS]
        if extra:
            raise ConfigError("unknown key", path=source, field=str(extra[0]), expected=", ".join(_FILE_KEYS))
        lines = item_lines(node, "actors")
        items = data["actors"] or []
        if not isinstance(items, list):
            raise ConfigError("'actors' must be a list", path=source, field="actors")
        actors = [
            _actor_from_mapping(item, source, lines[k] if k < len(lines) else None) for k, item in enumerate(items)
        ]
        return cls(actors, source=source)

    # ------------------------------------------------------------------ use
    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self):
        return iter(self.actors)

    def __contains__(self, name: object) -> bool:
        return any(a.name == name for a in self.actors)

    def __repr__(self) -> str:
        return f"ActorSet({len(self.actors)} actors: {', '.join(a.name for a in self.actors[:6])}{', ...' if len(self.actors) > 6 else ''})"

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.actors]

    def parent_of(self, name: str) -> str | None:
        return self._parents.get(name)

    def lineage(self, name: str) -> list[str]:
        """The actor and its ancestors ("Afghan Taliban" → ["Afghan Taliban", "Afghanistan"])."""
        out = [name]
        seen = {name}
        while (p := self._parents.get(out[-1])) and p not in seen:
            out.append(p)
            seen.add(p)
        return out

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """All mentions in ``text`` (or ``text[start:end]``), longest form first at each position."""
        if self._re is None:
            return []
        table = self._table
        out: list[Mention] = []
        end = len(text) if end is None else end
        search = self._re.search
        after_word = _WORD_CHAR.match
        calendar = self._calendar
        m = search(text, start, end)
        while m is not None:
            s = m.start()
            if s and after_word(text, s - 1):
                m = search(text, s + 1, end)  # inside a word: try again from the next character
                continue
            actor, kind = table[m.group(1)]
            e = m.end(1)
            if calendar and m.group(1) in calendar and _in_a_date(text, s, e):
                m = search(text, m.end(), end)  # "in May", "May 5": the month
                continue
            if kind == "demonym" and s >= 2 and text[s - 1] == "-" and self._identity_before(text, s - 1):
                m = search(text, m.end(), end)  # "African-American": one identity, not the United States
                continue
            # skip an excluded phrase ("Indian Ocean") and an organisation's name ("Washington Times"), and
            # "Tehreek-e-Taliban Pakistan (TTP)" is one reference
            if (
                actor
                and not (out and out[-1].actor == actor and text[out[-1].end : s] == " (" and text[e : e + 1] == ")")
                and (m.group(2) is not None or not self._opens_organisation(text, e, end))
            ):
                out.append(Mention(actor, s, e, kind, m.group(2) is not None))
            m = search(text, m.end(), end)
        if self._surnames is not None and out:
            out = self._surnames.add(text, out, end)
        return out

    def _identity_before(self, text: str, hyphen: int) -> bool:
        """Whether a capitalised word that is no actor's form ends at ``hyphen`` ("African-", "Asian-"): a demonym
        after it names one hyphenated identity ("African-American voters"); after another actor's form it is a
        second actor ("Afghan-Pakistani border")."""
        w0 = hyphen
        while w0 > 0 and (text[w0 - 1].isalpha() or text[w0 - 1] in "'’"):
            w0 -= 1
        word = text[w0:hyphen]
        return bool(word) and word[0].isupper() and word not in self._table

    def _opens_organisation(self, text: str, e: int, end: int) -> bool:
        """Whether the form ending at ``e`` opens an organisation's name ("Washington| Times"), and no other form
        comes between them: in "Trump Blasts Washington Post", "Washington" opens it, not "Trump"."""
        o = self._organisation.match(text, e, end)
        if o is None:
            return False
        assert self._re is not None
        inner = self._re.search(text, e + 1, o.end())
        while inner is not None:
            if not _WORD_CHAR.match(text, inner.start() - 1):
                return False  # another form starts a word inside the name: it is the one that opens it
            inner = self._re.search(text, inner.start() + 1, o.end())
        return True

    def to_dict(self) -> dict[str, Any]:
        out = []
        for a in self.actors:
            d: dict[str, Any] = {"name": a.name}
            if a.type:
                d["type"] = a.type
            if a.parent:
                d["parent"] = a.parent
            for k in _FORM_KEYS:
                if a.forms.get(k):
                    d[k] = list(a.forms[k])
            out.append(d)
        return {"actors": out}

    def to_yaml(self, path: str | Path | None = None) -> str:
        """Write (and return) the actor set as YAML, ready to edit."""
        import yaml

        text = yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True, width=100)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    # ------------------------------------------------------------------ discovery
    @classmethod
    def discover(cls, corpus: Any, top: int = 20, min_docs: int | None = None) -> ActorSet:
        """Propose actors for a corpus with no actor file (a Corpus, or whatever :func:`framing.analyze` takes:
        a path, a DataFrame, documents, records or plain texts).

        Frequent proper-noun phrases (capitalised word sequences not at the
        start of a sentence, or seen mid-sentence elsewhere) are counted by
        document frequency; variants are grouped: possessives, an acronym
        given in parentheses after its long form ("Tehreek-e-Taliban Pakistan
        (TTP)"), and demonyms sharing a stem ("Pakistan", "Pakistani"). The
        result is a starting point to edit and save with :meth:`to_yaml`.

        ``min_docs``: the documents a name must be in (default 2). By default a corpus of fewer than five
        documents (:data:`framing.discover.SMALL_CORPUS`) counts mentions instead: a name named twice anywhere.
        """
        from .discover import discover_actors

        return discover_actors(cls, corpus, top=top, min_docs=min_docs)


#: a capitalised word inside an organisation's name, with the small words that link them ("Chamber of Commerce")
_NAME_WORD = r"(?:[ \t]+(?:(?:of|for|and|&|on|the)[ \t]+)?[A-Z][\w'’.\-]*)"


def _organisation_regex() -> re.Pattern[str]:
    """What follows an actor's form when the form opens an organisation's name: up to two capitalised words and
    a word that ends such names, or one or two and a word such as "Party" (see the module docstring)."""
    direct, spaced = organisation_name_ends()

    def alternation(words: frozenset[str]) -> str:
        return "|".join(sorted({re.escape(v) for w in words for v in (w, w.upper())}, reverse=True))

    return re.compile(
        rf"{_NAME_WORD}{{0,2}}?[ \t]+(?:{alternation(direct)})(?!\w)|{_NAME_WORD}{{1,2}}?[ \t]+(?:{alternation(spaced)})(?!\w)"
    )


def _actor_from_mapping(item: Any, source: str, line: int | None) -> Actor:
    if not isinstance(item, Mapping):
        raise ConfigError(
            "each actor is a mapping with at least a 'name'", path=source or None, line=line, found=repr(item)
        )
    if "name" not in item or not str(item["name"] or "").strip():
        raise ConfigError("actor without a name", path=source or None, line=line, field="name")
    unknown = [k for k in item if k not in _ACTOR_KEYS]
    if unknown:
        raise ConfigError(
            "unknown key",
            path=source or None,
            line=line,
            field=str(unknown[0]),
            expected=", ".join(sorted(_ACTOR_KEYS)),
        )
    forms: dict[str, tuple[str, ...]] = {}
    for k in _FORM_KEYS:
        v = item.get(k)
        if v is None:
            continue
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, (str, int)) for x in v):
            raise ConfigError("must be a list of strings", path=source or None, line=line, field=f"{item['name']}.{k}")
        forms[k] = tuple(str(x) for x in v)
    return Actor(
        name=str(item["name"]).strip(),
        type=str(item.get("type") or ""),
        parent=str(item["parent"]) if item.get("parent") else None,
        forms=FrozenDict(forms),
        description=str(item.get("description") or ""),
    )
