from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.actors import ActorSet, trie_regex
from framing.corpus import Corpus, Document
from framing.discover import not_this_name
from framing.errors import ConfigError
from framing.seeds import seed_actors


@pytest.fixture(scope="module")
def actors():
    return seed_actors()


def found(actors, text):
    return [(m.actor, text[m.start : m.end]) for m in actors.find(text)]


def test_longest_match_first(actors):
    text = "Both the Pakistani Taliban and the Afghan Taliban met in Pakistan; the Tehrik-i-Taliban Pakistan (TTP) objected."
    assert found(actors, text) == [
        ("TTP", "Pakistani Taliban"),
        ("Afghan Taliban", "Afghan Taliban"),
        ("Pakistan", "Pakistan"),
        ("TTP", "Tehrik-i-Taliban Pakistan"),
    ]


def test_case_rules_possessives_capitals_and_exclusions(actors):
    text = "Let us talk: the US and U.S. troops; Islamabad's view; PAKISTAN; turkey dinner; Turkey's role; the Indian Ocean."
    got = actors.find(text)
    assert [(m.actor, text[m.start : m.end], m.possessive) for m in got] == [
        ("United States", "US", False),
        ("United States", "U.S.", False),
        ("Pakistan", "Islamabad", True),
        ("Pakistan", "PAKISTAN", False),
        ("Turkey", "Turkey", True),
    ]
    assert got[2].form == "capital"


US_FORMS = {
    "United States": {"aliases": ["U.S.", "USA"], "demonyms": ["American"]},
    "Washington": ["Washington"],
    "Donald Trump": ["Trump"],
    "Democratic Party": {"aliases": ["Democrat"], "demonyms": ["Democratic"]},
    "Russia": {"demonyms": ["Russian"]},
    "House": ["House"],
    "Pakistan": ["Pakistan"],
    "Syria": {"demonyms": ["Syrian"]},
}
US_ACTORS = ActorSet.from_dict(US_FORMS)


@pytest.mark.parametrize(
    "text",
    [
        "The Washington Times reported it.",
        "USA TODAY reported it.",
        "The American Civil Liberties Union sued.",
        "Trump University closed.",
        "The Pakistan Peoples Party won.",
        "The Syrian Opposition Coalition met.",
    ],
)
def test_a_form_that_opens_an_organisations_name_is_no_mention(text):
    # before: the Washington Times' own name was 4% of that outlet's actor mentions in AllSides (as Washington),
    # USA TODAY's 5% (as the United States)
    assert found(US_ACTORS, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Democrat Party won.", [("Democratic Party", "Democrat")]),  # the party itself
        ("The Russian Federation said no.", [("Russia", "Russian")]),
        ("The House Intelligence Committee met.", [("House", "House")]),  # a body of the actor
        ("American troops left.", [("United States", "American")]),
        ("Washington's Post office closed.", [("Washington", "Washington")]),
        # a headline in title case: the organisation opens at "Washington", not at "Trump"
        ("Trump Blasts Washington Post Over Report", [("Donald Trump", "Trump")]),
    ],
)
def test_the_actor_itself_its_bodies_and_title_case_headlines_stay_mentions(text, expected):
    assert found(US_ACTORS, text) == expected


def test_hyphenated_compounds_count_both_actors(actors):
    assert [a for a, _ in found(actors, "Pakistan-Afghanistan relations and the China–Pakistan corridor")] == [
        "Pakistan",
        "Afghanistan",
        "China",
        "Pakistan",
    ]


def test_from_dict_and_parent_lineage():
    a = ActorSet.from_dict(
        {
            "Pakistan": ["Pakistan", "Islamabad", "Pakistani"],
            "ISI": {"aliases": ["Inter-Services Intelligence"], "parent": "Pakistan"},
        }
    )
    assert a.lineage("ISI") == ["ISI", "Pakistan"]
    assert [m.actor for m in a.find("The Inter-Services Intelligence and Islamabad")] == ["ISI", "Pakistan"]


def test_from_dict_takes_the_structure_of_an_actor_file():
    """A dict read from an actor file ({"actors": [...]}) gives its actors, not one actor named "actors"."""
    data = {"name": "test", "actors": [{"name": "Russia", "demonyms": ["Russian"]}, {"name": "Ukraine"}]}
    a = ActorSet.from_dict(data)
    assert a.names == ["Russia", "Ukraine"]
    assert [m.actor for m in a.find("Critics opposed the Russian invasion of Ukraine.")] == ["Russia", "Ukraine"]
    with pytest.raises(ConfigError, match="colour"):
        ActorSet.from_dict({**data, "colour": "red"})
    with pytest.raises(ConfigError, match="forms are strings"):
        ActorSet.from_dict({"Russia": [{"name": "Russia"}]})


