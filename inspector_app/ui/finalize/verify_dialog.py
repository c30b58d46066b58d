"""Verify a signed report: open a PDF and see who signed it, when, whether it is intact, whether
anything was added after signing, whether the governorate issued the signer's certificate (the
root and revocation list pinned in this data folder) or it is this laptop's own identity, and
whether it matches the inspection in this database. The verdict is `inspector-app verify`'s."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from inspector_app.errors import KnownError
from inspector_app.pdf.verify import VerifyResult, verify_pdf
from inspector_app.services import inspections
from inspector_app.services.trust import laptop_trust
from inspector_app.ui import messages, screen_fit, theme
from inspector_app.ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
)

# The verdict line for each verdict, when nothing else is wrong (as `inspector-app verify`).
_VERDICTS = {
    "governorate": QT_TRANSLATE_NOOP("VerifyDialog", "✔ معتبر؛ صادرشده از استانداری بوشهر."),
    "own": QT_TRANSLATE_NOOP(
        "VerifyDialog",
        "امضا با شناسهٔ خود این رایانه (هنوز از استانداری گواهی نگرفته)؛ گزارش دست‌نخورده است، "
        "ولی استانداری امضاکننده را تأیید نکرده است.",
    ),
    "untrusted": QT_TRANSLATE_NOOP(
        "VerifyDialog", "✘ سالم ولی امضاکننده را استانداری صادر نکرده است."
    ),
    "revoked": QT_TRANSLATE_NOOP("VerifyDialog", "✘ گواهی امضاکننده باطل شده است."),
    "invalid": QT_TRANSLATE_NOOP("VerifyDialog", "✘ این گزارش پذیرفته نیست."),
}

_YES_NO = {
    True: QT_TRANSLATE_NOOP("VerifyDialog", "بله"),
    False: QT_TRANSLATE_NOOP("VerifyDialog", "خیر"),
    None: QT_TRANSLATE_NOOP("VerifyDialog", "نامعلوم"),
}


def compare_with_database(db: Database, result: VerifyResult) -> str:
    """A sentence about the report's inspection in this database (and a problem if it differs)."""
    if result.report_id is None:
        return QCoreApplication.translate("VerifyDialog", "شناسهٔ بازرسی در گزارش نیست")
    stored = inspections.stored_hash(db, result.report_id)
    if stored is None:
        return QCoreApplication.translate("VerifyDialog", "این بازرسی در این پایگاه داده نیست")
    if stored.status == "draft":
        result.problems.append(
            QT_TRANSLATE_NOOP("Errors", "این بازرسی در این پایگاه داده هنوز پیش‌نویس است.")
        )
        return QCoreApplication.translate("VerifyDialog", "در این پایگاه پیش‌نویس است")
    if stored.canonical_sha256 != result.embedded_sha256:
        result.problems.append(
            QT_TRANSLATE_NOOP("Errors", "sha256 درج‌شده در گزارش با بازرسی ثبت‌شده نمی‌خواند.")
        )
        return QCoreApplication.translate("VerifyDialog", "نمی‌خواند")
    return QCoreApplication.translate("VerifyDialog", "با بازرسی ثبت‌شده می‌خواند")


