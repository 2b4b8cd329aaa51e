"""Issues: which issues each sentence is about, and each document's share per issue.

A sentence is on an issue when the weights of that issue's keywords in it
reach the issue's threshold (see :mod:`framing.issues`). Per sentence:

* ``issues``: the tuple of issue names (empty for none);
* ``n_issues``: how many; ``on_issue``: 1 if any;
* ``issue_counted``: 1 for sentences that count towards shares — running text,
  list items and headings, not reference lists, and not a sentence repeated
  word for word earlier in the document (pull quotes, page furniture).

Per document (``DocResult.metrics``, columns of the documents table):
``issue_<slug>`` = sentences on the issue / sentences counted, and
``top_issue``. Outlet-level coverage with intervals is
:func:`framing.issues.coverage`; every other measure can be restricted to one
issue's sentences with ``a.compare(by="outlet", metric=..., issue=...)``.
Evidence: one row per keyword that counted, category ``"issue:<name>"``.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any

from .base import Analyzer, DocContext, DocResult, Evidence, Metric, ratio

if TYPE_CHECKING:
    from ..issues import IssueSet
    from ..termmatch import Vocabulary
    from ..text import TextModel

__all__ = ["IssueAnalyzer", "counted_sentences", "vocabulary_of"]

_COUNTED_KINDS = frozenset({"text", "item", "heading"})
_MIN_REPEAT_CHARS = 20


def counted_sentences(model: TextModel) -> list[bool]:
    """True for sentences that count: text, list items and headings, not reference lists or repeats.

    A sentence of 20 characters or more that repeats an earlier sentence word
    for word (a pull quote, a repeated caption) counts once, at its first place.
    """
    kinds = model.sent_kinds
    out = list(map(_COUNTED_KINDS.__contains__, kinds))
    text = model.text
    # each sentence's text, all at once; a repeat is possible only if two of them are equal
    keys = list(map(text.__getitem__, map(slice, model.sent_starts, model.sent_ends)))
    if len(set(keys)) == len(keys):
        return out
    seen: set[str] = set()
    for s, key in enumerate(keys):
        if out[s] and len(key) >= _MIN_REPEAT_CHARS:
            if key in seen:
                out[s] = False
            else:
                seen.add(key)
    return out


def share_columns(iset: IssueSet) -> tuple[str, ...]:
    """The document columns of the issue shares, ``issue_<slug>``, in the order of the issue set."""
    return getattr(iset, "doc_columns", None) or tuple(f"issue_{i.slug}" for i in iset)


def counted_of(ctx: DocContext) -> list[bool]:
    """:func:`counted_sentences` of the context's text model, computed once per document for the issue and
    frame analyzers (kept on the context, which lives for one document)."""
    out = ctx.shared.get("counted_sentences")
    if out is None:
        out = ctx.shared["counted_sentences"] = counted_sentences(ctx.model)
    return out


def vocabulary_of(ctx: DocContext) -> Vocabulary | None:
    """The word types of the issue matcher that matched the context's document (None when the issue analyzer
    did not run on it): the frame analyzer, which runs next, resolves its words through the same
    :class:`~framing.termmatch.Vocabulary`, so that the document's word types new to both are found once."""
    return ctx.shared.get("issue_vocabulary")


class IssueAnalyzer(Analyzer):
    """Assigns issues to sentences.

    Args:
        issues: an :class:`~framing.issues.IssueSet` (or a YAML path or dict) used
            when ``framing.analyze`` gets none; the set given to ``analyze``
            (``ctx.issues``) takes precedence. With neither, sentences get no issues.
    """

    name = "issues"
    sentence_columns = {"issues": (), "n_issues": 0, "on_issue": 0, "issue_counted": 0}

    def __init__(self, issues: IssueSet | str | dict | None = None) -> None:
        resolved: Any = issues  # an issue set (or one like it: it assigns) or None, once read
        if issues is not None and not hasattr(issues, "assign"):
            from ..run import resolve_issues

            resolved = resolve_issues(issues)
        self.issues: IssueSet | None = resolved

    def settings(self) -> dict[str, Any]:
        iset = self.issues
        return {"issues": f"{len(iset)} issues ({iset.source or 'given'})"} if iset is not None else {}

    def analyze(self, ctx: DocContext) -> DocResult:
        model = ctx.model
        n = model.n_sentences
        counted = counted_of(ctx)
        iset = ctx.issues if ctx.issues is not None else self.issues
        if iset is None or not len(iset):
            return DocResult(
                sentences={
                    "issues": [()] * n,
                    "n_issues": [0] * n,
                    "on_issue": [0] * n,
                    "issue_counted": list(map(int, counted)),
                }
            )
        hit = iset.assign(model, skip=list(map(operator.not_, counted)))
        vocabulary = getattr(iset, "vocabulary", None)
        if vocabulary is not None:
            ctx.shared["issue_vocabulary"] = vocabulary
        evidence = []
        if hit.evidence:
            names, starts, ends, weights, terms, sents = zip(*hit.evidence)
            char_starts, char_ends = model.tokens_spans(starts, ends)
            evidence = [
                Evidence(f"issue:{i}", a, b, w, "", s, t)
                for i, a, b, w, t, s in zip(names, char_starts, char_ends, weights, terms, sents)
            ]
        n_counted = sum(counted)
        per_issue: dict[str, int] = {}
        for names in hit.sentences:
            for i in names:
                per_issue[i] = per_issue.get(i, 0) + 1
        columns = share_columns(iset)
        metrics: dict[str, Any] = {
            col: (per_issue.get(i.name, 0) / n_counted if n_counted else float("nan")) for col, i in zip(columns, iset)
        }
        metrics["top_issue"] = max(per_issue, key=lambda k: (per_issue[k], -iset.names.index(k))) if per_issue else ""
        return DocResult(
            sentences={
                "issues": hit.sentences,
                "n_issues": list(map(len, hit.sentences)),
                "on_issue": list(map(int, map(bool, hit.sentences))),
                "issue_counted": list(map(int, counted)),
            },
            evidence=evidence,
            metrics=metrics,
        )

    def metrics(self) -> list[Metric]:
        return [
            Metric(
                "issue_sentence_share",
                "Share of sentences on a defined issue",
                self.name,
                "sentences",
                ("on_issue", "issue_counted"),
                ratio(),
                "Sentences on at least one defined issue / sentences counted (text, list items and headings; "
                "reference lists and repeated sentences left out). Per issue: framing.issues.coverage(a).",
                unit="share",
            )
        ]

    def document_metrics(self) -> dict[str, str]:
        """Document columns: ``top_issue``, and ``issue_<slug>`` (the share of the document's counted
        sentences on each issue) for the issues given to the analyzer itself (with the issues of
        ``framing.analyze(issues=...)`` those columns appear as documents are analysed)."""
        out = {"top_issue": "the issue with the most sentences"}
        for issue in self.issues if self.issues is not None else ():
            out[f"issue_{issue.slug}"] = f"share of the document's counted sentences on {issue.name!r}"
        return out
