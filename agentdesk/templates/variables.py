"""The built-in template variables and how a conversation fills them.

Pure functions over core entities, so the picker's preview, the CLI and the tests fill the
same names the same way.
"""

from __future__ import annotations

from collections.abc import Mapping

from agentdesk.core.entities import Conversation

#: Variables every template may use without declaring them, with what they hold.
BUILTIN_VARIABLES: dict[str, str] = {
    "customer.name": "the customer's display name",
    "customer.first_name": "the customer's first name",
    "customer.handle": "the customer's handle on the platform",
    "agent.name": "the agent's name",
    "agent.first_name": "the agent's first name",
    "company.name": "the company's name",
    "conversation.id": "the conversation's number, as a reference for the customer",
    "conversation.subject": "the conversation's subject",
}


def first_name(name: str) -> str:
    """The first word of a name, or '' for a name that is only a handle."""
    words = name.strip().split()
    if not words or words[0].startswith("@"):
        return ""
    return words[0]


def variables_for(
    conversation: Conversation, agent_name: str, company_name: str, extra: Mapping[str, str]
) -> dict[str, str]:
    """Values for the built-in variables, overlaid by what the agent typed.

    A value that is not known is left out, so rendering marks it instead of guessing.
    """
    customer = conversation.customer
    values = {
        "customer.name": customer.name.strip(),
        "customer.first_name": first_name(customer.name),
        "customer.handle": customer.handle.strip(),
        "agent.name": agent_name.strip(),
        "agent.first_name": first_name(agent_name),
        "company.name": company_name.strip(),
        "conversation.id": str(conversation.id),
        "conversation.subject": conversation.subject.strip(),
    }
    values.update(extra)
    return {k: v for k, v in values.items() if v}
