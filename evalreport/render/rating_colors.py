"""The colour of each rating, best first, in every chart: the Word report's and the summary
workbook's, so that a rating looks the same in both (excellent dark green ... not completed
red, then spares for a form with more ratings)."""

from __future__ import annotations

__all__ = ["RATING_COLORS", "rating_color"]

RATING_COLORS = ("1B5E20", "66BB6A", "FBC02D", "C62828", "90A4AE", "6D4C41")


def rating_color(index: int) -> str:
    """The colour of the ``index``-th rating (0 = best), cycling past the last."""
    return RATING_COLORS[index % len(RATING_COLORS)]
