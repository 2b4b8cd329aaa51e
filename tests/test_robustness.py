"""Dirty input in, every document accounted for, nothing harmful out."""

from __future__ import annotations

import html
import random

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.cli import main
from framing.paths import inside, safe_name

PLACES = [
    "Doha",
    "Istanbul",
    "Kabul",
    "Islamabad",
    "Tehran",
    "Beijing",
    "Riyadh",
    "Ankara",
    "Quetta",
    "Peshawar",
    "Torkham",
    "Chaman",
    "Gwadar",
    "Karachi",
    "Kandahar",
    "Jalalabad",
    "Herat",
    "Lahore",
    "Bannu",
    "Tirah",
]


def article(n: int, sentences: int = 4) -> str:
    """A distinct little news text for file number ``n`` (so that only true copies look like duplicates)."""
    place = PLACES[n % len(PLACES)]
    out = []
    for k in range(sentences):
        out.append(
            f"On day {n * 10 + k} officials in {place} said talks number {k + 1} between Pakistan and "
            f"Afghanistan would go on, and analysts believe round {n}-{k} may bring a ceasefire."
        )
    return " ".join(out) + " "


ARTICLE = article(0)


def nasty_folder(root):
    """One file of each kind a real corpus throws at us."""
    root.mkdir()
    (root / "utf8.txt").write_text(article(1), encoding="utf-8")
    (root / "utf8_bom.txt").write_bytes(b"\xef\xbb\xbf" + ("Kabul said so. " + article(2)).encode("utf-8"))
    (root / "utf16.txt").write_bytes(("Islamabad replied. " + article(3)).encode("utf-16"))
    (root / "latin1.txt").write_bytes(("Caf\u00e9 diplomacy in Quetta. " + article(4)).encode("cp1252"))
    (root / "binary.dat.txt").write_bytes(bytes(random.Random(1).randrange(256) for _ in range(4000)) + b"\x00" * 200)
    (root / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (root / "report.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text(" \n\t \n", encoding="utf-8")
    (root / "page.html").write_text(
        "<html><head><title>Border talks</title><style>p{}</style><script>steal()</script></head><body>"
        f"<nav>Home | World</nav><p>{html.escape(article(5))}</p><p>Trade &amp; transit resumed.</p>"
        "<img src='http://example.com/tracker.gif'></body></html>",
        encoding="utf-8",
    )
    (root / "script.txt").write_text(
        "The TTP said <script>alert(1)</script> in a statement. " + article(6), encoding="utf-8"
    )
    (root / "controls.txt").write_text(
        "Pakistan\x00 said\x07 the\x1b border\u200b is closed. " + article(7), encoding="utf-8"
    )
    (root / "longline.txt").write_text(article(8, 400).replace(". ", ", "), encoding="utf-8")
    (root / "big.txt").write_text("\n\n".join(article(9 + 20 * k) for k in range(400)), encoding="utf-8")
    (root / "german.txt").write_text(
        "Die Regierung in Islamabad hat am Montag neue Gespräche mit der Regierung in Kabul angekündigt. " * 6,
        encoding="utf-8",
    )
    (root / "dup_a.txt").write_text("Qatar mediated again. " + article(10), encoding="utf-8")
    (root / "dup_b.txt").write_text("Qatar mediated again. " + article(10), encoding="utf-8")
    near = "\n".join(
        f"Sentence number {i} about the border crossing at Torkham was reported by officials." for i in range(20)
    )
    (root / "near_a.txt").write_text(near, encoding="utf-8")
    (root / "near_b.txt").write_text(
        near + "\nOne extra closing sentence was added by the second outlet.", encoding="utf-8"
    )
    (root / "pdf mess ñ.txt").write_text(
        "The negotiations between the two govern-\nments stalled after the attack on the\nborder post, officials "
        "said.The next round is due in March.\n\n12\n\nPage 3 of 9\n",
        encoding="utf-8",
    )
    (root / "punctuation.txt").write_text("!!! ??? ... --- ***", encoding="utf-8")
    return root


def test_a_folder_of_nasty_files_gives_a_complete_table_a_report_and_exit_0(tmp_path, capsys):
    folder = nasty_folder(tmp_path / "in")
    out = tmp_path / "out"
    code = main(["report", str(folder), "-o", str(out), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 0, err
    docs = pd.read_csv(out / "tables" / "documents.csv", keep_default_na=False).set_index("doc_id")
    files = sorted(p.stem for p in folder.iterdir())
    assert sorted(docs.index) == files  # one row per file
    status = docs["status"]
    assert status["utf8"] == "ok" and status["utf8_bom"] == "ok" and status["utf16"] == "ok"
    assert status["latin1"].startswith("warning") and "cp1252" in status["latin1"]
    for name, why in [
        ("binary.dat", "binary"),
        ("image", "PNG"),
        ("report", "not a readable Word file"),
        ("empty", "empty"),
        ("blank", "empty"),
    ]:
        assert status[name].startswith("skipped") and why in status[name], (name, status[name])
    assert status["german"].startswith("warning") and "English" in status["german"]
    assert "exact duplicate of dup_a" in status["dup_b"] and docs.loc["dup_b", "duplicate_of"] == "dup_a"
    assert "near duplicate of near_a" in status["near_b"]
    assert status["punctuation"].startswith("skipped")
    assert docs.loc["big", "n_words"] > 30_000 and docs.loc["longline", "n_words"] > 10_000
    assert (status[~status.index.isin(["dup_b", "near_b"])].str.contains("duplicate") == False).all()  # noqa: E712
    assert "converted from HTML" in status["page"] and docs.loc["page", "title"] == "Border talks"
    # every problem is named on the terminal too
    assert "binary.dat" in err and "german" in err
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "steal()" not in page and "example.com" not in page
    text = framing.load_corpus(folder)["pdf mess ñ"].text
    a = framing.analyze(framing.Corpus([framing.Document(id="p", text=text)]), actors=False)
    assert "governments stalled" in a.text("p") and "said. The next" in a.text("p")


def test_same_input_gives_byte_identical_tables_across_runs_and_jobs(tmp_path):
    corpus = framing.load_seeds()
    paths = []
    for k, jobs in enumerate((1, 2, 1)):
        a = framing.analyze(corpus, n_jobs=jobs)
        paths.append(a.save_tables(tmp_path / f"run{k}"))
    for first, *others in zip(*paths):
        for other in others:
            assert first.read_bytes() == other.read_bytes(), first.name


def test_output_names_cannot_escape_the_output_folder(tmp_path):
    assert safe_name("../../etc/passwd") == "etc_passwd"
    assert safe_name("Refugees & migration") == "refugees_migration"
    assert safe_name("") == "unnamed"
    assert inside(tmp_path, "a.csv") == (tmp_path / "a.csv").resolve()
    try:
        inside(tmp_path, "../escape.csv")
    except ValueError:
        pass
    else:
        raise AssertionError("a path outside the folder was accepted")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_any_unicode_document_gives_valid_offsets_and_the_same_result_twice(text):
    corpus = framing.Corpus([framing.Document(id="x", text=text, outlet="o")])
    a1 = framing.analyze(
        corpus, actors=framing.ActorSet.from_dict({"Pakistan": ["Pakistan", "Islamabad"]}), progress=False
    )
    a2 = framing.analyze(
        corpus, actors=framing.ActorSet.from_dict({"Pakistan": ["Pakistan", "Islamabad"]}), progress=False
    )
    assert len(a1.documents) == 1
    t = a1.text("x")
    for table in (a1.sentences, a1.mentions, a1.evidence):
        for row in table.itertuples(index=False):
            assert 0 <= row.start <= row.end <= len(t)
            assert t[row.start : row.end] == row.text
    for name in ("documents", "sentences", "mentions", "evidence"):
        assert getattr(a1, name).equals(getattr(a2, name))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.just(0.0), st.floats(-1e6, 1e6), st.integers(0, 10**6).map(float)), min_size=4, max_size=4)
)
def test_document_metrics_computed_without_numpy_equal_metric_compute(sums):
    """The formulas' plain-float branch (one document's sums) gives what their numpy branch gives."""
    import numpy as np

    from framing.pipeline import Pipeline

    for m in Pipeline().metric_list:
        vals = tuple(sums[: len(m.columns)]) + (1.0,) * max(0, len(m.columns) - len(sums))
        with np.errstate(over="ignore"):  # a tiny divisor: inf in both branches
            want = m.compute(tuple(map(np.float64, vals)))
        got = m.compute(vals)
        assert got == want or (got != got and want != want), m.name


# ---------------------------------------------------------------------- PDF-to-text debris at scale
# A student's PDF-to-text file can hold a line of 100,000 leader dots, thousands of one-word lines (a table
# read column by column) or a 50,000-letter token. Each once cost minutes (quadratic work); these tests count
# the work instead of timing it, so they fail on the quadratic code whatever the machine.


def test_a_run_of_full_stops_is_tried_once_as_a_sentence_boundary(monkeypatch):
    import framing.text as text_mod

    calls = []
    real = text_mod._BOUNDARY_RE

    class Counting:
        def match(self, *args):
            calls.append(args[1])
            return real.match(*args)

    monkeypatch.setattr(text_mod, "_BOUNDARY_RE", Counting())
    model = text_mod.TextModel("Leaders " + "." * 10_000 + " here. Then a new sentence starts. Another one!")
    assert len(calls) <= 5, len(calls)
    assert model.n_sentences == 3


def test_splitting_a_long_token_tries_only_cuts_that_leave_two_words():
    from framing.clean import _best_split

    looked_up = []

    class Frequencies(dict):
        def get(self, key, default=None):
            looked_up.append(key)
            return super().get(key, default)

    freq = Frequencies(happened=900, again=900)
    assert _best_split("happenedagain", freq, 50, longest=8) == 8
    looked_up.clear()
    assert _best_split("x" * 50_000, freq, 50, longest=8) == 0
    assert len(looked_up) <= 20


def test_a_line_near_a_header_marker_is_found_by_its_position_among_non_empty_lines():
    from framing.clean import Cleaner

    near = Cleaner()._near_header_marker
    nonempty = [0, 2, 5, 7, 9, 11, 13]
    out = {5: ("dateline", "date line")}
    assert near(3, nonempty, out)  # line 7: line 5 is two non-empty lines before
    assert near(0, nonempty, out)  # line 0: line 5 is two non-empty lines after
    assert not near(6, nonempty, out)  # line 13: lines 9 and 11 are not markers


def test_thousands_of_one_word_lines_and_a_line_of_dots_are_analysed():
    a = framing.analyze(
        [
            {"id": "column", "text": "Figures\n" + "value\n" * 20_000},
            {"id": "leaders", "text": "Contents " + "." * 100_000 + " 12\n\nThe talks failed, officials said."},
        ],
        actors=False,
        progress=False,
    )
    assert list(a.documents["doc_id"]) == ["column", "leaders"]
    assert a.documents["n_words"].gt(0).all()
