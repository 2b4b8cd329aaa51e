# Source of notebooks/03_your_own_corpus.ipynb: edit this file, then run `python notebooks/build.py`.

# %% [markdown]
# # Your own corpus
#
# The path from your own articles to a report: load a CSV, let framing propose actors and issues, edit and
# save them, add your own words to a lexicon, compare groups on any metadata column, and export the tables
# and the report. Everything this notebook writes goes into `out/` next to it.
#
# **About the data.** To stay small and offline, this notebook first *makes* a demonstration CSV: the five
# seed articles cut into four parts each (20 rows), with two **invented** columns, `edition` (print/online)
# and `published` (dates). The cuts and the invented values exist only to show the steps; they are not real
# articles or real metadata. With your own data, skip the first code cell and point `CSV` at your file.

# %%
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display

import framing
from framing.actors import ActorSet
from framing.analyzers.hedging import HedgingAnalyzer
from framing.analyzers.stance import StanceAnalyzer
from framing.issues import IssueSet, coverage
from framing.plots import plot_compare, style
from framing.plots.issues import plot_coverage

OUT = Path("out") / "your-own-corpus"
OUT.mkdir(parents=True, exist_ok=True)

# Demonstration only: cut each seed article into four parts of whole paragraphs, and invent two columns.
rows = []
for doc in framing.load_seeds():
    paragraphs = [p.strip() for p in doc.text.split("\n") if len(p.split()) >= 12]
    size = -(-len(paragraphs) // 4)
    for part, start in enumerate(range(0, len(paragraphs), size), start=1):
        rows.append(
            {
                "article_id": f"{doc.id[:3]}-{part}",
                "source": doc.outlet,
                "genre": doc.genre,
                "edition": "print" if part % 2 else "online",  # invented
                "published": f"2025-10-{part * 7:02d}",  # invented
                "body": "\n\n".join(paragraphs[start : start + size]),
            }
        )
CSV = OUT / "articles.csv"
pd.DataFrame(rows).to_csv(CSV, index=False)
pd.read_csv(CSV).drop(columns="body").head()

# %% [markdown]
# ## 1. Load the CSV
# Name the columns that hold the text, the id and the outlet; every other column (here `genre`, `edition`,
# `published`) is kept as metadata and becomes a column of `a.documents`. The same call reads `.tsv`,
# `.jsonl`, `.jsonl.gz`, `.parquet` and folders of `.txt`/`.html` files. A table already in pandas:
# `framing.Corpus.from_dataframe(df, text="body", id="article_id", outlet="source")`.

# %%
corpus = framing.load_corpus(CSV, text="body", id="article_id", outlet="source")
display(corpus)

# %% [markdown]
# ## 2. Actors: discover, edit, save
# `ActorSet.discover` proposes the most frequent names, grouping possessives, abbreviations ("TTP") and
# demonyms ("Afghan" with "Afghanistan"). It is a starting point: save it as YAML and edit it.

# %%
proposed = ActorSet.discover(corpus, top=12)
proposed.to_yaml(OUT / "actors_proposed.yaml")
print(proposed.to_yaml())

# %% [markdown]
# Reading the proposal, we would merge the capitals into their countries ("Kabul" speaks for Afghanistan),
# make "Taliban" a name of the Afghan Taliban (with Afghanistan as its *parent*), drop places that are not
# actors here (Balochistan) and projects (CPEC), and add forms the discovery missed. Normally you edit
# `actors_proposed.yaml` in a text editor; here the edited file is written from the cell.

# %%
(OUT / "actors.yaml").write_text(
    """\
actors:
  - name: Pakistan
    demonyms: [Pakistani, Pakistanis]
    capitals: [Islamabad]
  - name: Afghanistan
    demonyms: [Afghan, Afghans]
    capitals: [Kabul]
  - name: Afghan Taliban
    parent: Afghanistan
    aliases: [Taliban, Taliban government, Taliban administration, Islamic Emirate]
  - name: TTP
    aliases: [Tehreek-e-Taliban Pakistan, Tehrik-i-Taliban Pakistan, Pakistani Taliban]
    abbreviations: [TTP]
  - name: India
    demonyms: [Indian, Indians]
  - name: China
    demonyms: [Chinese]
  - name: United Nations
    aliases: [UN]
""",
    encoding="utf-8",
)
actors = ActorSet.from_yaml(OUT / "actors.yaml")
display(actors)

# %% [markdown]
# ## 3. Issues: discover, edit, save
# `IssueSet.discover` factorises the corpus's sentences into topics (NMF over TF-IDF) and proposes one issue
# per topic, named by its top terms. The names are rough; the terms are the useful part.

# %%
proposed_issues = IssueSet.discover(corpus, k=6)
proposed_issues.to_yaml(OUT / "issues_proposed.yaml")
terms = proposed_issues.to_frame().query("kind == 'keyword'").groupby("issue", sort=False)["pattern"]
terms.agg(lambda p: ", ".join(p.head(8))).to_frame("top terms")

# %% [markdown]
# We keep what the topics suggest, name the issues ourselves and list keyword patterns: a trailing `*`
# matches any ending, `weak` keywords need a second keyword in the same sentence, `exclude` lists phrases
# that contain a keyword but are not the issue. `sentence_issues` tries the patterns on any text.

# %%
(OUT / "issues.yaml").write_text(
    """\
issues:
  - name: militancy and safe havens
    keywords: [terror*, militan*, safe haven*, sanctuar*, insurgen*, extremis*]
    weak: [attack*, infiltrat*]
  - name: border management
    keywords: [border management, fencing, border crossing*, Torkham, Chaman, Durand Line, border closure*]
  - name: refugees and migration
    keywords: [refugee*, immigrant*, migrant*, repatriat*, deport*]
  - name: trade and connectivity
    keywords: [trade, transit, CPEC, Gwadar, connectivity, tariff*]
    exclude: [trade union]
  - name: water
    keywords: [water-sharing, Kabul River, dam, dams, irrigation]
""",
    encoding="utf-8",
)
issues = IssueSet.from_yaml(OUT / "issues.yaml")
issues.sentence_issues("Thousands of refugees crossed at Torkham after the border closure. Trade stopped.")

# %% [markdown]
# ## 4. Add your own words to a lexicon
# The bundled lexicons are a starting point too. Here a researcher decides that *fraternity* speaks well of the
# actors it is said of and *entangled* badly (stance weights run from −1 to +1), and that "perceives" marks a
# belief rather than a fact (a hedge). Analyzers take the extra words when they are created; the lexicon files
# in the package are not changed.

# %%
stance = StanceAnalyzer(extra={"fraternity": 0.5, "entangled": -0.3})
hedging = HedgingAnalyzer(extra={"hedge/doxastic": ["perceives"]})
a = framing.analyze(
    corpus,
    actors=actors,
    issues=issues,
    analyzers=["readability", "issues", "frames", "sourcing", hedging, stance],
)
display(a)
new_words = a.evidence["text"].str.lower().isin(["fraternity", "entangled", "perceives"])
a.evidence[new_words][["doc_id", "analyzer", "category", "text", "weight", "actor"]]

# %% [markdown]
# ## 5. Compare groups on a metadata column
# `by=` takes any column of `a.documents`. Here: the article's genre. With five or more documents in a group,
# intervals resample whole documents; smaller groups resample sentences (column `resampled`).

# %%
a.documents[["doc_id", "outlet", "genre", "edition", "published", "n_words", "hedges_per_1000"]].head()

# %%
by_genre = a.compare(by="genre", metric=["hedges_per_1000", "attributions_per_1000"])
with style():
    fig, axes = plt.subplots(1, 2, figsize=(14, 3.6), layout="constrained")
    plot_compare(by_genre, "hedges_per_1000", ax=axes[0], title="Hedges")
    plot_compare(by_genre, "attributions_per_1000", ax=axes[1], title="Sources cited", colour="#009E73")
    plt.show()
pairs = a.differences("hedges_per_1000", by="genre")
pairs[["group_a", "group_b", "difference", "ci_low", "ci_high", "separated"]].round(2)

# %% [markdown]
# Issues restrict any comparison to the sentences on that issue, and actors restrict it to the mentions of
# that actor (and the sentences naming it). `coverage` gives the share of each group's sentences on each issue.

# %%
with style():
    fig, ax = plt.subplots(figsize=(11, 3.8), layout="constrained")
    plot_coverage(coverage(a, by="genre"), ax=ax, title="Share of sentences on each issue")
    plt.show()
on_issue = a.compare(by="genre", metric="stance_mean", issue="militancy and safe havens", actor="Afghanistan")
on_issue[["group", "actor", "value", "ci_low", "ci_high", "n", "thin"]].round(2)

# %% [markdown]
# ## 6. Export the tables
# CSV for spreadsheets (list cells such as a sentence's issues become "a; b"), Parquet for pandas and R.

# %%
written = a.save_tables(OUT / "tables", formats=("csv", "parquet"))
sorted(p.name for p in written)

# %% [markdown]
# ## 7. The report
# `by=` chooses the groups of the report. This writes the HTML report, one PNG per figure and the tables;
# add `"pdf"` to `formats` (the default has it) for a PDF to project — it takes about half a minute more.

# %%
report_dir = a.report(OUT / "report", by="genre", formats=("html", "png", "csv"))
sorted(p.name for p in report_dir.iterdir())
