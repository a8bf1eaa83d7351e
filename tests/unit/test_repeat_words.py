"""Repeats as people write them in call lists and the plan dialog, English and Chinese."""

from __future__ import annotations

import pytest

from desktop_crm.domain.repeat import Repeat, parse_repeat


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("daily", Repeat("days")),
        ("weekly", Repeat("weeks")),
        ("monthly", Repeat("months")),
        ("every 3 days", Repeat("days", 3)),
        ("Every 2 Weeks", Repeat("weeks", 2)),
        ("every other week", Repeat("weeks", 2)),
        ("every other day", Repeat("days", 2)),
        ("biweekly", Repeat("weeks", 2)),
        ("fortnightly", Repeat("weeks", 2)),
        ("every Monday", Repeat("weeks", 1, 0)),
        ("fridays", Repeat("weeks", 1, 4)),
        ("每天", Repeat("days")),
        ("每周", Repeat("weeks")),
        ("每个星期", Repeat("weeks")),
        ("每月", Repeat("months")),
        ("每3天", Repeat("days", 3)),
        ("每两个月", Repeat("months", 2)),
        ("每隔2周", Repeat("weeks", 2)),  # as people say it: every two weeks
        ("每隔一周", Repeat("weeks", 2)),  # every other week: one week skipped
        ("每隔一天", Repeat("days", 2)),
        ("每隔一个月", Repeat("months", 2)),
        ("隔周", Repeat("weeks", 2)),
        ("隔天", Repeat("days", 2)),
        ("两周一次", Repeat("weeks", 2)),
        ("每2周一次", Repeat("weeks", 2)),
        ("3个月一次", Repeat("months", 3)),
        ("每周一", Repeat("weeks", 1, 0)),
        ("每个星期一", Repeat("weeks", 1, 0)),
        ("每个周五", Repeat("weeks", 1, 4)),
        ("每礼拜天", Repeat("weeks", 1, 6)),
        ("FREQ=WEEKLY;INTERVAL=2", Repeat("weeks", 2)),
    ],
)
def test_words_people_write(text, expected):
    assert parse_repeat(text) == expected


@pytest.mark.parametrize("text", ["", "  ", "no", "不重复", "无"])
def test_no_repeat(text):
    assert parse_repeat(text) is None


@pytest.mark.parametrize("text", ["sometimes", "每隔", "every blue moon", "每年", "隔"])
def test_words_that_name_no_repeat(text):
    with pytest.raises(ValueError, match="is not a repeat"):
        parse_repeat(text)
