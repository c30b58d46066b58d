"""Photo evidence in the editor: thumbnails, add from a file dialog or by drag-and-drop.

Reading and downscaling run off the GUI thread (`prepare_many`); the editor then stores each
prepared photo, which is a quick write.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector_app.domain.photo_evidence import (
    METRES_FROM_OFFICE,
    NO_CAPTURE_TIME,
    WARNING_MARK,
    Evidence,
)
from inspector_app.errors import KnownError
from inspector_app.services.editing import NewPhoto
from inspector_app.services.photos import Visit, evidence_of, prepare_photo
from inspector_app.ui import fmt, messages
from inspector_app.ui.qt import (
    QAbstractItemView,
    QColor,
    QCoreApplication,
    QDragEnterEvent,
    QDropEvent,
    QFileDialog,
    QHBoxLayout,
    QIcon,
    QListWidget,
    QListWidgetItem,
    QPixmap,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)

log = logging.getLogger(__name__)


def _caption(evidence: Evidence) -> str:
    """When (Jalali) and how far from the office a photo was taken, in the app's language; a
    warning mark first when it is flagged."""
    if evidence.captured_at is None:
        lines = [QCoreApplication.translate("Photos", NO_CAPTURE_TIME)]
    else:
        lines = [f"{fmt.jalali(evidence.captured_at)} {fmt.clock(evidence.captured_at)}"]
    if evidence.distance_m is not None:
        metres = QCoreApplication.translate("Photos", METRES_FROM_OFFICE)
        lines.append(metres.format(n=fmt.number(round(evidence.distance_m))))
    text = "\n".join(lines)
    return f"{WARNING_MARK} {text}" if evidence.flagged else text


IMAGE_FILTER = "*.jpg *.jpeg *.png *.heic *.webp *.bmp *.tif *.tiff"
THUMB = QSize(120, 90)
FLAGGED = QColor("#b3261e")  # the text of a photo taken outside the visit or far away


def prepare_many(
    files: list[Path], progress: Callable[[int, int], None] | None = None
) -> tuple[list[NewPhoto], list[tuple[str, str]]]:
    """Prepared photos, and (file name, Persian reason) for each file that could not be used."""
    prepared: list[NewPhoto] = []
    refused: list[tuple[str, str]] = []
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files))
        try:
            prepared.append(prepare_photo(path))
        except KnownError as exc:
            log.info("photo refused: %s: %s", path, exc.message)
            refused.append((path.name, messages.error_text(exc)))
    if progress is not None:
        progress(len(files), len(files))
    return prepared, refused


class PhotoStrip(QWidget):
    """Thumbnails of an item's photos, an add button, and a drop target for image files."""

    files_chosen = Signal(list)  # list[Path], from the dialog or a drop
    add_requested = Signal()
    remove_requested = Signal(str)  # photo id
    mark_requested = Signal(str)  # photo id: draw marks or blur a region on it

    def __init__(self, thumb: QSize = THUMB) -> None:
        super().__init__()
        self.setObjectName("photoStrip")
        self.setAcceptDrops(True)
        self.thumbs = QListWidget()
        self.thumbs.setObjectName("thumbnails")
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(thumb)
        self.thumbs.setFlow(QListWidget.Flow.LeftToRight)
        self.thumbs.setWrapping(False)
        self.thumbs.setWordWrap(True)
        self.thumbs.setGridSize(QSize(thumb.width() + 60, thumb.height() + 52))
        # Room under each thumbnail for its capture time and distance (two short lines).
        self.thumbs.setFixedHeight(thumb.height() + 68)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.thumbs.setAcceptDrops(False)
        self.add_button = QPushButton(self.tr("افزودن عکس…"))
        self.add_button.setObjectName("addPhoto")
        self.add_button.setToolTip(self.tr("یا عکس‌ها را روی این بخش بکشید و رها کنید"))
        self.add_button.clicked.connect(self.add_requested)
        self.remove_button = QPushButton(self.tr("حذف عکس"))
        self.remove_button.setObjectName("removePhoto")
        self.remove_button.clicked.connect(self._remove_selected)
        self.mark_button = QPushButton(self.tr("نشانه و محو…"))
        self.mark_button.setObjectName("markPhoto")
        self.mark_button.setToolTip(
            self.tr("پیکان، دایره و متن روی عکس، یا محو کردن چهره‌ها و مدارک")
        )
        self.mark_button.clicked.connect(lambda: self._emit_selected(self.mark_requested))
        self.mark_button.setVisible(False)  # shown where a host handles it (set_markable)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.mark_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(buttons)
        row.addWidget(self.thumbs, 1)

    def set_photos(self, photos: list[dict[str, Any]], visit: Visit | None) -> None:
        """Thumbnails, each with when (Jalali) and how far from the office it was taken; a
        photo taken outside the visit or far from the office is marked, the reason in its
        tooltip. `visit` may be None only for no photos."""
        assert visit is not None or not photos
        self.thumbs.clear()
        for photo in photos:
            pixmap = QPixmap()
            pixmap.loadFromData(photo["thumbnail"])
            evidence = evidence_of(photo, visit)  # type: ignore[arg-type]
            item = QListWidgetItem(QIcon(pixmap), _caption(evidence))
            item.setData(Qt.ItemDataRole.UserRole, photo["id"])
            warnings = [QCoreApplication.translate("Photos", w) for w in evidence.warnings]
            tip = [photo.get("original_name") or "", *(f"{WARNING_MARK} {w}" for w in warnings)]
            item.setToolTip("\n".join(line for line in tip if line))
            if evidence.flagged:
                item.setForeground(FLAGGED)
            self.thumbs.addItem(item)
        self.remove_button.setEnabled(bool(photos) and self.add_button.isEnabled())
        self.mark_button.setEnabled(bool(photos) and self.add_button.isEnabled())

    def ask_files(self, start: str) -> list[Path]:
        """The file dialog; an empty list when the user cancels."""
        pictures = self.tr("عکس‌ها")
        everything = self.tr("همهٔ پرونده‌ها")
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("انتخاب عکس"), start, f"{pictures} ({IMAGE_FILTER});;{everything} (*)"
        )
        return [Path(f) for f in files]

    def count(self) -> int:
        return self.thumbs.count()

    def set_markable(self, markable: bool) -> None:
        self.mark_button.setVisible(markable)

    def _remove_selected(self) -> None:
        self._emit_selected(self.remove_requested)

    def _emit_selected(self, signal: Any) -> None:
        """`signal` with the chosen thumbnail's photo id (the first when none is chosen)."""
        item = self.thumbs.currentItem() or (self.thumbs.item(0) if self.thumbs.count() else None)
        if item is not None:
            signal.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only and self.thumbs.count() > 0)
        self.mark_button.setEnabled(not read_only and self.thumbs.count() > 0)
        self.setAcceptDrops(not read_only)

    # --- drag and drop ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.files_chosen.emit(files)
