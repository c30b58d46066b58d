"""Asking where a spreadsheet export goes and writing it off the GUI thread: the Inspections
page's rows, answers and findings and the Overview page's figures go out the same way."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from inspector_app.domain.jalali import jalali_date, utc_now
from inspector_app.services.spreadsheet_export import ExportRequest, export_at
from inspector_app.ui import ui_settings
from inspector_app.ui.background import run_in_background
from inspector_app.ui.env import PageEnv
from inspector_app.ui.qt import QT_TRANSLATE_NOOP, QCoreApplication, QFileDialog, QWidget

log = logging.getLogger(__name__)

XLSX_FILTER = "Excel (*.xlsx)"
CSV_FILTER = "CSV (*.csv)"
FOLDER_KEY = "exports"


CONTEXT = "SpreadsheetExport"
TITLE = QT_TRANSLATE_NOOP("SpreadsheetExport", "ذخیرهٔ صفحه‌گسترده")
WORKING = QT_TRANSLATE_NOOP("SpreadsheetExport", "در حال ساختن صفحه‌گسترده…")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def ask_target(parent: QWidget, env: PageEnv, name: str) -> tuple[Path, str] | None:
    """The file the user picks (XLSX unless they choose CSV) and its format; None if cancelled.
    A name typed without an extension gets the chosen format's."""
    stamp = jalali_date(utc_now(), persian=False).replace("/", "-")
    start = Path(ui_settings.last_folder(env.settings, FOLDER_KEY)) / f"{name}-{stamp}.xlsx"
    chosen, selected = QFileDialog.getSaveFileName(
        parent, _tr(TITLE), str(start), f"{XLSX_FILTER};;{CSV_FILTER}"
    )
    if not chosen:
        return None
    path = Path(chosen)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        suffix = ".csv" if selected == CSV_FILTER else ".xlsx"
        path = path.with_name(path.name + suffix)
    ui_settings.remember_folder(env.settings, FOLDER_KEY, path.parent)
    return path, suffix.lstrip(".")


def export_spreadsheet(
    parent: QWidget,
    env: PageEnv,
    make_request: Callable[[str], ExportRequest],
    name: str,
    on_done: Callable[[Path, int], None],
) -> None:
    """Ask for the file, then write `make_request(format)` there; `on_done(path, count)`."""
    target = ask_target(parent, env, name)
    if target is None:
        return
    path, fmt = target
    request = make_request(fmt)
    log.info("spreadsheet export %s.%s to %s", request.kind, fmt, path)
    run_in_background(
        parent,
        export_at,
        env.context.db_path,
        request,
        path,
        on_success=lambda count: on_done(path, count),
        label=_tr(WORKING),
    )
