from __future__ import annotations

from framing.analyzers.base import available, create
from framing.report.references import full_references


def test_every_shipped_metric_citation_has_a_full_reference_for_the_report():
    citations = {m.citation for name in available() for m in create(name).metrics() if m.citation}
    assert citations
    known, unknown = full_references(citations)
    # "framing stance rules; lexicon incl. VADER (Hutto & Gilbert 2014)" names Hutto 2014, and so on
    assert unknown == [], unknown
    assert any(ref.startswith("Newell, E.") for ref in known)


def test_a_citation_names_a_reference_only_with_surname_and_year():
    known, unknown = full_references(["Flesch (1948)", "Flesch (1950)", "Bellamy 1991", "Hutto & Gilbert 2014"])
    assert [k.split(",")[0] for k in known] == ["Flesch", "Hutto"]
    assert unknown == ["Flesch (1950)", "Bellamy 1991"]
