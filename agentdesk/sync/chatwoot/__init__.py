"""Chatwoot as a source: a team backend with shared queues, agents, teams, labels and canned responses.

``ChatwootConnector`` is the only entry point the engine and the account set-up need; the
modules beside it are its pure parts (request builders, parsers, error mapping, cursor).
"""

from agentdesk.sync.chatwoot.connector import ChatwootConnector
from agentdesk.sync.chatwoot.diagnosis import ConnectionCheck

__all__ = ["ChatwootConnector", "ConnectionCheck"]
