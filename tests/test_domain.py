"""A corpus folder's own actor and issue files (framing.domain): found, not read as documents, used by default."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.cli import main
from framing.errors import ConfigError, OptionError
from framing.score import score_to_file
from framing.seeds import seeds_path

ACTORS = """\
name: harbour towns
actors:
  - name: Fisheries Ministry
    type: institution
    aliases: [Ministry of Fisheries, fisheries ministry]
  - name: Harbour Board
    type: institution
    aliases: [Harbour Board]
"""

ISSUES = """\
name: harbour towns
issues:
  - name: fishing quotas
    keywords: [quota*, catch limit*, fishing fleet*]
"""

TEXTS = {
    "a.txt": "The Ministry of Fisheries praised the new quotas. The Harbour Board condemned the catch limits as unfair.\n",
    "b.txt": "Fishermen said the Harbour Board had failed them. The fisheries ministry did not reply to questions.\n",
}


def make_folder(root: Path, name: str = "harbours", actors: str | None = ACTORS, issues: str | None = ISSUES) -> Path:
    folder = root / name
    folder.mkdir()
    for file, text in TEXTS.items():
        (folder / file).write_text(text, encoding="utf-8")
    if actors is not None:
        (folder / "actors.yaml").write_text(actors, encoding="utf-8")
    if issues is not None:
        (folder / "issues.yaml").write_text(issues, encoding="utf-8")
    return folder


def test_the_folder_files_are_the_default_actors_and_issues_not_documents(tmp_path):
    folder = make_folder(tmp_path)
    corpus = framing.load_corpus(folder)
    assert corpus.ids == ["a", "b"]  # the YAML files are no documents (they were skipped rows before)
    assert corpus.domain is not None and corpus.domain.actors == folder / "actors.yaml"
    a = framing.analyze(corpus, progress=False)
    assert [x.name for x in a.pipeline.actors] == ["Fisheries Ministry", "Harbour Board"]
    assert a.pipeline.actors.source == str(folder / "actors.yaml")
    assert [i.name for i in a.pipeline.issues] == ["fishing quotas"]
    assert set(a.mentions["actor"]) == {"Fisheries Ministry", "Harbour Board"}
    assert a.documents["top_issue"].tolist() == ["fishing quotas", ""]  # b raises no issue
    by_path = framing.analyze(str(folder), progress=False)  # a path is loaded as load_corpus loads it
    pd.testing.assert_frame_equal(by_path.documents, a.documents)


def test_given_actors_and_issues_win_and_false_means_none(tmp_path):
    corpus = framing.load_corpus(make_folder(tmp_path))
    mine = framing.ActorSet.from_dict({"Fishermen": ["Fishermen"]})
    a = framing.analyze(corpus, actors=mine, issues=False, progress=False)
    assert [x.name for x in a.pipeline.actors] == ["Fishermen"]
    assert a.pipeline.issues is None
    assert framing.analyze(corpus, actors=False, progress=False).pipeline.actors is None


def test_a_folder_with_one_of_the_files_uses_it_and_discovers_the_rest(tmp_path):
    corpus = framing.load_corpus(make_folder(tmp_path, issues=None))
    a = framing.analyze(corpus, progress=False)
    assert [x.name for x in a.pipeline.actors] == ["Fisheries Ministry", "Harbour Board"]
    assert a.pipeline.issues is None
    corpus = framing.load_corpus(make_folder(tmp_path, name="other", actors=None))
    a = framing.analyze(corpus, progress=False)
    assert a.pipeline.actors is None or a.pipeline.actors.source.startswith("discovered")
    assert [i.name for i in a.pipeline.issues] == ["fishing quotas"]


def test_a_folder_named_seeds_is_not_taken_for_the_seed_corpus(tmp_path):
    """The seed actors and issues used to be chosen by the corpus's name: any folder called "seeds" got them."""
    corpus = framing.load_corpus(make_folder(tmp_path, name="seeds", actors=None, issues=None))
    assert corpus.name == "seeds" and corpus.domain is None
    a = framing.analyze(corpus, progress=False)
    assert a.pipeline.issues is None
    assert a.pipeline.actors is None or "Pakistan" not in [x.name for x in a.pipeline.actors]


