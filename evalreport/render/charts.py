"""The chart image of a narrative report: members by rating, one stacked bar per child unit.

matplotlib with the Agg backend (no display needed) and DejaVu Sans, which has every Vietnamese
glyph, so names like "Chi bộ ấp Chợ" print correctly on any machine.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from typing import Any

__all__ = ["ratings_chart_png", "RATING_COLORS"]

RATING_COLORS = ("#1b5e20", "#66bb6a", "#fbc02d", "#c62828", "#90a4ae", "#6d4c41")
_FONT = {"family": "DejaVu Sans", "size": 9}


@cache
def _matplotlib() -> tuple[Any, Any]:
    """matplotlib on first use: importing it costs about half a second, which every command
    paid when it was imported with evalreport, also those that draw nothing."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    return matplotlib, Figure


def ratings_chart_png(names: Sequence[str], series: Sequence[Sequence[int | None]], labels: Sequence[str],
                      title: str, axis_label: str, max_bars: int = 40) -> bytes | None:
    """A horizontal stacked bar chart: ``series[i][k]`` is the count of rating ``k`` in unit ``i``.

    Returns PNG bytes, or None when there is nothing to draw. Beyond ``max_bars`` units only the
    largest are drawn (the table in the report lists them all).
    """
    rows = [(n, [v or 0 for v in s]) for n, s in zip(names, series, strict=True)]
    rows = [r for r in rows if sum(r[1])]
    if not rows:
        return None
    if len(rows) > max_bars:
        rows = sorted(rows, key=lambda r: -sum(r[1]))[:max_bars]
    rows.reverse()  # first unit at the top
    matplotlib, Figure = _matplotlib()
    with matplotlib.rc_context({"font.family": _FONT["family"], "font.size": _FONT["size"]}):
        fig = Figure(figsize=(7.0, max(2.2, 0.42 * len(rows) + 1.3)), dpi=150)
        ax = fig.add_subplot()
        left = [0] * len(rows)
        y = range(len(rows))
        for k, label in enumerate(labels):
            widths = [r[1][k] if k < len(r[1]) else 0 for r in rows]
            ax.barh(list(y), widths, left=left, color=RATING_COLORS[k % len(RATING_COLORS)], label=label,
                    edgecolor="white", linewidth=0.5)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        ax.set_yticks(list(y), [_short(r[0]) for r in rows])
        ax.set_xlabel(axis_label)
        if title:
            ax.set_title(title, fontsize=10, fontweight="bold")
        ax.spines[["top", "right"]].set_visible(False)
        fig.legend(ncols=2, loc="lower center", frameon=False, fontsize=8)
        legend_rows = (len(labels) + 1) // 2
        fig.tight_layout(rect=(0, (0.2 * legend_rows + 0.12) / fig.get_figheight(), 1, 1))
        out = io.BytesIO()
        fig.savefig(out, format="png")
    return out.getvalue()


def _short(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"
