"""Loading the UI language: ours from the bundled .qm, Qt's own for standard dialogs."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from agentdesk.resources import resource_path
from agentdesk.sync.words import use_language


def pick_language(requested: str | None, configured: str) -> str:
    """--lang wins, then the profile's setting, then the system locale; German or English."""
    choice = requested or configured or QLocale.system().name()
    return "de" if choice.lower().startswith("de") else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """The window's language for Qt's texts and for the sentences the sync layer builds (gettext)."""
    use_language(language)
    if language == "en":
        return []
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    translators = []
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"agentdesk_{language}.qm"))):
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def ui_language() -> str:
    """The language the UI shows ("de" or "en"), for texts built outside Qt's translation."""
    return "de" if QLocale().language() == QLocale.Language.German else "en"
