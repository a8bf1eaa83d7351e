"""Workspace settings shared by everyone using the workspace (logged and undoable)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.followup_time import parse_morning
from desktop_crm.domain.numbering import DEFAULT_PATTERNS, validate_pattern
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.pool_rules import ReturnRule
from desktop_crm.domain.quote_totals import TaxRounding
from desktop_crm.domain.retention import RetentionPolicy
from desktop_crm.domain.stale_rules import DEFAULT_LEVEL_DAYS
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.store.models import Setting
from desktop_crm.store.store import Store

# Why deals are lost, offered when one is marked lost (free text is allowed too); a new
# workspace stores its language's list, an older one reads the English list until set.
DEFAULT_LOST_REASONS: dict[str, list[str]] = {
    "en": ["Price too high", "Chose a competitor", "No budget", "No decision", "Went silent"],
    "zh": ["价格太高", "选择了竞争对手", "没有预算", "迟迟不决策", "失去联系"],
}

DEFAULTS: dict[str, Any] = {
    "backup.keep_recent": 10,
    "backup.keep_daily": 7,
    "backup.keep_weekly": 8,
    "phone.default_region": "CN",
    "currency.default": "CNY",
    "followup.stale_days": 30,  # a customer without a level
    "followup.stale_days_by_level": dict(DEFAULT_LEVEL_DAYS),
    "reminders.morning": "09:00",  # when an all-day follow-up reminds
    "pool.rules": [],  # {"level"|"status": ..., "days": N}: see domain.pool_rules
    "pool.warn_days": 3,
    "pool.cap": 0,  # records one user may hold; 0: no limit
    "contacts.saved_views": [],
    "quotes.tax_rounding": TaxRounding.PER_LINE.value,
    "company.profile": {},
    "deals.lost_reasons": DEFAULT_LOST_REASONS["en"],
    **{f"numbering.{kind}": pattern for kind, pattern in DEFAULT_PATTERNS.items()},
}


def read_setting(session: Session, key: str) -> Any:
    """Read ``key`` inside an existing session, falling back to its default."""
    value = session.scalars(
        select(Setting.value).where(Setting.key == key, Setting.deleted_at.is_(None))
    ).first()
    return DEFAULTS.get(key) if value is None else value


class SettingsService:
    """Read and change workspace settings."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> dict[str, Any]:
        """Every known setting with its current value."""
        with self._store.read() as session:
            stored: dict[str, Any] = dict(
                session.execute(
                    select(Setting.key, Setting.value).where(Setting.deleted_at.is_(None))
                ).all()
            )
        return {key: stored.get(key, default) for key, default in DEFAULTS.items()}

    def get(self, key: str) -> Any:
        """One setting's value."""
        with self._store.read() as session:
            return read_setting(session, key)

    def update(self, values: dict[str, Any]) -> ChangeResult:
        """Change several settings as one undoable operation.

        Raises:
            ValidationError: An unknown key or a value of the wrong kind.
        """
        for key, value in values.items():
            _validate(key, value)
        text = op_label(LabelCode.CHANGE_SETTINGS)
        with self._store.unit_of_work(text) as (session, recorder):
            for key, value in values.items():
                # A setting's row is its key's: a tombstoned one (an undone first change) is
                # set again rather than joined by a second row; a live one comes first.
                row = session.scalars(
                    select(Setting)
                    .where(Setting.key == key)
                    .order_by(Setting.deleted_at.is_not(None), Setting.created_at)
                ).first()
                if row is None:
                    session.add(Setting(key=key, value=value))
                else:
                    row.value = value
                    row.deleted_at = None
        return change_result(recorder)

    def retention(self) -> RetentionPolicy:
        """The backup retention policy."""
        s = self.all()
        return RetentionPolicy(
            s["backup.keep_recent"], s["backup.keep_daily"], s["backup.keep_weekly"]
        )


def _validate(key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise ValidationError(f"Unknown setting {key}.", field=key)
    default = DEFAULTS[key]
    if isinstance(default, dict):
        if not isinstance(value, dict):
            raise ValidationError(f"{key} must be a set of named values.", field=key)
    elif key == "deals.lost_reasons":
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValidationError(f"{key} must be a list of reasons.", field=key)
    elif isinstance(default, list):
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise ValidationError(f"{key} must be a list.", field=key)
    elif isinstance(default, int):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 10_000:
            raise ValidationError(f"{key} must be a whole number from 0 to 10000.", field=key)
    elif not isinstance(value, str) or not value.strip():
        raise ValidationError(f"{key} must not be empty.", field=key)
    if key.startswith("numbering."):
        validate_pattern(value)
    _validate_followup_setting(key, value)
    if key == "quotes.tax_rounding" and value not in set(TaxRounding):
        raise ValidationError(
            f"{key} must be one of {', '.join(TaxRounding)}.", field=key, value=value
        )


def _validate_followup_setting(key: str, value: Any) -> None:
    """The follow-up, reminder and pool settings' own rules."""
    try:
        if key == "followup.stale_days_by_level":
            for level, days in value.items():
                if level not in DEFAULT_LEVEL_DAYS or not isinstance(days, int) or days < 1:
                    raise ValueError("levels A, B, C, each a whole number of days from 1")
        elif key == "reminders.morning":
            parse_morning(value)
        elif key == "pool.rules":
            for rule in value:
                ReturnRule.of(rule)
    except (ValueError, AttributeError) as exc:
        raise ValidationError(f"{key}: {exc}", field=key, value=value) from exc
