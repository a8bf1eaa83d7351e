"""The Pipeline screen: deals on a kanban board, a column per stage (and a list of them)."""
