"""The whole workspace as one workbook, and back into an empty workspace."""
