"""The report's chart on screen: matplotlib's Qt canvas over the core's figure.

The figure, its fonts and its drawing are the core's (``services/reports/charts.py``); this
module only puts it in a Qt widget. It imports matplotlib, which costs a few hundred
milliseconds: only the Reports screen imports it, the first time it is shown (the app's start
never pays for it).
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

from desktop_crm.services.reports.chart_spec import ChartSpec
from desktop_crm.services.reports.charts import PNG_DPI, draw, new_figure


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
        self.figure.savefig(str(target), format="png", dpi=PNG_DPI, facecolor="white")
