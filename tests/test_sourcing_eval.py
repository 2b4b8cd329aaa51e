"""``framing evaluate sourcing``: brat reading, matching, scores, the command line, and the sourcing report pages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import child_env, shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analyzers.sourcing import SourcingAnalyzer
from framing.errors import InputError
from framing.evaluate.sourcing import (
    GoldAttribution,
    GoldDocument,
    evaluate,
    format_result,
    match,
    miss_classes,
    read_ann,
    read_brat,
    wrap_in_place,
)

TEXT = (
    "Officials said the border would reopen on Monday.\n\n"
    "“Trade has collapsed,” Rizvi told reporters.\n\n"
    "Prices rose sharply in October."
)


def write_brat(root, text=TEXT, name="doc_one", annotator="ab12"):
    (root / "text").mkdir(parents=True, exist_ok=True)
    (root / "attributions").mkdir(parents=True, exist_ok=True)
    (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")

    def span(s):
        i = text.index(s)
        return i, i + len(s)

    lines = []
    t = 0
    for e, (src, cue, content) in enumerate(
        [
            ("Officials", "said", "the border would reopen on Monday"),
            ("Rizvi", "told", "“Trade has collapsed,”"),
        ],
        start=1,
    ):
        ids = []
        for label, piece in (("Source", src), ("Cue", cue), ("Content", content)):
            t += 1
            s, en = span(piece)
            lines.append(f"T{t}\t{label} {s} {en}\t{piece}")
            ids.append(f"T{t}")
        lines.append(f"E{e}\tAttribution:{ids[1]} Source:{ids[0]} Cue:{ids[1]} Content:{ids[2]}")
    # a discontinuous span and a multi-line note, as PolNeAR has
    lines.append("T99\tDiscard 0 9;10 14\tOfficials said")
    lines.append("#1\tAnnotatorNotes T1\tnote")
    (root / "attributions" / f"{name}_{annotator}.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_read_brat_pairs_texts_with_their_annotator_file(tmp_path):
    write_brat(tmp_path)
    write_brat(tmp_path, annotator="zz99")  # a second annotator of the same text: the first is used
    docs = read_brat(tmp_path)
    assert len(docs) == 1 and docs[0].annotation == "doc_one_ab12.ann"
    g = docs[0].attributions
    assert len(g) == 2
    assert TEXT[g[0].cue[0][0] : g[0].cue[0][1]] == "said" and TEXT[g[1].source[0][0] : g[1].source[0][1]] == "Rizvi"


def test_read_ann_keeps_discontinuous_spans(tmp_path):
    p = tmp_path / "x.ann"
    p.write_text("T1\tContent 0 4;10 14\tab cd\nT2\tCue 5 9\tsaid\nE1\tAttribution:T2 Cue:T2 Content:T1\n")
    (g,) = read_ann(p)
    assert g.content == [(0, 4), (10, 14)] and g.cue == [(5, 9)] and g.source == []


def test_match_prefers_cue_overlap_and_is_one_to_one():
    gold = [GoldAttribution(cue=[(10, 14)], content=[(20, 40)]), GoldAttribution(cue=[(50, 54)], content=[(60, 80)])]

    def pred(cs, ce, ts, te):
        return {"cue_start": cs, "cue_end": ce, "content_start": ts, "content_end": te}

    # a cue-less prediction whose content overlaps the first gold content must not steal it from its cue match
    preds = [pred(-1, -1, 20, 40), pred(10, 14, -1, -1), pred(11, 13, -1, -1)]
    assert sorted(match(preds, gold)) == [(1, 0)]
    assert match([pred(-1, -1, 65, 70)], gold) == [(0, 1)]
    assert match([pred(0, 5, 20, 40)], gold) == []  # both have cues and they do not overlap


def test_evaluate_a_small_folder(tmp_path):
    write_brat(tmp_path)
    r = evaluate(tmp_path)
    assert {"task", "n_docs", "precision", "recall", "f1", "source_f1", "density_r"} <= set(r)
    assert r["task"] == "sourcing" and r["n_docs"] == 1
    assert r["precision"] == 1.0 and r["recall"] == 1.0 and r["source_f1"] == 1.0
    assert r["density_r"] is None  # one document: no correlation (JSON null, not NaN)
    assert "F1 1.000" in format_result(r)


def test_missed_gold_attributions_are_classed_by_what_the_analyzer_saw():
    text = "Trump said Clinton claimed victory. The Council imposed sanctions. Analysts warned of a crisis."

    def at(word):
        i = text.index(word)
        return GoldAttribution(cue=[(i, i + len(word))])

    doc = GoldDocument("d", text, [at("said"), at("claimed"), at("imposed"), at("warned"), GoldAttribution()])
    s, e = text.index("Clinton"), text.index(" victory") + 8
    pred = [{"cue_start": text.index("said"), "cue_end": text.index("said") + 4, "content_start": s, "content_end": e}]
    counts = miss_classes([doc], [pred], SourcingAnalyzer())[0]
    # "said" is found; "claimed" sits in its content; "imposed" is no reporting verb; "warned" was turned down;
    # the last gold attribution has no cue
    assert counts == {"no_lexicon": 1, "turned_down": 1, "in_content": 1, "no_cue": 1}


def test_misses_option_reports_density_r_per_class(tmp_path):
    write_brat(tmp_path)
    write_brat(tmp_path, text=TEXT.replace("Prices rose", "Analysts say prices rose"), name="doc_two")
    r = evaluate(tmp_path, misses=True)
    assert set(r["density_r_if_found"]) == {"no_lexicon", "turned_down", "in_content", "no_cue"}
    assert "density r if the missed gold attributions" in format_result(r)


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from("ab \n."), max_size=200), st.integers(1, 30))
def test_wrapping_in_place_keeps_every_offset_and_the_width(text, width):
    wrapped = wrap_in_place(text, width)
    assert len(wrapped) == len(text)
    assert all(a == b or (a, b) == (" ", "\n") for a, b in zip(text, wrapped))
    # a line passes the width only where no space allowed a break
    assert all(len(line) <= width or " " not in line.strip() for line in wrapped.split("\n"))


def test_wrap_option_scores_the_wrapped_articles(tmp_path):
    write_brat(tmp_path)
    r = evaluate(tmp_path, wrap=20)
    assert r["wrapped_at"] == 20 and r["f1"] == evaluate(tmp_path)["f1"]


def test_baseline_counts_every_reporting_verb(tmp_path):
    write_brat(tmp_path)
    r = evaluate(tmp_path, baseline="verbs")
    assert r["recall"] == 1.0 and r["source_f1"] == 0.0 and r["system"] == "baseline: verbs"


def test_command_line_json(tmp_path):
    write_brat(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "evaluate", "sourcing", "--data", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["task"] == "sourcing" and result["f1"] == 1.0


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match=r"no \.txt files"):
        read_brat(tmp_path)


def test_polnear_dev_meets_the_acceptance_f1():
    data = shared_path("eval", "polnear", "dev")
    r = evaluate(data)
    assert r["n_docs"] == 84
    assert r["f1"] >= 0.65, format_result(r)
    assert r["source_f1"] >= 0.6 and r["density_r"] >= 0.6, format_result(r)
    base = evaluate(data, baseline="verbs")
    assert r["f1"] > base["f1"] + 0.1


# ---------------------------------------------------------------------- report pages
def test_report_pages_and_summary_on_the_seeds(seed_analysis):
    from framing.report.base import ReportContext
    from framing.report.sourcing import pages, summary, who_by_whom

    ctx = ReportContext(n_boot=50)
    ps = pages(seed_analysis, ctx)
    assert [p.name for p in ps] == ["sourcing_profile", "sourcing_who"]
    assert all(p.figure is not None and p.table is not None and len(p.table) for p in ps)
    wbw = who_by_whom(seed_analysis, "outlet")
    assert len(wbw) == 5 and wbw.loc["WE News English", "Hasan Askari Rizvi"] == 3
    assert "Pakistan" in wbw.columns
    assert ps[1].excerpts and all("<span" in html for _, html, _ in ps[1].excerpts)
    lines = summary(seed_analysis, ctx)
    assert len(lines) >= 4 and any("per 1,000 words" in line for line in lines)
    # the variety of source types is named with the table's figures (Policy brief 72%, Op-ed (004) 60%)
    div = ps[0].table.query("metric == 'source_type_diversity'").sort_values("value")
    assert len(div) == 5
    hi, lo = div.iloc[-1], div.iloc[0]
    said = next(line for line in lines if "most varied kinds of source" in line)
    assert (
        said.startswith(hi["group"]) and f"{hi['value']:.0%}" in said and f"{lo['value']:.0%} for {lo['group']}" in said
    )
    import matplotlib.pyplot as plt

    for p in ps:
        plt.close(p.figure)
