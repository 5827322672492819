"""ORM rows to the core's frozen dataclasses: the only shapes that leave the store."""

from __future__ import annotations

import json

from agentdesk.core.channels import Audience, Channel
from agentdesk.core.commands import Command, CommandKind, CommandState
from agentdesk.core.entities import Account, Customer, Delivery, Direction, Message
from agentdesk.store.models import AccountRow, CustomerRow, MessageTable, OutboxRow


def account(row: AccountRow) -> Account:
    return Account(
        id=row.id, kind=row.kind, name=row.name, base_url=row.base_url, settings=json.loads(row.settings_json)
    )


def customer(row: CustomerRow) -> Customer:
    return Customer(
        id=row.id,
        account_id=row.account_id,
        source_id=row.source_id,
        name=row.name,
        handle=row.handle,
        channel=Channel(row.channel),
        followers=row.followers,
        language=row.language,
        form_of_address=row.form_of_address,
    )


def message(row: MessageTable) -> Message:
    return Message(
        id=row.id,
        conversation_id=row.conversation_id,
        source_id=row.source_id,
        direction=Direction(row.direction),
        author=row.author,
        text=row.text,
        created_at=row.created_at,
        delivery=Delivery(row.delivery),
        error=row.error,
    )


def command(row: OutboxRow, conversation_source_id: str) -> Command:
    return Command(
        id=row.id,
        idempotency_key=row.idempotency_key,
        kind=CommandKind(row.kind),
        account_id=row.account_id,
        conversation_id=row.conversation_id,
        conversation_source_id=conversation_source_id,
        payload=json.loads(row.payload_json),
        state=CommandState(row.state),
        attempts=row.attempts,
        error=row.error,
        created_at=row.created_at,
        local_message_id=row.local_message_id,
    )


def audience(value: str) -> Audience:
    return Audience(value)
