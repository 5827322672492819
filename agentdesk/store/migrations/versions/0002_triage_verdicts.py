"""Triage verdicts per conversation

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00.000000

Columns on ``conversations`` rather than a side table: the Relevance order and the topic view
filter by queue and sort in one index, as the other list orders do.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("spam_score", sa.Float(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("relevance", sa.Float(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("topic_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("topic_label", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("triage_reasons", sa.Text(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("spam_verdict", sa.String(length=8), nullable=False, server_default=""))
        batch_op.create_index(
            "ix_conversations_status_relevance", ["status", "relevance", "last_message_at"], unique=False
        )
        batch_op.create_index("ix_conversations_topic", ["topic_id", "status"], unique=False)
    op.create_table(
        "triage_meta",
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("triage_meta")
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_index("ix_conversations_topic")
        batch_op.drop_index("ix_conversations_status_relevance")
        for column in ("spam_verdict", "triage_reasons", "topic_label", "topic_id", "relevance", "spam_score"):
            batch_op.drop_column(column)
