"""The bundled seed corpus: five pieces on Pakistan–Afghanistan relations.

The files live in ``seeds/`` at the top of the repository and are installed
as the package data ``framing/_seeds``, so :func:`load_seeds` works from a
source checkout, an editable install and a plain ``pip install``.
"""

from __future__ import annotations

import csv
import io
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ._frozen import FrozenDict
from .corpus import STANDARD_FIELDS, Corpus, Document
from .domain import folder_domain
from .io import decode_bytes

__all__ = ["load_seeds", "seed_actors", "seed_file", "seed_issues", "seeds_path"]


def seeds_path() -> Traversable:
    """The folder holding the seed files (installed package data, or ``seeds/`` of a checkout)."""
    try:
        folder = resources.files("framing._seeds")
        if folder.joinpath("metadata.csv").is_file():
            return folder
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "seeds"


def seed_file(name: str) -> Traversable:
    """A file of the seed folder, such as ``"actors.yaml"`` or ``"issues.yaml"``."""
    f = seeds_path().joinpath(name)
    if not f.is_file():
        raise FileNotFoundError(f"the seed folder has no {name!r}")
    return f


def load_seeds() -> Corpus:
    """The seed corpus with its metadata (outlet, title, author, date, genre), and the seed actors and issues as
    its domain files (:mod:`framing.domain`), as ``load_corpus`` gives them for the seed folder."""
    folder = seeds_path()
    rows = list(csv.DictReader(io.StringIO(folder.joinpath("metadata.csv").read_text(encoding="utf-8"))))
    docs = []
    for row in rows:
        data = folder.joinpath(row["file"]).read_bytes()
        text, notes = decode_bytes(data)
        fields = {f: row.get(f, "") or "" for f in STANDARD_FIELDS}
        extra = {k: v for k, v in row.items() if k not in (*STANDARD_FIELDS, "id", "file")}
        docs.append(
            Document(
                id=row["id"],
                text=text or "",
                source=f"seeds/{row['file']}",
                meta=FrozenDict(extra),
                status="ok" if text else "skipped",
                notes=tuple(notes),
                **fields,
            )
        )
    return Corpus(docs, name="seeds", domain=folder_domain(folder, label="seeds"))


def seed_actors():
    """The seed domain's :class:`~framing.actors.ActorSet` (``seeds/actors.yaml``)."""
    from .actors import ActorSet

    return ActorSet.from_yaml_text(seed_file("actors.yaml").read_text(encoding="utf-8"), source="seeds/actors.yaml")


def seed_issues():
    """The seed domain's :class:`~framing.issues.IssueSet` (``seeds/issues.yaml``)."""
    from .issues import IssueSet

    return IssueSet.from_yaml_text(seed_file("issues.yaml").read_text(encoding="utf-8"), source="seeds/issues.yaml")
