# Source of notebooks/01_quickstart.ipynb: edit this file, then run `python notebooks/build.py`.

# %% [markdown]
# # Quickstart: five articles, one report
#
# `framing` shows how different news outlets frame the same story: the **stance** each takes toward each
# actor, how much it **hedges**, whom it **quotes**, which **issues** and **frames** it uses, how hard it is
# to **read** — and every number points back to the words that produced it.
#
# This notebook runs on the seed corpus that ships with framing (five pieces on Pakistan–Afghanistan
# relations from 2025) in about a minute: seeds → analysis → tables → figures → report.
# Everything it writes goes into `out/` next to the notebook.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
from IPython.display import display

import framing
from framing.plots import plot_compare, style
from framing.plots.hedging import plot_hedges_boosters
from framing.plots.stance import plot_stance_heatmap

OUT = Path("out")
corpus = framing.load_seeds()
display(corpus)

# %% [markdown]
# ## 1. Analyse
# One call cleans the text (scraped-page debris is removed, and logged), finds the actors
# (`seeds/actors.yaml` for the seeds; discovered automatically for your own corpus) and runs every analyzer.
# For your own articles: `framing.load_corpus("articles.csv", text="body", id="url", outlet="source")`, or a
# folder of .txt, .html, Word (.docx) or PDF files (`framing.load_corpus("articles/")`; one sub-folder per
# outlet), or one article's file on its own (`framing.load_corpus("essay.docx")`).

# %%
a = framing.analyze(corpus)
display(a)

# %% [markdown]
# ## 2. Tables
# Four pandas tables: `documents` (one row per article, one column per measure), `sentences`, `mentions`
# (one row per actor mention, with its stance) and `evidence` (one row per word behind a number).
# Every `start`/`end` offset indexes `a.text(doc_id)`.

# %%
columns = ["outlet", "genre", "n_words", "flesch_reading_ease", "hedges_per_1000", "attributions_per_1000", "top_issue"]
a.documents[columns]

# %%
a.mentions[["outlet", "actor", "text", "stance", "label", "quoted", "source"]].head(8)

# %%
a.evidence.query("analyzer == 'hedging'")[["outlet", "category", "text", "weight", "note"]].head(8)

# %% [markdown]
# ## 3. Compare outlets
# `a.compare` gives each outlet's value with a 95% bootstrap interval (`ci_low`, `ci_high`); `thin` marks
# values resting on too little evidence. `a.differences` compares every pair of outlets on one measure.

# %%
hedging = a.compare(by="outlet", metric=["hedges_per_1000", "boosters_per_1000"])
hedging[["group", "metric", "value", "ci_low", "ci_high", "n", "thin"]].round(2)

# %%
a.differences("hedges_per_1000")[["group_a", "group_b", "difference", "ci_low", "ci_high", "separated"]].round(2)

# %% [markdown]
# ## 4. Figures
# Every figure function in `framing.plots` takes a table from `a.compare` and an `ax=`, so figures compose
# into your own layouts; `style()` applies framing's colour-blind-safe, projector-sized style.

# %%
stance = a.compare(by="outlet", metric="stance_mean")
with style():
    fig, axes = plt.subplots(1, 2, figsize=(15, 4.5), layout="constrained")
    plot_hedges_boosters(hedging, ax=axes[0])
    axes[0].set_title("Hedges and boosters", loc="left")
    plot_compare(a.compare(by="outlet", metric="flesch_reading_ease"), ax=axes[1], title="Reading ease")
    plt.show()
    fig, ax = plt.subplots(figsize=(11, 5), layout="constrained")
    plot_stance_heatmap(stance, ax=ax, actors=["Pakistan", "Afghanistan", "Afghan Taliban", "TTP", "India"])
    plt.show()

# %% [markdown]
# ## 5. The words behind the numbers
# `a.explain(doc_id)` highlights every piece of evidence in an article; hover over a word to see the analyzer,
# the category and the weight. `analyzers=[...]` keeps only some of them.

# %%
a.explain("003_5f65102a985eecf8", analyzers=["stance", "hedging", "sourcing"])

# %% [markdown]
# ## 6. The report
# `a.report(folder)` writes `report.pdf` (to project in class), `report.html`, one PNG per figure and every
# table as CSV. It takes about half a minute on the seeds.

# %%
report_dir = a.report(OUT / "quickstart-report")
sorted(p.name for p in report_dir.iterdir())

# %% [markdown]
# ## Next
# * `02_media_literacy_lesson.ipynb` — a classroom lesson on these five articles.
# * `03_your_own_corpus.ipynb` — your own CSV, actors, issues and words.
# * `04_validation.ipynb` — how far each analyzer agrees with human annotators, and with your own coding.
#
# On the command line, `framing report articles.csv -o report/` does the same as this notebook.
