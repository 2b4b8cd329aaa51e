"""Issues: what a sentence is about, defined by keyword patterns in YAML.

An :class:`IssueSet` holds named issues, each with keyword patterns. A
sentence is *on* an issue when the weights of the issue's keywords found in it
add up to the issue's ``threshold`` (1 by default): one keyword is enough, a
``weak`` keyword (weight 0.5) needs a second one. Patterns are matched on the
words of the text model, case-insensitively:

* a multi-word phrase matches those words in a row ("transit trade");
* a trailing ``*`` is a glob ("refugee*" matches "refugees"; "india*" matches
  "Indian" and "India's");
* a possessive is understood without a glob ("Kabul River" matches "Kabul
  River's");
* at each position the longest pattern wins, so a phrase listed under
  ``exclude`` hides the keywords inside it ("water down" is not the water
  issue; "trade union" is not trade). Exclusions at the top of the file apply
  to every issue.

All patterns of all issues are compiled once into one
:class:`~framing.lexicons.Lexicon`, so a document is matched in one pass that
costs time in proportion to its hits.

YAML format::

    name: Pakistan–Afghanistan relations
    version: 1
    exclude: [according to]          # optional, for every issue
    issues:
      - name: refugees and migration
        description: Afghan refugees in Pakistan, deportation, registration.
        keywords: [refugee*, migrant*, repatriat*, deport*, proof of registration]
        weak: [camp*, undocumented]  # weight 0.5: two of them, or one with a keyword
        exclude: [refugee status determination]
        threshold: 1                 # optional (default 1)

``keywords`` may also map patterns to weights (``{refugee*: 1, camp*: 0.5}``).
``examples`` (a list of sentences) is kept for documentation; discovery fills it.
:meth:`IssueSet.discover` proposes issues for a corpus that has no issue file.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._frozen import FrozenDict
from ._yaml import item_lines, key_lines, parse_yaml, read_config
from .doc_status import analysed
from .errors import ConfigError
from .lexicons import Lexicon, LexiconEntry, _term_words
from .termmatch import TermMatcher, Vocabulary

if TYPE_CHECKING:
    import pandas as pd

    from .analysis import Analysis
    from .text import TextModel

__all__ = ["Issue", "IssueHit", "IssueSet", "coverage", "slug"]

_ISSUE_KEYS = frozenset(("name", "label", "description", "keywords", "weak", "exclude", "threshold", "examples"))
_TOP_KEYS = frozenset(("issues", "name", "description", "version", "source", "exclude"))
_EXCLUDED = "\x00exclude"  # lexicon category of exclusion phrases (never an issue name)
WEAK_WEIGHT = 0.5


def slug(name: str) -> str:
    """A column-friendly name: ``"India's role"`` → ``"indias_role"``."""
    s = re.sub(r"['’]", "", name.lower())
    s = re.sub(r"\W+", "_", s).strip("_")
    return s or "issue"


@dataclass(frozen=True)
class Issue:
    """One issue: its keyword patterns (pattern → weight), exclusions and threshold."""

    name: str
    keywords: Mapping[str, float] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    description: str = ""
    threshold: float = 1.0
    label: str = ""
    examples: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slug(self.name)

    @property
    def display(self) -> str:
        """The short label for figures (``label``, or the name)."""
        return self.label or self.name


class IssueHit:
    """Issues found in one document (returned by :meth:`IssueSet.assign`).

    Attributes:
        sentences: for each sentence, the tuple of issue names it is on.
        evidence: ``(issue, token_start, token_end, weight, pattern, sentence)``
            for every keyword that counted (in a sentence that reached the threshold).
    """

    __slots__ = ("evidence", "sentences")

    def __init__(self, sentences: list[tuple[str, ...]], evidence: list[tuple[str, int, int, float, str, int]]):
        self.sentences = sentences
        self.evidence = evidence


def _possessives(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The pattern with its last word in the possessive ("kabul river" → "kabul river's"), unless it is a glob."""
    last = words[-1]
    if last.endswith("*") or last.endswith(("'s", "’s")):
        return []
    return [(*words[:-1], last + "'s"), (*words[:-1], last + "’s")]


