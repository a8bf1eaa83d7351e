"""The reports' SQL: a few set-based statements, whatever the number of deals.

Each statement reduces the deals to what the domain's folds take (``domain/funnel.py``,
``domain/sales_reports.py``): the funnel's per-deal reductions summed, deals grouped by what
the reports tell apart, targets, and payments by owner and month. Nothing here is per deal:
100,000 deals report in a fraction of a second.

Plain SQL (SQLite: window functions, ``min()`` picking its row's columns) binds ids with
:func:`id_params` and reads them back with :func:`id_text`; moments are integer microseconds,
days ``YYYY-MM-DD`` text, amounts integers of ten-thousandths (``store/types.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_crm.domain.funnel import FunnelTotals, StageInfo, stage_depths
from desktop_crm.domain.sales_reports import Collected, DealGroup, Target
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.types import id_bytes, id_text

_SCALE = Decimal(10_000)


@dataclass(frozen=True)
class PipelineRow:
    """The pipeline a report is about.

    Attributes:
        id: Its id.
        name: Its name.
        currency: Its currency, else the workspace's.
    """

    id: str
    name: str
    currency: str


def workspace_currency(session: Session) -> str:
    """The workspace's currency setting."""
    return str(read_setting(session, "currency.default") or "CNY")


def pipelines(session: Session) -> list[PipelineRow]:
    """Live pipelines, the default first, then by position and name."""
    fallback = workspace_currency(session)
    rows = session.execute(
        text(
            "SELECT id, name, currency FROM pipelines WHERE deleted_at IS NULL "
            "ORDER BY is_default DESC, position, name"
        )
    )
    return [PipelineRow(id_text(r.id), r.name, r.currency or fallback) for r in rows]


def stages(session: Session, pipeline_id: str) -> list[StageInfo]:
    """The pipeline's live stages in order."""
    rows = session.execute(
        text(
            "SELECT id, name, position, kind, probability FROM stages "
            "WHERE pipeline_id = :p AND deleted_at IS NULL ORDER BY position, name"
        ),
        {"p": id_bytes(pipeline_id)},
    )
    return [
        StageInfo(id_text(r.id), r.name, int(r.position or 0), r.kind, int(r.probability or 0))
        for r in rows
    ]


# The deals made in the period: the funnel's cohort.
_COHORT = """
cohort AS MATERIALIZED (
    SELECT id, stage_id, status, created_at FROM deals
    WHERE deleted_at IS NULL AND pipeline_id = :p AND created_at >= :start AND created_at < :end
)"""

# Depth per deal: the deepest stage among its changes' stages (both ends, so the stage it was
# made in counts) and its current one; a won deal reaches every open stage.
_DEPTHS = """
SELECT depth, count(*) AS deals, sum(won) AS won FROM (
    SELECT co.status = 'won' AS won,
           CASE WHEN co.status = 'won' THEN :n ELSE max(
               coalesce(dc.depth, 0),
               coalesce((SELECT max(d.depth) FROM deal_stage_changes c
                         JOIN depths d ON d.stage_id IN (c.to_stage_id, c.from_stage_id)
                         WHERE c.deal_id = co.id AND c.deleted_at IS NULL), 0)) END AS depth
    FROM cohort co LEFT JOIN depths dc ON dc.stage_id = co.stage_id
) GROUP BY depth"""

