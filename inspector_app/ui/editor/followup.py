"""The follow-up under a checklist item answered «خیر»: its finding (what was found, the
corrective action, a Jalali deadline) and photos of it, right where the answer was given.

The finding is the same stored record as on the findings page, shown with the same card. When
the answer changes away from «خیر», a follow-up the inspector wrote something into stays, with
a line saying so and its remove button; an untouched one goes (see services/workflow.py).
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.editor.findings import FindingCard
from inspector_app.ui.editor.photos import PhotoStrip
from inspector_app.ui.qt import QFrame, QLabel, QPushButton, QSize, QVBoxLayout, Signal

SMALL_THUMB = QSize(80, 60)


class FollowUpPanel(QFrame):
    edited = Signal(object)  # the FindingCard
    left = Signal()
    remove_requested = Signal(object)  # the FindingCard
    create_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("followUp")
        self.title = QLabel(self.tr("پیگیری این مورد"))
        self.title.setObjectName("followUpTitle")
        self.notice = QLabel()
        self.notice.setObjectName("followUpNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.create_button = QPushButton(self.tr("ثبت یافته برای این مورد"))
        self.create_button.setObjectName("createFollowUp")
        self.create_button.clicked.connect(self.create_requested)
        self.card = FindingCard(compact=True)
        self.card.edited.connect(self.edited)
        self.card.left.connect(self.left)
        self.card.remove_requested.connect(self.remove_requested)
        self.photos = PhotoStrip(SMALL_THUMB)  # evidence of a finding: smaller than an answer
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.setSpacing(4)
        for widget in (self.title, self.notice, self.card, self.create_button, self.photos):
            self._layout.addWidget(widget)
        self._read_only = False

    def show_finding(self, finding: dict[str, Any] | None, answered_no: bool) -> None:
        """Show the item's finding (or the button to write one) and whether it is kept."""
        if finding is not None:
            self.card.set_finding(finding)
        self.card.setVisible(finding is not None)
        self.create_button.setVisible(finding is None and not self._read_only)
        if answered_no:
            self.notice.hide()
        else:
            self.notice.setText(
                self.tr(
                    "پاسخ این مورد دیگر «خیر» نیست؛ آنچه برای پیگیری آن نوشته‌اید نگه داشته شد. "
                    "اگر لازم نیست، «حذف یافته» را بزنید."
                )
                if finding is not None
                else self.tr("پاسخ این مورد دیگر «خیر» نیست؛ عکس‌های آن نگه داشته شد.")
            )
            self.notice.show()

    def has_finding(self) -> bool:
        return not self.card.isHidden() and self.card.finding_id is not None

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.card.set_read_only(read_only)
        self.photos.set_read_only(read_only)
        if read_only:
            self.create_button.hide()
