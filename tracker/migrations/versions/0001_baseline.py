"""The schema of the last release without migrations, as its `tracker init-db` made it.

Revision ID: 0001
Revises:
Create Date: 2026-11-26

The tables are written out here, not read from tracker.models, so that this revision keeps
making exactly this schema when the models move on; `tracker.migrate` also compares a
database made before migrations against `metadata` before stamping it with this revision.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

metadata = sa.MetaData()

# The audit log is append-only: the database itself refuses UPDATE and DELETE.
_APPEND_ONLY = "the audit log is append-only"
TRIGGERS = {
    "sqlite": [
        "CREATE TRIGGER auditevent_no_update BEFORE UPDATE ON auditevent "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
        "CREATE TRIGGER auditevent_no_delete BEFORE DELETE ON auditevent "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
    ],
    "postgresql": [
        "CREATE OR REPLACE FUNCTION auditevent_refuse() RETURNS trigger AS $$ "
        f"BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER auditevent_append_only BEFORE UPDATE OR DELETE ON auditevent "
        "FOR EACH ROW EXECUTE FUNCTION auditevent_refuse()",
    ],
}


def _table(name, *items):
    return sa.Table(name, metadata, *items)


def _index(name, table, *columns, unique=False):
    return sa.Index(name, *(metadata.tables[table].c[c] for c in columns), unique=unique)


_table('auditevent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('username', sa.String(), nullable=False),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('target', sa.String(), nullable=False),
    sa.Column('detail', sa.String(), nullable=False),
    sa.Column('ip', sa.String(), nullable=False),
    sa.Column('user_agent', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id')
)
_index('ix_auditevent_action', 'auditevent', 'action')
_index('ix_auditevent_user_id', 'auditevent', 'user_id')
_index('ix_auditevent_username', 'auditevent', 'username')
_table('mandate',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('site_label', sa.String(), nullable=False),
    sa.Column('full_name', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('short_name', sa.String(), nullable=False),
    sa.Column('unverified', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('site_label'),
    sa.UniqueConstraint('slug')
)
_table('regionscheme',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('description', sa.String(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('slug')
)
_table('runprocess',
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('host', sa.String(length=255), nullable=False),
    sa.Column('pid', sa.Integer(), nullable=False),
    sa.Column('process_start', sa.String(length=40), nullable=True),
    sa.Column('heartbeat_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('run_id')
)
_table('scraperun',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_kind', sa.String(), nullable=False),
    sa.Column('target', sa.String(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('saved', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.Column('unmatched', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
)
_table('source',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('fetched_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('http_status', sa.Integer(), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('parser', sa.String(), nullable=False),
    sa.Column('parser_version', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('location', 'content_hash')
)
_table('state',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('iso3', sa.String(length=3), nullable=False),
    sa.Column('m49', sa.String(length=3), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('formal_name', sa.String(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('member_since', sa.Integer(), nullable=True),
    sa.Column('un_admitted', sa.Date(), nullable=True),
    sa.Column('un_left', sa.Date(), nullable=True),
    sa.Column('successor_iso3', sa.String(), nullable=True),
    sa.Column('succession', sa.String(), nullable=True),
    sa.Column('m49_region', sa.String(), nullable=False),
    sa.Column('m49_subregion', sa.String(), nullable=False),
    sa.Column('m49_intermediate', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('iso3'),
    sa.UniqueConstraint('m49')
)
_table('user',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('password_hash', sa.String(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('totp_secret', sa.Text(), nullable=True),
    sa.Column('totp_last_step', sa.Integer(), nullable=True),
    sa.Column('recovery_codes', sa.Text(), nullable=False),
    sa.Column('failed_logins', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_login_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id')
)
_index('ix_user_username', 'user', 'username', unique=True)
_table('vocabularyterm',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scheme', sa.String(length=20), nullable=False),
    sa.Column('slug', sa.String(length=40), nullable=False),
    sa.Column('en', sa.String(), nullable=False),
    sa.Column('es', sa.String(), nullable=False),
    sa.Column('fr', sa.String(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=True),
    sa.Column('parent', sa.String(length=20), nullable=True),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('changed_by', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('scheme', 'slug')
)
_table('brief',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('subject_kind', sa.String(), nullable=False),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('context', sa.Text(), nullable=False),
    sa.Column('talking_points', sa.Text(), nullable=False),
    sa.Column('asks', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
)
_index('ix_brief_author_id', 'brief', 'author_id')
_table('case',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('pseudonym', sa.String(length=120), nullable=False),
    sa.Column('identity', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('gender', sa.String(length=12), nullable=False),
    sa.Column('whrd', sa.Boolean(), nullable=False),
    sa.Column('iso3', sa.String(length=3), nullable=False),
    sa.Column('province', sa.String(length=120), nullable=False),
    sa.Column('incident_dates', sa.String(), nullable=False),
    sa.Column('perpetrators', sa.String(), nullable=False),
    sa.Column('attack_types', sa.String(), nullable=False),
    sa.Column('risk_factors', sa.String(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('retention_until', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_by', sa.String(length=80), nullable=False),
    sa.Column('updated_by', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['iso3'], ['state.iso3'], ),
    sa.PrimaryKeyConstraint('id')
)
_index('ix_case_iso3', 'case', 'iso3')
_index('ix_case_listed', 'case', 'updated_at', 'id', 'pseudonym', 'province')
_index('ix_case_pseudonym', 'case', 'pseudonym')
_index('ix_case_retention_until', 'case', 'retention_until')
_index('ix_case_status', 'case', 'status')
_table('communication',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('addressee_code', sa.String(length=3), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=3), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('state_iso3', sa.String(), nullable=True),
    sa.Column('addressee_name', sa.String(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('alleged_victims', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=2), nullable=True),
    sa.Column('letter_url', sa.String(), nullable=True),
    sa.Column('source_url', sa.String(), nullable=True),
    sa.Column('site_id', sa.Integer(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('women', sa.Boolean(), nullable=True),
    sa.Column('women_coded_by', sa.String(), nullable=True),
    sa.Column('women_coded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('whrd', sa.Boolean(), nullable=True),
    sa.Column('whrd_coded_by', sa.String(), nullable=True),
    sa.Column('whrd_coded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attack_types', sa.String(), nullable=True),
    sa.Column('attack_types_coded_by', sa.String(), nullable=True),
    sa.Column('attack_types_coded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('perpetrator_type', sa.String(), nullable=True),
    sa.Column('perpetrator_type_coded_by', sa.String(), nullable=True),
    sa.Column('perpetrator_type_coded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('perpetrators', sa.String(), nullable=True),
    sa.Column('risk_factors', sa.String(), nullable=True),
    sa.Column('coding_status', sa.String(length=10), nullable=True),
    sa.Column('coding_confidence', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.ForeignKeyConstraint(['state_iso3'], ['state.iso3'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('addressee_code', 'number', 'year')
)
_index('ix_communication_addressee_code', 'communication', 'addressee_code')
_index('ix_communication_coding_status', 'communication', 'coding_status')
_index('ix_communication_date', 'communication', 'date')
_index('ix_communication_state_iso3', 'communication', 'state_iso3')
_index('ix_communication_type', 'communication', 'type')
_index('ix_communication_year', 'communication', 'year')
_table('dataissue',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('subject', sa.String(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('location', sa.String(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'subject', 'detail')
)
_index('ix_dataissue_kind', 'dataissue', 'kind')
_table('groupmembership',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('group_name', sa.String(), nullable=False),
    sa.Column('iso3', sa.String(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.Column('source', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['iso3'], ['state.iso3'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('group_name', 'iso3', 'valid_from')
)
_index('ix_groupmembership_group_name', 'groupmembership', 'group_name')
_index('ix_groupmembership_iso3', 'groupmembership', 'iso3')
_table('hrcmembership',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('iso3', sa.String(), nullable=False),
    sa.Column('term_start', sa.Date(), nullable=False),
    sa.Column('term_end', sa.Date(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['iso3'], ['state.iso3'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('iso3', 'term_start')
)
_index('ix_hrcmembership_iso3', 'hrcmembership', 'iso3')
_table('loginsession',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('ip', sa.String(), nullable=False),
    sa.Column('user_agent', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], ),
    sa.PrimaryKeyConstraint('id')
)
_index('ix_loginsession_token_hash', 'loginsession', 'token_hash', unique=True)
_index('ix_loginsession_user_id', 'loginsession', 'user_id')
_table('namedecision',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('iso3', sa.String(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('matched_alias', sa.String(), nullable=False),
    sa.Column('runner_up', sa.String(), nullable=True),
    sa.Column('first_seen', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=False),
    sa.Column('decided_by', sa.String(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['iso3'], ['state.iso3'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
)
_table('region',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scheme_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['scheme_id'], ['regionscheme.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('scheme_id', 'name')
)
_index('ix_region_scheme_id', 'region', 'scheme_id')
_table('resolution',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('body', sa.String(length=3), nullable=False),
    sa.Column('symbol', sa.String(), nullable=False),
    sa.Column('session', sa.String(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('agenda_item', sa.String(), nullable=True),
    sa.Column('adoption_date', sa.Date(), nullable=True),
    sa.Column('adoption_method', sa.String(), nullable=True),
    sa.Column('orally_revised', sa.Boolean(), nullable=False),
    sa.Column('yes', sa.Integer(), nullable=True),
    sa.Column('no', sa.Integer(), nullable=True),
    sa.Column('abstain', sa.Integer(), nullable=True),
    sa.Column('non_voting', sa.Integer(), nullable=True),
    sa.Column('meeting', sa.String(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('symbol')
)
_index('ix_resolution_body', 'resolution', 'body')
_table('sponsorship',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family', sa.String(), nullable=False),
    sa.Column('sponsor_key', sa.String(), nullable=False),
    sa.Column('iso3', sa.String(), nullable=True),
    sa.Column('group_name', sa.String(), nullable=True),
    sa.Column('on_behalf_of', sa.String(), nullable=True),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('joined_source', sa.String(), nullable=True),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('withdrawn_source', sa.String(), nullable=True),
    sa.Column('raw_name', sa.String(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['iso3'], ['state.iso3'], ),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('family', 'sponsor_key')
)
_index('ix_sponsorship_family', 'sponsorship', 'family')
_index('ix_sponsorship_iso3', 'sponsorship', 'iso3')
_table('sponsorshipevent',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('family', sa.String(), nullable=False),
    sa.Column('sponsor_key', sa.String(), nullable=False),
    sa.Column('iso3', sa.String(), nullable=True),
    sa.Column('action', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('source_document', sa.String(), nullable=False),
    sa.Column('raw_name', sa.String(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['iso3'], ['state.iso3'], ),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('family', 'sponsor_key', 'action', 'role', 'source_document')
)
_index('ix_sponsorshipevent_family', 'sponsorshipevent', 'family')
_table('statealias',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('alias', sa.String(), nullable=False),
    sa.Column('iso3', sa.String(), nullable=False),
    sa.Column('source', sa.String(), nullable=False),
    sa.Column('historic', sa.Boolean(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['iso3'], ['state.iso3'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key', 'valid_from')
)
_index('ix_statealias_iso3', 'statealias', 'iso3')
_index('ix_statealias_key', 'statealias', 'key')
_table('vote',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('symbol', sa.String(), nullable=False),
    sa.Column('body', sa.String(length=3), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('method', sa.String(), nullable=False),
    sa.Column('yes', sa.Integer(), nullable=True),
    sa.Column('no', sa.Integer(), nullable=True),
    sa.Column('abstain', sa.Integer(), nullable=True),
    sa.Column('non_voting', sa.Integer(), nullable=True),
    sa.Column('total', sa.Integer(), nullable=True),
    sa.Column('meeting', sa.String(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('symbol', 'date')
)
_index('ix_vote_symbol', 'vote', 'symbol')
_table('briefdeletion',
    sa.Column('brief_id', sa.Integer(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_by', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['brief_id'], ['brief.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('brief_id')
)
_table('briefversion',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('brief_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('note', sa.String(), nullable=False),
    sa.Column('author', sa.String(), nullable=True),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['brief_id'], ['brief.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('brief_id', 'version')
)
_index('ix_briefversion_brief_id', 'briefversion', 'brief_id')
_table('casesubmission',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=False),
    sa.Column('mandates', sa.String(), nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=False),
    sa.Column('communication_id', sa.Integer(), nullable=True),
    sa.Column('link_status', sa.String(length=10), nullable=False),
    sa.Column('linked_by', sa.String(length=80), nullable=True),
    sa.Column('linked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['communication_id'], ['communication.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
)
_index('ix_casesubmission_case_id', 'casesubmission', 'case_id')
_index('ix_casesubmission_communication_id', 'casesubmission', 'communication_id')
_table('caseversion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by', sa.String(length=80), nullable=False),
    sa.Column('changes', sa.String(), nullable=False),
    sa.Column('snapshot', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_id', 'version')
)
_index('ix_caseversion_case_id', 'caseversion', 'case_id')
_table('codeassignment',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('communication_id', sa.Integer(), nullable=False),
    sa.Column('scheme', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=40), nullable=False),
    sa.Column('origin', sa.String(length=5), nullable=False),
    sa.Column('present', sa.Boolean(), nullable=False),
    sa.Column('rule', sa.String(length=80), nullable=True),
    sa.Column('matched', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('coded_by', sa.String(length=80), nullable=True),
    sa.Column('coded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['communication_id'], ['communication.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('communication_id', 'scheme', 'value', 'origin')
)
_index('ix_codeassignment_communication_id', 'codeassignment', 'communication_id')
_table('codingflag',
    sa.Column('communication_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('flagged_by', sa.String(length=80), nullable=False),
    sa.Column('flagged_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['communication_id'], ['communication.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('communication_id')
)
_table('communicationmandate',
    sa.Column('communication_id', sa.Integer(), nullable=False),
    sa.Column('mandate_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['communication_id'], ['communication.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['mandate_id'], ['mandate.id'], ),
    sa.PrimaryKeyConstraint('communication_id', 'mandate_id')
)
_table('draft',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('symbol', sa.String(), nullable=False),
    sa.Column('family', sa.String(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('body', sa.String(length=3), nullable=True),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('status', sa.String(), nullable=True),
    sa.Column('status_source', sa.String(), nullable=True),
    sa.Column('resolution_id', sa.Integer(), nullable=True),
    sa.Column('resolution_symbol', sa.String(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('cover_sponsors', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['resolution_id'], ['resolution.id'], ),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('symbol')
)
_index('ix_draft_family', 'draft', 'family')
_index('ix_draft_resolution_id', 'draft', 'resolution_id')
_table('internalbrief',
    sa.Column('brief_id', sa.Integer(), nullable=False),
    sa.Column('marked_by', sa.String(), nullable=True),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['brief_id'], ['brief.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('brief_id')
)
_table('regionmembership',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('iso3', sa.String(), nullable=False),
    sa.Column('role', sa.String(), nullable=False),
    sa.Column('counts', sa.Boolean(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_to', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['iso3'], ['state.iso3'], ),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('region_id', 'iso3', 'valid_from')
)
_index('ix_regionmembership_iso3', 'regionmembership', 'iso3')
_index('ix_regionmembership_region_id', 'regionmembership', 'region_id')
_table('reply',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('communication_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('url', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['communication_id'], ['communication.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('communication_id', 'url', 'date')
)
_index('ix_reply_communication_id', 'reply', 'communication_id')
_table('votecast',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('iso3', sa.String(), nullable=True),
    sa.Column('raw_name', sa.String(), nullable=False),
    sa.Column('value', sa.String(length=1), nullable=False),
    sa.ForeignKeyConstraint(['iso3'], ['state.iso3'], ),
    sa.ForeignKeyConstraint(['vote_id'], ['vote.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('vote_id', 'raw_name')
)
_index('ix_votecast_iso3', 'votecast', 'iso3')
_index('ix_votecast_vote_id', 'votecast', 'vote_id')
_table('caselinkrejection',
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('communication_id', sa.Integer(), nullable=False),
    sa.Column('rejected_by', sa.String(length=80), nullable=False),
    sa.Column('rejected_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['communication_id'], ['communication.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submission_id'], ['casesubmission.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('submission_id', 'communication_id')
)
_table('document',
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('communication_id', sa.Integer(), nullable=False),
    sa.Column('reply_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=6), nullable=False),
    sa.Column('url', sa.String(), nullable=False),
    sa.Column('fetched_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('size', sa.Integer(), nullable=True),
    sa.Column('pages', sa.Integer(), nullable=True),
    sa.Column('text_status', sa.String(length=8), nullable=False),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=2), nullable=True),
    sa.Column('reference_found', sa.String(length=40), nullable=True),
    sa.Column('reference_ok', sa.Boolean(), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['communication_id'], ['communication.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reply_id'], ['reply.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('url')
)
_index('ix_document_communication_id', 'document', 'communication_id')
_index('ix_document_reply_id', 'document', 'reply_id')
_index('ix_document_text_status', 'document', 'text_status')

def create_missing(bind) -> list[str]:
    """Create the tables and indexes that are missing, as `init-db` did before migrations
    (a database made by an older release lacks what was added since); return their names."""
    inspector = sa.inspect(bind)
    tables = set(inspector.get_table_names())
    made = [t.name for t in metadata.sorted_tables if t.name not in tables]
    metadata.create_all(bind, checkfirst=True)
    if "auditevent" in made:
        for statement in TRIGGERS.get(bind.dialect.name, []):
            bind.exec_driver_sql(statement)
    for table in metadata.sorted_tables:
        if table.name in made:
            continue
        present = {i["name"] for i in inspector.get_indexes(table.name)}
        for index in table.indexes:
            if index.name not in present:
                index.create(bind)
                made.append(index.name)
    return made


def upgrade() -> None:
    create_missing(op.get_bind())


def downgrade() -> None:
    metadata.drop_all(op.get_bind())
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS auditevent_refuse()")
