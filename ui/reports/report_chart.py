"""The report's chart: matplotlib through its Qt backend, with the shipped Chinese font.

This module imports matplotlib, which costs a few hundred milliseconds: only the Reports
screen imports it, the first time it is shown (the app's start never pays for it).
"""

from __future__ import annotations

import dataclasses
import sys
from functools import cache
from pathlib import Path

import matplotlib
from matplotlib import font_manager, ft2font
from matplotlib.axes import Axes
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from matplotlib.ticker import StrMethodFormatter

from ui.reports.report_rows import ChartSpec

FONT_FILE = "WenQuanYiMicroHei-GBK.ttf"
SHIPPED_FAMILY = "Desktop CRM WenQuanYi Micro Hei"
COLOURS = ("#2f6fb3", "#7fb3e6", "#e0884b", "#5aa469", "#b65fa8", "#c9b03a", "#8c8c8c")
FONT_SIZE = 9


def fonts_dir() -> Path:
    """The shipped fonts, from a source tree or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None and (Path(bundle) / "resources" / "fonts").is_dir():
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parents[2] / "resources" / "fonts"


@cache
def font_families() -> tuple[str, ...]:
    """Latin text in matplotlib's own DejaVu Sans, Chinese in the shipped WenQuanYi Micro Hei.

    The shipped file is registered under a name of its own: registered under its family name,
    matplotlib would pick an installed WenQuanYi of the same name first. So a chart looks the
    same on every machine and never depends on the system's fonts.
    """
    path = fonts_dir() / FONT_FILE
    entry = font_manager.ttfFontProperty(ft2font.FT2Font(str(path)))
    font_manager.fontManager.ttflist.append(dataclasses.replace(entry, name=SHIPPED_FAMILY))
    return ("DejaVu Sans", SHIPPED_FAMILY)


def new_figure() -> Figure:
    """A figure in the app's look (white, the shipped fonts)."""
    families = list(font_families())
    matplotlib.rcParams["font.family"] = families
    matplotlib.rcParams["font.size"] = FONT_SIZE
    matplotlib.rcParams["axes.unicode_minus"] = False  # the shipped font lacks U+2212
    return Figure(figsize=(7.0, 3.6), dpi=100, layout="constrained")


class ChartCanvas(FigureCanvasQTAgg):
    """A Qt widget showing one report's chart."""

    def __init__(self) -> None:
        super().__init__(new_figure())  # type: ignore[no-untyped-call]
        self.setMinimumHeight(240)

    def show_chart(self, spec: ChartSpec | None) -> None:
        """Draw ``spec`` (``None``: clear)."""
        self.figure.clear()
        if spec is not None:
            draw(self.figure, spec)
        self.draw_idle()  # type: ignore[no-untyped-call]

    def save_png(self, target: Path) -> None:
        """Write the chart as shown to ``target`` (a PNG, twice the screen's resolution)."""
        self.figure.savefig(str(target), format="png", dpi=200, facecolor="white")


def draw(figure: Figure, spec: ChartSpec) -> None:
    """Draw ``spec`` into ``figure`` (cleared first)."""
    figure.clear()
    if spec.kind == "won_lost" and spec.second is not None:
        left, right = figure.subplots(1, 2)
        _bars(left, spec, horizontal=True)
        _bars(right, spec.second)
        return
    axes = figure.add_subplot()
    if spec.kind == "funnel":
        _funnel(axes, spec)
    else:
        _bars(axes, spec, percent=spec.kind == "percent")


def _funnel(axes: Axes, spec: ChartSpec) -> None:
    """Centred horizontal bars, the first stage on top, each with its count and conversion."""
    values = spec.series[0].values if spec.series else ()
    widest = max(values, default=0.0) or 1.0
    rows = range(len(values))
    lefts = [(widest - v) / 2 for v in values]
    axes.barh(list(rows), list(values), left=lefts, color=COLOURS[0], height=0.7)
    axes.set_yticks(list(rows), list(spec.categories))
    axes.invert_yaxis()
    axes.set_xlim(0, widest * 1.35)
    for row, value in zip(rows, values, strict=True):
        axes.text(widest / 2, row, f"{value:,.0f}", ha="center", va="center", color="white")
        note = spec.notes[row] if row < len(spec.notes) else ""
        if note:
            axes.text(widest * 1.02, row, note, va="center", color="#444444")
    axes.set_xticks([])
    axes.tick_params(axis="y", length=0)
    for side in ("top", "right", "bottom", "left"):
        axes.spines[side].set_visible(False)
    axes.set_title(spec.title)


def _bars(axes: Axes, spec: ChartSpec, *, horizontal: bool = False, percent: bool = False) -> None:
    """Grouped bars, one colour per series, a legend when there are several."""
    count = max(len(spec.series), 1)
    width = 0.8 / count
    places = range(len(spec.categories))
    for n, series in enumerate(spec.series):
        offsets = [p - 0.4 + width * (n + 0.5) for p in places]
        colour = COLOURS[n % len(COLOURS)]
        if horizontal:
            axes.barh(offsets, list(series.values), height=width, label=series.label, color=colour)
        else:
            axes.bar(offsets, list(series.values), width=width, label=series.label, color=colour)
    if horizontal:
        axes.set_yticks(list(places), list(spec.categories))
        axes.invert_yaxis()
        axes.set_xlabel(spec.value_label)
    else:
        axes.set_xticks(list(places), list(spec.categories))
        axes.set_ylabel(spec.value_label)
        if len(spec.categories) > 6:
            axes.tick_params(axis="x", labelrotation=45)
    # Grouped digits, never matplotlib's "1e6" offset above the axis.
    (axes.xaxis if horizontal else axes.yaxis).set_major_formatter(StrMethodFormatter("{x:,.0f}"))
    if percent:
        axes.set_ylim(0, 100)
    if len(spec.categories) < 4:  # a bar or two would fill the whole width
        middle = (len(spec.categories) - 1) / 2
        (axes.set_ylim if horizontal else axes.set_xlim)(middle - 2, middle + 2)
        if horizontal:
            axes.invert_yaxis()
    if len(spec.series) > 1 or spec.legend:
        axes.legend(fontsize=FONT_SIZE - 1)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(spec.title)
