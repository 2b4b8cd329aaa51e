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
    ) -> None:
        """``total``: the number of documents, when known. Otherwise ``estimate`` (for example
        :meth:`framing.io.ReadMeter.total`) may give an estimate of it as the input is read, and the
        bar and the time left follow that (shown as ``~N``)."""
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

    def _line(self, now: float) -> str:
        elapsed = max(now - self.start, 1e-9)
        wps = self.words / elapsed
        if self.total:
            frac = min(1.0, self.done / self.total)
            bar = "█" * int(frac * 24) + "·" * (24 - int(frac * 24))
            left = (elapsed / frac - elapsed) if frac > 0 else 0.0
            return f"{bar} {self.done:,}/{self.total:,} {self.label} · {wps:,.0f} words/s · {_fmt(left)} left   "
        estimate = self._estimate() if self._estimate is not None else None
        if estimate and self.done:
            total = max(estimate, self.done)
            frac = self.done / total
            bar = "█" * int(frac * 24) + "·" * (24 - int(frac * 24))
            left = elapsed / frac - elapsed
            return f"{bar} {self.done:,}/~{total:,.0f} {self.label} · {wps:,.0f} words/s · {_fmt(left)} left   "
        return f"{self.done:,} {self.label} · {wps:,.0f} words/s · {_fmt(elapsed)} elapsed   "

    def close(self) -> None:
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
