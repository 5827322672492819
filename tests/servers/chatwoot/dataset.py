"""Data sets for the test server: a small realistic one, and a large one for benchmarks.

The small one covers every channel type the connector maps (tweets and DMs, Messenger and
Instagram, e-mail, SMS, WhatsApp, web chat, an API inbox) and every queue (mine, someone
else's, unassigned; open, pending, snoozed, resolved).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.servers.chatwoot.state import Conversation, ServerState, User

TOKEN = "alice-secret-token"


@dataclass
class Demo:
    """The ids a test needs to talk about the small data set."""

    account_id: int
    other_account_id: int  # exists, but the token's user is not a member
    me: User
    colleague: User
    teams: dict[str, int]
    inboxes: dict[str, int]
    conversations: dict[str, Conversation] = field(default_factory=dict)


_INBOXES = (  # name, channel_type, medium
    ("X", "Channel::TwitterProfile", ""),
    ("Facebook", "Channel::FacebookPage", ""),
    ("Instagram", "Channel::Instagram", ""),
    ("Support mail", "Channel::Email", ""),
    ("SMS", "Channel::Sms", ""),
    ("WhatsApp", "Channel::TwilioSms", "whatsapp"),
    ("Website", "Channel::WebWidget", ""),
    ("Mastodon", "Channel::Api", ""),
)


def seed_demo(state: ServerState) -> Demo:
    with state.lock:
        account_id = state.add_account("Acme Support")
        other = state.add_account("Someone Else")
        me = state.add_user("Alice Agent", [account_id], token=TOKEN)
        colleague = state.add_user("Bob Backup", [account_id], role="agent")
        colleague.availability = "busy"
        demo = Demo(
            account_id,
            other,
            me,
            colleague,
            {name: state.add_team(account_id, name, [me.id]).id for name in ("Social Media", "Legal")},
            {name: state.add_inbox(account_id, name, kind, medium).id for name, kind, medium in _INBOXES},
        )
        state.teams[demo.teams["Legal"]].member_ids.append(colleague.id)
        for name, inbox_id in demo.inboxes.items():  # Alice works every inbox, Bob the Facebook page and mail
            state.inboxes[inbox_id].member_ids.extend(
                [me.id, colleague.id] if name in ("Facebook", "Support mail") else [me.id]
            )
        state.add_canned(account_id, "thanks", "Thank you for reaching out, {{contact.name}}!")
        state.add_canned(account_id, "refund", "Your refund is on its way.")
        _conversation(
            state,
            demo,
            "tweet",
            "X",
            "Tina Tweet",
            "@acme my order never arrived!",
            contact={"additional_attributes": {"screen_name": "tinatweets"}},
            attributes={"type": "tweet", "conversation_language": "en"},
            assignee=me,
        )
        _conversation(
            state,
            demo,
            "x_dm",
            "X",
            "Dan DM",
            "Can you check order 4711?",
            contact={"additional_attributes": {"screen_name": "dan_dm"}},
        )
        _conversation(state, demo, "messenger", "Facebook", "Fiona Face", "Hello, is anyone there?", assignee=colleague)
        _conversation(
            state,
            demo,
            "instagram_dm",
            "Facebook",
            "Ines Insta",
            "Love the product",
            attributes={"type": "instagram_direct_message", "conversation_language": "de"},
            status="pending",
            assignee=me,
        )
        _conversation(
            state,
            demo,
            "email",
            "Support mail",
            "Erik Mail",
            "The invoice is wrong.",
            contact={"email": "erik@example.org"},
            attributes={"mail_subject": "Invoice 2026-11"},
        )
        _conversation(
            state,
            demo,
            "sms",
            "SMS",
            "Sam Sms",
            "Where is my parcel",
            contact={"phone_number": "+4915550001"},
            status="resolved",
        )
        _conversation(
            state,
            demo,
            "whatsapp",
            "WhatsApp",
            "Wanda Whats",
            "Hallo, kurze Frage",
            contact={"phone_number": "+4915550002"},
            assignee=me,
            status="snoozed",
        )
        _conversation(state, demo, "chat", "Website", "Chris Chat", "How do I reset my password?")
        _conversation(
            state,
            demo,
            "mastodon",
            "Mastodon",
            "Mia Mastodon",
            "@acme is the shop down?",
            contact={"identifier": "mia@mastodon.example"},
            attributes={"type": "mention"},
        )
    return demo


def _conversation(
    state: ServerState,
    demo: Demo,
    key: str,
    inbox: str,
    name: str,
    text: str,
    *,
    contact: dict[str, object] | None = None,
    attributes: dict[str, object] | None = None,
    assignee: User | None = None,
    status: str = "open",
) -> None:
    person = state.add_contact(demo.account_id, name, **(contact or {}))
    conversation = state.add_conversation(
        demo.account_id, demo.inboxes[inbox], person.id, additional_attributes=attributes
    )
    state.customer_writes(conversation, text)
    conversation.assignee_id = assignee.id if assignee else None
    conversation.status = status
    if status == "snoozed":
        conversation.snoozed_until = state.now() + 3600
    demo.conversations[key] = conversation


def generate_bulk(state: ServerState, demo: Demo, conversations: int, messages: int, seed: int = 6) -> None:
    """Add ``conversations`` conversations holding ``messages`` messages in all, spread over a year.

    Built straight into the records (no activity messages), so 10,000 conversations with
    200,000 messages take a couple of seconds.
    """
    rng = random.Random(seed)
    inbox_ids = list(demo.inboxes.values())
    per_conversation, extra = divmod(messages, conversations)
    start = state.now() - 365 * 86400
    with state.lock:
        for n in range(conversations):
            person = state.add_contact(demo.account_id, f"Customer {n}", email=f"customer{n}@example.org")
            created = start + n * (365 * 86400 // conversations)
            conversation = state.add_conversation(
                demo.account_id, rng.choice(inbox_ids), person.id, created_at=created, display_id=1000 + n
            )
            conversation.status = rng.choice(("open", "open", "pending", "resolved"))
            conversation.assignee_id = rng.choice((None, demo.me.id, demo.colleague.id))
            for i in range(per_conversation + (1 if n < extra else 0)):
                sender = ("contact", person.id) if i % 2 == 0 else ("user", demo.me.id)
                state.post_message(
                    conversation, f"Message {i} in conversation {n}", i % 2, sender=sender, created_at=created + 60 * i
                )
