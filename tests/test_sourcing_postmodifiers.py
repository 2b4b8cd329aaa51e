"""Who a source is. The head of a described source ("a person familiar with the talks", "an aide to the
president", "people who attended the meeting"), not the last noun, is the source: its type, its name and the
actor who speaks. Anonymity formulas report nothing; a title before a name makes a named person; "I", "we" and
"you" are the writer or the reader, not an anonymous source."""

from __future__ import annotations

import math

import pytest
from test_sourcing import find, one

import framing
from framing.actors import ActorSet
from framing.analyzers.sourcing_speakers import ANONYMOUS, NAMED, OFFICIAL, PERSONAL, UNIDENTIFIED
from framing.report.sourcing import TYPE_METRICS, source_label

ACTORS = ActorSet.from_dict(
    {
        "Donald Trump": {"aliases": ["Trump"], "type": "person"},
        "Pakistan": {"capitals": ["Islamabad"], "type": "country"},
    }
)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A person familiar with the matter said the talks had stalled.", "A person familiar with the matter"),
        ("Sources close to the president said he was angry.", "Sources close to the president"),
        ("People intimately familiar with the plan said it would fail.", "People intimately familiar with the plan"),
        ("People with direct knowledge of the plan said it would fail.", "People with direct knowledge of the plan"),
        ("An aide to the president said the talks had stalled.", "An aide to the president"),
        (
            "Several people who attended the meeting said the talks had stalled.",
            "Several people who attended the meeting",
        ),
        (
            "One Republican senator who requested anonymity said the wins were a warning.",
            "One Republican senator who requested anonymity",
        ),
        ('"It was fine," said a person familiar with the talks.', "a person familiar with the talks"),
        ('"It was fine," said two officials briefed on the talks.', "two officials briefed on the talks"),
        ('"It was fine," said an aide to the president.', "an aide to the president"),
    ],
)
def test_the_source_is_the_head_with_what_describes_it_and_it_is_anonymous(text, source):
    # before: the described noun was the source ("the matter", "the president": an official who never spoke), or
    # no source was found after a quotation
    rows = find(text)
    assert len(rows) == 1, rows
    assert rows[0]["source_words"] == source
    assert rows[0]["source_type"] == ANONYMOUS


@pytest.mark.parametrize(
    "text",
    [
        "Officials briefed on the talks said no deal was near.",
        "Officials speaking on condition of anonymity said the talks had stalled.",
        '"It was fine," said a senior official who asked not to be named.',
        '"It was fine," the official, who asked not to be named, said.',
        "The talks stalled, the official added, speaking on condition of anonymity to discuss the negotiations.",
        "The talks stalled, said the official, who was not authorized to speak publicly.",
    ],
)
def test_how_a_source_was_briefed_or_kept_anonymous_is_no_attribution_of_its_own(text):
    rows = find(text)
    assert [r["cue"] for r in rows] == ["say"] or [r["cue"] for r in rows] == ["add"], rows


def test_a_stance_adjective_before_its_preposition_is_still_a_stance():
    row = one("Some Democrats have been more sympathetic to the migrants than Republicans.")
    assert row["cue"] == "sympathetic" and row["source_words"] == "Some Democrats"


def test_a_passive_briefing_is_still_reported():
    assert [r["cue"] for r in find("Obama was briefed on the situation by his aides, who said it was grave.")][-1:] == [
        "say"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Secretary of State Mike Pompeo said the talks had stalled.", "Mike Pompeo"),
        ("U.S. Ambassador to the UN Nikki Haley said the talks had stalled.", "Nikki Haley"),
        ("Ambassador to Pakistan David Hale said the talks had stalled.", "David Hale"),
    ],
)
def test_a_title_with_its_complement_before_a_name_is_a_named_person(text, name):
    # before: "Secretary of State Mike Pompeo" was an institution, "the UN Nikki Haley" a person
    row = one(text)
    assert (row["source_type"], row["source"]) == (NAMED, name)


@pytest.mark.parametrize(
    "text", ["The Secretary of State said the talks had stalled.", "Minister of State for Interior Affairs said it."]
)
def test_a_title_without_a_name_stays_an_office(text):
    assert one(text)["source_type"] == OFFICIAL


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("An aide to Trump said the talks had stalled.", ""),
        ("A person close to Trump said the talks had stalled.", ""),
        ("A friend of Trump said the talks had stalled.", ""),
        ("People who met Trump on Friday said the talks had stalled.", ""),
        ("A spokesman for Trump said the talks had stalled.", "Donald Trump"),
        ("Officials in Islamabad said the talks had stalled.", "Pakistan"),
        ("Trump said the talks had stalled.", "Donald Trump"),
    ],
)
def test_an_actor_speaks_through_its_members_and_spokesmen_not_through_those_close_to_it(text, actor):
    # before: "an aide to Trump" and "a friend of Trump" were Trump speaking, in the who-speaks counts
    assert one(text, ACTORS)["source_actor"] == actor


