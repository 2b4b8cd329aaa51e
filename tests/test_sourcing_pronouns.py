"""Who "it" and "they" stand for, and which words before a reporting verb are not its subject. "They" stands for
the last source that is a group, a body by its name or an institution; "it" for the last one that is one body or
document, or a body by its name; a source of the other number is no antecedent, and the pronoun then stays
unresolved rather than wrong. Adverbs ("sometimes", "so far", "instead") and verbs of beginning ("began") between
a subject and its verb are not the subject."""

from __future__ import annotations

import pytest
from test_sourcing import find


def _pronoun(text: str, word: str) -> dict:
    rows = [r for r in find(text) if r["source_words"] == word]
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize(
    ("text", "word", "source"),
    [
        # a group for "they"
        (
            "Senate Democrats said the plan would fail. A spokesman declined to comment. They also said Trump erred.",
            "They",
            "Democrats",
        ),
        (
            "Lots of CEOs and other rich businessmen agree with this. They wish they were less constrained.",
            "They",
            "other rich businessmen",
        ),
        # a body by its name for "it" or "they"
        ("The Times wrote that the deal failed. It further wrote that the talks had stalled.", "It", "Times"),
        (
            "The Association of Southeast Asian Nations said the talks stalled. They noted their worries.",
            "They",
            "Association of Southeast Asian Nations",
        ),
        # an institution named by a common noun for "they", as news English has it
        ("The ministry said the border would reopen. They added that trade would resume.", "They", "The ministry"),
    ],
)
def test_a_pronoun_stands_for_the_last_source_of_its_number(text, word, source):
    r = _pronoun(text, word)
    assert r["source"] == source
    assert r["resolved"] == "pronoun"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # before: "they" was the official and the study, and "it" the analysts
        ("A senior official said the rule would stand. They say the court erred.", "They"),
        ("A new study found that wages rose. They say the gains will last.", "They"),
        ("Analysts said the deal would fail. It added that the talks had stalled.", "It"),
    ],
)
def test_a_source_of_the_other_number_is_no_antecedent(text, word):
    r = _pronoun(text, word)
    assert r["resolved"] == ""
    assert r["source"] == word


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("He sometimes says that the Democrats want open borders.", "He"),
        ("Officials so far have declined to speak on the record.", "Officials"),
        ("Floyd began complaining about difficulty breathing.", "Floyd"),
        ("Paul instead praised the paper for its reporting.", "Paul"),
        ("The search engine has always denied that it operates under any bias.", "The search engine"),
    ],
)
def test_an_adverb_or_a_verb_of_beginning_before_the_verb_is_not_its_subject(text, source):
    rows = find(text)
    assert rows and rows[0]["source_words"] == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("Rubio, one of four Republican senators, earlier in the day blasted Obama for his plan.", "blast", "Rubio"),
        ("He called for calm, but at the same time blamed the protesters for the violence.", "blame", "He"),
        ("Officials later that week said the border would reopen.", "say", "Officials"),
    ],
)
def test_a_phrase_of_time_before_the_verb_is_not_its_subject(text, cue, source):
    # before: the speakers "the day" and "the same time"
    rows = [r for r in find(text) if r["cue"] == cue]
    assert rows and rows[0]["source_words"] == source


@pytest.mark.parametrize(
    ("text", "word", "source"),
    [
        (
            "Barack Obama spoke first. Michelle Obama took the stage. 'We paid our loans,' he told the crowd.",
            "he",
            "Barack Obama",
        ),
        (
            "Donald Trump spoke. Kellyanne Conway sat down. 'He never asked me,' she remarked.",
            "she",
            "Kellyanne Conway",
        ),
    ],
)
def test_he_and_she_skip_a_given_name_of_the_other_sex(text, word, source):
    # before: "he" was Michelle Obama (the nearest name)
    rows = [r for r in find(text) if r["source_words"] == word]
    assert rows and rows[0]["source"] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Susan Collins spoke after Mike Lee. She was not swayed by colleagues, including Lee. "
            "That effort, she said, did not address the problem.",
            "Susan Collins",
        ),
        (
            "National Security Adviser Susan Rice met Hamid Karzai. President Karzai, in the meeting with Rice, "
            "asked for assurances. He said the raids must end.",
            "Hamid Karzai",
        ),
    ],
)
def test_he_and_she_skip_a_lone_surname_whose_full_name_is_of_the_other_sex(text, source):
    # before: "she" was Mike Lee ("including Lee"), "he" was Susan Rice ("with Rice")
    rows = [r for r in find(text) if r["source_words"].lower() in ("he", "she")]
    assert rows and rows[-1]["source"] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("James Phelps teaches at a college in San Angelo, Texas. He predicted more crossings.", "James Phelps"),
        ("Kamala Harris was the district attorney of San Francisco. She defended the death penalty.", "Kamala Harris"),
    ],
)
def test_he_and_she_skip_a_place_named_like_a_person(text, source):
    # before: "he" was San Angelo and "she" San Francisco
    rows = [r for r in find(text) if r["source_words"].lower() in ("he", "she")]
    assert rows and rows[-1]["source"] == source


def test_the_given_names_file_is_read_by_section():
    from framing.surnames import given_name_sex

    assert (given_name_sex("Michelle"), given_name_sex("Barack"), given_name_sex("Jordan")) == ("female", "male", "")


def test_he_does_not_stand_for_a_place_or_an_event():
    # before: "he" was "Congressional District" and "El Paso County"
    text = (
        "One of them is Randy Page, chairman of the GOP committee in South Carolina's 2nd Congressional District. "
        "He voted for the bill."
    )
    rows = [r for r in find(text) if r["source_words"] == "He"]
    assert rows and rows[0]["source"] == "Randy Page"


def test_a_connective_or_thereby_is_no_speaker():
    # before: the speakers "Moreover" and "thereby"
    text = (
        "Moreover, the report makes the case that policy should not separate families and commends immigrants "
        "for supporting the economy."
    )
    assert [r["source_words"] for r in find(text) if r["cue"] == "support"] == ["the report"]
    text = "The plans exclude the state's top hospital, thereby denying access to its medical center."
    assert all(r["source_words"] != "thereby" for r in find(text))


def test_a_long_relative_clause_keeps_its_subject_and_its_names_are_no_he():
    text = (
        "Gov. Chris Christie spoke on Monday. Christie, who has campaigned heavily for GOP nominee Donald Trump since "
        "he suspended his own campaign in February, blasted Clinton as a disgrace on Wednesday. "
        "'She is a disgrace,' he said."
    )
    rows = find(text)
    # before: "blasted" had no speaker (the relative clause ran past the apposition's twelve words), and "he" was
    # Donald Trump, named inside the clause
    assert [(r["cue"], r["source"]) for r in rows] == [("blast", "Chris Christie"), ("say", "Chris Christie")]
