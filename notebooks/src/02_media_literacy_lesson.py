# Source of notebooks/02_media_literacy_lesson.ipynb: edit this file, then run `python notebooks/build.py`.

# %% [markdown]
# # Same story, five tellings: a media-literacy lesson
#
# **For the teacher.** A lesson of 45–60 minutes for students aged about 15 and over, to project in class.
# Before class, choose *Run → Run All Cells* (it takes well under a minute); then scroll through with the class.
# Three cells are meant to be edited during the lesson: the class's **guesses** (step 2), the
# **rewrite** (step 4) and the class's **answers** (step 5). After editing a cell, run it again with
# *Shift + Enter*.
#
# The five articles are the seed corpus of `framing`: pieces published in 2025 about relations between
# Pakistan and Afghanistan, by a news site, a policy institute, two opinion writers and an analysis site.
#
# ## Learning goals
# By the end of the lesson, students can:
# 1. tell a **hedged** claim ("attacks *may* have come from…") from a firm one, and say why the difference matters;
# 2. notice **whom a text blames**, and point to the words that do the blaming;
# 3. ask **who gets to speak** in an article — and who does not;
# 4. **rewrite a loaded sentence** in neutral words, and check the result;
# 5. **judge sentences themselves** and compare with the computer: people and programs can disagree, and the
#    words show why.

# %% [markdown]
# ## Words we will use
# | word | what it means here |
# |---|---|
# | **outlet** | the publication that printed the article: a newspaper, a website, an institute |
# | **actor** | a country, group or person the article talks about: Pakistan, Afghanistan, the Afghan Taliban (the group that has ruled Afghanistan since 2021), the TTP (*Tehreek-e-Taliban Pakistan*, an armed group that carries out attacks in Pakistan), India… |
# | **stance** | whether the words around an actor show it in a good light (**positive**), a bad light (**negative**) or neither (**neutral**); the computer gives a number from −1 (very negative) to +1 (very positive) |
# | **hedge** | a word that makes a claim less certain: *may, might, could, likely, reportedly, it is believed* |
# | **booster** | the opposite of a hedge: a word that makes a claim sound certain: *clearly, undeniably, there is no doubt* |
# | **source** | the person, group or document a claim is said to come from: "Rizvi *said*", "*according to* a UN report" |
# | **own voice** | a sentence with no source: the outlet says it itself |
# | **loaded word** | a word that carries a judgement on top of its meaning: *regime* instead of *government*, *claimed* or *alleged* instead of *said* |
# | **per 1,000 words** | a count divided by the length of the article, so that long and short articles can be compared fairly |
# | **evidence** | the exact words the computer counted; we can always check them |
# | **range (interval)** | the line drawn around each dot in a chart: where the number would probably land if the article had been written with slightly different sentences. When two ranges overlap a lot, the difference between them may be luck. |

# %%
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, Markdown, display

import framing
import framing.evaluate as fe
from framing.analyzers.hedging import HedgingAnalyzer
from framing.analyzers.sourcing import SourcingAnalyzer
from framing.analyzers.stance import StanceAnalyzer
from framing.plots import style
from framing.plots.hedging import plot_hedges_boosters
from framing.plots.sourcing import plot_source_mix
from framing.plots.stance import plot_stance_heatmap
from framing.seeds import seed_actors

a = framing.analyze(framing.load_seeds())
docs = a.documents.set_index("doc_id")
outlet_of = docs["outlet"].to_dict()
doc_of = {outlet: doc_id for doc_id, outlet in outlet_of.items()}
docs[["outlet", "genre", "title", "n_words"]].rename(columns={"n_words": "words"})

# %% [markdown]
# ## Step 1: the articles
# Read the opening of each article aloud (or hand out copies). What is each one mainly about?

# %%
for doc_id, outlet in outlet_of.items():
    first = a.sentences.query("doc_id == @doc_id and kind == 'text'").iloc[0]
    display(Markdown(f"**{outlet}** ({docs.loc[doc_id, 'genre']}): “{first['text']}”"))

# %% [markdown]
# ## Step 2: predict before you look
# Discuss in small groups, then write the class's answers in the cell below and run it.
#
# 1. **Which outlet hedges most?** Which one is least sure of its own claims — and which sounds most certain?
# 2. **Whom does each outlet blame?** For each outlet, which actor does it show in the worst light?
# 3. **Whom does each outlet quote?** Named experts, governments, documents, or unnamed "analysts"?
#
# Our class's reasons (write them on the board): ______________________________________________