# Time in each stage without ordering anything: a stay is its leaving moment minus its
# entering one, so a stage's total is Σ leaving − Σ entering (a change leaves its
# ``from_stage_id`` and enters its ``to_stage_id``), with open deals leaving their current
# stage now. A deal made with no change recording it entered its first stage when it was
# made; a closed deal still in an open stage never left it (that stay is not counted).
# Moments are taken as milliseconds before now: sums of 100,000s of raw microsecond moments
# would overflow 64 bits (a stay is exact to the millisecond).
_STAYS = """
SELECT e.stage_id, sum(e.n) AS stays, sum(e.ms) AS ms FROM (
    SELECT c.to_stage_id AS stage_id, 1 AS n, (:now - c.moved_at) / 1000 AS ms
    FROM cohort co JOIN deal_stage_changes c ON c.deal_id = co.id
    WHERE c.deleted_at IS NULL
    UNION ALL
    SELECT c.from_stage_id, 0, (c.moved_at - :now) / 1000
    FROM cohort co JOIN deal_stage_changes c ON c.deal_id = co.id
    WHERE c.deleted_at IS NULL AND c.from_stage_id IS NOT NULL
    UNION ALL
    SELECT stage_id, 0, 0 FROM cohort WHERE status = 'open'
    UNION ALL
    SELECT coalesce((SELECT c.from_stage_id FROM deal_stage_changes c
                     WHERE c.deal_id = co.id AND c.deleted_at IS NULL
                     ORDER BY c.moved_at, c.rowid LIMIT 1), co.stage_id),
           1, (:now - co.created_at) / 1000
    FROM cohort co
    WHERE NOT EXISTS (SELECT 1 FROM deal_stage_changes c WHERE c.deal_id = co.id
                      AND c.deleted_at IS NULL AND c.from_stage_id IS NULL)
    UNION ALL
    SELECT co.stage_id, -1,
           (coalesce((SELECT max(c.moved_at) FROM deal_stage_changes c
                      WHERE c.deal_id = co.id AND c.deleted_at IS NULL
                      AND c.to_stage_id = co.stage_id), co.created_at) - :now) / 1000
    FROM cohort co WHERE co.status <> 'open'
) e JOIN depths d ON d.stage_id = e.stage_id AND d.is_open
GROUP BY e.stage_id"""


def _depth_values(stage_list: Sequence[StageInfo]) -> tuple[str, dict[str, Any]]:
    """A ``depths(stage_id, depth, is_open)`` VALUES table and its parameters."""
    depths = stage_depths(stage_list)
    params: dict[str, Any] = {}
    rows = []
    for n, s in enumerate(stage_list):
        params[f"s{n}"] = id_bytes(s.id)
        rows.append(f"(:s{n}, {int(depths.get(s.id, 0))}, {int(s.kind == 'open')})")
    return "depths(stage_id, depth, is_open) AS (VALUES " + ", ".join(rows) + ")", params


def funnel_totals(
    session: Session,
    pipeline_id: str,
    stage_list: Sequence[StageInfo],
    start: int,
    end: int,
    now: int,
) -> FunnelTotals:
    """The funnel's per-deal reductions summed, for deals made from ``start`` until ``end``.

    The same as summing ``domain.funnel.deal_progress`` (moments in microseconds), given
    stage changes that chain (each leaves the stage the one before entered).
    """
    if not stage_list:
        return FunnelTotals({}, 0, {})
    n_open = sum(s.kind == "open" for s in stage_list)
    depths_sql, params = _depth_values(stage_list)
    params.update(p=id_bytes(pipeline_id), start=start, end=end, now=now, n=n_open)
    head = f"WITH {depths_sql}, {_COHORT}"
    depth_rows = session.execute(text(head + _DEPTHS), params).all()
    stay_rows = session.execute(text(head + _STAYS), params).all()
    return FunnelTotals(
        depths={int(r.depth): int(r.deals) for r in depth_rows},
        won=sum(int(r.won or 0) for r in depth_rows),
        stays={id_text(r.stage_id): (int(r.stays), int(r.ms) * 1000) for r in stay_rows if r.stays},
    )


