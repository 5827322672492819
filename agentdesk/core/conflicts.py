"""What changed in a conversation while the agent was writing, so Send can ask before it answers.

In a team, a colleague may take a conversation over, resolve it or answer it while this agent
types. The next poll brings that into the store (the draft is never touched); this module
compares what the agent saw when they started writing with what the store holds at Send, and
says what a confirmation should mention. The agent's own writes (which the outbox applies
locally at once) are not conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from agentdesk.core.entities import Conversation, Delivery, Direction, Status


@dataclass(frozen=True, slots=True)
class SeenState:
    """The parts of a conversation someone else may change, as the agent saw them."""

    status: Status
    assignee: str
    last_message_id: int  # the newest message shown; later ones arrived while writing

    @classmethod
    def of(cls, conversation: Conversation) -> SeenState:
        return cls(conversation.status, conversation.assignee, max((m.id for m in conversation.messages), default=0))


@dataclass(frozen=True, slots=True)
class ChangesWhileWriting:
    """Empty (false) when nothing happened that the agent should know before sending."""

    new_assignee: str | None = None  # "" = unassigned; None = not reassigned by someone else
    new_status: Status | None = None
    customer_messages: int = 0  # the customer wrote again
    colleague_replies: tuple[str, ...] = ()  # names of colleagues who answered meanwhile

    def __bool__(self) -> bool:
        return (
            self.new_assignee is not None
            or self.new_status is not None
            or bool(self.customer_messages or self.colleague_replies)
        )


def changes_since(seen: SeenState, now: Conversation, me: str) -> ChangesWhileWriting:
    """What others changed after ``seen``; ``me`` is the agent, whose own changes are no conflict."""
    later = [m for m in now.messages if m.id > seen.last_message_id]
    reassigned = now.assignee != seen.assignee and now.assignee != me
    return ChangesWhileWriting(
        new_assignee=now.assignee if reassigned else None,
        new_status=now.status if now.status is not seen.status else None,
        customer_messages=sum(m.direction is Direction.INBOUND for m in later),
        colleague_replies=tuple(
            dict.fromkeys(
                m.author
                for m in later
                if m.direction is Direction.OUTBOUND and m.author != me and m.delivery is Delivery.DELIVERED
            )
        ),
    )
