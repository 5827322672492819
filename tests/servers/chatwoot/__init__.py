"""A Chatwoot test server: state, the agent API, the OpenAPI contract check, and fault injection."""

from tests.servers.chatwoot.dataset import TOKEN, Demo, generate_bulk, seed_demo
from tests.servers.chatwoot.faults import Fault, FaultKind
from tests.servers.chatwoot.server import ChatwootServer

__all__ = ["TOKEN", "ChatwootServer", "Demo", "Fault", "FaultKind", "generate_bulk", "seed_demo"]
