"""framing evaluate stance on PerSenT-format files: stance toward each article's main entity (framing.evaluate.persent)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing.cli import main
from framing.errors import ConfigError, OptionError
from framing.evaluate import persent, stance

HEADER = ["DOCUMENT_INDEX", "TITLE", "TARGET_ENTITY", "DOCUMENT", "MASKED_DOCUMENT", "TRUE_SENTIMENT"]

# written for these tests: one clearly positive, one clearly negative, one neutral article
ARTICLES = [
    (
        "Ann Lee",
        "[TGT] was praised for her brilliant and generous work. Colleagues admired [TGT].\n"
        "[TGT] arrived in the city on Friday.",
        "Positive",
        ["Positive", "Neutral"],
    ),
    (
        "Bo Marsh",
        "Prosecutors said [TGT] was corrupt and dishonest. Critics condemned [TGT] for the fraud.\n"
        "The court will sit on Monday.\n"
        "[TGT] spoke to reporters on Monday.",
        "Negative",
        ["Negative", "", "Neutral"],
    ),
    (
        "Cy Dunn",
        "[TGT] will visit the town on Tuesday. The meeting starts at noon.",
        "Neutral",
        ["Neutral"],
    ),
]


def write(path: Path, articles=ARTICLES, paragraphs: int = 3) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER + [f"Paragraph{k}" for k in range(paragraphs)])
        for k, (entity, masked, label, paras) in enumerate(articles):
            text = masked.replace("[TGT]", entity)
            w.writerow([k, f"title {k}", entity, text, masked, label, *(paras + [""] * (paragraphs - len(paras)))])
    return path


def test_a_persent_file_is_recognised_and_a_newsmtsc_one_is_not(tmp_path):
    assert persent.is_persent(write(tmp_path / "dev.csv"))
    other = tmp_path / "targets.jsonl"
    other.write_text(json.dumps({"sentence_normalized": "A b.", "targets": []}) + "\n", encoding="utf-8")
    assert not persent.is_persent(other)
    plain = tmp_path / "plain.csv"
    plain.write_text("id,text\n1,hello\n", encoding="utf-8")
    assert not persent.is_persent(plain)


@given(
    pieces=st.lists(st.text(alphabet=st.characters(blacklist_characters="["), max_size=30), min_size=1, max_size=6),
    entity=st.text(min_size=1, max_size=20),
)
def test_unmasking_writes_the_entity_where_each_mask_was(pieces, entity):
    masked = "[TGT]".join(pieces)
    text, spans = persent.unmask(masked, entity)
    assert len(spans) == len(pieces) - 1
    assert all(text[s:e] == entity for s, e in spans)
    rebuilt, at = [], 0
    for s, e in spans:
        rebuilt += [text[at:s], "[TGT]"]
        at = e
    # a mask followed directly by a word is written with a space after the entity
    assert "".join(rebuilt) + text[at:] == re.sub(r"\[TGT\](?=[^\W_])", "[TGT] ", masked)


def test_a_mask_glued_to_the_next_word_is_written_with_a_space():
    """``[TGT]said``: the masking lost the space, and the entity and the verb were read as one word."""
    text, spans = persent.unmask("[TGT]said [TGT]'s plan was [TGT].", "Ann Lee")
    assert text == "Ann Lee said Ann Lee's plan was Ann Lee."
    assert [text[s:e] for s, e in spans] == ["Ann Lee"] * 3


def test_documents_and_paragraphs_are_scored_with_the_entity_as_the_mentions(tmp_path):
    result = stance.evaluate(write(tmp_path / "dev.csv"), baseline="vader")
    assert result["format"] == "persent" and result["n"] == 3
    assert result["n_mentions"] == 7
    confusion = result["confusion"]
    assert confusion["positive"]["positive"] == 1 and confusion["negative"]["negative"] == 1
    assert confusion["neutral"]["neutral"] == 1
    # labelled paragraphs only: 2 + 2 (one left empty) + 1
    assert result["paragraphs"]["n"] == 5
    assert result["paragraphs"]["confusion"]["neutral"]["neutral"] >= 2  # no evaluative word: neutral
    assert result["baseline"]["n"] == 3 and result["baseline"]["paragraphs"]["n"] == 5
    text = stance.format_result(result)
    assert "3 documents, 7 mentions" in text and "paragraphs: macro-F1" in text


def test_more_paragraph_labels_than_lines_leave_the_paragraphs_out(tmp_path):
    articles = [(*ARTICLES[2][:3], ["Neutral", "Positive"])]  # two labels, one line
    result = persent.evaluate(write(tmp_path / "dev.csv", articles))
    assert result["documents_with_unmatched_paragraphs"] == 1
    assert result["paragraphs"]["n"] == 0 and result["n"] == 1


def test_an_unknown_label_names_the_line_and_column(tmp_path):
    articles = [ARTICLES[0], (ARTICLES[1][0], ARTICLES[1][1], "Negative", ["Negative", "Angry", "Neutral"])]
    # the first article's record spans lines 2-4 (its two texts hold a line break each): the second starts on 5
    with pytest.raises(ConfigError, match=r"line 5, field 'Paragraph1': unknown sentiment label.*'Angry'"):
        persent.load_articles(write(tmp_path / "dev.csv", articles))


def test_the_learned_option_is_refused_rather_than_ignored(tmp_path):
    with pytest.raises(OptionError, match="does not apply to PerSenT"):
        stance.evaluate(write(tmp_path / "dev.csv"), learned=str(tmp_path / "train.jsonl"))


def test_the_command_prints_json(tmp_path, capsys):
    assert main(["evaluate", "stance", "--data", str(write(tmp_path / "dev.csv")), "--json", "--limit", "2"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["format"] == "persent" and out["n"] == 2 and out["level"] == "document"


def test_on_the_persent_dev_split():
    from conftest import shared_path

    result = stance.evaluate(shared_path("eval", "persent", "dev.csv"), baseline="vader")
    assert (result["n"], result["paragraphs"]["n"]) == (578, 4096)
    assert result["documents_with_unmatched_paragraphs"] == 8  # their masked text lost a line break
    assert result["macro_f1"] > 0.30 and result["paragraphs"]["macro_f1"] > 0.30


def test_a_csv_without_persent_columns_is_an_error_naming_them(tmp_path):
    plain = tmp_path / "mine.csv"
    plain.write_text("id,text,label\n1,hello,positive\n", encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"mine.csv: not a PerSenT file; expected .*TARGET_ENTITY.*found 'id, text, label'"
    ):
        stance.evaluate(plain)


def test_found_mentions_are_the_entity_s_name_and_surname_in_the_original_text():
    text = "Benjamin Koellmann bought a flat. Koellmann said he would sell. KOELLMANN! The Koellmanns left."
    spans = persent.entity_mentions(text, "Benjamin Koellmann")
    assert [text[s:e] for s, e in spans] == ["Benjamin Koellmann", "Koellmann", "KOELLMANN"]
    text = "Martin Luther King Jr. spoke. King marched. Jr. is no name."
    assert [text[s:e] for s, e in persent.entity_mentions(text, "Martin Luther King Jr.")] == ["Martin Luther King Jr."]


def test_the_whole_pipeline_can_be_measured_with_the_mentions_it_finds(tmp_path):
    result = stance.evaluate(write(tmp_path / "dev.csv"), mentions="found")
    assert result["mentions"] == "found" and result["n"] == 3
    assert (result["n_mentions"], result["n_references"]) == (7, 7)  # every reference here is the full name
    assert result["confusion"]["positive"]["positive"] == 1 and result["confusion"]["negative"]["negative"] == 1
    with pytest.raises(OptionError, match="applies to PerSenT"):
        other = tmp_path / "t.jsonl"
        other.write_text(json.dumps({"sentence_normalized": "A b.", "targets": []}) + "\n", encoding="utf-8")
        stance.evaluate(other, mentions="found")
