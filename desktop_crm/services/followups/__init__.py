"""Planned follow-ups: planning, completing, snoozing, repeating, reminders, calendar files."""
