"""A corpus's own boilerplate: found per outlet, written as cleaning patterns, removed and logged by the cleaner."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from framing.boilerplate import find_boilerplate, line_pattern, write_cleaning_patterns
from framing.clean import Cleaner
from framing.errors import ConfigError

PROMO = "The Morning Ledger brings the top stories of the day to your phone at six, every weekday."
BIO = "Jane Roe is a columnist for The Ledger and the author of three books on Congress."
QUOTE = "“We will not back down from this fight,” the senator told reporters on the Capitol steps."
TOPICS = ["budget", "border", "tariffs", "schools", "courts", "housing", "energy", "health", "farms", "roads"]


def article(i: int, topic: str) -> str:
    """Two paragraphs of article text of their own (no line repeats across articles)."""
    return (
        f"Lawmakers in committee {i} argued on Tuesday over the {topic} bill, which would change how the "
        f"state pays for {topic} over the next {i + 3} years, according to a draft seen by reporters.\n\n"
        f"Supporters of the {topic} plan said the measure number {i} was overdue, while critics warned that "
        f"its cost of {i * 7 + 11} million dollars had not been explained to the public."
    )


def synthetic_corpus() -> list[dict[str, str]]:
    """Ten Ledger articles (a promo line in 8 of them, a columnist's bio in 6) and ten Courier articles (no
    boilerplate); the same quotation is in two Ledger articles."""
    docs = []
    for i in range(10):
        parts = [article(i, TOPICS[i])]
        if i in (2, 5):
            parts.append(QUOTE)
        if i < 6:
            parts.append(BIO)
        if i < 8:
            parts.append(PROMO)
        docs.append({"id": f"ledger-{i}", "outlet": "The Ledger", "text": "\n\n".join(parts)})
    for i in range(10):
        docs.append({"id": f"courier-{i}", "outlet": "The Courier", "text": article(100 + i, TOPICS[i])})
    return docs


def write_jsonl(path: Path, docs: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_finds_the_lines_one_outlet_repeats_with_their_counts():
    table = find_boilerplate(synthetic_corpus())
    assert list(table.columns) == ["outlet", "line", "documents", "share", "example"]
    assert table[["outlet", "line", "documents"]].values.tolist() == [
        [
            "The Ledger",
            PROMO,
            8,
        ],
        ["The Ledger", BIO, 6],
    ]
    assert table["share"].tolist() == [0.8, 0.6]
    assert table["example"].str.startswith("ledger-").all()
    assert table.attrs["documents"] == 20


def test_a_line_in_two_documents_or_in_too_small_a_share_is_not_boilerplate():
    # the quotation is in two documents: below min_docs=5 whatever the share
    assert QUOTE not in set(find_boilerplate(synthetic_corpus(), min_docs=2, min_share=0.9)["line"])
    assert QUOTE in set(find_boilerplate(synthetic_corpus(), min_docs=2, min_share=0.2)["line"])
    # the bio is in 6 of the Ledger's 10 documents: not in 70% of them
    assert find_boilerplate(synthetic_corpus(), min_share=0.7)["line"].tolist() == [PROMO]


def test_without_outlets_the_corpus_is_one_outlet():
    docs = [{"id": d["id"], "text": d["text"]} for d in synthetic_corpus()]
    table = find_boilerplate(docs, min_share=0.35)  # 8 and 6 of 20 documents
    assert table[["outlet", "line", "documents"]].values.tolist() == [["", PROMO, 8]]


def test_exact_copies_of_a_document_count_once():
    docs = synthetic_corpus()
    copies = [dict(docs[0], id=f"copy-{k}") for k in range(5)]
    table = find_boilerplate(docs + copies)
    assert table.set_index("line")["documents"].to_dict() == {PROMO: 8, BIO: 6}


def test_memory_is_bounded_by_pruning_the_rarest_lines():
    table = find_boilerplate(synthetic_corpus(), max_lines=20)
    assert table.attrs["pruned"] > 0
    assert set(table["line"]) == {PROMO, BIO}  # the frequent lines survive the pruning


def test_written_patterns_remove_the_lines_and_the_cleaning_log_says_so(tmp_path):
    docs = synthetic_corpus()
    path = write_cleaning_patterns(find_boilerplate(docs), tmp_path / "cleaning.yaml", source="synthetic")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data == {"extra_debris_lines": [line_pattern(PROMO), line_pattern(BIO)]}
    cleaner = Cleaner(patterns=path)
    result = cleaner.clean(docs[0]["text"])
    assert PROMO not in result.text and BIO not in result.text
    assert article(0, TOPICS[0]).split("\n\n")[0] in result.text
    removed = {e.text.strip(): e for e in result.edits if e.rule == "debris"}
    assert set(removed) == {PROMO, BIO}
    assert removed[PROMO].reason.startswith("page furniture (the morning ledger brings the top")
    # the shipped debris lines are kept: the extra lines are added to them, not put in their place
    assert cleaner.clean("Advertisement\n\n" + docs[0]["text"]).text.lstrip().startswith("Lawmakers")
    # nothing is left to find once they are removed
    assert find_boilerplate(docs, cleaner=cleaner).empty


def test_a_long_boilerplate_paragraph_is_removed_too():
    long_bio = " ".join(["Jane Roe has written about Congress and the courts for many years."] * 5)  # 60 words
    cleaner = Cleaner(patterns={"extra_debris_lines": [line_pattern(long_bio)]})
    text = article(1, "budget") + "\n\n" + long_bio
    assert cleaner.clean(text).text.strip() == article(1, "budget")
    assert Cleaner().clean(text).text.strip() == text  # the shipped patterns leave long lines alone


def test_a_pattern_matches_its_line_whatever_the_case_and_spacing():
    cleaner = Cleaner(patterns={"extra_debris_lines": [line_pattern("Patrick Buchanan, The (American) Conservative")]})
    text = article(1, "budget") + "\n\n  PATRICK  BUCHANAN, the (American)\tConservative \n"
    assert "BUCHANAN" not in cleaner.clean(text).text


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("extra_debris_lines:\n  - 'fine line'\n  - 'broken (group'\n", r"line 3, field 'extra_debris_lines\[1\]'"),
        ("debris_lines: 'not a list'\n", "line 1, field 'debris_lines'"),
        ("extra_lines:\n  - x\n", "line 1, field 'extra_lines': unknown key"),
        ("extra_debris_lines: [unclosed\n", "not valid YAML"),
        ("- just a list\n", "must be a mapping"),
    ],
)
def test_a_malformed_cleaning_file_is_an_error_that_names_it(tmp_path, content, said):
    path = tmp_path / "my-cleaning.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=said) as info:
        Cleaner(patterns=path)
    assert str(path) in str(info.value)


def test_extra_lines_change_the_recorded_digest():
    shipped = Cleaner().settings()["patterns"]
    extra = Cleaner(patterns={"extra_debris_lines": [line_pattern(PROMO)]}).settings()["patterns"]
    assert shipped.startswith("shipped ") and extra.startswith("custom ")
    assert shipped.split()[1] != extra.split()[1]


def test_the_cli_prints_the_table_and_writes_the_patterns(tmp_path, capsys):
    from framing.cli import main

    corpus = write_jsonl(tmp_path / "news.jsonl", synthetic_corpus())
    assert main(["boilerplate", str(corpus)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == "outlet,line,documents,share,example"
    assert PROMO in captured.out and BIO in captured.out
    assert "2 lines repeated in 14 documents, of 20 documents from 2 outlets" in captured.err

    out = tmp_path / "cleaning.yaml"
    assert main(["boilerplate", str(corpus), "-o", str(out), "--min-docs", "7", "--min-share", "0.5"]) == 0
    assert yaml.safe_load(out.read_text(encoding="utf-8")) == {"extra_debris_lines": [line_pattern(PROMO)]}
    assert "--cleaning" in capsys.readouterr().err


def test_score_with_cleaning_removes_the_lines_and_a_resume_with_other_cleaning_is_refused(tmp_path, capsys):
    from framing.cli import main

    corpus = write_jsonl(tmp_path / "news.jsonl", synthetic_corpus())
    patterns = write_cleaning_patterns(find_boilerplate(synthetic_corpus()), tmp_path / "cleaning.yaml")
    scores = tmp_path / "scores.csv"
    args = ["score", str(corpus), "--no-progress", "--analyzers", "readability", "--tables", "cleaning"]
    assert main([*args, "-o", str(scores), "--cleaning", str(patterns)]) == 0
    log = pd.read_csv(tmp_path / "scores.cleaning.csv")
    removed = log[log["rule"] == "debris"]["text"].str.strip()
    assert removed.value_counts().to_dict() == {PROMO: 8, BIO: 6}
    record = json.loads((tmp_path / "scores.run.json").read_text(encoding="utf-8"))
    assert record["settings"]["cleaner"]["patterns"] == Cleaner(patterns=patterns).settings()["patterns"]
    capsys.readouterr()
    assert main([*args, "-o", str(scores), "--resume"]) == 1  # the shipped patterns now: refused
    assert "the cleaning" in capsys.readouterr().err
    assert main(["score", str(corpus), "-o", str(tmp_path / "x.csv"), "--no-clean", "--cleaning", str(patterns)]) == 1


def test_a_corpus_folders_cleaning_file_is_used_and_is_no_document(tmp_path):
    import framing
    from framing.score import score_to_file

    folder = tmp_path / "corpus"
    folder.mkdir()
    for d in synthetic_corpus()[:10]:
        (folder / f"{d['id']}.txt").write_text(d["text"], encoding="utf-8")
    assert find_boilerplate(folder, min_share=0.5)["line"].tolist() == [PROMO, BIO]
    write_cleaning_patterns(find_boilerplate(folder, min_share=0.5), folder / "cleaning.yaml")

    corpus = framing.load_corpus(folder)
    assert len(corpus) == 10 and corpus.domain.cleaning == folder / "cleaning.yaml"
    a = framing.analyze(corpus, actors=False, analyzers=["readability"])
    assert not any(PROMO in a.text(d) or BIO in a.text(d) for d in a.documents["doc_id"])
    assert a.cleaning["rule"].eq("debris").sum() == 14
    assert find_boilerplate(folder, min_share=0.5).empty  # the finder reads it too: nothing is left

    score_to_file(folder, tmp_path / "s.csv", actors=False, analyzers=["readability"], progress=False)
    record = json.loads((tmp_path / "s.run.json").read_text(encoding="utf-8"))
    assert record["settings"]["cleaner"]["patterns"].startswith("custom ")
    # a cleaner given explicitly wins over the folder's file
    b = framing.analyze(corpus, actors=False, analyzers=["readability"], cleaner=Cleaner())
    assert any(PROMO in b.text(d) for d in b.documents["doc_id"])

    (folder / "cleaning.yaml").write_text("extra_debris_lines:\n  - '(broken'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"cleaning\.yaml, line 2"):
        framing.analyze(framing.load_corpus(folder), actors=False, analyzers=["readability"])
