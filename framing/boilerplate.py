"""A corpus's own boilerplate: lines that one outlet repeats verbatim in many of its documents.

The cleaner's patterns (``framing/data/cleaning.yaml``) are generic; every scraped corpus also has lines
its sites repeat in article after article (a newsletter promotion, a syndication notice, a columnist's
biography). :func:`find_boilerplate` reads a corpus once, cleans each document with the standard cleaning,
and counts, for each outlet and each line left in the text, the documents it appears in. A line is
boilerplate when it is in at least ``min_docs`` documents of one outlet and in at least ``min_share`` of
that outlet's documents; when no document names its outlet the corpus is one outlet. Some such lines are
article text (the same quotation in several summaries), so the table is for a person to read:
:func:`write_cleaning_patterns` writes it as a cleaning file (``extra_debris_lines``, each line a
whole-line pattern) to edit and then give to ``Cleaner(patterns=...)`` or ``--cleaning``.

Memory is bounded: lines are counted by a 64-bit hash of (outlet, line), the text of a line is kept only
once it is in a second document, and when the table holds more than ``max_lines`` lines the least
frequent are dropped (so a count can fall short by the times its line was dropped; the table's
``attrs["pruned"]`` says how many lines were). Exact copies of a document are counted once.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

import pandas as pd

from .clean import Cleaner, _lines
from .corpus import Corpus
from .errors import OptionError

__all__ = ["COLUMNS", "find_boilerplate", "line_pattern", "write_cleaning_patterns"]

#: the columns of the table :func:`find_boilerplate` returns
COLUMNS = ("outlet", "line", "documents", "share", "example")

if TYPE_CHECKING:

    class _Row(Protocol):
        """A row of :func:`find_boilerplate`'s table from ``itertuples`` (pandas-stubs give each field any scalar)."""

        outlet: str | None
        line: str
        documents: int
        share: float
        example: str


