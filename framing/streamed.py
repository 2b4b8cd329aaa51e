"""The tables a streamed run writes: crash-safe while it runs, atomic when it ends, resumable after a crash.

A run writes each chunk of documents as one *part* per table in a hidden folder beside the
output (``scores.parquet`` → ``.scores.parquet.partial/``). A part is written under a temporary
name, flushed to disk and renamed, so it is there whole or not at all; the documents table's
part is written last, so a chunk counts as done only when every table has it. When the run
ends, the parts (after the rows of an earlier output, when resuming) are joined into a
temporary file per table that replaces the output in one rename, and the folder is removed.

After a crash (an exception, Ctrl-C, a killed process, a lost machine) the output is as it
was before the run and the folder keeps every finished chunk: ``resume=True`` reads the
document ids of the output and of the parts, skips those documents and goes on numbering
parts after the last finished one, so at most one chunk's work is lost. Without ``resume``
a run starts afresh and clears the folder.

The record of the runs that wrote an output (:mod:`framing.runrecord`: the settings, and when
each run was made) is kept in the folder's manifest while a run goes on and replaces
``scores.run.json`` beside the output when it ends, in the same step as the tables, so the
record always describes the tables beside it.

The document fingerprints of a run (for the duplicate check, :mod:`framing.duplicates`) are
kept the same way, in a hidden file beside the output (``.scores.parquet.fingerprints``,
one JSON line per document): a resumed run compares its documents with every document
already in the output, as an uninterrupted run would have.

Joining copies the earlier output and the parts in pieces (bytes for CSV and JSON lines, row
groups for Parquet), so memory stays flat however long the output.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pandas as pd

from .errors import OptionError
from .export import FORMATS, LISTS, flatten_lists, join_items
from .runrecord import new_record, read_record, record_path

__all__ = ["StreamedTables", "partial_folder", "saved_chunks"]

_COPY_BYTES = 1 << 20


def _fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def _atomic(path: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A file written under a temporary name, flushed to disk and renamed to ``path``: there whole or not at all."""
    tmp = path.with_name(path.name + ".tmp")
    text_args: dict[str, Any] = {} if "b" in mode else {"encoding": "utf-8", "newline": ""}
    with open(tmp, mode, **text_args) as fh:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _concat(out: IO[bytes], sources: Iterable[Path]) -> None:
    """Append the bytes of each of ``sources`` to ``out`` (in pieces: memory stays flat)."""
    for src in sources:
        with open(src, "rb") as fh:
            shutil.copyfileobj(fh, out, _COPY_BYTES)


def _json_default(v: Any) -> Any:
    try:
        return float(v)
    except (TypeError, ValueError):
        return str(v)


def _as_text(v: Any) -> str | None:
    if v is None or isinstance(v, str):
        return v
    return join_items(v) if isinstance(v, LISTS) else str(v)


def _as_text_list(v: Any) -> list[str] | None:
    if v is None:
        return None
    return [str(x) for x in v] if isinstance(v, LISTS) else [str(v)]


def _parquet_table(df: pd.DataFrame, schema: Any = None) -> Any:
    """``df`` as a pyarrow table with one type per column: object columns as strings (or None), and columns of
    lists (a sentence's issues and frames) as lists of strings, as :func:`framing.export.write_table` writes them
    (they used to become the text of a Python tuple, "('a', 'b')"); where ``schema`` (an output being resumed)
    holds such a column as text, its lists are "; "-joined, as in CSV."""
    import pyarrow as pa

    out = df.copy()
    for c in out.columns:
        if out[c].dtype != object:
            continue
        lists = out[c].map(lambda v: isinstance(v, LISTS)).any()
        kind = schema.field(c).type if schema is not None and c in schema.names else None
        as_text = kind is not None and (pa.types.is_string(kind) or pa.types.is_large_string(kind))
        out[c] = out[c].map(_as_text_list if lists and not as_text else _as_text)
    table = pa.Table.from_pandas(out, preserve_index=False)
    fields = [
        pa.field(f.name, pa.list_(pa.string()))
        if pa.types.is_list(f.type) and pa.types.is_null(f.type.value_type)
        else f
        for f in table.schema
    ]
    return table.cast(pa.schema(fields, metadata=table.schema.metadata))  # lists that were all empty: of strings


def _part_number(part: Path) -> int:
    """The chunk number of a part or fingerprint file (``mentions-000012.csv`` → 12)."""
    return int(part.stem.rsplit("-", 1)[1])


