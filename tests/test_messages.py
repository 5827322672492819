"""The sync layer's sentences in German: every one translated with the same placeholders, the
compiled catalog current, and a real failure read in the language the window chose.

The language is reset to English after every test (``tests/conftest.py``), so no other test
reads German by accident.
"""

from __future__ import annotations

import importlib.util
import re
import string
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from agentdesk.sync.chatwoot.setup import check_connection
from agentdesk.sync.errors import RealSourcesForbidden
from agentdesk.sync.platform_http import slow_down
from agentdesk.sync.words import use_language
from agentdesk.ui.translations import install_translators
from tests.servers.chatwoot import ChatwootServer, Demo

pytest_plugins = ("tests.servers.chatwoot.fixtures",)

ROOT = Path(__file__).parent.parent


def _update_messages() -> ModuleType:
    """scripts/update_messages.py, whose extraction and compilation the tests check against."""
    spec = importlib.util.spec_from_file_location("update_messages", ROOT / "scripts" / "update_messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


messages = _update_messages()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_sentence_of_the_sync_layer_has_a_german_translation() -> None:
    """Extracting on top of the committed catalog: a new or changed sentence nobody translated fails here."""
    catalog = messages.read_catalog()
    catalog.update(messages.extract(), no_fuzzy_matching=True, update_creation_date=False)
    assert len(catalog) > 50
    assert messages.untranslated(catalog) == [], "run scripts/update_messages.py with a drop file for these"


def test_translations_keep_the_placeholders_of_the_english() -> None:
    differing = []
    for message in messages.read_catalog():
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        german = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*map(_fields, english))
        differing += [(english[0], text) for text in german if text and _fields(text) != wanted]
    assert differing == []


def test_the_compiled_catalog_is_current() -> None:
    assert messages.mo_bytes(messages.read_catalog()) == messages.MO.read_bytes(), "run scripts/update_messages.py"


def test_no_sentence_hides_from_the_extraction() -> None:
    """Babel cannot read an f-string inside _(): its English would ship in the German window."""
    formatted = re.compile(r"\b(?:_|N_|ngettext)\(\s*f[\"']")
    offenders = [str(p) for p in messages.SOURCES.rglob("*.py") if formatted.search(p.read_text("utf-8"))]
    assert offenders == []


@pytest.mark.asyncio
async def test_a_refused_token_reads_german_in_german_and_english_in_english(
    chatwoot_server: ChatwootServer, chatwoot_demo: Demo
) -> None:
    use_language("de")
    check = await check_connection(chatwoot_server.url, chatwoot_demo.account_id, "not-the-token")
    assert not check.ok
    assert check.message.startswith("Der Server ist Chatwoot, hat aber das Zugriffstoken abgelehnt (401).")

    use_language("en")
    check = await check_connection(chatwoot_server.url, chatwoot_demo.account_id, "not-the-token")
    assert check.message.startswith("The server is Chatwoot, but it refused the access token (401).")


def test_waits_are_counted_in_the_right_form() -> None:
    use_language("de")
    assert str(slow_down("Mastodon", 1.2)) == "Mastodon bittet um weniger Anfragen; neuer Versuch in 1 Sekunde."
    assert str(slow_down("Mastodon", 30)) == "Mastodon bittet um weniger Anfragen; neuer Versuch in 30 Sekunden."
    use_language("en")
    assert str(slow_down("Mastodon", 1)) == "Mastodon asks us to slow down; trying again in 1 second."


def test_the_window_language_words_the_sync_layer_too(qapp: QApplication) -> None:
    """install_translators (the app's start) chooses the sync layer's language with Qt's."""
    translators = install_translators(qapp, "de")
    try:
        assert str(RealSourcesForbidden()).startswith("Dies ist ein Trainingsprofil")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    install_translators(qapp, "en")
    assert str(RealSourcesForbidden()).startswith("This is a training profile")