def test_an_inverted_source_after_a_quotation_may_be_followed_by_a_manner_or_an_audience():
    assert one('"It was fine," says Texas Sen. John Cornyn with a laugh.')["source"] == "John Cornyn"
    assert one('"It was fine," said Cornyn to reporters.')["source"] == "Cornyn"


def test_without_a_quotation_the_noun_after_the_verb_is_its_object_not_its_speaker():
    text = "Michael O'Hanlon, a military analyst at the Brookings Institution, hailed Dunford as well suited to it."
    assert one(text)["source"] == "Michael O'Hanlon"


@pytest.mark.parametrize(
    "text",
    [
        "Special counsel Robert Mueller released a report on Friday.",
        "The appointment of special counsel Robert Mueller was announced by the department.",
    ],
)
def test_special_counsel_is_a_title_not_a_reporting_verb(text):
    # before: "special counsel Robert Mueller" was an attribution whose source was "special"
    assert [r for r in find(text) if r["cue"] == "counsel"] == []


def test_counsel_as_a_verb_still_reports():
    assert one("Kushner counseled Trump to fire Comey.")["cue"] == "counsel"


def test_a_noun_in_ing_before_the_verb_does_not_make_a_thing_a_speaker():
    assert find("An item of clothing lies at the site where the plane crashed.") == []


COUNTRIES = ActorSet.from_dict(
    {
        "United States": {"aliases": ["U.S.", "United States"], "type": "country"},
        "Pakistan": {"demonyms": ["Pakistani"], "type": "country"},
    }
)


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("Pakistani Foreign Minister Shah Mahmood Qureshi said it.", "Shah Mahmood Qureshi", "Pakistan"),
        ("Pakistan Foreign Office spokesman Zahid Hafeez Chaudhri said it.", "Zahid Hafeez Chaudhri", "Pakistan"),
        ("U.S. Ambassador Nikki Haley said it.", "Nikki Haley", "United States"),
        ("United States Ambassador to the U.N. Nikki Haley said it.", "Nikki Haley", "United States"),
    ],
)
def test_a_named_official_of_a_country_actor_is_a_named_person_who_speaks_for_it(text, name, actor):
    # before: an institution named by the whole phrase, so named sources were undercounted wherever a country
    # was an actor
    row = one(text, COUNTRIES)
    assert (row["source_type"], row["source"], row["source_actor"]) == (NAMED, name, actor)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan's Foreign Ministry said it.",
        "The Pakistani Foreign Minister said it.",
        "Pakistan Tehreek-e-Insaf said it.",
    ],
)
def test_an_office_or_a_body_of_a_country_actor_stays_an_institution(text):
    assert one(text, COUNTRIES)["source_type"] == OFFICIAL


# ---------------------------------------------------------------------- the writer and the reader
@pytest.mark.parametrize(
    "text",
    [
        "We need to understand the internal dynamics of the Taliban.",
        "We know that the border will stay closed.",
        "You can see how quickly opinion is turning.",
        "I think the talks will fail.",
    ],
)
def test_i_we_and_you_are_the_writer_or_reader_not_an_anonymous_source(text):
    # before: "we" and "you" were anonymous sources, which inflated opinion outlets' anonymous share
    row = one(text)
    assert row["source_type"] == PERSONAL


def test_they_is_still_an_unnamed_group():
    assert one("They know that the border will stay closed.")["source_type"] == ANONYMOUS


def test_the_writer_has_a_share_of_its_own_and_no_part_in_the_variety_of_sources():
    docs = [
        "We know that the border will stay closed. Officials said the talks had stalled.",
        "Rizvi said the talks had stalled. Officials said the talks had stalled.",
    ]
    d = framing.analyze(docs, analyzers=["sourcing"], actors=False).documents.set_index("doc_id")
    first, second = d.loc["row-0"], d.loc["row-1"]
    assert (first["personal_share"], first["anonymous_share"]) == (0.5, 0.5)
    # one typed source left: too few for a variety (NaN); two of two types: 1.0
    assert math.isnan(first["source_type_diversity"]) and second["source_type_diversity"] == 1.0
    shares = list(TYPE_METRICS.values())  # one share per source type
    assert all(math.isclose(sum(d.loc[i, shares]), 1.0) for i in d.index)


def test_the_who_speaks_table_names_the_writer_or_reader():
    assert source_label({"source_type": PERSONAL, "source": "We", "source_text": "We"}).startswith("(the writer")


