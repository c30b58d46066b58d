"""Language: Qt translator, layout direction and default locale, switched together.

Persian is the source language of every string; English comes from resources/i18n/bazres_en.qm.
"""

from __future__ import annotations

import logging

from inspector_app import paths
from inspector_app.ui.qt import QApplication, QLibraryInfo, QLocale, Qt, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("fa", "en")
DEFAULT_LANGUAGE = "fa"
I18N_DIR = paths.resource("i18n")

_installed: list[QTranslator] = []


def locale_for(language: str) -> QLocale:
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(QLocale.Language.Persian, QLocale.Country.Iran)


def apply_language(app: QApplication, language: str) -> str:
    """Install `language` (fa or en) app-wide; returns the language actually applied."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "fa":
        # Qt's own strings (OK, Cancel, Close, context menus) in Persian too.
        qt_strings = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_strings.load("qtbase_fa", folder):
            app.installTranslator(qt_strings)
            _installed.append(qt_strings)
    else:
        translator = QTranslator(app)
        if translator.load(f"bazres_{language}", str(I18N_DIR)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            log.warning("translation %s not found in %s; staying in Persian", language, I18N_DIR)
            language = "fa"
    QLocale.setDefault(locale_for(language))
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if language == "fa" else Qt.LayoutDirection.LeftToRight
    )
    log.info("language: %s", language)
    return language
