"""Photos in the editor: choose or drop files, prepare them off the GUI thread, store, remove.

A part of InspectionEditor (a mixin), kept apart so the editor stays about its answers. A
photo belongs to a holder with a strip: an item (its photo answer or follow-up), or a finding
an earlier visit left open (its evidence); the holder's `photo_key` says which.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from inspector_app.services.editing import EditingSession, NewPhoto
from inspector_app.services.photos import visit_of
from inspector_app.ui import fmt, messages, ui_settings
from inspector_app.ui.background import run_in_background
from inspector_app.ui.editor.items import ItemWidget
from inspector_app.ui.editor.photo_marks_dialog import PhotoMarksDialog
from inspector_app.ui.editor.photos import PhotoStrip, prepare_many
from inspector_app.ui.qt import QCoreApplication, QWidget, is_alive

if TYPE_CHECKING:
    from inspector_app.domain.scoring import AnswerKey, ScoreResult
    from inspector_app.ui.env import PageEnv


class PhotoHolder(Protocol):
    """What holds a strip of photos: an ItemWidget or a PreviousFindingCard."""

    @property
    def photos(self) -> PhotoStrip | None: ...

    @property
    def photo_key(self) -> tuple[str, int]: ...  # (the photos' item id, repeat index)


class EditorPhotos:
    env: PageEnv
    session: EditingSession
    inspection_id: str
    read_only: bool
    imports_running: int
    items: dict[AnswerKey, ItemWidget]
    evidence_holders: dict[tuple[str, int], PhotoHolder]  # follow-ups' cards, by photo key
    _photos: list[dict[str, Any]]

    def as_widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def after_write(self, result: ScoreResult | None = None) -> None: ...  # the editor's

    def load_photos(self, widget: PhotoHolder) -> None:
        """Show the holder's stored photos in its strip, if it has one."""
        if widget.photos is not None:
            key = widget.photo_key
            mine = [
                p for p in getattr(self, "_photos", []) if (p["item_id"], p["repeat_index"]) == key
            ]
            # The visit (its times may have changed) is read only for an item with photos.
            widget.photos.set_photos(mine, visit_of(self.session.record()) if mine else None)

    def choose_photos(self, widget: PhotoHolder) -> None:
        assert widget.photos is not None
        files = widget.photos.ask_files(ui_settings.last_folder(self.env.settings, "photos"))
        if files:
            ui_settings.remember_folder(self.env.settings, "photos", files[0].parent)
            self.import_photos(widget, files)

    def import_photos(self, widget: PhotoHolder, files: list[Path]) -> None:
        """Read and downscale off the GUI thread, then store each photo."""
        if self.read_only:
            return
        self.imports_running += 1
        item_id, repeat = widget.photo_key
        session = self.session

        def done(result: tuple[list[NewPhoto], list[tuple[str, str]]]) -> None:
            self.imports_running -= 1
            if is_alive(self.as_widget()):
                self._store_photos(item_id, repeat, *result)
            else:  # the editor was closed meanwhile: keep the photos all the same
                for photo in result[0]:
                    session.add_photo(item_id, photo, repeat)

        def failed(error: BaseException) -> None:
            self.imports_running -= 1
            messages.report_exception(
                self.as_widget() if is_alive(self.as_widget()) else None, error
            )

        run_in_background(
            self.as_widget(),
            prepare_many,
            list(files),
            on_success=done,
            on_failure=failed,
            label=QCoreApplication.translate("InspectionEditor", "در حال آماده‌سازی عکس‌ها…"),
        )

    def _store_photos(
        self, item_id: str, repeat: int, prepared: list[NewPhoto], refused: list[tuple[str, str]]
    ) -> None:
        stored = 0
        for photo in prepared:
            try:
                self.session.add_photo(item_id, photo, repeat)
                stored += 1
            except Exception as exc:
                messages.report_exception(self.as_widget(), exc)
                break
        if stored:
            self._refresh_photos(item_id, repeat)
            self.after_write()
        if refused:
            lines = "\n".join(f"• {name}: {reason}" for name, reason in refused)
            messages.show_warning(
                self.as_widget(),
                QCoreApplication.translate("InspectionEditor", "{n} پرونده افزوده نشد:").format(
                    n=fmt.plain_int(len(refused))
                ),
                lines,
            )

    def _refresh_photos(self, item_id: str, repeat: int) -> None:
        key = (item_id, repeat)
        widget: PhotoHolder | None = self.items.get(key) or self.evidence_holders.get(key)
        if widget is None or widget.photos is None:
            return
        self._photos = self.session.photos()
        widget.photos.set_photos(
            [p for p in self._photos if (p["item_id"], p["repeat_index"]) == key],
            visit_of(self.session.record()),
        )

    def mark_photo(self, widget: PhotoHolder, photo_id: str) -> None:
        """Draw marks on the photo or blur part of it; stored when the dialog is saved."""
        if self.read_only:
            return
        base = self.session.photo_jpeg(photo_id)
        if base is None:
            return
        dialog = PhotoMarksDialog(base, self.as_widget())
        if dialog.exec() != PhotoMarksDialog.DialogCode.Accepted or not dialog.marks:
            return
        try:
            self.session.mark_photo(photo_id, base, dialog.marks)
        except Exception as exc:
            messages.report_exception(self.as_widget(), exc)
            return
        self._refresh_photos(*widget.photo_key)
        self.after_write()

    def remove_photo(self, widget: PhotoHolder, photo_id: str) -> None:
        def remove() -> None:
            try:
                self.session.remove_photo(photo_id)
            except Exception as exc:
                messages.report_exception(self.as_widget(), exc)
                return
            self._refresh_photos(*widget.photo_key)
            self.after_write()

        messages.confirm(
            self.as_widget(),
            QCoreApplication.translate("InspectionEditor", "این عکس حذف شود؟"),
            remove,
            yes_text=QCoreApplication.translate("InspectionEditor", "حذف شود"),
        )
