"""Bluesky as a direct source: mentions, replies, quotes and direct messages of one account."""

from agentdesk.sync.bluesky.connector import BlueskyConnector

__all__ = ["BlueskyConnector"]
