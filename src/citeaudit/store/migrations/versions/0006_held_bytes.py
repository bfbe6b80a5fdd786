"""held bytes: what an audit's own rows keep, counted by the stored-bytes quota

The quota summed the uploaded files alone; an audit's references, citations,
findings, chunk results and typed result -- often a hundred times the upload -- were
outside it. Audits stored before this count 0 until they are stored again.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audits") as batch:
        batch.add_column(
            sa.Column("held_bytes", sa.BigInteger(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("audits") as batch:
        batch.drop_column("held_bytes")
