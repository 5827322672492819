"""The canned responses of each account, kept as a small JSON file in the profile folder.

The engine saves what a source last returned, so the window and ``agentdesk templates`` can
offer them offline and after a restart without asking the server. One file per account
(``<data dir>/canned/<account id>.json``), replaced atomically: a crash mid-write leaves the
previous list, never half a file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from agentdesk.store.profile import Settings

log = logging.getLogger(__name__)

CANNED_DIR = "canned"
#: (short_code, content) pairs, as ``ChatwootConnector.fetch_canned_responses`` returns them.
Responses = tuple[tuple[str, str], ...]


def canned_language(settings: Settings) -> str:
    """The language canned responses are offered in: the profile's, else German.

    Chatwoot does not say which language a response is in; the window and the CLI must agree.
    """
    return settings.language[:2].lower() or "de"


class CannedResponseFiles:
    """Saved canned responses of a profile, one file per account."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / CANNED_DIR

    def path(self, account_id: int) -> Path:
        return self.folder / f"{account_id}.json"

    def save(self, account_id: int, responses: Responses) -> bool:
        """Write the account's list; False (and no write) when it is what is already saved."""
        if self._read(self.path(account_id)) == responses:
            return False
        self.folder.mkdir(parents=True, exist_ok=True)
        document = {"responses": [{"short_code": code, "content": content} for code, content in responses]}
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".canned-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                json.dump(document, file, ensure_ascii=False, indent=1)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.path(account_id))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return True

    def forget(self, account_id: int) -> None:
        """Drop a removed account's list, so a later account with the same id never shows it."""
        self.path(account_id).unlink(missing_ok=True)

    def load(self) -> Responses:
        """Every account's responses, oldest account first; the same response twice only once."""
        if not self.folder.is_dir():
            return ()
        files = sorted(self.folder.glob("*.json"), key=lambda p: (len(p.stem), p.stem))
        return tuple(dict.fromkeys(pair for path in files for pair in self._read(path) or ()))

    @staticmethod
    def _read(path: Path) -> Responses | None:
        """The saved list, or None when there is none or it cannot be read (then the next fetch rewrites it)."""
        try:
            document: Any = json.loads(path.read_text(encoding="utf-8"))
            return tuple((str(r["short_code"]), str(r["content"])) for r in document["responses"])
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("canned responses in %s cannot be read: %s", path, exc)
            return None