def test_yaml_errors_name_file_line_and_field(tmp_path):
    p = tmp_path / "actors.yaml"
    p.write_text("actors:\n  - name: A\n    aliases: [x]\n  - name: B\n    nickname: [y]\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        ActorSet.from_yaml(p)
    msg = str(err.value)
    assert "actors.yaml" in msg and "line 4" in msg and "nickname" in msg
    p.write_text("actors:\n  - name: A\n    parent: Nowhere\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="parent"):
        ActorSet.from_yaml(p)
    p.write_text("actors: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="YAML"):
        ActorSet.from_yaml(p)


def test_yaml_round_trip(tmp_path, actors):
    path = tmp_path / "out.yaml"
    actors.to_yaml(path)
    again = ActorSet.from_yaml(path)
    assert again.names == actors.names
    text = "Kabul and the TTP, Daesh Khurasan and ISIS-K."
    assert found(again, text) == found(actors, text)


def test_trie_regex_prefers_longer_words():
    import re

    rx = re.compile(trie_regex(["Taliban", "Taliban government", "Tal"]))
    assert rx.match("Taliban government").group() == "Taliban government"
    assert rx.match("Talk").group() == "Tal"


def test_discover_on_seeds(seeds):
    found_set = ActorSet.discover(seeds, top=15)
    names = found_set.names
    assert "Pakistan" in names and "TTP" in names
    pk = next(a for a in found_set if a.name == "Pakistan")
    assert "Pakistani" in pk.forms.get("demonyms", ())
    ttp = next(a for a in found_set if a.name == "TTP")
    assert any("Taliban Pakistan" in f for f in ttp.forms.get("aliases", ()))
    ActorSet.from_yaml_text(found_set.to_yaml())  # editable and loadable


def test_discovery_takes_what_analyze_takes(seeds):
    """A DataFrame or a list of records failed ("'dict' object has no attribute 'text'"), and the issue discovery
    read a DataFrame's column names as its texts."""
    import pandas as pd

    from framing.issues import IssueSet

    records = [{"id": d.id, "text": d.text, "outlet": d.outlet} for d in seeds]
    want = ActorSet.discover(seeds, top=10).names
    want_issues = [i.keywords for i in IssueSet.discover(seeds, k=3)]
    for source in (records, pd.DataFrame(records), [r["text"] for r in records]):
        assert ActorSet.discover(source, top=10).names == want
        assert [i.keywords for i in IssueSet.discover(source, k=3)] == want_issues


def test_a_form_inside_a_longer_word_is_not_a_mention_and_windows_see_the_text_before_them():
    a = ActorSet.from_dict({"Trump": ["Trump"], "Pakistan": ["Pakistan"]})
    text = "Trumpet and antiTrump, _Pakistan and Pakistan2, then Trump's Pakistan."
    found = [(m.actor, text[m.start : m.end], m.possessive) for m in a.find(text)]
    assert found == [("Trump", "Trump", True), ("Pakistan", "Pakistan", False)]
    inside = text.index("Trump,")  # a window starting inside "antiTrump" must not see a word start there
    assert a.find(text, inside, inside + 5) == []
    at = text.index("Trump's")
    assert [m.start for m in a.find(text, at)] == [at, text.index("Pakistan.")]


def _discovered(texts: list[str], top: int = 20) -> dict[str, dict]:
    from framing.corpus import Corpus, Document

    found = ActorSet.discover(Corpus(Document(id=f"d{k}", text=t) for k, t in enumerate(texts)), top=top)
    return {a.name: {k: set(v) for k, v in a.forms.items()} for a in found}


# a small news corpus written for these tests: a minister named in full in half of the articles and by
# surname in all; "the Council" beside "the Grand Council"; Republicans everywhere, the Republic in two
_NEWS = [
    f"On day {k} the minister {'Maria Oduya' if k % 2 else 'herself'} met the Grand Council in New Borduria. "
    f"Later that day Oduya said the Council would vote, and the Council agreed with the National Fisheries "
    f"Agency. Critics said Oduya had failed the NFA, and several Republicans said the plan was a mistake; one "
    f"Republican said Oduya was right. I’m not sure, said a clerk."
    + (" Lawyers said the Republic would appeal." if k < 2 else "")
    for k in range(12)
]


def test_discovery_groups_a_surname_with_the_full_name_even_when_the_surname_is_more_common():
    found = _discovered(_NEWS)
    assert "Oduya" in found["Maria Oduya"]["aliases"]
    assert "Oduya" not in found


# two people of one surname, each named in full, and the surname after titles; a place whose first word is a common
# word, and a group named after "the"; written for these tests
_TWO_ODUYAS = [
    f"On day {k}, Amina Oduya and Tobias Oduya spoke in New Tallin. Mrs. Oduya said the port of New Tallin would "
    f"reopen, and President Oduya agreed. Senator Amina Oduya praised the Islamic Front, and the Islamic Front "
    f"said that Tallin had paid. Reporters in Tallin said the talks went well."
    for k in range(6)
]


def _types(texts: list[str]) -> dict[str, str]:
    from framing.corpus import Corpus, Document

    found = ActorSet.discover(Corpus(Document(id=f"d{k}", text=t) for k, t in enumerate(texts)), top=20)
    return {a.name: a.type for a in found}


def test_discovery_types_a_name_after_personal_titles_as_a_person():
    # before: "Amina Oduya" and "Oduya" (a surname of two people, so no one's alias) had no type, and the sourcing
    # analyzer typed "Oduya said" as an institution speaking
    types = _types(_TWO_ODUYAS)
    assert types["Amina Oduya"] == "person"
    assert types["Oduya"] == "person"


def test_discovery_does_not_take_a_place_or_a_group_for_a_person():
    # before: "New Tallin" was a person ("Tallin" its surname)
    types = _types(_TWO_ODUYAS)
    assert types.get("New Tallin", "") == ""
    assert types.get("Islamic Front", "") == ""


def test_discovery_keeps_an_institution_named_after_the_apart_from_a_longer_name():
    """ "the Council" is not "Grand Council" (as "the House" is not "White House"): it mostly follows "the"."""
    found = _discovered(_NEWS)
    assert "Council" in found and "Grand Council" in found
    assert "Council" not in found["Grand Council"].get("aliases", set())


def test_discovery_keeps_new_at_the_start_of_a_name_and_leaves_out_contractions():
    found = _discovered(_NEWS)
    assert "New Borduria" in found and "Borduria" not in found
    assert not any("’m" in name or "'m" in name for name in found)


def test_discovery_groups_an_acronym_with_the_long_form_of_its_initials():
    found = _discovered(_NEWS)  # never "National Fisheries Agency (NFA)": the initials tell
    assert found["NFA"] == {"aliases": {"National Fisheries Agency"}}
    assert "National Fisheries Agency" not in found


def test_a_dateline_agency_or_a_state_in_parentheses_is_no_acronym():
    """ "LOS ANGELES (CNN) --" opens wire copy and "Ron Paul (Texas)" names a state: neither parenthesis gives an
    acronym, so CNN is not Los Angeles and Texas is not Ron Paul; "Border Trade Office (BTO)" still is one."""
    texts = [
        f"LOS ANGELES (CNN) -- Officials in Los Angeles met on day {k}. Later Ron Paul (Texas) spoke with CNN "
        f"about Texas, and the Border Trade Office (BTO) said the BTO would reopen. Ron Paul agreed."
        for k in range(6)
    ]
    found = _discovered(texts)
    assert {"CNN", "Los Angeles", "Texas", "BTO"} <= set(found)
    assert found["CNN"] == {} and found["Texas"] == {} and found["Los Angeles"] == {}
    assert found["BTO"] == {"aliases": {"Border Trade Office"}}


def test_a_party_is_one_actor_with_its_members_and_its_nickname():
    """ "GOP" is the Republican Party (framing/data/name_variants.txt): one actor with "Republican" and
    "Republicans", its members, which are not another place as "the Americas" are for America."""
    texts = [
        f"On day {k} the GOP leader said that Republicans would vote no, and one Republican senator agreed."
        for k in range(6)
    ]
    others = set(not_this_name("Republican Party"))  # "Republican Guard" ...: no mention of the party
    want = {"demonyms": {"Republicans"}, "abbreviations": {"GOP"}, "exclude": others}
    assert _discovered(texts) == {"Republican": want}
    texts = [t + " Voters said the Republican Party had changed." for t in texts]
    want = {"aliases": {"Republican"}, "demonyms": {"Republicans"}, "abbreviations": {"GOP"}, "exclude": others}
    assert _discovered(texts) == {"Republican Party": want}


def test_a_rare_place_form_does_not_head_a_common_demonym():
    """ "Republic" (once) used to become the name of the group "Republican" / "Republicans"."""
    found = _discovered(_NEWS)
    assert found["Republican"] == {"demonyms": {"Republicans"}, "exclude": set(not_this_name("Republican"))}
    assert found.get("Republic", {}) == {}  # in two articles: an actor of its own at most


def test_a_name_that_opens_the_sentences_of_one_document_counts_in_that_document_too():
    """A teacher's two articles: "Borduria" only opens sentences in the first and sits mid-sentence in the
    second. Seen mid-sentence once, it is a name, and both documents count (it was missed, in one document)."""
    found = ActorSet.discover(
        Corpus(
            [
                Document(id="a", text="Borduria accused its neighbour. Borduria closed the border."),
                Document(id="b", text="Officials said Borduria had closed the border. However, trade went on."),
            ]
        )
    )
    assert found.names == ["Borduria"]  # never "However" nor "Officials": not seen mid-sentence
    assert [a.description for a in found] == ["discovered: 2 documents"]


def test_one_article_proposes_the_names_it_names_twice():
    """A student's one article gave no actor at all (a name had to be in two documents), so no stance either."""
    text = (
        "Afghanistan rejected the charge on Sunday. Pakistan's foreign ministry said Afghan officials had "
        "sheltered militants. Afghanistan denied it again, and the Afghan embassy in Islamabad said Pakistan "
        "was deflecting blame. Officials met in Doha."
    )
    found = ActorSet.discover(Corpus([Document(id="a", text=text)]))
    assert found.names[:2] == ["Afghanistan", "Pakistan"]  # Afghanistan only opens sentences, but is rare in English
    by_name = {a.name: a for a in found}
    assert dict(by_name["Afghanistan"].forms)["demonyms"] == ("Afghan",)
    assert "Doha" not in found.names and "Officials" not in found.names  # named once; a common word
    assert by_name["Pakistan"].description == "discovered: 1 document"
    a = framing.analyze([text], progress=False)
    assert set(a.mentions["actor"]) == {"Afghanistan", "Pakistan"}
    # a surname still joins the full name it follows, though it is named more often ("Trump", "Donald Trump")
    text2 = "Donald Trump spoke in Ohio. Trump said the plan would work. Later Trump said it again, and Trump left."
    one = ActorSet.discover(Corpus([Document(id="b", text=text2)]))
    assert [(a.name, dict(a.forms).get("aliases")) for a in one] == [("Donald Trump", ("Trump",))]
    # a place named once joins its demonym named twice
    text3 = "Afghanistan denied it. Pakistan said Afghan officials lied, and Pakistan said Afghan guards fired first."
    assert [a.name for a in ActorSet.discover(Corpus([Document(id="c", text=text3)]))] == ["Afghanistan", "Pakistan"]
    # with more documents, a name must be in two of them, as before
    five = ActorSet.discover(Corpus([Document(id=str(k), text=text if k == 0 else "Trade went on.") for k in range(5)]))
    assert five.names == []


def test_a_phrase_whose_first_word_stands_alone_more_often_is_no_full_name_of_a_surname():
    """ "Republican Congress" is not the full name of "Congress": "Republican" alone is in more documents."""
    texts = [
        f"Reporters saw the Republican Congress meet. A Republican spoke, and Congress voted on bill {k}."
        for k in range(3)
    ]
    texts += [f"Later Congress passed bill {k}, a Republican said." for k in range(3)]
    found = _discovered(texts)
    assert found["Congress"] == {}  # an actor of its own
    assert found.get("Republican Congress", {}) == {}


def test_an_abbreviation_matches_with_periods_too():
    a = ActorSet.from_dict({"United States": {"abbreviations": ["US"]}, "FBI": {"abbreviations": ["FBI"]}})
    text = "The U.S.-led talks, the US envoy, F.B.I. agents and us."
    assert [(m.actor, text[m.start : m.end]) for m in a.find(text)] == [
        ("United States", "U.S."),
        ("United States", "US"),
        ("FBI", "F.B.I."),
    ]


def test_a_form_named_like_a_month_is_not_a_mention_in_a_date():
    """ "In May, May said no" gave Theresa May two mentions."""
    a = ActorSet.from_dict({"Theresa May": ["Theresa May", "May"]})
    for text, n in [
        ("In May, May said no.", 1),
        ("On May 5, May resigned.", 1),
        ("Talks in mid-May and May 2019 went badly for May.", 1),
        ("May spoke; Theresa May's plan failed in May.", 2),
    ]:
        assert len(a.find(text)) == n, text
    assert ActorSet.from_dict({"Pakistan": ["Pakistan"]})._calendar == frozenset()  # no cost for other actors


def test_discovery_groups_a_party_with_its_adjective():
    """ "Democratic" (the party's adjective) was an actor apart from "Democrat" / "Democrats"."""
    texts = [
        f"Yesterday a Democrat spoke; the Democrats and {k} Democratic senators said a Democratic bill was ready."
        for k in range(4)
    ]
    found = _discovered(texts)
    want = {"demonyms": {"Democrats", "Democratic"}, "exclude": set(not_this_name("Democrat"))}
    assert found["Democrat"] == want and "Democratic" not in found


def test_other_bodies_named_like_a_party_are_no_mention_of_it():
    """ "the Democratic Republic of the Congo" and "the Republican Guard" were mentions of the parties."""
    texts = [
        f"On day {k} Democrats and Republicans met. The Democratic Republic of the Congo and Iraq's Republican "
        f"Guard were on the agenda, and a Democratic senator spoke."
        for k in range(6)
    ]
    actors = ActorSet.discover(Corpus(Document(id=f"d{k}", text=t) for k, t in enumerate(texts)))
    parties = {a.name for a in actors if {"Democrats", "Republicans"} & {a.name, *(f for f, _ in a.all_forms())}}
    said = [texts[0][m.start : m.end] for m in actors.find(texts[0]) if m.actor in parties]
    # before: "Democratic" of "the Democratic Republic of the Congo" and "Republican" of "Republican Guard"
    assert sorted(said) == ["Democratic", "Democrats", "Republicans"]


def test_discovery_joins_names_of_one_country_and_keeps_their_demonyms():
    """ "America" and "United States" were two actors, splitting one country's mentions; "Let" (of "Let's" in a
    quotation) was an actor."""
    texts = [
        f"In report {k}, officials of the United States met the US envoy. Critics said America had failed, and "
        f"several Americans agreed with the American envoy: “Let's talk,” while Britain and the UK abstained, "
        f"as did the Americas."
        for k in range(4)
    ]
    found = _discovered(texts)
    assert found["United States"] == {
        "aliases": {"America"},
        "demonyms": {"American", "Americans"},
        "abbreviations": {"US"},
        "exclude": {"Americas"},  # another place
    }
    assert "America" not in found and "Let" not in found
    assert found["United Kingdom" if "United Kingdom" in found else "Britain"].get("abbreviations") == {"UK"}


def test_a_person_s_surname_is_a_mention_after_the_full_name_unless_another_person_has_it():
    import pickle

    people = ActorSet.from_list(
        [
            {"name": "Khawaja Asif", "type": "person"},
            {"name": "Shehbaz Sharif", "type": "person"},
            {"name": "Imran Khan"},  # no type: a surname alone is not a mention
            {"name": "Pakistan", "demonyms": ["Pakistani"]},
        ]
    )

    def found(text: str) -> list[tuple[str, str, str]]:
        return [(m.actor, text[m.start : m.end], m.form) for m in people.find(text)]

    text = (
        "Asif spoke first. Defence Minister Khawaja Asif said the talks failed. Asif added that Pakistan's Asif, "
        "President Asif and Mr. Asif agree. When Asif's aide left, Imran Khan arrived; Khan said nothing."
    )
    got = found(text)
    assert [g for g in got if g[2] == "surname"] == [("Khawaja Asif", "Asif", "surname")] * 5
    assert ("Imran Khan", "Khan", "surname") not in got and got[0] == ("Khawaja Asif", "Khawaja Asif", "name")
    # another Sharif in the document: a bare "Sharif" could be either of them
    assert found("Shehbaz Sharif met Nawaz Sharif. Sharif said so.") == [("Shehbaz Sharif", "Shehbaz Sharif", "name")]
    assert found("Shehbaz Sharif spoke. Pakistani Sharif, then Sharif. Sharif.")[1:] == [
        ("Pakistan", "Pakistani", "demonym"),
        ("Shehbaz Sharif", "Sharif", "surname"),
        ("Shehbaz Sharif", "Sharif", "surname"),
        ("Shehbaz Sharif", "Sharif", "surname"),
    ]
    assert pickle.loads(pickle.dumps(people)).find(text) == people.find(text)  # workers get the same set
    assert ActorSet.from_dict({"Pakistan": ["Pakistan"]})._surnames is None  # no cost without persons


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Khawaja Asif", "Asif", "Asif's", "Tariq", "Mr.", "President", "Pakistan", "When", ".", ",", "\n", "é"]
        )
        | st.text(max_size=5),
        max_size=40,
    )
)
def test_mentions_with_surnames_are_sorted_apart_and_inside_the_text(parts):
    people = ActorSet.from_list([{"name": "Khawaja Asif", "type": "person"}, {"name": "Pakistan"}])
    text = " ".join(parts)
    found = people.find(text)
    for m in found:
        assert 0 <= m.start < m.end <= len(text) and text[m.start : m.end] in ("Khawaja Asif", "Asif", "Pakistan")
    assert all(a.end <= b.start for a, b in pairwise(found))


