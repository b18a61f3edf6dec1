"""The search change log: what each transaction changed that search shows (issue 15, item 3).

An index that predates it has no position and is rebuilt once (tracker.search.following).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 23:33:13.513068
"""

import sqlalchemy as sa
import sqlmodel  # noqa: F401 - autogenerate writes sqlmodel's AutoString for str fields
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('searchchange',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )


def downgrade() -> None:
    op.drop_table('searchchange')