def find_boilerplate(
    source: str | Path | Corpus | Iterable[Any],
    min_docs: int = 5,
    min_share: float = 0.2,
    *,
    cleaner: Cleaner | None = None,
    text: str = "text",
    id: str | None = "id",
    outlet: str | None = "outlet",
    max_lines: int = 2_000_000,
) -> pd.DataFrame:
    """The lines each outlet repeats in many of its documents, one row per (outlet, line).

    Args:
        source: anything :func:`framing.analyze` reads (a path, a Corpus, a DataFrame, an iterable of
            documents, dicts or strings); it is read once, as a stream.
        min_docs: the fewest documents of one outlet a line must be in.
        min_share: the smallest share (0–1) of the outlet's documents a line must be in: with the default
            0.2, a line of an outlet with 200 documents must be in 40 of them.
        cleaner: the cleaning applied first (default: the corpus folder's ``cleaning.yaml`` when it has one,
            else the standard cleaning); only the lines it leaves are counted.
        text, id, outlet: the fields of a table, DataFrame or dict that hold them (as in ``load_corpus``).
        max_lines: the most (outlet, line) counts kept at once; beyond it the least frequent are dropped.

    Returns:
        A DataFrame with columns ``outlet`` (``""`` when documents name none), ``line`` (as in the first
        document seen with it twice, stripped), ``documents`` (how many of the outlet's documents hold it),
        ``share`` (of the outlet's documents) and ``example`` (the id of one document with it), sorted by
        ``documents``, most first. ``attrs`` holds the thresholds, the number of documents read and the
        number of lines pruned.
    """
    from .io import iter_source

    if min_docs < 1 or not 0 <= min_share <= 1:
        raise OptionError(
            f"min_docs (--min-docs) must be at least 1 and min_share (--min-share) between 0 and 1, not "
            f"{min_docs} and {min_share}"
        )
    if cleaner is None:
        from .domain import domain_of

        domain = domain_of(source)
        cleaner = (domain.load_cleaner() if domain is not None else None) or Cleaner()
    docs_per_outlet: Counter[str] = Counter()
    counts: dict[int, int] = {}  # hash of (outlet, normalised line) -> documents
    kept: dict[int, tuple[str, str, str]] = {}  # for lines in 2+ documents: outlet, line, a doc id
    seen_texts: set[int] = set()
    pruned = 0
    n_read = 0
    for doc in iter_source(source, text=text, id=id, outlet=outlet):
        if doc.skipped or not doc.text:
            continue
        n_read += 1
        whole = hash((doc.outlet, doc.text))
        if whole in seen_texts:  # an exact copy would count every line of its article again
            continue
        seen_texts.add(whole)
        docs_per_outlet[doc.outlet] += 1
        for h, line in _kept_lines(doc.text, doc.outlet, cleaner).items():
            n = counts.get(h, 0) + 1
            counts[h] = n
            if n == 2:
                kept[h] = (doc.outlet, line, doc.id)
        if len(counts) > max_lines:
            pruned += _prune(counts, kept, max_lines // 2)
    rows = []
    for h, (where, line, example) in kept.items():
        n = counts.get(h, 0)
        total = docs_per_outlet[where]
        if n >= min_docs and n >= min_share * total:
            rows.append((where, line, n, n / total, example))
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    table = table.sort_values(["documents", "outlet", "line"], ascending=[False, True, True], ignore_index=True)
    table.attrs.update(
        min_docs=min_docs,
        min_share=min_share,
        documents=n_read,
        outlets=len(docs_per_outlet),
        pruned=pruned,
    )
    return table


def _kept_lines(raw: str, outlet: str, cleaner: Cleaner) -> dict[int, str]:
    """The lines of ``raw`` that the cleaning leaves, each once, by the hash of (outlet, its normalised
    form: lower case, runs of white space as one space). Lines are those of the raw text, which the
    cleaner's line patterns are matched against (a repair inside a line does not change its key)."""
    result = cleaner.clean(raw, split_words=False)
    # the removals of whole lines (with their line break), in raw order and without overlaps
    removed = [(e.start, e.end) for e in result.edits if not e.replacement]
    starts = [s for s, _ in removed]
    out: dict[int, str] = {}
    for s, e in _lines(raw):
        line = raw[s:e].strip()
        if not line:
            continue
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and removed[k][1] >= e:  # the cleaning took the whole line
            continue
        key = " ".join(line.lower().split())
        out.setdefault(hash((outlet, key)), line)
    return out


def _prune(counts: dict[int, int], kept: dict[int, tuple[str, str, str]], target: int) -> int:
    """Drop the least frequent lines until at most ``target`` are left; the number dropped."""
    before = len(counts)
    floor = 1
    while len(counts) > target:
        for h in [h for h, n in counts.items() if n <= floor]:
            del counts[h]
            kept.pop(h, None)
        floor += 1
    return before - len(counts)


def line_pattern(line: str) -> str:
    """A cleaning pattern that matches ``line`` as a whole line: its words regex-escaped, any white space
    between them (the cleaner matches patterns against the stripped line, ignoring case)."""
    return r"\s+".join(re.escape(w) for w in line.split())


def write_cleaning_patterns(table: pd.DataFrame, path: str | Path, source: str = "") -> Path:
    """Write the lines of ``table`` (from :func:`find_boilerplate`) to ``path`` as a cleaning file for
    ``Cleaner(patterns=path)`` or ``--cleaning``: one whole-line pattern per line under
    ``extra_debris_lines`` (added to the shipped debris lines), each after a comment with its outlet and
    count. Delete the entries that are article text before using it."""
    import yaml

    path = Path(path)
    out = [
        "# Lines that one outlet repeats in many of its documents, found by framing boilerplate"
        + (f" in {source}" if source else "")
        + f" (at least {table.attrs.get('min_docs', '?')} documents and {table.attrs.get('min_share', '?')} of the"
        " outlet's).",
        "# Read them: delete any that is article text. Each is removed wherever it is a whole line, in any outlet.",
        "# Use: framing score CORPUS --cleaning " + path.name + "   or   Cleaner(patterns=" + repr(path.name) + ")",
        "extra_debris_lines:",
    ]
    for row in cast("Iterator[_Row]", table.itertuples(index=False)):
        note = f"{row.outlet or 'all documents'}: {row.documents} documents ({row.share:.0%}), e.g. {row.example}"
        out.append("  # " + " ".join(note.split()))
        item = yaml.safe_dump([line_pattern(row.line)], allow_unicode=True, width=2**31 - 1)
        out.append("  " + item.rstrip("\n"))
    if len(table) == 0:
        out[-1] = "extra_debris_lines: []"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path