def test_the_seed_folder_by_its_path_is_the_seed_corpus(seed_analysis):
    folder = seeds_path()
    if not isinstance(folder, Path):
        pytest.skip("the seeds are installed inside an archive: there is no folder path to load")
    a = framing.analyze(folder, progress=False)
    pd.testing.assert_frame_equal(a.documents, seed_analysis.documents)
    assert [x.name for x in a.pipeline.actors] == [x.name for x in seed_analysis.pipeline.actors]


def test_selections_keep_the_domain(seeds):
    assert seeds.domain is not None
    for part in (
        seeds[:2],
        seeds.head(2),
        seeds.sample(2),
        seeds.filter(lambda d: True),
        seeds.where(outlet=seeds.outlets[0]),
        seeds.select(seeds.ids[:1]),
    ):
        assert part.domain == seeds.domain
    assert framing.Corpus(list(seeds), name="seeds").domain is None  # a new corpus is given its domain, or has none


def test_a_malformed_folder_file_stops_the_analysis_naming_file_and_line(tmp_path):
    bad = ACTORS.replace("    aliases: [Harbour Board]\n", "    aliases: [Harbour Board\n")
    corpus = framing.load_corpus(make_folder(tmp_path, actors=bad))
    with pytest.raises(ConfigError) as info:
        framing.analyze(corpus, progress=False)
    message = str(info.value)
    assert "actors.yaml" in message and "line" in message


def test_two_spellings_of_one_file_warn_and_the_yaml_one_is_used(tmp_path):
    folder = make_folder(tmp_path)
    (folder / "actors.yml").write_text("actors: []\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"both actors\.yaml and actors\.yml"):
        corpus = framing.load_corpus(folder)
    assert corpus.domain.actors.name == "actors.yaml"
    assert corpus.ids == ["a", "b"]


def test_a_file_so_named_in_a_sub_folder_stays_a_skipped_document(tmp_path):
    folder = make_folder(tmp_path, actors=None, issues=None)
    (folder / "notes").mkdir()
    (folder / "notes" / "actors.yaml").write_text(ACTORS, encoding="utf-8")
    corpus = framing.load_corpus(folder)
    assert corpus.domain is None
    assert corpus["notes/actors"].status == "skipped"


def test_a_streamed_run_uses_the_folder_files_and_notices_an_edited_one_on_resume(tmp_path):
    folder = make_folder(tmp_path)
    out = tmp_path / "scores.csv"
    assert main(["score", str(folder), "-o", str(out), "--no-progress"]) == 0
    record = framing.runrecord.read_record(framing.runrecord.record_path(out))
    assert record["settings"]["actors"]["source"] == str(folder / "actors.yaml")
    assert record["settings"]["issues"]["names"] == ["fishing quotas"]
    assert pd.read_csv(out, keep_default_na=False)["top_issue"].tolist() == ["fishing quotas", ""]
    (folder / "c.txt").write_text("The Harbour Board set new quotas.\n", encoding="utf-8")
    summary = score_to_file(folder, out, progress=False, resume=True)  # the same files: goes on
    assert (summary.written, summary.resumed) == (1, 2)
    (folder / "actors.yaml").write_text(ACTORS.replace("[Harbour Board]", "[Harbour Board, port authority]"))
    (folder / "d.txt").write_text("The port authority stayed silent.\n", encoding="utf-8")
    with pytest.raises(OptionError, match="the actors"):
        score_to_file(folder, out, progress=False, resume=True)


def test_a_copy_of_the_seed_folder_with_an_article_added_keeps_the_seed_set_up(tmp_path, seed_analysis):
    folder = seeds_path()
    if not isinstance(folder, Path):
        pytest.skip("the seeds are installed inside an archive: there is no folder to copy")
    copy = Path(shutil.copytree(folder, tmp_path / "classroom"))
    (copy / "mine.txt").write_text("Pakistan accused the Afghan Taliban of sheltering militants.\n", encoding="utf-8")
    with (copy / "metadata.csv").open("a", encoding="utf-8") as f:
        f.write("mine,mine.txt,Class Gazette,Our own piece,,,news\n")
    corpus = framing.load_corpus(copy)
    assert len(corpus) == 6 and corpus["mine"].outlet == "Class Gazette"
    a = framing.analyze(corpus, progress=False)
    assert {"Pakistan", "Afghan Taliban"} <= set(a.mentions.loc[a.mentions["doc_id"] == "mine", "actor"])
    assert [i.name for i in a.pipeline.issues] == [i.name for i in seed_analysis.pipeline.issues]
    assert [x.name for x in a.pipeline.actors] == [x.name for x in seed_analysis.pipeline.actors]
