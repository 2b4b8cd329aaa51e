"""Proposing issues for a corpus that has no issue file (``IssueSet.discover``).

Sentences (running text and list items of at least six words, after
cleaning; a sentence repeated word for word in three or more documents is page
furniture and left out) are represented by TF-IDF weights of words and two-word phrases
(English stop words, generic news words, numbers and one-letter words left
out; possessive endings removed; a term must occur in at least two documents
and in at most half of the sentences) and factorised into ``k`` topics. Names
written with a capital that occur in at least ``name_share`` (3%) of the
sentences are left out too: they are the corpus's main actors, present in
every topic; rarer names ("Gwadar", "Torkham") stay. The topics:

* ``method="nmf"``: non-negative matrix factorisation (Lee & Seung 1999), the
  default; topics are sparse and easy to name.
* ``method="lda"``: latent Dirichlet allocation (Blei, Ng & Jordan 2003) on
  term counts.

Each topic becomes an :class:`~framing.issues.Issue` whose name joins its three
top terms ("refugees / camps / repatriation"), whose keywords are its top
``n_terms`` terms (a word that is part of a kept phrase is dropped when the
phrase carries it), and whose ``examples`` are the sentences, from different
documents, that load most on it. Everything is seeded, so the same corpus
gives the same proposal. Large corpora are sampled evenly down to
``max_sentences`` sentences.

References: Lee, D. D., & Seung, H. S. (1999). Learning the parts of objects
by non-negative matrix factorization. *Nature* 401, 788–791. Blei, D. M., Ng,
A. Y., & Jordan, M. I. (2003). Latent Dirichlet allocation. *JMLR* 3, 993–1022.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import numpy as np

from .text import TextModel
from .wording import count

if TYPE_CHECKING:
    from .issues import IssueSet

_MIN_WORDS = 6
_TOKEN_RE = re.compile(r"(?u)\b[^\W\d_][\w'-]*[^\W_]\b")
_POSSESSIVE_RE = re.compile(r"['’]s\b")
# contractions ("don't", "they're") and their stems carry no topic
_CONTRACTION_RE = re.compile(
    r"\b\w+(?:n['’]t|['’](?:re|ve|ll|d|m))\b|\b(?:can|won|don|didn|doesn|isn|aren|wasn)['’]t\b"
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
#: Words common in any news text that never name an issue (added to scikit-learn's English stop words).
_GENERIC = """said says say told according also would could might may must should just like including despite
    especially however although though current recent recently new year years time times way ways day days
    week weeks month months today yesterday issue issues reason reasons situation matter fact number part
    parts point points case cases example thing things lot really come comes came make makes made take takes
    took going want wants need needs use used using people person percent per cent mr ms mrs dr did know
    think thought got get gets getting good great right sure doing done added adds asked ask pretty agree end yes
    okay ok lot lots kind really actually thing things something anything everything look looking went go goes
    told tell tells saying let lets maybe probably certainly obviously important different big little long
    called call calls according statement statements report reported reports reporting news update updated
    press contributed article story stories week weekend morning afternoon evening tuesday monday wednesday
    thursday friday saturday sunday"""
GENERIC_WORDS = frozenset(_GENERIC.split())


def _sentences(corpus: Any, max_sentences: int) -> tuple[list[str], list[int]]:
    from .clean import Cleaner
    from .io import as_corpus

    cleaner = Cleaner()
    texts: list[str] = []
    owners: list[int] = []
    # whatever analyze takes: a Corpus, a path, a DataFrame, documents, records or plain texts
    docs = [d for d in as_corpus(corpus) if not d.skipped]
    for k, d in enumerate(docs):
        raw = d.text
        text = cleaner.clean(raw, {}).text if raw else ""
        model = TextModel(text)
        for s in range(model.n_sentences):
            if model.sent_kinds[s] in ("text", "item") and model.sent_n_words[s] >= _MIN_WORDS:
                texts.append(model.sentence_text(s))
                owners.append(k)
    # a sentence found word for word in three or more documents is page furniture (a newsletter
    # sign-up, a standard disclaimer), not reporting on an issue
    docs_of: dict[str, set[int]] = {}
    for t, k in zip(texts, owners):
        docs_of.setdefault(t, set()).add(k)
    # (unless most of the corpus repeats itself: then the documents are duplicates, not furniture)
    furniture = {t for t, ks in docs_of.items() if len(ks) >= 3}
    if furniture:
        kept = [(t, k) for t, k in zip(texts, owners) if t not in furniture]
        if len(kept) >= len(texts) / 2:
            texts, owners = [t for t, _ in kept], [k for _, k in kept]
    if len(texts) > max_sentences:
        step = len(texts) / max_sentences
        keep = [int(i * step) for i in range(max_sentences)]
        texts = [texts[i] for i in keep]
        owners = [owners[i] for i in keep]
    return texts, owners


def _preprocess(text: str) -> str:
    """Lower case, contractions dropped, possessive endings removed ("Pakistan’s" → "pakistan")."""
    text = _CONTRACTION_RE.sub(" ", text.lower())
    return _POSSESSIVE_RE.sub("", text).replace("’", "'")


def frequent_names(texts: list[str], min_share: float) -> set[str]:
    """Words written with a capital inside sentences (names) that occur in at least ``min_share`` of the sentences.

    These are the corpus's main actors ("Pakistan", "Taliban"): present
    everywhere, they would name every topic. Rarer names ("Gwadar",
    "Torkham") are kept: they often are what an issue is about.
    """
    caps: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    sent_freq: Counter[str] = Counter()
    for t in texts:
        seen = set()
        for k, m in enumerate(_WORD_RE.finditer(_POSSESSIVE_RE.sub("", t))):
            w = m.group()
            key = w.lower()
            seen.add(key)
            if k == 0:
                continue
            if w[0].isupper():
                caps[key] += 1
            else:
                lower[key] += 1
        sent_freq.update(seen)
    n = max(len(texts), 1)
    return {w for w, c in caps.items() if c >= 0.9 * (c + lower[w]) and sent_freq[w] / n >= min_share}


def _words(text: str) -> list[str]:
    """The words of a sentence as the discovery reads them (lower case, contractions and possessives off)."""
    return _TOKEN_RE.findall(_preprocess(text))


class _Terms:
    """Words and two-word phrases of a sentence (given as its :func:`_words`), without stop words; a phrase never
    spans a removed word."""

    def __init__(self, stops: frozenset[str]) -> None:
        self.stops = stops

    def __call__(self, words: list[str]) -> list[str]:
        stops = self.stops
        keep = [w not in stops and len(w) > 1 for w in words]
        terms = [w for w, ok in zip(words, keep) if ok]
        terms.extend(f"{a} {b}" for a, b, ka, kb in zip(words, words[1:], keep, keep[1:]) if ka and kb)
        return terms


def _top_terms(weights, vocab, n_terms: int) -> list[str]:
    order = weights.argsort()[::-1]
    chosen: list[str] = []
    for j in order:
        if weights[j] <= 0 or len(chosen) >= n_terms:
            break
        term = str(vocab[j])
        words = term.split()
        if any(term in c.split() or (len(words) > 1 and all(w in c.split() for w in words)) for c in chosen):
            continue
        if len(words) > 1:
            # a phrase replaces its words already chosen ("border crossings" over "crossings")
            chosen = [c for c in chosen if c not in words]
        chosen.append(term)
    return chosen


#: A word in at least this share of its sentences inside one two-word name or phrase is a fragment of it
FRAGMENT_SHARE = 0.6


def _fragments(sentences: list[list[str]], function_words: frozenset[str]) -> set[str]:
    """Words that mostly occur inside one two-word name or phrase: "white" in "White House", "north" in "North
    Korea", "middle" and "east" in "Middle East". As a keyword such a word would match every "white" of the
    corpus, and it names nothing on its own; when the name is a frequent one, left out as a stop word, its
    fragment was even the only trace of it in the topics. A pair counts when neither word is a function word
    ("the border" does not make "border" a fragment); shares are of sentences."""
    word_df: Counter[str] = Counter()
    pair_df: Counter[tuple[str, str]] = Counter()
    for words in sentences:
        word_df.update(set(words))
        pair_df.update({(a, b) for a, b in pairwise(words) if a not in function_words and b not in function_words})
    inside: Counter[str] = Counter()
    for (a, b), n in pair_df.items():
        if a != b:
            inside[a] = max(inside[a], n)
            inside[b] = max(inside[b], n)
    return {w for w, n in inside.items() if n >= 2 and n >= FRAGMENT_SHARE * word_df[w]}


def discover_issues(
    cls: type[IssueSet],
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
    from sklearn.feature_extraction.text import (
        ENGLISH_STOP_WORDS,
        CountVectorizer,
        TfidfVectorizer,
    )

    from .errors import InputError
    from .issues import Issue

    if method not in ("nmf", "lda"):
        raise ValueError(f"method must be 'nmf' or 'lda', not {method!r}")
    if k < 1:
        raise ValueError("k must be at least 1")
    texts, owners = _sentences(corpus, max_sentences)
    n_docs = len(set(owners))
    if len(texts) < 2 * k:
        raise InputError(
            f"too little text to discover {k} issues: {len(texts)} sentences of {_MIN_WORDS}+ words",
            expected=f"at least {2 * k} sentences",
        )
    names = frequent_names(texts, name_share) if name_share < 1 else set()
    stops = sorted(ENGLISH_STOP_WORDS | GENERIC_WORDS | names | {_preprocess(w) for w in stop_words})
    analyzer = _Terms(frozenset(stops))
    params: dict[str, Any] = dict(analyzer=analyzer, min_df=1, max_df=0.5 if len(texts) >= 20 else 1.0)
    vec = TfidfVectorizer(sublinear_tf=True, **params) if method == "nmf" else CountVectorizer(**params)
    sentences = [_words(t) for t in texts]  # read once, for the vectorizer and for the fragments of names
    X = vec.fit_transform(sentences)
    if n_docs > 1:
        # a term must occur in at least two documents: one document repeating a phrase (a byline, a
        # newsletter footer) is not an issue
        from scipy import sparse

        doc_of = sparse.csr_matrix(
            (np.ones(len(owners)), (np.asarray(owners), np.arange(len(owners)))), shape=(max(owners) + 1, len(owners))
        )
        doc_freq = np.asarray(((doc_of @ (X > 0).astype(float)) > 0).sum(axis=0)).ravel()
        keep = np.flatnonzero(doc_freq >= 2)
        if len(keep) >= k:
            X = X[:, keep]
            vocab_all = vec.get_feature_names_out()
            vocab = vocab_all[keep]
        else:
            vocab = vec.get_feature_names_out()
    else:
        vocab = vec.get_feature_names_out()
    fragments = _fragments(sentences, frozenset(ENGLISH_STOP_WORDS | GENERIC_WORDS))
    if fragments:
        keep_terms = np.flatnonzero([str(t) not in fragments for t in vocab])
        if len(keep_terms) >= k:
            X, vocab = X[:, keep_terms], vocab[keep_terms]
    k_eff = min(k, X.shape[0], X.shape[1])
    if method == "nmf":
        from sklearn.decomposition import NMF

        model = NMF(n_components=k_eff, init="nndsvda", random_state=seed, max_iter=500)
    else:
        from sklearn.decomposition import LatentDirichletAllocation

        model = LatentDirichletAllocation(n_components=k_eff, random_state=seed, learning_method="batch")
    W = model.fit_transform(X)
    H = model.components_
    issues = []
    used_names: set[str] = set()
    for t in range(k_eff):
        terms = _top_terms(H[t], vocab, n_terms)
        if not terms:
            continue
        name = " / ".join(terms[:3])
        base, n = name, 2
        while name in used_names:
            name = f"{base} ({n})"
            n += 1
        used_names.add(name)
        order = W[:, t].argsort()[::-1]
        examples: list[str] = []
        seen_docs: set[int] = set()
        for i in order:
            if W[i, t] <= 0 or len(examples) >= n_examples:
                break
            if owners[i] in seen_docs:
                continue
            seen_docs.add(owners[i])
            examples.append(texts[i])
        share = float((W.argmax(axis=1) == t).mean())
        issues.append(
            Issue(
                name=name,
                keywords={term: 1.0 for term in terms},
                description=f"Discovered ({method.upper()}, topic {t + 1} of {k_eff}): the main topic of "
                f"{share:.0%} of the sentences. Rename it, prune the keywords, add exclusions.",
                examples=tuple(examples),
            )
        )
    return cls(
        issues,
        source="discovered",
        name="discovered issues",
        description=f"Proposed by IssueSet.discover(k={k}, method={method!r}) from {len(texts):,} sentences "
        f"of {count(n_docs, 'document')}; edit before use.",
    )
