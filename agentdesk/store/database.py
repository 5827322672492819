"""Opening the SQLite file: WAL, foreign keys, migrations, and a clear word when it is not ours."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError, OperationalError

from agentdesk.store.errors import DataDirNotWritable, DiskFull, StoreUnreadable
from agentdesk.store.migrate import upgrade_to_head

STORE_FILE = "store.sqlite3"


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # pysqlite opens no transaction for reads, so the queries of one session could each see a
    # different moment while a sync writes. SQLAlchemy's recipe: the driver stays out, and
    # SQLAlchemy emits BEGIN itself (see _begin), so every session reads one consistent snapshot.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across app crashes
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def ensure_writable(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataDirNotWritable(data_dir, exc.strerror or str(exc)) from exc


def open_engine(path: Path) -> Engine:
    """An engine on a store at head revision; raises StoreUnreadable for a file that is not ours."""
    ensure_writable(path.parent)
    _check_foreign(path)
    engine = make_engine(path)
    try:
        upgrade_to_head(engine)
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        if "disk is full" in str(exc) or "database or disk is full" in str(exc):
            raise DiskFull(path) from exc
        raise StoreUnreadable(path, _reason(exc)) from exc
    return engine


def _check_foreign(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
    except (DatabaseError, OperationalError) as exc:
        raise StoreUnreadable(path, _reason(exc)) from exc
    finally:
        engine.dispose()
    if tables and "alembic_version" not in tables:
        raise StoreUnreadable(path, "it is another program's database")


def _reason(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc))
    return "the file is damaged or not a database" if "not a database" in text else text


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a broken store (and its WAL files) so a fresh one can start; returns the new name."""
    target = path.with_name(f"{path.name}.broken-{now:%Y%m%d-%H%M%S}")
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{path}{suffix}")
        if src.exists():
            src.rename(Path(f"{target}{suffix}"))
    return target
