"""X as a direct source: mentions and direct messages of one account, replies as posts."""

from agentdesk.sync.x.connector import XConnector

__all__ = ["XConnector"]
