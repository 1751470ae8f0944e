"""CLI command groups, one module each (see :mod:`evalreport.cli`)."""
