# Source of notebooks/04_validation.ipynb: edit this file, then run `python notebooks/build.py`.

# %% [markdown]
# # Validation: how far can you trust each number?
#
# framing's analyzers are transparent rules and word lists, so their mistakes can be read — but they do make
# mistakes. This notebook shows (1) how far each analyzer agrees with published human annotation, and
# (2) how to measure its agreement with **your own** coding before you trust it on the rest of your corpus,
# with F1 and Krippendorff's alpha.
#
# **Where the files are.** The notebook looks for its hand-coded examples in `data/` next to it and for the
# annotated evaluation sets in `../../shared/eval` (beside the repository). Set the environment variables
# `FRAMING_NOTEBOOKS` (this folder) or `FRAMING_EVAL` to run it from elsewhere.

# %%
import os
import time
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import Markdown, display

import framing
import framing.evaluate as fe
from framing.plots import style

HERE = Path(os.environ.get("FRAMING_NOTEBOOKS", "."))
DATA = HERE / "data"
EVAL = Path(os.environ.get("FRAMING_EVAL", HERE / ".." / ".." / "shared" / "eval"))
OUT = Path("out") / "validation"
OUT.mkdir(parents=True, exist_ok=True)
print("coded examples in", DATA.resolve())
print("evaluation data in", EVAL.resolve(), "(found)" if EVAL.is_dir() else "(not found)")

# %% [markdown]
# ## 1. Agreement with published human annotation
# The README reports each analyzer, as shipped, against an annotated data set (the commands are in
# `docs/*.md`, for example `framing evaluate stance --data …/devtest_mt.jsonl`). How to read the
# measures:
#
# * **precision**: of the things framing found, the share a human also marked;
# * **recall**: of the things a human marked, the share framing found;
# * **F1**: one number combining both (their harmonic mean, 0 to 1); **macro-F1** averages F1 over the
#   classes (negative, neutral, positive…), so rare classes count as much as common ones;
# * **accuracy**: the share of items given the same label as the human;
# * a **baseline** is a simple method to beat (VADER's sentence score, every cue word counted, the five most
#   common frames).

# %%
readme = pd.DataFrame(
    [
        ("stance", "NewsMTSC devtest_mt, 1,476 targets", "macro-F1", 0.639, 0.496, "VADER sentence score"),
        ("stance", "PerSenT dev, 578 articles", "macro-F1 (articles)", 0.368, 0.346, "VADER on the entity's sentences"),
        ("hedging", "Szeged, Wikipedia, 20,748 sentences", "sentence F1", 0.835, 0.776, "cue list, no rules"),
        ("hedging", "Szeged, biomedical (fly), 3,470 sentences", "sentence F1 (biomedical)", 0.857, None, ""),
        ("hedging (certainty)", "Pei & Jurgens 2021, 1,551 findings", "Spearman ρ", 0.640, 0.627, "cue list, no rules"),
        ("sourcing", "PolNeAR dev, 84 articles", "attribution F1", 0.773, 0.519, "every reporting verb"),
        ("frames", "SemEval-2023 Task 3, 347 articles", "micro-F1", 0.681, 0.558, "five most common frames"),
        ("frames", "SemEval-2023 Task 3, 347 articles", "macro-F1", 0.553, 0.235, "five most common frames"),
    ],
    columns=["analyzer", "annotated data", "measure", "framing (README)", "baseline", "baseline is"],
)
display(readme)

# %% [markdown]
# ## 2. Re-measure on samples of the annotated data
# When the evaluation sets are beside the repository, the next cell scores each analyzer again on a sample
# (a few hundred NewsMTSC targets and PerSenT articles, a slice of the Szeged corpus, a dozen PolNeAR articles,
# the SemEval frames), with the same code as `framing evaluate`. Samples give rougher numbers than the full sets.
# Without the data, the table above is what we have.

