"""The store's tables (SQLAlchemy 2). The schema itself is created by Alembic migrations."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from agentdesk.store.types import UtcMillis


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcMillis}


class AccountRow(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200), unique=True)
    base_url: Mapped[str] = mapped_column(String(500), default="")
    settings_json: Mapped[str] = mapped_column(Text, default="{}")
    cursor: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime]


class CustomerRow(Base):
    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("account_id", "source_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    source_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300), default="")
    handle: Mapped[str] = mapped_column(String(300), default="")
    channel: Mapped[str] = mapped_column(String(16))
    followers: Mapped[int] = mapped_column(default=0)
    language: Mapped[str] = mapped_column(String(8), default="")
    form_of_address: Mapped[str] = mapped_column(String(8), default="")


class ConversationTable(Base):
    __tablename__ = "conversations"
    __table_args__ = (
        UniqueConstraint("account_id", "source_id"),
        Index("ix_conversations_status_last", "status", "last_message_at"),
        Index("ix_conversations_status_waiting", "status", "waiting_since", "last_message_at"),
        Index("ix_conversations_assignee_status", "assignee", "status", "last_message_at"),
        Index("ix_conversations_status_assignee_waiting", "status", "assignee", "waiting_since"),
        Index("ix_conversations_customer", "customer_id"),
        Index("ix_conversations_status_relevance", "status", "relevance", "last_message_at"),
        Index("ix_conversations_topic", "topic_id", "status"),
        Index("ix_conversations_escalation", "escalation", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    source_id: Mapped[str] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(16))
    audience: Mapped[str] = mapped_column(String(8))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    assignee: Mapped[str] = mapped_column(String(200), default="")
    team: Mapped[str] = mapped_column(String(200), default="")
    labels: Mapped[str] = mapped_column(Text, default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    preview: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="")
    created_at: Mapped[datetime]
    last_message_at: Mapped[datetime]
    waiting_since: Mapped[datetime | None] = mapped_column(default=None)
    unread: Mapped[bool] = mapped_column(default=True)
    # Triage (agentdesk.store.triage_verdicts): the most pressing message's verdict.
    spam_score: Mapped[float] = mapped_column(default=0.0)
    relevance: Mapped[float] = mapped_column(default=0.0)
    topic_id: Mapped[int | None] = mapped_column(default=None)
    topic_label: Mapped[str] = mapped_column(Text, default="")
    triage_reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{"code", "text"}]
    spam_verdict: Mapped[str] = mapped_column(String(8), default="")  # the agent's word: "", "spam", "ham"
    # Escalation (0003): Chatwoot's priority ("", low, medium, high, urgent) and the path taken.
    priority: Mapped[str] = mapped_column(String(8), default="")
    escalation: Mapped[str] = mapped_column(String(64), default="")  # an escalation path id; "" = none
    escalated_at: Mapped[datetime | None] = mapped_column(default=None)


class AgentRow(Base):
    """A colleague on a team backend, for the supervisor's board and reassignment suggestions."""

    __tablename__ = "agents"
    __table_args__ = (UniqueConstraint("account_id", "source_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    source_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300))
    email: Mapped[str] = mapped_column(String(300), default="")
    availability: Mapped[str] = mapped_column(String(16), default="offline")  # online, busy, offline
    channels: Mapped[str] = mapped_column(Text, default="")  # comma-separated channel ids handled
    languages: Mapped[str] = mapped_column(Text, default="")  # comma-separated language codes
    teams: Mapped[str] = mapped_column(Text, default="")  # comma-separated team names


class TeamRow(Base):
    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("account_id", "source_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    source_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(300))


class SavedSearchRow(Base):
    """A keyword, hashtag or brand name an account polls for on its platform (Monitoring)."""

    __tablename__ = "saved_searches"
    __table_args__ = (UniqueConstraint("account_id", "query"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    query: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    last_run_at: Mapped[datetime | None] = mapped_column(default=None)


class MonitoringPostRow(Base):
    """A post a saved search found, by its canonical URI: one match however many searches found it."""

    __tablename__ = "monitoring_posts"
    __table_args__ = (Index("ix_monitoring_posts_conversation", "conversation_id"),)
    uri: Mapped[str] = mapped_column(String(500), primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    reasons: Mapped[str] = mapped_column(Text, default="[]")  # JSON ["account: query", …]
    found_at: Mapped[datetime]


class TriageMetaRow(Base):
    """Small triage bookkeeping, e.g. the last message id that was triaged."""

    __tablename__ = "triage_meta"
    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class MessageTable(Base):
    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("conversation_id", "source_id"),
        Index("ix_messages_conversation_created", "conversation_id", "created_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    source_id: Mapped[str] = mapped_column(String(200))
    direction: Mapped[str] = mapped_column(String(16))
    author: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    delivery: Mapped[str] = mapped_column(String(16), default="delivered")
    error: Mapped[str] = mapped_column(Text, default="")


class DraftRow(Base):
    __tablename__ = "drafts"
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime]


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_account", "state", "account_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    payload_json: Mapped[str] = mapped_column(Text, default="{}")
    state: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    next_attempt_at: Mapped[datetime | None] = mapped_column(default=None)
    local_message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"), default=None)
