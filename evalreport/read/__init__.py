"""Reading submitted files into :class:`~evalreport.model.submission.Submission` values: the guard on
raw bytes, the workbook reader (python-calamine), and the interpretation of what officers type
(counts written as text, rating codes). Every problem becomes a finding; nothing here raises on bad
input."""