# ---------------------------------------------------------------------- signed quotations (roundups)
ROUNDUP = (
    "Here is what the columnists wrote on Tuesday night.\n\n"
    "“For Democrats to avoid a contested convention, they need the field to narrow quickly.”\n\n"
    "John McCormack, National Review\n\n"
    "“Trump got himself acquitted without even a token gesture of contrition.” Moira Donegan, The Guardian\n\n"
    '"On her worst day, she will be an infinitely better candidate than any Republican." - Bernie Sanders\n\n'
    "I'll be honest."
)


def test_after_a_blank_line_a_dash_still_signs():
    rows = find("“It needs to stop now, for all of us.”\n\n- Michelle Marks, Philadelphia.\n\nThe hall cheered.")
    assert [r["source"] for r in rows if r["resolved"] == "signature"] == ["Michelle Marks"]


def test_a_quotation_signed_on_its_line_or_the_next_is_the_signers():
    # before: each was a quotation of an unidentified (anonymous) speaker
    signed = {r["source"]: r["content_words"] for r in find(ROUNDUP) if r["resolved"] == "signature"}
    assert signed == {
        "John McCormack": "For Democrats to avoid a contested convention, they need the field to narrow quickly.",
        "Moira Donegan": "Trump got himself acquitted without even a token gesture of contrition.",
        "Bernie Sanders": "On her worst day, she will be an infinitely better candidate than any Republican.",
    }
    assert all(r["source_type"] == NAMED for r in find(ROUNDUP) if r["resolved"] == "signature")


@pytest.mark.parametrize(
    "after",
    [
        "Special Counsel, Department Of Justice\n\nWhat is it focusing on?",  # a heading
        "The Senate voted on Tuesday.",
        "Monday Night Football\n\nThe game went on.",
        # a name alone after a blank line heads the next section (before: the signer)
        "Susan Collins\n\nAmong the Senate's most outspoken centrists, Susan Collins voted no.",
    ],
)
def test_a_heading_or_a_sentence_after_a_quotation_is_no_signature(after):
    rows = find("“The border must stay open at all times for the traders.”\n\n" + after)
    assert [r for r in rows if r["resolved"] == "signature"] == []


# ---------------------------------------------------------------------- quotations of no identified speaker
def test_a_quotation_whose_speaker_was_not_found_is_unidentified_not_anonymous():
    # before: typed anonymous, so that outlets whose formats hide speakers (transcripts without labels) seemed to
    # lean on anonymous sources: on 2,000 AllSides articles such quotations were 5.9% of the New York Times'
    # attributions and 0.2% of the Wall Street Journal's
    text = "The hall went quiet.\n\n“We will never give up the fight for the border towns.”\n\nThe crowd cheered."
    row = one(text)
    assert (row["source_type"], row["resolved"]) == (UNIDENTIFIED, "unidentified")
    d = framing.analyze([text], analyzers=["sourcing"], actors=False).documents.iloc[0]
    assert (d["unidentified_share"], d["anonymous_share"]) == (1.0, 0.0)
    assert source_label({"source_type": UNIDENTIFIED, "kind": "direct", "source": ""}) == "(speaker not identified)"


def test_an_unnamed_source_with_a_verb_is_still_anonymous():
    assert one('"We will never give up," an official said.')["source_type"] == ANONYMOUS


def test_the_source_mix_legend_names_only_the_types_some_group_has():
    import matplotlib.pyplot as plt
    import pandas as pd

    from framing.plots.sourcing import plot_source_mix

    shares = pd.DataFrame(
        {
            "named person": [0.5, 0.2],
            "anonymous/vague": [0.5, 0.7],
            "first/second person": [0.0, 0.1],
            UNIDENTIFIED: 0.0,
        },
        index=["A", "B"],
    )
    ax = plot_source_mix(shares)
    try:
        assert [t.get_text() for t in ax.get_legend().get_texts()] == [
            "named person",
            "anonymous/vague",
            "first/second person",
        ]
    finally:
        plt.close(ax.figure)


# ---------------------------------------------------------------------- made to speak
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Pelosi's bill led House Speaker Paul Ryan to say Democrats had gone too far.", "House Speaker Paul Ryan"),
        ("The report prompted Trump to declare victory.", "Trump"),
        ("The scandal forced officials to admit the mistake.", "officials"),
    ],
)
def test_the_object_of_a_verb_that_makes_it_speak_is_the_speaker(text, source):
    # before: no speaker, an anonymous attribution
    assert one(text)["source_words"] == source


