"""The editor's live score: compliance and grade, why a failed critical item caps the grade,
and how far the visit is (answered required items out of all of them)."""

from __future__ import annotations

from inspector_app.domain.forms import Form, question_as_statement
from inspector_app.domain.scoring import CRITICAL_CAP, ScoreResult
from inspector_app.ui import fmt, labels, theme
from inspector_app.ui.qt import QLabel, QObject, QProgressBar, QSizePolicy

SHORT_TEXT = 60  # characters of a failed item's text quoted in the cap note


def _short(text: str) -> str:
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1].rstrip() + "…"


class ScoreDisplay(QObject):
    """Owns the labels and the bar; the editor places them in its top bar."""

    def __init__(self) -> None:
        super().__init__()
        self.score_label = QLabel()
        self.score_label.setObjectName("scoreLabel")
        self.open_label = QLabel()
        self.open_label.setObjectName("openCount")
        self.progress = QProgressBar()
        self.progress.setObjectName("visitProgress")
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(140)
        self.progress.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.cap_note = QLabel()
        self.cap_note.setObjectName("gradeCapNote")
        # One line, no word wrap: a wrapping label makes the editor's scroll area size it by
        # height-for-width (its preferred height), which scrolls the whole editor.
        self.cap_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.cap_note.hide()

    def show(self, result: ScoreResult, form: Form) -> None:
        grade = labels.grade(result.grade) if result.grade else "—"
        self.score_label.setText(
            self.tr("امتیاز: {score} ({grade})").format(
                score=fmt.percent(result.compliance), grade=grade
            )
        )
        open_count = len(result.open_required)
        theme.set_state(self.open_label, "count", open_count)
        self.open_label.setText(
            self.tr("موارد الزامی باز: {n}").format(n=fmt.plain_int(open_count))
        )
        total = max(result.required_total, 1)
        self.progress.setRange(0, total)
        self.progress.setValue(min(result.required_answered, total))
        progress_text = self.tr("{done} از {total} مورد الزامی پاسخ داده شده").format(
            done=fmt.plain_int(result.required_answered),
            total=fmt.plain_int(result.required_total),
        )
        self.progress.setToolTip(progress_text)
        self.progress.setAccessibleName(progress_text)
        note = self.cap_text(result, form)
        self.cap_note.setText(note)
        self.cap_note.setVisible(bool(note))
        self.score_label.setToolTip(note)

    def cap_text(self, result: ScoreResult, form: Form) -> str:
        """Why the grade is at most the cap; empty when no critical item failed."""
        if not result.critical_failures:
            return ""
        failed = [form.item(item_id) for item_id in result.critical_failures]
        first = f"«{_short(question_as_statement(failed[0].text))}»"
        if len(failed) > 1:
            first += self.tr(" و {n} مورد حیاتی دیگر").format(n=fmt.plain_int(len(failed) - 1))
        cap = labels.grade(CRITICAL_CAP)
        if result.capped and result.uncapped_grade is not None:
            return self.tr(
                "رتبه حداکثر «{cap}» است (با این امتیاز «{grade}» می‌شد)، "
                "چون مورد حیاتی {item} رد شده است."
            ).format(cap=cap, grade=labels.grade(result.uncapped_grade), item=first)
        return self.tr("مورد حیاتی {item} رد شده است؛ رتبه از «{cap}» بالاتر نمی‌رود.").format(
            item=first, cap=cap
        )
