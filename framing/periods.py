"""Periods of time as groups of documents: the year, quarter, month, ISO week or day of each document's date.

``a.compare(by="month")`` groups the documents by the month of their ``date`` (when the documents table has no
column named ``month`` of its own), and ``a.trend(...)`` follows a measure over periods, per outlet. Dates are
read as ISO 8601 first ("2016-09-20", "2016-09-20T14:03:00Z"), then in any format pandas can read ("Sep 20,
2016", "9/20/2016", month first); a date that cannot be read, or none, leaves the document out of periods,
and a date of a year alone ("2016") counts for ``year`` only; a date before 1800 or after next year is taken for
a placeholder ("0001-11-30", "9999-12-31") and left out too. The day is the one the date names: a time zone
after the time is dropped, not applied. Labels sort in time order: ``2016``,
``2016-Q3``, ``2016-09``, ``2016-W38`` (ISO week), ``2016-09-20``.
"""

from __future__ import annotations

import datetime
import re
import warnings

import numpy as np
import pandas as pd

__all__ = ["PERIODS", "group_labels", "is_period", "period_index", "period_labels", "suggest_period"]

#: the names of periods a comparison can group by
PERIODS = ("year", "quarter", "month", "week", "day")
#: dates before this year, or after next year, are placeholders of a missing date ("0001-11-30", "9999-12-31")
FIRST_YEAR = 1800


def is_period(by: object, columns: object) -> bool:
    """Whether ``by`` names a period of the documents' dates rather than one of their ``columns``."""
    cols = list(columns)  # type: ignore[call-overload]
    return isinstance(by, str) and by in PERIODS and by not in cols and "date" in cols


#: a time followed by its zone ("14:03:00Z", "23:30-05:00", "09:15 GMT"): the zone is dropped
_ZONE = r"(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)$"


def _parse(dates: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Each date as a timestamp without time zone (NaT when unreadable), and whether it gave only a year."""
    text = dates.astype("string").fillna("").str.strip()
    year_only = text.str.fullmatch(r"\d{4}").fillna(False).to_numpy(dtype=bool)
    # the day as the outlet dated it: a time zone after the time is dropped, not applied
    # ("2016-09-20 23:30-05:00" is the 20th, not the 21st in UTC)
    text = text.str.replace(_ZONE, r"\1", regex=True)
    parsed = pd.to_datetime(text.where(text != ""), format="ISO8601", errors="coerce")
    retry = parsed.isna() & (text != "")
    if retry.any():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "could not infer format": each value is parsed on its own
            parsed[retry] = pd.to_datetime(text[retry], format="mixed", errors="coerce")
    # placeholders of missing dates ("0001-01-01", "9999-12-31") are no dates
    parsed = pd.to_datetime(parsed, errors="coerce")
    year = parsed.dt.year
    parsed = parsed.where((year >= FIRST_YEAR) & (year <= pd.Timestamp.now().year + 1))
    return parsed, year_only


def period_labels(dates: pd.Series, period: str) -> np.ndarray:
    """The ``period`` of each date as a label that sorts in time order; ``""`` where the date is missing,
    unreadable, or a year alone for a period shorter than a year."""
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; periods: {', '.join(PERIODS)}")
    parsed, year_only = _parse(dates)
    ok = parsed.notna().to_numpy(dtype=bool, copy=True)
    if period != "year":
        ok &= ~year_only
    out = np.full(len(dates), "", dtype=object)
    if not ok.any():
        return out
    d = parsed[ok].dt
    if period == "year":
        labels = d.strftime("%Y")
    elif period == "quarter":
        labels = d.strftime("%Y") + "-Q" + d.quarter.astype(str)
    elif period == "month":
        labels = d.strftime("%Y-%m")
    elif period == "week":
        iso = d.isocalendar()
        labels = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    else:
        labels = d.strftime("%Y-%m-%d")
    out[ok] = labels.to_numpy(dtype=object)
    return out


def group_labels(documents: pd.DataFrame, by: str) -> np.ndarray:
    """The group of each document: its value of the column ``by`` as text (``""`` when missing), or the
    period of its date when ``by`` names one (:func:`is_period`)."""
    if is_period(by, documents.columns):
        return period_labels(documents["date"], by)
    return documents[by].fillna("").astype(str).to_numpy(dtype=object)


def suggest_period(dates: pd.Series, least: int = 4, most: int = 40) -> str | None:
    """The coarsest period (year, quarter, month, week) that divides the readable ``dates`` into at least
    ``least`` and at most ``most`` periods; ``None`` when none does (all on a few days, or no dates)."""
    if not len(dates):
        return None
    for period in PERIODS[:-1]:
        labels = period_labels(dates, period)
        n = len(set(labels) - {""})
        if least <= n <= most:
            return period
    return None


#: the label of each period, as :func:`period_labels` writes it
_LABEL = re.compile(
    r"^(?P<year>\d{4})(?:-Q(?P<quarter>[1-4])|-W(?P<week>\d{2})|-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$"
)


def _label_index(label: str) -> tuple[str, int] | None:
    """The kind of a period label and its number counted in periods of that kind (consecutive periods
    differ by 1); ``None`` when ``label`` is not one :func:`period_labels` writes."""
    m = _LABEL.match(label)
    if not m:
        return None
    year = int(m["year"])
    try:
        if m["quarter"]:
            return "quarter", 4 * year + int(m["quarter"]) - 1
        if m["week"]:
            monday = datetime.date.fromisocalendar(year, int(m["week"]), 1)
            return "week", monday.toordinal() // 7
        if m["day"]:
            return "day", datetime.date(year, int(m["month"]), int(m["day"])).toordinal()
        if m["month"]:
            month = int(m["month"])
            return ("month", 12 * year + month - 1) if 1 <= month <= 12 else None
    except ValueError:  # week 54, 30 February
        return None
    return "year", year


def period_index(labels: list[str]) -> np.ndarray | None:
    """Where each period label lies in time, counted in periods from the first: ``2024-01``, ``2024-02`` and
    ``2024-07`` give 0, 1 and 6, so a plot spaces periods as time does and shows the months without documents.
    ``None`` when the labels are not all periods of one kind (a plot then spaces them evenly)."""
    parsed = [_label_index(str(label)) for label in labels]
    if not parsed or any(p is None for p in parsed) or len({p[0] for p in parsed if p}) != 1:
        return None
    numbers = np.array([p[1] for p in parsed if p], dtype=float)
    return numbers - numbers.min()