def compile_patterns(
    weighted: Iterable[tuple[str, str, float]], exclusions: Iterable[tuple[str, str]], name: str
) -> Lexicon:
    """One lexicon from ``(pattern, category, weight)`` rows and ``(phrase, scope)`` exclusions.

    Possessive variants are added for every pattern that does not end in a glob.
    An exclusion is an entry of category ``"\\x00exclude"`` whose ``scope``
    (an issue name, or ``""`` for all) is kept in ``extra["scope"]``.
    """
    entries: list[LexiconEntry] = []
    for term, category, weight in weighted:
        words = _term_words(term)
        if not words:
            continue
        for w in (words, *_possessives(words)):
            entries.append(LexiconEntry(term, w, category, weight))
    for phrase, scope in exclusions:
        words = _term_words(phrase)
        if not words:
            continue
        for w in (words, *_possessives(words)):
            entries.append(LexiconEntry(phrase, w, _EXCLUDED, 0.0, FrozenDict({"scope": scope})))
    return Lexicon(entries, name=name)


class IssueSet:
    """Issues and their compiled patterns.

    Build with :meth:`from_yaml`, :meth:`from_yaml_text`, :meth:`from_dict`,
    :meth:`discover` or the constructor.

    Args:
        issues: the issues.
        source: where they came from (a file name; shown in errors and reports).
        exclude: phrases excluded for every issue.
        name, description, version: documentation kept in the YAML.
    """

    def __init__(
        self,
        issues: Iterable[Issue],
        source: str = "",
        exclude: Iterable[str] = (),
        name: str = "",
        description: str = "",
        version: str = "",
    ) -> None:
        self.issues: tuple[Issue, ...] = tuple(issues)
        self.source = source
        self.exclude: tuple[str, ...] = tuple(exclude)
        self.name = name
        self.description = description
        self.version = version
        dup = [n for n, c in Counter(i.name for i in self.issues).items() if c > 1]
        if dup:
            raise ConfigError("issue defined twice", path=source or None, field=dup[0])
        slugs = Counter(i.slug for i in self.issues)
        clash = [i.name for i in self.issues if slugs[i.slug] > 1]
        if clash:
            raise ConfigError(
                "two issue names give the same column name", path=source or None, field=clash[0], found=slug(clash[0])
            )
        for i in self.issues:
            if not i.keywords:
                raise ConfigError("issue without keywords", path=source or None, field=f"{i.name}.keywords")
            if not i.threshold > 0:
                raise ConfigError(
                    "threshold must be positive",
                    path=source or None,
                    field=f"{i.name}.threshold",
                    found=str(i.threshold),
                )
        self._by_name = {i.name: i for i in self.issues}
        self._compile()

    def _compile(self) -> None:
        rows = [(t, i.name, w) for i in self.issues for t, w in i.keywords.items()]
        excl = [(p, "") for p in self.exclude] + [(p, i.name) for i in self.issues for p in i.exclude]
        self.lexicon = compile_patterns(rows, excl, name=self.name or "issues")
        self._matcher = TermMatcher(self.lexicon)
        self._thresholds = {i.name: i.threshold for i in self.issues}
        self._order = {i.name: k for k, i in enumerate(self.issues)}
        # per matcher entry: (issue, weight, pattern), or None for an exclusion; the scope of each exclusion
        self._entry_rows = [
            None if e.category == _EXCLUDED else (e.category, e.weight, e.term) for e in self._matcher.entries
        ]
        self._entry_scope = [e.extra.get("scope", "") if e.category == _EXCLUDED else "" for e in self._matcher.entries]
        #: ``issue_<slug>`` document column of each issue, in order
        self.doc_columns: tuple[str, ...] = tuple(f"issue_{i.slug}" for i in self.issues)

    # ------------------------------------------------------------------ constructors
    @classmethod
    def from_dict(cls, data: Mapping[str, Any], source: str = "(dict)") -> IssueSet:
        """From ``{"issues": [...]}`` (the YAML structure) or ``{issue name: [keywords] | {keywords: ...}}``."""
        if "issues" in data and isinstance(data["issues"], list):
            return cls._from_mapping(data, source, node=None)
        issues = []
        for name, spec in data.items():
            if isinstance(spec, Mapping):
                issues.append(_issue_from_mapping({"name": name, **spec}, source, None))
            elif isinstance(spec, (list, tuple, str)):
                issues.append(_issue_from_mapping({"name": name, "keywords": spec}, source, None))
            else:
                raise ConfigError(
                    "an issue maps to a list of keywords or a mapping",
                    path=source or None,
                    field=str(name),
                    found=repr(spec),
                )
        return cls(issues, source=source)

    @classmethod
    def from_yaml(cls, path: str | Path) -> IssueSet:
        """Load an issue file (see the module docstring for the format)."""
        return cls.from_yaml_text(read_config(path, "issue"), source=str(path))

    @classmethod
    def from_yaml_text(cls, text: str, source: str = "<string>") -> IssueSet:
        data, node = parse_yaml(text, source)
        if data is None:
            raise ConfigError("the issue file is empty", path=source, expected="a mapping with an 'issues' list")
        if not isinstance(data, Mapping) or "issues" not in data:
            raise ConfigError(
                "an issue file is a mapping with an 'issues' list",
                path=source,
                line=1,
                found=type(data).__name__ if not isinstance(data, Mapping) else ", ".join(map(str, data)),
            )
        return cls._from_mapping(data, source, node)

    @classmethod
    def _from_mapping(cls, data: Mapping[str, Any], source: str, node: Any) -> IssueSet:
        lines = key_lines(node)
        unknown = [k for k in data if k not in _TOP_KEYS]
        if unknown:
            raise ConfigError(
                "unknown key",
                path=source or None,
                line=lines.get(str(unknown[0])),
                field=str(unknown[0]),
                expected=", ".join(sorted(_TOP_KEYS)),
            )
        items = data["issues"]
        if not isinstance(items, list):
            raise ConfigError("'issues' must be a list", path=source or None, line=lines.get("issues"), field="issues")
        at = item_lines(node, "issues")
        issues = [_issue_from_mapping(item, source, at[k] if k < len(at) else None) for k, item in enumerate(items)]
        exclude = _string_list(data.get("exclude"), source, lines.get("exclude"), "exclude")
        return cls(
            issues,
            source=source,
            exclude=exclude,
            name=str(data.get("name") or ""),
            description=str(data.get("description") or ""),
            version=str(data.get("version") or ""),
        )

    # ------------------------------------------------------------------ container
    def __len__(self) -> int:
        return len(self.issues)

    def __iter__(self) -> Iterator[Issue]:
        return iter(self.issues)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __getitem__(self, name: str) -> Issue:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"no issue {name!r}; issues: {', '.join(self.names)}") from None

    def __repr__(self) -> str:
        names = ", ".join(self.names[:5]) + (", ..." if len(self) > 5 else "")
        return f"IssueSet({len(self)} issues: {names})"

    @property
    def names(self) -> list[str]:
        return [i.name for i in self.issues]

    # ------------------------------------------------------------------ matching
    @property
    def vocabulary(self) -> Vocabulary:
        """The word types met so far by the set's keyword matcher (see :class:`framing.termmatch.Vocabulary`)."""
        return self._matcher.vocabulary

    def assign(self, model: TextModel, skip: Sequence[bool] | None = None) -> IssueHit:
        """Issues of each sentence of ``model``, with the keyword matches behind them.

        ``skip[s]`` true leaves sentence ``s`` without issues (reference lists,
        repeated sentences). Cost: one lexicon match, then work per hit.
        """
        n = model.n_sentences
        out: list[tuple[str, ...]] = [()] * n
        evidence: list[tuple[str, int, int, float, str, int]] = []
        if not n or not self.issues:
            return IssueHit(out, evidence)
        spans = self._matcher.spans(model, overlap=True)
        if not spans:
            return IssueHit(out, evidence)
        spans.sort(key=_span_order)  # text order, longer first at the same place (as Lexicon.match)
        st = model.sent_tok
        rows = self._entry_rows
        scope = self._entry_scope
        by_sent: dict[int, list[tuple[str, int, int, float, str]]] = {}
        # exclusions by sentence (a match never crosses sentences, so one only hides keywords of its own)
        blocked: dict[int, list[tuple[int, int, str]]] = {}
        bisect_right = bisect.bisect_right
        for a, b, k in spans:
            s = bisect_right(st, a) - 1
            row = rows[k]
            if row is None:
                blocked.setdefault(s, []).append((a, b, scope[k]))
                continue
            issue, w, term = row
            hits = by_sent.get(s)
            if hits is None:
                by_sent[s] = [(issue, a, b, w, term)]
            else:
                hits.append((issue, a, b, w, term))
        thresholds = self._thresholds
        for s, hits in by_sent.items():
            if skip is not None and skip[s]:
                continue
            excl = blocked.get(s)
            if len(hits) == 1 and not excl:  # one keyword: on the issue if it weighs enough
                issue, a, b, w, term = hits[0]
                if w >= thresholds[issue] - 1e-9:
                    out[s] = (issue,)
                    evidence.append((issue, a, b, w, term, s))
                continue
            kept = _resolve(hits, excl or [])
            scores: dict[str, float] = {}
            for issue, _, _, w, _ in kept:
                scores[issue] = scores.get(issue, 0.0) + w
            on = [i for i, v in scores.items() if v >= thresholds[i] - 1e-9]
            if not on:
                continue
            on.sort(key=self._order.__getitem__)
            out[s] = tuple(on)
            on_set = set(on)
            evidence.extend((i, a, b, w, t, s) for i, a, b, w, t in kept if i in on_set)
        return IssueHit(out, evidence)

    def sentence_issues(self, text: str) -> list[tuple[str, tuple[str, ...]]]:
        """``(sentence, issues)`` for each sentence of a plain string (for trying patterns out)."""
        from .text import TextModel

        model = TextModel(text)
        hit = self.assign(model)
        return [(model.sentence_text(s), hit.sentences[s]) for s in range(model.n_sentences)]

    # ------------------------------------------------------------------ output
    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.name:
            out["name"] = self.name
        if self.description:
            out["description"] = self.description
        if self.version:
            out["version"] = self.version
        if self.exclude:
            out["exclude"] = list(self.exclude)
        items = []
        for i in self.issues:
            d: dict[str, Any] = {"name": i.name}
            if i.label:
                d["label"] = i.label
            if i.description:
                d["description"] = i.description
            strong = [t for t, w in i.keywords.items() if w == 1.0]
            weak = [t for t, w in i.keywords.items() if w == WEAK_WEIGHT]
            other = {t: w for t, w in i.keywords.items() if w not in (1.0, WEAK_WEIGHT)}
            if other:
                d["keywords"] = {**dict.fromkeys(strong, 1.0), **other}
            else:
                d["keywords"] = strong
            if weak:
                d["weak"] = weak
            if i.exclude:
                d["exclude"] = list(i.exclude)
            if i.threshold != 1.0:
                d["threshold"] = i.threshold
            if i.examples:
                d["examples"] = list(i.examples)
            items.append(d)
        out["issues"] = items
        return out

    def to_yaml(self, path: str | Path | None = None) -> str:
        """Write (and return) the issue set as YAML, ready to edit."""
        import yaml

        text = yaml.safe_dump(self.to_dict(), sort_keys=False, allow_unicode=True, width=100)
        if path is not None:
            Path(path).write_text(text, encoding="utf-8")
        return text

    def to_frame(self) -> pd.DataFrame:
        """One row per pattern: issue, pattern, weight, kind (keyword, weak or exclude)."""
        import pandas as pd

        rows = []
        for i in self.issues:
            for t, w in i.keywords.items():
                rows.append({"issue": i.name, "pattern": t, "weight": w, "kind": "weak" if w < 1 else "keyword"})
            rows.extend({"issue": i.name, "pattern": p, "weight": 0.0, "kind": "exclude"} for p in i.exclude)
        rows.extend({"issue": "", "pattern": p, "weight": 0.0, "kind": "exclude"} for p in self.exclude)
        return pd.DataFrame(rows, columns=["issue", "pattern", "weight", "kind"])

    # ------------------------------------------------------------------ discovery
    @classmethod
    def discover(
        cls,
        corpus: Any,
        k: int = 8,
        method: str = "nmf",
        n_terms: int = 10,
        n_examples: int = 3,
        max_sentences: int = 20_000,
        stop_words: Iterable[str] = (),
        name_share: float = 0.03,
        seed: int = 0,
    ) -> IssueSet:
        """Propose ``k`` candidate issues for a corpus that has no issue file (a Corpus, or whatever
        :func:`framing.analyze` takes: a path, a DataFrame, documents, records or plain texts).

        Sentences are weighted by TF-IDF over words and two-word phrases and
        factorised into ``k`` topics with non-negative matrix factorisation
        (``method="nmf"``, Lee & Seung 1999) or latent Dirichlet allocation
        (``"lda"``, Blei, Ng & Jordan 2003) from scikit-learn. Each topic becomes
        an issue named by its top terms, with those terms as keywords and the
        sentences that load most on it as examples. Frequent names (the corpus's
        main actors, in at least ``name_share`` of the sentences) and generic news
        words are left out. Edit the result and save it with :meth:`to_yaml`.
        See :mod:`framing.issue_discovery`.
        """
        from .issue_discovery import discover_issues

        return discover_issues(
            cls,
            corpus,
            k=k,
            method=method,
            n_terms=n_terms,
            n_examples=n_examples,
            max_sentences=max_sentences,
            stop_words=stop_words,
            name_share=name_share,
            seed=seed,
        )


