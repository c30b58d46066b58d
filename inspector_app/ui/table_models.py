"""Tables backed by a list of row dicts: column specs, sorting in Python, Persian row numbers.

Sorting is done by the source model on its list (one Python sort), not by the proxy comparing
cells one call at a time, so 50,000 rows sort in a blink.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from inspector_app.ui import fmt
from inspector_app.ui.qt import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QHeaderView,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTableView,
)

log = logging.getLogger(__name__)
Row = dict[str, Any]
AnyIndex = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the whole row dict
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's id (office code, inspection id)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # the raw value the column sorts by

ALIGN_START = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column:
    title: str  # source text, translated in the "Columns" context
    display: Callable[[Row], str]
    sort_key: Callable[[Row], Any]
    align: Qt.AlignmentFlag = ALIGN_START
    width: int = 0  # starting width in pixels; 0: this column stretches
    # Every text a cell can show, when they are a vocabulary's labels: the column starts wide
    # enough for the longest in the UI's language ("Insurance service brokerage").
    shows: Callable[[], Iterable[str]] | None = None


def field_column(
    title: str,
    name: str,
    shown: Callable[[Any], str] | None = None,
    align: Qt.AlignmentFlag = ALIGN_START,
    width: int = 110,
    keys: Iterable[str] = (),
) -> Column:
    """A column showing `row[name]` (through `shown`) and sorting by the raw value; `keys`, the
    values it can hold when they are a vocabulary's (its width is then made for their labels)."""
    known = tuple(keys)
    return Column(
        title,
        (lambda row: shown(row.get(name))) if shown else (lambda row: str(row.get(name) or "")),
        lambda row: row.get(name),
        align,
        width,
        (lambda: [shown(k) for k in known]) if known and shown else None,
    )


def _sortable(value: Any) -> tuple[int, Any]:
    """None sorts after everything; mixed types never meet (a column holds one type)."""
    return (1, 0) if value is None else (0, value)


class RowsTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], key_field: str) -> None:
        super().__init__()
        self.columns = list(columns)
        self._key_field = key_field
        self._rows: list[Row] = []

    # --- data in -------------------------------------------------------------------------
    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[Row]:
        return self._rows

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def row_of_key(self, key: str) -> int:
        for position, row in enumerate(self._rows):
            if row.get(self._key_field) == key:
                return position
        return -1

    # --- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        try:
            return self._data(index, role)
        except Exception:
            # An exception escaping into Qt's C++ would end the process: log it, show nothing.
            log.exception("cell %d,%d role %d", index.row(), index.column(), role)
            return None

    def _data(self, index: AnyIndex, role: int) -> Any:
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return row.get(self._key_field)
        if role == SORT_ROLE:
            return column.sort_key(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return QCoreApplication.translate("Columns", self.columns[section].title)
            return None
        return fmt.plain_int(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column].sort_key
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_rows = [self._rows[i.row()] for i in old_persistent]
        self._rows.sort(
            key=lambda r: _sortable(key(r)), reverse=order == Qt.SortOrder.DescendingOrder
        )
        position = {id(r): i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old_persistent,
            [
                self.index(position[id(r)], i.column())
                for r, i in zip(old_rows, old_persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()


class RowsProxy(QSortFilterProxyModel):
    """Passes sorting to the source model; numbers rows 1..n in the UI's digits."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None and column >= 0:
            source.sort(column, order)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:  # the source has only the number, too
            return fmt.plain_int(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        return super().headerData(section, orientation, role)


def select_key(view: QTableView, proxy: RowsProxy, model: RowsTableModel, key: str) -> bool:
    """Make the row with `key` current in `view` and scroll to it; False when it is not there
    or the proxy's filter hides it."""
    row = model.row_of_key(key)
    if row < 0:
        return False
    index = proxy.mapFromSource(model.index(row, 0))
    if not index.isValid():
        return False
    view.setCurrentIndex(index)
    view.scrollTo(index)
    return True


STRETCH_MIN = 220  # a Persian office or form name stays readable; a scrollbar comes first
TITLE_MARGIN = 24  # the header's padding and its sort arrow
CELL_MARGIN = 12  # a cell's padding either side of its text, with room to spare


def apply_widths(view: QTableView, columns: Sequence[Column]) -> None:
    """Fixed starting widths (the user can drag them); width-0 columns share the rest.

    Never ResizeToContents: on a large table it asks Python for a thousand cells per column.
    Not Qt's Stretch mode either: it has no minimum per column, so on a laptop screen the
    name column shrank to a few letters. Below STRETCH_MIN the table scrolls sideways instead.
    A column starts as wide as its title and, when its cells are a vocabulary's labels, as the
    longest of them in the UI's language.
    """
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    least: dict[int, int] = {}
    for position, column in enumerate(columns):
        # Never narrower than the title: English titles are longer than the Persian ones.
        title = QCoreApplication.translate("Columns", column.title)
        least[position] = header.fontMetrics().horizontalAdvance(title) + TITLE_MARGIN
        texts = list(column.shows()) if column.shows else []
        cells = max((view.fontMetrics().horizontalAdvance(t) for t in texts), default=0)
        width = max(column.width or STRETCH_MIN, least[position], cells + CELL_MARGIN)
        header.setSectionResizeMode(position, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(position, width)
    stretched = {p: max(STRETCH_MIN, least[p]) for p, c in enumerate(columns) if not c.width}
    if stretched:
        _StretchedColumns(view, stretched)


class _StretchedColumns(QObject):
    """Gives the shown stretched columns what the viewport leaves, never less than their least
    (STRETCH_MIN, or the title when wider), whenever the table is resized or the user drags
    another column."""

    def __init__(self, view: QTableView, least: dict[int, int]) -> None:
        super().__init__(view)
        self._view = view
        self._least = least
        self._busy = False
        view.viewport().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._on_section_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _on_section_resized(self, position: int, _old: int, _new: int) -> None:
        if position not in self._least:
            self.fit()

    def fit(self) -> None:
        header = self._view.horizontalHeader()
        shown = [p for p in self._least if not header.isSectionHidden(p)]
        if self._busy or not shown:
            return
        others = sum(
            header.sectionSize(position)
            for position in range(header.count())
            if position not in self._least and not header.isSectionHidden(position)
        )
        share = (self._view.viewport().width() - others) // len(shown)
        self._busy = True
        try:
            for position in shown:
                header.resizeSection(position, max(self._least[position], share))
        finally:
            self._busy = False