def test_a_person_s_surname_alias_is_not_a_relative_s_name():
    """Discovery gives "Trump" to "Donald Trump" as an alias, found everywhere; "Melania Trump" counted for him."""
    people = ActorSet.from_list(
        [{"name": "Donald Trump", "type": "person", "aliases": ["Trump"]}, {"name": "Republican"}]
    )
    text = (
        "Melania Trump and Ivanka Trump spoke. President-elect Trump, Republican Trump, WATCH Trump and "
        "Assessing Trump are him; so is Trump. Despite Trump, Mr. Trump won in December Trump-style."
    )
    got = [text[m.start - 9 : m.end] for m in people.find(text) if text[m.start : m.end] == "Trump"]
    assert not any("Melania" in g or "Ivanka" in g for g in got)
    assert len(got) == 8, got
    # an actor with no type whose name opens with a given name is kept off other persons' names as well (before:
    # "Melania Trump", "Sarah Sanders" counted for Donald Trump and Bernie Sanders in ActorSet.from_dict sets) ...
    plain = ActorSet.from_dict({"Donald Trump": ["Donald Trump", "Trump"]})
    assert len([m for m in plain.find(text) if text[m.start : m.end] == "Trump"]) == 8
    sanders = ActorSet.from_dict({"Bernie Sanders": ["Bernie Sanders", "Sanders"]})
    assert not sanders.find("The press secretary, Sarah Sanders, said so. Sarah Huckabee Sanders agreed.")
    # ... but its own middle name is no other person ("Donald John Trump"), nor is one name of a double space
    assert [m.actor for m in plain.find("Donald John Trump spoke. Like Weinstein  Trump spoke.")] == [
        "Donald Trump"
    ] * 2
    # a given name that is a word too is still a given name when the list of given names has it
    clintons = ActorSet.from_dict({"Hillary Clinton": ["Hillary Clinton", "Clinton"]})
    assert not clintons.find("Former President Bill Clinton said so.")  # "Bill" had been the common word
    assert [m.actor for m in clintons.find("Will Clinton win? Mrs. Clinton said yes.")] == ["Hillary Clinton"] * 2
    # the same alias on an actor that is not a person is found after any name
    team = ActorSet.from_list([{"name": "Team Trump", "aliases": ["Trump"]}])
    assert len([m for m in team.find(text) if text[m.start : m.end] == "Trump"]) == 10
    typed = ActorSet.from_list([{"name": "Donald Trump", "type": "organisation", "aliases": ["Trump"]}])
    assert len([m for m in typed.find(text) if text[m.start : m.end] == "Trump"]) == 10


def test_a_hyphenated_identity_is_no_mention_of_the_country():
    # before: "African-American voters" was a mention of the United States
    actors = ActorSet.from_dict(
        {
            "United States": {"aliases": ["United States"], "demonyms": ["American", "Americans"]},
            "Pakistan": {"aliases": ["Pakistan"], "demonyms": ["Pakistani"]},
            "Afghanistan": {"aliases": ["Afghanistan"], "demonyms": ["Afghan"]},
        }
    )
    assert actors.find("African-American voters backed him, as did Asian-Americans.") == []
    # a demonym after another actor's form names that actor too
    text = "The Afghan-Pakistani border is shut."
    assert [text[m.start : m.end] for m in actors.find(text)] == ["Afghan", "Pakistani"]
    assert [m.actor for m in actors.find("American officials said so.")] == ["United States"]
