"""What the history services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class OperationSummary:
    """One entry of the history.

    Attributes:
        id: Operation id.
        label: What the user did, e.g. "Edit 张三".
        kind: ``edit``, ``import``, ``merge``, ``bulk``, ``demo``, ``undo``, ``redo``, ``system``.
        at: When.
        changes: Number of rows it changed.
        undone: Whether it is currently undone.
        target_id: For undo/redo: the operation acted on.
    """

    id: str
    label: str
    kind: str
    at: datetime
    changes: int
    undone: bool
    target_id: str | None = None
