"""The spelling word lists, loaded once by whoever checks spelling (the editor, training scores)."""

from __future__ import annotations

from functools import cache

from agentdesk.core.spelling import Lexicon


@cache
def load_lexicons() -> dict[str, Lexicon]:
    """pyspellchecker's bundled German and English lists (distance 1 keeps suggestions fast).

    Reading them takes about a second, so it happens once per process; call it off the GUI thread.
    The lists are only read, never changed (the profile's own words are kept apart).
    """
    from spellchecker import SpellChecker

    return {"de": SpellChecker(language="de", distance=1), "en": SpellChecker(language="en", distance=1)}
