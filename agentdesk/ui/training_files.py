"""The training files: a trainee's history, its copy in the team folder, the supervisor's folders.

Every function here blocks on the disk, so the GUI runs them on a files thread (``TrainingFiles``),
never on the GUI thread.

Where the files live:

* ``<trainee profile>/training-history.json``: the trainee's own history, written whole to a
  temporary file and swapped in with ``os.replace``, so a crash never leaves half a history.
* A **team folder** (a shared network folder, set by the trainee under Training → Team folder):
  after every practice a copy lands there as ``<trainee name>.training-history.json``, so a
  supervisor on another PC sees it. The choice is kept in ``training-team-folder.txt``.
* The supervisor's desk reads every folder listed in ``<supervisor profile>/training-folders.json``:
  a team folder (all ``*.training-history.json`` in it), a trainee's profile folder, or a folder
  of profile folders.

A history that cannot be read is named with its path and the reason; it is never overwritten:
before a new session is saved, the broken file is kept beside it under another name.
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from agentdesk.core.training.history import Session, history_text, parse_history
from agentdesk.store.profile import SETTINGS_FILE, load_settings

HISTORY_FILE = "training-history.json"
SHARED_SUFFIX = ".training-history.json"  # a trainee's copy in a team folder
TEAM_FOLDER_FILE = "training-team-folder.txt"  # in a trainee's profile
FOLDERS_FILE = "training-folders.json"  # in a supervisor's profile

T = TypeVar("T")


class HistoryError(Exception):
    """A history file that cannot be read: its path and why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def safe_name(name: str) -> str:
    """A name that is a valid file name on every system (letters, digits, space, - _ .)."""
    return "".join(c if c.isalnum() or c in " -_." else "-" for c in name).strip(" .-") or "trainee"


def atomic_write(path: Path, text: str, *, encoding: str = "utf-8", newline: str | None = None) -> None:
    """Write to a temporary file in the same folder, then swap it in: the old file or the new, never half."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def read_history(path: Path) -> list[Session]:
    """The sessions in a history file, oldest first; a missing file is an empty history."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise HistoryError(path, str(exc)) from None
    try:
        return parse_history(text)
    except ValueError as exc:
        raise HistoryError(path, str(exc)) from None


@dataclass(frozen=True, slots=True)
class Saved:
    """What saving a session did besides saving it: a broken history kept aside, the team copy."""

    kept_broken: HistoryError | None = None
    broken_copy: Path | None = None
    team_copy: Path | None = None
    team_error: str = ""


def save_session(data_dir: Path, session: Session, trainee: str, now: datetime | None = None) -> Saved:
    """Add a session to the trainee's history, and copy the history to the team folder if one is set."""
    path = data_dir / HISTORY_FILE
    broken: HistoryError | None = None
    broken_copy: Path | None = None
    try:
        sessions = read_history(path)
    except HistoryError as exc:  # keep the broken file for whoever repairs it; start a new history
        broken = exc
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
        broken_copy = path.with_name(f"training-history.broken-{stamp}.json")
        os.replace(path, broken_copy)
        sessions = []
    atomic_write(path, history_text([*sessions, session]))
    try:
        copy = share_history(data_dir, trainee)
    except OSError as exc:  # the network share is away: the own history is saved all the same
        return Saved(broken, broken_copy, None, f"{team_folder(data_dir)}: {exc.strerror or exc}")
    return Saved(broken, broken_copy, copy)


def share_history(data_dir: Path, trainee: str) -> Path | None:
    """Copy the trainee's history to the team folder as ``<name>.training-history.json``; None if none is set."""
    team = team_folder(data_dir)
    if team is None:
        return None
    copy = team / f"{safe_name(trainee)}{SHARED_SUFFIX}"
    atomic_write(copy, history_text(read_history(data_dir / HISTORY_FILE)))
    return copy


def team_folder(data_dir: Path) -> Path | None:
    """The team folder a trainee's history is copied to, if one is set."""
    try:
        text = (data_dir / TEAM_FOLDER_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text else None


def set_team_folder(data_dir: Path, folder: Path | None) -> None:
    atomic_write(data_dir / TEAM_FOLDER_FILE, f"{folder}\n" if folder else "")


def write_report(path: Path, html: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, html)
    return path


# --- the supervisor's side --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TraineeHistory:
    """One trainee's history as found in a folder, or the reason it cannot be read."""

    name: str
    path: Path
    sessions: tuple[Session, ...] = ()
    error: str = ""


@dataclass(frozen=True, slots=True)
class Folders:
    folders: tuple[Path, ...] = ()
    error: str = ""  # the folders file itself cannot be read


def load_folders(data_dir: Path) -> Folders:
    path = data_dir / FOLDERS_FILE
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Folders()
    except (OSError, ValueError) as exc:
        return Folders(error=f"{path}: {exc}")
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        return Folders(error=f"{path}: not a list of folders")
    return Folders(tuple(Path(i) for i in items))


def save_folders(data_dir: Path, folders: tuple[Path, ...]) -> None:
    atomic_write(data_dir / FOLDERS_FILE, json.dumps([str(f) for f in folders], ensure_ascii=False, indent=1))


def _profile_name(folder: Path) -> str:
    if (folder / SETTINGS_FILE).exists():
        return load_settings(folder).agent_name or folder.name
    return folder.name


def _trainee(name: str, path: Path) -> TraineeHistory:
    try:
        return TraineeHistory(name, path, tuple(read_history(path)))
    except HistoryError as exc:
        return TraineeHistory(name, path, error=exc.reason)


def scan_folder(folder: Path) -> list[TraineeHistory]:
    """Every trainee history in ``folder``: team-folder copies, the folder as a profile, profiles in it."""
    if not folder.is_dir():
        return [TraineeHistory(folder.name or str(folder), folder, error="the folder cannot be found")]
    found = [_trainee(p.name.removesuffix(SHARED_SUFFIX), p) for p in sorted(folder.glob(f"*{SHARED_SUFFIX}"))]
    profiles = [folder, *sorted(p for p in folder.iterdir() if p.is_dir())]
    found += [_trainee(_profile_name(p), p / HISTORY_FILE) for p in profiles if (p / HISTORY_FILE).is_file()]
    return found


def scan_folders(folders: tuple[Path, ...]) -> list[TraineeHistory]:
    return sorted(
        (t for folder in folders for t in scan_folder(folder)), key=lambda t: (t.name.casefold(), str(t.path))
    )


@dataclass
class TrainingFiles:
    """One files thread for the training's reads and writes, so the GUI thread never waits for a disk."""

    executor: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="training-files")
    )

    async def run(self, call: Callable[..., T], *args: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.executor, call, *args)

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
