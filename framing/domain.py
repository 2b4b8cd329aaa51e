"""The actor, issue and cleaning files a corpus folder brings with it.

A corpus folder may hold, beside its articles, the files that say what to look for in them::

    my-corpus/
        metadata.csv     # optional: outlet, title, date ... of each file
        actors.yaml      # optional: who the stance analysis follows (framing.actors)
        issues.yaml      # optional: the issues and frames to find (framing.issues)
        cleaning.yaml    # optional: cleaning patterns, such as the corpus's boilerplate (framing.boilerplate)
        001.txt
        002.txt

:func:`framing.load_corpus` notes them on the corpus (``corpus.domain``) instead of reading them as
documents, and :func:`framing.analyze`, :func:`framing.score.score_to_file`, ``framing report`` and
``framing score`` use them when they are given no actors, no issues or no cleaner (``framing boilerplate``
too reads the cleaning file). So a folder carries its own
set-up: a teacher who copies the bundled seed folder and adds articles (with their rows in its
``metadata.csv``) gets the seed actors and issues, and ``framing report seeds/`` gives the report
``framing report`` gives. Actors or issues given
explicitly win over the folder's (a cleaner or ``--cleaning`` over its cleaning file); ``actors=False`` /
``issues=False`` mean none. The files are read when
the analysis starts, so a malformed one stops it at once with an error naming its line
(:class:`~framing.errors.ConfigError`), before any document is analysed.

Only the top of the folder is searched (``actors.yaml`` or ``actors.yml``; ``issues.yaml`` or
``issues.yml``; ``cleaning.yaml`` or ``cleaning.yml``). A file in a sub-folder stays what it was before: a document, skipped with the note that
it is not a text file.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .actors import ActorSet
    from .clean import Cleaner
    from .issues import IssueSet

__all__ = [
    "ACTOR_FILES",
    "CLEANING_FILES",
    "DOMAIN_FILES",
    "ISSUE_FILES",
    "Domain",
    "domain_of",
    "domain_of_paths",
    "folder_domain",
    "names_a_path",
]

#: The names of a folder's actor file, in order of preference.
ACTOR_FILES = ("actors.yaml", "actors.yml")
#: The names of a folder's issue file, in order of preference.
ISSUE_FILES = ("issues.yaml", "issues.yml")
#: The names of a folder's cleaning file (patterns for :class:`~framing.clean.Cleaner`), in order of preference.
CLEANING_FILES = ("cleaning.yaml", "cleaning.yml")
#: Every name a domain file may have (none of them is read as a document at the top of a corpus folder).
DOMAIN_FILES = frozenset(ACTOR_FILES + ISSUE_FILES + CLEANING_FILES)


@dataclass(frozen=True)
class Domain:
    """The actor, issue and cleaning files of a corpus (any may be absent).

    Args:
        actors, issues, cleaning: the files (a path, or a file of installed package data).
        label: how the files are named in run records and reports: ``"seeds"`` names them
            ``seeds/actors.yaml``; empty, by their path.
    """

    actors: Path | Traversable | None = None
    issues: Path | Traversable | None = None
    label: str = ""
    cleaning: Path | Traversable | None = None

    def __bool__(self) -> bool:
        return self.actors is not None or self.issues is not None or self.cleaning is not None

    def source(self, file: Path | Traversable) -> str:
        """How ``file`` is named in run records and reports."""
        return f"{self.label}/{file.name}" if self.label else str(file)

    def load_actors(self) -> ActorSet | None:
        """The actor file's :class:`~framing.actors.ActorSet`; ``None`` when the corpus has none."""
        from .actors import ActorSet

        return self._load(ActorSet, self.actors)

    def load_issues(self) -> IssueSet | None:
        """The issue file's :class:`~framing.issues.IssueSet`; ``None`` when the corpus has none."""
        from .issues import IssueSet

        return self._load(IssueSet, self.issues)

    def load_cleaner(self) -> Cleaner | None:
        """A :class:`~framing.clean.Cleaner` with the cleaning file's patterns; ``None`` when the corpus has none."""
        from .clean import Cleaner

        if self.cleaning is None:
            return None
        if isinstance(self.cleaning, Path):
            return Cleaner(patterns=self.cleaning)  # its errors name the file and line
        import yaml

        return Cleaner(patterns=yaml.safe_load(self.cleaning.read_text(encoding="utf-8-sig")) or {})

    def _load(self, cls: Any, file: Path | Traversable | None) -> Any:
        """``cls`` read from ``file``: by path (its own reader names the file in errors), or from package data."""
        if file is None:
            return None
        if isinstance(file, Path) and not self.label:
            return cls.from_yaml(file)
        return cls.from_yaml_text(file.read_text(encoding="utf-8-sig"), source=self.source(file))


def _first(folder: Path | Traversable, names: tuple[str, ...]) -> Path | Traversable | None:
    found = [folder.joinpath(n) for n in names if folder.joinpath(n).is_file()]
    if len(found) > 1:
        warnings.warn(f"{folder} holds both {found[0].name} and {found[1].name}: {found[0].name} is used", stacklevel=3)
    return found[0] if found else None


def folder_domain(folder: str | Path | Traversable, label: str = "") -> Domain | None:
    """The domain files at the top of ``folder``; ``None`` when it has none (or is not a folder)."""
    if isinstance(folder, str):
        folder = Path(folder)
    if not folder.is_dir():
        return None
    domain = Domain(
        actors=_first(folder, ACTOR_FILES),
        issues=_first(folder, ISSUE_FILES),
        label=label,
        cleaning=_first(folder, CLEANING_FILES),
    )
    return domain or None


def domain_of_paths(paths: Sequence[str | Path]) -> Domain | None:
    """The actor and issue files of the one folder among ``paths`` that has them; None otherwise, with a warning
    when several have them (which to use is the caller's choice)."""
    found = [(q, d) for q in paths if (d := folder_domain(q)) is not None]
    if len(found) > 1:
        names = ", ".join(str(q) for q, _ in found[:3])
        warnings.warn(
            f"{len(found)} of the folders given have their own actor, issue or cleaning files ({names}); none is "
            "used: give the actors, issues and cleaning to use (--actors, --issues, --cleaning, or actors=, "
            "issues=, cleaner=)",
            stacklevel=3,
        )
        return None
    return found[0][1] if found else None


def domain_of(source: Any) -> Domain | None:
    """The domain of what an analysis reads: a :class:`~framing.corpus.Corpus`'s, or a corpus folder's (given
    by its path); ``None`` for anything else (a table file, a DataFrame, an iterable of documents)."""
    from .corpus import Corpus

    if isinstance(source, Corpus):
        return source.domain
    if isinstance(source, (str, Path)):
        return folder_domain(source)
    if isinstance(source, (list, tuple)) and source and all(names_a_path(q) for q in source):
        return domain_of_paths(source)  # several files or folders (a list of texts has none)
    return None


def names_a_path(item: Any) -> bool:
    """Whether ``item`` is a path that exists (not a text, which a list given to analyze may hold)."""
    if isinstance(item, Path):
        return item.exists()
    if not isinstance(item, str) or len(item) > 1024 or "\n" in item:
        return False
    try:
        return Path(item).exists()
    except OSError:  # a name too long, or otherwise no path
        return False
