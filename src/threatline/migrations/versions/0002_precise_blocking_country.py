"""Data migration: the blocking country of a stored event mention only when its place
vouches for it (see :func:`threatline.merge.precise_country`).

Before this revision every mention carried the country of its place, country-only places
included, so a new report placed precisely in another country never met an older report
that named only a country. The rows are rewritten from their own JSON record; the
schema is unchanged. The downgrade restores the old keys the same way.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_MEMBERS = sa.table(
    "event_members",
    sa.column("mention_id", sa.String),
    sa.column("country", sa.String),
    sa.column("json", sa.JSON),
)


def _rewrite(country_of) -> None:
    from threatline.merge import MentionRecord

    bind = op.get_bind()
    rows = bind.execute(sa.select(_MEMBERS.c.mention_id, _MEMBERS.c.country, _MEMBERS.c.json))
    updates = []
    for mention_id, country, raw in rows:
        record = MentionRecord.model_validate(json.loads(raw) if isinstance(raw, str) else raw)
        wanted = country_of(record)
        if wanted != country:
            updates.append({"key": mention_id, "new_country": wanted})
    if updates:
        bind.execute(
            _MEMBERS.update()
            .where(_MEMBERS.c.mention_id == sa.bindparam("key"))
            .values(country=sa.bindparam("new_country")),
            updates,
        )


def upgrade() -> None:
    from threatline.merge import precise_country

    _rewrite(precise_country)


def downgrade() -> None:
    _rewrite(lambda record: record.country)
