"""The German UI: every string translated, the compiled file current, and German on screen."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from agentdesk.resources import resource_path

ROOT = Path(__file__).parent.parent
TS = resource_path("translations", "agentdesk_de.ts")
QM = resource_path("translations", "agentdesk_de.qm")


def _tool(name: str) -> str:
    path = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent))
    if path is None:
        pytest.skip(f"pyside6-{name} is not installed")
    return path


def test_every_string_of_the_ui_has_a_german_translation(tmp_path: Path) -> None:
    """lupdate on a copy: a new or changed string that nobody translated fails here."""
    copy = tmp_path / "agentdesk_de.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "agentdesk" / "ui").glob("*.py"))
    subprocess.run([_tool("lupdate"), *sources, "-ts", str(copy), "-no-obsolete"], check=True, capture_output=True)
    open_entries = [
        m.findtext("source")
        for m in ET.parse(copy).getroot().iter("message")
        if m.find("translation") is not None and m.find("translation").get("type") == "unfinished"
    ]
    assert open_entries == [], "run scripts/update_translations.py and translate these"


def test_the_compiled_translation_is_current(tmp_path: Path) -> None:
    out = tmp_path / "fresh.qm"
    subprocess.run([_tool("lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run scripts/update_translations.py"


def test_german_words_follow_the_glossary(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        words = {
            ("Queues", "Mine"): "Meine",
            ("Queues", "Unassigned"): "Nicht zugewiesen",
            ("Queues", "All open"): "Alle offenen",
            ("Queues", "Waiting on customer"): "Wartet auf Kunde",
            ("Queues", "Resolved"): "Erledigt",
            ("ReplyEditor", "Public reply"): "Öffentliche Antwort",
            ("ReplyEditor", "Internal note"): "Interne Notiz",
            ("DeskStatusBar", "Outbox: {n} waiting"): "Ausgang: {n} wartend",
        }
        for (context, english), german in words.items():
            assert QCoreApplication.translate(context, english) == german
    finally:
        QCoreApplication.removeTranslator(translator)


def test_no_string_hides_from_lupdate() -> None:
    """lupdate only sees literal translate()/tr() calls; an alias would ship English in the German UI."""
    import re

    alias = re.compile(r"=\s*(QCoreApplication\.translate|self\.tr)\s*$", re.MULTILINE)
    offenders = [p.name for p in (ROOT / "agentdesk" / "ui").glob("*.py") if alias.search(p.read_text("utf-8"))]
    assert offenders == []
