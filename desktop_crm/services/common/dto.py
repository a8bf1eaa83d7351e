"""What every service may return: what a change did."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChangeResult:
    """What a mutation changed, so that views can refresh and the CLI can report.

    Attributes:
        operation_id: The operation that ``undo`` takes (``None`` if nothing changed).
        created: Rows created.
        updated: Rows updated.
        deleted: Rows tombstoned.
        restored: Rows brought back from tombstones.
        skipped: Inputs deliberately left alone.
        failed: Inputs that could not be stored.
        entities: Tables touched, e.g. ``{"people", "phones"}``.
        ids: Ids of the main records created or changed, in input order.
    """

    operation_id: str | None
    created: int = 0
    updated: int = 0
    deleted: int = 0
    restored: int = 0
    skipped: int = 0
    failed: int = 0
    entities: frozenset[str] = frozenset()
    ids: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The CLI's ``--json`` summary."""
        return {
            "created": self.created,
            "updated": self.updated + self.restored,
            "deleted": self.deleted,
            "skipped": self.skipped,
            "failed": self.failed,
            "operation_id": self.operation_id,
        }
