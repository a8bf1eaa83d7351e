"""The reports' SQL: a few set-based statements, whatever the number of deals.

Each statement reduces the deals to what the domain's folds take (``domain/funnel.py``,
``domain/sales_reports.py``): deals grouped by what the reports tell apart, targets, and
payments by owner and month (the funnel's statement is in ``funnel_query.py``). Nothing
here is per deal: 100,000 deals report in a fraction of a second.

Plain SQL (SQLite: window functions, ``min()`` picking its row's columns) binds ids with
:func:`id_params` and reads them back with :func:`id_text`; moments are integer microseconds,
days ``YYYY-MM-DD`` text, amounts integers of ten-thousandths (``store/types.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_crm.domain.funnel import StageInfo
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