def _span_order(m: tuple[int, int, int]) -> tuple[int, int]:
    return m[0], m[0] - m[1]


def _resolve(
    hits: list[tuple[str, int, int, float, str]], blocked: list[tuple[int, int, str]]
) -> list[tuple[str, int, int, float, str]]:
    """Per issue: the longest non-overlapping keyword matches, minus those an exclusion in scope covers."""
    out = []
    by_issue: dict[str, list[tuple[str, int, int, float, str]]] = {}
    for h in hits:
        by_issue.setdefault(h[0], []).append(h)
    for issue, hs in by_issue.items():
        excl = [(a, b) for a, b, scope in blocked if not scope or scope == issue]
        hs.sort(key=lambda h: (h[1], -(h[2] - h[1])))
        last_end = -1
        for h in hs:
            _, a, b, _, _ = h
            if a < last_end:
                continue
            if any(ea < b and a < eb and (eb - ea) >= (b - a) for ea, eb in excl):
                continue  # overlapped by an excluded phrase at least as long ("trade union" hides "trade")
            out.append(h)
            last_end = b
    return out


def _string_list(value: Any, source: str, line: int | None, field_name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, (str, int, float)) for x in value):
        raise ConfigError(
            "must be a list of words or phrases", path=source or None, line=line, field=field_name, found=repr(value)
        )
    out = []
    for x in value:
        s = str(x).strip()
        if not s:
            continue
        if not _term_words(s):
            raise ConfigError(
                "pattern has no word characters", path=source or None, line=line, field=field_name, found=s
            )
        out.append(s)
    return tuple(out)


