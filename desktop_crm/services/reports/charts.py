"""A report's chart as a matplotlib figure, and as a PNG file.

Importing this module imports matplotlib (a few hundred milliseconds): import it only when a
chart is drawn (the Reports screen the first time it is shown, the CLI for ``--png``). No
pyplot: each :class:`~matplotlib.figure.Figure` is made directly, so nothing global is shared
between charts or threads, and PNG files are written through the Agg canvas with no GUI.

Latin text is drawn in matplotlib's own DejaVu Sans, Chinese in the WenQuanYi Micro Hei file
shipped in ``resources/fonts``, registered by file under a name of its own, so a chart looks
the same everywhere and never depends on the system's fonts.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

from matplotlib import font_manager, ft2font
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, StrMethodFormatter

from desktop_crm.services.reports.chart_spec import (
    CHART_TEXTS,
    ChartSpec,
    ChartTexts,
    Language,
    chart_spec,
)
from desktop_crm.services.reports.dto import Report

FONT_FILE = "WenQuanYiMicroHei-GBK.ttf"
SHIPPED_FAMILY = "Desktop CRM WenQuanYi Micro Hei"
COLOURS = ("#2f6fb3", "#7fb3e6", "#e0884b", "#5aa469", "#b65fa8", "#c9b03a", "#8c8c8c")
FONT_SIZE = 9
PNG_DPI = 200  # twice the screen's resolution


def fonts_dir() -> Path:
    """The shipped fonts, from a source tree or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None and (Path(bundle) / "resources" / "fonts").is_dir():
        return Path(bundle) / "resources" / "fonts"
    return Path(__file__).resolve().parents[3] / "resources" / "fonts"


@cache
def font_families() -> tuple[str, ...]:
    """The families every chart text is drawn in: DejaVu Sans, then the shipped Chinese font.

    The shipped file is registered under a name of its own: under its family name, matplotlib
    would pick an installed WenQuanYi of the same name first.
    """
    path = fonts_dir() / FONT_FILE
    entry = font_manager.ttfFontProperty(ft2font.FT2Font(str(path)))
    font_manager.fontManager.ttflist.append(dataclasses.replace(entry, name=SHIPPED_FAMILY))
    return ("DejaVu Sans", SHIPPED_FAMILY)


def new_figure() -> Figure:
    """An empty figure in the app's look (white, the shipped fonts)."""
    import matplotlib

    # Text objects read the font from rcParams when made: set ours (the shipped fonts, the
    # ASCII minus, as the Chinese font lacks U+2212) before anything is drawn.
    matplotlib.rcParams["font.family"] = list(font_families())
    matplotlib.rcParams["font.size"] = FONT_SIZE
    matplotlib.rcParams["axes.unicode_minus"] = False
    return Figure(figsize=(7.0, 3.6), dpi=100, layout="constrained", facecolor="white")


def report_figure(
    report: Report[Any], language: Language = "en", texts: ChartTexts | None = None
) -> Figure:
    """A new figure holding ``report``'s chart, labelled in ``language`` (or ``texts``)."""
    figure = new_figure()
    draw(figure, chart_spec(report, texts or CHART_TEXTS[language]))
    return figure


def write_png(report: Report[Any], target: Path, language: Language = "en") -> Path:
    """Write ``report``'s chart to ``target`` as a PNG (whole, or not at all).

    Raises:
        OSError: The folder is missing or cannot be written.
    """
    figure = report_figure(report, language)
    FigureCanvasAgg(figure)
    partial = target.with_name(target.name + ".part")
    try:
        figure.savefig(str(partial), format="png", dpi=PNG_DPI, facecolor="white")
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


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
    # Whole ticks (counts of one or two deals would read "0 0 1 1") in grouped digits, never
    # matplotlib's "1e6" offset above the axis.
    values = axes.xaxis if horizontal else axes.yaxis
    values.set_major_locator(MaxNLocator(integer=True))
    values.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
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
