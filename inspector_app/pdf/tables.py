"""Right-to-left tables for reportlab, given in logical order (column 0 is the rightmost)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Table
from reportlab.platypus.tables import CellStyle, TableStyle

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
    table = SplittingTable(
        visual,
        colWidths=list(reversed(widths)),
        repeatRows=1 if header else 0,
        # A row that reaches the foot of a page splits there (two lines at least on each side)
        # rather than leaving the space empty; a short row moves on whole.
        splitByRow=0,
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


class SplittingTable(Table):
    """A Table whose rows split across pages inside the cells' padding.

    reportlab splits a top-aligned cell's flowables at the column's full width and at a height
    that ignores the bottom padding, while it draws them inside the padding: a paragraph broken
    for 176.7 pt was drawn in 164.7 pt and ran over the grid, the margin or the next column.
    """

    def _splitCell(
        self, value: Any, style: CellStyle, oldHeight: float, newHeight: float, width: float
    ) -> Any:
        if not isinstance(value, (list, tuple)) or style.valign != "TOP":
            return super()._splitCell(value, style, oldHeight, newHeight, width)
        inner = width - style.leftPadding - style.rightPadding
        room = newHeight - style.topPadding - style.bottomPadding
        canvas = getattr(self, "canv", None)
        head: list[Flowable] = []
        used = 0.0
        for index, flowable in enumerate(value):
            _, height = flowable.wrapOn(canvas, inner, room)
            before = flowable.getSpaceBefore() if head else 0.0
            if used + before + height <= room:
                head.append(flowable)
                used += before + height + flowable.getSpaceAfter()
                continue
            parts = flowable.splitOn(canvas, inner, room - used - before)
            rest = list(value[index + 1 :])
            if len(parts) >= 2:
                return (*head, parts[0]), (*parts[1:], *rest)
            if not head:
                return []  # nothing fits above the page end: the row moves on whole
            return tuple(head), (flowable, *rest)
        return tuple(head), ()
