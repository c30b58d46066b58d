"""Findings of one inspection in the two places they are edited: the findings page and the
follow-up under each yes/no item answered «خیر».

Both edit the stored record (one source): a write goes through the editor's pending writes,
keyed by the finding, and whichever view is shown next reads the record again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from inspector_app.ui import messages
from inspector_app.ui.editor.findings import FindingCard, FindingsPanel
from inspector_app.ui.editor.followup import FollowUpPanel
from inspector_app.ui.editor.items import ItemWidget
from inspector_app.ui.editor.previous_findings import PreviousFindingCard
from inspector_app.ui.qt import QObject, QWidget

if TYPE_CHECKING:
    from pathlib import Path

    from inspector_app.domain.forms import Form
    from inspector_app.services.editing import EditingSession
    from inspector_app.ui.editor.editor_photos import PhotoHolder
    from inspector_app.ui.editor.pending import PendingWrites


class FindingsHost(Protocol):
    """What the findings need of the editor that holds them (it is the editor)."""

    session: EditingSession
    form: Form
    read_only: bool
    writes: PendingWrites
    items: dict[tuple[str, int], ItemWidget]
    answers: dict[tuple[str, int], Any]
    evidence_holders: dict[tuple[str, int], PhotoHolder]

    def as_widget(self) -> QWidget: ...
    def after_write(self, result: Any = None) -> None: ...
    def load_photos(self, widget: PhotoHolder) -> None: ...
    def choose_photos(self, widget: PhotoHolder) -> None: ...
    def import_photos(self, widget: PhotoHolder, files: list[Path]) -> None: ...
    def remove_photo(self, widget: PhotoHolder, photo_id: str) -> None: ...
    def mark_photo(self, widget: PhotoHolder, photo_id: str) -> None: ...


class FindingLinks(QObject):
    def __init__(self, editor: FindingsHost) -> None:
        super().__init__(editor.as_widget())
        self.editor = editor
        self.page = FindingsPanel()
        self.page.add_requested.connect(lambda: self._add_card(None))
        self.page.prefill_requested.connect(self.prefill)
        self.page.previous.edited.connect(self._followup_edited)
        self.panels: dict[str, FollowUpPanel] = {}
        self._page_loaded = False

    # --- which items have a follow-up ------------------------------------------------------
    def follows_up(self, widget: ItemWidget) -> bool:
        return (
            widget.repeat == 0
            and widget.item.kind.yes_no
            and not self.editor.form.is_interview_item(widget.item.id)
        )

    def _by_item(self) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for finding in self.editor.session.findings():
            if finding["item_id"] and finding["item_id"] not in found:
                found[finding["item_id"]] = finding
        return found

    def load(self, widgets: list[ItemWidget] | None = None) -> None:
        """Show the follow-ups of `widgets` (all items by default) as stored."""
        by_item = self._by_item()
        photos = self.editor.session.photo_counts()
        for widget in widgets if widgets is not None else list(self.editor.items.values()):
            if self.follows_up(widget):
                key = (widget.item.id, 0)
                self._show(widget, by_item.get(widget.item.id), photos.get(key, 0))

    def _show(self, widget: ItemWidget, finding: dict[str, Any] | None, photos: int) -> None:
        answered_no = self.editor.answers.get((widget.item.id, 0)) == "no"
        panel = self.panels.get(widget.item.id)
        if not (answered_no or finding is not None or photos):
            if panel is not None:
                panel.hide()
            return
        if panel is None:
            panel = self._make_panel(widget)
        panel.show_finding(finding, answered_no)
        panel.show()

    def _make_panel(self, widget: ItemWidget) -> FollowUpPanel:
        panel = FollowUpPanel()
        panel.card.suggested = self.editor.session.suggested_deadline()
        panel.setObjectName(f"followUp_{widget.item.id}")
        panel.edited.connect(self._card_edited)
        panel.left.connect(self.editor.writes.flush)
        panel.remove_requested.connect(lambda card, w=widget: self._remove(card, w))
        panel.create_requested.connect(lambda w=widget: self._open(w))
        panel.set_read_only(self.editor.read_only)
        widget.attach_follow_up(panel)
        self.editor.load_photos(widget)
        self.panels[widget.item.id] = panel
        return panel

    # --- answers -------------------------------------------------------------------------
    def answer_stored(self, widget: ItemWidget, value: Any) -> None:
        """After an answer was written: open the follow-up of a «خیر», or close it."""
        if not self.follows_up(widget) or self.editor.read_only:
            return
        if value == "no":
            self._open(widget)
            return
        try:
            self.editor.writes.flush()  # what was typed into the follow-up counts
            self.editor.session.close_follow_up(widget.item.id)
        except Exception as exc:
            messages.report_exception(self.editor.as_widget(), exc)
        self.load([widget])

    def _open(self, widget: ItemWidget) -> None:
        try:
            self.editor.session.open_follow_up(widget.item.id)
        except Exception as exc:
            messages.report_exception(self.editor.as_widget(), exc)
        self.load([widget])

    # --- writing ---------------------------------------------------------------------------
    def _card_edited(self, card: FindingCard) -> None:
        if self.editor.read_only:
            return
        editor = self.editor

        def write() -> None:
            values = card.values()
            if not values["description"]:
                return  # the card says it is not saved until described
            card.finding_id = editor.session.save_finding(card.finding_id, **values)

        key = ("finding", card.finding_id) if card.finding_id else ("finding", id(card))
        editor.writes.schedule(key, write)

    def _remove(self, card: FindingCard, widget: ItemWidget | None) -> None:
        def remove() -> None:
            self.editor.writes.flush()
            if card.finding_id is not None:
                try:
                    self.editor.session.remove_finding(card.finding_id)
                except Exception as exc:
                    messages.report_exception(self.editor.as_widget(), exc)
                    return
            if widget is None:
                self.page.remove_card(card)
            else:
                self.load([widget])
            self.editor.after_write()

        messages.confirm(
            self.editor.as_widget(),
            self.tr("این یافته حذف شود؟"),
            remove,
            yes_text=self.tr("حذف شود"),
        )

    # --- the findings page -------------------------------------------------------------------
    def show_page(self) -> None:
        """Read the findings again (they may have been edited under their items)."""
        self.editor.writes.flush()
        prefill = not self._page_loaded and not self.editor.read_only
        self._page_loaded = True
        self._reload_page(prefill)

    def prefill(self) -> None:
        self.editor.writes.flush()
        self._reload_page(prefill=True)

    def _reload_page(self, prefill: bool) -> None:
        if prefill:
            try:
                self.editor.session.prefill_findings()
            except Exception as exc:
                messages.report_exception(self.editor.as_widget(), exc)
        self.page.clear()
        for finding in self.editor.session.findings():
            self._add_card(finding)
        session = self.editor.session
        self.page.previous.show_rows(
            session.followups(), session.visit_date(), self.editor.read_only
        )
        editor = self.editor
        editor.evidence_holders.clear()
        for card in self.page.previous.cards:
            card.photos_add_requested.connect(lambda c=card: editor.choose_photos(c))
            card.photo_files_chosen.connect(lambda files, c=card: editor.import_photos(c, files))
            card.photo_remove_requested.connect(lambda pid, c=card: editor.remove_photo(c, pid))
            card.photo_mark_requested.connect(lambda pid, c=card: editor.mark_photo(c, pid))
            editor.evidence_holders[card.photo_key] = card
            editor.load_photos(card)
            card.set_read_only(editor.read_only)  # the strip's buttons follow its photos

    def _followup_edited(self, card: PreviousFindingCard) -> None:
        if self.editor.read_only:
            return
        editor = self.editor

        def write() -> None:
            editor.session.set_followup(card.finding_id, card.outcome(), card.note.text().strip())

        editor.writes.schedule(("followup", card.finding_id), write)

    def _add_card(self, finding: dict[str, Any] | None) -> FindingCard:
        card = FindingCard(finding, suggested=self.editor.session.suggested_deadline())
        card.edited.connect(self._card_edited)
        card.left.connect(self.editor.writes.flush)
        card.remove_requested.connect(lambda c: self._remove(c, None))
        card.set_read_only(self.editor.read_only)
        self.page.add_card(card)
        if finding is None:
            card.description.setFocus()
        return card

    def set_read_only(self, read_only: bool) -> None:
        self.page.set_read_only(read_only)
        for panel in self.panels.values():
            panel.set_read_only(read_only)