def _issue_from_mapping(item: Any, source: str, line: int | None) -> Issue:
    if not isinstance(item, Mapping):
        raise ConfigError(
            "each issue is a mapping with a 'name' and 'keywords'", path=source or None, line=line, found=repr(item)
        )
    name = str(item.get("name") or "").strip()
    if not name:
        raise ConfigError("issue without a name", path=source or None, line=line, field="name")
    unknown = [k for k in item if k not in _ISSUE_KEYS]
    if unknown:
        raise ConfigError(
            "unknown key",
            path=source or None,
            line=line,
            field=f"{name}.{unknown[0]}",
            expected=", ".join(sorted(_ISSUE_KEYS)),
        )
    keywords: dict[str, float] = {}
    raw = item.get("keywords")
    if isinstance(raw, Mapping):
        for t, w in raw.items():
            try:
                weight = float(w) if w is not None else 1.0
            except (TypeError, ValueError):
                raise ConfigError(
                    "keyword weight is not a number",
                    path=source or None,
                    line=line,
                    field=f"{name}.keywords",
                    found=f"{t}: {w}",
                ) from None
            for term in _string_list([t], source, line, f"{name}.keywords"):
                keywords[term] = weight
    else:
        for term in _string_list(raw, source, line, f"{name}.keywords"):
            keywords[term] = 1.0
    for term in _string_list(item.get("weak"), source, line, f"{name}.weak"):
        keywords.setdefault(term, WEAK_WEIGHT)
    if not keywords:
        raise ConfigError(
            "issue without keywords",
            path=source or None,
            line=line,
            field=f"{name}.keywords",
            expected="a list of patterns",
        )
    threshold = item.get("threshold", 1.0)
    try:
        threshold = float(threshold)
    except (TypeError, ValueError):
        raise ConfigError(
            "threshold is not a number",
            path=source or None,
            line=line,
            field=f"{name}.threshold",
            found=repr(threshold),
        ) from None
    examples = item.get("examples") or []
    if isinstance(examples, str):
        examples = [examples]
    return Issue(
        name=name,
        keywords=FrozenDict(keywords),
        exclude=_string_list(item.get("exclude"), source, line, f"{name}.exclude"),
        description=str(item.get("description") or "").strip(),
        threshold=threshold,
        label=str(item.get("label") or "").strip(),
        examples=tuple(str(e) for e in examples),
    )


