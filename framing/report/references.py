"""Full references for the short citations that metrics carry (``Metric.citation``).

A metric names its source briefly ("Hyland (2005); Prince et al. (1982)"); the methods page of the
report lists the full reference of every work such a citation names, so a printed report stands on
its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["REFERENCES", "full_references"]

#: (first author's surname, year) → the full reference, APA style.
REFERENCES: dict[tuple[str, str], str] = {
    ("Bell", "1991"): "Bell, A. (1991). The Language of News Media. Blackwell.",
    ("Card", "2015"): (
        "Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A. (2015). The Media Frames Corpus: "
        "Annotations of frames across issues. Proceedings of ACL-IJCNLP 2015."
    ),
    ("Efron", "1993"): "Efron, B., & Tibshirani, R. J. (1993). An Introduction to the Bootstrap. Chapman & Hall.",
    ("Entman", "1993"): (
        "Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. Journal of Communication, "
        "43(4), 51–58."
    ),
    (
        "Flesch",
        "1948",
    ): "Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology, 32(3), 221–233.",
    ("Hutto", "2014"): (
        "Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model for sentiment analysis of "
        "social media text. Proceedings of ICWSM-14."
    ),
    ("Hyland", "2005"): "Hyland, K. (2005). Metadiscourse: Exploring Interaction in Writing. Continuum.",
    ("Kincaid", "1975"): (
        "Kincaid, J. P., Fishburne, R. P., Rogers, R. L., & Chissom, B. S. (1975). Derivation of new readability "
        "formulas for Navy enlisted personnel. Naval Technical Training Command, Research Branch Report 8-75."
    ),
    ("Monroe", "2008"): (
        "Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature selection and "
        "evaluation for identifying the content of political conflict. Political Analysis, 16(4), 372–403."
    ),
    ("Newell", "2018"): (
        "Newell, E., Margolin, D., & Ruths, D. (2018). An attribution relations corpus for political news. "
        "Proceedings of LREC 2018."
    ),
    ("Prince", "1982"): (
        "Prince, E. F., Frader, J., & Bosk, C. (1982). On hedging in physician–physician discourse. In R. J. di "
        "Pietro (Ed.), Linguistics and the Professions (pp. 83–97). Ablex."
    ),
    ("Simpson", "1949"): "Simpson, E. H. (1949). Measurement of diversity. Nature, 163, 688.",
}


def full_references(citations: Iterable[str]) -> tuple[list[str], list[str]]:
    """The full references named by short citations, and the citations that name none of them.

    A citation names a reference when it holds the first author's surname as a word and the year:
    "Newell, Margolin & Ruths (2018)", "Hutto & Gilbert 2014", "Hyland (2005); Prince et al. (1982)".
    """
    found: set[str] = set()
    unknown: list[str] = []
    for c in citations:
        words = set(re.findall(r"[A-Za-z'-]+|\d{4}", c))
        hits = [ref for (name, year), ref in REFERENCES.items() if name in words and year in words]
        if not hits:
            unknown.append(c)
        found.update(hits)
    return sorted(found), unknown
