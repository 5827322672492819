"""The local store: SQLite (WAL) through SQLAlchemy 2, schema by Alembic, frozen dataclasses out."""

from agentdesk.store.errors import DataDirNotWritable, DiskFull, StoreError, StoreUnreadable
from agentdesk.store.queries import SortOrder
from agentdesk.store.store import Store

__all__ = ["DataDirNotWritable", "DiskFull", "SortOrder", "Store", "StoreError", "StoreUnreadable"]
