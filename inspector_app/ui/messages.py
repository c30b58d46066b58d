"""Messages to the user: one readable box in the UI's language, never a traceback.

A `KnownError` raised below the UI carries a Persian template marked for translation
(inspector_app/errors.py); `error_text` looks it up in the "Errors" context and fills it in.

Boxes open window-modal without blocking (`open()`, not `exec()`), so background callbacks and
tests keep running while one is on screen.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from inspector_app.errors import CONTEXT as ERRORS
from inspector_app.errors import QT_TRANSLATE_NOOP, KnownError, fill
from inspector_app.ui import fmt
from inspector_app.ui.qt import QCoreApplication, QMessageBox, Qt, QWidget

log = logging.getLogger(__name__)
_open_boxes: set[QMessageBox] = set()  # parentless boxes must outlive the call that made them


def _params(error: KnownError) -> dict[str, object]:
    return {
        key: error_text(value)
        if isinstance(value, KnownError)
        else fmt.plain_int(value)
        if isinstance(value, int) and not isinstance(value, bool)
        else value
        for key, value in error.params.items()
    }


def error_text(error: KnownError) -> str:
    """The error's message in the UI's language."""
    return fill(QCoreApplication.translate(ERRORS, error.template), _params(error))


def problem_text(text: str, params: Mapping[str, object] | None = None) -> str:
    """A message kept as text below the UI (a finalize problem, a sync failure) in the UI's
    language, when it is one of the marked ones; `params` fill its `{name}` parts."""
    shown = {k: fmt.digits(v) if isinstance(v, str) else v for k, v in (params or {}).items()}
    return fill(QCoreApplication.translate(ERRORS, text), shown)


def stored_text(text: str, templates: Sequence[str]) -> str:
    """A message stored as filled-in Persian text, in the UI's language when it is a fixed
    marked message or one of `templates` (marked, with `{name}` parts) filled in."""
    for template in templates:
        found = _pattern(template).fullmatch(text)
        if found:
            filled = fill(QCoreApplication.translate(ERRORS, template), found.groupdict())
            return re.sub(" {2,}", " ", filled).strip()
    return problem_text(text)


def _pattern(template: str) -> re.Pattern[str]:
    # Spaces may be missing where an empty part was stripped away.
    parts = re.split(r"\{(\w+)\}", template.strip())
    regex = "".join(
        f"(?P<{part}>.*?)" if odd else re.escape(part).replace("\\ ", "\\s*")
        for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts))
    )
    return re.compile(regex, re.S)


def error_where(error: KnownError) -> str | None:
    """What the error is about (a file, a line, a question), in the UI's language."""
    if not error.where_template:
        return None
    return fill(QCoreApplication.translate(ERRORS, error.where_template), _params(error))


def _show(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = ""
) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    if detail:
        box.setInformativeText(detail)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


def show_known_error(parent: QWidget | None, error: KnownError) -> QMessageBox:
    where = error_where(error)
    detail = (
        QCoreApplication.translate("Messages", "مربوط به: {where}").format(where=where)
        if where
        else ""
    )
    return _show(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Messages", "انجام نشد"),
        error_text(error),
        detail,
    )


def show_write_error(parent: QWidget | None, path: Path, error: OSError) -> QMessageBox:
    """A file the user chose could not be written (full disk, no permission, a vanished
    folder): the one message for it, naming the file."""
    return show_known_error(
        parent,
        KnownError(
            QT_TRANSLATE_NOOP("Errors", "نوشتن ممکن نشد: {reason}"),
            where=str(path),
            reason=error.strerror or error,
        ),
    )


def show_bug(parent: QWidget | None) -> QMessageBox:
    """An unexpected failure: already logged; tell the user calmly what to do."""
    box = _show(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Messages", "خطای پیش‌بینی‌نشده"),
        QCoreApplication.translate(
            "Messages",
            "کار انجام نشد، اما داده‌های ذخیره‌شده سالم است. دوباره تلاش کنید؛ "
            "اگر تکرار شد، پروندهٔ گزارش برنامه را برای پشتیبانی بفرستید.",
        ),
    )
    box.setObjectName("bugBox")  # told apart from ordinary messages (tests fail on it)
    return box


def show_warning(parent: QWidget | None, text: str, detail: str = "") -> QMessageBox:
    return _show(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Messages", "توجه"),
        text,
        detail,
    )


def show_info(parent: QWidget | None, text: str, detail: str = "") -> QMessageBox:
    return _show(
        parent,
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Messages", "انجام شد"),
        text,
        detail,
    )


def report_exception(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """KnownError: its own message; anything else is a bug: logged with its traceback."""
    if isinstance(error, KnownError):
        log.info("known error: %s", error)
        return show_known_error(parent, error)
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    return show_bug(parent)


def confirm(
    parent: QWidget | None, text: str, on_yes: Callable[[], None], *, yes_text: str = ""
) -> QMessageBox:
    """Ask before something that cannot be undone; `on_yes` runs only on an explicit yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Messages", "تأیید"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("confirmBox")
    yes = box.addButton(
        yes_text or QCoreApplication.translate("Messages", "بله"), QMessageBox.ButtonRole.YesRole
    )
    no = box.addButton(
        QCoreApplication.translate("Messages", "انصراف"), QMessageBox.ButtonRole.NoRole
    )
    yes.setObjectName("confirmYes")
    no.setObjectName("confirmNo")
    box.setDefaultButton(no)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.add(box)

    def done(_result: int) -> None:
        _open_boxes.discard(box)
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(done)
    box.open()
    return box
