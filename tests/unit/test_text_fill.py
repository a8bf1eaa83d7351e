"""The one-pass placeholder fill used for translated UI text."""

from __future__ import annotations

from ui.text_fill import fill


def test_values_fill_their_placeholders():
    assert fill("%1: %2.", "people.xlsx", "3 created") == "people.xlsx: 3 created."
    assert fill("Log %1 with %2", "visit", 42) == "Log visit with 42"


def test_placeholders_may_come_in_any_order():
    assert fill("%2 von %1", "a", "b") == "b von a"
    assert fill("%1 and %1", "x") == "x and x"


def test_a_value_containing_a_placeholder_is_not_filled_again():
    assert fill("Log %1 with %2", "50%2off", "Anna") == "Log 50%2off with Anna"
    assert fill("%1 – %2", "%1", "%2") == "%1 – %2"


def test_placeholders_without_a_value_and_plural_markers_stay():
    assert fill("%1 of %3", "a", "b") == "a of %3"
    assert fill("Merge %n people into %1", "Anna") == "Merge %n people into Anna"
    assert fill("Exported %Ln rows to %1.", "out.csv") == "Exported %Ln rows to out.csv."
    assert fill("100% sure, %") == "100% sure, %"
    assert fill("no placeholders") == "no placeholders"
