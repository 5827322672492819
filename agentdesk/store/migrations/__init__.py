"""Alembic migrations of the local store; the first one creates the schema."""