# %%
# The class's guesses: type between the quotes, then run this cell (Shift + Enter).
guess_hedges_most = ""  # the name of an outlet, for example "Op-ed (002)"
guess_blames = {  # for each outlet: the actor it shows in the worst light
    "Khyber Chronicles": "",
    "Policy brief (001)": "",
    "Op-ed (002)": "",
    "WE News English": "",
    "Op-ed (004)": "",
}
guess_quotes = {  # for each outlet: whom it quotes most
    "Khyber Chronicles": "",
    "Policy brief (001)": "",
    "Op-ed (002)": "",
    "WE News English": "",
    "Op-ed (004)": "",
}
print("Guesses saved. The outlets are:", ", ".join(outlet_of.values()))

# %% [markdown]
# ## Step 3: the reveal
# First a small helper that shows sentences of an article with the words the computer counted highlighted
# (you do not need to read the code).

# %%
sentences = a.sentences.set_index(["doc_id", "sentence_id"])


def show_sentences(doc_id, sentence_ids, analyzers):
    """Show some sentences of one article with the evidence of the given analyzers highlighted."""
    article = a.explain(doc_id, analyzers=analyzers)
    for sid in sentence_ids:
        row = sentences.loc[(doc_id, sid)]
        excerpt = article.excerpt(int(row["start"]), int(row["end"]))
        excerpt.title = f"{outlet_of[doc_id]}, sentence {sid + 1}"
        display(excerpt)


# %% [markdown]
# ### 3a: who hedges most?
# Orange dots: hedges per 1,000 words. Pink dots: boosters. The line around each dot is its range.

# %%
hedging = a.compare(by="outlet", metric=["hedges_per_1000", "boosters_per_1000"])
with style():
    fig, ax = plt.subplots(figsize=(9, 4), layout="constrained")
    plot_hedges_boosters(hedging, ax=ax)
    ax.set_title("Hedges and boosters per 1,000 words", loc="left")
    plt.show()

rates = hedging.query("metric == 'hedges_per_1000'").set_index("group")["value"].sort_values(ascending=False)
top, second = rates.index[0], rates.index[1]
pairs = a.differences("hedges_per_1000")
pair = pairs[pairs["group_a"].isin([top, second]) & pairs["group_b"].isin([top, second])].iloc[0]
sure = (
    f"Its range does not overlap {second}'s: the difference is unlikely to be luck."
    if pair["separated"]
    else f"But its range overlaps {second}'s ({rates[second]:.1f}): with one article each, that order could be luck."
)
display(
    Markdown(
        f"**{top}** hedges most: {rates[top]:.1f} hedges per 1,000 words, about one every "
        f"{1000 / rates[top]:.0f} words. **{rates.index[-1]}** hedges least ({rates.iloc[-1]:.1f}). {sure}\n\n"
        f"The class guessed: *{guess_hedges_most or 'no guess written'}*."
    )
)

# %% [markdown]
# Now look at the evidence: the sentences of that outlet with the most hedging, hedges highlighted in yellow.
# Hover over a highlighted word to see why it was counted.
#
# *Ask:* Is the writer unsure, or careful? Is a hedge a weakness — or honesty about what is known?

# %%
top_doc = doc_of[top]
hedged = a.sentences.query("doc_id == @top_doc and n_hedges > 0").sort_values("certainty")
show_sentences(top_doc, hedged["sentence_id"].head(4), analyzers=["hedging"])

# %% [markdown]
# ### 3b: whom does each outlet blame?
# Each square is the average stance of one outlet toward one actor: orange is negative, blue positive.
# `n` is how many times the actor is named; hatched squares rest on too few mentions to trust.

# %%
main_actors = ["Pakistan", "Afghanistan", "Afghan Taliban", "TTP", "India"]
stance = a.compare(by="outlet", metric="stance_mean")
with style():
    fig, ax = plt.subplots(figsize=(11, 5), layout="constrained")
    plot_stance_heatmap(stance, ax=ax, actors=main_actors)
    plt.show()

solid = stance.dropna(subset=["value"]).query("not thin")
worst = solid.loc[solid.groupby("group")["value"].idxmin()].set_index("group")
pd.DataFrame(
    {
        "shown in the worst light": worst["actor"],
        "average stance": worst["value"].round(2),
        "mentions": worst["n"],
        "the class guessed": pd.Series(guess_blames).reindex(worst.index).replace("", "–"),
    }
)

# %% [markdown]
# The evidence: for each outlet, the sentence that weighs most against that actor. Orange words count against
# an actor, blue words for it; names are in bold.
#
# *Ask:* Is each orange word really **about** the actor — or about something that **happens to** it?
# ("Pakistan has faced open hostility" puts a negative word next to Pakistan, but Pakistan is the one
# suffering it.) A computer counts words; people judge meaning. Do you agree with the computer here?

# %%
m = a.mentions
for outlet, row in worst.iterrows():
    doc_id = doc_of[outlet]
    mine = m[(m["doc_id"] == doc_id) & (m["actor"] == row["actor"])]
    sid = int(mine.loc[mine["stance"].idxmin(), "sentence_id"])
    show_sentences(doc_id, [sid], analyzers=["stance"])

