"""Errors that say what was expected, what was found, and where.

Every error raised for bad user input names the file and, where it applies,
the line, column and field, so that a researcher with a 600-line actor file
can go straight to the mistake.
"""

from __future__ import annotations

from pathlib import Path


class FramingError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(FramingError):
    """A corpus, lexicon, actor or issue file that cannot be used as given."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        expected: str | None = None,
        found: str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.column = column
        self.field = field
        self.expected = expected
        self.found = found
        self.reason = message
        super().__init__(self._format())

    def _format(self) -> str:
        where = []
        if self.path:
            where.append(self.path)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.column is not None:
            where.append(f"column {self.column}")
        if self.field:
            where.append(f"field '{self.field}'")
        text = self.reason
        if self.expected is not None:
            text += f"; expected {self.expected}"
        if self.found is not None:
            found = self.found if len(self.found) <= 80 else self.found[:77] + "..."
            text += f", found {found!r}"
        return f"{': '.join([', '.join(where), text]) if where else text}"


class ConfigError(InputError):
    """An actor, issue or lexicon definition that is malformed."""


class NotAvailableError(FramingError):
    """A feature that needs something this installation does not have."""


class GroupError(FramingError, KeyError):
    """A column to compare documents by that the documents table does not have (a ``KeyError`` too)."""

    def __str__(self) -> str:  # KeyError would print the message with quotes around it
        return str(self.args[0]) if self.args else ""


class MetricError(FramingError, KeyError):
    """A metric name that the analysis does not define (a ``KeyError`` too)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class OptionError(FramingError, ValueError):
    """An option that is not one of those offered (an analyzer, a table, an output format), or that does not
    fit an earlier run being resumed (a ``ValueError`` too)."""
