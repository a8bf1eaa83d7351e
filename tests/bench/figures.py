"""A measured figure with its goal."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured value.

    Attributes:
        name: What was measured.
        value: The measurement (median where repeated).
        unit: "s", "ms", "MB"...
        goal: The value not to exceed, if any.
        detail: Extra context (runs, spread).
    """

    name: str
    value: float
    unit: str
    goal: float | None = None
    detail: str = ""

    @property
    def met(self) -> bool:
        """Whether the goal (if any) is met."""
        return self.goal is None or self.value <= self.goal

    def line(self) -> str:
        """A printable line."""
        goal = "" if self.goal is None else f"  (goal ≤ {self.goal:g} {self.unit})"
        mark = "" if self.met else "  MISSED"
        extra = f"  [{self.detail}]" if self.detail else ""
        return f"{self.name:<48} {self.value:>10.3f} {self.unit}{goal}{mark}{extra}"


def median_of(values: list[float]) -> tuple[float, str]:
    """The median and a short description of the spread."""
    return statistics.median(
        values
    ), f"n={len(values)}, min {min(values):.3f}, max {max(values):.3f}"
