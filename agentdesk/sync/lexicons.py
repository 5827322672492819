"""The spelling word lists, loaded once by whoever checks spelling (the editor, training scores)."""

from __future__ import annotations

from agentdesk.core.spelling import Lexicon


def load_lexicons() -> dict[str, Lexicon]:
    """pyspellchecker's bundled German and English lists (distance 1 keeps suggestions fast).

    Reading them takes about a second: call it off the GUI thread.
    """
    from spellchecker import SpellChecker

    return {"de": SpellChecker(language="de", distance=1), "en": SpellChecker(language="en", distance=1)}
