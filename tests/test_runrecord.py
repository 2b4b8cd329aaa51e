"""The run record beside a streamed output: what it holds, and a resumed run held to the same settings."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.analyzers.frames import FrameAnalyzer
from framing.clean import Cleaner
from framing.corpus import Document
from framing.errors import InputError, OptionError
from framing.lexicons import Lexicon, load_lexicon
from framing.pipeline import Pipeline
from framing.runrecord import describe, differences, lexicon_digest, record_path
from framing.score import score_to_file
from framing.streamed import partial_folder

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "seeds" / "actors.yaml"


def seeds() -> list[Document]:
    return list(framing.load_seeds())


def score(docs, out: Path, **kw):
    kw.setdefault("analyzers", ["readability", "frames"])
    return score_to_file(docs, out, progress=False, chunk_size=2, **kw)


def record(out: Path) -> dict:
    return json.loads(record_path(out).read_text(encoding="utf-8"))


def test_the_record_sits_beside_the_output_with_the_settings_and_the_run(tmp_path):
    out = tmp_path / "scores.parquet"
    score(seeds()[:3], out, actors=str(ACTORS))
    assert record_path(out) == tmp_path / "scores.run.json"
    rec = record(out)
    settings = rec["settings"]
    assert list(settings["analyzers"]) == ["readability", "frames"]
    assert settings["analyzers"]["frames"]["options"]["min_share"] == 0.08
    assert set(settings["analyzers"]["frames"]["lexicons"]) == {"frames"}
    assert {a["name"] for a in settings["actors"]["actors"]} == set(framing.ActorSet.from_yaml(ACTORS).names)
    assert settings["cleaner"]["enabled"] is True
    (run,) = rec["runs"]
    assert (run["written"], run["already_written"], run["framing"]) == (3, 0, framing.__version__)
    assert run["started"] <= run["finished"]
    assert rec["tables"] == ["documents"]


def test_a_resumed_run_adds_its_entry_and_a_fresh_run_starts_the_record_again(tmp_path):
    out = tmp_path / "scores.csv"
    score(seeds()[:2], out, actors=str(ACTORS))
    score(seeds(), out, actors=str(ACTORS), resume=True)
    runs = record(out)["runs"]
    assert [(r["written"], r["already_written"]) for r in runs] == [(2, 0), (3, 2)]
    score(seeds()[:1], out, actors=str(ACTORS))
    assert [(r["written"], r["already_written"]) for r in record(out)["runs"]] == [(1, 0)]


def test_resuming_with_other_actors_is_refused_and_names_them(tmp_path):
    """Before the record, a resumed run with an edited actor file went on without a word: its documents were
    searched for other actors than the earlier ones, and the mentions table mixed the two."""
    out = tmp_path / "scores.parquet"
    score(seeds()[:2], out, actors=str(ACTORS))
    fewer = {a["name"]: a for a in framing.ActorSet.from_yaml(ACTORS).to_dict()["actors"][1:]}
    gone = framing.ActorSet.from_yaml(ACTORS).names[0]
    with pytest.raises(OptionError, match=rf"the actors \(1 removed: {gone}\).*scores\.run\.json"):
        score(
            seeds(), out, actors={n: {k: v for k, v in a.items() if k != "name"} for n, a in fewer.items()}, resume=True
        )
    assert len(framing.ActorSet.from_yaml(ACTORS)) == len(fewer) + 1


def _one_term_fewer() -> FrameAnalyzer:
    frames = load_lexicon("frames")
    return FrameAnalyzer(lexicon=frames.without_terms([next(iter(frames)).term]))


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            lambda: {"analyzers": ["readability", FrameAnalyzer(min_share=0.2)]},
            r"frames analyzer's options \(min_share",
        ),
        (lambda: {"analyzers": ["readability", _one_term_fewer()]}, r"the frames analyzer's lexicons \(frames\)"),
        (lambda: {"cleaner": Cleaner(exclude=["captions"])}, r"the cleaning \(rules: 1 removed: captions\)"),
        (lambda: {"cleaner": False}, r"the cleaning \(on then, off now\)\."),
    ],
)
def test_resuming_with_other_options_lexicons_or_cleaning_is_refused(tmp_path, change, said):
    out = tmp_path / "scores.jsonl"
    score(seeds()[:2], out, actors=str(ACTORS))
    with pytest.raises(OptionError, match=said):
        score(seeds(), out, actors=str(ACTORS), resume=True, **change())
    assert score(seeds(), out, actors=str(ACTORS), resume=True).written == 3  # the same settings go on


def test_a_resumed_run_goes_on_with_the_actors_the_earlier_run_discovered(tmp_path):
    """Discovery reads a run's first documents: a resumed run whose new documents come first would have
    discovered other actors and searched only its own documents for them."""
    out = tmp_path / "scores.parquet"
    docs = seeds()
    score(docs[:3], out, tables=("documents", "mentions"))  # not the seed corpus: actors are discovered
    first = {a["name"] for a in record(out)["settings"]["actors"]["actors"]}
    other = [
        Document(id=f"new-{i}", text="Ruritania and Borduria met. Ruritania said Borduria lied.") for i in range(4)
    ]
    assert "Borduria" in framing.ActorSet.discover(framing.Corpus(other + docs)).names  # what discovery would find
    score(other + docs, out, tables=("documents", "mentions"), resume=True)
    assert {a["name"] for a in record(out)["settings"]["actors"]["actors"]} == first
    found = set(pd.read_parquet(tmp_path / "scores.mentions.parquet")["actor"])
    assert found <= first and "Borduria" not in found


def test_an_interrupted_run_is_held_to_its_own_settings(tmp_path):
    out = tmp_path / "scores.csv"

    def crash_after(docs, n):
        for i, d in enumerate(docs):
            if i == n:
                raise KeyboardInterrupt
            yield d

    with pytest.raises(KeyboardInterrupt):
        score(crash_after(seeds(), 3), out, actors=str(ACTORS))
    assert partial_folder(out).is_dir() and not record_path(out).exists()
    with pytest.raises(OptionError, match="frames analyzer's options"):
        score(seeds(), out, actors=str(ACTORS), analyzers=["readability", FrameAnalyzer(max_frames=2)], resume=True)
    summary = score(seeds(), out, actors=str(ACTORS), resume=True)
    assert (summary.written, summary.resumed) == (3, 2)
    assert [(r["written"], r["already_written"]) for r in record(out)["runs"]] == [(3, 2)]


def test_an_output_from_before_records_resumes_and_says_so(tmp_path):
    out = tmp_path / "scores.csv"
    score(seeds()[:2], out, actors=str(ACTORS))
    record_path(out).unlink()
    score(seeds(), out, actors=str(ACTORS), resume=True)
    rec = record(out)
    assert rec["earlier_unrecorded"] is True and len(rec["runs"]) == 1


def test_an_unreadable_record_names_the_file(tmp_path):
    out = tmp_path / "scores.csv"
    score(seeds()[:2], out, actors=str(ACTORS))
    record_path(out).write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"scores\.run\.json.*not valid JSON"):
        score(seeds(), out, actors=str(ACTORS), resume=True)


def test_digests_follow_the_content_not_the_order():
    a = Lexicon.from_dict({"conflict": ["war", "battle"], "economic": ["trade"]}, name="x")
    b = Lexicon.from_dict({"economic": ["trade"], "conflict": ["battle", "war"]}, name="y")
    c = Lexicon.from_dict({"conflict": {"war": 2.0, "battle": 1.0}, "economic": ["trade"]}, name="x")
    assert lexicon_digest(a) == lexicon_digest(b) != lexicon_digest(c)
    actors = framing.ActorSet.from_yaml(ACTORS)
    backwards = framing.ActorSet(reversed(actors.actors))
    one, two = describe(Pipeline(actors=actors)), describe(Pipeline(actors=backwards))
    assert differences(one, two) == []
    json.dumps(one)  # plain JSON data
    assert framing.ActorSet.from_list(actors.to_dict()["actors"]).to_dict() == actors.to_dict()


def test_the_record_is_in_place_before_the_documents_table(tmp_path, stop_renaming):
    """The documents table is renamed last, so a run stopped before it leaves the new record with the old
    documents table only until the next run over the output finishes the renaming."""
    out = tmp_path / "scores.csv"
    score(seeds()[:2], out, actors=str(ACTORS))
    stop_renaming(out)
    with pytest.raises(OSError):
        score(seeds(), out, actors=str(ACTORS), resume=True)
    stop_renaming(None)
    assert [r["written"] for r in record(out)["runs"]] == [2, 3]
    score(seeds(), out, actors=str(ACTORS), resume=True)
    assert [(r["written"], r["already_written"]) for r in record(out)["runs"]] == [(2, 0), (3, 2), (0, 5)]


def test_saved_tables_come_with_their_record(tmp_path, seed_analysis):
    """Analysis.save_tables (and so a report's tables/ folder) writes run.json: the same settings a streamed run
    records, no times (the same input gives the same bytes, as the tables do)."""
    paths = seed_analysis.save_tables(tmp_path / "one")
    assert paths[-1].name == "run.json"
    rec = json.loads(paths[-1].read_text(encoding="utf-8"))
    assert rec["settings"] == describe(seed_analysis.pipeline)
    assert rec["runs"][0]["written"] == len(seed_analysis.documents)
    assert rec["tables"][:3] == ["documents", "sentences", "mentions"]
    again = seed_analysis.save_tables(tmp_path / "two")
    assert again[-1].read_bytes() == paths[-1].read_bytes()


def test_an_analyzer_of_ones_own_is_recorded_the_same_in_every_process():
    """Options that are objects are recorded by their text, without the address of a default repr (which would
    differ in the next process and refuse every resume); a 'lexicon' that is not a Lexicon does not fail."""
    from framing.analyzers.base import Analyzer

    class Model:
        pass

    class Mine(Analyzer):
        name = "mine"

        def __init__(self) -> None:
            self.model = Model()

        def settings(self):
            return {"model": self.model, "weights": (1, 2), "tags": {"b", "a"}}

        def lexicons(self):
            return [{"war": 1.0}]

        def analyze(self, ctx):  # pragma: no cover - not run
            raise NotImplementedError

        def metrics(self):
            return []

    one, two = describe(Pipeline(analyzers=[Mine()])), describe(Pipeline(analyzers=[Mine()]))
    assert one == two
    options = one["analyzers"]["mine"]["options"]
    assert " at 0x" not in options["model"] and options["weights"] == [1, 2] and options["tags"] == ["a", "b"]
    json.dumps(one)


def test_differences_name_what_changed_in_lists_of_any_kind():
    base = describe(Pipeline(actors=framing.ActorSet.from_yaml(ACTORS), analyzers=["readability"]))
    other = json.loads(json.dumps(base))
    other["analyzers"]["readability"]["options"] = {"syllables": "rules", "tiers": [{"a": 1}], "tags": ["x", "y"]}
    base["analyzers"]["readability"]["options"] = {"syllables": "rules", "tiers": [{"a": 2}], "tags": ["x"]}
    (said,) = differences(base, other)
    assert 'tiers: [{"a": 2}] then, [{"a": 1}] now' in said and "tags: 1 added: y" in said
