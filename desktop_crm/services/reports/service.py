"""The sales reports: read with a few set-based statements, computed by the domain's folds.

Periods are local days, both ends included (``None``: open-ended); the CLI and the Reports
screen turn a month, quarter, year or custom choice into them. Every report is in one
currency (the pipeline's, else the workspace's): amounts in other currencies are kept apart,
never converted (``domain/sales_reports.py``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from desktop_crm.domain import funnel as funnel_maths
from desktop_crm.domain import sales_reports as maths
from desktop_crm.domain.clock import Clock, SystemClock, local_today
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.funnel import Funnel
from desktop_crm.domain.sales_reports import (
    Bucket,
    ForecastRow,
    SalesRow,
    TargetRow,
    WinRateRow,
    WonLost,
)
from desktop_crm.services.reports import funnel_query, queries
from desktop_crm.services.reports.dto import Report
from desktop_crm.services.reports.queries import PipelineRow
from desktop_crm.store.store import Store
from desktop_crm.store.types import micros


class ReportService:
    """Compute the sales reports (reading only).

    Args:
        store: The workspace's store (the writer's, or a reader's).
        clock: What "now" is (an open deal's current stay runs until now) and where local
            days are.
    """

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self._store = store
        self._clock = clock or SystemClock()

    def today(self) -> date:
        """The local day it is (what "this year" means for a report's default period)."""
        return local_today(self._clock)

    def pipelines(self) -> list[PipelineRow]:
        """Live pipelines, the default first."""
        with self._store.read() as session:
            return queries.pipelines(session)

    def pipeline_named(self, name: str) -> PipelineRow:
        """The live pipeline called ``name`` (case ignored).

        Raises:
            NotFoundError: There is none.
        """
        for row in self.pipelines():
            if row.name.casefold() == name.strip().casefold():
                return row
        raise NotFoundError(f"No pipeline is called “{name}”.", pipeline=name)

    def funnel(
        self, pipeline_id: str | None = None, start: date | None = None, end: date | None = None
    ) -> Report[Funnel]:
        """The funnel of the deals made in the period (the default pipeline's when none)."""
        _check_period(start, end)
        zone = self._clock.zone()
        low = micros(datetime.combine(start, time(0), zone)) if start else -(2**62)
        high = micros(datetime.combine(end + timedelta(days=1), time(0), zone)) if end else 2**62
        with self._store.read() as session:
            pipeline = self._pipeline(session, pipeline_id, default=True)
            assert pipeline is not None  # default=True gives one or raises
            stages = queries.stages(session, pipeline.id)
            totals = funnel_query.funnel_totals(
                session, pipeline.id, stages, low, high, micros(self._clock.now())
            )
        data = funnel_maths.fold_funnel(stages, totals)
        return Report("funnel", pipeline.name, pipeline.currency, start, end, data)

    def forecast(
        self, pipeline_id: str | None = None, start: date | None = None, end: date | None = None
    ) -> Report[list[ForecastRow]]:
        """Open deals by month of expected close (expected in the period)."""
        pipeline, currency, groups = self._groups(pipeline_id, start, end)
        data = maths.forecast(groups, currency)
        return Report("forecast", pipeline, currency, start, end, data)

    def won_lost(
        self, pipeline_id: str | None = None, start: date | None = None, end: date | None = None
    ) -> Report[WonLost]:
        """Deals closed in the period: won, lost by reason, both by source."""
        pipeline, currency, groups = self._groups(pipeline_id, start, end)
        return Report("won_lost", pipeline, currency, start, end, maths.won_lost(groups, currency))

    def win_rate(
        self, pipeline_id: str | None = None, start: date | None = None, end: date | None = None
    ) -> Report[list[WinRateRow]]:
        """Won ÷ closed per owner, among deals closed in the period."""
        pipeline, currency, groups = self._groups(pipeline_id, start, end)
        return Report("win_rate", pipeline, currency, start, end, maths.win_rate(groups))

    def sales(
        self,
        pipeline_id: str | None = None,
        start: date | None = None,
        end: date | None = None,
        period: Bucket = "month",
    ) -> Report[list[SalesRow]]:
        """Won amount per owner and month, quarter or year (by closing day)."""
        pipeline, currency, groups = self._groups(pipeline_id, start, end)
        data = maths.sales(groups, currency, period)
        return Report("sales", pipeline, currency, start, end, data, period)

    def targets(
        self, pipeline_id: str | None = None, start: date | None = None, end: date | None = None
    ) -> Report[list[TargetRow]]:
        """Per owner and month: target, won amount, payments collected.

        Collected = payments received that month on the contracts the owner holds (a
        contract without an owner counts for its deal's owner).
        """
        _check_period(start, end)
        with self._store.read() as session:
            pipeline = self._pipeline(session, pipeline_id, default=False)
            currency = pipeline.currency if pipeline else queries.workspace_currency(session)
            pid = pipeline.id if pipeline else None
            groups = queries.deal_groups(session, pid, start, end)
            goals = queries.targets(session, start, end)
            paid = queries.collected(session, pid, start, end)
        data = maths.targets(goals, groups, paid, currency, start, end)
        name = pipeline.name if pipeline else None
        return Report("targets", name, currency, start, end, data)

    def _groups(
        self, pipeline_id: str | None, start: date | None, end: date | None
    ) -> tuple[str | None, str, list[maths.DealGroup]]:
        _check_period(start, end)
        with self._store.read() as session:
            pipeline = self._pipeline(session, pipeline_id, default=False)
            currency = pipeline.currency if pipeline else queries.workspace_currency(session)
            pid = pipeline.id if pipeline else None
            groups = queries.deal_groups(session, pid, start, end)
        return (pipeline.name if pipeline else None), currency, groups

    @staticmethod
    def _pipeline(
        session: Session, pipeline_id: str | None, *, default: bool
    ) -> PipelineRow | None:
        """The pipeline asked for; with none, the default one (``default``) or every one."""
        rows = queries.pipelines(session)
        if pipeline_id is None:
            if not default:
                return None
            if not rows:
                raise NotFoundError("The workspace has no pipeline.")
            return rows[0]
        for row in rows:
            if row.id == pipeline_id:
                return row
        raise NotFoundError("The pipeline no longer exists.", pipeline_id=pipeline_id)


def _check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValidationError(
            f"The period ends ({end}) before it starts ({start}).", field="end", end=str(end)
        )
