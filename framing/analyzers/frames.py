"""Generic frames: the 14 frames of the Media Frames Corpus, per sentence and per document.

The frames (Boydstun et al. 2014; Card et al. 2015), as labelled in SemEval-2023
Task 3 (Piskorski et al. 2023): Economic, Capacity and resources, Morality,
Fairness and equality, Legality, Policy prescription and evaluation, Crime and
punishment, Security and defense, Health and safety, Quality of life, Cultural
identity, Public opinion, Political, External regulation and reputation.

Method (a lexicon we wrote: ``framing/lexicons/data/frames.tsv``):

1. The frame lexicon is matched once per document; at each place the longest
   entry wins (so "privacy policy", listed with no frame, hides "policy"), and
   a word listed with no frame is not matched by a shorter glob ("crimea*"
   keeps "crime*" off "Crimea", "islamabad*" keeps "islam*" off "Islamabad").
2. A sentence *uses* a frame when the weights of that frame's terms in it add
   up to ``min_weight`` (1): a cue (weight 1) alone, or two weak cues (0.5).
   Sentences counted: text, list items and headings, not reference lists, and a
   sentence repeated word for word counts once.
3. A document's share of a frame = sentences using it / sentences counted.
4. The document's frames (``frame_labels``) are those among its
   ``max_frames`` (5) most used that at least ``min_sentences`` (2) sentences
   and ``min_share`` (8%) of its sentences use; a frame that
   ``enough_sentences`` (12) sentences use needs no share (in a long article,
   8% can be 20 or 30 sentences: a frame argued in 12 of them is one of its
   frames). These numbers are fixed defaults, the same for every frame and
   every document; they were chosen on the SemEval-2023 English articles, and
   the evaluation reports the method with them as shipped.

Outputs: sentence columns ``frames`` (tuple of frame labels), ``frame_<key>``
(0/1 for each frame) and ``frame_counted``; metrics ``frame_share_<key>``
(share of sentences using the frame; restrict them to an issue with
``a.compare(..., issue=...)``); document values ``frame_labels`` (the assigned
frames, joined by ", ") and ``top_frame``; evidence ``"frame:<label>"`` for each
cue in a sentence that uses the frame.

References: Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A.
(2014). Tracking the development of media frames within and across policy
issues. Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A.
(2015). The Media Frames Corpus: Annotations of frames across issues. ACL 2015.
Piskorski, J., Stefanovitch, N., Da San Martino, G., & Nakov, P. (2023).
SemEval-2023 Task 3: Detecting the category, the framing, and the persuasion
techniques in online news in a multi-lingual setup. SemEval 2023.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import compress, repeat
from operator import sub
from typing import Any

from ..lexicons import Lexicon, LexiconEntry, load_lexicon
from ..termmatch import TermMatcher
from .base import Analyzer, DocContext, DocResult, Evidence, Metric, ratio
from .issues import counted_of, counted_sentences, vocabulary_of

__all__ = ["FRAMES", "FRAME_KEYS", "FRAME_NAMES", "FrameAnalyzer", "assign_frames"]

#: The 14 frames, by their SemEval-2023 labels, in codebook order.
FRAMES: tuple[str, ...] = (
    "Economic",
    "Capacity_and_resources",
    "Morality",
    "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence",
    "Policy_prescription_and_evaluation",
    "Crime_and_punishment",
    "Security_and_defense",
    "Health_and_safety",
    "Quality_of_life",
    "Cultural_identity",
    "Public_opinion",
    "Political",
    "External_regulation_and_reputation",
)
#: Short keys used in column and metric names (``frame_share_legality``).
FRAME_KEYS: dict[str, str] = dict(
    zip(
        FRAMES,
        (
            "economic",
            "capacity",
            "morality",
            "fairness",
            "legality",
            "policy",
            "crime",
            "security",
            "health",
            "quality_of_life",
            "cultural_identity",
            "public_opinion",
            "political",
            "external",
        ),
    )
)
#: Plain names for figures and text.
FRAME_NAMES: dict[str, str] = dict(
    zip(
        FRAMES,
        (
            "Economic",
            "Capacity and resources",
            "Morality",
            "Fairness and equality",
            "Legality",
            "Policy prescription",
            "Crime and punishment",
            "Security and defense",
            "Health and safety",
            "Quality of life",
            "Cultural identity",
            "Public opinion",
            "Political",
            "External relations and reputation",
        ),
    )
)
_NONE = "none"


def _with_possessives(lex: Lexicon) -> Lexicon:
    """The lexicon plus possessive forms of every term not ending in a glob ("government's")."""
    extra = []
    for e in lex.entries:
        last = e.words[-1]
        if last.endswith("*") or last.endswith(("'s", "’s")):
            continue
        for mark in ("'s", "’s"):
            extra.append(LexiconEntry(e.term, (*e.words[:-1], last + mark), e.category, e.weight, e.extra, e.line))
    return Lexicon(lex.entries + tuple(extra), name=lex.name, meta=lex.meta)


class _FrameTuples(dict):
    """Bit mask of frames (bit ``c`` for ``FRAMES[c]``) → the tuple of their labels, built on first use."""

    def __missing__(self, mask: int) -> tuple[str, ...]:
        out = self[mask] = tuple(f for c, f in enumerate(FRAMES) if mask >> c & 1)
        return out


#: cue words that are also given names ("bill": "Bill Clinton", "Bill Barr", "Bill Gates" were Legality cues)
_GIVEN_NAME_CUES = frozenset(["bill"])


def _opens_a_name(model: Any, t: int) -> bool:
    """Whether token ``t`` is capitalised ("Bill", not "BILL" or "bill") and followed, after one space, by a
    capitalised word: the first word of a person's name ("Bill Clinton"), not "the bill" or "the Bill of
    Rights"."""
    text = model.text
    a, b = model.tok_starts[t], model.tok_ends[t]
    if not (text[a].isupper() and text[a + 1 : b].islower()) or t + 1 >= len(model.tokens):
        return False
    nxt = model.tok_starts[t + 1]
    return nxt == b + 1 and text[b] == " " and text[nxt].isupper()


