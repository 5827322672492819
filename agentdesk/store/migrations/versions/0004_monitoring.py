"""Monitoring: saved searches per account, and the posts they found

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 10:00:00.000000

A found post becomes a conversation in the *Monitoring* queue. ``monitoring_posts`` remembers
every post by its canonical URI, so the same post found by two searches, or by two accounts
(a federated Mastodon post has one URI everywhere), is one match with several reasons.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_searches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("query", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("last_run_at", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "query"),
    )
    op.create_table(
        "monitoring_posts",
        sa.Column("uri", sa.String(length=500), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("found_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("uri"),
    )
    op.create_index("ix_monitoring_posts_conversation", "monitoring_posts", ["conversation_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_monitoring_posts_conversation", table_name="monitoring_posts")
    op.drop_table("monitoring_posts")
    op.drop_table("saved_searches")
