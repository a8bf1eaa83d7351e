"""Results that arrive after their widget is gone are dropped.

The worker answers later; by then a dialog may have been closed and deleted (Escape while its
owners were still being read). Calling into it would raise from deleted Qt objects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject

T = TypeVar("T")


def while_open(widget: QObject, fn: Callable[[T], object]) -> Callable[[T], None]:
    """``fn``, called only while ``widget``'s C++ object still exists."""

    def call(value: T) -> None:
        if shiboken6.isValid(widget):
            fn(value)

    return call
