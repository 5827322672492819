"""The profile's learned triage state (the spam classifier) as one readable JSON file.

Written atomically through a temporary file and ``os.replace``: a crash mid-save leaves the
previous lessons intact rather than half a file. A damaged file is reported, never overwritten
silently, because it holds the agent's own decisions.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from agentdesk.store.errors import DataDirNotWritable, DiskFull, StoreError

STATE_FILE = "triage-state.json"


class TriageStateUnreadable(StoreError):
    """The state file exists but is not JSON an AgentDesk wrote."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The learned spam filter {path} cannot be read ({reason}). "
            "Move it aside to start learning afresh; nothing was changed."
        )
        self.path = path


def load_triage_state(data_dir: Path) -> dict[str, Any] | None:
    """The saved state, or None when nothing has been learned yet."""
    path = data_dir / STATE_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise TriageStateUnreadable(path, exc.strerror or str(exc)) from exc
    try:
        state = json.loads(raw)
    except ValueError as exc:
        raise TriageStateUnreadable(path, f"not valid JSON: {exc}") from exc
    if not isinstance(state, dict):
        raise TriageStateUnreadable(path, "not a JSON object")
    return state


def save_triage_state(data_dir: Path, state: dict[str, Any]) -> None:
    """Replace the saved state in one step."""
    path = data_dir / STATE_FILE
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".triage-state-", suffix=".tmp", dir=data_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(state, f, ensure_ascii=False, separators=(",", ":"))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise DiskFull(data_dir) from exc
        raise DataDirNotWritable(data_dir, exc.strerror or str(exc)) from exc
