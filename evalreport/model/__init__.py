"""The data every stage shares: a period, the unit hierarchy, a submission, a finding and a
consolidation result. Plain values with no I/O, so that every stage can be tested on its own and
a script can build them by hand."""
