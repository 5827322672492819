"""Team data and escalation

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 09:00:00.000000

The supervisor's desk needs the backend's agents (who is online, which channels and languages
they handle) and teams; an escalated conversation carries its path and a raised priority, so the
*Escalated* queue is one indexed filter.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=300), nullable=False, server_default=""),
        sa.Column("availability", sa.String(length=16), nullable=False, server_default="offline"),
        sa.Column("channels", sa.Text(), nullable=False, server_default=""),
        sa.Column("languages", sa.Text(), nullable=False, server_default=""),
        sa.Column("teams", sa.Text(), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "source_id"),
    )
    op.create_table(
        "teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "source_id"),
    )
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("priority", sa.String(length=8), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("escalation", sa.String(length=64), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("escalated_at", sa.BigInteger(), nullable=True))
        batch_op.create_index("ix_conversations_escalation", ["escalation", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_index("ix_conversations_escalation")
        for column in ("escalated_at", "escalation", "priority"):
            batch_op.drop_column(column)
    op.drop_table("teams")
    op.drop_table("agents")
