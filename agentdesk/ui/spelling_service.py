"""Spelling for the reply editor, off the GUI thread so it never delays a keystroke.

One worker thread loads the German and English word lists (about a second, on first use), reads
the profile's own dictionary, checks drafts and appends added words to the file. Results come back
through a queued Qt signal tagged with the request number, so a result for an older draft is
dropped. No asyncio here: the widget stays free of event-loop logic.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from agentdesk.core.spelling import Lexicon, Misspelling, misspellings, suggestions
from agentdesk.sync.lexicons import load_lexicons

log = logging.getLogger(__name__)


class SpellingService(QObject):
    """Checks drafts in the background; ``checked`` carries (request number, misspellings)."""

    checked = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spelling")
        self._lexicons: Mapping[str, Lexicon] | None = None
        self._user_words: frozenset[str] = frozenset()
        self._path: Path | None = None
        self._requests = 0

    def set_user_words_path(self, path: Path | None) -> None:
        """The profile's word list (one word a line); read in the background."""
        self._path = path
        self._user_words = frozenset()
        if path is not None:
            self._pool.submit(self._read_user_words, path)

    def check(self, text: str, known_names: frozenset[str]) -> int:
        """Queue a check of ``text``; returns the request number the result will carry."""
        self._requests += 1
        self._pool.submit(self._check, self._requests, text, known_names)
        return self._requests

    def suggestions(self, word: str) -> list[str]:
        """Corrections for a word, or none while the word lists are still loading."""
        return suggestions(word, self._lexicons) if self._lexicons is not None else []

    def add_word(self, word: str) -> None:
        """Never flag this word again in this profile (appended to the word list in the background)."""
        self._user_words = self._user_words | {word}
        if self._path is not None:
            self._pool.submit(self._append, self._path, word)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    # --- on the worker thread ----------------------------------------------------------------------
    def _check(self, request: int, text: str, known_names: frozenset[str]) -> None:
        if request != self._requests:
            return  # a newer draft is queued behind this one
        if not any(ch.isalpha() for ch in text):
            self.checked.emit(request, [])  # nothing to check: the word lists (~80 MB) stay unloaded
            return
        if self._lexicons is None:
            self._lexicons = load_lexicons()
        found: list[Misspelling] = misspellings(
            text, self._lexicons, user_words=self._user_words, known_names=known_names
        )
        self.checked.emit(request, found)

    def _read_user_words(self, path: Path) -> None:
        try:
            words = {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
        except FileNotFoundError:
            return
        except OSError as exc:
            log.warning("cannot read the dictionary %s: %s", path, exc)
            return
        if path == self._path:
            self._user_words = self._user_words | words

    def _append(self, path: Path, word: str) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as file:
                file.write(word + "\n")
        except OSError as exc:
            log.warning("cannot add %r to the dictionary %s: %s", word, path, exc)