def partial_folder(out: str | Path) -> Path:
    """The hidden folder beside ``out`` where a run keeps its finished chunks until it ends."""
    out = Path(out)
    return out.with_name(f".{out.name}.partial")


def saved_chunks(out: str | Path) -> int:
    """How many finished chunks an interrupted run over ``out`` has kept for ``--resume``."""
    return len(list(partial_folder(out).glob("documents-[0-9]*")))


class _Table:
    """One table of the run: its output file, its parts and the columns its first rows fixed."""

    def __init__(self, name: str, path: Path, folder: Path, suffix: str) -> None:
        self.name = name
        self.path = path
        self.folder = folder
        self.suffix = suffix
        self.columns: list[str] | None = None
        self.schema: Any = None  # Parquet: the schema every part is cast to
        self.earlier = False  # whether the output's rows stay, before the new ones (a resumed run)

    def part(self, n: int) -> Path:
        return self.folder / f"{self.name}-{n:06d}{self.suffix}"

    def parts(self) -> list[Path]:
        return sorted(self.folder.glob(f"{self.name}-[0-9][0-9][0-9][0-9][0-9][0-9]{self.suffix}"))

    # ------------------------------------------------------------------ columns
    def has_rows(self) -> bool:
        """Whether the output file holds at least one row (an empty one fixes no columns and is not kept)."""
        if self.suffix == ".parquet":
            import pyarrow.parquet as pq

            return pq.ParquetFile(self.path).metadata.num_rows > 0
        if self.suffix == ".csv":
            return len(pd.read_csv(self.path, nrows=1)) > 0
        with open(self.path, encoding="utf-8") as fh:
            return any(line.strip() for line in fh)

    def read_columns(self) -> list[str]:
        """The columns of the existing output (for Parquet, its schema becomes the table's too)."""
        if self.suffix == ".parquet":
            import pyarrow.parquet as pq

            self.schema = pq.read_schema(self.path)
            return [c for c in self.schema.names if c != "__index_level_0__"]
        if self.suffix == ".csv":
            return list(pd.read_csv(self.path, nrows=0).columns)
        with open(self.path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    return list(json.loads(line))
        return []

    def fix(self, df: pd.DataFrame) -> pd.DataFrame:
        """``df`` with the table's columns (the first rows written fix them; JSON lines keep new ones at the end)."""
        if self.columns is None:
            self.columns = list(df.columns)
            return df
        extra = [c for c in df.columns if c not in self.columns]
        if self.suffix in (".jsonl", ".ndjson"):
            return df.reindex(columns=self.columns + extra)
        return df.reindex(columns=self.columns)

    # ------------------------------------------------------------------ writing
    def write_part(self, df: pd.DataFrame, n: int) -> None:
        df = self.fix(df)
        if self.suffix == ".parquet":
            import pyarrow.parquet as pq

            table = _parquet_table(df, self.schema)
            if self.schema is None:
                self.schema = table.schema
            else:
                table = table.cast(self.schema, safe=False)
            with _atomic(self.part(n), "wb") as fh:
                pq.write_table(table, fh)
        elif self.suffix == ".csv":
            with _atomic(self.part(n)) as fh:
                flatten_lists(df).to_csv(fh, index=False, header=False)
        else:
            with _atomic(self.part(n)) as fh:
                for rec in df.to_dict("records"):
                    fh.write(json.dumps(rec, ensure_ascii=False, default=_json_default) + "\n")

    def join(self, parts: list[Path], joined: Path) -> None:
        """The earlier output (when kept) and ``parts``, in order, into ``joined`` (then renamed into place)."""
        earlier = self.path if self.earlier and self.path.exists() else None
        with _atomic(joined, "wb") as out:
            if self.suffix == ".parquet":
                self._join_parquet(out, [earlier, *parts] if earlier is not None else parts)
                return
            if earlier is not None:
                _concat(out, [earlier])
                if out.tell() and not self._ends_with_newline(earlier):
                    out.write(b"\n")
            elif self.suffix == ".csv":
                out.write(pd.DataFrame(columns=self.columns or ["doc_id"]).to_csv(index=False).encode("utf-8"))
            _concat(out, parts)

    @staticmethod
    def _ends_with_newline(path: Path) -> bool:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            if fh.tell() == 0:
                return True
            fh.seek(-1, os.SEEK_END)
            return fh.read(1) == b"\n"

    def _join_parquet(self, out: IO[bytes], sources: list[Path]) -> None:
        """The row groups of ``sources``, cast to the table's schema, into one Parquet file."""
        import pyarrow.parquet as pq

        schema = self.schema
        if schema is None and sources:
            schema = pq.read_schema(sources[0])
        if schema is None:  # no rows at all: an empty table with the columns known
            pd.DataFrame(columns=self.columns or ["doc_id"]).to_parquet(out, index=False)
            return
        with pq.ParquetWriter(out, schema) as writer:
            for src in sources:
                f = pq.ParquetFile(src)
                for i in range(f.num_row_groups):
                    t = f.read_row_group(i)
                    if not t.schema.equals(schema, check_metadata=False):
                        t = t.cast(schema, safe=False)
                    writer.write_table(t)

    # ------------------------------------------------------------------ reading back
    def ids(self, source: Path, header: bool) -> Iterator[str]:
        """The ``doc_id`` of every row of an output (``header``) or part."""
        if self.suffix == ".parquet":
            import pyarrow.parquet as pq

            yield from map(str, pq.read_table(source, columns=["doc_id"]).column("doc_id").to_pylist())
        elif self.suffix == ".csv":
            if header:
                df = pd.read_csv(source, usecols=["doc_id"], dtype={"doc_id": str}, keep_default_na=False)
            else:
                cols = self.columns or []
                if "doc_id" not in cols:
                    return
                df = pd.read_csv(
                    source, header=None, names=cols, usecols=["doc_id"], dtype={"doc_id": str}, keep_default_na=False
                )
            yield from df["doc_id"].astype(str)
        else:
            with open(source, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield str(json.loads(line)["doc_id"])


class StreamedTables:
    """The output tables of one streamed run (:func:`framing.score.score_to_file`).

    ``paths`` maps each table name to its output file (``"documents"`` first; all in one format).
    ``resume`` keeps the earlier output and the finished chunks of an interrupted run;
    otherwise they are replaced. ``fingerprints`` keeps the documents' duplicate-check
    fingerprints beside the output for a later resume.
    """

    def __init__(self, paths: dict[str, Path], resume: bool = False, fingerprints: bool = True) -> None:
        if next(iter(paths), None) != "documents":
            raise ValueError("the documents table comes first")
        out = paths["documents"]
        suffix = out.suffix.lower()
        if suffix not in FORMATS:
            raise OptionError(f"output must be .csv, .jsonl or .parquet, not {out.suffix!r}")
        for p in paths.values():
            p.parent.mkdir(parents=True, exist_ok=True)
        self.folder = partial_folder(out)
        self.fingerprint_file = out.with_name(f".{out.name}.fingerprints")
        self.record_file = record_path(out)
        #: the settings and earlier runs of the output being written (see :meth:`start_record`)
        self.record: dict[str, Any] | None = None
        #: the record (:mod:`framing.runrecord`) of the rows a resumed run goes on from: the interrupted run's (kept
        #: in the folder's manifest) or the finished output's; ``None`` when there are no such rows, or when they
        #: were written by a version of framing that kept no record
        self.earlier_record: dict[str, Any] | None = None
        self.keep_fingerprints = fingerprints
        self.tables = {name: _Table(name, p, self.folder, suffix) for name, p in paths.items()}
        self._manifest = self.folder / "manifest.json"
        self.next_part = 0
        self.keep_earlier = False  # whether the output's earlier rows stay (a resumed run appends to them)
        if self.folder.is_file():  # left by an earlier version of framing (one temporary file, not resumable)
            self.folder.unlink()
        manifest = self._read_manifest()
        if manifest.get("joined"):  # the last run over this output stopped while renaming its tables into place
            self._finish(manifest)
            manifest = {}
        if resume:
            # an interrupted fresh run was going to replace the output: its finished chunks do not add to it
            self.keep_earlier = bool(manifest.get("keep_earlier", True))
            if self.keep_earlier:
                self._check_earlier_outputs()
            self._recover(manifest)
            # the settings the rows already written were measured with: the interrupted run's, else the output's
            self.earlier_record = manifest.get("record") if self.folder.is_dir() else None
            if self.earlier_record is None and self.tables["documents"].earlier:
                self.earlier_record = read_record(self.record_file)
        else:
            shutil.rmtree(self.folder, ignore_errors=True)
        self._started = False  # the folder and its manifest are made with the first chunk

    def _start(self) -> None:
        if not self._started:
            self.folder.mkdir(exist_ok=True)
            self._write_manifest()
            self._started = True

    # ------------------------------------------------------------------ resume
    def _check_earlier_outputs(self) -> None:
        there = {name: t.path.exists() for name, t in self.tables.items()}
        if there["documents"] and not all(there.values()):
            missing = ", ".join(n for n, ok in there.items() if not ok)
            raise OptionError(
                f"cannot resume: {self.tables['documents'].path} exists but the {missing} table does not "
                "(the earlier run wrote other tables); resume with the same tables, or start afresh"
            )
        if not there["documents"] and any(there.values()):
            extra = ", ".join(n for n, ok in there.items() if ok)
            raise OptionError(
                f"cannot resume: the {extra} table exists without {self.tables['documents'].path}; start afresh"
            )
        for t in self.tables.values():
            if t.path.exists() and t.has_rows():
                t.earlier = True
                t.columns = t.read_columns()

    def _read_manifest(self) -> dict[str, Any]:
        """What an interrupted run recorded (empty when there was none)."""
        if not self.folder.is_dir():
            return {}
        try:
            return json.loads(self._manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # interrupted before its first chunk: nothing of it is kept

    def _recover(self, manifest: dict[str, Any]) -> None:
        """Keep the finished chunks of an interrupted run; drop its unfinished ones."""
        if not self.folder.is_dir():
            return
        if not manifest:  # no readable record of what the parts are: none of them is trusted
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        tables = manifest.get("tables")
        if tables is not None and sorted(tables) != sorted(self.tables):
            raise OptionError(
                f"cannot resume: the interrupted run wrote the tables {', '.join(tables)}, this one asks for "
                f"{', '.join(self.tables)}; resume with the same tables, or start afresh"
            )
        for name, cols in manifest.get("columns", {}).items():
            t = self.tables.get(name)
            if t is not None and t.columns is None:
                t.columns = cols
        for p in self.folder.glob("*.tmp"):
            p.unlink()
        done = {_part_number(p) for p in self.tables["documents"].parts()}
        for t in self.tables.values():
            for p in t.parts():
                if _part_number(p) not in done:
                    p.unlink()  # a chunk interrupted before its documents part was written
        for p in self.folder.glob("fingerprints-*.jsonl"):
            if _part_number(p) not in done:
                p.unlink()
        self.next_part = max(done) + 1 if done else 0
        # the columns come from the manifest (written before the first chunk was done); Parquet parts share a schema
        for t in self.tables.values():
            parts = t.parts()
            if parts and t.suffix == ".parquet" and t.schema is None:
                import pyarrow.parquet as pq

                t.schema = pq.read_schema(parts[0])

    def start_record(self, settings: dict[str, Any]) -> None:
        """Record this run's ``settings``: the output's record keeps them, after the earlier runs' entries
        when resuming (an output whose earlier rows have no record says so)."""
        earlier = self.earlier_record
        self.record = new_record(self.tables, settings, earlier.get("runs", []) if earlier else [])
        unrecorded = self.tables["documents"].earlier and earlier is None
        if unrecorded or (earlier or {}).get("earlier_unrecorded"):
            self.record["earlier_unrecorded"] = True  # rows written before records were kept

    def columns_of(self, name: str) -> list[str] | None:
        """The columns that table ``name`` already has (from the earlier output or an interrupted run's record),
        which a resumed run's rows are fitted to; ``None`` when no rows have fixed them yet."""
        t = self.tables[name]
        return list(t.columns) if t.columns is not None else None

    def done_ids(self) -> set[str]:
        """The ids of the documents already written: in the earlier output and the finished chunks."""
        t = self.tables["documents"]
        ids: set[str] = set()
        if t.earlier:
            ids.update(t.ids(t.path, header=True))
        for p in t.parts():
            ids.update(t.ids(p, header=False))
        return ids

    def earlier_fingerprints(self) -> Iterator[tuple[str, int, tuple[int, ...]]]:
        """``(doc_id, whole, sketch)`` of the documents already written, in the order they were analysed."""
        sources = []
        if self.tables["documents"].earlier and self.fingerprint_file.exists():
            sources.append(self.fingerprint_file)
        sources += sorted(self.folder.glob("fingerprints-*.jsonl"))
        for src in sources:
            with open(src, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        doc_id, whole, sketch = json.loads(line)
                        yield doc_id, whole, tuple(sketch)

    # ------------------------------------------------------------------ writing
    def _write_manifest(self, joined: bool = False) -> dict[str, Any]:
        data = {
            "joined": joined,
            "keep_earlier": self.keep_earlier,
            "fingerprints": self.keep_fingerprints,
            "paths": {n: str(t.path) for n, t in self.tables.items()},
            "tables": list(self.tables),
            "columns": {n: t.columns for n, t in self.tables.items() if t.columns is not None},
            "record": self.record,
            "record_path": str(self.record_file),
        }
        with _atomic(self._manifest) as fh:
            json.dump(data, fh)
        return data

    def write_chunk(
        self, frames: dict[str, pd.DataFrame], fingerprints: Iterable[tuple[str, int, tuple[int, ...]]] = ()
    ) -> None:
        """One chunk: a part per table (an empty frame writes no part), the documents table's last."""
        self._start()
        n = self.next_part
        docs = self.tables["documents"]
        unfixed = [name for name, t in self.tables.items() if t.columns is None]
        for name, t in self.tables.items():
            df = frames.get(name)
            if name != "documents" and df is not None and len(df):
                t.write_part(df, n)
        if self.keep_fingerprints:
            with _atomic(self.folder / f"fingerprints-{n:06d}.jsonl") as fh:
                for doc_id, whole, sketch in fingerprints:
                    fh.write(json.dumps([doc_id, whole, list(sketch)]) + "\n")
        doc_frame = docs.fix(frames["documents"])
        if any(self.tables[name].columns is not None for name in unfixed):
            self._write_manifest()  # the columns of CSV parts (written without a header), before the chunk is done
        docs.write_part(doc_frame, n)
        _fsync_dir(self.folder)
        self.next_part = n + 1

    def commit(self, run: dict[str, Any] | None = None) -> None:
        """Join every table into its output and clear the folder; ``run`` (this run's entry) is added to the
        record's runs, and the record replaces the one beside the output (when :meth:`start_record` made one).

        Each table is first joined into a file in the folder; the manifest then records that the run is
        joined, and the files are renamed into place (the documents table last). A run stopped among those
        renames is finished by the next run over the same output (:meth:`_finish`), so the tables never
        end up half old and half new.
        """
        self._start()
        for t in self.tables.values():
            t.join(t.parts(), self._joined(t.name, t.suffix))
        if self.keep_fingerprints:
            earlier = self.tables["documents"].earlier and self.fingerprint_file.exists()
            with _atomic(self._joined("fingerprints", ""), "wb") as out:
                _concat(out, [self.fingerprint_file] if earlier else [])
                _concat(out, sorted(self.folder.glob("fingerprints-*.jsonl")))
        if self.record is not None:
            self.record["runs"].extend([run] if run else [])
            with _atomic(self._joined("run", ".json")) as fh:
                json.dump(self.record, fh, ensure_ascii=False, indent=1)
        _fsync_dir(self.folder)
        self._finish(self._write_manifest(joined=True))

    def _joined(self, name: str, suffix: str) -> Path:
        return self.folder / f"joined-{name}{suffix}"

    def _finish(self, manifest: dict[str, Any]) -> None:
        """Rename the record and the joined tables of a finished run into place (documents last) and remove the
        folder."""
        paths = {name: Path(p) for name, p in manifest.get("paths", {}).items()}
        suffix = paths["documents"].suffix.lower() if "documents" in paths else ""
        joined = self._joined("run", ".json")
        if joined.exists():  # before the tables: the documents table, renamed last, ends the run
            os.replace(joined, manifest["record_path"])
        elif manifest.get("record_path") and manifest.get("record") is None:
            # a run that kept no record: the one there would no longer describe the tables
            with contextlib.suppress(FileNotFoundError):
                Path(manifest["record_path"]).unlink()
        for name in sorted(paths, key=lambda n: n == "documents"):
            joined = self._joined(name, suffix)
            if joined.exists():
                os.replace(joined, paths[name])
        joined = self._joined("fingerprints", "")
        if joined.exists():
            os.replace(joined, self.fingerprint_file)
        elif not manifest.get("fingerprints", True):
            with contextlib.suppress(FileNotFoundError):
                self.fingerprint_file.unlink()  # it would no longer cover every document of the output
        if "documents" in paths:
            _fsync_dir(paths["documents"].parent)
        shutil.rmtree(self.folder, ignore_errors=True)
