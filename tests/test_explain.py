"""The plain-text highlight (a terminal, the PDF's evidence pages): one pair of marks per stretch of a kind."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.explain import _TERMINAL_MARK, Highlight

_MARKS = {m for pair in _TERMINAL_MARK.values() for m in pair if m}
_KINDS = [k for k, (left, _) in _TERMINAL_MARK.items() if left]
_UNMARKED = [k for k, (left, _) in _TERMINAL_MARK.items() if not left]


def test_spans_of_one_kind_that_touch_or_overlap_get_one_pair_of_marks():
    """A source phrase with its parts as spans of their own, and a word that is evidence for two actors, used to
    print as ⟦Defence⟧⟦ ⟧⟦Minister⟧⟦ Khawaja Asif⟧ and −{−{‹accused›}}."""
    text = "Defence Minister Khawaja Asif accused Kabul."
    src = text.index("Khawaja")
    acc = text.index("accused")
    spans = [
        (0, 7, "source", "type"),
        (7, 8, "source", "space"),
        (8, 16, "source", "title"),
        (16, src + 12, "source", "name"),
        (acc, acc + 7, "stance-neg", "→ Kabul"),
        (acc, acc + 7, "stance-neg", "→ Kabul (again)"),
        (acc, acc + 7, "hedge", "hedge"),
        (text.index("Kabul"), text.index("Kabul") + 5, "actor", "actor: Afghanistan"),
    ]
    body = str(Highlight("d", text, spans)).split("\n\n", 1)[1]
    assert body == "⟦Defence Minister Khawaja Asif⟧ −{‹accused›} [Kabul]."


def test_spans_of_two_kinds_nest_inner_first_and_may_cross():
    text = "Pakistan's foreign minister said so."
    spans = [(0, 27, "source", ""), (0, 8, "actor", ""), (19, 32, "cue", "")]
    body = Highlight("d", text, spans)._marked_text()
    assert body == "⟦[Pakistan]'s foreign _minister⟧ said_ so."


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_characters="".join(_MARKS)), max_size=60),
    st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.sampled_from(_KINDS + _UNMARKED)), max_size=12),
)
def test_the_marks_leave_the_text_whole_and_pair_up(text, raw):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text)), kind, "") for a, b, kind in raw]
    body = Highlight("d", text, spans)._marked_text()
    for right in {_TERMINAL_MARK[k][1] for k in _KINDS}:
        lefts = {_TERMINAL_MARK[k][0] for k in _KINDS if _TERMINAL_MARK[k][1] == right}
        if right not in lefts:
            assert sum(body.count(left) for left in lefts) == body.count(right)
    for ch in "".join(_MARKS):
        body = body.replace(ch, "")
    assert body == text
