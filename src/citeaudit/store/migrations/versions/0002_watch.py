"""watched audits: collections, re-check state, changes, notification outbox

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "watch_collections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "name"),
    )
    op.create_table(
        "watches",
        sa.Column("audit_id", sa.String(length=32), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(["audit_id"], ["audits.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["collection_id"], ["watch_collections.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("audit_id"),
    )
    op.create_index("ix_watches_account_id", "watches", ["account_id"])
    op.create_index("ix_watches_collection_id", "watches", ["collection_id"])
    op.create_table(
        "watch_link_state",
        sa.Column("link_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("last_checked_at", _TS, nullable=True),
        sa.Column("streak_started_at", _TS, nullable=True),
        sa.Column("streak_check_id", sa.Integer(), nullable=True),
        sa.Column("broken_since", _TS, nullable=True),
        sa.Column("lease_until", _TS, nullable=True),
        sa.ForeignKeyConstraint(["link_id"], ["links.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("link_id"),
    )
    op.create_index("ix_watch_link_state_last_checked_at", "watch_link_state", ["last_checked_at"])
    op.create_table(
        "watch_doi_state",
        sa.Column("doi", sa.String(length=512), nullable=False),
        sa.Column("notices", sa.JSON(), nullable=False),
        sa.Column("last_checked_at", _TS, nullable=True),
        sa.Column("lease_until", _TS, nullable=True),
        sa.PrimaryKeyConstraint("doi"),
    )
    op.create_index("ix_watch_doi_state_last_checked_at", "watch_doi_state", ["last_checked_at"])
    op.create_table(
        "watch_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("at", _TS, nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=True),
        sa.Column("doi", sa.String(length=512), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["link_id"], ["links.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_watch_changes_at", "watch_changes", ["at"])
    op.create_index("ix_watch_changes_link_id", "watch_changes", ["link_id"])
    op.create_index("ix_watch_changes_doi", "watch_changes", ["doi"])
    op.create_table(
        "watch_account_settings",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("webhook_url", sa.Text(), nullable=True),
        sa.Column("webhook_secret", sa.String(length=128), nullable=True),
        sa.Column("email_to", sa.String(length=320), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("account_id"),
    )
    op.create_table(
        "watch_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _TS, nullable=False),
        sa.Column("claimed_until", _TS, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", _TS, nullable=True),
        sa.Column("created_at", _TS, nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["change_id"], ["watch_changes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("account_id", "change_id", "channel"),
    )
    op.create_index("ix_watch_outbox_due", "watch_outbox", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_watch_outbox_due", "watch_outbox")
    op.drop_table("watch_outbox")
    op.drop_table("watch_account_settings")
    for name in ("ix_watch_changes_doi", "ix_watch_changes_link_id", "ix_watch_changes_at"):
        op.drop_index(name, "watch_changes")
    op.drop_table("watch_changes")
    op.drop_index("ix_watch_doi_state_last_checked_at", "watch_doi_state")
    op.drop_table("watch_doi_state")
    op.drop_index("ix_watch_link_state_last_checked_at", "watch_link_state")
    op.drop_table("watch_link_state")
    op.drop_index("ix_watches_collection_id", "watches")
    op.drop_index("ix_watches_account_id", "watches")
    op.drop_table("watches")
    op.drop_table("watch_collections")