def deal_groups(
    session: Session, pipeline_id: str | None, start: date | None, end: date | None
) -> list[DealGroup]:
    """Deals grouped as ``domain.sales_reports.group_deals`` groups them.

    The report day is the expected close of open deals and the closing day of closed ones;
    a deal's probability is its own, else its stage's.
    """
    where = ["d.deleted_at IS NULL", "day IS NOT NULL"]
    params: dict[str, Any] = {}
    if pipeline_id is not None:
        where.append("d.pipeline_id = :p")
        params["p"] = id_bytes(pipeline_id)
    if start is not None:
        where.append("day >= :start")
        params["start"] = start.isoformat()
    if end is not None:
        where.append("day <= :end")
        params["end"] = end.isoformat()
    rows = session.execute(
        text(
            f"""
            SELECT d.status, substr(day, 1, 7) AS month, d.owner_id, d.currency,
                   d.lost_reason, d.source, count(*) AS n, sum(d.amount) AS amount,
                   sum(d.amount * coalesce(d.probability, s.probability, 0)) AS weighted
            FROM (SELECT *, CASE WHEN status = 'open' THEN expected_close ELSE closed_on END
                            AS day FROM deals) d
            LEFT JOIN stages s ON s.id = d.stage_id
            WHERE {" AND ".join(where)}
            GROUP BY d.status, month, d.owner_id, d.currency, d.lost_reason, d.source"""
        ),
        params,
    ).all()
    names = _user_names(session)
    return [
        DealGroup(
            status=r.status,
            month=r.month,
            owner=_owner(names, r.owner_id),
            currency=r.currency,
            lost_reason=r.lost_reason,
            source=r.source,
            count=int(r.n),
            amount=Decimal(int(r.amount or 0)) / _SCALE,
            weighted=Decimal(int(r.weighted or 0)) / _SCALE / 100,
        )
        for r in rows
    ]


def targets(session: Session, start: date | None, end: date | None) -> list[Target]:
    """Live sales targets starting in the months of the period (targets are per workspace)."""
    where, params = ["deleted_at IS NULL"], {}
    if start is not None:
        where.append("period_start >= :start")
        params["start"] = start.replace(day=1).isoformat()
    if end is not None:
        where.append("period_start <= :end")
        params["end"] = end.isoformat()
    rows = session.execute(
        text(
            "SELECT user_id, period_start, period_end, amount, currency FROM sales_targets "
            f"WHERE {' AND '.join(where)}"
        ),
        params,
    ).all()
    names = _user_names(session)
    return [
        Target(
            _owner(names, r.user_id),
            date.fromisoformat(r.period_start),
            date.fromisoformat(r.period_end),
            Decimal(int(r.amount)) / _SCALE,
            r.currency,
        )
        for r in rows
    ]


def collected(
    session: Session, pipeline_id: str | None, start: date | None, end: date | None
) -> list[Collected]:
    """Payments received in the period by owner and month.

    The owner is the contract's, else its deal's. With a pipeline, contracts of that
    pipeline's deals, and contracts made without a deal (they belong to no pipeline).
    """
    where = ["p.deleted_at IS NULL", "c.deleted_at IS NULL"]
    params: dict[str, Any] = {}
    if pipeline_id is not None:
        where.append("(c.deal_id IS NULL OR d.pipeline_id = :p)")
        params["p"] = id_bytes(pipeline_id)
    if start is not None:
        where.append("p.paid_on >= :start")
        params["start"] = start.isoformat()
    if end is not None:
        where.append("p.paid_on <= :end")
        params["end"] = end.isoformat()
    rows = session.execute(
        text(
            f"""
            SELECT coalesce(c.owner_id, d.owner_id) AS owner_id,
                   substr(p.paid_on, 1, 7) AS month, c.currency, sum(p.amount) AS amount
            FROM payments p JOIN contracts c ON c.id = p.contract_id
            LEFT JOIN deals d ON d.id = c.deal_id
            WHERE {" AND ".join(where)}
            GROUP BY 1, 2, 3"""
        ),
        params,
    ).all()
    names = _user_names(session)
    return [
        Collected(_owner(names, r.owner_id), r.month, r.currency, Decimal(int(r.amount)) / _SCALE)
        for r in rows
    ]


def _user_names(session: Session) -> dict[bytes | str, str]:
    return {r.id: r.name for r in session.execute(text("SELECT id, name FROM users"))}


def _owner(names: dict[bytes | str, str], owner_id: bytes | str | None) -> str | None:
    if owner_id is None:
        return None
    return names.get(owner_id) or id_text(owner_id)
