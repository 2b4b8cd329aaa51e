from __future__ import annotations

import pytest

from framing.actors import ActorSet, trie_regex
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


def test_a_form_inside_a_longer_word_is_not_a_mention_and_windows_see_the_text_before_them():
    a = ActorSet.from_dict({"Trump": ["Trump"], "Pakistan": ["Pakistan"]})
    text = "Trumpet and antiTrump, _Pakistan and Pakistan2, then Trump's Pakistan."
    found = [(m.actor, text[m.start : m.end], m.possessive) for m in a.find(text)]
    assert found == [("Trump", "Trump", True), ("Pakistan", "Pakistan", False)]
    inside = text.index("Trump,")  # a window starting inside "antiTrump" must not see a word start there
    assert a.find(text, inside, inside + 5) == []
    at = text.index("Trump's")
    assert [m.start for m in a.find(text, at)] == [at, text.index("Pakistan.")]
