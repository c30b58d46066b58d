"""Per-machine UI preferences (language, window geometry, last folders) in an INI file.

Kept in the data folder, not the registry or ~/.config, so a data folder carries its own
preferences and tests never touch the user's.
"""

from __future__ import annotations

from pathlib import Path

from inspector_app.ui.qt import QSettings

FILENAME = "ui.ini"


def open_settings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / FILENAME), QSettings.Format.IniFormat)


def language(settings: QSettings) -> str:
    return str(settings.value("language", "fa"))


def set_language(settings: QSettings, value: str) -> None:
    settings.setValue("language", value)
    settings.sync()


def last_folder(settings: QSettings, key: str) -> str:
    """The folder last used for `key`, or home when it has since disappeared."""
    folder = str(settings.value(f"folders/{key}", ""))
    return folder if folder and Path(folder).is_dir() else str(Path.home())


def remember_folder(settings: QSettings, key: str, path: Path) -> None:
    settings.setValue(f"folders/{key}", str(path.parent if path.is_file() else path))
