"""What the history services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from desktop_crm.domain.choices import OperationKind
from desktop_crm.domain.operation_labels import ArgValue, OperationLabel


@dataclass(frozen=True)
class OperationSummary:
    """One entry of the history.

    Attributes:
        id: Operation id.
        label: What the user did, in English, e.g. "Edit 张三" (the CLI's words; the UI
            renders ``operation_label`` in the user's language instead).
        kind: ``edit``, ``import``, ``merge``, ``bulk``, ``demo``, ``undo``, ``redo``, ``system``.
        at: When.
        changes: Number of rows it changed.
        undone: Whether it is currently undone.
        target_id: For undo/redo: the operation acted on.
        operation_label: The label as code and arguments (a legacy literal label has no
            code and keeps its text).
    """

    id: str
    label: str
    kind: OperationKind
    at: datetime
    changes: int
    undone: bool
    target_id: str | None = None
    operation_label: OperationLabel = field(default_factory=lambda: OperationLabel(None))

    @property
    def label_code(self) -> str | None:
        """The label's code (``edit``, ``import``…); ``None`` for a legacy literal label."""
        code = self.operation_label.code
        return code.value if code is not None else None

    @property
    def label_args(self) -> Mapping[str, ArgValue]:
        """The label's arguments (names, counts, file names)."""
        return self.operation_label.args
