"""Mastodon as a direct source: mentions and direct messages of one account, replies as statuses."""

from agentdesk.sync.mastodon.connector import MastodonConnector

__all__ = ["MastodonConnector"]
