"""AgentDesk: a desktop client for customer service on social media."""

__version__ = "0.1.0"
