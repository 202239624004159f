"""The initial schema: the tables of :mod:`threatline.store` as of version 0.1.

Generated with ``alembic revision --autogenerate`` against the models, then reviewed by hand.
On SQLite it also creates the FTS5 full-text index ``articles_fts`` over the articles and the
triggers that keep it in step; other backends have no such table.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


# SQLite only: FTS5 over article titles and texts, kept in step by triggers so that rows
# written by other tools are indexed too. Not part of the models (Alembic ignores it).
SQLITE_FULLTEXT = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "article_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(article_id, title, text) VALUES (new.id, new.title, new.text); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
    "DELETE FROM articles_fts WHERE article_id = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE ON articles BEGIN "
    "UPDATE articles_fts SET title = new.title, text = new.text WHERE article_id = old.id; "
    "END",
)


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("parent", sa.String(length=200), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=True),
        sa.Column("author", sa.String(length=200), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_articles_published"), "articles", ["published"])

    op.create_table(
        "merged_events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("component", sa.String(length=120), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("granularity", sa.String(length=16), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("fatalities_min", sa.Integer(), nullable=True),
        sa.Column("fatalities_max", sa.Integer(), nullable=True),
        sa.Column("injuries_min", sa.Integer(), nullable=True),
        sa.Column("injuries_max", sa.Integer(), nullable=True),
        sa.Column("perpetrators", sa.Text(), nullable=True),
        sa.Column("actor_ids", sa.Text(), nullable=False),
        sa.Column("certainty", sa.String(length=16), nullable=False),
        sa.Column("n_reports", sa.Integer(), nullable=False),
        sa.Column("n_articles", sa.Integer(), nullable=False),
        sa.Column("first_reported", sa.Date(), nullable=True),
        sa.Column("latest_reported", sa.Date(), nullable=True),
        sa.Column("json", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_merged_events_component"), "merged_events", ["component"])
    op.create_index(op.f("ix_merged_events_country"), "merged_events", ["country"])
    op.create_index(op.f("ix_merged_events_date_start"), "merged_events", ["date_start"])
    op.create_index(op.f("ix_merged_events_type"), "merged_events", ["type"])

    op.create_table(
        "places",
        sa.Column("id", sa.String(length=300), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.String(length=200), nullable=True),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "skips",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_skips_code"), "skips", ["code"])

    op.create_table(
        "article_actors",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("mentions", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
        ),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "actor_id"),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=120), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("time_text", sa.Text(), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("granularity", sa.String(length=16), nullable=True),
        sa.Column("place_id", sa.String(length=300), nullable=True),
        sa.Column("place_name", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("precision", sa.Integer(), nullable=True),
        sa.Column("fatalities_min", sa.Integer(), nullable=True),
        sa.Column("fatalities_max", sa.Integer(), nullable=True),
        sa.Column("injuries_min", sa.Integer(), nullable=True),
        sa.Column("injuries_max", sa.Integer(), nullable=True),
        sa.Column("perpetrators", sa.Text(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("json", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["places.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_events_article_id"), "events", ["article_id"])
    op.create_index(op.f("ix_events_country"), "events", ["country"])
    op.create_index(op.f("ix_events_date_start"), "events", ["date_start"])
    op.create_index(op.f("ix_events_type"), "events", ["type"])

    op.create_table(
        "facts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("predicate", sa.String(length=40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("json", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_facts_article_id"), "facts", ["article_id"])
    op.create_index(op.f("ix_facts_subject"), "facts", ["subject"])

    op.create_table(
        "reports",
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("json", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id"),
    )
    op.create_table(
        "event_members",
        sa.Column("mention_id", sa.String(length=120), nullable=False),
        sa.Column("event_id", sa.String(length=40), nullable=False),
        sa.Column("component", sa.String(length=120), nullable=False),
        sa.Column("article_id", sa.String(length=64), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("json", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["mention_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("mention_id"),
    )
    op.create_index(op.f("ix_event_members_article_id"), "event_members", ["article_id"])
    op.create_index(op.f("ix_event_members_component"), "event_members", ["component"])
    op.create_index(op.f("ix_event_members_country"), "event_members", ["country"])
    op.create_index(op.f("ix_event_members_date_start"), "event_members", ["date_start"])
    op.create_index(op.f("ix_event_members_event_id"), "event_members", ["event_id"])

    if op.get_bind().dialect.name == "sqlite":
        for statement in SQLITE_FULLTEXT:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    op.drop_index(op.f("ix_event_members_event_id"), table_name="event_members")
    op.drop_index(op.f("ix_event_members_date_start"), table_name="event_members")
    op.drop_index(op.f("ix_event_members_country"), table_name="event_members")
    op.drop_index(op.f("ix_event_members_component"), table_name="event_members")
    op.drop_index(op.f("ix_event_members_article_id"), table_name="event_members")

    op.drop_table("event_members")
    op.drop_table("reports")
    op.drop_index(op.f("ix_facts_subject"), table_name="facts")
    op.drop_index(op.f("ix_facts_article_id"), table_name="facts")

    op.drop_table("facts")
    op.drop_index(op.f("ix_events_type"), table_name="events")
    op.drop_index(op.f("ix_events_date_start"), table_name="events")
    op.drop_index(op.f("ix_events_country"), table_name="events")
    op.drop_index(op.f("ix_events_article_id"), table_name="events")

    op.drop_table("events")
    op.drop_table("article_actors")
    op.drop_index(op.f("ix_skips_code"), table_name="skips")

    op.drop_table("skips")
    op.drop_table("places")
    op.drop_index(op.f("ix_merged_events_type"), table_name="merged_events")
    op.drop_index(op.f("ix_merged_events_date_start"), table_name="merged_events")
    op.drop_index(op.f("ix_merged_events_country"), table_name="merged_events")
    op.drop_index(op.f("ix_merged_events_component"), table_name="merged_events")

    op.drop_table("merged_events")
    op.drop_index(op.f("ix_articles_published"), table_name="articles")

    op.drop_table("articles")
    op.drop_table("actors")
