"""What a Chatwoot account keeps in the profile: never the token, only the account number and "me".

"Me" is the name Chatwoot shows for the token's user (taken from ``/api/v1/profile`` when the
account is added): the queue "mine" compares assignees with it, and "assign to me" sends it,
so it must be exactly the name Chatwoot uses in its conversation and agent lists.
"""

from __future__ import annotations

from agentdesk.core.entities import Account

ACCOUNT_ID = "account_id"
AGENT_NAME = Account.AGENT_NAME


def account_settings(account_id: int, agent_name: str) -> dict[str, str]:
    settings = {ACCOUNT_ID: str(account_id)}
    if agent_name:
        settings[AGENT_NAME] = agent_name
    return settings


def chatwoot_account_id(account: Account) -> int:
    return int(account.settings[ACCOUNT_ID])


def agent_name(account: Account) -> str:
    """Who "me" is on this account; "" when it was added without testing the connection."""
    return account.agent_name
