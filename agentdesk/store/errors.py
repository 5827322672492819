"""What can go wrong with the local store, in words a user can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """Base of the store's expected errors."""


class StoreUnreadable(StoreError):
    """The file is not an AgentDesk store (corrupt, or another program's database).

    Nothing is deleted: the user may move it aside (``move_aside``) and start fresh.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The local store {path} cannot be read ({reason}). "
            "It can be moved aside so that AgentDesk starts with a fresh store; nothing is deleted."
        )
        self.path = path
        self.reason = reason


class DataDirNotWritable(StoreError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"AgentDesk cannot write to its data folder {path}: {reason}")
        self.path = path


class DiskFull(StoreError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"The disk holding {path} is full. Nothing was lost; free some space and AgentDesk saves again."
        )
        self.path = path
