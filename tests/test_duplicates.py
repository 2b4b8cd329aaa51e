"""The duplicate tracker's compact hash index answers as a plain dict of first occurrences would."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.duplicates import DuplicateTracker, _HashIndex


class DictTracker:
    """The reference: every hash in a dict, mapped to the id of the first document that had it."""

    def __init__(self, min_shared: int = 6) -> None:
        self.min_shared = min_shared
        self.whole: dict[int, str] = {}
        self.sketch: dict[int, str] = {}

    def check(self, doc_id: str, whole: int, sketch: tuple[int, ...]) -> tuple[str, str] | None:
        if whole in self.whole:
            earlier = self.whole[whole]
            return earlier, f"exact duplicate of {earlier}"
        self.whole[whole] = doc_id
        found = None
        if len(sketch) >= 3:
            shared = Counter(self.sketch[h] for h in sketch if h in self.sketch)
            need = min(self.min_shared, len(sketch) - 1)
            if shared:
                other, n = max(shared.items(), key=lambda kv: (kv[1], kv[0]))
                if n >= need:
                    found = (other, f"near duplicate of {other} ({n} of {len(sketch)} sampled sentences shared)")
        for h in sketch:
            self.sketch.setdefault(h, doc_id)
        return found


# few distinct hashes and ids, so exact and near duplicates (and ties between earlier documents) are common
HASH = st.one_of(st.integers(0, 40), st.integers(0, 2**64 - 1))
DOC = st.tuples(
    st.sampled_from(["a", "b", "c", "d", "e"]),
    HASH,
    st.lists(st.integers(0, 30), max_size=9).map(lambda xs: tuple(sorted(set(xs)))),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(DOC, max_size=60), st.sampled_from([1, 2, 7, 1 << 17]))
def test_same_answers_as_a_dict(docs: list[tuple[str, int, tuple[int, ...]]], buffer: int) -> None:
    want = DictTracker()
    got = DuplicateTracker(_whole=_HashIndex(buffer), _sketch=_HashIndex(buffer))
    for doc_id, whole, sketch in docs:
        assert got.check(doc_id, whole, sketch) == want.check(doc_id, whole, sketch)


def test_index_keeps_the_first_document_across_merges() -> None:
    index = _HashIndex(buffer=4)
    for doc in range(50):
        keys = (doc * 7 % 23, 2**64 - 1 - doc, doc)
        index.add(keys, index.get_many(keys), doc)
    assert index.get(2**64 - 1) == 0 and index.get(2**64 - 50) == 49
    assert index.get(0) == 0 and index.get(7) == 1  # 7 = 1 * 7 (document 1) before document 7's own key
    assert index.get(2**40) is None
    assert len(index) == len({k for doc in range(50) for k in (doc * 7 % 23, 2**64 - 1 - doc, doc)})
    assert len(index._recent) < 4  # most hashes are in the sorted arrays
