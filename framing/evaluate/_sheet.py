"""A coding sheet: a random sample of sentences or actor mentions for a person to code without seeing framing's answer.

The first step of validating an analyzer on your own corpus (the second is :func:`~framing.evaluate.agreement`):

    sheet = framing.evaluate.coding_sheet(a, unit="mentions", n=100, by="outlet")
    sheet.to_csv("to_code.csv", index=False)          # a coder fills in the column "code"
    framing.evaluate.agreement(a.mentions, "to_code.csv", on=["doc_id", "start"],
                               ours_column="label", theirs_column="code")

The sheet is blind: it holds the keys that join it back to framing's table, the text to read (for a mention, its
sentence with the mention in ``[[…]]``, and the actor it counts for) and an empty column, but neither framing's
answer nor the outlet (knowing the outlet can sway a coder). With ``by``, the sample is stratified: the ``n``
units are spread as evenly as the groups allow (a group with fewer units gives all it has and the others make
up the rest), so a small outlet is not left out; the rows are then shuffled, so the sheet does not run group by
group. Sentences are running text only (not headings, bylines or reference lists).

Stratified samples weight the groups equally, not by their size: agreement measured on them describes each
outlet's units alike, which is what a comparison of outlets relies on (Krippendorff 2011 on sampling for
reliability data).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..doc_status import analysed
from ..errors import OptionError

__all__ = ["coding_sheet"]

_UNITS = ("sentences", "mentions")


def _quotas(sizes: list[int], n: int) -> list[int]:
    """How many units to draw from each group: ``n`` spread evenly, no group giving more than it has."""
    quota = [0] * len(sizes)
    left = min(n, sum(sizes))
    open_ = [k for k, s in enumerate(sizes) if s > 0]
    while left > 0 and open_:
        share, extra = divmod(left, len(open_))
        for rank, k in enumerate(open_):
            give = min(sizes[k] - quota[k], share + (1 if rank < extra else 0))
            quota[k] += give
            left -= give
        open_ = [k for k in open_ if quota[k] < sizes[k]]
    return quota


def coding_sheet(
    a: object,
    unit: str = "sentences",
    n: int = 50,
    by: str | None = "outlet",
    seed: int = 0,
    column: str = "code",
    balance: str | None = None,
) -> pd.DataFrame:
    """A blind random sample of ``n`` sentences or mentions of the analysis ``a`` for hand coding (see the module
    docstring): the key columns, the text, and an empty ``column``; stratified by the documents column ``by``
    (``None``: a simple random sample).

    ``balance``: a column of the units' table (``"hedged"``, ``"label"``) whose values get equal shares too, so
    that a rare answer of framing's (a positive mention) is coded often enough to measure; the column is not
    on the sheet. Precision and recall of each class hold for the corpus, but accuracy and alpha then describe
    the balanced sample, not the corpus."""
    if unit not in _UNITS:
        raise OptionError(f"unit is 'sentences' or 'mentions', not {unit!r}")
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise OptionError(f"n is the number of units to draw, a whole number of at least 1, not {n!r}")
    docs = a.documents  # type: ignore[attr-defined]
    if by is not None:
        a.check_group(by)  # type: ignore[attr-defined]
    ok = docs.loc[analysed(docs), "doc_id"].astype(str)
    if unit == "sentences":
        s = a.sentences  # type: ignore[attr-defined]
        pool = s[s["doc_id"].astype(str).isin(ok) & (s["kind"] == "text")]
        keys, shown = ["doc_id", "sentence_id"], ["text"]
    else:
        pool = a.mentions  # type: ignore[attr-defined]
        pool = pool[pool["doc_id"].astype(str).isin(ok)]
        keys, shown = ["doc_id", "start"], ["actor", "sentence"]
    if pool.empty:
        raise OptionError(
            f"the analysis has no {unit} to sample" + (" (no actor was found)" if unit == "mentions" else "")
        )
    if balance is not None and balance not in pool.columns:
        raise OptionError(
            f"no column {balance!r} in the {unit} table to balance by; columns: {', '.join(pool.columns)}"
        )
    rng = np.random.default_rng(seed)
    stratum = pd.Series("", index=pool.index)
    if by is not None:
        stratum += (
            pool["doc_id"].astype(str).map(dict(zip(docs["doc_id"].astype(str), docs[by].fillna("").astype(str))))
        )
    if balance is not None:
        stratum += "\x1f" + pool[balance].astype(str)
    names = sorted(stratum.unique())
    members = [np.flatnonzero((stratum == g).to_numpy()) for g in names]
    quota = _quotas([len(m) for m in members], n)
    rows = np.concatenate([rng.choice(m, size=q, replace=False) for m, q in zip(members, quota) if q])
    picked = pool.iloc[rows]
    picked = picked.iloc[rng.permutation(len(picked))]
    if unit == "mentions":
        picked = picked.assign(sentence=[_marked(a, r) for r in picked.itertuples()])
    out = picked[[*keys, *shown]].reset_index(drop=True)
    out[column] = ""
    return out


def _marked(a: object, mention: object) -> str:
    """The sentence of a mention with the mention in ``[[…]]``."""
    doc_id = str(mention.doc_id)  # type: ignore[attr-defined]
    rows = a.rows_of("sentences", doc_id)  # type: ignore[attr-defined]
    sent = rows[rows["sentence_id"] == mention.sentence_id]  # type: ignore[attr-defined]
    text = a.text(doc_id)  # type: ignore[attr-defined]
    start, end = int(mention.start), int(mention.end)  # type: ignore[attr-defined]
    s0, s1 = (int(sent["start"].iloc[0]), int(sent["end"].iloc[0])) if len(sent) else (start, end)
    return " ".join(f"{text[s0:start]}[[{text[start:end]}]]{text[end:s1]}".split())
