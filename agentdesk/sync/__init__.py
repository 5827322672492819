"""Talking to sources: the sync engine, the outbox runner, connectors and credentials."""