# %% [markdown]
# ### 3c: who gets to speak?
# Every time an article says where a claim comes from ("Islamabad maintains…", "a UN report estimated…",
# "Rizvi said…"), the computer records the **source** and its kind. The bars show each outlet's mix of
# sources (reference lists at the end of an article are left out).

# %%
attributions = a.table("attributions").query("kind != 'reference'").copy()
attributions["who"] = attributions["source_actor"].where(attributions["source_actor"] != "", attributions["source"])
attributions["who"] = attributions["who"].replace("", "(an unnamed source)")
mix = pd.crosstab(attributions["outlet"], attributions["source_type"], normalize="index")
with style():
    fig, ax = plt.subplots(figsize=(10, 4), layout="constrained")
    plot_source_mix(mix, ax=ax, counts=attributions["outlet"].value_counts())
    plt.show()

own_voice = a.sentences.groupby("outlet")[["own_voice", "body_sentence"]].sum()
by_outlet = attributions.groupby("outlet")["who"]
pd.DataFrame(
    {
        "most often cited": by_outlet.agg(lambda s: s.value_counts().index[0]),
        "times": by_outlet.agg(lambda s: s.value_counts().iloc[0]),
        "sources in all": by_outlet.size(),
        "sentences in its own voice": (own_voice["own_voice"] / own_voice["body_sentence"]).map("{:.0%}".format),
        "the class guessed": pd.Series(guess_quotes).reindex(own_voice.index).replace("", "–"),
    }
)

# %% [markdown]
# The evidence: the quotations of a named expert. The source is shaded green, the reporting verb ("said",
# "points out") underlined, and the quoted words are in italics.
#
# *Ask:* Whose voice do we hear in these five articles? Whose voice is missing — the Afghan government's?
# People living near the border? Why might that be?

# %%
named = attributions.query("source_type == 'named person' and kind == 'direct'")
for row in named.head(3).itertuples():
    offsets = [row.cue_start, row.cue_end, row.source_start, row.source_end, row.content_start, row.content_end]
    offsets = [int(x) for x in offsets if x >= 0]
    quote = a.explain(row.doc_id, analyzers=["sourcing"]).excerpt(min(offsets), max(offsets))
    quote.title = f"{row.outlet}: {row.source} ({row.cue})"
    display(quote)

# %% [markdown]
# ## Step 4: rewrite a loaded sentence
# Here is a sentence from *Op-ed (002)*. Read it carefully:
#
# > While Pakistan has established this fact, with evidence, that Afghanistan is harbouring training camps for
# > these groups, the Afghan Taliban, in turn, allege that certain militant activities originate from within
# > Pakistan.
#
# *Ask:* Both sides make a claim. How does the writer treat each claim? Look at "established this fact, with
# evidence" and at "allege". Which words are loaded?
#
# The cell below defines a helper that scores any sentence the way the computer scored the articles: the
# stance toward each actor, the hedges and boosters, and any loaded reporting verb ("allege", "claim",
# "admit"). You do not need to read the code; run it once.

# %%
ACTORS = seed_actors()
SCORERS = [SourcingAnalyzer(), HedgingAnalyzer(), StanceAnalyzer()]  # built once, reused for every sentence


def score_sentence(text, name="sentence"):
    """Analyse one sentence as a tiny one-document corpus, with the seed actors."""
    one = framing.Corpus([framing.Document(id=name, text=text)], name=name)
    return framing.analyze(one, actors=ACTORS, issues=False, analyzers=SCORERS, progress=False)


def summary(result):
    """A column of scores: stance per actor, hedges, boosters, loaded reporting verbs."""
    out = {}
    for actor, values in result.mentions.groupby("actor", sort=False)["stance"]:
        v = values.mean()
        label = "negative" if v <= -0.1 else "positive" if v >= 0.1 else "neutral"
        out[f"stance toward {actor}"] = f"{v:+.2f} ({label})"
    s = result.sentences
    out["hedges"] = int(s["n_hedges"].sum())
    out["boosters"] = int(s["n_boosters"].sum())
    at = result.table("attributions") if "attributions" in result.table_names else pd.DataFrame()
    loaded = at.query("loaded")["cue"].tolist() if len(at) else []
    out["loaded reporting verbs"] = ", ".join(loaded) or "none"
    return pd.Series(out, dtype=object)


def compare_versions(original, rewrite):
    """The two versions' scores side by side, then both sentences with their evidence highlighted."""
    before, after = score_sentence(original, "original"), score_sentence(rewrite, "rewrite")
    display(pd.DataFrame({"original": summary(before), "rewrite": summary(after)}).fillna("–"))
    panels = [r.explain(r.documents["doc_id"].iloc[0]).to_html() for r in (before, after)]
    cells = "".join(f'<div style="flex:1;min-width:22em">{p}</div>' for p in panels)
    display(HTML(f'<div style="display:flex;gap:2em;flex-wrap:wrap">{cells}</div>'))


