"""The sync layer's sentences in the agent's language.

Connection tests, sign-in failures, refused sends and account states are worded here, below the
UI, where Qt's ``tr`` may not be used; so they go through the standard library's gettext with
the catalog ``resources/locale/<lang>/LC_MESSAGES/agentdesk.mo``. English is the default, so the
CLI (and every script that reads its output) stays English; the window picks the agent's language
when it installs its Qt translators. ``scripts/update_messages.py`` collects every ``_("…")``.

Placeholders are named ``str.format`` fields outside the call, never an f-string inside it:
``_("Connected to {host}.").format(host=host)``, so the catalog holds the sentence with its gaps.
"""

from __future__ import annotations

import gettext
import logging

from agentdesk.resources import resource_path

log = logging.getLogger(__name__)

DOMAIN = "agentdesk"

_catalog: gettext.NullTranslations = gettext.NullTranslations()


def use_language(language: str) -> None:
    """Word every sentence built from now on in ``language`` ("de"; "en" is the source text)."""
    global _catalog
    if language == "en":
        _catalog = gettext.NullTranslations()
        return
    try:
        _catalog = gettext.translation(DOMAIN, localedir=resource_path("locale"), languages=[language])
    except OSError:  # a build without the catalog: English rather than no message at all
        log.warning("no %s catalog for the sync layer's messages; they stay English", language)
        _catalog = gettext.NullTranslations()


def _(message: str) -> str:
    """``message`` in the chosen language."""
    return _catalog.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form for ``n`` ("1 second", "30 seconds") in the chosen language."""
    return _catalog.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a sentence kept in a constant for extraction; it is translated with ``_`` when used."""
    return message
