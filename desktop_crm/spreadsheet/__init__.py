"""Files from and for other software: vCard now, spreadsheets next. Pure: no store access."""
