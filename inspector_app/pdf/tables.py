"""Right-to-left tables for reportlab, given in logical order (column 0 is the rightmost)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Table
from reportlab.platypus.tables import TableStyle

from inspector_app.pdf.layout import GRID, HEAD_BG, TABLE_FONT


def rtl_table(
    rows: list[list[Any]],
    widths: list[float],
    style: list[tuple[Any, ...]],
    *,
    header: bool = False,
    grid: bool = True,
) -> Table:
    """A table given in logical order (column 0 is the rightmost): rows and widths are reversed
    and style coordinates mirrored; the header row repeats on every page; long cells split."""
    columns = len(widths)
    commands: list[tuple[Any, ...]] = [
        TABLE_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if grid:
        commands += [("GRID", (0, 0), (-1, -1), 0.5, GRID)]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEAD_BG)]
    commands += [_mirror(cmd, columns) for cmd in style]
    visual = [list(reversed(row)) for row in rows]
    for name, (c0, r0), (c1, _), *_ in commands:
        if name == "SPAN":
            # reportlab shows a span's top-left cell; in logical order the content sits in the
            # span's first (rightmost) cell.
            visual[r0][c0], visual[r0][c1] = visual[r0][c1], visual[r0][c0]
    table = Table(
        visual,
        colWidths=list(reversed(widths)),
        repeatRows=1 if header else 0,
        splitInRow=1,
    )
    table.setStyle(TableStyle(commands))
    return table


def _mirror(command: tuple[Any, ...], columns: int) -> tuple[Any, ...]:
    name, (c0, r0), (c1, r1), *rest = command

    def flip(c: int) -> int:
        return columns - 1 - c if c >= 0 else -c - 1

    a, b = sorted((flip(c0), flip(c1)))
    return (name, (a, r0), (b, r1), *rest)
