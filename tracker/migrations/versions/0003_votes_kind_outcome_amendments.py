"""Votes carry kind, outcome, title and agenda; amendments name what they amend

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 23:29:31.442405
"""

import sqlalchemy as sa
from alembic import op
from sqlmodel.sql.sqltypes import AutoString as String

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.add_column(sa.Column('amends', String(), nullable=True))
        batch_op.add_column(sa.Column('amends_basis', String(), nullable=True))
        batch_op.create_index(batch_op.f('ix_draft_amends'), ['amends'], unique=False)

    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', String(length=10), nullable=True))
        batch_op.add_column(sa.Column('outcome', String(length=8), nullable=True))
        batch_op.add_column(sa.Column('title', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('agenda', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('agenda_item', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('origin', String(length=20), nullable=True))
        batch_op.add_column(sa.Column('symbol_as_printed', String(), nullable=True))
        batch_op.create_index(batch_op.f('ix_vote_agenda_item'), ['agenda_item'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_date'), ['date'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vote_date'))
        batch_op.drop_index(batch_op.f('ix_vote_agenda_item'))
        batch_op.drop_column('symbol_as_printed')
        batch_op.drop_column('origin')
        batch_op.drop_column('agenda_item')
        batch_op.drop_column('agenda')
        batch_op.drop_column('title')
        batch_op.drop_column('outcome')
        batch_op.drop_column('kind')

    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_amends'))
        batch_op.drop_column('amends_basis')
        batch_op.drop_column('amends')

