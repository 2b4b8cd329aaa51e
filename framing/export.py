"""Writing tables to CSV and Parquet, atomically.

List-valued cells (a sentence's issues) become ``"; "``-joined strings in CSV
and stay lists in Parquet. Each file is written under a temporary name and
renamed, so a crash never leaves a half-written table.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import OptionError
from .paths import inside, safe_name
from .runrecord import analysis_record

if TYPE_CHECKING:
    from .analysis import Analysis

__all__ = ["FORMATS", "LISTS", "flatten_lists", "join_items", "save_tables", "split_items", "write_table"]

TABLES = ("documents", "sentences", "mentions", "evidence", "cleaning")
#: The file formats of a table, by extension (JSON lines under either name).
FORMATS = (".csv", ".jsonl", ".ndjson", ".parquet")
#: Rows written to a CSV file at a time.
CSV_ROWS = 50_000
#: The cells that hold several items (a sentence's issues); in a text-only format they are joined with "; ".
LISTS = (list, tuple, set, frozenset)
_SEPARATOR = "; "


def join_items(value: Any) -> Any:
    """A list cell as text (``("a", "b")`` → ``"a; b"``); any other value as it is."""
    return _SEPARATOR.join(map(str, value)) if isinstance(value, LISTS) else value


def split_items(text: str) -> tuple[str, ...]:
    """The items of a list cell written as text (:func:`join_items`); ``""`` has none."""
    return tuple(text.split(_SEPARATOR)) if text else ()


def flatten_lists(df: pd.DataFrame) -> pd.DataFrame:
    """Join list/tuple cells with ``"; "`` (for CSV)."""
    out = df
    for c in df.columns:
        if df[c].dtype == object and df[c].map(lambda v: isinstance(v, LISTS)).any():
            if out is df:
                out = df.copy()
            out[c] = df[c].map(join_items)
    return out


def write_table(df: pd.DataFrame, path: str | Path) -> Path:
    """Write one table; the format follows the extension (.csv, .parquet, .jsonl)."""
    p = Path(path)
    tmp = p.with_name(f".{p.name}.tmp")
    suffix = p.suffix.lower()
    if suffix == ".csv":
        # a block of rows at a time: flattening the list cells copies the block, not the whole table (the
        # sentences table of 12,000 articles is some 700 MB); the file is the same as from one call
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            for start in range(0, max(len(df), 1), CSV_ROWS):
                flatten_lists(df.iloc[start : start + CSV_ROWS]).to_csv(fh, index=False, header=start == 0)
    elif suffix == ".parquet":
        df.to_parquet(tmp, index=False)
    elif suffix in FORMATS:  # JSON lines
        df.to_json(tmp, orient="records", lines=True, force_ascii=False)
    else:
        raise OptionError(f"unknown table format {suffix!r}: use .csv, .parquet or .jsonl")
    os.replace(tmp, p)
    return p


def write_file(data: str | bytes, path: str | Path) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` whole or not at all: through a temporary file renamed into place."""
    p = Path(path)
    tmp = p.with_name(f".{p.name}.tmp")
    tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    os.replace(tmp, p)
    return p


def save_tables(a: Analysis, out_dir: str | Path, formats: Sequence[str] = ("csv",)) -> list[Path]:
    """Write every table into ``out_dir`` in each of ``formats``, and ``run.json``, the record of the settings
    that measured them (:func:`framing.runrecord.analysis_record`)."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    names = (*TABLES, *a.table_names)
    for name in names:
        df = getattr(a, name) if name in TABLES else a.table(name)
        for fmt in formats:
            written.append(write_table(df, inside(out, f"{safe_name(name)}.{fmt}")))
    # what measured them (framing.runrecord): the analyzers' options and lexicons, the actors, issues and cleaning
    record = analysis_record(a.pipeline, names, len(a.documents))
    written.append(write_file(json.dumps(record, ensure_ascii=False, indent=1) + "\n", inside(out, "run.json")))
    return written
