"""The record a streamed run keeps beside its tables: what was measured, with what, and when.

``framing score corpus.jsonl -o scores.parquet`` writes ``scores.run.json`` beside the output, in
the same atomic step as the tables (:mod:`framing.streamed`). It holds:

* ``settings``: everything that changes the figures. For each analyzer, its options
  (:meth:`~framing.analyzers.base.Analyzer.settings`) and a digest of each lexicon it reads; the
  actors in full (so that a resumed run can go on with the actors an earlier run discovered); a
  digest and the names of the issue set; the cleaning rules and a digest of their patterns.
* ``runs``: one entry per run that wrote to the output (framing and Python versions, when it
  started and finished, how many documents it wrote and how many it found already written).

A resumed run compares its own settings with the record and refuses to go on when they differ
(:func:`differences`): the rows of the output would otherwise have been measured in two ways, and
no comparison between them would mean anything. A digest is the first 16 hexadecimal digits of the
SHA-256 of the item's canonical JSON (sorted keys), so it does not depend on the order in which a
file lists its entries or on the Python process.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import InputError

__all__ = [
    "analysis_record",
    "describe",
    "differences",
    "digest",
    "new_record",
    "read_record",
    "record_path",
    "run_entry",
]

_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")

#: the version of the record's layout (a newer framing reads older records)
LAYOUT = 1


def record_path(out: str | Path) -> Path:
    """Where the record of the run that wrote ``out`` is: ``scores.parquet`` → ``scores.run.json``."""
    out = Path(out)
    return out.with_name(f"{out.stem}.run.json")


def digest(data: Any) -> str:
    """The first 16 hex digits of the SHA-256 of ``data``'s canonical JSON (sorted keys, no spaces)."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def lexicon_digest(lexicon: Any) -> str:
    """A digest of a lexicon's entries (term, category, weight and extra fields), in any order of its rows; for
    an object of an analyzer of one's own that is not a :class:`~framing.lexicons.Lexicon`, of its text."""
    try:
        rows = sorted(
            (e.term, e.category, float(e.weight), sorted((str(k), str(v)) for k, v in e.extra.items())) for e in lexicon
        )
    except (AttributeError, TypeError, ValueError):
        return digest(_json_safe(lexicon))
    return digest(rows)


def _json_safe(value: Any) -> Any:
    """``value`` as JSON holds it (tuples and sets become lists, other objects their text)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(_json_safe(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    # another object's text, without the memory address of a default repr ("<Model object at 0x7f…>"), which
    # differs from one process to the next and would make every resumed run look differently set up
    return _ADDRESS.sub("", str(value))


def _analyzer(analyzer: Any) -> dict[str, Any]:
    lexicons: dict[str, str] = {}
    for lex in analyzer.lexicons():
        name = str(getattr(lex, "name", "lexicon"))
        key, k = name, 2
        while key in lexicons:  # two lexicons of one analyzer with the same name
            key, k = f"{name} ({k})", k + 1
        lexicons[key] = lexicon_digest(lex)
    cls = type(analyzer)
    return {
        "class": f"{cls.__module__}.{cls.__qualname__}",
        "options": _json_safe(analyzer.settings()),
        "lexicons": lexicons,
    }


def describe(pipeline: Any) -> dict[str, Any]:
    """The settings of ``pipeline`` that change the figures (see the module docstring), as JSON data."""
    actors = pipeline.actors
    issues = pipeline.issues
    cleaner = pipeline.cleaner
    # actors in order of name: the order of an actor file does not change what is found
    actor_data = {"actors": sorted(actors.to_dict()["actors"], key=lambda a: a["name"])} if actors is not None else None
    issue_data = issues.to_dict() if issues is not None and hasattr(issues, "to_dict") else None
    return {
        "analyzers": {a.name: _analyzer(a) for a in pipeline.analyzers},
        "actors": None
        if actor_data is None  # None exactly when there are no actors
        else {"source": actors.source, "digest": digest(actor_data), "n": len(actors), **actor_data},
        "issues": None
        if issues is None
        else {
            "source": getattr(issues, "source", ""),
            "digest": digest(issue_data),
            "names": [i.name for i in issues],
        },
        "cleaner": _json_safe(cleaner.settings()),
    }


def run_entry(started: datetime, written: int, resumed: int) -> dict[str, Any]:
    """One run's entry in the record's ``runs``: versions, start and end (UTC), documents written and found."""
    from . import __version__

    return {
        "framing": __version__,
        "python": platform.python_version(),
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "written": written,
        "already_written": resumed,
    }


def new_record(tables: Iterable[str], settings: dict[str, Any], runs: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """A record: its layout, the tables it describes, the settings that measured them and the runs that wrote them."""
    return {"layout": LAYOUT, "tables": list(tables), "settings": settings, "runs": list(runs)}


def analysis_record(pipeline: Any, tables: Iterable[str], n_documents: int) -> dict[str, Any]:
    """The record :meth:`framing.Analysis.save_tables` writes beside the tables (``run.json``): the settings, the
    tables and the number of documents, with the framing and Python versions; no times, so that the same input
    gives the same file, byte for byte, like the tables."""
    from . import __version__

    run = {"framing": __version__, "python": platform.python_version(), "written": n_documents}
    return new_record(tables, describe(pipeline), [run])


def read_record(path: str | Path) -> dict[str, Any] | None:
    """The record at ``path``; ``None`` when there is none (an output written before records were kept).

    Raises :class:`~framing.errors.InputError` naming the file when it is there but cannot be read."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"cannot read the run record: {exc.strerror or exc}", path=path) from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"the run record is not valid JSON ({exc})", path=path) from exc
    if not isinstance(data, dict) or not isinstance(data.get("settings"), dict):
        raise InputError("the run record has no settings: not a record framing wrote", path=path)
    return data


