"""Readability page: reading ease, grade level and sentence length per group, with intervals."""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib.pyplot as plt

from ..plots.common import plot_compare
from ..plots.style import PALETTE
from .base import Page, ReportContext, overlap_note

if TYPE_CHECKING:
    from ..analysis import Analysis

METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "words_per_sentence")


def summary(a: Analysis, ctx: ReportContext) -> list[str]:
    t = ctx.compare(a, metric=list(METRICS)).dropna(subset=["value"])
    fre = t[t["metric"] == "flesch_reading_ease"].sort_values("value")
    if len(fre) < 1:
        return []
    easy, hard = fre.iloc[-1], fre.iloc[0]
    if len(fre) == 1:
        return [f"Reading ease is {easy['value']:.0f} (Flesch; 60–70 is plain English, under 30 very difficult)."]
    grade = t[t["metric"] == "flesch_kincaid_grade"].set_index("group")["value"]
    return [
        f"{easy['group']} is the easiest to read (Flesch reading ease {easy['value']:.0f}, about grade "
        f"{grade.get(easy['group'], float('nan')):.0f}); {hard['group']} the hardest ({hard['value']:.0f}, about "
        f"grade {grade.get(hard['group'], float('nan')):.0f}).{overlap_note(easy, hard)} On this scale 60–70 is "
        "plain English and under 30 is very difficult, typical of academic prose."
    ]


def pages(a: Analysis, ctx: ReportContext) -> list[Page]:
    t = ctx.compare(a, metric=list(METRICS))
    n_groups = t["group"].nunique()
    fig, axes = plt.subplots(
        1, 3, figsize=(15, max(3.2, 0.42 * min(n_groups, 30) + 1.8)), sharey=True, layout="constrained"
    )
    for ax, metric, colour in zip(axes, METRICS, PALETTE):
        sub = t[t["metric"] == metric]
        order = t[t["metric"] == METRICS[0]].sort_values("value")["group"].tolist()
        sub = sub.set_index("group").reindex(order).reset_index()
        plot_compare(sub, ax=ax, sort=False, colour=colour, title=sub["label"].iloc[0] if len(sub) else metric)
        ax.set_xlabel(
            {
                "flesch_reading_ease": "higher = easier",
                "flesch_kincaid_grade": "US school grade",
                "words_per_sentence": "words",
            }[metric]
        )
        if ax is not axes[-1]:
            for txt in list(ax.texts):
                txt.remove()  # n= labels once, on the right-most panel
    level = f"{ctx.level:.0%}"
    text = [
        f"Dots are each group's value over all its documents; lines are {level} bootstrap intervals "
        f"(resampling documents, or sentences when a group has fewer than 5 documents). Reading ease: "
        "206.835 − 1.015 × words per sentence − 84.6 × syllables per word (Flesch 1948); grade: Kincaid et al. (1975).",
    ]
    return [
        Page(
            name="readability",
            title="How hard is each outlet to read?",
            figure=fig,
            text=text,
            table=t[t["metric"].isin(METRICS)].reset_index(drop=True),
        )
    ]
