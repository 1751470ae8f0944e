"""Checking submissions against their form: the rules of the form definition, the child-rating
table, and the intake that decides which of a unit's files counts. Pure: values in, findings out."""
