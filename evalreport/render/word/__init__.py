"""The narrative Word report: a context of numbers and sentences built from a consolidation result,
rendered into a docxtpl template (the shipped one or an officer's own), with a native chart."""
