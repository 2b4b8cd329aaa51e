"""A small progress bar for long runs: documents, words per second, time left.

Silent unless the stream is a terminal (or ``enabled=True`` is forced), so
logs, CI and notebooks are not flooded.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    """Call :meth:`update` after each batch; :meth:`close` at the end."""

    def __init__(
        self,
        total: int | None,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        label: str = "documents",
        min_interval: float = 0.5,
        estimate: Callable[[], float | None] | None = None,
        rate: bool = True,
    ) -> None:
        """``total``: the number of documents, when known. Otherwise ``estimate`` (for example
        :meth:`framing.io.ReadMeter.total`) may give an estimate of it as the input is read, and the
        bar and the time left follow that (shown as ``~N``). ``rate=False``: no words per second (a run
        counted in steps, see :meth:`step`)."""
        self.stream = stream or sys.stderr
        self.enabled = (
            (self.stream.isatty() if hasattr(self.stream, "isatty") else False) if enabled is None else enabled
        )
        self.total = total
        self.label = label
        self.done = 0
        self.words = 0
        self.start = time.perf_counter()
        self._last = 0.0
        self._min = min_interval
        self._estimate = estimate
        self._rate = rate
        self.note = ""  # the step under way (see :meth:`step`)
        self._stepping = False

    def update(self, docs: int, words: int = 0) -> None:
        self.done += docs
        self.words += words
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._last < self._min and (self.total is None or self.done < self.total):
            return
        self._last = now
        self.stream.write("\r" + self._line(now))
        self.stream.flush()

    def step(self, name: str) -> None:
        """Begin the step ``name``, the previous one being done, and show it: for a run counted in steps
        (the sections of a report) rather than documents. :meth:`close` ends the last step."""
        if self._stepping:
            self.done += 1
        self._stepping = True
        self.note = name
        if self.enabled:
            self._last = time.perf_counter()
            self.stream.write("\r" + self._line(self._last))
            self.stream.flush()

    def _line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        wps = self.words / elapsed
        rate = f" · {wps:,.0f} words/s" if self._rate else ""
        note = f" · {self.note}" if self.note else ""
        if self.total:
            frac = min(1.0, self.done / self.total)
            bar = "█" * int(frac * 24) + "·" * (24 - int(frac * 24))
            left = (elapsed / frac - elapsed) if frac > 0 else 0.0
            when = f"{_fmt(left)} left" if frac > 0 else f"{_fmt(elapsed)} elapsed"
            return f"{bar} {self.done:,}/{self.total:,} {self.label}{rate}{note} · {when}   "
        estimate = self._estimate() if self._estimate is not None else None
        if estimate and self.done:
            total = max(estimate, self.done)
            frac = self.done / total
            bar = "█" * int(frac * 24) + "·" * (24 - int(frac * 24))
            left = elapsed / frac - elapsed
            return f"{bar} {self.done:,}/~{total:,.0f} {self.label} · {wps:,.0f} words/s · {_fmt(left)} left   "
        return f"{self.done:,} {self.label} · {wps:,.0f} words/s · {_fmt(elapsed)} elapsed   "

    def close(self) -> None:
        if self._stepping:
            self.done += 1
            self._stepping = False
            self.note = "done"
        if self.enabled:
            self.stream.write("\r" + self._line(time.perf_counter()) + "\n")
            self.stream.flush()


def _fmt(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"
