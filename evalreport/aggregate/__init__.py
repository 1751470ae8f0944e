"""Aggregation: rolling accepted submissions up the hierarchy into totals, shares, completeness,
quota checks, reconciliation and changes against the previous period, and rolling monthly forms up
into quarters and years. Pure: submissions in, a consolidation result out."""
