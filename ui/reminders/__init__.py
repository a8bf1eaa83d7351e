"""Reminders while the app runs: the check timer, notifications, the reminder window, the tray.

Nothing here needs a server: the laptop keeps time. :mod:`ui.reminders.scheduler` asks the
workspace what is due on a lane and connection of its own; :mod:`ui.reminders.controller`
shows what it finds (a desktop notification, the always-on-top reminder window, the "While you
were away" list) and carries out Open, Complete and Snooze; :mod:`ui.reminders.tray` is the
system tray icon with the due count; :mod:`ui.reminders.autostart` starts the app in the tray at
login.
"""
