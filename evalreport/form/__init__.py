"""The form definition: the one description (``evalreport/forms/*.yaml``) that templates, reading,
rules, aggregation, shares and rendering are all driven by, with its safe expression language and
the cell layout of a form workbook. Adding a field, a rule, a share or a form happens here, as data."""
