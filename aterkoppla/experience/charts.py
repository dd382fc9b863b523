"""Bar charts drawn on the server as SVG: no chart library, no script, nothing from elsewhere.

A chart is geometry only; the template ``experience/_bar_chart.html`` draws it. The numbers
are always in a table beside it too (the chart is hidden from screen readers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format

WIDTH = 640
LABEL_WIDTH = 210
VALUE_WIDTH = 70
BAR_HEIGHT = 22
GAP = 10
PLOT_WIDTH = WIDTH - LABEL_WIDTH - VALUE_WIDTH

# A share at or above GOOD is green, at or above FAIR amber, below it red.
GOOD = 0.95
FAIR = 0.8


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the value as shown ("92 %", "+35", "–")
    x: float
    width: float
    y: int
    tone: str  # good, fair, poor or none

    @property
    def text_y(self) -> int:
        return self.y + BAR_HEIGHT - 6


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: list[Bar]
    # Where zero is on the axis (a cNPS runs from −100 to 100).
    zero_x: float = LABEL_WIDTH

    @property
    def height(self) -> int:
        return len(self.bars) * (BAR_HEIGHT + GAP) + GAP

    width = WIDTH
    label_width = LABEL_WIDTH
    plot_width = PLOT_WIDTH
    value_x = WIDTH - VALUE_WIDTH + 8
    bar_height = BAR_HEIGHT


# What fits left of the bars at the labels' size.
LABEL_CHARS = 27


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def percent(share: float | None) -> str:
    if share is None:
        return "–"
    return f"{number_format(round(share * 100), 0)} %"


def signed(score: int | None) -> str:
    if score is None:
        return "–"
    return f"+{score}" if score > 0 else str(score).replace("-", "−")


def share_chart(title: str, rows: Sequence[tuple[str, float | None]]) -> BarChart:
    """One bar per row: a share from 0 to 1, coloured by how close it is to all."""
    bars = []
    for i, (label, share) in enumerate(rows):
        if share is None:
            tone, width = "none", 0.0
        else:
            tone = "good" if share >= GOOD else "fair" if share >= FAIR else "poor"
            width = round(PLOT_WIDTH * share, 1)
        bars.append(
            Bar(
                label=_label(label),
                text=percent(share),
                x=LABEL_WIDTH,
                width=width,
                y=GAP + i * (BAR_HEIGHT + GAP),
                tone=tone,
            )
        )
    return BarChart(title=title, bars=bars)


def score_chart(title: str, rows: Sequence[tuple[str, int | None]]) -> BarChart:
    """One bar per row: a score from −100 to 100 drawn from a zero line in the middle."""
    half = PLOT_WIDTH / 2
    zero = LABEL_WIDTH + half
    bars = []
    for i, (label, score) in enumerate(rows):
        if score is None:
            x, width, tone = zero, 0.0, "none"
        else:
            width = round(half * abs(score) / 100, 1)
            x = zero if score >= 0 else zero - width
            tone = "good" if score >= 30 else "fair" if score >= 0 else "poor"
        bars.append(
            Bar(
                label=_label(label),
                text=signed(score),
                x=x,
                width=width,
                y=GAP + i * (BAR_HEIGHT + GAP),
                tone=tone,
            )
        )
    return BarChart(title=title, bars=bars, zero_x=zero)