# ---------------------------------------------------------------------- coverage with intervals
def coverage(
    a: Analysis,
    by: str = "outlet",
    issues: Sequence[str] | None = None,
    level: float = 0.95,
    n_boot: int = 1000,
    min_docs: int = 5,
    seed: int = 0,
) -> pd.DataFrame:
    """Share of each group's sentences on each issue, with bootstrap intervals.

    ``coverage = sentences on the issue / sentences counted`` (headings and text,
    not reference lists or repeated sentences), summed over the group's
    documents; intervals resample documents (or sentences when a group has
    fewer than ``min_docs`` documents), as :meth:`framing.Analysis.compare`
    does. Returns the same tidy columns as ``compare`` with ``metric="coverage"``.
    """
    import numpy as np
    import pandas as pd

    from .analyzers.base import Metric, ratio
    from .compare import COMPARE_COLUMNS, THIN_ROWS, check_analysis_group, check_options
    from .stats import bootstrap_interval, unit_sums

    sent = a.sentences
    if "issues" not in sent.columns:
        raise ValueError("no issues were assigned: run the analysis with the 'issues' analyzer and an IssueSet")
    if issues is None:
        iset = getattr(a.pipeline, "issues", None)
        issues = iset.names if iset is not None else sorted({i for v in sent["issues"] for i in (v or ())})
    docs = a.documents
    check_analysis_group(a, by)
    check_options(a, level=level, n_boot=n_boot, min_docs=min_docs)
    ok = analysed(docs)
    groups = docs.loc[ok, by].fillna("").astype(str)
    group_docs = {g: list(ids) for g, ids in docs.loc[ok, "doc_id"].groupby(groups.values)}
    counted = sent["issue_counted"].fillna(0).to_numpy(dtype=float) if "issue_counted" in sent else np.ones(len(sent))
    doc_col = sent["doc_id"].to_numpy()
    metric = Metric("coverage", "Share of sentences on the issue", "issues", "sentences", ("on", "counted"), ratio())
    rows = []
    for issue in issues:
        on = np.fromiter(
            (issue in v if isinstance(v, (list, tuple, set, frozenset)) else False for v in sent["issues"]),
            bool,
            len(sent),
        ).astype(float)
        values = np.column_stack([on * counted, counted])
        for g in sorted(group_docs):
            ids = group_docs[g]
            pos = {d: i for i, d in enumerate(ids)}
            sel = np.fromiter((d in pos for d in doc_col), bool, len(doc_col))
            if len(ids) >= min_docs:
                units = np.fromiter((pos[d] for d in doc_col[sel]), int, int(sel.sum()))
                res = bootstrap_interval(metric, unit_sums(units, values[sel], len(ids)), n_boot, level, seed)
            else:
                res = bootstrap_interval(metric, values[sel], n_boot, level, seed, resampled="sentences")
            n_on = int(values[sel, 0].sum())
            rows.append(
                {
                    "group": g,
                    "metric": "coverage",
                    "label": metric.label,
                    "actor": None,
                    "issue": issue,
                    "value": res.value,
                    "ci_low": res.low,
                    "ci_high": res.high,
                    "n_docs": len(ids),
                    "n": n_on,
                    "resampled": res.resampled,
                    "thin": n_on < THIN_ROWS,
                }
            )
    out = pd.DataFrame(rows, columns=COMPARE_COLUMNS)
    out.attrs["by"] = by
    out.attrs["level"] = level
    return out
