"""Workbooks written by evalreport: the fill-in templates units receive, and the summary workbook,
which is at the same time the unit's own submission to the next level; plus the findings workbook."""