class VerifyDialog(QDialog):
    def __init__(self, db: Database | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(self.tr("بررسی امضای گزارش"))
        self._db = db
        self.last_result: VerifyResult | None = None
        self.open_button = QPushButton(self.tr("انتخاب پروندهٔ PDF…"))
        self.open_button.setObjectName("openPdf")
        self.open_button.clicked.connect(self._choose)
        self.verdict = QLabel(self.tr("پرونده‌ای انتخاب نشده است."))
        self.verdict.setObjectName("verdict")
        font = self.verdict.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.verdict.setFont(font)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title in (
            ("file", QT_TRANSLATE_NOOP("VerifyDialog", "پرونده")),
            ("signer", QT_TRANSLATE_NOOP("VerifyDialog", "امضاکننده")),
            ("time", QT_TRANSLATE_NOOP("VerifyDialog", "زمان امضا")),
            ("intact", QT_TRANSLATE_NOOP("VerifyDialog", "دست‌نخورده")),
            ("valid", QT_TRANSLATE_NOOP("VerifyDialog", "امضا معتبر")),
            ("appended", QT_TRANSLATE_NOOP("VerifyDialog", "افزوده پس از امضا")),
            ("issued", QT_TRANSLATE_NOOP("VerifyDialog", "صادرشده از استانداری")),
            ("revoked", QT_TRANSLATE_NOOP("VerifyDialog", "گواهی باطل‌شده")),
            ("own", QT_TRANSLATE_NOOP("VerifyDialog", "شناسهٔ خود این رایانه")),
            ("fingerprint", QT_TRANSLATE_NOOP("VerifyDialog", "اثر انگشت گواهی")),
            ("id", QT_TRANSLATE_NOOP("VerifyDialog", "شناسهٔ بازرسی")),
            ("sha", QT_TRANSLATE_NOOP("VerifyDialog", "sha256 سند")),
            ("database", QT_TRANSLATE_NOOP("VerifyDialog", "مقایسه با پایگاه داده")),
        ):
            label = QLabel("—")
            label.setObjectName(f"verify_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            form.addRow(self.tr(title), label)
        self.problems_list = QListWidget()
        self.problems_list.setObjectName("verifyProblems")
        self.problems_list.setMinimumHeight(80)
        close = QPushButton(self.tr("بستن"))
        close.setObjectName("closeVerify")
        close.clicked.connect(self.accept)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.verdict)
        layout.addLayout(form)
        layout.addWidget(self.problems_list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        screen_fit.scrolling_body(self, body, buttons)
        screen_fit.fit_to_screen(self, QSize(680, 600))

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("گزارش امضاشده"), "", self.tr("PDF (*.pdf)")
        )
        if chosen:
            self.verify_file(Path(chosen))

    def verify_file(self, path: Path) -> VerifyResult | None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            messages.show_known_error(
                self,
                KnownError(
                    QT_TRANSLATE_NOOP("Errors", "پرونده خوانده نشد: {reason}"),
                    where=str(path),
                    reason=exc,
                ),
            )
            return None
        if self._db is None:
            result, database = verify_pdf(data), "—"
        else:
            result = laptop_trust(self._db).verify(data)
            database = compare_with_database(self._db, result)
        self.show_result(path, result, database)
        return result

    def show_result(self, path: Path, result: VerifyResult, database: str) -> None:
        self.last_result = result
        f = self.fields
        f["file"].setText(path.name)
        f["signer"].setText(result.signer_name or "—")
        f["time"].setText(
            self.tr("{time} (تهران)").format(time=result.signing_time_jalali)
            if result.signing_time_jalali
            else "—"
        )
        f["intact"].setText(self.tr(_YES_NO[result.intact]))
        f["valid"].setText(self.tr(_YES_NO[result.valid]))
        f["appended"].setText(self.tr(_YES_NO[result.modified_after_signing]))
        f["issued"].setText(
            self.tr(_YES_NO[result.issued_by_root])
            if result.issued_by_root is not None
            else self.tr("نامعلوم (گواهی ریشهٔ استانداری در این رایانه نیست)")
        )
        f["revoked"].setText(self.tr(_YES_NO[result.revoked]))
        f["own"].setText(self.tr(_YES_NO[result.own_identity]))
        f["fingerprint"].setText(result.fingerprint_sha256 or "—")
        f["id"].setText(result.report_id or "—")
        f["sha"].setText(result.embedded_sha256 or "—")
        f["database"].setText(database)
        self.problems_list.clear()
        self.problems_list.addItems([messages.problem_text(p) for p in result.problems])
        verdict = result.verdict
        if result.problems and verdict in ("governorate", "own"):
            verdict = "invalid"  # the database record or the expected certificate differs
        self.verdict.setText(self.tr(_VERDICTS[verdict]))
        # The laptop's own identity is no failure, nor the governorate's word: no colour.
        state = {"governorate": "good", "own": ""}.get(verdict, "bad")
        theme.set_state(self.verdict, "verdict", state)
