"""The inspection editor: one inspection, every change committed as it is made.

Answers are written when chosen (the "saved" mark appears only after the write returned);
notes and typed text are written after a short pause, when focus leaves the field, and by
`flush()` when the editor or the window closes, so closing mid-typing loses nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from inspector_app.domain.scoring import AnswerKey, ScoreResult, is_visible
from inspector_app.services.editing import EditingSession
from inspector_app.ui import fmt, labels, messages, theme
from inspector_app.ui.background import Changes, announce
from inspector_app.ui.editor.actions import EditorAction
from inspector_app.ui.editor.editor_photos import EditorPhotos, PhotoHolder
from inspector_app.ui.editor.finding_links import FindingLinks
from inspector_app.ui.editor.header import HeaderPanel
from inspector_app.ui.editor.interviews import InterviewsPanel
from inspector_app.ui.editor.items import ItemWidget
from inspector_app.ui.editor.navigation import EditorNavigation
from inspector_app.ui.editor.pending import PendingWrites
from inspector_app.ui.editor.score_display import ScoreDisplay
from inspector_app.ui.editor.shortcuts import SHORTCUTS, shortcut_help
from inspector_app.ui.env import PageEnv
from inspector_app.ui.qt import (
    QApplication,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
)

log = logging.getLogger(__name__)


class InspectionEditor(QWidget, EditorPhotos, EditorNavigation):
    close_requested = Signal()
    score_changed = Signal(object)  # ScoreResult

    def __init__(
        self, env: PageEnv, inspection_id: str, actions: Sequence[EditorAction] = ()
    ) -> None:
        super().__init__()
        self.setObjectName("inspectionEditor")
        self.env = env
        self.inspection_id = inspection_id
        self.session = EditingSession(env.context.db, inspection_id)
        self.record = self.session.record()
        self.form = self.session.form
        self.read_only = self.record["status"] != "draft"
        self.answers: dict[AnswerKey, Any] = self.session.answers()
        self.items: dict[AnswerKey, ItemWidget] = {}
        self.evidence_holders: dict[tuple[str, int], PhotoHolder] = {}
        self.section_items: list[list[ItemWidget]] = []
        self.imports_running = 0
        self._current: ItemWidget | None = None
        self.writes = PendingWrites()
        self.writes.state_changed.connect(self._set_saved_state)
        self.writes.failed.connect(lambda exc: messages.report_exception(self, exc))

        # --- top bar: back, title, progress, live score, open required, saved mark, actions
        self.back_button = QPushButton(self.tr("بازگشت"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.close_requested)
        title = QLabel(self.form.title)
        title.setObjectName("formTitle")
        title.setToolTip(self.form.title)
        title.setMinimumWidth(80)
        title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.score_display = ScoreDisplay()
        self.score_label = self.score_display.score_label
        self.open_label = self.score_display.open_label
        self.progress = self.score_display.progress
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedIndicator")
        self.actions_bar = QHBoxLayout()
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(title, 1)
        top.addWidget(self.progress)
        top.addWidget(self.score_label)
        top.addWidget(self.open_label)
        top.addWidget(self.saved_label)
        top.addLayout(self.actions_bar)

        self.header = HeaderPanel(self.record)
        self.header.changed.connect(self._header_changed)
        self.header.typed.connect(self._header_typed)
        self.header.left.connect(self.writes.flush)

        # --- sections: navigation list and one scrolling page each -----------------------
        self.nav = QListWidget()
        self.nav.setObjectName("sectionNav")
        self.nav.setMinimumWidth(220)
        self.nav.setMaximumWidth(320)
        self.nav.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.setObjectName("sectionPages")
        self.scrolls: list[QScrollArea] = []
        for section in self.form.sections:
            widgets = [
                self._make_item(item, 0, f"{fmt.plain_int(position)}-")
                for position, item in enumerate(section.items, start=1)
            ]
            self.section_items.append(widgets)
            self._add_page(section.title, widgets)
        self.interviews: InterviewsPanel | None = None
        if self.form.interview is not None:
            self.interviews = InterviewsPanel(
                self.form.interview.title, self.form.interview.min_count, self._make_interview_items
            )
            self.interviews.add_requested.connect(self.add_interview)
            self.interviews.remove_requested.connect(self.remove_interview)
            self._add_nav_entry(self.form.interview.title)
            self.stack.addWidget(self.interviews)
            self.scrolls.append(self.interviews.scroll_area)
            for repeat in self.session.interview_indices():
                self.interviews.add_group(repeat)
        self.finding_links = FindingLinks(self)
        self.findings = self.finding_links.page
        self._add_nav_entry(self.tr("یافته‌ها"))
        self.stack.addWidget(self.findings)
        self.nav.currentRowChanged.connect(self._section_changed)

        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.score_display.cap_note)
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        layout.addWidget(self.banner)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        help_line = QLabel(shortcut_help())
        help_line.setObjectName("shortcutHelp")
        layout.addWidget(help_line)

        for make_action in actions:
            widget = make_action(self)
            if widget is not None:
                self.actions_bar.addWidget(widget)
        self._install_shortcuts()
        self._load_values()
        self.finding_links.load()
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        self.set_read_only(self.read_only)
        self._update_visibility()
        self._show_score(self.session.score())
        self._set_saved_state("saved")
        self.nav.setCurrentRow(0)

    # --- building ----------------------------------------------------------------------
    def _make_item(self, item: Any, repeat: int, number: str = "") -> ItemWidget:
        widget = ItemWidget(item, repeat, number)
        widget.answer_chosen.connect(lambda value, w=widget: self.set_answer(w, value))
        widget.note_edited.connect(lambda text, w=widget: self._note_edited(w, text))
        widget.text_edited.connect(lambda text, w=widget: self._text_edited(w, text))
        widget.number_typed.connect(lambda value, w=widget: self._typed_answer(w, value))
        widget.note_left.connect(self.writes.flush)
        widget.photos_add_requested.connect(lambda w=widget: self.choose_photos(w))
        widget.photo_files_chosen.connect(lambda files, w=widget: self.import_photos(w, files))
        widget.photo_remove_requested.connect(lambda pid, w=widget: self.remove_photo(w, pid))
        widget.photo_mark_requested.connect(lambda pid, w=widget: self.mark_photo(w, pid))
        if widget.photos is not None:
            widget.photos.set_markable(True)
        self.items[(item.id, repeat)] = widget
        return widget

    def _make_interview_items(self, repeat: int) -> list[ItemWidget]:
        assert self.form.interview is not None
        widgets = [
            self._make_item(item, repeat, f"{fmt.plain_int(position)}-")
            for position, item in enumerate(self.form.interview.items, start=1)
        ]
        for widget in widgets:
            self._load_widget(widget)
            widget.set_read_only(self.read_only)
        return widgets

    def _load_values(self) -> None:
        self._notes = self.session.notes()
        self._photos = self.session.photos()
        for widget in self.items.values():
            self._load_widget(widget)

    def _load_widget(self, widget: ItemWidget) -> None:
        key = (widget.item.id, widget.repeat)
        widget.set_value(self.answers.get(key))
        widget.set_note(getattr(self, "_notes", {}).get(key, ""))
        self.load_photos(widget)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A shortcut the focused field let through unmatched (seen with Ctrl+PgDown in a
        # line edit) bubbles up here as a key press: honour it all the same.
        pressed = QKeySequence(event.keyCombination())
        for name, sequence in SHORTCUTS.items():
            if pressed.matches(sequence) == QKeySequence.SequenceMatch.ExactMatch:
                self.shortcuts[name].activated.emit()
                event.accept()
                return
        super().keyPressEvent(event)

    # --- answers -----------------------------------------------------------------------
    def set_answer(self, widget: ItemWidget, value: Any) -> bool:
        """Store one answer now; the saved mark shows only after the write committed."""
        key = (widget.item.id, widget.repeat)
        if self.read_only:
            widget.set_value(self.answers.get(key))
            return False
        self._set_saved_state("pending")
        self.writes.cancel(("answer", widget.item.id, widget.repeat))  # this value is newer
        try:
            result = self.session.set_answer(widget.item.id, value, widget.repeat)
        except Exception as exc:
            widget.set_value(self.answers.get(key))
            self._set_saved_state("error")
            messages.report_exception(self, exc)
            return False
        self.answers[key] = value
        self.after_write(result)
        self.finding_links.answer_stored(widget, value)
        return True

    def after_write(self, result: ScoreResult | None = None) -> None:
        """Every write the editor and its panels make ends here, once it has committed."""
        self._update_visibility()
        self._show_score(result or self.session.score())
        if not self.writes.has_pending():
            self._set_saved_state("saved")
        announce(self.env.events, Changes.INSPECTION, self.inspection_id)

    def _note_edited(self, widget: ItemWidget, text: str) -> None:
        if self.read_only:
            return
        item_id, repeat = widget.item.id, widget.repeat
        self.writes.schedule(
            ("note", item_id, repeat),
            lambda: self.session.set_note(item_id, text, repeat),
        )

    def _text_edited(self, widget: ItemWidget, text: str) -> None:
        self._typed_answer(widget, text if text.strip() else None)

    def _typed_answer(self, widget: ItemWidget, value: Any) -> None:
        """An answer being typed (text, number): written after a pause, on leaving, on close."""
        if self.read_only:
            return
        item_id, repeat = widget.item.id, widget.repeat

        def write() -> None:
            self.session.set_answer(item_id, value, repeat)
            self.answers[(item_id, repeat)] = value
            if is_alive(self):
                self.after_write()

        self.writes.schedule(("answer", item_id, repeat), write)

    def _header_changed(self, fields: dict[str, Any]) -> None:
        if self.read_only:
            return
        self._set_saved_state("pending")
        try:
            self.session.update_header(**fields)
        except Exception as exc:
            self._set_saved_state("error")
            messages.report_exception(self, exc)
            return
        self.after_write()

    def _header_typed(self, key: str, fields: dict[str, Any]) -> None:
        if self.read_only:
            return
        self.writes.schedule(
            ("header", key),
            lambda: self.session.update_header(**fields),
        )

    def flush(self) -> bool:
        """Write everything still pending; True when it all committed."""
        return self.writes.flush()

    # --- visibility, score, saved mark ---------------------------------------------------
    def _update_visibility(self) -> None:
        for widget in self.items.values():
            widget.setVisible(is_visible(widget.item, self.answers, widget.repeat))

    def _show_score(self, result: ScoreResult) -> None:
        self.score = result
        self.score_display.show(result, self.form)
        for row, section in enumerate(result.sections):
            entry = self.nav.item(row)
            done = section.answered >= section.total_visible
            entry.setText(
                f"{'✔ ' if done else ''}{entry.data(Qt.ItemDataRole.UserRole)}\n"
                f"{fmt.plain_int(section.answered)} / {fmt.plain_int(section.total_visible)}"
            )
        if self.interviews is not None and self.form.interview is not None:
            entry = self.nav.item(len(result.sections))
            count = len(self.interviews.groups)
            entry.setText(
                f"{entry.data(Qt.ItemDataRole.UserRole)}\n"
                + self.tr("{n} مصاحبه").format(n=fmt.plain_int(count))
            )
        self.score_changed.emit(result)

    def _set_saved_state(self, state: str) -> None:
        texts = {
            "saved": self.tr("✔ ذخیره شد"),
            "pending": self.tr("… در حال ذخیره"),
            "error": self.tr("✖ ذخیره نشد"),
        }
        if state == "saved" and self.writes.has_pending():
            state = "pending"
        theme.set_state(self.saved_label, "state", state)
        self.saved_label.setText(texts[state])

    # --- sections ----------------------------------------------------------------------
    def _section_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        # Findings are edited on their page and under their items: show them as stored.
        if self.stack.currentWidget() is self.findings:
            self.finding_links.show_page()
        elif 0 <= row < len(self.section_items):
            self.writes.flush()
            self.finding_links.load(self.section_items[row])

    # --- interviews ----------------------------------------------------------------------
    def add_interview(self) -> int | None:
        if self.read_only or self.interviews is None:
            return None
        self.writes.flush()
        try:
            repeat = self.session.add_interview()
        except Exception as exc:
            messages.report_exception(self, exc)
            return None
        widgets = self.interviews.add_group(repeat)
        self._update_visibility()
        self.after_write()
        if widgets:
            self.focus_item(widgets[0])
        return repeat

    def remove_interview(self, repeat: int) -> None:
        def remove() -> None:
            self.writes.flush()
            try:
                self.session.remove_interview(repeat)
            except Exception as exc:
                messages.report_exception(self, exc)
                return
            for key in [k for k in self.items if k[1] == repeat]:
                del self.items[key]
            for key in [k for k in self.answers if k[1] == repeat]:
                del self.answers[key]
            if self._current is not None and self._current.repeat == repeat:
                self._current = None
            assert self.interviews is not None
            self.interviews.remove_group(repeat)
            self.after_write()

        messages.confirm(
            self,
            self.tr("مصاحبهٔ {n} با همهٔ پاسخ‌هایش حذف شود؟").format(n=fmt.plain_int(repeat)),
            remove,
            yes_text=self.tr("حذف شود"),
        )

    # --- state ---------------------------------------------------------------------------
    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.banner.setText(
            self.tr("این بازرسی {status} است و فقط خواندنی است.").format(
                status=labels.inspection_status(self.record["status"])
            )
        )
        self.banner.setVisible(read_only)
        self.header.set_read_only(read_only)
        for widget in self.items.values():
            widget.set_read_only(read_only)
        if self.interviews is not None:
            self.interviews.set_read_only(read_only)
        self.finding_links.set_read_only(read_only)

    def reload(self) -> None:
        """Read the record again (e.g. after finalizing, to show it read-only)."""
        self.writes.flush()
        self.record = self.session.record()
        self.answers = self.session.answers()
        self._load_values()
        self.set_read_only(self.record["status"] != "draft")
        self.finding_links.load()
        self._update_visibility()
        self._show_score(self.session.score())
