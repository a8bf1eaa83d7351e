"""The contact lists: filtered, sorted id lists, pages of rows, saved views."""
