"""One visual style for every figure: colour-blind-safe, legible on a projector.

Colours are the Okabe–Ito palette (Okabe & Ito 2008), distinguishable with
every common form of colour blindness. Sizes are chosen so that an A4
landscape page projected in a classroom stays readable (11 pt minimum).
Styles are applied with :func:`style` as a context manager, never globally.

Reference: Okabe, M., & Ito, K. (2008). Color Universal Design (CUD): how to
make figures and presentations that are friendly to colorblind people.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

__all__ = [
    "NEGATIVE",
    "NEUTRAL",
    "PAGE_SIZE",
    "PALETTE",
    "POSITIVE",
    "Style",
    "colour_for",
    "new_axes",
    "style",
    "wrap",
]

#: Okabe–Ito colours, in the order used for groups.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
NEGATIVE = "#D55E00"  # vermillion
POSITIVE = "#0072B2"  # blue
NEUTRAL = "#999999"
HEDGE = "#E69F00"
BOOSTER = "#CC79A7"
SOURCE = "#009E73"
ISSUE = "#56B4E9"
#: A4 landscape, inches.
PAGE_SIZE = (11.69, 8.27)


@dataclass(frozen=True)
class Style:
    """Figure settings that functions take instead of long argument lists."""

    font_size: float = 12.0
    title_size: float = 15.0
    label_width: int = 28
    dpi: int = 150
    palette: Sequence[str] = PALETTE

    def rc(self) -> dict[RcKeyType, Any]:
        return {
            "font.size": self.font_size,
            "axes.titlesize": self.title_size,
            "axes.titleweight": "bold",
            "axes.labelsize": self.font_size,
            "xtick.labelsize": self.font_size - 1,
            "ytick.labelsize": self.font_size - 1,
            "legend.fontsize": self.font_size - 1,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#e6e6e6",
            "grid.linewidth": 0.8,
            "axes.axisbelow": True,
            "figure.dpi": 100,
            "savefig.dpi": self.dpi,
            "savefig.bbox": "tight",
            "font.family": "DejaVu Sans",
            "pdf.fonttype": 42,
        }


DEFAULT_STYLE = Style()


@contextmanager
def style(s: Style | None = None) -> Iterator[Style]:
    """Apply the framing style inside a ``with`` block (matplotlib's rc_context; nothing global changes)."""
    import matplotlib

    s = s or DEFAULT_STYLE
    with matplotlib.rc_context(s.rc()):
        yield s


def wrap(label: object, width: int = 28) -> str:
    """Wrap a long label onto lines of at most ``width`` characters."""
    text = str(label)
    return "\n".join(textwrap.wrap(text, width=width, break_long_words=True)) or text


def colour_for(i: int, palette: Sequence[str] = PALETTE) -> str:
    return palette[i % len(palette)]


def new_axes(ax=None, size: tuple[float, float] = (8, 5)):
    """``ax`` if given, else the axes of a new figure of ``size`` inches."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=size)
    return ax