def differences(earlier: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """What differs between two :func:`describe` results, one phrase each ("the actors (2 added: A, B)")."""
    out: list[str] = []
    a0, a1 = earlier.get("analyzers", {}), now.get("analyzers", {})
    if list(a0) != list(a1):
        out.append(f"the analyzers ({_names(a0) or 'none'} then, {_names(a1) or 'none'} now)")
    for name in (n for n in a1 if n in a0):
        before, after = a0[name], a1[name]
        opts = _changed(before.get("options", {}), after.get("options", {}))
        if opts:
            out.append(f"the {name} analyzer's options ({opts})")
        lex0, lex1 = before.get("lexicons", {}), after.get("lexicons", {})
        changed = sorted(k for k in set(lex0) | set(lex1) if lex0.get(k) != lex1.get(k))
        if changed:
            out.append(f"the {name} analyzer's lexicons ({', '.join(changed)})")
        elif before.get("class") != after.get("class"):
            out.append(f"the {name} analyzer ({before.get('class')} then, {after.get('class')} now)")
    act0, act1 = earlier.get("actors"), now.get("actors")
    if (act0 or {}).get("digest") != (act1 or {}).get("digest"):
        out.append(f"the actors ({_actor_change(act0, act1)})")
    iss0, iss1 = earlier.get("issues"), now.get("issues")
    if (iss0 or {}).get("digest") != (iss1 or {}).get("digest"):
        n0, n1 = (iss0 or {}).get("names", []), (iss1 or {}).get("names", [])
        what = "the same names, other definitions" if n0 == n1 else _set_change(n0, n1)
        out.append(f"the issues ({what})")
    c0, c1 = earlier.get("cleaner", {}), now.get("cleaner", {})
    if c0.get("enabled", True) != c1.get("enabled", True):
        out.append(f"the cleaning ({'on then, off now' if c1.get('enabled') is False else 'off then, on now'})")
    elif c0 != c1:
        out.append(f"the cleaning ({_changed(c0, c1) or 'other settings'})")
    return out


def _names(analyzers: Iterable[str]) -> str:
    return ", ".join(analyzers)


def _changed(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    keys = [k for k in dict.fromkeys([*before, *after]) if before.get(k) != after.get(k)]
    said = []
    for k in keys[:4]:
        b, a = before.get(k), after.get(k)
        if isinstance(b, list) and isinstance(a, list) and all(isinstance(x, str) for x in (*b, *a)):
            said.append(f"{k}: {_set_change(b, a)}")
        else:
            said.append(f"{k}: {_short(b)} then, {_short(a)} now")
    return "; ".join(said) + (f"; and {len(keys) - 4} more" if len(keys) > 4 else "")


def _short(value: Any) -> str:
    text = "not set" if value is None else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def _set_change(before: Iterable[str], after: Iterable[str]) -> str:
    b, a = list(before), list(after)
    in_b, in_a = set(b), set(a)
    added = [x for x in a if x not in in_b]
    removed = [x for x in b if x not in in_a]
    said = []
    if added:
        said.append(f"{len(added)} added: {_few(added)}")
    if removed:
        said.append(f"{len(removed)} removed: {_few(removed)}")
    return "; ".join(said) or "the same items, in another order"


def _few(items: list[str], most: int = 4) -> str:
    return ", ".join(items[:most]) + (f" and {len(items) - most} more" if len(items) > most else "")


def _actor_change(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> str:
    if before is None:
        return f"none then, {after.get('n', 0) if after else 0} now"
    if after is None:
        return f"{before.get('n', 0)} then, none now"
    names0 = [a["name"] for a in before.get("actors", [])]
    names1 = [a["name"] for a in after.get("actors", [])]
    if names0 != names1:
        return _set_change(names0, names1)
    forms0 = {a["name"]: a for a in before.get("actors", [])}
    other = [a["name"] for a in after.get("actors", []) if forms0.get(a["name"]) != a]
    return f"the same names, other forms or types for {_few(other)}" if other else "other definitions"