# %%
runs = [  # (analyzer, task, file or folder under EVAL, options, measure key, measure)
    ("stance", "stance", "newsmtsc/devtest_mt.jsonl", {"limit": 300}, "macro_f1", "macro-F1"),
    ("stance", "stance", "persent/dev.csv", {"limit": 200}, "macro_f1", "macro-F1 (articles)"),
    ("hedging", "hedging", "szeged/wiki.xml", {"limit": 1500}, "f1", "sentence F1"),
    ("hedging", "hedging", "szeged/bio_fly.xml", {"limit": 1500}, "f1", "sentence F1 (biomedical)"),
    ("sourcing", "sourcing", "polnear/dev", {"limit": 12}, "f1", "attribution F1"),
    ("frames", "frames", "semeval2023_frames", {"learned": False}, "micro_f1", "micro-F1"),
    ("frames", "frames", "semeval2023_frames", {"learned": False}, "macro_f1", "macro-F1"),
]
measured = []
results = {}
for analyzer, task, rel, options, key, measure in runs:
    path = EVAL / rel
    if not path.exists():
        continue
    if (task, rel) not in results:
        t0 = time.perf_counter()
        results[task, rel] = fe.task_module(task).evaluate(path, **options)
        results[task, rel]["seconds"] = time.perf_counter() - t0
    r = results[task, rel]
    n = r.get("n", r.get("n_docs"))
    measured.append((analyzer, f"{rel} (n={n})", measure, round(r[key], 3), round(r["seconds"], 1)))
sample = pd.DataFrame(measured, columns=["analyzer", "sample", "measure", "framing (this run)", "seconds"])
if sample.empty:
    display(Markdown(f"*No evaluation data in `{EVAL}`: only the README's figures above are shown.*"))
else:
    display(sample)

# %%
if not sample.empty:
    both = sample.merge(readme, on=["analyzer", "measure"], how="left")
    labels = [f"{a} · {m}" for a, m in zip(both["analyzer"], both["measure"])]
    y = np.arange(len(both))
    with style():
        fig, ax = plt.subplots(figsize=(9, 0.55 * len(both) + 1.5), layout="constrained")
        ax.barh(y + 0.2, both["framing (README)"], height=0.38, color="#999999", label="README (full data)")
        ax.barh(y - 0.2, both["framing (this run)"], height=0.38, color="#0072B2", label="this run (sample)")
        ax.set_yticks(y, labels)
        ax.set_xlim(0, 1)
        ax.invert_yaxis()
        ax.set_xlabel("agreement with human annotation (0 to 1)")
        ax.legend(loc="lower right", frameon=False)
        plt.show()

# %% [markdown]
# ## 3. Validate against your own coding
# The published sets are not your corpus. Before trusting framing on your articles, code a sample yourself and
# measure the agreement. The steps:
#
# 1. analyse your corpus and draw a random sample of the units you care about (sentences for hedging,
#    mentions for stance) with `framing.evaluate.coding_sheet`: the same number from each outlet where they
#    have enough, in random order, with an empty column `code`;
# 2. save it as a spreadsheet and code it: the sheet shows neither framing's answer nor the outlet, so
#    neither can sway you;
# 3. load your coding and call `framing.evaluate.agreement`.
#
# Step 1 and 2 on the seed corpus look like this (a mention is marked `[[…]]` in its sentence):

# %%
a = framing.analyze(framing.load_seeds())
to_code = fe.coding_sheet(a, unit="sentences", n=30, by="outlet")
to_code.to_csv(OUT / "sentences_to_code.csv", index=False)
mentions_to_code = fe.coding_sheet(a, unit="mentions", n=25, by="outlet")
mentions_to_code.to_csv(OUT / "mentions_to_code.csv", index=False)
mentions_to_code.head(3)

# %% [markdown]
# For this notebook the framing authors coded 35 seed sentences for hedging and 25 actor mentions for stance
# by hand (`data/hedging_coding.csv`, `data/stance_coding.csv`; one coder, before comparing with framing).
# The rule for hedging: *a sentence is hedged when the writer presents its claim as uncertain, possible,
# estimated or reported from a distance; a vague number alone does not count*.

# %%
coding = pd.read_csv(DATA / "hedging_coding.csv")
display(coding.head(4))
hedging = fe.agreement(a.sentences, coding, on=["doc_id", "sentence_id"], ours_column="hedged", theirs_column="hedged")
pd.DataFrame(hedging["per_class"]).T.rename(index={"0": "not hedged", "1": "hedged"}).round(2)