# %% [markdown]
# **Your turn.** Change the `rewrite` below so that both sides' claims are reported the same way, without
# loaded words — then run the cell. Try several versions: which words move the numbers most? Can you make
# the sentence lean the *other* way?

# %%
original = (
    "While Pakistan has established this fact, with evidence, that Afghanistan is harbouring training camps for "
    "these groups, the Afghan Taliban, in turn, allege that certain militant activities originate from within "
    "Pakistan."
)
rewrite = (
    "Pakistan says it has evidence that training camps for these groups operate in Afghanistan; "
    "the Afghan Taliban say some militant activity starts inside Pakistan."
)
compare_versions(original, rewrite)

# %% [markdown]
# *Ask:* Did the rewrite make the numbers for the two sides closer? Did it lose any information a reader needs?
# Is "neutral" always the same as "fair"?

# %% [markdown]
# ## Step 5: be the computer
# Now you judge. Below are eight sentences from the articles, drawn at random (half of them the computer
# called hedged, half not — but you are not told which). For each, decide: **is the claim hedged?** A sentence
# is hedged when the writer presents its claim as uncertain, possible, estimated or reported from a distance
# ("are reported to", "may", "would"); a vague number alone does not count. Write 1 for hedged, 0 for not.

# %%
sheet = fe.coding_sheet(a, unit="sentences", n=8, by=None, balance="hedged", seed=2)
for k, text in enumerate(sheet["text"], start=1):
    display(Markdown(f"**{k}.** {text}"))

# %% [markdown]
# Type the class's answers in the list below (one per sentence, in order) and run the cell. The answers there
# now are one reader's, to show how it works.

# %%
class_answers = [1, 0, 1, 0, 0, 0, 0, 1]  # 1 = hedged, 0 = not hedged

sheet["class"] = class_answers
hedged = a.sentences.set_index(["doc_id", "sentence_id"])["hedged"]
sheet["computer"] = [int(hedged[(d, s)]) for d, s in zip(sheet["doc_id"], sheet["sentence_id"])]
agree = fe.agreement(a.sentences, sheet, ours_column="hedged", theirs_column="class")
display(
    Markdown(
        f"The class and the computer agree on **{round(agree['accuracy'] * agree['n'])} of {agree['n']}** sentences. "
        "Where you disagree, look at the highlighted words: which cue did the computer count, or miss?"
    )
)
for row in sheet[sheet["class"] != sheet["computer"]].itertuples():
    show_sentences(row.doc_id, [row.sentence_id], ["hedging"])

# %% [markdown]
# *Ask:* Who is right where you disagree — the class or the computer? Would two students always agree with each
# other? (Researchers measure that too, with a score called Krippendorff's alpha: notebook 04.)

# %% [markdown]
# ## Step 6: discussion
# 1. Which of your predictions were right? What made you guess the way you did — the outlet's name, its
#    country, the kind of article?
# 2. A hedge can be honesty ("we do not know yet") or a way to hint at something without having to prove it
#    ("reportedly linked to…"). Find one example of each in the evidence above.
# 3. The computer sometimes counts a negative word against an actor who is really the victim. What does this
#    tell us about trusting numbers that come from a computer — or from anyone?
# 4. Look again at the "most often cited" column. How would the story change if the main sources were
#    Afghan officials, or families living near the border?
# 5. Opinion pieces are allowed to take sides; news reports are expected to be balanced. Which of these
#    articles are opinion? Did the numbers tell them apart?
# 6. Take today's news on any topic: find one hedge, one loaded word and one unnamed source.
#
# ## How the computer decides (for the teacher)
# * **Stance**: words with a positive or negative meaning (from a dictionary of about ten thousand words and phrases) count for
#   or against the actor they are closest to; "not" flips them, "very" strengthens them, and the rules try to
#   tell the doer of a harmful act from its victim. It agrees with human readers about two times in three on
#   news sentences, so always check the evidence.
# * **Hedges and boosters**: a list of words and phrases, with rules that skip look-alikes ("May" the month,
#   "military might").
# * **Sources**: reporting verbs ("said", "warned", "alleged"), "according to", quotation marks and the words
#   next to them.
#
# * **Your class's own articles**: save each as a PDF, a Word file or plain text, then run
#   `framing report a.pdf b.docx c.txt -o our-report` in a terminal, or here
#   `a = framing.analyze(framing.load_corpus(["a.pdf", "b.docx", "c.txt"]))`; without outlet names each article
#   is compared on its own, and every number still leads back to its words (`a.explain("a")`).
#
# The numbers describe five articles only. They show how these pieces are written, not what any outlet
# always does.