def assign_frames(
    shares: dict[str, float],
    counts: dict[str, int],
    max_frames: int,
    min_share: float,
    min_sentences: int,
    enough_sentences: int | None = None,
) -> list[str]:
    """The document's frames: among the ``max_frames`` most used, those with enough sentences and share.

    A frame used in at least ``enough_sentences`` sentences (when given) needs no share.
    Ties are broken by sentence count, then by codebook order.
    """
    ranked = sorted(
        (f for f in FRAMES if counts.get(f, 0) > 0),
        key=lambda f: (-shares.get(f, 0.0), -counts.get(f, 0), FRAMES.index(f)),
    )
    enough = float("inf") if enough_sentences is None else enough_sentences
    return [
        f
        for f in ranked[:max_frames]
        if counts.get(f, 0) >= min_sentences and (shares.get(f, 0.0) >= min_share - 1e-12 or counts.get(f, 0) >= enough)
    ]


class FrameAnalyzer(Analyzer):
    """Frames per sentence and per document, from the frame lexicon.

    Args:
        lexicon: a bundled name, a file, a dict or a :class:`~framing.lexicons.Lexicon`
            whose categories are frame labels (``FRAMES``) or ``"none"``; add your own
            words with ``load_lexicon("frames").with_entries({...})``.
        min_weight: cue weight a sentence needs to use a frame.
        max_frames, min_sentences, min_share, enough_sentences: the document rule (see the module
            docstring); ``enough_sentences=None`` keeps the share test for every frame.
    """

    name = "frames"
    sentence_columns = {"frames": (), "frame_counted": 0, **{f"frame_{k}": 0 for k in FRAME_KEYS.values()}}

    def __init__(
        self,
        lexicon: str | Lexicon | dict = "frames",
        min_weight: float = 1.0,
        max_frames: int = 5,
        min_sentences: int = 2,
        min_share: float = 0.08,
        enough_sentences: int | None = 12,
    ) -> None:
        lex = load_lexicon(lexicon)
        unknown = sorted({e.category for e in lex.entries} - set(FRAMES) - {_NONE})
        if unknown:
            raise ValueError(
                f"frame lexicon categories must be frame labels or 'none'; unknown: {', '.join(unknown[:5])}"
            )
        self.lexicon = lex
        self._matcher = TermMatcher(_with_possessives(lex), exceptions=(_NONE,))
        self._entries = self._matcher.entries
        index = {f: i for i, f in enumerate(FRAMES)}
        self._cat = [index.get(e.category, -1) for e in self._entries]  # -1: no frame ("none")
        self._weight = [e.weight for e in self._entries]
        self._terms = [e.term for e in self._entries]
        #: the entries of cue words that are also given names: no cue as the first word of a name
        self._given_name = frozenset(
            k for k, e in enumerate(self._entries) if re.split("['’]", e.term)[0] in _GIVEN_NAME_CUES
        )
        self._catname = [f"frame:{f}" for f in FRAMES]
        self.min_weight = float(min_weight)
        self.max_frames = int(max_frames)
        self.min_sentences = int(min_sentences)
        self.min_share = float(min_share)
        self.enough_sentences = None if enough_sentences is None else int(enough_sentences)
        self._index = {f: i for i, f in enumerate(FRAMES)}
        self._frame_tuples = _FrameTuples()

    def settings(self) -> dict[str, Any]:
        return {
            "lexicon": f"{self.lexicon.name} v{self.lexicon.meta.get('version', '?')}",
            "min_weight": self.min_weight,
            "max_frames": self.max_frames,
            "min_sentences": self.min_sentences,
            "min_share": self.min_share,
            "enough_sentences": self.enough_sentences,
        }

    def lexicons(self) -> list[Lexicon]:
        return [self.lexicon]

    # ------------------------------------------------------------------ one document
    def _score(self, model, counted: list[bool]):
        """The frame cues of a document (this is the analyzer's hot path).

        Returns ``(on, hit_rows)``: ``on`` is the set of ``sentence * 14 + frame``
        keys of the sentences whose cues of a frame reach ``min_weight``, and
        ``hit_rows`` the cues that count, in text order, as lists
        ``(sentence, frame, token_start, token_end, entry)``.
        """
        starts, ends, ks = self._matcher.columns(model)
        if not starts or not model.n_sentences:
            return set(), ([], [], [], [], [])
        n_frames = len(FRAMES)
        # each cue's sentence: sentences own consecutive tokens, and none is empty (bisect in C, no per-token list)
        sents = list(map(sub, map(bisect_right, repeat(model.sent_tok), starts), repeat(1)))
        cats = list(map(self._cat.__getitem__, ks))
        weight = self._weight
        score: dict[int, float] = {}
        keys = []
        given_name = self._given_name
        for s, c, k, t in zip(sents, cats, ks, starts):
            if c < 0 or not counted[s] or (k in given_name and _opens_a_name(model, t)):
                keys.append(-1)  # no frame ("none"), a sentence that does not count, or "Bill" of "Bill Clinton"
                continue
            key = s * n_frames + c
            keys.append(key)
            score[key] = score.get(key, 0.0) + weight[k]
        limit = self.min_weight - 1e-9
        on = {key for key, v in score.items() if v >= limit}
        hit = list(compress(range(len(keys)), map(on.__contains__, keys)))
        hit.sort(key=starts.__getitem__)  # evidence in text order (stable: same place, matcher's order)
        rows = (
            list(map(sents.__getitem__, hit)),
            list(map(cats.__getitem__, hit)),
            list(map(starts.__getitem__, hit)),
            list(map(ends.__getitem__, hit)),
            list(map(ks.__getitem__, hit)),
        )
        return on, rows

    def _masks(self, on: set[int], n: int) -> list[int]:
        """Each sentence's frames as a bit mask (bit ``c`` for ``FRAMES[c]``)."""
        masks = [0] * n
        for key in on:
            s, c = divmod(key, len(FRAMES))
            masks[s] |= 1 << c
        return masks

    def sentence_frames(self, model, counted: list[bool] | None = None):
        """Per sentence, the frames used and the cue matches behind them.

        Returns ``(frames, hits)``: ``frames[s]`` is a tuple of frame labels;
        ``hits`` lists ``(frame, token_start, token_end, weight, term, sentence)``
        for every cue in a sentence that uses its frame, in text order.
        """
        if counted is None:
            counted = counted_sentences(model)
        on, (sents, cats, starts, ends, ks) = self._score(model, counted)
        frames = list(map(self._frame_tuples.__getitem__, self._masks(on, model.n_sentences)))
        hits = [
            (FRAMES[c], a, b, self._weight[k], self._terms[k], s)
            for s, c, a, b, k in zip(sents, cats, starts, ends, ks)
        ]
        return frames, hits

    def analyze(self, ctx: DocContext) -> DocResult:
        model = ctx.model
        n = model.n_sentences
        counted = counted_of(ctx)
        shared = vocabulary_of(ctx)
        if shared is not None:  # the issue matcher has found this document's new word types: not again
            self._matcher.use_vocabulary(shared)
        on, (sents, cats, starts, ends, ks) = self._score(model, counted)
        n_frames = len(FRAMES)
        cols = [[0] * n for _ in range(n_frames)]
        counts = [0] * n_frames
        masks = [0] * n
        for key in on:
            s, c = divmod(key, n_frames)
            cols[c][s] = 1
            counts[c] += 1
            masks[s] |= 1 << c
        frames = list(map(self._frame_tuples.__getitem__, masks))
        n_counted = sum(counted)
        used = {FRAMES[c]: x for c, x in enumerate(counts) if x}
        shares = {f: x / n_counted for f, x in used.items()} if n_counted else {}
        labels = assign_frames(shares, used, self.max_frames, self.min_share, self.min_sentences, self.enough_sentences)
        char_starts, char_ends = model.tokens_spans(starts, ends)
        weights = map(self._weight.__getitem__, ks)
        terms = map(self._terms.__getitem__, ks)
        rows = zip(map(self._catname.__getitem__, cats), char_starts, char_ends, weights, repeat(""), sents, terms)
        evidence = list(map(tuple.__new__, repeat(Evidence), rows))  # Evidence(*row), built in C
        top = max(used, key=lambda f: (used[f], -self._index[f])) if used else ""
        sentences: dict[str, list[Any]] = {"frames": frames, "frame_counted": list(map(int, counted))}
        for c, key in enumerate(FRAME_KEYS.values()):
            sentences[f"frame_{key}"] = cols[c]
        return DocResult(
            sentences=sentences,
            evidence=evidence,
            metrics={"frame_labels": ", ".join(labels), "top_frame": top},
        )

    def metrics(self) -> list[Metric]:
        return [
            Metric(
                f"frame_share_{key}",
                f"{FRAME_NAMES[f]} frame (share of sentences)",
                self.name,
                "sentences",
                (f"frame_{key}", "frame_counted"),
                ratio(),
                f"Sentences using the {FRAME_NAMES[f].lower()} frame (its cues in frames.tsv reach weight 1) / "
                "sentences counted.",
                unit="share",
                citation="Card et al. (2015)",
            )
            for f, key in FRAME_KEYS.items()
        ]

    def document_metrics(self) -> dict[str, str]:
        return {
            "frame_labels": "the document's frames (among its 5 most used, in at least 2 sentences and 8% of them, "
            "or in 12 sentences)",
            "top_frame": "the frame used in the most sentences",
        }