@pytest.mark.parametrize(
    "text", ["Trump went to Ohio to say the economy was strong.", "The judge asked Trump to explain the payments."]
)
def test_a_place_or_the_one_asked_is_not_made_to_speak(text):
    assert all(r["source_words"] != "Trump" and r["source_words"] != "Ohio" for r in find(text))


# ---------------------------------------------------------------------- one person, one name
def test_a_surname_refers_to_the_given_names_without_the_office_before_them():
    # before: "Attorney General William Barr" and "William Barr" were two speakers in the who-speaks counts
    from framing.analyzers.sourcing_speakers import full_name

    text = (
        "Attorney General William Barr spoke. FBI Director James Comey left. U.S. President Barack Obama won. "
        "Political analyst Hasan Askari Rizvi said it. President John F. Kennedy spoke. Speaker John A. Boehner left."
    )
    got = {n: full_name(text, n, {}) for n in ("Barr", "Comey", "Obama", "Rizvi", "Kennedy", "Boehner")}
    assert got == {
        "Barr": "William Barr",
        "Comey": "James Comey",
        "Obama": "Barack Obama",
        "Rizvi": "Hasan Askari Rizvi",
        "Kennedy": "John F. Kennedy",
        "Boehner": "John A. Boehner",
    }


def test_a_contracted_pronoun_is_the_pronoun_and_a_link_label_is_no_speaker():
    assert one("I’m always skeptical that the work will make a difference.")["source_type"] == PERSONAL
    assert find("More:Trump's Cuba rollback leaves the U.S. out in the cold for the island's future") == []


def test_every_source_type_has_its_share_in_the_report():
    from framing.analyzers.sourcing_speakers import SOURCE_TYPES

    assert set(TYPE_METRICS) == set(SOURCE_TYPES)


@pytest.mark.parametrize(
    ("text", "stype"),
    [
        ("The Romney camp said the ads were false.", OFFICIAL),
        ("Mueller's team said the ads were false.", OFFICIAL),
        ("Clinton's staff said the ads were false.", ANONYMOUS),
    ],
)
def test_a_camp_a_team_or_a_staff_is_no_named_person(text, stype):
    # before: "The Romney camp", "Mueller's team" and "Clinton's staff" were the named persons Romney, Mueller and
    # Clinton speaking
    assert one(text)["source_type"] == stype


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Abortion clinics in Texas have said that the rules would cost more.", "Abortion clinics in Texas"),
        ("The air force of Finland says they took the photo.", "The air force of Finland"),
        ("U.S. District Judge Dana Sabraw in San Diego said the families must be reunited.", "Sabraw"),
    ],
)
def test_a_place_after_a_preposition_is_where_the_source_is_not_the_source(text, source):
    # before: the place was the speaker ("Texas", "Finland", "San Diego"), an institution or a named person
    rows = find(text)
    assert len(rows) == 1, rows
    assert source in rows[0]["source_words"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Speaking in Kabul, Rizvi said the border would reopen.", "Rizvi"),  # a participle before the place
        ("Officials in Kabul said the border would reopen.", "Officials in Kabul"),
        ("In Texas, officials said the rules would cost more.", "officials"),
        # a relative clause after a comma is about the place itself
        ("He faced intense pressure to remain in his position from Iran, which feared losing its gains.", "Iran"),
        ("A commentary published in April in Mayo Clinic Proceedings criticized the tests.", "Mayo Clinic Proceedings"),
    ],
)
def test_a_place_after_a_preposition_keeps_the_sources_it_had(text, source):
    rows = find(text)
    assert len(rows) == 1, rows
    assert rows[0]["source_words"] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("It's the war Trump knows he can use to win back supporters.", "Trump"),
        ("It was a deal Netanyahu publicly condemned as a mistake.", "Netanyahu"),
        ("That is an argument Republicans are likely to hear in ads.", "Republicans"),
        ("That's the situation President Obama found when he came into office.", "President Obama"),
    ],
)
def test_a_name_after_the_object_of_a_relative_clause_without_that_speaks_alone(text, source):
    # before: "the war Trump", "a deal Netanyahu": the clause's object was part of the speaker
    assert [r["source_words"] for r in find(text)] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The philosopher Thomas Kuhn said inquiry is impossible.", "The philosopher Thomas Kuhn"),
        ("Contacted by reporters, a terse Miller agreed that she was not in the camp.", "a terse Miller"),
        (
            "A spokeswoman for the Israeli Defense Ministry declined to comment.",
            "A spokeswoman for the Israeli Defense Ministry",
        ),
        ("Clinton even acquiesced to the original Sanders demand and offered to debate in Brooklyn.", "Clinton"),
    ],
)
def test_a_name_described_before_it_keeps_its_description(text, source):
    assert [r["source_words"] for r in find(text)] == [source]