# %%
display(
    Markdown(
        f"**Hedging, {hedging['n']} sentences** ({hedging['unmatched']} not found in the analysis): "
        f"accuracy {hedging['accuracy']:.2f}, macro-F1 {hedging['macro_f1']:.2f}, "
        f"Krippendorff's alpha **{hedging['alpha']:.2f}**."
    )
)

# %% [markdown]
# ### What Krippendorff's alpha says
# Accuracy counts how often two coders agree — but two coders who both mostly answer "no" agree often by
# chance. **Krippendorff's alpha** corrects for that:
#
# $$\alpha = 1 - \frac{D_o}{D_e}$$
#
# where $D_o$ is the disagreement observed between the two codings and $D_e$ the disagreement expected if the
# same labels had been handed out at random. α = 1 is perfect agreement, α = 0 is no better than chance, and
# α < 0 is systematic disagreement. Krippendorff (2011) suggests α ≥ 0.8 for firm conclusions and
# α ≥ 0.667 as the lowest for tentative ones. Here framing is treated as a second coder.
#
# A lazy "coder" who answers *not hedged* every time shows the difference: fair accuracy, no agreement.

# %%
lazy = [0] * len(coding)
print(f"accuracy of always 'not hedged': {np.mean(coding['hedged'] == 0):.2f}")
print(f"alpha of always 'not hedged':   {fe.krippendorff_alpha(coding['hedged'], lazy):.2f}")

# %% [markdown]
# ### Stance: labels, and ordered labels
# The stance coding keys each mention by its document and start offset (both are columns of `a.mentions`).
# Nominal alpha treats every disagreement alike; with `level="ordinal"` (negative < neutral < positive),
# calling a negative mention neutral costs less than calling it positive.

# %%
stance_coding = pd.read_csv(DATA / "stance_coding.csv")
order = {"negative": -1, "neutral": 0, "positive": 1}
ours = a.mentions.assign(score=a.mentions["label"].map(order))
theirs = stance_coding.assign(score=stance_coding["stance"].map(order))
nominal = fe.agreement(ours, theirs, on=["doc_id", "start"], ours_column="label", theirs_column="stance")
ordinal = fe.agreement(ours, theirs, ["doc_id", "start"], ours_column="score", theirs_column="score", level="ordinal")
display(
    Markdown(
        f"**Stance, {nominal['n']} mentions**: accuracy {nominal['accuracy']:.2f}, macro-F1 "
        f"{nominal['macro_f1']:.2f}, alpha **{nominal['alpha']:.2f}** (nominal), **{ordinal['alpha']:.2f}** (ordinal)."
    )
)
pd.DataFrame(nominal["per_class"]).T.round(2)

# %% [markdown]
# Where do we disagree? Reading the disagreements is the most useful part of a validation: it shows which words
# or constructions to add (`StanceAnalyzer(extra={...})`, see notebook 03) or which results not to lean on.

# %%
side = theirs.merge(a.mentions[["doc_id", "start", "label", "stance"]], on=["doc_id", "start"], suffixes=("_coder", ""))
side = side.rename(columns={"stance_coder": "coder", "label": "framing", "stance": "framing score"})
side.query("coder != framing")[["actor", "mention", "coder", "framing", "framing score", "sentence"]]

# %% [markdown]
# ## What to do with the numbers
# * Report the agreement (n, F1, alpha) with any result that rests on an analyzer.
# * With α below 0.667 on your own coding, treat that analyzer's numbers as a pointer to evidence to read,
#   not as a finding — or improve it: add words, then code a **new** sample to measure again (measuring on the
#   sample you tuned on flatters the result).
# * For stance, `framing.analyzers.stance_learned.LearnedStanceAnalyzer` can be fitted to your own labelled
#   mentions.
# * `agreement` also takes numbers (`level="interval"`, with Pearson's r), and any table of framing's:
#   documents, sentences or mentions.
#
# Reference: Krippendorff, K. (2011). *Computing Krippendorff's alpha-reliability*. Annenberg School for
# Communication, Departmental Papers 43.
